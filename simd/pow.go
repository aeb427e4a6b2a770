package simd

import "math"

//go:generate go run ../internal/powgen/cmd/powgen

// Pow returns x**y as PowFloat64 computes each element: C's pow (NumPy's
// power for float64) with the special cases of C99 Annex F (those of
// math.Pow), exact for integral powers whose result is exact, and
// otherwise within 0.505 ULP (measured against a math/big reference)
// where y is not an integer and the result a normal number above
// 2^-1010, within about 1 ULP elsewhere. It is the Go twin of the pow
// kernels, for a single element.
func Pow(x, y float64) float64 { return pow64(x, y) }

// PowFloat64 computes
//
//	for i := range dst {
//		dst[i] = Pow(x[i], y[i])
//	}
//
// the elements with a positive normal x[i] and a finite, non-integral
// y[i] other than 0.5 (the general case) in vectors, the others one at a
// time. The results are Pow's bit for bit. It panics unless len(x) and
// len(y) equal len(dst).
func PowFloat64(dst, x, y []float64) {
	check3(len(dst), len(x), len(y))
	expActive.Load().pow64(dst, x, y)
}

// PowFloat64Scalar computes
//
//	for i := range dst {
//		dst[i] = Pow(x[i], y)
//	}
//
// as PowFloat64 does. It panics unless len(x) == len(dst).
func PowFloat64Scalar(dst, x []float64, y float64) {
	check2(len(dst), len(x))
	expActive.Load().powS64(dst, x, y)
}

func powFloat64Go(dst, x, y []float64) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = pow64(x[i], y[i])
	}
}

func powScalarFloat64Go(dst, x []float64, y float64) {
	for i, v := range x[:len(dst)] {
		dst[i] = pow64(v, y)
	}
}

// runBin computes dst[i] = f(x[i], y[i]) with the block kernel k (which
// computes whole vectors from the start until one holds an element left
// to f, and returns how many elements it did) and f for the vector k
// stopped at and the tail.
func runBin(dst, x, y []float64, lanes int, k func(dst, x, y []float64) int, f func(x, y float64) float64) {
	x, y = x[:len(dst)], y[:len(dst)]
	for len(dst) > 0 {
		n := k(dst, x, y)
		dst, x, y = dst[n:], x[n:], y[n:]
		m := min(len(dst), lanes)
		for i := range m {
			dst[i] = f(x[i], y[i])
		}
		dst, x, y = dst[m:], x[m:], y[m:]
	}
}

// runPowScalar is runBin for pow with one y for every element: when no element
// can be a vector's (y integral, 0.5, or not finite) the twin does them
// all.
func runPowScalar(dst, x []float64, y float64, lanes int, k func(dst, x []float64, y float64) int) {
	x = x[:len(dst)]
	if y == math.Trunc(y) || y == 0.5 || y != y {
		powScalarFloat64Go(dst, x, y)
		return
	}
	for len(dst) > 0 {
		n := k(dst, x, y)
		dst, x = dst[n:], x[n:]
		m := min(len(dst), lanes)
		for i, v := range x[:m] {
			dst[i] = pow64(v, y)
		}
		dst, x = dst[m:], x[m:]
	}
}

// powRows are the constants of the pow and hypot kernels, rows of 64 bytes as the
// assembly reads them (the row numbers below, which simd/_asm/pow.go
// repeats), followed by the tables: powLogTab's 128 rows of three, then
// powExpBitsTab and powExpTail.
const (
	pOff, pChkAdd, pChkLim, pMagic, pBias, pExpMask, pIdxMask = 0, 1, 2, 3, 4, 5, 6
	pNegOne, pLn2Hi, pLn2Lo, pNegHalf, pPoly                  = 7, 8, 9, 10, 11 // pPoly: 1/9, -1/8, ..., 1/3
	pHalf, pE720, pE120, pE24, pE6, pInvLn2N, pShift          = 18, 19, 20, 21, 22, 23, 24
	pNegLn2HiN, pNegLn2LoN, pTMin, pTMax, pAllOnes            = 25, 26, 27, 28, 29
	hAbs, hBig, hTiny, hRatio, pRows                          = 30, 31, 32, 33, 34 // hypot
	pLogTab, pExpBits, pExpTail                               = 64 * pRows, 64*pRows + 3*8*128, 64*pRows + 4*8*128
)

var powRows = aligned64(func() (r [8*pRows + 5*128]float64) {
	set := func(i int, v float64) {
		for j := range 8 {
			r[8*i+j] = v
		}
	}
	bitsRow := func(i int, u uint64) { set(i, math.Float64frombits(u)) }
	bitsRow(pOff, powLogOff)
	bitsRow(pChkAdd, logChkAdd64)
	bitsRow(pChkLim, uint64(logChkLim64+(1<<64-1)+1))
	bitsRow(pMagic, logMagic64)
	set(pBias, logBias64)
	bitsRow(pExpMask, powExpMask)
	bitsRow(pIdxMask, 1<<powLogBits-1)
	set(pNegOne, -1)
	set(pLn2Hi, powLn2Hi)
	set(pLn2Lo, powLn2Lo)
	set(pNegHalf, -0.5)
	for j, c := range []float64{1.0 / 9, -1.0 / 8, 1.0 / 7, -1.0 / 6, 1.0 / 5, -1.0 / 4, 1.0 / 3} {
		set(pPoly+j, c)
	}
	set(pHalf, 0.5)
	set(pE720, 1.0/720)
	set(pE120, 1.0/120)
	set(pE24, 1.0/24)
	set(pE6, 1.0/6)
	set(pInvLn2N, powInvLn2N)
	set(pShift, powShift)
	set(pNegLn2HiN, -powLn2HiN)
	set(pNegLn2LoN, -powLn2LoN)
	set(pTMin, -700)
	set(pTMax, 708)
	bitsRow(pAllOnes, 1<<64-1)
	bitsRow(hAbs, 1<<63-1)
	bitsRow(hBig, math.Float64bits(0x1p500))
	set(hTiny, 0x1p-500)
	set(hRatio, 0x1p-60)
	t := r[8*pRows:]
	for i, e := range powLogTab {
		copy(t[3*i:], e[:])
	}
	for j := range 128 {
		t[3*128+j] = math.Float64frombits(powExpBitsTab[j])
		t[4*128+j] = powExpTail[j]
	}
	return r
}())
