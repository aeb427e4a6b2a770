package simd

import "sync/atomic"

//go:generate go run -C _asm -mod=mod . -out ../trig_amd64.s -stubs ../trig_amd64.go -pkg simd -set trig

// The sine, cosine, square-root and comparison kernels (the comparisons
// for float64, float32, int64 and int32). They have their own
// implementation table (trigKernels), chosen at start-up like the main
// one and switched together with it by use in tests. The
// sine and cosine assembly handles blocks of arguments with |x| <= 2²²
// (float64) or 2¹⁶ (float32); a block holding a larger argument, ±Inf
// or NaN goes to the Go twin, which gives the same bits for the ordinary
// arguments and uses exact argument reduction for the large ones, and
// the tail goes through the assembly on a padded copy.

// Measured max errors of the sine and cosine, in ULPs of the exactly
// rounded result (see TestTrigAccuracy64, run with -simd.trign=60000,
// and TestTrigAccuracy32). The bounds are the same for every
// implementation, which agree bit for bit.
const (
	sinULP64 = 1.65
	cosULP64 = 1.75
	sinULP32 = 1.55
	cosULP32 = 1.59
)

// SinFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Sin(a[i])
//	}
//
// with a max error of 1.65 ULP (measured against a math/big reference),
// sin(±0) = ±0 and NaN for ±Inf and NaN. Arguments beyond 2²² in
// magnitude are reduced exactly (Payne–Hanek), so the bound holds for
// every float64. It panics unless len(a) == len(dst).
func SinFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	trigActive.Load().sin64(dst, a)
}

// CosFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Cos(a[i])
//	}
//
// with a max error of 1.75 ULP (measured against a math/big reference),
// cos(±0) = 1 and NaN for ±Inf and NaN. It panics unless
// len(a) == len(dst).
func CosFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	trigActive.Load().cos64(dst, a)
}

// SinFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Sin(float64(a[i])))
//	}
//
// in float32 arithmetic for |a[i]| <= 2¹⁶ (in float64 beyond), with a
// max error of 1.55 ULP (measured over every float32 against float64),
// sin(±0) = ±0 and NaN for ±Inf and NaN. It panics unless
// len(a) == len(dst).
func SinFloat32(dst, a []float32) {
	check2(len(dst), len(a))
	trigActive.Load().sin32(dst, a)
}

// CosFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Cos(float64(a[i])))
//	}
//
// in float32 arithmetic for |a[i]| <= 2¹⁶ (in float64 beyond), with a
// max error of 1.59 ULP (measured over every float32 against float64),
// cos(±0) = 1 and NaN for ±Inf and NaN. It panics unless
// len(a) == len(dst).
func CosFloat32(dst, a []float32) {
	check2(len(dst), len(a))
	trigActive.Load().cos32(dst, a)
}

// SqrtFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Sqrt(a[i])
//	}
//
// correctly rounded, bit-identical to math.Sqrt (NaN for a[i] < 0,
// √-0 = -0). It panics unless len(a) == len(dst).
func SqrtFloat64(dst, a []float64) {
	check2(len(dst), len(a))
	trigActive.Load().sqrt64(dst, a)
}

// SqrtFloat32 computes
//
//	for i := range dst {
//		dst[i] = float32(math.Sqrt(float64(a[i])))
//	}
//
// which is the correctly rounded float32 square root. It panics unless
// len(a) == len(dst).
func SqrtFloat32(dst, a []float32) {
	check2(len(dst), len(a))
	trigActive.Load().sqrt32(dst, a)
}

// EqualFloat64 computes
//
//	for i := range dst {
//		dst[i] = a[i] == b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func EqualFloat64(dst []bool, a, b []float64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp64[cmpEq](dst, a, b)
}

// EqualFloat64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] == s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func EqualFloat64Scalar(dst []bool, a []float64, s float64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS64[cmpEq](dst, a, s)
}

// NotEqualFloat64 computes
//
//	for i := range dst {
//		dst[i] = a[i] != b[i]
//	}
//
// (a NaN operand gives true, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func NotEqualFloat64(dst []bool, a, b []float64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp64[cmpNe](dst, a, b)
}

