package ndarray

import (
	"fmt"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

// This file holds selection by integer positions and by truth values:
// Take, Put, Choose, Compress, Nonzero and ArgWhere.

// IndexMode says what Take, Put and Choose do with an index outside
// [0, n) (NumPy's mode argument).
type IndexMode uint8

// The index modes.
const (
	ModeRaise IndexMode = iota // fail; negative indices count from the end (NumPy "raise")
	ModeWrap                   // wrap around: the index modulo n (NumPy "wrap")
	ModeClip                   // clip to [0, n-1]; negative indices become 0 (NumPy "clip")
)

// String returns NumPy's name of the mode.
func (m IndexMode) String() string {
	switch m {
	case ModeRaise:
		return "raise"
	case ModeWrap:
		return "wrap"
	case ModeClip:
		return "clip"
	}
	return fmt.Sprintf("IndexMode(%d)", uint8(m))
}

// intIndices returns the elements of idx in C order as ints. Index
// arrays must be of a type that casts safely to int64 (bool, integers
// but uint64); another is a *dtype.CastError, as in NumPy.
func intIndices(op string, idx *Array) ([]int, error) {
	if idx == nil {
		return nil, &ValueError{Op: op, Msg: "nil index array"}
	}
	if !dtype.CanCast(idx.dtype, dtype.Int64, dtype.Safe) {
		return nil, &dtype.CastError{From: idx.dtype, To: dtype.Int64, Casting: dtype.Safe}
	}
	c := idx
	if idx.dtype != dtype.Int64 {
		var err error
		if c, err = idx.AsType(dtype.Int64, dtype.Safe); err != nil {
			return nil, err
		}
	}
	out := make([]int, c.size)
	if c.IsCContiguous() && c.size > 0 {
		for i, v := range unsafe.Slice((*int64)(c.base()), c.size) {
			out[i] = int(v)
		}
		return out, nil
	}
	for i, v := range Values[int64](c) {
		out[i] = int(v)
	}
	return out, nil
}

// int64Indices returns the elements of idx in C order as int64s,
// without copying when idx is already a native C-ordered int64 array:
// the result must then only be read. The type rule is intIndices's.
func int64Indices(op string, idx *Array) ([]int64, error) {
	if idx == nil {
		return nil, &ValueError{Op: op, Msg: "nil index array"}
	}
	if !dtype.CanCast(idx.dtype, dtype.Int64, dtype.Safe) {
		return nil, &dtype.CastError{From: idx.dtype, To: dtype.Int64, Casting: dtype.Safe}
	}
	c := idx
	if idx.dtype != dtype.Int64 || !idx.IsCContiguous() {
		var err error
		if c, err = idx.AsType(dtype.Int64, dtype.Safe); err != nil {
			return nil, err
		}
	}
	if c.size == 0 {
		return nil, nil
	}
	return unsafe.Slice((*int64)(c.base()), c.size), nil
}

// resolveIndices maps every index onto [0, n) under mode, in place. With
// ModeRaise an index outside [-n, n) is an *IndexError naming the axis.
func resolveIndices(idx []int, n, axis int, mode IndexMode) error {
	switch mode {
	case ModeRaise:
		for k, i := range idx {
			if i < -n || i >= n {
				return &IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", i, axis, n)}
			}
			if i < 0 {
				idx[k] = i + n
			}
		}
	case ModeWrap:
		for k, i := range idx {
			i %= n
			if i < 0 {
				i += n
			}
			idx[k] = i
		}
	case ModeClip:
		for k, i := range idx {
			idx[k] = min(max(i, 0), n-1)
		}
	default:
		return &ValueError{Op: "take", Msg: fmt.Sprintf("unknown index mode %v", mode)}
	}
	return nil
}

// Take returns the elements of a at the given positions along axis, as
// NumPy's np.take(a, indices, axis, mode=…): the result's shape is a's
// with that axis replaced by the shape of indices, and out[..., j, ...]
// is a[..., indices[j], ...]. indices must have an integer (or bool)
// type; out-of-range positions are handled by mode (ModeRaise makes them
// an *IndexError, unless the result is empty: NumPy checks them only
// while copying). The result is a new C-ordered array of a's type. A
// 0-d a counts as 1-d, as in NumPy.
func Take(a, indices *Array, axis int, mode IndexMode) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "take", Msg: "nil array"}
	}
	a = atLeast1d(a)
	axis, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	idx, err := int64Indices("take", indices)
	if err != nil {
		return nil, err
	}
	shape := make([]int, 0, a.NDim()-1+indices.NDim())
	shape = append(shape, a.Shape()[:axis]...)
	shape = append(shape, indices.Shape()...)
	shape = append(shape, a.Shape()[axis+1:]...)
	out, err := newArrayWritten(a.dtype, shape, C) // every element taken
	if err != nil {
		return nil, err
	}
	if out.size == 0 {
		// NumPy checks indices while copying: an empty result has none
		// to check.
		return out, nil
	}
	n := a.Shape()[axis]
	if n == 0 {
		return nil, &IndexError{Msg: "cannot do a non-empty take from an empty axis"}
	}
	if mode == ModeRaise {
		// Checked in place (idx may be the caller's memory); the copy
		// loops add n to negative indices themselves.
		for _, i := range idx {
			if i < int64(-n) || i >= int64(n) {
				return nil, &IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", i, axis, n)}
			}
		}
	} else {
		res := make([]int, len(idx))
		for k, i := range idx {
			res[k] = int(i)
		}
		if err := resolveIndices(res, n, axis, mode); err != nil {
			return nil, err
		}
		idx = make([]int64, len(res))
		for k, i := range res {
			idx[k] = int64(i)
		}
	}
	src := contiguous(a)
	chunk := prod(a.Shape()[axis+1:]) * a.dtype.Size()
	outer := prod(a.Shape()[:axis])
	takeChunks(out.data[:out.NBytes()], src.data[src.offset:src.offset+src.NBytes()], outer, n, chunk, idx)
	shareArena(out, src)
	return out, nil
}

