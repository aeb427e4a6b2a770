package simd

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

// Element-wise binary operations, the index into kernels.bin64/bin32.
const (
	opAdd = iota
	opSub
	opMul
	opDiv
	opMax
	opMin
	numBin
)

// Operations with a scalar operand, the index into kernels.scalar64/32.
const (
	opAddS = iota
	opSubS
	opMulS
	opDivS
	opRsubS
	opRdivS
	numScalar
)

// kernels is one implementation: a complete table of kernels.
type kernels struct {
	name     string
	bin64    [numBin]func(dst, a, b []float64)
	bin32    [numBin]func(dst, a, b []float32)
	scalar64 [numScalar]func(dst, a []float64, s float64)
	scalar32 [numScalar]func(dst, a []float32, s float32)
	sum64    func(a []float64) float64 // pairwise leaf, len(a) <= pwBlock
	sum32    func(a []float32) float32
	dot64    func(a, b []float64) float64 // block, len(a) <= dotBlock
	dot32    func(a, b []float32) float32

	// Block kernels: len(a) (len(dst)) is a multiple of blockLen (of
	// binIBlock for binI32/binI64), and positive for max/min; the
	// exported wrappers do the tails. max64 ... min32 (the extreme of
	// the non-NaN elements, and whether there is a NaN) hold [0] the
	// block kernel and [1] the one for runs of extremeStream elements
	// or more, which come from memory rather than the caches.
	max64, min64 [2]func(a []float64) (m float64, nan bool)
	max32, min32 [2]func(a []float32) (m float32, nan bool)
	// extI64 and extI32 hold the maximum [0] and minimum [1] kernels of
	// signed integers: the lane-wise extreme of a's vectors in the
	// first vector of out (at most 64 bytes; lanes past it are not
	// written).
	extI64 [2]func(a, out []int64)
	extI32 [2]func(a, out []int32)
	// sclI32 and sclI64 hold the integer operations with a scalar
	// second operand (the ops of binI32, then opIRsub: s - a[i]); len(dst)
	// is a multiple of unIBlock.
	sclI32 [numIntScalar]func(dst, a []int32, s int32)
	sclI64 [numIntScalar]func(dst, a []int64, s int64)
	// boolBin holds and, or and xor of bools, boolNot the negation;
	// len(dst) is a multiple of boolBlock.
	boolBin [3]func(dst, a, b []bool)
	boolNot func(dst, a []bool)
	// unI32 and unI64 hold the negation [0] and absolute value [1] of
	// signed integers; len(dst) is a multiple of unIBlock.
	unI32        [2]func(dst, a []int32)
	unI64        [2]func(dst, a []int64)
	sumI8        func(a []int8) int64
	sumI16       func(a []int16) int64 // len(a) <= sumI16Max
	sumI32       func(a []int32) int64
	sumI64       func(a []int64) int64
	binI32       [numIntBin]func(dst, a, b []int32)
	binI64       [numIntBin]func(dst, a, b []int64)
	binIBlock    int // power of two: the multiple of elements binI32/binI64 take (1: any length)
	cvt64to32    func(dst []float32, a []float64)
	cvt32to16    func(dst []uint16, a []float32)
	cvt16to32    func(dst []float32, a []uint16)
	cvtI32to64   func(dst []float64, a []int32)
	cvt32to64    func(dst []float64, a []float32)
	cvtI32to32   func(dst []float32, a []int32)
	cvt64toI32   func(dst []int32, a []float64)
	cvt32toI32   func(dst []int32, a []float32)
	mulAdd64     func(dst, a, b, c []float64)
	mulAdd32     func(dst, a, b, c []float32)
	neg64, abs64 func(dst, a []float64)
	neg32, abs32 func(dst, a []float32)
	// round64 and round32 hold floor, ceil, trunc and rint (see
	// roundOp), and their non-temporal variants below.
	round64 [numRound]func(dst, a []float64)
	round32 [numRound]func(dst, a []float32)

	// Non-temporal variants of binI32, binI64, mulAdd64 and mulAdd32,
	// nil where an implementation has none: they take the part of a
	// long dst that ntSpan gives them. (The floating-point bin and
	// scalar kernels of the assembly implementations have theirs built
	// in; see ntBinary.)
	binI32NT   [numIntBin]func(dst, a, b []int32)
	binI64NT   [numIntBin]func(dst, a, b []int64)
	mulAdd64NT func(dst, a, b, c []float64)
	mulAdd32NT func(dst, a, b, c []float32)

	// Non-temporal variants of the conversions, negate and abs (see
	// unaryRun), nil where an implementation has none.
	cvt64to32NT      func(dst []float32, a []float64)
	cvt32to16NT      func(dst []uint16, a []float32)
	cvt16to32NT      func(dst []float32, a []uint16)
	cvtI32to64NT     func(dst []float64, a []int32)
	cvt32to64NT      func(dst []float64, a []float32)
	cvtI32to32NT     func(dst []float32, a []int32)
	cvt64toI32NT     func(dst []int32, a []float64)
	cvt32toI32NT     func(dst []int32, a []float32)
	neg64NT, abs64NT func(dst, a []float64)
	neg32NT, abs32NT func(dst, a []float32)
	round64NT        [numRound]func(dst, a []float64)
	round32NT        [numRound]func(dst, a []float32)
}

