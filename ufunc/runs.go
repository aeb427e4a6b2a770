package ufunc

import (
	"math"
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// Loops built by Binary(f) and Unary(f) call f through a function value
// for every element, several times the cost of a bitwise operation or a
// rounding. withRun and withRun1 put a written-out loop (a run function,
// called once per call of the loop) in front of such a loop for the
// commonest layout, every operand contiguous; other layouts, reductions
// included, keep the element-wise loop, which computes the same values.

// withRun returns slow with contiguous runs of two inputs handed to run.
func withRun[A, B, R any](slow Loop, run func(out []R, x []A, y []B)) Loop {
	as, bs, rs := sizeOf[A](), sizeOf[B](), sizeOf[R]()
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n > 0 && steps[0] == as && steps[1] == bs && steps[2] == rs {
			run(unsafe.Slice((*R)(args[2]), n), unsafe.Slice((*A)(args[0]), n), unsafe.Slice((*B)(args[1]), n))
			return
		}
		slow(args, steps, n)
	}
}

// withRunS is withRun with a second run function for a contiguous x
// and a repeated (scalar) y, as in x & 0xff or x << 3.
func withRunS[A, B, R any](slow Loop, run func(out []R, x []A, y []B), runS func(out []R, x []A, s B)) Loop {
	as, bs, rs := sizeOf[A](), sizeOf[B](), sizeOf[R]()
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n > 0 && steps[0] == as && steps[2] == rs {
			switch steps[1] {
			case bs:
				run(unsafe.Slice((*R)(args[2]), n), unsafe.Slice((*A)(args[0]), n), unsafe.Slice((*B)(args[1]), n))
				return
			case 0:
				runS(unsafe.Slice((*R)(args[2]), n), unsafe.Slice((*A)(args[0]), n), *(*B)(args[1]))
				return
			}
		}
		slow(args, steps, n)
	}
}

// withRun1 is withRun for one input.
func withRun1[A, R any](slow Loop, run func(out []R, x []A)) Loop {
	as, rs := sizeOf[A](), sizeOf[R]()
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n > 0 && steps[0] == as && steps[1] == rs {
			run(unsafe.Slice((*R)(args[1]), n), unsafe.Slice((*A)(args[0]), n))
			return
		}
		slow(args, steps, n)
	}
}

// The run functions: out[i] = op(x[i], y[i]) (or op(x[i])), len(x) and
// len(y) at least len(out).

func andRun[T integer](out, x, y []T) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = x[i] & y[i]
	}
}

func orRun[T integer](out, x, y []T) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = x[i] | y[i]
	}
}

func xorRun[T integer](out, x, y []T) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = x[i] ^ y[i]
	}
}

func andSRun[T integer](out, x []T, s T) {
	x = x[:len(out)]
	for i := range out {
		out[i] = x[i] & s
	}
}

func orSRun[T integer](out, x []T, s T) {
	x = x[:len(out)]
	for i := range out {
		out[i] = x[i] | s
	}
}

func xorSRun[T integer](out, x []T, s T) {
	x = x[:len(out)]
	for i := range out {
		out[i] = x[i] ^ s
	}
}

func shlSRun[T integer](out, x []T, s T) {
	x = x[:len(out)]
	for i := range out {
		out[i] = shl(x[i], s)
	}
}

func shrSRun[T integer](out, x []T, s T) {
	x = x[:len(out)]
	for i := range out {
		out[i] = shr(x[i], s)
	}
}

func notRun[T integer](out, x []T) {
	x = x[:len(out)]
	for i := range out {
		out[i] = ^x[i]
	}
}

func shlRun[T integer](out, x, y []T) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = shl(x[i], y[i])
	}
}

func shrRun[T integer](out, x, y []T) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = shr(x[i], y[i])
	}
}

// The logical operations of bool arrays (and the bitwise ones, which
// are the same on bools) by simd, which reads any nonzero byte as true,
// as NumPy does.

func andBoolRun(out, x, y []bool) { simd.AndBool(out, x[:len(out)], y[:len(out)]) }
func orBoolRun(out, x, y []bool)  { simd.OrBool(out, x[:len(out)], y[:len(out)]) }
func xorBoolRun(out, x, y []bool) { simd.XorBool(out, x[:len(out)], y[:len(out)]) }
func notBoolRun(out, x []bool)    { simd.NotBool(out, x[:len(out)]) }

