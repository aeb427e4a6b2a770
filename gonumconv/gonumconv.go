// Package gonumconv converts between pluribus arrays and gonum's
// matrices and []float64 slices, sharing memory whenever the layout
// allows and copying only when it does not.
//
// Which conversions share memory:
//
//   - ToDense shares a's elements when a is a writeable 2-d float64 array
//     in native byte order whose rows are contiguous (column stride 8) and
//     whose row stride is a positive multiple of 8 at least as large as a
//     row: a C-contiguous array, or a view of its leading rows and a range
//     of its columns. Otherwise it copies.
//   - FromDense always shares the matrix's memory (a gonum Dense is always
//     row-major with unit column stride).
//   - ToFloat64s shares when a is a C-contiguous float64 array in native
//     byte order (any number of dimensions, flattened); otherwise it copies.
//   - FromFloat64s always shares the slice's memory.
//
// Writes through a shared result are seen by the other side, as with any
// view.
package gonumconv

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// ErrNotFloat64 is returned (wrapped in a *dtype.CastError) when an array
// of another dtype is given; convert it with AsType first.
var ErrNotFloat64 = errors.New("gonumconv: a float64 array is required")

func checkFloat64(a *ndarray.Array) error {
	if a.DType().Native() != dtype.Float64 {
		return fmt.Errorf("%w, got %s: %w", ErrNotFloat64, a.DType(), &dtype.CastError{From: a.DType(), To: dtype.Float64, Casting: dtype.No})
	}
	return nil
}

// float64s returns the n float64 values starting at byte offset off of
// a's buffer, sharing memory. The caller checked the layout.
func float64s(a *ndarray.Array, off, n int) []float64 {
	if n == 0 {
		return nil
	}
	buf := a.Buffer()
	return unsafe.Slice((*float64)(unsafe.Pointer(&buf[off])), n)
}

// ToDense returns a 2-d float64 array as a *mat.Dense, sharing memory when
// the layout allows (see the package documentation) and copying
// otherwise. shared reports which.
func ToDense(a *ndarray.Array) (m *mat.Dense, shared bool, err error) {
	if err := checkFloat64(a); err != nil {
		return nil, false, err
	}
	if a.NDim() != 2 {
		return nil, false, &ndarray.ShapeError{Op: "to dense", Msg: fmt.Sprintf("a matrix needs 2 dimensions, got %d", a.NDim())}
	}
	r, c := a.Shape()[0], a.Shape()[1]
	if r == 0 || c == 0 {
		return nil, false, &ndarray.ShapeError{Op: "to dense", Msg: "gonum matrices cannot be empty, got shape " + ndarray.FormatShape(a.Shape())}
	}
	rs, cs := a.Strides()[0], a.Strides()[1]
	if r == 1 {
		rs = c * 8
	}
	if a.DType().IsNative() && a.IsWriteable() && (cs == 8 || c == 1) && rs > 0 && rs%8 == 0 && rs >= c*8 {
		stride := rs / 8
		data := float64s(a, a.Offset(), (r-1)*stride+c)
		var d mat.Dense
		d.SetRawMatrix(blas64.General{Rows: r, Cols: c, Stride: stride, Data: data})
		return &d, true, nil
	}
	cp, err := a.AsType(dtype.Float64, dtype.Equiv)
	if err != nil {
		return nil, false, err
	}
	return mat.NewDense(r, c, float64s(cp, cp.Offset(), r*c)), false, nil
}

// FromDense returns the matrix as a 2-d float64 array sharing its memory.
func FromDense(m *mat.Dense) (*ndarray.Array, error) {
	raw := m.RawMatrix()
	if raw.Rows == 0 || raw.Cols == 0 {
		return ndarray.Zeros(dtype.Float64, raw.Rows, raw.Cols)
	}
	n := (raw.Rows-1)*raw.Stride + raw.Cols
	buf := unsafe.Slice((*byte)(unsafe.Pointer(&raw.Data[0])), n*8)
	return ndarray.FromBuffer(dtype.Float64, buf, 0, []int{raw.Rows, raw.Cols}, []int{raw.Stride * 8, 8})
}

// ToFloat64s returns a's elements in C order as a []float64, sharing
// memory when a is C-contiguous in native byte order and copying
// otherwise. shared reports which.
func ToFloat64s(a *ndarray.Array) (s []float64, shared bool, err error) {
	if err := checkFloat64(a); err != nil {
		return nil, false, err
	}
	if a.IsCContiguous() && a.DType().IsNative() && a.IsWriteable() {
		return float64s(a, a.Offset(), a.Size()), true, nil
	}
	return ndarray.ToSlice[float64](a.CopyOrder(ndarray.C).Ravel()), false, nil
}

// FromFloat64s returns a 1-d float64 array sharing s's memory.
func FromFloat64s(s []float64) (*ndarray.Array, error) {
	if len(s) == 0 {
		return ndarray.Zeros(dtype.Float64, 0)
	}
	buf := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*8)
	return ndarray.FromBuffer(dtype.Float64, buf, 0, []int{len(s)}, nil)
}
