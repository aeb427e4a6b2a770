package ufunc

import (
	"fmt"
	"sync"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// callState is everything one call needs, pooled so that a call allocates
// only its results.
type callState struct {
	cfg     config
	nargs   int
	arrays  [maxOperands]*ndarray.Array // inputs (scalars converted), then outputs
	weaks   [maxOperands]weak
	isWeak  [maxOperands]bool
	inTypes [maxOperands]dtype.DType
	shape   [MaxDims]int
	nd      int
	plan    plan
	scratch scratch
}

var statePool = sync.Pool{New: func() any { return new(callState) }}

func getState() *callState {
	st := statePool.Get().(*callState)
	st.cfg = defaultConfig()
	return st
}

// putState drops the state's references to arrays and loops (so the pool
// keeps nothing alive) and returns it to the pool.
func putState(st *callState) {
	if st.cfg.out != nil || st.cfg.out1 != nil || st.cfg.where != nil || st.cfg.initial != nil {
		st.cfg = config{}
	}
	n := st.plan.nops
	for i := range st.arrays {
		if st.arrays[i] != nil {
			st.arrays[i] = nil
		}
	}
	for i := range n {
		st.plan.ops[i].base, st.plan.ops[i].cast = nil, nil
		st.scratch.args[i] = nil
	}
	st.plan.loop, st.plan.nops = nil, 0
	if st.plan.hasMask {
		st.plan.mask.base, st.plan.hasMask = nil, false
	}
	statePool.Put(st)
}

// Call applies the ufunc element-wise and returns its first output. args
// are the NIn operands — arrays (*ndarray.Array) or Go scalars (bool,
// integers, floats, complex numbers, float16.Float16), which are weak
// operands as in NEP 50, or Go strings, weak text that takes the text
// kind of the array operands (U beside U, S beside S, a variable-length
// string beside strings or categoricals, U otherwise, so that
// Equal.Call(a, "x") compares as NumPy's a == "x") — followed by options
// (Out, Where, DType, Casting, Order).
func (u *Ufunc) Call(args ...any) (*ndarray.Array, error) {
	// The operands, or the operands and one option, may take the fast
	// path.
	var opt [1]Option
	fast := u.nin <= 2 && len(args) == u.nin
	if !fast && u.nin <= 2 && len(args) == u.nin+1 {
		opt[0], fast = args[u.nin].(Option)
	}
	if fast {
		var x2 any
		if u.nin == 2 {
			x2 = args[1]
		}
		if out, ok, err := u.fastCall(args[0], x2, opt[:len(args)-u.nin]); ok {
			return out, err
		}
	}
	st := getState()
	defer putState(st)
	if err := u.apply(st, args, nil); err != nil {
		return nil, err
	}
	return st.arrays[u.nin], nil
}

// Call1 is Call for a one-input ufunc, with the operand and the options
// apart (the form the root package's functions use).
func (u *Ufunc) Call1(x any, opts ...Option) (*ndarray.Array, error) {
	if u.nin == 1 {
		if out, ok, err := u.fastCall(x, nil, opts); ok {
			return out, err
		}
	}
	return u.callOps(opts, x)
}

// Call2 is Call for a two-input ufunc, with the operands and the options
// apart.
func (u *Ufunc) Call2(x1, x2 any, opts ...Option) (*ndarray.Array, error) {
	if u.nin == 2 {
		if out, ok, err := u.fastCall(x1, x2, opts); ok {
			return out, err
		}
	}
	return u.callOps(opts, x1, x2)
}

// Call3 is Call for a three-input ufunc (clip), with the operands and the
// options apart.
func (u *Ufunc) Call3(x1, x2, x3 any, opts ...Option) (*ndarray.Array, error) {
	return u.callOps(opts, x1, x2, x3)
}

func (u *Ufunc) callOps(opts []Option, operands ...any) (*ndarray.Array, error) {
	st := getState()
	defer putState(st)
	if err := u.apply(st, operands, opts); err != nil {
		return nil, err
	}
	return st.arrays[u.nin], nil
}

// CallN is Call returning every output (divmod, modf and frexp have two).
func (u *Ufunc) CallN(args ...any) ([]*ndarray.Array, error) {
	st := getState()
	defer putState(st)
	if err := u.apply(st, args, nil); err != nil {
		return nil, err
	}
	out := make([]*ndarray.Array, u.nout)
	copy(out, st.arrays[u.nin:u.nin+u.nout])
	return out, nil
}

// parseArgs splits args into operands and options; opts are further
// options.
func (u *Ufunc) parseArgs(st *callState, args []any, opts []Option) error {
	st.cfg.apply(opts)
	n := 0
	for _, a := range args {
		switch v := a.(type) {
		case Option:
			st.cfg.apply([]Option{v})
			continue
		}
		if n >= u.nin {
			return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("takes %d operands, got more", u.nin)}
		}
		switch v := a.(type) {
		case *ndarray.Array:
			if v == nil {
				return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("operand %d is a nil array", n)}
			}
			st.arrays[n], st.isWeak[n] = v, false
		case string:
			// Go text is a weak operand of the array operands' text kind
			st.arrays[n], st.weaks[n], st.isWeak[n] = nil, weakText(v), true
		default:
			w, ok := asWeak(a)
			if !ok {
				return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("operand %d has unsupported type %s", n, describe(a))}
			}
			st.arrays[n], st.weaks[n], st.isWeak[n] = nil, w, true
		}
		n++
	}
	if n != u.nin {
		return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("takes %d operands, got %d", u.nin, n)}
	}
	if len(st.cfg.outputs()) > u.nout {
		return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("has %d outputs, %d given to Out", u.nout, len(st.cfg.outputs()))}
	}
	return nil
}

