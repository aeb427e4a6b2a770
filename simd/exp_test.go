package simd

import (
	"flag"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The exp, log and tanh kernels: every implementation against the Go
// twin bit for bit (on random data, specials, every length to 300,
// unaligned starts, with guards around dst), the twin against a
// math/big reference in ULPs (bounded by the figures in the doc
// comments), and the special values NumPy gives.

// expFunc describes one kernel for the shared tests.
type expFunc[T float] struct {
	name   string
	kernel func(dst, a []T) // the exported kernel
	twin   func(T) T        // the Go twin, one element
	ref    func(x float64) *big.Float
	lo, hi float64 // the interesting range of arguments
	bound  float64 // max ULP error, as in the doc comment
}

func expFuncs64() []expFunc[float64] {
	return []expFunc[float64]{
		{"exp", ExpFloat64, exp64, refExpF, -746, 710, expULP64},
		{"expm1", Expm1Float64, expm1_64, refExpm1F, -750, 720, expm1ULP64},
		{"log", LogFloat64, log64, refLogF, 0, math.MaxFloat64, logULP64},
		{"log2", Log2Float64, log2_64, refLog2F, 0, math.MaxFloat64, log2ULP64},
		{"log10", Log10Float64, log10_64, refLog10F, 0, math.MaxFloat64, log10ULP64},
		{"log1p", Log1pFloat64, log1p64, refLog1pF, -1, math.MaxFloat64, log1pULP64},
		{"exp2", Exp2Float64, exp2_64, refExp2F, -1080, 1030, exp2ULP64},
		{"cosh", CoshFloat64, cosh64, refCoshF, -720, 720, coshULP64},
		{"sinh", SinhFloat64, sinh64, refSinhF, -720, 720, sinhULP64},
		{"tanh", TanhFloat64, tanh64, refTanhF, -20, 20, tanhULP64},
	}
}

func expFuncs32() []expFunc[float32] {
	return []expFunc[float32]{
		{"exp", ExpFloat32, exp32, refExpF, -104, 89, expULP32},
		{"log", LogFloat32, log32, refLogF, 0, math.MaxFloat32, logULP32},
		{"tanh", TanhFloat32, tanh32, refTanhF, -10, 10, tanhULP32},
	}
}

// expInputs returns n arguments for f: mostly uniform in the common
// range, with specials, range edges, values near 1 (log) and subnormals.
func expInputs[T float](rng *rand.Rand, name string, n int) []T {
	sp := specials[T]()
	var edges []float64
	switch name {
	case "expm1":
		edges = []float64{708, -708, -709, 36, 36.5, 35.9, 709.78, 709.79, -37.42, -37.44, 0x1p-54, -0x1p-54, 1e-300, -1e-300, 5e-324, 0.34657359027997264, -0.34657359027997264, 1e-8}
	case "log2", "log10":
		name = "log"
	}
	switch name {
	case "exp":
		edges = []float64{708, -708, 709.78, 709.79, -745.13, -745.14, 88.72, 88.73, -87.3, -103.97, 86.5, -86.5, 1e-300, -1e-300}
	case "sinh":
		edges = []float64{36, -36, 36.1, 22, -22, 710.47, 710.48, -710.48, 1e-300, -1e-300, 5e-324, 0x1p-30, 0x1p-60, -0.5}
	case "cosh":
		edges = []float64{708, -708, 708.1, 710.47, 710.48, -710.48, 1e-300, 0x1p-30, 20, -20}
	case "exp2":
		edges = []float64{1020, -1020, 1020.5, 1023.99, 1024, -1022, -1022.5, -1074, -1075, -1076, 0.5, -0.5, 3, -3, 1e-300, 0x1p-60}
	case "log1p":
		edges = []float64{-1, math.Nextafter(-1, 0), -0.5, math.Nextafter(-0.5, 0), -0.25, 1, 2, 1e-300, -1e-300, 0x1p-53, 0x1p-54, -0x1p-54, 5e-324, 1e300, math.MaxFloat64, -1.5, math.Inf(-1)}
	case "log":
		edges = []float64{1, math.Nextafter(1, 0), math.Nextafter(1, 2), 0.984375, 1.03125, 0.703125, 1.40625, 5e-324, 1e-310, math.MaxFloat64, 0x1p-1022, 0x1p-126, 1e-40}
	case "tanh":
		edges = []float64{19.06, -19.07, 20, 21, 9.01, -9.1, 10, 11, 1e-300, 0x1p-1022, 1e-40}
	}
	x := make([]T, n)
	for i := range x {
		switch r := rng.IntN(64); {
		case r == 0:
			x[i] = sp[rng.IntN(len(sp))]
		case r == 1:
			x[i] = T(edges[rng.IntN(len(edges))])
		default:
			v := (rng.Float64()*2 - 1) * 12
			if name == "log1p" {
				v = math.Exp(v*3) - 1 // (-1, large), much of it near 0
			} else if strings.HasPrefix(name, "log") {
				v = math.Exp(v * 3)
			}
			x[i] = T(v)
		}
	}
	return x
}

// TestExpKernelsMatchTwin runs every implementation against the Go twin:
// bit-identical results, no writes outside dst.
func TestExpKernelsMatchTwin(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		for _, f := range expFuncs64() {
			t.Run(f.name+"64", func(t *testing.T) { checkTwin(t, f) })
		}
		for _, f := range expFuncs32() {
			t.Run(f.name+"32", func(t *testing.T) { checkTwin(t, f) })
		}
	})
}

