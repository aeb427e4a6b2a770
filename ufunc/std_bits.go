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
		return intLoops(sig[0], withRunS(Binary(bitAnd[int8]), andRun[int8], andSRun[int8]), withRunS(Binary(bitAnd[uint8]), andRun[uint8], andSRun[uint8]), withRunS(Binary(bitAnd[int16]), andRun[int16], andSRun[int16]), withRunS(Binary(bitAnd[uint16]), andRun[uint16], andSRun[uint16]), withRunS(Binary(bitAnd[int32]), andRun[int32], andSRun[int32]), withRunS(Binary(bitAnd[uint32]), andRun[uint32], andSRun[uint32]), withRunS(Binary(bitAnd[int64]), andRun[int64], andSRun[int64]), withRunS(Binary(bitAnd[uint64]), andRun[uint64], andSRun[uint64]))
	})
	registerTypes(BitwiseOr, bitTypes, func(sig string) Loop {
		if sig[0] == '?' {
			f := func(a, b bool) bool { return a || b }
			return reduceWith(withRun(Binary(f), orBoolRun), f)
		}
		return intLoops(sig[0], withRunS(Binary(bitOr[int8]), orRun[int8], orSRun[int8]), withRunS(Binary(bitOr[uint8]), orRun[uint8], orSRun[uint8]), withRunS(Binary(bitOr[int16]), orRun[int16], orSRun[int16]), withRunS(Binary(bitOr[uint16]), orRun[uint16], orSRun[uint16]), withRunS(Binary(bitOr[int32]), orRun[int32], orSRun[int32]), withRunS(Binary(bitOr[uint32]), orRun[uint32], orSRun[uint32]), withRunS(Binary(bitOr[int64]), orRun[int64], orSRun[int64]), withRunS(Binary(bitOr[uint64]), orRun[uint64], orSRun[uint64]))
	})
	registerTypes(BitwiseXor, bitTypes, func(sig string) Loop {
		if sig[0] == '?' {
			f := func(a, b bool) bool { return a != b }
			return reduceWith(withRun(Binary(f), xorBoolRun), f)
		}
		return intLoops(sig[0], withRunS(Binary(bitXor[int8]), xorRun[int8], xorSRun[int8]), withRunS(Binary(bitXor[uint8]), xorRun[uint8], xorSRun[uint8]), withRunS(Binary(bitXor[int16]), xorRun[int16], xorSRun[int16]), withRunS(Binary(bitXor[uint16]), xorRun[uint16], xorSRun[uint16]), withRunS(Binary(bitXor[int32]), xorRun[int32], xorSRun[int32]), withRunS(Binary(bitXor[uint32]), xorRun[uint32], xorSRun[uint32]), withRunS(Binary(bitXor[int64]), xorRun[int64], xorSRun[int64]), withRunS(Binary(bitXor[uint64]), xorRun[uint64], xorSRun[uint64]))
	})
	registerTypes(Invert, "?->? b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q O->O", func(sig string) Loop {
		if sig[0] == '?' {
			return withRun1(Unary(func(a bool) bool { return !a }), notBoolRun)
		}
		return intLoops(sig[0], withRun1(Unary(bitNot[int8]), notRun[int8]), withRun1(Unary(bitNot[uint8]), notRun[uint8]), withRun1(Unary(bitNot[int16]), notRun[int16]), withRun1(Unary(bitNot[uint16]), notRun[uint16]), withRun1(Unary(bitNot[int32]), notRun[int32]), withRun1(Unary(bitNot[uint32]), notRun[uint32]), withRun1(Unary(bitNot[int64]), notRun[int64]), withRun1(Unary(bitNot[uint64]), notRun[uint64]))
	})
	const shiftTypes = "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"
	registerTypes(LeftShift, shiftTypes, func(sig string) Loop {
		return intLoops(sig[0], withRunS(Binary(shl[int8]), shlRun[int8], shlSRun[int8]), withRunS(Binary(shl[uint8]), shlRun[uint8], shlSRun[uint8]), withRunS(Binary(shl[int16]), shlRun[int16], shlSRun[int16]), withRunS(Binary(shl[uint16]), shlRun[uint16], shlSRun[uint16]), withRunS(Binary(shl[int32]), shlRun[int32], shlSRun[int32]), withRunS(Binary(shl[uint32]), shlRun[uint32], shlSRun[uint32]), withRunS(Binary(shl[int64]), shlRun[int64], shlSRun[int64]), withRunS(Binary(shl[uint64]), shlRun[uint64], shlSRun[uint64]))
	})
	registerTypes(RightShift, shiftTypes, func(sig string) Loop {
		return intLoops(sig[0], withRunS(Binary(shr[int8]), shrRun[int8], shrSRun[int8]), withRunS(Binary(shr[uint8]), shrRun[uint8], shrSRun[uint8]), withRunS(Binary(shr[int16]), shrRun[int16], shrSRun[int16]), withRunS(Binary(shr[uint16]), shrRun[uint16], shrSRun[uint16]), withRunS(Binary(shr[int32]), shrRun[int32], shrSRun[int32]), withRunS(Binary(shr[uint32]), shrRun[uint32], shrSRun[uint32]), withRunS(Binary(shr[int64]), shrRun[int64], shrSRun[int64]), withRunS(Binary(shr[uint64]), shrRun[uint64], shrSRun[uint64]))
	})
}
