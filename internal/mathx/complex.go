package mathx

import "math"

// The complex functions follow C99 Annex G (glibc's behaviour, which
// NumPy 1.24 calls on Linux) for finite arguments, and keep the real
// and imaginary parts accurate to a few ULPs of the larger part, also
// near the unit circle, the branch points and the ends of the range.
// Special values (infinities, NaN) follow Annex G where it is simple to
// do so; NumPy leaves them to the C library.

func isInfOrNaN(x float64) bool { return math.IsInf(x, 0) || x != x }

// sumSq1 returns x² + y² - 1 as a double-double (|x|, |y| < 2⁵⁰⁰).
func sumSq1(x, y float64) (float64, float64) {
	a, al := twoProd(x, x)
	b, bl := twoProd(y, y)
	if a < b {
		a, al, b, bl = b, bl, a, al
	}
	s, sl := twoSum(a, -1)
	h, l := twoSum(s, b)
	l += sl + al + bl
	return fastTwoSum(h, l)
}

// logAbs returns log|x+iy| for finite x, y, not both zero.
func logAbs(x, y float64) float64 {
	a, b := math.Abs(x), math.Abs(y)
	if a < b {
		a, b = b, a
	}
	switch {
	case a >= 0.5 && a <= 2 && b < 2:
		h, l := sumSq1(a, b)
		return 0.5 * (math.Log1p(h) + l/(1+h))
	case a > 0x1p1000:
		return Log(Hypot(a*0.25, b*0.25)) + 2*math.Ln2
	case a < 0x1p-1000:
		return Log(Hypot(a*0x1p600, b*0x1p600)) - 600*math.Ln2
	}
	return Log(Hypot(a, b))
}

// CSqrt returns the principal square root of z (NumPy's sqrt for
// complex). Tested within 4 ULP of the larger part.
func CSqrt(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case math.IsInf(y, 0):
		return complex(math.Inf(1), y)
	case x != x:
		return complex(x, math.NaN())
	case math.IsInf(x, -1):
		if y != y {
			return complex(math.NaN(), math.Inf(1))
		}
		return complex(0, math.Copysign(math.Inf(1), y))
	case math.IsInf(x, 1):
		if y != y {
			return complex(x, y)
		}
		return complex(x, math.Copysign(0, y))
	case y != y:
		return complex(math.NaN(), math.NaN())
	case x == 0 && y == 0:
		return complex(0, y)
	}
	a, b := math.Abs(x), math.Abs(y)
	scale := 1.0
	if a > 0x1p1020 || b > 0x1p1020 {
		a, b, scale = a*0.25, b*0.25, 2
	} else if a < 0x1p-1000 && b < 0x1p-1000 {
		a, b, scale = a*0x1p108, b*0x1p108, 0x1p-54
	}
	t := math.Sqrt((a + Hypot(a, b)) * 0.5)
	u := b / (2 * t)
	if x >= 0 {
		return complex(t*scale, math.Copysign(u*scale, y))
	}
	return complex(u*scale, math.Copysign(t*scale, y))
}

// CExp returns e^z. Tested within 4 ULP of the larger part.
func CExp(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 {
		return complex(Exp(x), y)
	}
	if isInfOrNaN(x) || isInfOrNaN(y) {
		switch {
		case math.IsInf(x, 1) && isInfOrNaN(y):
			return complex(x, math.NaN())
		case math.IsInf(x, -1) && isInfOrNaN(y):
			return complex(0, 0)
		case math.IsInf(x, 0):
			e := Exp(x)
			return complex(e*Cos(y), e*Sin(y))
		}
		return complex(math.NaN(), math.NaN())
	}
	s, c := Sin(y), Cos(y)
	if x > 709 {
		e := Exp(x * 0.5)
		return complex(c*e*e, s*e*e)
	}
	e := Exp(x)
	return complex(e*c, e*s)
}

// CLog returns the principal natural logarithm of z. Tested within
// 4 ULP of the larger part.
func CLog(z complex128) complex128 {
	x, y := real(z), imag(z)
	im := Atan2(y, x)
	switch {
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return complex(math.Inf(1), im)
	case x != x || y != y:
		return complex(math.NaN(), math.NaN())
	case x == 0 && y == 0:
		return complex(math.Inf(-1), im)
	}
	return complex(logAbs(x, y), im)
}

