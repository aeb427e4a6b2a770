package dtype

import (
	"errors"
	"math"
	"testing"
	"unsafe"
)

func TestParseStringTypes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want DType
	}{
		{"U5", Unicode(5)},
		{"<U5", Unicode(5).WithByteOrder(LittleEndian)},
		{">U5", Unicode(5).WithByteOrder(BigEndian)},
		{"|U2", Unicode(2)},
		{"=U2", Unicode(2)},
		{"U", Unicode(0)},
		{"S3", Bytes(3)},
		{"|S3", Bytes(3)},
		{">S3", Bytes(3)},
		{"S", Bytes(0)},
		{"a4", Bytes(4)},
		{"str", Unicode(0)},
		{"unicode", Unicode(0)},
		{"bytes", Bytes(0)},
		{"bytes_", Bytes(0)},
	} {
		got, err := Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	var pe *ParseError
	for _, bad := range []string{"U5x", "Sx", "U99999999999", "<str", "U-1"} {
		if _, err := Parse(bad); !errors.As(err, &pe) {
			t.Errorf("Parse(%q): got %v, want a *ParseError", bad, err)
		}
	}
}

func TestStringPromotion(t *testing.T) {
	// np.result_type values from NumPy 1.24 (the corpus's strings cases)
	for _, c := range []struct {
		a, b, want DType
	}{
		{Unicode(3), Unicode(1), Unicode(3)},
		{Unicode(3), Bytes(8), Unicode(8)},
		{Bytes(3), Bytes(8), Bytes(8)},
		{Unicode(3), Bool, Unicode(5)},
		{Unicode(3), Int8, Unicode(4)},
		{Unicode(3), Uint8, Unicode(3)},
		{Unicode(1), Int16, Unicode(6)},
		{Unicode(3), Int32, Unicode(11)},
		{Unicode(3), Uint32, Unicode(10)},
		{Bytes(3), Int64, Bytes(21)},
		{Unicode(1), Uint64, Unicode(20)},
		{Bytes(3), Float16, Bytes(32)},
		{Bytes(30), Float64, Bytes(32)},
		{Bytes(30), Int16, Bytes(30)},
		{Unicode(3), Complex64, Unicode(64)},
		{Int8, Unicode(1), Unicode(4)},
	} {
		got, err := Promote(c.a, c.b)
		if err != nil || got != c.want {
			t.Errorf("Promote(%v, %v) = %v, %v; want %v", c.a, c.b, got, err, c.want)
		}
	}
	if got, err := ResultType(Unicode(2), Bytes(5), Int16); err != nil || got != Unicode(6) {
		t.Errorf("ResultType(U2, S5, int16) = %v, %v; want U6", got, err)
	}
}

func TestStringCanCast(t *testing.T) {
	// np.can_cast values from NumPy 1.24
	for _, c := range []struct {
		from, to DType
		casting  Casting
		want     bool
	}{
		{Unicode(3), Unicode(3), No, true},
		{Unicode(3), Unicode(5), Equiv, false},
		{Unicode(3), Unicode(5), Safe, true},
		{Unicode(3), Unicode(2), Safe, false},
		{Unicode(3), Unicode(2), SameKind, true},
		{Bytes(3), Unicode(3), Safe, true},
		{Bytes(3), Unicode(2), Safe, false},
		{Bytes(3), Unicode(2), SameKind, true},
		{Unicode(3), Bytes(5), SameKind, false},
		{Unicode(3), Bytes(5), Unsafe, true},
		{Bool, Unicode(5), Safe, true},
		{Bool, Bytes(4), Safe, false},
		{Bool, Bytes(4), SameKind, true},
		{Int8, Unicode(3), Safe, false},
		{Int8, Unicode(4), Safe, true},
		{Uint64, Bytes(20), Safe, true},
		{Float32, Bytes(31), Safe, false},
		{Complex64, Bytes(64), Safe, true},
		{Float64, Unicode(32), Equiv, false},
		{Unicode(5), Int8, SameKind, false},
		{Unicode(5), Float64, Unsafe, true},
		{Bytes(5), Bool, Safe, false},
	} {
		if got := CanCast(c.from, c.to, c.casting); got != c.want {
			t.Errorf("CanCast(%v, %v, %v) = %v, want %v", c.from, c.to, c.casting, got, c.want)
		}
	}
}

