package ufunc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The variance of whole contiguous arrays gives bit for bit what the
// temporary form computes — the pairwise sum of the materialised squared
// deviations from the mean, NumPy's np.var — up to the length where Sum
// starts combining fixed blocks of 1<<16 (which keeps it independent of
// the number of threads); beyond it the two summation trees differ and
// the results agree to a few units in the last place.
func TestVarianceFlatMatchesTemporaryForm(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 2, 7, 8, 127, 128, 129, 2047, 2048, 2049, 5000, 100003} {
		x := make([]float64, n)
		for i := range x {
			x[i] = r.NormFloat64()*3 + 1e4
		}
		a, _ := ndarray.FromSlice(x)
		for _, ddof := range []int{0, 1} {
			got, err := Var(a, DDof(ddof))
			if err != nil {
				t.Fatal(err)
			}
			// the temporary form: mean, deviations, squares, pairwise sum
			s, _ := Sum(a)
			m := ndarray.ToSlice[float64](s)[0] / float64(n)
			d, _ := Subtract.Call2(a, m)
			sq, _ := Multiply.Call2(d, d)
			ss, _ := Sum(sq)
			want := ndarray.ToSlice[float64](ss)[0] / float64(max(n-ddof, 0))
			if g := ndarray.ToSlice[float64](got)[0]; !closeULP(float64(g), want, n, 1e-15) {
				t.Errorf("n=%d ddof=%d: var %v, want %v", n, ddof, g, want)
			}
		}
		// float32 runs in float32 throughout, as NumPy's does
		a32, _ := a.AsType(dtype.Float32, dtype.Unsafe)
		got, _ := Var(a32)
		s, _ := Sum(a32)
		m := ndarray.ToSlice[float32](s)[0] / float32(n)
		d, _ := Subtract.Call2(a32, m)
		sq, _ := Multiply.Call2(d, d)
		ss, _ := Sum(sq)
		want := ndarray.ToSlice[float32](ss)[0] / float32(n)
		if g := ndarray.ToSlice[float32](got)[0]; !closeULP(float64(g), float64(want), n, 5e-7) {
			t.Errorf("float32 n=%d: var %v, want %v", n, g, want)
		}
	}
}

// Values NumPy 1.24 gives: np.var([1., 2., 3., 4.]) = 1.25,
// np.std([1., 2., 3., 4.], ddof=1) = 1.2909944487358056, keepdims keeps
// the dimensions, and ddof = n divides by zero to inf.
func TestVarianceFlatValues(t *testing.T) {
	a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	v, err := Var(a)
	if err != nil || v.NDim() != 0 || ndarray.ToSlice[float64](v)[0] != 1.25 {
		t.Errorf("var: %v %v", v, err)
	}
	s, err := Std(a, DDof(1), KeepDims())
	if err != nil || !equalShape(s.Shape(), []int{1, 1}) || ndarray.ToSlice[float64](s)[0] != 1.2909944487358056 {
		t.Errorf("std ddof=1 keepdims: %v %v", s, err)
	}
	z, err := Var(a, DDof(4))
	if err != nil || !math.IsInf(ndarray.ToSlice[float64](z)[0], 1) {
		t.Errorf("var ddof=n: %v %v", z, err)
	}
}

// closeULP requires bit equality up to 1<<16 elements and a relative
// difference below rel beyond.
func closeULP(got, want float64, n int, rel float64) bool {
	if math.IsNaN(got) || math.IsNaN(want) {
		return math.IsNaN(got) && math.IsNaN(want)
	}
	if n <= 1<<16 {
		return got == want
	}
	return math.Abs(got-want) <= rel*math.Abs(want)
}
