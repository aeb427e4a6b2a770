//go:build !(linux && (amd64 || arm64 || loong64 || ppc64le || riscv64 || s390x))

package ndarray

import "os"

// mapFile reports that memory mapping is not available on this platform:
// LoadNPY reads the file instead (see mmap_unix.go for 64-bit Linux).
func mapFile(f *os.File, off int64, n int) ([]byte, bool) { return nil, false }

// preallocate is a no-op where fallocate is not available.
func preallocate(f *os.File, off int64, n int) {}
