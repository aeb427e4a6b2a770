package simd

import (
	"flag"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/internal/mathx"
)

// The sine, cosine, square-root and comparison kernels: every
// implementation against the Go twin bit for bit (random data, specials,
// huge arguments, multiples of π/2, every length to 300, unaligned
// starts, guards around dst, in place), the twin against a math/big
// reference in ULPs (bounded by the figures in the doc comments), and
// the values NumPy gives.

var (
	trigF32Stride = flag.Uint64("simd.trigstride", 997, "test every n-th float32 bit pattern in TestTrigAccuracy32")
	trigN64       = flag.Int("simd.trign", 3000, "random arguments per range in TestTrigAccuracy64")
)

// unaryFunc describes one unary kernel for the shared tests.
type unaryFunc[T float] struct {
	name   string
	kernel func(dst, a []T) // the exported kernel
	twin   func(T) T        // the Go twin, one element
}

func trigFuncs64() []unaryFunc[float64] {
	return []unaryFunc[float64]{{"sin", SinFloat64, sin64}, {"cos", CosFloat64, cos64}, {"sqrt", SqrtFloat64, sqrt64}}
}

func trigFuncs32() []unaryFunc[float32] {
	return []unaryFunc[float32]{{"sin", SinFloat32, sin32}, {"cos", CosFloat32, cos32}, {"sqrt", SqrtFloat32, sqrt32}}
}

// trigInputs returns n arguments placed off elements into a larger slice:
// uniform values of several ranges, values next to multiples of π/2,
// values around the bound of the vector path, huge arguments,
// subnormals and the specials of simd_test.go, at a rate that changes
// with n so that vector blocks with and without them both occur.
func trigInputs[T float](rng *rand.Rand, n, off int) []T {
	lim := float64(trigMax64)
	huge := []float64{1e300, -1e22, 1e30, math.MaxFloat64}
	if _, ok := any(T(0)).(float32); ok {
		lim = trigMax32
		huge = []float64{1e30, -1e22, 3e38, 1e6}
	}
	sp := specials[T]()
	rate := 4 + n%40
	buf := make([]T, n+off)
	x := buf[off:]
	for i := range x {
		if rng.IntN(rate) == 0 {
			switch rng.IntN(5) {
			case 0:
				x[i] = sp[rng.IntN(len(sp))]
			case 1:
				x[i] = T(huge[rng.IntN(len(huge))])
			case 2: // around the bound
				b := T(lim)
				for range rng.IntN(3) {
					b = T(math.Nextafter(float64(b), math.Inf(1)))
				}
				x[i] = b * T(1-2*rng.IntN(2))
			case 3:
				x[i] = T(math.Ldexp(rng.Float64(), -1074+rng.IntN(60)))
			default:
				x[i] = T(math.Nextafter(lim, 0))
			}
			continue
		}
		switch rng.IntN(4) {
		case 0:
			x[i] = T(20*rng.Float64() - 10)
		case 1: // next to k·π/2
			k := float64(rng.IntN(1 << 12))
			v := T(k * math.Pi / 2)
			for range rng.IntN(3) {
				v = T(math.Nextafter(float64(v), math.Inf(1)))
			}
			x[i] = v * T(1-2*rng.IntN(2))
		case 2:
			x[i] = T((2*rng.Float64() - 1) * lim)
		default:
			x[i] = T((2*rng.Float64() - 1) * math.Ldexp(1, rng.IntN(40)-30))
		}
	}
	return x
}

func TestTrigKernelsMatchTwin(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		for _, f := range trigFuncs64() {
			t.Run(f.name+"64", func(t *testing.T) { checkUnaryTwin(t, f, lengths, []int{0, 1, 3}) })
		}
		for _, f := range trigFuncs32() {
			t.Run(f.name+"32", func(t *testing.T) { checkUnaryTwin(t, f, lengths, []int{0, 1, 3}) })
		}
	})
}

// TestTrigKernelsLong runs results of ntBytes and more, which the
// assembly stores with non-temporal hints after the Go twin has done the
// elements before the first aligned vector: every offset from a vector
// boundary, bit for bit against the twin, nothing written outside dst.
func TestTrigKernelsLong(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		for _, f := range trigFuncs64() {
			t.Run(f.name+"64", func(t *testing.T) { checkUnaryTwin(t, f, []int{ntBytes/8 + 37}, ntOffsets()) })
		}
		for _, f := range trigFuncs32() {
			t.Run(f.name+"32", func(t *testing.T) { checkUnaryTwin(t, f, []int{ntBytes/4 + 37}, ntOffsets()) })
		}
	})
}

