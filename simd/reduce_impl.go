package simd

import (
	"sync/atomic"
	"unsafe"
)

//go:generate go run -C _asm -mod=mod . -out ../reduce_amd64.s -stubs ../reduce_amd64.go -pkg simd -set reduce

// The kernels of SumFloat64's pairwise recursion and of AddRowsFloat64
// have their own implementation table (reduceKernels), chosen at
// start-up like the main one and switched together with it by use in
// tests. (The AVX-512 block kernels of Max and Min, generated with
// them, sit in the main table.)

// reduceKernels is one implementation of the kernels of this file.
type reduceKernels struct {
	name string
	// sumPair64 is leaf(a[:h]) + leaf(a[h:]) for two neighbouring
	// pairwise leaves: h a multiple of 8, 8 <= h <= len(a)-h <= pwBlock.
	sumPair64 func(a []float64, h int) float64
	// addRows64 adds rows rows of n float64, stride bytes apart from a,
	// into dst, in order; n is a positive multiple of rowLanes.
	addRows64 func(dst *float64, n int, a *float64, stride int, rows int)
	rowLanes  int
}

var reduceGoKernels = &reduceKernels{name: "go", sumPair64: sumPairGo, addRows64: addRowsGo, rowLanes: 1}

// reduceImpls lists the implementations this CPU can run, best first,
// named as in Implementations; the pure-Go one is last.
var reduceImpls []*reduceKernels

// reduceActive is the implementation in use; only tests replace it.
var reduceActive atomic.Pointer[reduceKernels]

func init() {
	reduceImpls = append(archReduceKernels(), reduceGoKernels)
	reduceActive.Store(reduceImpls[0])
	useHooks = append(useHooks, useReduce)
}

// useReduce makes the named implementation active and returns the
// function that restores the previous one.
func useReduce(name string) (restore func()) {
	for _, k := range reduceImpls {
		if k.name == name {
			prev := reduceActive.Swap(k)
			return func() { reduceActive.Store(prev) }
		}
	}
	return func() {}
}

// pairwise64 is pairwise for float64 with the two-leaf kernel at the
// nodes whose halves are both leaves: the same tree, the same leaves
// and the same additions, so the same bits.
func pairwise64(leaf func([]float64) float64, pair func([]float64, int) float64, a []float64) float64 {
	if len(a) <= pwBlock {
		return leaf(a)
	}
	h := len(a) / 2
	h -= h % 8
	if len(a)-h <= pwBlock {
		return pair(a, h)
	}
	return pairwise64(leaf, pair, a[:h]) + pairwise64(leaf, pair, a[h:])
}

// sumPairGo is the pure-Go sumPair64.
func sumPairGo(a []float64, h int) float64 {
	return sumBlockGo(a[:h]) + sumBlockGo(a[h:])
}

// addRowsGo is the pure-Go addRows64: one row after the other.
func addRowsGo(dst *float64, n int, a *float64, stride int, rows int) {
	d := unsafe.Slice(dst, n)
	for i := range rows {
		r := unsafe.Slice((*float64)(unsafe.Add(unsafe.Pointer(a), i*stride)), n)
		for j := range d {
			d[j] += r[j]
		}
	}
}

// lineHead returns how many elements of a (at least 16 long) lie before
// its first 64-byte boundary.
func lineHead[T float](a []T) int {
	var z T
	size := int(unsafe.Sizeof(z))
	return int(-uintptr(unsafe.Pointer(unsafe.SliceData(a)))%64) / size
}
