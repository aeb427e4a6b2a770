package simd

import (
	"math"

	"github.com/pluribus-go/pluribus/internal/mathx"
)

// The pure-Go twins of the exp, log and tanh kernels. For every argument
// the vector kernels handle, the twin evaluates the same operations in
// the same order (fused multiply-adds where the assembly fuses), so the
// two agree bit for bit; arguments the vector kernels leave alone
// (special values, results near overflow or in the subnormal range) take
// the twin's own careful path. The constants are also laid out as rows
// of broadcast vectors (expRows64 and friends) that the assembly reads.
//
// exp: x = k·ln2 + r with k = round(x/ln2) and |r| <= ln2/2 (a
// Cody–Waite reduction that is exact for the first constant), eʳ by a
// minimax polynomial 1 + r + r²·P(r) in Horner form (degree 11 for
// float64, 6 for float32), and 2ᵏ added to the exponent bits.
//
// log: x = 2ᵏ·z with z in [0.703, 1.406) (float64; [0.719, 1.438) for
// float32), z in one of 16 (8) subintervals with a tabulated c near its
// center (c = 1 for the one around 1), r = z/c - 1 = fma(z, 1/c, -1),
// log x = k·ln2 + log c + log1p(r) with log1p(r) = r + r²·Q(r) (degree 9;
// 6), summed in an order that keeps the rounding errors of the large
// parts out of the result.
//
// tanh: tanh|x| = e/(e + 2) with e = expm1(2|x|) from the exp reduction
// (e = 2ᵏr·rP(r) + (2ᵏr + 2ᵏ - 1) with the exp polynomial), |x| clamped
// where tanh rounds to 1, and the sign of x put back.

// Constants of exp and tanh, float64.
const (
	expMax64   = 708.0 // the vector path: |x| <= expMax64 (normal results)
	log2e64    = 0x1.71547652b82fep+0
	expShift64 = 0x1.8p52 // rounds to an integer; its low bits hold it
	ln2Hi64    = 0x1.62e42fefa39efp-1
	ln2Lo64    = 0x1.abc9e3b39803fp-56
	tanhMax64  = 20.0   // tanh(x) rounds to ±1 beyond 19.06
	expOver64  = 709.79 // exp(x) > MaxFloat64 beyond 709.7827
	expm1Max64 = 36.0   // the expm1 vector path: x <= expm1Max64 (2ᵏ - 1 exact)...
	expm1Min64 = -708.0 // ... and x clamped to expm1Min64 (the result is -1)
	// The AVX-512 kernels clamp x to [expUnder64, expClampHi64] and scale
	// with VSCALEFPD, which gives the results of exp64Special.
	expClampHi64 = 710.0
	expUnder64   = -746.0 // exp(x) rounds to 0 below -745.1332
)

// expPoly64 are the coefficients of r^11 ... r^2 of eʳ on |r| <= ln2/2
// (relative error 2^-56.8).
var expPoly64 = [...]float64{
	0x1.af631de754d99p-26,
	0x1.28b40653e0bc5p-22,
	0x1.71ddf6bacdde1p-19,
	0x1.a01993bea2625p-16,
	0x1.a01a01b009bf4p-13,
	0x1.6c16c185fdf71p-10,
	0x1.111111110f808p-7,
	0x1.55555555503f4p-5,
	0x1.5555555555558p-3,
	0x1.0000000000009p-1,
}

// Constants of exp and tanh, float32.
const (
	expMax32     = 86.5
	log2e32      = 0x1.715476p+0
	expShift32   = 0x1.8p23
	ln2Hi32      = 0x1.62e43p-1
	ln2Lo32      = -0x1.05c61p-29
	tanhMax32    = 10.0 // tanh(x) rounds to ±1 beyond 9.01
	expOver32    = 88.8 // exp(x) > MaxFloat32 beyond 88.7228
	expClampHi32 = 89.0
	expUnder32   = -104.0 // exp(x) rounds to 0 below -103.9721
)

// Bit patterns.
const (
	signBit64 = 1 << 63
	signBit32 = 1 << 31
	expBits52 = 52 // the width of the significand fields
	expBits23 = 23
	oneBits64 = 0x3ff0000000000000
	oneBits32 = 0x3f800000
)

