package ufunc

import (
	"math"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/simd"
	"github.com/x448/float16"
)

// Typed inner loops for the hot arithmetic and comparison ufuncs. Each
// op is written out in a generic body, so that every instantiation (one
// per element type: Go stencils a separate body per underlying type)
// compiles to the machine instruction itself, with no per-element
// function call. Each loop has a contiguous path, a path for a repeated
// (stride-0) operand on either side, and a strided path.

// signedInt, unsignedInt, integer, floating and realNum are the Go
// element types the typed loops are instantiated for.
type signedInt interface {
	~int8 | ~int16 | ~int32 | ~int64
}

type unsignedInt interface {
	~uint8 | ~uint16 | ~uint32 | ~uint64
}

type integer interface{ signedInt | unsignedInt }

type floating interface{ ~float32 | ~float64 }

type realNum interface{ integer | floating }

type complexNum interface{ ~complex64 | ~complex128 }

// binary loop layouts
const (
	modeStrided = iota
	modeContig  // every operand contiguous
	modeScalarB // a and out contiguous, b repeated
	modeScalarA // b and out contiguous, a repeated
)

// binLayout classifies a binary loop's strides for element sizes as, bs
// (inputs) and rs (output).
func binLayout(steps []int, as, bs, rs int) int {
	s0, s1, s2 := steps[0], steps[1], steps[2]
	if s2 != rs {
		return modeStrided
	}
	switch {
	case s0 == as && s1 == bs:
		return modeContig
	case s0 == as && s1 == 0:
		return modeScalarB
	case s0 == 0 && s1 == bs:
		return modeScalarA
	}
	return modeStrided
}

// shortRun reports whether a loop of three operands of size sz runs
// over a contiguous run of fewer than minSimdRun elements: a small
// call's whole loop.
func shortRun(args []unsafe.Pointer, steps []int, n, sz int) bool {
	_, _ = args[2], steps[2]
	return n > 0 && n < minSimdRun && steps[0] == sz && steps[1] == sz && steps[2] == sz
}

// addFloat64, subFloat64, mulFloat64 and divFloat64 are the float64
// loops of the four arithmetic ufuncs: a short contiguous run runs here,
// without the generic loop's layout analysis, dictionary and frame
// (which cost more than four additions), and anything else in the
// generic loop.
func addFloat64(args []unsafe.Pointer, steps []int, n int) {
	if shortRun(args, steps, n, 8) {
		for i := range n {
			*at[float64](args[2], 8, i) = *at[float64](args[0], 8, i) + *at[float64](args[1], 8, i)
		}
		return
	}
	if incRun(simd.AddFloat64Inc, args, steps, n) {
		return
	}
	addLoop[float64](args, steps, n)
}

func subFloat64(args []unsafe.Pointer, steps []int, n int) {
	if shortRun(args, steps, n, 8) {
		for i := range n {
			*at[float64](args[2], 8, i) = *at[float64](args[0], 8, i) - *at[float64](args[1], 8, i)
		}
		return
	}
	if incRun(simd.SubFloat64Inc, args, steps, n) {
		return
	}
	subLoop[float64](args, steps, n)
}

func mulFloat64(args []unsafe.Pointer, steps []int, n int) {
	if shortRun(args, steps, n, 8) {
		for i := range n {
			*at[float64](args[2], 8, i) = *at[float64](args[0], 8, i) * *at[float64](args[1], 8, i)
		}
		return
	}
	if incRun(simd.MulFloat64Inc, args, steps, n) {
		return
	}
	mulLoop[float64](args, steps, n)
}

func divFloat64(args []unsafe.Pointer, steps []int, n int) {
	if shortRun(args, steps, n, 8) {
		for i := range n {
			*at[float64](args[2], 8, i) = *at[float64](args[0], 8, i) / *at[float64](args[1], 8, i)
		}
		return
	}
	if incRun(simd.DivFloat64Inc, args, steps, n) {
		return
	}
	divLoop[float64](args, steps, n)
}

// incRun runs a float64 add, subtract, multiply or divide (f, one of
// simd's Inc kernels) over a run whose output is contiguous and whose
// inputs step by one or two elements, at least one of them by two (a
// view x[::2], the real parts of complex128 values), and reports whether
// it did. The kernel reads a stride-2 input directly, two vectors at a
// time, which is why the walk does not gather such inputs into
// contiguous chunks for these loops (see takesEvens).
func incRun(f func(dst, a, b []float64, incA, incB int), args []unsafe.Pointer, steps []int, n int) bool {
	sa, sb := steps[0], steps[1]
	if n < minSimdRun || steps[2] != 8 || sa != 8 && sa != 16 || sb != 8 && sb != 16 || sa+sb == 16 {
		return false
	}
	ia, ib := sa/8, sb/8
	f(unsafe.Slice((*float64)(args[2]), n), unsafe.Slice((*float64)(args[0]), (n-1)*ia+1),
		unsafe.Slice((*float64)(args[1]), (n-1)*ib+1), ia, ib)
	return true
}

