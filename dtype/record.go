package dtype

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/pluribus-go/pluribus/internal/pyrepr"
)

// MaxRecordSize is the largest itemsize a record type may have, NumPy's
// limit (a C int).
const MaxRecordSize = math.MaxInt32

// FieldSpec is one field of a record layout that RecordOf lays out: a
// name, an element type (itself a record for a nested record) and a
// sub-array shape (empty for a scalar field).
type FieldSpec struct {
	Name  string
	Type  DType
	Shape []int
}

// fieldBytes returns the bytes a field occupies (its type's size times
// its sub-array elements), or false when a dimension is negative or the
// product passes MaxRecordSize.
func fieldBytes(f Field) (int, bool) {
	n := f.Type.Size()
	for _, d := range f.Shape {
		if d < 0 {
			return 0, false
		}
		hi, lo := bits.Mul(uint(n), uint(d))
		if hi != 0 || lo > MaxRecordSize {
			return 0, false
		}
		n = int(lo)
	}
	return n, n <= MaxRecordSize
}

// recAlignUp rounds n up to a multiple of a (a > 1), reporting overflow.
func recAlignUp(n, a int) (int, bool) {
	if a <= 1 {
		return n, true
	}
	r := (n + a - 1) / a * a
	return r, r <= MaxRecordSize
}

func recCheckField(name string, t DType, shape []int) (int, error) {
	if !t.IsValid() {
		return 0, &RecordError{Msg: fmt.Sprintf("field %q has no type", name)}
	}
	n, ok := fieldBytes(Field{Type: t, Shape: shape})
	if !ok {
		for _, d := range shape {
			if d < 0 {
				return 0, &RecordError{Msg: fmt.Sprintf("field %q has a negative dimension in its shape %v", name, shape)}
			}
		}
		return 0, &RecordError{Msg: fmt.Sprintf("field %q is too large: more than %d bytes", name, MaxRecordSize)}
	}
	return n, nil
}

// RecordOf returns the record type whose fields follow one another in the
// given order, as NumPy's np.dtype([(name, type, shape), …], align=aligned)
// builds it. Packed (aligned false), each field starts where the previous
// one ends. Aligned, each field starts at a multiple of its type's
// alignment (a nested record's alignment is its own; a zero-length
// sub-array is aligned all the same), the itemsize is rounded up to the
// largest field alignment, and the record is marked aligned (NumPy's
// isalignedstruct) with that alignment — 0 for a record without fields.
// Nested records are the types given: build them aligned too for NumPy's
// recursive align=True.
//
// A field without a name gets NumPy's default name "f<i>", i its
// position. A repeated name, an invalid type, a negative dimension or a
// layout larger than MaxRecordSize is a *RecordError.
func RecordOf(fields []FieldSpec, aligned bool) (DType, error) {
	out := make([]Field, len(fields))
	seen := make(map[string]bool, len(fields))
	total, maxAlign := 0, 0
	for i, f := range fields {
		name := f.Name
		if name == "" {
			name = "f" + strconv.Itoa(i)
		}
		if seen[name] {
			return DType{}, &RecordError{Msg: fmt.Sprintf("field %q occurs more than once", name)}
		}
		seen[name] = true
		size, err := recCheckField(name, f.Type, f.Shape)
		if err != nil {
			return DType{}, err
		}
		if aligned {
			a := f.Type.Alignment()
			var ok bool
			if total, ok = recAlignUp(total, a); !ok {
				return DType{}, &RecordError{Msg: fmt.Sprintf("record is too large: more than %d bytes", MaxRecordSize)}
			}
			maxAlign = max(maxAlign, a)
		}
		out[i] = Field{Name: name, Type: f.Type, Offset: total, Shape: append([]int(nil), f.Shape...)}
		if total > MaxRecordSize-size {
			return DType{}, &RecordError{Msg: fmt.Sprintf("record is too large: more than %d bytes", MaxRecordSize)}
		}
		total += size
	}
	total, ok := recAlignUp(total, maxAlign)
	if !ok {
		return DType{}, &RecordError{Msg: fmt.Sprintf("record is too large: more than %d bytes", MaxRecordSize)}
	}
	return Record(out, total, aligned)
}

