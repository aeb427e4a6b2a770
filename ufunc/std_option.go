package ufunc

import (
	"math"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Option types (?T) go through the standard ufuncs the DyND way: the
// loop for the value types runs on the values, and a result is missing
// when any input is missing. So ?int32 + int32 is ?int32, ?float64 <
// float64 is ?bool, and NA + 1 is NA.

// optionUfuncs lists the ufuncs that accept option operands.
var optionUfuncs = []string{
	"add", "subtract", "multiply", "true_divide", "floor_divide", "power", "remainder", "fmod",
	"maximum", "minimum", "fmax", "fmin", "negative", "positive", "absolute", "sign", "square", "reciprocal",
	"equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
	"logical_and", "logical_or", "logical_xor", "logical_not",
	"sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p",
	"sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
	"arcsinh", "arccosh", "arctanh", "arctan2", "hypot", "floor", "ceil", "trunc", "rint",
	"deg2rad", "rad2deg", "isnan", "isinf", "isfinite", "signbit", "copysign",
}

func init() {
	for _, name := range optionUfuncs {
		if u, ok := Lookup(name); ok {
			u.addFlex(optionResolver(u))
		}
	}
}

// optionResolver resolves a ufunc on option inputs through the loop of
// their value types.
func optionResolver(u *Ufunc) FlexResolver {
	return func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		any := false
		vals := make([]dtype.DType, len(in))
		for i, t := range in {
			vals[i] = t
			if t.IsOption() {
				vals[i], any = t.Elem(), true
			}
		}
		if !any && !forced.IsOption() {
			return nil, false, nil
		}
		if forced.IsOption() {
			forced = forced.Elem()
		}
		r, err := u.resolve(vals, forced)
		if err != nil {
			if _, ok := err.(*LoopError); ok {
				return nil, true, &LoopError{Ufunc: u.name, Types: append([]dtype.DType(nil), in...)}
			}
			return nil, true, err
		}
		if r.loop.Bind != nil {
			return nil, true, &LoopError{Ufunc: u.name, Types: append([]dtype.DType(nil), in...)}
		}
		types := make([]dtype.DType, 0, u.nin+u.nout)
		var voff [maxOperands]int // validity offset of each operand, -1 for a plain one
		for i := range in {
			t := r.in[i]
			voff[i] = -1
			if in[i].IsOption() {
				t = dtype.Option(t)
				voff[i] = t.ValidOffset()
			}
			types = append(types, t)
		}
		for k, t := range r.out {
			o := dtype.Option(t)
			voff[u.nin+k] = o.ValidOffset()
			types = append(types, o)
		}
		child, nin, nops := r.loop.Fn, u.nin, u.nin+u.nout
		fn := func(args []unsafe.Pointer, steps []int, n int) {
			if n == 0 {
				return
			}
			// the values lie at the start of each element, so the value
			// loop runs on the option elements with their own strides
			child(args, steps, n)
			for j := range n {
				v := byte(1)
				for i := range nin {
					if voff[i] >= 0 && *(*byte)(unsafe.Add(args[i], j*steps[i]+voff[i])) == 0 {
						v = 0
					}
				}
				for k := nin; k < nops; k++ {
					*(*byte)(unsafe.Add(args[k], j*steps[k]+voff[k])) = v
				}
			}
		}
		return &LoopDef{Types: types, Fn: fn}, true, nil
	}
}

// SkipMissing makes the reductions Sum, Prod, Min, Max, Mean, Var and
// Std of an option array skip missing elements: the sum and product of
// only missing elements are 0 and 1, their minimum, maximum, mean,
// variance and standard deviation are missing. Without it a reduction
// over a missing element is missing.
func SkipMissing() Option {
	return skipMissingOpt{}
}