// takesEvens reports whether l is one of the loops that read stride-2
// float64 inputs themselves (incRun). A Loop made from a function
// declaration is a pointer to that function's one static closure, so
// the pointers compare.
func takesEvens(l Loop) bool {
	id := loopID(l)
	return id == loopID(addFloat64) || id == loopID(subFloat64) || id == loopID(mulFloat64) || id == loopID(divFloat64)
}

// loopID is the closure pointer of l.
func loopID(l Loop) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&l)) }

// isReduce reports the reduction layout: the output is the first input's
// element, repeated (out = out op b[i] for every i).
func isReduce(args []unsafe.Pointer, steps []int) bool {
	return args[0] == args[2] && steps[0] == 0 && steps[2] == 0
}

func sizeOf[T any]() int {
	var z T
	return int(unsafe.Sizeof(z))
}

// at returns the i-th element of a strided operand.
func at[T any](p unsafe.Pointer, step, i int) *T {
	return (*T)(unsafe.Add(p, i*step))
}

// slices3 returns the three operands as slices for the non-strided
// layouts (a repeated operand as a one-element slice).
func slices3[A, B, R any](args []unsafe.Pointer, mode, n int) (x []A, y []B, out []R) {
	out = unsafe.Slice((*R)(args[2]), n)
	switch mode {
	case modeContig:
		x = unsafe.Slice((*A)(args[0]), n)
		y = unsafe.Slice((*B)(args[1]), n)
	case modeScalarB:
		x = unsafe.Slice((*A)(args[0]), n)
		y = unsafe.Slice((*B)(args[1]), 1)
	case modeScalarA:
		x = unsafe.Slice((*A)(args[0]), 1)
		y = unsafe.Slice((*B)(args[1]), n)
	}
	return x, y, out
}

// ---- simd kernels ----

// floatKind reports whether T is float64 (64), float32 (32) or neither
// (0): the element types with simd kernels.
func floatKind[T any]() int {
	var z T
	switch any(z).(type) {
	case float64:
		return 64
	case float32:
		return 32
	}
	return 0
}

// asFloat64 and asFloat32 view a []T as the float slice it is (T is
// float64 or float32 exactly, as checked by floatKind).
func asFloat64[T any](s []T) []float64 {
	return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
}

func asFloat32[T any](s []T) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
}

// simdOps are the simd kernels of one binary operation: both operands
// contiguous (vv), a repeated second operand (vs: a[i] op s) and a
// repeated first operand (sv: s op a[i]).
type simdOps struct {
	vv64 func(dst, a, b []float64)
	vs64 func(dst, a []float64, s float64)
	sv64 func(dst, a []float64, s float64)
	vv32 func(dst, a, b []float32)
	vs32 func(dst, a []float32, s float32)
	sv32 func(dst, a []float32, s float32)
}

var (
	simdAdd = simdOps{
		simd.AddFloat64Unitary, simd.AddFloat64ScalarUnitary, simd.AddFloat64ScalarUnitary,
		simd.AddFloat32Unitary, simd.AddFloat32ScalarUnitary, simd.AddFloat32ScalarUnitary,
	}
	simdSub = simdOps{
		simd.SubFloat64Unitary, simd.SubFloat64ScalarUnitary, simd.RsubFloat64ScalarUnitary,
		simd.SubFloat32Unitary, simd.SubFloat32ScalarUnitary, simd.RsubFloat32ScalarUnitary,
	}
	simdMul = simdOps{
		simd.MulFloat64Unitary, simd.MulFloat64ScalarUnitary, simd.MulFloat64ScalarUnitary,
		simd.MulFloat32Unitary, simd.MulFloat32ScalarUnitary, simd.MulFloat32ScalarUnitary,
	}
	// maximum and minimum have kernels for contiguous operands only.
	simdMax = simdOps{vv64: simd.MaxFloat64Unitary, vv32: simd.MaxFloat32Unitary}
	simdMin = simdOps{vv64: simd.MinFloat64Unitary, vv32: simd.MinFloat32Unitary}
	simdDiv = simdOps{
		simd.DivFloat64Unitary, simd.DivFloat64ScalarUnitary, simd.RdivFloat64ScalarUnitary,
		simd.DivFloat32Unitary, simd.DivFloat32ScalarUnitary, simd.RdivFloat32ScalarUnitary,
	}
)