// RecordSpec is NumPy's dictionary form of a record type: {'names': …,
// 'formats': …, 'offsets': …, 'itemsize': …}. Shapes and Offsets are
// optional (nil), as is Itemsize (0: as small as the fields allow).
type RecordSpec struct {
	Names    []string
	Types    []DType // NumPy's formats
	Shapes   [][]int // sub-array shape of each field; nil for all scalar
	Offsets  []int   // byte offset of each field; nil to lay them out in order
	Itemsize int     // bytes per record; 0 to compute it
}

// RecordFromSpec returns the record type that NumPy's np.dtype(dict,
// align=aligned) builds from the dictionary form. Without offsets the
// fields are laid out as RecordOf lays them out. With offsets, fields sit
// where they say (they may leave gaps, come in any order, even overlap)
// and the itemsize is the end of the furthest field — rounded up to the
// largest field alignment when aligned. A given Itemsize overrides the
// computed one if it is no smaller (and, aligned, a multiple of the
// alignment).
//
// NumPy's ValueErrors are *RecordErrors: lists of different lengths, a
// repeated or empty name, a negative offset, an offset that is not a
// multiple of its field's alignment when aligned, an itemsize too small
// for the fields or not divisible by the alignment.
func RecordFromSpec(s RecordSpec, aligned bool) (DType, error) {
	n := len(s.Names)
	if len(s.Types) != n {
		return DType{}, &RecordError{Msg: fmt.Sprintf("%d names but %d formats", n, len(s.Types))}
	}
	if s.Offsets != nil && len(s.Offsets) != n {
		return DType{}, &RecordError{Msg: fmt.Sprintf("%d names but %d offsets", n, len(s.Offsets))}
	}
	if s.Shapes != nil && len(s.Shapes) != n {
		return DType{}, &RecordError{Msg: fmt.Sprintf("%d names but %d shapes", n, len(s.Shapes))}
	}
	if s.Itemsize < 0 || s.Itemsize > MaxRecordSize {
		return DType{}, &RecordError{Msg: fmt.Sprintf("itemsize %d is out of range", s.Itemsize)}
	}
	fields := make([]Field, n)
	seen := make(map[string]bool, n)
	total, maxAlign := 0, 0
	tooLarge := &RecordError{Msg: fmt.Sprintf("record is too large: more than %d bytes", MaxRecordSize)}
	for i, name := range s.Names {
		if name == "" {
			return DType{}, &RecordError{Msg: fmt.Sprintf("field %d has an empty name", i)}
		}
		if seen[name] {
			return DType{}, &RecordError{Msg: fmt.Sprintf("field %q occurs more than once", name)}
		}
		seen[name] = true
		var shape []int
		if s.Shapes != nil {
			shape = s.Shapes[i]
		}
		t := s.Types[i]
		size, err := recCheckField(name, t, shape)
		if err != nil {
			return DType{}, err
		}
		a := t.Alignment()
		if aligned {
			maxAlign = max(maxAlign, a)
		}
		var off int
		if s.Offsets != nil {
			off = s.Offsets[i]
			if off < 0 {
				return DType{}, &RecordError{Msg: fmt.Sprintf("field %q has a negative offset %d", name, off)}
			}
			if aligned && a > 1 && off%a != 0 {
				return DType{}, &RecordError{Msg: fmt.Sprintf("offset %d of field %q is not divisible by the field alignment %d with align=True", off, name, a)}
			}
			if off > MaxRecordSize-size {
				return DType{}, tooLarge
			}
			total = max(total, off+size)
		} else {
			var ok bool
			if aligned {
				if total, ok = recAlignUp(total, a); !ok {
					return DType{}, tooLarge
				}
			}
			off = total
			if total > MaxRecordSize-size {
				return DType{}, tooLarge
			}
			total += size
		}
		fields[i] = Field{Name: name, Type: t, Offset: off, Shape: append([]int(nil), shape...)}
	}
	total, ok := recAlignUp(total, maxAlign)
	if !ok {
		return DType{}, tooLarge
	}
	if s.Itemsize != 0 {
		if s.Itemsize < total {
			return DType{}, &RecordError{Msg: fmt.Sprintf("the fields need %d bytes, cannot override to the smaller itemsize %d", total, s.Itemsize)}
		}
		if aligned && maxAlign > 1 && s.Itemsize%maxAlign != 0 {
			return DType{}, &RecordError{Msg: fmt.Sprintf("alignment %d does not divide the itemsize %d", maxAlign, s.Itemsize)}
		}
		total = s.Itemsize
	}
	return Record(fields, total, aligned)
}

