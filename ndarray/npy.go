package ndarray

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/strided"
)

// The .npy format (NumPy's numpy.lib.format): the magic string
// "\x93NUMPY", a major and a minor version byte, the header length (a
// little-endian uint16 in version 1.0, uint32 in 2.0 and 3.0), the header
// (a Python dict literal padded with spaces and ended by '\n' so that the
// data starts at a multiple of 64 bytes), then the elements in C or
// Fortran order.
const (
	npyMagic = "\x93NUMPY"
	// npyAlign is the multiple of 64 at which NumPy starts the data.
	npyAlign = 64
	// npyGrowthDigits is NumPy's GROWTH_AXIS_MAX_DIGITS: the header keeps
	// room for the growing axis to reach this many digits.
	npyGrowthDigits = 21
	// MaxNPYHeaderLen is the longest .npy header ReadNPY and LoadNPY
	// accept. NumPy's own default limit is 10000 characters; ours is
	// larger but still bounds what a hostile header can make us read.
	MaxNPYHeaderLen = 1 << 20
	// maxNPYDims is NumPy's limit on the number of dimensions (NPY_MAXDIMS).
	maxNPYDims = 32
	// maxNPYDepth bounds the nesting of tuples and lists in a header.
	maxNPYDepth = 16
)

// FormatError reports a .npy or .npz file that is not well formed, or that
// holds something this package cannot represent (then Err is
// errors.ErrUnsupported: an object dtype, say). Truncated
// files wrap io.ErrUnexpectedEOF.
type FormatError struct {
	Path   string // the file, when known
	Member string // the .npz member, when the problem lies in one
	Msg    string // what was expected and what came
	Err    error  // the underlying cause, or nil
}

