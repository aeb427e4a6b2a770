package ndarray

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/floatfmt"
	"github.com/pluribus-go/pluribus/internal/strided"
	"github.com/x448/float16"
)

// Variable-length strings (dtype.String) keep their text in an Arena that
// lives beside the array's buffer: each element is a dtype.StringRef, the
// offset and length of its bytes in the arena. Views and copies share the
// arena (its bytes are never changed once written, only appended to), so
// taking a view or copying an array of strings copies no text. Writing a
// string appends its bytes; overwritten text stays in the arena until the
// array is dropped.

// extension is the storage an array keeps beside its buffer. It is shared
// by the array's views.
type extension struct {
	arena atomic.Pointer[Arena]
}

// newExtension returns the extension an array of type dt needs (nil for
// types whose elements are self-contained).
func newExtension(dt dtype.DType) *extension {
	if !holdsStrings(dt) {
		return nil
	}
	e := &extension{}
	e.arena.Store(&Arena{})
	return e
}

// holdsStrings reports whether elements of dt refer to an arena: String,
// an option of it, or a record with such a field.
func holdsStrings(dt dtype.DType) bool {
	switch dt.Kind() {
	case dtype.KindString:
		return true
	case dtype.KindOption:
		return holdsStrings(dt.Elem())
	case dtype.KindRecord:
		for _, f := range dt.Fields() {
			if holdsStrings(f.Type) {
				return true
			}
		}
	}
	return false
}

// Arena is the append-only byte store holding the text of an array of
// variable-length strings. It is safe for concurrent use.
type Arena struct {
	mu  sync.Mutex
	buf []byte
}

// Len returns the number of bytes stored.
func (r *Arena) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.buf)
}

// Bytes returns the bytes stored so far. They never change; later
// additions do not show in the returned slice.
func (r *Arena) Bytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf[:len(r.buf):len(r.buf)]
}

// Add appends s and returns the reference to it.
func (r *Arena) Add(s string) dtype.StringRef { return arenaAdd(r, s) }

// AddBytes is Add for a byte slice.
func (r *Arena) AddBytes(b []byte) dtype.StringRef { return arenaAdd(r, b) }

