package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The transpose kernels (set "transpose", written to transpose_amd64.s).
//
//	func transposeBand64AVX512(dst *uint64, dstStride int, src *uint64, srcStride int, n int)
//
// transposes n square blocks of 8-byte elements lying side by side in one
// band of source rows: block k holds source rows 0..L-1, columns
// k*L..k*L+L-1, and goes to destination rows k*L..k*L+L-1, columns
// 0..L-1, where L is the lane count (8 for AVX-512, 4 for AVX2). Strides
// are in bytes. Each block is L vector loads (one per source row), a
// shuffle network and L vector stores (one per destination row), so both
// sides are read and written in whole vectors. The Go wrapper in
// simd/transpose.go walks the bands and does the edges.

func init() { sets["transpose"] = genTranspose }

func genTranspose() {
	genTransposeBand(avx2)
	genTransposeBand(avx512)
	genEvens(avx2)
	genEvens(avx512)
	for _, op := range []string{"Add", "Sub", "Mul", "Div"} {
		genBinInc(avx2, op)
		genBinInc(avx512, op)
	}
}

// evensIndex returns a zmm holding the VPERMT2Q/VPERMT2PD index vector
// 0, 2, ..., 14, which picks the even elements of two vectors, made from
// the bytes of one immediate.
func evensIndex() VecVirtual {
	t := GP64()
	MOVQ(U64(0x0E0C0A0806040200), t)
	x := XMM()
	MOVQ(t, x)
	idx := ZMM()
	VPMOVZXBQ(x, idx)
	return idx
}

// genBinInc generates
//
//	func addInc64AVX512(dst, a, b *float64, n int, mode int)
//
// (and sub, mul, div) which computes dst[i] = a[i*incA] op b[i*incB] for
// n blocks of L elements (8 for AVX-512, 4 for AVX2), where mode&3 is 1
// for incA = 2, incB = 1; 2 for incA = 1, incB = 2; and 3 for both 2.
// With mode&4 the results are stored non-temporally (dst 64-byte
// aligned), which spares a long result's reads for ownership: 15 %
// faster for a[::2] + b[::2] into 1e7 elements in main memory. A stride-2 operand is two vector loads and the shuffle of genEvens;
// the operands and the result are read and written together, block by
// block, so their streams from and to memory interleave finely (reading
// each stride-2 input into a contiguous chunk first, in turn, made the
// same work half as fast from main memory). The Go wrapper in
// simd/strided.go does the tail.
func genBinInc(v isa, op string) {
	L := v.Bytes / 8
	name := strings.ToLower(op) + "Inc64" + v.Name
	TEXT(name, NOSPLIT, "func(dst, a, b *float64, n int, mode int)")
	dst := Load(Param("dst"), GP64())
	a := Load(Param("a"), GP64())
	b := Load(Param("b"), GP64())
	n := Load(Param("n"), GP64())
	mode := Load(Param("mode"), GP64())
	TESTQ(n, n)
	JZ(LabelRef(name + "_done"))
	var idx VecVirtual
	if L == 8 {
		idx = evensIndex()
	}
	load := func(p Register, evens bool) VecVirtual {
		r := v.vec()
		VMOVUPD(Mem{Base: p}, r)
		if !evens {
			return r
		}
		if L == 8 {
			VPERMT2PD(Mem{Base: p, Disp: 64}, idx, r)
			return r
		}
		t := YMM()
		VSHUFPD(U8(0), Mem{Base: p, Disp: 32}, r, t) // s0 s4 s2 s6
		VPERMPD(U8(0xD8), t, t)                      // s0 s2 s4 s6
		return t
	}
	loop := func(m int) {
		ea, eb := m&1 != 0, m&2 != 0
		l := fmt.Sprintf("%s_mode%d", name, m)
		Label(l)
		x := load(a, ea)
		y := load(b, eb)
		r := v.vec()
		I("V"+strings.ToUpper(op)+"PD", y, x, r) // r = x op y
		if m&4 != 0 {
			VMOVNTPD(r, Mem{Base: dst})
		} else {
			VMOVUPD(r, Mem{Base: dst})
		}
		step := func(p Register, evens bool) {
			if evens {
				ADDQ(U32(16*L), p)
			} else {
				ADDQ(U32(8*L), p)
			}
		}
		step(a, ea)
		step(b, eb)
		ADDQ(U32(8*L), dst)
		DECQ(n)
		JNZ(LabelRef(l))
		if m&4 != 0 {
			SFENCE()
		}
		JMP(LabelRef(name + "_end"))
	}
	for _, m := range []int{1, 2, 3, 5, 6} {
		CMPQ(mode, U8(m))
		JE(LabelRef(fmt.Sprintf("%s_mode%d", name, m)))
	}
	for _, m := range []int{7, 1, 2, 3, 5, 6} { // 7 when none matched
		loop(m)
	}
	Label(name + "_end")
	VZEROUPPER()
	Label(name + "_done")
	RET()
}

