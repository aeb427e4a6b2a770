package ndarray_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func ExampleConcatenate() {
	a, _ := ndarray.FromSlice([]int32{1, 2, 3, 4}, 2, 2)
	b, _ := ndarray.FromSlice([]int32{5, 6}, 1, 2)
	rows, _ := ndarray.Concatenate([]*ndarray.Array{a, b}, 0)
	fmt.Println(rows)

	// Mixed types promote as in NumPy: int32 with float32 gives float64.
	c, _ := ndarray.FromSlice([]float32{0.5, 1.5}, 2, 1)
	cols, _ := ndarray.Concatenate([]*ndarray.Array{a, c}, -1)
	fmt.Println(cols.DType())
	fmt.Println(cols)
	// Output:
	// [[1 2]
	//  [3 4]
	//  [5 6]]
	// float64
	// [[1.  2.  0.5]
	//  [3.  4.  1.5]]
}

func ExampleStack() {
	x, _ := ndarray.FromSlice([]int64{1, 2, 3})
	y, _ := ndarray.FromSlice([]int64{4, 5, 6})
	s0, _ := ndarray.Stack([]*ndarray.Array{x, y}, 0)
	s1, _ := ndarray.Stack([]*ndarray.Array{x, y}, 1)
	fmt.Println(s0)
	fmt.Println(s1)
	// Output:
	// [[1 2 3]
	//  [4 5 6]]
	// [[1 4]
	//  [2 5]
	//  [3 6]]
}

func ExampleSplit() {
	a, _ := ndarray.ArangeN(dtype.Int64, 6)
	parts, _ := ndarray.Split(a, 3, 0)
	fmt.Println(parts)

	pieces, _ := ndarray.SplitAt(a, []int{1, 4}, 0)
	fmt.Println(pieces)

	_, err := ndarray.Split(a, 4, 0)
	fmt.Println(err)
	// Output:
	// [[0 1] [2 3] [4 5]]
	// [[0] [1 2 3] [4 5]]
	// ndarray: split: array split does not result in an equal division: 6 elements into 4 sections
}

func ExampleTile() {
	a, _ := ndarray.FromSlice([]int64{0, 1, 2})
	t1, _ := ndarray.Tile(a, 2)
	t2, _ := ndarray.Tile(a, 2, 2)
	fmt.Println(t1)
	fmt.Println(t2)
	// Output:
	// [0 1 2 0 1 2]
	// [[0 1 2 0 1 2]
	//  [0 1 2 0 1 2]]
}

func ExamplePad() {
	a, _ := ndarray.FromSlice([]int64{1, 2, 3, 4}, 2, 2)
	c, _ := ndarray.Pad(a, [][2]int{{1, 1}}, ndarray.PadConstant, 9)
	e, _ := ndarray.Pad(a, [][2]int{{0, 1}, {2, 0}}, ndarray.PadEdge, nil)
	fmt.Println(c)
	fmt.Println(e)
	// Output:
	// [[9 9 9 9]
	//  [9 1 2 9]
	//  [9 3 4 9]
	//  [9 9 9 9]]
	// [[1 1 1 2]
	//  [3 3 3 4]
	//  [3 3 3 4]]
}

func ExampleMeshgrid() {
	x, _ := ndarray.FromSlice([]float64{0, 0.5, 1})
	y, _ := ndarray.FromSlice([]float64{10, 20})
	g, _ := ndarray.Meshgrid("xy", x, y)
	fmt.Println(g[0])
	fmt.Println(g[1])
	// Output:
	// [[0.  0.5 1. ]
	//  [0.  0.5 1. ]]
	// [[10. 10. 10.]
	//  [20. 20. 20.]]
}

func ExampleTake() {
	a, _ := ndarray.FromSlice([]int64{10, 11, 12, 13, 14, 15}, 2, 3)
	idx, _ := ndarray.FromSlice([]int64{2, 0, -1})
	cols, _ := ndarray.Take(a, idx, 1, ndarray.ModeRaise)
	fmt.Println(cols)
	// Output:
	// [[12 10 12]
	//  [15 13 15]]
}
