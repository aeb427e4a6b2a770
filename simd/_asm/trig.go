package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The sine, cosine, square-root and comparison kernels (set "trig",
// written to trig_amd64.s).
//
// Sine and cosine are block kernels
//
//	func sinFloat64AVX2(dst, a []float64, c *float64) (n int)
//
// that compute blocks of two (AVX2) or four (AVX-512) vectors from the
// start of a until a block holds an argument left to the Go twin (|x|
// beyond the bound of the vector path, ±Inf or NaN), and return the
// number of elements done; the Go wrapper does that block with the twin
// and calls again, and runs the tail through the kernel on a padded
// copy. c points at the constant rows trigRows64 or trigRows32 of
// package simd (64 bytes a row). The operations are those of sinCore64
// and sinCore32 in simd/trig_generic.go, in the same order, so the
// results agree bit for bit. AVX2 and AVX-512F versions come from the
// same body; they differ in the masks (vector or opmask) and in how the
// sign is flipped.
//
// The square roots and the comparisons handle len(dst) rounded down to a
// whole number of vectors (blocks of 8 elements for the comparisons);
// the Go wrappers do the tail. A comparison turns each 8-bit mask of
// lane results into 8 bool bytes with the lookup table cmpBytes of
// package simd (tab). The int64 and int32 comparisons are signed, built
// from VPCMPEQ and VPCMPGT (see intCmpPreds).

func init() { sets["trig"] = genTrig }

// Row numbers of the constant tables: the same as in
// simd/trig_generic.go.
const (
	tAbs, tMax, tInvPi, tShift, tShiftC, tNegHalf, tHalf = 0, 1, 2, 3, 4, 5, 6
	tP1, tP2, tP3, tOne, tSign, tPoly                    = 7, 8, 9, 10, 11, 12
	tPolyRows64, tPolyRows32                             = 8, 4
)

func genTrig() {
	for _, v := range []isa{avx2, avx512} {
		for _, e := range []elem{f64, f32} {
			genSinCos(v, e, false)
			genSinCos(v, e, true)
		}
	}
	for _, e := range []elem{f64, f32} {
		for _, nt := range []bool{false, true} {
			genSqrt(avx2, e, nt)
			genSqrt(avx512, e, nt)
		}
		for _, p := range cmpPreds {
			genCompare(e, p, false)
			genCompare(e, p, true)
		}
	}
	for _, e := range []elem{i64, i32} {
		for _, p := range intCmpPreds {
			genIntCompare(e, p, false)
			genIntCompare(e, p, true)
		}
	}
}

// keepTrig loads the constant rows of the sine (or cosine) reduction and
// polynomial into k's registers, for AVX-512 only: its 32 vector
// registers hold them beside the four vectors' work, where as memory
// operands they were 15-17 loads of 64 bytes a vector, which bounded the
// kernel.
func keepTrig(k *vk, cos bool) {
	if !k.z() {
		return
	}
	rows := []int{tInvPi, tShift, tP1, tP2, tP3}
	if cos {
		rows = []int{tInvPi, tNegHalf, tShiftC, tHalf, tP1, tP2, tP3}
	}
	n := tPolyRows32
	if k.d() {
		n = tPolyRows64
	}
	for j := range n {
		rows = append(rows, tPoly+j)
	}
	for _, r := range rows {
		k.regs[r] = k.load(k.mem(r))
	}
}

// pickZ chooses the ymm or the zmm form of an instruction.
func (k *vk) pickZ(y, z func(...Op)) func(...Op) {
	if k.z() {
		return z
	}
	return y
}

// genSinCos emits sin<T><ISA> or cos<T><ISA>: sinCore64/sinCore32 of
// simd/trig_generic.go on blocks of unroll vectors, their instructions
// interleaved so that the long dependency chains of the vectors overlap.
// With nt the results are stored with non-temporal hints (dst must then
// be aligned to the vector width) and the kernel fences before it
// returns.
func genSinCos(v isa, e elem, cos bool) {
	fn, Fn := "sin", "Sin"
	if cos {
		fn, Fn = "cos", "Cos"
	}
	name := fmt.Sprintf("%s%s%s", fn, e.Name, v.Name)
	unroll := trigUnroll(v)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a []%s, c *%s, nt bool) int", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the block kernel of %s%s for %s: it computes dst[i]", name, Fn, e.Name, v.Name),
		fmt.Sprintf("for blocks of %d elements from the start of a until a block holds an", unroll*v.lanes(e)),
		"argument left to the Go twin, and returns the number of elements done.",
		fmt.Sprintf("With nt, dst is %d-byte aligned and the results bypass the caches.", v.Bytes))
	Pragma("noescape") // the Go wrapper passes a stack buffer for the tail
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	k := &vk{v: v, e: e, cp: Load(Param("c"), GP64()), regs: map[int]VecVirtual{}, name: name}
	keepTrig(k, cos)
	L := v.lanes(e)
	i := GP64()
	XORQ(i, i)
	lim := GP64()
	MOVQ(n, lim)
	ANDQ(I32(-unroll*L), lim)
	nt := Load(Param("nt"), GP8())
	TESTB(nt, nt)
	JNE(LabelRef(name + "_loopNT"))

	loop := func(label, done, store string) {
		Label(label)
		CMPQ(i, lim)
		JGE(LabelRef(done))

		// Leave the block to the Go twin if a lane has |x| > max, ±Inf
		// or NaN: the bits of |x| compared as integers.
		xs := make([]VecVirtual, unroll)
		var bad Register
		for u := range xs {
			xs[u] = k.vec()
			I("VMOVU"+e.P, at(e, a, i).Offset(u*L*e.Size), xs[u])
			ax := k.vec()
			k.pickZ(func(o ...Op) { VPAND(o[0], o[1], o[2]) }, VPANDQ)(k.c(tAbs), xs[u], ax)
			var m Register
			if k.z() {
				m = K()
			} else {
				m = k.vec()
			}
			k.pick(VPCMPGTQ, VPCMPGTD)(k.c(tMax), ax, m) // m = |x| > max
			if u == 0 {
				bad = m
			} else if k.z() {
				KORW(m, bad, bad)
			} else {
				VPOR(m, bad, bad)
			}
		}
		if k.z() {
			KORTESTW(bad, bad)
		} else {
			VPTEST(bad, bad)
		}
		JNE(LabelRef(done))

		ys := sinCos(k, xs, cos)
		for u, y := range ys {
			I(store+e.P, y, at(e, dst, i).Offset(u*L*e.Size))
		}
		ADDQ(U32(unroll*L), i)
		JMP(LabelRef(label))
	}
	loop(name+"_loop", name+"_done", "VMOVU")
	loop(name+"_loopNT", name+"_doneNT", "VMOVNT")
	Label(name + "_doneNT")
	SFENCE()
	Label(name + "_done")
	VZEROUPPER()
	Store(i, ReturnIndex(0))
	RET()
}