func TestSizedStringFor(t *testing.T) {
	for _, c := range []struct {
		from, to, want DType
	}{
		{Int64, Unicode(0), Unicode(21)},
		{Uint8, Bytes(0), Bytes(3)},
		{Bool, Unicode(0), Unicode(5)},
		{Float16, Bytes(0), Bytes(32)},
		{Complex128, Unicode(0), Unicode(64)},
		{Bytes(3), Unicode(0), Unicode(3)},
		{Unicode(7), Bytes(0), Bytes(7)},
		{Int64, Unicode(2), Unicode(2)},
		{Int64, Float64, Float64},
	} {
		if got := SizedStringFor(c.from, c.to); got != c.want {
			t.Errorf("SizedStringFor(%v, %v) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

// castStrings converts the elements held in src (elements of from) to
// to with the checked loop and returns the element bytes.
func castElems(t *testing.T, from, to DType, src []byte, n int) ([]byte, error) {
	t.Helper()
	loop, err := GetCheckedCast(from, to)
	if err != nil {
		return nil, err
	}
	dst := make([]byte, n*to.Size()+1)
	var sp unsafe.Pointer
	if len(src) > 0 {
		sp = unsafe.Pointer(&src[0])
	}
	err = loop(unsafe.Pointer(&dst[0]), to.Size(), sp, from.Size(), n)
	return dst[:n*to.Size()], err
}

func unicodeElems(t *testing.T, d DType, vals ...string) []byte {
	t.Helper()
	b := make([]byte, len(vals)*d.Size())
	for i, v := range vals {
		if err := SetStringValue(d, b[i*d.Size():(i+1)*d.Size()], v); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func stringElems(d DType, b []byte) []string {
	var out []string
	for i := 0; i+d.Size() <= len(b) && d.Size() > 0; i += d.Size() {
		out = append(out, StringValue(d, b[i:i+d.Size()]))
	}
	return out
}

func TestNumberToString(t *testing.T) {
	f32 := func(vs ...float32) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(&vs[0])), 4*len(vs)) }
	f64 := func(vs ...float64) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(&vs[0])), 8*len(vs)) }
	f16 := func(vs ...float64) []byte {
		h := make([]uint16, len(vs))
		for i, v := range vs {
			h[i] = FromFloat64(v).Bits()
		}
		return unsafe.Slice((*byte)(unsafe.Pointer(&h[0])), 2*len(h))
	}
	c128 := func(vs ...complex128) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(&vs[0])), 16*len(vs)) }
	i64 := func(vs ...int64) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(&vs[0])), 8*len(vs)) }
	// str() of NumPy 1.24 scalars, as astype("U") writes them
	for _, c := range []struct {
		name string
		from DType
		src  []byte
		to   DType
		want []string
	}{
		{"float64", Float64, f64(1.5, 0.1, 1e20, 1e16, 1e15, 1e-5, 1e-4, math.NaN(), math.Inf(-1), math.Copysign(0, -1), 123456789, 2.5e-8, 5e-324),
			Unicode(32), []string{"1.5", "0.1", "1e+20", "1e+16", "1000000000000000.0", "1e-05", "0.0001", "nan", "-inf", "-0.0", "123456789.0", "2.5e-08", "5e-324"}},
		{"float32", Float32, f32(0.1, 1e20, 1e16, 1e15, 1e-4, 1e-5, 16777216, math.MaxFloat32),
			Bytes(32), []string{"0.1", "1e+20", "1e+16", "1000000000000000.0", "1e-04", "1e-05", "16777216.0", "3.4028235e+38"}},
		{"float16", Float16, f16(1.5, 0.1, 0.0001, 1e-5, 65504, 0, 2048),
			Unicode(32), []string{"1.5", "0.1", "0.0001", "1e-05", "65500.0", "0.0", "2048.0"}},
		{"complex128", Complex128, c128(1+2i, complex(0, -1), complex(1.5, math.NaN())),
			Unicode(64), []string{"(1+2j)", "-1j", "(1.5+nanj)"}},
		{"int64 truncated", Int64, i64(12, -3), Unicode(1), []string{"1", "-"}},
		{"int64", Int64, i64(math.MinInt64), Bytes(21), []string{"-9223372036854775808"}},
		{"bool", Bool, []byte{1, 0}, Unicode(5), []string{"True", "False"}},
	} {
		n := len(c.src) / c.from.Size()
		out, err := castElems(t, c.from, c.to, c.src, n)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got := stringElems(c.to, out)
		for i := range c.want {
			if got[i] != c.want[i] {
				t.Errorf("%s: element %d = %q, want %q", c.name, i, got[i], c.want[i])
			}
		}
	}
}

