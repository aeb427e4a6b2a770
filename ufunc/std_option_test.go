package ufunc_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// optionValues returns the values and validity of an option array.
func optionValues[T dtype.Element](t *testing.T, a *ndarray.Array) ([]T, []bool) {
	t.Helper()
	v, ok, err := a.OptionParts()
	if err != nil {
		t.Fatal(err)
	}
	vals := ndarray.ToSlice[T](v)
	valid := ndarray.ToSlice[bool](ok)
	for i := range vals {
		if !valid[i] {
			var z T
			vals[i] = z
		}
	}
	return vals, valid
}

func TestOptionArithmetic(t *testing.T) {
	a, _ := ndarray.FromOptional([]int32{1, 2, 3}, []bool{true, false, true})
	b, _ := ndarray.FromSlice([]int32{10, 20, 30})
	r, err := ufunc.Add.Call(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if r.DType() != dtype.Option(dtype.Int32) {
		t.Errorf("?int32 + int32 is %s", r.DType())
	}
	vals, valid := optionValues[int32](t, r)
	if !slices.Equal(vals, []int32{11, 0, 33}) || !slices.Equal(valid, []bool{true, false, true}) {
		t.Errorf("sum %v %v", vals, valid)
	}
	// a Go scalar beside ?int32 takes int32 (NEP 50)
	r, err = ufunc.Multiply.Call(a, 2)
	if err != nil || r.DType() != dtype.Option(dtype.Int32) {
		t.Fatalf("?int32 * 2: %v %v", r, err)
	}
	if vals, _ := optionValues[int32](t, r); !slices.Equal(vals, []int32{2, 0, 6}) {
		t.Errorf("product %v", vals)
	}
	// promotion: ?int32 / float64 is ?float64
	f, _ := ndarray.FromOptional([]float64{2, 4, 0}, []bool{true, true, false})
	r, err = ufunc.Divide.Call(a, f)
	if err != nil || r.DType() != dtype.Option(dtype.Float64) {
		t.Fatalf("?int32 / ?float64: %v %v", r, err)
	}
	vals64, valid := optionValues[float64](t, r)
	if vals64[0] != 0.5 || !slices.Equal(valid, []bool{true, false, false}) {
		t.Errorf("quotient %v %v", vals64, valid)
	}
	r, err = ufunc.Negative.Call(a)
	if err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[int32](t, r); !slices.Equal(vals, []int32{-1, 0, -3}) || valid[1] {
		t.Errorf("negative %v %v", vals, valid)
	}
	r, err = ufunc.Sqrt.Call(f)
	if err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[float64](t, r); vals[1] != 2 || valid[2] {
		t.Errorf("sqrt %v %v", vals, valid)
	}
	// a strided view of an option array
	rev, _ := a.Index("::-1")
	r, err = ufunc.Subtract.Call(rev, b)
	if err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[int32](t, r); !slices.Equal(vals, []int32{-7, 0, -29}) || valid[1] {
		t.Errorf("reversed difference %v %v", vals, valid)
	}
}

func TestOptionComparisons(t *testing.T) {
	a, _ := ndarray.FromOptional([]float64{1, 2, 3}, []bool{true, false, true})
	r, err := ufunc.Less.Call(a, 2.5)
	if err != nil {
		t.Fatal(err)
	}
	if r.DType() != dtype.Option(dtype.Bool) {
		t.Errorf("comparison type %s", r.DType())
	}
	if vals, valid := optionValues[bool](t, r); !slices.Equal(vals, []bool{true, false, false}) || !slices.Equal(valid, []bool{true, false, true}) {
		t.Errorf("less %v %v", vals, valid)
	}
	r, err = ufunc.LogicalNot.Call(r)
	if err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[bool](t, r); !slices.Equal(vals, []bool{false, false, true}) || valid[1] {
		t.Errorf("logical_not %v %v", vals, valid)
	}
	var le *ufunc.LoopError
	if _, err := ufunc.BitwiseAnd.Call(a, a); !errors.As(err, &le) {
		t.Errorf("bitwise_and of ?float64: %v", err)
	}
}

func TestOptionReductions(t *testing.T) {
	a, _ := ndarray.FromOptional([]float64{1, 2, 3, 4, 5, 6}, []bool{true, true, true, false, true, true}, 2, 3)
	s, err := ufunc.Sum(a)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := s.IsMissing(); !m {
		t.Error("a sum over a missing element is missing")
	}
	s, err = ufunc.Sum(a, ufunc.SkipMissing())
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := ndarray.AtOption[float64](s); !ok || v != 17 {
		t.Errorf("sum skipping missing = %v %v; want 17", v, ok)
	}
	rows, err := ufunc.Sum(a, ufunc.Axis(1))
	if err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[float64](t, rows); vals[0] != 6 || !slices.Equal(valid, []bool{true, false}) {
		t.Errorf("row sums %v %v", vals, valid)
	}
	mx, err := ufunc.Max(a, ufunc.Axis(0), ufunc.SkipMissing())
	if err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[float64](t, mx); !slices.Equal(vals, []float64{1, 5, 6}) || !slices.Equal(valid, []bool{true, true, true}) {
		t.Errorf("max over axis 0 %v %v", vals, valid)
	}
	mn, err := ufunc.Min(a, ufunc.SkipMissing())
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := ndarray.AtOption[float64](mn); !ok || v != 1 {
		t.Errorf("min %v %v", v, ok)
	}
	mean, err := ufunc.Mean(a, ufunc.SkipMissing())
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := ndarray.AtOption[float64](mean); !ok || v != 17.0/5 {
		t.Errorf("mean %v %v; want 3.4", v, ok)
	}
	p, err := ufunc.Prod(a, ufunc.Axis(1), ufunc.SkipMissing())
	if err != nil {
		t.Fatal(err)
	}
	if vals, _ := optionValues[float64](t, p); !slices.Equal(vals, []float64{6, 30}) {
		t.Errorf("products %v", vals)
	}
	// all missing: sum skipping is 0, max and mean are missing
	none, _ := ndarray.FromOptional([]int32{0, 0}, []bool{false, false})
	if s, _ := ufunc.Sum(none, ufunc.SkipMissing()); s != nil {
		if v, ok := ndarray.AtOption[int64](s); !ok || v != 0 {
			t.Errorf("sum of nothing %v %v", v, ok)
		}
	}
	if m, err := ufunc.Max(none, ufunc.SkipMissing()); err != nil {
		t.Error(err)
	} else if miss, _ := m.IsMissing(); !miss {
		t.Error("max of nothing should be missing")
	}
	if m, err := ufunc.Mean(none, ufunc.SkipMissing()); err != nil {
		t.Error(err)
	} else if miss, _ := m.IsMissing(); !miss {
		t.Error("mean of nothing should be missing")
	}
	ints, _ := ndarray.FromOptional([]int16{-4, 9, 7}, []bool{true, false, true})
	if m, _ := ufunc.Max(ints, ufunc.SkipMissing()); m != nil {
		if v, ok := ndarray.AtOption[int16](m); !ok || v != 7 {
			t.Errorf("int16 max %v %v", v, ok)
		}
	}
}

// TestOptionStatistics checks Var and Std of option arrays against
// np.var and np.std of the valid elements.
func TestOptionStatistics(t *testing.T) {
	a, _ := ndarray.FromOptional([]float64{1, 2, 3, 4, 5, 6}, []bool{true, true, true, false, true, true}, 2, 3)
	v, err := ufunc.Var(a)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := v.IsMissing(); !m {
		t.Error("a variance over a missing element is missing")
	}
	v, err = ufunc.Var(a, ufunc.SkipMissing())
	if err != nil {
		t.Fatal(err)
	}
	// np.var([1., 2, 3, 5, 6])
	if got, ok := ndarray.AtOption[float64](v); !ok || math.Abs(got-3.4400000000000004) > 1e-15 {
		t.Errorf("var skipping missing = %v %v; want 3.44", got, ok)
	}
	sd, err := ufunc.Std(a, ufunc.Axis(1), ufunc.DDof(1), ufunc.SkipMissing())
	if err != nil {
		t.Fatal(err)
	}
	// np.std([1., 2, 3], ddof=1), np.std([5., 6], ddof=1)
	if vals, valid := optionValues[float64](t, sd); !slices.Equal(valid, []bool{true, true}) ||
		vals[0] != 1 || math.Abs(vals[1]-0.7071067811865476) > 1e-16 {
		t.Errorf("row std %v %v", vals, valid)
	}
	cols, err := ufunc.Var(a, ufunc.Axis(0))
	if err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[float64](t, cols); !slices.Equal(valid, []bool{false, true, true}) || vals[1] != 2.25 || vals[2] != 2.25 {
		t.Errorf("column var %v %v; want [_ 2.25 2.25] [false true true]", vals, valid)
	}
	none, _ := ndarray.FromOptional([]float32{0, 0}, []bool{false, false})
	if s, err := ufunc.Std(none, ufunc.SkipMissing()); err != nil {
		t.Error(err)
	} else if miss, _ := s.IsMissing(); !miss {
		t.Error("std of nothing should be missing")
	}
}

// TestOptionReductionOut checks Out on reductions of option arrays: the
// result lands in the given array (converted under the casting rule),
// and an output that is not an option array, has the wrong shape or
// cannot take the result is an error that leaves it untouched.
func TestOptionReductionOut(t *testing.T) {
	a, _ := ndarray.FromOptional([]float64{1, 2, 3, 4, 5, 6}, []bool{true, true, true, false, true, true}, 2, 3)
	o, _ := ndarray.Zeros(dtype.Option(dtype.Float64), 2)
	got, err := ufunc.Sum(a, ufunc.Axis(1), ufunc.SkipMissing(), ufunc.Out(o))
	if err != nil {
		t.Fatal(err)
	}
	if got != o {
		t.Error("Sum with Out did not return the output array")
	}
	if vals, valid := optionValues[float64](t, o); !slices.Equal(vals, []float64{6, 11}) || !slices.Equal(valid, []bool{true, true}) {
		t.Errorf("out = %v %v; want [6 11]", vals, valid)
	}
	// missing results are written as missing
	if _, err := ufunc.Max(a, ufunc.Axis(1), ufunc.Out(o)); err != nil {
		t.Fatal(err)
	}
	if vals, valid := optionValues[float64](t, o); vals[0] != 3 || !slices.Equal(valid, []bool{true, false}) {
		t.Errorf("max into out = %v %v; want [3 _] [true false]", vals, valid)
	}
	// float64 into ?float32 is same_kind
	o32, _ := ndarray.Zeros(dtype.Option(dtype.Float32), 2)
	if _, err := ufunc.Mean(a, ufunc.Axis(1), ufunc.SkipMissing(), ufunc.Out(o32)); err != nil {
		t.Fatal(err)
	}
	if vals, _ := optionValues[float32](t, o32); !slices.Equal(vals, []float32{2, 5.5}) {
		t.Errorf("mean into ?float32 = %v; want [2 5.5]", vals)
	}
	var ae *ufunc.ArgError
	plain, _ := ndarray.Zeros(dtype.Float64, 2)
	if _, err := ufunc.Sum(a, ufunc.Axis(1), ufunc.Out(plain)); !errors.As(err, &ae) {
		t.Errorf("Out not an option array: %v, want an ArgError", err)
	}
	wrong, _ := ndarray.Zeros(dtype.Option(dtype.Float64), 3)
	if _, err := ufunc.Sum(a, ufunc.Axis(1), ufunc.Out(wrong)); !errors.As(err, &ae) {
		t.Errorf("Out of the wrong shape: %v, want an ArgError", err)
	}
	// float64 into ?int32 is not same_kind
	oi, _ := ndarray.Zeros(dtype.Option(dtype.Int32), 2)
	var ce *dtype.CastError
	if _, err := ufunc.Sum(a, ufunc.Axis(1), ufunc.Out(oi)); !errors.As(err, &ce) {
		t.Errorf("Out that cannot take the result: %v, want a CastError", err)
	}
	if vals, valid := optionValues[int32](t, oi); !slices.Equal(vals, []int32{0, 0}) || !slices.Equal(valid, []bool{false, false}) {
		t.Errorf("refused Out was written: %v %v", vals, valid)
	}
}
