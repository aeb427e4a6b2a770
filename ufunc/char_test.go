package ufunc

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The expected values below are NumPy 1.24's (the conformance corpus's
// strings cases and Python's str methods).

func TestCharAdd(t *testing.T) {
	got, err := CharAdd(strArr(t, dtype.Unicode(2), "ab", "c", "", "é"), strArr(t, dtype.Unicode(3), "d", "efg", "", "x"))
	if err != nil || got.DType() != dtype.Unicode(5) || !slices.Equal(strVals(t, got), []string{"abd", "cefg", "", "éx"}) {
		t.Errorf("add(U2, U3) = %v, %v", got, err)
	}
	s1 := strArr(t, dtype.Bytes(2), "ab", "x")
	_ = ndarray.SetBytes(s1, []byte{0xff}, 1)
	got, err = CharAdd(s1, strArr(t, dtype.Bytes(2), "cd", "\x00e"))
	if err != nil || got.DType() != dtype.Bytes(4) || !slices.Equal(strVals(t, got), []string{"abcd", "\xff\x00e"}) {
		t.Errorf("add(S2, S2) = %v, %v", got, err)
	}
	got, err = CharAdd(strArr(t, dtype.Bytes(1), "a"), strArr(t, dtype.Unicode(1), "b"))
	if err != nil || got.DType() != dtype.Unicode(2) || strVals(t, got)[0] != "ab" {
		t.Errorf("add(S1, U1) = %v, %v; want U2 [ab]", got, err)
	}
	got, err = CharAdd(strArr(t, dtype.Unicode(2), "a", "b"), "!")
	if err != nil || got.DType() != dtype.Unicode(3) || !slices.Equal(strVals(t, got), []string{"a!", "b!"}) {
		t.Errorf("add(U2, \"!\") = %v, %v", got, err)
	}
	i, _ := ndarray.FromSlice([]int64{1})
	var le *LoopError
	for _, c := range [][2]*ndarray.Array{
		{strArr(t, dtype.Unicode(1), "a"), strArr(t, dtype.Bytes(1), "b")},
		{strArr(t, dtype.Unicode(1), "a"), i},
	} {
		if _, err := CharAdd(c[0], c[1]); !errors.As(err, &le) {
			t.Errorf("add(%v, %v): got %v, want a *LoopError", c[0].DType(), c[1].DType(), err)
		}
	}
}

func TestCharMultiply(t *testing.T) {
	got, err := CharMultiply(strArr(t, dtype.Unicode(2), "ab", "c", ""), 3)
	if err != nil || got.DType() != dtype.Unicode(6) || !slices.Equal(strVals(t, got), []string{"ababab", "ccc", ""}) {
		t.Errorf("multiply(U2, 3) = %v, %v", got, err)
	}
	got, err = CharMultiply(strArr(t, dtype.Unicode(2), "ab", "c"), 0)
	if err != nil || got.DType() != dtype.Unicode(1) || !slices.Equal(strVals(t, got), []string{"", ""}) {
		t.Errorf("multiply(U2, 0) = %v, %v; want U1 [\"\" \"\"]", got, err)
	}
	var ve *ndarray.ValueError
	if _, err := CharMultiply(strArr(t, dtype.Unicode(2), "ab"), math.MaxInt32); !errors.As(err, &ve) {
		t.Errorf("multiply beyond any width: got %v, want a *ndarray.ValueError", err)
	}
}

