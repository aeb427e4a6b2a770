package conformance

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/pluribus-go/pluribus/datashape"
)

// The datashape corpus (testdata/conformance/datashape, format in its
// FORMAT.md) is a set of JSON arrays of cases of several kinds. Each file
// is one category, named after it: datashape/parse, datashape/dynd_parse,
// datashape/match, datashape/unify, datashape/promote. The case's kind
// (or, without one, the file) is its op.
//
// Cases this library does not aim to reproduce count as platform:
//   - the dynd dialect (a different datashape language and solver);
//   - legacy cases (the superseded 2014 unifier);
//   - quirk cases, where the reference does something questionable that
//     pluribus deliberately does differently (it rejects option[?T]
//     instead of printing the unreadable ??T, and quotes the field name
//     True so that the text reads back).
//
// Run them anyway with -conformance.platform. Multiline cases (the
// reference wraps long records) are compared with whitespace removed.

func init() {
	arrayDecoders["datashape"] = decodeDatashapeFile
	register("datashape/parse", "parse", opDSParse)
	register("datashape/dynd_parse", "parse", opDSDynDParse)
	register("datashape/match", "match", opDSMatch)
	register("datashape/unify", "signature", opDSSignature)
	register("datashape/unify", "overload", opDSOverload)
	register("datashape/unify", "coercion_order", opDSCoercionOrder)
	register("datashape/unify", "coercion_error", opDSCoercionError)
	register("datashape/promote", "promote", opDSPromote)
	addErrorType[*datashape.ParseError]("datashape")
	addErrorType[*datashape.MatchError]("datashape")
	addErrorType[*datashape.CoercionError]("datashape")
	addErrorType[*datashape.UnificationError]("datashape")
	addErrorType[*datashape.SignatureError]("datashape")
}

// dsCase holds the fields of a datashape case that decide how it runs.
type dsCase struct {
	ID        string          `json:"id"`
	Kind      string          `json:"kind"`
	Dialect   string          `json:"dialect"`
	Quirk     json.RawMessage `json:"quirk"`
	Multiline bool            `json:"multiline"`
	Legacy    bool            `json:"legacy"`
	Error     bool            `json:"error"`
	Matches   json.RawMessage `json:"matches"` // a bool, or a list (broadcast_typevars)
	Reference *struct {
		Error bool `json:"error"`
	} `json:"datashape_reference"`
}

var dsPass = json.RawMessage(`{"value": true}`)

// decodeDatashapeFile turns the cases of one datashape corpus file into
// runner cases. The case itself stays in Case.Raw; a case that must
// succeed expects the value true, which the ops return after their own
// comparison.
func decodeDatashapeFile(rel string, items []json.RawMessage) ([]*Case, []string) {
	category := strings.TrimSuffix(rel, ".json")
	file := strings.TrimPrefix(category, "datashape/")
	reasons := map[string][]string{}
	var cases []*Case
	for i, raw := range items {
		var d dsCase
		k := &Case{Category: category, Raw: raw}
		if err := json.Unmarshal(raw, &d); err != nil {
			k.ID = fmt.Sprintf("%s#%d", rel, i)
			k.Skip = "cannot decode case: " + err.Error()
			cases = append(cases, k)
			continue
		}
		k.ID = d.ID
		if k.ID == "" {
			k.ID = fmt.Sprintf("%s#%d", rel, i)
		}
		k.Op = d.Kind
		if k.Op == "" {
			k.Op = map[string]string{"parse": "parse", "dynd_parse": "parse", "match": "match"}[file]
		}
		fails := d.Error || string(d.Matches) == "false" || d.Reference != nil && d.Reference.Error
		if fails {
			k.Error = "datashape"
		} else {
			k.Expected = dsPass
		}
		var why string
		switch {
		case d.Dialect == "dynd" || file == "dynd_parse":
			why = "dynd dialect"
		case d.Legacy || d.Dialect == "datashape-2014":
			why = "legacy 2014 unifier"
		case len(d.Quirk) > 0 && string(d.Quirk) != "null":
			why = "reference quirk"
		}
		if why != "" {
			k.Platform = true
			k.Note = why
			reasons[why] = append(reasons[why], k.ID)
		}
		cases = append(cases, k)
	}
	var notes []string
	for _, why := range slices.Sorted(maps.Keys(reasons)) {
		ids := reasons[why]
		list := strings.Join(ids, " ")
		if why == "dynd dialect" && len(ids) > 12 { // the whole dialect: list a few
			list = strings.Join(ids[:12], " ") + " …"
		}
		notes = append(notes, fmt.Sprintf("%s: %d cases counted as platform (%s): %s", rel, len(ids), why, list))
	}
	return cases, notes
}

