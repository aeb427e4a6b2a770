package ndarray

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

// The expected texts below were produced by NumPy 1.24: the str column is
// str(a) (what print(a) writes); the repr column is NumPy's repr body,
// array2string(a, separator=", ", prefix="array(", suffix=","), followed
// by "dtype=…, shape=…)" on the same line or, when that would pass 75
// columns, on a new line indented under the "(", as NumPy places dtype.

type formatCase struct {
	name string
	make func(t *testing.T) *Array
	str  string
	repr string
}

func fmtArr[T dtype.Element](t *testing.T, data []T, shape ...int) *Array {
	t.Helper()
	a, err := FromSlice(data, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func seq[T any](n int, f func(i int) T) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = f(i)
	}
	return s
}

func f16(vs ...float64) []float16.Float16 {
	out := make([]float16.Float16, len(vs))
	for i, v := range vs {
		out[i] = dtype.FromFloat64(v)
	}
	return out
}

// fmtSwapped returns a copy of a stored in the non-native byte order.
func fmtSwapped(t *testing.T, a *Array) *Array {
	t.Helper()
	c := a.Copy()
	b := c.Bytes()
	dtype.SwapBytes(b, c.DType())
	other := dtype.BigEndian
	if dtype.NativeEndian == dtype.BigEndian {
		other = dtype.LittleEndian
	}
	s, err := FromBuffer(c.DType().WithByteOrder(other), b, 0, c.Shape(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.DType().IsNative() {
		t.Fatalf("%v is native", s.DType())
	}
	return s
}

var formatCases = []formatCase{
	{"int64 2x3", func(t *testing.T) *Array { return fmtArr(t, []int64{1, 2, 3, 4, 5, 6}, 2, 3) },
		`[[1 2 3]
 [4 5 6]]`,
		`array([[1, 2, 3],
       [4, 5, 6]], dtype=int64, shape=(2, 3))`},
	{"float64 tenths", func(t *testing.T) *Array { return fmtArr(t, []float64{0.1, 0.2, 0.3}) },
		"[0.1 0.2 0.3]",
		"array([0.1, 0.2, 0.3], dtype=float64, shape=(3,))"},
	{"float64 aligned point", func(t *testing.T) *Array { return fmtArr(t, []float64{1, -2.5, 3}) },
		"[ 1.  -2.5  3. ]",
		"array([ 1. , -2.5,  3. ], dtype=float64, shape=(3,))"},
	{"float64 integral", func(t *testing.T) *Array { return fmtArr(t, []float64{1, 2}) },
		"[1. 2.]",
		"array([1., 2.], dtype=float64, shape=(2,))"},
	{"float64 padded right", func(t *testing.T) *Array { return fmtArr(t, []float64{1.5, 2}) },
		"[1.5 2. ]",
		"array([1.5, 2. ], dtype=float64, shape=(2,))"},
	{"float64 small scientific", func(t *testing.T) *Array { return fmtArr(t, []float64{1e-5, 1}) },
		"[1.e-05 1.e+00]",
		"array([1.e-05, 1.e+00], dtype=float64, shape=(2,))"},
	{"float64 mixed digits scientific", func(t *testing.T) *Array { return fmtArr(t, []float64{0.1, 1e-5, 1.23456789012}) },
		"[1.00000000e-01 1.00000000e-05 1.23456789e+00]",
		`array([1.00000000e-01, 1.00000000e-05, 1.23456789e+00],
      dtype=float64, shape=(3,))`},
	{"float64 max precision 8", func(t *testing.T) *Array { return fmtArr(t, []float64{0.123456789, 100}) },
		"[  0.12345679 100.        ]",
		"array([  0.12345679, 100.        ], dtype=float64, shape=(2,))"},
	{"float64 rounds to integer", func(t *testing.T) *Array { return fmtArr(t, []float64{0.99999999999, 1}) },
		"[1. 1.]",
		"array([1., 1.], dtype=float64, shape=(2,))"},
	{"float64 ratio 1000 positional", func(t *testing.T) *Array { return fmtArr(t, []float64{1000, 1}) },
		"[1000.    1.]",
		"array([1000.,    1.], dtype=float64, shape=(2,))"},
	{"float64 ratio over 1000 scientific", func(t *testing.T) *Array { return fmtArr(t, []float64{1001, 1}) },
		"[1.001e+03 1.000e+00]",
		"array([1.001e+03, 1.000e+00], dtype=float64, shape=(2,))"},
	{"float64 1e8 scientific", func(t *testing.T) *Array { return fmtArr(t, []float64{1e8, 1e8 + 1}) },
		"[1.00000000e+08 1.00000001e+08]",
		"array([1.00000000e+08, 1.00000001e+08], dtype=float64, shape=(2,))"},
	{"float64 below 1e8 positional", func(t *testing.T) *Array { return fmtArr(t, []float64{99999999.5, 5e7}) },
		"[99999999.5 50000000. ]",
		"array([99999999.5, 50000000. ], dtype=float64, shape=(2,))"},
	{"float64 1e-4 positional", func(t *testing.T) *Array { return fmtArr(t, []float64{1e-4, 1e-3}) },
		"[0.0001 0.001 ]",
		"array([0.0001, 0.001 ], dtype=float64, shape=(2,))"},
	{"float64 1e16", func(t *testing.T) *Array { return fmtArr(t, []float64{1e16, -1}) },
		"[ 1.e+16 -1.e+00]",
		"array([ 1.e+16, -1.e+00], dtype=float64, shape=(2,))"},
	{"float64 three digit exponent", func(t *testing.T) *Array { return fmtArr(t, []float64{1e-100, 1}) },
		"[1.e-100 1.e+000]",
		"array([1.e-100, 1.e+000], dtype=float64, shape=(2,))"},
	{"float64 1e-5 to 1e5", func(t *testing.T) *Array {
		return fmtArr(t, []float64{1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4, 1e5})
	},
		`[1.e-05 1.e-04 1.e-03 1.e-02 1.e-01 1.e+00 1.e+01 1.e+02 1.e+03 1.e+04
 1.e+05]`,
		`array([1.e-05, 1.e-04, 1.e-03, 1.e-02, 1.e-01, 1.e+00, 1.e+01, 1.e+02,
       1.e+03, 1.e+04, 1.e+05], dtype=float64, shape=(11,))`},
	{"float64 1e-3 to 1e0", func(t *testing.T) *Array { return fmtArr(t, []float64{1e-3, 1e-2, 1e-1, 1}) },
		"[0.001 0.01  0.1   1.   ]",
		"array([0.001, 0.01 , 0.1  , 1.   ], dtype=float64, shape=(4,))"},
	{"float64 subnormal", func(t *testing.T) *Array { return fmtArr(t, []float64{5e-324, 1}) },
		"[5.e-324 1.e+000]",
		"array([5.e-324, 1.e+000], dtype=float64, shape=(2,))"},
	{"float64 negative zero", func(t *testing.T) *Array { return fmtArr(t, []float64{math.Copysign(0, -1), 0, 1.5}) },
		"[-0.   0.   1.5]",
		"array([-0. ,  0. ,  1.5], dtype=float64, shape=(3,))"},
	{"float64 negative zero scientific", func(t *testing.T) *Array { return fmtArr(t, []float64{math.Copysign(0, -1), 1e-5}) },
		"[-0.e+00  1.e-05]",
		"array([-0.e+00,  1.e-05], dtype=float64, shape=(2,))"},
	{"float64 zero scientific", func(t *testing.T) *Array { return fmtArr(t, []float64{0, 1e-5, 1.5}) },
		"[0.0e+00 1.0e-05 1.5e+00]",
		"array([0.0e+00, 1.0e-05, 1.5e+00], dtype=float64, shape=(3,))"},
	{"float64 nan inf positional", func(t *testing.T) *Array { return fmtArr(t, []float64{math.NaN(), 1.5, math.Inf(-1), -2.25}) },
		"[  nan  1.5   -inf -2.25]",
		"array([  nan,  1.5 ,  -inf, -2.25], dtype=float64, shape=(4,))"},
	{"float64 nan inf scientific", func(t *testing.T) *Array { return fmtArr(t, []float64{math.Inf(1), math.Inf(-1), 1e-5, 1.25}) },
		"[     inf     -inf 1.00e-05 1.25e+00]",
		"array([     inf,     -inf, 1.00e-05, 1.25e+00], dtype=float64, shape=(4,))"},
	{"float64 nan inf only", func(t *testing.T) *Array { return fmtArr(t, []float64{math.NaN(), math.Inf(1)}) },
		"[nan inf]",
		"array([nan, inf], dtype=float64, shape=(2,))"},
	{"float64 nan neginf only", func(t *testing.T) *Array { return fmtArr(t, []float64{math.NaN(), math.Inf(-1)}) },
		"[ nan -inf]",
		"array([ nan, -inf], dtype=float64, shape=(2,))"},
	{"float64 all nan", func(t *testing.T) *Array { return fmtArr(t, []float64{math.NaN()}) },
		"[nan]",
		"array([nan], dtype=float64, shape=(1,))"},
	{"float32 shortest", func(t *testing.T) *Array { return fmtArr(t, []float32{0.1, 1.0 / 3, 2}) },
		"[0.1        0.33333334 2.        ]",
		"array([0.1       , 0.33333334, 2.        ], dtype=float32, shape=(3,))"},
	{"float32 scientific exact digits", func(t *testing.T) *Array { return fmtArr(t, []float32{1e-6, 1.2345678e-5}) },
		"[1.0000000e-06 1.2345678e-05]",
		"array([1.0000000e-06, 1.2345678e-05], dtype=float32, shape=(2,))"},
	{"float32 scientific padded digits", func(t *testing.T) *Array { return fmtArr(t, []float32{0.1, 1e-5, 1.25}) },
		"[1.00e-01 1.00e-05 1.25e+00]",
		"array([1.00e-01, 1.00e-05, 1.25e+00], dtype=float32, shape=(3,))"},
	{"float16", func(t *testing.T) *Array { return fmtArr(t, f16(0.1, 0.2, 1.5)) },
		"[0.1 0.2 1.5]",
		"array([0.1, 0.2, 1.5], dtype=float16, shape=(3,))"},
	{"float16 exact integers", func(t *testing.T) *Array { return fmtArr(t, f16(65504, 100)) },
		"[65504.   100.]",
		"array([65504.,   100.], dtype=float16, shape=(2,))"},
	{"float16 scientific", func(t *testing.T) *Array { return fmtArr(t, f16(6e-8, 1, 1000)) },
		"[6.e-08 1.e+00 1.e+03]",
		"array([6.e-08, 1.e+00, 1.e+03], dtype=float16, shape=(3,))"},
	{"float16 ratio over 1000", func(t *testing.T) *Array { return fmtArr(t, f16(1000.5, 1)) },
		"[1.0005e+03 1.0000e+00]",
		"array([1.0005e+03, 1.0000e+00], dtype=float16, shape=(2,))"},
	{"float16 ratio rounded in float16", func(t *testing.T) *Array { return fmtArr(t, f16(1001, 1.001)) },
		"[1001.       1.001]",
		"array([1001.   ,    1.001], dtype=float16, shape=(2,))"},
	{"complex128", func(t *testing.T) *Array { return fmtArr(t, []complex128{1 + 2i, 3 - 4i}) },
		"[1.+2.j 3.-4.j]",
		"array([1.+2.j, 3.-4.j], dtype=complex128, shape=(2,))"},
	{"complex128 mixed", func(t *testing.T) *Array {
		return fmtArr(t, []complex128{1.5 + 0i, -0.25 + 10i, complex(math.Inf(1), math.NaN())})
	},
		"[ 1.5  +0.j -0.25+10.j   inf+nanj]",
		"array([ 1.5  +0.j, -0.25+10.j,   inf+nanj], dtype=complex128, shape=(3,))"},
	{"complex128 scientific imag", func(t *testing.T) *Array { return fmtArr(t, []complex128{1 + 1e-5i, 2 + 3i}) },
		"[1.+1.e-05j 2.+3.e+00j]",
		"array([1.+1.e-05j, 2.+3.e+00j], dtype=complex128, shape=(2,))"},
	{"complex64", func(t *testing.T) *Array { return fmtArr(t, []complex64{0.1 + 0.2i, -0.5i}) },
		"[0.1+0.2j 0. -0.5j]",
		"array([0.1+0.2j, 0. -0.5j], dtype=complex64, shape=(2,))"},
	{"bool", func(t *testing.T) *Array { return fmtArr(t, []bool{true, false}) },
		"[ True False]",
		"array([ True, False], dtype=bool, shape=(2,))"},
	{"bool 2x2", func(t *testing.T) *Array { return fmtArr(t, []bool{false, false, true, false}, 2, 2) },
		`[[False False]
 [ True False]]`,
		`array([[False, False],
       [ True, False]], dtype=bool, shape=(2, 2))`},
	{"int8 extremes", func(t *testing.T) *Array { return fmtArr(t, []int8{-128, 0, 127}) },
		"[-128    0  127]",
		"array([-128,    0,  127], dtype=int8, shape=(3,))"},
	{"uint8", func(t *testing.T) *Array { return fmtArr(t, []uint8{0, 7, 255}) },
		"[  0   7 255]",
		"array([  0,   7, 255], dtype=uint8, shape=(3,))"},
	{"int16", func(t *testing.T) *Array { return fmtArr(t, []int16{-5, 300}) },
		"[ -5 300]",
		"array([ -5, 300], dtype=int16, shape=(2,))"},
	{"uint16", func(t *testing.T) *Array { return fmtArr(t, []uint16{65535, 1}) },
		"[65535     1]",
		"array([65535,     1], dtype=uint16, shape=(2,))"},
	{"int32", func(t *testing.T) *Array { return fmtArr(t, []int32{-2147483648, 2147483647}) },
		"[-2147483648  2147483647]",
		"array([-2147483648,  2147483647], dtype=int32, shape=(2,))"},
	{"uint32", func(t *testing.T) *Array { return fmtArr(t, []uint32{4294967295, 0}) },
		"[4294967295          0]",
		"array([4294967295,          0], dtype=uint32, shape=(2,))"},
	{"int64 extremes", func(t *testing.T) *Array { return fmtArr(t, []int64{math.MinInt64, 0, math.MaxInt64}) },
		"[-9223372036854775808                    0  9223372036854775807]",
		`array([-9223372036854775808,                    0,  9223372036854775807],
      dtype=int64, shape=(3,))`},
	{"uint64 max", func(t *testing.T) *Array { return fmtArr(t, []uint64{math.MaxUint64, 1}) },
		"[18446744073709551615                    1]",
		`array([18446744073709551615,                    1],
      dtype=uint64, shape=(2,))`},
	{"int negative width", func(t *testing.T) *Array { return fmtArr(t, []int64{-1, 10, 5}) },
		"[-1 10  5]",
		"array([-1, 10,  5], dtype=int64, shape=(3,))"},
	{"0-d int", func(t *testing.T) *Array { return Scalar[int64](5) },
		"5",
		"array(5, dtype=int64, shape=())"},
	{"0-d float", func(t *testing.T) *Array { return Scalar[float64](1.5) },
		"1.5",
		"array(1.5, dtype=float64, shape=())"},
	{"0-d float integral", func(t *testing.T) *Array { return Scalar[float64](1) },
		"1.0",
		"array(1., dtype=float64, shape=())"},
	{"0-d float negative zero", func(t *testing.T) *Array { return Scalar[float64](math.Copysign(0, -1)) },
		"-0.0",
		"array(-0., dtype=float64, shape=())"},
	{"0-d float small", func(t *testing.T) *Array { return Scalar[float64](1e-5) },
		"1e-05",
		"array(1.e-05, dtype=float64, shape=())"},
	{"0-d float 1e16", func(t *testing.T) *Array { return Scalar[float64](1e16) },
		"1e+16",
		"array(1.e+16, dtype=float64, shape=())"},
	{"0-d float below 1e16", func(t *testing.T) *Array { return Scalar[float64](123456789012345.6) },
		"123456789012345.6",
		"array(1.23456789e+14, dtype=float64, shape=())"},
	{"0-d nan", func(t *testing.T) *Array { return Scalar[float64](math.NaN()) },
		"nan",
		"array(nan, dtype=float64, shape=())"},
	{"0-d neginf", func(t *testing.T) *Array { return Scalar[float64](math.Inf(-1)) },
		"-inf",
		"array(-inf, dtype=float64, shape=())"},
	{"0-d float32", func(t *testing.T) *Array { return Scalar[float32](0.1) },
		"0.1",
		"array(0.1, dtype=float32, shape=())"},
	{"0-d float32 1e-4", func(t *testing.T) *Array { return Scalar[float32](1e-4) },
		"1e-04",
		"array(1.e-04, dtype=float32, shape=())"},
	{"0-d float16", func(t *testing.T) *Array { return Scalar(f16(65504)[0]) },
		"65500.0",
		"array(65504., dtype=float16, shape=())"},
	{"0-d bool", func(t *testing.T) *Array { return Scalar[bool](true) },
		"True",
		"array(True, dtype=bool, shape=())"},
	{"0-d complex", func(t *testing.T) *Array { return Scalar[complex128](1 + 2i) },
		"(1+2j)",
		"array(1.+2.j, dtype=complex128, shape=())"},
	{"0-d complex imaginary", func(t *testing.T) *Array { return Scalar[complex128](1i) },
		"1j",
		"array(0.+1.j, dtype=complex128, shape=())"},
	{"0-d complex negative zero real", func(t *testing.T) *Array { return Scalar[complex128](complex(math.Copysign(0, -1), -2.5)) },
		"(-0-2.5j)",
		"array(-0.-2.5j, dtype=complex128, shape=())"},
	{"0-d complex nan", func(t *testing.T) *Array { return Scalar[complex128](complex(math.NaN(), math.Inf(-1))) },
		"(nan-infj)",
		"array(nan-infj, dtype=complex128, shape=())"},
	{"0-d complex64 scientific", func(t *testing.T) *Array { return Scalar[complex64](1.5 + 1e-5i) },
		"(1.5+1e-05j)",
		"array(1.5+1.e-05j, dtype=complex64, shape=())"},
	{"0-d uint64", func(t *testing.T) *Array { return Scalar[uint64](math.MaxUint64) },
		"18446744073709551615",
		"array(18446744073709551615, dtype=uint64, shape=())"},
	{"empty float64", func(t *testing.T) *Array { return fmtArr(t, []float64{}) },
		"[]",
		"array([], dtype=float64, shape=(0,))"},
	{"empty 2x0", func(t *testing.T) *Array { return fmtArr(t, []int32{}, 2, 0) },
		"[]",
		"array([], dtype=int32, shape=(2, 0))"},
	{"empty 0x3", func(t *testing.T) *Array { return fmtArr(t, []bool{}, 0, 3) },
		"[]",
		"array([], dtype=bool, shape=(0, 3))"},
	{"3-d", func(t *testing.T) *Array { return fmtArr(t, seq(24, func(i int) int64 { return int64(i) }), 2, 3, 4) },
		`[[[ 0  1  2  3]
  [ 4  5  6  7]
  [ 8  9 10 11]]

 [[12 13 14 15]
  [16 17 18 19]
  [20 21 22 23]]]`,
		`array([[[ 0,  1,  2,  3],
        [ 4,  5,  6,  7],
        [ 8,  9, 10, 11]],

       [[12, 13, 14, 15],
        [16, 17, 18, 19],
        [20, 21, 22, 23]]], dtype=int64, shape=(2, 3, 4))`},
	{"4-d", func(t *testing.T) *Array {
		return fmtArr(t, seq(16, func(i int) float64 { return float64(i) / 2 }), 2, 2, 2, 2)
	},
		`[[[[0.  0.5]
   [1.  1.5]]

  [[2.  2.5]
   [3.  3.5]]]


 [[[4.  4.5]
   [5.  5.5]]

  [[6.  6.5]
   [7.  7.5]]]]`,
		`array([[[[0. , 0.5],
         [1. , 1.5]],

        [[2. , 2.5],
         [3. , 3.5]]],


       [[[4. , 4.5],
         [5. , 5.5]],

        [[6. , 6.5],
         [7. , 7.5]]]], dtype=float64, shape=(2, 2, 2, 2))`},
	{"5-d", func(t *testing.T) *Array {
		return fmtArr(t, seq(32, func(i int) int8 { return int8(i) }), 2, 2, 2, 2, 2)
	},
		`[[[[[ 0  1]
    [ 2  3]]

   [[ 4  5]
    [ 6  7]]]


  [[[ 8  9]
    [10 11]]

   [[12 13]
    [14 15]]]]



 [[[[16 17]
    [18 19]]

   [[20 21]
    [22 23]]]


  [[[24 25]
    [26 27]]

   [[28 29]
    [30 31]]]]]`,
		`array([[[[[ 0,  1],
          [ 2,  3]],

         [[ 4,  5],
          [ 6,  7]]],


        [[[ 8,  9],
          [10, 11]],

         [[12, 13],
          [14, 15]]]],



       [[[[16, 17],
          [18, 19]],

         [[20, 21],
          [22, 23]]],


        [[[24, 25],
          [26, 27]],

         [[28, 29],
          [30, 31]]]]], dtype=int8, shape=(2, 2, 2, 2, 2))`},
	{"3-d singleton", func(t *testing.T) *Array { return fmtArr(t, []int64{1, 2}, 2, 1, 1) },
		`[[[1]]

 [[2]]]`,
		`array([[[1]],

       [[2]]], dtype=int64, shape=(2, 1, 1))`},
	{"transposed", func(t *testing.T) *Array {
		return fmtArr(t, seq(6, func(i int) int64 { return int64(i) }), 2, 3).Transpose()
	},
		`[[0 3]
 [1 4]
 [2 5]]`,
		`array([[0, 3],
       [1, 4],
       [2, 5]], dtype=int64, shape=(3, 2))`},
	{"transposed float 3-d", func(t *testing.T) *Array {
		return fmtArr(t, seq(12, func(i int) float64 { return float64(i) * 1.5 }), 2, 3, 2).Transpose()
	},
		`[[[ 0.   9. ]
  [ 3.  12. ]
  [ 6.  15. ]]

 [[ 1.5 10.5]
  [ 4.5 13.5]
  [ 7.5 16.5]]]`,
		`array([[[ 0. ,  9. ],
        [ 3. , 12. ],
        [ 6. , 15. ]],

       [[ 1.5, 10.5],
        [ 4.5, 13.5],
        [ 7.5, 16.5]]], dtype=float64, shape=(2, 3, 2))`},
	{"broadcast view", func(t *testing.T) *Array { return fmtMust(fmtArr(t, []float64{0.5, 1, 1e-5}).BroadcastTo(2, 3)) },
		`[[5.e-01 1.e+00 1.e-05]
 [5.e-01 1.e+00 1.e-05]]`,
		`array([[5.e-01, 1.e+00, 1.e-05],
       [5.e-01, 1.e+00, 1.e-05]], dtype=float64, shape=(2, 3))`},
	{"reversed view", func(t *testing.T) *Array { return fmtReversed(t, fmtArr(t, []int16{1, -20, 300})) },
		"[300 -20   1]",
		"array([300, -20,   1], dtype=int16, shape=(3,))"},
	{"wide ints wrap", func(t *testing.T) *Array { return fmtArr(t, seq(40, func(i int) int64 { return int64(i) * 7 })) },
		`[  0   7  14  21  28  35  42  49  56  63  70  77  84  91  98 105 112 119
 126 133 140 147 154 161 168 175 182 189 196 203 210 217 224 231 238 245
 252 259 266 273]`,
		`array([  0,   7,  14,  21,  28,  35,  42,  49,  56,  63,  70,  77,  84,
        91,  98, 105, 112, 119, 126, 133, 140, 147, 154, 161, 168, 175,
       182, 189, 196, 203, 210, 217, 224, 231, 238, 245, 252, 259, 266,
       273], dtype=int64, shape=(40,))`},
	{"wide floats wrap", func(t *testing.T) *Array { return fmtArr(t, seq(30, func(i int) float64 { return float64(i) / 7 })) },
		`[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571
 0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857
 1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143
 2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429
 3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]`,
		`array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,
       0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,
       1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,
       2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,
       2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,
       3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714],
      dtype=float64, shape=(30,))`},
	{"wide 2-d wrap", func(t *testing.T) *Array {
		return fmtArr(t, seq(30, func(i int) float64 { return float64(i) * 1.1 }), 2, 15)
	},
		`[[ 0.   1.1  2.2  3.3  4.4  5.5  6.6  7.7  8.8  9.9 11.  12.1 13.2 14.3
  15.4]
 [16.5 17.6 18.7 19.8 20.9 22.  23.1 24.2 25.3 26.4 27.5 28.6 29.7 30.8
  31.9]]`,
		`array([[ 0. ,  1.1,  2.2,  3.3,  4.4,  5.5,  6.6,  7.7,  8.8,  9.9, 11. ,
        12.1, 13.2, 14.3, 15.4],
       [16.5, 17.6, 18.7, 19.8, 20.9, 22. , 23.1, 24.2, 25.3, 26.4, 27.5,
        28.6, 29.7, 30.8, 31.9]], dtype=float64, shape=(2, 15))`},
	{"wide complex wrap", func(t *testing.T) *Array {
		return fmtArr(t, seq(12, func(i int) complex128 { return complex(float64(i), float64(-i)/4) }))
	},
		`[ 0.+0.j    1.-0.25j  2.-0.5j   3.-0.75j  4.-1.j    5.-1.25j  6.-1.5j
  7.-1.75j  8.-2.j    9.-2.25j 10.-2.5j  11.-2.75j]`,
		`array([ 0.+0.j  ,  1.-0.25j,  2.-0.5j ,  3.-0.75j,  4.-1.j  ,  5.-1.25j,
        6.-1.5j ,  7.-1.75j,  8.-2.j  ,  9.-2.25j, 10.-2.5j , 11.-2.75j],
      dtype=complex128, shape=(12,))`},
	{"wide bools wrap", func(t *testing.T) *Array { return fmtArr(t, seq(20, func(i int) bool { return i%3 == 0 })) },
		`[ True False False  True False False  True False False  True False False
  True False False  True False False  True False]`,
		`array([ True, False, False,  True, False, False,  True, False, False,
        True, False, False,  True, False, False,  True, False, False,
        True, False], dtype=bool, shape=(20,))`},
	{"summary 1-d 1001", func(t *testing.T) *Array { return fmtArr(t, seq(1001, func(i int) int64 { return int64(i) })) },
		"[   0    1    2 ...  998  999 1000]",
		`array([   0,    1,    2, ...,  998,  999, 1000],
      dtype=int64, shape=(1001,))`},
	{"no summary 1000", func(t *testing.T) *Array { return fmtArr(t, seq(1000, func(i int) int32 { return int32(i % 10) })) },
		`[0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6
 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0
 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7
 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4
 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8
 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2
 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9
 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6
 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0
 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7
 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4
 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8
 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2
 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9
 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6
 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0
 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7
 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4
 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8
 9]`,
		`array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
       2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
       4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5,
       6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
       8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
       0, 1, 2, 3, 4, 5, 6, 7, 8, 9], dtype=int32, shape=(1000,))`},
	{"summary 1-d float widths from edges", func(t *testing.T) *Array {
		return fmtArr(t, seq(1001, func(i int) float64 {
			if i == 500 {
				return 1e10
			}
			return float64(i) / 4
		}))
	},
		"[  0.     0.25   0.5  ... 249.5  249.75 250.  ]",
		`array([  0.  ,   0.25,   0.5 , ..., 249.5 , 249.75, 250.  ],
      dtype=float64, shape=(1001,))`},
	{"summary 2-d 7x143", func(t *testing.T) *Array { return fmtArr(t, seq(1001, func(i int) int64 { return int64(i) }), 7, 143) },
		`[[   0    1    2 ...  140  141  142]
 [ 143  144  145 ...  283  284  285]
 [ 286  287  288 ...  426  427  428]
 ...
 [ 572  573  574 ...  712  713  714]
 [ 715  716  717 ...  855  856  857]
 [ 858  859  860 ...  998  999 1000]]`,
		`array([[   0,    1,    2, ...,  140,  141,  142],
       [ 143,  144,  145, ...,  283,  284,  285],
       [ 286,  287,  288, ...,  426,  427,  428],
       ...,
       [ 572,  573,  574, ...,  712,  713,  714],
       [ 715,  716,  717, ...,  855,  856,  857],
       [ 858,  859,  860, ...,  998,  999, 1000]],
      dtype=int64, shape=(7, 143))`},
	{"summary 2-d 1001x1", func(t *testing.T) *Array {
		return fmtArr(t, seq(1001, func(i int) float64 { return float64(i) / 8 }), 1001, 1)
	},
		`[[  0.   ]
 [  0.125]
 [  0.25 ]
 ...
 [124.75 ]
 [124.875]
 [125.   ]]`,
		`array([[  0.   ],
       [  0.125],
       [  0.25 ],
       ...,
       [124.75 ],
       [124.875],
       [125.   ]], dtype=float64, shape=(1001, 1))`},
	{"summary 3-d", func(t *testing.T) *Array {
		return fmtArr(t, seq(1200, func(i int) float32 { return float32(i) }), 3, 20, 20)
	},
		`[[[0.000e+00 1.000e+00 2.000e+00 ... 1.700e+01 1.800e+01 1.900e+01]
  [2.000e+01 2.100e+01 2.200e+01 ... 3.700e+01 3.800e+01 3.900e+01]
  [4.000e+01 4.100e+01 4.200e+01 ... 5.700e+01 5.800e+01 5.900e+01]
  ...
  [3.400e+02 3.410e+02 3.420e+02 ... 3.570e+02 3.580e+02 3.590e+02]
  [3.600e+02 3.610e+02 3.620e+02 ... 3.770e+02 3.780e+02 3.790e+02]
  [3.800e+02 3.810e+02 3.820e+02 ... 3.970e+02 3.980e+02 3.990e+02]]

 [[4.000e+02 4.010e+02 4.020e+02 ... 4.170e+02 4.180e+02 4.190e+02]
  [4.200e+02 4.210e+02 4.220e+02 ... 4.370e+02 4.380e+02 4.390e+02]
  [4.400e+02 4.410e+02 4.420e+02 ... 4.570e+02 4.580e+02 4.590e+02]
  ...
  [7.400e+02 7.410e+02 7.420e+02 ... 7.570e+02 7.580e+02 7.590e+02]
  [7.600e+02 7.610e+02 7.620e+02 ... 7.770e+02 7.780e+02 7.790e+02]
  [7.800e+02 7.810e+02 7.820e+02 ... 7.970e+02 7.980e+02 7.990e+02]]

 [[8.000e+02 8.010e+02 8.020e+02 ... 8.170e+02 8.180e+02 8.190e+02]
  [8.200e+02 8.210e+02 8.220e+02 ... 8.370e+02 8.380e+02 8.390e+02]
  [8.400e+02 8.410e+02 8.420e+02 ... 8.570e+02 8.580e+02 8.590e+02]
  ...
  [1.140e+03 1.141e+03 1.142e+03 ... 1.157e+03 1.158e+03 1.159e+03]
  [1.160e+03 1.161e+03 1.162e+03 ... 1.177e+03 1.178e+03 1.179e+03]
  [1.180e+03 1.181e+03 1.182e+03 ... 1.197e+03 1.198e+03 1.199e+03]]]`,
		`array([[[0.000e+00, 1.000e+00, 2.000e+00, ..., 1.700e+01, 1.800e+01,
         1.900e+01],
        [2.000e+01, 2.100e+01, 2.200e+01, ..., 3.700e+01, 3.800e+01,
         3.900e+01],
        [4.000e+01, 4.100e+01, 4.200e+01, ..., 5.700e+01, 5.800e+01,
         5.900e+01],
        ...,
        [3.400e+02, 3.410e+02, 3.420e+02, ..., 3.570e+02, 3.580e+02,
         3.590e+02],
        [3.600e+02, 3.610e+02, 3.620e+02, ..., 3.770e+02, 3.780e+02,
         3.790e+02],
        [3.800e+02, 3.810e+02, 3.820e+02, ..., 3.970e+02, 3.980e+02,
         3.990e+02]],

       [[4.000e+02, 4.010e+02, 4.020e+02, ..., 4.170e+02, 4.180e+02,
         4.190e+02],
        [4.200e+02, 4.210e+02, 4.220e+02, ..., 4.370e+02, 4.380e+02,
         4.390e+02],
        [4.400e+02, 4.410e+02, 4.420e+02, ..., 4.570e+02, 4.580e+02,
         4.590e+02],
        ...,
        [7.400e+02, 7.410e+02, 7.420e+02, ..., 7.570e+02, 7.580e+02,
         7.590e+02],
        [7.600e+02, 7.610e+02, 7.620e+02, ..., 7.770e+02, 7.780e+02,
         7.790e+02],
        [7.800e+02, 7.810e+02, 7.820e+02, ..., 7.970e+02, 7.980e+02,
         7.990e+02]],

       [[8.000e+02, 8.010e+02, 8.020e+02, ..., 8.170e+02, 8.180e+02,
         8.190e+02],
        [8.200e+02, 8.210e+02, 8.220e+02, ..., 8.370e+02, 8.380e+02,
         8.390e+02],
        [8.400e+02, 8.410e+02, 8.420e+02, ..., 8.570e+02, 8.580e+02,
         8.590e+02],
        ...,
        [1.140e+03, 1.141e+03, 1.142e+03, ..., 1.157e+03, 1.158e+03,
         1.159e+03],
        [1.160e+03, 1.161e+03, 1.162e+03, ..., 1.177e+03, 1.178e+03,
         1.179e+03],
        [1.180e+03, 1.181e+03, 1.182e+03, ..., 1.197e+03, 1.198e+03,
         1.199e+03]]], dtype=float32, shape=(3, 20, 20))`},
	{"big-endian float64", func(t *testing.T) *Array { return fmtSwapped(t, fmtArr(t, []float64{1.5, -2, 1e-5})) },
		"[ 1.5e+00 -2.0e+00  1.0e-05]",
		"array([ 1.5e+00, -2.0e+00,  1.0e-05], dtype='>f8', shape=(3,))"},
	{"big-endian int32 transposed", func(t *testing.T) *Array { return fmtSwapped(t, fmtArr(t, []int32{1, -300, 7, 8}, 2, 2)).Transpose() },
		`[[   1    7]
 [-300    8]]`,
		`array([[   1,    7],
       [-300,    8]], dtype='>i4', shape=(2, 2))`},
	{"big-endian complex64", func(t *testing.T) *Array {
		return fmtSwapped(t, fmtArr(t, []complex64{1 + 2i, complex(float32(math.Copysign(0, -1)), -0.5)}))
	},
		"[ 1.+2.j  -0.-0.5j]",
		"array([ 1.+2.j , -0.-0.5j], dtype='>c8', shape=(2,))"},
	{"big-endian float16 0-d", func(t *testing.T) *Array { return fmtSwapped(t, Scalar(f16(0.1)[0])) },
		"0.1",
		"array(0.1, dtype='>f2', shape=())"},
	{"summary bool", func(t *testing.T) *Array { return fmtArr(t, seq(2000, func(i int) bool { return i%2 == 0 })) },
		"[ True False  True ... False  True False]",
		`array([ True, False,  True, ..., False,  True, False],
      dtype=bool, shape=(2000,))`},
}

func TestFormatNumPy(t *testing.T) {
	for _, c := range formatCases {
		t.Run(c.name, func(t *testing.T) {
			a := c.make(t)
			if got := fmt.Sprint(a); got != c.str {
				t.Errorf("Sprint:\n got %q\nwant %q", got, c.str)
			}
			if got := fmt.Sprintf("%s", a); got != c.str {
				t.Errorf("%%s:\n got %q\nwant %q", got, c.str)
			}
			if got := fmt.Sprintf("%#v", a); got != c.repr {
				t.Errorf("%%#v:\n got %q\nwant %q", got, c.repr)
			}
			if got := a.String(); got != c.repr {
				t.Errorf("String:\n got %q\nwant %q", got, c.repr)
			}
		})
	}
}

func TestFormatVerbs(t *testing.T) {
	cases := []struct {
		name   string
		a      func(t *testing.T) *Array
		format string
		want   string
	}{
		{"fixed point", func(t *testing.T) *Array { return fmtArr(t, []float64{1, 2.5, -3}) }, "%5.2f", "[ 1.00  2.50 -3.00]"},
		{"fixed point aligned", func(t *testing.T) *Array { return fmtArr(t, []float64{1, 22.5, -3}) }, "%.1f", "[ 1.0 22.5 -3.0]"},
		{"decimal", func(t *testing.T) *Array { return fmtArr(t, []int64{1, 22, 333}, 3, 1) }, "%d", "[[  1]\n [ 22]\n [333]]"},
		{"width", func(t *testing.T) *Array { return fmtArr(t, []int32{1, 2, 3}) }, "%3d", "[  1   2   3]"},
		{"left aligned", func(t *testing.T) *Array { return fmtArr(t, []int8{1, 22}) }, "%-4d", "[1    22  ]"},
		{"hex", func(t *testing.T) *Array { return fmtArr(t, []uint16{255, 16}) }, "%x", "[ff 10]"},
		{"plus flag", func(t *testing.T) *Array { return fmtArr(t, []int64{-1, 2}) }, "%+d", "[-1 +2]"},
		{"scientific", func(t *testing.T) *Array { return fmtArr(t, []float32{1500, 0.25}) }, "%.2e", "[1.50e+03 2.50e-01]"},
		{"general float16", func(t *testing.T) *Array { return fmtArr(t, f16(0.5, 1024)) }, "%g", "[ 0.5 1024]"},
		{"bool", func(t *testing.T) *Array { return fmtArr(t, []bool{true, false}) }, "%t", "[ true false]"},
		{"complex", func(t *testing.T) *Array { return fmtArr(t, []complex128{1 + 2i}) }, "%.1f", "[(1.0+2.0i)]"},
		{"0-d", func(t *testing.T) *Array { return Scalar[float64](2.5) }, "%6.2f", "  2.50"},
		{"empty", func(t *testing.T) *Array { return fmtArr(t, []float64{}) }, "%f", "[]"},
		{"transposed", func(t *testing.T) *Array { return fmtArr(t, []int64{1, 2, 3, 4}, 2, 2).Transpose() }, "%d", "[[1 3]\n [2 4]]"},
		{"summary", func(t *testing.T) *Array {
			return fmtArr(t, seq(2000, func(i int) int64 { return int64(i) }))
		}, "%03d", "[ 000  001  002 ... 1997 1998 1999]"},
		{"big-endian", func(t *testing.T) *Array { return fmtSwapped(t, fmtArr(t, []float64{0.5, -1})) }, "%.3f", "[ 0.500 -1.000]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fmt.Sprintf(c.format, c.a(t)); got != c.want {
				t.Errorf("Sprintf(%q):\n got %q\nwant %q", c.format, got, c.want)
			}
		})
	}
}

