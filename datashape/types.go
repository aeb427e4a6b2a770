package datashape

import (
	"strconv"
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/pyrepr"
)

// DataShape is a whole type: zero or more dimensions followed by one
// measure. `3 * var * int32` has the dimensions [Fixed(3), Var{}] and the
// measure Int32. A datashape with no dimensions is a bare measure.
//
// An option that covers dimensions (`?3 * int32`) is a measure: an
// *Option holding the datashape `3 * int32`.
type DataShape struct {
	Dims    []Dim
	Measure Measure
}

// New returns the datashape dims * m.
func New(m Measure, dims ...Dim) *DataShape {
	return &DataShape{Dims: dims, Measure: m}
}

// String returns the canonical one-line form of the datashape, which
// Parse reads back to an equal value.
func (ds *DataShape) String() string {
	var b strings.Builder
	ds.write(&b)
	return b.String()
}

func (ds *DataShape) write(b *strings.Builder) {
	for _, d := range ds.Dims {
		b.WriteString(d.String())
		b.WriteString(" * ")
	}
	if ds.Measure == nil {
		b.WriteString("<nil>")
		return
	}
	ds.Measure.write(b)
}

// Equal reports whether ds and o are the same type.
func (ds *DataShape) Equal(o *DataShape) bool {
	if ds == nil || o == nil {
		return ds == o
	}
	return ds.String() == o.String()
}

// IsSymbolic reports whether ds contains a type variable or an ellipsis
// anywhere (it is then a pattern, not a concrete type).
func (ds *DataShape) IsSymbolic() bool {
	for _, d := range ds.Dims {
		switch d.(type) {
		case DimVar, Ellipsis:
			return true
		}
	}
	return measureSymbolic(ds.Measure)
}

func measureSymbolic(m Measure) bool {
	switch m := m.(type) {
	case TypeVar:
		return true
	case *Option:
		return m.Type.IsSymbolic()
	case *Record:
		for _, f := range m.Fields {
			if f.Type.IsSymbolic() {
				return true
			}
		}
	case *Tuple:
		for _, e := range m.Elems {
			if e.IsSymbolic() {
				return true
			}
		}
	case *Function:
		for _, e := range m.Args {
			if e.IsSymbolic() {
				return true
			}
		}
		return m.Result.IsSymbolic()
	case *Map:
		return m.Key.IsSymbolic() || m.Value.IsSymbolic()
	case *Units:
		return m.Type.IsSymbolic()
	case *Categorical:
		return m.Type.IsSymbolic()
	}
	return false
}

// Dim is one dimension of a datashape: Fixed, Var, DimVar or Ellipsis.
type Dim interface {
	String() string
	isDim()
}

// Fixed is a dimension of a known size (`5`).
type Fixed int

// Var is a variable-length (ragged) dimension (`var`).
type Var struct{}

// DimVar is a dimension type variable (`N`): in a pattern it stands for
// one dimension.
type DimVar string

// Ellipsis stands for zero or more dimensions: `...` when Name is empty,
// `Name...` otherwise.
type Ellipsis struct{ Name string }

func (Fixed) isDim()    {}
func (Var) isDim()      {}
func (DimVar) isDim()   {}
func (Ellipsis) isDim() {}

// String returns the size in decimal.
func (d Fixed) String() string { return strconv.Itoa(int(d)) }

// String returns "var".
func (Var) String() string { return "var" }

// String returns the variable's name.
func (d DimVar) String() string { return string(d) }

// String returns "..." or "Name...".
func (e Ellipsis) String() string { return e.Name + "..." }

// Measure is the element type of a datashape: a Basic type, a String,
// a Record, a Tuple, a Function, an Option, a TypeVar, or one of the
// parameterised types (DateTime, Time, TimeDelta, Decimal, Units,
// Categorical, Map).
type Measure interface {
	String() string
	write(b *strings.Builder)
	isMeasure()
}

// Basic is a measure without parameters.
type Basic uint8

// The basic measures. Complex64 prints as complex[float32] and
// Complex128 as complex[float64], as the reference does.
const (
	Bool Basic = iota + 1
	Int8
	Int16
	Int32
	Int64
	Uint8
	Uint16
	Uint32
	Uint64
	Float16
	Float32
	Float64
	Complex64
	Complex128
	JSON
	Date
	Null
	Void
	Object
)

var basicNames = [...]string{
	Bool: "bool", Int8: "int8", Int16: "int16", Int32: "int32", Int64: "int64",
	Uint8: "uint8", Uint16: "uint16", Uint32: "uint32", Uint64: "uint64",
	Float16: "float16", Float32: "float32", Float64: "float64",
	Complex64: "complex[float32]", Complex128: "complex[float64]",
	JSON: "json", Date: "date", Null: "null", Void: "void", Object: "object",
}

func (Basic) isMeasure() {}