// takeChunks copies, for each of outer blocks of n chunks of s, the
// chunks idx[0], idx[1], … into d. The indices lie in [-n, n).
func takeChunks(d, s []byte, outer, n, chunk int, idx []int64) {
	switch chunk {
	case 1:
		takeElems(d, s, outer, n, idx)
	case 2:
		takeElems(bytesAs[uint16](d), bytesAs[uint16](s), outer, n, idx)
	case 4:
		takeElems(bytesAs[uint32](d), bytesAs[uint32](s), outer, n, idx)
	case 8:
		takeElems(bytesAs[uint64](d), bytesAs[uint64](s), outer, n, idx)
	case 16:
		takeElems(bytesAs[[2]uint64](d), bytesAs[[2]uint64](s), outer, n, idx)
	default:
		k := 0
		for o := range outer {
			blk := s[o*n*chunk : (o+1)*n*chunk]
			for _, i := range idx {
				p := int(i)
				if p < 0 {
					p += n
				}
				copy(d[k:k+chunk], blk[p*chunk:(p+1)*chunk])
				k += chunk
			}
		}
	}
}

// takeElems is takeChunks for chunks of one element of type T.
func takeElems[T any](d, s []T, outer, n int, idx []int64) {
	m := len(idx)
	for o := range outer {
		blk := s[o*n : (o+1)*n]
		dst := d[o*m : (o+1)*m]
		for j, i := range idx {
			p := int(i)
			if p < 0 {
				p += n
			}
			dst[j] = blk[p]
		}
	}
}

// TakeFlat returns the elements of a, read in C order as a 1-d array, at
// the given positions: NumPy's np.take(a, indices) without an axis. The
// result has the shape of indices.
func TakeFlat(a, indices *Array, mode IndexMode) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "take", Msg: "nil array"}
	}
	return Take(a.Ravel(), indices, 0, mode)
}

