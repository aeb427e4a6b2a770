package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"

	pl "github.com/pluribus-go/pluribus"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Ids whose operation is not in the root package yet: sort, mask
// selection and .npy I/O use package ndarray directly; dot and matmul do
// not exist and are reported as unsupported.

func dotBench(b *Bench, rng *rand.Rand, dt string, shape []int, fail func(error)) (*Bench, error) {
	x := mustGen(rng, dt, uniform01, shape...)
	y := mustGen(rng, dt, uniform01, shape...)
	b.Stmt = "Dot(a, b)"
	b.Run = func() {
		r, err := pl.Dot(x.arr, y.arr)
		fail(err)
		sink = r
	}
	b.Check = func() error {
		s := 0.0
		for i := range x.vals {
			s += x.vals[i] * y.vals[i]
		}
		return compare(sink, []float64{s}, 1e-12, 0)
	}
	return b, nil
}

func matmulBench(b *Bench, rng *rand.Rand, dt string, shape []int, fail func(error)) (*Bench, error) {
	n := shape[0]
	x := mustGen(rng, dt, uniform01, n, n)
	y := mustGen(rng, dt, uniform01, n, n)
	out, err := ndarray.Zeros(x.arr.DType(), n, n)
	if err != nil {
		return nil, err
	}
	b.Stmt = "Matmul(a, b, Out(c))"
	b.Run = func() {
		_, err := pl.Matmul(x.arr, y.arr, pl.Out(out))
		fail(err)
	}
	b.Check = func() error {
		// one row of the product, against a float64 reference
		want := make([]float64, n)
		for j := range n {
			for k := range n {
				want[j] += x.vals[k] * y.vals[k*n+j]
			}
		}
		row, err := out.Index("0")
		if err != nil {
			return err
		}
		tol := 1e-12
		if dt == "f32" {
			tol = 1e-4
		}
		return compare(row, want, tol, 0)
	}
	return b, nil
}

// maskSelectBench is a[a > 0]: the comparison and the selection are both
// part of the op, as in NumPy's statement.
func maskSelectBench(b *Bench, rng *rand.Rand, dt string, shape []int, fail func(error)) (*Bench, error) {
	x := mustGen(rng, dt, normal, shape...)
	b.Stmt = "a.Slice(ndarray.ArrayIndex(Greater(a, 0.0)))"
	b.Run = func() {
		m, err := pl.Greater(x.arr, 0.0)
		fail(err)
		r, err := x.arr.Slice(ndarray.ArrayIndex(m))
		fail(err)
		sink = r
	}
	b.Check = func() error {
		var want []float64
		for _, v := range x.vals {
			if v > 0 {
				want = append(want, v)
			}
		}
		return compare(sink, want, 0, 0)
	}
	return b, nil
}

func sortBench(b *Bench, rng *rand.Rand, dt string, shape []int, fail func(error)) (*Bench, error) {
	x := mustGen(rng, dt, uniform01, shape...)
	b.Stmt = "ndarray.Sort(a, -1)"
	b.Run = func() {
		r, err := ndarray.Sort(x.arr, -1)
		fail(err)
		sink = r
	}
	b.Check = func() error {
		want := slices.Clone(x.vals)
		slices.Sort(want)
		return compare(sink, want, 0, 0)
	}
	return b, nil
}

// npyBench saves to / loads from a file in a temporary directory. The load
// reads the data into a new array (LoadNPYCopy, as np.load): LoadNPY's
// memory mapping would not materialise the result.
func npyBench(b *Bench, rng *rand.Rand, op, dt string, shape []int, fail func(error)) (*Bench, error) {
	x := mustGen(rng, dt, uniform01, shape...)
	dir, err := os.MkdirTemp("", "pluribus-bench-")
	if err != nil {
		return nil, err
	}
	b.Close = func() { os.RemoveAll(dir) }
	path := filepath.Join(dir, "bench.npy")
	if err := ndarray.SaveNPY(path, x.arr); err != nil {
		b.Close()
		return nil, fmt.Errorf("preparing %s: %w", path, err)
	}
	if op == "npy_save" {
		b.Stmt = "ndarray.SaveNPY(path, a)"
		b.Run = func() { fail(ndarray.SaveNPY(path, x.arr)) }
		b.Check = func() error {
			r, err := ndarray.LoadNPYCopy(path)
			if err != nil {
				return err
			}
			return compare(r, x.vals, 0, 0)
		}
		return b, nil
	}
	b.Stmt = "ndarray.LoadNPYCopy(path)"
	b.Run = func() {
		r, err := ndarray.LoadNPYCopy(path)
		fail(err)
		sink = r
	}
	b.Check = func() error { return compare(sink, x.vals, 0, 0) }
	return b, nil
}
