package ufunc

import (
	"errors"
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

func halfBits(s []float16.Float16) []uint16 {
	out := make([]uint16, len(s))
	for i, v := range s {
		out[i] = uint16(v)
	}
	return out
}

func halfArr(t testing.TB, v ...float64) *ndarray.Array {
	s := make([]float16.Float16, len(v))
	for i, x := range v {
		s[i] = dtype.FromFloat64(x)
	}
	return arr(t, s...)
}

func TestRounding(t *testing.T) {
	checkFloats(t, "rint", call[float64](t, Rint, arr(t, 0.5, 1.5, 2.5, -0.5, -2.5)), []float64{0, 2, 2, negZero, -2})
	checkFloats(t, "floor", call[float64](t, Floor, arr(t, -0.5, 0.5)), []float64{-1, 0})
	checkFloats(t, "ceil", call[float64](t, Ceil, arr(t, -0.5, 0.5)), []float64{negZero, 1})
	checkFloats(t, "trunc", call[float64](t, Trunc, arr(t, -1.5, 1.5)), []float64{-1, 1})
	var le *LoopError
	if _, err := Floor.Call(arr(t, 1i)); !errors.As(err, &le) {
		t.Errorf("floor(complex): got %v, want a LoopError", err)
	}
}

func TestFloatBits(t *testing.T) {
	checkEqual(t, "spacing float16", halfBits(call[float16.Float16](t, Spacing, halfArr(t, 1, -1, 0, 65504, -65504))),
		[]uint16{5120, 4096, 1, 31744, 20480})
	checkFloats(t, "spacing", call[float64](t, Spacing, arr(t, 1, -1, 0, negZero, inf)),
		[]float64{0x1p-52, -0x1p-52, 5e-324, 5e-324, nan})
	checkEqual(t, "nextafter float16", halfBits(call[float16.Float16](t, Nextafter, halfArr(t, 0, 1, -1, 1), halfArr(t, -1, 2, 0, 1))),
		[]uint16{32769, 15361, 48127, 15360})
	checkFloats(t, "nextafter", call[float64](t, Nextafter, arr(t, negZero, 0), arr(t, 0, negZero)), []float64{0, negZero})
	checkFloats(t, "copysign", call[float64](t, Copysign, arr(t, 1, -2, nan), arr(t, negZero, 1, -1)), []float64{-1, 2, nan})
	checkEqual(t, "signbit", call[bool](t, Signbit, arr(t, negZero, 0, -1)), []bool{true, false, true})
	checkEqual(t, "isnan", call[bool](t, IsNan, arr(t, complex(0, nan), 1)), []bool{true, false})
	checkEqual(t, "isinf", call[bool](t, IsInf, arr(t, -inf, nan, 1)), []bool{true, false, false})
	checkEqual(t, "isfinite int", call[bool](t, IsFinite, arr[int32](t, 1)), []bool{true})
}

func TestAngles(t *testing.T) {
	bits := func(s []float32) []uint32 {
		out := make([]uint32, len(s))
		for i, v := range s {
			out[i] = math.Float32bits(v)
		}
		return out
	}
	checkEqual(t, "rad2deg float32", bits(call[float32](t, Rad2deg, arr[float32](t, 1, 0.5))), []uint32{1113927392, 1105538784})
	checkEqual(t, "deg2rad float32", bits(call[float32](t, Deg2rad, arr[float32](t, 33, 1))), []uint32{1058238983, 1016003125})
	checkFloats(t, "deg2rad", call[float64](t, Deg2rad, arr(t, 33.0)), []float64{0x1.26e40d7653223p-1})
	checkFloats(t, "rad2deg", call[float64](t, Rad2deg, arr(t, 1.0)), []float64{0x1.ca5dc1a63c1f8p+5})
}

func TestSplitAndScale(t *testing.T) {
	checkFloats(t, "ldexp", call[float64](t, Ldexp, arr(t, 1, 3, 1), arr[int32](t, -1075, -1075, 1024)), []float64{0, 0x1p-1073, inf})
	outs, err := Modf.CallN(arr(t, -3, inf, -inf, nan, negZero))
	if err != nil {
		t.Fatal(err)
	}
	checkFloats(t, "modf frac", ndarray.ToSlice[float64](outs[0]), []float64{negZero, 0, negZero, nan, negZero})
	checkFloats(t, "modf int", ndarray.ToSlice[float64](outs[1]), []float64{-3, inf, -inf, nan, negZero})
	outs, err = Frexp.CallN(arr(t, inf, nan, 0, negZero, 5e-324))
	if err != nil {
		t.Fatal(err)
	}
	checkFloats(t, "frexp mantissa", ndarray.ToSlice[float64](outs[0]), []float64{inf, nan, 0, negZero, 0.5})
	checkEqual(t, "frexp exponent", ndarray.ToSlice[int32](outs[1]), []int32{0, 0, 0, 0, -1073})
	checkFloats(t, "heaviside", call[float64](t, Heaviside, arr(t, -1, 0, 2, nan), arr(t, 0.5, 0.5, 0.5, 0.5)), []float64{0, 0.5, 1, nan})
}