// checkUnaryTwin runs f's kernel on every length of ns placed at every
// offset of offs, bit for bit against its twin, guarded, and in place.
func checkUnaryTwin[T float](t *testing.T, f unaryFunc[T], ns, offs []int) {
	rng := rand.New(rand.NewPCG(11, uint64(len(f.name))))
	for _, n := range ns {
		for _, off := range offs {
			a := trigInputs[T](rng, n, off)
			dst, check := newDst[T](t, n, off)
			f.kernel(dst, a)
			check()
			for i, x := range a {
				if want := f.twin(x); !same(dst[i], want, false) {
					t.Fatalf("n=%d off=%d: %s(%v) [%d] = %v (%#x), twin gives %v (%#x)",
						n, off, f.name, x, i, dst[i], bits(dst[i]), want, bits(want))
				}
			}
			// in place
			b := append([]T(nil), a...)
			f.kernel(b, b)
			for i := range b {
				if !same(b[i], dst[i], false) {
					t.Fatalf("n=%d off=%d: in place, %s(%v) [%d] = %v, want %v", n, off, f.name, a[i], i, b[i], dst[i])
				}
			}
		}
	}
}

func TestTrigLengthMismatch(t *testing.T) {
	for name, f := range map[string]func(){
		"sin":  func() { SinFloat64(make([]float64, 3), make([]float64, 2)) },
		"cos":  func() { CosFloat32(make([]float32, 3), make([]float32, 4)) },
		"sqrt": func() { SqrtFloat64(make([]float64, 1), nil) },
		"less": func() { LessFloat64(make([]bool, 3), make([]float64, 3), make([]float64, 2)) },
		"eqS":  func() { EqualFloat32Scalar(make([]bool, 3), make([]float32, 2), 1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic on a length mismatch", name)
				}
			}()
			f()
		}()
	}
}

// TestTrigSpecialValues checks the results NumPy gives (the ufunc
// conformance corpus, numpy 1.24): exact where NumPy's value is exactly
// rounded and the kernel must reproduce it (zeros, tiny arguments, π,
// π/2, cos 0), within the stated bound elsewhere.
func TestTrigSpecialValues(t *testing.T) {
	negZero := math.Copysign(0, -1)
	nan, inf := math.NaN(), math.Inf(1)
	cases64 := []struct {
		name        string
		f           func(dst, a []float64)
		x, want     float64
		exact       bool
		boundInULPs float64
	}{
		{"sin", SinFloat64, 0, 0, true, 0},
		{"sin", SinFloat64, negZero, negZero, true, 0},
		{"sin", SinFloat64, 5e-324, 5e-324, true, 0},
		{"sin", SinFloat64, 1e-300, 1e-300, true, 0},
		{"sin", SinFloat64, inf, nan, true, 0},
		{"sin", SinFloat64, -inf, nan, true, 0},
		{"sin", SinFloat64, nan, nan, true, 0},
		{"sin", SinFloat64, math.Pi, 1.2246467991473532e-16, true, 0},
		{"sin", SinFloat64, math.Pi / 2, 1, true, 0},
		{"sin", SinFloat64, 2.5, 0.5984721441039564, false, sinULP64},
		{"sin", SinFloat64, -2.5, -0.5984721441039564, false, sinULP64},
		{"sin", SinFloat64, 10000, -0.3056143888882522, false, sinULP64},
		{"sin", SinFloat64, 1e6, -0.349993502171293, false, sinULP64},
		{"sin", SinFloat64, 4194304.5, 0.9620146698449303, false, sinULP64},
		{"sin", SinFloat64, 8388607.5, 0.8116577048646793, false, sinULP64},
		{"sin", SinFloat64, 1e22, -0.8522008497671888, false, sinULP64},
		{"sin", SinFloat64, 1e300, -0.8178819121159085, false, sinULP64},
		{"cos", CosFloat64, 0, 1, true, 0},
		{"cos", CosFloat64, negZero, 1, true, 0},
		{"cos", CosFloat64, 5e-324, 1, true, 0},
		{"cos", CosFloat64, 1e-300, 1, true, 0},
		{"cos", CosFloat64, inf, nan, true, 0},
		{"cos", CosFloat64, nan, nan, true, 0},
		{"cos", CosFloat64, math.Pi, -1, true, 0},
		{"cos", CosFloat64, math.Pi / 2, 6.123233995736766e-17, true, 0},
		{"cos", CosFloat64, 2.5, -0.8011436155469338, false, cosULP64},
		{"cos", CosFloat64, 10000, -0.9521553682590149, false, cosULP64},
		{"cos", CosFloat64, 1e6, 0.9367521275331447, false, cosULP64},
		{"cos", CosFloat64, 4194304.5, -0.27299775640680624, false, cosULP64},
		{"cos", CosFloat64, 8388607.5, -0.5841333496161655, false, cosULP64},
		{"cos", CosFloat64, 1e22, 0.523214785395139, false, cosULP64},
		{"cos", CosFloat64, 1e300, -0.5753861119575491, false, cosULP64},
		{"sqrt", SqrtFloat64, 2, math.Sqrt2, true, 0},
		{"sqrt", SqrtFloat64, negZero, negZero, true, 0},
		{"sqrt", SqrtFloat64, -1, nan, true, 0},
		{"sqrt", SqrtFloat64, inf, inf, true, 0},
		{"sqrt", SqrtFloat64, 5e-324, math.Sqrt(5e-324), true, 0},
	}
	cases32 := []struct {
		name        string
		f           func(dst, a []float32)
		x, want     float32
		exact       bool
		boundInULPs float64
	}{
		{"sin", SinFloat32, 0, 0, true, 0},
		{"sin", SinFloat32, float32(negZero), float32(negZero), true, 0},
		{"sin", SinFloat32, math.SmallestNonzeroFloat32, math.SmallestNonzeroFloat32, true, 0},
		{"sin", SinFloat32, float32(inf), float32(nan), true, 0},
		{"sin", SinFloat32, float32(nan), float32(nan), true, 0},
		{"sin", SinFloat32, math.Pi, -8.742278e-08, true, 0},
		{"cos", CosFloat32, 0, 1, true, 0},
		{"cos", CosFloat32, float32(negZero), 1, true, 0},
		{"cos", CosFloat32, float32(inf), float32(nan), true, 0},
		{"cos", CosFloat32, math.Pi, -1, true, 0},
		{"cos", CosFloat32, 2.5, -0.8011435866355896, false, cosULP32},
		{"cos", CosFloat32, -2.5, -0.8011435866355896, false, cosULP32},
		{"cos", CosFloat32, 10000, -0.952155351638794, false, cosULP32},
		{"cos", CosFloat32, 1.5707963705062866, -4.371138828673793e-08, false, cosULP32},
		{"cos", CosFloat32, 1e6, 0.9367521405220032, false, cosULP32},
		{"cos", CosFloat32, 4194304.5, -0.27299776673316956, false, cosULP32},
		{"cos", CosFloat32, 1.0000000200408773e+20, 0.7542592883110046, false, cosULP32},
		{"cos", CosFloat32, 9.999999778196308e+21, 0.6790613532066345, false, cosULP32},
		{"sqrt", SqrtFloat32, 2, math.Sqrt2, true, 0},
		{"sqrt", SqrtFloat32, -1, float32(nan), true, 0},
	}
	forEachImpl(t, func(t *testing.T) {
		for _, c := range cases64 {
			// a whole vector block of the argument, and the tail
			for _, n := range []int{1, 16} {
				a, dst := make([]float64, n), make([]float64, n)
				for i := range a {
					a[i] = c.x
				}
				c.f(dst, a)
				for _, got := range dst {
					if !trigClose64(got, c.want, c.exact, c.boundInULPs) {
						t.Errorf("%s(%v) = %v, NumPy gives %v", c.name, c.x, got, c.want)
						break
					}
				}
			}
		}
		for _, c := range cases32 {
			for _, n := range []int{1, 32} {
				a, dst := make([]float32, n), make([]float32, n)
				for i := range a {
					a[i] = c.x
				}
				c.f(dst, a)
				for _, got := range dst {
					if !trigClose64(float64(got), float64(c.want), c.exact, 0) &&
						(c.exact || ulpErr32Trig(got, float64(c.want)) > c.boundInULPs+0.5) {
						t.Errorf("%s(float32(%v)) = %v, NumPy gives %v", c.name, c.x, got, c.want)
						break
					}
				}
			}
		}
	})
}

