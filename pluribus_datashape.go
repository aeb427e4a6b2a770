package pluribus

import (
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// New makes a container of the concrete datashape ds (ndarray.New): an
// *ndarray.Array for fixed dimensions (`3 * 4 * float64`,
// `2 * {x: int32, y: ?float64}`), an *ndarray.Ragged for one var
// dimension (`3 * var * int32`). Numbers are zero, strings empty and
// options missing. A pattern (type variables, ellipsis), a function type
// or a measure without an element type is an *ndarray.DatashapeError.
func New(ds string) (ndarray.Container, error) { return ndarray.New(ds) }

// FromStrings returns a new array of variable-length strings
// (ndarray.FromStrings).
func FromStrings(values []string, shape ...int) (*Array, error) {
	return ndarray.FromStrings(values, shape...)
}

// SkipMissing makes Sum, Prod, Min, Max, Mean, Var and Std of an option
// array skip missing elements (ufunc.SkipMissing).
func SkipMissing() Option { return ufunc.SkipMissing() }
