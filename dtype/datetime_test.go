package dtype

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// The expected values below are NumPy 1.24's (most from the conformance
// corpus's datetime cases).

func TestParseTimeTypes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want DType
	}{
		{"datetime64", Datetime64(UnitGeneric)},
		{"datetime64[ns]", Datetime64(UnitNanosecond)},
		{"M8", Datetime64(UnitGeneric)},
		{"M", Datetime64(UnitGeneric)},
		{"M8[ns]", Datetime64(UnitNanosecond)},
		{"<M8[s]", Datetime64(UnitSecond).WithByteOrder(LittleEndian)},
		{">m8[D]", Timedelta64(UnitDay).WithByteOrder(BigEndian)},
		{"=m8[D]", Timedelta64(UnitDay)},
		{"timedelta64[Y]", Timedelta64(UnitYear)},
		{"timedelta64", Timedelta64(UnitGeneric)},
		{"m8[us]", Timedelta64(UnitMicrosecond)},
		{"m", Timedelta64(UnitGeneric)},
		{"M8[generic]", Datetime64(UnitGeneric)},
		{"datetime64[W]", Datetime64(UnitWeek)},
		{"m8[as]", Timedelta64(UnitAttosecond)},
	} {
		got, err := Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	if d := MustParse(">M8[ms]"); d.Str() != ">M8[ms]" || d.Native() != Datetime64(UnitMillisecond) {
		t.Errorf(">M8[ms]: %s", d.Str())
	}
	var pe *ParseError
	for _, bad := range []string{"M8[xx]", "M8[10s]", "datetime64[", "M8ns", "m8[]", "timedelta64[s", "M8[S]"} {
		if _, err := Parse(bad); !errors.As(err, &pe) {
			t.Errorf("Parse(%q): got %v, want a *ParseError", bad, err)
		}
	}
}

func TestTimePromotion(t *testing.T) {
	dt, td := Datetime64, Timedelta64
	for _, c := range []struct {
		a, b, want DType
	}{
		{dt(UnitYear), td(UnitDay), dt(UnitDay)},
		{dt(UnitMonth), td(UnitWeek), dt(UnitWeek)},
		{dt(UnitDay), td(UnitYear), dt(UnitDay)},
		{dt(UnitNanosecond), td(UnitMonth), dt(UnitNanosecond)},
		{td(UnitYear), dt(UnitYear), dt(UnitYear)},
		{dt(UnitYear), dt(UnitDay), dt(UnitDay)},
		{dt(UnitGeneric), dt(UnitSecond), dt(UnitSecond)},
		{td(UnitYear), td(UnitMonth), td(UnitMonth)},
		{td(UnitDay), td(UnitWeek), td(UnitDay)},
		{td(UnitGeneric), td(UnitYear), td(UnitYear)},
		{td(UnitSecond), Int16, td(UnitSecond)},
		{Bool, td(UnitSecond), td(UnitSecond)},
		{Uint32, td(UnitSecond), td(UnitSecond)},
		{td(UnitSecond).WithByteOrder(BigEndian), Int64, td(UnitSecond)},
	} {
		got, err := Promote(c.a, c.b)
		if err != nil || got != c.want {
			t.Errorf("Promote(%v, %v) = %v, %v; want %v", c.a, c.b, got, err, c.want)
		}
	}
	var pe *PromotionError
	for _, c := range [][2]DType{
		{td(UnitYear), td(UnitDay)},
		{td(UnitMonth), td(UnitSecond)},
		{td(UnitWeek), td(UnitMonth)},
		{dt(UnitSecond), Int64},
		{dt(UnitSecond), Bool},
		{td(UnitSecond), Uint64},
		{td(UnitSecond), Float64},
		{Complex128, dt(UnitSecond)},
		{dt(UnitSecond), Unicode(3)},
		{Bytes(3), td(UnitSecond)},
	} {
		if r, err := Promote(c[0], c[1]); !errors.As(err, &pe) {
			t.Errorf("Promote(%v, %v) = %v, %v; want a *PromotionError", c[0], c[1], r, err)
		}
	}
	if _, err := ResultType(td(UnitYear), td(UnitMonth), td(UnitWeek)); err == nil || !strings.Contains(err.Error(), "nonlinear") {
		t.Errorf("result_type(m8[Y], m8[M], m8[W]): %v", err)
	}
	if r, err := ResultType(dt(UnitDay), dt(UnitSecond), td(UnitMillisecond)); err != nil || r != dt(UnitMillisecond) {
		t.Errorf("result_type(M8[D], M8[s], m8[ms]) = %v, %v", r, err)
	}
}

