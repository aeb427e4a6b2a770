package ufunc

import (
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// fastMaxElems is the largest call the fast path takes. Above it the
// general path's set-up is a small share of the work, and it may split
// the call across cores.
const fastMaxElems = 1 << 12

// fastScratch holds a fast call's loop arguments. It comes from a pool
// because a slice handed to a loop (a func value) escapes: taking it from
// the stack would cost an allocation per call.
type fastScratch struct {
	args  [3]unsafe.Pointer
	steps [3]int
}

var fastPool = sync.Pool{New: func() any { return new(fastScratch) }}

// fastCall is the path for the commonest small call: one or two arrays
// of one native dtype and one shape, C-contiguous, no options, and the
// ufunc's most recent resolution matching with no casts. It skips the
// general path's option parsing, broadcasting and iteration plan and
// costs the output's allocation and one run of the loop. ok=false sends
// the call down the general path, which gives the same result.
func (u *Ufunc) fastCall(x1, x2 any) (out *ndarray.Array, ok bool, err error) {
	if u.nout != 1 || u.check != nil {
		return nil, false, nil
	}
	a, isArr := x1.(*ndarray.Array)
	if !isArr || a == nil || !a.IsCContiguous() {
		return nil, false, nil
	}
	dt := a.DType()
	n := a.Size()
	if n == 0 || n > fastMaxElems || !dt.IsNative() {
		return nil, false, nil
	}
	var b *ndarray.Array
	k := sigKey{n: int8(u.nin)}
	k.t[0] = dt
	if u.nin == 2 {
		b, isArr = x2.(*ndarray.Array)
		if !isArr || b == nil || b.DType() != dt || !b.IsCContiguous() || !equalShape(a.Shape(), b.Shape()) {
			return nil, false, nil
		}
		k.t[1] = dt
	} else if u.nin != 1 {
		return nil, false, nil
	}
	l := u.last.Load()
	if l == nil || !l.key.sameTypes(&k) {
		return nil, false, nil
	}
	res := l.res
	if res.loop.Bind != nil {
		return nil, false, nil
	}
	for _, t := range res.in {
		if t != dt {
			return nil, false, nil
		}
	}
	out, err = ndarray.Empty(res.out[0], a.Shape()...)
	if err != nil {
		return nil, true, err
	}
	ops := [3]*ndarray.Array{a, b}
	ops[u.nin] = out
	s := fastPool.Get().(*fastScratch)
	runFlat(res.loop.Fn, s.args[:u.nin+1], s.steps[:u.nin+1], ops[:u.nin+1], n)
	fastPool.Put(s)
	return out, true, nil
}

// runFlat runs fn once over the n elements of two or three C-contiguous
// operands of one shape (inputs, then the output), each stepping by its
// element size.
// args and steps are its scratch; it leaves args holding no pointers, so
// pooled scratch keeps no buffer alive.
func runFlat(fn Loop, args []unsafe.Pointer, steps []int, ops []*ndarray.Array, n int) {
	for i, a := range ops {
		args[i], steps[i] = basePtr(a), a.ItemSize()
	}
	fn(args, steps, n)
	// Single stores: clear(args), or a loop the compiler turns into
	// it, costs a bulk write barrier, several times the whole call of a
	// small operation while the collector runs.
	args[0], args[1] = nil, nil
	if len(args) > 2 {
		args[2] = nil
	}
}

// direct runs a call whose operands need no iteration plan: every input
// an array of the loop's own (built-in) dtype, C-contiguous and of one
// shape, the output given (Out, of the loop's dtype, C-contiguous, that
// shape, identical to an input or apart from them) or newly allocated,
// no where= mask, and fewer elements than are split across cores. The
// loop then runs once over the whole buffer. It reports false, having
// done nothing, for every other call.
func (u *Ufunc) direct(st *callState, res *resolution) (bool, error) {
	if u.nout != 1 || u.nin > 2 || st.cfg.where != nil || len(st.cfg.out) > 1 {
		return false, nil
	}
	a := st.arrays[0]
	n := a.Size()
	if n == 0 || n >= ParallelThreshold {
		return false, nil
	}
	for i := range u.nin {
		x := st.arrays[i]
		if st.isWeak[i] || x.DType() != res.in[i] || x.DType().Num() == dtype.NumUser ||
			!x.IsCContiguous() || (i > 0 && !equalShape(x.Shape(), a.Shape())) {
			return false, nil
		}
	}
	var out *ndarray.Array
	if len(st.cfg.out) == 1 && st.cfg.out[0] != nil {
		out = st.cfg.out[0]
		if out.DType() != res.out[0] || !out.IsCContiguous() || !out.IsWriteable() || !equalShape(out.Shape(), a.Shape()) {
			return false, nil
		}
		for i := range u.nin {
			if x := st.arrays[i]; overlapping(x, out) && !sameLayout(x, out, a.Shape()) {
				return false, nil
			}
		}
	} else {
		if res.out[0].Num() == dtype.NumUser || (st.cfg.orderSet && st.cfg.order == ndarray.F && a.NDim() > 1) {
			return false, nil
		}
		var err error
		if out, err = ndarray.Empty(res.out[0], a.Shape()...); err != nil {
			return true, err
		}
	}
	st.arrays[u.nin] = out
	s := &st.scratch
	runFlat(res.loop.Fn, s.args[:u.nin+1], s.steps[:u.nin+1], st.arrays[:u.nin+1], n)
	return true, nil
}
