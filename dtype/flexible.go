package dtype

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// The kinds of the parameterised element types: dates and durations,
// fixed-width strings and records. Their Num is NumUser; each distinct
// parameter (unit, width, layout) is its own DType value, made once and
// shared, so DTypes still compare with ==.
const (
	KindDatetime  Kind = 6  // 'M': datetime64[unit]
	KindTimedelta Kind = 7  // 'm': timedelta64[unit]
	KindUnicode   Kind = 8  // 'U': fixed-width UTF-32 text
	KindBytes     Kind = 9  // 'S': fixed-width bytes
	KindRecord    Kind = 10 // 'V': records (structured) and plain void
	KindOption    Kind = 11 // '?T': a value or missing
	KindString    Kind = 12 // 'O'-free variable-length UTF-8 text
	KindCategory  Kind = 13 // categorical: small integer codes into a category list
)

// IsFlexible reports whether k is one of the parameterised kinds
// (datetime, timedelta, unicode, bytes, record, option, string,
// categorical).
func (k Kind) IsFlexible() bool { return k >= KindDatetime && k <= 15 }

func flexKindChar(k Kind) byte {
	switch k {
	case KindDatetime:
		return 'M'
	case KindTimedelta:
		return 'm'
	case KindUnicode:
		return 'U'
	case KindBytes:
		return 'S'
	case KindRecord:
		return 'V'
	}
	return '?'
}

func flexKindName(k Kind) string {
	switch k {
	case KindDatetime:
		return "datetime"
	case KindTimedelta:
		return "timedelta"
	case KindUnicode:
		return "unicode"
	case KindBytes:
		return "bytes"
	case KindRecord:
		return "void"
	case KindOption:
		return "option"
	case KindString:
		return "string"
	case KindCategory:
		return "categorical"
	}
	return "invalid"
}

// TimeUnit is the unit of a datetime64 or timedelta64 type.
type TimeUnit uint8

// The time units, coarsest first, as NumPy orders them. UnitGeneric is
// the unit-less datetime64/timedelta64.
const (
	UnitGeneric     TimeUnit = iota
	UnitYear                 // Y
	UnitMonth                // M
	UnitWeek                 // W
	UnitDay                  // D
	UnitHour                 // h
	UnitMinute               // m
	UnitSecond               // s
	UnitMillisecond          // ms
	UnitMicrosecond          // us
	UnitNanosecond           // ns
	UnitPicosecond           // ps
	UnitFemtosecond          // fs
	UnitAttosecond           // as
	numUnits
)

var unitNames = [numUnits]string{"generic", "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"}

// String returns NumPy's code of the unit ("ns"), or "generic".
func (u TimeUnit) String() string {
	if u < numUnits {
		return unitNames[u]
	}
	return "TimeUnit(" + strconv.Itoa(int(u)) + ")"
}

// ParseTimeUnit returns the unit with NumPy's code s ("Y", "ms", …).
func ParseTimeUnit(s string) (TimeUnit, bool) {
	for u := UnitYear; u < numUnits; u++ {
		if unitNames[u] == s {
			return u, true
		}
	}
	return 0, false
}

// Field is one named member of a record type.
type Field struct {
	Name   string
	Type   DType // the element type (itself a record for a nested record)
	Offset int   // byte offset within the record
	Shape  []int // sub-array shape; empty for a scalar field
}

// Size returns the number of bytes the field occupies: its type's size
// times the elements of its sub-array shape.
func (f Field) Size() int {
	n := f.Type.Size()
	for _, d := range f.Shape {
		n *= d
	}
	return n
}

type recordInfo struct {
	fields  []Field
	aligned bool // built with NumPy's align=True (isalignedstruct)
}

// flexHook extends Parse, Promote, CanCast and GetCast to the
// parameterised kinds. Each function reports whether it handled its
// arguments; the first hook that does decides.
type flexHook struct {
	parse       func(body string, order ByteOrder, explicit bool) (DType, bool, error)
	checkedCast func(from, to DType) (CheckedCastLoop, bool, error)
	promote     func(a, b DType) (DType, bool, error)
	canCast     func(from, to DType, casting Casting) (ok, handled bool)
	getCast     func(from, to DType) (CastLoop, bool, error)
}

