package ndarray

import (
	"fmt"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

// Text elements, whatever the text type: fixed-width Unicode ("U<n>") and
// bytes ("S<n>"), variable-length strings (dtype.String) and categoricals
// are all read with StringAt and Strings and written with SetString, and
// every one of them can be filled with a Go string (Fill).

// isText reports whether dt's elements are text: U, S, String or a
// categorical.
func isText(dt dtype.DType) bool {
	switch dt.Kind() {
	case dtype.KindUnicode, dtype.KindBytes, dtype.KindString, dtype.KindCategory:
		return true
	}
	return false
}

func notText(op string, dt dtype.DType) error {
	return &ValueError{Op: op, Msg: fmt.Sprintf("elements of type %s are not text (U, S, string or categorical)", dt)}
}

// textAt returns the text of the element at byte offset off of a text
// array; snap is the arena snapshot of an array of variable-length
// strings.
func (a *Array) textAt(op string, off int, snap []byte) (string, error) {
	switch a.dtype.Kind() {
	case dtype.KindUnicode, dtype.KindBytes:
		return dtype.StringValue(a.dtype, a.elem(off)), nil
	case dtype.KindString:
		b, ok := StringBytes(snap, *(*dtype.StringRef)(a.ptr(off)))
		if !ok {
			return "", badStringRef()
		}
		return string(b), nil
	case dtype.KindCategory:
		v, ok := a.dtype.Category(a.dtype.ReadCode(a.ptr(off)))
		if !ok {
			return "", &ValueError{Op: op, Msg: "categorical code outside the category list"}
		}
		return v, nil
	}
	return "", notText(op, a.dtype)
}

// StringAt returns the element of a text array at idx as a Go string: the
// text of a Unicode ("U<n>") element and the bytes of a Bytes ("S<n>")
// element, trailing NULs dropped in both (a NUL inside is kept); the
// value of a variable-length string (dtype.String); the value of a
// categorical element. An array of another type is a *ValueError, an
// index that does not address an element an *IndexError.
func (a *Array) StringAt(idx ...int) (string, error) {
	if !isText(a.dtype) {
		return "", notText("string at", a.dtype)
	}
	off, err := a.offsetOf(idx)
	if err != nil {
		return "", err
	}
	return a.textAt("string at", off, a.StringArena().snapshot())
}

// Strings returns the elements of a text array (U, S, String or
// categorical) in C order, as StringAt reads them. An array of another
// type is a *ValueError.
func (a *Array) Strings() ([]string, error) {
	if !isText(a.dtype) {
		return nil, notText("strings", a.dtype)
	}
	out := make([]string, 0, a.size)
	snap := a.StringArena().snapshot()
	var err error
	a.forEachOffset(func(_, off int) bool {
		var s string
		if s, err = a.textAt("strings", off, snap); err != nil {
			return false
		}
		out = append(out, s)
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetString stores s at idx of a text array, as NumPy assigns a str:
//
//   - in a Unicode ("U<n>") array its code points, truncated to the width
//     (s must be valid UTF-8);
//   - in a Bytes ("S<n>") array its bytes, truncated to the width (s must
//     be ASCII, as NumPy encodes a str; SetBytes stores other bytes);
//   - in an array of variable-length strings the whole of s (valid UTF-8);
//   - in a categorical array the code of s, which must be a category.
//
// A value the type cannot hold is a *dtype.ValueError, and a is then
// unchanged; a read-only array or one of another type is a *ValueError,
// an index that does not address an element an *IndexError.
func (a *Array) SetString(s string, idx ...int) error {
	if !isText(a.dtype) {
		return notText("set string", a.dtype)
	}
	if !a.IsWriteable() {
		return &ValueError{Op: "set string", Msg: "assignment destination is read-only"}
	}
	off, err := a.offsetOf(idx)
	if err != nil {
		return err
	}
	switch a.dtype.Kind() {
	case dtype.KindString:
		if !utf8.ValidString(s) {
			return &dtype.ValueError{Msg: "string is not valid UTF-8: " + strconv.Quote(s)}
		}
		*(*dtype.StringRef)(a.ptr(off)) = a.arenaFor().Add(s)
		return nil
	case dtype.KindCategory:
		c, ok := a.dtype.CategoryCode(s)
		if !ok {
			return &dtype.ValueError{Msg: strconv.Quote(s) + " is not a category of " + a.dtype.Datashape()}
		}
		a.dtype.WriteCode(a.ptr(off), c)
		return nil
	}
	return dtype.SetStringValue(a.dtype, a.elem(off), s)
}

// creationType returns the type of an array made from a type alone
// (Empty, Zeros, Ones, Full): the unsized fixed-width strings Unicode(0)
// and Bytes(0) hold one character, as NumPy's np.zeros(3, dtype="U") is
// "<U1"; other types are returned as they are.
func creationType(dt dtype.DType) dtype.DType {
	if isFixedString(dt) && dt.Width() == 0 {
		return dtype.SizedStringFor(dtype.Unicode(1), dt)
	}
	return dt
}

// textCastTarget sizes an unsized fixed-width target (Unicode(0),
// Bytes(0)) for a cast from variable-length strings or a categorical: the
// width of the longest value of a, in characters for U and in bytes for
// S, at least 1. Other pairs give dt unchanged.
func textCastTarget(a *Array, dt dtype.DType) dtype.DType {
	if !isFixedString(dt) || dt.Width() != 0 {
		return dt
	}
	if k := a.dtype.Kind(); k != dtype.KindString && k != dtype.KindCategory {
		return dt
	}
	w := 1
	snap := a.StringArena().snapshot()
	a.forEachOffset(func(_, off int) bool {
		s, err := a.textAt("astype", off, snap)
		if err != nil {
			return false // the copy reports it
		}
		if dt.Kind() == dtype.KindUnicode {
			w = max(w, utf8.RuneCountInString(s))
		} else {
			w = max(w, len(s))
		}
		return true
	})
	return dtype.SizedStringFor(dtype.Unicode(w), dt)
}

// fillText is Fill with a Go string for a text array: every element
// holds s as SetString stores it.
func (a *Array) fillText(s string) error {
	switch a.dtype.Kind() {
	case dtype.KindString:
		if !utf8.ValidString(s) {
			return &dtype.ValueError{Msg: "string is not valid UTF-8: " + strconv.Quote(s)}
		}
		// every element refers to the one copy of the text
		ref := a.arenaFor().Add(s)
		a.fillPattern([2]uint64{uint64(ref.Offset), uint64(ref.Len)})
		return nil
	case dtype.KindCategory:
		c, ok := a.dtype.CategoryCode(s)
		if !ok {
			return &dtype.ValueError{Msg: strconv.Quote(s) + " is not a category of " + a.dtype.Datashape()}
		}
		var pat [2]uint64
		a.dtype.WriteCode(unsafe.Pointer(&pat), c)
		a.fillPattern(pat)
		return nil
	}
	src, err := a.fixedElement(s)
	if err != nil {
		return err
	}
	return a.fillFrom(src)
}

// fillFrom sets every element of a to the only element of src,
// converting it with the checks a conversion of text needs.
func (a *Array) fillFrom(src *Array) error {
	if src.NDim() > 0 {
		var err error
		if src, err = src.Reshape(); err != nil {
			return err
		}
	}
	b, err := src.BroadcastTo(a.Shape()...)
	if err != nil {
		return err
	}
	return copyInto(a, b)
}

// fixedElement returns a 0-d array of a's fixed-width string type
// holding s as SetString stores it.
func (a *Array) fixedElement(s string) (*Array, error) {
	e, err := newArray(a.dtype, nil, C)
	if err != nil {
		return nil, err
	}
	if err := dtype.SetStringValue(a.dtype, e.data[:a.dtype.Size()], s); err != nil {
		return nil, err
	}
	return e, nil
}
