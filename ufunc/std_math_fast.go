package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/internal/mathx"
)

// Fast loops for sqrt, exp, log, sin and cos on float32 and float64:
// contiguous runs go to the slice kernels of internal/mathx (no call per
// element on the common path); strided runs keep the per-element path of
// Unary with the accurate function.

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
	"sqrt": {mathx.SqrtSlice32, mathx.SqrtSlice64},
	"exp":  {mathx.ExpSlice32, mathx.ExpSlice64},
	"log":  {mathx.LogSlice32, mathx.LogSlice64},
	"sin":  {mathx.SinSlice32, mathx.SinSlice64},
	"cos":  {mathx.CosSlice32, mathx.CosSlice64},
}
