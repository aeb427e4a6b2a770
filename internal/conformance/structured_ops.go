package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// The structured category: record dtypes built from NumPy's list and
// dictionary specs, field views, record and field assignment, record
// comparison, sorting with order=, and casts of records. Record arrays
// of the corpus (dtype "structured", FORMAT.md "Structured arrays") are
// decoded here for every category; their results compare field by field,
// so padding bytes never count.

func init() {
	register("structured", "dtype", opStructDType)
	register("structured", "getfield", opGetField)
	register("structured", "set_record", opSetRecord)
	register("structured", "set_field", opSetField)
	register("structured", "equal", opRecordCompare(ufunc.Equal))
	register("structured", "not_equal", opRecordCompare(ufunc.NotEqual))
	register("structured", "less", opRecordCompare(ufunc.Less))
	register("structured", "sort", opSortOrder(false))
	register("structured", "argsort", opSortOrder(true))
}

// fieldJSON is one field of a structured array or dtype description.
type fieldJSON struct {
	Name     string      `json:"name"`
	Descr    string      `json:"descr"`
	DType    string      `json:"dtype"`
	Shape    []int       `json:"shape"`
	Offset   int         `json:"offset"`
	Itemsize int         `json:"itemsize"`
	Aligned  bool        `json:"aligned"`
	Fields   []fieldJSON `json:"fields"`
}

// structJSON is a structured array (or, without shape and data, a
// structured dtype description).
type structJSON struct {
	DType     string          `json:"dtype"`
	Itemsize  int             `json:"itemsize"`
	Aligned   bool            `json:"aligned"`
	Fields    []fieldJSON     `json:"fields"`
	Shape     []int           `json:"shape"`
	Data      json.RawMessage `json:"data"`
	Alignment *int            `json:"alignment"`
	Descr     json.RawMessage `json:"descr"`
}

// isStructuredRaw reports whether an array or dtype object of the corpus
// has dtype "structured".
func isStructuredRaw(raw json.RawMessage) bool {
	var a struct {
		DType any `json:"dtype"`
	}
	return json.Unmarshal(raw, &a) == nil && a.DType == "structured"
}

// corpusElementType returns the element type a corpus dtype name
// describes (see parseDType), in the byte order of descr when given
// ('<', '>', '|').
func corpusElementType(name, descr string) (dtype.DType, error) {
	dt, err := parseDType(name)
	if err != nil {
		return dtype.DType{}, err
	}
	if descr != "" {
		switch descr[0] {
		case '>':
			dt = dt.WithByteOrder(dtype.BigEndian)
		case '<':
			dt = dt.WithByteOrder(dtype.LittleEndian)
		}
	}
	return dt, nil
}

// recordType builds the record type of a structured description: each
// field at its offset, itemsize bytes per record.
func recordType(itemsize int, aligned bool, fields []fieldJSON) (dtype.DType, error) {
	fs := make([]dtype.Field, len(fields))
	for i, f := range fields {
		var t dtype.DType
		var err error
		if f.DType == "structured" {
			t, err = recordType(f.Itemsize, f.Aligned, f.Fields)
		} else {
			t, err = corpusElementType(f.DType, f.Descr)
		}
		if err != nil {
			return dtype.DType{}, err
		}
		fs[i] = dtype.Field{Name: f.Name, Type: t, Offset: f.Offset, Shape: f.Shape}
	}
	dt, err := dtype.Record(fs, itemsize, aligned)
	if err != nil {
		return dtype.DType{}, corpusErrorf("bad structured dtype: %v", err)
	}
	return dt, nil
}

// decodeStructuredDType decodes a structured dtype description.
func decodeStructuredDType(raw json.RawMessage) (dtype.DType, *structJSON, error) {
	var s structJSON
	if err := json.Unmarshal(raw, &s); err != nil {
		return dtype.DType{}, nil, corpusErrorf("bad structured dtype: %v", err)
	}
	dt, err := recordType(s.Itemsize, s.Aligned, s.Fields)
	return dt, &s, err
}

