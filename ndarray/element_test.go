package ndarray

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

func TestAtSet(t *testing.T) {
	a := arange(t, 6, 2, 3)
	if got := At[int64](a, 1, 2); got != 5 {
		t.Errorf("At(1, 2) = %d, want 5", got)
	}
	if got := At[int64](a, -1, -3); got != 3 {
		t.Errorf("At(-1, -3) = %d, want 3", got)
	}
	Set(a, int64(42), 0, -1)
	if got := ToSlice[int64](a); !slices.Equal(got, []int64{0, 1, 42, 3, 4, 5}) {
		t.Errorf("after Set: %v", got)
	}
	s := Scalar(2.5)
	if At[float64](s) != 2.5 || s.NDim() != 0 || s.Size() != 1 {
		t.Errorf("0-d access failed")
	}
	// int is int64 on 64-bit platforms
	if got := At[int](a, 1, 1); got != 4 {
		t.Errorf("At[int] = %d", got)
	}
}

func mustPanic(t *testing.T, name, want string, f func()) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Errorf("%s did not panic", name)
			return
		}
		msg := ""
		switch v := r.(type) {
		case error:
			msg = v.Error()
		case string:
			msg = v
		}
		if !strings.Contains(msg, want) {
			t.Errorf("%s panicked with %q, want it to mention %q", name, msg, want)
		}
	}()
	f()
}

func TestAtSetPanics(t *testing.T) {
	a := arange(t, 6, 2, 3)
	mustPanic(t, "out of range", "index 3 is out of bounds for axis 1 with size 3", func() { At[int64](a, 0, 3) })
	mustPanic(t, "too few indices", "1 indices given for an array of dimension 2", func() { At[int64](a, 0) })
	mustPanic(t, "wrong type", "At[float64] on an array of int64", func() { At[float64](a, 0, 0) })
	b, _ := a.BroadcastTo(2, 2, 3)
	mustPanic(t, "read-only", "read-only", func() { Set(b, int64(1), 0, 0, 0) })
}

func TestByteSwappedAccess(t *testing.T) {
	be := dtype.Int32.WithByteOrder(dtype.BigEndian)
	a, err := Zeros(be, 2)
	if err != nil {
		t.Fatal(err)
	}
	Set(a, int32(0x01020304), 1)
	if got := a.Bytes()[4:8]; string(got) != "\x01\x02\x03\x04" {
		t.Errorf("big-endian bytes = % x", got)
	}
	if At[int32](a, 1) != 0x01020304 {
		t.Errorf("At read back %#x", At[int32](a, 1))
	}
	if v, _ := a.Item(1); v != int32(0x01020304) {
		t.Errorf("Item = %v", v)
	}
	c, _ := Zeros(dtype.Complex128.WithByteOrder(dtype.BigEndian), 1)
	Set(c, complex(1.5, -2), 0)
	if At[complex128](c, 0) != complex(1.5, -2) || c.Bytes()[0] != 0x3f {
		t.Errorf("big-endian complex round trip failed")
	}
}

func TestItem(t *testing.T) {
	h, _ := FromSlice([]float16.Float16{float16.Fromfloat32(1.5)})
	v, err := h.Item()
	if err != nil || v != float16.Fromfloat32(1.5) {
		t.Errorf("Item of float16 = %v (%T), %v", v, v, err)
	}
	a := arange(t, 6, 2, 3)
	if _, err := a.Item(); err == nil {
		t.Errorf("Item() of a size-6 array succeeded")
	} else if ve := new(ValueError); !errors.As(err, &ve) {
		t.Errorf("Item() error %T", err)
	}
	var ie *IndexError
	if _, err := a.Item(2, 0); !errors.As(err, &ie) {
		t.Errorf("Item(2, 0) error = %v", err)
	}
	b, _ := FromSlice([]bool{true})
	if v, _ := b.Item(0); v != true {
		t.Errorf("bool Item = %v", v)
	}
}

func TestIteration(t *testing.T) {
	a := arange(t, 6, 2, 3).T() // elements in C order of the transpose
	var pos []int
	var vals []any
	for i, v := range a.All() {
		pos = append(pos, i)
		vals = append(vals, v)
	}
	if !slices.Equal(pos, []int{0, 1, 2, 3, 4, 5}) {
		t.Errorf("positions %v", pos)
	}
	want := []any{int64(0), int64(3), int64(1), int64(4), int64(2), int64(5)}
	if !slices.Equal(vals, want) {
		t.Errorf("All = %v, want %v", vals, want)
	}
	var got []int64
	for _, v := range Values[int64](a) {
		got = append(got, v)
		if len(got) == 4 {
			break // early stop must be honoured
		}
	}
	if !slices.Equal(got, []int64{0, 3, 1, 4}) {
		t.Errorf("Values with break = %v", got)
	}
	e, _ := Zeros(dtype.Int64, 0, 3)
	for range e.All() {
		t.Errorf("an empty array yielded an element")
	}
	n := 0
	for range Scalar(int8(3)).All() {
		n++
	}
	if n != 1 {
		t.Errorf("a 0-d array yielded %d elements", n)
	}
}
