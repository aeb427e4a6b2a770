package simd

import (
	"fmt"
	"sync/atomic"
)

//go:generate go run -C _asm -mod=mod . -out ../transpose_amd64.s -stubs ../transpose_amd64.go -pkg simd -set transpose

// Transpose64 writes the transpose of a rows x cols block of 8-byte
// elements (float64, int64, uint64, complex64 all move as uint64):
//
//	for i := range rows {
//		for j := range cols {
//			dst[j*dstStride+i] = src[i*srcStride+j]
//		}
//	}
//
// Strides are in elements. The assembly moves square blocks of 4 (AVX2)
// or 8 (AVX-512) rows and columns through registers, so that every
// source row and destination row is read or written a whole vector at a
// time; a caller walking a large transpose hands it bands of rows and
// gets whole cache lines on both sides. dst and src must not overlap.
// It panics if a stride is negative, if dstStride < rows (the
// destination rows would overlap) or if the block does not fit a slice.
func Transpose64(dst []uint64, dstStride int, src []uint64, srcStride int, rows, cols int) {
	if rows < 0 || cols < 0 || dstStride < 0 || srcStride < 0 {
		panic(fmt.Sprintf("simd: Transpose64 of %d x %d with strides %d, %d", rows, cols, dstStride, srcStride))
	}
	if rows == 0 || cols == 0 {
		return
	}
	if cols > 1 && dstStride < rows {
		panic(fmt.Sprintf("simd: Transpose64: destination stride %d < %d rows", dstStride, rows))
	}
	if !fits(len(src), rows, srcStride, cols) || !fits(len(dst), cols, dstStride, rows) {
		panic(fmt.Sprintf("simd: Transpose64 of %d x %d does not fit: dst has %d elements (stride %d), src %d (stride %d)", rows, cols, len(dst), dstStride, len(src), srcStride))
	}
	transposeActive.Load().t64(dst, dstStride, src, srcStride, rows, cols)
}

// fits reports whether n rows of the given stride whose last row holds
// width elements lie within length elements, without overflow.
func fits(length, n, stride, width int) bool {
	if width > length {
		return false
	}
	return stride == 0 || n-1 <= (length-width)/stride
}

// transpose64Go is the Go twin: bands of 8 source rows, each column of
// the band written as one run of the destination.
func transpose64Go(dst []uint64, ds int, src []uint64, ss int, rows, cols int) {
	for i0 := 0; i0 < rows; i0 += 8 {
		i1 := min(i0+8, rows)
		for j := range cols {
			d := dst[j*ds+i0 : j*ds+i1]
			for k := range d {
				d[k] = src[(i0+k)*ss+j]
			}
		}
	}
}

// transposeBands runs an assembly band kernel (lanes rows and columns a
// block) over the whole bands and whole blocks of a transpose whose
// arguments Transpose64 has checked, and the Go twin over the edges.
func transposeBands(dst []uint64, ds int, src []uint64, ss int, rows, cols, lanes int, band func(dst *uint64, dstStride int, src *uint64, srcStride int, n int)) {
	nb := cols / lanes
	whole := nb * lanes
	i0 := 0
	for ; i0+lanes <= rows; i0 += lanes {
		if nb > 0 {
			band(&dst[i0], ds*8, &src[i0*ss], ss*8, nb)
		}
		if whole < cols {
			transpose64Go(dst[whole*ds+i0:], ds, src[i0*ss+whole:], ss, lanes, cols-whole)
		}
	}
	if i0 < rows {
		transpose64Go(dst[i0:], ds, src[i0*ss:], ss, rows-i0, cols)
	}
}

// Evens64 copies every second element of src into dst, making a
// stride-2 run (a[::2], the real or imaginary parts of a complex128
// array) contiguous:
//
//	for i := range dst {
//		dst[i] = src[2*i]
//	}
//
// The assembly reads two vectors of src and writes one of dst a step. It
// panics if len(src) < 2*len(dst)-1. dst and src must not overlap.
func Evens64(dst, src []uint64) {
	n := len(dst)
	if n == 0 {
		return
	}
	if len(src) < 2*n-1 {
		panic(fmt.Sprintf("simd: Evens64 of %d elements from %d", n, len(src)))
	}
	k := transposeActive.Load()
	done := 0
	if k.ev64 != nil {
		// whole blocks whose 2·lanes source elements all lie in src
		blocks := min(n, len(src)/2) / k.evLanes
		if blocks > 0 {
			k.ev64(&dst[0], &src[0], blocks)
			done = blocks * k.evLanes
		}
	}
	evens64Go(dst[done:], src[2*done:])
}

// evens64Go is the pure-Go Evens64.
func evens64Go(dst, src []uint64) {
	if len(dst) == 0 {
		return
	}
	src = src[:2*len(dst)-1]
	for i := range dst {
		dst[i] = src[2*i]
	}
}

// transposeKernels is one implementation of the kernels of this file.
type transposeKernels struct {
	name string
	t64  func(dst []uint64, ds int, src []uint64, ss int, rows, cols int)
	// ev64 copies src[2i] to dst[i] for n blocks of evLanes elements;
	// nil in the Go implementation.
	ev64    func(dst, src *uint64, n int)
	evLanes int
	// binInc[op] (add, sub, mul, div) computes dst[i] = a[i*incA] op
	// b[i*incB] for n blocks of evLanes elements, mode = (incA-1) |
	// (incB-1)<<1 in 1..3; nil in the Go implementation.
	binInc [opDiv + 1]func(dst, a, b *float64, n int, mode int)
}

var transposeGoKernels = &transposeKernels{name: "go", t64: transpose64Go}

// transposeImpls lists the implementations this CPU can run, best first,
// named as in Implementations; the pure-Go one is last.
var transposeImpls []*transposeKernels

// transposeActive is the implementation in use; only tests replace it.
var transposeActive atomic.Pointer[transposeKernels]

func init() {
	transposeImpls = append(archTransposeKernels(), transposeGoKernels)
	transposeActive.Store(transposeImpls[0])
	useHooks = append(useHooks, useTranspose)
}

// useTranspose makes the named implementation active and returns the
// function that restores the previous one.
func useTranspose(name string) (restore func()) {
	for _, k := range transposeImpls {
		if k.name == name {
			prev := transposeActive.Swap(k)
			return func() { transposeActive.Store(prev) }
		}
	}
	return func() {}
}
