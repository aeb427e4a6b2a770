package ndarray

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

// Records (NumPy's structured arrays) are arrays whose dtype is a record
// type (dtype.RecordOf, dtype.RecordFromSpec, dtype.Record). Field and
// FieldsView give views of fields; RecordAt and SetRecord read and write
// whole records as Go values; SortBy and ArgSortBy sort by fields.

func (a *Array) recordCheck(op string) error {
	if a.dtype.Kind() != dtype.KindRecord {
		return &IndexError{Msg: fmt.Sprintf("%s: an array of %s has no fields", op, a.dtype)}
	}
	return nil
}

// Field returns a view of the field name of a record array, as NumPy's
// a[name]: its dtype is the field's type, its elements are the field in
// each record, and a sub-array field appends its shape to a's (a field
// of shape (2,) in an array of shape (4,) gives shape (4, 2)). Writing to
// the view writes the records. An unknown name, or an array whose dtype
// has no fields, is an *IndexError.
func (a *Array) Field(name string) (*Array, error) {
	if err := a.recordCheck("field"); err != nil {
		return nil, err
	}
	f, ok := a.dtype.Field(name)
	if !ok {
		return nil, &IndexError{Msg: fmt.Sprintf("no field of name %q in %s", name, a.dtype)}
	}
	nd := a.NDim()
	shape := make([]int, nd+len(f.Shape))
	strides := make([]int, len(shape))
	copy(shape, a.Shape())
	copy(strides, a.Strides())
	copy(shape[nd:], f.Shape)
	cStrides(strides[nd:], f.Shape, f.Type.Size())
	off := a.offset + f.Offset
	if a.size == 0 {
		off = a.offset // no element to reach
	}
	return newHeader(f.Type, a.data, off, shape, strides, a.flags&Writeable), nil
}

// FieldsView returns a view of several fields of a record array, as
// NumPy's a[[name, …]] (NumPy 1.16 and later): its dtype holds the named
// fields, in the order given, at their original offsets within records of
// the original itemsize, so the bytes between them are padding. An
// unknown or repeated name is an *IndexError.
func (a *Array) FieldsView(names ...string) (*Array, error) {
	if err := a.recordCheck("fields"); err != nil {
		return nil, err
	}
	fields := make([]dtype.Field, 0, len(names))
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		if seen[name] {
			return nil, &IndexError{Msg: fmt.Sprintf("duplicate field of name %q", name)}
		}
		seen[name] = true
		f, ok := a.dtype.Field(name)
		if !ok {
			return nil, &IndexError{Msg: fmt.Sprintf("no field of name %q in %s", name, a.dtype)}
		}
		fields = append(fields, f)
	}
	dt, err := dtype.Record(fields, a.dtype.Size(), a.dtype.IsAlignedRecord())
	if err != nil {
		return nil, err
	}
	return newHeader(dt, a.data, a.offset, a.Shape(), a.Strides(), a.flags&Writeable), nil
}

// subArrayAt returns the view a[idx...] for a prefix of the dimensions,
// negative indices counting from the end.
func (a *Array) subArrayAt(idx []int) (*Array, error) {
	if len(idx) > a.NDim() {
		return nil, &IndexError{Msg: fmt.Sprintf("too many indices: %d given for an array of dimension %d", len(idx), a.NDim())}
	}
	off, err := a.prefixOffset(idx)
	if err != nil {
		return nil, err
	}
	return a.view(off, a.Shape()[len(idx):], a.Strides()[len(idx):]), nil
}

