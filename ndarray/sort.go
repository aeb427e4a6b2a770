package ndarray

import (
	"fmt"
	"math"
	"slices"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

// Sorting follows NumPy's order for every built-in element type: numbers
// ascending, NaN after everything (all NaNs equal), -0.0 equal to 0.0,
// false before true, and complex numbers ordered by real part, then by
// imaginary part, with those holding a NaN last in NumPy's extended order
// [R+Rj, R+nanj, nan+Rj, nan+nanj]. Fixed-width strings ("U<n>",
// "S<n>") order by code point or unsigned byte, a shorter value first
// ("B" < "a" < "ab" < "é"). Sorts are stable (NumPy's
// kind="stable"): equal elements keep their input order, so the result is
// the same, bit for bit, as NumPy's stable sort.

// sortClass says how the elements of a dtype are sorted.
type sortClass struct {
	width   int // element bytes for radix-sortable types
	kind    keyKind
	complex bool
	str     bool // fixed-width strings: compared by code point or byte
}

// classOf returns the sort class of dt, or an error for a type without
// an order (user-defined types).
func classOf(op string, dt dtype.DType) (sortClass, error) {
	if dt.IsTime() {
		return sortClass{width: 8, kind: keyTime}, nil // NaT last
	}
	switch dt.Num() {
	case dtype.NumBool, dtype.NumUint8:
		return sortClass{width: 1, kind: keyUnsigned}, nil
	case dtype.NumInt8:
		return sortClass{width: 1, kind: keySigned}, nil
	case dtype.NumUint16:
		return sortClass{width: 2, kind: keyUnsigned}, nil
	case dtype.NumInt16:
		return sortClass{width: 2, kind: keySigned}, nil
	case dtype.NumFloat16:
		return sortClass{width: 2, kind: keyFloat}, nil
	case dtype.NumUint32:
		return sortClass{width: 4, kind: keyUnsigned}, nil
	case dtype.NumInt32:
		return sortClass{width: 4, kind: keySigned}, nil
	case dtype.NumFloat32:
		return sortClass{width: 4, kind: keyFloat}, nil
	case dtype.NumUint64:
		return sortClass{width: 8, kind: keyUnsigned}, nil
	case dtype.NumInt64:
		return sortClass{width: 8, kind: keySigned}, nil
	case dtype.NumFloat64:
		return sortClass{width: 8, kind: keyFloat}, nil
	case dtype.NumComplex64:
		return sortClass{width: 8, complex: true}, nil
	case dtype.NumComplex128:
		return sortClass{width: 16, complex: true}, nil
	}
	if isFixedString(dt) {
		return sortClass{width: dt.Size(), str: true}, nil
	}
	return sortClass{}, &ValueError{Op: op, Msg: fmt.Sprintf("elements of type %s have no order", dt)}
}

// nativeCopy returns a new C-ordered copy of a in native byte order.
func nativeCopy(a *Array) *Array {
	if a.dtype.IsNative() {
		return a.Copy()
	}
	out, err := a.AsType(a.dtype.Native(), dtype.Unsafe)
	if err != nil {
		panic(err) // a byte-order change is always a valid cast
	}
	return out
}

// rowsCopy returns a native C-ordered copy of a with axis ax moved last,
// so that each lane to sort is a contiguous row.
func rowsCopy(a *Array, ax int) *Array {
	v := a
	if last := a.NDim() - 1; ax != last {
		v, _ = a.MoveAxis(ax, last) // ax was normalised
	}
	return nativeCopy(v)
}

// fromRows undoes rowsCopy's axis move, returning a C-ordered array.
func fromRows(w *Array, ax int) *Array {
	last := w.NDim() - 1
	if ax == last {
		return w
	}
	v, _ := w.MoveAxis(last, ax)
	return v.Copy()
}

// withDType returns a (native) converted to dt when dt is a byte-swapped
// form of a's type, so results keep the input's dtype.
func withDType(a *Array, dt dtype.DType) *Array {
	if a.dtype == dt {
		return a
	}
	out, err := a.AsType(dt, dtype.Unsafe)
	if err != nil {
		panic(err)
	}
	return out
}

// typedSlice views the bytes of a C-contiguous array as a []T.
func typedSlice[T any](a *Array) []T {
	var z T
	n := a.size
	if n == 0 || len(a.data) == 0 {
		return nil
	}
	_ = a.data[a.offset+n*int(unsafe.Sizeof(z))-1] // bounds check once
	return unsafe.Slice((*T)(a.ptr(a.offset)), n)
}

// Sort returns a sorted copy of a along axis (negative counts from the
// end), as NumPy's np.sort(a, axis, kind="stable"): see the package's
// order above. The result has a's shape and dtype and is C-ordered. An
// axis outside a's dimensions (any axis of a 0-d array) is an
// *AxisError; a user-defined element type is a *ValueError.
//
// Floats and integers are radix sorted (linear time); complex numbers
// use a comparison sort.
func Sort(a *Array, axis int) (*Array, error) {
	ax, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	if a.dtype.Kind() == dtype.KindString {
		return sortVarStrings(a, ax)
	}
	if a.dtype.Kind() == dtype.KindRecord {
		return SortBy(a, ax, nil)
	}
	cl, err := classOf("sort", a.dtype)
	if err != nil {
		return nil, err
	}
	w := rowsCopy(a, ax)
	sortRows(w, cl, a.Shape()[ax])
	return withDType(fromRows(w, ax), a.dtype), nil
}

// SortFlat returns the elements of a, flattened in C order, sorted: NumPy's
// np.sort(a, axis=None). The result is 1-d.
func SortFlat(a *Array) (*Array, error) {
	if a.dtype.Kind() == dtype.KindString {
		return sortVarStrings(a.Flatten(), 0)
	}
	if a.dtype.Kind() == dtype.KindRecord {
		return SortFlatBy(a, nil)
	}
	cl, err := classOf("sort", a.dtype)
	if err != nil {
		return nil, err
	}
	w := nativeCopy(a)
	w = w.view(0, []int{w.size}, []int{w.dtype.Size()})
	sortRows(w, cl, w.size)
	return withDType(w, a.dtype), nil
}

// SortInPlace sorts a along axis in place (NumPy's a.sort(axis,
// kind="stable")). a must be writeable.
func (a *Array) SortInPlace(axis int) error {
	if !a.IsWriteable() {
		return &ValueError{Op: "sort", Msg: "destination is read-only"}
	}
	s, err := Sort(a, axis)
	if err != nil {
		return err
	}
	return copyInto(a, s)
}

// sortRows sorts each row of n elements of the native C-ordered w in place.
func sortRows(w *Array, cl sortClass, n int) {
	if n < 2 || w.size == 0 {
		return
	}
	switch {
	case cl.str:
		sortFixedRows(w, n)
	case cl.complex && cl.width == 8:
		sortComplexRows(typedSlice[complex64](w), n)
	case cl.complex:
		sortComplexRows(typedSlice[complex128](w), n)
	case cl.width == 1:
		sortRowsAs(typedSlice[uint8](w), n, cl.kind)
	case cl.width == 2:
		sortRowsAs(typedSlice[uint16](w), n, cl.kind)
	case cl.width == 4:
		sortRowsAs(typedSlice[uint32](w), n, cl.kind)
	default:
		sortRowsAs(typedSlice[uint64](w), n, cl.kind)
	}
}

func sortRowsAs[U radixUint](s []U, n int, kind keyKind) {
	var tmp []U
	if n >= valueRadixMin {
		tmp = make([]U, n)
	}
	for r := 0; r+n <= len(s); r += n {
		sortValues(s[r:r+n], tmp, kind)
	}
}

// complexCmp compares complex numbers in dtype.ComplexLess's order.
func complexCmp(a, b complex128) int {
	if dtype.ComplexLess(a, b) {
		return -1
	}
	if dtype.ComplexLess(b, a) {
		return 1
	}
	return 0
}

func sortComplexRows[C complex64 | complex128](s []C, n int) {
	for r := 0; r+n <= len(s); r += n {
		slices.SortStableFunc(s[r:r+n], func(x, y C) int { return complexCmp(complex128(x), complex128(y)) })
	}
}

// ArgSort returns the int64 indices that sort a along axis stably, as
// NumPy's np.argsort(a, axis, kind="stable"): taking them along the axis
// gives Sort(a, axis). The result has a's shape. As in NumPy, a 0-d array
// is flattened first (axis -1 and 0 are allowed), giving [0].
func ArgSort(a *Array, axis int) (*Array, error) {
	if a.NDim() == 0 && (axis == 0 || axis == -1) {
		return ArgSortFlat(a)
	}
	ax, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	if a.dtype.Kind() == dtype.KindString {
		return argsortVarStrings(a, ax)
	}
	if a.dtype.Kind() == dtype.KindRecord {
		return ArgSortBy(a, ax, nil)
	}
	cl, err := classOf("argsort", a.dtype)
	if err != nil {
		return nil, err
	}
	return argsortAlong(a, ax, func(w *Array, n int, out []int64) { argsortRows(w, cl, n, out) })
}

// argsortAlong returns the indices that sort a along the normalised axis
// ax: sortRows writes the permutation of each row of n elements of w, a
// native C-ordered copy of a with the axis moved last.
func argsortAlong(a *Array, ax int, sortRows func(w *Array, n int, out []int64)) (*Array, error) {
	w := rowsCopy(a, ax)
	out, err := newArrayWritten(dtype.Int64, w.Shape(), C) // every index sorted
	if err != nil {
		return nil, err
	}
	sortRows(w, a.Shape()[ax], typedSlice[int64](out))
	return fromRows(out, ax), nil
}

// argsortFlat returns the indices that sort the elements of w, a
// C-contiguous copy of an array taken as 1-d: sortRows writes the
// permutation of its one row of n elements.
func argsortFlat(w *Array, sortRows func(w *Array, n int, out []int64)) (*Array, error) {
	w = w.view(0, []int{w.size}, []int{w.dtype.Size()})
	out, err := newArray(dtype.Int64, w.Shape(), C)
	if err != nil {
		return nil, err
	}
	sortRows(w, w.size, typedSlice[int64](out))
	return out, nil
}

// ArgSortFlat returns the int64 indices that sort the elements of a,
// flattened in C order, stably: NumPy's np.argsort(a, axis=None,
// kind="stable"). The result is 1-d.
func ArgSortFlat(a *Array) (*Array, error) {
	if a.dtype.Kind() == dtype.KindRecord {
		return ArgSortFlatBy(a, nil)
	}
	cl, err := classOf("argsort", a.dtype)
	if err != nil {
		return nil, err
	}
	return argsortFlat(nativeCopy(a), func(w *Array, n int, out []int64) { argsortRows(w, cl, n, out) })
}

// argsortRows writes to out the stable sorting permutation of each row of
// n elements of the native C-ordered w, which it overwrites.
func argsortRows(w *Array, cl sortClass, n int, out []int64) {
	if n == 0 || w.size == 0 {
		return
	}
	switch {
	case cl.str:
		argsortFixedRows(w, n, out)
	case cl.complex && cl.width == 8:
		argsortComplexRows(typedSlice[complex64](w), n, out)
	case cl.complex:
		argsortComplexRows(typedSlice[complex128](w), n, out)
	case cl.width == 1:
		argsortRowsAs(typedSlice[uint8](w), n, cl.kind, out)
	case cl.width == 2:
		argsortRowsAs(typedSlice[uint16](w), n, cl.kind, out)
	case cl.width == 4:
		argsortRowsAs(typedSlice[uint32](w), n, cl.kind, out)
	default:
		argsortRowsAs(typedSlice[uint64](w), n, cl.kind, out)
	}
}

func argsortRowsAs[U radixUint](s []U, n int, kind keyKind, out []int64) {
	var tk []U
	var ti []int64
	if n >= argRadixMin {
		tk, ti = make([]U, n), make([]int64, n)
	}
	for r := 0; r+n <= len(s); r += n {
		row, idx := s[r:r+n], out[r:r+n]
		toKeys(row, kind, true, nil)
		for i := range idx {
			idx[i] = int64(i)
		}
		argsortKeys(row, idx, tk, ti)
	}
}

func argsortComplexRows[C complex64 | complex128](s []C, n int, out []int64) {
	for r := 0; r+n <= len(s); r += n {
		row, idx := s[r:r+n], out[r:r+n]
		for i := range idx {
			idx[i] = int64(i)
		}
		slices.SortStableFunc(idx, func(i, j int64) int { return complexCmp(complex128(row[i]), complex128(row[j])) })
	}
}

// orderKeys returns one uint64 per element of a (flattened in C order)
// whose unsigned order is the sort order of the elements, equal keys for
// equal elements (-0.0 and 0.0, every real NaN); complex elements get
// their rank. Keys from nanFrom on belong to elements holding a NaN
// (nanFrom is MaxUint64 for types without NaN, where that key may also
// be an ordinary one: check hasNaN).
func orderKeys(a *Array) (keys []uint64, nanFrom uint64, hasNaN bool, err error) {
	cl, err := classOf("sort", a.dtype)
	if err != nil {
		return nil, 0, false, err
	}
	w := nativeCopy(a)
	keys = make([]uint64, w.size)
	nanFrom = math.MaxUint64
	hasNaN = cl.complex || cl.kind == keyFloat
	switch {
	case cl.str:
		rankFixedStrings(w, keys)
	case cl.complex && cl.width == 8:
		nanFrom = rankComplex(typedSlice[complex64](w), keys)
	case cl.complex:
		nanFrom = rankComplex(typedSlice[complex128](w), keys)
	case cl.width == 1:
		widenKeys(typedSlice[uint8](w), keys, cl.kind)
	case cl.width == 2:
		widenKeys(typedSlice[uint16](w), keys, cl.kind)
	case cl.width == 4:
		widenKeys(typedSlice[uint32](w), keys, cl.kind)
	default:
		widenKeys(typedSlice[uint64](w), keys, cl.kind)
	}
	if cl.kind == keyFloat {
		nanFrom = math.MaxUint64 >> (64 - 8*cl.width) // the NaN key, all ones
	}
	return keys, nanFrom, hasNaN, nil
}

func widenKeys[U radixUint](s []U, keys []uint64, kind keyKind) {
	toKeys(s, kind, true, nil)
	for i, k := range s {
		keys[i] = uint64(k)
	}
}

func isNaNComplex(c complex128) bool { return math.IsNaN(real(c)) || math.IsNaN(imag(c)) }

// rankComplex writes the rank of each element in NumPy's order (equal
// elements share a rank) and returns the first rank of an element holding
// a NaN (MaxUint64 if none).
func rankComplex[C complex64 | complex128](s []C, keys []uint64) (nanFrom uint64) {
	n := len(s)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(i, j int) int { return complexCmp(complex128(s[i]), complex128(s[j])) })
	var rank uint64
	nanFrom = math.MaxUint64
	for k, i := range perm {
		c := complex128(s[i])
		if k > 0 && dtype.ComplexLess(complex128(s[perm[k-1]]), c) {
			rank++
		}
		if nanFrom == math.MaxUint64 && isNaNComplex(c) {
			nanFrom = rank
		}
		keys[i] = rank
	}
	return nanFrom
}

