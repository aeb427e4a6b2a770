package ndarray

import (
	"fmt"
	"math/bits"
	"strings"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/strided"
)

// arrayIndex is an index array item.
type arrayIndex struct{ a *Array }

func (arrayIndex) isIndex() {}

// String writes the array as NumPy prints it; ParseIndex does not read it.
func (x arrayIndex) String() string {
	if x.a == nil {
		return "<nil>"
	}
	return strings.ReplaceAll(x.a.str(), "\n", "")
}

// ArrayIndex returns the index item that is the array idx: an integer
// array picks positions along an axis (NumPy's a[[0, 2]]), a boolean
// array is a mask (a[m]). A float or other non-integer array, a position
// out of bounds, index arrays that do not broadcast together and a mask
// whose shape does not match the axes it covers are *IndexErrors when
// the index is applied. Advanced indexing follows NumPy's rules:
//
//   - An integer index array (any integer dtype) picks positions along one
//     axis; negative positions count from the end. All index arrays of an
//     index (and the integers, which count as 0-d index arrays as soon as
//     one array is present) are broadcast together, and their broadcast
//     shape replaces the axes they index.
//   - A boolean array of k dimensions stands for the k integer arrays of
//     its true positions (np.nonzero): it replaces k axes, whose lengths
//     it must match, by one axis as long as its count of true elements.
//   - Bool(true) and Bool(false) (and 0-d boolean arrays) add an axis of
//     length 1 or 0, indexing a new length-1 axis.
//   - When the advanced items are next to each other, the broadcast axes
//     take their place in the result; when a slice, NewAxis or Ellipsis
//     separates them, the broadcast axes come first.
//
// The result of an advanced index is a new C-ordered array, never a view;
// assignment (SetSlice) writes the selected elements of a itself.
func ArrayIndex(idx *Array) Index { return arrayIndex{idx} }

// IntArray returns the index item that is the 1-d integer index array of
// the given positions: IntArray(0, 2) is NumPy's a[[0, 2]].
func IntArray(idx ...int) Index {
	s := make([]int64, len(idx))
	for i, v := range idx {
		s[i] = int64(v)
	}
	a, _ := FromSlice(s, len(s))
	return arrayIndex{a}
}

// boolIndex is a Python bool (0-d boolean) index item.
type boolIndex bool

func (boolIndex) isIndex() {}

func (b boolIndex) String() string {
	if b {
		return "True"
	}
	return "False"
}

// Bool returns the index item that is a Python bool, as NumPy's a[True]
// (which adds an axis of length 1) and a[False] (an axis of length 0).
// It is an advanced index: the result is a copy.
func Bool(b bool) Index { return boolIndex(b) }

// hasAdvanced reports whether items holds an advanced index item.
func hasAdvanced(items []Index) bool {
	for _, it := range items {
		switch it.(type) {
		case arrayIndex, boolIndex:
			return true
		}
	}
	return false
}

// advEntry is one integer index array applied to one axis of the view.
type advEntry struct {
	dim  int    // the axis of the view it indexes
	axis int    // the axis of the original array, for messages (-1: a new axis)
	idx  *Array // int64 positions
}

// advPlan is an advanced index resolved against an array: the view left
// by the basic items (where each advanced item keeps its axes), the
// index arrays, and the layout of the result.
type advPlan struct {
	v       *Array
	entries []advEntry
	bshape  []int // the broadcast shape of the index arrays
	consec  int   // result axes before the broadcast axes
	basic   []int // the axes of v not indexed by arrays, in order
	offs    []int // byte offsets (relative to v) of each broadcast position
	shape   []int // the result shape
}

