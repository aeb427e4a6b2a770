package ndarray_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

func mustStrings(t *testing.T, a *ndarray.Array) []string {
	t.Helper()
	s, err := a.Strings()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFromStrings(t *testing.T) {
	a, err := ndarray.FromStrings([]string{"a", "", "héllo", "日本"}, 2, 2)
	if err != nil {
		t.Fatal(err)
	}
	if a.DType() != dtype.String || !slices.Equal(a.Shape(), []int{2, 2}) {
		t.Fatalf("dtype %s shape %v", a.DType(), a.Shape())
	}
	if got := mustStrings(t, a); !slices.Equal(got, []string{"a", "", "héllo", "日本"}) {
		t.Errorf("Strings = %q", got)
	}
	if s, err := a.StringAt(1, 0); err != nil || s != "héllo" {
		t.Errorf("StringAt(1, 0) = %q %v", s, err)
	}
	if v, err := a.Item(1, 1); err != nil || v != "日本" {
		t.Errorf("Item(1, 1) = %v %v", v, err)
	}
	var ve *ndarray.ValueError
	if _, err := ndarray.FromStrings([]string{"ok", "\xff\xfe"}); !errors.As(err, &ve) {
		t.Errorf("invalid UTF-8: %v", err)
	}
	var se *ndarray.ShapeError
	if _, err := ndarray.FromStrings([]string{"a"}, 2); !errors.As(err, &se) {
		t.Errorf("shape mismatch: %v", err)
	}
	var dve *dtype.ValueError
	if err := a.SetString("\xc3", 0, 0); !errors.As(err, &dve) {
		t.Errorf("SetString invalid UTF-8: %v", err)
	}
	if _, err := a.StringAt(2, 0); err == nil {
		t.Error("out of range index")
	}
	f, _ := ndarray.FromSlice([]float64{1})
	if _, err := f.Strings(); !errors.As(err, &ve) {
		t.Errorf("Strings of float64: %v", err)
	}
}

func TestStringViewsShareArena(t *testing.T) {
	a := ndarray.MustFromStrings([]string{"x", "yy", "zzz", "w"})
	v, err := a.Index("1:3")
	if err != nil {
		t.Fatal(err)
	}
	if v.StringArena() != a.StringArena() {
		t.Error("a view does not share the arena")
	}
	if err := v.SetString("new", 0); err != nil {
		t.Fatal(err)
	}
	if got := mustStrings(t, a); !slices.Equal(got, []string{"x", "new", "zzz", "w"}) {
		t.Errorf("after writing through a view: %q", got)
	}
	r, _ := a.Reshape(2, 2)
	tr := r.Transpose()
	if got := mustStrings(t, tr); !slices.Equal(got, []string{"x", "zzz", "new", "w"}) {
		t.Errorf("transpose: %q", got)
	}
	c := tr.Copy()
	if got := mustStrings(t, c); !slices.Equal(got, []string{"x", "zzz", "new", "w"}) {
		t.Errorf("copy: %q", got)
	}
	// writing the copy leaves the original alone
	if err := c.SetString("changed", 0, 0); err != nil {
		t.Fatal(err)
	}
	if s, _ := a.StringAt(0); s != "x" {
		t.Errorf("original changed to %q", s)
	}
}

func TestStringConcatenateTake(t *testing.T) {
	a := ndarray.MustFromStrings([]string{"a", "b"})
	b := ndarray.MustFromStrings([]string{"c", "dd", "e"})
	c, err := ndarray.Concatenate([]*ndarray.Array{a, b}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustStrings(t, c); !slices.Equal(got, []string{"a", "b", "c", "dd", "e"}) {
		t.Errorf("concatenate: %q", got)
	}
	idx, _ := ndarray.FromSlice([]int64{4, 0, 3})
	tk, err := ndarray.Take(c, idx, 0, ndarray.ModeRaise)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustStrings(t, tk); !slices.Equal(got, []string{"e", "a", "dd"}) {
		t.Errorf("take: %q", got)
	}
	rp, err := ndarray.Repeat(a, []int{2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustStrings(t, rp); !slices.Equal(got, []string{"a", "a", "b", "b"}) {
		t.Errorf("repeat: %q", got)
	}
	// copying between arrays with their own arenas copies the text
	dst := ndarray.MustFromStrings([]string{"p", "q"})
	head, _ := b.Index("0:2")
	if err := dst.CopyFrom(head, dtype.Unsafe); err != nil {
		t.Fatal(err)
	}
	if got := mustStrings(t, dst); !slices.Equal(got, []string{"c", "dd"}) {
		t.Errorf("copy from: %q", got)
	}
}

func TestStringConversions(t *testing.T) {
	f, _ := ndarray.FromSlice([]float64{1, 0.1, 1e20, -2.5})
	s, err := f.AsType(dtype.String, dtype.Safe)
	if err != nil {
		t.Fatal(err)
	}
	// NumPy 2: np.array([1, 0.1, 1e20, -2.5]).astype(StringDType())
	if got := mustStrings(t, s); !slices.Equal(got, []string{"1.0", "0.1", "1e+20", "-2.5"}) {
		t.Errorf("float64 → string: %q", got)
	}
	// float16 and float32 values in the shortest digits of their own
	// type, as str() of np.float16(0.1) and np.float32(0.1) writes them
	h, _ := ndarray.FromSlice([]float16.Float16{float16.Fromfloat32(0.1), float16.Fromfloat32(65504)})
	if got := mustStrings(t, must(h.AsType(dtype.String, dtype.Safe))); !slices.Equal(got, []string{"0.1", "65500.0"}) {
		t.Errorf("float16 → string: %q", got)
	}
	g, _ := ndarray.FromSlice([]float32{0.1, 1e-5})
	if got := mustStrings(t, must(g.AsType(dtype.String, dtype.Safe))); !slices.Equal(got, []string{"0.1", "1e-05"}) {
		t.Errorf("float32 → string: %q", got)
	}
	i, _ := ndarray.FromSlice([]int32{-7, 42})
	if got := mustStrings(t, must(i.AsType(dtype.String, dtype.Safe))); !slices.Equal(got, []string{"-7", "42"}) {
		t.Errorf("int32 → string: %q", got)
	}
	bl, _ := ndarray.FromSlice([]bool{true, false})
	if got := mustStrings(t, must(bl.AsType(dtype.String, dtype.Safe))); !slices.Equal(got, []string{"True", "False"}) {
		t.Errorf("bool → string: %q", got)
	}
	txt := ndarray.MustFromStrings([]string{"1.5", " -2 ", "1e3"})
	back, err := txt.AsType(dtype.Float64, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[float64](back); !slices.Equal(got, []float64{1.5, -2, 1000}) {
		t.Errorf("string → float64: %v", got)
	}
	var ce *dtype.CastError
	if _, err := txt.AsType(dtype.Float64, dtype.SameKind); !errors.As(err, &ce) {
		t.Errorf("string → float64 under same_kind: %v", err)
	}
	var ve *ndarray.ValueError
	if _, err := ndarray.MustFromStrings([]string{"x1"}).AsType(dtype.Int64, dtype.Unsafe); !errors.As(err, &ve) {
		t.Errorf("parsing x1 as int64: %v", err)
	}
	u, err := ndarray.MustFromStrings([]string{"héllo", "ab"}).AsType(dtype.Unicode(3), dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	us, err := u.AsType(dtype.String, dtype.Safe)
	if err != nil {
		t.Fatal(err)
	}
	// NumPy truncates to the width: 'hél'
	if got := mustStrings(t, us); !slices.Equal(got, []string{"hél", "ab"}) {
		t.Errorf("string → U3 → string: %q", got)
	}
}

func must(a *ndarray.Array, err error) *ndarray.Array {
	if err != nil {
		panic(err)
	}
	return a
}

func TestStringSort(t *testing.T) {
	a := ndarray.MustFromStrings([]string{"pear", "apple", "Zoo", "", "äpfel", "apple"}, 2, 3)
	s, err := ndarray.Sort(a, -1)
	if err != nil {
		t.Fatal(err)
	}
	// code point order: "" < "Zoo" < "apple" < "pear" < "äpfel"
	if got := mustStrings(t, s); !slices.Equal(got, []string{"Zoo", "apple", "pear", "", "apple", "äpfel"}) {
		t.Errorf("sort rows: %q", got)
	}
	f, err := ndarray.SortFlat(a)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustStrings(t, f); !slices.Equal(got, []string{"", "Zoo", "apple", "apple", "pear", "äpfel"}) {
		t.Errorf("sort flat: %q", got)
	}
	as, err := ndarray.ArgSort(a, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[int64](as); !slices.Equal(got, []int64{1, 0, 0, 0, 1, 1}) {
		t.Errorf("argsort axis 0: %v", got)
	}
}

func TestCategoryArrays(t *testing.T) {
	ct, err := dtype.Category([]string{"lo", "hi"})
	if err != nil {
		t.Fatal(err)
	}
	txt := ndarray.MustFromStrings([]string{"hi", "lo", "hi"})
	c, err := txt.AsType(ct, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	if c.DType() != ct || c.ItemSize() != 1 {
		t.Errorf("dtype %s itemsize %d", c.DType(), c.ItemSize())
	}
	if got := mustStrings(t, c); !slices.Equal(got, []string{"hi", "lo", "hi"}) {
		t.Errorf("read back %q", got)
	}
	var ve *ndarray.ValueError
	if _, err := ndarray.MustFromStrings([]string{"mid"}).AsType(ct, dtype.Unsafe); !errors.As(err, &ve) {
		t.Errorf("unknown category: %v", err)
	}
	var dve *dtype.ValueError
	if err := c.SetString("mid", 0); !errors.As(err, &dve) {
		t.Errorf("SetString unknown category: %v", err)
	}
	if err := c.SetString("lo", 0); err != nil {
		t.Fatal(err)
	}
	if v, _ := c.Item(0); v != "lo" {
		t.Errorf("Item(0) = %v", v)
	}
	back, err := c.AsType(dtype.String, dtype.Safe)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustStrings(t, back); !slices.Equal(got, []string{"lo", "lo", "hi"}) {
		t.Errorf("category → string: %q", got)
	}
}

func TestTextPrinting(t *testing.T) {
	a := ndarray.MustFromStrings([]string{"a", "it's"})
	o, _ := ndarray.FromOptional([]float64{1, 2}, []bool{true, false})
	ct, _ := dtype.Category([]string{"x", "y"})
	c, _ := ndarray.Zeros(ct, 2)
	for _, tc := range []struct {
		a    *ndarray.Array
		want string
	}{
		{a, `['a' "it's"]`}, // NumPy prints StringDType arrays so
		{o, "[1.0 NA]"},
		{c, "['x' 'x']"},
	} {
		if got := fmt.Sprintf("%v", tc.a); got != tc.want {
			t.Errorf("%%v = %s; want %s", got, tc.want)
		}
	}
}