// inputTypes fills st.inTypes: arrays' dtypes, and for weak scalars the
// dtype NEP 50 gives them beside the arrays.
func (u *Ufunc) inputTypes(st *callState) {
	weak := false
	for i := range u.nin {
		if st.isWeak[i] {
			weak = true
		} else {
			st.inTypes[i] = st.arrays[i].DType()
		}
	}
	if !weak {
		return // the common case: the promotion below serves weak operands only
	}
	var strong, text dtype.DType
	for i := range u.nin {
		if st.isWeak[i] {
			continue
		}
		t := st.arrays[i].DType().Native()
		text = textContext(text, t)
		if !strong.IsValid() {
			strong = t
		} else if r, err := dtype.Promote(strong, t); err == nil {
			strong = r
		}
	}
	for i := range u.nin {
		if st.isWeak[i] && st.weaks[i].text {
			st.inTypes[i] = weakTextType(st.weaks[i], text)
		} else if st.isWeak[i] {
			st.inTypes[i] = weakType(st.weaks[i], strong)
		}
	}
}

// apply runs one call: st.arrays[nin:nin+nout] hold the outputs after.
func (u *Ufunc) apply(st *callState, args []any, opts []Option) error {
	if err := u.parseArgs(st, args, opts); err != nil {
		return err
	}
	u.inputTypes(st)
	res, err := u.resolve(st.inTypes[:u.nin], st.cfg.dtype)
	if err != nil {
		return err
	}
	for i := range u.nin {
		if st.isWeak[i] {
			a, err := st.weaks[i].array(st.inTypes[i])
			if err != nil {
				return err
			}
			st.arrays[i] = a
		} else if st.inTypes[i] != res.in[i] && !dtype.CanCast(st.inTypes[i], res.in[i], st.cfg.casting) {
			return &dtype.CastError{From: st.inTypes[i], To: res.in[i], Casting: st.cfg.casting}
		}
	}
	if u.check != nil {
		if err := u.check(st.arrays[:u.nin], res.in); err != nil {
			return err
		}
	}
	if done, err := u.direct(st, res); done || err != nil {
		return err
	}
	if err := u.broadcast(st); err != nil {
		return err
	}
	if err := u.outputs(st, res); err != nil {
		return err
	}
	if res.loop.Bind != nil {
		if res, err = bindLoop(res, st.arrays[:u.nin+u.nout]); err != nil {
			return err
		}
	}
	return u.execute(st, res)
}

// broadcast computes the iteration shape from the inputs, the given
// outputs and the mask.
func (u *Ufunc) broadcast(st *callState) error {
	nd := 0
	consider := func(a *ndarray.Array) {
		if a != nil {
			nd = max(nd, a.NDim())
		}
	}
	for i := range u.nin {
		consider(st.arrays[i])
	}
	for _, o := range st.cfg.outputs() {
		consider(o)
	}
	consider(st.cfg.where)
	if nd > MaxDims {
		return &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("more than %d dimensions", MaxDims)}
	}
	st.nd = nd
	for i := range nd {
		st.shape[i] = 1
	}
	merge := func(a *ndarray.Array) bool {
		lead := nd - a.NDim()
		for i, d := range a.Shape() {
			k := lead + i
			switch {
			case st.shape[k] == d || d == 1:
			case st.shape[k] == 1:
				st.shape[k] = d
			default:
				return false
			}
		}
		return true
	}
	for i := range u.nin {
		if !merge(st.arrays[i]) {
			return u.broadcastError(st)
		}
	}
	for _, o := range st.cfg.outputs() {
		if o != nil && !merge(o) {
			return u.broadcastError(st)
		}
	}
	if st.cfg.where != nil && !merge(st.cfg.where) {
		return u.broadcastError(st)
	}
	return nil
}

