package ndarray

import (
	"strconv"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/strided"
)

// Empty returns a new array of the given type and shape in C order. Go
// zeroes all memory it allocates, so the elements are zero, as in Zeros.
func Empty(dt dtype.DType, shape ...int) (*Array, error) {
	if a := newSmallNumeric(dt, shape); a != nil {
		return a, nil
	}
	return newArray(creationType(dt), shape, C)
}

// Zeros returns a new C-ordered array of the given type and shape filled
// with zeros (empty strings for text). The unsized Unicode(0) and
// Bytes(0) give arrays of Unicode(1) and Bytes(1), as NumPy's
// np.zeros(3, dtype="U") is "<U1".
func Zeros(dt dtype.DType, shape ...int) (*Array, error) {
	return newArray(creationType(dt), shape, C)
}

// ZerosOrder is Zeros with a choice of memory order.
func ZerosOrder(dt dtype.DType, order Order, shape ...int) (*Array, error) {
	return newArray(creationType(dt), shape, order)
}

// Uninitialized returns a new array of the given type, shape and memory
// order (C unless F) whose elements are not set: they may hold whatever
// bytes the memory held before, possibly data the program has since
// dropped, as numpy.empty's do. It is for code that writes every element
// before the array is read or handed on (the ufuncs' results, AsType
// and the creation and selection functions that fill their result are
// made so), and saves the pass over memory that zeroing a large
// buffer costs. Types whose storage must start initialised (strings,
// records, options, categoricals and types defined outside pluribus)
// get zeros, as from ZerosOrder.
func Uninitialized(dt dtype.DType, order Order, shape ...int) (*Array, error) {
	// The commonest small arrays first, as in Empty, before the type
	// checks below (a small buffer is zeroed with its header anyway).
	if order != F || len(shape) <= 1 {
		if a := newSmallNumeric(dt, shape); a != nil {
			return a, nil
		}
	}
	return newArrayWritten(creationType(dt), shape, order)
}

// plainBits reports whether dt is a built-in type for which any bytes
// are a value: booleans, numbers, datetimes and timedeltas.
func plainBits(dt dtype.DType) bool {
	k := dt.Kind()
	return dt.IsValid() && dt.Num() != dtype.NumUser && k >= dtype.KindBool && k <= dtype.KindTimedelta
}

// FromSlice returns a new array of type dtype.Of[T]() holding a copy of
// data with the given shape (C order). With no shape it is 1-d. A shape
// whose size differs from len(data) is a *ShapeError.
func FromSlice[T dtype.Element](data []T, shape ...int) (*Array, error) {
	if len(shape) == 0 {
		shape = []int{len(data)}
	}
	dt := dtype.Of[T]()
	n, ok := sizeOf(shape, dt.Size())
	if !ok || n != len(data) {
		return nil, &ShapeError{Op: "from slice", Msg: "cannot make an array of shape " + FormatShape(shape) + " from " + strconv.Itoa(len(data)) + " elements"}
	}
	if nb := n * dt.Size(); nb > maxSmallAlloc {
		return newCloned(dt, shape, C, unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(data))), nb)), nil
	}
	a, err := newArray(dt, shape, C)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		copy(unsafe.Slice((*T)(a.base()), n), data)
	}
	return a, nil
}

// Scalar returns a new 0-d array holding v.
func Scalar[T dtype.Element](v T) *Array {
	a, _ := newArray(dtype.Of[T](), nil, C)
	*(*T)(a.base()) = v
	return a
}

// copyInto copies src's elements into dst, converting types. The shapes
// must be equal (broadcast src first); the caller checks casting rules.
func copyInto(dst, src *Array) error {
	if dst.size == 0 {
		return nil
	}
	if needsTextCopy(dst.dtype, src.dtype) {
		return copyStrings(dst, src)
	}
	if dst.dtype == src.dtype {
		if overlaps(dst, src) {
			src = src.Copy()
		}
		strided.Copy(dst.Shape(), dst.base(), dst.Strides(), src.base(), src.Strides(), dst.dtype.Size())
		return nil
	}
	if src.dtype.Kind().IsFlexible() || dst.dtype.Kind().IsFlexible() {
		return copyIntoChecked(dst, src)
	}
	loop, err := dtype.GetCast(src.dtype, dst.dtype)
	if err != nil {
		return err
	}
	if overlaps(dst, src) {
		tmp, err := newArray(src.dtype, src.Shape(), C)
		if err != nil {
			return err
		}
		strided.Loop2(src.Shape(), tmp.base(), tmp.Strides(), src.base(), src.Strides(), dtype.CastLoop(mustCast(src.dtype, src.dtype)))
		src = tmp
	}
	strided.Loop2(dst.Shape(), dst.base(), dst.Strides(), src.base(), src.Strides(), strided.Inner2(loop))
	return nil
}