// DescrField is one entry of NumPy's dtype.descr of a record type, the
// form .npy headers write: a field (name, type string) or (name, type
// string, shape), a nested record (name, its own descr), or a padding
// entry ("", "|V<n>") for bytes no field covers.
type DescrField struct {
	Name   string       // the field's name; "" for padding
	Str    string       // the element's type string ("<i4", "|S3", "|V7") when Fields is nil
	Fields []DescrField // a nested record's descr (non-nil, possibly empty, for a record with fields)
	Shape  []int        // the sub-array shape; empty for a scalar field
}

// Descr returns NumPy's dtype.descr: for a record with fields, its fields
// in order with padding entries ("", "|V<n>") for the gaps between them
// and at the end; a nested record is described by its own descr. Other
// types give the one entry ("", type string). Records whose fields
// overlap or are not in offset order have no descr (a *RecordError), as
// in NumPy.
func (d DType) Descr() ([]DescrField, error) {
	if !d.IsValid() {
		return nil, &RecordError{Msg: "invalid type has no descr"}
	}
	if !d.HasFields() {
		if d.Kind() == KindRecord && d.Size() == 0 {
			return []DescrField{}, nil
		}
		return []DescrField{{Str: d.Str()}}, nil
	}
	out := []DescrField{}
	off := 0
	for _, f := range d.t.rec.fields {
		switch {
		case f.Offset > off:
			out = append(out, DescrField{Str: "|V" + strconv.Itoa(f.Offset-off)})
			off = f.Offset
		case f.Offset < off:
			return nil, &RecordError{Msg: "descr is not defined for types with overlapping or out-of-order fields"}
		}
		e := DescrField{Name: f.Name, Shape: append([]int(nil), f.Shape...)}
		if f.Type.HasFields() {
			sub, err := f.Type.Descr()
			if err != nil {
				return nil, err
			}
			e.Fields = sub
		} else {
			e.Str = f.Type.Str()
		}
		out = append(out, e)
		n, _ := fieldBytes(f)
		off += n
	}
	if d.Size() > off {
		out = append(out, DescrField{Str: "|V" + strconv.Itoa(d.Size()-off)})
	}
	return out, nil
}

// DescrLiteral returns the text .npy headers hold after 'descr': the
// quoted type string of a plain type ('<f8', '|S3', '<M8[ns]') or, for a
// record with fields, its Descr as a Python list literal:
// [('id', '<i4'), ('pos', '<f4', (2,))], padding entries included. Field
// names are quoted as Python's repr quotes printable text; other
// characters stay as they are wherever a Python string literal allows.
func (d DType) DescrLiteral() (string, error) {
	if !d.HasFields() {
		if !d.IsValid() {
			return "", &RecordError{Msg: "invalid type has no descr"}
		}
		if d.Kind() == KindRecord && d.Size() == 0 {
			return "[]", nil
		}
		return pyrepr.String(d.Str()), nil
	}
	ds, err := d.Descr()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	recWriteDescr(&b, ds)
	return b.String(), nil
}

