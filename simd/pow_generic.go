package simd

import "math"

// An accurate float64 pow. Go's math.Pow loses up to thousands of ULPs
// for large exponents (it multiplies out the integer part of y), and on
// amd64 math.Log and math.Exp mishandle subnormal arguments and the top
// of the range; NumPy's pow (the C library's) is correctly rounded in
// practice. This one computes y·log(x) in double-double arithmetic and
// exponentiates that: through tables (powFast, within 0.505 ULP) where
// the result is a normal number above 2^-1010, else by series (expLog,
// within about 1 ULP); integral powers of moderate size are multiplied
// out in double-double, so exact results (2**10) are exact.

// dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func ddAdd(a, b dd) dd {
	s := twoSum(a.hi, b.hi)
	t := twoSum(a.lo, b.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

func ddMul(a, b dd) dd {
	p := twoProd(a.hi, b.hi)
	p.lo += a.hi*b.lo + a.lo*b.hi
	return quickTwoSum(p.hi, p.lo)
}

func ddMulF(a dd, b float64) dd {
	p := twoProd(a.hi, b)
	p.lo += a.lo * b
	return quickTwoSum(p.hi, p.lo)
}

func ddDiv(a, b dd) dd {
	q1 := a.hi / b.hi
	r := ddAdd(a, ddMulF(b, -q1))
	q2 := r.hi / b.hi
	r = ddAdd(r, ddMulF(b, -q2))
	q3 := r.hi / b.hi
	q := quickTwoSum(q1, q2)
	return ddAdd(q, dd{q3, 0})
}

var (
	ln2dd      = dd{math.Float64frombits(0x3FE62E42FEFA39EF), math.Float64frombits(0x3C7ABC9E3B39803F)}
	twoThirdDD = dd{2.0 / 3, -math.FMA(3, 2.0/3, -2) / 3}
)

// logDD is log(x) for finite x > 0 (subnormals included) in
// double-double, relative error below 2^-64.
func logDD(x float64) dd {
	f, k := math.Frexp(x)
	if f < math.Sqrt2/2 {
		f *= 2
		k--
	}
	s := ddDiv(dd{f - 1, 0}, twoSum(f, 1)) // |s| <= 0.1716
	s2 := ddMul(s, s)
	s3 := ddMul(s2, s)
	z := s2.hi
	tail := s3.hi * z * (2.0/5 + z*(2.0/7+z*(2.0/9+z*(2.0/11+z*(2.0/13+z*(2.0/15+z*(2.0/17+z*(2.0/19+z*(2.0/21+z*(2.0/23+z*2.0/25))))))))))
	l := ddAdd(dd{2 * s.hi, 2 * s.lo}, ddMul(s3, twoThirdDD))
	l = ddAdd(l, dd{tail, 0})
	return ddAdd(ddMulF(ln2dd, float64(k)), l)
}

// expDD is exp(t.hi + t.lo) rounded to float64 (within about 1 ULP).
func expDD(t dd) float64 {
	switch {
	case t.hi != t.hi:
		return t.hi
	case t.hi > 710:
		return math.Inf(1)
	case t.hi < -746:
		return 0
	}
	n := math.RoundToEven(t.hi / ln2dd.hi)
	p1 := twoProd(-n, ln2dd.hi) // exact
	r := ddAdd(t, p1)
	r = ddAdd(r, twoProd(-n, ln2dd.lo))
	x := r.hi
	// exp(x) - 1 - x by Taylor series (|x| <= 0.35: 18 terms reach 2^-60)
	p := 1.0 / 6402373705728000
	for _, c := range [...]float64{1.0 / 355687428096000, 1.0 / 20922789888000, 1.0 / 1307674368000,
		1.0 / 87178291200, 1.0 / 6227020800, 1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880,
		1.0 / 40320, 1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5} {
		p = p*x + c
	}
	s := twoSum(1, x) // exp(r) = 1 + x + x²·p + r.lo·(1 + x), summed with one final rounding
	s.lo += x*x*p + r.lo*(1+x)
	e := s.hi + s.lo
	if n > 1023 { // keep the scaling representable
		return math.Ldexp(e*2, int(n)-1)
	}
	return math.Ldexp(e, int(n))
}

// pow64 is C's pow for float64: the twin of the pow kernels.
func pow64(x, y float64) float64 {
	if x == 0 || x == 1 || y == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) || x != x || y != y {
		return math.Pow(x, y) // special cases: Go's follow C99 Annex F
	}
	switch {
	case y == 1:
		return x
	case y == 2: // correctly rounded, as NumPy's (the C library's) pow
		return x * x
	case y == -1:
		return 1 / x
	case y == 0.5 && x > 0:
		return math.Sqrt(x)
	}
	yInt := y == math.Trunc(y)
	if x < 0 && !yInt {
		return math.NaN()
	}
	neg := x < 0 && yInt && math.Abs(y) < 1<<53 && int64(y)&1 == 1
	ax := math.Abs(x)
	var r float64
	switch {
	case yInt && math.Abs(y) <= 1024:
		r = powIntDD(ax, int(y))
	default:
		var ok bool
		if ax >= 0x1p-1022 {
			r, ok = powFast(ax, y)
		}
		if !ok {
			r = expLog(ax, y)
		}
	}
	if neg {
		return -r
	}
	return r
}

