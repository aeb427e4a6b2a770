package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

// tolerance says how two float elements are compared (FORMAT.md,
// "Comparing results").
type tolerance struct {
	// ulps is the case's tolerance_ulps: 0 means bit-exact (any NaN
	// matching any NaN), N > 0 allows N steps on the ordered integer line.
	ulps uint64
	// scale is the tolerance_scale S (0 when absent): an element also
	// passes when |actual - expected| <= ulps * spacing(S).
	scale float64
}

// bitsToFloat returns the value of a float of the given width (16, 32,
// 64) with bit pattern bits.
func bitsToFloat(bits uint64, width int) float64 {
	switch width {
	case 16:
		return float64(float16.Frombits(uint16(bits)).Float32())
	case 32:
		return float64(math.Float32frombits(uint32(bits)))
	}
	return math.Float64frombits(bits)
}

// isNaNBits reports whether bits is a NaN of the given width.
func isNaNBits(bits uint64, width int) bool {
	mantBits := map[int]uint{16: 10, 32: 23, 64: 52}[width]
	expMask := (uint64(1)<<(width-1) - 1) &^ (uint64(1)<<mantBits - 1)
	mant := bits & (uint64(1)<<mantBits - 1)
	return bits&expMask == expMask && mant != 0
}

// ulpDistance returns |o(a) - o(b)| where o maps a float's bit pattern of
// the given width onto the ordered integer line: o(x) = m when the sign
// bit is clear and -m when it is set, m being the bits without the sign.
// So +0 and -0 are 0 apart and the largest finite value is 1 from +inf.
// The result cannot overflow: it is at most 2·(2^(width-1) - 1).
func ulpDistance(a, b uint64, width int) uint64 {
	sign := uint64(1) << (width - 1)
	ma, mb := a&(sign-1), b&(sign-1)
	sa, sb := a&sign != 0, b&sign != 0
	if sa != sb {
		return ma + mb
	}
	if ma > mb {
		return ma - mb
	}
	return mb - ma
}

// spacing returns NumPy's np.spacing for x >= 0 in a float of the given
// width: the distance from x to the next larger value of that type.
func spacing(x float64, width int) float64 {
	x = math.Abs(x)
	switch width {
	case 16:
		b := dtype.FromFloat64(x).Bits() & 0x7fff
		if b >= 0x7c00 {
			return math.NaN()
		}
		return bitsToFloat(uint64(b)+1, 16) - bitsToFloat(uint64(b), 16)
	case 32:
		f := float32(x)
		if math.IsInf(float64(f), 0) || math.IsNaN(x) {
			return math.NaN()
		}
		return float64(math.Nextafter32(f, float32(math.Inf(1)))) - float64(f)
	}
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return math.NaN()
	}
	return math.Nextafter(x, math.Inf(1)) - x
}

// floatClose applies the real-float rule to one pair of bit patterns:
// NaN matches NaN (and nothing else); otherwise exact bits when tol.ulps
// is 0, else an ordered-line distance of at most tol.ulps, or an absolute
// error within tol.ulps·spacing(tol.scale).
func floatClose(exp, got uint64, width int, tol tolerance) bool {
	en, gn := isNaNBits(exp, width), isNaNBits(got, width)
	if en || gn {
		return en && gn
	}
	if tol.ulps == 0 {
		return exp == got
	}
	if ulpDistance(exp, got, width) <= tol.ulps {
		return true
	}
	return withinScale(bitsToFloat(exp, width), bitsToFloat(got, width), width, tol)
}

// withinScale is the tolerance_scale rule.
func withinScale(e, g float64, width int, tol tolerance) bool {
	if tol.scale <= 0 || tol.ulps == 0 {
		return false
	}
	return math.Abs(g-e) <= float64(tol.ulps)*spacing(tol.scale, width)
}

