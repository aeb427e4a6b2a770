package ufunc

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/ndarray"
)

// The float comparison loops: contiguous runs, a repeated operand on
// either side (a Go scalar) and strided views give Go's IEEE comparison
// (NumPy's: a NaN operand compares false, except for not_equal), for
// lengths that cover the vector blocks and their tails.
func TestFloatCompareLoops(t *testing.T) {
	type cmp struct {
		u  *Ufunc
		op func(x, y float64) bool
	}
	cmps := []cmp{
		{Equal, func(x, y float64) bool { return x == y }},
		{NotEqual, func(x, y float64) bool { return x != y }},
		{Less, func(x, y float64) bool { return x < y }},
		{LessEqual, func(x, y float64) bool { return x <= y }},
		{Greater, func(x, y float64) bool { return x > y }},
		{GreaterEqual, func(x, y float64) bool { return x >= y }},
	}
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, math.NaN(), math.Inf(1), math.Inf(-1), 2}
	for _, n := range []int{1, 7, 8, 9, 33, 70} {
		x64, y64 := make([]float64, n), make([]float64, n)
		x32, y32 := make([]float32, n), make([]float32, n)
		for i := range n {
			x64[i], y64[i] = vals[i%len(vals)], vals[(i*5+3)%len(vals)]
			x32[i], y32[i] = float32(x64[i]), float32(y64[i])
		}
		xa, _ := ndarray.FromSlice(x64, n)
		ya, _ := ndarray.FromSlice(y64, n)
		xf, _ := ndarray.FromSlice(x32, n)
		yf, _ := ndarray.FromSlice(y32, n)
		xs, _ := xa.Index("::2")
		ys, _ := ya.Index("::2")
		for _, c := range cmps {
			for _, s := range []float64{0.5, math.NaN()} {
				check := func(what string, got *ndarray.Array, err error, want func(i int) bool) {
					t.Helper()
					if err != nil {
						t.Fatalf("%s %s: %v", c.u.Name(), what, err)
					}
					g := ndarray.ToSlice[bool](got)
					for i, v := range g {
						if v != want(i) {
							t.Fatalf("%s %s, n=%d: [%d] = %v, want %v", c.u.Name(), what, n, i, v, want(i))
						}
					}
				}
				got, err := c.u.Call2(xa, ya)
				check("float64 arrays", got, err, func(i int) bool { return c.op(x64[i], y64[i]) })
				got, err = c.u.Call2(xf, yf)
				check("float32 arrays", got, err, func(i int) bool { return c.op(float64(x32[i]), float64(y32[i])) })
				got, err = c.u.Call2(xa, s)
				check("array, scalar", got, err, func(i int) bool { return c.op(x64[i], s) })
				got, err = c.u.Call2(s, ya)
				check("scalar, array", got, err, func(i int) bool { return c.op(s, y64[i]) })
				got, err = c.u.Call2(float32(s), yf)
				check("float32 scalar, array", got, err, func(i int) bool { return c.op(s, float64(y32[i])) })
				got, err = c.u.Call2(xs, ys)
				check("strided", got, err, func(i int) bool { return c.op(x64[2*i], y64[2*i]) })
			}
		}
	}
}
