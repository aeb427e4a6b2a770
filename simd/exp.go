package simd

import (
	"sync/atomic"

	"github.com/pluribus-go/pluribus/internal/cpu"
)

//go:generate go run -C _asm -mod=mod . -out ../exp_amd64.s -stubs ../exp_amd64.go -pkg simd -set exp

// The exp, log (and log2, log10) and tanh kernels. They have their own
// implementation table (expKernels), chosen at start-up like the main
// one (the avx512 implementation needs AVX512DQ as well) and switched
// together with it by use in tests. The assembly handles whole vectors;
// the tail, and a vector holding an argument the assembly leaves alone,
// go to the Go twin, which gives the same bits for the arguments the
// assembly handles. The AVX-512 exp and both tanh kernels handle every argument;
// the AVX2 exp leaves |x| > 708 and NaN (results that overflow or are
// subnormal), both log kernels anything but positive normal numbers.
//
// Runs whose results fill ntBytes or more are written with non-temporal
// stores, around the caches.

// Measured max errors, in ULPs of the exactly rounded result: float64
// against a math/big reference on 200000 arguments (250000 for exp),
// float32 against float64 math on every 7th float32 bit pattern
// (go test -run ExpAccuracy -exp.full; by default the tests check a
// part of them). Every implementation gives the same bits, so the
// bounds hold for all.
const (
	expULP64   = 0.88
	expULP32   = 0.89
	expm1ULP64 = 1.28
	logULP64   = 0.68
	logULP32   = 0.59
	log2ULP64  = 0.66
	log10ULP64 = 0.67
	log1pULP64 = 0.67
	exp2ULP64  = 0.87
	coshULP64  = 1.17
	sinhULP64  = 1.67
	tanhULP64  = 2.34
	tanhULP32  = 2.6
)

// ExpFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Exp(a[i])
//	}
//
// with a max error of 0.88 ULP (measured against a math/big reference),
// +Inf for a[i] > 709.78, 0 below -745.14, gradual subnormal results in
// between, and NaN for NaN. It panics unless len(a) == len(dst).
func ExpFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().exp64(dst, a)
}

// ExpFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Exp(float64(a[i])))
//	}
//
// in float32 arithmetic, with a max error of 0.89 ULP (measured), +Inf
// for a[i] > 88.72, 0 below -103.98, gradual subnormal results in
// between, and NaN for NaN. It panics unless len(a) == len(dst).
func ExpFloat32(dst, a []float32) {
	check2(len(dst), len(a))
	expActive.Load().exp32(dst, a)
}

// Exp2Float64 computes
//
//	for i := range dst {
//		dst[i] = math.Exp2(a[i])
//	}
//
// as 2ᵏ·eʳ with k the integer nearest a[i] and r = (a[i] - k)·ln 2 (the
// polynomial of ExpFloat64): a max error of 0.87 ULP (measured against a
// math/big reference), 2^a[i] exactly for integral a[i], +Inf above
// 1024, 0 below -1075, gradual subnormal results in between, NaN for
// NaN. It panics unless len(a) == len(dst).
func Exp2Float64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().exp2_64(dst, a)
}

// CoshFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Cosh(a[i])
//	}
//
// as (e + 1/e)/2 with e = exp(|a[i]|) from ExpFloat64's kernel: a max
// error of 1.17 ULP (measured against a math/big reference), +Inf beyond
// 710.4758, NaN for NaN. It panics unless len(a) == len(dst).
func CoshFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().cosh64(dst, a)
}

// SinhFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Sinh(a[i])
//	}
//
// as ±(t + t/(t + 1))/2 with t = expm1(|a[i]|) from Expm1Float64's
// kernel (±(2t - t·t/(t + 1))/2 below 1): a max error of 1.67 ULP
// (measured against a math/big reference),
// sinh(±0) = ±0, ±Inf beyond ±710.4758, NaN for NaN. It panics unless
// len(a) == len(dst).
func SinhFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().sinh64(dst, a)
}

// Expm1Float64 computes
//
//	for i := range dst {
//		dst[i] = math.Expm1(a[i])
//	}
//
// as 2ᵏ(eʳ - 1) + (2ᵏ - 1) with a[i] = k·ln2 + r (the reduction and
// polynomial of ExpFloat64), accurate near 0: a max error of 1.28 ULP
// (measured against a math/big reference; the largest errors are for
// 0.3 < a[i] < 0.7, where the result is smaller than the polynomial's
// e^r), expm1(±0) = ±0, +Inf above 709.78, -1 below -37.43, NaN for
// NaN. It panics unless len(a) == len(dst).
func Expm1Float64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().expm1_64(dst, a)
}

// LogFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Log(a[i])
//	}
//
// with a max error of 0.68 ULP (measured against a math/big reference,
// subnormal arguments included), log(±0) = -Inf, log(x < 0) = NaN,
// log(+Inf) = +Inf and NaN for NaN. It panics unless len(a) == len(dst).
func LogFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().log64(dst, a)
}

// Log2Float64 computes
//
//	for i := range dst {
//		dst[i] = math.Log2(a[i])
//	}
//
// as LogFloat64's result, before its last rounding, times 1/ln 2 (both
// kept to about twice float64's precision): a max error of 0.66 ULP
// (measured against a math/big reference), exact for powers of two, and
// the special values of LogFloat64. It panics unless len(a) == len(dst).
func Log2Float64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().log2_64(dst, a)
}

// Log10Float64 computes
//
//	for i := range dst {
//		dst[i] = math.Log10(a[i])
//	}
//
// as Log2Float64 does with 1/ln 10: a max error of 0.67 ULP (measured
// against a math/big reference), exact for powers of ten, and the
// special values of LogFloat64. It panics unless len(a) == len(dst).
func Log10Float64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().log10_64(dst, a)
}

