package ufunc

import (
	"fmt"
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
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

// The integer comparison loops: int64 and int32 (signed kernels in simd)
// and, beside them, uint64 and uint32 (the Go loops; a signed compare
// would order their top half below zero), on contiguous runs, a Go
// scalar on either side and strided views, with the ends of each range
// in the data, against Go's operators.
func TestIntCompareLoops(t *testing.T) {
	cmps := []struct {
		u   *Ufunc
		i64 func(x, y int64) bool
		u64 func(x, y uint64) bool
	}{
		{Equal, func(x, y int64) bool { return x == y }, func(x, y uint64) bool { return x == y }},
		{NotEqual, func(x, y int64) bool { return x != y }, func(x, y uint64) bool { return x != y }},
		{Less, func(x, y int64) bool { return x < y }, func(x, y uint64) bool { return x < y }},
		{LessEqual, func(x, y int64) bool { return x <= y }, func(x, y uint64) bool { return x <= y }},
		{Greater, func(x, y int64) bool { return x > y }, func(x, y uint64) bool { return x > y }},
		{GreaterEqual, func(x, y int64) bool { return x >= y }, func(x, y uint64) bool { return x >= y }},
	}
	vals := []int64{0, 1, -1, 2, math.MinInt64, math.MaxInt64, math.MinInt32, math.MaxInt32, 1 << 32, -7, 1<<32 + 1}
	for _, n := range []int{1, 7, 8, 9, 33, 70} {
		x64, y64 := make([]int64, n), make([]int64, n)
		for i := range n {
			x64[i], y64[i] = vals[i%len(vals)], vals[(i*5+3)%len(vals)]
		}
		x32, y32 := convertSlice[int32](x64), convertSlice[int32](y64)
		xu64, yu64 := convertSlice[uint64](x64), convertSlice[uint64](y64)
		xu32, yu32 := convertSlice[uint32](x64), convertSlice[uint32](y64)
		for _, c := range cmps {
			for _, s := range []int64{0, -1, 1 << 31, math.MinInt64, math.MaxInt64} {
				name := func(what string) string { return fmt.Sprintf("%s %s, n=%d, s=%d", c.u.Name(), what, n, s) }
				checkCmpLoops(t, name("int64"), c.u, x64, y64, s, c.i64)
				checkCmpLoops(t, name("int32"), c.u, x32, y32, int32(s), func(x, y int32) bool { return c.i64(int64(x), int64(y)) })
				checkCmpLoops(t, name("uint64"), c.u, xu64, yu64, uint64(s), c.u64)
				checkCmpLoops(t, name("uint32"), c.u, xu32, yu32, uint32(s), func(x, y uint32) bool { return c.u64(uint64(x), uint64(y)) })
			}
		}
	}
}

// convertSlice converts every element of xs to T, wrapping as Go does.
func convertSlice[T int32 | uint32 | uint64](xs []int64) []T {
	r := make([]T, len(xs))
	for i, x := range xs {
		r[i] = T(x)
	}
	return r
}

// checkCmpLoops calls u on x and y, on x and the Go scalar s (either
// side), and on every other element of x and y, and checks the results
// against op.
func checkCmpLoops[T dtype.Element](t *testing.T, what string, u *Ufunc, x, y []T, s T, op func(x, y T) bool) {
	t.Helper()
	n := len(x)
	xa, err := ndarray.FromSlice(x, n)
	if err != nil {
		t.Fatal(err)
	}
	ya, err := ndarray.FromSlice(y, n)
	if err != nil {
		t.Fatal(err)
	}
	xs, err := xa.Index("::2")
	if err != nil {
		t.Fatal(err)
	}
	ys, err := ya.Index("::2")
	if err != nil {
		t.Fatal(err)
	}
	check := func(layout string, got *ndarray.Array, err error, want func(i int) bool) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s, %s: %v", what, layout, err)
		}
		if got.DType() != dtype.Bool {
			t.Fatalf("%s, %s: result of type %v, want bool", what, layout, got.DType())
		}
		for i, v := range ndarray.ToSlice[bool](got) {
			if v != want(i) {
				t.Fatalf("%s, %s: [%d] = %v, want %v", what, layout, i, v, want(i))
			}
		}
	}
	got, err := u.Call2(xa, ya)
	check("arrays", got, err, func(i int) bool { return op(x[i], y[i]) })
	got, err = u.Call2(xa, s)
	check("array, scalar", got, err, func(i int) bool { return op(x[i], s) })
	got, err = u.Call2(s, ya)
	check("scalar, array", got, err, func(i int) bool { return op(s, y[i]) })
	got, err = u.Call2(xs, ys)
	check("strided", got, err, func(i int) bool { return op(x[2*i], y[2*i]) })
}
