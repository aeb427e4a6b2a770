package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The arctan and arctan2 kernels (set "atan", written to atan_amd64.s).
// Each is a block kernel
//
//	func atanFloat64AVX2(dst, a []float64, c *float64, nt bool) (n int)
//	func atan2Float64AVX2(dst, y, x []float64, c *float64, nt bool) (n int)
//
// that computes whole vectors from the start of its operands until a
// vector holds an argument it leaves to the Go twin, or fewer than a
// vector's lanes remain, and returns the number of elements done; the Go
// wrapper does that vector and the tail with the twin and calls again.
// arctan leaves NaN and |x| > atanMax, arctan2 a NaN,
// max(|y|, |x|) > atan2Max and 0 < min(|y|, |x|) < atan2Min. c points at
// the constant rows atanRows64 or atanRows32 of package simd (64 bytes
// a row). With nt, dst is aligned to the vector width and the unrolled
// loop writes with non-temporal stores. The operations are those of
// atan2Core64 and atan2Core32 in simd/atan_generic.go, in the same
// order, so the results agree bit for bit. AVX2 and AVX-512F versions
// come from the same body; they differ in the masks (vector or opmask)
// and in how B and the sign of z are chosen by the quadrant (blends and
// bitwise operations, or masked moves and xors). No AVX512DQ
// instruction is used.

func init() { sets["atan"] = genAtan }

// Row numbers of the constant tables: the same as in
// simd/atan_generic.go.
const (
	aAbs, aSign, aMin, aMax, aMaxU, aOne = 0, 1, 2, 3, 4, 5
	aPi2Hi, aPi2Lo, aPiHi, aPiLo, aPoly  = 6, 7, 8, 9, 10
	atanPolyRows64, atanPolyRows32       = 20, 9
)

func genAtan() {
	for _, v := range []isa{avx2, avx512} {
		for _, e := range []elem{f64, f32} {
			genAtanKernel(v, e)
			genAtan2Kernel(v, e)
		}
	}
}

// atanPolyRows is the number of polynomial rows of e.
func atanPolyRows(e elem) int { return polyRows(e, atanPolyRows64, atanPolyRows32) }

// atanKeep are the rows the AVX-512 kernels keep in registers: the
// first n of the polynomial's, as many as the registers hold beside the
// work of the unrolled vectors (the rest are memory operands). The
// arctan2 kernels keep the operands, their minimum and maximum from the
// check to the computation: 18 rows; the arctan kernels all 20.
func atanKeep(e elem, n int) []int {
	var rows []int
	for j := range min(n, atanPolyRows(e)) {
		rows = append(rows, aPoly+j)
	}
	return rows
}

// genAtanKernel emits atan<T><ISA>: atan2Core(x, 1) for the vectors
// with |x| <= atanMax (NaN excluded).
func genAtanKernel(v isa, e elem) {
	blockUnrolled(fmt.Sprintf("atan%s%s", e.Name, v.Name), v, e, "Atan"+e.Name, kernel{
		rows: atanKeep(e, 20),
		check: func(k *vk, x VecVirtual) Register {
			ax := k.vec()
			k.and(k.c(aAbs), x, ax)
			return k.cmpMask(cmpNLEUQ, k.c(aMaxU), ax) // !(|x| <= max)
		},
		compute: func(k *vk, x VecVirtual) VecVirtual { return atanBody(k, x, nil) },
	})
}

// genAtan2Kernel emits atan2<T><ISA>.
func genAtan2Kernel(v isa, e elem) {
	name := fmt.Sprintf("atan2%s%s", e.Name, v.Name)
	blockUnrolled2(name, v, e, "Atan2"+e.Name, atanKeep(e, 18), atan2Check)
}

// atan2Check returns the mask of the lanes of y and x that the vector
// path leaves (atan2Ordinary64 and atan2Ordinary32 false): a NaN,
// max(|y|, |x|) > atan2Max, or 0 < min(|y|, |x|) < atan2Min; and the
// function that emits the rest of the computation. For AVX-512 the
// magnitudes, their minimum and maximum and the comparison |y| > |x|
// are kept for it; the AVX2 kernels, short of registers, compute them
// again.
func atan2Check(k *vk, y, x VecVirtual) (Register, func() VecVirtual) {
	ay, ax, n, d := atanMinMax(k, y, x)
	m := k.cmpMask(cmpUnord, ax, ay)
	big := k.cmpMask(cmpNLEUQ, k.c(aMax), d)
	var small Register
	if k.z() {
		nz := k.cmpMask(cmpNEQOQ, k.zero, n)
		small = K()
		k.pick(VCMPPD, VCMPPS)(U8(cmpLT), k.c(aMin), n, nz, small) // n < min where n != 0
		KORW(big, m, m)
		KORW(small, m, m)
		swap := k.cmpMask(cmpGTOQ, ax, ay)
		return m, func() VecVirtual { return atanTail(k, y, x, n, d, swap) }
	}
	nz := k.cmpMask(cmpNEQOQ, k.zero, n)
	small = k.cmpMask(cmpLT, k.c(aMin), n)
	VPAND(nz, small, small)
	VPOR(big, m, m)
	VPOR(small, m, m)
	return m, func() VecVirtual { return atanBody(k, y, x) }
}

