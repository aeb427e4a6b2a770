package simd

import "slices"

// MaxFloat64 returns the maximum of a as NumPy's np.max computes it, a
// NaN propagating:
//
//	m := a[0]
//	for _, x := range a[1:] {
//		if m == m && (x > m || x != x || x == m) {
//			m = x
//		}
//	}
//	return m
//
// that is, the first NaN if a holds one, else the largest value; of
// equal values (+0 and -0) the last is returned, as NumPy's sequential
// reduction does. It panics if a is empty.
func MaxFloat64(a []float64) float64 { return extreme(active.Load().max64, a, true) }

// MinFloat64 returns the minimum of a as NumPy's np.min computes it, a
// NaN propagating:
//
//	m := a[0]
//	for _, x := range a[1:] {
//		if m == m && (x < m || x != x || x == m) {
//			m = x
//		}
//	}
//	return m
//
// that is, the first NaN if a holds one, else the smallest value; of
// equal values (+0 and -0) the last is returned. It panics if a is empty.
func MinFloat64(a []float64) float64 { return extreme(active.Load().min64, a, false) }

// MaxFloat32 is MaxFloat64 for float32.
func MaxFloat32(a []float32) float32 { return extreme(active.Load().max32, a, true) }

// MinFloat32 is MinFloat64 for float32.
func MinFloat32(a []float32) float32 { return extreme(active.Load().min32, a, false) }

// ArgMaxFloat64 returns the index of the maximum of a as np.argmax:
//
//	bi := 0
//	for i, x := range a {
//		if x != x {
//			return i // the first NaN
//		}
//		if x > a[bi] {
//			bi = i
//		}
//	}
//	return bi
//
// the first index of the largest value, or of the first NaN. It panics
// if a is empty.
func ArgMaxFloat64(a []float64) int { return argExtreme(active.Load().max64, a, true) }

// ArgMinFloat64 returns the index of the minimum of a as np.argmin: the
// first index of the smallest value, or of the first NaN (the loop of
// ArgMaxFloat64 with x < a[bi]). It panics if a is empty.
func ArgMinFloat64(a []float64) int { return argExtreme(active.Load().min64, a, false) }

// ArgMaxFloat32 is ArgMaxFloat64 for float32.
func ArgMaxFloat32(a []float32) int { return argExtreme(active.Load().max32, a, true) }

// ArgMinFloat32 is ArgMinFloat64 for float32.
func ArgMinFloat32(a []float32) int { return argExtreme(active.Load().min32, a, false) }

// extremeStream is the length from which a run's maximum or minimum is
// taken to come from main memory rather than the caches, and found by
// the stream kernel (the run of one of package ufunc's reduction
// blocks, 64 Ki elements less the one that seeds it, is one): on the
// benchmark machine that kernel read a 1e7-element float64 run 12-15 %
// faster than the block kernel, and a run in the second-level cache
// 10 % slower.
const extremeStream = 1 << 15

// extremeKernel returns the block kernel of ks for a run of n elements,
// or for a long one its stream kernel.
func extremeKernel[T float](ks [2]func([]T) (T, bool), n int) func([]T) (T, bool) {
	if n >= extremeStream {
		return ks[1]
	}
	return ks[0]
}

func checkEmpty(n int) {
	if n == 0 {
		panic("simd: reduction of an empty slice, which has no maximum or minimum")
	}
}

func better[T float](x, m T, isMax bool) bool {
	if isMax {
		return x > m
	}
	return x < m
}

// firstNaN returns the index of the first NaN in a, or -1.
func firstNaN[T float](a []T) int {
	for i, x := range a {
		if x != x {
			return i
		}
	}
	return -1
}

// blockExtreme returns the extreme of the non-NaN elements of a (a
// non-empty) and -1, or a NaN and the index of the first NaN. A long
// run's elements before its first cache-line boundary are taken in Go,
// so that the block kernel's vector loads do not straddle lines.
func blockExtreme[T float](block func([]T) (T, bool), a []T, isMax bool) (m T, nanAt int) {
	h := 0
	if len(a) >= 2*blockLen {
		h = lineHead(a)
	}
	m = a[0]
	for j, x := range a[:h] {
		if x != x {
			return x, j
		}
		if better(x, m, isMax) {
			m = x
		}
	}
	b := a[h:]
	k := len(b) &^ (blockLen - 1)
	if k > 0 {
		bm, nan := block(b[:k])
		if nan {
			return bm, h + firstNaN(b[:k])
		}
		if h == 0 || better(bm, m, isMax) {
			m = bm
		}
	}
	for j, x := range b[k:] {
		if x != x {
			return x, h + k + j
		}
		if better(x, m, isMax) {
			m = x
		}
	}
	return m, -1
}

