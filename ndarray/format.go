package ndarray

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

// Printing follows NumPy 1.24 with its default print options: precision
// 8, floatmode "maxprec", no suppression, a line width of 75 characters,
// and summarisation with 3 edge items once an array has more than 1000
// elements.
const (
	printThreshold = 1000
	printEdgeItems = 3
	printLineWidth = 75
)

// Format implements fmt.Formatter.
//
// The verbs %v and %s (and so fmt.Print and fmt.Println) write what
// NumPy's print(a) writes, str(a):
//
//	[[1 2 3]
//	 [4 5 6]]
//
// with NumPy's float formatting: the shortest digits that identify each
// value in its own type (float16 and float32 included), at most 8 after
// the point, aligned on the point ("[ 1.  -2.5  3. ]"); scientific
// notation for the whole array when its largest finite magnitude is at
// least 1e8, its smallest nonzero one below 1e-4, or their ratio above
// 1000 ("[1.e-05 1.e+00]"). Rows wrap at 75 columns and arrays of more
// than 1000 elements are summarised with "...". A 0-d array prints as
// NumPy prints its scalar ("1.5", "1e-05", "(1+2j)").
//
// The verb %#v writes NumPy's repr(a), always followed by the dtype and
// the shape (which NumPy leaves out in some cases):
//
//	array([[1, 2, 3],
//	       [4, 5, 6]], dtype=int64, shape=(2, 3))
//
// A dtype in non-native byte order is quoted in its type-string form
// (dtype='>f8').
//
// Any other verb (%d, %x, %f, %.3e, %8.2f, %t, …) is applied, with its
// flags, width and precision, to each element as fmt would apply it to the
// element's Go value; the results are right-aligned to a common width
// (left-aligned with the '-' flag) and laid out in the same brackets,
// lines and summaries as %v. float16 elements are formatted as float32.
func (a *Array) Format(f fmt.State, verb rune) {
	if a == nil {
		io.WriteString(f, "<nil>")
		return
	}
	switch {
	case verb == 'v' && f.Flag('#'):
		io.WriteString(f, a.repr())
	case verb == 'v' || verb == 's':
		io.WriteString(f, a.str())
	default:
		io.WriteString(f, a.formatVerb(fmt.FormatString(f, verb), f.Flag('-')))
	}
}

// String returns the array as NumPy's repr writes it, followed by the
// dtype and the shape: the same text as %#v, for example
// "array([1.5, 2. ], dtype=float64, shape=(2,))". fmt.Print and %v use
// NumPy's print form instead ("[1.5 2. ]"); see Format.
func (a *Array) String() string {
	if a == nil {
		return "<nil>"
	}
	return a.repr()
}

// str is NumPy's str(a).
func (a *Array) str() string {
	if len(a.shape) == 0 {
		return string(appendScalar(nil, a, a.offset))
	}
	if a.size == 0 {
		return "[]"
	}
	summary := a.size > printThreshold
	ef := newElemFormat(a, summary)
	p := printer{a: a, sep: " ", summary: summary, word: ef.append}
	return p.format("", printLineWidth)
}

// repr is NumPy's repr(a) with the dtype and the shape always shown.
func (a *Array) repr() string {
	const prefix = "array("
	var lst string
	if a.size == 0 {
		lst = "[]"
	} else {
		summary := a.size > printThreshold
		ef := newElemFormat(a, summary)
		p := printer{a: a, sep: ", ", summary: summary, word: ef.append}
		// NumPy reserves room for the "," that follows the elements.
		lst = p.format(prefix, printLineWidth-1)
	}
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString(lst)
	b.WriteByte(',')
	tail := "dtype=" + dtypeRepr(a.dtype) + ", shape=" + FormatShape(a.shape) + ")"
	s := b.String()
	lastLine := len(s) - (strings.LastIndexByte(s, '\n') + 1)
	if lastLine+len(tail)+1 > printLineWidth {
		b.WriteString("\n" + strings.Repeat(" ", len(prefix)))
	} else {
		b.WriteByte(' ')
	}
	b.WriteString(tail)
	return b.String()
}

// dtypeRepr is the dtype as written after "dtype=": its name, or its
// quoted type string when it is not in native byte order or is a
// fixed-width string type.
func dtypeRepr(d dtype.DType) string {
	if d.IsTime() && d.IsNative() {
		return "'" + d.Name() + "'" // NumPy: dtype='datetime64[D]'
	}
	if d.Kind() == dtype.KindRecord {
		return d.String() // NumPy: dtype=[('a', '<i4'), ('b', '<f8')]
	}
	if isFixedString(d) {
		return "'" + d.Str() + "'" // NumPy: dtype='<U2', dtype='S3'
	}
	if d.IsNative() {
		return d.Name()
	}
	return "'" + d.Str() + "'"
}