// atanBody emits atan2Core for the vectors y and x, or with x nil for
// x = 1 (the arctan kernels, where max(d, atan2Min) is a no-op and x is
// never negative), and returns the result.
func atanBody(k *vk, y, x VecVirtual) VecVirtual {
	ay, ax, n, d := atanMinMax(k, y, x)
	swap := k.cmpMask(cmpGTOQ, ax, ay) // |y| > |x|
	return atanTail(k, y, x, n, d, swap)
}

// atanMinMax returns |y|, |x| (the row of 1 for x nil), n = min(|y|, |x|)
// and d = max(|y|, |x|).
func atanMinMax(k *vk, y, x VecVirtual) (ay VecVirtual, ax Op, n, d VecVirtual) {
	ay = k.vec()
	k.and(k.c(aAbs), y, ay)
	n, d = k.vec(), k.vec()
	ax = k.c(aOne)
	if x != nil {
		axr := k.vec()
		k.and(k.c(aAbs), x, axr)
		ax = axr
	}
	k.min(ax, ay, n)
	k.max(ax, ay, d)
	return ay, ax, n, d
}

// atanTail is atanBody from n, d and the mask swap of |y| > |x| on.
func atanTail(k *vk, y, x, n, d VecVirtual, swap Register) VecVirtual {
	if x != nil {
		k.max(k.c(aMin), d, d) // both zero: z = 0
	}
	inv := k.load(k.c(aOne))
	k.div(d, inv, inv) // 1/d
	zh := k.vec()
	k.mul(inv, n, zh)
	k.pick(VFNMADD231PD, VFNMADD231PS)(zh, d, n) // r = n - zh·d, exact
	zl := n
	k.mul(inv, zl, zl)
	w := k.vec()
	k.mul(zh, zh, w)
	q := atanPoly(k, w)
	k.mul(w, q, q) // q = w·P(w)

	// B (bHi + bLo) and the sign of z (sg) by the quadrant.
	bHi, bLo := k.vec(), k.vec()
	if k.z() {
		kflip := swap
		if x != nil {
			neg := K()
			k.pick(VPTESTMQ, VPTESTMD)(k.c(aSign), x, neg) // x's sign bit
			I("VMOVU"+k.e.P+"_Z", k.mem(aPiHi), neg, bHi)
			I("VMOVU"+k.e.P+"_Z", k.mem(aPiLo), neg, bLo)
			I("VMOVU"+k.e.P, k.mem(aPi2Hi), swap, bHi)
			I("VMOVU"+k.e.P, k.mem(aPi2Lo), swap, bLo)
			kflip = K()
			KXORW(neg, swap, kflip)
		} else {
			I("VMOVU"+k.e.P+"_Z", k.mem(aPi2Hi), swap, bHi)
			I("VMOVU"+k.e.P+"_Z", k.mem(aPi2Lo), swap, bLo)
		}
		k.pick(VPXORQ, VPXORD)(k.c(aSign), zh, kflip, zh)
		k.pick(VPXORQ, VPXORD)(k.c(aSign), zl, kflip, zl)
	} else {
		flip := swap
		if x != nil {
			neg := k.vec()
			k.pick(VPCMPGTQ, VPCMPGTD)(x, k.zero, neg) // x's sign bit: 0 > x as an integer
			k.and(k.c(aPiHi), neg, bHi)
			k.and(k.c(aPiLo), neg, bLo)
			I("VBLENDV"+k.e.P, swap, k.mem(aPi2Hi), bHi, bHi)
			I("VBLENDV"+k.e.P, swap, k.mem(aPi2Lo), bLo, bLo)
			k.xor(neg, swap, neg)
			flip = neg
		} else {
			k.and(k.c(aPi2Hi), swap, bHi)
			k.and(k.c(aPi2Lo), swap, bLo)
		}
		k.and(k.c(aSign), flip, flip)
		k.xor(flip, zh, zh)
		k.xor(flip, zl, zl)
	}
	zsh, zsl := zh, zl
	hi := k.vec()
	k.add(zsh, bHi, hi)   // bHi + zsh
	k.sub(hi, bHi, bHi)   // bHi - hi
	k.add(zsh, bHi, bHi)  // e
	k.add(bLo, bHi, bHi)  // e + bLo
	k.add(zsl, bHi, bHi)  // t
	k.fma231(q, zsh, bHi) // lo = zsh·q + t
	k.add(bHi, hi, hi)
	sg := k.vec()
	k.and(k.c(aSign), y, sg)
	k.or(sg, hi, hi)
	return hi
}

