package ndarray_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func textArray(t *testing.T, dt dtype.DType, vals ...string) *ndarray.Array {
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

func mustCategory(t *testing.T, vals ...string) dtype.DType {
	t.Helper()
	ct, err := dtype.Category(vals)
	if err != nil {
		t.Fatal(err)
	}
	return ct
}

// TestTextAccessors reads and writes every text kind through the same
// three methods.
func TestTextAccessors(t *testing.T) {
	ct := mustCategory(t, "red", "green", "blue")
	tests := []struct {
		name string
		dt   dtype.DType
		vals []string
		set  string // stored at index 1
		want string // read back from index 1
	}{
		{"U", dtype.Unicode(3), []string{"ab", "héé", "a\x00b"}, "wxyz", "wxy"},
		{"big-endian U", dtype.MustParse(">U3"), []string{"ab", "héé", "a\x00b"}, "日本語!", "日本語"},
		{"S", dtype.Bytes(2), []string{"ab", "x", "a\x00"}, "xyz", "xy"},
		{"String", dtype.String, []string{"ab", "héllo wörld", ""}, "a much longer value", "a much longer value"},
		{"categorical", ct, []string{"red", "green", "blue"}, "blue", "blue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := textArray(t, tt.dt, tt.vals...)
			got, err := a.Strings()
			if err != nil {
				t.Fatal(err)
			}
			want := slices.Clone(tt.vals)
			if tt.dt.Kind() == dtype.KindBytes || tt.dt.Kind() == dtype.KindUnicode {
				// trailing NULs are dropped (NumPy: np.array(['a\0']) reads 'a')
				for i, v := range want {
					want[i] = string(bytes.TrimRight([]byte(v), "\x00"))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("Strings = %q, want %q", got, want)
			}
			for i, w := range want {
				if s, err := a.StringAt(i); err != nil || s != w {
					t.Errorf("StringAt(%d) = %q, %v; want %q", i, s, err, w)
				}
			}
			if err := a.SetString(tt.set, 1); err != nil {
				t.Fatal(err)
			}
			if s, _ := a.StringAt(-2); s != tt.want {
				t.Errorf("after SetString(%q): %q, want %q", tt.set, s, tt.want)
			}
			// views see the write, and read the same way
			v, err := a.Index("1:")
			if err != nil {
				t.Fatal(err)
			}
			if s, _ := v.StringAt(0); s != tt.want {
				t.Errorf("view reads %q, want %q", s, tt.want)
			}
			var ie *ndarray.IndexError
			if _, err := a.StringAt(3); !errors.As(err, &ie) {
				t.Errorf("StringAt(3): got %v, want an *IndexError", err)
			}
			if err := a.SetString("x", 0, 0); !errors.As(err, &ie) {
				t.Errorf("SetString with two indices: got %v, want an *IndexError", err)
			}
			var ve *ndarray.ValueError
			if err := a.ReadOnly().SetString(tt.set, 0); !errors.As(err, &ve) {
				t.Errorf("SetString on a read-only view: got %v, want a *ValueError", err)
			}
		})
	}
}

func TestTextAccessorErrors(t *testing.T) {
	var ve *ndarray.ValueError
	f, _ := ndarray.FromSlice([]float64{1, 2})
	if _, err := f.StringAt(0); !errors.As(err, &ve) {
		t.Errorf("StringAt on float64: got %v, want a *ValueError", err)
	}
	if _, err := f.Strings(); !errors.As(err, &ve) {
		t.Errorf("Strings on float64: got %v, want a *ValueError", err)
	}
	if err := f.SetString("1", 0); !errors.As(err, &ve) {
		t.Errorf("SetString on float64: got %v, want a *ValueError", err)
	}

	// a value the type cannot hold is a *dtype.ValueError and changes nothing
	var dve *dtype.ValueError
	ct := mustCategory(t, "lo", "hi")
	tests := []struct {
		name string
		a    *ndarray.Array
		v    string
	}{
		{"invalid UTF-8 into U", textArray(t, dtype.Unicode(2), "ab"), "a\xff"},
		// NumPy: np.array([b'ab'])[0] = 'é' is a UnicodeEncodeError
		{"non-ASCII into S", textArray(t, dtype.Bytes(2), "ab"), "é"},
		{"invalid UTF-8 into String", textArray(t, dtype.String, "ab"), "\xc3"},
		{"not a category", textArray(t, ct, "lo"), "mid"},
	}
	for _, tt := range tests {
		before, _ := tt.a.StringAt(0)
		if err := tt.a.SetString(tt.v, 0); !errors.As(err, &dve) {
			t.Errorf("%s: got %v, want a *dtype.ValueError", tt.name, err)
		}
		if after, _ := tt.a.StringAt(0); after != before {
			t.Errorf("%s: a failed SetString changed %q to %q", tt.name, before, after)
		}
	}
}

func TestUnsizedTextCreation(t *testing.T) {
	// np.zeros(3, dtype='U') is <U1, np.zeros(3, dtype='S') is |S1
	for _, tt := range []struct {
		dt, want dtype.DType
	}{
		{dtype.Unicode(0), dtype.Unicode(1)},
		{dtype.Bytes(0), dtype.Bytes(1)},
		{dtype.MustParse(">U"), dtype.MustParse(">U1")},
		{dtype.Unicode(4), dtype.Unicode(4)},
	} {
		z, err := ndarray.Zeros(tt.dt, 3)
		if err != nil {
			t.Fatal(err)
		}
		e, _ := ndarray.Empty(tt.dt, 3)
		o, _ := ndarray.ZerosOrder(tt.dt, ndarray.F, 3, 2)
		for _, a := range []*ndarray.Array{z, e, o} {
			if a.DType() != tt.want {
				t.Errorf("%v: dtype %v, want %v", tt.dt, a.DType(), tt.want)
			}
		}
		if got, _ := z.Strings(); !slices.Equal(got, []string{"", "", ""}) {
			t.Errorf("%v zeros: %q", tt.dt, got)
		}
	}
	// np.ones(2, dtype='U') is ['1', '1'] (<U1); np.ones(2, dtype='S') [b'1', b'1']
	for _, dt := range []dtype.DType{dtype.Unicode(0), dtype.Bytes(0), dtype.String} {
		o, err := ndarray.Ones(dt, 2)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := o.Strings(); !slices.Equal(got, []string{"1", "1"}) {
			t.Errorf("Ones(%v) = %q, want [1 1]", dt, got)
		}
		if dt != dtype.String && o.DType().Width() != 1 {
			t.Errorf("Ones(%v) dtype %v, want width 1", dt, o.DType())
		}
	}
	// np.full(2, 'abc', dtype='U') is ['a', 'a'] (<U1): the width comes first
	f, err := ndarray.Full(dtype.Unicode(0), "abc", 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Strings(); f.DType() != dtype.Unicode(1) || !slices.Equal(got, []string{"a", "a"}) {
		t.Errorf("Full(U, abc) = %v %q, want U1 [a a]", f.DType(), got)
	}
}

func TestFillText(t *testing.T) {
	ct := mustCategory(t, "lo", "hi")
	tests := []struct {
		name  string
		a     *ndarray.Array
		value any
		want  string
	}{
		{"string into U", textArray(t, dtype.Unicode(3), "a", "b", "c"), "héllo", "hél"},
		{"string into S", textArray(t, dtype.Bytes(3), "a", "b", "c"), "xy", "xy"},
		{"string into String", textArray(t, dtype.String, "a", "b", "c"), "a long value", "a long value"},
		{"string into categorical", textArray(t, ct, "lo", "lo", "hi"), "hi", "hi"},
		// a = np.zeros(3, 'U5'); a.fill(12345678) gives '12345'
		{"int into U5", textArray(t, dtype.Unicode(5), "a", "b", "c"), 12345678, "12345"},
		// np.zeros(3, 'U21').fill(-3): an element wider than any number
		{"int into U21", textArray(t, dtype.Unicode(21), "a", "b", "c"), -3, "-3"},
		{"float into U32", textArray(t, dtype.Unicode(32), "a", "b", "c"), 0.1, "0.1"},
		{"bool into S5", textArray(t, dtype.Bytes(5), "a", "b", "c"), true, "True"},
		{"float into String", textArray(t, dtype.String, "a", "b", "c"), 2.5, "2.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.a.Fill(tt.value); err != nil {
				t.Fatal(err)
			}
			got, _ := tt.a.Strings()
			if !slices.Equal(got, []string{tt.want, tt.want, tt.want}) {
				t.Errorf("got %q, want %q thrice", got, tt.want)
			}
		})
	}

	// a strided view: only its elements change
	a := textArray(t, dtype.String, "a", "b", "c", "d")
	v, _ := a.Index("::2")
	if err := v.Fill("x"); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Strings(); !slices.Equal(got, []string{"x", "b", "x", "d"}) {
		t.Errorf("fill through a view: %q", got)
	}

	var dve *dtype.ValueError
	s := textArray(t, dtype.Bytes(2), "ab", "cd")
	if err := s.Fill("é"); !errors.As(err, &dve) {
		t.Errorf("non-ASCII into S: got %v, want a *dtype.ValueError", err)
	}
	if got, _ := s.Strings(); !slices.Equal(got, []string{"ab", "cd"}) {
		t.Errorf("a failed fill changed the array: %q", got)
	}
	if err := textArray(t, dtype.Unicode(2), "ab").Fill("\xff"); !errors.As(err, &dve) {
		t.Errorf("invalid UTF-8 into U: got %v, want a *dtype.ValueError", err)
	}
	if err := textArray(t, ct, "lo").Fill("mid"); !errors.As(err, &dve) {
		t.Errorf("not a category: got %v, want a *dtype.ValueError", err)
	}
	var ve *ndarray.ValueError
	if err := textArray(t, dtype.String, "a").ReadOnly().Fill("x"); !errors.As(err, &ve) {
		t.Errorf("read-only: got %v, want a *ValueError", err)
	}
}

