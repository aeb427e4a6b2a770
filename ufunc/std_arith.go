package ufunc

import (
	"math"
	"math/cmplx"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/simd"
	"github.com/x448/float16"
)

// The arithmetic ufuncs.
var (
	// Add adds element-wise (NumPy's add).
	Add = define(Spec{Name: "add", NIn: 2, NOut: 1, Identity: IdentityOf(0), Reorderable: true,
		Doc: "Add arguments element-wise."})
	// Subtract subtracts element-wise (NumPy's subtract).
	Subtract = define(Spec{Name: "subtract", NIn: 2, NOut: 1, Resolver: noBoolResolver,
		Doc: "Subtract arguments, element-wise."})
	// Multiply multiplies element-wise (NumPy's multiply).
	Multiply = define(Spec{Name: "multiply", NIn: 2, NOut: 1, Identity: IdentityOf(1), Reorderable: true,
		Doc: "Multiply arguments element-wise."})
	// Divide divides element-wise, integers giving floats (NumPy's
	// true_divide, also named divide).
	Divide = define(Spec{Name: "true_divide", NIn: 2, NOut: 1, Resolver: trueDivideResolver,
		Doc: "Divide arguments element-wise."})
	// FloorDivide is the largest integer not above the quotient (NumPy's
	// floor_divide).
	FloorDivide = define(Spec{Name: "floor_divide", NIn: 2, NOut: 1,
		Doc: "Return the largest integer smaller or equal to the division of the inputs."})
	// Remainder is the remainder of floor division, with the sign of the
	// divisor (NumPy's remainder, also named mod).
	Remainder = define(Spec{Name: "remainder", NIn: 2, NOut: 1,
		Doc: "Returns the element-wise remainder of division."})
	// Fmod is the remainder of truncating division, with the sign of the
	// dividend (NumPy's fmod).
	Fmod = define(Spec{Name: "fmod", NIn: 2, NOut: 1,
		Doc: "Returns the element-wise remainder of division (C fmod)."})
	// Divmod returns floor_divide and remainder together (NumPy's divmod).
	Divmod = define(Spec{Name: "divmod", NIn: 2, NOut: 2,
		Doc: "Return element-wise quotient and remainder simultaneously."})
	// Power raises the first input to the powers of the second (NumPy's
	// power); integers to negative integer powers are an error.
	Power = define(Spec{Name: "power", NIn: 2, NOut: 1, Check: checkPowerArgs,
		Doc: "First array elements raised to powers from second array, element-wise."})
	// FloatPower is power computed in float64 or complex128 (NumPy's
	// float_power).
	FloatPower = define(Spec{Name: "float_power", NIn: 2, NOut: 1,
		Doc: "First array elements raised to powers from second array, element-wise, in at least float64."})
	// Negative negates (NumPy's negative).
	Negative = define(Spec{Name: "negative", NIn: 1, NOut: 1, Resolver: noBoolResolver,
		Doc: "Numerical negative, element-wise."})
	// Positive returns a copy of its input (NumPy's positive).
	Positive = define(Spec{Name: "positive", NIn: 1, NOut: 1, Resolver: noBoolResolver,
		Doc: "Numerical positive, element-wise."})
	// Absolute is the absolute value; of complex numbers, the modulus
	// (NumPy's absolute, also named abs).
	Absolute = define(Spec{Name: "absolute", NIn: 1, NOut: 1,
		Doc: "Calculate the absolute value element-wise."})
	// Sign is -1, 0 or 1 by the sign of the input (NumPy's sign; for
	// complex numbers NumPy 1.x's rule: the sign of the real part, or of
	// the imaginary part when the real part is zero).
	Sign = define(Spec{Name: "sign", NIn: 1, NOut: 1, Resolver: noBoolResolver,
		Doc: "Returns an element-wise indication of the sign of a number."})
	// Square multiplies each element by itself (NumPy's square).
	Square = define(Spec{Name: "square", NIn: 1, NOut: 1,
		Doc: "Return the element-wise square of the input."})
	// Reciprocal is 1/x, truncated for integers (NumPy's reciprocal).
	Reciprocal = define(Spec{Name: "reciprocal", NIn: 1, NOut: 1,
		Doc: "Return the reciprocal of the argument, element-wise."})
	// Conjugate is the complex conjugate; real inputs are copied (NumPy's
	// conjugate, also named conj).
	Conjugate = define(Spec{Name: "conjugate", NIn: 1, NOut: 1,
		Doc: "Return the complex conjugate, element-wise."})
	// Gcd is the greatest common divisor of the absolute values (NumPy's
	// gcd).
	Gcd = define(Spec{Name: "gcd", NIn: 2, NOut: 1, Identity: IdentityOf(0), Resolver: noBoolResolver,
		Doc: "Returns the greatest common divisor of |x1| and |x2|."})
	// Lcm is the least common multiple of the absolute values (NumPy's
	// lcm).
	Lcm = define(Spec{Name: "lcm", NIn: 2, NOut: 1, Resolver: noBoolResolver,
		Doc: "Returns the lowest common multiple of |x1| and |x2|."})
)

