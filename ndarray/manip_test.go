package ndarray

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

// Expected values in this file and in manip_view_test.go,
// manip_matrix_test.go and take_test.go were produced by NumPy 1.24.2
// (the expression is the case name's NumPy counterpart).

var (
	mpNaN  = math.NaN()
	mpInf  = math.Inf(1)
	mpNegZ = math.Copysign(0, -1)
)

// mpWant is an expected result: its type, shape and elements in C order
// (exactly representable as float64).
type mpWant struct {
	dt    dtype.DType
	shape []int
	data  []float64
}

// mpInputs are the operands of the manipulation tests.
type mpInputs struct {
	A    *Array // np.arange(12).reshape(3, 4)
	B    *Array // np.arange(6).reshape(2, 3)
	X    *Array // np.arange(6)
	Z    *Array // np.array(7)
	Zi   *Array // np.array(1)
	Zero *Array // np.array(0)
	F    *Array // [1.5, -0.0, 2.25, nan, 0.0, -3.0]
	E    *Array // np.zeros((0, 3), np.int64)
	T    *Array // np.arange(24).reshape(2, 3, 4)
}

func mpIn(t *testing.T) mpInputs {
	return mpInputs{
		A: arange(t, 12, 3, 4), B: arange(t, 6, 2, 3), X: arange(t, 6),
		Z: Scalar(int64(7)), Zi: Scalar(int64(1)), Zero: Scalar(int64(0)),
		F: mpF64(1.5, math.Copysign(0, -1), 2.25, math.NaN(), 0, -3),
		E: mpMust(Zeros(dtype.Int64, 0, 3)), T: arange(t, 24, 2, 3, 4),
	}
}

func mpMust(a *Array, err error) *Array {
	if err != nil {
		panic(err)
	}
	return a
}

func mpArrs(a ...*Array) []*Array          { return a }
func mpI64(v ...int64) *Array              { return mpMust(FromSlice(v)) }
func mpF64(v ...float64) *Array            { return mpMust(FromSlice(v)) }
func mpV(a *Array, expr string) *Array     { return mpMust(a.Index(expr)) }
func mpR(a *Array, shape ...int) *Array    { return mpMust(a.Reshape(shape...)) }
func mpAs(a *Array, dt dtype.DType) *Array { return mpMust(a.AsType(dt, dtype.Unsafe)) }

// mpFull is an int64 array of the given shape holding v.
func mpFull(v int64, shape ...int) *Array { return mpMust(Full(dtype.Int64, v, shape...)) }

// mpDiag is np.diag(v) for a float64 vector.
func mpDiag(v *Array) *Array {
	n := v.Size()
	d := mpMust(Zeros(dtype.Float64, n, n))
	for i, x := range Values[float64](v) {
		Set(d, x, i, i)
	}
	return d
}

// mpPut runs Put and returns the array it wrote into.
func mpPut(a, indices, values *Array, mode IndexMode) (*Array, error) {
	return a, Put(a, indices, values, mode)
}

// mpCheck compares got with want: type, shape, and elements bit for bit
// once converted to float64 (any NaN matches any NaN; -0 differs from 0).
func mpCheck(t *testing.T, name string, got *Array, want mpWant) {
	t.Helper()
	if got.DType() != want.dt {
		t.Errorf("%s: dtype %v, want %v", name, got.DType(), want.dt)
		return
	}
	if !slices.Equal(got.Shape(), want.shape) {
		t.Errorf("%s: shape %v, want %v", name, got.Shape(), want.shape)
		return
	}
	vals := ToSlice[float64](mpMust(got.AsType(dtype.Float64, dtype.Unsafe)))
	for i, v := range vals {
		w := want.data[i]
		if math.IsNaN(w) && math.IsNaN(v) {
			continue
		}
		if math.Float64bits(v) != math.Float64bits(w) {
			t.Errorf("%s: elements %v, want %v", name, vals, want.data)
			return
		}
	}
}

