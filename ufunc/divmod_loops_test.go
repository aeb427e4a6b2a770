package ufunc

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// divTestValue returns an operand for the floor_divide, remainder and
// fmod tests: ordinary numbers of both signs, small integers, quotients
// near integers and half-integers (through near), and NaN, ±Inf, ±0,
// subnormals, huge and tiny values.
func divTestValue[T floating](rng *rand.Rand, near float64) T {
	var z T
	tiny, huge := float64(math.SmallestNonzeroFloat32), float64(math.MaxFloat32)
	if _, ok := any(z).(float64); ok {
		tiny, huge = math.SmallestNonzeroFloat64, math.MaxFloat64
	}
	var v float64
	switch r := rng.IntN(24); r {
	case 0:
		v = math.NaN()
	case 1:
		v = math.Inf(1)
	case 2:
		v = 0
	case 3:
		v = tiny * float64(1+rng.IntN(100))
	case 4:
		v = huge * rng.Float64()
	case 5, 6:
		v = float64(rng.IntN(21) - 10)
	case 7, 8, 9: // a multiple of near, or of half of it, nudged
		v = near * float64(rng.IntN(41)-20) / 2
		v = math.Nextafter(v, math.Inf(rng.IntN(2)*2-1))
	default:
		v = rng.NormFloat64() * math.Pow(2, float64(rng.IntN(40)-20))
	}
	if rng.IntN(2) == 0 {
		v = -v
	}
	return T(v)
}

// divLoopCase is a float loop of the division family and the loop it
// replaced, element by element in Go.
type divLoopCase struct {
	name      string
	fast, ref Loop
}

func divLoopCases[T floating]() []divLoopCase {
	return []divLoopCase{
		{"floor_divide", divFamilyLoop(&simdFloorDiv, floorDivFloat[T]), Binary(floorDivFloat[T])},
		{"remainder", divFamilyLoop(&simdRem, remFloat[T]), Binary(remFloat[T])},
		{"fmod", divFamilyLoop(&simdFmod, fmodFloat[T]), Binary(fmodFloat[T])},
	}
}

// TestDivFamilyLoops checks the float loops of floor_divide, remainder
// and fmod, which hand contiguous and scalar-operand runs to the simd
// kernels, against Go's loops of floorDivFloat, remFloat and fmodFloat
// (NumPy's npy_floor_divide, npy_remainder and fmod) bit for bit, in
// every layout, with the output aliasing an input too.
func TestDivFamilyLoops(t *testing.T) {
	t.Run("float64", func(t *testing.T) { testDivFamilyLoops[float64](t) })
	t.Run("float32", func(t *testing.T) { testDivFamilyLoops[float32](t) })
}

func testDivFamilyLoops[T floating](t *testing.T) {
	sz := sizeOf[T]()
	rng := rand.New(rand.NewPCG(7, uint64(sz)))
	layouts := []struct {
		name   string
		steps  [3]int
		reduce bool
		alias  int // the output is input alias-1 (0: a fresh output)
	}{
		{"contiguous", [3]int{sz, sz, sz}, false, 0},
		{"scalar b", [3]int{sz, 0, sz}, false, 0},
		{"scalar a", [3]int{0, sz, sz}, false, 0},
		{"strided", [3]int{2 * sz, 3 * sz, sz}, false, 0},
		{"strided out", [3]int{sz, sz, 2 * sz}, false, 0},
		{"reduce", [3]int{0, sz, 0}, true, 0},
		{"out is a", [3]int{sz, sz, sz}, false, 1},
		{"out is b", [3]int{sz, sz, sz}, false, 2},
		{"out is a, scalar b", [3]int{sz, 0, sz}, false, 1},
	}
	for _, lc := range divLoopCases[T]() {
		for _, lay := range layouts {
			for _, n := range []int{0, 1, 7, 16, 31, 64, 100, 257, 1000} {
				near := rng.NormFloat64() * 10
				x, y := make([]T, 3*n+1), make([]T, 3*n+1)
				for i := range x {
					x[i], y[i] = divTestValue[T](rng, near), divTestValue[T](rng, 1)
					if rng.IntN(3) == 0 {
						y[i] = T(near)
					}
				}
				run := func(f Loop) []T {
					xs, ys := append([]T(nil), x...), append([]T(nil), y...)
					out := make([]T, 2*n+1)
					args := []unsafe.Pointer{unsafe.Pointer(&xs[0]), unsafe.Pointer(&ys[0]), unsafe.Pointer(&out[0])}
					switch {
					case lay.reduce:
						out[0] = xs[0]
						args[0] = args[2]
					case lay.alias == 1:
						out, args[2] = xs, args[0]
					case lay.alias == 2:
						out, args[2] = ys, args[1]
					}
					f(args, lay.steps[:], n)
					return out
				}
				got, want := run(lc.fast), run(lc.ref)
				for i := range got {
					if math.Float64bits(float64(got[i])) != math.Float64bits(float64(want[i])) && !(got[i] != got[i] && want[i] != want[i]) {
						t.Fatalf("%s, %s, n=%d: element %d is %v, Go's loop gives %v", lc.name, lay.name, n, i, got[i], want[i])
					}
				}
			}
		}
	}
}

