package ndarray

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func TestFlipRot90Diagonal(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"flip all", func() (*Array, error) { return Flip(in.A) }, mpWant{dtype.Int64, []int{3, 4}, []float64{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}, ""},
		{"flip axis 0", func() (*Array, error) { return Flip(in.A, 0) }, mpWant{dtype.Int64, []int{3, 4}, []float64{8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3}}, ""},
		{"flip axis -1", func() (*Array, error) { return Flip(in.A, -1) }, mpWant{dtype.Int64, []int{3, 4}, []float64{3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8}}, ""},
		{"flip 3-d axes 0 2", func() (*Array, error) { return Flip(in.T, 0, 2) }, mpWant{dtype.Int64, []int{2, 3, 4}, []float64{15, 14, 13, 12, 19, 18, 17, 16, 23, 22, 21, 20, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8}}, ""},
		{"flip of a strided view", func() (*Array, error) { return Flip(mpV(in.A, "::2, 1::2"), 1) }, mpWant{dtype.Int64, []int{2, 2}, []float64{3, 1, 11, 9}}, ""},
		{"flip empty", func() (*Array, error) { return Flip(in.E, 0, 1) }, mpWant{dtype.Int64, []int{0, 3}, []float64{}}, ""},
		{"flip 0-d", func() (*Array, error) { return Flip(in.Z) }, mpWant{dtype.Int64, []int{}, []float64{7}}, ""},
		{"flip repeated axis", func() (*Array, error) { return Flip(in.A, 0, -2) }, mpWant{}, "axis"}, // ValueError: repeated axis
		{"flip axis out of range", func() (*Array, error) { return Flip(in.A, 2) }, mpWant{}, "axis"}, // AxisError: axis 2 is out of bounds for array of dimension 2
		{"rot90 k=1", func() (*Array, error) { return Rot90(in.A, 1, [2]int{0, 1}) }, mpWant{dtype.Int64, []int{4, 3}, []float64{3, 7, 11, 2, 6, 10, 1, 5, 9, 0, 4, 8}}, ""},
		{"rot90 k=2", func() (*Array, error) { return Rot90(in.A, 2, [2]int{0, 1}) }, mpWant{dtype.Int64, []int{3, 4}, []float64{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}, ""},
		{"rot90 k=3", func() (*Array, error) { return Rot90(in.A, 3, [2]int{0, 1}) }, mpWant{dtype.Int64, []int{4, 3}, []float64{8, 4, 0, 9, 5, 1, 10, 6, 2, 11, 7, 3}}, ""},
		{"rot90 k=-1", func() (*Array, error) { return Rot90(in.A, -1, [2]int{0, 1}) }, mpWant{dtype.Int64, []int{4, 3}, []float64{8, 4, 0, 9, 5, 1, 10, 6, 2, 11, 7, 3}}, ""},
		{"rot90 k=4", func() (*Array, error) { return Rot90(in.A, 4, [2]int{0, 1}) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, ""},
		{"rot90 axes 1 0", func() (*Array, error) { return Rot90(in.A, 1, [2]int{1, 0}) }, mpWant{dtype.Int64, []int{4, 3}, []float64{8, 4, 0, 9, 5, 1, 10, 6, 2, 11, 7, 3}}, ""},
		{"rot90 3-d axes 2 0", func() (*Array, error) { return Rot90(in.T, 1, [2]int{2, 0}) }, mpWant{dtype.Int64, []int{4, 3, 2}, []float64{12, 0, 16, 4, 20, 8, 13, 1, 17, 5, 21, 9, 14, 2, 18, 6, 22, 10, 15, 3, 19, 7, 23, 11}}, ""},
		{"rot90 3-d axes -1 1 k=3", func() (*Array, error) { return Rot90(in.T, 3, [2]int{-1, 1}) }, mpWant{dtype.Int64, []int{2, 4, 3}, []float64{3, 7, 11, 2, 6, 10, 1, 5, 9, 0, 4, 8, 15, 19, 23, 14, 18, 22, 13, 17, 21, 12, 16, 20}}, ""},
		{"rot90 same axes", func() (*Array, error) { return Rot90(in.A, 1, [2]int{1, -1}) }, mpWant{}, "axis"},        // ValueError: Axes must be different.
		{"rot90 1-d", func() (*Array, error) { return Rot90(in.X, 1, [2]int{0, 1}) }, mpWant{}, "axis"},               // ValueError: Axes must be different.
		{"rot90 axis out of range", func() (*Array, error) { return Rot90(in.T, 1, [2]int{0, 3}) }, mpWant{}, "axis"}, // ValueError: Axes must be different.
		{"diagonal", func() (*Array, error) { return Diagonal(in.A, 0, 0, 1) }, mpWant{dtype.Int64, []int{3}, []float64{0, 5, 10}}, ""},
		{"diagonal offset 1", func() (*Array, error) { return Diagonal(in.A, 1, 0, 1) }, mpWant{dtype.Int64, []int{3}, []float64{1, 6, 11}}, ""},
		{"diagonal offset 3", func() (*Array, error) { return Diagonal(in.A, 3, 0, 1) }, mpWant{dtype.Int64, []int{1}, []float64{3}}, ""},
		{"diagonal offset 4", func() (*Array, error) { return Diagonal(in.A, 4, 0, 1) }, mpWant{dtype.Int64, []int{0}, []float64{}}, ""},
		{"diagonal offset -1", func() (*Array, error) { return Diagonal(in.A, -1, 0, 1) }, mpWant{dtype.Int64, []int{2}, []float64{4, 9}}, ""},
		{"diagonal offset -5", func() (*Array, error) { return Diagonal(in.A, -5, 0, 1) }, mpWant{dtype.Int64, []int{0}, []float64{}}, ""},
		{"diagonal axes 1 0", func() (*Array, error) { return Diagonal(in.A, 1, 1, 0) }, mpWant{dtype.Int64, []int{2}, []float64{4, 9}}, ""},
		{"diagonal 3-d axes 0 2", func() (*Array, error) { return Diagonal(in.T, 1, 0, 2) }, mpWant{dtype.Int64, []int{3, 2}, []float64{1, 14, 5, 18, 9, 22}}, ""},
		{"diagonal 3-d axes -1 -2", func() (*Array, error) { return Diagonal(in.T, -1, -1, -2) }, mpWant{dtype.Int64, []int{2, 3}, []float64{1, 6, 11, 13, 18, 23}}, ""},
		{"diagonal of a view", func() (*Array, error) { return Diagonal(mpV(in.A, "::-1, 1:"), 0, 0, 1) }, mpWant{dtype.Int64, []int{3}, []float64{9, 6, 3}}, ""},
		{"diagonal 1-d", func() (*Array, error) { return Diagonal(in.X, 0, 0, 1) }, mpWant{}, "value"},              // ValueError: diag requires an array of at least two dimensions
		{"diagonal same axes", func() (*Array, error) { return Diagonal(in.A, 0, 1, -1) }, mpWant{}, "axis"},        // ValueError: axis1 and axis2 cannot be the same
		{"diagonal axis out of range", func() (*Array, error) { return Diagonal(in.A, 0, 0, 2) }, mpWant{}, "axis"}, // AxisError: axis2: axis 2 is out of bounds for array of dimension 2
	})
}