// formatVerb lays out the elements formatted with a Go fmt directive,
// padded to a common width on the left, or on the right when left is set.
func (a *Array) formatVerb(directive string, left bool) string {
	format := func(dst []byte, off int) []byte {
		v := a.valueAt(off)
		if h, ok := v.(float16.Float16); ok {
			v = h.Float32()
		}
		return fmt.Appendf(dst, directive, v)
	}
	if len(a.shape) == 0 {
		return string(format(nil, a.offset))
	}
	if a.size == 0 {
		return "[]"
	}
	summary := a.size > printThreshold
	width := 0
	var scratch []byte
	walkEdges(a, summary, func(off int) {
		scratch = format(scratch[:0], off)
		width = max(width, len(scratch))
	})
	word := func(dst []byte, off int) []byte {
		start := len(dst)
		dst = format(dst, off)
		return padWord(dst, start, width, left)
	}
	p := printer{a: a, sep: " ", summary: summary, word: word}
	return p.format("", printLineWidth)
}

// padWord pads the word dst[start:] with spaces to width, on the left
// (right-aligning it) or, when left is set, on the right.
func padWord(dst []byte, start, width int, left bool) []byte {
	n := width - (len(dst) - start)
	if n <= 0 {
		return dst
	}
	for range n {
		dst = append(dst, ' ')
	}
	if !left {
		copy(dst[start+n:], dst[start:len(dst)-n])
		for i := start; i < start+n; i++ {
			dst[i] = ' '
		}
	}
	return dst
}

// walkEdges calls fn with the offset of every element NumPy looks at to
// choose the element format: all of them, or, for a summarised array,
// the first and last printEdgeItems along each long enough axis.
func walkEdges(a *Array, summary bool, fn func(off int)) {
	var rec func(axis, off int)
	rec = func(axis, off int) {
		if axis == len(a.shape) {
			fn(off)
			return
		}
		n, st := a.shape[axis], a.strides[axis]
		if summary && n > 2*printEdgeItems {
			for i := range printEdgeItems {
				rec(axis+1, off+i*st)
			}
			for i := n - printEdgeItems; i < n; i++ {
				rec(axis+1, off+i*st)
			}
			return
		}
		for i := range n {
			rec(axis+1, off+i*st)
		}
	}
	if a.size > 0 {
		rec(0, a.offset)
	}
}

// printer lays out the words of an array as NumPy's _formatArray does.
type printer struct {
	a       *Array
	sep     string
	summary bool
	word    func(dst []byte, off int) []byte
	buf     []byte
}

// format returns the text of the whole array; prefix is the text that
// will precede it on its first line ("array(" for repr).
func (p *printer) format(prefix string, width int) string {
	return p.recurse(0, p.a.offset, " "+strings.Repeat(" ", len(prefix)), width)
}

func (p *printer) recurse(axis, off int, hanging string, width int) string {
	a := p.a
	axesLeft := len(a.shape) - axis
	if axesLeft == 0 {
		p.buf = p.word(p.buf[:0], off)
		return string(p.buf)
	}
	n, st := a.shape[axis], a.strides[axis]
	showSummary := p.summary && 2*printEdgeItems < n
	leading, trailing := 0, n
	if showSummary {
		leading, trailing = printEdgeItems, printEdgeItems
	}
	var s []byte
	if axesLeft == 1 {
		// the room left for a word, keeping a column for the separator
		// or the closing bracket
		elemWidth := width - max(len(strings.TrimRight(p.sep, " ")), 1)
		line := []byte(hanging)
		add := func(i int) {
			p.buf = p.word(p.buf[:0], off+i*st)
			s, line = extendLine(s, line, p.buf, elemWidth, len(hanging))
		}
		for i := range leading {
			add(i)
			line = append(line, p.sep...)
		}
		if showSummary {
			s, line = extendLine(s, line, []byte("..."), elemWidth, len(hanging))
			line = append(line, p.sep...)
		}
		for i := trailing; i > 1; i-- {
			add(n - i)
			line = append(line, p.sep...)
		}
		add(n - 1)
		s = append(s, line...)
	} else {
		nextHanging := hanging + " "
		nextWidth := width - 1
		lineSep := strings.TrimRight(p.sep, " ") + strings.Repeat("\n", axesLeft-1)
		row := func(i int, last bool) {
			s = append(s, hanging...)
			s = append(s, p.recurse(axis+1, off+i*st, nextHanging, nextWidth)...)
			if !last {
				s = append(s, lineSep...)
			}
		}
		for i := range leading {
			row(i, false)
		}
		if showSummary {
			s = append(s, hanging...)
			s = append(s, "..."...)
			s = append(s, lineSep...)
		}
		for i := trailing; i > 1; i-- {
			row(n-i, false)
		}
		row(n-1, true)
	}
	return "[" + string(s[len(hanging):]) + "]"
}

