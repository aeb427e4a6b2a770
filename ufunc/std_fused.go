package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
	"github.com/x448/float16"
)

// MulAdd computes x1*x2 + x3 in one pass (a fused expression; NumPy has
// no such ufunc and computes it as multiply then add through a temporary
// array). The product is rounded to the loop's dtype before the sum, as
// in NumPy's x1*x2 + x3, so the results are NumPy's bit for bit: it is
// not a fused multiply-add. Types promote as in multiply and add; bool
// computes x1 and x2, or x3; integers wrap.
var MulAdd = define(Spec{Name: "muladd", NIn: 3, NOut: 1, Doc: "Compute x1*x2 + x3 element-wise in one pass, rounding the product first."})

func mulAddOf[T interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64
}](a, b, c T) T {
	p := a * b
	return T(p) + c // T(...) keeps the product rounded on its own
}

// mulAddKernel is Ternary(mulAddOf) with contiguous runs handed to the
// simd kernel.
func mulAddKernel[T float32 | float64](kernel func(dst, a, b, c []T)) Loop {
	slow := Ternary(mulAddOf[T])
	var z T
	size := int(unsafe.Sizeof(z))
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n > 0 && steps[0] == size && steps[1] == size && steps[2] == size && steps[3] == size {
			kernel(unsafe.Slice((*T)(args[3]), n), unsafe.Slice((*T)(args[0]), n),
				unsafe.Slice((*T)(args[1]), n), unsafe.Slice((*T)(args[2]), n))
			return
		}
		slow(args, steps, n)
	}
}

func init() {
	registerTypes(MulAdd, "???->? bbb->b BBB->B hhh->h HHH->H iii->i III->I lll->l LLL->L eee->e fff->f ddd->d FFF->F DDD->D",
		func(sig string) Loop {
			switch sig[0] {
			case '?':
				return Ternary(func(a, b, c bool) bool { return a && b || c })
			case 'e':
				return Ternary(func(a, b, c float16.Float16) float16.Float16 {
					return half(half(a.Float32()*b.Float32()).Float32() + c.Float32())
				})
			case 'f':
				return mulAddKernel(simd.MulAddFloat32Unitary)
			case 'd':
				return mulAddKernel(simd.MulAddFloat64Unitary)
			case 'F':
				return Ternary(func(a, b, c complex64) complex64 { return cmul64(a, b) + c })
			case 'D':
				return Ternary(func(a, b, c complex128) complex128 { return cmul128(a, b) + c })
			}
			return realLoop(sig[0], loopsOf{Ternary(mulAddOf[int8]), Ternary(mulAddOf[uint8]), Ternary(mulAddOf[int16]),
				Ternary(mulAddOf[uint16]), Ternary(mulAddOf[int32]), Ternary(mulAddOf[uint32]), Ternary(mulAddOf[int64]),
				Ternary(mulAddOf[uint64]), nil, nil})
		})
}
