//go:build amd64 && !purego

package simd

import (
	"testing"

	"github.com/pluribus-go/pluribus/internal/cpu"
)

// TestIntBinaryAVX512NoDQ runs the integer arithmetic of the avx512
// implementation as a CPU with AVX-512F but not AVX512DQ gets it: the
// int64 product from Go's loop, the rest from the AVX-512 kernels.
func TestIntBinaryAVX512NoDQ(t *testing.T) {
	if !cpu.X86.HasAVX512F || !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		t.Skip("no AVX-512F")
	}
	k := *avx512Kernels
	setIntAVX512(&k, false)
	k.name = "avx512-nodq"
	prev := active.Swap(&k)
	defer active.Store(prev)
	intBinaryCases(t)
}

// TestIntBinaryKernels checks that each implementation runs the integer
// kernels its CPU features call for.
func TestIntBinaryKernels(t *testing.T) {
	for _, k := range impls {
		if k.binIBlock < 1 || k.binIBlock&(k.binIBlock-1) != 0 {
			t.Errorf("%s: binIBlock = %d, want a power of two", k.name, k.binIBlock)
		}
		for op := range numIntBin {
			if k.binI32[op] == nil || k.binI64[op] == nil {
				t.Errorf("%s: integer kernel %d missing", k.name, op)
			}
		}
	}
	if !cpu.X86.HasAVX512F || !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return
	}
	if avx512Kernels.binIBlock != 1 {
		t.Errorf("avx512: binIBlock = %d, want 1 (masked tails)", avx512Kernels.binIBlock)
	}
	var k kernels
	setIntAVX512(&k, true)
	d := make([]int64, 9)
	k.binI64[opIMul](d, []int64{1, 2, 3, 4, 5, 6, 7, 8, -9}, []int64{1 << 40, 1 << 40, 1 << 40, 1 << 40, 1 << 40, 1 << 40, 1 << 40, 1 << 40, 1 << 40})
	for i, v := range d {
		want := int64(i+1) << 40
		if i == 8 {
			want = -9 << 40
		}
		if v != want {
			t.Errorf("mulInt64AVX512: d[%d] = %d, want %d", i, v, want)
		}
	}
}
