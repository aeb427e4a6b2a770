package ufunc

import (
	"runtime"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// BenchmarkAdd2D adds (3000, 3000) float64 arrays into a given output,
// contiguous and with a transposed first operand (cache-blocked).
func BenchmarkAdd2D(b *testing.B) {
	a, _ := ndarray.Full(dtype.Float64, 1.5, 3000, 3000)
	c, _ := ndarray.Full(dtype.Float64, 2.5, 3000, 3000)
	o, _ := ndarray.Zeros(dtype.Float64, 3000, 3000)
	b.Run("contiguous", func(b *testing.B) {
		for b.Loop() {
			Add.Call2(a, c, Out(o))
		}
	})
	b.Run("transposed", func(b *testing.B) {
		at := a.T()
		for b.Loop() {
			Add.Call2(at, c, Out(o))
		}
	})
}

// TestBlockedIteration checks the tiled walk on shapes larger than two
// tiles, with a transposed operand, a cast and outer dimensions, on one
// and two goroutines.
func TestBlockedIteration(t *testing.T) {
	must := mustOK(t)
	for _, shape := range [][]int{{2*tile + 3, 2*tile + 5}, {2, 2*tile + 1, 2 * tile}} {
		n := 1
		for _, d := range shape {
			n *= d
		}
		v := make([]int32, n)
		for i := range v {
			v[i] = int32(i)
		}
		base := must(ndarray.FromSlice(v, shape...))
		// transpose the last two axes: the same shape needs a square, so
		// build x from a base of the swapped shape
		sw := append([]int(nil), shape...)
		sw[len(sw)-1], sw[len(sw)-2] = sw[len(sw)-2], sw[len(sw)-1]
		xb := must(ndarray.FromSlice(v, sw...))
		x := must(xb.SwapAxes(-1, -2))
		for _, procs := range []int{1, 2} {
			prev := runtime.GOMAXPROCS(procs)
			r := must(Add.Call(x, base, DType(dtype.Int64)))
			runtime.GOMAXPROCS(prev)
			if !r.IsCContiguous() && len(shape) == 2 {
				t.Logf("result layout %v", r.Strides())
			}
			got := ndarray.ToSlice[int64](r.CopyOrder(ndarray.C))
			xs := ndarray.ToSlice[int32](x.CopyOrder(ndarray.C))
			for i := range got {
				if got[i] != int64(xs[i])+int64(v[i]) {
					t.Fatalf("shape %v, %d goroutines: element %d = %d, want %d", shape, procs, i, got[i], int64(xs[i])+int64(v[i]))
				}
			}
		}
	}
}