// SetRecord assigns value to the records a[idx...] (a full index picks one
// record; a shorter one assigns to every record of the sub-array it
// picks), as NumPy's a[idx] = value does:
//
//   - a []any is a tuple: one value per field, in field order (a tuple of
//     another length is a *ShapeError); each value is converted to its
//     field's type with NumPy's unsafe casting (integers wrap, strings are
//     truncated to the field's width);
//   - any other value sets every field, and every element of every
//     sub-array field, to that value.
//
// A field value is a Go bool, integer, float, complex number or
// float16.Float16; a string for a Unicode field (UTF-8, truncated to the
// width) or a bytes field (ASCII, as NumPy encodes a str, truncated); a
// []byte for a bytes field (any bytes) or a plain void field; for a
// datetime64 or timedelta64 field an integer tick count, "NaT", or a date
// string the type's casts parse; a []any for a nested record (a tuple
// again) or a sub-array field (its elements in C order, or nested lists
// matching its shape). Values that do not convert (text that is not a
// number, a non-ASCII character for bytes) return the conversion's error;
// nothing is written unless every value converts. Bytes of a record that
// no field covers are left as they are.
func (a *Array) SetRecord(value any, idx ...int) error {
	if err := a.recordCheck("set record"); err != nil {
		return err
	}
	if !a.IsWriteable() {
		return &ValueError{Op: "set record", Msg: "destination is read-only"}
	}
	sub, err := a.subArrayAt(idx)
	if err != nil {
		return err
	}
	rec := make([]byte, a.dtype.Size())
	if err := encodeScalar(rec, a.dtype, value); err != nil {
		return err
	}
	fields := a.dtype.Fields()
	sub.forEachOffset(func(_, off int) bool {
		dst := a.data[off : off+len(rec)]
		if len(fields) == 0 {
			copy(dst, rec)
			return true
		}
		for _, f := range fields {
			n := f.Size()
			copy(dst[f.Offset:f.Offset+n], rec[f.Offset:f.Offset+n])
		}
		return true
	})
	return nil
}

// encodeValue writes v into buf as a field of type t and sub-array shape.
func encodeValue(buf []byte, t dtype.DType, shape []int, v any) error {
	if len(shape) == 0 {
		return encodeScalar(buf, t, v)
	}
	n, size := 1, t.Size()
	for _, d := range shape {
		n *= d
	}
	list, ok := v.([]any)
	if !ok {
		for k := range n {
			if err := encodeScalar(buf[k*size:(k+1)*size], t, v); err != nil {
				return err
			}
		}
		return nil
	}
	switch {
	case len(list) == n && (len(shape) == 1 || t.Kind() == dtype.KindRecord || !isNested(list)):
		for k, e := range list {
			if err := encodeScalar(buf[k*size:(k+1)*size], t, e); err != nil {
				return err
			}
		}
		return nil
	case len(list) == shape[0] && len(shape) > 1:
		step := n / max(shape[0], 1) * size
		for k, e := range list {
			if err := encodeValue(buf[k*step:(k+1)*step], t, shape[1:], e); err != nil {
				return err
			}
		}
		return nil
	}
	return &ShapeError{Op: "set record", Msg: fmt.Sprintf("cannot assign %d values to a sub-array of shape %s", len(list), FormatShape(shape))}
}

// isNested reports whether a list holds lists (rows of a sub-array).
func isNested(list []any) bool {
	for _, e := range list {
		if _, ok := e.([]any); ok {
			return true
		}
	}
	return false
}

