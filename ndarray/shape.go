package ndarray

import (
	"fmt"
	"slices"

	"github.com/pluribus-go/pluribus/dtype"
)

// NormalizeAxis maps a possibly negative axis onto [0, ndim), or returns an
// *AxisError.
func NormalizeAxis(axis, ndim int) (int, error) {
	if axis < -ndim || axis >= ndim {
		return 0, &AxisError{Axis: axis, NDim: ndim}
	}
	if axis < 0 {
		axis += ndim
	}
	return axis, nil
}

// Reshape returns an array with the same elements in C order and a new
// shape. One dimension may be -1: it is inferred from the size. The result
// is a view when the strides allow it, and a copy otherwise.
func (a *Array) Reshape(shape ...int) (*Array, error) { return a.ReshapeOrder(C, shape...) }

// ReshapeOrder is Reshape reading and placing elements in the given index
// order: C (last index fastest) or F (first index fastest).
func (a *Array) ReshapeOrder(order Order, shape ...int) (*Array, error) {
	var buf [2 * inlineDims]int
	var newShape, strides []int
	if n := len(shape); n <= inlineDims {
		newShape, strides = buf[:n:n], buf[inlineDims:inlineDims+n]
	} else {
		b := make([]int, 2*n)
		newShape, strides = b[:n:n], b[n:]
	}
	copy(newShape, shape)
	if err := inferShape(newShape, a.size); err != nil {
		return nil, err
	}
	if reshapeStrides(strides, a.Shape(), a.Strides(), newShape, order, a.dtype.Size()) {
		return a.view(a.offset, newShape, strides), nil
	}
	// A copy laid out in the requested order makes the reshape a view of it.
	c := a.CopyOrder(order)
	reshapeStrides(strides, c.Shape(), c.Strides(), newShape, order, a.dtype.Size())
	v := newHeader(c.dtype, c.data, c.offset, newShape, strides, c.flags)
	v.ext = c.ext
	return v, nil
}

// inferShape checks shape against size, filling in one -1.
func inferShape(shape []int, size int) error {
	unknown := -1
	known := 1
	for i, d := range shape {
		switch {
		case d == -1:
			if unknown >= 0 {
				return &ShapeError{Op: "reshape", Msg: "can only specify one unknown dimension"}
			}
			unknown = i
		case d < 0:
			return &ShapeError{Op: "reshape", Msg: fmt.Sprintf("negative dimension %d in shape %s", d, FormatShape(shape))}
		default:
			n, ok := sizeOf([]int{known, d}, 1)
			if !ok {
				return &ShapeError{Op: "reshape", Msg: "shape " + FormatShape(shape) + " is too large"}
			}
			known = n
		}
	}
	if unknown >= 0 {
		if known == 0 || size%known != 0 {
			return &ShapeError{Op: "reshape", Msg: fmt.Sprintf("cannot reshape array of size %d into shape %s", size, FormatShape(shape))}
		}
		shape[unknown] = size / known
	} else if known != size {
		return &ShapeError{Op: "reshape", Msg: fmt.Sprintf("cannot reshape array of size %d into shape %s", size, FormatShape(shape))}
	}
	return nil
}

