package ufunc

import (
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// EmptyReductionError reports a reduction over zero elements that has no
// answer: a ufunc without an identity (maximum, minimum) reduced over an
// empty axis without Initial, or ArgMin/ArgMax of an empty sequence
// (NumPy's ValueError "zero-size array to reduction operation maximum
// which has no identity").
type EmptyReductionError struct {
	Op string // the ufunc or function: "maximum", "argmax"
}

// Error returns the message.
func (e *EmptyReductionError) Error() string {
	return "ufunc: zero-size array to reduction operation " + e.Op + " which has no identity"
}

// newConfig returns the configuration opts give.
func newConfig(opts []Option) config {
	cfg := defaultConfig()
	cfg.apply(opts)
	return cfg
}

// Reduce applies a binary ufunc along axes, combining the elements of each
// reduced slice: np.add.reduce(a) sums them. Options:
//
//   - Axis: the axes reduced, negative values counting from the end.
//     Without it Reduce runs over axis 0, as NumPy's ufunc.reduce; Axis()
//     with no arguments reduces nothing. Several axes need a reorderable
//     ufunc.
//   - KeepDims: keep reduced axes with length 1.
//   - Initial: the start value; it makes reducing zero elements valid for
//     ufuncs without an identity.
//   - DType: the accumulator's and result's dtype. Without it, add and
//     multiply accumulate bool and integers narrower than 64 bits in int64
//     (uint64 for unsigned ones), as NumPy.
//   - Where: a boolean mask broadcast to a's shape; only elements where it
//     is true are combined (needs Initial or an identity).
//   - Out: the result array (its shape must be the result's); its dtype
//     need not be the accumulator's, the result is cast into it.
//
// Casts inside reductions are unsafe, as NumPy's: the input is converted
// to the loop's dtype in chunks, and the result to Out's dtype.
//
// Results are deterministic: the order in which elements are combined
// depends only on the shapes, dtypes and memory layout of the operands
// (a run longer than 65536 elements is reduced in fixed blocks whose
// partial results are combined in order), never on the number of
// goroutines.
func (u *Ufunc) Reduce(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	cfg := newConfig(opts)
	if !cfg.axisSet {
		cfg.setAxes([]int{0})
	}
	return u.reduce(a, &cfg)
}

// reduceArgs checks that u is binary and a is usable.
func (u *Ufunc) reduceArgs(a *ndarray.Array, method string) error {
	if u.nin != 2 || u.nout != 1 {
		return &ArgError{Ufunc: u.name, Msg: method + " only supported for binary functions"}
	}
	if a == nil {
		return &ArgError{Ufunc: u.name, Msg: method + " of a nil array"}
	}
	if a.NDim() > MaxDims {
		return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("more than %d dimensions", MaxDims)}
	}
	return nil
}

// reducedAxes returns which of a's nd axes the configuration reduces
// (every axis when Axis was not given) and how many.
func reducedAxes(nd int, cfg *config) (flags [MaxDims]bool, n int, err error) {
	if !cfg.axisSet {
		for i := range nd {
			flags[i] = true
		}
		return flags, nd, nil
	}
	for _, ax := range cfg.axisList() {
		if nd == 0 && (ax == 0 || ax == -1) {
			continue // NumPy 1.24 accepts axis 0 and -1 on 0-d arrays
		}
		k, err := ndarray.NormalizeAxis(ax, nd)
		if err != nil {
			return flags, 0, err
		}
		if flags[k] {
			return flags, 0, &ndarray.AxisError{Axis: ax, NDim: nd, Msg: "duplicate value in 'axis'"}
		}
		flags[k] = true
		n++
	}
	return flags, n, nil
}

// reduceTypes returns the loop a reduction of elements of type in uses:
// the accumulator dtype (the loop's first input and its output) and the
// dtype the input is cast to. outType is Out's dtype (invalid when none).
func (u *Ufunc) reduceTypes(in, outType, forced dtype.DType) (acc, loopIn dtype.DType, loop Loop, err error) {
	in = in.Native()
	if !forced.IsValid() && !outType.IsValid() {
		forced = u.wideAccumulator(in)
	}
	first := in
	if outType.IsValid() {
		first = outType.Native()
	}
	if forced.IsValid() {
		first = forced
	}
	res, err := u.resolve([]dtype.DType{first, in}, forced)
	if err != nil {
		return acc, loopIn, nil, err
	}
	if res.in[0] != res.out[0] {
		// a loop like logical_and's dd->?: reduce in the output type
		t := res.out[0]
		r2, err2 := u.resolve([]dtype.DType{t, t}, forced)
		if err2 != nil || r2.in[0] != r2.out[0] {
			return acc, loopIn, nil, &LoopError{Ufunc: u.name, Types: []dtype.DType{first, in}}
		}
		res = r2
	}
	if res.loop.Bind != nil {
		return acc, loopIn, nil, &LoopError{Ufunc: u.name, Types: []dtype.DType{first, in}}
	}
	return res.out[0], res.in[1], res.loop.Fn, nil
}

