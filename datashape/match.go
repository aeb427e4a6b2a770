package datashape

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
)

// Bindings records what the type variables of a pattern stand for after
// a match.
type Bindings struct {
	// Dims maps each dimension variable (N) to the dimension it stands for.
	Dims map[string]Dim
	// Ellipses maps each named ellipsis (A...) by its name, and the
	// anonymous ellipsis (...) under "", to the dimensions it stands for.
	Ellipses map[string][]Dim
	// Measures maps each measure variable (T) to its measure.
	Measures map[string]Measure
}

func newBindings() *Bindings {
	return &Bindings{Dims: map[string]Dim{}, Ellipses: map[string][]Dim{}, Measures: map[string]Measure{}}
}

// String lists the bindings in name order: `A...=[3, 4] N=5 T=int32`.
func (b *Bindings) String() string {
	var parts []string
	for k, v := range b.Ellipses {
		ds := make([]string, len(v))
		for i, d := range v {
			ds[i] = d.String()
		}
		parts = append(parts, k+"...=["+strings.Join(ds, ", ")+"]")
	}
	for k, v := range b.Dims {
		parts = append(parts, k+"="+v.String())
	}
	for k, v := range b.Measures {
		parts = append(parts, k+"="+v.String())
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// dimEq pairs a pattern dimension with the dimensions of a type it
// stands for: one dimension, or a list for an ellipsis.
type dimEq struct {
	dst  Dim
	src  Dim
	list []Dim
}

// align pairs the dimensions of t with those of pattern: from the left
// until the pattern's ellipsis, then from the right; the dimensions left
// in the middle go to the ellipsis. It fails when the counts cannot
// agree.
func align(t, pattern *DataShape) ([]dimEq, bool) {
	src, dst := t.Dims, pattern.Dims
	eqs := make([]dimEq, len(dst))
	si, di := 0, 0
	sj, dj := len(src)-1, len(dst)-1
	for si <= sj && di <= dj {
		if _, ok := dst[di].(Ellipsis); ok {
			break
		}
		eqs[di] = dimEq{dst: dst[di], src: src[si]}
		si, di = si+1, di+1
	}
	for si <= sj && di <= dj {
		if _, ok := dst[dj].(Ellipsis); ok {
			break
		}
		eqs[dj] = dimEq{dst: dst[dj], src: src[sj]}
		sj, dj = sj-1, dj-1
	}
	if di == dj {
		if _, ok := dst[di].(Ellipsis); ok {
			eqs[di] = dimEq{dst: dst[di], list: slices.Clone(src[si : sj+1])}
			si, di = sj+1, di+1
		}
	}
	if si <= sj || di <= dj {
		return nil, false
	}
	return eqs, true
}

// typeVars collects the values each type variable takes in a set of
// equations.
type typeVars struct {
	dims     map[string][]Dim
	ellipses map[string][][]Dim
	measures map[string][]Measure
	order    []string // first-seen order of every name, for stable errors
}

func newTypeVars() *typeVars {
	return &typeVars{dims: map[string][]Dim{}, ellipses: map[string][][]Dim{}, measures: map[string][]Measure{}}
}

// check reports a name used in two roles.
func (tv *typeVars) check() error {
	for name := range tv.ellipses {
		if name == "" {
			continue
		}
		if _, ok := tv.dims[name]; ok {
			return fmt.Errorf("type variable %s is used as both a dimension and an ellipsis", name)
		}
		if _, ok := tv.measures[name]; ok {
			return fmt.Errorf("type variable %s is used as both a measure and an ellipsis", name)
		}
	}
	for name := range tv.dims {
		if _, ok := tv.measures[name]; ok {
			return fmt.Errorf("type variable %s is used as both a measure and a dimension", name)
		}
	}
	return nil
}

func formatDims(ds []Dim) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// Match matches the type t against pattern, which may hold dimension
// variables (N), ellipses (A..., ...) and a measure variable (T), and
// returns what each variable stands for. The match is exact: no
// broadcasting and no coercion. Every occurrence of a dimension variable
// must stand for the same dimension (`A * A * int32` matches
// `var * var * int32`, not `var * 3 * int32`). A measure variable stands
// for the whole measure of t (`T` matches `?int32`, `?T` does not: the
// match does not look inside options, records or tuples). A mismatch is
// a *MatchError.
func Match(pattern, t *DataShape) (*Bindings, error) {
	mismatch := func(format string, args ...any) error {
		return &MatchError{Pattern: pattern.String(), Type: t.String(), Msg: fmt.Sprintf(format, args...)}
	}
	eqs, ok := align(t, pattern)
	if !ok {
		return nil, mismatch("%d dimensions cannot match %d", len(t.Dims), len(pattern.Dims))
	}
	tv := newTypeVars()
	for i, eq := range eqs {
		switch d := eq.dst.(type) {
		case DimVar:
			tv.dims[string(d)] = append(tv.dims[string(d)], eq.src)
		case Ellipsis:
			tv.ellipses[d.Name] = append(tv.ellipses[d.Name], eq.list)
		default:
			if eq.src != eq.dst {
				return nil, mismatch("dimension %d is %s, want %s", i, eq.src, eq.dst)
			}
		}
	}
	if v, ok := pattern.Measure.(TypeVar); ok {
		tv.measures[string(v)] = append(tv.measures[string(v)], t.Measure)
	} else if t.Measure.String() != pattern.Measure.String() {
		return nil, mismatch("measure is %s, want %s", t.Measure, pattern.Measure)
	}
	if err := tv.check(); err != nil {
		return nil, &MatchError{Pattern: pattern.String(), Msg: err.Error()}
	}
	b := newBindings()
	for name, vals := range tv.dims {
		for _, v := range vals[1:] {
			if v != vals[0] {
				return nil, mismatch("dimension variable %s stands for both %s and %s", name, vals[0], v)
			}
		}
		b.Dims[name] = vals[0]
	}
	for name, vals := range tv.ellipses {
		b.Ellipses[name] = vals[0]
	}
	for name, vals := range tv.measures {
		b.Measures[name] = vals[0]
	}
	return b, nil
}

// BroadcastDims broadcasts two lists of dimensions NumPy-style, aligned
// on the right: a fixed 1 gives way to anything, var gives way to a
// fixed size other than 1, equal sizes stay, different fixed sizes are a
// *UnificationError. The lists hold Fixed and Var dimensions only.
func BroadcastDims(a, b []Dim) ([]Dim, error) {
	if len(a) < len(b) {
		a, b = b, a
	}
	out := slices.Clone(a)
	off := len(a) - len(b)
	for i, d := range b {
		r, err := broadcastDim(out[off+i], d)
		if err != nil {
			return nil, err
		}
		out[off+i] = r
	}
	return out, nil
}

func broadcastDim(a, b Dim) (Dim, error) {
	switch x := a.(type) {
	case Fixed:
		switch y := b.(type) {
		case Fixed:
			switch {
			case x == 1:
				return y, nil
			case y == 1 || x == y:
				return x, nil
			}
			return nil, &UnificationError{Msg: fmt.Sprintf("cannot broadcast differing fixed dimensions %d and %d", x, y)}
		case Var:
			if x == 1 {
				return y, nil
			}
			return x, nil
		}
	case Var:
		switch y := b.(type) {
		case Fixed:
			if y == 1 {
				return x, nil
			}
			return y, nil
		case Var:
			return x, nil
		}
	}
	return nil, &UnificationError{Msg: fmt.Sprintf("cannot broadcast dimensions %s and %s", a, b)}
}

// Costs of the signature matcher, as in the 2015 reference solver.
const (
	costTypeVar   = 0.125 // binding a dimension or measure variable
	costEllipsis  = 0.25  // binding an ellipsis
	costBroadcast = 0.1   // 1 → N, fixed → var or var → fixed
)

// dimCost is the cost of passing dimension src where the signature has
// the concrete dimension dst; +Inf when it cannot.
func dimCost(src, dst Dim) float64 {
	switch d := dst.(type) {
	case Fixed:
		switch s := src.(type) {
		case Var:
			return costBroadcast
		case Fixed:
			switch {
			case s == d:
				return 0
			case s == 1:
				return costBroadcast
			}
		}
	case Var:
		switch src.(type) {
		case Fixed:
			return costBroadcast
		case Var:
			return 0
		}
	case DimVar:
		return 0
	}
	return math.Inf(1)
}

// measureCost is the cost of the implicit coercion of measure src to
// dst; +Inf when it is not allowed.
func measureCost(src, dst Measure) float64 {
	if src.String() == dst.String() {
		return 0
	}
	s, ok1 := src.(Basic)
	d, ok2 := dst.(Basic)
	if ok1 && ok2 {
		if c, ok := coercionCosts[[2]Basic{s, d}]; ok {
			return c
		}
	}
	return math.Inf(1)
}

// CoercionCost returns the cost of converting a value of type src
// implicitly to type dst, as the 2015 reference ranks conversions:
// within a kind to a wider type costs 1 a step, int to float 1.2 (1.5 when
// it may lose precision: int32 → float32, int64 → float64), anything to
// bool 1000. Dimensions cost 0.1 to broadcast (1 → N, fixed ↔ var) and
// 0.1 (a 1) or 0.2 (other sizes) for each leading dimension added; a
// pattern variable in dst costs nothing. A conversion that is not allowed
// (a downcast, bool to a number, sizes that differ) is a *CoercionError.
func CoercionCost(src, dst *DataShape) (float64, error) {
	c := coercionCost(src, dst)
	if math.IsInf(c, 1) {
		return c, &CoercionError{From: src.String(), To: dst.String()}
	}
	return c, nil
}

func coercionCost(src, dst *DataShape) float64 {
	if src.Equal(dst) {
		return 0
	}
	if len(src.Dims) == 0 && len(dst.Dims) == 0 {
		if _, ok := src.Measure.(TypeVar); ok {
			return 0
		}
		if _, ok := dst.Measure.(TypeVar); ok {
			return 0.1
		}
		return measureCost(src.Measure, dst.Measure)
	}
	if len(src.Dims) > len(dst.Dims) {
		return math.Inf(1)
	}
	lead := len(dst.Dims) - len(src.Dims)
	cost := 0.0
	for _, d := range dst.Dims[:lead] {
		if d == Fixed(1) {
			cost += 0.1
		} else {
			cost += 0.2
		}
	}
	for i, d := range src.Dims {
		cost += dimCost(d, dst.Dims[lead+i])
	}
	if _, ok := dst.Measure.(TypeVar); !ok {
		cost += measureCost(src.Measure, dst.Measure)
	}
	return cost
}

// Resolver computes the output type variables of a signature that the
// arguments do not bind (the shape of a reduction's output, say). Each
// function may be nil; it returns false when it cannot resolve the
// variable either.
type Resolver struct {
	Ellipsis func(name string, b *Bindings) ([]Dim, bool)
	Dim      func(name string, b *Bindings) (Dim, bool)
	Measure  func(name string, b *Bindings) (Measure, bool)
}

// Resolution is the outcome of matching arguments to a signature.
type Resolution struct {
	// Signature is the signature with its type variables replaced: each
	// parameter as the argument will be converted to (an ellipsis keeps
	// the argument's own dimensions), and the output type.
	Signature *Function
	Bindings  *Bindings
	// Cost ranks matches: 0 is exact; binding variables, broadcasting and
	// coercions add to it (the largest cost over the arguments counts).
	Cost float64
}

// AsFunction returns the function type ds stands for, if it is one.
func AsFunction(ds *DataShape) (*Function, bool) {
	if len(ds.Dims) != 0 {
		return nil, false
	}
	f, ok := ds.Measure.(*Function)
	return f, ok
}

var errPruned = &SignatureError{Msg: "pruned"}

// MatchSignature matches argument types against a function signature
// such as `(A... * M * N * T, A... * N * P * T) -> A... * M * P * T`,
// as the 2015 reference solver does: outer dimensions bound to the same
// ellipsis broadcast together across arguments, dimensions may broadcast
// (1 → N, fixed ↔ var) at a cost, a dimension variable must stand for the
// same dimension in every argument, measures may coerce along the
// coercion table (see CoercionCost), and a measure variable seen with
// several types stands for their promotion (NumPy's result_type). The
// output's type variables must all be bound, by the arguments or by r.
//
// Errors: *CoercionError (an argument cannot convert), *UnificationError
// (variables that cannot agree), *SignatureError (wrong number of
// arguments, an unbound output variable).
func MatchSignature(sig *Function, args []*DataShape, r *Resolver) (*Resolution, error) {
	return matchSignature(sig, args, r, math.Inf(1))
}

func matchSignature(sig *Function, args []*DataShape, r *Resolver, cutoff float64) (*Resolution, error) {
	if len(args) != len(sig.Args) {
		return nil, &SignatureError{Msg: fmt.Sprintf("cannot match signature %s: it takes %d arguments, got %d", sig, len(sig.Args), len(args))}
	}
	argsText := func() string { return (&Tuple{Elems: args}).String() }
	tv := newTypeVars()
	eqss := make([][]dimEq, len(args))
	maxCost := 0.0
	for i, a := range args {
		p := sig.Args[i]
		eqs, ok := align(a, p)
		if !ok {
			return nil, &CoercionError{From: a.String(), To: p.String()}
		}
		eqss[i] = eqs
		cost := 0.0
		for _, eq := range eqs {
			switch d := eq.dst.(type) {
			case DimVar:
				tv.dims[string(d)] = append(tv.dims[string(d)], eq.src)
				cost += costTypeVar + dimCost(eq.src, d)
			case Ellipsis:
				tv.ellipses[d.Name] = append(tv.ellipses[d.Name], eq.list)
				cost += costEllipsis
			default:
				cost += dimCost(eq.src, eq.dst)
			}
		}
		if v, ok := p.Measure.(TypeVar); ok {
			tv.measures[string(v)] = append(tv.measures[string(v)], a.Measure)
			cost += costTypeVar
		} else {
			cost += measureCost(a.Measure, p.Measure)
		}
		if math.IsInf(cost, 1) {
			return nil, &CoercionError{From: argsText(), To: sig.String()}
		}
		if cost > cutoff {
			return nil, errPruned
		}
		maxCost = max(maxCost, cost)
	}
	if err := tv.check(); err != nil {
		return nil, &SignatureError{Msg: err.Error()}
	}
	b := newBindings()
	for name, vals := range tv.dims {
		for _, v := range vals[1:] {
			if v != vals[0] {
				return nil, &UnificationError{Msg: fmt.Sprintf("all dimensions bound to %s must match: %s", name, formatDims(vals))}
			}
		}
		b.Dims[name] = vals[0]
	}
	for name, lists := range tv.ellipses {
		acc := lists[0]
		for _, l := range lists[1:] {
			var err error
			if acc, err = BroadcastDims(acc, l); err != nil {
				return nil, err
			}
		}
		b.Ellipses[name] = acc
	}
	for name, vals := range tv.measures {
		acc := vals[0]
		for _, v := range vals[1:] {
			var err error
			if acc, err = promoteMeasures(acc, v); err != nil {
				return nil, err
			}
		}
		b.Measures[name] = acc
	}
	out := &Function{Args: make([]*DataShape, len(args))}
	for i, p := range sig.Args {
		ds := &DataShape{Measure: p.Measure}
		for j, d := range p.Dims {
			switch d := d.(type) {
			case Ellipsis:
				ds.Dims = append(ds.Dims, eqss[i][j].list...)
			case DimVar:
				ds.Dims = append(ds.Dims, b.Dims[string(d)])
			default:
				ds.Dims = append(ds.Dims, d)
			}
		}
		if v, ok := p.Measure.(TypeVar); ok {
			ds.Measure = b.Measures[string(v)]
		}
		out.Args[i] = ds
	}
	res, err := substituteOutput(sig.Result, b, r)
	if err != nil {
		return nil, err
	}
	out.Result = res
	return &Resolution{Signature: out, Bindings: b, Cost: maxCost}, nil
}

func substituteOutput(p *DataShape, b *Bindings, r *Resolver) (*DataShape, error) {
	unresolved := func(name string) error {
		return &SignatureError{Msg: fmt.Sprintf("could not resolve type variable %s in the signature's output", name)}
	}
	ds := &DataShape{Measure: p.Measure}
	for _, d := range p.Dims {
		switch d := d.(type) {
		case Ellipsis:
			l, ok := b.Ellipses[d.Name]
			if !ok && r != nil && r.Ellipsis != nil {
				l, ok = r.Ellipsis(d.Name, b)
			}
			if !ok {
				return nil, unresolved(d.String())
			}
			ds.Dims = append(ds.Dims, l...)
		case DimVar:
			v, ok := b.Dims[string(d)]
			if !ok && r != nil && r.Dim != nil {
				v, ok = r.Dim(string(d), b)
			}
			if !ok {
				return nil, unresolved(string(d))
			}
			ds.Dims = append(ds.Dims, v)
		default:
			ds.Dims = append(ds.Dims, d)
		}
	}
	if v, isVar := p.Measure.(TypeVar); isVar {
		m, ok := b.Measures[string(v)]
		if !ok && r != nil && r.Measure != nil {
			m, ok = r.Measure(string(v), b)
		}
		if !ok {
			return nil, unresolved(string(v))
		}
		ds.Measure = m
	}
	return ds, nil
}

// ResolveOverload picks the signature of sigs that matches args at the
// lowest cost (see MatchSignature) and returns its index and resolution.
// Two signatures at the same lowest cost are an ambiguity, a
// *SignatureError; when none matches, the error is the last match's.
func ResolveOverload(sigs []*Function, args []*DataShape, r *Resolver) (int, *Resolution, error) {
	best := math.Inf(1)
	var found []int
	var results []*Resolution
	var lastErr error
	for i, sig := range sigs {
		if len(sig.Args) != len(args) {
			continue
		}
		res, err := matchSignature(sig, args, r, best)
		if err != nil {
			if err == errPruned {
				continue
			}
			switch err.(type) {
			case *CoercionError, *UnificationError:
				lastErr = err
				continue
			}
			return -1, nil, err
		}
		if res.Cost < best {
			found, results = found[:0], results[:0]
			best = res.Cost
		}
		if res.Cost <= best {
			found = append(found, i)
			results = append(results, res)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], results[0], nil
	case len(found) > 1:
		cands := make([]string, len(found))
		for k, i := range found {
			cands[k] = sigs[i].String()
		}
		return -1, nil, &SignatureError{Msg: fmt.Sprintf("ambiguous overload for arguments %s: %s", (&Tuple{Elems: args}), strings.Join(cands, " | "))}
	case lastErr != nil:
		return -1, nil, lastErr
	}
	return -1, nil, &SignatureError{Msg: fmt.Sprintf("no overload matches arguments %s", (&Tuple{Elems: args}))}
}

// promoteMeasures returns the measure both a and b convert to: a itself
// when they are equal, NumPy's promotion for two numbers.
func promoteMeasures(a, b Measure) (Measure, error) {
	if a.String() == b.String() {
		return a, nil
	}
	x, ok1 := a.(Basic)
	y, ok2 := b.(Basic)
	if ok1 && ok2 {
		dx, ok1 := x.DType()
		dy, ok2 := y.DType()
		if ok1 && ok2 {
			r, err := dtype.Promote(dx, dy)
			if err != nil {
				return nil, &UnificationError{Msg: fmt.Sprintf("cannot promote %s and %s: %v", a, b, err)}
			}
			if m, ok := FromDType(r); ok {
				return m, nil
			}
		}
	}
	return nil, &UnificationError{Msg: fmt.Sprintf("cannot promote %s and %s", a, b)}
}

// Promote returns the measure that values of measures a and b both
// convert to, as the reference's datashape.promote: NumPy's result_type
// for numbers (`int8`, `uint8` give `int16`), a measure with itself
// stays. With promoteOption, an option on either side makes the result
// an option (`?int32`, `float32` give `?float64`); without it, options
// are stripped. Types with dimensions are an error.
func Promote(a, b *DataShape, promoteOption bool) (*DataShape, error) {
	if a.Equal(b) {
		return a, nil
	}
	if len(a.Dims) != 0 || len(b.Dims) != 0 {
		return nil, &UnificationError{Msg: fmt.Sprintf("cannot promote %s and %s: promotion works on measures without dimensions", a, b)}
	}
	x, optA := unwrapOption(a.Measure)
	y, optB := unwrapOption(b.Measure)
	m, err := promoteMeasures(x, y)
	if err != nil {
		return nil, err
	}
	if promoteOption && (optA || optB) {
		return New(&Option{Type: New(m)}), nil
	}
	return New(m), nil
}

func unwrapOption(m Measure) (Measure, bool) {
	if o, ok := m.(*Option); ok && len(o.Type.Dims) == 0 {
		return o.Type.Measure, true
	}
	return m, false
}
