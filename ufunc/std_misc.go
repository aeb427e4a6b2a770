package ufunc

import (
	"math"

	"github.com/x448/float16"
)

// The floating-point classification, rounding and bit-level ufuncs.
var (
	// IsNan tests for NaN (NumPy's isnan).
	IsNan = define(Spec{Name: "isnan", NIn: 1, NOut: 1, Doc: "Test element-wise for NaN."})
	// IsInf tests for positive or negative infinity (NumPy's isinf).
	IsInf = define(Spec{Name: "isinf", NIn: 1, NOut: 1, Doc: "Test element-wise for positive or negative infinity."})
	// IsFinite tests for values that are neither infinite nor NaN (NumPy's
	// isfinite).
	IsFinite = define(Spec{Name: "isfinite", NIn: 1, NOut: 1, Doc: "Test element-wise for finiteness."})
	// Signbit tests the sign bit (NumPy's signbit).
	Signbit = define(Spec{Name: "signbit", NIn: 1, NOut: 1, Doc: "Returns element-wise True where signbit is set."})
	// Copysign gives x1 the sign of x2 (NumPy's copysign).
	Copysign = define(Spec{Name: "copysign", NIn: 2, NOut: 1, Doc: "Change the sign of x1 to that of x2, element-wise."})
	// Nextafter is the next representable value after x1 towards x2
	// (NumPy's nextafter).
	Nextafter = define(Spec{Name: "nextafter", NIn: 2, NOut: 1, Doc: "Return the next floating-point value after x1 towards x2, element-wise."})
	// Spacing is the distance to the next representable value away from
	// zero (NumPy's spacing).
	Spacing = define(Spec{Name: "spacing", NIn: 1, NOut: 1, Doc: "Return the distance between x and the nearest adjacent number."})
	// Floor rounds towards -Inf (NumPy's floor).
	Floor = define(Spec{Name: "floor", NIn: 1, NOut: 1, Doc: "Return the floor of the input, element-wise."})
	// Ceil rounds towards +Inf (NumPy's ceil).
	Ceil = define(Spec{Name: "ceil", NIn: 1, NOut: 1, Doc: "Return the ceiling of the input, element-wise."})
	// Trunc rounds towards zero (NumPy's trunc).
	Trunc = define(Spec{Name: "trunc", NIn: 1, NOut: 1, Doc: "Return the truncated value of the input, element-wise."})
	// Rint rounds to the nearest integer, ties to even (NumPy's rint).
	Rint = define(Spec{Name: "rint", NIn: 1, NOut: 1, Doc: "Round elements of the array to the nearest integer."})
	// Heaviside is the Heaviside step function, x2 at zero (NumPy's
	// heaviside).
	Heaviside = define(Spec{Name: "heaviside", NIn: 2, NOut: 1, Doc: "Compute the Heaviside step function."})
	// Deg2rad converts degrees to radians (NumPy's deg2rad).
	Deg2rad = define(Spec{Name: "deg2rad", NIn: 1, NOut: 1, Doc: "Convert angles from degrees to radians."})
	// Rad2deg converts radians to degrees (NumPy's rad2deg).
	Rad2deg = define(Spec{Name: "rad2deg", NIn: 1, NOut: 1, Doc: "Convert angles from radians to degrees."})
	// Ldexp is x1 * 2**x2 (NumPy's ldexp).
	Ldexp = define(Spec{Name: "ldexp", NIn: 2, NOut: 1, Doc: "Returns x1 * 2**x2, element-wise."})
	// Frexp splits x into a mantissa in [0.5, 1) and an int32 exponent
	// (NumPy's frexp).
	Frexp = define(Spec{Name: "frexp", NIn: 1, NOut: 2, Doc: "Decompose the elements of x into mantissa and twos exponent."})
	// Modf splits x into its fractional and integral parts, both with the
	// sign of x (NumPy's modf).
	Modf = define(Spec{Name: "modf", NIn: 1, NOut: 2, Doc: "Return the fractional and integral parts of an array, element-wise."})
)

