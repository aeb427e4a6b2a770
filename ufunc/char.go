package ufunc

import (
	"fmt"
	"math"
	"slices"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// NumPy's np.char functions on fixed-width strings ("U<n>", "S<n>"), with
// NumPy 1.24's results. Each works element by element on the values with
// their trailing NULs dropped, broadcasting its array operands, and
// applies Python's str (for U) or bytes (for S) method of the same name.
// Results that are strings keep the input's width (upper, lower, strip
// truncate what does not fit: "ß" upper-cased in a U1 array is "S") or
// get the width NumPy gives them (add: the sum of the widths; multiply:
// the width times the count). An operand that is not a string, or a mix
// of U and S that NumPy refuses, is a *LoopError. Where a text argument
// may be a Go string, it is taken in the kind of the array it goes with
// (ASCII is required for S).
//
// The length of each element (np.char.str_len) is the str_len ufunc
// (Lookup("str_len")), which also measures variable-length strings.

var (
	charAddUfunc   = newCharUfunc("add", 2, charAddResolver)
	charUpperUfunc = newCharUfunc("upper", 1, caseResolver(pyUpper, asciiUpper))
	charLowerUfunc = newCharUfunc("lower", 1, caseResolver(pyLower, asciiLower))
	charStripUfunc = [3][2]*Ufunc{
		stripLeft:  {newCharUfunc("lstrip", 1, stripResolver(stripLeft)), newCharUfunc("lstrip", 2, stripResolver(stripLeft))},
		stripRight: {newCharUfunc("rstrip", 1, stripResolver(stripRight)), newCharUfunc("rstrip", 2, stripResolver(stripRight))},
		stripBoth:  {newCharUfunc("strip", 1, stripResolver(stripBoth)), newCharUfunc("strip", 2, stripResolver(stripBoth))},
	}
	charCompareUfuncs = func() map[string]*Ufunc {
		m := make(map[string]*Ufunc, len(comparisons))
		for name := range comparisons {
			m[name] = newCharUfunc(name, 2, fixedCompareResolver(name, true))
		}
		return m
	}()
)

// newCharUfunc makes an unpublished ufunc whose loops come from r alone.
func newCharUfunc(name string, nin int, r FlexResolver) *Ufunc {
	u, err := New(Spec{Name: name, NIn: nin, NOut: 1})
	if err != nil {
		panic(err)
	}
	u.RegisterFlexible(r)
	return u
}

// textOperand returns v as an array: an *ndarray.Array as it is, a Go
// string as a 0-d array of the string kind k.
func textOperand(op string, v any, k dtype.Kind) (*ndarray.Array, error) {
	switch x := v.(type) {
	case *ndarray.Array:
		if x == nil {
			return nil, &ArgError{Ufunc: op, Msg: "nil array"}
		}
		return x, nil
	case string:
		dt := dtype.Unicode(0)
		if k == dtype.KindBytes {
			dt = dtype.Bytes(0)
		}
		a, err := ndarray.FromStringsAs(dt, []string{x})
		if err != nil {
			return nil, err
		}
		return a.Reshape()
	}
	return nil, &ArgError{Ufunc: op, Msg: fmt.Sprintf("a string operand must be an array or a Go string, not %T", v)}
}

// asUnicode converts a Bytes array to Unicode of the same width, decoding
// ASCII (a byte of 0x80 or more is a *dtype.ValueError), as NumPy reads
// bytes where text is wanted. Other arrays are returned unchanged.
func asUnicode(a *ndarray.Array) (*ndarray.Array, error) {
	if a.DType().Kind() != dtype.KindBytes {
		return a, nil
	}
	return a.AsType(dtype.Unicode(a.DType().Width()), dtype.Unsafe)
}

// asBytes converts a Unicode array to Bytes of the same width, encoding
// ASCII (other characters are a *dtype.ValueError). Other arrays are
// returned unchanged.
func asBytes(a *ndarray.Array) (*ndarray.Array, error) {
	if a.DType().Kind() != dtype.KindUnicode {
		return a, nil
	}
	return a.AsType(dtype.Bytes(a.DType().Width()), dtype.Unsafe)
}

// decodeElem appends the units of the native element e of type t to the
// matching buffer: code points of U to rs, bytes of S to bs (trailing
// NULs dropped).
func decodeElem(t dtype.DType, e []byte, rs []rune, bs []byte) ([]rune, []byte) {
	if t.Kind() == dtype.KindUnicode {
		return dtype.DecodeUnicode(rs[:0], t, e), bs
	}
	return rs, append(bs[:0], e[:dtype.BytesLen(e)]...)
}

// encodeElem writes the units back to the native element e of type t,
// truncated to its width.
func encodeElem(t dtype.DType, e []byte, rs []rune, bs []byte) {
	if t.Kind() == dtype.KindUnicode {
		dtype.EncodeUnicode(t, e, rs)
		return
	}
	dtype.EncodeBytes(e, bs)
}

// sizedString returns the string type of kind k and width n, or a
// *ndarray.ValueError when its elements would be too large.
func sizedString(op string, k dtype.Kind, n int) (dtype.DType, error) {
	unit := 1
	if k == dtype.KindUnicode {
		unit = 4
	}
	if n < 0 || n > math.MaxInt32/unit {
		return dtype.DType{}, &ndarray.ValueError{Op: op, Msg: "the result's strings are too long"}
	}
	if k == dtype.KindUnicode {
		return dtype.Unicode(n), nil
	}
	return dtype.Bytes(n), nil
}

// CharAdd concatenates x1 and x2 element by element (np.char.add). Both
// are U, both S, or x1 S and x2 U (the bytes are read as ASCII text); the
// result's width is the sum of the operands' widths. x1 U with x2 S is a
// *LoopError, as in NumPy. A Go string operand takes the other's kind.
// When either operand holds variable-length strings (dtype.String) it is
// Add: the result is String, the other operand text of any kind (U, S, a
// Go string).
func CharAdd(x1, x2 any) (*ndarray.Array, error) {
	if isVarString(x1) || isVarString(x2) {
		return Add.Call(x1, x2)
	}
	a, b, err := textPair("add", x1, x2)
	if err != nil {
		return nil, err
	}
	if a.DType().Kind() == dtype.KindBytes && b.DType().Kind() == dtype.KindUnicode {
		if a, err = asUnicode(a); err != nil {
			return nil, err
		}
	}
	return charAddUfunc.Call(a, b)
}

// isVarString reports whether v is an array of variable-length strings.
func isVarString(v any) bool {
	a, ok := v.(*ndarray.Array)
	return ok && a != nil && a.DType().Kind() == dtype.KindString
}

// textPair turns two operands into arrays, a Go string taking the kind of
// the other operand (U when both are Go strings).
func textPair(op string, x1, x2 any) (*ndarray.Array, *ndarray.Array, error) {
	kindOf := func(v any) dtype.Kind {
		if a, ok := v.(*ndarray.Array); ok && a != nil && a.DType().Kind() == dtype.KindBytes {
			return dtype.KindBytes
		}
		return dtype.KindUnicode
	}
	a, err := textOperand(op, x1, kindOf(x2))
	if err != nil {
		return nil, nil, err
	}
	b, err := textOperand(op, x2, kindOf(x1))
	if err != nil {
		return nil, nil, err
	}
	return a, b, nil
}

func charAddResolver(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
	if has, mine := fixedStringArgs(in); !has || !mine {
		return nil, false, nil
	}
	if !isFixedString(in[0]) || in[0].Kind() != in[1].Kind() {
		return nil, true, noStringLoop("add", in)
	}
	out, err := sizedString("add", in[0].Kind(), max(1, in[0].Width()+in[1].Width()))
	if err != nil {
		return nil, true, err
	}
	s0, s1, so := in[0].Size(), in[1].Size(), out.Size()
	fn := func(args []unsafe.Pointer, steps []int, n int) {
		var ra, rb []rune
		var ba, bb []byte
		for i := range n {
			ra, ba = decodeElem(in[0], elemAt(args[0], i*steps[0], s0), ra, ba)
			rb, bb = decodeElem(in[1], elemAt(args[1], i*steps[1], s1), rb, bb)
			encodeElem(out, elemAt(args[2], i*steps[2], so), append(ra, rb...), append(ba, bb...))
		}
	}
	return &LoopDef{Types: []dtype.DType{in[0], in[1], out}, Fn: fn}, true, nil
}

// CharMultiply repeats each element of a i times (np.char.multiply); a
// count below 0 gives empty strings. The result's width is a's width
// times i (at least 1).
func CharMultiply(a *ndarray.Array, i int) (*ndarray.Array, error) {
	reps := max(i, 0)
	return callOnce("multiply", 1, func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if has, mine := fixedStringArgs(in); !has || !mine {
			return nil, false, nil
		}
		w := in[0].Width()
		if reps > 0 && w > math.MaxInt32/reps {
			return nil, true, &ndarray.ValueError{Op: "multiply", Msg: "the result's strings are too long"}
		}
		out, err := sizedString("multiply", in[0].Kind(), max(1, w*reps))
		if err != nil {
			return nil, true, err
		}
		s0, so := in[0].Size(), out.Size()
		fn := func(args []unsafe.Pointer, steps []int, n int) {
			var rs, rr []rune
			var bs, br []byte
			for k := range n {
				rs, bs = decodeElem(in[0], elemAt(args[0], k*steps[0], s0), rs, bs)
				rr, br = rr[:0], br[:0]
				for range reps {
					rr = append(rr, rs...)
					br = append(br, bs...)
				}
				encodeElem(out, elemAt(args[1], k*steps[1], so), rr, br)
			}
		}
		return &LoopDef{Types: []dtype.DType{in[0], out}, Fn: fn}, true, nil
	}, a)
}

