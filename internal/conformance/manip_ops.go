package conformance

import (
	"github.com/pluribus-go/pluribus/ndarray"
)

func init() {
	register("manipulation", "concatenate", opConcatenate)
	register("manipulation", "stack", opStack)
	register("manipulation", "split", opSplit)
	register("manipulation", "array_split", opArraySplit)
	register("manipulation", "tile", opTile)
	register("manipulation", "repeat", opRepeat)
	register("manipulation", "take", opTake)
	// Strings report "dtype not supported" until the string dtypes exist.
	register("strings", "concatenate", opConcatenate)
}

// inputs decodes every operand of the case.
func (c *Case) inputs() ([]*ndarray.Array, error) {
	out := make([]*ndarray.Array, len(c.Inputs))
	for i := range c.Inputs {
		a, err := c.input(i)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

// inputPair decodes the case's first two operands.
func (c *Case) inputPair() (a, b *ndarray.Array, err error) {
	if a, err = c.input(0); err != nil {
		return nil, nil, err
	}
	if b, err = c.input(1); err != nil {
		return nil, nil, err
	}
	return a, b, nil
}

// axisOrNone reads an "axis" keyword argument that may be null (flatten
// first, in NumPy). def is the value when the argument is absent; ok is
// false for null.
func (c *Case) axisOrNone(def int, defNone bool) (axis int, ok bool, err error) {
	raw, present := c.Kwargs["axis"]
	if !present {
		return def, !defNone, nil
	}
	if isNull(raw) {
		return 0, false, nil
	}
	err = c.kwarg("axis", &axis)
	return axis, true, err
}

// opConcatenate: np.concatenate(inputs, axis) with axis an int or null.
func opConcatenate(c *Case) (*Result, error) {
	arrays, err := c.inputs()
	if err != nil {
		return nil, err
	}
	axis, ok, err := c.axisOrNone(0, false)
	if err != nil {
		return nil, err
	}
	if !ok {
		return arrayResult(ndarray.ConcatenateFlat(arrays))
	}
	return arrayResult(ndarray.Concatenate(arrays, axis))
}

// opStack: np.stack(inputs, axis).
func opStack(c *Case) (*Result, error) {
	arrays, err := c.inputs()
	if err != nil {
		return nil, err
	}
	axis, _, err := c.axisOrNone(0, false)
	if err != nil {
		return nil, err
	}
	return arrayResult(ndarray.Stack(arrays, axis))
}

// splitCase runs np.split or np.array_split: indices_or_sections is a
// section count or a list of division points.
func splitCase(c *Case, sections func(*ndarray.Array, int, int) ([]*ndarray.Array, error)) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	v, list, err := c.kwargInts("indices_or_sections")
	if err != nil {
		return nil, err
	}
	axis, _, err := c.axisOrNone(0, false)
	if err != nil {
		return nil, err
	}
	var parts []*ndarray.Array
	if list {
		parts, err = ndarray.SplitAt(a, v, axis)
	} else {
		parts, err = sections(a, v[0], axis)
	}
	if err != nil {
		return nil, err
	}
	return &Result{Kind: resultList, List: parts}, nil
}

func opSplit(c *Case) (*Result, error)      { return splitCase(c, ndarray.Split) }
func opArraySplit(c *Case) (*Result, error) { return splitCase(c, ndarray.ArraySplit) }

// opTile: np.tile(a, reps) with reps an int or a list.
func opTile(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	reps, _, err := c.kwargInts("reps")
	if err != nil {
		return nil, err
	}
	return arrayResult(ndarray.Tile(a, reps...))
}

// opRepeat: np.repeat(a, repeats, axis) with repeats an int or a list and
// axis an int or null.
func opRepeat(c *Case) (*Result, error) {
	a, err := c.input(0)
	if err != nil {
		return nil, err
	}
	repeats, _, err := c.kwargInts("repeats")
	if err != nil {
		return nil, err
	}
	axis, ok, err := c.axisOrNone(0, true)
	if err != nil {
		return nil, err
	}
	if !ok {
		return arrayResult(ndarray.RepeatFlat(a, repeats))
	}
	return arrayResult(ndarray.Repeat(a, repeats, axis))
}

// opTake: np.take(a, indices, axis, mode).
func opTake(c *Case) (*Result, error) {
	a, idx, err := c.inputPair()
	if err != nil {
		return nil, err
	}
	s, err := c.kwargString("mode", "raise")
	if err != nil {
		return nil, err
	}
	var mode ndarray.IndexMode
	switch s {
	case "raise":
		mode = ndarray.ModeRaise
	case "wrap":
		mode = ndarray.ModeWrap
	case "clip":
		mode = ndarray.ModeClip
	default:
		return nil, corpusErrorf("unknown take mode %q", s)
	}
	axis, ok, err := c.axisOrNone(0, true)
	if err != nil {
		return nil, err
	}
	if !ok {
		return arrayResult(ndarray.TakeFlat(a, idx, mode))
	}
	return arrayResult(ndarray.Take(a, idx, axis, mode))
}
