package conformance

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The npy category: npy_load reads a .npy file of the corpus and npz_load
// an .npz archive; both compare the logical values (native byte order, C
// order) with the case. npy_load also checks what the file says beyond
// the values — the dtype's byte order, Fortran order, the header — and
// that writing the loaded array back gives NumPy's bytes exactly.

func init() {
	register("npy", "npy_load", opNPYLoad)
	register("npy", "npz_load", opNPZLoad)
	addErrorType[*ndarray.FormatError]("value")
}

// npyExtras are the fields of an npy_load case that Case does not keep.
type npyExtras struct {
	Header *struct {
		Version      []int           `json:"version"`
		Descr        json.RawMessage `json:"descr"`
		FortranOrder bool            `json:"fortran_order"`
		Shape        []int           `json:"shape"`
		HeaderLen    int             `json:"header_len"`
		DataOffset   int             `json:"data_offset"`
		Header       string          `json:"header"`
	} `json:"npy_header"`
	SHA256 string `json:"file_sha256"`
	Size   int64  `json:"file_size"`
}

var extrasCache sync.Map // case file path → map[id]*npyExtras (or error)

// caseExtras returns the npy fields of case c, decoding its case file once.
func caseExtras(c *Case) (*npyExtras, error) {
	path := filepath.Join(c.Dir, filepath.Base(c.File))
	v, ok := extrasCache.Load(path)
	if !ok {
		v = loadExtras(path)
		extrasCache.Store(path, v)
	}
	if err, isErr := v.(error); isErr {
		return nil, err
	}
	e := v.(map[string]*npyExtras)[c.ID]
	if e == nil {
		return nil, corpusErrorf("case %s not found again in %s", c.ID, path)
	}
	return e, nil
}

func loadExtras(path string) any {
	data, err := os.ReadFile(path)
	if err != nil {
		return corpusErrorf("%v", err)
	}
	var f struct {
		Cases []json.RawMessage `json:"cases"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return corpusErrorf("%v", err)
	}
	m := make(map[string]*npyExtras, len(f.Cases))
	for _, raw := range f.Cases {
		var e struct {
			ID string `json:"id"`
			npyExtras
		}
		if err := json.Unmarshal(raw, &e); err != nil {
			return corpusErrorf("%s: %v", path, err)
		}
		m[e.ID] = &e.npyExtras
	}
	return m
}

// corpusFilePath returns the file a case's "file" kwarg names.
func (c *Case) corpusFilePath() (string, error) {
	name, err := c.kwargString("file", "")
	if err != nil {
		return "", err
	}
	if name == "" {
		return "", corpusErrorf("case without a file")
	}
	if filepath.IsAbs(name) || strings.Contains(name, "..") {
		return "", corpusErrorf("file %q is not a path inside the corpus", name)
	}
	return filepath.Join(c.Dir, filepath.FromSlash(name)), nil
}

// loadErr turns an unsupported-dtype load failure into an unimplemented
// case.
func loadErr(err error) error {
	if errors.Is(err, errors.ErrUnsupported) {
		return unsupported("%v", err)
	}
	return err
}

// native returns a with its elements in native byte order, C order.
func native(a *ndarray.Array) (*ndarray.Array, error) {
	return a.AsType(a.DType().Native(), dtype.Unsafe)
}

func opNPYLoad(c *Case) (*Result, error) {
	path, err := c.corpusFilePath()
	if err != nil {
		return nil, err
	}
	a, err := ndarray.LoadNPY(path)
	if err != nil {
		return nil, loadErr(err)
	}
	ex, err := caseExtras(c)
	if err != nil {
		return nil, err
	}
	if d := checkNPYFile(path, a, ex); d != "" {
		return nil, fmt.Errorf("%s", d)
	}
	return arrayResult(native(a))
}

// checkNPYFile compares what LoadNPY made of a file with the case's
// record of its header, and WriteNPY's bytes with the file (NumPy's
// np.save output, whose hash the case records): "" when all agree.
func checkNPYFile(path string, a *ndarray.Array, ex *npyExtras) string {
	h := ex.Header
	if h == nil {
		return "corpus: npy_load case without npy_header"
	}
	var descr string
	if json.Unmarshal(h.Descr, &descr) == nil && a.DType().Str() != descr {
		return fmt.Sprintf("loaded dtype %s, the header says %q", a.DType().Str(), descr)
	}
	if bytes.HasPrefix(bytes.TrimSpace(h.Descr), []byte("[")) {
		// a structured descr: the loaded record type must give it back
		ds, err := a.DType().Descr()
		if err != nil || !sameJSON(descrJSON(ds), h.Descr) {
			return fmt.Sprintf("loaded dtype %s, the header says %s", a.DType(), h.Descr)
		}
	}
	if !slices.Equal(a.Shape(), h.Shape) {
		return fmt.Sprintf("loaded shape %v, the header says %v", a.Shape(), h.Shape)
	}
	if h.FortranOrder && !a.IsFContiguous() || !h.FortranOrder && !a.IsCContiguous() {
		return fmt.Sprintf("fortran_order is %v but the array has strides %v", h.FortranOrder, a.Strides())
	}
	if a.IsWriteable() {
		return "LoadNPY returned a writeable array"
	}
	file, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	sum := sha256.Sum256(file)
	if hex.EncodeToString(sum[:]) != ex.SHA256 || int64(len(file)) != ex.Size {
		return "corpus: the file's size or sha256 differs from the case's record"
	}
	if len(h.Version) != 2 || h.Version[0] != 1 || h.Version[1] != 0 {
		return "" // np.save would write this array as version 1.0: nothing to compare
	}
	var buf bytes.Buffer
	if err := a.WriteNPY(&buf); err != nil {
		return "WriteNPY: " + err.Error()
	}
	if got := buf.Bytes(); !bytes.Equal(got, file) {
		hdr := got[min(10, len(got)):min(10+h.HeaderLen, len(got))]
		if string(hdr) != h.Header {
			return fmt.Sprintf("WriteNPY header %q, NumPy wrote %q", hdr, h.Header)
		}
		return fmt.Sprintf("WriteNPY wrote %d bytes that differ from NumPy's %d-byte file", len(got), len(file))
	}
	return ""
}

func opNPZLoad(c *Case) (*Result, error) {
	path, err := c.corpusFilePath()
	if err != nil {
		return nil, err
	}
	var members []string
	if err := json.Unmarshal(c.Kwargs["members"], &members); err != nil {
		return nil, corpusErrorf("bad members: %v", err)
	}
	var compressed bool
	if raw, ok := c.Kwargs["compressed"]; ok {
		if err := json.Unmarshal(raw, &compressed); err != nil {
			return nil, corpusErrorf("bad compressed: %v", err)
		}
	}
	entries, err := ndarray.LoadNPZ(path)
	if err != nil {
		return nil, loadErr(err)
	}
	names := make([]string, len(entries))
	res := &Result{Kind: resultList}
	for i, e := range entries {
		names[i] = e.Name
		n, err := native(e.Array)
		if err != nil {
			return nil, err
		}
		res.List = append(res.List, n)
	}
	if !slices.Equal(names, members) {
		return nil, fmt.Errorf("members %q, the case says %q", names, members)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if (f.Method == zip.Deflate) != compressed {
			return nil, fmt.Errorf("member %s has method %d, the case says compressed=%v", f.Name, f.Method, compressed)
		}
	}
	return res, nil
}