// Error returns the message.
func (e *FormatError) Error() string {
	var b strings.Builder
	b.WriteString("ndarray: ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Member != "" {
		b.WriteString("member ")
		b.WriteString(strconv.Quote(e.Member))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *FormatError) Unwrap() error { return e.Err }

func formatErr(msg string, err error) *FormatError { return &FormatError{Msg: msg, Err: err} }

// withPath sets the path (and member) of a *FormatError; other errors pass
// unchanged.
func withPath(err error, path, member string) error {
	var fe *FormatError
	if errors.As(err, &fe) {
		if fe.Path == "" {
			fe.Path = path
		}
		if fe.Member == "" {
			fe.Member = member
		}
	}
	return err
}

// ---------------------------------------------------------------- writing

// npyHeader returns the magic, version, header length and header that
// np.save writes for a, and whether the data goes in Fortran order.
func npyHeader(a *Array) ([]byte, bool, error) {
	dt := a.dtype
	descr, err := npyDescr(dt)
	if err != nil {
		return nil, false, err
	}
	fortran := a.IsFContiguous() && !a.IsCContiguous()
	d := make([]byte, 0, 128)
	d = append(d, "{'descr': "...)
	d = append(d, descr...)
	d = append(d, ", 'fortran_order': "...)
	if fortran {
		d = append(d, "True"...)
	} else {
		d = append(d, "False"...)
	}
	d = append(d, ", 'shape': ("...)
	for i, n := range a.Shape() {
		if i > 0 {
			d = append(d, ", "...)
		}
		d = strconv.AppendInt(d, int64(n), 10)
	}
	if a.NDim() == 1 {
		d = append(d, ',')
	}
	d = append(d, "), }"...)
	if a.NDim() > 0 {
		grow := a.Shape()[0]
		if fortran {
			grow = a.Shape()[a.NDim()-1]
		}
		for range npyGrowthDigits - len(strconv.Itoa(grow)) {
			d = append(d, ' ')
		}
	}
	// NumPy's _wrap_header: pad with spaces and a final '\n' so that
	// magic + version + length + header is a multiple of 64; the oldest
	// version whose length field holds the header wins.
	hlen := len(d) + 1
	major, lenSize := byte(1), 2
	pad := npyAlign - (8+lenSize+hlen)%npyAlign
	if hlen+pad > 0xffff {
		major, lenSize = 2, 4
		pad = npyAlign - (8+lenSize+hlen)%npyAlign
	}
	out := make([]byte, 0, 8+lenSize+hlen+pad)
	out = append(out, npyMagic...)
	out = append(out, major, 0)
	if lenSize == 2 {
		out = binary.LittleEndian.AppendUint16(out, uint16(hlen+pad))
	} else {
		out = binary.LittleEndian.AppendUint32(out, uint32(hlen+pad))
	}
	out = append(out, d...)
	for range pad {
		out = append(out, ' ')
	}
	out = append(out, '\n')
	return out, fortran, nil
}

// WriteNPY writes a to w in the .npy format, byte for byte as NumPy's
// np.save writes the same array: format version 1.0 (2.0 when the header
// does not fit in 65535 bytes), the dtype in its own byte order ('<f8',
// '>i4', '|u1', '<U5', '|S3', '<M8[ns]'; a record as the list of its
// fields, NumPy's dtype.descr: [('id', '<i4'), ('pos', '<f4', (2,))]),
// data in C order — or in Fortran order, with fortran_order True, when a
// is Fortran-contiguous and not C-contiguous. Arrays of other layouts are
// written in C order through a bounded buffer, never copied whole. Types
// without a .npy form (user-defined, variable-length strings, options,
// categoricals — NumPy would need object arrays —, records with
// overlapping or out-of-order fields) are a *ValueError;
// errors of w are returned as they come.
func (a *Array) WriteNPY(w io.Writer) error {
	hdr, fortran, err := npyHeader(a)
	if err != nil {
		return err
	}
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	return a.writeData(w, fortran)
}

// npyChunk is the size of the buffer WriteNPY gathers non-contiguous
// arrays through.
const npyChunk = 1 << 20

// writeData writes the elements in C order, or in memory order when
// fortran is set (a is then F-contiguous).
func (a *Array) writeData(w io.Writer, fortran bool) error {
	n := a.NBytes()
	if n == 0 {
		return nil
	}
	if fortran || a.IsCContiguous() {
		_, err := w.Write(a.data[a.offset : a.offset+n])
		return err
	}
	// Gather blocks of the trailing dimensions into the chunk buffer:
	// dims j.. fit whole in a chunk; dim j-1 is taken k indices at a time;
	// dims ..j-2 are walked one index at a time.
	isz, nd := a.dtype.Size(), a.NDim()
	inner, j := isz, nd
	for j > 0 && inner*a.Shape()[j-1] <= npyChunk {
		inner *= a.Shape()[j-1]
		j--
	}
	buf := alloc(min(n, max(npyChunk, inner)))
	loop := strided.Inner2(mustCast(a.dtype, a.dtype))
	if j == 0 {
		dst := make([]int, nd)
		cStrides(dst, a.Shape(), isz)
		strided.Loop2(a.Shape(), unsafePtr(buf), dst, a.ptr(a.offset), a.Strides(), loop)
		_, err := w.Write(buf[:n])
		return err
	}
	axis := j - 1
	k := max(npyChunk/inner, 1)
	subShape := make([]int, nd-axis)
	copy(subShape, a.Shape()[axis:])
	dst := make([]int, len(subShape))
	idx := make([]int, axis) // index over dims ..axis-1
	for {
		off := a.offset
		for i, v := range idx {
			off += v * a.Strides()[i]
		}
		for s := 0; s < a.Shape()[axis]; s += k {
			kk := min(k, a.Shape()[axis]-s)
			subShape[0] = kk
			cStrides(dst, subShape, isz)
			strided.Loop2(subShape, unsafePtr(buf), dst, a.ptr(off+s*a.Strides()[axis]), a.Strides()[axis:], loop)
			if _, err := w.Write(buf[:kk*inner]); err != nil {
				return err
			}
		}
		// advance the odometer over the outer dimensions
		i := axis - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < a.Shape()[i] {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return nil
		}
	}
}

// npyPreallocMin is the smallest data section SaveNPY reserves blocks for
// before writing.
const npyPreallocMin = 1 << 20

// SaveNPY writes a to the file path in the .npy format (see WriteNPY),
// creating it or replacing its contents, as np.save does; unlike np.save
// it does not add a ".npy" extension. The file is not synced.
//
// An existing regular file is overwritten in place and then cut to the
// new length rather than truncated first: rewriting pages the system
// already holds is several times faster than freeing and reallocating
// them, and an array still mapped from the old file (LoadNPY) is never
// left pointing past the end of the file while the new one is written.
func SaveNPY(path string, a *Array) error {
	hdr, fortran, err := npyHeader(a)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o666)
	if err != nil {
		return err
	}
	total := int64(len(hdr) + a.NBytes())
	regular := false
	if fi, serr := f.Stat(); serr == nil && fi.Mode().IsRegular() {
		regular = true
		if fi.Size() < total && a.NBytes() >= npyPreallocMin {
			preallocate(f, 0, int(total))
		}
	}
	if _, err = f.Write(hdr); err == nil {
		err = a.writeData(f, fortran)
	}
	if err == nil && regular {
		err = f.Truncate(total)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ---------------------------------------------------------------- reading

// npyInfo is a parsed .npy header.
type npyInfo struct {
	major, minor byte
	dt           dtype.DType
	shape        []int
	fortran      bool
	dataOffset   int64 // from the start of the .npy bytes to the data
	nbytes       int   // the data's length
}

// readNPYHeader reads the magic, version, header length and header from r
// and leaves r at the first data byte. A hostile header length is never
// allocated: the header is read as it comes, up to MaxNPYHeaderLen bytes.
func readNPYHeader(r io.Reader) (*npyInfo, error) {
	var pre [12]byte
	if _, err := io.ReadFull(r, pre[:8]); err != nil {
		return nil, truncated("the magic string and version", err)
	}
	if string(pre[:6]) != npyMagic {
		return nil, formatErr("not a .npy file: expected the magic string \"\\x93NUMPY\", got "+strconv.Quote(string(pre[:6])), nil)
	}
	h := &npyInfo{major: pre[6], minor: pre[7]}
	var hlen int64
	switch {
	case h.major == 1 && h.minor == 0:
		if _, err := io.ReadFull(r, pre[8:10]); err != nil {
			return nil, truncated("the header length", err)
		}
		hlen = int64(binary.LittleEndian.Uint16(pre[8:10]))
		h.dataOffset = 10 + hlen
	case (h.major == 2 || h.major == 3) && h.minor == 0:
		if _, err := io.ReadFull(r, pre[8:12]); err != nil {
			return nil, truncated("the header length", err)
		}
		hlen = int64(binary.LittleEndian.Uint32(pre[8:12]))
		h.dataOffset = 12 + hlen
	default:
		return nil, formatErr("unsupported format version "+strconv.Itoa(int(h.major))+"."+strconv.Itoa(int(h.minor))+": expected 1.0, 2.0 or 3.0", nil)
	}
	if hlen > MaxNPYHeaderLen {
		return nil, formatErr("header length "+strconv.FormatInt(hlen, 10)+" exceeds the limit of "+strconv.Itoa(MaxNPYHeaderLen)+" bytes", nil)
	}
	var hb bytes.Buffer
	hb.Grow(int(min(hlen, 4096)))
	if got, err := hb.ReadFrom(io.LimitReader(r, hlen)); err != nil || got < hlen {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, truncated("the header (declared "+strconv.FormatInt(hlen, 10)+" bytes)", err)
	}
	text := hb.Bytes()
	if h.major == 3 && !utf8.Valid(text) {
		return nil, formatErr("header of a version 3.0 file is not valid UTF-8", nil)
	}
	if err := parseNPYHeader(text, h); err != nil {
		return nil, err
	}
	n, ok := sizeOf(h.shape, h.dt.Size())
	if !ok {
		return nil, formatErr("shape "+FormatShape(h.shape)+" is too large: its size overflows int", nil)
	}
	h.nbytes = n * h.dt.Size()
	return h, nil
}

// truncated wraps a read error: running out of input is
// io.ErrUnexpectedEOF, anything else is returned as it is.
func truncated(what string, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return formatErr("file ends in "+what, io.ErrUnexpectedEOF)
	}
	return err
}

// pyValue is a value of the Python literal subset a header may hold.
type pyValue struct {
	kind  byte // 's' string, 'i' int, 'b' bool, 't' tuple, 'l' list
	str   string
	num   int
	neg   bool // a negative int (num holds its magnitude)
	big   bool // an int that does not fit in int
	items []pyValue
}

// headerParser parses a header: exactly one dict literal with the keys
// 'descr', 'fortran_order' and 'shape', then only whitespace. It knows
// strings (single or double quotes, no escapes), decimal ints (with the
// 'L' suffix of Python 2 in versions 1.0 and 2.0), True/False, tuples and
// lists — the subset NumPy writes — and evaluates nothing.
type headerParser struct {
	s     []byte
	pos   int
	depth int
	py2   bool
}

func (p *headerParser) errorf(msg string) error {
	return formatErr("bad header at byte "+strconv.Itoa(p.pos)+": "+msg+" (header "+clip(p.s)+")", nil)
}

// clip quotes at most 120 bytes of a header for an error message.
func clip(s []byte) string {
	s = bytes.TrimRight(s, " \n")
	if len(s) > 120 {
		return strconv.Quote(string(s[:120])) + "…"
	}
	return strconv.Quote(string(s))
}

func (p *headerParser) space() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (p *headerParser) peek() byte {
	p.space()
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *headerParser) expect(c byte) error {
	if p.peek() != c {
		return p.errorf("expected " + strconv.QuoteRune(rune(c)) + ", found " + p.found())
	}
	p.pos++
	return nil
}

func (p *headerParser) found() string {
	if p.pos >= len(p.s) {
		return "the end of the header"
	}
	return strconv.Quote(string(p.s[p.pos : p.pos+1]))
}

func (p *headerParser) value() (pyValue, error) {
	c := p.peek()
	switch {
	case c == '\'' || c == '"':
		return p.str()
	case c == '(' || c == '[':
		return p.sequence()
	case c == '-' || c == '+' || isDigit(c):
		return p.integer()
	case c == 'T' || c == 'F':
		for _, w := range [...]string{"True", "False"} {
			if bytes.HasPrefix(p.s[p.pos:], []byte(w)) && !p.identAt(p.pos+len(w)) {
				p.pos += len(w)
				v := pyValue{kind: 'b'}
				if w == "True" {
					v.num = 1
				}
				return v, nil
			}
		}
	}
	return pyValue{}, p.errorf("expected a string, an int, True, False, a tuple or a list, found " + p.found())
}

// identAt reports whether an identifier character is at i (so "Truex"
// is not True).
func (p *headerParser) identAt(i int) bool {
	return i < len(p.s) && (isNameStart(p.s[i]) || isDigit(p.s[i]))
}

func (p *headerParser) str() (pyValue, error) {
	q := p.s[p.pos]
	start := p.pos + 1
	for i := start; i < len(p.s); i++ {
		switch p.s[i] {
		case q:
			p.pos = i + 1
			return pyValue{kind: 's', str: string(p.s[start:i])}, nil
		case '\\':
			p.pos = i
			return pyValue{}, p.errorf("escape sequences are not supported in header strings")
		case '\n', '\r':
			p.pos = i
			return pyValue{}, p.errorf("unterminated string")
		}
	}
	p.pos = len(p.s)
	return pyValue{}, p.errorf("unterminated string")
}

func (p *headerParser) integer() (pyValue, error) {
	v := pyValue{kind: 'i'}
	for {
		c := p.peek()
		if c == '-' {
			v.neg = !v.neg
		} else if c != '+' {
			break
		}
		p.pos++
	}
	start := p.pos
	for p.pos < len(p.s) && isDigit(p.s[p.pos]) {
		d := int(p.s[p.pos] - '0')
		if v.num > (maxInt-d)/10 {
			v.big = true
		} else {
			v.num = v.num*10 + d
		}
		p.pos++
	}
	if p.pos == start {
		return v, p.errorf("expected digits, found " + p.found())
	}
	if p.s[start] == '0' && p.pos-start > 1 && strings.Trim(string(p.s[start:p.pos]), "0") != "" {
		return v, p.errorf("leading zeros in an integer")
	}
	if p.py2 && p.pos < len(p.s) && (p.s[p.pos] == 'L' || p.s[p.pos] == 'l') {
		p.pos++
	}
	if p.identAt(p.pos) {
		return v, p.errorf("unexpected " + p.found() + " after an integer")
	}
	return v, nil
}

// sequence parses a tuple or a list. A parenthesised single value without
// a comma is that value, as in Python: (3) is 3.
func (p *headerParser) sequence() (pyValue, error) {
	open := p.s[p.pos]
	closing, kind := byte(')'), byte('t')
	if open == '[' {
		closing, kind = ']', 'l'
	}
	if p.depth >= maxNPYDepth {
		return pyValue{}, p.errorf("tuples and lists nested too deeply")
	}
	p.depth++
	defer func() { p.depth-- }()
	p.pos++
	v := pyValue{kind: kind}
	comma := false
	for {
		if p.peek() == closing {
			p.pos++
			break
		}
		if len(v.items) >= MaxNPYHeaderLen/2 {
			return v, p.errorf("too many items")
		}
		item, err := p.value()
		if err != nil {
			return v, err
		}
		v.items = append(v.items, item)
		if c := p.peek(); c == ',' {
			p.pos++
			comma = true
			continue
		} else if c != closing {
			return v, p.errorf("expected ',' or " + strconv.QuoteRune(rune(closing)) + ", found " + p.found())
		}
	}
	if kind == 't' && len(v.items) == 1 && !comma {
		return v.items[0], nil
	}
	return v, nil
}

// parseNPYHeader parses the header dict into h.
func parseNPYHeader(text []byte, h *npyInfo) error {
	p := &headerParser{s: text, py2: h.major < 3}
	if bytes.IndexByte(text, 0) >= 0 {
		return formatErr("header contains a NUL byte (header "+clip(text)+")", nil)
	}
	if err := p.expect('{'); err != nil {
		return err
	}
	var descr, order, shape *pyValue
	for {
		if p.peek() == '}' {
			p.pos++
			break
		}
		if c := p.peek(); c != '\'' && c != '"' {
			return p.errorf("expected a key string or '}', found " + p.found())
		}
		key, err := p.str()
		if err != nil {
			return err
		}
		if err := p.expect(':'); err != nil {
			return err
		}
		val, err := p.value()
		if err != nil {
			return err
		}
		var slot **pyValue
		switch key.str {
		case "descr":
			slot = &descr
		case "fortran_order":
			slot = &order
		case "shape":
			slot = &shape
		default:
			return formatErr("header has an unexpected key "+strconv.Quote(key.str)+": expected 'descr', 'fortran_order' and 'shape' (header "+clip(text)+")", nil)
		}
		if *slot != nil {
			return formatErr("header repeats the key "+strconv.Quote(key.str)+" (header "+clip(text)+")", nil)
		}
		*slot = &val
		if c := p.peek(); c == ',' {
			p.pos++
		} else if c != '}' {
			return p.errorf("expected ',' or '}', found " + p.found())
		}
	}
	if p.peek() != 0 {
		return p.errorf("unexpected " + p.found() + " after the header dict")
	}
	if descr == nil || order == nil || shape == nil {
		return formatErr("header lacks a key: expected 'descr', 'fortran_order' and 'shape' (header "+clip(text)+")", nil)
	}
	if order.kind != 'b' {
		return formatErr("fortran_order is not True or False (header "+clip(text)+")", nil)
	}
	h.fortran = order.num == 1
	if shape.kind != 't' {
		return formatErr("shape is not a tuple of ints (header "+clip(text)+")", nil)
	}
	if len(shape.items) > maxNPYDims {
		return formatErr("shape has "+strconv.Itoa(len(shape.items))+" dimensions; at most "+strconv.Itoa(maxNPYDims)+" are allowed", nil)
	}
	h.shape = make([]int, len(shape.items))
	for i, it := range shape.items {
		switch {
		case it.kind != 'i':
			return formatErr("shape is not a tuple of ints (header "+clip(text)+")", nil)
		case it.neg && (it.num != 0 || it.big):
			return formatErr("shape has a negative dimension (header "+clip(text)+")", nil)
		case it.big:
			return formatErr("shape has a dimension too large for int (header "+clip(text)+")", nil)
		}
		h.shape[i] = it.num
	}
	dt, err := descrDType(descr)
	if err != nil {
		return err
	}
	h.dt = dt
	return nil
}

// descrDType returns the dtype of a header's descr: a NumPy type string
// such as '<f8' (or any spelling dtype.Parse knows), or the list of fields
// of a structured dtype (see recordDescr). Type strings of kinds Parse
// does not know (object, long double, …) are valid NumPy but unsupported
// here (errors.ErrUnsupported).
func descrDType(v *pyValue) (dtype.DType, error) {
	switch v.kind {
	case 'l':
		return recordDescr(v)
	case 's':
	default:
		return dtype.DType{}, formatErr("descr is not a type string or a list of fields", nil)
	}
	dt, err := dtype.Parse(v.str)
	if err == nil {
		if !npyWritable(dt) {
			return dtype.DType{}, formatErr("dtype "+strconv.Quote(v.str)+" is not a .npy type", errors.ErrUnsupported)
		}
		return dt, nil
	}
	body := strings.TrimLeft(v.str, "<>|=")
	if body != "" && strings.IndexByte("USaMmVOc", body[0]) >= 0 || body == "f16" || body == "c32" || body == "g" || body == "G" {
		return dtype.DType{}, formatErr("dtype "+strconv.Quote(v.str)+" is not supported yet", errors.ErrUnsupported)
	}
	return dtype.DType{}, formatErr("descr "+strconv.Quote(v.str)+" is not a known type", err)
}

// availableBytes returns how many bytes r holds from its current position,
// or -1 when that cannot be known without reading.
func availableBytes(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer
		return int64(v.Len())
	case *os.File:
		st, err := v.Stat()
		if err != nil || !st.Mode().IsRegular() {
			return -1
		}
		cur, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return -1
		}
		return max(st.Size()-cur, 0)
	case io.Seeker:
		cur, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return -1
		}
		end, err := v.Seek(0, io.SeekEnd)
		if _, err2 := v.Seek(cur, io.SeekStart); err != nil || err2 != nil {
			return -1
		}
		return max(end-cur, 0)
	}
	return -1
}