// NotEqualFloat64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] != s
//	}
//
// (a NaN operand gives true). It panics unless len(a) == len(dst).
func NotEqualFloat64Scalar(dst []bool, a []float64, s float64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS64[cmpNe](dst, a, s)
}

// LessFloat64 computes
//
//	for i := range dst {
//		dst[i] = a[i] < b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func LessFloat64(dst []bool, a, b []float64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp64[cmpLt](dst, a, b)
}

// LessFloat64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] < s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func LessFloat64Scalar(dst []bool, a []float64, s float64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS64[cmpLt](dst, a, s)
}

// LessEqualFloat64 computes
//
//	for i := range dst {
//		dst[i] = a[i] <= b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func LessEqualFloat64(dst []bool, a, b []float64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp64[cmpLe](dst, a, b)
}

// LessEqualFloat64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] <= s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func LessEqualFloat64Scalar(dst []bool, a []float64, s float64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS64[cmpLe](dst, a, s)
}

// GreaterFloat64 computes
//
//	for i := range dst {
//		dst[i] = a[i] > b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func GreaterFloat64(dst []bool, a, b []float64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp64[cmpGt](dst, a, b)
}

// GreaterFloat64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] > s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func GreaterFloat64Scalar(dst []bool, a []float64, s float64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS64[cmpGt](dst, a, s)
}

// GreaterEqualFloat64 computes
//
//	for i := range dst {
//		dst[i] = a[i] >= b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func GreaterEqualFloat64(dst []bool, a, b []float64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp64[cmpGe](dst, a, b)
}

// GreaterEqualFloat64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] >= s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func GreaterEqualFloat64Scalar(dst []bool, a []float64, s float64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS64[cmpGe](dst, a, s)
}

// EqualFloat32 computes
//
//	for i := range dst {
//		dst[i] = a[i] == b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func EqualFloat32(dst []bool, a, b []float32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp32[cmpEq](dst, a, b)
}

// EqualFloat32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] == s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func EqualFloat32Scalar(dst []bool, a []float32, s float32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS32[cmpEq](dst, a, s)
}

// NotEqualFloat32 computes
//
//	for i := range dst {
//		dst[i] = a[i] != b[i]
//	}
//
// (a NaN operand gives true, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func NotEqualFloat32(dst []bool, a, b []float32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp32[cmpNe](dst, a, b)
}

// NotEqualFloat32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] != s
//	}
//
// (a NaN operand gives true). It panics unless len(a) == len(dst).
func NotEqualFloat32Scalar(dst []bool, a []float32, s float32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS32[cmpNe](dst, a, s)
}

// LessFloat32 computes
//
//	for i := range dst {
//		dst[i] = a[i] < b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func LessFloat32(dst []bool, a, b []float32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp32[cmpLt](dst, a, b)
}

// LessFloat32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] < s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func LessFloat32Scalar(dst []bool, a []float32, s float32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS32[cmpLt](dst, a, s)
}

// LessEqualFloat32 computes
//
//	for i := range dst {
//		dst[i] = a[i] <= b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func LessEqualFloat32(dst []bool, a, b []float32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp32[cmpLe](dst, a, b)
}

// LessEqualFloat32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] <= s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func LessEqualFloat32Scalar(dst []bool, a []float32, s float32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS32[cmpLe](dst, a, s)
}

// GreaterFloat32 computes
//
//	for i := range dst {
//		dst[i] = a[i] > b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func GreaterFloat32(dst []bool, a, b []float32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp32[cmpGt](dst, a, b)
}

// GreaterFloat32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] > s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func GreaterFloat32Scalar(dst []bool, a []float32, s float32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS32[cmpGt](dst, a, s)
}

// GreaterEqualFloat32 computes
//
//	for i := range dst {
//		dst[i] = a[i] >= b[i]
//	}
//
// (a NaN operand gives false, as in NumPy). It panics unless
// len(a) == len(b) == len(dst).
func GreaterEqualFloat32(dst []bool, a, b []float32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmp32[cmpGe](dst, a, b)
}

