package conformance

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// The datetime category: datetime64 and timedelta64 arrays from text,
// their ufuncs, reductions, sorting and datetime_as_string (result_type,
// can_cast and astype are registered with the other categories in
// ops.go).

func init() {
	elementDecoders[dtype.KindDatetime] = putTick
	elementDecoders[dtype.KindTimedelta] = putTick
	addErrorType[*ndarray.DTypeError]("dtype")
	addErrorType[*dtype.TruncationError]("cast")

	register("datetime", "array", opDatetimeArray)
	register("datetime", "datetime_as_string", opDatetimeAsString)
	for _, op := range []string{"add", "subtract", "multiply", "true_divide", "floor_divide",
		"remainder", "divmod", "negative", "positive", "absolute", "sign",
		"equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
		"maximum", "minimum", "fmax", "fmin", "isnat", "isnan", "isfinite", "isinf"} {
		register("datetime", op, opUfunc)
	}
	reductions := map[string]func(*ndarray.Array, ...ufunc.Option) (*ndarray.Array, error){
		"min": ufunc.Min, "max": ufunc.Max, "argmin": ufunc.ArgMin, "argmax": ufunc.ArgMax,
		"sum": ufunc.Sum, "mean": ufunc.Mean, "cumsum": ufunc.CumSum,
	}
	for op, f := range reductions {
		single := op == "argmin" || op == "argmax" || op == "cumsum"
		register("datetime", op, func(c *Case) (*Result, error) { return opReduction(c, f, single) })
	}
	register("datetime", "sort", opSort)
	register("datetime", "argsort", opArgSort)
	register("datetime", "unique", opUnique)
}

// putTick writes a datetime64 or timedelta64 element: a JSON integer
// tick or "NaT".
func putTick(b []byte, _ dtype.DType, e any) error {
	switch v := e.(type) {
	case string:
		if v != "NaT" {
			return fmt.Errorf("want a tick or \"NaT\", got %q", v)
		}
		putUint(b, 1<<63) // NaT, the smallest int64
		return nil
	case json.Number:
		n, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil {
			return err
		}
		putUint(b, uint64(n))
		return nil
	}
	return fmt.Errorf("want a tick or \"NaT\", got %v", e)
}

// opDatetimeArray: np.array(values, dtype=dtype) from strings.
func opDatetimeArray(c *Case) (*Result, error) {
	var values []string
	if err := c.kwarg("values", &values); err != nil {
		return nil, err
	}
	dt, err := c.kwargDType("dtype")
	if err != nil {
		return nil, err
	}
	return arrayResult(ndarray.DatetimeFromStrings(values, dt))
}

// opDatetimeAsString: np.datetime_as_string(a, unit=…, timezone=…,
// casting=…).
func opDatetimeAsString(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	unit, err := c.kwargString("unit", "")
	if err != nil {
		return nil, err
	}
	tz, err := c.kwargString("timezone", "naive")
	if err != nil {
		return nil, err
	}
	casting, err := c.kwargCasting("same_kind")
	if err != nil {
		return nil, err
	}
	return arrayResult(ndarray.DatetimeAsString(a, unit, tz, casting))
}