// expPoly32 are the coefficients of r^6 ... r^2 of eʳ on |r| <= ln2/2
// (relative error 2^-28.3).
var expPoly32 = [...]float32{
	0x1.6a244cp-10,
	0x1.1239d4p-7,
	0x1.5558f2p-5,
	0x1.555492p-3,
	0x1.fffffcp-2,
}

// Constants of log, float64.
const (
	logOff64    = 0x3fe6800000000000 // the bits of 0.703125
	logMagic64  = 0x4330000000000800 // 2^52 + 2048: turns k+2048 into a float
	logBias64   = 0x1p52 + 2048
	logExpMask  = 0xfff0000000000000
	logLn2Hi64  = 0x1.62e42fefa3800p-1 // 42 significant bits: k·logLn2Hi64 is exact
	logLn2Lo64  = 0x1.ef35793c76730p-45
	logChkAdd64 = 0x7ff0000000000000 // ix + logChkAdd64 > logChkLim64 (signed): not a positive normal
	logChkLim64 = -0x20000000000001  // 0xffdfffffffffffff

	// 1/ln 2 and 1/ln 10 as the sums of two float64s
	invLn2Hi64  = 0x1.71547652b82fep0
	invLn2Lo64  = 0x1.777d0ffda0d24p-56
	invLn10Hi64 = 0x1.bcb7b1526e50ep-2
	invLn10Lo64 = 0x1.95355baaafad3p-57
)

// logPoly64 are the coefficients of r^9 ... r^2 of log1p(r) on
// [-0.0342, 0.0313] (error 2^-55.6·|r|).
var logPoly64 = [...]float64{
	0x1.cd7ae0194887ep-4,
	-0x1.0078f0961bfd7p-3,
	0x1.2490ecf2267ecp-3,
	-0x1.55553d89f459ep-3,
	0x1.999999c858450p-3,
	-0x1.00000000dbf09p-2,
	0x1.5555555554703p-2,
	-0x1.fffffffffffbfp-2,
}

// logTab64 holds, for each of the 16 subintervals of z, 1/c, and log c
// split into a part with 21 fractional bits and the rest. 1/c has at
// most 6 significant bits, so that r = z·(1/c) - 1 is exact, and it and
// the high part of log c have float64 bits with a zero low half: the
// AVX-512 kernel looks them up in tables of 32-bit words.
var logTab64 = [16][3]float64{
	{0x1.6p+0, -0x1.4618cp-2, 0x1.ef1d09ec17a42p-25},
	{0x1.58p+0, -0x1.2e8e2p-2, -0x1.75c23a6138599p-23},
	{0x1.48p+0, -0x1.fb918p-3, -0x1.b578f8aa35552p-25},
	{0x1.38p+0, -0x1.9525cp-3, 0x1.630ba94b89bedp-23},
	{0x1.3p+0, -0x1.5ff3p-3, -0x1.c29e4f4f21cf9p-25},
	{0x1.28p+0, -0x1.29554p-3, 0x1.07e00adcb3fa2p-23},
	{0x1.18p+0, -0x1.6f0dp-4, -0x1.4572b5a5cdf25p-23},
	{0x1.1p+0, -0x1.f0a3p-5, -0x1.8022c54cc2f99p-26},
	{0x1.08p+0, -0x1.f82ap-6, 0x1.3c61f33fecc1cp-24},
	{1, 0, 0},
	{0x1.ep-1, 0x1.08598p-4, 0x1.6b3c740d1148p-25},
	{0x1.c8p-1, 0x1.da728p-4, -0x1.38f772bb5ff03p-25},
	{0x1.bp-1, 0x1.5bf4p-3, 0x1.ad50f6c7ee0a5p-25},
	{0x1.98p-1, 0x1.d1038p-3, -0x1.b3543094fceb7p-28},
	{0x1.88p-1, 0x1.1178ep-2, 0x1.044fc8f7bc671p-23},
	{0x1.7p-1, 0x1.522aep-2, 0x1.ce28f5f3840b2p-28},
}

