// Package conformance runs the NumPy-generated conformance corpus
// (testdata/conformance, format in testdata/conformance/numpy/FORMAT.md)
// against the public API of pluribus.
//
// The corpus is a set of JSON files, each holding a list of cases: an
// operation, its operands and keyword arguments, and either the expected
// result or the category of error it must raise. TestConformance loads
// every case file under the corpus directory, runs each case through the
// operation table (ops.go), compares the outcome with the rules of
// FORMAT.md (compare.go) and prints one summary line per category:
//
//	conformance: <category> passed=N failed=M platform=P unimplemented=U
//
// Cases whose operation has no entry in the table yet, or which need a
// dtype the library does not have yet, count as unimplemented; cases marked
// platform_defined are skipped. An operation that exists but answers
// wrongly is always a failure. Adding an operation means adding an entry
// to the table with register.
//
// The environment variable PLURIBUS_CONFORMANCE_DIR points the test at
// another corpus directory, read recursively. JSON files of another format
// (a top-level array of cases without "op") are decoded by the decoder
// registered for their top directory in arrayDecoders (the datashape
// corpus: datashape_ops.go), or else loaded leniently: their cases then
// count as unimplemented.
//
// Test flags: -conformance.run REGEXP runs only the cases whose id matches;
// -conformance.maxfail N caps the failures reported as test errors per
// category (all are logged with -v); -conformance.platform also runs the
// platform_defined cases and logs whether the library agrees with NumPy.
package conformance

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Case is one conformance case, as FORMAT.md describes it. Operands,
// keyword arguments and results stay raw JSON until an operation needs
// them, so that loading the corpus is cheap.
type Case struct {
	ID           string                     `json:"id"`
	Category     string                     `json:"category"`
	Op           string                     `json:"op"`
	Inputs       []json.RawMessage          `json:"inputs"`
	Kwargs       map[string]json.RawMessage `json:"kwargs"`
	Expected     json.RawMessage            `json:"expected"`
	ExpectedList []json.RawMessage          `json:"expected_list"`
	Error        string                     `json:"error"`
	NumpyError   string                     `json:"numpy_error"`
	Tolerance    int                        `json:"tolerance_ulps"`
	Scale        json.RawMessage            `json:"tolerance_scale"`
	Platform     bool                       `json:"platform_defined"`
	Tags         []string                   `json:"tags"`
	Note         string                     `json:"note"`
	ExpectedView *bool                      `json:"expected_view"`

	// File is the case file, relative to the corpus root.
	File string `json:"-"`
	// Dir is the directory of the case file; the paths in npy cases are
	// relative to it.
	Dir string `json:"-"`
	// Skip, when set, says why the case cannot be run at all (a format
	// this runner does not understand); it then counts as unimplemented.
	Skip string `json:"-"`
	// Raw is the whole case as its file holds it, for the formats that
	// arrayDecoders read.
	Raw json.RawMessage `json:"-"`
}

// arrayDecoders read case files that are a top-level JSON array, by the
// top directory of the file under the corpus root ("datashape"). A
// decoder returns the file's cases and notes for -v.
var arrayDecoders = map[string]func(rel string, items []json.RawMessage) (cases []*Case, notes []string){}

// corpusFile is the envelope of a case file in the NumPy corpus format.
type corpusFile struct {
	FormatVersion int               `json:"format_version"`
	Category      string            `json:"category"`
	CaseCount     *int              `json:"case_count"`
	Cases         []json.RawMessage `json:"cases"`
}

// Corpus is a loaded set of cases.
type Corpus struct {
	Cases []*Case
	// Notes are remarks about files that were skipped or read leniently.
	Notes []string
	// Problems are defects of the corpus itself (unreadable files, a
	// case_count that does not match, duplicate ids); the test fails on
	// them.
	Problems []string
}

