package simd

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/internal/mathx"
)

// hypotData returns n pairs for the hypot kernels: mostly the general
// case over many magnitudes, with specials, huge and tiny values
// (scaled by the twin), zeros and pairs 2^60 apart mixed in.
func hypotData(rng *rand.Rand, n int) (x, y []float64) {
	x, y = make([]float64, n), make([]float64, n)
	sp := append(specials[float64](), 1e300, -1e300, 0x1p500, 0x1p-500, math.Nextafter(0x1p500, 1), 0x1p-1070, math.MaxFloat64)
	for i := range n {
		x[i] = (rng.Float64()*2 - 1) * math.Exp2(float64(rng.IntN(200)-100))
		y[i] = (rng.Float64()*2 - 1) * math.Exp2(float64(rng.IntN(200)-100))
		switch rng.IntN(20) {
		case 0:
			x[i] = sp[rng.IntN(len(sp))]
		case 1:
			y[i] = sp[rng.IntN(len(sp))]
		case 2:
			y[i] = x[i] * 0x1p-60 * (1 - rng.Float64()/2) // below 2^-60 of x
		case 3:
			y[i] = x[i] * 0x1p-60
		}
	}
	return x, y
}

// TestHypotKernels runs HypotFloat64 under every implementation against
// the twin, bit for bit: lengths 0 to 300 at unaligned starts, guarded
// outputs, the general case mixed with everything the kernels leave to
// the twin, and dst aliasing an input.
func TestHypotKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	x0, y0 := hypotData(rng, 1000)
	forEachImpl(t, func(t *testing.T) {
		for n := range 301 {
			off := n % 5
			x, y := x0[off:off+n], y0[2*off:2*off+n]
			dst, check := newDst[float64](t, n, off)
			HypotFloat64(dst, x, y)
			check()
			for i := range dst {
				if want := mathx.Hypot(x[i], y[i]); !same(dst[i], want, false) {
					t.Fatalf("n=%d: hypot(%v, %v) = %v, want %v", n, x[i], y[i], dst[i], want)
				}
			}
		}
		y := append([]float64(nil), y0...)
		HypotFloat64(y, x0, y)
		for i := range y {
			if want := mathx.Hypot(x0[i], y0[i]); !same(y[i], want, false) {
				t.Fatalf("in place: hypot(%v, %v) = %v, want %v", x0[i], y0[i], y[i], want)
			}
		}
	})
}

// TestHypotKernelsGeneral checks that the assembly kernels do every
// vector of general-case data themselves, signs and the ratio bound
// included.
func TestHypotKernelsGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	n := 1024
	x, y := make([]float64, n), make([]float64, n)
	for i := range n {
		x[i] = (rng.Float64()*2 - 1) * math.Exp2(float64(rng.IntN(800)-400))
		y[i] = x[i] * math.Exp2(-float64(rng.IntN(60)))
		if i%3 == 0 {
			x[i], y[i] = -y[i], x[i]
		}
	}
	x[5], y[5] = 0x1p500, 0x1p440
	for _, impl := range hypotBlockImpls() {
		t.Run(impl.name, func(t *testing.T) {
			dst := make([]float64, n)
			if got := impl.k(dst, x, y); got != n {
				t.Fatalf("the kernel did %d of %d elements", got, n)
			}
		})
	}
}

// BenchmarkHypotFloat64 takes 1e6 pairs of magnitudes from 2^-10 to
// 2^10.
func BenchmarkHypotFloat64(b *testing.B) {
	n := 1 << 20
	rng := rand.New(rand.NewPCG(1, 2))
	x, y, dst := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = (rng.Float64()*2 - 1) * math.Exp2(float64(rng.IntN(20)-10))
		y[i] = (rng.Float64()*2 - 1) * math.Exp2(float64(rng.IntN(20)-10))
	}
	for b.Loop() {
		HypotFloat64(dst, x, y)
	}
}