// The floating-point floor division, remainder and fmod kernels. The
// simd kernels give the bits of floorDivFloat, remFloat and fmodFloat
// (NumPy's npy_floor_divide, npy_remainder and C's fmod) for every
// operand, so they take runs of any length.
var (
	simdFloorDiv = simdOps{
		simd.FloorDivFloat64Unitary, simd.FloorDivFloat64ScalarUnitary, simd.RfloorDivFloat64ScalarUnitary,
		simd.FloorDivFloat32Unitary, simd.FloorDivFloat32ScalarUnitary, simd.RfloorDivFloat32ScalarUnitary,
	}
	simdRem = simdOps{
		simd.ModFloat64Unitary, simd.ModFloat64ScalarUnitary, simd.RmodFloat64ScalarUnitary,
		simd.ModFloat32Unitary, simd.ModFloat32ScalarUnitary, simd.RmodFloat32ScalarUnitary,
	}
	simdFmod = simdOps{
		simd.FmodFloat64Unitary, simd.FmodFloat64ScalarUnitary, simd.RfmodFloat64ScalarUnitary,
		simd.FmodFloat32Unitary, simd.FmodFloat32ScalarUnitary, simd.RfmodFloat32ScalarUnitary,
	}
)

// divFamilyLoop returns the float32 or float64 loop of floor_divide,
// remainder or fmod: contiguous runs and runs with a repeated operand go
// to the simd kernels ops, strided ones to f (the same function, element
// by element).
func divFamilyLoop[T floating](ops *simdOps, f func(a, b T) T) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n <= 0 {
			return
		}
		sz := sizeOf[T]()
		if mode := binLayout(steps, sz, sz, sz); mode != modeStrided {
			x, y, out := slices3[T, T, T](args, mode, n)
			if simdBinary(ops, mode, x, y, out) {
				return
			}
		}
		for i := range n {
			*at[T](args[2], steps[2], i) = f(*at[T](args[0], steps[0], i), *at[T](args[1], steps[1], i))
		}
	}
}

// runOperand returns elements i to i+m of a contiguous operand at p, or
// its one element if it is repeated (step 0).
func runOperand[T any](p unsafe.Pointer, step, i, m int) []T {
	if step == 0 {
		return unsafe.Slice((*T)(p), 1)
	}
	return unsafe.Slice((*T)(unsafe.Add(p, i*step)), m)
}

// divmodChunk is the number of quotients divmodLoop keeps on its stack
// at a time.
const divmodChunk = 256

// divmodLoop returns the float32 or float64 loop of divmod. Runs whose
// inputs are contiguous or repeated and whose outputs are contiguous go
// to the simd kernels, a chunk at a time: the quotients to a buffer, the
// remainders to the second output, then the quotients to the first, so
// that an output may be an input (divmod(x, y, out=(x, y))). Strided
// runs take divmodFloat element by element.
func divmodLoop[T floating]() Loop {
	f := BinaryTwo(divmodFloat[T])
	return func(args []unsafe.Pointer, steps []int, n int) {
		sz := sizeOf[T]()
		if n <= 0 || steps[3] != sz {
			f(args, steps, n)
			return
		}
		mode := binLayout(steps[:3], sz, sz, sz)
		if mode == modeStrided {
			f(args, steps, n)
			return
		}
		var buf [divmodChunk]T
		for i := 0; i < n; i += divmodChunk {
			m := min(divmodChunk, n-i)
			x, y := runOperand[T](args[0], steps[0], i, m), runOperand[T](args[1], steps[1], i, m)
			quo, rem := buf[:m], unsafe.Slice((*T)(unsafe.Add(args[3], i*sz)), m)
			simdBinary(&simdFloorDiv, mode, x, y, quo)
			simdBinary(&simdRem, mode, x, y, rem)
			copy(unsafe.Slice((*T)(unsafe.Add(args[2], i*sz)), m), quo)
		}
	}
}

// minSimdRun is the shortest run the arithmetic loops hand to simd:
// below it, choosing and calling a kernel costs more than the Go loop,
// which gives the same bits.
const minSimdRun = 16

// simdBinary runs ops on a non-strided layout (from slices3) when T is
// float64 or float32 and ops has a kernel for the layout, and reports
// whether it did.
func simdBinary[T any](ops *simdOps, mode int, x, y, out []T) bool {
	if mode != modeContig && ops.vs64 == nil {
		return false
	}
	n := len(out)
	switch floatKind[T]() {
	case 64:
		o, a, b := asFloat64(out), asFloat64(x), asFloat64(y)
		switch mode {
		case modeContig:
			ops.vv64(o, a[:n], b[:n])
		case modeScalarB:
			ops.vs64(o, a[:n], b[0])
		case modeScalarA:
			ops.sv64(o, b[:n], a[0])
		}
		return true
	case 32:
		o, a, b := asFloat32(out), asFloat32(x), asFloat32(y)
		switch mode {
		case modeContig:
			ops.vv32(o, a[:n], b[:n])
		case modeScalarB:
			ops.vs32(o, a[:n], b[0])
		case modeScalarA:
			ops.sv32(o, b[:n], a[0])
		}
		return true
	}
	return false
}

