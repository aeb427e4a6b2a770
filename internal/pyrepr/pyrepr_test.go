package pyrepr

import "testing"

func TestTuple(t *testing.T) {
	for _, c := range []struct {
		v    []int
		want string
	}{
		{nil, "()"},
		{[]int{5}, "(5,)"},
		{[]int{3, 4}, "(3, 4)"},
		{[]int{2, 0, -1}, "(2, 0, -1)"},
	} {
		if got := Tuple(c.v); got != c.want {
			t.Errorf("Tuple(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// The expected values are Python 3's repr() of the same str and bytes.
func TestString(t *testing.T) {
	for _, c := range []struct {
		s, want string
	}{
		{"abc", "'abc'"},
		{"", "''"},
		{"it's", `"it's"`},
		{`it's "x"`, `'it\'s "x"'`},
		{`say "hi"`, `'say "hi"'`},
		{"a\\b", `'a\\b'`},
		{"tab\tnl\ncr\r", `'tab\tnl\ncr\r'`},
		{"\x00\x1f\x7f", `'\x00\x1f\x7f'`},
		{"\u0085\u00a0é", `'\x85\xa0é'`},
		{"\u200b€", `'\u200b€'`},
		{"\U000e0001😀", `'\U000e0001😀'`},
		{"bad\xff", `'bad\xff'`},
	} {
		if got := String(c.s); got != c.want {
			t.Errorf("String(%q) = %s, want %s", c.s, got, c.want)
		}
		if c.s == "bad\xff" {
			continue
		}
		if got := string(AppendRunes(nil, []rune(c.s))); got != c.want {
			t.Errorf("AppendRunes(%q) = %s, want %s", c.s, got, c.want)
		}
	}
	// code units a Unicode element may hold that are no characters
	if got := string(AppendRunes(nil, []rune{0xd800, 0x110000})); got != `'\ud800\U00110000'` {
		t.Errorf("surrogate and out of range: got %s", got)
	}
}

func TestBytes(t *testing.T) {
	for _, c := range []struct {
		b    []byte
		want string
	}{
		{[]byte("abc"), "b'abc'"},
		{[]byte("it's"), `b"it's"`},
		{[]byte("a\tb\n\\"), `b'a\tb\n\\'`},
		{[]byte{0, 0x7f, 0x80, 0xe9}, `b'\x00\x7f\x80\xe9'`},
	} {
		if got := string(AppendBytes(nil, c.b)); got != c.want {
			t.Errorf("AppendBytes(%q) = %s, want %s", c.b, got, c.want)
		}
	}
}

func TestDatashape(t *testing.T) {
	for _, c := range []struct {
		s, want string
	}{
		{"a", "'a'"},
		{"it's", `"it's"`},
		{`a'b"c\`, `'a\'b"c\\'`},
		{"x\ty\n\r", `'x\ty\n\r'`},
		{"\x01\x7f", `'\u0001\u007f'`},
		{"é\u200b\u0085", `'é\u200b\u0085'`},
		{"😀\U000e0001", `'😀\udb40\udc01'`},
	} {
		if got := string(AppendDatashape(nil, c.s)); got != c.want {
			t.Errorf("AppendDatashape(%q) = %s, want %s", c.s, got, c.want)
		}
	}
}
