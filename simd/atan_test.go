package simd

import (
	"flag"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"sync"
	"testing"
)

// The arctan and arctan2 kernels: every implementation against the Go
// twin bit for bit (random data over many decades, specials, quadrant
// edges, every length to 300, unaligned starts, guards around dst, dst
// aliasing an operand, runs long enough for the non-temporal stores),
// the twin against a math/big reference in ULPs (bounded by the figures
// in the doc comments), and the special values of NumPy.

// atanArg returns an arctan argument or an arctan2 operand: mostly
// ordinary values over many decades, with specials, zeros, the edges of
// the vector path and values near ±1.
func atanArg[T float](rng *rand.Rand) T {
	sp := specials[T]()
	var z T
	is32 := sizeOf(z) == 4
	edges := []float64{atan2Min64, atan2Max64, atanMax64, math.Nextafter(atan2Min64, 0), math.Nextafter(atan2Max64, math.Inf(1)),
		math.Nextafter(atanMax64, math.Inf(1)), 1e-310, 5e-324, math.MaxFloat64, 0x1p-1022}
	if is32 {
		edges = []float64{atan2Min32, atan2Max32, atanMax32, float64(math.Nextafter32(atan2Min32, 0)),
			float64(math.Nextafter32(atan2Max32, float32(math.Inf(1)))), float64(math.Nextafter32(atanMax32, float32(math.Inf(1)))),
			1e-40, 1e-45, math.MaxFloat32, 0x1p-126}
	}
	var v float64
	switch r := rng.IntN(64); {
	case r == 0:
		return sp[rng.IntN(len(sp))]
	case r == 1:
		v = edges[rng.IntN(len(edges))]
	case r == 2:
		v = 1 + (rng.Float64()*2-1)*1e-3
	default:
		v = math.Exp((rng.Float64()*2 - 1) * 12)
	}
	if rng.IntN(2) == 0 {
		v = -v
	}
	return T(v)
}

// atan2Args returns n operand pairs, with equal magnitudes, zeros of
// both signs and swapped pairs mixed in.
func atan2Args[T float](rng *rand.Rand, n int) (y, x []T) {
	y, x = make([]T, n), make([]T, n)
	for i := range y {
		y[i], x[i] = atanArg[T](rng), atanArg[T](rng)
		switch rng.IntN(16) {
		case 0:
			x[i] = y[i]
		case 1:
			x[i] = -y[i]
		case 2:
			y[i] = T(math.Copysign(0, float64(2*rng.IntN(2)-1)))
		case 3:
			x[i] = T(math.Copysign(0, float64(2*rng.IntN(2)-1)))
		}
	}
	return y, x
}

// TestAtanKernelsMatchTwin runs every implementation against the Go
// twins: bit-identical results, no writes outside dst.
func TestAtanKernelsMatchTwin(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("atan64", func(t *testing.T) { checkAtanTwin(t, AtanFloat64, atan64) })
		t.Run("atan32", func(t *testing.T) { checkAtanTwin(t, AtanFloat32, atan32) })
		t.Run("atan2_64", func(t *testing.T) { checkAtan2Twin(t, Atan2Float64, atan2_64) })
		t.Run("atan2_32", func(t *testing.T) { checkAtan2Twin(t, Atan2Float32, atan2_32) })
	})
}

func checkAtanTwin[T float](t *testing.T, kernel func(dst, a []T), twin func(T) T) {
	var z T
	rng := rand.New(rand.NewPCG(41, uint64(sizeOf(z))))
	for _, n := range lengths {
		for off := range 3 {
			a := make([]T, n+off)[off:]
			for i := range a {
				a[i] = atanArg[T](rng)
			}
			dst, check := newDst[T](t, n, off)
			kernel(dst, a)
			check()
			for i, x := range a {
				if want := twin(x); bits(dst[i]) != bits(want) {
					t.Fatalf("n=%d off=%d: atan(%v) = %v (%#x), twin gives %v (%#x)", n, off, x, dst[i], bits(dst[i]), want, bits(want))
				}
			}
			b := append([]T(nil), a...)
			kernel(b, b)
			for i := range b {
				if bits(b[i]) != bits(dst[i]) {
					t.Fatalf("n=%d off=%d: in place atan(%v) = %v, want %v", n, off, a[i], b[i], dst[i])
				}
			}
		}
	}
}