// complexClose applies the complex rule to one element, each part a float
// of the given width: both parts by the float rule, or, with a tolerance
// and all four parts finite, a part may also err by
// tol.ulps·ulp(max(|e.re|, |e.im|)).
func complexClose(eRe, eIm, gRe, gIm uint64, width int, tol tolerance) bool {
	okRe := floatClose(eRe, gRe, width, tol)
	okIm := floatClose(eIm, gIm, width, tol)
	if okRe && okIm || tol.ulps == 0 {
		return okRe && okIm
	}
	er, ei := bitsToFloat(eRe, width), bitsToFloat(eIm, width)
	gr, gi := bitsToFloat(gRe, width), bitsToFloat(gIm, width)
	if !finite(er) || !finite(ei) || !finite(gr) || !finite(gi) {
		return false
	}
	lim := float64(tol.ulps) * spacing(max(math.Abs(er), math.Abs(ei)), width)
	okRe = okRe || math.Abs(gr-er) <= lim
	okIm = okIm || math.Abs(gi-ei) <= lim
	return okRe && okIm
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// elementClose compares one element of dtype dt given as native-order
// bytes.
func elementClose(dt dtype.DType, exp, got []byte, tol tolerance) bool {
	switch dt.Kind() {
	case dtype.KindFloat:
		return floatClose(getUint(exp), getUint(got), dt.Size()*8, tol)
	case dtype.KindComplex:
		h := dt.Size() / 2
		return complexClose(getUint(exp[:h]), getUint(exp[h:]), getUint(got[:h]), getUint(got[h:]), h*8, tol)
	case dtype.KindRecord:
		return recordClose(dt, exp, got, tol)
	}
	return bytes.Equal(exp, got)
}

// formatElement writes one element for a diff: its value, and for floats
// the bit pattern.
func formatElement(dt dtype.DType, b []byte) string {
	switch dt.Kind() {
	case dtype.KindBool:
		switch b[0] {
		case 0:
			return "false"
		case 1:
			return "true"
		}
		return fmt.Sprintf("bool(0x%02x)", b[0])
	case dtype.KindInt:
		v := getUint(b)
		shift := 64 - uint(len(b))*8
		return strconv.FormatInt(int64(v<<shift)>>shift, 10)
	case dtype.KindUint:
		return strconv.FormatUint(getUint(b), 10)
	case dtype.KindFloat:
		return formatFloat(getUint(b), len(b)*8)
	case dtype.KindComplex:
		h := len(b) / 2
		return "[" + formatFloat(getUint(b[:h]), h*8) + ", " + formatFloat(getUint(b[h:]), h*8) + "]"
	case dtype.KindUnicode, dtype.KindBytes:
		return strconv.Quote(dtype.StringValue(dt, b))
	}
	return fmt.Sprintf("%x", b)
}

func formatFloat(bits uint64, width int) string {
	x := bitsToFloat(bits, width)
	fw := 64
	if width == 32 {
		fw = 32
	}
	return fmt.Sprintf("%s (0x%0*x)", strconv.FormatFloat(x, 'g', -1, fw), width/4, bits)
}

// cOrderBytes reads the elements of a into a new C-ordered, native-order
// byte slice, walking its buffer with its own strides (independently of
// the library's copy routines). A layout that reaches outside the buffer
// is reported as an error rather than read.
func cOrderBytes(a *ndarray.Array) ([]byte, error) {
	shape, strides := a.Shape(), a.Strides()
	size := a.ItemSize()
	if len(shape) != len(strides) {
		return nil, fmt.Errorf("array has %d dimensions but %d strides", len(shape), len(strides))
	}
	n := 1
	for _, d := range shape {
		if d < 0 {
			return nil, fmt.Errorf("negative dimension in shape %v", shape)
		}
		n *= d
	}
	if n != a.Size() {
		return nil, fmt.Errorf("Size() is %d but shape %v holds %d elements", a.Size(), shape, n)
	}
	out := make([]byte, n*size)
	if n == 0 {
		return out, nil
	}
	buf, off := a.Buffer(), a.Offset()
	lo, hi := off, off
	for k, d := range shape {
		ext := (d - 1) * strides[k]
		if ext < 0 {
			lo += ext
		} else {
			hi += ext
		}
	}
	if lo < 0 || hi+size > len(buf) {
		return nil, fmt.Errorf("layout (offset %d, shape %v, strides %v) reaches outside its %d-byte buffer", off, shape, strides, len(buf))
	}
	idx := make([]int, len(shape))
	pos := off
	for i := range n {
		copy(out[i*size:(i+1)*size], buf[pos:pos+size])
		for k := len(shape) - 1; k >= 0; k-- {
			idx[k]++
			pos += strides[k]
			if idx[k] < shape[k] {
				break
			}
			pos -= strides[k] * shape[k]
			idx[k] = 0
		}
	}
	if !a.DType().IsNative() {
		for i := 0; i < len(out); i += size {
			dtype.SwapBytes(out[i:i+size], a.DType())
		}
	}
	return out, nil
}

// unravel returns the C-order multi-index of flat index i in shape.
func unravel(i int, shape []int) []int {
	idx := make([]int, len(shape))
	for k := len(shape) - 1; k >= 0; k-- {
		if shape[k] > 0 {
			idx[k] = i % shape[k]
			i /= shape[k]
		}
	}
	return idx
}

// compareArray compares got with the expected array and returns "" when
// they agree, or a description of the first difference.
func compareArray(exp *rawArray, got *ndarray.Array, tol tolerance) string {
	if got == nil {
		return "expected an array, got nil"
	}
	if got.DType() != exp.dt && !sameRecordLayout(exp.dt, got.DType()) {
		return fmt.Sprintf("dtype: expected %s, got %s", exp.dt, got.DType())
	}
	if !slices.Equal(got.Shape(), exp.shape) {
		return fmt.Sprintf("shape: expected %s, got %s", ndarray.FormatShape(exp.shape), ndarray.FormatShape(got.Shape()))
	}
	gb, err := cOrderBytes(got)
	if err != nil {
		return "bad result array: " + err.Error()
	}
	return compareBytes(exp.dt, exp.shape, exp.data, gb, tol)
}

// compareBytes compares C-ordered element bytes of dtype dt.
func compareBytes(dt dtype.DType, shape []int, exp, got []byte, tol tolerance) string {
	size := dt.Size()
	if len(exp) != len(got) {
		return fmt.Sprintf("expected %d bytes of data, got %d", len(exp), len(got))
	}
	first, count := -1, 0
	for i := 0; i < len(exp); i += size {
		if !elementClose(dt, exp[i:i+size], got[i:i+size], tol) {
			if first < 0 {
				first = i / size
			}
			count++
		}
	}
	if count == 0 {
		return ""
	}
	e, g := exp[first*size:(first+1)*size], got[first*size:(first+1)*size]
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d elements differ; first at flat index %d %v: expected %s, got %s",
		count, len(exp)/size, first, unravel(first, shape), formatElement(dt, e), formatElement(dt, g))
	switch dt.Kind() {
	case dtype.KindFloat:
		fmt.Fprintf(&b, " (ulp distance %d, tolerance %d)", ulpDistance(getUint(e), getUint(g), size*8), tol.ulps)
	case dtype.KindComplex:
		h := size / 2
		fmt.Fprintf(&b, " (ulp distances %d, %d, tolerance %d)", ulpDistance(getUint(e[:h]), getUint(g[:h]), h*8),
			ulpDistance(getUint(e[h:]), getUint(g[h:]), h*8), tol.ulps)
	}
	if tol.scale > 0 {
		fmt.Fprintf(&b, " (tolerance_scale %g)", tol.scale)
	}
	return b.String()
}

