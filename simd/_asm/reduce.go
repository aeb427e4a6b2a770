package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The reduction kernels of set "reduce" (reduce_amd64.s): the AVX-512
// block and stream kernels of Max/Min, the pairwise-sum kernel that adds
// two neighbouring leaves at once (AVX2, used by the AVX-512
// implementation too), and the kernel that adds rows of a matrix into a
// vector (a sum along axis 0).

func init() { sets["reduce"] = genReduce }

func genReduce() {
	for _, e := range []elem{f64, f32} {
		for _, stream := range []bool{false, true} {
			genExtremeBlock512(e, true, stream)
			genExtremeBlock512(e, false, stream)
		}
	}
	genSumPair()
	genAddRows(avx2)
	genAddRows(avx512)
}

// genExtremeBlock512 emits maxBlock<T>AVX512 / minBlock<T>AVX512, the
// AVX-512 twins of genExtremeBlock: the maximum (minimum) of the non-NaN
// elements of a and whether a holds a NaN, for len(a) a positive
// multiple of 64 elements (at least four vectors). Four accumulators
// are seeded from the first four vectors; the loop takes four vectors (a
// cache line each) per iteration, one into each, and an unordered
// compare of two vectors at a time collects the NaNs in a mask register.
// (Eight vectors an iteration read a 1e7-element run from main memory
// 10 % slower: the loads run further ahead of the hardware prefetcher.)
// There is no software prefetch: the hardware's alone read a 1e7-element
// run from main memory 6-12 % faster than with a prefetch 1, 2, 4 or 8 KB
// ahead (medians of 8-12 alternating runs).
// With stream, the kernel (maxStream<T>AVX512 / minStream<T>AVX512, for
// long runs) takes one vector an iteration after the first four, into
// one accumulator: its loads then run less far ahead, and a 1e7-element
// float64 run came from main memory 12-15 % faster (max.f64.1e7 2.16-2.31
// ms against 2.54-2.65, alternating runs), while in the first-level cache
// it is 1.7 times slower, in the second 10 %, and even at 8 MB.
// The sign of a zero result is unspecified and so is the result when a
// holds a NaN (the wrapper finds the first NaN).
func genExtremeBlock512(e elem, isMax, stream bool) {
	op, nm := "VMAX", "max"
	if !isMax {
		op, nm = "VMIN", "min"
	}
	kind := "Block"
	if stream {
		kind = "Stream"
	}
	name := fmt.Sprintf("%s%s%sAVX512", nm, kind, e.Name)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(a []%s) (m %s, nan bool)", e.Go, e.Go))
	Doc(fmt.Sprintf("%s is the %s kernel of %s%s for AVX-512: len(a) is a positive multiple of 64.", name, strings.ToLower(kind), map[bool]string{true: "Max", false: "Min"}[isMax], e.Name))
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	L := avx512.lanes(e)
	V := L * e.Size // bytes per vector

	// The first four vectors seed the four accumulators.
	var acc [4]VecVirtual
	for u := range 4 {
		acc[u] = ZMM()
		I("VMOVU"+e.P, Mem{Base: a}.Offset(u*V), acc[u])
	}
	nan, t := K(), K()
	I("VCMP"+e.P, U8(3), acc[1], acc[0], nan) // unordered: either is NaN
	I("VCMP"+e.P, U8(3), acc[3], acc[2], t)
	KORW(t, nan, nan)

	end := GP64()
	LEAQ(Mem{Base: a, Index: n, Scale: uint8(e.Size)}, end)
	p := GP64()
	LEAQ(Mem{Base: a}.Offset(4*V), p)
	if !stream {
		lim := GP64() // the last start of a whole four-vector step
		LEAQ(Mem{Base: end}.Offset(-4*V), lim)
		Label(name + "_loop4")
		CMPQ(p, lim)
		JHI(LabelRef(name + "_loop1"))
		var x [4]VecVirtual
		for u := range 4 {
			x[u] = ZMM()
			I("VMOVU"+e.P, Mem{Base: p}.Offset(u*V), x[u])
		}
		for u := 0; u < 4; u += 2 {
			k := K()
			I("VCMP"+e.P, U8(3), x[u+1], x[u], k)
			KORW(k, nan, nan)
		}
		for u := range 4 {
			I(op+e.P, x[u], acc[u], acc[u])
		}
		ADDQ(U32(4*V), p)
		JMP(LabelRef(name + "_loop4"))
	}

	// Fewer than four vectors left (a stream kernel: all): one at a time.
	Label(name + "_loop1")
	CMPQ(p, end)
	JAE(LabelRef(name + "_reduce"))
	y, k := ZMM(), K()
	I("VMOVU"+e.P, Mem{Base: p}, y)
	I("VCMP"+e.P, U8(3), y, y, k)
	KORW(k, nan, nan)
	I(op+e.P, y, acc[0], acc[0])
	ADDQ(U32(V), p)
	JMP(LabelRef(name + "_loop1"))

	Label(name + "_reduce")
	for w := 2; w >= 1; w /= 2 {
		for u := range w {
			I(op+e.P, acc[u+w], acc[u], acc[u])
		}
	}
	z := acc[0]
	hi := YMM()
	VEXTRACTF64X4(U8(1), z, hi)
	I(op+e.P, hi, z.AsY(), z.AsY())
	r := z.AsX()
	hReduce(op, e, z.AsY(), r)
	f := GP8()
	KORTESTW(nan, nan)
	SETNE(f)
	VZEROUPPER()
	Store(r, ReturnIndex(0))
	Store(f, ReturnIndex(1))
	RET()
}

