package dtype

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pluribus-go/pluribus/internal/floatfmt"
	"github.com/pluribus-go/pluribus/internal/pyrepr"
	"github.com/x448/float16"
)

// The text of numbers: NumPy's str() of a scalar, written when a number
// is cast to a string, and Python's int(), float() and complex(), read
// when a string is cast to a number.

// appendNumberText appends NumPy's str() of the number of the built-in
// type d held in v (native byte order).
func appendNumberText(dst []byte, d DType, v []byte) []byte {
	ne := binary.NativeEndian
	switch d.Num() {
	case NumBool:
		if v[0] != 0 {
			return append(dst, "True"...)
		}
		return append(dst, "False"...)
	case NumInt8:
		return strconv.AppendInt(dst, int64(int8(v[0])), 10)
	case NumUint8:
		return strconv.AppendUint(dst, uint64(v[0]), 10)
	case NumInt16:
		return strconv.AppendInt(dst, int64(int16(ne.Uint16(v))), 10)
	case NumUint16:
		return strconv.AppendUint(dst, uint64(ne.Uint16(v)), 10)
	case NumInt32:
		return strconv.AppendInt(dst, int64(int32(ne.Uint32(v))), 10)
	case NumUint32:
		return strconv.AppendUint(dst, uint64(ne.Uint32(v)), 10)
	case NumInt64:
		return strconv.AppendInt(dst, int64(ne.Uint64(v)), 10)
	case NumUint64:
		return strconv.AppendUint(dst, ne.Uint64(v), 10)
	case NumFloat16:
		return floatfmt.AppendFloat(dst, float64(float16.Frombits(ne.Uint16(v)).Float32()), 16, false, false)
	case NumFloat32:
		return floatfmt.AppendFloat(dst, float64(math.Float32frombits(ne.Uint32(v))), 32, false, false)
	case NumFloat64:
		return floatfmt.AppendFloat(dst, math.Float64frombits(ne.Uint64(v)), 64, false, false)
	case NumComplex64:
		re := float64(math.Float32frombits(ne.Uint32(v)))
		im := float64(math.Float32frombits(ne.Uint32(v[4:])))
		return floatfmt.AppendComplex(dst, re, im, 32)
	case NumComplex128:
		return floatfmt.AppendComplex(dst, math.Float64frombits(ne.Uint64(v)), math.Float64frombits(ne.Uint64(v[8:])), 64)
	}
	return dst
}

// numText is the value of a string element being parsed as a number: the
// code points of a Unicode element or the bytes of a Bytes element.
type numText struct {
	runes   []rune
	bytes   []byte
	unicode bool
}

// pyRepr returns Python's repr() of the value, for error messages.
func (t numText) pyRepr() string {
	if t.unicode {
		return string(pyrepr.AppendRunes(nil, t.runes))
	}
	return string(pyrepr.AppendBytes(nil, t.bytes))
}

// IsPythonSpace reports whether r is whitespace by Python's str.isspace: the
// Unicode White_Space characters and the separators U+001C to U+001F.
func IsPythonSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// IsASCIISpace reports whether c is whitespace by Python's bytes.isspace:
// space, \t, \n, \v, \f, \r.
func IsASCIISpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// decimalValue returns the value 0…9 of a Unicode decimal digit (category
// Nd), or -1. Unicode places each set of decimal digits in a run of ten
// consecutive code points from zero to nine, and adjacent sets follow one
// another, so the digit is the position in the run of Nd code points
// modulo ten.
func decimalValue(r rune) int {
	if !unicode.Is(unicode.Nd, r) {
		return -1
	}
	start := r
	for start > 0 && unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return int(r-start) % 10
}

// ascii returns the text as Python parses numbers from it: a Unicode
// value with whitespace turned into ' ' and decimal digits into ASCII
// ones, stopping at the first other non-ASCII character with a '?' that
// makes the parse fail; a Bytes value as it is.
func (t numText) ascii() string {
	if !t.unicode {
		return string(t.bytes)
	}
	b := make([]byte, 0, len(t.runes))
	for _, r := range t.runes {
		switch {
		case r >= 0 && r < 0x7f:
			b = append(b, byte(r))
		case IsPythonSpace(r):
			b = append(b, ' ')
		default:
			d := decimalValue(r)
			if d < 0 {
				return string(append(b, '?'))
			}
			b = append(b, byte('0'+d))
		}
	}
	return string(b)
}

