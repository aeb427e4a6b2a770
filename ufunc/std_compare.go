package ufunc

import "github.com/x448/float16"

// The comparison, extremum and logical ufuncs.
var (
	// Maximum is the larger of two elements, NaN if either is NaN (NumPy's
	// maximum).
	Maximum = define(Spec{Name: "maximum", NIn: 2, NOut: 1, Identity: NoIdentity, Reorderable: true,
		Doc: "Element-wise maximum of array elements (NaNs propagate)."})
	// Minimum is the smaller of two elements, NaN if either is NaN (NumPy's
	// minimum).
	Minimum = define(Spec{Name: "minimum", NIn: 2, NOut: 1, Identity: NoIdentity, Reorderable: true,
		Doc: "Element-wise minimum of array elements (NaNs propagate)."})
	// Fmax is the larger of two elements, ignoring a NaN (NumPy's fmax).
	Fmax = define(Spec{Name: "fmax", NIn: 2, NOut: 1, Identity: NoIdentity, Reorderable: true,
		Doc: "Element-wise maximum of array elements (NaNs ignored)."})
	// Fmin is the smaller of two elements, ignoring a NaN (NumPy's fmin).
	Fmin = define(Spec{Name: "fmin", NIn: 2, NOut: 1, Identity: NoIdentity, Reorderable: true,
		Doc: "Element-wise minimum of array elements (NaNs ignored)."})
	// Clip limits x to [lo, hi]: minimum(maximum(x, lo), hi), NaNs
	// propagating (NumPy's clip ufunc, np.core.umath.clip).
	Clip = define(Spec{Name: "clip", NIn: 3, NOut: 1,
		Doc: "Clip (limit) the values in an array."})
	// Equal is x1 == x2 (NumPy's equal).
	Equal = define(Spec{Name: "equal", NIn: 2, NOut: 1, Doc: "Return (x1 == x2) element-wise."})
	// NotEqual is x1 != x2 (NumPy's not_equal).
	NotEqual = define(Spec{Name: "not_equal", NIn: 2, NOut: 1, Doc: "Return (x1 != x2) element-wise."})
	// Less is x1 < x2 (NumPy's less).
	Less = define(Spec{Name: "less", NIn: 2, NOut: 1, Doc: "Return the truth value of (x1 < x2) element-wise."})
	// LessEqual is x1 <= x2 (NumPy's less_equal).
	LessEqual = define(Spec{Name: "less_equal", NIn: 2, NOut: 1, Doc: "Return the truth value of (x1 <= x2) element-wise."})
	// Greater is x1 > x2 (NumPy's greater).
	Greater = define(Spec{Name: "greater", NIn: 2, NOut: 1, Doc: "Return the truth value of (x1 > x2) element-wise."})
	// GreaterEqual is x1 >= x2 (NumPy's greater_equal).
	GreaterEqual = define(Spec{Name: "greater_equal", NIn: 2, NOut: 1, Doc: "Return the truth value of (x1 >= x2) element-wise."})
	// LogicalAnd is the truth value of x1 AND x2 (NumPy's logical_and).
	LogicalAnd = define(Spec{Name: "logical_and", NIn: 2, NOut: 1, Identity: IdentityOf(1), Reorderable: true,
		Doc: "Compute the truth value of x1 AND x2 element-wise."})
	// LogicalOr is the truth value of x1 OR x2 (NumPy's logical_or).
	LogicalOr = define(Spec{Name: "logical_or", NIn: 2, NOut: 1, Identity: IdentityOf(0), Reorderable: true,
		Doc: "Compute the truth value of x1 OR x2 element-wise."})
	// LogicalXor is the truth value of x1 XOR x2 (NumPy's logical_xor).
	LogicalXor = define(Spec{Name: "logical_xor", NIn: 2, NOut: 1, Identity: IdentityOf(0), Reorderable: true,
		Doc: "Compute the truth value of x1 XOR x2, element-wise."})
	// LogicalNot is the truth value of NOT x (NumPy's logical_not).
	LogicalNot = define(Spec{Name: "logical_not", NIn: 1, NOut: 1,
		Doc: "Compute the truth value of NOT x element-wise."})
)