func extreme[T float](ks [2]func([]T) (T, bool), a []T, isMax bool) T {
	checkEmpty(len(a))
	m, nanAt := blockExtreme(extremeKernel(ks, len(a)), a, isMax)
	if nanAt >= 0 {
		return a[nanAt]
	}
	if m == 0 { // +0 or -0: the last zero, as a sequential fold
		for j := len(a) - 1; j >= 0; j-- {
			if a[j] == 0 {
				return a[j]
			}
		}
	}
	return m
}

// argBlock is the run ArgMax finds the extreme of before looking for
// its index in it: small enough (64 KiB of float64) to stay in cache
// for the second look.
const argBlock = 8192

func argExtreme[T float](ks [2]func([]T) (T, bool), a []T, isMax bool) int {
	checkEmpty(len(a))
	block := extremeKernel(ks, len(a))
	bi := -1
	var best T
	for s := 0; s < len(a); s += argBlock {
		c := a[s:min(s+argBlock, len(a))]
		m, nanAt := blockExtreme(block, c, isMax)
		if nanAt >= 0 {
			return s + nanAt
		}
		if bi < 0 || better(m, best, isMax) {
			best = m
			for j, x := range c {
				if x == m {
					bi = s + j
					break
				}
			}
		}
	}
	return bi
}

// MaxInt64 returns the largest element of a:
//
//	m := a[0]
//	for _, x := range a {
//		m = max(m, x)
//	}
//	return m
//
// It panics if a is empty.
func MaxInt64(a []int64) int64 { return intExtreme(active.Load().extI64[0], a, true) }

// MinInt64 returns the smallest element of a (the loop of MaxInt64 with
// min). It panics if a is empty.
func MinInt64(a []int64) int64 { return intExtreme(active.Load().extI64[1], a, false) }

// MaxInt32 is MaxInt64 for int32.
func MaxInt32(a []int32) int32 { return intExtreme(active.Load().extI32[0], a, true) }

// MinInt32 is MinInt64 for int32.
func MinInt32(a []int32) int32 { return intExtreme(active.Load().extI32[1], a, false) }

// ArgMaxInt64 returns the index of the maximum of a as np.argmax: the
// first index of the largest value,
//
//	bi := 0
//	for i, x := range a {
//		if x > a[bi] {
//			bi = i
//		}
//	}
//	return bi
//
// It panics if a is empty.
func ArgMaxInt64(a []int64) int { return argIntExtreme(active.Load().extI64[0], a, true) }

// ArgMinInt64 returns the first index of the smallest value of a, as
// np.argmin (the loop of ArgMaxInt64 with x < a[bi]). It panics if a is
// empty.
func ArgMinInt64(a []int64) int { return argIntExtreme(active.Load().extI64[1], a, false) }

// ArgMaxInt32 is ArgMaxInt64 for int32.
func ArgMaxInt32(a []int32) int { return argIntExtreme(active.Load().extI32[0], a, true) }

// ArgMinInt32 is ArgMinInt64 for int32.
func ArgMinInt32(a []int32) int { return argIntExtreme(active.Load().extI32[1], a, false) }

// intExtreme returns the maximum (isMax) or minimum of a, by the block
// kernel k over the whole multiple of blockLen elements and Go over the
// rest. The lanes k does not write keep a[0], which changes nothing.
func intExtreme[T int32 | int64](k func(a, out []T), a []T, isMax bool) T {
	checkEmpty(len(a))
	var lanes [64 / 4]T // a vector of the widest kernel
	for i := range lanes {
		lanes[i] = a[0]
	}
	n := len(a) &^ (blockLen - 1)
	if n > 0 {
		k(a[:n], lanes[:])
	}
	m := a[0]
	for _, x := range lanes {
		m = pickInt(m, x, isMax)
	}
	for _, x := range a[n:] {
		m = pickInt(m, x, isMax)
	}
	return m
}

func pickInt[T int32 | int64](m, x T, isMax bool) T {
	if isMax {
		return max(m, x)
	}
	return min(m, x)
}

// argIntExtreme returns the first index of the maximum (isMax) or
// minimum of a: the extreme of each argBlock run by intExtreme, then,
// where it beats the runs before, its first index in the run, which is
// still in the cache.
func argIntExtreme[T int32 | int64](k func(a, out []T), a []T, isMax bool) int {
	checkEmpty(len(a))
	bi := -1
	var best T
	for s := 0; s < len(a); s += argBlock {
		c := a[s:min(s+argBlock, len(a))]
		m := intExtreme(k, c, isMax)
		if bi < 0 || (isMax && m > best) || (!isMax && m < best) {
			best, bi = m, s+slices.Index(c, m)
		}
	}
	return bi
}