// npyGrowStart is the first buffer size when reading data of unknown
// availability: memory then grows with the bytes that really arrive.
const npyGrowStart = 64 << 10

// readData reads n bytes into a new aligned buffer. avail is how many
// bytes r holds, when known (else -1): less than n is a truncated file,
// found before allocating. limit, when >= 0, is an upper bound the data
// cannot exceed (an .npz member's declared size). With avail unknown the
// buffer grows as data comes, so a header that lies costs no more memory
// than the bytes really present (times two).
func readData(r io.Reader, n int, avail, limit int64) ([]byte, error) {
	if avail >= 0 && avail < int64(n) || limit >= 0 && limit < int64(n) {
		return nil, formatErr("data section holds "+strconv.FormatInt(min(orMax(avail), orMax(limit)), 10)+" bytes but the header declares "+strconv.Itoa(n), io.ErrUnexpectedEOF)
	}
	if avail >= 0 || n <= npyGrowStart {
		buf := allocUninit(n) // the read fills it, or it is dropped
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, truncated("the data", err)
		}
		return buf, nil
	}
	buf := alloc(npyGrowStart)
	got := 0
	for {
		m, err := io.ReadFull(r, buf[got:])
		got += m
		if err != nil {
			return nil, truncated("the data (got "+strconv.Itoa(got)+" of "+strconv.Itoa(n)+" bytes)", err)
		}
		if got == n {
			return buf, nil
		}
		next := alloc(min(2*len(buf), n))
		copy(next, buf)
		buf = next
	}
}