func TestFormatNil(t *testing.T) {
	var a *Array
	for _, f := range []string{"%v", "%#v", "%s", "%d"} {
		if got := fmt.Sprintf(f, a); got != "<nil>" {
			t.Errorf("Sprintf(%q, nil) = %q, want <nil>", f, got)
		}
	}
	if got := a.String(); got != "<nil>" {
		t.Errorf("String() on nil = %q, want <nil>", got)
	}
}

// TestFormatWrapWidth checks NumPy's line discipline on a long row: no
// line passes 75 columns and continuation lines are indented by one
// column (str) or by the width of "array(" plus one (repr).
func TestFormatWrapWidth(t *testing.T) {
	a := fmtArr(t, seq(200, func(i int) float64 { return float64(i) * 1.25 }))
	for _, c := range []struct {
		name, text, indent string
	}{
		{"str", fmt.Sprint(a), " "},
		{"repr", a.String(), "       "},
	} {
		lines := strings.Split(c.text, "\n")
		if len(lines) < 10 {
			t.Errorf("%s: %d lines, want a wrapped row", c.name, len(lines))
		}
		for i, l := range lines {
			if len(l) > printLineWidth {
				t.Errorf("%s: line %d has %d columns: %q", c.name, i, len(l), l)
			}
			if c.name == "repr" && i == len(lines)-1 {
				if want := "      dtype=float64, shape=(200,))"; l != want {
					t.Errorf("repr: last line %q, want %q", l, want)
				}
				continue
			}
			if i > 0 && !strings.HasPrefix(l, c.indent) {
				t.Errorf("%s: line %d is not indented by %q: %q", c.name, i, c.indent, l)
			}
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	for _, c := range []struct {
		name string
		a    *Array
	}{
		{"float64/1000", fmtMust(FromSlice(seq(1000, func(i int) float64 { return float64(i) / 7 })))},
		{"float64/1000x1000", fmtMust(FromSlice(seq(1000000, func(i int) float64 { return float64(i) / 7 }), 1000, 1000))},
		{"float16/1000", fmtMust(FromSlice(f16(seq(1000, func(i int) float64 { return float64(i) / 7 })...)))},
		{"int64/1000", fmtMust(FromSlice(seq(1000, func(i int) int64 { return int64(i) * 12345 })))},
		{"complex128/1000", fmtMust(FromSlice(seq(1000, func(i int) complex128 { return complex(float64(i), 1/float64(i+1)) })))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = fmt.Sprint(c.a)
			}
		})
	}
}

// fmtReversed returns a view of the 1-d array a with its elements in
// reverse order (a negative stride).
func fmtReversed(t *testing.T, a *Array) *Array {
	t.Helper()
	n, st := a.Shape()[0], a.Strides()[0]
	r, err := FromBuffer(a.DType(), a.Buffer(), a.Offset()+(n-1)*st, []int{n}, []int{-st})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func fmtMust(a *Array, err error) *Array {
	if err != nil {
		panic(err)
	}
	return a
}