func init() {
	alias("divide", Divide)
	alias("mod", Remainder)
	alias("abs", Absolute)
	alias("conj", Conjugate)

	registerTypes(Add, "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g FF->F DD->D GG->G Mm->M mm->m mM->M OO->O",
		func(sig string) Loop {
			switch sig[0] {
			case '?':
				return reduceWith(Binary(func(a, b bool) bool { return a || b }), func(a, b bool) bool { return a || b })
			case 'e':
				return addHalfLoop
			case 'F':
				return addComplexLoop[complex64, float32]
			case 'D':
				return addComplexLoop[complex128, float64]
			}
			return realLoop(sig[0], loopsOf{addLoop[int8], addLoop[uint8], addLoop[int16], addLoop[uint16],
				addLoop[int32], addLoop[uint32], addLoop[int64], addLoop[uint64], addLoop[float32], addFloat64})
		})
	registerTypes(Subtract, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g FF->F DD->D GG->G Mm->M mm->m MM->m OO->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'e':
				return halfBinary(func(a, b float32) float32 { return a - b })
			case 'F':
				return subLoop[complex64]
			case 'D':
				return subLoop[complex128]
			}
			return realLoop(sig[0], loopsOf{subLoop[int8], subLoop[uint8], subLoop[int16], subLoop[uint16],
				subLoop[int32], subLoop[uint32], subLoop[int64], subLoop[uint64], subLoop[float32], subFloat64})
		})
	registerTypes(Multiply, "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g FF->F DD->D GG->G mq->m qm->m md->m dm->m OO->O",
		func(sig string) Loop {
			switch sig[0] {
			case '?':
				return reduceWith(Binary(func(a, b bool) bool { return a && b }), func(a, b bool) bool { return a && b })
			case 'e':
				mul := func(a, b float32) float32 { return a * b }
				return reduceWith(halfBinary(mul), func(a, b float16.Float16) float16.Float16 { return half(a.Float32() * b.Float32()) })
			case 'F':
				return reduceWith(Binary(cmul64), cmul64)
			case 'D':
				return reduceWith(Binary(cmul128), cmul128)
			}
			return realLoop(sig[0], loopsOf{mulLoop[int8], mulLoop[uint8], mulLoop[int16], mulLoop[uint16],
				mulLoop[int32], mulLoop[uint32], mulLoop[int64], mulLoop[uint64], mulLoop[float32], mulFloat64})
		})
	registerTypes(Divide, "ee->e ff->f dd->d gg->g FF->F DD->D GG->G mq->m md->m mm->d OO->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'e':
				return halfBinary(func(a, b float32) float32 { return a / b })
			case 'f':
				return divLoop[float32]
			case 'd':
				return divFloat64
			case 'F':
				return Binary(func(a, b complex64) complex64 {
					r, i := cdiv(real(a), imag(a), real(b), imag(b))
					return complex(r, i)
				})
			case 'D':
				return Binary(func(a, b complex128) complex128 {
					r, i := cdiv(real(a), imag(a), real(b), imag(b))
					return complex(r, i)
				})
			}
			return nil
		})
	registerTypes(FloorDivide, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g mq->m md->m mm->q OO->O",
		func(sig string) Loop {
			return byReal(sig[0], loopsOf{
				Binary(floorDivSigned[int8]), Binary(floorDivUnsigned[uint8]),
				Binary(floorDivSigned[int16]), Binary(floorDivUnsigned[uint16]),
				Binary(floorDivSigned[int32]), Binary(floorDivUnsigned[uint32]),
				Binary(floorDivSigned[int64]), Binary(floorDivUnsigned[uint64]),
				divFamilyLoop(&simdFloorDiv, floorDivFloat[float32]), divFamilyLoop(&simdFloorDiv, floorDivFloat[float64])},
				halfBinary(floorDivFloat[float32]))
		})
	registerTypes(Remainder, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g mm->m OO->O",
		func(sig string) Loop {
			return byReal(sig[0], loopsOf{
				Binary(remSigned[int8]), Binary(remUnsigned[uint8]),
				Binary(remSigned[int16]), Binary(remUnsigned[uint16]),
				Binary(remSigned[int32]), Binary(remUnsigned[uint32]),
				Binary(remSigned[int64]), Binary(remUnsigned[uint64]),
				divFamilyLoop(&simdRem, remFloat[float32]), divFamilyLoop(&simdRem, remFloat[float64])},
				halfBinary(remFloat[float32]))
		})
	registerTypes(Fmod, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g OO->O",
		func(sig string) Loop {
			return byReal(sig[0], loopsOf{
				Binary(fmodInt[int8]), Binary(fmodInt[uint8]),
				Binary(fmodInt[int16]), Binary(fmodInt[uint16]),
				Binary(fmodInt[int32]), Binary(fmodInt[uint32]),
				Binary(fmodInt[int64]), Binary(fmodInt[uint64]),
				divFamilyLoop(&simdFmod, fmodFloat[float32]), divFamilyLoop(&simdFmod, fmodFloat[float64])},
				halfBinary(fmodFloat[float32]))
		})
	registerTypes(Divmod, "bb->bb BB->BB hh->hh HH->HH ii->ii II->II ll->ll LL->LL qq->qq QQ->QQ ee->ee ff->ff dd->dd gg->gg mm->qm",
		func(sig string) Loop {
			return byReal(sig[0], loopsOf{
				BinaryTwo(divmodSigned[int8]), BinaryTwo(divmodUnsigned[uint8]),
				BinaryTwo(divmodSigned[int16]), BinaryTwo(divmodUnsigned[uint16]),
				BinaryTwo(divmodSigned[int32]), BinaryTwo(divmodUnsigned[uint32]),
				BinaryTwo(divmodSigned[int64]), BinaryTwo(divmodUnsigned[uint64]),
				divmodLoop[float32](), divmodLoop[float64]()},
				BinaryTwo(func(a, b float16.Float16) (float16.Float16, float16.Float16) {
					d, m := divmodFloat(a.Float32(), b.Float32())
					return half(d), half(m)
				}))
		})
	registerTypes(Power, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d ee->e ff->f dd->d gg->g FF->F DD->D GG->G OO->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'F':
				return Binary(func(a, b complex64) complex64 { return cpow64(a, b) })
			case 'D':
				return Binary(cpow128)
			}
			return byReal(sig[0], loopsOf{
				Binary(powInt[int8]), Binary(powInt[uint8]),
				Binary(powInt[int16]), Binary(powInt[uint16]),
				Binary(powInt[int32]), Binary(powInt[uint32]),
				Binary(powInt[int64]), Binary(powInt[uint64]),
				withRunS(Binary(func(a, b float32) float32 { return float32(simd.Pow(float64(a), float64(b))) }),
					via64Binary(simd.PowFloat64), via64Scalar(simd.PowFloat64Scalar)),
				withRunS(Binary(simd.Pow), powRun, powSRun)},
				halfBinary(func(a, b float32) float32 { return float32(simd.Pow(float64(a), float64(b))) }))
		})
	registerTypes(FloatPower, "dd->d gg->g DD->D GG->G", func(sig string) Loop {
		if sig[0] == 'd' {
			return withRunS(Binary(simd.Pow), powRun, powSRun)
		}
		return Binary(cpow128)
	})
	registerTypes(Negative, "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g m->m F->F D->D G->G O->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'F':
				return Unary(func(a complex64) complex64 { return -a })
			case 'D':
				return Unary(func(a complex128) complex128 { return -a })
			}
			return byReal(sig[0], loopsOf{
				negIntLoop[int8], negIntLoop[uint8], negIntLoop[int16], negIntLoop[uint16],
				negIntLoop[int32], negIntLoop[uint32], negIntLoop[int64], negIntLoop[uint64],
				unaryKernel(neg[float32], simd.NegateFloat32Unitary), unaryKernel(neg[float64], simd.NegateFloat64Unitary)},
				Unary(func(a float16.Float16) float16.Float16 { return a ^ 0x8000 }))
		})
	registerTypes(Positive, "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g m->m F->F D->D G->G O->O",
		func(sig string) Loop { return copyLoop(charTypes[sig[0]].Size()) })
	registerTypes(Absolute, "?->? b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g m->m F->f D->d G->g O->O",
		func(sig string) Loop {
			switch sig[0] {
			case '?':
				return copyLoop(1)
			case 'F':
				return Unary(func(a complex64) float32 { return cabs32(real(a), imag(a)) })
			case 'D':
				return Unary(func(a complex128) float64 { return math.Hypot(real(a), imag(a)) })
			}
			return byReal(sig[0], loopsOf{
				absIntLoop[int8], copyLoop(1), absIntLoop[int16], copyLoop(2),
				absIntLoop[int32], copyLoop(4), absIntLoop[int64], copyLoop(8),
				unaryKernel(func(a float32) float32 { return math.Float32frombits(math.Float32bits(a) &^ (1 << 31)) }, simd.AbsFloat32Unitary),
				unaryKernel(math.Abs, simd.AbsFloat64Unitary)},
				Unary(func(a float16.Float16) float16.Float16 { return a &^ 0x8000 }))
		})
	registerTypes(Sign, "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G m->m O->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'F':
				return Unary(func(a complex64) complex64 { return complex(csign(real(a), imag(a)), 0) })
			case 'D':
				return Unary(func(a complex128) complex128 { return complex(csign(real(a), imag(a)), 0) })
			}
			return byReal(sig[0], loopsOf{
				signIntLoop[int8], signIntLoop[uint8], signIntLoop[int16], signIntLoop[uint16],
				signIntLoop[int32], signIntLoop[uint32], signIntLoop[int64], signIntLoop[uint64],
				signFloatLoop[float32], signFloatLoop[float64]},
				Unary(func(a float16.Float16) float16.Float16 {
					switch {
					case a.IsNaN():
						return a
					case a&0x7fff == 0:
						return 0
					case a&0x8000 == 0:
						return 0x3c00
					}
					return 0xbc00
				}))
		})
	registerTypes(Square, "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G O->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'F':
				return Unary(func(a complex64) complex64 { return cmul64(a, a) })
			case 'D':
				return Unary(func(a complex128) complex128 { return cmul128(a, a) })
			}
			return byReal(sig[0], loopsOf{
				sqLoop[int8], sqLoop[uint8], sqLoop[int16], sqLoop[uint16],
				sqLoop[int32], sqLoop[uint32], sqLoop[int64], sqLoop[uint64],
				withRun1(sqLoop[float32], sqFloatRun[float32]), withRun1(sqLoop[float64], sqFloatRun[float64])},
				halfUnary(sq[float32]))
		})
	registerTypes(Reciprocal, "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G O->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'F':
				return Unary(func(a complex64) complex64 {
					r, i := crecip(real(a), imag(a))
					return complex(r, i)
				})
			case 'D':
				return Unary(func(a complex128) complex128 {
					r, i := crecip(real(a), imag(a))
					return complex(r, i)
				})
			}
			return byReal(sig[0], loopsOf{
				Unary(recipInt[int8](0)), Unary(recipInt[uint8](0)), Unary(recipInt[int16](0)), Unary(recipInt[uint16](0)),
				Unary(recipInt[int32](math.MinInt32)), Unary(recipInt[uint32](0)),
				Unary(recipInt[int64](math.MinInt64)), Unary(recipInt[uint64](0)),
				withRun1(Unary(func(a float32) float32 { return 1 / a }), recipRun[float32]),
				withRun1(Unary(func(a float64) float64 { return 1 / a }), recipRun[float64])},
				halfUnary(func(a float32) float32 { return 1 / a }))
		})
	registerTypes(Conjugate, "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G O->O",
		func(sig string) Loop {
			switch sig[0] {
			case 'F':
				return Unary(func(a complex64) complex64 { return complex(real(a), -imag(a)) })
			case 'D':
				return Unary(cmplx.Conj)
			}
			return copyLoop(charTypes[sig[0]].Size())
		})
	registerTypes(Gcd, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O",
		func(sig string) Loop {
			return byReal(sig[0], loopsOf{
				Binary(gcdSigned[int8, uint8]), Binary(gcdU[uint8]),
				Binary(gcdSigned[int16, uint16]), Binary(gcdU[uint16]),
				Binary(gcdSigned[int32, uint32]), Binary(gcdU[uint32]),
				Binary(gcdSigned[int64, uint64]), Binary(gcdU[uint64]), nil, nil}, nil)
		})
	registerTypes(Lcm, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O",
		func(sig string) Loop {
			return byReal(sig[0], loopsOf{
				Binary(lcmSigned[int8, uint8]), Binary(lcmU[uint8]),
				Binary(lcmSigned[int16, uint16]), Binary(lcmU[uint16]),
				Binary(lcmSigned[int32, uint32]), Binary(lcmU[uint32]),
				Binary(lcmSigned[int64, uint64]), Binary(lcmU[uint64]), nil, nil}, nil)
		})
}

