package ndarray

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func mustStrings(t *testing.T, dt dtype.DType, vals ...string) *Array {
	t.Helper()
	a, err := FromStringsAs(dt, vals)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func stringsOf(t *testing.T, a *Array) []string {
	t.Helper()
	var out []string
	for i := range a.Size() {
		s, err := a.Ravel().StringAt(i)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func (a *Array) int64sForTest() []int64 {
	out := make([]int64, a.Size())
	for i := range out {
		out[i] = At[int64](a, i)
	}
	return out
}

func TestFromStringsAs(t *testing.T) {
	a := mustStrings(t, dtype.Unicode(0), "ab", "", "😀xy", "a\x00b")
	if a.DType() != dtype.Unicode(3) {
		t.Fatalf("dtype %v, want U3 (the longest value)", a.DType())
	}
	if got := stringsOf(t, a); !slices.Equal(got, []string{"ab", "", "😀xy", "a\x00b"}) {
		t.Errorf("values %q", got)
	}
	b := mustStrings(t, dtype.Bytes(2), "abc", "x")
	if got := stringsOf(t, b); !slices.Equal(got, []string{"ab", "x"}) {
		t.Errorf("S2 values %q (NumPy truncates)", got)
	}
	if e := mustStrings(t, dtype.Bytes(0), ""); e.DType() != dtype.Bytes(1) {
		t.Errorf("empty values: dtype %v, want S1", e.DType())
	}
	f, err := FromStringsAs(dtype.Float64, []string{" 1.5", "1_000", "-inf"})
	if err != nil || At[float64](f, 0) != 1.5 || At[float64](f, 1) != 1000 || At[float64](f, 2) > -1e308 {
		t.Errorf("float64 from text: %v, %v", f, err)
	}

	var ve *dtype.ValueError
	if _, err := FromStringsAs(dtype.Unicode(3), []string{"a\xff"}); !errors.As(err, &ve) {
		t.Errorf("invalid UTF-8 for U: got %v, want a *dtype.ValueError", err)
	}
	if _, err := FromStringsAs(dtype.Bytes(3), []string{"é"}); !errors.As(err, &ve) {
		t.Errorf("non-ASCII for S: got %v, want a *dtype.ValueError", err)
	}
	if _, err := FromStringsAs(dtype.Int64, []string{"1.5"}); !errors.As(err, &ve) {
		t.Errorf("1.5 as int64: got %v, want a *dtype.ValueError", err)
	}
	var se *ShapeError
	if _, err := FromStringsAs(dtype.Unicode(1), []string{"a", "b"}, 3); !errors.As(err, &se) {
		t.Errorf("bad shape: got %v, want a *ShapeError", err)
	}
}

func TestSetStringAndBytes(t *testing.T) {
	a := mustStrings(t, dtype.Unicode(3), "abc", "x")
	if err := a.SetString("wxyz", 1); err != nil {
		t.Fatal(err)
	}
	if s, _ := a.StringAt(1); s != "wxy" {
		t.Errorf("after SetString: %q, want wxy", s)
	}
	var ve *dtype.ValueError
	if err := SetBytes(a, []byte{0xff}, 0); !errors.As(err, &ve) {
		t.Errorf("byte 0xff into U: got %v, want a *dtype.ValueError", err)
	}
	b := mustStrings(t, dtype.Bytes(2), "ab")
	if err := SetBytes(b, []byte{0xff, 0}, 0); err != nil {
		t.Fatal(err)
	}
	if s, _ := b.StringAt(0); s != "\xff" {
		t.Errorf("bytes value %q, want \\xff", s)
	}
	if err := b.SetString("é", 0); !errors.As(err, &ve) {
		t.Errorf("non-ASCII text into S: got %v, want a *dtype.ValueError", err)
	}
	var ie *IndexError
	if _, err := b.StringAt(5); !errors.As(err, &ie) {
		t.Errorf("StringAt out of range: got %v, want an *IndexError", err)
	}
	if v, err := a.Item(0); err != nil || v != "abc" {
		t.Errorf("Item(0) = %v, %v; want \"abc\"", v, err)
	}
}

func TestStringAsTypeUnsized(t *testing.T) {
	i, _ := FromSlice([]int64{12, -3, -9223372036854775808})
	u, err := i.AsType(dtype.Unicode(0), dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	if u.DType() != dtype.Unicode(21) {
		t.Errorf("int64 -> U: dtype %v, want U21", u.DType())
	}
	if got := stringsOf(t, u); !slices.Equal(got, []string{"12", "-3", "-9223372036854775808"}) {
		t.Errorf("int64 -> U: %q", got)
	}
	s := mustStrings(t, dtype.Bytes(3), "abc", "\x7f")
	back, err := s.AsType(dtype.Unicode(0), dtype.Safe)
	if err != nil || back.DType() != dtype.Unicode(3) {
		t.Errorf("S3 -> U: %v, %v", back, err)
	}
	var ce *dtype.CastError
	if _, err := mustStrings(t, dtype.Unicode(3), "abc").AsType(dtype.Bytes(3), dtype.SameKind); !errors.As(err, &ce) {
		t.Errorf("U3 -> S3 same_kind: got %v, want a *dtype.CastError", err)
	}
}

func TestSortStrings(t *testing.T) {
	// np.sort / np.argsort(kind="stable") of NumPy 1.24 (corpus cases)
	vals := []string{"b", "a", "", "ab", "B", "a\x00b", "😀", "\uffff", "a", "b", "é", "e", "E", "z"}
	a := mustStrings(t, dtype.Unicode(3), vals...)
	s, err := Sort(a, -1)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"", "B", "E", "a", "a", "a\x00b", "ab", "b", "b", "e", "z", "é", "\uffff", "😀"}
	if got := stringsOf(t, s); !slices.Equal(got, want) {
		t.Errorf("sort: %q\nwant %q", got, want)
	}
	idx, err := ArgSort(a, -1)
	if err != nil {
		t.Fatal(err)
	}
	if got := idx.int64sForTest(); !slices.Equal(got, []int64{2, 4, 12, 1, 8, 5, 3, 0, 9, 11, 13, 10, 7, 6}) {
		t.Errorf("argsort: %v", got)
	}
	// byte order does not change the order
	be, _ := a.AsType(dtype.Unicode(3).WithByteOrder(dtype.BigEndian), dtype.Unsafe)
	sb, err := Sort(be, 0)
	if err != nil || sb.DType() != be.DType() {
		t.Fatalf("big-endian sort: %v, %v", sb, err)
	}
	if got := stringsOf(t, sb); !slices.Equal(got, want) {
		t.Errorf("big-endian sort: %q", got)
	}

	b := mustStrings(t, dtype.Bytes(2), "b", "a", "", "A", "a")
	if err := SetBytes(b, []byte{0xff}, 1); err != nil {
		t.Fatal(err)
	}
	u, err := Unique(b, UniqueOptions{ReturnIndex: true, ReturnInverse: true, ReturnCounts: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := stringsOf(t, u.Values); !slices.Equal(got, []string{"", "A", "a", "b", "\xff"}) {
		t.Errorf("unique values %q", got)
	}
	if !slices.Equal(u.Index.int64sForTest(), []int64{2, 3, 4, 0, 1}) || !slices.Equal(u.Inverse.int64sForTest(), []int64{3, 4, 0, 1, 2}) ||
		!slices.Equal(u.Counts.int64sForTest(), []int64{1, 1, 1, 1, 1}) {
		t.Errorf("unique index %v inverse %v counts %v", u.Index.int64sForTest(), u.Inverse.int64sForTest(), u.Counts.int64sForTest())
	}
}

func TestFormatStrings(t *testing.T) {
	a := mustStrings(t, dtype.Unicode(0), "a", "bc", "it's", "tab\t", "é\u00a0")
	if got, want := fmt.Sprint(a), `['a' 'bc' "it's" 'tab\t' 'é\xa0']`; got != want {
		t.Errorf("print: %s, want %s", got, want)
	}
	if got, want := a.String(), `array(['a', 'bc', "it's", 'tab\t', 'é\xa0'], dtype='<U4', shape=(5,))`; got != want {
		t.Errorf("repr: %s\nwant %s", got, want)
	}
	b := mustStrings(t, dtype.Bytes(2), "a", "bc")
	_ = SetBytes(b, []byte{0xff, '\''}, 1)
	if got, want := fmt.Sprint(b), `[b'a' b"\xff'"]`; got != want {
		t.Errorf("print bytes: %s, want %s", got, want)
	}
	z, _ := mustStrings(t, dtype.Unicode(3), "abc").Reshape()
	if got := fmt.Sprint(z); got != "abc" {
		t.Errorf("0-d print: %s, want abc", got)
	}
}

func TestStringsNPYRoundTrip(t *testing.T) {
	for _, dt := range []dtype.DType{dtype.Unicode(3), dtype.Unicode(3).WithByteOrder(dtype.BigEndian), dtype.Bytes(2)} {
		a, err := FromStringsAs(dt, []string{"ab", "", "a\x00b"[:min(3, dt.Width())]})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := a.WriteNPY(&buf); err != nil {
			t.Fatalf("%v: write: %v", dt, err)
		}
		b, err := ReadNPY(&buf)
		if err != nil {
			t.Fatalf("%v: read: %v", dt, err)
		}
		if b.DType() != dt || !slices.Equal(stringsOf(t, b), stringsOf(t, a)) {
			t.Errorf("%v: read back %v %q, want %q", dt, b.DType(), stringsOf(t, b), stringsOf(t, a))
		}
	}
}

func TestSearchSortedStrings(t *testing.T) {
	a := mustStrings(t, dtype.Unicode(2), "", "a", "ab", "b", "é")
	v := mustStrings(t, dtype.Bytes(2), "a", "aa", "c", "")
	for _, c := range []struct {
		side Side
		want []int64
	}{{Left, []int64{1, 2, 4, 0}}, {Right, []int64{2, 2, 4, 1}}} {
		got, err := SearchSorted(a, v, c.side)
		if err != nil || !slices.Equal(got.int64sForTest(), c.want) {
			t.Errorf("searchsorted side %v = %v, %v; want %v", c.side, got, err, c.want)
		}
	}
}
