package ndarray_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func TestOptionArrays(t *testing.T) {
	a, err := ndarray.FromOptional([]float64{1.5, 0, -3}, []bool{true, false, true})
	if err != nil {
		t.Fatal(err)
	}
	if a.DType() != dtype.Option(dtype.Float64) || a.ItemSize() != 16 {
		t.Fatalf("dtype %s itemsize %d", a.DType(), a.ItemSize())
	}
	if v, ok := ndarray.AtOption[float64](a, 0); !ok || v != 1.5 {
		t.Errorf("AtOption(0) = %v %v", v, ok)
	}
	if _, ok := ndarray.AtOption[float64](a, 1); ok {
		t.Error("element 1 should be missing")
	}
	if m, err := a.IsMissing(1); err != nil || !m {
		t.Errorf("IsMissing(1) = %v %v", m, err)
	}
	if a.CountMissing() != 1 {
		t.Errorf("CountMissing = %d", a.CountMissing())
	}
	if v, _ := a.Item(1); v != nil {
		t.Errorf("Item of a missing element = %v; want nil", v)
	}
	if v, _ := a.Item(2); v != -3.0 {
		t.Errorf("Item(2) = %v", v)
	}
	ndarray.SetOption(a, 9.0, 1)
	if err := a.SetMissing(0); err != nil {
		t.Fatal(err)
	}
	values, valid, err := a.OptionParts()
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[bool](valid); !slices.Equal(got, []bool{false, true, true}) {
		t.Errorf("validity %v", got)
	}
	if got := ndarray.ToSlice[float64](values); got[1] != 9 || got[2] != -3 {
		t.Errorf("values %v", got)
	}
	// a view of an option array is an option array
	v, _ := a.Index("::-1")
	if m, _ := v.IsMissing(2); !m {
		t.Error("reversed view: last element should be missing")
	}
	var ve *ndarray.ValueError
	f, _ := ndarray.FromSlice([]float64{1})
	if _, _, err := f.OptionParts(); !errors.As(err, &ve) {
		t.Errorf("OptionParts of float64: %v", err)
	}
	if _, err := f.IsMissing(0); !errors.As(err, &ve) {
		t.Errorf("IsMissing of float64: %v", err)
	}
	var se *ndarray.ShapeError
	if _, err := ndarray.FromOptional([]int32{1, 2}, []bool{true}); !errors.As(err, &se) {
		t.Errorf("length mismatch: %v", err)
	}
}

func TestOptionCastsThroughArrays(t *testing.T) {
	i, _ := ndarray.FromSlice([]int32{4, 5})
	o, err := i.AsType(dtype.Option(dtype.Int32), dtype.Safe)
	if err != nil {
		t.Fatal(err)
	}
	if o.CountMissing() != 0 {
		t.Error("T → ?T makes every element valid")
	}
	if err := o.SetMissing(1); err != nil {
		t.Fatal(err)
	}
	f, err := o.AsType(dtype.Option(dtype.Float64), dtype.Safe)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := ndarray.AtOption[float64](f, 0); !ok || v != 4 {
		t.Errorf("?int32 → ?float64: %v %v", v, ok)
	}
	if m, _ := f.IsMissing(1); !m {
		t.Error("?int32 → ?float64 lost the missing element")
	}
	var ve *dtype.ValueError
	if _, err := f.AsType(dtype.Float64, dtype.Unsafe); !errors.As(err, &ve) {
		t.Errorf("?float64 → float64 with a missing element: %v", err)
	}
	first, _ := f.Index(":1")
	if r, err := first.AsType(dtype.Float64, dtype.Unsafe); err != nil || ndarray.ToSlice[float64](r)[0] != 4 {
		t.Errorf("?float64 → float64 without missing elements: %v", err)
	}
}

func TestOptionOfStrings(t *testing.T) {
	a, err := ndarray.Zeros(dtype.Option(dtype.String), 2)
	if err != nil {
		t.Fatal(err)
	}
	if a.CountMissing() != 2 {
		t.Errorf("a new option array is missing: %d", a.CountMissing())
	}
	s := ndarray.MustFromStrings([]string{"x", "yz"})
	if err := a.CopyFrom(s, dtype.Safe); err != nil {
		t.Fatal(err)
	}
	values, _, _ := a.OptionParts()
	if got := mustStrings(t, values); !slices.Equal(got, []string{"x", "yz"}) {
		t.Errorf("values %q", got)
	}
	if v, _ := a.Item(1); v != "yz" {
		t.Errorf("Item(1) = %v", v)
	}
}
