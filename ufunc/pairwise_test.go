package ufunc

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// The contiguous sums (simd kernels) must give the same bits as the
// strided pairwise sum, which follows NumPy's order.
func TestContiguousSumMatchesPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 8, 9, 127, 128, 129, 1000, 4097, 100003} {
		x := make([]float64, n)
		y := make([]float32, n)
		for i := range x {
			x[i] = r.Float64()*2 - 1
			y[i] = float32(x[i])
		}
		var want64 float64
		var want32 float32
		if n > 0 {
			want64 = pairwiseSum(unsafe.Pointer(&x[0]), 8, n, func(v float64) float64 { return v })
			want32 = pairwiseSum(unsafe.Pointer(&y[0]), 4, n, func(v float32) float32 { return v })
		}
		if got := simd.SumFloat64(x); math.Float64bits(got) != math.Float64bits(want64) {
			t.Errorf("n=%d float64: %v, strided gives %v", n, got, want64)
		}
		if got := simd.SumFloat32(y); math.Float32bits(got) != math.Float32bits(want32) {
			t.Errorf("n=%d float32: %v, strided gives %v", n, got, want32)
		}
	}
}
