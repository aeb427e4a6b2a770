package ndarray

import (
	"fmt"
	"slices"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/strided"
)

// This file holds the joining and splitting manipulations (NumPy's
// concatenate, stack, split, tile, repeat) and blit, the raw copy they
// share.

// blit copies src's elements into dst unchanged. The two have the same
// shape and element type and do not overlap.
func blit(dst, src *Array) {
	if dst.size == 0 {
		return
	}
	if src.ext != nil {
		blitStrings(dst, src)
		return
	}
	strided.Copy(dst.Shape(), dst.base(), dst.Strides(), src.base(), src.Strides(), dst.dtype.Size())
}

// assign copies src into dst (same shape, no overlap), converting the
// element type when it differs (the caller has checked the casting rule).
func assign(dst, src *Array) error {
	if dst.dtype == src.dtype {
		blit(dst, src)
		return nil
	}
	return copyInto(dst, src)
}

// contiguous returns a when it is C-contiguous, else a C-ordered copy.
func contiguous(a *Array) *Array {
	if a.IsCContiguous() {
		return a
	}
	return a.Copy()
}

// prod returns the product of the dimensions (1 for none). The caller
// knows it fits in int (the dimensions belong to a valid array).
func prod(dims []int) int {
	n := 1
	for _, d := range dims {
		n *= d
	}
	return n
}

// sliceAxis returns the view of a taking positions [start, stop) of the
// given axis, with 0 <= start <= stop <= a.Shape()[axis].
func sliceAxis(a *Array, axis, start, stop int) *Array {
	v := a.view(a.offset, a.Shape(), a.Strides())
	v.Shape()[axis] = stop - start
	if stop > start {
		v.offset += start * a.Strides()[axis]
	}
	v.size = prod(v.Shape())
	v.flags = v.flags&^(CContiguous|FContiguous) | layoutFlags(v.Shape(), v.Strides(), v.dtype.Size())
	return v
}

// checkArrays rejects a nil array in a list.
func checkArrays(op string, arrays []*Array) error {
	for i, a := range arrays {
		if a == nil {
			return &ValueError{Op: op, Msg: fmt.Sprintf("array at index %d is nil", i)}
		}
	}
	return nil
}

// Concatenate joins arrays along an existing axis, as NumPy's
// np.concatenate(arrays, axis). The arrays must have the same number of
// dimensions and the same length on every other axis (else a
// *ShapeError); 0-d arrays cannot be concatenated (a *ShapeError: use
// ConcatenateFlat or Stack). The result has the type dtype.ResultType
// gives for the arrays' types (NumPy's promotion: int8 with uint8 gives
// int16) and is a new C-ordered array. A negative axis counts from the
// end; an axis out of range is an *AxisError, an empty list a *ValueError.
//
// Inputs already in the result type are copied one contiguous run at a
// time: joining C-ordered arrays along axis 0 is one memmove per input.
func Concatenate(arrays []*Array, axis int) (*Array, error) {
	if len(arrays) == 0 {
		return nil, &ValueError{Op: "concatenate", Msg: "need at least one array to concatenate"}
	}
	if err := checkArrays("concatenate", arrays); err != nil {
		return nil, err
	}
	first := arrays[0]
	nd := first.NDim()
	if nd == 0 {
		return nil, &ShapeError{Op: "concatenate", Msg: "zero-dimensional arrays cannot be concatenated"}
	}
	axis, err := NormalizeAxis(axis, nd)
	if err != nil {
		return nil, err
	}
	shape := slices.Clone(first.Shape())
	total := 0
	for i, a := range arrays {
		if a.NDim() != nd {
			return nil, &ShapeError{Op: "concatenate", Msg: fmt.Sprintf("all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)", nd, i, a.NDim())}
		}
		for k, d := range a.Shape() {
			if k != axis && d != shape[k] {
				return nil, &ShapeError{Op: "concatenate", Msg: fmt.Sprintf("all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %d and the array at index %d has size %d", k, shape[k], i, d)}
			}
		}
		if total > maxInt-a.Shape()[axis] {
			return nil, &ShapeError{Op: "concatenate", Msg: "the result is too large"}
		}
		total += a.Shape()[axis]
	}
	shape[axis] = total
	dt, err := resultType(arrays)
	if err != nil {
		return nil, err
	}
	out, err := newArrayWritten(dt, shape, C) // every part assigned
	if err != nil {
		return nil, err
	}
	pos := 0
	for _, a := range arrays {
		n := a.Shape()[axis]
		if err := assign(sliceAxis(out, axis, pos, pos+n), a); err != nil {
			return nil, err
		}
		pos += n
	}
	return out, nil
}

// atLeast1d returns a 0-d array as a 1-d view of its element, and other
// arrays unchanged (NumPy's PyArray_CheckAxis does the same for take,
// repeat and compress).
func atLeast1d(a *Array) *Array {
	if a.NDim() == 0 {
		return a.Ravel()
	}
	return a
}

