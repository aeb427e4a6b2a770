//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// archTrigKernels returns the assembly implementations of the kernels of
// trig.go this CPU supports, best first, named as in archKernels. The
// avx512 one differs in the sine, cosine and square roots; the
// comparisons (bound by memory) are the AVX2 kernels in both.
func archTrigKernels() []*trigKernels {
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	if cpu.X86.HasAVX512F {
		return []*trigKernels{trigAVX512Kernels, trigAVX2Kernels}
	}
	return []*trigKernels{trigAVX2Kernels}
}

// Lanes of a vector: float64 and float32, AVX2 and AVX-512.
const (
	lanes64x2, lanes32x2 = 4, 8
	lanes64x5            = 8
)

var trigAVX2Kernels = &trigKernels{
	name:   "avx2",
	sin64:  func(dst, a []float64) { trigRun64(dst, a, sinAVX2, sin64) },
	cos64:  func(dst, a []float64) { trigRun64(dst, a, cosAVX2, cos64) },
	sin32:  func(dst, a []float32) { trigRun32(dst, a, sinAVX2, sin32) },
	cos32:  func(dst, a []float32) { trigRun32(dst, a, cosAVX2, cos32) },
	sqrt64: func(dst, a []float64) { sqrtRun(dst, a, lanes64x2, sqrtFloat64AVX2, sqrtFloat64AVX2NT, sqrt64) },
	sqrt32: func(dst, a []float32) { sqrtRun(dst, a, lanes32x2, sqrtFloat32AVX2, sqrtFloat32AVX2NT, sqrt32) },
	cmp64: [numCmp]func(dst []bool, a, b []float64){
		cmpBlocks(equalFloat64AVX2, cmpEqGo[float64]),
		cmpBlocks(notEqualFloat64AVX2, cmpNeGo[float64]),
		cmpBlocks(lessFloat64AVX2, cmpLtGo[float64]),
		cmpBlocks(lessEqualFloat64AVX2, cmpLeGo[float64]),
		cmpBlocks(greaterFloat64AVX2, cmpGtGo[float64]),
		cmpBlocks(greaterEqualFloat64AVX2, cmpGeGo[float64]),
	},
	cmp32: [numCmp]func(dst []bool, a, b []float32){
		cmpBlocks(equalFloat32AVX2, cmpEqGo[float32]),
		cmpBlocks(notEqualFloat32AVX2, cmpNeGo[float32]),
		cmpBlocks(lessFloat32AVX2, cmpLtGo[float32]),
		cmpBlocks(lessEqualFloat32AVX2, cmpLeGo[float32]),
		cmpBlocks(greaterFloat32AVX2, cmpGtGo[float32]),
		cmpBlocks(greaterEqualFloat32AVX2, cmpGeGo[float32]),
	},
	cmpS64: [numCmp]func(dst []bool, a []float64, s float64){
		cmpScalarBlocks(equalFloat64ScalarAVX2, cmpEqScalarGo[float64]),
		cmpScalarBlocks(notEqualFloat64ScalarAVX2, cmpNeScalarGo[float64]),
		cmpScalarBlocks(lessFloat64ScalarAVX2, cmpLtScalarGo[float64]),
		cmpScalarBlocks(lessEqualFloat64ScalarAVX2, cmpLeScalarGo[float64]),
		cmpScalarBlocks(greaterFloat64ScalarAVX2, cmpGtScalarGo[float64]),
		cmpScalarBlocks(greaterEqualFloat64ScalarAVX2, cmpGeScalarGo[float64]),
	},
	cmpS32: [numCmp]func(dst []bool, a []float32, s float32){
		cmpScalarBlocks(equalFloat32ScalarAVX2, cmpEqScalarGo[float32]),
		cmpScalarBlocks(notEqualFloat32ScalarAVX2, cmpNeScalarGo[float32]),
		cmpScalarBlocks(lessFloat32ScalarAVX2, cmpLtScalarGo[float32]),
		cmpScalarBlocks(lessEqualFloat32ScalarAVX2, cmpLeScalarGo[float32]),
		cmpScalarBlocks(greaterFloat32ScalarAVX2, cmpGtScalarGo[float32]),
		cmpScalarBlocks(greaterEqualFloat32ScalarAVX2, cmpGeScalarGo[float32]),
	},
	cmpI64: [numCmp]func(dst []bool, a, b []int64){
		cmpBlocks(equalInt64AVX2, cmpEqGo[int64]),
		cmpBlocks(notEqualInt64AVX2, cmpNeGo[int64]),
		cmpBlocks(lessInt64AVX2, cmpLtGo[int64]),
		cmpBlocks(lessEqualInt64AVX2, cmpLeGo[int64]),
		cmpBlocks(greaterInt64AVX2, cmpGtGo[int64]),
		cmpBlocks(greaterEqualInt64AVX2, cmpGeGo[int64]),
	},
	cmpI32: [numCmp]func(dst []bool, a, b []int32){
		cmpBlocks(equalInt32AVX2, cmpEqGo[int32]),
		cmpBlocks(notEqualInt32AVX2, cmpNeGo[int32]),
		cmpBlocks(lessInt32AVX2, cmpLtGo[int32]),
		cmpBlocks(lessEqualInt32AVX2, cmpLeGo[int32]),
		cmpBlocks(greaterInt32AVX2, cmpGtGo[int32]),
		cmpBlocks(greaterEqualInt32AVX2, cmpGeGo[int32]),
	},
	cmpSI64: [numCmp]func(dst []bool, a []int64, s int64){
		cmpScalarBlocks(equalInt64ScalarAVX2, cmpEqScalarGo[int64]),
		cmpScalarBlocks(notEqualInt64ScalarAVX2, cmpNeScalarGo[int64]),
		cmpScalarBlocks(lessInt64ScalarAVX2, cmpLtScalarGo[int64]),
		cmpScalarBlocks(lessEqualInt64ScalarAVX2, cmpLeScalarGo[int64]),
		cmpScalarBlocks(greaterInt64ScalarAVX2, cmpGtScalarGo[int64]),
		cmpScalarBlocks(greaterEqualInt64ScalarAVX2, cmpGeScalarGo[int64]),
	},
	cmpSI32: [numCmp]func(dst []bool, a []int32, s int32){
		cmpScalarBlocks(equalInt32ScalarAVX2, cmpEqScalarGo[int32]),
		cmpScalarBlocks(notEqualInt32ScalarAVX2, cmpNeScalarGo[int32]),
		cmpScalarBlocks(lessInt32ScalarAVX2, cmpLtScalarGo[int32]),
		cmpScalarBlocks(lessEqualInt32ScalarAVX2, cmpLeScalarGo[int32]),
		cmpScalarBlocks(greaterInt32ScalarAVX2, cmpGtScalarGo[int32]),
		cmpScalarBlocks(greaterEqualInt32ScalarAVX2, cmpGeScalarGo[int32]),
	},
}

