package ndarray_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The round trip with real NumPy: files pluribus writes are loaded by
// np.load, and files np.save, np.savez and np.savez_compressed write are
// loaded by pluribus. It needs /usr/bin/python3 with NumPy (Debian's
// python3-numpy) and is skipped without it; it is quick, so it runs under
// -short too.

const python = "/usr/bin/python3"

func needNumPy(t *testing.T) {
	t.Helper()
	if err := exec.Command(python, "-c", "import numpy").Run(); err != nil {
		t.Skipf("skipping the round trip with NumPy: %s -c 'import numpy' failed (%v); install python3-numpy to run it", python, err)
	}
}

// numpyReport is a script that loads every .npy and .npz file of a folder
// and prints, per array: name, dtype.str, shape, Fortran order, the
// SHA-256 of its elements in native byte order and C order, and whether
// np.save of the loaded array reproduces the file's bytes.
const numpyReport = `
import sys, os, io, hashlib, numpy as np
def line(name, a, raw):
    f = bool(a.flags.f_contiguous and not a.flags.c_contiguous)
    h = hashlib.sha256(np.ascontiguousarray(a.astype(a.dtype.newbyteorder('='))).tobytes()).hexdigest()
    same = '-'
    if raw is not None:
        b = io.BytesIO(); np.save(b, a); same = str(b.getvalue() == raw)
    print(name, a.dtype.str, ','.join(map(str, a.shape)) or '()', f, h, same)
d = sys.argv[1]
for n in sorted(os.listdir(d)):
    p = os.path.join(d, n)
    if n.endswith('.npy'):
        line(n, np.load(p), open(p, 'rb').read())
    elif n.endswith('.npz'):
        with np.load(p) as z:
            for k in z.files:
                line(n + ':' + k, z[k], None)
`

// numpyWrite writes, with np.save, arrays of every numeric dtype in both
// byte orders, C and F order, 0-d and empty, plus np.savez and
// np.savez_compressed archives, into a folder.
const numpyWrite = `
import sys, os, numpy as np
d = sys.argv[1]
types = ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16']
shapes = [(), (0,), (7,), (2, 3), (3, 1, 4), (2, 0, 3), (4, 5)]
k = 0
arrays = {}
for t in types:
    for bo in '<>':
        dt = np.dtype(bo + t)
        for s in shapes:
            n = int(np.prod(s))
            v = (np.arange(n) * 37 - 11)
            if dt.kind in 'fc':
                v = v / 8.0
                if n >= 3:
                    v[0], v[1], v[2] = np.nan, -np.inf, -0.0
            if dt.kind == 'c':
                v = v + 1j * v[::-1]
            a = v.astype(dt).reshape(s)
            for order in 'CF':
                b = np.asfortranarray(a) if order == 'F' else a
                name = 'py%03d_%s_%s_%s' % (k, dt.str.replace('<', 'le').replace('>', 'be').replace('|', 'na'), 'x'.join(map(str, s)) or '0d', order)
                np.save(os.path.join(d, name + '.npy'), b)
                arrays[name] = b
                k += 1
keys = sorted(arrays)[::37]
np.savez(os.path.join(d, 'stored.npz'), **{x: arrays[x] for x in keys})
np.savez_compressed(os.path.join(d, 'deflated.npz'), *[arrays[x] for x in keys])
`

// npyReportLine is one line of numpyReport's output.
type npyReportLine struct {
	dtype, shape, fortran, sha, same string
}

