package ufunc

import (
	"runtime"
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// fastMaxElems is the largest call the fast path takes. Above it the
// general path's set-up is a small share of the work, and it may split
// the call across cores.
const fastMaxElems = 1 << 12

// flatArgs holds the loop arguments of a call that runs its loop once
// over whole C-contiguous operands (fastCall and the paths it takes,
// direct, fastReduce). It lives on the caller's stack: stores into it
// need no write barriers, which cost more than the rest of a small call
// while the collector runs, and it costs no allocation and no pool
// (call hands the loop slices of it without their escaping).
type flatArgs struct {
	args  [3]unsafe.Pointer
	steps [3]int
	// scalar holds a Go scalar operand converted to the loop's type
	// (fastScalar).
	scalar [2]uint64
}

// fastCall is the path for the commonest small call: one or two
// C-contiguous arrays of one native dtype, of one shape or shapes that
// broadcast (see fastBroadcast), or such an array and a Go scalar of
// that dtype by NEP 50 (see fastScalar); no options but Out (see
// fastOut); and the ufunc's most recent resolution a loop of that dtype
// alone (see newLast), or, for two arrays of one shape and no options,
// a loop their dtypes are cast to (see fastMixed). It skips the general path's option parsing,
// broadcasting and iteration plan and costs the output's allocation and
// one run of the loop. ok=false sends the call down the general path,
// which gives the same result.
func (u *Ufunc) fastCall(x1, x2 any, opts []Option) (out *ndarray.Array, ok bool, err error) {
	l := u.last.Load()
	if l == nil {
		return nil, false, nil
	}
	if l.fn == nil {
		if l.mixed != nil && len(opts) == 0 {
			return u.fastMixed(l, x1, x2)
		}
		return nil, false, nil
	}
	dt := l.flat
	a, isArr := x1.(*ndarray.Array)
	if !isArr && l.key.n == 2 && len(opts) == 0 {
		// a Go scalar, then an array
		if b, ok := x2.(*ndarray.Array); ok && fastOperand(b, dt) {
			return u.fastScalar(l, b, x1, true)
		}
		return nil, false, nil
	}
	if !isArr || !fastOperand(a, dt) {
		return nil, false, nil
	}
	n := a.Size()
	var b *ndarray.Array
	if l.key.n == 2 {
		b, isArr = x2.(*ndarray.Array)
		if !isArr && len(opts) == 0 {
			return u.fastScalar(l, a, x2, false)
		}
		if !isArr || !fastOperand(b, dt) {
			return nil, false, nil
		}
		if !equalShape(a.Shape(), b.Shape()) {
			if len(opts) > 0 {
				return nil, false, nil
			}
			return u.fastBroadcast(l, a, b)
		}
	}
	if len(opts) > 0 {
		return u.fastOut(l, a, b, n, opts)
	}
	out, err = ndarray.Uninitialized(l.out, ndarray.C, a.Shape()...)
	if err != nil {
		return nil, true, err
	}
	var s flatArgs
	s.args[0], s.steps[0] = basePtr(a), a.ItemSize()
	m := 1
	if b != nil {
		s.args[1], s.steps[1] = basePtr(b), b.ItemSize()
		m = 2
	}
	s.args[m], s.steps[m] = basePtr(out), out.ItemSize()
	s.call(l.fn, m+1, n)
	runtime.KeepAlive(a) // their buffers, which s holds pointers into
	runtime.KeepAlive(b)
	return out, true, nil
}

// fastBroadcastRows is the most inner loops fastBroadcast runs: beyond
// it the general path, which collapses and reorders dimensions, runs
// fewer.
const fastBroadcastRows = 64

// fastBroadcast finishes fastCall for two arrays of different shapes: it
// broadcasts them (up to four dimensions) and runs the loop once
// per row of the result's last dimension, a broadcast operand stepping
// by 0. Shapes that do not broadcast, and results of more than
// fastBroadcastRows rows, take the general path (which reports the
// error).
func (u *Ufunc) fastBroadcast(l *lastResolution, a, b *ndarray.Array) (*ndarray.Array, bool, error) {
	const maxDims = 4
	as, bs := a.Shape(), b.Shape()
	nd := max(len(as), len(bs))
	if nd > maxDims {
		return nil, false, nil
	}
	var shape, sa, sb [maxDims]int
	size := a.ItemSize()
	stepA, stepB := size, size // the C-order byte stride of the next dimension in
	for i := nd - 1; i >= 0; i-- {
		da, db := 1, 1
		if j := i - (nd - len(as)); j >= 0 {
			da = as[j]
		}
		if j := i - (nd - len(bs)); j >= 0 {
			db = bs[j]
		}
		switch {
		case da == db:
			shape[i] = da
		case da == 1:
			shape[i] = db
		case db == 1:
			shape[i] = da
		default:
			return nil, false, nil
		}
		if da != 1 {
			sa[i] = stepA
		}
		if db != 1 {
			sb[i] = stepB
		}
		stepA *= da
		stepB *= db
	}
	inner := shape[nd-1]
	n := 1
	for _, d := range shape[:nd] {
		n *= d
	}
	if n == 0 || n > fastMaxElems || n/inner > fastBroadcastRows {
		return nil, false, nil
	}
	out, err := ndarray.Uninitialized(l.out, ndarray.C, shape[:nd]...)
	if err != nil {
		return nil, true, err
	}
	var s flatArgs
	pa, pb, po := basePtr(a), basePtr(b), basePtr(out)
	s.steps = [3]int{sa[nd-1], sb[nd-1], out.ItemSize()}
	rowBytes := inner * out.ItemSize()
	var idx [maxDims]int
	for row := range n / inner {
		offA, offB := 0, 0
		for i := range nd - 1 {
			offA += idx[i] * sa[i]
			offB += idx[i] * sb[i]
		}
		s.args = [3]unsafe.Pointer{unsafe.Add(pa, offA), unsafe.Add(pb, offB), unsafe.Add(po, row*rowBytes)}
		s.call(l.fn, 3, inner)
		for i := nd - 2; i >= 0; i-- { // the next row's index
			if idx[i]++; idx[i] < shape[i] {
				break
			}
			idx[i] = 0
		}
	}
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
	return out, true, nil
}

// mixedBuf is the pooled space fastMixed casts inputs into.
type mixedBuf struct{ b []byte }

var mixedPool = sync.Pool{New: func() any { return new(mixedBuf) }}

// fastMixed finishes fastCall for two C-contiguous arrays of one shape
// whose dtypes the most recent resolution casts to its loop's (see
// setMixed): the inputs that need it are cast whole into pooled space,
// with the casts the general path applies chunk by chunk, and the loop
// runs once.
func (u *Ufunc) fastMixed(l *lastResolution, x1, x2 any) (*ndarray.Array, bool, error) {
	a, ok := x1.(*ndarray.Array)
	if !ok || !fastOperand(a, l.key.t[0]) {
		return nil, false, nil
	}
	b, ok := x2.(*ndarray.Array)
	if !ok || !fastOperand(b, l.key.t[1]) || !equalShape(a.Shape(), b.Shape()) {
		return nil, false, nil
	}
	out, err := ndarray.Uninitialized(l.out, ndarray.C, a.Shape()...)
	if err != nil {
		return nil, true, err
	}
	n := a.Size()
	m := mixedPool.Get().(*mixedBuf)
	if need := n * (l.inSz[0] + l.inSz[1]); len(m.b) < need {
		m.b = make([]byte, need)
	}
	var s flatArgs
	off := 0
	for i, x := range [2]*ndarray.Array{a, b} {
		p := basePtr(x)
		if c := l.casts[i]; c != nil {
			dst := unsafe.Pointer(&m.b[off])
			c(dst, l.inSz[i], p, x.ItemSize(), n)
			p = dst
			off += n * l.inSz[i]
		}
		s.args[i], s.steps[i] = p, l.inSz[i]
	}
	s.args[2], s.steps[2] = basePtr(out), out.ItemSize()
	s.call(l.mixed, 3, n)
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
	mixedPool.Put(m)
	return out, true, nil
}

// fastOperand reports whether a is an array fastCall takes for a loop of
// dtype dt: of that dtype, C-contiguous, not empty and not too long.
func fastOperand(a *ndarray.Array, dt dtype.DType) bool {
	return a != nil && a.DType() == dt && a.IsCContiguous() && a.Size() > 0 && a.Size() <= fastMaxElems
}

// fastScalar finishes fastCall for an array a and a Go scalar x (first
// when first is set): the loop runs with x, converted to a's dtype, as an
// operand of step 0. It takes float64 and int scalars whose NEP 50 type
// beside a is a's dtype and whose value that dtype holds as the general
// path converts it (see setScalar); others take the general path.
func (u *Ufunc) fastScalar(l *lastResolution, a *ndarray.Array, x any, first bool) (*ndarray.Array, bool, error) {
	var s flatArgs
	if !s.setScalar(l.flat, x) {
		return nil, false, nil
	}
	out, err := ndarray.Uninitialized(l.out, ndarray.C, a.Shape()...)
	if err != nil {
		return nil, true, err
	}
	ia, is := 0, 1
	if first {
		ia, is = 1, 0
	}
	s.args[ia], s.steps[ia] = basePtr(a), a.ItemSize()
	s.args[is], s.steps[is] = unsafe.Pointer(&s.scalar), 0
	s.args[2], s.steps[2] = basePtr(out), out.ItemSize()
	s.call(l.fn, 3, a.Size())
	runtime.KeepAlive(a)
	return out, true, nil
}

// setScalar stores x converted to dt in s.scalar and reports whether it
// did: a float64 for float64 and float32, an int for the integer types
// that hold it and for float64, each rounded as the general path's cast
// rounds it.
func (s *flatArgs) setScalar(dt dtype.DType, x any) bool {
	p := unsafe.Pointer(&s.scalar)
	switch v := x.(type) {
	case float64:
		switch dt {
		case dtype.Float64:
			*(*float64)(p) = v
		case dtype.Float32:
			*(*float32)(p) = float32(v)
		default:
			return false
		}
	case int:
		switch dt {
		case dtype.Int64:
			*(*int64)(p) = int64(v)
		case dtype.Int32:
			*(*int32)(p) = int32(v)
			return int(int32(v)) == v
		case dtype.Int16:
			*(*int16)(p) = int16(v)
			return int(int16(v)) == v
		case dtype.Int8:
			*(*int8)(p) = int8(v)
			return int(int8(v)) == v
		case dtype.Uint64:
			*(*uint64)(p) = uint64(v)
			return v >= 0
		case dtype.Uint32:
			*(*uint32)(p) = uint32(v)
			return v >= 0 && int(uint32(v)) == v
		case dtype.Uint16:
			*(*uint16)(p) = uint16(v)
			return v >= 0 && int(uint16(v)) == v
		case dtype.Uint8:
			*(*uint8)(p) = uint8(v)
			return v >= 0 && int(uint8(v)) == v
		case dtype.Float64:
			*(*float64)(p) = float64(v) // rounded to nearest, as the general path's cast
		default:
			return false
		}
	default:
		return false
	}
	return true
}

// fastOut finishes fastCall for a call with options: it runs the loop
// when they give one output array and nothing else, and the output is
// of the loop's type, C-contiguous, writeable, of the inputs' shape and
// either apart from each input or laid out exactly as it is (in-place).
func (u *Ufunc) fastOut(l *lastResolution, a, b *ndarray.Array, n int, opts []Option) (*ndarray.Array, bool, error) {
	cfg := defaultConfig() // stays on the stack (see config.apply)
	cfg.apply(opts)
	out := cfg.soleOut()
	if out == nil || out.DType() != l.out || !out.IsCContiguous() || !out.IsWriteable() ||
		!equalShape(out.Shape(), a.Shape()) || clashes(a, out) || (b != nil && clashes(b, out)) {
		return nil, false, nil
	}
	ops := [3]*ndarray.Array{a, b}
	ops[l.key.n] = out
	runFlat(l.fn, n, ops[:l.key.n+1])
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
	return out, true, nil
}

// clashes reports whether writing out element by element could change an
// element of in that the loop has yet to read: their memory overlaps
// with another layout.
func clashes(in, out *ndarray.Array) bool {
	return overlapping(in, out) && !sameLayout(in, out, out.Shape())
}

// runFlat runs fn once over the n elements of two or three C-contiguous
// operands of one shape (inputs, then the output), each stepping by its
// element size. The caller keeps ops alive until runFlat returns. (Its
// flatArgs is its own, so the compiler knows the stores into it are to
// the stack and need no write barrier.)
func runFlat(fn Loop, n int, ops []*ndarray.Array) {
	var s flatArgs
	for i, a := range ops {
		s.args[i], s.steps[i] = basePtr(a), a.ItemSize()
	}
	s.call(fn, len(ops), n)
}

// call runs fn over n elements with the first m of s's arguments. A
// loop keeps neither of its slices (see Loop), so they may point into
// the caller's stack: call hides them from escape analysis, which
// cannot see into fn and would otherwise move every flatArgs to the
// heap.
func (s *flatArgs) call(fn Loop, m, n int) {
	p := (*flatArgs)(noescape(unsafe.Pointer(s)))
	fn(p.args[:m], p.steps[:m], n)
}

// noescape returns p, which escape analysis no longer connects to the
// result: the caller vouches that what p points to is not kept beyond
// its own frame. (The conversion through uintptr is of a live pointer
// held in a variable, so the collector and stack moves still see p.)
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return *(*unsafe.Pointer)(unsafe.Pointer(&x))
}

