package ufunc

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Loop computes n elements of a ufunc. args holds a pointer to the first
// element of each operand, inputs then outputs; steps holds each
// operand's byte stride. A stride may be 0 (a repeated operand: a
// broadcast input, or the accumulator of a reduction, where an output
// and an input point at the same element). Loops never form a pointer to
// an element beyond n-1, and keep neither slice after they return: both
// may lie on the caller's stack. A loop writes all n elements of each
// output: the results a call allocates start uninitialized
// (ndarray.Uninitialized).
type Loop func(args []unsafe.Pointer, steps []int, n int)

// LoopDef is one entry of a ufunc's loop table: the dtypes of the inputs
// then the outputs, and the loop that computes them.
type LoopDef struct {
	Types []dtype.DType
	Fn    Loop
	// Bind, when set, makes the loop of one call from the call's operand
	// arrays (inputs then outputs): for element types whose values live
	// beside the buffer, such as variable-length strings whose text is in
	// the array's arena. Fn is then used only where Bind cannot be (it
	// should report nothing useful), and the methods that have no
	// operand arrays to hand (Reduce, Accumulate, At) refuse the loop.
	Bind func(arrays []*ndarray.Array) (Loop, error)
}

// Resolver chooses a ufunc's loop types for the given input types. It
// returns the dtypes the inputs are cast to and the dtypes of the outputs
// (nil to fall back to the default resolution). The forced argument is
// the dtype= option (zero when not given).
type Resolver func(u *Ufunc, in []dtype.DType, forced dtype.DType) (loopIn, loopOut []dtype.DType, err error)

// Ufunc is a universal function: an element-wise operation with a fixed
// number of inputs and outputs and a table of loops, one per combination
// of operand dtypes. Calling it broadcasts the operands, picks the loop
// for their dtypes (casting where the loop needs other types) and runs it
// over the broadcast shape.
type Ufunc struct {
	name      string
	nin, nout int
	identity  Identity
	doc       string
	resolver  Resolver
	check     func(in []*ndarray.Array, loopIn []dtype.DType) error
	flags     ufuncFlags

	mu    sync.Mutex
	flex  []FlexResolver
	loops []LoopDef // search order: registration order
	// pending holds the functions that register a standard ufunc's
	// built-in loops, run by load on the ufunc's first use; loaded
	// reports that they have run (always true for New's ufuncs).
	pending []func()
	loaded  atomic.Bool
	loadMu  sync.Mutex // serializes lazy and load
	// cache maps input types to their resolution. It is copied on write,
	// so a lookup takes no lock and allocates nothing.
	cache atomic.Pointer[map[sigKey]*resolution]
	// last is the most recent resolution, checked before the map: a
	// repeated call with the same types compares a key instead of hashing.
	last atomic.Pointer[lastResolution]
}

type lastResolution struct {
	key sigKey
	res *resolution
	// fn, when set, is the loop of a resolution fastCall can run: the
	// key's inputs (one or two, no forced dtype) are all flat, a native
	// built-in dtype, the loop takes them as they are and has one output,
	// of type out, and the ufunc checks no operands.
	fn   Loop
	flat dtype.DType
	out  dtype.DType
	// mixed, when set, is the loop of a resolution fastMixed can run:
	// two inputs of numeric built-in dtypes the loop takes after casts
	// (casts[i], nil for an input taken as it is), one output of type
	// out, no operand checks.
	mixed Loop
	casts [2]dtype.CastLoop
	inSz  [2]int // the loop's input element sizes
}

// newLast returns the lastResolution of key k and resolution r.
func (u *Ufunc) newLast(k sigKey, r *resolution) *lastResolution {
	l := &lastResolution{key: k, res: r}
	t := k.t[0]
	if u.nout != 1 || u.check != nil || r.loop.Bind != nil || (k.n != 1 && k.n != 2) || r.out[0].Num() == dtype.NumUser ||
		!t.IsNative() || t.Num() == dtype.NumUser || t.Kind().IsFlexible() {
		return l
	}
	for i := range int(k.n) {
		if k.t[i] != t || r.in[i] != t {
			u.setMixed(l)
			return l
		}
	}
	l.fn, l.flat, l.out = r.loop.Fn, t, r.out[0]
	return l
}