// reshapeStrides finds strides (written to out) that lay newShape over the
// same memory as (shape, strides) in the given index order, as NumPy's
// _attempt_nocopy_reshape. It reports false when no such strides exist.
func reshapeStrides(out, shape, strides, newShape []int, order Order, itemsize int) bool {
	size := 1
	for _, d := range newShape {
		size *= d
	}
	if size == 0 || len(shape) == 0 {
		if order == F {
			fStrides(out, newShape, itemsize)
		} else {
			cStrides(out, newShape, itemsize)
		}
		return true
	}
	// drop length-1 dimensions of the old layout
	var sbuf [2 * inlineDims]int
	var os, ost []int
	if len(shape) <= inlineDims {
		os, ost = sbuf[:0:inlineDims], sbuf[inlineDims:inlineDims]
	}
	for i, d := range shape {
		if d != 1 {
			os = append(os, d)
			ost = append(ost, strides[i])
		}
	}
	ni, nj := len(os), len(newShape)
	oi, oj := 0, 0
	for oi < ni && oj < nj {
		np, op := newShape[oj], os[oi]
		nj0, oi0 := oj, oi
		for np != op {
			if np < op {
				oj++
				if oj >= nj {
					return false
				}
				np *= newShape[oj]
			} else {
				oi++
				if oi >= ni {
					return false
				}
				op *= os[oi]
			}
		}
		// the old axes oi0..oi must be contiguous with each other
		for k := oi0; k < oi; k++ {
			if order == F {
				if ost[k+1] != os[k]*ost[k] {
					return false
				}
			} else if ost[k] != os[k+1]*ost[k+1] {
				return false
			}
		}
		if order == F {
			out[nj0] = ost[oi0]
			for k := nj0 + 1; k <= oj; k++ {
				out[k] = out[k-1] * newShape[k-1]
			}
		} else {
			out[oj] = ost[oi]
			for k := oj; k > nj0; k-- {
				out[k-1] = out[k] * newShape[k]
			}
		}
		oi++
		oj++
	}
	// trailing length-1 dimensions of the new shape
	last := itemsize
	if oj > 0 {
		last = out[oj-1]
		if order == C {
			last *= newShape[oj-1]
		}
	}
	for ; oj < nj; oj++ {
		out[oj] = last
	}
	return true
}

// Transpose returns a view with the axes reversed.
func (a *Array) Transpose() *Array {
	n := a.NDim()
	var pbuf [inlineDims]int
	perm := pbuf[:0]
	for i := n - 1; i >= 0; i-- {
		perm = append(perm, i)
	}
	v, _ := a.Permute(perm...)
	return v
}

// T is Transpose, as NumPy's a.T.
func (a *Array) T() *Array { return a.Transpose() }

// Permute returns a view whose axis i is a's axis axes[i]; axes is a
// permutation of 0…ndim-1 (negative values count from the end).
func (a *Array) Permute(axes ...int) (*Array, error) {
	n := a.NDim()
	if len(axes) != n {
		return nil, &AxisError{Axis: len(axes), NDim: n, Msg: fmt.Sprintf("axes don't match array: %d axes for an array of dimension %d", len(axes), n)}
	}
	var buf [3 * inlineDims]int
	var shape, strides, seen []int
	if n <= inlineDims {
		shape, strides, seen = buf[:n], buf[inlineDims:inlineDims+n], buf[2*inlineDims:2*inlineDims+n]
	} else {
		b := make([]int, 3*n)
		shape, strides, seen = b[:n], b[n:2*n], b[2*n:]
	}
	for i, ax := range axes {
		ax, err := NormalizeAxis(ax, n)
		if err != nil {
			return nil, err
		}
		if seen[ax] != 0 {
			return nil, &AxisError{Axis: ax, NDim: n, Msg: "repeated axis in transpose"}
		}
		seen[ax] = 1
		shape[i], strides[i] = a.Shape()[ax], a.Strides()[ax]
	}
	return a.view(a.offset, shape, strides), nil
}

// SwapAxes returns a view with axes i and j exchanged.
func (a *Array) SwapAxes(i, j int) (*Array, error) {
	n := a.NDim()
	i, err := NormalizeAxis(i, n)
	if err != nil {
		return nil, err
	}
	j, err = NormalizeAxis(j, n)
	if err != nil {
		return nil, err
	}
	v := a.view(a.offset, a.Shape(), a.Strides())
	v.Shape()[i], v.Shape()[j] = v.Shape()[j], v.Shape()[i]
	v.Strides()[i], v.Strides()[j] = v.Strides()[j], v.Strides()[i]
	v.flags = v.flags&^(CContiguous|FContiguous) | layoutFlags(v.Shape(), v.Strides(), v.dtype.Size())
	return v, nil
}