// resultType is dtype.ResultType of the arrays' types.
func resultType(arrays []*Array) (dtype.DType, error) {
	var buf [8]dtype.DType
	dts := buf[:0]
	for _, a := range arrays {
		dts = append(dts, a.dtype)
	}
	return dtype.ResultType(dts...)
}

// ConcatenateFlat joins the elements of the arrays, each read in C order,
// into one 1-d array: NumPy's np.concatenate(arrays, axis=None). 0-d
// arrays are allowed and count as one element.
func ConcatenateFlat(arrays []*Array) (*Array, error) {
	if err := checkArrays("concatenate", arrays); err != nil {
		return nil, err
	}
	flat := make([]*Array, len(arrays))
	for i, a := range arrays {
		flat[i] = a.Ravel()
	}
	return Concatenate(flat, 0)
}

// Stack joins arrays of the same shape along a new axis, as NumPy's
// np.stack(arrays, axis): the result has one more dimension than the
// inputs, and axis (negative counts from the end) indexes the result's
// dimensions. Arrays of different shapes are a *ShapeError; the result
// type is promoted as in Concatenate.
func Stack(arrays []*Array, axis int) (*Array, error) {
	if len(arrays) == 0 {
		return nil, &ValueError{Op: "stack", Msg: "need at least one array to stack"}
	}
	if err := checkArrays("stack", arrays); err != nil {
		return nil, err
	}
	for _, a := range arrays[1:] {
		if !slices.Equal(a.Shape(), arrays[0].Shape()) {
			return nil, &ShapeError{Op: "stack", Msg: "all input arrays must have the same shape"}
		}
	}
	axis, err := NormalizeAxis(axis, arrays[0].NDim()+1)
	if err != nil {
		return nil, err
	}
	expanded := make([]*Array, len(arrays))
	for i, a := range arrays {
		if expanded[i], err = a.ExpandDims(axis); err != nil {
			return nil, err
		}
	}
	return Concatenate(expanded, axis)
}

// atLeast returns a view of a with at least n dimensions, placed as
// NumPy's atleast_1d/2d/3d place them: a 0-d array becomes all ones, a
// 1-d array of length k becomes (1, k) or (1, k, 1), a 2-d array (m, k)
// becomes (m, k, 1).
func atLeast(a *Array, n int) *Array {
	nd := a.NDim()
	if nd >= n {
		return a
	}
	var axes []int
	switch {
	case nd == 0:
		axes = []int{0, 1, 2}[:n]
	case nd == 1 && n == 2:
		axes = []int{0}
	case nd == 1:
		axes = []int{0, 2}
	default: // 2-d to 3-d
		axes = []int{2}
	}
	v, err := a.ExpandDims(axes...)
	if err != nil {
		panic(err) // the axes are in range by construction
	}
	return v
}

// HStack joins arrays horizontally, as NumPy's np.hstack: along axis 0
// for 1-d arrays (0-d arrays count as 1-d), along axis 1 otherwise.
func HStack(arrays []*Array) (*Array, error) {
	if err := checkArrays("hstack", arrays); err != nil {
		return nil, err
	}
	vs := make([]*Array, len(arrays))
	for i, a := range arrays {
		vs[i] = atLeast(a, 1)
	}
	if len(vs) > 0 && vs[0].NDim() == 1 {
		return Concatenate(vs, 0)
	}
	return Concatenate(vs, 1)
}

// VStack joins arrays vertically (along axis 0) after making each at
// least 2-d, as NumPy's np.vstack: a 1-d array of length k is a row
// (1, k).
func VStack(arrays []*Array) (*Array, error) {
	if err := checkArrays("vstack", arrays); err != nil {
		return nil, err
	}
	vs := make([]*Array, len(arrays))
	for i, a := range arrays {
		vs[i] = atLeast(a, 2)
	}
	return Concatenate(vs, 0)
}

// DStack joins arrays in depth (along axis 2) after making each at least
// 3-d, as NumPy's np.dstack: (k,) becomes (1, k, 1) and (m, k) becomes
// (m, k, 1).
func DStack(arrays []*Array) (*Array, error) {
	if err := checkArrays("dstack", arrays); err != nil {
		return nil, err
	}
	vs := make([]*Array, len(arrays))
	for i, a := range arrays {
		vs[i] = atLeast(a, 3)
	}
	return Concatenate(vs, 2)
}

// splitAxis normalizes the axis of a split. NumPy indexes a.Shape() with
// it, so an axis out of range is an *AxisError here too.
func splitAxis(a *Array, axis int) (int, error) {
	if a == nil {
		return 0, &ValueError{Op: "split", Msg: "nil array"}
	}
	return NormalizeAxis(axis, a.NDim())
}