// Constants of log, float32.
const (
	logOff32    = 0x3f380000 // the bits of 0.71875
	logExpMask3 = 0xff800000
	logLn2Hi32  = 0x1.62e4p-1 // 16 significant bits: k·logLn2Hi32 is exact
	logLn2Lo32  = 0x1.7f7d1cp-20
	logChkAdd32 = 0x7f800000
	logChkLim32 = -0x1000001 // 0xfeffffff
)

// logPoly32 are the coefficients of r^6 ... r^2 of log1p(r) on
// [-0.0704, 0.0665] (error 2^-30.7·|r|).
var logPoly32 = [...]float32{
	-0x1.5b23b6p-3,
	0x1.9b7f7ep-3,
	-0x1.fffa96p-3,
	0x1.5554fcp-2,
	-0x1p-1,
}

// logTab32 is logTab64 for the 8 subintervals of the float32 logarithm
// (log c split at 16 fractional bits; 1/c has at most 5 bits).
var logTab32 = [8][3]float32{
	{0x1.5p+0, -0x1.1674p-2, -0x1.cababap-18},
	{0x1.4p+0, -0x1.c9p-3, 0x1.070cacp-20},
	{0x1.2p+0, -0x1.e27p-4, -0x1.db8abcp-22},
	{0x1.1p+0, -0x1.f0ap-5, -0x1.86008cp-20},
	{1, 0, 0},
	{0x1.cp-1, 0x1.1178p-3, 0x1.d044fcp-20},
	{0x1.ap-1, 0x1.a94p-3, -0x1.2c3752p-19},
	{0x1.7p-1, 0x1.522cp-2, -0x1.1f8c76p-18},
}

// fma32 returns a·b + c rounded once to float32, as VFMADD…PS does: the
// product is exact in float64, the sum is rounded to odd in float64
// (so that rounding it again to float32 cannot go wrong) and then to
// float32. The arguments are finite.
func fma32(a, b, c float32) float32 {
	p := float64(a) * float64(b)
	s := p + float64(c)
	// s + e == p + c exactly (Knuth's two-sum).
	bb := s - p
	e := (p - (s - bb)) + (float64(c) - bb)
	if e != 0 {
		u := math.Float64bits(s)
		if u&1 == 0 {
			if (e > 0) == (s > 0) {
				u++
			} else {
				u--
			}
			s = math.Float64frombits(u)
		}
	}
	return float32(s)
}

// expPoly64Eval returns 1 + r + r²·P(r) in Horner form.
func expPoly64Eval(r float64) float64 {
	p := math.FMA(expPoly64[0], r, expPoly64[1])
	for _, c := range expPoly64[2:] {
		p = math.FMA(p, r, c)
	}
	p = math.FMA(p, r, 1)
	return math.FMA(p, r, 1)
}

// pairs8 evaluates c[0]·r⁷ + … + c[7] from the pairs c[j]·r + c[j+1],
// which do not depend on each other, combined by Horner's rule in r²:
// a chain of four dependent FMAs where Horner's rule in r makes seven,
// and one operation fewer than Estrin's scheme (no r⁴). The vector
// kernels do the same operations (pairs in _asm). (Exp's kernels keep
// Horner's rule in r.)
func pairs8(c *[8]float64, r float64) float64 {
	r2 := r * r
	a := math.FMA(c[0], r, c[1])
	a = math.FMA(a, r2, math.FMA(c[2], r, c[3]))
	a = math.FMA(a, r2, math.FMA(c[4], r, c[5]))
	return math.FMA(a, r2, math.FMA(c[6], r, c[7]))
}

// expReduce64 returns r and kd with x = k·ln2 + r: kd is the float whose
// low bits hold k (kd - expShift64 == k).
func expReduce64(x float64) (r, kd float64) {
	kd = math.FMA(x, log2e64, expShift64)
	k := kd - expShift64
	r = math.FMA(k, -ln2Hi64, x)
	r = math.FMA(k, -ln2Lo64, r)
	return r, kd
}

