package ufunc_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// A Go string takes the text kind of the array it meets.
func Example_goStringOperands() {
	u, _ := ndarray.FromStringsAs(dtype.Unicode(0), []string{"a", "b"})
	eq, _ := ufunc.Equal.Call(u, "a") // NumPy: np.array(['a', 'b']) == 'a'
	fmt.Println(eq)

	v := ndarray.MustFromStrings([]string{"x", "yz"})
	sum, _ := ufunc.Add.Call(u, v) // U and String promote to String
	fmt.Println(sum.DType(), sum)

	cond, _ := ndarray.FromSlice([]bool{true, false})
	w, _ := ufunc.Select(cond, u, "long") // NumPy: np.where(cond, u, 'long')
	fmt.Println(w.DType(), w)

	n, _ := ndarray.FromSlice([]int64{1, 2})
	_, err := ufunc.Equal.Call(n, "a") // no loop, as in NumPy
	fmt.Println(err)
	// Output:
	// [ True False]
	// string ['ax' 'byz']
	// U4 ['a' 'long']
	// ufunc: 'equal' has no loop for input types (int64, U1)
}
