//go:build !amd64 || purego

package simd

// archDivKernels returns no assembly implementations: the Go twins are
// the only ones.
func archDivKernels() []*divKernels { return nil }
