package ufunc

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/ndarray"
)

// The written-out loops of negative, absolute, sign and square (simd for
// contiguous int32 and int64 negative and absolute) against Go
// expressions, for every real type, contiguous and strided, over
// lengths on both sides of minSimdRun and of the kernels' blocks, with
// the ends of the integer ranges (where negation and square wrap).
func TestUnaryRealLoops(t *testing.T) {
	ints := func(r *rand.Rand) uint64 { return r.Uint64() }
	testUnaryReal(t, true, false, []int8{0, 1, -1, math.MinInt8, math.MaxInt8}, func(r *rand.Rand) int8 { return int8(ints(r)) })
	testUnaryReal(t, false, false, []uint8{0, 1, math.MaxUint8, 128}, func(r *rand.Rand) uint8 { return uint8(ints(r)) })
	testUnaryReal(t, true, false, []int16{0, 1, -1, math.MinInt16, math.MaxInt16}, func(r *rand.Rand) int16 { return int16(ints(r)) })
	testUnaryReal(t, false, false, []uint16{0, 1, math.MaxUint16, 1 << 15}, func(r *rand.Rand) uint16 { return uint16(ints(r)) })
	testUnaryReal(t, true, false, []int32{0, 1, -1, math.MinInt32, math.MaxInt32, math.MinInt32 + 1}, func(r *rand.Rand) int32 { return int32(ints(r)) })
	testUnaryReal(t, false, false, []uint32{0, 1, math.MaxUint32, 1 << 31}, func(r *rand.Rand) uint32 { return uint32(ints(r)) })
	testUnaryReal(t, true, false, []int64{0, 1, -1, math.MinInt64, math.MaxInt64, math.MinInt64 + 1}, func(r *rand.Rand) int64 { return int64(ints(r)) })
	testUnaryReal(t, false, false, []uint64{0, 1, math.MaxUint64, 1 << 63}, func(r *rand.Rand) uint64 { return ints(r) })
	fl := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e30, -2.5}
	f32 := make([]float32, len(fl))
	for i, v := range fl {
		f32[i] = float32(v)
	}
	testUnaryReal(t, true, true, f32, func(r *rand.Rand) float32 { return float32(r.NormFloat64() * 100) })
	testUnaryReal(t, true, true, fl, func(r *rand.Rand) float64 { return r.NormFloat64() * 100 })
}

func testUnaryReal[T int8 | uint8 | int16 | uint16 | int32 | uint32 | int64 | uint64 | float32 | float64](t *testing.T, signed, isFloat bool, edges []T, rnd func(*rand.Rand) T) {
	rng := rand.New(rand.NewPCG(71, 72))
	var z T
	val := func() T {
		if rng.IntN(3) == 0 {
			return edges[rng.IntN(len(edges))]
		}
		return rnd(rng)
	}
	one := T(1)
	ops := []struct {
		u    *Ufunc
		f    func(T) T
		skip bool
	}{
		{Negative, func(v T) T { return -v }, false},
		{Absolute, func(v T) T {
			switch {
			case v == 0:
				return 0 // +0 for -0 too
			case v < 0:
				return -v
			}
			return v
		}, !signed},
		{Sign, func(v T) T {
			switch {
			case v > 0:
				return 1
			case v < 0:
				return -one
			case v == 0:
				return 0
			}
			return v // NaN
		}, false},
		{Square, func(v T) T { return v * v }, false},
	}
	for _, n := range []int{1, 15, 16, 17, 31, 32, 33, 100, 1000} {
		xs := make([]T, 2*n)
		for i := range xs {
			xs[i] = val()
		}
		a, _ := ndarray.FromSlice(xs[:n])
		w, _ := ndarray.FromSlice(xs)
		v, _ := w.Index("::2")
		for _, op := range ops {
			if op.skip {
				continue
			}
			for _, c := range []struct {
				layout string
				a      *ndarray.Array
				step   int
			}{{"contiguous", a, 1}, {"strided", v, 2}} {
				name := fmt.Sprintf("%s %T n=%d %s", op.u.Name(), z, n, c.layout)
				got, err := op.u.Call1(c.a)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				g := ndarray.ToSlice[T](got)
				for i := range n {
					want := op.f(xs[i*c.step])
					same := g[i] == want || (g[i] != g[i] && want != want)
					if !same || isFloat && math.Signbit(float64(g[i])) != math.Signbit(float64(want)) {
						t.Fatalf("%s: at %d, of %v got %v, want %v", name, i, xs[i*c.step], g[i], want)
					}
				}
			}
		}
	}
}
