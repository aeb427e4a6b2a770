package dtype

import (
	"errors"
	"fmt"
	"strings"
)

// Dates and durations: datetime64[unit] and timedelta64[unit] hold an
// int64 tick count (NaT is the smallest int64). This file gives them
// their type strings, NumPy 1.24's promotion and casting rules, and their
// casts; datetime_calendar.go has the calendar arithmetic, parsing and
// formatting, datetime_cast.go the cast loops.

func init() {
	registerFlex(flexHook{
		parse:       parseTimeType,
		promote:     promoteTime,
		canCast:     canCastTime,
		getCast:     getCastTime,
		checkedCast: checkedCastTime,
	})
	registerStringWidth(func(from DType) (int, bool) {
		switch from.Kind() {
		case KindDatetime:
			return DatetimeStringWidth(from.Unit(), false), true
		case KindTimedelta:
			return TimedeltaStringWidth, true
		}
		return 0, false
	})
}

// IsTime reports whether d is a datetime64 or timedelta64 type.
func (d DType) IsTime() bool {
	k := d.Kind()
	return k == KindDatetime || k == KindTimedelta
}

// isBuiltinNumber reports whether d is one of the 14 built-in numeric
// types (bool included).
func isBuiltinNumber(d DType) bool { return d.IsValid() && d.Num() != NumUser }

// isIntegerLike reports whether d is bool or a built-in integer.
func isIntegerLike(d DType) bool {
	if !isBuiltinNumber(d) {
		return false
	}
	k := d.Kind()
	return k == KindBool || k == KindInt || k == KindUint
}

func isText(d DType) bool { k := d.Kind(); return k == KindUnicode || k == KindBytes }

// parseTimeType reads "datetime64", "datetime64[ns]", "M8", "M8[ns]",
// "M", "timedelta64[Y]", "m8[us]", "m8", "m" (the byte order is already
// stripped). A bracketed unit is one of NumPy's codes or "generic"; unit
// multipliers ("M8[10s]") are not supported.
func parseTimeType(body string, order ByteOrder, _ bool) (DType, bool, error) {
	var kind Kind
	var rest string
	switch {
	case strings.HasPrefix(body, "datetime64"):
		kind, rest = KindDatetime, body[len("datetime64"):]
	case strings.HasPrefix(body, "timedelta64"):
		kind, rest = KindTimedelta, body[len("timedelta64"):]
	case strings.HasPrefix(body, "M8"):
		kind, rest = KindDatetime, body[2:]
	case strings.HasPrefix(body, "m8"):
		kind, rest = KindTimedelta, body[2:]
	case body == "M":
		kind = KindDatetime
	case body == "m":
		kind = KindTimedelta
	default:
		return DType{}, false, nil
	}
	u := UnitGeneric
	if rest != "" {
		if len(rest) < 3 || rest[0] != '[' || rest[len(rest)-1] != ']' {
			return DType{}, true, errors.New("a datetime64 or timedelta64 unit is written in brackets, as in datetime64[ns]")
		}
		code := rest[1 : len(rest)-1]
		var ok bool
		if u, ok = ParseTimeUnit(code); !ok {
			if code != "generic" {
				if code != "" && isDigit(code[0]) {
					return DType{}, true, fmt.Errorf("unit multipliers such as [%s] are not supported", code)
				}
				return DType{}, true, fmt.Errorf("invalid datetime unit %q", code)
			}
			u = UnitGeneric
		}
	}
	if order == NotApplicable {
		order = NativeEndian
	}
	return timeType(kind, u, order), true, nil
}

// linearFactor returns how many units fine make one unit coarse, for two
// units of fixed length (weeks and finer), or 0 when the factor does not
// fit comfortably in 64 bits (NumPy's get_datetime_units_factor).
func linearFactor(coarse, fine TimeUnit) uint64 {
	factors := [numUnits]uint64{UnitWeek: 7, UnitDay: 24, UnitHour: 60, UnitMinute: 60,
		UnitSecond: 1000, UnitMillisecond: 1000, UnitMicrosecond: 1000, UnitNanosecond: 1000,
		UnitPicosecond: 1000, UnitFemtosecond: 1000, UnitAttosecond: 1}
	f := uint64(1)
	for u := coarse; u < fine; u++ {
		f *= factors[u]
		if f&0xff00000000000000 != 0 {
			return 0
		}
	}
	return f
}

// isNonlinear reports whether u is years or months, whose length varies.
func isNonlinear(u TimeUnit) bool { return u == UnitYear || u == UnitMonth }

