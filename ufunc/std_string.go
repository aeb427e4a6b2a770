package ufunc

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Variable-length strings (dtype.String) compare, concatenate and measure
// through the standard ufuncs: equal, not_equal, less, less_equal,
// greater and greater_equal compare by code point (UTF-8 byte order),
// add concatenates, str_len counts characters, and where (Select) picks
// between them. Their loops read the text from the operands' arenas, so
// they are bound to each call's arrays (LoopDef.Bind). Fixed-width text
// meets variable-length strings as strings, the two promoting to String:
// a U operand (its trailing NULs dropped) compares with and concatenates
// to a String operand, and so does an S operand, its bytes taken as
// UTF-8 text. Categoricals compare with strings by value (equal,
// not_equal), and with their own type by code.

// StrLen returns the number of characters (code points) of each string
// element, as int64 (NumPy's np.strings.str_len).
var StrLen *Ufunc

func init() {
	if u, ok := Lookup("str_len"); ok {
		StrLen = u
	} else {
		StrLen, _ = New(Spec{Name: "str_len", NIn: 1, NOut: 1, Identity: NoIdentity,
			Doc: "Returns the length of each element in characters."})
		_ = Publish(StrLen)
	}
	StrLen.addFlex(stringResolver(StrLen))
	for _, u := range []*Ufunc{Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, Add} {
		u.addFlex(stringResolver(u))
	}
	selectUfunc.addFlex(stringSelectResolver)
}

// bindLoop returns the resolution with its loop bound to the operands.
func bindLoop(res *resolution, arrays []*ndarray.Array) (*resolution, error) {
	fn, err := res.loop.Bind(arrays)
	if err != nil {
		return nil, err
	}
	return &resolution{loop: &LoopDef{Types: res.loop.Types, Fn: fn}, in: res.in, out: res.out}, nil
}

// textReader reads the text of one element at p. buf is scratch space
// of the caller's (one per loop invocation, as loops may run on several
// goroutines at once); the slice returned is valid until the next read
// with the same buf.
type textReader func(p unsafe.Pointer, buf *[]byte) []byte

// textOf returns the reader of the text of an operand's elements: the
// arena bytes of a String element, the value of a categorical code, the
// UTF-8 text of a U element and the bytes of an S element (trailing NULs
// dropped). t is the operand's type in the loop (a fixed-width operand
// reaches the loop in that type's byte order). A reference outside the
// arena reads as "".
func textOf(a *ndarray.Array, t dtype.DType) textReader {
	dt := a.DType()
	switch t.Kind() {
	case dtype.KindUnicode:
		size := t.Size()
		var bo binary.ByteOrder = binary.LittleEndian
		if t.ByteOrder() == dtype.BigEndian || t.ByteOrder() != dtype.LittleEndian && dtype.NativeEndian == dtype.BigEndian {
			bo = binary.BigEndian
		}
		return func(p unsafe.Pointer, buf *[]byte) []byte {
			e := unsafe.Slice((*byte)(p), size)
			b := (*buf)[:0]
			for i := range dtype.UnicodeLen(e) {
				r := rune(bo.Uint32(e[4*i:]))
				b = utf8.AppendRune(b, r) // not a character (invalid data): U+FFFD
			}
			*buf = b
			return b
		}
	case dtype.KindBytes:
		size := t.Size()
		return func(p unsafe.Pointer, _ *[]byte) []byte {
			e := unsafe.Slice((*byte)(p), size)
			return e[:dtype.BytesLen(e)]
		}
	}
	if dt.Kind() == dtype.KindCategory {
		vals := dt.Categories()
		bs := make([][]byte, len(vals))
		for i, v := range vals {
			bs[i] = []byte(v)
		}
		return func(p unsafe.Pointer, _ *[]byte) []byte {
			c := dt.ReadCode(p)
			if c < 0 || c >= len(bs) {
				return nil
			}
			return bs[c]
		}
	}
	var snap []byte
	if r := a.StringArena(); r != nil {
		snap = r.Bytes()
	}
	return func(p unsafe.Pointer, _ *[]byte) []byte {
		b, _ := ndarray.StringBytes(snap, *(*dtype.StringRef)(p))
		return b
	}
}