// trigClose64 reports whether got is want (bits, or both NaN) or, unless
// exact, within bound ULPs of it plus the half ULP by which NumPy's own
// value may be off the exact one.
func trigClose64(got, want float64, exact bool, bound float64) bool {
	if math.Float64bits(got) == math.Float64bits(want) || (got != got && want != want) {
		return true
	}
	if exact {
		return false
	}
	sp := math.Nextafter(math.Abs(want), math.Inf(1)) - math.Abs(want)
	return math.Abs(got-want)/sp <= bound+0.5
}

// TestTrigAccuracy64 measures the float64 twin (bit-identical to every
// implementation) against a math/big reference on random arguments of
// several ranges, next to multiples of π/2, and beyond the vector path.
func TestTrigAccuracy64(t *testing.T) {
	n := *trigN64
	if testing.Short() {
		n = 300
	}
	ranges := []struct {
		name   string
		lo, hi float64
		nearPi bool
	}{
		{"tiny", -1e-4, 1e-4, false},
		{"[-1,1]", -1, 1, false},
		{"[-π,π]", -math.Pi, math.Pi, false},
		{"[-10,10]", -10, 10, false},
		{"[-1e3,1e3]", -1e3, 1e3, false},
		{"vector path", -trigMax64, trigMax64, false},
		{"near kπ/2", 0, 1e4, true},
		{"near kπ/2 large", 1e4, trigMax64, true},
		{"beyond", trigMax64, 1e300, false},
	}
	for _, fn := range []struct {
		name  string
		twin  func(float64) float64
		cos   bool
		bound float64
	}{{"sin", sin64, false, sinULP64}, {"cos", cos64, true, cosULP64}} {
		worst, at := 0.0, 0.0
		for ri, r := range ranges {
			rng := rand.New(rand.NewPCG(5, uint64(ri)))
			rw, rat := 0.0, 0.0
			for range n {
				var x float64
				switch {
				case r.nearPi:
					k := math.Round((r.lo + (r.hi-r.lo)*rng.Float64()) / (math.Pi / 2))
					x = k * math.Pi / 2
					for range rng.IntN(4) {
						x = math.Nextafter(x, math.Inf(1-2*rng.IntN(2)))
					}
				case r.name == "beyond":
					x = math.Exp(math.Log(r.lo) + (math.Log(r.hi)-math.Log(r.lo))*rng.Float64())
				default:
					x = r.lo + (r.hi-r.lo)*rng.Float64()
				}
				s, c := trigRef(x)
				want := s
				if fn.cos {
					want = c
				}
				if e := ulpErrTrig64(fn.twin(x), want); e > rw {
					rw, rat = e, x
				}
			}
			t.Logf("%s %s: max error %.3f ULP at %v", fn.name, r.name, rw, rat)
			if rw > worst {
				worst, at = rw, rat
			}
		}
		t.Logf("%s float64: max error %.3f ULP at %v (bound %v)", fn.name, worst, at, fn.bound)
		if worst > fn.bound {
			t.Errorf("%s float64: max error %.3f ULP at %v, above the stated bound %v", fn.name, worst, at, fn.bound)
		}
	}
}

