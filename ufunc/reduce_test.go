package ufunc

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// testMax is a maximum without identity (NaN propagates), testSub a
// subtraction that is not reorderable: ufuncs private to these tests.
func testMax(t testing.TB) *Ufunc {
	u, err := New(Spec{Name: "test_max", NIn: 2, NOut: 1, Reorderable: true})
	if err != nil {
		t.Fatal(err)
	}
	u.MustRegister(Binary(func(a, b float64) float64 {
		if a != a || a >= b {
			return a
		}
		return b
	}), dtype.Float64, dtype.Float64, dtype.Float64)
	return u
}

func testSub(t testing.TB) *Ufunc {
	u, err := New(Spec{Name: "test_sub", NIn: 2, NOut: 1})
	if err != nil {
		t.Fatal(err)
	}
	u.MustRegister(Binary(func(a, b float64) float64 { return a - b }), dtype.Float64, dtype.Float64, dtype.Float64)
	return u
}

func testNeg(t testing.TB) *Ufunc {
	u, err := New(Spec{Name: "test_neg", NIn: 1, NOut: 1})
	if err != nil {
		t.Fatal(err)
	}
	u.MustRegister(Unary(func(a float64) float64 { return -a }), dtype.Float64, dtype.Float64)
	return u
}

// arange24 is np.arange(24.).reshape(2, 3, 4).
func arange24(t testing.TB) *ndarray.Array {
	m := mustOK(t)
	return m(m(ndarray.ArangeN(dtype.Float64, 24)).Reshape(2, 3, 4))
}

func checkF64(t *testing.T, name string, got *ndarray.Array, shape []int, want []float64) {
	t.Helper()
	if got.DType() != dtype.Float64 {
		t.Fatalf("%s: dtype %v, want float64", name, got.DType())
	}
	if !slices.Equal(got.Shape(), shape) {
		t.Fatalf("%s: shape %v, want %v", name, got.Shape(), shape)
	}
	g := ndarray.ToSlice[float64](got)
	for i := range want {
		if g[i] != want[i] && !(math.IsNaN(g[i]) && math.IsNaN(want[i])) {
			t.Fatalf("%s: got %v, want %v", name, g, want)
		}
	}
}