// GreaterEqualFloat32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] >= s
//	}
//
// (a NaN operand gives false). It panics unless len(a) == len(dst).
func GreaterEqualFloat32Scalar(dst []bool, a []float32, s float32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpS32[cmpGe](dst, a, s)
}

// EqualInt64 computes
//
//	for i := range dst {
//		dst[i] = a[i] == b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func EqualInt64(dst []bool, a, b []int64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI64[cmpEq](dst, a, b)
}

// EqualInt64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] == s
//	}
//
// It panics unless len(a) == len(dst).
func EqualInt64Scalar(dst []bool, a []int64, s int64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI64[cmpEq](dst, a, s)
}

// NotEqualInt64 computes
//
//	for i := range dst {
//		dst[i] = a[i] != b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func NotEqualInt64(dst []bool, a, b []int64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI64[cmpNe](dst, a, b)
}

// NotEqualInt64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] != s
//	}
//
// It panics unless len(a) == len(dst).
func NotEqualInt64Scalar(dst []bool, a []int64, s int64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI64[cmpNe](dst, a, s)
}

// LessInt64 computes
//
//	for i := range dst {
//		dst[i] = a[i] < b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func LessInt64(dst []bool, a, b []int64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI64[cmpLt](dst, a, b)
}

// LessInt64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] < s
//	}
//
// It panics unless len(a) == len(dst).
func LessInt64Scalar(dst []bool, a []int64, s int64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI64[cmpLt](dst, a, s)
}

// LessEqualInt64 computes
//
//	for i := range dst {
//		dst[i] = a[i] <= b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func LessEqualInt64(dst []bool, a, b []int64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI64[cmpLe](dst, a, b)
}

// LessEqualInt64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] <= s
//	}
//
// It panics unless len(a) == len(dst).
func LessEqualInt64Scalar(dst []bool, a []int64, s int64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI64[cmpLe](dst, a, s)
}

// GreaterInt64 computes
//
//	for i := range dst {
//		dst[i] = a[i] > b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func GreaterInt64(dst []bool, a, b []int64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI64[cmpGt](dst, a, b)
}

// GreaterInt64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] > s
//	}
//
// It panics unless len(a) == len(dst).
func GreaterInt64Scalar(dst []bool, a []int64, s int64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI64[cmpGt](dst, a, s)
}

// GreaterEqualInt64 computes
//
//	for i := range dst {
//		dst[i] = a[i] >= b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func GreaterEqualInt64(dst []bool, a, b []int64) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI64[cmpGe](dst, a, b)
}

// GreaterEqualInt64Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] >= s
//	}
//
// It panics unless len(a) == len(dst).
func GreaterEqualInt64Scalar(dst []bool, a []int64, s int64) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI64[cmpGe](dst, a, s)
}

// EqualInt32 computes
//
//	for i := range dst {
//		dst[i] = a[i] == b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func EqualInt32(dst []bool, a, b []int32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI32[cmpEq](dst, a, b)
}

// EqualInt32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] == s
//	}
//
// It panics unless len(a) == len(dst).
func EqualInt32Scalar(dst []bool, a []int32, s int32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI32[cmpEq](dst, a, s)
}

// NotEqualInt32 computes
//
//	for i := range dst {
//		dst[i] = a[i] != b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func NotEqualInt32(dst []bool, a, b []int32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI32[cmpNe](dst, a, b)
}

// NotEqualInt32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] != s
//	}
//
// It panics unless len(a) == len(dst).
func NotEqualInt32Scalar(dst []bool, a []int32, s int32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI32[cmpNe](dst, a, s)
}

// LessInt32 computes
//
//	for i := range dst {
//		dst[i] = a[i] < b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func LessInt32(dst []bool, a, b []int32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI32[cmpLt](dst, a, b)
}

// LessInt32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] < s
//	}
//
// It panics unless len(a) == len(dst).
func LessInt32Scalar(dst []bool, a []int32, s int32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI32[cmpLt](dst, a, s)
}