func TestTimeCanCast(t *testing.T) {
	dt, td := Datetime64, Timedelta64
	for _, c := range []struct {
		from, to DType
		// the least level that allows the cast
		level Casting
	}{
		{dt(UnitSecond), dt(UnitSecond).WithByteOrder(BigEndian), Equiv},
		{dt(UnitDay), dt(UnitSecond), Safe},
		{dt(UnitSecond), dt(UnitDay), SameKind},
		{dt(UnitYear), dt(UnitNanosecond), Safe},
		{dt(UnitGeneric), dt(UnitMonth), Safe},
		{dt(UnitSecond), dt(UnitGeneric), Unsafe},
		{td(UnitYear), td(UnitMonth), Safe},
		{td(UnitMonth), td(UnitYear), SameKind},
		{td(UnitMonth), td(UnitDay), Unsafe},
		{td(UnitDay), td(UnitYear), Unsafe},
		{td(UnitWeek), td(UnitDay), Safe},
		{td(UnitDay), td(UnitWeek), SameKind},
		{td(UnitSecond), td(UnitAttosecond), SameKind}, // the factor overflows
		{dt(UnitSecond), td(UnitSecond), Unsafe},
		{td(UnitSecond), dt(UnitSecond), Unsafe},
		{Int64, td(UnitSecond), Safe},
		{Bool, td(UnitDay), Safe},
		{Uint32, td(UnitDay), Safe},
		{Uint64, td(UnitDay), SameKind},
		{Float64, td(UnitSecond), Unsafe},
		{Int64, dt(UnitSecond), Unsafe},
		{td(UnitSecond), Int64, Unsafe},
		{dt(UnitDay), Float64, Unsafe},
		{dt(UnitDay), Unicode(30), Unsafe},
		{Unicode(21), dt(UnitSecond), Unsafe},
		{Bytes(30), td(UnitDay), Unsafe},
	} {
		for casting := No; casting <= Unsafe; casting++ {
			want := casting >= c.level
			if got := CanCast(c.from, c.to, casting); got != want {
				t.Errorf("CanCast(%v, %v, %s) = %v, want %v", c.from, c.to, casting, got, want)
			}
		}
	}
}

