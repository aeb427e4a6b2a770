package simd

// The exported kernels. Each calls through the implementation table chosen
// at start-up (see impl.go).

// AddFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] + b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func AddFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	active.Load().bin64[opAdd](dst, a, b)
}

// SubFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] - b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func SubFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	active.Load().bin64[opSub](dst, a, b)
}

// MulFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] * b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func MulFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	active.Load().bin64[opMul](dst, a, b)
}

// DivFloat64Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] / b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func DivFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	active.Load().bin64[opDiv](dst, a, b)
}

// MaxFloat64Unitary computes NumPy's element-wise maximum, in which a NaN
// in either operand propagates:
//
//	for i := range dst {
//		if a[i] > b[i] || a[i] != a[i] {
//			dst[i] = a[i]
//		} else {
//			dst[i] = b[i]
//		}
//	}
//
// Of two NaNs the one in a is kept; of -0 and +0 the one in b.
// It panics unless len(a) == len(b) == len(dst).
func MaxFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	active.Load().bin64[opMax](dst, a, b)
}

// MinFloat64Unitary computes NumPy's element-wise minimum, in which a NaN
// in either operand propagates:
//
//	for i := range dst {
//		if a[i] < b[i] || a[i] != a[i] {
//			dst[i] = a[i]
//		} else {
//			dst[i] = b[i]
//		}
//	}
//
// Of two NaNs the one in a is kept; of -0 and +0 the one in b.
// It panics unless len(a) == len(b) == len(dst).
func MinFloat64Unitary(dst, a, b []float64) {
	check3(len(dst), len(a), len(b))
	active.Load().bin64[opMin](dst, a, b)
}

// AddFloat64ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] + s
//	}
//
// It panics unless len(a) == len(dst).
func AddFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	active.Load().scalar64[opAddS](dst, a, s)
}

// SubFloat64ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] - s
//	}
//
// It panics unless len(a) == len(dst).
func SubFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	active.Load().scalar64[opSubS](dst, a, s)
}

// MulFloat64ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] * s
//	}
//
// It panics unless len(a) == len(dst).
func MulFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	active.Load().scalar64[opMulS](dst, a, s)
}

// DivFloat64ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] / s
//	}
//
// It panics unless len(a) == len(dst).
func DivFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	active.Load().scalar64[opDivS](dst, a, s)
}

// RsubFloat64ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = s - a[i]
//	}
//
// It panics unless len(a) == len(dst).
func RsubFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	active.Load().scalar64[opRsubS](dst, a, s)
}

// RdivFloat64ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = s / a[i]
//	}
//
// It panics unless len(a) == len(dst).
func RdivFloat64ScalarUnitary(dst, a []float64, s float64) {
	check2(len(dst), len(a))
	active.Load().scalar64[opRdivS](dst, a, s)
}

// SumFloat64 returns the sum of a in NumPy's pairwise order, so that it is
// bit-identical to numpy.sum of a contiguous float64 run of up to 8192
// elements (NaN payloads aside; numpy.sum adds a longer run's pieces of
// 8192 one after the other, each summed this way):
//
//	func SumFloat64(a []float64) float64 {
//		if len(a) <= 128 {
//			return leaf(a) // eight accumulators, see below
//		}
//		h := len(a) / 2
//		h -= h % 8
//		return SumFloat64(a[:h]) + SumFloat64(a[h:])
//	}
//
// where leaf adds fewer than eight elements in order to +0 and otherwise
// keeps eight partial sums r[k] of a[k], a[k+8], ..., returning
// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the remaining elements in
// order. Each element passes through at most 25 roundings in a leaf and
// one per level above it, so with u = 2⁻⁵³ the error is bounded by
//
//	|SumFloat64(a) - Σ a[i]| <= (25 + ⌈log2(n/128)⌉⁺ + 1)·u·Σ |a[i]|
//
// (to first order in u), against n·u·Σ|a[i]| for a loop in order.
func SumFloat64(a []float64) float64 {
	return pairwise64(active.Load().sum64, reduceActive.Load().sumPair64, a)
}

// DotFloat64 returns Σ a[i]·b[i], the dot product of a and b:
//
//	var s float64
//	for i := range a {
//		s += a[i] * b[i]
//	}
//	return s
//
// computed in blocks of 256 elements, each with several independent
// accumulators (and fused multiply-adds where the CPU has them), the
// blocks summed pairwise. Results may differ between implementations
// in the last bits; with u = 2⁻⁵³ every implementation satisfies
//
//	|DotFloat64(a, b) - Σ a[i]·b[i]| <= (64 + ⌈log2(n/256)⌉⁺ + 1)·u·Σ |a[i]·b[i]|
//
// (to first order in u). It panics unless len(a) == len(b).
func DotFloat64(a, b []float64) float64 {
	check2(len(a), len(b))
	return dotPairwise(active.Load().dot64, a, b)
}

