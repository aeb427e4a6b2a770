package dtype

import (
	"encoding/binary"
	"unsafe"
)

// Kind is the broad category of an element type, as NumPy's dtype.kind.
type Kind uint8

// The kinds of element types.
const (
	KindInvalid Kind = iota
	KindBool         // 'b'
	KindUint         // 'u'
	KindInt          // 'i'
	KindFloat        // 'f'
	KindComplex      // 'c'
)

// Char returns NumPy's one-letter code of the kind ('b', 'i', 'u', 'f', 'c').
func (k Kind) Char() byte {
	switch k {
	case KindBool:
		return 'b'
	case KindInt:
		return 'i'
	case KindUint:
		return 'u'
	case KindFloat:
		return 'f'
	case KindComplex:
		return 'c'
	case KindUser:
		return 'V'
	}
	return flexKindChar(k)
}

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case KindBool:
		return "bool"
	case KindInt:
		return "signed integer"
	case KindUint:
		return "unsigned integer"
	case KindFloat:
		return "floating"
	case KindComplex:
		return "complex"
	case KindUser:
		return "user-defined"
	}
	return flexKindName(k)
}

// ByteOrder is the order in which the bytes of a multi-byte element are
// stored.
type ByteOrder uint8

// The byte orders. NotApplicable is the order of single-byte types (NumPy '|').
const (
	NotApplicable ByteOrder = iota
	LittleEndian
	BigEndian
)

// NativeEndian is the byte order of the machine the program runs on.
var NativeEndian = func() ByteOrder {
	if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
		return LittleEndian
	}
	return BigEndian
}()

// Char returns NumPy's byte-order character: '<', '>' or '|'.
func (o ByteOrder) Char() byte {
	switch o {
	case LittleEndian:
		return '<'
	case BigEndian:
		return '>'
	}
	return '|'
}

// String returns "little", "big" or "not applicable".
func (o ByteOrder) String() string {
	switch o {
	case LittleEndian:
		return "little"
	case BigEndian:
		return "big"
	}
	return "not applicable"
}

// Num identifies a built-in element type. It indexes tables such as the
// promotion and casting tables, and orders the types as NumPy does.
type Num int8

// The built-in element types, in NumPy's type-number order.
const (
	NumBool Num = iota
	NumInt8
	NumUint8
	NumInt16
	NumUint16
	NumInt32
	NumUint32
	NumInt64
	NumUint64
	NumFloat16
	NumFloat32
	NumFloat64
	NumComplex64
	NumComplex128
	numBuiltin // the number of built-in types

	// NumUser is the Num of every type that is not one of the built-ins.
	NumUser Num = -1
)

// NumBuiltin is the number of built-in numeric element types.
const NumBuiltin = int(numBuiltin)

// DType describes the element type of an array: its kind, size, alignment,
// byte order and names. DType values are comparable with == and usable as
// map keys; two DTypes are equal exactly when they describe the same type
// in the same byte order. The zero DType is invalid.
type DType struct{ t *info }

type info struct {
	num       Num
	kind      Kind
	size      int
	align     int
	order     ByteOrder
	name      string      // NumPy name: "float64"
	char      byte        // NumPy character code: 'd'
	datashape string      // datashape name: "float64"
	native    *info       // the native-order twin (itself when native)
	swapped   *info       // the other-order twin (itself for single bytes)
	unit      TimeUnit    // datetime64/timedelta64 only
	rec       *recordInfo // records only
	elem      *info       // options only: the value type
	cat       *catInfo    // categoricals only
}

// natives and swaps are the built-in types in native and in the other
// byte order: the only infos whose num is not NumUser, so a DType with a
// built-in Num points into static storage the collector never frees
// (ndarray stores such a DType without a write barrier; see
// TestBuiltinDTypesAreStatic).
var (
	natives [numBuiltin]info
	swaps   [numBuiltin]info
)

