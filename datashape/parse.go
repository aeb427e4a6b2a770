package datashape

import (
	"math"
	"strconv"
	"strings"
)

// Limits on what Parse accepts, so that no input can exhaust the stack
// or memory.
const (
	// MaxInputSize is the longest text Parse reads, in bytes.
	MaxInputSize = 1 << 20
	// MaxDepth is the deepest nesting of datashapes inside records,
	// tuples, functions, options and type constructors.
	MaxDepth = 256
)

// Parse reads a datashape in the dialect of the Python reference
// (blaze/datashape 0.5): `3 * var * {name: string, score: ?float32}`,
// `N * M * T`, `(M * N * T, N * P * T) -> M * P * T`. Aliases are
// resolved (`int` is int32, `real` float64, `complex` complex[float64]).
// Invalid text gives a *ParseError with the line and column of the
// offending token.
func Parse(s string) (*DataShape, error) {
	if len(s) > MaxInputSize {
		return nil, &ParseError{Line: 1, Column: 1, Msg: "input too long: " + strconv.Itoa(len(s)) + " bytes, the limit is " + strconv.Itoa(MaxInputSize)}
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{in: s, toks: toks}
	if p.peek().kind == tEOF {
		return nil, p.errAt(p.peek(), "empty datashape: expected a dimension or a measure")
	}
	ds, err := p.datashape(true)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.errAt(t, "unexpected %s after the datashape", t.describe())
	}
	return ds, nil
}

// MustParse is Parse for text known to be valid: it panics on an error.
func MustParse(s string) *DataShape {
	ds, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return ds
}

type parser struct {
	in    string
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) peekAt(k int) token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) errAt(t token, format string, args ...any) *ParseError {
	return newParseError(p.in, t.pos, format, args...)
}

// datashape parses dims followed by a measure. A leading '?' is allowed
// when opt is set (it is not directly after another '?').
func (p *parser) datashape(opt bool) (*DataShape, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, p.errAt(p.peek(), "datashape nested too deeply (limit %d)", MaxDepth)
	}
	ds := &DataShape{}
	ellipsisAt := -1
	for {
		t := p.peek()
		if t.kind == tQuestion {
			if !opt {
				return nil, p.errAt(t, "an option cannot directly hold an option ('??')")
			}
			p.next()
			inner, err := p.datashape(false)
			if err != nil {
				return nil, err
			}
			ds.Measure = &Option{Type: inner}
			return ds, nil
		}
		opt = true
		d, err := p.dim()
		if err != nil {
			return nil, err
		}
		if d == nil {
			break
		}
		if _, ok := d.(Ellipsis); ok {
			if ellipsisAt >= 0 {
				return nil, p.errAt(t, "only one ellipsis is allowed in a list of dimensions")
			}
			ellipsisAt = len(ds.Dims)
		}
		if s := p.peek(); s.kind != tStar {
			if s.kind == tEOF {
				return nil, p.errAt(s, "expected '*' and a measure after the dimension %s", d)
			}
			return nil, p.errAt(s, "expected '*' after the dimension %s, got %s", d, s.describe())
		}
		p.next()
		ds.Dims = append(ds.Dims, d)
	}
	m, err := p.measure()
	if err != nil {
		return nil, err
	}
	ds.Measure = m
	return ds, nil
}

// dim parses a dimension if one comes next; it returns nil (and consumes
// nothing) when a measure comes next.
func (p *parser) dim() (Dim, error) {
	t := p.peek()
	switch t.kind {
	case tInt:
		p.next()
		n, err := strconv.ParseInt(t.text, 10, 64)
		if err != nil || n > math.MaxInt {
			return nil, p.errAt(t, "dimension %s is too large", t.text)
		}
		if n < 0 {
			return nil, p.errAt(t, "fixed dimensions must not be negative, got %d", n)
		}
		return Fixed(int(n)), nil
	case tEllipsis:
		p.next()
		return Ellipsis{}, nil
	case tUpper:
		switch p.peekAt(1).kind {
		case tEllipsis:
			p.next()
			p.next()
			return Ellipsis{Name: t.text}, nil
		case tStar:
			p.next()
			return DimVar(t.text), nil
		}
	case tLower:
		if p.peekAt(1).kind == tLBrack && (t.text == "fixed" || t.text == "typevar" || t.text == "ellipsis") {
			return nil, p.errAt(t, "dimension constructors such as %s[...] are not supported (write 3, N or A... instead)", t.text)
		}
		switch t.text {
		case "var":
			p.next()
			return Var{}, nil
		case "ellipsis":
			p.next()
			return Ellipsis{}, nil
		}
	}
	return nil, nil
}

