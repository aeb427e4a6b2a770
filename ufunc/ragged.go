package ufunc

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Ragged arrays (*ndarray.Ragged, datashape `3 * var * int32`) go
// through Apply as a registered container. Element-wise calls broadcast
// with DyND's rules for var dimensions: the fixed dimensions broadcast as
// NumPy's do; at the var dimension a fixed 1 stretches to every row's
// length, a fixed N ≠ 1 needs every row to have N elements, and two var
// dimensions need equal lengths row by row (else an
// *ndarray.BroadcastError). The result is ragged. Reduce reduces each
// row along the var dimension.

func init() {
	if err := RegisterContainer[*ndarray.Ragged](raggedHandler); err != nil {
		panic(err)
	}
}

func raggedHandler(u *Ufunc, m Method, args []any) (any, error) {
	var operands []any
	var opts []Option
	for _, a := range args {
		if o, ok := a.(Option); ok {
			opts = append(opts, o)
			continue
		}
		operands = append(operands, a)
	}
	switch m {
	case MethodCall:
		return raggedCall(u, operands, opts)
	case MethodReduce:
		if len(operands) != 1 {
			return nil, &ArgError{Ufunc: u.name, Msg: "reduce takes one ragged array"}
		}
		r, ok := operands[0].(*ndarray.Ragged)
		if !ok {
			return nil, &ArgError{Ufunc: u.name, Msg: "reduce takes a ragged array, got " + describe(operands[0])}
		}
		return raggedReduce(u, r, opts)
	}
	return nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("method %q is not supported on ragged arrays", m)}
}

// raggedShape is one operand's view of the loop dimensions: outer
// dimensions, the size at the var position (-1 for a var dimension) and
// inner dimensions.
func raggedCall(u *Ufunc, operands []any, opts []Option) (*ndarray.Ragged, error) {
	if len(operands) != u.nin {
		return nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("takes %d operands, got %d", u.nin, len(operands))}
	}
	ni := -1
	var shapes [][]int // outer shapes, for the broadcast
	var all [][]int    // full shapes (var as 1), for the error
	for _, op := range operands {
		switch v := op.(type) {
		case *ndarray.Ragged:
			if ni >= 0 && len(v.Inner()) != ni {
				return nil, &ArgError{Ufunc: u.name, Msg: "ragged operands have their var dimension at different places"}
			}
			ni = len(v.Inner())
		}
	}
	for _, op := range operands {
		switch v := op.(type) {
		case *ndarray.Ragged:
			shapes = append(shapes, v.Outer())
			all = append(all, append(append(append([]int(nil), v.Outer()...), -1), v.Inner()...))
		case *ndarray.Array:
			if v == nil {
				return nil, &ArgError{Ufunc: u.name, Msg: "nil array operand"}
			}
			if nd := v.NDim(); nd > ni+1 {
				shapes = append(shapes, v.Shape()[:nd-ni-1])
			}
			all = append(all, v.Shape())
		}
	}
	outer, err := ndarray.BroadcastShapes(shapes...)
	if err != nil {
		return nil, &ndarray.BroadcastError{Shapes: all}
	}
	rows := 1
	for _, d := range outer {
		rows *= d
	}
	// row lengths from the ragged operands, checked against each other
	lengths := make([]int64, rows)
	known := false
	starts := make([][]int64, len(operands))
	for k, op := range operands {
		r, ok := op.(*ndarray.Ragged)
		if !ok {
			continue
		}
		s, e := r.Bounds()
		sb, err := s.BroadcastTo(outer...)
		if err != nil {
			return nil, &ndarray.BroadcastError{Shapes: all}
		}
		eb, _ := e.BroadcastTo(outer...)
		ss, es := ndarray.ToSlice[int64](sb), ndarray.ToSlice[int64](eb)
		starts[k] = ss
		for i := range rows {
			n := es[i] - ss[i]
			if known && lengths[i] != n {
				return nil, &ndarray.BroadcastError{Shapes: all}
			}
			lengths[i] = n
		}
		known = true
	}
	offsets := make([]int64, rows+1)
	for i, n := range lengths {
		offsets[i+1] = offsets[i] + n
	}
	total := int(offsets[rows])
	gathered := make([]any, 0, len(operands)+len(opts))
	for k, op := range operands {
		switch v := op.(type) {
		case *ndarray.Ragged:
			idx := make([]int64, 0, total)
			for i := range rows {
				for j := range lengths[i] {
					idx = append(idx, starts[k][i]+j)
				}
			}
			g, err := takeRows(v.Values(), idx)
			if err != nil {
				return nil, err
			}
			gathered = append(gathered, g)
		case *ndarray.Array:
			g, err := gatherFixed(v, outer, ni, lengths, total, all)
			if err != nil {
				return nil, err
			}
			gathered = append(gathered, g)
		default:
			gathered = append(gathered, op)
		}
	}
	for _, o := range opts {
		gathered = append(gathered, o)
	}
	values, err := u.Call(gathered...)
	if err != nil {
		return nil, err
	}
	return ndarray.RaggedFromOffsets(values, offsets, outer...)
}

