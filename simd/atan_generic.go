package simd

import (
	"math"

	"github.com/pluribus-go/pluribus/internal/mathx"
)

// The pure-Go twins of the inverse tangent kernels: the fallback under
// the purego build tag and on other architectures, and the oracle the
// assembly is tested against. The assembly performs the operations of
// atan2Core64 and atan2Core32 in the same order with the same roundings
// (FMA where these use math.FMA or fma32r), so the results agree bit for
// bit.
//
// The method: atan x = atan2(x, 1), and for atan2(y, x) with n =
// min(|y|, |x|) and d = max(|y|, |x|), z = n/d in [0, 1] is kept as
// zh + zl to about twice the precision with one division (1/d, then
// zh = n·(1/d) and zl = (n - zh·d)·(1/d), the remainder exact by FMA).
// The angle is B ± atan z with B = 0, π/2 or π by the quadrant and
// whether |y| > |x|: atan z = z + z·w·P(w), w = z², a minimax polynomial
// of degree 19 in w (float32: 8) for the relative error on [0, 1],
// evaluated as pairs cⱼ·w + cⱼ₊₁ combined by Horner's rule in w². The
// sum B + zh is kept exactly as hi + e (Fast2Sum), the small parts
// (e, B's low part, zl and z·w·P) are added to it last, and the sign of y
// is put on the result. Arguments whose operands are out of the range
// where the division stays exact enough (see atan.go), infinities and
// NaN go to internal/mathx.

// Bounds of the vector path. atan: |x| <= atanMax; atan2: max(|y|, |x|)
// <= atan2Max, and min(|y|, |x|) is 0 or at least atan2Min.
const (
	atanMax64  = 0x1p1000
	atan2Min64 = 0x1p-500
	atan2Max64 = 0x1p500
	atanMax32  = 0x1p100
	atan2Min32 = 0x1p-60
	atan2Max32 = 0x1p60
)

// π/2 and π as the sums of two floats.
const (
	pi2Hi64 = 0x1.921fb54442d18p0
	pi2Lo64 = 0x1.1a62633145c07p-54
	piHi64  = 0x1.921fb54442d18p1
	piLo64  = 0x1.1a62633145c07p-53
	pi2Hi32 = float32(0x1.921fb6p0)
	pi2Lo32 = float32(-0x1.777a5cp-25)
	piHi32  = float32(0x1.921fb6p1)
	piLo32  = float32(-0x1.777a5cp-24)
)

// atanPoly64 are the coefficients of w¹⁹ … w⁰ of P, atan z = z +
// z·w·P(w) with w = z² on [0, 1]: a weighted least-squares fit of the
// relative error of atan z (Lawson's iteration, which tends to the
// minimax fit), the coefficients rounded one at a time from w⁰ up and
// the rest fitted again after each (relative error 2^-57.6; rounding
// them all at once after one fit gave 2^-54.6).
var atanPoly64 = [...]float64{
	1.3229087771017886e-05,
	-0.00015220215186229904,
	0.0008315187418632197,
	-0.002885495923713266,
	0.007197668714846053,
	-0.013902276498517253,
	0.021986761273765414,
	-0.029905492090193234,
	0.036643000715885374,
	-0.04219235886695498,
	0.04722345499421175,
	-0.052535259682437316,
	0.058805296348981136,
	-0.06666404396351057,
	0.07692279885950172,
	-0.09090907007582082,
	0.11111111007332433,
	-0.14285714282587875,
	0.19999999999951748,
	-0.3333333333333307,
}

// atanPoly32 are those of w⁸ … w⁰ for float32, fitted and rounded to
// float32 in the same way (relative error 2^-28.5).
var atanPoly32 = [...]float32{
	-0.00179122353,
	0.0109034106,
	-0.0311559234,
	0.057934247,
	-0.0840198547,
	0.109516382,
	-0.142641246,
	0.199985355,
	-0.333332986,
}

// atan64 is the twin of AtanFloat64 for one element.
func atan64(x float64) float64 {
	if !(math.Abs(x) <= atanMax64) {
		return mathx.Atan(x)
	}
	return atan2Core64(x, 1)
}

// atan2_64 is the twin of Atan2Float64 for one element.
func atan2_64(y, x float64) float64 {
	if !atan2Ordinary64(y, x) {
		return mathx.Atan2(y, x)
	}
	return atan2Core64(y, x)
}

// atan2Ordinary64 reports whether y and x are operands of the vector
// path: no NaN, max(|y|, |x|) <= atan2Max and min(|y|, |x|) zero or at
// least atan2Min.
func atan2Ordinary64(y, x float64) bool {
	ay, ax := math.Abs(y), math.Abs(x)
	n := min(ay, ax)
	return max(ay, ax) <= atan2Max64 && (n == 0 || n >= atan2Min64)
}

