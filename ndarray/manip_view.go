package ndarray

import (
	"fmt"
	"slices"
)

// This file holds the manipulations that rearrange elements without
// computing on them: Flip, Rot90 and Diagonal (views), Roll, Pad and
// Meshgrid (copies).

// Flip returns a view of a with the order of elements reversed along the
// given axes, or along every axis when none is given, as NumPy's np.flip.
// An axis out of range or given twice is an *AxisError. The view is
// writeable when a is.
func Flip(a *Array, axes ...int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "flip", Msg: "nil array"}
	}
	nd := a.NDim()
	flip := make([]bool, nd)
	if len(axes) == 0 {
		for i := range flip {
			flip[i] = true
		}
	}
	for _, ax := range axes {
		ax, err := NormalizeAxis(ax, nd)
		if err != nil {
			return nil, err
		}
		if flip[ax] {
			return nil, &AxisError{Axis: ax, NDim: nd, Msg: "repeated axis in flip"}
		}
		flip[ax] = true
	}
	return flipView(a, flip), nil
}

// flipView reverses a along the axes marked in flip.
func flipView(a *Array, flip []bool) *Array {
	strides := slices.Clone(a.Strides())
	off := a.offset
	for i, f := range flip {
		if !f {
			continue
		}
		if a.size > 0 {
			off += (a.Shape()[i] - 1) * a.Strides()[i]
		}
		strides[i] = -strides[i]
	}
	return a.view(off, a.Shape(), strides)
}

// Rot90 returns a view of a rotated by 90 degrees k times in the plane of
// the two axes, from the first axis towards the second, as NumPy's
// np.rot90(a, k, axes): with axes {0, 1}, k = 1 turns a matrix
// counter-clockwise. k may be negative. The axes must be different and
// within a's dimensions (else an *AxisError); a needs two dimensions.
func Rot90(a *Array, k int, axes [2]int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "rot90", Msg: "nil array"}
	}
	nd := a.NDim()
	if axes[0] == axes[1] || axes[0]-axes[1] == nd || axes[1]-axes[0] == nd {
		return nil, &AxisError{Axis: axes[1], NDim: nd, Msg: fmt.Sprintf("rot90: axes must be different, got (%d, %d) for an array of dimension %d", axes[0], axes[1], nd)}
	}
	ax0, err := NormalizeAxis(axes[0], nd)
	if err != nil {
		return nil, err
	}
	ax1, err := NormalizeAxis(axes[1], nd)
	if err != nil {
		return nil, err
	}
	flip := make([]bool, nd)
	perm := make([]int, nd)
	for i := range perm {
		perm[i] = i
	}
	perm[ax0], perm[ax1] = ax1, ax0
	switch k = ((k % 4) + 4) % 4; k {
	case 0:
		return a.view(a.offset, a.Shape(), a.Strides()), nil
	case 2:
		flip[ax0], flip[ax1] = true, true
		return flipView(a, flip), nil
	case 1:
		flip[ax1] = true
		return flipView(a, flip).Permute(perm...)
	default: // 3
		t, err := a.Permute(perm...)
		if err != nil {
			return nil, err
		}
		flip[ax1] = true
		return flipView(t, flip), nil
	}
}

