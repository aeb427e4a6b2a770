package simd

import (
	"fmt"
	"math"
	"sync/atomic"
)

//go:generate go run -C _asm -mod=mod . -out ../gemm_amd64.s -stubs ../gemm_amd64.go -pkg simd -set gemm

// The micro-kernels of a packed matrix product (the inner kernel of the
// Goto and BLIS algorithm). The caller packs an mr-row panel of a, column
// by column, and a kc-row panel of b of nr columns, row by row; the
// kernel adds their product to an mr x nr tile of c kept in registers.
// The tile shape is the implementation's: GemmTileSizeFloat64 and
// GemmTileSizeFloat32 report it.
//
// Every element of the tile is one chain of fused multiply-adds over p in
// increasing order, starting from its value in c, in every
// implementation: they give identical bits (the float32 Go twin rounds
// each step once, as VFMADD231PS does). A caller that blocks the inner
// dimension and calls the kernel on the blocks in increasing order gets
// the same sequential chain.

// GemmTileSizeFloat64 returns the tile of GemmTileFloat64 in the
// implementation in use: mr rows and nr columns.
func GemmTileSizeFloat64() (mr, nr int) {
	k := gemmActive.Load()
	return k.mr64, k.nr64
}

// GemmTileSizeFloat32 returns the tile of GemmTileFloat32 in the
// implementation in use: mr rows and nr columns.
func GemmTileSizeFloat32() (mr, nr int) {
	k := gemmActive.Load()
	return k.mr32, k.nr32
}

// GemmTileFloat64 adds the product of a packed mr x kc panel of a and a
// packed kc x nr panel of b to the mr x nr tile of c, where mr, nr is
// GemmTileSizeFloat64:
//
//	for i := range mr {
//		for j := range nr {
//			for p := range kc {
//				c[i*ldc+j] = math.FMA(a[p*mr+i], b[p*nr+j], c[i*ldc+j])
//			}
//		}
//	}
//
// It panics if ldc < nr or a slice is too short.
func GemmTileFloat64(kc int, a, b, c []float64, ldc int) {
	k := gemmActive.Load()
	checkGemm(k.mr64, k.nr64, kc, len(a), len(b), len(c), ldc)
	if kc == 0 {
		return
	}
	k.tile64(kc, a, b, c, ldc)
}

// GemmTileFloat32 is GemmTileFloat64 for float32, with the tile of
// GemmTileSizeFloat32; each step is a fused multiply-add rounded once
// to float32.
func GemmTileFloat32(kc int, a, b, c []float32, ldc int) {
	k := gemmActive.Load()
	checkGemm(k.mr32, k.nr32, kc, len(a), len(b), len(c), ldc)
	if kc == 0 {
		return
	}
	k.tile32(kc, a, b, c, ldc)
}

func checkGemm(mr, nr, kc, na, nb, nc, ldc int) {
	if kc < 0 || ldc < nr || na < kc*mr || nb < kc*nr || nc < (mr-1)*ldc+nr {
		panic(fmt.Sprintf("simd: GemmTile of a %d x %d tile, kc %d, ldc %d: a has %d elements, b %d, c %d", mr, nr, kc, ldc, na, nb, nc))
	}
}

// gemmTileGo is the Go twin of the micro-kernels, for any tile shape.
func gemmTileGo(mr, nr, kc int, a, b, c []float64, ldc int) {
	for i := range mr {
		row := c[i*ldc : i*ldc+nr]
		for p := range kc {
			av := a[p*mr+i]
			for j, bv := range b[p*nr : p*nr+nr] {
				row[j] = math.FMA(av, bv, row[j])
			}
		}
	}
}

// gemmTileGo32 is gemmTileGo for float32.
func gemmTileGo32(mr, nr, kc int, a, b, c []float32, ldc int) {
	for i := range mr {
		row := c[i*ldc : i*ldc+nr]
		for p := range kc {
			av := a[p*mr+i]
			for j, bv := range b[p*nr : p*nr+nr] {
				row[j] = fmaFloat32(av, bv, row[j])
			}
		}
	}
}