// setMixed fills l's mixed fields when its resolution takes two inputs of
// numeric built-in dtypes, native, through casts to the loop's (numeric)
// types.
func (u *Ufunc) setMixed(l *lastResolution) {
	k, r := &l.key, l.res
	if k.n != 2 {
		return
	}
	numeric := func(t dtype.DType) bool {
		kd := t.Kind()
		return t.IsNative() && t.Num() != dtype.NumUser && kd >= dtype.KindBool && kd <= dtype.KindComplex
	}
	var casts [2]dtype.CastLoop
	for i := range 2 {
		if !numeric(k.t[i]) || !numeric(r.in[i]) {
			return
		}
		if k.t[i] != r.in[i] {
			if !dtype.CanCast(k.t[i], r.in[i], dtype.SameKind) {
				return // the general path refuses the call
			}
			c, err := dtype.GetCast(k.t[i], r.in[i])
			if err != nil {
				return
			}
			casts[i] = c
		}
	}
	l.mixed, l.casts, l.out = r.loop.Fn, casts, r.out[0]
	l.inSz = [2]int{r.in[0].Size(), r.in[1].Size()}
}

type ufuncFlags uint8

const (
	// reorderable: the binary operation is associative and commutative
	// (add, multiply, maximum, …), so a reduction may reorder it.
	reorderable ufuncFlags = 1 << iota
)

// Identity is the value a reduction over zero elements gives, and its
// starting point.
type Identity struct {
	kind  identityKind
	value float64 // for identityValue
}

type identityKind uint8

const (
	noIdentity identityKind = iota
	identityValue
	identityMinusOne // all bits set for integers (bitwise_and)
)

// NoIdentity marks a ufunc without an identity (maximum, minimum):
// reducing zero elements is an error unless an initial value is given.
var NoIdentity = Identity{}

// IdentityOf returns an identity with the given value (0 for add, 1 for
// multiply).
func IdentityOf(v float64) Identity { return Identity{kind: identityValue, value: v} }

// IdentityAllOnes is the identity of bitwise_and: every bit set (-1 for
// signed integers, the maximum for unsigned ones, true for bool).
var IdentityAllOnes = Identity{kind: identityMinusOne}

// Spec describes a ufunc to create with New.
type Spec struct {
	Name     string
	NIn      int
	NOut     int
	Identity Identity
	Doc      string
	// Reorderable marks an associative and commutative binary operation
	// whose reductions may be reordered (split into blocks, summed
	// pairwise).
	Reorderable bool
	// Resolver overrides the default loop selection (optional).
	Resolver Resolver
	// Check, when set, inspects the input arrays (Go scalars already made
	// 0-d arrays) and the input dtypes of the chosen loop before the loop
	// runs, and may refuse the call, for
	// value-dependent errors such as NumPy's "integers to negative integer
	// powers are not allowed".
	Check func(in []*ndarray.Array, loopIn []dtype.DType) error
}

// New creates a ufunc with an empty loop table.
func New(s Spec) (*Ufunc, error) {
	if s.Name == "" || s.NIn < 1 || s.NOut < 1 || s.NIn+s.NOut > maxOperands {
		return nil, &RegistrationError{Ufunc: s.Name, Msg: fmt.Sprintf("a ufunc needs a name and 1 to %d operands", maxOperands)}
	}
	u := &Ufunc{name: s.Name, nin: s.NIn, nout: s.NOut, identity: s.Identity, doc: s.Doc,
		resolver: s.Resolver, check: s.Check}
	if s.Reorderable {
		u.flags |= reorderable
	}
	u.loaded.Store(true)
	return u, nil
}