// exp64 is the twin of ExpFloat64 for one element.
func exp64(x float64) float64 {
	if !(math.Abs(x) <= expMax64) {
		return exp64Special(x)
	}
	r, kd := expReduce64(x)
	p := expPoly64Eval(r)
	return math.Float64frombits(math.Float64bits(p) + math.Float64bits(kd)<<expBits52)
}

// exp2Max64 bounds exp2's vector path: |x| <= exp2Max64, normal
// results that need no second scaling.
const exp2Max64 = 1020.0

// exp2_64 is the twin of Exp2Float64 for one element: with k the integer
// nearest x, 2^k · e^r for r = (x - k)·ln 2 (x - k is exact; r is it
// times ln2Hi64 + ln2Lo64, rounded once), exp's polynomial on r;
// internal/mathx's Exp2 beyond exp2Max64 and for NaN. Integral x give
// 2^x exactly (r = 0).
func exp2_64(x float64) float64 {
	if !(math.Abs(x) <= exp2Max64) {
		return mathx.Exp2(x)
	}
	kd := x + expShift64
	g := (kd - expShift64) - x // -(x - k)
	r := math.FMA(g, -ln2Hi64, g*-ln2Lo64)
	p := expPoly64Eval(r)
	return math.Float64frombits(math.Float64bits(p) + math.Float64bits(kd)<<expBits52)
}

// cosh64 is the twin of CoshFloat64 for one element: (e + 1/e)/2 with
// e = exp64(|x|), as e/2 + (1/2)/e summed with one rounding; |x| beyond
// expMax64 and NaN go to internal/mathx's Cosh.
func cosh64(x float64) float64 {
	a := math.Abs(x)
	if !(a <= expMax64) {
		return mathx.Cosh(x)
	}
	e := exp64(a)
	return math.FMA(0.5, e, 0.5/e)
}

// sinh64 is the twin of SinhFloat64 for one element: ±(t + t/(t + 1))/2
// with t = expm1_64(|x|) and x's sign, ±(2t - t·t/(t + 1))/2 for
// |x| < 1 (where the first loses more to rounding); |x| beyond expm1Max64 and NaN go
// to internal/mathx's Sinh.
func sinh64(x float64) float64 {
	a := math.Abs(x)
	if !(a <= expm1Max64) {
		return mathx.Sinh(x)
	}
	t := expm1_64(a)
	q := t / (t + 1)
	s := t + q
	if a < 1 {
		s = math.FMA(-t, q, 2*t)
	}
	return math.Copysign(0.5, x) * s
}

func sinhFloat64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = sinh64(x)
	}
}

func coshFloat64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = cosh64(x)
	}
}

func exp2Float64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = exp2_64(x)
	}
}

// exp64Special is exp for NaN and |x| > expMax64: the scale 2ᵏ is
// applied in two steps so that overflow and the rounding of subnormal
// results happen once, in the last multiplication.
func exp64Special(x float64) float64 {
	switch {
	case x != x:
		return x + x // quiet, as the arithmetic of the vector path
	case x > expOver64:
		return math.Inf(1)
	case x < expUnder64:
		return 0
	}
	r, kd := expReduce64(x)
	p := expPoly64Eval(r)
	k := int64(kd - expShift64)
	if k > 0 {
		return p * math.Float64frombits(uint64(k-1+1023)<<52) * 2
	}
	return p * math.Float64frombits(uint64(k+1000+1023)<<52) * 0x1p-1000
}

// expPoly32Eval is expPoly64Eval in float32.
func expPoly32Eval(r float32) float32 {
	p := fma32(expPoly32[0], r, expPoly32[1])
	for _, c := range expPoly32[2:] {
		p = fma32(p, r, c)
	}
	p = fma32(p, r, 1)
	return fma32(p, r, 1)
}

// expReduce32 is expReduce64 in float32.
func expReduce32(x float32) (r, kd float32) {
	kd = fma32(x, log2e32, expShift32)
	k := kd - expShift32
	r = fma32(k, -ln2Hi32, x)
	r = fma32(k, -ln2Lo32, r)
	return r, kd
}

// exp32 is the twin of ExpFloat32 for one element.
func exp32(x float32) float32 {
	if !(abs32(x) <= expMax32) {
		return exp32Special(x)
	}
	r, kd := expReduce32(x)
	p := expPoly32Eval(r)
	return math.Float32frombits(math.Float32bits(p) + math.Float32bits(kd)<<expBits23)
}