// Integer element-wise operations, the index into kernels.binI32/binI64.
const (
	opIAdd = iota
	opISub
	opIMul
	opIMax
	opIMin
	numIntBin
)

// opIRsub (s - a[i]) follows the binary operations in the scalar tables.
const (
	opIRsub = numIntBin + iota
	numIntScalar
)

// The roundings, the index into kernels.round64/round32.
const (
	roundFloor = iota
	roundCeil
	roundTrunc
	roundRint
	numRound
)

// unIBlock is the multiple of elements the unI32/unI64 kernels take:
// two vectors of the widest kernel (int32 on AVX-512).
const unIBlock = 32

// blockLen is the multiple of elements the block kernels handle.
const blockLen = 64

// sumI16Max is the longest run sumI16 takes: its int32 lanes cannot
// overflow below it.
const sumI16Max = 1 << 18

// goKernels is the pure-Go implementation, always available.
var goKernels = &kernels{
	name:     "go",
	bin64:    [numBin]func(dst, a, b []float64){addGo[float64], subGo[float64], mulGo[float64], divGo[float64], maxGo[float64], minGo[float64]},
	bin32:    [numBin]func(dst, a, b []float32){addGo[float32], subGo[float32], mulGo[float32], divGo[float32], maxGo[float32], minGo[float32]},
	scalar64: [numScalar]func(dst, a []float64, s float64){addScalarGo[float64], subScalarGo[float64], mulScalarGo[float64], divScalarGo[float64], rsubScalarGo[float64], rdivScalarGo[float64]},
	scalar32: [numScalar]func(dst, a []float32, s float32){addScalarGo[float32], subScalarGo[float32], mulScalarGo[float32], divScalarGo[float32], rsubScalarGo[float32], rdivScalarGo[float32]},
	sum64:    sumBlockGo[float64],
	sum32:    sumBlockGo[float32],
	dot64:    dotBlockGo[float64],
	dot32:    dotBlockGo[float32],

	max64:     [2]func([]float64) (float64, bool){maxBlockGo[float64], maxBlockGo[float64]},
	min64:     [2]func([]float64) (float64, bool){minBlockGo[float64], minBlockGo[float64]},
	max32:     [2]func([]float32) (float32, bool){maxBlockGo[float32], maxBlockGo[float32]},
	min32:     [2]func([]float32) (float32, bool){minBlockGo[float32], minBlockGo[float32]},
	extI64:    [2]func(a, out []int64){maxBlockIntGo[int64], minBlockIntGo[int64]},
	extI32:    [2]func(a, out []int32){maxBlockIntGo[int32], minBlockIntGo[int32]},
	sclI32:    [numIntScalar]func(dst, a []int32, s int32){addSIntGo[int32], subSIntGo[int32], mulSIntGo[int32], maxSIntGo[int32], minSIntGo[int32], rsubSIntGo[int32]},
	sclI64:    [numIntScalar]func(dst, a []int64, s int64){addSIntGo[int64], subSIntGo[int64], mulSIntGo[int64], maxSIntGo[int64], minSIntGo[int64], rsubSIntGo[int64]},
	boolBin:   [3]func(dst, a, b []bool){andBoolGo, orBoolGo, xorBoolGo},
	boolNot:   notBoolGo,
	unI32:     [2]func(dst, a []int32){negIntGo[int32], absIntGo[int32]},
	unI64:     [2]func(dst, a []int64){negIntGo[int64], absIntGo[int64]},
	sumI8:     sumIntGo[int8],
	sumI16:    sumIntGo[int16],
	sumI32:    sumIntGo[int32],
	sumI64:    sumIntGo[int64],
	binI32:    [numIntBin]func(dst, a, b []int32){addIntGo[int32], subIntGo[int32], mulIntGo[int32], maxIntGo[int32], minIntGo[int32]},
	binI64:    [numIntBin]func(dst, a, b []int64){addIntGo[int64], subIntGo[int64], mulIntGo[int64], maxIntGo[int64], minIntGo[int64]},
	binIBlock: 1,
	cvt64to32: convertFloat64ToFloat32Go,
	cvt32to16: convertFloat32ToFloat16Go,
	cvt16to32: convertFloat16ToFloat32Go,

	cvtI32to64: convertGo[int32, float64],
	cvt32to64:  convertGo[float32, float64],
	cvtI32to32: convertGo[int32, float32],
	cvt64toI32: truncGo[float64],
	cvt32toI32: truncGo[float32],
	mulAdd64:   mulAddGo[float64],
	mulAdd32:   mulAddGo[float32],
	round64:    [numRound]func(dst, a []float64){floorGo[float64], ceilGo[float64], truncFloatGo[float64], rintGo[float64]},
	round32:    [numRound]func(dst, a []float32){floorGo[float32], ceilGo[float32], truncFloatGo[float32], rintGo[float32]},
	neg64:      negGo[float64],
	abs64:      absGo64,
	neg32:      negGo[float32],
	abs32:      absGo32,
}

