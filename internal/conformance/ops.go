package conformance

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// resultKind is the form of an operation's result.
type resultKind uint8

const (
	resultNone  resultKind = iota
	resultArray            // one array
	resultList             // several arrays (expected_list)
	resultDType            // a dtype (result_type)
	resultValue            // a bool (can_cast)
	resultShape            // a shape (broadcast_shapes)
)

func (k resultKind) String() string {
	switch k {
	case resultArray:
		return "an array"
	case resultList:
		return "a list of arrays"
	case resultDType:
		return "a dtype"
	case resultValue:
		return "a bool value"
	case resultShape:
		return "a shape"
	}
	return "nothing"
}

// Result is what an operation of the table returns.
type Result struct {
	Kind  resultKind
	Array *ndarray.Array
	List  []*ndarray.Array
	DType dtype.DType
	Value bool
	Shape []int
	// ViewOf, when set, is the operand Array must be a view of if the case
	// says NumPy returned a view (expected_view).
	ViewOf *ndarray.Array
}

func arrayResult(a *ndarray.Array, err error) (*Result, error) {
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultArray, Array: a}, nil
}

// opFunc runs one case. It returns an *unsupportedError (through
// unsupported) when the case needs something not implemented yet.
type opFunc func(c *Case) (*Result, error)

// unaryOp is the operation f(a) of the case's operand.
func unaryOp(f func(a *ndarray.Array) (*ndarray.Array, error)) opFunc {
	return func(c *Case) (*Result, error) {
		a, err := c.input(0)
		if err != nil {
			return nil, err
		}
		return arrayResult(f(a))
	}
}

// binaryOp is the operation f(a, b) of the case's two operands.
func binaryOp(f func(a, b *ndarray.Array) (*ndarray.Array, error)) opFunc {
	return func(c *Case) (*Result, error) {
		a, b, err := c.inputPair()
		if err != nil {
			return nil, err
		}
		return arrayResult(f(a, b))
	}
}

type opKey struct{ category, op string }

// ops is the operation table: (category, op) → implementation. Files of
// this package add entries with register in their init functions.
var ops = map[opKey]opFunc{}

// fallbacks run the ops of a category that have no entry of their own
// (the ufunc category finds its ufuncs by name).
var fallbacks = map[string]opFunc{}

// register adds an operation to the table.
func register(category, op string, f opFunc) {
	k := opKey{category, op}
	if _, dup := ops[k]; dup {
		panic(fmt.Sprintf("conformance: operation %s/%s registered twice", category, op))
	}
	ops[k] = f
}

// errorMatchers maps an error category of the corpus to the Go error
// types that stand for it; an error matches when errors.As finds one of
// them. Later operations add their error types with addErrorType.
var errorMatchers = map[string][]func(error) (string, bool){}

// addErrorType declares that errors of type T belong to category.
func addErrorType[T error](category string) {
	errorMatchers[category] = append(errorMatchers[category], func(err error) (string, bool) {
		var target T
		return fmt.Sprintf("%T", target), errors.As(err, &target)
	})
}

func init() {
	addErrorType[*ndarray.BroadcastError]("broadcast")
	addErrorType[*ndarray.ShapeError]("shape")
	addErrorType[*ndarray.AxisError]("axis")
	addErrorType[*ndarray.IndexError]("index")
	addErrorType[*dtype.PromotionError]("dtype")
	addErrorType[*dtype.CastError]("cast")
	addErrorType[*ndarray.ValueError]("value")
	addErrorType[*dtype.ValueError]("value")
	addErrorType[*dtype.RecordError]("value")
}

// matchError checks that err belongs to the error category want. It
// returns "" when it does, else what is wrong.
func matchError(want string, err error) string {
	matchers := errorMatchers[want]
	if len(matchers) == 0 {
		return fmt.Sprintf("no Go error type is mapped to category %q yet (got %T: %v)", want, err, err)
	}
	var names []string
	for _, m := range matchers {
		name, ok := m(err)
		if ok {
			return ""
		}
		names = append(names, name)
	}
	return fmt.Sprintf("expected a %q error (%s), got %T: %v", want, strings.Join(names, " or "), err, err)
}

