package dtype

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// Fixed-width strings, as NumPy's "U<n>" and "S<n>": parsing of their
// names, promotion and casting rules, and the conversions between them and
// the numeric types.
//
// A Unicode element holds n code points as UTF-32 in the type's byte
// order, a Bytes element n bytes; both are padded with NULs, and a value
// read from an element drops its trailing NULs ("a" and "a\x00" are one
// value) while a NUL inside is kept.
//
// Promotion (NumPy 1.24): U with U or S gives U of the larger width, S
// with S gives S; a string with a number gives a string of the string's
// kind wide enough for the number's text (TextWidth). Casting: a string to
// a string of the same kind or S to U is safe when the target is at least
// as wide and same_kind when it truncates; U to S and strings to numbers
// are unsafe only; a number to a string is safe when the string is at
// least TextWidth wide and same_kind otherwise.
//
// Conversions: strings are truncated to the target width; U to S needs
// ASCII text and S to U ASCII bytes (otherwise a *ValueError). A number
// becomes NumPy's str() of the scalar: "True", "-3", the shortest
// round-trip digits of a float in its own type ("0.1", "1e-05", "65500.0",
// "inf", "nan"), "(1+2j)". Text becomes a number by Python's int(),
// float() and complex() rules: surrounding whitespace, "_" between
// digits, a sign, "inf" and "nan" are accepted; integer text is read as a
// 64-bit integer and wraps to a narrower type ("300" in int8 is 44), and a
// bool is the truth of the integer ("2" is true, "True" is an error).

func init() {
	registerFlex(flexHook{
		parse:       parseStringType,
		promote:     promoteString,
		canCast:     canCastString,
		getCast:     getStringCast,
		checkedCast: getCheckedStringCast,
	})
}

var errWidth = errors.New("string width too large")

// maxStringSize bounds the itemsize of a string type, as NumPy's C int
// itemsize does.
const maxStringSize = math.MaxInt32

func isStringKind(k Kind) bool { return k == KindUnicode || k == KindBytes }

// stringPair reports whether the pair is this file's: at least one
// fixed-width string type and, on the other side, a string type or a
// built-in numeric type (dates, records and user types are left to their
// own hooks).
func stringPair(a, b DType) bool {
	if !isStringKind(a.Kind()) && !isStringKind(b.Kind()) {
		return false
	}
	return stringOrNumber(a) && stringOrNumber(b)
}

func stringOrNumber(d DType) bool {
	return isStringKind(d.Kind()) || d.IsValid() && d.Num() != NumUser
}

// stringType returns the string type of kind k (KindUnicode or KindBytes)
// and width n in native byte order.
func stringType(k Kind, n int) DType {
	if k == KindBytes {
		return Bytes(n)
	}
	return Unicode(n)
}

// parseStringType reads "U", "U5", "S3", "a3" and the names NumPy gives
// the string types ("str", "unicode", "bytes", …); width 0 is the unsized
// type a cast target may name.
func parseStringType(body string, order ByteOrder, explicit bool) (DType, bool, error) {
	switch body {
	case "str", "str_", "unicode", "unicode_":
		if explicit {
			return DType{}, true, errors.New("a byte order goes only before a type code such as U5")
		}
		return Unicode(0), true, nil
	case "bytes", "bytes_", "string_":
		if explicit {
			return DType{}, true, errors.New("a byte order goes only before a type code such as S5")
		}
		return Bytes(0), true, nil
	}
	if body == "" {
		return DType{}, false, nil
	}
	var kind Kind
	switch body[0] {
	case 'U':
		kind = KindUnicode
	case 'S', 'a':
		kind = KindBytes
	default:
		return DType{}, false, nil
	}
	digits := body[1:]
	n := 0
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return DType{}, false, nil
		}
		n = 10*n + int(c-'0')
		if n > maxStringSize {
			return DType{}, true, errWidth
		}
	}
	if kind == KindBytes {
		return Bytes(n), true, nil
	}
	if n > maxStringSize/4 {
		return DType{}, true, errWidth
	}
	if order == NotApplicable {
		order = NativeEndian
	}
	return unicodeType(n, order), true, nil
}

