package ufunc_test

import (
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// BenchmarkMath runs the math ufuncs on 1e6 contiguous elements into a
// given output, with the input ranges of bench/workloads.json: sqrt and
// log on uniform [0.1, 100), exp and sin on uniform [-10, 10) (arctan
// too).
func BenchmarkMath(b *testing.B) {
	const n = 1_000_000
	cases := []struct {
		name   string
		u      *ufunc.Ufunc
		lo, hi float64
	}{
		{"sqrt", ufunc.Sqrt, 0.1, 100},
		{"exp", ufunc.Exp, -10, 10},
		{"log", ufunc.Log, 0.1, 100},
		{"sin", ufunc.Sin, -10, 10},
		{"cos", ufunc.Cos, -10, 10},
		{"arctan", ufunc.Arctan, -10, 10},
		{"tan", ufunc.Tan, -10, 10},
		{"arcsin", ufunc.Arcsin, -1, 1},
		{"arccos", ufunc.Arccos, -1, 1},
		{"cbrt", ufunc.Cbrt, -100, 100},
		{"arcsinh", ufunc.Arcsinh, -10, 10},
		{"arccosh", ufunc.Arccosh, 1, 100},
		{"arctanh", ufunc.Arctanh, -1, 1},
		{"expm1", ufunc.Expm1, -10, 10},
		{"log2", ufunc.Log2, 0.1, 100},
		{"log10", ufunc.Log10, 0.1, 100},
		{"tanh", ufunc.Tanh, -10, 10},
		{"sinh", ufunc.Sinh, -10, 10},
		{"cosh", ufunc.Cosh, -10, 10},
		{"exp2", ufunc.Exp2, -10, 10},
		{"log1p", ufunc.Log1p, 0, 100},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range cases {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = c.lo + (c.hi-c.lo)*r.Float64()
		}
		for _, dt := range []struct {
			name string
			t    dtype.DType
		}{{"f32", dtype.Float32}, {"f64", dtype.Float64}} {
			b.Run(c.name+"/"+dt.name+"/1e6", func(b *testing.B) {
				a64, err := ndarray.FromSlice(xs, n)
				if err != nil {
					b.Fatal(err)
				}
				a, err := a64.AsType(dt.t, dtype.Unsafe)
				if err != nil {
					b.Fatal(err)
				}
				out, err := ndarray.Empty(dt.t, n)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.u.Call(a, ufunc.Out(out)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkMath2 runs arctan2 on 1e6 contiguous pairs uniform on
// [-10, 10) into a given output.
func BenchmarkMath2(b *testing.B) {
	const n = 1_000_000
	r := rand.New(rand.NewPCG(3, 4))
	ys, xs := make([]float64, n), make([]float64, n)
	for i := range xs {
		ys[i], xs[i] = -10+20*r.Float64(), -10+20*r.Float64()
	}
	for _, dt := range []struct {
		name string
		t    dtype.DType
	}{{"f32", dtype.Float32}, {"f64", dtype.Float64}} {
		b.Run("arctan2/"+dt.name+"/1e6", func(b *testing.B) {
			y64, _ := ndarray.FromSlice(ys, n)
			x64, _ := ndarray.FromSlice(xs, n)
			y, err := y64.AsType(dt.t, dtype.Unsafe)
			if err != nil {
				b.Fatal(err)
			}
			x, err := x64.AsType(dt.t, dtype.Unsafe)
			if err != nil {
				b.Fatal(err)
			}
			out, err := ndarray.Empty(dt.t, n)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ufunc.Arctan2.Call(y, x, ufunc.Out(out)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
