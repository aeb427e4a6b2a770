package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The exp, log and tanh kernels (set "exp", written to exp_amd64.s).
// Each is a block kernel
//
//	func expFloat64AVX2(dst, a []float64, c *float64, nt bool) (n int)
//
// that computes whole vectors from the start of a until a vector holds
// an argument it leaves to the Go twin, or fewer than a vector's lanes
// remain, and returns the number of elements done; the Go wrapper does
// that vector and the tail with the twin and calls again. The AVX2 exp
// leaves NaN and |x| > 708 (results that overflow or are subnormal), the
// log kernels anything but positive normal numbers; the AVX-512 exp
// (clamping x and scaling with VSCALEFPD) and the tanh kernels handle
// every argument. c points at the constant rows of package simd
// (expRows64 and friends, 64 bytes a row: a broadcast constant or a
// lookup table). With nt, dst is aligned to the vector width and the
// unrolled loop writes with non-temporal stores. The operations are
// those of the twins in simd/exp_generic.go, in the same order, so the
// results agree bit for bit. AVX2 and AVX-512 versions come from the
// same bodies; they differ in the masks (vector or opmask), the bitwise
// instructions, the table lookups (gathers or 8-lane permutes for AVX2,
// two-table permutes for AVX-512, and for float64 log's 1/c and the high
// part of log c one-table permutes of 32-bit words, the high halves of
// their bits) and a few AVX-512 instructions
// (VSCALEFP*, VFPCLASSP*, and VCVTQQ2PD, which is AVX512DQ).

func init() {
	sets["exp"] = genExp
	ins["VMOVNTPD"] = func(o ...Op) { VMOVNTPD(o[0], o[1]) }
	ins["VMOVNTPS"] = func(o ...Op) { VMOVNTPS(o[0], o[1]) }
}

// Row numbers of the constant tables: the same as in simd/exp_generic.go.
const (
	eAbs, eMax, eLog2e, eShift, eNegLn2Hi, eNegLn2Lo, ePoly = 0, 1, 2, 3, 4, 5, 6
	eOne64, eTanhMax64, eSign64, eTwo64, eHi64, eLo64       = 16, 17, 18, 19, 20, 21
	eExpm1Max64, eExpm1Min64, eExp2Max64, eHalf64           = 22, 23, 24, 25
	eOne32, eTanhMax32, eSign32, eTwo32, eHi32, eLo32       = 11, 12, 13, 14, 15, 16

	lOff64, lMagic64, lBias64, lExpMask64, lNegOne64, lLn2Hi64, lLn2Lo64 = 0, 1, 2, 3, 4, 5, 6
	lChkAdd64, lChkLim64, lPoly64, lInvC64, lLogCHi64, lLogCLo64         = 7, 8, 9, 17, 19, 21
	lIdxMask64, lAllOnes64                                               = 23, 24
	lScale2Hi64, lScale2Lo64, lScale10Hi64, lScale10Lo64                 = 25, 26, 27, 28
	lInvCW64, lLogCHiW64                                                 = 29, 30

	lOff32, lExpMask32, lNegOne32, lLn2Hi32, lLn2Lo32, lChkAdd32, lChkLim32 = 0, 1, 2, 3, 4, 5, 6
	lPoly32, lInvC32, lLogCHi32, lLogCLo32                                  = 7, 12, 13, 14
)

// Degrees: the number of polynomial rows.
const (
	expPolyRows64, expPolyRows32 = 10, 5
	logPolyRows64, logPolyRows32 = 8, 5
)

func genExp() {
	for _, v := range []isa{avx2, avx512} {
		for _, e := range []elem{f64, f32} {
			genExpKernel(v, e)
			if e.Size == 8 {
				genExpm1Kernel(v)
			}
			genLogKernel(v, e)
			genTanhKernel(v, e)
		}
		genLog1pKernel(v)
		genExp2Kernel(v)
		genCoshKernel(v)
		genSinhKernel(v)
	}
	genPow()
	genHypot()
}

// vk emits the instructions of one kernel for an ISA and element type.
type vk struct {
	v    isa
	e    elem
	cp   Register // the constant rows
	regs map[int]VecVirtual
	name string   // the kernel: bailIf and bailIfGreater jump to name_done
	odd  Register // AVX-512 log: an opmask of the odd 32-bit lanes
	zero Op       // arctan2: a register of zeros
}

func (k *vk) z() bool         { return k.v.Bytes == 64 }
func (k *vk) d() bool         { return k.e.Size == 8 }
func (k *vk) vec() VecVirtual { return k.v.vec() }

// c is constant row i: a register if it was preloaded, else memory.
func (k *vk) c(i int) Op {
	if r, ok := k.regs[i]; ok {
		return r
	}
	return k.mem(i)
}

// mem is constant row i in memory.
func (k *vk) mem(i int) Mem { return Mem{Base: k.cp, Disp: 64 * i} }