// Put stores values into a at the given flat positions (C order), as
// NumPy's np.put(a, indices, values, mode): a.flat[indices[j]] =
// values[j % len(values)], values read in C order and converted to a's
// type with unsafe casting (NumPy's force-cast). Positions out of range
// are handled by mode; with ModeRaise they are an *IndexError and a is
// left unchanged. Empty values change nothing. a must be writeable (else
// a *ValueError); values may overlap a.
func Put(a, indices, values *Array, mode IndexMode) error {
	if a == nil || values == nil {
		return &ValueError{Op: "put", Msg: "nil array"}
	}
	if !a.IsWriteable() {
		return &ValueError{Op: "put", Msg: "assignment destination is read-only"}
	}
	idx, err := intIndices("put", indices)
	if err != nil {
		return err
	}
	// A converted copy: it also detaches values from a.
	vals, err := values.AsType(a.dtype, dtype.Unsafe)
	if err != nil {
		return err
	}
	if vals.size == 0 || len(idx) == 0 {
		return nil
	}
	n := a.size
	if n == 0 {
		return &IndexError{Msg: "cannot replace elements of an empty array"}
	}
	if err := resolveIndices(idx, n, 0, mode); err != nil {
		return err
	}
	size := a.dtype.Size()
	vb := vals.data[:vals.NBytes()]
	nv := vals.size
	for j, i := range idx {
		off := a.offset + i*size
		if !a.IsCContiguous() {
			off = a.flatOffset(i)
		}
		v := j % nv
		copy(a.data[off:off+size], vb[v*size:(v+1)*size])
	}
	return nil
}

// flatOffset returns the byte offset of the element at C-order position
// i (0 <= i < a.size).
func (a *Array) flatOffset(i int) int {
	off := a.offset
	for k := a.NDim() - 1; k >= 0; k-- {
		d := a.Shape()[k]
		off += (i % d) * a.Strides()[k]
		i /= d
	}
	return off
}

// Choose builds an array from several by picking, for every position,
// the element of choices[index[...]] at that position, as NumPy's
// np.choose(index, choices, mode): index and the choices are broadcast
// together, and the result has the promoted type of the choices
// (dtype.ResultType). index must have an integer (or bool) type; values
// outside [0, len(choices)) follow mode, with ModeRaise making them a
// *ValueError (NumPy's "invalid entry in choice array"). No choices is a
// *ValueError.
func Choose(index *Array, choices []*Array, mode IndexMode) (*Array, error) {
	if len(choices) == 0 {
		return nil, &ValueError{Op: "choose", Msg: "need at least one choice"}
	}
	if err := checkArrays("choose", choices); err != nil {
		return nil, err
	}
	if index == nil {
		return nil, &ValueError{Op: "choose", Msg: "nil index array"}
	}
	if !dtype.CanCast(index.dtype, dtype.Int64, dtype.Safe) {
		return nil, &dtype.CastError{From: index.dtype, To: dtype.Int64, Casting: dtype.Safe}
	}
	shapes := make([][]int, 0, len(choices)+1)
	shapes = append(shapes, index.Shape())
	for _, c := range choices {
		shapes = append(shapes, c.Shape())
	}
	shape, err := BroadcastShapes(shapes...)
	if err != nil {
		return nil, err
	}
	dt, err := resultType(choices)
	if err != nil {
		return nil, err
	}
	out, err := newArray(dt, shape, C)
	if err != nil {
		return nil, err
	}
	if out.size == 0 {
		return out, nil
	}
	ib, err := index.BroadcastTo(shape...)
	if err != nil {
		return nil, err
	}
	idx, err := intIndices("choose", ib)
	if err != nil {
		return nil, err
	}
	nc := len(choices)
	if mode == ModeRaise {
		for _, i := range idx {
			if i < 0 || i >= nc {
				return nil, &ValueError{Op: "choose", Msg: fmt.Sprintf("invalid entry in choice array: %d is not in [0, %d)", i, nc)}
			}
		}
	} else if err := resolveIndices(idx, nc, 0, mode); err != nil {
		return nil, err
	}
	cs := make([]*Array, nc)
	for k, c := range choices {
		if c.dtype != dt {
			if c, err = c.AsType(dt, dtype.Unsafe); err != nil {
				return nil, err
			}
		}
		if cs[k], err = c.BroadcastTo(shape...); err != nil {
			return nil, err
		}
	}
	switch dt.Size() {
	case 1:
		chooseInto[uint8](out, cs, idx)
	case 2:
		chooseInto[uint16](out, cs, idx)
	case 4:
		chooseInto[uint32](out, cs, idx)
	case 8:
		chooseInto[uint64](out, cs, idx)
	case 16:
		chooseInto[[2]uint64](out, cs, idx)
	default:
		size := dt.Size()
		for i, k := range idx {
			off := cs[k].flatOffset(i)
			copy(out.data[i*size:(i+1)*size], cs[k].data[off:off+size])
		}
	}
	return out, nil
}

