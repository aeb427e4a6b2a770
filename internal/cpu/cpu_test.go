package cpu

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestAgreesWithProcCPUInfo checks the detected features against the
// kernel's view of the CPU on Linux/amd64.
func TestAgreesWithProcCPUInfo(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("needs linux/amd64")
	}
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Skip(err)
	}
	var flags map[string]bool
	for line := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "flags" {
			flags = map[string]bool{}
			for _, f := range strings.Fields(v) {
				flags[f] = true
			}
			break
		}
	}
	if flags == nil {
		t.Skip("no flags line in /proc/cpuinfo")
	}
	for _, c := range []struct {
		name string
		got  bool
	}{
		{"avx", X86.HasAVX},
		{"avx2", X86.HasAVX2},
		{"fma", X86.HasFMA},
		{"f16c", X86.HasF16C},
		{"avx512f", X86.HasAVX512F},
	} {
		if c.got != flags[c.name] {
			t.Errorf("%s: detected %v, /proc/cpuinfo says %v", c.name, c.got, flags[c.name])
		}
	}
}

// TestLastLevelCache checks the cache size against the largest cache
// the kernel lists for CPU 0 in sysfs on Linux/amd64.
func TestLastLevelCache(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("needs linux/amd64")
	}
	dirs, _ := filepath.Glob("/sys/devices/system/cpu/cpu0/cache/index*")
	largest := 0
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "size"))
		if err != nil {
			continue
		}
		s := strings.TrimSpace(string(b))
		kb, err := strconv.Atoi(strings.TrimSuffix(s, "K"))
		if err != nil || !strings.HasSuffix(s, "K") {
			t.Fatalf("%s/size: %q", d, s)
		}
		largest = max(largest, kb<<10)
	}
	if largest == 0 {
		t.Skip("no cache sizes in sysfs")
	}
	if LastLevelCache != largest {
		t.Errorf("LastLevelCache = %d, sysfs says %d", LastLevelCache, largest)
	}
}
