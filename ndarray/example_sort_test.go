package ndarray_test

import (
	"fmt"
	"math"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func ExampleSort() {
	a, _ := ndarray.FromSlice([]float64{3, math.NaN(), -1, 2, 0}, 5)
	s, _ := ndarray.Sort(a, -1)
	fmt.Println(s)
	m, _ := ndarray.FromSlice([]int32{3, 1, 2, 0, 5, 4}, 2, 3)
	s, _ = ndarray.Sort(m, 0)
	fmt.Println(s)
	// Output:
	// [-1.  0.  2.  3. nan]
	// [[0 1 2]
	//  [3 5 4]]
}

func ExampleArgSort() {
	a, _ := ndarray.FromSlice([]int64{30, 10, 20, 10}, 4)
	i, _ := ndarray.ArgSort(a, -1)
	fmt.Println(i) // stable: the two 10s keep their order
	// Output:
	// [1 3 2 0]
}

func ExampleUnique() {
	a, _ := ndarray.FromSlice([]int64{2, 1, 2, 3, 1, 2}, 6)
	r, _ := ndarray.Unique(a, ndarray.UniqueOptions{ReturnIndex: true, ReturnInverse: true, ReturnCounts: true})
	fmt.Println(r.Values, r.Index, r.Inverse, r.Counts)
	// Output:
	// [1 2 3] [1 0 3] [1 0 1 2 0 1] [2 3 1]
}

func ExampleSearchSorted() {
	a, _ := ndarray.FromSlice([]float64{1, 2, 2, 3}, 4)
	v, _ := ndarray.FromSlice([]float64{2, 2.5}, 2)
	l, _ := ndarray.SearchSorted(a, v, ndarray.Left)
	r, _ := ndarray.SearchSorted(a, v, ndarray.Right)
	fmt.Println(l, r)
	// Output:
	// [1 3] [3 3]
}

func ExampleLexsort() {
	first, _ := ndarray.FromSlice([]int64{3, 1, 2, 3, 1}, 5) // secondary key
	last, _ := ndarray.FromSlice([]int64{1, 1, 0, 0, 1}, 5)  // primary key
	i, _ := ndarray.Lexsort([]*ndarray.Array{first, last})
	fmt.Println(i)
	// Output:
	// [2 3 1 4 0]
}

func ExampleArrayIndex() {
	a, _ := ndarray.ArangeN(dtype.Int64, 12)
	a, _ = a.Reshape(3, 4)
	rows, _ := a.Slice(ndarray.IntArray(2, 0), ndarray.All) // a[[2, 0], :]
	fmt.Println(rows)
	pts, _ := a.Slice(ndarray.IntArray(0, 2), ndarray.IntArray(1, 3)) // a[[0, 2], [1, 3]]
	fmt.Println(pts)
	mask, _ := ndarray.FromSlice([]bool{true, false, true, false}, 4)
	cols, _ := a.Slice(ndarray.All, ndarray.ArrayIndex(mask)) // a[:, mask]
	fmt.Println(cols)
	// Output:
	// [[ 8  9 10 11]
	//  [ 0  1  2  3]]
	// [ 1 11]
	// [[ 0  2]
	//  [ 4  6]
	//  [ 8 10]]
}

func ExampleArray_SetSlice_advanced() {
	a, _ := ndarray.Zeros(dtype.Float64, 5)
	v, _ := ndarray.FromSlice([]float64{1, 2, 3}, 3)
	_ = a.SetSlice(v, ndarray.IntArray(0, 4, 0)) // a[[0, 4, 0]] = [1, 2, 3]: the last write wins
	fmt.Println(a)
	// Output:
	// [3. 0. 0. 0. 2.]
}
