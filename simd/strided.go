package simd

import "fmt"

// AddFloat64Inc computes
//
//	for i := range dst {
//		dst[i] = a[i*incA] + b[i*incB]
//	}
//
// for operands that step through memory: a stride-2 view (x[::2], the
// real parts of a complex128 array) against a contiguous one or another
// stride-2 one. The assembly takes incA and incB of 1 or 2, reading a
// stride-2 operand two vectors at a time and keeping the elements it
// wants, with no copy in between, and stores the middle of a result of
// 2 MiB or more non-temporally; other increments run in Go. It panics
// unless incA and incB are positive and a and b hold the elements the
// loop reads. dst must not overlap a or b unless it is the same memory
// with an increment of 1.
func AddFloat64Inc(dst, a, b []float64, incA, incB int) { binInc64(opAdd, dst, a, b, incA, incB) }

// SubFloat64Inc is AddFloat64Inc for dst[i] = a[i*incA] - b[i*incB].
func SubFloat64Inc(dst, a, b []float64, incA, incB int) { binInc64(opSub, dst, a, b, incA, incB) }

// MulFloat64Inc is AddFloat64Inc for dst[i] = a[i*incA] * b[i*incB].
func MulFloat64Inc(dst, a, b []float64, incA, incB int) { binInc64(opMul, dst, a, b, incA, incB) }

// DivFloat64Inc is AddFloat64Inc for dst[i] = a[i*incA] / b[i*incB].
func DivFloat64Inc(dst, a, b []float64, incA, incB int) { binInc64(opDiv, dst, a, b, incA, incB) }

// binInc64 checks the operands of an Inc kernel and runs the assembly
// over whole blocks where it applies, Go over the rest.
func binInc64(op int, dst, a, b []float64, incA, incB int) {
	n := len(dst)
	if incA <= 0 || incB <= 0 {
		panic(fmt.Sprintf("simd: increments %d and %d, want positive ones", incA, incB))
	}
	if n == 0 {
		return
	}
	if (len(a)-1)/incA < n-1 || (len(b)-1)/incB < n-1 || len(a) == 0 || len(b) == 0 {
		panic(fmt.Sprintf("simd: %d elements with increments %d and %d from %d and %d", n, incA, incB, len(a), len(b)))
	}
	done := 0
	k := transposeActive.Load()
	if f := k.binInc[op]; f != nil && incA <= 2 && incB <= 2 && incA+incB > 2 {
		// the elements whose source vectors all lie in a and b
		whole := n
		if incA == 2 {
			whole = min(whole, len(a)/2)
		}
		if incB == 2 {
			whole = min(whole, len(b)/2)
		}
		mode := (incA - 1) | (incB-1)<<1
		// A long result's 64-byte aligned middle is stored
		// non-temporally (see ntSpan), the elements before it in Go.
		if h, m := ntSpan(dst[:whole]); m > 0 {
			binInc64Go(op, dst[:h], a, b, incA, incB)
			f(&dst[h], &a[h*incA], &b[h*incB], m/k.evLanes, mode|4)
			done = h + m
		}
		if blocks := (whole - done) / k.evLanes; blocks > 0 {
			f(&dst[done], &a[done*incA], &b[done*incB], blocks, mode)
			done += blocks * k.evLanes
		}
	}
	if done < n {
		binInc64Go(op, dst[done:], a[done*incA:], b[done*incB:], incA, incB)
	}
}

// binInc64Go is the pure-Go twin of the Inc kernels.
func binInc64Go(op int, dst, a, b []float64, incA, incB int) {
	n := len(dst)
	if n == 0 {
		return
	}
	a, b = a[:(n-1)*incA+1], b[:(n-1)*incB+1]
	switch op {
	case opAdd:
		for i := range dst {
			dst[i] = a[i*incA] + b[i*incB]
		}
	case opSub:
		for i := range dst {
			dst[i] = a[i*incA] - b[i*incB]
		}
	case opMul:
		for i := range dst {
			dst[i] = a[i*incA] * b[i*incB]
		}
	case opDiv:
		for i := range dst {
			dst[i] = a[i*incA] / b[i*incB]
		}
	}
}
