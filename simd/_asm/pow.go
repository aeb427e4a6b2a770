package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The pow kernels (in the set "exp"):
//
//	func powFloat64AVX2(dst, x, y []float64, c *float64) (n int)
//	func powScalarFloat64AVX2(dst, x []float64, y float64, c *float64) (n int)
//
// and their AVX-512 forms. Like the other block kernels they compute
// whole vectors from the start until a vector holds an element left to
// the Go twin, and return the number of elements done. They do the
// general case of pow, simd's powFast: x a positive normal number, y
// finite, not an integer and not 0.5, and y·log x in (-700, 708); the
// twin does the rest. c points at powRows: constant rows, then the
// tables, which are read with gathers. The operations are powFast's in
// the same order, so the results agree bit for bit.

// Row numbers and table offsets of powRows: as in simd/pow.go.
const (
	pOff, pChkAdd, pChkLim, pMagic, pBias, pExpMask, pIdxMask = 0, 1, 2, 3, 4, 5, 6
	pNegOne, pLn2Hi, pLn2Lo, pNegHalf, pPoly                  = 7, 8, 9, 10, 11
	pHalf, pE720, pE120, pE24, pE6, pInvLn2N, pShift          = 18, 19, 20, 21, 22, 23, 24
	pNegLn2HiN, pNegLn2LoN, pTMin, pTMax, pAllOnes            = 25, 26, 27, 28, 29
	hAbs, hBig, hTiny, hRatio, pRows                          = 30, 31, 32, 33, 34 // hypot
	pLogTab, pExpBits, pExpTail                               = 64 * pRows, 64*pRows + 3*8*128, 64*pRows + 4*8*128
)

// rndTrunc is the VROUNDPD/VRNDSCALEPD mode that truncates.
const rndTrunc = 0x03

func genPow() {
	for _, v := range []isa{avx2, avx512} {
		genPowKernel(v, false)
		genPowKernel(v, true)
	}
}

func genPowKernel(v isa, scalar bool) {
	name := "powFloat64" + v.Name
	if scalar {
		name = "powScalarFloat64" + v.Name
	}
	binBlock(name, "PowFloat64", v, scalar, func(k *vk, x, y VecVirtual) []Register {
		var ms []Register
		if k.z() {
			m := K()
			VFPCLASSPDZ(U8(notPosNormal), x, m)
			ms = append(ms, m)
		} else {
			chk := k.vec()
			k.iadd(k.c(pChkAdd), x, chk)
			ms = append(ms, k.gtMask(k.c(pChkLim), chk)) // not a positive normal number
		}
		if !scalar {
			yt := k.vec()
			if k.z() {
				VRNDSCALEPD(U8(rndTrunc), y, yt)
			} else {
				VROUNDPD(U8(rndTrunc), y, yt)
			}
			ms = append(ms, k.cmpMask(cmpEQ, yt, y), k.cmpMask(cmpUnord, y, y), k.cmpMask(cmpEQ, k.c(pHalf), y))
		}
		return ms
	}, powBody)
}

// binBlock emits the frame of a two-input float64 block kernel
//
//	func name(dst, x, y []float64, c *float64) int
//
// (with scalar, y is one float64 for every element): one vector at a
// time, it bails out to name_done when check marks a lane (a vector of
// y reloaded for each vector, or the broadcast scalar), else stores
// body's result. body may bail out too (to the label it is given); it
// gets y as a memory operand when y is a slice, to spare a register.
func binBlock(name, loop string, v isa, scalar bool, check func(k *vk, x, y VecVirtual) []Register,
	body func(k *vk, x VecVirtual, y Op, bail string) VecVirtual) {
	sig := "func(dst, x, y []float64, c *float64) int"
	if scalar {
		sig = "func(dst, x []float64, y float64, c *float64) int"
	}
	TEXT(name, NOSPLIT, sig)
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: it computes", name, loop, v.Name),
		"dst[i] for whole vectors from the start of x until one holds an element",
		"left to the Go twin, and returns the number of elements done.")
	dst := Load(Param("dst").Base(), GP64())
	xp := Load(Param("x").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	k := &vk{v: v, e: f64, cp: Load(Param("c"), GP64()), regs: map[int]VecVirtual{}, name: name}
	var yp Register
	var ys VecVirtual
	if scalar {
		yx := Load(Param("y"), XMM())
		ys = k.vec()
		VBROADCASTSD(yx, ys)
	} else {
		yp = Load(Param("y").Base(), GP64())
	}
	L := v.lanes(f64)
	i := GP64()
	XORQ(i, i)
	lim := GP64()
	MOVQ(n, lim)
	ANDQ(I32(-L), lim)
	done := name + "_done"
	Label(name + "_loop")
	CMPQ(i, lim)
	JGE(LabelRef(done))
	x := k.load(at(f64, xp, i))
	y := ys
	var yOp Op = ys
	if !scalar {
		y = k.load(at(f64, yp, i))
		yOp = at(f64, yp, i)
	}
	k.bailIfAny(done, check(k, x, y)...)
	r := body(k, x, yOp, done)
	VMOVUPD(r, at(f64, dst, i))
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop"))
	Label(done)
	VZEROUPPER()
	Store(i, ReturnIndex(0))
	RET()
}

