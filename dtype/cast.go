package dtype

import (
	"math"
	"math/bits"
	"runtime"
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
	"github.com/x448/float16"
)

// CastLoop converts n elements from src to dst. dst and src point at the
// first element of each run; ds and ss are byte strides (any sign, or 0
// for a repeated source). Pointers are only ever formed to elements that
// exist, so a loop may be handed the last element of a buffer.
type CastLoop = func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int)

// GetCast returns the loop that converts elements of type from to type to,
// with NumPy's value semantics: integers wrap, floats round to nearest
// even (float64 to float16 rounds once), float to integer truncates toward
// zero, complex to real keeps the real part, anything to bool tests for
// non-zero. The casting level is not checked here; see CanCast.
// Either type may be in non-native byte order.
func GetCast(from, to DType) (CastLoop, error) {
	if !from.IsValid() || !to.IsValid() {
		return nil, &CastError{From: from, To: to, Casting: Unsafe}
	}
	if from.Kind().IsFlexible() || to.Kind().IsFlexible() {
		return flexGetCast(from, to)
	}
	if from.Num() == NumUser || to.Num() == NumUser {
		if from == to {
			return copyLoop(from.Size()), nil
		}
		if e, ok := userCast(from, to); ok {
			return e.loop, nil
		}
		return nil, &CastError{From: from, To: to, Casting: Unsafe}
	}
	if from == to {
		return nativeCasts[from.Num()][from.Num()], nil
	}
	loop := nativeCasts[from.Num()][to.Num()]
	if from.IsNative() && to.IsNative() {
		return loop, nil
	}
	return swappedCast(loop, from, to), nil
}

// copyLoop returns a loop that copies elements of the given size.
func copyLoop(size int) CastLoop {
	switch size {
	case 1:
		return copyBy[uint8]
	case 2:
		return copyBy[uint16]
	case 4:
		return copyBy[uint32]
	case 8:
		return copyBy[uint64]
	case 16:
		return copyBy[[2]uint64]
	}
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
		for i := range n {
			copy(unsafe.Slice((*byte)(unsafe.Add(dst, i*ds)), size), unsafe.Slice((*byte)(unsafe.Add(src, i*ss)), size))
		}
	}
}

// castLoop makes a strided loop from a per-element conversion. Contiguous
// runs take a slice-based path the compiler vectorises better.
func castLoop[S, D any](conv func(S) D) CastLoop {
	var s S
	var d D
	sz, dz := int(unsafe.Sizeof(s)), int(unsafe.Sizeof(d))
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
		if n <= 0 {
			return
		}
		if ds == dz && ss == sz {
			dv := unsafe.Slice((*D)(dst), n)
			sv := unsafe.Slice((*S)(src), n)
			for i, v := range sv {
				dv[i] = conv(v)
			}
			return
		}
		for i := range n {
			*(*D)(unsafe.Add(dst, i*ds)) = conv(*(*S)(unsafe.Add(src, i*ss)))
		}
	}
}

// converter is a per-element conversion as a type: the zero value of C
// converts. A loop instantiated with one (castBy) is a static function
// value, where a loop closing over a conversion function (castLoop) is
// an object on the heap that every garbage collection marks; the
// built-in cast tables would hold about two hundred of them.
type converter[S, D any] interface{ conv(S) D }

// castBy is castLoop for the conversion C. It repeats castLoop's loop
// rather than passing c.conv to a shared one: through the method value
// the conversions took twice as long (BenchmarkCast).
func castBy[S, D any, C converter[S, D]](dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
	var c C
	var s S
	var d D
	if n <= 0 {
		return
	}
	if ds == int(unsafe.Sizeof(d)) && ss == int(unsafe.Sizeof(s)) {
		dv := unsafe.Slice((*D)(dst), n)
		sv := unsafe.Slice((*S)(src), n)
		for i, v := range sv {
			dv[i] = c.conv(v)
		}
		return
	}
	for i := range n {
		*(*D)(unsafe.Add(dst, i*ds)) = c.conv(*(*S)(unsafe.Add(src, i*ss)))
	}
}

// copyBy copies elements of type T: a contiguous run with copy, others
// element by element.
func copyBy[T any](dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
	var z T
	if n <= 0 {
		return
	}
	if sz := int(unsafe.Sizeof(z)); ds == sz && ss == sz {
		copy(unsafe.Slice((*T)(dst), n), unsafe.Slice((*T)(src), n))
		return
	}
	for i := range n {
		*(*T)(unsafe.Add(dst, i*ds)) = *(*T)(unsafe.Add(src, i*ss))
	}
}

