package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The AVX2 block kernels added for reductions, integer arithmetic and
// conversions. Each handles a whole number of unrolled vectors (its doc
// comment states the multiple); the Go wrapper in package simd does the
// tail, so the assembly has no scalar tail to get wrong. The AVX-512
// integer arithmetic (genIntBinaryAVX512) takes any length, its tail
// masked as in genBinary.

func genMore() {
	for _, e := range []elem{f64, f32} {
		genExtremeBlock(e, true)
		genExtremeBlock(e, false)
	}
	for _, v := range []isa{avx2, avx512} {
		for _, size := range []int{4, 8} {
			genIntExtremeBlock(v, size, true)
			genIntExtremeBlock(v, size, false)
		}
	}
	for _, v := range []isa{avx2, avx512} {
		genIntUnary(v, "negateInt32", "NegateInt32Unitary", 4, intNegate(v, 4))
		genIntUnary(v, "negateInt64", "NegateInt64Unitary", 8, intNegate(v, 8))
		genIntUnary(v, "absInt32", "AbsInt32Unitary", 4, func() func(Op, VecVirtual) {
			return func(src Op, dst VecVirtual) { VPABSD(src, dst) }
		})
		genIntUnary(v, "absInt64", "AbsInt64Unitary", 8, intAbs64(v))
	}
	for _, v := range []isa{avx2, avx512} {
		for _, size := range []int{4, 8} {
			for _, op := range []string{"add", "sub", "rsub", "mul", "max", "min"} {
				if op == "mul" && size == 8 && v.Bytes == 32 {
					continue // VPMULLQ is AVX-512DQ
				}
				genIntScalar(v, op, size)
			}
		}
	}
	for _, op := range []string{"and", "or", "xor", "not"} {
		genBool(avx2, op) // both implementations': the AVX-512 form of VPMINUB is AVX512BW
	}
	genSumInt8Block()
	genSumInt16Block()
	genSumInt32Block()
	genSumInt64Block()
	for _, op := range []struct {
		name, goType string
		size         int
		f            func(...Op) // the AVX-512 instruction
		avx2         func(...Op) // the AVX2 one, nil for none
	}{
		{"addInt32", "int32", 4, VPADDD, VPADDD},
		{"subInt32", "int32", 4, VPSUBD, VPSUBD},
		{"mulInt32", "int32", 4, VPMULLD, VPMULLD},
		{"maxInt32", "int32", 4, VPMAXSD, VPMAXSD},
		{"minInt32", "int32", 4, VPMINSD, VPMINSD},
		{"addInt64", "int64", 8, VPADDQ, VPADDQ},
		{"subInt64", "int64", 8, VPSUBQ, VPSUBQ},
		{"mulInt64", "int64", 8, VPMULLQ, nil}, // AVX512DQ; AVX2 has no 64-bit multiply
		{"maxInt64", "int64", 8, VPMAXSQ, pickInt64(true)},
		{"minInt64", "int64", 8, VPMINSQ, pickInt64(false)},
	} {
		for _, nt := range []bool{false, true} {
			if op.avx2 != nil {
				genIntBinary(op.name, op.goType, op.size, op.avx2, nt)
			}
			genIntBinaryAVX512(op.name, op.goType, op.size, op.f, nt)
		}
	}
	genConvert("convertFloat64ToFloat32AVX2", "func(dst []float32, a []float64)", 8, 4, func(src, dst Mem, st storer) {
		x := XMM()
		VCVTPD2PSY(src, x)
		st("PS", x, dst)
	})
	genConvert("convertFloat32ToFloat16F16C", "func(dst []uint16, a []float32)", 4, 2, func(src, dst Mem, st storer) {
		y := YMM()
		VMOVUPS(src, y)
		h := XMM()
		VCVTPS2PH(U8(0), y, h) // round to nearest even
		st("DQ", h, dst)
	})
	genConvert("convertFloat16ToFloat32F16C", "func(dst []float32, a []uint16)", 2, 4, func(src, dst Mem, st storer) {
		y := YMM()
		VCVTPH2PS(src, y)
		st("PS", y, dst)
	})
}

