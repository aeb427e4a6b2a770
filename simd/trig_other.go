//go:build !amd64 || purego

package simd

// archTrigKernels returns no assembly implementations: the Go twins are
// the only ones.
func archTrigKernels() []*trigKernels { return nil }
