package dtype

import (
	"fmt"
	"sync"
)

// KindUser is the kind of element types registered with Register.
const KindUser Kind = 16

// TypeSpec describes a user-defined element type: a fixed-size value
// holding no Go pointers (a fixed-point decimal stored as an int64, a
// pair of float32, an IPv4 address).
type TypeSpec struct {
	// Name is the type's unique name, used in errors, printing and
	// datashape ("decimal64").
	Name string
	// Size is the number of bytes of one element (at least 1).
	Size int
	// Alignment is the alignment an element needs (a power of two no
	// larger than Size; 0 means Size rounded down to a power of two,
	// at most 8).
	Alignment int
}

var userMu sync.RWMutex

type castEntry struct {
	level Casting // the strictest level under which the cast is allowed
	loop  CastLoop
}

var (
	userNames      = map[string]*info{}
	userCasts      = map[[2]*info]castEntry{}
	userPromotions = map[[2]*info]*info{}
)

// RegistrationError reports a type, cast or promotion that cannot be
// registered.
type RegistrationError struct {
	Msg string
}

// Error returns the message.
func (e *RegistrationError) Error() string { return "dtype: " + e.Msg }

// Register adds a new element type. It is an error to register a name
// twice or one that names a built-in type.
func Register(spec TypeSpec) (DType, error) {
	if spec.Name == "" || spec.Size < 1 {
		return DType{}, &RegistrationError{Msg: "a type needs a name and a size of at least 1"}
	}
	align := spec.Alignment
	if align == 0 {
		align = 1
		for align*2 <= spec.Size && align < 8 {
			align *= 2
		}
	}
	if align&(align-1) != 0 || align > spec.Size {
		return DType{}, &RegistrationError{Msg: fmt.Sprintf("alignment %d of %s is not a power of two no larger than its size", align, spec.Name)}
	}
	if _, builtin := names[spec.Name]; builtin {
		return DType{}, &RegistrationError{Msg: fmt.Sprintf("%q is the name of a built-in type", spec.Name)}
	}
	userMu.Lock()
	defer userMu.Unlock()
	if _, dup := userNames[spec.Name]; dup {
		return DType{}, &RegistrationError{Msg: fmt.Sprintf("type %q is already registered", spec.Name)}
	}
	t := &info{num: NumUser, kind: KindUser, size: spec.Size, align: align, order: NotApplicable,
		name: spec.Name, datashape: spec.Name}
	t.native, t.swapped = t, t
	userNames[spec.Name] = t
	return DType{t}, nil
}

// Lookup returns the registered user type with the given name.
func Lookup(name string) (DType, bool) {
	userMu.RLock()
	defer userMu.RUnlock()
	t, ok := userNames[name]
	return DType{t}, ok
}

// RegisterCast adds the conversion loop from one type to another, at least
// one of them a user type. level is the strictest casting level under
// which the cast is allowed: Safe for a cast that keeps every value,
// SameKind, or Unsafe.
func RegisterCast(from, to DType, level Casting, loop CastLoop) error {
	if !from.IsValid() || !to.IsValid() || loop == nil {
		return &RegistrationError{Msg: "a cast needs two valid types and a loop"}
	}
	if from.Num() != NumUser && to.Num() != NumUser {
		return &RegistrationError{Msg: fmt.Sprintf("the cast from %s to %s is built in", from, to)}
	}
	if level < Safe {
		return &RegistrationError{Msg: "a cast between different types is at best safe"}
	}
	userMu.Lock()
	defer userMu.Unlock()
	k := [2]*info{from.t, to.t}
	if _, dup := userCasts[k]; dup {
		return &RegistrationError{Msg: fmt.Sprintf("a cast from %s to %s is already registered", from, to)}
	}
	userCasts[k] = castEntry{level: level, loop: loop}
	return nil
}

// RegisterPromotion declares the common type of a and b (in either
// order), at least one of them a user type, for Promote and ResultType.
func RegisterPromotion(a, b, result DType) error {
	if !a.IsValid() || !b.IsValid() || !result.IsValid() {
		return &RegistrationError{Msg: "a promotion needs valid types"}
	}
	if a.Num() != NumUser && b.Num() != NumUser {
		return &RegistrationError{Msg: fmt.Sprintf("the promotion of %s and %s is built in", a, b)}
	}
	userMu.Lock()
	defer userMu.Unlock()
	userPromotions[[2]*info{a.t, b.t}] = result.t
	userPromotions[[2]*info{b.t, a.t}] = result.t
	return nil
}

func userCast(from, to DType) (castEntry, bool) {
	userMu.RLock()
	defer userMu.RUnlock()
	e, ok := userCasts[[2]*info{from.t, to.t}]
	return e, ok
}

func userPromote(a, b DType) (DType, bool) {
	if a == b {
		return a, true
	}
	userMu.RLock()
	defer userMu.RUnlock()
	r, ok := userPromotions[[2]*info{a.t, b.t}]
	return DType{r}, ok
}
