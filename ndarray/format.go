package ndarray

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/floatfmt"
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
	if a.NDim() == 0 {
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
	tail := "dtype=" + dtypeRepr(a.dtype) + ", shape=" + FormatShape(a.Shape()) + ")"
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
	if a.NDim() == 0 {
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
		if axis == a.NDim() {
			fn(off)
			return
		}
		n, st := a.Shape()[axis], a.Strides()[axis]
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
	axesLeft := a.NDim() - axis
	if axesLeft == 0 {
		p.buf = p.word(p.buf[:0], off)
		return string(p.buf)
	}
	n, st := a.Shape()[axis], a.Strides()[axis]
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
		if a.NDim() == 0 {
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
		return floatfmt.AppendFloat(dst, loadFloat(a, off), floatBits(a.dtype), false, false)
	case dtype.KindComplex:
		c := loadComplex(a, off)
		return floatfmt.AppendComplex(dst, real(c), imag(c), floatBits(a.dtype))
	case dtype.KindRecord:
		return newRecordFormat(a, false).append(dst, off)
	case dtype.KindUnicode:
		return a.appendFixedRepr(dst, off, true) // the text itself
	case dtype.KindBytes:
		return a.appendFixedRepr(dst, off, false) // b'…'
	}
	return dst
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
	d := floatfmt.Shortest(av, ff.bits)
	frac := len(d.Digits()) - 1 - d.Exp()
	switch {
	case frac > ff.precision:
		start := len(dst)
		dst = strconv.AppendFloat(dst, av, 'f', ff.precision, 64)
		return trimFraction(dst, start)
	case frac < 0 && exactInt:
		dst = strconv.AppendFloat(dst, av, 'f', 0, 64)
		return append(dst, '.')
	}
	return d.AppendPositional(dst)
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
	d := floatfmt.Shortest(av, ff.bits)
	if len(d.Digits())-1 > ff.precision {
		d = floatfmt.Rounded(av, ff.precision)
		d.Trim()
	}
	return d.AppendScientific(dst, 2, true)
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
		d := floatfmt.Rounded(math.Abs(v), ff.precision)
		dst = d.AppendScientific(dst, ff.expSize, true)
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
