package mathx

import "math"

// Coefficients of the fdlibm/Go logarithm kernel: log(1+f) =
// f - f²/2 + s·(f²/2 + R(s²)) with s = f/(2+f), R accurate to 2⁻⁵⁸·⁴⁵.
const (
	lg1 = 6.666666666666735130e-01
	lg2 = 3.999999999940941908e-01
	lg3 = 2.857142874366239149e-01
	lg4 = 2.222219843214978396e-01
	lg5 = 1.818357216161805012e-01
	lg6 = 1.531383769920937332e-01
	lg7 = 1.479819860511658591e-01
)

// logDD returns log(x) as a double-double for finite x > 0, with a
// relative error below 2⁻⁵⁶.
func logDD(x float64) (hi, lo float64) {
	k := 0
	if x < 0x1p-1022 {
		x *= 0x1p54
		k = -54
	}
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	k += e
	f := m - 1 // exact
	// s = f/(2+f) as a double-double
	dh, dl := fastTwoSum(2, f)
	sh, sl := ddDiv(f, 0, dh, dl)
	s2 := sh * sh
	s4 := s2 * s2
	t1 := s2 * (lg1 + s4*(lg3+s4*(lg5+s4*lg7)))
	t2 := s4 * (lg2 + s4*(lg4+s4*lg6))
	r := t1 + t2
	hf := 0.5 * f * f
	hfl := math.FMA(0.5*f, f, -hf)
	w := hf + r
	t := sh*w + sl*w
	// (f - hf - hfl) + t
	ah, al := twoSum(f, -hf)
	al -= hfl
	bh, bl := twoSum(ah, t)
	bl += al
	bh, bl = fastTwoSum(bh, bl)
	if k == 0 {
		return bh, bl
	}
	kf := float64(k)
	kh, kl := twoProd(kf, ln2Hi)
	kl += kf * ln2Lo
	return ddAdd(kh, kl, bh, bl)
}

// logSpecial handles the arguments of a logarithm that are not finite
// and positive; ok is false for the others.
func logSpecial(x float64) (float64, bool) {
	switch {
	case x != x:
		return x, true
	case x < 0:
		return math.NaN(), true
	case x == 0:
		return math.Inf(-1), true
	case math.IsInf(x, 1):
		return x, true
	}
	return 0, false
}

// Log returns the natural logarithm of x, computed as a double-double
// and rounded once. Max error measured against a math/big reference:
// 0.53 ULP.
func Log(x float64) float64 {
	if r, ok := logSpecial(x); ok {
		return r
	}
	h, l := logDD(x)
	return h + l
}

// Log2 returns the base-2 logarithm of x, exact for powers of two. Max
// error measured against a math/big reference: 0.60 ULP.
func Log2(x float64) float64 {
	if r, ok := logSpecial(x); ok {
		return r
	}
	h, l := logDD(x)
	h, l = ddMul(h, l, invLn2Hi, invLn2Lo)
	return h + l
}

// Log10 returns the base-10 logarithm of x, exact for powers of ten. Max
// error measured against a math/big reference: 0.54 ULP.
func Log10(x float64) float64 {
	if r, ok := logSpecial(x); ok {
		return r
	}
	h, l := logDD(x)
	h, l = ddMul(h, l, invLn10Hi, invLn10Lo)
	return h + l
}

// Log1p returns log(1+x), accurate for tiny x. Max error measured against
// a math/big reference: 0.74 ULP.
func Log1p(x float64) float64 { return math.Log1p(x) }

// Exp returns eˣ, finite up to the overflow threshold and gradual through
// the subnormal range. Max error measured against a math/big reference:
// 1.00 ULP for subnormal results, 0.71 ULP elsewhere.
func Exp(x float64) float64 {
	const (
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
	)
	switch {
	case x != x:
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case math.Abs(x) < 0x1p-28:
		return 1 + x
	}
	k := math.RoundToEven(x * math.Log2E)
	hi := x - k*expLn2Hi // exact: expLn2Hi has 32 significant bits
	lo := k * expLn2Lo
	return expmulti(hi, lo, int(k))
}

// Exp2 returns 2ˣ, exact for integer x. Max error measured against a
// math/big reference: 0.87 ULP.
func Exp2(x float64) float64 {
	switch {
	case x != x:
		return x
	case x >= 1024:
		return math.Inf(1)
	case x < -1080:
		return 0
	}
	k := math.RoundToEven(x)
	t := x - k // exact
	// t·ln2 as a double-double
	h, l := twoProd(t, ln2Hi)
	l += t * ln2Lo
	h, l = fastTwoSum(h, l)
	return expmulti(h, -l, int(k))
}

// Split ln 2 for exp's reduction (fdlibm): expLn2Hi has trailing zeros.
const (
	expLn2Hi = 6.93147180369123816490e-01
	expLn2Lo = 1.90821492927058770002e-10
)