func checkAtan2Twin[T float](t *testing.T, kernel func(dst, y, x []T), twin func(y, x T) T) {
	var z T
	rng := rand.New(rand.NewPCG(43, uint64(sizeOf(z))))
	for _, n := range lengths {
		for off := range 3 {
			y0, x0 := atan2Args[T](rng, n+3)
			y, x := y0[off:off+n:off+n], x0[(off+1)%3:][:n:n] // different alignments
			dst, check := newDst[T](t, n, off)
			kernel(dst, y, x)
			check()
			for i := range dst {
				if want := twin(y[i], x[i]); bits(dst[i]) != bits(want) {
					t.Fatalf("n=%d off=%d: atan2(%v, %v) = %v (%#x), twin gives %v (%#x)", n, off, y[i], x[i], dst[i], bits(dst[i]), want, bits(want))
				}
			}
			// dst aliasing y, then x
			for _, first := range []bool{true, false} {
				b := append([]T(nil), y...)
				c := append([]T(nil), x...)
				if first {
					kernel(b, b, c)
				} else {
					kernel(c, b, c)
					b = c
				}
				for i := range b {
					if bits(b[i]) != bits(dst[i]) {
						t.Fatalf("n=%d off=%d: in place (into y: %v) atan2(%v, %v) = %v, want %v", n, off, first, y[i], x[i], b[i], dst[i])
					}
				}
			}
		}
	}
}

// TestAtanKernelsLong runs the kernels on runs long enough for the
// non-temporal stores, from unaligned starts.
func TestAtanKernelsLong(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("atan64", func(t *testing.T) { checkAtanLong(t, AtanFloat64, atan64) })
		t.Run("atan32", func(t *testing.T) { checkAtanLong(t, AtanFloat32, atan32) })
		t.Run("atan2_64", func(t *testing.T) { checkAtan2Long(t, Atan2Float64, atan2_64) })
		t.Run("atan2_32", func(t *testing.T) { checkAtan2Long(t, Atan2Float32, atan2_32) })
	})
}

func checkAtanLong[T float](t *testing.T, kernel func(dst, a []T), twin func(T) T) {
	var z T
	rng := rand.New(rand.NewPCG(47, uint64(sizeOf(z))))
	for _, n := range ntLengths(sizeOf(z)) {
		for _, off := range ntOffsets() {
			a := make([]T, n)
			for i := range a {
				a[i] = T(math.Exp((rng.Float64()*2-1)*12) * float64(2*rng.IntN(2)-1))
				if rng.IntN(4096) == 0 { // now and then a vector for the twin
					a[i] = T(math.NaN())
				}
			}
			dst, check := newDst[T](t, n, off)
			kernel(dst, a)
			check()
			for i, x := range a {
				if want := twin(x); bits(dst[i]) != bits(want) {
					t.Fatalf("n=%d off=%d: atan(%v) at %d = %v, twin gives %v", n, off, x, i, dst[i], want)
				}
			}
		}
	}
}

func checkAtan2Long[T float](t *testing.T, kernel func(dst, y, x []T), twin func(y, x T) T) {
	var z T
	rng := rand.New(rand.NewPCG(53, uint64(sizeOf(z))))
	for _, n := range ntLengths(sizeOf(z)) {
		for _, off := range ntOffsets() {
			y, x := make([]T, n), make([]T, n)
			for i := range y {
				y[i] = T(math.Exp((rng.Float64()*2-1)*12) * float64(2*rng.IntN(2)-1))
				x[i] = T(math.Exp((rng.Float64()*2-1)*12) * float64(2*rng.IntN(2)-1))
				if rng.IntN(4096) == 0 {
					x[i] = T(math.Inf(-1))
				}
			}
			dst, check := newDst[T](t, n, off)
			kernel(dst, y, x)
			check()
			for i := range dst {
				if want := twin(y[i], x[i]); bits(dst[i]) != bits(want) {
					t.Fatalf("n=%d off=%d: atan2(%v, %v) at %d = %v, twin gives %v", n, off, y[i], x[i], i, dst[i], want)
				}
			}
		}
	}
}