// encodeScalar writes one element v of type t into buf (len t.Size()).
func encodeScalar(buf []byte, t dtype.DType, v any) error {
	switch t.Kind() {
	case dtype.KindRecord:
		if !t.HasFields() {
			b, ok := toBytes(v)
			if !ok || len(b) > len(buf) {
				return &ValueError{Op: "set record", Msg: fmt.Sprintf("cannot assign %T to %s", v, t)}
			}
			copy(buf, b)
			clear(buf[len(b):])
			return nil
		}
		fields := t.Fields()
		if list, ok := v.([]any); ok {
			if len(list) != len(fields) {
				return &ShapeError{Op: "set record", Msg: fmt.Sprintf("could not assign tuple of length %d to structure with %d fields", len(list), len(fields))}
			}
			for i, f := range fields {
				if err := encodeValue(buf[f.Offset:f.Offset+f.Size()], f.Type, f.Shape, list[i]); err != nil {
					return err
				}
			}
			return nil
		}
		for _, f := range fields {
			if err := encodeValue(buf[f.Offset:f.Offset+f.Size()], f.Type, f.Shape, v); err != nil {
				return err
			}
		}
		return nil
	case dtype.KindUnicode:
		if s, ok := v.(string); ok {
			putUnicode(buf, t, s)
			return nil
		}
	case dtype.KindBytes:
		if b, ok := toBytes(v); ok {
			if s, isText := v.(string); isText {
				for i := range len(s) {
					if s[i] >= 0x80 {
						return &ValueError{Op: "set record", Msg: fmt.Sprintf("%q is not ASCII: a bytes field takes text only as ASCII (a []byte takes any bytes)", s)}
					}
				}
			}
			n := copy(buf, b)
			clear(buf[n:])
			return nil
		}
	case dtype.KindDatetime, dtype.KindTimedelta:
		if s, ok := v.(string); ok && (s == "NaT" || s == "nat" || s == "") {
			putTicks(buf, t, math.MinInt64)
			return nil
		}
		if x, ok := goInt(v); ok {
			putTicks(buf, t, x)
			return nil
		}
	}
	src, raw, err := goScalar(v)
	if err != nil {
		return err
	}
	loop, err := dtype.GetCheckedCast(src, t)
	if err != nil {
		return err
	}
	return loop(unsafe.Pointer(unsafe.SliceData(buf)), 0, unsafe.Pointer(unsafe.SliceData(raw)), 0, 1)
}

func toBytes(v any) ([]byte, bool) {
	switch b := v.(type) {
	case []byte:
		return b, true
	case string:
		return []byte(b), true
	}
	return nil, false
}

// putUnicode writes s as UTF-32 code points in t's byte order, truncated
// to the width and padded with NULs.
func putUnicode(buf []byte, t dtype.DType, s string) {
	clear(buf)
	big := t.ByteOrder() == dtype.BigEndian
	for i, r := 0, 0; r < len(s) && i+4 <= len(buf); i += 4 {
		c, size := utf8.DecodeRuneInString(s[r:])
		r += size
		if big {
			buf[i], buf[i+1], buf[i+2], buf[i+3] = byte(c>>24), byte(c>>16), byte(c>>8), byte(c)
		} else {
			buf[i], buf[i+1], buf[i+2], buf[i+3] = byte(c), byte(c>>8), byte(c>>16), byte(c>>24)
		}
	}
}

// putTicks writes an int64 tick count in t's byte order.
func putTicks(buf []byte, t dtype.DType, x int64) {
	for i := range 8 {
		sh := 8 * i
		if t.ByteOrder() == dtype.BigEndian {
			sh = 8 * (7 - i)
		}
		buf[i] = byte(uint64(x) >> sh)
	}
}

func goInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int8:
		return int64(x), true
	case int16:
		return int64(x), true
	case int32:
		return int64(x), true
	case int64:
		return x, true
	}
	return 0, false
}

// goScalar returns the dtype and native bytes of a Go scalar value.
func goScalar(v any) (dtype.DType, []byte, error) {
	if x, ok := v.(string); ok {
		// text for a field of another type: converted as NumPy converts
		// a str (parsed as a number or a date)
		n := utf8.RuneCountInString(x)
		u := dtype.Unicode(max(n, 1))
		raw := make([]byte, u.Size())
		putUnicode(raw, u, x)
		return u, raw, nil
	}
	dt, bits, ok := scalarBits(v)
	if !ok {
		return dtype.DType{}, nil, &ValueError{Op: "set record", Msg: fmt.Sprintf("cannot assign a value of Go type %T to a field", v)}
	}
	raw := make([]byte, dt.Size())
	copy(raw, unsafe.Slice((*byte)(unsafe.Pointer(&bits)), dt.Size()))
	return dt, raw, nil
}

