package ndarray

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func arange(t testing.TB, n int, shape ...int) *Array {
	t.Helper()
	v := make([]int64, n)
	for i := range v {
		v[i] = int64(i)
	}
	a, err := FromSlice(v, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func sameBuffer(a, b *Array) bool {
	return len(a.data) > 0 && len(b.data) > 0 && &a.data[0] == &b.data[0]
}

func check(t *testing.T, name string, a *Array, shape []int, want []int64) {
	t.Helper()
	if !slices.Equal(a.Shape(), shape) {
		t.Errorf("%s: shape %v, want %v", name, a.Shape(), shape)
		return
	}
	if got := ToSlice[int64](a); !slices.Equal(got, want) {
		t.Errorf("%s: elements %v, want %v", name, got, want)
	}
}

// Expected values from NumPy 1.24.
func TestReshape(t *testing.T) {
	a := arange(t, 24)
	tests := []struct {
		name  string
		in    *Array
		order Order
		shape []int
		want  []int
		elems []int64
		view  bool
	}{
		{"C 4x6", a, C, []int{4, 6}, []int{4, 6}, nil, true},
		{"infer 2x-1", a, C, []int{2, -1}, []int{2, 12}, nil, true},
		{"infer -1x3x2", a, C, []int{-1, 3, 2}, []int{4, 3, 2}, nil, true},
		{"F 4x6", a, F, []int{4, 6}, []int{4, 6}, []int64{0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23}, true},
		{"transposed to flat copies", arange(t, 6, 2, 3).T(), C, []int{6}, []int{6}, []int64{0, 3, 1, 4, 2, 5}, false},
		{"transposed F flat is a view", arange(t, 6, 2, 3).T(), F, []int{6}, []int{6}, []int64{0, 1, 2, 3, 4, 5}, true},
		{"split an axis of a transposed view", arange(t, 12, 3, 4).T(), C, []int{2, 2, 3}, []int{2, 2, 3}, []int64{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, true},
		{"0-d to 1", arange(t, 1, 1), C, []int{}, []int{}, []int64{0}, true},
		{"add unit axes", arange(t, 6, 2, 3), C, []int{1, 2, 1, 3, 1}, []int{1, 2, 1, 3, 1}, []int64{0, 1, 2, 3, 4, 5}, true},
		{"empty", arange(t, 0, 0, 3), C, []int{3, -1}, []int{3, 0}, []int64{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.in.ReshapeOrder(tt.order, tt.shape...)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.elems
			if want == nil {
				want = ToSlice[int64](tt.in.CopyOrder(C))
			}
			check(t, tt.name, r, tt.want, want)
			if tt.view != sameBuffer(r, tt.in) && tt.in.Size() > 0 {
				t.Errorf("view = %v, want %v", sameBuffer(r, tt.in), tt.view)
			}
		})
	}
	for _, shape := range [][]int{{5, 5}, {-1, -1}, {7, -1}, {-2, 12}, {0, -1}} {
		_, err := a.Reshape(shape...)
		var se *ShapeError
		if !errors.As(err, &se) {
			t.Errorf("Reshape%v error = %v, want *ShapeError", shape, err)
		}
	}
}

func TestTransposeFamily(t *testing.T) {
	a := arange(t, 24, 2, 3, 4)
	tt := a.Transpose()
	if !slices.Equal(tt.Shape(), []int{4, 3, 2}) || At[int64](tt, 3, 2, 1) != At[int64](a, 1, 2, 3) || !sameBuffer(a, tt) {
		t.Errorf("Transpose wrong: shape %v", tt.Shape())
	}
	if tt.IsCContiguous() || !tt.IsFContiguous() {
		t.Errorf("transpose flags = %v", tt.Flags())
	}
	p, err := a.Permute(1, -1, 0)
	if err != nil || !slices.Equal(p.Shape(), []int{3, 4, 2}) || At[int64](p, 2, 3, 1) != At[int64](a, 1, 2, 3) {
		t.Errorf("Permute(1,-1,0) = %v, %v", p.Shape(), err)
	}
	for _, axes := range [][]int{{0, 1}, {0, 0, 1}, {0, 1, 3}} {
		if _, err := a.Permute(axes...); err == nil {
			t.Errorf("Permute%v succeeded", axes)
		} else if ae := new(AxisError); !errors.As(err, &ae) {
			t.Errorf("Permute%v error %T, want *AxisError", axes, err)
		}
	}
	s, err := a.SwapAxes(0, -1)
	if err != nil || !slices.Equal(s.Shape(), []int{4, 3, 2}) || At[int64](s, 3, 1, 0) != At[int64](a, 0, 1, 3) {
		t.Errorf("SwapAxes(0,-1) = %v, %v", s.Shape(), err)
	}
	if !slices.Equal(a.Shape(), []int{2, 3, 4}) {
		t.Errorf("SwapAxes changed its receiver: %v", a.Shape())
	}
	if _, err := a.SwapAxes(0, 3); err == nil {
		t.Errorf("SwapAxes(0,3) succeeded")
	}
	m, err := a.MoveAxis(0, -1)
	if err != nil || !slices.Equal(m.Shape(), []int{3, 4, 2}) || At[int64](m, 2, 3, 1) != At[int64](a, 1, 2, 3) {
		t.Errorf("MoveAxis(0,-1) = %v, %v", m.Shape(), err)
	}
	m, _ = a.MoveAxis(2, 0)
	if !slices.Equal(m.Shape(), []int{4, 2, 3}) {
		t.Errorf("MoveAxis(2,0) shape %v", m.Shape())
	}
}

func TestSqueezeExpandDims(t *testing.T) {
	a := arange(t, 6, 1, 2, 1, 3, 1)
	s, err := a.Squeeze()
	if err != nil || !slices.Equal(s.Shape(), []int{2, 3}) || !s.IsCContiguous() {
		t.Errorf("Squeeze() = %v, %v", s.Shape(), err)
	}
	s, err = a.Squeeze(0, -1)
	if err != nil || !slices.Equal(s.Shape(), []int{2, 1, 3}) {
		t.Errorf("Squeeze(0,-1) = %v, %v", s.Shape(), err)
	}
	var se *ShapeError
	if _, err := a.Squeeze(1); !errors.As(err, &se) {
		t.Errorf("Squeeze(1) error = %v, want *ShapeError", err)
	}
	var ae *AxisError
	if _, err := a.Squeeze(5); !errors.As(err, &ae) {
		t.Errorf("Squeeze(5) error = %v, want *AxisError", err)
	}
	b := arange(t, 6, 2, 3)
	e, err := b.ExpandDims(0, -1)
	if err != nil || !slices.Equal(e.Shape(), []int{1, 2, 3, 1}) {
		t.Errorf("ExpandDims(0,-1) = %v, %v", e.Shape(), err)
	}
	e, _ = b.ExpandDims(1)
	check(t, "ExpandDims(1)", e, []int{2, 1, 3}, []int64{0, 1, 2, 3, 4, 5})
	if _, err := b.ExpandDims(3); !errors.As(err, &ae) {
		t.Errorf("ExpandDims(3) error = %v, want *AxisError", err)
	}
	if _, err := b.ExpandDims(0, 0); !errors.As(err, &ae) {
		t.Errorf("ExpandDims(0,0) error = %v, want *AxisError", err)
	}
}

func TestBroadcast(t *testing.T) {
	tests := []struct {
		shapes [][]int
		want   []int
	}{
		{[][]int{{}, {3}}, []int{3}},
		{[][]int{{2, 1}, {3}}, []int{2, 3}},
		{[][]int{{8, 1, 6, 1}, {7, 1, 5}}, []int{8, 7, 6, 5}},
		{[][]int{{0}, {1}}, []int{0}},
		{[][]int{{5, 4}, {1}}, []int{5, 4}},
	}
	for _, tt := range tests {
		got, err := BroadcastShapes(tt.shapes...)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("BroadcastShapes%v = %v, %v; want %v", tt.shapes, got, err, tt.want)
		}
	}
	var be *BroadcastError
	if _, err := BroadcastShapes([]int{3}, []int{4}); !errors.As(err, &be) {
		t.Errorf("(3,) and (4,) error = %v", err)
	} else if be.Error() != "ndarray: operands could not be broadcast together with shapes (3,) (4,)" {
		t.Errorf("message %q", be.Error())
	}
	a := arange(t, 3, 3, 1)
	b, err := a.BroadcastTo(2, 3, 4)
	if err != nil || !slices.Equal(b.Shape(), []int{2, 3, 4}) || !slices.Equal(b.Strides(), []int{0, 8, 0}) {
		t.Fatalf("BroadcastTo = %v %v, %v", b.Shape(), b.Strides(), err)
	}
	if b.IsWriteable() || At[int64](b, 1, 2, 3) != 2 {
		t.Errorf("broadcast view must be read-only and repeat elements")
	}
	for _, shape := range [][]int{{3}, {2, 3}, {4, 1}} {
		if _, err := a.BroadcastTo(shape...); !errors.As(err, &be) {
			t.Errorf("BroadcastTo%v error = %v", shape, err)
		}
	}
}

func TestRavelFlatten(t *testing.T) {
	a := arange(t, 6, 2, 3)
	r := a.Ravel()
	if !sameBuffer(r, a) {
		t.Errorf("Ravel of a C-contiguous array copied")
	}
	check(t, "RavelOrder(F)", a.RavelOrder(F), []int{6}, []int64{0, 3, 1, 4, 2, 5})
	check(t, "T.Ravel", a.T().Ravel(), []int{6}, []int64{0, 3, 1, 4, 2, 5})
	f := a.Flatten()
	if sameBuffer(f, a) {
		t.Errorf("Flatten did not copy")
	}
	check(t, "FlattenOrder(F)", a.FlattenOrder(F), []int{6}, []int64{0, 3, 1, 4, 2, 5})
}

func TestRealImag(t *testing.T) {
	c, _ := FromSlice([]complex128{1 + 2i, 3 - 4i}, 2)
	re, im := c.Real(), c.Imag()
	if re.DType() != dtype.Float64 || !slices.Equal(ToSlice[float64](re), []float64{1, 3}) || !slices.Equal(ToSlice[float64](im), []float64{2, -4}) {
		t.Fatalf("Real/Imag = %v %v", ToSlice[float64](re), ToSlice[float64](im))
	}
	Set(im, 9.0, 1)
	if At[complex128](c, 1) != 3+9i {
		t.Errorf("writing through Imag did not reach the array: %v", At[complex128](c, 1))
	}
	f, _ := FromSlice([]float32{1, 2})
	if fi := f.Imag(); fi.IsWriteable() || !slices.Equal(ToSlice[float32](fi), []float32{0, 0}) {
		t.Errorf("Imag of a real array")
	}
}

func TestAsTypeAndCopyFrom(t *testing.T) {
	a, _ := FromSlice([]float64{1.5, -2.5, 300}, 3)
	b, err := a.AsType(dtype.Int8, dtype.Unsafe)
	if err != nil || !slices.Equal(ToSlice[int8](b), []int8{1, -2, 44}) {
		t.Errorf("AsType int8 = %v, %v", ToSlice[int8](b), err)
	}
	var ce *dtype.CastError
	if _, err := a.AsType(dtype.Int8, dtype.SameKind); !errors.As(err, &ce) {
		t.Errorf("AsType same_kind float->int error = %v", err)
	}
	be, err := a.AsType(dtype.Float64.WithByteOrder(dtype.BigEndian), dtype.Equiv)
	if err != nil || At[float64](be, 2) != 300 || be.Bytes()[0] != 0x3f {
		t.Errorf("AsType >f8 = %v", err)
	}
	// overlapping copy: shift a row by one within the same buffer
	x := arange(t, 6)
	dst, _ := FromBuffer(dtype.Int64, x.Buffer(), 8, []int{5}, nil)
	src, _ := FromBuffer(dtype.Int64, x.Buffer(), 0, []int{5}, nil)
	if err := dst.CopyFrom(src, dtype.No); err != nil {
		t.Fatal(err)
	}
	check(t, "overlapping copy", x, []int{6}, []int64{0, 0, 1, 2, 3, 4})
	// broadcasting copy into a transposed view
	y, _ := Zeros(dtype.Int64, 2, 3)
	row := arange(t, 2, 2)
	if err := y.T().CopyFrom(row, dtype.Safe); err != nil {
		t.Fatal(err)
	}
	check(t, "broadcast into transpose", y, []int{2, 3}, []int64{0, 0, 0, 1, 1, 1})
}

func TestFromBufferBounds(t *testing.T) {
	buf := make([]byte, 64)
	if _, err := FromBuffer(dtype.Float64, buf, 0, []int{9}, nil); err == nil {
		t.Errorf("a layout past the end was accepted")
	}
	if _, err := FromBuffer(dtype.Float64, buf, 8, []int{8}, []int{-8}); err == nil {
		t.Errorf("a negative stride before the start was accepted")
	}
	if a, err := FromBuffer(dtype.Float64, buf, 56, []int{8}, []int{-8}); err != nil || a.Size() != 8 {
		t.Errorf("a reversed view of the whole buffer was refused: %v", err)
	}
	if _, err := FromBuffer(dtype.Float64, buf, 0, []int{1 << 62, 4}, nil); err == nil {
		t.Errorf("an overflowing shape was accepted")
	}
}

func TestViewAllocations(t *testing.T) {
	a := arange(t, 24, 2, 3, 4)
	tests := []struct {
		name string
		f    func()
	}{
		{"Reshape", func() { _, _ = a.Reshape(6, 4) }},
		{"Transpose", func() { _ = a.Transpose() }},
		{"Permute", func() { _, _ = a.Permute(2, 0, 1) }},
		{"SwapAxes", func() { _, _ = a.SwapAxes(0, 2) }},
		{"BroadcastTo", func() { _, _ = a.BroadcastTo(5, 2, 3, 4) }},
		{"Real", func() { _ = a.Real() }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.f); n > 1 {
			t.Errorf("%s allocates %v times, want 1 (the header)", tt.name, n)
		}
	}
}
