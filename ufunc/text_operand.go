package ufunc

import (
	"strconv"
	"unicode/utf8"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// A Go string operand is weak text: like a Go number beside arrays (NEP
// 50), it takes its type from the array operands rather than imposing
// one. Beside an array of fixed-width Unicode ("U<n>") it is Unicode of
// its own length in characters, beside fixed-width bytes ("S<n>") bytes
// of its own length, beside variable-length strings or a categorical a
// variable-length string (so a categorical compares with it by value).
// Beside no text — alone, or with numbers — it is Unicode of its own
// length, NumPy's np.str_: equal(x, "a") then has no loop for a numeric
// x (a *LoopError, NumPy's UFuncTypeError), and where(c, x, "a") gives
// NumPy's string of the promoted width.
//
// The text must be valid UTF-8, and ASCII where it becomes bytes (as
// NumPy encodes a str), else the call is a *dtype.ValueError.

// weakText returns the weak operand of a Go string.
func weakText(s string) weak { return weak{kind: dtype.KindString, text: true, s: s} }

// textContext folds an array operand's type into the text kind that weak
// text operands take: variable-length strings (and categoricals, which
// meet text as strings) over Unicode over bytes. ctx is the zero DType
// until an operand holds text; options count as their element type.
func textContext(ctx, t dtype.DType) dtype.DType {
	if t.IsOption() {
		t = t.Elem()
	}
	rank := func(d dtype.DType) int {
		switch d.Kind() {
		case dtype.KindString, dtype.KindCategory:
			return 3
		case dtype.KindUnicode:
			return 2
		case dtype.KindBytes:
			return 1
		}
		return 0
	}
	if rank(t) > rank(ctx) {
		return t
	}
	return ctx
}

// weakTextType returns the type of the weak text operand w beside array
// operands whose text context is ctx (see textContext).
func weakTextType(w weak, ctx dtype.DType) dtype.DType {
	switch ctx.Kind() {
	case dtype.KindString, dtype.KindCategory:
		return dtype.String
	case dtype.KindBytes:
		return dtype.Bytes(max(1, len(w.s)))
	}
	return dtype.Unicode(max(1, utf8.RuneCountInString(w.s)))
}

// textArray returns the weak text operand as a 0-d array of type dt.
func (w weak) textArray(dt dtype.DType) (*ndarray.Array, error) {
	if !utf8.ValidString(w.s) {
		return nil, &dtype.ValueError{Msg: "string operand " + strconv.Quote(w.s) + " is not valid UTF-8"}
	}
	if dt.Kind() == dtype.KindBytes {
		for i := 0; i < len(w.s); i++ {
			if w.s[i] >= 0x80 {
				return nil, &dtype.ValueError{Msg: "string operand " + strconv.Quote(w.s) + " beside bytes (S) operands must be ASCII: byte " +
					strconv.Itoa(i) + " is not"}
			}
		}
	}
	a, err := ndarray.FromStringsAs(dt, []string{w.s})
	if err != nil {
		return nil, err
	}
	return a.Reshape()
}