// RecordAt returns the record at idx (a full index) as Go values, one per
// field in field order: numbers as their Go types (bool, int8, …,
// float16.Float16, complex128), Unicode and bytes fields as string (the
// text, or the bytes as they are, without trailing NULs), plain void
// fields as []byte, datetime64 and timedelta64 fields as int64 tick
// counts (NaT is math.MinInt64), nested records and sub-array fields
// (their elements in C order) as []any.
func (a *Array) RecordAt(idx ...int) ([]any, error) {
	if err := a.recordCheck("record"); err != nil {
		return nil, err
	}
	off, err := a.offsetOf(idx)
	if err != nil {
		return nil, err
	}
	v := decodeScalar(a.data[off:off+a.dtype.Size()], a.dtype)
	if list, ok := v.([]any); ok {
		return list, nil
	}
	return []any{}, nil
}

func decodeValue(buf []byte, t dtype.DType, shape []int) any {
	if len(shape) == 0 {
		return decodeScalar(buf, t)
	}
	n, size := 1, t.Size()
	for _, d := range shape {
		n *= d
	}
	out := make([]any, n)
	for k := range out {
		out[k] = decodeScalar(buf[k*size:(k+1)*size], t)
	}
	return out
}

func decodeScalar(buf []byte, t dtype.DType) any {
	switch t.Kind() {
	case dtype.KindRecord:
		if !t.HasFields() {
			return slices.Clone(buf)
		}
		fields := t.Fields()
		out := make([]any, len(fields))
		for i, f := range fields {
			out[i] = decodeValue(buf[f.Offset:f.Offset+f.Size()], f.Type, f.Shape)
		}
		return out
	case dtype.KindUnicode:
		return unicodeText(buf, t)
	case dtype.KindBytes:
		end := len(buf)
		for end > 0 && buf[end-1] == 0 {
			end--
		}
		return string(buf[:end])
	case dtype.KindDatetime, dtype.KindTimedelta:
		var x uint64
		for i := range 8 {
			sh := 8 * i
			if t.ByteOrder() == dtype.BigEndian {
				sh = 8 * (7 - i)
			}
			x |= uint64(buf[i]) << sh
		}
		return int64(x)
	}
	if t.Num() == dtype.NumUser {
		return slices.Clone(buf)
	}
	tmp := alloc(max(t.Size(), 1))
	copy(tmp, buf)
	e := newHeader(t, tmp, 0, nil, nil, 0)
	return e.valueAt(0)
}

// unicodeText decodes UTF-32 code points up to the trailing NULs.
func unicodeText(buf []byte, t dtype.DType) string {
	big := t.ByteOrder() == dtype.BigEndian
	rs := make([]rune, 0, len(buf)/4)
	for i := 0; i+4 <= len(buf); i += 4 {
		var c uint32
		if big {
			c = uint32(buf[i])<<24 | uint32(buf[i+1])<<16 | uint32(buf[i+2])<<8 | uint32(buf[i+3])
		} else {
			c = uint32(buf[i]) | uint32(buf[i+1])<<8 | uint32(buf[i+2])<<16 | uint32(buf[i+3])<<24
		}
		rs = append(rs, rune(c))
	}
	end := len(rs)
	for end > 0 && rs[end-1] == 0 {
		end--
	}
	return string(rs[:end])
}

// sortOrder returns the record type whose fields are a's in the order a
// sort with order compares them: the named fields first, then the others
// in dtype order (NumPy's _newnames).
func sortOrder(op string, dt dtype.DType, order []string) (dtype.DType, error) {
	if !dt.HasFields() {
		if len(order) > 0 {
			return dtype.DType{}, &ValueError{Op: op, Msg: "cannot specify order when the array has no fields"}
		}
		return dt, nil
	}
	if len(order) == 0 {
		return dt, nil
	}
	fields := dt.Fields()
	used := make([]bool, len(fields))
	out := make([]dtype.Field, 0, len(fields))
	for _, name := range order {
		i := slices.IndexFunc(fields, func(f dtype.Field) bool { return f.Name == name })
		switch {
		case i < 0:
			return dtype.DType{}, &ValueError{Op: op, Msg: "unknown field name: " + strconv.Quote(name)}
		case used[i]:
			return dtype.DType{}, &ValueError{Op: op, Msg: "duplicate field name: " + strconv.Quote(name)}
		}
		used[i] = true
		out = append(out, fields[i])
	}
	for i, f := range fields {
		if !used[i] {
			out = append(out, f)
		}
	}
	return dtype.Record(out, dt.Size(), false)
}