// TestTrigAccuracy32 measures the float32 twin against the float64
// functions of internal/mathx (within 1.5 float64 ULPs, a negligible
// fraction of a float32 ULP) over every trigstride-th float32 bit pattern
// up to the bound of the vector path and a little beyond, plus every
// pattern next to 0, 1 and the multiples of π/2 up to 2⁶·π/2. The
// bounds of the doc comments are those of a run with -simd.trigstride=1
// (every pattern); beyond the bound the results are float64 ones rounded
// once.
func TestTrigAccuracy32(t *testing.T) {
	stride := *trigF32Stride
	if testing.Short() {
		stride = 99991
	}
	var xs []float32
	limBits := uint64(math.Float32bits(trigMax32 * 1.01))
	for b := uint64(0); b <= limBits; b += stride {
		xs = append(xs, math.Float32frombits(uint32(b)))
	}
	edges := []float32{0, 1}
	for k := 1; k <= 1<<6; k++ {
		edges = append(edges, float32(float64(k)*math.Pi/2))
	}
	for _, e := range edges {
		b := math.Float32bits(e)
		for d := uint32(0); d < 64; d++ {
			xs = append(xs, math.Float32frombits(b+d), math.Float32frombits(b-d))
		}
	}
	for _, fn := range []struct {
		name  string
		twin  func(float32) float32
		ref   func(float64) float64
		bound float64
	}{{"sin", sin32, mathx.Sin, sinULP32}, {"cos", cos32, mathx.Cos, cosULP32}} {
		worst, at := 0.0, float32(0)
		for _, x := range xs {
			for _, x := range []float32{x, -x} {
				if e := ulpErr32Trig(fn.twin(x), fn.ref(float64(x))); e > worst {
					worst, at = e, x
				}
			}
		}
		t.Logf("%s float32: max error %.3f ULP at %v (%d arguments, stride %d, bound %v)", fn.name, worst, at, 2*len(xs), stride, fn.bound)
		if worst > fn.bound {
			t.Errorf("%s float32: max error %.3f ULP at %v, above the stated bound %v", fn.name, worst, at, fn.bound)
		}
	}
}

// ulpErr32Trig returns |got - want| in float32 ULPs of want (the spacing
// above |want| rounded to float32; 2⁻¹⁴⁹ for subnormal results).
func ulpErr32Trig(got float32, want float64) float64 {
	if got != got || want != want {
		if got != got && want != want {
			return 0
		}
		return math.Inf(1)
	}
	aw := float32(math.Abs(want))
	sp := float64(math.Nextafter32(aw, float32(math.Inf(1))) - aw)
	return math.Abs(float64(got)-want) / sp
}

// ulpErrTrig64 returns |got - want| in ULPs of want rounded to float64.
func ulpErrTrig64(got float64, want *big.Float) float64 {
	w, _ := want.Float64()
	aw := math.Abs(w)
	sp := math.Nextafter(aw, math.Inf(1)) - aw
	d := new(big.Float).SetPrec(want.Prec()).Sub(new(big.Float).SetFloat64(got), want)
	df, _ := d.Float64()
	return math.Abs(df) / sp
}

// trigRefPi is π to trigRefPiBits bits (Machin's formula), computed once.
var trigRefPi = sync.OnceValue(func() *big.Float {
	const p = trigRefPiBits + 32
	atanInv := func(m int64) *big.Float {
		sum, term := new(big.Float).SetPrec(p), new(big.Float).SetPrec(p).SetInt64(1)
		term.Quo(term, new(big.Float).SetInt64(m))
		mm := new(big.Float).SetPrec(p).SetInt64(m * m)
		eps := new(big.Float).SetMantExp(big.NewFloat(1), -p-8)
		for k := int64(0); term.Cmp(eps) > 0; k++ {
			t := new(big.Float).SetPrec(p).Quo(term, new(big.Float).SetInt64(2*k+1))
			if k%2 == 0 {
				sum.Add(sum, t)
			} else {
				sum.Sub(sum, t)
			}
			term.Quo(term, mm)
		}
		return sum
	}
	a := atanInv(5)
	a.Mul(a, big.NewFloat(16))
	b := atanInv(239)
	b.Mul(b, big.NewFloat(4))
	return a.Sub(a, b).SetPrec(trigRefPiBits)
})