func TestParseDatetime(t *testing.T) {
	for _, c := range []struct {
		s    string
		unit TimeUnit
		want int64
	}{
		{"1970-01-01", UnitDay, 0},
		{"2020-02-29", UnitDay, 18321},
		{"1969-12-31", UnitDay, -1},
		{"1900-03-01", UnitDay, -25508},
		{"0001-01-01", UnitDay, -719162},
		{"9999-12-31", UnitDay, 2932896},
		{"1600-02-29", UnitDay, -135081},
		{"0000-01", UnitMonth, -23640},
		{"2020-02", UnitMonth, 601},
		{"1970-01-07", UnitWeek, 0},
		{"1970-01-08", UnitWeek, 1},
		{"1969-12-31", UnitWeek, -1},
		{"2020-01-02", UnitWeek, 2609},
		{"2020-01-01T23", UnitHour, 438311},
		{"1969-12-31T23", UnitHour, -1},
		{"2020-01-01", UnitHour, 438288},
		{"2020-01-01T12:30:45", UnitSecond, 1577881845},
		{"2020-01-01 12:30:45", UnitSecond, 1577881845},
		{"  2020-01-01T12:30:45", UnitSecond, 1577881845},
		{"1969-12-31T23:59:59.999", UnitMillisecond, -1},
		{"2020-01-01T12:30:45.1", UnitMillisecond, 1577881845100},
		{"1677-09-21T00:12:43.145224193", UnitNanosecond, -9223372036854775807},
		{"2262-04-11T23:47:16.854775807", UnitNanosecond, 9223372036854775807},
		{"2020-12-31", UnitYear, 50},
		{"1969-06-15T12", UnitYear, -1},
		{"2020-12-31T23:59", UnitMonth, 611},
		{"1969-12-31T23:59:59.5", UnitSecond, -1},
		{"1969-12-31T23:59:59.000001", UnitSecond, -1},
		{"1970-01-01T00:00:00.000000000001", UnitNanosecond, 0},
		{"1969-12-31T23:59:59.9999999999", UnitNanosecond, -1},
		{"5", UnitDay, -717701},           // the year 5
		{"-0001-12-31", UnitDay, -719529}, // the year 0 is a leap year
		{"2020-01-01T12:00Z", UnitMinute, 26298000},
		{"2020-01-01T12:00+01:00", UnitMinute, 26297940},
		{"2020-01-01T00:30-0100", UnitMinute, 26297370},
		{"NaT", UnitSecond, NaT},
		{"nat", UnitDay, NaT},
		{"NAT", UnitGeneric, NaT},
		{"", UnitSecond, NaT},
	} {
		got, err := ParseDatetime(c.s, c.unit)
		if err != nil || got != c.want {
			t.Errorf("ParseDatetime(%q, %s) = %d, %v; want %d", c.s, c.unit, got, err, c.want)
		}
	}
	var ve *ValueError
	for _, c := range []struct {
		s    string
		unit TimeUnit
		msg  string
	}{
		{"2019-02-29", UnitDay, "day out of range"},
		{"1700-02-29", UnitDay, "day out of range"},
		{"2020-02-30", UnitDay, "day out of range"},
		{"2020-00-10", UnitDay, "month out of range"},
		{"2020-13", UnitMonth, "month out of range"},
		{"2020-01-01T25", UnitHour, "hours out of range"},
		{"2020-01-01T24:00", UnitMinute, "hours out of range"},
		{"2020-01-01T23:60", UnitMinute, "minutes out of range"},
		{"2020-01-01T23:59:60", UnitSecond, "seconds out of range"},
		{"2020-01-01 ", UnitDay, "at position 11"},
		{"2020-W01", UnitDay, "at position 5"},
		{"x", UnitDay, "at position 0"},
		{"-", UnitDay, "at position 1"},
		{"2020-", UnitDay, "at position 5"},
		{"2020-1-1", UnitDay, "at position 5"},
		{"2020-01-01T", UnitHour, "at position 11"},
		{"2020-01-01T10:", UnitHour, "at position 14"},
		{"2020-01-01T10x", UnitHour, "at position 13"},
		{"2020-01-01T10+25", UnitHour, "timezone hours offset out of range"},
		{"2020-01-01", UnitGeneric, "generic units"},
	} {
		_, err := ParseDatetime(c.s, c.unit)
		if !errors.As(err, &ve) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseDatetime(%q, %s): got %v, want a *ValueError with %q", c.s, c.unit, err, c.msg)
		}
	}
}