// LoadCorpus reads every JSON case file under root, recursively, in
// lexical path order. Files are decoded concurrently.
func LoadCorpus(root string) (*Corpus, error) {
	var paths []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".json") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	type fileResult struct {
		cases           []*Case
		notes, problems []string
	}
	results := make([]fileResult, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rel, err := filepath.Rel(root, p)
			if err != nil {
				rel = p
			}
			rel = filepath.ToSlash(rel)
			r := &results[i]
			r.cases, r.notes, r.problems = loadFile(p, rel)
		}()
	}
	wg.Wait()
	c := &Corpus{}
	seen := make(map[string]string)
	for _, r := range results {
		c.Notes = append(c.Notes, r.notes...)
		c.Problems = append(c.Problems, r.problems...)
		for _, k := range r.cases {
			if prev, dup := seen[k.ID]; dup {
				c.Problems = append(c.Problems, fmt.Sprintf("%s: duplicate case id %q (also in %s)", k.File, k.ID, prev))
			}
			seen[k.ID] = k.File
			c.Cases = append(c.Cases, k)
		}
	}
	return c, nil
}

// loadFile decodes one JSON file. A NumPy-format file (an object with
// "cases") gives its cases; a top-level array of objects gives cases of
// an unknown format, which count as unimplemented; anything else is noted
// and skipped.
func loadFile(path, rel string) (cases []*Case, notes, problems []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, []string{fmt.Sprintf("%s: %v", rel, err)}
	}
	dir := filepath.Dir(path)
	base := strings.TrimSuffix(rel, ".json")
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, []string{rel + ": empty file, skipped"}, nil
	}
	switch trimmed[0] {
	case '{':
		var f corpusFile
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, nil, []string{fmt.Sprintf("%s: %v", rel, err)}
		}
		if f.Cases == nil {
			return nil, []string{rel + ": no \"cases\" key, not a case file: skipped"}, nil
		}
		if f.CaseCount != nil && *f.CaseCount != len(f.Cases) {
			problems = append(problems, fmt.Sprintf("%s: case_count is %d but the file holds %d cases", rel, *f.CaseCount, len(f.Cases)))
		}
		if f.FormatVersion != 1 {
			notes = append(notes, fmt.Sprintf("%s: format_version %d (this runner knows 1)", rel, f.FormatVersion))
		}
		fileCat := f.Category
		if fileCat == "" {
			fileCat = base
		}
		for i, raw := range f.Cases {
			k := &Case{}
			if err := json.Unmarshal(raw, k); err != nil {
				k = lenientCase(raw, fileCat, i)
				k.Skip = "cannot decode case: " + err.Error()
			}
			if k.Category == "" {
				k.Category = fileCat
			}
			if k.ID == "" {
				k.ID = fmt.Sprintf("%s#%d", rel, i)
			}
			if k.Op == "" && k.Skip == "" {
				k.Skip = "case has no op (format not supported)"
			}
			k.File, k.Dir = rel, dir
			cases = append(cases, k)
		}
		return cases, notes, problems
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, nil, []string{fmt.Sprintf("%s: %v", rel, err)}
		}
		top, _, _ := strings.Cut(rel, "/")
		if dec := arrayDecoders[top]; dec != nil {
			cases, notes := dec(rel, items)
			for _, k := range cases {
				k.File, k.Dir = rel, dir
			}
			return cases, notes, nil
		}
		for i, raw := range items {
			k := lenientCase(raw, base, i)
			k.File, k.Dir = rel, dir
			k.Skip = "not in the NumPy case format (no op): not supported yet"
			cases = append(cases, k)
		}
		return cases, []string{fmt.Sprintf("%s: %d cases in another format, counted as unimplemented", rel, len(items))}, nil
	}
	return nil, []string{rel + ": not a JSON object or array, skipped"}, nil
}

// lenientCase extracts what it can (id, category) from a case of an
// unknown shape.
func lenientCase(raw json.RawMessage, category string, i int) *Case {
	var m map[string]json.RawMessage
	_ = json.Unmarshal(raw, &m)
	k := &Case{Category: category}
	var s string
	if json.Unmarshal(m["id"], &s) == nil && s != "" {
		k.ID = s
	} else {
		k.ID = fmt.Sprintf("%s#%d", category, i)
	}
	if json.Unmarshal(m["category"], &s) == nil && s != "" {
		k.Category = s
	}
	return k
}