// genEvens generates
//
//	func evens64AVX512(dst *uint64, src *uint64, n int)
//
// which copies src[2*i] to dst[i] for n blocks of L elements (8 for
// AVX-512, 4 for AVX2): each block is two vector loads of source, one
// shuffle network and one vector store, so a stride-2 run (a[::2], the
// real parts of complex128) becomes contiguous at vector speed. The Go
// wrapper Evens64 does the tail.
func genEvens(v isa) {
	L := v.Bytes / 8
	TEXT("evens64"+v.Name, NOSPLIT, "func(dst *uint64, src *uint64, n int)")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	n := Load(Param("n"), GP64())
	TESTQ(n, n)
	JZ(LabelRef("evens_done"))
	var idx VecVirtual
	if L == 8 {
		idx = evensIndex()
	}
	Label("evens_block")
	if L == 8 {
		r := ZMM()
		VMOVDQU64(Mem{Base: src}, r)
		VPERMT2Q(Mem{Base: src, Disp: 64}, idx, r) // evens of both vectors
		VMOVDQU64(r, Mem{Base: dst})
	} else {
		r, t := YMM(), YMM()
		VMOVUPD(Mem{Base: src}, r)
		VSHUFPD(U8(0), Mem{Base: src, Disp: 32}, r, t) // s0 s4 s2 s6
		VPERMPD(U8(0xD8), t, t)                        // s0 s2 s4 s6
		VMOVUPD(t, Mem{Base: dst})
	}
	ADDQ(U32(16*L), src)
	ADDQ(U32(8*L), dst)
	DECQ(n)
	JNZ(LabelRef("evens_block"))
	VZEROUPPER()
	Label("evens_done")
	RET()
}

func genTransposeBand(v isa) {
	L := v.Bytes / 8
	TEXT("transposeBand64"+v.Name, NOSPLIT, "func(dst *uint64, dstStride int, src *uint64, srcStride int, n int)")
	dst := Load(Param("dst"), GP64())
	ds := Load(Param("dstStride"), GP64())
	src := Load(Param("src"), GP64())
	ss := Load(Param("srcStride"), GP64())
	n := Load(Param("n"), GP64())

	// Rows 0-3 of a block are at base + {0, s, 2s, 3s}; rows 4-7 (AVX-512)
	// at a second base 4s further on.
	ss3, ds3 := GP64(), GP64()
	LEAQ(Mem{Base: ss, Index: ss, Scale: 2}, ss3)
	LEAQ(Mem{Base: ds, Index: ds, Scale: 2}, ds3)
	rows := func(base, s, s3 Register) []Mem {
		return []Mem{{Base: base}, {Base: base, Index: s, Scale: 1}, {Base: base, Index: s, Scale: 2}, {Base: base, Index: s3, Scale: 1}}
	}
	var srcB, dstB, dstStep Register
	if L == 8 {
		srcB, dstB = GP64(), GP64()
		LEAQ(Mem{Base: src, Index: ss, Scale: 4}, srcB)
		LEAQ(Mem{Base: dst, Index: ds, Scale: 4}, dstB)
	}
	dstStep = GP64() // L destination rows
	MOVQ(ds, dstStep)
	SHLQ(U8(map[int]int{4: 2, 8: 3}[L]), dstStep)

	in := rows(src, ss, ss3)
	out := rows(dst, ds, ds3)
	if L == 8 {
		in = append(in, rows(srcB, ss, ss3)...)
		out = append(out, rows(dstB, ds, ds3)...)
	}

	Label("block")
	r := make([]VecVirtual, L)
	for i := range r {
		r[i] = v.vec()
		VMOVUPD(in[i], r[i])
	}
	res := make([]VecVirtual, L)
	if L == 4 {
		// [r0[0] r1[0] r0[2] r1[2]] and the odd columns, for row pairs
		t := make([]VecVirtual, 4)
		for p := range 2 {
			t[2*p], t[2*p+1] = YMM(), YMM()
			VUNPCKLPD(r[2*p+1], r[2*p], t[2*p])
			VUNPCKHPD(r[2*p+1], r[2*p], t[2*p+1])
		}
		// columns c and c+2 from the low and high 128-bit lanes
		for c := range 2 {
			res[c], res[c+2] = YMM(), YMM()
			VPERM2F128(U8(0x20), t[c+2], t[c], res[c])
			VPERM2F128(U8(0x31), t[c+2], t[c], res[c+2])
		}
	} else {
		// t[2p] = [r2p[0] r2p+1[0] r2p[2] r2p+1[2] ...] (even columns),
		// t[2p+1] the odd ones, for row pairs p = 0..3.
		t := make([]VecVirtual, 8)
		for p := range 4 {
			t[2*p], t[2*p+1] = ZMM(), ZMM()
			VUNPCKLPD(r[2*p+1], r[2*p], t[2*p])
			VUNPCKHPD(r[2*p+1], r[2*p], t[2*p+1])
		}
		// For odd = 0 (even columns) and 1 (odd columns): gather the
		// 128-bit lanes of pairs (0,1) and (2,3) of the row pairs, then
		// of all four.
		for odd := range 2 {
			a, b := t[odd], t[2+odd]
			c, d := t[4+odd], t[6+odd]
			lo1, lo2, hi1, hi2 := ZMM(), ZMM(), ZMM(), ZMM()
			VSHUFF64X2(U8(0x44), b, a, lo1) // [a.L0 a.L1 b.L0 b.L1]
			VSHUFF64X2(U8(0x44), d, c, lo2)
			VSHUFF64X2(U8(0xEE), b, a, hi1) // [a.L2 a.L3 b.L2 b.L3]
			VSHUFF64X2(U8(0xEE), d, c, hi2)
			for k, src := range [][2]VecVirtual{{lo1, lo2}, {hi1, hi2}} {
				c0, c2 := ZMM(), ZMM()
				VSHUFF64X2(U8(0x88), src[1], src[0], c0) // lane 0 of each pair
				VSHUFF64X2(U8(0xDD), src[1], src[0], c2) // lane 1 of each pair
				res[4*k+odd], res[4*k+2+odd] = c0, c2
			}
		}
	}
	for c := range L {
		VMOVUPD(res[c], out[c])
	}
	ADDQ(U32(v.Bytes), src)
	ADDQ(dstStep, dst)
	if L == 8 {
		ADDQ(U32(v.Bytes), srcB)
		ADDQ(dstStep, dstB)
	}
	DECQ(n)
	JNZ(LabelRef("block"))
	VZEROUPPER()
	RET()
}
