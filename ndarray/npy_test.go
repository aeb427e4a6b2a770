package ndarray_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// corpusNPY is the folder of .npy/.npz files NumPy 1.24 wrote for the
// conformance corpus.
const corpusNPY = "../testdata/conformance/numpy/npy"

// npyHeaderText returns the header text of .npy bytes (after the magic,
// version and length).
func npyHeaderText(t *testing.T, b []byte) string {
	t.Helper()
	if len(b) < 10 || string(b[:6]) != "\x93NUMPY" {
		t.Fatalf("not .npy bytes: %q", b[:min(len(b), 16)])
	}
	n := int(binary.LittleEndian.Uint16(b[8:10]))
	return string(b[10 : 10+n])
}

func mustNPY(a *ndarray.Array, err error) *ndarray.Array {
	if err != nil {
		panic(err)
	}
	return a
}

// TestWriteNPYBytes checks WriteNPY against bytes np.save wrote for the
// same arrays (recorded from NumPy 1.24).
func TestWriteNPYBytes(t *testing.T) {
	pad := func(s string, total int) string { return s + strings.Repeat(" ", total-len(s)-1) + "\n" }
	i32, _ := ndarray.FromSlice([]int32{0, 1, 2, 3, 4, 5}, 2, 3)
	f32, _ := ndarray.FromSlice([]float32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	strided, _ := f32.Slice(ndarray.Step(3))
	u16be, _ := ndarray.FromSlice([]uint16{0, 1, 2})
	u16be, _ = u16be.AsType(dtype.Uint16.WithByteOrder(dtype.BigEndian), dtype.Unsafe)
	tests := []struct {
		name   string
		a      *ndarray.Array
		header string
		data   string // hex
	}{
		// np.save(f, np.asfortranarray(np.arange(6, dtype='<i4').reshape(2, 3)))
		{"int32 2x3 fortran", i32.CopyOrder(ndarray.F),
			pad("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }", 118),
			"000000000300000001000000040000000200000005000000"},
		// np.save(f, np.arange(3, dtype='>u2'))
		{"big-endian uint16", u16be,
			pad("{'descr': '>u2', 'fortran_order': False, 'shape': (3,), }", 118), "000000010002"},
		// np.save(f, np.arange(10, dtype='<f4')[::3])
		{"strided float32", strided,
			pad("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", 118), "00000000000040400000c04000001041"},
		// np.save(f, np.float64(-2.75)) (the corpus file float64_0d.npy)
		{"0-d", ndarray.Scalar(-2.75),
			pad("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 118), "00000000000006c0"},
		// np.save(f, np.zeros(0))
		{"empty", mustNPY(ndarray.Zeros(dtype.Float64, 0)),
			pad("{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }", 118), ""},
		// np.save(f, np.zeros((2, 0, 3), dtype='?'))
		{"empty 3-d bool", mustNPY(ndarray.Zeros(dtype.Bool, 2, 0, 3)),
			pad("{'descr': '|b1', 'fortran_order': False, 'shape': (2, 0, 3), }", 118), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.a.WriteNPY(&buf); err != nil {
				t.Fatal(err)
			}
			b := buf.Bytes()
			if got := npyHeaderText(t, b); got != tc.header {
				t.Errorf("header\n got %q\nwant %q", got, tc.header)
			}
			if string(b[6:8]) != "\x01\x00" {
				t.Errorf("version %v, want 1.0", b[6:8])
			}
			if got := hex.EncodeToString(b[10+len(tc.header):]); got != tc.data {
				t.Errorf("data %s, want %s", got, tc.data)
			}
		})
	}
}

// TestNPYCorpusFiles reads every numeric file NumPy wrote for the corpus
// and writes it back: the bytes must be NumPy's (all are version 1.0 but
// float64_3x4_v2.npy, which np.save would write as 1.0).
func TestNPYCorpusFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusNPY, "*.npy"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			file, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, load := range []func(string) (*ndarray.Array, error){ndarray.LoadNPY, ndarray.LoadNPYCopy,
				func(string) (*ndarray.Array, error) { return ndarray.ReadNPY(bytes.NewReader(file)) }} {
				a, err := load(path)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := a.WriteNPY(&buf); err != nil {
					t.Fatal(err)
				}
				if name == "float64_3x4_v2.npy" {
					if !bytes.Equal(buf.Bytes()[128:], file[128:]) {
						t.Errorf("data differs from NumPy's")
					}
					continue
				}
				if !bytes.Equal(buf.Bytes(), file) {
					t.Errorf("WriteNPY differs from np.save's file:\n got %q\nwant %q", buf.Bytes(), file)
				}
			}
		})
	}
}

