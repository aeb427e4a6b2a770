//go:build !amd64 || purego

package simd

// archTransposeKernels returns no assembly implementations: the Go twin
// is the only one.
func archTransposeKernels() []*transposeKernels { return nil }