// MoveAxis returns a view with axis src moved to position dst, the other
// axes keeping their order.
func (a *Array) MoveAxis(src, dst int) (*Array, error) {
	n := a.NDim()
	src, err := NormalizeAxis(src, n)
	if err != nil {
		return nil, err
	}
	dst, err = NormalizeAxis(dst, n)
	if err != nil {
		return nil, err
	}
	perm := make([]int, 0, n)
	for i := range n {
		if i != src {
			perm = append(perm, i)
		}
	}
	perm = slices.Insert(perm, dst, src)
	return a.Permute(perm...)
}

// Squeeze returns a view without the given length-1 axes, or without every
// length-1 axis when none is given. Squeezing an axis whose length is not
// 1 is a *ShapeError.
func (a *Array) Squeeze(axes ...int) (*Array, error) {
	n := a.NDim()
	var dbuf [2 * inlineDims]bool
	drop := dbuf[:0]
	if n <= len(dbuf) {
		drop = dbuf[:n]
	} else {
		drop = make([]bool, n)
	}
	if len(axes) == 0 {
		for i, d := range a.Shape() {
			drop[i] = d == 1
		}
	}
	for _, ax := range axes {
		ax, err := NormalizeAxis(ax, n)
		if err != nil {
			return nil, err
		}
		if drop[ax] {
			return nil, &AxisError{Axis: ax, NDim: n, Msg: "repeated axis in squeeze"}
		}
		if a.Shape()[ax] != 1 {
			return nil, &ShapeError{Op: "squeeze", Msg: fmt.Sprintf("cannot select an axis to squeeze out which has size not equal to one (axis %d has size %d)", ax, a.Shape()[ax])}
		}
		drop[ax] = true
	}
	var sbuf [4 * inlineDims]int
	var shape, strides []int
	if n <= 2*inlineDims {
		shape, strides = sbuf[:0:2*inlineDims], sbuf[2*inlineDims:2*inlineDims]
	} else {
		shape, strides = make([]int, 0, n), make([]int, 0, n)
	}
	for i := range n {
		if !drop[i] {
			shape = append(shape, a.Shape()[i])
			strides = append(strides, a.Strides()[i])
		}
	}
	return a.view(a.offset, shape, strides), nil
}

// ExpandDims returns a view with new length-1 axes at the given positions
// of the result (negative positions count from the end of the result).
func (a *Array) ExpandDims(axes ...int) (*Array, error) {
	n := a.NDim() + len(axes)
	var nbuf [2 * inlineDims]bool
	isNew := nbuf[:0]
	if n <= len(nbuf) {
		isNew = nbuf[:n]
	} else {
		isNew = make([]bool, n)
	}
	for _, ax := range axes {
		ax, err := NormalizeAxis(ax, n)
		if err != nil {
			return nil, err
		}
		if isNew[ax] {
			return nil, &AxisError{Axis: ax, NDim: n, Msg: "repeated axis in expand_dims"}
		}
		isNew[ax] = true
	}
	var sbuf [4 * inlineDims]int
	var shape, strides []int
	if n <= 2*inlineDims {
		shape, strides = sbuf[:n], sbuf[2*inlineDims:2*inlineDims+n]
	} else {
		shape, strides = make([]int, n), make([]int, n)
	}
	j := 0
	for i := range n {
		if isNew[i] {
			shape[i] = 1
			strides[i] = 0
			continue
		}
		shape[i], strides[i] = a.Shape()[j], a.Strides()[j]
		j++
	}
	return a.view(a.offset, shape, strides), nil
}

// BroadcastShapes returns the shape that arrays of the given shapes
// broadcast to, with NumPy's rules, or a *BroadcastError.
func BroadcastShapes(shapes ...[]int) ([]int, error) {
	n := 0
	for _, s := range shapes {
		n = max(n, len(s))
	}
	out := make([]int, n)
	for i := range out {
		out[i] = 1
	}
	for _, s := range shapes {
		for i, d := range s {
			k := n - len(s) + i
			switch {
			case d < 0:
				return nil, &ShapeError{Op: "broadcast", Msg: "negative dimension in shape " + FormatShape(s)}
			case out[k] == d || d == 1:
			case out[k] == 1:
				out[k] = d
			default:
				return nil, &BroadcastError{Shapes: shapes}
			}
		}
	}
	return out, nil
}

