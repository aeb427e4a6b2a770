package ufunc_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// Operands broadcast with NumPy's rules; a Go scalar is a weak operand
// that takes the array's dtype.
func Example_broadcasting() {
	col, _ := ndarray.FromSlice([]float32{0, 10, 20}, 3, 1)
	row, _ := ndarray.FromSlice([]float32{1, 2, 3, 4})
	sum, _ := ufunc.Add.Call(col, row)
	fmt.Println(sum)
	half, _ := ufunc.Multiply.Call(row, 0.5)
	fmt.Println(half.DType(), half)
	// Output:
	// [[ 1.  2.  3.  4.]
	//  [11. 12. 13. 14.]
	//  [21. 22. 23. 24.]]
	// float32 [0.5 1.  1.5 2. ]
}

// Out writes into an existing array (here in place); Where computes only
// where the mask is true.
func Example_outWhere() {
	a, _ := ndarray.FromSlice([]float64{1, 4, 9, 16})
	mask, _ := ndarray.FromSlice([]bool{true, false, true, false})
	ufunc.Sqrt.Call(a, ufunc.Out(a), ufunc.Where(mask))
	fmt.Println(a)
	b, _ := ndarray.FromSlice([]int32{1, 2, 3, 4})
	_, err := ufunc.Divide.Call(b, 2, ufunc.Out(b)) // float64 results into int32
	fmt.Println(err)
	// Output:
	// [ 1.  4.  3. 16.]
	// dtype: cannot cast from float64 to int32 according to the rule 'same_kind'
}

// Reductions follow NumPy's axes and accumulator dtypes.
func ExampleSum() {
	a, _ := ndarray.FromSlice([]int8{100, 100, 100, 1, 2, 3}, 2, 3)
	total, _ := ufunc.Sum(a)
	fmt.Println(total.DType(), total) // int8 sums accumulate in int64
	cols, _ := ufunc.Sum(a, ufunc.Axis(0))
	fmt.Println(cols)
	rows, _ := ufunc.Max(a, ufunc.Axis(-1), ufunc.KeepDims())
	fmt.Println(rows)
	m, _ := ufunc.Mean(a, ufunc.Axis(1))
	fmt.Println(m)
	// Output:
	// int64 306
	// [101 102 103]
	// [[100]
	//  [  3]]
	// [100.   2.]
}

func ExampleUfunc_Reduce() {
	a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	r, _ := ufunc.Multiply.Reduce(a, ufunc.Axis(1))
	fmt.Println(r)
	acc, _ := ufunc.Add.Accumulate(a, ufunc.Axis(1))
	fmt.Println(acc)
	// Output:
	// [  6. 120.]
	// [[ 1.  3.  6.]
	//  [ 4.  9. 15.]]
}

// A user-defined dtype: cents (an amount in hundredths stored as int64),
// registered with its casts and loops for add, multiply and less (see
// usertype_test.go), then used through the standard ufuncs and Sum.
func Example_userDType() {
	prices, _ := ndarray.FromSlice([]float64{0.10, 0.20, 0.30})
	c, _ := prices.AsType(cents(), dtype.SameKind)
	total, _ := ufunc.Sum(c)
	doubled, _ := ufunc.Add.Call(c, c)
	cheap, _ := ufunc.Less.Call(c, 0.25)
	f, _ := total.AsType(dtype.Float64, dtype.Safe)
	d, _ := doubled.AsType(dtype.Float64, dtype.Safe)
	fmt.Println(total.DType(), f, d, cheap)
	// Output:
	// cents 0.6 [0.2 0.4 0.6] [ True  True False]
}