func trimPySpace(s string) string {
	i, j := 0, len(s)
	for i < j && IsASCIISpace(s[i]) {
		i++
	}
	for j > i && IsASCIISpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// removeUnderscores drops the '_' of s, each of which must sit between
// two digits (Python's rule for numeric literals in strings).
func removeUnderscores(s string) (string, bool) {
	if !strings.Contains(s, "_") {
		return s, true
	}
	b := make([]byte, 0, len(s))
	var prev byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if !isASCIIDigit(prev) {
				return "", false
			}
		} else {
			if prev == '_' && !isASCIIDigit(c) {
				return "", false
			}
			b = append(b, c)
		}
		prev = c
	}
	if prev == '_' {
		return "", false
	}
	return string(b), true
}

// pyInt is a parsed Python integer: its sign and magnitude, with over set
// when the magnitude exceeds 64 bits.
type pyInt struct {
	neg  bool
	mag  uint64
	over bool
}

// parsePyInt reads s by Python's int(s): optional whitespace, an optional
// sign, decimal digits with single '_' between them, optional whitespace.
func parsePyInt(s string) (pyInt, bool) {
	s = trimPySpace(s)
	var v pyInt
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		v.neg = s[i] == '-'
		i++
	}
	if i == len(s) || !isASCIIDigit(s[i]) {
		return v, false
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if i+1 == len(s) || !isASCIIDigit(s[i+1]) {
				return v, false
			}
			continue
		}
		if !isASCIIDigit(c) {
			return v, false
		}
		d := uint64(c - '0')
		if v.mag > (math.MaxUint64-d)/10 {
			v.over = true
		}
		v.mag = v.mag*10 + d
	}
	return v, true
}

// floatPrefix returns the end of the longest float Python's string to
// double conversion reads from s at i ([sign] digits [. digits]
// [e [sign] digits], or [sign] inf, infinity or nan in any case), or i
// when there is none.
func floatPrefix(s string, i int) int {
	j := i
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	rest := s[j:]
	switch {
	case hasPrefixFoldASCII(rest, "infinity"):
		return j + 8
	case hasPrefixFoldASCII(rest, "inf"), hasPrefixFoldASCII(rest, "nan"):
		return j + 3
	}
	digits := 0
	for j < len(s) && isASCIIDigit(s[j]) {
		j++
		digits++
	}
	if j < len(s) && s[j] == '.' {
		k, frac := j+1, 0
		for k < len(s) && isASCIIDigit(s[k]) {
			k++
			frac++
		}
		if digits+frac > 0 {
			j = k
			digits += frac
		}
	}
	if digits == 0 {
		return i
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && isASCIIDigit(s[k]) {
			for k < len(s) && isASCIIDigit(s[k]) {
				k++
			}
			j = k
		}
	}
	return j
}

func hasPrefixFoldASCII(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// pyFloatValue converts a complete float of floatPrefix's grammar.
func pyFloatValue(s string) float64 {
	neg := false
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		neg = body[0] == '-'
		body = body[1:]
	}
	var f float64
	switch {
	case strings.EqualFold(body, "inf"), strings.EqualFold(body, "infinity"):
		f = math.Inf(1)
	case strings.EqualFold(body, "nan"):
		f = math.NaN()
	default:
		// Out-of-range values come back as ±Inf or 0 with ErrRange,
		// which is what Python's float() gives.
		f, _ = strconv.ParseFloat(body, 64)
	}
	if neg {
		f = math.Copysign(f, -1)
	}
	return f
}

// parsePyFloat reads s by Python's float(s).
func parsePyFloat(s string) (float64, bool) {
	s, ok := removeUnderscores(trimPySpace(s))
	if !ok || s == "" || floatPrefix(s, 0) != len(s) {
		return 0, false
	}
	return pyFloatValue(s), true
}

