package ndarray

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/pyrepr"
)

// Fixed-width strings (NumPy's "U<n>" and "S<n>"): an element is padded
// with NULs to the type's width, and reading one drops its trailing NULs
// while a NUL inside the value is kept.

// isFixedString reports whether dt is a fixed-width string type.
func isFixedString(dt dtype.DType) bool {
	k := dt.Kind()
	return k == dtype.KindUnicode || k == dtype.KindBytes
}

// elem returns the bytes of the element at byte offset off.
func (a *Array) elem(off int) []byte {
	return a.data[off : off+a.dtype.Size() : off+a.dtype.Size()]
}

// SetBytes stores the bytes b at idx of a, as NumPy assigns a bytes
// object: as they are in a Bytes array (truncated to the width), decoded
// as ASCII in a Unicode array (a byte of 0x80 or more is then a
// *dtype.ValueError). Other types are a *ValueError.
func SetBytes(a *Array, b []byte, idx ...int) error {
	if !isFixedString(a.dtype) {
		return &ValueError{Op: "set bytes", Msg: fmt.Sprintf("elements of type %s are not fixed-width strings", a.dtype)}
	}
	if !a.IsWriteable() {
		return &ValueError{Op: "set bytes", Msg: "assignment destination is read-only"}
	}
	off, err := a.offsetOf(idx)
	if err != nil {
		return err
	}
	if a.dtype.Kind() == dtype.KindBytes {
		dtype.EncodeBytes(a.elem(off), b)
		return nil
	}
	for i, c := range b {
		if c >= 0x80 {
			return &dtype.ValueError{Msg: fmt.Sprintf("'ascii' codec can't decode byte %#x in position %d: ordinal not in range(128)", c, i)}
		}
	}
	return dtype.SetStringValue(a.dtype, a.elem(off), string(b))
}

// FromStringsAs returns a new array of type dt holding values with the
// given shape (1-d when none), as NumPy's np.array(values, dtype=dt):
//
//   - Unicode(n) and Bytes(n) store each value truncated to n characters
//     or bytes; Unicode(0) and Bytes(0) take the width of the longest value
//     (at least 1). Unicode values must be valid UTF-8 and Bytes values
//     ASCII, else a *dtype.ValueError.
//   - dtype.String gives an array of variable-length strings (FromStrings).
//   - a numeric dt parses each value as NumPy casts text to numbers
//     (Python's int() and float() rules); text that does not parse is a
//     *dtype.ValueError.
//
// A shape of another size is a *ShapeError.
func FromStringsAs(dt dtype.DType, values []string, shape ...int) (*Array, error) {
	if dt.Kind() == dtype.KindString {
		return FromStrings(values, shape...)
	}
	if !isFixedString(dt) {
		u, err := FromStringsAs(dtype.Unicode(0), values, shape...)
		if err != nil {
			return nil, err
		}
		return u.AsType(dt, dtype.Unsafe)
	}
	if len(shape) == 0 {
		shape = []int{len(values)}
	}
	if n, ok := sizeOf(shape, 1); !ok || n != len(values) {
		return nil, &ShapeError{Op: "from strings", Msg: "cannot make an array of shape " + FormatShape(shape) + " from " + strconv.Itoa(len(values)) + " elements"}
	}
	if dt.Width() == 0 {
		w := 1
		for _, v := range values {
			if dt.Kind() == dtype.KindUnicode {
				w = max(w, utf8.RuneCountInString(v))
			} else {
				w = max(w, len(v))
			}
		}
		dt = dtype.SizedStringFor(dtype.Unicode(w), dt)
	}
	a, err := newArray(dt, shape, C)
	if err != nil {
		return nil, err
	}
	size := dt.Size()
	for i, v := range values {
		if err := dtype.SetStringValue(dt, a.data[i*size:(i+1)*size], v); err != nil {
			return nil, fmt.Errorf("ndarray: from strings: value %d: %w", i, err)
		}
	}
	return a, nil
}

// compareFixedStrings compares two elements of one native fixed-width string
// type: by unsigned byte for Bytes, by code point for Unicode. Both are
// padded with NULs to the same width, so "a" equals "a\x00" and sorts
// before "a\x00b".
func compareFixedStrings(unicode bool, x, y []byte) int {
	if !unicode {
		return bytes.Compare(x, y)
	}
	ne := binary.NativeEndian
	for i := 0; i+4 <= len(x); i += 4 {
		if p, q := ne.Uint32(x[i:]), ne.Uint32(y[i:]); p != q {
			if p < q {
				return -1
			}
			return 1
		}
	}
	return 0
}

