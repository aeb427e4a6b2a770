// Command _asm generates the amd64 assembly kernels of package simd with
// avo. Run it through go generate in package simd:
//
//	go run . -out ../kernels_amd64.s -stubs ../kernels_amd64.go -pkg simd
//
// Every kernel has a pure-Go twin in package simd (the *_generic.go files)
// that states the loop it computes; the assembly must agree with it bit
// for bit (element-wise kernels) or within the documented bound (dot and
// sum). The generator is one function per kernel shape, parameterised by
// element type (float32, float64) and vector width (AVX2 ymm, AVX-512
// zmm), so the two instruction sets cannot drift apart.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// elem describes an element type.
type elem struct {
	Name string // "Float64": the part of the Go symbol
	Go   string // "float64": the Go type
	Size int    // bytes
	P    string // packed suffix: "PD" or "PS"
	S    string // scalar suffix: "SD" or "SS"
}

var (
	f64 = elem{"Float64", "float64", 8, "PD", "SD"}
	f32 = elem{"Float32", "float32", 4, "PS", "SS"}

	// The signed integers, for the comparisons only (no P or S forms).
	i64 = elem{"Int64", "int64", 8, "", ""}
	i32 = elem{"Int32", "int32", 4, "", ""}
)

// isa describes a vector instruction set level.
type isa struct {
	Name  string // "AVX2" or "AVX512": the suffix of the Go symbol
	Bytes int    // vector width in bytes
}

var (
	avx2   = isa{"AVX2", 32}
	avx512 = isa{"AVX512", 64}
)

func (v isa) lanes(e elem) int { return v.Bytes / e.Size }

func (v isa) vec() VecVirtual {
	if v.Bytes == 64 {
		return ZMM()
	}
	return YMM()
}

// ins maps an opcode to its avo builder, so that one generator body
// serves both element types.
var ins = map[string]func(...Op){
	"VADDPD": VADDPD, "VADDPS": VADDPS, "VADDSD": VADDSD, "VADDSS": VADDSS,
	"VSUBPD": VSUBPD, "VSUBPS": VSUBPS, "VSUBSD": VSUBSD, "VSUBSS": VSUBSS,
	"VMULPD": VMULPD, "VMULPS": VMULPS, "VMULSD": VMULSD, "VMULSS": VMULSS,
	"VDIVPD": VDIVPD, "VDIVPS": VDIVPS, "VDIVSD": VDIVSD, "VDIVSS": VDIVSS,
	"VMAXPD": VMAXPD, "VMAXPS": VMAXPS, "VMAXSD": VMAXSD, "VMAXSS": VMAXSS,
	"VMINPD": VMINPD, "VMINPS": VMINPS, "VMINSD": VMINSD, "VMINSS": VMINSS,
	"VCMPPD": VCMPPD, "VCMPPS": VCMPPS, "VCMPSD": VCMPSD, "VCMPSS": VCMPSS,
	"VMOVUPD": VMOVUPD, "VMOVUPS": VMOVUPS, "VMOVSD": VMOVSD, "VMOVSS": VMOVSS,
	"VMOVAPD": VMOVAPD, "VMOVAPS": VMOVAPS,
	"VXORPD": VXORPD, "VXORPS": VXORPS, "VANDPD": VANDPD, "VANDPS": VANDPS,
	"VFMADD231PD": VFMADD231PD, "VFMADD231PS": VFMADD231PS,
	"VFMADD231SD": VFMADD231SD, "VFMADD231SS": VFMADD231SS,
	"VBROADCASTSD": VBROADCASTSD, "VBROADCASTSS": VBROADCASTSS,
	"VMOVUPD_Z": func(o ...Op) { VMOVUPD_Z(o[0], o[1], o[2]) },
	"VMOVUPS_Z": func(o ...Op) { VMOVUPS_Z(o[0], o[1], o[2]) },
	"VBLENDVPD": func(o ...Op) { VBLENDVPD(o[0], o[1], o[2], o[3]) },
	"VBLENDVPS": func(o ...Op) { VBLENDVPS(o[0], o[1], o[2], o[3]) },
	"VHADDPD":   func(o ...Op) { VHADDPD(o[0], o[1], o[2]) },
	"VHADDPS":   func(o ...Op) { VHADDPS(o[0], o[1], o[2]) },
}