// AddFloat32Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] + b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func AddFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	active.Load().bin32[opAdd](dst, a, b)
}

// SubFloat32Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] - b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func SubFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	active.Load().bin32[opSub](dst, a, b)
}

// MulFloat32Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] * b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func MulFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	active.Load().bin32[opMul](dst, a, b)
}

// DivFloat32Unitary computes
//
//	for i := range dst {
//		dst[i] = a[i] / b[i]
//	}
//
// It panics unless len(a) == len(b) == len(dst).
func DivFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	active.Load().bin32[opDiv](dst, a, b)
}

// MaxFloat32Unitary computes NumPy's element-wise maximum, in which a NaN
// in either operand propagates:
//
//	for i := range dst {
//		if a[i] > b[i] || a[i] != a[i] {
//			dst[i] = a[i]
//		} else {
//			dst[i] = b[i]
//		}
//	}
//
// Of two NaNs the one in a is kept; of -0 and +0 the one in b.
// It panics unless len(a) == len(b) == len(dst).
func MaxFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	active.Load().bin32[opMax](dst, a, b)
}

// MinFloat32Unitary computes NumPy's element-wise minimum, in which a NaN
// in either operand propagates:
//
//	for i := range dst {
//		if a[i] < b[i] || a[i] != a[i] {
//			dst[i] = a[i]
//		} else {
//			dst[i] = b[i]
//		}
//	}
//
// Of two NaNs the one in a is kept; of -0 and +0 the one in b.
// It panics unless len(a) == len(b) == len(dst).
func MinFloat32Unitary(dst, a, b []float32) {
	check3(len(dst), len(a), len(b))
	active.Load().bin32[opMin](dst, a, b)
}

// AddFloat32ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] + s
//	}
//
// It panics unless len(a) == len(dst).
func AddFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	active.Load().scalar32[opAddS](dst, a, s)
}

// SubFloat32ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] - s
//	}
//
// It panics unless len(a) == len(dst).
func SubFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	active.Load().scalar32[opSubS](dst, a, s)
}

// MulFloat32ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] * s
//	}
//
// It panics unless len(a) == len(dst).
func MulFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	active.Load().scalar32[opMulS](dst, a, s)
}

// DivFloat32ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = a[i] / s
//	}
//
// It panics unless len(a) == len(dst).
func DivFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	active.Load().scalar32[opDivS](dst, a, s)
}

// RsubFloat32ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = s - a[i]
//	}
//
// It panics unless len(a) == len(dst).
func RsubFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	active.Load().scalar32[opRsubS](dst, a, s)
}

// RdivFloat32ScalarUnitary computes
//
//	for i := range dst {
//		dst[i] = s / a[i]
//	}
//
// It panics unless len(a) == len(dst).
func RdivFloat32ScalarUnitary(dst, a []float32, s float32) {
	check2(len(dst), len(a))
	active.Load().scalar32[opRdivS](dst, a, s)
}

// SumFloat32 returns the sum of a in NumPy's pairwise order, so that it is
// bit-identical to numpy.sum of a contiguous float32 run of up to 8192
// elements (NaN payloads aside; see SumFloat64 for longer runs):
//
//	func SumFloat32(a []float32) float32 {
//		if len(a) <= 128 {
//			return leaf(a) // eight accumulators, see below
//		}
//		h := len(a) / 2
//		h -= h % 8
//		return SumFloat32(a[:h]) + SumFloat32(a[h:])
//	}
//
// where leaf adds fewer than eight elements in order to +0 and otherwise
// keeps eight partial sums r[k] of a[k], a[k+8], ..., returning
// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the remaining elements in
// order. Each element passes through at most 25 roundings in a leaf and
// one per level above it, so with u = 2⁻²⁴ the error is bounded by
//
//	|SumFloat32(a) - Σ a[i]| <= (25 + ⌈log2(n/128)⌉⁺ + 1)·u·Σ |a[i]|
//
// (to first order in u), against n·u·Σ|a[i]| for a loop in order.
func SumFloat32(a []float32) float32 {
	return pairwise(active.Load().sum32, a)
}

// DotFloat32 returns Σ a[i]·b[i], the dot product of a and b:
//
//	var s float32
//	for i := range a {
//		s += a[i] * b[i]
//	}
//	return s
//
// computed in blocks of 256 elements, each with several independent
// accumulators (and fused multiply-adds where the CPU has them), the
// blocks summed pairwise. Results may differ between implementations
// in the last bits; with u = 2⁻²⁴ every implementation satisfies
//
//	|DotFloat32(a, b) - Σ a[i]·b[i]| <= (64 + ⌈log2(n/256)⌉⁺ + 1)·u·Σ |a[i]·b[i]|
//
// (to first order in u). It panics unless len(a) == len(b).
func DotFloat32(a, b []float32) float32 {
	check2(len(a), len(b))
	return dotPairwise(active.Load().dot32, a, b)
}