// lazy queues f, which registers built-in loops of u with register and
// mustRegister, to run when u is first used. A program pays for the
// loop tables (their building at start-up, and marking them at every
// garbage collection) of the ufuncs it calls, not of all of them. The
// queue keeps the order in which the tables were written, which is
// their search order.
func (u *Ufunc) lazy(f func()) {
	u.loadMu.Lock()
	defer u.loadMu.Unlock()
	if u.loaded.Load() {
		f()
		return
	}
	u.pending = append(u.pending, f)
}

// load builds u's built-in loop tables if they are not built yet. Every
// path that reads the loop table calls it first.
func (u *Ufunc) load() {
	if u.loaded.Load() {
		return
	}
	u.loadMu.Lock()
	defer u.loadMu.Unlock()
	if u.loaded.Load() {
		return
	}
	for _, f := range u.pending {
		f()
	}
	u.pending = nil
	u.loaded.Store(true)
}

// maxOperands bounds inputs plus outputs.
const maxOperands = 4

// Name returns the ufunc's name ("add").
func (u *Ufunc) Name() string { return u.name }

// NIn returns the number of inputs.
func (u *Ufunc) NIn() int { return u.nin }

// NOut returns the number of outputs.
func (u *Ufunc) NOut() int { return u.nout }

// Doc returns the ufunc's documentation.
func (u *Ufunc) Doc() string { return u.doc }

// String returns "<ufunc 'add'>", as NumPy prints a ufunc.
func (u *Ufunc) String() string { return "<ufunc '" + u.name + "'>" }

// Loops returns a copy of the loop table in search order.
func (u *Ufunc) Loops() []LoopDef {
	u.load()
	u.mu.Lock()
	defer u.mu.Unlock()
	out := make([]LoopDef, len(u.loops))
	copy(out, u.loops)
	for i := range out {
		out[i].Types = slices.Clone(out[i].Types) // the table's are shared
	}
	return out
}

// TypeSignatures returns the loop table as NumPy's ufunc.types strings
// ("dd->d").
func (u *Ufunc) TypeSignatures() []string {
	var out []string
	for _, l := range u.Loops() {
		var b strings.Builder
		for i, t := range l.Types {
			if i == u.nin {
				b.WriteString("->")
			}
			if t.Char() != 0 {
				b.WriteByte(t.Char())
			} else {
				b.WriteString("[" + t.String() + "]")
			}
		}
		out = append(out, b.String())
	}
	return out
}

// sigKey is a comparable tuple of input dtypes.
type sigKey struct {
	n int8
	t [maxOperands]dtype.DType
}

// sameTypes reports k == *o, comparing the dtypes one by one (cheaper
// than the generated struct comparison, which calls memequal).
func (k *sigKey) sameTypes(o *sigKey) bool {
	if k.n != o.n {
		return false
	}
	for i := range k.t {
		if k.t[i] != o.t[i] {
			return false
		}
	}
	return true
}

func keyOf(ts []dtype.DType) sigKey {
	k := sigKey{n: int8(len(ts))}
	for i, t := range ts[:min(len(ts), maxOperands)] {
		k.t[i] = t // element stores: copy() of pointer-holding values is a runtime call
	}
	return k
}

// RegistrationError reports a loop that cannot be added to a ufunc: the
// wrong number of types, a signature already present, or a loop that
// would make resolution ambiguous.
type RegistrationError struct {
	Ufunc string
	Msg   string
}

// Error returns the message.
func (e *RegistrationError) Error() string {
	return "ufunc: " + e.Ufunc + ": cannot register loop: " + e.Msg
}

// Register adds a loop for the given operand dtypes (inputs then outputs).
// It is an error to register the same input types twice, or a loop whose
// input types would tie with an existing loop for some inputs: a loop
// that every input set reaching an existing loop would reach equally
// well. Registering clears the resolution cache. A loop added to a
// standard ufunc comes after its built-in loops in search order (they are
// built on the ufunc's first use, at the latest here).
func (u *Ufunc) Register(fn Loop, types ...dtype.DType) error {
	u.load()
	return u.register(fn, types...)
}

