//go:build !amd64 || purego

package simd

// archGemmKernels returns no assembly implementations: the Go twin is
// the only one.
func archGemmKernels() []*gemmKernels { return nil }