// orMax maps an unknown (-1) size to the largest int64, for min.
func orMax(v int64) int64 {
	if v < 0 {
		return 1<<63 - 1
	}
	return v
}

// unsafePtr returns a pointer to the first byte of a non-empty b.
func unsafePtr(b []byte) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(b)) }

// npyArray makes the array a header describes over data (the elements
// from data[0]).
func npyArray(h *npyInfo, data []byte, flags Flags) *Array {
	var st [maxNPYDims]int
	strides := st[:len(h.shape)]
	if h.fortran {
		fStrides(strides, h.shape, h.dt.Size())
	} else {
		cStrides(strides, h.shape, h.dt.Size())
	}
	return newHeader(h.dt, data, 0, h.shape, strides, flags)
}

// ReadNPY reads one array in the .npy format (versions 1.0, 2.0 and 3.0)
// from r and leaves r just after its data, so that arrays written one
// after the other can be read in turn. The array is writeable and keeps
// the file's dtype, byte order included ('>f8' stays big-endian); a file
// in Fortran order gives an F-contiguous array.
//
// Malformed input is a *FormatError and never makes ReadNPY allocate
// what the header claims: with a reader whose length is known (a
// *bytes.Reader, a regular *os.File, an io.Seeker) a data section shorter
// than the shape needs is found before allocating; with others, memory
// grows with the bytes that really arrive.
func ReadNPY(r io.Reader) (*Array, error) {
	return readNPY(r, availableBytes(r), -1)
}

