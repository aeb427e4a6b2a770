package ufunc

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The small-call fast path gives what the general path gives, allocates
// only the result, and steps aside for every call it does not cover.
func TestFastPath(t *testing.T) {
	x, _ := ndarray.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	y, _ := ndarray.FromSlice([]float64{0.5, -2, 8, 1e300}, 2, 2)
	for range 3 { // the first call resolves; later ones take the fast path
		got, err := Add.Call2(x, y)
		if err != nil {
			t.Fatal(err)
		}
		if v := ndarray.ToSlice[float64](got); !slices.Equal(v, []float64{1.5, 0, 11, 1e300}) || !slices.Equal(got.Shape(), []int{2, 2}) {
			t.Fatalf("add: %v %v", v, got.Shape())
		}
		lt, err := Less.Call(x, y)
		if err != nil {
			t.Fatal(err)
		}
		if lt.DType() != dtype.Bool || !slices.Equal(ndarray.ToSlice[bool](lt), []bool{false, false, true, true}) {
			t.Fatalf("less: %v %v", lt.DType(), ndarray.ToSlice[bool](lt))
		}
		neg, err := Negative.Call1(x)
		if err != nil {
			t.Fatal(err)
		}
		if v := ndarray.ToSlice[float64](neg); !slices.Equal(v, []float64{-1, -2, -3, -4}) {
			t.Fatalf("negative: %v", v)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = Add.Call2(x, y) }); n != 1 {
		t.Errorf("small add: %v allocations, want 1 (the result)", n)
	}

	// Calls the fast path leaves to the general one.
	i32, _ := ndarray.FromSlice([]int32{1, 2, 3, 4}, 2, 2)
	if got, err := Add.Call2(x, i32); err != nil || got.DType() != dtype.Float64 ||
		!slices.Equal(ndarray.ToSlice[float64](got), []float64{2, 4, 6, 8}) {
		t.Errorf("mixed dtypes: %v %v", got, err)
	}
	row, _ := ndarray.FromSlice([]float64{10, 20})
	if got, err := Add.Call2(x, row); err != nil || !slices.Equal(ndarray.ToSlice[float64](got), []float64{11, 22, 13, 24}) {
		t.Errorf("broadcast: %v %v", got, err)
	}
	xt := x.Transpose()
	if got, err := Add.Call2(xt, y); err != nil || !slices.Equal(ndarray.ToSlice[float64](got), []float64{1.5, 1, 10, 1e300}) {
		t.Errorf("transposed: %v %v", got, err)
	}
	bad, _ := ndarray.FromSlice([]float64{1, 2, 3})
	var be *ndarray.BroadcastError
	if _, err := Add.Call2(x, bad); !errors.As(err, &be) {
		t.Errorf("mismatched shapes: got %v, want a BroadcastError", err)
	}
	// power checks its operands (a negative integer exponent is an error)
	// before running, so it never takes the fast path.
	ib, _ := ndarray.FromSlice([]int64{2, 2})
	ie, _ := ndarray.FromSlice([]int64{1, -1})
	for range 2 {
		if _, err := Power.Call2(ib, ie); err == nil {
			t.Fatal("power with a negative integer exponent: no error")
		}
	}
}

func BenchmarkSmallCall(b *testing.B) {
	x, _ := ndarray.FromSlice([]float64{1, 2, 3, 4})
	y, _ := ndarray.FromSlice([]float64{5, 6, 7, 8})
	b.Run("add", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = Add.Call2(x, y)
		}
	})
	// The allocation of the result alone: what a call cannot go below.
	b.Run("alloc", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = ndarray.Empty(dtype.Float64, 4)
		}
	})
}