// CLog2 returns the base-2 logarithm of z. Tested within 4 ULP of the larger part.
func CLog2(z complex128) complex128 {
	w := CLog(z)
	return complex(real(w)*math.Log2E, imag(w)*math.Log2E)
}

// CLog10 returns the base-10 logarithm of z. Tested within 4 ULP of the larger part.
func CLog10(z complex128) complex128 {
	w := CLog(z)
	return complex(real(w)*math.Log10E, imag(w)*math.Log10E)
}

// CExp2 returns 2^z. Tested within 4 ULP of the larger part.
func CExp2(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 {
		return complex(Exp2(x), y)
	}
	if isInfOrNaN(x) || isInfOrNaN(y) {
		return CExp(complex(x*math.Ln2, y*math.Ln2))
	}
	// 2^(x+iy) = 2^x · (cos(y ln2) + i sin(y ln2)), with y·ln2 reduced
	// from a double-double.
	h, l := twoProd(y, ln2Hi)
	l += y * ln2Lo
	h, l = fastTwoSum(h, l)
	var s, c float64
	if math.Abs(h) < mediumMax {
		n, rh, rl := reducePio2(h)
		rh, rl = ddAdd(rh, rl, l, 0)
		s, c = sinK(rh, rl), cosK(rh, rl)
		switch n {
		case 1:
			s, c = c, -s
		case 2:
			s, c = -s, -c
		case 3:
			s, c = -c, s
		}
	} else {
		s, c = Sin(h), Cos(h)
	}
	if x > 1000 {
		e := Exp2(x * 0.5)
		return complex(c*e*e, s*e*e)
	}
	e := Exp2(x)
	return complex(e*c, e*s)
}

// CExpm1 returns e^z - 1, accurate for small z. Tested within 4 ULP of the larger
// part.
func CExpm1(z complex128) complex128 {
	x, y := real(z), imag(z)
	if isInfOrNaN(x) || isInfOrNaN(y) {
		w := CExp(z)
		return complex(real(w)-1, imag(w))
	}
	if x > 709 {
		w := CExp(z)
		return complex(real(w)-1, imag(w))
	}
	s := Sin(0.5 * y)
	re := Expm1(x)*Cos(y) - 2*s*s
	return complex(re, Exp(x)*Sin(y))
}

// CLog1p returns log(1+z), accurate for small z. Tested within 4 ULP of the larger
// part.
func CLog1p(z complex128) complex128 {
	x, y := real(z), imag(z)
	if isInfOrNaN(x) || isInfOrNaN(y) {
		return CLog(complex(x+1, y))
	}
	im := Atan2(y, x+1)
	a, b := math.Abs(x), math.Abs(y)
	if a > 0x1p500 || b > 0x1p500 {
		return complex(logAbs(x+1, y), im)
	}
	if x == -1 && y == 0 {
		return complex(math.Inf(-1), im)
	}
	// |1+z|² - 1 = 2x + x² + y² as a double-double
	p, pl := twoProd(x, x)
	q, ql := twoProd(y, y)
	h, l := twoSum(2*x, p)
	h, l = ddAdd(h, l, q, ql+pl)
	if h <= -1 {
		return complex(logAbs(x+1, y), im)
	}
	return complex(0.5*(math.Log1p(h)+l/(1+h)), im)
}

// CSinh returns the hyperbolic sine of z. Tested within 4 ULP of the larger part.
func CSinh(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 {
		return complex(Sinh(x), y)
	}
	if x == 0 {
		return complex(x, Sin(y))
	}
	if isInfOrNaN(x) || isInfOrNaN(y) {
		if math.IsInf(x, 0) && !isInfOrNaN(y) {
			return complex(x*Cos(y), math.Inf(1)*Sin(y))
		}
		if math.IsInf(x, 0) {
			return complex(x, math.NaN())
		}
		return complex(math.NaN(), math.NaN())
	}
	s, c := Sin(y), Cos(y)
	if math.Abs(x) > 709 {
		e := Exp(math.Abs(x) * 0.5)
		h := 0.5 * e
		return complex(math.Copysign(1, x)*c*h*e, s*h*e)
	}
	return complex(Sinh(x)*c, Cosh(x)*s)
}