var flexHooks []flexHook

// registerFlex adds a hook; files of this package call it from init.
func registerFlex(h flexHook) { flexHooks = append(flexHooks, h) }

type flexKey struct {
	kind  Kind
	order ByteOrder
	size  int
	unit  TimeUnit
	rec   string // canonical layout of a record
}

var (
	flexMu    sync.Mutex
	flexTypes = map[flexKey]*info{}
)

// intern returns the unique info for the key, creating it (and its
// byte-order twin) with mk the first time.
func intern(k flexKey, mk func(order ByteOrder) *info) *info {
	flexMu.Lock()
	defer flexMu.Unlock()
	if t, ok := flexTypes[k]; ok {
		return t
	}
	t := mk(k.order)
	t.native, t.swapped = t, t
	if k.order != NotApplicable {
		other := LittleEndian
		if k.order == LittleEndian {
			other = BigEndian
		}
		w := mk(other)
		ok := k
		ok.order = other
		if prev, dup := flexTypes[ok]; dup {
			w = prev
		}
		t.swapped, w.swapped = w, t
		if k.order == NativeEndian {
			w.native = t
		} else {
			t.native = w
			w.native = w
		}
		flexTypes[ok] = w
	}
	flexTypes[k] = t
	return t
}

func timeType(kind Kind, u TimeUnit, order ByteOrder) DType {
	if u >= numUnits {
		u = UnitGeneric
	}
	if order == NotApplicable {
		order = NativeEndian
	}
	return DType{intern(flexKey{kind: kind, order: order, size: 8, unit: u}, func(o ByteOrder) *info {
		base := "datetime64"
		if kind == KindTimedelta {
			base = "timedelta64"
		}
		name := base
		if u != UnitGeneric {
			name += "[" + u.String() + "]"
		}
		return &info{num: NumUser, kind: kind, size: 8, align: 8, order: o, name: name,
			char: flexKindChar(kind), datashape: name, unit: u}
	})}
}

// Datetime64 returns the datetime64 type with the given unit, in native
// byte order: an int64 count of units since 1970-01-01T00:00 (NaT is the
// smallest int64).
func Datetime64(u TimeUnit) DType { return timeType(KindDatetime, u, NativeEndian) }

// Timedelta64 returns the timedelta64 type with the given unit, in native
// byte order: an int64 count of units (NaT is the smallest int64).
func Timedelta64(u TimeUnit) DType { return timeType(KindTimedelta, u, NativeEndian) }

// Unit returns the time unit of a datetime64 or timedelta64 type
// (UnitGeneric for every other type).
func (d DType) Unit() TimeUnit {
	if d.t == nil {
		return UnitGeneric
	}
	return d.t.unit
}

// Unicode returns the fixed-width Unicode string type of n code points
// (NumPy "<Un", 4n bytes of UTF-32, padded with NULs) in native byte
// order. Unicode(0) is the unsized type a cast target may name ("U"),
// whose width is chosen from the source.
func Unicode(n int) DType { return unicodeType(n, NativeEndian) }

func unicodeType(n int, order ByteOrder) DType {
	if n < 0 {
		n = 0
	}
	if order == NotApplicable {
		order = NativeEndian
	}
	return DType{intern(flexKey{kind: KindUnicode, order: order, size: 4 * n}, func(o ByteOrder) *info {
		name := "U" + strconv.Itoa(n)
		return &info{num: NumUser, kind: KindUnicode, size: 4 * n, align: 4, order: o, name: name,
			char: 'U', datashape: "string[" + strconv.Itoa(n) + ", 'U32']"}
	})}
}

// Bytes returns the fixed-width byte string type of n bytes (NumPy "|Sn",
// padded with NULs). Bytes(0) is the unsized cast target "S".
func Bytes(n int) DType {
	if n < 0 {
		n = 0
	}
	return DType{intern(flexKey{kind: KindBytes, order: NotApplicable, size: n}, func(o ByteOrder) *info {
		name := "S" + strconv.Itoa(n)
		return &info{num: NumUser, kind: KindBytes, size: n, align: 1, order: o, name: name,
			char: 'S', datashape: "bytes[" + strconv.Itoa(n) + "]"}
	})}
}

