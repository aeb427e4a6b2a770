package ndarray

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func boolArr(shape []int, v ...bool) *Array { return must(FromSlice(v, shape...)) }

func TestAdvancedGet(t *testing.T) {
	a := must(ArangeN(dtype.Int64, 24))
	a = must(a.Reshape(2, 3, 4))
	// Expected shapes and values from NumPy 1.24.
	cases := []struct {
		name  string
		items []Index
		shape []int
		data  []int64
	}{
		{"a[[1,0],:,[2,-1]] (separated: to the front)", []Index{IntArray(1, 0), All, IntArray(2, -1)}, []int{2, 3}, []int64{14, 18, 22, 3, 7, 11}},
		{"a[:,[0,2],[1,3]]", []Index{All, IntArray(0, 2), IntArray(1, 3)}, []int{2, 2}, []int64{1, 11, 13, 23}},
		{"a[:,[[0],[2]],1:3]", []Index{All, ArrayIndex(must(FromSlice([]int64{0, 2}, 2, 1))), Range(1, 3)}, []int{2, 2, 1, 2}, []int64{1, 2, 9, 10, 13, 14, 21, 22}},
		{"a[1,[0,2]] (int joins the arrays)", []Index{Int(1), IntArray(0, 2)}, []int{2, 4}, []int64{12, 13, 14, 15, 20, 21, 22, 23}},
		{"a[[1],...,[0,3]]", []Index{IntArray(1), Ellipsis, IntArray(0, 3)}, []int{2, 3}, []int64{12, 16, 20, 15, 19, 23}},
		{"a[True]", []Index{Bool(true)}, []int{1, 2, 3, 4}, ToSlice[int64](a)},
		{"a[False]", []Index{Bool(false)}, []int{0, 2, 3, 4}, []int64{}},
		{"a[0,True]", []Index{Int(0), Bool(true)}, []int{1, 3, 4}, ToSlice[int64](a)[:12]},
		{"a[:,True,[1,2]]", []Index{All, Bool(true), IntArray(1, 2)}, []int{2, 2, 4}, []int64{4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23}},
		{"a[2-d mask]", []Index{ArrayIndex(boolArr([]int{2, 3}, true, false, true, false, true, false))}, []int{3, 4}, []int64{0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19}},
		{"a[mask,1:,mask]", []Index{ArrayIndex(boolArr([]int{2}, true, false)), From(1), ArrayIndex(boolArr([]int{4}, true, false, false, true))}, []int{2, 2}, []int64{4, 8, 7, 11}},
		{"a[None,[1],None,[2]]", []Index{NewAxis, IntArray(1), NewAxis, IntArray(2)}, []int{1, 1, 1, 4}, []int64{20, 21, 22, 23}},
		{"a[...,[0,0,3]]", []Index{Ellipsis, IntArray(0, 0, 3)}, []int{2, 3, 3}, []int64{0, 0, 3, 4, 4, 7, 8, 8, 11, 12, 12, 15, 16, 16, 19, 20, 20, 23}},
		{"a[[0,1],[0,1],[0,1]]", []Index{IntArray(0, 1), IntArray(0, 1), IntArray(0, 1)}, []int{2}, []int64{0, 17}},
		{"a[[]]", []Index{IntArray()}, []int{0, 3, 4}, []int64{}},
		{"a[array(True)]", []Index{ArrayIndex(Scalar(true))}, []int{1, 2, 3, 4}, ToSlice[int64](a)},
		{"a[int8 array]", []Index{ArrayIndex(must(FromSlice([]int8{-1}, 1))), Int(2), Int(3)}, []int{1}, []int64{23}},
		{"a[uint16 array] on a reversed view", []Index{Step(-1), ArrayIndex(must(FromSlice([]uint16{2}, 1)))}, []int{2, 1, 4}, []int64{20, 21, 22, 23, 8, 9, 10, 11}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := a.Slice(c.items...)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(r.Shape(), c.shape) {
				t.Fatalf("shape %v, want %v", r.Shape(), c.shape)
			}
			if got := ToSlice[int64](r); !slices.Equal(got, c.data) {
				t.Errorf("got %v, want %v", got, c.data)
			}
			if len(r.Buffer()) > 0 && &r.Buffer()[0] == &a.Buffer()[0] {
				t.Errorf("result shares a's buffer; want a copy")
			}
		})
	}
}

func TestAdvancedErrors(t *testing.T) {
	a := must(Zeros(dtype.Int64, 2, 3, 4))
	cases := []struct {
		name  string
		items []Index
		msg   string
	}{
		{"out of bounds", []Index{All, All, IntArray(4)}, "ndarray: index 4 is out of bounds for axis 2 with size 4"},
		{"negative out of bounds", []Index{All, IntArray(-4)}, "ndarray: index -4 is out of bounds for axis 1 with size 3"},
		{"float array", []Index{All, ArrayIndex(must(FromSlice([]float64{1}, 1)))}, "ndarray: arrays used as indices must be of integer (or boolean) type"},
		{"broadcast", []Index{IntArray(0, 1), IntArray(0, 1, 2)}, "ndarray: shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)"},
		{"mask length", []Index{ArrayIndex(boolArr([]int{3}, true, false, true))}, "ndarray: boolean index did not match indexed array along dimension 0; dimension is 2 but corresponding boolean dimension is 3"},
		{"too many", []Index{IntArray(0), Int(0), Int(0), Int(0)}, "ndarray: too many indices for array: array is 3-dimensional, but 4 were indexed"},
		{"nil array", []Index{ArrayIndex(nil)}, "ndarray: nil index array"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := a.Slice(c.items...)
			var ie *IndexError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *IndexError", err)
			}
			if err.Error() != c.msg {
				t.Errorf("message %q, want %q", err.Error(), c.msg)
			}
		})
	}
}

