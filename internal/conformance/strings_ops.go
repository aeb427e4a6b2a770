package conformance

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// The strings category: fixed-width U<n> and S<n> arrays through the
// comparisons, the np.char functions, sorting, astype, assignment,
// concatenate, where, and the ufuncs and reductions that have no string
// loop.

func init() {
	elementDecoders[dtype.KindUnicode] = putUnicodeElement
	elementDecoders[dtype.KindBytes] = putBytesElement

	for _, op := range []string{"equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
		"maximum", "add", "multiply", "isnan"} {
		register("strings", op, opUfunc)
	}
	register("strings", "max", func(c *Case) (*Result, error) { return opReduction(c, ufunc.Max, false) })
	register("strings", "sum", func(c *Case) (*Result, error) { return opReduction(c, ufunc.Sum, false) })
	register("strings", "sort", opSort)
	register("strings", "argsort", opArgSort)
	register("strings", "unique", opUnique)
	register("strings", "where", opWhere)

	register("strings", "char.add", binaryOp(func(a, b *ndarray.Array) (*ndarray.Array, error) { return ufunc.CharAdd(a, b) }))
	register("strings", "char.multiply", opCharMultiply)
	register("strings", "char.str_len", opCharStrLen)
	register("strings", "char.upper", unaryOp(ufunc.CharUpper))
	register("strings", "char.lower", unaryOp(ufunc.CharLower))
	register("strings", "char.find", opCharFind)
	register("strings", "char.strip", func(c *Case) (*Result, error) { return charStrip(c, ufunc.CharStrip) })
	register("strings", "char.lstrip", func(c *Case) (*Result, error) { return charStrip(c, ufunc.CharLStrip) })
	register("strings", "char.rstrip", func(c *Case) (*Result, error) { return charStrip(c, ufunc.CharRStrip) })
	for op, f := range map[string]func(x1, x2 any) (*ndarray.Array, error){
		"char.equal": ufunc.CharEqual, "char.not_equal": ufunc.CharNotEqual,
		"char.less": ufunc.CharLess, "char.less_equal": ufunc.CharLessEqual,
		"char.greater": ufunc.CharGreater, "char.greater_equal": ufunc.CharGreaterEqual,
	} {
		register("strings", op, binaryOp(func(a, b *ndarray.Array) (*ndarray.Array, error) { return f(a, b) }))
	}
}

// putUnicodeElement writes a U<n> element: the string's code points, NUL
// padded.
func putUnicodeElement(b []byte, dt dtype.DType, e any) error {
	s, ok := e.(string)
	if !ok {
		return fmt.Errorf("want a string, got %v", e)
	}
	if n := utf8.RuneCountInString(s); n > dt.Width() {
		return fmt.Errorf("%q has %d characters, more than %s holds", s, n, dt)
	}
	return dtype.SetStringValue(dt, b, s)
}

// putBytesElement writes an S<n> element: one byte per character
// U+0000…U+00FF (the corpus's encoding of bytes), NUL padded.
func putBytesElement(b []byte, dt dtype.DType, e any) error {
	raw, err := latin1(e)
	if err != nil {
		return err
	}
	if len(raw) > dt.Width() {
		return fmt.Errorf("%q has %d bytes, more than %s holds", raw, len(raw), dt)
	}
	dtype.EncodeBytes(b, raw)
	return nil
}

// opCharStrLen: np.char.str_len(a), the str_len ufunc.
func opCharStrLen(c *Case) (*Result, error) {
	u, ok := ufunc.Lookup("str_len")
	if !ok {
		return nil, unsupported("ufunc str_len not implemented")
	}
	return unaryOp(func(a *ndarray.Array) (*ndarray.Array, error) { return u.Call(a) })(c)
}

// opCharMultiply: np.char.multiply(a, i).
func opCharMultiply(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	var i int
	if err := c.kwarg("i", &i); err != nil {
		return nil, err
	}
	return arrayResult(ufunc.CharMultiply(a, i))
}

// opCharFind: np.char.find(a, sub, start=0, end=None).
func opCharFind(c *Case) (*Result, error) {
	start, end := 0, math.MaxInt
	if c.hasKwarg("start") {
		if err := c.kwarg("start", &start); err != nil {
			return nil, err
		}
	}
	if c.hasKwarg("end") {
		if err := c.kwarg("end", &end); err != nil {
			return nil, err
		}
	}
	return binaryOp(func(a, sub *ndarray.Array) (*ndarray.Array, error) {
		return ufunc.CharFind(a, sub, start, end)
	})(c)
}

// charStrip: np.char.strip(a) or np.char.strip(a, chars) (and lstrip,
// rstrip).
func charStrip(c *Case, f func(a *ndarray.Array, chars any) (*ndarray.Array, error)) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	if len(c.Inputs) < 2 {
		return arrayResult(f(a, nil))
	}
	chars, err := c.input(1)
	if err != nil {
		return nil, err
	}
	return arrayResult(f(a, chars))
}