func TestDatetimeUnitOf(t *testing.T) {
	for _, c := range []struct {
		s    string
		want TimeUnit
	}{
		{"2020", UnitYear},
		{"2020-01", UnitMonth},
		{"2020-01-01", UnitDay},
		{"2020-01-01T12", UnitHour},
		{"2020-01-01T12:00", UnitMinute},
		{"2020-01-01T12:00:00", UnitSecond},
		{"2020-01-01T12:00:00.5", UnitMillisecond},
		{"2020-01-01T12:00:00.500", UnitMillisecond},
		{"2020-01-01T12:00:00.5000", UnitMicrosecond},
		{"2020-01-01T00:00:00.000000001", UnitNanosecond},
		{"2020-01-01T00:00:00.0000000001", UnitPicosecond},
		{"2020-01-01T00:00:00.0000000000001", UnitFemtosecond},
		{"2020-01-01T00:00:00.0000000000000001", UnitAttosecond},
		{"NaT", UnitGeneric},
	} {
		if got, err := DatetimeUnitOf(c.s); err != nil || got != c.want {
			t.Errorf("DatetimeUnitOf(%q) = %v, %v; want %v", c.s, got, err, c.want)
		}
	}
	var ve *ValueError
	if _, err := DatetimeUnitOf("2020-01-01T24:00"); !errors.As(err, &ve) {
		t.Errorf("DatetimeUnitOf of hour 24: %v", err)
	}
}

func TestFormatDatetime(t *testing.T) {
	for _, c := range []struct {
		tick int64
		unit TimeUnit
		want string
	}{
		{0, UnitYear, "1970"},
		{9000, UnitYear, "10970"},
		{-9000, UnitYear, "-7030"},
		{-1975, UnitYear, "-005"}, // C's "%04d" of -5
		{-1, UnitMonth, "1969-12"},
		{90000, UnitMonth, "9470-01"},
		{-90000, UnitMonth, "-5530-01"},
		{-1, UnitWeek, "1969-12-25"},
		{400000, UnitWeek, "9636-02-21"},
		{-400000, UnitWeek, "-5697-11-12"},
		{1234567, UnitDay, "5350-02-17"},
		{-1234567, UnitDay, "-1411-11-14"},
		{3000000, UnitDay, "10183-09-21"},
		{-3000000, UnitDay, "-6244-04-12"},
		{-1234567, UnitHour, "1829-02-28T17"},
		{1234567, UnitMinute, "1972-05-07T08:07"},
		{-1, UnitSecond, "1969-12-31T23:59:59"},
		{-1234567, UnitMillisecond, "1969-12-31T23:39:25.433"},
		{-1234567, UnitMicrosecond, "1969-12-31T23:59:58.765433"},
		{math.MaxInt64, UnitMicrosecond, "294247-01-10T04:00:54.775807"},
		{-math.MaxInt64, UnitMicrosecond, "-290308-12-21T19:59:05.224193"},
		{-1, UnitNanosecond, "1969-12-31T23:59:59.999999999"},
		{1, UnitPicosecond, "1970-01-01T00:00:00.000000000001"},
		{-1, UnitFemtosecond, "1969-12-31T23:59:59.999999999999999"},
		{-1, UnitAttosecond, "1969-12-31T23:59:59.999999999999999999"},
		{NaT, UnitDay, "NaT"},
		{5, UnitGeneric, "NaT"},
	} {
		if got := FormatDatetime(c.tick, c.unit); got != c.want {
			t.Errorf("FormatDatetime(%d, %s) = %q, want %q", c.tick, c.unit, got, c.want)
		}
	}
	for _, c := range []struct {
		tick int64
		unit TimeUnit
		want string
	}{
		{5, UnitSecond, "5 seconds"},
		{-5, UnitDay, "-5 days"},
		{0, UnitYear, "0 years"},
		{1, UnitGeneric, "1 generic time units"},
		{-5, UnitNanosecond, "-5 nanoseconds"},
		{NaT, UnitSecond, "NaT"},
	} {
		if got := FormatTimedelta(c.tick, c.unit); got != c.want {
			t.Errorf("FormatTimedelta(%d, %s) = %q, want %q", c.tick, c.unit, got, c.want)
		}
	}
	for u, want := range map[TimeUnit]int{UnitGeneric: 4, UnitYear: 22, UnitMonth: 25, UnitWeek: 28,
		UnitDay: 28, UnitHour: 32, UnitMinute: 35, UnitSecond: 38, UnitMillisecond: 42,
		UnitMicrosecond: 45, UnitNanosecond: 48} {
		if got := DatetimeStringWidth(u, false); got != want {
			t.Errorf("DatetimeStringWidth(%s) = %d, want %d", u, got, want)
		}
	}
}