func TestStringToNumber(t *testing.T) {
	u := Unicode(24)
	src := unicodeElems(t, u, "1.5", " 2 ", "nan", "-inf", "1e400", "1_000", "-0", "1e-400", "iNf", "+3", "\u00a01.5\u2028", "\u0661\u0662")
	out, err := castElems(t, u, Float64, src, 12)
	if err != nil {
		t.Fatal(err)
	}
	fs := unsafe.Slice((*float64)(unsafe.Pointer(&out[0])), 12)
	want := []float64{1.5, 2, math.NaN(), math.Inf(-1), math.Inf(1), 1000, math.Copysign(0, -1), 0, math.Inf(1), 3, 1.5, 12}
	for i, w := range want {
		if !(fs[i] == w && math.Signbit(fs[i]) == math.Signbit(w) || math.IsNaN(w) && math.IsNaN(fs[i])) {
			t.Errorf("float64 %d: got %v, want %v", i, fs[i], w)
		}
	}
	// "300" -> int8 wraps to 44, "-129" to 127; uint8 "-1" is 255, "256" 0
	out, err = castElems(t, u, Int8, unicodeElems(t, u, "300", "-129", " 4", "1_0", "007"), 5)
	if err != nil || string(out) != string([]byte{44, 127, 4, 10, 7}) {
		t.Errorf("int8: got %v, %v", out, err)
	}
	out, err = castElems(t, u, Uint8, unicodeElems(t, u, "-1", "256"), 2)
	if err != nil || string(out) != string([]byte{255, 0}) {
		t.Errorf("uint8: got %v, %v", out, err)
	}
	out, err = castElems(t, u, Uint64, unicodeElems(t, u, "18446744073709551615", "-1"), 2)
	if us := unsafe.Slice((*uint64)(unsafe.Pointer(&out[0])), 2); err != nil || us[0] != math.MaxUint64 || us[1] != math.MaxUint64 {
		t.Errorf("uint64: got %v, %v", out, err)
	}
	out, err = castElems(t, u, Bool, unicodeElems(t, u, "1", "0", "2", " 1", "-1", "99999999999999999999999"), 6)
	if err != nil || string(out) != string([]byte{1, 0, 1, 1, 1, 1}) {
		t.Errorf("bool: got %v, %v", out, err)
	}
	out, err = castElems(t, u, Complex128, unicodeElems(t, u, "1+2j", "3", "-1j", " (1.5-j) ", "j", "1e1_0j"), 6)
	if err != nil {
		t.Fatal(err)
	}
	cs := unsafe.Slice((*complex128)(unsafe.Pointer(&out[0])), 6)
	for i, w := range []complex128{1 + 2i, 3, -1i, 1.5 - 1i, 1i, 1e10i} {
		if cs[i] != w {
			t.Errorf("complex %d: got %v, want %v", i, cs[i], w)
		}
	}
	out, err = castElems(t, u, Float16, unicodeElems(t, u, "0.1", "65520", "65519"), 3)
	if hs := unsafe.Slice((*uint16)(unsafe.Pointer(&out[0])), 3); err != nil || hs[0] != 0x2e66 || hs[1] != 0x7c00 || hs[2] != 0x7bff {
		t.Errorf("float16: got %x, %v", out, err)
	}

	var ve *ValueError
	for _, c := range []struct {
		to  DType
		val string
	}{
		{Float64, "abc"}, {Float64, ""}, {Float64, "0x10"}, {Float64, "1,5"}, {Float64, "1__0"}, {Float64, "_1"},
		{Float64, "1e"}, {Int64, "1.5"}, {Int64, "x"}, {Int64, "9223372036854775808"}, {Int8, "99999999999999999999"},
		{Bool, "True"}, {Uint64, "18446744073709551616"}, {Uint64, "-9223372036854775809"}, {Complex128, "1+2"},
		{Int64, "- 1"}, {Int64, "1_"},
	} {
		if _, err := castElems(t, u, c.to, unicodeElems(t, u, c.val), 1); !errors.As(err, &ve) {
			t.Errorf("%q -> %v: got %v, want a *ValueError", c.val, c.to, err)
		}
	}
	// the messages quote the text as Python's repr() does (Python 3's
	// int("it's") and float("1\t2") name it "it's" and '1\t2')
	for _, c := range []struct {
		to        DType
		val, want string
	}{
		{Int64, "it's", `invalid literal for int() with base 10: "it's"`},
		{Float64, "1\t2", `could not convert string to float: '1\t2'`},
		{Float64, "\u00e9\u200b", `could not convert string to float: 'é\u200b'`},
	} {
		_, err := castElems(t, u, c.to, unicodeElems(t, u, c.val), 1)
		if !errors.As(err, &ve) || ve.Msg != c.want {
			t.Errorf("%q -> %v: got %v, want %s", c.val, c.to, err, c.want)
		}
	}
	if _, err := castElems(t, Bytes(4), Int64, []byte("a'\n\x00"), 1); !errors.As(err, &ve) || ve.Msg != `invalid literal for int() with base 10: b"a'\n"` {
		t.Errorf("bytes message: got %v", err)
	}
	// bytes use ASCII whitespace only and reject other bytes
	b := Bytes(4)
	out, err = castElems(t, b, Float64, []byte(" 1.5\t\n2\x00\x00"), 2)
	if fs := unsafe.Slice((*float64)(unsafe.Pointer(&out[0])), 2); err != nil || fs[0] != 1.5 || fs[1] != 2 {
		t.Errorf("bytes to float64: got %v, %v", out, err)
	}
	if _, err := castElems(t, b, Int64, []byte("\xa01\x00\x00"), 1); !errors.As(err, &ve) {
		t.Errorf("non-ASCII space in bytes: got %v, want a *ValueError", err)
	}
}

