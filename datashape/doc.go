// Package datashape is the type language of pluribus: the text form of
// every type, from `float64` to `3 * var * {name: string, score: ?float32}`,
// and of function signatures such as
// `(D... * M * N * T, D... * N * P * T) -> D... * M * P * T`.
//
// # Overview
//
// A datashape is zero or more dimensions, each followed by `*`, then one
// measure. Dimensions are fixed (`3`), ragged (`var`), dimension variables
// (`N`) and ellipses (`...`, `Dims...`) that stand for zero or more
// dimensions. Measures are the numeric types (bool, int8 … uint64,
// float16 … float64, complex[float32], complex[float64]), strings
// (`string`, `string[10, 'A']`), dates and times, categoricals, options
// (`?T`), records (`{a: int32, 'odd name': ?string}`), tuples
// (`(int32, float64)`), functions (`(A, B) -> C`) and measure variables
// (`T`). Names in lower case are types, capitalised names are variables.
//
// Parse reads the dialect of the Python reference (blaze/datashape 0.5,
// described in testdata/conformance/datashape/LANGUAGE.md) into a tree
// of Go values: *DataShape with its Dims and Measure. String prints the
// canonical form, which always reads back to the same type. Where the
// reference prints text it cannot read back, this package does better:
// it rejects an option of an option (`option[?int32]`, which the
// reference prints as the unreadable `??int32`), quotes every field name
// that is not a bare identifier (including True and False), and prints
// every value of a categorical.
//
// # Matching
//
// Match binds the variables of a pattern to a concrete type, exactly.
// MatchSignature matches argument types to a function signature as the
// 2015 reference solver did: outer dimensions bound to one ellipsis
// broadcast across the arguments, dimensions broadcast (1 → N, fixed ↔
// var) and measures coerce along the coercion table at a cost, and a
// measure variable seen with several types stands for their NumPy
// promotion. ResolveOverload picks the cheapest of several signatures.
// Promote is the reference's datashape.promote, NumPy's result_type on
// measures, with options.
//
// # Errors
//
// Text that does not parse is a *ParseError with the line and column of
// the offending token and a caret line. Mismatches are *MatchError,
// *CoercionError, *UnificationError or *SignatureError, all matchable
// with errors.As. Parse never panics: its input is limited to
// MaxInputSize bytes and MaxDepth levels of nesting (FuzzParse).
package datashape