func (u *Ufunc) broadcastError(st *callState) error {
	var shapes [][]int
	for i := range u.nin {
		shapes = append(shapes, append([]int(nil), st.arrays[i].Shape()...))
	}
	for _, o := range st.cfg.outputs() {
		if o != nil {
			shapes = append(shapes, append([]int(nil), o.Shape()...))
		}
	}
	if st.cfg.where != nil {
		shapes = append(shapes, append([]int(nil), st.cfg.where.Shape()...))
	}
	return &ndarray.BroadcastError{Shapes: shapes}
}

// outputs checks the given outputs and allocates the missing ones.
func (u *Ufunc) outputs(st *callState, res *resolution) error {
	shape := st.shape[:st.nd]
	for k := range u.nout {
		var o *ndarray.Array
		if k < len(st.cfg.outputs()) {
			o = st.cfg.outputs()[k]
		}
		if o == nil {
			a, err := u.allocOut(st, res.out[k])
			if err != nil {
				return err
			}
			st.arrays[u.nin+k] = a
			continue
		}
		if !equalShape(o.Shape(), shape) {
			return &ndarray.ShapeError{Op: u.name, Msg: fmt.Sprintf("output operand with shape %s does not match the broadcast shape %s",
				ndarray.FormatShape(o.Shape()), ndarray.FormatShape(shape))}
		}
		if !o.IsWriteable() {
			return &ndarray.ValueError{Op: u.name, Msg: "output array is read-only"}
		}
		if !dtype.CanCast(res.out[k], o.DType(), st.cfg.casting) {
			return &dtype.CastError{From: res.out[k], To: o.DType(), Casting: st.cfg.casting}
		}
		st.arrays[u.nin+k] = o
	}
	return nil
}

func equalShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// allocOut allocates an output of the broadcast shape. Without Order it
// follows the memory order of the inputs (NumPy's order='K').
func (u *Ufunc) allocOut(st *callState, dt dtype.DType) (*ndarray.Array, error) {
	shape := st.shape[:st.nd]
	if st.cfg.orderSet {
		return newOut(st, dt, st.cfg.order, shape)
	}
	if st.nd < 2 {
		return newOut(st, dt, ndarray.C, shape)
	}
	allC := true
	for i := range u.nin {
		if a := st.arrays[i]; a.NDim() >= 2 && !a.IsCContiguous() {
			allC = false
		}
	}
	if allC {
		return newOut(st, dt, ndarray.C, shape)
	}
	// order the axes by the inputs' strides
	var ops [maxOperands]operand
	var all [maxOperands]*[MaxDims]int
	k := 0
	for i := range u.nin {
		a := st.arrays[i]
		if a.NDim() < 2 {
			continue
		}
		setOperand(&ops[k], a, shape)
		all[k] = &ops[k].strides
		k++
	}
	var perm [MaxDims]int
	bestOrder(perm[:st.nd], all[:k])
	identity := true
	for i, p := range perm[:st.nd] {
		if p != i {
			identity = false
		}
	}
	if identity {
		return newOut(st, dt, ndarray.C, shape)
	}
	var pshape, inv [MaxDims]int
	for i, p := range perm[:st.nd] {
		pshape[i] = shape[p]
		inv[p] = i
	}
	a, err := newOut(st, dt, ndarray.C, pshape[:st.nd])
	if err != nil {
		return nil, err
	}
	return a.Permute(inv[:st.nd]...)
}

// newOut makes a result the call allocates: uninitialized, since the
// loop writes every element, unless a where= mask leaves some unwritten
// (those are zero).
func newOut(st *callState, dt dtype.DType, order ndarray.Order, shape []int) (*ndarray.Array, error) {
	if st.cfg.where != nil {
		return ndarray.ZerosOrder(dt, order, shape...)
	}
	return ndarray.Uninitialized(dt, order, shape...)
}