// Width returns the number of characters of a Unicode type or bytes of a
// Bytes type (0 for the unsized ones and for every other type).
func (d DType) Width() int {
	switch d.Kind() {
	case KindUnicode:
		return d.t.size / 4
	case KindBytes:
		return d.t.size
	}
	return 0
}

// RecordError reports a record layout that cannot be built: a repeated or
// empty field name, a field outside the record, a bad size.
type RecordError struct {
	Msg string
}

// Error returns the message.
func (e *RecordError) Error() string { return "dtype: bad record layout: " + e.Msg }

// Record returns the record (structured) type with the given fields at
// their offsets, itemsize bytes per record. Fields keep the order given
// (NumPy's dtype.names), which need not be offset order; gaps are padding
// and fields may overlap. aligned records NumPy's align=True flag: the
// record's alignment is then the largest alignment of its fields (0 when
// it has none, as in NumPy), else 1.
// Field names must be unique and non-empty and every field must lie
// within itemsize.
func Record(fields []Field, itemsize int, aligned bool) (DType, error) {
	if itemsize < 0 {
		return DType{}, &RecordError{Msg: fmt.Sprintf("negative itemsize %d", itemsize)}
	}
	seen := make(map[string]bool, len(fields))
	fs := make([]Field, len(fields))
	var key strings.Builder
	key.WriteString(strconv.Itoa(itemsize))
	if aligned {
		key.WriteString("A")
	}
	align := 0 // NumPy's maxalign: an aligned record without fields has alignment 0
	for i, f := range fields {
		if f.Name == "" {
			return DType{}, &RecordError{Msg: fmt.Sprintf("field %d has no name", i)}
		}
		if seen[f.Name] {
			return DType{}, &RecordError{Msg: fmt.Sprintf("field name %q appears twice", f.Name)}
		}
		seen[f.Name] = true
		if !f.Type.IsValid() {
			return DType{}, &RecordError{Msg: fmt.Sprintf("field %q has no type", f.Name)}
		}
		for _, d := range f.Shape {
			if d < 0 {
				return DType{}, &RecordError{Msg: fmt.Sprintf("field %q has a negative dimension", f.Name)}
			}
		}
		if n, ok := fieldBytes(f); !ok || f.Offset < 0 || n > itemsize || f.Offset > itemsize-n {
			return DType{}, &RecordError{Msg: fmt.Sprintf("field %q (offset %d, %d bytes) does not fit in %d bytes", f.Name, f.Offset, f.Size(), itemsize)}
		}
		if a := f.Type.Alignment(); a > align {
			align = a
		}
		fs[i] = Field{Name: f.Name, Type: f.Type, Offset: f.Offset, Shape: append([]int(nil), f.Shape...)}
		fmt.Fprintf(&key, ";%q:%p@%d%v", f.Name, f.Type.t, f.Offset, f.Shape)
	}
	if !aligned {
		align = 1
	}
	t := intern(flexKey{kind: KindRecord, order: NotApplicable, size: itemsize, rec: key.String()}, func(o ByteOrder) *info {
		return &info{num: NumUser, kind: KindRecord, size: itemsize, align: align, order: o,
			name: "V" + strconv.Itoa(itemsize), char: 'V', datashape: "V" + strconv.Itoa(itemsize),
			rec: &recordInfo{fields: fs, aligned: aligned}}
	})
	return DType{t}, nil
}

// Void returns the unstructured void type of n bytes (NumPy "|Vn"): a
// record without fields.
func Void(n int) DType {
	d, err := Record(nil, n, false)
	if err != nil {
		return DType{}
	}
	return d
}

// Fields returns a copy of the fields of a record type (nil for other
// types).
func (d DType) Fields() []Field {
	if d.t == nil || d.t.rec == nil {
		return nil
	}
	out := make([]Field, len(d.t.rec.fields))
	for i, f := range d.t.rec.fields {
		out[i] = f
		out[i].Shape = append([]int(nil), f.Shape...)
	}
	return out
}

