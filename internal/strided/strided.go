// Package strided walks the elements of strided N-dimensional layouts, one
// innermost run at a time, so that per-element work stays in tight loops.
package strided

import "unsafe"

// Inner2 processes n elements of a two-operand loop: dst and src point at
// the first elements, ds and ss are their byte strides.
type Inner2 func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int)

// Coalesce merges adjacent dimensions that every operand steps through as
// one (stride[i] == stride[i+1]*shape[i+1]) and drops dimensions of length
// 1, in place. It returns the new number of dimensions. shape and each
// strides slice must have the same length. A zero-size shape is left as is.
func Coalesce(shape []int, strides ...[]int) int {
	n := 0
	for i := range shape {
		if shape[i] == 0 {
			return len(shape)
		}
	}
	for i := range shape {
		if shape[i] == 1 {
			continue
		}
		if n > 0 {
			ok := true
			for _, st := range strides {
				if st[n-1] != st[i]*shape[i] {
					ok = false
					break
				}
			}
			if ok {
				shape[n-1] *= shape[i]
				for _, st := range strides {
					st[n-1] = st[i]
				}
				continue
			}
		}
		shape[n] = shape[i]
		for _, st := range strides {
			st[n] = st[i]
		}
		n++
	}
	return n
}

// layout2 is a coalesced copy of a two-operand layout, kept on the
// caller's stack for up to 8 dimensions.
type layout2 struct {
	buf [3 * 8]int
}

// coalesce copies shape and strides and coalesces the copy (see
// Coalesce). It reports false for an empty shape (a zero dimension).
func (l *layout2) coalesce(shape, dstStrides, srcStrides []int) (sh, ds, ss []int, ok bool) {
	nd := len(shape)
	if nd <= 8 {
		sh, ds, ss = l.buf[0:nd], l.buf[8:8+nd], l.buf[16:16+nd]
	} else {
		b := make([]int, 3*nd)
		sh, ds, ss = b[:nd], b[nd:2*nd], b[2*nd:]
	}
	copy(sh, shape)
	copy(ds, dstStrides)
	copy(ss, srcStrides)
	for _, d := range sh {
		if d == 0 {
			return nil, nil, nil, false
		}
	}
	nd = Coalesce(sh, ds, ss)
	return sh[:nd], ds[:nd], ss[:nd], true
}

// Loop2 calls inner on every innermost run of a two-operand layout. The
// operands share shape; dst and src point at their first elements. The
// dimensions are coalesced first, so contiguous operands make one call.
// shape and the strides are not modified.
func Loop2(shape []int, dst unsafe.Pointer, dstStrides []int, src unsafe.Pointer, srcStrides []int, inner Inner2) {
	var l layout2
	sh, ds, ss, ok := l.coalesce(shape, dstStrides, srcStrides)
	if !ok {
		return
	}
	nd := len(sh)
	if nd == 0 {
		inner(dst, 0, src, 0, 1)
		return
	}
	last := nd - 1
	n, dIn, sIn := sh[last], ds[last], ss[last]
	if nd == 1 {
		inner(dst, dIn, src, sIn, n)
		return
	}
	if nd >= 2 && crossed(sh[nd-2:nd], ds[nd-2:nd], ss[nd-2:nd]) {
		loop2Bands(sh[:nd], dst, ds[:nd], src, ss[:nd], inner)
		return
	}
	var ibuf [8]int
	idx := ibuf[:0]
	if last <= 8 {
		idx = ibuf[:last]
	} else {
		idx = make([]int, last)
	}
	// Offsets are kept as integers and a pointer is formed only for the
	// start of a run, so no pointer ever points outside the operands.
	dOff, sOff := 0, 0
	for {
		inner(unsafe.Add(dst, dOff), dIn, unsafe.Add(src, sOff), sIn, n)
		k := last - 1
		for ; k >= 0; k-- {
			idx[k]++
			dOff += ds[k]
			sOff += ss[k]
			if idx[k] < sh[k] {
				break
			}
			dOff -= ds[k] * sh[k]
			sOff -= ss[k] * sh[k]
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// crossed reports whether the last two dimensions of a two-operand
// layout are ordered oppositely for the two operands (each steps
// through a different one with the smaller stride: a transpose), and
// are large enough for a banded walk to pay.
func crossed(shape, ds, ss []int) bool {
	if shape[0] < minTile || shape[1] < minTile {
		return false
	}
	return (abs(ss[0]) < abs(ss[1])) != (abs(ds[0]) < abs(ds[1])) &&
		abs(ss[0]) != abs(ss[1]) && abs(ds[0]) != abs(ds[1])
}

// loop2Bands walks a crossed layout (see crossed) so that every call of
// inner reads a run of the source along the dimension it steps through
// with the smaller stride, in bands of tileBand runs of at most tileRun
// elements: the destination lines a band writes (one per element of a
// run) stay in cache until the band has filled them, instead of one
// cache miss per element on one side.
func loop2Bands(shape []int, dst unsafe.Pointer, ds []int, src unsafe.Pointer, ss []int, inner Inner2) {
	nd := len(shape)
	i, j := nd-2, nd-1
	if abs(ss[i]) < abs(ss[j]) {
		i, j = j, i // j: the source's inner dimension
	}
	forEach(shape[:nd-2], ds[:nd-2], ss[:nd-2], func(dOff, sOff int) {
		for i0 := 0; i0 < shape[i]; i0 += tileBand {
			i1 := min(i0+tileBand, shape[i])
			for j0 := 0; j0 < shape[j]; j0 += tileRun {
				n := min(tileRun, shape[j]-j0)
				for r := i0; r < i1; r++ {
					inner(unsafe.Add(dst, dOff+r*ds[i]+j0*ds[j]), ds[j], unsafe.Add(src, sOff+r*ss[i]+j0*ss[j]), ss[j], n)
				}
			}
		}
	})
}
