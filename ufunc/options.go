package ufunc

import (
	"slices"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Option configures one call of a ufunc or a reduction. Options are passed
// after the operands: ufunc.Add.Call(a, b, ufunc.Out(c)). The options of
// this package are the only ones; the common ones (Out of one array,
// Where, DType, Casting, Order, Axis of one axis, KeepDims, DDof) cost no
// allocation.
type Option interface {
	option() // applied by config.apply
}

type config struct {
	out      []*ndarray.Array // the outputs given (see outputs)
	out1     *ndarray.Array   // or the one output of Out(a), when hasOut1
	hasOut1  bool
	where    *ndarray.Array
	dtype    dtype.DType
	casting  dtype.Casting
	order    ndarray.Order
	orderSet bool

	// reductions
	axes     []int // the axes given (see axisList)
	axis1    int   // or the one of Axis(i), when hasAxis1
	hasAxis1 bool
	axisSet  bool // Axis given (an empty list reduces nothing)
	keepDims bool
	initial  any
	ddof     int

	skipMissing bool // option arrays: reductions skip missing elements
}

func defaultConfig() config { return config{casting: dtype.SameKind} }

// outputs returns the output arrays Out gave. (A single one is kept
// apart from the slice so that applying options stores no pointer from
// the configuration into itself, which would move every configuration
// to the heap.)
func (c *config) outputs() []*ndarray.Array {
	if c.hasOut1 {
		return unsafe.Slice(&c.out1, 1)
	}
	return c.out
}

// setOutputs replaces the outputs.
func (c *config) setOutputs(o []*ndarray.Array) {
	c.out, c.out1, c.hasOut1 = o, nil, false
}

// axisList returns the axes Axis gave (see outputs).
func (c *config) axisList() []int {
	if c.hasAxis1 {
		return unsafe.Slice(&c.axis1, 1)
	}
	return c.axes
}

// setAxes replaces the axes.
func (c *config) setAxes(axes []int) {
	c.axes, c.axis1, c.hasAxis1, c.axisSet = axes, 0, false, true
}

// soleOut returns the output array when the options gave one (Out with a
// single non-nil array) and nothing else, and nil otherwise.
func (c *config) soleOut() *ndarray.Array {
	if !c.hasOut1 || c.where != nil || c.dtype.IsValid() || c.casting != dtype.SameKind || c.orderSet ||
		c.axisSet || c.keepDims || c.initial != nil || c.ddof != 0 || c.skipMissing {
		return nil
	}
	return c.out1
}

// Out gives the arrays results are written to, one per output, instead of
// allocating new ones. An output may be one of the inputs (in-place
// operation); overlapping memory is handled as if the inputs had been
// copied first. A nil entry allocates that output.
func Out(arrays ...*ndarray.Array) Option {
	if len(arrays) == 1 {
		return outOption{arrays[0]}
	}
	return outsOption(slices.Clone(arrays))
}

// Where gives a boolean mask, broadcast to the result's shape: only the
// elements where it is true are computed and written. Elements where it
// is false keep the output's previous value (zero for a new output).
func Where(mask *ndarray.Array) Option {
	return whereOption{mask}
}

// DType forces the dtype the loop computes in (NumPy's dtype=): inputs are
// cast to it under the casting rule. For reductions it is the
// accumulator's and result's dtype.
func DType(d dtype.DType) Option {
	return dtypeOption{d}
}

// Casting sets the casting rule for inputs and outputs (default
// dtype.SameKind, as NumPy).
func Casting(level dtype.Casting) Option {
	return castingOption(level)
}

// Order sets the memory order of newly allocated outputs. Without it,
// outputs follow the inputs' layout (NumPy's order='K').
func Order(o ndarray.Order) Option {
	return orderOption(o)
}

// Axis selects the axes a reduction runs over (negative values count from
// the end). Without it a reduction runs over every axis; Axis() with no
// arguments reduces over none.
func Axis(axes ...int) Option {
	if len(axes) == 1 && axes[0] == int(int8(axes[0])) {
		return axisOption(axes[0])
	}
	return axesOption(axes)
}

// KeepDims keeps reduced axes in the result with length 1, so that the
// result broadcasts against the input.
func KeepDims() Option {
	return keepDimsOption{}
}

// Initial gives a reduction's starting value (a Go scalar), which also
// makes reducing zero elements valid for ufuncs without an identity.
func Initial(v any) Option {
	return initialOption{v}
}

// DDof sets the delta degrees of freedom of Var and Std: the divisor is
// N - ddof.
func DDof(ddof int) Option {
	return ddofOption(ddof)
}

// The options' types. Each is at most one pointer or one small integer
// so that making an Option of it does not allocate (a single axis is an
// int8 for that reason; other axes take axesOption).
type (
	outOption      struct{ a *ndarray.Array }
	outsOption     []*ndarray.Array
	whereOption    struct{ mask *ndarray.Array }
	dtypeOption    struct{ d dtype.DType }
	castingOption  dtype.Casting
	orderOption    ndarray.Order
	axisOption     int8
	axesOption     []int
	keepDimsOption struct{}
	initialOption  struct{ v any }
	ddofOption     int
	skipMissingOpt struct{}
	configOption   struct{ c *config } // a whole configuration (meanCfg)
)

func (outOption) option()      {}
func (outsOption) option()     {}
func (whereOption) option()    {}
func (dtypeOption) option()    {}
func (castingOption) option()  {}
func (orderOption) option()    {}
func (axisOption) option()     {}
func (axesOption) option()     {}
func (keepDimsOption) option() {}
func (initialOption) option()  {}
func (ddofOption) option()     {}
func (skipMissingOpt) option() {}
func (configOption) option()   {}

// apply sets what opts give (nil entries are skipped). It switches on
// the options' types rather than calling them, so a configuration on the
// caller's stack stays there.
func (c *config) apply(opts []Option) {
	for _, o := range opts {
		switch o := o.(type) {
		case outOption:
			c.out, c.out1, c.hasOut1 = nil, o.a, true
		case outsOption:
			c.setOutputs(o)
		case whereOption:
			c.where = o.mask
		case dtypeOption:
			c.dtype = o.d
		case castingOption:
			c.casting = dtype.Casting(o)
		case orderOption:
			c.order, c.orderSet = ndarray.Order(o), true
		case axisOption:
			c.axes, c.axis1, c.hasAxis1, c.axisSet = nil, int(o), true, true
		case axesOption:
			c.setAxes(o)
		case keepDimsOption:
			c.keepDims = true
		case initialOption:
			c.initial = o.v
		case ddofOption:
			c.ddof = int(o)
		case skipMissingOpt:
			c.skipMissing = true
		case configOption:
			*c = *o.c
		}
	}
}
