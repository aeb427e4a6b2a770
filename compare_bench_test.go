package pluribus_test

import (
	"fmt"
	"testing"

	pl "github.com/pluribus-go/pluribus"
	"github.com/pluribus-go/pluribus/dtype"
)

// BenchmarkLess compares two arrays of 1e6 elements into a bool array,
// as bench/workloads.json's less.* cases do: x = arange(n),
// y = (x·1021) mod n, so that the results mix.
func BenchmarkLess(b *testing.B) {
	const n = 1_000_000
	for _, dt := range []dtype.DType{dtype.Int64, dtype.Int32, dtype.Float64, dtype.Float32} {
		b.Run(fmt.Sprintf("%v/%d", dt, n), func(b *testing.B) {
			x := must(b)(pl.Arange(dt, n))
			y := must(b)(pl.Remainder(must(b)(pl.Multiply(x, 1021)), n))
			m := must(b)(pl.Zeros(dtype.Bool, n))
			b.SetBytes(int64(n) * (2*int64(dt.Size()) + 1))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pl.Less(x, y, pl.Out(m)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func must(b *testing.B) func(*pl.Array, error) *pl.Array {
	return func(a *pl.Array, err error) *pl.Array {
		b.Helper()
		if err != nil {
			b.Fatal(err)
		}
		return a
	}
}