func checkTwin[T float](t *testing.T, f expFunc[T]) {
	rng := rand.New(rand.NewPCG(3, uint64(len(f.name))))
	for _, n := range lengths {
		for off := range 3 {
			a := expInputs[T](rng, f.name, n+off)[off:]
			dst, check := newDst[T](t, n, off)
			f.kernel(dst, a)
			check()
			for i, x := range a {
				if want := f.twin(x); bits(dst[i]) != bits(want) {
					t.Fatalf("n=%d off=%d: %s(%v) = %v (%#x), twin gives %v (%#x)", n, off, f.name, x, dst[i], bits(dst[i]), want, bits(want))
				}
			}
			// in place
			b := append([]T(nil), a...)
			f.kernel(b, b)
			for i := range b {
				if bits(b[i]) != bits(dst[i]) {
					t.Fatalf("n=%d off=%d: in place %s(%v) = %v, want %v", n, off, f.name, a[i], b[i], dst[i])
				}
			}
		}
	}
}

// TestExpKernelsLong runs the kernels on runs long enough for the
// non-temporal stores, from unaligned starts.
func TestExpKernelsLong(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		for _, f := range expFuncs64() {
			t.Run(f.name+"64", func(t *testing.T) { checkTwinLong(t, f) })
		}
		for _, f := range expFuncs32() {
			t.Run(f.name+"32", func(t *testing.T) { checkTwinLong(t, f) })
		}
	})
}

func checkTwinLong[T float](t *testing.T, f expFunc[T]) {
	rng := rand.New(rand.NewPCG(5, uint64(len(f.name))))
	n := ntBytes/sizeOf(T(0)) + 37
	for _, off := range []int{0, 3} {
		a := expInputs[T](rng, f.name, n)
		dst, check := newDst[T](t, n, off)
		f.kernel(dst, a)
		check()
		for i, x := range a {
			if want := f.twin(x); bits(dst[i]) != bits(want) {
				t.Fatalf("off=%d: %s(%v) at %d = %v, twin gives %v", off, f.name, x, i, dst[i], want)
			}
		}
	}
}

// TestExpLengthMismatch checks the documented panic.
func TestExpLengthMismatch(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("ExpFloat64 with len(a) != len(dst) did not panic")
		}
	}()
	ExpFloat64(make([]float64, 3), make([]float64, 4))
}

// TestExpSpecialValues checks the values NumPy gives at the edges.
func TestExpSpecialValues(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	cases := []struct {
		name string
		x    float64
		want float64
	}{
		{"exp", 0, 1}, {"exp", negz, 1}, {"exp", inf, inf}, {"exp", -inf, 0}, {"exp", nan, nan},
		{"exp", 1000, inf}, {"exp", -1000, 0}, {"exp", 709.78, 1.7928227943945155e+308},
		{"exp", 710, inf}, {"exp", -745, 5e-324}, {"exp", -746, 0}, {"exp", 1, math.E},
		{"exp", -740, 4.2e-322}, {"exp", -720, 2.0322308024e-313},
		{"log", 1, 0}, {"log", 0, -inf}, {"log", negz, -inf}, {"log", -1, nan}, {"log", inf, inf},
		{"log", -inf, nan}, {"log", nan, nan}, {"log", 5e-324, -744.4400719213812},
		{"log", math.MaxFloat64, 709.782712893384}, {"log", math.E, 1}, {"log", 2, math.Ln2},
		{"tanh", 0, 0}, {"tanh", negz, negz}, {"tanh", inf, 1}, {"tanh", -inf, -1}, {"tanh", nan, nan},
		{"tanh", 20, 1}, {"tanh", -30, -1}, {"tanh", 1e-300, 1e-300}, {"tanh", 5e-324, 5e-324},
		{"tanh", 1, 0.7615941559557649}, {"tanh", -0.5, -0.46211715726000974},
	}
	kern64 := map[string]func(dst, a []float64){"exp": ExpFloat64, "log": LogFloat64, "tanh": TanhFloat64}
	kern32 := map[string]func(dst, a []float32){"exp": ExpFloat32, "log": LogFloat32, "tanh": TanhFloat32}
	forEachImpl(t, func(t *testing.T) {
		for _, c := range cases {
			// a full vector of the value and one mixed with ordinary values
			for _, n := range []int{1, 8, 16, 17} {
				a := make([]float64, n)
				for i := range a {
					a[i] = 0.5
				}
				a[n-1] = c.x
				dst := make([]float64, n)
				kern64[c.name](dst, a)
				if !sameF(dst[n-1], c.want, 1) {
					t.Errorf("%sFloat64(%v) = %v, want %v", c.name, c.x, dst[n-1], c.want)
				}
				a32, dst32 := make([]float32, n), make([]float32, n)
				for i := range a32 {
					a32[i] = float32(a[i])
				}
				kern32[c.name](dst32, a32)
				want32 := float32(c.want)
				switch {
				case c.name == "exp" && (c.x > 88.8 || c.x == 709.78):
					want32 = float32(inf)
				case c.name == "exp" && c.x < -104:
					want32 = 0
				case c.name == "log" && float32(c.x) == 0:
					want32 = float32(-inf)
				case c.name == "log" && c.x == math.MaxFloat64:
					want32 = float32(inf)
				case c.name == "tanh" && float32(c.x) == 0:
					want32 = float32(c.x) // ±0
				}
				if float32(c.x) != 0 && math.Abs(c.x) < 1e-40 || c.name == "exp" && c.x < -100 && c.x >= -104 {
					continue // no float32 counterpart of the case
				}
				if !sameF(float64(dst32[n-1]), float64(want32), 1e-6) {
					t.Errorf("%sFloat32(%v) = %v, want %v", c.name, float32(c.x), dst32[n-1], want32)
				}
			}
		}
	})
}

