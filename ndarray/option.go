package ndarray

import (
	"fmt"
	"strconv"

	"github.com/pluribus-go/pluribus/dtype"
)

// Arrays of option types (dtype.Option(T), datashape ?T) hold in each
// element a value of T and a validity byte (see dtype.Option for the
// layout). A new option array (Zeros, New) is all missing.

func notOption(op string, dt dtype.DType) error {
	return &ValueError{Op: op, Msg: fmt.Sprintf("elements of type %s are not options", dt)}
}

// OptionParts returns two views of an option array: its values (of the
// option's value type; a missing element's value is unspecified, zero
// unless written) and its validity (bool, true where an element holds a
// value). Both share a's memory, so writing them writes a. Another type is
// a *ValueError.
func (a *Array) OptionParts() (values, valid *Array, err error) {
	dt := a.dtype
	if !dt.IsOption() {
		return nil, nil, notOption("option parts", dt)
	}
	values = newHeader(dt.Elem(), a.data, a.offset, a.Shape(), a.Strides(), a.flags&Writeable)
	values.ext = a.ext
	valid = newHeader(dtype.Bool, a.data, a.offset+dt.ValidOffset(), a.Shape(), a.Strides(), a.flags&Writeable)
	return values, valid, nil
}

// FromOptional returns a new array of type dtype.Option(dtype.Of[T]())
// holding values where valid is true and missing elements elsewhere,
// with the given shape (1-d when none). values and valid must have the
// same length (else a *ShapeError).
func FromOptional[T dtype.Element](values []T, valid []bool, shape ...int) (*Array, error) {
	if len(values) != len(valid) {
		return nil, &ShapeError{Op: "from optional", Msg: strconv.Itoa(len(values)) + " values but " + strconv.Itoa(len(valid)) + " validity flags"}
	}
	v, err := FromSlice(values, shape...)
	if err != nil {
		return nil, err
	}
	out, err := newArray(dtype.Option(v.dtype), v.Shape(), C)
	if err != nil {
		return nil, err
	}
	vals, ok, _ := out.OptionParts()
	blit(vals, v)
	m, err := FromSlice(valid, v.Shape()...)
	if err != nil {
		return nil, err
	}
	blit(ok, m)
	return out, nil
}

// IsMissing reports whether the element of an option array at idx is
// missing. A non-option array is a *ValueError, a bad index an
// *IndexError.
func (a *Array) IsMissing(idx ...int) (bool, error) {
	if !a.dtype.IsOption() {
		return false, notOption("is missing", a.dtype)
	}
	off, err := a.offsetOf(idx)
	if err != nil {
		return false, err
	}
	return *(*byte)(a.ptr(off + a.dtype.ValidOffset())) == 0, nil
}

// SetMissing marks the element of an option array at idx missing.
func (a *Array) SetMissing(idx ...int) error {
	if !a.dtype.IsOption() {
		return notOption("set missing", a.dtype)
	}
	if !a.IsWriteable() {
		return &ValueError{Op: "set missing", Msg: "assignment destination is read-only"}
	}
	off, err := a.offsetOf(idx)
	if err != nil {
		return err
	}
	*(*byte)(a.ptr(off + a.dtype.ValidOffset())) = 0
	return nil
}

// AtOption returns the value at idx of an option array whose value type
// is T's, and whether it is present (the zero T when missing). Like At,
// it panics on a bad index or a T of another type.
func AtOption[T dtype.Element](a *Array, idx ...int) (T, bool) {
	if !a.dtype.IsOption() {
		panic(fmt.Sprintf("ndarray: AtOption on an array of %s", a.dtype))
	}
	values, valid, _ := a.OptionParts()
	var z T
	if !At[bool](valid, idx...) {
		return z, false
	}
	return At[T](values, idx...), true
}

// SetOption stores the value v (present) at idx of an option array whose
// value type is T's, under At's rules.
func SetOption[T dtype.Element](a *Array, v T, idx ...int) {
	if !a.dtype.IsOption() {
		panic(fmt.Sprintf("ndarray: SetOption on an array of %s", a.dtype))
	}
	values, valid, _ := a.OptionParts()
	Set(values, v, idx...)
	Set(valid, true, idx...)
}

// CountMissing returns the number of missing elements of an option
// array (0 for any other array).
func (a *Array) CountMissing() int {
	if !a.dtype.IsOption() {
		return 0
	}
	n := 0
	voff := a.dtype.ValidOffset()
	a.forEachOffset(func(_, off int) bool {
		if *(*byte)(a.ptr(off + voff)) == 0 {
			n++
		}
		return true
	})
	return n
}
