package ndarray_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/ndarray"
)

// fmt.Println writes an array as NumPy's print does; %#v (and String)
// write NumPy's repr with the dtype and the shape.
func ExampleArray_Format() {
	a, _ := ndarray.FromSlice([]int64{1, 2, 3, 4, 5, 6}, 2, 3)
	fmt.Println(a)
	fmt.Printf("%#v\n", a)

	f, _ := ndarray.FromSlice([]float64{1, -2.5, 3})
	fmt.Println(f)
	s, _ := ndarray.FromSlice([]float64{1e-5, 1})
	fmt.Println(s)
	fmt.Printf("%.2f\n", f)
	// Output:
	// [[1 2 3]
	//  [4 5 6]]
	// array([[1, 2, 3],
	//        [4, 5, 6]], dtype=int64, shape=(2, 3))
	// [ 1.  -2.5  3. ]
	// [1.e-05 1.e+00]
	// [ 1.00 -2.50  3.00]
}

func ExampleArray_String() {
	a, _ := ndarray.FromSlice([]float32{0.1, 0.25})
	fmt.Println(a.String())
	fmt.Println(ndarray.Scalar(1.5))
	// Output:
	// array([0.1 , 0.25], dtype=float32, shape=(2,))
	// 1.5
}
