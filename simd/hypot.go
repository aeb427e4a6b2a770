package simd

import "github.com/pluribus-go/pluribus/internal/mathx"

// HypotFloat64 computes
//
//	for i := range dst {
//		dst[i] = math.Hypot(x[i], y[i])
//	}
//
// within 0.50 ULP (the squares and their sum as double-doubles, then a
// double-double square root), without undue overflow or underflow, with
// hypot(±Inf, NaN) = +Inf. The elements whose larger magnitude is at
// most 2^500 and whose smaller is at least 2^-500 and 2^-60 of the
// larger (the general case) are done in vectors, the others one at a
// time; the results are the Go twin's (internal/mathx's Hypot) bit for
// bit. It panics unless len(x) and len(y) equal len(dst).
func HypotFloat64(dst, x, y []float64) {
	check3(len(dst), len(x), len(y))
	expActive.Load().hypot64(dst, x, y)
}

func hypotFloat64Go(dst, x, y []float64) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = mathx.Hypot(x[i], y[i])
	}
}
