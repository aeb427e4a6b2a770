//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// archKernels returns the assembly implementations this CPU supports,
// best first.
func archKernels() []*kernels {
	var ks []*kernels
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return nil
	}
	for _, k := range []*kernels{avx512Kernels, avx2Kernels} {
		k.max64 = [2]func([]float64) (float64, bool){maxBlockFloat64AVX2, maxBlockFloat64AVX2}
		k.min64 = [2]func([]float64) (float64, bool){minBlockFloat64AVX2, minBlockFloat64AVX2}
		k.max32 = [2]func([]float32) (float32, bool){maxBlockFloat32AVX2, maxBlockFloat32AVX2}
		k.min32 = [2]func([]float32) (float32, bool){minBlockFloat32AVX2, minBlockFloat32AVX2}
		k.sumI8, k.sumI16, k.sumI32, k.sumI64 = sumBlockInt8AVX2, sumBlockInt16AVX2, sumBlockInt32AVX2, sumBlockInt64AVX2
		k.cvt64to32 = convertFloat64ToFloat32AVX2
		k.cvtI32to64, k.cvt32to64, k.cvtI32to32 = convertInt32ToFloat64AVX2, convertFloat32ToFloat64AVX2, convertInt32ToFloat32AVX2
		k.cvt64toI32, k.cvt32toI32 = convertFloat64ToInt32AVX2, convertFloat32ToInt32AVX2
		k.mulAdd64, k.mulAdd32 = mulAddFloat64AVX2, mulAddFloat32AVX2
		k.neg64, k.abs64, k.neg32, k.abs32 = negFloat64AVX2, absFloat64AVX2, negFloat32AVX2, absFloat32AVX2
		k.round64 = [numRound]func(dst, a []float64){floorFloat64AVX2, ceilFloat64AVX2, truncFloat64AVX2, rintFloat64AVX2}
		k.round32 = [numRound]func(dst, a []float32){floorFloat32AVX2, ceilFloat32AVX2, truncFloat32AVX2, rintFloat32AVX2}
		k.cvt32to16, k.cvt16to32 = convertFloat32ToFloat16Go, convertFloat16ToFloat32Go
		if cpu.X86.HasF16C {
			k.cvt32to16, k.cvt16to32 = convertFloat32ToFloat16F16C, convertFloat16ToFloat32F16C
		}
	}
	// AVX-512 block kernels of Max and Min (reduce_amd64.s).
	avx512Kernels.max64 = [2]func([]float64) (float64, bool){maxBlockFloat64AVX512, maxStreamFloat64AVX512}
	avx512Kernels.min64 = [2]func([]float64) (float64, bool){minBlockFloat64AVX512, minStreamFloat64AVX512}
	avx512Kernels.max32 = [2]func([]float32) (float32, bool){maxBlockFloat32AVX512, maxStreamFloat32AVX512}
	avx512Kernels.min32 = [2]func([]float32) (float32, bool){minBlockFloat32AVX512, minStreamFloat32AVX512}
	setIntAVX2(avx2Kernels)
	setNT()
	if cpu.X86.HasAVX512F {
		setIntAVX512(avx512Kernels, cpu.X86.HasAVX512DQ)
		ks = append(ks, avx512Kernels)
	}
	return append(ks, avx2Kernels)
}

