package ndarray

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/pluribus-go/pluribus/datashape"
	"github.com/pluribus-go/pluribus/dtype"
)

// Ragged is an array with one variable-length dimension, the datashape
// `3 * var * int32`: fixed outer dimensions, then a var dimension whose
// length differs from row to row, then fixed inner dimensions.
//
// It is stored Arrow-style: the rows' elements lie one after another in a
// values array of shape (total, inner...), and two int64 arrays of the
// outer shape give where each row starts and stops in it (for a ragged
// array built from rows, stops[i] == starts[i+1], the offsets of Arrow's
// list layout). Slicing the outer dimensions slices those two arrays, so
// it is a view, and so is a row.
type Ragged struct {
	starts, stops *Array // int64, the outer shape
	values        *Array // (total, inner...)
}

// NewRagged returns a ragged array of element type dt with the given
// outer and inner fixed dimensions and every row empty.
func NewRagged(dt dtype.DType, outer, inner []int) (*Ragged, error) {
	starts, err := newArray(dtype.Int64, outer, C)
	if err != nil {
		return nil, err
	}
	values, err := newArray(dt, append([]int{0}, inner...), C)
	if err != nil {
		return nil, err
	}
	return &Ragged{starts: starts, stops: starts.Copy(), values: values}, nil
}

// RaggedFromOffsets makes a ragged array over values (shape (total,
// inner...)) whose row i holds values[offsets[i]:offsets[i+1]], with the
// given outer shape (1-d of len(offsets)-1 rows when none). Offsets must
// start at 0 or more, never decrease and end within values (else a
// *ValueError); the array shares values.
func RaggedFromOffsets(values *Array, offsets []int64, outer ...int) (*Ragged, error) {
	if values == nil || values.NDim() == 0 {
		return nil, &ValueError{Op: "ragged", Msg: "values must have at least one dimension"}
	}
	if len(offsets) == 0 {
		return nil, &ValueError{Op: "ragged", Msg: "offsets must hold at least one entry"}
	}
	rows := len(offsets) - 1
	if len(outer) == 0 {
		outer = []int{rows}
	}
	if n, ok := sizeOf(outer, 8); !ok || n != rows {
		return nil, &ShapeError{Op: "ragged", Msg: "outer shape " + FormatShape(outer) + " does not hold " + strconv.Itoa(rows) + " rows"}
	}
	if offsets[0] < 0 {
		return nil, &ValueError{Op: "ragged", Msg: "offsets must not be negative"}
	}
	for i := 1; i < len(offsets); i++ {
		if offsets[i] < offsets[i-1] {
			return nil, &ValueError{Op: "ragged", Msg: fmt.Sprintf("offsets decrease at %d", i)}
		}
	}
	if offsets[rows] > int64(values.Shape()[0]) {
		return nil, &ValueError{Op: "ragged", Msg: fmt.Sprintf("offsets end at %d beyond the %d values", offsets[rows], values.Shape()[0])}
	}
	off, err := FromSlice(offsets)
	if err != nil {
		return nil, err
	}
	starts, _ := sliceAxis(off, 0, 0, rows).Reshape(outer...)
	stops, _ := sliceAxis(off, 0, 1, rows+1).Reshape(outer...)
	return &Ragged{starts: starts, stops: stops, values: values}, nil
}

// RaggedFromSlices returns a ragged array of type var * dtype.Of[T]()
// holding rows, laid out in C order over the given outer shape (1-d of
// len(rows) when none): RaggedFromSlices([][]int32{{1, 2}, {3}, {}})
// is the datashape `3 * var * int32`.
func RaggedFromSlices[T dtype.Element](rows [][]T, outer ...int) (*Ragged, error) {
	flat, offsets := flattenRows(rows)
	values, err := FromSlice(flat)
	if err != nil {
		return nil, err
	}
	return RaggedFromOffsets(values, offsets, outer...)
}

// RaggedFromStrings is RaggedFromSlices for rows of variable-length
// strings (`var * string`). Text that is not UTF-8 is a *ValueError.
func RaggedFromStrings(rows [][]string, outer ...int) (*Ragged, error) {
	flat, offsets := flattenRows(rows)
	values, err := FromStrings(flat)
	if err != nil {
		return nil, err
	}
	return RaggedFromOffsets(values, offsets, outer...)
}

// flattenRows returns the rows one after another and the offsets where
// each starts, with the end of the last one after them.
func flattenRows[T any](rows [][]T) ([]T, []int64) {
	offsets := make([]int64, len(rows)+1)
	var flat []T
	for i, r := range rows {
		flat = append(flat, r...)
		offsets[i+1] = int64(len(flat))
	}
	return flat, offsets
}

// DType returns the element type.
func (r *Ragged) DType() dtype.DType { return r.values.dtype }

// Outer returns the fixed dimensions before the var dimension.
func (r *Ragged) Outer() []int { return r.starts.Shape() }

// Inner returns the fixed dimensions after the var dimension.
func (r *Ragged) Inner() []int { return r.values.Shape()[1:] }

// NumRows returns the number of rows (the product of the outer
// dimensions).
func (r *Ragged) NumRows() int { return r.starts.size }

// Values returns the array holding the elements of every row (shape
// (total, inner...)); a view of a ragged array may use only part of it.
func (r *Ragged) Values() *Array { return r.values }

// Bounds returns the int64 arrays (of the outer shape) giving where each
// row starts and stops in Values.
func (r *Ragged) Bounds() (starts, stops *Array) { return r.starts, r.stops }

