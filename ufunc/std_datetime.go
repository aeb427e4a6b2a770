package ufunc

import (
	"math"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Dates and durations in the standard ufuncs, as NumPy 1.24 defines them.
// Their loops are built per type tuple by flexible resolvers (units are
// parameters); NaT (the smallest int64) propagates through arithmetic,
// compares false (not_equal true) and is NaN-like in maximum/minimum.

// IsNat tests for NaT, "not a time" (NumPy's isnat). It is defined for
// datetime64 and timedelta64 only.
var IsNat = define(Spec{Name: "isnat", NIn: 1, NOut: 1, Doc: "Test element-wise for NaT (not a time) and return result as a boolean array."})

const nat = dtype.NaT

func isDatetime(d dtype.DType) bool  { return d.Kind() == dtype.KindDatetime }
func isTimedelta(d dtype.DType) bool { return d.Kind() == dtype.KindTimedelta }

// isIntLike reports whether d is bool or a built-in integer type.
func isIntLike(d dtype.DType) bool {
	if d.Num() == dtype.NumUser {
		return false
	}
	k := d.Kind()
	return k == dtype.KindBool || k == dtype.KindInt || k == dtype.KindUint
}

// isRealInt reports whether d is a built-in integer type (not bool).
func isRealInt(d dtype.DType) bool {
	k := d.Kind()
	return d.Num() != dtype.NumUser && (k == dtype.KindInt || k == dtype.KindUint)
}

func isRealFloat(d dtype.DType) bool {
	return d.Num() != dtype.NumUser && d.Kind() == dtype.KindFloat
}

// deltaOf returns the timedelta64 with the unit of a datetime64 or
// timedelta64 type.
func deltaOf(d dtype.DType) dtype.DType { return dtype.Timedelta64(d.Unit()) }

// anyTime reports whether one of the types is a date or a duration.
func anyTime(in []dtype.DType) bool {
	for _, t := range in {
		if t.IsTime() {
			return true
		}
	}
	return false
}

// def makes a loop definition; a forced dtype= other than the loop's
// output type has no loop.
func (u *Ufunc) timeDef(in []dtype.DType, forced dtype.DType, fn Loop, types ...dtype.DType) (*LoopDef, bool, error) {
	if forced.IsValid() && forced != types[len(types)-1] {
		return nil, true, u.noLoop(in)
	}
	return &LoopDef{Types: types, Fn: fn}, true, nil
}

// loop2 makes a binary loop from an element function.
func loop2[A, B, O any](f func(A, B) O) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		a, b, o := args[0], args[1], args[2]
		sa, sb, so := steps[0], steps[1], steps[2]
		for i := range n {
			*(*O)(unsafe.Add(o, i*so)) = f(*(*A)(unsafe.Add(a, i*sa)), *(*B)(unsafe.Add(b, i*sb)))
		}
	}
}

// loop1 makes a unary loop from an element function.
func loop1[A, O any](f func(A) O) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		a, o := args[0], args[1]
		sa, so := steps[0], steps[1]
		for i := range n {
			*(*O)(unsafe.Add(o, i*so)) = f(*(*A)(unsafe.Add(a, i*sa)))
		}
	}
}

// The element functions of the loops.

func addTicks(a, b int64) int64 {
	if a == nat || b == nat {
		return nat
	}
	return a + b
}

func subTicks(a, b int64) int64 {
	if a == nat || b == nat {
		return nat
	}
	return a - b
}

func mulTickInt(a, b int64) int64 {
	if a == nat || b == nat {
		return nat
	}
	return a * b
}

// mulTickFloat is computed in float64 and truncated toward zero; NaN and
// results beyond int64 give NaT.
func mulTickFloat(a int64, b float64) int64 {
	if a == nat {
		return nat
	}
	return dtype.FloatToTick(float64(a) * b)
}

// divTickInt truncates toward zero; a zero divisor gives NaT.
func divTickInt(a, b int64) int64 {
	if a == nat || b == 0 {
		return nat
	}
	return a / b
}