// pick chooses the float64 or float32 form of an instruction.
func (k *vk) pick(d, s func(...Op)) func(...Op) {
	if k.d() {
		return d
	}
	return s
}

// load returns a new register holding m.
func (k *vk) load(m Op) VecVirtual {
	x := k.vec()
	I("VMOVU"+k.e.P, m, x)
	return x
}

// Arithmetic in Go operand order: dst = b op a.
func (k *vk) add(a, b, dst Op) { I("VADD"+k.e.P, a, b, dst) }
func (k *vk) sub(a, b, dst Op) { I("VSUB"+k.e.P, a, b, dst) }
func (k *vk) mul(a, b, dst Op) { I("VMUL"+k.e.P, a, b, dst) }
func (k *vk) div(a, b, dst Op) { I("VDIV"+k.e.P, a, b, dst) }
func (k *vk) min(a, b, dst Op) { I("VMIN"+k.e.P, a, k.reg(b), dst) }
func (k *vk) max(a, b, dst Op) { I("VMAX"+k.e.P, a, k.reg(b), dst) }

// reg returns o in a register, loading it if it is in memory.
func (k *vk) reg(o Op) Op {
	if _, ok := o.(Mem); ok {
		return k.load(o)
	}
	return o
}

// fma231 is acc = b·a + acc; fma213 is acc = b·acc + a.
func (k *vk) fma231(a, b, acc Op) { I("VFMADD231"+k.e.P, a, b, acc) }
func (k *vk) fma213(a, b, acc Op) { k.pick(VFMADD213PD, VFMADD213PS)(a, b, acc) }

// Bitwise operations: dst = b op a.
func (k *vk) and(a, b, dst Op) {
	if k.z() {
		VPANDQ(a, b, dst)
		return
	}
	VPAND(a, b, dst)
}

func (k *vk) or(a, b, dst Op) {
	if k.z() {
		VPORQ(a, b, dst)
		return
	}
	VPOR(a, b, dst)
}

func (k *vk) xor(a, b, dst Op) {
	if k.z() {
		VPXORQ(a, b, dst)
		return
	}
	VPXOR(a, b, dst)
}

// Integer lane operations on the element width: dst = b op a, and
// shifts dst = b shifted by n.
func (k *vk) iadd(a, b, dst Op)      { k.pick(VPADDQ, VPADDD)(a, b, dst) }
func (k *vk) isub(a, b, dst Op)      { k.pick(VPSUBQ, VPSUBD)(a, b, dst) }
func (k *vk) shl(n int, b, dst Op)   { k.pick(VPSLLQ, VPSLLD)(U8(n), b, dst) }
func (k *vk) shr(n int, b, dst Op)   { k.pick(VPSRLQ, VPSRLD)(U8(n), b, dst) }
func (k *vk) sar32(n int, b, dst Op) { VPSRAD(U8(n), b, dst) }

// A mask marks the lanes left to the Go twin: an opmask register for
// AVX-512, a vector of all-ones lanes for AVX2.

// cmpMask is the mask of lanes where "b pred a" holds (VCMPP* predicate
// pred).
func (k *vk) cmpMask(pred int, a, b Op) Register {
	if k.z() {
		m := K()
		I("VCMP"+k.e.P, U8(pred), a, b, m)
		return m
	}
	m := k.vec()
	I("VCMP"+k.e.P, U8(pred), a, b, m)
	return m
}

// gtMask is the mask of lanes where the signed integer b > a.
func (k *vk) gtMask(a, b Op) Register {
	if k.z() {
		m := K()
		k.pick(VPCMPGTQ, VPCMPGTD)(a, b, m)
		return m
	}
	m := k.vec()
	k.pick(VPCMPGTQ, VPCMPGTD)(a, b, m)
	return m
}

// bailIfAny jumps to label if any lane of the masks is set.
func (k *vk) bailIfAny(label string, ms ...Register) {
	m := ms[0]
	for _, o := range ms[1:] {
		if k.z() {
			KORW(o, m, m)
		} else {
			VPOR(o, m, m)
		}
	}
	if k.z() {
		KORTESTW(m, m)
	} else {
		VPTEST(m, m)
	}
	JNE(LabelRef(label))
}

// bailIf jumps to the exit of a kernel emitted by block if any lane of
// the comparison "b pred a" holds.
func (k *vk) bailIf(pred int, a, b Op) { k.bailIfAny(k.name+"_done", k.cmpMask(pred, a, b)) }

// bailIfGreater jumps to the exit of a kernel emitted by block if any
// signed integer lane of b is greater than the one of a.
func (k *vk) bailIfGreater(a, b Op) { k.bailIfAny(k.name+"_done", k.gtMask(a, b)) }

