package ndarray_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pluribus-go/pluribus/ndarray"
)

// addCorpusSeeds adds every corpus file with the given extension, and a
// few mutations of each, to f.
func addCorpusSeeds(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join(corpusNPY, "*"+ext))
	if len(files) == 0 {
		f.Fatalf("no %s files under %s", ext, corpusNPY)
	}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])                 // truncated
		f.Add(b[:min(len(b), 128)])         // header only
		f.Add(append(bytes.Clone(b), b...)) // two in a row
		m := bytes.Clone(b)
		m[8] ^= 0x40 // the header length
		f.Add(m)
	}
}

// FuzzReadNPY checks that no input makes ReadNPY panic, hang or return
// an inconsistent array: every array it accepts is written back and read
// again identically.
func FuzzReadNPY(f *testing.F) {
	addCorpusSeeds(f, ".npy")
	f.Add(npyBytes(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 0, 3), }", nil))
	f.Add(npyBytes(3, "{'descr': '>c16', 'fortran_order': True, 'shape': (1, 1), }", make([]byte, 16)))
	f.Add(npyBytes(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000000000,), }", make([]byte, 64)))
	f.Add(npyBytes(1, "{'descr': [('a', '<i4'), ('b', '<f8', (2,))], 'fortran_order': False, 'shape': (1,), }", make([]byte, 20)))
	f.Add(npyBytes(1, "{'descr': [('x', '|i1'), ('', '|V3'), ('inner', [('p', '<i4'), ('q', '|u1'), ('', '|V3')]), ('y', '<f4')], 'fortran_order': False, 'shape': (2,), }", make([]byte, 32)))
	f.Add(npyBytes(1, "{'descr': [('n', '<u2'), ('pos', '<f4', (2,)), ('big', '>i8')], 'fortran_order': True, 'shape': (2, 1), }", make([]byte, 36)))
	f.Add(npyBytes(1, "{'descr': [('s', '|S3'), ('u', '<U2'), ('t', '<M8[ns]'), ('d', '>m8[D]')], 'fortran_order': False, 'shape': (1,), }", make([]byte, 27)))
	f.Add(npyBytes(1, "{'descr': [('pts', [('x', '<f4'), ('y', '<f4')], (2, 2)), ('', '|V0')], 'fortran_order': False, 'shape': (), }", make([]byte, 32)))
	f.Add(npyBytes(1, "{'descr': [], 'fortran_order': False, 'shape': (5,), }", nil))
	f.Add(npyBytes(1, "{'descr': '|V4', 'fortran_order': False, 'shape': (2,), }", make([]byte, 8)))
	f.Add(npyBytes(1, "{'descr': [('00', '<a0'), ('0000\x84', '<a0')], 'fortran_order': False, 'shape': (0,), }", nil))
	f.Add(npyBytes(1, "{'descr': [('a\"b', '<i4'), (\"c'd\", '<i4')], 'fortran_order': False, 'shape': (1,), }", make([]byte, 8)))
	f.Add(npyBytes(1, "{'descr': '?B', 'fortran_order': False, 'shape': (0, 0), }", nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range []io.Reader{bytes.NewReader(data), struct{ io.Reader }{bytes.NewReader(data)}} {
			a, err := ndarray.ReadNPY(r)
			if err != nil {
				var fe *ndarray.FormatError
				if !errors.As(err, &fe) {
					t.Fatalf("error %T %v is not a *FormatError", err, err)
				}
				continue
			}
			if a.NBytes() > len(data) {
				t.Fatalf("an array of %d bytes from %d bytes of input", a.NBytes(), len(data))
			}
			var buf bytes.Buffer
			if err := a.WriteNPY(&buf); err != nil {
				t.Fatal(err)
			}
			b, err := ndarray.ReadNPY(&buf)
			if err != nil {
				t.Fatalf("reading back what WriteNPY wrote: %v", err)
			}
			checkSame(t, "round trip", b, a)
		}
	})
}

// FuzzReadNPZ checks that no archive makes ReadNPZ panic or allocate
// without bound.
func FuzzReadNPZ(f *testing.F) {
	addCorpusSeeds(f, ".npz")
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ndarray.ReadNPZ(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			var fe *ndarray.FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v is not a *FormatError", err, err)
			}
			return
		}
		for _, e := range entries {
			if e.Array == nil {
				t.Fatalf("entry %q without an array", e.Name)
			}
		}
	})
}
