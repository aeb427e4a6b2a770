package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// The loops of negative, absolute, sign and square on real numbers,
// written out: Unary(f) calls f through a function value for every
// element, which costs several times the operation itself. Contiguous
// int32 and int64 runs of negative and absolute go to simd.

// contig1 returns the input and output of a one-input loop as slices
// when both have unit stride.
func contig1[T any](args []unsafe.Pointer, steps []int, n int) (x, out []T, ok bool) {
	sz := sizeOf[T]()
	if n <= 0 || steps[0] != sz || steps[1] != sz {
		return nil, nil, false
	}
	return unsafe.Slice((*T)(args[0]), n), unsafe.Slice((*T)(args[1]), n), true
}

// Integer unary operations with simd kernels, the index into
// simdUnaryInt32/simdUnaryInt64.
const (
	intOpNeg = iota
	intOpAbs
)

var (
	simdUnaryInt32 = [...]func(dst, a []int32){simd.NegateInt32Unitary, simd.AbsInt32Unitary}
	simdUnaryInt64 = [...]func(dst, a []int64){simd.NegateInt64Unitary, simd.AbsInt64Unitary}
)

// simdIntUnary runs the simd kernel of op on a contiguous run of a 32-
// or 64-bit integer type (signed or not for negation, whose wrapping
// bits are the same for both; absolute is only called for signed
// types), and reports whether it did.
func simdIntUnary[T any](op int, x, out []T) bool {
	if len(out) < minSimdRun {
		return false
	}
	var z T
	switch any(z).(type) {
	case int32, uint32:
		simdUnaryInt32[op](reinterpret[T, int32](out), reinterpret[T, int32](x))
		return true
	case int64, uint64:
		simdUnaryInt64[op](reinterpret[T, int64](out), reinterpret[T, int64](x))
		return true
	}
	return false
}

// negIntLoop is negative on integers, wrapping (-MinInt64 is MinInt64,
// and unsigned values wrap modulo 2ⁿ, as NumPy).
func negIntLoop[T integer](args []unsafe.Pointer, steps []int, n int) {
	if x, out, ok := contig1[T](args, steps, n); ok {
		if simdIntUnary(intOpNeg, x, out) {
			return
		}
		for i := range out {
			out[i] = -x[i]
		}
		return
	}
	for i := range n {
		*at[T](args[1], steps[1], i) = -*at[T](args[0], steps[0], i)
	}
}

// absIntLoop is absolute on signed integers (absolute of MinInt64 is
// MinInt64, as NumPy).
func absIntLoop[T signedInt](args []unsafe.Pointer, steps []int, n int) {
	if x, out, ok := contig1[T](args, steps, n); ok {
		if simdIntUnary(intOpAbs, x, out) {
			return
		}
		for i := range out {
			out[i] = absInt(x[i])
		}
		return
	}
	for i := range n {
		*at[T](args[1], steps[1], i) = absInt(*at[T](args[0], steps[0], i))
	}
}

// signIntLoop is sign on integers.
func signIntLoop[T integer](args []unsafe.Pointer, steps []int, n int) {
	if x, out, ok := contig1[T](args, steps, n); ok {
		for i := range out {
			out[i] = signOf(x[i])
		}
		return
	}
	for i := range n {
		*at[T](args[1], steps[1], i) = signOf(*at[T](args[0], steps[0], i))
	}
}

// signFloatLoop is sign on floats (NaN for NaN, 0 for ±0).
func signFloatLoop[T floating](args []unsafe.Pointer, steps []int, n int) {
	if x, out, ok := contig1[T](args, steps, n); ok {
		for i := range out {
			out[i] = signFloat(x[i])
		}
		return
	}
	for i := range n {
		*at[T](args[1], steps[1], i) = signFloat(*at[T](args[0], steps[0], i))
	}
}

// sqLoop is square on real numbers (wrapping for integers).
func sqLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	if x, out, ok := contig1[T](args, steps, n); ok {
		for i := range out {
			out[i] = x[i] * x[i]
		}
		return
	}
	for i := range n {
		v := *at[T](args[0], steps[0], i)
		*at[T](args[1], steps[1], i) = v * v
	}
}