// trigRefPiBits covers the reduction of any float64: 1024 bits of
// integer part, 53 of argument and 200 beyond.
const trigRefPiBits = 1400

// trigRef returns sin x and cos x to at least 200 bits: x is reduced by
// π/2 with enough bits of π that the remainder keeps them, and the
// Taylor series run on |r| <= π/4.
func trigRef(x float64) (sin, cos *big.Float) {
	_, e := math.Frexp(x)
	p := uint(200 + 64 + max(e, 0))
	if e < 0 {
		p += uint(-e) // tiny arguments: the series terms are relative to x
	}
	nf := func() *big.Float { return new(big.Float).SetPrec(p) }
	hp := nf().Quo(trigRefPi(), big.NewFloat(2))
	q := nf().Quo(nf().SetFloat64(x), hp)
	qi, _ := nf().Add(q, big.NewFloat(0.5)).Int(nil) // truncated toward zero
	if q.Sign() < 0 {
		qi, _ = nf().Sub(q, big.NewFloat(0.5)).Int(nil)
	}
	r := nf().Sub(nf().SetFloat64(x), nf().Mul(nf().SetInt(qi), hp))
	r2 := nf().Mul(r, r)
	s, c := nf().Set(r), nf().SetInt64(1)
	ts, tc := nf().Set(r), nf().SetInt64(1)
	eps := nf().SetMantExp(big.NewFloat(1), -int(p))
	for k := int64(1); ; k++ {
		ts.Mul(ts, r2)
		ts.Quo(ts, nf().SetInt64(-(2*k)*(2*k+1)))
		s.Add(s, ts)
		tc.Mul(tc, r2)
		tc.Quo(tc, nf().SetInt64(-(2*k-1)*(2*k)))
		c.Add(c, tc)
		if nf().Abs(tc).Cmp(eps) < 0 && nf().Abs(ts).Cmp(eps) < 0 {
			break
		}
	}
	switch new(big.Int).Mod(qi, big.NewInt(4)).Int64() {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	return s, c
}

func TestTrigRef(t *testing.T) {
	// sin(1e22) and cos(1e22) to 20 digits (a classic test of argument
	// reduction), and sin(float64(π)) = π - float64(π).
	s, c := trigRef(1e22)
	for _, chk := range []struct {
		got  *big.Float
		want string
	}{{s, "-0.85220084976718880177"}, {c, "0.52321478539513894550"}} {
		if got := chk.got.Text('f', 20); got != chk.want {
			t.Errorf("reference gives %s, want %s", got, chk.want)
		}
	}
	s, _ = trigRef(math.Pi)
	if got, want := s.Text('g', 20), "1.2246467991473531772e-16"; got != want {
		t.Errorf("reference sin(float64(π)) = %s, want %s", got, want)
	}
}

// TestFMA32R checks the fast float32 FMA of the float32 twin against the
// exact one, on random operands and on ones built to land halfway
// between two float32 values.
func TestFMA32R(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	f := func() float32 {
		return float32(math.Ldexp(2*rng.Float64()-1, rng.IntN(60)-30))
	}
	for i := range 1_000_000 {
		a, b, c := f(), f(), f()
		if i%3 == 0 { // c cancels most of a·b, leaving a tie-prone sum
			c = -float32(float64(a) * float64(b))
		}
		if i%5 == 0 {
			c = math.Float32frombits(math.Float32bits(c) &^ 0xfff)
			a = math.Float32frombits(math.Float32bits(a) &^ 0xfff)
			b = 1 + 0x1p-12*float32(rng.IntN(4096))
		}
		if got, want := fma32r(a, b, c), fma32(a, b, c); math.Float32bits(got) != math.Float32bits(want) {
			t.Fatalf("fma32r(%v, %v, %v) = %v, fma32 gives %v", a, b, c, got, want)
		}
	}
}

// cmpCase is one comparison: the exported vector and scalar kernels of
// both types and the Go operator.
type cmpCase struct {
	name       string
	vv64       func(dst []bool, a, b []float64)
	vs64       func(dst []bool, a []float64, s float64)
	vv32       func(dst []bool, a, b []float32)
	vs32       func(dst []bool, a []float32, s float32)
	op64       func(x, y float64) bool
	op32       func(x, y float32) bool
	nanOperand bool // the result when an operand is NaN
}

var cmpCases = []cmpCase{
	{"equal", EqualFloat64, EqualFloat64Scalar, EqualFloat32, EqualFloat32Scalar,
		func(x, y float64) bool { return x == y }, func(x, y float32) bool { return x == y }, false},
	{"not_equal", NotEqualFloat64, NotEqualFloat64Scalar, NotEqualFloat32, NotEqualFloat32Scalar,
		func(x, y float64) bool { return x != y }, func(x, y float32) bool { return x != y }, true},
	{"less", LessFloat64, LessFloat64Scalar, LessFloat32, LessFloat32Scalar,
		func(x, y float64) bool { return x < y }, func(x, y float32) bool { return x < y }, false},
	{"less_equal", LessEqualFloat64, LessEqualFloat64Scalar, LessEqualFloat32, LessEqualFloat32Scalar,
		func(x, y float64) bool { return x <= y }, func(x, y float32) bool { return x <= y }, false},
	{"greater", GreaterFloat64, GreaterFloat64Scalar, GreaterFloat32, GreaterFloat32Scalar,
		func(x, y float64) bool { return x > y }, func(x, y float32) bool { return x > y }, false},
	{"greater_equal", GreaterEqualFloat64, GreaterEqualFloat64Scalar, GreaterEqualFloat32, GreaterEqualFloat32Scalar,
		func(x, y float64) bool { return x >= y }, func(x, y float32) bool { return x >= y }, false},
}

// newBoolDst returns dst of length n at offset off inside a buffer whose
// other bytes hold a guard byte (neither false nor true), and a check
// that they are intact and that dst holds only 0 and 1 bytes.
func newBoolDst(t *testing.T, n, off int) (dst []bool, check func()) {
	const g = 0x5a
	buf := make([]bool, guard+off+n+guard)
	raw := unsafe.Slice((*byte)(unsafe.Pointer(&buf[0])), len(buf))
	for i := range raw {
		raw[i] = g
	}
	dst = buf[guard+off : guard+off+n : guard+off+n]
	return dst, func() {
		t.Helper()
		for i, v := range raw {
			inside := i >= guard+off && i < guard+off+n
			if !inside && v != g {
				t.Fatalf("n=%d off=%d: stray write at buffer index %d (dst is [%d,%d)): %#x", n, off, i, guard+off, guard+off+n, v)
			}
			if inside && v > 1 {
				t.Fatalf("n=%d off=%d: dst[%d] holds byte %#x, not a bool", n, off, i-guard-off, v)
			}
		}
	}
}

func TestCompareKernels(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		for _, c := range cmpCases {
			t.Run(c.name, func(t *testing.T) {
				checkCompare(t, c.vv64, c.vs64, c.op64, testData[float64], specials[float64]())
				checkCompare(t, c.vv32, c.vs32, c.op32, testData[float32], specials[float32]())
			})
		}
	})
}

