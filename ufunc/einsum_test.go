package ufunc

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Expected values from NumPy 1.24.
func TestEinsum(t *testing.T) {
	m33 := arangeI(9, 3, 3)
	tests := []struct {
		sub       string
		ops       []*ndarray.Array
		wantShape []int
		want      []int64
	}{
		{"ii", []*ndarray.Array{m33}, []int{}, []int64{12}},
		{"ii->i", []*ndarray.Array{m33}, []int{3}, []int64{0, 4, 8}},
		{"ij->ji", []*ndarray.Array{arangeI(6, 2, 3)}, []int{3, 2}, []int64{0, 3, 1, 4, 2, 5}},
		{"ij,jk->ik", []*ndarray.Array{arangeI(6, 2, 3), arangeI(12, 3, 4)}, []int{2, 4}, []int64{20, 23, 26, 29, 56, 68, 80, 92}},
		{"ij,jk", []*ndarray.Array{arangeI(6, 2, 3), arangeI(12, 3, 4)}, []int{2, 4}, []int64{20, 23, 26, 29, 56, 68, 80, 92}},
		{"...j,j->...", []*ndarray.Array{arangeI(6, 2, 3), arangeI(3, 3)}, []int{2}, []int64{5, 14}},
		{"i,j", []*ndarray.Array{arangeI(2, 2), arangeI(3, 3)}, []int{2, 3}, []int64{0, 0, 0, 0, 1, 2}},
		{"Ba", []*ndarray.Array{arangeI(6, 2, 3)}, []int{2, 3}, []int64{0, 1, 2, 3, 4, 5}},
		{"bA", []*ndarray.Array{arangeI(6, 2, 3)}, []int{3, 2}, []int64{0, 3, 1, 4, 2, 5}},
		{"i->", []*ndarray.Array{arangeI(0, 0)}, []int{}, []int64{0}},
	}
	for _, tt := range tests {
		r, err := Einsum(tt.sub, tt.ops...)
		if err != nil {
			t.Errorf("%s: %v", tt.sub, err)
			continue
		}
		if r.DType() != dtype.Int64 || !slices.Equal(r.Shape(), tt.wantShape) || !slices.Equal(ndarray.ToSlice[int64](r), tt.want) {
			t.Errorf("%s: got %v %v %v, want %v %v", tt.sub, r.DType(), r.Shape(), ndarray.ToSlice[int64](r), tt.wantShape, tt.want)
		}
	}
	// int8 accumulates in int8 and wraps: 100*100 + 100*100 + 100*100 = 30000 -> 48
	x := mustArr(ndarray.FromSlice([]int8{100, 100, 100}, 3))
	if r, err := Einsum("i,i->", x, x); err != nil || ndarray.At[int8](r) != 48 {
		t.Errorf("int8 wrap: %v %v", r, err)
	}
}

func TestEinsumErrors(t *testing.T) {
	var se *ndarray.ShapeError
	var be *ndarray.BroadcastError
	var ee *EinsumError
	if _, err := Einsum("ii->i", arangeI(6, 2, 3)); !errors.As(err, &se) || err.Error() != "ndarray: einsum: dimensions in single operand for collapsing index 'i' don't match (2 != 3)" {
		t.Errorf("ii on 2x3: %v", err)
	}
	if _, err := Einsum("ij,jk->ik", arangeI(6, 2, 3), arangeI(8, 4, 2)); !errors.As(err, &be) {
		t.Errorf("j mismatch: %v", err)
	}
	for _, sub := range []string{"ij", "i,j", "i->j", "i->ii", "i1", "i..", "i->i->i", "......", "i,i->i,i"} {
		if _, err := Einsum(sub, arangeI(3, 3)); !errors.As(err, &ee) {
			t.Errorf("Einsum(%q): got %v, want *EinsumError", sub, err)
		}
	}
}

func FuzzEinsumSubscripts(f *testing.F) {
	for _, s := range []string{"ij,jk->ik", "ii", "...i->...", "i,i", "->", ".", "ij->ji"} {
		f.Add(s)
	}
	a := arangeI(6, 2, 3)
	b := arangeI(12, 3, 4)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			return
		}
		_, _ = Einsum(s, a)
		_, _ = Einsum(s, a, b)
	})
}