func TestDatetimeFields(t *testing.T) {
	f, err := DatetimeFieldsOf(1577881845123, UnitMillisecond)
	want := DatetimeFields{Year: 2020, Month: 1, Day: 1, Hour: 12, Minute: 30, Second: 45, Microsecond: 123000}
	if err != nil || f != want {
		t.Fatalf("fields of 2020-01-01T12:30:45.123: %+v, %v", f, err)
	}
	if f.Precision() != UnitMillisecond {
		t.Errorf("precision %s", f.Precision())
	}
	for u, tick := range map[TimeUnit]int64{UnitYear: 50, UnitMonth: 600, UnitDay: 18262, UnitSecond: 1577881845, UnitMicrosecond: 1577881845123000} {
		if got, err := f.Datetime(u); err != nil || got != tick {
			t.Errorf("Datetime(%s) = %d, %v; want %d", u, got, err, tick)
		}
	}
	g := DatetimeFields{Year: 2020, Month: 1, Day: 1, Hour: 0, Minute: 30}
	g.AddMinutes(-60)
	if g != (DatetimeFields{Year: 2019, Month: 12, Day: 31, Hour: 23, Minute: 30}) {
		t.Errorf("AddMinutes across a year: %+v", g)
	}
	var ve *ValueError
	if _, err := DatetimeFieldsOf(NaT, UnitDay); !errors.As(err, &ve) {
		t.Errorf("fields of NaT: %v", err)
	}
	if _, err := DatetimeFieldsOf(1, UnitGeneric); !errors.As(err, &ve) {
		t.Errorf("fields of a generic tick: %v", err)
	}
}

func TestParseTimedelta(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int64
	}{
		{"5", 5}, {"-3", -3}, {"+7", 7}, {"  12", 12}, {"NaT", NaT}, {"nat", NaT}, {"", NaT},
		{"100000", 100000},
		{"99999999999999999999", math.MaxInt64}, // strtol saturates
	} {
		if got, err := ParseTimedelta(c.s); err != nil || got != c.want {
			t.Errorf("ParseTimedelta(%q) = %d, %v; want %d", c.s, got, err, c.want)
		}
	}
	var ve *ValueError
	for _, bad := range []string{"1.5", "5 ", "-", "x", "5s", "2020-01-01"} {
		if _, err := ParseTimedelta(bad); !errors.As(err, &ve) {
			t.Errorf("ParseTimedelta(%q): %v, want a *ValueError", bad, err)
		}
	}
}

// ticks returns the native bytes of int64 ticks.
func ticks(vs ...int64) []byte {
	b := make([]byte, 8*len(vs))
	for i, v := range vs {
		binary.NativeEndian.PutUint64(b[8*i:], uint64(v))
	}
	return b
}

// runCheckedCast converts the n elements of type from in src to type to.
func runCheckedCast(t *testing.T, from, to DType, src []byte, n int) ([]byte, error) {
	t.Helper()
	loop, err := GetCheckedCast(from, to)
	if err != nil {
		return nil, err
	}
	dst := make([]byte, n*to.Size())
	if n == 0 {
		return dst, nil
	}
	err = loop(unsafe.Pointer(&dst[0]), to.Size(), unsafe.Pointer(&src[0]), from.Size(), n)
	return dst, err
}

func tickValues(b []byte) []int64 {
	out := make([]int64, len(b)/8)
	for i := range out {
		out[i] = int64(binary.NativeEndian.Uint64(b[8*i:]))
	}
	return out
}

