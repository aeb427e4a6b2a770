//go:build linux && (amd64 || arm64 || loong64 || ppc64le || riscv64 || s390x)

package ndarray

import (
	"os"
	"runtime"
	"sync"
	"syscall"
	"unsafe"
)

// The build tag lists the 64-bit Linux ports, whose SYS_MMAP takes its
// six arguments in registers and a byte offset (32-bit ports have the
// old_mmap/mmap2 pair instead); elsewhere LoadNPY reads the file.

// How LoadNPY maps a file without an owner field in Array.
//
// Views share an array's buffer by copying its []byte, so the only thing
// that is reachable exactly as long as some array uses the memory is the
// buffer itself — and the garbage collector tracks only memory it
// allocated. So the file is mapped over a buffer the Go heap allocated:
// mapFile allocates a []byte a page larger than the mapping, and
// mmap(MAP_FIXED) replaces its page-aligned interior with a private,
// read-only mapping of the file. Every slice into the buffer keeps the
// allocation, hence the mapping, alive. When the buffer becomes
// unreachable its finalizer maps fresh anonymous zero pages back over the
// range (dropping the file mapping) before the runtime reuses the memory.
//
// This is safe because the runtime never reads or writes the contents of
// a live pointer-free object: its memory is the program's alone. If
// undoing a mapping ever fails, the buffer is pinned for the life of the
// process instead of being handed back to the heap.
//
// The mapping is read-only: a write through the buffer of a read-only
// array faults, as it does in NumPy with mmap_mode='r'.

// pinned keeps buffers whose mapping could not be undone, so that the
// heap never reuses them.
var pinned struct {
	sync.Mutex
	bufs []*byte
}

func pin(p *byte) {
	pinned.Lock()
	pinned.bufs = append(pinned.bufs, p)
	pinned.Unlock()
}

// mapFile maps n bytes of f at offset off and returns them, or false when
// the system refuses (the caller then reads the file).
func mapFile(f *os.File, off int64, n int) ([]byte, bool) {
	if n <= 0 || off < 0 {
		return nil, false
	}
	page := os.Getpagesize()
	fileOff := off &^ int64(page-1)
	skip := int(off - fileOff)
	if n > maxInt-skip-2*page {
		return nil, false
	}
	length := (skip + n + page - 1) &^ (page - 1)
	raw := make([]byte, length+page)
	start := int(-uintptr(unsafe.Pointer(unsafe.SliceData(raw))) & uintptr(page-1))
	addr := unsafe.Pointer(&raw[start])
	r, _, errno := syscall.Syscall6(syscall.SYS_MMAP, uintptr(addr), uintptr(length),
		syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_FIXED, f.Fd(), uintptr(fileOff))
	runtime.KeepAlive(f)
	if errno != 0 || r != uintptr(addr) {
		// A failed MAP_FIXED may have unmapped the range: put memory back.
		if !unmapOver(addr, length) {
			pin(&raw[0])
		}
		return nil, false
	}
	runtime.SetFinalizer(&raw[0], func(p *byte) {
		if !unmapOver(unsafe.Add(unsafe.Pointer(p), start), length) {
			pin(p)
		}
	})
	lo := start + skip
	return raw[lo : lo+n : lo+n], true
}

// unmapOver replaces length bytes at addr with fresh anonymous memory, as
// the Go heap maps its own.
func unmapOver(addr unsafe.Pointer, length int) bool {
	r, _, errno := syscall.Syscall6(syscall.SYS_MMAP, uintptr(addr), uintptr(length),
		syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANONYMOUS|syscall.MAP_FIXED, ^uintptr(0), 0)
	return errno == 0 && r == uintptr(addr)
}

// preallocate reserves n bytes of f from offset off without changing its
// size, as NumPy's tofile does before writing: on ext4 and xfs, writing
// into reserved blocks is much faster than delayed allocation. Errors
// (a file system without fallocate) are ignored: it is only a hint.
func preallocate(f *os.File, off int64, n int) {
	const keepSize = 0x1 // FALLOC_FL_KEEP_SIZE
	if rc, err := f.SyscallConn(); err == nil {
		rc.Control(func(fd uintptr) { _ = syscall.Fallocate(int(fd), keepSize, off, int64(n)) })
	}
}