// outcome is what happened to one case.
type outcome uint8

const (
	passed outcome = iota
	failed
	platform
	unimplemented
)

// runCase runs one case and returns its outcome and, for anything but a
// pass, why. A panic inside the operation is a failure.
func runCase(c *Case) (out outcome, why string) {
	if c.Skip != "" {
		return unimplemented, c.Skip
	}
	if c.Platform {
		return platform, "platform_defined"
	}
	f, ok := ops[opKey{c.Category, c.Op}]
	if !ok {
		f, ok = fallbacks[c.Category]
	}
	if !ok {
		return unimplemented, "op not implemented"
	}
	n := 0
	if c.Expected != nil {
		n++
	}
	if c.ExpectedList != nil {
		n++
	}
	if c.Error != "" {
		n++
	}
	if n != 1 {
		return failed, "corpus: a case needs exactly one of expected, expected_list and error"
	}
	defer func() {
		if r := recover(); r != nil {
			out, why = failed, fmt.Sprintf("panic: %v\n%s", r, trimStack(debug.Stack()))
		}
	}()
	res, err := f(c)
	var unsup *unsupportedError
	if errors.As(err, &unsup) {
		return unimplemented, unsup.reason
	}
	var cerr *corpusError
	if errors.As(err, &cerr) {
		return failed, cerr.Error()
	}
	if c.Error != "" {
		if err == nil {
			msg := fmt.Sprintf("expected a %q error, got a result", c.Error)
			if c.NumpyError != "" {
				msg += " (NumPy: " + c.NumpyError + ")"
			}
			return failed, msg
		}
		if d := matchError(c.Error, err); d != "" {
			return failed, d
		}
		return passed, ""
	}
	if err != nil {
		return failed, fmt.Sprintf("unexpected error %T: %v", err, err)
	}
	d, err := compareResult(c, res)
	if errors.As(err, &unsup) {
		return unimplemented, unsup.reason
	}
	if err != nil {
		return failed, err.Error()
	}
	if d != "" {
		return failed, d
	}
	return passed, ""
}

// trimStack keeps the frames of a panic's stack that are worth reading:
// those below the runtime's panic machinery, at most a dozen lines.
func trimStack(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			lines = lines[i:]
			break
		}
	}
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}

func init() {
	register("promotion", "result_type", opResultType)
	register("can_cast", "can_cast", opCanCast)
	register("astype", "astype", opAsType)
	register("broadcast", "broadcast_shapes", opBroadcastShapes)
	register("broadcast", "broadcast_to", opBroadcastTo)
	register("manipulation", "reshape", opReshape)
	register("manipulation", "transpose", opTranspose)
	register("manipulation", "swapaxes", opSwapAxes)
	register("manipulation", "squeeze", opSqueeze)
	register("manipulation", "expand_dims", opExpandDims)
	register("manipulation", "ravel", opRavel)
	register("manipulation", "flatten", opFlatten)

	// The same operations on the dtypes other categories exercise
	// (datetime64, strings, records): they report "dtype not supported"
	// until those dtypes exist, and then run unchanged.
	for _, cat := range []string{"datetime", "strings"} {
		register(cat, "result_type", opResultType)
		register(cat, "can_cast", opCanCast)
		register(cat, "astype", opAsType)
	}
	register("structured", "astype", opAsType)
}

// opResultType: np.result_type(*inputs), from the operands' dtypes.
func opResultType(c *Case) (*Result, error) {
	dts := make([]dtype.DType, len(c.Inputs))
	for i := range c.Inputs {
		dt, err := c.inputDType(i)
		if err != nil {
			return nil, err
		}
		dts[i] = dt
	}
	dt, err := dtype.ResultType(dts...)
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultDType, DType: dt}, nil
}

