package simd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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

// checkGeneratorRows checks that the generator source _asm/<gen> gives
// each constant named in want (the rows of a kernel's constant table,
// which the assembly reads by number, and the polynomials' lengths) the
// value that the Go twin, in twin, has: the generator writes them as
// lines "\tname, name = 1, 2" in its const blocks.
func checkGeneratorRows(t *testing.T, gen, twin string, want map[string]int) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("_asm", gen))
	if err != nil {
		t.Skipf("generator source not available: %v", err)
	}
	got := map[string]int{}
	re := regexp.MustCompile(`(?m)^\t([a-zA-Z0-9_, ]+?)\s*=\s*([0-9, ]+)$`)
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		names, vals := strings.Split(m[1], ","), strings.Split(m[2], ",")
		if len(names) != len(vals) {
			continue
		}
		for i, n := range names {
			v, err := strconv.Atoi(strings.TrimSpace(vals[i]))
			if err != nil {
				t.Fatalf("_asm/%s: %s: %v", gen, n, err)
			}
			got[strings.TrimSpace(n)] = v
		}
	}
	for n, w := range want {
		if g, ok := got[n]; !ok || g != w {
			t.Errorf("_asm/%s: %s = %d (found %v), %s has %d", gen, n, g, ok, twin, w)
		}
	}
}