// Comparison predicates of VCMPP*.
const (
	cmpEQ    = 0x00 // equal, ordered
	cmpLTOS  = 0x01 // less, ordered, signaling
	cmpUnord = 0x03 // unordered: a NaN
	cmpNEQOQ = 0x0c // not equal, ordered
	cmpLT    = 0x11 // less, ordered
	cmpNLT   = 0x15 // not less, quiet: greater, equal or NaN
	cmpNLEUQ = 0x16 // not less or equal, quiet: greater or NaN
	cmpNGT   = 0x1a // not greater, quiet: less, equal or NaN
	cmpGTOQ  = 0x1e // greater, ordered
)

// kernel is one kernel's body: check returns the mask of the lanes of x
// left to the Go twin (nil: none are); compute returns the result (and
// may overwrite x).
type kernel struct {
	single  bool        // one vector an iteration (register pressure)
	rows    []int       // the constant rows to keep in registers (AVX-512)
	setup   func(k *vk) // once before the loops, if not nil
	check   func(k *vk, x VecVirtual) Register
	compute func(k *vk, x VecVirtual) VecVirtual
}

// unroll is the number of vectors per iteration of the main loop.
const unroll = 2

// prefetch is how far ahead of the loads of the main loop the next part
// of a is requested, in bytes (a hint: past the end it is harmless).
const prefetch = 1024

// block emits a kernel frame that takes one vector at a time and whose
// body bails out itself (bailIf, bailIfGreater) before it computes.
func block(name string, v isa, e elem, loop string, body func(k *vk, x VecVirtual) VecVirtual) {
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a []%s, c *%s) int", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: it computes", name, loop, v.Name),
		"dst[i] for whole vectors from the start of a until one holds an argument",
		"left to the Go twin, and returns the number of elements done.")
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	k := &vk{v: v, e: e, cp: Load(Param("c"), GP64()), regs: map[int]VecVirtual{}, name: name}
	L := v.lanes(e)
	i := GP64()
	XORQ(i, i)
	lim := GP64()
	MOVQ(n, lim)
	ANDQ(I32(-L), lim)
	Label(name + "_loop")
	CMPQ(i, lim)
	JGE(LabelRef(name + "_done"))
	x := k.load(at(e, a, i))
	y := body(k, x)
	I("VMOVU"+e.P, y, at(e, dst, i))
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	Store(i, ReturnIndex(0))
	RET()
}

// blockUnrolled emits the frame of a kernel with separate check and
// compute: a loop over unroll vectors at a time that checks them all
// before computing any (prefetching a ahead), then one vector at a time.
// With nt the first loop stores with non-temporal hints (dst must then
// be aligned to the vector width) and the kernel fences before it
// returns. For AVX-512 the kernel's constant rows are kept in registers.
func blockUnrolled(name string, v isa, e elem, loop string, kn kernel) {
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a []%s, c *%s, nt bool) int", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the block kernel of %s for %s: it computes", name, loop, v.Name),
		"dst[i] for whole vectors from the start of a until one holds an argument",
		"left to the Go twin, and returns the number of elements done. With nt,",
		fmt.Sprintf("dst is %d-byte aligned and the results bypass the caches.", v.Bytes))
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	k := &vk{v: v, e: e, cp: Load(Param("c"), GP64()), regs: map[int]VecVirtual{}, name: name}
	if k.z() {
		for _, r := range kn.rows {
			k.regs[r] = k.load(k.mem(r))
		}
	}
	if kn.setup != nil {
		kn.setup(k)
	}
	L := v.lanes(e)
	i := GP64()
	XORQ(i, i)
	lim := GP64()
	done := name + "_done"
	MOVQ(n, lim)
	un := unroll
	if kn.single {
		un = 1
	}
	ANDQ(I32(-un*L), lim)
	nt := Load(Param("nt"), GP8())
	TESTB(nt, nt)
	JNE(LabelRef(name + "_loopNT"))

	// loopN emits the unrolled loop; store stores y at m.
	loopN := func(label, exit, bail string, store string) {
		Label(label)
		CMPQ(i, lim)
		JGE(LabelRef(exit))
		PREFETCHT0(at(e, a, i).Offset(prefetch))
		xs := make([]VecVirtual, un)
		ms := make([]Register, un)
		for u := range un {
			xs[u] = k.load(at(e, a, i).Offset(u * L * e.Size))
			if kn.check != nil {
				ms[u] = kn.check(k, xs[u])
			}
		}
		if kn.check != nil {
			k.bailIfAny(bail, ms[:]...)
		}
		for u := range un {
			y := kn.compute(k, xs[u])
			I(store+e.P, y, at(e, dst, i).Offset(u*L*e.Size))
		}
		ADDQ(U32(un*L), i)
		JMP(LabelRef(label))
	}
	loopN(name+"_loopN", name+"_loop1_init", done, "VMOVU")

	loop1Head(name, n, i, lim, L, done)
	x := k.load(at(e, a, i))
	if kn.check != nil {
		k.bailIfAny(done, kn.check(k, x))
	}
	I("VMOVU"+e.P, kn.compute(k, x), at(e, dst, i))
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

