package ufunc_test

import (
	"fmt"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

func ExampleGUfunc_Call() {
	a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	b, _ := ndarray.FromSlice([]float64{1, 0, 0, 1, 1, 1}, 3, 2)
	c, _ := ufunc.Matmul.Call(a, b)
	fmt.Println(c)
	v, _ := ndarray.FromSlice([]float64{1, 1, 1}, 3)
	d, _ := ufunc.Matmul.Call(a, v) // a 1-d operand is a vector
	fmt.Println(d)
	// Output:
	// [[ 4.  5.]
	//  [10. 11.]]
	// [ 6. 15.]
}

// A user-written generalized ufunc: the inner product over the last axis,
// with loop dimensions broadcast like any ufunc.
func ExampleNewG() {
	inner, _ := ufunc.NewG(ufunc.GSpec{Name: "inner1d", Signature: "(N * T, N * T) -> T"})
	_ = inner.Register(func(args []unsafe.Pointer, core []int, steps [][]int) {
		var s float64
		for i := range core[0] {
			x := *(*float64)(unsafe.Add(args[0], i*steps[0][0]))
			y := *(*float64)(unsafe.Add(args[1], i*steps[1][0]))
			s += x * y
		}
		*(*float64)(args[2]) = s
	}, dtype.Float64, dtype.Float64, dtype.Float64)

	a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	b, _ := ndarray.FromSlice([]float64{1, 0, -1}, 3)
	r, _ := inner.Call(a, b)
	fmt.Println(inner.Signature(), r)
	// Output:
	// (N),(N)->() [-2. -2.]
}

func ExampleEinsum() {
	a, _ := ndarray.FromSlice([]int64{0, 1, 2, 3, 4, 5, 6, 7, 8}, 3, 3)
	tr, _ := ufunc.Einsum("ii", a)
	diag, _ := ufunc.Einsum("ii->i", a)
	fmt.Println(tr, diag)
	// Output:
	// 12 [0 4 8]
}