// String returns the canonical name.
func (m Basic) String() string {
	if int(m) < len(basicNames) && basicNames[m] != "" {
		return basicNames[m]
	}
	return "basic(" + strconv.Itoa(int(m)) + ")"
}

func (m Basic) write(b *strings.Builder) { b.WriteString(m.String()) }

// DType returns the numeric element type of m; ok is false for the
// measures that are not numbers (json, date, null, void, object).
func (m Basic) DType() (dt dtype.DType, ok bool) {
	switch m {
	case Bool:
		return dtype.Bool, true
	case Int8:
		return dtype.Int8, true
	case Int16:
		return dtype.Int16, true
	case Int32:
		return dtype.Int32, true
	case Int64:
		return dtype.Int64, true
	case Uint8:
		return dtype.Uint8, true
	case Uint16:
		return dtype.Uint16, true
	case Uint32:
		return dtype.Uint32, true
	case Uint64:
		return dtype.Uint64, true
	case Float16:
		return dtype.Float16, true
	case Float32:
		return dtype.Float32, true
	case Float64:
		return dtype.Float64, true
	case Complex64:
		return dtype.Complex64, true
	case Complex128:
		return dtype.Complex128, true
	}
	return dtype.DType{}, false
}

// FromDType returns the basic measure of a built-in numeric dtype.
func FromDType(dt dtype.DType) (Basic, bool) {
	for m := Bool; m <= Complex128; m++ {
		if d, _ := m.DType(); d == dt {
			return m, true
		}
	}
	// A byte-swapped dtype has the same name as the native one.
	for m := Bool; m <= Complex128; m++ {
		if d, _ := m.DType(); d.Name() == dt.Name() {
			return m, true
		}
	}
	return 0, false
}

// String is the string measure: variable-length (Length 0 and not
// Fixed) or of a fixed number of characters, in an encoding: "U8" (the
// default, UTF-8), "A" (ASCII), "U16" or "U32".
type String struct {
	Fixed    bool
	Length   int
	Encoding string
}

func (*String) isMeasure() {}

// String returns `string`, `string[10]`, `string['A']` or
// `string[10, 'A']`.
func (m *String) String() string { return measureString(m) }

func (m *String) write(b *strings.Builder) {
	enc := m.Encoding
	if enc == "" {
		enc = "U8"
	}
	switch {
	case !m.Fixed && enc == "U8":
		b.WriteString("string")
	case !m.Fixed:
		b.WriteString("string[")
		writeQuoted(b, enc)
		b.WriteByte(']')
	case enc == "U8":
		b.WriteString("string[")
		b.WriteString(strconv.Itoa(m.Length))
		b.WriteByte(']')
	default:
		b.WriteString("string[")
		b.WriteString(strconv.Itoa(m.Length))
		b.WriteString(", ")
		writeQuoted(b, enc)
		b.WriteByte(']')
	}
}

// Time is the time-of-day measure, with an optional time zone.
type Time struct{ TZ string }

// DateTime is the date-and-time measure, with an optional time zone.
type DateTime struct{ TZ string }

// TimeDelta is a duration in a unit: ns, us, ms, s, m, h, D, W, M or Y.
type TimeDelta struct{ Unit string }

func (*Time) isMeasure()      {}
func (*DateTime) isMeasure()  {}
func (*TimeDelta) isMeasure() {}

// String returns `time` or `time[tz='UTC']`.
func (m *Time) String() string { return measureString(m) }

// String returns `datetime` or `datetime[tz='UTC']`.
func (m *DateTime) String() string { return measureString(m) }

// String returns `timedelta[unit='us']`.
func (m *TimeDelta) String() string { return measureString(m) }

func (m *Time) write(b *strings.Builder)     { writeTZ(b, "time", m.TZ) }
func (m *DateTime) write(b *strings.Builder) { writeTZ(b, "datetime", m.TZ) }

func writeTZ(b *strings.Builder, name, tz string) {
	b.WriteString(name)
	if tz != "" {
		b.WriteString("[tz=")
		writeQuoted(b, tz)
		b.WriteByte(']')
	}
}

func (m *TimeDelta) write(b *strings.Builder) {
	b.WriteString("timedelta[unit=")
	writeQuoted(b, m.Unit)
	b.WriteByte(']')
}

// Decimal is a fixed-point decimal of a precision and a scale.
type Decimal struct{ Precision, Scale int }

func (*Decimal) isMeasure() {}

// String returns `decimal[precision=P, scale=S]`.
func (m *Decimal) String() string { return measureString(m) }

func (m *Decimal) write(b *strings.Builder) {
	b.WriteString("decimal[precision=")
	b.WriteString(strconv.Itoa(m.Precision))
	b.WriteString(", scale=")
	b.WriteString(strconv.Itoa(m.Scale))
	b.WriteByte(']')
}

// Units is a quantity with a physical unit, stored as Type (float64 by
// default).
type Units struct {
	Unit string
	Type *DataShape
}

func (*Units) isMeasure() {}