var trigAVX512Kernels = func() *trigKernels {
	k := *trigAVX2Kernels
	k.name = "avx512"
	k.sin64 = func(dst, a []float64) { trigRun64(dst, a, sinAVX512, sin64) }
	k.cos64 = func(dst, a []float64) { trigRun64(dst, a, cosAVX512, cos64) }
	k.sin32 = func(dst, a []float32) { trigRun32(dst, a, sinAVX512, sin32) }
	k.cos32 = func(dst, a []float32) { trigRun32(dst, a, cosAVX512, cos32) }
	k.sqrt64 = func(dst, a []float64) { sqrtRun(dst, a, lanes64x5, sqrtFloat64AVX512, sqrtFloat64AVX512NT, sqrt64) }
	k.sqrt32 = func(dst, a []float32) { sqrtRun(dst, a, 2*lanes64x5, sqrtFloat32AVX512, sqrtFloat32AVX512NT, sqrt32) }
	return &k
}()

// trigKernel names a sine or cosine block kernel.
type trigKernel uint8

const (
	sinAVX2 trigKernel = iota
	cosAVX2
	sinAVX512
	cosAVX512
)

// block64 is the number of float64 elements k computes at a time (see
// trigUnroll in _asm/trig.go): two ymm or four zmm vectors; it does
// twice as many float32 elements.
func (k trigKernel) block64() int {
	if k >= sinAVX512 {
		return 4 * lanes64x5
	}
	return 2 * lanes64x2
}

// run64 and run32 call the kernel directly, so that the stack buffers of
// the tails do not escape.
func (k trigKernel) run64(dst, a []float64, nt bool) int {
	c := &trigRows64[0][0]
	switch k {
	case sinAVX2:
		return sinFloat64AVX2(dst, a, c, nt)
	case cosAVX2:
		return cosFloat64AVX2(dst, a, c, nt)
	case sinAVX512:
		return sinFloat64AVX512(dst, a, c, nt)
	}
	return cosFloat64AVX512(dst, a, c, nt)
}

func (k trigKernel) run32(dst, a []float32, nt bool) int {
	c := &trigRows32[0][0]
	switch k {
	case sinAVX2:
		return sinFloat32AVX2(dst, a, c, nt)
	case cosAVX2:
		return cosFloat32AVX2(dst, a, c, nt)
	case sinAVX512:
		return sinFloat32AVX512(dst, a, c, nt)
	}
	return cosFloat32AVX512(dst, a, c, nt)
}

