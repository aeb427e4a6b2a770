package simd_test

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/simd"
)

// TestFloat16MatchesDType checks ConvertFloat32ToFloat16 against dtype's
// scalar conversion (NumPy's npy_double_to_half) on every float32 bit
// pattern (a stride of them with -short), and ConvertFloat16ToFloat32
// against float16.Float32 on every float16 pattern but signalling NaNs
// (which the F16C path, as NumPy's, makes quiet).
func TestFloat16MatchesDType(t *testing.T) {
	stride := uint64(1)
	if testing.Short() {
		stride = 65537
	}
	const chunk = 1 << 16
	src, dst := make([]float32, chunk), make([]uint16, chunk)
	for base := uint64(0); base < 1<<32; base += chunk * stride {
		for i := range src {
			src[i] = math.Float32frombits(uint32(base + uint64(i)*stride))
		}
		simd.ConvertFloat32ToFloat16(dst, src)
		for i, f := range src {
			if want := uint16(dtype.FromFloat64(float64(f))); dst[i] != want {
				t.Fatalf("float32 %#08x: got %#04x, dtype.FromFloat64 gives %#04x", math.Float32bits(f), dst[i], want)
			}
		}
	}
	h := make([]uint16, 1<<16)
	for i := range h {
		h[i] = uint16(i)
	}
	out := make([]float32, len(h))
	simd.ConvertFloat16ToFloat32(out, h)
	for i, v := range h {
		want := math.Float32frombits(exactHalf(v))
		if math.Float32bits(out[i]) != math.Float32bits(want) {
			t.Fatalf("float16 %#04x: got %#08x, want %#08x", v, math.Float32bits(out[i]), math.Float32bits(want))
		}
	}
}

// exactHalf widens a binary16 pattern by hand: sign, exponent rebias,
// subnormals normalised, NaNs made quiet.
func exactHalf(h uint16) uint32 {
	sign := uint32(h>>15) << 31
	e, m := int(h>>10&0x1f), uint32(h&0x3ff)
	switch {
	case e == 0x1f && m == 0:
		return sign | 0x7f800000
	case e == 0x1f:
		return sign | 0x7fc00000 | m<<13
	case e == 0 && m == 0:
		return sign
	case e == 0:
		e = 1
		for m&0x400 == 0 {
			m <<= 1
			e--
		}
		m &= 0x3ff
	}
	return sign | uint32(e-15+127)<<23 | m<<13
}