// setIntAVX2 gives k the AVX2 integer arithmetic: block kernels of two
// vectors (16 int32, 8 int64), the tail in Go. AVX2 has no 64-bit
// multiply (VPMULLQ is AVX-512DQ): the int64 product is Go's loop. Its
// 64-bit maximum and minimum compare and blend (VPMAXSQ is AVX-512).
func setIntAVX2(k *kernels) {
	k.binI32 = [numIntBin]func(dst, a, b []int32){addInt32AVX2, subInt32AVX2, mulInt32AVX2, maxInt32AVX2, minInt32AVX2}
	k.binI64 = [numIntBin]func(dst, a, b []int64){addInt64AVX2, subInt64AVX2, mulIntGo[int64], maxInt64AVX2, minInt64AVX2}
	k.binI32NT = [numIntBin]func(dst, a, b []int32){addInt32AVX2NT, subInt32AVX2NT, mulInt32AVX2NT, maxInt32AVX2NT, minInt32AVX2NT}
	k.binI64NT = [numIntBin]func(dst, a, b []int64){addInt64AVX2NT, subInt64AVX2NT, nil, maxInt64AVX2NT, minInt64AVX2NT}
	k.binIBlock = 16
	k.extI64 = [2]func(a, out []int64){maxBlockInt64AVX2, minBlockInt64AVX2}
	k.extI32 = [2]func(a, out []int32){maxBlockInt32AVX2, minBlockInt32AVX2}
	k.sclI32 = [numIntScalar]func(dst, a []int32, s int32){addInt32ScalarAVX2, subInt32ScalarAVX2, mulInt32ScalarAVX2,
		maxInt32ScalarAVX2, minInt32ScalarAVX2, rsubInt32ScalarAVX2}
	k.sclI64 = [numIntScalar]func(dst, a []int64, s int64){addInt64ScalarAVX2, subInt64ScalarAVX2, mulSIntGo[int64],
		maxInt64ScalarAVX2, minInt64ScalarAVX2, rsubInt64ScalarAVX2}
	k.boolBin = [3]func(dst, a, b []bool){andBoolAVX2, orBoolAVX2, xorBoolAVX2}
	k.boolNot = notBoolAVX2
	k.unI32 = [2]func(dst, a []int32){negateInt32AVX2, absInt32AVX2}
	k.unI64 = [2]func(dst, a []int64){negateInt64AVX2, absInt64AVX2}
}

// setIntAVX512 gives k the AVX-512 integer arithmetic, which takes any
// length (masked tails); the int64 product uses VPMULLQ when dq (the CPU
// has AVX512DQ) and Go's loop otherwise.
func setIntAVX512(k *kernels, dq bool) {
	k.binI32 = [numIntBin]func(dst, a, b []int32){addInt32AVX512, subInt32AVX512, mulInt32AVX512, maxInt32AVX512, minInt32AVX512}
	k.binI64 = [numIntBin]func(dst, a, b []int64){addInt64AVX512, subInt64AVX512, mulIntGo[int64], maxInt64AVX512, minInt64AVX512}
	k.binI32NT = [numIntBin]func(dst, a, b []int32){addInt32AVX512NT, subInt32AVX512NT, mulInt32AVX512NT, maxInt32AVX512NT, minInt32AVX512NT}
	k.binI64NT = [numIntBin]func(dst, a, b []int64){addInt64AVX512NT, subInt64AVX512NT, nil, maxInt64AVX512NT, minInt64AVX512NT}
	if dq {
		k.binI64[opIMul] = mulInt64AVX512
		k.binI64NT[opIMul] = mulInt64AVX512NT
		k.sclI64[opIMul] = mulInt64ScalarAVX512
	}
	k.binIBlock = 1
	k.extI64 = [2]func(a, out []int64){maxBlockInt64AVX512, minBlockInt64AVX512}
	k.extI32 = [2]func(a, out []int32){maxBlockInt32AVX512, minBlockInt32AVX512}
	k.sclI32 = [numIntScalar]func(dst, a []int32, s int32){addInt32ScalarAVX512, subInt32ScalarAVX512, mulInt32ScalarAVX512,
		maxInt32ScalarAVX512, minInt32ScalarAVX512, rsubInt32ScalarAVX512}
	k.sclI64 = [numIntScalar]func(dst, a []int64, s int64){addInt64ScalarAVX512, subInt64ScalarAVX512, mulSIntGo[int64],
		maxInt64ScalarAVX512, minInt64ScalarAVX512, rsubInt64ScalarAVX512}
	k.boolBin = [3]func(dst, a, b []bool){andBoolAVX2, orBoolAVX2, xorBoolAVX2}
	k.boolNot = notBoolAVX2
	k.unI32 = [2]func(dst, a []int32){negateInt32AVX512, absInt32AVX512}
	k.unI64 = [2]func(dst, a []int64){negateInt64AVX512, absInt64AVX512}
}