// impls lists the implementations this CPU can run, best first; the pure-Go
// one is last. It is fixed at start-up.
var impls []*kernels

// active is the implementation in use. It is set once at start-up; only
// tests replace it (see use), and the atomic keeps that race-free.
var active atomic.Pointer[kernels]

func init() {
	impls = append(archKernels(), goKernels)
	active.Store(impls[0])
}

// Implementations returns the names of the kernel implementations this CPU
// and build can run, best first: on amd64 "avx512" (AVX-512F), "avx2"
// (AVX2 and FMA), then always "go" (pure Go, the only one under the purego
// build tag or on other architectures).
func Implementations() []string {
	names := make([]string, len(impls))
	for i, k := range impls {
		names[i] = k.name
	}
	return names
}

// Implementation returns the name of the implementation in use: the first
// of Implementations, chosen once at start-up.
func Implementation() string { return active.Load().name }

// use makes the named implementation the active one and returns a function
// that restores the previous one. It is for tests, which run every
// implementation the CPU has through one suite; it reports false if the
// implementation is not available.
func use(name string) (restore func(), ok bool) {
	for _, k := range impls {
		if k.name == name {
			prev := active.Swap(k)
			var undo []func()
			for _, h := range useHooks {
				undo = append(undo, h(name))
			}
			return func() {
				for _, u := range undo {
					u()
				}
				active.Store(prev)
			}, true
		}
	}
	return func() {}, false
}