// TestReadNPYValues checks loaded arrays against the values NumPy stored
// (the conformance corpus's records of these files).
func TestReadNPYValues(t *testing.T) {
	tests := []struct {
		file    string
		dt      dtype.DType
		shape   []int
		fortran bool
		values  []float64 // C order
	}{
		{"float64_2x3_c.npy", dtype.Float64, []int{2, 3}, false, []float64{0, 0.25, 0.5, 0.75, 1, 1.25}},
		{"float64_3x4_fortran.npy", dtype.Float64, []int{3, 4}, true, []float64{-0.5, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5}},
		{"bigendian_f8_2x3.npy", dtype.Float64.WithByteOrder(dtype.BigEndian), []int{2, 3}, false, []float64{-2, -0.75, 0.5, 1.75, 3, 4.25}},
		{"bigendian_f8_2x2_fortran.npy", dtype.Float64.WithByteOrder(dtype.BigEndian), []int{2, 2}, true, []float64{1, 2, 3, 4}},
		{"int32_2x3x4_fortran.npy", dtype.Int32, []int{2, 3, 4}, true, []float64{0, -7, -14, -21, -28, -35, -42, -49, -56, -63, -70, -77, -84, -91, -98, -105, -112, -119, -126, -133, -140, -147, -154, -161}},
		{"bigendian_f2_3.npy", dtype.Float16.WithByteOrder(dtype.BigEndian), []int{3}, false, []float64{1.5, -65504, 5.960464477539063e-08}},
		{"float64_0d.npy", dtype.Float64, []int{}, false, []float64{-2.75}},
		{"float64_empty_0.npy", dtype.Float64, []int{0}, false, nil},
		{"float64_3x4_v2.npy", dtype.Float64, []int{3, 4}, false, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a, err := ndarray.LoadNPY(filepath.Join(corpusNPY, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != tc.dt || !slices.Equal(a.Shape(), tc.shape) {
				t.Fatalf("got %v %v, want %v %v", a.DType(), a.Shape(), tc.dt, tc.shape)
			}
			if tc.fortran && (!a.IsFContiguous() || a.IsCContiguous()) {
				t.Errorf("a Fortran-ordered file gave strides %v", a.Strides())
			}
			if a.IsWriteable() {
				t.Errorf("LoadNPY's array is writeable")
			}
			f, err := a.AsType(dtype.Float64, dtype.Unsafe)
			if err != nil {
				t.Fatal(err)
			}
			if got := ndarray.ToSlice[float64](f); !slices.Equal(got, tc.values) && len(got)+len(tc.values) > 0 {
				t.Errorf("values %v, want %v", got, tc.values)
			}
		})
	}
}

// TestNPYRoundTrip writes arrays of every numeric dtype, both byte orders
// and several layouts, and reads them back.
func TestNPYRoundTrip(t *testing.T) {
	shapes := [][]int{{}, {0}, {5}, {2, 3}, {3, 1, 4}, {2, 0, 3}}
	for _, base := range dtype.Builtins() {
		for _, dt := range []dtype.DType{base, base.WithByteOrder(dtype.BigEndian), base.WithByteOrder(dtype.LittleEndian)} {
			for _, shape := range shapes {
				for _, order := range []ndarray.Order{ndarray.C, ndarray.F} {
					name := fmt.Sprintf("%s/%v/%v", dt.Str(), shape, order)
					src := patterned(t, dt, order, shape...)
					var buf bytes.Buffer
					if err := src.WriteNPY(&buf); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					b := buf.Bytes()
					if (10+len(npyHeaderText(t, b)))%64 != 0 {
						t.Errorf("%s: data offset not a multiple of 64", name)
					}
					for _, r := range []io.Reader{bytes.NewReader(b), struct{ io.Reader }{bytes.NewReader(b)}} {
						got, err := ndarray.ReadNPY(r)
						if err != nil {
							t.Fatalf("%s: %v", name, err)
						}
						checkSame(t, name, got, src)
						wantF := src.IsFContiguous() && !src.IsCContiguous()
						if wantF != (got.IsFContiguous() && !got.IsCContiguous()) {
							t.Errorf("%s: F order not kept (strides %v)", name, got.Strides())
						}
						if !got.IsWriteable() {
							t.Errorf("%s: ReadNPY's array is read-only", name)
						}
					}
				}
			}
		}
	}
}

// patterned returns an array of dt filled with distinct byte patterns.
func patterned(t testing.TB, dt dtype.DType, order ndarray.Order, shape ...int) *ndarray.Array {
	t.Helper()
	a := mustNPY(ndarray.ZerosOrder(dt, order, shape...))
	buf := a.Buffer()
	for i := range buf {
		buf[i] = byte(i*7 + 3)
		if dt.Kind() == dtype.KindBool {
			buf[i] &= 1
		}
	}
	return a
}

// checkSame fails unless got and want have the same dtype, shape and
// elements (bit for bit).
func checkSame(t testing.TB, name string, got, want *ndarray.Array) {
	t.Helper()
	if got.DType() != want.DType() || !slices.Equal(got.Shape(), want.Shape()) {
		t.Fatalf("%s: got %v %v, want %v %v", name, got.DType(), got.Shape(), want.DType(), want.Shape())
	}
	g, w := got.Copy().Bytes(), want.Copy().Bytes()
	if !bytes.Equal(g, w) {
		t.Fatalf("%s: elements differ:\n got %x\nwant %x", name, g, w)
	}
}

// TestWriteNPYLayouts writes views that are neither C- nor F-contiguous,
// small and larger than the gather buffer, and reads them back.
func TestWriteNPYLayouts(t *testing.T) {
	big := patterned(t, dtype.Float64, ndarray.C, 2, 300000)
	cube := patterned(t, dtype.Int16, ndarray.C, 4, 5, 6)
	mat := patterned(t, dtype.Complex64, ndarray.C, 2000, 90)
	row := patterned(t, dtype.Int32, ndarray.C, 3)
	tests := []struct {
		name string
		view func() (*ndarray.Array, error)
	}{
		{"every other column of a wide matrix", func() (*ndarray.Array, error) { return big.Slice(ndarray.All, ndarray.Step(2)) }},
		{"reversed rows", func() (*ndarray.Array, error) { return big.Slice(ndarray.Step(-1)) }},
		{"permuted cube", func() (*ndarray.Array, error) { return cube.Permute(1, 0, 2) }},
		{"stepped cube", func() (*ndarray.Array, error) { return cube.Index("::2, 1:, ::-3") }},
		{"tall strided matrix", func() (*ndarray.Array, error) { return mat.Slice(ndarray.Step(2)) }},
		{"broadcast row", func() (*ndarray.Array, error) { return row.BroadcastTo(4, 3) }},
		{"transposed cube (F order)", func() (*ndarray.Array, error) { return cube.Transpose(), nil }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := tc.view()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := v.WriteNPY(&buf); err != nil {
				t.Fatal(err)
			}
			got, err := ndarray.ReadNPY(&buf)
			if err != nil {
				t.Fatal(err)
			}
			checkSame(t, tc.name, got, v)
		})
	}
}

