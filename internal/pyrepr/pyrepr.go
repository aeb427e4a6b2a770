// Package pyrepr writes values as Python's repr() does, for the messages,
// headers and printouts that must read as NumPy's: tuples of integers
// (shapes) and quoted str and bytes values; and the string literals of
// the datashape language, which quote as repr() does.
package pyrepr

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// AppendTuple appends ints as Python writes a tuple: "()", "(2,)",
// "(2, 3)".
func AppendTuple(dst []byte, v []int) []byte {
	dst = append(dst, '(')
	for i, d := range v {
		if i > 0 {
			dst = append(dst, ", "...)
		}
		dst = strconv.AppendInt(dst, int64(d), 10)
	}
	if len(v) == 1 {
		dst = append(dst, ',')
	}
	return append(dst, ')')
}

// Tuple returns ints as Python writes a tuple: "()", "(2,)", "(2, 3)".
func Tuple(v []int) string {
	var buf [64]byte
	return string(AppendTuple(buf[:0], v))
}

// Quote returns the quote Python's repr() puts around a text: a double
// quote when the text holds a single quote and no double quote, else a
// single quote.
func Quote(hasSingle, hasDouble bool) byte {
	if hasSingle && !hasDouble {
		return '"'
	}
	return '\''
}

// AppendEscaped appends the character r as Python's repr() writes it
// inside quotes q: a backslash before \ and the quote, \t, \n and \r,
// printable characters as they are, \xhh for other characters below
// U+0100 (and in bytes, where r is a byte, for every byte outside the
// printable ASCII range), \uhhhh and \Uhhhhhhhh for the rest. r may be
// any code unit of a Unicode element, surrogates and values beyond
// U+10FFFF included.
func AppendEscaped(dst []byte, r rune, q byte, isBytes bool) []byte {
	switch {
	case r == '\\' || r == rune(q):
		return append(dst, '\\', byte(r))
	case r == '\t':
		return append(dst, `\t`...)
	case r == '\n':
		return append(dst, `\n`...)
	case r == '\r':
		return append(dst, `\r`...)
	case r >= 0x20 && r < 0x7f:
		return append(dst, byte(r))
	case isBytes:
		return appendHex(append(dst, `\x`...), uint32(r)&0xff, 2)
	case r >= 0xa0 && r <= utf8.MaxRune && strconv.IsPrint(r):
		return utf8.AppendRune(dst, r)
	case r >= 0 && r < 0x100:
		return appendHex(append(dst, `\x`...), uint32(r), 2)
	case r >= 0 && r < 0x10000:
		return appendHex(append(dst, `\u`...), uint32(r), 4)
	}
	return appendHex(append(dst, `\U`...), uint32(r), 8)
}

// appendHex appends v in lower-case hexadecimal, zero-padded to digits.
func appendHex(dst []byte, v uint32, digits int) []byte {
	var tmp [8]byte
	h := strconv.AppendUint(tmp[:0], uint64(v), 16)
	for i := len(h); i < digits; i++ {
		dst = append(dst, '0')
	}
	return append(dst, h...)
}

// AppendRunes appends Python's repr() of the str made of the code points
// rs: 'text', or "text" when it holds a ' and no ".
func AppendRunes(dst []byte, rs []rune) []byte { return appendQuoted(dst, "", rs, false) }

// AppendBytes appends Python's repr() of a bytes value: b'…', or b"…"
// when it holds a ' and no ".
func AppendBytes(dst []byte, b []byte) []byte { return appendQuoted(dst, "b", b, true) }

// appendQuoted appends prefix and the characters of s, escaped inside
// the quote repr() chooses for them.
func appendQuoted[E rune | byte](dst []byte, prefix string, s []E, isBytes bool) []byte {
	single, double := false, false
	for _, c := range s {
		single = single || c == '\''
		double = double || c == '"'
	}
	q := Quote(single, double)
	dst = append(append(dst, prefix...), q)
	for _, c := range s {
		dst = AppendEscaped(dst, rune(c), q, isBytes)
	}
	return append(dst, q)
}

// AppendString appends Python's repr() of the str s (UTF-8), as
// AppendRunes does; a byte that is not valid UTF-8 is written \xhh.
func AppendString(dst []byte, s string) []byte {
	q := Quote(strings.IndexByte(s, '\'') >= 0, strings.IndexByte(s, '"') >= 0)
	dst = append(dst, q)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = appendHex(append(dst, `\x`...), uint32(s[i]), 2)
		} else {
			dst = AppendEscaped(dst, r, q, false)
		}
		i += size
	}
	return append(dst, q)
}

// String returns Python's repr() of the str s, as AppendString writes it.
func String(s string) string {
	return string(AppendString(make([]byte, 0, len(s)+2), s))
}

// AppendDatashape appends s as a string literal of the datashape
// language: quoted as Python's repr() quotes it, with backslashes, the
// quote, \n, \r and \t escaped, and control and unprintable characters
// written \uXXXX (those beyond U+FFFF as a surrogate pair), the escapes
// the datashape lexer reads back, rather than repr's \xXX.
func AppendDatashape(dst []byte, s string) []byte {
	q := Quote(strings.IndexByte(s, '\'') >= 0, strings.IndexByte(s, '"') >= 0)
	dst = append(dst, q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r == '\n':
			dst = append(dst, `\n`...)
		case r == '\r':
			dst = append(dst, `\r`...)
		case r == '\t':
			dst = append(dst, `\t`...)
		case r < 0x20 || r == 0x7f || r > 0x7f && !strconv.IsPrint(r):
			if r > 0xffff {
				r -= 0x10000
				dst = appendHex(append(dst, `\u`...), uint32(0xd800+(r>>10)), 4)
				dst = appendHex(append(dst, `\u`...), uint32(0xdc00+(r&0x3ff)), 4)
			} else {
				dst = appendHex(append(dst, `\u`...), uint32(r), 4)
			}
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return append(dst, q)
}
