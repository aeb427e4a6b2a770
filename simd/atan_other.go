//go:build !amd64 || purego

package simd

// archAtanKernels returns no assembly implementations: the Go twins are
// the only ones.
func archAtanKernels() []*atanKernels { return nil }