// splitViews cuts a along axis at the division points, which follow
// Python's slice rules: a negative point counts from the end, points are
// clipped to [0, n], and a piece whose start lies after its end is
// empty.
func splitViews(a *Array, axis int, points []int) []*Array {
	n := a.Shape()[axis]
	clip := func(i int) int {
		if i < 0 {
			i += n
		}
		return min(max(i, 0), n)
	}
	out := make([]*Array, len(points)+1)
	start := 0
	for i := range out {
		stop := n
		if i < len(points) {
			stop = clip(points[i])
		}
		if stop < start {
			out[i] = sliceAxis(a, axis, start, start)
		} else {
			out[i] = sliceAxis(a, axis, start, stop)
		}
		if i < len(points) {
			start = stop
		}
	}
	return out
}

// Split cuts a into sections views of equal length along axis, as NumPy's
// np.split(a, sections, axis). When the axis length is not a multiple of
// sections the result is a *ShapeError (see ArraySplit); sections must be
// positive (a *ValueError). The pieces are views of a.
func Split(a *Array, sections, axis int) ([]*Array, error) {
	axis, err := splitAxis(a, axis)
	if err != nil {
		return nil, err
	}
	if sections <= 0 {
		return nil, &ValueError{Op: "split", Msg: fmt.Sprintf("number of sections must be larger than 0, got %d", sections)}
	}
	if a.Shape()[axis]%sections != 0 {
		return nil, &ShapeError{Op: "split", Msg: fmt.Sprintf("array split does not result in an equal division: %d elements into %d sections", a.Shape()[axis], sections)}
	}
	return ArraySplit(a, sections, axis)
}

// SplitAt cuts a along axis before each of the given positions, as
// NumPy's np.split(a, indices, axis): indices [2, 3] give a[:2], a[2:3]
// and a[3:]. Positions follow Python's slice rules (negative ones count
// from the end, positions past the end are clipped, a decreasing
// position gives an empty piece). The pieces are views of a.
func SplitAt(a *Array, indices []int, axis int) ([]*Array, error) {
	axis, err := splitAxis(a, axis)
	if err != nil {
		return nil, err
	}
	return splitViews(a, axis, indices), nil
}

// ArraySplit cuts a into sections views along axis, as NumPy's
// np.array_split: with n = a.Shape()[axis], the first n % sections
// pieces have n/sections + 1 elements and the rest n/sections. sections
// must be positive (a *ValueError).
func ArraySplit(a *Array, sections, axis int) ([]*Array, error) {
	axis, err := splitAxis(a, axis)
	if err != nil {
		return nil, err
	}
	if sections <= 0 {
		return nil, &ValueError{Op: "array_split", Msg: fmt.Sprintf("number of sections must be larger than 0, got %d", sections)}
	}
	n := a.Shape()[axis]
	each, extra := n/sections, n%sections
	points := make([]int, sections-1)
	pos := 0
	for i := range points {
		pos += each
		if i < extra {
			pos++
		}
		points[i] = pos
	}
	return splitViews(a, axis, points), nil
}

// ArraySplitAt is SplitAt; it exists for symmetry with NumPy, whose
// array_split and split agree when given division points.
func ArraySplitAt(a *Array, indices []int, axis int) ([]*Array, error) {
	return SplitAt(a, indices, axis)
}

// Tile repeats a reps[i] times along each axis i, as NumPy's np.tile.
// When reps is longer than a's dimensions, a is promoted by prepending
// length-1 axes; when it is shorter, 1s are prepended to reps. The result
// is a new C-ordered array of a's type (a copy even when every rep is 1).
// A negative rep is a *ValueError.
func Tile(a *Array, reps ...int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "tile", Msg: "nil array"}
	}
	for _, r := range reps {
		if r < 0 {
			return nil, &ValueError{Op: "tile", Msg: fmt.Sprintf("negative dimensions are not allowed (reps %v)", reps)}
		}
	}
	nd := max(len(reps), a.NDim())
	// a promoted to nd dimensions, and reps padded to nd.
	src := a
	if lead := nd - a.NDim(); lead > 0 {
		axes := make([]int, lead)
		for i := range axes {
			axes[i] = i
		}
		src, _ = a.ExpandDims(axes...)
	}
	r := make([]int, nd)
	for i := range r {
		r[i] = 1
	}
	copy(r[nd-len(reps):], reps)
	shape := make([]int, nd)
	for i := range shape {
		shape[i] = src.Shape()[i] * r[i]
		if r[i] != 0 && shape[i]/r[i] != src.Shape()[i] {
			return nil, &ShapeError{Op: "tile", Msg: "the result is too large"}
		}
	}
	out, err := newArray(a.dtype, shape, C)
	if err != nil {
		return nil, err
	}
	if out.size == 0 {
		return out, nil
	}
	// View out as (r0, s0, r1, s1, …): each tile is a copy of src, which
	// the source walks with stride 0 along the repetition axes.
	dshape := make([]int, 2*nd)
	dstr := make([]int, 2*nd)
	sstr := make([]int, 2*nd)
	for i := range nd {
		dshape[2*i], dshape[2*i+1] = r[i], src.Shape()[i]
		dstr[2*i], dstr[2*i+1] = src.Shape()[i]*out.Strides()[i], out.Strides()[i]
		sstr[2*i], sstr[2*i+1] = 0, src.Strides()[i]
	}
	strided.Copy(dshape, out.base(), dstr, src.base(), sstr, a.dtype.Size())
	return out, nil
}

