package dtype

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
	"unsafe"
)

func mustRecordOf(t *testing.T, fields []FieldSpec, aligned bool) DType {
	t.Helper()
	d, err := RecordOf(fields, aligned)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func offsets(d DType) []int {
	var out []int
	for _, f := range d.Fields() {
		out = append(out, f.Offset)
	}
	return out
}

// The layouts are NumPy 1.24's (np.dtype(spec, align=...)).
func TestRecordOfLayouts(t *testing.T) {
	inner := func(aligned bool) DType {
		return mustRecordOf(t, []FieldSpec{{Name: "p", Type: Int32}, {Name: "q", Type: Uint8}}, aligned)
	}
	for _, tc := range []struct {
		name      string
		fields    []FieldSpec
		aligned   bool
		offsets   []int
		itemsize  int
		alignment int
	}{
		{"x:i1,y:f8 packed", []FieldSpec{{Name: "x", Type: Int8}, {Name: "y", Type: Float64}}, false, []int{0, 1}, 9, 1},
		{"x:i1,y:f8 aligned", []FieldSpec{{Name: "x", Type: Int8}, {Name: "y", Type: Float64}}, true, []int{0, 8}, 16, 8},
		{"a:u1,b:f8,c:i2(2) aligned", []FieldSpec{{Name: "a", Type: Uint8}, {Name: "b", Type: Float64}, {Name: "c", Type: Int16, Shape: []int{2}}}, true, []int{0, 8, 16}, 24, 8},
		{"m:f8(2,3),v:i4 packed", []FieldSpec{{Name: "m", Type: Float64, Shape: []int{2, 3}}, {Name: "v", Type: Int32}}, false, []int{0, 48}, 52, 1},
		{"m:f8(2,3),v:i4 aligned", []FieldSpec{{Name: "m", Type: Float64, Shape: []int{2, 3}}, {Name: "v", Type: Int32}}, true, []int{0, 48}, 56, 8},
		{"a:c8,b:u1 aligned", []FieldSpec{{Name: "a", Type: Complex64}, {Name: "b", Type: Uint8}}, true, []int{0, 8}, 12, 4},
		{"a:f2,b:u1 aligned", []FieldSpec{{Name: "a", Type: Float16}, {Name: "b", Type: Uint8}}, true, []int{0, 2}, 4, 2},
		{"a:u1,b:U3 aligned", []FieldSpec{{Name: "a", Type: Uint8}, {Name: "b", Type: Unicode(3)}}, true, []int{0, 4}, 16, 4},
		{"a:u1,b:S3,c:i8 packed", []FieldSpec{{Name: "a", Type: Uint8}, {Name: "b", Type: Bytes(3)}, {Name: "c", Type: Int64}}, false, []int{0, 1, 4}, 12, 1},
		{"a:u1,b:M8[s],c:m8[D] aligned", []FieldSpec{{Name: "a", Type: Uint8}, {Name: "b", Type: Datetime64(UnitSecond)}, {Name: "c", Type: Timedelta64(UnitDay)}}, true, []int{0, 8, 16}, 24, 8},
		{"nested packed", []FieldSpec{{Name: "x", Type: Int8}, {Name: "inner", Type: inner(false)}, {Name: "y", Type: Float32}}, false, []int{0, 1, 6}, 10, 1},
		{"nested aligned", []FieldSpec{{Name: "x", Type: Int8}, {Name: "inner", Type: inner(true)}, {Name: "y", Type: Float32}}, true, []int{0, 4, 12}, 16, 4},
		{"zero-length sub-array aligned", []FieldSpec{{Name: "a", Type: Uint8}, {Name: "b", Type: Float64, Shape: []int{0}}}, true, []int{0, 8}, 8, 8},
		{"empty packed", nil, false, nil, 0, 1},
		{"empty aligned", nil, true, nil, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mustRecordOf(t, tc.fields, tc.aligned)
			if !slices.Equal(offsets(d), tc.offsets) || d.Size() != tc.itemsize || d.Alignment() != tc.alignment {
				t.Errorf("offsets %v itemsize %d alignment %d, want %v %d %d", offsets(d), d.Size(), d.Alignment(), tc.offsets, tc.itemsize, tc.alignment)
			}
			if d.IsAlignedRecord() != tc.aligned {
				t.Errorf("IsAlignedRecord %v", d.IsAlignedRecord())
			}
		})
	}
	if in := inner(true); in.Size() != 8 || in.Alignment() != 4 {
		t.Errorf("aligned inner: itemsize %d alignment %d, want 8 4", in.Size(), in.Alignment())
	}
}