// conversion factors computed at run time in the element type, as C
// computes NPY_PIf/180.0f and NPY_PI/180.0
var (
	pi32, pi64                           = float32(math.Pi), float64(math.Pi)
	deg2rad32, rad2deg32                 = pi32 / 180, 180 / pi32
	deg2rad64, rad2deg64                 = pi64 / 180, 180 / pi64
	minSub32, minSub64                   = math.Float32frombits(1), math.Float64frombits(1)
	halfNaN                              = float16.Float16(0x7e00)
	halfPosInf           float16.Float16 = 0x7c00
)

// nextafterC is C's nextafter: y when x == y (so the sign of a zero y).
func nextafterC(x, y float64) float64 {
	if x == y {
		return y
	}
	return math.Nextafter(x, y)
}

func nextafterC32(x, y float32) float32 {
	if x == y {
		return y
	}
	return math.Nextafter32(x, y)
}

// halfNextafter is NumPy's npy_half_nextafter (x itself when x == y).
func halfNextafter(x, y float16.Float16) float16.Float16 {
	switch {
	case x.IsNaN() || y.IsNaN():
		return halfNaN
	case x.Float32() == y.Float32():
		return x
	case x&0x7fff == 0:
		return y&0x8000 + 1
	case x&0x8000 == 0:
		if int16(x) > int16(y) {
			return x - 1
		}
		return x + 1
	}
	if y&0x8000 == 0 || x&0x7fff > y&0x7fff {
		return x - 1
	}
	return x + 1
}

// spacing64 is NumPy's npy_spacing: the step away from zero (the
// smallest subnormal at either zero), NaN for Inf and NaN.
func spacing64(x float64) float64 {
	switch {
	case math.IsInf(x, 0) || x != x:
		return math.NaN()
	case x == 0:
		return minSub64
	}
	return math.Nextafter(x, math.Copysign(math.Inf(1), x)) - x
}

func spacing32(x float32) float32 {
	switch {
	case math.IsInf(float64(x), 0) || x != x:
		return float32(math.NaN())
	case x == 0:
		return minSub32
	}
	return math.Nextafter32(x, float32(math.Copysign(math.Inf(1), float64(x)))) - x
}

// halfSpacing is NumPy's npy_half_spacing (always positive).
func halfSpacing(h float16.Float16) float16.Float16 {
	exp, sig := h&0x7c00, h&0x03ff
	switch {
	case exp == 0x7c00:
		return halfNaN
	case h == 0x7bff:
		return halfPosInf
	case h&0x8000 != 0 && sig == 0:
		switch {
		case exp > 0x2c00:
			return exp - 0x2c00
		case exp > 0x0400:
			return 1 << ((exp >> 10) - 2)
		}
		return 1
	case exp > 0x2800:
		return exp - 0x2800
	case exp > 0x0400:
		return 1 << ((exp >> 10) - 1)
	}
	return 1
}

// heaviside is NumPy's npy_heaviside.
func heaviside[F floating](x, h0 F) F {
	switch {
	case x != x:
		return F(math.NaN())
	case x == 0:
		return h0
	case x < 0:
		return 0
	}
	return 1
}

// modfC is C's modf: (fractional, integral), the fraction with the sign
// of x, ±0 for infinities.
func modfC(x float64) (float64, float64) {
	switch {
	case math.IsInf(x, 0):
		return math.Copysign(0, x), x
	case x != x:
		return x, x
	}
	i := math.Trunc(x)
	return math.Copysign(x-i, x), i
}

// ldexpC is C's ldexp with a 64-bit exponent (clamped: the result is
// already 0 or Inf long before the clamp).
func ldexpC(x float64, e int64) float64 {
	e = max(min(e, 1<<20), -(1 << 20))
	return math.Ldexp(x, int(e))
}

func frexpC(x float64) (float64, int32) {
	if math.IsInf(x, 0) || x != x {
		return x, 0
	}
	f, e := math.Frexp(x)
	return f, int32(e)
}