// expCore emits the reduction x = k·ln2 + r and the polynomial of exp:
// it returns kd (whose low bits hold k), k as a float and, in r
// (overwritten), the reduced argument, and p = the Horner sum down to
// the r² coefficient.
func expCore(k *vk, r VecVirtual) (kd, kk, p VecVirtual) {
	kd = k.load(k.c(eShift))
	k.fma231(k.c(eLog2e), r, kd) // kd = x·log2e + shift
	kk = k.vec()
	k.sub(k.c(eShift), kd, kk) // k = kd - shift
	k.fma231(k.c(eNegLn2Hi), kk, r)
	k.fma231(k.c(eNegLn2Lo), kk, r)
	rows := polyRows(k.e, expPolyRows64, expPolyRows32)
	p = k.load(k.c(ePoly + 1))
	k.fma231(k.c(ePoly), r, p)
	for j := 2; j < rows; j++ {
		k.fma213(k.c(ePoly+j), r, p)
	}
	return kd, kk, p
}

// pairs emits pairs8 of simd/exp_generic.go for the coefficients in
// rows poly, poly+1, …, given r and r²: the same operations, so the
// results agree bit for bit.
func pairs(k *vk, r, r2 VecVirtual, poly int) VecVirtual {
	c := func(j int) Op { return k.c(poly + j) }
	pair := func(j int) VecVirtual { // c[j]·r + c[j+1]
		t := k.load(c(j + 1))
		k.fma231(c(j), r, t)
		return t
	}
	a := pair(0)
	for j := 2; j < 8; j += 2 {
		k.fma213(pair(j), r2, a) // a = a·r² + pair(j)
	}
	return a
}

// absAbove is the mask of the lanes where !(|x| <= the bound in row
// max): beyond it, or NaN.
func absAbove(k *vk, x VecVirtual, max int) Register {
	ax := k.vec()
	k.and(k.c(eAbs), x, ax)
	return k.cmpMask(cmpNLEUQ, k.c(max), ax)
}

// genCoshKernel: cosh64 of simd/exp_generic.go, exp's kernel on |x|
// <= expMax64 then e/2 + (1/2)/e (the twin does the rest).
func genCoshKernel(v isa) {
	kn := kernel{
		rows:  append([]int{eAbs, eMax, eOne64, eHalf64}, expRows(f64)...),
		check: func(k *vk, x VecVirtual) Register { return absAbove(k, x, eMax) },
		compute: func(k *vk, x VecVirtual) VecVirtual {
			k.and(k.c(eAbs), x, x)
			kd, _, p := expCore(k, x)
			k.fma213(k.c(eOne64), x, p)
			k.fma213(k.c(eOne64), x, p)
			sc := k.vec()
			k.shl(52, kd, sc)
			k.iadd(sc, p, p) // e = exp(|x|)
			q := k.load(k.c(eHalf64))
			k.div(p, q, q)               // (1/2)/e
			k.fma231(k.c(eHalf64), p, q) // e/2 + (1/2)/e
			return q
		},
	}
	blockUnrolled("coshFloat64"+v.Name, v, f64, "CoshFloat64", kn)
}

// genExp2Kernel: exp2_64 of simd/exp_generic.go, exp's polynomial on
// r = (x - k)·ln 2 for the integer k nearest x, |x| <= exp2Max64 (the
// twin does the rest).
func genExp2Kernel(v isa) {
	kn := kernel{
		rows:  append([]int{eAbs, eExp2Max64, eOne64}, expRows(f64)...),
		check: func(k *vk, x VecVirtual) Register { return absAbove(k, x, eExp2Max64) },
		compute: func(k *vk, x VecVirtual) VecVirtual {
			kd := k.load(k.c(eShift))
			k.add(x, kd, kd) // x + shift: k in the low bits
			g := k.vec()
			k.sub(k.c(eShift), kd, g)
			k.sub(x, g, g) // k - x, exact
			r := k.vec()
			k.mul(k.c(eNegLn2Lo), g, r)
			k.fma231(k.c(eNegLn2Hi), g, r) // (x - k)·ln 2
			p := k.load(k.c(ePoly + 1))
			k.fma231(k.c(ePoly), r, p)
			for j := 2; j < expPolyRows64; j++ {
				k.fma213(k.c(ePoly+j), r, p)
			}
			k.fma213(k.c(eOne64), r, p)
			k.fma213(k.c(eOne64), r, p)
			sc := k.vec()
			k.shl(52, kd, sc)
			k.iadd(sc, p, p) // add k to the exponent
			return p
		},
	}
	blockUnrolled("exp2Float64"+v.Name, v, f64, "Exp2Float64", kn)
}