// recordComparer returns the comparison of a's records for a sort by
// order.
func recordComparer(op string, a *Array, order []string) (dtype.Comparer, error) {
	if a.dtype.Kind() != dtype.KindRecord {
		if len(order) > 0 {
			return nil, &ValueError{Op: op, Msg: "cannot specify order when the array has no fields"}
		}
		return nil, nil
	}
	dt, err := sortOrder(op, a.dtype, order)
	if err != nil {
		return nil, err
	}
	cmp, err := dtype.GetComparer(dt)
	if err != nil {
		return nil, &ValueError{Op: op, Msg: err.Error()}
	}
	return cmp, nil
}

// argsortRecordRows writes the stable sorting permutation of each row of
// n records of the C-ordered w.
func argsortRecordRows(w *Array, n int, cmp dtype.Comparer, out []int64) {
	if n == 0 || w.size == 0 {
		return
	}
	isz := w.dtype.Size()
	for r := 0; r+n <= w.size; r += n {
		idx := out[r : r+n]
		for i := range idx {
			idx[i] = int64(i)
		}
		if isz == 0 {
			continue
		}
		base := w.offset + r*isz
		slices.SortStableFunc(idx, func(i, j int64) int {
			return cmp(w.ptr(base+int(i)*isz), w.ptr(base+int(j)*isz))
		})
	}
}

// SortBy returns a copy of a sorted along axis (negative counts from the
// end) like Sort, with NumPy's order= for record arrays: records compare
// field by field, the fields named in order first, then the remaining
// ones in dtype order; within a field numbers sort ascending with NaN
// last (see dtype.GetComparer), a nested record by its own fields, a
// sub-array element by element. With no order every field counts, in
// dtype order. Naming a field that does not exist, naming one twice, or
// giving an order for an array without fields is a *ValueError. Arrays
// that are not records are sorted by Sort.
func SortBy(a *Array, axis int, order []string) (*Array, error) {
	cmp, err := recordComparer("sort", a, order)
	if err != nil || cmp == nil {
		if err != nil {
			return nil, err
		}
		return Sort(a, axis)
	}
	ax, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	w := rowsCopy(a, ax)
	return fromRows(sortRecordRows(w, a.Shape()[ax], cmp), ax), nil
}

// SortFlatBy is SortBy of a flattened in C order (NumPy's axis=None).
func SortFlatBy(a *Array, order []string) (*Array, error) {
	cmp, err := recordComparer("sort", a, order)
	if err != nil || cmp == nil {
		if err != nil {
			return nil, err
		}
		return SortFlat(a)
	}
	w := a.Copy()
	w = w.view(0, []int{w.size}, []int{w.dtype.Size()})
	return sortRecordRows(w, w.size, cmp), nil
}

// sortRecordRows returns w (C-ordered) with each row of n records sorted.
func sortRecordRows(w *Array, n int, cmp dtype.Comparer) *Array {
	perm := make([]int64, w.size)
	argsortRecordRows(w, n, cmp, perm)
	out, err := newArray(w.dtype, w.Shape(), C)
	if err != nil {
		panic(err) // w's shape is valid
	}
	isz := w.dtype.Size()
	for r := 0; r+n <= w.size && isz > 0; r += n {
		for i, j := range perm[r : r+n] {
			src := w.offset + (r+int(j))*isz
			copy(out.data[(r+i)*isz:(r+i+1)*isz], w.data[src:src+isz])
		}
	}
	return out
}