// NumFields returns the number of fields of a record type.
func (d DType) NumFields() int {
	if d.t == nil || d.t.rec == nil {
		return 0
	}
	return len(d.t.rec.fields)
}

// Field returns the field of a record type with the given name.
func (d DType) Field(name string) (Field, bool) {
	if d.t == nil || d.t.rec == nil {
		return Field{}, false
	}
	for _, f := range d.t.rec.fields {
		if f.Name == name {
			f.Shape = append([]int(nil), f.Shape...)
			return f, true
		}
	}
	return Field{}, false
}

// IsAlignedRecord reports whether a record type was built with NumPy's
// align=True.
func (d DType) IsAlignedRecord() bool { return d.t != nil && d.t.rec != nil && d.t.rec.aligned }

// HasFields reports whether d is a record type with at least one field.
func (d DType) HasFields() bool { return d.NumFields() > 0 }

// flexParse tries the hooks on a type string's body.
func flexParse(body string, order ByteOrder, explicit bool) (DType, bool, error) {
	for _, h := range flexHooks {
		if h.parse == nil {
			continue
		}
		if d, ok, err := h.parse(body, order, explicit); ok {
			return d, true, err
		}
	}
	return DType{}, false, nil
}

func flexPromote(a, b DType) (DType, error) {
	for _, h := range flexHooks {
		if h.promote == nil {
			continue
		}
		if r, ok, err := h.promote(a, b); ok {
			return r, err
		}
	}
	if a.Native() == b.Native() {
		return a.Native(), nil
	}
	return DType{}, &PromotionError{Types: []DType{a, b}}
}

func flexCanCast(from, to DType, casting Casting) bool {
	for _, h := range flexHooks {
		if h.canCast == nil {
			continue
		}
		if ok, handled := h.canCast(from, to, casting); handled {
			return ok
		}
	}
	return casting >= Equiv && from.Native() == to.Native()
}

func flexGetCast(from, to DType) (CastLoop, error) {
	for _, h := range flexHooks {
		if h.getCast == nil {
			continue
		}
		if loop, ok, err := h.getCast(from, to); ok {
			return loop, err
		}
	}
	if from == to {
		return copyLoop(from.Size()), nil
	}
	return nil, &CastError{From: from, To: to, Casting: Unsafe}
}

// CheckedCastLoop is a cast loop that can fail on a value: text that does
// not parse as a number or a date, a character the target cannot hold.
// It converts elements in order and stops at the first that fails,
// returning a typed error (a *ValueError).
type CheckedCastLoop = func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error

// ValueError reports a value a conversion cannot represent: text that is
// not a number or a date, a non-ASCII character cast to bytes.
type ValueError struct {
	Msg string
}

// Error returns the message.
func (e *ValueError) Error() string { return "dtype: " + e.Msg }

// GetCheckedCast returns the conversion from one type to another as a
// loop that reports values it cannot convert. Conversions that cannot fail
// (every cast between numeric types) are GetCast's loops.
func GetCheckedCast(from, to DType) (CheckedCastLoop, error) {
	if from.Kind().IsFlexible() || to.Kind().IsFlexible() {
		for _, h := range flexHooks {
			if h.checkedCast == nil {
				continue
			}
			if loop, ok, err := h.checkedCast(from, to); ok {
				return loop, err
			}
		}
	}
	loop, err := GetCast(from, to)
	if err != nil {
		return nil, err
	}
	return infallible(loop), nil
}

// hookPair reports whether the hook of kind k owns a pair of types: one
// of them of kind k, neither an option type (the option hook owns those).
func hookPair(k Kind, a, b DType) bool {
	return (a.Kind() == k || b.Kind() == k) && !a.IsOption() && !b.IsOption()
}

// infallible returns a cast loop as a checked loop that never fails.
func infallible(loop CastLoop) CheckedCastLoop {
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
		loop(dst, ds, src, ss, n)
		return nil
	}
}
