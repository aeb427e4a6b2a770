package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The AVX2 block kernels for a*b+c, negation, absolute value and the
// widening conversions. Each handles a whole number of vector pairs (its
// doc comment states the multiple); the Go wrappers in package simd do
// the tails.

func genMisc() {
	for _, e := range []elem{f64, f32} {
		genMulAdd(e, false)
		genMulAdd(e, true)
		for _, nt := range []bool{false, true} {
			genSignBits(e, "neg", "Negate", "VXOR", true, nt)
			genSignBits(e, "abs", "Abs", "VAND", false, nt)
			for _, r := range roundings {
				genRound(e, r.name, r.exported, r.imm, nt)
			}
		}
	}
	genConvert("convertInt32ToFloat64AVX2", "func(dst []float64, a []int32)", 4, 8, func(src, dst Mem, st storer) {
		for h := range 2 {
			y := YMM()
			VCVTDQ2PD(src.Offset(16*h), y)
			st("PD", y, dst.Offset(32*h))
		}
	})
	genConvert("convertFloat32ToFloat64AVX2", "func(dst []float64, a []float32)", 4, 8, func(src, dst Mem, st storer) {
		for h := range 2 {
			y := YMM()
			VCVTPS2PD(src.Offset(16*h), y)
			st("PD", y, dst.Offset(32*h))
		}
	})
	genConvert("convertFloat64ToInt32AVX2", "func(dst []int32, a []float64)", 8, 4, func(src, dst Mem, st storer) {
		x := XMM()
		VCVTTPD2DQY(src, x)
		st("DQ", x, dst)
	})
	genConvert("convertFloat32ToInt32AVX2", "func(dst []int32, a []float32)", 4, 4, func(src, dst Mem, st storer) {
		y := YMM()
		VCVTTPS2DQ(src, y)
		st("DQ", y, dst)
	})
	genConvert("convertInt32ToFloat32AVX2", "func(dst []float32, a []int32)", 4, 4, func(src, dst Mem, st storer) {
		y := YMM()
		VCVTDQ2PS(src, y)
		st("PS", y, dst)
	})
}

// roundings are the VROUNDP* kernels: the rounding mode in the
// immediate's low bits (0 nearest even, 1 down, 2 up, 3 toward zero),
// with bit 3 set to suppress the precision exception, as SSE4.1's
// ROUNDSD, which Go's math.Floor, Ceil, Trunc and RoundToEven compile
// to, rounds.
var roundings = []struct {
	name, exported string
	imm            uint8
}{
	{"floor", "Floor", 0x09},
	{"ceil", "Ceil", 0x0a},
	{"trunc", "Trunc", 0x0b},
	{"rint", "Rint", 0x08},
}

// genRound emits <nm><T>AVX2: dst[i] = a[i] rounded to an integer by
// imm (see roundings), len(dst) a multiple of two vectors.
func genRound(e elem, nm, exported string, imm uint8, nt bool) {
	genUnaryAVX2(e, nm, exported, nt, func() func(src Mem, dst VecVirtual) {
		return func(src Mem, dst VecVirtual) {
			if e.Size == 8 {
				VROUNDPD(U8(imm), src, dst)
			} else {
				VROUNDPS(U8(imm), src, dst)
			}
		}
	})
}

// genUnaryAVX2 emits <nm><T>AVX2 (and its non-temporal variant when nt):
// dst[i] = op(a[i]) over blocks of two vectors, for len(dst) a multiple
// of two vectors; the Go wrapper <exported><T>Unitary does the tail. mk
// emits the set-up (constants in registers) and returns op, which reads
// src (memory) into dst.
func genUnaryAVX2(e elem, nm, exported string, nt bool, mk func() func(src Mem, dst VecVirtual)) {
	name := nm + e.Name + "AVX2" + ntSuffix(nt)
	L := 32 / e.Size
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a []%s)", e.Go))
	Doc(ntDoc(nt, avx2, 2*L, fmt.Sprintf("%s is the block kernel of %s%sUnitary: len(dst) is a multiple of %d.", name, exported, e.Name, 2*L))...)
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	op := mk()
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	var xs [2]VecVirtual
	for u := range 2 {
		xs[u] = YMM()
		op(at(e, a, i).Offset(u*32), xs[u])
	}
	for u := range 2 {
		I(ntStore(nt)+e.P, xs[u], at(e, dst, i).Offset(u*32))
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

// genMulAdd emits mulAdd<T>AVX2: dst[i] = a[i]*b[i] + c[i], the product
// rounded before the sum (VMULP then VADDP, not a fused multiply-add), so
// that it equals NumPy's a*b + c bit for bit. len(dst) is a multiple of
// two vectors.
func genMulAdd(e elem, nt bool) {
	name := "mulAdd" + e.Name + "AVX2" + ntSuffix(nt)
	L := 32 / e.Size
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a, b, c []%s)", e.Go))
	Doc(ntDoc(nt, avx2, 2*L, fmt.Sprintf("%s is the block kernel of MulAdd%sUnitary: len(dst) is a multiple of %d.", name, e.Name, 2*L))...)
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	b := Load(Param("b").Base(), GP64())
	c := Load(Param("c").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	i := GP64()
	XORQ(i, i)
	Label(name + "_loop")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	var xs [2]VecVirtual
	for u := range 2 {
		xs[u] = YMM()
		I("VMOVU"+e.P, at(e, a, i).Offset(u*32), xs[u])
		I("VMUL"+e.P, at(e, b, i).Offset(u*32), xs[u], xs[u])
		I("VADD"+e.P, at(e, c, i).Offset(u*32), xs[u], xs[u])
	}
	for u := range 2 {
		I(ntStore(nt)+e.P, xs[u], at(e, dst, i).Offset(u*32))
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

// genSignBits emits neg<T>AVX2 (flip the sign bit: VXORP with -0.0) or
// abs<T>AVX2 (clear it: VANDP with its complement) over blocks of two
// vectors. NaNs keep their payload and have their sign flipped or
// cleared, as Go's -x and math.Abs do.
func genSignBits(e elem, nm, exported, op string, flip, nt bool) {
	genUnaryAVX2(e, nm, exported, nt, func() func(src Mem, dst VecVirtual) {
		mask := YMM()
		g := GP64()
		if e.Size == 8 {
			if flip {
				MOVQ(U64(1<<63), g)
			} else {
				MOVQ(U64(1<<63-1), g)
			}
			x := XMM()
			MOVQ(g, x)
			VPBROADCASTQ(x, mask)
		} else {
			if flip {
				MOVL(U32(1<<31), g.As32())
			} else {
				MOVL(U32(1<<31-1), g.As32())
			}
			x := XMM()
			MOVD(g.As32(), x)
			VPBROADCASTD(x, mask)
		}
		return func(src Mem, dst VecVirtual) { I(op+e.P, src, mask, dst) }
	})
}
