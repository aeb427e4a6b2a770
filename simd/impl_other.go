//go:build !amd64 || purego

package simd

// archKernels returns no assembly implementations: the pure-Go kernels
// are the only ones.
func archKernels() []*kernels { return nil }