// mpCheckErr checks that err belongs to the error category kind.
func mpCheckErr(t *testing.T, name string, err error, kind string) {
	t.Helper()
	var ok bool
	switch kind {
	case "shape":
		var e *ShapeError
		ok = errors.As(err, &e)
	case "axis":
		var e *AxisError
		ok = errors.As(err, &e)
	case "index":
		var e *IndexError
		ok = errors.As(err, &e)
	case "value":
		var e *ValueError
		ok = errors.As(err, &e)
	case "broadcast":
		var e *BroadcastError
		ok = errors.As(err, &e)
	case "cast":
		var e *dtype.CastError
		ok = errors.As(err, &e)
	default:
		t.Fatalf("%s: unknown error kind %q", name, kind)
	}
	if !ok {
		t.Errorf("%s: error %T (%v), want a %s error", name, err, err, kind)
	}
}

// mpCase is a call returning one array, with its expected result or the
// category of its expected error.
type mpCase struct {
	name string
	run  func() (*Array, error)
	want mpWant
	err  string
}

func mpRun(t *testing.T, cases []mpCase) {
	t.Helper()
	for _, c := range cases {
		got, err := c.run()
		if c.err != "" {
			mpCheckErr(t, c.name, err, c.err)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		mpCheck(t, c.name, got, c.want)
	}
}

// mpListCase is mpCase for calls returning several arrays.
type mpListCase struct {
	name string
	run  func() ([]*Array, error)
	want []mpWant
	err  string
}

func mpRunList(t *testing.T, cases []mpListCase) {
	t.Helper()
	for _, c := range cases {
		got, err := c.run()
		if c.err != "" {
			mpCheckErr(t, c.name, err, c.err)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %d arrays, want %d", c.name, len(got), len(c.want))
			continue
		}
		for i := range got {
			mpCheck(t, c.name, got[i], c.want[i])
		}
	}
}

func TestJoin(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"concatenate axis 0", func() (*Array, error) { return Concatenate(mpArrs(in.A, mpV(in.A, ":1")), 0) }, mpWant{dtype.Int64, []int{4, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2, 3}}, ""},
		{"concatenate axis 1", func() (*Array, error) { return Concatenate(mpArrs(in.A, mpV(in.A, ":, 1:3"), in.A), 1) }, mpWant{dtype.Int64, []int{3, 10}, []float64{0, 1, 2, 3, 1, 2, 0, 1, 2, 3, 4, 5, 6, 7, 5, 6, 4, 5, 6, 7, 8, 9, 10, 11, 9, 10, 8, 9, 10, 11}}, ""},
		{"concatenate axis -1", func() (*Array, error) { return Concatenate(mpArrs(in.B, in.B), -1) }, mpWant{dtype.Int64, []int{2, 6}, []float64{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}}, ""},
		{"concatenate transposed views", func() (*Array, error) { return Concatenate(mpArrs(in.A.T(), mpV(in.A, "::-1, ::2").T()), 0) }, mpWant{dtype.Int64, []int{6, 3}, []float64{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11, 8, 4, 0, 10, 6, 2}}, ""},
		{"concatenate zero-size input", func() (*Array, error) { return Concatenate(mpArrs(in.E, in.B, in.E), 0) }, mpWant{dtype.Int64, []int{2, 3}, []float64{0, 1, 2, 3, 4, 5}}, ""},
		{"concatenate int8 uint8", func() (*Array, error) { return Concatenate(mpArrs(mpAs(in.X, dtype.Int8), mpAs(in.X, dtype.Uint8)), 0) }, mpWant{dtype.Int16, []int{12}, []float64{0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}}, ""},
		{"concatenate float32 int64", func() (*Array, error) { return Concatenate(mpArrs(mpAs(in.F, dtype.Float32), in.X), 0) }, mpWant{dtype.Float64, []int{12}, []float64{1.5, mpNegZ, 2.25, mpNaN, 0, -3, 0, 1, 2, 3, 4, 5}}, ""},
		{"concatenate float16 bool", func() (*Array, error) {
			return Concatenate(mpArrs(mpAs(in.F, dtype.Float16), mpAs(in.X, dtype.Bool)), 0)
		}, mpWant{dtype.Float16, []int{12}, []float64{1.5, mpNegZ, 2.25, mpNaN, 0, -3, 0, 1, 1, 1, 1, 1}}, ""},
		{"concatenate 0-d", func() (*Array, error) { return Concatenate(mpArrs(in.Z, in.Z), 0) }, mpWant{}, "shape"},              // ValueError: zero-dimensional arrays cannot be concatenated
		{"concatenate axis out of range", func() (*Array, error) { return Concatenate(mpArrs(in.A, in.A), 2) }, mpWant{}, "axis"}, // AxisError: axis 2 is out of bounds for array of dimension 2
		{"concatenate axis -3", func() (*Array, error) { return Concatenate(mpArrs(in.A, in.A), -3) }, mpWant{}, "axis"},          // AxisError: axis -3 is out of bounds for array of dimension 2
		{"concatenate ndim mismatch", func() (*Array, error) { return Concatenate(mpArrs(in.A, in.X), 0) }, mpWant{}, "shape"},    // ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has 2 d
		{"concatenate size mismatch", func() (*Array, error) { return Concatenate(mpArrs(in.A, in.B), 0) }, mpWant{}, "shape"},    // ValueError: all the input array dimensions except for the concatenation axis must match exactly, but a
		{"concatenate none", func() (*Array, error) { return Concatenate(nil, 0) }, mpWant{}, "value"},                            // ValueError: need at least one array to concatenate
		{"concatenate flat", func() (*Array, error) { return ConcatenateFlat(mpArrs(in.B, in.Z, mpV(in.A, "::2, ::-3"))) }, mpWant{dtype.Int64, []int{11}, []float64{0, 1, 2, 3, 4, 5, 7, 3, 0, 11, 8}}, ""},
		{"stack axis 0", func() (*Array, error) { return Stack(mpArrs(in.B, mpV(in.A, "1:, 1:")), 0) }, mpWant{dtype.Int64, []int{2, 2, 3}, []float64{0, 1, 2, 3, 4, 5, 5, 6, 7, 9, 10, 11}}, ""},
		{"stack axis 1", func() (*Array, error) { return Stack(mpArrs(in.B, in.B), 1) }, mpWant{dtype.Int64, []int{2, 2, 3}, []float64{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}}, ""},
		{"stack axis 2", func() (*Array, error) { return Stack(mpArrs(in.B, mpV(in.A, "1:, 1:")), 2) }, mpWant{dtype.Int64, []int{2, 3, 2}, []float64{0, 5, 1, 6, 2, 7, 3, 9, 4, 10, 5, 11}}, ""},
		{"stack axis -1", func() (*Array, error) { return Stack(mpArrs(in.X, in.X, in.X), -1) }, mpWant{dtype.Int64, []int{6, 3}, []float64{0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5}}, ""},
		{"stack 0-d", func() (*Array, error) { return Stack(mpArrs(in.Z, in.Z), 0) }, mpWant{dtype.Int64, []int{2}, []float64{7, 7}}, ""},
		{"stack float32 int64", func() (*Array, error) { return Stack(mpArrs(mpAs(in.F, dtype.Float32), in.X), 1) }, mpWant{dtype.Float64, []int{6, 2}, []float64{1.5, 0, mpNegZ, 1, 2.25, 2, mpNaN, 3, 0, 4, -3, 5}}, ""},
		{"stack shape mismatch", func() (*Array, error) { return Stack(mpArrs(in.A, in.B), 0) }, mpWant{}, "shape"},   // ValueError: all input arrays must have the same shape
		{"stack axis out of range", func() (*Array, error) { return Stack(mpArrs(in.B, in.B), 3) }, mpWant{}, "axis"}, // AxisError: axis 3 is out of bounds for array of dimension 3
		{"stack none", func() (*Array, error) { return Stack(nil, 0) }, mpWant{}, "value"},                            // ValueError: need at least one array to stack
		{"hstack 1-d", func() (*Array, error) { return HStack(mpArrs(in.X, in.Z, in.X)) }, mpWant{dtype.Int64, []int{13}, []float64{0, 1, 2, 3, 4, 5, 7, 0, 1, 2, 3, 4, 5}}, ""},
		{"hstack 2-d", func() (*Array, error) { return HStack(mpArrs(in.B, in.B.T().T())) }, mpWant{dtype.Int64, []int{2, 6}, []float64{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}}, ""},
		{"hstack mismatch", func() (*Array, error) { return HStack(mpArrs(in.A, in.B)) }, mpWant{}, "shape"}, // ValueError: all the input array dimensions except for the concatenation axis must match exactly, but a
		{"vstack", func() (*Array, error) { return VStack(mpArrs(in.X, mpV(mpV(in.A, ":2").Ravel(), ":6"), in.X)) }, mpWant{dtype.Int64, []int{3, 6}, []float64{0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}}, ""},
		{"vstack 2-d and 1-d", func() (*Array, error) { return VStack(mpArrs(in.B, mpV(in.X, ":3"))) }, mpWant{dtype.Int64, []int{3, 3}, []float64{0, 1, 2, 3, 4, 5, 0, 1, 2}}, ""},
		{"vstack 0-d", func() (*Array, error) { return VStack(mpArrs(in.Z, in.Z)) }, mpWant{dtype.Int64, []int{2, 1}, []float64{7, 7}}, ""},
		{"vstack mismatch", func() (*Array, error) { return VStack(mpArrs(in.X, in.Z)) }, mpWant{}, "shape"}, // ValueError: all the input array dimensions except for the concatenation axis must match exactly, but a
		{"dstack 1-d", func() (*Array, error) { return DStack(mpArrs(in.X, in.X)) }, mpWant{dtype.Int64, []int{1, 6, 2}, []float64{0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}}, ""},
		{"dstack 2-d", func() (*Array, error) { return DStack(mpArrs(in.B, in.B)) }, mpWant{dtype.Int64, []int{2, 3, 2}, []float64{0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}}, ""},
		{"dstack 3-d", func() (*Array, error) { return DStack(mpArrs(in.T, in.T)) }, mpWant{dtype.Int64, []int{2, 3, 8}, []float64{0, 1, 2, 3, 0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7, 8, 9, 10, 11, 8, 9, 10, 11, 12, 13, 14, 15, 12, 13, 14, 15, 16, 17, 18, 19, 16, 17, 18, 19, 20, 21, 22, 23, 20, 21, 22, 23}}, ""},
	})
}