func (p *parser) measure() (Measure, error) {
	t := p.peek()
	switch t.kind {
	case tUpper:
		p.next()
		return TypeVar(t.text), nil
	case tLower:
		p.next()
		if p.peek().kind == tLBrack {
			return p.constructor(t)
		}
		if m := lookupName(t.text); m != nil {
			return m, nil
		}
		return nil, p.errAt(t, "unknown type %q", t.text)
	case tLBrace:
		return p.record()
	case tLParen:
		return p.tupleOrFunction()
	case tEOF:
		return nil, p.errAt(t, "expected a dimension or a measure, got end of input")
	}
	return nil, p.errAt(t, "expected a dimension or a measure, got %s", t.describe())
}

// lookupName returns the measure a bare lower-case name stands for, or
// nil.
func lookupName(name string) Measure {
	switch name {
	case "bool":
		return Bool
	case "int8":
		return Int8
	case "int16":
		return Int16
	case "int32", "int":
		return Int32
	case "int64", "intptr":
		return Int64
	case "uint8":
		return Uint8
	case "uint16":
		return Uint16
	case "uint32":
		return Uint32
	case "uint64", "uintptr":
		return Uint64
	case "float16":
		return Float16
	case "float32":
		return Float32
	case "float64", "real":
		return Float64
	case "complex64":
		return Complex64
	case "complex128", "complex":
		return Complex128
	case "json":
		return JSON
	case "date":
		return Date
	case "null":
		return Null
	case "void":
		return Void
	case "object":
		return Object
	case "string":
		return &String{}
	case "time":
		return &Time{}
	case "datetime":
		return &DateTime{}
	case "timedelta":
		return &TimeDelta{Unit: "us"}
	}
	return nil
}

func (p *parser) record() (Measure, error) {
	open := p.next()
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, p.errAt(open, "datashape nested too deeply (limit %d)", MaxDepth)
	}
	rec := &Record{}
	seen := map[string]bool{}
	for {
		t := p.peek()
		if t.kind == tRBrace {
			p.next()
			return rec, nil
		}
		var name string
		switch t.kind {
		case tLower, tUpper, tOther:
			name = t.text
		case tString:
			name = t.s
		case tEOF:
			return nil, p.errAt(t, "unterminated record: expected a field or '}'")
		default:
			return nil, p.errAt(t, "expected a field name or '}' in a record, got %s", t.describe())
		}
		p.next()
		if c := p.peek(); c.kind != tColon {
			return nil, p.errAt(c, "expected ':' after the field name %q, got %s", name, c.describe())
		}
		p.next()
		if seen[name] {
			return nil, p.errAt(t, "duplicate field name %q", name)
		}
		seen[name] = true
		ft, err := p.datashape(true)
		if err != nil {
			return nil, err
		}
		rec.Fields = append(rec.Fields, Field{Name: name, Type: ft})
		switch s := p.next(); s.kind {
		case tComma:
		case tRBrace:
			return rec, nil
		case tEOF:
			return nil, p.errAt(s, "unterminated record: expected ',' or '}'")
		default:
			return nil, p.errAt(s, "expected ',' or '}' after a record field, got %s", s.describe())
		}
	}
}

func (p *parser) tupleOrFunction() (Measure, error) {
	open := p.next()
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, p.errAt(open, "datashape nested too deeply (limit %d)", MaxDepth)
	}
	var elems []*DataShape