// checkCompare runs the vector and scalar forms of a comparison on the
// inputs of data, every length, unaligned starts, and checks every
// result against op and the bytes around dst; the scalar is an element
// of a or one of sp.
func checkCompare[T cmpElem](t *testing.T, vv func(dst []bool, a, b []T), vs func(dst []bool, a []T, s T), op func(x, y T) bool,
	data func(rng *rand.Rand, n, off int) (a, b []T), sp []T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range lengths {
		for _, off := range []int{0, 1, 5} {
			a, b := data(rng, n, off)
			dst, check := newBoolDst(t, n, off)
			vv(dst, a, b)
			check()
			for i := range dst {
				if want := op(a[i], b[i]); dst[i] != want {
					t.Fatalf("n=%d off=%d: [%d] %v op %v = %v, want %v", n, off, i, a[i], b[i], dst[i], want)
				}
			}
			s := sp[rng.IntN(len(sp))]
			if n > 0 && rng.IntN(2) == 0 {
				s = a[rng.IntN(n)]
			}
			dst, check = newBoolDst(t, n, off)
			vs(dst, a, s)
			check()
			for i := range dst {
				if want := op(a[i], s); dst[i] != want {
					t.Fatalf("n=%d off=%d: [%d] %v op scalar %v = %v, want %v", n, off, i, a[i], s, dst[i], want)
				}
			}
		}
	}
}

// intCmpCase is one integer comparison: the exported vector and scalar
// kernels of both types and the Go operator.
type intCmpCase struct {
	name string
	vv64 func(dst []bool, a, b []int64)
	vs64 func(dst []bool, a []int64, s int64)
	vv32 func(dst []bool, a, b []int32)
	vs32 func(dst []bool, a []int32, s int32)
	op64 func(x, y int64) bool
	op32 func(x, y int32) bool
}