// SumInt8ToInt64 returns the sum of a in int64, exact for len(a) < 2⁵⁶:
//
//	var s int64
//	for _, x := range a {
//		s += int64(x)
//	}
//	return s
func SumInt8ToInt64(a []int8) int64 {
	k := len(a) &^ (blockLen - 1)
	s := active.Load().sumI8(a[:k])
	for _, x := range a[k:] {
		s += int64(x)
	}
	return s
}

// SumInt16ToInt64 returns the sum of a in int64, exact for len(a) < 2⁴⁸:
//
//	var s int64
//	for _, x := range a {
//		s += int64(x)
//	}
//	return s
func SumInt16ToInt64(a []int16) int64 {
	f := active.Load().sumI16
	var s int64
	for len(a) >= blockLen {
		k := min(len(a), sumI16Max) &^ (blockLen - 1)
		s += f(a[:k])
		a = a[k:]
	}
	for _, x := range a {
		s += int64(x)
	}
	return s
}

// SumInt32ToInt64 returns the sum of a in int64, exact for len(a) < 2³²:
//
//	var s int64
//	for _, x := range a {
//		s += int64(x)
//	}
//	return s
func SumInt32ToInt64(a []int32) int64 {
	k := len(a) &^ (blockLen - 1)
	s := active.Load().sumI32(a[:k])
	for _, x := range a[k:] {
		s += int64(x)
	}
	return s
}

// SumInt64 returns the sum of a, wrapping on overflow as Go's (and
// NumPy's) int64 addition does:
//
//	var s int64
//	for _, x := range a {
//		s += x
//	}
//	return s
func SumInt64(a []int64) int64 {
	k := len(a) &^ (blockLen - 1)
	s := active.Load().sumI64(a[:k])
	for _, x := range a[k:] {
		s += x
	}
	return s
}

// intBinary runs the kernel f on the whole blocks of block elements (a
// power of two; 1 when f takes any length) and g (the pure-Go twin) on
// the tail; nt, f's non-temporal variant if there is one, takes the
// middle of a long dst (ntSpan), g the elements before it.
func intBinary[T integer](f, nt, g func(dst, a, b []T), block int, dst, a, b []T) {
	check3(len(dst), len(a), len(b))
	if nt != nil {
		if h, m := ntSpan(dst); m > 0 {
			g(dst[:h], a[:h], b[:h])
			nt(dst[h:h+m], a[h:h+m], b[h:h+m])
			dst, a, b = dst[h+m:], a[h+m:], b[h+m:]
		}
	}
	k := len(dst) &^ (block - 1)
	f(dst[:k], a[:k], b[:k])
	if k < len(dst) {
		g(dst[k:], a[k:], b[k:])
	}
}

// AddInt32Unitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] + b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func AddInt32Unitary(dst, a, b []int32) {
	k := active.Load()
	intBinary(k.binI32[opIAdd], k.binI32NT[opIAdd], addIntGo[int32], k.binIBlock, dst, a, b)
}

// SubInt32Unitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] - b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func SubInt32Unitary(dst, a, b []int32) {
	k := active.Load()
	intBinary(k.binI32[opISub], k.binI32NT[opISub], subIntGo[int32], k.binIBlock, dst, a, b)
}

// MulInt32Unitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] * b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func MulInt32Unitary(dst, a, b []int32) {
	k := active.Load()
	intBinary(k.binI32[opIMul], k.binI32NT[opIMul], mulIntGo[int32], k.binIBlock, dst, a, b)
}

// AddInt64Unitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] + b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func AddInt64Unitary(dst, a, b []int64) {
	k := active.Load()
	intBinary(k.binI64[opIAdd], k.binI64NT[opIAdd], addIntGo[int64], k.binIBlock, dst, a, b)
}

// SubInt64Unitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] - b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func SubInt64Unitary(dst, a, b []int64) {
	k := active.Load()
	intBinary(k.binI64[opISub], k.binI64NT[opISub], subIntGo[int64], k.binIBlock, dst, a, b)
}

// MulInt64Unitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] * b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst). (The 64-bit vector
// multiply, VPMULLQ, is AVX-512DQ: without it the Go loop runs.)
func MulInt64Unitary(dst, a, b []int64) {
	k := active.Load()
	intBinary(k.binI64[opIMul], k.binI64NT[opIMul], mulIntGo[int64], k.binIBlock, dst, a, b)
}