// parsePyComplex reads s by Python's complex(s): "<float>", "<float>j",
// "<float><signed float>j", the forms with a bare sign or no number
// before the j ("1+j", "-j", "j"), optionally in parentheses, with
// whitespace around.
func parsePyComplex(s string) (re, im float64, ok bool) {
	s, ok = removeUnderscores(s)
	if !ok {
		return 0, 0, false
	}
	i := 0
	skip := func() {
		for i < len(s) && IsASCIISpace(s[i]) {
			i++
		}
	}
	isJ := func() bool { return i < len(s) && (s[i] == 'j' || s[i] == 'J') }
	// imagPart reads the imaginary part and its j: a float, or a bare
	// sign or nothing standing for ±1.
	imagPart := func() bool {
		if end := floatPrefix(s, i); end != i {
			im = pyFloatValue(s[i:end])
			i = end
		} else {
			im = 1
			if i < len(s) && (s[i] == '+' || s[i] == '-') {
				if s[i] == '-' {
					im = -1
				}
				i++
			}
		}
		if !isJ() {
			return false
		}
		i++
		return true
	}
	skip()
	bracket := i < len(s) && s[i] == '('
	if bracket {
		i++
		skip()
	}
	if end := floatPrefix(s, i); end == i {
		// no number before the j: "j", "+j", "-j"
		if !imagPart() {
			return 0, 0, false
		}
	} else {
		z := pyFloatValue(s[i:end])
		i = end
		switch {
		case i < len(s) && (s[i] == '+' || s[i] == '-'):
			re = z
			if !imagPart() {
				return 0, 0, false
			}
		case isJ():
			im = z
			i++
		default:
			re = z
		}
	}
	skip()
	if bracket {
		if i >= len(s) || s[i] != ')' {
			return 0, 0, false
		}
		i++
		skip()
	}
	return re, im, i == len(s)
}

// parseNumber parses t by Python's rules for the built-in type d and
// stores the value in v (native byte order), or returns a *ValueError.
func parseNumber(v []byte, d DType, t numText) error {
	ne := binary.NativeEndian
	switch d.Kind() {
	case KindBool, KindInt, KindUint:
		x, ok := parsePyInt(t.ascii())
		if !ok {
			return &ValueError{Msg: "invalid literal for int() with base 10: " + t.pyRepr()}
		}
		if d.Kind() == KindBool {
			v[0] = 0
			if x.over || x.mag != 0 {
				v[0] = 1
			}
			return nil
		}
		var u uint64
		switch d.Num() {
		case NumUint32, NumUint64:
			// C unsigned long, falling back to long for negative values
			switch {
			case !x.neg && !x.over:
				u = x.mag
			case x.neg && !x.over && x.mag <= 1<<63:
				u = -x.mag
			default:
				return &ValueError{Msg: "Python int too large to convert to C unsigned long"}
			}
		default:
			// C long, wrapped to the type
			if x.over || !x.neg && x.mag > math.MaxInt64 || x.neg && x.mag > 1<<63 {
				return &ValueError{Msg: "Python int too large to convert to C long"}
			}
			u = x.mag
			if x.neg {
				u = -u
			}
		}
		switch d.Size() {
		case 1:
			v[0] = byte(u)
		case 2:
			ne.PutUint16(v, uint16(u))
		case 4:
			ne.PutUint32(v, uint32(u))
		default:
			ne.PutUint64(v, u)
		}
		return nil
	case KindFloat:
		f, ok := parsePyFloat(t.ascii())
		if !ok {
			return &ValueError{Msg: "could not convert string to float: " + t.pyRepr()}
		}
		switch d.Num() {
		case NumFloat16:
			ne.PutUint16(v, FromFloat64(f).Bits())
		case NumFloat32:
			ne.PutUint32(v, math.Float32bits(float32(f)))
		default:
			ne.PutUint64(v, math.Float64bits(f))
		}
		return nil
	case KindComplex:
		s := t
		if !t.unicode {
			// bytes are decoded as UTF-8 before complex() reads them
			s = numText{runes: []rune(string(t.bytes)), unicode: true}
			if !utf8.Valid(t.bytes) {
				return &ValueError{Msg: "complex() arg is a malformed string: " + t.pyRepr()}
			}
		}
		re, im, ok := parsePyComplex(s.ascii())
		if !ok {
			return &ValueError{Msg: "complex() arg is a malformed string: " + t.pyRepr()}
		}
		if d.Num() == NumComplex64 {
			ne.PutUint32(v, math.Float32bits(float32(re)))
			ne.PutUint32(v[4:], math.Float32bits(float32(im)))
		} else {
			ne.PutUint64(v, math.Float64bits(re))
			ne.PutUint64(v[8:], math.Float64bits(im))
		}
		return nil
	}
	return &CastError{From: Unicode(0), To: d, Casting: Unsafe}
}
