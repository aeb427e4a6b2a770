// Package pluribus is the front door of an N-dimensional array library with
// a real type system: the core of NumPy in Go.
//
// This package holds no logic of its own: it gathers the constructors and
// common operations of the packages below so that a NumPy user finds them
// in one place.
//
//	import pl "github.com/pluribus-go/pluribus"
//
//	a := pl.Must(pl.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3))
//	v := pl.Must(a.Index("1:, ::-1"))      // a view, no copy
//	b := pl.Must(a.AsType(pl.Float32, pl.SameKind))
//	fmt.Println(b)                         // [[1. 2. 3.]
//	                                       //  [4. 5. 6.]]
//
// The packages below are usable on their own: dtype (element types,
// promotion and casting), ndarray (the Array container, views, copies,
// printing).
//
// # Errors
//
// Functions that can fail return an error whose type says what went
// wrong: *ShapeError, *BroadcastError, *AxisError, *IndexError,
// *IndexParseError, *ValueError, *CastError, *PromotionError and
// *DTypeParseError (aliases of the types in ndarray and dtype), matchable
// with errors.As. Must turns an error into a panic for code that knows
// its shapes.
package pluribus

import (
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

//go:generate go run ./internal/frontgen/cmd/frontgen

// Array is an N-dimensional array; see ndarray.Array.
type Array = ndarray.Array

// Option configures a ufunc call or a reduction: Out, Where, DType,
// Casting, Order, Axis, KeepDims, Initial, DDof.
type Option = ufunc.Option

// Out gives the arrays results are written to (an input may be one of
// them: an in-place operation).
func Out(arrays ...*Array) Option { return ufunc.Out(arrays...) }

// Where computes and writes only the elements where mask is true (NumPy's
// where= argument; for np.where(cond, x, y) see Select).
func Where(mask *Array) Option { return ufunc.Where(mask) }

// DType forces the dtype a ufunc computes in, or a reduction's
// accumulator and result dtype.
func DType(d dtype.DType) Option { return ufunc.DType(d) }

// Casting sets the casting rule for a call's inputs and outputs (default
// SameKind).
func Casting(level dtype.Casting) Option { return ufunc.Casting(level) }

// Order sets the memory order of new outputs (default: the inputs').
func Order(o ndarray.Order) Option { return ufunc.Order(o) }

// Axis selects the axes a reduction runs over (all by default).
func Axis(axes ...int) Option { return ufunc.Axis(axes...) }

// KeepDims keeps reduced axes with length 1.
func KeepDims() Option { return ufunc.KeepDims() }

// Initial gives a reduction's starting value.
func Initial(v any) Option { return ufunc.Initial(v) }

// DDof sets the delta degrees of freedom of Var and Std.
func DDof(ddof int) Option { return ufunc.DDof(ddof) }

// Select takes elements from x where cond is true and from y elsewhere:
// NumPy's np.where(cond, x, y), broadcasting all three.
func Select(cond *Array, x, y any, opts ...Option) (*Array, error) {
	return ufunc.Select(cond, x, y, opts...)
}

// The memory orders.
const (
	C = ndarray.C
	F = ndarray.F
)

// The casting levels, from strictest to loosest.
const (
	No       = dtype.No
	Equiv    = dtype.Equiv
	Safe     = dtype.Safe
	SameKind = dtype.SameKind
	Unsafe   = dtype.Unsafe
)

// The built-in element types.
var (
	Bool       = dtype.Bool
	Int8       = dtype.Int8
	Int16      = dtype.Int16
	Int32      = dtype.Int32
	Int64      = dtype.Int64
	Uint8      = dtype.Uint8
	Uint16     = dtype.Uint16
	Uint32     = dtype.Uint32
	Uint64     = dtype.Uint64
	Float16    = dtype.Float16
	Float32    = dtype.Float32
	Float64    = dtype.Float64
	Complex64  = dtype.Complex64
	Complex128 = dtype.Complex128
)

// The error types of the packages below.
type (
	// LoopError reports dtypes for which a ufunc has no loop.
	LoopError = ufunc.LoopError
	// EmptyReductionError reports a reduction over zero elements without
	// an identity or initial value.
	EmptyReductionError = ufunc.EmptyReductionError
	// OverflowError reports a Go integer operand out of range for the
	// dtype it takes.
	OverflowError = ufunc.OverflowError
	// ShapeError reports shapes that do not fit an operation.
	ShapeError = ndarray.ShapeError
	// BroadcastError reports shapes that cannot be broadcast together.
	BroadcastError = ndarray.BroadcastError
	// AxisError reports an axis out of range or repeated.
	AxisError = ndarray.AxisError
	// IndexError reports an index that does not fit an array.
	IndexError = ndarray.IndexError
	// IndexParseError reports an index expression that cannot be parsed.
	IndexParseError = ndarray.IndexParseError
	// ValueError reports an argument whose value is not allowed.
	ValueError = ndarray.ValueError
	// CastError reports a cast the casting rule forbids.
	CastError = dtype.CastError
	// PromotionError reports types without a common type.
	PromotionError = dtype.PromotionError
	// DTypeParseError reports a type name that cannot be parsed.
	DTypeParseError = dtype.ParseError
)

// Must returns v, or panics if err is not nil. It is for code that knows
// its shapes and types are right: pl.Must(pl.Zeros(pl.Float64, 3, 4)).
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// ParseDType returns the element type NumPy spells s ("float64", "<f8",
// "?"); see dtype.Parse.
func ParseDType(s string) (dtype.DType, error) { return dtype.Parse(s) }

// ResultType returns the type NumPy's result_type gives for arrays of the
// given types.
func ResultType(types ...dtype.DType) (dtype.DType, error) { return dtype.ResultType(types...) }

// CanCast reports whether from may be cast to to under the casting level.
func CanCast(from, to dtype.DType, casting dtype.Casting) bool {
	return dtype.CanCast(from, to, casting)
}

// Empty returns a new array of the given type and shape (zeroed, as all Go
// memory is).
func Empty(dt dtype.DType, shape ...int) (*Array, error) { return ndarray.Empty(dt, shape...) }

// Zeros returns a new array of the given type and shape filled with zeros.
func Zeros(dt dtype.DType, shape ...int) (*Array, error) { return ndarray.Zeros(dt, shape...) }

// Ones returns a new array of the given type and shape filled with ones.
func Ones(dt dtype.DType, shape ...int) (*Array, error) { return ndarray.Ones(dt, shape...) }

// Full returns a new array of the given type and shape filled with value
// (a Go scalar, converted to dt).
func Full(dt dtype.DType, value any, shape ...int) (*Array, error) {
	return ndarray.Full(dt, value, shape...)
}

// EmptyLike returns a new array with a's type and shape.
func EmptyLike(a *Array) *Array { return ndarray.EmptyLike(a) }

// ZerosLike returns a new array of zeros with a's type and shape.
func ZerosLike(a *Array) *Array { return ndarray.ZerosLike(a) }

// OnesLike returns a new array of ones with a's type and shape.
func OnesLike(a *Array) *Array { return ndarray.OnesLike(a) }

// FullLike returns a new array with a's type and shape filled with value.
func FullLike(a *Array, value any) (*Array, error) { return ndarray.FullLike(a, value) }

// FromSlice returns a new array holding a copy of data with the given shape
// (1-d when no shape is given); its type is the Go element type's.
func FromSlice[T dtype.Element](data []T, shape ...int) (*Array, error) {
	return ndarray.FromSlice(data, shape...)
}

// FromNested returns a new array from nested Go slices or arrays, as
// np.array does: FromNested([][]float64{{1, 2}, {3, 4}}).
func FromNested(value any) (*Array, error) { return ndarray.FromNested(value) }

// Scalar returns a new 0-d array holding v.
func Scalar[T dtype.Element](v T) *Array { return ndarray.Scalar(v) }

// Arange returns evenly spaced values of type dt, as np.arange: with one
// argument [0, stop), with two [start, stop), with three [start, stop)
// stepping by step.
func Arange(dt dtype.DType, args ...float64) (*Array, error) {
	switch len(args) {
	case 1:
		return ndarray.Arange(dt, 0, args[0], 1)
	case 2:
		return ndarray.Arange(dt, args[0], args[1], 1)
	case 3:
		return ndarray.Arange(dt, args[0], args[1], args[2])
	}
	return nil, &ValueError{Op: "arange", Msg: "takes stop, start and stop, or start, stop and step"}
}

// Linspace returns num evenly spaced float64 values from start to stop
// (stop included), as np.linspace.
func Linspace(start, stop float64, num int) (*Array, error) {
	return ndarray.Linspace(dtype.Float64, start, stop, num, true)
}

// Eye returns an n×m array of type dt with ones on the k-th diagonal.
func Eye(dt dtype.DType, n, m, k int) (*Array, error) { return ndarray.Eye(dt, n, m, k) }

// Identity returns the n×n identity matrix of type dt.
func Identity(dt dtype.DType, n int) (*Array, error) { return ndarray.Identity(dt, n) }

// Reshape returns a with a new shape (one dimension may be -1): a view when
// the strides allow it, a copy otherwise.
func Reshape(a *Array, shape ...int) (*Array, error) { return a.Reshape(shape...) }

// Transpose returns a view of a with its axes reversed, or permuted as axes
// says.
func Transpose(a *Array, axes ...int) (*Array, error) {
	if len(axes) == 0 {
		return a.Transpose(), nil
	}
	return a.Permute(axes...)
}

// SwapAxes returns a view of a with axes i and j exchanged.
func SwapAxes(a *Array, i, j int) (*Array, error) { return a.SwapAxes(i, j) }

// MoveAxis returns a view of a with axis src moved to position dst.
func MoveAxis(a *Array, src, dst int) (*Array, error) { return a.MoveAxis(src, dst) }

// Squeeze returns a view of a without the given length-1 axes (all of them
// when none is given).
func Squeeze(a *Array, axes ...int) (*Array, error) { return a.Squeeze(axes...) }

// ExpandDims returns a view of a with new length-1 axes at the given
// positions.
func ExpandDims(a *Array, axes ...int) (*Array, error) { return a.ExpandDims(axes...) }

// BroadcastTo returns a read-only view of a broadcast to shape.
func BroadcastTo(a *Array, shape ...int) (*Array, error) { return a.BroadcastTo(shape...) }

// BroadcastShapes returns the shape arrays of the given shapes broadcast to.
func BroadcastShapes(shapes ...[]int) ([]int, error) { return ndarray.BroadcastShapes(shapes...) }

// Ravel returns a's elements as a 1-d array in C order: a view when
// possible, a copy otherwise.
func Ravel(a *Array) *Array { return a.Ravel() }

// Copy returns a new C-ordered copy of a.
func Copy(a *Array) *Array { return a.Copy() }

// AsType returns a copy of a converted to dt under the casting level.
func AsType(a *Array, dt dtype.DType, casting dtype.Casting) (*Array, error) {
	return a.AsType(dt, casting)
}
