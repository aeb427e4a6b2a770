package ufunc

import (
	"fmt"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Accumulate applies a binary ufunc cumulatively along one axis (Axis,
// default 0): out[0] = a[0], out[i] = op(out[i-1], a[i]), as NumPy's
// ufunc.accumulate (np.add.accumulate is a cumulative sum). DType sets
// the accumulator's and result's dtype (add and multiply accumulate bool
// and narrow integers in int64 or uint64 by default, as in Reduce); Out
// gives the result array (of a's shape; the result is cast into it).
func (u *Ufunc) Accumulate(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	cfg := newConfig(opts)
	if err := u.reduceArgs(a, "accumulate"); err != nil {
		return nil, err
	}
	nd := a.NDim()
	if nd == 0 {
		return nil, &ArgError{Ufunc: u.name, Msg: "cannot accumulate on a scalar"}
	}
	axis := 0
	if cfg.axisSet {
		if len(cfg.axisList()) != 1 {
			return nil, &ndarray.AxisError{Axis: len(cfg.axisList()), NDim: nd, Msg: "accumulate does not allow multiple axes"}
		}
		axis = cfg.axisList()[0]
	}
	axis, err := ndarray.NormalizeAxis(axis, nd)
	if err != nil {
		return nil, err
	}
	out, err := u.singleOut(&cfg)
	if err != nil {
		return nil, err
	}
	var outType dtype.DType
	if out != nil {
		outType = out.DType()
		if !equalShape(out.Shape(), a.Shape()) {
			return nil, &ndarray.ShapeError{Op: u.name, Msg: fmt.Sprintf("output operand with shape %s does not match the input shape %s",
				ndarray.FormatShape(out.Shape()), ndarray.FormatShape(a.Shape()))}
		}
		if !out.IsWriteable() {
			return nil, &ndarray.ValueError{Op: u.name, Msg: "output array is read-only"}
		}
	}
	acc, loopIn, loop, err := u.reduceTypes(a.DType(), outType, cfg.dtype)
	if err != nil {
		return nil, err
	}
	res := out
	if out == nil || out.DType() != acc || overlapping(out, a) {
		if res, err = ndarray.Zeros(acc, a.Shape()...); err != nil {
			return nil, err
		}
	}
	if a.Size() == 0 {
		return finishReduce(res, out)
	}
	if err := accumulate(u, res, a, axis, loop, acc, loopIn); err != nil {
		return nil, err
	}
	return finishReduce(res, out)
}

// accumulate fills res (of a's shape and the accumulator dtype) with the
// running combination of a along axis. The axis is the outer loop: each
// step combines a whole slice res[i-1] with a[i] into res[i], so the loop
// never sees overlapping input and output.
func accumulate(u *Ufunc, res, a *ndarray.Array, axis int, loop Loop, acc, loopIn dtype.DType) error {
	nd := a.NDim()
	n := a.Shape()[axis]
	// the slices along axis: all the other dimensions
	var shape, aStr, rStr [MaxDims]int
	k := 0
	for i := range nd {
		if i == axis {
			continue
		}
		shape[k] = a.Shape()[i]
		if shape[k] != 1 {
			aStr[k], rStr[k] = a.Strides()[i], res.Strides()[i]
		}
		k++
	}
	aStep, rStep := a.Strides()[axis], res.Strides()[axis]
	aBase, rBase := basePtr(a), basePtr(res)

	// res[0] = a[0]
	c, err := dtype.GetCast(a.DType(), acc)
	if err != nil {
		return err
	}
	var p plan
	var s scratch
	p.nd, p.nops, p.loop = k, 2, castLoop(c)
	copy(p.shape[:], shape[:k])
	p.setOp(0, aBase, aStr[:k], false)
	p.setOp(1, rBase, rStr[:k], true)
	p.prepare()
	p.run(0, p.size, &s)

	// res[i] = op(res[i-1], a[i])
	p = plan{}
	p.nd, p.nops, p.loop = k, 3, loop
	copy(p.shape[:], shape[:k])
	p.setOp(0, rBase, rStr[:k], false)
	p.setOp(1, aBase, aStr[:k], false)
	if err := p.setCast(1, a.DType(), loopIn); err != nil {
		return err
	}
	p.setOp(2, rBase, rStr[:k], true)
	p.prepare()
	if k == 0 && p.ops[1].cast == nil {
		if accumulateLine(u, acc, rBase, rStep, aBase, aStep, n) {
			return nil
		}
		// one element per step: call the loop directly
		var args [3]unsafe.Pointer
		var steps [3]int
		for i := 1; i < n; i++ {
			args[0] = unsafe.Add(rBase, (i-1)*rStep)
			args[1] = unsafe.Add(aBase, i*aStep)
			args[2] = unsafe.Add(rBase, i*rStep)
			loop(args[:], steps[:], 1)
		}
		return nil
	}
	for i := 1; i < n; i++ {
		p.ops[0].base = unsafe.Add(rBase, (i-1)*rStep)
		p.ops[1].base = unsafe.Add(aBase, i*aStep)
		p.ops[2].base = unsafe.Add(rBase, i*rStep)
		p.run(0, p.size, &s)
	}
	return nil
}

// Outer applies a binary ufunc to every pair of elements of a and b:
// result[i..., j...] = op(a[i...], b[j...]), with shape a.shape + b.shape
// (NumPy's ufunc.outer). The options are Call's.
func (u *Ufunc) Outer(a, b *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	if u.nin != 2 {
		return nil, &ArgError{Ufunc: u.name, Msg: "outer product only supported for binary functions"}
	}
	if a == nil || b == nil {
		return nil, &ArgError{Ufunc: u.name, Msg: "outer of a nil array"}
	}
	if a.NDim()+b.NDim() > MaxDims {
		return nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("more than %d dimensions", MaxDims)}
	}
	ax := make([]int, b.NDim())
	for i := range ax {
		ax[i] = a.NDim() + i
	}
	av := a
	if len(ax) > 0 {
		var err error
		if av, err = a.ExpandDims(ax...); err != nil {
			return nil, err
		}
	}
	args := make([]any, 0, 2+len(opts))
	args = append(args, av, b)
	for _, o := range opts {
		args = append(args, o)
	}
	return u.Call(args...)
}

// At applies the ufunc in place at the given positions of a's first axis,
// without buffering: for each k in order, a[indices[k]] = op(a[indices[k]],
// b[k]), so a repeated index combines every value (np.add.at). indices is
// a 1-d integer array (negative values count from the end; out of range
// is an *ndarray.IndexError); b is an array broadcast to
// (len(indices),) + a.shape[1:] or a Go scalar, and must be nil for a
// unary ufunc (np.negative.at). Results are cast back to a's dtype
// unsafely, as NumPy does.
func (u *Ufunc) At(a *ndarray.Array, indices *ndarray.Array, b any) error {
	if u.nout != 1 || u.nin > 2 {
		return &ArgError{Ufunc: u.name, Msg: "at only supported for ufuncs with one or two inputs and one output"}
	}
	if a == nil || indices == nil {
		return &ArgError{Ufunc: u.name, Msg: "at of a nil array"}
	}
	if !a.IsWriteable() {
		return &ndarray.ValueError{Op: u.name, Msg: "output array is read-only"}
	}
	if a.NDim() == 0 {
		return &ndarray.IndexError{Msg: "too many indices for array: array is 0-dimensional"}
	}
	if k := indices.DType().Kind(); (k != dtype.KindInt && k != dtype.KindUint) || indices.NDim() > 1 {
		return &ndarray.IndexError{Msg: "at: indices must be a 1-d array of integers"}
	}
	ia, err := indices.AsType(dtype.Int64, dtype.Unsafe)
	if err != nil {
		return err
	}
	idx := ndarray.ToSlice[int64](ia)
	n0 := a.Shape()[0]
	for i, v := range idx {
		if v < -int64(n0) || v >= int64(n0) {
			return &ndarray.IndexError{Msg: fmt.Sprintf("index %d is out of bounds for axis 0 with size %d", v, n0)}
		}
		if v < 0 {
			idx[i] = v + int64(n0)
		}
	}
	if (u.nin == 2) != (b != nil) {
		return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("at takes %d operand values, got %v", u.nin-1, b != nil)}
	}

	// the operand types
	in := []dtype.DType{a.DType()}
	var barr *ndarray.Array
	if u.nin == 2 {
		switch v := b.(type) {
		case *ndarray.Array:
			if v == nil {
				return &ArgError{Ufunc: u.name, Msg: "at of a nil array"}
			}
			barr = v
			in = append(in, v.DType())
		default:
			w, ok := asWeak(b)
			if !ok {
				return &ArgError{Ufunc: u.name, Msg: "operand has unsupported type " + describe(b)}
			}
			t := weakType(w, a.DType().Native())
			if barr, err = w.array(t); err != nil {
				return err
			}
			in = append(in, t)
		}
	}
	res, err := u.resolve(in, dtype.DType{})
	if err != nil {
		return err
	}
	if res.loop.Bind != nil {
		return &LoopError{Ufunc: u.name, Types: in}
	}
	// the shape each index addresses, and b broadcast to (len, ...)
	sub := a.Shape()[1:]
	if barr != nil {
		full := append([]int{len(idx)}, sub...)
		bb, err := barr.BroadcastTo(full...)
		if err != nil {
			return err
		}
		if overlapping(bb, a) {
			bb = bb.Copy()
		}
		barr = bb
	}
	if len(idx) == 0 {
		return nil
	}
	var p plan
	var s scratch
	nd := len(sub)
	p.nd, p.nops, p.loop = nd, u.nin+1, res.loop.Fn
	copy(p.shape[:], sub)
	var aStr, bStr [MaxDims]int
	for i := 1; i < a.NDim(); i++ {
		if a.Shape()[i] != 1 {
			aStr[i-1] = a.Strides()[i]
		}
	}
	aBase := basePtr(a)
	aStep := a.Strides()[0]
	p.setOp(0, aBase, aStr[:nd], false)
	if err := p.setCast(0, a.DType(), res.in[0]); err != nil {
		return err
	}
	var bBase unsafe.Pointer
	bStep := 0
	if barr != nil {
		for i := 1; i < barr.NDim(); i++ {
			if barr.Shape()[i] != 1 {
				bStr[i-1] = barr.Strides()[i]
			}
		}
		bBase, bStep = basePtr(barr), barr.Strides()[0]
		p.setOp(1, bBase, bStr[:nd], false)
		if err := p.setCast(1, barr.DType(), res.in[1]); err != nil {
			return err
		}
	}
	o := p.nops - 1
	p.setOp(o, aBase, aStr[:nd], true)
	if err := p.setCast(o, a.DType(), res.out[0]); err != nil {
		return err
	}
	p.prepare()
	if p.size == 0 {
		return nil
	}
	for k, i := range idx {
		row := unsafe.Add(aBase, int(i)*aStep)
		p.ops[0].base, p.ops[o].base = row, row
		if barr != nil {
			p.ops[1].base = unsafe.Add(bBase, k*bStep)
		}
		p.run(0, p.size, &s)
	}
	return nil
}