// FMAFloat32 returns a·b + c rounded once to float32, one step of
// GemmTileFloat32: for a caller's scalar loops that must agree with the
// kernel bit for bit (math.FMA is that step for float64).
func FMAFloat32(a, b, c float32) float32 { return fmaFloat32(a, b, c) }

// fmaFloat32 is a·b + c rounded once to float32, as VFMADD231PS does
// (fma32r, for any arguments): the float64 a·b + c rounded to float32
// unless hard32 says that may be wrong.
func fmaFloat32(a, b, c float32) float32 {
	r := float64(a)*float64(b) + float64(c)
	if hard32(r) {
		return fmaFloat32Slow(a, b, c)
	}
	return float32(r)
}

// fmaFloat32Slow is fmaFloat32 where hard32 holds: fma32,
// or the float64 result when it is not finite (from a non-finite
// argument: float32 products and sums cannot overflow float64).
func fmaFloat32Slow(a, b, c float32) float32 {
	r := math.FMA(float64(a), float64(b), float64(c))
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return float32(r)
	}
	return fma32(a, b, c)
}

// gemmTileBlockedGo is the Go implementation's micro-kernel: gemmTileGo
// for mr a multiple of 2 and nr of 4, two rows and four columns of the
// tile at a time in eight local accumulators (registers) through all kc
// steps, rather than a row of c in memory. Each accumulator is the same
// chain of FMAs.
func gemmTileBlockedGo(mr, nr, kc int, a, b, c []float64, ldc int) {
	for i := 0; i < mr; i += 2 {
		for j := 0; j < nr; j += 4 {
			r0, r1 := c[i*ldc+j:i*ldc+j+4], c[(i+1)*ldc+j:(i+1)*ldc+j+4]
			c00, c01, c02, c03 := r0[0], r0[1], r0[2], r0[3]
			c10, c11, c12, c13 := r1[0], r1[1], r1[2], r1[3]
			for p := range kc {
				ap := a[p*mr+i : p*mr+i+2]
				bp := b[p*nr+j : p*nr+j+4]
				a0, a1 := ap[0], ap[1]
				b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
				c00 = math.FMA(a0, b0, c00)
				c01 = math.FMA(a0, b1, c01)
				c02 = math.FMA(a0, b2, c02)
				c03 = math.FMA(a0, b3, c03)
				c10 = math.FMA(a1, b0, c10)
				c11 = math.FMA(a1, b1, c11)
				c12 = math.FMA(a1, b2, c12)
				c13 = math.FMA(a1, b3, c13)
			}
			r0[0], r0[1], r0[2], r0[3] = c00, c01, c02, c03
			r1[0], r1[1], r1[2], r1[3] = c10, c11, c12, c13
		}
	}
}

