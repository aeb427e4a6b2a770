package ufunc

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func strArr(t *testing.T, dt dtype.DType, vals ...string) *ndarray.Array {
	t.Helper()
	a, err := ndarray.FromStringsAs(dt, vals)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func strVals(t *testing.T, a *ndarray.Array) []string {
	t.Helper()
	flat := a.Ravel()
	out := make([]string, flat.Size())
	for i := range out {
		s, err := flat.StringAt(i)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = s
	}
	return out
}

func boolVals(a *ndarray.Array) []bool {
	out := make([]bool, a.Size())
	for i := range out {
		out[i] = ndarray.At[bool](a, i)
	}
	return out
}

func int64Vals(a *ndarray.Array) []int64 {
	out := make([]int64, a.Size())
	for i := range out {
		out[i] = ndarray.At[int64](a, i)
	}
	return out
}

func TestStringComparisons(t *testing.T) {
	// NumPy 1.24: the shorter operand is NUL padded, "a" < "a   "
	a := strArr(t, dtype.Unicode(1), "a", "b", "c", "a", "")
	b := strArr(t, dtype.Unicode(5), "a   ", "b", "abcde", "a", "")
	for _, c := range []struct {
		u    *Ufunc
		want []bool
	}{
		{Equal, []bool{false, true, false, true, true}},
		{NotEqual, []bool{true, false, true, false, false}},
		{Less, []bool{true, false, false, false, false}},
		{LessEqual, []bool{true, true, false, true, true}},
		{Greater, []bool{false, false, true, false, false}},
		{GreaterEqual, []bool{false, true, true, true, true}},
	} {
		got, err := c.u.Call(a, b)
		if err != nil {
			t.Fatalf("%s: %v", c.u.Name(), err)
		}
		if got.DType() != dtype.Bool || !slices.Equal(boolVals(got), c.want) {
			t.Errorf("%s(U1, U5) = %v, want %v", c.u.Name(), boolVals(got), c.want)
		}
	}
	// a NUL inside counts, bytes compare unsigned
	s1 := strArr(t, dtype.Bytes(2), "a", "a", "b")
	s2 := strArr(t, dtype.Bytes(2), "a", "ab", "a")
	if err := ndarray.SetBytes(s2, []byte{0x80}, 2); err != nil {
		t.Fatal(err)
	}
	got, err := Less.Call(s1, s2)
	if err != nil || !slices.Equal(boolVals(got), []bool{false, true, true}) {
		t.Errorf("less(S2, S2) = %v, %v; want [false true true]", got, err)
	}
	u := strArr(t, dtype.Unicode(3), "a\x00b", "é")
	v := strArr(t, dtype.Unicode(1), "a", "z")
	if got, err := Greater.Call(u, v); err != nil || !slices.Equal(boolVals(got), []bool{true, true}) {
		t.Errorf("greater(U3, U1) = %v, %v; want [true true]", got, err)
	}
	// a big-endian operand compares by value
	be, _ := b.AsType(dtype.Unicode(5).WithByteOrder(dtype.BigEndian), dtype.Unsafe)
	if got, err := Equal.Call(a, be); err != nil || !slices.Equal(boolVals(got), []bool{false, true, false, true, true}) {
		t.Errorf("equal(U1, >U5) = %v, %v", got, err)
	}
	var be2 *ndarray.BroadcastError
	if _, err := Equal.Call(a, strArr(t, dtype.Unicode(1), "a", "b")); !errors.As(err, &be2) {
		t.Errorf("equal of shapes (5,) (2,): got %v, want a *ndarray.BroadcastError", err)
	}
}

func TestStringsHaveNoOtherLoops(t *testing.T) {
	u := strArr(t, dtype.Unicode(1), "a", "b")
	s := strArr(t, dtype.Bytes(1), "a", "c")
	i, _ := ndarray.FromSlice([]int64{1, 2})
	var le *LoopError
	for _, c := range []struct {
		name string
		call func() (*ndarray.Array, error)
	}{
		{"equal(U, S)", func() (*ndarray.Array, error) { return Equal.Call(u, s) }},
		{"less(U, int64)", func() (*ndarray.Array, error) { return Less.Call(u, i) }},
		{"equal(S, int64)", func() (*ndarray.Array, error) { return Equal.Call(s, i) }},
		{"maximum(U, U)", func() (*ndarray.Array, error) { return Maximum.Call(u, u) }},
		{"add(U, U)", func() (*ndarray.Array, error) { return Add.Call(u, u) }},
		{"multiply(S, S)", func() (*ndarray.Array, error) { return Multiply.Call(s, s) }},
		{"isnan(S)", func() (*ndarray.Array, error) { return IsNan.Call(s) }},
		{"max(U)", func() (*ndarray.Array, error) { return Max(u) }},
		{"sum(U)", func() (*ndarray.Array, error) { return Sum(u) }},
	} {
		if _, err := c.call(); !errors.As(err, &le) {
			t.Errorf("%s: got %v, want a *LoopError", c.name, err)
		}
	}
}

func TestStrLenFixed(t *testing.T) {
	strLen, ok := Lookup("str_len")
	if !ok {
		t.Fatal("str_len is not published")
	}
	got, err := strLen.Call(strArr(t, dtype.Unicode(3), "ab", "", "a", "a\x00b", "😀", "  "))
	if err != nil || got.DType() != dtype.Int64 || !slices.Equal(int64Vals(got), []int64{2, 0, 1, 3, 1, 2}) {
		t.Errorf("str_len(U3) = %v, %v", got, err)
	}
	b := strArr(t, dtype.Bytes(2), "ab", "", "x", "\x00a")
	_ = ndarray.SetBytes(b, []byte{0xff}, 2)
	if got, err := strLen.Call(b); err != nil || !slices.Equal(int64Vals(got), []int64{2, 0, 1, 2}) {
		t.Errorf("str_len(S2) = %v, %v", got, err)
	}
	i, _ := ndarray.FromSlice([]int64{1, 2})
	var le *LoopError
	if _, err := strLen.Call(i); !errors.As(err, &le) {
		t.Errorf("str_len(int64): got %v, want a *LoopError", err)
	}
}

func TestSelectStrings(t *testing.T) {
	cond, _ := ndarray.FromSlice([]bool{true, false, true})
	got, err := Select(cond, strArr(t, dtype.Unicode(1), "a", "b", "c"), strArr(t, dtype.Bytes(4), "xyzw"))
	if err != nil || got.DType() != dtype.Unicode(4) || !slices.Equal(strVals(t, got), []string{"a", "xyzw", "c"}) {
		t.Errorf("where(bool, U1, S4) = %v, %v; want U4 [a xyzw c]", got, err)
	}
	i, _ := ndarray.FromSlice([]int64{100, 2, 3})
	got, err = Select(cond, strArr(t, dtype.Unicode(1), "a", "b", "c"), i)
	if err != nil || got.DType() != dtype.Unicode(21) || !slices.Equal(strVals(t, got), []string{"a", "2", "c"}) {
		t.Errorf("where(bool, U1, int64) = %v, %v; want U21 [a 2 c]", got, err)
	}
	s := strArr(t, dtype.Bytes(1), "x")
	_ = ndarray.SetBytes(s, []byte{0xff}, 0)
	var ve *dtype.ValueError
	if _, err := Select(cond, strArr(t, dtype.Unicode(1), "a", "b", "c"), s); !errors.As(err, &ve) {
		t.Errorf("where with byte 0xff read as text: got %v, want a *dtype.ValueError", err)
	}
}

func TestStringsWithGoNumbers(t *testing.T) {
	u := strArr(t, dtype.Unicode(1), "a", "5")
	var le *LoopError
	if _, err := Equal.Call(u, 5); !errors.As(err, &le) {
		t.Errorf("equal(U1, 5): got %v, want a *LoopError (a number is not text)", err)
	}
	cond, _ := ndarray.FromSlice([]bool{true, false})
	got, err := Select(cond, u, 7)
	if err != nil || got.DType() != dtype.Unicode(21) || !slices.Equal(strVals(t, got), []string{"a", "7"}) {
		t.Errorf("where(c, U1, 7) = %v, %v; want U21 [a 7]", got, err)
	}
}

// TestStringCompareLarge compares long arrays of random text with Go's
// string order (UTF-8 byte order is code-point order), exercising the
// split of big calls.
func TestStringCompareLarge(t *testing.T) {
	const n = 30000
	alphabet := []rune{0, 'a', 'b', ' ', 'é', '😀', '\uffff'}
	xs, ys := make([]string, n), make([]string, n)
	seed := uint32(1)
	next := func() uint32 { seed = seed*1664525 + 1013904223; return seed >> 8 }
	word := func() string {
		rs := make([]rune, next()%4)
		for i := range rs {
			rs[i] = alphabet[next()%uint32(len(alphabet))]
		}
		return string(rs)
	}
	for i := range xs {
		xs[i], ys[i] = word(), word()
	}
	a, b := strArr(t, dtype.Unicode(3), xs...), strArr(t, dtype.Unicode(3), ys...)
	got, err := Less.Call(a, b)
	if err != nil {
		t.Fatal(err)
	}
	trim := func(s string) string {
		for len(s) > 0 && s[len(s)-1] == 0 {
			s = s[:len(s)-1]
		}
		return s
	}
	for i := range xs {
		if want := trim(xs[i]) < trim(ys[i]); ndarray.At[bool](got, i) != want {
			t.Fatalf("less(%q, %q) = %v, want %v", xs[i], ys[i], !want, want)
		}
	}
}