func TestRoll(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"roll axis 0", func() (*Array, error) { return Roll(in.A, 1, 0) }, mpWant{dtype.Int64, []int{3, 4}, []float64{8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7}}, ""},
		{"roll axis 1 negative", func() (*Array, error) { return Roll(in.A, -1, 1) }, mpWant{dtype.Int64, []int{3, 4}, []float64{1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8}}, ""},
		{"roll more than length", func() (*Array, error) { return Roll(in.A, 9, -1) }, mpWant{dtype.Int64, []int{3, 4}, []float64{3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10}}, ""},
		{"roll zero", func() (*Array, error) { return Roll(in.A, 0, 1) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, ""},
		{"roll view", func() (*Array, error) { return Roll(in.A.T(), 2, 0) }, mpWant{dtype.Int64, []int{4, 3}, []float64{2, 6, 10, 3, 7, 11, 0, 4, 8, 1, 5, 9}}, ""},
		{"roll empty", func() (*Array, error) { return Roll(in.E, 1, 0) }, mpWant{dtype.Int64, []int{0, 3}, []float64{}}, ""},
		{"roll axis out of range", func() (*Array, error) { return Roll(in.A, 1, 2) }, mpWant{}, "axis"}, // AxisError: axis 2 is out of bounds for array of dimension 2
		{"roll 0-d axis", func() (*Array, error) { return Roll(in.Z, 1, 0) }, mpWant{}, "axis"},          // AxisError: axis 0 is out of bounds for array of dimension 0
		{"roll flat", func() (*Array, error) { return RollFlat(in.A, 3) }, mpWant{dtype.Int64, []int{3, 4}, []float64{9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 8}}, ""},
		{"roll flat negative", func() (*Array, error) { return RollFlat(in.A, -13) }, mpWant{dtype.Int64, []int{3, 4}, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0}}, ""},
		{"roll flat 0-d", func() (*Array, error) { return RollFlat(in.Z, 5) }, mpWant{dtype.Int64, []int{}, []float64{7}}, ""},
		{"roll flat float", func() (*Array, error) { return RollFlat(in.F, 2) }, mpWant{dtype.Float64, []int{6}, []float64{0, -3, 1.5, mpNegZ, 2.25, mpNaN}}, ""},
	})
}