// I emits opcode op (with its type suffix already applied).
func I(op string, ops ...Op) {
	f, ok := ins[op]
	if !ok {
		panic("asm: no builder for " + op)
	}
	f(ops...)
}

// binop is an element-wise binary operation.
type binop struct {
	Name string // "Add"
	Op   string // opcode stem: "VADD"
	NaN  bool   // min/max: propagate a NaN in a as NumPy does
}

var binops = []binop{
	{"Add", "VADD", false},
	{"Sub", "VSUB", false},
	{"Mul", "VMUL", false},
	{"Div", "VDIV", false},
	{"Max", "VMAX", true},
	{"Min", "VMIN", true},
}

// scalarop is an element-wise operation with a broadcast scalar operand;
// Rev puts the scalar on the left (s - a[i]).
type scalarop struct {
	Name string
	Op   string
	Rev  bool
}

var scalarops = []scalarop{
	{"Add", "VADD", false},
	{"Sub", "VSUB", false},
	{"Mul", "VMUL", false},
	{"Div", "VDIV", false},
	{"Rsub", "VSUB", true},
	{"Rdiv", "VDIV", true},
}

// sets are the generated files: each set of kernels goes to its own
// assembly and stub file, chosen with -set (see the go:generate lines in
// package simd).
var sets = map[string]func(){"core": genCore}

func main() {
	set := flag.String("set", "core", "the kernel set to generate")
	flag.Parse()
	gen, ok := sets[*set]
	if !ok {
		var names []string
		for n := range sets {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "unknown kernel set %q (have %v)\n", *set, names)
		os.Exit(2)
	}
	ConstraintExpr("amd64,!purego")
	gen()
	Generate()
}

// genCore generates kernels_amd64.s: arithmetic, sums, dots, reductions,
// integer arithmetic and conversions.
func genCore() {
	for _, v := range []isa{avx2, avx512} {
		for _, e := range []elem{f64, f32} {
			for _, nt := range []bool{false, true} {
				for _, op := range binops {
					genBinary(v, e, op, nt)
				}
				for _, op := range scalarops {
					genScalar(v, e, op, nt)
				}
			}
			genDot(v, e)
		}
	}
	for _, e := range []elem{f64, f32} {
		genSumBlock(e)
	}
	genMore()
	genMisc()
}

// at is element i of the slice based at base.
func at(e elem, base, i Register) Mem {
	return Mem{Base: base, Index: i, Scale: uint8(e.Size)}
}

// tailMask sets k to the low rem bits (0 < rem < lanes).
func tailMask(rem Register, k Register) {
	one := GP32()
	MOVL(U32(1), one)
	CX := ECX
	MOVL(rem.(GPVirtual).As32(), CX)
	SHLL(CL, one)
	DECL(one)
	KMOVW(one, k)
}

// minmaxFix makes m = isnan(a) ? a : m, the NumPy NaN rule on top of
// MAXPD/MINPD (which return the second operand when either is NaN).
func minmaxFix(v isa, e elem, a, m VecVirtual, scalar bool) {
	if v.Bytes == 64 && !scalar {
		k := K()
		I("VCMP"+e.P, U8(3), a, a, k) // unordered: a is NaN
		I("VMOVA"+e.P, a, k, m)
		return
	}
	var tv VecVirtual
	if scalar {
		tv = XMM()
		I("VCMP"+e.S, U8(3), a, a, tv)
	} else {
		tv = YMM()
		I("VCMP"+e.P, U8(3), a, a, tv)
	}
	I("VBLENDV"+e.P, tv, a, m, m)
}

