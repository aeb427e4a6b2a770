package ndarray

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
)

// Index is one item of an index expression, what goes between the
// commas of NumPy's a[i, j:k, ..., None]: an integer (Int), a slice
// (Slice and its constructors Range, RangeStep, From, To, Step and All),
// NewAxis or Ellipsis — the basic items — or an advanced item: an index
// array or mask (ArrayIndex, IntArray) or a Python bool (Bool). Its
// String method writes the item in NumPy syntax, which ParseIndex reads
// back for the basic items.
type Index interface {
	String() string
	isIndex()
}

// intIndex is an integer index item.
type intIndex int

func (intIndex) isIndex()         {}
func (i intIndex) String() string { return strconv.Itoa(int(i)) }

// Int returns the index item that selects position i of an axis and
// removes the axis from the result, as a[i] does. A negative i counts from
// the end of the axis.
func Int(i int) Index { return intIndex(i) }

// Slice is the index item start:stop:step. It selects positions start,
// start+step, … up to but not including stop, keeping the axis. A nil
// field is left out, as in Python: Start defaults to the first position
// (the last for a negative Step), Stop to past the end (before the start
// for a negative Step) and Step to 1. Negative Start and Stop count from
// the end, and bounds beyond the axis are clipped, never an error; a zero
// Step is an *IndexError when the slice is applied.
type Slice struct {
	Start, Stop, Step *int
}

func (Slice) isIndex() {}

// String writes the slice as NumPy does in an index: "1:5", "::-1", ":".
func (s Slice) String() string {
	var b strings.Builder
	if s.Start != nil {
		b.WriteString(strconv.Itoa(*s.Start))
	}
	b.WriteByte(':')
	if s.Stop != nil {
		b.WriteString(strconv.Itoa(*s.Stop))
	}
	if s.Step != nil {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(*s.Step))
	}
	return b.String()
}

func intPtr(i int) *int { return &i }

// Range returns the slice start:stop.
func Range(start, stop int) Index { return Slice{Start: intPtr(start), Stop: intPtr(stop)} }

// RangeStep returns the slice start:stop:step.
func RangeStep(start, stop, step int) Index {
	return Slice{Start: intPtr(start), Stop: intPtr(stop), Step: intPtr(step)}
}

// From returns the slice start: (from start to the end of the axis).
func From(start int) Index { return Slice{Start: intPtr(start)} }

// To returns the slice :stop (from the beginning of the axis up to stop).
func To(stop int) Index { return Slice{Stop: intPtr(stop)} }

// Step returns the slice ::step (the whole axis every step positions;
// ::-1 reverses it).
func Step(step int) Index { return Slice{Step: intPtr(step)} }

// All is the slice ":", which keeps a whole axis.
var All Index = Slice{}

type newAxis struct{}

func (newAxis) isIndex()       {}
func (newAxis) String() string { return "None" }

type ellipsis struct{}

func (ellipsis) isIndex()       {}
func (ellipsis) String() string { return "..." }

// The index items that select no position.
var (
	// NewAxis inserts an axis of length 1 (NumPy's np.newaxis or None).
	NewAxis Index = newAxis{}
	// Ellipsis stands for as many ":" as needed to index every axis
	// (NumPy's ...). An index holds at most one.
	Ellipsis Index = ellipsis{}
)

// sliceIndices resolves a slice against an axis of length n as Python's
// PySlice_Unpack and PySlice_AdjustIndices do: it returns the first
// position, the step and the number of positions selected.
func sliceIndices(s Slice, n int) (start, step, length int, err error) {
	step = 1
	if s.Step != nil {
		step = *s.Step
		if step == 0 {
			return 0, 0, 0, &IndexError{Msg: "slice step cannot be zero"}
		}
		if step < -maxInt {
			step = -maxInt // so that -step does not overflow
		}
	}
	var stop int
	if s.Start == nil {
		if step < 0 {
			start = maxInt
		} else {
			start = 0
		}
	} else {
		start = *s.Start
	}
	if s.Stop == nil {
		if step < 0 {
			stop = -maxInt - 1
		} else {
			stop = maxInt
		}
	} else {
		stop = *s.Stop
	}
	start = clipSliceBound(start, n, step)
	stop = clipSliceBound(stop, n, step)
	// Both bounds now lie in [-1, n], so the differences cannot overflow.
	if step < 0 {
		if stop < start {
			length = (start-stop-1)/(-step) + 1
		}
	} else if start < stop {
		length = (stop-start-1)/step + 1
	}
	return start, step, length, nil
}

// clipSliceBound maps a slice bound onto an axis of length n: negative
// values count from the end, and values beyond the axis are clipped to
// just before it (-1, for a negative step) or just past it.
func clipSliceBound(i, n, step int) int {
	if i < 0 {
		i += n
		if i < 0 {
			if step < 0 {
				return -1
			}
			return 0
		}
	} else if i >= n {
		if step < 0 {
			return n - 1
		}
		return n
	}
	return i
}