// expectation is a decoded "expected" object.
type expectation struct {
	kind  resultKind
	array *rawArray
	dt    dtype.DType
	value bool
	shape []int
	// record, when set, compares a record dtype with NumPy's description
	// of it (op dtype of the structured category).
	record func(got dtype.DType) string
}

// decodeExpected decodes an "expected" object by the keys it has: an
// array (dtype, shape, data), {"dtype"}, {"value"} or {"shape"}.
func decodeExpected(raw json.RawMessage) (*expectation, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, corpusErrorf("bad expected: %v", err)
	}
	_, hasData := m["data"]
	_, hasDType := m["dtype"]
	_, hasShape := m["shape"]
	_, hasValue := m["value"]
	switch {
	case hasDType && !hasData && isStructuredRaw(raw):
		return decodeStructuredExpectation(raw)
	case hasData:
		a, err := decodeRawArray(raw)
		if err != nil {
			return nil, err
		}
		return &expectation{kind: resultArray, array: a}, nil
	case hasValue && len(m) == 1:
		var v bool
		if err := json.Unmarshal(m["value"], &v); err != nil {
			return nil, corpusErrorf("bad expected value: %v", err)
		}
		return &expectation{kind: resultValue, value: v}, nil
	case hasShape && len(m) == 1:
		var s []int
		if err := json.Unmarshal(m["shape"], &s); err != nil {
			return nil, corpusErrorf("bad expected shape: %v", err)
		}
		return &expectation{kind: resultShape, shape: s}, nil
	case hasDType && len(m) == 1:
		var name string
		if err := json.Unmarshal(m["dtype"], &name); err != nil {
			return nil, corpusErrorf("bad expected dtype: %v", err)
		}
		dt, err := parseDType(name)
		if err != nil {
			return nil, err
		}
		return &expectation{kind: resultDType, dt: dt}, nil
	}
	return nil, unsupported("expected result of this form is not supported (keys %v)", slices.Sorted(maps.Keys(m)))
}