// gemmTileBlockedGo32 is gemmTileBlockedGo for float32. A step is the
// float64 a·b + c of fmaFloat32 for the eight accumulators, rounded to
// float32 when hard32 holds for none of them, else fmaFloat32 for each.
func gemmTileBlockedGo32(mr, nr, kc int, a, b, c []float32, ldc int) {
	for i := 0; i < mr; i += 2 {
		for j := 0; j < nr; j += 4 {
			r0, r1 := c[i*ldc+j:i*ldc+j+4], c[(i+1)*ldc+j:(i+1)*ldc+j+4]
			c00, c01, c02, c03 := r0[0], r0[1], r0[2], r0[3]
			c10, c11, c12, c13 := r1[0], r1[1], r1[2], r1[3]
			for p := range kc {
				ap := a[p*mr+i : p*mr+i+2]
				bp := b[p*nr+j : p*nr+j+4]
				a0, a1 := float64(ap[0]), float64(ap[1])
				b0, b1, b2, b3 := float64(bp[0]), float64(bp[1]), float64(bp[2]), float64(bp[3])
				s00, s01, s02, s03 := a0*b0+float64(c00), a0*b1+float64(c01), a0*b2+float64(c02), a0*b3+float64(c03)
				s10, s11, s12, s13 := a1*b0+float64(c10), a1*b1+float64(c11), a1*b2+float64(c12), a1*b3+float64(c13)
				if hard32(s00) || hard32(s01) || hard32(s02) || hard32(s03) ||
					hard32(s10) || hard32(s11) || hard32(s12) || hard32(s13) {
					c00, c01, c02, c03 = fmaFloat32(ap[0], bp[0], c00), fmaFloat32(ap[0], bp[1], c01), fmaFloat32(ap[0], bp[2], c02), fmaFloat32(ap[0], bp[3], c03)
					c10, c11, c12, c13 = fmaFloat32(ap[1], bp[0], c10), fmaFloat32(ap[1], bp[1], c11), fmaFloat32(ap[1], bp[2], c12), fmaFloat32(ap[1], bp[3], c13)
					continue
				}
				c00, c01, c02, c03 = float32(s00), float32(s01), float32(s02), float32(s03)
				c10, c11, c12, c13 = float32(s10), float32(s11), float32(s12), float32(s13)
			}
			r0[0], r0[1], r0[2], r0[3] = c00, c01, c02, c03
			r1[0], r1[1], r1[2], r1[3] = c10, c11, c12, c13
		}
	}
}

// hard32 reports whether r, the float64 a·b + c of float32 operands,
// may round to float32 differently from a·b + c. The product of two
// float32 values is exact in float64, so r is the float64 FMA however the
// compiler evaluates it; rounding that to float32 is right unless it is a
// float32 tie or outside the normal float32 range, zero apart (a float64
// sum of float32-range values is zero only when exact).
func hard32(r float64) bool {
	u := math.Float64bits(r)
	return (u&(1<<29-1) == 1<<28 || (u>>52&0x7ff)-(1023-126) >= 254) && u<<1 != 0
}

// gemmKernels is one implementation of the micro-kernels. The assembly
// kernels take pointers; the table holds them wrapped to slices, the
// arguments checked by GemmTileFloat64 and GemmTileFloat32.
type gemmKernels struct {
	name       string
	mr64, nr64 int
	tile64     func(kc int, a, b, c []float64, ldc int)
	mr32, nr32 int
	tile32     func(kc int, a, b, c []float32, ldc int)
}

// The Go implementation's tile, in blocks of gemmTileBlockedGo.
const gemmGoMR, gemmGoNR = 4, 16

var gemmGoKernels = &gemmKernels{
	name: "go",
	mr64: gemmGoMR, nr64: gemmGoNR,
	tile64: func(kc int, a, b, c []float64, ldc int) { gemmTileBlockedGo(gemmGoMR, gemmGoNR, kc, a, b, c, ldc) },
	mr32:   gemmGoMR, nr32: gemmGoNR,
	tile32: func(kc int, a, b, c []float32, ldc int) { gemmTileBlockedGo32(gemmGoMR, gemmGoNR, kc, a, b, c, ldc) },
}

// gemmImpls lists the implementations this CPU can run, best first,
// named as in Implementations; the pure-Go one is last.
var gemmImpls []*gemmKernels

// gemmActive is the implementation in use; only tests replace it.
var gemmActive atomic.Pointer[gemmKernels]

func init() {
	gemmImpls = append(archGemmKernels(), gemmGoKernels)
	gemmActive.Store(gemmImpls[0])
	useHooks = append(useHooks, useGemm)
}

// useGemm makes the named implementation active and returns the
// function that restores the previous one.
func useGemm(name string) (restore func()) {
	for _, k := range gemmImpls {
		if k.name == name {
			prev := gemmActive.Swap(k)
			return func() { gemmActive.Store(prev) }
		}
	}
	return func() {}
}
