package ndarray

import (
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func randFloat64(n int, seed uint64, normal bool) *Array {
	r := rand.New(rand.NewPCG(seed, 1))
	s := make([]float64, n)
	for i := range s {
		if normal {
			s[i] = r.NormFloat64()
		} else {
			s[i] = r.Float64()
		}
	}
	a, _ := FromSlice(s, n)
	return a
}

// BenchmarkSortFloat64_1e6 is np.sort(np.random.rand(1_000_000)).
func BenchmarkSortFloat64_1e6(b *testing.B) {
	a := randFloat64(1_000_000, 1, false)
	b.ReportAllocs()
	b.SetBytes(8 * 1_000_000)
	for b.Loop() {
		benchSink, _ = Sort(a, 0)
	}
}

// BenchmarkArgSortFloat64_1e6 is np.argsort(a, kind="stable").
func BenchmarkArgSortFloat64_1e6(b *testing.B) {
	a := randFloat64(1_000_000, 1, false)
	b.ReportAllocs()
	b.SetBytes(8 * 1_000_000)
	for b.Loop() {
		benchSink, _ = ArgSort(a, 0)
	}
}

// BenchmarkSortInt64_1e6 sorts uniformly random int64s.
func BenchmarkSortInt64_1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(2, 2))
	s := make([]int64, 1_000_000)
	for i := range s {
		s[i] = int64(r.Uint64())
	}
	a, _ := FromSlice(s, len(s))
	b.ReportAllocs()
	b.SetBytes(8 * 1_000_000)
	for b.Loop() {
		benchSink, _ = Sort(a, 0)
	}
}

// BenchmarkMaskSelect1e6 is a[m] with a ~ N(0,1) and m = a > 0
// precomputed (the mask_select.f64.1e6 workload without the comparison).
func BenchmarkMaskSelect1e6(b *testing.B) {
	a := randFloat64(1_000_000, 3, true)
	m, _ := Zeros(dtype.Bool, 1_000_000)
	ms := typedSlice[bool](m)
	for i, v := range typedSlice[float64](a) {
		ms[i] = v > 0
	}
	idx := ArrayIndex(m)
	b.ReportAllocs()
	b.SetBytes(8 * 1_000_000)
	for b.Loop() {
		benchSink, _ = a.Slice(idx)
	}
}

// BenchmarkMaskSelectWithCompare1e6 is a[a > 0], the comparison done by a
// plain Go loop (ndarray cannot call the ufunc) into a fresh mask.
func BenchmarkMaskSelectWithCompare1e6(b *testing.B) {
	a := randFloat64(1_000_000, 3, true)
	as := typedSlice[float64](a)
	b.ReportAllocs()
	b.SetBytes(8 * 1_000_000)
	for b.Loop() {
		m, _ := Empty(dtype.Bool, len(as))
		ms := typedSlice[bool](m)
		for i, v := range as {
			ms[i] = v > 0
		}
		benchSink, _ = a.Slice(ArrayIndex(m))
	}
}
