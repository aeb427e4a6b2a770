package conformance

import (
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

func init() {
	fallbacks["ufunc"] = opUfunc
	register("broadcast", "add", opUfunc)
	addErrorType[*ufunc.LoopError]("dtype")
	addErrorType[*ufunc.OverflowError]("value")
}

// opUfunc runs np.<op>(*inputs, **kwargs) for any published ufunc:
// kwargs {} / {"dtype": D} / {"out_dtype": D, "casting": C}.
func opUfunc(c *Case) (*Result, error) {
	u, ok := ufunc.Lookup(c.Op)
	if !ok {
		return nil, unsupported("ufunc %q not implemented", c.Op)
	}
	args := make([]any, 0, len(c.Inputs)+2)
	var shapes [][]int
	for i := range c.Inputs {
		a, err := c.input(i)
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		shapes = append(shapes, a.Shape())
	}
	if c.hasKwarg("dtype") {
		d, err := c.kwargDType("dtype")
		if err != nil {
			return nil, err
		}
		args = append(args, ufunc.DType(d))
	}
	if c.hasKwarg("out_dtype") {
		d, err := c.kwargDType("out_dtype")
		if err != nil {
			return nil, err
		}
		casting := dtype.SameKind
		if c.hasKwarg("casting") {
			s, err := c.kwargString("casting", "same_kind")
			if err != nil {
				return nil, err
			}
			if casting, err = dtype.ParseCasting(s); err != nil {
				return nil, corpusErrorf("bad casting %q", s)
			}
		}
		shape, err := ndarray.BroadcastShapes(shapes...)
		if err != nil {
			return nil, err
		}
		outs := make([]*ndarray.Array, u.NOut())
		for k := range outs {
			if outs[k], err = ndarray.Zeros(d, shape...); err != nil {
				return nil, err
			}
		}
		args = append(args, ufunc.Out(outs...), ufunc.Casting(casting))
	}
	if u.NOut() > 1 {
		res, err := u.CallN(args...)
		if err != nil {
			return nil, err
		}
		return &Result{Kind: resultList, List: res}, nil
	}
	return arrayResult(u.Call(args...))
}

func init() {
	register("broadcast", "where", opWhere)
	register("manipulation", "where", opWhere)
}

// opWhere: np.where(cond, x, y).
func opWhere(c *Case) (*Result, error) {
	var in [3]*ndarray.Array
	for i := range in {
		a, err := c.input(i)
		if err != nil {
			return nil, err
		}
		in[i] = a
	}
	return arrayResult(ufunc.Select(in[0], in[1], in[2]))
}
