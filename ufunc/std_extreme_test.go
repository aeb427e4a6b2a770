package ufunc

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/ndarray"
)

// The integer maximum/minimum loops (and fmax/fmin, which are the same
// on integers): contiguous runs (simd kernels for int32 and int64),
// a Go scalar on either side and strided views give Go's max and min,
// for every 32- and 64-bit integer type, signed or not, over lengths
// on both sides of the kernels' blocks and of minSimdRun.
func TestIntExtremeLoops(t *testing.T) {
	testIntExtreme[int32](t)
	testIntExtreme[int64](t)
	testIntExtreme[uint32](t)
	testIntExtreme[uint64](t)
}

func testIntExtreme[T int32 | int64 | uint32 | uint64](t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	// values with the top bit set: negative when signed, huge when not
	edges := []T{0, 1, 2, T(1) << (8*sizeOf[T]() - 1), ^T(0), ^T(0) >> 1, ^T(0) - 1}
	val := func() T {
		if rng.IntN(3) == 0 {
			return edges[rng.IntN(len(edges))]
		}
		return T(rng.Uint64())
	}
	ops := []struct {
		u     *Ufunc
		isMax bool
	}{{Maximum, true}, {Minimum, false}, {Fmax, true}, {Fmin, false}}
	pick := func(isMax bool, a, b T) T {
		if isMax {
			return max(a, b)
		}
		return min(a, b)
	}
	for _, n := range []int{1, 7, 15, 16, 17, 33, 64, 100, 1000} {
		xs, ys := make([]T, 2*n), make([]T, 2*n)
		for i := range xs {
			xs[i], ys[i] = val(), val()
		}
		s := val()
		xa, _ := ndarray.FromSlice(xs[:n])
		ya, _ := ndarray.FromSlice(ys[:n])
		xw, _ := ndarray.FromSlice(xs)
		yw, _ := ndarray.FromSlice(ys)
		xv, _ := xw.Index("::2")
		yv, _ := yw.Index("::2")
		for _, op := range ops {
			name := fmt.Sprintf("%s %T n=%d", op.u.Name(), s, n)
			check := func(layout string, got *ndarray.Array, err error, want func(i int) T) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s %s: %v", name, layout, err)
				}
				g := ndarray.ToSlice[T](got)
				for i := range n {
					if w := want(i); g[i] != w {
						t.Fatalf("%s %s: at %d got %d, want %d", name, layout, i, g[i], w)
					}
				}
			}
			got, err := op.u.Call2(xa, ya)
			check("contiguous", got, err, func(i int) T { return pick(op.isMax, xs[i], ys[i]) })
			got, err = op.u.Call2(xa, s)
			check("scalar right", got, err, func(i int) T { return pick(op.isMax, xs[i], s) })
			got, err = op.u.Call2(s, ya)
			check("scalar left", got, err, func(i int) T { return pick(op.isMax, s, ys[i]) })
			got, err = op.u.Call2(xv, yv)
			check("strided", got, err, func(i int) T { return pick(op.isMax, xs[2*i], ys[2*i]) })
		}
	}
}