// callOnce runs a ufunc made for one call, whose resolver may capture the
// call's parameters.
func callOnce(name string, nin int, r FlexResolver, args ...any) (*ndarray.Array, error) {
	return newCharUfunc(name, nin, r).Call(args...)
}

// CharUpper returns a with each element upper-cased (np.char.upper):
// Python's str.upper() for U, with the full case mappings ("ß" becomes
// "SS", cut to the width), ASCII letters only for S.
func CharUpper(a *ndarray.Array) (*ndarray.Array, error) { return charUpperUfunc.Call(a) }

// CharLower returns a with each element lower-cased (np.char.lower):
// Python's str.lower() for U ("İ" becomes "i̇", a final "Σ" becomes "ς"),
// ASCII letters only for S.
func CharLower(a *ndarray.Array) (*ndarray.Array, error) { return charLowerUfunc.Call(a) }

func asciiUpper(b []byte) {
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
}

func asciiLower(b []byte) {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
	}
}

// caseResolver builds upper or lower: a mapping of code points for U and
// one of bytes for S, the result in the input's type.
func caseResolver(text func(dst, rs []rune) []rune, bytesFn func([]byte)) FlexResolver {
	return func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if has, mine := fixedStringArgs(in); !has || !mine {
			return nil, false, nil
		}
		t := in[0]
		size := t.Size()
		fn := func(args []unsafe.Pointer, steps []int, n int) {
			var rs, out []rune
			var bs []byte
			for i := range n {
				rs, bs = decodeElem(t, elemAt(args[0], i*steps[0], size), rs, bs)
				if t.Kind() == dtype.KindUnicode {
					out = text(out[:0], rs)
				} else {
					bytesFn(bs)
				}
				encodeElem(t, elemAt(args[1], i*steps[1], size), out, bs)
			}
		}
		return &LoopDef{Types: []dtype.DType{t, t}, Fn: fn}, true, nil
	}
}

