package ufunc

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/datashape"
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// GLoop computes one core block of a generalized ufunc.
//
// args holds, for each operand (inputs then outputs), a pointer to the
// first element of its core block; the pointer is nil when the block has
// no elements. core holds the size of every core dimension, indexed in
// the order the dimension names first appear in the signature (for
// "(n?,k),(k,m?)->(n?,m?)": n, k, m). coreSteps[i] holds operand i's byte
// strides along its own core dimensions, in the order the signature lists
// them for that operand. A missing optional dimension has size 1 and
// stride 0. The loop writes every element of the output blocks; it must
// not form a pointer outside an operand's block (a dimension of size 0
// means no element is addressed).
type GLoop func(args []unsafe.Pointer, core []int, coreSteps [][]int)

// GLoopDef is one entry of a generalized ufunc's loop table.
type GLoopDef struct {
	Types []dtype.DType
	Fn    GLoop
}

// GSpec describes a generalized ufunc to create with NewG.
//
// Signature is NumPy's form, "(m,n),(n,p)->(m,p)" (a "?" after a name
// marks an optional dimension, an integer a fixed size), or the datashape
// function form "(M * N * T, N * P * T) -> M * P * T" (a leading
// ellipsis is allowed and stands for the loop dimensions; measures are
// ignored: the loop table gives the dtypes).
type GSpec struct {
	Name      string
	Signature string
	Doc       string
}

// GUfunc is a generalized ufunc: each operand has core dimensions named
// by the signature, bound to the same size wherever a name repeats; the
// leading (loop) dimensions broadcast as for element-wise ufuncs, and the
// loop runs once per core block.
type GUfunc struct {
	name, doc, sig string
	nin, nout      int
	dimNames       []string
	dimFixed       []int    // -1 unless the dimension has a fixed size
	opDims         [][]int  // per operand, indices into dimNames
	opOpt          [][]bool // per operand, the dimension is optional

	mu    sync.RWMutex
	loops []GLoopDef
	cache map[gKey]int
}

const gMaxOperands = 8

type gKey struct {
	n      int8
	forced dtype.DType
	t      [gMaxOperands]dtype.DType
}

// SignatureError reports a generalized ufunc signature that cannot be
// parsed.
type SignatureError struct {
	Signature string
	Msg       string
}

// Error returns the message.
func (e *SignatureError) Error() string {
	return fmt.Sprintf("ufunc: invalid gufunc signature %q: %s", e.Signature, e.Msg)
}

// NewG creates a generalized ufunc with an empty loop table.
func NewG(s GSpec) (*GUfunc, error) {
	if s.Name == "" {
		return nil, &RegistrationError{Ufunc: s.Name, Msg: "a gufunc needs a name"}
	}
	g := &GUfunc{name: s.Name, doc: s.Doc, cache: map[gKey]int{}}
	ins, outs, err := parseNumpySig(s.Signature)
	if err != nil {
		var err2 error
		ins, outs, err2 = parseDatashapeSig(s.Signature)
		if err2 != nil {
			return nil, err
		}
	}
	if len(ins) == 0 || len(outs) == 0 || len(ins)+len(outs) > gMaxOperands {
		return nil, &SignatureError{Signature: s.Signature, Msg: fmt.Sprintf("need 1 or more inputs and outputs, at most %d operands", gMaxOperands)}
	}
	g.nin, g.nout = len(ins), len(outs)
	index := map[string]int{}
	for _, op := range append(ins, outs...) {
		var dims []int
		var opt []bool
		for _, d := range op {
			i, ok := index[d.name]
			if !ok {
				i = len(g.dimNames)
				index[d.name] = i
				g.dimNames = append(g.dimNames, d.name)
				g.dimFixed = append(g.dimFixed, d.fixed)
			}
			dims = append(dims, i)
			opt = append(opt, d.optional)
		}
		g.opDims = append(g.opDims, dims)
		g.opOpt = append(g.opOpt, opt)
	}
	g.sig = g.canonical()
	return g, nil
}