// TestAtanLengthMismatch checks the documented panics.
func TestAtanLengthMismatch(t *testing.T) {
	for name, f := range map[string]func(){
		"AtanFloat64":  func() { AtanFloat64(make([]float64, 3), make([]float64, 4)) },
		"Atan2Float64": func() { Atan2Float64(make([]float64, 3), make([]float64, 3), make([]float64, 2)) },
		"Atan2Float32": func() { Atan2Float32(make([]float32, 3), make([]float32, 4), make([]float32, 3)) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s with mismatched lengths did not panic", name)
				}
			}()
			f()
		}()
	}
}

// TestAtan2SpecialValues checks NumPy's (C99's) special values and the
// quadrant edges, each alone among ordinary values and in a vector of
// it, float64 and float32.
func TestAtan2SpecialValues(t *testing.T) {
	inf, nan, nz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	pi, pi2, pi4 := math.Pi, math.Pi/2, math.Pi/4
	cases := []struct{ y, x, want float64 }{
		{0, 1, 0}, {nz, 1, nz}, {0, -1, pi}, {nz, -1, -pi},
		{0, 0, 0}, {nz, 0, nz}, {0, nz, pi}, {nz, nz, -pi},
		{1, 0, pi2}, {1, nz, pi2}, {-1, 0, -pi2}, {-1, nz, -pi2},
		{inf, inf, pi4}, {-inf, inf, -pi4}, {inf, -inf, 3 * pi4}, {-inf, -inf, -3 * pi4},
		{1, inf, 0}, {-1, inf, nz}, {1, -inf, pi}, {-1, -inf, -pi},
		{inf, 1, pi2}, {-inf, -1, -pi2}, {inf, 0, pi2}, {inf, nz, pi2},
		{0, inf, 0}, {nz, -inf, -pi}, {nan, 1, nan}, {1, nan, nan}, {nan, nan, nan}, {nan, inf, nan},
		{1, 1, pi4}, {-1, 1, -pi4}, {1, -1, 3 * pi4}, {-1, -1, -3 * pi4},
		{3, 3, pi4}, {1e-300, 1e-300, pi4}, {1e300, -1e300, 3 * pi4},
		{1, 1e-320, pi2}, {1e-320, 1, 1e-320}, {-1e-320, -1, -pi}, {5e-324, 0, pi2},
		{1e300, 1e-300, pi2}, {1e-300, 1e300, 0}, {1e-200, 1e200, 1e-400},
		{1, math.Sqrt(3), math.Pi / 6}, {math.Sqrt(3), -1, 2 * math.Pi / 3},
	}
	forEachImpl(t, func(t *testing.T) {
		for _, c := range cases {
			for _, n := range []int{1, 8, 16, 17, 33} {
				y, x := make([]float64, n), make([]float64, n)
				for i := range y {
					y[i], x[i] = 0.5, -2
				}
				y[n-1], x[n-1] = c.y, c.x
				dst := make([]float64, n)
				Atan2Float64(dst, y, x)
				if !sameF(dst[n-1], c.want, 1) {
					t.Errorf("Atan2Float64(%v, %v) = %v, want %v (n=%d)", c.y, c.x, dst[n-1], c.want, n)
				}
				y32, x32, dst32 := make([]float32, n), make([]float32, n), make([]float32, n)
				for i := range y {
					y32[i], x32[i] = float32(y[i]), float32(x[i])
				}
				Atan2Float32(dst32, y32, x32)
				want32 := float32(math.Atan2(float64(y32[n-1]), float64(x32[n-1])))
				if !sameF(float64(dst32[n-1]), float64(want32), 1.2e-7) {
					t.Errorf("Atan2Float32(%v, %v) = %v, want %v (n=%d)", y32[n-1], x32[n-1], dst32[n-1], want32, n)
				}
			}
			y := []float64{c.y, c.y, c.y, c.y, c.y, c.y, c.y, c.y, c.y}
			x := []float64{c.x, c.x, c.x, c.x, c.x, c.x, c.x, c.x, c.x}
			Atan2Float64(y, y, x)
			for _, got := range y {
				if !sameF(got, c.want, 1) {
					t.Errorf("Atan2Float64(%v, %v) = %v in a vector of it, want %v", c.y, c.x, got, c.want)
				}
			}
		}
	})
}