func TestSplit(t *testing.T) {
	in := mpIn(t)
	mpRunList(t, []mpListCase{
		{"split 3", func() ([]*Array, error) { return Split(in.X, 3, 0) }, []mpWant{{dtype.Int64, []int{2}, []float64{0, 1}}, {dtype.Int64, []int{2}, []float64{2, 3}}, {dtype.Int64, []int{2}, []float64{4, 5}}}, ""},
		{"split axis 1", func() ([]*Array, error) { return Split(in.A, 2, 1) }, []mpWant{{dtype.Int64, []int{3, 2}, []float64{0, 1, 4, 5, 8, 9}}, {dtype.Int64, []int{3, 2}, []float64{2, 3, 6, 7, 10, 11}}}, ""},
		{"split axis -1", func() ([]*Array, error) { return Split(in.T, 4, -1) }, []mpWant{{dtype.Int64, []int{2, 3, 1}, []float64{0, 4, 8, 12, 16, 20}}, {dtype.Int64, []int{2, 3, 1}, []float64{1, 5, 9, 13, 17, 21}}, {dtype.Int64, []int{2, 3, 1}, []float64{2, 6, 10, 14, 18, 22}}, {dtype.Int64, []int{2, 3, 1}, []float64{3, 7, 11, 15, 19, 23}}}, ""},
		{"split unequal", func() ([]*Array, error) { return Split(in.X, 4, 0) }, nil, "shape"},          // ValueError: array split does not result in an equal division
		{"split zero sections", func() ([]*Array, error) { return Split(in.X, 0, 0) }, nil, "value"},    // ZeroDivisionError: integer modulo by zero
		{"split axis out of range", func() ([]*Array, error) { return Split(in.A, 2, 2) }, nil, "axis"}, // IndexError: tuple index out of range
		{"split empty", func() ([]*Array, error) { return Split(mpV(in.X, ":0"), 2, 0) }, []mpWant{{dtype.Int64, []int{0}, []float64{}}, {dtype.Int64, []int{0}, []float64{}}}, ""},
		{"split at", func() ([]*Array, error) { return SplitAt(in.X, []int{2, 3}, 0) }, []mpWant{{dtype.Int64, []int{2}, []float64{0, 1}}, {dtype.Int64, []int{1}, []float64{2}}, {dtype.Int64, []int{3}, []float64{3, 4, 5}}}, ""},
		{"split at decreasing", func() ([]*Array, error) { return SplitAt(in.X, []int{4, 2}, 0) }, []mpWant{{dtype.Int64, []int{4}, []float64{0, 1, 2, 3}}, {dtype.Int64, []int{0}, []float64{}}, {dtype.Int64, []int{4}, []float64{2, 3, 4, 5}}}, ""},
		{"split at negative", func() ([]*Array, error) { return SplitAt(in.A, []int{-1}, 1) }, []mpWant{{dtype.Int64, []int{3, 3}, []float64{0, 1, 2, 4, 5, 6, 8, 9, 10}}, {dtype.Int64, []int{3, 1}, []float64{3, 7, 11}}}, ""},
		{"split at past end", func() ([]*Array, error) { return SplitAt(in.X, []int{1, 10}, 0) }, []mpWant{{dtype.Int64, []int{1}, []float64{0}}, {dtype.Int64, []int{5}, []float64{1, 2, 3, 4, 5}}, {dtype.Int64, []int{0}, []float64{}}}, ""},
		{"split at none", func() ([]*Array, error) { return SplitAt(in.X, nil, 0) }, []mpWant{{dtype.Int64, []int{6}, []float64{0, 1, 2, 3, 4, 5}}}, ""},
		{"split at axis out of range", func() ([]*Array, error) { return SplitAt(in.X, []int{1}, 1) }, nil, "axis"}, // IndexError: tuple index out of range
		{"array split 4", func() ([]*Array, error) { return ArraySplit(in.X, 4, 0) }, []mpWant{{dtype.Int64, []int{2}, []float64{0, 1}}, {dtype.Int64, []int{2}, []float64{2, 3}}, {dtype.Int64, []int{1}, []float64{4}}, {dtype.Int64, []int{1}, []float64{5}}}, ""},
		{"array split more sections than elements", func() ([]*Array, error) { return ArraySplit(mpV(in.X, ":2"), 3, 0) }, []mpWant{{dtype.Int64, []int{1}, []float64{0}}, {dtype.Int64, []int{1}, []float64{1}}, {dtype.Int64, []int{0}, []float64{}}}, ""},
		{"array split axis 1", func() ([]*Array, error) { return ArraySplit(in.A, 3, 1) }, []mpWant{{dtype.Int64, []int{3, 2}, []float64{0, 1, 4, 5, 8, 9}}, {dtype.Int64, []int{3, 1}, []float64{2, 6, 10}}, {dtype.Int64, []int{3, 1}, []float64{3, 7, 11}}}, ""},
		{"array split zero sections", func() ([]*Array, error) { return ArraySplit(in.X, 0, 0) }, nil, "value"}, // ValueError: number sections must be larger than 0.
		{"array split at", func() ([]*Array, error) { return ArraySplitAt(in.A, []int{1, 2}, 0) }, []mpWant{{dtype.Int64, []int{1, 4}, []float64{0, 1, 2, 3}}, {dtype.Int64, []int{1, 4}, []float64{4, 5, 6, 7}}, {dtype.Int64, []int{1, 4}, []float64{8, 9, 10, 11}}}, ""},
	})
}

