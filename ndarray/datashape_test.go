package ndarray_test

import (
	"errors"
	"testing"

	"github.com/pluribus-go/pluribus/datashape"
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func TestNewDatashapeRoundTrip(t *testing.T) {
	for _, ds := range []string{
		"3 * 4 * float64",
		"int32",
		"0 * bool",
		"2 * ?float64",
		"5 * string",
		"2 * {x: int32, y: ?float64}",
		"2 * {name: string, score: ?float32, tags: 3 * int8}",
		"4 * categorical[['a', 'b'], type=string, ordered=False]",
		`2 * categorical[['a\u200b', "it's", 'x\ty'], type=string, ordered=False]`,
		"2 * timedelta[unit='ms']",
		"2 * string[5, 'U32']",
		"2 * string[3, 'A']",
		"3 * var * int32",
		"var * float64",
		"2 * var * 3 * complex[float64]",
		"3 * var * {name: string, score: ?float32}",
	} {
		c, err := ndarray.New(ds)
		if err != nil {
			t.Errorf("New(%q): %v", ds, err)
			continue
		}
		got, err := c.Datashape()
		if err != nil || got.String() != ds {
			t.Errorf("New(%q).Datashape() = %v, %v", ds, got, err)
		}
	}
}

// A categorical's dtype spells its datashape as the datashape package
// prints the same measure, escapes included.
func TestCategoryDatashapeText(t *testing.T) {
	ct, err := dtype.Category([]string{"a\u200b", "it's", "x\ty", "\x01"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := ndarray.MeasureOf(ct)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ct.Datashape(), m.String(); got != want {
		t.Errorf("dtype datashape %s, datashape package %s", got, want)
	}
}

func TestNewValues(t *testing.T) {
	c, err := ndarray.New("2 * {x: int32, y: ?float64}")
	if err != nil {
		t.Fatal(err)
	}
	a := c.(*ndarray.Array)
	f, ok := a.DType().Field("y")
	if !ok || f.Type != dtype.Option(dtype.Float64) || f.Offset != 8 || a.ItemSize() != 24 {
		t.Errorf("record layout: %+v itemsize %d", f, a.ItemSize())
	}
	if !a.DType().IsAlignedRecord() {
		t.Error("records are laid out aligned")
	}
	o, _ := ndarray.New("3 * ?int16")
	if n := o.(*ndarray.Array).CountMissing(); n != 3 {
		t.Errorf("a new option array is all missing: %d", n)
	}
	s, _ := ndarray.New("2 * string")
	if got := mustStrings(t, s.(*ndarray.Array)); got[0] != "" || got[1] != "" {
		t.Errorf("new strings %q", got)
	}
	d, _ := ndarray.New("datetime")
	if d.DType() != dtype.Datetime64(dtype.UnitMicrosecond) {
		t.Errorf("datetime is %s", d.DType())
	}
	if d, _ := ndarray.New("date"); d.DType() != dtype.Datetime64(dtype.UnitDay) {
		t.Errorf("date is %s", d.DType())
	}
	ds, err := ndarray.MustFromStrings([]string{"a"}).Datashape()
	if err != nil || ds.String() != "1 * string" {
		t.Errorf("Datashape of strings %v %v", ds, err)
	}
	dt, err := (func() (*datashape.DataShape, error) {
		a, _ := ndarray.Zeros(dtype.Datetime64(dtype.UnitNanosecond), 2)
		return a.Datashape()
	})()
	if err != nil || dt.String() != "2 * datetime" {
		t.Errorf("Datashape of datetime64[ns]: %v %v", dt, err)
	}
}

func TestNewErrors(t *testing.T) {
	for _, ds := range []string{
		"N * int32",
		"3 * T",
		"... * float64",
		"(int32) -> int32",
		"3 * var * var * int32",
		"?3 * int32",
		"3 * json",
		"3 * (int32, float64)",
		"decimal[precision=10, scale=2]",
		"categorical[[1, 2]]",
		"datetime[tz='Europe/Paris']",
		"{a: var * int32}",
	} {
		var de *ndarray.DatashapeError
		if _, err := ndarray.New(ds); !errors.As(err, &de) {
			t.Errorf("New(%q) error %v; want a *DatashapeError", ds, err)
		}
	}
	var pe *datashape.ParseError
	if _, err := ndarray.New("3 * int33"); !errors.As(err, &pe) {
		t.Errorf("New of bad text: %v", err)
	}
	u, err := dtype.Register(dtype.TypeSpec{Name: "ds_test_user", Size: 4})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := ndarray.Zeros(u, 2)
	var de *ndarray.DatashapeError
	if _, err := a.Datashape(); !errors.As(err, &de) {
		t.Errorf("Datashape of a user type: %v", err)
	}
}
