package ndarray

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// NPZEntry is one array of an .npz archive: its name (the member is
// Name + ".npy") and the array.
type NPZEntry struct {
	Name  string
	Array *Array
}

// npzTime is the modification time written for every member, so that
// saving the same arrays twice gives the same bytes.
var npzTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteNPZ writes entries to w as an .npz archive, in order: a zip file
// with one member Name.npy per entry in the .npy format (see WriteNPY),
// stored (np.savez) or, when compressed is set, deflated
// (np.savez_compressed). Names must be non-empty and distinct (a
// *ValueError otherwise). Members carry a fixed 1980-01-01 timestamp, so
// the output depends on the arrays only; archives over 4 GiB use zip64.
func WriteNPZ(w io.Writer, compressed bool, entries ...NPZEntry) error {
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		switch {
		case e.Name == "":
			return &ValueError{Op: "write npz", Msg: "an entry has an empty name"}
		case seen[e.Name]:
			return &ValueError{Op: "write npz", Msg: "the name " + strconv.Quote(e.Name) + " is used twice"}
		case e.Array == nil:
			return &ValueError{Op: "write npz", Msg: "entry " + strconv.Quote(e.Name) + " has a nil array"}
		}
		seen[e.Name] = true
	}
	method := zip.Store
	if compressed {
		method = zip.Deflate
	}
	zw := zip.NewWriter(w)
	for _, e := range entries {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name + ".npy", Method: method, Modified: npzTime})
		if err != nil {
			return err
		}
		if err := e.Array.WriteNPY(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// SaveNPZ writes entries to the file path as an .npz archive (see
// WriteNPZ), creating or truncating it. Unlike np.savez it does not add a
// ".npz" extension.
func SaveNPZ(path string, compressed bool, entries ...NPZEntry) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = WriteNPZ(f, compressed, entries...)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ReadNPZ reads every member of the .npz archive in r (size bytes long),
// in archive order, as np.load does: each member must be an .npy file
// named Name.npy, stored or deflated; its entry is named Name. The arrays
// are writeable.
//
// Hostile archives are *FormatErrors and cannot make ReadNPZ allocate
// beyond what is really there: a stored member must lie inside the
// archive and hold the bytes its .npy header declares before anything is
// allocated; a deflated member is read no further than its header
// declares and its memory grows with the bytes that really decompress.
// Corrupt data fails the zip checksum.
func ReadNPZ(r io.ReaderAt, size int64) ([]NPZEntry, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, &FormatError{Msg: "not a valid .npz (zip) archive", Err: err}
	}
	out := make([]NPZEntry, 0, min(len(zr.File), 1024))
	for _, f := range zr.File {
		a, err := readNPZMember(f, size)
		if err != nil {
			return nil, withPath(err, "", f.Name)
		}
		out = append(out, NPZEntry{Name: strings.TrimSuffix(f.Name, ".npy"), Array: a})
	}
	return out, nil
}

func readNPZMember(f *zip.File, size int64) (*Array, error) {
	if !strings.HasSuffix(f.Name, ".npy") {
		return nil, formatErr("not an .npy member: an .npz archive holds only name.npy members", nil)
	}
	avail, limit := int64(-1), int64(-1)
	switch f.Method {
	case zip.Store:
		off, err := f.DataOffset()
		if err != nil {
			return nil, formatErr("bad member header", err)
		}
		if f.CompressedSize64 != f.UncompressedSize64 || f.CompressedSize64 > uint64(size) || off > size-int64(f.CompressedSize64) {
			return nil, formatErr("stored member's sizes do not fit the archive", zip.ErrFormat)
		}
		avail = int64(f.UncompressedSize64)
	case zip.Deflate:
		if f.UncompressedSize64 < 1<<62 {
			limit = int64(f.UncompressedSize64)
		}
	default:
		return nil, formatErr("compression method "+strconv.Itoa(int(f.Method))+" is not supported: expected stored or deflated", errors.ErrUnsupported)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, formatErr("cannot open member", err)
	}
	defer rc.Close()
	a, err := readNPY(rc, avail, limit)
	if err != nil {
		if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) {
			return nil, formatErr("corrupt member", err)
		}
		return nil, err
	}
	// Read to the member's end (at most a little) so that the zip reader
	// checks the CRC; longer trailing bytes are ignored, as by NumPy.
	if _, err := io.CopyN(io.Discard, rc, 512); err != nil && err != io.EOF {
		return nil, formatErr("corrupt member", err)
	}
	return a, nil
}

// LoadNPZ reads every member of the .npz file at path (see ReadNPZ).
func LoadNPZ(path string) ([]NPZEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	entries, err := ReadNPZ(f, st.Size())
	return entries, withPath(err, path, "")
}