// Integer operations with simd kernels for contiguous operands.
// Maximum and minimum (from intOpMax on) compare signed, so they have
// kernels for int32 and int64 only.
const (
	intOpAdd = iota
	intOpSub
	intOpMul
	intOpMax
	intOpMin
)

var (
	simdInt32 = [...]func(dst, a, b []int32){simd.AddInt32Unitary, simd.SubInt32Unitary, simd.MulInt32Unitary,
		simd.MaxInt32Unitary, simd.MinInt32Unitary}
	simdInt64 = [...]func(dst, a, b []int64){simd.AddInt64Unitary, simd.SubInt64Unitary, simd.MulInt64Unitary,
		simd.MaxInt64Unitary, simd.MinInt64Unitary}
)

// simdIntScalar32 and simdIntScalar64 are the kernels with a scalar
// second operand, in the order of the intOp constants, then s - a[i].
var (
	simdIntScalar32 = [...]func(dst, a []int32, s int32){simd.AddInt32ScalarUnitary, simd.SubInt32ScalarUnitary,
		simd.MulInt32ScalarUnitary, simd.MaxInt32ScalarUnitary, simd.MinInt32ScalarUnitary, simd.RsubInt32ScalarUnitary}
	simdIntScalar64 = [...]func(dst, a []int64, s int64){simd.AddInt64ScalarUnitary, simd.SubInt64ScalarUnitary,
		simd.MulInt64ScalarUnitary, simd.MaxInt64ScalarUnitary, simd.MinInt64ScalarUnitary, simd.RsubInt64ScalarUnitary}
)

// intOpRsub indexes s - a[i] in simdIntScalar32/64.
const intOpRsub = intOpMin + 1

// simdIntBinary runs the simd kernel of op when x and out are
// contiguous and y is too or is a repeated operand (or y and out are
// contiguous and x is repeated), and T is a 32- or 64-bit integer
// (signed or not for add, subtract and multiply: wrapping sums,
// differences and the low half of a product are the same bits for
// both; signed only for maximum and minimum), and reports whether it
// did.
func simdIntBinary[T any](op int, mode int, x, y, out []T) bool {
	var z T
	switch any(z).(type) {
	case uint32, uint64:
		if op >= intOpMax {
			return false
		}
	}
	n := len(out)
	// a repeated first operand: s op y[i], by commuting or as s - y[i]
	scalarOp := op
	if mode == modeScalarA {
		x, y = y, x
		if op == intOpSub {
			scalarOp = intOpRsub
		}
	}
	switch any(z).(type) {
	case int32, uint32:
		switch mode {
		case modeContig:
			simdInt32[op](reinterpret[T, int32](out), reinterpret[T, int32](x[:n]), reinterpret[T, int32](y[:n]))
		case modeScalarA, modeScalarB:
			simdIntScalar32[scalarOp](reinterpret[T, int32](out), reinterpret[T, int32](x[:n]), reinterpret[T, int32](y)[0])
		default:
			return false
		}
		return true
	case int64, uint64:
		switch mode {
		case modeContig:
			simdInt64[op](reinterpret[T, int64](out), reinterpret[T, int64](x[:n]), reinterpret[T, int64](y[:n]))
		case modeScalarA, modeScalarB:
			simdIntScalar64[scalarOp](reinterpret[T, int64](out), reinterpret[T, int64](x[:n]), reinterpret[T, int64](y)[0])
		default:
			return false
		}
		return true
	}
	return false
}

// simdIntExtreme returns the maximum (isMax) or minimum of the n
// elements at p, a contiguous run of int32 or int64, by simd, and
// whether it did (not for other types and strides, or short runs).
func simdIntExtreme[T any](p unsafe.Pointer, step, n int, isMax bool) (T, bool) {
	var z T
	if n < minSimdRun || step != sizeOf[T]() {
		return z, false
	}
	switch any(z).(type) {
	case int32:
		a := unsafe.Slice((*int32)(p), n)
		m := simd.MinInt32
		if isMax {
			m = simd.MaxInt32
		}
		return any(m(a)).(T), true
	case int64:
		a := unsafe.Slice((*int64)(p), n)
		m := simd.MinInt64
		if isMax {
			m = simd.MaxInt64
		}
		return any(m(a)).(T), true
	}
	return z, false
}

