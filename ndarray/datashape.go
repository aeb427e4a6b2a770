package ndarray

import (
	"fmt"

	"github.com/pluribus-go/pluribus/datashape"
	"github.com/pluribus-go/pluribus/dtype"
)

// Container is what New makes from a datashape: an *Array when every
// dimension is fixed, a *Ragged when one is var.
type Container interface {
	// DType returns the element type.
	DType() dtype.DType
	// Datashape returns the container's type in the datashape language.
	Datashape() (*datashape.DataShape, error)
	// String prints the elements.
	String() string
}

// DatashapeError reports a datashape that cannot describe an array: one
// with type variables or an ellipsis (a pattern, not a type), a function
// type, or a measure pluribus has no element type for; or an element type
// that has no datashape.
type DatashapeError struct {
	Datashape string // the datashape (or dtype) in question
	Msg       string
}

// Error returns the message.
func (e *DatashapeError) Error() string {
	return fmt.Sprintf("ndarray: datashape %q: %s", e.Datashape, e.Msg)
}

// Datashape returns a's type as a datashape: its shape as fixed
// dimensions, then its element type (`3 * 4 * float64`,
// `2 * {x: int32, y: ?float64}`). An element type without a datashape
// form (a user-defined type, a sub-microsecond or generic time unit) is a
// *DatashapeError.
func (a *Array) Datashape() (*datashape.DataShape, error) {
	m, err := MeasureOf(a.dtype)
	if err != nil {
		return nil, err
	}
	return datashape.New(m, fixedDims(a.Shape())...), nil
}

// fixedDims returns a shape as fixed datashape dimensions.
func fixedDims(shape []int) []datashape.Dim {
	dims := make([]datashape.Dim, len(shape))
	for i, d := range shape {
		dims[i] = datashape.Fixed(d)
	}
	return dims
}

// MeasureOf returns the datashape measure of an element type: the numeric
// types by name, dtype.String as `string`, Unicode(n) as
// `string[n, 'U32']`, Bytes(n) as `string[n, 'A']`, options as `?T`,
// categoricals as `categorical[[...], type=string, ordered=False]`,
// records as `{name: T, ...}` (sub-array fields as fixed dimensions),
// datetime64 of any unit as `datetime` (the datashape language gives
// datetimes no unit) and timedelta64 as `timedelta[unit='…']`.
func MeasureOf(dt dtype.DType) (datashape.Measure, error) {
	switch dt.Kind() {
	case dtype.KindOption:
		m, err := MeasureOf(dt.Elem())
		if err != nil {
			return nil, err
		}
		return &datashape.Option{Type: datashape.New(m)}, nil
	case dtype.KindString:
		return &datashape.String{}, nil
	case dtype.KindUnicode:
		return &datashape.String{Fixed: true, Length: dt.Width(), Encoding: "U32"}, nil
	case dtype.KindBytes:
		return &datashape.String{Fixed: true, Length: dt.Width(), Encoding: "A"}, nil
	case dtype.KindCategory:
		vals := dt.Categories()
		vs := make([]any, len(vals))
		for i, v := range vals {
			vs[i] = v
		}
		return &datashape.Categorical{Values: vs, Type: datashape.New(&datashape.String{})}, nil
	case dtype.KindDatetime:
		if dt.Unit() == dtype.UnitGeneric {
			break
		}
		return &datashape.DateTime{}, nil
	case dtype.KindTimedelta:
		switch u := dt.Unit(); u {
		case dtype.UnitYear, dtype.UnitMonth, dtype.UnitWeek, dtype.UnitDay, dtype.UnitHour, dtype.UnitMinute,
			dtype.UnitSecond, dtype.UnitMillisecond, dtype.UnitMicrosecond, dtype.UnitNanosecond:
			return &datashape.TimeDelta{Unit: u.String()}, nil
		}
	case dtype.KindRecord:
		if dt.NumFields() == 0 {
			break
		}
		var fs []datashape.Field
		for _, f := range dt.Fields() {
			m, err := MeasureOf(f.Type)
			if err != nil {
				return nil, err
			}
			fs = append(fs, datashape.Field{Name: f.Name, Type: datashape.New(m, fixedDims(f.Shape)...)})
		}
		return &datashape.Record{Fields: fs}, nil
	default:
		if b, ok := datashape.FromDType(dt); ok {
			return b, nil
		}
	}
	return nil, &DatashapeError{Datashape: dt.String(), Msg: "the element type has no datashape"}
}

