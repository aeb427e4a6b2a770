package pluribus

import (
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Dates and durations.

// NaT is the tick of "not a time" in datetime64 and timedelta64 arrays.
const NaT = dtype.NaT

// Datetime64 returns the datetime64 type with the given unit (NumPy's
// np.dtype("datetime64[ns]")); dtype.UnitGeneric is the unit-less type.
func Datetime64(unit dtype.TimeUnit) dtype.DType { return dtype.Datetime64(unit) }

// Timedelta64 returns the timedelta64 type with the given unit.
func Timedelta64(unit dtype.TimeUnit) dtype.DType { return dtype.Timedelta64(unit) }

// DatetimeFromStrings builds a 1-d datetime64 or timedelta64 array from
// ISO 8601 text or integer durations, as np.array(values, dtype=dt); the
// unit-less datetime64 takes the finest unit of the values. See
// ndarray.DatetimeFromStrings.
func DatetimeFromStrings(values []string, dt dtype.DType) (*Array, error) {
	return ndarray.DatetimeFromStrings(values, dt)
}

// DatetimeAsString writes a datetime64 array as ISO 8601 strings, as
// np.datetime_as_string(a, unit, timezone, casting): unit "" (a's own),
// "auto" or a unit code; timezone "naive", "UTC" or "local". See
// ndarray.DatetimeAsString.
func DatetimeAsString(a *Array, unit, timezone string, casting dtype.Casting) (*Array, error) {
	return ndarray.DatetimeAsString(a, unit, timezone, casting)
}
