package ndarray

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"time"

	"github.com/pluribus-go/pluribus/dtype"
)

// DTypeError reports an operation that is not defined for an array's
// element type, NumPy's TypeError ("input must have type NumPy
// datetime").
type DTypeError struct {
	Op    string
	DType dtype.DType
	Msg   string
}

// Error returns the message.
func (e *DTypeError) Error() string {
	return "ndarray: " + e.Op + ": " + e.Msg + " (got " + e.DType.String() + ")"
}

// tickOrder is the byte order of a datetime64 or timedelta64 type.
func tickOrder(d dtype.DType) binary.ByteOrder {
	if d.ByteOrder() == dtype.BigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// DatetimeFromStrings builds a 1-d datetime64 or timedelta64 array from
// text, as NumPy's np.array(values, dtype=dt). Datetimes are ISO 8601
// (see dtype.ParseDatetime); with the unit-less datetime64 the unit is
// inferred as NumPy does, the finest precision among the values ("2020"
// and "2020-01-01T12:00" give datetime64[m], "NaT" alone stays unit-less).
// Timedeltas are integers or "NaT". Text that does not parse, fields out
// of range and units that cannot hold a value are a *dtype.ValueError; a
// dt that is neither a datetime nor a timedelta is a *DTypeError.
func DatetimeFromStrings(values []string, dt dtype.DType) (*Array, error) {
	if !dt.IsTime() {
		return nil, &DTypeError{Op: "datetime from strings", DType: dt, Msg: "the dtype must be a datetime64 or timedelta64"}
	}
	if dt.Kind() == dtype.KindDatetime && dt.Unit() == dtype.UnitGeneric {
		dt = dtype.Datetime64(inferDatetimeUnit(len(values), func(i int) string { return values[i] })).WithByteOrder(dt.ByteOrder())
	}
	out, err := newArray(dt, []int{len(values)}, C)
	if err != nil {
		return nil, err
	}
	b := out.Bytes()
	order := tickOrder(dt)
	for i, s := range values {
		var v int64
		if dt.Kind() == dtype.KindDatetime {
			v, err = dtype.ParseDatetime(s, dt.Unit())
		} else {
			v, err = dtype.ParseTimedelta(s)
		}
		if err != nil {
			return nil, err
		}
		order.PutUint64(b[8*i:], uint64(v))
	}
	return out, nil
}

// inferDatetimeUnit returns the unit NumPy gives a unit-less datetime64
// made from n strings: the finest unit among those that parse (the
// others are reported when they are converted), generic when none has
// one.
func inferDatetimeUnit(n int, text func(i int) string) dtype.TimeUnit {
	unit := dtype.UnitGeneric
	for i := range n {
		if u, err := dtype.DatetimeUnitOf(text(i)); err == nil && u > unit {
			unit = u
		}
	}
	return unit
}

// datetimeTarget returns the type AsType converts a to when dt is the
// unit-less datetime64 and a holds text: the datetime64 with the unit
// the values need, as NumPy discovers it from them ("2020-01-01" gives
// datetime64[D]). Other targets are returned as they are.
func datetimeTarget(a *Array, dt dtype.DType) dtype.DType {
	if dt.Kind() != dtype.KindDatetime || dt.Unit() != dtype.UnitGeneric {
		return dt
	}
	if k := a.dtype.Kind(); k != dtype.KindUnicode && k != dtype.KindBytes {
		return dt
	}
	c := a.CopyOrder(C)
	b := c.Bytes()
	size := c.dtype.Size()
	u := inferDatetimeUnit(c.size, func(i int) string {
		return dtype.StringValue(c.dtype, b[i*size:(i+1)*size])
	})
	return dtype.Datetime64(u).WithByteOrder(dt.ByteOrder())
}

// DatetimeAsString converts a datetime64 array to strings, as NumPy's
// np.datetime_as_string(a, unit, timezone, casting). The result is a
// Unicode array of a's shape, as wide as NumPy makes it.
//
//   - unit: "" for a's own unit, "auto" for the coarsest unit that writes
//     each value exactly (at least days), or a unit code ("D", "s", "ms",
//     …). A coarser unit truncates toward -Inf; weeks are written as
//     days.
//   - timezone: "" or "naive" for none, "UTC" to append "Z" to times (not
//     dates), "local" to write times in the local time zone with their
//     offset ("+0100"; only for years 1801 to 9999, as NumPy).
//   - casting: a unit NumPy could not cast a's unit to under the rule is a
//     *dtype.CastError (a coarser unit needs same_kind); with any rule but
//     unsafe, dates in local time are refused, and below same_kind so is
//     a value finer than the unit.
//
// An array that is not datetime64 is a *DTypeError; an unknown unit or
// time zone is a *ValueError.
func DatetimeAsString(a *Array, unit, timezone string, casting dtype.Casting) (*Array, error) {
	const op = "datetime_as_string"
	if a.dtype.Kind() != dtype.KindDatetime {
		return nil, &DTypeError{Op: op, DType: a.dtype, Msg: "input must have type datetime64"}
	}
	src := a.dtype.Unit()
	base, auto := src, false
	switch unit {
	case "":
	case "auto":
		auto = true
	default:
		u, ok := dtype.ParseTimeUnit(unit)
		if !ok {
			return nil, &ValueError{Op: op, Msg: fmt.Sprintf("invalid datetime unit %q", unit)}
		}
		if !canCastUnits(src, u, casting) {
			return nil, &dtype.CastError{From: a.dtype, To: dtype.Datetime64(u), Casting: casting}
		}
		base = u
	}
	utc, local := false, false
	switch timezone {
	case "", "naive":
	case "UTC":
		utc = true
	case "local":
		local = true
	default:
		return nil, &ValueError{Op: op, Msg: fmt.Sprintf("unsupported timezone %q", timezone)}
	}
	width := dtype.DatetimeStringWidth(base, local)
	if auto {
		width = maxISOLen
	}
	outType := dtype.Unicode(width)
	out, err := newArray(outType, a.Shape(), C)
	if err != nil {
		return nil, err
	}
	c := a.CopyOrder(C)
	in := c.Bytes()
	res := out.Bytes()
	order := tickOrder(c.dtype)
	var buf []byte
	for i := range c.size {
		tick := int64(order.Uint64(in[8*i:]))
		size := outType.Size()
		elem := res[i*size : (i+1)*size]
		if tick == dtype.NaT {
			if err := dtype.SetStringValue(outType, elem, "NaT"); err != nil {
				return nil, err
			}
			continue
		}
		f, err := dtype.DatetimeFieldsOf(tick, src)
		if err != nil {
			return nil, &ValueError{Op: op, Msg: "cannot convert a datetime other than NaT with generic units"}
		}
		if buf, err = appendISO(buf[:0], f, base, auto, utc, local, casting); err != nil {
			return nil, err
		}
		if err := dtype.SetStringValue(outType, elem, string(buf)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// maxISOLen is NumPy's NPY_DATETIME_MAX_ISO8601_STRLEN, the width
// datetime_as_string(unit="auto") gives.
const maxISOLen = 21 + 3*5 + 1 + 3*6 + 6 + 1

// canCastUnits is NumPy's can_cast_datetime64_units.
func canCastUnits(from, to dtype.TimeUnit, casting dtype.Casting) bool {
	switch casting {
	case dtype.Unsafe:
		return true
	case dtype.SameKind, dtype.Safe:
		if from == dtype.UnitGeneric || to == dtype.UnitGeneric {
			return from == dtype.UnitGeneric
		}
		return casting == dtype.SameKind || from <= to
	}
	return from == to
}

// appendISO writes the fields of one datetime as NumPy's
// make_iso_8601_datetime does for datetime_as_string.
func appendISO(dst []byte, f dtype.DatetimeFields, base dtype.TimeUnit, auto, utc, local bool, casting dtype.Casting) ([]byte, error) {
	if f.Year <= 1800 || f.Year >= 10000 {
		local = false // local time only within a reasonable year range
	}
	if auto {
		base = f.Precision()
		if local && base < dtype.UnitMinute {
			base = dtype.UnitMinute
		}
	}
	if base == dtype.UnitWeek {
		base = dtype.UnitDay
	}
	offset := 0
	if local {
		days, _ := dtype.DatetimeFields{Year: f.Year, Month: f.Month, Day: f.Day}.Datetime(dtype.UnitDay)
		raw := days*86400 + int64(f.Hour)*3600 + int64(f.Minute)*60
		_, secs := time.Unix(raw, 0).In(time.Local).Zone()
		offset = secs / 60
		f.AddMinutes(offset)
	}
	if casting != dtype.Unsafe {
		if local && base <= dtype.UnitDay {
			return dst, &dtype.CastError{From: dtype.Datetime64(base), To: dtype.Unicode(0), Casting: casting}
		}
		if casting != dtype.SameKind && f.Precision() > base {
			return dst, &dtype.CastError{From: dtype.Datetime64(f.Precision()), To: dtype.Datetime64(base), Casting: casting}
		}
	}
	dst = f.AppendISO(dst, base)
	if base < dtype.UnitHour {
		return dst, nil
	}
	switch {
	case utc:
		dst = append(dst, 'Z')
	case local:
		sign := byte('+')
		if offset < 0 {
			sign, offset = '-', -offset
		}
		h, m := offset/60, offset%60
		dst = append(dst, sign, byte('0'+h/10%10), byte('0'+h%10), byte('0'+m/10), byte('0'+m%10))
	}
	return dst, nil
}

// loadTick reads the datetime64 or timedelta64 element at byte offset off.
func loadTick(a *Array, off int) int64 {
	return int64(tickOrder(a.dtype).Uint64(a.data[off : off+8]))
}

// timeText is the text NumPy prints for a non-NaT element: the quoted
// ISO date of a datetime64 at its unit, the tick count of a timedelta64.
func timeText(dst []byte, a *Array, v int64) []byte {
	if a.dtype.Kind() == dtype.KindTimedelta {
		return strconv.AppendInt(dst, v, 10)
	}
	dst = append(dst, '\'')
	dst = append(dst, dtype.FormatDatetime(v, a.dtype.Unit())...)
	return append(dst, '\'')
}

// timeWordWidth is the width NumPy's _TimelikeFormat gives the elements
// of a datetime64 or timedelta64 array: the longer text of the largest
// and the smallest non-NaT elements (of the printed edges), at least 5
// when there is a NaT (the width of 'NaT').
func timeWordWidth(a *Array, summary bool) int {
	var lo, hi int64
	found, nat := false, false
	walkEdges(a, summary, func(off int) {
		v := loadTick(a, off)
		switch {
		case v == dtype.NaT:
			nat = true
		case !found:
			lo, hi, found = v, v, true
		default:
			lo, hi = min(lo, v), max(hi, v)
		}
	})
	w := 0
	if found {
		var buf [64]byte
		w = max(len(timeText(buf[:0], a, lo)), len(timeText(buf[:0], a, hi)))
	}
	if nat {
		w = max(w, 5)
	}
	return w
}

// appendTimeWord appends one element of a datetime64 or timedelta64
// array right-aligned to width: "'2020-01-01'", "5", "'NaT'".
func appendTimeWord(dst []byte, a *Array, off, width int) []byte {
	start := len(dst)
	if v := loadTick(a, off); v == dtype.NaT {
		dst = append(dst, "'NaT'"...)
	} else {
		dst = timeText(dst, a, v)
	}
	return padWord(dst, start, width, false)
}

// appendTimeScalar appends a datetime64 or timedelta64 element as NumPy's
// str of the scalar: "2020-01-01", "5 seconds", "NaT".
func appendTimeScalar(dst []byte, a *Array, off int) []byte {
	v := loadTick(a, off)
	if a.dtype.Kind() == dtype.KindTimedelta {
		return append(dst, dtype.FormatTimedelta(v, a.dtype.Unit())...)
	}
	return append(dst, dtype.FormatDatetime(v, a.dtype.Unit())...)
}