// wideAccumulator returns the accumulator dtype np.add.reduce and
// np.multiply.reduce use for bool and integers narrower than 64 bits
// when neither DType nor Out says otherwise (the platform long, or its
// unsigned twin), and the zero DType for other ufuncs and dtypes.
func (u *Ufunc) wideAccumulator(in dtype.DType) dtype.DType {
	if u != Add && u != Multiply {
		return dtype.DType{}
	}
	switch in.Kind() {
	case dtype.KindBool:
		return dtype.Int64
	case dtype.KindInt:
		if in.Size() < 8 {
			return dtype.Int64
		}
	case dtype.KindUint:
		if in.Size() < 8 {
			return dtype.Uint64
		}
	}
	return dtype.DType{}
}

// reduce is Reduce with the options parsed; without Axis it reduces every
// axis.
func (u *Ufunc) reduce(a *ndarray.Array, cfg *config) (*ndarray.Array, error) {
	if err := u.reduceArgs(a, "reduce"); err != nil {
		return nil, err
	}
	nd := a.NDim()
	flags, nred, err := reducedAxes(nd, cfg)
	if err != nil {
		return nil, err
	}
	if nred > 1 && u.flags&reorderable == 0 {
		return nil, &ndarray.ValueError{Op: u.name, Msg: fmt.Sprintf("reduction operation '%s' is not reorderable, so at most one axis may be specified", u.name)}
	}
	if nred == nd && len(cfg.outputs()) == 0 && cfg.where == nil && !cfg.dtype.IsValid() && !cfg.keepDims &&
		cfg.initial == nil && !cfg.skipMissing {
		if res, ok := u.fastReduce(a); ok {
			return res, nil
		}
	}
	return u.reducePlan(a, cfg, flags)
}

