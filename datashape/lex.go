package datashape

import (
	"strconv"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF      tokKind = iota
	tLower            // a name starting with a–z
	tUpper            // a name starting with A–Z
	tOther            // a name starting with _
	tInt              // an integer, possibly negative
	tString           // a quoted string (value decoded in s)
	tBool             // True or False
	tStar             // *
	tComma            // ,
	tEq               // =
	tColon            // :
	tLBrack           // [
	tRBrack           // ]
	tLBrace           // {
	tRBrace           // }
	tLParen           // (
	tRParen           // )
	tEllipsis         // ...
	tArrow            // ->
	tQuestion         // ?
)

type token struct {
	kind tokKind
	pos  int    // byte offset in the input
	text string // the source text of the token
	s    string // the decoded value of a string token
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tString:
		return "string " + t.text
	case tInt:
		return "integer " + t.text
	case tLower, tUpper, tOther:
		return "name " + strconv.Quote(t.text)
	case tBool:
		return "boolean " + t.text
	}
	return strconv.Quote(t.text)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// lex splits the input into tokens, ending with a tEOF token.
func lex(in string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(in) {
		c := in[i]
		start := i
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '#':
			for i < len(in) && in[i] != '\n' {
				i++
			}
			continue
		case isLetter(c) || c == '_':
			for i < len(in) && (isLetter(in[i]) || isDigit(in[i]) || in[i] == '_') {
				i++
			}
			text := in[start:i]
			k := tOther
			switch {
			case text == "True" || text == "False":
				k = tBool
			case 'a' <= c && c <= 'z':
				k = tLower
			case 'A' <= c && c <= 'Z':
				k = tUpper
			}
			toks = append(toks, token{kind: k, pos: start, text: text})
			continue
		case isDigit(c) || c == '-' && i+1 < len(in) && isDigit(in[i+1]):
			if c == '-' {
				i++
			}
			if in[i] == '0' && i+1 < len(in) && isDigit(in[i+1]) {
				return nil, newParseError(in, start, "invalid integer: leading zeros are not allowed")
			}
			for i < len(in) && isDigit(in[i]) {
				i++
			}
			toks = append(toks, token{kind: tInt, pos: start, text: in[start:i]})
			continue
		case c == '\'' || c == '"':
			s, n, err := lexString(in, i)
			if err != nil {
				return nil, err
			}
			i += n
			toks = append(toks, token{kind: tString, pos: start, text: in[start:i], s: s})
			continue
		case c == '.':
			if i+2 < len(in) && in[i+1] == '.' && in[i+2] == '.' {
				i += 3
				toks = append(toks, token{kind: tEllipsis, pos: start, text: "..."})
				continue
			}
		case c == '-':
			if i+1 < len(in) && in[i+1] == '>' {
				i += 2
				toks = append(toks, token{kind: tArrow, pos: start, text: "->"})
				continue
			}
		default:
			k := tEOF
			switch c {
			case '*':
				k = tStar
			case ',':
				k = tComma
			case '=':
				k = tEq
			case ':':
				k = tColon
			case '[':
				k = tLBrack
			case ']':
				k = tRBrack
			case '{':
				k = tLBrace
			case '}':
				k = tRBrace
			case '(':
				k = tLParen
			case ')':
				k = tRParen
			case '?':
				k = tQuestion
			}
			if k != tEOF {
				i++
				toks = append(toks, token{kind: k, pos: start, text: in[start:i]})
				continue
			}
		}
		r, _ := utf8.DecodeRuneInString(in[i:])
		if r == utf8.RuneError {
			return nil, newParseError(in, start, "invalid UTF-8 in the input")
		}
		return nil, newParseError(in, start, "invalid token %q", r)
	}
	toks = append(toks, token{kind: tEOF, pos: len(in)})
	return toks, nil
}

// lexString decodes the quoted string starting at in[i]. It returns the
// value and the length of the source text. Escapes: \\ \' \" \b \f \n
// \r \t \uXXXX (surrogate pairs combine).
func lexString(in string, i int) (string, int, error) {
	q := in[i]
	start := i
	i++
	var buf []byte
	for {
		if i >= len(in) {
			return "", 0, newParseError(in, start, "unterminated string")
		}
		c := in[i]
		switch {
		case c == q:
			return string(buf), i + 1 - start, nil
		case c == '\n' || c == '\r':
			return "", 0, newParseError(in, i, "newline inside a string")
		case c == '\\':
			if i+1 >= len(in) {
				return "", 0, newParseError(in, start, "unterminated string")
			}
			e := in[i+1]
			switch e {
			case '\\', '\'', '"':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := hex4(in, i+2)
				if !ok {
					return "", 0, newParseError(in, i, `invalid \u escape: want four hex digits`)
				}
				n := 6
				if 0xd800 <= r && r < 0xdc00 {
					if lo, ok := hex4(in, i+8); ok && in[i+6] == '\\' && in[i+7] == 'u' && 0xdc00 <= lo && lo < 0xe000 {
						r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
						n = 12
					}
				}
				if 0xd800 <= r && r < 0xe000 {
					return "", 0, newParseError(in, i, `invalid \u escape: lone surrogate`)
				}
				buf = utf8.AppendRune(buf, r)
				i += n
				continue
			default:
				return "", 0, newParseError(in, i, "invalid escape \\%c in a string", e)
			}
			i += 2
		default:
			r, n := utf8.DecodeRuneInString(in[i:])
			if r == utf8.RuneError && n <= 1 {
				return "", 0, newParseError(in, i, "invalid UTF-8 in a string")
			}
			buf = append(buf, in[i:i+n]...)
			i += n
		}
	}
}

func hex4(in string, i int) (rune, bool) {
	if i+4 > len(in) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(in[i : i+4]) {
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}