// BroadcastTo returns a read-only view of a with the given shape, repeating
// elements along broadcast dimensions with stride 0 (nothing is copied).
func (a *Array) BroadcastTo(shape ...int) (*Array, error) {
	if slices.Equal(shape, a.Shape()) {
		return a.view(a.offset, a.Shape(), a.Strides()), nil
	}
	n := len(shape)
	if a.NDim() > n {
		return nil, &BroadcastError{Shapes: [][]int{slices.Clone(a.Shape())}, Target: slices.Clone(shape)}
	}
	if _, ok := sizeOf(shape, 1); !ok {
		return nil, &ShapeError{Op: "broadcast_to", Msg: "invalid shape " + FormatShape(shape)}
	}
	var sbuf [inlineDims]int
	strides := sbuf[:0]
	if n <= inlineDims {
		strides = sbuf[:n]
	} else {
		strides = make([]int, n)
	}
	lead := n - a.NDim()
	for i := range n {
		if i < lead {
			continue
		}
		d := a.Shape()[i-lead]
		switch {
		case d == shape[i]:
			strides[i] = a.Strides()[i-lead]
		case d == 1:
			strides[i] = 0
		default:
			return nil, &BroadcastError{Shapes: [][]int{slices.Clone(a.Shape())}, Target: slices.Clone(shape)}
		}
	}
	v := a.view(a.offset, shape, strides)
	v.flags &^= Writeable
	return v, nil
}

// Ravel returns the elements as a 1-d array in C order: a view when a is
// C-contiguous, a copy otherwise.
func (a *Array) Ravel() *Array { return a.RavelOrder(C) }

// RavelOrder returns the elements as a 1-d array read in the given index
// order: a view when the layout allows it, a copy otherwise.
func (a *Array) RavelOrder(order Order) *Array {
	v, err := a.ReshapeOrder(order, a.size)
	if err != nil {
		panic(err) // a 1-d shape of the same size always fits
	}
	return v
}

// Flatten returns a copy of the elements as a 1-d array in C order.
func (a *Array) Flatten() *Array { return a.FlattenOrder(C) }

// FlattenOrder returns a copy of the elements as a 1-d array read in the
// given index order.
func (a *Array) FlattenOrder(order Order) *Array {
	c := a.CopyOrder(order)
	v := newHeader(c.dtype, c.data, 0, []int{c.size}, []int{c.dtype.Size()}, c.flags)
	v.ext = c.ext
	return v
}

// Real returns a view of the real parts of a complex array, or a itself
// (as a view) for a real array.
func (a *Array) Real() *Array {
	part, ok := complexPart(a.dtype)
	if !ok {
		return a.view(a.offset, a.Shape(), a.Strides())
	}
	return newHeader(part, a.data, a.offset, a.Shape(), a.Strides(), a.flags&Writeable)
}

// Imag returns a view of the imaginary parts of a complex array. For a
// real array it returns a new read-only array of zeros, as NumPy does.
func (a *Array) Imag() *Array {
	part, ok := complexPart(a.dtype)
	if !ok {
		z, _ := newArray(a.dtype, a.Shape(), C)
		z.flags &^= Writeable
		return z
	}
	off := a.offset
	if a.size > 0 {
		off += part.Size()
	}
	return newHeader(part, a.data, off, a.Shape(), a.Strides(), a.flags&Writeable)
}

func complexPart(d dtype.DType) (dtype.DType, bool) {
	switch d.Native() {
	case dtype.Complex64:
		return dtype.Float32.WithByteOrder(d.ByteOrder()), true
	case dtype.Complex128:
		return dtype.Float64.WithByteOrder(d.ByteOrder()), true
	}
	return d, false
}