// decodeStructuredArray decodes a record array of the corpus.
func decodeStructuredArray(raw json.RawMessage) (*rawArray, error) {
	dt, s, err := decodeStructuredDType(raw)
	if err != nil {
		return nil, err
	}
	return decodeElements(dt, s.Shape, s.Data, "record", putRecord)
}

// putRecord writes one record (a list of field values) into b.
func putRecord(b []byte, dt dtype.DType, e any) error {
	list, ok := e.([]any)
	fields := dt.Fields()
	if !ok || len(list) != len(fields) {
		return fmt.Errorf("want a list of %d field values, got %v", len(fields), e)
	}
	for i, f := range fields {
		size := f.Type.Size()
		count := 1
		vals := []any{list[i]}
		if len(f.Shape) > 0 {
			count = 1
			for _, d := range f.Shape {
				count *= d
			}
			if vals, ok = list[i].([]any); !ok || len(vals) != count {
				return fmt.Errorf("field %s: want a list of %d elements, got %v", f.Name, count, list[i])
			}
		}
		for k, v := range vals {
			at := b[f.Offset+k*size : f.Offset+(k+1)*size]
			if err := putFieldElement(at, f.Type, v); err != nil {
				return fmt.Errorf("field %s: %v", f.Name, err)
			}
		}
	}
	return nil
}

// putFieldElement writes one element of a field in the field type's byte
// order.
func putFieldElement(b []byte, t dtype.DType, e any) error {
	if t.Kind() == dtype.KindRecord {
		return putRecord(b, t, e)
	}
	nt := t.Native()
	if err := putElement(b, nt, e); err != nil {
		return err
	}
	if !t.IsNative() {
		dtype.SwapBytes(b, t)
	}
	return nil
}

// latin1 converts a string of the corpus's S encoding (one character
// U+0000…U+00FF per byte) to its bytes.
func latin1(e any) ([]byte, error) {
	s, ok := e.(string)
	if !ok {
		return nil, fmt.Errorf("want a string, got %v", e)
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			return nil, fmt.Errorf("character %U is not a byte", r)
		}
		out = append(out, byte(r))
	}
	return out, nil
}

// sameRecordLayout reports whether two record types describe the same
// layout: itemsize, and field names, offsets, shapes and types (nested
// records alike). The aligned flag does not count (FORMAT.md).
func sameRecordLayout(a, b dtype.DType) bool {
	if a == b {
		return true
	}
	if a.Kind() != dtype.KindRecord || b.Kind() != dtype.KindRecord || a.Size() != b.Size() || a.NumFields() != b.NumFields() {
		return false
	}
	fb := b.Fields()
	for i, f := range a.Fields() {
		g := fb[i]
		if f.Name != g.Name || f.Offset != g.Offset || !slices.Equal(f.Shape, g.Shape) || !sameRecordLayout(f.Type, g.Type) {
			return false
		}
	}
	return true
}

// recordClose compares two records of type dt field by field: padding
// does not count; float fields bit-exact (any NaN matching any NaN) or
// within the tolerance.
func recordClose(dt dtype.DType, exp, got []byte, tol tolerance) bool {
	if !dt.HasFields() {
		return bytes.Equal(exp, got)
	}
	for _, f := range dt.Fields() {
		size := f.Type.Size()
		for k := range max(f.Size()/max(size, 1), 0) {
			o := f.Offset + k*size
			e, g := exp[o:o+size], got[o:o+size]
			t := f.Type
			if t.Kind() != dtype.KindRecord && !t.IsNative() {
				e, g = slices.Clone(e), slices.Clone(g)
				dtype.SwapBytes(e, t)
				dtype.SwapBytes(g, t)
				t = t.Native()
			}
			if !elementClose(t, e, g, tol) {
				return false
			}
		}
	}
	return true
}