func TestTile(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"tile 2", func() (*Array, error) { return Tile(in.B, 2) }, mpWant{dtype.Int64, []int{2, 6}, []float64{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}}, ""},
		{"tile 2 1", func() (*Array, error) { return Tile(in.B, 2, 1) }, mpWant{dtype.Int64, []int{4, 3}, []float64{0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}}, ""},
		{"tile 2 3", func() (*Array, error) { return Tile(in.B, 2, 3) }, mpWant{dtype.Int64, []int{4, 9}, []float64{0, 1, 2, 0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5, 3, 4, 5, 0, 1, 2, 0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5, 3, 4, 5}}, ""},
		{"tile promotes dims", func() (*Array, error) { return Tile(mpV(in.X, ":3"), 2, 1, 2) }, mpWant{dtype.Int64, []int{2, 1, 6}, []float64{0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}}, ""},
		{"tile transposed", func() (*Array, error) { return Tile(in.B.T(), 1, 2) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 3, 0, 3, 1, 4, 1, 4, 2, 5, 2, 5}}, ""},
		{"tile 0-d", func() (*Array, error) { return Tile(in.Z, 3) }, mpWant{dtype.Int64, []int{3}, []float64{7, 7, 7}}, ""},
		{"tile 0-d no reps", func() (*Array, error) { return Tile(in.Z) }, mpWant{dtype.Int64, []int{}, []float64{7}}, ""},
		{"tile ones copies", func() (*Array, error) { return Tile(in.B, 1, 1) }, mpWant{dtype.Int64, []int{2, 3}, []float64{0, 1, 2, 3, 4, 5}}, ""},
		{"tile zero", func() (*Array, error) { return Tile(in.B, 0) }, mpWant{dtype.Int64, []int{2, 0}, []float64{}}, ""},
		{"tile negative", func() (*Array, error) { return Tile(in.B, -1) }, mpWant{}, "value"}, // ValueError: negative dimensions are not allowed
		{"tile float16", func() (*Array, error) { return Tile(mpAs(in.F, dtype.Float16), 2) }, mpWant{dtype.Float16, []int{12}, []float64{1.5, mpNegZ, 2.25, mpNaN, 0, -3, 1.5, mpNegZ, 2.25, mpNaN, 0, -3}}, ""},
	})
}