// reduceOption reduces an option array with u (Sum, Prod, Min, Max), or
// with stat (Mean, Var, Std) when it is not nil: the values are reduced
// with the options given, and the result is missing where a reduced
// element was missing (or, with SkipMissing, where every reduced element
// was). With Out, the result is written to the given option array.
func reduceOption(u *Ufunc, a *ndarray.Array, cfg *config, stat func(*ndarray.Array, *config) (*ndarray.Array, error)) (*ndarray.Array, error) {
	var dst *ndarray.Array
	if len(cfg.outputs()) > 1 {
		return nil, &ArgError{Ufunc: u.name, Msg: "a reduction has one output"}
	}
	if len(cfg.outputs()) == 1 {
		dst = cfg.outputs()[0]
		if dst == nil || !dst.DType().IsOption() {
			return nil, &ArgError{Ufunc: u.name, Msg: "the output of a reduction of an option array must be an option array"}
		}
	}
	values, valid, err := a.OptionParts()
	if err != nil {
		return nil, err
	}
	if cfg.where != nil {
		if valid, err = LogicalAnd.Call(valid, cfg.where); err != nil {
			return nil, err
		}
	}
	c := *cfg
	c.where = nil
	c.setOutputs(nil)
	if c.skipMissing {
		c.where = valid
		if stat == nil && (u == Minimum || u == Maximum) && c.initial == nil {
			c.initial = extremeOf(values.DType(), u == Minimum)
		}
	}
	var res *ndarray.Array
	if stat != nil {
		res, err = stat(values, &c)
	} else {
		res, err = u.reduce(values, &c)
	}
	if err != nil {
		return nil, err
	}
	// validity of the result: every element valid, or with SkipMissing
	// any (sum and product of nothing are their identities)
	vc := *cfg
	vc.where, vc.dtype, vc.initial = nil, dtype.DType{}, nil
	vc.setOutputs(nil)
	var ok *ndarray.Array
	switch {
	case !cfg.skipMissing:
		ok, err = LogicalAnd.reduce(valid, &vc)
	case stat != nil || u == Minimum || u == Maximum:
		ok, err = LogicalOr.reduce(valid, &vc)
	default:
		ok, err = ndarray.Full(dtype.Bool, true, res.Shape()...)
	}
	if err != nil {
		return nil, err
	}
	if ok.DType() != dtype.Bool {
		if ok, err = ok.AsType(dtype.Bool, dtype.Unsafe); err != nil {
			return nil, err
		}
	}
	out, err := ndarray.Zeros(dtype.Option(res.DType()), res.Shape()...)
	if err != nil {
		return nil, err
	}
	ov, oo, _ := out.OptionParts()
	if err := ov.CopyFrom(res, dtype.Unsafe); err != nil {
		return nil, err
	}
	if err := oo.CopyFrom(ok, dtype.Unsafe); err != nil {
		return nil, err
	}
	if dst == nil {
		return out, nil
	}
	if !equalShape(dst.Shape(), out.Shape()) {
		return nil, &ArgError{Ufunc: u.name, Msg: "output shape " + ndarray.FormatShape(dst.Shape()) + " does not match the result's " + ndarray.FormatShape(out.Shape())}
	}
	if err := dst.CopyFrom(out, cfg.casting); err != nil {
		return nil, err
	}
	return dst, nil
}

// extremeOf returns the largest (for a minimum) or smallest value of a
// numeric type, the starting point of a reduction that skips elements.
func extremeOf(dt dtype.DType, forMin bool) any {
	switch dt.Kind() {
	case dtype.KindBool:
		return forMin
	case dtype.KindInt:
		bits := uint(dt.Size() * 8)
		if forMin {
			return int64(1)<<(bits-1) - 1
		}
		return -(int64(1) << (bits - 1))
	case dtype.KindUint:
		if forMin {
			return uint64(math.MaxUint64) >> (64 - uint(dt.Size()*8))
		}
		return uint64(0)
	}
	if forMin {
		return math.Inf(1)
	}
	return math.Inf(-1)
}

// meanCfg, varCfg and stdCfg are Mean, Var and Std with their options
// already parsed.
func meanCfg(a *ndarray.Array, cfg *config) (*ndarray.Array, error) {
	return Mean(a, configOption{cfg})
}

func varCfg(a *ndarray.Array, cfg *config) (*ndarray.Array, error) {
	return Var(a, configOption{cfg})
}

func stdCfg(a *ndarray.Array, cfg *config) (*ndarray.Array, error) {
	return Std(a, configOption{cfg})
}
