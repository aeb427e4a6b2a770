package dtype

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// NaT is the tick of "not a time", NumPy's NaT: the smallest int64. It is
// a valid element of every datetime64 and timedelta64 type.
const NaT int64 = math.MinInt64

// DatetimeFields is a datetime broken into calendar fields in the
// proleptic Gregorian calendar, without time zone or leap seconds: NumPy's
// npy_datetimestruct. The sub-second parts nest: Picosecond counts within
// the microsecond and Attosecond within the picosecond.
type DatetimeFields struct {
	Year        int64
	Month       int // 1 to 12
	Day         int // 1 to the month's length
	Hour        int // 0 to 23
	Minute      int // 0 to 59
	Second      int // 0 to 59
	Microsecond int // 0 to 999999
	Picosecond  int // 0 to 999999, within the microsecond
	Attosecond  int // 0 to 999999, within the picosecond
}

var daysPerMonth = [2][12]int{
	{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
	{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
}

func isLeapYear(y int64) bool {
	return y&3 == 0 && (y%100 != 0 || y%400 == 0)
}

func leapIndex(y int64) int {
	if isLeapYear(y) {
		return 1
	}
	return 0
}

// floorDivMod divides *v by unit, rounding toward -Inf, leaves the
// non-negative remainder in *v and returns the quotient (NumPy's
// extract_unit_64).
func floorDivMod(v *int64, unit int64) int64 {
	div := *v / unit
	*v %= unit
	if *v < 0 {
		*v += unit
		div--
	}
	return div
}

// days returns the days of f's date since 1970-01-01 (NumPy's
// get_datetimestruct_days, whose integer arithmetic wraps the same way
// for years far outside int64 ticks).
func (f *DatetimeFields) days() int64 {
	year := f.Year - 1970
	days := year * 365
	if days >= 0 {
		// 1968 is the closest leap year before 1970; exclude the current
		// year, so add 1.
		year++
		days += year / 4
		year += 68 // 1900 is the closest previous year divisible by 100
		days -= year / 100
		year += 300 // 1600 is the closest previous year divisible by 400
		days += year / 400
	} else {
		// 1972 is the closest later leap year; include the current year.
		year -= 2
		days += year / 4
		year -= 28 // 2000 is the closest later year divisible by 100
		days -= year / 100
		days += year / 400 // and by 400
	}
	m := f.Month - 1
	if m < 0 || m > 11 {
		m = 0
	}
	ml := &daysPerMonth[leapIndex(f.Year)]
	for i := range m {
		days += int64(ml[i])
	}
	return days + int64(f.Day) - 1
}

// yearsFromDays splits days since 1970-01-01 into a year and the day
// within it (NumPy's days_to_yearsdays).
func yearsFromDays(days int64) (year, dayOfYear int64) {
	const daysPer400 = 400*365 + 100 - 4 + 1
	d := days - (365*30 + 7) // relative to 2000-01-01, divisible by 400
	year = 400 * floorDivMod(&d, daysPer400)
	if d >= 366 {
		year += 100 * ((d - 1) / (100*365 + 25 - 1))
		d = (d - 1) % (100*365 + 25 - 1)
		if d >= 365 {
			year += 4 * ((d + 1) / (4*365 + 1))
			d = (d + 1) % (4*365 + 1)
			if d >= 366 {
				year += (d - 1) / 365
				d = (d - 1) % 365
			}
		}
	}
	return year + 2000, d
}

// setDays sets the date of f from days since 1970-01-01.
func (f *DatetimeFields) setDays(days int64) {
	year, d := yearsFromDays(days)
	f.Year = year
	ml := &daysPerMonth[leapIndex(year)]
	for i, n := range ml {
		if d < int64(n) {
			f.Month = i + 1
			f.Day = int(d) + 1
			return
		}
		d -= int64(n)
	}
	f.Month, f.Day = 12, 31 // not reached: d < 366
}

// DatetimeFieldsOf breaks a datetime64 tick of the given unit into
// calendar fields. NaT and the generic unit (which has no calendar
// meaning) are a *ValueError.
func DatetimeFieldsOf(tick int64, unit TimeUnit) (DatetimeFields, error) {
	f := DatetimeFields{Year: 1970, Month: 1, Day: 1}
	if tick == NaT {
		return f, &ValueError{Msg: "NaT has no calendar fields"}
	}
	dt := tick
	switch unit {
	case UnitYear:
		f.Year = 1970 + dt
	case UnitMonth:
		f.Year = 1970 + floorDivMod(&dt, 12)
		f.Month = int(dt) + 1
	case UnitWeek:
		f.setDays(dt * 7)
	case UnitDay:
		f.setDays(dt)
	case UnitHour:
		f.setDays(floorDivMod(&dt, 24))
		f.Hour = int(dt)
	case UnitMinute:
		f.setDays(floorDivMod(&dt, 60*24))
		f.Hour = int(floorDivMod(&dt, 60))
		f.Minute = int(dt)
	case UnitSecond, UnitMillisecond, UnitMicrosecond, UnitNanosecond, UnitPicosecond:
		perSec := int64(1) // ticks per second
		for range unit - UnitSecond {
			perSec *= 1000
		}
		f.setDays(floorDivMod(&dt, perSec*60*60*24))
		f.Hour = int(floorDivMod(&dt, perSec*60*60))
		f.Minute = int(floorDivMod(&dt, perSec*60))
		f.Second = int(floorDivMod(&dt, perSec))
		f.setAttoseconds(dt * (1e18 / perSec))
	case UnitFemtosecond:
		// the whole range is about ±2.6 hours
		f.Hour = int(floorDivMod(&dt, 1e15*60*60))
		if f.Hour < 0 {
			f.Year, f.Month, f.Day = 1969, 12, 31
			f.Hour += 24
		}
		f.Minute = int(floorDivMod(&dt, 1e15*60))
		f.Second = int(floorDivMod(&dt, 1e15))
		f.setAttoseconds(dt * 1000)
	case UnitAttosecond:
		// the whole range is about ±9.2 seconds
		f.Second = int(floorDivMod(&dt, 1e18))
		if f.Second < 0 {
			f.Year, f.Month, f.Day, f.Hour, f.Minute = 1969, 12, 31, 23, 59
			f.Second += 60
		}
		f.setAttoseconds(dt)
	default:
		return f, &ValueError{Msg: "cannot convert a datetime other than NaT with generic units"}
	}
	return f, nil
}

// setAttoseconds sets the sub-second fields from the attoseconds within
// the second, 0 <= as < 1e18.
func (f *DatetimeFields) setAttoseconds(as int64) {
	f.Microsecond = int(as / 1e12)
	f.Picosecond = int(as / 1e6 % 1e6)
	f.Attosecond = int(as % 1e6)
}

// Datetime returns the tick of f in the given unit, truncating the finer
// fields (which, the fields being non-negative, rounds toward -Inf). The
// generic unit is a *ValueError: it holds only NaT. Ticks beyond int64
// wrap, as NumPy's do.
func (f DatetimeFields) Datetime(unit TimeUnit) (int64, error) {
	switch unit {
	case UnitYear:
		return f.Year - 1970, nil
	case UnitMonth:
		return 12*(f.Year-1970) + int64(f.Month-1), nil
	case UnitGeneric:
		return 0, &ValueError{Msg: "cannot create a datetime other than NaT with generic units"}
	}
	if unit >= numUnits {
		return 0, &ValueError{Msg: "bad time unit " + unit.String()}
	}
	days := f.days()
	if unit == UnitWeek {
		if days >= 0 {
			return days / 7, nil
		}
		return (days - 6) / 7, nil
	}
	if unit == UnitDay {
		return days, nil
	}
	h := days*24 + int64(f.Hour)
	m := h*60 + int64(f.Minute)
	s := m*60 + int64(f.Second)
	us := s*1e6 + int64(f.Microsecond)
	switch unit {
	case UnitHour:
		return h, nil
	case UnitMinute:
		return m, nil
	case UnitSecond:
		return s, nil
	case UnitMillisecond:
		return s*1000 + int64(f.Microsecond/1000), nil
	case UnitMicrosecond:
		return us, nil
	case UnitNanosecond:
		return us*1000 + int64(f.Picosecond/1000), nil
	case UnitPicosecond:
		return us*1e6 + int64(f.Picosecond), nil
	case UnitFemtosecond:
		return (us*1e6+int64(f.Picosecond))*1000 + int64(f.Attosecond/1000), nil
	}
	return (us*1e6+int64(f.Picosecond))*1e6 + int64(f.Attosecond), nil
}

// AddMinutes moves f by a number of minutes (at most a day either way, a
// time-zone offset), carrying into the hour, day, month and year.
func (f *DatetimeFields) AddMinutes(minutes int) {
	f.Minute += minutes % (24 * 60)
	carry(&f.Minute, &f.Hour, 60)
	carry(&f.Hour, &f.Day, 24)
	if f.Month < 1 || f.Month > 12 {
		return
	}
	if f.Day < 1 {
		f.Month--
		if f.Month < 1 {
			f.Year--
			f.Month = 12
		}
		f.Day += daysPerMonth[leapIndex(f.Year)][f.Month-1]
	} else if n := daysPerMonth[leapIndex(f.Year)][f.Month-1]; f.Day > n {
		f.Day -= n
		f.Month++
		if f.Month > 12 {
			f.Year++
			f.Month = 1
		}
	}
}

// carry brings *v into [0, base), moving the whole multiples of base it
// held (negative ones too) into *next.
func carry(v, next *int, base int) {
	q := *v / base
	*v %= base
	if *v < 0 {
		*v += base
		q--
	}
	*next += q
}

// Precision returns the coarsest unit that represents f exactly, as
// NumPy's datetime_as_string(unit="auto") chooses it: a day, minutes for
// any time of day with whole minutes (hours are written with their
// minutes), else seconds, milliseconds, … down to attoseconds.
func (f DatetimeFields) Precision() TimeUnit {
	switch {
	case f.Attosecond%1000 != 0:
		return UnitAttosecond
	case f.Attosecond != 0:
		return UnitFemtosecond
	case f.Picosecond%1000 != 0:
		return UnitPicosecond
	case f.Picosecond != 0:
		return UnitNanosecond
	case f.Microsecond%1000 != 0:
		return UnitMicrosecond
	case f.Microsecond != 0:
		return UnitMillisecond
	case f.Second != 0:
		return UnitSecond
	case f.Minute != 0 || f.Hour != 0:
		return UnitMinute
	}
	return UnitDay
}

func append2(dst []byte, v int) []byte {
	return append(dst, byte('0'+v/10%10), byte('0'+v%10))
}

func append3(dst []byte, v int) []byte {
	return append(dst, byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

// AppendISO appends f as ISO 8601 text at the given unit, as NumPy's
// datetime_as_string writes it: the year with at least four digits (a
// minus sign for negative years), then "-MM", "-DD", "Thh", ":mm", ":ss"
// and 3, 6, 9, 12, 15 or 18 fraction digits down to the unit. Weeks are
// written as days; finer fields are dropped (truncated). The generic unit
// writes "NaT".
func (f DatetimeFields) AppendISO(dst []byte, unit TimeUnit) []byte {
	if unit == UnitGeneric || unit >= numUnits {
		return append(dst, "NaT"...)
	}
	if unit == UnitWeek {
		unit = UnitDay
	}
	y := f.Year
	if y < 0 {
		dst = append(dst, '-')
		n := len(dst)
		dst = strconv.AppendUint(dst, -uint64(y), 10)
		for len(dst)-n < 3 { // "%04d" of a negative year: three digits
			dst = append(dst[:n+1], dst[n:]...)
			dst[n] = '0'
		}
	} else {
		n := len(dst)
		dst = strconv.AppendInt(dst, y, 10)
		for len(dst)-n < 4 {
			dst = append(dst[:n+1], dst[n:]...)
			dst[n] = '0'
		}
	}
	if unit == UnitYear {
		return dst
	}
	for _, c := range [...]struct {
		sep  byte
		v    int
		unit TimeUnit
	}{{'-', f.Month, UnitMonth}, {'-', f.Day, UnitDay}, {'T', f.Hour, UnitHour}, {':', f.Minute, UnitMinute}, {':', f.Second, UnitSecond}} {
		dst = append2(append(dst, c.sep), c.v)
		if unit == c.unit {
			return dst
		}
	}
	// three digits a unit from milliseconds down
	dst = append(dst, '.')
	for i, v := range [...]int{f.Microsecond / 1000, f.Microsecond % 1000, f.Picosecond / 1000, f.Picosecond % 1000, f.Attosecond / 1000, f.Attosecond % 1000} {
		dst = append3(dst, v)
		if unit == UnitMillisecond+TimeUnit(i) {
			break
		}
	}
	return dst
}

// FormatDatetime returns a datetime64 tick as NumPy writes it at its unit
// ("2020-01-01", "1970-01-01T00:00:01.500"), or "NaT". A tick with the
// generic unit writes "NaT", as NumPy's cast to strings does.
func FormatDatetime(tick int64, unit TimeUnit) string {
	f, err := DatetimeFieldsOf(tick, unit)
	if err != nil {
		return "NaT"
	}
	var buf [64]byte
	return string(f.AppendISO(buf[:0], unit))
}

// DatetimeStringWidth returns the width of the string type NumPy makes
// for datetimes written at the given unit (its
// get_datetime_iso_8601_strlen, which counts a terminating NUL): 21
// characters for a 64-bit year and the fields down to the unit, a
// time-zone suffix for units of hours or finer ("Z", or "+hhmm" when
// local), and one more. So astype("U") of datetime64[Y] gives U22, of
// datetime64[D] U28 and of datetime64[ns] U48. The generic unit, which
// holds only NaT, gives 4.
func DatetimeStringWidth(unit TimeUnit, local bool) int {
	if unit == UnitGeneric || unit >= numUnits {
		return 4
	}
	n := 21 // the year
	if unit >= UnitMonth {
		n += 3
	}
	if unit >= UnitWeek {
		n += 3 // weeks are written as days
	}
	if unit >= UnitHour {
		n += 3
	}
	if unit >= UnitMinute {
		n += 3
	}
	if unit >= UnitSecond {
		n += 3
	}
	if unit >= UnitMillisecond {
		n += 4
	}
	n += 3 * max(0, int(unit)-int(UnitMillisecond))
	if unit >= UnitHour {
		if local {
			n += 5
		} else {
			n++
		}
	}
	return n + 1
}

// TimedeltaStringWidth is the width of the string type NumPy makes for
// timedelta64 text ("-9223372036854775807 seconds" does not fit; NumPy
// cuts it short).
const TimedeltaStringWidth = 21

// timedeltaUnitNames are NumPy's verbose unit names, as str() of a
// timedelta64 scalar writes them.
var timedeltaUnitNames = [numUnits]string{"generic time units", "years", "months", "weeks", "days",
	"hours", "minutes", "seconds", "milliseconds", "microseconds", "nanoseconds",
	"picoseconds", "femtoseconds", "attoseconds"}

// FormatTimedelta returns a timedelta64 tick as NumPy's str() writes it:
// "5 seconds", "-1 days", "1 generic time units", or "NaT".
func FormatTimedelta(tick int64, unit TimeUnit) string {
	if tick == NaT {
		return "NaT"
	}
	name := "generic time units"
	if unit < numUnits {
		name = timedeltaUnitNames[unit]
	}
	return strconv.FormatInt(tick, 10) + " " + name
}

// isSpace is C's isspace in the "C" locale.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isNaTText reports whether s spells NaT for NumPy: empty, or "nat" in
// any case.
func isNaTText(s string) bool {
	if len(s) == 0 {
		return true
	}
	return len(s) == 3 && s[0]|0x20 == 'n' && s[1]|0x20 == 'a' && s[2]|0x20 == 't'
}

// nowFunc is the clock "now" and "today" read (replaceable in tests).
var nowFunc = time.Now

// parseISO parses an ISO 8601 date or datetime as NumPy's
// parse_iso_8601_datetime does, returning the fields, the unit of the
// text's precision and whether it was NaT. Errors are *ValueError.
func parseISO(s string) (f DatetimeFields, best TimeUnit, nat bool, err error) {
	f = DatetimeFields{Month: 1, Day: 1}
	if isNaTText(s) {
		return f, UnitGeneric, true, nil
	}
	lower := func(i int) byte { return s[i] | 0x20 }
	if len(s) == 5 && lower(0) == 't' && lower(1) == 'o' && lower(2) == 'd' && lower(3) == 'a' && lower(4) == 'y' {
		now := nowFunc()
		f.Year, f.Month, f.Day = int64(now.Year()), int(now.Month()), now.Day()
		return f, UnitDay, false, nil
	}
	if len(s) == 3 && lower(0) == 'n' && lower(1) == 'o' && lower(2) == 'w' {
		f, _ = DatetimeFieldsOf(nowFunc().Unix(), UnitSecond)
		return f, UnitSecond, false, nil
	}
	pos := 0
	n := len(s)
	fail := func(err error) (DatetimeFields, TimeUnit, bool, error) {
		return f, 0, false, err
	}
	badErr := func() error {
		return &ValueError{Msg: fmt.Sprintf("error parsing datetime string %q at position %d", s, pos)}
	}
	bad := func() (DatetimeFields, TimeUnit, bool, error) { return fail(badErr()) }
	// field reads two digits into *dst; they must lie in [lo, hi], what
	// names the field in the out-of-range error.
	field := func(dst *int, lo, hi int, what string) error {
		if n-pos < 2 || !isDigit(s[pos]) || !isDigit(s[pos+1]) {
			return badErr()
		}
		v := int(s[pos]-'0')*10 + int(s[pos+1]-'0')
		if v < lo || v > hi {
			return &ValueError{Msg: fmt.Sprintf("%s out of range in datetime string %q", what, s)}
		}
		pos += 2
		*dst = v
		return nil
	}
	for pos < n && isSpace(s[pos]) {
		pos++
	}
	neg := false
	if pos < n && s[pos] == '-' {
		neg = true
		pos++
	}
	if pos == n {
		return bad()
	}
	// the year: digits up to the '-'
	for pos < n && isDigit(s[pos]) {
		f.Year = 10*f.Year + int64(s[pos]-'0')
		pos++
	}
	if neg {
		f.Year = -f.Year
	}
	if pos == n {
		return f, UnitYear, false, nil
	}
	// "-MM", "-DD" and "Thh" (or " hh") follow each other; the day's
	// upper bound is the length of the month
	dateTime := [...]struct {
		sep1, sep2 byte
		dst        *int
		lo, hi     int
		what       string
		unit       TimeUnit
	}{
		{'-', '-', &f.Month, 1, 12, "month", UnitMonth},
		{'-', '-', &f.Day, 1, 31, "day", UnitDay},
		{'T', ' ', &f.Hour, 0, 23, "hours", UnitHour},
	}
	for i, c := range dateTime {
		if i > 0 && pos == n {
			return f, best, false, nil
		}
		if s[pos] != c.sep1 && s[pos] != c.sep2 {
			return bad()
		}
		pos++
		if c.unit == UnitDay {
			c.hi = daysPerMonth[leapIndex(f.Year)][f.Month-1]
		}
		if err := field(c.dst, c.lo, c.hi, c.what); err != nil {
			return fail(err)
		}
		best = c.unit
	}
	// then optionally ":mm", ":ss" and a fraction, each only after the last
	for _, c := range [...]struct {
		dst  *int
		what string
		unit TimeUnit
	}{{&f.Minute, "minutes", UnitMinute}, {&f.Second, "seconds", UnitSecond}} {
		if pos == n || s[pos] != ':' {
			break
		}
		pos++
		if err := field(c.dst, 0, 59, c.what); err != nil {
			return fail(err)
		}
		best = c.unit
	}
	if best == UnitSecond && pos < n && s[pos] == '.' {
		pos++
		// up to three groups of six fraction digits: milli- or
		// microseconds, nano- or picoseconds, femto- or attoseconds
		digits := func(dst *int) int {
			nd := 0
			for range 6 {
				*dst *= 10
				if pos < n && isDigit(s[pos]) {
					*dst += int(s[pos] - '0')
					pos++
					nd++
				}
			}
			return nd
		}
		for i, dst := range [...]*int{&f.Microsecond, &f.Picosecond, &f.Attosecond} {
			if i > 0 && (pos == n || !isDigit(s[pos])) {
				break
			}
			best = UnitMillisecond + TimeUnit(2*i)
			if digits(dst) > 3 {
				best++
			}
		}
	}
	if pos == n {
		return f, best, false, nil
	}
	// A time-zone suffix (deprecated in NumPy, still applied in 1.24):
	// "Z" or an offset "±hh[[:]mm]", then optional trailing whitespace.
	switch s[pos] {
	case 'Z':
		pos++
	case '+', '-':
		sign := 1
		if s[pos] == '-' {
			sign = -1
		}
		pos++
		var oh, om int
		if err := field(&oh, 0, 23, "timezone hours offset"); err != nil {
			return fail(err)
		}
		if pos < n {
			if s[pos] == ':' {
				pos++
			}
			if err := field(&om, 0, 59, "timezone minutes offset"); err != nil {
				return fail(err)
			}
		}
		f.AddMinutes(-sign * (60*oh + om))
	}
	for pos < n && isSpace(s[pos]) {
		pos++
	}
	if pos != n {
		return bad()
	}
	return f, best, false, nil
}

// ParseDatetime parses ISO 8601 text into a datetime64 tick of the given
// unit, as NumPy's np.datetime64(s, unit) and string casts do:
// "[±]YYYY[-MM[-DD[Thh[:mm[:ss[.f…]]]]]]", a space allowed instead of
// "T", leading whitespace allowed; years may have any number of digits.
// "NaT", "nat" and "" give NaT; "today" and "now" read the clock. Text
// finer than the unit is truncated toward -Inf. Unparsable text and
// out-of-range fields are a *ValueError, as is anything but NaT for the
// generic unit. Ticks beyond int64 wrap, as NumPy's do.
func ParseDatetime(s string, unit TimeUnit) (int64, error) {
	f, _, nat, err := parseISO(s)
	if err != nil {
		return 0, err
	}
	if nat {
		return NaT, nil
	}
	return f.Datetime(unit)
}

// DatetimeUnitOf returns the unit NumPy infers from datetime text for a
// unit-less datetime64: the precision of the text (UnitYear for "2020",
// UnitDay for "2020-01-01", UnitMillisecond for one to three fraction
// digits, UnitMicrosecond for four to six, …), UnitGeneric for NaT.
// Unparsable text is a *ValueError.
func DatetimeUnitOf(s string) (TimeUnit, error) {
	_, best, _, err := parseISO(s)
	return best, err
}

// ParseTimedelta parses the text of a timedelta64 tick as NumPy's string
// casts do: an integer (leading whitespace and a sign allowed, values
// beyond int64 saturating as C's strtol does), or "NaT", "nat" and ""
// for NaT. Anything else is a *ValueError.
func ParseTimedelta(s string) (int64, error) {
	if isNaTText(s) {
		return NaT, nil
	}
	pos := 0
	for pos < len(s) && isSpace(s[pos]) {
		pos++
	}
	neg := false
	if pos < len(s) && (s[pos] == '+' || s[pos] == '-') {
		neg = s[pos] == '-'
		pos++
	}
	start := pos
	var v uint64
	over := false
	for pos < len(s) && isDigit(s[pos]) {
		d := uint64(s[pos] - '0')
		if v > (math.MaxUint64-d)/10 {
			over = true
		} else {
			v = v*10 + d
		}
		pos++
	}
	if pos == start || pos != len(s) {
		return 0, &ValueError{Msg: fmt.Sprintf("could not convert %q to a timedelta", s)}
	}
	if neg {
		if over || v > 1<<63 {
			return math.MinInt64, nil
		}
		return -int64(v), nil
	}
	if over || v > math.MaxInt64 {
		return math.MaxInt64, nil
	}
	return int64(v), nil
}