var intCmpCases = []intCmpCase{
	{"equal", EqualInt64, EqualInt64Scalar, EqualInt32, EqualInt32Scalar,
		func(x, y int64) bool { return x == y }, func(x, y int32) bool { return x == y }},
	{"not_equal", NotEqualInt64, NotEqualInt64Scalar, NotEqualInt32, NotEqualInt32Scalar,
		func(x, y int64) bool { return x != y }, func(x, y int32) bool { return x != y }},
	{"less", LessInt64, LessInt64Scalar, LessInt32, LessInt32Scalar,
		func(x, y int64) bool { return x < y }, func(x, y int32) bool { return x < y }},
	{"less_equal", LessEqualInt64, LessEqualInt64Scalar, LessEqualInt32, LessEqualInt32Scalar,
		func(x, y int64) bool { return x <= y }, func(x, y int32) bool { return x <= y }},
	{"greater", GreaterInt64, GreaterInt64Scalar, GreaterInt32, GreaterInt32Scalar,
		func(x, y int64) bool { return x > y }, func(x, y int32) bool { return x > y }},
	{"greater_equal", GreaterEqualInt64, GreaterEqualInt64Scalar, GreaterEqualInt32, GreaterEqualInt32Scalar,
		func(x, y int64) bool { return x >= y }, func(x, y int32) bool { return x >= y }},
}

func TestIntCompareKernels(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		for _, c := range intCmpCases {
			t.Run(c.name, func(t *testing.T) {
				checkCompare(t, c.vv64, c.vs64, c.op64, intTestData[int64], intSpecials[int64]())
				checkCompare(t, c.vv32, c.vs32, c.op32, intTestData[int32], intSpecials[int32]())
			})
		}
	})
}

// intSpecials are the integers mixed into the comparison test data: the
// ends of the range, their neighbours, -1, 0, 1, and for int64 the ends
// of int32 and values that agree in one 32-bit half and differ in the
// other.
func intSpecials[T int32 | int64]() []T {
	vs := []int64{0, 1, -1, 2, -2, math.MinInt32, math.MinInt32 + 1, math.MaxInt32, math.MaxInt32 - 1}
	if unsafe.Sizeof(T(0)) == 8 {
		vs = append(vs, math.MinInt64, math.MinInt64+1, math.MaxInt64, math.MaxInt64-1,
			1<<32, -1<<32, 1<<32+1, -1<<32+1, 1<<31, -1<<31-1, 5<<32+7, 7<<32+5)
	}
	sp := make([]T, len(vs))
	for i, v := range vs {
		sp[i] = T(v)
	}
	return sp
}

// intTestData returns a pair of integer inputs of length n, placed off
// elements into larger slices: random values of every magnitude with
// the specials mixed in, equal pairs, pairs one apart and pairs whose
// difference overflows (so that a compare by subtraction fails).
func intTestData[T int32 | int64](rng *rand.Rand, n, off int) (a, b []T) {
	sp := intSpecials[T]()
	bits := 8 * int(unsafe.Sizeof(T(0)))
	gen := func() []T {
		buf := make([]T, n+off)
		x := buf[off:]
		for i := range x {
			switch r := rng.IntN(10); {
			case r == 0:
				x[i] = sp[rng.IntN(len(sp))]
			case r < 4:
				x[i] = T(rng.IntN(7) - 3)
			default: // random bits shifted to a random magnitude
				x[i] = T(int64(rng.Uint64()) >> (64 - 1 - rng.IntN(bits)))
			}
		}
		return x
	}
	a, b = gen(), gen()
	lo, hi := T(-1)<<(bits-1), ^(T(-1) << (bits - 1))
	for i := range n {
		switch rng.IntN(16) {
		case 0, 1:
			b[i] = a[i]
		case 2:
			b[i] = a[i] + 1 // wraps at the maximum: still a valid pair
		case 3:
			b[i] = a[i] - 1
		case 4:
			a[i], b[i] = lo, hi
		case 5:
			a[i], b[i] = hi, lo
		case 6:
			a[i], b[i] = lo, T(rng.IntN(100)+1)
		}
	}
	return a, b
}

// TestCompareNaN checks NumPy's rule on NaN operands: false, except for
// not_equal, on either side and with a NaN scalar.
func TestCompareNaN(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		const n = 37
		a, b := make([]float64, n), make([]float64, n)
		a32, b32 := make([]float32, n), make([]float32, n)
		for i := range a {
			a[i], a32[i] = float64(i), float32(i)
			b[i], b32[i] = math.NaN(), float32(math.NaN())
			if i%2 == 0 {
				a[i], b[i] = b[i], a[i]
				a32[i], b32[i] = b32[i], a32[i]
			}
		}
		dst := make([]bool, n)
		for _, c := range cmpCases {
			for _, run := range []func(){
				func() { c.vv64(dst, a, b) },
				func() { c.vv32(dst, a32, b32) },
				func() { c.vs64(dst, a, math.NaN()) },
				func() { c.vs32(dst, b32, float32(math.NaN())) },
			} {
				run()
				for i, got := range dst {
					if got != c.nanOperand {
						t.Fatalf("%s with a NaN operand: dst[%d] = %v, want %v", c.name, i, got, c.nanOperand)
					}
				}
			}
		}
	})
}

