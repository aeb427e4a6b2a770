package ufunc_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

func textOf(t *testing.T, dt dtype.DType, vals ...string) *ndarray.Array {
	t.Helper()
	if dt.Kind() == dtype.KindCategory {
		a, err := ndarray.MustFromStrings(vals).AsType(dt, dtype.Unsafe)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a, err := ndarray.FromStringsAs(dt, vals)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// bools returns a reader of a call's bool result, failing the test on an
// error.
func bools(t *testing.T) func(a *ndarray.Array, err error) []bool {
	return func(a *ndarray.Array, err error) []bool {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if a.DType() != dtype.Bool {
			t.Fatalf("result dtype %v, want bool", a.DType())
		}
		return ndarray.ToSlice[bool](a)
	}
}

// texts returns a reader of a call's text result, failing the test on an
// error.
func texts(t *testing.T) func(a *ndarray.Array, err error) []string {
	return func(a *ndarray.Array, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		s, err := a.Strings()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

// TestGoStringComparisons checks a Go string beside each text kind
// against NumPy's results for the same comparison with a str (or, for S,
// a bytes) scalar.
func TestGoStringComparisons(t *testing.T) {
	ct, _ := dtype.Category([]string{"red", "green"})
	tests := []struct {
		name string
		u    *ufunc.Ufunc
		x1   any
		x2   any
		want []bool
	}{
		// np.array(['a', 'b']) == 'a'
		{"U == str", ufunc.Equal, textOf(t, dtype.Unicode(0), "a", "b"), "a", []bool{true, false}},
		// np.array(['abc', 'ab', 'b']) < 'abc'
		{"U < longer str", ufunc.Less, textOf(t, dtype.Unicode(0), "abc", "ab", "b"), "abc", []bool{false, true, false}},
		// 'ab' >= np.array(['a', 'ab', 'abc'])
		{"str >= U", ufunc.GreaterEqual, "ab", textOf(t, dtype.Unicode(0), "a", "ab", "abc"), []bool{true, true, false}},
		// np.array(['héllo', 'hello']) == 'héllo': characters, not bytes
		{"U == non-ASCII str", ufunc.Equal, textOf(t, dtype.Unicode(0), "héllo", "hello"), "héllo", []bool{true, false}},
		// trailing NULs do not count: np.array(['a']) == 'a\0' is [True]
		{"U == str with NUL", ufunc.Equal, textOf(t, dtype.Unicode(0), "a", "a\x00b"), "a\x00", []bool{true, false}},
		// big-endian operands compare by value
		{"big-endian U != str", ufunc.NotEqual, textOf(t, dtype.MustParse(">U3"), "xyz", "xy"), "xy", []bool{true, false}},
		// np.array([b'a', b'b']) != b'a'
		{"S != str", ufunc.NotEqual, textOf(t, dtype.Bytes(0), "a", "b"), "a", []bool{false, true}},
		// np.array([b'ab', b'b']) > b'a'
		{"S > str", ufunc.Greater, textOf(t, dtype.Bytes(0), "ab", "a", ""), "a", []bool{true, false, false}},
		{"String == str", ufunc.Equal, textOf(t, dtype.String, "x", "héllo", ""), "héllo", []bool{false, true, false}},
		{"String <= str", ufunc.LessEqual, textOf(t, dtype.String, "a", "b", "c"), "b", []bool{true, true, false}},
		{"categorical == str", ufunc.Equal, textOf(t, ct, "green", "red", "green"), "green", []bool{true, false, true}},
		// a value that is not a category compares unequal everywhere
		{"categorical != unknown", ufunc.NotEqual, "blue", textOf(t, ct, "green", "red"), []bool{true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bools(t)(tt.u.Call(tt.x1, tt.x2))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}

	// alone, Go strings are NumPy's str scalars: np.equal('a', 'a') is True
	r, err := ufunc.Equal.Call("a", "a")
	if err != nil || r.NDim() != 0 || !ndarray.At[bool](r) {
		t.Errorf(`equal("a", "a") = %v, %v; want a 0-d true`, r, err)
	}
	// np.less('ab', 'b') is True
	if r, err := ufunc.Less.Call("ab", "b"); err != nil || !ndarray.At[bool](r) {
		t.Errorf(`less("ab", "b") = %v, %v; want true`, r, err)
	}
}

func TestGoStringOperandErrors(t *testing.T) {
	u := textOf(t, dtype.Unicode(0), "a", "b")
	s := textOf(t, dtype.Bytes(0), "a", "b")
	v := textOf(t, dtype.String, "a", "b")
	ct, _ := dtype.Category([]string{"a", "b"})
	c := textOf(t, ct, "a", "b")
	i, _ := ndarray.FromSlice([]int64{1, 2})
	f, _ := ndarray.FromSlice([]float64{1, 2})

	var dve *dtype.ValueError
	for _, tc := range []struct {
		name string
		x    *ndarray.Array
		s    string
	}{
		{"invalid UTF-8 beside U", u, "a\xff"},
		{"invalid UTF-8 beside String", v, "\xff"},
		// np.array([b'a']) == 'é' cannot encode the text as bytes
		{"non-ASCII beside S", s, "é"},
	} {
		if _, err := ufunc.Equal.Call(tc.x, tc.s); !errors.As(err, &dve) {
			t.Errorf("%s: got %v, want a *dtype.ValueError", tc.name, err)
		}
	}

	// NumPy has no loop for these: np.equal(np.array([1, 2]), 'a'),
	// np.add('a', 'b') and np.add(np.array(['a']), 'b') in NumPy 1.24
	var le *ufunc.LoopError
	for _, tc := range []struct {
		name   string
		u      *ufunc.Ufunc
		x1, x2 any
	}{
		{"int64 == str", ufunc.Equal, i, "a"},
		{"str < float64", ufunc.Less, "a", f},
		{"Go int == str", ufunc.Equal, 1, "a"},
		{"str + str", ufunc.Add, "a", "b"},
		{"U + str", ufunc.Add, u, "b"},
		{"S + str", ufunc.Add, s, "b"},
		{"categorical < str", ufunc.Less, c, "a"},
		{"categorical + str", ufunc.Add, c, "a"},
		{"String - str", ufunc.Subtract, v, "a"},
	} {
		if _, err := tc.u.Call(tc.x1, tc.x2); !errors.As(err, &le) {
			t.Errorf("%s: got %v, want a *LoopError", tc.name, err)
		}
	}
}

// TestMixedFixedAndVariableText checks U and S operands meeting String
// ones: they promote to String, as NumPy 2 promotes <U to StringDType.
func TestMixedFixedAndVariableText(t *testing.T) {
	if r, err := dtype.Promote(dtype.Unicode(3), dtype.String); err != nil || r != dtype.String {
		t.Fatalf("Promote(U3, String) = %v, %v", r, err)
	}
	u := textOf(t, dtype.Unicode(0), "a", "héllo", "b", "a\x00")
	big := textOf(t, dtype.MustParse(">U5"), "a", "héllo", "b", "a")
	s := textOf(t, dtype.Bytes(0), "a", "hello", "b", "a")
	v := textOf(t, dtype.String, "a", "hello", "c", "a")
	for _, x := range []*ndarray.Array{u, big, s} {
		if got := bools(t)(ufunc.Equal.Call(x, v)); !slices.Equal(got, []bool{true, x == s, false, true}) {
			t.Errorf("%v == String: %v", x.DType(), got)
		}
		if got := bools(t)(ufunc.Less.Call(v, x)); !slices.Equal(got, []bool{false, x != s, false, false}) {
			t.Errorf("String < %v: %v", x.DType(), got)
		}
	}
	// concatenation gives String whichever side the fixed width is on
	sum, err := ufunc.Add.Call(u, v)
	if err != nil || sum.DType() != dtype.String {
		t.Fatalf("U + String = %v, %v", sum, err)
	}
	if got := texts(t)(sum, nil); !slices.Equal(got, []string{"aa", "héllohello", "bc", "aa"}) {
		t.Errorf("U + String = %q", got)
	}
	if got := texts(t)(ufunc.Add.Call(v, big)); !slices.Equal(got, []string{"aa", "hellohéllo", "cb", "aa"}) {
		t.Errorf("String + >U5 = %q", got)
	}
	if got := texts(t)(ufunc.Add.Call(s, v)); !slices.Equal(got, []string{"aa", "hellohello", "bc", "aa"}) {
		t.Errorf("S + String = %q", got)
	}
	// a Go string beside String is String
	if got := texts(t)(ufunc.Add.Call("<", v)); !slices.Equal(got, []string{"<a", "<hello", "<c", "<a"}) {
		t.Errorf("str + String = %q", got)
	}
	// CharAdd (np.char.add) with String is the same concatenation
	if got := texts(t)(ufunc.CharAdd(u, v)); !slices.Equal(got, []string{"aa", "héllohello", "bc", "aa"}) {
		t.Errorf("CharAdd(U, String) = %q", got)
	}
	if got := texts(t)(ufunc.CharAdd(v, "!")); !slices.Equal(got, []string{"a!", "hello!", "c!", "a!"}) {
		t.Errorf("CharAdd(String, str) = %q", got)
	}
	// bytes that are not UTF-8 text do not become strings
	bad := textOf(t, dtype.Bytes(2), "a", "b", "c", "d")
	if err := ndarray.SetBytes(bad, []byte{0xff}, 1); err != nil {
		t.Fatal(err)
	}
	var dve *dtype.ValueError
	if _, err := ufunc.Add.Call(bad, v); !errors.As(err, &dve) {
		t.Errorf("S with byte 0xff + String: got %v, want a *dtype.ValueError", err)
	}
}

// TestCharAddGoString covers np.char.add with a str operand.
func TestCharAddGoString(t *testing.T) {
	// np.char.add(np.array(['a', 'bc']), '!') is ['a!', 'bc!'] (<U3)
	r, err := ufunc.CharAdd(textOf(t, dtype.Unicode(0), "a", "bc"), "!")
	if got := texts(t)(r, err); r.DType() != dtype.Unicode(3) || !slices.Equal(got, []string{"a!", "bc!"}) {
		t.Errorf("CharAdd(U2, str) = %v %q", r.DType(), got)
	}
	// np.char.add(b'<', np.array([b'a', b'bc'])) is [b'<a', b'<bc'] (|S3)
	r, err = ufunc.CharAdd("<", textOf(t, dtype.Bytes(0), "a", "bc"))
	if got := texts(t)(r, err); r.DType() != dtype.Bytes(3) || !slices.Equal(got, []string{"<a", "<bc"}) {
		t.Errorf("CharAdd(str, S2) = %v %q", r.DType(), got)
	}
}

func TestSelectText(t *testing.T) {
	cond, _ := ndarray.FromSlice([]bool{true, false, true})
	ct, _ := dtype.Category([]string{"lo", "hi"})
	i, _ := ndarray.FromSlice([]int64{1, 2, 3})
	tests := []struct {
		name   string
		x, y   any
		wantDT dtype.DType
		want   []string
	}{
		// np.where(c, np.array(['a', 'bb', 'c']), 'xyz') is <U3
		{"U and str", textOf(t, dtype.Unicode(0), "a", "bb", "c"), "xyz", dtype.Unicode(3), []string{"a", "xyz", "c"}},
		// np.where(c, np.array([b'a', b'bb', b'c']), b'xyz') is |S3
		{"S and str", textOf(t, dtype.Bytes(0), "a", "bb", "c"), "xyz", dtype.Bytes(3), []string{"a", "xyz", "c"}},
		// np.where(c, 'a', 'bc') is <U2
		{"str and str", "a", "bc", dtype.Unicode(2), []string{"a", "bc", "a"}},
		// np.where(c, np.array([1, 2, 3]), 'a') is <U21
		{"int64 and str", i, "a", dtype.Unicode(21), []string{"1", "a", "3"}},
		{"String and str", textOf(t, dtype.String, "a", "b", "c"), "héllo", dtype.String, []string{"a", "héllo", "c"}},
		{"U and String", textOf(t, dtype.Unicode(0), "a", "b", "c"), textOf(t, dtype.String, "x", "y", "z"), dtype.String, []string{"a", "y", "c"}},
		{"categorical and str", textOf(t, ct, "lo", "hi", "lo"), "other", dtype.String, []string{"lo", "other", "lo"}},
		{"one categorical", textOf(t, ct, "lo", "lo", "lo"), textOf(t, ct, "hi", "hi", "hi"), ct, []string{"lo", "hi", "lo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ufunc.Select(cond, tt.x, tt.y)
			got := texts(t)(r, err)
			if r.DType() != tt.wantDT || !slices.Equal(got, tt.want) {
				t.Errorf("got %v %q, want %v %q", r.DType(), got, tt.wantDT, tt.want)
			}
		})
	}
	var dve *dtype.ValueError
	if _, err := ufunc.Select(cond, textOf(t, dtype.Bytes(0), "a", "b", "c"), "é"); !errors.As(err, &dve) {
		t.Errorf("non-ASCII beside S: got %v, want a *dtype.ValueError", err)
	}
	var pe *dtype.PromotionError
	if _, err := ufunc.Select(cond, textOf(t, dtype.String, "a", "b", "c"), i); !errors.As(err, &pe) {
		t.Errorf("String and int64: got %v, want a *dtype.PromotionError", err)
	}
}

// TestLargeMixedText runs the String loops over more elements than
// ParallelThreshold, where they run on several goroutines at once.
func TestLargeMixedText(t *testing.T) {
	n := ufunc.ParallelThreshold + 1000
	uv := make([]string, n)
	sv := make([]string, n)
	for i := range n {
		uv[i] = string(rune('a' + i%26))
		sv[i] = string(rune('a' + (i/2)%26))
	}
	u := textOf(t, dtype.Unicode(0), uv...)
	v := textOf(t, dtype.String, sv...)
	eq := bools(t)(ufunc.Equal.Call(u, v))
	sum := texts(t)(ufunc.Add.Call(u, v))
	for i := range n {
		if eq[i] != (uv[i] == sv[i]) || sum[i] != uv[i]+sv[i] {
			t.Fatalf("element %d: equal %v, sum %q; want %v, %q", i, eq[i], sum[i], uv[i] == sv[i], uv[i]+sv[i])
		}
	}
	cond := ndarray.MustFromStrings(uv)
	c := bools(t)(ufunc.Equal.Call(cond, "b"))
	cb, _ := ndarray.FromSlice(c)
	w := texts(t)(ufunc.Select(cb, u, v))
	for i := range n {
		want := sv[i]
		if uv[i] == "b" {
			want = uv[i]
		}
		if w[i] != want {
			t.Fatalf("where element %d: %q, want %q", i, w[i], want)
		}
	}
}