loop:
	for {
		t := p.peek()
		if t.kind == tRParen {
			p.next()
			break
		}
		if t.kind == tEOF {
			return nil, p.errAt(t, "unterminated tuple: expected a datashape or ')'")
		}
		e, err := p.datashape(true)
		if err != nil {
			return nil, err
		}
		elems = append(elems, e)
		switch s := p.next(); s.kind {
		case tComma:
		case tRParen:
			break loop
		case tEOF:
			return nil, p.errAt(s, "unterminated tuple: expected ',' or ')'")
		default:
			return nil, p.errAt(s, "expected ',' or ')' in a tuple, got %s", s.describe())
		}
	}
	if p.peek().kind != tArrow {
		return &Tuple{Elems: elems}, nil
	}
	arrow := p.next()
	if p.peek().kind == tEOF {
		return nil, p.errAt(arrow, "expected the return type after '->'")
	}
	ret, err := p.datashape(true)
	if err != nil {
		return nil, err
	}
	return &Function{Args: elems, Result: ret}, nil
}

// Arguments of a type constructor.

type argKind uint8

const (
	aType argKind = iota
	aInt
	aString
	aBool
	aList
)

var argKindNames = [...]string{aType: "a datashape", aInt: "an integer", aString: "a string", aBool: "a boolean", aList: "a list"}

type arg struct {
	kind     argKind
	tok      token
	ds       *DataShape
	i        int64
	s        string
	b        bool
	list     []arg
	listKind argKind // the kind of the items of a non-empty list
}

func (p *parser) constructor(name token) (Measure, error) {
	open := p.next() // '['
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, p.errAt(open, "datashape nested too deeply (limit %d)", MaxDepth)
	}
	if p.peek().kind == tRBrack {
		return nil, p.errAt(p.peek(), "%s[] needs at least one argument", name.text)
	}
	var pos []arg
	kw := map[string]arg{}
	var kwOrder []string
	for {
		t := p.peek()
		if t.kind == tLower && p.peekAt(1).kind == tEq {
			p.next()
			p.next()
			if k := p.peek().kind; k == tRBrack || k == tComma || k == tEOF {
				return nil, p.errAt(p.peek(), "expected a value for the keyword argument %s", t.text)
			}
			a, err := p.argValue()
			if err != nil {
				return nil, err
			}
			if _, dup := kw[t.text]; dup {
				return nil, p.errAt(t, "keyword argument %s given twice", t.text)
			}
			kw[t.text] = a
			kwOrder = append(kwOrder, t.text)
		} else {
			if len(kw) > 0 {
				return nil, p.errAt(t, "positional argument after a keyword argument")
			}
			switch t.kind {
			case tComma, tRBrack, tEOF, tEq:
				return nil, p.errAt(t, "expected an argument of %s[...], got %s", name.text, t.describe())
			}
			a, err := p.argValue()
			if err != nil {
				return nil, err
			}
			pos = append(pos, a)
		}
		s := p.next()
		if s.kind == tRBrack {
			break
		}
		if s.kind != tComma {
			return nil, p.errAt(s, "expected ',' or ']' in the arguments of %s, got %s", name.text, s.describe())
		}
		if p.peek().kind == tRBrack {
			p.next()
			break
		}
	}
	return p.build(name, pos, kw, kwOrder)
}

