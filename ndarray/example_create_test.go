package ndarray_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func ExampleArange() {
	a, err := ndarray.Arange(dtype.Float64, 0, 1, 0.25)
	if err != nil {
		panic(err)
	}
	fmt.Println(ndarray.ToSlice[float64](a))

	// Integer types step by the difference of the first two truncated
	// values, as NumPy's arange(0.5, 5, 1.5, dtype=int32) does.
	b, _ := ndarray.Arange(dtype.Int32, 0.5, 5, 1.5)
	fmt.Println(ndarray.ToSlice[int32](b))

	c, _ := ndarray.Arange(dtype.Int64, 10, 0, -3)
	fmt.Println(ndarray.ToSlice[int64](c))
	// Output:
	// [0 0.25 0.5 0.75]
	// [0 2 4]
	// [10 7 4 1]
}

func ExampleArangeN() {
	a, _ := ndarray.ArangeN(dtype.Uint8, 5)
	fmt.Println(ndarray.ToSlice[uint8](a))
	// Output: [0 1 2 3 4]
}

func ExampleLinspace() {
	a, _ := ndarray.Linspace(dtype.Float64, 0, 1, 5, true)
	fmt.Println(ndarray.ToSlice[float64](a))
	b, _ := ndarray.Linspace(dtype.Float64, 0, 1, 5, false)
	fmt.Println(ndarray.ToSlice[float64](b))
	// Output:
	// [0 0.25 0.5 0.75 1]
	// [0 0.2 0.4 0.6000000000000001 0.8]
}

func ExampleEye() {
	a, _ := ndarray.Eye(dtype.Int64, 3, 4, 1)
	fmt.Println(a.Shape(), ndarray.ToSlice[int64](a))
	// Output: [3 4] [0 1 0 0 0 0 1 0 0 0 0 1]
}

func ExampleIdentity() {
	a, _ := ndarray.Identity(dtype.Float32, 2)
	fmt.Println(a.Shape(), ndarray.ToSlice[float32](a))
	// Output: [2 2] [1 0 0 1]
}

func ExampleFromNested() {
	a, err := ndarray.FromNested([][]float64{{1, 2, 3}, {4, 5, 6}})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.DType(), a.Shape(), ndarray.At[float64](a, 1, 2))

	b, _ := ndarray.FromNested([2][2]int32{{1, 2}, {3, 4}})
	fmt.Println(b.DType(), b.Shape(), ndarray.ToSlice[int32](b))

	_, err = ndarray.FromNested([][]int{{1, 2}, {3}})
	fmt.Println(err)
	// Output:
	// float64 [2 3] 6
	// int32 [2 2] [1 2 3 4]
	// ndarray: from nested: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.
}

func ExampleFromNestedAs() {
	a, _ := ndarray.FromNestedAs(dtype.Float32, [][]int{{1, 2}, {3, 4}})
	fmt.Println(a.DType(), ndarray.ToSlice[float32](a))
	// Output: float32 [1 2 3 4]
}

func ExampleFull() {
	a, _ := ndarray.Full(dtype.Float32, 2.5, 2, 2)
	fmt.Println(a.Shape(), ndarray.ToSlice[float32](a))

	// The value is converted with cast semantics: 300 wraps to 44 in int8.
	b, _ := ndarray.Full(dtype.Int8, 300, 3)
	fmt.Println(ndarray.ToSlice[int8](b))
	// Output:
	// [2 2] [2.5 2.5 2.5 2.5]
	// [44 44 44]
}

func ExampleArray_Fill() {
	a, _ := ndarray.Zeros(dtype.Int64, 2, 3)
	col, _ := ndarray.FromBuffer(dtype.Int64, a.Buffer(), 8, []int{2}, []int{24}) // a[:, 1]
	_ = col.Fill(7)
	fmt.Println(ndarray.ToSlice[int64](a))

	b, _ := a.BroadcastTo(4, 2, 3)
	fmt.Println(b.Fill(1))
	// Output:
	// [0 7 0 0 7 0]
	// ndarray: fill: assignment destination is read-only
}

func ExampleOnes() {
	a, _ := ndarray.Ones(dtype.Complex64, 2)
	fmt.Println(ndarray.ToSlice[complex64](a))
	// Output: [(1+0i) (1+0i)]
}