// repeatCounts expands repeats to one count per position of an axis of
// length n (one count applies to every position), checking them.
func repeatCounts(repeats []int, n int) ([]int, int, error) {
	switch len(repeats) {
	case n:
	case 1:
		r := repeats[0]
		repeats = make([]int, n)
		for i := range repeats {
			repeats[i] = r
		}
	default:
		return nil, 0, &BroadcastError{Shapes: [][]int{{n}, {len(repeats)}}}
	}
	total := 0
	for _, r := range repeats {
		if r < 0 {
			return nil, 0, &ValueError{Op: "repeat", Msg: fmt.Sprintf("negative dimensions are not allowed (repeat count %d)", r)}
		}
		if total > maxInt-r {
			return nil, 0, &ShapeError{Op: "repeat", Msg: "the result is too large"}
		}
		total += r
	}
	return repeats, total, nil
}

// Repeat repeats each element of a along axis, as NumPy's
// np.repeat(a, repeats, axis): repeats holds one count per position of
// the axis, or a single count for all of them. A 0-d array counts as
// 1-d, as in NumPy. The result is a new
// C-ordered array of a's type. A count list of another length is a
// *BroadcastError, a negative count a *ValueError.
func Repeat(a *Array, repeats []int, axis int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "repeat", Msg: "nil array"}
	}
	a = atLeast1d(a)
	axis, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	counts, total, err := repeatCounts(repeats, a.Shape()[axis])
	if err != nil {
		return nil, err
	}
	shape := slices.Clone(a.Shape())
	shape[axis] = total
	out, err := newArrayWritten(a.dtype, shape, C) // every repeat copied
	if err != nil {
		return nil, err
	}
	if out.size == 0 {
		return out, nil
	}
	src := contiguous(a)
	n := a.Shape()[axis]
	chunk := prod(a.Shape()[axis+1:]) * a.dtype.Size()
	outer := prod(a.Shape()[:axis])
	s := src.data[src.offset : src.offset+src.NBytes()]
	d := out.data[:out.NBytes()]
	repeatChunks(d, s, outer, n, chunk, counts)
	shareArena(out, src)
	return out, nil
}

// repeatChunks writes, for each of outer blocks of n chunks of s, chunk j
// counts[j] times into d.
func repeatChunks(d, s []byte, outer, n, chunk int, counts []int) {
	switch chunk {
	case 1:
		repeatElems(d, s, outer, n, counts)
		return
	case 2:
		repeatElems(bytesAs[uint16](d), bytesAs[uint16](s), outer, n, counts)
		return
	case 4:
		repeatElems(bytesAs[uint32](d), bytesAs[uint32](s), outer, n, counts)
		return
	case 8:
		repeatElems(bytesAs[uint64](d), bytesAs[uint64](s), outer, n, counts)
		return
	}
	k := 0
	for o := range outer {
		for j := range n {
			c := s[(o*n+j)*chunk : (o*n+j+1)*chunk]
			for range counts[j] {
				copy(d[k:k+chunk], c)
				k += chunk
			}
		}
	}
}

// repeatElems is repeatChunks for chunks of one element of type T.
func repeatElems[T any](d, s []T, outer, n int, counts []int) {
	k := 0
	for o := range outer {
		for j, v := range s[o*n : (o+1)*n] {
			c := counts[j]
			for i := range d[k : k+c] {
				d[k+i] = v
			}
			k += c
		}
	}
}

// bytesAs views b as a []T; len(b) is a multiple of T's size and b holds
// elements of an array (so it is suitably placed for T).
func bytesAs[T any](b []byte) []T {
	if len(b) == 0 {
		return nil
	}
	sz := int(unsafe.Sizeof(*new(T)))
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/sz)
}

// RepeatFlat repeats each element of a, read in C order, into a 1-d
// array: NumPy's np.repeat(a, repeats, axis=None). repeats holds one
// count per element or a single count.
func RepeatFlat(a *Array, repeats []int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "repeat", Msg: "nil array"}
	}
	return Repeat(a.Ravel(), repeats, 0)
}