// chooseInto fills the C-contiguous out (elements of type T) from the
// choices, all broadcast to out's shape: element i comes from
// choices[idx[i]]. It walks out one row (last axis) at a time, finding
// each choice's row start once per row.
func chooseInto[T any](out *Array, choices []*Array, idx []int) {
	nd := out.NDim()
	d := bytesAs[T](out.data[:out.NBytes()])
	if nd == 0 {
		c := choices[idx[0]]
		d[0] = *(*T)(c.ptr(c.offset))
		return
	}
	l := out.Shape()[nd-1]
	rows := out.size / l
	base := make([]int, len(choices))
	last := make([]int, len(choices))
	for k, c := range choices {
		base[k], last[k] = c.offset, c.Strides()[nd-1]
	}
	pos := make([]int, nd-1)
	for r := range rows {
		for j, k := range idx[r*l : (r+1)*l] {
			c := choices[k]
			d[r*l+j] = *(*T)(c.ptr(base[k] + j*last[k]))
		}
		// advance the row position and every choice's row start
		for ax := nd - 2; ax >= 0; ax-- {
			pos[ax]++
			if pos[ax] < out.Shape()[ax] {
				for k, c := range choices {
					base[k] += c.Strides()[ax]
				}
				break
			}
			for k, c := range choices {
				base[k] -= c.Strides()[ax] * (out.Shape()[ax] - 1)
			}
			pos[ax] = 0
		}
	}
}

// truthMask returns, for every element of a in C order, whether it is
// nonzero (NumPy's truth value: -0.0 is false, NaN true, a complex
// number is true when either part is). Types other than the built-in
// numeric ones are a *ValueError.
func truthMask(op string, a *Array) ([]bool, error) {
	if a.dtype.Num() == dtype.NumUser {
		return nil, &ValueError{Op: op, Msg: fmt.Sprintf("dtype %v not supported", a.dtype)}
	}
	c := a
	if !a.IsCContiguous() || !a.dtype.IsNative() {
		var err error
		if c, err = a.AsType(a.dtype.Native(), dtype.Unsafe); err != nil {
			return nil, err
		}
	}
	mask := make([]bool, c.size)
	if c.size == 0 {
		return mask, nil
	}
	b := c.data[c.offset : c.offset+c.NBytes()]
	switch c.dtype.Num() {
	case dtype.NumBool, dtype.NumInt8, dtype.NumUint8:
		truthOf(mask, b)
	case dtype.NumInt16, dtype.NumUint16:
		truthOf(mask, bytesAs[uint16](b))
	case dtype.NumFloat16: // zero whatever the sign bit
		for i, v := range bytesAs[uint16](b)[:len(mask)] {
			mask[i] = v&0x7fff != 0
		}
	case dtype.NumInt32, dtype.NumUint32:
		truthOf(mask, bytesAs[uint32](b))
	case dtype.NumInt64, dtype.NumUint64:
		truthOf(mask, bytesAs[uint64](b))
	case dtype.NumFloat32:
		truthOf(mask, bytesAs[float32](b))
	case dtype.NumFloat64:
		truthOf(mask, bytesAs[float64](b))
	case dtype.NumComplex64:
		truthOf(mask, bytesAs[complex64](b))
	case dtype.NumComplex128:
		truthOf(mask, bytesAs[complex128](b))
	}
	return mask, nil
}

// truthOf sets mask[i] to s[i] != 0 (false for -0.0, true for NaN).
func truthOf[T number](mask []bool, s []T) {
	s = s[:len(mask)]
	for i, v := range s {
		mask[i] = v != 0
	}
}

// nonzeroPositions returns the mask, the number of true elements and the
// shape to index (a 0-d array counts as 1-d, as NumPy 1.24 does).
func nonzeroPositions(op string, a *Array) ([]bool, int, []int, error) {
	if a == nil {
		return nil, 0, nil, &ValueError{Op: op, Msg: "nil array"}
	}
	mask, err := truthMask(op, a)
	if err != nil {
		return nil, 0, nil, err
	}
	count := 0
	for _, t := range mask {
		if t {
			count++
		}
	}
	return mask, count, a.Shape(), nil
}

