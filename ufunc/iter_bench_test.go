package ufunc

import (
	"runtime"
	"slices"
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
	for _, shape := range [][]int{{2*tile + 3, 2*tile + 5}, {2, 2*tile + 1, 2 * tile}, {2*tile + 3, 4096 + 37}} {
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

// TestGatheredTiles checks the tiled walk that gathers transposed 8-byte
// inputs through simd.Transpose64: one or both inputs transposed, outer
// dimensions, a where= mask, ragged tile edges, on one and two
// goroutines, against element-wise arithmetic.
func TestGatheredTiles(t *testing.T) {
	must := mustOK(t)
	for _, shape := range [][]int{{2*tile + 3, 2*tile + 5}, {2, 2*tile + 1, 2 * tile}, {2*tile + 3, 4096 + 37}} {
		nd := len(shape)
		n := 1
		for _, d := range shape {
			n *= d
		}
		v := make([]int64, n)
		w := make([]int64, n)
		for i := range v {
			v[i] = int64(i)
			w[i] = int64(3*i + 1)
		}
		sw := append([]int(nil), shape...)
		sw[nd-1], sw[nd-2] = sw[nd-2], sw[nd-1]
		x := must(must(ndarray.FromSlice(v, sw...)).SwapAxes(-1, -2))
		y := must(must(ndarray.FromSlice(w, sw...)).SwapAxes(-1, -2))
		c := must(ndarray.FromSlice(w, shape...))
		mask := make([]bool, n)
		for i := range mask {
			mask[i] = i%7 != 3
		}
		m := must(ndarray.FromSlice(mask, shape...))
		xs := ndarray.ToSlice[int64](x.CopyOrder(ndarray.C))
		ys := ndarray.ToSlice[int64](y.CopyOrder(ndarray.C))
		for _, procs := range []int{1, 2} {
			prev := runtime.GOMAXPROCS(procs)
			one := must(Add.Call(x, c))
			both := must(Subtract.Call(x, y))
			masked := must(ndarray.Zeros(dtype.Int64, shape...))
			must(Multiply.Call(x, c, Out(masked), Where(m)))
			runtime.GOMAXPROCS(prev)
			g1 := ndarray.ToSlice[int64](one.CopyOrder(ndarray.C))
			g2 := ndarray.ToSlice[int64](both.CopyOrder(ndarray.C))
			g3 := ndarray.ToSlice[int64](masked)
			for i := range n {
				want3 := int64(0)
				if mask[i] {
					want3 = xs[i] * w[i]
				}
				if g1[i] != xs[i]+w[i] || g2[i] != xs[i]-ys[i] || g3[i] != want3 {
					t.Fatalf("shape %v, %d goroutines, element %d: add %d (want %d), subtract %d (want %d), masked multiply %d (want %d)",
						shape, procs, i, g1[i], xs[i]+w[i], g2[i], xs[i]-ys[i], g3[i], want3)
				}
			}
		}
	}
}

// TestStride2Overlap writes x[::2] + y into a contiguous output that
// overlaps x, behind it and ahead of it: the result is as if x had been
// copied first (the float64 loops read stride-2 inputs with the simd Inc
// kernels, a block at a time, so the walk must not hand them an output
// that overwrites what they are still to read).
func TestStride2Overlap(t *testing.T) {
	must := mustOK(t)
	for _, n := range []int{100, 1000, 5000} {
		for _, off := range []int{0, 1, 3, 50} {
			a := must(ndarray.ArangeN(dtype.Float64, 2*n+off))
			orig := ndarray.ToSlice[float64](a)
			x := must(must(a.Index("::2")).Slice(ndarray.Range(0, n)))
			out := must(a.Slice(ndarray.Range(off, off+n)))
			y := must(ndarray.ArangeN(dtype.Float64, n))
			must(Add.Call(x, y, Out(out)))
			got := ndarray.ToSlice[float64](a)
			for i := range n {
				if want := orig[2*i] + float64(i); got[off+i] != want {
					t.Fatalf("n=%d, output at %d: element %d = %v, want %v", n, off, i, got[off+i], want)
				}
			}
		}
	}
}

// TestGatheredEvens runs calls whose inputs take every second 8-byte
// element (gathered with simd.Evens64 chunk by chunk) and checks them
// against the same calls on contiguous copies: runs shorter than
// minEvens, of several chunks with a tail, two-dimensional ones, masks,
// an output aliasing its input, and the real parts of complex128.
func TestGatheredEvens(t *testing.T) {
	must := mustOK(t)
	for _, n := range []int{5, minEvens - 1, minEvens, 3*chunk + 17} {
		v := make([]float64, 2*n)
		w := make([]int64, 2*n)
		for i := range v {
			v[i] = float64(i)*0.25 - 3
			w[i] = int64(7*i - 1000)
		}
		mask := make([]bool, n)
		for i := range mask {
			mask[i] = i%5 != 2
		}
		x := must(must(ndarray.FromSlice(v)).Index("::2"))
		y := must(must(ndarray.FromSlice(v)).Index("1::2"))
		k := must(must(ndarray.FromSlice(w)).Index("::2"))
		xc, yc, kc := x.Copy(), y.Copy(), k.Copy()
		m := must(ndarray.FromSlice(mask))
		for _, procs := range []int{1, 2} {
			prev := runtime.GOMAXPROCS(procs)
			cases := []struct {
				name      string
				got, want *ndarray.Array
			}{
				{"add", must(Add.Call(x, y)), must(Add.Call(xc, yc))},
				{"mul by scalar", must(Multiply.Call(x, 1.5)), must(Multiply.Call(xc, 1.5))},
				{"int64 subtract", must(Subtract.Call(k, kc)), must(ndarray.Zeros(dtype.Int64, n))},
				{"exp", must(Exp.Call(x)), must(Exp.Call(xc))},
				{"less", must(Less.Call(x, y)), must(Less.Call(xc, yc))},
			}
			masked, maskedWant := must(ndarray.Zeros(dtype.Float64, n)), must(ndarray.Zeros(dtype.Float64, n))
			must(Add.Call(x, y, Out(masked), Where(m)))
			must(Add.Call(xc, yc, Out(maskedWant), Where(m)))
			cases = append(cases, struct {
				name      string
				got, want *ndarray.Array
			}{"masked", masked, maskedWant})
			runtime.GOMAXPROCS(prev)
			for _, c := range cases {
				if !slices.Equal(c.got.Bytes(), c.want.Bytes()) {
					t.Errorf("n=%d procs=%d %s: got %v, want %v", n, procs, c.name, c.got, c.want)
				}
			}
		}
		// in place: out is the strided input itself
		a := must(must(ndarray.FromSlice(slices.Clone(v))).Index("::2"))
		must(Add.Call(a, y, Out(a)))
		if want := must(Add.Call(xc, yc)); !slices.Equal(a.Copy().Bytes(), want.Bytes()) {
			t.Errorf("n=%d in place: got %v, want %v", n, a, want)
		}
	}
	// two dimensions, rows of the real parts of a complex128 matrix
	z := make([]complex128, 3*(2*minEvens+3))
	for i := range z {
		z[i] = complex(float64(i), -float64(i)/3)
	}
	zm := must(ndarray.FromSlice(z, 3, 2*minEvens+3))
	re, im := zm.Real(), zm.Imag()
	got := must(Multiply.Call(re, im))
	want := must(Multiply.Call(re.Copy(), im.Copy()))
	if !slices.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("real*imag: got %v, want %v", got, want)
	}
	// a tiled walk (the other operand transposed) with a stride-2 input
	const r, c = 2*tile + 3, 2*tile + 5
	u := make([]float64, r*2*c)
	for i := range u {
		u[i] = float64(i%97) - 40
	}
	wide := must(must(ndarray.FromSlice(u, r, 2*c)).Index(":, ::2"))
	tr := must(must(ndarray.FromSlice(u[:r*c], c, r)).SwapAxes(0, 1))
	got = must(Subtract.Call(wide, tr))
	want = must(Subtract.Call(wide.Copy(), tr.Copy()))
	if !slices.Equal(got.CopyOrder(ndarray.C).Bytes(), want.Bytes()) {
		t.Errorf("tiled walk with a stride-2 input differs")
	}
}