// TextWidth returns the number of characters NumPy reserves for the text
// of a value of the built-in numeric type d when it becomes a string
// (the width of astype("U") and of promotion with a string): bool 5, int8
// 4, uint8 3, int16 6, uint16 5, int32 11, uint32 10, int64 21, uint64 20,
// floats 32, complex 64. For a string type it is its width; for other
// types 0.
func TextWidth(d DType) int {
	switch d.Kind() {
	case KindUnicode, KindBytes:
		return d.Width()
	}
	if !d.IsValid() {
		return 0
	}
	switch d.Num() {
	case NumBool:
		return 5
	case NumInt8:
		return 4
	case NumUint8:
		return 3
	case NumInt16:
		return 6
	case NumUint16:
		return 5
	case NumInt32:
		return 11
	case NumUint32:
		return 10
	case NumInt64:
		return 21
	case NumUint64:
		return 20
	case NumFloat16, NumFloat32, NumFloat64:
		return 32
	case NumComplex64, NumComplex128:
		return 64
	}
	return 0
}

// stringWidthHooks size unsized string targets for source kinds other
// files of this package own (dates): each returns the width and whether it
// handled the source.
var stringWidthHooks []func(from DType) (int, bool)

// registerStringWidth adds a hook to SizedStringFor; files of this package
// call it from init.
func registerStringWidth(f func(from DType) (int, bool)) {
	stringWidthHooks = append(stringWidthHooks, f)
}

// SizedStringFor returns the type a cast from the type from to the string
// type to produces. A sized target (Unicode(5)) is returned as it is; the
// unsized Unicode(0) and Bytes(0) (NumPy's astype("U") and astype("S"))
// take the width the source needs: the width of a string source, the
// TextWidth of a number, or what the hook of another source kind says. The
// result keeps to's kind and byte order; targets that are not strings, and
// sources nothing can size, give to unchanged.
func SizedStringFor(from, to DType) DType {
	if !isStringKind(to.Kind()) || to.Width() != 0 {
		return to
	}
	n, ok := 0, false
	if stringOrNumber(from) {
		n, ok = TextWidth(from), true
	} else {
		for _, h := range stringWidthHooks {
			if n, ok = h(from); ok {
				break
			}
		}
	}
	if !ok || n <= 0 {
		return to
	}
	if to.Kind() == KindBytes {
		return Bytes(n)
	}
	return unicodeType(n, to.ByteOrder())
}

func promoteString(a, b DType) (DType, bool, error) {
	if !stringPair(a, b) {
		return DType{}, false, nil
	}
	ka, kb := a.Kind(), b.Kind()
	switch {
	case isStringKind(ka) && isStringKind(kb):
		k := KindBytes
		if ka == KindUnicode || kb == KindUnicode {
			k = KindUnicode
		}
		return stringType(k, max(a.Width(), b.Width())), true, nil
	case isStringKind(ka):
		return stringType(ka, max(a.Width(), TextWidth(b))), true, nil
	default:
		return stringType(kb, max(b.Width(), TextWidth(a))), true, nil
	}
}

func canCastString(from, to DType, casting Casting) (ok, handled bool) {
	if !stringPair(from, to) {
		return false, false
	}
	switch {
	case casting == Unsafe:
		return true, true
	case casting == No:
		return from == to, true
	case casting == Equiv:
		return from.Native() == to.Native(), true
	}
	fk, tk := from.Kind(), to.Kind()
	switch {
	case isStringKind(fk) && isStringKind(tk):
		if fk == KindUnicode && tk == KindBytes {
			return false, true
		}
		fits := to.Width() == 0 || to.Width() >= from.Width()
		return fits || casting >= SameKind, true
	case isStringKind(fk):
		return false, true // text to numbers is unsafe only
	default:
		fits := to.Width() == 0 || to.Width() >= TextWidth(from)
		return fits || casting >= SameKind, true
	}
}