// loopsOf lists one loop per real type, in the order int8, uint8, int16,
// uint16, int32, uint32, int64, uint64, float32, float64.
type loopsOf [10]Loop

// realLoop picks the loop for type character c from ls.
func realLoop(c byte, ls loopsOf) Loop {
	switch c {
	case 'b':
		return ls[0]
	case 'B':
		return ls[1]
	case 'h':
		return ls[2]
	case 'H':
		return ls[3]
	case 'i':
		return ls[4]
	case 'I':
		return ls[5]
	case 'l':
		return ls[6]
	case 'L':
		return ls[7]
	case 'f':
		return ls[8]
	case 'd':
		return ls[9]
	}
	return nil
}

// byReal is realLoop with a float16 loop for 'e'.
func byReal(c byte, ls loopsOf, halfLoop Loop) Loop {
	if c == 'e' {
		return halfLoop
	}
	return realLoop(c, ls)
}

// copyLoop copies elements of size bytes (positive, conjugate of reals).
func copyLoop(size int) Loop {
	switch size {
	case 1:
		return Unary(func(a uint8) uint8 { return a })
	case 2:
		return Unary(func(a uint16) uint16 { return a })
	case 4:
		return Unary(func(a uint32) uint32 { return a })
	case 8:
		return Unary(func(a uint64) uint64 { return a })
	}
	return Unary(func(a [2]uint64) [2]uint64 { return a })
}