func readNPY(r io.Reader, avail, limit int64) (*Array, error) {
	h, err := readNPYHeader(r)
	if err != nil {
		return nil, err
	}
	if avail >= 0 {
		avail = max(avail-h.dataOffset, 0)
	}
	if limit >= 0 {
		limit = max(limit-h.dataOffset, 0)
	}
	data, err := readData(r, h.nbytes, avail, limit)
	if err != nil {
		return nil, err
	}
	return npyArray(h, data, Writeable|OwnsData), nil
}

// LoadNPY reads the .npy file at path (see ReadNPY) by mapping it into
// memory where the platform allows (Linux): the array's buffer is the
// file's pages, read lazily from the page cache, and nothing is copied.
// The array is read-only (copy it, or use LoadNPYCopy, to modify it). The
// mapping lives as long as the array or any view of it is reachable and
// is released by the garbage collector after that. Small files, and files
// whose data offset is not a multiple of the dtype's alignment, are read
// into memory instead (the array is read-only all the same).
//
// As with any memory mapping (NumPy's mmap_mode='r'), the file must not
// be truncated while the array is in use: reading pages that no longer
// exist crashes the program.
func LoadNPY(path string) (*Array, error) {
	return loadNPY(path, true)
}

// LoadNPYCopy reads the .npy file at path into a new writeable array, as
// np.load does (see ReadNPY).
func LoadNPYCopy(path string) (*Array, error) {
	return loadNPY(path, false)
}