// reducePlan is reduce for the calls fastReduce does not take. (It is
// apart because of its deferred release: a function with a defer and as
// many returns as this one pays for the defer machinery on every return,
// the fast path's included.)
func (u *Ufunc) reducePlan(a *ndarray.Array, cfg *config, flags [MaxDims]bool) (*ndarray.Array, error) {
	nd := a.NDim()
	out, err := u.singleOut(cfg)
	if err != nil {
		return nil, err
	}
	var outType dtype.DType
	if out != nil {
		outType = out.DType()
	}
	acc, loopIn, loop, err := u.reduceTypes(a.DType(), outType, cfg.dtype)
	if err != nil {
		return nil, err
	}

	// the result's shape
	shape := a.Shape()
	var rshape [MaxDims]int
	rn := 0
	count := 1
	for i, d := range shape {
		if flags[i] {
			count *= d
			if cfg.keepDims {
				rshape[rn] = 1
				rn++
			}
			continue
		}
		rshape[rn] = d
		rn++
	}
	resShape := rshape[:rn]
	if out != nil {
		if !equalShape(out.Shape(), resShape) {
			if len(out.Shape()) != rn {
				return nil, &ndarray.ShapeError{Op: u.name, Msg: fmt.Sprintf("output parameter for reduction operation %s has the wrong number of dimensions: found %d but expected %d", u.name, len(out.Shape()), rn)}
			}
			return nil, &ndarray.ShapeError{Op: u.name, Msg: fmt.Sprintf("output parameter for reduction operation %s has shape %s, expected %s", u.name, ndarray.FormatShape(out.Shape()), ndarray.FormatShape(resShape))}
		}
		if !out.IsWriteable() {
			return nil, &ndarray.ValueError{Op: u.name, Msg: "output array is read-only"}
		}
	}
	var mask *ndarray.Array
	if w := cfg.where; w != nil {
		if w.DType() != dtype.Bool {
			return nil, &dtype.CastError{From: w.DType(), To: dtype.Bool, Casting: dtype.Safe}
		}
		m, err := w.BroadcastTo(shape...)
		if err != nil {
			return nil, err
		}
		mask = m
	}
	hasInit := cfg.initial != nil || u.identity.kind != noIdentity
	if mask != nil && !hasInit {
		return nil, &ndarray.ValueError{Op: u.name, Msg: fmt.Sprintf("reduction operation '%s' does not have an identity, so to use a where mask one has to specify 'initial'", u.name)}
	}

	// the accumulator: Out itself when it has the accumulator's dtype and
	// does not share memory with the input
	res := out
	if out == nil || out.DType() != acc || overlapping(out, a) {
		res, err = ndarray.Zeros(acc, resShape...)
		if err != nil {
			return nil, err
		}
	}
	if res.Size() == 0 {
		return finishReduce(res, out)
	}
	if !hasInit && count == 0 {
		return nil, &EmptyReductionError{Op: u.name}
	}
	// the accumulator's strides over a's axes: 0 along reduced ones
	var accStrides [MaxDims]int
	j := 0
	for i := range nd {
		if flags[i] {
			if cfg.keepDims {
				j++
			}
			continue
		}
		if res.Shape()[j] != 1 {
			accStrides[i] = res.Strides()[j]
		}
		j++
	}
	r := reductionPool.Get().(*reduction)
	defer r.release()
	r.blocked = u.flags&reorderable != 0 && loopIn == acc
	r.rowSum = u == Add && acc == dtype.Float64 && loopIn == dtype.Float64
	r.floatSum = isFloatSum(u, acc, loopIn)
	r.whole = (u == Maximum || u == Minimum) && (acc == dtype.Float64 || acc == dtype.Float32) && loopIn == acc
	r.accSize = acc.Size()
	if r.blocked {
		if r.first, err = dtype.GetCast(a.DType(), acc); err != nil {
			return nil, err
		}
	}

	// A sum of narrow native integers into int64 reads them directly
	// with the widening loop instead of casting chunks to int64.
	if u == Add && loopIn == dtype.Int64 && acc == dtype.Int64 {
		if w := widenSumLoop(acc, a.DType()); w != nil {
			// The blocked decomposition combines partials with the loop,
			// whose input type is now the narrow one: run unblocked (exact
			// for integers whatever the order).
			loop, loopIn = w, a.DType()
			r.blocked, r.first = false, nil
		}
	}

	if hasInit {
		if cfg.initial != nil {
			if err := res.Fill(cfg.initial); err != nil {
				return nil, err
			}
		} else if res != out && u.identity == IdentityOf(0) && res.DType().Num() != dtype.NumUser {
			// a new array of a built-in type is zero already
		} else {
			fillIdentity(res, u.identity)
		}
		if err := r.reduceInto(res, accStrides[:nd], a, mask, loop, acc, loopIn); err != nil {
			return nil, err
		}
		return finishReduce(res, out)
	}

	// No identity: the accumulator starts as the first element along the
	// reduced axes, and the rest is combined into it. With reduced axes
	// r1 < … < rk, the rest is the union of k boxes: the elements with
	// index ≥ 1 along r_j and 0 along r_1 … r_(j-1).
	first := a
	for i := range nd {
		if flags[i] {
			if first, err = sliceAxis(first, i, 0, 1); err != nil {
				return nil, err
			}
		}
	}
	if err := copyFirst(res, accStrides[:nd], first, acc); err != nil {
		return nil, err
	}
	box := a
	for i := range nd {
		if !flags[i] {
			continue
		}
		rest, err := sliceAxis(box, i, 1, shape[i])
		if err != nil {
			return nil, err
		}
		if rest.Size() > 0 {
			if err := r.reduceInto(res, accStrides[:nd], rest, nil, loop, acc, loopIn); err != nil {
				return nil, err
			}
		}
		if box, err = sliceAxis(box, i, 0, 1); err != nil {
			return nil, err
		}
	}
	return finishReduce(res, out)
}

// fastReduce reduces every axis of a small C-contiguous array whose
// dtype is both the accumulator's and the loop's with one run of the
// loop, as reduce's plan does for such an array (its dimensions collapse
// into one run, shorter than reduceBlock), without building the plan.
// Without an identity the accumulator starts as the first element and
// the run covers the rest: reduce does that box by box, so only 1-d
// arrays are taken then. ok=false leaves the call to reduce.
func (u *Ufunc) fastReduce(a *ndarray.Array) (res *ndarray.Array, ok bool) {
	n, dt := a.Size(), a.DType()
	if k := dt.Kind(); n == 0 || n > fastMaxElems || !a.IsCContiguous() || !dt.IsNative() ||
		k < dtype.KindBool || k > dtype.KindComplex {
		return nil, false
	}
	noID := u.identity.kind == noIdentity
	if noID && a.NDim() > 1 {
		return nil, false
	}
	if u.wideAccumulator(dt).IsValid() {
		return nil, false
	}
	// The resolution reduceTypes would find: the most recent one when it
	// is for (dt, dt), which costs no allocation.
	var loop Loop
	if l := u.last.Load(); l != nil && l.key.n == 2 && l.key.t[0] == dt && l.key.t[1] == dt {
		r := l.res
		if r.in[0] != r.out[0] || r.loop.Bind != nil || r.out[0] != dt || r.in[1] != dt {
			return nil, false
		}
		loop = r.loop.Fn
	} else {
		acc, loopIn, lp, err := u.reduceTypes(dt, dtype.DType{}, dtype.DType{})
		if err != nil || acc != dt || loopIn != dt {
			return nil, false
		}
		loop = lp
	}
	var err error
	if res, err = ndarray.Zeros(dt); err != nil {
		return nil, false
	}
	sz := dt.Size()
	pa := basePtr(a)
	switch {
	case noID:
		copy(res.Buffer(), unsafe.Slice((*byte)(basePtr(a)), sz))
		pa = unsafe.Add(pa, sz)
		n--
	case u.identity != IdentityOf(0):
		fillIdentity(res, u.identity)
	}
	if n > 0 {
		var s flatArgs
		pr := basePtr(res)
		s.args, s.steps = [3]unsafe.Pointer{pr, pa, pr}, [3]int{0, sz, 0}
		s.call(loop, 3, n)
		runtime.KeepAlive(a)
	}
	return res, true
}