func TestPad(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"pad constant zero", func() (*Array, error) { return Pad(in.B, [][2]int{{1, 2}}, PadConstant, nil) }, mpWant{dtype.Int64, []int{5, 6}, []float64{0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 3, 4, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}}, ""},
		{"pad constant value", func() (*Array, error) { return Pad(in.B, [][2]int{{1, 0}, {0, 2}}, PadConstant, 9) }, mpWant{dtype.Int64, []int{3, 5}, []float64{9, 9, 9, 9, 9, 0, 1, 2, 9, 9, 3, 4, 5, 9, 9}}, ""},
		{"pad constant float value into int", func() (*Array, error) { return Pad(in.X, [][2]int{{2, 1}}, PadConstant, -2.7) }, mpWant{dtype.Int64, []int{9}, []float64{-2, -2, 0, 1, 2, 3, 4, 5, -2}}, ""},
		{"pad constant wraps int8", func() (*Array, error) { return Pad(mpAs(in.X, dtype.Int8), [][2]int{{1, 1}}, PadConstant, 300) }, mpWant{dtype.Int8, []int{8}, []float64{44, 0, 1, 2, 3, 4, 5, 44}}, ""},
		{"pad constant float", func() (*Array, error) { return Pad(in.F, [][2]int{{0, 2}}, PadConstant, math.Inf(-1)) }, mpWant{dtype.Float64, []int{8}, []float64{1.5, mpNegZ, 2.25, mpNaN, 0, -3, -mpInf, -mpInf}}, ""},
		{"pad edge", func() (*Array, error) { return Pad(in.B, [][2]int{{1, 1}, {2, 1}}, PadEdge, nil) }, mpWant{dtype.Int64, []int{4, 6}, []float64{0, 0, 0, 1, 2, 2, 0, 0, 0, 1, 2, 2, 3, 3, 3, 4, 5, 5, 3, 3, 3, 4, 5, 5}}, ""},
		{"pad edge 3-d", func() (*Array, error) { return Pad(in.T, [][2]int{{0, 1}, {1, 0}, {1, 1}}, PadEdge, nil) }, mpWant{dtype.Int64, []int{3, 4, 6}, []float64{0, 0, 1, 2, 3, 3, 0, 0, 1, 2, 3, 3, 4, 4, 5, 6, 7, 7, 8, 8, 9, 10, 11, 11, 12, 12, 13, 14, 15, 15, 12, 12, 13, 14, 15, 15, 16, 16, 17, 18, 19, 19, 20, 20, 21, 22, 23, 23, 12, 12, 13, 14, 15, 15, 12, 12, 13, 14, 15, 15, 16, 16, 17, 18, 19, 19, 20, 20, 21, 22, 23, 23}}, ""},
		{"pad edge of a view", func() (*Array, error) { return Pad(mpV(in.A, "::-1, ::2"), [][2]int{{1, 1}}, PadEdge, nil) }, mpWant{dtype.Int64, []int{5, 4}, []float64{8, 8, 10, 10, 8, 8, 10, 10, 4, 4, 6, 6, 0, 0, 2, 2, 0, 0, 2, 2}}, ""},
		{"pad edge zero widths", func() (*Array, error) { return Pad(in.B, [][2]int{{0, 0}}, PadEdge, nil) }, mpWant{dtype.Int64, []int{2, 3}, []float64{0, 1, 2, 3, 4, 5}}, ""},
		{"pad edge empty axis unpadded", func() (*Array, error) { return Pad(in.E, [][2]int{{0, 0}, {1, 1}}, PadEdge, nil) }, mpWant{dtype.Int64, []int{0, 5}, []float64{}}, ""},
		{"pad edge empty axis", func() (*Array, error) { return Pad(in.E, [][2]int{{1, 1}}, PadEdge, nil) }, mpWant{}, "value"}, // ValueError: can't extend empty axis 0 using modes other than 'constant' or 'empty'
		{"pad 0-d", func() (*Array, error) { return Pad(in.Z, [][2]int{{1, 1}}, PadConstant, nil) }, mpWant{dtype.Int64, []int{}, []float64{7}}, ""},
		{"pad negative", func() (*Array, error) { return Pad(in.B, [][2]int{{-1, 0}}, PadConstant, nil) }, mpWant{}, "value"},                           // ValueError: index can't contain negative values
		{"pad too many widths", func() (*Array, error) { return Pad(in.B, [][2]int{{1, 1}, {1, 1}, {1, 1}}, PadConstant, nil) }, mpWant{}, "broadcast"}, // ValueError: operands could not be broadcast together with remapped shapes [original->remapped]: (3,2)
		{"pad bad value", func() (*Array, error) { return Pad(in.B, [][2]int{{1, 1}}, PadConstant, "x") }, mpWant{}, "value"},                           // ValueError: invalid literal for int() with base 10: 'x'
	})
}

