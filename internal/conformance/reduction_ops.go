package conformance

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

func init() {
	addErrorType[*ufunc.EmptyReductionError]("empty_reduction")
	reductions := map[string]func(*ndarray.Array, ...ufunc.Option) (*ndarray.Array, error){
		"sum": ufunc.Sum, "prod": ufunc.Prod, "min": ufunc.Min, "max": ufunc.Max,
		"argmin": ufunc.ArgMin, "argmax": ufunc.ArgMax,
		"mean": ufunc.Mean, "var": ufunc.Var, "std": ufunc.Std,
		"any": ufunc.Any, "all": ufunc.All,
		"cumsum": ufunc.CumSum, "cumprod": ufunc.CumProd,
	}
	for op, f := range reductions {
		single := op == "argmin" || op == "argmax" || op == "cumsum" || op == "cumprod"
		register("reduction", op, func(c *Case) (*Result, error) { return opReduction(c, f, single) })
	}
}

// opReduction runs np.<op>(a, axis=…, keepdims=…, ddof=…, dtype=…,
// initial=…). single marks the functions whose axis is one integer: a
// tuple is an axis error there (NumPy's TypeError).
func opReduction(c *Case, f func(*ndarray.Array, ...ufunc.Option) (*ndarray.Array, error), single bool) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	var opts []ufunc.Option
	if c.hasKwarg("axis") {
		axes, list, err := c.kwargInts("axis")
		if err != nil {
			return nil, err
		}
		if list && single {
			return nil, &ndarray.AxisError{Axis: len(axes), NDim: a.NDim(), Msg: "'tuple' object cannot be interpreted as an integer"}
		}
		opts = append(opts, ufunc.Axis(axes...))
	}
	if c.hasKwarg("keepdims") {
		var keep bool
		if err := c.kwarg("keepdims", &keep); err != nil {
			return nil, err
		}
		if keep {
			opts = append(opts, ufunc.KeepDims())
		}
	}
	if c.hasKwarg("ddof") {
		var ddof int
		if err := c.kwarg("ddof", &ddof); err != nil {
			return nil, err
		}
		opts = append(opts, ufunc.DDof(ddof))
	}
	if c.hasKwarg("dtype") {
		d, err := c.kwargDType("dtype")
		if err != nil {
			return nil, err
		}
		opts = append(opts, ufunc.DType(d))
	}
	if c.hasKwarg("initial") {
		v, err := c.kwargScalar("initial")
		if err != nil {
			return nil, err
		}
		opts = append(opts, ufunc.Initial(v))
	}
	return arrayResult(f(a, opts...))
}

// kwargScalar reads a number keyword argument as a Go scalar: int64 when
// written as an integer, float64 otherwise (also "nan", "inf", "-inf").
func (c *Case) kwargScalar(name string) (any, error) {
	raw := bytes.TrimSpace(c.Kwargs[name])
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, corpusErrorf("keyword argument %q: %v", name, err)
		}
		f, err := parseFloat(s)
		if err != nil {
			return nil, corpusErrorf("keyword argument %q: %v", name, err)
		}
		return f, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, corpusErrorf("keyword argument %q: %v", name, err)
	}
	if !strings.ContainsAny(n.String(), ".eE") {
		if i, err := n.Int64(); err == nil {
			return i, nil
		}
	}
	f, err := n.Float64()
	if err != nil {
		return nil, corpusErrorf("keyword argument %q: %v", name, err)
	}
	return f, nil
}