// setNT gives the assembly implementations their non-temporal kernels:
// results of ntBytes or more are written around the caches, which saves
// reading every destination line before it is overwritten (a third of
// the memory traffic of an add). The floating-point element-wise kernels
// take any length, so their table entries become ntBinary and ntScalar
// wrappers; the block kernels' wrappers (intBinary, MulAdd) split the
// work themselves.
func setNT() {
	for _, k := range []*kernels{avx512Kernels, avx2Kernels} {
		k.mulAdd64NT, k.mulAdd32NT = mulAddFloat64AVX2NT, mulAddFloat32AVX2NT
		k.neg64NT, k.abs64NT, k.neg32NT, k.abs32NT = negFloat64AVX2NT, absFloat64AVX2NT, negFloat32AVX2NT, absFloat32AVX2NT
		k.round64NT = [numRound]func(dst, a []float64){floorFloat64AVX2NT, ceilFloat64AVX2NT, truncFloat64AVX2NT, rintFloat64AVX2NT}
		k.round32NT = [numRound]func(dst, a []float32){floorFloat32AVX2NT, ceilFloat32AVX2NT, truncFloat32AVX2NT, rintFloat32AVX2NT}
		k.cvt64to32NT = convertFloat64ToFloat32AVX2NT
		k.cvtI32to64NT, k.cvt32to64NT, k.cvtI32to32NT = convertInt32ToFloat64AVX2NT, convertFloat32ToFloat64AVX2NT, convertInt32ToFloat32AVX2NT
		k.cvt64toI32NT, k.cvt32toI32NT = convertFloat64ToInt32AVX2NT, convertFloat32ToInt32AVX2NT
		if cpu.X86.HasF16C {
			k.cvt32to16NT, k.cvt16to32NT = convertFloat32ToFloat16F16CNT, convertFloat16ToFloat32F16CNT
		}
	}
	bin64 := map[*kernels][numBin]func(dst, a, b []float64){
		avx2Kernels:   {addFloat64AVX2NT, subFloat64AVX2NT, mulFloat64AVX2NT, divFloat64AVX2NT, maxFloat64AVX2NT, minFloat64AVX2NT},
		avx512Kernels: {addFloat64AVX512NT, subFloat64AVX512NT, mulFloat64AVX512NT, divFloat64AVX512NT, maxFloat64AVX512NT, minFloat64AVX512NT},
	}
	bin32 := map[*kernels][numBin]func(dst, a, b []float32){
		avx2Kernels:   {addFloat32AVX2NT, subFloat32AVX2NT, mulFloat32AVX2NT, divFloat32AVX2NT, maxFloat32AVX2NT, minFloat32AVX2NT},
		avx512Kernels: {addFloat32AVX512NT, subFloat32AVX512NT, mulFloat32AVX512NT, divFloat32AVX512NT, maxFloat32AVX512NT, minFloat32AVX512NT},
	}
	sc64 := map[*kernels][numScalar]func(dst, a []float64, s float64){
		avx2Kernels:   {addFloat64ScalarAVX2NT, subFloat64ScalarAVX2NT, mulFloat64ScalarAVX2NT, divFloat64ScalarAVX2NT, rsubFloat64ScalarAVX2NT, rdivFloat64ScalarAVX2NT},
		avx512Kernels: {addFloat64ScalarAVX512NT, subFloat64ScalarAVX512NT, mulFloat64ScalarAVX512NT, divFloat64ScalarAVX512NT, rsubFloat64ScalarAVX512NT, rdivFloat64ScalarAVX512NT},
	}
	sc32 := map[*kernels][numScalar]func(dst, a []float32, s float32){
		avx2Kernels:   {addFloat32ScalarAVX2NT, subFloat32ScalarAVX2NT, mulFloat32ScalarAVX2NT, divFloat32ScalarAVX2NT, rsubFloat32ScalarAVX2NT, rdivFloat32ScalarAVX2NT},
		avx512Kernels: {addFloat32ScalarAVX512NT, subFloat32ScalarAVX512NT, mulFloat32ScalarAVX512NT, divFloat32ScalarAVX512NT, rsubFloat32ScalarAVX512NT, rdivFloat32ScalarAVX512NT},
	}
	for k := range bin64 {
		for op := range numBin {
			k.bin64[op] = ntBinary(k.bin64[op], bin64[k][op])
			k.bin32[op] = ntBinary(k.bin32[op], bin32[k][op])
		}
		for op := range numScalar {
			k.scalar64[op] = ntScalar(k.scalar64[op], sc64[k][op])
			k.scalar32[op] = ntScalar(k.scalar32[op], sc32[k][op])
		}
	}
}