// TestDivmodLoop checks the float loop of divmod, which runs the simd
// kernels a chunk at a time, against Go's loop of divmodFloat, with
// either output aliasing either input.
func TestDivmodLoop(t *testing.T) {
	t.Run("float64", func(t *testing.T) { testDivmodLoop[float64](t) })
	t.Run("float32", func(t *testing.T) { testDivmodLoop[float32](t) })
}

func testDivmodLoop[T floating](t *testing.T) {
	sz := sizeOf[T]()
	rng := rand.New(rand.NewPCG(8, uint64(sz)))
	layouts := []struct {
		name           string
		steps          [4]int
		alias1, alias2 int
	}{
		{"contiguous", [4]int{sz, sz, sz, sz}, 0, 0},
		{"scalar b", [4]int{sz, 0, sz, sz}, 0, 0},
		{"scalar a", [4]int{0, sz, sz, sz}, 0, 0},
		{"strided", [4]int{2 * sz, sz, sz, sz}, 0, 0},
		{"strided out", [4]int{sz, sz, sz, 2 * sz}, 0, 0},
		{"quotient to a, remainder to b", [4]int{sz, sz, sz, sz}, 1, 2},
		{"quotient to b, remainder to a", [4]int{sz, sz, sz, sz}, 2, 1},
	}
	fast, ref := divmodLoop[T](), BinaryTwo(divmodFloat[T])
	for _, lay := range layouts {
		for _, n := range []int{0, 1, 15, 255, 256, 257, 1000} {
			near := rng.NormFloat64() * 10
			x, y := make([]T, 2*n+1), make([]T, 2*n+1)
			for i := range x {
				x[i], y[i] = divTestValue[T](rng, near), divTestValue[T](rng, 1)
				if rng.IntN(3) == 0 {
					y[i] = T(near)
				}
			}
			run := func(f Loop) (q, r []T) {
				xs, ys := append([]T(nil), x...), append([]T(nil), y...)
				q, r = make([]T, 2*n+1), make([]T, 2*n+1)
				args := []unsafe.Pointer{unsafe.Pointer(&xs[0]), unsafe.Pointer(&ys[0]), unsafe.Pointer(&q[0]), unsafe.Pointer(&r[0])}
				in := [][]T{nil, xs, ys}
				if lay.alias1 != 0 {
					q, args[2] = in[lay.alias1], args[lay.alias1-1]
				}
				if lay.alias2 != 0 {
					r, args[3] = in[lay.alias2], args[lay.alias2-1]
				}
				f(args, lay.steps[:], n)
				return q, r
			}
			gq, gr := run(fast)
			wq, wr := run(ref)
			for i := range gq {
				for _, p := range [][2]T{{gq[i], wq[i]}, {gr[i], wr[i]}} {
					if math.Float64bits(float64(p[0])) != math.Float64bits(float64(p[1])) && !(p[0] != p[0] && p[1] != p[1]) {
						t.Fatalf("%s, n=%d: element %d is (%v, %v), Go's loop gives (%v, %v)", lay.name, n, i, gq[i], gr[i], wq[i], wr[i])
					}
				}
			}
		}
	}
}

// TestDivModTwins checks that simd's scalar divmod, the twin its kernels
// are tested against, is divmodFloat, NumPy's npy_divmod, bit for bit.
func TestDivModTwins(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 200000 {
		near := rng.NormFloat64() * 10
		a, b := divTestValue[float64](rng, near), divTestValue[float64](rng, 1)
		if rng.IntN(3) == 0 {
			b = near
		}
		gd, gm := simd.DivModFloat64(a, b)
		wd, wm := divmodFloat(a, b)
		if !sameFloat(gd, wd) || !sameFloat(gm, wm) {
			t.Fatalf("simd.DivModFloat64(%v, %v) = (%v, %v), divmodFloat (%v, %v)", a, b, gd, gm, wd, wm)
		}
		a32, b32 := float32(a), float32(b)
		gd32, gm32 := simd.DivModFloat32(a32, b32)
		wd32, wm32 := divmodFloat(a32, b32)
		if !sameFloat(float64(gd32), float64(wd32)) || !sameFloat(float64(gm32), float64(wm32)) {
			t.Fatalf("simd.DivModFloat32(%v, %v) = (%v, %v), divmodFloat (%v, %v)", a32, b32, gd32, gm32, wd32, wm32)
		}
	}
}