// extendLine appends word to line, first moving line to s and starting a
// new line when the word would pass width (unless the line holds nothing
// but its indent, where wrapping would not help).
func extendLine(s, line, word []byte, width, indent int) ([]byte, []byte) {
	if len(line)+len(word) > width && len(line) > indent {
		s = append(s, strings.TrimRight(string(line), " ")...)
		s = append(s, '\n')
		line = append(line[:0], strings.Repeat(" ", indent)...)
	}
	return s, append(line, word...)
}

// elemFormat formats the elements of one array with a common width, as
// NumPy's IntegerFormat, BoolFormat, FloatingFormat and
// ComplexFloatingFormat do.
type elemFormat struct {
	a       *Array
	width   int    // integers
	trueStr string // bools
	re, im  floatFormat
	rec     *recordFormat // records
}

func newElemFormat(a *Array, summary bool) *elemFormat {
	ef := &elemFormat{a: a}
	if a.dtype.IsTime() {
		ef.width = timeWordWidth(a, summary)
		return ef
	}
	var tmp [24]byte
	switch a.dtype.Kind() {
	case dtype.KindBool:
		ef.trueStr = " True"
		if len(a.shape) == 0 {
			ef.trueStr = "True"
		}
	case dtype.KindInt, dtype.KindUint:
		walkEdges(a, summary, func(off int) {
			ef.width = max(ef.width, len(ef.appendInt(tmp[:0], off)))
		})
	case dtype.KindFloat:
		var vals []float64
		walkEdges(a, summary, func(off int) { vals = append(vals, loadFloat(a, off)) })
		ef.re = newFloatFormat(vals, floatBits(a.dtype), false)
	case dtype.KindComplex:
		var re, im []float64
		walkEdges(a, summary, func(off int) {
			c := loadComplex(a, off)
			re = append(re, real(c))
			im = append(im, imag(c))
		})
		bits := floatBits(a.dtype)
		ef.re = newFloatFormat(re, bits, false)
		ef.im = newFloatFormat(im, bits, true)
	case dtype.KindRecord:
		ef.rec = newRecordFormat(a, summary)
	}
	return ef
}

// append appends the formatted element at byte offset off.
func (ef *elemFormat) append(dst []byte, off int) []byte {
	a := ef.a
	if a.dtype.IsTime() {
		return appendTimeWord(dst, a, off, ef.width)
	}
	switch a.dtype.Kind() {
	case dtype.KindBool:
		if *(*bool)(a.ptr(off)) {
			return append(dst, ef.trueStr...)
		}
		return append(dst, "False"...)
	case dtype.KindInt, dtype.KindUint:
		start := len(dst)
		dst = ef.appendInt(dst, off)
		return padWord(dst, start, ef.width, false)
	case dtype.KindFloat:
		return ef.re.append(dst, loadFloat(a, off))
	case dtype.KindComplex:
		c := loadComplex(a, off)
		dst = ef.re.append(dst, real(c))
		start := len(dst)
		dst = ef.im.append(dst, imag(c))
		// the j goes before the imaginary part's right padding
		end := len(dst)
		for end > start && dst[end-1] == ' ' {
			end--
		}
		dst = append(dst, 0)
		copy(dst[end+1:], dst[end:len(dst)-1])
		dst[end] = 'j'
		return dst
	case dtype.KindRecord:
		return ef.rec.append(dst, off)
	case dtype.KindUnicode, dtype.KindBytes:
		return a.appendFixedRepr(dst, off, false) // ['a' 'bc'], [b'a' b'bc']
	case dtype.KindString, dtype.KindCategory, dtype.KindOption:
		return a.appendTextWord(dst, off) // ['a' 'bc'], [1.5 NA]
	}
	return dst
}

