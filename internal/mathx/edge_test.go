package mathx

import (
	"math"
	"testing"
)

var (
	inf  = math.Inf(1)
	nan  = math.NaN()
	negz = math.Copysign(0, -1)
)

// same compares bit patterns, any NaN matching any NaN.
func same(a, b float64) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

// TestEdgeValues checks special and boundary values against NumPy 1.24
// (C99 Annex F), bit for bit.
func TestEdgeValues(t *testing.T) {
	cases := []struct {
		name string
		f    func(float64) float64
		x    float64
		want float64
	}{
		{"log", Log, negz, -inf},
		{"log", Log, 0, -inf},
		{"log", Log, -1, nan},
		{"log", Log, inf, inf},
		{"log", Log, 1, 0},
		{"log", Log, 1.0000000000000002, 2.2204460492503128e-16},
		{"log10", Log10, 1e22, 22},
		{"log10", Log10, 1e-5, -5},
		{"log2", Log2, 5e-324, -1074},
		{"log1p", Log1p, negz, negz},
		{"log1p", Log1p, -1, -inf},
		{"log1p", Log1p, 1e-300, 1e-300},
		{"exp", Exp, -inf, 0},
		{"exp", Exp, inf, inf},
		{"exp", Exp, negz, 1},
		{"exp", Exp, 709.782712893384, 1.7976931348622732e+308},
		{"exp", Exp, 710, inf},
		{"exp2", Exp2, -1074, 5e-324},
		{"exp2", Exp2, 1024, inf},
		{"expm1", Expm1, negz, negz},
		{"expm1", Expm1, 1e-300, 1e-300},
		{"expm1", Expm1, 709.78, 1.7928227943945155e+308},
		{"expm1", Expm1, -inf, -1},
		{"sin", Sin, negz, negz},
		{"sin", Sin, 1e22, -0.8522008497671888},
		{"sin", Sin, math.Pi, 1.2246467991473532e-16},
		{"sin", Sin, inf, nan},
		{"cos", Cos, 1e22, 0.523214785395139},
		{"cos", Cos, math.Pi / 2, 6.123233995736766e-17},
		{"tan", Tan, negz, negz},
		{"arcsin", Asin, negz, negz},
		{"arcsin", Asin, 0.9999999999999999, 1.5707963118937354},
		{"arcsin", Asin, 1.5, nan},
		{"arccos", Acos, 1, 0},
		{"arccos", Acos, 0.9999999999999999, 1.4901161193847656e-08},
		{"arccos", Acos, -1, math.Pi},
		{"arctan", Atan, -inf, -math.Pi / 2},
		{"sinh", Sinh, negz, negz},
		{"sinh", Sinh, 710.4, 1.6663642832806496e+308},
		{"sinh", Sinh, -inf, -inf},
		{"cosh", Cosh, -710.4, 1.6663642832806496e+308},
		{"cosh", Cosh, -inf, inf},
		{"tanh", Tanh, negz, negz},
		{"tanh", Tanh, -inf, -1},
		{"arcsinh", Asinh, negz, negz},
		{"arcsinh", Asinh, 1e300, 691.4686750787737},
		{"arccosh", Acosh, 1, 0},
		{"arccosh", Acosh, 1.0000000000000002, 2.1073424255447017e-08},
		{"arctanh", Atanh, 1, inf},
		{"arctanh", Atanh, -1, -inf},
		{"arctanh", Atanh, 0.9999999999999999, 18.714973875118524},
		{"cbrt", Cbrt, -27, -3},
		{"cbrt", Cbrt, negz, negz},
	}
	for _, c := range cases {
		if got := c.f(c.x); !same(got, c.want) {
			t.Errorf("%s(%v) = %v, want %v", c.name, c.x, got, c.want)
		}
	}
	// tan(1e22) = -1.62877822560689887…, nearly halfway between two
	// doubles: either neighbour is within 0.52 ULP.
	if got := Tan(1e22); got != -1.6287782256068988 && got != -1.628778225606899 {
		t.Errorf("Tan(1e22) = %v", got)
	}
}

func TestEdgeValues2(t *testing.T) {
	cases := []struct {
		name string
		f    func(float64, float64) float64
		x, y float64
		want float64
	}{
		{"arctan2", Atan2, negz, -1, -math.Pi},
		{"arctan2", Atan2, 0, negz, math.Pi},
		{"arctan2", Atan2, negz, negz, -math.Pi},
		{"arctan2", Atan2, negz, 0, negz},
		{"arctan2", Atan2, -5e-324, -2.5, -math.Pi},
		{"arctan2", Atan2, 1, negz, math.Pi / 2},
		{"arctan2", Atan2, -inf, -inf, -3 * math.Pi / 4},
		{"arctan2", Atan2, inf, inf, math.Pi / 4},
		{"arctan2", Atan2, -1, inf, negz},
		{"arctan2", Atan2, 1, -inf, math.Pi},
		{"arctan2", Atan2, nan, 1, nan},
		{"hypot", Hypot, inf, nan, inf},
		{"hypot", Hypot, nan, -inf, inf},
		{"hypot", Hypot, nan, 1, nan},
		{"hypot", Hypot, 1e308, 1e308, 1.4142135623730951e+308},
		{"hypot", Hypot, 3e-320, 4e-320, 5e-320},
		{"hypot", Hypot, -3, 4, 5},
		{"logaddexp", Logaddexp, -inf, -inf, -inf},
		{"logaddexp", Logaddexp, inf, inf, inf},
		{"logaddexp", Logaddexp, 0, 0, math.Ln2},
		{"logaddexp", Logaddexp, 1000, 0, 1000},
		{"logaddexp2", Logaddexp2, 3, 3, 4},
		{"logaddexp2", Logaddexp2, -inf, 5, 5},
	}
	for _, c := range cases {
		if got := c.f(c.x, c.y); !same(got, c.want) {
			t.Errorf("%s(%v, %v) = %v, want %v", c.name, c.x, c.y, got, c.want)
		}
	}
}

// TestExactPowers: log2, log10 and exp2 are exact on exact powers.
func TestExactPowers(t *testing.T) {
	for k := -1074; k <= 1023; k++ {
		x := math.Ldexp(1, k)
		if got := Log2(x); got != float64(k) {
			t.Errorf("Log2(2^%d) = %v", k, got)
		}
		if got := Exp2(float64(k)); got != x {
			t.Errorf("Exp2(%d) = %v, want %v", k, got, x)
		}
	}
	p := 1.0
	for k := 0; k <= 22; k++ {
		if got := Log10(p); got != float64(k) {
			t.Errorf("Log10(1e%d) = %v", k, got)
		}
		p *= 10
	}
}