// trueDivideResolver sends integer and bool inputs to the float64 loop,
// as NumPy's TrueDivisionTypeResolver.
func trueDivideResolver(u *Ufunc, in []dtype.DType, forced dtype.DType) ([]dtype.DType, []dtype.DType, error) {
	if forced.IsValid() || !allBoolOrInt(in) {
		return nil, nil, nil
	}
	return []dtype.DType{dtype.Float64, dtype.Float64}, nil, nil
}

// ---- complex helpers (NumPy's formulas; explicit conversions keep the
// compiler from fusing a multiply and an add) ----

func cmulParts[F floating](ar, ai, br, bi F) (F, F) {
	return F(ar*br) - F(ai*bi), F(ar*bi) + F(ai*br)
}

func cmul64(a, b complex64) complex64 {
	r, i := cmulParts(real(a), imag(a), real(b), imag(b))
	return complex(r, i)
}

func cmul128(a, b complex128) complex128 {
	r, i := cmulParts(real(a), imag(a), real(b), imag(b))
	return complex(r, i)
}

// cdiv is NumPy's complex division (Smith's method).
func cdiv[F floating](ar, ai, br, bi F) (F, F) {
	abr, abi := F(math.Abs(float64(br))), F(math.Abs(float64(bi)))
	if abr >= abi {
		if abr == 0 && abi == 0 {
			return ar / abr, ai / abi
		}
		rat := bi / br
		scl := 1 / (br + F(bi*rat))
		return (ar + F(ai*rat)) * scl, (ai - F(ar*rat)) * scl
	}
	rat := br / bi
	scl := 1 / (bi + F(br*rat))
	return (F(ar*rat) + ai) * scl, (F(ai*rat) - ar) * scl
}