// trigUnroll is the number of vectors a sine or cosine kernel computes
// together: as many as the registers hold (16 ymm, 32 zmm).
func trigUnroll(v isa) int {
	if v.Bytes == 64 {
		return 4
	}
	return 2
}

// sinCos emits the body of sinCore for the vectors xs (overwritten),
// one step for every vector before the next step, and returns the
// results.
func sinCos(k *vk, xs []VecVirtual, cos bool) []VecVirtual {
	e := k.e
	each := func(f func(u int)) {
		for u := range xs {
			f(u)
		}
	}
	vecs := func() []VecVirtual {
		vs := make([]VecVirtual, len(xs))
		for u := range vs {
			vs[u] = k.vec()
		}
		return vs
	}
	fma231 := func(a, b, acc Op) { I("VFMADD231"+e.P, a, b, acc) } // acc = b·a + acc
	fma213 := k.pick(VFMADD213PD, VFMADD213PS)                     // acc = b·acc + a
	fnma231 := k.pick(VFNMADD231PD, VFNMADD231PS)                  // acc = acc - b·a
	y, m := vecs(), vecs()
	if cos {
		each(func(u int) { I("VMOVU"+e.P, k.c(tNegHalf), y[u]) })
		each(func(u int) { fma231(k.c(tInvPi), xs[u], y[u]) })        // y = x/π - 1/2
		each(func(u int) { I("VADD"+e.P, k.c(tShiftC), y[u], y[u]) }) // y = round(x/π - 1/2) + shift + 1
		each(func(u int) { I("VSUB"+e.P, k.c(tShiftC), y[u], m[u]) }) // m = n
		each(func(u int) { I("VADD"+e.P, k.c(tHalf), m[u], m[u]) })   // m = n + 1/2
	} else {
		each(func(u int) { I("VMOVU"+e.P, k.c(tShift), y[u]) })
		each(func(u int) { fma231(k.c(tInvPi), xs[u], y[u]) })       // y = round(x/π) + shift
		each(func(u int) { I("VSUB"+e.P, k.c(tShift), y[u], m[u]) }) // m = n
	}
	// The sign flips where n (n+1 for the cosine) is odd: the parity is
	// the lowest bit of y, taken into a mask register now for AVX-512 so
	// that y's register is free for the rest.
	odd := make([]Register, len(xs))
	if k.z() {
		each(func(u int) {
			odd[u] = K()
			k.pick(VPTESTMQ, VPTESTMD)(k.c(tOne), y[u], odd[u])
		})
	}
	r := xs
	each(func(u int) { fnma231(k.c(tP1), m[u], r[u]) }) // r = x - m·p1 (exact)
	each(func(u int) { fnma231(k.c(tP2), m[u], r[u]) })
	each(func(u int) { fnma231(k.c(tP3), m[u], r[u]) })
	s := vecs()
	each(func(u int) { I("VMUL"+e.P, r[u], r[u], s[u]) })
	rows := tPolyRows32
	if k.d() {
		rows = tPolyRows64
	}
	p := vecs()
	each(func(u int) { I("VMOVU"+e.P, k.c(tPoly+rows-1), p[u]) })
	for j := rows - 2; j >= 1; j-- {
		each(func(u int) { fma213(k.c(tPoly+j), s[u], p[u]) }) // p = p·s + cⱼ
	}
	if k.d() {
		// float64: Horner's rule down to c1, q = p·s + 0 (one
		// multiplication fewer than the float32 form below; the +0
		// makes q = +0 at r = ±0, so that sin(-0) = -0).
		zero := k.vec()
		k.xor(zero, zero, zero)
		each(func(u int) { fma213(k.c(tPoly), s[u], p[u]) }) // p = p·s + c1
		each(func(u int) { fma213(zero, s[u], p[u]) })       // q = p·s + 0
	} else {
		s2 := vecs()
		each(func(u int) { I("VMUL"+e.P, s[u], s[u], s2[u]) })
		each(func(u int) { I("VMUL"+e.P, s2[u], p[u], p[u]) }) // s²·P(s)
		each(func(u int) { fma231(k.c(tPoly), s[u], p[u]) })   // q = s·c1 + s²·P(s)
	}
	each(func(u int) { fma213(r[u], r[u], p[u]) }) // sin r = r·q + r
	if k.z() {
		each(func(u int) { k.pick(VPXORQ, VPXORD)(k.c(tSign), p[u], odd[u], p[u]) })
	} else {
		each(func(u int) { k.pick(VPSLLQ, VPSLLD)(U8(8*e.Size-1), y[u], y[u]) })
		each(func(u int) { VPXOR(y[u], p[u], p[u]) })
	}
	return p
}

