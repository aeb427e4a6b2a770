package ndarray

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks the kernel to back buf, a new buffer of hugeBytes or
// more, with transparent huge pages, as NumPy does for its large arrays:
// a walk across a large array (a transposed or strided operand, a
// reduction) then takes far fewer TLB misses. Only the whole 2 MiB pages
// inside buf are advised, so nothing else in the Go heap is; it is a
// hint, and failures are ignored.
func adviseHuge(buf []byte) {
	const huge = 2 << 20
	p := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	lo := (p + huge - 1) &^ (huge - 1)
	hi := (p + uintptr(len(buf))) &^ (huge - 1)
	if hi <= lo {
		return
	}
	_ = syscall.Madvise(buf[lo-p:hi-p], syscall.MADV_HUGEPAGE)
}