// The roundings of floats: contiguous runs by simd's kernels, which give
// what math.Floor, Ceil, Trunc and RoundToEven give (rounding a float32
// through float64 is exact).

func floorRun[T floating](out, x []T) {
	roundRun(out, x, simd.FloorFloat64Unitary, simd.FloorFloat32Unitary)
}

func ceilRun[T floating](out, x []T) {
	roundRun(out, x, simd.CeilFloat64Unitary, simd.CeilFloat32Unitary)
}

func truncRun[T floating](out, x []T) {
	roundRun(out, x, simd.TruncFloat64Unitary, simd.TruncFloat32Unitary)
}

func rintRun[T floating](out, x []T) {
	roundRun(out, x, simd.RintFloat64Unitary, simd.RintFloat32Unitary)
}

// roundRun runs k64 or k32, whichever is T's.
func roundRun[T floating](out, x []T, k64 func(dst, a []float64), k32 func(dst, a []float32)) {
	x = x[:len(out)]
	if floatKind[T]() == 64 {
		k64(reinterpret[T, float64](out), reinterpret[T, float64](x))
		return
	}
	k32(reinterpret[T, float32](out), reinterpret[T, float32](x))
}

// clipIntLoop and clipFloatLoop are clip's loops for real types:
// clipInt or clipFloat written out for a contiguous x and out with
// scalar bounds (np.clip(a, lo, hi)) or contiguous ones, and element by
// element for the other layouts.
func clipIntLoop[T integer](args []unsafe.Pointer, steps []int, n int) {
	if x, lo, hi, out, scalar, ok := clipArgs[T](args, steps, n); ok {
		if scalar {
			l, h := lo[0], hi[0]
			for i := range out {
				out[i] = clipInt(x[i], l, h)
			}
			return
		}
		for i := range out {
			out[i] = clipInt(x[i], lo[i], hi[i])
		}
		return
	}
	for i := range n {
		*at[T](args[3], steps[3], i) = clipInt(*at[T](args[0], steps[0], i), *at[T](args[1], steps[1], i), *at[T](args[2], steps[2], i))
	}
}

func clipFloatLoop[T floating](args []unsafe.Pointer, steps []int, n int) {
	if x, lo, hi, out, scalar, ok := clipArgs[T](args, steps, n); ok {
		if !overlaps(out, hi) {
			clipFloatRun(out, x, lo, hi, scalar)
			return
		}
		if scalar {
			l, h := lo[0], hi[0]
			for i := range out {
				out[i] = clipFloat(x[i], l, h)
			}
			return
		}
		for i := range out {
			out[i] = clipFloat(x[i], lo[i], hi[i])
		}
		return
	}
	for i := range n {
		*at[T](args[3], steps[3], i) = clipFloat(*at[T](args[0], steps[0], i), *at[T](args[1], steps[1], i), *at[T](args[2], steps[2], i))
	}
}

// clipFloatRun is clipFloat on contiguous runs by the simd maximum and
// minimum, whose rules are clip's (x wins when greater or NaN, the bound
// otherwise, ties of ±0 included): out = min(max(x, lo), hi), a block of
// out at a time, the scalar bounds repeated in a buffer. out must not
// overlap hi (the minimum reads hi after out is written).
func clipFloatRun[T floating](out, x, lo, hi []T, scalar bool) {
	const block = 2048
	x = x[:len(out)]
	if !scalar {
		lo, hi = lo[:len(out)], hi[:len(out)]
		for s := 0; s < len(out); s += block {
			e := min(s+block, len(out))
			clipMaxMin(out[s:e], x[s:e], lo[s:e], hi[s:e])
		}
		return
	}
	b := gatherBufs.Get().(*[2 * gatherLen * 8]byte)
	m := min(gatherLen*8/int(unsafe.Sizeof(T(0))), len(out)) // fill no more than the run needs
	los := unsafe.Slice((*T)(unsafe.Pointer(&b[0])), m)
	his := unsafe.Slice((*T)(unsafe.Pointer(&b[gatherLen*8])), m)
	for i := range los {
		los[i], his[i] = lo[0], hi[0]
	}
	for s := 0; s < len(out); s += m {
		e := min(s+m, len(out))
		clipMaxMin(out[s:e], x[s:e], los[:e-s], his[:e-s])
	}
	gatherBufs.Put(b)
}

