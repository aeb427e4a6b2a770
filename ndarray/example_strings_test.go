package ndarray_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func ExampleFromStringsAs() {
	a, _ := ndarray.FromStringsAs(dtype.Unicode(0), []string{"pear", "fig", "apple"})
	fmt.Println(a.DType(), a)
	s, _ := ndarray.Sort(a, 0)
	fmt.Println(s)
	b, _ := a.AsType(dtype.Bytes(3), dtype.Unsafe) // truncated to the width
	fmt.Printf("%v\n", b)
	n, _ := ndarray.FromStringsAs(dtype.Float64, []string{" 1.5", "1_000", "-inf"})
	fmt.Println(n)
	t, _ := n.AsType(dtype.Unicode(0), dtype.Unsafe)
	fmt.Printf("%#v\n", t)
	v, _ := t.StringAt(1)
	fmt.Printf("%q\n", v)
	// Output:
	// U5 ['pear' 'fig' 'apple']
	// ['apple' 'fig' 'pear']
	// [b'pea' b'fig' b'app']
	// [   1.5 1000.    -inf]
	// array(['1.5', '1000.0', '-inf'], dtype='<U32', shape=(3,))
	// "1000.0"
}