// NumPy's lexicographic complex order (NumPy 1.x): the real parts decide
// unless equal, and a NaN imaginary part makes an unequal real part
// undecided.
func cgt[F floating](xr, xi, yr, yi F) bool {
	return (xr > yr && !isNaN(xi) && !isNaN(yi)) || (xr == yr && xi > yi)
}

func cge[F floating](xr, xi, yr, yi F) bool {
	return (xr > yr && !isNaN(xi) && !isNaN(yi)) || (xr == yr && xi >= yi)
}

func clt[F floating](xr, xi, yr, yi F) bool {
	return (xr < yr && !isNaN(xi) && !isNaN(yi)) || (xr == yr && xi < yi)
}

func cle[F floating](xr, xi, yr, yi F) bool {
	return (xr < yr && !isNaN(xi) && !isNaN(yi)) || (xr == yr && xi <= yi)
}

// complexCmp returns the comparison loops for complex numbers with parts F.
func complexCmp[C complexNum, F floating](op cmpOp, parts func(C) (F, F)) Loop {
	var f func(xr, xi, yr, yi F) bool
	switch op {
	case opEq:
		f = func(xr, xi, yr, yi F) bool { return xr == yr && xi == yi }
	case opNe:
		f = func(xr, xi, yr, yi F) bool { return xr != yr || xi != yi }
	case opLt:
		f = clt[F]
	case opLe:
		f = cle[F]
	case opGt:
		f = cgt[F]
	default:
		f = cge[F]
	}
	return Binary(func(a, b C) bool {
		ar, ai := parts(a)
		br, bi := parts(b)
		return f(ar, ai, br, bi)
	})
}

func parts64(c complex64) (float32, float32)   { return real(c), imag(c) }
func parts128(c complex128) (float64, float64) { return real(c), imag(c) }

func boolCmp(op cmpOp) Loop {
	b := func(x bool) int {
		if x {
			return 1
		}
		return 0
	}
	switch op {
	case opEq:
		return Binary(func(x, y bool) bool { return x == y })
	case opNe:
		return Binary(func(x, y bool) bool { return x != y })
	case opLt:
		return Binary(func(x, y bool) bool { return b(x) < b(y) })
	case opLe:
		return Binary(func(x, y bool) bool { return b(x) <= b(y) })
	case opGt:
		return Binary(func(x, y bool) bool { return b(x) > b(y) })
	}
	return Binary(func(x, y bool) bool { return b(x) >= b(y) })
}

func halfCmp(op cmpOp) Loop {
	var f func(x, y float32) bool
	switch op {
	case opEq:
		f = func(x, y float32) bool { return x == y }
	case opNe:
		f = func(x, y float32) bool { return x != y }
	case opLt:
		f = func(x, y float32) bool { return x < y }
	case opLe:
		f = func(x, y float32) bool { return x <= y }
	case opGt:
		f = func(x, y float32) bool { return x > y }
	default:
		f = func(x, y float32) bool { return x >= y }
	}
	return Binary(func(a, b float16.Float16) bool { return f(a.Float32(), b.Float32()) })
}

const cmpTypes = "??->? bb->? BB->? hh->? HH->? ii->? II->? ll->? LL->? qq->? QQ->? ee->? ff->? dd->? gg->? FF->? DD->? GG->? OO->? mm->? MM->? OO->O OO->?"

func registerCmp(u *Ufunc, op cmpOp) {
	registerTypes(u, cmpTypes, func(sig string) Loop {
		switch sig[0] {
		case '?':
			return boolCmp(op)
		case 'e':
			return halfCmp(op)
		case 'F':
			return complexCmp(op, parts64)
		case 'D':
			return complexCmp(op, parts128)
		}
		return realLoop(sig[0], loopsOf{cmpLoop[int8](op), cmpLoop[uint8](op), cmpLoop[int16](op), cmpLoop[uint16](op),
			simdCmpLoop[int32](op), cmpLoop[uint32](op), simdCmpLoop[int64](op), cmpLoop[uint64](op),
			simdCmpLoop[float32](op), simdCmpLoop[float64](op)})
	})
}