// getStringCast returns the loops that cannot fail: between strings of
// one kind and from numbers to strings. The others (U to S, S to U, text
// to numbers) can meet values they cannot convert and exist only as
// checked loops (GetCheckedCast); here they are a *CastError.
func getStringCast(from, to DType) (CastLoop, bool, error) {
	if !stringPair(from, to) {
		return nil, false, nil
	}
	fk, tk := from.Kind(), to.Kind()
	switch {
	case fk == KindUnicode && tk == KindUnicode:
		return unicodeToUnicode(from, to), true, nil
	case fk == KindBytes && tk == KindBytes:
		return bytesToBytes(from, to), true, nil
	case !isStringKind(fk):
		return numberToString(from, to), true, nil
	}
	return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
}

func getCheckedStringCast(from, to DType) (CheckedCastLoop, bool, error) {
	if !stringPair(from, to) {
		return nil, false, nil
	}
	fk, tk := from.Kind(), to.Kind()
	switch {
	case fk == KindUnicode && tk == KindBytes:
		return unicodeToBytes(from, to), true, nil
	case fk == KindBytes && tk == KindUnicode:
		return bytesToUnicode(from, to), true, nil
	case isStringKind(fk) && !isStringKind(tk):
		return textToNumber(from, to), true, nil
	}
	loop, _, err := getStringCast(from, to)
	if err != nil {
		return nil, true, err
	}
	return infallible(loop), true, nil
}

// element returns the size bytes at p (an element that exists).
func stringElem(p unsafe.Pointer, size int) []byte {
	if size == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(p), size)
}

