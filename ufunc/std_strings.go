package ufunc

import (
	"bytes"
	"encoding/binary"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Fixed-width strings (NumPy's "U<n>" and "S<n>") in the standard ufuncs,
// as NumPy 1.24 has them: equal, not_equal, less, less_equal, greater and
// greater_equal compare U with U and S with S, by code point or unsigned
// byte, the shorter operand padded with NULs ("a" == "a\x00", "a " > "a");
// U with S and strings with numbers have no loop (a *LoopError), and so
// have the arithmetic ufuncs (add, maximum, isnan, …). str_len counts the
// characters of a U element or the bytes of an S element, trailing NULs
// excluded, and Select (np.where) takes strings like any other type.

func init() {
	for _, u := range []*Ufunc{Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual} {
		u.addFlex(fixedCompareResolver(u.name, false))
	}
	strLenUfunc().addFlex(fixedStrLenResolver)
	selectUfunc.addFlex(fixedSelectResolver)
}

// strLenUfunc returns the published str_len ufunc, creating and
// publishing it if no other file of the package has yet.
func strLenUfunc() *Ufunc {
	if u, ok := Lookup("str_len"); ok {
		return u
	}
	u, err := New(Spec{Name: "str_len", NIn: 1, NOut: 1, Identity: NoIdentity,
		Doc: "Returns the length of each element in characters."})
	if err != nil {
		panic(err)
	}
	if err := Publish(u); err != nil {
		panic(err)
	}
	return u
}

// isFixedString reports whether t is "U<n>" or "S<n>".
func isFixedString(t dtype.DType) bool {
	return t.Kind() == dtype.KindUnicode || t.Kind() == dtype.KindBytes
}

// fixedStringArgs classifies input types for the fixed-width string
// loops: has reports whether one of them is a fixed-width string, mine
// whether every one of them is a fixed-width string or a built-in number
// (dates, records and variable-length strings are other resolvers'
// business).
func fixedStringArgs(in []dtype.DType) (has, mine bool) {
	mine = true
	for _, t := range in {
		switch {
		case isFixedString(t):
			has = true
		case t.Num() == dtype.NumUser:
			mine = false
		}
	}
	return has, mine
}

func noStringLoop(name string, in []dtype.DType) error {
	return &LoopError{Ufunc: name, Types: append([]dtype.DType(nil), in...)}
}

// comparisons maps a comparison's name to the test of a three-way result.
var comparisons = map[string]func(c int) bool{
	"equal":         func(c int) bool { return c == 0 },
	"not_equal":     func(c int) bool { return c != 0 },
	"less":          func(c int) bool { return c < 0 },
	"less_equal":    func(c int) bool { return c <= 0 },
	"greater":       func(c int) bool { return c > 0 },
	"greater_equal": func(c int) bool { return c >= 0 },
}

// fixedCompareResolver builds the comparison loops of two U or two S
// operands (of any widths). With rstrip, trailing whitespace and NULs are
// ignored (np.char's comparisons).
func fixedCompareResolver(name string, rstrip bool) FlexResolver {
	test := comparisons[name]
	return func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		has, mine := fixedStringArgs(in)
		if !has || !mine {
			return nil, false, nil
		}
		if in[0].Kind() != in[1].Kind() || forced.IsValid() && forced != dtype.Bool {
			return nil, true, noStringLoop(name, in)
		}
		s0, s1 := in[0].Size(), in[1].Size()
		unicode := in[0].Kind() == dtype.KindUnicode
		fn := func(args []unsafe.Pointer, steps []int, n int) {
			for i := range n {
				a := elemAt(args[0], i*steps[0], s0)
				b := elemAt(args[1], i*steps[1], s1)
				*(*bool)(unsafe.Add(args[2], i*steps[2])) = test(compareFixed(unicode, a, b, rstrip))
			}
		}
		return &LoopDef{Types: []dtype.DType{in[0], in[1], dtype.Bool}, Fn: fn}, true, nil
	}
}

// elemAt returns the size bytes of the element at byte offset off from p
// (an element that exists).
func elemAt(p unsafe.Pointer, off, size int) []byte {
	if size == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Add(p, off)), size)
}

