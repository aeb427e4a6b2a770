// Package cpu reports the CPU features the simd kernels dispatch on. It
// is a thin wrapper over github.com/klauspost/cpuid/v2, read once at
// start-up, so that simd depends on one small internal package and the
// feature names it needs, and nothing else.
//
// A feature is reported only when both the CPU and the operating system
// support it (for AVX and AVX-512 the OS must save the wider registers;
// cpuid checks XCR0).
package cpu

import "github.com/klauspost/cpuid/v2"

// X86 holds the x86 features used by the kernels. Its fields are false
// on other architectures.
var X86 struct {
	HasAVX      bool // 256-bit floating-point vectors
	HasAVX2     bool // 256-bit integer vectors, gathers
	HasFMA      bool // fused multiply-add (FMA3)
	HasF16C     bool // float16 <-> float32 conversion
	HasAVX512F  bool // 512-bit vectors with mask registers
	HasAVX512DQ bool // AVX-512 quadword conversions and float classification
}

func init() {
	c := cpuid.CPU
	X86.HasAVX = c.Supports(cpuid.AVX)
	X86.HasAVX2 = c.Supports(cpuid.AVX, cpuid.AVX2)
	X86.HasFMA = c.Supports(cpuid.AVX, cpuid.FMA3)
	X86.HasF16C = c.Supports(cpuid.AVX, cpuid.F16C)
	X86.HasAVX512F = c.Supports(cpuid.AVX512F)
	X86.HasAVX512DQ = c.Supports(cpuid.AVX512F, cpuid.AVX512DQ)
	LastLevelCache = max(c.Cache.L3, c.Cache.L2, 0)
}

// LastLevelCache is the size in bytes of the largest cache the CPU
// reports (its L3, or L2 where there is none), or 0 when it reports
// none, as under some emulators and on other architectures.
var LastLevelCache int

// Name is the CPU's brand string, for benchmark reports.
func Name() string { return cpuid.CPU.BrandName }
