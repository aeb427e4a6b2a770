package ufunc

import (
	"slices"
	"sync"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

// TestBuiltinLoopTables loads every published ufunc's built-in loop
// table, which start-up no longer does: a duplicate or malformed entry
// panics here instead. Each table must hold at least one loop or one
// flexible resolver, and no two loops may share their input types.
func TestBuiltinLoopTables(t *testing.T) {
	for _, name := range Names() {
		u, _ := Lookup(name)
		loops := u.Loops()
		u.mu.Lock()
		nflex := len(u.flex)
		u.mu.Unlock()
		if len(loops) == 0 && nflex == 0 {
			t.Errorf("%s: no loops and no flexible resolvers", name)
		}
		if !u.loaded.Load() || len(u.pending) != 0 {
			t.Errorf("%s: not loaded after Loops (%d pending)", name, len(u.pending))
		}
		for i, l := range loops {
			for _, m := range loops[:i] {
				if slices.Equal(l.Types[:u.nin], m.Types[:u.nin]) {
					t.Errorf("%s: two loops for inputs %v", name, l.Types[:u.nin])
				}
			}
		}
	}
}

// TestLazyLoops checks the deferred registration: nothing registered
// before first use, the queued functions' loops in queue order after,
// one load however many goroutines use the ufunc first at once, and a
// user's loop registered after the built-in ones.
func TestLazyLoops(t *testing.T) {
	u, err := New(Spec{Name: "lazy_test", NIn: 2, NOut: 1})
	if err != nil {
		t.Fatal(err)
	}
	u.loaded.Store(false)
	runs := 0
	types := []dtype.DType{dtype.Float64, dtype.Float32, dtype.Int64}
	for _, d := range types {
		u.lazy(func() {
			runs++
			u.mustRegister(addLoop[float64], d, d, d)
		})
	}
	u.mu.Lock()
	n := len(u.loops)
	u.mu.Unlock()
	if n != 0 || runs != 0 {
		t.Fatalf("before first use: %d loops, %d queued functions run", n, runs)
	}
	var wg sync.WaitGroup
	res := make([][]dtype.DType, 8)
	for i := range res {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, out, err := u.ResolveTypes(dtype.Int64, dtype.Int64)
			if err != nil {
				t.Error(err)
			}
			res[i] = out
		}()
	}
	wg.Wait()
	for i, out := range res {
		if len(out) != 1 || out[0] != dtype.Int64 {
			t.Errorf("goroutine %d resolved (int64, int64) to %v", i, out)
		}
	}
	if runs != len(types) {
		t.Errorf("queued functions ran %d times, want %d", runs, len(types))
	}
	if err := u.Register(addLoop[int32], dtype.Int32, dtype.Int32, dtype.Int32); err != nil {
		t.Fatal(err)
	}
	var got []dtype.DType
	for _, l := range u.Loops() {
		got = append(got, l.Types[0])
	}
	want := append(slices.Clone(types), dtype.Int32)
	if !slices.Equal(got, want) {
		t.Errorf("loop order %v, want %v", got, want)
	}
	// After loading, lazy runs at once.
	u.lazy(func() { u.mustRegister(addLoop[int16], dtype.Int16, dtype.Int16, dtype.Int16) })
	if l := u.Loops(); len(l) != len(want)+1 || l[len(want)].Types[0] != dtype.Int16 {
		t.Errorf("a function queued after loading did not run: %d loops", len(l))
	}
}

// TestRegisterLoadsFirst checks that a loop registered on a ufunc whose
// built-in tables are not loaded yet comes after them in search order,
// as it would had they been loaded at start-up.
func TestRegisterLoadsFirst(t *testing.T) {
	u, err := New(Spec{Name: "lazy_register_test", NIn: 2, NOut: 1})
	if err != nil {
		t.Fatal(err)
	}
	u.loaded.Store(false)
	u.lazy(func() { u.mustRegister(addLoop[float64], dtype.Float64, dtype.Float64, dtype.Float64) })
	if err := u.Register(addLoop[int32], dtype.Int32, dtype.Int32, dtype.Int32); err != nil {
		t.Fatal(err)
	}
	// The built-in float64 loop must come first: an int32 input reaches
	// both by a safe cast, and the search takes the first.
	if err := u.Register(addLoop[float64], dtype.Float64, dtype.Float64, dtype.Float64); err == nil {
		t.Error("registering the built-in float64 loop again succeeded: the table was not loaded first")
	}
	l := u.Loops()
	if len(l) != 2 || l[0].Types[0] != dtype.Float64 || l[1].Types[0] != dtype.Int32 {
		t.Errorf("loops %v, want float64 then int32", l)
	}
}