// crecip is NumPy's complex reciprocal.
func crecip[F floating](r, i F) (F, F) {
	if math.Abs(float64(i)) <= math.Abs(float64(r)) {
		q := i / r
		d := r + F(i*q)
		return 1 / d, -q / d
	}
	q := r / i
	d := F(r*q) + i
	return q / d, -1 / d
}

// cabs32 is hypotf: computed in float64, where it cannot overflow, and
// rounded once.
func cabs32(r, i float32) float32 {
	if math.IsInf(float64(r), 0) || math.IsInf(float64(i), 0) {
		return float32(math.Inf(1))
	}
	x, y := float64(r), float64(i)
	return float32(math.Sqrt(x*x + y*y))
}

// csign is NumPy 1.x's sign of a complex number: 1 or -1 by the
// lexicographic order against 0, 0 for 0, NaN otherwise.
func csign[F floating](r, i F) F {
	switch {
	case cgt(r, i, 0, 0):
		return 1
	case clt(r, i, 0, 0):
		return -1
	case r == 0 && i == 0:
		return 0
	}
	return F(math.NaN())
}

// cpowParts is NumPy's npy_cpow: exact small integer powers by repeated
// multiplication, otherwise the C library's cpow.
func cpowParts[F floating](ar, ai, br, bi F, general func() (F, F)) (F, F) {
	if br == 0 && bi == 0 {
		return 1, 0
	}
	if ar == 0 && ai == 0 {
		if br > 0 && bi == 0 {
			return 0, 0
		}
		nan := F(math.NaN())
		return nan, nan
	}
	if bi == 0 && br == F(math.Trunc(float64(br))) && math.Abs(float64(br)) < 1<<62 {
		n := int64(br)
		switch {
		case n == 1:
			return ar, ai
		case n == 2:
			return cmulParts(ar, ai, ar, ai)
		case n == 3:
			r, i := cmulParts(ar, ai, ar, ai)
			return cmulParts(ar, ai, r, i)
		case n > -100 && n < 100:
			if n < 0 {
				n = -n
			}
			aar, aai := F(1), F(0)
			pr, pi := ar, ai
			mask := int64(1)
			for {
				if n&mask != 0 {
					aar, aai = cmulParts(aar, aai, pr, pi)
				}
				mask <<= 1
				if n < mask || mask <= 0 {
					break
				}
				pr, pi = cmulParts(pr, pi, pr, pi)
			}
			if br < 0 {
				return cdiv(1, 0, aar, aai)
			}
			return aar, aai
		}
	}
	return general()
}