// LessEqualInt32 computes
//
//	for i := range dst {
//		dst[i] = a[i] <= b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func LessEqualInt32(dst []bool, a, b []int32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI32[cmpLe](dst, a, b)
}

// LessEqualInt32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] <= s
//	}
//
// It panics unless len(a) == len(dst).
func LessEqualInt32Scalar(dst []bool, a []int32, s int32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI32[cmpLe](dst, a, s)
}

// GreaterInt32 computes
//
//	for i := range dst {
//		dst[i] = a[i] > b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func GreaterInt32(dst []bool, a, b []int32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI32[cmpGt](dst, a, b)
}

// GreaterInt32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] > s
//	}
//
// It panics unless len(a) == len(dst).
func GreaterInt32Scalar(dst []bool, a []int32, s int32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI32[cmpGt](dst, a, s)
}

// GreaterEqualInt32 computes
//
//	for i := range dst {
//		dst[i] = a[i] >= b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func GreaterEqualInt32(dst []bool, a, b []int32) {
	check3(len(dst), len(a), len(b))
	trigActive.Load().cmpI32[cmpGe](dst, a, b)
}

// GreaterEqualInt32Scalar computes
//
//	for i := range dst {
//		dst[i] = a[i] >= s
//	}
//
// It panics unless len(a) == len(dst).
func GreaterEqualInt32Scalar(dst []bool, a []int32, s int32) {
	check2(len(dst), len(a))
	trigActive.Load().cmpSI32[cmpGe](dst, a, s)
}

// Comparisons, the index into trigKernels.cmp64 and friends.
const (
	cmpEq = iota
	cmpNe
	cmpLt
	cmpLe
	cmpGt
	cmpGe
	numCmp
)

// trigKernels is one implementation of the kernels of this file.
type trigKernels struct {
	name                 string
	sin64, cos64, sqrt64 func(dst, a []float64)
	sin32, cos32, sqrt32 func(dst, a []float32)
	cmp64                [numCmp]func(dst []bool, a, b []float64)
	cmp32                [numCmp]func(dst []bool, a, b []float32)
	cmpS64               [numCmp]func(dst []bool, a []float64, s float64)
	cmpS32               [numCmp]func(dst []bool, a []float32, s float32)
	cmpI64               [numCmp]func(dst []bool, a, b []int64)
	cmpI32               [numCmp]func(dst []bool, a, b []int32)
	cmpSI64              [numCmp]func(dst []bool, a []int64, s int64)
	cmpSI32              [numCmp]func(dst []bool, a []int32, s int32)
}

// trigGoKernels is the pure-Go implementation, always available.
var trigGoKernels = &trigKernels{
	name:    "go",
	sin64:   unaryGo(sin64),
	cos64:   unaryGo(cos64),
	sqrt64:  unaryGo(sqrt64),
	sin32:   unaryGo(sin32),
	cos32:   unaryGo(cos32),
	sqrt32:  unaryGo(sqrt32),
	cmp64:   cmpTwins[float64](),
	cmp32:   cmpTwins[float32](),
	cmpS64:  cmpScalarTwins[float64](),
	cmpS32:  cmpScalarTwins[float32](),
	cmpI64:  cmpTwins[int64](),
	cmpI32:  cmpTwins[int32](),
	cmpSI64: cmpScalarTwins[int64](),
	cmpSI32: cmpScalarTwins[int32](),
}

// trigImpls lists the implementations this CPU can run, best first, named
// as in Implementations; the pure-Go one is last. It is fixed at start-up.
var trigImpls []*trigKernels

// trigActive is the implementation in use; only tests replace it.
var trigActive atomic.Pointer[trigKernels]

func init() {
	trigImpls = append(archTrigKernels(), trigGoKernels)
	trigActive.Store(trigImpls[0])
	useHooks = append(useHooks, useTrig)
}

// useTrig makes the named implementation active (use calls it) and
// returns the function that restores the previous one.
func useTrig(name string) (restore func()) {
	for _, k := range trigImpls {
		if k.name == name {
			prev := trigActive.Swap(k)
			return func() { trigActive.Store(prev) }
		}
	}
	return func() {}
}
