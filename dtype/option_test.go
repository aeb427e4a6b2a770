package dtype_test

import (
	"errors"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

func TestOptionLayout(t *testing.T) {
	for _, c := range []struct {
		value       dtype.DType
		size, align int
		name        string
	}{
		{dtype.Float64, 16, 8, "?float64"},
		{dtype.Int32, 8, 4, "?int32"},
		{dtype.Bool, 2, 1, "?bool"},
		{dtype.Int8, 2, 1, "?int8"},
		{dtype.Complex128, 24, 8, "?complex128"},
		{dtype.String, 24, 8, "?string"},
	} {
		o := dtype.Option(c.value)
		if o.Kind() != dtype.KindOption || o.Size() != c.size || o.Alignment() != c.align || o.Datashape() != c.name {
			t.Errorf("Option(%s): kind %v size %d align %d datashape %q; want size %d align %d %q",
				c.value, o.Kind(), o.Size(), o.Alignment(), o.Datashape(), c.size, c.align, c.name)
		}
		if o.Elem() != c.value || o.ValidOffset() != c.value.Size() {
			t.Errorf("Option(%s): Elem %s ValidOffset %d", c.value, o.Elem(), o.ValidOffset())
		}
		if dtype.Option(c.value) != o {
			t.Errorf("Option(%s) is not interned", c.value)
		}
		if dtype.Option(o) != o {
			t.Errorf("Option(Option(%s)) should be Option(%s)", c.value, c.value)
		}
	}
	if dtype.Option(dtype.DType{}).IsValid() {
		t.Error("Option of the zero DType should be invalid")
	}
	if dtype.Int32.Elem().IsValid() || dtype.Int32.ValidOffset() != -1 {
		t.Error("a plain type has no option parts")
	}
}

func TestOptionByteOrder(t *testing.T) {
	be := dtype.Float64.WithByteOrder(dtype.BigEndian)
	le := dtype.Float64.WithByteOrder(dtype.LittleEndian)
	ob, ol := dtype.Option(be), dtype.Option(le)
	if ob == ol {
		t.Fatal("options of both byte orders are the same type")
	}
	if ob.Elem() != be || ol.Elem() != le {
		t.Errorf("Elem: %s %s", ob.Elem(), ol.Elem())
	}
	if ob.Native() != dtype.Option(dtype.Float64) || ol.Native() != dtype.Option(dtype.Float64) {
		t.Errorf("Native of %s is %s", ob, ob.Native())
	}
}

func TestOptionParse(t *testing.T) {
	d, err := dtype.Parse("?f8")
	if err != nil || d != dtype.Option(dtype.Float64) {
		t.Errorf(`Parse("?f8") = %v, %v`, d, err)
	}
	if d, err := dtype.Parse("?"); err != nil || d != dtype.Bool {
		t.Errorf(`Parse("?") = %v, %v; want bool`, d, err)
	}
	var pe *dtype.ParseError
	if _, err := dtype.Parse("?nope"); !errors.As(err, &pe) {
		t.Errorf(`Parse("?nope") error %v`, err)
	}
}

// An option's type string is "?" and its value type's, and parses back
// to the same option (the fuzz seed "?a00" once gave "|?1").
func TestOptionStr(t *testing.T) {
	s0, err := dtype.Parse("S0")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		d    dtype.DType
		want string
	}{
		{dtype.Option(dtype.Float64.WithByteOrder(dtype.LittleEndian)), "?<f8"},
		{dtype.Option(dtype.Int32.WithByteOrder(dtype.BigEndian)), "?>i4"},
		{dtype.Option(dtype.Bool), "?|b1"},
		{dtype.Option(s0), "?|S0"},
	} {
		if got := c.d.Str(); got != c.want {
			t.Errorf("%v.Str() = %q, want %q", c.d, got, c.want)
		}
		if back, err := dtype.Parse(c.d.Str()); err != nil || back != c.d {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.d.Str(), back, err, c.d)
		}
	}
}

