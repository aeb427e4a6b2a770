package dtype

import "fmt"

// Casting is a level of safety for a cast, as NumPy's casting= argument.
// Each level allows everything the levels before it allow.
type Casting uint8

// The casting levels.
const (
	// No allows only identical types.
	No Casting = iota
	// Equiv also allows changes of byte order.
	Equiv
	// Safe also allows casts that preserve every value (int8 to int16,
	// float32 to float64, int32 to float64).
	Safe
	// SameKind also allows casts within a kind or to a higher kind
	// (float64 to float32, int64 to int8, int64 to float32).
	SameKind
	// Unsafe allows any conversion.
	Unsafe
)

// String returns NumPy's spelling of the level ("same_kind").
func (c Casting) String() string {
	switch c {
	case No:
		return "no"
	case Equiv:
		return "equiv"
	case Safe:
		return "safe"
	case SameKind:
		return "same_kind"
	case Unsafe:
		return "unsafe"
	}
	return fmt.Sprintf("Casting(%d)", uint8(c))
}

// ParseCasting returns the level NumPy spells s ("no", "equiv", "safe",
// "same_kind", "unsafe").
func ParseCasting(s string) (Casting, error) {
	for c := No; c <= Unsafe; c++ {
		if c.String() == s {
			return c, nil
		}
	}
	return 0, &ParseError{Input: s, Reason: "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe'"}
}

// safeTable[from][to] is NumPy's safe-casting relation between native
// built-in types, filled at init from the rules below.
var safeTable [numBuiltin][numBuiltin]bool

// promoteTable[a][b] is NumPy's promote_types for native built-in types.
var promoteTable [numBuiltin][numBuiltin]Num

func intBits(n Num) (bits int, signed bool) {
	d := natives[n]
	return d.size * 8, d.kind == KindInt
}

// safe reports NumPy's safe casting between two native built-ins.
func safe(from, to Num) bool {
	if from == to {
		return true
	}
	f, t := &natives[from], &natives[to]
	switch f.kind {
	case KindBool:
		return true
	case KindUint, KindInt:
		fb, fs := intBits(from)
		switch t.kind {
		case KindUint:
			return !fs && t.size*8 >= fb
		case KindInt:
			if fs {
				return t.size*8 >= fb
			}
			return t.size*8 > fb
		case KindFloat, KindComplex:
			// NumPy counts int64 and uint64 to float64 as safe, although
			// float64 holds only 53 bits: the rule is "the float is
			// wider than the integer", with float16 taking 8-bit ints.
			switch to {
			case NumFloat16:
				return fb <= 8
			case NumFloat32, NumComplex64:
				return fb <= 16
			default:
				return true
			}
		}
	case KindFloat:
		switch t.kind {
		case KindFloat:
			return t.size >= f.size
		case KindComplex:
			return t.size/2 >= f.size
		}
	case KindComplex:
		return t.kind == KindComplex && t.size >= f.size
	}
	return false
}

// kindRank orders kinds for same_kind casting: a cast to a kind of equal
// or higher rank is same_kind (bool < unsigned < signed < float < complex).
func kindRank(k Kind) int {
	switch k {
	case KindBool:
		return 0
	case KindUint:
		return 1
	case KindInt:
		return 2
	case KindFloat:
		return 3
	case KindComplex:
		return 4
	}
	return -1
}

func init() {
	for a := range numBuiltin {
		for b := range numBuiltin {
			safeTable[a][b] = safe(a, b)
		}
	}
	// NumPy's promotion of built-ins: the first type, in type-number order,
	// to which both operands cast safely.
	for a := range numBuiltin {
		for b := range numBuiltin {
			promoteTable[a][b] = -1
			for c := range numBuiltin {
				if safeTable[a][c] && safeTable[b][c] {
					promoteTable[a][b] = c
					break
				}
			}
		}
	}
}

// CanCast reports whether values of type from may be converted to type to
// under the casting level, with NumPy's rules.
func CanCast(from, to DType, casting Casting) bool {
	if !from.IsValid() || !to.IsValid() {
		return false
	}
	if from == to {
		return true
	}
	switch casting {
	case No:
		return false
	case Equiv:
		return from.Native() == to.Native()
	}
	if from.Kind().IsFlexible() || to.Kind().IsFlexible() {
		return flexCanCast(from, to, casting)
	}
	fn, tn := from.Num(), to.Num()
	if fn == NumUser || tn == NumUser {
		e, ok := userCast(from, to)
		return ok && e.level <= casting
	}
	if casting == Unsafe {
		return true
	}
	if safeTable[fn][tn] {
		return true
	}
	if casting == SameKind {
		return kindRank(to.Kind()) >= kindRank(from.Kind()) && from.Kind() != KindBool ||
			from.Kind() == KindBool
	}
	return false
}

// Promote returns the smallest type to which both a and b can be cast
// safely, as NumPy's promote_types. The result is in native byte order.
func Promote(a, b DType) (DType, error) {
	if a.Kind().IsFlexible() || b.Kind().IsFlexible() {
		return flexPromote(a, b)
	}
	an, bn := a.Num(), b.Num()
	if an == NumUser || bn == NumUser {
		if r, ok := userPromote(a.Native(), b.Native()); ok {
			return r, nil
		}
		return DType{}, &PromotionError{Types: []DType{a, b}}
	}
	r := promoteTable[an][bn]
	if r < 0 {
		return DType{}, &PromotionError{Types: []DType{a, b}}
	}
	return DType{&natives[r]}, nil
}

// ResultType returns the type NumPy's result_type gives for operands of
// the given types (array–array promotion; there are no value-based rules).
func ResultType(types ...DType) (DType, error) {
	if len(types) == 0 {
		return DType{}, &PromotionError{}
	}
	r := types[0].Native()
	if !r.IsValid() {
		return DType{}, &PromotionError{Types: types}
	}
	for _, t := range types[1:] {
		var err error
		r, err = Promote(r, t)
		if err != nil {
			pe := &PromotionError{Types: types}
			if inner, ok := err.(*PromotionError); ok {
				pe.Reason = inner.Reason
			}
			return DType{}, pe
		}
	}
	return r, nil
}