// unusable is the Fn of a bound loop, for callers that cannot bind: it
// leaves the outputs as they are.
func unusable([]unsafe.Pointer, []int, int) {}

// isTextType reports whether t is a text type the String loops read:
// String, a categorical, U or S.
func isTextType(t dtype.DType) bool {
	switch t.Kind() {
	case dtype.KindString, dtype.KindCategory, dtype.KindUnicode, dtype.KindBytes:
		return true
	}
	return false
}

// checkUTF8Bytes returns a *dtype.ValueError when an element of the S
// array a is not UTF-8 text (bytes become variable-length strings only as
// text, as in AsType).
func checkUTF8Bytes(a *ndarray.Array) error {
	if a.DType().Kind() != dtype.KindBytes {
		return nil
	}
	vals, err := a.Strings()
	if err != nil {
		return err
	}
	for _, v := range vals {
		if !utf8.ValidString(v) {
			return &dtype.ValueError{Msg: "bytes " + strconv.Quote(v) + " are not UTF-8 text"}
		}
	}
	return nil
}

// stringResolver builds the loops of u for String and categorical
// operands.
func stringResolver(u *Ufunc) FlexResolver {
	return func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		hasString, allText := false, true
		for _, t := range in {
			if t.Kind() == dtype.KindString {
				hasString = true
			}
			if !isTextType(t) {
				allText = false
			}
		}
		cmp, isCmp := comparisons[u.name]
		if u.nin == 2 && in[0].Kind() == dtype.KindCategory && in[0] == in[1] && isCmp {
			if u.name != "equal" && u.name != "not_equal" {
				return nil, true, &LoopError{Ufunc: u.name, Types: append([]dtype.DType(nil), in...)}
			}
			// one categorical: compare codes
			dt := in[0]
			return &LoopDef{Types: []dtype.DType{dt, dt, dtype.Bool}, Fn: func(args []unsafe.Pointer, steps []int, n int) {
				for j := range n {
					a := dt.ReadCode(unsafe.Add(args[0], j*steps[0]))
					b := dt.ReadCode(unsafe.Add(args[1], j*steps[1]))
					*(*bool)(unsafe.Add(args[2], j*steps[2])) = cmp(a - b)
				}
			}}, true, nil
		}
		if !hasString {
			return nil, false, nil
		}
		if !allText {
			return nil, true, &LoopError{Ufunc: u.name, Types: append([]dtype.DType(nil), in...)}
		}
		types := append([]dtype.DType(nil), in...)
		switch {
		case isCmp:
			if (in[0].Kind() == dtype.KindCategory || in[1].Kind() == dtype.KindCategory) && u.name != "equal" && u.name != "not_equal" {
				return nil, true, &LoopError{Ufunc: u.name, Types: types}
			}
			types = append(types, dtype.Bool)
			return &LoopDef{Types: types, Fn: unusable, Bind: func(arrays []*ndarray.Array) (Loop, error) {
				ra, rb := textOf(arrays[0], types[0]), textOf(arrays[1], types[1])
				return func(args []unsafe.Pointer, steps []int, n int) {
					var ba, bb []byte
					for j := range n {
						c := bytes.Compare(ra(unsafe.Add(args[0], j*steps[0]), &ba), rb(unsafe.Add(args[1], j*steps[1]), &bb))
						*(*bool)(unsafe.Add(args[2], j*steps[2])) = cmp(c)
					}
				}, nil
			}}, true, nil
		case u.name == "add":
			if in[0].Kind() == dtype.KindCategory || in[1].Kind() == dtype.KindCategory {
				return nil, true, &LoopError{Ufunc: u.name, Types: types}
			}
			types = append(types, dtype.String)
			return &LoopDef{Types: types, Fn: unusable, Bind: func(arrays []*ndarray.Array) (Loop, error) {
				for _, a := range arrays[:2] {
					if err := checkUTF8Bytes(a); err != nil {
						return nil, err
					}
				}
				ra, rb := textOf(arrays[0], types[0]), textOf(arrays[1], types[1])
				arena := arrays[2].StringArena()
				if arena == nil {
					return nil, &LoopError{Ufunc: u.name, Types: types}
				}
				return func(args []unsafe.Pointer, steps []int, n int) {
					var buf, ba, bb []byte
					for j := range n {
						buf = append(append(buf[:0], ra(unsafe.Add(args[0], j*steps[0]), &ba)...), rb(unsafe.Add(args[1], j*steps[1]), &bb)...)
						*(*dtype.StringRef)(unsafe.Add(args[2], j*steps[2])) = arena.AddBytes(buf)
					}
				}, nil
			}}, true, nil
		case u == StrLen:
			types = append(types, dtype.Int64)
			return &LoopDef{Types: types, Fn: unusable, Bind: func(arrays []*ndarray.Array) (Loop, error) {
				ra := textOf(arrays[0], types[0])
				return func(args []unsafe.Pointer, steps []int, n int) {
					var ba []byte
					for j := range n {
						*(*int64)(unsafe.Add(args[1], j*steps[1])) = int64(utf8.RuneCount(ra(unsafe.Add(args[0], j*steps[0]), &ba)))
					}
				}, nil
			}}, true, nil
		}
		return nil, true, &LoopError{Ufunc: u.name, Types: types}
	}
}