func recWriteDescr(b *strings.Builder, ds []DescrField) {
	b.WriteByte('[')
	for i, e := range ds {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		b.WriteString(recHeaderQuote(e.Name))
		b.WriteString(", ")
		if e.Fields != nil {
			recWriteDescr(b, e.Fields)
		} else {
			b.WriteString(pyrepr.String(e.Str))
		}
		if len(e.Shape) > 0 {
			b.WriteString(", ")
			b.WriteString(pyrepr.Tuple(e.Shape))
		}
		b.WriteByte(')')
	}
	b.WriteByte(']')
}

// recHeaderQuote quotes a field name for a .npy header: as Python's repr
// does for printable text, but keeping every other character as it is
// wherever a Python string literal allows that (all but backslashes,
// line breaks, NULs and text holding both kinds of quote), so that a
// header reader without escape sequences reads back any name it read.
func recHeaderQuote(s string) string {
	if strings.ContainsAny(s, "\\\n\r\x00") || strings.Contains(s, "'") && strings.Contains(s, `"`) {
		return pyrepr.String(s)
	}
	if strings.Contains(s, "'") {
		return `"` + s + `"`
	}
	return "'" + s + "'"
}

// FromDescr returns the record type a .npy descr describes, as NumPy's
// numpy.lib.format.descr_to_dtype builds it: the fields in order, packed,
// each padding entry (an unnamed field of a plain void type) skipped but
// counted, each nested descr a nested record, each type string read by
// Parse. An entry without a name that is not padding, a repeated name, a
// type string Parse does not know or a layout larger than MaxRecordSize
// is an error (a *RecordError or *ParseError).
func FromDescr(fields []DescrField) (DType, error) {
	var out []Field
	seen := make(map[string]bool, len(fields))
	off := 0
	for _, e := range fields {
		var t DType
		var err error
		if e.Fields != nil {
			t, err = FromDescr(e.Fields)
		} else {
			t, err = Parse(e.Str)
		}
		if err != nil {
			return DType{}, err
		}
		size, err := recCheckField(e.Name, t, e.Shape)
		if err != nil {
			return DType{}, err
		}
		pad := e.Name == "" && t.Kind() == KindRecord && !t.HasFields()
		if !pad {
			if e.Name == "" {
				return DType{}, &RecordError{Msg: "a field that is not padding has an empty name"}
			}
			if seen[e.Name] {
				return DType{}, &RecordError{Msg: fmt.Sprintf("field %q occurs more than once", e.Name)}
			}
			seen[e.Name] = true
			out = append(out, Field{Name: e.Name, Type: t, Offset: off, Shape: append([]int(nil), e.Shape...)})
		}
		if off > MaxRecordSize-size {
			return DType{}, &RecordError{Msg: fmt.Sprintf("record is too large: more than %d bytes", MaxRecordSize)}
		}
		off += size
	}
	if out == nil {
		out = []Field{}
	}
	return Record(out, off, false)
}

