package ndarray

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/pluribus-go/pluribus/dtype"
)

// Expected values are NumPy 1.24's (most from the conformance corpus's
// datetime cases).

const nat = dtype.NaT

func timeArray(t *testing.T, dt dtype.DType, ticks ...int64) *Array {
	t.Helper()
	a, err := FromSlice(ticks)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = a.AsType(dt, dtype.Unsafe); err != nil {
		t.Fatal(err)
	}
	return a
}

func ticksOf(t *testing.T, a *Array) []int64 {
	t.Helper()
	i, err := a.AsType(dtype.Int64, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	return ToSlice[int64](i)
}

func dtTexts(t *testing.T, a *Array) []string {
	t.Helper()
	c := a.Ravel()
	out := make([]string, c.Size())
	for i := range out {
		s, err := c.StringAt(i)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = s
	}
	return out
}

func TestDatetimeFromStrings(t *testing.T) {
	for _, c := range []struct {
		values []string
		dt     dtype.DType
		want   dtype.DType
		ticks  []int64
	}{
		{[]string{"1970-01-01", "2020-02-29", "NaT", "0001-01-01", "9999-12-31"}, dtype.Datetime64(dtype.UnitDay),
			dtype.Datetime64(dtype.UnitDay), []int64{0, 18321, nat, -719162, 2932896}},
		{[]string{"2020-01-01T12:30:45", "nat", "NAT", ""}, dtype.Datetime64(dtype.UnitSecond),
			dtype.Datetime64(dtype.UnitSecond), []int64{1577881845, nat, nat, nat}},
		{[]string{"2020-01-01"}, dtype.Datetime64(dtype.UnitGeneric), dtype.Datetime64(dtype.UnitDay), []int64{18262}},
		{[]string{"2020"}, dtype.Datetime64(dtype.UnitGeneric), dtype.Datetime64(dtype.UnitYear), []int64{50}},
		{[]string{"2020-01-01", "2020-01-01T12:00"}, dtype.Datetime64(dtype.UnitGeneric),
			dtype.Datetime64(dtype.UnitMinute), []int64{26297280, 26298000}},
		{[]string{"2020", "2020-01-01T01:02:03.0004"}, dtype.Datetime64(dtype.UnitGeneric),
			dtype.Datetime64(dtype.UnitMicrosecond), []int64{1577836800000000, 1577840523000400}},
		{[]string{"NaT", "2020-01-01"}, dtype.Datetime64(dtype.UnitGeneric), dtype.Datetime64(dtype.UnitDay), []int64{nat, 18262}},
		{[]string{"NaT"}, dtype.Datetime64(dtype.UnitGeneric), dtype.Datetime64(dtype.UnitGeneric), []int64{nat}},
		{[]string{"0", "100000", "NaT"}, dtype.Timedelta64(dtype.UnitDay), dtype.Timedelta64(dtype.UnitDay), []int64{0, 100000, nat}},
		{[]string{"-5"}, dtype.Timedelta64(dtype.UnitGeneric), dtype.Timedelta64(dtype.UnitGeneric), []int64{-5}},
	} {
		a, err := DatetimeFromStrings(c.values, c.dt)
		if err != nil {
			t.Errorf("%q as %v: %v", c.values, c.dt, err)
			continue
		}
		if a.DType() != c.want || !slices.Equal(ticksOf(t, a), c.ticks) {
			t.Errorf("%q as %v: %v %v, want %v %v", c.values, c.dt, a.DType(), ticksOf(t, a), c.want, c.ticks)
		}
	}
	var ve *dtype.ValueError
	for _, c := range []struct {
		values []string
		dt     dtype.DType
	}{
		{[]string{"2019-02-29"}, dtype.Datetime64(dtype.UnitDay)},
		{[]string{"2020-01-01T25"}, dtype.Datetime64(dtype.UnitHour)},
		{[]string{"2020-01-01 "}, dtype.Datetime64(dtype.UnitDay)},
		{[]string{"2020-01-01T24:00"}, dtype.Datetime64(dtype.UnitGeneric)},
		{[]string{"1.5"}, dtype.Timedelta64(dtype.UnitSecond)},
	} {
		if _, err := DatetimeFromStrings(c.values, c.dt); !errors.As(err, &ve) {
			t.Errorf("%q as %v: %v, want a *dtype.ValueError", c.values, c.dt, err)
		}
	}
	var de *DTypeError
	if _, err := DatetimeFromStrings([]string{"1"}, dtype.Int64); !errors.As(err, &de) {
		t.Errorf("int64 target: %v, want a *DTypeError", err)
	}
}

func TestDatetimeAsString(t *testing.T) {
	s := timeArray(t, dtype.Datetime64(dtype.UnitSecond), 1577836800, 1577836801, 3600, -60, nat)
	for _, c := range []struct {
		a        *Array
		unit, tz string
		casting  dtype.Casting
		width    int
		want     []string
	}{
		{timeArray(t, dtype.Datetime64(dtype.UnitNanosecond), 0, -1, nat, 1234567), "", "", dtype.SameKind, 48,
			[]string{"1970-01-01T00:00:00.000000000", "1969-12-31T23:59:59.999999999", "NaT", "1970-01-01T00:00:00.001234567"}},
		{s, "auto", "", dtype.SameKind, 62, []string{"2020-01-01", "2020-01-01T00:00:01", "1970-01-01T01:00", "1969-12-31T23:59", "NaT"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitNanosecond), 1, 1000, 1000000, 1000000000, 86400000000000), "auto", "", dtype.SameKind, 62,
			[]string{"1970-01-01T00:00:00.000000001", "1970-01-01T00:00:00.000001", "1970-01-01T00:00:00.001", "1970-01-01T00:00:01", "1970-01-02"}},
		{s, "M", "", dtype.SameKind, 25, []string{"2020-01", "2020-01", "1970-01", "1969-12", "NaT"}},
		{s, "W", "", dtype.SameKind, 28, []string{"2020-01-01", "2020-01-01", "1970-01-01", "1969-12-31", "NaT"}},
		{s, "h", "", dtype.Unsafe, 32, []string{"2020-01-01T00", "2020-01-01T00", "1970-01-01T01", "1969-12-31T23", "NaT"}},
		{s, "ms", "", dtype.SameKind, 42, []string{"2020-01-01T00:00:00.000", "2020-01-01T00:00:01.000", "1970-01-01T01:00:00.000", "1969-12-31T23:59:00.000", "NaT"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitHour), 0, -1234567, nat), "", "UTC", dtype.SameKind, 32, []string{"1970-01-01T00Z", "1829-02-28T17Z", "NaT"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitDay), 0, -1), "", "UTC", dtype.SameKind, 28, []string{"1970-01-01", "1969-12-31"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitDay), 0, 18262, -1), "ms", "", dtype.Safe, 42,
			[]string{"1970-01-01T00:00:00.000", "2020-01-01T00:00:00.000", "1969-12-31T00:00:00.000"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitNanosecond), -1, -1000), "s", "", dtype.SameKind, 38,
			[]string{"1969-12-31T23:59:59", "1969-12-31T23:59:59"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitGeneric), nat), "", "", dtype.SameKind, 4, []string{"NaT"}},
	} {
		r, err := DatetimeAsString(c.a, c.unit, c.tz, c.casting)
		if err != nil {
			t.Errorf("%v unit %q tz %q: %v", c.a.DType(), c.unit, c.tz, err)
			continue
		}
		if r.DType() != dtype.Unicode(c.width) || !slices.Equal(dtTexts(t, r), c.want) {
			t.Errorf("%v unit %q tz %q: %v %q, want U%d %q", c.a.DType(), c.unit, c.tz, r.DType(), dtTexts(t, r), c.width, c.want)
		}
	}
	day := timeArray(t, dtype.Datetime64(dtype.UnitDay), 1)
	var ce *dtype.CastError
	var ve *ValueError
	var de *DTypeError
	if _, err := DatetimeAsString(day, "Y", "", dtype.Safe); !errors.As(err, &ce) {
		t.Errorf("D as Y under safe: %v, want a *dtype.CastError", err)
	}
	if _, err := DatetimeAsString(day, "", "local", dtype.SameKind); !errors.As(err, &ce) {
		t.Errorf("a date in local time: %v, want a *dtype.CastError", err)
	}
	if _, err := DatetimeAsString(day, "xx", "", dtype.SameKind); !errors.As(err, &ve) {
		t.Errorf("unit xx: %v, want a *ValueError", err)
	}
	if _, err := DatetimeAsString(day, "", "Europe/Paris", dtype.SameKind); !errors.As(err, &ve) {
		t.Errorf("timezone Europe/Paris: %v, want a *ValueError", err)
	}
	if _, err := DatetimeAsString(timeArray(t, dtype.Timedelta64(dtype.UnitSecond), 1), "", "", dtype.SameKind); !errors.As(err, &de) {
		t.Errorf("timedelta64: %v, want a *DTypeError", err)
	}
}