// expmulti returns e^r·2^k with r = hi - lo, |r| <= ln2/2 (fdlibm's
// exp kernel: a Remez approximation of r·(e^r+1)/(e^r-1)).
func expmulti(hi, lo float64, k int) float64 {
	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	if k > 1000 {
		return y * 0x1p1000 * math.Ldexp(1, k-1000)
	}
	return math.Ldexp(y, k)
}

// Expm1 returns eˣ-1, accurate for tiny x. Max error measured against a
// math/big reference: 0.74 ULP.
func Expm1(x float64) float64 {
	if x > 700 {
		return Exp(x) // Go's Expm1 overflows early near the threshold
	}
	return math.Expm1(x)
}

// Cbrt returns the cube root of x. Max error measured against a math/big
// reference: 0.66 ULP.
func Cbrt(x float64) float64 { return math.Cbrt(x) }

// Atan returns the arctangent of x. Max error measured against a math/big
// reference: 1.01 ULP.
func Atan(x float64) float64 { return math.Atan(x) }

// Atan2 returns the angle of the point (x, y), with C99's rules for zeros
// and infinities. Max error measured against a math/big reference: 1.49
// ULP.
func Atan2(y, x float64) float64 {
	switch {
	case x != x || y != y:
		return math.NaN()
	case y == 0:
		if x > 0 || (x == 0 && !math.Signbit(x)) {
			return y
		}
		return math.Copysign(math.Pi, y)
	case x == 0:
		return math.Copysign(math.Pi/2, y)
	case math.IsInf(x, 0):
		if math.IsInf(y, 0) {
			if x > 0 {
				return math.Copysign(math.Pi/4, y)
			}
			return math.Copysign(3*math.Pi/4, y)
		}
		if x > 0 {
			return math.Copysign(0, y)
		}
		return math.Copysign(math.Pi, y)
	case math.IsInf(y, 0):
		return math.Copysign(math.Pi/2, y)
	}
	q := math.Atan(math.Abs(y) / math.Abs(x))
	if x < 0 {
		h, l := ddAdd(piHi, piLo, -q, 0)
		q = h + l
	}
	return math.Copysign(q, y)
}

// atanDD returns atan(hi+lo) as a double-double.
func atanDD(hi, lo float64) (float64, float64) {
	a := math.Atan(hi)
	return fastTwoSum(a, lo/(1+hi*hi))
}

// oneMinusSq returns 1 - x² as a double-double (|x| <= 1).
func oneMinusSq(x float64) (float64, float64) {
	p, pl := twoProd(x, x)
	s, sl := twoSum(1, -p)
	return fastTwoSum(s, sl-pl)
}

// Asin returns the arcsine of x. Max error measured against a math/big
// reference: 1.72 ULP.
func Asin(x float64) float64 {
	a := math.Abs(x)
	switch {
	case x != x:
		return x
	case a > 1:
		return math.NaN()
	case a < 0x1p-27:
		return x
	}
	yh, yl := ddSqrt(oneMinusSq(a))
	var r float64
	if a <= 0.5 {
		rh, rl := ddDiv(a, 0, yh, yl)
		h, l := atanDD(rh, rl)
		r = h + l
	} else {
		rh, rl := ddDiv(yh, yl, a, 0)
		h, l := atanDD(rh, rl)
		h, l = ddAdd(pio2Hi, pio2Lo, -h, -l)
		r = h + l
	}
	return math.Copysign(r, x)
}

// Acos returns the arccosine of x. Max error measured against a math/big
// reference: 1.26 ULP.
func Acos(x float64) float64 {
	a := math.Abs(x)
	switch {
	case x != x:
		return x
	case a > 1:
		return math.NaN()
	}
	yh, yl := ddSqrt(oneMinusSq(a))
	var h, l float64
	if a >= 0.5 {
		rh, rl := ddDiv(yh, yl, a, 0)
		h, l = atanDD(rh, rl)
	} else {
		rh, rl := ddDiv(a, 0, yh, yl)
		h, l = atanDD(rh, rl)
		h, l = ddAdd(pio2Hi, pio2Lo, -h, -l)
	}
	if x < 0 {
		h, l = ddAdd(piHi, piLo, -h, -l)
	}
	return h + l
}

