package simd

import "math"

// The pure-Go twins of the division kernels: the fallback, and the
// oracle of the tests. The assembly computes, lane for lane, fmod64's
// fast path and divMod's steps.

// fmod64 is math.Mod (C's fmod: a - n·b for n the quotient a/b
// truncated, exact), faster where the quotient is below 2⁵²: there
// n·b - a is one fused multiply-add, exact for the right n (the result
// is representable), and a quotient a/b rounded up to an integer is
// caught by the result's sign and n moved back by one. math.Mod, which
// reduces the exponent step by step, does the rest (infinities, NaN,
// zero divisors, large quotients). The vector kernels do the fast path
// and leave the rest here.
func fmod64(a, b float64) float64 {
	q := a / b
	if !(math.Abs(q) < 1<<52) || b == 0 || math.IsInf(b, 0) {
		return math.Mod(a, b)
	}
	n := math.Trunc(q)
	r := math.FMA(-n, b, a)
	if r != 0 && math.Signbit(r) != math.Signbit(a) {
		// a/b rounded up to the integer n (it never rounds down past
		// one: below 2⁵² integers are representable and rounding is
		// monotonic), so n is one too far from zero
		n -= math.Copysign(1, q)
		r = math.FMA(-n, b, a)
	}
	if r == 0 {
		return math.Copysign(0, a)
	}
	return r
}

// fmodTwin is C's fmod at either width: exact, so float32 arguments
// give float32 results. (The float32 kernels compute it in float32,
// with quotients below 2²³, by the same argument as fmod64's.)
func fmodTwin[T float](a, b T) T { return T(fmod64(float64(a), float64(b))) }

// divMod is NumPy's npy_divmod (see DivModFloat64), computed in T.
func divMod[T float](a, b T) (T, T) {
	mod := fmodTwin(a, b)
	if b == 0 {
		return a / b, mod
	}
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div -= 1
		}
	} else {
		mod = T(math.Copysign(0, float64(b)))
	}
	var floordiv T
	if div != 0 {
		floordiv = T(math.Floor(float64(div)))
		if div-floordiv > 0.5 {
			floordiv += 1
		}
	} else {
		floordiv = T(math.Copysign(0, float64(a/b)))
	}
	return floordiv, mod
}

// modTwin is NumPy's npy_remainder.
func modTwin[T float](a, b T) T {
	_, m := divMod(a, b)
	return m
}

// floorDivTwin is NumPy's npy_floor_divide.
func floorDivTwin[T float](a, b T) T {
	d, _ := divMod(a, b)
	return d
}
