package ufunc

import (
	"errors"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// NumPy refuses negative integer exponents only in integer loops.
func TestPowerNegativeExponentCheck(t *testing.T) {
	must := mustOK(t)
	base := must(ndarray.FromSlice([]int8{2}))
	exp := must(ndarray.FromSlice([]int8{-1}))
	var ve *ndarray.ValueError
	if _, err := Power.Call(base, exp); !errors.As(err, &ve) {
		t.Errorf("int8 ** -1 error = %v, want *ndarray.ValueError", err)
	}
	r := must(Power.Call(base, exp, DType(dtype.Float64)))
	if r.DType() != dtype.Float64 || ndarray.At[float64](r, 0) != 0.5 {
		t.Errorf("power(int8 2, int8 -1, dtype=float64) = %v, want [0.5]", r)
	}
	r = must(Power.Call(base, -1.0))
	if ndarray.At[float64](r, 0) != 0.5 {
		t.Errorf("int8 ** -1.0 = %v, want [0.5]", r)
	}
}