// commonUnit is NumPy's greatest common divisor of two units: the finer
// one, except that years and months combine with each other only when
// strict (the side is a timedelta). It fails for a strict nonlinear unit
// against a linear one and when the factor between the units overflows.
func commonUnit(a, b TimeUnit, strictA, strictB bool) (TimeUnit, error) {
	switch {
	case a == UnitGeneric:
		return b, nil
	case b == UnitGeneric, a == b:
		return a, nil
	}
	incompatible := func() error {
		return fmt.Errorf("cannot get a common metadata divisor for datetime units [%s] and [%s] because they have incompatible nonlinear base time units", a, b)
	}
	switch {
	case a == UnitYear:
		if b == UnitMonth {
			return UnitMonth, nil
		}
		if strictA {
			return 0, incompatible()
		}
		return b, nil
	case b == UnitYear:
		if a == UnitMonth {
			return UnitMonth, nil
		}
		if strictB {
			return 0, incompatible()
		}
		return a, nil
	case a == UnitMonth:
		if strictA {
			return 0, incompatible()
		}
		return b, nil
	case b == UnitMonth:
		if strictB {
			return 0, incompatible()
		}
		return a, nil
	}
	coarse, fine := min(a, b), max(a, b)
	if linearFactor(coarse, fine) == 0 {
		return 0, fmt.Errorf("integer overflow getting a common metadata divisor for datetime units [%s] and [%s]", a, b)
	}
	return fine, nil
}

// promoteTime is NumPy 1.24's promotion of dates and durations: two
// datetimes (or a datetime and a timedelta) give the datetime with their
// common unit, two timedeltas the timedelta with their common unit (where
// years and months do not mix with weeks and finer units), and a
// timedelta with bool or an integer that casts safely to int64 gives the
// timedelta. Every other pair with a date or a duration has no common
// type.
func promoteTime(a, b DType) (DType, bool, error) {
	at, bt := a.IsTime(), b.IsTime()
	if !at && !bt {
		return DType{}, false, nil
	}
	if at && bt {
		bothDelta := a.Kind() == KindTimedelta && b.Kind() == KindTimedelta
		u, err := commonUnit(a.Unit(), b.Unit(), bothDelta, bothDelta)
		if err != nil {
			return DType{}, true, &PromotionError{Types: []DType{a, b}, Reason: err.Error()}
		}
		if bothDelta {
			return Timedelta64(u), true, nil
		}
		return Datetime64(u), true, nil
	}
	t, o := a, b
	if !at {
		t, o = b, a
	}
	if !isBuiltinNumber(o) && !isText(o) {
		return DType{}, false, nil // another parameterised kind decides
	}
	if t.Kind() == KindTimedelta && isIntegerLike(o) && safeTable[o.Num()][NumInt64] {
		return t.Native(), true, nil
	}
	return DType{}, true, &PromotionError{Types: []DType{a, b}}
}

// timeCastLevel returns the least casting level that allows a cast
// between a date or duration and another type NumPy converts it to or
// from (ok false for pairs this file does not own).
func timeCastLevel(from, to DType) (level Casting, ok bool) {
	ft, tt := from.IsTime(), to.IsTime()
	switch {
	case ft && tt:
		if from.Kind() != to.Kind() {
			return Unsafe, true // datetime <-> timedelta
		}
		return unitCastLevel(from.Unit(), to.Unit(), from.Kind() == KindTimedelta), true
	case tt:
		if isBuiltinNumber(from) {
			if to.Kind() == KindTimedelta && isIntegerLike(from) {
				if safeTable[from.Num()][NumInt64] {
					return Safe, true
				}
				return SameKind, true
			}
			return Unsafe, true
		}
		if isText(from) {
			return Unsafe, true
		}
	case ft:
		if isBuiltinNumber(to) || isText(to) {
			return Unsafe, true
		}
	}
	return 0, false
}

// unitCastLevel is NumPy 1.24's casting level between two units of the
// same kind (time_to_time_resolve_descriptors): equal units are a view,
// generic to a unit is safe and a unit to generic unsafe, timedeltas may
// not cross between years/months and the fixed units except unsafely, and
// otherwise a cast to a finer unit that divides evenly is safe, any other
// same_kind.
func unitCastLevel(from, to TimeUnit, delta bool) Casting {
	switch {
	case from == to:
		return Equiv
	case from == UnitGeneric:
		return Safe
	case to == UnitGeneric:
		return Unsafe
	case delta && isNonlinear(from) != isNonlinear(to):
		return Unsafe
	case from < to:
		if unitsDivide(from, to, delta) {
			return Safe
		}
	}
	return SameKind
}

// unitsDivide reports whether one unit of the coarser from is a whole
// number of units to (NumPy's datetime_metadata_divides, for from < to).
func unitsDivide(from, to TimeUnit, strict bool) bool {
	switch {
	case from == UnitYear && to == UnitMonth:
		return true
	case isNonlinear(from) || isNonlinear(to):
		return !strict
	}
	return linearFactor(from, to) != 0
}

// canCastTime answers CanCast for pairs involving a date or a duration
// (identical types and the no/equiv levels are settled by CanCast).
func canCastTime(from, to DType, casting Casting) (ok, handled bool) {
	level, owned := timeCastLevel(from, to)
	if !owned {
		return false, false
	}
	return level <= casting, true
}