func cpow128(a, b complex128) complex128 {
	r, i := cpowParts(real(a), imag(a), real(b), imag(b), func() (float64, float64) {
		if imag(a) == 0 && imag(b) == 0 && real(a) > 0 && !math.IsInf(float64(real(a)), 0) {
			return simd.Pow(real(a), real(b)), 0 // cexp(b·clog(a)) of reals
		}
		c := cmplx.Pow(a, b)
		return real(c), imag(c)
	})
	return complex(r, i)
}

func cpow64(a, b complex64) complex64 {
	r, i := cpowParts(real(a), imag(a), real(b), imag(b), func() (float32, float32) {
		if imag(a) == 0 && imag(b) == 0 && real(a) > 0 && !math.IsInf(float64(real(a)), 0) {
			return float32(simd.Pow(float64(real(a)), float64(real(b)))), 0
		}
		c := cmplx.Pow(complex128(a), complex128(b))
		return float32(real(c)), float32(imag(c))
	})
	return complex(r, i)
}

// ---- integer and float division ----

// floorDivSigned is NumPy's signed floor division: 0 for a zero divisor,
// MinInt // -1 wraps to MinInt (Go's division already does).
func floorDivSigned[T signedInt](a, b T) T {
	if b == 0 {
		return 0
	}
	q := a / b
	if (a > 0) != (b > 0) && q*b != a {
		q--
	}
	return q
}