// unitLen returns the number of code units (4-byte code points for
// Unicode, bytes for Bytes) of a native element without trailing NULs,
// and with rstrip also without trailing ASCII whitespace.
func unitLen(unicode bool, e []byte, rstrip bool) int {
	if !unicode {
		n := len(e)
		for n > 0 && (e[n-1] == 0 || rstrip && dtype.IsASCIISpace(e[n-1])) {
			n--
		}
		return n
	}
	n := len(e) / 4
	for n > 0 {
		c := binary.NativeEndian.Uint32(e[4*n-4:])
		if c != 0 && !(rstrip && c < 0x80 && dtype.IsASCIISpace(byte(c))) {
			break
		}
		n--
	}
	return n
}

// compareFixed compares two native elements of one string kind as NumPy
// does: unit by unit, the shorter padded with NULs.
func compareFixed(unicode bool, a, b []byte, rstrip bool) int {
	la, lb := unitLen(unicode, a, rstrip), unitLen(unicode, b, rstrip)
	if !unicode {
		// after the common length only a nonzero unit can differ from the
		// padding, and it is greater
		return bytes.Compare(a[:la], b[:lb])
	}
	ne := binary.NativeEndian
	for i := range min(la, lb) {
		if p, q := ne.Uint32(a[4*i:]), ne.Uint32(b[4*i:]); p != q {
			if p < q {
				return -1
			}
			return 1
		}
	}
	switch {
	case la > lb:
		return 1
	case la < lb:
		return -1
	}
	return 0
}

// fixedStrLenResolver is str_len of U and S elements: int64 characters or
// bytes, trailing NULs excluded.
func fixedStrLenResolver(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
	has, mine := fixedStringArgs(in)
	if !has || !mine {
		return nil, false, nil
	}
	size := in[0].Size()
	unicode := in[0].Kind() == dtype.KindUnicode
	fn := func(args []unsafe.Pointer, steps []int, n int) {
		for i := range n {
			*(*int64)(unsafe.Add(args[1], i*steps[1])) = int64(unitLen(unicode, elemAt(args[0], i*steps[0], size), false))
		}
	}
	return &LoopDef{Types: []dtype.DType{in[0], dtype.Int64}, Fn: fn}, true, nil
}

// fixedSelectResolver is where(cond, x, y) for fixed-width strings: x and
// y are taken in their common string type (Select has already converted
// them to it, with the checks a conversion of text needs).
func fixedSelectResolver(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
	has, mine := fixedStringArgs(in[1:])
	if !has || !mine {
		return nil, false, nil
	}
	t, err := dtype.Promote(in[1], in[2])
	if err != nil {
		return nil, true, err
	}
	if forced.IsValid() {
		t = forced
	}
	if !isFixedString(t) {
		return nil, false, nil
	}
	size := t.Size()
	fn := func(args []unsafe.Pointer, steps []int, n int) {
		for i := range n {
			src := elemAt(args[2], i*steps[2], size)
			if *(*bool)(unsafe.Add(args[0], i*steps[0])) {
				src = elemAt(args[1], i*steps[1], size)
			}
			copy(elemAt(args[3], i*steps[3], size), src)
		}
	}
	return &LoopDef{Types: []dtype.DType{dtype.Bool, t, t, t}, Fn: fn}, true, nil
}

// castSelectStrings converts the arrays x and y to their common type when
// one of them holds fixed-width strings and the other strings or numbers,
// with the conversion that checks each value (bytes read as text must be
// ASCII): the loop of Select then copies elements of one type.
func castSelectStrings(x, y any) (any, any, error) {
	xa, ok1 := x.(*ndarray.Array)
	ya, ok2 := y.(*ndarray.Array)
	if !ok1 || !ok2 || xa == nil || ya == nil {
		return x, y, nil
	}
	if has, mine := fixedStringArgs([]dtype.DType{xa.DType(), ya.DType()}); !has || !mine {
		return x, y, nil
	}
	t, err := dtype.Promote(xa.DType(), ya.DType())
	if err != nil {
		return nil, nil, err
	}
	if xa.DType() != t {
		if xa, err = xa.AsType(t, dtype.Unsafe); err != nil {
			return nil, nil, err
		}
	}
	if ya.DType() != t {
		if ya, err = ya.AsType(t, dtype.Unsafe); err != nil {
			return nil, nil, err
		}
	}
	return xa, ya, nil
}