// DTypeOf returns the element type of a concrete datashape measure (the
// inverse of MeasureOf): numbers, `string` (dtype.String), fixed strings
// (`string[n]` and `string[n, 'U32']` as Unicode(n), `string[n, 'A']` as
// Bytes(n)), `?T`, `categorical` of strings, `date` (datetime64[D]),
// `datetime` (datetime64[us]; a time zone other than UTC is refused),
// `timedelta[unit=…]`, and records, laid out as aligned C structs. Any
// other measure is a *DatashapeError.
func DTypeOf(m datashape.Measure) (dtype.DType, error) {
	bad := func(msg string) (dtype.DType, error) {
		return dtype.DType{}, &DatashapeError{Datashape: m.String(), Msg: msg}
	}
	switch m := m.(type) {
	case datashape.Basic:
		if d, ok := m.DType(); ok {
			return d, nil
		}
		if m == datashape.Date {
			return dtype.Datetime64(dtype.UnitDay), nil
		}
		return bad("no element type for this measure")
	case datashape.TypeVar:
		return bad("a type variable is not a concrete type")
	case *datashape.Function:
		return bad("a function type has no array form")
	case *datashape.String:
		switch {
		case !m.Fixed && (m.Encoding == "" || m.Encoding == "U8"):
			return dtype.String, nil
		case !m.Fixed:
			return bad("variable-length strings are UTF-8 only")
		case m.Encoding == "A":
			return dtype.Bytes(m.Length), nil
		}
		return dtype.Unicode(m.Length), nil
	case *datashape.Option:
		if m.Type == nil {
			return bad("an option without a type")
		}
		if len(m.Type.Dims) > 0 {
			return bad("an option over dimensions (?3 * T) has no array form; use 3 * ?T")
		}
		inner, err := DTypeOf(m.Type.Measure)
		if err != nil {
			return dtype.DType{}, err
		}
		return dtype.Option(inner), nil
	case *datashape.Categorical:
		if m.Ordered {
			return bad("ordered categoricals are not supported")
		}
		vals := make([]string, len(m.Values))
		for i, v := range m.Values {
			s, ok := v.(string)
			if !ok {
				return bad("categorical values must be strings")
			}
			vals[i] = s
		}
		return dtype.Category(vals)
	case *datashape.DateTime:
		if m.TZ != "" && m.TZ != "UTC" {
			return bad("datetime64 has no time zone other than UTC")
		}
		return dtype.Datetime64(dtype.UnitMicrosecond), nil
	case *datashape.TimeDelta:
		u, ok := dtype.ParseTimeUnit(m.Unit)
		if !ok {
			return bad("unknown time unit")
		}
		return dtype.Timedelta64(u), nil
	case *datashape.Record:
		return recordDType(m)
	}
	return bad("no element type for this measure")
}

// recordDType lays a datashape record out as an aligned C struct: each
// field at the next multiple of its alignment, the size rounded up to the
// largest alignment (NumPy's align=True).
func recordDType(m *datashape.Record) (dtype.DType, error) {
	fields := make([]dtype.Field, 0, len(m.Fields))
	off, align := 0, 1
	for _, f := range m.Fields {
		if f.Type == nil {
			return dtype.DType{}, &DatashapeError{Datashape: m.String(), Msg: "field " + f.Name + " has no type"}
		}
		var shape []int
		for _, d := range f.Type.Dims {
			fd, ok := d.(datashape.Fixed)
			if !ok {
				return dtype.DType{}, &DatashapeError{Datashape: m.String(), Msg: "field " + f.Name + " has a dimension that is not fixed"}
			}
			shape = append(shape, int(fd))
		}
		ft, err := DTypeOf(f.Type.Measure)
		if err != nil {
			return dtype.DType{}, err
		}
		a := max(ft.Alignment(), 1) // an aligned record without fields has alignment 0
		align = max(align, a)
		off = (off + a - 1) / a * a
		fd := dtype.Field{Name: f.Name, Type: ft, Offset: off, Shape: shape}
		n, ok := sizeOf(shape, ft.Size())
		if !ok || n > maxInt/max(ft.Size(), 1)-off {
			return dtype.DType{}, &DatashapeError{Datashape: m.String(), Msg: "record too large"}
		}
		off += fd.Size()
		fields = append(fields, fd)
	}
	size := (off + align - 1) / align * align
	return dtype.Record(fields, size, true)
}

// New makes a container of the concrete datashape ds: an *Array when
// every dimension is fixed (`3 * 4 * float64`, `2 * {x: int32, y:
// ?float64}`), a *Ragged when one dimension is var (`3 * var * int32`:
// every row empty). Numbers are zero, strings empty and options missing.
// Text that does not parse is a *datashape.ParseError; a datashape with
// type variables or an ellipsis, a function type, more than one var
// dimension or a measure without an element type is a *DatashapeError.
func New(ds string) (Container, error) {
	t, err := datashape.Parse(ds)
	if err != nil {
		return nil, err
	}
	return NewOf(t)
}

// NewOf is New for a parsed datashape.
func NewOf(t *datashape.DataShape) (Container, error) {
	if t == nil {
		return nil, &DatashapeError{Msg: "nil datashape"}
	}
	if _, ok := datashape.AsFunction(t); ok {
		return nil, &DatashapeError{Datashape: t.String(), Msg: "a function type has no array form"}
	}
	if t.IsSymbolic() {
		return nil, &DatashapeError{Datashape: t.String(), Msg: "type variables and ellipses make a pattern, not a concrete type"}
	}
	dt, err := DTypeOf(t.Measure)
	if err != nil {
		return nil, err
	}
	varAt := -1
	var outer, inner []int
	for i, d := range t.Dims {
		switch d := d.(type) {
		case datashape.Fixed:
			if varAt < 0 {
				outer = append(outer, int(d))
			} else {
				inner = append(inner, int(d))
			}
		case datashape.Var:
			if varAt >= 0 {
				return nil, &DatashapeError{Datashape: t.String(), Msg: "more than one var dimension is not supported"}
			}
			varAt = i
		default:
			return nil, &DatashapeError{Datashape: t.String(), Msg: "dimension " + d.String() + " is not concrete"}
		}
	}
	if varAt < 0 {
		return newArray(dt, outer, C)
	}
	return NewRagged(dt, outer, inner)
}