func TestRepeat(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"repeat scalar count axis 0", func() (*Array, error) { return Repeat(in.B, []int{2}, 0) }, mpWant{dtype.Int64, []int{4, 3}, []float64{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}}, ""},
		{"repeat counts axis 1", func() (*Array, error) { return Repeat(in.B, []int{1, 0, 3}, 1) }, mpWant{dtype.Int64, []int{2, 4}, []float64{0, 2, 2, 2, 3, 5, 5, 5}}, ""},
		{"repeat axis -1 float", func() (*Array, error) { return Repeat(in.F, []int{2}, -1) }, mpWant{dtype.Float64, []int{12}, []float64{1.5, 1.5, mpNegZ, mpNegZ, 2.25, 2.25, mpNaN, mpNaN, 0, 0, -3, -3}}, ""},
		{"repeat 3-d axis 1", func() (*Array, error) { return Repeat(in.T, []int{0, 2, 1}, 1) }, mpWant{dtype.Int64, []int{2, 3, 4}, []float64{4, 5, 6, 7, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 16, 17, 18, 19, 20, 21, 22, 23}}, ""},
		{"repeat transposed", func() (*Array, error) { return Repeat(in.A.T(), []int{2, 1, 1, 0}, 0) }, mpWant{dtype.Int64, []int{4, 3}, []float64{0, 4, 8, 0, 4, 8, 1, 5, 9, 2, 6, 10}}, ""},
		{"repeat int8", func() (*Array, error) { return Repeat(mpAs(in.X, dtype.Int8), []int{1, 2, 1, 2, 1, 2}, 0) }, mpWant{dtype.Int8, []int{9}, []float64{0, 1, 1, 2, 3, 3, 4, 5, 5}}, ""},
		{"repeat int16 rows", func() (*Array, error) { return Repeat(mpAs(in.A, dtype.Int16), []int{2, 0, 1}, 0) }, mpWant{dtype.Int16, []int{3, 4}, []float64{0, 1, 2, 3, 0, 1, 2, 3, 8, 9, 10, 11}}, ""},
		{"repeat zero", func() (*Array, error) { return Repeat(in.B, []int{0}, 0) }, mpWant{dtype.Int64, []int{0, 3}, []float64{}}, ""},
		{"repeat flat", func() (*Array, error) { return RepeatFlat(in.B, []int{2}) }, mpWant{dtype.Int64, []int{12}, []float64{0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}}, ""},
		{"repeat flat counts", func() (*Array, error) { return RepeatFlat(in.B, []int{1, 2, 3, 0, 1, 2}) }, mpWant{dtype.Int64, []int{9}, []float64{0, 1, 1, 2, 2, 2, 4, 5, 5}}, ""},
		{"repeat flat 0-d", func() (*Array, error) { return RepeatFlat(in.Z, []int{3}) }, mpWant{dtype.Int64, []int{3}, []float64{7, 7, 7}}, ""},
		{"repeat count mismatch", func() (*Array, error) { return Repeat(in.B, []int{1, 2}, 1) }, mpWant{}, "broadcast"}, // ValueError: operands could not be broadcast together with shape (3,) (2,)
		{"repeat no counts", func() (*Array, error) { return Repeat(in.B, nil, 1) }, mpWant{}, "broadcast"},              // ValueError: operands could not be broadcast together with shape (3,) (0,)
		{"repeat negative", func() (*Array, error) { return Repeat(in.B, []int{-1}, 0) }, mpWant{}, "value"},             // ValueError: negative dimensions are not allowed
		{"repeat axis out of range", func() (*Array, error) { return Repeat(in.B, []int{2}, 2) }, mpWant{}, "axis"},      // AxisError: axis 2 is out of bounds for array of dimension 2
		{"repeat 0-d axis 0", func() (*Array, error) { return Repeat(in.Z, []int{2}, 0) }, mpWant{dtype.Int64, []int{2}, []float64{7, 7}}, ""},
	})
}