// Diagonal returns a read-only view of the diagonal of a in the plane of
// axis1 and axis2, as NumPy's np.diagonal(a, offset, axis1, axis2): those
// two axes are removed and the diagonal becomes the last axis. offset > 0
// takes a diagonal above the main one (towards larger axis2 positions),
// offset < 0 one below. a needs two dimensions (else a *ValueError); the
// axes must be distinct and in range (else an *AxisError). An offset past
// the edge gives an empty diagonal.
func Diagonal(a *Array, offset, axis1, axis2 int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "diagonal", Msg: "nil array"}
	}
	nd := a.NDim()
	if nd < 2 {
		return nil, &ValueError{Op: "diagonal", Msg: fmt.Sprintf("diag requires an array of at least two dimensions, got %d", nd)}
	}
	ax1, err := NormalizeAxis(axis1, nd)
	if err != nil {
		return nil, err
	}
	ax2, err := NormalizeAxis(axis2, nd)
	if err != nil {
		return nil, err
	}
	if ax1 == ax2 {
		return nil, &AxisError{Axis: axis2, NDim: nd, Msg: "diagonal: axis1 and axis2 cannot be the same"}
	}
	n1, n2 := a.Shape()[ax1], a.Shape()[ax2]
	var n, start int
	if offset >= 0 {
		n = max(0, min(n1, n2-min(offset, n2)))
		if n > 0 {
			start = offset * a.Strides()[ax2]
		}
	} else {
		n = max(0, min(n1-min(-offset, n1), n2))
		if n > 0 {
			start = -offset * a.Strides()[ax1]
		}
	}
	shape := make([]int, 0, nd-1)
	strides := make([]int, 0, nd-1)
	for i := range nd {
		if i != ax1 && i != ax2 {
			shape = append(shape, a.Shape()[i])
			strides = append(strides, a.Strides()[i])
		}
	}
	shape = append(shape, n)
	strides = append(strides, a.Strides()[ax1]+a.Strides()[ax2])
	off := a.offset
	if a.size > 0 {
		off += start
	}
	v := a.view(off, shape, strides)
	v.flags &^= Writeable
	return v, nil
}

// Roll returns a copy of a with its elements shifted by shift positions
// along axis, those pushed past the end coming back at the start, as
// NumPy's np.roll(a, shift, axis). A negative shift rolls the other way.
func Roll(a *Array, shift, axis int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "roll", Msg: "nil array"}
	}
	axis, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	out, err := newArray(a.dtype, a.Shape(), C)
	if err != nil {
		return nil, err
	}
	n := a.Shape()[axis]
	if out.size == 0 {
		return out, nil
	}
	s := shift % n
	if s < 0 {
		s += n
	}
	blit(sliceAxis(out, axis, s, n), sliceAxis(a, axis, 0, n-s))
	blit(sliceAxis(out, axis, 0, s), sliceAxis(a, axis, n-s, n))
	return out, nil
}

// RollFlat rolls the elements of a as if it were flattened in C order,
// keeping its shape: NumPy's np.roll(a, shift) without an axis.
func RollFlat(a *Array, shift int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "roll", Msg: "nil array"}
	}
	r, err := Roll(a.Ravel(), shift, 0)
	if err != nil {
		return nil, err
	}
	return r.Reshape(a.Shape()...)
}

// PadMode says how Pad fills the new elements.
type PadMode uint8

// The padding modes.
const (
	PadConstant PadMode = iota // a constant value (NumPy mode="constant")
	PadEdge                    // the nearest edge element (NumPy mode="edge")
)

// String returns NumPy's name of the mode.
func (m PadMode) String() string {
	switch m {
	case PadConstant:
		return "constant"
	case PadEdge:
		return "edge"
	}
	return fmt.Sprintf("PadMode(%d)", uint8(m))
}

