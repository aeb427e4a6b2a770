package ufunc_test

import (
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// BenchmarkDivFamily runs floor_divide, remainder and fmod on 1e6
// contiguous elements into a given output: dividends uniform in
// [0, 100), divisors uniform in [0.5, 10) ("pos"), the same with random
// signs on both ("mixed"), and a scalar divisor 2.5 ("scalar").
func BenchmarkDivFamily(b *testing.B) {
	const n = 1_000_000
	r := rand.New(rand.NewPCG(1, 2))
	xs, ys := make([]float64, n), make([]float64, n)
	xm, ym := make([]float64, n), make([]float64, n)
	for i := range xs {
		xs[i], ys[i] = 100*r.Float64(), 0.5+9.5*r.Float64()
		xm[i], ym[i] = xs[i], ys[i]
		if r.IntN(2) == 0 {
			xm[i] = -xm[i]
		}
		if r.IntN(2) == 0 {
			ym[i] = -ym[i]
		}
	}
	arr := func(b *testing.B, v []float64, t dtype.DType) *ndarray.Array {
		a, err := ndarray.FromSlice(v, len(v))
		if err != nil {
			b.Fatal(err)
		}
		if a, err = a.AsType(t, dtype.Unsafe); err != nil {
			b.Fatal(err)
		}
		return a
	}
	for _, u := range []*ufunc.Ufunc{ufunc.FloorDivide, ufunc.Remainder, ufunc.Fmod} {
		for _, dt := range []struct {
			name string
			t    dtype.DType
		}{{"f64", dtype.Float64}, {"f32", dtype.Float32}} {
			for _, data := range []string{"pos", "mixed", "scalar"} {
				b.Run(u.Name()+"/"+dt.name+"/"+data, func(b *testing.B) {
					x, y := arr(b, xs, dt.t), arr(b, ys, dt.t)
					switch data {
					case "mixed":
						x, y = arr(b, xm, dt.t), arr(b, ym, dt.t)
					case "scalar":
						s, err := ndarray.Scalar(2.5).AsType(dt.t, dtype.Unsafe)
						if err != nil {
							b.Fatal(err)
						}
						y = s
					}
					out, err := ndarray.Empty(dt.t, n)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportAllocs()
					for b.Loop() {
						if _, err := u.Call(x, y, ufunc.Out(out)); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