func TestTimeUnitCasts(t *testing.T) {
	dt, td := Datetime64, Timedelta64
	in := []int64{0, 1, -1, 7, -7, 13, -13, 59, -61, NaT}
	for _, c := range []struct {
		from, to DType
		want     []int64
	}{
		{dt(UnitYear), dt(UnitMonth), []int64{0, 12, -12, 84, -84, 156, -156, 708, -732, NaT}},
		{dt(UnitYear), dt(UnitWeek), []int64{0, 52, -53, 365, -366, 678, -679, 3078, -3183, NaT}},
		{dt(UnitYear), dt(UnitDay), []int64{0, 365, -365, 2557, -2557, 4748, -4748, 21550, -22280, NaT}},
		{dt(UnitMonth), dt(UnitYear), []int64{0, 0, -1, 0, -1, 1, -2, 4, -6, NaT}},
		{dt(UnitMillisecond), dt(UnitSecond), []int64{0, 0, -1, 0, -1, 0, -1, 0, -1, NaT}},
		{dt(UnitDay), dt(UnitWeek), []int64{0, 0, -1, 1, -1, 1, -2, 8, -9, NaT}},
		{td(UnitDay), td(UnitWeek), []int64{0, 0, -1, 1, -1, 1, -2, 8, -9, NaT}},
		{td(UnitMonth), td(UnitDay), []int64{0, 30, -31, 213, -214, 395, -396, 1795, -1857, NaT}},
		{td(UnitYear), td(UnitMonth), []int64{0, 12, -12, 84, -84, 156, -156, 708, -732, NaT}},
		{td(UnitSecond), td(UnitMillisecond), []int64{0, 1000, -1000, 7000, -7000, 13000, -13000, 59000, -61000, NaT}},
		{td(UnitGeneric), td(UnitSecond), in},
		{dt(UnitSecond), td(UnitSecond), in},
		{Int64, td(UnitSecond), in},
		{td(UnitSecond), Int64, in},
	} {
		got, err := runCheckedCast(t, c.from, c.to, ticks(in...), len(in))
		if err != nil {
			t.Errorf("%v -> %v: %v", c.from, c.to, err)
			continue
		}
		if g := tickValues(got); !slices.Equal(g, c.want) {
			t.Errorf("%v -> %v: got %v, want %v", c.from, c.to, g, c.want)
		}
	}
	// big-endian operands convert like native ones
	be := td(UnitSecond).WithByteOrder(BigEndian)
	src := make([]byte, 16)
	binary.BigEndian.PutUint64(src, uint64(7))
	binary.BigEndian.PutUint64(src[8:], 1<<63) // NaT
	got, err := runCheckedCast(t, be, td(UnitMillisecond), src, 2)
	if err != nil || !slices.Equal(tickValues(got), []int64{7000, NaT}) {
		t.Errorf("big-endian m8[s] -> m8[ms]: %v, %v", tickValues(got), err)
	}
	var ve *ValueError
	if _, err := GetCheckedCast(dt(UnitSecond), dt(UnitGeneric)); !errors.As(err, &ve) {
		t.Errorf("a unit to generic: %v, want a *ValueError", err)
	}
	if v, err := ConvertTime(-1, td(UnitMonth), td(UnitDay)); err != nil || v != -31 {
		t.Errorf("ConvertTime(-1 M -> D) = %d, %v", v, err)
	}
}

