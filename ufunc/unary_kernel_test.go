package ufunc

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// negative and absolute hand long contiguous runs to simd kernels; the
// results are those of Go's -x and math.Abs, sign of zeros and NaNs
// included, for contiguous, strided and in-place calls.
func TestNegativeAbsoluteKernels(t *testing.T) {
	x := make([]float64, 1000)
	for i := range x {
		switch i % 5 {
		case 0:
			x[i] = math.Copysign(0, -1)
		case 1:
			x[i] = math.NaN()
		default:
			x[i] = float64(i) * -1.5
		}
	}
	a, _ := ndarray.FromSlice(x)
	strided, _ := a.Index("::3")
	for _, in := range []*ndarray.Array{a, strided} {
		src := ndarray.ToSlice[float64](in.Copy())
		for _, c := range []struct {
			u *Ufunc
			f func(float64) float64
		}{{Negative, func(v float64) float64 { return -v }}, {Absolute, math.Abs}} {
			for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
				xin, _ := in.AsType(dt, dtype.Unsafe)
				got, err := c.u.Call1(xin)
				if err != nil {
					t.Fatal(err)
				}
				g, _ := got.AsType(dtype.Float64, dtype.Unsafe)
				for i, v := range ndarray.ToSlice[float64](g) {
					w := c.f(float64(src[i]))
					if dt == dtype.Float32 {
						w = float64(float32(w))
					}
					if math.Float64bits(v) != math.Float64bits(w) && !(math.IsNaN(v) && math.IsNaN(w) && math.Signbit(v) == math.Signbit(w)) {
						t.Fatalf("%s %s [%d]: %v of %v = %v, want %v", c.u.Name(), dt, i, c.u.Name(), src[i], v, w)
					}
				}
			}
		}
	}
	// in place
	b := a.Copy()
	if _, err := Negative.Call1(b, Out(b)); err != nil {
		t.Fatal(err)
	}
	for i, v := range ndarray.ToSlice[float64](b) {
		if math.Float64bits(v) != math.Float64bits(-x[i]) {
			t.Fatalf("in place [%d]: %v", i, v)
		}
	}
}