// MustNewG is NewG for gufuncs defined at start-up; it panics on error.
func MustNewG(s GSpec) *GUfunc {
	g, err := NewG(s)
	if err != nil {
		panic(err)
	}
	return g
}

type sigDim struct {
	name     string
	fixed    int
	optional bool
}

func (g *GUfunc) canonical() string {
	var b strings.Builder
	for k, dims := range g.opDims {
		if k == g.nin {
			b.WriteString("->")
		} else if k > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for j, d := range dims {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(g.dimNames[d])
			if g.opOpt[k][j] {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// parseNumpySig parses "(m,n),(n,p)->(m,p)".
func parseNumpySig(s string) (ins, outs [][]sigDim, err error) {
	bad := func(msg string) error { return &SignatureError{Signature: s, Msg: msg} }
	if len(s) > 4096 {
		return nil, nil, bad("too long")
	}
	lhs, rhs, ok := strings.Cut(s, "->")
	if !ok {
		return nil, nil, bad("missing \"->\"")
	}
	list := func(t string) ([][]sigDim, error) {
		t = strings.TrimSpace(t)
		var out [][]sigDim
		for {
			if !strings.HasPrefix(t, "(") {
				return nil, bad("expected \"(\"")
			}
			end := strings.IndexByte(t, ')')
			if end < 0 {
				return nil, bad("missing \")\"")
			}
			body := strings.TrimSpace(t[1:end])
			var op []sigDim
			if body != "" {
				for _, f := range strings.Split(body, ",") {
					f = strings.TrimSpace(f)
					d := sigDim{fixed: -1}
					if strings.HasSuffix(f, "?") {
						d.optional = true
						f = strings.TrimSpace(f[:len(f)-1])
					}
					if f == "" {
						return nil, bad("empty dimension name")
					}
					if n, err := strconv.Atoi(f); err == nil {
						if n < 0 {
							return nil, bad("negative dimension size")
						}
						d.fixed = n
					} else if !validName(f) {
						return nil, bad("invalid dimension name " + strconv.Quote(f))
					}
					d.name = f
					op = append(op, d)
				}
			}
			out = append(out, op)
			t = strings.TrimSpace(t[end+1:])
			if t == "" {
				return out, nil
			}
			if t[0] != ',' {
				return nil, bad("expected \",\" between operands")
			}
			t = strings.TrimSpace(t[1:])
		}
	}
	if ins, err = list(lhs); err != nil {
		return nil, nil, err
	}
	if outs, err = list(rhs); err != nil {
		return nil, nil, err
	}
	return ins, outs, nil
}

func validName(f string) bool {
	for i, c := range f {
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return f != ""
}

// parseDatashapeSig maps "(M * N * T, N * P * T) -> M * P * T" to core
// dimensions.
func parseDatashapeSig(s string) (ins, outs [][]sigDim, err error) {
	ds, err := datashape.Parse(s)
	if err != nil {
		return nil, nil, err
	}
	f, ok := datashape.AsFunction(ds)
	if !ok {
		return nil, nil, &SignatureError{Signature: s, Msg: "not a function signature"}
	}
	conv := func(d *datashape.DataShape) ([]sigDim, error) {
		var out []sigDim
		for i, dim := range d.Dims {
			switch v := dim.(type) {
			case datashape.DimVar:
				out = append(out, sigDim{name: string(v), fixed: -1})
			case datashape.Fixed:
				out = append(out, sigDim{name: v.String(), fixed: int(v)})
			case datashape.Ellipsis:
				if i != 0 {
					return nil, &SignatureError{Signature: s, Msg: "an ellipsis must lead"}
				}
			default:
				return nil, &SignatureError{Signature: s, Msg: "unsupported dimension " + dim.String()}
			}
		}
		return out, nil
	}
	for _, a := range f.Args {
		op, err := conv(a)
		if err != nil {
			return nil, nil, err
		}
		ins = append(ins, op)
	}
	results := []*datashape.DataShape{f.Result}
	if t, ok := f.Result.Measure.(*datashape.Tuple); ok && len(f.Result.Dims) == 0 {
		results = t.Elems
	}
	for _, r := range results {
		op, err := conv(r)
		if err != nil {
			return nil, nil, err
		}
		outs = append(outs, op)
	}
	return ins, outs, nil
}

// Name returns the gufunc's name.
func (g *GUfunc) Name() string { return g.name }

// Doc returns the gufunc's documentation.
func (g *GUfunc) Doc() string { return g.doc }

// NIn returns the number of inputs.
func (g *GUfunc) NIn() int { return g.nin }

// NOut returns the number of outputs.
func (g *GUfunc) NOut() int { return g.nout }

// Signature returns the signature in NumPy's form ("(n?,k),(k,m?)->(n?,m?)").
func (g *GUfunc) Signature() string { return g.sig }

// String returns "<gufunc 'matmul' (n?,k),(k,m?)->(n?,m?)>".
func (g *GUfunc) String() string { return "<gufunc '" + g.name + "' " + g.sig + ">" }

// Register adds a loop for the given operand dtypes (inputs then outputs).
// Loops are searched in registration order: a call uses the loop for its
// exact input types, else the first loop every input reaches by a safe
// cast.
func (g *GUfunc) Register(fn GLoop, types ...dtype.DType) error {
	if len(types) != g.nin+g.nout {
		return &RegistrationError{Ufunc: g.name, Msg: fmt.Sprintf("%d types given for %d operands", len(types), g.nin+g.nout)}
	}
	if fn == nil {
		return &RegistrationError{Ufunc: g.name, Msg: "nil loop"}
	}
	for _, t := range types {
		if !t.IsValid() {
			return &RegistrationError{Ufunc: g.name, Msg: "invalid dtype"}
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, l := range g.loops {
		if equalTypes(l.Types[:g.nin], types[:g.nin]) {
			return &RegistrationError{Ufunc: g.name, Msg: "a loop for inputs " + fmtTypes(types[:g.nin]) + " already exists"}
		}
	}
	g.loops = append(g.loops, GLoopDef{Types: append([]dtype.DType(nil), types...), Fn: fn})
	clear(g.cache)
	return nil
}

// MustRegister is Register for loop tables built at start-up; it panics on
// error.
func (g *GUfunc) MustRegister(fn GLoop, types ...dtype.DType) {
	if err := g.Register(fn, types...); err != nil {
		panic(err)
	}
}

// Loops returns a copy of the loop table in search order.
func (g *GUfunc) Loops() []GLoopDef {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return append([]GLoopDef(nil), g.loops...)
}

func equalTypes(a, b []dtype.DType) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// resolve returns the index of the loop for the input types.
func (g *GUfunc) resolve(in []dtype.DType, forced dtype.DType) (int, error) {
	k := gKey{n: int8(len(in)), forced: forced}
	for i, t := range in {
		k.t[i] = t.Native()
	}
	native := k.t[:len(in)]
	g.mu.RLock()
	idx, ok := g.cache[k]
	g.mu.RUnlock()
	if ok {
		return idx, nil
	}
	idx = -1
	g.mu.RLock()
	if forced.IsValid() {
		for i, l := range g.loops {
			if allEqual(l.Types, forced) {
				idx = i
				break
			}
		}
		if idx < 0 {
			for i, l := range g.loops {
				if allEqual(l.Types[g.nin:], forced) && castsAll(native, l.Types[:g.nin], dtype.SameKind) {
					idx = i
					break
				}
			}
		}
	} else {
		for i, l := range g.loops {
			if equalTypes(l.Types[:g.nin], native) {
				idx = i
				break
			}
		}
		if idx < 0 {
			for i, l := range g.loops {
				if castsAll(native, l.Types[:g.nin], dtype.Safe) {
					idx = i
					break
				}
			}
		}
	}
	g.mu.RUnlock()
	if idx < 0 {
		return 0, &LoopError{Ufunc: g.name, Types: append([]dtype.DType(nil), in...)}
	}
	g.mu.Lock()
	g.cache[k] = idx
	g.mu.Unlock()
	return idx, nil
}

// ResolveTypes returns the loop input and output dtypes the gufunc uses
// for inputs of the given types.
func (g *GUfunc) ResolveTypes(in ...dtype.DType) (loopIn, out []dtype.DType, err error) {
	if len(in) != g.nin {
		return nil, nil, &ArgError{Ufunc: g.name, Msg: fmt.Sprintf("takes %d inputs, got %d", g.nin, len(in))}
	}
	i, err := g.resolve(in, dtype.DType{})
	if err != nil {
		return nil, nil, err
	}
	l := g.Loops()[i]
	return l.Types[:g.nin], l.Types[g.nin:], nil
}

// Call applies the gufunc and returns its first output. args are the NIn
// input arrays (*ndarray.Array) followed by options (Out, DType,
// Casting).
func (g *GUfunc) Call(args ...any) (*ndarray.Array, error) {
	outs, err := g.CallN(args...)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// Call2 is Call for a two-input gufunc with the operands and the options
// apart.
func (g *GUfunc) Call2(x1, x2 *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	outs, err := g.run([]*ndarray.Array{x1, x2}, opts)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// CallN is Call returning every output.
func (g *GUfunc) CallN(args ...any) ([]*ndarray.Array, error) {
	var in []*ndarray.Array
	var opts []Option
	for _, a := range args {
		switch v := a.(type) {
		case Option:
			opts = append(opts, v)
		case *ndarray.Array:
			if v == nil {
				return nil, &ArgError{Ufunc: g.name, Msg: fmt.Sprintf("operand %d is a nil array", len(in))}
			}
			in = append(in, v)
		default:
			w, ok := asWeak(a)
			if !ok {
				return nil, &ArgError{Ufunc: g.name, Msg: fmt.Sprintf("operand %d has unsupported type %s", len(in), describe(a))}
			}
			arr, err := w.array(weakType(w, dtype.DType{}))
			if err != nil {
				return nil, err
			}
			in = append(in, arr)
		}
	}
	return g.run(in, opts)
}

func (g *GUfunc) shapeErr(format string, args ...any) error {
	return &ndarray.ShapeError{Op: g.name, Msg: fmt.Sprintf(format, args...)}
}

// run is the gufunc call proper.
func (g *GUfunc) run(in []*ndarray.Array, opts []Option) ([]*ndarray.Array, error) {
	cfg := defaultConfig()
	cfg.apply(opts)
	if len(in) != g.nin {
		return nil, &ArgError{Ufunc: g.name, Msg: fmt.Sprintf("takes %d operands, got %d", g.nin, len(in))}
	}
	for i, a := range in {
		if a == nil {
			return nil, &ArgError{Ufunc: g.name, Msg: fmt.Sprintf("operand %d is a nil array", i)}
		}
	}
	if len(cfg.outputs()) > g.nout {
		return nil, &ArgError{Ufunc: g.name, Msg: fmt.Sprintf("has %d outputs, %d given to Out", g.nout, len(cfg.outputs()))}
	}
	types := make([]dtype.DType, g.nin)
	for i, a := range in {
		types[i] = a.DType()
	}
	li, err := g.resolve(types, cfg.dtype)
	if err != nil {
		return nil, err
	}
	g.mu.RLock()
	loop := g.loops[li]
	g.mu.RUnlock()
	nops := g.nin + g.nout

	// core dimensions: which operand dims are core, their sizes, missing
	// optional dims
	ndims := len(g.dimNames)
	size := make([]int, ndims)
	copy(size, g.dimFixed)
	missing := make([]bool, ndims)
	for d := range missing {
		missing[d] = true
	}
	seen := make([]bool, ndims)
	ncore := make([]int, nops) // core dims actually present per operand
	opMissing := make([][]bool, nops)
	for i := range g.nin {
		a := in[i]
		dims, opt := g.opDims[i], g.opOpt[i]
		nc, req := len(dims), 0
		for _, o := range opt {
			if !o {
				req++
			}
		}
		opMissing[i] = make([]bool, nc)
		eff := nc
		if a.NDim() < nc {
			if a.NDim() < req {
				return nil, g.shapeErr("Input operand %d does not have enough dimensions (has %d, gufunc core with signature %s requires %d)", i, a.NDim(), g.sig, req)
			}
			for j, o := range opt {
				opMissing[i][j] = o
			}
			eff = req
		}
		ncore[i] = eff
		base := a.NDim() - eff
		k := 0
		for j, d := range dims {
			seen[d] = true
			if opMissing[i][j] {
				continue
			}
			missing[d] = false
			n := a.Shape()[base+k]
			k++
			if size[d] < 0 {
				size[d] = n
			} else if size[d] != n {
				return nil, g.shapeErr("Input operand %d has a mismatch in its core dimension %d, with gufunc signature %s (size %d is different from %d)", i, j, g.sig, n, size[d])
			}
		}
	}
	for d := range missing {
		if !seen[d] {
			missing[d] = false // appears only in outputs: bound by Out or fixed
		}
	}
	// outputs given by Out bind output-only dimensions
	outGiven := make([]*ndarray.Array, g.nout)
	copy(outGiven, cfg.outputs())
	for k, o := range outGiven {
		i := g.nin + k
		nc := 0
		for _, d := range g.opDims[i] {
			if !missing[d] {
				nc++
			}
		}
		ncore[i] = nc
		opMissing[i] = make([]bool, len(g.opDims[i]))
		for j, d := range g.opDims[i] {
			opMissing[i][j] = missing[d]
		}
		if o == nil {
			continue
		}
		if o.NDim() < nc {
			return nil, g.shapeErr("Output operand %d does not have enough dimensions (has %d, gufunc core with signature %s requires %d)", k, o.NDim(), g.sig, nc)
		}
		base, kk := o.NDim()-nc, 0
		for j, d := range g.opDims[i] {
			if opMissing[i][j] {
				continue
			}
			n := o.Shape()[base+kk]
			kk++
			if size[d] < 0 {
				size[d] = n
			} else if size[d] != n {
				return nil, g.shapeErr("Output operand %d has a mismatch in its core dimension %d, with gufunc signature %s (size %d is different from %d)", k, j, g.sig, n, size[d])
			}
		}
	}
	for d, n := range size {
		if missing[d] {
			size[d] = 1
		} else if n < 0 {
			return nil, g.shapeErr("core dimension %s of signature %s is not bound by any input (give an output)", g.dimNames[d], g.sig)
		}
	}

	// loop dimensions: broadcast the inputs' leading dimensions
	nouter := 0
	for i := range g.nin {
		nouter = max(nouter, in[i].NDim()-ncore[i])
	}
	if nouter > MaxDims {
		return nil, &ArgError{Ufunc: g.name, Msg: fmt.Sprintf("more than %d loop dimensions", MaxDims)}
	}
	outer := make([]int, nouter)
	for i := range outer {
		outer[i] = 1
	}
	merge := func(lead []int) bool {
		off := len(outer) - len(lead)
		for j, n := range lead {
			switch {
			case outer[off+j] == n || n == 1:
			case outer[off+j] == 1:
				outer[off+j] = n
			default:
				return false
			}
		}
		return true
	}
	for i := range g.nin {
		if !merge(in[i].Shape()[:in[i].NDim()-ncore[i]]) {
			shapes := make([][]int, g.nin)
			for j := range g.nin {
				shapes[j] = append([]int(nil), in[j].Shape()...)
			}
			return nil, &ndarray.BroadcastError{Shapes: shapes}
		}
	}
	// inputs in the loop's dtypes
	arrays := make([]*ndarray.Array, nops)
	for i := range g.nin {
		a, want := in[i], loop.Types[i]
		if a.DType() != want {
			if !dtype.CanCast(a.DType(), want, cfg.casting) {
				return nil, &dtype.CastError{From: a.DType(), To: want, Casting: cfg.casting}
			}
			c, err := a.AsType(want, dtype.Unsafe)
			if err != nil {
				return nil, err
			}
			a = c
		}
		arrays[i] = a
	}
	// outputs: given ones are checked, the loop writes to a temporary when
	// the dtype differs or the output overlaps an input
	results := make([]*ndarray.Array, g.nout)
	for k := range g.nout {
		i := g.nin + k
		shape := append([]int(nil), outer...)
		for j, d := range g.opDims[i] {
			if !opMissing[i][j] {
				shape = append(shape, size[d])
			}
		}
		want := loop.Types[i]
		o := outGiven[k]
		if o != nil {
			if !equalShape(o.Shape(), shape) {
				return nil, &ndarray.ShapeError{Op: g.name, Msg: fmt.Sprintf("output operand %d has shape %s, expected %s", k,
					ndarray.FormatShape(o.Shape()), ndarray.FormatShape(shape))}
			}
			if !o.IsWriteable() {
				return nil, &ndarray.ValueError{Op: g.name, Msg: "output array is read-only"}
			}
			if !dtype.CanCast(want, o.DType(), cfg.casting) {
				return nil, &dtype.CastError{From: want, To: o.DType(), Casting: cfg.casting}
			}
			results[k] = o
			direct := o.DType() == want
			for j := range g.nin {
				if overlapping(in[j], o) || overlapping(arrays[j], o) {
					direct = false
				}
			}
			if direct {
				arrays[i] = o
				continue
			}
		}
		a, err := ndarray.Zeros(want, shape...)
		if err != nil {
			return nil, err
		}
		arrays[i] = a
		if o == nil {
			results[k] = a
		}
	}

	g.iterate(loop.Fn, arrays, outer, size, ncore, opMissing)

	for k, o := range outGiven {
		if o != nil && arrays[g.nin+k] != o {
			if err := o.CopyFrom(arrays[g.nin+k], dtype.Unsafe); err != nil {
				return nil, err
			}
		}
	}
	return results, nil
}

// iterate walks the loop dimensions and calls fn once per core block.
func (g *GUfunc) iterate(fn GLoop, arrays []*ndarray.Array, outer, size, ncore []int, opMissing [][]bool) {
	nops := len(arrays)
	total := 1
	for _, n := range outer {
		total *= n
	}
	for k := range g.nout {
		if arrays[g.nin+k].Size() == 0 {
			return
		}
	}
	if total == 0 {
		return
	}
	nd := len(outer)
	bases := make([]unsafe.Pointer, nops)
	ostr := make([][]int, nops) // per operand, byte strides along outer
	coreSteps := make([][]int, nops)
	for i, a := range arrays {
		bases[i] = basePtr(a)
		st := make([]int, nd)
		lead := a.NDim() - ncore[i]
		off := nd - lead
		for j := range lead {
			if a.Shape()[j] != 1 {
				st[off+j] = a.Strides()[j]
			}
		}
		ostr[i] = st
		cs := make([]int, len(g.opDims[i]))
		k := 0
		for j := range cs {
			if opMissing[i][j] {
				continue
			}
			cs[j] = a.Strides()[lead+k]
			k++
		}
		coreSteps[i] = cs
	}
	args := make([]unsafe.Pointer, nops)
	offs := make([]int, nops)
	idx := make([]int, nd)
	for range total {
		for i := range nops {
			if bases[i] == nil {
				args[i] = nil
			} else {
				args[i] = unsafe.Add(bases[i], offs[i])
			}
		}
		fn(args, size, coreSteps)
		// advance the odometer
		for d := nd - 1; d >= 0; d-- {
			idx[d]++
			for i := range nops {
				offs[i] += ostr[i][d]
			}
			if idx[d] < outer[d] {
				break
			}
			for i := range nops {
				offs[i] -= ostr[i][d] * outer[d]
			}
			idx[d] = 0
		}
	}
}