func TestTextAsType(t *testing.T) {
	ct := mustCategory(t, "a", "bcd")
	tests := []struct {
		name   string
		a      *ndarray.Array
		to     dtype.DType
		wantDT dtype.DType
		want   []string
	}{
		{"U to String", textArray(t, dtype.Unicode(0), "abc", "dé", ""), dtype.String, dtype.String, []string{"abc", "dé", ""}},
		{"S to String", textArray(t, dtype.Bytes(0), "abc", "d"), dtype.String, dtype.String, []string{"abc", "d"}},
		{"String to U", textArray(t, dtype.String, "abc", "déf", ""), dtype.Unicode(0), dtype.Unicode(3), []string{"abc", "déf", ""}},
		{"String to U2 truncates", textArray(t, dtype.String, "abc", "déf"), dtype.Unicode(2), dtype.Unicode(2), []string{"ab", "dé"}},
		{"String to S", textArray(t, dtype.String, "abc", "de"), dtype.Bytes(0), dtype.Bytes(3), []string{"abc", "de"}},
		{"empty strings to U", textArray(t, dtype.String, "", ""), dtype.Unicode(0), dtype.Unicode(1), []string{"", ""}},
		{"categorical to U", textArray(t, ct, "a", "a"), dtype.Unicode(0), dtype.Unicode(1), []string{"a", "a"}},
		{"categorical to String", textArray(t, ct, "bcd", "a"), dtype.String, dtype.String, []string{"bcd", "a"}},
		{"U to categorical", textArray(t, dtype.Unicode(0), "bcd", "a"), ct, ct, []string{"bcd", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.a.AsType(tt.to, dtype.Unsafe)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := b.Strings()
			if b.DType() != tt.wantDT || !slices.Equal(got, tt.want) {
				t.Errorf("got %v %q, want %v %q", b.DType(), got, tt.wantDT, tt.want)
			}
		})
	}
	// text stored as bytes must be ASCII, as NumPy encodes it
	var dve *dtype.ValueError
	if _, err := textArray(t, dtype.String, "a", "é").AsType(dtype.Bytes(0), dtype.Unsafe); !errors.As(err, &dve) {
		t.Errorf("non-ASCII String to S: got %v, want a *dtype.ValueError", err)
	}
	// String to U is safe only into String; the reverse may truncate
	if dtype.CanCast(dtype.String, dtype.Unicode(5), dtype.SameKind) || !dtype.CanCast(dtype.Unicode(5), dtype.String, dtype.Safe) {
		t.Error("String/U casting levels")
	}
}