// genBinary emits dst[i] = a[i] op b[i]. With nt it emits the
// non-temporal variant <name>NT (see ntDoc).
func genBinary(v isa, e elem, op binop, nt bool) {
	name := fmt.Sprintf("%s%s%s", lower(op.Name), e.Name, v.Name)
	TEXT(name+ntSuffix(nt), NOSPLIT, fmt.Sprintf("func(dst, a, b []%s)", e.Go))
	Doc(ntDoc(nt, v, 4*v.lanes(e), fmt.Sprintf("%s is %s%sUnitary for %s.", name+ntSuffix(nt), op.Name, e.Name, v.Name))...)
	name += ntSuffix(nt)
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	b := Load(Param("b").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	L := v.lanes(e)
	// Main loop: four vectors per iteration.
	i, lim := loop4Head(name, n, L, name+"_loop1_init")
	body := func(off int, x, m VecVirtual) {
		I("VMOVU"+e.P, at(e, a, i).Offset(off*e.Size), x)
		I(op.Op+e.P, at(e, b, i).Offset(off*e.Size), x, m)
		if op.NaN {
			minmaxFix(v, e, x, m, false)
		}
	}
	var xs, ms [4]VecVirtual
	for u := range 4 {
		xs[u], ms[u] = v.vec(), v.vec()
		body(u*L, xs[u], ms[u])
	}
	for u := range 4 {
		I(ntStore(nt)+e.P, ms[u], at(e, dst, i).Offset(u*L*e.Size))
	}
	ADDQ(U32(4*L), i)
	JMP(LabelRef(name + "_loop4"))

	// One vector at a time.
	loop1Head(name, n, i, lim, L, name+"_tail")
	x, m := v.vec(), v.vec()
	body(0, x, m)
	I("VMOVU"+e.P, m, at(e, dst, i))
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_tail")
	if v.Bytes == 64 {
		// Masked tail: the masked-off lanes are neither read nor written.
		CMPQ(i, n)
		JGE(LabelRef(name + "_done"))
		rem := GP64()
		MOVQ(n, rem)
		SUBQ(i, rem)
		k := K()
		tailMask(rem, k)
		x, y, m := v.vec(), v.vec(), v.vec()
		I("VMOVU"+e.P+"_Z", at(e, a, i), k, x)
		I("VMOVU"+e.P+"_Z", at(e, b, i), k, y)
		I(op.Op+e.P, y, x, m)
		if op.NaN {
			minmaxFix(v, e, x, m, false)
		}
		I("VMOVU"+e.P, m, k, at(e, dst, i))
	} else {
		// Scalar tail.
		Label(name + "_scalar")
		CMPQ(i, n)
		JGE(LabelRef(name + "_done"))
		x, m := XMM(), XMM()
		I("VMOV"+e.S, at(e, a, i), x)
		I(op.Op+e.S, at(e, b, i), x, m)
		if op.NaN {
			minmaxFix(v, e, x, m, true)
		}
		I("VMOV"+e.S, m, at(e, dst, i))
		INCQ(i)
		JMP(LabelRef(name + "_scalar"))
	}
	Label(name + "_done")
	if nt {
		SFENCE()
	}
	VZEROUPPER()
	RET()
}

// genScalar emits dst[i] = a[i] op s (or s op a[i] when op.Rev). With
// nt it emits the non-temporal variant <name>NT (see ntDoc).
func genScalar(v isa, e elem, op scalarop, nt bool) {
	name := fmt.Sprintf("%s%sScalar%s", lower(op.Name), e.Name, v.Name)
	TEXT(name+ntSuffix(nt), NOSPLIT, fmt.Sprintf("func(dst, a []%s, s %s)", e.Go, e.Go))
	Doc(ntDoc(nt, v, 4*v.lanes(e), fmt.Sprintf("%s is %s%sScalarUnitary for %s.", name+ntSuffix(nt), op.Name, e.Name, v.Name))...)
	name += ntSuffix(nt)
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	sx := Load(Param("s"), XMM())
	s := v.vec()
	I("VBROADCAST"+e.S, sx, s)
	L := v.lanes(e)
	i, lim := loop4Head(name, n, L, name+"_loop1_init")
	// apply computes r = x op s (or s op x) with x a register or memory.
	apply := func(x Op, s, r Op) {
		if op.Rev {
			I(op.Op+e.P, x, s, r) // r = s - x
			return
		}
		I(op.Op+e.P, s, x, r) // r = x - s
	}
	var rs [4]VecVirtual
	for u := range 4 {
		x := v.vec()
		rs[u] = v.vec()
		I("VMOVU"+e.P, at(e, a, i).Offset(u*L*e.Size), x)
		apply(x, s, rs[u])
	}
	for u := range 4 {
		I(ntStore(nt)+e.P, rs[u], at(e, dst, i).Offset(u*L*e.Size))
	}
	ADDQ(U32(4*L), i)
	JMP(LabelRef(name + "_loop4"))

	loop1Head(name, n, i, lim, L, name+"_tail")
	x, r := v.vec(), v.vec()
	I("VMOVU"+e.P, at(e, a, i), x)
	apply(x, s, r)
	I("VMOVU"+e.P, r, at(e, dst, i))
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_tail")
	if v.Bytes == 64 {
		CMPQ(i, n)
		JGE(LabelRef(name + "_done"))
		rem := GP64()
		MOVQ(n, rem)
		SUBQ(i, rem)
		k := K()
		tailMask(rem, k)
		x, r := v.vec(), v.vec()
		I("VMOVU"+e.P+"_Z", at(e, a, i), k, x)
		apply(x, s, r)
		I("VMOVU"+e.P, r, k, at(e, dst, i))
	} else {
		Label(name + "_scalar")
		CMPQ(i, n)
		JGE(LabelRef(name + "_done"))
		x, r := XMM(), XMM()
		I("VMOV"+e.S, at(e, a, i), x)
		if op.Rev {
			I(op.Op+e.S, x, sx, r)
		} else {
			I(op.Op+e.S, sx, x, r)
		}
		I("VMOV"+e.S, r, at(e, dst, i))
		INCQ(i)
		JMP(LabelRef(name + "_scalar"))
	}
	Label(name + "_done")
	if nt {
		SFENCE()
	}
	VZEROUPPER()
	RET()
}

// hsum reduces the ymm y to its lane sum in the low lane of the
// corresponding xmm, returned.
func hsum(e elem, y VecVirtual) Register {
	x := y.AsX()
	hi := XMM()
	VEXTRACTF128(U8(1), y, hi)
	I("VADD"+e.P, hi, x, x)
	I("VHADD"+e.P, x, x, x)
	if e.Size == 4 {
		I("VHADD"+e.P, x, x, x)
	}
	return x
}

// hReduce combines the lanes of the ymm y with the vertical op (VMAX,
// VMIN, ...) into the low lane of x, the xmm view of y.
func hReduce(op string, e elem, y, x Register) {
	t := XMM()
	VEXTRACTF128(U8(1), y, t)
	I(op+e.P, t, x, x)
	VMOVHLPS(x, x, t)
	I(op+e.P, t, x, x)
	if e.Size == 4 {
		VMOVSHDUP(x, t)
		I(op+e.P, t, x, x)
	}
}

// genDot emits a dot-product block kernel: four vector accumulators
// with FMA, combined as (acc0+acc1)+(acc2+acc3), then a tail.
func genDot(v isa, e elem) {
	name := fmt.Sprintf("dot%s%s", e.Name, v.Name)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a, b []%s) %s", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the block kernel of Dot%s for %s.", name, e.Name, v.Name))
	a := Load(Param("a").Base(), GP64())
	b := Load(Param("b").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	L := v.lanes(e)
	var acc [4]VecVirtual
	for u := range 4 {
		acc[u] = v.vec()
		I("VXOR"+e.P, acc[u], acc[u], acc[u])
	}
	i, lim := loop4Head(name, n, L, name+"_loop1_init")
	for u := range 4 {
		x := v.vec()
		I("VMOVU"+e.P, at(e, a, i).Offset(u*L*e.Size), x)
		I("VFMADD231"+e.P, at(e, b, i).Offset(u*L*e.Size), x, acc[u])
	}
	ADDQ(U32(4*L), i)
	JMP(LabelRef(name + "_loop4"))

	loop1Head(name, n, i, lim, L, name+"_tail")
	x := v.vec()
	I("VMOVU"+e.P, at(e, a, i), x)
	I("VFMADD231"+e.P, at(e, b, i), x, acc[0])
	ADDQ(U32(L), i)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_tail")
	if v.Bytes == 64 {
		CMPQ(i, n)
		JGE(LabelRef(name + "_reduce"))
		rem := GP64()
		MOVQ(n, rem)
		SUBQ(i, rem)
		k := K()
		tailMask(rem, k)
		x, y := v.vec(), v.vec()
		I("VMOVU"+e.P+"_Z", at(e, a, i), k, x)
		I("VMOVU"+e.P+"_Z", at(e, b, i), k, y)
		I("VFMADD231"+e.P, y, x, acc[1])
	}
	Label(name + "_reduce")
	I("VADD"+e.P, acc[1], acc[0], acc[0])
	I("VADD"+e.P, acc[3], acc[2], acc[2])
	I("VADD"+e.P, acc[2], acc[0], acc[0])
	y := acc[0]
	if v.Bytes == 64 {
		hi := YMM()
		if e.Size == 8 {
			VEXTRACTF64X4(U8(1), acc[0], hi)
		} else {
			VEXTRACTF32X8(U8(1), acc[0], hi)
		}
		lo := acc[0].AsY().(VecVirtual)
		I("VADD"+e.P, hi, lo, lo)
		y = lo
	}
	r := hsum(e, y)
	if v.Bytes != 64 {
		Label(name + "_scalar")
		CMPQ(i, n)
		JGE(LabelRef(name + "_done"))
		x := XMM()
		I("VMOV"+e.S, at(e, a, i), x)
		I("VFMADD231"+e.S, at(e, b, i), x, r)
		INCQ(i)
		JMP(LabelRef(name + "_scalar"))
	}
	Label(name + "_done")
	VZEROUPPER()
	Store(r, ReturnIndex(0))
	RET()
}