// CharFind returns, for each element of a, the lowest index at which sub
// occurs within the slice [start:end] of the element, or -1
// (np.char.find, Python's str.find): indices count code points for U and
// bytes for S; start and end are Python slice bounds (negative ones count
// from the end of each element) and math.MaxInt as end means the end
// (NumPy's end=None). sub is an array broadcast against a or a Go
// string. An S array searched for a U sub finds nothing (-1 everywhere,
// as NumPy 1.24 answers); a U array with an S sub is a *LoopError.
func CharFind(a *ndarray.Array, sub any, start, end int) (*ndarray.Array, error) {
	if a == nil {
		return nil, &ArgError{Ufunc: "find", Msg: "operand 0 is a nil array"}
	}
	s, err := textOperand("find", sub, a.DType().Kind())
	if err != nil {
		return nil, err
	}
	return callOnce("find", 2, func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if has, mine := fixedStringArgs(in); !has || !mine {
			return nil, false, nil
		}
		types := []dtype.DType{in[0], in[1], dtype.Int64}
		switch {
		case !isFixedString(in[0]) || !isFixedString(in[1]) || in[0].Kind() == dtype.KindUnicode && in[1].Kind() == dtype.KindBytes:
			return nil, true, noStringLoop("find", in)
		case in[0].Kind() == dtype.KindBytes && in[1].Kind() == dtype.KindUnicode:
			return &LoopDef{Types: types, Fn: func(args []unsafe.Pointer, steps []int, n int) {
				for i := range n {
					*(*int64)(unsafe.Add(args[2], i*steps[2])) = -1
				}
			}}, true, nil
		}
		s0, s1 := in[0].Size(), in[1].Size()
		fn := func(args []unsafe.Pointer, steps []int, n int) {
			var ra, rb []rune
			var ba, bb []byte
			for i := range n {
				ra, ba = decodeElem(in[0], elemAt(args[0], i*steps[0], s0), ra, ba)
				rb, bb = decodeElem(in[1], elemAt(args[1], i*steps[1], s1), rb, bb)
				var r int
				if in[0].Kind() == dtype.KindUnicode {
					r = pyFind(ra, rb, start, end)
				} else {
					r = pyFind(ba, bb, start, end)
				}
				*(*int64)(unsafe.Add(args[2], i*steps[2])) = int64(r)
			}
		}
		return &LoopDef{Types: types, Fn: fn}, true, nil
	}, a, s)
}