// expLog is exp(y·log(x)) for finite x > 0.
func expLog(x, y float64) float64 {
	l := logDD(x)
	switch th := l.hi * y; {
	case th > 710:
		return math.Inf(1)
	case th < -746:
		return 0
	}
	return expDD(ddMulF(l, y))
}

// powIntDD multiplies out x**n in double-double when every partial
// result stays in the normal range, else goes through exp and log.
func powIntDD(x float64, n int) float64 {
	m := n
	if m < 0 {
		m = -m
	}
	acc, p := dd{1, 0}, dd{x, 0}
	ok := func(v dd) bool { a := math.Abs(v.hi); return a > 0x1p-960 && a < 0x1p960 }
	for m > 0 {
		if m&1 == 1 {
			acc = ddMul(acc, p)
			if !ok(acc) {
				return expLog(x, float64(n))
			}
		}
		m >>= 1
		if m > 0 {
			p = ddMul(p, p)
			if !ok(p) {
				return expLog(x, float64(n))
			}
		}
	}
	if n < 0 {
		acc = ddDiv(dd{1, 0}, acc)
	}
	return acc.hi + acc.lo
}

// powFast is x**y for a normal x > 0 and a finite, non-integral y
// with y·log x in (-700, 708), through tables (pow_tables_gen.go, made
// by internal/powgen): log x as a double-double from a 128-entry table
// and a polynomial, then exp of y·log x, also as hi + lo, from a
// 128-entry table of 2^(j/128) and a polynomial. ok is false, and the
// result to be had elsewhere, when y·log x is outside that range
// (results that overflow, or are subnormal or nearly so, where the
// last product below would lose bits). Max error 0.505 ULP measured on
// 200000 arguments against math/big (TestPowFastAccuracy runs 20000 of
// them). The assembly kernels do these operations in this order.
func powFast(x, y float64) (_ float64, ok bool) {
	// x = 2^k·z, z in [0.7058, 1.4116); log x = k·log 2 + log c +
	// log1p(r) with r = z·(1/c) - 1 exact (the table's 1/c have few
	// bits) and |r| < 2^-7.5
	ix := math.Float64bits(x)
	tmp := ix - powLogOff
	e := &powLogTab[(tmp>>(52-powLogBits))&(1<<powLogBits-1)]
	k := float64(int64(tmp) >> 52)
	z := math.Float64frombits(ix - tmp&powExpMask)
	r := math.FMA(z, e[0], -1)

	// k·log 2 + log c + r - r²/2 as h + (the rounding errors and the
	// low parts), each sum exact as a float64 pair
	s := twoSum(k*powLn2Hi, e[1]) // k·powLn2Hi is exact
	u := twoSum(s.hi, r)
	r2 := r * r
	h := twoSum(u.hi, -0.5*r2)
	// log1p(r) - r + r²/2 = r³·(1/3 - r/4 + ...), to r^9
	q := math.FMA(1.0/9, r, -1.0/8)
	q = math.FMA(q, r, 1.0/7)
	q = math.FMA(q, r, -1.0/6)
	q = math.FMA(q, r, 1.0/5)
	q = math.FMA(q, r, -1.0/4)
	q = math.FMA(q, r, 1.0/3)
	p := r * r2 * q
	lo := s.lo + u.lo + h.lo
	lo = math.FMA(-0.5, math.FMA(r, r, -r2), lo) // the low part of -r²/2
	lo += math.FMA(k, powLn2Lo, e[2])
	lo += p
	lHi := h.hi + lo
	lLo := h.hi - lHi + lo

	// t = y·log x as tHi + tLo
	tHi := y * lHi
	tLo := math.FMA(y, lLo, math.FMA(y, lHi, -tHi))
	if !(-700 < tHi && tHi < 708) {
		return 0, false
	}

	// exp(t) = 2^(n/128)·exp(rr), n the integer nearest t·128/log 2,
	// |rr| <= log(2)/256
	nf := math.FMA(tHi, powInvLn2N, powShift)
	n := math.Float64bits(nf) // n in its low bits
	nf -= powShift
	rr := math.FMA(nf, -powLn2HiN, tHi) // exact
	rr = math.FMA(nf, -powLn2LoN, rr) + tLo
	j := n & (1<<powExpBits - 1)
	scale := math.Float64frombits(powExpBitsTab[j] + n<<(52-powExpBits))
	em1 := math.FMA(1.0/720, rr, 1.0/120)
	em1 = math.FMA(em1, rr, 1.0/24)
	em1 = math.FMA(em1, rr, 1.0/6)
	em1 = math.FMA(em1, rr, 0.5)
	em1 = math.FMA(em1, rr*rr, rr)
	return math.FMA(scale, powExpTail[j]+em1, scale), true
}

const (
	powExpMask = 0xfff << 52
	powShift   = 0x1.8p52 // x + powShift has the integer nearest x in its low bits
)
