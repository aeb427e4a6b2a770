package dtype

import "github.com/x448/float16"

type float16Type = float16.Float16

// names maps every accepted spelling without a byte-order prefix to its
// built-in type number.
var names = map[string]Num{
	// NumPy names
	"bool": NumBool, "bool_": NumBool, "bool8": NumBool, "int0": NumInt64, "uint0": NumUint64,
	"int8": NumInt8, "int16": NumInt16, "int32": NumInt32, "int64": NumInt64,
	"uint8": NumUint8, "uint16": NumUint16, "uint32": NumUint32, "uint64": NumUint64,
	"float16": NumFloat16, "float32": NumFloat32, "float64": NumFloat64,
	"complex64": NumComplex64, "complex128": NumComplex128,
	// C names as NumPy spells them on a 64-bit Linux platform
	"byte": NumInt8, "ubyte": NumUint8, "short": NumInt16, "ushort": NumUint16,
	"intc": NumInt32, "uintc": NumUint32, "int": NumInt64, "int_": NumInt64,
	"uint": NumUint64, "long": NumInt64, "ulong": NumUint64,
	"longlong": NumInt64, "ulonglong": NumUint64, "intp": NumInt64, "uintp": NumUint64,
	"half": NumFloat16, "single": NumFloat32, "double": NumFloat64, "float": NumFloat64,
	"float_": NumFloat64, "csingle": NumComplex64, "singlecomplex": NumComplex64,
	"cdouble": NumComplex128, "cfloat": NumComplex128, "complex": NumComplex128,
	"complex_": NumComplex128,
	// character codes
	"?": NumBool, "b": NumInt8, "B": NumUint8, "h": NumInt16, "H": NumUint16,
	"i": NumInt32, "I": NumUint32, "l": NumInt64, "L": NumUint64, "q": NumInt64,
	"Q": NumUint64, "p": NumInt64, "P": NumUint64, "e": NumFloat16, "f": NumFloat32,
	"d": NumFloat64, "F": NumComplex64, "D": NumComplex128,
	// kind + size
	"b1": NumBool, "i1": NumInt8, "i2": NumInt16, "i4": NumInt32, "i8": NumInt64,
	"u1": NumUint8, "u2": NumUint16, "u4": NumUint32, "u8": NumUint64,
	"f2": NumFloat16, "f4": NumFloat32, "f8": NumFloat64, "c8": NumComplex64,
	"c16": NumComplex128,
}

// Parse returns the element type named s, spelled as a NumPy user writes
// it: a name ("float64", "complex128", "bool", "int_"), a character code
// ("d", "?"), or a kind and size ("f8", "i4"), optionally preceded by a
// byte-order character ('<' little, '>' big, '=' native, '|' not
// applicable). Anything else is a *ParseError.
func Parse(s string) (DType, error) {
	body, order := s, NativeEndian
	explicit := false
	if len(body) > 0 {
		switch body[0] {
		case '<':
			order, explicit = LittleEndian, true
		case '>':
			order, explicit = BigEndian, true
		case '=':
			explicit = true
		case '|':
			order, explicit = NotApplicable, true
		}
		if explicit {
			body = body[1:]
		}
	}
	if d, ok, err := flexParse(body, order, explicit); ok {
		if err != nil {
			return DType{}, &ParseError{Input: s, Reason: err.Error()}
		}
		return d, nil
	}
	n, ok := names[body]
	if !ok {
		return DType{}, &ParseError{Input: s, Reason: reason(body)}
	}
	// NumPy takes a byte order only before a character code ("<d") or a
	// kind and size ("<f8"), not before a name ("<float64" is an error).
	if explicit && !isCode(body) {
		return DType{}, &ParseError{Input: s, Reason: "a byte order goes only before a type code such as f8"}
	}
	d := DType{&natives[n]}
	if order == NotApplicable {
		// '|' on a multi-byte type means native order, as in NumPy.
		return d, nil
	}
	return d.WithByteOrder(order), nil
}

// isCode reports whether s is a character code or a kind followed by a
// size.
func isCode(s string) bool {
	if len(s) == 1 {
		return true
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func reason(body string) string {
	if body == "" {
		return "empty type name"
	}
	return "not a known type name"
}

// MustParse is like Parse but panics on error. It is meant for names
// written in the program's own source.
func MustParse(s string) DType {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}
