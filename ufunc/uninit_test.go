package ufunc

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/debugalloc"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The results a call allocates are uninitialized (ndarray.Uninitialized),
// so every loop must write every element of them. With the allocator
// poisoned, every loop of plain types of every published ufunc gives the
// bits of the same call made with an all-true where= (whose result
// starts zeroed), in layouts that take each way of allocating: the fast
// path (1-d, a Go scalar, rows broadcast), the direct path, and the
// general path with a result in the inputs' transposed order and in F
// order.
func TestUninitializedResultsWritten(t *testing.T) {
	debugalloc.Poison.Store(true)
	defer debugalloc.Poison.Store(false)
	rng := rand.New(rand.NewPCG(7, 11))
	type layout struct {
		name  string
		make  func(dt dtype.DType, i int) any // operand i
		mask  []int                           // the where= mask's shape
		extra []any                           // options of the call
	}
	vec := func(n int) func(dt dtype.DType, i int) any {
		return func(dt dtype.DType, _ int) any { return plainArray(t, rng, dt, n) }
	}
	layouts := []layout{
		{name: "fast 3000", make: vec(3000), mask: []int{3000}},
		{name: "direct 6000", make: vec(6000), mask: []int{6000}},
		{name: "scalar", make: func(dt dtype.DType, i int) any {
			if i == 1 {
				return 2
			}
			return plainArray(t, rng, dt, 3000)
		}, mask: []int{3000}},
		{name: "broadcast rows", make: func(dt dtype.DType, i int) any {
			if i == 1 {
				return plainArray(t, rng, dt, 70)
			}
			return reshaped(t, plainArray(t, rng, dt, 60*70), 60, 70)
		}, mask: []int{60, 70}},
		{name: "transposed", make: func(dt dtype.DType, _ int) any {
			return reshaped(t, plainArray(t, rng, dt, 70*80), 70, 80).T()
		}, mask: []int{80, 70}},
		{name: "order F", make: func(dt dtype.DType, _ int) any {
			return reshaped(t, plainArray(t, rng, dt, 80*70), 80, 70)
		}, mask: []int{80, 70}, extra: []any{Order(ndarray.F)}},
	}
	checked := 0
	for _, name := range Names() {
		u, _ := Lookup(name)
	loops:
		for _, l := range u.Loops() {
			for _, dt := range l.Types {
				if !plainType(dt) {
					continue loops
				}
			}
			for _, lay := range layouts {
				if lay.name == "scalar" && u.NIn() != 2 {
					continue
				}
				args := make([]any, u.NIn())
				for i := range args {
					args[i] = lay.make(l.Types[i], i)
				}
				all, err := ndarray.Full(dtype.Bool, true, lay.mask...)
				if err != nil {
					t.Fatal(err)
				}
				got, err := callAll(u, append(append([]any{}, args...), lay.extra...))
				ref, refErr := callAll(u, append(append(append([]any{}, args...), lay.extra...), Where(all)))
				if (err != nil) != (refErr != nil) {
					t.Errorf("%s %v %s: error %v, with where= %v", name, l.Types, lay.name, err, refErr)
					continue
				}
				if err != nil {
					continue
				}
				for k := range got {
					if g, r := got[k].Copy().Bytes(), ref[k].Copy().Bytes(); !bytes.Equal(g, r) {
						t.Errorf("%s %v %s: output %d differs from the where= call's (first at byte %s)",
							name, l.Types, lay.name, k, firstDiff(g, r))
					}
				}
				checked++
			}
		}
	}
	if checked < 3000 {
		t.Errorf("only %d calls checked", checked)
	}
}

// callAll calls u with args (operands and options), returning every
// output: through Call, which takes the fast paths, for one output.
func callAll(u *Ufunc, args []any) ([]*ndarray.Array, error) {
	if u.NOut() == 1 {
		out, err := u.Call(args...)
		return []*ndarray.Array{out}, err
	}
	return u.CallN(args...)
}

// plainType reports whether any bytes make a value of dt: the types
// ndarray.Uninitialized leaves unset.
func plainType(dt dtype.DType) bool {
	k := dt.Kind()
	return dt.Num() != dtype.NumUser && k >= dtype.KindBool && k <= dtype.KindTimedelta
}

// plainArray returns n values of the plain type dt between 0.5 and 5,
// away from every ufunc's poles and domain edges.
func plainArray(t *testing.T, rng *rand.Rand, dt dtype.DType, n int) *ndarray.Array {
	t.Helper()
	a, err := ndarray.Zeros(dt, n)
	if err != nil {
		t.Fatal(err)
	}
	b := a.Bytes()
	sz := dt.Size()
	halves := []uint16{0x3800, 0x3c00, 0x3e00, 0x4000, 0x4100} // 0.5, 1, 1.5, 2, 2.5
	for i := range n {
		e := b[i*sz : (i+1)*sz]
		switch k := dt.Kind(); {
		case k == dtype.KindBool:
			e[0] = byte(rng.IntN(2))
		case k == dtype.KindFloat && sz == 2:
			binary.LittleEndian.PutUint16(e, halves[rng.IntN(len(halves))])
		case k == dtype.KindFloat || k == dtype.KindComplex:
			for j := 0; j < len(e); j += min(sz, 8) {
				putFloat(e[j:j+min(sz, 8)], 0.5+2*rng.Float64())
			}
		default: // integers, datetimes and timedeltas
			v := uint64(1 + rng.IntN(5))
			for j := range e {
				e[j] = byte(v >> (8 * j))
			}
		}
	}
	return a
}

func putFloat(e []byte, v float64) {
	if len(e) == 4 {
		binary.LittleEndian.PutUint32(e, math.Float32bits(float32(v)))
		return
	}
	binary.LittleEndian.PutUint64(e, math.Float64bits(v))
}

func reshaped(t *testing.T, a *ndarray.Array, shape ...int) *ndarray.Array {
	t.Helper()
	r, err := a.Reshape(shape...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func firstDiff(a, b []byte) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprint(i)
		}
	}
	return fmt.Sprintf("end (lengths %d, %d)", len(a), len(b))
}
