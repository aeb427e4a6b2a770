package ufunc_test

import (
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
	"github.com/x448/float16"
)

// TestMathLoopTables: the loop tables are NumPy 1.24's ufunc.types with
// duplicates, long double and object loops left out.
func TestMathLoopTables(t *testing.T) {
	real := []string{"e->e", "f->f", "d->d"}
	cplx := []string{"e->e", "f->f", "d->d", "F->F", "D->D"}
	bin := []string{"ee->e", "ff->f", "dd->d"}
	cases := []struct {
		u    *ufunc.Ufunc
		want []string
	}{
		{ufunc.Sqrt, cplx}, {ufunc.Cbrt, real}, {ufunc.Exp, cplx}, {ufunc.Exp2, cplx},
		{ufunc.Expm1, cplx}, {ufunc.Log, cplx}, {ufunc.Log2, cplx}, {ufunc.Log10, cplx},
		{ufunc.Log1p, cplx}, {ufunc.Logaddexp, bin}, {ufunc.Logaddexp2, bin},
		{ufunc.Sin, cplx}, {ufunc.Cos, cplx}, {ufunc.Tan, cplx}, {ufunc.Arcsin, cplx},
		{ufunc.Arccos, cplx}, {ufunc.Arctan, cplx}, {ufunc.Arctan2, bin}, {ufunc.Hypot, bin},
		{ufunc.Sinh, cplx}, {ufunc.Cosh, cplx}, {ufunc.Tanh, cplx}, {ufunc.Arcsinh, cplx},
		{ufunc.Arccosh, cplx}, {ufunc.Arctanh, cplx},
	}
	for _, c := range cases {
		if got := c.u.TypeSignatures(); !slices.Equal(got, c.want) {
			t.Errorf("%v: loops %v, want %v", c.u, got, c.want)
		}
		if u, ok := ufunc.Lookup(c.u.Name()); !ok || u != c.u {
			t.Errorf("Lookup(%q) does not find %v", c.u.Name(), c.u)
		}
	}
}

// TestMathResolution: integer and bool inputs go to the smallest float
// loop they reach by a safe cast, as in NumPy.
func TestMathResolution(t *testing.T) {
	cases := []struct {
		u    *ufunc.Ufunc
		in   []dtype.DType
		want dtype.DType
	}{
		{ufunc.Sqrt, []dtype.DType{dtype.Bool}, dtype.Float16},
		{ufunc.Sqrt, []dtype.DType{dtype.Int8}, dtype.Float16},
		{ufunc.Sqrt, []dtype.DType{dtype.Uint8}, dtype.Float16},
		{ufunc.Sqrt, []dtype.DType{dtype.Int16}, dtype.Float32},
		{ufunc.Exp, []dtype.DType{dtype.Uint16}, dtype.Float32},
		{ufunc.Log, []dtype.DType{dtype.Int32}, dtype.Float64},
		{ufunc.Sin, []dtype.DType{dtype.Uint64}, dtype.Float64},
		{ufunc.Arctan2, []dtype.DType{dtype.Int8, dtype.Float32}, dtype.Float32},
		{ufunc.Hypot, []dtype.DType{dtype.Int64, dtype.Float16}, dtype.Float64},
		{ufunc.Arcsin, []dtype.DType{dtype.Complex64}, dtype.Complex64},
	}
	for _, c := range cases {
		var args []any
		for _, d := range c.in {
			a, err := ndarray.Zeros(d, 2)
			if err != nil {
				t.Fatal(err)
			}
			args = append(args, a)
		}
		got, err := c.u.Call(args...)
		if err != nil {
			t.Errorf("%v%v: %v", c.u, c.in, err)
			continue
		}
		if got.DType() != c.want {
			t.Errorf("%v%v: result %v, want %v", c.u, c.in, got.DType(), c.want)
		}
	}
	// no complex loops for arctan2, hypot, cbrt, logaddexp
	z, _ := ndarray.Zeros(dtype.Complex128, 2)
	for _, u := range []*ufunc.Ufunc{ufunc.Arctan2, ufunc.Hypot, ufunc.Logaddexp} {
		if _, err := u.Call(z, z); err == nil {
			t.Errorf("%v(complex128) did not fail", u)
		}
	}
	if _, err := ufunc.Cbrt.Call(z); err == nil {
		t.Errorf("cbrt(complex128) did not fail")
	}
}

// TestMathValues checks each loop on a few values against NumPy 1.24.
func TestMathValues(t *testing.T) {
	h := func(v ...float64) *ndarray.Array {
		s := make([]float16.Float16, len(v))
		for i, x := range v {
			s[i] = dtype.FromFloat64(x)
		}
		a, _ := ndarray.FromSlice(s, len(s))
		return a
	}
	h16, _ := ufunc.Exp.Call(h(1, -1, 11.5, 0))
	want16 := []float64{2.719, 0.3679, 98715.8 /* inf */, 1}
	for i, v := range ndarray.ToSlice[float16.Float16](h16) {
		w := dtype.FromFloat64(want16[i])
		if i == 2 {
			w = float16.Inf(1)
		}
		if v != w {
			t.Errorf("exp(float16)[%d] = %v, want %v", i, v, w)
		}
	}
	sq, _ := ufunc.Sqrt.Call(h(2))
	if got := ndarray.ToSlice[float16.Float16](sq)[0].Float32(); got != 1.4140625 {
		t.Errorf("sqrt(float16 2) = %v, want 1.4140625", got)
	}
	f32, _ := ndarray.FromSlice([]float32{2, 1e30, 88.72})
	r, _ := ufunc.Sqrt.Call(f32)
	if got := ndarray.ToSlice[float32](r); got[0] != 1.4142135 || got[1] != 1e15 {
		t.Errorf("sqrt(float32) = %v", got)
	}
	r, _ = ufunc.Sin.Call(f32)
	if got := ndarray.ToSlice[float32](r)[1]; got != -0.79116344 {
		t.Errorf("sin(float32 1e30) = %v, want -0.79116344", got)
	}
	r, _ = ufunc.Exp.Call(f32)
	// NumPy's SIMD expf gives 3.3931804e+38; the correctly rounded
	// value is its neighbour above.
	if got := ndarray.ToSlice[float32](r)[2]; got != math.Nextafter32(3.3931804e+38, float32(math.Inf(1))) {
		t.Errorf("exp(float32 88.72) = %v, want 3.3931806e+38", got)
	}
	y, _ := ndarray.FromSlice([]float64{math.Copysign(0, -1), 0, 1, -5e-324})
	x, _ := ndarray.FromSlice([]float64{-1, math.Copysign(0, -1), 0, -2.5})
	r, _ = ufunc.Arctan2.Call(y, x)
	want := []float64{-math.Pi, math.Pi, math.Pi / 2, -math.Pi}
	if got := ndarray.ToSlice[float64](r); !slices.Equal(got, want) {
		t.Errorf("arctan2 = %v, want %v", got, want)
	}
	c, _ := ndarray.FromSlice([]complex64{complex(-4, 0), complex(3, 4)})
	r, _ = ufunc.Sqrt.Call(c)
	if got := ndarray.ToSlice[complex64](r); got[0] != complex(0, 2) || got[1] != complex(2, 1) {
		t.Errorf("sqrt(complex64) = %v", got)
	}
	// a Go scalar operand takes the array's dtype
	r, err := ufunc.Hypot.Call(f32, 3.0)
	if err != nil || r.DType() != dtype.Float32 {
		t.Fatalf("hypot(float32, 3.0): %v, %v", r, err)
	}
}
