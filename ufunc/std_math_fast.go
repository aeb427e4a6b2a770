package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// Fast loops for sqrt, exp, log, tanh, sin and cos on float32 and float64:
// contiguous runs go to the vector kernels of simd (no call per element
// on the common path); strided runs keep the per-element path of Unary
// with the accurate function.

// sliceLoop returns a loop that hands contiguous runs to fast and other
// strides to the element function slow.
func sliceLoop[T float32 | float64](fast func(dst, src []T), slow func(T) T) Loop {
	strided := Unary(slow)
	size := int(unsafe.Sizeof(T(0)))
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n <= 0 {
			return
		}
		if steps[0] == size && steps[1] == size {
			fast(unsafe.Slice((*T)(args[1]), n), unsafe.Slice((*T)(args[0]), n))
			return
		}
		strided(args, steps, n)
	}
}

// fastLoops are the contiguous-run kernels of the math ufuncs that have
// them, by ufunc name.
var fastLoops = map[string]struct {
	f32 func(dst, src []float32)
	f64 func(dst, src []float64)
}{
	"sqrt": {simd.SqrtFloat32, simd.SqrtFloat64},
	"exp":  {simd.ExpFloat32, simd.ExpFloat64},
	"log":  {simd.LogFloat32, simd.LogFloat64},
	"tanh": {simd.TanhFloat32, simd.TanhFloat64},
	"sin":  {simd.SinFloat32, simd.SinFloat64},
	"cos":  {simd.CosFloat32, simd.CosFloat64},
}