// recordString is NumPy's str of a record dtype: the list form
// [('a', '<i4'), ('b', '<f8')] for a packed layout, the dictionary form
// {'names': [...], 'formats': [...], 'offsets': [...], 'itemsize': n}
// otherwise (with 'aligned': True for an aligned record at the top level).
// A record without fields is its type string ('|V8').
func recordString(d DType, includeAlign bool) string {
	if !d.HasFields() {
		if d.Size() == 0 {
			if includeAlign && d.t.rec.aligned {
				return "{'names': [], 'formats': [], 'offsets': [], 'itemsize': 0, 'aligned': True}"
			}
			return "[]"
		}
		return d.Str()
	}
	fs := d.t.rec.fields
	var b strings.Builder
	if !(includeAlign && d.t.rec.aligned) && recIsPacked(d) {
		b.WriteByte('[')
		for i, f := range fs {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			b.WriteString(pyrepr.String(f.Name))
			b.WriteString(", ")
			b.WriteString(recShortRepr(f.Type))
			if len(f.Shape) > 0 {
				b.WriteString(", ")
				b.WriteString(pyrepr.Tuple(f.Shape))
			}
			b.WriteByte(')')
		}
		b.WriteByte(']')
		return b.String()
	}
	b.WriteString("{'names': [")
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyrepr.String(f.Name))
	}
	b.WriteString("], 'formats': [")
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		if len(f.Shape) > 0 {
			b.WriteString("(" + recShortRepr(f.Type) + ", " + pyrepr.Tuple(f.Shape) + ")")
		} else {
			b.WriteString(recShortRepr(f.Type))
		}
	}
	b.WriteString("], 'offsets': [")
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(f.Offset))
	}
	b.WriteString("], 'itemsize': ")
	b.WriteString(strconv.Itoa(d.Size()))
	if includeAlign && d.t.rec.aligned {
		b.WriteString(", 'aligned': True")
	}
	b.WriteByte('}')
	return b.String()
}

// recIsPacked is NumPy's _is_packed: the fields follow one another in order
// (aligned to their alignment for an aligned record) and fill the
// itemsize, so the list form describes the layout.
func recIsPacked(d DType) bool {
	aligned := d.t.rec.aligned
	maxAlign, total := 1, 0
	for _, f := range d.t.rec.fields {
		if aligned {
			total, _ = recAlignUp(total, f.Type.Alignment())
			maxAlign = max(maxAlign, f.Type.Alignment())
		}
		if f.Offset != total {
			return false
		}
		n, _ := fieldBytes(f)
		total += n
	}
	if aligned {
		total, _ = recAlignUp(total, maxAlign)
	}
	return total == d.Size()
}

// recShortRepr is NumPy's short construction repr of a field type inside a
// record's str: '<i4', 'u1', '?', 'S3', '<U3', '<M8[s]', 'V8', or a
// nested record's own str.
func recShortRepr(t DType) string {
	if t.Kind() == KindRecord {
		if t.HasFields() || t.Size() == 0 {
			return recordString(t, false)
		}
		return "'V" + strconv.Itoa(t.Size()) + "'"
	}
	order := ""
	switch t.ByteOrder() {
	case LittleEndian:
		order = "<"
	case BigEndian:
		order = ">"
	}
	switch t.Kind() {
	case KindBool:
		return "'?'"
	case KindInt, KindUint, KindFloat, KindComplex:
		return "'" + order + string(t.Kind().Char()) + strconv.Itoa(t.Size()) + "'"
	case KindBytes:
		return "'S" + strconv.Itoa(t.Size()) + "'"
	case KindUnicode:
		return "'" + order + "U" + strconv.Itoa(t.Size()/4) + "'"
	case KindDatetime, KindTimedelta:
		s := order + string(t.Kind().Char()) + "8"
		if t.Unit() != UnitGeneric {
			s += "[" + t.Unit().String() + "]"
		}
		return "'" + s + "'"
	}
	return pyrepr.String(t.String())
}

// parseVoid reads NumPy's void type strings: "V<n>" is the plain void
// type of n bytes (Void(n)); "V" alone is Void(0). A byte order, which
// NumPy accepts and ignores, is ignored.
func parseVoid(body string, order ByteOrder, explicit bool) (DType, bool, error) {
	if body == "" || body[0] != 'V' {
		return DType{}, false, nil
	}
	digits := body[1:]
	if digits == "" {
		return Void(0), true, nil
	}
	n := 0
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return DType{}, false, nil
		}
		n = n*10 + int(c-'0')
		if n > MaxRecordSize {
			return DType{}, true, &RecordError{Msg: "void size " + digits + " is too large"}
		}
	}
	return Void(n), true, nil
}