// Slice returns the view a[items...] under NumPy's rules for basic
// indexing. Each Int removes an axis, each Slice keeps one (possibly
// shorter, reversed or strided), each NewAxis inserts a length-1 axis, and
// one Ellipsis stands for ":" on as many axes as the other items leave
// unindexed; axes left over at the end are kept whole. With no items it is
// a view of all of a, and with an Int for every axis a 0-d view of one
// element.
//
// The result shares a's buffer (writing through it changes a) and is
// writeable when a is. More indices than axes, an integer out of bounds, a
// zero step or a second Ellipsis is an *IndexError.
//
// For results of up to four dimensions, Slice allocates only the new
// Array header.
//
// When an item is advanced (ArrayIndex, IntArray, Bool), Slice follows
// NumPy's advanced indexing instead (see ArrayIndex) and the result is a
// new C-ordered array, not a view.
func (a *Array) Slice(items ...Index) (*Array, error) {
	nd := a.NDim()
	consumed, added, ints, ellipses := 0, 0, 0, 0
	for _, it := range items {
		switch it.(type) {
		case intIndex:
			consumed++
			ints++
		case Slice:
			consumed++
		case newAxis:
			added++
		case ellipsis:
			ellipses++
		case arrayIndex, boolIndex:
			return a.sliceAdvanced(items)
		case nil:
			return nil, &IndexError{Msg: "nil index item"}
		default:
			return nil, &IndexError{Msg: fmt.Sprintf("unsupported index item %T", it)}
		}
	}
	if ellipses > 1 {
		return nil, &IndexError{Msg: "an index can only have a single ellipsis ('...')"}
	}
	if consumed > nd {
		return nil, &IndexError{Msg: fmt.Sprintf("too many indices for array: array is %d-dimensional, but %d were indexed", nd, consumed)}
	}
	outND := nd - ints + added

	var buf [2 * inlineDims]int
	var shape, strides []int
	if outND <= inlineDims {
		shape, strides = buf[:0:inlineDims], buf[inlineDims:inlineDims]
	} else {
		shape, strides = make([]int, 0, outND), make([]int, 0, outND)
	}

	off := a.offset
	ax := 0 // the next axis of a to index
	for _, it := range items {
		switch it := it.(type) {
		case intIndex:
			i, d := int(it), a.Shape()[ax]
			if i < 0 {
				i += d
			}
			if i < 0 || i >= d {
				return nil, &IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis %d with size %d", int(it), ax, d)}
			}
			off += i * a.Strides()[ax]
			ax++
		case Slice:
			start, step, n, err := sliceIndices(it, a.Shape()[ax])
			if err != nil {
				return nil, err
			}
			st := a.Strides()[ax]
			if n > 0 {
				// start is a valid position, so the offset stays on an
				// element; an empty slice starts at 0, as in NumPy.
				off += start * st
			}
			shape = append(shape, n)
			strides = append(strides, stepStride(st, step, n))
			ax++
		case newAxis:
			shape = append(shape, 1)
			strides = append(strides, 0)
		case ellipsis:
			for range nd - consumed {
				shape = append(shape, a.Shape()[ax])
				strides = append(strides, a.Strides()[ax])
				ax++
			}
		}
	}
	for ; ax < nd; ax++ {
		shape = append(shape, a.Shape()[ax])
		strides = append(strides, a.Strides()[ax])
	}
	if a.size == 0 {
		// Integer indices on other axes may have moved the offset past a
		// buffer that holds no element; the result is empty anyway.
		off = a.offset
	}
	return a.view(off, shape, strides), nil
}

// stepStride returns the byte stride of a slice with the given step and
// length over an axis of byte stride st, as NumPy does: st*step, or st
// for an empty slice (NumPy resolves those to 0:0:1). The product only
// matters when the slice selects two positions or more, and then it fits
// in int; for a single position it falls back to st should it overflow.
func stepStride(st, step, n int) int {
	if n == 0 {
		return st
	}
	p := st * step
	if n == 1 && st != 0 && p/st != step {
		return st
	}
	return p
}

// Index returns the view a[expr] for a basic index written in NumPy
// syntax, such as "1:, ::-1" or "..., None, 0" (see ParseIndex and Slice).
// A malformed expression is an *IndexParseError.
func (a *Array) Index(expr string) (*Array, error) {
	items, err := ParseIndex(expr)
	if err != nil {
		return nil, err
	}
	return a.Slice(items...)
}

// SetSlice assigns value to the elements a[items...] selects, as NumPy's
// a[items] = value for basic indices: value is broadcast to the shape of
// the selection (after dropping leading length-1 axes it has beyond that
// shape) and converted to a's element type with unsafe casting. value may
// overlap a. Assigning into a read-only array is a *ValueError; the
// errors of Slice and of broadcasting are returned as they are.
//
// With advanced items, the elements selected are written in place (a is
// changed, not a copy); where an index array repeats a position, the last
// assignment wins, as in NumPy, and a value that does not broadcast to
// the selection is a *ShapeError.
func (a *Array) SetSlice(value *Array, items ...Index) error {
	if value == nil {
		return &ValueError{Op: "assignment", Msg: "value is a nil array"}
	}
	if !a.IsWriteable() {
		return &ValueError{Op: "assignment", Msg: "destination is read-only"}
	}
	if hasAdvanced(items) {
		return a.setAdvanced(value, items)
	}
	dst, err := a.Slice(items...)
	if err != nil {
		return err
	}
	src := value
	if lead := src.NDim() - dst.NDim(); lead > 0 {
		k := 0
		for k < lead && src.Shape()[k] == 1 {
			k++
		}
		if k > 0 {
			src = src.view(src.offset, src.Shape()[k:], src.Strides()[k:])
		}
	}
	return dst.CopyFrom(src, dtype.Unsafe)
}

// SetIndex assigns value to the elements a[expr] selects, for a basic
// index written in NumPy syntax (see ParseIndex and SetSlice).
func (a *Array) SetIndex(expr string, value *Array) error {
	items, err := ParseIndex(expr)
	if err != nil {
		return err
	}
	return a.SetSlice(value, items...)
}
