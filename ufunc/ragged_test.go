package ufunc_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"

	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

func raggedRows(t *testing.T, r any) [][]int64 {
	t.Helper()
	g, ok := r.(*ndarray.Ragged)
	if !ok {
		t.Fatalf("result is %T", r)
	}
	var out [][]int64
	for _, row := range g.Rows() {
		c, err := row.AsType(dtype.Int64, dtype.Unsafe)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ndarray.ToSlice[int64](c))
	}
	return out
}

func TestRaggedElementwise(t *testing.T) {
	a, _ := ndarray.RaggedFromSlices([][]int64{{1, 2}, {3, 4, 5}, {}})
	b, _ := ndarray.RaggedFromSlices([][]int64{{10, 20}, {30, 40, 50}, {}})
	r, err := ufunc.Add.Apply(ufunc.MethodCall, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got := raggedRows(t, r); !slices.EqualFunc(got, [][]int64{{11, 22}, {33, 44, 55}, {}}, slices.Equal) {
		t.Errorf("var + var = %v", got)
	}
	// a Go scalar and a fixed (3, 1) array: one value per row, stretched
	col, _ := ndarray.FromSlice([]int64{100, 200, 300}, 3, 1)
	r, err = ufunc.Multiply.Apply(ufunc.MethodCall, a, col)
	if err != nil {
		t.Fatal(err)
	}
	if got := raggedRows(t, r); !slices.EqualFunc(got, [][]int64{{100, 200}, {600, 800, 1000}, {}}, slices.Equal) {
		t.Errorf("var * fixed 1 = %v", got)
	}
	r, err = ufunc.Subtract.Apply(ufunc.MethodCall, a, int64(1))
	if err != nil {
		t.Fatal(err)
	}
	if got := raggedRows(t, r); !slices.EqualFunc(got, [][]int64{{0, 1}, {2, 3, 4}, {}}, slices.Equal) {
		t.Errorf("var - 1 = %v", got)
	}
	// var against a 1-d fixed N needs every row of length N
	two, _ := ndarray.RaggedFromSlices([][]int64{{1, 2}, {3, 4}})
	n2, _ := ndarray.FromSlice([]int64{5, 7})
	r, err = ufunc.Add.Apply(ufunc.MethodCall, two, n2)
	if err != nil {
		t.Fatal(err)
	}
	if got := raggedRows(t, r); !slices.EqualFunc(got, [][]int64{{6, 9}, {8, 11}}, slices.Equal) {
		t.Errorf("var + fixed N = %v", got)
	}
	var be *ndarray.BroadcastError
	if _, err := ufunc.Add.Apply(ufunc.MethodCall, a, n2); !errors.As(err, &be) {
		t.Errorf("rows of length 3 with fixed 2: %v", err)
	}
	c, _ := ndarray.RaggedFromSlices([][]int64{{1, 2}, {3}, {}})
	if _, err := ufunc.Add.Apply(ufunc.MethodCall, a, c); !errors.As(err, &be) {
		t.Errorf("var + var of other lengths: %v", err)
	}
	four, _ := ndarray.RaggedFromSlices([][]int64{{1}, {2}, {3}, {4}})
	if _, err := ufunc.Add.Apply(ufunc.MethodCall, a, four); !errors.As(err, &be) {
		t.Errorf("3 rows with 4 rows: %v", err)
	}
	// outer broadcasting: a 1-row ragged array against 2 rows
	one, _ := ndarray.RaggedFromSlices([][]int64{{1, 1}})
	r, err = ufunc.Add.Apply(ufunc.MethodCall, two, one)
	if err != nil {
		t.Fatal(err)
	}
	if got := raggedRows(t, r); !slices.EqualFunc(got, [][]int64{{2, 3}, {4, 5}}, slices.Equal) {
		t.Errorf("outer broadcast = %v", got)
	}
	// a sliced view
	tail, _ := a.Slice(ndarray.From(1))
	r, err = ufunc.Negative.Apply(ufunc.MethodCall, tail)
	if err != nil {
		t.Fatal(err)
	}
	if got := raggedRows(t, r); !slices.EqualFunc(got, [][]int64{{-3, -4, -5}, {}}, slices.Equal) {
		t.Errorf("negative of a[1:] = %v", got)
	}
}

func TestRaggedReduce(t *testing.T) {
	// DyND: sum([[1,2],[3,4,5],[6,7,8,9]], axes=[1]) is [3, 12, 30]
	a, _ := ndarray.RaggedFromSlices([][]int32{{1, 2}, {3, 4, 5}, {6, 7, 8, 9}})
	r, err := ufunc.Add.Apply(ufunc.MethodReduce, a)
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[int64](r.(*ndarray.Array)); !slices.Equal(got, []int64{3, 12, 30}) {
		t.Errorf("row sums %v", got)
	}
	var ae *ufunc.ArgError
	if _, err := ufunc.Add.Apply(ufunc.MethodReduce, a, ufunc.Axis(0)); !errors.As(err, &ae) {
		t.Errorf("reducing an outer axis: %v", err)
	}
	if _, err := ufunc.Add.Apply(ufunc.MethodAccumulate, a); !errors.As(err, &ae) {
		t.Errorf("accumulate: %v", err)
	}
}