// reinterpret views a []T as a []U of the same length (T and U of the
// same size).
func reinterpret[T, U any](s []T) []U {
	return unsafe.Slice((*U)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
}

// simdExtreme returns simd.Max/Min of the n contiguous floats at p.
func simdExtreme[T floating](p unsafe.Pointer, n int, isMax bool) T {
	switch floatKind[T]() {
	case 64:
		a := unsafe.Slice((*float64)(p), n)
		if isMax {
			return T(simd.MaxFloat64(a))
		}
		return T(simd.MinFloat64(a))
	default:
		a := unsafe.Slice((*float32)(p), n)
		if isMax {
			return T(simd.MaxFloat32(a))
		}
		return T(simd.MinFloat32(a))
	}
}

// argFloat wraps the strided argmax (argmin) finder of float32 or
// float64 so that contiguous runs go to simd.ArgMax/ArgMin, which give
// the same index: the first of the extreme value, or of the first NaN.
func argFloat[T floating](isMax bool, strided func(p unsafe.Pointer, step, n int) int) func(p unsafe.Pointer, step, n int) int {
	return func(p unsafe.Pointer, step, n int) int {
		if step != sizeOf[T]() || n == 0 {
			return strided(p, step, n)
		}
		switch floatKind[T]() {
		case 64:
			a := unsafe.Slice((*float64)(p), n)
			if isMax {
				return simd.ArgMaxFloat64(a)
			}
			return simd.ArgMinFloat64(a)
		default:
			a := unsafe.Slice((*float32)(p), n)
			if isMax {
				return simd.ArgMaxFloat32(a)
			}
			return simd.ArgMinFloat32(a)
		}
	}
}

// argInt finds the first extreme integer: contiguous int32 and int64
// runs by simd.ArgMax/ArgMin, everything else by a Go loop (argOrdered
// without its key function, which cost a call an element).
func argInt[T integer](isMax bool) func(p unsafe.Pointer, step, n int) int {
	return func(p unsafe.Pointer, step, n int) int {
		if step == sizeOf[T]() && n > 0 {
			var z T
			switch any(z).(type) {
			case int32:
				a := unsafe.Slice((*int32)(p), n)
				if isMax {
					return simd.ArgMaxInt32(a)
				}
				return simd.ArgMinInt32(a)
			case int64:
				a := unsafe.Slice((*int64)(p), n)
				if isMax {
					return simd.ArgMaxInt64(a)
				}
				return simd.ArgMinInt64(a)
			}
		}
		best, bi := *(*T)(p), 0
		for i := 1; i < n; i++ {
			x := *(*T)(unsafe.Add(p, i*step))
			if (isMax && x > best) || (!isMax && x < best) {
				best, bi = x, i
			}
		}
		return bi
	}
}

// ---- add ----

func addLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) {
		p := (*T)(args[0])
		*p += sumReal[T](args[1], steps[1], n)
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[T](args[2], steps[2], i) = *at[T](args[0], steps[0], i) + *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, T](args, mode, n)
	if n >= minSimdRun && (simdBinary(&simdAdd, mode, x, y, out) || simdIntBinary(intOpAdd, mode, x, y, out)) {
		return
	}
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] + y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] + s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s + y[i]
		}
	}
}

// sumReal sums n strided elements: pairwise for floats (as NumPy's
// pairwise summation), in order for integers (exact modulo wrapping).
func sumReal[T realNum](p unsafe.Pointer, step, n int) T {
	var z T
	switch any(z).(type) {
	case float32:
		if step == 4 {
			return any(simd.SumFloat32(unsafe.Slice((*float32)(p), n))).(T)
		}
		return any(pairwiseSum(p, step, n, func(v float32) float32 { return v })).(T)
	case float64:
		if step == 8 {
			return any(simd.SumFloat64(unsafe.Slice((*float64)(p), n))).(T)
		}
		return any(pairwiseSum(p, step, n, func(v float64) float64 { return v })).(T)
	}
	if step == sizeOf[T]() {
		return sumIntRun[T](p, n)
	}
	var s T
	for i := range n {
		s += *at[T](p, step, i)
	}
	return s
}

// sumIntRun sums a contiguous run of n integers with the simd widening
// sums: the int64 sum of the elements, truncated to T, is the sum in T
// wrapped as T's own addition would (for unsigned T too, the low bits of
// a sum do not depend on how the elements are sign-extended).
func sumIntRun[T realNum](p unsafe.Pointer, n int) T {
	var s int64
	switch sizeOf[T]() {
	case 1:
		s = simd.SumInt8ToInt64(unsafe.Slice((*int8)(p), n))
	case 2:
		s = simd.SumInt16ToInt64(unsafe.Slice((*int16)(p), n))
	case 4:
		s = simd.SumInt32ToInt64(unsafe.Slice((*int32)(p), n))
	default:
		s = simd.SumInt64(unsafe.Slice((*int64)(p), n))
	}
	return T(s)
}

// pwBlock is NumPy's PW_BLOCKSIZE: below it a block is summed with eight
// accumulators, above it the run is split in two.
const pwBlock = 128