func (ef *elemFormat) appendInt(dst []byte, off int) []byte {
	a := ef.a
	switch a.dtype.Num() {
	case dtype.NumInt8:
		return strconv.AppendInt(dst, int64(load[int8](a, off)), 10)
	case dtype.NumInt16:
		return strconv.AppendInt(dst, int64(load[int16](a, off)), 10)
	case dtype.NumInt32:
		return strconv.AppendInt(dst, int64(load[int32](a, off)), 10)
	case dtype.NumInt64:
		return strconv.AppendInt(dst, load[int64](a, off), 10)
	case dtype.NumUint8:
		return strconv.AppendUint(dst, uint64(load[uint8](a, off)), 10)
	case dtype.NumUint16:
		return strconv.AppendUint(dst, uint64(load[uint16](a, off)), 10)
	case dtype.NumUint32:
		return strconv.AppendUint(dst, uint64(load[uint32](a, off)), 10)
	case dtype.NumUint64:
		return strconv.AppendUint(dst, load[uint64](a, off), 10)
	}
	return dst
}

// floatBits returns the size in bits of a float type, or of each part of
// a complex type.
func floatBits(d dtype.DType) int {
	switch d.Num() {
	case dtype.NumFloat16:
		return 16
	case dtype.NumFloat32, dtype.NumComplex64:
		return 32
	}
	return 64
}

// loadFloat reads a float element as a float64 (exactly).
func loadFloat(a *Array, off int) float64 {
	switch a.dtype.Num() {
	case dtype.NumFloat16:
		return float64(load[float16.Float16](a, off).Float32())
	case dtype.NumFloat32:
		return float64(load[float32](a, off))
	}
	return load[float64](a, off)
}

// loadComplex reads a complex element as a complex128 (exactly).
func loadComplex(a *Array, off int) complex128 {
	if a.dtype.Num() == dtype.NumComplex64 {
		return complex128(load[complex64](a, off))
	}
	return load[complex128](a, off)
}

// appendScalar appends the element at off as NumPy's str of a scalar
// writes it (the str of a 0-d array).
func appendScalar(dst []byte, a *Array, off int) []byte {
	if a.dtype.IsTime() {
		return appendTimeScalar(dst, a, off)
	}
	switch a.dtype.Kind() {
	case dtype.KindBool:
		if *(*bool)(a.ptr(off)) {
			return append(dst, "True"...)
		}
		return append(dst, "False"...)
	case dtype.KindInt, dtype.KindUint:
		ef := elemFormat{a: a}
		return ef.appendInt(dst, off)
	case dtype.KindFloat:
		return appendFloatScalar(dst, loadFloat(a, off), floatBits(a.dtype), false, false)
	case dtype.KindComplex:
		c := loadComplex(a, off)
		bits := floatBits(a.dtype)
		re, im := real(c), imag(c)
		if re == 0 && !math.Signbit(re) {
			dst = appendFloatScalar(dst, im, bits, false, true)
			return append(dst, 'j')
		}
		dst = append(dst, '(')
		dst = appendFloatScalar(dst, re, bits, false, true)
		dst = appendFloatScalar(dst, im, bits, true, true)
		return append(dst, "j)"...)
	case dtype.KindRecord:
		return newRecordFormat(a, false).append(dst, off)
	case dtype.KindUnicode:
		return a.appendFixedRepr(dst, off, true) // the text itself
	case dtype.KindBytes:
		return a.appendFixedRepr(dst, off, false) // b'…'
	}
	return dst
}

// appendFloatScalar formats v as NumPy's str of a float scalar: the
// shortest digits that identify it, positional for 1e-4 <= |v| < 1e16
// and zero, scientific otherwise. With plus, positive values and nan get
// a '+'. With noDot (the parts of a complex), "1." is written "1";
// otherwise integral positional values end in ".0". Scientific notation
// drops the '.' after a single digit ("1e-05").
func appendFloatScalar(dst []byte, v float64, bits int, plus, noDot bool) []byte {
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
	if av == 0 || (av < 1e16 && av >= 1e-4) {
		d := shortestDigits(av, bits)
		dst = d.appendPositional(dst)
		if dst[len(dst)-1] == '.' {
			if noDot {
				return dst[:len(dst)-1]
			}
			dst = append(dst, '0')
		}
		return dst
	}
	d := shortestDigits(av, bits)
	return d.appendScientific(dst, 2, false)
}

