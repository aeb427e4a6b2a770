package ufunc

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestFloat64Loops checks the float64 loops of add, subtract, multiply
// and divide, which take short contiguous runs themselves, against the
// generic loops they stand in front of: bit for bit, for every length up
// to past minSimdRun, in the contiguous, scalar, strided and reduction
// layouts, with NaN, infinities and signed zeros among the values.
func TestFloat64Loops(t *testing.T) {
	loops := []struct {
		name      string
		fast, ref Loop
	}{
		{"add", addFloat64, addLoop[float64]},
		{"subtract", subFloat64, subLoop[float64]},
		{"multiply", mulFloat64, mulLoop[float64]},
		{"divide", divFloat64, divLoop[float64]},
	}
	rng := rand.New(rand.NewPCG(3, 4))
	special := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1e308, -5e-324}
	value := func() float64 {
		if rng.IntN(4) == 0 {
			return special[rng.IntN(len(special))]
		}
		return rng.NormFloat64() * 100
	}
	type layout struct {
		name   string
		steps  [3]int
		reduce bool
	}
	layouts := []layout{
		{"contiguous", [3]int{8, 8, 8}, false},
		{"scalar b", [3]int{8, 0, 8}, false},
		{"scalar a", [3]int{0, 8, 8}, false},
		{"strided", [3]int{16, 24, 8}, false},
		{"stride 2, 1", [3]int{16, 8, 8}, false},
		{"stride 1, 2", [3]int{8, 16, 8}, false},
		{"stride 2, 2", [3]int{16, 16, 8}, false},
		{"strided out", [3]int{8, 8, 16}, false},
		{"reduce", [3]int{0, 8, 0}, true},
	}
	for _, lp := range loops {
		for _, lay := range layouts {
			for n := range 2*minSimdRun + 3 {
				x := make([]float64, 3*n+1)
				y := make([]float64, 3*n+1)
				for i := range x {
					x[i], y[i] = value(), value()
				}
				run := func(f Loop) []float64 {
					out := make([]float64, 2*n+1)
					xs := append([]float64(nil), x...)
					a0 := unsafe.Pointer(&xs[0])
					a2 := unsafe.Pointer(&out[0])
					if lay.reduce {
						out[0] = xs[0]
						a0 = a2
					}
					f([]unsafe.Pointer{a0, unsafe.Pointer(&y[0]), a2}, lay.steps[:], n)
					return out
				}
				got, want := run(lp.fast), run(lp.ref)
				for i := range got {
					if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
						t.Fatalf("%s, %s, n=%d: element %d is %v, the generic loop gives %v", lp.name, lay.name, n, i, got[i], want[i])
					}
				}
			}
		}
	}
}