// planAdvanced resolves an index holding advanced items against a.
func (a *Array) planAdvanced(items []Index) (*advPlan, error) {
	nd := a.NDim()
	consumed, ellipses := 0, 0
	for _, it := range items {
		switch it := it.(type) {
		case intIndex, Slice:
			consumed++
		case ellipsis:
			ellipses++
		case newAxis, boolIndex:
		case arrayIndex:
			if it.a == nil {
				return nil, &IndexError{Msg: "nil index array"}
			}
			switch it.a.dtype.Kind() {
			case dtype.KindBool:
				consumed += len(it.a.Shape())
			case dtype.KindInt, dtype.KindUint:
				consumed++
			default:
				return nil, &IndexError{Msg: "arrays used as indices must be of integer (or boolean) type"}
			}
		case nil:
			return nil, &IndexError{Msg: "nil index item"}
		default:
			return nil, &IndexError{Msg: fmt.Sprintf("unsupported index item %T", it)}
		}
	}
	if ellipses > 1 {
		return nil, &IndexError{Msg: "an index can only have a single ellipsis ('...')"}
	}
	if consumed > nd {
		return nil, &IndexError{Msg: fmt.Sprintf("too many indices for array: array is %d-dimensional, but %d were indexed", nd, consumed)}
	}

	p := &advPlan{}
	var vshape, vstrides []int
	off := a.offset
	ax := 0
	// status: -1 no advanced item yet, 0 in the first run of them, 1 after
	// it, 2 a second run was found (broadcast axes go first).
	status := -1
	addEntry := func(dim, axis int, idx *Array) {
		p.entries = append(p.entries, advEntry{dim: dim, axis: axis, idx: idx})
	}
	for _, it := range items {
		advanced := false
		switch it := it.(type) {
		case intIndex:
			advanced = true
			idx, _ := FromSlice([]int64{int64(it)})
			addEntry(len(vshape), ax, idx)
			vshape, vstrides = append(vshape, a.Shape()[ax]), append(vstrides, a.Strides()[ax])
			ax++
		case Slice:
			start, step, n, err := sliceIndices(it, a.Shape()[ax])
			if err != nil {
				return nil, err
			}
			st := a.Strides()[ax]
			if n > 0 {
				off += start * st
			}
			p.basic = append(p.basic, len(vshape))
			vshape, vstrides = append(vshape, n), append(vstrides, stepStride(st, step, n))
			ax++
		case newAxis:
			p.basic = append(p.basic, len(vshape))
			vshape, vstrides = append(vshape, 1), append(vstrides, 0)
		case ellipsis:
			for range nd - consumed {
				p.basic = append(p.basic, len(vshape))
				vshape, vstrides = append(vshape, a.Shape()[ax]), append(vstrides, a.Strides()[ax])
				ax++
			}
		case boolIndex:
			advanced = true
			addEntry(len(vshape), -1, boolPositions(bool(it)))
			vshape, vstrides = append(vshape, 1), append(vstrides, 0)
		case arrayIndex:
			advanced = true
			m := it.a
			if m.dtype.Kind() != dtype.KindBool {
				idx, err := m.AsType(dtype.Int64, dtype.Unsafe)
				if err != nil {
					return nil, err
				}
				addEntry(len(vshape), ax, idx)
				vshape, vstrides = append(vshape, a.Shape()[ax]), append(vstrides, a.Strides()[ax])
				ax++
				break
			}
			if m.NDim() == 0 {
				v, _ := m.Item()
				addEntry(len(vshape), -1, boolPositions(v.(bool)))
				vshape, vstrides = append(vshape, 1), append(vstrides, 0)
				break
			}
			for j, d := range m.Shape() {
				if d != a.Shape()[ax+j] {
					return nil, &IndexError{Msg: fmt.Sprintf("boolean index did not match indexed array along dimension %d; dimension is %d but corresponding boolean dimension is %d", ax+j, a.Shape()[ax+j], d)}
				}
			}
			for _, pos := range nonzero(m) {
				addEntry(len(vshape), ax, pos)
				vshape, vstrides = append(vshape, a.Shape()[ax]), append(vstrides, a.Strides()[ax])
				ax++
			}
		}
		switch {
		case advanced && status == -1:
			status = 0
			p.consec = len(p.basic)
		case advanced && status == 1:
			status = 2
		case !advanced && status == 0:
			status = 1
		}
	}
	for ; ax < nd; ax++ {
		p.basic = append(p.basic, len(vshape))
		vshape, vstrides = append(vshape, a.Shape()[ax]), append(vstrides, a.Strides()[ax])
	}
	if status == 2 {
		p.consec = 0
	}
	if a.size == 0 {
		off = a.offset
	}
	p.v = a.view(off, vshape, vstrides)

	shapes := make([][]int, len(p.entries))
	for i, e := range p.entries {
		shapes[i] = e.idx.Shape()
	}
	bshape, err := BroadcastShapes(shapes...)
	if err != nil {
		parts := make([]string, len(shapes))
		for i, s := range shapes {
			parts[i] = FormatShape(s)
		}
		return nil, &IndexError{Msg: "shape mismatch: indexing arrays could not be broadcast together with shapes " + strings.Join(parts, " ")}
	}
	p.bshape = bshape
	if err := p.offsets(); err != nil {
		return nil, err
	}
	for _, d := range p.basic[:p.consec] {
		p.shape = append(p.shape, vshape[d])
	}
	p.shape = append(p.shape, bshape...)
	for _, d := range p.basic[p.consec:] {
		p.shape = append(p.shape, vshape[d])
	}
	return p, nil
}