func TestMeshgrid(t *testing.T) {
	in := mpIn(t)
	mpRunList(t, []mpListCase{
		{"meshgrid xy", func() ([]*Array, error) { return Meshgrid("xy", mpV(in.X, ":3"), in.F) }, []mpWant{{dtype.Int64, []int{6, 3}, []float64{0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}}, {dtype.Float64, []int{6, 3}, []float64{1.5, 1.5, 1.5, mpNegZ, mpNegZ, mpNegZ, 2.25, 2.25, 2.25, mpNaN, mpNaN, mpNaN, 0, 0, 0, -3, -3, -3}}}, ""},
		{"meshgrid ij", func() ([]*Array, error) { return Meshgrid("ij", mpV(in.X, ":3"), in.F) }, []mpWant{{dtype.Int64, []int{3, 6}, []float64{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2}}, {dtype.Float64, []int{3, 6}, []float64{1.5, mpNegZ, 2.25, mpNaN, 0, -3, 1.5, mpNegZ, 2.25, mpNaN, 0, -3, 1.5, mpNegZ, 2.25, mpNaN, 0, -3}}}, ""},
		{"meshgrid xy three", func() ([]*Array, error) { return Meshgrid("xy", mpV(in.X, ":2"), mpV(in.X, "::-2"), mpV(in.X, ":4")) }, []mpWant{{dtype.Int64, []int{3, 2, 4}, []float64{0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1}}, {dtype.Int64, []int{3, 2, 4}, []float64{5, 5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1}}, {dtype.Int64, []int{3, 2, 4}, []float64{0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3}}}, ""},
		{"meshgrid flattens", func() ([]*Array, error) { return Meshgrid("ij", in.B, in.Z) }, []mpWant{{dtype.Int64, []int{6, 1}, []float64{0, 1, 2, 3, 4, 5}}, {dtype.Int64, []int{6, 1}, []float64{7, 7, 7, 7, 7, 7}}}, ""},
		{"meshgrid one", func() ([]*Array, error) { return Meshgrid("xy", in.B) }, []mpWant{{dtype.Int64, []int{6}, []float64{0, 1, 2, 3, 4, 5}}}, ""},
		{"meshgrid none", func() ([]*Array, error) { return Meshgrid("xy") }, []mpWant{}, ""},
		{"meshgrid bad indexing", func() ([]*Array, error) { return Meshgrid("yx", in.X) }, nil, "value"}, // ValueError: Valid values for `indexing` are 'xy' and 'ij'.
	})
}