var reductionPool = sync.Pool{New: func() any { return new(reduction) }}

// release returns r to the pool, dropping its references to arrays.
func (r *reduction) release() {
	r.p.loop, r.first = nil, nil
	for i := range r.p.ops {
		r.p.ops[i].base, r.p.ops[i].cast = nil, nil
	}
	r.p.mask.base = nil
	reductionPool.Put(r)
}

// finishReduce casts the accumulator into Out when they differ.
func finishReduce(res, out *ndarray.Array) (*ndarray.Array, error) {
	if out == nil || out == res {
		return res, nil
	}
	if err := out.CopyFrom(res, dtype.Unsafe); err != nil {
		return nil, err
	}
	return out, nil
}

// sliceAxis returns the view a[..., lo:hi, ...] along axis.
func sliceAxis(a *ndarray.Array, axis, lo, hi int) (*ndarray.Array, error) {
	items := make([]ndarray.Index, axis+1)
	for i := range axis {
		items[i] = ndarray.Slice{}
	}
	items[axis] = ndarray.Range(lo, hi)
	return a.Slice(items...)
}

// fillIdentity sets every element of a to the identity.
func fillIdentity(a *ndarray.Array, id Identity) {
	var err error
	switch id.kind {
	case identityValue:
		err = a.Fill(id.value)
	case identityMinusOne:
		if a.DType().Kind() == dtype.KindBool {
			err = a.Fill(true)
		} else {
			err = a.Fill(int64(-1))
		}
	}
	if err != nil {
		panic(err) // a is a new array of a built-in or registered dtype
	}
}

// copyFirst casts the elements of src into the accumulator res, addressed
// by accStrides over src's axes (0 along reduced axes, where src has
// length 1).
func copyFirst(res *ndarray.Array, accStrides []int, src *ndarray.Array, acc dtype.DType) error {
	c, err := dtype.GetCast(src.DType(), acc)
	if err != nil {
		return err
	}
	var p plan
	nd := src.NDim()
	p.nd, p.nops, p.loop = nd, 2, castLoop(c)
	copy(p.shape[:], src.Shape())
	var buf [MaxDims]int
	p.setOp(0, basePtr(src), arrayStrides(buf[:], src), false)
	p.setOp(1, basePtr(res), accStrides, true)
	p.prepare()
	var s scratch
	p.run(0, p.size, &s)
	return nil
}

// reduceInto combines the elements of a (masked by mask, already
// broadcast to a's shape, when not nil) into the accumulator res,
// addressed by accStrides over a's axes.
func (r *reduction) reduceInto(res *ndarray.Array, accStrides []int, a, mask *ndarray.Array, loop Loop, acc, loopIn dtype.DType) error {
	if a.Size() == 0 {
		return nil
	}
	p := &r.p
	nd := a.NDim()
	p.nd, p.nops, p.loop, p.hasMask = nd, 3, loop, false
	copy(p.shape[:], a.Shape())
	var buf [MaxDims]int
	accBase := basePtr(res)
	p.setOp(0, accBase, accStrides, false)
	p.setOp(1, basePtr(a), arrayStrides(buf[:], a), false)
	if err := p.setCast(1, a.DType(), loopIn); err != nil {
		return err
	}
	p.setOp(2, accBase, accStrides, true)
	if mask != nil {
		p.hasMask = true
		p.mask.base = basePtr(mask)
		for k := range MaxDims {
			p.mask.strides[k] = 0
		}
		copy(p.mask.strides[:], arrayStrides(buf[:], mask))
	}
	p.prepare()
	r.run()
	return nil
}

// singleOut returns the output given with Out, if any, refusing more than
// one (reductions and accumulations have a single output).
func (u *Ufunc) singleOut(cfg *config) (*ndarray.Array, error) {
	switch len(cfg.outputs()) {
	case 0:
		return nil, nil
	case 1:
		return cfg.outputs()[0], nil
	}
	return nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("has 1 output, %d given to Out", len(cfg.outputs()))}
}