// boolPositions returns the index array of a Python bool: [0] or [].
func boolPositions(b bool) *Array {
	if b {
		a, _ := FromSlice([]int64{0}, 1)
		return a
	}
	a, _ := FromSlice([]int64{}, 0)
	return a
}

// nonzero returns, for each axis of the boolean array m, the int64
// positions along it of m's true elements in C order (np.nonzero).
func nonzero(m *Array) []*Array {
	k := m.NDim()
	n := 0
	m.forEachOffset(func(_, off int) bool {
		if m.data[off] != 0 {
			n++
		}
		return true
	})
	out := make([]*Array, k)
	cols := make([][]int64, k)
	for j := range out {
		out[j], _ = newArray(dtype.Int64, []int{n}, C)
		cols[j] = typedSlice[int64](out[j])
	}
	if n == 0 {
		return out
	}
	c := 0
	m.forEachOffset(func(i, off int) bool {
		if m.data[off] != 0 {
			for j := k - 1; j >= 0; j-- {
				d := m.Shape()[j]
				cols[j][c] = int64(i % d)
				i /= d
			}
			c++
		}
		return true
	})
	return out
}

// offsets checks every index against its axis and computes the byte
// offset within v of each position of the broadcast shape.
func (p *advPlan) offsets() error {
	nb, _ := sizeOf(p.bshape, 1)
	p.offs = make([]int, nb)
	if nb == 0 {
		return nil
	}
	for _, e := range p.entries {
		b, err := e.idx.BroadcastTo(p.bshape...)
		if err != nil {
			return err
		}
		d, st := p.v.Shape()[e.dim], p.v.Strides()[e.dim]
		check := func(i int, x int64) error {
			orig := x
			if x < 0 {
				x += int64(d)
			}
			if x < 0 || x >= int64(d) {
				return &IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", orig, e.axis, d)}
			}
			p.offs[i] += int(x) * st
			return nil
		}
		if b.IsCContiguous() && b.dtype.IsNative() {
			for i, x := range typedSlice[int64](b) {
				if err := check(i, x); err != nil {
					return err
				}
			}
			continue
		}
		var err2 error
		b.forEachOffset(func(i, off int) bool {
			err2 = check(i, load[int64](b, off))
			return err2 == nil
		})
		if err2 != nil {
			return err2
		}
	}
	return nil
}

// blockOffsets returns the byte offsets (relative to v) of the elements
// of the axes dims of v, in C order.
func (p *advPlan) blockOffsets(dims []int) []int {
	offs := []int{0}
	for _, d := range dims {
		n, st := p.v.Shape()[d], p.v.Strides()[d]
		next := make([]int, 0, len(offs)*n)
		for _, o := range offs {
			for i := range n {
				next = append(next, o+i*st)
			}
		}
		offs = next
	}
	return offs
}