// extremum builds the maximum/minimum/fmax/fmin loops for bool, float16
// and complex from their scalar rules, with sequential reduction.
func extremum[T any](f func(a, b T) T) Loop { return reduceWith(Binary(f), f) }

// Scalar rules for float16 (compared as float32) and complex, as NumPy's
// loops write them.
func halfMax(a, b float16.Float16) float16.Float16 {
	if a.Float32() >= b.Float32() || a.IsNaN() {
		return a
	}
	return b
}

func halfMin(a, b float16.Float16) float16.Float16 {
	if a.Float32() <= b.Float32() || a.IsNaN() {
		return a
	}
	return b
}

func halfFmax(a, b float16.Float16) float16.Float16 {
	if a.Float32() >= b.Float32() || b.IsNaN() {
		return a
	}
	return b
}

func halfFmin(a, b float16.Float16) float16.Float16 {
	if a.Float32() <= b.Float32() || b.IsNaN() {
		return a
	}
	return b
}

// fmaxC and fminC are fmax and fmin as NumPy's x86 SIMD loops compute
// them: a NaN operand is ignored, and of two equal values (±0) the second
// is taken.
func fmaxC[F floating](a, b F) F {
	if a > b || b != b {
		return a
	}
	return b
}

func fminC[F floating](a, b F) F {
	if a < b || b != b {
		return a
	}
	return b
}

// complex maximum/minimum: NaN in the first operand wins (maximum,
// minimum) or NaN in the second loses (fmax, fmin).
func cmax[C complexNum, F floating](parts func(C) (F, F), nanFirst bool, ge func(xr, xi, yr, yi F) bool) func(a, b C) C {
	return func(a, b C) C {
		ar, ai := parts(a)
		br, bi := parts(b)
		if nanFirst {
			if isNaN(ar) || isNaN(ai) || ge(ar, ai, br, bi) {
				return a
			}
			return b
		}
		if isNaN(br) || isNaN(bi) || ge(ar, ai, br, bi) {
			return a
		}
		return b
	}
}

// clip rules (NumPy's clip.cpp): _NPY_MAX(a, b) = isnan(a) ? a : (a > b ? a : b).
func clipInt[T integer](x, lo, hi T) T { return min(max(x, lo), hi) }

func clipFloat[F floating](x, lo, hi F) F {
	if !isNaN(x) && !(x > lo) {
		x = lo
	}
	if !isNaN(x) && !(x < hi) {
		x = hi
	}
	return x
}

// clipHalf follows NumPy's float16 clip, which compares with >= and <=
// (so x wins ties of ±0).
func clipHalf(x, lo, hi float16.Float16) float16.Float16 {
	if !x.IsNaN() && !(x.Float32() >= lo.Float32()) {
		x = lo
	}
	if !x.IsNaN() && !(x.Float32() <= hi.Float32()) {
		x = hi
	}
	return x
}

func clipComplex[C complexNum, F floating](parts func(C) (F, F)) func(x, lo, hi C) C {
	gt := func(a, b C) bool { // PyArray_CGT, without NaN tests
		ar, ai := parts(a)
		br, bi := parts(b)
		return ar > br || (ar == br && ai > bi)
	}
	nan := func(a C) bool {
		r, i := parts(a)
		return isNaN(r) || isNaN(i)
	}
	return func(x, lo, hi C) C {
		if !nan(x) && !gt(x, lo) {
			x = lo
		}
		if !nan(x) && !gt(hi, x) {
			x = hi
		}
		return x
	}
}