func floorDivUnsigned[T unsignedInt](a, b T) T {
	if b == 0 {
		return 0
	}
	return a / b
}

// remSigned is Python's remainder, with the sign of the divisor; 0 for a
// zero divisor.
func remSigned[T signedInt](a, b T) T {
	if b == 0 {
		return 0
	}
	r := a % b
	if (a > 0) == (b > 0) || r == 0 {
		return r
	}
	return r + b
}

func remUnsigned[T unsignedInt](a, b T) T {
	if b == 0 {
		return 0
	}
	return a % b
}

func divmodSigned[T signedInt](a, b T) (T, T) {
	return floorDivSigned(a, b), remSigned(a, b)
}

func divmodUnsigned[T unsignedInt](a, b T) (T, T) {
	return floorDivUnsigned(a, b), remUnsigned(a, b)
}

// fmodInt is C's truncating remainder, 0 for a zero divisor.
func fmodInt[T integer](a, b T) T {
	if b == 0 {
		return 0
	}
	return a % b
}

// fmodFloat is C's fmod, exact at either width (simd.Fmod, the twin of
// the fmod kernels).
func fmodFloat[F floating](a, b F) F { return F(simd.Fmod(float64(a), float64(b))) }

// divmodFloat is NumPy's npy_divmod: the floor quotient and the remainder
// with the sign of the divisor, computed in F (simd's DivModFloat64 and
// DivModFloat32, the twins of the floor division and remainder kernels).
func divmodFloat[F floating](a, b F) (F, F) {
	if a32, ok := any(a).(float32); ok {
		d, m := simd.DivModFloat32(a32, any(b).(float32))
		return F(d), F(m)
	}
	d, m := simd.DivModFloat64(float64(a), float64(b))
	return F(d), F(m)
}

// floorDivFloat is NumPy's npy_floor_divide.
func floorDivFloat[F floating](a, b F) F {
	if b == 0 {
		return a / b
	}
	d, _ := divmodFloat(a, b)
	return d
}

// remFloat is NumPy's npy_remainder.
func remFloat[F floating](a, b F) F {
	if b == 0 {
		return fmodFloat(a, b)
	}
	_, m := divmodFloat(a, b)
	return m
}

// ---- power ----

// powInt is NumPy's integer power by repeated squaring, wrapping on
// overflow. Negative exponents are refused before the loop runs
// (checkPowerArgs); here they give 0 (1 or ±1 for bases 1 and -1).
func powInt[T integer](a, b T) T {
	if b == 0 || a == 1 {
		return 1
	}
	if b < 0 {
		if a == ^T(0) { // -1 for signed types
			if b&1 != 0 {
				return a
			}
			return 1
		}
		return 0
	}
	out := T(1)
	if b&1 != 0 {
		out = a
	}
	b >>= 1
	for b > 0 {
		a *= a
		if b&1 != 0 {
			out *= a
		}
		b >>= 1
	}
	return out
}

