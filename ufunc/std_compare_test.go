package ufunc

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func TestExtrema(t *testing.T) {
	x, y := arr(t, 1, nan, 2), arr(t, nan, 1, 3)
	checkFloats(t, "maximum", call[float64](t, Maximum, x, y), []float64{nan, nan, 3})
	checkFloats(t, "minimum", call[float64](t, Minimum, x, y), []float64{nan, nan, 2})
	checkFloats(t, "fmax", call[float64](t, Fmax, x, y), []float64{1, 1, 3})
	checkFloats(t, "fmin", call[float64](t, Fmin, x, y), []float64{1, 1, 2})
	checkEqual(t, "maximum uint64", call[uint64](t, Maximum, arr[uint64](t, 1<<63, 5), arr[uint64](t, 1, 7)), []uint64{1 << 63, 7})
	checkEqual(t, "maximum bool", call[bool](t, Maximum, arr(t, true, false), arr(t, false, false)), []bool{true, false})
}

func TestClip(t *testing.T) {
	checkFloats(t, "clip", call[float64](t, Clip, arr(t, -5, 5, nan, 0.5), arr(t, 0, 0, 0, nan), arr(t, 1.0, 1, 1, 1)),
		[]float64{0, 1, nan, nan})
	checkEqual(t, "clip int8", call[int8](t, Clip, arr[int8](t, -128, 0, 127), arr[int8](t, -5, -5, -5), arr[int8](t, 5, 5, 5)),
		[]int8{-5, 0, 5})
	// ties of ±0 go to the bound, as in NumPy (np.clip(-0.0, 0.0, 1.0) is
	// +0, np.clip(0.0, -1.0, -0.0) is -0), over runs long enough for the
	// vector loops, with scalar and with array bounds
	for _, c := range []struct{ x, lo, hi, want float64 }{{negZero, 0, 1, 0}, {0, -1, negZero, negZero}} {
		for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
			n := 1000
			full := func(v float64) *ndarray.Array {
				a, err := ndarray.Full(dt, v, n)
				if err != nil {
					t.Fatal(err)
				}
				return a
			}
			scalar := func(v float64) *ndarray.Array { a, _ := full(v).Index("0"); return a }
			for _, bounds := range [][2]*ndarray.Array{{scalar(c.lo), scalar(c.hi)}, {full(c.lo), full(c.hi)}} {
				got, err := Clip.Call3(full(c.x), bounds[0], bounds[1])
				if err != nil {
					t.Fatal(err)
				}
				g, _ := got.AsType(dtype.Float64, dtype.Unsafe)
				for i, v := range ndarray.ToSlice[float64](g) {
					if v != c.want || math.Signbit(v) != math.Signbit(c.want) {
						t.Fatalf("clip %s(%v, %v, %v)[%d] = %v, want %v", dt, c.x, c.lo, c.hi, i, v, c.want)
					}
				}
			}
		}
	}
}

func TestComparisons(t *testing.T) {
	a, b := arr(t, 1+2i, complex(1, nan), 1+1i), arr(t, 1+3i, 2+0i, 1+1i)
	checkEqual(t, "less complex", call[bool](t, Less, a, b), []bool{true, false, false})
	checkEqual(t, "greater_equal complex", call[bool](t, GreaterEqual, a, b), []bool{false, false, true})
	x, y := arr(t, 1, nan, negZero, 2), arr(t, 1, nan, 0, 1)
	checkEqual(t, "equal", call[bool](t, Equal, x, y), []bool{true, false, true, false})
	checkEqual(t, "not_equal", call[bool](t, NotEqual, x, y), []bool{false, true, false, true})
	checkEqual(t, "less_equal", call[bool](t, LessEqual, x, y), []bool{true, false, true, false})
	checkEqual(t, "greater", call[bool](t, Greater, x, y), []bool{false, false, false, true})
	// int64 against uint64 compares through float64, as NumPy 1.24
	checkEqual(t, "less int64/uint64", call[bool](t, Less, arr[int64](t, -1, 5), arr[uint64](t, 0, 1<<63)), []bool{true, true})
	checkEqual(t, "less bool", call[bool](t, Less, arr(t, false, true), arr(t, true, true)), []bool{true, false})
}

func TestLogical(t *testing.T) {
	x, y := arr(t, 0, negZero, nan, 2), arr(t, 1, 1, 0, 3)
	checkEqual(t, "logical_and", call[bool](t, LogicalAnd, x, y), []bool{false, false, false, true})
	checkEqual(t, "logical_or", call[bool](t, LogicalOr, x, y), []bool{true, true, true, true})
	checkEqual(t, "logical_xor", call[bool](t, LogicalXor, x, y), []bool{true, true, true, false})
	checkEqual(t, "logical_not", call[bool](t, LogicalNot, x), []bool{true, true, false, false})
	checkEqual(t, "logical_not complex", call[bool](t, LogicalNot, arr(t, 0i, complex(0, negZero), 1i)), []bool{true, true, false})
}