// f32 and f64 lift a float64 function to float32 (exact here: the
// functions are exact or correctly rounded at either width).
func f32(f func(float64) float64) func(float32) float32 {
	return func(x float32) float32 { return float32(f(float64(x))) }
}

func f16(f func(float64) float64) Loop {
	return halfUnary(f32(f))
}

// roundingLoop registers the e/f/d loops of a rounding function.
func roundingLoop(c byte, f func(float64) float64, r32 func(out, x []float32), r64 func(out, x []float64)) Loop {
	switch c {
	case 'e':
		return f16(f)
	case 'f':
		return withRun1(Unary(f32(f)), r32)
	case 'd':
		return withRun1(Unary(f), r64)
	}
	return nil
}

func init() {
	const classTypes = "?->? b->? B->? h->? H->? i->? I->? l->? L->? q->? Q->? e->? f->? d->? g->? F->? D->? G->? m->? M->?"
	constLoop := func(c byte, v bool) Loop {
		switch charTypes[c].Size() {
		case 1:
			return Unary(func(uint8) bool { return v })
		case 2:
			return Unary(func(uint16) bool { return v })
		case 4:
			return Unary(func(uint32) bool { return v })
		}
		return Unary(func(uint64) bool { return v })
	}
	registerTypes(IsNan, classTypes, func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return Unary(float16.Float16.IsNaN)
		case 'f':
			return Unary(isNaN[float32])
		case 'd':
			return Unary(isNaN[float64])
		case 'F':
			return Unary(func(a complex64) bool { return isNaN(real(a)) || isNaN(imag(a)) })
		case 'D':
			return Unary(func(a complex128) bool { return isNaN(real(a)) || isNaN(imag(a)) })
		}
		return constLoop(sig[0], false)
	})
	registerTypes(IsInf, classTypes, func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return Unary(func(a float16.Float16) bool { return a&0x7fff == 0x7c00 })
		case 'f':
			return Unary(isInf[float32])
		case 'd':
			return Unary(isInf[float64])
		case 'F':
			return Unary(func(a complex64) bool { return isInf(real(a)) || isInf(imag(a)) })
		case 'D':
			return Unary(func(a complex128) bool { return isInf(real(a)) || isInf(imag(a)) })
		}
		return constLoop(sig[0], false)
	})
	finite := func(x float64) bool { return !math.IsInf(x, 0) && x == x }
	registerTypes(IsFinite, classTypes, func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return Unary(func(a float16.Float16) bool { return a&0x7c00 != 0x7c00 })
		case 'f':
			return Unary(func(a float32) bool { return finite(float64(a)) })
		case 'd':
			return Unary(finite)
		case 'F':
			return Unary(func(a complex64) bool { return finite(float64(real(a))) && finite(float64(imag(a))) })
		case 'D':
			return Unary(func(a complex128) bool { return finite(real(a)) && finite(imag(a)) })
		}
		return constLoop(sig[0], true)
	})
	registerTypes(Signbit, "e->? f->? d->? g->?", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return Unary(func(a float16.Float16) bool { return a&0x8000 != 0 })
		case 'f':
			return Unary(func(a float32) bool { return math.Float32bits(a)>>31 != 0 })
		}
		return Unary(math.Signbit)
	})
	registerTypes(Copysign, "ee->e ff->f dd->d gg->g", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return Binary(func(a, b float16.Float16) float16.Float16 { return a&0x7fff | b&0x8000 })
		case 'f':
			return withRun(Binary(func(a, b float32) float32 {
				return math.Float32frombits(math.Float32bits(a)&^(1<<31) | math.Float32bits(b)&(1<<31))
			}), copysign32Run)
		}
		return withRun(Binary(math.Copysign), copysign64Run)
	})
	registerTypes(Nextafter, "ee->e ff->f dd->d gg->g", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return Binary(halfNextafter)
		case 'f':
			return Binary(nextafterC32)
		}
		return Binary(nextafterC)
	})
	registerTypes(Spacing, "e->e f->f d->d g->g", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return Unary(halfSpacing)
		case 'f':
			return Unary(spacing32)
		}
		return Unary(spacing64)
	})
	const roundTypes = "e->e f->f d->d f->f d->d g->g O->O"
	registerTypes(Floor, roundTypes, func(sig string) Loop {
		return roundingLoop(sig[0], math.Floor, floorRun[float32], floorRun[float64])
	})
	registerTypes(Ceil, roundTypes, func(sig string) Loop {
		return roundingLoop(sig[0], math.Ceil, ceilRun[float32], ceilRun[float64])
	})
	registerTypes(Trunc, roundTypes, func(sig string) Loop {
		return roundingLoop(sig[0], math.Trunc, truncRun[float32], truncRun[float64])
	})
	registerTypes(Rint, "e->e f->f d->d f->f d->d g->g F->F D->D G->G O->O", func(sig string) Loop {
		switch sig[0] {
		case 'F':
			return Unary(func(a complex64) complex64 {
				return complex(float32(math.RoundToEven(float64(real(a)))), float32(math.RoundToEven(float64(imag(a)))))
			})
		case 'D':
			return Unary(func(a complex128) complex128 {
				return complex(math.RoundToEven(real(a)), math.RoundToEven(imag(a)))
			})
		}
		return roundingLoop(sig[0], math.RoundToEven, rintRun[float32], rintRun[float64])
	})
	registerTypes(Heaviside, "ee->e ff->f dd->d gg->g", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return halfBinary(heaviside[float32])
		case 'f':
			return Binary(heaviside[float32])
		}
		return Binary(heaviside[float64])
	})
	registerTypes(Deg2rad, "e->e f->f d->d g->g O->O", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return halfUnary(func(a float32) float32 { return a * deg2rad32 })
		case 'f':
			return Unary(func(a float32) float32 { return a * deg2rad32 })
		}
		return Unary(func(a float64) float64 { return a * deg2rad64 })
	})
	registerTypes(Rad2deg, "e->e f->f d->d g->g O->O", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return halfUnary(func(a float32) float32 { return a * rad2deg32 })
		case 'f':
			return Unary(func(a float32) float32 { return a * rad2deg32 })
		}
		return Unary(func(a float64) float64 { return a * rad2deg64 })
	})
	registerTypes(Ldexp, "ei->e fi->f el->e fl->f di->d dl->d gi->g gl->g", func(sig string) Loop {
		switch sig {
		case "eie":
			return Binary(func(a float16.Float16, e int32) float16.Float16 {
				return half(float32(ldexpC(float64(a.Float32()), int64(e))))
			})
		case "ele":
			return Binary(func(a float16.Float16, e int64) float16.Float16 {
				return half(float32(ldexpC(float64(a.Float32()), e)))
			})
		case "fif":
			return Binary(func(a float32, e int32) float32 { return float32(ldexpC(float64(a), int64(e))) })
		case "flf":
			return Binary(func(a float32, e int64) float32 { return float32(ldexpC(float64(a), e)) })
		case "did":
			return Binary(func(a float64, e int32) float64 { return ldexpC(a, int64(e)) })
		case "dld":
			return Binary(ldexpC)
		}
		return nil
	})
	registerTypes(Frexp, "e->ei f->fi d->di g->gi", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return UnaryTwo(func(a float16.Float16) (float16.Float16, int32) {
				f, e := frexpC(float64(a.Float32()))
				return half(float32(f)), e
			})
		case 'f':
			return UnaryTwo(func(a float32) (float32, int32) {
				f, e := frexpC(float64(a))
				return float32(f), e
			})
		}
		return UnaryTwo(frexpC)
	})
	registerTypes(Modf, "e->ee f->ff d->dd g->gg", func(sig string) Loop {
		switch sig[0] {
		case 'e':
			return UnaryTwo(func(a float16.Float16) (float16.Float16, float16.Float16) {
				f, i := modfC(float64(a.Float32()))
				return half(float32(f)), half(float32(i))
			})
		case 'f':
			return UnaryTwo(func(a float32) (float32, float32) {
				f, i := modfC(float64(a))
				return float32(f), float32(i)
			})
		}
		return UnaryTwo(modfC)
	})
}
