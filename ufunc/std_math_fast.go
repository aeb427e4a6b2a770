package ufunc

import (
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// Fast loops for sqrt, exp, exp2, expm1, log, log2, log10, log1p, tanh,
// cosh, sinh, sin, cos, arctan and arctan2 on float32 and float64:
// contiguous runs go to the vector kernels of simd (no call per element
// on the common path); strided runs are gathered into a buffer, given to
// the same kernels and scattered back, so a value's result never depends
// on the layout of the array holding it.

// gatherLen is the number of elements a strided run is gathered in at a
// time.
const gatherLen = 512

// gatherBufs are the buffers strided runs are gathered into (a slice
// handed to a kernel, a func value, would escape if it were on the stack).
var gatherBufs = sync.Pool{New: func() any { return new([2 * gatherLen * 8]byte) }}

// via64 returns a float32 kernel computing f in float64: each result is
// f of the argument widened, rounded once to float32.
func via64(f func(dst, src []float64)) func(dst, src []float32) {
	g := via64Scalar(func(dst, x []float64, _ float64) { f(dst, x) })
	return func(dst, src []float32) { g(dst, src, 0) }
}

// via64Binary is via64 for a two-input float64 kernel f.
func via64Binary(f func(dst, x, y []float64)) func(dst, x, y []float32) {
	return func(dst, x, y []float32) {
		b := gatherBufs.Get().(*[2 * gatherLen * 8]byte)
		w := unsafe.Slice((*float64)(unsafe.Pointer(&b[0])), 2*gatherLen)
		wx, wy := w[:gatherLen], w[gatherLen:]
		x, y = x[:len(dst)], y[:len(dst)]
		for start := 0; start < len(dst); start += gatherLen {
			m := min(gatherLen, len(dst)-start)
			simd.ConvertFloat32ToFloat64(wx[:m], x[start:start+m])
			simd.ConvertFloat32ToFloat64(wy[:m], y[start:start+m])
			f(wx[:m], wx[:m], wy[:m])
			simd.ConvertFloat64ToFloat32(dst[start:start+m], wx[:m])
		}
		gatherBufs.Put(b)
	}
}

// via64Scalar is via64 for a kernel with a scalar second operand.
func via64Scalar(f func(dst, x []float64, y float64)) func(dst, x []float32, y float32) {
	return func(dst, x []float32, y float32) {
		b := gatherBufs.Get().(*[2 * gatherLen * 8]byte)
		w := unsafe.Slice((*float64)(unsafe.Pointer(&b[0])), 2*gatherLen)
		x = x[:len(dst)]
		for start := 0; start < len(dst); start += len(w) {
			m := min(len(w), len(dst)-start)
			simd.ConvertFloat32ToFloat64(w[:m], x[start:start+m])
			f(w[:m], w[:m], float64(y))
			simd.ConvertFloat64ToFloat32(dst[start:start+m], w[:m])
		}
		gatherBufs.Put(b)
	}
}

// sliceLoop returns a loop that hands contiguous runs to fast and gathers
// other strides into fast too.
func sliceLoop[T float32 | float64](fast func(dst, src []T)) Loop {
	size := int(unsafe.Sizeof(T(0)))
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n <= 0 {
			return
		}
		if steps[0] == size && steps[1] == size {
			fast(unsafe.Slice((*T)(args[1]), n), unsafe.Slice((*T)(args[0]), n))
			return
		}
		b := gatherBufs.Get().(*[2 * gatherLen * 8]byte)
		in := unsafe.Slice((*T)(unsafe.Pointer(&b[0])), gatherLen)
		out := unsafe.Slice((*T)(unsafe.Pointer(&b[gatherLen*8])), gatherLen)
		for start := 0; start < n; start += gatherLen {
			m := min(gatherLen, n-start)
			for i := range m {
				in[i] = *(*T)(unsafe.Add(args[0], (start+i)*steps[0]))
			}
			fast(out[:m], in[:m])
			for i := range m {
				*(*T)(unsafe.Add(args[1], (start+i)*steps[1])) = out[i]
			}
		}
		gatherBufs.Put(b)
	}
}

