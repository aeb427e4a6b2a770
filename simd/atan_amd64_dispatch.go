//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// archAtanKernels returns the assembly implementations of the arctan
// kernels this CPU supports, best first, named as in archKernels. The
// avx512 one needs AVX512F only.
func archAtanKernels() []*atanKernels {
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	if cpu.X86.HasAVX512F {
		return []*atanKernels{atanAVX512Kernels, atanAVX2Kernels}
	}
	return []*atanKernels{atanAVX2Kernels}
}

var atanAVX2Kernels = &atanKernels{
	name: "avx2",
	atan64: func(dst, a []float64) {
		runBlocks(dst, a, 4, func(d, s []float64, nt bool) int { return atanFloat64AVX2(d, s, &atanRows64[0][0], nt) }, atan64)
	},
	atan32: func(dst, a []float32) {
		runBlocks(dst, a, 8, func(d, s []float32, nt bool) int { return atanFloat32AVX2(d, s, &atanRows32[0][0], nt) }, atan32)
	},
	atan2_64: func(dst, y, x []float64) {
		runBlocks2(dst, y, x, 4, func(d, y, x []float64, nt bool) int { return atan2Float64AVX2(d, y, x, &atanRows64[0][0], nt) }, atan2_64)
	},
	atan2_32: func(dst, y, x []float32) {
		runBlocks2(dst, y, x, 8, func(d, y, x []float32, nt bool) int { return atan2Float32AVX2(d, y, x, &atanRows32[0][0], nt) }, atan2_32)
	},
}

var atanAVX512Kernels = &atanKernels{
	name: "avx512",
	atan64: func(dst, a []float64) {
		runBlocks(dst, a, 8, func(d, s []float64, nt bool) int { return atanFloat64AVX512(d, s, &atanRows64[0][0], nt) }, atan64)
	},
	atan32: func(dst, a []float32) {
		runBlocks(dst, a, 16, func(d, s []float32, nt bool) int { return atanFloat32AVX512(d, s, &atanRows32[0][0], nt) }, atan32)
	},
	atan2_64: func(dst, y, x []float64) {
		runBlocks2(dst, y, x, 8, func(d, y, x []float64, nt bool) int { return atan2Float64AVX512(d, y, x, &atanRows64[0][0], nt) }, atan2_64)
	},
	atan2_32: func(dst, y, x []float32) {
		runBlocks2(dst, y, x, 16, func(d, y, x []float32, nt bool) int { return atan2Float32AVX512(d, y, x, &atanRows32[0][0], nt) }, atan2_32)
	},
}
