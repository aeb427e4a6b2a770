package ndarray_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func recordType(t testing.TB, aligned bool, fields ...dtype.FieldSpec) dtype.DType {
	t.Helper()
	d, err := dtype.RecordOf(fields, aligned)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// records makes a 1-d record array from tuples.
func records(t testing.TB, dt dtype.DType, recs ...[]any) *ndarray.Array {
	t.Helper()
	a, err := ndarray.Zeros(dt, len(recs))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		if err := a.SetRecord(r, i); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// flat is the corpus's "flat" record type: a u1, b f8, c i2 (2,), packed.
func flat(t testing.TB) dtype.DType {
	return recordType(t, false, dtype.FieldSpec{Name: "a", Type: dtype.Uint8}, dtype.FieldSpec{Name: "b", Type: dtype.Float64},
		dtype.FieldSpec{Name: "c", Type: dtype.Int16, Shape: []int{2}})
}

func TestFieldViews(t *testing.T) {
	a := records(t, flat(t), []any{1, 0.5, []any{1, 2}}, []any{2, 1.5, []any{3, 4}}, []any{3, 2.5, []any{5, 6}}, []any{4, 3.5, []any{7, 8}})
	a2, err := a.Reshape(2, 2)
	if err != nil {
		t.Fatal(err)
	}
	c, err := a2.Field("c")
	if err != nil {
		t.Fatal(err)
	}
	if c.DType() != dtype.Int16 || !slices.Equal(c.Shape(), []int{2, 2, 2}) {
		t.Fatalf("field c: %v %v, want int16 (2, 2, 2)", c.DType(), c.Shape())
	}
	if got := ndarray.ToSlice[int16](c); !slices.Equal(got, []int16{1, 2, 3, 4, 5, 6, 7, 8}) {
		t.Errorf("field c: %v", got)
	}
	if v, err := a.Item(1); err != nil || !reflect.DeepEqual(v, []any{uint8(2), 1.5, []any{int16(3), int16(4)}}) {
		t.Errorf("Item(1) = %#v, %v", v, err)
	}
	b, _ := a.Field("b")
	if got := ndarray.ToSlice[float64](b); !slices.Equal(got, []float64{0.5, 1.5, 2.5, 3.5}) {
		t.Errorf("field b: %v", got)
	}
	// the view writes the records
	ndarray.Set(b, -1.0, 2)
	if r, _ := a.RecordAt(2); r[1] != -1.0 {
		t.Errorf("record 2 after writing field b: %v", r)
	}
	var ie *ndarray.IndexError
	if _, err := a.Field("zz"); !errors.As(err, &ie) {
		t.Errorf("unknown field: %v, want an *IndexError", err)
	}
	if _, err := ndarray.Scalar(1.5).Field("a"); !errors.As(err, &ie) {
		t.Errorf("field of a float array: %v, want an *IndexError", err)
	}
}

func TestFieldsView(t *testing.T) {
	a := records(t, flat(t), []any{1, 2.5, []any{3, -4}}, []any{255, math.Inf(1), []any{32767, -32768}})
	v, err := a.FieldsView("c", "a")
	if err != nil {
		t.Fatal(err)
	}
	fs := v.DType().Fields()
	if v.DType().Size() != 13 || len(fs) != 2 || fs[0].Name != "c" || fs[0].Offset != 9 || fs[1].Name != "a" || fs[1].Offset != 0 {
		t.Fatalf("view dtype %v (itemsize %d)", v.DType(), v.DType().Size())
	}
	if r, _ := v.RecordAt(1); !reflect.DeepEqual(r, []any{[]any{int16(32767), int16(-32768)}, uint8(255)}) {
		t.Errorf("record 1 of the view: %#v", r)
	}
	var ie *ndarray.IndexError
	for _, names := range [][]string{{"a", "zz"}, {"a", "a"}} {
		if _, err := a.FieldsView(names...); !errors.As(err, &ie) {
			t.Errorf("%v: %v, want an *IndexError", names, err)
		}
	}
}

func TestSetRecord(t *testing.T) {
	inner := recordType(t, false, dtype.FieldSpec{Name: "p", Type: dtype.Int32}, dtype.FieldSpec{Name: "q", Type: dtype.Uint8})
	nested := recordType(t, false, dtype.FieldSpec{Name: "x", Type: dtype.Int8}, dtype.FieldSpec{Name: "inner", Type: inner}, dtype.FieldSpec{Name: "y", Type: dtype.Float32})
	a := records(t, nested, []any{1, []any{2, 3}, 4.5}, []any{-128, []any{math.MinInt32, 255}, math.Copysign(0, -1)})
	if err := a.SetRecord([]any{5, []any{6, 7}, 8.25}, -1); err != nil {
		t.Fatal(err)
	}
	if r, _ := a.RecordAt(1); !reflect.DeepEqual(r, []any{int8(5), []any{int32(6), uint8(7)}, float32(8.25)}) {
		t.Errorf("record 1: %#v", r)
	}

	// a number sets every field and sub-array element; uint8 wraps
	f := records(t, flat(t), []any{1, 2.5, []any{3, -4}})
	if err := f.SetRecord(7, 0); err != nil {
		t.Fatal(err)
	}
	if r, _ := f.RecordAt(0); !reflect.DeepEqual(r, []any{uint8(7), 7.0, []any{int16(7), int16(7)}}) {
		t.Errorf("record set from 7: %#v", r)
	}
	if err := f.SetRecord([]any{300, math.NaN(), []any{1, 1}}, 0); err != nil {
		t.Fatal(err)
	}
	if r, _ := f.RecordAt(0); r[0] != uint8(44) || !math.IsNaN(r[1].(float64)) {
		t.Errorf("record set from (300, nan, …): %#v", r)
	}

	// strings are truncated, NaT is a date
	mixed := recordType(t, false, dtype.FieldSpec{Name: "name", Type: dtype.Unicode(5)}, dtype.FieldSpec{Name: "tag", Type: dtype.Bytes(3)},
		dtype.FieldSpec{Name: "t", Type: dtype.Datetime64(dtype.UnitSecond)}, dtype.FieldSpec{Name: "z", Type: dtype.Complex64})
	m := records(t, mixed, []any{"abcdefg", "xyzw", "NaT", complex(0.5, -1)})
	if r, _ := m.RecordAt(0); !reflect.DeepEqual(r, []any{"abcde", "xyz", int64(math.MinInt64), complex64(complex(0.5, -1))}) {
		t.Errorf("mixed record: %#v", r)
	}

	// a sub-array of records takes nested tuples
	pts := recordType(t, false, dtype.FieldSpec{Name: "x", Type: dtype.Float32}, dtype.FieldSpec{Name: "y", Type: dtype.Float32})
	sub := records(t, recordType(t, false, dtype.FieldSpec{Name: "pts", Type: pts, Shape: []int{2}}, dtype.FieldSpec{Name: "n", Type: dtype.Uint16}),
		[]any{[]any{[]any{9, 8}, []any{7, 6}}, 5})
	if r, _ := sub.RecordAt(0); !reflect.DeepEqual(r, []any{[]any{[]any{float32(9), float32(8)}, []any{float32(7), float32(6)}}, uint16(5)}) {
		t.Errorf("sub-array of records: %#v", r)
	}

	mat := recordType(t, false, dtype.FieldSpec{Name: "m", Type: dtype.Float64, Shape: []int{2, 3}}, dtype.FieldSpec{Name: "v", Type: dtype.Int32})
	mm := records(t, mat, []any{[]any{[]any{1, 2, 3}, []any{4, 5, 6}}, 7}, []any{[]any{1, 2, 3, 4, 5, 6}, 7})
	m0, _ := mm.RecordAt(0)
	m1, _ := mm.RecordAt(1)
	if !reflect.DeepEqual(m0, m1) || !reflect.DeepEqual(m0[0], []any{1.0, 2.0, 3.0, 4.0, 5.0, 6.0}) {
		t.Errorf("a (2, 3) sub-array from rows %#v and from a flat list %#v", m0, m1)
	}

	var se *ndarray.ShapeError
	for _, bad := range []any{[]any{9, 9.5}, []any{9, 9.5, []any{1, 1}, 4}, []any{9, 9.5, []any{1, 2, 3}}} {
		if err := f.SetRecord(bad, 0); !errors.As(err, &se) {
			t.Errorf("SetRecord(%v): %v, want a *ShapeError", bad, err)
		}
	}
	var ie *ndarray.IndexError
	if err := f.SetRecord(1, 5); !errors.As(err, &ie) {
		t.Errorf("index out of bounds: %v, want an *IndexError", err)
	}
	var ve *ndarray.ValueError
	if err := f.SetRecord(struct{}{}, 0); !errors.As(err, &ve) {
		t.Errorf("a Go struct: %v, want a *ValueError", err)
	}
	if err := m.SetRecord([]any{"a", "é", "NaT", 0}, 0); !errors.As(err, &ve) {
		t.Errorf("non-ASCII text for a bytes field: %v, want a *ValueError", err)
	}
	if r, _ := m.RecordAt(0); r[0] != "abcde" {
		t.Errorf("a failed SetRecord wrote %#v", r)
	}
	if err := f.ReadOnly().SetRecord(1, 0); !errors.As(err, &ve) {
		t.Errorf("read-only: %v, want a *ValueError", err)
	}
}

// The expected texts are NumPy 1.24's str and repr.
func TestRecordFormat(t *testing.T) {
	ab := recordType(t, false, dtype.FieldSpec{Name: "a", Type: dtype.Int32}, dtype.FieldSpec{Name: "b", Type: dtype.Float64})
	for _, tc := range []struct {
		a    *ndarray.Array
		want string
	}{
		{records(t, ab, []any{1, 2.5}, []any{3, 4.5}), "[(1, 2.5) (3, 4.5)]"},
		{records(t, ab, []any{1, 2.5}, []any{30, 10.25}), "[( 1,  2.5 ) (30, 10.25)]"},
		{records(t, recordType(t, false, dtype.FieldSpec{Name: "f", Type: dtype.Bool}), []any{true}, []any{false}), "[( True,) (False,)]"},
		{records(t, flat(t), []any{1, 0.5, []any{1, 2}}, []any{2, 1.5, []any{3, 4}}), "[(1, 0.5, [1, 2]) (2, 1.5, [3, 4])]"},
	} {
		if got := fmt.Sprint(tc.a); got != tc.want {
			t.Errorf("got %s, want %s", got, tc.want)
		}
	}
	a := records(t, ab, []any{1, 2.5}, []any{3, 4.5})
	if got := a.String(); !strings.HasPrefix(got, "array([(1, 2.5), (3, 4.5)],") || !strings.Contains(got, "dtype=[('a', '<i4'), ('b', '<f8')]") {
		t.Errorf("repr %s", got)
	}
	first, err := a.Slice(ndarray.Int(0))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(first); got != "(1, 2.5)" {
		t.Errorf("0-d record: %s", got)
	}
}

// The corpus's k, v, s records and NumPy's sort permutations of them.
func kvs(t testing.TB) *ndarray.Array {
	dt := recordType(t, false, dtype.FieldSpec{Name: "k", Type: dtype.Float64}, dtype.FieldSpec{Name: "v", Type: dtype.Float64}, dtype.FieldSpec{Name: "s", Type: dtype.Unicode(1)})
	nan := math.NaN()
	return records(t, dt, []any{2.0, 1.0, "b"}, []any{1.0, 2.0, "a"}, []any{2.0, 0.5, "a"}, []any{1.0, nan, "c"},
		[]any{1.0, -1.0, "b"}, []any{nan, 0.0, "a"}, []any{2.0, 0.5, ""})
}

func TestSortBy(t *testing.T) {
	a := kvs(t)
	for _, tc := range []struct {
		order []string
		want  []int64
	}{
		{nil, []int64{4, 1, 3, 6, 2, 0, 5}},
		{[]string{"k"}, []int64{4, 1, 3, 6, 2, 0, 5}},
		{[]string{"v"}, []int64{4, 5, 6, 2, 0, 1, 3}},
		{[]string{"v", "k"}, []int64{4, 5, 6, 2, 0, 1, 3}},
		{[]string{"s"}, []int64{6, 1, 2, 5, 4, 0, 3}},
		{[]string{"s", "v"}, []int64{6, 5, 2, 1, 4, 0, 3}},
	} {
		idx, err := ndarray.ArgSortBy(a, -1, tc.order)
		if err != nil {
			t.Fatal(err)
		}
		if got := ndarray.ToSlice[int64](idx); !slices.Equal(got, tc.want) {
			t.Errorf("order %v: argsort %v, want %v", tc.order, got, tc.want)
		}
		s, err := ndarray.SortBy(a, 0, tc.order)
		if err != nil {
			t.Fatal(err)
		}
		taken, _ := ndarray.Take(a, idx, 0, ndarray.ModeRaise)
		if !bytes.Equal(s.Bytes(), taken.Bytes()) {
			t.Errorf("order %v: SortBy differs from taking ArgSortBy", tc.order)
		}
	}
	plain, err := ndarray.ArgSort(a, 0)
	if err != nil || !slices.Equal(ndarray.ToSlice[int64](plain), []int64{4, 1, 3, 6, 2, 0, 5}) {
		t.Errorf("ArgSort of records: %v, %v", plain, err)
	}
	// axis None of a 2x2 array: NumPy gives [3, 1, 2, 0]
	ab := recordType(t, false, dtype.FieldSpec{Name: "a", Type: dtype.Int16}, dtype.FieldSpec{Name: "b", Type: dtype.Uint8})
	m, _ := records(t, ab, []any{3, 1}, []any{1, 2}, []any{2, 0}, []any{1, 1}).Reshape(2, 2)
	flatIdx, err := ndarray.ArgSortFlatBy(m, nil)
	if err != nil || !slices.Equal(ndarray.ToSlice[int64](flatIdx), []int64{3, 1, 2, 0}) {
		t.Errorf("ArgSortFlatBy: %v, %v", flatIdx, err)
	}
	var ve *ndarray.ValueError
	for _, order := range [][]string{{"zz"}, {"k", "k"}} {
		if _, err := ndarray.SortBy(a, 0, order); !errors.As(err, &ve) {
			t.Errorf("order %v: %v, want a *ValueError", order, err)
		}
	}
	if _, err := ndarray.ArgSortBy(ndarray.Scalar(int64(1)), 0, []string{"k"}); !errors.As(err, &ve) {
		t.Errorf("order on an int64 array: %v, want a *ValueError", err)
	}
}

func TestRecordAsType(t *testing.T) {
	ab := recordType(t, false, dtype.FieldSpec{Name: "a", Type: dtype.Int32}, dtype.FieldSpec{Name: "b", Type: dtype.Int32})
	ba := recordType(t, false, dtype.FieldSpec{Name: "b", Type: dtype.Int64}, dtype.FieldSpec{Name: "a", Type: dtype.Float32})
	a := records(t, ab, []any{1, 2}, []any{-3, 40000})
	b, err := a.AsType(ba, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	// by position: b (int64) gets a's first field, a (float32) its second
	if r, _ := b.RecordAt(1); !reflect.DeepEqual(r, []any{int64(-3), float32(40000)}) {
		t.Errorf("cast by position: %#v", r)
	}
	var ce *dtype.CastError
	if _, err := a.AsType(dtype.Int32, dtype.Unsafe); !errors.As(err, &ce) {
		t.Errorf("two fields to int32: %v, want a *dtype.CastError", err)
	}
	f, _ := ndarray.FromSlice([]float64{1.5, -2.5})
	sub := recordType(t, false, dtype.FieldSpec{Name: "a", Type: dtype.Int32}, dtype.FieldSpec{Name: "b", Type: dtype.Float32, Shape: []int{2}})
	r, err := f.AsType(sub, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := r.RecordAt(1); !reflect.DeepEqual(got, []any{int32(-2), []any{float32(-2.5), float32(-2.5)}}) {
		t.Errorf("float64 to record: %#v", got)
	}
	if _, err := f.AsType(sub, dtype.SameKind); !errors.As(err, &ce) {
		t.Errorf("float64 to record under same_kind: %v, want a *dtype.CastError", err)
	}
}

// TestNPYRecords writes record arrays as np.save does (the headers are
// the corpus's, written by NumPy 1.24) and reads them back.
func TestNPYRecords(t *testing.T) {
	idf := recordType(t, false, dtype.FieldSpec{Name: "id", Type: dtype.Int32}, dtype.FieldSpec{Name: "value", Type: dtype.Float64}, dtype.FieldSpec{Name: "flag", Type: dtype.Bool})
	npNaN := math.Float64frombits(0x7ff8000000000000) // NumPy's NaN (Go's has another payload)
	a := records(t, idf, []any{1, 2.5, true}, []any{-7, npNaN, false}, []any{math.MaxInt32, math.Copysign(0, -1), true})
	var buf bytes.Buffer
	if err := a.WriteNPY(&buf); err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile(filepath.Join(corpusNPY, "structured_i4_f8_b1.npy"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), file) {
		t.Errorf("WriteNPY differs from np.save:\n got %q\nwant %q", buf.Bytes(), file)
	}
	back, err := ndarray.ReadNPY(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	checkSame(t, "round trip", back, a)

	// padding, nesting, sub-arrays, big-endian fields, strings and dates
	inner := recordType(t, true, dtype.FieldSpec{Name: "p", Type: dtype.Int32}, dtype.FieldSpec{Name: "q", Type: dtype.Uint8})
	rich := recordType(t, true, dtype.FieldSpec{Name: "x", Type: dtype.Int8}, dtype.FieldSpec{Name: "inner", Type: inner},
		dtype.FieldSpec{Name: "pos", Type: dtype.Float32.WithByteOrder(dtype.BigEndian), Shape: []int{2}},
		dtype.FieldSpec{Name: "s", Type: dtype.Bytes(3)}, dtype.FieldSpec{Name: "u", Type: dtype.Unicode(2)},
		dtype.FieldSpec{Name: "t", Type: dtype.Datetime64(dtype.UnitNanosecond)})
	r := records(t, rich, []any{1, []any{2, 3}, []any{1.5, -2}, "ab", "é", 5}, []any{-1, []any{-2, 255}, 0.25, "xyz", "zz", "NaT"})
	buf.Reset()
	if err := r.WriteNPY(&buf); err != nil {
		t.Fatal(err)
	}
	const hdr = "{'descr': [('x', '|i1'), ('', '|V3'), ('inner', [('p', '<i4'), ('q', '|u1'), ('', '|V3')]), ('pos', '>f4', (2,)), ('s', '|S3'), ('', '|V1'), ('u', '<U2'), ('t', '<M8[ns]')], 'fortran_order': False, 'shape': (2,), }"
	if got := npyHeaderText(t, buf.Bytes()); strings.TrimRight(got, " \n") != hdr {
		t.Errorf("header %q\nwant %q", got, hdr)
	}
	back, err = ndarray.ReadNPY(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// the file's record type is packed: padding becomes gaps, the aligned
	// flag is gone, the layout stays
	if back.DType().Size() != rich.Size() || back.DType().String() == rich.String() {
		t.Errorf("read back %v (itemsize %d)", back.DType(), back.DType().Size())
	}
	for i := range 2 {
		want, _ := r.RecordAt(i)
		got, _ := back.RecordAt(i)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("record %d: %#v, want %#v", i, got, want)
		}
	}
	// records whose fields are out of order have no .npy descr
	ooo, err := dtype.RecordFromSpec(dtype.RecordSpec{Names: []string{"a", "b"}, Types: []dtype.DType{dtype.Int32, dtype.Int16}, Offsets: []int{4, 0}}, false)
	if err != nil {
		t.Fatal(err)
	}
	z, _ := ndarray.Zeros(ooo, 1)
	var ve *ndarray.ValueError
	if err := z.WriteNPY(&buf); !errors.As(err, &ve) {
		t.Errorf("out-of-order fields: %v, want a *ValueError", err)
	}
}

func ExampleArray_Field() {
	dt, _ := dtype.RecordOf([]dtype.FieldSpec{
		{Name: "id", Type: dtype.Int32},
		{Name: "pos", Type: dtype.Float64, Shape: []int{2}},
	}, true)
	a, _ := ndarray.Zeros(dt, 2)
	_ = a.SetRecord([]any{1, []any{0.5, 1.5}}, 0)
	_ = a.SetRecord([]any{2, []any{-1.0, 3.0}}, 1)
	pos, _ := a.Field("pos")
	fmt.Println(dt)
	fmt.Println(a)
	fmt.Println(pos)
	// Output:
	// {'names': ['id', 'pos'], 'formats': ['<i4', ('<f8', (2,))], 'offsets': [0, 8], 'itemsize': 24, 'aligned': True}
	// [(1, [ 0.5,  1.5]) (2, [-1. ,  3. ])]
	// [[ 0.5  1.5]
	//  [-1.   3. ]]
}