// arenaAdd appends the bytes of s to r and returns the reference to them.
func arenaAdd[T string | []byte](r *Arena, s T) dtype.StringRef {
	if len(s) == 0 {
		return dtype.StringRef{}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	off := len(r.buf)
	r.buf = append(r.buf, s...)
	return dtype.StringRef{Offset: int64(off), Len: int64(len(s))}
}

// StringBytes returns the bytes a reference names within a snapshot taken
// with Bytes, and false when the reference lies outside it (an element
// not written through this arena).
func StringBytes(snapshot []byte, ref dtype.StringRef) ([]byte, bool) {
	if ref.Len == 0 {
		return nil, true
	}
	if ref.Offset < 0 || ref.Len < 0 || ref.Offset > int64(len(snapshot)) || ref.Len > int64(len(snapshot))-ref.Offset {
		return nil, false
	}
	return snapshot[ref.Offset : ref.Offset+ref.Len : ref.Offset+ref.Len], true
}

// StringArena returns the arena holding the text of a's strings, shared
// with its views, or nil when a's elements hold no strings.
func (a *Array) StringArena() *Arena {
	if a.ext == nil {
		return nil
	}
	return a.ext.arena.Load()
}

// arenaFor returns a's arena, giving a an extension when it lacks one (an
// array made over foreign memory).
func (a *Array) arenaFor() *Arena {
	if a.ext == nil {
		a.ext = newExtension(dtype.String)
	}
	return a.ext.arena.Load()
}

func badStringRef() error {
	return &ValueError{Op: "string", Msg: "string element refers outside its array's arena"}
}

// FromStrings returns a new array of variable-length strings
// (dtype.String) holding values with the given shape (1-d when none). A
// value that is not valid UTF-8 is a *ValueError, a shape of another size
// a *ShapeError.
func FromStrings(values []string, shape ...int) (*Array, error) {
	if len(shape) == 0 {
		shape = []int{len(values)}
	}
	n, ok := sizeOf(shape, dtype.String.Size())
	if !ok || n != len(values) {
		return nil, &ShapeError{Op: "from strings", Msg: "cannot make an array of shape " + FormatShape(shape) + " from " + strconv.Itoa(len(values)) + " elements"}
	}
	for i, s := range values {
		if !utf8.ValidString(s) {
			return nil, &ValueError{Op: "from strings", Msg: fmt.Sprintf("value %d (%q) is not valid UTF-8", i, s)}
		}
	}
	a, err := newArray(dtype.String, shape, C)
	if err != nil {
		return nil, err
	}
	total := 0
	for _, s := range values {
		total += len(s)
	}
	r := a.arenaFor()
	r.mu.Lock()
	r.buf = make([]byte, 0, total)
	r.mu.Unlock()
	if n > 0 {
		refs := unsafe.Slice((*dtype.StringRef)(a.base()), n)
		for i, s := range values {
			refs[i] = r.Add(s)
		}
	}
	return a, nil
}

// MustFromStrings is FromStrings for values known to be valid; it panics
// on error.
func MustFromStrings(values []string, shape ...int) *Array {
	a, err := FromStrings(values, shape...)
	if err != nil {
		panic(err)
	}
	return a
}

// snapshot is Bytes on a possibly nil arena.
func (r *Arena) snapshot() []byte {
	if r == nil {
		return nil
	}
	return r.Bytes()
}

// copyStrings copies src into dst (same shape) when either holds
// variable-length strings or categoricals meet text: the conversions that
// need an arena or the category list.
func copyStrings(dst, src *Array) error {
	if overlaps(dst, src) {
		src = src.Copy()
	}
	if dst.dtype.IsOption() || src.dtype.IsOption() {
		return copyOptionText(dst, src)
	}
	dk, sk := dst.dtype.Kind(), src.dtype.Kind()
	if dk == dtype.KindString && sk == dtype.KindString {
		sr, dr := src.StringArena(), dst.arenaFor()
		if sr == dr || sr == nil {
			rawStrings(dst, src)
			return nil
		}
		if dr.Len() == 0 && dst.ext != nil {
			// an empty arena: every element of dst is "", valid in any
			// arena, so dst (and its views) can share src's text
			dst.ext.arena.Store(sr)
			rawStrings(dst, src)
			return nil
		}
	}
	read, err := textReader(src)
	if err != nil {
		return err
	}
	write, err := textWriter(dst)
	if err != nil {
		return err
	}
	var first error
	pairOffsets(dst, src, func(doff, soff int) bool {
		s, err := read(soff)
		if err == nil {
			err = write(doff, s)
		}
		if err != nil {
			first = err
			return false
		}
		return true
	})
	return first
}

// rawStrings copies the references of src into dst unchanged (the two
// share an arena).
func rawStrings(dst, src *Array) {
	if dst.size == 0 {
		return
	}
	strided.Copy(dst.Shape(), dst.base(), dst.Strides(), src.base(), src.Strides(), dst.dtype.Size())
}

// shareArena makes dst, a new array, read its string references from
// src's arena (for copies that move references unchanged).
func shareArena(dst, src *Array) {
	if src.ext == nil || dst == src {
		return
	}
	e := &extension{}
	e.arena.Store(src.ext.arena.Load())
	dst.ext = e
}

// blitStrings is blit for element types holding string references: the
// references are copied unchanged when dst can read src's arena, and the
// text is copied into dst's arena otherwise.
func blitStrings(dst, src *Array) {
	sr, dr := src.StringArena(), dst.arenaFor()
	switch {
	case sr == nil || sr == dr:
	case dr.Len() == 0:
		dst.ext.arena.Store(sr)
	case dst.dtype.Kind() == dtype.KindString && src.dtype.Kind() == dtype.KindString:
		_ = copyStrings(dst, src) // a reference outside src's arena stays unreadable
		return
	}
	rawStrings(dst, src)
}

// pairOffsets walks two arrays of one shape together in C order.
func pairOffsets(dst, src *Array, yield func(doff, soff int) bool) {
	if dst.size == 0 {
		return
	}
	nd := dst.NDim()
	idx := make([]int, nd)
	doff, soff := dst.offset, src.offset
	for {
		if !yield(doff, soff) {
			return
		}
		k := nd - 1
		for ; k >= 0; k-- {
			idx[k]++
			doff += dst.Strides()[k]
			soff += src.Strides()[k]
			if idx[k] < dst.Shape()[k] {
				break
			}
			doff -= dst.Strides()[k] * dst.Shape()[k]
			soff -= src.Strides()[k] * src.Shape()[k]
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// textReader returns a function giving the text form of src's element
// at a byte offset.
func textReader(src *Array) (func(off int) (string, error), error) {
	dt := src.dtype
	switch dt.Kind() {
	case dtype.KindString:
		snap := src.StringArena().snapshot()
		return func(off int) (string, error) {
			b, ok := StringBytes(snap, *(*dtype.StringRef)(src.ptr(off)))
			if !ok {
				return "", badStringRef()
			}
			return string(b), nil
		}, nil
	case dtype.KindCategory:
		return func(off int) (string, error) {
			v, ok := dt.Category(dt.ReadCode(src.ptr(off)))
			if !ok {
				return "", &ValueError{Op: "cast", Msg: "categorical code outside the category list"}
			}
			return v, nil
		}, nil
	case dtype.KindUnicode:
		w := dt.Width()
		swap := !dt.IsNative()
		return func(off int) (string, error) {
			var b strings.Builder
			for i := range w {
				c := *(*uint32)(src.ptr(off + 4*i))
				if swap {
					c = c>>24 | c>>8&0xff00 | c<<8&0xff0000 | c<<24
				}
				if c == 0 {
					break
				}
				if c > utf8.MaxRune || c >= 0xD800 && c < 0xE000 {
					return "", &ValueError{Op: "cast", Msg: fmt.Sprintf("code point %#x is not a character", c)}
				}
				b.WriteRune(rune(c))
			}
			return b.String(), nil
		}, nil
	case dtype.KindBytes:
		w := dt.Width()
		return func(off int) (string, error) {
			b := unsafe.Slice((*byte)(src.ptr(off)), w)
			if i := strings.IndexByte(string(b), 0); i >= 0 {
				b = b[:i]
			}
			if !utf8.Valid(b) {
				return "", &ValueError{Op: "cast", Msg: fmt.Sprintf("bytes %q are not valid UTF-8", b)}
			}
			return string(b), nil
		}, nil
	}
	if dt.Num() == dtype.NumUser {
		return nil, &dtype.CastError{From: dt, To: dtype.String, Casting: dtype.Unsafe}
	}
	return func(off int) (string, error) { return formatValue(src.valueAt(off)), nil }, nil
}

// formatValue writes a number as NumPy's str() of the scalar does:
// True/False, plain integers, the shortest float digits that identify the
// value in its own type ("1.0", "0.1", "1e+20"), complex numbers as
// (1+2j).
func formatValue(v any) string {
	var buf [64]byte
	switch x := v.(type) {
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int8, int16, int32, int64, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x)
	case float16.Float16:
		return string(floatfmt.AppendFloat(buf[:0], float64(x.Float32()), 16, false, false))
	case float32:
		return string(floatfmt.AppendFloat(buf[:0], float64(x), 32, false, false))
	case float64:
		return string(floatfmt.AppendFloat(buf[:0], x, 64, false, false))
	case complex64:
		return string(floatfmt.AppendComplex(buf[:0], float64(real(x)), float64(imag(x)), 32))
	case complex128:
		return string(floatfmt.AppendComplex(buf[:0], real(x), imag(x), 64))
	}
	return fmt.Sprint(v)
}

// textWriter returns a function storing text into dst's element at a
// byte offset, parsing it when dst is not text.
func textWriter(dst *Array) (func(off int, s string) error, error) {
	dt := dst.dtype
	switch dt.Kind() {
	case dtype.KindString:
		r := dst.arenaFor()
		return func(off int, s string) error {
			*(*dtype.StringRef)(dst.ptr(off)) = r.Add(s)
			return nil
		}, nil
	case dtype.KindCategory:
		return func(off int, s string) error {
			c, ok := dt.CategoryCode(s)
			if !ok {
				return &ValueError{Op: "cast", Msg: fmt.Sprintf("%q is not a category of %s", s, dt.Datashape())}
			}
			dt.WriteCode(dst.ptr(off), c)
			return nil
		}, nil
	case dtype.KindUnicode:
		w := dt.Width()
		swap := !dt.IsNative()
		return func(off int, s string) error {
			i := 0
			for _, r := range s {
				if i == w {
					break // NumPy truncates to the width
				}
				c := uint32(r)
				if swap {
					c = c>>24 | c>>8&0xff00 | c<<8&0xff0000 | c<<24
				}
				*(*uint32)(dst.ptr(off + 4*i)) = c
				i++
			}
			for ; i < w; i++ {
				*(*uint32)(dst.ptr(off + 4*i)) = 0
			}
			return nil
		}, nil
	case dtype.KindBytes:
		w := dt.Width()
		return func(off int, s string) error {
			// text stored as bytes must be ASCII, as NumPy encodes it
			return dtype.SetStringValue(dt, unsafe.Slice((*byte)(dst.ptr(off)), w), s)
		}, nil
	}
	if dt.Num() == dtype.NumUser {
		return nil, &dtype.CastError{From: dtype.String, To: dt, Casting: dtype.Unsafe}
	}
	tmp := [2]uint64{}
	return func(off int, s string) error {
		from, bits, err := parseScalar(s, dt)
		if err != nil {
			return err
		}
		tmp = bits
		loop, err := dtype.GetCast(from, dt)
		if err != nil {
			return err
		}
		loop(dst.ptr(off), 0, unsafe.Pointer(&tmp), 0, 1)
		return nil
	}, nil
}

// parseScalar reads text as a value of dt's kind, returning the bytes of
// the value in a native built-in type that casts to dt.
func parseScalar(s string, dt dtype.DType) (dtype.DType, [2]uint64, error) {
	t := strings.TrimSpace(s)
	bad := func() error {
		return &ValueError{Op: "cast", Msg: fmt.Sprintf("could not convert string %q to %s", s, dt)}
	}
	switch dt.Kind() {
	case dtype.KindBool:
		switch t {
		case "True", "true", "1":
			return scalarOf(true)
		case "False", "false", "0", "":
			return scalarOf(false)
		}
		return dtype.DType{}, [2]uint64{}, bad()
	case dtype.KindInt:
		v, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return dtype.DType{}, [2]uint64{}, bad()
		}
		return scalarOf(v)
	case dtype.KindUint:
		v, err := strconv.ParseUint(t, 10, 64)
		if err != nil {
			return dtype.DType{}, [2]uint64{}, bad()
		}
		return scalarOf(v)
	case dtype.KindFloat:
		v, err := strconv.ParseFloat(t, 64)
		if err != nil && !isRangeErr(err) {
			return dtype.DType{}, [2]uint64{}, bad()
		}
		return scalarOf(v)
	case dtype.KindComplex:
		v, err := strconv.ParseComplex(strings.Trim(t, "()"), 128)
		if err != nil && !isRangeErr(err) {
			return dtype.DType{}, [2]uint64{}, bad()
		}
		return scalarOf(v)
	}
	return dtype.DType{}, [2]uint64{}, &dtype.CastError{From: dtype.String, To: dt, Casting: dtype.Unsafe}
}

func scalarOf[T dtype.Element](v T) (dtype.DType, [2]uint64, error) {
	d, b, _ := bitsOf(v)
	return d, b, nil
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// needsTextCopy reports whether copying between the two types goes
// through copyStrings.
func needsTextCopy(to, from dtype.DType) bool {
	tk, fk := to.Kind(), from.Kind()
	if tk == dtype.KindOption || fk == dtype.KindOption {
		return holdsStrings(to) || holdsStrings(from)
	}
	if tk == dtype.KindString || fk == dtype.KindString {
		return true
	}
	if (tk == dtype.KindCategory) != (fk == dtype.KindCategory) {
		return true
	}
	return false
}

// textValueAt returns the element at byte offset off of a string,
// categorical or option array as a Go value: a string, or for an option
// nil when missing and the value otherwise.
func (a *Array) textValueAt(off int) (any, bool) {
	switch a.dtype.Kind() {
	case dtype.KindString:
		b, ok := StringBytes(a.StringArena().snapshot(), *(*dtype.StringRef)(a.ptr(off)))
		if !ok {
			return nil, false
		}
		return string(b), true
	case dtype.KindCategory:
		v, ok := a.dtype.Category(a.dtype.ReadCode(a.ptr(off)))
		return v, ok
	case dtype.KindOption:
		if *(*byte)(a.ptr(off + a.dtype.ValidOffset())) == 0 {
			return nil, true
		}
		v := *a
		v.dtype = a.dtype.Elem()
		return v.valueAt(off), true
	}
	return nil, false
}

// sortVarStrings is Sort for variable-length strings: a stable sort by code
// point (UTF-8 byte order), as NumPy sorts StringDType arrays.
func sortVarStrings(a *Array, ax int) (*Array, error) {
	w := rowsCopy(a, ax)
	n := a.Shape()[ax]
	if n > 1 && w.size > 0 {
		snap := w.StringArena().snapshot()
		refs := unsafe.Slice((*dtype.StringRef)(w.base()), w.size)
		key := func(r dtype.StringRef) string {
			b, _ := StringBytes(snap, r)
			return string(b)
		}
		for lo := 0; lo < w.size; lo += n {
			slices.SortStableFunc(refs[lo:lo+n], func(x, y dtype.StringRef) int { return strings.Compare(key(x), key(y)) })
		}
	}
	return fromRows(w, ax), nil
}

// argsortVarStrings is ArgSort for variable-length strings.
func argsortVarStrings(a *Array, ax int) (*Array, error) {
	w := rowsCopy(a, ax)
	n := a.Shape()[ax]
	out, err := newArray(dtype.Int64, w.Shape(), C)
	if err != nil {
		return nil, err
	}
	if w.size > 0 {
		snap := w.StringArena().snapshot()
		refs := unsafe.Slice((*dtype.StringRef)(w.base()), w.size)
		idx := unsafe.Slice((*int64)(out.base()), out.size)
		for lo := 0; lo < w.size; lo += n {
			row := idx[lo : lo+n]
			for i := range row {
				row[i] = int64(i)
			}
			slices.SortStableFunc(row, func(x, y int64) int {
				bx, _ := StringBytes(snap, refs[lo+int(x)])
				by, _ := StringBytes(snap, refs[lo+int(y)])
				return strings.Compare(string(bx), string(by))
			})
		}
	}
	return fromRows(out, ax), nil
}

// copyOptionText copies between option arrays of strings (or between
// one and a plain array) part by part: the values through copyStrings,
// the validity bytes unchanged. A missing element copied into a plain
// array is a *dtype.ValueError, as the checked cast reports.
func copyOptionText(dst, src *Array) error {
	sv, sok := src, (*Array)(nil)
	if src.dtype.IsOption() {
		sv, sok, _ = src.OptionParts()
	}
	dv, dok := dst, (*Array)(nil)
	if dst.dtype.IsOption() {
		dv, dok, _ = dst.OptionParts()
	}
	if dok == nil && sok != nil {
		var missing bool
		sok.forEachOffset(func(_, off int) bool {
			missing = !*(*bool)(sok.ptr(off))
			return !missing
		})
		if missing {
			return &dtype.ValueError{Msg: "cannot cast a missing element of type " + src.dtype.String() + " to " + dst.dtype.String()}
		}
	}
	if err := copyInto(dv, sv); err != nil {
		return err
	}
	if dok == nil {
		return nil
	}
	if sok == nil {
		return dok.Fill(true)
	}
	blit(dok, sok)
	return nil
}

// appendTextWord appends the printed form of a string, categorical or
// option element: text quoted as Python's repr does ('a'), a missing
// element as NA, another value as Python's str.
func (a *Array) appendTextWord(dst []byte, off int) []byte {
	v, ok := a.textValueAt(off)
	switch {
	case !ok:
		return append(dst, '?')
	case v == nil:
		return append(dst, "NA"...)
	}
	if s, isStr := v.(string); isStr {
		q := "'"
		if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
			q = `"`
		}
		s = strings.NewReplacer(`\`, `\\`, q, `\`+q, "\n", `\n`, "\t", `\t`).Replace(s)
		return append(append(append(dst, q...), s...), q...)
	}
	return append(dst, formatValue(v)...)
}