func TestOptionPromote(t *testing.T) {
	oi32, of64 := dtype.Option(dtype.Int32), dtype.Option(dtype.Float64)
	for _, c := range []struct{ a, b, want dtype.DType }{
		{oi32, dtype.Int32, oi32},
		{oi32, dtype.Float32, of64}, // int32 with float32 is float64, as NumPy
		{dtype.Int8, oi32, oi32},
		{oi32, of64, of64},
		{dtype.Option(dtype.Uint8), dtype.Int8, dtype.Option(dtype.Int16)},
	} {
		got, err := dtype.Promote(c.a, c.b)
		if err != nil || got != c.want {
			t.Errorf("Promote(%s, %s) = %v, %v; want %s", c.a, c.b, got, err, c.want)
		}
	}
	var pe *dtype.PromotionError
	if _, err := dtype.Promote(dtype.Option(dtype.Float64), dtype.String); !errors.As(err, &pe) {
		t.Errorf("Promote(?float64, string) error %v", err)
	}
}

func TestOptionCanCast(t *testing.T) {
	oi32, of64 := dtype.Option(dtype.Int32), dtype.Option(dtype.Float64)
	for _, c := range []struct {
		from, to dtype.DType
		casting  dtype.Casting
		want     bool
	}{
		{dtype.Int32, oi32, dtype.Safe, true},
		{dtype.Int32, of64, dtype.Safe, true},
		{dtype.Float64, oi32, dtype.Safe, false},
		{dtype.Float64, oi32, dtype.Unsafe, true},
		{oi32, of64, dtype.Safe, true},
		{of64, oi32, dtype.SameKind, false},
		{oi32, dtype.Int32, dtype.SameKind, false},
		{oi32, dtype.Int32, dtype.Unsafe, true},
	} {
		if got := dtype.CanCast(c.from, c.to, c.casting); got != c.want {
			t.Errorf("CanCast(%s, %s, %s) = %v", c.from, c.to, c.casting, got)
		}
	}
}

// opt is the memory of one ?int32 element.
type optI32 struct {
	v     int32
	valid byte
	_     [3]byte
}

type optF64 struct {
	v     float64
	valid byte
	_     [7]byte
}

func TestOptionCasts(t *testing.T) {
	oi32, of64 := dtype.Option(dtype.Int32), dtype.Option(dtype.Float64)
	// T → ?T: valid
	src := []int32{7, -2}
	dst := make([]optI32, 2)
	loop, err := dtype.GetCast(dtype.Int32, oi32)
	if err != nil {
		t.Fatal(err)
	}
	loop(unsafe.Pointer(&dst[0]), 8, unsafe.Pointer(&src[0]), 4, 2)
	if dst[0] != (optI32{v: 7, valid: 1}) || dst[1] != (optI32{v: -2, valid: 1}) {
		t.Errorf("int32 → ?int32: %+v", dst)
	}
	// ?int32 → ?float64 keeps validity
	in := []optI32{{v: 3, valid: 1}, {v: 0, valid: 0}, {v: -5, valid: 1}}
	out := make([]optF64, 3)
	loop, err = dtype.GetCast(oi32, of64)
	if err != nil {
		t.Fatal(err)
	}
	loop(unsafe.Pointer(&out[0]), 16, unsafe.Pointer(&in[0]), 8, 3)
	if out[0].v != 3 || out[0].valid != 1 || out[1].valid != 0 || out[2].v != -5 || out[2].valid != 1 {
		t.Errorf("?int32 → ?float64: %+v", out)
	}
	// ?float64 → float64, checked: a missing element is a ValueError
	checked, err := dtype.GetCheckedCast(of64, dtype.Float64)
	if err != nil {
		t.Fatal(err)
	}
	f := make([]float64, 3)
	err = checked(unsafe.Pointer(&f[0]), 8, unsafe.Pointer(&out[0]), 16, 3)
	var ve *dtype.ValueError
	if !errors.As(err, &ve) {
		t.Errorf("checked ?float64 → float64 over a missing element: %v", err)
	}
	if f[0] != 3 {
		t.Errorf("the element before the missing one was not converted: %v", f)
	}
	if err := checked(unsafe.Pointer(&f[0]), 8, unsafe.Pointer(&out[2]), 16, 1); err != nil || f[0] != -5 {
		t.Errorf("checked cast of a valid element: %v %v", f[0], err)
	}
}
