package mathx

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// A math/big reference for the accuracy tests: every function is
// computed with at least 300 bits (more where the result cancels) and
// compared with the float64 function under test in ULPs of the exact
// result.

const refPrec = 320

func bf(x float64, prec uint) *big.Float { return new(big.Float).SetPrec(prec).SetFloat64(x) }

func newF(prec uint) *big.Float { return new(big.Float).SetPrec(prec) }

// refExp returns e^x by Taylor series after halving x s times.
func refExp(x *big.Float, prec uint) *big.Float {
	p := prec + 64
	s := x.MantExp(nil) + 12
	if s < 0 {
		s = 0
	}
	r := newF(p).SetMantExp(newF(p).Set(x), -s)
	sum := bf(1, p)
	term := bf(1, p)
	eps := newF(p).SetMantExp(bf(1, p), -int(p))
	for k := int64(1); ; k++ {
		term.Mul(term, r)
		term.Quo(term, newF(p).SetInt64(k))
		sum.Add(sum, term)
		if newF(p).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for range s {
		sum.Mul(sum, sum)
	}
	return sum.SetPrec(prec)
}

// refLog returns log(x), x > 0, by Newton's iteration on refExp.
func refLog(x *big.Float, prec uint) *big.Float {
	p := prec + 32
	xf, _ := x.Float64()
	y := bf(math.Log(xf), p)
	if xf == 0 || math.IsInf(xf, 0) {
		panic("refLog: out of range")
	}
	for range 6 {
		e := refExp(y, p)
		num := newF(p).Sub(x, e)
		den := newF(p).Add(x, e)
		num.Quo(num, den)
		y.Add(y, num.Mul(num, bf(2, p)))
	}
	return y.SetPrec(prec)
}

// refPi returns π to prec bits, checked against a literal in TestRefPi.
func refPi(prec uint) *big.Float { return bigPi(prec) }

// refSinCos returns sin x and cos x.
func refSinCos(x *big.Float, prec uint) (*big.Float, *big.Float) {
	p := prec + uint(max(0, x.MantExp(nil))) + 64
	pi := refPi(p)
	hp := newF(p).Quo(pi, bf(2, p))
	q := newF(p).Quo(newF(p).Set(x).SetPrec(p), hp)
	// nearest integer
	qi, _ := newF(p).Add(q, bf(0.5, p)).Int(nil)
	if newF(p).Add(q, bf(0.5, p)).Sign() < 0 {
		qi.Sub(qi, big.NewInt(1))
		// Int truncates toward zero; fix floor for negatives
		t := newF(p).Add(q, bf(0.5, p))
		if newF(p).SetInt(new(big.Int).Add(qi, big.NewInt(1))).Cmp(t) == 0 {
			qi.Add(qi, big.NewInt(1))
		}
	}
	r := newF(p).Sub(newF(p).Set(x).SetPrec(p), newF(p).Mul(newF(p).SetInt(qi), hp))
	// Taylor series on |r| <= π/4
	eps := newF(p).SetMantExp(bf(1, p), -int(p))
	r2 := newF(p).Mul(r, r)
	s, c := newF(p).Set(r), bf(1, p)
	ts, tc := newF(p).Set(r), bf(1, p)
	for k := int64(1); ; k++ {
		ts.Mul(ts, r2)
		ts.Quo(ts, newF(p).SetInt64(-(2*k)*(2*k+1)))
		s.Add(s, ts)
		tc.Mul(tc, r2)
		tc.Quo(tc, newF(p).SetInt64(-(2*k-1)*(2*k)))
		c.Add(c, tc)
		if newF(p).Abs(tc).Cmp(eps) < 0 && newF(p).Abs(ts).Cmp(eps) < 0 {
			break
		}
	}
	n := new(big.Int).Mod(qi, big.NewInt(4)).Int64()
	switch n {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	return s.SetPrec(prec), c.SetPrec(prec)
}

// refAtan returns atan x.
func refAtan(x *big.Float, prec uint) *big.Float {
	p := prec + 64
	a := newF(p).Abs(x)
	inv := false
	if a.Cmp(bf(1, p)) > 0 {
		a.Quo(bf(1, p), a)
		inv = true
	}
	// halve the argument three times: atan(a) = 2 atan(a/(1+sqrt(1+a²)))
	for range 3 {
		d := newF(p).Mul(a, a)
		d.Add(d, bf(1, p))
		d.Sqrt(d)
		d.Add(d, bf(1, p))
		a.Quo(a, d)
	}
	eps := newF(p).SetMantExp(bf(1, p), -int(p))
	a2 := newF(p).Mul(a, a)
	sum := newF(p).Set(a)
	term := newF(p).Set(a)
	for k := int64(1); ; k++ {
		term.Mul(term, a2)
		term.Neg(term)
		t := newF(p).Quo(term, newF(p).SetInt64(2*k+1))
		sum.Add(sum, t)
		if newF(p).Abs(t).Cmp(eps) < 0 {
			break
		}
	}
	sum.Mul(sum, bf(8, p))
	if inv {
		hp := newF(p).Quo(refPi(p), bf(2, p))
		sum.Sub(hp, sum)
	}
	if x.Sign() < 0 {
		sum.Neg(sum)
	}
	return sum.SetPrec(prec)
}

// ulpErr returns |got - want| in ULPs of want rounded to float64.
func ulpErr(got float64, want *big.Float) float64 {
	w, _ := want.Float64()
	if math.IsInf(w, 0) || math.IsInf(got, 0) {
		if got == w {
			return 0
		}
		if math.IsInf(w, 0) {
			// exact result beyond MaxFloat64: measure against it anyway
			w = math.Copysign(math.MaxFloat64, w)
		} else {
			return math.Inf(1)
		}
	}
	sp := math.Nextafter(math.Abs(w), math.Inf(1)) - math.Abs(w)
	if math.Abs(w) == math.MaxFloat64 {
		sp = math.Abs(w) - math.Nextafter(math.Abs(w), 0)
	}
	d := newF(refPrec).Sub(bf(got, refPrec), want)
	df, _ := d.Float64()
	return math.Abs(df) / sp
}

// extra returns the bits of extra precision a cancelling formula needs.
func extra(x float64) uint {
	_, e := math.Frexp(x)
	if e < 0 {
		return uint(-e) + 64
	}
	return 64
}

type accCase struct {
	name   string
	f      func(float64) float64
	ref    func(x float64) *big.Float
	ranges [][2]float64
	bound  float64
}

func one(p uint) *big.Float { return bf(1, p) }

func refCases() []accCase {
	p := uint(refPrec)
	return []accCase{
		{"exp", Exp, func(x float64) *big.Float { return refExp(bf(x, p), p) }, [][2]float64{{-745, 709.78}, {-1, 1}, {-1e-10, 1e-10}}, 1},
		{"exp2", Exp2, func(x float64) *big.Float {
			return refExp(newF(p).Mul(bf(x, p), refLog(bf(2, p), p)), p)
		}, [][2]float64{{-1074, 1023.99}, {-1, 1}}, 1},
		{"expm1", Expm1, func(x float64) *big.Float {
			q := p + extra(x)
			return newF(q).Sub(refExp(bf(x, q), q), one(q))
		}, [][2]float64{{-40, 709.78}, {-1, 1}, {-1e-12, 1e-12}}, 1},
		{"log", Log, func(x float64) *big.Float { return refLog(bf(x, p), p) }, [][2]float64{{1e-310, 1e308}, {0.5, 2}, {0.999, 1.001}}, 1},
		{"log2", Log2, func(x float64) *big.Float {
			return newF(p).Quo(refLog(bf(x, p), p), refLog(bf(2, p), p))
		}, [][2]float64{{1e-310, 1e308}, {0.5, 2}, {0.999, 1.001}}, 1},
		{"log10", Log10, func(x float64) *big.Float {
			return newF(p).Quo(refLog(bf(x, p), p), refLog(bf(10, p), p))
		}, [][2]float64{{1e-310, 1e308}, {0.5, 2}, {0.999, 1.001}}, 1},
		{"log1p", Log1p, func(x float64) *big.Float {
			q := p + extra(x)
			return refLog(newF(q).Add(bf(x, q), one(q)), q)
		}, [][2]float64{{-0.999, 1e300}, {-1e-12, 1e-12}, {-0.5, 0.5}}, 1},
		{"sin", Sin, func(x float64) *big.Float { s, _ := refSinCos(bf(x, p), p); return s }, [][2]float64{{-10, 10}, {-1e8, 1e8}, {-1e300, 1e300}}, 1.5},
		{"cos", Cos, func(x float64) *big.Float { _, c := refSinCos(bf(x, p), p); return c }, [][2]float64{{-10, 10}, {-1e8, 1e8}, {-1e300, 1e300}}, 1.5},
		{"tan", Tan, func(x float64) *big.Float {
			s, c := refSinCos(bf(x, p), p)
			return s.Quo(s, c)
		}, [][2]float64{{-10, 10}, {-1e8, 1e8}, {-1e300, 1e300}, {-1e-6, 1e-6}}, 2},
		{"atan", Atan, func(x float64) *big.Float { return refAtan(bf(x, p), p) }, [][2]float64{{-4, 4}, {-1e20, 1e20}, {-1e-5, 1e-5}}, 1.5},
		{"asin", Asin, func(x float64) *big.Float {
			d := newF(p).Sub(one(p), newF(p).Mul(bf(x, p), bf(x, p)))
			if d.Sign() == 0 {
				return newF(p).Mul(refAtan(bf(math.Inf(1), p), p), bf(1, p)).Quo(refPi(p), bf(math.Copysign(2, x), p))
			}
			d.Sqrt(d)
			return refAtan(d.Quo(bf(x, p), d), p)
		}, [][2]float64{{-1, 1}, {0.99, 1}, {-1e-5, 1e-5}}, 2},
		{"acos", Acos, func(x float64) *big.Float {
			d := newF(p).Sub(one(p), newF(p).Mul(bf(x, p), bf(x, p)))
			d.Sqrt(d)
			a := refAtan(newF(p).Quo(d, bf(math.Abs(x), p)), p)
			if x < 0 {
				a.Sub(refPi(p), a)
			}
			return a
		}, [][2]float64{{-1, 1}, {0.99, 1}, {-1, -0.99}}, 2},
		{"sinh", Sinh, func(x float64) *big.Float {
			q := p + extra(x)
			e := refExp(bf(x, q), q)
			e.Sub(e, newF(q).Quo(one(q), e))
			return e.Quo(e, bf(2, q))
		}, [][2]float64{{-710.4, 710.4}, {-1, 1}, {-1e-9, 1e-9}}, 2},
		{"cosh", Cosh, func(x float64) *big.Float {
			e := refExp(bf(x, p), p)
			e.Add(e, newF(p).Quo(one(p), e))
			return e.Quo(e, bf(2, p))
		}, [][2]float64{{-710.4, 710.4}, {-1, 1}}, 2},
		{"tanh", Tanh, func(x float64) *big.Float {
			q := p + extra(x)
			e := refExp(bf(2*x, q), q) // 2x is exact
			n := newF(q).Sub(e, one(q))
			return n.Quo(n, e.Add(e, one(q)))
		}, [][2]float64{{-20, 20}, {-1, 1}, {-1e-9, 1e-9}}, 2.5},
		{"asinh", Asinh, func(x float64) *big.Float {
			q := p + extra(x)
			a := bf(math.Abs(x), q)
			s := newF(q).Mul(a, a)
			s.Add(s, one(q)).Sqrt(s).Add(s, a)
			r := refLog(s, q)
			if x < 0 {
				r.Neg(r)
			}
			return r
		}, [][2]float64{{-1e300, 1e300}, {-2, 2}, {-1e-9, 1e-9}}, 2},
		{"acosh", Acosh, func(x float64) *big.Float {
			a := bf(x, p)
			s := newF(p).Mul(a, a)
			s.Sub(s, one(p)).Sqrt(s).Add(s, a)
			return refLog(s, p)
		}, [][2]float64{{1, 1e300}, {1, 2}}, 2},
		{"atanh", Atanh, func(x float64) *big.Float {
			q := p + extra(x)
			n := newF(q).Add(one(q), bf(x, q))
			n.Quo(n, newF(q).Sub(one(q), bf(x, q)))
			r := refLog(n, q)
			return r.Quo(r, bf(2, q))
		}, [][2]float64{{-1, 1}, {-1e-9, 1e-9}, {0.999, 1}}, 2},
		{"cbrt", Cbrt, func(x float64) *big.Float {
			a := bf(x, p)
			y := bf(math.Cbrt(x), p)
			for range 5 { // Newton: y -= (y³ - a)/(3y²)
				y2 := newF(p).Mul(y, y)
				n := newF(p).Mul(y2, y)
				n.Sub(n, a)
				y.Sub(y, n.Quo(n, y2.Mul(y2, bf(3, p))))
			}
			return y
		}, [][2]float64{{-1e300, 1e300}, {-8, 8}}, 1},
	}
}

// sample draws x from [lo, hi]: log-uniform in magnitude for wide ranges.
func sample(r *rand.Rand, lo, hi float64) float64 {
	if hi-lo > 1e4 {
		m := math.Max(math.Abs(lo), math.Abs(hi))
		mn := 1e-300
		if lo >= 0 {
			mn = math.Max(lo, 1e-300)
		}
		x := math.Exp(math.Log(mn) + r.Float64()*(math.Log(m)-math.Log(mn)))
		if lo < 0 && r.IntN(2) == 0 {
			x = -x
		}
		if x < lo || x > hi {
			return lo + (hi-lo)*r.Float64()
		}
		return x
	}
	return lo + (hi-lo)*r.Float64()
}

func TestAccuracyFloat64(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range refCases() {
		t.Run(c.name, func(t *testing.T) {
			worst, at := 0.0, 0.0
			for _, rg := range c.ranges {
				for range n {
					x := sample(r, rg[0], rg[1])
					if e := ulpErr(c.f(x), c.ref(x)); e > worst {
						worst, at = e, x
					}
				}
			}
			t.Logf("%s: max error %.3f ULP at %v", c.name, worst, at)
			if worst > c.bound {
				t.Errorf("%s: max error %.3f ULP at %v, bound %v", c.name, worst, at, c.bound)
			}
		})
	}
}

func TestRefPi(t *testing.T) {
	const lit = "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651"
	want, _, _ := new(big.Float).SetPrec(360).Parse(lit, 10)
	got := refPi(360)
	d := new(big.Float).Sub(got, want)
	if d.Abs(d).Cmp(new(big.Float).SetMantExp(big.NewFloat(1), -350)) > 0 {
		t.Fatalf("pi is off by %v", d)
	}
}

func TestAccuracyFloat64Binary(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	r := rand.New(rand.NewPCG(3, 4))
	p := uint(refPrec)
	cases := []struct {
		name  string
		f     func(float64, float64) float64
		ref   func(y, x float64) *big.Float
		bound float64
	}{
		{"atan2", Atan2, func(y, x float64) *big.Float {
			q := newF(p).Quo(bf(math.Abs(y), p), bf(math.Abs(x), p))
			a := refAtan(q, p)
			if x < 0 {
				a.Sub(refPi(p), a)
			}
			if y < 0 {
				a.Neg(a)
			}
			return a
		}, 2},
		{"hypot", Hypot, func(y, x float64) *big.Float {
			s := newF(2*p).Mul(bf(x, 2*p), bf(x, 2*p))
			s.Add(s, newF(2*p).Mul(bf(y, 2*p), bf(y, 2*p)))
			return s.Sqrt(s).SetPrec(p)
		}, 0.5},
	}
	for _, c := range cases {
		worst := 0.0
		var wy, wx float64
		for i := range n {
			var y, x float64
			if i%2 == 0 {
				y, x = sample(r, -100, 100), sample(r, -100, 100)
			} else {
				y, x = sample(r, -1e300, 1e300), sample(r, -1e300, 1e300)
			}
			if e := ulpErr(c.f(y, x), c.ref(y, x)); e > worst {
				worst, wy, wx = e, y, x
			}
		}
		t.Logf("%s: max error %.3f ULP at (%v, %v)", c.name, worst, wy, wx)
		if worst > c.bound {
			t.Errorf("%s: max error %.3f ULP at (%v, %v), bound %v", c.name, worst, wy, wx, c.bound)
		}
	}
}
