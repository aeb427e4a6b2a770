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
			return reduceWith(withRun(Binary(f), andBoolRun), f)
		}
		return intLoops(sig[0], withRun(Binary(bitAnd[int8]), andRun[int8]), withRun(Binary(bitAnd[uint8]), andRun[uint8]), withRun(Binary(bitAnd[int16]), andRun[int16]), withRun(Binary(bitAnd[uint16]), andRun[uint16]), withRun(Binary(bitAnd[int32]), andRun[int32]), withRun(Binary(bitAnd[uint32]), andRun[uint32]), withRun(Binary(bitAnd[int64]), andRun[int64]), withRun(Binary(bitAnd[uint64]), andRun[uint64]))
	})
	registerTypes(BitwiseOr, bitTypes, func(sig string) Loop {
		if sig[0] == '?' {
			f := func(a, b bool) bool { return a || b }
			return reduceWith(withRun(Binary(f), orBoolRun), f)
		}
		return intLoops(sig[0], withRun(Binary(bitOr[int8]), orRun[int8]), withRun(Binary(bitOr[uint8]), orRun[uint8]), withRun(Binary(bitOr[int16]), orRun[int16]), withRun(Binary(bitOr[uint16]), orRun[uint16]), withRun(Binary(bitOr[int32]), orRun[int32]), withRun(Binary(bitOr[uint32]), orRun[uint32]), withRun(Binary(bitOr[int64]), orRun[int64]), withRun(Binary(bitOr[uint64]), orRun[uint64]))
	})
	registerTypes(BitwiseXor, bitTypes, func(sig string) Loop {
		if sig[0] == '?' {
			f := func(a, b bool) bool { return a != b }
			return reduceWith(withRun(Binary(f), xorBoolRun), f)
		}
		return intLoops(sig[0], withRun(Binary(bitXor[int8]), xorRun[int8]), withRun(Binary(bitXor[uint8]), xorRun[uint8]), withRun(Binary(bitXor[int16]), xorRun[int16]), withRun(Binary(bitXor[uint16]), xorRun[uint16]), withRun(Binary(bitXor[int32]), xorRun[int32]), withRun(Binary(bitXor[uint32]), xorRun[uint32]), withRun(Binary(bitXor[int64]), xorRun[int64]), withRun(Binary(bitXor[uint64]), xorRun[uint64]))
	})
	registerTypes(Invert, "?->? b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q O->O", func(sig string) Loop {
		if sig[0] == '?' {
			return withRun1(Unary(func(a bool) bool { return !a }), notBoolRun)
		}
		return intLoops(sig[0], withRun1(Unary(bitNot[int8]), notRun[int8]), withRun1(Unary(bitNot[uint8]), notRun[uint8]), withRun1(Unary(bitNot[int16]), notRun[int16]), withRun1(Unary(bitNot[uint16]), notRun[uint16]), withRun1(Unary(bitNot[int32]), notRun[int32]), withRun1(Unary(bitNot[uint32]), notRun[uint32]), withRun1(Unary(bitNot[int64]), notRun[int64]), withRun1(Unary(bitNot[uint64]), notRun[uint64]))
	})
	const shiftTypes = "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"
	registerTypes(LeftShift, shiftTypes, func(sig string) Loop {
		return intLoops(sig[0], withRun(Binary(shl[int8]), shlRun[int8]), withRun(Binary(shl[uint8]), shlRun[uint8]), withRun(Binary(shl[int16]), shlRun[int16]), withRun(Binary(shl[uint16]), shlRun[uint16]), withRun(Binary(shl[int32]), shlRun[int32]), withRun(Binary(shl[uint32]), shlRun[uint32]), withRun(Binary(shl[int64]), shlRun[int64]), withRun(Binary(shl[uint64]), shlRun[uint64]))
	})
	registerTypes(RightShift, shiftTypes, func(sig string) Loop {
		return intLoops(sig[0], withRun(Binary(shr[int8]), shrRun[int8]), withRun(Binary(shr[uint8]), shrRun[uint8]), withRun(Binary(shr[int16]), shrRun[int16]), withRun(Binary(shr[uint16]), shrRun[uint16]), withRun(Binary(shr[int32]), shrRun[int32]), withRun(Binary(shr[uint32]), shrRun[uint32]), withRun(Binary(shr[int64]), shrRun[int64]), withRun(Binary(shr[uint64]), shrRun[uint64]))
	})
}
