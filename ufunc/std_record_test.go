package ufunc

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func recType(t *testing.T, aligned bool, fields ...dtype.FieldSpec) dtype.DType {
	t.Helper()
	d, err := dtype.RecordOf(fields, aligned)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func recArray(t *testing.T, dt dtype.DType, recs ...[]any) *ndarray.Array {
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

func boolsOf(t *testing.T, u *Ufunc, a, b *ndarray.Array) []bool {
	t.Helper()
	r, err := u.Call(a, b)
	if err != nil {
		t.Fatal(err)
	}
	return ndarray.ToSlice[bool](r)
}

// The expectations are NumPy 1.24's a == b and a != b (the corpus's
// structured cases).
func TestRecordEqual(t *testing.T) {
	packed := []dtype.FieldSpec{{Name: "a", Type: dtype.Uint8}, {Name: "b", Type: dtype.Float64}, {Name: "c", Type: dtype.Int16, Shape: []int{2}}}
	flat := recType(t, false, packed...)
	aligned := recType(t, true, packed...)
	nan := math.NaN()
	recs := [][]any{{1, 2.5, []any{3, -4}}, {255, math.Copysign(0, -1), []any{32767, -32768}}, {0, nan, []any{0, 1}}, {7, math.Inf(1), []any{5, 5}}}
	a := recArray(t, flat, recs...)
	changed := recArray(t, flat, recs[0], []any{255, 0.0, []any{32767, -32768}}, recs[2], []any{7, math.Inf(1), []any{5, 6}})
	if got := boolsOf(t, Equal, a, a); !slices.Equal(got, []bool{true, true, false, true}) {
		t.Errorf("a == a: %v (a NaN field makes records unequal)", got)
	}
	if got := boolsOf(t, NotEqual, a, a); !slices.Equal(got, []bool{false, false, true, false}) {
		t.Errorf("a != a: %v", got)
	}
	if got := boolsOf(t, Equal, a, changed); !slices.Equal(got, []bool{true, true, false, false}) {
		t.Errorf("a == changed: %v (-0.0 equals 0.0; a sub-array element differs)", got)
	}
	if got := boolsOf(t, Equal, a, recArray(t, aligned, recs...)); !slices.Equal(got, []bool{true, true, false, true}) {
		t.Errorf("packed == aligned: %v", got)
	}
	one := recArray(t, flat, recs[0])
	if got := boolsOf(t, NotEqual, a, one); !slices.Equal(got, []bool{false, true, true, true}) {
		t.Errorf("a != broadcast record: %v", got)
	}
	// field types promote: uint8 == int16, float64 == float32
	wide := recType(t, false, dtype.FieldSpec{Name: "a", Type: dtype.Int16}, dtype.FieldSpec{Name: "b", Type: dtype.Float32}, dtype.FieldSpec{Name: "c", Type: dtype.Int16, Shape: []int{2}})
	if got := boolsOf(t, Equal, a, recArray(t, wide, []any{1, 2.5, []any{3, -4}}, []any{-1, 0, []any{32767, -32768}}, recs[2], []any{7, 1e39, []any{5, 5}})); !slices.Equal(got, []bool{true, false, false, true}) {
		t.Errorf("promoted fields: %v", got)
	}

	var le *LoopError
	renamed := recType(t, false, dtype.FieldSpec{Name: "x", Type: dtype.Uint8}, dtype.FieldSpec{Name: "b", Type: dtype.Float64}, dtype.FieldSpec{Name: "c", Type: dtype.Int16, Shape: []int{2}})
	fewer := recType(t, false, dtype.FieldSpec{Name: "a", Type: dtype.Uint8})
	num, _ := ndarray.FromSlice([]float64{1, 2, 3, 4})
	for name, b := range map[string]*ndarray.Array{
		"renamed": recArray(t, renamed, recs...),
		"fewer":   recArray(t, fewer, []any{1}, []any{2}, []any{3}, []any{4}),
		"float64": num,
	} {
		if _, err := Equal.Call(a, b); !errors.As(err, &le) {
			t.Errorf("%s: %v, want a *LoopError", name, err)
		}
	}
	if _, err := Less.Call(a, a); !errors.As(err, &le) {
		t.Errorf("less on records: %v, want a *LoopError", err)
	}
}