// pairwiseSum is NumPy's pairwise summation of n strided elements of type
// E accumulated in type A (float32 for float16 elements).
func pairwiseSum[E any, A floating](p unsafe.Pointer, step, n int, conv func(E) A) A {
	switch {
	case n < 8:
		var res A
		for i := range n {
			res += conv(*at[E](p, step, i))
		}
		return res
	case n <= pwBlock:
		var r [8]A
		for k := range 8 {
			r[k] = conv(*at[E](p, step, k))
		}
		i := 8
		for ; i < n-n%8; i += 8 {
			for k := range 8 {
				r[k] += conv(*at[E](p, step, i+k))
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += conv(*at[E](p, step, i))
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return pairwiseSum(p, step, n2, conv) + pairwiseSum(unsafe.Add(p, n2*step), step, n-n2, conv)
}

// pairwiseSumComplex is NumPy's pairwise summation of complex elements:
// it counts n parts (twice the number of elements) with a stride of half
// an element step, as NumPy's CDOUBLE_pairwise_sum does.
func pairwiseSumComplex[A floating](p unsafe.Pointer, step, n int) (rr, ri A) {
	sz := sizeOf[A]()
	part := func(i, k int) A { // part k (0 real, 1 imaginary) of half-index i
		return *(*A)(unsafe.Add(p, (i/2)*step+k*sz))
	}
	switch {
	case n < 8:
		for i := 0; i < n; i += 2 {
			rr += part(i, 0)
			ri += part(i, 1)
		}
		return rr, ri
	case n <= pwBlock:
		var r [8]A
		for k := 0; k < 8; k += 2 {
			r[k], r[k+1] = part(k, 0), part(k, 1)
		}
		i := 8
		for ; i < n-n%8; i += 8 {
			for k := 0; k < 8; k += 2 {
				r[k] += part(i+k, 0)
				r[k+1] += part(i+k, 1)
			}
		}
		rr = (r[0] + r[2]) + (r[4] + r[6])
		ri = (r[1] + r[3]) + (r[5] + r[7])
		for ; i < n; i += 2 {
			rr += part(i, 0)
			ri += part(i, 1)
		}
		return rr, ri
	}
	n2 := n / 2
	n2 -= n2 % 8
	r1, i1 := pairwiseSumComplex[A](p, step, n2)
	r2, i2 := pairwiseSumComplex[A](unsafe.Add(p, (n2/2)*step), step, n-n2)
	return r1 + r2, i1 + i2
}

// addComplexLoop adds complex numbers, summing pairwise in a reduction.
func addComplexLoop[C complexNum, F floating](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) {
		rr, ri := pairwiseSumComplex[F](args[1], steps[1], n*2)
		o := (*[2]F)(args[0])
		o[0] += rr
		o[1] += ri
		return
	}
	sz := sizeOf[C]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[C](args[2], steps[2], i) = *at[C](args[0], steps[0], i) + *at[C](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[C, C, C](args, mode, n)
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] + y[i]
		}
	case modeScalarB:
		for i := range out {
			out[i] = x[i] + y[0]
		}
	case modeScalarA:
		for i := range out {
			out[i] = x[0] + y[i]
		}
	}
}

// addHalfLoop adds float16 values in float32 (as NumPy), summing
// pairwise in float32 in a reduction.
func addHalfLoop(args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) {
		p := (*float16.Float16)(args[0])
		s := pairwiseSum[float16.Float16, float32](args[1], steps[1], n, float16.Float16.Float32)
		*p = half(p.Float32() + s)
		return
	}
	halfBinary(func(a, b float32) float32 { return a + b })(args, steps, n)
}

// half rounds a float32 to the nearest float16 (NumPy's
// npy_float_to_half).
func half(f float32) float16.Float16 { return dtype.FromFloat64(float64(f)) }

// halfBinary returns a float16 loop computing f in float32.
func halfBinary(f func(a, b float32) float32) Loop {
	return Binary(func(a, b float16.Float16) float16.Float16 { return half(f(a.Float32(), b.Float32())) })
}

// halfUnary returns a float16 loop computing f in float32.
func halfUnary(f func(a float32) float32) Loop {
	return Unary(func(a float16.Float16) float16.Float16 { return half(f(a.Float32())) })
}

// ---- subtract ----

func subLoop[T realNum | complexNum](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[T](args[2], steps[2], i) = *at[T](args[0], steps[0], i) - *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, T](args, mode, n)
	if n >= minSimdRun && (simdBinary(&simdSub, mode, x, y, out) || simdIntBinary(intOpSub, mode, x, y, out)) {
		return
	}
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] - y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] - s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s - y[i]
		}
	}
}

// ---- multiply ----

func mulLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) {
		p := (*T)(args[0])
		r := *p
		for i := range n {
			r *= *at[T](args[1], steps[1], i)
		}
		*p = r
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[T](args[2], steps[2], i) = *at[T](args[0], steps[0], i) * *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, T](args, mode, n)
	if n >= minSimdRun && (simdBinary(&simdMul, mode, x, y, out) || simdIntBinary(intOpMul, mode, x, y, out)) {
		return
	}
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] * y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] * s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s * y[i]
		}
	}
}

