package simd

import (
	"fmt"
	"math"
	"unsafe"
)

// MulAddFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i]*b[i] + c[i]
//	}
//
// with the product rounded before the sum (not a fused multiply-add), so
// the result equals NumPy's a*b + c bit for bit while reading each input
// once and writing no temporary. It panics unless all four lengths are
// equal.
func MulAddFloat64Unitary(dst, a, b, c []float64) {
	check4(len(dst), len(a), len(b), len(c))
	k := active.Load()
	mulAddRun(k.mulAdd64, k.mulAdd64NT, dst, a, b, c)
}

// MulAddFloat32Unitary is MulAddFloat64Unitary for float32.
func MulAddFloat32Unitary(dst, a, b, c []float32) {
	check4(len(dst), len(a), len(b), len(c))
	k := active.Load()
	mulAddRun(k.mulAdd32, k.mulAdd32NT, dst, a, b, c)
}

// mulAddRun runs the MulAdd block kernel k over the whole blocks of dst
// and the Go twin over the rest; nt, k's non-temporal variant if there
// is one, takes the middle of a long dst (ntSpan), the twin the elements
// before it.
func mulAddRun[T float](k, nt func(dst, a, b, c []T), dst, a, b, c []T) {
	if nt != nil {
		if h, m := ntSpan(dst); m > 0 {
			mulAddGo(dst[:h], a[:h], b[:h], c[:h])
			nt(dst[h:h+m], a[h:h+m], b[h:h+m], c[h:h+m])
			dst, a, b, c = dst[h+m:], a[h+m:], b[h+m:], c[h+m:]
		}
	}
	n := len(dst) &^ (blockLen - 1)
	k(dst[:n], a[:n], b[:n], c[:n])
	mulAddGo(dst[n:], a[n:], b[n:], c[n:])
}

// FloorFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = math.Floor(a[i])
//	}
//
// It panics unless len(a) == len(dst).
func FloorFloat64Unitary(dst, a []float64) { round64(roundFloor, dst, a) }

// CeilFloat64Unitary is FloorFloat64Unitary with math.Ceil.
func CeilFloat64Unitary(dst, a []float64) { round64(roundCeil, dst, a) }

// TruncFloat64Unitary is FloorFloat64Unitary with math.Trunc.
func TruncFloat64Unitary(dst, a []float64) { round64(roundTrunc, dst, a) }

// RintFloat64Unitary is FloorFloat64Unitary with math.RoundToEven
// (NumPy's rint: to the nearest integer, halves to even).
func RintFloat64Unitary(dst, a []float64) { round64(roundRint, dst, a) }

// FloorFloat32Unitary computes
//
//	for i := range dst {
//		dst[i] = float32(math.Floor(float64(a[i])))
//	}
//
// (exact: the floor of a float32 is a float32). It panics unless
// len(a) == len(dst).
func FloorFloat32Unitary(dst, a []float32) { round32(roundFloor, dst, a) }

// CeilFloat32Unitary is FloorFloat32Unitary with math.Ceil.
func CeilFloat32Unitary(dst, a []float32) { round32(roundCeil, dst, a) }

// TruncFloat32Unitary is FloorFloat32Unitary with math.Trunc.
func TruncFloat32Unitary(dst, a []float32) { round32(roundTrunc, dst, a) }

// RintFloat32Unitary is FloorFloat32Unitary with math.RoundToEven.
func RintFloat32Unitary(dst, a []float32) { round32(roundRint, dst, a) }

func round64(op int, dst, a []float64) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.round64[op], k.round64NT[op], goKernels.round64[op])
}

func round32(op int, dst, a []float32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.round32[op], k.round32NT[op], goKernels.round32[op])
}

// NegateFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = -a[i]
//	}
//
// flipping the sign bit of every element (NaNs included). It panics
// unless len(a) == len(dst).
func NegateFloat64Unitary(dst, a []float64) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.neg64, k.neg64NT, negGo[float64])
}

// NegateFloat32Unitary is NegateFloat64Unitary for float32.
func NegateFloat32Unitary(dst, a []float32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.neg32, k.neg32NT, negGo[float32])
}

// AbsFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = math.Abs(a[i])
//	}
//
// clearing the sign bit of every element (NaNs included). It panics
// unless len(a) == len(dst).
func AbsFloat64Unitary(dst, a []float64) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.abs64, k.abs64NT, absGo64)
}

// AbsFloat32Unitary is AbsFloat64Unitary for float32.
func AbsFloat32Unitary(dst, a []float32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.abs32, k.abs32NT, absGo32)
}

// ConvertInt32ToFloat64 computes, exactly,
//
//	for i := range dst {
//		dst[i] = float64(a[i])
//	}
//
// It panics unless len(a) == len(dst).
func ConvertInt32ToFloat64(dst []float64, a []int32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvtI32to64, k.cvtI32to64NT, convertGo[int32, float64])
}

// ConvertFloat32ToFloat64 computes, exactly,
//
//	for i := range dst {
//		dst[i] = float64(a[i])
//	}
//
// NaNs keep their sign and payload and are made quiet. It panics unless
// len(a) == len(dst).
func ConvertFloat32ToFloat64(dst []float64, a []float32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvt32to64, k.cvt32to64NT, convertGo[float32, float64])
}

// ConvertInt32ToFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(a[i])
//	}
//
// rounding to nearest even (values beyond 2^24 in magnitude may round).
// It panics unless len(a) == len(dst).
func ConvertInt32ToFloat32(dst []float32, a []int32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvtI32to32, k.cvtI32to32NT, convertGo[int32, float32])
}

