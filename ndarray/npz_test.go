package ndarray_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// TestLoadNPZCorpus reads the archives np.savez wrote for the corpus.
func TestLoadNPZCorpus(t *testing.T) {
	tests := []struct {
		file   string
		names  []string
		dtypes []dtype.DType
		values [][]float64
	}{
		// np.savez(f, a=np.arange(5, dtype=np.int32), b=[[1.5, -2], [nan, inf]], c=np.bool_(True))
		{"savez_three.npz", []string{"a", "b", "c"}, []dtype.DType{dtype.Int32, dtype.Float64, dtype.Bool},
			[][]float64{{0, 1, 2, 3, 4}, {1.5, -2, npzNaN, npzInf}, {1}}},
		// np.savez(f, np.arange(3, dtype=np.uint8), np.array([-1, 0], dtype='>i2'))
		{"savez_positional.npz", []string{"arr_0", "arr_1"}, []dtype.DType{dtype.Uint8, dtype.Int16.WithByteOrder(dtype.BigEndian)},
			[][]float64{{0, 1, 2}, {-1, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			entries, err := ndarray.LoadNPZ(filepath.Join(corpusNPY, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != len(tc.names) {
				t.Fatalf("%d entries, want %d", len(entries), len(tc.names))
			}
			for i, e := range entries {
				if e.Name != tc.names[i] || e.Array.DType() != tc.dtypes[i] {
					t.Errorf("entry %d: %s %v, want %s %v", i, e.Name, e.Array.DType(), tc.names[i], tc.dtypes[i])
				}
				f, _ := e.Array.AsType(dtype.Float64, dtype.Unsafe)
				if got := ndarray.ToSlice[float64](f); !sameFloats(got, tc.values[i]) {
					t.Errorf("entry %d: %v, want %v", i, got, tc.values[i])
				}
			}
		})
	}
}

var npzNaN, npzInf = func() (float64, float64) { var z float64; return z / z, 1 / z }()

func sameFloats(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return x == y || x != x && y != y })
}

// TestNPZRoundTrip writes archives, stored and deflated, and reads them
// back in order.
func TestNPZRoundTrip(t *testing.T) {
	entries := []ndarray.NPZEntry{
		{"zeta", patterned(t, dtype.Float64, ndarray.C, 3, 4)},
		{"alpha", patterned(t, dtype.Int16.WithByteOrder(dtype.BigEndian), ndarray.F, 5, 2)},
		{"scalar", ndarray.Scalar(complex64(1 + 2i))},
		{"empty", mustNPY(ndarray.Zeros(dtype.Uint8, 0, 3))},
		{"dir/name with spaces", patterned(t, dtype.Bool, ndarray.C, 7)},
		{"big", patterned(t, dtype.Float32, ndarray.C, 100000)},
	}
	for _, compressed := range []bool{false, true} {
		t.Run(fmt.Sprint("compressed=", compressed), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.npz")
			if err := ndarray.SaveNPZ(path, compressed, entries...); err != nil {
				t.Fatal(err)
			}
			got, err := ndarray.LoadNPZ(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(entries) {
				t.Fatalf("%d entries, want %d", len(got), len(entries))
			}
			for i, e := range got {
				if e.Name != entries[i].Name {
					t.Errorf("entry %d named %q, want %q", i, e.Name, entries[i].Name)
				}
				checkSame(t, e.Name, e.Array, entries[i].Array)
			}
			zr, err := zip.OpenReader(path)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			for i, f := range zr.File {
				want := zip.Store
				if compressed {
					want = zip.Deflate
				}
				if f.Name != entries[i].Name+".npy" || f.Method != want {
					t.Errorf("member %s method %d, want %s.npy method %d", f.Name, f.Method, entries[i].Name, want)
				}
			}
			// The bytes depend on the arrays only.
			var again bytes.Buffer
			if err := ndarray.WriteNPZ(&again, compressed, entries...); err != nil {
				t.Fatal(err)
			}
			if file, _ := os.ReadFile(path); !bytes.Equal(file, again.Bytes()) {
				t.Error("saving the same arrays twice gave different bytes")
			}
		})
	}
}

func TestWriteNPZErrors(t *testing.T) {
	a := ndarray.Scalar(1.0)
	for _, tc := range []struct {
		name    string
		entries []ndarray.NPZEntry
	}{
		{"empty name", []ndarray.NPZEntry{{"", a}}},
		{"repeated name", []ndarray.NPZEntry{{"a", a}, {"b", a}, {"a", a}}},
		{"nil array", []ndarray.NPZEntry{{"a", nil}}},
	} {
		var buf bytes.Buffer
		var ve *ndarray.ValueError
		if err := ndarray.WriteNPZ(&buf, false, tc.entries...); !errors.As(err, &ve) {
			t.Errorf("%s: %v, want a *ValueError", tc.name, err)
		}
	}
}

// zipWith builds a zip holding one member with the given contents.
func zipWith(t testing.TB, name string, method uint16, contents []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(contents)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadNPZHostile feeds malformed archives: each is a *FormatError.
func TestReadNPZHostile(t *testing.T) {
	var good bytes.Buffer
	mustNPY(ndarray.FromSlice([]float64{1, 2, 3, 4})).WriteNPY(&good)
	npy := good.Bytes()
	stored := zipWith(t, "a.npy", zip.Store, npy)
	corrupt := bytes.Clone(stored)
	corrupt[bytes.Index(corrupt, npy)+len(npy)-1] ^= 0xff // flip a data byte: the CRC fails

	// A stored member whose declared sizes are far beyond the archive.
	lying := bytes.Clone(stored)
	cd := bytes.LastIndex(lying, []byte("PK\x01\x02"))
	binary.LittleEndian.PutUint32(lying[cd+20:], 0x7fffffff)
	binary.LittleEndian.PutUint32(lying[cd+24:], 0x7fffffff)

	// A deflated member whose header claims 1 TB of data.
	bomb := zipWith(t, "a.npy", zip.Deflate, append(npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (125000000000,), }", nil), make([]byte, 1<<20)...))

	// An unknown compression method (99), in both headers.
	method := bytes.Clone(stored)
	binary.LittleEndian.PutUint16(method[8:], 99)
	binary.LittleEndian.PutUint16(method[bytes.LastIndex(method, []byte("PK\x01\x02"))+10:], 99)

	tests := []struct {
		name string
		file []byte
		is   error
	}{
		{"not a zip", []byte("hello, world"), nil},
		{"empty", nil, nil},
		{"member not .npy", zipWith(t, "a.txt", zip.Store, npy), nil},
		{"member not an npy file", zipWith(t, "a.npy", zip.Store, []byte("not npy at all")), nil},
		{"truncated member", zipWith(t, "a.npy", zip.Deflate, npy[:len(npy)-3]), io.ErrUnexpectedEOF},
		{"corrupt data", corrupt, nil},
		{"sizes beyond the archive", lying, nil},
		{"bomb", bomb, nil},
		{"unknown method", method, errors.ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ndarray.ReadNPZ(bytes.NewReader(tc.file), int64(len(tc.file)))
			var fe *ndarray.FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a *FormatError", err)
			}
			t.Log(err)
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v does not wrap %v", err, tc.is)
			}
		})
	}
}

// ExampleSaveNPZ saves two arrays in an archive and loads them back.
func ExampleSaveNPZ() {
	dir, _ := os.MkdirTemp("", "npz")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "data.npz")

	x, _ := ndarray.FromSlice([]float64{0.5, 1.5, 2.5})
	y, _ := ndarray.FromSlice([]int64{1, 2, 3, 4}, 2, 2)
	err := ndarray.SaveNPZ(path, true, ndarray.NPZEntry{Name: "x", Array: x}, ndarray.NPZEntry{Name: "y", Array: y})
	if err != nil {
		panic(err)
	}
	entries, err := ndarray.LoadNPZ(path)
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		fmt.Printf("%s: %v\n", e.Name, e.Array)
	}
	// Output:
	// x: [0.5 1.5 2.5]
	// y: [[1 2]
	//  [3 4]]
}