// copyIntoChecked is copyInto for conversions that may fail on a value
// (text to numbers or dates, Unicode to bytes): it stops at the first
// element that cannot be converted and returns its error.
func copyIntoChecked(dst, src *Array) error {
	loop, err := dtype.GetCheckedCast(src.dtype, dst.dtype)
	if err != nil {
		return err
	}
	if overlaps(dst, src) {
		src = src.Copy()
	}
	var first error
	strided.Loop2(dst.Shape(), dst.base(), dst.Strides(), src.base(), src.Strides(), func(d unsafe.Pointer, ds int, s unsafe.Pointer, ss int, n int) {
		if first == nil {
			first = loop(d, ds, s, ss, n)
		}
	})
	return first
}

func mustCast(from, to dtype.DType) dtype.CastLoop {
	l, err := dtype.GetCast(from, to)
	if err != nil {
		panic(err)
	}
	return l
}

// overlaps reports whether two arrays may share memory: the same buffer
// and intersecting byte extents.
func overlaps(a, b *Array) bool {
	if len(a.data) == 0 || len(b.data) == 0 || &a.data[0] != &b.data[0] {
		return false
	}
	alo, ahi := extent(a)
	blo, bhi := extent(b)
	return alo < bhi && blo < ahi
}

// extent returns the byte range [lo, hi) that a's elements occupy.
func extent(a *Array) (lo, hi int) {
	lo, hi = a.offset, a.offset
	for i, d := range a.Shape() {
		if d == 0 {
			return a.offset, a.offset
		}
		e := (d - 1) * a.Strides()[i]
		if e < 0 {
			lo += e
		} else {
			hi += e
		}
	}
	return lo, hi + a.dtype.Size()
}

// Copy returns a new C-ordered array with a copy of a's elements.
func (a *Array) Copy() *Array { return a.CopyOrder(C) }

// CopyOrder returns a new array with a copy of a's elements, laid out in
// the given order.
func (a *Array) CopyOrder(order Order) *Array {
	if nb := a.NBytes(); nb > maxSmallAlloc &&
		((order == C && a.IsCContiguous()) || (order == F && a.IsFContiguous())) {
		// The elements lie in the result's order already.
		out := newCloned(a.dtype, a.Shape(), order, unsafe.Slice((*byte)(a.base()), nb))
		shareArena(out, a)
		return out
	}
	out, err := newArrayAlloc(a.dtype, a.Shape(), order, allocUninit) // the copy writes every byte
	if err != nil {
		panic(err) // a's shape was valid already
	}
	shareArena(out, a)
	if a.size > 0 {
		strided.Copy(a.Shape(), out.base(), out.Strides(), a.base(), a.Strides(), a.dtype.Size())
	}
	return out
}

// AsType returns a new array with a's elements converted to dt, if the
// casting level allows it (NumPy's default for astype is Unsafe). A
// forbidden cast is a *dtype.CastError. The result is C-ordered and in
// dt's byte order.
func (a *Array) AsType(dt dtype.DType, casting dtype.Casting) (*Array, error) {
	dt = dtype.SizedStringFor(a.dtype, dt) // astype("U"): the width the values need
	dt = datetimeTarget(a, dt)             // astype("M8") of text: the unit the values need
	dt = textCastTarget(a, dt)             // astype("U") of strings: the longest value
	if !dtype.CanCast(a.dtype, dt, casting) {
		return nil, &dtype.CastError{From: a.dtype, To: dt, Casting: casting}
	}
	var out *Array
	var err error
	if plainBits(a.dtype) {
		out, err = Uninitialized(dt, C, a.Shape()...) // the conversion writes every element
	} else {
		out, err = newArray(dt, a.Shape(), C)
	}
	if err != nil {
		return nil, err
	}
	if err := copyInto(out, a); err != nil {
		return nil, err
	}
	return out, nil
}

// CopyFrom copies src's elements into a, broadcasting src to a's shape and
// converting with the casting level (NumPy's np.copyto). Overlapping
// memory is handled as if src had been copied first.
func (a *Array) CopyFrom(src *Array, casting dtype.Casting) error {
	if !a.IsWriteable() {
		return &ValueError{Op: "copy", Msg: "destination is read-only"}
	}
	if !dtype.CanCast(src.dtype, a.dtype, casting) {
		return &dtype.CastError{From: src.dtype, To: a.dtype, Casting: casting}
	}
	b, err := src.BroadcastTo(a.Shape()...)
	if err != nil {
		return err
	}
	return copyInto(a, b)
}