// exp32Special is exp64Special in float32.
func exp32Special(x float32) float32 {
	switch {
	case x != x:
		return x + x
	case x > expOver32:
		return float32(math.Inf(1))
	case x < expUnder32:
		return 0
	}
	r, kd := expReduce32(x)
	p := expPoly32Eval(r)
	k := int32(kd - expShift32)
	if k > 0 {
		s := math.Float32frombits(uint32(k-1+127) << 23)
		return p * s * 2
	}
	s := math.Float32frombits(uint32(k+100+127) << 23)
	return p * s * 0x1p-100
}

func abs32(x float32) float32 {
	return math.Float32frombits(math.Float32bits(x) &^ signBit32)
}

// log64 is the twin of LogFloat64 for one element.
func log64(x float64) float64 {
	ix, dk, y, done := logArg64(x)
	if done {
		return y
	}
	return logCore64(ix, dk)
}

// logArg64 returns log's result y for the arguments that are not
// positive normal numbers but subnormal, with done; else the bits ix
// of a positive normal number and dk, log x being log(2^dk · ix).
func logArg64(x float64) (ix uint64, dk, y float64, done bool) {
	ix = math.Float64bits(x)
	if int64(ix+logChkAdd64) <= logChkLim64 { // a positive normal number
		return ix, 0, 0, false
	}
	switch {
	case x != x:
		return 0, 0, x, true
	case x < 0:
		return 0, 0, math.NaN(), true
	case x == 0:
		return 0, 0, math.Inf(-1), true
	case x > math.MaxFloat64:
		return 0, 0, x, true
	}
	// subnormal: scale into the normal range
	return math.Float64bits(x * 0x1p52), -52, 0, false
}

// logCore64 returns log(2^dk · x) for the positive normal x with bits ix.
func logCore64(ix uint64, dk float64) float64 {
	hi, t := logParts64(ix, dk)
	return t + hi
}

// logParts64 returns log(2^dk · x) for the positive normal x with bits
// ix as hi + t, |t| much smaller than |hi|, before the final rounding.
func logParts64(ix uint64, dk float64) (hi, t float64) {
	tmp := ix - logOff64
	i := tmp >> 48 & 15
	kd := float64(int64(tmp)>>52) + dk
	z := math.Float64frombits(ix - tmp&logExpMask)
	e := &logTab64[i]
	r := math.FMA(z, e[0], -1)
	w := math.FMA(kd, logLn2Hi64, e[1])
	hi = w + r
	lo := (w - hi) + r
	lo = math.FMA(kd, logLn2Lo64, lo+e[2])
	r2 := r * r
	q := pairs8(&logPoly64, r)
	return hi, math.FMA(r2, q, lo)
}

// logScaled64 is the twin of Log2Float64 (s = 1/ln 2) and Log10Float64
// (s = 1/ln 10) for one element, s given as sHi + sLo: (hi + t)·s with
// the product of hi and s kept to twice the precision.
func logScaled64(x, sHi, sLo float64) float64 {
	ix, dk, y, done := logArg64(x)
	if done {
		return y
	}
	hi, t := logParts64(ix, dk)
	u := t * sHi
	u = math.FMA(hi, sLo, u)
	return math.FMA(hi, sHi, u)
}

// log2_64 and log10_64 are the twins of Log2Float64 and Log10Float64.
func log2_64(x float64) float64  { return logScaled64(x, invLn2Hi64, invLn2Lo64) }
func log10_64(x float64) float64 { return logScaled64(x, invLn10Hi64, invLn10Lo64) }

// log1p64 is the twin of Log1pFloat64 for one element: log(u) + (x -
// (u - 1))/u for u = 1 + x a positive normal number (u - 1 is exact
// where the correction matters, u <= 2), internal/mathx's Log1p
// otherwise (x <= -1, +Inf, NaN) and for ±0 (log1p(-0) is -0).
func log1p64(x float64) float64 {
	u := 1 + x
	ix := math.Float64bits(u)
	if int64(ix+logChkAdd64) > logChkLim64 || x == 0 {
		return mathx.Log1p(x)
	}
	c := (x - (u - 1)) / u
	hi, t := logParts64(ix, 0)
	return t + c + hi
}