// Side selects which of equal positions SearchSorted returns.
type Side uint8

// The sides of SearchSorted.
const (
	Left  Side = iota // the first position where v could be inserted
	Right             // the last position where v could be inserted
)

// SearchSorted returns, for each element of v, the position in the sorted
// 1-d array a where it would be inserted to keep a sorted (NumPy's
// np.searchsorted(a, v, side)): with Left the first such position (a[i-1]
// < v <= a[i]), with Right the last (a[i-1] <= v < a[i]). Elements are
// compared in the promoted type of a and v under the sort order (NaN
// last). The result is int64 with v's shape. a that is not 1-d is a
// *ShapeError; a that is not sorted gives unspecified positions.
func SearchSorted(a, v *Array, side Side) (*Array, error) {
	if a.NDim() != 1 {
		return nil, &ShapeError{Op: "searchsorted", Msg: fmt.Sprintf("a must be 1-d, got shape %s", FormatShape(a.Shape()))}
	}
	dt, err := dtype.Promote(a.dtype, v.dtype)
	if err != nil {
		return nil, err
	}
	ac, err := a.AsType(dt, dtype.Unsafe)
	if err != nil {
		return nil, err
	}
	vc, err := v.AsType(dt, dtype.Unsafe)
	if err != nil {
		return nil, err
	}
	out, err := newArray(dtype.Int64, v.Shape(), C)
	if err != nil {
		return nil, err
	}
	res := typedSlice[int64](out)
	if dt.Kind() == dtype.KindComplex {
		as := ToSlice[complex128](mustAsType(ac, dtype.Complex128))
		vs := ToSlice[complex128](mustAsType(vc, dtype.Complex128))
		for i, x := range vs {
			if side == Left {
				res[i] = int64(searchFirst(len(as), func(j int) bool { return !dtype.ComplexLess(as[j], x) }))
			} else {
				res[i] = int64(searchFirst(len(as), func(j int) bool { return dtype.ComplexLess(x, as[j]) }))
			}
		}
		return out, nil
	}
	if isFixedString(dt) {
		searchSortedFixed(ac, vc, side, res)
		return out, nil
	}
	ak, _, _, err := orderKeys(ac)
	if err != nil {
		return nil, err
	}
	vk, _, _, err := orderKeys(vc)
	if err != nil {
		return nil, err
	}
	for i, x := range vk {
		if side == Left {
			res[i] = int64(searchFirst(len(ak), func(j int) bool { return ak[j] >= x }))
		} else {
			res[i] = int64(searchFirst(len(ak), func(j int) bool { return ak[j] > x }))
		}
	}
	return out, nil
}