// atan2Core64 returns atan2(y, x) for the operands of the vector path
// (atan x as atan2(x, 1)).
func atan2Core64(y, x float64) float64 {
	ay, ax := math.Abs(y), math.Abs(x)
	n := min(ay, ax)
	d := max(ay, ax, atan2Min64) // both zero: z = 0
	inv := 1 / d
	zh := n * inv
	r := math.FMA(-zh, d, n) // exact
	zl := r * inv
	w := zh * zh
	q := w * atanPolyEval64(w)
	// B and the sign of z by the quadrant: B = π for x < 0 (-0
	// included), π/2 when |y| > |x|, where z's sign flips once for each.
	var bHi, bLo float64
	sg := math.Float64bits(x) & signBit64
	if sg != 0 {
		bHi, bLo = piHi64, piLo64
	}
	if ay > ax {
		bHi, bLo = pi2Hi64, pi2Lo64
		sg ^= signBit64
	}
	zsh := math.Float64frombits(math.Float64bits(zh) ^ sg)
	zsl := math.Float64frombits(math.Float64bits(zl) ^ sg)
	hi := bHi + zsh
	e := (bHi - hi) + zsh // bHi + zsh = hi + e exactly: |bHi| >= |zsh| or bHi = 0
	t := (e + bLo) + zsl
	lo := math.FMA(zsh, q, t)
	res := hi + lo
	return math.Float64frombits(math.Float64bits(res) | math.Float64bits(y)&signBit64)
}

// atanPolyEval64 returns P(w) from the pairs cⱼ·w + cⱼ₊₁ by Horner's
// rule in w².
func atanPolyEval64(w float64) float64 {
	c := &atanPoly64
	w2 := w * w
	a := math.FMA(c[0], w, c[1])
	for j := 2; j < len(c); j += 2 {
		a = math.FMA(a, w2, math.FMA(c[j], w, c[j+1]))
	}
	return a
}

// atan32 is the twin of AtanFloat32 for one element.
func atan32(x float32) float32 {
	if !(abs32(x) <= atanMax32) {
		return float32(mathx.Atan(float64(x)))
	}
	return atan2Core32(x, 1)
}

// atan2_32 is the twin of Atan2Float32 for one element.
func atan2_32(y, x float32) float32 {
	if !atan2Ordinary32(y, x) {
		return float32(mathx.Atan2(float64(y), float64(x)))
	}
	return atan2Core32(y, x)
}

// atan2Ordinary32 is atan2Ordinary64 for float32.
func atan2Ordinary32(y, x float32) bool {
	ay, ax := abs32(y), abs32(x)
	n := min(ay, ax)
	return max(ay, ax) <= atan2Max32 && (n == 0 || n >= atan2Min32)
}

// atan2Core32 is atan2Core64 in float32 arithmetic.
func atan2Core32(y, x float32) float32 {
	ay, ax := abs32(y), abs32(x)
	n := min(ay, ax)
	d := max(ay, ax, atan2Min32)
	inv := 1 / d
	zh := n * inv
	r := fma32r(-zh, d, n)
	zl := r * inv
	w := zh * zh
	q := w * atanPolyEval32(w)
	var bHi, bLo float32
	sg := math.Float32bits(x) & signBit32
	if sg != 0 {
		bHi, bLo = piHi32, piLo32
	}
	if ay > ax {
		bHi, bLo = pi2Hi32, pi2Lo32
		sg ^= signBit32
	}
	zsh := math.Float32frombits(math.Float32bits(zh) ^ sg)
	zsl := math.Float32frombits(math.Float32bits(zl) ^ sg)
	hi := bHi + zsh
	e := (bHi - hi) + zsh
	t := (e + bLo) + zsl
	lo := fma32r(zsh, q, t)
	res := hi + lo
	return math.Float32frombits(math.Float32bits(res) | math.Float32bits(y)&signBit32)
}

// atanPolyEval32 is atanPolyEval64 for the odd number of float32
// coefficients: c₀, then the pairs.
func atanPolyEval32(w float32) float32 {
	c := &atanPoly32
	w2 := w * w
	a := c[0]
	for j := 1; j < len(c); j += 2 {
		a = fma32r(a, w2, fma32r(c[j], w, c[j+1]))
	}
	return a
}

// The constants as the assembly reads them: rows of one constant
// broadcast to 64 bytes, indexed by the row numbers below, which
// simd/_asm/atan.go repeats.
const (
	aAbs, aSign, aMin, aMax, aMaxU, aOne = 0, 1, 2, 3, 4, 5
	aPi2Hi, aPi2Lo, aPiHi, aPiLo, aPoly  = 6, 7, 8, 9, 10
	aRows64, aRows32                     = aPoly + len(atanPoly64), aPoly + len(atanPoly32)
)

var (
	atanRows64 = aligned64(func() (r [aRows64][8]float64) {
		set := func(i int, v float64) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		set(aAbs, math.Float64frombits(signBit64-1))
		set(aSign, math.Float64frombits(signBit64))
		set(aMin, atan2Min64)
		set(aMax, atan2Max64)
		set(aMaxU, atanMax64)
		set(aOne, 1)
		set(aPi2Hi, pi2Hi64)
		set(aPi2Lo, pi2Lo64)
		set(aPiHi, piHi64)
		set(aPiLo, piLo64)
		for j, c := range atanPoly64 {
			set(aPoly+j, c)
		}
		return r
	}())

	atanRows32 = aligned64(func() (r [aRows32][16]float32) {
		set := func(i int, v float32) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		set(aAbs, math.Float32frombits(signBit32-1))
		set(aSign, math.Float32frombits(signBit32))
		set(aMin, atan2Min32)
		set(aMax, atan2Max32)
		set(aMaxU, atanMax32)
		set(aOne, 1)
		set(aPi2Hi, pi2Hi32)
		set(aPi2Lo, pi2Lo32)
		set(aPiHi, piHi32)
		set(aPiLo, piLo32)
		for j, c := range atanPoly32 {
			set(aPoly+j, c)
		}
		return r
	}())
)
