package datashape_test

import (
	"fmt"

	"github.com/pluribus-go/pluribus/datashape"
)

func ExampleParse() {
	ds, err := datashape.Parse("3 * var * {name: string, score: ?real}")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ds.Dims, ds.Measure)
	_, err = datashape.Parse("3 * int32;")
	fmt.Println(err)
	// Output:
	// [3 var] {name: string, score: ?float64}
	// datashape: 1:10: invalid token ';'
	//     3 * int32;
	//              ^
}

func ExampleDataShape_String() {
	ds := datashape.MustParse("{'weird col': complex, ok: string[10, 'ascii']}")
	fmt.Println(ds)
	// Output:
	// {'weird col': complex[float64], ok: string[10, 'A']}
}

func ExampleMatch() {
	pattern := datashape.MustParse("N * A... * M * T")
	b, err := datashape.Match(pattern, datashape.MustParse("2 * 3 * 4 * int8"))
	fmt.Println(b, err)
	_, err = datashape.Match(pattern, datashape.MustParse("4 * int8"))
	fmt.Println(err)
	// Output:
	// A...=[3] M=4 N=2 T=int8 <nil>
	// datashape: 4 * int8 does not match N * A... * M * T: 1 dimensions cannot match 3
}

func ExampleMatchSignature() {
	sig, _ := datashape.AsFunction(datashape.MustParse("(D... * M * N * T, D... * N * P * T) -> D... * M * P * T"))
	res, err := datashape.MatchSignature(sig, []*datashape.DataShape{
		datashape.MustParse("7 * 1 * 3 * 4 * float32"),
		datashape.MustParse("2 * 4 * 5 * float64"),
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Signature.Result)
	// Output:
	// 7 * 2 * 3 * 5 * float64
}