// leafCombine turns the eight partial sums of a pairwise leaf, r0..r3 in
// lo and r4..r7 in hi, into ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) in the
// low lane of the returned register, the order of sumBlockFloat64AVX2.
func leafCombine(lo, hi Register) VecVirtual {
	h := YMM()
	VHADDPD(hi, lo, h) // [r0+r1, r4+r5, r2+r3, r6+r7]
	x := XMM()
	VEXTRACTF128(U8(1), h, x)
	r := XMM()
	VADDPD(x, h.AsX(), r) // [(r0+r1)+(r2+r3), (r4+r5)+(r6+r7)]
	VHADDPD(r, r, r)
	return r
}

// genSumPair emits sumPairFloat64AVX2(a []float64, h int) float64: the
// two pairwise leaves a[:h] and a[h:] summed side by side (each exactly
// as sumBlockFloat64AVX2 sums it) and then added, leaf(a[:h]) +
// leaf(a[h:]). h is a multiple of 8 and 8 <= h <= len(a)-h <= 128, so the
// left leaf has no scalar tail and the right one has at least as many
// whole groups of eight. Two independent chains of additions keep the
// pairwise recursion's short leaves from waiting on the latency of one
// chain. The leaves are read one after the other, not side by side, and
// without software prefetches: two streams a kilobyte apart, read
// interleaved, came from main memory at less than half the rate of one
// stream (the two chains still overlap, out of order), and a prefetch 1
// or 4 KB ahead made a 1e7-element sum twice as slow. Even the right
// leaf's first group is read only after the left leaf: read first, it
// made a 1e7-element sum 20 % slower. (Four groups a loop step instead
// of one made it slower again.) The AVX-512 implementation uses this
// kernel too: an AVX-512 version, one zmm of partial sums per leaf, read
// a 1e7-element sum from main memory in 2.4-3.2 ms where this one took
// 2.1-2.2 (alternating runs), and was faster in the caches only on runs
// of two leaves (18 ns against 20.5 for 256 elements).
func genSumPair() {
	e := f64
	name := "sumPairFloat64AVX2"
	TEXT(name, NOSPLIT, "func(a []float64, h int) float64")
	Doc(name + " is the two-leaf kernel of SumFloat64: leaf(a[:h]) + leaf(a[h:]), h a multiple of 8 and 8 <= h <= len(a)-h <= 128.")
	a := Load(Param("a").Base(), GP64())
	n := Load(Param("a").Len(), GP64())
	h := Load(Param("h"), GP64())
	b := GP64()
	LEAQ(Mem{Base: a, Index: h, Scale: 8}, b)
	SUBQ(h, n) // n = len(a) - h, the right leaf's length
	lim := GP64()
	MOVQ(n, lim)
	ANDQ(I8(-8), lim)

	// Eight partial sums per leaf in two ymm: r0..r3, r4..r7.
	la, lb := []VecVirtual{YMM(), YMM()}, []VecVirtual{YMM(), YMM()}
	for u := range la {
		VMOVUPD(Mem{Base: a}.Offset(32*u), la[u])
	}
	i := GP64()
	MOVQ(U32(8), i)
	Label(name + "_left")
	CMPQ(i, h)
	JGE(LabelRef(name + "_right_init"))
	for u := range la {
		VADDPD(at(e, a, i).Offset(32*u), la[u], la[u])
	}
	ADDQ(U8(8), i)
	JMP(LabelRef(name + "_left"))

	Label(name + "_right_init")
	for u := range lb {
		VMOVUPD(Mem{Base: b}.Offset(32*u), lb[u])
	}
	MOVQ(U32(8), i)
	Label(name + "_right")
	CMPQ(i, lim)
	JGE(LabelRef(name + "_combine"))
	for u := range lb {
		VADDPD(at(e, b, i).Offset(32*u), lb[u], lb[u])
	}
	ADDQ(U8(8), i)
	JMP(LabelRef(name + "_right"))

	Label(name + "_combine")
	ra := leafCombine(la[0], la[1])
	rb := leafCombine(lb[0], lb[1])

	Label(name + "_scalar")
	CMPQ(i, n)
	JGE(LabelRef(name + "_done"))
	VADDSD(at(e, b, i), rb, rb)
	INCQ(i)
	JMP(LabelRef(name + "_scalar"))

	Label(name + "_done")
	VADDSD(rb, ra, ra)
	VZEROUPPER()
	Store(ra, ReturnIndex(0))
	RET()
}