// register is Register without loading the built-in tables: the form
// the functions queued by lazy use.
func (u *Ufunc) register(fn Loop, types ...dtype.DType) error {
	if len(types) != u.nin+u.nout {
		return &RegistrationError{Ufunc: u.name, Msg: fmt.Sprintf("%d types given for %d operands", len(types), u.nin+u.nout)}
	}
	if fn == nil {
		return &RegistrationError{Ufunc: u.name, Msg: "nil loop"}
	}
	for _, t := range types {
		if !t.IsValid() {
			return &RegistrationError{Ufunc: u.name, Msg: "invalid dtype"}
		}
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.exactIndex(types[:u.nin]) >= 0 {
		return &RegistrationError{Ufunc: u.name, Msg: "a loop for inputs " + fmtTypes(types[:u.nin]) + " already exists"}
	}
	if err := u.checkAmbiguous(types[:u.nin]); err != nil {
		return err
	}
	u.loops = append(u.loops, LoopDef{Types: internTypes(types), Fn: fn})
	u.cache.Store(nil)
	u.last.Store(nil)
	return nil
}

// typeLists holds one copy of every list of loop types registered, shared
// by the loops of all ufuncs that have it ((float64, float64, float64)
// serves a few dozen): every garbage collection marks the loop tables,
// and a pointer it need not follow is work saved for the life of the
// program.
var typeLists struct {
	sync.Mutex
	m map[sigKey][]dtype.DType
}

// internTypes returns the shared copy of types (a list of at most
// maxOperands dtypes). The caller must not modify it.
func internTypes(types []dtype.DType) []dtype.DType {
	k := keyOf(types)
	typeLists.Lock()
	defer typeLists.Unlock()
	if l, ok := typeLists.m[k]; ok {
		return l
	}
	if typeLists.m == nil {
		typeLists.m = map[sigKey][]dtype.DType{}
	}
	l := slices.Clip(append([]dtype.DType(nil), types...))
	typeLists.m[k] = l
	return l
}

// MustRegister is Register for loop tables built at start-up; it panics
// on error.
func (u *Ufunc) MustRegister(fn Loop, types ...dtype.DType) {
	if err := u.Register(fn, types...); err != nil {
		panic(err)
	}
}

// mustRegister is register that panics on error: the built-in tables
// are fixed, so an error is a bug that TestBuiltinLoopTables catches.
func (u *Ufunc) mustRegister(fn Loop, types ...dtype.DType) {
	if err := u.register(fn, types...); err != nil {
		panic(err)
	}
}

// checkAmbiguous rejects a new loop when user-defined types are involved
// and neither the new loop nor an existing one is preferred: both accept
// some input tuple by safe casts while neither's types cast safely to the
// other's. Built-in loops are ordered by NumPy's type order, which breaks
// every tie, so only loops with user types are checked.
func (u *Ufunc) checkAmbiguous(in []dtype.DType) error {
	user := false
	for _, t := range in {
		if t.Num() == dtype.NumUser {
			user = true
		}
	}
	if !user {
		return nil
	}
	for _, l := range u.loops {
		old := l.Types[:u.nin]
		oldToNew, newToOld := true, true
		for i := range in {
			if !dtype.CanCast(old[i], in[i], dtype.Safe) {
				oldToNew = false
			}
			if !dtype.CanCast(in[i], old[i], dtype.Safe) {
				newToOld = false
			}
		}
		if oldToNew || newToOld {
			continue // one is more specific: no tie
		}
		// a tie needs a common input tuple reaching both: for every
		// operand, some type casting safely to both
		common := true
		for i := range in {
			if !hasCommonSource(old[i], in[i]) {
				common = false
				break
			}
		}
		if common {
			return &RegistrationError{Ufunc: u.name, Msg: "inputs " + fmtTypes(in) + " are ambiguous with the loop for " + fmtTypes(old)}
		}
	}
	return nil
}

func hasCommonSource(a, b dtype.DType) bool {
	if a == b {
		return true
	}
	for _, t := range dtype.Builtins() {
		if dtype.CanCast(t, a, dtype.Safe) && dtype.CanCast(t, b, dtype.Safe) {
			return true
		}
	}
	return dtype.CanCast(a, b, dtype.Safe) || dtype.CanCast(b, a, dtype.Safe)
}

func fmtTypes(ts []dtype.DType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// resolution is the outcome of loop selection for one input type tuple.
type resolution struct {
	loop *LoopDef
	in   []dtype.DType // the loop's input types (what inputs are cast to)
	out  []dtype.DType // the loop's output types
}

// resolve selects the loop for the input dtypes. Results are cached per
// (input types, forced dtype) so a repeated call costs a map lookup.
func (u *Ufunc) resolve(in []dtype.DType, forced dtype.DType) (*resolution, error) {
	k := keyOf(in)
	if forced.IsValid() {
		k.t[maxOperands-1] = forced
		k.n |= 1 << 6
	}
	if l := u.last.Load(); l != nil && l.key.sameTypes(&k) {
		return l.res, nil
	}
	if m := u.cache.Load(); m != nil {
		if r, ok := (*m)[k]; ok {
			u.last.Store(u.newLast(k, r))
			return r, nil
		}
	}
	r, err := u.search(in, forced)
	if err != nil {
		return nil, err
	}
	u.mu.Lock()
	old := u.cache.Load()
	m := make(map[sigKey]*resolution, 1)
	if old != nil {
		for kk, v := range *old {
			m[kk] = v
		}
	}
	m[k] = r
	u.cache.Store(&m)
	u.mu.Unlock()
	return r, nil
}

func (u *Ufunc) search(in []dtype.DType, forced dtype.DType) (*resolution, error) {
	u.load()
	native := make([]dtype.DType, len(in))
	flexible := forced.Kind().IsFlexible()
	for i, t := range in {
		native[i] = t.Native()
		flexible = flexible || t.Kind().IsFlexible()
	}
	if flexible {
		u.mu.Lock()
		flex := u.flex
		u.mu.Unlock()
		for _, r := range flex {
			def, ok, err := r(native, forced)
			if err != nil {
				return nil, err
			}
			if ok {
				if len(def.Types) != u.nin+u.nout || def.Fn == nil {
					return nil, &RegistrationError{Ufunc: u.name, Msg: "a flexible resolver returned a loop of the wrong arity"}
				}
				return &resolution{loop: def, in: def.Types[:u.nin], out: def.Types[u.nin:]}, nil
			}
		}
	}
	if u.resolver != nil {
		loopIn, loopOut, err := u.resolver(u, native, forced)
		if err != nil {
			return nil, err
		}
		if loopIn != nil {
			l := u.lookup(loopIn)
			if l == nil {
				return nil, u.noLoop(in)
			}
			if loopOut == nil {
				loopOut = l.Types[u.nin:]
			}
			return &resolution{loop: l, in: loopIn, out: loopOut}, nil
		}
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if forced.IsValid() {
		// dtype=D: the loop whose outputs are D, with inputs of type D
		// when there is one (NumPy's signature=(D, D, D)).
		for i := range u.loops {
			l := &u.loops[i]
			if allEqual(l.Types[u.nin:], forced) && allEqual(l.Types[:u.nin], forced) {
				return &resolution{loop: l, in: l.Types[:u.nin], out: l.Types[u.nin:]}, nil
			}
		}
		for i := range u.loops {
			l := &u.loops[i]
			if allEqual(l.Types[u.nin:], forced) && castsAll(native, l.Types[:u.nin], dtype.SameKind) {
				return &resolution{loop: l, in: l.Types[:u.nin], out: l.Types[u.nin:]}, nil
			}
		}
		return nil, u.noLoop(in)
	}
	if i := u.exactIndex(native); i >= 0 {
		l := &u.loops[i]
		return &resolution{loop: l, in: l.Types[:u.nin], out: l.Types[u.nin:]}, nil
	}
	// NumPy's linear search: the first loop every input reaches by a safe
	// cast.
	for i := range u.loops {
		l := &u.loops[i]
		if castsAll(native, l.Types[:u.nin], dtype.Safe) {
			return &resolution{loop: l, in: l.Types[:u.nin], out: l.Types[u.nin:]}, nil
		}
	}
	return nil, u.noLoop(in)
}

// FlexResolver selects the loop for input types of which at least one
// is parameterised (datetime64, timedelta64, fixed-width strings,
// records): their loops cannot be listed ahead of time, so the resolver
// builds one for the given types. It returns ok=false to pass the types
// on (to the next resolver, then to the ordinary loop table), or an error
// (a *LoopError, a *dtype.CastError, …) when the types have no loop. The
// returned LoopDef holds the input types (what the operands are cast to)
// then the output types. forced is the dtype= option (zero when not
// given). Results are cached per input types like every resolution.
type FlexResolver func(in []dtype.DType, forced dtype.DType) (def *LoopDef, ok bool, err error)

// RegisterFlexible adds a resolver for parameterised input types; they
// are tried in the order added, before the loop table.
func (u *Ufunc) RegisterFlexible(r FlexResolver) {
	u.load()
	u.addFlex(r)
}

// addFlex is RegisterFlexible without loading the built-in loop tables,
// for the resolvers added at start-up. The resolvers are a list apart
// from the loops, so their order does not depend on when the loops are
// loaded.
func (u *Ufunc) addFlex(r FlexResolver) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.flex = append(u.flex, r)
	u.cache.Store(nil)
	u.last.Store(nil)
}

// lookup returns the loop registered for exactly these input types.
func (u *Ufunc) lookup(in []dtype.DType) *LoopDef {
	u.mu.Lock()
	defer u.mu.Unlock()
	if i := u.exactIndex(in); i >= 0 {
		return &u.loops[i]
	}
	return nil
}

// exactIndex returns the index of the loop registered for exactly these
// input types, or -1. A linear search: it runs when a loop is registered
// and when a resolution is not yet cached, while a map of the loop table
// would be marked by every garbage collection for as long as the program
// runs.
func (u *Ufunc) exactIndex(in []dtype.DType) int {
	for i := range u.loops {
		if slices.Equal(u.loops[i].Types[:u.nin], in) {
			return i
		}
	}
	return -1
}

func allEqual(ts []dtype.DType, d dtype.DType) bool {
	for _, t := range ts {
		if t != d {
			return false
		}
	}
	return true
}

func castsAll(from, to []dtype.DType, c dtype.Casting) bool {
	for i := range from {
		if !dtype.CanCast(from[i], to[i], c) {
			return false
		}
	}
	return true
}

// LoopError reports input dtypes for which a ufunc has no loop
// (bitwise_and of floats, negative of bool).
type LoopError struct {
	Ufunc string
	Types []dtype.DType
}

// Error returns the message.
func (e *LoopError) Error() string {
	return fmt.Sprintf("ufunc: '%s' has no loop for input types %s", e.Ufunc, fmtTypes(e.Types))
}

func (u *Ufunc) noLoop(in []dtype.DType) error {
	return &LoopError{Ufunc: u.name, Types: append([]dtype.DType(nil), in...)}
}

// ResolveTypes returns the loop input and output dtypes the ufunc uses for
// inputs of the given types, as NumPy's type resolution does.
func (u *Ufunc) ResolveTypes(in ...dtype.DType) (loopIn, out []dtype.DType, err error) {
	if len(in) != u.nin {
		return nil, nil, &ArgError{Ufunc: u.name, Msg: fmt.Sprintf("takes %d inputs, got %d", u.nin, len(in))}
	}
	r, err := u.resolve(in, dtype.DType{})
	if err != nil {
		return nil, nil, err
	}
	return slices.Clone(r.in), slices.Clone(r.out), nil
}

// ArgError reports a call with the wrong number or kind of arguments.
type ArgError struct {
	Ufunc string
	Msg   string
}

// Error returns the message.
func (e *ArgError) Error() string { return "ufunc: " + e.Ufunc + ": " + e.Msg }