func TestCharCase(t *testing.T) {
	in := strArr(t, dtype.Unicode(6), "abc", "aBc1 !", "ß", "ßx", "ﬁ", "İ", "Σ", "ŉ", "ǰ", "éA", "αΣ", "")
	up, err := CharUpper(in)
	if err != nil || up.DType() != dtype.Unicode(6) {
		t.Fatalf("upper: %v, %v", up, err)
	}
	if got, want := strVals(t, up), []string{"ABC", "ABC1 !", "SS", "SSX", "FI", "İ", "Σ", "ʼN", "J̌", "ÉA", "ΑΣ", ""}; !slices.Equal(got, want) {
		t.Errorf("upper = %q\nwant    %q", got, want)
	}
	low, err := CharLower(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strVals(t, low), []string{"abc", "abc1 !", "ß", "ßx", "ﬁ", "i̇", "σ", "ŉ", "ǰ", "éa", "ας", ""}; !slices.Equal(got, want) {
		t.Errorf("lower = %q\nwant    %q", got, want)
	}
	// the width is kept: growing mappings are cut
	for _, c := range []struct {
		in, want string
		w        int
		upper    bool
	}{{"ß", "S", 1, true}, {"ßxy", "SSX", 3, true}, {"İ", "i", 1, false}} {
		f := CharLower
		if c.upper {
			f = CharUpper
		}
		got, err := f(strArr(t, dtype.Unicode(c.w), c.in))
		if err != nil || strVals(t, got)[0] != c.want {
			t.Errorf("case of %q in U%d = %v, %v; want %q", c.in, c.w, got, err, c.want)
		}
	}
	// bytes: ASCII letters only
	b := strArr(t, dtype.Bytes(6), "aBc1 !", "x")
	_ = ndarray.SetBytes(b, []byte{0xe9, 'x'}, 1)
	got, err := CharUpper(b)
	if err != nil || !slices.Equal(strVals(t, got), []string{"ABC1 !", "\xe9X"}) {
		t.Errorf("upper(S6) = %q, %v", strVals(t, got), err)
	}
	i, _ := ndarray.FromSlice([]int64{1})
	var le *LoopError
	if _, err := CharLower(i); !errors.As(err, &le) {
		t.Errorf("lower(int64): got %v, want a *LoopError", err)
	}
}

func TestCharFind(t *testing.T) {
	a := strArr(t, dtype.Unicode(6), "abcabc", "x", "", "bc", "a\x00c", "aaa", "😀bc")
	for _, c := range []struct {
		sub        string
		start, end int
		want       []int64
	}{
		{"bc", 0, math.MaxInt, []int64{1, -1, -1, 0, -1, -1, 1}},
		{"bc", -3, math.MaxInt, []int64{4, -1, -1, 0, -1, -1, 1}},
		{"bc", 0, -1, []int64{1, -1, -1, -1, -1, -1, -1}},
		{"", 0, math.MaxInt, []int64{0, 0, 0, 0, 0, 0, 0}},
		{"", 10, math.MaxInt, []int64{-1, -1, -1, -1, -1, -1, -1}},
		{"aa", 0, math.MaxInt, []int64{-1, -1, -1, -1, -1, 0, -1}},
		{"\x00c", 0, math.MaxInt, []int64{-1, -1, -1, -1, 1, -1, -1}},
		{"abcabcabc", 0, math.MaxInt, []int64{-1, -1, -1, -1, -1, -1, -1}},
	} {
		got, err := CharFind(a, c.sub, c.start, c.end)
		if err != nil || got.DType() != dtype.Int64 || !slices.Equal(int64Vals(got), c.want) {
			t.Errorf("find(%q, %d, %d) = %v, %v; want %v", c.sub, c.start, c.end, got, err, c.want)
		}
	}
	s := strArr(t, dtype.Bytes(6), "abcabc", "x", "", "bc", "zbc")
	_ = ndarray.SetBytes(s, []byte{0xff, 'b', 'c'}, 4)
	if got, err := CharFind(s, "bc", 0, math.MaxInt); err != nil || !slices.Equal(int64Vals(got), []int64{1, -1, -1, 0, 1}) {
		t.Errorf("find(S6, bc) = %v, %v", got, err)
	}
	// NumPy 1.24: an S array searched for U text finds nothing
	if got, err := CharFind(s, strArr(t, dtype.Unicode(2), "bc"), 0, math.MaxInt); err != nil || !slices.Equal(int64Vals(got), []int64{-1, -1, -1, -1, -1}) {
		t.Errorf("find(S6, U sub) = %v, %v; want all -1", got, err)
	}
	var le *LoopError
	if _, err := CharFind(a, strArr(t, dtype.Bytes(2), "bc"), 0, math.MaxInt); !errors.As(err, &le) {
		t.Errorf("find(U6, S sub): got %v, want a *LoopError", err)
	}
}

func TestCharStrip(t *testing.T) {
	u := strArr(t, dtype.Unicode(6), "  ab  ", "\tx\n", "\x1cab\x1f", "\u3000z\u2028", "\u0085ab\u00a0", "\u200bab", "\x00ab", "xxaxx", "", "   ", "a b")
	got, err := CharStrip(u, nil)
	if want := []string{"ab", "x", "ab", "z", "ab", "\u200bab", "\x00ab", "xxaxx", "", "", "a b"}; err != nil || got.DType() != u.DType() || !slices.Equal(strVals(t, got), want) {
		t.Errorf("strip(U6) = %q, %v\nwant %q", strVals(t, got), err, want)
	}
	s := strArr(t, dtype.Bytes(6), "  ab  ", "\tx\n", "\vab\f", "\x1cab", "xxaxx", "")
	for _, c := range []struct {
		f    func(*ndarray.Array, any) (*ndarray.Array, error)
		want []string
	}{
		{CharStrip, []string{"ab", "x", "ab", "\x1cab", "xxaxx", ""}},
		{CharLStrip, []string{"ab  ", "x\n", "ab\f", "\x1cab", "xxaxx", ""}},
		{CharRStrip, []string{"  ab", "\tx", "\vab", "\x1cab", "xxaxx", ""}},
	} {
		got, err := c.f(s, nil)
		if err != nil || !slices.Equal(strVals(t, got), c.want) {
			t.Errorf("strip of S6 whitespace = %q, %v; want %q", strVals(t, got), err, c.want)
		}
	}
	chars := strArr(t, dtype.Unicode(2), "ac").Ravel()
	chars0, _ := chars.Reshape()
	got, err = CharStrip(strArr(t, dtype.Unicode(3), "abc", "cba", "b"), chars0)
	if err != nil || !slices.Equal(strVals(t, got), []string{"b", "b", "b"}) {
		t.Errorf("strip(U3, 'ac') = %q, %v", strVals(t, got), err)
	}
	got, err = CharRStrip(strArr(t, dtype.Unicode(3), "abc", " a "), "")
	if err != nil || !slices.Equal(strVals(t, got), []string{"abc", " a "}) {
		t.Errorf("rstrip(U3, '') = %q, %v", strVals(t, got), err)
	}
	// S with U chars works (ASCII), U with S chars does not
	got, err = CharLStrip(strArr(t, dtype.Bytes(5), "xxaxx", "axa"), strArr(t, dtype.Unicode(1), "x"))
	if err != nil || got.DType() != dtype.Bytes(5) || !slices.Equal(strVals(t, got), []string{"axx", "axa"}) {
		t.Errorf("lstrip(S5, U chars) = %v, %v", got, err)
	}
	var le *LoopError
	if _, err := CharRStrip(strArr(t, dtype.Unicode(5), "xxaxx"), strArr(t, dtype.Bytes(1), "x")); !errors.As(err, &le) {
		t.Errorf("rstrip(U5, S chars): got %v, want a *LoopError", err)
	}
}

func TestCharCompare(t *testing.T) {
	a := strArr(t, dtype.Unicode(3), "a ", "a", "a\t", " a", "b  ", "b\n", "a", "ab")
	b := strArr(t, dtype.Unicode(3), "a", "a  ", "a", "a", "b", "b", "a", "a b")
	for _, c := range []struct {
		f    func(x1, x2 any) (*ndarray.Array, error)
		want []bool
	}{
		{CharEqual, []bool{true, true, true, false, true, true, true, false}},
		{CharNotEqual, []bool{false, false, false, true, false, false, false, true}},
		{CharLess, []bool{false, false, false, true, false, false, false, false}},
		{CharGreaterEqual, []bool{true, true, true, false, true, true, true, true}},
	} {
		got, err := c.f(a, b)
		if err != nil || !slices.Equal(boolVals(got), c.want) {
			t.Errorf("char comparison = %v, %v; want %v", got, err, c.want)
		}
	}
	// only ASCII whitespace is ignored
	got, err := CharEqual(strArr(t, dtype.Unicode(2), "a\u3000"), "a")
	if err != nil || boolVals(got)[0] {
		t.Errorf("char.equal('a\\u3000', 'a') = %v, %v; want false", got, err)
	}
	var le *LoopError
	if _, err := CharEqual(strArr(t, dtype.Unicode(1), "a"), strArr(t, dtype.Bytes(1), "a")); !errors.As(err, &le) {
		t.Errorf("char.equal(U, S): got %v, want a *LoopError", err)
	}
}

func TestCharBadOperands(t *testing.T) {
	var ae *ArgError
	for name, f := range map[string]func() (*ndarray.Array, error){
		"find(nil)":    func() (*ndarray.Array, error) { return CharFind(nil, "a", 0, math.MaxInt) },
		"strip(nil)":   func() (*ndarray.Array, error) { return CharStrip(nil, nil) },
		"upper(nil)":   func() (*ndarray.Array, error) { return CharUpper(nil) },
		"add(nil, 1)":  func() (*ndarray.Array, error) { return CharAdd(nil, 1) },
		"find(a, 1.5)": func() (*ndarray.Array, error) { return CharFind(strArr(t, dtype.Unicode(1), "a"), 1.5, 0, 1) },
	} {
		if _, err := f(); !errors.As(err, &ae) {
			t.Errorf("%s: got %v, want an *ArgError", name, err)
		}
	}
	// a Go string beside a bytes array must be ASCII
	var ve *dtype.ValueError
	if _, err := CharFind(strArr(t, dtype.Bytes(2), "ab"), "é", 0, math.MaxInt); !errors.As(err, &ve) {
		t.Errorf("find(S2, \"é\"): got %v, want a *dtype.ValueError", err)
	}
}

// TestUpperSpecialTable checks that the special uppercase table is
// sorted (pyUpper searches it) and that pyUpper maps every entry's
// character to its whole mapping.
func TestUpperSpecialTable(t *testing.T) {
	for i, e := range upperSpecial {
		if i > 0 && upperSpecial[i-1].from >= e.from {
			t.Fatalf("upperSpecial is not sorted at %U", e.from)
		}
		want := slices.DeleteFunc(slices.Clone(e.to[:]), func(r rune) bool { return r == 0 })
		if len(want) < 2 {
			t.Errorf("%U maps to %d characters, want 2 or 3", e.from, len(want))
		}
		if got := pyUpper(nil, []rune{e.from}); !slices.Equal(got, want) {
			t.Errorf("pyUpper(%U) = %U, want %U", e.from, got, want)
		}
	}
}
