package ndarray_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Every text type is read and written the same way.
func ExampleArray_StringAt() {
	u, _ := ndarray.FromStringsAs(dtype.Unicode(0), []string{"pear", "fig"})
	s, _ := ndarray.FromStringsAs(dtype.Bytes(0), []string{"pear", "fig"})
	v := ndarray.MustFromStrings([]string{"pear", "fig"})
	for _, a := range []*ndarray.Array{u, s, v} {
		_ = a.SetString("kiwi fruit", 1) // truncated to a fixed width
		x, _ := a.StringAt(1)
		all, _ := a.Strings()
		fmt.Printf("%-6v %q %q\n", a.DType(), x, all)
	}
	// Output:
	// U4     "kiwi" ["pear" "kiwi"]
	// S4     "kiwi" ["pear" "kiwi"]
	// string "kiwi fruit" ["pear" "kiwi fruit"]
}

// An unsized fixed-width type makes arrays of width 1, as in NumPy.
func ExampleZeros_text() {
	z, _ := ndarray.Zeros(dtype.Unicode(0), 3)
	fmt.Println(z.DType())
	_ = z.Fill("abc")
	fmt.Println(z)
	// Output:
	// U1
	// ['a' 'a' 'a']
}