func TestTimeNumberCasts(t *testing.T) {
	src := ticks(0, 1, -1, 300, NaT)
	f, err := runCheckedCast(t, Datetime64(UnitSecond), Float64, src, 5)
	if err != nil {
		t.Fatal(err)
	}
	fs := unsafe.Slice((*float64)(unsafe.Pointer(&f[0])), 5)
	if fs[3] != 300 || fs[4] != -9.223372036854776e18 {
		t.Errorf("datetime64[s] -> float64: %v", fs)
	}
	b, _ := runCheckedCast(t, Timedelta64(UnitSecond), Bool, src, 5)
	if b[0] != 0 || b[1] != 1 || b[4] != 1 {
		t.Errorf("timedelta64 -> bool (NaT is true): %v", b)
	}
	i8, _ := runCheckedCast(t, Datetime64(UnitSecond), Int8, src, 5)
	if int8(i8[3]) != 44 || i8[4] != 0 {
		t.Errorf("datetime64 -> int8 wraps: %v", i8)
	}
	floats := []float64{0, 1.5, -1.5, 2.9, -2.9, math.NaN(), math.Copysign(0, -1), 1e15, math.Inf(1), 1e19}
	fb := unsafe.Slice((*byte)(unsafe.Pointer(&floats[0])), 8*len(floats))
	got, err := runCheckedCast(t, Float64, Timedelta64(UnitSecond), fb, len(floats))
	want := []int64{0, 1, -1, 2, -2, NaT, 0, 1e15, NaT, NaT}
	if err != nil || !slices.Equal(tickValues(got), want) {
		t.Errorf("float64 -> timedelta64[s] = %v, %v; want %v", tickValues(got), err, want)
	}
}

// unicodeOf returns native UTF-32 elements of Unicode(width) holding the
// strings.
func unicodeOf(width int, vals ...string) []byte {
	b := make([]byte, 4*width*len(vals))
	for i, v := range vals {
		for j, r := range v {
			binary.NativeEndian.PutUint32(b[4*(width*i+j):], uint32(r))
		}
	}
	return b
}

func unicodeValues(width int, b []byte) []string {
	var out []string
	for i := 0; i < len(b); i += 4 * width {
		var s []rune
		for j := range width {
			if c := binary.NativeEndian.Uint32(b[i+4*j:]); c != 0 {
				s = append(s, rune(c))
			}
		}
		out = append(out, string(s))
	}
	return out
}

func TestTimeTextCasts(t *testing.T) {
	got, err := runCheckedCast(t, Unicode(10), Datetime64(UnitMonth), unicodeOf(10, "2020-01-01", "NaT", "1969-12-31"), 3)
	if err != nil || !slices.Equal(tickValues(got), []int64{600, NaT, -1}) {
		t.Errorf("U10 -> datetime64[M]: %v, %v", tickValues(got), err)
	}
	got, err = runCheckedCast(t, Bytes(10), Datetime64(UnitSecond), []byte("2020-01-01NaT\x00\x00\x00\x00\x00\x00\x00"), 2)
	if err != nil || !slices.Equal(tickValues(got), []int64{1577836800, NaT}) {
		t.Errorf("S10 -> datetime64[s]: %v, %v", tickValues(got), err)
	}
	got, err = runCheckedCast(t, Unicode(3), Timedelta64(UnitSecond), unicodeOf(3, "5", "-3", "NaT"), 3)
	if err != nil || !slices.Equal(tickValues(got), []int64{5, -3, NaT}) {
		t.Errorf("U3 -> timedelta64[s]: %v, %v", tickValues(got), err)
	}
	var ve *ValueError
	if _, err := runCheckedCast(t, Unicode(1), Datetime64(UnitDay), unicodeOf(1, "x"), 1); !errors.As(err, &ve) {
		t.Errorf("U1 'x' -> datetime64[D]: %v, want a *ValueError", err)
	}
	if _, err := runCheckedCast(t, Unicode(3), Timedelta64(UnitSecond), unicodeOf(3, "1.5"), 1); !errors.As(err, &ve) {
		t.Errorf("'1.5' -> timedelta64[s]: %v, want a *ValueError", err)
	}
	// text casts can fail, so they exist only as checked loops
	var ce *CastError
	if _, err := GetCast(Unicode(1), Datetime64(UnitDay)); !errors.As(err, &ce) {
		t.Errorf("GetCast(U1, datetime64[D]): %v, want a *CastError", err)
	}
	if _, err := GetCast(Datetime64(UnitDay), Bytes(10)); !errors.As(err, &ce) {
		t.Errorf("GetCast(datetime64[D], S10): %v, want a *CastError", err)
	}

	out, err := runCheckedCast(t, Datetime64(UnitSecond), Unicode(19), ticks(1, NaT), 2)
	if s := unicodeValues(19, out); err != nil || s[0] != "1970-01-01T00:00:01" || s[1] != "NaT" {
		t.Errorf("datetime64[s] -> U19: %q, %v", s, err)
	}
	var te *TruncationError
	if _, err := runCheckedCast(t, Datetime64(UnitSecond), Unicode(5), ticks(1), 1); !errors.As(err, &te) {
		t.Errorf("datetime64[s] -> U5: %v, want a *TruncationError", err)
	}
	out, err = runCheckedCast(t, Datetime64(UnitSecond), Bytes(38), ticks(1), 1)
	if err != nil || strings.TrimRight(string(out), "\x00") != "1970-01-01T00:00:01" {
		t.Errorf("datetime64[s] -> S38: %q, %v", out, err)
	}
	out, err = runCheckedCast(t, Timedelta64(UnitMillisecond), Unicode(21), ticks(0, -5, NaT), 3)
	if s := unicodeValues(21, out); err != nil || s[0] != "0 milliseconds" || s[1] != "-5 milliseconds" || s[2] != "NaT" {
		t.Errorf("timedelta64[ms] -> U21: %q, %v", s, err)
	}
	if got := SizedStringFor(Datetime64(UnitNanosecond), Unicode(0)); got != Unicode(48) {
		t.Errorf("astype(U) of datetime64[ns] gives %v, want U48", got)
	}
	if got := SizedStringFor(Timedelta64(UnitYear), Bytes(0)); got != Bytes(21) {
		t.Errorf("astype(S) of timedelta64[Y] gives %v, want S21", got)
	}
}

