package simd

import (
	"math"

	"github.com/pluribus-go/pluribus/internal/mathx"
)

// The pure-Go twins of the sine, cosine, square-root and comparison
// kernels: the fallback under the purego build tag and on other
// architectures, and the oracle the assembly is tested against. The
// assembly performs the operations of sinCore64 and sinCore32 in the
// same order with the same roundings (FMA where these use math.FMA or
// fma32r), so the results agree bit for bit.
//
// The method, for |x| <= trigMax:
//
//	sin: n = round(x/π),        r = x - n·π,  sin x = (-1)ⁿ sin r
//	cos: n = round(x/π - 1/2),  r = x - (n+1/2)·π,  cos x = (-1)ⁿ⁺¹ sin r
//
// The rounding to an integer adds and subtracts a shift (1.5·2⁵² or
// 1.5·2²³; 1.5·2⁵²+1 for the cosine, whose parity bit is then that of
// n+1), which leaves n's parity in the lowest bit of the shifted value.
// r = x - m·π is reduced by Cody–Waite with π split into three parts
// (FMA, so that x - m·p₁ is exact), |r| <= π/2 (a little more after
// rounding), and sin r = r + r·q with s = r² and a minimax polynomial
// for the relative error: q = s·(c₁ + s·P(s)) by Horner's rule for
// float64 (the kernel is bound by its multiplications and FMAs; this
// form has one fewer than the one below, for 0.25 ULP more error), and
// q = s·c₁ + s²·P(s) for float32. The sign of the result is
// flipped by xor-ing n's parity bit into the sign bit. Arguments with
// |x| > trigMax, infinities and NaN go to the accurate functions of
// internal/mathx (exact Payne–Hanek reduction).

// Bounds of the vector path. Below 2²² the reduction keeps the error of
// r below an ULP of r for float64; for float32 (computed in float32
// arithmetic) the rounding of x/π to an integer stays accurate enough
// that |r| <= π/2·1.002, where the polynomial holds.
const (
	trigMax64 = 0x1p22
	trigMax32 = 0x1p16
)

// Constants of the float64 kernel: 1/π, the shifts, π in three parts
// (p1 = π rounded, p2 = π - p1 truncated, p3 = π - p1 - p2 rounded: all
// positive, so that x - m·pᵢ keeps the sign of x = ±0) and the
// coefficients c1…c8 of sin r = r + r·(s·c1 + s²·(c2 + s·c3 + … + s⁶·c8)),
// s = r², fitted for the relative error on [0, π/2·1.0001] (max
// 2.8e-19).
const (
	trigInvPi64  = 0.3183098861837907
	trigShift64  = 0x1.8p52
	trigShift64c = 0x1.8p52 + 1
	trigP1x64    = 3.141592653589793
	trigP2x64    = 1.224646799147353e-16
	trigP3x64    = 2.165713347843828e-32
)

var trigPoly64 = [...]float64{
	-0.16666666666666666,
	0.008333333333333194,
	-0.00019841269841209145,
	2.7557319211124286e-06,
	-2.5052106871581367e-08,
	1.6058939643023786e-10,
	-7.642989815772308e-13,
	2.7211569648371014e-15,
}

// Constants of the float32 kernel, as for float64 (p1 and p2 are
// truncated, p3 rounded); the coefficients are fitted on [0, π/2·1.0001]
// (max relative error 6e-9) and checked to be the best float32
// neighbours for the evaluation below.
const (
	trigInvPi32  = float32(0.31830987)
	trigShift32  = float32(0x1.8p23)
	trigShift32c = float32(0x1.8p23 + 1)
	trigP1x32    = float32(3.1415925)
	trigP2x32    = float32(1.5099579e-07)
	trigP3x32    = float32(1.0780606e-14)
)

var trigPoly32 = [...]float32{
	-0.1666666,
	0.0083330665,
	-0.0001980959,
	2.6057508e-06,
}