// castNum is castBy[S, D, numConv[S, D]] with the conversion written in
// the loop. Every converter is a struct{}, so castBy's instantiations
// share one shape and call conv through their dictionary for every
// element; here S and D are the shapes and D(v) compiles to the
// conversion instruction (int64 to float64: 1.9 to about 0.4 ns an
// element).
func castNum[S, D realNum](dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
	var s S
	var d D
	if n <= 0 {
		return
	}
	if ds == int(unsafe.Sizeof(d)) && ss == int(unsafe.Sizeof(s)) {
		dv := unsafe.Slice((*D)(dst), n)
		sv := unsafe.Slice((*S)(src), n)
		for i, v := range sv {
			dv[i] = D(v)
		}
		return
	}
	for i := range n {
		*(*D)(unsafe.Add(dst, i*ds)) = D(*(*S)(unsafe.Add(src, i*ss)))
	}
}

// The conversions of the built-in numeric types.
type (
	numConv[S, D realNum] struct{} // D(v)
	toF16Conv[S realNum]  struct{} // through float64, rounding once
)

func (numConv[S, D]) conv(v S) D              { return D(v) }
func (toF16Conv[S]) conv(v S) float16.Float16 { return FromFloat64(float64(v)) }

// boolToUint8 is 1 for true and 0 for false.
func boolToUint8(v bool) uint8 {
	if v {
		return 1
	}
	return 0
}

// realNum is the set of Go types a real element converts through directly.
type realNum interface {
	int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64 | float32 | float64
}

// nativeCasts[from][to] holds the loops between native built-ins.
var nativeCasts [numBuiltin][numBuiltin]CastLoop

//go:generate go run ../internal/castgen/cmd/castgen

func init() {
	nativeCasts = builtinCasts
	for i := range numBuiltin {
		nativeCasts[i][i] = copyLoop(natives[i].size)
	}
	// Contiguous runs of the conversions with vector instructions go to
	// package simd (bit-identical to the loops above).
	nativeCasts[NumFloat64][NumFloat32] = castFast[float64, float32, numConv[float64, float32], f64ToF32]
	nativeCasts[NumFloat32][NumFloat16] = castFast[float32, float16.Float16, toF16Conv[float32], f32ToF16]
	nativeCasts[NumFloat16][NumFloat32] = castFast[float16.Float16, float32, convFloat16Float32, f16ToF32]
	nativeCasts[NumInt32][NumFloat64] = castFast[int32, float64, numConv[int32, float64], i32ToF64]
	nativeCasts[NumInt32][NumFloat32] = castFast[int32, float32, numConv[int32, float32], i32ToF32]
	nativeCasts[NumFloat32][NumFloat64] = castFast[float32, float64, numConv[float32, float64], f32ToF64]
	if runtime.GOARCH == "amd64" {
		// The vector truncation gives what Go's conversion gives on
		// amd64 for every input (out-of-range values are
		// implementation-defined: x86 gives math.MinInt32).
		nativeCasts[NumFloat64][NumInt32] = castFast[float64, int32, numConv[float64, int32], f64ToI32]
		nativeCasts[NumFloat32][NumInt32] = castFast[float32, int32, numConv[float32, int32], f32ToI32]
	}
	// float16 to float32 and float64 are exact; the via path already is.
	// Integer to float16 goes through float64, which is exact for every
	// integer whose float16 rounding is finite, so it rounds once.
}

// convFloat16Float32 is the converter of castFast's float16 to float32
// strided runs.
type convFloat16Float32 struct{}

func (convFloat16Float32) conv(v float16.Float16) float32 { return v.Float32() }

// castFast is castBy[S, D, C] with unit-stride runs handed to the
// vector conversion F of package simd.
func castFast[S, D any, C converter[S, D], F vectorConv[S, D]](dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
	var s S
	var d D
	if n > 0 && ds == int(unsafe.Sizeof(d)) && ss == int(unsafe.Sizeof(s)) {
		var f F
		f.run(unsafe.Slice((*D)(dst), n), unsafe.Slice((*S)(src), n))
		return
	}
	castBy[S, D, C](dst, ds, src, ss, n)
}

// vectorConv is a conversion of a whole run by package simd.
type vectorConv[S, D any] interface{ run(dst []D, src []S) }

type (
	f64ToF32 struct{}
	f32ToF16 struct{}
	f16ToF32 struct{}
	i32ToF64 struct{}
	i32ToF32 struct{}
	f32ToF64 struct{}
	f64ToI32 struct{}
	f32ToI32 struct{}
)

func (f64ToF32) run(dst []float32, src []float64) { simd.ConvertFloat64ToFloat32(dst, src) }
func (f32ToF16) run(dst []float16.Float16, src []float32) {
	simd.ConvertFloat32ToFloat16(unsafe.Slice((*uint16)(unsafe.SliceData(dst)), len(dst)), src)
}
func (f16ToF32) run(dst []float32, src []float16.Float16) {
	simd.ConvertFloat16ToFloat32(dst, unsafe.Slice((*uint16)(unsafe.SliceData(src)), len(src)))
}
func (i32ToF64) run(dst []float64, src []int32)   { simd.ConvertInt32ToFloat64(dst, src) }
func (i32ToF32) run(dst []float32, src []int32)   { simd.ConvertInt32ToFloat32(dst, src) }
func (f32ToF64) run(dst []float64, src []float32) { simd.ConvertFloat32ToFloat64(dst, src) }
func (f64ToI32) run(dst []int32, src []float64)   { simd.ConvertFloat64ToInt32(dst, src) }
func (f32ToI32) run(dst []int32, src []float32)   { simd.ConvertFloat32ToInt32(dst, src) }