// MaxInt32Unitary computes
//
//	for i := range dst {
//		dst[i] = max(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func MaxInt32Unitary(dst, a, b []int32) {
	k := active.Load()
	intBinary(k.binI32[opIMax], k.binI32NT[opIMax], maxIntGo[int32], k.binIBlock, dst, a, b)
}

// MinInt32Unitary computes
//
//	for i := range dst {
//		dst[i] = min(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func MinInt32Unitary(dst, a, b []int32) {
	k := active.Load()
	intBinary(k.binI32[opIMin], k.binI32NT[opIMin], minIntGo[int32], k.binIBlock, dst, a, b)
}

// MaxInt64Unitary computes
//
//	for i := range dst {
//		dst[i] = max(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func MaxInt64Unitary(dst, a, b []int64) {
	k := active.Load()
	intBinary(k.binI64[opIMax], k.binI64NT[opIMax], maxIntGo[int64], k.binIBlock, dst, a, b)
}

// MinInt64Unitary computes
//
//	for i := range dst {
//		dst[i] = min(a[i], b[i])
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func MinInt64Unitary(dst, a, b []int64) {
	k := active.Load()
	intBinary(k.binI64[opIMin], k.binI64NT[opIMin], minIntGo[int64], k.binIBlock, dst, a, b)
}

// NegateInt32Unitary computes, wrapping (the negation of MinInt32 is
// MinInt32),
//
//	for i := range dst {
//		dst[i] = -a[i]
//	}
//
// It panics unless len(a) == len(dst).
func NegateInt32Unitary(dst, a []int32) { intUnary(active.Load().unI32[0], negIntGo[int32], dst, a) }

// AbsInt32Unitary computes, wrapping (the absolute value of MinInt32 is
// MinInt32, as NumPy's),
//
//	for i := range dst {
//		dst[i] = a[i]
//		if a[i] < 0 {
//			dst[i] = -a[i]
//		}
//	}
//
// It panics unless len(a) == len(dst).
func AbsInt32Unitary(dst, a []int32) { intUnary(active.Load().unI32[1], absIntGo[int32], dst, a) }

// NegateInt64Unitary is NegateInt32Unitary for int64.
func NegateInt64Unitary(dst, a []int64) { intUnary(active.Load().unI64[0], negIntGo[int64], dst, a) }

// AbsInt64Unitary is AbsInt32Unitary for int64.
func AbsInt64Unitary(dst, a []int64) { intUnary(active.Load().unI64[1], absIntGo[int64], dst, a) }

// intUnary runs the block kernel f over the whole multiple of unIBlock
// elements of dst and its twin g over the rest.
func intUnary[T int32 | int64](f, g func(dst, a []T), dst, a []T) {
	check2(len(dst), len(a))
	k := len(dst) &^ (unIBlock - 1)
	if k > 0 {
		f(dst[:k], a[:k])
	}
	g(dst[k:], a[k:len(dst)])
}

// AddInt64ScalarUnitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] + s
//	}
//
// It panics unless len(a) == len(dst).
func AddInt64ScalarUnitary(dst, a []int64, s int64) {
	intScalar(active.Load().sclI64[opIAdd], addSIntGo[int64], dst, a, s)
}

// AddInt32ScalarUnitary is AddInt64ScalarUnitary for int32.
func AddInt32ScalarUnitary(dst, a []int32, s int32) {
	intScalar(active.Load().sclI32[opIAdd], addSIntGo[int32], dst, a, s)
}

// SubInt64ScalarUnitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] - s
//	}
//
// It panics unless len(a) == len(dst).
func SubInt64ScalarUnitary(dst, a []int64, s int64) {
	intScalar(active.Load().sclI64[opISub], subSIntGo[int64], dst, a, s)
}

// SubInt32ScalarUnitary is SubInt64ScalarUnitary for int32.
func SubInt32ScalarUnitary(dst, a []int32, s int32) {
	intScalar(active.Load().sclI32[opISub], subSIntGo[int32], dst, a, s)
}

// RsubInt64ScalarUnitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = s - a[i]
//	}
//
// It panics unless len(a) == len(dst).
func RsubInt64ScalarUnitary(dst, a []int64, s int64) {
	intScalar(active.Load().sclI64[opIRsub], rsubSIntGo[int64], dst, a, s)
}

// RsubInt32ScalarUnitary is RsubInt64ScalarUnitary for int32.
func RsubInt32ScalarUnitary(dst, a []int32, s int32) {
	intScalar(active.Load().sclI32[opIRsub], rsubSIntGo[int32], dst, a, s)
}