// unsupportedError marks a case that needs something the library (or
// this runner) does not have yet: the case counts as unimplemented.
type unsupportedError struct{ reason string }

func (e *unsupportedError) Error() string { return e.reason }

func unsupported(format string, args ...any) error {
	return &unsupportedError{reason: fmt.Sprintf(format, args...)}
}

// corpusError marks a case the runner cannot make sense of although it
// claims the supported format (bad JSON, a value not representable in its
// dtype): the case fails.
type corpusError struct{ msg string }

func (e *corpusError) Error() string { return "corpus: " + e.msg }

func corpusErrorf(format string, args ...any) error {
	return &corpusError{msg: fmt.Sprintf(format, args...)}
}

// numericTypes maps the corpus names of the 14 numeric dtypes to them.
var numericTypes = func() map[string]dtype.DType {
	m := make(map[string]dtype.DType)
	for _, d := range dtype.Builtins() {
		m[d.Name()] = d
	}
	return m
}()

// parseDType returns the numeric dtype named name; other corpus dtypes
// (datetime64, U<n>, structured, …) are unsupported.
func parseDType(name string) (dtype.DType, error) {
	if d, ok := numericTypes[name]; ok {
		return d, nil
	}
	if d, err := dtype.Parse(name); err == nil && elementDecoders[d.Kind()] != nil {
		return d, nil
	}
	return dtype.DType{}, unsupported("dtype not supported: %s", name)
}

// arrayJSON is an array as the corpus writes it.
type arrayJSON struct {
	DType string          `json:"dtype"`
	Shape []int           `json:"shape"`
	Data  json.RawMessage `json:"data"`
}

// rawArray is a decoded array: its dtype, shape and elements in C order,
// native byte order.
type rawArray struct {
	dt    dtype.DType
	shape []int
	data  []byte
}

// decodeRawArray decodes an array object of the corpus.
func decodeRawArray(raw json.RawMessage) (*rawArray, error) {
	var a arrayJSON
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, corpusErrorf("bad array: %v", err)
	}
	if a.DType == "structured" {
		return decodeStructuredArray(raw)
	}
	if a.Shape == nil {
		return nil, corpusErrorf("array without a shape")
	}
	dt, err := parseDType(a.DType)
	if err != nil {
		return nil, err
	}
	return decodeElements(dt, a.Shape, a.Data, "element", putElement)
}