// dsMismatch is a wrong answer of the datashape package.
type dsMismatch struct{ msg string }

func (e *dsMismatch) Error() string { return e.msg }

func dsFail(format string, args ...any) (*Result, error) {
	return nil, &dsMismatch{msg: fmt.Sprintf(format, args...)}
}

func dsOK() (*Result, error) { return &Result{Kind: resultValue, Value: true}, nil }

func (c *Case) dsFields(v any) error {
	if err := json.Unmarshal(c.Raw, v); err != nil {
		return corpusErrorf("bad datashape case: %v", err)
	}
	return nil
}

func dsParse(s string) (*datashape.DataShape, error) {
	ds, err := datashape.Parse(s)
	if err != nil {
		return nil, corpusErrorf("cannot parse %q: %v", s, err)
	}
	return ds, nil
}

func dsFunction(s string) (*datashape.Function, error) {
	ds, err := dsParse(s)
	if err != nil {
		return nil, err
	}
	f, ok := datashape.AsFunction(ds)
	if !ok {
		return nil, corpusErrorf("%q is not a function signature", s)
	}
	return f, nil
}

func dsParseAll(ss []string) ([]*datashape.DataShape, error) {
	out := make([]*datashape.DataShape, len(ss))
	for i, s := range ss {
		var err error
		if out[i], err = dsParse(s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// squeezeSpace removes all white space, to compare with the reference's
// multi-line printing.
func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkCanonical parses input and checks its printed form against want
// and that the printed form reads back to the same type.
func checkCanonical(input, want string, multiline bool) (*Result, error) {
	ds, err := datashape.Parse(input)
	if err != nil {
		return nil, err
	}
	got := ds.String()
	if got != want && !(multiline && squeezeSpace(got) == squeezeSpace(want)) {
		return dsFail("datashape: %q prints as %q, want %q", input, got, want)
	}
	back, err := datashape.Parse(got)
	if err != nil {
		return dsFail("datashape: printed form %q does not parse back: %v", got, err)
	}
	if s := back.String(); s != got {
		return dsFail("datashape: printed form %q parses back as %q", got, s)
	}
	return dsOK()
}

// opDSParse: str(dshape(input)), or the error it must raise.
func opDSParse(c *Case) (*Result, error) {
	var f struct {
		Input     string `json:"input"`
		Canonical string `json:"canonical"`
		Multiline bool   `json:"multiline"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	if c.Error != "" {
		ds, err := datashape.Parse(f.Input)
		if err != nil {
			return nil, err
		}
		return dsFail("datashape: %q must be rejected, parsed as %s", f.Input, ds)
	}
	return checkCanonical(f.Input, f.Canonical, f.Multiline)
}

// opDSDynDParse compares the parser with what the Python reference does
// with a string of DyND's tests (datashape_reference).
func opDSDynDParse(c *Case) (*Result, error) {
	var f struct {
		Input     string `json:"input"`
		Reference struct {
			Canonical string `json:"canonical"`
		} `json:"datashape_reference"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	if c.Error != "" {
		ds, err := datashape.Parse(f.Input)
		if err != nil {
			return nil, err
		}
		return dsFail("datashape: %q must be rejected, parsed as %s", f.Input, ds)
	}
	return checkCanonical(f.Input, f.Reference.Canonical, false)
}

// bindingsJSON renders bindings as the corpus writes them: a dimension
// as its string, an ellipsis ("A..." or "...") as a list of strings, a
// measure as its datashape string.
func bindingsJSON(b *datashape.Bindings) map[string]any {
	m := map[string]any{}
	for k, d := range b.Dims {
		m[k] = d.String()
	}
	for k, l := range b.Ellipses {
		ds := make([]any, len(l))
		for i, d := range l {
			ds[i] = d.String()
		}
		m[k+"..."] = ds
	}
	for k, v := range b.Measures {
		m[k] = v.String()
	}
	return m
}

func compareBindings(want map[string]any, got *datashape.Bindings) string {
	if want == nil {
		want = map[string]any{}
	}
	g := bindingsJSON(got)
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(g)
	if string(wj) != string(gj) {
		return fmt.Sprintf("bindings %s, want %s", gj, wj)
	}
	return ""
}

// opDSMatch: the 2015 reference's matches_datashape_pattern, with the
// bindings of the match.
func opDSMatch(c *Case) (*Result, error) {
	var f struct {
		Pattern   string         `json:"pattern"`
		Candidate string         `json:"candidate"`
		Bindings  map[string]any `json:"bindings"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	p, err := dsParse(f.Pattern)
	if err != nil {
		return nil, err
	}
	t, err := dsParse(f.Candidate)
	if err != nil {
		return nil, err
	}
	b, err := datashape.Match(p, t)
	if err != nil {
		return nil, err
	}
	if c.Error != "" {
		return dsFail("datashape: %s must not match %s, got bindings %s", t, p, b)
	}
	if d := compareBindings(f.Bindings, b); d != "" {
		return dsFail("datashape: match %s against %s: %s", t, p, d)
	}
	return dsOK()
}

func closeCost(a, b float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return math.IsInf(a, 1) && math.IsInf(b, 1)
	}
	return math.Abs(a-b) < 1e-9
}

// costValue reads a cost: a number or "inf".
func costValue(raw json.RawMessage) (float64, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "inf" {
			return math.Inf(1), nil
		}
		return 0, corpusErrorf("bad cost %q", s)
	}
	var x float64
	if err := json.Unmarshal(raw, &x); err != nil {
		return 0, corpusErrorf("bad cost %s", raw)
	}
	return x, nil
}

// resolverTestMatchWithResolver is the resolver of the reference test
// test_match_with_resolver: R... is B, then each dimension of A...
// followed by B; T is int16.
var resolverTestMatchWithResolver = &datashape.Resolver{
	Ellipsis: func(name string, b *datashape.Bindings) ([]datashape.Dim, bool) {
		if name != "R" {
			return nil, false
		}
		bd, ok := b.Dims["B"]
		if !ok {
			return nil, false
		}
		out := []datashape.Dim{bd}
		for _, d := range b.Ellipses["A"] {
			out = append(out, d, bd)
		}
		return out, true
	},
	Measure: func(name string, b *datashape.Bindings) (datashape.Measure, bool) {
		if name == "T" {
			return datashape.Int16, true
		}
		return nil, false
	},
}

// opDSSignature: match_argtypes_to_signature.
func opDSSignature(c *Case) (*Result, error) {
	var f struct {
		Signature  string          `json:"signature"`
		Args       []string        `json:"args"`
		Result     string          `json:"result"`
		ReturnType string          `json:"return_type"`
		Bindings   map[string]any  `json:"bindings"`
		Cost       json.RawMessage `json:"cost"`
		Source     string          `json:"source"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	sig, err := dsFunction(f.Signature)
	if err != nil {
		return nil, err
	}
	args, err := dsParseAll(f.Args)
	if err != nil {
		return nil, err
	}
	var r *datashape.Resolver
	if strings.HasSuffix(f.Source, "::test_match_with_resolver") {
		r = resolverTestMatchWithResolver
	}
	res, err := datashape.MatchSignature(sig, args, r)
	if err != nil {
		return nil, err
	}
	if c.Error != "" {
		return dsFail("datashape: %v must not match %s, got %s", f.Args, sig, res.Signature)
	}
	if got := res.Signature.String(); got != f.Result {
		return dsFail("datashape: resolved signature %s, want %s", got, f.Result)
	}
	if got := res.Signature.Result.String(); got != f.ReturnType {
		return dsFail("datashape: return type %s, want %s", got, f.ReturnType)
	}
	if d := compareBindings(f.Bindings, res.Bindings); d != "" {
		return dsFail("datashape: %s", d)
	}
	want, err := costValue(f.Cost)
	if err != nil {
		return nil, err
	}
	if !closeCost(res.Cost, want) {
		return dsFail("datashape: cost %v, want %v", res.Cost, want)
	}
	return dsOK()
}

// opDSOverload: OverloadResolver.resolve_overload.
func opDSOverload(c *Case) (*Result, error) {
	var f struct {
		Signatures []string `json:"signatures"`
		Args       []string `json:"args"`
		Index      int      `json:"index"`
		Result     string   `json:"result"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	sigs := make([]*datashape.Function, len(f.Signatures))
	for i, s := range f.Signatures {
		var err error
		if sigs[i], err = dsFunction(s); err != nil {
			return nil, err
		}
	}
	args, err := dsParseAll(f.Args)
	if err != nil {
		return nil, err
	}
	i, res, err := datashape.ResolveOverload(sigs, args, nil)
	if err != nil {
		return nil, err
	}
	if c.Error != "" {
		return dsFail("datashape: %v must match no overload, matched %d: %s", f.Args, i, res.Signature)
	}
	if i != f.Index || res.Signature.String() != f.Result {
		return dsFail("datashape: overload %d %s, want %d %s", i, res.Signature, f.Index, f.Result)
	}
	return dsOK()
}

func dsCost(src, dst string) (float64, error) {
	s, err := dsParse(src)
	if err != nil {
		return 0, err
	}
	d, err := dsParse(dst)
	if err != nil {
		return 0, err
	}
	c, _ := datashape.CoercionCost(s, d)
	return c, nil
}

// opDSCoercionOrder: cost(src → cheaper) < cost(src → dearer), with the
// reference's costs.
func opDSCoercionOrder(c *Case) (*Result, error) {
	var f struct {
		Src     string            `json:"src"`
		Cheaper string            `json:"cheaper"`
		Dearer  string            `json:"dearer"`
		Holds   bool              `json:"holds"`
		Costs   []json.RawMessage `json:"costs"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	if len(f.Costs) != 2 {
		return nil, corpusErrorf("coercion_order needs two costs")
	}
	var got [2]float64
	for i, dst := range []string{f.Cheaper, f.Dearer} {
		x, err := dsCost(f.Src, dst)
		if err != nil {
			return nil, err
		}
		want, err := costValue(f.Costs[i])
		if err != nil {
			return nil, err
		}
		if !closeCost(x, want) {
			return dsFail("datashape: cost of %s → %s is %v, want %v", f.Src, dst, x, want)
		}
		got[i] = x
	}
	if (got[0] < got[1]) != f.Holds {
		return dsFail("datashape: cost order %v < %v should be %v", got[0], got[1], f.Holds)
	}
	return dsOK()
}

// opDSCoercionError: an implicit coercion that must not be allowed.
func opDSCoercionError(c *Case) (*Result, error) {
	var f struct {
		Src string `json:"src"`
		Dst string `json:"dst"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	s, err := dsParse(f.Src)
	if err != nil {
		return nil, err
	}
	d, err := dsParse(f.Dst)
	if err != nil {
		return nil, err
	}
	cost, err := datashape.CoercionCost(s, d)
	if err != nil {
		return nil, err
	}
	return dsFail("datashape: %s → %s must not coerce, cost %v", s, d, cost)
}

// opDSPromote: datashape.promote(a, b, promote_option).
func opDSPromote(c *Case) (*Result, error) {
	var f struct {
		Args          []string `json:"args"`
		PromoteOption *bool    `json:"promote_option"`
		Result        string   `json:"result"`
	}
	if err := c.dsFields(&f); err != nil {
		return nil, err
	}
	args, err := dsParseAll(f.Args)
	if err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, corpusErrorf("promote needs two arguments, got %d", len(args))
	}
	opt := f.PromoteOption == nil || *f.PromoteOption
	r, err := datashape.Promote(args[0], args[1], opt)
	if err != nil {
		return nil, err
	}
	if r.String() != f.Result {
		return dsFail("datashape: promote(%s, %s, %v) = %s, want %s", args[0], args[1], opt, r, f.Result)
	}
	return dsOK()
}