// TestAtanSpecialValues checks arctan's special values.
func TestAtanSpecialValues(t *testing.T) {
	inf, nan, nz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	cases := []struct{ x, want float64 }{
		{0, 0}, {nz, nz}, {inf, math.Pi / 2}, {-inf, -math.Pi / 2}, {nan, nan},
		{1, math.Pi / 4}, {-1, -math.Pi / 4}, {1e-320, 1e-320}, {-5e-324, -5e-324},
		{1e300, math.Pi / 2}, {-0x1p1000, -math.Pi / 2}, {math.MaxFloat64, math.Pi / 2},
		{math.Sqrt(3), math.Pi / 3}, {1e-10, 1e-10}, {1e10, 1.5707963266948965},
	}
	forEachImpl(t, func(t *testing.T) {
		for _, c := range cases {
			for _, n := range []int{1, 8, 16, 17, 33} {
				a := make([]float64, n)
				a32 := make([]float32, n)
				for i := range a {
					a[i], a32[i] = 0.25, 0.25
				}
				a[n-1], a32[n-1] = c.x, float32(c.x)
				AtanFloat64(a, a)
				if !sameF(a[n-1], c.want, 1) {
					t.Errorf("AtanFloat64(%v) = %v, want %v (n=%d)", c.x, a[n-1], c.want, n)
				}
				x32 := a32[n-1]
				AtanFloat32(a32, a32)
				want32 := float32(math.Atan(float64(x32)))
				if !sameF(float64(a32[n-1]), float64(want32), 1.2e-7) {
					t.Errorf("AtanFloat32(%v) = %v, want %v (n=%d)", x32, a32[n-1], want32, n)
				}
			}
		}
	})
}

// atanFull makes the accuracy tests run on all the arguments the bounds
// in atan.go were measured on.
var atanFull = flag.Bool("atan.full", false, "run the arctan accuracy tests on all the arguments of the documented measurement")

// TestAtanAccuracy64 measures the float64 twins (which every
// implementation matches bit for bit) against a math/big reference.
func TestAtanAccuracy64(t *testing.T) {
	n := 6000
	switch {
	case *atanFull:
		n = 400000
	case testing.Short():
		n = 500
	}
	rng := rand.New(rand.NewPCG(59, 61))
	t.Run("atan", func(t *testing.T) {
		worst, at := 0.0, 0.0
		for range n {
			x := accuracyArg64(rng)
			if e := ulpErr64(atan64(x), refAtan2(x, 1)); e > worst {
				worst, at = e, x
			}
		}
		t.Logf("atan float64: max error %.3f ULP at %v (%d arguments)", worst, at, n)
		if worst > atanULP64 {
			t.Errorf("atan float64: max error %.3f ULP at %v, documented bound %.2f", worst, at, atanULP64)
		}
	})
	t.Run("atan2", func(t *testing.T) {
		worst, aty, atx := 0.0, 0.0, 0.0
		for range n {
			y, x := accuracyArg64(rng), accuracyArg64(rng)
			if rng.IntN(4) == 0 { // the ratio near 1
				x = y * (1 + (rng.Float64()*2-1)*0.01) * float64(2*rng.IntN(2)-1)
			}
			if e := ulpErr64(atan2_64(y, x), refAtan2(y, x)); e > worst {
				worst, aty, atx = e, y, x
			}
		}
		t.Logf("atan2 float64: max error %.3f ULP at (%v, %v) (%d arguments)", worst, aty, atx, n)
		if worst > atan2ULP64 {
			t.Errorf("atan2 float64: max error %.3f ULP at (%v, %v), documented bound %.2f", worst, aty, atx, atan2ULP64)
		}
	})
}

// accuracyArg64 returns a finite nonzero argument: mostly within a few
// decades of 1, now and then anywhere in the float64 range.
func accuracyArg64(rng *rand.Rand) float64 {
	var x float64
	switch rng.IntN(8) {
	case 0:
		x = math.Float64frombits(rng.Uint64N(0x7ff0000000000000-1) + 1)
	case 1:
		x = 1 + (rng.Float64()*2-1)*0.1
	default:
		x = math.Exp((rng.Float64()*2 - 1) * 30)
	}
	if rng.IntN(2) == 0 {
		x = -x
	}
	return x
}

