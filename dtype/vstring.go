package dtype

import "unsafe"

// StringRef is the stored form of one element of the variable-length
// string type String: the byte offset and the length of the element's
// UTF-8 text in a byte arena that the array owns (shared by its views and
// copies). A zeroed element is the empty string. The element holds no Go
// pointer, so an array of strings can be copied, viewed and written to a
// file like any other buffer; the text itself lives beside it.
type StringRef struct {
	Offset int64
	Len    int64
}

// String is the variable-length UTF-8 string type (datashape `string`):
// each 16-byte element is a StringRef into the array's arena. Its values
// are Go strings. The type has no byte order.
var String = DType{vstrInfo()}

func vstrInfo() *info {
	t := &info{num: NumUser, kind: KindString, size: int(unsafe.Sizeof(StringRef{})), align: 8,
		order: NotApplicable, name: "string", datashape: "string"}
	t.native, t.swapped = t, t
	return t
}

// vstrIsText reports whether d is a kind whose values are text (fixed-width
// Unicode or bytes, variable-length strings, categoricals).
func vstrIsText(d DType) bool {
	switch d.Kind() {
	case KindUnicode, KindBytes, KindString, KindCategory:
		return true
	}
	return false
}

// stringHook decides promotion and casting for pairs involving String.
// The conversions themselves need the arrays' arenas, so the dtype-level
// cast loops exist only from String to String; package ndarray converts
// to and from String when it copies arrays.
var stringHook = flexHook{
	promote: func(a, b DType) (DType, bool, error) {
		if !hookPair(KindString, a, b) {
			return DType{}, false, nil
		}
		if vstrIsText(a) && vstrIsText(b) {
			return String, true, nil
		}
		return DType{}, true, &PromotionError{Types: []DType{a, b}}
	},
	canCast: func(from, to DType, casting Casting) (ok, handled bool) {
		if !hookPair(KindString, from, to) {
			return false, false
		}
		switch {
		case from.Kind() == KindString && to.Kind() == KindString:
			return true, true
		case to.Kind() == KindString:
			// every value has a text form: numbers, text, categories
			return casting >= Safe && from.Kind() != KindRecord && from.Kind() != KindUser, true
		}
		// text to numbers or fixed-width text may fail or truncate
		return casting == Unsafe && to.Kind() != KindRecord && to.Kind() != KindUser, true
	},
	getCast: func(from, to DType) (CastLoop, bool, error) {
		if !hookPair(KindString, from, to) {
			return nil, false, nil
		}
		if from == to {
			return copyLoop(from.Size()), true, nil
		}
		return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
	},
	checkedCast: func(from, to DType) (CheckedCastLoop, bool, error) {
		if !hookPair(KindString, from, to) {
			return nil, false, nil
		}
		if from == to {
			return infallible(copyLoop(from.Size())), true, nil
		}
		return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
	},
}
