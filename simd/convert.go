package simd

import "math"

// ConvertFloat64ToFloat32 computes, rounding to nearest even,
//
//	for i := range dst {
//		dst[i] = float32(a[i])
//	}
//
// It panics unless len(a) == len(dst).
func ConvertFloat64ToFloat32(dst []float32, a []float64) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvt64to32, k.cvt64to32NT, convertFloat64ToFloat32Go)
}

// ConvertFloat32ToFloat16 converts float32 values to IEEE 754 binary16
// bit patterns (the layout of github.com/x448/float16.Float16), rounding
// to nearest even as NumPy's astype(np.float16) does:
//
//	for i := range dst {
//		dst[i] = toHalf(a[i]) // see convertFloat32ToFloat16Go
//	}
//
// Values beyond the float16 range become ±Inf; a NaN keeps its sign, is
// made quiet and keeps the top nine bits of its payload. It uses F16C
// where the CPU has it. It panics unless len(a) == len(dst).
func ConvertFloat32ToFloat16(dst []uint16, a []float32) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvt32to16, k.cvt32to16NT, convertFloat32ToFloat16Go)
}

// ConvertFloat16ToFloat32 converts IEEE 754 binary16 bit patterns to
// float32, exactly (a signalling NaN is made quiet):
//
//	for i := range dst {
//		dst[i] = fromHalf(a[i]) // see convertFloat16ToFloat32Go
//	}
//
// It uses F16C where the CPU has it. It panics unless len(a) == len(dst).
func ConvertFloat16ToFloat32(dst []float32, a []uint16) {
	check2(len(dst), len(a))
	k := active.Load()
	unaryRun(dst, a, k.cvt16to32, k.cvt16to32NT, convertFloat16ToFloat32Go)
}

// ---- pure-Go twins ----

func convertFloat64ToFloat32Go(dst []float32, a []float64) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = float32(a[i])
	}
}

func convertFloat32ToFloat16Go(dst []uint16, a []float32) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = toHalf(a[i])
	}
}

func convertFloat16ToFloat32Go(dst []float32, a []uint16) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = fromHalf(a[i])
	}
}

// toHalf rounds f to the nearest binary16, ties to even (VCVTPS2PH with
// imm8 0).
func toHalf(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int(b>>23) & 0xff
	man := b & (1<<23 - 1)
	if exp == 0xff {
		if man == 0 {
			return sign | 0x7c00
		}
		return sign | 0x7c00 | 0x200 | uint16(man>>13)
	}
	e := exp - 127 + 15
	if e >= 0x1f {
		return sign | 0x7c00
	}
	if e <= 0 {
		if e < -10 {
			return sign
		}
		return sign | uint16(roundShift32(man|1<<23, uint(13+1-e)))
	}
	// a carry out of the mantissa increments the exponent, possibly to Inf
	return sign | uint16(roundShift32(man|uint32(e)<<23, 13))
}

// roundShift32 shifts v right by s (1 <= s < 32) bits, rounding to
// nearest, ties to even.
func roundShift32(v uint32, s uint) uint32 {
	q, rem, half := v>>s, v&(1<<s-1), uint32(1)<<(s-1)
	if rem > half || rem == half && q&1 == 1 {
		q++
	}
	return q
}

// fromHalf widens the binary16 h to float32 exactly.
func fromHalf(h uint16) float32 {
	sign := uint32(h&0x8000) << 16
	exp := uint32(h>>10) & 0x1f
	man := uint32(h & 0x3ff)
	switch {
	case exp == 0x1f:
		if man == 0 {
			return math.Float32frombits(sign | 0x7f800000)
		}
		return math.Float32frombits(sign | 0x7fc00000 | man<<13)
	case exp == 0:
		if man == 0 {
			return math.Float32frombits(sign)
		}
		// subnormal: man·2⁻²⁴, exact in float32
		v := float32(man) * 0x1p-24
		return math.Float32frombits(sign | math.Float32bits(v))
	}
	return math.Float32frombits(sign | (exp+127-15)<<23 | man<<13)
}