// ntBinary returns f (which takes any length) with the middle of a long
// dst (ntSpan) done by nt, its non-temporal variant.
func ntBinary[T float](f, nt func(dst, a, b []T)) func(dst, a, b []T) {
	return func(dst, a, b []T) {
		if h, m := ntSpan(dst); m > 0 {
			f(dst[:h], a[:h], b[:h])
			nt(dst[h:h+m], a[h:h+m], b[h:h+m])
			dst, a, b = dst[h+m:], a[h+m:], b[h+m:]
		}
		f(dst, a, b)
	}
}

// ntScalar is ntBinary for the kernels with a scalar operand.
func ntScalar[T float](f, nt func(dst, a []T, s T)) func(dst, a []T, s T) {
	return func(dst, a []T, s T) {
		if h, m := ntSpan(dst); m > 0 {
			f(dst[:h], a[:h], s)
			nt(dst[h:h+m], a[h:h+m], s)
			dst, a = dst[h+m:], a[h+m:]
		}
		f(dst, a, s)
	}
}

var avx2Kernels = &kernels{
	name:     "avx2",
	bin64:    [numBin]func(dst, a, b []float64){addFloat64AVX2, subFloat64AVX2, mulFloat64AVX2, divFloat64AVX2, maxFloat64AVX2, minFloat64AVX2},
	bin32:    [numBin]func(dst, a, b []float32){addFloat32AVX2, subFloat32AVX2, mulFloat32AVX2, divFloat32AVX2, maxFloat32AVX2, minFloat32AVX2},
	scalar64: [numScalar]func(dst, a []float64, s float64){addFloat64ScalarAVX2, subFloat64ScalarAVX2, mulFloat64ScalarAVX2, divFloat64ScalarAVX2, rsubFloat64ScalarAVX2, rdivFloat64ScalarAVX2},
	scalar32: [numScalar]func(dst, a []float32, s float32){addFloat32ScalarAVX2, subFloat32ScalarAVX2, mulFloat32ScalarAVX2, divFloat32ScalarAVX2, rsubFloat32ScalarAVX2, rdivFloat32ScalarAVX2},
	sum64:    sumBlockFloat64AVX2,
	sum32:    sumBlockFloat32AVX2,
	dot64:    dotFloat64AVX2,
	dot32:    dotFloat32AVX2,
}

// avx512Kernels uses zmm registers with masked tails. The pairwise-sum
// leaf keeps NumPy's eight accumulators, which fill a ymm register, so it
// is the AVX2 one; so are the memory-bound block kernels of the
// integer sums and conversions (filled in by archKernels). Its integer
// arithmetic is AVX-512 (setIntAVX512), and so are the block kernels of
// Max and Min, eight zmm vectors a step.
var avx512Kernels = &kernels{
	name:     "avx512",
	bin64:    [numBin]func(dst, a, b []float64){addFloat64AVX512, subFloat64AVX512, mulFloat64AVX512, divFloat64AVX512, maxFloat64AVX512, minFloat64AVX512},
	bin32:    [numBin]func(dst, a, b []float32){addFloat32AVX512, subFloat32AVX512, mulFloat32AVX512, divFloat32AVX512, maxFloat32AVX512, minFloat32AVX512},
	scalar64: [numScalar]func(dst, a []float64, s float64){addFloat64ScalarAVX512, subFloat64ScalarAVX512, mulFloat64ScalarAVX512, divFloat64ScalarAVX512, rsubFloat64ScalarAVX512, rdivFloat64ScalarAVX512},
	scalar32: [numScalar]func(dst, a []float32, s float32){addFloat32ScalarAVX512, subFloat32ScalarAVX512, mulFloat32ScalarAVX512, divFloat32ScalarAVX512, rsubFloat32ScalarAVX512, rdivFloat32ScalarAVX512},
	sum64:    sumBlockFloat64AVX2,
	sum32:    sumBlockFloat32AVX2,
	dot64:    dotFloat64AVX512,
	dot32:    dotFloat32AVX512,
}