// unicodeByteOrder returns the binary.ByteOrder of a Unicode type's code units.
func unicodeByteOrder(d DType) binary.ByteOrder {
	if d.ByteOrder() == BigEndian || d.ByteOrder() == NotApplicable && NativeEndian == BigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// UnicodeLen returns the number of code points of a Unicode element
// without its trailing NULs.
func UnicodeLen(elem []byte) int {
	n := len(elem) / 4
	for n > 0 && elem[4*n-1]|elem[4*n-2]|elem[4*n-3]|elem[4*n-4] == 0 {
		n--
	}
	return n
}

// BytesLen returns the length of a Bytes element without its trailing
// NULs.
func BytesLen(elem []byte) int {
	n := len(elem)
	for n > 0 && elem[n-1] == 0 {
		n--
	}
	return n
}

// DecodeUnicode appends the code points of a Unicode element of type d
// (its byte order says how to read them), trailing NULs dropped, to dst.
func DecodeUnicode(dst []rune, d DType, elem []byte) []rune {
	bo := unicodeByteOrder(d)
	n := UnicodeLen(elem)
	for i := range n {
		dst = append(dst, rune(bo.Uint32(elem[4*i:])))
	}
	return dst
}

// EncodeUnicode writes the code points rs into a Unicode element of type
// d: as many as fit, the rest of the element NUL.
func EncodeUnicode(d DType, elem []byte, rs []rune) {
	bo := unicodeByteOrder(d)
	n := min(len(rs), len(elem)/4)
	for i := range n {
		bo.PutUint32(elem[4*i:], uint32(rs[i]))
	}
	clear(elem[4*n:])
}

// EncodeBytes writes b into a Bytes element: as many bytes as fit, the
// rest of the element NUL.
func EncodeBytes(elem, b []byte) {
	n := copy(elem, b)
	clear(elem[n:])
}

// StringValue returns the value of a Unicode or Bytes element of type d
// as a Go string, trailing NULs dropped: the UTF-8 text of a Unicode
// element (a code unit that is not a Unicode scalar value, which valid
// data never holds, becomes U+FFFD) or the bytes of a Bytes element as
// they are. It returns "" for other types.
func StringValue(d DType, elem []byte) string {
	if d.Kind() == KindBytes {
		return string(elem[:BytesLen(elem)])
	}
	return string(appendStringValue(nil, d, elem))
}

// appendStringValue appends the text of a Unicode or Bytes element of
// type d, as StringValue returns it, to dst.
func appendStringValue(dst []byte, d DType, elem []byte) []byte {
	switch d.Kind() {
	case KindBytes:
		return append(dst, elem[:BytesLen(elem)]...)
	case KindUnicode:
		bo := unicodeByteOrder(d)
		for i := range UnicodeLen(elem) {
			dst = utf8.AppendRune(dst, rune(bo.Uint32(elem[4*i:])))
		}
	}
	return dst
}

// encodeASCII writes the ASCII text b into a Unicode or Bytes element of
// type d: as many characters as fit, the rest of the element NUL.
func encodeASCII(d DType, elem, b []byte) {
	if d.Kind() == KindBytes {
		EncodeBytes(elem, b)
		return
	}
	bo := unicodeByteOrder(d)
	m := min(len(b), len(elem)/4)
	for k := range m {
		bo.PutUint32(elem[4*k:], uint32(b[k]))
	}
	clear(elem[4*m:])
}

// SetStringValue stores the Go string s into a Unicode or Bytes element of
// type d, truncated to the element's width and padded with NULs, as NumPy
// assigns a str: a Unicode element takes the code points of s, which must
// be valid UTF-8; a Bytes element takes its bytes, which must be ASCII.
// Text that breaks the rule is a *ValueError and leaves elem unchanged;
// other types are a *CastError.
func SetStringValue(d DType, elem []byte, s string) error {
	switch d.Kind() {
	case KindUnicode:
		if !utf8.ValidString(s) {
			return &ValueError{Msg: "string is not valid UTF-8: " + strconv.Quote(s)}
		}
		bo := unicodeByteOrder(d)
		w := len(elem) / 4
		i := 0
		for _, r := range s {
			if i == w {
				break
			}
			bo.PutUint32(elem[4*i:], uint32(r))
			i++
		}
		clear(elem[4*i:])
		return nil
	case KindBytes:
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return asciiEncodeError([]rune(s), 0)
			}
		}
		EncodeBytes(elem, []byte(s))
		return nil
	}
	return &CastError{From: Unicode(0), To: d, Casting: Unsafe}
}

// asciiEncodeError is NumPy's UnicodeEncodeError for text stored as
// bytes.
func asciiEncodeError(rs []rune, from int) error {
	for i := from; i < len(rs); i++ {
		if uint32(rs[i]) >= 0x80 {
			return &ValueError{Msg: "'ascii' codec can't encode character " + quoteRune(rs[i]) +
				" in position " + strconv.Itoa(i) + ": ordinal not in range(128)"}
		}
	}
	return nil
}

// asciiDecodeError is NumPy's UnicodeDecodeError for bytes read as text.
func asciiDecodeError(b []byte) error {
	for i, c := range b {
		if c >= 0x80 {
			return &ValueError{Msg: "'ascii' codec can't decode byte 0x" + strconv.FormatUint(uint64(c), 16) +
				" in position " + strconv.Itoa(i) + ": ordinal not in range(128)"}
		}
	}
	return nil
}

func quoteRune(r rune) string {
	u := uint64(uint32(r))
	switch {
	case u < 0x100:
		return `'\x` + strconv.FormatUint(u|0x100, 16)[1:] + `'`
	case u < 0x10000:
		return `'\u` + strconv.FormatUint(u|0x10000, 16)[1:] + `'`
	}
	return `'\U` + strconv.FormatUint(u|0x100000000, 16)[1:] + `'`
}