func TestAdvancedSet(t *testing.T) {
	cases := []struct {
		name  string
		a     *Array
		items []Index
		value *Array
		want  []float64
	}{
		{"repeated index: last wins", must(ArangeN(dtype.Float64, 6)), []Index{IntArray(0, 2, 0)}, must(FromSlice([]float64{10, 20, 30}, 3)), []float64{30, 1, 20, 3, 4, 5}},
		{"rows and a slice", must(Zeros(dtype.Float64, 3, 4)), []Index{IntArray(0, 2), Range(1, 3)}, must(FromSlice([]int32{1, 2, 3, 4}, 2, 2)), []float64{0, 1, 2, 0, 0, 0, 0, 0, 0, 3, 4, 0}},
		{"mask, scalar value", must(Zeros(dtype.Float64, 2, 2)), []Index{ArrayIndex(boolArr([]int{2, 2}, true, false, false, true))}, Scalar(7.5), []float64{7.5, 0, 0, 7.5}},
		{"column mask, broadcast row", must(Zeros(dtype.Float64, 2, 3)), []Index{All, ArrayIndex(boolArr([]int{3}, true, false, true))}, must(FromSlice([]float64{1, 2}, 2)), []float64{1, 0, 2, 1, 0, 2}},
		{"bool scalar", must(Zeros(dtype.Float64, 2)), []Index{Bool(true)}, must(FromSlice([]float64{4, 5}, 1, 1, 2)), []float64{4, 5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.a.SetSlice(c.value, c.items...); err != nil {
				t.Fatal(err)
			}
			if got := ToSlice[float64](c.a); !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	// int32 destination, float value: cast as NumPy (truncation).
	c := must(Zeros(dtype.Int32, 3))
	if err := c.SetSlice(Scalar(7.9), ArrayIndex(boolArr([]int{3}, true, true, true))); err != nil {
		t.Fatal(err)
	}
	if got := ToSlice[int32](c); !slices.Equal(got, []int32{7, 7, 7}) {
		t.Errorf("cast assignment = %v", got)
	}
	// Shape errors.
	z := must(Zeros(dtype.Float64, 4))
	var se *ShapeError
	err := z.SetSlice(must(FromSlice([]float64{1, 2, 3}, 3)), ArrayIndex(boolArr([]int{4}, true, true, false, false)))
	if !errors.As(err, &se) || err.Error() != "ndarray: assignment: boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true" {
		t.Errorf("mask assignment: err = %v", err)
	}
	err = z.SetSlice(must(FromSlice([]float64{1, 2, 3}, 3)), IntArray(0, 1))
	if !errors.As(err, &se) || err.Error() != "ndarray: assignment: shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)" {
		t.Errorf("fancy assignment: err = %v", err)
	}
	var ve *ValueError
	if err := z.ReadOnly().SetSlice(Scalar(1.0), IntArray(0)); !errors.As(err, &ve) {
		t.Errorf("read-only: err = %v", err)
	}
}

// TestMaskSelectFastPath checks the contiguous mask fast path against the
// general path (the same selection through a strided view) for every
// element size.
func TestMaskSelectFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, dt := range []dtype.DType{dtype.Bool, dtype.Int8, dtype.Int16, dtype.Float32, dtype.Float64, dtype.Complex128} {
		for _, n := range []int{0, 1, 7, 8, 9, 64, 1001} {
			big := must(ArangeN(dtype.Int64, 2*n))
			big = must(big.AsType(dt, dtype.Unsafe))
			a := must(big.Slice(Step(2))).Copy() // contiguous
			strided := must(big.Slice(Step(2)))  // same values, stride 2
			m := must(Zeros(dtype.Bool, n))
			ms := typedSlice[bool](m)
			for i := range ms {
				ms[i] = r.IntN(2) == 0
			}
			if n > 0 {
				ms[n-1] = n%2 == 0
			}
			fast := must(a.Slice(ArrayIndex(m)))
			slow := must(strided.Slice(ArrayIndex(m)))
			if !slices.Equal(fast.Shape(), slow.Shape()) || !slices.Equal(fast.Bytes(), slow.Bytes()) {
				t.Errorf("%v n=%d: fast path %v, general path %v", dt, n, fast, slow)
			}
			want := 0
			for _, b := range ms {
				if b {
					want++
				}
			}
			if fast.Size() != want {
				t.Errorf("%v n=%d: %d selected, want %d", dt, n, fast.Size(), want)
			}
		}
	}
	// Mask bytes other than 0 and 1 count as true.
	m := must(FromBuffer(dtype.Bool, []byte{0, 2, 0, 255, 1, 0, 0, 0, 9}, 0, []int{9}, nil))
	a := must(ArangeN(dtype.Float64, 9))
	if got := ToSlice[float64](must(a.Slice(ArrayIndex(m)))); !slices.Equal(got, []float64{1, 3, 4, 8}) {
		t.Errorf("odd mask bytes: %v", got)
	}
}

func TestIndexItemStrings(t *testing.T) {
	for _, c := range []struct {
		it   Index
		want string
	}{{Bool(true), "True"}, {Bool(false), "False"}, {IntArray(0, 2), "[0 2]"}, {ArrayIndex(nil), "<nil>"}} {
		if got := c.it.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}