// sameF reports whether got matches want: both NaN, equal with the same
// sign, or within rel relative error for finite nonzero values.
func sameF(got, want, rel float64) bool {
	switch {
	case want != want:
		return got != got
	case want == 0 || math.IsInf(want, 0):
		return got == want && math.Signbit(got) == math.Signbit(want)
	case rel >= 1:
		return math.Abs(got-want) <= 2e-16*math.Abs(want) || got == want
	}
	return math.Abs(got-want) <= rel*math.Abs(want)
}

// expFull makes the accuracy tests run on all the arguments the bounds
// in exp.go were measured on (minutes).
var expFull = flag.Bool("exp.full", false, "run the exp/log/tanh accuracy tests on all the arguments of the documented measurement")

// Measured accuracy: the bounds the doc comments state, in ULPs of the
// exactly rounded result.
func TestExpAccuracy64(t *testing.T) {
	n := 4000
	switch {
	case *expFull:
		n = 200000
	case testing.Short():
		n = 500
	}
	for _, f := range expFuncs64() {
		t.Run(f.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(99, uint64(len(f.name))))
			xs := accuracyArgs64(rng, f, n)
			if f.name == "exp" && *expFull { // more subnormal results
				for range n / 4 {
					xs = append(xs, -745.13+rng.Float64()*(745.13-708))
				}
			}
			worst, at := 0.0, 0.0
			for _, x := range xs {
				got := f.twin(x)
				e := ulpErr64(got, f.ref(x))
				if e > worst {
					worst, at = e, x
				}
			}
			t.Logf("%s float64: max error %.3f ULP at %v (%d arguments)", f.name, worst, at, len(xs))
			if worst > f.bound {
				t.Errorf("%s float64: max error %.3f ULP at %v, documented bound %.2f", f.name, worst, at, f.bound)
			}
		})
	}
}

// accuracyArgs64 returns random finite arguments in f's range with
// results in the normal and subnormal ranges, and edge values.
func accuracyArgs64(rng *rand.Rand, f expFunc[float64], n int) []float64 {
	var xs []float64
	for range n {
		var x float64
		switch strings.TrimRight(f.name, "012") {
		case "expm":
			switch rng.IntN(3) {
			case 0: // near 0, down to 2^-60
				x = (rng.Float64()*2 - 1) * math.Exp2(-rng.Float64()*60)
			case 1:
				x = (rng.Float64()*2 - 1) * 40
			default:
				x = f.lo + (f.hi-f.lo)*rng.Float64()
			}
		case "log1p":
			switch rng.IntN(4) {
			case 0: // near 0, down to 2^-60
				x = (rng.Float64()*2 - 1) * math.Exp2(-rng.Float64()*60)
			case 1: // near -1
				x = -1 + math.Exp2(-rng.Float64()*52)
			case 2:
				x = rng.Float64()*4 - 1
			default:
				x = math.Exp(rng.Float64()*700) - 1
			}
		case "log":
			switch rng.IntN(4) {
			case 0: // near 1
				x = 1 + (rng.Float64()*2-1)*0.05
			case 1: // subnormal
				x = math.Float64frombits(rng.Uint64N(1 << 52))
			default:
				x = math.Float64frombits(rng.Uint64N(0x7ff0000000000000))
			}
		case "tanh":
			switch rng.IntN(3) {
			case 0:
				x = (rng.Float64()*2 - 1)
			case 1:
				x = math.Copysign(math.Exp(-rng.Float64()*40), rng.Float64()-0.5)
			default:
				x = (rng.Float64()*2 - 1) * 20
			}
		default:
			switch rng.IntN(3) {
			case 0:
				x = (rng.Float64()*2 - 1)
			default:
				x = f.lo + (f.hi-f.lo)*rng.Float64()
			}
		}
		if x != 0 || !strings.HasPrefix(f.name, "log") {
			xs = append(xs, x)
		}
	}
	return xs
}

