package simd

import "sync/atomic"

//go:generate go run -C _asm -mod=mod . -out ../divmod_amd64.s -stubs ../divmod_amd64.go -pkg simd -set divmod

// The floor division, remainder and fmod kernels. Their assembly is a
// vectorised fast fmod (n = trunc(a/b), r = fma(-n, b, a), one
// correction step; see fmod64) followed by NumPy's npy_divmod, lane for
// lane the operations of the Go twins (divmod_generic.go), so every
// implementation gives the same bits; fmod itself is exact. A vector
// holding a lane outside the fast fmod's domain (b zero, infinite or
// NaN, a infinite or NaN, or a quotient of 2⁵² or more, 2²³ for
// float32) goes to the twin, as does the tail. They have their own
// implementation table (divKernels), chosen at start-up like the main
// one and switched together with it by use in tests.
//
// Runs whose results fill ntBytes or more are written with non-temporal
// stores, around the caches.

// DivModFloat64 returns NumPy's npy_divmod of a and b: the quotient
// rounded down and the remainder with the sign of b, such that
// div·b + mod ≈ a (Python's // and %):
//
//	mod = math.Mod(a, b)
//	if b == 0 {
//		return a / b, mod
//	}
//	div = (a - mod) / b
//	if mod != 0 {
//		if (b < 0) != (mod < 0) {
//			mod += b
//			div -= 1
//		}
//	} else {
//		mod = math.Copysign(0, b)
//	}
//	if div != 0 {
//		floordiv := math.Floor(div)
//		if div-floordiv > 0.5 {
//			floordiv += 1
//		}
//		return floordiv, mod
//	}
//	return math.Copysign(0, a/b), mod
func DivModFloat64(a, b float64) (div, mod float64) { return divMod(a, b) }

// Fmod returns C's fmod(a, b) (math.Mod) as the fmod kernels compute
// each element: a - n·b for n the quotient a/b truncated toward zero,
// exact, with the sign of a. The result is the same for float32
// arguments widened (it is exact).
func Fmod(a, b float64) float64 { return fmod64(a, b) }

// DivModFloat32 is DivModFloat64 in float32 arithmetic (math.Mod is
// exact, and so is math.Floor of a float32).
func DivModFloat32(a, b float32) (div, mod float32) { return divMod(a, b) }

// FmodFloat64Unitary computes C's fmod, the remainder of truncating
// division, which has the sign of the dividend:
//
//	for i := range dst {
//		dst[i] = math.Mod(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func FmodFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	k := divActive.Load()
	runDiv(dst, a, b, k.vv64[divFmod], k.lanes64, divTwin64[divFmod])
}

// FmodFloat64ScalarUnitary computes C's fmod of each a[i] by the divisor
// s:
//
//	for i := range dst {
//		dst[i] = math.Mod(a[i], s)
//	}
//
// It panics unless len(a) == len(dst).
func FmodFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, false, k.vs64[divFmod], k.lanes64, divTwin64[divFmod])
}

// RfmodFloat64ScalarUnitary computes C's fmod of the dividend s by each
// a[i]:
//
//	for i := range dst {
//		dst[i] = math.Mod(s, a[i])
//	}
//
// It panics unless len(a) == len(dst).
func RfmodFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, true, k.sv64[divFmod], k.lanes64, divTwin64[divFmod])
}

// ModFloat64Unitary computes NumPy's remainder (Python's %), the
// remainder of floor division, which has the sign of the divisor:
//
//	for i := range dst {
//		_, dst[i] = DivModFloat64(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func ModFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	k := divActive.Load()
	runDiv(dst, a, b, k.vv64[divRem], k.lanes64, divTwin64[divRem])
}

// ModFloat64ScalarUnitary computes NumPy's remainder of each a[i] by the
// divisor s:
//
//	for i := range dst {
//		_, dst[i] = DivModFloat64(a[i], s)
//	}
//
// It panics unless len(a) == len(dst).
func ModFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, false, k.vs64[divRem], k.lanes64, divTwin64[divRem])
}

// RmodFloat64ScalarUnitary computes NumPy's remainder of the dividend s
// by each a[i]:
//
//	for i := range dst {
//		_, dst[i] = DivModFloat64(s, a[i])
//	}
//
// It panics unless len(a) == len(dst).
func RmodFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, true, k.sv64[divRem], k.lanes64, divTwin64[divRem])
}

