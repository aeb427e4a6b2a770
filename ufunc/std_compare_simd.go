package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// The float32 and float64 comparison loops: contiguous runs, and runs
// against a repeated operand, go to the comparison kernels of simd;
// other strides to the generic loops of kernels.go. Both give IEEE
// results (a NaN operand compares false, except for !=), as NumPy does.

// simdCmp holds the kernels of one comparison for one float type:
// dst[i] = a[i] op b[i] and dst[i] = a[i] op s.
type simdCmp[T float32 | float64] struct {
	vv func(dst []bool, a, b []T)
	vs func(dst []bool, a []T, s T)
}

var (
	simdCmp64 = [...]simdCmp[float64]{
		opEq: {simd.EqualFloat64, simd.EqualFloat64Scalar},
		opNe: {simd.NotEqualFloat64, simd.NotEqualFloat64Scalar},
		opLt: {simd.LessFloat64, simd.LessFloat64Scalar},
		opLe: {simd.LessEqualFloat64, simd.LessEqualFloat64Scalar},
		opGt: {simd.GreaterFloat64, simd.GreaterFloat64Scalar},
		opGe: {simd.GreaterEqualFloat64, simd.GreaterEqualFloat64Scalar},
	}
	simdCmp32 = [...]simdCmp[float32]{
		opEq: {simd.EqualFloat32, simd.EqualFloat32Scalar},
		opNe: {simd.NotEqualFloat32, simd.NotEqualFloat32Scalar},
		opLt: {simd.LessFloat32, simd.LessFloat32Scalar},
		opLe: {simd.LessEqualFloat32, simd.LessEqualFloat32Scalar},
		opGt: {simd.GreaterFloat32, simd.GreaterFloat32Scalar},
		opGe: {simd.GreaterEqualFloat32, simd.GreaterEqualFloat32Scalar},
	}
)

// swappedCmp is the comparison with the operands exchanged:
// s op y ⇔ y swappedCmp[op] s.
var swappedCmp = [...]cmpOp{opEq: opEq, opNe: opNe, opLt: opGt, opLe: opGe, opGt: opLt, opGe: opLe}

// floatCmpLoop returns the loop of comparison op on T = float32 or
// float64.
func floatCmpLoop[T float32 | float64](op cmpOp) Loop {
	tab, ok := any(simdCmp64[:]).([]simdCmp[T])
	if !ok {
		tab = any(simdCmp32[:]).([]simdCmp[T])
	}
	k, swapped := tab[op], tab[swappedCmp[op]]
	slow := cmpLoop[T](op)
	sz := sizeOf[T]()
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n <= 0 {
			return
		}
		mode := binLayout(steps, sz, sz, 1)
		if mode == modeStrided {
			slow(args, steps, n)
			return
		}
		x, y, out := slices3[T, T, bool](args, mode, n)
		switch mode {
		case modeContig:
			k.vv(out, x, y)
		case modeScalarB:
			k.vs(out, x, y[0])
		case modeScalarA:
			swapped.vs(out, y, x[0])
		}
	}
}