func log1pFloat64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = log1p64(x)
	}
}

// log32 is the twin of LogFloat32 for one element.
func log32(x float32) float32 {
	ix := math.Float32bits(x)
	if int32(ix+logChkAdd32) > logChkLim32 { // not a positive normal number
		switch {
		case x != x:
			return x
		case x < 0:
			return float32(math.NaN())
		case x == 0:
			return float32(math.Inf(-1))
		case x > math.MaxFloat32:
			return x
		}
		return logCore32(math.Float32bits(x*0x1p23), -23)
	}
	return logCore32(ix, 0)
}

// logCore32 is logCore64 in float32.
func logCore32(ix uint32, dk float32) float32 {
	tmp := ix - logOff32
	i := tmp >> 20 & 7
	kd := float32(int32(tmp)>>23) + dk
	z := math.Float32frombits(ix - tmp&logExpMask3)
	t := &logTab32[i]
	r := fma32(z, t[0], -1)
	w := fma32(kd, logLn2Hi32, t[1])
	hi := w + r
	lo := (w - hi) + r
	lo = fma32(kd, logLn2Lo32, lo+t[2])
	r2 := r * r
	q := fma32(logPoly32[0], r, logPoly32[1])
	for _, c := range logPoly32[2:] {
		q = fma32(q, r, c)
	}
	return fma32(r2, q, lo) + hi
}

// tanh64 is the twin of TanhFloat64 for one element.
func tanh64(x float64) float64 {
	if x != x {
		return x + x // quiet, as the arithmetic of the vector path
	}
	a := math.Abs(x)
	if a > tanhMax64 {
		a = tanhMax64
	}
	t := a + a
	r, kd := expReduce64(t)
	p := math.FMA(expPoly64[0], r, expPoly64[1])
	for _, c := range expPoly64[2:] {
		p = math.FMA(p, r, c)
	}
	// expm1(2|x|) = 2ᵏ(eʳ - 1) + 2ᵏ - 1 = 2ᵏr·rP(r) + (2ᵏr + (2ᵏ - 1))
	s := math.Float64frombits(math.Float64bits(kd)<<expBits52 + oneBits64)
	sr := s * r
	e := math.FMA(sr, r*p, sr+(s-1))
	y := e / (e + 2)
	return math.Float64frombits(math.Float64bits(y) | math.Float64bits(x)&signBit64)
}

// expm1_64 is the twin of Expm1Float64 for one element: 2ᵏ(eʳ - 1) +
// (2ᵏ - 1) with x = k·ln2 + r, that is 2ᵏr·rP(r) + 2ᵏrlo + (2ᵏ - 1 +
// 2ᵏr1) with r1 + rlo = r (r1 exact) and the last sum kept exactly as
// hi + lo, and the sign of x (so that expm1(-0) = -0). Below expm1Min64, where the result
// rounds to -1, x is clamped; above expm1Max64, where 2ᵏ - 1 is no longer
// exact, math.Expm1 takes over (and exp64 above 700, where e^x - 1
// rounds to e^x).
func expm1_64(x float64) float64 {
	if !(x <= expm1Max64) {
		switch {
		case x != x:
			return x + x // quiet, as the arithmetic of the vector path
		case x > 700:
			return exp64(x) // math.Expm1 overflows early near the threshold
		}
		return math.Expm1(x)
	}
	x = max(x, expm1Min64)
	kd := math.FMA(x, log2e64, expShift64)
	k := kd - expShift64
	r1 := math.FMA(k, -ln2Hi64, x) // exact: x - k·ln2Hi64 fits in 53 bits
	r := math.FMA(k, -ln2Lo64, r1)
	rlo := k * -ln2Lo64
	p := math.FMA(expPoly64[0], r, expPoly64[1])
	for _, c := range expPoly64[2:] {
		p = math.FMA(p, r, c)
	}
	s := math.Float64frombits(math.Float64bits(kd)<<expBits52 + oneBits64)
	sr := s * r1
	sm1 := s - 1
	hi := sm1 + sr // |s - 1| >= |sr|, or s - 1 = 0
	lo := (sm1 - hi) + sr
	lo = math.FMA(s, rlo, lo)
	e := math.FMA(s*r, r*p, lo) + hi
	return math.Float64frombits(math.Float64bits(e) | math.Float64bits(x)&signBit64)
}