// CCosh returns the hyperbolic cosine of z. Tested within 4 ULP of the larger part.
func CCosh(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 {
		return complex(Cosh(x), math.Copysign(0, x)*y)
	}
	if x == 0 {
		if isInfOrNaN(y) {
			return complex(math.NaN(), x*0)
		}
		return complex(Cos(y), x*Sin(y))
	}
	if isInfOrNaN(x) || isInfOrNaN(y) {
		if math.IsInf(x, 0) && !isInfOrNaN(y) {
			return complex(math.Inf(1)*Cos(y), x*Sin(y))
		}
		if math.IsInf(x, 0) {
			return complex(math.Inf(1), math.NaN())
		}
		return complex(math.NaN(), math.NaN())
	}
	s, c := Sin(y), Cos(y)
	if math.Abs(x) > 709 {
		e := Exp(math.Abs(x) * 0.5)
		h := 0.5 * e
		return complex(c*h*e, math.Copysign(1, x)*s*h*e)
	}
	return complex(Cosh(x)*c, Sinh(x)*s)
}

// CTanh returns the hyperbolic tangent of z (Kahan's formula).
// Tested within 4 ULP of the larger part.
func CTanh(z complex128) complex128 {
	x, y := real(z), imag(z)
	if math.IsInf(x, 0) {
		if isInfOrNaN(y) {
			return complex(math.Copysign(1, x), math.Copysign(0, y))
		}
		return complex(math.Copysign(1, x), math.Copysign(0, Sin(y)*Cos(y)))
	}
	if x != x {
		if y == 0 {
			return complex(x, y)
		}
		return complex(x, math.NaN())
	}
	if isInfOrNaN(y) {
		if x == 0 {
			return complex(x, math.NaN())
		}
		return complex(math.NaN(), math.NaN())
	}
	if y == 0 {
		return complex(Tanh(x), y)
	}
	if math.Abs(x) >= 22 {
		e := Exp(-math.Abs(x))
		return complex(math.Copysign(1, x), 4*Sin(y)*Cos(y)*e*e)
	}
	t := Tan(y)
	beta := 1 + t*t
	s := Sinh(x)
	rho := math.Sqrt(1 + s*s)
	den := 1 + beta*s*s
	return complex(beta*rho*s/den, t/den)
}