// descrJSON writes a Descr in the corpus's JSON form.
func descrJSON(ds []dtype.DescrField) []any {
	out := make([]any, len(ds))
	for i, e := range ds {
		item := []any{e.Name}
		if e.Fields != nil {
			item = append(item, descrJSON(e.Fields))
		} else {
			item = append(item, e.Str)
		}
		if len(e.Shape) > 0 {
			item = append(item, e.Shape)
		}
		out[i] = item
	}
	return out
}

// sameJSON compares two JSON values after normalising them.
func sameJSON(a any, raw json.RawMessage) bool {
	x, err := json.Marshal(a)
	if err != nil {
		return false
	}
	var u, v any
	if json.Unmarshal(x, &u) != nil || json.Unmarshal(raw, &v) != nil {
		return false
	}
	ux, _ := json.Marshal(u)
	vx, _ := json.Marshal(v)
	return bytes.Equal(ux, vx)
}

// compareRecordDType compares a record dtype NumPy described (the keys of
// "Structured arrays" plus alignment and descr) with the one built.
func compareRecordDType(exp dtype.DType, s *structJSON, got dtype.DType) string {
	if !sameRecordLayout(exp, got) {
		return fmt.Sprintf("dtype: expected %s (itemsize %d), got %s (itemsize %d)", exp, exp.Size(), got, got.Size())
	}
	if !sameAligned(exp, got) {
		return fmt.Sprintf("aligned flag: expected %v, got %v", exp.IsAlignedRecord(), got.IsAlignedRecord())
	}
	if s.Alignment != nil && *s.Alignment != got.Alignment() {
		return fmt.Sprintf("alignment: expected %d, got %d", *s.Alignment, got.Alignment())
	}
	ds, err := got.Descr()
	switch {
	case isNull(s.Descr) && err == nil:
		return fmt.Sprintf("NumPy has no descr for this layout, got %v", descrJSON(ds))
	case !isNull(s.Descr) && err != nil:
		return "Descr: " + err.Error()
	case !isNull(s.Descr) && !sameJSON(descrJSON(ds), s.Descr):
		x, _ := json.Marshal(descrJSON(ds))
		return fmt.Sprintf("descr: expected %s, got %s", s.Descr, x)
	}
	return ""
}

// sameAligned compares the aligned flags of two records of one layout,
// nested records included.
func sameAligned(a, b dtype.DType) bool {
	if a.IsAlignedRecord() != b.IsAlignedRecord() {
		return false
	}
	fb := b.Fields()
	for i, f := range a.Fields() {
		if f.Type.Kind() == dtype.KindRecord && !sameAligned(f.Type, fb[i].Type) {
			return false
		}
	}
	return true
}

// decodeStructuredExpectation decodes an expected structured dtype
// description (op dtype).
func decodeStructuredExpectation(raw json.RawMessage) (*expectation, error) {
	dt, s, err := decodeStructuredDType(raw)
	if err != nil {
		return nil, err
	}
	return &expectation{kind: resultDType, dt: dt, record: func(got dtype.DType) string {
		return compareRecordDType(dt, s, got)
	}}, nil
}

// specType builds the type of a format in a dtype spec: a dtype name or a
// nested list spec.
func specType(raw json.RawMessage, align bool) (dtype.DType, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		return specList(raw, align)
	}
	var name string
	if err := json.Unmarshal(raw, &name); err != nil {
		return dtype.DType{}, corpusErrorf("bad format %s", raw)
	}
	return corpusElementType(name, "")
}

// specList builds np.dtype([[name, format], [name, format, shape], …],
// align=align).
func specList(raw json.RawMessage, align bool) (dtype.DType, error) {
	var items [][]json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return dtype.DType{}, corpusErrorf("bad dtype spec %s: %v", raw, err)
	}
	fields := make([]dtype.FieldSpec, len(items))
	for i, it := range items {
		if len(it) < 2 || len(it) > 3 {
			return dtype.DType{}, corpusErrorf("bad field spec in %s", raw)
		}
		if err := json.Unmarshal(it[0], &fields[i].Name); err != nil {
			return dtype.DType{}, corpusErrorf("bad field name in %s", raw)
		}
		t, err := specType(it[1], align)
		if err != nil {
			return dtype.DType{}, err
		}
		fields[i].Type = t
		if len(it) == 3 {
			if err := json.Unmarshal(it[2], &fields[i].Shape); err != nil {
				return dtype.DType{}, corpusErrorf("bad field shape in %s", raw)
			}
		}
	}
	return dtype.RecordOf(fields, align)
}