// TestExpAccuracy32 measures the float32 kernels against float64
// math, whose own error is far below a float32 ULP: every 4109th bit
// pattern in -short mode, every 259th otherwise (the bounds were
// measured over every 7th).
func TestExpAccuracy32(t *testing.T) {
	step := uint32(259)
	switch {
	case *expFull:
		step = 7
	case testing.Short():
		step = 4109
	}
	refs := map[string]func(float64) float64{"exp": math.Exp, "log": math.Log, "tanh": math.Tanh}
	for _, f := range expFuncs32() {
		t.Run(f.name, func(t *testing.T) {
			worst, at := 0.0, float32(0)
			for u := uint32(0); u < 0xff800000; u += step {
				x := math.Float32frombits(u)
				if x != x || (f.name == "log" && x <= 0) || float64(x) < f.lo || float64(x) > f.hi {
					continue
				}
				got := f.twin(x)
				e := ulpErr32(got, refs[f.name](float64(x)))
				if e > worst {
					worst, at = e, x
				}
			}
			t.Logf("%s float32: max error %.3f ULP at %v", f.name, worst, at)
			if worst > f.bound {
				t.Errorf("%s float32: max error %.3f ULP at %v, documented bound %.2f", f.name, worst, at, f.bound)
			}
		})
	}
}

// ulpErr32 returns |got - want| in ULPs of want rounded to float32.
func ulpErr32(got float32, want float64) float64 {
	w := float32(want)
	if math.IsInf(float64(w), 0) || math.IsInf(float64(got), 0) {
		if got == w {
			return 0
		}
		if math.IsInf(float64(w), 0) {
			w = float32(math.Copysign(math.MaxFloat32, want))
		} else {
			return math.Inf(1)
		}
	}
	aw := float32(math.Abs(float64(w)))
	sp := float64(math.Nextafter32(aw, float32(math.Inf(1))) - aw)
	if aw == math.MaxFloat32 {
		sp = float64(aw - math.Nextafter32(aw, 0))
	}
	return math.Abs(float64(got)-want) / sp
}

// A math/big reference: at least refBits bits (more where a formula
// cancels).
const refBits = 200

func bigF(x float64, prec uint) *big.Float { return new(big.Float).SetPrec(prec).SetFloat64(x) }

// bigExp returns eˣ by its Taylor series after halving x s times.
func bigExp(x *big.Float, prec uint) *big.Float {
	p := prec + 64
	s := x.MantExp(nil) + 12
	if s < 0 {
		s = 0
	}
	r := new(big.Float).SetPrec(p).SetMantExp(new(big.Float).SetPrec(p).Set(x), -s)
	sum, term := bigF(1, p), bigF(1, p)
	eps := new(big.Float).SetPrec(p).SetMantExp(bigF(1, p), -int(p))
	for k := int64(1); ; k++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetPrec(p).SetInt64(k))
		sum.Add(sum, term)
		if new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for range s {
		sum.Mul(sum, sum)
	}
	return sum.SetPrec(prec)
}

// bigLog returns log x, x > 0, by Newton's iteration on bigExp.
func bigLog(x *big.Float, prec uint) *big.Float {
	p := prec + 32
	m := new(big.Float)
	e := x.MantExp(m)
	mf, _ := m.Float64()
	y := bigF(math.Log(mf)+float64(e)*math.Ln2, p) // x = m·2^e, m in [0.5, 1)
	for range 7 {
		e := bigExp(y, p)
		num := new(big.Float).SetPrec(p).Sub(x, e)
		den := new(big.Float).SetPrec(p).Add(x, e)
		num.Quo(num, den)
		y.Add(y, num.Mul(num, bigF(2, p)))
	}
	return y.SetPrec(prec)
}

func refExpF(x float64) *big.Float { return bigExp(bigF(x, refBits), refBits) }

func refLogF(x float64) *big.Float { return bigLog(bigF(x, refBits), refBits) }

