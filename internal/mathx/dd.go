// Package mathx holds the element functions behind pluribus's
// floating-point math ufuncs: real functions of float64 accurate to
// about one ULP where Go's math package is not (logarithms, inverse
// sines, hyperbolic functions near overflow, hypot), and the complex
// functions of C99 Annex G (csqrt, cexp, clog, casin, …) computed with
// care near branch cuts, the unit circle and the ends of the range.
//
// Each function's doc comment states its maximum error in ULPs as
// measured by the package tests against a math/big reference.
package mathx

import "math"

// Double-double helpers: a value hi+lo with |lo| <= ulp(hi)/2.

// twoSum returns s = fl(a+b) and the exact error e = a+b-s.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

// fastTwoSum is twoSum for |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

// twoProd returns p = fl(a*b) and the exact error e = a*b-p.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

// ddAdd returns (ah+al) + (bh+bl) as a double-double.
func ddAdd(ah, al, bh, bl float64) (float64, float64) {
	s, e := twoSum(ah, bh)
	e += al + bl
	return fastTwoSum(s, e)
}

// ddMul returns (ah+al) * (bh+bl) as a double-double.
func ddMul(ah, al, bh, bl float64) (float64, float64) {
	p, e := twoProd(ah, bh)
	e += ah*bl + al*bh
	return fastTwoSum(p, e)
}

// ddDiv returns (ah+al) / (bh+bl) as a double-double.
func ddDiv(ah, al, bh, bl float64) (float64, float64) {
	q := ah / bh
	r := math.FMA(-q, bh, ah) + al - q*bl
	return fastTwoSum(q, r/bh)
}

// ddSqrt returns sqrt(hi+lo) as a double-double (hi >= 0).
func ddSqrt(hi, lo float64) (float64, float64) {
	s := math.Sqrt(hi)
	if s == 0 || math.IsInf(s, 0) {
		return s, 0
	}
	e := math.FMA(-s, s, hi) + lo
	return fastTwoSum(s, e/(2*s))
}

// Constants as double-doubles (hi, lo).
const (
	ln2Hi     = 0.6931471805599453
	ln2Lo     = 2.3190468138462996e-17
	invLn2Hi  = 1.4426950408889634
	invLn2Lo  = 2.0355273740931033e-17
	invLn10Hi = 0.4342944819032518
	invLn10Lo = 1.098319650216765e-17
	piHi      = 3.141592653589793
	piLo      = 1.2246467991473532e-16
	pio2Hi    = 1.5707963267948966
	pio2Lo    = 6.123233995736766e-17
)