// atanPoly emits atanPolyEval64 or atanPolyEval32 of
// simd/atan_generic.go: the pairs cⱼ·w + cⱼ₊₁ (after c₀ alone for an odd
// number of coefficients) by Horner's rule in w².
func atanPoly(k *vk, w VecVirtual) VecVirtual {
	c := func(j int) Op { return k.c(aPoly + j) }
	rows := atanPolyRows(k.e)
	pair := func(j int) VecVirtual { // cⱼ·w + cⱼ₊₁
		t := k.load(c(j + 1))
		k.fma231(c(j), w, t)
		return t
	}
	w2 := k.vec()
	k.mul(w, w, w2)
	var a VecVirtual
	j := 1
	if rows%2 == 0 {
		a, j = pair(0), 2
	} else {
		a = k.load(c(0))
	}
	for ; j < rows; j += 2 {
		k.fma213(pair(j), w2, a) // a = a·w² + pair
	}
	return a
}

// blockUnrolled2 is blockUnrolled for the kernels of two operands,
// func(dst, y, x []T, c *T, nt bool) int: check returns the mask of the
// lanes left to the twin and the function that emits the computation,
// called once no lane of the unrolled vectors is left.
func blockUnrolled2(name string, v isa, e elem, loop string, rows []int,
	check func(k *vk, y, x VecVirtual) (Register, func() VecVirtual)) {
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, y, x []%s, c *%s, nt bool) int", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: it computes", name, loop, v.Name),
		"dst[i] for whole vectors from the start of y and x until one holds an",
		"argument left to the Go twin, and returns the number of elements done.",
		fmt.Sprintf("With nt, dst is %d-byte aligned and the results bypass the caches.", v.Bytes))
	dst := Load(Param("dst").Base(), GP64())
	py := Load(Param("y").Base(), GP64())
	px := Load(Param("x").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	k := &vk{v: v, e: e, cp: Load(Param("c"), GP64()), regs: map[int]VecVirtual{}, name: name}
	if k.z() {
		for _, r := range rows {
			k.regs[r] = k.load(k.mem(r))
		}
	}
	k.zero = k.vec()
	k.xor(k.zero, k.zero, k.zero)
	L := v.lanes(e)
	i := GP64()
	XORQ(i, i)
	lim := GP64()
	done := name + "_done"
	MOVQ(n, lim)
	ANDQ(I32(-unroll*L), lim)
	nt := Load(Param("nt"), GP8())
	TESTB(nt, nt)
	JNE(LabelRef(name + "_loopNT"))

	loopN := func(label, exit, bail string, store string) {
		Label(label)
		CMPQ(i, lim)
		JGE(LabelRef(exit))
		PREFETCHT0(at(e, py, i).Offset(prefetch))
		PREFETCHT0(at(e, px, i).Offset(prefetch))
		var ms [unroll]Register
		var cs [unroll]func() VecVirtual
		for u := range unroll {
			y := k.load(at(e, py, i).Offset(u * L * e.Size))
			x := k.load(at(e, px, i).Offset(u * L * e.Size))
			ms[u], cs[u] = check(k, y, x)
		}
		k.bailIfAny(bail, ms[:]...)
		for u := range unroll {
			I(store+e.P, cs[u](), at(e, dst, i).Offset(u*L*e.Size))
		}
		ADDQ(U32(unroll*L), i)
		JMP(LabelRef(label))
	}
	loopN(name+"_loopN", name+"_loop1_init", done, "VMOVU")

	loop1Head(name, n, i, lim, L, done)
	m, c := check(k, k.load(at(e, py, i)), k.load(at(e, px, i)))
	k.bailIfAny(done, m)
	I("VMOVU"+e.P, c(), at(e, dst, i))
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop1"))

	Label(done)
	VZEROUPPER()
	Store(i, ReturnIndex(0))
	RET()

	loopN(name+"_loopNT", name+"_ntend", name+"_ntbail", "VMOVNT")
	Label(name + "_ntend")
	SFENCE()
	JMP(LabelRef(name + "_loop1_init"))
	Label(name + "_ntbail")
	SFENCE()
	JMP(LabelRef(done))
}
