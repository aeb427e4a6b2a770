package ufunc

import (
	"math"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/mathx"
	"github.com/pluribus-go/pluribus/simd"
	"github.com/x448/float16"
)

// The floating-point math ufuncs. Loops exist for float16, float32 and
// float64 (and complex64/complex128 where NumPy has them), registered in
// the order of NumPy's ufunc.types, so integer and bool inputs resolve
// by safe casting as in NumPy: sqrt(int8) is float16, sqrt(int16)
// float32, sqrt(int32) float64. float64 results come from the functions
// of internal/mathx (about one ULP; each states its measured error);
// float32 and float16 ones are computed in float64 and rounded once.
// sqrt, exp, exp2, expm1, log, log2, log10, log1p, tanh, cosh, sinh, sin,
// cos, arctan and arctan2 have fast loops for contiguous float32 and
// float64 runs (std_math_fast.go), each within the bound its doc states.

// Sqrt computes the non-negative square root element-wise (NumPy's sqrt);
// exact (correctly rounded) for real types.
var Sqrt = mathUnary("sqrt", "the non-negative square root, element-wise", math.Sqrt, mathx.CSqrt)

// Cbrt computes the cube root element-wise (NumPy's cbrt).
// Max error of the float64 loop: 0.66 ULP.
var Cbrt = mathUnary("cbrt", "the cube root, element-wise", mathx.Cbrt, nil)

// Exp computes e to the power x element-wise (NumPy's exp).
// The float64 and float32 loops are the vector kernels simd.ExpFloat64
// and simd.ExpFloat32 whatever the layout (strided runs are gathered);
// max error 0.88 and 0.89 ULP.
var Exp = mathUnary("exp", "the exponential e**x, element-wise", mathx.Exp, mathx.CExp)

// Exp2 computes 2 to the power x element-wise (NumPy's exp2). The
// float64 and float32 loops are the vector kernel simd.Exp2Float64
// whatever the layout (float32 rounded once from it); integral powers
// are exact.
// Max error of the float64 loop: 0.87 ULP.
var Exp2 = mathUnary("exp2", "2**x, element-wise", mathx.Exp2, mathx.CExp2)

// Expm1 computes exp(x) - 1 element-wise, accurately for small x
// (NumPy's expm1). The float64 loop is the vector kernel
// simd.Expm1Float64 whatever the layout (max error 1.28 ULP); float32 is
// computed with it and rounded once.
var Expm1 = mathUnary("expm1", "exp(x) - 1, element-wise", mathx.Expm1, mathx.CExpm1)

// Log computes the natural logarithm element-wise (NumPy's log).
// The float64 and float32 loops are the vector kernels simd.LogFloat64
// and simd.LogFloat32 whatever the layout; max error 0.68 and 0.59 ULP.
var Log = mathUnary("log", "the natural logarithm, element-wise", mathx.Log, mathx.CLog)

// Log2 computes the base-2 logarithm element-wise (NumPy's log2).
// The float64 loop is the vector kernel simd.Log2Float64 whatever the
// layout (max error 0.66 ULP, exact for powers of two); float32 is
// computed with it and rounded once.
var Log2 = mathUnary("log2", "the base-2 logarithm, element-wise", mathx.Log2, mathx.CLog2)

// Log10 computes the base-10 logarithm element-wise (NumPy's log10).
// The float64 loop is the vector kernel simd.Log10Float64 whatever the
// layout (max error 0.67 ULP, exact for powers of ten); float32 is
// computed with it and rounded once.
var Log10 = mathUnary("log10", "the base-10 logarithm, element-wise", mathx.Log10, mathx.CLog10)

// Log1p computes log(1 + x) element-wise, accurately for small x
// (NumPy's log1p). The float64 and float32 loops are the vector kernel
// simd.Log1pFloat64 whatever the layout (float32 rounded once from it).
// Max error of the float64 loop: 0.67 ULP.
var Log1p = mathUnary("log1p", "log(1 + x), element-wise", mathx.Log1p, mathx.CLog1p)

