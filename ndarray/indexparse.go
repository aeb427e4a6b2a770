package ndarray

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxIndexItems bounds the number of items ParseIndex accepts: twice
// NumPy's limit of 32 dimensions, so that no real index is refused while
// hostile input cannot make the parser allocate without bound.
const maxIndexItems = 64

// IndexParseError reports an index expression that ParseIndex cannot read.
type IndexParseError struct {
	Input string // the expression
	Pos   int    // byte offset in Input where the problem was found (column Pos+1)
	Msg   string // what was expected and what came
}

// Error returns the message.
func (e *IndexParseError) Error() string {
	return fmt.Sprintf("ndarray: cannot parse index %q: %s at column %d", e.Input, e.Msg, e.Pos+1)
}

// ParseIndex reads a basic index written as between the brackets of
// NumPy's a[...]: comma-separated items, each one of
//
//	an integer          3, -1, +2
//	a slice             1:5, :5, ::-1, 1:, :, 1:10:2 (any part may be left out)
//	an ellipsis         ...
//	a new axis          None, np.newaxis, numpy.newaxis, newaxis
//
// with spaces allowed around items, colons and commas. As in Python, None
// may also stand for a left-out part of a slice ("None:5" is ":5"). A
// trailing comma is allowed ("1," is the same as "1"), and the whole may
// be wrapped in one pair of parentheses, so "()" and the empty string both
// mean no items (a[()]). Integers are decimal and must fit in int.
// Brackets are refused: a[[1, 2]] is advanced (fancy) indexing, not a
// basic index. An expression that does not follow these rules, or has more
// than 64 items, is an *IndexParseError.
func ParseIndex(expr string) ([]Index, error) {
	p := indexParser{s: expr}
	p.space()
	paren := p.peek() == '('
	if paren {
		p.i++
		p.space()
	}
	var items []Index
	for {
		if p.i == len(p.s) || (paren && p.peek() == ')') {
			break
		}
		if len(items) == maxIndexItems {
			return nil, p.errorf(p.i, "more than %d index items", maxIndexItems)
		}
		it, err := p.item()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		p.space()
		if p.peek() != ',' {
			break
		}
		p.i++
		p.space()
	}
	if paren {
		if p.peek() != ')' {
			return nil, p.unexpected("')'")
		}
		p.i++
		p.space()
	}
	if p.i != len(p.s) {
		return nil, p.unexpected("',' or the end")
	}
	return items, nil
}

// indexParser walks an index expression; i is the byte offset of the next
// unread byte.
type indexParser struct {
	s string
	i int
}

// peek returns the next byte, or 0 at the end.
func (p *indexParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *indexParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.i++
		default:
			return
		}
	}
}

func (p *indexParser) errorf(pos int, format string, args ...any) error {
	return &IndexParseError{Input: p.s, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// unexpected reports the character at the current position, or the end
// of the input, saying then what was expected.
func (p *indexParser) unexpected(want string) error {
	if p.i >= len(p.s) {
		return p.errorf(p.i, "unexpected end of input, expected %s", want)
	}
	r, size := utf8.DecodeRuneInString(p.s[p.i:])
	if r == utf8.RuneError && size <= 1 {
		return p.errorf(p.i, "unexpected byte 0x%02x", p.s[p.i])
	}
	return p.errorf(p.i, "unexpected %q", r)
}

// item reads one index item. In a slice, None (or np.newaxis) stands for
// a left-out part, as in Python: "None:5" is ":5".
func (p *indexParser) item() (Index, error) {
	if strings.HasPrefix(p.s[p.i:], "...") {
		p.i += 3
		return Ellipsis, nil
	}
	var bounds [3]*int
	colons := 0
	none := false // the first part is None
	for {
		switch c := p.peek(); {
		case c == '+' || c == '-' || isDigit(c):
			v, err := p.integer()
			if err != nil {
				return nil, err
			}
			bounds[colons] = intPtr(v)
		case isNameStart(c):
			if err := p.none(); err != nil {
				return nil, err
			}
			none = none || colons == 0
		}
		p.space()
		if p.peek() != ':' || colons == 2 {
			break
		}
		colons++
		p.i++
		p.space()
	}
	switch {
	case colons > 0:
		return Slice{Start: bounds[0], Stop: bounds[1], Step: bounds[2]}, nil
	case bounds[0] != nil:
		return intIndex(*bounds[0]), nil
	case none:
		return NewAxis, nil
	}
	return nil, p.unexpected("an integer, a slice, '...' or None")
}

// none reads a name, which must be one of Python's spellings of None.
func (p *indexParser) none() error {
	start := p.i
	for p.i < len(p.s) && (isNameStart(p.s[p.i]) || isDigit(p.s[p.i]) || p.s[p.i] == '.') {
		p.i++
	}
	switch name := p.s[start:p.i]; name {
	case "None", "newaxis", "np.newaxis", "numpy.newaxis":
		return nil
	default:
		if len(name) == 1 {
			return p.errorf(start, "unexpected %q", rune(name[0]))
		}
		return p.errorf(start, "unexpected %q (the only names allowed are None and np.newaxis)", name)
	}
}

// integer reads an optionally signed decimal integer.
func (p *indexParser) integer() (int, error) {
	start := p.i
	if c := p.peek(); c == '+' || c == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		p.i++
	}
	if p.i == digits {
		return 0, p.unexpected("a digit")
	}
	v, err := strconv.Atoi(p.s[start:p.i])
	if err != nil {
		return 0, p.errorf(start, "integer %s out of range", p.s[start:p.i])
	}
	return v, nil
}

func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isNameStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