// genSqrt emits sqrt<T><ISA>: dst[i] = √a[i] for len(dst) a multiple of
// one vector (four at a time while they last).
func genSqrt(v isa, e elem, nt bool) {
	name := fmt.Sprintf("sqrt%s%s", e.Name, v.Name) + ntSuffix(nt)
	L := v.lanes(e)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst, a []%s)", e.Go))
	Doc(ntDoc(nt, v, 4*L, fmt.Sprintf("%s is the block kernel of Sqrt%s for %s: len(dst) is a multiple of %d.", name, e.Name, v.Name, L))...)
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	sqrt := map[int]func(...Op){8: VSQRTPD, 4: VSQRTPS}[e.Size]
	i, _ := loop4Head(name, n, L, name+"_loop1")
	var ys [4]VecVirtual
	for u := range 4 {
		ys[u] = v.vec()
		sqrt(at(e, a, i).Offset(u*L*e.Size), ys[u])
	}
	for u := range 4 {
		I(ntStore(nt)+e.P, ys[u], at(e, dst, i).Offset(u*L*e.Size))
	}
	ADDQ(U32(4*L), i)
	JMP(LabelRef(name + "_loop4"))
	Label(name + "_loop1")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	y := v.vec()
	sqrt(at(e, a, i), y)
	I("VMOVU"+e.P, y, at(e, dst, i))
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop1"))
	Label(name + "_done")
	if nt {
		SFENCE()
	}
	VZEROUPPER()
	RET()
}