// TestReadNPYSequence reads arrays written one after the other.
func TestReadNPYSequence(t *testing.T) {
	var buf bytes.Buffer
	a := mustNPY(ndarray.FromSlice([]int64{1, 2, 3}))
	b := ndarray.Scalar(float32(0.5))
	for _, x := range []*ndarray.Array{a, b} {
		if err := x.WriteNPY(&buf); err != nil {
			t.Fatal(err)
		}
	}
	r := bytes.NewReader(buf.Bytes())
	for i, want := range []*ndarray.Array{a, b} {
		got, err := ndarray.ReadNPY(r)
		if err != nil {
			t.Fatalf("array %d: %v", i, err)
		}
		checkSame(t, fmt.Sprint("array ", i), got, want)
	}
	if _, err := ndarray.ReadNPY(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading past the end: %v, want io.ErrUnexpectedEOF", err)
	}
}

// npyBytes assembles a .npy file from a version, a header and data; the
// header is used as given (no padding).
func npyBytes(major byte, header string, data []byte) []byte {
	b := []byte("\x93NUMPY")
	b = append(b, major, 0)
	if major == 1 {
		b = binary.LittleEndian.AppendUint16(b, uint16(len(header)))
	} else {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(header)))
	}
	b = append(b, header...)
	return append(b, data...)
}

