package ufunc_test

import (
	"fmt"
	"math"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// Fixed-width strings compare with the comparison ufuncs and have NumPy's
// np.char functions.
func Example_strings() {
	a, _ := ndarray.FromStringsAs(dtype.Unicode(0), []string{"straße", " Tab\t", "abcabc"})
	b, _ := ndarray.FromStringsAs(dtype.Unicode(0), []string{"strasse", " Tab", "abc"})
	eq, _ := ufunc.Equal.Call(a, b)
	fmt.Println(eq)
	eq, _ = ufunc.CharEqual(a, b) // ignores trailing whitespace
	fmt.Println(eq)
	up, _ := ufunc.CharUpper(a) // the width is kept: "STRASSE" is cut
	fmt.Println(up.DType(), up)
	st, _ := ufunc.CharStrip(a, nil)
	fmt.Println(st)
	at, _ := ufunc.CharFind(a, "bc", 2, math.MaxInt)
	fmt.Println(at)
	cat, _ := ufunc.CharAdd(a, "!")
	fmt.Println(cat.DType(), cat)
	// Output:
	// [False False False]
	// [False  True False]
	// U6 ['STRASS' ' TAB\t' 'ABCABC']
	// ['straße' 'Tab' 'abcabc']
	// [-1 -1  4]
	// U7 ['straße!' ' Tab\t!' 'abcabc!']
}