// cmpPred is a comparison: its name and the VCMPP* predicate of a op b
// (ordered and quiet except for not-equal, which is true for NaN).
type cmpPred struct {
	Name string
	Imm  uint8
}

var cmpPreds = []cmpPred{
	{"equal", 0x00},        // EQ_OQ
	{"notEqual", 0x04},     // NEQ_UQ
	{"less", 0x11},         // LT_OQ
	{"lessEqual", 0x12},    // LE_OQ
	{"greater", 0x1e},      // GT_OQ
	{"greaterEqual", 0x1d}, // GE_OQ
}

// genCompare emits <pred><T>AVX2 (dst[i] = a[i] op b[i]) or, with
// scalar, <pred><T>ScalarAVX2 (dst[i] = a[i] op s), for len(dst) a
// multiple of 8: each block of 8 elements gives an 8-bit mask (VMOVMSKP*)
// that indexes tab for the 8 bool bytes.
func genCompare(e elem, p cmpPred, scalar bool) {
	k := cmpHead(e, p.Name, scalar)
	var s VecVirtual
	if scalar {
		s = YMM()
		I("VBROADCAST"+e.S, Load(Param("s"), XMM()), s)
	} else {
		k.b = Load(Param("b").Base(), GP64())
	}
	k.loops(func(off int) VecVirtual {
		x := YMM()
		I("VMOVU"+e.P, at(e, k.a, k.i).Offset(off), x)
		var y Op = s
		if !scalar {
			y = at(e, k.b, k.i).Offset(off)
		}
		I("VCMP"+e.P, U8(p.Imm), y, x, x) // x = a op b
		return x
	}, false)
}

// intCmpPred is a comparison of signed integers built from the two that
// AVX2 has, VPCMPEQ and VPCMPGT: a op b is x == y or x > y, where x, y
// are a, b or, with swap, b, a; with not, the result is negated.
type intCmpPred struct {
	Name      string
	gt        bool // VPCMPGT, not VPCMPEQ
	swap, not bool
}

var intCmpPreds = []intCmpPred{
	{"equal", false, false, false},     // a == b
	{"notEqual", false, false, true},   // !(a == b)
	{"less", true, true, false},        // b > a
	{"lessEqual", true, false, true},   // !(a > b)
	{"greater", true, false, false},    // a > b
	{"greaterEqual", true, true, true}, // !(b > a)
}

// genIntCompare is genCompare for int64 and int32: the lanes compared
// with VPCMPEQ or VPCMPGT (signed), their operands swapped for < and >=,
// and the 8-bit mask complemented for !=, <= and >=.
func genIntCompare(e elem, p intCmpPred, scalar bool) {
	k := cmpHead(e, p.Name, scalar)
	cmp, bcast := VPCMPEQQ, VPBROADCASTQ
	if p.gt {
		cmp = VPCMPGTQ
	}
	if e.Size == 4 {
		cmp, bcast = VPCMPEQD, VPBROADCASTD
		if p.gt {
			cmp = VPCMPGTD
		}
	}
	var s VecVirtual
	if scalar {
		// Through a general register: go vet takes the operand of
		// VPBROADCASTD m32 (and of avo's MOVQ into an xmm) for 8
		// bytes and rejects the 4-byte s.
		x := XMM()
		if e.Size == 4 {
			VMOVD(Load(Param("s"), GP32()), x)
		} else {
			VMOVQ(Load(Param("s"), GP64()), x)
		}
		s = YMM()
		bcast(x, s)
	} else {
		k.b = Load(Param("b").Base(), GP64())
	}
	k.loops(func(off int) VecVirtual {
		ma := at(e, k.a, k.i).Offset(off)
		x := YMM()
		switch {
		case scalar && p.swap:
			cmp(ma, s, x) // x = s op a
		case scalar:
			VMOVDQU(ma, x)
			cmp(s, x, x) // x = a op s
		case p.swap:
			VMOVDQU(at(e, k.b, k.i).Offset(off), x)
			cmp(ma, x, x) // x = b op a
		default:
			VMOVDQU(ma, x)
			cmp(at(e, k.b, k.i).Offset(off), x, x) // x = a op b
		}
		return x
	}, p.not)
}