// refLog1pF is log(1 + x), x > -1: by its series below 2^-20 in
// magnitude, where bigLog's absolute precision would not be enough.
func refLog1pF(x float64) *big.Float {
	p := uint(refBits + 64)
	if math.Abs(x) < 0x1p-20 {
		xb := bigF(x, p)
		sum, term := bigF(x, p), bigF(x, p)
		for k := int64(2); k < 12; k++ {
			term.Mul(term, xb)
			t := new(big.Float).SetPrec(p).Quo(term, new(big.Float).SetInt64(k))
			if k%2 == 0 {
				sum.Sub(sum, t)
			} else {
				sum.Add(sum, t)
			}
		}
		return sum.SetPrec(refBits)
	}
	u := bigF(x, p)
	u.Add(u, bigF(1, p))
	return bigLog(u, p).SetPrec(refBits)
}

// refExpm1F is e^x - 1 with enough bits for the cancellation near 0
// (|x| >= 2^-64 or 0).
func refExpm1F(x float64) *big.Float {
	p := uint(refBits + 128)
	e := bigExp(bigF(x, p), p)
	return e.Sub(e, bigF(1, p)).SetPrec(refBits)
}

// refCoshF is (e^x + e^-x)/2.
func refCoshF(x float64) *big.Float {
	p := uint(refBits + 64)
	e := bigExp(bigF(math.Abs(x), p), p)
	r := new(big.Float).SetPrec(p).Quo(bigF(1, p), e)
	r.Add(r, e)
	return r.Quo(r, bigF(2, p)).SetPrec(refBits)
}

// refSinhF is (e^x - e^-x)/2, with enough bits for the cancellation
// near 0 (|x| >= 2^-60 or 0).
func refSinhF(x float64) *big.Float {
	p := uint(refBits + 192)
	e := bigExp(bigF(x, p), p)
	r := new(big.Float).SetPrec(p).Quo(bigF(1, p), e)
	r.Sub(e, r)
	return r.Quo(r, bigF(2, p)).SetPrec(refBits)
}

// refExp2F is e^(x·ln 2).
func refExp2F(x float64) *big.Float {
	p := uint(refBits + 64)
	t := bigF(x, p)
	return bigExp(t.Mul(t, bigLn(2)), p).SetPrec(refBits)
}

// refLog2F and refLog10F divide the natural logarithm by ln 2 and ln 10.
func refLog2F(x float64) *big.Float  { return refLogBase(x, 2) }
func refLog10F(x float64) *big.Float { return refLogBase(x, 10) }

func refLogBase(x, b float64) *big.Float {
	p := uint(refBits + 64)
	l := bigLog(bigF(x, p), p)
	return l.Quo(l, bigLn(b)).SetPrec(refBits)
}

var bigLns = sync.OnceValue(func() map[float64]*big.Float {
	p := uint(refBits + 64)
	return map[float64]*big.Float{2: bigLog(bigF(2, p), p), 10: bigLog(bigF(10, p), p)}
})

// bigLn returns ln b (b 2 or 10) to refBits+64 bits.
func bigLn(b float64) *big.Float { return bigLns()[b] }

// TestExpm1Values checks expm1's special values and edges, each alone
// among ordinary values and in a vector of it.
func TestExpm1Values(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	cases := []struct{ x, want float64 }{
		{0, 0}, {math.Copysign(0, -1), math.Copysign(0, -1)}, {inf, inf}, {-inf, -1}, {nan, nan},
		{1e-300, 1e-300}, {-1e-300, -1e-300}, {5e-324, 5e-324}, {0x1p-60, 0x1p-60},
		{1, 1.7182818284590453}, {-1, -0.6321205588285577}, {709.78, 1.7928227943945155e+308},
		{710, inf}, {1e300, inf}, {709.782712893384, 1.7976931348622732e+308}, {-40, -1}, {-1000, -1}, {36, 4.311231547115194e+15},
		{-708, -1}, {-708.5, -1},
	}
	forEachImpl(t, func(t *testing.T) {
		for _, c := range cases {
			for _, n := range []int{1, 8, 9, 16, 17} {
				a := make([]float64, n)
				for i := range a {
					a[i] = 0.5
				}
				a[n-1] = c.x
				Expm1Float64(a, a)
				if got := a[n-1]; !sameF(got, c.want, 0) {
					t.Errorf("Expm1Float64(%v) = %v, want %v (n=%d)", c.x, got, c.want, n)
				}
			}
			a := []float64{c.x, c.x, c.x, c.x, c.x, c.x, c.x, c.x}
			Expm1Float64(a, a)
			for _, got := range a {
				if !sameF(got, c.want, 0) {
					t.Errorf("Expm1Float64(%v) = %v in a vector of it, want %v", c.x, got, c.want)
				}
			}
		}
	})
}

