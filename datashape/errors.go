package datashape

import (
	"fmt"
	"strings"
)

// ParseError reports text that is not a valid datashape. Line and Column
// are 1-based; Column counts characters (runes). Offset is the byte
// offset of the offending token in Input.
type ParseError struct {
	Line, Column int
	Offset       int
	Msg          string
	Input        string
}

// Error returns the message with its position, the offending line and a
// caret under the offending column.
func (e *ParseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "datashape: %d:%d: %s", e.Line, e.Column, e.Msg)
	lines := strings.Split(e.Input, "\n")
	if e.Line < 1 || e.Line > len(lines) {
		return b.String()
	}
	line := []rune(strings.TrimRight(lines[e.Line-1], "\r"))
	col := e.Column - 1
	if len(line) > 120 {
		// Keep the message readable for huge one-line inputs.
		start := max(0, min(col-60, len(line)-120))
		line = line[start : start+120]
		col -= start
	}
	b.WriteString("\n    ")
	b.WriteString(string(line))
	b.WriteString("\n    ")
	for i := 0; i < col && i < len(line); i++ {
		if line[i] == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return b.String()
}

func newParseError(input string, off int, format string, args ...any) *ParseError {
	off = min(max(off, 0), len(input))
	line, col := 1, 1
	for _, r := range input[:off] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &ParseError{Line: line, Column: col, Offset: off, Msg: fmt.Sprintf(format, args...), Input: input}
}

// MatchError reports a type that does not match a pattern, or a pattern
// that uses a type variable inconsistently.
type MatchError struct {
	Pattern, Type string
	Msg           string
}

func (e *MatchError) Error() string {
	if e.Pattern == "" && e.Type == "" {
		return "datashape: " + e.Msg
	}
	return fmt.Sprintf("datashape: %s does not match %s: %s", e.Type, e.Pattern, e.Msg)
}

// CoercionError reports that a type cannot be converted implicitly to
// another (a downcast, bool to a number, a dimension that cannot
// broadcast).
type CoercionError struct {
	From, To string
}

func (e *CoercionError) Error() string {
	return fmt.Sprintf("datashape: cannot broadcast/coerce %s to %s", e.From, e.To)
}

// UnificationError reports type variables whose values cannot be made to
// agree: a dimension variable bound to different sizes, ellipses that do
// not broadcast, measures that do not promote.
type UnificationError struct{ Msg string }

func (e *UnificationError) Error() string { return "datashape: " + e.Msg }

// SignatureError reports arguments that do not fit a function signature
// for a reason other than coercion: a wrong number of arguments, an
// output type variable nothing binds, an ambiguous overload.
type SignatureError struct{ Msg string }

func (e *SignatureError) Error() string { return "datashape: " + e.Msg }