// takeRows gathers positions idx of a's first axis.
func takeRows(a *ndarray.Array, idx []int64) (*ndarray.Array, error) {
	ix, err := ndarray.FromSlice(idx)
	if err != nil {
		return nil, err
	}
	return ndarray.Take(a, ix, 0, ndarray.ModeRaise)
}

// gatherFixed lays a fixed array operand out as the rows of the result:
// its var-position dimension (1 or the row length) is repeated or
// checked per row.
func gatherFixed(a *ndarray.Array, outer []int, ni int, lengths []int64, total int, all [][]int) (*ndarray.Array, error) {
	nd := a.NDim()
	v := a
	// pad to outer + var + inner dimensions
	want := len(outer) + 1 + ni
	if nd < want {
		ax := make([]int, want-nd)
		for i := range ax {
			ax[i] = i
		}
		var err error
		if v, err = a.ExpandDims(ax...); err != nil {
			return nil, err
		}
	}
	vs := v.Shape()
	vlen := vs[len(outer)]
	full := append(append(append([]int(nil), outer...), vlen), vs[len(outer)+1:]...)
	b, err := v.BroadcastTo(full...)
	if err != nil {
		return nil, &ndarray.BroadcastError{Shapes: all}
	}
	flat, err := b.Reshape(append([]int{-1}, vs[len(outer)+1:]...)...)
	if err != nil {
		return nil, err
	}
	idx := make([]int64, 0, total)
	for i, n := range lengths {
		if vlen != 1 && int64(vlen) != n {
			return nil, &ndarray.BroadcastError{Shapes: all}
		}
		for j := range n {
			if vlen == 1 {
				idx = append(idx, int64(i))
			} else {
				idx = append(idx, int64(i)*int64(vlen)+j)
			}
		}
	}
	return takeRows(flat, idx)
}

// raggedReduce reduces every row of r along its var dimension: the
// result has the outer and inner dimensions (DyND's
// sum([[1, 2], [3, 4, 5]], axes=[1]) is [3, 12]).
func raggedReduce(u *Ufunc, r *ndarray.Ragged, opts []Option) (*ndarray.Array, error) {
	cfg := newConfig(opts)
	if cfg.axisSet && (len(cfg.axisList()) != 1 || (cfg.axisList()[0] != len(r.Outer()) && cfg.axisList()[0] != -1-len(r.Inner()))) {
		return nil, &ArgError{Ufunc: u.name, Msg: "a ragged array reduces only along its var dimension"}
	}
	var parts []*ndarray.Array
	for _, row := range r.Rows() {
		c := cfg
		c.setAxes([]int{0})
		c.keepDims = false
		c.setOutputs(nil)
		p, err := u.reduce(row, &c)
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	shape := append(append([]int(nil), r.Outer()...), r.Inner()...)
	if len(parts) == 0 {
		dt := r.DType()
		if acc, _, _, err := u.reduceTypes(dt, dtype.DType{}, cfg.dtype); err == nil {
			dt = acc
		}
		return ndarray.Zeros(dt, shape...)
	}
	st, err := ndarray.Stack(parts, 0)
	if err != nil {
		return nil, err
	}
	return st.Reshape(shape...)
}