// ArgSortBy returns the int64 indices that sort a along axis as SortBy
// does (NumPy's np.argsort(a, axis, kind="stable", order=order)).
func ArgSortBy(a *Array, axis int, order []string) (*Array, error) {
	cmp, err := recordComparer("argsort", a, order)
	if err != nil || cmp == nil {
		if err != nil {
			return nil, err
		}
		return ArgSort(a, axis)
	}
	if a.NDim() == 0 && (axis == 0 || axis == -1) {
		return ArgSortFlatBy(a, order)
	}
	ax, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	return argsortAlong(a, ax, func(w *Array, n int, out []int64) { argsortRecordRows(w, n, cmp, out) })
}

// ArgSortFlatBy is ArgSortBy of a flattened in C order (NumPy's
// axis=None); the result is 1-d.
func ArgSortFlatBy(a *Array, order []string) (*Array, error) {
	cmp, err := recordComparer("argsort", a, order)
	if err != nil || cmp == nil {
		if err != nil {
			return nil, err
		}
		return ArgSortFlat(a)
	}
	return argsortFlat(a.Copy(), func(w *Array, n int, out []int64) { argsortRecordRows(w, n, cmp, out) })
}

// recordFormat prints the records of an array as NumPy's
// StructuredVoidFormat does: "(1, 2.5)", each field formatted by the
// element format of that field across the whole array (so a field's
// values share one width), a sub-array field as "[1, 2]", a record of one
// field as "(1,)".
type recordFormat struct {
	parts []recordPart
}

type recordPart struct {
	off   int   // the field's offset in a record
	shape []int // its sub-array shape
	size  int   // the size of one element of the field
	ef    *elemFormat
	t     dtype.DType
}

func newRecordFormat(a *Array, summary bool) *recordFormat {
	rf := &recordFormat{}
	for _, f := range a.dtype.Fields() {
		fv, err := a.Field(f.Name)
		if err != nil {
			continue
		}
		rf.parts = append(rf.parts, recordPart{off: f.Offset, shape: f.Shape, size: f.Type.Size(), ef: newElemFormat(fv, summary), t: f.Type})
	}
	return rf
}

// append appends the record at byte offset off.
func (rf *recordFormat) append(dst []byte, off int) []byte {
	dst = append(dst, '(')
	for i, p := range rf.parts {
		if i > 0 {
			dst = append(dst, ", "...)
		}
		dst = p.appendSub(dst, off+p.off, p.shape)
	}
	if len(rf.parts) == 1 {
		dst = append(dst, ',')
	}
	return append(dst, ')')
}

// appendSub appends the sub-array of the given shape at off, or the
// element there when the shape is empty.
func (p *recordPart) appendSub(dst []byte, off int, shape []int) []byte {
	if len(shape) == 0 {
		start := len(dst)
		dst = p.ef.append(dst, off)
		if len(dst) == start {
			dst = appendFieldValue(dst, p.ef.a.data[off:off+p.size], p.t)
		}
		return dst
	}
	step := p.size
	for _, d := range shape[1:] {
		step *= d
	}
	dst = append(dst, '[')
	for k := range shape[0] {
		if k > 0 {
			dst = append(dst, ", "...)
		}
		dst = p.appendSub(dst, off+k*step, shape[1:])
	}
	return append(dst, ']')
}

// appendFieldValue writes a field element the element formats do not
// print: text as Python's repr ('ab', b'x'), other values as Go prints
// their RecordAt values.
func appendFieldValue(dst []byte, buf []byte, t dtype.DType) []byte {
	v := decodeScalar(buf, t)
	if x, ok := v.(string); ok {
		if t.Kind() == dtype.KindBytes {
			dst = append(dst, 'b')
		}
		return append(dst, strconv.Quote(x)...)
	}
	return fmt.Append(dst, v)
}