// fixedStringRows returns the elements' bytes of the native C-ordered string
// array w, its element size and whether it holds Unicode.
func fixedStringRows(w *Array) (data []byte, size int, unicode bool) {
	size = w.dtype.Size()
	return w.data[w.offset : w.offset+w.size*size], size, w.dtype.Kind() == dtype.KindUnicode
}

// argsortFixed writes the stable sorting permutation of the n elements
// in row (each size bytes) to idx.
func argsortFixed[I int | int64](row []byte, size int, unicode bool, idx []I) {
	for i := range idx {
		idx[i] = I(i)
	}
	if size == 0 {
		return
	}
	slices.SortStableFunc(idx, func(i, j I) int {
		return compareFixedStrings(unicode, row[int(i)*size:int(i+1)*size], row[int(j)*size:int(j+1)*size])
	})
}

// sortFixedRows sorts each row of n elements of the native C-ordered
// string array w in place, stably.
func sortFixedRows(w *Array, n int) {
	data, size, unicode := fixedStringRows(w)
	if size == 0 || n < 2 {
		return
	}
	perm := make([]int, n)
	tmp := make([]byte, n*size)
	for r := 0; r+n*size <= len(data); r += n * size {
		row := data[r : r+n*size]
		argsortFixed(row, size, unicode, perm)
		for i, p := range perm {
			copy(tmp[i*size:], row[p*size:(p+1)*size])
		}
		copy(row, tmp)
	}
}

// argsortFixedRows writes to out the stable sorting permutation of each
// row of n elements of the native C-ordered string array w.
func argsortFixedRows(w *Array, n int, out []int64) {
	data, size, unicode := fixedStringRows(w)
	for r := 0; r+n <= len(out); r += n {
		var row []byte
		if size > 0 {
			row = data[r*size : (r+n)*size]
		}
		argsortFixed(row, size, unicode, out[r:r+n])
	}
}

// rankFixedStrings sets keys[i] to the rank of element i of the native
// C-ordered string array w among its distinct values, so that the keys
// order as the strings do and equal strings get equal keys.
func rankFixedStrings(w *Array, keys []uint64) {
	data, size, unicode := fixedStringRows(w)
	n := len(keys)
	perm := make([]int, n)
	argsortFixed(data, size, unicode, perm)
	rank := uint64(0)
	for k, p := range perm {
		if k > 0 && size > 0 && compareFixedStrings(unicode, data[perm[k-1]*size:(perm[k-1]+1)*size], data[p*size:(p+1)*size]) != 0 {
			rank++
		}
		keys[p] = rank
	}
}

// searchSortedFixed writes to res the insertion points of the elements
// of v in the sorted 1-d a, both native C-ordered arrays of one
// fixed-width string type.
func searchSortedFixed(a, v *Array, side Side, res []int64) {
	ad, size, unicode := fixedStringRows(a)
	vd, _, _ := fixedStringRows(v)
	n := a.size
	for i := range res {
		var x []byte
		if size > 0 {
			x = vd[i*size : (i+1)*size]
		}
		res[i] = int64(searchFirst(n, func(j int) bool {
			var y []byte
			if size > 0 {
				y = ad[j*size : (j+1)*size]
			}
			c := compareFixedStrings(unicode, y, x)
			if side == Left {
				return c >= 0
			}
			return c > 0
		}))
	}
}

// appendFixedRepr appends Python's repr() of the element at byte offset
// off of a fixed-width string array: 'text' for Unicode, b'bytes' for
// Bytes, in double quotes when the value holds a single quote and no
// double quote. With bare (the str() of a 0-d Unicode array) the text
// is written as it is.
func (a *Array) appendFixedRepr(dst []byte, off int, bare bool) []byte {
	e := a.elem(off)
	if a.dtype.Kind() == dtype.KindBytes {
		return pyrepr.AppendBytes(dst, e[:dtype.BytesLen(e)])
	}
	rs := dtype.DecodeUnicode(nil, a.dtype, e)
	if bare {
		for _, r := range rs {
			dst = utf8.AppendRune(dst, r)
		}
		return dst
	}
	return pyrepr.AppendRunes(dst, rs)
}
