//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// archTransposeKernels returns the assembly implementations of the
// transpose this CPU supports, best first, named as in archKernels.
func archTransposeKernels() []*transposeKernels {
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	avx2 := &transposeKernels{name: "avx2", t64: func(dst []uint64, ds int, src []uint64, ss int, rows, cols int) {
		transposeBands(dst, ds, src, ss, rows, cols, 4, transposeBand64AVX2)
	}, ev64: evens64AVX2, evLanes: 4,
		binInc: [opDiv + 1]func(dst, a, b *float64, n int, mode int){addInc64AVX2, subInc64AVX2, mulInc64AVX2, divInc64AVX2}}
	if cpu.X86.HasAVX512F {
		avx512 := &transposeKernels{name: "avx512", t64: func(dst []uint64, ds int, src []uint64, ss int, rows, cols int) {
			transposeBands(dst, ds, src, ss, rows, cols, 8, transposeBand64AVX512)
		}, ev64: evens64AVX512, evLanes: 8,
			binInc: [opDiv + 1]func(dst, a, b *float64, n int, mode int){addInc64AVX512, subInc64AVX512, mulInc64AVX512, divInc64AVX512}}
		return []*transposeKernels{avx512, avx2}
	}
	return []*transposeKernels{avx2}
}
