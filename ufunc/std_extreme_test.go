package ufunc

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
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

// Max, Min, ArgMax and ArgMin of integers (simd for contiguous int32
// and int64 runs, Go loops otherwise) against Go loops: whole arrays,
// lengths on both sides of the kernels' blocks and of simd's argBlock
// (8192), values from a small set so that the extreme repeats (the first
// index must win), strided views, and the rows and columns of a matrix.
func TestIntReduceExtremes(t *testing.T) {
	testIntReduceExtremes[int8](t)
	testIntReduceExtremes[uint16](t)
	testIntReduceExtremes[int32](t)
	testIntReduceExtremes[int64](t)
	testIntReduceExtremes[uint32](t)
	testIntReduceExtremes[uint64](t)
}

func testIntReduceExtremes[T int8 | uint16 | int32 | int64 | uint32 | uint64](t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	type stat struct {
		name string
		f    func(*ndarray.Array, ...Option) (*ndarray.Array, error)
		arg  bool
		max  bool
	}
	stats := []stat{{"max", Max, false, true}, {"min", Min, false, false}, {"argmax", ArgMax, true, true}, {"argmin", ArgMin, true, false}}
	// want returns the extreme (or its first index) of xs[0], xs[step], ...
	want := func(s stat, xs []T, step int) int64 {
		bi := 0
		for i := step; i < len(xs); i += step {
			if (s.max && xs[i] > xs[bi]) || (!s.max && xs[i] < xs[bi]) {
				bi = i
			}
		}
		if s.arg {
			return int64(bi / step)
		}
		return int64(xs[bi])
	}
	get := func(a *ndarray.Array, i int) int64 {
		if a.DType().Num() == dtype.NumInt64 {
			return ndarray.ToSlice[int64](a)[i]
		}
		return int64(ndarray.ToSlice[T](a)[i])
	}
	for _, few := range []bool{false, true} {
		for _, n := range []int{1, 15, 16, 17, 64, 100, 8192, 3*8192 + 5} {
			xs := make([]T, 2*n)
			for i := range xs {
				if few {
					xs[i] = T(rng.IntN(5))
				} else {
					xs[i] = T(rng.Uint64())
				}
			}
			a, _ := ndarray.FromSlice(xs[:n])
			w, _ := ndarray.FromSlice(xs)
			v, _ := w.Index("::2")
			for _, s := range stats {
				for _, c := range []struct {
					layout string
					a      *ndarray.Array
					step   int
				}{{"contiguous", a, 1}, {"strided", v, 2}} {
					got, err := s.f(c.a)
					if err != nil {
						t.Fatalf("%s %T n=%d %s: %v", s.name, xs[0], n, c.layout, err)
					}
					if g, w := get(got, 0), want(s, xs[:c.step*n], c.step); g != w {
						t.Fatalf("%s %T n=%d few=%v %s: got %d, want %d", s.name, xs[0], n, few, c.layout, g, w)
					}
				}
			}
		}
	}
	// a (37, 50) matrix: each row is contiguous, each column strided
	const r, c = 37, 50
	xs := make([]T, r*c)
	for i := range xs {
		xs[i] = T(rng.IntN(9))
	}
	m, _ := ndarray.FromSlice(xs, r, c)
	for _, s := range stats {
		for axis, count := range []int{c, r} {
			got, err := s.f(m, Axis(axis))
			if err != nil {
				t.Fatal(err)
			}
			for j := range count {
				var line []T
				for k := range []int{r, c}[axis] {
					if axis == 0 {
						line = append(line, xs[k*c+j])
					} else {
						line = append(line, xs[j*c+k])
					}
				}
				if g, w := get(got, j), want(s, line, 1); g != w {
					t.Fatalf("%s %T axis %d, line %d: got %d, want %d", s.name, xs[0], axis, j, g, w)
				}
			}
		}
	}
}

// Add, Subtract and Multiply of 32- and 64-bit integers with a Go
// scalar on either side (simd's scalar kernels for contiguous runs, s -
// a for a scalar on the left of a subtraction) against Go's wrapping
// arithmetic.
func TestIntScalarArith(t *testing.T) {
	testIntScalarArith[int32](t)
	testIntScalarArith[int64](t)
	testIntScalarArith[uint32](t)
	testIntScalarArith[uint64](t)
}

func testIntScalarArith[T int32 | int64 | uint32 | uint64](t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	ops := []struct {
		u *Ufunc
		f func(a, b T) T
	}{
		{Add, func(a, b T) T { return a + b }},
		{Subtract, func(a, b T) T { return a - b }},
		{Multiply, func(a, b T) T { return a * b }},
	}
	for _, n := range []int{1, 15, 16, 17, 33, 100, 1000} {
		xs := make([]T, n)
		for i := range xs {
			xs[i] = T(rng.Uint64())
		}
		s := T(rng.Uint64())
		x, _ := ndarray.FromSlice(xs)
		for _, op := range ops {
			for _, left := range []bool{false, true} {
				var got *ndarray.Array
				var err error
				if left {
					got, err = op.u.Call2(s, x)
				} else {
					got, err = op.u.Call2(x, s)
				}
				if err != nil {
					t.Fatal(err)
				}
				g := ndarray.ToSlice[T](got)
				for i := range n {
					w := op.f(xs[i], s)
					if left {
						w = op.f(s, xs[i])
					}
					if g[i] != w {
						t.Fatalf("%s %T n=%d left=%v: at %d got %d, want %d", op.u.Name(), s, n, left, i, g[i], w)
					}
				}
			}
		}
	}
}
