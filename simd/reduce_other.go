//go:build !amd64 || purego

package simd

// archReduceKernels returns no assembly implementations: the Go twins
// are the only ones.
func archReduceKernels() []*reduceKernels { return nil }