// fillIndices writes the multi-index of every true element of mask (C
// order over shape) through put(k, axis, i): the k-th true element has
// index i along axis.
func fillIndices(mask []bool, shape []int, put func(k, axis, i int)) {
	nd := len(shape)
	if nd == 0 || len(mask) == 0 {
		return
	}
	l := shape[nd-1]
	pos := make([]int, nd-1)
	k := 0
	for r := 0; r*l < len(mask); r++ {
		for j, t := range mask[r*l : (r+1)*l] {
			if t {
				for ax, p := range pos {
					put(k, ax, p)
				}
				put(k, nd-1, j)
				k++
			}
		}
		for ax := nd - 2; ax >= 0; ax-- {
			pos[ax]++
			if pos[ax] < shape[ax] {
				break
			}
			pos[ax] = 0
		}
	}
}

// flatNonzero writes the positions of the true elements of mask into
// pos, whose length is their number. The loop has no data-dependent
// branch: it stores every position and advances only past true ones,
// stopping before the last true element so the store stays in pos.
func flatNonzero(pos []int64, mask []bool) {
	n := len(pos)
	if n == 0 {
		return
	}
	last := len(mask) - 1
	for !mask[last] {
		last--
	}
	k := 0
	for j, t := range mask[:last] {
		pos[k] = int64(j)
		k += int(b2u(t))
	}
	pos[n-1] = int64(last)
}

// Nonzero returns the positions of the nonzero elements of a, one int64
// array per dimension, as NumPy's np.nonzero(a): element k of result i
// is the i-th index of the k-th nonzero element in C order, so the
// arrays together index the nonzero elements. A 0-d array is treated as
// 1-d (one array of length 0 or 1), as NumPy 1.24 does.
func Nonzero(a *Array) ([]*Array, error) {
	mask, count, shape, err := nonzeroPositions("nonzero", a)
	if err != nil {
		return nil, err
	}
	if len(shape) == 0 {
		shape = []int{1}
	}
	outs := make([]*Array, len(shape))
	cols := make([][]int64, len(shape))
	for i := range outs {
		if outs[i], err = newArray(dtype.Int64, []int{count}, C); err != nil {
			return nil, err
		}
		cols[i] = bytesAs[int64](outs[i].data[:outs[i].NBytes()])
	}
	if len(shape) == 1 {
		flatNonzero(cols[0], mask)
		return outs, nil
	}
	fillIndices(mask, shape, func(k, axis, i int) { cols[axis][k] = int64(i) })
	return outs, nil
}

// ArgWhere returns the indices of the nonzero elements of a as an int64
// array of shape (N, a.NDim()), one row per element in C order, as
// NumPy's np.argwhere(a). For a 0-d array the shape is (1, 0) or (0, 0).
func ArgWhere(a *Array) (*Array, error) {
	mask, count, shape, err := nonzeroPositions("argwhere", a)
	if err != nil {
		return nil, err
	}
	nd := len(shape)
	out, err := newArray(dtype.Int64, []int{count, nd}, C)
	if err != nil {
		return nil, err
	}
	rows := bytesAs[int64](out.data[:out.NBytes()])
	fillIndices(mask, shape, func(k, axis, i int) { rows[k*nd+axis] = int64(i) })
	return out, nil
}

// Compress returns the positions along axis where cond is true, as
// NumPy's np.compress(cond, a, axis): cond is a 1-d array read by truth
// value (any type; a shorter cond leaves the rest out), and a true value
// past the end of the axis is an *IndexError. A cond of another
// dimension is a *ValueError. The result is a new array of a's type.
func Compress(cond, a *Array, axis int) (*Array, error) {
	if a == nil || cond == nil {
		return nil, &ValueError{Op: "compress", Msg: "nil array"}
	}
	a = atLeast1d(a)
	axis, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	if cond.NDim() != 1 {
		return nil, &ValueError{Op: "compress", Msg: fmt.Sprintf("condition must be a 1-d array, got %d dimensions", cond.NDim())}
	}
	nz, err := Nonzero(cond)
	if err != nil {
		return nil, err
	}
	return Take(a, nz[0], axis, ModeRaise)
}

// CompressFlat is Compress on a read in C order as a 1-d array: NumPy's
// np.compress(cond, a) without an axis.
func CompressFlat(cond, a *Array) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "compress", Msg: "nil array"}
	}
	return Compress(cond, a.Ravel(), 0)
}