// TestReadNPYHeaders checks the header parser on what NumPy accepts and
// writes.
func TestReadNPYHeaders(t *testing.T) {
	eight := make([]byte, 8*6)
	tests := []struct {
		name    string
		file    []byte
		dt      dtype.DType
		shape   []int
		fortran bool
	}{
		{"double quotes and no padding", npyBytes(1, `{"descr": "<f8", "fortran_order": False, "shape": (2, 3)}`, eight), dtype.Float64, []int{2, 3}, false},
		{"keys in another order", npyBytes(1, "{'shape': (6,), 'fortran_order': True, 'descr': '<i8'}\n", eight), dtype.Int64, []int{6}, true},
		{"tabs and newlines", npyBytes(1, "{\t'descr':'<u4' ,\n'fortran_order' : False,'shape':( 3 , 4 , ) , }", eight), dtype.Uint32, []int{3, 4}, false},
		{"Python 2 long", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (6L,), }", eight), dtype.Float64, []int{6}, false},
		{"version 2.0", npyBytes(2, "{'descr': '>f4', 'fortran_order': False, 'shape': (12,), }", eight), dtype.Float32.WithByteOrder(dtype.BigEndian), []int{12}, false},
		{"version 3.0", npyBytes(3, "{'descr': '<c8', 'fortran_order': False, 'shape': (6,), }", eight), dtype.Complex64, []int{6}, false},
		{"native order and a name", npyBytes(1, "{'descr': '=i2', 'fortran_order': False, 'shape': (24,), }", eight), dtype.Int16, []int{24}, false},
		{"type name", npyBytes(1, "{'descr': 'float64', 'fortran_order': False, 'shape': (), }", eight), dtype.Float64, []int{}, false},
		{"| on a byte", npyBytes(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (0, 9), }", nil), dtype.Uint8, []int{0, 9}, false},
		{"parenthesised int", npyBytes(1, "{'descr': '<i4', 'fortran_order': False, 'shape': ((2), 3), }", eight), dtype.Int32, []int{2, 3}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ndarray.ReadNPY(bytes.NewReader(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != tc.dt || !slices.Equal(a.Shape(), tc.shape) {
				t.Errorf("got %v %v, want %v %v", a.DType(), a.Shape(), tc.dt, tc.shape)
			}
			if tc.fortran != (a.IsFContiguous() && !a.IsCContiguous()) && a.NDim() > 1 {
				t.Errorf("strides %v", a.Strides())
			}
		})
	}
}

// TestReadNPYHostile feeds malformed files: each must be a *FormatError
// (wrapping io.ErrUnexpectedEOF for truncation, errors.ErrUnsupported for
// valid NumPy files we cannot represent), found without allocating what
// the header claims.
func TestReadNPYHostile(t *testing.T) {
	good := "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }"
	data := make([]byte, 16)
	v2huge := []byte("\x93NUMPY\x02\x00\xff\xff\xff\xff{")
	tests := []struct {
		name string
		file []byte
		is   error // an error the FormatError must wrap, or nil
	}{
		{"empty", nil, io.ErrUnexpectedEOF},
		{"not npy", []byte("PK\x03\x04 this is a zip"), nil},
		{"version 4", npyBytes(1, good, data)[:6:6], io.ErrUnexpectedEOF},
		{"bad version", append([]byte("\x93NUMPY\x04\x00"), npyBytes(1, good, data)[8:]...), nil},
		{"minor version", append([]byte("\x93NUMPY\x01\x01"), npyBytes(1, good, data)[8:]...), nil},
		{"header longer than the file", npyBytes(1, good, data)[:40], io.ErrUnexpectedEOF},
		{"huge v2 header length", v2huge, nil},
		{"header length shorter than the dict", append([]byte("\x93NUMPY\x01\x00\x10\x00"), good...), nil},
		{"truncated data", npyBytes(1, good, data[:15]), io.ErrUnexpectedEOF},
		{"no data", npyBytes(1, good, nil), io.ErrUnexpectedEOF},
		{"unknown descr", npyBytes(1, "{'descr': '<x8', 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"byte order before a name", npyBytes(1, "{'descr': '<float64', 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"string dtype, short data", npyBytes(1, "{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }", data), io.ErrUnexpectedEOF},
		{"datetime dtype, short data", npyBytes(1, "{'descr': '<M8[s]', 'fortran_order': False, 'shape': (3,), }", data), io.ErrUnexpectedEOF},
		{"object dtype", npyBytes(1, "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", data), errors.ErrUnsupported},
		{"long double dtype", npyBytes(1, "{'descr': '<f16', 'fortran_order': False, 'shape': (1,), }", data), errors.ErrUnsupported},
		{"structured dtype, short data", npyBytes(1, "{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (2,), }", data), io.ErrUnexpectedEOF},
		{"structured field titles", npyBytes(1, "{'descr': [(('title', 'a'), '<i4')], 'fortran_order': False, 'shape': (2,), }", data), errors.ErrUnsupported},
		{"structured object field", npyBytes(1, "{'descr': [('a', '|O')], 'fortran_order': False, 'shape': (2,), }", data), errors.ErrUnsupported},
		{"structured repeated name", npyBytes(1, "{'descr': [('a', '<i4'), ('a', '<i4')], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"structured unnamed field", npyBytes(1, "{'descr': [('', '<i4')], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"structured unknown field type", npyBytes(1, "{'descr': [('a', '<x4')], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"structured field not a tuple", npyBytes(1, "{'descr': ['a'], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"structured tuple too long", npyBytes(1, "{'descr': [('a', '<i4', (1,), 5)], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"structured name not a string", npyBytes(1, "{'descr': [(1, '<i4')], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"structured negative sub-array", npyBytes(1, "{'descr': [('a', '<i4', (-1,))], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"structured huge sub-array", npyBytes(1, "{'descr': [('a', '<f8', (1073741824, 1073741824))], 'fortran_order': False, 'shape': (1,), }", data), nil},
		{"structured record too large", npyBytes(1, "{'descr': [('a', '<f8', (268435456,)), ('b', '<f8', (268435456,))], 'fortran_order': False, 'shape': (1,), }", data), nil},
		{"structured type is an int", npyBytes(1, "{'descr': [('a', 4)], 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"negative dimension", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (-2,), }", data), nil},
		{"size overflows", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", data), nil},
		{"bytes overflow", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846976,), }", data), nil},
		{"dimension beyond int", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999,), }", data), nil},
		{"huge shape, little data", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", data), io.ErrUnexpectedEOF},
		{"33 dimensions", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': ("+strings.Repeat("1, ", 33)+"), }", data), nil},
		{"shape is a list", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': [2], }", data), nil},
		{"shape is an int", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2), }", data), nil},
		{"shape holds a string", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': ('2',), }", data), nil},
		{"fortran_order is an int", npyBytes(1, "{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }", data), nil},
		{"missing key", npyBytes(1, "{'descr': '<f8', 'shape': (2,), }", data), nil},
		{"extra key", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1, }", data), nil},
		{"repeated key", npyBytes(1, "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"not a dict", npyBytes(1, "('<f8', False, (2,))", data), nil},
		{"trailing garbage", npyBytes(1, good+" x", data), nil},
		{"unterminated string", npyBytes(1, "{'descr': '<f8, 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"escape in string", npyBytes(1, "{'descr': '\\x3cf8', 'fortran_order': False, 'shape': (2,), }", data), nil},
		{"call", npyBytes(1, "{'descr': '<f8', 'fortran_order': bool(0), 'shape': (2,), }", data), nil},
		{"True prefix", npyBytes(1, "{'descr': '<f8', 'fortran_order': Truest, 'shape': (2,), }", data), nil},
		{"leading zero", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (02,), }", data), nil},
		{"NUL byte", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\x00", data), nil},
		{"deep nesting", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': "+strings.Repeat("(", 1000)+"}", data), nil},
		{"long L in version 3", npyBytes(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (2L,), }", data), nil},
		{"invalid UTF-8 in version 3", npyBytes(3, "{'descr': '<f8\xff', 'fortran_order': False, 'shape': (2,), }", data), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []io.Reader{bytes.NewReader(tc.file), struct{ io.Reader }{bytes.NewReader(tc.file)}} {
				a, err := ndarray.ReadNPY(r)
				var fe *ndarray.FormatError
				if !errors.As(err, &fe) {
					t.Fatalf("got %v, %v; want a *FormatError", a, err)
				}
				t.Log(err)
				if tc.is != nil && !errors.Is(err, tc.is) {
					t.Errorf("error %v does not wrap %v", err, tc.is)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, "ndarray: ") {
					t.Errorf("message %q lacks the package prefix", msg)
				}
			}
		})
	}
}

// TestReadNPYBoundedMemory reads headers that claim terabytes with a few
// bytes behind them, through readers of known and unknown length.
func TestReadNPYBoundedMemory(t *testing.T) {
	file := npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }", make([]byte, 1<<20))
	for _, tc := range []struct {
		name string
		r    func() io.Reader
	}{
		{"bytes.Reader", func() io.Reader { return bytes.NewReader(file) }},
		{"plain reader", func() io.Reader { return struct{ io.Reader }{bytes.NewReader(file)} }},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := ndarray.ReadNPY(tc.r())
		runtime.ReadMemStats(&after)
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: %v, want io.ErrUnexpectedEOF", tc.name, err)
		}
		if got := after.TotalAlloc - before.TotalAlloc; got > 8<<20 {
			t.Errorf("%s: allocated %d bytes for a 1 MiB file", tc.name, got)
		}
	}
	// A huge header length is refused without reading or allocating it.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ndarray.ReadNPY(io.MultiReader(bytes.NewReader([]byte("\x93NUMPY\x02\x00\xff\xff\xff\x7f")), zeroReader{}))
	runtime.ReadMemStats(&after)
	var fe *ndarray.FormatError
	if !errors.As(err, &fe) {
		t.Errorf("2 GiB header: %v, want a *FormatError", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("2 GiB header: allocated %d bytes", got)
	}
}

// zeroReader is an endless reader of zero bytes.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestLoadNPYErrors checks the path in errors and truncated files.
func TestLoadNPYErrors(t *testing.T) {
	dir := t.TempDir()
	a := patterned(t, dtype.Float64, ndarray.C, 300000) // above the mapping threshold
	path := filepath.Join(dir, "a.npy")
	if err := ndarray.SaveNPY(path, a); err != nil {
		t.Fatal(err)
	}
	full, _ := os.ReadFile(path)
	cut := filepath.Join(dir, "cut.npy")
	if err := os.WriteFile(cut, full[:len(full)-1], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, load := range []func(string) (*ndarray.Array, error){ndarray.LoadNPY, ndarray.LoadNPYCopy} {
		_, err := load(cut)
		var fe *ndarray.FormatError
		if !errors.As(err, &fe) || fe.Path != cut || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("truncated file: %v", err)
		}
		if _, err := load(filepath.Join(dir, "missing.npy")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("missing file: %v", err)
		}
	}
	if err := ndarray.SaveNPY(filepath.Join(dir, "no", "such", "dir.npy"), a); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("SaveNPY into a missing directory: %v", err)
	}
}

// TestLoadNPYMapped loads large files, through the mapping where there is
// one, in every layout and byte order.
func TestLoadNPYMapped(t *testing.T) {
	dir := t.TempDir()
	for i, src := range []*ndarray.Array{
		patterned(t, dtype.Float64, ndarray.C, 512, 300),
		patterned(t, dtype.Complex128.WithByteOrder(dtype.BigEndian), ndarray.F, 300, 257),
		patterned(t, dtype.Uint8, ndarray.C, 3<<20+5),
	} {
		path := filepath.Join(dir, fmt.Sprint(i, ".npy"))
		if err := ndarray.SaveNPY(path, src); err != nil {
			t.Fatal(err)
		}
		a, err := ndarray.LoadNPY(path)
		if err != nil {
			t.Fatal(err)
		}
		checkSame(t, path, a, src)
		if a.IsWriteable() {
			t.Errorf("%s: LoadNPY's array is writeable", path)
		}
		c, err := ndarray.LoadNPYCopy(path)
		if err != nil {
			t.Fatal(err)
		}
		checkSame(t, path, c, src)
		if !c.IsWriteable() {
			t.Errorf("%s: LoadNPYCopy's array is read-only", path)
		}
	}
}

// ExampleArray_WriteNPY writes an array as np.save does.
func ExampleArray_WriteNPY() {
	a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	var buf bytes.Buffer
	if err := a.WriteNPY(&buf); err != nil {
		panic(err)
	}
	b := buf.Bytes()
	fmt.Printf("%q\n", b[:8])
	fmt.Printf("%q\n", strings.TrimRight(string(b[10:128]), " \n"))
	fmt.Println(len(b))

	back, err := ndarray.ReadNPY(&buf)
	if err != nil {
		panic(err)
	}
	fmt.Println(back)
	// Output:
	// "\x93NUMPY\x01\x00"
	// "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"
	// 176
	// [[1. 2. 3.]
	//  [4. 5. 6.]]
}

// ExampleLoadNPY saves an array to a file and maps it back.
func ExampleLoadNPY() {
	dir, _ := os.MkdirTemp("", "npy")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "x.npy")

	a, _ := ndarray.FromSlice([]int32{1, 2, 3, 4}, 2, 2)
	if err := ndarray.SaveNPY(path, a.Transpose()); err != nil { // written in Fortran order
		panic(err)
	}
	b, err := ndarray.LoadNPY(path)
	if err != nil {
		panic(err)
	}
	fmt.Println(b)
	fmt.Println(b.IsFContiguous(), b.IsWriteable())
	// Output:
	// [[1 3]
	//  [2 4]]
	// true false
}

func BenchmarkSaveNPY1e7(b *testing.B) {
	a := mustNPY(ndarray.Arange(dtype.Float64, 0, 1e7, 1))
	path := filepath.Join(b.TempDir(), "a.npy")
	b.SetBytes(int64(a.NBytes()))
	b.ReportAllocs()
	for b.Loop() {
		if err := ndarray.SaveNPY(path, a); err != nil {
			b.Fatal(err)
		}
	}
}

var sink *ndarray.Array

func BenchmarkLoadNPY1e7(b *testing.B) {
	a := mustNPY(ndarray.Arange(dtype.Float64, 0, 1e7, 1))
	path := filepath.Join(b.TempDir(), "a.npy")
	if err := ndarray.SaveNPY(path, a); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		load func(string) (*ndarray.Array, error)
	}{{"copy", ndarray.LoadNPYCopy}, {"mapped", ndarray.LoadNPY}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(a.NBytes()))
			b.ReportAllocs()
			for b.Loop() {
				r, err := bc.load(path)
				if err != nil {
					b.Fatal(err)
				}
				sink = r
			}
			if v := ndarray.At[float64](sink, 9999999); v != 9999999 || math.IsNaN(v) {
				b.Fatalf("last element %v", v)
			}
		})
	}
}

// isMapped reports whether path is mapped into this process (Linux).
func isMapped(t *testing.T, path string) bool {
	t.Helper()
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(maps, []byte(path))
}

// waitUnmapped runs the garbage collector until path is no longer mapped.
func waitUnmapped(t *testing.T, path string) bool {
	t.Helper()
	for range 50 {
		runtime.GC()
		if !isMapped(t, path) {
			return true
		}
		runtime.Gosched()
	}
	return false
}

// TestLoadNPYMappingLifetime checks that LoadNPY's mapping lives exactly
// as long as the array or a view of it is reachable.
func TestLoadNPYMappingLifetime(t *testing.T) {
	switch {
	case runtime.GOOS != "linux":
		t.Skip("LoadNPY maps files on Linux only")
	case !slices.Contains([]string{"amd64", "arm64", "loong64", "ppc64le", "riscv64", "s390x"}, runtime.GOARCH):
		t.Skip("LoadNPY maps files on 64-bit Linux only")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "big.npy")
	src := patterned(t, dtype.Float64, ndarray.C, 1000, 300)
	if err := ndarray.SaveNPY(path, src); err != nil {
		t.Fatal(err)
	}
	want := src.Copy()

	a, err := ndarray.LoadNPY(path)
	if err != nil {
		t.Fatal(err)
	}
	if !isMapped(t, path) {
		t.Fatal("LoadNPY did not map the file")
	}
	view, err := a.Index("500:, ::7")
	if err != nil {
		t.Fatal(err)
	}
	wantView, _ := want.Index("500:, ::7")
	a = nil
	runtime.GC()
	runtime.GC()
	if !isMapped(t, path) {
		t.Fatal("the mapping was released while a view was reachable")
	}
	checkSame(t, "view after GC", view, wantView)
	runtime.KeepAlive(view)
	view = nil
	if !waitUnmapped(t, path) {
		t.Error("the mapping outlived every array using it")
	}
	// The heap memory the file was mapped over is usable again.
	for range 20 {
		b := make([]byte, 3<<20)
		for i := 0; i < len(b); i += 512 {
			b[i] = byte(i)
		}
		runtime.KeepAlive(b)
	}
}

// SaveNPY over an existing file leaves exactly the new file: a longer old
// file is cut to the new length, a shorter one grows, and an array still
// mapped from the old file stays readable while the new one is written.
func TestSaveNPYReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.npy")
	big, _ := ndarray.ArangeN(dtype.Float64, 1<<18)
	small, _ := ndarray.FromSlice([]int16{7, -8, 9})
	for _, a := range []*ndarray.Array{big, small, big, small} {
		if err := ndarray.SaveNPY(path, a); err != nil {
			t.Fatal(err)
		}
		want, _ := a.MarshalBinary()
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("after saving %v elements the file has %d bytes, want the %d bytes of WriteNPY", a.Size(), len(got), len(want))
		}
	}
	if err := ndarray.SaveNPY(path, big); err != nil {
		t.Fatal(err)
	}
	m, err := ndarray.LoadNPY(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ndarray.SaveNPY(path, m); err != nil { // onto the file it is mapped from
		t.Fatal(err)
	}
	back, err := ndarray.LoadNPYCopy(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ndarray.ToSlice[float64](back), ndarray.ToSlice[float64](big)) {
		t.Error("saving a mapped array onto its own file changed it")
	}
}