func TestStringToString(t *testing.T) {
	u3, u2, s2 := Unicode(3), Unicode(2), Bytes(2)
	out, err := castElems(t, u3, u2, unicodeElems(t, u3, "abc", "x", ""), 3)
	if got := stringElems(u2, out); err != nil || got[0] != "ab" || got[1] != "x" || got[2] != "" {
		t.Errorf("U3 -> U2: %q, %v", got, err)
	}
	out, err = castElems(t, u3, s2, unicodeElems(t, u3, "abc", "a b", "~"), 3)
	if got := stringElems(s2, out); err != nil || got[0] != "ab" || got[1] != "a " || got[2] != "~" {
		t.Errorf("U3 -> S2: %q, %v", got, err)
	}
	var ve *ValueError
	if _, err := castElems(t, u3, s2, unicodeElems(t, u3, "\u00e9"), 1); !errors.As(err, &ve) {
		t.Errorf("non-ASCII U -> S: got %v, want a *ValueError", err)
	}
	out, err = castElems(t, Bytes(3), Unicode(5), []byte("abc\x7f\x00\x00"), 2)
	if got := stringElems(Unicode(5), out); err != nil || got[0] != "abc" || got[1] != "\x7f" {
		t.Errorf("S3 -> U5: %q, %v", got, err)
	}
	if _, err := castElems(t, Bytes(3), Unicode(3), []byte("a\xff\x00"), 1); !errors.As(err, &ve) {
		t.Errorf("byte 0xff S -> U: got %v, want a *ValueError", err)
	}
	// a NUL inside a value is kept, trailing NULs are padding
	big := Unicode(3).WithByteOrder(BigEndian)
	out, err = castElems(t, u3, big, unicodeElems(t, u3, "a\x00b"), 1)
	if err != nil || string(out) != "\x00\x00\x00a\x00\x00\x00\x00\x00\x00\x00b" {
		t.Errorf("U3 -> >U3: %q, %v", out, err)
	}
	if got := StringValue(big, out); got != "a\x00b" {
		t.Errorf("StringValue(>U3) = %q", got)
	}
	if _, err := GetCast(u3, s2); err == nil {
		t.Error("GetCast(U3, S2) has a loop that cannot report non-ASCII text")
	}
}

