package cpu

import (
	"os"
	"runtime"
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