// genExpKernel: exp64 / exp32 of simd/exp_generic.go. The AVX2 kernel
// leaves |x| > expMax to the twin; the AVX-512 one clamps x to
// [expUnder, expClampHi] (NaN passes) and scales with VSCALEFP*, which
// rounds subnormal results once and overflows to +Inf as the twin's
// exp64Special does, so it handles every lane.
func genExpKernel(v isa, e elem) {
	one, hi, lo := eOne32, eHi32, eLo32
	if e.Size == 8 {
		one, hi, lo = eOne64, eHi64, eLo64
	}
	kn := kernel{
		rows:  append([]int{eAbs, eMax, one}, expRows(e)...),
		check: func(k *vk, x VecVirtual) Register { return absAbove(k, x, eMax) },
		compute: func(k *vk, x VecVirtual) VecVirtual {
			kd, _, p := expCore(k, x)
			k.fma213(k.c(one), x, p) // 1 + r·P(r)
			k.fma213(k.c(one), x, p) // eʳ
			sc := k.vec()
			k.shl(expBits(e), kd, sc)
			k.iadd(sc, p, p) // add k to the exponent
			return p
		},
	}
	if v.Bytes == 64 {
		kn.rows = append([]int{hi, lo, one}, expRows(e)...)
		kn.check = nil
		kn.compute = func(k *vk, x VecVirtual) VecVirtual {
			k.min(x, k.c(hi), x) // min(hi, x), NaN if x is
			k.max(x, k.c(lo), x)
			_, kk, p := expCore(k, x)
			k.fma213(k.c(one), x, p)
			k.fma213(k.c(one), x, p)
			k.pick(VSCALEFPD, VSCALEFPS)(kk, p, p) // p·2ᵏ
			return p
		}
	}
	blockUnrolled(fmt.Sprintf("exp%s%s", e.Name, v.Name), v, e, "Exp"+e.Name, kn)
}

// expRows are the rows expCore reads.
func expRows(e elem) []int {
	rows := []int{eLog2e, eShift, eNegLn2Hi, eNegLn2Lo}
	for j := range polyRows(e, expPolyRows64, expPolyRows32) {
		rows = append(rows, ePoly+j)
	}
	return rows
}

func polyRows(e elem, n64, n32 int) int {
	if e.Size == 8 {
		return n64
	}
	return n32
}

// expBits is the width of the significand field.
func expBits(e elem) int {
	if e.Size == 8 {
		return 52
	}
	return 23
}

// genExpm1Kernel: expm1_64 of simd/exp_generic.go for x <= expm1Max64
// (vectors with a larger x or a NaN go to the twin), x clamped to
// expm1Min64: 2ᵏr·rP(r) + 2ᵏrlo + (2ᵏ - 1 + 2ᵏr1), with r = r1 + rlo
// from the exp reduction (r1 exact) and the last sum kept exactly as
// hi + lo, and the sign of x.
func genExpm1Kernel(v isa) {
	e := f64
	blockUnrolled("expm1"+e.Name+v.Name, v, e, "Expm1"+e.Name, kernel{
		rows: append([]int{eExpm1Max64, eExpm1Min64, eOne64, eSign64}, expRows(e)...),
		check: func(k *vk, x VecVirtual) Register {
			return k.cmpMask(cmpNLEUQ, k.c(eExpm1Max64), x) // !(x <= max)
		},
		compute: expm1Body,
	})
}

// expm1Body emits expm1_64 of simd/exp_generic.go for x <= expm1Max64
// (x is overwritten).
func expm1Body(k *vk, x VecVirtual) VecVirtual {
	k.max(k.c(eExpm1Min64), x, x)
	sg := k.vec()
	k.and(k.c(eSign64), x, sg)
	kd := k.load(k.c(eShift))
	k.fma231(k.c(eLog2e), x, kd) // kd = x·log2e + shift
	kk := k.vec()
	k.sub(k.c(eShift), kd, kk)      // k = kd - shift
	k.fma231(k.c(eNegLn2Hi), kk, x) // r1, exact
	r1 := x
	r := k.load(r1)
	k.fma231(k.c(eNegLn2Lo), kk, r)
	rlo := k.vec()
	k.mul(k.c(eNegLn2Lo), kk, rlo)
	p := k.load(k.c(ePoly + 1))
	k.fma231(k.c(ePoly), r, p)
	for j := 2; j < expPolyRows64; j++ {
		k.fma213(k.c(ePoly+j), r, p)
	}
	s, sm1 := pow2(k, kd, eOne64)
	sr := k.vec()
	k.mul(r1, s, sr)
	rp := k.vec()
	k.mul(p, r, rp)
	hi := k.vec()
	k.add(sr, sm1, hi) // 2ᵏ - 1 + 2ᵏr
	lo := k.vec()
	k.sub(hi, sm1, lo)
	k.add(sr, lo, lo)    // its rounding error
	k.fma231(s, rlo, lo) // + 2ᵏrlo
	k.mul(r, s, s)       // 2ᵏr
	k.fma213(lo, rp, s)  // 2ᵏr·rP(r) + lo
	k.add(hi, s, s)
	k.or(sg, s, s)
	return s
}