// genSumBlock emits NumPy's pairwise-summation leaf (PW_BLOCKSIZE 128)
// for AVX2, in NumPy's exact association order: eight accumulators r[k]
// over a[k], a[k+8], ...; then ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)); then
// the remaining a[i] added one by one. Fewer than eight elements are
// added one by one to +0.
func genSumBlock(e elem) {
	name := fmt.Sprintf("sumBlock%sAVX2", e.Name)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a []%s) %s", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the pairwise leaf of Sum%s for AVX2.", name, e.Name))
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	i := GP64()
	XORQ(i, i)
	r := XMM()
	CMPQ(n, U8(8))
	JGE(LabelRef(name + "_block"))
	I("VXOR"+e.P, r, r, r)
	JMP(LabelRef(name + "_scalar"))

	Label(name + "_block")
	lim := GP64()
	MOVQ(n, lim)
	ANDQ(I8(-8), lim)
	if e.Size == 8 {
		r03, r47 := YMM(), YMM()
		VMOVUPD(Mem{Base: a}, r03)
		VMOVUPD(Mem{Base: a}.Offset(32), r47)
		MOVQ(U32(8), i)
		Label(name + "_loop")
		CMPQ(i, lim)
		JGE(LabelRef(name + "_combine"))
		VADDPD(at(e, a, i), r03, r03)
		VADDPD(at(e, a, i).Offset(32), r47, r47)
		ADDQ(U8(8), i)
		JMP(LabelRef(name + "_loop"))
		Label(name + "_combine")
		// [r0+r1, r4+r5, r2+r3, r6+r7]
		h := YMM()
		VHADDPD(r47, r03, h)
		hi := XMM()
		VEXTRACTF128(U8(1), h, hi)
		// [(r0+r1)+(r2+r3), (r4+r5)+(r6+r7)]
		VADDPD(hi, h.AsX(), r)
		VHADDPD(r, r, r)
	} else {
		r07 := YMM()
		VMOVUPS(Mem{Base: a}, r07)
		MOVQ(U32(8), i)
		Label(name + "_loop")
		CMPQ(i, lim)
		JGE(LabelRef(name + "_combine"))
		VADDPS(at(e, a, i), r07, r07)
		ADDQ(U8(8), i)
		JMP(LabelRef(name + "_loop"))
		Label(name + "_combine")
		// per 128-bit lane: [r0+r1, r2+r3, ...] then [(r0+r1)+(r2+r3), ...]
		h := YMM()
		VHADDPS(r07, r07, h)
		VHADDPS(h, h, h)
		hi := XMM()
		VEXTRACTF128(U8(1), h, hi)
		VADDSS(hi, h.AsX(), r)
	}

	Label(name + "_scalar")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	I("VADD"+e.S, at(e, a, i), r, r)
	INCQ(i)
	JMP(LabelRef(name + "_scalar"))
	Label(name + "_done")
	VZEROUPPER()
	Store(r, ReturnIndex(0))
	RET()
}