// cmpKernel is a comparison kernel being emitted: its name and the
// registers of its parameters and index.
type cmpKernel struct {
	name              string
	e                 elem
	dst, a, b, n, tab Register
	i                 GPVirtual
}

// cmpHead emits the TEXT line, the doc comment and the loads of dst, a,
// len(dst) and tab of the comparison kernel pred<T>[Scalar]AVX2.
func cmpHead(e elem, pred string, scalar bool) *cmpKernel {
	name := pred + e.Name
	sig := fmt.Sprintf("func(dst []bool, a, b []%s, tab *uint64)", e.Go)
	op := fmt.Sprintf("a[i] %s b[i]", cmpSymbol[pred])
	if scalar {
		name += "Scalar"
		sig = fmt.Sprintf("func(dst []bool, a []%s, s %s, tab *uint64)", e.Go, e.Go)
		op = fmt.Sprintf("a[i] %s s", cmpSymbol[pred])
	}
	name += "AVX2"
	TEXT(name, NOSPLIT, sig)
	Doc(fmt.Sprintf("%s sets dst[i] = %s for len(dst) a multiple of 8.", name, op))
	return &cmpKernel{
		name: name,
		e:    e,
		dst:  Load(Param("dst").Base(), GP64()),
		a:    Load(Param("a").Base(), GP64()),
		n:    Load(Param("dst").Len(), GP64()),
		tab:  Load(Param("tab"), GP64()),
	}
}

// loops emits the loops over the blocks of 8 elements, four blocks at a
// time while they last: vec(off) emits the comparison of the vector at
// byte offset off from element i and returns its lanes (all ones where
// true); with not, the 8-bit mask of a block is complemented before the
// lookup.
func (k *cmpKernel) loops(vec func(off int) VecVirtual, not bool) {
	e, name := k.e, k.name
	L := avx2.lanes(e)
	vecs := 8 / L // vectors per block of 8 elements
	k.i = GP64().(GPVirtual)
	i := k.i
	XORQ(i, i)

	// emitBlock emits the 8 bools of the block of 8 elements at i+8u.
	emitBlock := func(u int) {
		m := GP64().(GPVirtual)
		for w := range vecs {
			x := vec((8*u + w*L) * e.Size)
			if w == 0 {
				vmovmsk(e, x, m)
				continue
			}
			h := GP64().(GPVirtual)
			vmovmsk(e, x, h)
			SHLQ(U8(w*L), h)
			ORQ(h, m)
		}
		if not {
			XORL(U32(0xff), m.As32())
		}
		MOVQ(Mem{Base: k.tab, Index: m, Scale: 8}, m)
		MOVQ(m, Mem{Base: k.dst, Index: i, Scale: 1, Disp: 8 * u})
	}

	lim := GP64()
	MOVQ(k.n, lim)
	ANDQ(I32(-32), lim)
	Label(name + "_loop4")
	CMPQ(i, lim)
	JGE(LabelRef(name + "_loop1"))
	for u := range 4 {
		emitBlock(u)
	}
	ADDQ(U32(32), i)
	JMP(LabelRef(name + "_loop4"))
	Label(name + "_loop1")
	CMPQ(i, k.n)
	JGE(LabelRef(name + "_done"))
	emitBlock(0)
	ADDQ(U32(8), i)
	JMP(LabelRef(name + "_loop1"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// vmovmsk moves the sign bits of the lanes of x to the low bits of r.
func vmovmsk(e elem, x Op, r GPVirtual) {
	if e.Size == 8 {
		VMOVMSKPD(x, r.As32())
		return
	}
	VMOVMSKPS(x, r.As32())
}

var cmpSymbol = map[string]string{
	"equal": "==", "notEqual": "!=", "less": "<", "lessEqual": "<=", "greater": ">", "greaterEqual": ">=",
}
