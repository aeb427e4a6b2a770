package ndarray

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

// TestLargeBuffersAdviseHugePages checks that a buffer of hugeBytes or
// more, made by Zeros or by FromSlice, lies in a mapping advised for
// transparent huge pages (the "hg" flag of /proc/self/smaps), and that
// the copy is intact.
func TestLargeBuffersAdviseHugePages(t *testing.T) {
	probe := make([]byte, 4<<20)
	if err := syscall.Madvise(probe[:4096], syscall.MADV_NORMAL); err != nil {
		t.Skipf("madvise unavailable: %v", err)
	}
	big, err := Zeros(dtype.Float64, hugeBytes/8+1000)
	if err != nil {
		t.Fatal(err)
	}
	src := make([]float64, hugeBytes/8+3000)
	src[len(src)-1] = 7
	copied, err := FromSlice(src)
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range map[string]*Array{"Zeros": big, "FromSlice": copied} {
		buf := a.Buffer()
		p := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
		inner := (p + 2<<20 - 1) &^ (2<<20 - 1) // an address in the advised part
		flags, ok := vmFlags(t, inner)
		if !ok {
			t.Fatalf("%s: no mapping holds %#x", name, inner)
		}
		if !strings.Contains(" "+flags+" ", " hg ") {
			t.Errorf("%s: buffer at %#x (%d bytes) not advised for huge pages: VmFlags %q", name, p, len(buf), flags)
		}
	}
	if v := ToSlice[float64](copied); v[len(v)-1] != 7 || v[0] != 0 {
		t.Errorf("FromSlice copy: %v ... %v", v[0], v[len(v)-1])
	}
}

// vmFlags returns the VmFlags line of the mapping of this process that
// holds addr.
func vmFlags(t *testing.T, addr uintptr) (string, bool) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := strings.Cut(strings.Fields(line + " ")[0], "-"); ok && !strings.HasSuffix(strings.Fields(line)[0], ":") {
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uint64(addr) >= l && uint64(addr) < h
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:")), true
		}
	}
	return "", false
}