// Pad returns a copy of a grown by widths[i][0] elements before and
// widths[i][1] after along each axis i, as NumPy's np.pad(a, widths,
// mode). widths has one pair per axis, or a single pair for every axis.
// PadConstant fills the new elements with value (a Go scalar converted as
// Fill converts it; nil means zero); PadEdge repeats the edge elements
// (value is ignored) and cannot extend an empty axis. A negative width is
// a *ValueError; widths of the wrong length a *BroadcastError.
func Pad(a *Array, widths [][2]int, mode PadMode, value any) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "pad", Msg: "nil array"}
	}
	nd := a.NDim()
	if len(widths) != nd && len(widths) != 1 {
		return nil, &BroadcastError{Shapes: [][]int{{len(widths), 2}}, Target: []int{nd, 2}}
	}
	w := func(i int) [2]int {
		if len(widths) == 1 {
			return widths[0]
		}
		return widths[i]
	}
	shape := make([]int, nd)
	for i := range nd {
		p := w(i)
		if p[0] < 0 || p[1] < 0 {
			return nil, &ValueError{Op: "pad", Msg: fmt.Sprintf("pad widths can't be negative, got (%d, %d) for axis %d", p[0], p[1], i)}
		}
		n := a.Shape()[i]
		if p[0] > maxInt-n || p[1] > maxInt-n-p[0] {
			return nil, &ShapeError{Op: "pad", Msg: "the result is too large"}
		}
		shape[i] = n + p[0] + p[1]
	}
	switch mode {
	case PadConstant:
		if value != nil {
			if _, _, ok := scalarBits(value); !ok {
				return nil, unsupportedValue("pad", value)
			}
		}
	case PadEdge:
		if a.size == 0 {
			for i, n := range a.Shape() {
				if n == 0 && w(i) != [2]int{} {
					return nil, &ValueError{Op: "pad", Msg: fmt.Sprintf("can't extend empty axis %d using modes other than 'constant'", i)}
				}
			}
		}
	default:
		return nil, &ValueError{Op: "pad", Msg: fmt.Sprintf("unknown pad mode %v", mode)}
	}
	out, err := newArray(a.dtype, shape, C)
	if err != nil {
		return nil, err
	}
	if out.size == 0 {
		return out, nil
	}
	if mode == PadConstant && value != nil {
		if err := out.Fill(value); err != nil {
			return nil, err
		}
	}
	// the original area
	center := out
	for i := range nd {
		center = sliceAxis(center, i, w(i)[0], w(i)[0]+a.Shape()[i])
	}
	blit(center, a)
	if mode == PadEdge {
		// Axis by axis: the full extent of the axes already padded, the
		// original extent of those still to pad (as NumPy, so corners
		// are written once).
		for i := range nd {
			roi := out
			for j := i + 1; j < nd; j++ {
				roi = sliceAxis(roi, j, w(j)[0], w(j)[0]+a.Shape()[j])
			}
			before, after := w(i)[0], w(i)[1]
			n := a.Shape()[i]
			fillEdge(sliceAxis(roi, i, 0, before), sliceAxis(roi, i, before, before+1))
			fillEdge(sliceAxis(roi, i, before+n, before+n+after), sliceAxis(roi, i, before+n-1, before+n))
		}
	}
	return out, nil
}

// fillEdge copies the length-1 slab edge into every position of dst,
// which lies in the same array without overlapping it.
func fillEdge(dst, edge *Array) {
	if dst.size == 0 {
		return
	}
	src, err := edge.BroadcastTo(dst.Shape()...)
	if err != nil {
		panic(err) // the slab has dst's shape but for a length-1 axis
	}
	blit(dst, src)
}

// Meshgrid returns coordinate arrays for the grid spanned by the given
// 1-d coordinate vectors (other arrays are flattened), as NumPy's
// np.meshgrid(*arrays, indexing=…): with "ij" indexing output i has
// shape (n0, n1, …) and varies along axis i; with "xy" (Cartesian,
// NumPy's default) the first two axes are swapped, so for two vectors of
// lengths nx and ny the outputs have shape (ny, nx). Each output is a
// new C-ordered array of its input's type. Another indexing is a
// *ValueError.
func Meshgrid(indexing string, arrays ...*Array) ([]*Array, error) {
	if indexing != "xy" && indexing != "ij" {
		return nil, &ValueError{Op: "meshgrid", Msg: fmt.Sprintf("valid values for indexing are \"xy\" and \"ij\", got %q", indexing)}
	}
	if err := checkArrays("meshgrid", arrays); err != nil {
		return nil, err
	}
	nd := len(arrays)
	// position[i] is the output axis along which input i varies.
	position := make([]int, nd)
	for i := range position {
		position[i] = i
	}
	if indexing == "xy" && nd >= 2 {
		position[0], position[1] = 1, 0
	}
	shape := make([]int, nd)
	for i, x := range arrays {
		shape[position[i]] = x.size
	}
	outs := make([]*Array, nd)
	strides := make([]int, nd)
	for i, x := range arrays {
		flat := x.Ravel()
		clear(strides)
		strides[position[i]] = flat.Strides()[0]
		out, err := newArray(x.dtype, shape, C)
		if err != nil {
			return nil, err
		}
		if out.size > 0 {
			blit(out, flat.view(flat.offset, shape, strides))
		}
		outs[i] = out
	}
	return outs, nil
}