// sinCore64 returns sin x (cos x when cos is set) for |x| <= trigMax64.
func sinCore64(x float64, cos bool) float64 {
	var y, m float64
	if cos {
		y = math.FMA(x, trigInvPi64, -0.5) + trigShift64c
		m = (y - trigShift64c) + 0.5
	} else {
		y = math.FMA(x, trigInvPi64, trigShift64)
		m = y - trigShift64
	}
	r := math.FMA(-m, trigP1x64, x)
	r = math.FMA(-m, trigP2x64, r)
	r = math.FMA(-m, trigP3x64, r)
	s := r * r
	c := &trigPoly64
	p := c[len(c)-1]
	for j := len(c) - 2; j >= 0; j-- {
		p = math.FMA(p, s, c[j])
	}
	q := math.FMA(p, s, 0) // +0, not p·s = -0, at r = ±0: sin(-0) = -0
	v := math.FMA(r, q, r)
	return math.Float64frombits(math.Float64bits(v) ^ math.Float64bits(y)<<63)
}

// sinCore32 is sinCore64 in float32 arithmetic, for |x| <= trigMax32.
func sinCore32(x float32, cos bool) float32 {
	var y, m float32
	if cos {
		y = fma32r(x, trigInvPi32, -0.5) + trigShift32c
		m = (y - trigShift32c) + 0.5
	} else {
		y = fma32r(x, trigInvPi32, trigShift32)
		m = y - trigShift32
	}
	r := fma32r(-m, trigP1x32, x)
	r = fma32r(-m, trigP2x32, r)
	r = fma32r(-m, trigP3x32, r)
	s := r * r
	s2 := s * s
	c := &trigPoly32
	p := c[len(c)-1]
	for j := len(c) - 2; j >= 1; j-- {
		p = fma32r(p, s, c[j])
	}
	q := fma32r(s, c[0], p*s2)
	v := fma32r(r, q, r)
	return math.Float32frombits(math.Float32bits(v) ^ math.Float32bits(y)<<31)
}

// sin64, cos64, sin32 and cos32 are the element functions of the twins.
func sin64(x float64) float64 {
	if !(math.Abs(x) <= trigMax64) {
		return mathx.Sin(x)
	}
	return sinCore64(x, false)
}

func cos64(x float64) float64 {
	if !(math.Abs(x) <= trigMax64) {
		return mathx.Cos(x)
	}
	return sinCore64(x, true)
}

func sin32(x float32) float32 {
	if !(abs32(x) <= trigMax32) {
		return float32(mathx.Sin(float64(x)))
	}
	return sinCore32(x, false)
}

func cos32(x float32) float32 {
	if !(abs32(x) <= trigMax32) {
		return float32(mathx.Cos(float64(x)))
	}
	return sinCore32(x, true)
}

// fma32r is fma32 (a·b + c rounded once to float32) with a fast path:
// the float64 FMA rounds a·b + c once to float64, and rounding that to
// float32 gives the correctly rounded result unless it lies exactly
// halfway between two float32 values (the only case in which the two
// roundings can differ from one) or outside the normal float32 range;
// those go to fma32.
func fma32r(a, b, c float32) float32 {
	r := math.FMA(float64(a), float64(b), float64(c))
	u := math.Float64bits(r)
	if u&(1<<29-1) != 1<<28 && (u>>52&0x7ff)-(1023-126) < 254 {
		return float32(r)
	}
	return fma32(a, b, c)
}

// unaryGo applies f to every element.
func unaryGo[T float](f func(T) T) func(dst, a []T) {
	return func(dst, a []T) {
		for i, x := range a[:len(dst)] {
			dst[i] = f(x)
		}
	}
}

func sqrt64(x float64) float64 { return math.Sqrt(x) }

// sqrt32 is the float32 square root: the float64 root rounded to float32
// is the correctly rounded float32 root (53 >= 2·24+2 bits).
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }

// cmpElem is the element types of the comparison kernels.
type cmpElem interface{ float | ~int64 | ~int32 }

// cmpTwins and cmpScalarTwins are the comparison twins of T, indexed by
// cmpEq … cmpGe.
func cmpTwins[T cmpElem]() [numCmp]func(dst []bool, a, b []T) {
	return [numCmp]func(dst []bool, a, b []T){cmpEqGo[T], cmpNeGo[T], cmpLtGo[T], cmpLeGo[T], cmpGtGo[T], cmpGeGo[T]}
}

func cmpScalarTwins[T cmpElem]() [numCmp]func(dst []bool, a []T, s T) {
	return [numCmp]func(dst []bool, a []T, s T){cmpEqScalarGo[T], cmpNeScalarGo[T], cmpLtScalarGo[T], cmpLeScalarGo[T], cmpGtScalarGo[T], cmpGeScalarGo[T]}
}

