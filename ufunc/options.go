package ufunc

import (
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Option configures one call of a ufunc or a reduction. Options are passed
// after the operands: ufunc.Add.Call(a, b, ufunc.Out(c)).
type Option func(*config)

type config struct {
	out      []*ndarray.Array
	out1     [1]*ndarray.Array // out's storage for a single output (see Out)
	where    *ndarray.Array
	dtype    dtype.DType
	casting  dtype.Casting
	order    ndarray.Order
	orderSet bool

	// reductions
	axes     []int
	axisSet  bool // Axis given (an empty list reduces nothing)
	keepDims bool
	initial  any
	ddof     int

	skipMissing bool // option arrays: reductions skip missing elements
}

func defaultConfig() config { return config{casting: dtype.SameKind} }

// soleOut returns the output array when the options gave one (Out with a
// single non-nil array) and nothing else, and nil otherwise.
func (c *config) soleOut() *ndarray.Array {
	if len(c.out) != 1 || c.where != nil || c.dtype.IsValid() || c.casting != dtype.SameKind || c.orderSet ||
		c.axes != nil || c.axisSet || c.keepDims || c.initial != nil || c.ddof != 0 || c.skipMissing {
		return nil
	}
	return c.out[0]
}

// Out gives the arrays results are written to, one per output, instead of
// allocating new ones. An output may be one of the inputs (in-place
// operation); overlapping memory is handled as if the inputs had been
// copied first. A nil entry allocates that output.
func Out(arrays ...*ndarray.Array) Option {
	if len(arrays) == 1 {
		// The usual single output is kept in the call's own
		// configuration, so that a call with Out allocates nothing.
		a := arrays[0]
		return func(c *config) { c.out1[0] = a; c.out = c.out1[:] }
	}
	own := make([]*ndarray.Array, len(arrays))
	copy(own, arrays)
	return func(c *config) { c.out = own }
}

// Where gives a boolean mask, broadcast to the result's shape: only the
// elements where it is true are computed and written. Elements where it
// is false keep the output's previous value (zero for a new output).
func Where(mask *ndarray.Array) Option {
	return func(c *config) { c.where = mask }
}

// DType forces the dtype the loop computes in (NumPy's dtype=): inputs are
// cast to it under the casting rule. For reductions it is the
// accumulator's and result's dtype.
func DType(d dtype.DType) Option {
	return func(c *config) { c.dtype = d }
}

// Casting sets the casting rule for inputs and outputs (default
// dtype.SameKind, as NumPy).
func Casting(level dtype.Casting) Option {
	return func(c *config) { c.casting = level }
}

// Order sets the memory order of newly allocated outputs. Without it,
// outputs follow the inputs' layout (NumPy's order='K').
func Order(o ndarray.Order) Option {
	return func(c *config) { c.order, c.orderSet = o, true }
}

// Axis selects the axes a reduction runs over (negative values count from
// the end). Without it a reduction runs over every axis; Axis() with no
// arguments reduces over none.
func Axis(axes ...int) Option {
	return func(c *config) { c.axes, c.axisSet = axes, true }
}

// KeepDims keeps reduced axes in the result with length 1, so that the
// result broadcasts against the input.
func KeepDims() Option {
	return func(c *config) { c.keepDims = true }
}

// Initial gives a reduction's starting value (a Go scalar), which also
// makes reducing zero elements valid for ufuncs without an identity.
func Initial(v any) Option {
	return func(c *config) { c.initial = v }
}

// DDof sets the delta degrees of freedom of Var and Std: the divisor is
// N - ddof.
func DDof(ddof int) Option {
	return func(c *config) { c.ddof = ddof }
}
