package simd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGenerated regenerates the assembly and its Go declarations with the
// avo generator in _asm and fails if they differ from the committed
// files (the files are generated and must never be edited by hand).
func TestGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating the assembly runs the avo generator; skipped in -short mode")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH: cannot run the generator")
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod")
	dl := exec.Command(goTool, "mod", "download", "github.com/mmcloughlin/avo")
	dl.Dir, dl.Env = "_asm", env
	if out, err := dl.CombinedOutput(); err != nil {
		t.Skipf("cannot download the avo module for the generator (offline?): %v\n%s", err, out)
	}
	for _, s := range generatedSets {
		t.Run(s.set, func(t *testing.T) { checkGenerated(t, goTool, env, s.set, s.base) })
	}
}

// generatedSets are the generator's kernel sets and the files each
// writes (<base>_amd64.s and <base>_amd64.go), as in the go:generate
// lines of doc.go, exp.go, trig.go, transpose.go, reduce_impl.go,
// gemm.go, divmod.go and atan.go.
var generatedSets = []struct{ set, base string }{
	{"core", "kernels"},
	{"exp", "exp"},
	{"trig", "trig"},
	{"transpose", "transpose"},
	{"reduce", "reduce"},
	{"gemm", "gemm"},
	{"divmod", "divmod"},
	{"atan", "atan"},
}

func checkGenerated(t *testing.T, goTool string, env []string, set, base string) {
	dir := t.TempDir()
	outS, outGo := filepath.Join(dir, base+"_amd64.s"), filepath.Join(dir, base+"_amd64.go")
	args := []string{"run", ".", "-out", outS, "-stubs", outGo, "-pkg", "simd"}
	if set != "core" {
		args = append(args, "-set", set)
	}
	cmd := exec.Command(goTool, args...)
	cmd.Dir, cmd.Env = "_asm", env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generator failed: %v\n%s", err, out)
	}
	for _, f := range []struct{ gen, committed string }{
		{outS, base + "_amd64.s"},
		{outGo, base + "_amd64.go"},
	} {
		got, err := os.ReadFile(f.gen)
		if err != nil {
			t.Fatal(err)
		}
		// The header records the command line; go generate writes to ../.
		got = []byte(strings.ReplaceAll(string(got), dir+string(filepath.Separator), "../"))
		want, err := os.ReadFile(f.committed)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output: run go generate ./simd (and do not edit generated files)", f.committed)
		}
	}
}

// TestGatherRegisters checks that no AVX2 gather in the generated
// assembly writes Y8-Y15: qemu 7.2's user-mode emulation, which runs the
// tests for older CPUs in CI, computes those wrong (a log1p kernel whose
// gathers landed in Y8 passed natively and failed there).
func TestGatherRegisters(t *testing.T) {
	files, err := filepath.Glob("*_amd64.s")
	if err != nil || len(files) == 0 {
		t.Fatalf("no generated assembly: %v", err)
	}
	bad := regexp.MustCompile(`^\s*VP?GATHER\w+\s+Y\d+,\s*[^,]+,\s*Y(8|9|1[0-5])\s*$`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if bad.MatchString(line) {
				t.Errorf("%s:%d: %s gathers into a register qemu 7.2 gets wrong", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}