// ---- true divide (floats) ----

func divLoop[T floating](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[T](args[2], steps[2], i) = *at[T](args[0], steps[0], i) / *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, T](args, mode, n)
	if n >= minSimdRun && simdBinary(&simdDiv, mode, x, y, out) {
		return
	}
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] / y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] / s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s / y[i]
		}
	}
}

// ---- maximum / minimum ----

// maxIntLoop and minIntLoop are maximum/minimum of integers.
func maxIntLoop[T integer](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) {
		p := (*T)(args[0])
		if m, ok := simdIntExtreme[T](args[1], steps[1], n, true); ok {
			*p = max(*p, m)
			return
		}
		r := *p
		for i := range n {
			r = max(r, *at[T](args[1], steps[1], i))
		}
		*p = r
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[T](args[2], steps[2], i) = max(*at[T](args[0], steps[0], i), *at[T](args[1], steps[1], i))
		}
		return
	}
	x, y, out := slices3[T, T, T](args, mode, n)
	if n >= minSimdRun && simdIntBinary(intOpMax, mode, x, y, out) {
		return
	}
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = max(x[i], y[i])
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = max(x[i], s)
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = max(s, y[i])
		}
	}
}

func minIntLoop[T integer](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) {
		p := (*T)(args[0])
		if m, ok := simdIntExtreme[T](args[1], steps[1], n, false); ok {
			*p = min(*p, m)
			return
		}
		r := *p
		for i := range n {
			r = min(r, *at[T](args[1], steps[1], i))
		}
		*p = r
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[T](args[2], steps[2], i) = min(*at[T](args[0], steps[0], i), *at[T](args[1], steps[1], i))
		}
		return
	}
	x, y, out := slices3[T, T, T](args, mode, n)
	if n >= minSimdRun && simdIntBinary(intOpMin, mode, x, y, out) {
		return
	}
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = min(x[i], y[i])
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = min(x[i], s)
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = min(s, y[i])
		}
	}
}

// fmaxNaN is NumPy's maximum of floats as its SIMD loops compute it on
// x86 (maxps, with NaNs propagated): isnan(a) || a > b ? a : b, so a NaN
// in either operand wins and of two equal values (±0) the second is
// taken.
func fmaxNaN[T floating](a, b T) T {
	if a > b || a != a {
		return a
	}
	return b
}

// fminNaN is NumPy's minimum of floats: isnan(a) || a < b ? a : b.
func fminNaN[T floating](a, b T) T {
	if a < b || a != a {
		return a
	}
	return b
}

// maxFloatLoop and minFloatLoop are NumPy's maximum and minimum of
// floats (NaN-propagating, see fmaxNaN).
func maxFloatLoop[T floating](args []unsafe.Pointer, steps []int, n int) {
	extremeFloatLoop[T](args, steps, n, true)
}

func minFloatLoop[T floating](args []unsafe.Pointer, steps []int, n int) {
	extremeFloatLoop[T](args, steps, n, false)
}

// pickNaN is fmaxNaN or fminNaN.
func pickNaN[T floating](a, b T, isMax bool) T {
	if isMax {
		return fmaxNaN(a, b)
	}
	return fminNaN(a, b)
}

func extremeFloatLoop[T floating](args []unsafe.Pointer, steps []int, n int, isMax bool) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) {
		p := (*T)(args[0])
		if steps[1] == sizeOf[T]() {
			// pick(r, simd extreme of the run) is the sequential fold: a
			// NaN in r or the run wins (r's first), ties take the run's.
			*p = pickNaN(*p, simdExtreme[T](args[1], n, isMax), isMax)
			return
		}
		r := *p
		for i := range n {
			r = pickNaN(r, *at[T](args[1], steps[1], i), isMax)
		}
		*p = r
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, sz)
	if mode == modeStrided {
		for i := range n {
			*at[T](args[2], steps[2], i) = pickNaN(*at[T](args[0], steps[0], i), *at[T](args[1], steps[1], i), isMax)
		}
		return
	}
	x, y, out := slices3[T, T, T](args, mode, n)
	ops := &simdMin
	if isMax {
		ops = &simdMax
	}
	// contiguous operands always go to simd; the scalar forms have no
	// kernels yet
	if simdBinary(ops, mode, x, y, out) {
		return
	}
	switch mode {
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = pickNaN(x[i], s, isMax)
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = pickNaN(s, y[i], isMax)
		}
	}
}

