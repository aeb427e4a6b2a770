package dtype

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/pluribus-go/pluribus/internal/pyrepr"
)

type catInfo struct {
	values []string
	index  map[string]int
	code   DType // int8, int16 or int32
}

// Category returns the categorical type whose values are the given
// strings, in that order (datashape `categorical[['a', 'b'],
// type=string, ordered=False]`). An element is the integer code of its
// value: its index in values, stored in the smallest signed integer type
// that holds every code (int8 up to 128 values, int16 up to 32768, else
// int32). A value given twice is a *ValueError. Equal lists give the same
// DType.
func Category(values []string) (DType, error) {
	if len(values) > 1<<31 {
		return DType{}, &ValueError{Msg: "too many categories"}
	}
	idx := make(map[string]int, len(values))
	var key strings.Builder
	key.WriteString("cat")
	for i, v := range values {
		if _, dup := idx[v]; dup {
			return DType{}, &ValueError{Msg: "categorical value " + strconv.Quote(v) + " appears twice"}
		}
		idx[v] = i
		key.WriteString(";")
		key.WriteString(strconv.Quote(v))
	}
	code := Int8
	switch {
	case len(values) > 1<<15:
		code = Int32
	case len(values) > 1<<7:
		code = Int16
	}
	t := intern(flexKey{kind: KindCategory, order: NotApplicable, size: code.Size(), rec: key.String()}, func(o ByteOrder) *info {
		vs := append([]string(nil), values...)
		var ds strings.Builder
		ds.WriteString("categorical[[")
		for i, v := range vs {
			if i > 0 {
				ds.WriteString(", ")
			}
			ds.Write(pyrepr.AppendDatashape(nil, v))
		}
		ds.WriteString("], type=string, ordered=False]")
		return &info{num: NumUser, kind: KindCategory, size: code.Size(), align: code.Alignment(), order: o,
			name: ds.String(), datashape: ds.String(), cat: &catInfo{values: vs, index: idx, code: code}}
	})
	return DType{t}, nil
}

// Categories returns a copy of the values of a categorical type (nil for
// other types).
func (d DType) Categories() []string {
	if d.t == nil || d.t.cat == nil {
		return nil
	}
	return append([]string(nil), d.t.cat.values...)
}

// NumCategories returns the number of values of a categorical type.
func (d DType) NumCategories() int {
	if d.t == nil || d.t.cat == nil {
		return 0
	}
	return len(d.t.cat.values)
}

// Category returns the value with code c of a categorical type.
func (d DType) Category(c int) (string, bool) {
	if d.t == nil || d.t.cat == nil || c < 0 || c >= len(d.t.cat.values) {
		return "", false
	}
	return d.t.cat.values[c], true
}

// CategoryCode returns the code of value s in a categorical type.
func (d DType) CategoryCode(s string) (int, bool) {
	if d.t == nil || d.t.cat == nil {
		return 0, false
	}
	c, ok := d.t.cat.index[s]
	return c, ok
}

// CodeType returns the integer type of a categorical type's codes
// (int8, int16 or int32), and the zero DType for other types.
func (d DType) CodeType() DType {
	if d.t == nil || d.t.cat == nil {
		return DType{}
	}
	return d.t.cat.code
}

// ReadCode reads the code of the categorical element at p.
func (d DType) ReadCode(p unsafe.Pointer) int {
	switch d.t.cat.code.t.size {
	case 1:
		return int(*(*int8)(p))
	case 2:
		return int(*(*int16)(p))
	}
	return int(*(*int32)(p))
}

// WriteCode stores code c in the categorical element at p.
func (d DType) WriteCode(p unsafe.Pointer, c int) {
	switch d.t.cat.code.t.size {
	case 1:
		*(*int8)(p) = int8(c)
	case 2:
		*(*int16)(p) = int16(c)
	default:
		*(*int32)(p) = int32(c)
	}
}

// categoryRemap returns the code map from one categorical type to
// another (-1 for a value the target lacks) and whether every value maps.
func categoryRemap(from, to DType) ([]int, bool) {
	m := make([]int, len(from.t.cat.values))
	all := true
	for i, v := range from.t.cat.values {
		c, ok := to.t.cat.index[v]
		if !ok {
			c, all = -1, false
		}
		m[i] = c
	}
	return m, all
}

func remapLoop(from, to DType, m []int) CheckedCastLoop {
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
		for i := range n {
			c := from.ReadCode(unsafe.Add(src, i*ss))
			if c < 0 || c >= len(m) || m[c] < 0 {
				v, _ := from.Category(c)
				return &ValueError{Msg: "categorical value " + strconv.Quote(v) + " is not a category of " + to.Datashape()}
			}
			to.WriteCode(unsafe.Add(dst, i*ds), m[c])
		}
		return nil
	}
}

// categoryHook decides promotion and casting between categoricals (a
// category cast to another categorical maps values by name). Conversions
// between categoricals and text need the arrays and are made by package
// ndarray.
var categoryHook = flexHook{
	promote: func(a, b DType) (DType, bool, error) {
		if !hookPair(KindCategory, a, b) {
			return DType{}, false, nil
		}
		if a == b {
			return a, true, nil
		}
		return DType{}, true, &PromotionError{Types: []DType{a, b}}
	},
	canCast: func(from, to DType, casting Casting) (ok, handled bool) {
		if !hookPair(KindCategory, from, to) {
			return false, false
		}
		switch {
		case from.Kind() == KindCategory && to.Kind() == KindCategory:
			if _, all := categoryRemap(from, to); all {
				return casting >= Safe, true
			}
			return casting == Unsafe, true
		case to.Kind() == KindCategory:
			// text parses to a category; it may not be one
			return casting == Unsafe && vstrIsText(from), true
		}
		return casting >= Safe && vstrIsText(to), true
	},
	getCast: func(from, to DType) (CastLoop, bool, error) {
		if !hookPair(KindCategory, from, to) {
			return nil, false, nil
		}
		if from == to {
			return copyLoop(from.Size()), true, nil
		}
		if from.Kind() == KindCategory && to.Kind() == KindCategory {
			if m, all := categoryRemap(from, to); all {
				l := remapLoop(from, to, m)
				return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
					_ = l(dst, ds, src, ss, n) // every code maps
				}, true, nil
			}
		}
		return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
	},
	checkedCast: func(from, to DType) (CheckedCastLoop, bool, error) {
		if !hookPair(KindCategory, from, to) {
			return nil, false, nil
		}
		if from.Kind() == KindCategory && to.Kind() == KindCategory {
			m, _ := categoryRemap(from, to)
			return remapLoop(from, to, m), true, nil
		}
		return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
	},
}