func TestDatetimeAsStringLocal(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	time.Local = time.FixedZone("UTC+1", 3600)
	a := timeArray(t, dtype.Datetime64(dtype.UnitMinute), 0, 30, nat)
	r, err := DatetimeAsString(a, "", "local", dtype.SameKind)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1970-01-01T01:00+0100", "1970-01-01T01:30+0100", "NaT"}
	if r.DType() != dtype.Unicode(39) || !slices.Equal(dtTexts(t, r), want) {
		t.Errorf("local time: %v %q, want U39 %q", r.DType(), dtTexts(t, r), want)
	}
}

func TestDatetimeAsType(t *testing.T) {
	for _, c := range []struct {
		a    *Array
		to   dtype.DType
		want dtype.DType
		text []string
	}{
		{timeArray(t, dtype.Datetime64(dtype.UnitWeek), 0, 1, -1, nat), dtype.Unicode(0), dtype.Unicode(28),
			[]string{"1970-01-01", "1970-01-08", "1969-12-25", "NaT"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitNanosecond), 50), dtype.Unicode(0), dtype.Unicode(48),
			[]string{"1970-01-01T00:00:00.000000050"}},
		{timeArray(t, dtype.Timedelta64(dtype.UnitYear), 0, -5, nat), dtype.Unicode(0), dtype.Unicode(21),
			[]string{"0 years", "-5 years", "NaT"}},
		{timeArray(t, dtype.Datetime64(dtype.UnitSecond), 1, nat), dtype.Bytes(0), dtype.Bytes(38),
			[]string{"1970-01-01T00:00:01", "NaT"}},
	} {
		r, err := c.a.AsType(c.to, dtype.Unsafe)
		if err != nil {
			t.Errorf("%v -> %v: %v", c.a.DType(), c.to, err)
			continue
		}
		if r.DType() != c.want || !slices.Equal(dtTexts(t, r), c.text) {
			t.Errorf("%v -> %v: %v %q, want %v %q", c.a.DType(), c.to, r.DType(), dtTexts(t, r), c.want, c.text)
		}
	}
	u, err := FromStringsAs(dtype.Unicode(10), []string{"2020-01-01", "NaT", "1969-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := u.AsType(dtype.Datetime64(dtype.UnitGeneric), dtype.Unsafe)
	if err != nil || d.DType() != dtype.Datetime64(dtype.UnitDay) || !slices.Equal(ticksOf(t, d), []int64{18262, nat, -1}) {
		t.Errorf("U10 -> datetime64: %v, %v", d, err)
	}
	var ce *dtype.CastError
	if _, err := u.AsType(dtype.Datetime64(dtype.UnitDay), dtype.SameKind); !errors.As(err, &ce) {
		t.Errorf("U10 -> datetime64[D] under same_kind: %v, want a *dtype.CastError", err)
	}
	var te *dtype.TruncationError
	if _, err := timeArray(t, dtype.Datetime64(dtype.UnitSecond), 1).AsType(dtype.Unicode(5), dtype.Unsafe); !errors.As(err, &te) {
		t.Errorf("datetime64[s] -> U5: %v, want a *dtype.TruncationError", err)
	}
	bad, _ := FromStringsAs(dtype.Unicode(1), []string{"x"})
	var ve *dtype.ValueError
	if _, err := bad.AsType(dtype.Datetime64(dtype.UnitDay), dtype.Unsafe); !errors.As(err, &ve) {
		t.Errorf("'x' -> datetime64[D]: %v, want a *dtype.ValueError", err)
	}
}

func TestDatetimeSort(t *testing.T) {
	a := timeArray(t, dtype.Datetime64(dtype.UnitSecond), 5, nat, 3, nat, -4611686018427387904, 5, 0)
	s, err := Sort(a, -1)
	if err != nil || s.DType() != a.DType() || !slices.Equal(ticksOf(t, s), []int64{-4611686018427387904, 0, 3, 5, 5, nat, nat}) {
		t.Errorf("sort: %v, %v", s, err)
	}
	i, err := ArgSort(a, -1)
	if err != nil || !slices.Equal(ToSlice[int64](i), []int64{4, 6, 2, 0, 5, 1, 3}) {
		t.Errorf("argsort: %v, %v", i, err)
	}
	u, err := Unique(a, UniqueOptions{ReturnIndex: true, ReturnInverse: true, ReturnCounts: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ticksOf(t, u.Values), []int64{-4611686018427387904, 0, 3, 5, nat}) ||
		!slices.Equal(ToSlice[int64](u.Index), []int64{4, 6, 2, 0, 1}) ||
		!slices.Equal(ToSlice[int64](u.Inverse), []int64{3, 4, 2, 4, 0, 3, 1}) ||
		!slices.Equal(ToSlice[int64](u.Counts), []int64{1, 1, 1, 2, 2}) {
		t.Errorf("unique: %v %v %v %v", u.Values, u.Index, u.Inverse, u.Counts)
	}
	// long rows take the radix sort
	ticks := make([]int64, 1000)
	for k := range ticks {
		ticks[k] = int64(500 - k)
		if k%7 == 0 {
			ticks[k] = nat
		}
	}
	big, err := Sort(timeArray(t, dtype.Timedelta64(dtype.UnitMicrosecond), ticks...), 0)
	if err != nil {
		t.Fatal(err)
	}
	got := ticksOf(t, big)
	if !slices.IsSorted(got[:857]) || got[856] == nat || got[857] != nat || got[999] != nat {
		t.Errorf("radix sort of 1000 timedeltas: NaT not last")
	}
}

func TestDatetimePrint(t *testing.T) {
	for _, c := range []struct {
		a         *Array
		str, repr string
	}{
		{timeArray(t, dtype.Datetime64(dtype.UnitDay), 18262, nat), "['2020-01-01'        'NaT']",
			"array(['2020-01-01',        'NaT'], dtype='datetime64[D]', shape=(2,))"},
		{timeArray(t, dtype.Datetime64(dtype.UnitSecond), 1, 2), "['1970-01-01T00:00:01' '1970-01-01T00:00:02']",
			"array(['1970-01-01T00:00:01', '1970-01-01T00:00:02'],\n      dtype='datetime64[s]', shape=(2,))"},
		{timeArray(t, dtype.Timedelta64(dtype.UnitSecond), 1, nat, -100), "[    1 'NaT'  -100]",
			"array([    1, 'NaT',  -100], dtype='timedelta64[s]', shape=(3,))"},
		{timeArray(t, dtype.Timedelta64(dtype.UnitDay), nat), "['NaT']", "array(['NaT'], dtype='timedelta64[D]', shape=(1,))"},
	} {
		if got := fmt.Sprint(c.a); got != c.str {
			t.Errorf("print: got %q, want %q", got, c.str)
		}
		if got := c.a.String(); got != c.repr {
			t.Errorf("repr: got %q, want %q", got, c.repr)
		}
	}
	d, _ := timeArray(t, dtype.Datetime64(dtype.UnitDay), 18262).Reshape()
	if got := fmt.Sprint(d); got != "2020-01-01" {
		t.Errorf("0-d datetime64: %q", got)
	}
	td, _ := timeArray(t, dtype.Timedelta64(dtype.UnitSecond), 5).Reshape()
	if got := fmt.Sprint(td); got != "5 seconds" {
		t.Errorf("0-d timedelta64: %q", got)
	}
}

func TestDatetimeItem(t *testing.T) {
	a := timeArray(t, dtype.Datetime64(dtype.UnitSecond).WithByteOrder(dtype.BigEndian), 1, nat)
	for i, want := range []int64{1, nat} {
		if v, err := a.Item(i); err != nil || v != any(want) {
			t.Errorf("Item(%d) = %v, %v; want the tick %d", i, v, err, want)
		}
	}
}