func unicodeToUnicode(from, to DType) CastLoop {
	fs, ts := from.Size(), to.Size()
	fo, tob := unicodeByteOrder(from), unicodeByteOrder(to)
	n := min(fs, ts) / 4
	same := fo == tob
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, cnt int) {
		for i := range cnt {
			s := stringElem(unsafe.Add(src, i*ss), fs)
			d := stringElem(unsafe.Add(dst, i*ds), ts)
			if same {
				copy(d[:4*n], s)
			} else {
				for k := range n {
					tob.PutUint32(d[4*k:], fo.Uint32(s[4*k:]))
				}
			}
			clear(d[4*n:])
		}
	}
}

func bytesToBytes(from, to DType) CastLoop {
	fs, ts := from.Size(), to.Size()
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, cnt int) {
		for i := range cnt {
			EncodeBytes(stringElem(unsafe.Add(dst, i*ds), ts), stringElem(unsafe.Add(src, i*ss), fs)[:min(fs, ts)])
		}
	}
}

// unicodeToBytes is NumPy's str-to-bytes assignment: the whole value must
// be ASCII, then it is truncated.
func unicodeToBytes(from, to DType) CheckedCastLoop {
	fs, ts := from.Size(), to.Size()
	fo := unicodeByteOrder(from)
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, cnt int) error {
		for i := range cnt {
			s := stringElem(unsafe.Add(src, i*ss), fs)
			n := UnicodeLen(s)
			for k := range n {
				if r := fo.Uint32(s[4*k:]); r >= 0x80 {
					return asciiEncodeError(DecodeUnicode(nil, from, s), k)
				}
			}
			d := stringElem(unsafe.Add(dst, i*ds), ts)
			m := min(n, ts)
			for k := range m {
				d[k] = byte(fo.Uint32(s[4*k:]))
			}
			clear(d[m:])
		}
		return nil
	}
}

// bytesToUnicode is NumPy's bytes-to-str assignment: the whole value is
// decoded as ASCII, then truncated.
func bytesToUnicode(from, to DType) CheckedCastLoop {
	fs, ts := from.Size(), to.Size()
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, cnt int) error {
		for i := range cnt {
			s := stringElem(unsafe.Add(src, i*ss), fs)
			s = s[:BytesLen(s)]
			if err := asciiDecodeError(s); err != nil {
				return err
			}
			encodeASCII(to, stringElem(unsafe.Add(dst, i*ds), ts), s)
		}
		return nil
	}
}

// numberToString writes NumPy's str() of each number, truncated to the
// target's width.
func numberToString(from, to DType) CastLoop {
	fs, ts := from.Size(), to.Size()
	native := from.IsNative()
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, cnt int) {
		var vbuf [16]byte
		var tbuf [80]byte
		for i := range cnt {
			v := vbuf[:fs]
			copy(v, stringElem(unsafe.Add(src, i*ss), fs))
			if !native {
				SwapBytes(v, from)
			}
			text := appendNumberText(tbuf[:0], from, v)
			encodeASCII(to, stringElem(unsafe.Add(dst, i*ds), ts), text)
		}
	}
}

// textToNumber parses each string by Python's rules for the target type.
func textToNumber(from, to DType) CheckedCastLoop {
	fs, ts := from.Size(), to.Size()
	unicode := from.Kind() == KindUnicode
	native := to.IsNative()
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, cnt int) error {
		var rs []rune
		var vbuf [16]byte
		for i := range cnt {
			s := stringElem(unsafe.Add(src, i*ss), fs)
			var t numText
			if unicode {
				rs = DecodeUnicode(rs[:0], from, s)
				t = numText{runes: rs, unicode: true}
			} else {
				t = numText{bytes: s[:BytesLen(s)]}
			}
			v := vbuf[:ts]
			if err := parseNumber(v, to.Native(), t); err != nil {
				return err
			}
			if !native {
				SwapBytes(v, to)
			}
			copy(stringElem(unsafe.Add(dst, i*ds), ts), v)
		}
		return nil
	}
}