// TestLogTable64 checks logTab64: log c's parts sum to ln(1/(1/c)) to
// 2^-70, the high part is a multiple of 2^-21, and 1/c and the high part
// have float64 bits with a zero low half (the AVX-512 kernel reads only
// the high halves).
func TestLogTable64(t *testing.T) {
	p := uint(refBits)
	for i, e := range logTab64 {
		for c := range 2 {
			if math.Float64bits(e[c])&(1<<32-1) != 0 {
				t.Errorf("logTab64[%d][%d] = %v: the low half of its bits is not zero", i, c, e[c])
			}
		}
		if h := e[1] * 0x1p21; h != math.Trunc(h) {
			t.Errorf("logTab64[%d][1] = %v is not a multiple of 2^-21", i, e[1])
		}
		want := bigLog(new(big.Float).SetPrec(p).Quo(bigF(1, p), bigF(e[0], p)), p)
		got := new(big.Float).SetPrec(p).Add(bigF(e[1], p), bigF(e[2], p))
		if d, _ := got.Sub(got, want).Float64(); math.Abs(d) > 0x1p-70 {
			t.Errorf("logTab64[%d]: log c is %g off", i, d)
		}
	}
}

// TestLog2Log10Values checks the special values, exact powers of two and
// ten, and the double-float64 constants 1/ln 2 and 1/ln 10.
func TestLog2Log10Values(t *testing.T) {
	for _, c := range []struct {
		b      float64
		hi, lo float64
	}{{2, invLn2Hi64, invLn2Lo64}, {10, invLn10Hi64, invLn10Lo64}} {
		p := uint(refBits)
		want := new(big.Float).SetPrec(p).Quo(bigF(1, p), bigLn(c.b))
		got := new(big.Float).SetPrec(p).Add(bigF(c.hi, p), bigF(c.lo, p))
		d, _ := got.Sub(got, want).Float64()
		if math.Abs(d) > 0x1p-106 {
			t.Errorf("1/ln %v: hi + lo is %g off", c.b, d)
		}
	}
	inf, nan := math.Inf(1), math.NaN()
	type kcase struct{ x, want float64 }
	specials := []kcase{{0, -inf}, {math.Copysign(0, -1), -inf}, {-1, nan}, {-inf, nan}, {inf, inf}, {nan, nan}, {1, 0}}
	kernels := []struct {
		name  string
		f     func(dst, a []float64)
		cases []kcase
	}{
		{"Log2Float64", Log2Float64, append([]kcase{{5e-324, -1074}, {0x1p-1022, -1022}, {0.5, -1}, {math.MaxFloat64, 1024}}, specials...)},
		{"Log10Float64", Log10Float64, append([]kcase{{5e-324, -323.3062153431158}, {math.MaxFloat64, 308.25471555991675}}, specials...)},
	}
	for k := -1074; k <= 1023; k++ {
		kernels[0].cases = append(kernels[0].cases, kcase{math.Ldexp(1, k), float64(k)})
	}
	for k := -300; k <= 308; k++ {
		x, err := strconv.ParseFloat("1e"+strconv.Itoa(k), 64)
		if err != nil {
			t.Fatal(err)
		}
		kernels[1].cases = append(kernels[1].cases, kcase{x, float64(k)})
	}
	forEachImpl(t, func(t *testing.T) {
		for _, kn := range kernels {
			a := make([]float64, 0, len(kn.cases)*9)
			for _, c := range kn.cases { // alone in a vector of ordinary values, and a vector of it
				for j := range 8 {
					a = append(a, 3+float64(j))
				}
				a = append(a, c.x)
			}
			dst := make([]float64, len(a))
			kn.f(dst, a)
			for i, c := range kn.cases {
				if got := dst[9*i+8]; !sameF(got, c.want, 0) && !(got == c.want) {
					t.Errorf("%s(%v) = %v, want %v", kn.name, c.x, got, c.want)
				}
			}
			for _, c := range kn.cases[:5] {
				a := []float64{c.x, c.x, c.x, c.x, c.x, c.x, c.x, c.x, c.x}
				kn.f(a, a)
				for _, got := range a {
					if !sameF(got, c.want, 0) && !(got == c.want) {
						t.Errorf("%s(%v) = %v in a vector of it, want %v", kn.name, c.x, got, c.want)
					}
				}
			}
		}
	})
}

// refTanhF is sinh/cosh by their series for |x| < 1 (no cancellation) and
// (e^2x - 1)/(e^2x + 1) otherwise.
func refTanhF(x float64) *big.Float {
	p := uint(refBits + 64)
	if math.Abs(x) < 1 {
		bx := bigF(x, p)
		x2 := new(big.Float).SetPrec(p).Mul(bx, bx)
		s, c := new(big.Float).SetPrec(p).Set(bx), bigF(1, p)
		ts, tc := new(big.Float).SetPrec(p).Set(bx), bigF(1, p)
		for k := int64(1); k < 200; k++ {
			ts.Mul(ts, x2)
			ts.Quo(ts, new(big.Float).SetPrec(p).SetInt64((2*k)*(2*k+1)))
			s.Add(s, ts)
			tc.Mul(tc, x2)
			tc.Quo(tc, new(big.Float).SetPrec(p).SetInt64((2*k-1)*(2*k)))
			c.Add(c, tc)
		}
		return s.Quo(s, c).SetPrec(refBits)
	}
	e := bigExp(bigF(2*x, p), p)
	num := new(big.Float).SetPrec(p).Sub(e, bigF(1, p))
	den := new(big.Float).SetPrec(p).Add(e, bigF(1, p))
	return num.Quo(num, den).SetPrec(refBits)
}