// Flip and Rot90 return writeable views, Diagonal a read-only one, as
// NumPy does.
func TestViewManipulationsShareMemory(t *testing.T) {
	in := mpIn(t)
	a := in.A.Copy()
	f, _ := Flip(a, 1)
	r, _ := Rot90(a, 1, [2]int{0, 1})
	d, _ := Diagonal(a, 1, 0, 1)
	for name, v := range map[string]*Array{"flip": f, "rot90": r, "diagonal": d} {
		if !sameBuffer(v, a) {
			t.Errorf("%s: not a view", name)
		}
	}
	if !f.IsWriteable() || !r.IsWriteable() {
		t.Errorf("flip/rot90 views are not writeable")
	}
	if d.IsWriteable() {
		t.Errorf("diagonal view is writeable")
	}
	Set(f, int64(-7), 0, 0) // a[0, 3]
	if got := At[int64](a, 0, 3); got != -7 {
		t.Errorf("a[0, 3] = %d after writing through the flipped view, want -7", got)
	}
	if got := At[int64](d, 0); got != 1 {
		t.Errorf("diagonal[0] = %d, want 1", got)
	}
}

// Pad with PadConstant accepts every Go scalar type Fill accepts and
// converts it as Fill does.
func TestPadValues(t *testing.T) {
	in := mpIn(t)
	cases := []struct {
		name  string
		a     *Array
		value any
		want  mpWant
	}{
		// np.pad(np.array([1.5, 2.5], np.float32), 1, constant_values=0.1)
		{"float32 from float64", mpAs(mpF64(1.5, 2.5), dtype.Float32), 0.1, mpWant{dtype.Float32, []int{4}, []float64{0.10000000149011612, 1.5, 2.5, 0.10000000149011612}}},
		// np.pad(np.array([True]), 1, constant_values=True)
		{"bool", mpAs(mpI64(0), dtype.Bool), true, mpWant{dtype.Bool, []int{3}, []float64{1, 0, 1}}},
		// np.pad(np.arange(2, dtype=np.uint8), 1, constant_values=-1) wraps to 255
		{"uint8 from negative", mpAs(mpV(in.X, ":2"), dtype.Uint8), int8(-1), mpWant{dtype.Uint8, []int{4}, []float64{255, 0, 1, 255}}},
		{"nan", in.F, math.NaN(), mpWant{dtype.Float64, []int{8}, []float64{mpNaN, 1.5, mpNegZ, 2.25, mpNaN, 0, -3, mpNaN}}},
	}
	for _, c := range cases {
		got, err := Pad(c.a, [][2]int{{1, 1}}, PadConstant, c.value)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		mpCheck(t, c.name, got, c.want)
	}
}
