//go:build amd64 && !purego

package simd

import (
	"github.com/pluribus-go/pluribus/internal/cpu"
	"github.com/pluribus-go/pluribus/internal/mathx"
)

// archExpKernels returns the assembly implementations of the exp, log and
// tanh kernels this CPU supports, best first, named as in archKernels.
func archExpKernels() []*expKernels {
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	if cpu.X86.HasAVX512F {
		return []*expKernels{expAVX512Kernels, expAVX2Kernels}
	}
	return []*expKernels{expAVX2Kernels}
}

var expAVX2Kernels = &expKernels{
	name: "avx2",
	exp64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return expFloat64AVX2(d, s, &expRows64[0][0], nt) }, exp64)
	},
	expm1_64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return expm1Float64AVX2(d, s, &expRows64[0][0], nt) }, expm1_64)
	},
	log64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return logFloat64AVX2(d, s, &logRows64[0][0], nt) }, log64)
	},
	log2_64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return log2Float64AVX2(d, s, &logRows64[0][0], nt) }, log2_64)
	},
	log10_64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return log10Float64AVX2(d, s, &logRows64[0][0], nt) }, log10_64)
	},
	log1p64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return log1pFloat64AVX2(d, s, &logRows64[0][0], nt) }, log1p64)
	},
	exp2_64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return exp2Float64AVX2(d, s, &expRows64[0][0], nt) }, exp2_64)
	},
	cosh64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return coshFloat64AVX2(d, s, &expRows64[0][0], nt) }, cosh64)
	},
	sinh64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return sinhFloat64AVX2(d, s, &expRows64[0][0], nt) }, sinh64)
	},
	tanh64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return tanhFloat64AVX2(d, s, &expRows64[0][0], nt) }, tanh64)
	},
	exp32: func(dst, a []float32) {
		runBlocks(dst, a, 8, func(d, s []float32, nt bool) int { return expFloat32AVX2(d, s, &expRows32[0][0], nt) }, exp32)
	},
	log32: func(dst, a []float32) {
		runBlocks(dst, a, 8, func(d, s []float32, nt bool) int { return logFloat32AVX2(d, s, &logRows32[0][0], nt) }, log32)
	},
	tanh32: func(dst, a []float32) {
		runBlocks(dst, a, 8, func(d, s []float32, nt bool) int { return tanhFloat32AVX2(d, s, &expRows32[0][0], nt) }, tanh32)
	},
	pow64: func(dst, x, y []float64) {
		runBin(dst, x, y, 4, func(d, x, y []float64) int { return powFloat64AVX2(d, x, y, &powRows[0]) }, pow64)
	},
	powS64: func(dst, x []float64, y float64) {
		runPowScalar(dst, x, y, 4, func(d, x []float64, y float64) int { return powScalarFloat64AVX2(d, x, y, &powRows[0]) })
	},
	hypot64: func(dst, x, y []float64) {
		runBin(dst, x, y, 4, func(d, x, y []float64) int { return hypotFloat64AVX2(d, x, y, &powRows[0]) }, mathx.Hypot)
	},
}

var expAVX512Kernels = &expKernels{
	name: "avx512",
	exp64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return expFloat64AVX512(d, s, &expRows64[0][0], nt) }, exp64)
	},
	expm1_64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return expm1Float64AVX512(d, s, &expRows64[0][0], nt) }, expm1_64)
	},
	log64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return logFloat64AVX512(d, s, &logRows64[0][0], nt) }, log64)
	},
	log2_64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return log2Float64AVX512(d, s, &logRows64[0][0], nt) }, log2_64)
	},
	log10_64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return log10Float64AVX512(d, s, &logRows64[0][0], nt) }, log10_64)
	},
	log1p64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return log1pFloat64AVX512(d, s, &logRows64[0][0], nt) }, log1p64)
	},
	exp2_64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return exp2Float64AVX512(d, s, &expRows64[0][0], nt) }, exp2_64)
	},
	cosh64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return coshFloat64AVX512(d, s, &expRows64[0][0], nt) }, cosh64)
	},
	sinh64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return sinhFloat64AVX512(d, s, &expRows64[0][0], nt) }, sinh64)
	},
	tanh64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return tanhFloat64AVX512(d, s, &expRows64[0][0], nt) }, tanh64)
	},
	exp32: func(dst, a []float32) {
		runBlocks(dst, a, 16, func(d, s []float32, nt bool) int { return expFloat32AVX512(d, s, &expRows32[0][0], nt) }, exp32)
	},
	log32: func(dst, a []float32) {
		runBlocks(dst, a, 16, func(d, s []float32, nt bool) int { return logFloat32AVX512(d, s, &logRows32[0][0], nt) }, log32)
	},
	tanh32: func(dst, a []float32) {
		runBlocks(dst, a, 16, func(d, s []float32, nt bool) int { return tanhFloat32AVX512(d, s, &expRows32[0][0], nt) }, tanh32)
	},
	pow64: func(dst, x, y []float64) {
		runBin(dst, x, y, 8, func(d, x, y []float64) int { return powFloat64AVX512(d, x, y, &powRows[0]) }, pow64)
	},
	powS64: func(dst, x []float64, y float64) {
		runPowScalar(dst, x, y, 8, func(d, x []float64, y float64) int { return powScalarFloat64AVX512(d, x, y, &powRows[0]) })
	},
	hypot64: func(dst, x, y []float64) {
		runBin(dst, x, y, 8, func(d, x, y []float64) int { return hypotFloat64AVX512(d, x, y, &powRows[0]) }, mathx.Hypot)
	},
}