// mmapMinBytes is the smallest data section LoadNPY maps rather than reads.
const mmapMinBytes = 1 << 20

func loadNPY(path string, mapped bool) (*Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	h, err := readNPYHeader(bufio.NewReaderSize(io.NewSectionReader(f, 0, size), 4096))
	if err != nil {
		return nil, withPath(err, path, "")
	}
	avail := max(size-h.dataOffset, 0)
	if avail < int64(h.nbytes) {
		return nil, &FormatError{Path: path, Msg: "data section holds " + strconv.FormatInt(avail, 10) + " bytes but the header declares " + strconv.Itoa(h.nbytes), Err: io.ErrUnexpectedEOF}
	}
	if mapped && h.nbytes >= mmapMinBytes && h.dataOffset%int64(max(h.dt.Alignment(), 1)) == 0 {
		if data, ok := mapFile(f, h.dataOffset, h.nbytes); ok {
			return npyArray(h, data, 0), nil
		}
	}
	data := allocUninit(h.nbytes) // the read fills it, or it is dropped
	if _, err := f.ReadAt(data, h.dataOffset); err != nil {
		return nil, withPath(truncated("the data", err), path, "")
	}
	flags := Writeable | OwnsData
	if mapped {
		flags = OwnsData
	}
	return npyArray(h, data, flags), nil
}
