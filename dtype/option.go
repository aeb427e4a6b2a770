package dtype

import (
	"fmt"
	"unsafe"
)

// Option returns the option type ?T: an element holds a value of type T
// or is missing (datashape `?T`).
//
// # Layout
//
// An option element stores its value inline, followed by one validity
// byte (1 for a value, 0 for missing), padded to T's alignment:
//
//	offset 0            T's value (T.Size() bytes)
//	offset T.Size()     validity byte: 1 valid, 0 missing
//	then                padding up to a multiple of T.Alignment()
//
// So ?float64 is 16 bytes, ?int32 8, ?bool 2. Because the flag lives in
// the element, options compose with views, records and ragged arrays with
// no side structure, and a zeroed element is missing. The value bytes of a
// missing element are unspecified (zero when the array was made missing).
//
// Option of an option is the option itself (the datashape language has no
// ??T); Option of the zero DType is the zero DType. The option's byte
// order is its value type's.
func Option(t DType) DType {
	if t.t == nil {
		return DType{}
	}
	if t.t.kind == KindOption {
		return t
	}
	order := t.t.order
	key := flexKey{kind: KindOption, order: order, rec: fmt.Sprintf("?%p", t.Native().t)}
	return DType{intern(key, func(o ByteOrder) *info {
		v := t
		if o != order {
			v = t.WithByteOrder(o)
		}
		align := max(v.t.align, 1)
		size := (v.t.size + 1 + align - 1) / align * align
		name := "?" + v.String()
		return &info{num: NumUser, kind: KindOption, size: size, align: align, order: o,
			name: name, datashape: "?" + v.t.datashape, elem: v.t}
	})}
}

// Elem returns the value type of an option type (int32 for ?int32), and
// the zero DType for every other type.
func (d DType) Elem() DType {
	if d.t == nil || d.t.kind != KindOption {
		return DType{}
	}
	return DType{d.t.elem}
}

// ValidOffset returns the byte offset of the validity flag within an
// element of an option type (the size of its value type), or -1 for
// other types.
func (d DType) ValidOffset() int {
	if d.t == nil || d.t.kind != KindOption {
		return -1
	}
	return d.t.elem.size
}

// IsOption reports whether d is an option type.
func (d DType) IsOption() bool { return d.Kind() == KindOption }

func init() {
	// Options wrap every other kind, so their hook goes first: a pair
	// involving an option is decided here before the hooks of the value
	// kinds see it. The variable-length string and categorical hooks
	// follow, ahead of the fixed-width string hooks, so that a pair of
	// Unicode and String is decided by the String rules.
	flexHooks = append([]flexHook{{
		parse:       optionParse,
		promote:     optionPromote,
		canCast:     optionCanCast,
		getCast:     optionGetCast,
		checkedCast: optionCheckedCast,
	}, stringHook, categoryHook}, flexHooks...)
}

// optionParse reads "?T" for any type name T other than the empty one
// ("?" alone is bool's character code).
func optionParse(body string, order ByteOrder, explicit bool) (DType, bool, error) {
	if len(body) < 2 || body[0] != '?' || explicit {
		return DType{}, false, nil
	}
	inner, err := Parse(body[1:])
	if err != nil {
		return DType{}, true, err
	}
	return Option(inner), true, nil
}

func optionPromote(a, b DType) (DType, bool, error) {
	if !a.IsOption() && !b.IsOption() {
		return DType{}, false, nil
	}
	va, vb := a, b
	if a.IsOption() {
		va = a.Elem()
	}
	if b.IsOption() {
		vb = b.Elem()
	}
	r, err := Promote(va, vb)
	if err != nil {
		return DType{}, true, &PromotionError{Types: []DType{a, b}}
	}
	return Option(r), true, nil
}