// npyDescr returns the text np.save writes after 'descr': for dt, or a
// *ValueError for a type that has no .npy form.
func npyDescr(dt dtype.DType) (string, error) {
	if !npyWritable(dt) {
		return "", &ValueError{Op: "write npy", Msg: "dtype " + dt.String() + " has no .npy type string"}
	}
	lit, err := dt.DescrLiteral()
	if err != nil {
		return "", &ValueError{Op: "write npy", Msg: "dtype " + dt.String() + " has no .npy descr: " + err.Error()}
	}
	return lit, nil
}

// npyWritable reports whether NumPy's .npy format can describe dt: the
// built-in numbers, dates and durations, fixed-width strings, and records
// of those.
func npyWritable(dt dtype.DType) bool {
	switch dt.Kind() {
	case dtype.KindBool, dtype.KindInt, dtype.KindUint, dtype.KindFloat, dtype.KindComplex:
		return dt.Num() != dtype.NumUser
	case dtype.KindDatetime, dtype.KindTimedelta, dtype.KindUnicode, dtype.KindBytes:
		return true
	case dtype.KindRecord:
		for _, f := range dt.Fields() {
			if !npyWritable(f.Type) {
				return false
			}
		}
		return true
	}
	return false
}

// recordDescr returns the record type of a structured descr: a list of
// (name, type string) and (name, type string, shape) tuples, a nested
// list in place of a type string for a nested record, unnamed '|V<n>'
// entries for padding (numpy.lib.format.descr_to_dtype).
func recordDescr(v *pyValue) (dtype.DType, error) {
	fields, err := descrFields(v)
	if err != nil {
		return dtype.DType{}, err
	}
	dt, err := dtype.FromDescr(fields)
	if err != nil {
		return dtype.DType{}, formatErr("bad structured descr", err)
	}
	return dt, nil
}

func descrFields(v *pyValue) ([]dtype.DescrField, error) {
	if v.kind != 'l' {
		return nil, formatErr("a structured descr is not a list of fields", nil)
	}
	out := make([]dtype.DescrField, 0, len(v.items))
	for _, it := range v.items {
		if it.kind != 't' || len(it.items) < 2 || len(it.items) > 3 {
			return nil, formatErr("a field of a structured descr is not a (name, type) or (name, type, shape) tuple", nil)
		}
		var f dtype.DescrField
		switch name := it.items[0]; name.kind {
		case 's':
			f.Name = name.str
		case 't':
			return nil, formatErr("field titles are not supported", errors.ErrUnsupported)
		default:
			return nil, formatErr("a field name of a structured descr is not a string", nil)
		}
		switch typ := &it.items[1]; typ.kind {
		case 's':
			if _, err := descrDType(typ); err != nil {
				return nil, err
			}
			f.Str = typ.str
		case 'l':
			sub, err := descrFields(typ)
			if err != nil {
				return nil, err
			}
			f.Fields = sub
		default:
			return nil, formatErr("the type of field "+strconv.Quote(f.Name)+" is not a type string or a list of fields", nil)
		}
		if len(it.items) == 3 {
			shape, err := descrShape(it.items[2])
			if err != nil {
				return nil, err
			}
			f.Shape = shape
		}
		out = append(out, f)
	}
	return out, nil
}

// descrShape reads a field's sub-array shape: an int or a tuple of ints.
func descrShape(v pyValue) ([]int, error) {
	items := []pyValue{v}
	if v.kind == 't' {
		items = v.items
	}
	if len(items) > maxNPYDims {
		return nil, formatErr("a field's shape has more than "+strconv.Itoa(maxNPYDims)+" dimensions", nil)
	}
	shape := make([]int, len(items))
	for i, d := range items {
		if d.kind != 'i' || d.big || d.neg && d.num != 0 {
			return nil, formatErr("a field's shape is not a tuple of non-negative ints", nil)
		}
		shape[i] = d.num
	}
	return shape, nil
}