// FloorDivFloat64Unitary computes NumPy's floor_divide (Python's //),
// the quotient rounded down:
//
//	for i := range dst {
//		dst[i], _ = DivModFloat64(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func FloorDivFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	k := divActive.Load()
	runDiv(dst, a, b, k.vv64[divFloor], k.lanes64, divTwin64[divFloor])
}

// FloorDivFloat64ScalarUnitary computes NumPy's floor_divide of each
// a[i] by the divisor s:
//
//	for i := range dst {
//		dst[i], _ = DivModFloat64(a[i], s)
//	}
//
// It panics unless len(a) == len(dst).
func FloorDivFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, false, k.vs64[divFloor], k.lanes64, divTwin64[divFloor])
}

// RfloorDivFloat64ScalarUnitary computes NumPy's floor_divide of the
// dividend s by each a[i]:
//
//	for i := range dst {
//		dst[i], _ = DivModFloat64(s, a[i])
//	}
//
// It panics unless len(a) == len(dst).
func RfloorDivFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, true, k.sv64[divFloor], k.lanes64, divTwin64[divFloor])
}

// FmodFloat32Unitary computes C's fmod, the remainder of truncating
// division, which has the sign of the dividend:
//
//	for i := range dst {
//		dst[i] = float32(math.Mod(float64(a[i]), float64(b[i])))
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func FmodFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	k := divActive.Load()
	runDiv(dst, a, b, k.vv32[divFmod], k.lanes32, divTwin32[divFmod])
}

// FmodFloat32ScalarUnitary computes C's fmod of each a[i] by the divisor
// s:
//
//	for i := range dst {
//		dst[i] = float32(math.Mod(float64(a[i]), float64(s)))
//	}
//
// It panics unless len(a) == len(dst).
func FmodFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, false, k.vs32[divFmod], k.lanes32, divTwin32[divFmod])
}

// RfmodFloat32ScalarUnitary computes C's fmod of the dividend s by each
// a[i]:
//
//	for i := range dst {
//		dst[i] = float32(math.Mod(float64(s), float64(a[i])))
//	}
//
// It panics unless len(a) == len(dst).
func RfmodFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, true, k.sv32[divFmod], k.lanes32, divTwin32[divFmod])
}

// ModFloat32Unitary computes NumPy's remainder (Python's %), the
// remainder of floor division, which has the sign of the divisor:
//
//	for i := range dst {
//		_, dst[i] = DivModFloat32(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func ModFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	k := divActive.Load()
	runDiv(dst, a, b, k.vv32[divRem], k.lanes32, divTwin32[divRem])
}

// ModFloat32ScalarUnitary computes NumPy's remainder of each a[i] by the
// divisor s:
//
//	for i := range dst {
//		_, dst[i] = DivModFloat32(a[i], s)
//	}
//
// It panics unless len(a) == len(dst).
func ModFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, false, k.vs32[divRem], k.lanes32, divTwin32[divRem])
}

// RmodFloat32ScalarUnitary computes NumPy's remainder of the dividend s
// by each a[i]:
//
//	for i := range dst {
//		_, dst[i] = DivModFloat32(s, a[i])
//	}
//
// It panics unless len(a) == len(dst).
func RmodFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, true, k.sv32[divRem], k.lanes32, divTwin32[divRem])
}

// FloorDivFloat32Unitary computes NumPy's floor_divide (Python's //),
// the quotient rounded down:
//
//	for i := range dst {
//		dst[i], _ = DivModFloat32(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func FloorDivFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	k := divActive.Load()
	runDiv(dst, a, b, k.vv32[divFloor], k.lanes32, divTwin32[divFloor])
}

// FloorDivFloat32ScalarUnitary computes NumPy's floor_divide of each
// a[i] by the divisor s:
//
//	for i := range dst {
//		dst[i], _ = DivModFloat32(a[i], s)
//	}
//
// It panics unless len(a) == len(dst).
func FloorDivFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, false, k.vs32[divFloor], k.lanes32, divTwin32[divFloor])
}

// RfloorDivFloat32ScalarUnitary computes NumPy's floor_divide of the
// dividend s by each a[i]:
//
//	for i := range dst {
//		dst[i], _ = DivModFloat32(s, a[i])
//	}
//
// It panics unless len(a) == len(dst).
func RfloorDivFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	k := divActive.Load()
	runDivScalar(dst, a, s, true, k.sv32[divFloor], k.lanes32, divTwin32[divFloor])
}

