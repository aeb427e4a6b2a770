package floatfmt

import (
	"math"
	"testing"

	"github.com/x448/float16"
)

// f16 rounds v to the nearest float16 value.
func f16(v float64) float64 { return float64(float16.Fromfloat32(float32(v)).Float32()) }

func TestAppendFloat(t *testing.T) {
	// str() of NumPy 1.24 scalars
	for _, c := range []struct {
		name string
		v    float64
		bits int
		want string
	}{
		{"float64 1.5", 1.5, 64, "1.5"},
		{"float64 0.1", 0.1, 64, "0.1"},
		{"float64 1e20", 1e20, 64, "1e+20"},
		{"float64 1e16", 1e16, 64, "1e+16"},
		{"float64 1e15", 1e15, 64, "1000000000000000.0"},
		{"float64 1e-5", 1e-5, 64, "1e-05"},
		{"float64 1e-4", 1e-4, 64, "0.0001"},
		{"float64 2.5e-8", 2.5e-8, 64, "2.5e-08"},
		{"float64 smallest subnormal", 5e-324, 64, "5e-324"},
		{"float64 nan", math.NaN(), 64, "nan"},
		{"float64 -inf", math.Inf(-1), 64, "-inf"},
		{"float64 -0", math.Copysign(0, -1), 64, "-0.0"},
		{"float64 integral", 123456789, 64, "123456789.0"},
		{"float32 0.1", float64(float32(0.1)), 32, "0.1"},
		{"float32 1e-4", float64(float32(1e-4)), 32, "1e-04"},
		{"float32 2**24", 16777216, 32, "16777216.0"},
		{"float32 max", math.MaxFloat32, 32, "3.4028235e+38"},
		{"float16 0.1", f16(0.1), 16, "0.1"},
		{"float16 1e-4", f16(1e-4), 16, "0.0001"},
		{"float16 1e-5", f16(1e-5), 16, "1e-05"},
		{"float16 max", 65504, 16, "65500.0"},
		{"float16 smallest subnormal", math.Ldexp(1, -24), 16, "6e-08"},
		{"float16 2048", 2048, 16, "2048.0"},
		{"float16 0", 0, 16, "0.0"},
	} {
		if got := string(AppendFloat(nil, c.v, c.bits, false, false)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestAppendComplex(t *testing.T) {
	for _, c := range []struct {
		re, im float64
		bits   int
		want   string
	}{
		{1, 2, 64, "(1+2j)"},
		{0, -1, 64, "-1j"},
		{1.5, math.NaN(), 64, "(1.5+nanj)"},
		{math.Copysign(0, -1), 1, 64, "(-0+1j)"},
		{float64(float32(0.1)), -2.5, 32, "(0.1-2.5j)"},
	} {
		if got := string(AppendComplex(nil, c.re, c.im, c.bits)); got != c.want {
			t.Errorf("complex(%v, %v): got %q, want %q", c.re, c.im, got, c.want)
		}
	}
}

func TestDecimal(t *testing.T) {
	d := Shortest(0.001, 64)
	if got := string(d.AppendPositional(nil)); got != "0.001" {
		t.Errorf("positional 0.001: got %q", got)
	}
	d = Shortest(120, 64)
	if got := string(d.AppendPositional(nil)); got != "120." {
		t.Errorf("positional 120: got %q", got)
	}
	if got := string(d.AppendScientific(nil, 3, false)); got != "1.2e+002" {
		t.Errorf("scientific 120: got %q", got)
	}
	d = Shortest(1e5, 64)
	if got := string(d.AppendScientific(nil, 2, true)); got != "1.e+05" {
		t.Errorf("scientific 1e5 with dot: got %q", got)
	}
	d = Rounded(1234.5678, 3)
	if got, e := string(d.Digits()), d.Exp(); got != "1235" || e != 3 {
		t.Errorf("Rounded(1234.5678, 3) = %s e%d, want 1235 e3", got, e)
	}
	d = Rounded(1.5, 4)
	d.Trim()
	if got := string(d.Digits()); got != "15" {
		t.Errorf("trimmed 1.5000: got %q", got)
	}
}