// Concatenate and the others copy: the result owns a new buffer and the
// inputs are left as they were.
func TestJoinCopies(t *testing.T) {
	in := mpIn(t)
	c, err := Concatenate(mpArrs(in.X), 0)
	if err != nil {
		t.Fatal(err)
	}
	if sameBuffer(c, in.X) || !c.OwnsData() || !c.IsCContiguous() {
		t.Errorf("concatenate of one array: shares %v, owns %v", sameBuffer(c, in.X), c.OwnsData())
	}
	Set(c, int64(99), 0)
	if At[int64](in.X, 0) != 0 {
		t.Errorf("writing the result changed the input")
	}
	tl, _ := Tile(in.X, 1)
	if sameBuffer(tl, in.X) {
		t.Errorf("tile with reps 1 shares the input's buffer")
	}
}

// Split returns views of its input.
func TestSplitViews(t *testing.T) {
	in := mpIn(t)
	a := in.A.Copy()
	parts, err := Split(a, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if !sameBuffer(p, a) || !p.IsWriteable() {
			t.Fatalf("split part is not a writeable view")
		}
	}
	Set(parts[1], int64(-1), 2, 0)
	if got := At[int64](a, 2, 2); got != -1 {
		t.Errorf("a[2, 2] = %d after writing through the split view, want -1", got)
	}
}

// A big-endian input keeps its bytes in raw copies and is converted
// where the result type is native.
func TestManipByteOrder(t *testing.T) {
	in := mpIn(t)
	be := in.X.DType().WithByteOrder(dtype.BigEndian)
	if be == in.X.DType() {
		be = in.X.DType().WithByteOrder(dtype.LittleEndian)
	}
	sw := mpAs(in.X, be)
	r, err := Repeat(sw, []int{2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	mpCheck(t, "repeat swapped", mpAs(r, dtype.Int64), mpWant{dtype.Int64, []int{12}, []float64{0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}})
	if r.DType() != be {
		t.Errorf("repeat of %v gave %v", be, r.DType())
	}
	c, err := Concatenate(mpArrs(sw, in.X), 0)
	if err != nil {
		t.Fatal(err)
	}
	mpCheck(t, "concatenate swapped", c, mpWant{dtype.Int64, []int{12}, []float64{0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}})
}