// decodeElements decodes the data of an array of type dt and the given
// shape, a flat JSON list of its elements in C order, writing each one
// (named what in messages) with put.
func decodeElements(dt dtype.DType, shape []int, data json.RawMessage, what string,
	put func(b []byte, dt dtype.DType, e any) error) (*rawArray, error) {
	if shape == nil {
		return nil, corpusErrorf("array without a shape")
	}
	n := 1
	for _, d := range shape {
		if d < 0 {
			return nil, corpusErrorf("negative dimension in shape %v", shape)
		}
		n *= d
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var elems []any
	if err := dec.Decode(&elems); err != nil {
		return nil, corpusErrorf("bad array data: %v", err)
	}
	if len(elems) != n {
		return nil, corpusErrorf("shape %v needs %d %ss, data has %d", shape, n, what, len(elems))
	}
	size := dt.Size()
	buf := make([]byte, n*size)
	for i, e := range elems {
		if err := put(buf[i*size:(i+1)*size], dt, e); err != nil {
			return nil, corpusErrorf("%s %d: %v", what, i, err)
		}
	}
	return &rawArray{dt: dt, shape: shape, data: buf}, nil
}

// decodeArray decodes an array object of the corpus into a new C-ordered
// array.
func decodeArray(raw json.RawMessage) (*ndarray.Array, error) {
	r, err := decodeRawArray(raw)
	if err != nil {
		return nil, err
	}
	return r.toArray()
}

func (r *rawArray) toArray() (*ndarray.Array, error) {
	a, err := ndarray.Zeros(r.dt, r.shape...)
	if err != nil {
		return nil, corpusErrorf("cannot make array of shape %v: %v", r.shape, err)
	}
	if len(r.data) > 0 {
		copy(a.Bytes(), r.data)
	}
	return a, nil
}

// putElement writes one JSON element e (bool, json.Number, a special float
// string, or a [re, im] pair) into b as dtype dt in native byte order.
func putElement(b []byte, dt dtype.DType, e any) error {
	switch dt.Kind() {
	case dtype.KindBool:
		v, ok := e.(bool)
		if !ok {
			return fmt.Errorf("want a bool, got %v", e)
		}
		if v {
			b[0] = 1
		}
		return nil
	case dtype.KindInt:
		num, ok := e.(json.Number)
		if !ok {
			return fmt.Errorf("want an integer, got %v", e)
		}
		v, err := strconv.ParseInt(string(num), 10, dt.Size()*8)
		if err != nil {
			return err
		}
		putUint(b, uint64(v))
		return nil
	case dtype.KindUint:
		num, ok := e.(json.Number)
		if !ok {
			return fmt.Errorf("want an integer, got %v", e)
		}
		v, err := strconv.ParseUint(string(num), 10, dt.Size()*8)
		if err != nil {
			return err
		}
		putUint(b, v)
		return nil
	case dtype.KindFloat:
		bits, err := floatBits(e, dt.Size()*8)
		if err != nil {
			return err
		}
		putUint(b, bits)
		return nil
	case dtype.KindComplex:
		pair, ok := e.([]any)
		if !ok || len(pair) != 2 {
			return fmt.Errorf("want a [re, im] pair, got %v", e)
		}
		half := dt.Size() / 2
		for p := range 2 {
			bits, err := floatBits(pair[p], half*8)
			if err != nil {
				return err
			}
			putUint(b[p*half:(p+1)*half], bits)
		}
		return nil
	}
	if dec := elementDecoders[dt.Kind()]; dec != nil {
		return dec(b, dt, e)
	}
	return fmt.Errorf("dtype %s not supported", dt)
}

// elementDecoders write one JSON element of a parameterised kind
// (datetime, strings, records) into b; files of this package add them in
// their init functions. A kind without a decoder is unsupported.
var elementDecoders = map[dtype.Kind]func(b []byte, dt dtype.DType, e any) error{}

// putUint writes the low len(b) bytes of v in native byte order.
func putUint(b []byte, v uint64) {
	ne := binary.NativeEndian
	switch len(b) {
	case 1:
		b[0] = byte(v)
	case 2:
		ne.PutUint16(b, uint16(v))
	case 4:
		ne.PutUint32(b, uint32(v))
	case 8:
		ne.PutUint64(b, v)
	}
}

// getUint reads len(b) bytes (1, 2, 4 or 8) in native byte order.
func getUint(b []byte) uint64 {
	ne := binary.NativeEndian
	switch len(b) {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(ne.Uint16(b))
	case 4:
		return uint64(ne.Uint32(b))
	case 8:
		return ne.Uint64(b)
	}
	panic("conformance: bad element width")
}

// parseFloat reads a float element: a JSON number or one of "nan", "inf",
// "-inf", "-0.0".
func parseFloat(e any) (float64, error) {
	switch v := e.(type) {
	case json.Number:
		return strconv.ParseFloat(string(v), 64)
	case string:
		switch v {
		case "nan":
			return math.NaN(), nil
		case "inf":
			return math.Inf(1), nil
		case "-inf":
			return math.Inf(-1), nil
		case "-0.0":
			return math.Copysign(0, -1), nil
		}
	}
	return 0, fmt.Errorf("want a float, got %v", e)
}

// floatBits reads a float element and returns its bit pattern in a float
// of the given width (16, 32, 64). The value must be exactly
// representable, as FORMAT.md guarantees.
func floatBits(e any, width int) (uint64, error) {
	x, err := parseFloat(e)
	if err != nil {
		return 0, err
	}
	var bits uint64
	switch width {
	case 16:
		h := dtype.FromFloat64(x)
		bits = uint64(h.Bits())
	case 32:
		bits = uint64(math.Float32bits(float32(x)))
	case 64:
		bits = math.Float64bits(x)
	default:
		return 0, fmt.Errorf("bad float width %d", width)
	}
	if back := bitsToFloat(bits, width); back != x && !(math.IsNaN(back) && math.IsNaN(x)) {
		return 0, fmt.Errorf("%v is not exactly representable as a %d-bit float", e, width)
	}
	return bits, nil
}

// kwarg decodes the keyword argument name into v. A missing argument is
// a corpus error.
func (c *Case) kwarg(name string, v any) error {
	raw, ok := c.Kwargs[name]
	if !ok {
		return corpusErrorf("missing keyword argument %q", name)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return corpusErrorf("keyword argument %q: %v", name, err)
	}
	return nil
}

// hasKwarg reports whether the keyword argument is present and not null.
func (c *Case) hasKwarg(name string) bool {
	raw, ok := c.Kwargs[name]
	return ok && !isNull(raw)
}

// kwargString returns a string keyword argument, or def when it is
// absent or null.
func (c *Case) kwargString(name, def string) (string, error) {
	if !c.hasKwarg(name) {
		return def, nil
	}
	var s string
	err := c.kwarg(name, &s)
	return s, err
}

// kwargInts reads an int-or-list keyword argument (an axis, a shape):
// list reports whether it was written as a list.
func (c *Case) kwargInts(name string) (v []int, list bool, err error) {
	raw, ok := c.Kwargs[name]
	if !ok {
		return nil, false, corpusErrorf("missing keyword argument %q", name)
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, true, corpusErrorf("keyword argument %q: %v", name, err)
		}
		return v, true, nil
	}
	var x int
	if err := json.Unmarshal(raw, &x); err != nil {
		return nil, false, corpusErrorf("keyword argument %q: %v", name, err)
	}
	return []int{x}, false, nil
}