// The built-in element types in native byte order.
var (
	Bool       = DType{&natives[NumBool]}
	Int8       = DType{&natives[NumInt8]}
	Uint8      = DType{&natives[NumUint8]}
	Int16      = DType{&natives[NumInt16]}
	Uint16     = DType{&natives[NumUint16]}
	Int32      = DType{&natives[NumInt32]}
	Uint32     = DType{&natives[NumUint32]}
	Int64      = DType{&natives[NumInt64]}
	Uint64     = DType{&natives[NumUint64]}
	Float16    = DType{&natives[NumFloat16]}
	Float32    = DType{&natives[NumFloat32]}
	Float64    = DType{&natives[NumFloat64]}
	Complex64  = DType{&natives[NumComplex64]}
	Complex128 = DType{&natives[NumComplex128]}
)

// Builtins returns the 14 built-in numeric types in native byte order, in
// NumPy's type-number order (bool, int8, uint8, int16, …, complex128).
func Builtins() []DType {
	out := make([]DType, numBuiltin)
	for i := range out {
		out[i] = DType{&natives[i]}
	}
	return out
}

// builtinsReady fills the built-in tables during package variable
// initialisation, which precedes every init function of the package (the
// cast and promotion tables are built from it in init).
var builtinsReady = initBuiltins()

func initBuiltins() bool {
	type spec struct {
		kind Kind
		size int
		name string
		char byte
	}
	specs := [numBuiltin]spec{
		NumBool:       {KindBool, 1, "bool", '?'},
		NumInt8:       {KindInt, 1, "int8", 'b'},
		NumUint8:      {KindUint, 1, "uint8", 'B'},
		NumInt16:      {KindInt, 2, "int16", 'h'},
		NumUint16:     {KindUint, 2, "uint16", 'H'},
		NumInt32:      {KindInt, 4, "int32", 'i'},
		NumUint32:     {KindUint, 4, "uint32", 'I'},
		NumInt64:      {KindInt, 8, "int64", 'l'},
		NumUint64:     {KindUint, 8, "uint64", 'L'},
		NumFloat16:    {KindFloat, 2, "float16", 'e'},
		NumFloat32:    {KindFloat, 4, "float32", 'f'},
		NumFloat64:    {KindFloat, 8, "float64", 'd'},
		NumComplex64:  {KindComplex, 8, "complex64", 'F'},
		NumComplex128: {KindComplex, 16, "complex128", 'D'},
	}
	other := BigEndian
	if NativeEndian == BigEndian {
		other = LittleEndian
	}
	for i, s := range specs {
		align := s.size
		if s.kind == KindComplex {
			align = s.size / 2
		}
		n, w := &natives[i], &swaps[i]
		*n = info{num: Num(i), kind: s.kind, size: s.size, align: align, order: NativeEndian,
			name: s.name, char: s.char, datashape: s.name, native: n, swapped: w}
		*w = *n
		w.order, w.swapped = other, n
		if s.size == 1 {
			n.order = NotApplicable
			n.swapped = n
			// A single-byte type has no second byte order: the "swapped"
			// entry is never handed out.
			w.order = NotApplicable
		}
	}
	return true
}

// IsValid reports whether d is a real type rather than the zero DType.
func (d DType) IsValid() bool { return d.t != nil }

// Num returns the built-in type number, or NumUser.
func (d DType) Num() Num {
	if d.t == nil {
		return NumUser
	}
	return d.t.num
}

// Kind returns the kind of d.
func (d DType) Kind() Kind {
	if d.t == nil {
		return KindInvalid
	}
	return d.t.kind
}

// Size returns the number of bytes of one element (NumPy's itemsize).
func (d DType) Size() int {
	if d.t == nil {
		return 0
	}
	return d.t.size
}

// Alignment returns the alignment in bytes an element needs: NumPy's
// dtype.alignment, at least 1 except for an aligned record without fields
// (RecordOf(nil, true)), whose alignment NumPy makes 0.
func (d DType) Alignment() int {
	if d.t == nil {
		return 1
	}
	return d.t.align
}

// ByteOrder returns the byte order of the elements.
func (d DType) ByteOrder() ByteOrder {
	if d.t == nil {
		return NotApplicable
	}
	return d.t.order
}

