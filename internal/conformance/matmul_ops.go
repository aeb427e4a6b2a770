package conformance

import (
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

func init() {
	addErrorType[*ufunc.EinsumError]("value")
	binary := map[string]func(a, b *ndarray.Array) (*ndarray.Array, error){
		"matmul": func(a, b *ndarray.Array) (*ndarray.Array, error) { return ufunc.Matmul.Call2(a, b) },
		"dot":    func(a, b *ndarray.Array) (*ndarray.Array, error) { return ufunc.Dot(a, b) },
		"inner":  ufunc.Inner,
		"outer":  ufunc.Outer,
		"vdot":   ufunc.Vdot,
	}
	for op, f := range binary {
		register("matmul", op, binaryOp(f))
	}
	register("matmul", "einsum", func(c *Case) (*Result, error) {
		sub, err := c.kwargString("subscripts", "")
		if err != nil {
			return nil, err
		}
		in, err := c.inputs()
		if err != nil {
			return nil, err
		}
		return arrayResult(ufunc.Einsum(sub, in...))
	})
}