// fastLoops are the contiguous-run kernels of the math ufuncs that have
// them, by ufunc name.
var fastLoops = map[string]struct {
	f32 func(dst, src []float32)
	f64 func(dst, src []float64)
}{
	"sqrt":   {simd.SqrtFloat32, simd.SqrtFloat64},
	"exp":    {simd.ExpFloat32, simd.ExpFloat64},
	"log":    {simd.LogFloat32, simd.LogFloat64},
	"tanh":   {simd.TanhFloat32, simd.TanhFloat64},
	"exp2":   {via64(simd.Exp2Float64), simd.Exp2Float64},
	"cosh":   {via64(simd.CoshFloat64), simd.CoshFloat64},
	"sinh":   {via64(simd.SinhFloat64), simd.SinhFloat64},
	"expm1":  {via64(simd.Expm1Float64), simd.Expm1Float64},
	"log2":   {via64(simd.Log2Float64), simd.Log2Float64},
	"log10":  {via64(simd.Log10Float64), simd.Log10Float64},
	"log1p":  {via64(simd.Log1pFloat64), simd.Log1pFloat64},
	"sin":    {simd.SinFloat32, simd.SinFloat64},
	"cos":    {simd.CosFloat32, simd.CosFloat64},
	"arctan": {simd.AtanFloat32, simd.AtanFloat64},
}

// fastLoops2 are those of the two-input math ufuncs.
var fastLoops2 = map[string]struct {
	f32 func(dst, y, x []float32)
	f64 func(dst, y, x []float64)
}{
	"arctan2": {simd.Atan2Float32, simd.Atan2Float64},
}

// sliceLoop2 is sliceLoop for two inputs: runs with every operand
// contiguous go to fast directly; otherwise the inputs that are not
// contiguous (strided or repeated) are gathered, gatherLen elements at a
// time, and a strided output is computed into the first input's buffer
// and scattered. The reduction layout (out = f(out, x[i]) for every i)
// goes through fast one element at a time, in order.
func sliceLoop2[T float32 | float64](fast func(dst, y, x []T)) Loop {
	size := int(unsafe.Sizeof(T(0)))
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n <= 0 {
			return
		}
		if steps[0] == size && steps[1] == size && steps[2] == size {
			fast(unsafe.Slice((*T)(args[2]), n), unsafe.Slice((*T)(args[0]), n), unsafe.Slice((*T)(args[1]), n))
			return
		}
		if isReduce(args, steps) {
			acc := unsafe.Slice((*T)(args[0]), 1)
			for i := range n {
				fast(acc, acc, unsafe.Slice(at[T](args[1], steps[1], i), 1))
			}
			return
		}
		b := gatherBufs.Get().(*[2 * gatherLen * 8]byte)
		bufY := unsafe.Slice((*T)(unsafe.Pointer(&b[0])), gatherLen)
		bufX := unsafe.Slice((*T)(unsafe.Pointer(&b[gatherLen*8])), gatherLen)
		for start := 0; start < n; start += gatherLen {
			m := min(gatherLen, n-start)
			y := gatherRun(args[0], steps[0], start, bufY[:m])
			x := gatherRun(args[1], steps[1], start, bufX[:m])
			if steps[2] == size {
				fast(unsafe.Slice(at[T](args[2], size, start), m), y, x)
				continue
			}
			fast(bufY[:m], y, x) // bufY is y or unused: dst may alias y
			for i, v := range bufY[:m] {
				*at[T](args[2], steps[2], start+i) = v
			}
		}
		gatherBufs.Put(b)
	}
}

// gatherRun returns the len(buf) elements of the operand p with the
// given step from element start: the operand's own memory if it is
// contiguous, else buf filled with them.
func gatherRun[T float32 | float64](p unsafe.Pointer, step, start int, buf []T) []T {
	size := int(unsafe.Sizeof(T(0)))
	if step == size {
		return unsafe.Slice(at[T](p, step, start), len(buf))
	}
	for i := range buf {
		buf[i] = *at[T](p, step, start+i)
	}
	return buf
}
