package ndarray_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func ExampleDatetimeFromStrings() {
	// the unit-less datetime64 takes the finest unit among the values
	a, err := ndarray.DatetimeFromStrings([]string{"2020-01-01", "2020-01-01T12:30", "NaT"}, dtype.Datetime64(dtype.UnitGeneric))
	if err != nil {
		panic(err)
	}
	fmt.Println(a.DType())
	fmt.Println(a)
	// Output:
	// datetime64[m]
	// ['2020-01-01T00:00' '2020-01-01T12:30'              'NaT']
}

func ExampleDatetimeAsString() {
	a, _ := ndarray.DatetimeFromStrings([]string{"2020-01-01", "2020-06-15T08:00", "1969-12-31T23:59:59.5"}, dtype.Datetime64(dtype.UnitMillisecond))
	s, err := ndarray.DatetimeAsString(a, "auto", "UTC", dtype.SameKind)
	if err != nil {
		panic(err)
	}
	fmt.Println(s)
	// Output:
	// ['2020-01-01' '2020-06-15T08:00Z' '1969-12-31T23:59:59.500Z']
}