// pyFind is Python's s.find(sub, start, end).
func pyFind[T rune | byte](s, sub []T, start, end int) int {
	n := len(s)
	if end > n {
		end = n
	} else if end < 0 {
		end = max(end+n, 0)
	}
	if start < 0 {
		start = max(start+n, 0)
	}
	if start > end || end-start < len(sub) {
		return -1
	}
	for i := start; i+len(sub) <= end; i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

type stripMode uint8

const (
	stripLeft stripMode = iota
	stripRight
	stripBoth
)

// CharStrip removes leading and trailing characters from each element of
// a (np.char.strip): with chars nil, whitespace (Unicode whitespace as
// Python's str.isspace for U, ASCII whitespace for S); otherwise every
// character of chars, an array broadcast against a or a Go string. The
// result keeps a's type. chars U with a S is read as ASCII; chars S with a
// U is a *LoopError, as in NumPy.
func CharStrip(a *ndarray.Array, chars any) (*ndarray.Array, error) {
	return charStrip(stripBoth, a, chars)
}

// CharLStrip is CharStrip at the start of each element only
// (np.char.lstrip).
func CharLStrip(a *ndarray.Array, chars any) (*ndarray.Array, error) {
	return charStrip(stripLeft, a, chars)
}

// CharRStrip is CharStrip at the end of each element only
// (np.char.rstrip).
func CharRStrip(a *ndarray.Array, chars any) (*ndarray.Array, error) {
	return charStrip(stripRight, a, chars)
}

func charStrip(mode stripMode, a *ndarray.Array, chars any) (*ndarray.Array, error) {
	if a == nil {
		return nil, &ArgError{Ufunc: charStripUfunc[mode][0].name, Msg: "operand 0 is a nil array"}
	}
	if chars == nil {
		return charStripUfunc[mode][0].Call(a)
	}
	c, err := textOperand(charStripUfunc[mode][1].name, chars, a.DType().Kind())
	if err != nil {
		return nil, err
	}
	if a.DType().Kind() == dtype.KindBytes {
		if c, err = asBytes(c); err != nil {
			return nil, err
		}
	}
	return charStripUfunc[mode][1].Call(a, c)
}

// stripResolver builds strip, lstrip or rstrip: of whitespace with one
// input, of the characters of the second input with two.
func stripResolver(mode stripMode) FlexResolver {
	name := [...]string{"lstrip", "rstrip", "strip"}[mode]
	return func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if has, mine := fixedStringArgs(in); !has || !mine {
			return nil, false, nil
		}
		t := in[0]
		if !isFixedString(t) || len(in) == 2 && in[1].Kind() != t.Kind() {
			return nil, true, noStringLoop(name, in)
		}
		size := t.Size()
		unicode := t.Kind() == dtype.KindUnicode
		nin := len(in)
		fn := func(args []unsafe.Pointer, steps []int, n int) {
			var rs, rc []rune
			var bs, bc []byte
			isStripped := dtype.IsPythonSpace
			switch {
			case nin == 2 && unicode:
				isStripped = func(r rune) bool { return slices.Contains(rc, r) }
			case nin == 2:
				isStripped = func(r rune) bool { return slices.Contains(bc, byte(r)) }
			case !unicode:
				isStripped = func(r rune) bool { return dtype.IsASCIISpace(byte(r)) }
			}
			for i := range n {
				rs, bs = decodeElem(t, elemAt(args[0], i*steps[0], size), rs, bs)
				if nin == 2 {
					rc, bc = decodeElem(in[1], elemAt(args[1], i*steps[1], in[1].Size()), rc, bc)
				}
				out := args[nin]
				if unicode {
					rs = stripUnits(rs, mode, isStripped)
				} else {
					bs = stripUnits(bs, mode, isStripped)
				}
				encodeElem(t, elemAt(out, i*steps[nin], size), rs, bs)
			}
		}
		types := append(append([]dtype.DType(nil), in...), t)
		return &LoopDef{Types: types, Fn: fn}, true, nil
	}
}