func (p *parser) argValue() (arg, error) {
	t := p.peek()
	switch t.kind {
	case tInt:
		if p.peekAt(1).kind != tStar {
			p.next()
			v, err := strconv.ParseInt(t.text, 10, 64)
			if err != nil {
				return arg{}, p.errAt(t, "integer %s is too large", t.text)
			}
			return arg{kind: aInt, tok: t, i: v}, nil
		}
	case tString:
		p.next()
		return arg{kind: aString, tok: t, s: t.s}, nil
	case tBool:
		p.next()
		return arg{kind: aBool, tok: t, b: t.text == "True"}, nil
	case tLBrack:
		p.next()
		l := arg{kind: aList, tok: t}
		for {
			if p.peek().kind == tRBrack {
				p.next()
				return l, nil
			}
			it := p.peek()
			if it.kind == tLBrack {
				return arg{}, p.errAt(it, "lists inside lists are not allowed as arguments")
			}
			a, err := p.argValue()
			if err != nil {
				return arg{}, err
			}
			if len(l.list) == 0 {
				l.listKind = a.kind
			} else if a.kind != l.listKind {
				return arg{}, p.errAt(it, "list items must all be of one kind: %s after %s", argKindNames[a.kind], argKindNames[l.listKind])
			}
			l.list = append(l.list, a)
			switch s := p.next(); s.kind {
			case tComma:
			case tRBrack:
				return l, nil
			default:
				return arg{}, p.errAt(s, "expected ',' or ']' in a list, got %s", s.describe())
			}
		}
	}
	ds, err := p.datashape(true)
	if err != nil {
		return arg{}, err
	}
	return arg{kind: aType, tok: t, ds: ds}, nil
}

// params binds positional and keyword arguments to the named parameters
// of a constructor, of which the first `required` must be given.
func (p *parser) params(name token, names []string, required int, pos []arg, kw map[string]arg, kwOrder []string) ([]*arg, error) {
	if len(pos) > len(names) {
		return nil, p.errAt(pos[len(names)].tok, "%s takes at most %d arguments, got %d", name.text, len(names), len(pos))
	}
	out := make([]*arg, len(names))
	for i := range pos {
		out[i] = &pos[i]
	}
	for _, k := range kwOrder {
		a := kw[k]
		i := -1
		for j, n := range names {
			if n == k {
				i = j
			}
		}
		if i < 0 {
			return nil, p.errAt(a.tok, "%s has no parameter %q (parameters: %s)", name.text, k, strings.Join(names, ", "))
		}
		if out[i] != nil {
			return nil, p.errAt(a.tok, "%s got two values for %s", name.text, k)
		}
		out[i] = &a
	}
	for i := range required {
		if out[i] == nil {
			return nil, p.errAt(name, "%s needs the argument %s", name.text, names[i])
		}
	}
	return out, nil
}

func (p *parser) want(name token, param string, a *arg, k argKind) error {
	if a.kind != k {
		return p.errAt(a.tok, "%s: %s must be %s, got %s", name.text, param, argKindNames[k], argKindNames[a.kind])
	}
	return nil
}

var stringEncodings = map[string]string{
	"A": "A", "ascii": "A",
	"U8": "U8", "utf8": "U8", "utf-8": "U8", "utf_8": "U8",
	"U16": "U16", "utf16": "U16", "utf-16": "U16", "utf_16": "U16",
	"U32": "U32", "utf32": "U32", "utf-32": "U32", "utf_32": "U32",
}

