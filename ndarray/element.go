package ndarray

import (
	"fmt"
	"iter"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

// offsetOf returns the byte offset of the element at idx, or an
// *IndexError when idx does not address an element. Negative indices
// count from the end, as in NumPy.
func (a *Array) offsetOf(idx []int) (int, error) {
	if len(idx) != a.NDim() {
		return 0, &IndexError{Msg: fmt.Sprintf("%d indices given for an array of dimension %d", len(idx), a.NDim())}
	}
	return a.prefixOffset(idx)
}

// prefixOffset returns the byte offset of a[idx...] for an index of the
// first len(idx) <= a.NDim() dimensions, or an *IndexError for an index
// out of bounds. Negative indices count from the end.
func (a *Array) prefixOffset(idx []int) (int, error) {
	off := a.offset
	for k, i := range idx {
		d := a.Shape()[k]
		if i < 0 {
			i += d
		}
		if i < 0 || i >= d {
			return 0, &IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", idx[k], k, d)}
		}
		off += i * a.Strides()[k]
	}
	return off, nil
}

func (a *Array) mustOffset(idx []int) int {
	off, err := a.offsetOf(idx)
	if err != nil {
		panic(err)
	}
	return off
}

func checkType[T dtype.Element](a *Array, op string) {
	if want := dtype.Of[T](); want.Native() != a.dtype.Native() {
		var z T
		panic(fmt.Sprintf("ndarray: %s[%T] on an array of %s", op, z, a.dtype))
	}
}

// load reads the element at byte offset off as T, swapping bytes when the
// array is not in native order.
func load[T dtype.Element](a *Array, off int) T {
	v := *(*T)(a.ptr(off))
	if !a.dtype.IsNative() {
		dtype.SwapBytes(unsafe.Slice((*byte)(unsafe.Pointer(&v)), unsafe.Sizeof(v)), a.dtype)
	}
	return v
}

func store[T dtype.Element](a *Array, off int, v T) {
	if !a.dtype.IsNative() {
		dtype.SwapBytes(unsafe.Slice((*byte)(unsafe.Pointer(&v)), unsafe.Sizeof(v)), a.dtype)
	}
	*(*T)(a.ptr(off)) = v
}

// At returns the element of a at the given index as a T. T must be the Go
// type of a's element type (dtype.Of[T]() == a.DType(), byte order aside).
// Like indexing a Go slice, it panics when the index is out of range or T
// does not match.
func At[T dtype.Element](a *Array, idx ...int) T {
	checkType[T](a, "At")
	return load[T](a, a.mustOffset(idx))
}

// Set stores v at the given index of a, under the same rules as At. It
// panics on a read-only array.
func Set[T dtype.Element](a *Array, v T, idx ...int) {
	checkType[T](a, "Set")
	if !a.IsWriteable() {
		panic("ndarray: Set on a read-only array")
	}
	store(a, a.mustOffset(idx), v)
}

// valueAt returns the element at byte offset off as a plain Go value.
func (a *Array) valueAt(off int) any {
	switch a.dtype.Num() {
	case dtype.NumBool:
		return *(*bool)(a.ptr(off))
	case dtype.NumInt8:
		return load[int8](a, off)
	case dtype.NumUint8:
		return load[uint8](a, off)
	case dtype.NumInt16:
		return load[int16](a, off)
	case dtype.NumUint16:
		return load[uint16](a, off)
	case dtype.NumInt32:
		return load[int32](a, off)
	case dtype.NumUint32:
		return load[uint32](a, off)
	case dtype.NumInt64:
		return load[int64](a, off)
	case dtype.NumUint64:
		return load[uint64](a, off)
	case dtype.NumFloat16:
		return load[float16.Float16](a, off)
	case dtype.NumFloat32:
		return load[float32](a, off)
	case dtype.NumFloat64:
		return load[float64](a, off)
	case dtype.NumComplex64:
		return load[complex64](a, off)
	case dtype.NumComplex128:
		return load[complex128](a, off)
	}
	if v, ok := a.textValueAt(off); ok {
		return v
	}
	if isFixedString(a.dtype) {
		return dtype.StringValue(a.dtype, a.elem(off))
	}
	if a.dtype.IsTime() {
		return loadTick(a, off) // the int64 tick (dtype.NaT for NaT)
	}
	if a.dtype.Kind() == dtype.KindRecord {
		return decodeScalar(a.data[off:off+a.dtype.Size()], a.dtype) // []any, see RecordAt
	}
	return nil
}

// Item returns the element at idx as a plain Go value (bool, int8, …,
// float16.Float16, float32, float64, complex64, complex128; a string for
// the text types, see StringAt; the int64 tick of a datetime64 or
// timedelta64 element; the []any of RecordAt for a record). With no index
// it returns the only element of a size-1 array, as NumPy's item().
func (a *Array) Item(idx ...int) (any, error) {
	if len(idx) == 0 {
		if a.size != 1 {
			return nil, &ValueError{Op: "item", Msg: fmt.Sprintf("can only convert an array of size 1 to a Go value, not size %d", a.size)}
		}
		off := a.offset
		return a.valueAt(off), nil
	}
	off, err := a.offsetOf(idx)
	if err != nil {
		return nil, err
	}
	return a.valueAt(off), nil
}

// forEachOffset calls yield with the C-order position and byte offset of
// every element, stopping when yield returns false.
func (a *Array) forEachOffset(yield func(i, off int) bool) {
	if a.size == 0 {
		return
	}
	nd := a.NDim()
	if nd == 0 {
		yield(0, a.offset)
		return
	}
	var ibuf [inlineDims]int
	idx := ibuf[:0]
	if nd <= inlineDims {
		idx = ibuf[:nd]
	} else {
		idx = make([]int, nd)
	}
	last := nd - 1
	off := a.offset
	n, st := a.Shape()[last], a.Strides()[last]
	for i := 0; ; {
		for j := range n {
			if !yield(i, off+j*st) {
				return
			}
			i++
		}
		k := last - 1
		for ; k >= 0; k-- {
			idx[k]++
			off += a.Strides()[k]
			if idx[k] < a.Shape()[k] {
				break
			}
			off -= a.Strides()[k] * a.Shape()[k]
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// All returns an iterator over the elements in C order, yielding each
// element's flat position and its value as a plain Go value (see Item).
func (a *Array) All() iter.Seq2[int, any] {
	return func(yield func(int, any) bool) {
		a.forEachOffset(func(i, off int) bool { return yield(i, a.valueAt(off)) })
	}
}

// Values returns an iterator over the elements of a in C order as T,
// yielding each element's flat position and value. It panics, as At does,
// when T is not a's element type.
func Values[T dtype.Element](a *Array) iter.Seq2[int, T] {
	checkType[T](a, "Values")
	return func(yield func(int, T) bool) {
		a.forEachOffset(func(i, off int) bool { return yield(i, load[T](a, off)) })
	}
}

// ToSlice returns a copy of the elements of a in C order as a []T, under
// the same type rule as At.
func ToSlice[T dtype.Element](a *Array) []T {
	checkType[T](a, "ToSlice")
	out := make([]T, 0, a.size)
	if a.IsCContiguous() && a.dtype.IsNative() && a.size > 0 {
		return append(out, unsafe.Slice((*T)(a.base()), a.size)...)
	}
	for _, v := range Values[T](a) {
		out = append(out, v)
	}
	return out
}