// direct runs a call whose operands need no iteration plan: every input
// an array of the loop's own (built-in) dtype, C-contiguous and of one
// shape, the output given (Out, of the loop's dtype, C-contiguous, that
// shape, identical to an input or apart from them) or newly allocated,
// no where= mask, and fewer elements than are split across cores. The
// loop then runs once over the whole buffer. It reports false, having
// done nothing, for every other call.
func (u *Ufunc) direct(st *callState, res *resolution) (bool, error) {
	if u.nout != 1 || u.nin > 2 || st.cfg.where != nil || len(st.cfg.outputs()) > 1 {
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
	if len(st.cfg.outputs()) == 1 && st.cfg.outputs()[0] != nil {
		out = st.cfg.outputs()[0]
		if out.DType() != res.out[0] || !out.IsCContiguous() || !out.IsWriteable() || !equalShape(out.Shape(), a.Shape()) {
			return false, nil
		}
		for i := range u.nin {
			if clashes(st.arrays[i], out) {
				return false, nil
			}
		}
	} else {
		if res.out[0].Num() == dtype.NumUser || (st.cfg.orderSet && st.cfg.order == ndarray.F && a.NDim() > 1) {
			return false, nil
		}
		var err error
		if out, err = ndarray.Uninitialized(res.out[0], ndarray.C, a.Shape()...); err != nil {
			return true, err
		}
	}
	st.arrays[u.nin] = out
	runFlat(res.loop.Fn, n, st.arrays[:u.nin+1])
	return true, nil
}
