package dtype_test

import (
	"errors"
	"strconv"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

func TestCategory(t *testing.T) {
	c, err := dtype.Category([]string{"a", "b", "it's"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind() != dtype.KindCategory || c.CodeType() != dtype.Int8 || c.Size() != 1 {
		t.Errorf("kind %v code %s size %d", c.Kind(), c.CodeType(), c.Size())
	}
	if want := `categorical[['a', 'b', "it's"], type=string, ordered=False]`; c.Datashape() != want {
		t.Errorf("Datashape = %s; want %s", c.Datashape(), want)
	}
	if code, ok := c.CategoryCode("b"); !ok || code != 1 {
		t.Errorf("CategoryCode(b) = %d %v", code, ok)
	}
	if _, ok := c.CategoryCode("z"); ok {
		t.Error("z is not a category")
	}
	if v, ok := c.Category(2); !ok || v != "it's" {
		t.Errorf("Category(2) = %q", v)
	}
	again, _ := dtype.Category([]string{"a", "b", "it's"})
	if again != c {
		t.Error("equal lists give different types")
	}
	var ve *dtype.ValueError
	if _, err := dtype.Category([]string{"x", "x"}); !errors.As(err, &ve) {
		t.Errorf("duplicate value: %v", err)
	}
}

func TestCategoryCodeWidth(t *testing.T) {
	for _, c := range []struct {
		n    int
		code dtype.DType
	}{{0, dtype.Int8}, {128, dtype.Int8}, {129, dtype.Int16}, {32768, dtype.Int16}, {32769, dtype.Int32}} {
		vals := make([]string, c.n)
		for i := range vals {
			vals[i] = strconv.Itoa(i)
		}
		d, err := dtype.Category(vals)
		if err != nil || d.CodeType() != c.code {
			t.Errorf("%d values: code type %s, %v; want %s", c.n, d.CodeType(), err, c.code)
		}
	}
}

func TestCategoryCasts(t *testing.T) {
	ab, _ := dtype.Category([]string{"a", "b"})
	bca, _ := dtype.Category([]string{"b", "c", "a"})
	if !dtype.CanCast(ab, bca, dtype.Safe) || dtype.CanCast(bca, ab, dtype.Safe) {
		t.Error("a subset casts safely, a superset does not")
	}
	src := []int8{0, 1, 0}
	dst := make([]int8, 3)
	loop, err := dtype.GetCast(ab, bca)
	if err != nil {
		t.Fatal(err)
	}
	loop(unsafe.Pointer(&dst[0]), 1, unsafe.Pointer(&src[0]), 1, 3)
	if dst[0] != 2 || dst[1] != 0 || dst[2] != 2 {
		t.Errorf("remapped codes %v; want [2 0 2]", dst)
	}
	checked, err := dtype.GetCheckedCast(bca, ab)
	if err != nil {
		t.Fatal(err)
	}
	in := []int8{1} // "c"
	var ve *dtype.ValueError
	if err := checked(unsafe.Pointer(&dst[0]), 1, unsafe.Pointer(&in[0]), 1, 1); !errors.As(err, &ve) {
		t.Errorf("c is not a category of [a b]: %v", err)
	}
	if r, err := dtype.Promote(ab, dtype.String); err != nil || r != dtype.String {
		t.Errorf("Promote(category, string) = %v %v", r, err)
	}
}

func TestStringType(t *testing.T) {
	s := dtype.String
	if s.Kind() != dtype.KindString || s.Size() != 16 || s.Datashape() != "string" || s.Alignment() != 8 {
		t.Errorf("String: kind %v size %d datashape %s", s.Kind(), s.Size(), s.Datashape())
	}
	if !dtype.CanCast(dtype.Int64, s, dtype.Safe) || dtype.CanCast(s, dtype.Int64, dtype.SameKind) || !dtype.CanCast(s, dtype.Int64, dtype.Unsafe) {
		t.Error("numbers cast to strings safely; strings parse to numbers only unsafely")
	}
	if r, err := dtype.Promote(s, s); err != nil || r != s {
		t.Errorf("Promote(string, string) = %v %v", r, err)
	}
	var pe *dtype.PromotionError
	if _, err := dtype.Promote(s, dtype.Float64); !errors.As(err, &pe) {
		t.Errorf("Promote(string, float64): %v", err)
	}
	var ce *dtype.CastError
	if _, err := dtype.GetCast(s, dtype.Float64); !errors.As(err, &ce) {
		t.Errorf("GetCast(string, float64) needs the arena: %v", err)
	}
}