// TestTrigRowsMatchGenerator checks that the generator in _asm numbers
// the constant rows as trig_generic.go does (the assembly reads them by
// number), and that the polynomial degrees agree.
func TestTrigRowsMatchGenerator(t *testing.T) {
	want := map[string]int{
		"tAbs": tAbs, "tMax": tMax, "tInvPi": tInvPi, "tShift": tShift, "tShiftC": tShiftC,
		"tNegHalf": tNegHalf, "tHalf": tHalf, "tP1": tP1, "tP2": tP2, "tP3": tP3, "tOne": tOne, "tSign": tSign, "tPoly": tPoly,
		"tPolyRows64": len(trigPoly64), "tPolyRows32": len(trigPoly32),
	}
	checkGeneratorRows(t, "trig.go", "trig_generic.go", want)
}

// BenchmarkTrig runs the kernels on 1e3 and 1e6 elements with the data
// of bench/workloads.json (sin and cos on [-10, 10), sqrt on [0.1, 100),
// comparisons on [0, 1)), under every implementation.
func BenchmarkTrig(b *testing.B) {
	for _, name := range Implementations() {
		restore, _ := use(name)
		for _, f := range trigFuncs64() {
			benchUnary(b, name, f.name+"Float64", f.kernel)
		}
		for _, f := range trigFuncs32() {
			benchUnary(b, name, f.name+"Float32", f.kernel)
		}
		for _, c := range cmpCases[:3] {
			benchCompare(b, name, c.name+"Float64", c.vv64)
			benchCompare(b, name, c.name+"Float32", c.vv32)
		}
		restore()
	}
}

func benchUnary[T float](b *testing.B, impl, name string, kernel func(dst, a []T)) {
	for _, n := range []int{1000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%s/%s/%d", impl, name, n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			a := make([]T, n)
			for i := range a {
				if strings.HasPrefix(name, "sqrt") {
					a[i] = T(0.1 + 99.9*rng.Float64())
				} else {
					a[i] = T(20*rng.Float64() - 10)
				}
			}
			dst := make([]T, n)
			b.SetBytes(int64(n) * 2 * int64(unsafe.Sizeof(T(0))))
			b.ReportAllocs()
			for b.Loop() {
				kernel(dst, a)
			}
		})
	}
}

// BenchmarkLessInt64, BenchmarkLessInt32 and BenchmarkLessEqualInt32Scalar
// run the integer comparisons (one plain, one negated and with a
// scalar) on random data under every implementation.
func BenchmarkLessInt64(b *testing.B) {
	benchIntCompare(b, func(dst []bool, x, y []int64) { LessInt64(dst, x, y) })
}

func BenchmarkLessInt32(b *testing.B) {
	benchIntCompare(b, func(dst []bool, x, y []int32) { LessInt32(dst, x, y) })
}

func BenchmarkLessEqualInt32Scalar(b *testing.B) {
	benchIntCompare(b, func(dst []bool, x, _ []int32) { LessEqualInt32Scalar(dst, x, 1<<20) })
}

func benchIntCompare[T int32 | int64](b *testing.B, kernel func(dst []bool, a, b []T)) {
	for _, impl := range Implementations() {
		for _, n := range []int{1 << 10, 1 << 20} {
			b.Run(fmt.Sprintf("%s/%d", impl, n), func(b *testing.B) {
				restore, _ := use(impl)
				defer restore()
				rng := rand.New(rand.NewPCG(1, 2))
				x, y := make([]T, n), make([]T, n)
				for i := range x {
					x[i], y[i] = T(rng.IntN(1<<21)), T(rng.IntN(1<<21))
				}
				dst := make([]bool, n)
				b.SetBytes(int64(n) * (2*int64(unsafe.Sizeof(T(0))) + 1))
				b.ReportAllocs()
				for b.Loop() {
					kernel(dst, x, y)
				}
			})
		}
	}
}

func benchCompare[T float](b *testing.B, impl, name string, kernel func(dst []bool, a, b []T)) {
	for _, n := range []int{1000, 1_000_000} {
		b.Run(fmt.Sprintf("%s/%s/%d", impl, name, n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			x, y := make([]T, n), make([]T, n)
			for i := range x {
				x[i], y[i] = T(rng.Float64()), T(rng.Float64())
			}
			dst := make([]bool, n)
			b.SetBytes(int64(n) * (2*int64(unsafe.Sizeof(T(0))) + 1))
			b.ReportAllocs()
			for b.Loop() {
				kernel(dst, x, y)
			}
		})
	}
}

// TestTrigNoAllocs checks that the kernels allocate nothing, the padded
// tail of the sine and cosine included.
func TestTrigNoAllocs(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		a, dst := make([]float64, 77), make([]float64, 77)
		a32, dst32 := make([]float32, 77), make([]float32, 77)
		ai, ai32 := make([]int64, 77), make([]int32, 77)
		b := make([]bool, 77)
		if n := testing.AllocsPerRun(20, func() {
			SinFloat64(dst, a)
			CosFloat32(dst32, a32)
			SqrtFloat64(dst, a)
			LessFloat64(b, a, dst)
			GreaterEqualFloat32Scalar(b, a32, 0.5)
			LessEqualInt64(b, ai, ai)
			GreaterEqualInt32Scalar(b, ai32, -1)
		}); n != 0 {
			t.Errorf("%v allocations per run, want 0", n)
		}
	})
}