func TestReduceAxes(t *testing.T) {
	add := testAdd(t)
	a := arange24(t)
	// expected values from NumPy 1.24: np.add.reduce(np.arange(24.).reshape(2,3,4), …)
	cases := []struct {
		name  string
		opts  []Option
		shape []int
		want  []float64
	}{
		{"default axis 0", nil, []int{3, 4}, []float64{12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34}},
		{"axis 1", []Option{Axis(1)}, []int{2, 4}, []float64{12, 15, 18, 21, 48, 51, 54, 57}},
		{"axis -1", []Option{Axis(-1)}, []int{2, 3}, []float64{6, 22, 38, 54, 70, 86}},
		{"axes (0, 2)", []Option{Axis(0, 2)}, []int{3}, []float64{60, 92, 124}},
		{"axes (2, 0) keepdims", []Option{Axis(2, 0), KeepDims()}, []int{1, 3, 1}, []float64{60, 92, 124}},
		{"all axes with initial", []Option{Axis(0, 1, 2), Initial(10.0)}, []int{}, []float64{286}},
		{"no axes", []Option{Axis()}, []int{2, 3, 4}, ndarray.ToSlice[float64](a)},
		{"where", []Option{Axis(2), Where(mustOK(t)(ndarray.FromSlice([]bool{true, false, true, false}, 4)))},
			[]int{2, 3}, []float64{2, 10, 18, 26, 34, 42}},
	}
	for _, c := range cases {
		got, err := add.Reduce(a, c.opts...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkF64(t, c.name, got, c.shape, c.want)
	}
}

func TestReduceNoIdentity(t *testing.T) {
	m := mustOK(t)
	mx := testMax(t)
	// np.arange(24.).reshape(2,3,4) * [1,-1,1,-1]
	a := m(m(ndarray.FromSlice([]float64{
		0, -1, 2, -3, 4, -5, 6, -7, 8, -9, 10, -11,
		12, -13, 14, -15, 16, -17, 18, -19, 20, -21, 22, -23}, 2, 3, 4)), nil)
	checkF64(t, "max axes (0,2)", m(mx.Reduce(a, Axis(0, 2))), []int{3}, []float64{14, 18, 22})
	checkF64(t, "max all", m(mx.Reduce(a, Axis(0, 1, 2))), []int{}, []float64{22})
	checkF64(t, "max axes (2,1,0)", m(mx.Reduce(a, Axis(2, 1, 0))), []int{}, []float64{22})
	// np.maximum.reduce(np.arange(24.).reshape(2,3,4), axis=1,
	//   where=[[True],[False],[True]], initial=-1)
	mask := m(ndarray.FromSlice([]bool{true, false, true}, 3, 1))
	checkF64(t, "max where initial", m(mx.Reduce(arange24(t), Axis(1), Where(mask), Initial(-1.0))),
		[]int{2, 4}, []float64{8, 9, 10, 11, 20, 21, 22, 23})
	// NaN propagates whatever its position
	n := m(ndarray.FromSlice([]float64{1, 5, math.NaN(), 2}, 4))
	checkF64(t, "max nan", m(mx.Reduce(n)), []int{}, []float64{math.NaN()})

	// zero elements: an error unless the result is empty or Initial is given
	e := m(ndarray.Zeros(dtype.Float64, 0, 3))
	var empty *EmptyReductionError
	if _, err := mx.Reduce(e, Axis(0)); !errors.As(err, &empty) {
		t.Fatalf("max of empty axis: got %v, want *EmptyReductionError", err)
	}
	checkF64(t, "max empty result", m(mx.Reduce(e, Axis(1))), []int{0}, nil)
	checkF64(t, "max empty initial", m(mx.Reduce(e, Axis(0), Initial(5.0))), []int{3}, []float64{5, 5, 5})
	var verr *ndarray.ValueError
	if _, err := mx.Reduce(a, Where(m(ndarray.FromSlice([]bool{true, false, true, true}, 4)))); !errors.As(err, &verr) {
		t.Fatalf("where without identity: got %v, want *ndarray.ValueError", err)
	}
}

func TestReduceNotReorderable(t *testing.T) {
	m := mustOK(t)
	sub := testSub(t)
	// np.subtract.reduce(np.arange(24.).reshape(2,3,4), axis=2)
	checkF64(t, "subtract axis 2", m(sub.Reduce(arange24(t), Axis(2))), []int{2, 3}, []float64{-6, -14, -22, -30, -38, -46})
	var verr *ndarray.ValueError
	if _, err := sub.Reduce(arange24(t), Axis(0, 1)); !errors.As(err, &verr) {
		t.Fatalf("subtract over two axes: got %v, want *ndarray.ValueError", err)
	}
	// a long run keeps the sequential order: 0 - 1 - 2 - … - (n-1)
	n := 3 * reduceBlock
	long := m(ndarray.ArangeN(dtype.Float64, n))
	want := -float64(n-1) * float64(n) / 2
	checkF64(t, "subtract long", m(sub.Reduce(long)), []int{}, []float64{want})
}

func TestReduceErrors(t *testing.T) {
	add := testAdd(t)
	a := arange24(t)
	var axErr *ndarray.AxisError
	for _, axes := range [][]int{{3}, {-4}, {0, 0}, {1, -2}} {
		if _, err := add.Reduce(a, Axis(axes...)); !errors.As(err, &axErr) {
			t.Errorf("axes %v: got %v, want *ndarray.AxisError", axes, err)
		}
	}
	var shErr *ndarray.ShapeError
	if _, err := add.Reduce(a, Axis(1), Out(mustOK(t)(ndarray.Zeros(dtype.Float64, 2, 1, 4)))); !errors.As(err, &shErr) {
		t.Errorf("wrong out shape: got %v, want *ndarray.ShapeError", err)
	}
	var argErr *ArgError
	if _, err := testNeg(t).Reduce(a); !errors.As(err, &argErr) {
		t.Errorf("unary reduce: got %v, want *ArgError", err)
	}
	// 0-d: axis 0 and -1 reduce nothing (NumPy 1.24), others are errors
	s := ndarray.Scalar(7.0)
	checkF64(t, "0-d axis 0", mustOK(t)(add.Reduce(s)), []int{}, []float64{7})
	checkF64(t, "0-d axis -1", mustOK(t)(add.Reduce(s, Axis(-1), KeepDims())), []int{}, []float64{7})
	if _, err := add.Reduce(s, Axis(1)); !errors.As(err, &axErr) {
		t.Errorf("0-d axis 1: got %v, want *ndarray.AxisError", err)
	}
}

func TestReduceOutAndCasts(t *testing.T) {
	m := mustOK(t)
	add := testAdd(t)
	a := arange24(t)
	out := m(ndarray.Zeros(dtype.Float64, 2, 3))
	got := m(add.Reduce(a, Axis(2), Out(out)))
	if got != out {
		t.Fatal("Reduce with Out did not return Out")
	}
	checkF64(t, "out", out, []int{2, 3}, []float64{6, 22, 38, 54, 70, 86})
	// Out of another dtype: accumulate in float64, cast at the end
	o32 := m(ndarray.Zeros(dtype.Float32, 3))
	m(add.Reduce(m(ndarray.FromSlice([]float64{0.5, 0.25, 1.5, 2.5, 3, 4}, 2, 3)), Out(o32)))
	if g := ndarray.ToSlice[float32](o32); !slices.Equal(g, []float32{3, 3.25, 5.5}) {
		t.Fatalf("float32 out: %v", g)
	}
	// int32 input, only an int64 loop: the input is cast in chunks
	n := 100000
	xs := make([]int32, n)
	for i := range xs {
		xs[i] = int32(i)
	}
	r := m(add.Reduce(m(ndarray.FromSlice(xs, n))))
	if r.DType() != dtype.Int64 || ndarray.At[int64](r) != int64(n)*int64(n-1)/2 {
		t.Fatalf("int32 sum through int64: %v %v", r.DType(), r)
	}
	// dtype= int8 wraps as NumPy: np.add.reduce([100,100,100], dtype=np.int8) == 44
	r = m(add.Reduce(m(ndarray.FromSlice([]int64{100, 100, 100}, 3)), DType(dtype.Int8)))
	if r.DType() != dtype.Int8 || ndarray.At[int8](r) != 44 {
		t.Fatalf("int8 dtype: %v %v", r.DType(), r)
	}
	// Out may be the input's own memory
	b := m(ndarray.FromSlice([]float64{1, 2, 3, 4}, 2, 2))
	row := m(b.Slice(ndarray.Int(0)))
	m(add.Reduce(b, Out(row)))
	checkF64(t, "in place", b, []int{2, 2}, []float64{4, 6, 3, 4})
}

func TestReduceLongRuns(t *testing.T) {
	m := mustOK(t)
	add := testAdd(t)
	mx := testMax(t)
	// integer-valued sums are exact in any order
	n := 5*reduceBlock + 123
	a := m(ndarray.ArangeN(dtype.Float64, n))
	want := float64(n) * float64(n-1) / 2
	checkF64(t, "long sum", m(add.Reduce(a)), []int{}, []float64{want})
	// strided, two rows, reduced along the long axis
	b := m(m(ndarray.ArangeN(dtype.Float64, 2*n)).Reshape(2, n))
	s := float64(n) * float64(n-1) / 2
	checkF64(t, "long rows", m(add.Reduce(b, Axis(1))), []int{2}, []float64{s, s + float64(n)*float64(n)})
	// every other element, through a cast from int32
	xs := make([]int32, 2*n)
	for i := range xs {
		xs[i] = int32(i % 7)
	}
	c := m(m(ndarray.FromSlice(xs, 2*n)).Slice(ndarray.Step(2)))
	var total int64
	for i := 0; i < 2*n; i += 2 {
		total += int64(i % 7)
	}
	if r := m(add.Reduce(c)); ndarray.At[int64](r) != total {
		t.Fatalf("strided int32 sum: %v, want %d", r, total)
	}
	// the maximum and a NaN in a later block
	ys := make([]float64, n)
	for i := range ys {
		ys[i] = float64(i % 1000)
	}
	ys[3*reduceBlock+5] = 5000
	checkF64(t, "long max", m(mx.Reduce(m(ndarray.FromSlice(ys, n)))), []int{}, []float64{5000})
	ys[4*reduceBlock] = math.NaN()
	checkF64(t, "long max nan", m(mx.Reduce(m(ndarray.FromSlice(ys, n)))), []int{}, []float64{math.NaN()})
}

func TestAccumulate(t *testing.T) {
	m := mustOK(t)
	add := testAdd(t)
	// np.add.accumulate(np.arange(24.).reshape(2,3,4), axis=1)
	checkF64(t, "axis 1", m(add.Accumulate(arange24(t), Axis(1))), []int{2, 3, 4}, []float64{
		0, 1, 2, 3, 4, 6, 8, 10, 12, 15, 18, 21,
		12, 13, 14, 15, 28, 30, 32, 34, 48, 51, 54, 57})
	// np.subtract.accumulate([1., 2, 3, 4])
	checkF64(t, "subtract", m(testSub(t).Accumulate(m(ndarray.FromSlice([]float64{1, 2, 3, 4}, 4)))),
		[]int{4}, []float64{1, -1, -4, -8})
	// int32 input through the int64 loop, axis -1 of a transposed view
	x := m(ndarray.FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3)).T()
	r := m(add.Accumulate(x, Axis(-1)))
	if r.DType() != dtype.Int64 || !slices.Equal(ndarray.ToSlice[int64](r), []int64{1, 5, 2, 7, 3, 9}) {
		t.Fatalf("transposed int32: %v %v", r.DType(), r)
	}
	var argErr *ArgError
	if _, err := add.Accumulate(ndarray.Scalar(1.0)); !errors.As(err, &argErr) {
		t.Fatalf("0-d accumulate: got %v, want *ArgError", err)
	}
	var axErr *ndarray.AxisError
	if _, err := add.Accumulate(arange24(t), Axis(0, 1)); !errors.As(err, &axErr) {
		t.Fatalf("two axes: got %v, want *ndarray.AxisError", err)
	}
}