func expm1Float64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = expm1_64(x)
	}
}

// tanh32 is the twin of TanhFloat32 for one element.
func tanh32(x float32) float32 {
	if x != x {
		return x + x
	}
	a := abs32(x)
	if a > tanhMax32 {
		a = tanhMax32
	}
	t := a + a
	r, kd := expReduce32(t)
	p := fma32(expPoly32[0], r, expPoly32[1])
	for _, c := range expPoly32[2:] {
		p = fma32(p, r, c)
	}
	s := math.Float32frombits(math.Float32bits(kd)<<expBits23 + oneBits32)
	sr := s * r
	e := fma32(sr, r*p, sr+(s-1))
	y := e / (e + 2)
	return math.Float32frombits(math.Float32bits(y) | math.Float32bits(x)&signBit32)
}

// Slice versions: dst[i] = f(a[i]).

func expFloat64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = exp64(x)
	}
}

func expFloat32Go(dst, a []float32) {
	for i, x := range a[:len(dst)] {
		dst[i] = exp32(x)
	}
}

func logFloat64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = log64(x)
	}
}

func log2Float64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = log2_64(x)
	}
}

func log10Float64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = log10_64(x)
	}
}

func logFloat32Go(dst, a []float32) {
	for i, x := range a[:len(dst)] {
		dst[i] = log32(x)
	}
}

func tanhFloat64Go(dst, a []float64) {
	for i, x := range a[:len(dst)] {
		dst[i] = tanh64(x)
	}
}

func tanhFloat32Go(dst, a []float32) {
	for i, x := range a[:len(dst)] {
		dst[i] = tanh32(x)
	}
}

// The constants as the assembly reads them: rows of one constant
// broadcast to 64 bytes (or a lookup table), indexed by the row numbers
// below, which simd/_asm/exp.go repeats.
const (
	// expRows64 and expRows32 (exp and tanh)
	eAbs, eMax, eLog2e, eShift, eNegLn2Hi, eNegLn2Lo, ePoly    = 0, 1, 2, 3, 4, 5, 6
	eOne64, eTanhMax64, eSign64, eTwo64, eHi64, eLo64, eRows64 = 16, 17, 18, 19, 20, 21, 26
	eExpm1Max64, eExpm1Min64, eExp2Max64, eHalf64              = 22, 23, 24, 25
	eOne32, eTanhMax32, eSign32, eTwo32, eHi32, eLo32, eRows32 = 11, 12, 13, 14, 15, 16, 17

	// logRows64
	lOff64, lMagic64, lBias64, lExpMask64, lNegOne64, lLn2Hi64, lLn2Lo64 = 0, 1, 2, 3, 4, 5, 6
	lChkAdd64, lChkLim64, lPoly64, lInvC64, lLogCHi64, lLogCLo64         = 7, 8, 9, 17, 19, 21
	lIdxMask64, lAllOnes64                                               = 23, 24
	lScale2Hi64, lScale2Lo64, lScale10Hi64, lScale10Lo64                 = 25, 26, 27, 28
	lInvCW64, lLogCHiW64, lRows64                                        = 29, 30, 31

	// logRows32
	lOff32, lExpMask32, lNegOne32, lLn2Hi32, lLn2Lo32, lChkAdd32, lChkLim32 = 0, 1, 2, 3, 4, 5, 6
	lPoly32, lInvC32, lLogCHi32, lLogCLo32, lRows32                         = 7, 12, 13, 14, 15
)

