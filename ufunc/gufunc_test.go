package ufunc

import (
	"errors"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// innerLoop is a user-written gufunc loop for (n),(n)->(): the sum of
// products of two float64 vectors.
func innerLoop(args []unsafe.Pointer, core []int, cs [][]int) {
	var s float64
	for i := range core[0] {
		s += *(*float64)(unsafe.Add(args[0], i*cs[0][0])) * *(*float64)(unsafe.Add(args[1], i*cs[1][0]))
	}
	*(*float64)(args[2]) = s
}

func newInner(t *testing.T, sig string) *GUfunc {
	t.Helper()
	g, err := NewG(GSpec{Name: "inner1d", Signature: sig, Doc: "inner product"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Register(innerLoop, dtype.Float64, dtype.Float64, dtype.Float64); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGUfuncSignatures(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"(n),(n)->()", "(n),(n)->()"},
		{"(m,n),(n,p)->(m,p)", "(m,n),(n,p)->(m,p)"},
		{" (n?, k) , (k, m?) -> (n?, m?) ", "(n?,k),(k,m?)->(n?,m?)"},
		{"(3),(3)->(3)", "(3),(3)->(3)"},
		{"(M * N * T, N * P * T) -> M * P * T", "(M,N),(N,P)->(M,P)"},
		{"(... * N * T, ... * N * T) -> ... * T", "(N),(N)->()"},
		{"(N * float64, N * float64) -> float64", "(N),(N)->()"},
	}
	for _, tt := range tests {
		g, err := NewG(GSpec{Name: "g", Signature: tt.in})
		if err != nil {
			t.Errorf("NewG(%q): %v", tt.in, err)
			continue
		}
		if got := g.Signature(); got != tt.want {
			t.Errorf("NewG(%q).Signature() = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"", "(n)", "(n),(n)", "(n,)->()", "(1n)->()", "((n))->()", "(n)->()x", "->"} {
		if _, err := NewG(GSpec{Name: "g", Signature: bad}); err == nil {
			t.Errorf("NewG(%q) accepted a bad signature", bad)
		}
	}
}

func TestUserGUfunc(t *testing.T) {
	for _, sig := range []string{"(n),(n)->()", "(N * T, N * T) -> T"} {
		g := newInner(t, sig)
		a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
		b, _ := ndarray.FromSlice([]float64{1, 0, -1}, 3)
		r, err := g.Call(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if got := ndarray.ToSlice[float64](r); !equalShape(r.Shape(), []int{2}) || got[0] != -2 || got[1] != -2 {
			t.Errorf("%s: got %v shape %v, want [-2 -2] shape (2,)", sig, got, r.Shape())
		}
		// int32 inputs reach the float64 loop by a safe cast
		ai, _ := ndarray.FromSlice([]int32{1, 2, 3}, 3)
		r, err = g.Call(ai, ai)
		if err != nil || ndarray.At[float64](r) != 14 {
			t.Errorf("%s: int32 inputs: %v, %v", sig, r, err)
		}
		// complex cannot reach float64 safely
		ac, _ := ndarray.FromSlice([]complex128{1}, 1)
		var le *LoopError
		if _, err := g.Call(ac, ac); !errors.As(err, &le) {
			t.Errorf("%s: complex inputs: got %v, want *LoopError", sig, err)
		}
		// Out with a different dtype
		out, _ := ndarray.Zeros(dtype.Float32, 2)
		if _, err := g.Call(a, b, Out(out)); err != nil || ndarray.At[float32](out, 1) != -2 {
			t.Errorf("%s: Out float32: %v %v", sig, out, err)
		}
	}
}

func TestGUfuncErrors(t *testing.T) {
	g := newInner(t, "(n),(n)->()")
	a3, _ := ndarray.Zeros(dtype.Float64, 3)
	a2, _ := ndarray.Zeros(dtype.Float64, 2)
	b23, _ := ndarray.Zeros(dtype.Float64, 2, 3)
	b43, _ := ndarray.Zeros(dtype.Float64, 4, 3)
	s, _ := ndarray.Zeros(dtype.Float64)
	tests := []struct {
		name string
		a, b *ndarray.Array
		kind string
		msg  string
	}{
		{"core mismatch", a3, a2, "shape", "ndarray: inner1d: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n),(n)->() (size 2 is different from 3)"},
		{"too few dims", s, a3, "shape", "ndarray: inner1d: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n),(n)->() requires 1)"},
		{"loop dims", b23, b43, "broadcast", ""},
	}
	for _, tt := range tests {
		_, err := g.Call(tt.a, tt.b)
		var se *ndarray.ShapeError
		var be *ndarray.BroadcastError
		switch {
		case tt.kind == "shape" && !errors.As(err, &se), tt.kind == "broadcast" && !errors.As(err, &be):
			t.Errorf("%s: got %v, want a %s error", tt.name, err, tt.kind)
		case tt.msg != "" && err.Error() != tt.msg:
			t.Errorf("%s: message\n%s\nwant\n%s", tt.name, err, tt.msg)
		}
	}
	if _, err := g.Call(a3); err == nil {
		t.Error("one operand accepted")
	}
	if err := g.Register(innerLoop, dtype.Float64, dtype.Float64, dtype.Float64); err == nil {
		t.Error("duplicate loop accepted")
	}
	if err := g.Register(innerLoop, dtype.Float64); err == nil {
		t.Error("wrong type count accepted")
	}
}

func FuzzGUfuncSignature(f *testing.F) {
	for _, s := range []string{"(n),(n)->()", "(n?,k),(k,m?)->(n?,m?)", "(M * N * T, N * P * T) -> M * P * T", "(3)->(3)", "(,)->", "((", "->->"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := NewG(GSpec{Name: "f", Signature: s})
		if err != nil {
			return
		}
		if g.NIn() < 1 || g.NOut() < 1 {
			t.Fatalf("%q: %d inputs %d outputs", s, g.NIn(), g.NOut())
		}
		if _, err := NewG(GSpec{Name: "f", Signature: g.Signature()}); err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", g.Signature(), s, err)
		}
	})
}
