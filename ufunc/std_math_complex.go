package ufunc

import "github.com/pluribus-go/pluribus/dtype"

// registerComplexUnary adds the F->F and D->D loops of a math ufunc;
// complex64 is computed in complex128 and rounded once per part. It runs
// inside the function that loads u's tables (see Ufunc.lazy).
func registerComplexUnary(u *Ufunc, c func(complex128) complex128) {
	u.mustRegister(Unary(func(z complex64) complex64 { return complex64(c(complex128(z))) }),
		dtype.Complex64, dtype.Complex64)
	u.mustRegister(Unary(c), dtype.Complex128, dtype.Complex128)
}