// TestAtanAccuracy32 measures the float32 twins against float64 math,
// whose own error is far below a float32 ULP: arctan on every 97th float32
// bit pattern (every 3rd with -atan.full), arctan2 on random pairs.
func TestAtanAccuracy32(t *testing.T) {
	step, n := uint32(97), 200000
	switch {
	case *atanFull:
		step, n = 3, 4000000
	case testing.Short():
		step, n = 4099, 5000
	}
	t.Run("atan", func(t *testing.T) {
		worst, at := 0.0, float32(0)
		for u := uint32(0); u < 0x7f800000; u += step {
			x := math.Float32frombits(u)
			if e := ulpErr32(atan32(x), math.Atan(float64(x))); e > worst {
				worst, at = e, x
			}
		}
		t.Logf("atan float32: max error %.3f ULP at %v", worst, at)
		if worst > atanULP32 {
			t.Errorf("atan float32: max error %.3f ULP at %v, documented bound %.2f", worst, at, atanULP32)
		}
	})
	t.Run("atan2", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(67, 71))
		worst, aty, atx := 0.0, float32(0), float32(0)
		for range n {
			y, x := float32(math.Exp((rng.Float64()*2-1)*40)), float32(math.Exp((rng.Float64()*2-1)*40))
			if rng.IntN(4) == 0 {
				x = y * float32(1+(rng.Float64()*2-1)*0.01)
			}
			if rng.IntN(2) == 0 {
				y = -y
			}
			if rng.IntN(2) == 0 {
				x = -x
			}
			if e := ulpErr32(atan2_32(y, x), math.Atan2(float64(y), float64(x))); e > worst {
				worst, aty, atx = e, y, x
			}
		}
		t.Logf("atan2 float32: max error %.3f ULP at (%v, %v)", worst, aty, atx)
		if worst > atan2ULP32 {
			t.Errorf("atan2 float32: max error %.3f ULP at (%v, %v), documented bound %.2f", worst, aty, atx, atan2ULP32)
		}
	})
}

// refAtan2 is atan2(y, x) for finite y, x, not both zero, to refBits
// bits: B ± atan(n/d) as in the twins, with the quotient and the angle
// in math/big.
func refAtan2(y, x float64) *big.Float {
	p := uint(refBits + 64)
	ay, ax := math.Abs(y), math.Abs(x)
	n, d := min(ay, ax), max(ay, ax)
	z := new(big.Float).SetPrec(p).Quo(bigF(n, p), bigF(d, p))
	a := bigAtan(z, p) // in [0, π/4]
	pi := bigPi()
	if ay > ax {
		a.Sub(new(big.Float).SetPrec(p).Quo(pi, bigF(2, p)), a)
	}
	if math.Signbit(x) {
		a.Sub(pi, a)
	}
	if math.Signbit(y) {
		a.Neg(a)
	}
	return a.SetPrec(refBits)
}

// bigAtan returns atan z for 0 <= z <= 1: z halved in angle by
// z/(1 + √(1 + z²)) until below 2^-20, then the Taylor series.
func bigAtan(z *big.Float, p uint) *big.Float {
	z = new(big.Float).SetPrec(p).Set(z)
	one := bigF(1, p)
	k := 0
	for z.Sign() != 0 && z.MantExp(nil) > -20 {
		s := new(big.Float).SetPrec(p).Mul(z, z)
		s.Add(s, one)
		s.Sqrt(s)
		s.Add(s, one)
		z.Quo(z, s)
		k++
	}
	z2 := new(big.Float).SetPrec(p).Mul(z, z)
	sum := new(big.Float).SetPrec(p).Set(z)
	term := new(big.Float).SetPrec(p).Set(z)
	eps := new(big.Float).SetPrec(p).SetMantExp(bigF(1, p), -int(p)+z.MantExp(nil))
	for j := int64(1); ; j++ {
		term.Mul(term, z2)
		term.Neg(term)
		t := new(big.Float).SetPrec(p).Quo(term, new(big.Float).SetPrec(p).SetInt64(2*j+1))
		sum.Add(sum, t)
		if z.Sign() == 0 || new(big.Float).Abs(t).Cmp(eps) < 0 {
			break
		}
	}
	return sum.SetMantExp(sum, k)
}