// opStructDType: np.dtype(spec, align=align), a list or dict spec.
func opStructDType(c *Case) (*Result, error) {
	var align bool
	if err := c.kwarg("align", &align); err != nil {
		return nil, err
	}
	raw := bytes.TrimSpace(c.Kwargs["spec"])
	if len(raw) > 0 && raw[0] == '{' {
		var spec struct {
			Names    []string          `json:"names"`
			Formats  []json.RawMessage `json:"formats"`
			Offsets  []int             `json:"offsets"`
			Itemsize int               `json:"itemsize"`
		}
		if err := json.Unmarshal(raw, &spec); err != nil {
			return nil, corpusErrorf("bad dtype spec: %v", err)
		}
		rs := dtype.RecordSpec{Names: spec.Names, Offsets: spec.Offsets, Itemsize: spec.Itemsize}
		for _, f := range spec.Formats {
			t, err := specType(f, align)
			if err != nil {
				return nil, err
			}
			rs.Types = append(rs.Types, t)
		}
		dt, err := dtype.RecordFromSpec(rs, align)
		if err != nil {
			return nil, err
		}
		return &Result{Kind: resultDType, DType: dt}, nil
	}
	dt, err := specList(raw, align)
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultDType, DType: dt}, nil
}

// opGetField: a[field] or a[fields].
func opGetField(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	if c.hasKwarg("field") {
		var name string
		if err := c.kwarg("field", &name); err != nil {
			return nil, err
		}
		v, err := a.Field(name)
		return viewResult(v, a, err)
	}
	var names []string
	if err := c.kwarg("fields", &names); err != nil {
		return nil, err
	}
	if len(names) == 0 {
		// a[[]] is an empty integer index in NumPy, not a list of fields
		idx, err := ndarray.Zeros(dtype.Int64, 0)
		if err != nil {
			return nil, err
		}
		return arrayResult(ndarray.Take(a, idx, 0, ndarray.ModeRaise))
	}
	v, err := a.FieldsView(names...)
	return viewResult(v, a, err)
}

func viewResult(v, of *ndarray.Array, err error) (*Result, error) {
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultArray, Array: v, ViewOf: of}, nil
}