// genAddRows emits addRowsFloat64<ISA>(dst *float64, n int, a *float64,
// stride int, rows int): for each of rows rows of n elements, stride
// bytes apart from a, dst[j] += row[j], the rows in order. n is a
// positive multiple of the lane count. Eight rows at a time are added to
// a vector of dst in registers, (((d + r0) + r1) + ...) + r7, the order
// of adding them one by one, so dst is read and written once per eight
// rows instead of once per row; the rest of the rows go one at a time.
func genAddRows(v isa) {
	name := "addRowsFloat64" + v.Name
	TEXT(name, NOSPLIT, "func(dst *float64, n int, a *float64, stride int, rows int)")
	Doc(fmt.Sprintf("%s adds rows rows of n float64 (a multiple of the lane count), stride bytes apart from a, into dst, in order.", name))
	dst := Load(Param("dst"), GP64())
	n := Load(Param("n"), GP64())
	a := Load(Param("a"), GP64())
	s := Load(Param("stride"), GP64())
	rows := Load(Param("rows"), GP64())
	V := v.Bytes
	SHLQ(U8(3), n) // bytes per row
	s3 := GP64()
	LEAQ(Mem{Base: s, Index: s, Scale: 2}, s3)

	// Eight rows: p0 at row 0, p4 at row 4 of the group; the others are
	// p + s, p + 2s, p + 3s.
	Label(name + "_group8")
	CMPQ(rows, U8(8))
	JLT(LabelRef(name + "_group1"))
	p0, p4, d, end := GP64(), GP64(), GP64(), GP64()
	MOVQ(a, p0)
	LEAQ(Mem{Base: a, Index: s, Scale: 4}, p4)
	MOVQ(dst, d)
	LEAQ(Mem{Base: dst, Index: n, Scale: 1}, end)
	Label(name + "_cols8")
	x := v.vec()
	VMOVUPD(Mem{Base: d}, x)
	for _, p := range []Register{p0, p4} {
		VADDPD(Mem{Base: p}, x, x)
		VADDPD(Mem{Base: p, Index: s, Scale: 1}, x, x)
		VADDPD(Mem{Base: p, Index: s, Scale: 2}, x, x)
		VADDPD(Mem{Base: p, Index: s3, Scale: 1}, x, x)
	}
	VMOVUPD(x, Mem{Base: d})
	ADDQ(U8(V), d)
	ADDQ(U8(V), p0)
	ADDQ(U8(V), p4)
	CMPQ(d, end)
	JB(LabelRef(name + "_cols8"))
	LEAQ(Mem{Base: a, Index: s, Scale: 8}, a)
	SUBQ(U8(8), rows)
	JMP(LabelRef(name + "_group8"))

	// One row at a time.
	Label(name + "_group1")
	TESTQ(rows, rows)
	JZ(LabelRef(name + "_done"))
	q, d1, end1 := GP64(), GP64(), GP64()
	MOVQ(a, q)
	MOVQ(dst, d1)
	LEAQ(Mem{Base: dst, Index: n, Scale: 1}, end1)
	Label(name + "_cols1")
	y := v.vec()
	VMOVUPD(Mem{Base: d1}, y)
	VADDPD(Mem{Base: q}, y, y)
	VMOVUPD(y, Mem{Base: d1})
	ADDQ(U8(V), d1)
	ADDQ(U8(V), q)
	CMPQ(d1, end1)
	JB(LabelRef(name + "_cols1"))
	ADDQ(s, a)
	DECQ(rows)
	JMP(LabelRef(name + "_group1"))

	Label(name + "_done")
	VZEROUPPER()
	RET()
}
