package datashape

import (
	"errors"
	"strings"
	"testing"
)

func TestParsePrint(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3 * int32", "3 * int32"},
		{"var * float64", "var * float64"},
		{"N * M * T", "N * M * T"},
		{"Dims... * float32", "Dims... * float32"},
		{"... * int8", "... * int8"},
		{"ellipsis * int8", "... * int8"},
		{"5000000000 * bool", "5000000000 * bool"},
		{"0 * string", "0 * string"},
		{"int", "int32"},
		{"real", "float64"},
		{"complex", "complex[float64]"},
		{"complex64", "complex[float32]"},
		{"complex[tp=float32]", "complex[float32]"},
		{"intptr", "int64"},
		{"?int32", "?int32"},
		{"option[int32]", "?int32"},
		{"2 * ?3 * int32", "2 * ?3 * int32"},
		{"2 * option[3 * int32]", "2 * ?3 * int32"},
		{"string[10, 'ascii']", "string[10, 'A']"},
		{"string['utf-8']", "string"},
		{"string['utf16']", "string['U16']"},
		{"string[7]", "string[7]"},
		{"datetime[tz=\"UTC\"]", "datetime[tz='UTC']"},
		{"timedelta", "timedelta[unit='us']"},
		{"timedelta['hours']", "timedelta[unit='h']"},
		{"decimal[9, 2]", "decimal[precision=9, scale=2]"},
		{"units['kg', float64]", "units['kg']"},
		{"units[tp=int32, unit='m/s']", "units['m/s', int32]"},
		{"categorical[[1, 2, 3]]", "categorical[[1, 2, 3], type=int64, ordered=False]"},
		{"map[int32, {a: int64}]", "map[int32, {a: int64}]"},
		{"struct[['x', 'y'], [int32, int16]]", "{x: int32, y: int16}"},
		{"tuple[[int64, float32]]", "(int64, float32)"},
		{"funcproto[[string, int], bool]", "(string, int32) -> bool"},
		{"{x:int32,y:?string,}", "{x: int32, y: ?string}"},
		{"{}", "{}"},
		{"{'a b': int32, _c: int8, 'True': bool}", "{'a b': int32, _c: int8, 'True': bool}"},
		{`{'it\'s': int32}`, `{"it's": int32}`},
		{`{"tab\there": int32}`, `{'tab\there': int32}`},
		{`{'back\\slash': int32}`, `{'back\\slash': int32}`},
		{`{"\u00e9t\u00e9": int32}`, `{'été': int32}`},
		{`{"\u0001": int32}`, `{'\u0001': int32}`},
		{"(int32)", "(int32)"},
		{"(int32,)", "(int32)"},
		{"()", "()"},
		{"() -> bool", "() -> bool"},
		{"(int32) -> (int32) -> int32", "(int32) -> (int32) -> int32"},
		{"3 * (int32) -> int32", "3 * (int32) -> int32"},
		{"(M * N * T, N * P * T) -> M * P * T", "(M * N * T, N * P * T) -> M * P * T"},
		{"# comment\n3 *\n\tint32 # end", "3 * int32"},
	}
	for _, tc := range tests {
		ds, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := ds.String(); got != tc.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got, tc.want)
			continue
		}
		back, err := Parse(tc.want)
		if err != nil {
			t.Errorf("printed form %q does not parse: %v", tc.want, err)
			continue
		}
		if !back.Equal(ds) {
			t.Errorf("round trip of %q gives %q", tc.want, back)
		}
	}
}