// SearchSortedSorter is SearchSorted for an a that is not sorted itself:
// sorter holds the indices that sort it (what ArgSort returns), as
// NumPy's searchsorted(a, v, side, sorter). The positions returned index
// the sorted order. sorter must be a 1-d integer array as long as a, with
// every index in range (else a *ShapeError, *ValueError or *IndexError).
func SearchSortedSorter(a, v *Array, side Side, sorter *Array) (*Array, error) {
	if a.NDim() != 1 {
		return nil, &ShapeError{Op: "searchsorted", Msg: fmt.Sprintf("a must be 1-d, got shape %s", FormatShape(a.Shape()))}
	}
	if k := sorter.dtype.Kind(); k != dtype.KindInt && k != dtype.KindUint {
		return nil, &ValueError{Op: "searchsorted", Msg: "sorter must hold integers, not " + sorter.dtype.String()}
	}
	if sorter.NDim() != 1 || sorter.Shape()[0] != a.Shape()[0] {
		return nil, &ShapeError{Op: "searchsorted", Msg: fmt.Sprintf("sorter.size must equal a.size (%d), got shape %s", a.Shape()[0], FormatShape(sorter.Shape()))}
	}
	sorted, err := Take(a, sorter, 0, ModeRaise)
	if err != nil {
		return nil, err
	}
	return SearchSorted(sorted, v, side)
}