// Hypot returns sqrt(x²+y²) without undue overflow or underflow;
// hypot(±inf, nan) is +inf. Max error measured against a math/big
// reference: 0.50 ULP.
func Hypot(x, y float64) float64 {
	x, y = math.Abs(x), math.Abs(y)
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Inf(1)
	}
	if x != x || y != y {
		return math.NaN()
	}
	if x < y {
		x, y = y, x
	}
	if y == 0 {
		return x
	}
	scale := 1.0
	switch {
	case x > 0x1p500:
		x *= 0x1p-600
		y *= 0x1p-600
		scale = 0x1p600
	case y < 0x1p-500:
		if x < 0x1p-500 {
			x *= 0x1p600
			y *= 0x1p600
			scale = 0x1p-600
		} else if y < x*0x1p-60 {
			return x
		}
	}
	if y < x*0x1p-60 {
		return x * scale
	}
	x2, x2l := twoProd(x, x)
	y2, y2l := twoProd(y, y)
	s, sl := twoSum(x2, y2)
	sl += x2l + y2l
	h, l := ddSqrt(s, sl)
	return (h + l) * scale
}

// Sinh returns the hyperbolic sine of x, finite up to the overflow
// threshold. Max error measured against a math/big reference: 1.64 ULP.
func Sinh(x float64) float64 {
	a := math.Abs(x)
	h := math.Copysign(0.5, x)
	switch {
	case x != x || math.IsInf(x, 0):
		return x
	case a < 0x1p-28:
		return x
	case a < 22:
		t := math.Expm1(a)
		if a < 1 {
			return h * (2*t - t*t/(t+1))
		}
		return h * (t + t/(t+1))
	case a < 709.782712893384:
		return h * Exp(a)
	default:
		return math.Copysign(expHalf(a), x)
	}
}

// expHalf returns e^a/2 for large finite a, finite up to the overflow
// threshold of sinh and cosh (710.4758600739439).
func expHalf(a float64) float64 {
	if a > 710.4758600739439 {
		return math.Inf(1)
	}
	k := math.RoundToEven(a * math.Log2E)
	return expmulti(a-k*expLn2Hi, k*expLn2Lo, int(k)-1)
}

// Cosh returns the hyperbolic cosine of x, finite up to the overflow
// threshold. Max error measured against a math/big reference: 1.15 ULP.
func Cosh(x float64) float64 {
	a := math.Abs(x)
	switch {
	case x != x:
		return x
	case math.IsInf(x, 0):
		return math.Inf(1)
	case a < 0.5*math.Ln2:
		t := math.Expm1(a)
		w := 1 + t
		if a < 0x1p-55 {
			return w
		}
		return 1 + (t*t)/(w+w)
	case a < 22:
		t := Exp(a)
		return 0.5*t + 0.5/t
	case a < 709.782712893384:
		return 0.5 * Exp(a)
	default:
		return expHalf(a)
	}
}

// Tanh returns the hyperbolic tangent of x. Max error measured against a
// math/big reference: 2.06 ULP (at 0.2483…).
func Tanh(x float64) float64 {
	a := math.Abs(x)
	var z float64
	switch {
	case x != x:
		return x
	case a < 0x1p-55:
		return x
	case a < 1:
		t := math.Expm1(-2 * a)
		z = -t / (t + 2)
	case a < 22:
		t := math.Expm1(2 * a)
		z = 1 - 2/(t+2)
	default:
		z = 1
	}
	return math.Copysign(z, x)
}

// Asinh returns the inverse hyperbolic sine of x. Max error measured
// against a math/big reference: 1.33 ULP.
func Asinh(x float64) float64 {
	if a := math.Abs(x); a > 0x1p28 && !math.IsInf(a, 0) {
		// log(2|x|) as a double-double: log|x| + ln 2
		h, l := logDD(a)
		h, l = ddAdd(h, l, ln2Hi, ln2Lo)
		return math.Copysign(h+l, x)
	}
	return math.Asinh(x)
}

// Acosh returns the inverse hyperbolic cosine of x. Max error measured
// against a math/big reference: 1.56 ULP.
func Acosh(x float64) float64 { return math.Acosh(x) }

// Atanh returns the inverse hyperbolic tangent of x. Max error measured
// against a math/big reference: 1.40 ULP.
func Atanh(x float64) float64 { return math.Atanh(x) }

// Logaddexp returns log(eˣ + eʸ) as NumPy computes it:
// max + log1p(exp(-|x-y|)), with logaddexp(x, x) = x + log 2.
func Logaddexp(x, y float64) float64 {
	if x == y {
		return x + math.Ln2
	}
	d := x - y
	switch {
	case d > 0:
		return x + math.Log1p(Exp(-d))
	case d <= 0:
		return y + math.Log1p(Exp(d))
	}
	return d // nan
}

// Logaddexp2 returns log₂(2ˣ + 2ʸ) as NumPy computes it.
func Logaddexp2(x, y float64) float64 {
	if x == y {
		return x + 1
	}
	d := x - y
	switch {
	case d > 0:
		return x + math.Log1p(math.Exp2(-d))*math.Log2E
	case d <= 0:
		return y + math.Log1p(math.Exp2(d))*math.Log2E
	}
	return d
}
