package dtype

import (
	"errors"
	"testing"
	"unsafe"

	"github.com/x448/float16"
)

func TestBuiltinProperties(t *testing.T) {
	tests := []struct {
		d           DType
		name, str   string
		kind        Kind
		size, align int
		char        byte
	}{
		{Bool, "bool", "|b1", KindBool, 1, 1, '?'},
		{Int8, "int8", "|i1", KindInt, 1, 1, 'b'},
		{Uint8, "uint8", "|u1", KindUint, 1, 1, 'B'},
		{Int16, "int16", "<i2", KindInt, 2, 2, 'h'},
		{Uint16, "uint16", "<u2", KindUint, 2, 2, 'H'},
		{Int32, "int32", "<i4", KindInt, 4, 4, 'i'},
		{Uint32, "uint32", "<u4", KindUint, 4, 4, 'I'},
		{Int64, "int64", "<i8", KindInt, 8, 8, 'l'},
		{Uint64, "uint64", "<u8", KindUint, 8, 8, 'L'},
		{Float16, "float16", "<f2", KindFloat, 2, 2, 'e'},
		{Float32, "float32", "<f4", KindFloat, 4, 4, 'f'},
		{Float64, "float64", "<f8", KindFloat, 8, 8, 'd'},
		{Complex64, "complex64", "<c8", KindComplex, 8, 4, 'F'},
		{Complex128, "complex128", "<c16", KindComplex, 16, 8, 'D'},
	}
	if NativeEndian != LittleEndian {
		t.Skip("expected type strings are written for a little-endian machine")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.d
			if d.Name() != tt.name || d.String() != tt.name || d.Datashape() != tt.name {
				t.Errorf("names = %q %q %q, want %q", d.Name(), d.String(), d.Datashape(), tt.name)
			}
			if d.Str() != tt.str {
				t.Errorf("Str() = %q, want %q", d.Str(), tt.str)
			}
			if d.Kind() != tt.kind || d.Size() != tt.size || d.Alignment() != tt.align || d.Char() != tt.char {
				t.Errorf("kind/size/align/char = %v/%d/%d/%c", d.Kind(), d.Size(), d.Alignment(), d.Char())
			}
			if !d.IsNative() || d.Native() != d {
				t.Errorf("built-in is not native")
			}
		})
	}
}

func TestByteOrderVariants(t *testing.T) {
	be := Float64.WithByteOrder(BigEndian)
	if be == Float64 || be.IsNative() || be.Native() != Float64 {
		t.Fatalf("big-endian float64 is not a distinct non-native variant")
	}
	if be.Str() != ">f8" || be.String() != ">f8" || be.Name() != "float64" {
		t.Errorf("big-endian float64 names: %q %q %q", be.Str(), be.String(), be.Name())
	}
	if be.WithByteOrder(NativeEndian) != Float64 {
		t.Errorf("swapping back does not give the native type")
	}
	if Int8.WithByteOrder(BigEndian) != Int8 || Int8.ByteOrder() != NotApplicable {
		t.Errorf("single-byte types must have no byte order")
	}
	if be.Size() != 8 || be.Kind() != KindFloat {
		t.Errorf("variant lost its size or kind")
	}
}

func TestOf(t *testing.T) {
	tests := []struct {
		got, want DType
	}{
		{Of[bool](), Bool}, {Of[int8](), Int8}, {Of[int16](), Int16}, {Of[int32](), Int32},
		{Of[int64](), Int64}, {Of[uint8](), Uint8}, {Of[uint16](), Uint16}, {Of[uint32](), Uint32},
		{Of[uint64](), Uint64}, {Of[int](), Int64}, {Of[uint](), Uint64},
		{Of[float16.Float16](), Float16}, {Of[float32](), Float32}, {Of[float64](), Float64},
		{Of[complex64](), Complex64}, {Of[complex128](), Complex128},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: Of = %v, want %v", i, tt.got, tt.want)
		}
	}
}

// The expected results were read off NumPy 1.24's np.dtype().
func TestParse(t *testing.T) {
	be := func(d DType) DType { return d.WithByteOrder(BigEndian) }
	le := func(d DType) DType { return d.WithByteOrder(LittleEndian) }
	ok := []struct {
		in   string
		want DType
	}{
		{"float64", Float64}, {"f8", Float64}, {"<f8", le(Float64)}, {">f8", be(Float64)},
		{"=f8", Float64}, {"|f8", Float64}, {"d", Float64}, {">d", be(Float64)}, {"double", Float64},
		{"float", Float64}, {"complex128", Complex128}, {"complex", Complex128}, {">c16", be(Complex128)},
		{"F", Complex64}, {"<F", le(Complex64)}, {"c8", Complex64}, {"bool", Bool}, {"?", Bool},
		{">?", Bool}, {"b1", Bool}, {"<b1", Bool}, {"|u1", Uint8}, {"<u1", Uint8}, {">i1", Int8},
		{"int", Int64}, {"uint", Uint64}, {"i", Int32}, {"<i", le(Int32)}, {"L", Uint64},
		{"e", Float16}, {">e", be(Float16)}, {"half", Float16}, {"int0", Int64}, {"bool8", Bool},
		{"i2", Int16}, {"u4", Uint32}, {"int8", Int8}, {"uint64", Uint64}, {"single", Float32},
	}
	for _, tt := range ok {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	bad := []string{"", "<", "<float64", ">bool", "<int", "i8 ", " i8", "i16", "f1", "float65",
		"c32", "f16", "U5x", "S1 ", "M8[xx]", "object", "int64\x00", "<<f8", "ƒ8"}
	for _, in := range bad {
		_, err := Parse(in)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Input != in {
			t.Errorf("Parse(%q) error = %v, want a *ParseError naming the input", in, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"f8", "<f8", ">c16", "?", "bool", "int_", "|u1", "", "<", "float64", "i16"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q): error %T is not a *ParseError", s, err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("Parse(%q) returned an invalid type without error", s)
		}
		// the type string always parses back to the same type
		back, err := Parse(d.Str())
		if err != nil || back != d {
			t.Fatalf("Parse(%q) = %v, but its Str %q parses to %v, %v", s, d, d.Str(), back, err)
		}
	})
}

func TestParseCasting(t *testing.T) {
	for c := No; c <= Unsafe; c++ {
		got, err := ParseCasting(c.String())
		if err != nil || got != c {
			t.Errorf("ParseCasting(%q) = %v, %v", c.String(), got, err)
		}
	}
	if _, err := ParseCasting("safely"); err == nil {
		t.Errorf("ParseCasting accepted a bad level")
	}
}

// TestBuiltinDTypesAreStatic checks what ndarray relies on to store a
// built-in DType without a write barrier: every DType whose Num is not
// NumUser, in either byte order, points into the package's static tables.
func TestBuiltinDTypesAreStatic(t *testing.T) {
	in := func(p *info, tab *[numBuiltin]info) bool {
		lo := uintptr(unsafe.Pointer(&tab[0]))
		return uintptr(unsafe.Pointer(p))-lo < uintptr(len(tab))*unsafe.Sizeof(tab[0])
	}
	for _, d := range Builtins() {
		for _, v := range []DType{d, d.WithByteOrder(BigEndian), d.WithByteOrder(LittleEndian)} {
			if v.Num() == NumUser {
				t.Errorf("%v: Num is NumUser", v)
			}
			if !in(v.t, &natives) && !in(v.t, &swaps) {
				t.Errorf("%v: not in the static tables", v)
			}
		}
	}
}