// walk calls f for each run of the result in C order: the byte offset in
// v's buffer of the run's first element and the run's position in the
// result (in elements). A run is one element when no basic axis follows
// the broadcast axes; otherwise it is a block with post's layout.
func (p *advPlan) walk(f func(src, dstElem int)) {
	pre := p.blockOffsets(p.basic[:p.consec])
	postN := 1
	for _, d := range p.basic[p.consec:] {
		postN *= p.v.Shape()[d]
	}
	k := 0
	for _, po := range pre {
		base := p.v.offset + po
		for _, bo := range p.offs {
			f(base+bo, k)
			k += postN
		}
	}
}

// post returns the layout of one block after the broadcast axes.
func (p *advPlan) post() (shape, strides []int) {
	for _, d := range p.basic[p.consec:] {
		shape = append(shape, p.v.Shape()[d])
		strides = append(strides, p.v.Strides()[d])
	}
	return shape, strides
}

// sliceAdvanced returns the copy a[items...] for an index with advanced
// items.
func (a *Array) sliceAdvanced(items []Index) (*Array, error) {
	if len(items) == 1 {
		if it, ok := items[0].(arrayIndex); ok && it.a != nil && it.a.dtype.Kind() == dtype.KindBool {
			if out, ok := maskSelect(a, it.a); ok {
				return out, nil
			}
		}
	}
	p, err := a.planAdvanced(items)
	if err != nil {
		return nil, err
	}
	out, err := newArrayWritten(a.dtype, p.shape, C) // every element gathered
	if err != nil {
		return nil, err
	}
	if out.size == 0 {
		return out, nil
	}
	is := a.dtype.Size()
	pshape, pstrides := p.post()
	if len(pshape) == 0 {
		gatherElems(out, a, p)
		return out, nil
	}
	cp := mustCast(a.dtype, a.dtype)
	dstStrides := make([]int, len(pshape))
	cStrides(dstStrides, pshape, is)
	p.walk(func(src, k int) {
		strided.Loop2(pshape, out.ptr(k*is), dstStrides, a.ptr(src), pstrides, strided.Inner2(cp))
	})
	return out, nil
}

// gatherElems copies single elements for a result with no trailing basic
// axes.
func gatherElems(out, a *Array, p *advPlan) {
	switch a.dtype.Size() {
	case 1:
		gatherAs[uint8](out, a, p)
	case 2:
		gatherAs[uint16](out, a, p)
	case 4:
		gatherAs[uint32](out, a, p)
	case 8:
		gatherAs[uint64](out, a, p)
	case 16:
		gatherAs[[2]uint64](out, a, p)
	default:
		is := a.dtype.Size()
		p.walk(func(src, k int) { copy(out.data[k*is:(k+1)*is], a.data[src:src+is]) })
	}
}

func gatherAs[T any](out, a *Array, p *advPlan) {
	dst := typedSlice[T](out)
	pre := p.blockOffsets(p.basic[:p.consec])
	k := 0
	for _, po := range pre {
		base := p.v.offset + po
		for _, bo := range p.offs {
			dst[k] = *(*T)(a.ptr(base + bo))
			k++
		}
	}
}

