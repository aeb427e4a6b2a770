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
		return castLoop(func(v uint8) uint8 { return v })
	case 2:
		return castLoop(func(v uint16) uint16 { return v })
	case 4:
		return castLoop(func(v uint32) uint32 { return v })
	case 8:
		return castLoop(func(v uint64) uint64 { return v })
	case 16:
		return castLoop(func(v [2]uint64) [2]uint64 { return v })
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

// realNum is the set of Go types a real element converts through directly.
type realNum interface {
	int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64 | float32 | float64
}

func num[S, D realNum](v S) D { return D(v) }

func toBool[S realNum](v S) bool { return v != 0 }

func fromBool[D realNum](v bool) D {
	if v {
		return 1
	}
	return 0
}

func toF16[S realNum](v S) float16.Float16 { return FromFloat64(float64(v)) }

func fromF16[D realNum](v float16.Float16) D { return D(v.Float32()) }

func toC64[S realNum](v S) complex64 { return complex(float32(v), 0) }

func toC128[S realNum](v S) complex128 { return complex(float64(v), 0) }

// nativeCasts[from][to] holds the loops between native built-ins.
var nativeCasts [numBuiltin][numBuiltin]CastLoop

// realCasts returns the loops from the real type S to every built-in.
func realCasts[S realNum]() [numBuiltin]CastLoop {
	return [numBuiltin]CastLoop{
		NumBool:       castLoop(toBool[S]),
		NumInt8:       castLoop(num[S, int8]),
		NumUint8:      castLoop(num[S, uint8]),
		NumInt16:      castLoop(num[S, int16]),
		NumUint16:     castLoop(num[S, uint16]),
		NumInt32:      castLoop(num[S, int32]),
		NumUint32:     castLoop(num[S, uint32]),
		NumInt64:      castLoop(num[S, int64]),
		NumUint64:     castLoop(num[S, uint64]),
		NumFloat16:    castLoop(toF16[S]),
		NumFloat32:    castLoop(num[S, float32]),
		NumFloat64:    castLoop(num[S, float64]),
		NumComplex64:  castLoop(toC64[S]),
		NumComplex128: castLoop(toC128[S]),
	}
}

// via returns the loops from a type whose elements first convert to the
// real type M by pre (bool, float16 and complex sources).
func via[S any, M realNum](pre func(S) M) [numBuiltin]CastLoop {
	return [numBuiltin]CastLoop{
		NumBool:       castLoop(func(v S) bool { return pre(v) != 0 }),
		NumInt8:       castLoop(func(v S) int8 { return int8(pre(v)) }),
		NumUint8:      castLoop(func(v S) uint8 { return uint8(pre(v)) }),
		NumInt16:      castLoop(func(v S) int16 { return int16(pre(v)) }),
		NumUint16:     castLoop(func(v S) uint16 { return uint16(pre(v)) }),
		NumInt32:      castLoop(func(v S) int32 { return int32(pre(v)) }),
		NumUint32:     castLoop(func(v S) uint32 { return uint32(pre(v)) }),
		NumInt64:      castLoop(func(v S) int64 { return int64(pre(v)) }),
		NumUint64:     castLoop(func(v S) uint64 { return uint64(pre(v)) }),
		NumFloat16:    castLoop(func(v S) float16.Float16 { return FromFloat64(float64(pre(v))) }),
		NumFloat32:    castLoop(func(v S) float32 { return float32(pre(v)) }),
		NumFloat64:    castLoop(func(v S) float64 { return float64(pre(v)) }),
		NumComplex64:  castLoop(func(v S) complex64 { return complex(float32(pre(v)), 0) }),
		NumComplex128: castLoop(func(v S) complex128 { return complex(float64(pre(v)), 0) }),
	}
}

