// Package floatfmt writes floats as NumPy does: the shortest decimal digits
// that identify a value in its own float type (Dragon4's unique mode, for
// float16, float32 and float64), and NumPy's str() of float and complex
// scalars built on them. Package dtype uses it for number-to-text casts and
// package ndarray for printing arrays.
package floatfmt

import (
	"math"
	"strconv"

	"github.com/x448/float16"
)

// Decimal is a non-negative decimal number d[0].d[1]d[2]… × 10^Exp().
type Decimal struct {
	buf [40]byte
	n   int // number of digits; no trailing zeros unless rounded
	exp int
}

// Digits returns the significant digits as ASCII ('0'–'9'); the first is
// the units digit of the scientific form.
func (d *Decimal) Digits() []byte { return d.buf[:d.n] }

// Exp returns the decimal exponent of the first digit.
func (d *Decimal) Exp() int { return d.exp }

// setE parses strconv's 'e' format ("1.2345e+06").
func (d *Decimal) setE(b []byte) {
	d.n = 0
	i := 0
	for ; i < len(b) && b[i] != 'e'; i++ {
		if b[i] != '.' && d.n < len(d.buf) {
			d.buf[d.n] = b[i]
			d.n++
		}
	}
	e, neg := 0, false
	for _, c := range b[min(i+1, len(b)):] {
		switch {
		case c == '-':
			neg = true
		case c >= '0' && c <= '9':
			e = 10*e + int(c-'0')
		}
	}
	if neg {
		e = -e
	}
	d.exp = e
}

// Rounded returns finite v >= 0 rounded correctly to prec digits after the
// first (strconv's 'e' format with that precision), trailing zeros kept.
func Rounded(v float64, prec int) Decimal {
	var d Decimal
	var tmp [48]byte
	d.setE(strconv.AppendFloat(tmp[:0], v, 'e', prec, 64))
	return d
}

// Shortest returns the shortest decimal that rounds to v in the float type
// of the given size in bits (16, 32 or 64), the nearest one when several
// are as short, ties to an even digit (Dragon4's unique mode, which NumPy
// prints with). v must be finite, >= 0 and a value of that type.
func Shortest(v float64, bits int) Decimal {
	var d Decimal
	var tmp [48]byte
	if bits != 16 {
		d.setE(strconv.AppendFloat(tmp[:0], v, 'e', -1, bits))
		return d
	}
	if v == 0 {
		d.setE(append(tmp[:0], "0e+00"...))
		return d
	}
	// float16 has no strconv support: find the first length n at which
	// the value truncated to n digits, or that plus one unit, lies within
	// the rounding interval of v, as Dragon4 does. The interval's ends
	// are exact float64 values, and a decimal of at most a few digits
	// compares with them exactly after parsing, since it cannot lie
	// within a float64 ulp of one without being equal to it.
	h := float16.Fromfloat32(float32(v)).Bits() // exact: v is a float16
	mant, ex := h&0x3ff, int(h>>10&0x1f)
	ulp := math.Ldexp(1, -24)
	if ex > 0 {
		ulp = math.Ldexp(1, ex-25)
	}
	mHigh := ulp / 2
	mLow := mHigh
	if ex > 1 && mant == 0 {
		mLow /= 2
	}
	even := h&1 == 0
	lo, hi := v-mLow, v+mHigh
	exact := Rounded(v, 30)
	all := exact.Digits()
	for n := 1; n < len(all); n++ {
		var t, u Decimal
		t.n, t.exp = n, exact.exp
		copy(t.buf[:], all[:n])
		u = t
		u.increment()
		ct, cu := t.float(), u.float()
		inT := ct > lo || (even && ct == lo)
		inU := cu < hi || (even && cu == hi)
		if !inT && !inU {
			continue
		}
		if inT && inU {
			// the nearer one; on a tie the even digit
			c := compareHalf(all[n:])
			if c > 0 || (c == 0 && (all[n-1]-'0')&1 == 1) {
				inT = false
			}
		}
		if inT {
			t.Trim()
			return t
		}
		u.Trim()
		return u
	}
	exact.Trim()
	return exact
}

// compareHalf compares the digit string 0.rest with one half.
func compareHalf(rest []byte) int {
	if len(rest) == 0 || rest[0] < '5' {
		return -1
	}
	if rest[0] > '5' {
		return 1
	}
	for _, c := range rest[1:] {
		if c != '0' {
			return 1
		}
	}
	return 0
}