func stripUnits[T rune | byte](s []T, mode stripMode, strip func(rune) bool) []T {
	i, j := 0, len(s)
	if mode != stripRight {
		for i < j && strip(rune(s[i])) {
			i++
		}
	}
	if mode != stripLeft {
		for j > i && strip(rune(s[j-1])) {
			j--
		}
	}
	return s[i:j]
}

// CharEqual is x1 == x2 element by element after trailing whitespace
// (space, \t, \n, \v, \f, \r) and NULs are dropped from both
// (np.char.equal, the comparison of NumPy's chararray). Both are U or both
// S; a Go string takes the other's kind.
func CharEqual(x1, x2 any) (*ndarray.Array, error) { return charCompare("equal", x1, x2) }

// CharNotEqual is x1 != x2 as CharEqual compares (np.char.not_equal).
func CharNotEqual(x1, x2 any) (*ndarray.Array, error) { return charCompare("not_equal", x1, x2) }

// CharLess is x1 < x2 as CharEqual compares (np.char.less).
func CharLess(x1, x2 any) (*ndarray.Array, error) { return charCompare("less", x1, x2) }

// CharLessEqual is x1 <= x2 as CharEqual compares (np.char.less_equal).
func CharLessEqual(x1, x2 any) (*ndarray.Array, error) { return charCompare("less_equal", x1, x2) }

// CharGreater is x1 > x2 as CharEqual compares (np.char.greater).
func CharGreater(x1, x2 any) (*ndarray.Array, error) { return charCompare("greater", x1, x2) }

// CharGreaterEqual is x1 >= x2 as CharEqual compares
// (np.char.greater_equal).
func CharGreaterEqual(x1, x2 any) (*ndarray.Array, error) {
	return charCompare("greater_equal", x1, x2)
}

func charCompare(name string, x1, x2 any) (*ndarray.Array, error) {
	a, b, err := textPair(name, x1, x2)
	if err != nil {
		return nil, err
	}
	return charCompareUfuncs[name].Call(a, b)
}