// halfTruthy is a float16's truth value (NaN is true, ±0 false).
func halfTruthy(a float16.Float16) bool { return a&0x7fff != 0 }

// logicalLoop returns the loop of a logical binary op f for type char c.
func logicalLoop(c byte, f func(a, b bool) bool, run func(out, x, y []bool)) Loop {
	switch c {
	case '?':
		return withRun(Binary(f), run)
	case 'b':
		return Binary(func(a, b int8) bool { return f(a != 0, b != 0) })
	case 'B':
		return Binary(func(a, b uint8) bool { return f(a != 0, b != 0) })
	case 'h':
		return Binary(func(a, b int16) bool { return f(a != 0, b != 0) })
	case 'H':
		return Binary(func(a, b uint16) bool { return f(a != 0, b != 0) })
	case 'i':
		return Binary(func(a, b int32) bool { return f(a != 0, b != 0) })
	case 'I':
		return Binary(func(a, b uint32) bool { return f(a != 0, b != 0) })
	case 'l':
		return Binary(func(a, b int64) bool { return f(a != 0, b != 0) })
	case 'L':
		return Binary(func(a, b uint64) bool { return f(a != 0, b != 0) })
	case 'e':
		return Binary(func(a, b float16.Float16) bool { return f(halfTruthy(a), halfTruthy(b)) })
	case 'f':
		return Binary(func(a, b float32) bool { return f(a != 0, b != 0) })
	case 'd':
		return Binary(func(a, b float64) bool { return f(a != 0, b != 0) })
	case 'F':
		return Binary(func(a, b complex64) bool { return f(a != 0, b != 0) })
	case 'D':
		return Binary(func(a, b complex128) bool { return f(a != 0, b != 0) })
	}
	return nil
}

func logicalNotLoop(c byte) Loop {
	switch c {
	case '?':
		return withRun1(Unary(func(a bool) bool { return !a }), notBoolRun)
	case 'b':
		return Unary(func(a int8) bool { return a == 0 })
	case 'B':
		return Unary(func(a uint8) bool { return a == 0 })
	case 'h':
		return Unary(func(a int16) bool { return a == 0 })
	case 'H':
		return Unary(func(a uint16) bool { return a == 0 })
	case 'i':
		return Unary(func(a int32) bool { return a == 0 })
	case 'I':
		return Unary(func(a uint32) bool { return a == 0 })
	case 'l':
		return Unary(func(a int64) bool { return a == 0 })
	case 'L':
		return Unary(func(a uint64) bool { return a == 0 })
	case 'e':
		return Unary(func(a float16.Float16) bool { return !halfTruthy(a) })
	case 'f':
		return Unary(func(a float32) bool { return a == 0 })
	case 'd':
		return Unary(func(a float64) bool { return a == 0 })
	case 'F':
		return Unary(func(a complex64) bool { return a == 0 })
	case 'D':
		return Unary(func(a complex128) bool { return a == 0 })
	}
	return nil
}

