package ndarray_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func TestRagged(t *testing.T) {
	r, err := ndarray.RaggedFromSlices([][]int32{{1, 2}, {3, 4, 5}, {}, {6}}, 2, 2)
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := r.Datashape()
	if ds.String() != "2 * 2 * var * int32" || r.NumRows() != 4 || r.DType() != dtype.Int32 {
		t.Errorf("datashape %s rows %d", ds, r.NumRows())
	}
	if r.String() != "[[[1 2] [3 4 5]] [[] [6]]]" {
		t.Errorf("String = %s", r.String())
	}
	row, err := r.Row(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[int32](row); !slices.Equal(got, []int32{3, 4, 5}) {
		t.Errorf("Row(0, 1) = %v", got)
	}
	// a row is a view
	ndarray.Set(row, int32(40), 1)
	if v := ndarray.At[int32](r.Values(), 3); v != 40 {
		t.Errorf("writing a row did not write the values: %d", v)
	}
	var lens []int
	for _, row := range r.Rows() {
		lens = append(lens, row.Shape()[0])
	}
	if !slices.Equal(lens, []int{2, 3, 0, 1}) {
		t.Errorf("row lengths %v", lens)
	}
	if got := ndarray.ToSlice[int64](r.Lengths()); !slices.Equal(got, []int64{2, 3, 0, 1}) {
		t.Errorf("Lengths %v", got)
	}
	if n, _ := r.RowLen(1, 0); n != 0 {
		t.Errorf("RowLen(1, 0) = %d", n)
	}
	col, err := r.Slice(ndarray.Slice{}, ndarray.Int(1))
	if err != nil {
		t.Fatal(err)
	}
	if col.String() != "[[ 3 40  5] [6]]" {
		t.Errorf("r[:, 1] = %s", col)
	}
	if got := col.Offsets(); !slices.Equal(got, []int64{0, 3, 4}) {
		t.Errorf("Offsets %v", got)
	}
	cc := col.Compact()
	if got := ndarray.ToSlice[int32](cc.Values()); !slices.Equal(got, []int32{3, 40, 5, 6}) {
		t.Errorf("Compact values %v", got)
	}
	var ie *ndarray.IndexError
	if _, err := r.Row(2, 0); !errors.As(err, &ie) {
		t.Errorf("Row out of range: %v", err)
	}
	if _, err := r.Slice(ndarray.Int(0), ndarray.Int(0), ndarray.Int(0)); !errors.As(err, &ie) {
		t.Errorf("indexing into the var dimension: %v", err)
	}
	var ve *ndarray.ValueError
	v, _ := ndarray.FromSlice([]int32{1, 2})
	if _, err := ndarray.RaggedFromOffsets(v, []int64{0, 2, 1}); !errors.As(err, &ve) {
		t.Errorf("decreasing offsets: %v", err)
	}
	if _, err := ndarray.RaggedFromOffsets(v, []int64{0, 3}); !errors.As(err, &ve) {
		t.Errorf("offsets past the values: %v", err)
	}
}

func TestRaggedStrings(t *testing.T) {
	r, err := ndarray.RaggedFromStrings([][]string{{"a", "bc"}, {}, {"d"}})
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := r.Datashape()
	if ds.String() != "3 * var * string" {
		t.Errorf("datashape %s", ds)
	}
	row, _ := r.Row(0)
	if got := mustStrings(t, row); !slices.Equal(got, []string{"a", "bc"}) {
		t.Errorf("row 0 %q", got)
	}
	var ve *ndarray.ValueError
	if _, err := ndarray.RaggedFromStrings([][]string{{"\xff"}}); !errors.As(err, &ve) {
		t.Errorf("invalid UTF-8: %v", err)
	}
}