func runNumPy(t *testing.T, script, dir string) map[string]npyReportLine {
	t.Helper()
	cmd := exec.Command(python, "-c", script, dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	m := make(map[string]npyReportLine)
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l == "" {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 6 {
			t.Fatalf("bad report line %q", l)
		}
		m[f[0]] = npyReportLine{f[1], f[2], f[3], f[4], f[5]}
	}
	return m
}

// describe gives an array's report line as numpyReport would print it.
func describe(t *testing.T, a *ndarray.Array) npyReportLine {
	t.Helper()
	n, err := a.AsType(a.DType().Native(), dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(n.Bytes())
	shape := make([]string, a.NDim())
	for i, d := range a.Shape() {
		shape[i] = fmt.Sprint(d)
	}
	s := strings.Join(shape, ",")
	if s == "" {
		s = "()"
	}
	f := "False"
	if a.IsFContiguous() && !a.IsCContiguous() {
		f = "True"
	}
	return npyReportLine{dtype: a.DType().Str(), shape: s, fortran: f, sha: hex.EncodeToString(sum[:])}
}

func TestNumPyLoadsOurFiles(t *testing.T) {
	needNumPy(t)
	dir := t.TempDir()
	want := make(map[string]npyReportLine)
	var some []ndarray.NPZEntry
	k := 0
	save := func(a *ndarray.Array) {
		name := fmt.Sprintf("go%03d_%s.npy", k, strings.NewReplacer("<", "le", ">", "be", "|", "na").Replace(a.DType().Str()))
		k++
		if err := ndarray.SaveNPY(filepath.Join(dir, name), a); err != nil {
			t.Fatal(err)
		}
		want[name] = describe(t, a)
		if k%11 == 0 {
			some = append(some, ndarray.NPZEntry{Name: strings.TrimSuffix(name, ".npy"), Array: a})
		}
	}
	for _, base := range dtype.Builtins() {
		for _, dt := range []dtype.DType{base.WithByteOrder(dtype.LittleEndian), base.WithByteOrder(dtype.BigEndian)} {
			for _, shape := range [][]int{{}, {0}, {5}, {2, 3}, {3, 1, 4}, {2, 0, 3}, {4, 5}} {
				for _, order := range []ndarray.Order{ndarray.C, ndarray.F} {
					save(patterned(t, dt, order, shape...))
				}
			}
			v, err := patterned(t, dt, ndarray.C, 4, 6).Index("::-2, 1::2")
			if err != nil {
				t.Fatal(err)
			}
			save(v)
		}
	}
	for _, compressed := range []bool{false, true} {
		name := fmt.Sprintf("archive_%v.npz", compressed)
		if err := ndarray.SaveNPZ(filepath.Join(dir, name), compressed, some...); err != nil {
			t.Fatal(err)
		}
		for _, e := range some {
			want[name+":"+e.Name] = describe(t, e.Array)
		}
	}
	got := runNumPy(t, numpyReport, dir)
	if len(got) != len(want) {
		t.Errorf("NumPy reported %d arrays, want %d", len(got), len(want))
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: NumPy did not report it", name)
			continue
		}
		if strings.Contains(name, ".npz:") {
			g.same = ""
		} else if g.same != "True" {
			t.Errorf("%s: np.save of the loaded array does not reproduce our file", name)
		}
		g.same = ""
		if g != w {
			t.Errorf("%s: NumPy loaded %+v, want %+v", name, g, w)
		}
	}
}

func TestWeLoadNumPyFiles(t *testing.T) {
	needNumPy(t)
	dir := t.TempDir()
	runNumPy(t, numpyWrite, dir)
	want := runNumPy(t, numpyReport, dir)
	if len(want) < 14*2*7*2 {
		t.Fatalf("NumPy wrote only %d arrays", len(want))
	}
	seen := 0
	for name, w := range want {
		w.same = ""
		file, member, isNPZ := strings.Cut(name, ":")
		if isNPZ {
			continue
		}
		path := filepath.Join(dir, file)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, load := range []func(string) (*ndarray.Array, error){ndarray.LoadNPY, ndarray.LoadNPYCopy} {
			a, err := load(path)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if g := describe(t, a); g != w {
				t.Errorf("%s: loaded %+v, NumPy says %+v", name, g, w)
			}
			var buf bytes.Buffer
			if err := a.WriteNPY(&buf); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), raw) {
				t.Errorf("%s: WriteNPY differs from np.save's file", name)
			}
		}
		_ = member
		seen++
	}
	for _, archive := range []string{"stored.npz", "deflated.npz"} {
		entries, err := ndarray.LoadNPZ(filepath.Join(dir, archive))
		if err != nil {
			t.Fatalf("%s: %v", archive, err)
		}
		n := 0
		for name := range want {
			if strings.HasPrefix(name, archive+":") {
				n++
			}
		}
		if len(entries) != n || n == 0 {
			t.Fatalf("%s: %d entries, NumPy lists %d", archive, len(entries), n)
		}
		for _, e := range entries {
			w, ok := want[archive+":"+e.Name]
			if !ok {
				t.Errorf("%s: unexpected member %q", archive, e.Name)
				continue
			}
			w.same = ""
			if g := describe(t, e.Array); g != w {
				t.Errorf("%s:%s: loaded %+v, NumPy says %+v", archive, e.Name, g, w)
			}
		}
		seen += len(entries)
	}
	t.Logf("compared %d arrays with NumPy", seen)
}