// tolerances returns the tolerance for each of n expected arrays.
func (c *Case) tolerances(n int) ([]tolerance, error) {
	if c.Tolerance < 0 {
		return nil, corpusErrorf("negative tolerance_ulps %d", c.Tolerance)
	}
	tols := make([]tolerance, n)
	for i := range tols {
		tols[i].ulps = uint64(c.Tolerance)
	}
	if isNull(c.Scale) {
		return tols, nil
	}
	raw := bytes.TrimSpace(c.Scale)
	if raw[0] == '[' {
		var list []*float64
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, corpusErrorf("bad tolerance_scale: %v", err)
		}
		if len(list) != n {
			return nil, corpusErrorf("tolerance_scale has %d entries for %d results", len(list), n)
		}
		for i, s := range list {
			if s != nil {
				tols[i].scale = *s
			}
		}
		return tols, nil
	}
	var s float64
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, corpusErrorf("bad tolerance_scale: %v", err)
	}
	for i := range tols {
		tols[i].scale = s
	}
	return tols, nil
}

// compareResult compares an operation's result with the case's
// expectation: "" when they agree, else a diff. The error is set when the
// expectation itself cannot be used (unsupported or malformed).
func compareResult(c *Case, res *Result) (string, error) {
	if res == nil {
		return "operation returned no result and no error", nil
	}
	if c.ExpectedList != nil {
		tols, err := c.tolerances(len(c.ExpectedList))
		if err != nil {
			return "", err
		}
		exps := make([]*rawArray, len(c.ExpectedList))
		for i, raw := range c.ExpectedList {
			if exps[i], err = decodeRawArray(raw); err != nil {
				return "", err
			}
		}
		if res.Kind != resultList {
			return fmt.Sprintf("expected a list of %d arrays, got %s", len(exps), res.Kind), nil
		}
		if len(res.List) != len(exps) {
			return fmt.Sprintf("expected %d arrays, got %d", len(exps), len(res.List)), nil
		}
		for i, e := range exps {
			if d := compareArray(e, res.List[i], tols[i]); d != "" {
				return fmt.Sprintf("result %d: %s", i, d), nil
			}
		}
		return "", nil
	}
	exp, err := decodeExpected(c.Expected)
	if err != nil {
		return "", err
	}
	if res.Kind != exp.kind {
		return fmt.Sprintf("expected %s, got %s", exp.kind, res.Kind), nil
	}
	switch exp.kind {
	case resultArray:
		tols, err := c.tolerances(1)
		if err != nil {
			return "", err
		}
		if d := compareArray(exp.array, res.Array, tols[0]); d != "" {
			return d, nil
		}
		if c.ExpectedView != nil && *c.ExpectedView && res.ViewOf != nil && !sharesBuffer(res.Array, res.ViewOf) {
			return "NumPy returned a view of the operand, got an array with its own buffer", nil
		}
	case resultDType:
		if exp.record != nil {
			return exp.record(res.DType), nil
		}
		if res.DType != exp.dt {
			return fmt.Sprintf("dtype: expected %s, got %s", exp.dt, res.DType), nil
		}
	case resultValue:
		if res.Value != exp.value {
			return fmt.Sprintf("value: expected %v, got %v", exp.value, res.Value), nil
		}
	case resultShape:
		if !slices.Equal(res.Shape, exp.shape) {
			return fmt.Sprintf("shape: expected %s, got %s", ndarray.FormatShape(exp.shape), ndarray.FormatShape(res.Shape)), nil
		}
	}
	return "", nil
}

// sharesBuffer reports whether a and b are backed by the same buffer
// (arrays with empty buffers share nothing to speak of and pass).
func sharesBuffer(a, b *ndarray.Array) bool {
	ab, bb := a.Buffer(), b.Buffer()
	if len(ab) == 0 || len(bb) == 0 {
		return true
	}
	return &ab[:cap(ab)][cap(ab)-1] == &bb[:cap(bb)][cap(bb)-1]
}