// divTickFloat truncates toward zero; NaN and results beyond int64 (a
// zero divisor) give NaT.
func divTickFloat(a int64, b float64) int64 {
	if a == nat {
		return nat
	}
	return dtype.FloatToTick(float64(a) / b)
}

// divTicks is timedelta / timedelta, a float: NaN with a NaT, ±Inf or NaN
// for a zero divisor.
func divTicks(a, b int64) float64 {
	if a == nat || b == nat {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// floorDivTicks is timedelta // timedelta, an int64 rounded toward -Inf;
// NaT and a zero divisor give 0.
func floorDivTicks(a, b int64) int64 {
	if a == nat || b == nat || b == 0 {
		return 0
	}
	if (a > 0) != (b > 0) && a%b != 0 {
		return a/b - 1
	}
	return a / b
}

// remTicks is timedelta % timedelta with the divisor's sign; NaT and a
// zero divisor give NaT.
func remTicks(a, b int64) int64 {
	if a == nat || b == nat || b == 0 {
		return nat
	}
	r := a % b
	if (a > 0) == (b > 0) || r == 0 {
		return r
	}
	return r + b
}

func divmodTicksLoop(args []unsafe.Pointer, steps []int, n int) {
	for i := range n {
		a := *(*int64)(unsafe.Add(args[0], i*steps[0]))
		b := *(*int64)(unsafe.Add(args[1], i*steps[1]))
		*(*int64)(unsafe.Add(args[2], i*steps[2])) = floorDivTicks(a, b)
		*(*int64)(unsafe.Add(args[3], i*steps[3])) = remTicks(a, b)
	}
}

func maxTicks(a, b int64) int64 {
	switch {
	case a == nat:
		return a
	case b == nat:
		return b
	case a >= b:
		return a
	}
	return b
}

func minTicks(a, b int64) int64 {
	switch {
	case a == nat:
		return a
	case b == nat:
		return b
	case a <= b:
		return a
	}
	return b
}

func fmaxTicks(a, b int64) int64 {
	switch {
	case a == nat:
		return b
	case b == nat:
		return a
	case a >= b:
		return a
	}
	return b
}

func fminTicks(a, b int64) int64 {
	switch {
	case a == nat:
		return b
	case b == nat:
		return a
	case a <= b:
		return a
	}
	return b
}

// timeArith holds the resolvers of the arithmetic ufuncs.
func init() {
	Add.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if !anyTime(in) {
			return nil, false, nil
		}
		a, b := in[0], in[1]
		fn := loop2(addTicks)
		switch {
		case isTimedelta(a) && isTimedelta(b):
			t, err := dtype.Promote(a, b)
			if err != nil {
				return nil, true, err
			}
			return Add.timeDef(in, forced, fn, t, t, t)
		case isTimedelta(a) && isDatetime(b):
			d, err := dtype.Promote(a, b)
			if err != nil {
				return nil, true, err
			}
			return Add.timeDef(in, forced, fn, deltaOf(d), d, d)
		case isDatetime(a) && isTimedelta(b):
			d, err := dtype.Promote(a, b)
			if err != nil {
				return nil, true, err
			}
			return Add.timeDef(in, forced, fn, d, deltaOf(d), d)
		case isTimedelta(a) && isIntLike(b):
			return Add.timeDef(in, forced, fn, a, a, a)
		case isIntLike(a) && isTimedelta(b):
			return Add.timeDef(in, forced, fn, b, b, b)
		case isDatetime(a) && isIntLike(b):
			return Add.timeDef(in, forced, fn, a, deltaOf(a), a)
		case isIntLike(a) && isDatetime(b):
			return Add.timeDef(in, forced, fn, deltaOf(b), b, b)
		}
		return nil, true, Add.noLoop(in)
	})
	Subtract.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if !anyTime(in) {
			return nil, false, nil
		}
		a, b := in[0], in[1]
		fn := loop2(subTicks)
		switch {
		case isTimedelta(a) && isTimedelta(b):
			t, err := dtype.Promote(a, b)
			if err != nil {
				return nil, true, err
			}
			return Subtract.timeDef(in, forced, fn, t, t, t)
		case isTimedelta(a) && isIntLike(b):
			return Subtract.timeDef(in, forced, fn, a, a, a)
		case isIntLike(a) && isTimedelta(b):
			return Subtract.timeDef(in, forced, fn, b, b, b)
		case isDatetime(a) && isTimedelta(b):
			d, err := dtype.Promote(a, b)
			if err != nil {
				return nil, true, err
			}
			return Subtract.timeDef(in, forced, fn, d, deltaOf(d), d)
		case isDatetime(a) && isIntLike(b):
			return Subtract.timeDef(in, forced, fn, a, deltaOf(a), a)
		case isDatetime(a) && isDatetime(b):
			d, err := dtype.Promote(a, b)
			if err != nil {
				return nil, true, err
			}
			return Subtract.timeDef(in, forced, fn, d, d, deltaOf(d))
		}
		return nil, true, Subtract.noLoop(in)
	})
	Multiply.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if !anyTime(in) {
			return nil, false, nil
		}
		a, b := in[0], in[1]
		switch {
		case isTimedelta(a) && isIntLike(b):
			return Multiply.timeDef(in, forced, loop2(mulTickInt), a, dtype.Int64, a)
		case isIntLike(a) && isTimedelta(b):
			return Multiply.timeDef(in, forced, loop2(func(x, y int64) int64 { return mulTickInt(y, x) }), dtype.Int64, b, b)
		case isTimedelta(a) && isRealFloat(b):
			return Multiply.timeDef(in, forced, loop2(mulTickFloat), a, dtype.Float64, a)
		case isRealFloat(a) && isTimedelta(b):
			return Multiply.timeDef(in, forced, loop2(func(x float64, y int64) int64 { return mulTickFloat(y, x) }), dtype.Float64, b, b)
		}
		return nil, true, Multiply.noLoop(in)
	})
	// true_divide and floor_divide share NumPy's division resolver: a
	// timedelta by a number truncates toward zero for both.
	division := func(u *Ufunc, floor bool) FlexResolver {
		return func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
			if !anyTime(in) {
				return nil, false, nil
			}
			a, b := in[0], in[1]
			if isTimedelta(a) {
				switch {
				case isTimedelta(b):
					t, err := dtype.Promote(a, b)
					if err != nil {
						return nil, true, err
					}
					if floor {
						return u.timeDef(in, forced, loop2(floorDivTicks), t, t, dtype.Int64)
					}
					return u.timeDef(in, forced, loop2(divTicks), t, t, dtype.Float64)
				case isRealInt(b):
					return u.timeDef(in, forced, loop2(divTickInt), a, dtype.Int64, a)
				case isRealFloat(b):
					return u.timeDef(in, forced, loop2(divTickFloat), a, dtype.Float64, a)
				}
			}
			return nil, true, u.noLoop(in)
		}
	}
	Divide.addFlex(division(Divide, false))
	FloorDivide.addFlex(division(FloorDivide, true))
	// remainder and divmod exist for two timedeltas only
	Remainder.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if !anyTime(in) {
			return nil, false, nil
		}
		if !isTimedelta(in[0]) || !isTimedelta(in[1]) {
			return nil, true, Remainder.noLoop(in)
		}
		t, err := dtype.Promote(in[0], in[1])
		if err != nil {
			return nil, true, err
		}
		return Remainder.timeDef(in, forced, loop2(remTicks), t, t, t)
	})
	Divmod.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		if !anyTime(in) {
			return nil, false, nil
		}
		if !isTimedelta(in[0]) || !isTimedelta(in[1]) {
			return nil, true, Divmod.noLoop(in)
		}
		t, err := dtype.Promote(in[0], in[1])
		if err != nil {
			return nil, true, err
		}
		if forced.IsValid() {
			return nil, true, Divmod.noLoop(in)
		}
		return &LoopDef{Types: []dtype.DType{t, t, dtype.Int64, t}, Fn: divmodTicksLoop}, true, nil
	})

	// unary arithmetic: timedeltas only
	unary := func(u *Ufunc, f func(int64) int64) {
		u.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
			if !anyTime(in) {
				return nil, false, nil
			}
			if !isTimedelta(in[0]) {
				return nil, true, u.noLoop(in)
			}
			return u.timeDef(in, forced, loop1(f), in[0], in[0])
		})
	}
	unary(Negative, func(v int64) int64 {
		if v == nat {
			return nat
		}
		return -v
	})
	unary(Positive, func(v int64) int64 { return v })
	unary(Absolute, func(v int64) int64 {
		if v < 0 {
			return -v // NaT stays NaT
		}
		return v
	})
	unary(Sign, func(v int64) int64 { // sign(NaT) is -1, NaT being the smallest int64
		switch {
		case v > 0:
			return 1
		case v < 0:
			return -1
		}
		return 0
	})

	// comparisons and extrema run in the common type of the operands
	common := func(u *Ufunc, fn Loop, boolOut bool) {
		u.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
			if !anyTime(in) {
				return nil, false, nil
			}
			t, err := dtype.Promote(in[0], in[1])
			if err != nil {
				return nil, true, err
			}
			if !t.IsTime() {
				return nil, true, u.noLoop(in)
			}
			if boolOut {
				return u.timeDef(in, forced, fn, t, t, dtype.Bool)
			}
			return u.timeDef(in, forced, fn, t, t, t)
		})
	}
	common(Equal, loop2(func(a, b int64) bool { return a == b && a != nat }), true)
	common(NotEqual, loop2(func(a, b int64) bool { return a != b || a == nat }), true)
	common(Less, loop2(func(a, b int64) bool { return a < b && a != nat && b != nat }), true)
	common(LessEqual, loop2(func(a, b int64) bool { return a <= b && a != nat && b != nat }), true)
	common(Greater, loop2(func(a, b int64) bool { return a > b && a != nat && b != nat }), true)
	common(GreaterEqual, loop2(func(a, b int64) bool { return a >= b && a != nat && b != nat }), true)
	common(Maximum, loop2(maxTicks), false)
	common(Minimum, loop2(minTicks), false)
	common(Fmax, loop2(fmaxTicks), false)
	common(Fmin, loop2(fminTicks), false)

	// classification: NaT is the NaN of dates
	classify := func(u *Ufunc, f func(int64) bool) {
		u.addFlex(func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
			if !in[0].IsTime() {
				return nil, false, nil
			}
			return u.timeDef(in, forced, loop1(f), in[0], dtype.Bool)
		})
	}
	classify(IsNat, func(v int64) bool { return v == nat })
	classify(IsNan, func(v int64) bool { return v == nat })
	classify(IsFinite, func(v int64) bool { return v != nat })
	classify(IsInf, func(int64) bool { return false })
}

