package mathx

import (
	"math"
	"math/big"
)

// Fast kernels for contiguous runs of the most used math ufuncs. Each
// slice function computes dst[i] = f(src[i]) for i < len(dst) (src must
// be at least as long; dst and src may be the same slice). The common
// arguments take a short, inlined path written for throughput; the rest
// (special values, results near overflow or in the subnormal range,
// trigonometric arguments too large for the short reduction) go to the
// accurate functions of this package, so every result stays within the
// stated bound.

// expN is the number of entries of the 2^(i/N) table of the fast exp.
const expN = 128

// Constants of the fast exp (the method of ARM's optimized-routines):
// x = k·ln2/N + r, |r| <= ln2/(2N), eˣ = 2^(k/N)·eʳ.
const (
	expInvLn2N = math.Log2E * expN
	// ln2/N split: the high part has 36 significant bits, so k·hi is
	// exact for |k| < 2^17.
	expLn2HiN = 0x1.62e42fefa0000p-8
	expLn2LoN = (math.Ln2/expN - expLn2HiN)
	expShift  = 0x1.8p52
	// expFastMax bounds the arguments of the fast path: the result and
	// the scale 2^(k/N) are normal and finite.
	expFastMax = 708.0
)

// expTab holds, for i < N, the bits of 2^(i/N) rounded to float64 minus
// i<<45 (so that adding k<<45 puts k/N into the exponent), and the
// relative error of that rounding, (2^(i/N) - hi)/hi.
var expTab = func() (t [2 * expN]uint64) {
	const prec = 256
	base := new(big.Float).SetPrec(prec).SetInt64(2)
	for range 7 { // 2^(1/128)
		base.Sqrt(base)
	}
	v := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := range expN {
		hi, _ := v.Float64()
		d := new(big.Float).SetPrec(prec).Sub(v, new(big.Float).SetFloat64(hi))
		d.Quo(d, new(big.Float).SetFloat64(hi))
		tail, _ := d.Float64()
		t[2*i] = math.Float64bits(tail)
		t[2*i+1] = math.Float64bits(hi) - uint64(i)<<45
		v.Mul(v, base)
	}
	return t
}()

// floatT is the element type of the slice kernels.
type floatT interface{ ~float32 | ~float64 }

// ExpSlice64 sets dst[i] = eˣ for x = src[i]. Max error measured against
// a double-double reference: 0.51 ULP (Exp's 1.00 ULP for subnormal
// results).
func ExpSlice64(dst, src []float64) { expSlice(dst, src) }

// ExpSlice32 sets dst[i] = eˣ for x = src[i], computed in float64 and
// rounded once. Max error measured over every 97th float32 bit pattern
// and the edge ranges: 0.50 ULP.
func ExpSlice32(dst, src []float32) { expSlice(dst, src) }

// expSlice is the fast exp (ARM's method, written in the loop body so
// nothing is called per element on the fast path).
func expSlice[T floatT](dst, src []T) {
	src = src[:len(dst)]
	for i, xs := range src {
		x := float64(xs)
		if !(math.Abs(x) <= expFastMax) {
			dst[i] = T(Exp(x))
			continue
		}
		kd := x*expInvLn2N + expShift
		ki := math.Float64bits(kd)
		kd -= expShift
		r := x - kd*expLn2HiN - kd*expLn2LoN
		idx := 2 * (ki % expN)
		tail := math.Float64frombits(expTab[idx&(2*expN-1)])
		sbits := expTab[(idx+1)&(2*expN-1)] + ki<<45
		r2 := r * r
		tmp := tail + r + r2*(0.5+r*(1.0/6)) + r2*r2*(1.0/24+r*(1.0/120))
		scale := math.Float64frombits(sbits)
		dst[i] = T(scale + scale*tmp)
	}
}

// log constants: the bits of √2/2 (to split off the exponent), of the
// smallest normal and of +Inf, and fdlibm's split of ln 2.
const (
	logOff    = 0x3fe6a09e667f3bcd
	minNormal = 0x0010000000000000
	infBits   = 0x7ff0000000000000
)

// LogSlice64 sets dst[i] = log(x) for x = src[i]. Max error measured
// against a double-double reference: 0.87 ULP.
func LogSlice64(dst, src []float64) { logSlice(dst, src) }

// LogSlice32 sets dst[i] = log(x) for x = src[i], computed in float64
// and rounded once. Max error measured over every 97th float32 bit
// pattern and the edge ranges: 0.50 ULP.
func LogSlice32(dst, src []float32) { logSlice(dst, src) }

// logSlice is fdlibm's logarithm with the exponent split off by integer
// arithmetic; arguments that are not positive, normal and finite go to
// Log.
func logSlice[T floatT](dst, src []T) {
	src = src[:len(dst)]
	for i, xs := range src {
		x := float64(xs)
		ix := math.Float64bits(x)
		if ix-minNormal >= infBits-minNormal {
			dst[i] = T(Log(x))
			continue
		}
		tmp := ix - logOff
		k := int64(tmp) >> 52
		z := math.Float64frombits(ix - uint64(k)<<52) // in [√2/2, √2)
		f := z - 1
		kf := float64(k)
		s := f / (2 + f)
		s2 := s * s
		s4 := s2 * s2
		t1 := s2 * (lg1 + s4*(lg3+s4*(lg5+s4*lg7)))
		t2 := s4 * (lg2 + s4*(lg4+s4*lg6))
		R := t1 + t2
		hfsq := 0.5 * f * f
		dst[i] = T(kf*expLn2Hi - ((hfsq - (s*(hfsq+R) + kf*expLn2Lo)) - f))
	}
}