// reduceWith wraps a binary loop so that the reduction layout runs f
// sequentially into the accumulator (out = f(out, b[i])).
func reduceWith[T any](loop Loop, f func(acc, b T) T) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n > 0 && isReduce(args, steps) {
			p := (*T)(args[0])
			r := *p
			for i := range n {
				r = f(r, *at[T](args[1], steps[1], i))
			}
			*p = r
			return
		}
		loop(args, steps, n)
	}
}

// ---- comparisons ----

// cmpOp selects a comparison.
type cmpOp uint8

const (
	opEq cmpOp = iota
	opNe
	opLt
	opLe
	opGt
	opGe
)

// cmpLoop returns the typed comparison loop for op.
func cmpLoop[T realNum](op cmpOp) Loop {
	switch op {
	case opEq:
		return eqLoop[T]
	case opNe:
		return neLoop[T]
	case opLt:
		return ltLoop[T]
	case opLe:
		return leLoop[T]
	case opGt:
		return gtLoop[T]
	}
	return geLoop[T]
}

func eqLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, 1)
	if mode == modeStrided {
		for i := range n {
			*at[bool](args[2], steps[2], i) = *at[T](args[0], steps[0], i) == *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, bool](args, mode, n)
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] == y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] == s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s == y[i]
		}
	}
}

func neLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, 1)
	if mode == modeStrided {
		for i := range n {
			*at[bool](args[2], steps[2], i) = *at[T](args[0], steps[0], i) != *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, bool](args, mode, n)
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] != y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] != s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s != y[i]
		}
	}
}

func ltLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, 1)
	if mode == modeStrided {
		for i := range n {
			*at[bool](args[2], steps[2], i) = *at[T](args[0], steps[0], i) < *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, bool](args, mode, n)
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] < y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] < s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s < y[i]
		}
	}
}

func leLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	sz := sizeOf[T]()
	mode := binLayout(steps, sz, sz, 1)
	if mode == modeStrided {
		for i := range n {
			*at[bool](args[2], steps[2], i) = *at[T](args[0], steps[0], i) <= *at[T](args[1], steps[1], i)
		}
		return
	}
	x, y, out := slices3[T, T, bool](args, mode, n)
	switch mode {
	case modeContig:
		x, y = x[:len(out)], y[:len(out)]
		for i := range out {
			out[i] = x[i] <= y[i]
		}
	case modeScalarB:
		x, s := x[:len(out)], y[0]
		for i := range out {
			out[i] = x[i] <= s
		}
	case modeScalarA:
		s, y := x[0], y[:len(out)]
		for i := range out {
			out[i] = s <= y[i]
		}
	}
}

// gtLoop and geLoop swap the operands of ltLoop and leLoop.
func gtLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	ltLoop[T]([]unsafe.Pointer{args[1], args[0], args[2]}, []int{steps[1], steps[0], steps[2]}, n)
}

func geLoop[T realNum](args []unsafe.Pointer, steps []int, n int) {
	leLoop[T]([]unsafe.Pointer{args[1], args[0], args[2]}, []int{steps[1], steps[0], steps[2]}, n)
}

// isNaN reports whether x is a NaN, for either float width.
func isNaN[T floating](x T) bool { return x != x }

// isInf reports whether x is ±Inf.
func isInf[T floating](x T) bool { return math.IsInf(float64(x), 0) }

// ---- widening integer sums ----

// widenSumLoop returns the loop with which an add reduction into an
// int64 accumulator can read int8, int16 or int32 input directly, with
// no cast: out[i] = acc[i] + int64(in[i]), the run going to the simd
// widening sums in the reduction layout. It returns nil for other
// dtypes (or a non-native byte order). A reduction of Add whose
// accumulator is int64 and whose input is one of these uses it in place
// of the int64 loop and the input cast.
func widenSumLoop(acc, in dtype.DType) Loop {
	if acc != dtype.Int64 {
		return nil
	}
	switch in {
	case dtype.Int8:
		return addWidenLoop[int8]
	case dtype.Int16:
		return addWidenLoop[int16]
	case dtype.Int32:
		return addWidenLoop[int32]
	}
	return nil
}

// addWidenLoop is add of (int64, E) -> int64.
func addWidenLoop[E int8 | int16 | int32](args []unsafe.Pointer, steps []int, n int) {
	if n <= 0 {
		return
	}
	if isReduce(args, steps) && steps[1] == sizeOf[E]() {
		var s int64
		switch sizeOf[E]() {
		case 1:
			s = simd.SumInt8ToInt64(unsafe.Slice((*int8)(args[1]), n))
		case 2:
			s = simd.SumInt16ToInt64(unsafe.Slice((*int16)(args[1]), n))
		default:
			s = simd.SumInt32ToInt64(unsafe.Slice((*int32)(args[1]), n))
		}
		*(*int64)(args[0]) += s
		return
	}
	for i := range n {
		*at[int64](args[2], steps[2], i) = *at[int64](args[0], steps[0], i) + int64(*at[E](args[1], steps[1], i))
	}
}