func TestOuter(t *testing.T) {
	m := mustOK(t)
	// np.add.outer([1., 2], [[10., 20, 30]])
	a := m(ndarray.FromSlice([]float64{1, 2}, 2))
	b := m(ndarray.FromSlice([]float64{10, 20, 30}, 1, 3))
	checkF64(t, "outer", m(testAdd(t).Outer(a, b)), []int{2, 1, 3}, []float64{11, 21, 31, 12, 22, 32})
}

func TestAt(t *testing.T) {
	m := mustOK(t)
	add := testAdd(t)
	// x = np.zeros(4); np.add.at(x, [0, 1, 1, -1], [1., 2, 3, 4])
	x := m(ndarray.Zeros(dtype.Float64, 4))
	idx := m(ndarray.FromSlice([]int64{0, 1, 1, -1}, 4))
	if err := add.At(x, idx, m(ndarray.FromSlice([]float64{1, 2, 3, 4}, 4))); err != nil {
		t.Fatal(err)
	}
	checkF64(t, "add.at", x, []int{4}, []float64{1, 5, 0, 4})
	// rows, with a scalar: np.add.at(np.arange(6.).reshape(3,2), [0, 0], 1.5)
	y := m(m(ndarray.ArangeN(dtype.Float64, 6)).Reshape(3, 2))
	if err := add.At(y, m(ndarray.FromSlice([]int32{0, 0}, 2)), 1.5); err != nil {
		t.Fatal(err)
	}
	checkF64(t, "rows", y, []int{3, 2}, []float64{3, 4, 2, 3, 4, 5})
	// a unary ufunc: np.negative.at([0., 1, 2], [0, 1, 1])
	z := m(ndarray.FromSlice([]float64{0, 1, 2}, 3))
	if err := testNeg(t).At(z, m(ndarray.FromSlice([]int64{0, 1, 1}, 3)), nil); err != nil {
		t.Fatal(err)
	}
	checkF64(t, "negative.at", z, []int{3}, []float64{math.Copysign(0, -1), 1, 2})
	var idxErr *ndarray.IndexError
	if err := add.At(x, m(ndarray.FromSlice([]int64{4}, 1)), 1.0); !errors.As(err, &idxErr) {
		t.Fatalf("out of range: got %v, want *ndarray.IndexError", err)
	}
}