// Log1pFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Log1p(a[i])
//	}
//
// as log(u) + (a[i] - (u - 1))/u with u = 1 + a[i] rounded (the log of
// LogFloat64 before its last rounding, the correction added to its low
// part): a max error of 0.67 ULP (measured against a math/big reference),
// log1p(±0) = ±0, log1p(-1) = -Inf, NaN below -1, +Inf for +Inf and NaN
// for NaN. It panics unless len(a) == len(dst).
func Log1pFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().log1p64(dst, a)
}

// LogFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Log(float64(a[i])))
//	}
//
// in float32 arithmetic, with a max error of 0.59 ULP (measured) and the
// special values of LogFloat64. It panics unless len(a) == len(dst).
func LogFloat32(dst, a []float32) {
	check2(len(dst), len(a))
	expActive.Load().log32(dst, a)
}

// TanhFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Tanh(a[i])
//	}
//
// with a max error of 2.34 ULP (measured against a math/big reference),
// tanh(±Inf) = ±1, tanh(±0) = ±0 and NaN for NaN. It panics unless
// len(a) == len(dst).
func TanhFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	expActive.Load().tanh64(dst, a)
}

// TanhFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Tanh(float64(a[i])))
//	}
//
// in float32 arithmetic, with a max error of 2.6 ULP (measured) and the
// special values of TanhFloat64. It panics unless len(a) == len(dst).
func TanhFloat32(dst, a []float32) {
	check2(len(dst), len(a))
	expActive.Load().tanh32(dst, a)
}

// expKernels is one implementation of the exp, log and tanh kernels.
type expKernels struct {
	name                 string
	exp64, log64, tanh64 func(dst, a []float64)
	log2_64, log10_64    func(dst, a []float64)
	log1p64, exp2_64     func(dst, a []float64)
	cosh64, sinh64       func(dst, a []float64)
	expm1_64             func(dst, a []float64)
	exp32, log32, tanh32 func(dst, a []float32)
	pow64, hypot64       func(dst, x, y []float64)
	powS64               func(dst, x []float64, y float64)
}

var expGoKernels = &expKernels{
	name:  "go",
	exp64: expFloat64Go, log64: logFloat64Go, tanh64: tanhFloat64Go,
	log2_64: log2Float64Go, log10_64: log10Float64Go, expm1_64: expm1Float64Go, log1p64: log1pFloat64Go, exp2_64: exp2Float64Go, cosh64: coshFloat64Go, sinh64: sinhFloat64Go,
	exp32: expFloat32Go, log32: logFloat32Go, tanh32: tanhFloat32Go,
	pow64: powFloat64Go, powS64: powScalarFloat64Go, hypot64: hypotFloat64Go,
}

// expImpls are the implementations this CPU can run, best first, with
// the names of the main table's (see Implementations).
var expImpls []*expKernels

// expActive is the implementation in use.
var expActive atomic.Pointer[expKernels]

func init() {
	expImpls = append(archExpKernels(), expGoKernels)
	expActive.Store(expImpls[0])
	useHooks = append(useHooks, useExp)
}

// useExp makes the named implementation of the exp kernels active, if
// there is one, for use.
func useExp(name string) (restore func()) {
	for _, k := range expImpls {
		if k.name == name {
			prev := expActive.Swap(k)
			return func() { expActive.Store(prev) }
		}
	}
	return func() {}
}

// blockKernel is an assembly kernel: it handles the whole vectors of
// lanes elements at the start of a up to the first that holds an
// argument it leaves to the twin, and returns how many elements it did.
// With nt, dst is aligned to the vector width and the kernel stores with
// non-temporal hints.
type blockKernel[T float] func(dst, a []T, nt bool) int

// ntBytes is the size of dst from which the kernels store with
// non-temporal hints, writing around the caches: that saves reading
// every destination line first (as memcpy does for large copies), but
// leaves the result in memory, not in the cache, for whatever reads it
// next. It is a quarter of the last-level cache (ntThreshold), so a
// result that the cache would keep beside its operands is stored
// normally. Tests lower it to run the non-temporal kernels on short
// slices (setNTBytes); nothing else writes it.
var ntBytes = ntThreshold(cpu.LastLevelCache)

// ntThreshold returns ntBytes for a last-level cache of llc bytes: a
// quarter of it, at least 2 MiB (also when the size is unknown), a
// multiple of ntBlock. With a 32 MiB L3 a unary result of 1e6 float64
// (7.6 MiB) is stored normally, and repeated calls find their operand
// and result in the L3: a scalar multiply took 267 us instead of the
// 345 us it took with non-temporal stores from 2 MiB, floor 254 instead
// of 332. From 1e7 elements on, where nothing stays in the cache, the
// non-temporal stores save a third of an add's traffic.
func ntThreshold(llc int) int {
	return max(llc/4, 2<<20) &^ (ntBlock - 1)
}

// runBlocks computes dst[i] = f(a[i]) with the block kernel k and the Go
// twin f for the vectors k leaves and the tail; a dst of ntBytes or more
// is stored around the caches (ntSpan).
func runBlocks[T float](dst, a []T, lanes int, k blockKernel[T], f func(T) T) {
	a = a[:len(dst)]
	h, m := ntSpan(dst)
	nt := m > 0
	if nt { // the twin up to the first 64-byte boundary
		for i, x := range a[:h] {
			dst[i] = f(x)
		}
		dst, a = dst[h:], a[h:]
	}
	for len(dst) > 0 {
		n := k(dst, a, nt)
		dst, a = dst[n:], a[n:]
		m := min(len(dst), lanes)
		for i, x := range a[:m] {
			dst[i] = f(x)
		}
		dst, a = dst[m:], a[m:]
	}
}