var (
	expRows64 = aligned64(func() (r [eRows64][8]float64) {
		set := func(i int, v float64) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		set(eAbs, math.Float64frombits(signBit64-1))
		set(eMax, expMax64)
		set(eLog2e, log2e64)
		set(eShift, expShift64)
		set(eNegLn2Hi, -ln2Hi64)
		set(eNegLn2Lo, -ln2Lo64)
		for j, c := range expPoly64 {
			set(ePoly+j, c)
		}
		set(eOne64, 1)
		set(eTanhMax64, tanhMax64)
		set(eSign64, math.Float64frombits(signBit64))
		set(eTwo64, 2)
		set(eHi64, expClampHi64)
		set(eLo64, expUnder64)
		set(eExpm1Max64, expm1Max64)
		set(eExp2Max64, exp2Max64)
		set(eHalf64, 0.5)
		set(eExpm1Min64, expm1Min64)
		return r
	}())

	expRows32 = aligned64(func() (r [eRows32][16]float32) {
		set := func(i int, v float32) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		set(eAbs, math.Float32frombits(signBit32-1))
		set(eMax, expMax32)
		set(eLog2e, log2e32)
		set(eShift, expShift32)
		set(eNegLn2Hi, -ln2Hi32)
		set(eNegLn2Lo, -ln2Lo32)
		for j, c := range expPoly32 {
			set(ePoly+j, c)
		}
		set(eOne32, 1)
		set(eTanhMax32, tanhMax32)
		set(eSign32, math.Float32frombits(signBit32))
		set(eTwo32, 2)
		set(eHi32, expClampHi32)
		set(eLo32, expUnder32)
		return r
	}())

	logRows64 = aligned64(func() (r [lRows64][8]float64) {
		set := func(i int, v float64) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		bitsRow := func(i int, u uint64) { set(i, math.Float64frombits(u)) }
		bitsRow(lOff64, logOff64)
		bitsRow(lMagic64, logMagic64)
		set(lBias64, logBias64)
		bitsRow(lExpMask64, logExpMask)
		set(lNegOne64, -1)
		set(lLn2Hi64, logLn2Hi64)
		set(lLn2Lo64, logLn2Lo64)
		bitsRow(lChkAdd64, logChkAdd64)
		bitsRow(lChkLim64, uint64(logChkLim64+(1<<64-1)+1))
		for j, c := range logPoly64 {
			set(lPoly64+j, c)
		}
		for i, t := range logTab64 {
			r[lInvC64+i/8][i%8] = t[0]
			r[lLogCHi64+i/8][i%8] = t[1]
			r[lLogCLo64+i/8][i%8] = t[2]
		}
		bitsRow(lIdxMask64, 15)
		bitsRow(lAllOnes64, 1<<64-1)
		set(lScale2Hi64, invLn2Hi64)
		set(lScale2Lo64, invLn2Lo64)
		set(lScale10Hi64, invLn10Hi64)
		set(lScale10Lo64, invLn10Lo64)
		for i := 0; i < 16; i += 2 { // the high halves of the bits of 1/c and of log c's high part
			hw := func(c int) uint64 {
				return math.Float64bits(logTab64[i][c])>>32 | math.Float64bits(logTab64[i+1][c])&^(1<<32-1)
			}
			r[lInvCW64][i/2] = math.Float64frombits(hw(0))
			r[lLogCHiW64][i/2] = math.Float64frombits(hw(1))
		}
		return r
	}())

	logRows32 = aligned64(func() (r [lRows32][16]float32) {
		set := func(i int, v float32) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		bitsRow := func(i int, u uint32) { set(i, math.Float32frombits(u)) }
		bitsRow(lOff32, logOff32)
		bitsRow(lExpMask32, logExpMask3)
		set(lNegOne32, -1)
		set(lLn2Hi32, logLn2Hi32)
		set(lLn2Lo32, logLn2Lo32)
		bitsRow(lChkAdd32, logChkAdd32)
		bitsRow(lChkLim32, uint32(logChkLim32+(1<<32-1)+1))
		for j, c := range logPoly32 {
			set(lPoly32+j, c)
		}
		for i := range 16 { // the 8 entries twice: 16-lane permutes ignore bit 3
			t := logTab32[i%8]
			r[lInvC32][i], r[lLogCHi32][i], r[lLogCLo32][i] = t[0], t[1], t[2]
		}
		return r
	}())
)
