package ufunc

import (
	"strings"

	"github.com/pluribus-go/pluribus/dtype"
)

// charTypes maps NumPy's type characters to our dtypes ('l'/'L' are the
// 64-bit integers on every platform we run on).
var charTypes = map[byte]dtype.DType{
	'?': dtype.Bool,
	'b': dtype.Int8, 'B': dtype.Uint8,
	'h': dtype.Int16, 'H': dtype.Uint16,
	'i': dtype.Int32, 'I': dtype.Uint32,
	'l': dtype.Int64, 'L': dtype.Uint64,
	'e': dtype.Float16, 'f': dtype.Float32, 'd': dtype.Float64,
	'F': dtype.Complex64, 'D': dtype.Complex128,
}

// registerTypes registers u's loops in the order of NumPy's ufunc.types
// string (space-separated "ab->c" signatures), so that the linear search
// resolves inputs as NumPy does. Signatures with types we do not have
// (long double, objects, datetimes, and 'q'/'Q', the same types as
// 'l'/'L' here) and repeated signatures are skipped. pick returns the
// loop for a signature given as its type characters without the arrow
// ("dl" + "d" → "dld"); it must know every signature it is given. The
// loops are made and registered on u's first use (see Ufunc.lazy).
func registerTypes(u *Ufunc, types string, pick func(sig string) Loop) {
	u.lazy(func() {
		seen := map[string]bool{}
		for _, s := range strings.Fields(types) {
			sig := strings.Replace(s, "->", "", 1)
			if seen[sig] || strings.ContainsAny(sig, "gGOMmqQ") {
				continue
			}
			seen[sig] = true
			ts := make([]dtype.DType, len(sig))
			for i := range len(sig) {
				ts[i] = charTypes[sig[i]]
			}
			fn := pick(sig)
			if fn == nil {
				panic("ufunc: " + u.name + ": no loop for " + s)
			}
			u.mustRegister(fn, ts...)
		}
	})
}

// allBoolOrInt reports whether every type is bool or an integer.
func allBoolOrInt(in []dtype.DType) bool {
	for _, t := range in {
		switch t.Kind() {
		case dtype.KindBool, dtype.KindInt, dtype.KindUint:
		default:
			return false
		}
	}
	return true
}

// noBoolResolver refuses inputs that are all bool (NumPy's boolean
// subtract and negative, sign of bool, gcd of bools), and otherwise
// resolves by the default search.
func noBoolResolver(u *Ufunc, in []dtype.DType, forced dtype.DType) ([]dtype.DType, []dtype.DType, error) {
	if forced.IsValid() {
		return nil, nil, nil
	}
	for _, t := range in {
		if t.Kind() != dtype.KindBool {
			return nil, nil, nil
		}
	}
	return nil, nil, u.noLoop(in)
}