// genSinhKernel: sinh64 of simd/exp_generic.go, expm1's kernel on |x|
// <= expm1Max64 then ±(t + t/(t + 1))/2, or ±(2t - t·t/(t + 1))/2 below
// 1 (the twin does the rest).
func genSinhKernel(v isa) {
	blockUnrolled("sinhFloat64"+v.Name, v, f64, "SinhFloat64", kernel{
		rows:  append([]int{eAbs, eExpm1Max64, eExpm1Min64, eOne64, eSign64, eHalf64}, expRows(f64)...),
		check: func(k *vk, x VecVirtual) Register { return absAbove(k, x, eExpm1Max64) },
		compute: func(k *vk, x VecVirtual) VecVirtual {
			h := k.vec()
			k.and(k.c(eSign64), x, h)
			k.or(k.c(eHalf64), h, h) // ±1/2, x's sign
			k.and(k.c(eAbs), x, x)
			small := k.cmpMask(cmpLT, k.c(eOne64), x) // |x| < 1
			t := expm1Body(k, x)
			q := k.vec()
			k.add(k.c(eOne64), t, q)
			k.div(q, t, q) // t/(t + 1)
			b := k.vec()
			k.add(t, t, b)
			VFNMADD231PD(q, t, b) // 2t - t·q
			k.add(q, t, t)        // t + q
			if k.z() {
				VBLENDMPD(b, t, small, t)
			} else {
				VBLENDVPD(small, b, t, t)
			}
			k.mul(h, t, t)
			return t
		},
	})
}

// pow2 returns 2ᵏ and 2ᵏ - 1 for the k in the low bits of kd (the exp
// reduction's kd); one is the row of 1.
func pow2(k *vk, kd VecVirtual, one int) (s, sm1 VecVirtual) {
	s = k.vec()
	k.shl(expBits(k.e), kd, s)
	k.iadd(k.c(one), s, s) // 2ᵏ
	sm1 = k.vec()
	k.sub(k.c(one), s, sm1)
	return s, sm1
}

// genTanhKernel: tanh64 / tanh32 of simd/exp_generic.go. It handles
// every lane: ±Inf is clamped, and a NaN runs through the arithmetic to
// the result (the twin returns the same quiet NaN).
func genTanhKernel(v isa, e elem) {
	one, tmax, sign, two := eOne32, eTanhMax32, eSign32, eTwo32
	if e.Size == 8 {
		one, tmax, sign, two = eOne64, eTanhMax64, eSign64, eTwo64
	}
	blockUnrolled(fmt.Sprintf("tanh%s%s", e.Name, v.Name), v, e, "Tanh"+e.Name, kernel{
		rows: append([]int{eAbs, one, tmax, sign, two}, expRows(e)...),
		compute: func(k *vk, x VecVirtual) VecVirtual {
			t := k.vec()
			k.and(k.c(eAbs), x, t)
			k.min(t, k.c(tmax), t) // |x| > max ? max : |x|, NaN if x is
			k.add(t, t, t)
			kd, _, p := expCore(k, t)
			r := t
			s, sm1 := pow2(k, kd, one)
			sr := k.vec()
			k.mul(r, s, sr)
			rp := k.vec()
			k.mul(p, r, rp)
			k.add(sm1, sr, sm1)   // 2ᵏr + (2ᵏ - 1)
			k.fma213(sm1, rp, sr) // expm1(2|x|)
			den := k.vec()
			k.add(k.c(two), sr, den)
			y := k.vec()
			k.div(den, sr, y)
			sg := k.vec()
			k.and(k.c(sign), x, sg)
			k.or(sg, y, y)
			return y
		},
	})
}

// notPosNormal is the VFPCLASSP* class of the arguments the log kernels
// leave to the twin: NaN, ±0, ±Inf, subnormal or negative.
const notPosNormal = 0xff

// genLogKernel: logCore64 / logCore32 of simd/exp_generic.go (and
// logScaled64). The AVX-512 kernels (which need AVX512DQ too) find the
// lanes left to the twin with VFPCLASSP* and convert k with VCVTQQ2PD;
// the AVX2 ones compare the bits and convert k by adding it to a power
// of two.
func genLogKernel(v isa, e elem) {
	if e.Size == 8 {
		genLogKernel64(v, "log", -1)
		genLogKernel64(v, "log2", lScale2Hi64)
		genLogKernel64(v, "log10", lScale10Hi64)
		return
	}
	name := fmt.Sprintf("log%s%s", e.Name, v.Name)
	rows := []int{lOff32, lExpMask32, lNegOne32, lLn2Hi32, lLn2Lo32, lInvC32, lLogCHi32, lLogCLo32}
	for j := range logPolyRows32 {
		rows = append(rows, lPoly32+j)
	}
	kn := kernel{
		rows: append(rows, lChkAdd32, lChkLim32),
		check: func(k *vk, x VecVirtual) Register {
			chk := k.vec()
			k.iadd(k.c(lChkAdd32), x, chk)
			return k.gtMask(k.c(lChkLim32), chk)
		},
		compute: logBody32,
	}
	if v.Bytes == 64 {
		kn.rows = rows
		kn.check = func(k *vk, x VecVirtual) Register {
			m := K()
			VFPCLASSPSZ(U8(notPosNormal), x, m)
			return m
		}
	}
	blockUnrolled(name, v, e, "Log"+e.Name, kn)
}

