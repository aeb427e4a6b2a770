// Package simd holds the vectorised kernels behind pluribus's ufuncs:
// element-wise arithmetic, NaN-propagating minimum and maximum, sums and
// dot products over contiguous float32 and float64 runs; float64 rows
// added into a vector (a sum along axis 0); max/min and argmax/argmin
// reductions; widening integer sums; int32/int64 arithmetic;
// float64→float32 and float32⇄float16 conversions; transposes and
// stride-2 gathers of 8-byte elements; float64 arithmetic on stride-2
// operands; sine, cosine, arctan, arctan2 and square root; floor
// division, remainder and fmod; and float comparisons that write bools.
//
// # Overview
//
// Kernels work on unit-stride slices, destination first, with the length
// given by the slices themselves and no allocation:
//
//	AddFloat64Unitary(dst, a, b)       // dst[i] = a[i] + b[i]
//	AddFloat64ScalarUnitary(dst, a, s) // dst[i] = a[i] + s
//	SumFloat64(a)                      // pairwise sum, as NumPy's
//
// Names follow gonum's grid, <Op><Type>[Scalar]Unitary, and
// <Op><Type>Inc for the kernels whose operands step through memory
// (AddFloat64Inc: dst[i] = a[i*incA] + b[i*incB]). The doc comment of
// each kernel is the Go loop it computes. The package knows nothing of
// arrays: striding and broadcasting belong to the ufunc iterator, which
// hands kernels its innermost runs.
//
// # Lengths and aliasing
//
// Callers guarantee equal lengths; a mismatch is a programmer error and
// panics, as an out-of-range slice index does. dst may be the same slice
// as an input (dst[i] depends only on element i of the inputs) but must not
// overlap an input at another offset.
//
// # Implementations
//
// Every kernel has a pure-Go twin that is always compiled: it is the
// fallback (build tag purego, architectures without assembly) and the
// oracle the assembly is tested against. On amd64 the assembly, generated
// with avo from simd/_asm, comes in AVX2+FMA and AVX-512F versions. The
// best implementation the CPU supports is chosen once at start-up (see
// Implementation); calls never branch on CPU features.
//
// # Results
//
// Element-wise kernels give the same bits in every implementation (NaN
// payloads aside: which of two NaN inputs propagates through +, -, *, /
// is not specified). Min and max propagate NaN as NumPy does. SumFloat64
// and SumFloat32 add in NumPy's pairwise order, so they are bit-identical
// to numpy.sum of a contiguous run (of up to 8192 elements: NumPy adds a
// longer run's pieces of 8192 in order) in every implementation. Dot
// products reassociate; their error bound is stated on DotFloat64. MaxFloat64,
// MinFloat64, ArgMaxFloat64 and ArgMinFloat64 return exactly what NumPy's
// sequential reductions do (the first NaN; the last of ±0 ties; the first
// index), integer sums are exact (or wrap as Go's addition), and the
// conversions round to nearest even, bit-identical in every
// implementation. The matrix-multiply micro-kernels (GemmTileFloat64,
// GemmTileFloat32) do not reassociate: each element of a tile is one
// chain of fused multiply-adds in order, the same bits in every
// implementation.
//
// The sine, cosine, arctan and arctan2 kernels are within the ULP bounds
// stated on them and give the same bits in every implementation; floor
// division, remainder and fmod give NumPy's results (npy_divmod; fmod is
// exact), the same bits in every implementation; the square roots are
// correctly rounded; the comparisons follow IEEE (a NaN operand compares
// false, except for not-equal), as NumPy does.
//
// # Large results
//
// In the assembly implementations, a kernel whose dst is a quarter of
// the last-level cache or more (never less than 2 MiB) writes it with
// non-temporal stores, around the caches: the
// element-wise arithmetic (the Inc kernels too), MulAdd, Negate, Abs,
// square roots, conversions, exp, log, log2, log10, tanh, sine, cosine,
// arctan, arctan2, floor division, remainder and fmod (not the
// comparisons). A result that large does not stay in the cache anyway,
// and the destination's lines are then not read from memory before
// being overwritten (a third of an add's traffic).
// The elements before dst's first 64-byte boundary and after the last
// whole block use ordinary stores; the bits are the same either way.
//
// The memory-bound kernels of integer sums and conversions have AVX2
// assembly only, used by the avx512 implementation too. Max/min (and so
// argmax/argmin), AddRowsFloat64, the pairwise sum's two-leaf kernel and
// int32/int64 addition, subtraction and multiplication have AVX-512
// versions (the int64 product needs AVX-512DQ, else it is Go's loop, as
// under AVX2); float16 conversion uses F16C when the CPU has it.
package simd

//go:generate go run -C _asm -mod=mod . -out ../kernels_amd64.s -stubs ../kernels_amd64.go -pkg simd
