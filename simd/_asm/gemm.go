package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The matrix-multiply micro-kernels (set "gemm", written to
// gemm_amd64.s).
//
//	func gemmTileFloat64AVX512(kc int, a, b, c *float64, ldc int)
//
// adds the product of a packed mr x kc panel of a (column p at
// a[p*mr:]) and a packed kc x nr panel of b (row p at b[p*nr:]) to the
// mr x nr tile of c whose rows are ldc elements apart:
//
//	for p := range kc {
//		for i := range mr {
//			for j := range nr {
//				c[i*ldc+j] = math.FMA(a[p*mr+i], b[p*nr+j], c[i*ldc+j])
//			}
//		}
//	}
//
// The tile lives in registers for the whole call: it is loaded from c at
// the start and stored at the end, so every c[i,j] is one chain of
// fused multiply-adds in increasing p, the order of the Go twin. A step
// of p loads the nv vectors of row p of b, broadcasts each of the mr
// elements of column p of a and does mr*nv independent FMAs, enough to
// cover the FMA latency (4 cycles) at one or two FMAs a cycle.
//
// Shapes: AVX-512 8 rows x 3 zmm (8 x 24 float64, 8 x 48 float32): 24
// accumulators, 3 row vectors of b and 2 broadcast registers of the 32;
// AVX2 6 rows x 2 ymm (6 x 8 float64, 6 x 16 float32): 12 accumulators,
// 2 of b, 2 broadcasts of the 16. The registers are named (not left to
// the allocator) so that the AVX2 kernels stay within Y0-Y15, which VEX
// encodes.

func init() { sets["gemm"] = genGemm }

// gemmShapes are the tiles: rows, and vectors a row.
var gemmShapes = []struct {
	v      isa
	mr, nv int
}{
	{avx2, 6, 2},
	{avx512, 8, 3},
}

func genGemm() {
	for _, s := range gemmShapes {
		for _, e := range []elem{f64, f32} {
			genGemmTile(s.v, e, s.mr, s.nv)
		}
	}
}

// vecReg returns vector register i of the width of v.
func vecReg(v isa, i int) VecPhysical {
	if v.Bytes == 64 {
		return [...]VecPhysical{Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15,
			Z16, Z17, Z18, Z19, Z20, Z21, Z22, Z23, Z24, Z25, Z26, Z27, Z28, Z29, Z30, Z31}[i]
	}
	return [...]VecPhysical{Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15}[i]
}

func genGemmTile(v isa, e elem, mr, nv int) {
	name := fmt.Sprintf("gemmTile%s%s", e.Name, v.Name)
	L := v.lanes(e)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(kc int, a, b, c *%s, ldc int)", e.Go))
	Doc(fmt.Sprintf("%s is GemmTile%s for %s, on tiles of %d x %d (%d rows of %d vectors).", name, e.Name, v.Name, mr, nv*L, mr, nv))
	kc := Load(Param("kc"), GP64())
	a := Load(Param("a"), GP64())
	b := Load(Param("b"), GP64())
	c := Load(Param("c"), GP64())
	ldc := Load(Param("ldc"), GP64())
	shift := map[int]uint8{4: 2, 8: 3}[e.Size]
	SHLQ(U8(shift), ldc) // bytes

	acc := func(i, u int) VecPhysical { return vecReg(v, i*nv+u) }
	bv := func(u int) VecPhysical { return vecReg(v, mr*nv+u) }
	bc := func(i int) VecPhysical { return vecReg(v, mr*nv+nv+i%2) }

	// tile walks the rows of the tile with f(i, row pointer).
	tile := func(f func(i int, row Register)) {
		row := GP64()
		MOVQ(c, row)
		for i := range mr {
			f(i, row)
			if i < mr-1 {
				ADDQ(ldc, row)
			}
		}
	}
	tile(func(i int, row Register) {
		for u := range nv {
			I("VMOVU"+e.P, Mem{Base: row, Disp: u * v.Bytes}, acc(i, u))
		}
	})
	TESTQ(kc, kc)
	JZ(LabelRef(name + "_store"))

	Label(name + "_loop")
	for u := range nv {
		I("VMOVU"+e.P, Mem{Base: b, Disp: u * v.Bytes}, bv(u))
	}
	for i := range mr {
		I("VBROADCAST"+e.S, Mem{Base: a, Disp: i * e.Size}, bc(i))
		for u := range nv {
			I("VFMADD231"+e.P, bv(u), bc(i), acc(i, u))
		}
	}
	ADDQ(U32(mr*e.Size), a)
	ADDQ(U32(nv*v.Bytes), b)
	DECQ(kc)
	JNZ(LabelRef(name + "_loop"))

	Label(name + "_store")
	tile(func(i int, row Register) {
		for u := range nv {
			I("VMOVU"+e.P, acc(i, u), Mem{Base: row, Disp: u * v.Bytes})
		}
	})
	VZEROUPPER()
	RET()
}
