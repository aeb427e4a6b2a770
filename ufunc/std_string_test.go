package ufunc_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

func TestStringUfuncs(t *testing.T) {
	a := ndarray.MustFromStrings([]string{"apple", "b", "", "héllo"})
	b := ndarray.MustFromStrings([]string{"apple", "a", "x", "hello"})
	for _, c := range []struct {
		u    *ufunc.Ufunc
		want []bool
	}{
		{ufunc.Equal, []bool{true, false, false, false}},
		{ufunc.NotEqual, []bool{false, true, true, true}},
		{ufunc.Less, []bool{false, false, true, false}},
		{ufunc.LessEqual, []bool{true, false, true, false}},
		{ufunc.Greater, []bool{false, true, false, true}},
		{ufunc.GreaterEqual, []bool{true, true, false, true}},
	} {
		r, err := c.u.Call(a, b)
		if err != nil {
			t.Fatalf("%s: %v", c.u.Name(), err)
		}
		if got := ndarray.ToSlice[bool](r); !slices.Equal(got, c.want) {
			t.Errorf("%s = %v; want %v", c.u.Name(), got, c.want)
		}
		// twice: the second call comes from the resolution cache
		r, _ = c.u.Call(a, b)
		if got := ndarray.ToSlice[bool](r); !slices.Equal(got, c.want) {
			t.Errorf("%s (cached) = %v", c.u.Name(), got)
		}
	}
	cat, err := ufunc.Add.Call(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := cat.Strings(); !slices.Equal(got, []string{"appleapple", "ba", "x", "héllohello"}) {
		t.Errorf("add = %q", got)
	}
	// a Go string broadcasts as a 0-d string
	r, err := ufunc.Add.Call(a, "!")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := r.Strings(); !slices.Equal(got, []string{"apple!", "b!", "!", "héllo!"}) {
		t.Errorf("add scalar = %q", got)
	}
	eq, err := ufunc.Equal.Call(a, "b")
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[bool](eq); !slices.Equal(got, []bool{false, true, false, false}) {
		t.Errorf("equal to a Go string %v", got)
	}
	n, err := ufunc.StrLen.Call(a)
	if err != nil {
		t.Fatal(err)
	}
	// np.strings.str_len counts characters: héllo is 5
	if got := ndarray.ToSlice[int64](n); !slices.Equal(got, []int64{5, 1, 0, 5}) {
		t.Errorf("str_len %v", got)
	}
	// in place, into a strided view
	m := ndarray.MustFromStrings([]string{"a", "b", "c", "d"}, 2, 2)
	col, _ := m.Index(":, 0")
	if _, err := ufunc.Add.Call(col, col, ufunc.Out(col)); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Strings(); !slices.Equal(got, []string{"aa", "b", "cc", "d"}) {
		t.Errorf("in place add %q", got)
	}
	var le *ufunc.LoopError
	f, _ := ndarray.FromSlice([]float64{1, 2, 3, 4})
	if _, err := ufunc.Add.Call(a, f); !errors.As(err, &le) {
		t.Errorf("string + float64: %v", err)
	}
	if _, err := ufunc.Subtract.Call(a, b); err == nil {
		t.Error("string - string should fail")
	}
	if _, err := ufunc.Add.Reduce(a); !errors.As(err, &le) {
		t.Errorf("reduce of strings: %v", err)
	}
	var ve *dtype.ValueError
	if _, err := ufunc.Add.Call(a, "\xff"); !errors.As(err, &ve) {
		t.Errorf("invalid UTF-8 operand: %v", err)
	}
}

func TestCategoryEquality(t *testing.T) {
	ct, _ := dtype.Category([]string{"red", "green"})
	c, err := ndarray.MustFromStrings([]string{"green", "red", "green"}).AsType(ct, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	eq, err := ufunc.Equal.Call(c, "green")
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[bool](eq); !slices.Equal(got, []bool{true, false, true}) {
		t.Errorf("category == green: %v", got)
	}
	ne, err := ufunc.NotEqual.Call(ndarray.MustFromStrings([]string{"green", "blue", "red"}), c)
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[bool](ne); !slices.Equal(got, []bool{false, true, true}) {
		t.Errorf("strings != category: %v", got)
	}
	same, err := ufunc.Equal.Call(c, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[bool](same); !slices.Equal(got, []bool{true, true, true}) {
		t.Errorf("category == itself: %v", got)
	}
	var le *ufunc.LoopError
	if _, err := ufunc.Less.Call(c, "green"); !errors.As(err, &le) {
		t.Errorf("an unordered category has no less: %v", err)
	}
}
