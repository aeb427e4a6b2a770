package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The floor division, remainder and fmod kernels (set "divmod", written
// to divmod_amd64.s). Each is a block kernel
//
//	func modFloat64AVX2(dst, a, b []float64, nt bool) (n int)
//
// that computes whole vectors from the start of dst until a vector holds
// a lane outside the fast fmod's domain (b zero, infinite or NaN, a
// infinite or NaN, |a/b| >= 2^52, 2^23 for float32), or fewer than a
// vector's lanes remain, and returns the number of elements done; the Go
// wrapper (runDivBlocks) does that vector and the tail with the twin and
// calls again. The Scalar forms
//
//	func modFloat64ScalarAVX2(dst, a []float64, s float64, nt bool) (n int)
//
// divide a[i] by s, the RScalar forms s by a[i]. With nt, dst is aligned to the vector width and the results
// are stored with non-temporal hints.
//
// The operations are those of the twins in simd/divmod_generic.go (the
// fast fmod: n = trunc(a/b), r = fma(-n, b, a) and one correction step;
// then NumPy's npy_divmod), lane by lane, so the results agree bit for
// bit. float32 computes fmod in float32 rather than through float64 as
// the twin does: fmod is exact, and with quotients below 2^23 the same
// argument makes the float32 steps exact.

func init() {
	sets["divmod"] = genDivmod
}

// divop is one of the kernels' results.
type divop struct {
	name, exported string
}

var (
	opFmod     = divop{"fmod", "Fmod"}
	opMod      = divop{"mod", "Mod"}
	opFloorDiv = divop{"floorDiv", "FloorDiv"}
)

// divForm is where the operands come from.
type divForm struct {
	suffix string // of the name, after the element type: "", "Scalar"
	prefix bool   // the name starts with "r": the scalar is the dividend
	scalar int    // 0: both slices; 1: s is the dividend, a the divisors; 2: s is the divisor
}

var divForms = []divForm{{"", false, 0}, {"Scalar", false, 2}, {"Scalar", true, 1}}

func genDivmod() {
	for _, v := range []isa{avx2, avx512} {
		for _, e := range []elem{f64, f32} {
			for _, op := range []divop{opFmod, opMod, opFloorDiv} {
				for _, f := range divForms {
					genDivKernel(v, e, op, f)
				}
			}
		}
	}
}

// dk emits one division kernel: vk's helpers, masks in opmask registers
// for AVX-512 and in vectors for AVX2.
type dk struct {
	*vk
	zero, one, sign, limit, inf VecVirtual
	half                        VecVirtual // floor division only
}

// bcastConst returns a vector of the constant with bits b.
func (k *dk) bcastConst(b uint64) VecVirtual {
	g := GP64()
	x := XMM()
	y := k.vec()
	if k.d() {
		MOVQ(U64(b), g)
		MOVQ(g, x)
		VPBROADCASTQ(x, y)
	} else {
		MOVL(U32(uint32(b)), g.As32())
		MOVD(g.As32(), x)
		VPBROADCASTD(x, y)
	}
	return y
}

// mask operations: dst = a op b on masks from cmpMask.
func (k *dk) mxor(a, b Register) Register {
	if k.z() {
		m := K()
		KXORW(a, b, m)
		return m
	}
	m := k.vec()
	VPXOR(a, b, m)
	return m
}

func (k *dk) mand(a, b Register) Register {
	if k.z() {
		m := K()
		KANDW(a, b, m)
		return m
	}
	m := k.vec()
	VPAND(a, b, m)
	return m
}

// fresh returns a new vector holding x.
func (k *dk) fresh(x Op) VecVirtual {
	y := k.vec()
	I("VMOVUPD", x, y) // a register copy: the type does not matter
	return y
}

// blend sets dst to src in the lanes of mask m.
func (k *dk) blend(m Register, src, dst VecVirtual) {
	if k.z() {
		I("VMOVA"+k.e.P, src, m, dst)
		return
	}
	I("VBLENDV"+k.e.P, m, src, dst, dst)
}

// signOf returns x with every bit but the sign cleared.
func (k *dk) signOf(x Op) VecVirtual {
	y := k.vec()
	k.and(k.sign, x, y)
	return y
}

// round returns x rounded by the VROUNDP* immediate imm (see roundings).
func (k *dk) round(imm uint8, x Op) VecVirtual {
	y := k.vec()
	switch {
	case k.z() && k.d():
		VRNDSCALEPD(U8(imm), x, y)
	case k.z():
		VRNDSCALEPS(U8(imm), x, y)
	case k.d():
		VROUNDPD(U8(imm), x, y)
	default:
		VROUNDPS(U8(imm), x, y)
	}
	return y
}

// fnmadd231 is acc = -(a·b) + acc.
func (k *dk) fnmadd231(a, b, acc Op) { k.pick(VFNMADD231PD, VFNMADD231PS)(a, b, acc) }

// check jumps to bail if a lane of x / y (q) or y is outside the fast
// domain: !(|q| < limit) or !(|y| < inf).
func (k *dk) check(q, y VecVirtual, bail string) {
	aq, ay := k.vec(), k.vec()
	if k.z() {
		VPANDNQ(q, k.sign, aq) // aq = ^sign & q
		VPANDNQ(y, k.sign, ay)
	} else {
		VPANDN(q, k.sign, aq)
		VPANDN(y, k.sign, ay)
	}
	k.bailIfAny(bail, k.cmpMask(cmpNLT, k.limit, aq), k.cmpMask(cmpNLT, k.inf, ay))
}

// fmod returns the fast fmod of x and y given q = x / y: n = trunc(q),
// r = fma(-n, y, x); where r != 0 and its sign is not x's, n moves one
// towards zero and r is computed again; a zero r takes x's sign.
func (k *dk) fmod(x, y, q VecVirtual) VecVirtual {
	n := k.round(0x0b, q)
	r := k.fresh(x)
	k.fnmadd231(n, y, r)
	cond := k.mand(k.mxor(k.cmpMask(cmpLTOS, k.zero, r), k.cmpMask(cmpLTOS, k.zero, x)),
		k.cmpMask(cmpNEQOQ, k.zero, r))
	c1 := k.signOf(q)
	k.or(k.one, c1, c1) // copysign(1, q)
	if k.z() {
		I("VSUB"+k.e.P, c1, n, cond, n)
	} else {
		k.and(cond, c1, c1)
		k.sub(c1, n, n)
	}
	r = k.fresh(x)
	k.fnmadd231(n, y, r)
	k.blend(k.cmpMask(cmpEQ, k.zero, r), k.signOf(x), r)
	return r
}

// divmod returns npy_divmod's results from mod = fmod(x, y): the floor
// quotient (if wantDiv) or the remainder.
func (k *dk) divmod(x, y, q, mod VecVirtual, wantDiv bool) VecVirtual {
	var div VecVirtual
	if wantDiv {
		div = k.vec()
		k.sub(mod, x, div) // x - mod
		k.div(y, div, div)
	}
	sel := k.mand(k.mxor(k.cmpMask(cmpLTOS, k.zero, y), k.cmpMask(cmpLTOS, k.zero, mod)),
		k.cmpMask(cmpNEQOQ, k.zero, mod))
	if !wantDiv {
		mz := k.cmpMask(cmpEQ, k.zero, mod)
		if k.z() {
			I("VADD"+k.e.P, y, mod, sel, mod)
		} else {
			t := k.vec()
			k.add(y, mod, t)
			k.blend(sel, t, mod)
		}
		k.blend(mz, k.signOf(y), mod)
		return mod
	}
	if k.z() {
		I("VSUB"+k.e.P, k.one, div, sel, div)
	} else {
		t := k.vec()
		k.sub(k.one, div, t)
		k.blend(sel, t, div)
	}
	fd := k.round(0x09, div)
	t := k.vec()
	k.sub(fd, div, t) // div - floor(div)
	gt := k.cmpMask(cmpGTOQ, k.half, t)
	t = k.vec()
	k.add(k.one, fd, t)
	k.blend(gt, t, fd)
	k.blend(k.cmpMask(cmpEQ, k.zero, div), k.signOf(q), fd)
	return fd
}

func genDivKernel(v isa, e elem, op divop, f divForm) {
	name := op.name + e.Name + f.suffix + v.Name
	exported := op.exported + e.Name + f.suffix + "Unitary"
	if f.prefix {
		name = "r" + name
		exported = "R" + lower(exported)
	}
	sig := fmt.Sprintf("func(dst, a, b []%s, nt bool) int", e.Go)
	if f.scalar != 0 {
		sig = fmt.Sprintf("func(dst, a []%s, s %s, nt bool) int", e.Go, e.Go)
	}
	TEXT(name, NOSPLIT, sig)
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: it computes", name, exported, v.Name),
		"dst[i] for whole vectors from the start of dst until one holds a lane",
		"left to the Go twin, and returns the number of elements done. With nt,",
		fmt.Sprintf("dst is %d-byte aligned and the results bypass the caches.", v.Bytes))
	dst := Load(Param("dst").Base(), GP64())
	pa := Load(Param("a").Base(), GP64())
	var pb Register
	if f.scalar == 0 {
		pb = Load(Param("b").Base(), GP64())
	}
	n := Load(Param("dst").Len(), GP64())
	k := &dk{vk: &vk{v: v, e: e, regs: map[int]VecVirtual{}, name: name}}
	if k.d() {
		k.one = k.bcastConst(0x3ff0000000000000)
		if op == opFloorDiv {
			k.half = k.bcastConst(0x3fe0000000000000)
		}
		k.sign, k.inf = k.bcastConst(1<<63), k.bcastConst(0x7ff0000000000000)
		k.limit = k.bcastConst(0x4330000000000000) // 2^52
	} else {
		k.one = k.bcastConst(0x3f800000)
		if op == opFloorDiv {
			k.half = k.bcastConst(0x3f000000)
		}
		k.sign, k.inf = k.bcastConst(1<<31), k.bcastConst(0x7f800000)
		k.limit = k.bcastConst(0x4b000000) // 2^23
	}
	k.zero = k.vec()
	k.xor(k.zero, k.zero, k.zero)
	var sx, sy VecVirtual // the broadcast scalar: the dividend or the divisor
	if f.scalar != 0 {
		s := Load(Param("s"), XMM())
		b := k.vec()
		I("VBROADCAST"+e.S, s, b)
		if f.scalar == 1 {
			sx = b
		} else {
			sy = b
		}
	}
	L := v.lanes(e)
	i, lim := GP64(), GP64()
	XORQ(i, i)
	MOVQ(n, lim)
	ANDQ(I32(-L), lim)
	done := name + "_done"

	loop := func(label, exit, bail, store string) {
		Label(label)
		CMPQ(i, lim)
		JGE(LabelRef(exit))
		x, y := sx, sy
		switch f.scalar {
		case 0:
			x, y = k.load(at(e, pa, i)), k.load(at(e, pb, i))
		case 1:
			y = k.load(at(e, pa, i))
		case 2:
			x = k.load(at(e, pa, i))
		}
		q := k.vec()
		k.div(y, x, q)
		k.check(q, y, bail)
		r := k.fmod(x, y, q)
		switch op {
		case opMod:
			r = k.divmod(x, y, q, r, false)
		case opFloorDiv:
			r = k.divmod(x, y, q, r, true)
		}
		I(store+e.P, r, at(e, dst, i))
		ADDQ(U32(L), i)
		JMP(LabelRef(label))
	}
	nt := Load(Param("nt"), GP8())
	TESTB(nt, nt)
	JNE(LabelRef(name + "_loopNT"))
	loop(name+"_loop", done, done, "VMOVU")
	Label(done)
	VZEROUPPER()
	Store(i, ReturnIndex(0))
	RET()

	loop(name+"_loopNT", name+"_ntend", name+"_ntend", "VMOVNT")
	Label(name + "_ntend")
	SFENCE()
	JMP(LabelRef(done))
}
