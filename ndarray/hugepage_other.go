//go:build !linux

package ndarray

// adviseHuge is a no-op where the kernel takes no such advice.
func adviseHuge([]byte) {}