// ulpErr64 returns |got - want| in ULPs of want rounded to float64.
func ulpErr64(got float64, want *big.Float) float64 {
	w, _ := want.Float64()
	if math.IsInf(w, 0) || math.IsInf(got, 0) {
		if got == w {
			return 0
		}
		if !math.IsInf(w, 0) {
			return math.Inf(1)
		}
		w = math.Copysign(math.MaxFloat64, w)
	}
	aw := math.Abs(w)
	sp := math.Nextafter(aw, math.Inf(1)) - aw
	if aw == math.MaxFloat64 {
		sp = aw - math.Nextafter(aw, 0)
	}
	d := new(big.Float).SetPrec(refBits).Sub(bigF(got, refBits), want)
	d.Quo(d, bigF(sp, refBits)) // in big: d may be below the float64 range
	df, _ := d.Float64()
	return math.Abs(df)
}

// The benchmarks use the argument ranges of bench/workloads.json: exp
// and tanh on [-10, 10), log on [0.1, 100).

func BenchmarkExpFloat64(b *testing.B)   { benchExp(b, "exp", ExpFloat64) }
func BenchmarkExpFloat32(b *testing.B)   { benchExp(b, "exp", ExpFloat32) }
func BenchmarkLogFloat64(b *testing.B)   { benchExp(b, "log", LogFloat64) }
func BenchmarkLogFloat32(b *testing.B)   { benchExp(b, "log", LogFloat32) }
func BenchmarkLog10Float64(b *testing.B) { benchExp(b, "log", Log10Float64) }
func BenchmarkExpm1Float64(b *testing.B) { benchExp(b, "exp", Expm1Float64) }
func BenchmarkTanhFloat64(b *testing.B)  { benchExp(b, "tanh", TanhFloat64) }
func BenchmarkTanhFloat32(b *testing.B)  { benchExp(b, "tanh", TanhFloat32) }

func benchExp[T float](b *testing.B, name string, kernel func(dst, a []T)) {
	for _, n := range []int{16, 1 << 10, 1 << 20} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			a := make([]T, n)
			for i := range a {
				if name == "log" {
					a[i] = T(0.1 + 99.9*rng.Float64())
				} else {
					a[i] = T(20*rng.Float64() - 10)
				}
			}
			dst := make([]T, n)
			var z T
			b.SetBytes(int64(n) * 2 * int64(sizeOf(z)))
			b.ReportAllocs()
			for b.Loop() {
				kernel(dst, a)
			}
		})
	}
}

func sizeOf[T float](z T) int {
	if _, ok := any(z).(float32); ok {
		return 4
	}
	return 8
}

// TestExpRowsMatchGenerator checks that the generator in _asm numbers the
// constant rows as exp_generic.go does (the assembly reads them by
// number), and that the polynomial degrees agree.
func TestExpRowsMatchGenerator(t *testing.T) {
	want := map[string]int{
		"eAbs": eAbs, "eMax": eMax, "eLog2e": eLog2e, "eShift": eShift, "eNegLn2Hi": eNegLn2Hi,
		"eExpm1Max64": eExpm1Max64, "eExpm1Min64": eExpm1Min64, "eNegLn2Lo": eNegLn2Lo, "ePoly": ePoly, "eOne64": eOne64, "eTanhMax64": eTanhMax64,
		"eSign64": eSign64, "eTwo64": eTwo64, "eOne32": eOne32, "eTanhMax32": eTanhMax32,
		"eSign32": eSign32, "eTwo32": eTwo32, "eHi64": eHi64, "eLo64": eLo64, "eHi32": eHi32, "eLo32": eLo32,
		"lOff64": lOff64, "lMagic64": lMagic64, "lBias64": lBias64, "lExpMask64": lExpMask64,
		"lNegOne64": lNegOne64, "lLn2Hi64": lLn2Hi64, "lLn2Lo64": lLn2Lo64, "lChkAdd64": lChkAdd64,
		"lChkLim64": lChkLim64, "lPoly64": lPoly64, "lInvC64": lInvC64, "lLogCHi64": lLogCHi64,
		"lLogCLo64": lLogCLo64, "lIdxMask64": lIdxMask64, "lAllOnes64": lAllOnes64,
		"lOff32": lOff32, "lExpMask32": lExpMask32, "lNegOne32": lNegOne32, "lLn2Hi32": lLn2Hi32,
		"lLn2Lo32": lLn2Lo32, "lChkAdd32": lChkAdd32, "lChkLim32": lChkLim32, "lPoly32": lPoly32,
		"lInvC32": lInvC32, "lLogCHi32": lLogCHi32, "lLogCLo32": lLogCLo32,
		"lScale2Hi64": lScale2Hi64, "lScale2Lo64": lScale2Lo64, "lScale10Hi64": lScale10Hi64,
		"lScale10Lo64":  lScale10Lo64,
		"expPolyRows64": len(expPoly64), "expPolyRows32": len(expPoly32),
		"logPolyRows64": len(logPoly64), "logPolyRows32": len(logPoly32),
	}
	checkGeneratorRows(t, "exp.go", "exp_generic.go", want)
	// the tables end where the next row starts
	if ePoly+len(expPoly64) != eOne64 || ePoly+len(expPoly32) != eOne32 ||
		lPoly64+len(logPoly64) != lInvC64 || lPoly32+len(logPoly32) != lInvC32 {
		t.Error("polynomial rows overlap the rows after them")
	}
}

