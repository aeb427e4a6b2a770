//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// archDivKernels returns the assembly implementations of the division
// kernels this CPU supports, best first, named as in archKernels.
func archDivKernels() []*divKernels {
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	if cpu.X86.HasAVX512F {
		return []*divKernels{divAVX512Kernels, divAVX2Kernels}
	}
	return []*divKernels{divAVX2Kernels}
}

var divAVX2Kernels = &divKernels{
	name:    "avx2",
	vv64:    [numDiv]divBlock[float64]{fmodFloat64AVX2, modFloat64AVX2, floorDivFloat64AVX2},
	vs64:    [numDiv]divScalarBlock[float64]{fmodFloat64ScalarAVX2, modFloat64ScalarAVX2, floorDivFloat64ScalarAVX2},
	sv64:    [numDiv]divScalarBlock[float64]{rfmodFloat64ScalarAVX2, rmodFloat64ScalarAVX2, rfloorDivFloat64ScalarAVX2},
	vv32:    [numDiv]divBlock[float32]{fmodFloat32AVX2, modFloat32AVX2, floorDivFloat32AVX2},
	vs32:    [numDiv]divScalarBlock[float32]{fmodFloat32ScalarAVX2, modFloat32ScalarAVX2, floorDivFloat32ScalarAVX2},
	sv32:    [numDiv]divScalarBlock[float32]{rfmodFloat32ScalarAVX2, rmodFloat32ScalarAVX2, rfloorDivFloat32ScalarAVX2},
	lanes64: 4,
	lanes32: 8,
}

var divAVX512Kernels = &divKernels{
	name:    "avx512",
	vv64:    [numDiv]divBlock[float64]{fmodFloat64AVX512, modFloat64AVX512, floorDivFloat64AVX512},
	vs64:    [numDiv]divScalarBlock[float64]{fmodFloat64ScalarAVX512, modFloat64ScalarAVX512, floorDivFloat64ScalarAVX512},
	sv64:    [numDiv]divScalarBlock[float64]{rfmodFloat64ScalarAVX512, rmodFloat64ScalarAVX512, rfloorDivFloat64ScalarAVX512},
	vv32:    [numDiv]divBlock[float32]{fmodFloat32AVX512, modFloat32AVX512, floorDivFloat32AVX512},
	vs32:    [numDiv]divScalarBlock[float32]{fmodFloat32ScalarAVX512, modFloat32ScalarAVX512, floorDivFloat32ScalarAVX512},
	sv32:    [numDiv]divScalarBlock[float32]{rfmodFloat32ScalarAVX512, rmodFloat32ScalarAVX512, rfloorDivFloat32ScalarAVX512},
	lanes64: 8,
	lanes32: 16,
}
