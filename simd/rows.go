package simd

import "fmt"

// AddRowsFloat64 adds rows rows of a, stride elements apart, into dst,
// one row after the other:
//
//	for i := range rows {
//		for j := range dst {
//			dst[j] += a[i*stride+j]
//		}
//	}
//
// Every dst[j] receives its rows in that order, so the result is the one
// of rows calls of AddFloat64Unitary(dst, dst, row), bit for bit: it is
// NumPy's sum along axis 0 of a C-ordered matrix. The kernels add
// several rows to a vector of dst held in a register, reading and writing
// dst once for every few rows. It panics if rows or stride is negative
// or the rows do not fit in a. a must not overlap dst.
func AddRowsFloat64(dst, a []float64, stride, rows int) {
	if rows < 0 || stride < 0 {
		panic(fmt.Sprintf("simd: AddRowsFloat64 of %d rows with stride %d", rows, stride))
	}
	n := len(dst)
	if rows == 0 || n == 0 {
		return
	}
	if !fits(len(a), rows, stride, n) {
		panic(fmt.Sprintf("simd: AddRowsFloat64: %d rows of %d elements, stride %d, do not fit in %d elements", rows, n, stride, len(a)))
	}
	k := reduceActive.Load()
	w := n - n%k.rowLanes
	// Bands of rows, so that the columns past the last whole vector are
	// added while the band is still in cache.
	const band = 256
	for i0 := 0; i0 < rows; i0 += band {
		m := min(band, rows-i0)
		r := a[i0*stride:]
		if w > 0 {
			k.addRows64(&dst[0], w, &r[0], stride*8, m)
		}
		if w < n {
			addRowsGo(&dst[w], n-w, &r[w], stride*8, m)
		}
	}
}
