// Package ufunc is the function mechanism of pluribus: universal
// functions, multi-methods that dispatch on the dtypes of their operands
// to loops, and the broadcasting iterator that drives those loops over
// strided arrays.
//
// # Overview
//
// A *Ufunc has a name, a number of inputs and outputs, an identity for
// reductions, and a loop table keyed by operand dtypes. The standard
// ufuncs are package variables named as NumPy's (Add, Multiply, Sqrt,
// Arctan2, …) and are also found by NumPy's name with Lookup("add").
//
//	c, err := ufunc.Add.Call(a, b)                 // broadcasting a + b
//	_, err = ufunc.Multiply.Call(c, 2.5, ufunc.Out(c))
//	s, err := ufunc.Add.Reduce(a, ufunc.Axis(0))
//
// # Dtypes and promotion
//
// A call picks its loop as NumPy does: the loop registered for exactly the
// operands' dtypes, else the first loop in the table that every operand
// reaches by a safe cast (the table is in NumPy's order, so int8 + uint8
// runs the int16 loop), with a ufunc's own resolver for NumPy's special
// rules (true division of integers computes in float64). Operands that
// need another dtype are converted in chunks of 1024 elements, never as
// whole temporaries. The choice is cached per tuple of dtypes.
//
// Go scalars are weak operands (NumPy 2's NEP 50): a float32 array plus a
// Go float64 is float32; an int8 array plus 300 is an *OverflowError. A Go
// string is weak text: U beside U arrays, S beside S (ASCII only), a
// variable-length string beside strings and categoricals, U otherwise
// (Equal.Call(a, "x") is NumPy's a == "x"). Fixed-width and
// variable-length text promote to String.
//
// # Broadcasting
//
// Operands broadcast with NumPy's rules; broadcast operands are read with
// stride 0 and never materialised. The iterator orders axes for memory
// order, merges axes that are contiguous with each other, and calls the
// loop on the innermost runs: a call on contiguous arrays is one loop
// call. New outputs follow the inputs' layout (NumPy's order='K').
//
// # Views and aliasing
//
// Out may name an input (an in-place operation); an input that overlaps
// an output in any other way is copied first, so results are as if all
// inputs had been copied. Where masks which elements are computed and
// written.
//
// # Extending
//
// New ufuncs come from New and Register; new element types from
// dtype.Register, with loops registered on the standard ufuncs. A loop
// whose inputs would tie with an existing loop is refused at
// registration. Container types other than *ndarray.Array take over calls
// made through Apply by registering with RegisterContainer.
//
// # Errors
//
// *LoopError (no loop for these dtypes), *dtype.CastError (a cast the
// casting rule forbids), *ndarray.BroadcastError, *ndarray.ShapeError,
// *OverflowError, *ArgError, and for reductions *ndarray.AxisError and
// the empty-reduction error; all match with errors.As.
//
// # Concurrency
//
// Ufuncs are safe for concurrent use. Calls above ParallelThreshold
// elements split their work across GOMAXPROCS goroutines; element-wise
// results are identical whatever the number of goroutines, and
// reductions use a fixed block decomposition so that theirs are too.
package ufunc