// CSin returns the sine of z. Tested within 4 ULP of the larger part.
func CSin(z complex128) complex128 {
	w := CSinh(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

// CCos returns the cosine of z. Tested within 4 ULP of the larger part.
func CCos(z complex128) complex128 {
	return CCosh(complex(-imag(z), real(z)))
}

// CTan returns the tangent of z. Tested within 4 ULP of the larger part.
func CTan(z complex128) complex128 {
	w := CTanh(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

// asinAcos computes casin and cacos of x+iy for finite x, y >= 0
// (Hull, Fairgrieve and Tang's algorithm). It returns the real part of
// asin, the real part of acos and the common |imaginary part|.
func asinAcos(x, y float64) (asinRe, acosRe, im float64) {
	if x > 0x1p500 || y > 0x1p500 {
		im = Log(Hypot(x*0.5, y*0.5)) + 2*math.Ln2
		return Atan2(x, y), Atan2(y, x), im
	}
	if y < 0x1p-500 && x != 1 {
		if x < 1 {
			im = y / math.Sqrt((1-x)*(1+x))
			return Asin(x), Acos(x), im
		}
		return pio2Hi, y / math.Sqrt((x-1)*(x+1)), Acosh(x)
	}
	r := Hypot(x+1, y)
	s := Hypot(x-1, y)
	a := 0.5 * (r + s)
	b := x / a
	y2 := y * y
	switch {
	case b <= 0.6417:
		asinRe, acosRe = Asin(b), Acos(b)
	case x <= 1:
		d := math.Sqrt(0.5 * (a + x) * (y2/(r+(x+1)) + (s + (1 - x))))
		asinRe, acosRe = Atan(x/d), Atan(d/x)
	default:
		d := y * math.Sqrt(0.5*((a+x)/(r+(x+1))+(a+x)/(s+(x-1))))
		asinRe, acosRe = Atan(x/d), Atan(d/x)
	}
	if a <= 1.5 {
		var am1 float64
		if x < 1 {
			am1 = 0.5 * (y2/(r+(x+1)) + y2/(s+(1-x)))
		} else {
			am1 = 0.5 * (y2/(r+(x+1)) + (s + (x - 1)))
		}
		im = math.Log1p(am1 + math.Sqrt(am1*(a+1)))
	} else {
		im = Log(a + math.Sqrt((a-1)*(a+1)))
	}
	return asinRe, acosRe, im
}

// CAsin returns the principal arcsine of z. Tested within 4 ULP of the larger part.
func CAsin(z complex128) complex128 {
	x, y := real(z), imag(z)
	if isInfOrNaN(x) || isInfOrNaN(y) {
		switch {
		case x != x && math.IsInf(y, 0):
			return complex(x, y)
		case x != x || y != y:
			if math.IsInf(x, 0) {
				return complex(math.NaN(), math.Inf(1))
			}
			if x == 0 {
				return complex(x, math.NaN())
			}
			return complex(math.NaN(), math.NaN())
		}
		return complex(math.Copysign(Atan2(math.Abs(x), math.Abs(y)), x), math.Copysign(math.Inf(1), y))
	}
	re, _, im := asinAcos(math.Abs(x), math.Abs(y))
	return complex(math.Copysign(re, x), math.Copysign(im, y))
}

// CAcos returns the principal arccosine of z. Tested within 4 ULP of the larger part.
func CAcos(z complex128) complex128 {
	x, y := real(z), imag(z)
	if isInfOrNaN(x) || isInfOrNaN(y) {
		switch {
		case x != x && math.IsInf(y, 0):
			return complex(x, -y)
		case x != x || y != y:
			if math.IsInf(x, 0) {
				return complex(math.NaN(), math.Inf(1))
			}
			if y != y && x == 0 {
				return complex(pio2Hi, y)
			}
			return complex(math.NaN(), math.NaN())
		}
		re := Atan2(math.Abs(y), x)
		return complex(re, math.Copysign(math.Inf(1), -y))
	}
	_, re, im := asinAcos(math.Abs(x), math.Abs(y))
	if x < 0 {
		h, l := ddAdd(piHi, piLo, -re, 0)
		re = h + l
	}
	return complex(re, math.Copysign(im, -y))
}

// CAsinh returns the principal inverse hyperbolic sine of z. Tested within
// 4 ULP of the larger part.
func CAsinh(z complex128) complex128 {
	w := CAsin(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

// CAcosh returns the principal inverse hyperbolic cosine of z.
// Tested within 4 ULP of the larger part.
func CAcosh(z complex128) complex128 {
	w := CAcos(z)
	if math.Signbit(imag(z)) {
		return complex(imag(w), -real(w))
	}
	return complex(-imag(w), real(w))
}

// CAtanh returns the principal inverse hyperbolic tangent of z.
// Tested within 4 ULP of the larger part.
func CAtanh(z complex128) complex128 {
	x, y := real(z), imag(z)
	ax, ay := math.Abs(x), math.Abs(y)
	if isInfOrNaN(x) || isInfOrNaN(y) {
		switch {
		case math.IsInf(x, 0) || math.IsInf(y, 0):
			return complex(math.Copysign(0, x), math.Copysign(pio2Hi, y))
		case x == 0:
			return complex(x, math.NaN())
		}
		return complex(math.NaN(), math.NaN())
	}
	var re, im float64
	switch {
	case ax > 0x1p500 || ay > 0x1p500:
		h := Hypot(ax, ay)
		re = ax / h / h
		im = pio2Hi
	case ax == 1 && ay < 0x1p-500:
		if ay == 0 {
			return complex(math.Copysign(math.Inf(1), x), y)
		}
		re = 0.5 * (math.Ln2 - Log(ay))
		im = 0.5 * Atan2(2*ay, -ay*ay)
	default:
		d := (1-ax)*(1-ax) + ay*ay
		re = 0.25 * math.Log1p(4*ax/d)
		h, _ := sumSq1(ax, ay)
		im = 0.5 * Atan2(2*ay, -h)
	}
	return complex(math.Copysign(re, x), math.Copysign(im, y))
}

// CAtan returns the principal arctangent of z. Tested within 4 ULP of the larger part.
func CAtan(z complex128) complex128 {
	w := CAtanh(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}