func (p *parser) build(name token, pos []arg, kw map[string]arg, kwOrder []string) (Measure, error) {
	switch name.text {
	case "string":
		if len(kw) > 0 {
			return nil, p.errAt(kw[kwOrder[0]].tok, "string takes no keyword arguments")
		}
		if len(pos) > 2 {
			return nil, p.errAt(pos[2].tok, "string takes at most 2 arguments (length and encoding), got %d", len(pos))
		}
		m := &String{Encoding: "U8"}
		encArg := -1
		switch {
		case pos[0].kind == aInt:
			if pos[0].i < 0 || pos[0].i > math.MaxInt32 {
				return nil, p.errAt(pos[0].tok, "string length %d out of range", pos[0].i)
			}
			m.Fixed, m.Length = true, int(pos[0].i)
			if len(pos) == 2 {
				encArg = 1
			}
		case pos[0].kind == aString && len(pos) == 1:
			encArg = 0
		default:
			return nil, p.errAt(pos[0].tok, "string arguments are a length and an encoding, got %s", argKindNames[pos[0].kind])
		}
		if encArg >= 0 {
			a := &pos[encArg]
			if err := p.want(name, "the encoding", a, aString); err != nil {
				return nil, err
			}
			enc, ok := stringEncodings[a.s]
			if !ok {
				return nil, p.errAt(a.tok, "unsupported string encoding %q (want ascii, utf-8, utf-16 or utf-32)", a.s)
			}
			m.Encoding = enc
		}
		return m, nil
	case "complex":
		args, err := p.params(name, []string{"tp"}, 1, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		if err := p.want(name, "tp", args[0], aType); err != nil {
			return nil, err
		}
		if ds := args[0].ds; len(ds.Dims) == 0 {
			switch ds.Measure {
			case Float32:
				return Complex64, nil
			case Float64:
				return Complex128, nil
			}
		}
		return nil, p.errAt(args[0].tok, "complex needs float32 or float64 as its component type, got %s", args[0].ds)
	case "option":
		args, err := p.params(name, []string{"tp"}, 1, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		if err := p.want(name, "tp", args[0], aType); err != nil {
			return nil, err
		}
		ds := args[0].ds
		if _, ok := ds.Measure.(*Option); ok && len(ds.Dims) == 0 {
			return nil, p.errAt(args[0].tok, "an option cannot directly hold an option")
		}
		return &Option{Type: ds}, nil
	case "time", "datetime":
		args, err := p.params(name, []string{"tz"}, 0, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		tz := ""
		if args[0] != nil {
			if err := p.want(name, "tz", args[0], aString); err != nil {
				return nil, err
			}
			tz = args[0].s
		}
		if name.text == "time" {
			return &Time{TZ: tz}, nil
		}
		return &DateTime{TZ: tz}, nil
	case "timedelta":
		args, err := p.params(name, []string{"unit"}, 0, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		unit := "us"
		if args[0] != nil {
			if err := p.want(name, "unit", args[0], aString); err != nil {
				return nil, err
			}
			u, ok := NormalizeTimeUnit(args[0].s)
			if !ok {
				return nil, p.errAt(args[0].tok, "unknown time unit %q", args[0].s)
			}
			unit = u
		}
		return &TimeDelta{Unit: unit}, nil
	case "units":
		args, err := p.params(name, []string{"unit", "tp"}, 1, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		if err := p.want(name, "unit", args[0], aString); err != nil {
			return nil, err
		}
		m := &Units{Unit: args[0].s, Type: New(Float64)}
		if args[1] != nil {
			if err := p.want(name, "tp", args[1], aType); err != nil {
				return nil, err
			}
			m.Type = args[1].ds
		}
		return m, nil
	case "decimal":
		args, err := p.params(name, []string{"precision", "scale"}, 1, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		m := &Decimal{}
		for i, a := range args {
			if a == nil {
				continue
			}
			if err := p.want(name, []string{"precision", "scale"}[i], a, aInt); err != nil {
				return nil, err
			}
			if a.i < 0 || a.i > math.MaxInt32 {
				return nil, p.errAt(a.tok, "decimal %s %d out of range", []string{"precision", "scale"}[i], a.i)
			}
		}
		m.Precision = int(args[0].i)
		if args[1] != nil {
			m.Scale = int(args[1].i)
		}
		return m, nil
	case "categorical":
		args, err := p.params(name, []string{"categories", "type", "ordered"}, 1, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		if err := p.want(name, "categories", args[0], aList); err != nil {
			return nil, err
		}
		m := &Categorical{}
		var inferred Measure = &String{}
		if len(args[0].list) > 0 {
			switch args[0].listKind {
			case aString:
				inferred = &String{}
			case aInt:
				inferred = Int64
			case aBool:
				inferred = Bool
			default:
				return nil, p.errAt(args[0].tok, "categorical values must be strings, integers or booleans")
			}
		}
		seen := map[any]bool{}
		for _, v := range args[0].list {
			var x any
			switch v.kind {
			case aString:
				x = v.s
			case aInt:
				x = v.i
			case aBool:
				x = v.b
			}
			if seen[x] {
				return nil, p.errAt(v.tok, "duplicate categorical value %s", v.tok.text)
			}
			seen[x] = true
			m.Values = append(m.Values, x)
		}
		m.Type = New(inferred)
		if args[1] != nil {
			if err := p.want(name, "type", args[1], aType); err != nil {
				return nil, err
			}
			m.Type = args[1].ds
		}
		if args[2] != nil {
			if err := p.want(name, "ordered", args[2], aBool); err != nil {
				return nil, err
			}
			m.Ordered = args[2].b
		}
		return m, nil
	case "map":
		args, err := p.params(name, []string{"key", "value"}, 2, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		for i, a := range args {
			if err := p.want(name, []string{"key", "value"}[i], a, aType); err != nil {
				return nil, err
			}
		}
		return &Map{Key: args[0].ds, Value: args[1].ds}, nil
	case "struct":
		args, err := p.params(name, []string{"names", "types"}, 2, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		names, err := p.listOf(name, "names", args[0], aString)
		if err != nil {
			return nil, err
		}
		types, err := p.listOf(name, "types", args[1], aType)
		if err != nil {
			return nil, err
		}
		if len(names) != len(types) {
			return nil, p.errAt(name, "struct has %d names but %d types", len(names), len(types))
		}
		rec := &Record{}
		seen := map[string]bool{}
		for i := range names {
			if seen[names[i].s] {
				return nil, p.errAt(names[i].tok, "duplicate field name %q", names[i].s)
			}
			seen[names[i].s] = true
			rec.Fields = append(rec.Fields, Field{Name: names[i].s, Type: types[i].ds})
		}
		return rec, nil
	case "tuple":
		args, err := p.params(name, []string{"types"}, 1, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		types, err := p.listOf(name, "types", args[0], aType)
		if err != nil {
			return nil, err
		}
		t := &Tuple{}
		for _, a := range types {
			t.Elems = append(t.Elems, a.ds)
		}
		return t, nil
	case "funcproto":
		args, err := p.params(name, []string{"args", "ret"}, 2, pos, kw, kwOrder)
		if err != nil {
			return nil, err
		}
		types, err := p.listOf(name, "args", args[0], aType)
		if err != nil {
			return nil, err
		}
		if err := p.want(name, "ret", args[1], aType); err != nil {
			return nil, err
		}
		f := &Function{Result: args[1].ds}
		for _, a := range types {
			f.Args = append(f.Args, a.ds)
		}
		return f, nil
	}
	return nil, p.errAt(name, "unknown type constructor %q", name.text)
}

func (p *parser) listOf(name token, param string, a *arg, k argKind) ([]arg, error) {
	if err := p.want(name, param, a, aList); err != nil {
		return nil, err
	}
	if len(a.list) > 0 && a.listKind != k {
		return nil, p.errAt(a.tok, "%s: %s must be a list of %s", name.text, param, argKindNames[k])
	}
	return a.list, nil
}

var timeUnits = map[string]bool{"ns": true, "us": true, "ms": true, "s": true, "m": true, "h": true, "D": true, "W": true, "M": true, "Y": true}

var timeUnitAliases = map[string]string{
	"year": "Y", "month": "M", "week": "W", "day": "D", "date": "D", "hour": "h",
	"minute": "m", "second": "s", "millisecond": "ms", "microsecond": "us", "nanosecond": "ns",
}

// NormalizeTimeUnit returns the short form of a time unit: ns, us, ms, s,
// m, h, D, W, M or Y. It accepts the short forms themselves and full words
// in the singular or plural ("milliseconds" is "ms").
func NormalizeTimeUnit(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for range 2 {
		if timeUnits[s] {
			return s, true
		}
		if u, ok := timeUnitAliases[s]; ok {
			return u, true
		}
		if len(s) > 2 && s[len(s)-1] == 's' {
			s = s[:len(s)-1]
			continue
		}
		break
	}
	return "", false
}