// argTicks finds the first extreme of n ticks from p with byte stride
// step, NaT being the extreme either way (NumPy's DATETIME_argmax).
func argTicks(isMax bool) func(p unsafe.Pointer, step, n int) int {
	return func(p unsafe.Pointer, step, n int) int {
		best := *(*int64)(p)
		if best == nat {
			return 0
		}
		bi := 0
		for i := 1; i < n; i++ {
			x := *(*int64)(unsafe.Add(p, i*step))
			if x == nat {
				return i
			}
			if (isMax && x > best) || (!isMax && x < best) {
				best, bi = x, i
			}
		}
		return bi
	}
}

// divideTicks divides the timedelta sums of Mean by their counts as
// NumPy's mean of timedelta64 does: truncating toward zero, NaT staying
// NaT (and a count of zero giving NaT).
func divideTicks(r *ndarray.Array, cnt []float64) error {
	c, err := r.AsType(dtype.Int64, dtype.Unsafe)
	if err != nil {
		return err
	}
	if b := c.Bytes(); len(b) > 0 {
		s := unsafe.Slice((*int64)(unsafe.Pointer(unsafe.SliceData(b))), c.Size())
		for i := range s {
			s[i] = divTickInt(s[i], int64(cnt[i]))
		}
	}
	return r.CopyFrom(c, dtype.Unsafe)
}