// gather loads table entries: lane l gets the float64 at byte off of
// powRows plus 8·idx[l].
func (k *vk) gather(off int, idx VecVirtual) VecVirtual {
	t := k.vec()
	mem := Mem{Base: k.cp, Disp: off, Index: idx, Scale: 8}
	if k.z() {
		ones := GP32()
		MOVL(U32(0xff), ones)
		m := K()
		KMOVW(ones, m)
		VPXORQ(t, t, t)
		VGATHERQPD(mem, m, t)
		return t
	}
	m := k.load(k.c(pAllOnes))
	VXORPD(t, t, t)
	VGATHERQPD(m, mem, t)
	return t
}

// twoSum returns s = a + b and its rounding error e, as twoSum in
// simd/pow_generic.go computes them.
func (k *vk) twoSum(a, b VecVirtual) (s, e VecVirtual) {
	s = k.vec()
	k.add(b, a, s) // s = a + b
	bb := k.vec()
	k.sub(a, s, bb) // bb = s - a
	e = k.vec()
	k.sub(bb, s, e) // s - bb
	k.sub(e, a, e)  // a - (s - bb)
	t := k.vec()
	k.sub(bb, b, t) // b - bb
	k.add(t, e, e)
	return s, e
}

// powBody emits powFast for the vector x (overwritten) and exponents y
// (a register, or memory); lanes whose y·log x is outside (-700, 708)
// jump to bail. The order keeps few values live, for AVX2's 16
// registers; the sums are powFast's in its order.
func powBody(k *vk, x VecVirtual, y Op, bail string) VecVirtual {
	// x = 2^k·z: the table index, k and z
	tmp := k.vec()
	k.isub(k.c(pOff), x, tmp)
	idx := k.vec()
	k.shr(52-7, tmp, idx)
	k.and(k.c(pIdxMask), idx, idx)
	kd := k.exponent(tmp, pMagic, pBias)
	k.and(k.c(pExpMask), tmp, tmp)
	k.isub(tmp, x, x) // z
	k.shl(1, idx, tmp)
	k.iadd(idx, tmp, idx) // 3·index: the table's rows are 1/c, log c, its low part
	invc := k.gather(pLogTab, idx)
	k.fma213(k.c(pNegOne), invc, x) // r = z·(1/c) - 1, exact
	r := x
	kLo := k.gather(pLogTab+16, idx)
	k.fma231(k.c(pLn2Lo), kd, kLo) // k·ln2lo + log c's low part
	a := kd
	k.mul(k.c(pLn2Hi), kd, a) // k·ln2hi, exact
	s, lo := k.twoSum(a, k.gather(pLogTab+8, idx))
	u, uLo := k.twoSum(s, r)
	k.add(uLo, lo, lo)
	r2 := k.vec()
	k.mul(r, r, r2)
	m := k.vec()
	k.mul(k.c(pNegHalf), r2, m)
	h, hLo := k.twoSum(u, m)
	k.add(hLo, lo, lo)
	r2l := k.vec()
	VMOVAPD(r, r2l)
	VFMSUB213PD(r2, r, r2l) // r·r - r², exactly rounded: its low part
	k.fma231(k.c(pNegHalf), r2l, lo)
	k.add(kLo, lo, lo)

	q := k.load(k.c(pPoly + 1))
	k.fma231(k.c(pPoly), r, q)
	for j := 2; j < 7; j++ {
		k.fma213(k.c(pPoly+j), r, q)
	}
	k.mul(r, r2, r2)
	k.mul(q, r2, r2) // p
	k.add(r2, lo, lo)
	lHi := k.vec()
	k.add(lo, h, lHi)
	lLo := k.vec()
	k.sub(lHi, h, lLo)
	k.add(lo, lLo, lLo)

	tHi := k.vec()
	k.mul(y, lHi, tHi)
	tLo := k.vec()
	VMOVAPD(tHi, tLo)
	VFMSUB231PD(y, lHi, tLo) // y·lHi - tHi
	k.fma231(y, lLo, tLo)
	k.bailIfAny(bail, k.cmpMask(cmpNGT, k.c(pTMin), tHi), k.cmpMask(cmpNLT, k.c(pTMax), tHi))

	nf := k.load(k.c(pShift))
	k.fma231(k.c(pInvLn2N), tHi, nf) // the integer n nearest t·128/log 2 in the low bits
	nb := k.vec()
	VMOVAPD(nf, nb)
	k.sub(k.c(pShift), nf, nf)
	rr := tHi
	k.fma231(k.c(pNegLn2HiN), nf, rr) // exact
	k.fma231(k.c(pNegLn2LoN), nf, rr)
	k.add(tLo, rr, rr)
	j := nf
	k.and(k.c(pIdxMask), nb, j)
	k.shl(52-7, nb, nb)
	sb := k.gather(pExpBits, j)
	k.iadd(nb, sb, sb) // the bits of 2^(n/128)'s rounding
	tail := k.gather(pExpTail, j)

	em1 := k.load(k.c(pE120))
	k.fma231(k.c(pE720), rr, em1)
	k.fma213(k.c(pE24), rr, em1)
	k.fma213(k.c(pE6), rr, em1)
	k.fma213(k.c(pHalf), rr, em1)
	rr2 := k.vec()
	k.mul(rr, rr, rr2)
	k.fma213(rr, rr2, em1)
	k.add(em1, tail, tail)
	k.fma213(sb, sb, tail) // scale·(tail + em1) + scale
	return tail
}