// Logaddexp computes log(exp(x1) + exp(x2)) element-wise (NumPy's logaddexp).
var Logaddexp = mathBinary("logaddexp", "log(exp(x1) + exp(x2)), element-wise", mathx.Logaddexp, nil)

// Logaddexp2 computes log2(2**x1 + 2**x2) element-wise (NumPy's logaddexp2).
var Logaddexp2 = mathBinary("logaddexp2", "log2(2**x1 + 2**x2), element-wise", mathx.Logaddexp2, nil)

// Sin computes the sine element-wise, in radians (NumPy's sin).
// The float64 and float32 loops are the vector kernels simd.SinFloat64
// and simd.SinFloat32 (in float32 arithmetic) whatever the layout; max
// error 1.5 and 1.55 ULP.
var Sin = mathUnary("sin", "the sine, element-wise", mathx.Sin, mathx.CSin)

// Cos computes the cosine element-wise, in radians (NumPy's cos).
// The float64 and float32 loops are the vector kernels simd.CosFloat64
// and simd.CosFloat32 (in float32 arithmetic) whatever the layout; max
// error 1.5 and 1.59 ULP.
var Cos = mathUnary("cos", "the cosine, element-wise", mathx.Cos, mathx.CCos)

// Tan computes the tangent element-wise, in radians (NumPy's tan).
// Max error of the float64 loop: 1.45 ULP.
var Tan = mathUnary("tan", "the tangent, element-wise", mathx.Tan, mathx.CTan)

// Arcsin computes the inverse sine element-wise (NumPy's arcsin).
// Max error of the float64 loop: 1.72 ULP.
var Arcsin = mathUnary("arcsin", "the inverse sine, element-wise", mathx.Asin, mathx.CAsin)

// Arccos computes the inverse cosine element-wise (NumPy's arccos).
// Max error of the float64 loop: 1.26 ULP.
var Arccos = mathUnary("arccos", "the inverse cosine, element-wise", mathx.Acos, mathx.CAcos)

// Arctan computes the inverse tangent element-wise (NumPy's arctan).
// The float64 and float32 loops are the vector kernels simd.AtanFloat64
// and simd.AtanFloat32 (in float32 arithmetic) whatever the layout; max
// error 1.18 and 1.22 ULP.
var Arctan = mathUnary("arctan", "the inverse tangent, element-wise", mathx.Atan, mathx.CAtan)

// Arctan2 computes the angle of the point (x2, x1), arctan(x1/x2) in
// the right quadrant, element-wise (NumPy's arctan2).
// The float64 and float32 loops are the vector kernels simd.Atan2Float64
// and simd.Atan2Float32 (in float32 arithmetic) whatever the layout
// (strided and repeated operands are gathered); max error 1.53 and 1.60
// ULP.
var Arctan2 = mathBinary("arctan2", "arctan(x1/x2) choosing the quadrant, element-wise", mathx.Atan2, nil)

// Hypot computes sqrt(x1**2 + x2**2) element-wise without undue
// overflow (NumPy's hypot). The float64 and float32 loops use the vector
// kernel simd.HypotFloat64 for contiguous runs, with the same bits as
// element by element.
// Max error of the float64 loop: 0.50 ULP.
var Hypot = mathBinary("hypot", "the hypotenuse sqrt(x1**2 + x2**2), element-wise", mathx.Hypot, simd.HypotFloat64)

// Sinh computes the hyperbolic sine element-wise (NumPy's sinh). The
// float64 and float32 loops are the vector kernel simd.SinhFloat64
// whatever the layout (float32 rounded once from it).
// Max error of the float64 loop: 1.67 ULP.
var Sinh = mathUnary("sinh", "the hyperbolic sine, element-wise", mathx.Sinh, mathx.CSinh)

// Cosh computes the hyperbolic cosine element-wise (NumPy's cosh). The
// float64 and float32 loops are the vector kernel simd.CoshFloat64
// whatever the layout (float32 rounded once from it).
// Max error of the float64 loop: 1.17 ULP.
var Cosh = mathUnary("cosh", "the hyperbolic cosine, element-wise", mathx.Cosh, mathx.CCosh)