// trigRun64 computes dst[i] = f(a[i]) with the kernel k and its Go twin
// f: the blocks with trigBlocks, the tail through k on a copy padded
// with zeros (an ordinary argument), or with f if it holds an argument
// left to the twin. Results of ntBytes or more are stored with
// non-temporal hints, after f has done the elements before the first
// vector-aligned one.
func trigRun64(dst, a []float64, k trigKernel, f func(float64) float64) {
	b := k.block64()
	dst, a = trigBlocks(dst, a, b, k.run64, f)
	if len(dst) == 0 {
		return
	}
	var in, out [maxTrigBlock]float64
	copy(in[:], a)
	if k.run64(out[:b], in[:b], false) == b {
		copy(dst, out[:])
		return
	}
	for i, x := range a {
		dst[i] = f(x)
	}
}

// trigRun32 is trigRun64 for float32.
func trigRun32(dst, a []float32, k trigKernel, f func(float32) float32) {
	b := 2 * k.block64()
	dst, a = trigBlocks(dst, a, b, k.run32, f)
	if len(dst) == 0 {
		return
	}
	var in, out [maxTrigBlock]float32
	copy(in[:], a)
	if k.run32(out[:b], in[:b], false) == b {
		copy(dst, out[:])
		return
	}
	for i, x := range a {
		dst[i] = f(x)
	}
}

// maxTrigBlock is the longest block: four AVX-512 vectors of float32.
const maxTrigBlock = 64

// trigBlocks computes dst[i] = f(a[i]) with the block kernel k, which
// computes whole blocks of the given length from the start until one
// holds an argument it leaves to the Go twin f, and returns how many
// elements it did; f does that block. It returns the tail shorter than
// a block, left undone. When dst is ntBytes or longer, f first does the
// elements before its first 64-byte boundary (ntSpan) and k stores
// around the caches.
func trigBlocks[T float](dst, a []T, block int, k func(dst, a []T, nt bool) int, f func(T) T) (tailDst, tailA []T) {
	a = a[:len(dst)]
	h, m := ntSpan(dst)
	nt := m > 0
	if nt {
		for i, x := range a[:h] {
			dst[i] = f(x)
		}
		dst, a = dst[h:], a[h:]
	}
	for len(dst) >= block {
		n := k(dst, a, nt)
		dst, a = dst[n:], a[n:]
		if len(dst) < block {
			break
		}
		for i, x := range a[:block] {
			dst[i] = f(x)
		}
		dst, a = dst[block:], a[block:]
	}
	return dst, a
}

// sqrtRun runs the square-root kernel k (whole vectors of the given
// number of lanes) over the longest multiple of lanes and f over the
// rest; nt, k's non-temporal variant, takes the middle of a long dst
// (ntSpan), f the elements before it.
func sqrtRun[T float](dst, a []T, lanes int, k, nt func(dst, a []T), f func(T) T) {
	a = a[:len(dst)]
	if h, m := ntSpan(dst); m > 0 {
		for i, x := range a[:h] {
			dst[i] = f(x)
		}
		nt(dst[h:h+m], a[h:h+m])
		dst, a = dst[h+m:], a[h+m:]
	}
	n := len(dst) &^ (lanes - 1)
	k(dst[:n], a[:n])
	for i, x := range a[n:] {
		dst[n+i] = f(x)
	}
}

// cmpBlocks runs the comparison kernel k (blocks of 8 elements) over the
// longest multiple of 8 and the Go twin g over the rest.
func cmpBlocks[T cmpElem](k func(dst []bool, a, b []T, tab *uint64), g func(dst []bool, a, b []T)) func(dst []bool, a, b []T) {
	return func(dst []bool, a, b []T) {
		n := len(dst) &^ 7
		if n > 0 {
			k(dst[:n], a[:n], b[:n], &cmpBytes[0])
		}
		g(dst[n:], a[n:len(dst)], b[n:len(dst)])
	}
}

// cmpScalarBlocks is cmpBlocks for the comparisons with a scalar.
func cmpScalarBlocks[T cmpElem](k func(dst []bool, a []T, s T, tab *uint64), g func(dst []bool, a []T, s T)) func(dst []bool, a []T, s T) {
	return func(dst []bool, a []T, s T) {
		n := len(dst) &^ 7
		if n > 0 {
			k(dst[:n], a[:n], s, &cmpBytes[0])
		}
		g(dst[n:], a[n:len(dst)], s)
	}
}