func lower(s string) string {
	return string(s[0]+'a'-'A') + s[1:]
}

// loop4Head zeroes a new index register and opens the loop labelled
// name+"_loop4", which runs four vectors of L elements a step while the
// index is below n rounded down to a multiple of 4L and then jumps to
// exit. It returns the index register and the limit register, which the
// one-vector loop after it reuses.
func loop4Head(name string, n Register, L int, exit string) (i, lim Register) {
	i, lim = GP64(), GP64()
	XORQ(i, i)
	MOVQ(n, lim)
	ANDQ(I32(-4*L), lim)
	Label(name + "_loop4")
	CMPQ(i, lim)
	JGE(LabelRef(exit))
	return i, lim
}

// loop1Head opens the one-vector loop that follows a loop4Head loop:
// the label name+"_loop1_init" (the four-vector loop's exit), lim set to
// n rounded down to a multiple of L, and the loop labelled name+"_loop1",
// which jumps to exit once i reaches lim.
func loop1Head(name string, n, i, lim Register, L int, exit string) {
	Label(name + "_loop1_init")
	MOVQ(n, lim)
	ANDQ(I32(-L), lim)
	Label(name + "_loop1")
	CMPQ(i, lim)
	JGE(LabelRef(exit))
}

// ntSuffix is the name suffix of a kernel's non-temporal variant.
func ntSuffix(nt bool) string {
	if nt {
		return "NT"
	}
	return ""
}

// ntStore is the store instruction (without its type suffix) of a
// kernel's main loop: non-temporal in the NT variant.
func ntStore(nt bool) string {
	if nt {
		return "VMOVNT"
	}
	return "VMOVU"
}

// ntDoc is the doc comment of a kernel, with the contract of its
// non-temporal variant added: the caller gives it a dst aligned to the
// vector width and a multiple of block elements, its main loop stores
// around the caches, and it fences before returning.
func ntDoc(nt bool, v isa, block int, doc string) []string {
	if !nt {
		return []string{doc}
	}
	return []string{doc,
		fmt.Sprintf("This variant stores with non-temporal hints: dst is %d-byte aligned", v.Bytes),
		fmt.Sprintf("and len(dst) a multiple of %d.", block)}
}