// genLogKernel64 emits the float64 kernel name (log, log2 or log10):
// logCore64, or with scale >= 0 logScaled64 with 1/ln b in the rows
// scale and scale+1.
func genLogKernel64(v isa, name string, scale int) {
	kname := fmt.Sprintf("%s%s%s", name, f64.Name, v.Name)
	rows := []int{lOff64, lExpMask64, lNegOne64, lLn2Hi64, lLn2Lo64}
	for j := range logPolyRows64 {
		rows = append(rows, lPoly64+j)
	}
	if scale >= 0 {
		rows = append(rows, scale, scale+1)
	}
	body := func(k *vk, x VecVirtual) VecVirtual { return logBody64(k, x, scale, nil) }
	kn := kernel{
		rows: append(rows, lChkAdd64, lChkLim64, lMagic64, lBias64),
		check: func(k *vk, x VecVirtual) Register {
			chk := k.vec()
			k.iadd(k.c(lChkAdd64), x, chk)
			return k.gtMask(k.c(lChkLim64), chk) // not a positive normal number
		},
		compute: body,
	}
	if v.Bytes == 64 {
		kn.rows = rows
		kn.check = func(k *vk, x VecVirtual) Register {
			m := K()
			VFPCLASSPDZ(U8(notPosNormal), x, m)
			return m
		}
		kn.setup = func(k *vk) {
			t := GP32()
			MOVL(U32(0xaaaa), t)
			k.odd = K()
			KMOVW(t, k.odd)
		}
	}
	loop := strings.ToUpper(name[:1]) + name[1:] + f64.Name
	blockUnrolled(kname, v, f64, loop, kn)
}

func logBody64(k *vk, x VecVirtual, scale int, corr VecVirtual) VecVirtual {
	tmp := k.vec()
	k.isub(k.c(lOff64), x, tmp)
	idx := k.vec()
	k.shr(48, tmp, idx)
	kd := k.exponent(tmp, lMagic64, lBias64)
	var wi VecVirtual
	if k.z() {
		wi = k.vec()
		k.shr(16, tmp, wi) // the table index in bits 32-35
	}
	k.and(k.c(lExpMask64), tmp, tmp)
	k.isub(tmp, x, x) // z
	var invc, lch, lcl VecVirtual
	if k.z() {
		// 1/c and log c's high part: their bits' high halves, from
		// 16-word tables by a one-table permute of the odd words (whose
		// index is in wi's bits 32-35), the even words zeroed
		word := func(row int) VecVirtual {
			t := k.vec()
			VPERMD_Z(k.c(row), wi, k.odd, t)
			return t
		}
		invc, lch = word(lInvCW64), word(lLogCHiW64)
		lcl = k.load(k.c(lLogCLo64))
		VPERMT2PD(k.c(lLogCLo64+1), idx, lcl)
	} else {
		k.and(k.c(lIdxMask64), idx, idx)
		look := func(row int) VecVirtual {
			m := k.load(k.c(lAllOnes64))
			t := k.vec()
			VXORPD(t, t, t)
			VGATHERQPD(m, Mem{Base: k.cp, Disp: 64 * row, Index: idx, Scale: 8}, t)
			return t
		}
		invc, lch, lcl = look(lInvC64), look(lLogCHi64), look(lLogCLo64)
	}
	return logTail(k, x, kd, invc, lch, lcl, lNegOne64, lLn2Hi64, lLn2Lo64, lPoly64, logPolyRows64, scale, corr)
}

// exponent returns the float64 value of the signed top 12 bits of tmp
// (x's bits less the reduction's offset: k of x = 2^k·z), with
// VPSRAQ and VCVTQQ2PD (AVX-512) or, for AVX2, the rows magic (the bits
// of 2^52 + 2048) and bias (2^52 + 2048): 2^52 + 2048 + k less the bias.
func (k *vk) exponent(tmp VecVirtual, magic, bias int) VecVirtual {
	kd := k.vec()
	if k.z() {
		VPSRAQ(U8(52), tmp, kd)
		VCVTQQ2PD(kd, kd)
		return kd
	}
	k.shr(52, tmp, kd)
	k.xor(k.c(magic), kd, kd) // 2⁵² + 2048 + k
	k.sub(k.c(bias), kd, kd)
	return kd
}