func init() {
	registerCmp(Equal, opEq)
	registerCmp(NotEqual, opNe)
	registerCmp(Less, opLt)
	registerCmp(LessEqual, opLe)
	registerCmp(Greater, opGt)
	registerCmp(GreaterEqual, opGe)

	const extTypes = "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g FF->F DD->D GG->G mm->m MM->M OO->O"
	ints := func(sig string, mx bool) Loop {
		if mx {
			return realLoop(sig[0], loopsOf{maxIntLoop[int8], maxIntLoop[uint8], maxIntLoop[int16], maxIntLoop[uint16],
				maxIntLoop[int32], maxIntLoop[uint32], maxIntLoop[int64], maxIntLoop[uint64]})
		}
		return realLoop(sig[0], loopsOf{minIntLoop[int8], minIntLoop[uint8], minIntLoop[int16], minIntLoop[uint16],
			minIntLoop[int32], minIntLoop[uint32], minIntLoop[int64], minIntLoop[uint64]})
	}
	or := func(a, b bool) bool { return a || b }
	and := func(a, b bool) bool { return a && b }
	registerTypes(Maximum, extTypes, func(sig string) Loop {
		switch sig[0] {
		case '?':
			return extremum(or)
		case 'e':
			return extremum(halfMax)
		case 'f':
			return maxFloatLoop[float32]
		case 'd':
			return maxFloatLoop[float64]
		case 'F':
			return extremum(cmax(parts64, true, cge[float32]))
		case 'D':
			return extremum(cmax(parts128, true, cge[float64]))
		}
		return ints(sig, true)
	})
	registerTypes(Minimum, extTypes, func(sig string) Loop {
		switch sig[0] {
		case '?':
			return extremum(and)
		case 'e':
			return extremum(halfMin)
		case 'f':
			return minFloatLoop[float32]
		case 'd':
			return minFloatLoop[float64]
		case 'F':
			return extremum(cmax(parts64, true, cle[float32]))
		case 'D':
			return extremum(cmax(parts128, true, cle[float64]))
		}
		return ints(sig, false)
	})
	registerTypes(Fmax, extTypes, func(sig string) Loop {
		switch sig[0] {
		case '?':
			return extremum(or)
		case 'e':
			return extremum(halfFmax)
		case 'f':
			return extremum(fmaxC[float32])
		case 'd':
			return extremum(fmaxC[float64])
		case 'F':
			return extremum(cmax(parts64, false, cge[float32]))
		case 'D':
			return extremum(cmax(parts128, false, cge[float64]))
		}
		return ints(sig, true)
	})
	registerTypes(Fmin, extTypes, func(sig string) Loop {
		switch sig[0] {
		case '?':
			return extremum(and)
		case 'e':
			return extremum(halfFmin)
		case 'f':
			return extremum(fminC[float32])
		case 'd':
			return extremum(fminC[float64])
		case 'F':
			return extremum(cmax(parts64, false, cle[float32]))
		case 'D':
			return extremum(cmax(parts128, false, cle[float64]))
		}
		return ints(sig, false)
	})
	registerTypes(Clip, "???->? bbb->b BBB->B hhh->h HHH->H iii->i III->I lll->l LLL->L qqq->q QQQ->Q eee->e fff->f ddd->d ggg->g FFF->F DDD->D GGG->G mmm->m MMM->M OOO->O",
		func(sig string) Loop {
			switch sig[0] {
			case '?':
				return Ternary(func(x, lo, hi bool) bool { return (x || lo) && hi })
			case 'e':
				return Ternary(clipHalf)
			case 'F':
				return Ternary(clipComplex(parts64))
			case 'D':
				return Ternary(clipComplex(parts128))
			}
			return realLoop(sig[0], loopsOf{clipIntLoop[int8], clipIntLoop[uint8], clipIntLoop[int16],
				clipIntLoop[uint16], clipIntLoop[int32], clipIntLoop[uint32], clipIntLoop[int64],
				clipIntLoop[uint64], clipFloatLoop[float32], clipFloatLoop[float64]})
		})

	const logicTypes = "??->? bb->? BB->? hh->? HH->? ii->? II->? ll->? LL->? qq->? QQ->? ee->? ff->? dd->? gg->? FF->? DD->? GG->? OO->O"
	registerTypes(LogicalAnd, logicTypes, func(sig string) Loop { return logicalLoop(sig[0], and, andBoolRun) })
	registerTypes(LogicalOr, logicTypes, func(sig string) Loop { return logicalLoop(sig[0], or, orBoolRun) })
	registerTypes(LogicalXor, logicTypes, func(sig string) Loop {
		return logicalLoop(sig[0], func(a, b bool) bool { return a != b }, xorBoolRun)
	})
	registerTypes(LogicalNot, "?->? b->? B->? h->? H->? i->? I->? l->? L->? q->? Q->? e->? f->? d->? g->? F->? D->? G->? O->O",
		func(sig string) Loop { return logicalNotLoop(sig[0]) })
}
