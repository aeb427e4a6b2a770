package simd

// The pure-Go twins of the kernels: always compiled, the fallback where
// there is no assembly and the oracle the assembly is tested against.

// float is the element types the kernels exist for.
type float interface{ ~float32 | ~float64 }

func addGo[T float](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] + b[i]
	}
}

func subGo[T float](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] - b[i]
	}
}

func mulGo[T float](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] * b[i]
	}
}

func divGo[T float](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] / b[i]
	}
}

// maxNaN is NumPy's maximum on x86: isnan(a) || a > b ? a : b. A NaN in
// either operand wins (a's if both); of two equal values (±0) b is taken.
func maxNaN[T float](a, b T) T {
	if a > b || a != a {
		return a
	}
	return b
}

// minNaN is NumPy's minimum on x86: isnan(a) || a < b ? a : b.
func minNaN[T float](a, b T) T {
	if a < b || a != a {
		return a
	}
	return b
}

func maxGo[T float](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = maxNaN(a[i], b[i])
	}
}

func minGo[T float](dst, a, b []T) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = minNaN(a[i], b[i])
	}
}

func addScalarGo[T float](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = a[i] + s
	}
}

func subScalarGo[T float](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = a[i] - s
	}
}

func mulScalarGo[T float](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = a[i] * s
	}
}

func divScalarGo[T float](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = a[i] / s
	}
}

func rsubScalarGo[T float](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = s - a[i]
	}
}

func rdivScalarGo[T float](dst, a []T, s T) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] = s / a[i]
	}
}

// sumBlockGo is the leaf of NumPy's pairwise summation
// (numpy/core/src/umath/loops_utils.h.src, @TYPE@_pairwise_sum for
// n <= PW_BLOCKSIZE): fewer than eight elements are added in order to +0;
// otherwise eight accumulators take a[k], a[k+8], ..., are combined as
// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), and the rest is added in order.
func sumBlockGo[T float](x []T) T {
	n := len(x)
	if n < 8 {
		var res T
		for _, v := range x {
			res += v
		}
		return res
	}
	r0, r1, r2, r3, r4, r5, r6, r7 := x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]
	i := 8
	for ; i+8 <= n; i += 8 {
		b := x[i : i+8 : i+8]
		r0 += b[0]
		r1 += b[1]
		r2 += b[2]
		r3 += b[3]
		r4 += b[4]
		r5 += b[5]
		r6 += b[6]
		r7 += b[7]
	}
	res := ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
	for ; i < n; i++ {
		res += x[i]
	}
	return res
}

// dotBlockGo is the pure-Go dot-product block: eight accumulators, each
// taking every eighth product, combined pairwise, then the tail in order.
func dotBlockGo[T float](a, b []T) T {
	n := len(a)
	b = b[:n]
	var r [8]T
	i := 0
	for ; i+8 <= n; i += 8 {
		x, y := a[i:i+8:i+8], b[i:i+8:i+8]
		r[0] += x[0] * y[0]
		r[1] += x[1] * y[1]
		r[2] += x[2] * y[2]
		r[3] += x[3] * y[3]
		r[4] += x[4] * y[4]
		r[5] += x[5] * y[5]
		r[6] += x[6] * y[6]
		r[7] += x[7] * y[7]
	}
	res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
	for ; i < n; i++ {
		res += a[i] * b[i]
	}
	return res
}