// FromFloat64 converts a float64 to the nearest float16, ties to even,
// rounding once (not through float32). NaN stays NaN with its sign and
// the top payload bits; values beyond the range become ±Inf.
func FromFloat64(f float64) float16.Float16 {
	b := math.Float64bits(f)
	sign := uint16(b>>48) & 0x8000
	exp := int((b >> 52) & 0x7ff)
	man := b & (1<<52 - 1)
	if exp == 0x7ff {
		if man == 0 {
			return float16.Float16(sign | 0x7c00)
		}
		// keep the quiet bit and the top payload bits, never becoming Inf
		m := uint16(man>>42) | 0x200
		return float16.Float16(sign | 0x7c00 | m)
	}
	e := exp - 1023 + 15 // biased float16 exponent
	if e >= 0x1f {
		return float16.Float16(sign | 0x7c00)
	}
	if e <= 0 {
		// subnormal (or zero) in float16: shift the full significand
		if e < -10 {
			return float16.Float16(sign) // below half the smallest subnormal
		}
		full := man | 1<<52
		shift := uint(42 + 1 - e) // bits dropped
		return float16.Float16(sign | uint16(roundShift(full, shift)))
	}
	// normal: 10 mantissa bits kept, 42 dropped
	r := roundShift(man|uint64(e)<<52, 42)
	// a carry out of the mantissa increments the exponent, possibly to Inf
	return float16.Float16(sign | uint16(r))
}

// roundShift shifts v right by s bits, rounding to nearest, ties to even.
func roundShift(v uint64, s uint) uint64 {
	if s >= 64 {
		return 0
	}
	q := v >> s
	rem := v & (1<<s - 1)
	half := uint64(1) << (s - 1)
	if rem > half || rem == half && q&1 == 1 {
		q++
	}
	return q
}

// swappedCast wraps a native loop with byte swaps of non-native operands,
// converting through a small stack buffer so no full-size temporary is
// made.
func swappedCast(loop CastLoop, from, to DType) CastLoop {
	fs, ts := from.Size(), to.Size()
	fswap, tswap := !from.IsNative(), !to.IsNative()
	fpart, tpart := partSize(from), partSize(to)
	const chunk = 128
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
		var sbuf, dbuf [chunk * 16]byte
		for done := 0; done < n; done += chunk {
			m := min(chunk, n-done)
			sp := unsafe.Add(src, done*ss)
			s0, sst := sp, ss
			if fswap {
				for i := range m {
					copy(sbuf[i*fs:(i+1)*fs], unsafe.Slice((*byte)(unsafe.Add(sp, i*ss)), fs))
					swapBytes(sbuf[i*fs:(i+1)*fs], fpart)
				}
				s0, sst = unsafe.Pointer(&sbuf[0]), fs
			}
			dp := unsafe.Add(dst, done*ds)
			if !tswap {
				loop(dp, ds, s0, sst, m)
				continue
			}
			loop(unsafe.Pointer(&dbuf[0]), ts, s0, sst, m)
			for i := range m {
				e := dbuf[i*ts : (i+1)*ts]
				swapBytes(e, tpart)
				copy(unsafe.Slice((*byte)(unsafe.Add(dp, i*ds)), ts), e)
			}
		}
	}
}

// partSize is the size of the unit whose bytes are reversed: the whole
// element, each half of a complex number, or each 4-byte code point of a
// Unicode string.
func partSize(d DType) int {
	switch d.Kind() {
	case KindComplex:
		return d.Size() / 2
	case KindUnicode:
		return 4
	}
	return d.Size()
}

func swapBytes(b []byte, part int) {
	for p := 0; p+part <= len(b); p += part {
		e := b[p : p+part]
		switch part {
		case 2:
			e[0], e[1] = e[1], e[0]
		case 4:
			v := bits.ReverseBytes32(*(*uint32)(unsafe.Pointer(&e[0])))
			*(*uint32)(unsafe.Pointer(&e[0])) = v
		case 8:
			v := bits.ReverseBytes64(*(*uint64)(unsafe.Pointer(&e[0])))
			*(*uint64)(unsafe.Pointer(&e[0])) = v
		default:
			for i, j := 0, len(e)-1; i < j; i, j = i+1, j-1 {
				e[i], e[j] = e[j], e[i]
			}
		}
	}
}

// SwapBytes reverses the byte order of each element of type d held in b
// (each half separately for complex types). len(b) must be a multiple of
// d.Size().
func SwapBytes(b []byte, d DType) { swapBytes(b, partSize(d)) }