// IsNative reports whether elements are stored in the machine's byte order
// (always true for single-byte types).
func (d DType) IsNative() bool { return d.t == nil || d.t.native == d.t }

// Native returns d in native byte order.
func (d DType) Native() DType {
	if d.t == nil {
		return d
	}
	return DType{d.t.native}
}

// WithByteOrder returns d stored in byte order o. Single-byte types have no
// byte order and are returned unchanged.
func (d DType) WithByteOrder(o ByteOrder) DType {
	if d.t == nil || d.t.size == 1 || o == NotApplicable || o == d.t.order {
		return d
	}
	return DType{d.t.swapped}
}

// Name returns NumPy's name of the type ("float64", "complex128", "bool").
// The name does not include the byte order; String does.
func (d DType) Name() string {
	if d.t == nil {
		return "invalid"
	}
	return d.t.name
}

// String returns the name for native types and NumPy's type string for
// the others (">f8"), so that two different types never print the same.
// A record prints as NumPy's str of its dtype: [('a', '<i4'), ('b', '<f8')]
// when packed, else the dictionary form with names, formats, offsets and
// itemsize; a plain void prints its type string ("|V8").
func (d DType) String() string {
	if d.t == nil {
		return "invalid"
	}
	if d.t.rec != nil {
		return recordString(d, true)
	}
	if d.IsNative() {
		return d.t.name
	}
	return d.Str()
}

// Char returns NumPy's character code of the type ('d' for float64).
func (d DType) Char() byte {
	if d.t == nil {
		return 0
	}
	return d.t.char
}

// Str returns NumPy's array-protocol type string: byte order, kind
// character and size ("<f8", "|u1", ">c16"). For an option type, which
// NumPy lacks, it is "?" and the value type's string ("?<f8"). Parse
// reads every type string back as the same type.
func (d DType) Str() string {
	if d.t == nil {
		return "invalid"
	}
	if d.t.kind == KindOption {
		// NumPy has no option types: "?" and the value type's string,
		// which Parse reads back ("?<f8").
		return "?" + DType{d.t.elem}.Str()
	}
	s := string(d.t.order.Char()) + string(d.t.kind.Char())
	switch d.t.kind {
	case KindDatetime, KindTimedelta:
		s += "8"
		if d.t.unit != UnitGeneric {
			s += "[" + d.t.unit.String() + "]"
		}
		return s
	case KindUnicode:
		return s + itoa(d.t.size/4)
	}
	return s + itoa(d.t.size)
}

// Datashape returns the type's name in the datashape language ("float64").
func (d DType) Datashape() string {
	if d.t == nil {
		return "invalid"
	}
	return d.t.datashape
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Type constraints for the Go types that correspond to element types.

// Integer is the set of Go integer types that are element types.
type Integer interface {
	int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64 | int | uint
}

// Float is the set of Go floating-point types that are element types
// (float16 is a defined type of x448/float16 and sits in Element).
type Float interface{ float32 | float64 }

// Complex is the set of Go complex types.
type Complex interface{ complex64 | complex128 }

// Element is the set of Go types whose values are array elements. Go's int
// and uint correspond to int64 and uint64 on 64-bit platforms (int32 and
// uint32 on 32-bit ones).
type Element interface {
	bool | Integer | float16Type | Float | Complex
}

// Of returns the element type corresponding to the Go type T.
func Of[T Element]() DType {
	var z T
	switch any(z).(type) {
	case bool:
		return Bool
	case int8:
		return Int8
	case int16:
		return Int16
	case int32:
		return Int32
	case int64:
		return Int64
	case uint8:
		return Uint8
	case uint16:
		return Uint16
	case uint32:
		return Uint32
	case uint64:
		return Uint64
	case int:
		if unsafe.Sizeof(z) == 4 {
			return Int32
		}
		return Int64
	case uint:
		if unsafe.Sizeof(z) == 4 {
			return Uint32
		}
		return Uint64
	case float16Type:
		return Float16
	case float32:
		return Float32
	case float64:
		return Float64
	case complex64:
		return Complex64
	case complex128:
		return Complex128
	}
	panic("unreachable")
}