func logBody32(k *vk, x VecVirtual) VecVirtual {
	tmp := k.vec()
	k.isub(k.c(lOff32), x, tmp)
	idx := k.vec()
	k.shr(20, tmp, idx)
	kd := k.vec()
	k.sar32(23, tmp, kd)
	VCVTDQ2PS(kd, kd)
	k.and(k.c(lExpMask32), tmp, tmp)
	k.isub(tmp, x, x)
	look := func(row int) VecVirtual {
		t := k.vec()
		VPERMPS(k.c(row), idx, t)
		return t
	}
	invc, lch, lcl := look(lInvC32), look(lLogCHi32), look(lLogCLo32)
	return logTail(k, x, kd, invc, lch, lcl, lNegOne32, lLn2Hi32, lLn2Lo32, lPoly32, logPolyRows32, -1, nil)
}

// logTail is the part of logCore after the table lookups: z in z (then
// r), k in kd. With scale >= 0 it is logScaled64's: the result times the
// rows scale (high part) and scale+1 (low part). A non-nil corr is added
// to the low part before the last sum (log1p's).
func logTail(k *vk, z, kd, invc, lch, lcl VecVirtual, negOne, ln2Hi, ln2Lo, poly, rows, scale int, corr VecVirtual) VecVirtual {
	k.fma213(k.c(negOne), invc, z) // r = z·(1/c) - 1, exact
	r := z
	k.fma231(k.c(ln2Hi), kd, lch) // w = k·ln2hi + log c, exact
	w := lch
	hi := k.vec()
	k.add(r, w, hi)
	lo := k.vec()
	k.sub(hi, w, lo)
	k.add(r, lo, lo)
	k.add(lcl, lo, lo)
	k.fma231(k.c(ln2Lo), kd, lo)
	r2 := k.vec()
	k.mul(r, r, r2)
	var q VecVirtual
	if k.d() { // logPolyRows64 coefficients, pairs8's eight
		q = pairs(k, r, r2, poly)
	} else {
		q = k.load(k.c(poly + 1))
		k.fma231(k.c(poly), r, q)
		for j := 2; j < rows; j++ {
			k.fma213(k.c(poly+j), r, q)
		}
	}
	k.fma213(lo, r2, q) // t
	if scale >= 0 {
		u := k.vec()
		k.mul(k.c(scale), q, u)       // t·sHi
		k.fma231(k.c(scale+1), hi, u) // + hi·sLo
		k.fma231(k.c(scale), hi, u)   // + hi·sHi
		return u
	}
	if corr != nil {
		k.add(corr, q, q)
	}
	k.add(hi, q, q)
	return q
}

// genLog1pKernel emits log1pFloat64: log of u = 1 + x as logBody64, with
// (x - (u - 1))/u added to its low part; lanes whose u is not a positive
// normal number (x <= -1, +Inf, NaN) and ±0 are left to the twin.
func genLog1pKernel(v isa) {
	rows := []int{lOff64, lExpMask64, lNegOne64, lLn2Hi64, lLn2Lo64}
	for j := range logPolyRows64 {
		rows = append(rows, lPoly64+j)
	}
	onePlus := func(k *vk, x VecVirtual) VecVirtual {
		u := k.vec()
		k.sub(k.c(lNegOne64), x, u) // x - (-1) = 1 + x
		return u
	}
	kn := kernel{
		// AVX2: with a second vector live, the third gather's result
		// lands in Y8, and qemu 7.2's user-mode emulation (the CI's
		// Haswell runs) gets gathers into Y8-Y15 wrong; one vector an
		// iteration keeps them below (TestGatherRegisters)
		single: v.Bytes == 32,
		rows:   append(rows, lChkAdd64, lChkLim64, lMagic64, lBias64),
		check: func(k *vk, x VecVirtual) Register {
			chk := k.vec()
			k.iadd(k.c(lChkAdd64), onePlus(k, x), chk)
			m := k.gtMask(k.c(lChkLim64), chk) // u not a positive normal number
			zero := k.vec()
			VXORPD(zero, zero, zero)
			VPOR(k.cmpMask(cmpEQ, zero, x), m, m) // ±0, whose sign the sum would lose
			return m
		},
		compute: func(k *vk, x VecVirtual) VecVirtual {
			u := onePlus(k, x)
			c := k.vec()
			k.add(k.c(lNegOne64), u, c) // u - 1
			k.sub(c, x, c)
			k.div(u, c, c)
			return logBody64(k, u, -1, c)
		},
	}
	if v.Bytes == 64 {
		kn.rows = rows
		kn.check = func(k *vk, x VecVirtual) Register {
			m, z := K(), K()
			VFPCLASSPDZ(U8(notPosNormal), onePlus(k, x), m)
			VFPCLASSPDZ(U8(0x06), x, z) // ±0, whose sign the sum would lose
			KORW(z, m, m)
			return m
		}
		kn.setup = func(k *vk) {
			t := GP32()
			MOVL(U32(0xaaaa), t)
			k.odd = K()
			KMOVW(t, k.odd)
		}
	}
	blockUnrolled("log1pFloat64"+v.Name, v, f64, "Log1pFloat64", kn)
}