func init() {
	nativeCasts[NumInt8] = realCasts[int8]()
	nativeCasts[NumUint8] = realCasts[uint8]()
	nativeCasts[NumInt16] = realCasts[int16]()
	nativeCasts[NumUint16] = realCasts[uint16]()
	nativeCasts[NumInt32] = realCasts[int32]()
	nativeCasts[NumUint32] = realCasts[uint32]()
	nativeCasts[NumInt64] = realCasts[int64]()
	nativeCasts[NumUint64] = realCasts[uint64]()
	nativeCasts[NumFloat32] = realCasts[float32]()
	nativeCasts[NumFloat64] = realCasts[float64]()
	nativeCasts[NumBool] = via(func(v bool) uint8 { return fromBool[uint8](v) })
	nativeCasts[NumFloat16] = via(func(v float16.Float16) float32 { return v.Float32() })

	c64 := via(func(v complex64) float32 { return real(v) })
	c64[NumBool] = castLoop(func(v complex64) bool { return v != 0 })
	c64[NumComplex128] = castLoop(func(v complex64) complex128 { return complex128(v) })
	nativeCasts[NumComplex64] = c64
	c128 := via(func(v complex128) float64 { return real(v) })
	c128[NumBool] = castLoop(func(v complex128) bool { return v != 0 })
	c128[NumComplex64] = castLoop(func(v complex128) complex64 { return complex64(v) })
	nativeCasts[NumComplex128] = c128

	for i := range numBuiltin {
		nativeCasts[i][i] = copyLoop(natives[i].size)
	}
	// Contiguous runs of the conversions with vector instructions go to
	// package simd (bit-identical to the loops above).
	nativeCasts[NumFloat64][NumFloat32] = contiguous(nativeCasts[NumFloat64][NumFloat32], 8, 4,
		func(dst, src unsafe.Pointer, n int) {
			simd.ConvertFloat64ToFloat32(unsafe.Slice((*float32)(dst), n), unsafe.Slice((*float64)(src), n))
		})
	nativeCasts[NumFloat32][NumFloat16] = contiguous(nativeCasts[NumFloat32][NumFloat16], 4, 2,
		func(dst, src unsafe.Pointer, n int) {
			simd.ConvertFloat32ToFloat16(unsafe.Slice((*uint16)(dst), n), unsafe.Slice((*float32)(src), n))
		})
	nativeCasts[NumFloat16][NumFloat32] = contiguous(nativeCasts[NumFloat16][NumFloat32], 2, 4,
		func(dst, src unsafe.Pointer, n int) {
			simd.ConvertFloat16ToFloat32(unsafe.Slice((*float32)(dst), n), unsafe.Slice((*uint16)(src), n))
		})
	nativeCasts[NumInt32][NumFloat64] = contiguous(nativeCasts[NumInt32][NumFloat64], 4, 8,
		func(dst, src unsafe.Pointer, n int) {
			simd.ConvertInt32ToFloat64(unsafe.Slice((*float64)(dst), n), unsafe.Slice((*int32)(src), n))
		})
	nativeCasts[NumInt32][NumFloat32] = contiguous(nativeCasts[NumInt32][NumFloat32], 4, 4,
		func(dst, src unsafe.Pointer, n int) {
			simd.ConvertInt32ToFloat32(unsafe.Slice((*float32)(dst), n), unsafe.Slice((*int32)(src), n))
		})
	nativeCasts[NumFloat32][NumFloat64] = contiguous(nativeCasts[NumFloat32][NumFloat64], 4, 8,
		func(dst, src unsafe.Pointer, n int) {
			simd.ConvertFloat32ToFloat64(unsafe.Slice((*float64)(dst), n), unsafe.Slice((*float32)(src), n))
		})
	if runtime.GOARCH == "amd64" {
		// The vector truncation gives what Go's conversion gives on
		// amd64 for every input (out-of-range values are
		// implementation-defined: x86 gives math.MinInt32).
		nativeCasts[NumFloat64][NumInt32] = contiguous(nativeCasts[NumFloat64][NumInt32], 8, 4,
			func(dst, src unsafe.Pointer, n int) {
				simd.ConvertFloat64ToInt32(unsafe.Slice((*int32)(dst), n), unsafe.Slice((*float64)(src), n))
			})
		nativeCasts[NumFloat32][NumInt32] = contiguous(nativeCasts[NumFloat32][NumInt32], 4, 4,
			func(dst, src unsafe.Pointer, n int) {
				simd.ConvertFloat32ToInt32(unsafe.Slice((*int32)(dst), n), unsafe.Slice((*float32)(src), n))
			})
	}
	// float16 to float32 and float64 are exact; the via path already is.
	// Integer to float16 goes through float64, which is exact for every
	// integer whose float16 rounding is finite, so it rounds once.
}

// contiguous returns a loop that hands unit-stride runs to fast and the
// rest to loop.
func contiguous(loop CastLoop, ssize, dsize int, fast func(dst, src unsafe.Pointer, n int)) CastLoop {
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
		if n > 0 && ds == dsize && ss == ssize {
			fast(dst, src, n)
			return
		}
		loop(dst, ds, src, ss, n)
	}
}

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
