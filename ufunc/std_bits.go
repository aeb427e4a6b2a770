package ufunc

// The bitwise ufuncs.
var (
	// BitwiseAnd is x1 & x2 (NumPy's bitwise_and).
	BitwiseAnd = define(Spec{Name: "bitwise_and", NIn: 2, NOut: 1, Identity: IdentityAllOnes, Reorderable: true,
		Doc: "Compute the bit-wise AND of two arrays element-wise."})
	// BitwiseOr is x1 | x2 (NumPy's bitwise_or).
	BitwiseOr = define(Spec{Name: "bitwise_or", NIn: 2, NOut: 1, Identity: IdentityOf(0), Reorderable: true,
		Doc: "Compute the bit-wise OR of two arrays element-wise."})
	// BitwiseXor is x1 ^ x2 (NumPy's bitwise_xor).
	BitwiseXor = define(Spec{Name: "bitwise_xor", NIn: 2, NOut: 1, Identity: IdentityOf(0), Reorderable: true,
		Doc: "Compute the bit-wise XOR of two arrays element-wise."})
	// Invert is the bit-wise NOT, logical NOT for booleans (NumPy's
	// invert).
	Invert = define(Spec{Name: "invert", NIn: 1, NOut: 1,
		Doc: "Compute bit-wise inversion, or bit-wise NOT, element-wise."})
	// LeftShift shifts the bits of x1 left by x2 (NumPy's left_shift);
	// shifts by the bit width or more, or by negative counts, give 0.
	LeftShift = define(Spec{Name: "left_shift", NIn: 2, NOut: 1,
		Doc: "Shift the bits of an integer to the left."})
	// RightShift shifts the bits of x1 right by x2, arithmetically for
	// signed types (NumPy's right_shift); shifts by the bit width or more,
	// or by negative counts, give 0 (-1 for negative x1).
	RightShift = define(Spec{Name: "right_shift", NIn: 2, NOut: 1,
		Doc: "Shift the bits of an integer to the right."})
)

func bitAnd[T integer](a, b T) T { return a & b }
func bitOr[T integer](a, b T) T  { return a | b }
func bitXor[T integer](a, b T) T { return a ^ b }
func bitNot[T integer](a T) T    { return ^a }

// bitWidth returns the number of bits of T.
func bitWidth[T integer]() uint64 { return uint64(sizeOf[T]()) * 8 }

// shl is NumPy's npy_lshift: 0 when the count, taken as unsigned, is not
// below the bit width.
func shl[T integer](a, b T) T {
	if uint64(b) < bitWidth[T]() && b >= 0 {
		return a << uint64(b)
	}
	return 0
}

// shr is NumPy's npy_rshift: for counts not below the bit width, -1 for
// negative a (the sign fills), else 0.
func shr[T integer](a, b T) T {
	if uint64(b) < bitWidth[T]() && b >= 0 {
		return a >> uint64(b)
	}
	if a < 0 {
		return ^T(0)
	}
	return 0
}

// intLoops picks among loops for the eight integer types by type character.
func intLoops(c byte, l8 Loop, lu8 Loop, l16, lu16, l32, lu32, l64, lu64 Loop) Loop {
	return realLoop(c, loopsOf{l8, lu8, l16, lu16, l32, lu32, l64, lu64})
}

func init() {
	const bitTypes = "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"
	registerTypes(BitwiseAnd, bitTypes, func(sig string) Loop {
		if sig[0] == '?' {
			f := func(a, b bool) bool { return a && b }
			return reduceWith(Binary(f), f)
		}
		return intLoops(sig[0], Binary(bitAnd[int8]), Binary(bitAnd[uint8]), Binary(bitAnd[int16]), Binary(bitAnd[uint16]),
			Binary(bitAnd[int32]), Binary(bitAnd[uint32]), Binary(bitAnd[int64]), Binary(bitAnd[uint64]))
	})
	registerTypes(BitwiseOr, bitTypes, func(sig string) Loop {
		if sig[0] == '?' {
			f := func(a, b bool) bool { return a || b }
			return reduceWith(Binary(f), f)
		}
		return intLoops(sig[0], Binary(bitOr[int8]), Binary(bitOr[uint8]), Binary(bitOr[int16]), Binary(bitOr[uint16]),
			Binary(bitOr[int32]), Binary(bitOr[uint32]), Binary(bitOr[int64]), Binary(bitOr[uint64]))
	})
	registerTypes(BitwiseXor, bitTypes, func(sig string) Loop {
		if sig[0] == '?' {
			f := func(a, b bool) bool { return a != b }
			return reduceWith(Binary(f), f)
		}
		return intLoops(sig[0], Binary(bitXor[int8]), Binary(bitXor[uint8]), Binary(bitXor[int16]), Binary(bitXor[uint16]),
			Binary(bitXor[int32]), Binary(bitXor[uint32]), Binary(bitXor[int64]), Binary(bitXor[uint64]))
	})
	registerTypes(Invert, "?->? b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q O->O", func(sig string) Loop {
		if sig[0] == '?' {
			return Unary(func(a bool) bool { return !a })
		}
		return intLoops(sig[0], Unary(bitNot[int8]), Unary(bitNot[uint8]), Unary(bitNot[int16]), Unary(bitNot[uint16]),
			Unary(bitNot[int32]), Unary(bitNot[uint32]), Unary(bitNot[int64]), Unary(bitNot[uint64]))
	})
	const shiftTypes = "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"
	registerTypes(LeftShift, shiftTypes, func(sig string) Loop {
		return intLoops(sig[0], Binary(shl[int8]), Binary(shl[uint8]), Binary(shl[int16]), Binary(shl[uint16]),
			Binary(shl[int32]), Binary(shl[uint32]), Binary(shl[int64]), Binary(shl[uint64]))
	})
	registerTypes(RightShift, shiftTypes, func(sig string) Loop {
		return intLoops(sig[0], Binary(shr[int8]), Binary(shr[uint8]), Binary(shr[int16]), Binary(shr[uint16]),
			Binary(shr[int32]), Binary(shr[uint32]), Binary(shr[int64]), Binary(shr[uint64]))
	})
}