// increment adds one unit in the last digit.
func (d *Decimal) increment() {
	i := d.n - 1
	for ; i >= 0 && d.buf[i] == '9'; i-- {
		d.buf[i] = '0'
	}
	if i < 0 {
		d.buf[0] = '1'
		for j := 1; j < d.n; j++ {
			d.buf[j] = '0'
		}
		d.exp++
		return
	}
	d.buf[i]++
}

// Trim drops trailing zero digits, keeping at least one digit.
func (d *Decimal) Trim() {
	for d.n > 1 && d.buf[d.n-1] == '0' {
		d.n--
	}
}

// float returns the value of d as the nearest float64.
func (d *Decimal) float() float64 {
	var tmp [64]byte
	b := d.AppendScientific(tmp[:0], 2, true)
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// AppendPositional appends the digits in positional notation, always with
// a '.', filling with zeros up to the units: "0.001", "120.", "1.5".
func (d *Decimal) AppendPositional(dst []byte) []byte {
	ds := d.Digits()
	if d.exp < 0 {
		dst = append(dst, "0."...)
		for i := -1; i > d.exp; i-- {
			dst = append(dst, '0')
		}
		return append(dst, ds...)
	}
	if len(ds) <= d.exp+1 {
		dst = append(dst, ds...)
		for i := len(ds); i <= d.exp; i++ {
			dst = append(dst, '0')
		}
		return append(dst, '.')
	}
	dst = append(dst, ds[:d.exp+1]...)
	dst = append(dst, '.')
	return append(dst, ds[d.exp+1:]...)
}

// AppendScientific appends d.ddde±XX with at least expDigits exponent
// digits; the '.' after a single digit is written only when dot is set
// ("1.e+05" rather than "1e+05").
func (d *Decimal) AppendScientific(dst []byte, expDigits int, dot bool) []byte {
	ds := d.Digits()
	dst = append(dst, ds[0])
	if len(ds) > 1 || dot {
		dst = append(dst, '.')
	}
	dst = append(dst, ds[1:]...)
	dst = append(dst, 'e')
	e := d.exp
	if e < 0 {
		dst = append(dst, '-')
		e = -e
	} else {
		dst = append(dst, '+')
	}
	var tmp [8]byte
	es := strconv.AppendInt(tmp[:0], int64(e), 10)
	for i := len(es); i < expDigits; i++ {
		dst = append(dst, '0')
	}
	return append(dst, es...)
}

// AppendFloat appends NumPy's str() of a float scalar of the given size in
// bits: the shortest digits that identify the value in its own type,
// positional for 1e-4 <= |v| < 1e16 and zero ("0.0001", "65500.0"),
// scientific otherwise with at least two exponent digits and no '.' after
// a single digit ("1e-05", "3.4028235e+38"). With plus, non-negative
// values and nan get a '+'; with noDot (the parts of a complex number)
// an integral positional value is written without its ".0" ("1", not
// "1.0").
func AppendFloat(dst []byte, v float64, bits int, plus, noDot bool) []byte {
	switch {
	case math.IsNaN(v):
		if plus {
			dst = append(dst, '+')
		}
		return append(dst, "nan"...)
	case math.IsInf(v, 0):
		if v < 0 {
			dst = append(dst, '-')
		} else if plus {
			dst = append(dst, '+')
		}
		return append(dst, "inf"...)
	}
	if math.Signbit(v) {
		dst = append(dst, '-')
	} else if plus {
		dst = append(dst, '+')
	}
	av := math.Abs(v)
	d := Shortest(av, bits)
	if av == 0 || (av < 1e16 && av >= 1e-4) {
		dst = d.AppendPositional(dst)
		if dst[len(dst)-1] == '.' {
			if noDot {
				return dst[:len(dst)-1]
			}
			dst = append(dst, '0')
		}
		return dst
	}
	return d.AppendScientific(dst, 2, false)
}

// AppendComplex appends NumPy's str() of a complex scalar whose parts are
// floats of the given size in bits: "(1+2j)", "-1j" when the real part is
// +0, "(1.5+nanj)".
func AppendComplex(dst []byte, re, im float64, bits int) []byte {
	if re == 0 && !math.Signbit(re) {
		dst = AppendFloat(dst, im, bits, false, true)
		return append(dst, 'j')
	}
	dst = append(dst, '(')
	dst = AppendFloat(dst, re, bits, false, true)
	dst = AppendFloat(dst, im, bits, true, true)
	return append(dst, "j)"...)
}
