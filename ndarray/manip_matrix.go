package ndarray

import (
	"fmt"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

// This file holds the manipulations that compute a little: Tril and Triu
// (zeroing a triangle), Diff (differences) and Trace (sums along a
// diagonal). They work in plain Go on native-order contiguous copies.

// Tril returns a copy of a with the elements above the k-th diagonal set
// to zero, as NumPy's np.tril(a, k): k = 0 keeps the main diagonal, k > 0
// diagonals above it, k < 0 removes the main diagonal and some below.
// It works on the last two axes (a stack of matrices); a 1-d array of
// length n is read as n equal rows, as NumPy does. A 0-d array is a
// *ValueError. The result is C-ordered, in a's type (native byte order).
func Tril(a *Array, k int) (*Array, error) { return triangle(a, k, true) }

// Triu returns a copy of a with the elements below the k-th diagonal set
// to zero, as NumPy's np.triu(a, k) (see Tril).
func Triu(a *Array, k int) (*Array, error) { return triangle(a, k, false) }

func triangle(a *Array, k int, lower bool) (*Array, error) {
	op := "triu"
	if lower {
		op = "tril"
	}
	if a == nil {
		return nil, &ValueError{Op: op, Msg: "nil array"}
	}
	src := a
	switch a.NDim() {
	case 0:
		return nil, &ValueError{Op: op, Msg: "the array must have at least one dimension"}
	case 1:
		src, _ = a.BroadcastTo(a.Shape()[0], a.Shape()[0])
	}
	out, err := newArray(a.dtype.Native(), src.Shape(), C)
	if err != nil {
		return nil, err
	}
	if err := assign(out, src); err != nil {
		return nil, err
	}
	if out.size == 0 {
		return out, nil
	}
	nd := out.NDim()
	m, n := out.Shape()[nd-2], out.Shape()[nd-1]
	size := out.dtype.Size()
	buf := out.data[:out.NBytes()]
	row := n * size
	for base := 0; base < len(buf); base += m * row {
		for i := range m {
			r := buf[base+i*row : base+(i+1)*row]
			// columns j > i+k are cleared by tril, j < i+k by triu
			var lo, hi int
			if lower {
				lo, hi = clampInt(i+k+1, 0, n), n
			} else {
				lo, hi = 0, clampInt(i+k, 0, n)
			}
			clear(r[lo*size : hi*size])
		}
	}
	return out, nil
}

// clampInt limits x to [lo, hi], without overflow for any k.
func clampInt(x, lo, hi int) int { return min(max(x, lo), hi) }

// Diff returns the n-th discrete difference along axis, as NumPy's
// np.diff(a, n, axis): out[i] = a[i+1] - a[i], applied n times, so the
// axis shrinks by n (to 0 at least). Integers wrap, float16 differences
// are computed in float32 and rounded once, as NumPy does; for bool
// arrays the difference is a != (NumPy's not_equal). n = 0 returns a
// itself; a negative n or a 0-d array is a *ValueError. The result is in
// a's type (native byte order).
func Diff(a *Array, n, axis int) (*Array, error) {
	if a == nil {
		return nil, &ValueError{Op: "diff", Msg: "nil array"}
	}
	if n == 0 {
		return a, nil
	}
	if n < 0 {
		return nil, &ValueError{Op: "diff", Msg: fmt.Sprintf("order must be non-negative but got %d", n)}
	}
	if a.NDim() == 0 {
		return nil, &ValueError{Op: "diff", Msg: "diff requires input that is at least one dimensional"}
	}
	axis, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	if a.dtype.Num() == dtype.NumUser {
		return nil, &ValueError{Op: "diff", Msg: fmt.Sprintf("dtype %v not supported", a.dtype)}
	}
	cur := a
	if !a.IsCContiguous() || !a.dtype.IsNative() {
		if cur, err = a.AsType(a.dtype.Native(), dtype.Unsafe); err != nil {
			return nil, err
		}
	}
	for range n {
		l := cur.Shape()[axis]
		if l == 0 {
			break
		}
		shape := cur.shapeWith(axis, l-1)
		next, err := newArray(cur.dtype, shape, C)
		if err != nil {
			return nil, err
		}
		outer, inner := prod(cur.Shape()[:axis]), prod(cur.Shape()[axis+1:])
		if next.size > 0 {
			diffPass(next, cur, outer, l, inner)
		}
		cur = next
	}
	if cur == a {
		return a.Copy(), nil // n > 0 but nothing to difference
	}
	return cur, nil
}

// shapeWith returns a copy of a's shape with axis i set to n.
func (a *Array) shapeWith(i, n int) []int {
	s := make([]int, a.NDim())
	copy(s, a.Shape())
	s[i] = n
	return s
}

// diffPass writes one difference of src (outer × l × inner, C order)
// into dst (outer × (l-1) × inner), both native and contiguous.
func diffPass(dst, src *Array, outer, l, inner int) {
	d, s := dst.data[:dst.NBytes()], src.data[src.offset:src.offset+src.NBytes()]
	switch dst.dtype.Num() {
	case dtype.NumBool:
		diffBool(d, s, outer, l, inner)
	case dtype.NumInt8, dtype.NumUint8:
		diffNum(d, s, outer, l, inner)
	case dtype.NumInt16, dtype.NumUint16:
		diffNum(bytesAs[uint16](d), bytesAs[uint16](s), outer, l, inner)
	case dtype.NumInt32, dtype.NumUint32:
		diffNum(bytesAs[uint32](d), bytesAs[uint32](s), outer, l, inner)
	case dtype.NumInt64, dtype.NumUint64:
		diffNum(bytesAs[uint64](d), bytesAs[uint64](s), outer, l, inner)
	case dtype.NumFloat16:
		diffHalf(bytesAs[float16.Float16](d), bytesAs[float16.Float16](s), outer, l, inner)
	case dtype.NumFloat32:
		diffNum(bytesAs[float32](d), bytesAs[float32](s), outer, l, inner)
	case dtype.NumFloat64:
		diffNum(bytesAs[float64](d), bytesAs[float64](s), outer, l, inner)
	case dtype.NumComplex64:
		diffNum(bytesAs[complex64](d), bytesAs[complex64](s), outer, l, inner)
	case dtype.NumComplex128:
		diffNum(bytesAs[complex128](d), bytesAs[complex128](s), outer, l, inner)
	}
}

// number is the element types whose difference is Go's minus: unsigned
// integers stand for signed ones too (wrapping subtraction has the same
// bits).
type number interface {
	~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64 | ~complex64 | ~complex128
}

// diffRows calls f once per pair of consecutive lines along the middle
// axis of s (outer × l × inner): f(dst, x, y) computes dst = x - y.
func diffRows[T any](d, s []T, outer, l, inner int, f func(dst, x, y []T)) {
	if inner == 1 {
		for o := range outer {
			row := s[o*l : (o+1)*l]
			f(d[o*(l-1):(o+1)*(l-1)], row[1:], row[:l-1])
		}
		return
	}
	for o := range outer {
		for i := range l - 1 {
			x := s[(o*l+i+1)*inner : (o*l+i+2)*inner]
			y := s[(o*l+i)*inner : (o*l+i+1)*inner]
			f(d[(o*(l-1)+i)*inner:(o*(l-1)+i+1)*inner], x, y)
		}
	}
}

func diffNum[T number](d, s []T, outer, l, inner int) {
	diffRows(d, s, outer, l, inner, func(dst, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for j := range dst {
			dst[j] = x[j] - y[j]
		}
	})
}

// diffBool is NumPy's not_equal on bools (any nonzero byte is true).
func diffBool(d, s []byte, outer, l, inner int) {
	diffRows(d, s, outer, l, inner, func(dst, x, y []byte) {
		x, y = x[:len(dst)], y[:len(dst)]
		for j := range dst {
			dst[j] = b2u((x[j] != 0) != (y[j] != 0))
		}
	})
}

func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// diffHalf subtracts float16 values in float32 and rounds once, as
// NumPy's half loops do (exact: float32 holds 2×11+2 bits).
func diffHalf(d, s []float16.Float16, outer, l, inner int) {
	diffRows(d, s, outer, l, inner, func(dst, x, y []float16.Float16) {
		x, y = x[:len(dst)], y[:len(dst)]
		for j := range dst {
			dst[j] = float16.Fromfloat32(x[j].Float32() - y[j].Float32())
		}
	})
}

// SumType returns the type NumPy's sum (and trace) gives for elements of
// type dt: int64 for bool and signed integers, uint64 for unsigned
// integers, dt itself (in native order) for floats and complex numbers.
// Other types are returned unchanged.
func SumType(dt dtype.DType) dtype.DType {
	switch dt.Kind() {
	case dtype.KindBool, dtype.KindInt:
		return dtype.Int64
	case dtype.KindUint:
		return dtype.Uint64
	case dtype.KindFloat, dtype.KindComplex:
		return dt.Native()
	}
	return dt
}

// Trace returns the sums along diagonals of a, as NumPy's
// np.trace(a, offset, axis1, axis2): the diagonal is taken as Diagonal
// takes it and summed, so a matrix gives a 0-d array and a stack of
// matrices one sum per matrix (the shape of a without axis1 and axis2).
// The result type follows NumPy's sum (see SumType): bool and signed
// integers sum in int64 and unsigned ones in uint64 (wrapping), floats
// and complex numbers keep their type and are summed pairwise exactly as
// NumPy sums them (float16 through float32), so the bits agree.
func Trace(a *Array, offset, axis1, axis2 int) (*Array, error) {
	d, err := Diagonal(a, offset, axis1, axis2)
	if err != nil {
		return nil, err
	}
	if d.dtype.Num() == dtype.NumUser {
		return nil, &ValueError{Op: "trace", Msg: fmt.Sprintf("dtype %v not supported", d.dtype)}
	}
	// A native contiguous copy of the diagonals: one row per sum.
	c, err := d.AsType(d.dtype.Native(), dtype.Unsafe)
	if err != nil {
		return nil, err
	}
	nd := c.NDim()
	out, err := newArray(SumType(a.dtype), c.Shape()[:nd-1], C)
	if err != nil {
		return nil, err
	}
	m := c.Shape()[nd-1]
	rows := out.size
	s := c.data[:c.NBytes()]
	o := out.data[:out.NBytes()]
	switch c.dtype.Num() {
	case dtype.NumBool, dtype.NumUint8: // bools are stored as 0 or 1
		sumRows(bytesAs[int64](o), s, rows, m)
	case dtype.NumInt8:
		sumRows(bytesAs[int64](o), bytesAs[int8](s), rows, m)
	case dtype.NumInt16:
		sumRows(bytesAs[int64](o), bytesAs[int16](s), rows, m)
	case dtype.NumUint16:
		sumRows(bytesAs[int64](o), bytesAs[uint16](s), rows, m)
	case dtype.NumInt32:
		sumRows(bytesAs[int64](o), bytesAs[int32](s), rows, m)
	case dtype.NumUint32:
		sumRows(bytesAs[int64](o), bytesAs[uint32](s), rows, m)
	case dtype.NumInt64, dtype.NumUint64: // the same bits either way
		sumRows(bytesAs[int64](o), bytesAs[int64](s), rows, m)
	case dtype.NumFloat16:
		src := bytesAs[float16.Float16](s)
		dst := bytesAs[float16.Float16](o)
		tmp := make([]float32, m)
		for r := range dst {
			for i, v := range src[r*m : (r+1)*m] {
				tmp[i] = v.Float32()
			}
			dst[r] = float16.Fromfloat32(0 + pairwise(tmp))
		}
	case dtype.NumFloat32:
		src, dst := bytesAs[float32](s), bytesAs[float32](o)
		for r := range dst {
			dst[r] = 0 + pairwise(src[r*m:(r+1)*m])
		}
	case dtype.NumFloat64:
		src, dst := bytesAs[float64](s), bytesAs[float64](o)
		for r := range dst {
			dst[r] = 0 + pairwise(src[r*m:(r+1)*m])
		}
	case dtype.NumComplex64:
		src, dst := bytesAs[float32](s), bytesAs[[2]float32](o)
		for r := range dst {
			re, im := pairwiseComplex(src[2*r*m : 2*(r+1)*m])
			dst[r] = [2]float32{0 + re, 0 + im}
		}
	case dtype.NumComplex128:
		src, dst := bytesAs[float64](s), bytesAs[[2]float64](o)
		for r := range dst {
			re, im := pairwiseComplex(src[2*r*m : 2*(r+1)*m])
			dst[r] = [2]float64{0 + re, 0 + im}
		}
	}
	return out, nil
}

// sumRows sums rows of m integers of s into d in int64 (the sums wrap,
// so the order does not matter; unsigned sums have the same bits).
func sumRows[S ~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64](d []int64, s []S, rows, m int) {
	for r := range rows {
		var acc int64
		for _, v := range s[r*m : (r+1)*m] {
			acc += int64(v)
		}
		d[r] = acc
	}
}

// pwBlock is NumPy's PW_BLOCKSIZE: a run up to this long is summed with
// eight accumulators, a longer one is split in two.
const pwBlock = 128

// pairwise is NumPy's pairwise summation (pairwise_sum in
// loops_utils.h), with the same association order and so the same bits.
func pairwise[F float32 | float64](x []F) F {
	n := len(x)
	switch {
	case n < 8:
		var res F
		for _, v := range x {
			res += v
		}
		return res
	case n <= pwBlock:
		var r [8]F
		copy(r[:], x[:8])
		i := 8
		for ; i+8 <= n; i += 8 {
			for k := range 8 {
				r[k] += x[i+k]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += x[i]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return pairwise(x[:n2]) + pairwise(x[n2:])
}

// pairwiseComplex is NumPy's pairwise summation of complex numbers stored
// as interleaved parts (the complex variant of pairwise_sum, which counts
// parts, not elements).
func pairwiseComplex[F float32 | float64](x []F) (re, im F) {
	n := len(x)
	switch {
	case n < 8:
		for i := 0; i < n; i += 2 {
			re += x[i]
			im += x[i+1]
		}
		return re, im
	case n <= pwBlock:
		var r [8]F
		copy(r[:], x[:8])
		i := 8
		for ; i+8 <= n; i += 8 {
			for k := range 8 {
				r[k] += x[i+k]
			}
		}
		re = (r[0] + r[2]) + (r[4] + r[6])
		im = (r[1] + r[3]) + (r[5] + r[7])
		for ; i < n; i += 2 {
			re += x[i]
			im += x[i+1]
		}
		return re, im
	}
	n2 := n / 2
	n2 -= n2 % 8
	r1, i1 := pairwiseComplex(x[:n2])
	r2, i2 := pairwiseComplex(x[n2:])
	return r1 + r2, i1 + i2
}