// MulInt64ScalarUnitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = a[i] * s
//	}
//
// It panics unless len(a) == len(dst).
func MulInt64ScalarUnitary(dst, a []int64, s int64) {
	intScalar(active.Load().sclI64[opIMul], mulSIntGo[int64], dst, a, s)
}

// MulInt32ScalarUnitary is MulInt64ScalarUnitary for int32.
func MulInt32ScalarUnitary(dst, a []int32, s int32) {
	intScalar(active.Load().sclI32[opIMul], mulSIntGo[int32], dst, a, s)
}

// MaxInt64ScalarUnitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = max(a[i], s)
//	}
//
// It panics unless len(a) == len(dst).
func MaxInt64ScalarUnitary(dst, a []int64, s int64) {
	intScalar(active.Load().sclI64[opIMax], maxSIntGo[int64], dst, a, s)
}

// MaxInt32ScalarUnitary is MaxInt64ScalarUnitary for int32.
func MaxInt32ScalarUnitary(dst, a []int32, s int32) {
	intScalar(active.Load().sclI32[opIMax], maxSIntGo[int32], dst, a, s)
}

// MinInt64ScalarUnitary computes, wrapping on overflow,
//
//	for i := range dst {
//		dst[i] = min(a[i], s)
//	}
//
// It panics unless len(a) == len(dst).
func MinInt64ScalarUnitary(dst, a []int64, s int64) {
	intScalar(active.Load().sclI64[opIMin], minSIntGo[int64], dst, a, s)
}

// MinInt32ScalarUnitary is MinInt64ScalarUnitary for int32.
func MinInt32ScalarUnitary(dst, a []int32, s int32) {
	intScalar(active.Load().sclI32[opIMin], minSIntGo[int32], dst, a, s)
}

// intScalar runs the kernel f over the whole multiple of unIBlock
// elements of dst and its twin g over the rest.
func intScalar[T int32 | int64](f, g func(dst, a []T, s T), dst, a []T, s T) {
	check2(len(dst), len(a))
	k := len(dst) &^ (unIBlock - 1)
	if k > 0 {
		f(dst[:k], a[:k], s)
	}
	g(dst[k:], a[k:len(dst)], s)
}

// ---- pure-Go twins ----

type integer interface {
	~int8 | ~int16 | ~int32 | ~int64
}

// maxBlockGo is the block kernel of MaxFloat64/32: the largest non-NaN
// element (any zero's sign) and whether a holds a NaN.
func maxBlockGo[T float](a []T) (m T, nan bool) {
	m = a[0]
	for _, x := range a {
		if x > m || m != m {
			m = x
		}
		if x != x {
			nan = true
		}
	}
	return m, nan
}

func minBlockGo[T float](a []T) (m T, nan bool) {
	m = a[0]
	for _, x := range a {
		if x < m || m != m {
			m = x
		}
		if x != x {
			nan = true
		}
	}
	return m, nan
}

func sumIntGo[T integer](a []T) int64 {
	var s int64
	for _, x := range a {
		s += int64(x)
	}
	return s
}

func addIntGo[T integer](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] + b[i]
	}
}

func subIntGo[T integer](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] - b[i]
	}
}

func mulIntGo[T integer](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] * b[i]
	}
}

// maxBlockIntGo and minBlockIntGo are the twins of the extI64/extI32
// kernels: the extreme of a in out[0].
func maxBlockIntGo[T int32 | int64](a, out []T) {
	m := a[0]
	for _, x := range a {
		m = max(m, x)
	}
	out[0] = m
}

func minBlockIntGo[T int32 | int64](a, out []T) {
	m := a[0]
	for _, x := range a {
		m = min(m, x)
	}
	out[0] = m
}

func negIntGo[T int32 | int64](dst, a []T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = -a[i]
	}
}

func absIntGo[T int32 | int64](dst, a []T) {
	a = a[:len(dst)]
	for i, x := range a {
		if x < 0 {
			x = -x
		}
		dst[i] = x
	}
}

func maxIntGo[T integer](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = max(a[i], b[i])
	}
}

func minIntGo[T integer](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = min(a[i], b[i])
	}
}

func addSIntGo[T int32 | int64](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = a[i] + s
	}
}

func subSIntGo[T int32 | int64](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = a[i] - s
	}
}

func rsubSIntGo[T int32 | int64](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = s - a[i]
	}
}

func mulSIntGo[T int32 | int64](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = a[i] * s
	}
}

func maxSIntGo[T int32 | int64](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = max(a[i], s)
	}
}

func minSIntGo[T int32 | int64](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = min(a[i], s)
	}
}