// checkPowerArgs refuses integer inputs with a negative integer exponent,
// as NumPy's integer power loops do ("Integers to negative integer powers
// are not allowed.").
func checkPowerArgs(in []*ndarray.Array, loopIn []dtype.DType) error {
	// only signed integer loops refuse negative exponents
	if loopIn[1].Kind() != dtype.KindInt {
		return nil
	}
	e := in[1]
	switch e.DType().Kind() {
	case dtype.KindBool, dtype.KindUint:
		return nil
	}
	neg := false
	eachInt(e, func(v int64) {
		if v < 0 {
			neg = true
		}
	})
	if neg {
		return &ndarray.ValueError{Op: "power", Msg: "integers to negative integer powers are not allowed"}
	}
	return nil
}

// eachInt calls f with every element of a signed integer array.
func eachInt(a *ndarray.Array, f func(int64)) {
	if a.Size() == 0 {
		return
	}
	c := a
	if !a.DType().IsNative() {
		n, err := a.AsType(a.DType().Native(), dtype.Unsafe)
		if err != nil {
			return
		}
		c = n
	}
	sz := c.DType().Size()
	get := func(p unsafe.Pointer) int64 {
		switch sz {
		case 1:
			return int64(*(*int8)(p))
		case 2:
			return int64(*(*int16)(p))
		case 4:
			return int64(*(*int32)(p))
		}
		return *(*int64)(p)
	}
	base := basePtr(c)
	shape, strides := c.Shape(), c.Strides()
	var idx [MaxDims]int
	nd := len(shape)
	for {
		off := 0
		for k := range nd {
			off += idx[k] * strides[k]
		}
		f(get(unsafe.Add(base, off)))
		k := nd - 1
		for ; k >= 0; k-- {
			idx[k]++
			if idx[k] < shape[k] {
				break
			}
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// ---- unary ----

func neg[T realNum](a T) T { return -a }

func sq[T realNum](a T) T { return a * a }

func absInt[T signedInt](a T) T {
	if a < 0 {
		return -a
	}
	return a
}

func signOf[T integer](a T) T {
	switch {
	case a > 0:
		return 1
	case a < 0:
		return ^T(0) // -1
	}
	return 0
}

// signFloat is NumPy's float sign: ±1, 0 for ±0, NaN for NaN.
func signFloat[F floating](a F) F {
	switch {
	case a > 0:
		return 1
	case a < 0:
		return -1
	case a == 0:
		return 0
	}
	return a
}

// recipInt is NumPy's integer reciprocal, 1.0/x converted back: 0 except
// for ±1, and at zero what x86's conversion of Inf gives (zero).
func recipInt[T integer](zero T) func(T) T {
	return func(a T) T {
		switch {
		case a == 0:
			return zero
		case a == 1:
			return 1
		case a == ^T(0) && a < 0: // -1
			return a
		}
		return 0
	}
}

// ---- gcd / lcm ----

func gcdU[U unsignedInt](a, b U) U {
	for a != 0 {
		a, b = b%a, a
	}
	return b
}

func lcmU[U unsignedInt](a, b U) U {
	g := gcdU(a, b)
	if g == 0 {
		return 0
	}
	return a / g * b
}

func uabs[T signedInt, U unsignedInt](a T) U {
	if a < 0 {
		return U(-a)
	}
	return U(a)
}

func gcdSigned[T signedInt, U unsignedInt](a, b T) T {
	return T(gcdU(uabs[T, U](a), uabs[T, U](b)))
}

func lcmSigned[T signedInt, U unsignedInt](a, b T) T {
	return T(lcmU(uabs[T, U](a), uabs[T, U](b)))
}