// The pure-Go twins.

func mulAddGo[T float](dst, a, b, c []T) {
	for i := range dst {
		p := a[i] * b[i] // rounded on its own: T(…) forbids fusing
		dst[i] = T(p) + c[i]
	}
}

func negGo[T float](dst, a []T) {
	for i := range dst {
		dst[i] = -a[i]
	}
}

func absGo64(dst, a []float64) {
	for i := range dst {
		dst[i] = math.Float64frombits(math.Float64bits(a[i]) &^ (1 << 63))
	}
}

func absGo32(dst, a []float32) {
	for i := range dst {
		dst[i] = math.Float32frombits(math.Float32bits(a[i]) &^ (1 << 31))
	}
}

func convertGo[S int32 | float32, D float32 | float64](dst []D, a []S) {
	for i := range dst {
		dst[i] = D(a[i])
	}
}

func check4(n, a, b, c int) {
	if a != n || b != n || c != n {
		panic(fmt.Sprintf("simd: length mismatch: dst has %d elements, a has %d, b has %d, c has %d", n, a, b, c))
	}
}

// ConvertFloat64ToInt32 computes
//
//	for i := range dst {
//		dst[i] = int32(a[i]) // truncated toward zero
//	}
//
// where a NaN or a value whose truncation does not fit in int32 gives
// math.MinInt32 (x86's "integer indefinite", what Go's conversion gives
// on amd64; the conversion is implementation-defined elsewhere, this
// function is not). It panics unless len(a) == len(dst).
func ConvertFloat64ToInt32(dst []int32, a []float64) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvt64toI32, k.cvt64toI32NT, truncGo[float64])
}

// ConvertFloat32ToInt32 is ConvertFloat64ToInt32 for float32 sources.
func ConvertFloat32ToInt32(dst []int32, a []float32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvt32toI32, k.cvt32toI32NT, truncGo[float32])
}

func truncGo[T float](dst []int32, a []T) {
	for i, v := range a {
		f := float64(v)
		if f >= -(1<<31) && f < 1<<31 { // false for NaN
			dst[i] = int32(f)
		} else {
			dst[i] = math.MinInt32
		}
	}
}

// The twins of the rounding kernels.

func floorGo[T float32 | float64](dst, a []T) {
	a = a[:len(dst)]
	for i, x := range a {
		dst[i] = T(math.Floor(float64(x)))
	}
}

func ceilGo[T float32 | float64](dst, a []T) {
	a = a[:len(dst)]
	for i, x := range a {
		dst[i] = T(math.Ceil(float64(x)))
	}
}

func truncFloatGo[T float32 | float64](dst, a []T) {
	a = a[:len(dst)]
	for i, x := range a {
		dst[i] = T(math.Trunc(float64(x)))
	}
}

func rintGo[T float32 | float64](dst, a []T) {
	a = a[:len(dst)]
	for i, x := range a {
		dst[i] = T(math.RoundToEven(float64(x)))
	}
}

// AndBool computes
//
//	for i := range dst {
//		dst[i] = a[i] && b[i]
//	}
//
// reading every byte of a and b that is not 0 as true (a bool slice
// over other memory may hold such bytes) and writing 0 or 1. It panics
// unless len(a) == len(b) == len(dst).
func AndBool(dst, a, b []bool) { boolBinary(0, dst, a, b) }

// OrBool is AndBool with ||.
func OrBool(dst, a, b []bool) { boolBinary(1, dst, a, b) }

// XorBool is AndBool with !=.
func XorBool(dst, a, b []bool) { boolBinary(2, dst, a, b) }

// NotBool computes dst[i] = !a[i], reading a's bytes as AndBool does.
// It panics unless len(a) == len(dst).
func NotBool(dst, a []bool) {
	check2(len(dst), len(a))
	k := len(dst) &^ (boolBlock - 1)
	if k > 0 {
		active.Load().boolNot(dst[:k], a[:k])
	}
	notBoolGo(dst[k:], a[k:len(dst)])
}

// boolBlock is the multiple of elements the bool kernels take.
const boolBlock = 64

func boolBinary(op int, dst, a, b []bool) {
	check3(len(dst), len(a), len(b))
	k := len(dst) &^ (boolBlock - 1)
	if k > 0 {
		active.Load().boolBin[op](dst[:k], a[:k], b[:k])
	}
	goKernels.boolBin[op](dst[k:], a[k:len(dst)], b[k:len(dst)])
}

// boolByte returns 1 if b's byte is nonzero, else 0.
func boolByte(b *bool) byte {
	if *(*byte)(unsafe.Pointer(b)) != 0 {
		return 1
	}
	return 0
}

// setBool stores the byte v (0 or 1) in *b.
func setBool(b *bool, v byte) { *(*byte)(unsafe.Pointer(b)) = v }

func andBoolGo(dst, a, b []bool) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		setBool(&dst[i], boolByte(&a[i])&boolByte(&b[i]))
	}
}

func orBoolGo(dst, a, b []bool) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		setBool(&dst[i], boolByte(&a[i])|boolByte(&b[i]))
	}
}

func xorBoolGo(dst, a, b []bool) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		setBool(&dst[i], boolByte(&a[i])^boolByte(&b[i]))
	}
}

func notBoolGo(dst, a []bool) {
	a = a[:len(dst)]
	for i := range dst {
		setBool(&dst[i], boolByte(&a[i])^1)
	}
}