// String returns `units['kg']` or `units['m/s', float32]`.
func (m *Units) String() string { return measureString(m) }

func (m *Units) write(b *strings.Builder) {
	b.WriteString("units[")
	writeQuoted(b, m.Unit)
	if m.Type != nil && !(len(m.Type.Dims) == 0 && m.Type.Measure == Float64) {
		b.WriteString(", ")
		m.Type.write(b)
	}
	b.WriteByte(']')
}

// Categorical is a measure whose values come from a fixed list. Values
// holds string, int64 or bool values, all of one kind.
type Categorical struct {
	Values  []any
	Type    *DataShape
	Ordered bool
}

func (*Categorical) isMeasure() {}

// String returns `categorical[[...], type=T, ordered=B]`. Unlike the
// reference, it prints every value, so the text reads back.
func (m *Categorical) String() string { return measureString(m) }

func (m *Categorical) write(b *strings.Builder) {
	b.WriteString("categorical[[")
	for i, v := range m.Values {
		if i > 0 {
			b.WriteString(", ")
		}
		writeValue(b, v)
	}
	b.WriteString("], type=")
	if m.Type != nil {
		m.Type.write(b)
	}
	b.WriteString(", ordered=")
	writeValue(b, m.Ordered)
	b.WriteByte(']')
}

func writeValue(b *strings.Builder, v any) {
	switch v := v.(type) {
	case string:
		writeQuoted(b, v)
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case bool:
		if v {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	}
}

// Map is a mapping from Key to Value (Blaze used it for foreign keys).
type Map struct{ Key, Value *DataShape }

func (*Map) isMeasure() {}

// String returns `map[K, V]`.
func (m *Map) String() string { return measureString(m) }

func (m *Map) write(b *strings.Builder) {
	b.WriteString("map[")
	m.Key.write(b)
	b.WriteString(", ")
	m.Value.write(b)
	b.WriteByte(']')
}

// Option is a value of Type or missing: `?T`.
type Option struct{ Type *DataShape }

func (*Option) isMeasure() {}

// String returns `?T`.
func (m *Option) String() string { return measureString(m) }

func (m *Option) write(b *strings.Builder) {
	b.WriteByte('?')
	m.Type.write(b)
}

// Field is one named field of a Record.
type Field struct {
	Name string
	Type *DataShape
}

// Record is a measure of named fields in order: `{a: int32, b: ?string}`.
type Record struct{ Fields []Field }

func (*Record) isMeasure() {}

// String returns `{name: type, ...}`; a name that is not a bare
// identifier (or is True or False) is quoted.
func (m *Record) String() string { return measureString(m) }

func (m *Record) write(b *strings.Builder) {
	b.WriteByte('{')
	for i, f := range m.Fields {
		if i > 0 {
			b.WriteString(", ")
		}
		writeFieldName(b, f.Name)
		b.WriteString(": ")
		f.Type.write(b)
	}
	b.WriteByte('}')
}

// Tuple is an ordered list of types: `(int32, float64)`.
type Tuple struct{ Elems []*DataShape }

func (*Tuple) isMeasure() {}

// String returns `(a, b)`.
func (m *Tuple) String() string { return measureString(m) }

func (m *Tuple) write(b *strings.Builder) {
	writeList(b, m.Elems)
}

func writeList(b *strings.Builder, l []*DataShape) {
	b.WriteByte('(')
	for i, e := range l {
		if i > 0 {
			b.WriteString(", ")
		}
		e.write(b)
	}
	b.WriteByte(')')
}

// Function is a function type: `(A, B) -> R`.
type Function struct {
	Args   []*DataShape
	Result *DataShape
}

func (*Function) isMeasure() {}

// String returns `(a, b) -> r`.
func (m *Function) String() string { return measureString(m) }

func (m *Function) write(b *strings.Builder) {
	writeList(b, m.Args)
	b.WriteString(" -> ")
	m.Result.write(b)
}

// TypeVar is a measure type variable (`T`).
type TypeVar string

func (TypeVar) isMeasure() {}

// String returns the variable's name.
func (m TypeVar) String() string { return string(m) }

func (m TypeVar) write(b *strings.Builder) { b.WriteString(string(m)) }

func measureString(m Measure) string {
	var b strings.Builder
	m.write(&b)
	return b.String()
}

// isBareName reports whether s lexes as one name token that a record
// field may use unquoted.
func isBareName(s string) bool {
	if s == "" || s == "True" || s == "False" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

func writeFieldName(b *strings.Builder, s string) {
	if isBareName(s) {
		b.WriteString(s)
		return
	}
	writeQuoted(b, s)
}

// writeQuoted writes s as a string literal: quoted as Python's repr
// quotes it, with \uXXXX escapes the lexer reads back (see
// pyrepr.AppendDatashape).
func writeQuoted(b *strings.Builder, s string) {
	var buf [64]byte
	b.Write(pyrepr.AppendDatashape(buf[:0], s))
}
