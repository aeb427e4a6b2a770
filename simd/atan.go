package simd

import "sync/atomic"

//go:generate go run -C _asm -mod=mod . -out ../atan_amd64.s -stubs ../atan_amd64.go -pkg simd -set atan

// The inverse tangent kernels, arctan and arctan2. They have their own
// implementation table (atanKernels), chosen at start-up like the main
// one and switched together with it by use in tests. The assembly
// handles whole vectors; the tail, and a vector holding an argument the
// assembly leaves alone, go to the Go twin, which gives the same bits
// for the arguments the assembly handles. The arctan kernels leave NaN
// and |x| > 2¹⁰⁰⁰ (float32: 2¹⁰⁰) to the twin, the arctan2 kernels a
// NaN, max(|y|, |x|) > 2⁵⁰⁰ (infinities included) and
// 0 < min(|y|, |x|) < 2⁻⁵⁰⁰ (float32: 2⁶⁰, 2⁻⁶⁰); zeros of either sign
// are in the vector path. Runs whose results fill ntBytes or more are
// written with non-temporal stores.

// Measured max errors, in ULPs of the exactly rounded result: float64
// against a math/big reference (TestAtanAccuracy64 with -atan.full:
// 400000 arguments and pairs, ordinary and extreme), float32 against
// float64 math (TestAtanAccuracy32 with -atan.full: every 3rd float32,
// 4 million pairs). The largest errors are where |z| = min/max is near
// 1 and the polynomial's part of the result is largest. Every
// implementation gives the same bits, so the bounds hold for all.
const (
	atanULP64  = 1.18
	atan2ULP64 = 1.53
	atanULP32  = 1.22
	atan2ULP32 = 1.60
)

// AtanFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Atan(a[i])
//	}
//
// with a max error of 1.18 ULP (measured against a math/big reference),
// atan(±0) = ±0, atan(±Inf) = ±π/2 and NaN for NaN. It panics unless
// len(a) == len(dst).
func AtanFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	atanActive.Load().atan64(dst, a)
}

// AtanFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Atan(float64(a[i])))
//	}
//
// in float32 arithmetic, with a max error of 1.22 ULP (measured against
// float64 math) and the special values of AtanFloat64. It panics unless
// len(a) == len(dst).
func AtanFloat32(dst, a []float32) {
	check2(len(dst), len(a))
	atanActive.Load().atan32(dst, a)
}

// Atan2Float64 computes
//
//	for i := range dst {
//		dst[i] = math.Atan2(y[i], x[i])
//	}
//
// the angle of the point (x[i], y[i]) in [-π, π], with a max error of
// 1.53 ULP (measured against a math/big reference) and the special
// values of C99 and NumPy: atan2(±0, x) = ±0 for x > 0 or x = +0 and ±π
// for x < 0 or x = -0, atan2(y, ±0) = ±π/2 for y ≠ 0, ±π/4 and ±3π/4 for
// two infinities, and NaN if either operand is NaN. It panics unless
// len(y) == len(x) == len(dst).
func Atan2Float64(dst, y, x []float64) {
	check3(len(dst), len(y), len(x))
	atanActive.Load().atan2_64(dst, y, x)
}

// Atan2Float32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Atan2(float64(y[i]), float64(x[i])))
//	}
//
// in float32 arithmetic, with a max error of 1.60 ULP (measured against
// float64 math) and the special values of Atan2Float64. It panics
// unless len(y) == len(x) == len(dst).
func Atan2Float32(dst, y, x []float32) {
	check3(len(dst), len(y), len(x))
	atanActive.Load().atan2_32(dst, y, x)
}

// atanKernels is one implementation of the inverse tangent kernels.
type atanKernels struct {
	name     string
	atan64   func(dst, a []float64)
	atan32   func(dst, a []float32)
	atan2_64 func(dst, y, x []float64)
	atan2_32 func(dst, y, x []float32)
}

var atanGoKernels = &atanKernels{
	name:     "go",
	atan64:   unaryGo(atan64),
	atan32:   unaryGo(atan32),
	atan2_64: binaryGo(atan2_64),
	atan2_32: binaryGo(atan2_32),
}

// atanImpls are the implementations this CPU can run, best first, with
// the names of the main table's (see Implementations).
var atanImpls []*atanKernels

// atanActive is the implementation in use; only tests replace it.
var atanActive atomic.Pointer[atanKernels]

func init() {
	atanImpls = append(archAtanKernels(), atanGoKernels)
	atanActive.Store(atanImpls[0])
	useHooks = append(useHooks, useAtan)
}

// useAtan makes the named implementation of the inverse tangent kernels
// active, if there is one, for use.
func useAtan(name string) (restore func()) {
	for _, k := range atanImpls {
		if k.name == name {
			prev := atanActive.Swap(k)
			return func() { atanActive.Store(prev) }
		}
	}
	return func() {}
}

// binaryGo applies f to every pair of elements.
func binaryGo[T float](f func(y, x T) T) func(dst, y, x []T) {
	return func(dst, y, x []T) {
		y, x = y[:len(dst)], x[:len(dst)]
		for i := range dst {
			dst[i] = f(y[i], x[i])
		}
	}
}

// blockKernel2 is blockKernel with two operands.
type blockKernel2[T float] func(dst, y, x []T, nt bool) int

// runBlocks2 is runBlocks for a kernel of two operands: dst[i] =
// f(y[i], x[i]) with the block kernel k and the Go twin f for the
// vectors k leaves and the tail.
func runBlocks2[T float](dst, y, x []T, lanes int, k blockKernel2[T], f func(y, x T) T) {
	y, x = y[:len(dst)], x[:len(dst)]
	h, m := ntSpan(dst)
	nt := m > 0
	if nt { // the twin up to the first 64-byte boundary
		for i := range h {
			dst[i] = f(y[i], x[i])
		}
		dst, y, x = dst[h:], y[h:], x[h:]
	}
	for len(dst) > 0 {
		n := k(dst, y, x, nt)
		dst, y, x = dst[n:], y[n:], x[n:]
		m := min(len(dst), lanes)
		for i := range m {
			dst[i] = f(y[i], x[i])
		}
		dst, y, x = dst[m:], y[m:], x[m:]
	}
}
