package simd

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestFloat64Inc checks the Inc kernels of every implementation against
// the loop their doc comments give, bit for bit: lengths 0 to 300, every
// pair of increments 1..3, operands that end exactly at their last
// element or run past it, unaligned starts, NaN, ±Inf and ±0 among the
// values, and guard values around dst.
func TestFloat64Inc(t *testing.T) {
	ops := []struct {
		name string
		f    func(dst, a, b []float64, incA, incB int)
		op   func(x, y float64) float64
	}{
		{"Add", AddFloat64Inc, func(x, y float64) float64 { return x + y }},
		{"Sub", SubFloat64Inc, func(x, y float64) float64 { return x - y }},
		{"Mul", MulFloat64Inc, func(x, y float64) float64 { return x * y }},
		{"Div", DivFloat64Inc, func(x, y float64) float64 { return x / y }},
	}
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1e308, 5e-324}
	forEachImpl(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(11, 12))
		value := func() float64 {
			if rng.IntN(16) == 0 {
				return specials[rng.IntN(len(specials))]
			}
			return rng.NormFloat64()
		}
		const guard = -12345.678
		for _, o := range ops {
			for n := range 301 {
				for incA := 1; incA <= 3; incA++ {
					for incB := 1; incB <= 3; incB++ {
						extra, off := rng.IntN(3), rng.IntN(4)
						last := max(n-1, 0)
						a := make([]float64, off+last*incA+1+extra)
						b := make([]float64, off+last*incB+1+extra)
						for i := range a {
							a[i] = value()
						}
						for i := range b {
							b[i] = value()
						}
						dst := make([]float64, off+n+2)
						for i := range dst {
							dst[i] = guard
						}
						o.f(dst[off:off+n], a[off:], b[off:], incA, incB)
						for i := range n {
							want := o.op(a[off+i*incA], b[off+i*incB])
							if got := dst[off+i]; math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
								t.Fatalf("%s n=%d inc %d,%d off %d: dst[%d] = %v, want %v", o.name, n, incA, incB, off, i, got, want)
							}
						}
						for i, g := range append(dst[:off:off], dst[off+n:]...) {
							if g != guard {
								t.Fatalf("%s n=%d inc %d,%d off %d: guard %d written", o.name, n, incA, incB, off, i)
							}
						}
					}
				}
			}
		}
	})
}

// TestFloat64IncLong checks results long enough for the non-temporal
// stores (ntBytes and more), from every start within a cache line.
func TestFloat64IncLong(t *testing.T) {
	n := ntBytes/8 + 1000
	forEachImpl(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(13, 14))
		a := make([]float64, 2*n+16)
		b := make([]float64, 2*n+16)
		for i := range a {
			a[i], b[i] = rng.NormFloat64(), rng.NormFloat64()
		}
		dst := make([]float64, n+16)
		for _, inc := range [][2]int{{2, 1}, {1, 2}, {2, 2}} {
			for off := range 8 {
				m := n - off
				for i := range dst {
					dst[i] = -1
				}
				SubFloat64Inc(dst[off:off+m], a[off:], b[off:], inc[0], inc[1])
				for i := range m {
					if want := a[off+i*inc[0]] - b[off+i*inc[1]]; dst[off+i] != want {
						t.Fatalf("inc %v off %d: dst[%d] = %v, want %v", inc, off, i, dst[off+i], want)
					}
				}
				for i, g := range append(dst[:off:off], dst[off+m:]...) {
					if g != -1 {
						t.Fatalf("inc %v off %d: guard %d written", inc, off, i)
					}
				}
			}
		}
	})
}

func TestFloat64IncPanics(t *testing.T) {
	for _, c := range []struct {
		n, la, lb, incA, incB int
	}{
		{4, 6, 4, 2, 1}, // a needs 7
		{4, 4, 6, 1, 2}, // b needs 7
		{4, 4, 4, 0, 1},
		{4, 4, 4, 1, -1},
		{1, 0, 1, 1, 1},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("AddFloat64Inc of %d from %d (inc %d) and %d (inc %d) did not panic", c.n, c.la, c.incA, c.lb, c.incB)
				}
			}()
			AddFloat64Inc(make([]float64, c.n), make([]float64, c.la), make([]float64, c.lb), c.incA, c.incB)
		}()
	}
}

func BenchmarkAddFloat64Inc(b *testing.B) {
	for _, n := range []int{1024, 1 << 20} {
		x := make([]float64, 2*n)
		y := make([]float64, 2*n)
		dst := make([]float64, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(24 * n))
			for b.Loop() {
				AddFloat64Inc(dst, x, y, 2, 2)
			}
		})
	}
}
