package ndarray

import (
	"fmt"
	"strings"

	"github.com/pluribus-go/pluribus/internal/pyrepr"
)

// ShapeError reports shapes or sizes that do not fit an operation (other
// than broadcasting, which has BroadcastError): a reshape to a different
// size, a negative dimension, a size that overflows int.
type ShapeError struct {
	Op  string // the operation: "reshape", "squeeze", …
	Msg string // what was expected and what came
}

// Error returns the message.
func (e *ShapeError) Error() string { return "ndarray: " + e.Op + ": " + e.Msg }

// BroadcastError reports shapes that cannot be broadcast together.
type BroadcastError struct {
	Shapes [][]int // the operands' shapes
	Target []int   // the requested shape, for BroadcastTo; nil otherwise
}

// Error returns the message.
func (e *BroadcastError) Error() string {
	parts := make([]string, len(e.Shapes))
	for i, s := range e.Shapes {
		parts[i] = FormatShape(s)
	}
	if e.Target != nil {
		return fmt.Sprintf("ndarray: cannot broadcast shape %s to %s", strings.Join(parts, " "), FormatShape(e.Target))
	}
	return "ndarray: operands could not be broadcast together with shapes " + strings.Join(parts, " ")
}

// AxisError reports an axis outside an array's dimensions, or an axis
// given twice.
type AxisError struct {
	Axis int    // the axis given
	NDim int    // the array's number of dimensions
	Msg  string // set for errors other than out-of-bounds ("repeated axis")
}

// Error returns the message.
func (e *AxisError) Error() string {
	if e.Msg != "" {
		return "ndarray: " + e.Msg
	}
	return fmt.Sprintf("ndarray: axis %d is out of bounds for array of dimension %d", e.Axis, e.NDim)
}

// IndexError reports an index that does not fit the array: out of bounds,
// too many indices, a zero slice step, an index of the wrong kind.
type IndexError struct {
	Msg string
}

// Error returns the message.
func (e *IndexError) Error() string { return "ndarray: " + e.Msg }

// ValueError reports an argument whose value is not allowed (a zero step
// in Arange, a negative count in Linspace).
type ValueError struct {
	Op  string
	Msg string
}

// Error returns the message.
func (e *ValueError) Error() string { return "ndarray: " + e.Op + ": " + e.Msg }

// FormatShape writes a shape as NumPy prints a tuple: (3, 4), (5,), ().
func FormatShape(shape []int) string { return pyrepr.Tuple(shape) }