// TestLog1pValues checks log1p's special values and edges, each alone
// and in a vector of ordinary values.
func TestLog1pValues(t *testing.T) {
	inf, nan, negz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	cases := []struct{ x, want float64 }{
		{0, 0}, {negz, negz}, {-1, -inf}, {-2, nan}, {-inf, nan}, {inf, inf}, {nan, nan},
		{1e-300, 1e-300}, {-1e-300, -1e-300}, {5e-324, 5e-324}, {0x1p-54, 0x1p-54},
		{math.E - 1, 1}, {1, math.Ln2}, {-0.5, -math.Ln2}, {math.MaxFloat64, 709.782712893384},
	}
	checkValues64(t, "Log1pFloat64", Log1pFloat64, cases)
}

// TestExp2Values checks exp2's special values, exact powers and the ends
// of its range, each alone and in a vector of ordinary values.
func TestExp2Values(t *testing.T) {
	inf, nan, negz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	cases := []struct{ x, want float64 }{
		{0, 1}, {negz, 1}, {1, 2}, {3, 8}, {-3, 0.125}, {10, 1024}, {-1022, 0x1p-1022}, {1023, 0x1p1023},
		{1020, 0x1p1020}, {-1020, 0x1p-1020}, {-1074, 5e-324}, {-1076, 0}, {1024, inf}, {2000, inf},
		{-2000, 0}, {inf, inf}, {-inf, 0}, {nan, nan}, {1e-300, 1}, {0.5, math.Sqrt2}, {-0.5, 1 / math.Sqrt2},
	}
	checkValues64(t, "Exp2Float64", Exp2Float64, cases)
}

// TestCoshValues checks cosh's special values and the ends of its
// range, each alone and in a vector of ordinary values.
func TestCoshValues(t *testing.T) {
	inf, nan, negz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	cases := []struct{ x, want float64 }{
		{0, 1}, {negz, 1}, {1, 1.5430806348152437}, {-1, 1.5430806348152437}, {-20, 242582597.70489514},
		{710.4758, 1.7975851435895588e+308}, {711, inf}, {-711, inf}, {inf, inf}, {-inf, inf}, {nan, nan}, {1e-300, 1},
	}
	checkValues64(t, "CoshFloat64", CoshFloat64, cases)
}

// checkValues64 runs kernel on each case's x under every implementation,
// alone and last in vectors of ordinary values, against its want (the
// same sign for zeros and infinities, NaN for NaN, else within 2e-16).
func checkValues64(t *testing.T, name string, kernel func(dst, a []float64), cases []struct{ x, want float64 }) {
	t.Helper()
	forEachImpl(t, func(t *testing.T) {
		for _, c := range cases {
			for _, n := range []int{1, 8, 16, 17} {
				a := make([]float64, n)
				for i := range a {
					a[i] = 0.5
				}
				a[n-1] = c.x
				dst := make([]float64, n)
				kernel(dst, a)
				if !sameF(dst[n-1], c.want, 1) {
					t.Errorf("%s(%v) = %v, want %v", name, c.x, dst[n-1], c.want)
				}
			}
		}
	})
}

// TestSinhValues checks sinh's special values and the ends of its
// pieces, each alone and in a vector of ordinary values.
func TestSinhValues(t *testing.T) {
	inf, nan, negz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	checkValues64(t, "SinhFloat64", SinhFloat64, []struct{ x, want float64 }{
		{0, 0}, {negz, negz}, {1, 1.1752011936438014}, {-0.5, -0.5210953054937474}, {20, 242582597.70489514},
		{36, 2155615773557597.8}, {710.4758, 1.7975851435895588e+308}, {711, inf}, {-711, -inf},
		{inf, inf}, {-inf, -inf}, {nan, nan}, {1e-300, 1e-300}, {-5e-324, -5e-324},
	})
}