func TestSetStringValue(t *testing.T) {
	var ve *ValueError
	elem := make([]byte, 8)
	if err := SetStringValue(Unicode(2), elem, "a\xffb"); !errors.As(err, &ve) {
		t.Errorf("invalid UTF-8: got %v, want a *ValueError", err)
	}
	if err := SetStringValue(Bytes(8), elem, "é"); !errors.As(err, &ve) {
		t.Errorf("non-ASCII bytes: got %v, want a *ValueError", err)
	}
	if err := SetStringValue(Unicode(2), elem, "😀xyz"); err != nil || StringValue(Unicode(2), elem) != "😀x" {
		t.Errorf("truncation: %q, %v", StringValue(Unicode(2), elem), err)
	}
}

// FuzzStringToNumber converts arbitrary text to every numeric type: it
// must never panic, and a failure is always a *ValueError.
func FuzzStringToNumber(f *testing.F) {
	for _, s := range []string{"1.5", " -2 ", "1_000", "inf", "-nan", "(1+2j)", "j", "1e", "0x10", "\u0661", "+-1", "1__0", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := Unicode(16)
		src := make([]byte, u.Size())
		EncodeUnicode(u, src, []rune(s))
		raw := make([]byte, 16)
		EncodeBytes(raw, []byte(s))
		for _, to := range Builtins() {
			for _, c := range []struct {
				from DType
				src  []byte
			}{{u, src}, {Bytes(16), raw}} {
				_, err := castElems(t, c.from, to, c.src, 1)
				var ve *ValueError
				if err != nil && !errors.As(err, &ve) {
					t.Fatalf("%q -> %v: error %T %v is not a *ValueError", s, to, err, err)
				}
			}
		}
	})
}

// FuzzFloatText checks that the text a float becomes reads back as the
// same value in its own type (the shortest round-trip digits).
func FuzzFloatText(f *testing.F) {
	for _, x := range []float64{0, 1.5, 0.1, 1e16, 1e-5, 65504, 5e-324, math.MaxFloat64} {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		x32 := float32(x)
		h := FromFloat64(x)
		for _, c := range []struct {
			from DType
			src  []byte
		}{
			{Float64, unsafe.Slice((*byte)(unsafe.Pointer(&x)), 8)},
			{Float32, unsafe.Slice((*byte)(unsafe.Pointer(&x32)), 4)},
			{Float16, unsafe.Slice((*byte)(unsafe.Pointer(&h)), 2)},
		} {
			txt, err := castElems(t, c.from, Unicode(32), c.src, 1)
			if err != nil {
				t.Fatal(err)
			}
			back, err := castElems(t, Unicode(32), c.from, txt, 1)
			if err != nil {
				t.Fatalf("%v %x: text %q does not parse: %v", c.from, c.src, StringValue(Unicode(32), txt), err)
			}
			if string(back) != string(c.src) && !math.IsNaN(x) {
				t.Fatalf("%v %x: text %q reads back as %x", c.from, c.src, StringValue(Unicode(32), txt), back)
			}
		}
	})
}