// FuzzParseDatetime feeds arbitrary text to the date parsers: they must
// not panic, and a datetime that parses must format to text that parses
// back to the same tick.
func FuzzParseDatetime(f *testing.F) {
	for _, s := range []string{"2020-01-01", "1969-12-31T23:59:59.5", "NaT", "", " 2020", "-0001-02-29",
		"2020-01-01T12:00+01:00", "99999999999999999999999", "2020-01-01T00:00:00.0000000000000000001",
		"today", "now", "2020-W01", "5", "-", "2020-01-01 10Z "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseTimedelta(s)
		best, err := DatetimeUnitOf(s)
		for u := UnitGeneric; u < numUnits; u++ {
			_, _ = ParseDatetime(s, u)
		}
		if err != nil || best == UnitGeneric {
			return
		}
		tick, err := ParseDatetime(s, best)
		if err != nil {
			t.Fatalf("%q parses at its own unit %s: %v", s, best, err)
		}
		if tick == NaT || tick > 1<<50 || tick < -1<<50 {
			return
		}
		text := FormatDatetime(tick, best)
		back, err := ParseDatetime(text, best)
		if err != nil || back != tick {
			t.Fatalf("%q -> %d [%s] -> %q -> %d, %v", s, tick, best, text, back, err)
		}
	})
}

// TestCalendarAgainstTime checks the day arithmetic against Go's time
// package (the same proleptic Gregorian calendar) around every day of
// the years -801 to 2401.
func TestCalendarAgainstTime(t *testing.T) {
	for day := int64(-1000000); day <= 160000; day += 13 {
		tm := time.Unix(day*86400, 0).UTC()
		f, err := DatetimeFieldsOf(day, UnitDay)
		want := DatetimeFields{Year: int64(tm.Year()), Month: int(tm.Month()), Day: tm.Day()}
		if err != nil || f != want {
			t.Fatalf("day %d: fields %+v, want %+v", day, f, want)
		}
		if back, _ := f.Datetime(UnitDay); back != day {
			t.Fatalf("day %d: %+v gives back %d", day, f, back)
		}
	}
}