func TestParseStructure(t *testing.T) {
	ds := MustParse("3 * var * {name: string, score: ?float32}")
	if len(ds.Dims) != 2 || ds.Dims[0] != Fixed(3) || ds.Dims[1] != (Var{}) {
		t.Fatalf("dims = %v", ds.Dims)
	}
	rec, ok := ds.Measure.(*Record)
	if !ok || len(rec.Fields) != 2 {
		t.Fatalf("measure = %#v", ds.Measure)
	}
	if rec.Fields[0].Name != "name" || rec.Fields[1].Name != "score" {
		t.Errorf("field names = %q, %q", rec.Fields[0].Name, rec.Fields[1].Name)
	}
	if _, ok := rec.Fields[0].Type.Measure.(*String); !ok {
		t.Errorf("name is %T, want *String", rec.Fields[0].Type.Measure)
	}
	opt, ok := rec.Fields[1].Type.Measure.(*Option)
	if !ok || opt.Type.Measure != Float32 {
		t.Errorf("score is %v, want ?float32", rec.Fields[1].Type)
	}
	// A programmatically built record with odd names prints quoted and reads back.
	odd := New(&Record{Fields: []Field{{"True", New(Int8)}, {"a\\b'\"c", New(Bool)}, {"", New(Void)}}})
	back, err := Parse(odd.String())
	if err != nil || !back.Equal(odd) {
		t.Errorf("odd names %s: round trip %v, %v", odd, back, err)
	}
	if got := back.Measure.(*Record).Fields[1].Name; got != "a\\b'\"c" {
		t.Errorf("field name read back as %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	// Positions hand-checked: line and column (1-based, in characters) of
	// the offending token.
	tests := []struct {
		in        string
		line, col int
		msg       string
	}{
		{"", 1, 1, "empty datashape"},
		{"3 * int32;", 1, 10, "invalid token"},
		{"3 *", 1, 4, "end of input"},
		{"* int32", 1, 1, "expected a dimension or a measure"},
		{"int32 * 3", 1, 7, "unexpected"},
		{"3 * 4", 1, 6, "expected '*'"},
		{"{a int32}", 1, 4, "expected ':'"},
		{"{\n   id: int64\n   name: string\n}", 3, 4, "expected ',' or '}'"},
		{"??int32", 1, 2, "option"},
		{"option[?int32]", 1, 8, "option"},
		{"{a: int32, a: int64}", 1, 12, "duplicate field name"},
		{"01 * int32", 1, 1, "leading zeros"},
		{"-1 * int32", 1, 1, "negative"},
		{"string['latin1']", 1, 8, "encoding"},
		{"A... * B... * int32", 1, 8, "only one ellipsis"},
		{"string[]", 1, 8, "at least one argument"},
		{"decimal[precision=10, 2]", 1, 23, "positional argument after a keyword"},
		{"categorical[[0, 'x']]", 1, 17, "one kind"},
		{"complex[int64]", 1, 9, "float32 or float64"},
		{"fixed[3] * int32", 1, 1, "dimension constructors"},
		{"(int32, var)", 1, 12, "expected '*'"},
		{"boot", 1, 1, "unknown type"},
		{"{'a\nb': int8}", 1, 4, "newline"},
		{`'\a'`, 1, 2, "invalid escape"},
		{"3 * é", 1, 5, "invalid token"},
		{"é * int32", 1, 1, "invalid token"},
		{"{x: int32,\n y: int64 ;}", 2, 11, "invalid token"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.in)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q): error %v, want a *ParseError", tc.in, err)
			continue
		}
		if pe.Line != tc.line || pe.Column != tc.col || !strings.Contains(pe.Msg, tc.msg) {
			t.Errorf("Parse(%q): %d:%d %q, want %d:%d containing %q", tc.in, pe.Line, pe.Column, pe.Msg, tc.line, tc.col, tc.msg)
		}
	}
}

func TestParseErrorCaret(t *testing.T) {
	_, err := Parse("3 * int32;")
	want := "datashape: 1:10: invalid token ';'\n    3 * int32;\n             ^"
	if err == nil || err.Error() != want {
		t.Errorf("error text:\n%v\nwant:\n%s", err, want)
	}
	_, err = Parse("{\n\tid: int64\n\tname: string\n}")
	want = "datashape: 3:2: expected ',' or '}' after a record field, got name \"name\"\n    \tname: string\n    \t^"
	if err == nil || err.Error() != want {
		t.Errorf("error text:\n%v\nwant:\n%s", err, want)
	}
}

func TestParseLimits(t *testing.T) {
	deep := strings.Repeat("(", MaxDepth+10) + "int32" + strings.Repeat(")", MaxDepth+10)
	if _, err := Parse(deep); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("deep nesting: %v", err)
	}
	ok := strings.Repeat("(", 100) + "int32" + strings.Repeat(")", 100)
	if _, err := Parse(ok); err != nil {
		t.Errorf("nesting 100: %v", err)
	}
	if _, err := Parse(strings.Repeat(" ", MaxInputSize+1)); err == nil {
		t.Error("oversized input accepted")
	}
	if _, err := Parse("99999999999999999999 * int32"); err == nil {
		t.Error("huge dimension accepted")
	}
}

func BenchmarkParse(b *testing.B) {
	const s = "(D... * M * N * T, D... * N * P * T) -> D... * M * P * T"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(s); err != nil {
			b.Fatal(err)
		}
	}
}
