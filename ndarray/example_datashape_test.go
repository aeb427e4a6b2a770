package ndarray_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/ndarray"
)

// New makes an array from a datashape: here two records whose y field is
// an option, missing until written.
func ExampleNew_optionRecord() {
	c, err := ndarray.New("2 * {x: int32, y: ?float64}")
	if err != nil {
		panic(err)
	}
	a := c.(*ndarray.Array)
	ds, _ := a.Datashape()
	fmt.Println(ds)
	y := a.DType().Fields()[1]
	fmt.Println(y.Name, y.Type, y.Offset, a.ItemSize())
	// Output:
	// 2 * {x: int32, y: ?float64}
	// y ?float64 8 24
}

// A datashape with a var dimension makes a ragged array; rows built from
// Go slices are stored as offsets into one values array.
func ExampleNew_ragged() {
	c, err := ndarray.New("3 * var * int32")
	if err != nil {
		panic(err)
	}
	fmt.Println(c.(*ndarray.Ragged).Lengths())

	r, _ := ndarray.RaggedFromSlices([][]int32{{1, 2}, {3, 4, 5}, {6, 7, 8, 9}})
	ds, _ := r.Datashape()
	fmt.Println(ds, r, r.Offsets())
	row, _ := r.Row(1)
	fmt.Printf("%v\n", row)
	// Output:
	// [0 0 0]
	// 3 * var * int32 [[1 2] [3 4 5] [6 7 8 9]] [0 2 5 9]
	// [3 4 5]
}
