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
// Conversions that can meet a value they cannot convert — text to
// numbers, Unicode to bytes and bytes to Unicode for the fixed-width
// strings Unicode(n) and Bytes(n) — exist only as GetCheckedCast loops,
// which stop with a *ValueError; GetCast reports them as a *CastError.
//
// # Records
//
// Record types (NumPy's structured dtypes) hold named fields at byte
// offsets. RecordOf lays fields out as np.dtype(list, align=…) does and
// RecordFromSpec reads NumPy's dictionary form; Descr and DescrLiteral
// give the descr that .npy files store, and FromDescr reads it back.
// Records with the same field names promote field by field, cast to each
// other by position, and GetComparer and GetEqual give their sort order
// and equality. A bad layout is a *RecordError.
//
// # Dates and times
//
// Datetime64(unit) and Timedelta64(unit) hold int64 tick counts of a
// TimeUnit ("datetime64[ns]", "m8[D]"; UnitGeneric is the unit-less
// type), NaT being the smallest int64. They promote, cast and convert as
// in NumPy 1.24: unit conversions round toward -Inf (timedelta years and
// months through their average lengths, datetime ones through the
// calendar), casts to numbers reinterpret the tick, and casts from and to
// text parse and write ISO 8601 (ParseDatetime, FormatDatetime,
// DatetimeFields for the calendar fields).
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
