package pluribus_test

import (
	"errors"
	"fmt"

	pl "github.com/pluribus-go/pluribus"
	"github.com/pluribus-go/pluribus/ndarray"
)

func Example() {
	a := pl.Must(pl.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3))
	v := pl.Must(a.Index("1:, ::-1")) // a view: no copy
	b := pl.Must(a.AsType(pl.Float32, pl.SameKind))
	fmt.Println(b)
	fmt.Println(v)
	fmt.Println(ndarray.At[float64](a, 1, 2))
	// Output:
	// [[1. 2. 3.]
	//  [4. 5. 6.]]
	// [[6. 5. 4.]]
	// 6
}

func ExampleFromSlice() {
	a, err := pl.FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3)
	if err != nil {
		panic(err)
	}
	fmt.Println(a)
	fmt.Printf("%#v\n", a)
	// Output:
	// [[1 2 3]
	//  [4 5 6]]
	// array([[1, 2, 3],
	//        [4, 5, 6]], dtype=int32, shape=(2, 3))
}

func ExampleArange() {
	fmt.Println(pl.Must(pl.Arange(pl.Float32, 3)))
	fmt.Println(pl.Must(pl.Arange(pl.Int64, 2, 11, 3)))
	// Output:
	// [0. 1. 2.]
	// [2 5 8]
}

func ExampleReshape() {
	a := pl.Must(pl.Arange(pl.Int64, 6))
	m := pl.Must(pl.Reshape(a, 2, -1))
	fmt.Println(m)
	fmt.Println(pl.Must(pl.Transpose(m)))
	// Output:
	// [[0 1 2]
	//  [3 4 5]]
	// [[0 3]
	//  [1 4]
	//  [2 5]]
}

func ExampleAsType() {
	a := pl.Must(pl.FromSlice([]float64{1.7, -2.5, 300}))
	fmt.Println(pl.Must(pl.AsType(a, pl.Int8, pl.Unsafe))) // wraps, as NumPy
	_, err := pl.AsType(a, pl.Int8, pl.SameKind)
	var ce *pl.CastError
	fmt.Println(errors.As(err, &ce), err)
	// Output:
	// [ 1 -2 44]
	// true dtype: cannot cast from float64 to int8 according to the rule 'same_kind'
}

func ExampleResultType() {
	fmt.Println(pl.Must(pl.ResultType(pl.Int8, pl.Uint8)))
	fmt.Println(pl.Must(pl.ResultType(pl.Int64, pl.Uint64)))
	fmt.Println(pl.CanCast(pl.Int64, pl.Float64, pl.Safe))
	// Output:
	// int16
	// float64
	// true
}

func ExampleBroadcastTo() {
	row := pl.Must(pl.FromSlice([]int8{1, 2, 3}))
	fmt.Println(pl.Must(pl.BroadcastTo(row, 2, 3)))
	_, err := pl.BroadcastShapes([]int{3}, []int{4})
	fmt.Println(err)
	// Output:
	// [[1 2 3]
	//  [1 2 3]]
	// ndarray: operands could not be broadcast together with shapes (3,) (4,)
}

func ExampleMust() {
	z := pl.Must(pl.Zeros(pl.Complex64, 2))
	fmt.Println(z)
	defer func() { fmt.Println("recovered:", recover()) }()
	pl.Must(pl.Zeros(pl.Float64, -1))
	// Output:
	// [0.+0.j 0.+0.j]
	// recovered: ndarray: new array: invalid shape (-1,): dimensions must be non-negative and their product must fit in int
}

func ExampleAdd() {
	a := pl.Must(pl.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3))
	b := pl.Must(pl.Arange(pl.Float32, 3))
	c := pl.Must(pl.Add(a, b)) // broadcasting; float64 result
	fmt.Println(c)
	pl.Must(pl.Multiply(c, 2.5, pl.Out(c))) // a Go scalar is weak
	fmt.Println(c)
	// Output:
	// [[1. 3. 5.]
	//  [4. 6. 8.]]
	// [[ 2.5  7.5 12.5]
	//  [10.  15.  20. ]]
}

func ExampleSum() {
	a := pl.Must(pl.FromSlice([]int16{1, 2, 3, 4, 5, 6}, 2, 3))
	fmt.Println(pl.Must(pl.Sum(a)))
	fmt.Println(pl.Must(pl.Sum(a, pl.Axis(0), pl.KeepDims())))
	fmt.Println(pl.Must(pl.Mean(a, pl.Axis(1))))
	fmt.Println(pl.Must(pl.Std(a)))
	// Output:
	// 21
	// [[5 7 9]]
	// [2. 5.]
	// 1.707825127659933
}

func ExampleSelect() {
	x := pl.Must(pl.FromSlice([]float64{-2, -1, 0, 1, 2}))
	neg := pl.Must(pl.Less(x, 0))
	fmt.Println(pl.Must(pl.Select(neg, 0, x))) // np.where(x < 0, 0, x)
	// Output:
	// [0. 0. 0. 1. 2.]
}

func ExampleMatmul() {
	a := pl.Must(pl.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3))
	b := pl.Must(pl.FromSlice([]float64{1, 0, 0, 1, 1, 1}, 3, 2))
	fmt.Println(pl.Must(pl.Matmul(a, b)))
	fmt.Println(pl.Must(pl.Einsum("ij->j", a)))
	// Output:
	// [[ 4.  5.]
	//  [10. 11.]]
	// [5. 7. 9.]
}
