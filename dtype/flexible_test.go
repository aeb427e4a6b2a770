package dtype

import (
	"errors"
	"testing"
)

func TestFlexibleInterning(t *testing.T) {
	if Datetime64(UnitNanosecond) != Datetime64(UnitNanosecond) {
		t.Fatal("datetime64[ns] made twice is not one type")
	}
	if Datetime64(UnitNanosecond) == Timedelta64(UnitNanosecond) || Datetime64(UnitSecond) == Datetime64(UnitNanosecond) {
		t.Fatal("different time types compare equal")
	}
	if Unicode(3) != Unicode(3) || Unicode(3) == Unicode(4) || Bytes(3) != Bytes(3) {
		t.Fatal("string types are not interned by width")
	}
	for _, c := range []struct {
		d         DType
		name, str string
		size      int
	}{
		{Datetime64(UnitNanosecond), "datetime64[ns]", "<M8[ns]", 8},
		{Timedelta64(UnitGeneric), "timedelta64", "<m8", 8},
		{Unicode(5), "U5", "<U5", 20},
		{Bytes(3), "S3", "|S3", 3},
		{Void(16), "V16", "|V16", 16},
	} {
		if c.d.Name() != c.name || c.d.Str() != c.str || c.d.Size() != c.size {
			t.Errorf("got name %q str %q size %d, want %q %q %d", c.d.Name(), c.d.Str(), c.d.Size(), c.name, c.str, c.size)
		}
		if !c.d.IsNative() || c.d.Native() != c.d {
			t.Errorf("%s: not native", c.name)
		}
	}
	be := Datetime64(UnitSecond).WithByteOrder(BigEndian)
	if be.Str() != ">M8[s]" || be.Native() != Datetime64(UnitSecond) || be.IsNative() {
		t.Errorf("big-endian datetime64[s]: %s", be.Str())
	}
	if u := Unicode(2).WithByteOrder(BigEndian); u.Str() != ">U2" || u.WithByteOrder(LittleEndian) != Unicode(2) {
		t.Errorf("big-endian U2: %s", u.Str())
	}
}

func TestRecordLayout(t *testing.T) {
	r, err := Record([]Field{{Name: "x", Type: Int8, Offset: 0}, {Name: "y", Type: Float32, Offset: 4}}, 8, true)
	if err != nil {
		t.Fatal(err)
	}
	r2, _ := Record([]Field{{Name: "x", Type: Int8, Offset: 0}, {Name: "y", Type: Float32, Offset: 4}}, 8, true)
	if r != r2 || r.Alignment() != 4 || r.Size() != 8 || r.NumFields() != 2 {
		t.Fatalf("record: %v align %d size %d", r, r.Alignment(), r.Size())
	}
	if f, ok := r.Field("y"); !ok || f.Offset != 4 || f.Type != Float32 {
		t.Errorf("field y: %+v %v", f, ok)
	}
	if _, ok := r.Field("z"); ok {
		t.Error("field z found")
	}
	var re *RecordError
	for _, bad := range [][]Field{
		{{Name: "a", Type: Int8}, {Name: "a", Type: Int8, Offset: 1}},
		{{Name: "", Type: Int8}},
		{{Name: "a", Type: Float64, Offset: 4}},
		{{Name: "a", Type: Int8, Shape: []int{9}}},
	} {
		if _, err := Record(bad, 8, false); !errors.As(err, &re) {
			t.Errorf("%v: got %v, want a *RecordError", bad, err)
		}
	}
}