func TestRecordOfDefaultNamesAndErrors(t *testing.T) {
	d := mustRecordOf(t, []FieldSpec{{Type: Int8}, {Type: Int16}}, false)
	if f := d.Fields(); f[0].Name != "f0" || f[1].Name != "f1" {
		t.Errorf("default names %q %q", f[0].Name, f[1].Name)
	}
	var re *RecordError
	for name, fields := range map[string][]FieldSpec{
		"repeated name":      {{Name: "a", Type: Uint8}, {Name: "a", Type: Float64}},
		"default name clash": {{Name: "f1", Type: Uint8}, {Type: Float64}},
		"no type":            {{Name: "a"}},
		"negative dimension": {{Name: "a", Type: Int8, Shape: []int{-1}}},
		"too large":          {{Name: "a", Type: Float64, Shape: []int{1 << 30}}},
	} {
		if _, err := RecordOf(fields, false); !errors.As(err, &re) {
			t.Errorf("%s: got %v, want a *RecordError", name, err)
		}
	}
}

func TestRecordFromSpec(t *testing.T) {
	d, err := RecordFromSpec(RecordSpec{Names: []string{"a", "b"}, Types: []DType{Int32, Int16}, Offsets: []int{4, 0}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(offsets(d), []int{4, 0}) || d.Size() != 8 || d.Alignment() != 4 {
		t.Errorf("offsets %v itemsize %d alignment %d, want [4 0] 8 4", offsets(d), d.Size(), d.Alignment())
	}
	if _, err := d.Descr(); err == nil {
		t.Error("out-of-order fields have a descr")
	}
	d, err = RecordFromSpec(RecordSpec{Names: []string{"a", "b"}, Types: []DType{Uint8, Int32}, Offsets: []int{0, 4}, Itemsize: 10}, false)
	if err != nil {
		t.Fatal(err)
	}
	if d.Size() != 10 || d.Alignment() != 1 {
		t.Errorf("itemsize %d alignment %d", d.Size(), d.Alignment())
	}
	d, err = RecordFromSpec(RecordSpec{Names: []string{"a", "b"}, Types: []DType{Uint8, Int32}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(offsets(d), []int{0, 4}) || d.Size() != 8 {
		t.Errorf("offsets %v itemsize %d", offsets(d), d.Size())
	}
	var re *RecordError
	for name, tc := range map[string]struct {
		s       RecordSpec
		aligned bool
	}{
		"misaligned offset":       {RecordSpec{Names: []string{"a", "b"}, Types: []DType{Int32, Int32}, Offsets: []int{0, 2}}, true},
		"itemsize not divisible":  {RecordSpec{Names: []string{"a", "b"}, Types: []DType{Uint8, Int32}, Offsets: []int{0, 4}, Itemsize: 10}, true},
		"itemsize too small":      {RecordSpec{Names: []string{"a", "b"}, Types: []DType{Uint8, Int32}, Itemsize: 3}, false},
		"repeated name":           {RecordSpec{Names: []string{"a", "a"}, Types: []DType{Uint8, Int32}}, false},
		"empty name":              {RecordSpec{Names: []string{""}, Types: []DType{Uint8}}, false},
		"negative offset":         {RecordSpec{Names: []string{"a"}, Types: []DType{Uint8}, Offsets: []int{-1}}, false},
		"formats of other length": {RecordSpec{Names: []string{"a", "b"}, Types: []DType{Uint8}}, false},
		"offsets of other length": {RecordSpec{Names: []string{"a"}, Types: []DType{Uint8}, Offsets: []int{0, 1}}, false},
	} {
		if _, err := RecordFromSpec(tc.s, tc.aligned); !errors.As(err, &re) {
			t.Errorf("%s: got %v, want a *RecordError", name, err)
		}
	}
}

func TestRecordDescrAndString(t *testing.T) {
	inner := mustRecordOf(t, []FieldSpec{{Name: "p", Type: Int32}, {Name: "q", Type: Uint8}}, true)
	for _, tc := range []struct {
		name     string
		d        DType
		literal  string
		str      string
		numDescr int
	}{
		{"aligned with padding",
			mustRecordOf(t, []FieldSpec{{Name: "a", Type: Uint8}, {Name: "b", Type: Float64}, {Name: "c", Type: Int16, Shape: []int{2}}}, true),
			"[('a', '|u1'), ('', '|V7'), ('b', '<f8'), ('c', '<i2', (2,)), ('', '|V4')]",
			"{'names': ['a', 'b', 'c'], 'formats': ['u1', '<f8', ('<i2', (2,))], 'offsets': [0, 8, 16], 'itemsize': 24, 'aligned': True}", 5},
		{"npy file",
			mustRecordOf(t, []FieldSpec{{Name: "id", Type: Int32}, {Name: "value", Type: Float64}, {Name: "flag", Type: Bool}}, false),
			"[('id', '<i4'), ('value', '<f8'), ('flag', '|b1')]",
			"[('id', '<i4'), ('value', '<f8'), ('flag', '?')]", 3},
		{"sub-array and big-endian",
			mustRecordOf(t, []FieldSpec{{Name: "n", Type: Uint16}, {Name: "pos", Type: Float32, Shape: []int{2}}, {Name: "big", Type: Int64.WithByteOrder(BigEndian)}}, false),
			"[('n', '<u2'), ('pos', '<f4', (2,)), ('big', '>i8')]",
			"[('n', '<u2'), ('pos', '<f4', (2,)), ('big', '>i8')]", 3},
		{"nested aligned",
			mustRecordOf(t, []FieldSpec{{Name: "x", Type: Int8}, {Name: "inner", Type: inner}, {Name: "y", Type: Float32}}, true),
			"[('x', '|i1'), ('', '|V3'), ('inner', [('p', '<i4'), ('q', '|u1'), ('', '|V3')]), ('y', '<f4')]",
			"{'names': ['x', 'inner', 'y'], 'formats': ['i1', [('p', '<i4'), ('q', 'u1')], '<f4'], 'offsets': [0, 4, 12], 'itemsize': 16, 'aligned': True}", 4},
		{"strings and dates",
			mustRecordOf(t, []FieldSpec{{Name: "s", Type: Bytes(3)}, {Name: "u", Type: Unicode(2)}, {Name: "t", Type: Datetime64(UnitNanosecond)}}, false),
			"[('s', '|S3'), ('u', '<U2'), ('t', '<M8[ns]')]",
			"[('s', 'S3'), ('u', '<U2'), ('t', '<M8[ns]')]", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lit, err := tc.d.DescrLiteral()
			if err != nil || lit != tc.literal {
				t.Errorf("DescrLiteral = %s, %v\nwant %s", lit, err, tc.literal)
			}
			if s := tc.d.String(); s != tc.str {
				t.Errorf("String = %s\nwant %s", s, tc.str)
			}
			ds, err := tc.d.Descr()
			if err != nil || len(ds) != tc.numDescr {
				t.Errorf("Descr = %v, %v", ds, err)
			}
		})
	}
	if lit, _ := Float64.DescrLiteral(); lit != "'<f8'" {
		t.Errorf("float64 descr literal %s", lit)
	}
	if s := Void(8).String(); s != "|V8" {
		t.Errorf("Void(8) prints %s", s)
	}
}

func TestFromDescr(t *testing.T) {
	want := mustRecordOf(t, []FieldSpec{{Name: "n", Type: Uint16}, {Name: "pos", Type: Float32, Shape: []int{2}}, {Name: "big", Type: Int64.WithByteOrder(BigEndian)}}, false)
	got, err := FromDescr([]DescrField{{Name: "n", Str: "<u2"}, {Name: "pos", Str: "<f4", Shape: []int{2}}, {Name: "big", Str: ">i8"}})
	if err != nil || got != want {
		t.Fatalf("FromDescr = %v, %v; want %v", got, err, want)
	}
	// padding entries are skipped but counted; nested descrs nest
	got, err = FromDescr([]DescrField{{Name: "a", Str: "|u1"}, {Str: "|V3"}, {Name: "in", Fields: []DescrField{{Name: "p", Str: "<i4"}}}, {Str: "|V2"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(offsets(got), []int{0, 4}) || got.Size() != 10 {
		t.Errorf("padded: offsets %v itemsize %d", offsets(got), got.Size())
	}
	for name, bad := range map[string][]DescrField{
		"unnamed field":  {{Str: "<i4"}},
		"repeated name":  {{Name: "a", Str: "<i4"}, {Name: "a", Str: "<i4"}},
		"unknown type":   {{Name: "a", Str: "<x9"}},
		"huge sub-array": {{Name: "a", Str: "<f8", Shape: []int{1 << 20, 1 << 20}}},
	} {
		if _, err := FromDescr(bad); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if d, err := Parse("|V7"); err != nil || d != Void(7) {
		t.Errorf("Parse(|V7) = %v, %v", d, err)
	}
}

func TestRecordPromote(t *testing.T) {
	a := mustRecordOf(t, []FieldSpec{{Name: "a", Type: Uint8}, {Name: "b", Type: Float32}}, false)
	b := mustRecordOf(t, []FieldSpec{{Name: "a", Type: Int16}, {Name: "b", Type: Float32}}, true)
	r, err := Promote(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := mustRecordOf(t, []FieldSpec{{Name: "a", Type: Int16}, {Name: "b", Type: Float32}}, true)
	if r != want {
		t.Errorf("Promote = %v, want %v", r, want)
	}
	if r, err := Promote(a, a); err != nil || r != a {
		t.Errorf("Promote(a, a) = %v, %v", r, err)
	}
	var pe *PromotionError
	renamed := mustRecordOf(t, []FieldSpec{{Name: "x", Type: Uint8}, {Name: "b", Type: Float32}}, false)
	fewer := mustRecordOf(t, []FieldSpec{{Name: "a", Type: Uint8}}, false)
	for _, other := range []DType{renamed, fewer, Float64, Unicode(3)} {
		if _, err := Promote(a, other); !errors.As(err, &pe) {
			t.Errorf("Promote(%v, %v): got %v, want a *PromotionError", a, other, err)
		}
	}
}

func TestRecordCasts(t *testing.T) {
	ab := mustRecordOf(t, []FieldSpec{{Name: "a", Type: Int32}, {Name: "b", Type: Int32}}, false)
	ba := mustRecordOf(t, []FieldSpec{{Name: "b", Type: Int64}, {Name: "a", Type: Float32}}, false)
	one := mustRecordOf(t, []FieldSpec{{Name: "a", Type: Int32}}, false)
	sub := mustRecordOf(t, []FieldSpec{{Name: "a", Type: Int32}, {Name: "b", Type: Float32, Shape: []int{2}}}, false)

	// by position: (1, 2), (-3, 40000) -> b:int64 = 1, a:float32 = 2
	src := []int32{1, 2, -3, 40000}
	dst := make([]byte, 2*ba.Size())
	loop, err := GetCast(ab, ba)
	if err != nil {
		t.Fatal(err)
	}
	loop(unsafe.Pointer(&dst[0]), ba.Size(), unsafe.Pointer(&src[0]), ab.Size(), 2)
	for i, w := range []struct {
		b int64
		a float32
	}{{1, 2}, {-3, 40000}} {
		rec := dst[i*12:]
		if gb, ga := *(*int64)(unsafe.Pointer(&rec[0])), *(*float32)(unsafe.Pointer(&rec[8])); gb != w.b || ga != w.a {
			t.Errorf("record %d: (%d, %v), want (%d, %v)", i, gb, ga, w.b, w.a)
		}
	}

	// a number sets every field and sub-array element
	f := []float64{1.5, -2.5}
	out := make([]byte, 2*sub.Size())
	loop, err = GetCast(Float64, sub)
	if err != nil {
		t.Fatal(err)
	}
	loop(unsafe.Pointer(&out[0]), sub.Size(), unsafe.Pointer(&f[0]), 8, 2)
	for i, w := range []struct {
		a int32
		b float32
	}{{1, 1.5}, {-2, -2.5}} {
		rec := out[i*12:]
		a := *(*int32)(unsafe.Pointer(&rec[0]))
		b0, b1 := *(*float32)(unsafe.Pointer(&rec[4])), *(*float32)(unsafe.Pointer(&rec[8]))
		if a != w.a || b0 != w.b || b1 != w.b {
			t.Errorf("record %d: (%d, [%v %v]), want (%d, [%v %v])", i, a, b0, b1, w.a, w.b, w.b)
		}
	}

	// one field casts out; two do not
	v := []int32{7}
	var i64 int64
	loop, err = GetCast(one, Int64)
	if err != nil {
		t.Fatal(err)
	}
	loop(unsafe.Pointer(&i64), 8, unsafe.Pointer(&v[0]), 4, 1)
	if i64 != 7 {
		t.Errorf("one-field record to int64: %d", i64)
	}
	var ce *CastError
	if _, err := GetCast(ab, Int32); !errors.As(err, &ce) {
		t.Errorf("two-field record to int32: %v, want a *CastError", err)
	}
	if _, err := GetCast(ab, one); !errors.As(err, &ce) {
		t.Errorf("records of 2 and 1 fields: %v, want a *CastError", err)
	}

	for _, tc := range []struct {
		from, to DType
		casting  Casting
		want     bool
	}{
		{Int64, ab, Unsafe, true},
		{Int64, ab, SameKind, false},
		{one, Int64, Unsafe, true},
		{one, Int64, Safe, false},
		{ab, Int32, Unsafe, false},
		{ab, ba, Unsafe, true},
		{ab, ba, SameKind, true}, // int32 -> float32 is same_kind
		{ab, ba, Safe, false},
		{ab, mustRecordOf(t, []FieldSpec{{Name: "x", Type: Int32}, {Name: "y", Type: Int32}}, false), Safe, true}, // other names: at least safe
		{ab, mustRecordOf(t, []FieldSpec{{Name: "x", Type: Int32}, {Name: "y", Type: Int32}}, false), Equiv, false},
		{ab, mustRecordOf(t, []FieldSpec{{Name: "a", Type: Int64}, {Name: "b", Type: Int64}}, false), Safe, true},
		{ab, mustRecordOf(t, []FieldSpec{{Name: "a", Type: Int16}, {Name: "b", Type: Int64}}, false), Safe, false},
		{ab, one, Unsafe, false},
	} {
		if got := CanCast(tc.from, tc.to, tc.casting); got != tc.want {
			t.Errorf("CanCast(%v, %v, %v) = %v, want %v", tc.from, tc.to, tc.casting, got, tc.want)
		}
	}
}

func TestRecordComparerAndEqual(t *testing.T) {
	d := mustRecordOf(t, []FieldSpec{{Name: "k", Type: Float64}, {Name: "s", Type: Unicode(1)}}, false)
	cmp, err := GetComparer(d)
	if err != nil {
		t.Fatal(err)
	}
	eq, err := GetEqual(d)
	if err != nil {
		t.Fatal(err)
	}
	mk := func(k float64, s rune) []byte {
		b := make([]byte, 12)
		*(*float64)(unsafe.Pointer(&b[0])) = k
		*(*uint32)(unsafe.Pointer(&b[8])) = uint32(s)
		return b
	}
	p := func(b []byte) unsafe.Pointer { return unsafe.Pointer(&b[0]) }
	nan := math.NaN()
	for _, tc := range []struct {
		a, b []byte
		cmp  int
		eq   bool
	}{
		{mk(1, 'a'), mk(2, 'a'), -1, false},
		{mk(2, 'a'), mk(2, 'b'), -1, false},
		{mk(2, 0), mk(2, 'a'), -1, false},
		{mk(nan, 'a'), mk(1e300, 'z'), 1, false},
		{mk(nan, 'a'), mk(nan, 'a'), 0, false},
		{mk(math.Copysign(0, -1), 'a'), mk(0, 'a'), 0, true},
	} {
		if got := cmp(p(tc.a), p(tc.b)); got != tc.cmp {
			t.Errorf("compare: %d, want %d", got, tc.cmp)
		}
		if got := eq(p(tc.a), p(tc.b)); got != tc.eq {
			t.Errorf("equal: %v, want %v", got, tc.eq)
		}
	}
	nat := Datetime64(UnitSecond)
	c, _ := GetComparer(nat)
	e, _ := GetEqual(nat)
	x, y := int64(math.MinInt64), int64(5)
	if c(unsafe.Pointer(&x), unsafe.Pointer(&y)) != 1 || e(unsafe.Pointer(&x), unsafe.Pointer(&x)) {
		t.Error("NaT must sort last and be unequal to itself")
	}
	big := Int32.WithByteOrder(BigEndian)
	c, _ = GetComparer(big)
	bx, by := []byte{0, 0, 1, 0}, []byte{0, 0, 0, 255}
	if c(p(bx), p(by)) != 1 {
		t.Error("big-endian 256 must sort after 255")
	}
}

func ExampleRecordOf() {
	d, _ := RecordOf([]FieldSpec{{Name: "x", Type: Int8}, {Name: "y", Type: Float64}}, true)
	fmt.Println(d.Size(), d.Alignment(), d.Fields()[1].Offset)
	lit, _ := d.DescrLiteral()
	fmt.Println(lit)
	fmt.Println(d)
	// Output:
	// 16 8 8
	// [('x', '|i1'), ('', '|V7'), ('y', '<f8')]
	// {'names': ['x', 'y'], 'formats': ['i1', '<f8'], 'offsets': [0, 8], 'itemsize': 16, 'aligned': True}
}
