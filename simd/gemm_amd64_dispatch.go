//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// archGemmKernels returns the assembly micro-kernels this CPU supports,
// best first, named as in archKernels.
func archGemmKernels() []*gemmKernels {
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	avx2 := &gemmKernels{name: "avx2",
		mr64: 6, nr64: 8,
		tile64: func(kc int, a, b, c []float64, ldc int) {
			gemmTileFloat64AVX2(kc, &a[0], &b[0], &c[0], ldc)
		},
		mr32: 6, nr32: 16,
		tile32: func(kc int, a, b, c []float32, ldc int) {
			gemmTileFloat32AVX2(kc, &a[0], &b[0], &c[0], ldc)
		},
	}
	if !cpu.X86.HasAVX512F {
		return []*gemmKernels{avx2}
	}
	avx512 := &gemmKernels{name: "avx512",
		mr64: 8, nr64: 24,
		tile64: func(kc int, a, b, c []float64, ldc int) {
			gemmTileFloat64AVX512(kc, &a[0], &b[0], &c[0], ldc)
		},
		mr32: 8, nr32: 48,
		tile32: func(kc int, a, b, c []float32, ldc int) {
			gemmTileFloat32AVX512(kc, &a[0], &b[0], &c[0], ldc)
		},
	}
	return []*gemmKernels{avx512, avx2}
}