// decimal is a non-negative decimal number d[0].d[1]d[2]… × 10^exp.
type decimal struct {
	buf [40]byte
	n   int // number of digits; they have no trailing zeros unless rounded
	exp int
}

func (d *decimal) digits() []byte { return d.buf[:d.n] }

// setE parses strconv's 'e' format ("1.2345e+06").
func (d *decimal) setE(b []byte) {
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

// shortestDigits returns the shortest decimal that rounds to v in the
// float type of the given size (Dragon4's unique mode). v >= 0 is finite.
func shortestDigits(v float64, bits int) decimal {
	var d decimal
	var tmp [48]byte
	if bits != 16 {
		d.setE(strconv.AppendFloat(tmp[:0], v, 'e', -1, bits))
		return d
	}
	if v == 0 {
		d.setE(append(tmp[:0], "0e+00"...))
		return d
	}
	// float16: find the first length n at which the value truncated to n
	// digits, or that plus one unit, lies within the rounding interval of
	// v, as Dragon4 does. The interval's ends are exact float64 values,
	// and a decimal of at most a few digits compares with them exactly
	// after parsing, since it cannot lie within a float64 ulp of one
	// without being equal to it.
	h := dtype.FromFloat64(v).Bits()
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
	var exact decimal
	exact.setE(strconv.AppendFloat(tmp[:0], v, 'e', 30, 64))
	all := exact.digits()
	for n := 1; n < len(all); n++ {
		var t, u decimal
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
			t.trim()
			return t
		}
		u.trim()
		return u
	}
	exact.trim()
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
func (d *decimal) increment() {
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

// trim drops trailing zero digits (keeping one digit).
func (d *decimal) trim() {
	for d.n > 1 && d.buf[d.n-1] == '0' {
		d.n--
	}
}

func (d *decimal) float() float64 {
	var tmp [64]byte
	b := d.appendScientific(tmp[:0], 2, true)
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// appendPositional writes the digits in positional notation, always with
// a '.', filling with zeros up to the units.
func (d *decimal) appendPositional(dst []byte) []byte {
	ds := d.digits()
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

// appendScientific writes d.ddde±XX with at least expDigits exponent
// digits; the '.' after a single digit is written only when dot is set.
func (d *decimal) appendScientific(dst []byte, expDigits int, dot bool) []byte {
	ds := d.digits()
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

// floatFormat is NumPy's FloatingFormat for the default options
// (precision 8, floatmode "maxprec", no suppression).
type floatFormat struct {
	bits      int
	plus      bool // write '+' before non-negative values (imaginary parts)
	exp       bool // scientific notation
	precision int  // fraction digits: at most, or in scientific mode exactly
	padLeft   int  // characters before the '.' (sign included)
	padRight  int  // characters after the '.'
	expSize   int  // exponent digits
}

// The precision of NumPy's default print options.
const printPrecision = 8

// newFloatFormat chooses the format for a set of values (all finite or
// not) of a float type of the given size, as FloatingFormat.fillFormat.
func newFloatFormat(vals []float64, bits int, plus bool) floatFormat {
	ff := floatFormat{bits: bits, plus: plus, precision: printPrecision, expSize: -1}
	maxv, minv := 0.0, math.Inf(1)
	finite, negInf := 0, false
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			negInf = negInf || math.IsInf(v, -1)
			continue
		}
		finite++
		if v != 0 {
			av := math.Abs(v)
			maxv = max(maxv, av)
			minv = min(minv, av)
		}
	}
	if maxv > 0 {
		// max/min is computed in the array's type, which may overflow
		ratio := roundToBits(maxv/minv, bits)
		ff.exp = maxv >= 1e8 || minv < 1e-4 || ratio > 1000
	}
	var tmp [64]byte
	switch {
	case finite == 0:
		ff.padLeft, ff.padRight = 0, 0
	case ff.exp:
		// first pass: the shortest digits (at most 9), to find the widths
		fracLen, expLen, intLen := 0, 0, 0
		for _, v := range vals {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			s := ff.appendSciUnique(tmp[:0], v)
			dot := bytes.IndexByte(s, '.')
			e := bytes.IndexByte(s, 'e')
			intLen = max(intLen, dot)
			fracLen = max(fracLen, e-dot-1)
			expLen = max(expLen, len(s)-e-1)
		}
		ff.expSize = expLen - 1
		ff.precision = fracLen
		ff.padLeft = intLen
		ff.padRight = ff.expSize + 2 + ff.precision
	default:
		intLen, fracLen := 0, 0
		for _, v := range vals {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			s := ff.appendPos(tmp[:0], v, false)
			dot := bytes.IndexByte(s, '.')
			intLen = max(intLen, dot)
			fracLen = max(fracLen, len(s)-dot-1)
		}
		ff.padLeft, ff.padRight = intLen, fracLen
	}
	if finite != len(vals) {
		infLen := 3
		if plus || negInf {
			infLen++
		}
		offset := ff.padRight + 1
		ff.padLeft = max(ff.padLeft, 3-offset, infLen-offset)
	}
	return ff
}

// roundToBits rounds v to the float type of the given size.
func roundToBits(v float64, bits int) float64 {
	switch bits {
	case 16:
		return float64(dtype.FromFloat64(v).Float32())
	case 32:
		return float64(float32(v))
	}
	return v
}

func (ff *floatFormat) appendSign(dst []byte, v float64) []byte {
	if math.Signbit(v) {
		return append(dst, '-')
	}
	if ff.plus {
		return append(dst, '+')
	}
	return dst
}

// appendPos writes finite v positionally with the shortest digits, at
// most ff.precision after the '.', trailing zeros trimmed but the '.'
// kept. With exactInt, an integral part the shortest digits would end
// with zeros is written exactly (NumPy's min_digits=0).
func (ff *floatFormat) appendPos(dst []byte, v float64, exactInt bool) []byte {
	dst = ff.appendSign(dst, v)
	av := math.Abs(v)
	if av == 0 {
		return append(dst, "0."...)
	}
	d := shortestDigits(av, ff.bits)
	frac := d.n - 1 - d.exp
	switch {
	case frac > ff.precision:
		start := len(dst)
		dst = strconv.AppendFloat(dst, av, 'f', ff.precision, 64)
		return trimFraction(dst, start)
	case frac < 0 && exactInt:
		dst = strconv.AppendFloat(dst, av, 'f', 0, 64)
		return append(dst, '.')
	}
	return d.appendPositional(dst)
}

// trimFraction removes trailing zeros after the '.' of dst[start:],
// adding a '.' if there is none.
func trimFraction(dst []byte, start int) []byte {
	if bytes.IndexByte(dst[start:], '.') < 0 {
		return append(dst, '.')
	}
	for dst[len(dst)-1] == '0' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// appendSciUnique writes finite v in scientific notation with the
// shortest digits, at most ff.precision after the '.', trailing zeros
// trimmed (the first pass of FloatingFormat).
func (ff *floatFormat) appendSciUnique(dst []byte, v float64) []byte {
	dst = ff.appendSign(dst, v)
	av := math.Abs(v)
	d := shortestDigits(av, ff.bits)
	if d.n-1 > ff.precision {
		var tmp [48]byte
		d.setE(strconv.AppendFloat(tmp[:0], av, 'e', ff.precision, 64))
		d.trim()
	}
	return d.appendScientific(dst, 2, true)
}

// append writes one element in the chosen format, padded to the common
// width.
func (ff *floatFormat) append(dst []byte, v float64) []byte {
	start := len(dst)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		switch {
		case math.IsNaN(v):
			if ff.plus {
				dst = append(dst, '+')
			}
			dst = append(dst, "nan"...)
		case v < 0:
			dst = append(dst, "-inf"...)
		default:
			if ff.plus {
				dst = append(dst, '+')
			}
			dst = append(dst, "inf"...)
		}
		return padWord(dst, start, ff.padLeft+ff.padRight+1, false)
	}
	if ff.exp {
		// every value gets exactly ff.precision fraction digits, from its
		// exact binary value
		dst = ff.appendSign(dst, v)
		var tmp [48]byte
		var d decimal
		d.setE(strconv.AppendFloat(tmp[:0], math.Abs(v), 'e', ff.precision, 64))
		dst = d.appendScientific(dst, ff.expSize, true)
		intLen := 1
		if math.Signbit(v) || ff.plus {
			intLen++
		}
		return padWord(dst, start, len(dst)-start+ff.padLeft-intLen, false)
	}
	dst = ff.appendPos(dst, v, true)
	dot := start + bytes.IndexByte(dst[start:], '.')
	for i := len(dst) - dot - 1; i < ff.padRight; i++ {
		dst = append(dst, ' ')
	}
	return padWord(dst, start, len(dst)-start+ff.padLeft-(dot-start), false)
}