// bigPi is π by Machin's formula, 16 atan(1/5) - 4 atan(1/239).
var bigPi = sync.OnceValue(func() *big.Float {
	p := uint(refBits + 64)
	a := bigAtan(new(big.Float).SetPrec(p).Quo(bigF(1, p), bigF(5, p)), p)
	b := bigAtan(new(big.Float).SetPrec(p).Quo(bigF(1, p), bigF(239, p)), p)
	a.Mul(a, bigF(16, p))
	return a.Sub(a, b.Mul(b, bigF(4, p)))
})

// TestAtanConstants checks π/2 and π as sums of two floats against the
// reference, and that the vector path's bounds keep the quotient's
// remainder exact (see atan_generic.go).
func TestAtanConstants(t *testing.T) {
	p := uint(refBits)
	pi := bigPi()
	for _, c := range []struct {
		name   string
		hi, lo float64
		div    float64
		tol    float64
	}{
		{"π/2 float64", pi2Hi64, pi2Lo64, 2, 0x1p-106},
		{"π float64", piHi64, piLo64, 1, 0x1p-105},
		{"π/2 float32", float64(pi2Hi32), float64(pi2Lo32), 2, 0x1p-48},
		{"π float32", float64(piHi32), float64(piLo32), 1, 0x1p-47},
	} {
		want := new(big.Float).SetPrec(p).Quo(pi, bigF(c.div, p))
		got := new(big.Float).SetPrec(p).Add(bigF(c.hi, p), bigF(c.lo, p))
		if d, _ := got.Sub(got, want).Float64(); math.Abs(d) > c.tol {
			t.Errorf("%s: hi + lo is %g off", c.name, d)
		}
	}
	if math.Abs(math.Pi-bigPiFloat()) != 0 {
		t.Errorf("bigPi rounds to %v, not math.Pi", bigPiFloat())
	}
}

func bigPiFloat() float64 { f, _ := bigPi().Float64(); return f }

// TestAtanRowsMatchGenerator checks that the generator in _asm numbers
// the constant rows as atan_generic.go does and that the polynomial
// degrees agree.
func TestAtanRowsMatchGenerator(t *testing.T) {
	want := map[string]int{
		"aAbs": aAbs, "aSign": aSign, "aMin": aMin, "aMax": aMax, "aMaxU": aMaxU, "aOne": aOne,
		"aPi2Hi": aPi2Hi, "aPi2Lo": aPi2Lo, "aPiHi": aPiHi, "aPiLo": aPiLo, "aPoly": aPoly,
		"atanPolyRows64": len(atanPoly64), "atanPolyRows32": len(atanPoly32),
	}
	checkGeneratorRows(t, "atan.go", "atan_generic.go", want)
}

// The benchmarks use operands over a few decades, signs mixed.

func BenchmarkAtanFloat64(b *testing.B)  { benchAtan(b, AtanFloat64) }
func BenchmarkAtanFloat32(b *testing.B)  { benchAtan(b, AtanFloat32) }
func BenchmarkAtan2Float64(b *testing.B) { benchAtan2(b, Atan2Float64) }
func BenchmarkAtan2Float32(b *testing.B) { benchAtan2(b, Atan2Float32) }

func benchArgs[T float](n int, seed uint64) []T {
	rng := rand.New(rand.NewPCG(seed, 2))
	a := make([]T, n)
	for i := range a {
		a[i] = T(math.Exp((rng.Float64()*2-1)*7) * float64(2*rng.IntN(2)-1))
	}
	return a
}

func benchAtan[T float](b *testing.B, kernel func(dst, a []T)) {
	for _, n := range []int{16, 1 << 10, 1e6} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a, dst := benchArgs[T](n, 1), make([]T, n)
			b.SetBytes(int64(n) * 2 * int64(sizeOf(a[0])))
			b.ReportAllocs()
			for b.Loop() {
				kernel(dst, a)
			}
		})
	}
}

func benchAtan2[T float](b *testing.B, kernel func(dst, y, x []T)) {
	for _, n := range []int{16, 1 << 10, 1e6} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			y, x, dst := benchArgs[T](n, 1), benchArgs[T](n, 3), make([]T, n)
			b.SetBytes(int64(n) * 3 * int64(sizeOf(y[0])))
			b.ReportAllocs()
			for b.Loop() {
				kernel(dst, y, x)
			}
		})
	}
}