// optionCanCast: T → ?U and ?T → ?U follow T → U; ?T → U loses the
// missing state and is allowed only as an unsafe cast.
func optionCanCast(from, to DType, casting Casting) (ok, handled bool) {
	switch {
	case from.IsOption() && to.IsOption():
		return CanCast(from.Elem(), to.Elem(), casting), true
	case to.IsOption():
		return CanCast(from, to.Elem(), casting), true
	case from.IsOption():
		return casting == Unsafe && CanCast(from.Elem(), to, Unsafe), true
	}
	return false, false
}

// optSetValid writes the validity byte v into n elements.
func optSetValid(p unsafe.Pointer, step, n int, v byte) {
	for i := range n {
		*(*byte)(unsafe.Add(p, i*step)) = v
	}
}

// optCopyValid copies n validity bytes between strided runs.
func optCopyValid(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
	for i := range n {
		*(*byte)(unsafe.Add(dst, i*ds)) = *(*byte)(unsafe.Add(src, i*ss))
	}
}

// optValueType returns the value type of an option type, and any other
// type itself.
func optValueType(d DType) DType {
	if d.IsOption() {
		return d.Elem()
	}
	return d
}

func optionGetCast(from, to DType) (CastLoop, bool, error) {
	if !from.IsOption() && !to.IsOption() {
		return nil, false, nil
	}
	if from == to {
		return copyLoop(from.Size()), true, nil
	}
	fv, tv := optValueType(from), optValueType(to)
	vloop, err := GetCast(fv, tv)
	if err != nil {
		return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
	}
	switch {
	case from.IsOption() && to.IsOption():
		fo, toff := fv.Size(), tv.Size()
		return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
			if n == 0 {
				return
			}
			vloop(dst, ds, src, ss, n)
			optCopyValid(unsafe.Add(dst, toff), ds, unsafe.Add(src, fo), ss, n)
		}, true, nil
	case to.IsOption():
		off := tv.Size()
		return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
			if n == 0 {
				return
			}
			vloop(dst, ds, src, ss, n)
			optSetValid(unsafe.Add(dst, off), ds, n, 1)
		}, true, nil
	}
	// ?T → U: the values, whatever the validity (the checked cast
	// refuses missing elements).
	return vloop, true, nil
}

func optionCheckedCast(from, to DType) (CheckedCastLoop, bool, error) {
	if !from.IsOption() && !to.IsOption() {
		return nil, false, nil
	}
	if from == to {
		return infallible(copyLoop(from.Size())), true, nil
	}
	fv, tv := optValueType(from), optValueType(to)
	vloop, err := GetCheckedCast(fv, tv)
	if err != nil {
		return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
	}
	switch {
	case from.IsOption() && to.IsOption():
		fo, toff := fv.Size(), tv.Size()
		return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
			// Only valid elements are converted: a missing element's
			// value bytes are not a value (missing text need not parse).
			for i := range n {
				s, d := unsafe.Add(src, i*ss), unsafe.Add(dst, i*ds)
				v := *(*byte)(unsafe.Add(s, fo))
				if v != 0 {
					if err := vloop(d, ds, s, ss, 1); err != nil {
						return err
					}
				}
				*(*byte)(unsafe.Add(d, toff)) = v
			}
			return nil
		}, true, nil
	case to.IsOption():
		off := tv.Size()
		return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
			if n == 0 {
				return nil
			}
			if err := vloop(dst, ds, src, ss, n); err != nil {
				return err
			}
			optSetValid(unsafe.Add(dst, off), ds, n, 1)
			return nil
		}, true, nil
	}
	fo := fv.Size()
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
		for i := range n {
			s := unsafe.Add(src, i*ss)
			if *(*byte)(unsafe.Add(s, fo)) == 0 {
				return &ValueError{Msg: "cannot cast a missing element of type " + from.String() + " to " + to.String()}
			}
			if err := vloop(unsafe.Add(dst, i*ds), ds, s, ss, 1); err != nil {
				return err
			}
		}
		return nil
	}, true, nil
}