// Tanh computes the hyperbolic tangent element-wise (NumPy's tanh).
// The float64 and float32 loops are the vector kernels simd.TanhFloat64
// and simd.TanhFloat32 whatever the layout; max error 2.34 and 2.6 ULP.
var Tanh = mathUnary("tanh", "the hyperbolic tangent, element-wise", mathx.Tanh, mathx.CTanh)

// Arcsinh computes the inverse hyperbolic sine element-wise (NumPy's arcsinh).
// Max error of the float64 loop: 1.33 ULP.
var Arcsinh = mathUnary("arcsinh", "the inverse hyperbolic sine, element-wise", mathx.Asinh, mathx.CAsinh)

// Arccosh computes the inverse hyperbolic cosine element-wise (NumPy's arccosh).
// Max error of the float64 loop: 1.56 ULP.
var Arccosh = mathUnary("arccosh", "the inverse hyperbolic cosine, element-wise", mathx.Acosh, mathx.CAcosh)

// Arctanh computes the inverse hyperbolic tangent element-wise (NumPy's arctanh).
// Max error of the float64 loop: 1.40 ULP.
var Arctanh = mathUnary("arctanh", "the inverse hyperbolic tangent, element-wise", mathx.Atanh, mathx.CAtanh)

// mathUnary defines a one-input math ufunc with loops e->e, f->f, d->d
// and, when c is not nil, F->F and D->D.
func mathUnary(name, doc string, f func(float64) float64, c func(complex128) complex128) *Ufunc {
	u := define(Spec{Name: name, NIn: 1, NOut: 1, Identity: NoIdentity, Doc: doc})
	u.lazy(func() {
		u.mustRegister(Unary(func(x float16.Float16) float16.Float16 {
			return dtype.FromFloat64(f(float64(x.Float32())))
		}), dtype.Float16, dtype.Float16)
		if fl, ok := fastLoops[name]; ok {
			u.mustRegister(sliceLoop(fl.f32), dtype.Float32, dtype.Float32)
			u.mustRegister(sliceLoop(fl.f64), dtype.Float64, dtype.Float64)
		} else {
			u.mustRegister(Unary(func(x float32) float32 { return float32(f(float64(x))) }), dtype.Float32, dtype.Float32)
			u.mustRegister(Unary(f), dtype.Float64, dtype.Float64)
		}
		if c != nil {
			registerComplexUnary(u, c)
		}
	})
	return u
}

// mathBinary defines a two-input math ufunc with loops ee->e, ff->f,
// dd->d: the fast loops of fastLoops2 for ff->f and dd->d when it has
// them; else, if k is not nil, a float64 kernel whose results are f's
// bit for bit, for the contiguous float64 runs and, widened in chunks
// (each result rounded once, as f's float32 loop does), the float32 ones,
// other runs taking f element by element.
func mathBinary(name, doc string, f func(float64, float64) float64, k func(dst, x, y []float64)) *Ufunc {
	u := define(Spec{Name: name, NIn: 2, NOut: 1, Identity: NoIdentity, Doc: doc})
	u.lazy(func() {
		u.mustRegister(Binary(func(x, y float16.Float16) float16.Float16 {
			return dtype.FromFloat64(f(float64(x.Float32()), float64(y.Float32())))
		}), dtype.Float16, dtype.Float16, dtype.Float16)
		if fl, ok := fastLoops2[name]; ok {
			u.mustRegister(sliceLoop2(fl.f32), dtype.Float32, dtype.Float32, dtype.Float32)
			u.mustRegister(sliceLoop2(fl.f64), dtype.Float64, dtype.Float64, dtype.Float64)
			return
		}
		f32 := Binary(func(x, y float32) float32 { return float32(f(float64(x), float64(y))) })
		f64 := Binary(f)
		if k != nil {
			f32, f64 = withRun(f32, via64Binary(k)), withRun(f64, k)
		}
		u.mustRegister(f32, dtype.Float32, dtype.Float32, dtype.Float32)
		u.mustRegister(f64, dtype.Float64, dtype.Float64, dtype.Float64)
	})
	return u
}