// Datashape returns the ragged array's type: outer dimensions, var, inner
// dimensions and the element type (`3 * var * int32`).
func (r *Ragged) Datashape() (*datashape.DataShape, error) {
	m, err := MeasureOf(r.values.dtype)
	if err != nil {
		return nil, err
	}
	var dims []datashape.Dim
	for _, d := range r.Outer() {
		dims = append(dims, datashape.Fixed(d))
	}
	dims = append(dims, datashape.Var{})
	for _, d := range r.Inner() {
		dims = append(dims, datashape.Fixed(d))
	}
	return datashape.New(m, dims...), nil
}

// bounds returns the start and stop of the row at byte offsets so, eo of
// the starts and stops arrays.
func (r *Ragged) bounds(so, eo int) (int, int) {
	return int(load[int64](r.starts, so)), int(load[int64](r.stops, eo))
}

// rowAt returns the row whose bounds are at byte offsets so, eo.
func (r *Ragged) rowAt(so, eo int) *Array {
	s, e := r.bounds(so, eo)
	return sliceAxis(r.values, 0, s, e)
}

// Row returns the row at the outer index idx as an array of shape (n,
// inner...), a view of the ragged array's values. An index that does not
// address a row is an *IndexError.
func (r *Ragged) Row(idx ...int) (*Array, error) {
	so, err := r.starts.offsetOf(idx)
	if err != nil {
		return nil, err
	}
	eo, _ := r.stops.offsetOf(idx)
	return r.rowAt(so, eo), nil
}

// RowLen returns the length of the row at the outer index idx.
func (r *Ragged) RowLen(idx ...int) (int, error) {
	so, err := r.starts.offsetOf(idx)
	if err != nil {
		return 0, err
	}
	eo, _ := r.stops.offsetOf(idx)
	s, e := r.bounds(so, eo)
	return e - s, nil
}

// Rows returns an iterator over the rows in C order of the outer
// dimensions, yielding each row's flat position and the row (a view).
func (r *Ragged) Rows() iter.Seq2[int, *Array] {
	return func(yield func(int, *Array) bool) {
		eoffs := make([]int, 0, r.stops.size)
		r.stops.forEachOffset(func(_, off int) bool { eoffs = append(eoffs, off); return true })
		r.starts.forEachOffset(func(i, so int) bool { return yield(i, r.rowAt(so, eoffs[i])) })
	}
}

// Lengths returns the row lengths as an int64 array of the outer shape.
func (r *Ragged) Lengths() *Array {
	out, _ := newArray(dtype.Int64, r.starts.Shape(), C)
	k := 0
	for _, row := range r.Rows() {
		store(out, out.offset+8*k, int64(row.Shape()[0]))
		k++
	}
	return out
}

// Slice indexes the outer dimensions as Array.Slice does and returns the
// ragged view it selects: slices keep a dimension, integers drop it. The
// items may not reach the var dimension (an *IndexError); use Row to
// take one row.
func (r *Ragged) Slice(items ...Index) (*Ragged, error) {
	for _, it := range items {
		if _, ok := it.(newAxis); ok {
			return nil, &IndexError{Msg: "a new axis is not supported on a ragged array"}
		}
	}
	s, err := r.starts.Slice(items...)
	if err != nil {
		return nil, err
	}
	e, err := r.stops.Slice(items...)
	if err != nil {
		return nil, err
	}
	return &Ragged{starts: s, stops: e, values: r.values}, nil
}

// Compact returns a ragged array whose rows lie one after another in a
// new values array, with Arrow offsets (stops[i] == starts[i+1]).
func (r *Ragged) Compact() *Ragged {
	parts := make([]*Array, 0, r.NumRows())
	offsets := make([]int64, 1, r.NumRows()+1)
	total := int64(0)
	for _, row := range r.Rows() {
		parts = append(parts, row)
		total += int64(row.Shape()[0])
		offsets = append(offsets, total)
	}
	var values *Array
	if len(parts) == 0 {
		values, _ = newArray(r.values.dtype, append([]int{0}, r.Inner()...), C)
	} else {
		values, _ = Concatenate(parts, 0)
	}
	out, _ := RaggedFromOffsets(values, offsets, slices.Clone(r.Outer())...)
	return out
}

// Offsets returns the row offsets of the compacted array in C order of
// the outer dimensions: row i is values[offsets[i]:offsets[i+1]] of
// Compact().Values(). It is Arrow's list offsets buffer.
func (r *Ragged) Offsets() []int64 {
	offsets := make([]int64, 1, r.NumRows()+1)
	for _, row := range r.Rows() {
		offsets = append(offsets, offsets[len(offsets)-1]+int64(row.Shape()[0]))
	}
	return offsets
}

// String prints the rows nested in the outer dimensions:
// [[1 2] [3] []].
func (r *Ragged) String() string {
	rows := make([]string, 0, r.NumRows())
	for _, row := range r.Rows() {
		rows = append(rows, strings.ReplaceAll(row.str(), "\n", " "))
	}
	var b strings.Builder
	var rec func(dim int, start, n int)
	outer := r.Outer()
	rec = func(dim, start, n int) {
		if dim == len(outer) {
			b.WriteString(rows[start])
			return
		}
		b.WriteByte('[')
		step := n / max(outer[dim], 1)
		for i := range outer[dim] {
			if i > 0 {
				b.WriteByte(' ')
			}
			rec(dim+1, start+i*step, step)
		}
		b.WriteByte(']')
	}
	rec(0, 0, len(rows))
	return b.String()
}
