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
	if l == nil || l.key != k {
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
	s := fastPool.Get().(*fastScratch)
	size := dt.Size()
	s.args[0], s.steps[0] = basePtr(a), size
	if b != nil {
		s.args[1], s.steps[1] = basePtr(b), size
	}
	s.args[u.nin], s.steps[u.nin] = basePtr(out), res.out[0].Size()
	res.loop.Fn(s.args[:u.nin+1], s.steps[:u.nin+1], n)
	s.args = [3]unsafe.Pointer{}
	fastPool.Put(s)
	return out, true, nil
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
	s := &st.scratch
	for i := range u.nin {
		s.args[i], s.steps[i] = basePtr(st.arrays[i]), res.in[i].Size()
	}
	s.args[u.nin], s.steps[u.nin] = basePtr(out), res.out[0].Size()
	res.loop.Fn(s.args[:u.nin+1], s.steps[:u.nin+1], n)
	clear(s.args[:u.nin+1]) // the pooled state keeps no buffer alive
	st.arrays[u.nin] = out
	return true, nil
}