// The comparison twins: dst[i] = a[i] op b[i] (op s); for floats with
// IEEE semantics, so a NaN operand gives false except for !=.
func cmpEqGo[T cmpElem](dst []bool, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] == b[i]
	}
}

func cmpNeGo[T cmpElem](dst []bool, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] != b[i]
	}
}

func cmpLtGo[T cmpElem](dst []bool, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] < b[i]
	}
}

func cmpLeGo[T cmpElem](dst []bool, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] <= b[i]
	}
}

func cmpGtGo[T cmpElem](dst []bool, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] > b[i]
	}
}

func cmpGeGo[T cmpElem](dst []bool, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] >= b[i]
	}
}

func cmpEqScalarGo[T cmpElem](dst []bool, a []T, s T) {
	for i, x := range a[:len(dst)] {
		dst[i] = x == s
	}
}

func cmpNeScalarGo[T cmpElem](dst []bool, a []T, s T) {
	for i, x := range a[:len(dst)] {
		dst[i] = x != s
	}
}

func cmpLtScalarGo[T cmpElem](dst []bool, a []T, s T) {
	for i, x := range a[:len(dst)] {
		dst[i] = x < s
	}
}

func cmpLeScalarGo[T cmpElem](dst []bool, a []T, s T) {
	for i, x := range a[:len(dst)] {
		dst[i] = x <= s
	}
}

func cmpGtScalarGo[T cmpElem](dst []bool, a []T, s T) {
	for i, x := range a[:len(dst)] {
		dst[i] = x > s
	}
}

func cmpGeScalarGo[T cmpElem](dst []bool, a []T, s T) {
	for i, x := range a[:len(dst)] {
		dst[i] = x >= s
	}
}

// The constants as the assembly reads them: rows of one constant
// broadcast to 64 bytes, indexed by the row numbers below, which
// simd/_asm/trig.go repeats.
const (
	tAbs, tMax, tInvPi, tShift, tShiftC, tNegHalf, tHalf = 0, 1, 2, 3, 4, 5, 6
	tP1, tP2, tP3, tOne, tSign, tPoly                    = 7, 8, 9, 10, 11, 12
	tRows64, tRows32                                     = tPoly + len(trigPoly64), tPoly + len(trigPoly32)
)

var (
	trigRows64 = aligned64(func() (r [tRows64][8]float64) {
		set := func(i int, v float64) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		set(tAbs, math.Float64frombits(1<<63-1))
		set(tMax, trigMax64)
		set(tInvPi, trigInvPi64)
		set(tShift, trigShift64)
		set(tShiftC, trigShift64c)
		set(tNegHalf, -0.5)
		set(tHalf, 0.5)
		set(tP1, trigP1x64)
		set(tP2, trigP2x64)
		set(tP3, trigP3x64)
		set(tOne, math.Float64frombits(1))
		set(tSign, math.Float64frombits(1<<63))
		for j, c := range trigPoly64 {
			set(tPoly+j, c)
		}
		return r
	}())

	trigRows32 = aligned64(func() (r [tRows32][16]float32) {
		set := func(i int, v float32) {
			for j := range r[i] {
				r[i][j] = v
			}
		}
		set(tAbs, math.Float32frombits(1<<31-1))
		set(tMax, trigMax32)
		set(tInvPi, trigInvPi32)
		set(tShift, trigShift32)
		set(tShiftC, trigShift32c)
		set(tNegHalf, -0.5)
		set(tHalf, 0.5)
		set(tP1, trigP1x32)
		set(tP2, trigP2x32)
		set(tP3, trigP3x32)
		set(tOne, math.Float32frombits(1))
		set(tSign, math.Float32frombits(1<<31))
		for j, c := range trigPoly32 {
			set(tPoly+j, c)
		}
		return r
	}())

	// cmpBytes[m] holds the eight bools of the 8-bit comparison mask m
	// (byte k is bit k of m), which the comparison kernels store.
	cmpBytes = func() (t [256]uint64) {
		for m := range t {
			for k := range 8 {
				t[m] |= uint64(m>>k&1) << (8 * k)
			}
		}
		return t
	}()
)