// opCanCast: np.can_cast(from, to, casting).
func opCanCast(c *Case) (*Result, error) {
	from, err := c.kwargDType("from")
	if err != nil {
		return nil, err
	}
	to, err := c.kwargDType("to")
	if err != nil {
		return nil, err
	}
	var s string
	if err := c.kwarg("casting", &s); err != nil {
		return nil, err
	}
	casting, err := dtype.ParseCasting(s)
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultValue, Value: dtype.CanCast(from, to, casting)}, nil
}

// opAsType: a.astype(dtype, casting=…), casting unsafe by default.
func opAsType(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	dt, err := c.kwargDType("dtype")
	if err != nil {
		return nil, err
	}
	casting, err := c.kwargCasting("unsafe")
	if err != nil {
		return nil, err
	}
	return arrayResult(a.AsType(dt, casting))
}

// opBroadcastShapes: np.broadcast_shapes(*shapes).
func opBroadcastShapes(c *Case) (*Result, error) {
	var shapes [][]int
	if err := c.kwarg("shapes", &shapes); err != nil {
		return nil, err
	}
	s, err := ndarray.BroadcastShapes(shapes...)
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultShape, Shape: s}, nil
}

// opBroadcastTo: np.broadcast_to(a, shape).
func opBroadcastTo(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	var shape []int
	if err := c.kwarg("shape", &shape); err != nil {
		return nil, err
	}
	return arrayResult(a.BroadcastTo(shape...))
}

// order reads the "order" keyword argument ("C" by default).
func (c *Case) order() (ndarray.Order, error) {
	s, err := c.kwargString("order", "C")
	if err != nil {
		return 0, err
	}
	switch s {
	case "C":
		return ndarray.C, nil
	case "F":
		return ndarray.F, nil
	}
	return 0, unsupported("order %q not supported", s)
}

// opReshape: a.reshape(shape, order=…).
func opReshape(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	var shape []int
	if err := c.kwarg("shape", &shape); err != nil {
		return nil, err
	}
	o, err := c.order()
	if err != nil {
		return nil, err
	}
	return arrayResult(a.ReshapeOrder(o, shape...))
}

// opTranspose: np.transpose(a, axes).
func opTranspose(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	if !c.hasKwarg("axes") {
		return arrayResult(a.Transpose(), nil)
	}
	var axes []int
	if err := c.kwarg("axes", &axes); err != nil {
		return nil, err
	}
	return arrayResult(a.Permute(axes...))
}

// opSwapAxes: np.swapaxes(a, axis1, axis2).
func opSwapAxes(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	var i, j int
	if err := c.kwarg("axis1", &i); err != nil {
		return nil, err
	}
	if err := c.kwarg("axis2", &j); err != nil {
		return nil, err
	}
	return arrayResult(a.SwapAxes(i, j))
}

// opSqueeze: np.squeeze(a, axis) with axis null, an int or a list.
func opSqueeze(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	if !c.hasKwarg("axis") {
		return arrayResult(a.Squeeze())
	}
	axes, _, err := c.kwargInts("axis")
	if err != nil {
		return nil, err
	}
	if len(axes) == 0 {
		// np.squeeze(a, axis=()) removes nothing, while Squeeze() with
		// no axes removes every length-1 axis.
		return arrayResult(a, nil)
	}
	return arrayResult(a.Squeeze(axes...))
}

// opExpandDims: np.expand_dims(a, axis) with an int or a list.
func opExpandDims(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	axes, _, err := c.kwargInts("axis")
	if err != nil {
		return nil, err
	}
	return arrayResult(a.ExpandDims(axes...))
}

// opRavel: a.ravel(order).
func opRavel(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	o, err := c.order()
	if err != nil {
		return nil, err
	}
	return arrayResult(a.RavelOrder(o), nil)
}

// opFlatten: a.flatten(order).
func opFlatten(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	o, err := c.order()
	if err != nil {
		return nil, err
	}
	return arrayResult(a.FlattenOrder(o), nil)
}