// stringSelectResolver is where(cond, x, y) when x or y holds
// variable-length strings (the other text of any kind: U, S, String, a
// categorical): the result is String. Two operands of one categorical
// type give that type, their codes copied.
func stringSelectResolver(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
	x, y := in[1], in[2]
	if x.Kind() == dtype.KindCategory && x == y && (!forced.IsValid() || forced == x) {
		size := x.Size()
		return &LoopDef{Types: []dtype.DType{dtype.Bool, x, x, x}, Fn: func(args []unsafe.Pointer, steps []int, n int) {
			for i := range n {
				src := args[2]
				off := i * steps[2]
				if *(*bool)(unsafe.Add(args[0], i*steps[0])) {
					src, off = args[1], i*steps[1]
				}
				copy(unsafe.Slice((*byte)(unsafe.Add(args[3], i*steps[3])), size), unsafe.Slice((*byte)(unsafe.Add(src, off)), size))
			}
		}}, true, nil
	}
	if x.Kind() != dtype.KindString && y.Kind() != dtype.KindString {
		return nil, false, nil
	}
	if !isTextType(x) || !isTextType(y) {
		_, err := dtype.Promote(x, y)
		if err == nil {
			err = &LoopError{Ufunc: "where", Types: append([]dtype.DType(nil), in...)}
		}
		return nil, true, err
	}
	if forced.IsValid() && forced != dtype.String {
		return nil, true, &LoopError{Ufunc: "where", Types: append([]dtype.DType(nil), in...)}
	}
	types := []dtype.DType{dtype.Bool, x, y, dtype.String}
	return &LoopDef{Types: types, Fn: unusable, Bind: func(arrays []*ndarray.Array) (Loop, error) {
		for _, a := range arrays[1:3] {
			if err := checkUTF8Bytes(a); err != nil {
				return nil, err
			}
		}
		rx, ry := textOf(arrays[1], x), textOf(arrays[2], y)
		arena := arrays[3].StringArena()
		if arena == nil {
			return nil, &LoopError{Ufunc: "where", Types: types}
		}
		return func(args []unsafe.Pointer, steps []int, n int) {
			var buf []byte
			for i := range n {
				var t []byte
				if *(*bool)(unsafe.Add(args[0], i*steps[0])) {
					t = rx(unsafe.Add(args[1], i*steps[1]), &buf)
				} else {
					t = ry(unsafe.Add(args[2], i*steps[2]), &buf)
				}
				*(*dtype.StringRef)(unsafe.Add(args[3], i*steps[3])) = arena.AddBytes(t)
			}
		}, nil
	}}, true, nil
}