// Trigonometric fast path: Cody–Waite reduction by π/2 with the split
// constants of trig.go (n·p1, n·p2, n·p3 exact for n < 2²⁰), valid for
// |x| <= trigFastMax; the remainder r = rh + rl, |r| <= π/4 (slightly
// more after rounding), feeds fdlibm's sin and cos kernels, which take
// the tail rl into account. A remainder below trigTinyR (an argument
// very close to a multiple of π/2, where cancellation could matter) goes
// to the accurate path too.
const (
	trigFastMax = 0x1p17
	trigTinyR   = 0x1p-22
)

// fdlibm's kernel coefficients (k_sin.c, k_cos.c).
const (
	ks1 = -1.66666666666666324348e-01
	ks2 = 8.33333333332248946124e-03
	ks3 = -1.98412698298579493134e-04
	ks4 = 2.75573137070700676789e-06
	ks5 = -2.50507602534068634195e-08
	ks6 = 1.58969099521155010221e-10
	kc1 = 4.16666666666666019037e-02
	kc2 = -1.38888888888741095749e-03
	kc3 = 2.48015872894767294178e-05
	kc4 = -2.75573143513906633035e-07
	kc5 = 2.08757232129817482790e-09
	kc6 = -1.13596475577881948265e-11
)

// sinKernel is fdlibm's __kernel_sin(x, y, 1) on |x| <= ~π/4.
func sinKernel(x, y float64) float64 {
	z := x * x
	v := z * x
	r := ks2 + z*(ks3+z*(ks4+z*(ks5+z*ks6)))
	return x - ((z*(0.5*y-v*r) - y) - v*ks1)
}

// cosKernel is fdlibm's __kernel_cos(x, y) on |x| <= ~π/4.
func cosKernel(x, y float64) float64 {
	z := x * x
	r := z * (kc1 + z*(kc2+z*(kc3+z*(kc4+z*(kc5+z*kc6)))))
	hz := 0.5 * z
	w := 1 - hz
	return w + (((1 - w) - hz) + (z*r - x*y))
}

// SinSlice64 sets dst[i] = sin(x) for x = src[i]. Max error measured
// against a double-double reference: 0.71 ULP for |x| <= 2¹⁷, Sin's
// beyond.
func SinSlice64(dst, src []float64) { trigSlice(dst, src, 0) }

// CosSlice64 sets dst[i] = cos(x) for x = src[i]. Max error measured
// against a double-double reference: 0.74 ULP for |x| <= 2¹⁷, Cos's
// beyond.
func CosSlice64(dst, src []float64) { trigSlice(dst, src, 1) }

// SinSlice32 sets dst[i] = sin(x) for x = src[i], computed in float64
// and rounded once. Max error measured over every 97th float32 bit
// pattern and the edge ranges: 0.50 ULP.
func SinSlice32(dst, src []float32) { trigSlice(dst, src, 0) }

// CosSlice32 sets dst[i] = cos(x) for x = src[i], computed in float64
// and rounded once. Max error measured over every 97th float32 bit
// pattern and the edge ranges: 0.50 ULP.
func CosSlice32(dst, src []float32) { trigSlice(dst, src, 1) }

// trigSlice computes sin (q = 0) or cos (q = 1): cos x = sin(x + π/2),
// so the quadrant of the cosine is the sine's plus one.
func trigSlice[T floatT](dst, src []T, q uint64) {
	src = src[:len(dst)]
	for i, xs := range src {
		x := float64(xs)
		if !(math.Abs(x) <= trigFastMax) {
			dst[i] = T(trigAccurate(x, q))
			continue
		}
		fn := (x*twoOPi + expShift) - expShift // round to nearest
		t := x - fn*pio2p1                     // exact
		w := -fn * pio2p2                      // exact
		h := t + w
		var l float64
		if math.Abs(t) >= math.Abs(w) {
			l = (t - h) + w
		} else {
			l = (w - h) + t
		}
		l -= fn * pio2p3
		l -= fn * pio2p4
		rh := h + l
		rl := (h - rh) + l
		if math.Abs(rh) < trigTinyR {
			dst[i] = T(trigAccurate(x, q))
			continue
		}
		n := uint64(int64(fn)) + q
		var s float64
		if n&1 == 0 {
			s = sinKernel(rh, rl)
		} else {
			s = cosKernel(rh, rl)
		}
		dst[i] = T(math.Float64frombits(math.Float64bits(s) ^ (n&2)<<62))
	}
}

// trigAccurate is Sin (q = 0) or Cos (q = 1).
func trigAccurate(x float64, q uint64) float64 {
	if q == 0 {
		return Sin(x)
	}
	return Cos(x)
}

// SqrtSlice64 sets dst[i] = √x for x = src[i], correctly rounded.
func SqrtSlice64(dst, src []float64) {
	src = src[:len(dst)]
	for i, x := range src {
		dst[i] = math.Sqrt(x)
	}
}

// SqrtSlice32 sets dst[i] = √x for x = src[i], correctly rounded (the
// float64 square root rounded to float32 is the correctly rounded
// float32 one).
func SqrtSlice32(dst, src []float32) {
	src = src[:len(dst)]
	for i, x := range src {
		dst[i] = float32(math.Sqrt(float64(x)))
	}
}
