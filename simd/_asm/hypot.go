package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The hypot kernels (in the set "exp"):
//
//	func hypotFloat64AVX2(dst, x, y []float64, c *float64) (n int)
//
// and its AVX-512 form, block kernels like the pow ones (c is powRows
// too). They do hypot's general case, the double-double part of
// internal/mathx's Hypot (the twin) in its order of operations: the
// larger magnitude at most 2^500, the smaller at least 2^-500 and 2^-60
// of the larger, where no scaling is needed; the twin does the rest.

func genHypot() {
	for _, v := range []isa{avx2, avx512} {
		binBlock("hypotFloat64"+v.Name, "HypotFloat64", v, false, func(k *vk, x, y VecVirtual) []Register {
			mx, mn := hypotAbs(k, x, y)
			ratio := k.vec()
			k.mul(k.c(hRatio), mx, ratio)
			return []Register{
				k.gtMask(k.c(hBig), mx), // beyond 2^500, Inf or NaN (as integers)
				k.gtMask(k.c(hBig), mn),
				k.cmpMask(cmpLT, k.c(hTiny), mn),
				k.cmpMask(cmpLT, ratio, mn),
			}
		}, func(k *vk, x VecVirtual, y Op, _ string) VecVirtual {
			mx, mn := hypotAbs(k, x, k.load(y))
			return hypotBody(k, mx, mn)
		})
	}
}

// hypotAbs returns the larger and the smaller of |x| and |y| (NaN lanes
// are bailed out before they matter).
func hypotAbs(k *vk, x, y VecVirtual) (mx, mn VecVirtual) {
	ax, ay := k.vec(), k.vec()
	k.and(k.c(hAbs), x, ax)
	k.and(k.c(hAbs), y, ay)
	mx, mn = k.vec(), k.vec()
	k.max(ay, ax, mx)
	k.min(ay, ax, mn)
	return mx, mn
}

// hypotBody emits the double-double sqrt(x² + y²) of mathx.Hypot for
// x = mx >= y = mn > 0, where its scale is 1.
func hypotBody(k *vk, x, y VecVirtual) VecVirtual {
	x2, x2l := k.vec(), k.vec()
	k.mul(x, x, x2)
	VMOVAPD(x, x2l)
	VFMSUB213PD(x2, x, x2l) // x·x - x2
	y2, y2l := k.vec(), k.vec()
	k.mul(y, y, y2)
	VMOVAPD(y, y2l)
	VFMSUB213PD(y2, y, y2l)
	s, e := k.twoSum(x2, y2)
	k.add(y2l, x2l, x2l)
	k.add(x2l, e, e) // s.lo += x2.lo + y2.lo
	h := k.vec()
	VSQRTPD(s, h)
	VFNMADD231PD(h, h, s) // s - h·h
	k.add(e, s, s)
	t := k.vec()
	k.add(h, h, t)
	k.div(t, s, s) // e/(2h)
	r := k.vec()
	k.add(s, h, r)
	k.sub(h, r, t)
	k.sub(t, s, s) // q - (r - h)
	k.add(s, r, r)
	return r
}