// goValue converts a value in the corpus's data encoding to the Go value
// SetRecord takes for a field of type t and sub-array shape.
func goValue(t dtype.DType, shape []int, e any) (any, error) {
	if len(shape) > 0 {
		list, ok := e.([]any)
		if !ok {
			return goValue(t, nil, e)
		}
		out := make([]any, len(list))
		for i, x := range list {
			v, err := goValue(t, nil, x)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	switch t.Kind() {
	case dtype.KindRecord:
		list, ok := e.([]any)
		if !ok {
			return goNumber(e)
		}
		fields := t.Fields()
		if len(list) != len(fields) {
			// a tuple of the wrong length: SetRecord reports it
			out := make([]any, len(list))
			for i, x := range list {
				v, err := goNumber(x)
				if err != nil {
					v = x
				}
				out[i] = v
			}
			return out, nil
		}
		out := make([]any, len(list))
		for i, f := range fields {
			v, err := goValue(f.Type, f.Shape, list[i])
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case dtype.KindFloat:
		return parseFloat(e)
	case dtype.KindComplex:
		pair, ok := e.([]any)
		if !ok || len(pair) != 2 {
			return nil, corpusErrorf("want a [re, im] pair, got %v", e)
		}
		re, err := parseFloat(pair[0])
		if err != nil {
			return nil, corpusErrorf("%v", err)
		}
		im, err := parseFloat(pair[1])
		if err != nil {
			return nil, corpusErrorf("%v", err)
		}
		return complex(re, im), nil
	case dtype.KindBytes:
		b, err := latin1(e)
		if err != nil {
			return nil, corpusErrorf("%v", err)
		}
		return b, nil
	case dtype.KindUnicode:
		if s, ok := e.(string); ok {
			return s, nil
		}
	case dtype.KindDatetime, dtype.KindTimedelta:
		if s, ok := e.(string); ok {
			return s, nil
		}
	}
	return goNumber(e)
}

// goNumber converts a JSON number (or bool) to int64, uint64 or float64.
func goNumber(e any) (any, error) {
	switch v := e.(type) {
	case bool:
		return v, nil
	case json.Number:
		if i, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return i, nil
		}
		if u, err := strconv.ParseUint(string(v), 10, 64); err == nil {
			return u, nil
		}
		return strconv.ParseFloat(string(v), 64)
	case string:
		if f, err := parseFloat(v); err == nil {
			return f, nil
		}
		return v, nil
	}
	return nil, corpusErrorf("cannot read %v as a value", e)
}

// opSetRecord: b = a.copy(); b[index] = value.
func opSetRecord(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	var index int
	if err := c.kwarg("index", &index); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(c.Kwargs["value"]))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, corpusErrorf("bad value: %v", err)
	}
	v, err := goValue(a.DType(), nil, raw)
	if err != nil {
		return nil, err
	}
	b := a.Copy()
	if err := b.SetRecord(v, index); err != nil {
		return nil, err
	}
	return arrayResult(b, nil)
}

// opSetField: b = a.copy(); b[field] = v.
func opSetField(c *Case) (*Result, error) {
	a, v, err := c.inputPair()
	if err != nil {
		return nil, err
	}
	var name string
	if err := c.kwarg("field", &name); err != nil {
		return nil, err
	}
	b := a.Copy()
	f, err := b.Field(name)
	if err != nil {
		return nil, err
	}
	if err := f.CopyFrom(v, dtype.Unsafe); err != nil {
		return nil, err
	}
	return arrayResult(b, nil)
}

// opRecordCompare: the operators a == b, a != b, and np.less.
func opRecordCompare(u *ufunc.Ufunc) opFunc {
	return binaryOp(func(a, b *ndarray.Array) (*ndarray.Array, error) { return u.Call(a, b) })
}

// sortOrderKwarg reads order=: null, a name or a list of names.
func (c *Case) sortOrderKwarg() ([]string, error) {
	if !c.hasKwarg("order") {
		return nil, nil
	}
	raw := bytes.TrimSpace(c.Kwargs["order"])
	if len(raw) > 0 && raw[0] == '[' {
		var names []string
		if err := json.Unmarshal(raw, &names); err != nil {
			return nil, corpusErrorf("bad order: %v", err)
		}
		return names, nil
	}
	var name string
	if err := json.Unmarshal(raw, &name); err != nil {
		return nil, corpusErrorf("bad order: %v", err)
	}
	return []string{name}, nil
}

// opSortOrder: np.sort / np.argsort(a, axis, kind, order).
func opSortOrder(arg bool) opFunc {
	return func(c *Case) (*Result, error) {
		if err := c.checkKind(); err != nil {
			return nil, err
		}
		axis, flat, err := c.sortAxis()
		if err != nil {
			return nil, err
		}
		order, err := c.sortOrderKwarg()
		if err != nil {
			return nil, err
		}
		a, err := c.input(0)
		if err != nil {
			return nil, err
		}
		switch {
		case arg && flat:
			return arrayResult(ndarray.ArgSortFlatBy(a, order))
		case arg:
			return arrayResult(ndarray.ArgSortBy(a, axis, order))
		case flat:
			return arrayResult(ndarray.SortFlatBy(a, order))
		}
		return arrayResult(ndarray.SortBy(a, axis, order))
	}
}
