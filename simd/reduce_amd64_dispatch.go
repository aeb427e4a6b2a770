//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// archReduceKernels returns the assembly implementations of the
// reduction kernels this CPU supports, best first, named as in
// archKernels.
func archReduceKernels() []*reduceKernels {
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	avx2 := &reduceKernels{name: "avx2", sumPair64: sumPairFloat64AVX2, addRows64: addRowsFloat64AVX2, rowLanes: 4}
	if cpu.X86.HasAVX512F {
		avx512 := &reduceKernels{name: "avx512", sumPair64: sumPairFloat64AVX2, addRows64: addRowsFloat64AVX512, rowLanes: 8}
		return []*reduceKernels{avx512, avx2}
	}
	return []*reduceKernels{avx2}
}