func mustAsType(a *Array, dt dtype.DType) *Array {
	out, err := a.AsType(dt, dtype.Unsafe)
	if err != nil {
		panic(err)
	}
	return out
}

// searchFirst returns the first i in [0, n) for which f is true (n if
// none), f being false then true over the range.
func searchFirst(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// checkKth validates partition indices against an axis of length n.
func checkKth(kth []int, n int) error {
	if len(kth) == 0 {
		return &ValueError{Op: "partition", Msg: "kth must name at least one position"}
	}
	for _, k := range kth {
		if k < -n || k >= n {
			return &ValueError{Op: "partition", Msg: fmt.Sprintf("kth(=%d) out of bounds (%d)", k, n)}
		}
	}
	return nil
}

// Partition returns a copy of a rearranged along axis so that the element
// at each position in kth (negative counts from the end) is the one a
// sorted copy has there, and the elements between two such positions are
// no smaller than the one before them and no greater than the one after
// (NumPy's np.partition with a sequence of kth). The order within the
// stretches is unspecified: this implementation sorts them fully, which
// its radix sort does in linear time, so every kth holds at once. An
// empty kth or a position outside the axis is a *ValueError.
func Partition(a *Array, kth []int, axis int) (*Array, error) {
	ax, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	if err := checkKth(kth, a.Shape()[ax]); err != nil {
		return nil, err
	}
	return Sort(a, ax)
}

// ArgPartition returns the int64 indices that partition a along axis
// around the positions kth (NumPy's np.argpartition): taking them along
// the axis gives a result with the properties Partition describes.
func ArgPartition(a *Array, kth []int, axis int) (*Array, error) {
	ax, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	if err := checkKth(kth, a.Shape()[ax]); err != nil {
		return nil, err
	}
	return ArgSort(a, ax)
}

// Lexsort returns the int64 indices that sort by several keys, as NumPy's
// np.lexsort(keys): the last key is the primary one, ties are broken by
// the one before it, and so on; remaining ties keep their input order.
// The keys must have one shape; they are sorted along their last axis
// (the result has that shape). No keys, or keys of different shapes, is
// a *ShapeError; 0-d keys give [0].
func Lexsort(keys []*Array) (*Array, error) {
	if len(keys) == 0 {
		return nil, &ShapeError{Op: "lexsort", Msg: "need at least one key"}
	}
	shape := keys[0].Shape()
	for _, k := range keys[1:] {
		if !slices.Equal(k.Shape(), shape) {
			return nil, &ShapeError{Op: "lexsort", Msg: fmt.Sprintf("all keys need the same shape, got %s and %s", FormatShape(shape), FormatShape(k.Shape()))}
		}
	}
	if len(shape) == 0 {
		shape = []int{1}
	}
	out, err := newArray(dtype.Int64, shape, C)
	if err != nil {
		return nil, err
	}
	n := shape[len(shape)-1]
	if out.size == 0 {
		return out, nil
	}
	res := typedSlice[int64](out)
	all := make([][]uint64, len(keys))
	for i, k := range keys {
		if all[i], _, _, err = orderKeys(k); err != nil {
			return nil, err
		}
	}
	perm := make([]int64, n)
	gathered := make([]uint64, n)
	var tk []uint64
	var ti []int64
	if n >= argRadixMin {
		tk, ti = make([]uint64, n), make([]int64, n)
	}
	for r := 0; r < len(res); r += n {
		idx := res[r : r+n]
		for i := range idx {
			idx[i] = int64(i)
		}
		for _, kk := range all {
			row := kk[r : r+n]
			for i, j := range idx {
				gathered[i] = row[j]
				perm[i] = j
			}
			argsortKeys(gathered, perm, tk, ti)
			copy(idx, perm)
		}
	}
	return out, nil
}