func TestTextJSON(t *testing.T) {
	u := textArray(t, dtype.Unicode(3), "ab", "日本", "", "a\x00b")
	u, _ = u.Reshape(2, 2)
	s := textArray(t, dtype.Bytes(2), "ab", "")
	if err := ndarray.SetBytes(s, []byte{0xff, 'x'}, 1); err != nil {
		t.Fatal(err)
	}
	big := textArray(t, dtype.MustParse(">U2"), "hé")
	v := textArray(t, dtype.String, "héllo", "", `"q"`)
	zero, _ := textArray(t, dtype.String, "only").Reshape()
	tests := []struct {
		name string
		a    *ndarray.Array
		json string
	}{
		{"U", u, `{"dtype":"U3","shape":[2,2],"data":[["ab","日本"],["","a\u0000b"]]}`},
		{"S as Latin-1", s, `{"dtype":"S2","shape":[2],"data":["ab","ÿx"]}`},
		{"big-endian U", big, `{"dtype":"\u003eU2","shape":[1],"data":["hé"]}`},
		{"String", v, `{"dtype":"string","shape":[3],"data":["héllo","","\"q\""]}`},
		{"0-d String", zero, `{"dtype":"string","shape":[],"data":"only"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.json {
				t.Errorf("got  %s\nwant %s", got, tt.json)
			}
			var back ndarray.Array
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			ws, _ := tt.a.Strings()
			bs, err := back.Strings()
			if err != nil {
				t.Fatal(err)
			}
			if back.DType() != tt.a.DType() || !slices.Equal(back.Shape(), tt.a.Shape()) || !slices.Equal(bs, ws) {
				t.Errorf("read back %v %v %q, want %v %v %q", back.DType(), back.Shape(), bs, tt.a.DType(), tt.a.Shape(), ws)
			}
		})
	}

	var ve *ndarray.ValueError
	for _, bad := range []string{
		`{"dtype":"U2","shape":[1],"data":["abc"]}`, // longer than the width
		`{"dtype":"S2","shape":[1],"data":["é€"]}`,  // not a byte
		`{"dtype":"S2","shape":[1],"data":[1]}`,     // not a string
		`{"dtype":"string","shape":[1],"data":[true]}`,
	} {
		var a ndarray.Array
		if err := json.Unmarshal([]byte(bad), &a); !errors.As(err, &ve) {
			t.Errorf("%s: got %v, want a *ValueError", bad, err)
		}
	}
	ct := mustCategory(t, "a")
	if _, err := json.Marshal(textArray(t, ct, "a")); !errors.As(err, &ve) {
		t.Errorf("categorical: got %v, want a *ValueError", err)
	}
}

// TestNPYRefusesArenaTypes checks that the types .npy cannot hold (NumPy
// would need object arrays) are refused before anything is written.
func TestNPYRefusesArenaTypes(t *testing.T) {
	ct := mustCategory(t, "a", "b")
	opt, err := ndarray.Zeros(dtype.Option(dtype.Float64), 2)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, a := range []*ndarray.Array{
		textArray(t, dtype.String, "a", "bc"),
		textArray(t, ct, "a", "b"),
		opt,
	} {
		var ve *ndarray.ValueError
		var buf bytes.Buffer
		if err := a.WriteNPY(&buf); !errors.As(err, &ve) || buf.Len() != 0 {
			t.Errorf("WriteNPY(%v): got %v with %d bytes written, want a *ValueError and nothing", a.DType(), err, buf.Len())
		}
		path := filepath.Join(dir, "x.npy")
		if err := ndarray.SaveNPY(path, a); !errors.As(err, &ve) {
			t.Errorf("SaveNPY(%v): got %v, want a *ValueError", a.DType(), err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("SaveNPY(%v) left a file behind", a.DType())
		}
		if _, err := a.MarshalBinary(); !errors.As(err, &ve) {
			t.Errorf("MarshalBinary(%v): got %v, want a *ValueError", a.DType(), err)
		}
		if err := ndarray.WriteNPZ(&buf, false, ndarray.NPZEntry{Name: "x", Array: a}); !errors.As(err, &ve) {
			t.Errorf("WriteNPZ(%v): got %v, want a *ValueError", a.DType(), err)
		}
	}
}
