//go:build !amd64 || purego

package simd

// archExpKernels returns no assembly implementations: the Go twins are
// the only ones.
func archExpKernels() []*expKernels { return nil }
