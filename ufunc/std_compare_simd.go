package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// The float32, float64, int32 and int64 comparison loops: contiguous
// runs, and runs against a repeated operand, go to the comparison
// kernels of simd; other strides to the generic loops of kernels.go. Both
// give IEEE results for floats (a NaN operand compares false, except for
// !=), as NumPy does. The unsigned integers stay on the generic loops:
// the integer kernels compare signed.

// simdCmpElem is the element types with comparison kernels in simd.
type simdCmpElem interface {
	int32 | int64 | float32 | float64
}

// simdCmp holds the kernels of one comparison for one type:
// dst[i] = a[i] op b[i] and dst[i] = a[i] op s.
type simdCmp[T simdCmpElem] struct {
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
	simdCmpI64 = [...]simdCmp[int64]{
		opEq: {simd.EqualInt64, simd.EqualInt64Scalar},
		opNe: {simd.NotEqualInt64, simd.NotEqualInt64Scalar},
		opLt: {simd.LessInt64, simd.LessInt64Scalar},
		opLe: {simd.LessEqualInt64, simd.LessEqualInt64Scalar},
		opGt: {simd.GreaterInt64, simd.GreaterInt64Scalar},
		opGe: {simd.GreaterEqualInt64, simd.GreaterEqualInt64Scalar},
	}
	simdCmpI32 = [...]simdCmp[int32]{
		opEq: {simd.EqualInt32, simd.EqualInt32Scalar},
		opNe: {simd.NotEqualInt32, simd.NotEqualInt32Scalar},
		opLt: {simd.LessInt32, simd.LessInt32Scalar},
		opLe: {simd.LessEqualInt32, simd.LessEqualInt32Scalar},
		opGt: {simd.GreaterInt32, simd.GreaterInt32Scalar},
		opGe: {simd.GreaterEqualInt32, simd.GreaterEqualInt32Scalar},
	}
)

// swappedCmp is the comparison with the operands exchanged:
// s op y ⇔ y swappedCmp[op] s.
var swappedCmp = [...]cmpOp{opEq: opEq, opNe: opNe, opLt: opGt, opLe: opGe, opGt: opLt, opGe: opLe}

// simdCmpLoop returns the loop of comparison op on T.
func simdCmpLoop[T simdCmpElem](op cmpOp) Loop {
	var tab []simdCmp[T]
	switch t := any(&tab).(type) {
	case *[]simdCmp[float64]:
		*t = simdCmp64[:]
	case *[]simdCmp[float32]:
		*t = simdCmp32[:]
	case *[]simdCmp[int64]:
		*t = simdCmpI64[:]
	case *[]simdCmp[int32]:
		*t = simdCmpI32[:]
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