// divBlock is an assembly kernel of two operands: it handles the whole
// vectors at the start of dst up to the first that holds a lane it
// leaves to the twin, and returns how many elements it did. With nt,
// dst is aligned to the vector width and the kernel stores with
// non-temporal hints.
type divBlock[T float] func(dst, a, b []T, nt bool) int

// divScalarBlock is divBlock with a scalar operand: the divisor of
// every a[i], or their dividend (the R forms).
type divScalarBlock[T float] func(dst, a []T, s T, nt bool) int

// The kernels, the index into the tables of divKernels.
const (
	divFmod = iota
	divRem
	divFloor
	numDiv
)

// divKernels is one implementation of the division kernels: the block
// kernels of two slices (vv), with the divisor a scalar (vs) and with the
// dividend a scalar (sv); nil entries (the pure-Go implementation) leave
// everything to the twins.
type divKernels struct {
	name       string
	vv64       [numDiv]divBlock[float64]
	vs64, sv64 [numDiv]divScalarBlock[float64]
	vv32       [numDiv]divBlock[float32]
	vs32, sv32 [numDiv]divScalarBlock[float32]
	lanes64    int // the vector width in elements
	lanes32    int
}

var divGoKernels = &divKernels{name: "go", lanes64: 1, lanes32: 1}

// divTwin64 and divTwin32 are the Go twins, by kernel.
var (
	divTwin64 = [numDiv]func(a, b float64) float64{fmodTwin[float64], modTwin[float64], floorDivTwin[float64]}
	divTwin32 = [numDiv]func(a, b float32) float32{fmodTwin[float32], modTwin[float32], floorDivTwin[float32]}
)

// divImpls are the implementations this CPU can run, best first, with
// the names of the main table's (see Implementations).
var divImpls []*divKernels

// divActive is the implementation in use.
var divActive atomic.Pointer[divKernels]

func init() {
	divImpls = append(archDivKernels(), divGoKernels)
	divActive.Store(divImpls[0])
	useHooks = append(useHooks, useDiv)
}

// useDiv makes the named implementation of the division kernels active,
// if there is one, for use.
func useDiv(name string) (restore func()) {
	for _, k := range divImpls {
		if k.name == name {
			prev := divActive.Swap(k)
			return func() { divActive.Store(prev) }
		}
	}
	return func() {}
}

// runDiv computes dst[i] = f(a[i], b[i]) with the block kernel k (nil:
// none) and the twin f for the vectors of lanes elements k leaves and
// the tail; a dst of ntBytes or more is stored around the caches
// (ntSpan). len(a) and len(b) are at least len(dst).
func runDiv[T float](dst, a, b []T, k divBlock[T], lanes int, f func(x, y T) T) {
	twin := func(m int) {
		d, x, y := dst[:m], a[:m], b[:m]
		for i := range d {
			d[i] = f(x[i], y[i])
		}
		dst, a, b = dst[m:], a[m:], b[m:]
	}
	if k == nil {
		twin(len(dst))
		return
	}
	h, m := ntSpan(dst)
	nt := m > 0
	if nt { // the twin up to the first 64-byte boundary
		twin(h)
	}
	for len(dst) > 0 {
		n := k(dst, a, b, nt)
		dst, a, b = dst[n:], a[n:], b[n:]
		twin(min(len(dst), lanes))
	}
}

// runDivScalar is runDiv with s the divisor of every a[i], or with rev
// their dividend.
func runDivScalar[T float](dst, a []T, s T, rev bool, k divScalarBlock[T], lanes int, f func(x, y T) T) {
	twin := func(m int) {
		d, x := dst[:m], a[:m]
		if rev {
			for i := range d {
				d[i] = f(s, x[i])
			}
		} else {
			for i := range d {
				d[i] = f(x[i], s)
			}
		}
		dst, a = dst[m:], a[m:]
	}
	if k == nil {
		twin(len(dst))
		return
	}
	h, m := ntSpan(dst)
	nt := m > 0
	if nt {
		twin(h)
	}
	for len(dst) > 0 {
		n := k(dst, a, s, nt)
		dst, a = dst[n:], a[n:]
		twin(min(len(dst), lanes))
	}
}
