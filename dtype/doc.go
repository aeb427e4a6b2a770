// Package dtype describes the element types of arrays: their kinds, sizes,
// byte orders and names, NumPy's promotion and casting rules, and the
// loops that convert between them.
//
// # Overview
//
// Element types are values, not Go types. The fourteen built-in numeric
// types are the variables Bool, Int8 … Uint64, Float16, Float32, Float64,
// Complex64 and Complex128; each also exists in the non-native byte order
// (WithByteOrder), as NumPy's '>f8' does. A DType is comparable, so it
// can be a map key, and two DTypes are equal exactly when they describe
// the same type in the same byte order.
//
// Of maps a Go type to its element type (Of[float32]() is Float32), and
// Parse reads the names NumPy users write: "float64", "f8", "<i4", ">c16",
// "?", "int_".
//
// # Dtypes and promotion
//
// Promote and ResultType give the type NumPy's promote_types and
// result_type give for arrays of the operand types; CanCast answers
// NumPy's can_cast for the levels No, Equiv, Safe, SameKind and Unsafe.
// Both agree with NumPy 1.24 on every pair of the conformance corpus.
// There is no value-based casting: Go scalars are handled by the ufunc
// layer as weak operands (NEP 50).
//
// # Casting
//
// GetCast returns a strided loop converting elements between any two
// types, with NumPy's values: integers wrap, float to integer truncates,
// float64 to float16 rounds once, complex to real keeps the real part.
//
// # Errors
//
// Parse errors are *ParseError, forbidden casts *CastError, and types
// without a common type *PromotionError; match them with errors.As.
//
// # Concurrency
//
// Every value and table of this package is immutable after start-up and
// safe for concurrent use.
package dtype