// genExtremeBlock emits maxBlock<T>AVX2 / minBlock<T>AVX2: the maximum
// (minimum) of the non-NaN elements of a and whether a holds a NaN;
// len(a) is a positive multiple of four vectors. The sign of a zero
// result is unspecified (the wrapper fixes it).
func genExtremeBlock(e elem, isMax bool) {
	op, nm := "VMAX", "max"
	if !isMax {
		op, nm = "VMIN", "min"
	}
	name := fmt.Sprintf("%sBlock%sAVX2", nm, e.Name)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a []%s) (m %s, nan bool)", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the block kernel of %s%s for AVX2: len(a) is a positive multiple of %d.", name, map[bool]string{true: "Max", false: "Min"}[isMax], e.Name, 4*avx2.lanes(e)))
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	L := avx2.lanes(e)
	var acc [4]VecVirtual
	for u := range 4 {
		acc[u] = YMM()
		I("VMOVU"+e.P, Mem{Base: a}.Offset(u*L*e.Size), acc[u])
	}
	nan := YMM()
	I("VXOR"+e.P, nan, nan, nan)
	for u := range 4 { // NaNs in the first vectors, before VMAX drops them
		t := YMM()
		I("VCMP"+e.P, U8(3), acc[u], acc[u], t)
		VORPD(t, nan, nan)
	}
	i := GP64()
	MOVQ(U32(4*L), i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_reduce"))
	for u := range 4 {
		x, t := YMM(), YMM()
		I("VMOVU"+e.P, at(e, a, i).Offset(u*L*e.Size), x)
		I("VCMP"+e.P, U8(3), x, x, t)
		VORPD(t, nan, nan)
		I(op+e.P, x, acc[u], acc[u])
	}
	ADDQ(U32(4*L), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_reduce")
	I(op+e.P, acc[1], acc[0], acc[0])
	I(op+e.P, acc[3], acc[2], acc[2])
	I(op+e.P, acc[2], acc[0], acc[0])
	x := acc[0].AsX()
	hReduce(op, e, acc[0], x)
	f := GP8()
	VPTEST(nan, nan)
	SETNE(f)
	VZEROUPPER()
	Store(x, ReturnIndex(0))
	Store(f, ReturnIndex(1))
	RET()
}

// hsumQ returns the sum of the four int64 lanes of y in a general
// register.
func hsumQ(y VecVirtual) Register {
	x := y.AsX()
	hi := XMM()
	VEXTRACTI128(U8(1), y, hi)
	VPADDQ(hi, x, x)
	VPSHUFD(U8(0x4e), x, hi)
	VPADDQ(hi, x, x)
	r := GP64()
	VMOVQ(x, r)
	return r
}

// genSumInt8Block emits sumBlockInt8AVX2: Σ a[i] in int64 with
// len(a) a multiple of 64. Bytes are biased to unsigned (x ^ 0x80) and
// summed eight at a time into 64-bit lanes by VPSADBW; 128·n is taken
// off at the end.
func genSumInt8Block() {
	name := "sumBlockInt8AVX2"
	TEXT(name, NOSPLIT, "func(a []int8) int64")
	Doc(name + " is the block kernel of SumInt8ToInt64 for AVX2: len(a) is a multiple of 64.")
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	bias, zero, acc0, acc1 := YMM(), YMM(), YMM(), YMM()
	b := GP32()
	MOVL(U32(0x80808080), b)
	VMOVD(b, bias.AsX())
	VPBROADCASTD(bias.AsX(), bias)
	VPXOR(zero, zero, zero)
	VPXOR(acc0, acc0, acc0)
	VPXOR(acc1, acc1, acc1)
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	for u, acc := range []VecVirtual{acc0, acc1} {
		x := YMM()
		VPXOR(Mem{Base: a, Index: i, Scale: 1, Disp: 32 * u}, bias, x)
		VPSADBW(zero, x, x)
		VPADDQ(x, acc, acc)
	}
	ADDQ(U8(64), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VPADDQ(acc1, acc0, acc0)
	r := hsumQ(acc0)
	SHLQ(U8(7), n)
	SUBQ(n, r)
	VZEROUPPER()
	Store(r, ReturnIndex(0))
	RET()
}

// genSumInt16Block emits sumBlockInt16AVX2: Σ a[i] in int64 with len(a)
// a multiple of 32 and at most 1<<18. VPMADDWD by ones adds pairs into
// int32 lanes, which cannot overflow for that length; they are widened
// to int64 at the end.
func genSumInt16Block() {
	name := "sumBlockInt16AVX2"
	TEXT(name, NOSPLIT, "func(a []int16) int64")
	Doc(name + " is the block kernel of SumInt16ToInt64 for AVX2: len(a) is a multiple of 32, at most 1<<18.")
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	ones, acc0, acc1 := YMM(), YMM(), YMM()
	b := GP32()
	MOVL(U32(0x00010001), b)
	VMOVD(b, ones.AsX())
	VPBROADCASTD(ones.AsX(), ones)
	VPXOR(acc0, acc0, acc0)
	VPXOR(acc1, acc1, acc1)
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	for u, acc := range []VecVirtual{acc0, acc1} {
		x := YMM()
		VPMADDWD(Mem{Base: a, Index: i, Scale: 2, Disp: 32 * u}, ones, x)
		VPADDD(x, acc, acc)
	}
	ADDQ(U8(32), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VPADDD(acc1, acc0, acc0)
	hi := XMM()
	VEXTRACTI128(U8(1), acc0, hi)
	w0, w1 := YMM(), YMM()
	VPMOVSXDQ(acc0.AsX(), w0)
	VPMOVSXDQ(hi, w1)
	VPADDQ(w1, w0, w0)
	r := hsumQ(w0)
	VZEROUPPER()
	Store(r, ReturnIndex(0))
	RET()
}

// genSumInt32Block emits sumBlockInt32AVX2: Σ a[i] in int64, len(a) a
// multiple of 8, each element sign-extended by VPMOVSXDQ.
func genSumInt32Block() {
	name := "sumBlockInt32AVX2"
	TEXT(name, NOSPLIT, "func(a []int32) int64")
	Doc(name + " is the block kernel of SumInt32ToInt64 for AVX2: len(a) is a multiple of 8.")
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	acc0, acc1 := YMM(), YMM()
	VPXOR(acc0, acc0, acc0)
	VPXOR(acc1, acc1, acc1)
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	for u, acc := range []VecVirtual{acc0, acc1} {
		x := YMM()
		VPMOVSXDQ(Mem{Base: a, Index: i, Scale: 4, Disp: 16 * u}, x)
		VPADDQ(x, acc, acc)
	}
	ADDQ(U8(8), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VPADDQ(acc1, acc0, acc0)
	r := hsumQ(acc0)
	VZEROUPPER()
	Store(r, ReturnIndex(0))
	RET()
}

// genSumInt64Block emits sumBlockInt64AVX2: Σ a[i] (wrapping), len(a) a
// multiple of 8.
func genSumInt64Block() {
	name := "sumBlockInt64AVX2"
	TEXT(name, NOSPLIT, "func(a []int64) int64")
	Doc(name + " is the block kernel of SumInt64 for AVX2: len(a) is a multiple of 8.")
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	acc0, acc1 := YMM(), YMM()
	VPXOR(acc0, acc0, acc0)
	VPXOR(acc1, acc1, acc1)
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	VPADDQ(Mem{Base: a, Index: i, Scale: 8}, acc0, acc0)
	VPADDQ(Mem{Base: a, Index: i, Scale: 8, Disp: 32}, acc1, acc1)
	ADDQ(U8(8), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VPADDQ(acc1, acc0, acc0)
	r := hsumQ(acc0)
	VZEROUPPER()
	Store(r, ReturnIndex(0))
	RET()
}

// pickInt64 is the AVX2 form of VPMAXSQ (isMax) or VPMINSQ, which are
// AVX-512 only: a 64-bit signed compare and a blend. Its operands are
// those of the instruction (b, a, dst: dst = max(a, b)), b in memory.
func pickInt64(isMax bool) func(...Op) {
	return func(o ...Op) {
		b, a, dst := o[0], o[1], o[2]
		y, isReg := b.(VecVirtual)
		if !isReg {
			y = YMM()
			VMOVDQU(b, y)
		}
		gt := YMM()
		if isMax {
			VPCMPGTQ(y, a, gt) // a > b
		} else {
			VPCMPGTQ(a, y, gt) // b > a
		}
		VPBLENDVB(gt, a, y, dst) // a where gt, else b
	}
}

// intExtremeOp returns the instruction (or, for int64 on AVX2, the
// compare and blend of pickInt64) taking the lane-wise maximum or
// minimum of signed integers of size bytes: op(b, a, dst) sets
// dst = max(a, b).
func intExtremeOp(v isa, size int, isMax bool) func(...Op) {
	switch {
	case size == 4 && isMax:
		return VPMAXSD
	case size == 4:
		return VPMINSD
	case v.Bytes == 32:
		return pickInt64(isMax)
	case isMax:
		return VPMAXSQ
	}
	return VPMINSQ
}

// genIntExtremeBlock emits maxBlockInt<bits><ISA> (isMax) or
// minBlockInt<bits><ISA>: the lane-wise maximum (minimum) of the
// vectors of a, written to the first vector of out; len(a) is a
// positive multiple of 64 elements (four vectors of every width) and
// len(out) at least one vector. The Go wrapper folds the lanes.
func genIntExtremeBlock(v isa, size int, isMax bool) {
	nm, fn := "min", "MinInt"
	if isMax {
		nm, fn = "max", "MaxInt"
	}
	goType := fmt.Sprintf("int%d", 8*size)
	name := fmt.Sprintf("%sBlockInt%d%s", nm, 8*size, v.Name)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a, out []%s)", goType))
	Doc(fmt.Sprintf("%s is the block kernel of %s%d for %s: len(a) is a positive multiple of 64.", name, fn, 8*size, v.Name))
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	out := Load(Param("out").Base(), GP64())
	L := v.Bytes / size
	op := intExtremeOp(v, size, isMax)
	mov := func(src, dst Op) { VMOVDQU(src, dst) }
	if v.Bytes == 64 {
		mov = func(src, dst Op) { VMOVDQU64(src, dst) }
	}
	vec := func(i Register, u int) Mem { return Mem{Base: a, Index: i, Scale: uint8(size), Disp: v.Bytes * u} }
	var acc [4]VecVirtual
	for u := range 4 {
		acc[u] = v.vec()
		mov(Mem{Base: a}.Offset(u*v.Bytes), acc[u])
	}
	i := GP64()
	MOVQ(U32(4*L), i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_reduce"))
	for u := range 4 {
		op(vec(i, u), acc[u], acc[u])
	}
	ADDQ(U32(4*L), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_reduce")
	op(acc[1], acc[0], acc[0])
	op(acc[3], acc[2], acc[2])
	op(acc[2], acc[0], acc[0])
	mov(acc[0], Mem{Base: out})
	VZEROUPPER()
	RET()
}

// genIntUnary emits <nm><ISA>: dst[i] = op(a[i]) for len(dst) a
// multiple of two vectors (of 32 elements for every width and type);
// the Go wrapper pub does the tail. mk emits the set-up (a zero
// register) and returns op, which reads src (memory) into dst.
func genIntUnary(v isa, nm, pub string, size int, mk func() func(src Op, dst VecVirtual)) {
	name := nm + v.Name
	L := v.Bytes / size
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a []int%d)", 8*size))
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: len(dst) is a multiple of %d.", name, pub, v.Name, 2*L))
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	op := mk()
	mov := func(src, dst Op) { VMOVDQU(src, dst) }
	if v.Bytes == 64 {
		mov = func(src, dst Op) { VMOVDQU64(src, dst) }
	}
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	for u := range 2 {
		x := v.vec()
		op(Mem{Base: a, Index: i, Scale: uint8(size), Disp: v.Bytes * u}, x)
		mov(x, Mem{Base: dst, Index: i, Scale: uint8(size), Disp: v.Bytes * u})
	}
	ADDQ(U32(2*L), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// genIntScalar emits <op>Int<bits>Scalar<ISA>: dst[i] = a[i] op s (rsub:
// s - a[i]), wrapping, for len(dst) a multiple of two vectors (of 32
// elements for every width and type); the Go wrapper does the tail.
// mul for int64 is AVX-512DQ's VPMULLQ.
func genIntScalar(v isa, op string, size int) {
	bits := 8 * size
	name := fmt.Sprintf("%sInt%dScalar%s", op, bits, v.Name)
	pub := fmt.Sprintf("%sInt%dScalarUnitary", string(op[0]-'a'+'A')+op[1:], bits)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a []int%d, s int%d)", bits, bits))
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: len(dst) is a multiple of %d.", name, pub, v.Name, 2*v.Bytes/size))
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	// s through a general register, as the comparisons' scalar (go vet
	// reads the memory operand of VPBROADCASTD as 8 bytes)
	x := XMM()
	sv := v.vec()
	if size == 4 {
		VMOVD(Load(Param("s"), GP32()), x)
		VPBROADCASTD(x, sv)
	} else {
		VMOVQ(Load(Param("s"), GP64()), x)
		VPBROADCASTQ(x, sv)
	}
	var f func(...Op)
	switch op {
	case "add", "sub", "rsub", "mul":
		f = map[string][2]func(...Op){
			"add": {VPADDD, VPADDQ}, "sub": {VPSUBD, VPSUBQ}, "rsub": {VPSUBD, VPSUBQ}, "mul": {VPMULLD, VPMULLQ},
		}[op][size/8]
	default:
		f = intExtremeOp(v, size, op == "max")
	}
	mov := func(src, dst Op) { VMOVDQU(src, dst) }
	if v.Bytes == 64 {
		mov = func(src, dst Op) { VMOVDQU64(src, dst) }
	}
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	for u := range 2 {
		m := Mem{Base: a, Index: i, Scale: uint8(size), Disp: v.Bytes * u}
		r := v.vec()
		mov(m, r)
		if op == "rsub" {
			f(r, sv, r) // s - a[i]
		} else {
			f(sv, r, r) // a[i] op s
		}
		mov(r, Mem{Base: dst, Index: i, Scale: uint8(size), Disp: v.Bytes * u})
	}
	ADDQ(U32(2*v.Bytes/size), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// genBool emits <op>Bool<ISA>: dst[i] = a[i] op b[i] on bools (not:
// !a[i]) for len(dst) a multiple of two vectors (64 or 128 bytes); the
// Go wrapper does the tail. Each byte counts as true when nonzero:
// min(byte, 1) makes it 0 or 1 before the bitwise operation.
func genBool(v isa, op string) {
	name := op + "Bool" + v.Name
	pub := map[string]string{"and": "AndBool", "or": "OrBool", "xor": "XorBool", "not": "NotBool"}[op]
	sig := "func(dst, a, b []bool)"
	if op == "not" {
		sig = "func(dst, a []bool)"
	}
	TEXT(name, NOSPLIT, sig)
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: len(dst) is a multiple of %d.", name, pub, v.Name, 2*v.Bytes))
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	var b Register
	if op != "not" {
		b = Load(Param("b").Base(), GP64())
	}
	n := Load(Param("dst").Len(), GP64())
	one := v.vec()
	g := GP32()
	MOVL(U32(0x01010101), g)
	x := XMM()
	MOVD(g, x)
	VPBROADCASTD(x, one)
	mov := func(src, dst Op) { VMOVDQU(src, dst) }
	logic := map[string]func(a, b, c Op){
		"and": func(a, b, c Op) { VPAND(a, b, c) }, "or": func(a, b, c Op) { VPOR(a, b, c) },
		"xor": func(a, b, c Op) { VPXOR(a, b, c) }, "not": func(a, b, c Op) { VPXOR(a, b, c) },
	}[op]
	if v.Bytes == 64 {
		mov = func(src, dst Op) { VMOVDQU64(src, dst) }
		logic = map[string]func(a, b, c Op){
			"and": func(a, b, c Op) { VPANDD(a, b, c) }, "or": func(a, b, c Op) { VPORD(a, b, c) },
			"xor": func(a, b, c Op) { VPXORD(a, b, c) }, "not": func(a, b, c Op) { VPXORD(a, b, c) },
		}[op]
	}
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	for u := range 2 {
		at := func(base Register) Mem { return Mem{Base: base, Index: i, Scale: 1, Disp: v.Bytes * u} }
		r := v.vec()
		VPMINUB(at(a), one, r) // a[i] != 0 as 0 or 1
		if op == "not" {
			logic(one, r, r)
		} else {
			t := v.vec()
			VPMINUB(at(b), one, t)
			logic(t, r, r)
		}
		mov(r, at(dst))
	}
	ADDQ(U32(2*v.Bytes), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// zeroVec returns a new vector register of v's width holding zero.
func zeroVec(v isa) VecVirtual {
	z := v.vec()
	if v.Bytes == 64 {
		VPXORD(z, z, z)
	} else {
		VPXOR(z, z, z)
	}
	return z
}

// intNegate is the op of genIntUnary for 0 - a, wrapping.
func intNegate(v isa, size int) func() func(Op, VecVirtual) {
	return func() func(Op, VecVirtual) {
		z := zeroVec(v)
		return func(src Op, dst VecVirtual) {
			if size == 4 {
				VPSUBD(src, z, dst)
			} else {
				VPSUBQ(src, z, dst)
			}
		}
	}
}

// intAbs64 is the op of genIntUnary for the absolute value of int64
// (MinInt64 stays MinInt64): VPABSQ on AVX-512; on AVX2, which lacks
// it, the negation where the sign bit is set (VBLENDVPD picks by it).
func intAbs64(v isa) func() func(Op, VecVirtual) {
	if v.Bytes == 64 {
		return func() func(Op, VecVirtual) {
			return func(src Op, dst VecVirtual) { VPABSQ(src, dst) }
		}
	}
	return func() func(Op, VecVirtual) {
		z := zeroVec(v)
		return func(src Op, dst VecVirtual) {
			x, ng := YMM(), YMM()
			VMOVDQU(src, x)
			VPSUBQ(x, z, ng)
			VBLENDVPD(x, ng, x, dst) // -a where a < 0
		}
	}
}

// genIntBinary emits <name>AVX2: dst[i] = a[i] op b[i] for len(dst) a
// multiple of two vectors.
func genIntBinary(nm, goType string, size int, op func(...Op), nt bool) {
	name := nm + "AVX2" + ntSuffix(nt)
	L := 32 / size
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a, b []%s)", goType))
	Doc(ntDoc(nt, avx2, 2*L, fmt.Sprintf("%s is the block kernel of %s%sUnitary for AVX2: len(dst) is a multiple of %d.", name, string(nm[0]-'a'+'A'), nm[1:], 2*L))...)
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	b := Load(Param("b").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	var xs [2]VecVirtual
	for u := range 2 {
		xs[u] = YMM()
		VMOVDQU(Mem{Base: a, Index: i, Scale: uint8(size), Disp: 32 * u}, xs[u])
		op(Mem{Base: b, Index: i, Scale: uint8(size), Disp: 32 * u}, xs[u], xs[u])
	}
	for u := range 2 {
		if nt {
			VMOVNTDQ(xs[u], Mem{Base: dst, Index: i, Scale: uint8(size), Disp: 32 * u})
		} else {
			VMOVDQU(xs[u], Mem{Base: dst, Index: i, Scale: uint8(size), Disp: 32 * u})
		}
	}
	ADDQ(U8(2*L), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	if nt {
		SFENCE()
	}
	VZEROUPPER()
	RET()
}

// genIntBinaryAVX512 emits <name>AVX512: dst[i] = a[i] op b[i] for any
// len(dst), as genBinary does for floats: four zmm vectors per
// iteration, then one, then a masked tail whose masked-off lanes are
// neither read nor written.
func genIntBinaryAVX512(nm, goType string, size int, op func(...Op), nt bool) {
	name := nm + "AVX512" + ntSuffix(nt)
	L := 64 / size
	mov, movZ := VMOVDQU32, VMOVDQU32_Z
	if size == 8 {
		mov, movZ = VMOVDQU64, VMOVDQU64_Z
	}
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a, b []%s)", goType))
	doc := fmt.Sprintf("%s is %s%sUnitary for AVX512.", name, string(nm[0]-'a'+'A'), nm[1:])
	if nm == "mulInt64" {
		doc = fmt.Sprintf("%s is MulInt64Unitary for AVX512; it needs AVX512DQ (VPMULLQ).", name)
	}
	Doc(ntDoc(nt, avx512, 4*L, doc)...)
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	b := Load(Param("b").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	vec := func(base, i Register, u int) Mem {
		return Mem{Base: base, Index: i, Scale: uint8(size), Disp: 64 * u}
	}
	i, lim := loop4Head(name, n, L, name+"_loop1_init")
	var xs [4]VecVirtual
	for u := range 4 {
		xs[u] = ZMM()
		mov(vec(a, i, u), xs[u])
		op(vec(b, i, u), xs[u], xs[u])
	}
	for u := range 4 {
		if nt {
			VMOVNTDQ(xs[u], vec(dst, i, u))
		} else {
			mov(xs[u], vec(dst, i, u))
		}
	}
	ADDQ(U32(4*L), i)
	JMP(LabelRef(name + "_loop4"))

	loop1Head(name, n, i, lim, L, name+"_tail")
	x := ZMM()
	mov(vec(a, i, 0), x)
	op(vec(b, i, 0), x, x)
	mov(x, vec(dst, i, 0))
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_tail")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	rem := GP64()
	MOVQ(n, rem)
	SUBQ(i, rem)
	k := K()
	tailMask(rem, k)
	tx, ty := ZMM(), ZMM()
	movZ(vec(a, i, 0), k, tx)
	movZ(vec(b, i, 0), k, ty)
	op(ty, tx, tx)
	mov(tx, k, vec(dst, i, 0))
	Label(name + "_done")
	if nt {
		SFENCE()
	}
	VZEROUPPER()
	RET()
}

// storer stores the vector x at m: kind is the instruction's type
// ("PS", "PD" or "DQ"), the store plain or non-temporal.
type storer func(kind string, x Op, m Mem)

// genConvert emits a conversion kernel over blocks of 8 elements
// (len(dst) a multiple of 8), and its non-temporal variant <name>NT:
// conv reads 8 source elements at src and writes 8 at dst with st.
func genConvert(name, sig string, srcSize, dstSize int, conv func(src, dst Mem, st storer)) {
	for _, nt := range []bool{false, true} {
		genConvert1(name+ntSuffix(nt), sig, srcSize, dstSize, conv, nt)
	}
}

func genConvert1(name, sig string, srcSize, dstSize int, conv func(src, dst Mem, st storer), nt bool) {
	TEXT(name, NOSPLIT, sig)
	Doc(ntDoc(nt, avx2, 8, name+" is a conversion block kernel: len(dst) is a multiple of 8.")...)
	st := func(kind string, x Op, m Mem) {
		switch {
		case kind == "DQ" && nt:
			VMOVNTDQ(x, m)
		case kind == "DQ":
			VMOVDQU(x, m)
		default:
			I(ntStore(nt)+kind, x, m)
		}
	}
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	if srcSize == 8 { // 8 float64 are two ymm loads
		conv(Mem{Base: a, Index: i, Scale: 8}, Mem{Base: dst, Index: i, Scale: uint8(dstSize)}, st)
		conv(Mem{Base: a, Index: i, Scale: 8, Disp: 32}, Mem{Base: dst, Index: i, Scale: uint8(dstSize), Disp: 16}, st)
	} else {
		conv(Mem{Base: a, Index: i, Scale: uint8(srcSize)}, Mem{Base: dst, Index: i, Scale: uint8(dstSize)}, st)
	}
	ADDQ(U8(8), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	if nt {
		SFENCE()
	}
	VZEROUPPER()
	RET()
}