// clipMaxMin sets out to min(max(x, lo), hi) with the simd kernels.
func clipMaxMin[T floating](out, x, lo, hi []T) {
	if floatKind[T]() == 64 {
		o := reinterpret[T, float64](out)
		simd.MaxFloat64Unitary(o, reinterpret[T, float64](x), reinterpret[T, float64](lo))
		simd.MinFloat64Unitary(o, o, reinterpret[T, float64](hi))
		return
	}
	o := reinterpret[T, float32](out)
	simd.MaxFloat32Unitary(o, reinterpret[T, float32](x), reinterpret[T, float32](lo))
	simd.MinFloat32Unitary(o, o, reinterpret[T, float32](hi))
}

// overlaps reports whether the memory of a and b overlaps.
func overlaps[T any](a, b []T) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	sz := unsafe.Sizeof(a[0])
	pa, pb := uintptr(unsafe.Pointer(&a[0])), uintptr(unsafe.Pointer(&b[0]))
	return pa < pb+uintptr(len(b))*sz && pb < pa+uintptr(len(a))*sz
}

// clipArgs returns clip's operands as slices when x and out are
// contiguous and the bounds both repeated (scalar: one-element slices)
// or both contiguous.
func clipArgs[T any](args []unsafe.Pointer, steps []int, n int) (x, lo, hi, out []T, scalar, ok bool) {
	sz := sizeOf[T]()
	if n <= 0 || steps[0] != sz || steps[3] != sz {
		return
	}
	switch {
	case steps[1] == 0 && steps[2] == 0:
		scalar = true
		lo, hi = unsafe.Slice((*T)(args[1]), 1), unsafe.Slice((*T)(args[2]), 1)
	case steps[1] == sz && steps[2] == sz:
		lo, hi = unsafe.Slice((*T)(args[1]), n), unsafe.Slice((*T)(args[2]), n)
	default:
		return
	}
	return unsafe.Slice((*T)(args[0]), n), lo, hi, unsafe.Slice((*T)(args[3]), n), scalar, true
}

// The reciprocal and square of floats by simd (1/x and x·x, the same
// IEEE operations), and copysign written out.

func recipRun[T floating](out, x []T) {
	x = x[:len(out)]
	if floatKind[T]() == 64 {
		simd.RdivFloat64ScalarUnitary(reinterpret[T, float64](out), reinterpret[T, float64](x), 1)
		return
	}
	simd.RdivFloat32ScalarUnitary(reinterpret[T, float32](out), reinterpret[T, float32](x), 1)
}

func sqFloatRun[T floating](out, x []T) {
	x = x[:len(out)]
	if floatKind[T]() == 64 {
		a := reinterpret[T, float64](x)
		simd.MulFloat64Unitary(reinterpret[T, float64](out), a, a)
		return
	}
	a := reinterpret[T, float32](x)
	simd.MulFloat32Unitary(reinterpret[T, float32](out), a, a)
}

func copysign64Run(out, x, y []float64) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = math.Copysign(x[i], y[i])
	}
}

func copysign32Run(out, x, y []float32) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = math.Float32frombits(math.Float32bits(x[i])&^(1<<31) | math.Float32bits(y[i])&(1<<31))
	}
}

// powRun and powSRun are power's runs for float64: simd's pow kernels,
// and with a scalar exponent the results simd.Pow gives exactly (x·x,
// 1/x) by simd's arithmetic and the square root written out.
func powRun(out, x, y []float64) { simd.PowFloat64(out, x[:len(out)], y[:len(out)]) }

func powSRun(out, x []float64, y float64) {
	x = x[:len(out)]
	switch y {
	case 2:
		simd.MulFloat64Unitary(out, x, x)
	case -1:
		simd.RdivFloat64ScalarUnitary(out, x, 1)
	case 0.5:
		// the square root by simd (a scalar SQRTSD loop waits on each
		// result: the instruction keeps its register's upper half), then
		// simd.Pow where that is not it (NaN, zeros, negatives, -Inf),
		// from a copy of the chunk, as out may be x
		var chunk [256]float64
		for len(out) > 0 {
			m := min(len(out), len(chunk))
			c := chunk[:m]
			copy(c, x[:m])
			simd.SqrtFloat64(out[:m], c)
			for i, v := range c {
				if !(v > 0) {
					out[i] = simd.Pow(v, 0.5)
				}
			}
			out, x = out[m:], x[m:]
		}
	default:
		simd.PowFloat64Scalar(out, x, y)
	}
}