// useHooks are called by use with the name it makes active, so that the
// implementation tables kept apart from kernels (exp.go) follow it; each
// returns its restore function.
var useHooks []func(name string) (restore func())

// pwBlock is NumPy's PW_BLOCKSIZE, the leaf size of pairwise summation.
const pwBlock = 128

// pairwise is NumPy's pairwise summation with leaf as its leaf.
func pairwise[T float](leaf func([]T) T, a []T) T {
	if len(a) <= pwBlock {
		return leaf(a)
	}
	h := len(a) / 2
	h -= h % 8
	return pairwise(leaf, a[:h]) + pairwise(leaf, a[h:])
}

// dotBlock is the leaf size of the pairwise dot product.
const dotBlock = 256

// dotPairwise sums the dot products of blocks of a and b pairwise.
func dotPairwise[T float](leaf func(a, b []T) T, a, b []T) T {
	if len(a) <= dotBlock {
		return leaf(a, b)
	}
	h := len(a) / 2
	h -= h % 16
	return dotPairwise(leaf, a[:h], b[:h]) + dotPairwise(leaf, a[h:], b[h:])
}

func check2(n, a int) {
	if a != n {
		panic(fmt.Sprintf("simd: length mismatch: dst has %d elements, a has %d", n, a))
	}
}

func check3(n, a, b int) {
	if a != n || b != n {
		panic(fmt.Sprintf("simd: length mismatch: dst has %d elements, a has %d, b has %d", n, a, b))
	}
}

// aligned64 returns a copy of v placed at a 64-byte aligned address; v
// must hold no pointers. The assembly kernels read their constant tables
// (expRows64 and friends) one 64-byte row per vector operand, and a row
// that straddles two cache lines is a split load on every use: with a
// table the linker happened to place 32 bytes off a line, the AVX-512
// sine took 1.1-1.4 ms on 1e6 float64 instead of 0.7-0.9 ms. Go gives
// package variables no such alignment, so the tables live on the heap.
func aligned64[T any](v T) *T {
	buf := make([]byte, unsafe.Sizeof(v)+63)
	off := -uintptr(unsafe.Pointer(unsafe.SliceData(buf))) & 63
	p := (*T)(unsafe.Pointer(&buf[off]))
	*p = v
	return p
}

// ntBlock is the multiple of bytes the non-temporal kernels take; their
// dst starts on a 64-byte boundary.
const ntBlock = 256

// ntSpan returns how a dst of ntBytes or more splits around a
// non-temporal kernel: the h elements before its first 64-byte boundary
// (done with ordinary stores), then m elements, a multiple of ntBlock
// bytes, for the kernel; the rest is again for ordinary stores. m is 0
// when dst is shorter, or its elements are not aligned to their size.
func ntSpan[T any](dst []T) (h, m int) {
	size := int(unsafe.Sizeof(*new(T)))
	if len(dst)*size < ntBytes {
		return 0, 0
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(dst)))
	if p%uintptr(size) != 0 {
		return 0, 0
	}
	h = int(-p&63) / size
	return h, (len(dst) - h) &^ (ntBlock/size - 1)
}

// unaryRun runs the one-input block kernel k (a conversion, negate or
// abs) over the whole blocks of dst and its twin g over the rest; nt,
// k's non-temporal variant if there is one, takes the middle of a long
// dst (ntSpan), g the elements before it. len(a) == len(dst).
func unaryRun[D, S any](dst []D, a []S, k, nt, g func([]D, []S)) {
	a = a[:len(dst)]
	if nt != nil {
		if h, m := ntSpan(dst); m > 0 {
			g(dst[:h], a[:h])
			nt(dst[h:h+m], a[h:h+m])
			dst, a = dst[h+m:], a[h+m:]
		}
	}
	n := len(dst) &^ (blockLen - 1)
	k(dst[:n], a[:n])
	g(dst[n:], a[n:])
}