// setAdvanced assigns value to a[items...] for an index with advanced
// items: value is broadcast to the shape of the selection and converted
// to a's type; where an index repeats a position, the last assignment
// wins, as in NumPy.
func (a *Array) setAdvanced(value *Array, items []Index) error {
	p, err := a.planAdvanced(items)
	if err != nil {
		return err
	}
	src := value
	if lead := src.NDim() - len(p.shape); lead > 0 {
		k := 0
		for k < lead && src.Shape()[k] == 1 {
			k++
		}
		if k > 0 {
			src = src.view(src.offset, src.Shape()[k:], src.Strides()[k:])
		}
	}
	b, err := src.BroadcastTo(p.shape...)
	if err != nil {
		if len(items) == 1 && value.NDim() == 1 {
			if it, ok := items[0].(arrayIndex); ok && it.a.dtype.Kind() == dtype.KindBool {
				return &ShapeError{Op: "assignment", Msg: fmt.Sprintf("boolean array indexing assignment cannot assign %d input values to the %d output values where the mask is true", value.Shape()[0], p.shape[0])}
			}
		}
		return &ShapeError{Op: "assignment", Msg: fmt.Sprintf("shape mismatch: value array of shape %s could not be broadcast to indexing result of shape %s", FormatShape(value.Shape()), FormatShape(p.shape))}
	}
	tmp, err := newArray(a.dtype, p.shape, C)
	if err != nil {
		return err
	}
	if tmp.size == 0 {
		return nil
	}
	if err := copyInto(tmp, b); err != nil {
		return err
	}
	is := a.dtype.Size()
	pshape, pstrides := p.post()
	if len(pshape) == 0 {
		p.walk(func(dst, k int) { copy(a.data[dst:dst+is], tmp.data[k*is:(k+1)*is]) })
		return nil
	}
	cp := mustCast(a.dtype, a.dtype)
	srcStrides := make([]int, len(pshape))
	cStrides(srcStrides, pshape, is)
	p.walk(func(dst, k int) {
		strided.Loop2(pshape, a.ptr(dst), pstrides, tmp.ptr(k*is), srcStrides, strided.Inner2(cp))
	})
	return nil
}

// maskSelect is the fast path of a[m] for a boolean m of a's shape when
// both are C-contiguous: count the true elements, then compact without
// branches. It reports false when the layout does not fit.
func maskSelect(a, m *Array) (*Array, bool) {
	if m.NDim() != a.NDim() || !a.IsCContiguous() || !m.IsCContiguous() {
		return nil, false
	}
	for i, d := range m.Shape() {
		if d != a.Shape()[i] {
			return nil, false
		}
	}
	var mask []byte
	if m.size > 0 {
		mask = m.data[m.offset : m.offset+m.size]
	}
	n := countMask(mask)
	out, err := newArrayWritten(a.dtype, []int{n}, C) // the n selected elements
	if err != nil {
		return nil, false
	}
	if n == 0 {
		return out, true
	}
	switch a.dtype.Size() {
	case 1:
		compactAs[uint8](out, a, mask)
	case 2:
		compactAs[uint16](out, a, mask)
	case 4:
		compactAs[uint32](out, a, mask)
	case 8:
		compactAs[uint64](out, a, mask)
	case 16:
		compactAs[[2]uint64](out, a, mask)
	default:
		is, j := a.dtype.Size(), 0
		for i, b := range mask {
			if b != 0 {
				copy(out.data[j*is:(j+1)*is], a.data[a.offset+i*is:])
				j++
			}
		}
	}
	return out, true
}

// countMask returns the number of non-zero bytes of m.
func countMask(m []byte) int {
	const lsb = 0x0101010101010101
	n, i := 0, 0
	if len(m) >= 8 {
		w8 := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(m))), len(m)/8)
		for _, w := range w8 {
			// Fold each byte onto its lowest bit: non-zero byte -> 1.
			w |= w >> 4
			w |= w >> 2
			w |= w >> 1
			n += bits.OnesCount64(w & lsb)
		}
		i = len(w8) * 8
	}
	for ; i < len(m); i++ {
		if m[i] != 0 {
			n++
		}
	}
	return n
}

// compactAs copies the elements of the C-contiguous a whose mask byte is
// non-zero into out, which holds exactly that many. It writes every
// element up to the last selected one and advances the output position
// by the mask bit, so there is no data-dependent branch.
func compactAs[T any](out, a *Array, mask []byte) {
	dst := typedSlice[T](out)
	src := typedSlice[T](a)
	last := len(mask) - 1
	for mask[last] == 0 {
		last--
	}
	src = src[:last+1]
	mask = mask[:last+1]
	// Up to the last selected element, the output position j is below
	// len(dst): j counts the selected elements before i, and at least one
	// (the last) is at or after i.
	j := 0
	for i, v := range src {
		dst[j] = v
		b := mask[i]
		j += int((b | -b) >> 7)
	}
}