// kwargDType reads a dtype keyword argument: a dtype name, or another
// description (a structured dtype's fields), which is unsupported.
func (c *Case) kwargDType(name string) (dtype.DType, error) {
	var v any
	if err := c.kwarg(name, &v); err != nil {
		return dtype.DType{}, err
	}
	s, ok := v.(string)
	if !ok {
		if isStructuredRaw(c.Kwargs[name]) {
			dt, _, err := decodeStructuredDType(c.Kwargs[name])
			return dt, err
		}
		return dtype.DType{}, unsupported("dtype not supported: %.60s", c.Kwargs[name])
	}
	return parseDType(s)
}

func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// kwargCasting reads the "casting" keyword argument, def when it is
// absent or null.
func (c *Case) kwargCasting(def string) (dtype.Casting, error) {
	s, err := c.kwargString("casting", def)
	if err != nil {
		return 0, err
	}
	return dtype.ParseCasting(s)
}

// input decodes operand i into a new array.
func (c *Case) input(i int) (*ndarray.Array, error) {
	if i >= len(c.Inputs) {
		return nil, corpusErrorf("case has %d inputs, operand %d wanted", len(c.Inputs), i)
	}
	return decodeArray(c.Inputs[i])
}

// inputDType returns the dtype of operand i without decoding its data.
func (c *Case) inputDType(i int) (dtype.DType, error) {
	if i >= len(c.Inputs) {
		return dtype.DType{}, corpusErrorf("case has %d inputs, operand %d wanted", len(c.Inputs), i)
	}
	var a struct {
		DType string `json:"dtype"`
	}
	if err := json.Unmarshal(c.Inputs[i], &a); err != nil {
		return dtype.DType{}, corpusErrorf("bad array: %v", err)
	}
	return parseDType(a.DType)
}