// accumulateLine runs the accumulation of add or multiply along one
// line (the running sum or product, in order, as the loop called for
// one element at a time computes it) when acc is a native integer or
// float type, and reports whether it did: a call of the loop for every
// element cost more than ten times the operation.
func accumulateLine(u *Ufunc, acc dtype.DType, r unsafe.Pointer, rStep int, a unsafe.Pointer, aStep, n int) bool {
	if (u != Add && u != Multiply) || !acc.IsNative() {
		return false
	}
	mul := u == Multiply
	switch acc.Num() {
	case dtype.NumInt8:
		accumulateRun[int8](mul, r, rStep, a, aStep, n)
	case dtype.NumUint8:
		accumulateRun[uint8](mul, r, rStep, a, aStep, n)
	case dtype.NumInt16:
		accumulateRun[int16](mul, r, rStep, a, aStep, n)
	case dtype.NumUint16:
		accumulateRun[uint16](mul, r, rStep, a, aStep, n)
	case dtype.NumInt32:
		accumulateRun[int32](mul, r, rStep, a, aStep, n)
	case dtype.NumUint32:
		accumulateRun[uint32](mul, r, rStep, a, aStep, n)
	case dtype.NumInt64:
		accumulateRun[int64](mul, r, rStep, a, aStep, n)
	case dtype.NumUint64:
		accumulateRun[uint64](mul, r, rStep, a, aStep, n)
	case dtype.NumFloat32:
		accumulateRun[float32](mul, r, rStep, a, aStep, n)
	case dtype.NumFloat64:
		accumulateRun[float64](mul, r, rStep, a, aStep, n)
	default:
		return false
	}
	return true
}

// accumulateRun sets r[i] = r[i-1] + a[i] (or ·) for i from 1 to n-1,
// r[0] already set; the elements lie rStep and aStep bytes apart.
func accumulateRun[T realNum](mul bool, r unsafe.Pointer, rStep int, a unsafe.Pointer, aStep, n int) {
	prev := *(*T)(r)
	if mul {
		for i := 1; i < n; i++ {
			prev *= *at[T](a, aStep, i)
			*at[T](r, rStep, i) = prev
		}
		return
	}
	for i := 1; i < n; i++ {
		prev += *at[T](a, aStep, i)
		*at[T](r, rStep, i) = prev
	}
}