// contiguous reports whether the call can run as one flat loop: no mask,
// every input either 0-d or C-contiguous with the result's shape and of
// its loop's dtype, every output C-contiguous of its loop's dtype, and no
// output partly overlapping an input. It then sets up that 1-d plan.
func (u *Ufunc) contiguous(st *callState, res *resolution) bool {
	if st.cfg.where != nil {
		return false
	}
	shape := st.shape[:st.nd]
	size := 1
	for _, d := range shape {
		size *= d
	}
	p := &st.plan
	nops := u.nin + u.nout
	for i := range nops {
		a := st.arrays[i]
		var want dtype.DType
		if i < u.nin {
			want = res.in[i]
		} else {
			want = res.out[i-u.nin]
		}
		if a.DType() != want {
			return false
		}
		step := a.ItemSize()
		switch {
		case i < u.nin && a.NDim() == 0:
			step = 0
		case !a.IsCContiguous() || !equalShape(a.Shape(), shape):
			return false
		}
		p.ops[i].base, p.ops[i].strides[0], p.ops[i].cast, p.ops[i].out = basePtr(a), step, nil, i >= u.nin
	}
	for i := range u.nin {
		for k := range u.nout {
			a, o := st.arrays[i], st.arrays[u.nin+k]
			if overlapping(a, o) && (a.NDim() == 0 || a.Offset() != o.Offset() || a.ItemSize() != o.ItemSize()) {
				return false
			}
		}
	}
	p.nd, p.nops, p.loop, p.hasMask, p.casts, p.evens = 1, nops, res.loop.Fn, false, false, false
	p.shape[0], p.size = size, size
	return true
}

// execute prepares the plan for the operands in st and runs it.
func (u *Ufunc) execute(st *callState, res *resolution) error {
	if u.contiguous(st, res) {
		p := &st.plan
		switch {
		case p.size == 0:
		case p.size < ParallelThreshold:
			// one flat run: hand the loop the operands directly
			sc := &st.scratch
			for i := range p.nops {
				sc.args[i], sc.steps[i] = p.ops[i].base, p.ops[i].strides[0]
			}
			p.loop(sc.args[:p.nops], sc.steps[:p.nops], p.size)
		default:
			runPlan(p, &st.scratch)
		}
		return nil
	}
	shape := st.shape[:st.nd]
	p := &st.plan
	p.nd, p.nops, p.loop, p.hasMask = st.nd, u.nin+u.nout, res.loop.Fn, false
	copy(p.shape[:], shape)
	// inputs overlapping an output (other than the very same elements)
	// are copied first, so results are as if computed from copies
	for i := range u.nin {
		a := st.arrays[i]
		for k := range u.nout {
			o := st.arrays[u.nin+k]
			if overlapping(a, o) && !sameLayout(a, o, shape) {
				a = a.Copy()
				st.arrays[i] = a
				break
			}
		}
	}
	for i := range p.nops {
		a := st.arrays[i]
		op := &p.ops[i]
		setOperand(op, a, shape)
		var loopType dtype.DType
		if i < u.nin {
			loopType = res.in[i]
		} else {
			loopType = res.out[i-u.nin]
			op.out = true
		}
		op.lsize = loopType.Size()
		if a.DType() != loopType {
			var err error
			if op.out {
				op.cast, err = dtype.GetCast(loopType, a.DType())
			} else {
				op.cast, err = dtype.GetCast(a.DType(), loopType)
			}
			if err != nil {
				return err
			}
		}
	}
	if w := st.cfg.where; w != nil {
		if w.DType() != dtype.Bool {
			return &dtype.CastError{From: w.DType(), To: dtype.Bool, Casting: dtype.Safe}
		}
		p.hasMask = true
		setOperand(&p.mask, w, shape)
	}
	size := 1
	for _, d := range shape {
		size *= d
	}
	if size == 0 {
		return nil
	}
	p.prepare()
	runPlan(p, &st.scratch)
	return nil
}

// overlapping reports whether two arrays' elements may share memory.
func overlapping(a, b *ndarray.Array) bool {
	ab, bb := a.Buffer(), b.Buffer()
	if len(ab) == 0 || len(bb) == 0 || &ab[0] != &bb[0] || a.Size() == 0 || b.Size() == 0 {
		return false
	}
	alo, ahi := extent(a)
	blo, bhi := extent(b)
	return alo < bhi && blo < ahi
}

func extent(a *ndarray.Array) (lo, hi int) {
	lo, hi = a.Offset(), a.Offset()
	for i, d := range a.Shape() {
		e := (d - 1) * a.Strides()[i]
		if e < 0 {
			lo += e
		} else {
			hi += e
		}
	}
	return lo, hi + a.ItemSize()
}

// sameLayout reports whether a, broadcast to shape, addresses exactly the
// elements of o in the same order with the same type size, so an
// element-wise loop reads each element before writing it.
func sameLayout(a, o *ndarray.Array, shape []int) bool {
	if a.Offset() != o.Offset() || a.ItemSize() != o.ItemSize() || a.NDim() != o.NDim() {
		return false
	}
	for i := range a.Shape() {
		if a.Shape()[i] != o.Shape()[i] || (a.Shape()[i] > 1 && a.Strides()[i] != o.Strides()[i]) {
			return false
		}
	}
	return true
}
