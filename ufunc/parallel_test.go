package ufunc

import (
	"math"
	"runtime"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// TestReductionsParallelDeterminism runs reductions large enough to be
// split (the blocks of a long reduced run, or a kept dimension) with
// GOMAXPROCS 1 and 2, and requires the same bits.
func TestReductionsParallelDeterminism(t *testing.T) {
	must := mustOK(t)
	n := 3*reduceBlock + 1234
	f32 := make([]float32, n)
	for i := range f32 {
		f32[i] = float32(math.Sin(float64(i))*1e3 + 0.1)
	}
	big := must(ndarray.FromSlice(f32))
	m := make([]float64, 700*300)
	for i := range m {
		m[i] = math.Cos(float64(i)*0.37) * float64(i%17)
	}
	m[12345] = math.NaN()
	mat := must(ndarray.FromSlice(m, 700, 300))
	i8 := must(big.AsType(dtype.Int8, dtype.Unsafe))
	cases := []struct {
		name string
		f    func() (*ndarray.Array, error)
	}{
		{"sum float32 all (blocked)", func() (*ndarray.Array, error) { return Sum(big) }},
		{"sum int8 all (blocked, cast)", func() (*ndarray.Array, error) { return Sum(i8) }},
		{"sum axis 0 (split)", func() (*ndarray.Array, error) { return Sum(mat, Axis(0)) }},
		{"sum axis 1 (split)", func() (*ndarray.Array, error) { return Sum(mat, Axis(1)) }},
		{"max axis 0 with NaN", func() (*ndarray.Array, error) { return Max(mat, Axis(0)) }},
		{"mean all", func() (*ndarray.Array, error) { return Mean(mat) }},
		{"cumsum axis 1", func() (*ndarray.Array, error) { return CumSum(mat, Axis(1)) }},
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	for _, c := range cases {
		runtime.GOMAXPROCS(1)
		one := must(c.f())
		runtime.GOMAXPROCS(2)
		two := must(c.f())
		a, b := one.Copy().Bytes(), two.Copy().Bytes()
		if string(a) != string(b) {
			t.Errorf("%s: results differ between GOMAXPROCS 1 and 2", c.name)
		}
	}
	// and the blocked float32 sum is accurate
	s := ndarray.At[float32](must(Sum(big)))
	exact := 0.0
	for _, v := range f32 {
		exact += float64(v)
	}
	if rel := math.Abs(float64(s)-exact) / math.Abs(exact); rel > 1e-6 {
		t.Errorf("float32 sum %v vs exact %v: relative error %g", s, exact, rel)
	}
}
