package ndarray

import (
	"math/bits"
	"strings"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/debugalloc"
)

// inlineDims is the number of dimensions whose shape and strides live in
// the same allocation as the Array header, so that views of such arrays
// allocate nothing but their header.
const inlineDims = 4

// Alignment is the byte alignment of every buffer an Array allocates,
// except one of at most 32 bytes (four float64), which is aligned to
// 32 bytes: no buffer straddles a cache line it need not.
const Alignment = 64

// smallAlignment is the alignment of a buffer of at most 32 bytes.
const smallAlignment = 32

// Flags describe the memory layout and permissions of an Array.
type Flags uint8

// The flags.
const (
	CContiguous Flags = 1 << iota // row-major and without gaps
	FContiguous                   // column-major and without gaps
	Writeable                     // elements may be written
	OwnsData                      // the array allocated its buffer (it is not a view)
)

// Array is an N-dimensional array: an element type, a shape, byte strides
// and an offset into a shared buffer. Views share the buffer of the array
// they were taken from; nothing is copied unless an operation says so.
//
// An Array is always used through a pointer; its methods never modify
// the receiver's shape or type (they return new headers), only, where they
// say so, its elements.
type Array struct {
	dtype  dtype.DType
	data   []byte // the whole shared buffer; elements lie within it
	offset int    // byte offset of the first element
	// dims points at the shape, ndim ints, followed by the strides, ndim
	// ints in bytes (which may be negative or zero): see Shape and
	// Strides. For up to inlineDims dimensions they live in the same
	// allocation as the header (see header1 and header4). One pointer
	// instead of two slices keeps a small array's header, dims and
	// buffer within 128 bytes (small1x32).
	dims  *int
	ndim  int
	size  int // product of the shape
	flags Flags
	ext   *extension // storage beside the buffer (a string arena), shared by views; nil for most types
}

// alloc returns a zeroed buffer of n bytes whose first byte is aligned to
// Alignment. The buffer holds no Go pointers.
//
// It asks the Go allocator for a size whose objects start 64-byte
// aligned by themselves, so no padding is needed: a multiple of 64
// bytes up to 32 KB (every size class from 64 bytes up that such a
// request lands in is itself a multiple of 64, and spans start on page
// boundaries), or the exact size above (large objects start on a page).
// Sizes the runtime would serve from spans holding one or two objects
// are moved up one class (allocClass): there every allocation fetches
// a span from the heap, which costs more than zeroing the extra bytes.
// The alignment is checked, not assumed, so a runtime with other size
// classes gets a padded buffer instead.
func alloc(n int) []byte {
	if n == 0 {
		return nil
	}
	r := n
	if n <= maxSmallAlloc {
		r = allocClass((n + Alignment - 1) &^ (Alignment - 1))
	}
	raw := make([]byte, r)
	if n >= hugeBytes {
		adviseHuge(raw)
	}
	if uintptr(unsafe.Pointer(unsafe.SliceData(raw)))&(Alignment-1) == 0 {
		return raw[:n:n]
	}
	raw = make([]byte, n+Alignment-1)
	pad := int(-uintptr(unsafe.Pointer(unsafe.SliceData(raw))) & (Alignment - 1))
	return raw[pad : pad+n : pad+n]
}

// allocUninit is alloc without the zeroing: the buffer holds whatever
// bytes its memory held before. It is for buffers every byte of which is
// written before anything reads them (see Uninitialized); on a
// large buffer, zeroing is a whole pass over memory that the writes
// then repeat. Buffers below uninitMin are zeroed as by alloc, which
// costs little there.
//
// The Go runtime allocates without zeroing only internally; the one way
// to it from outside is strings.Builder, whose Grow allocates its
// buffer so (bytealg.MakeNoZero, as in Go 1.21 on). The builder's
// buffer is reached through the string of its one byte, and used only
// when it holds n bytes (Cap) and is aligned; otherwise the buffer comes
// from alloc: slower, never wrong. Should a runtime zero that memory
// after all, the result is the same.
func allocUninit(n int) []byte {
	if debugalloc.Poison.Load() {
		b := alloc(n)
		for i := range b {
			b[i] = debugalloc.PoisonByte
		}
		return b
	}
	if n < uninitMin {
		return alloc(n)
	}
	r := n
	if n <= maxSmallAlloc {
		r = allocClass((n + Alignment - 1) &^ (Alignment - 1))
	}
	var b strings.Builder
	b.Grow(r)
	b.WriteByte(0) // a string of one byte points at the buffer's start
	p := unsafe.StringData(b.String())
	if b.Cap() < n || uintptr(unsafe.Pointer(p))&(Alignment-1) != 0 {
		return alloc(n)
	}
	raw := unsafe.Slice(p, n)
	if n >= hugeBytes {
		adviseHuge(raw) // before the first write touches it
	}
	return raw[:n:n]
}

// uninitMin is the smallest buffer allocUninit leaves unzeroed.
const uninitMin = 4096

// hugeBytes is the size from which a buffer is backed by transparent huge
// pages where the kernel offers them (adviseHuge): NumPy's threshold.
const hugeBytes = 4 << 20

// maxSmallAlloc is the largest allocation Go's runtime serves from size
// classes; larger ones get spans of their own.
const maxSmallAlloc = 32 << 10

// allocClass returns the request size for an r-byte buffer (r a
// multiple of 64, at most maxSmallAlloc). Go's size classes of 4096,
// 8192, 12288, 16384, 20480 and 24576 bytes hold one or two objects per
// span (internal/runtime/gc/sizeclasses.go), so each allocation there
// takes a span from the heap: an 8192-byte buffer cost 1.5-1.8 us on
// the benchmark machine where a 9472-byte one, six to a span, cost
// 1.0-1.3 us. Requests that would land in those classes go to the next
// class instead (at most 38% more memory, on buffers of 3.4 to 27 KB).
func allocClass(r int) int {
	switch {
	case r > 3456 && r <= 4096:
		return 4864
	case r > 6912 && r <= 8192:
		return 9472
	case r > 10880 && r <= 12288:
		return 13568
	case r > 14336 && r <= 16384:
		return 18432
	case r > 19072 && r <= 20480:
		return 21760
	case r > 21760 && r <= 24576:
		return 27264
	}
	return r
}

// sizeOf returns the product of shape, or false when a dimension is
// negative or the product (times itemsize) overflows int.
func sizeOf(shape []int, itemsize int) (int, bool) {
	n := 1
	for _, d := range shape {
		if d < 0 {
			return 0, false
		}
		hi, lo := bits.Mul(uint(n), uint(d))
		if hi != 0 || lo > uint(maxInt) {
			return 0, false
		}
		n = int(lo)
	}
	hi, lo := bits.Mul(uint(n), uint(max(itemsize, 1)))
	if hi != 0 || lo > uint(maxInt) {
		return 0, false
	}
	return n, true
}

const maxInt = int(^uint(0) >> 1)

// cloneBytes returns a new buffer, aligned as alloc's, holding a copy of
// src. A large one is made by make followed directly by copy, which the
// compiler turns into one runtime call (makeslicecopy) that does not
// zero the memory the copy overwrites: for a large array that is a
// whole pass over memory saved.
func cloneBytes(src []byte) []byte {
	n := len(src)
	if n >= hugeBytes {
		// advised before the copy first touches it (a buffer fresh from
		// the OS is not zeroed by make)
		raw := make([]byte, n)
		adviseHuge(raw)
		copy(raw, src)
		if uintptr(unsafe.Pointer(unsafe.SliceData(raw)))&(Alignment-1) == 0 {
			return raw[:n:n]
		}
	} else if n > maxSmallAlloc {
		raw := make([]byte, n)
		copy(raw, src)
		if uintptr(unsafe.Pointer(unsafe.SliceData(raw)))&(Alignment-1) == 0 {
			return raw[:n:n]
		}
	}
	buf := alloc(n)
	copy(buf, src)
	return buf
}

// newCloned returns a new array of type dt and the given (valid) shape,
// laid out in order (C or F), whose buffer is a copy of src: its
// elements in that order.
func newCloned(dt dtype.DType, shape []int, order Order, src []byte) *Array {
	var st [inlineDims]int
	strides := stridesFor(&st, shape, order, dt.Size())
	return newHeader(dt, cloneBytes(src), 0, shape, strides, Writeable|OwnsData)
}

// stridesFor returns the strides of a new array of the given shape laid
// out in order (C unless F), stored in buf when the shape has at most
// inlineDims dimensions.
func stridesFor(buf *[inlineDims]int, shape []int, order Order, itemsize int) []int {
	var strides []int
	if len(shape) > inlineDims {
		strides = make([]int, len(shape))
	} else {
		strides = buf[:len(shape)]
	}
	if order == F {
		fStrides(strides, shape, itemsize)
	} else {
		cStrides(strides, shape, itemsize)
	}
	return strides
}

// newHeader makes an Array header for the given layout, copying shape and
// strides. The caller guarantees the layout lies within data.
func newHeader(dt dtype.DType, data []byte, offset int, shape, strides []int, flags Flags) *Array {
	a := allocHeader(len(shape))
	a.init(dt, data, offset, shape, strides, flags)
	return a
}

// header1 and header4 are an Array header together with the storage of
// the shape and strides of up to one or up to inlineDims dimensions: a
// header costs one allocation, of 96 or 144 bytes.
type header1 struct {
	Array
	dimBuf [2]int
}

type header4 struct {
	Array
	dimBuf [2 * inlineDims]int
}

// allocHeader returns a zero header whose shape and strides have length
// ndim (their elements zero), stored with the header for ndim <=
// inlineDims.
func allocHeader(ndim int) *Array {
	if ndim <= 1 {
		h := new(header1)
		h.setDims(h.dimBuf[:], ndim)
		return &h.Array
	}
	if ndim <= inlineDims {
		h := new(header4)
		h.setDims(h.dimBuf[:], ndim)
		return &h.Array
	}
	a := new(Array)
	a.setDims(make([]int, 2*ndim), ndim)
	return a
}

// setDims points a's shape and strides (length ndim) into dims, which
// holds at least 2*ndim ints and belongs to no other header.
func (a *Array) setDims(dims []int, ndim int) {
	if len(dims) == 0 {
		dims = noDims[:] // a 0-d array's shape is empty, not nil
	}
	a.dims, a.ndim = &dims[:max(2*ndim, 1)][0], ndim
}

// noDims is the dims of 0-d arrays whose header has no storage of its own.
var noDims [1]int

// reset makes a, a header the caller owns (the receiver of an
// Unmarshal method), describe b's elements: b's buffer and string
// storage, and shape and strides in storage of a's own.
func (a *Array) reset(b *Array) {
	a.setDims(make([]int, 2*b.NDim()), b.NDim())
	a.init(b.dtype, b.data, b.offset, b.Shape(), b.Strides(), b.flags)
	a.ext = b.ext
}

// init fills a header whose shape and strides have len(shape) elements
// (allocHeader, newSmall) in place (see newHeader).
func (a *Array) init(dt dtype.DType, data []byte, offset int, shape, strides []int, flags Flags) {
	a.dtype, a.data, a.offset = dt, data, offset
	copy(a.Shape(), shape)
	copy(a.Strides(), strides)
	a.size = 1
	for _, d := range shape {
		a.size *= d
	}
	a.flags = flags&(Writeable|OwnsData) | layoutFlags(a.Shape(), a.Strides(), dt.Size())
}

// initNew fills the header from newSmall, whose data is set, of a new
// array of size elements (at least one) whose strides newArray laid out
// in the given order: init, without its loops, for the commonest case.
func (a *Array) initNew(dt dtype.DType, shape, strides []int, size int, order Order) {
	a.dtype, a.size = dt, size
	copy(a.Shape(), shape)
	copy(a.Strides(), strides)
	// C order is C-contiguous and F order F-contiguous; either is the
	// other too when at most one dimension is longer than 1.
	long := 0
	for _, d := range shape {
		if d != 1 {
			long++
		}
	}
	f := Writeable | OwnsData | CContiguous | FContiguous
	if long > 1 {
		f &^= FContiguous
		if order == F {
			f ^= CContiguous | FContiguous
		}
	}
	a.flags = f
}

// smallBytes is the largest buffer allocated together with its header.
const smallBytes = 128

// The small-array types are a header, its shape and strides, and a small
// buffer in one allocation: creating a small array costs one allocation
// instead of two. The buffer sits 96 bytes (one dimension, at most 32
// bytes), 128 bytes (one or two dimensions) or 192 bytes (up to
// inlineDims) into the object, and the objects are 128, 192, 256 or 320
// bytes long, sizes of the Go allocator's classes whose objects all start
// at multiples of 64 bytes (128 for the class of 128), so the buffer is
// aligned (to 32 bytes in small1x32, to Alignment in the others) with no
// padding. newSmall checks that and falls back to two allocations when an
// allocator places them otherwise. (The padding's length does not
// compile if the header outgrows its place.)
type small1x32 struct {
	Array
	dimBuf [2]int
	_      [96 - 16 - unsafe.Sizeof(Array{})]byte
	buf    [32]byte
}

type small1x64 struct {
	Array
	dimBuf [2]int
	_      [128 - 16 - unsafe.Sizeof(Array{})]byte
	buf    [64]byte
}

type small1x128 struct {
	Array
	dimBuf [2]int
	_      [128 - 16 - unsafe.Sizeof(Array{})]byte
	buf    [smallBytes]byte
}

type small2x64 struct {
	Array
	dimBuf [4]int
	_      [128 - 32 - unsafe.Sizeof(Array{})]byte
	buf    [64]byte
}

type small2x128 struct {
	Array
	dimBuf [4]int
	_      [128 - 32 - unsafe.Sizeof(Array{})]byte
	buf    [smallBytes]byte
}

type small4x64 struct {
	Array
	dimBuf [2 * inlineDims]int
	_      [192 - 16*inlineDims - unsafe.Sizeof(Array{})]byte
	buf    [64]byte
}

type small4x128 struct {
	Array
	dimBuf [2 * inlineDims]int
	_      [192 - 16*inlineDims - unsafe.Sizeof(Array{})]byte
	buf    [smallBytes]byte
}

// newSmall returns a header with shape and strides of length ndim and
// an nb-byte zeroed buffer (0 < nb <= smallBytes), which is also the
// header's data, in one allocation when it can be aligned and ndim <=
// inlineDims.
func newSmall(nb, ndim int) (*Array, []byte) {
	var a *Array
	var dims []int
	var buf []byte
	align := uintptr(Alignment)
	switch {
	case ndim <= 1 && nb <= smallAlignment:
		sa := new(small1x32)
		a, dims, buf = &sa.Array, sa.dimBuf[:], sa.buf[:nb:nb]
		align = smallAlignment
	case ndim <= 1 && nb <= 64:
		sa := new(small1x64)
		a, dims, buf = &sa.Array, sa.dimBuf[:], sa.buf[:nb:nb]
	case ndim <= 1:
		sa := new(small1x128)
		a, dims, buf = &sa.Array, sa.dimBuf[:], sa.buf[:nb:nb]
	case ndim == 2 && nb <= 64:
		sa := new(small2x64)
		a, dims, buf = &sa.Array, sa.dimBuf[:], sa.buf[:nb:nb]
	case ndim == 2:
		sa := new(small2x128)
		a, dims, buf = &sa.Array, sa.dimBuf[:], sa.buf[:nb:nb]
	case nb <= 64:
		sa := new(small4x64)
		a, dims, buf = &sa.Array, sa.dimBuf[:], sa.buf[:nb:nb]
	default:
		sa := new(small4x128)
		a, dims, buf = &sa.Array, sa.dimBuf[:], sa.buf[:nb:nb]
	}
	if uintptr(unsafe.Pointer(unsafe.SliceData(buf)))&(align-1) != 0 {
		a, buf = allocHeader(ndim), alloc(nb)
		a.data = buf
		return a, buf
	}
	if ndim > inlineDims {
		a.setDims(make([]int, 2*ndim), ndim)
	} else {
		setSelfDims(a, &dims[0], ndim)
	}
	setSelf(&a.data, buf)
	return a, buf
}

// setSelf stores s in *dst, both within one object the caller has just
// allocated, without a write barrier. The barrier exists so that the
// collector cannot miss an object whose only pointer moves into one it
// has already scanned; a pointer from an object into itself can never be
// the only path to anything, so there is nothing for it to record. While
// the collector runs, the barriers of a small array's three such
// pointers would cost more than the rest of setting it up.
func setSelf[T any](dst *[]T, s []T) {
	*(*rawSlice)(unsafe.Pointer(dst)) = rawSlice{uintptr(unsafe.Pointer(unsafe.SliceData(s))), len(s), cap(s)}
}

// setSelfDims is setSelf for a's dims: storage for 2*ndim ints in the
// allocation of a itself (ndim > 0 unless a is 0-d).
func setSelfDims(a *Array, dims *int, ndim int) {
	*(*uintptr)(unsafe.Pointer(&a.dims)) = uintptr(unsafe.Pointer(dims))
	a.ndim = ndim
}

// rawSlice is a slice header as the compiler lays it out, with the
// pointer as a plain integer.
type rawSlice struct {
	data     uintptr
	len, cap int
}

// layoutFlags computes C and F contiguity as NumPy does: dimensions of
// length 1 may have any stride, and an empty array is both.
func layoutFlags(shape, strides []int, itemsize int) Flags {
	for _, d := range shape {
		if d == 0 {
			return CContiguous | FContiguous
		}
	}
	var f Flags
	s := itemsize
	c := true
	for i := len(shape) - 1; i >= 0; i-- {
		if shape[i] != 1 {
			if strides[i] != s {
				c = false
				break
			}
			s *= shape[i]
		}
	}
	if c {
		f |= CContiguous
	}
	s = itemsize
	ff := true
	for i := range shape {
		if shape[i] != 1 {
			if strides[i] != s {
				ff = false
				break
			}
			s *= shape[i]
		}
	}
	if ff {
		f |= FContiguous
	}
	return f
}

// cStrides fills strides for a C-ordered (row-major) layout.
func cStrides(strides, shape []int, itemsize int) {
	s := itemsize
	for i := len(shape) - 1; i >= 0; i-- {
		strides[i] = s
		s *= max(shape[i], 1)
	}
}

// fStrides fills strides for an F-ordered (column-major) layout.
func fStrides(strides, shape []int, itemsize int) {
	s := itemsize
	for i := range shape {
		strides[i] = s
		s *= max(shape[i], 1)
	}
}

// Order is a memory layout for new arrays: C (row-major) or F
// (column-major).
type Order uint8

// The orders.
const (
	C Order = iota // row-major: the last index varies fastest
	F              // column-major: the first index varies fastest
)

// String returns "C" or "F".
func (o Order) String() string {
	if o == F {
		return "F"
	}
	return "C"
}

// newArray allocates a zeroed array of the given type, shape and order.
func newArray(dt dtype.DType, shape []int, order Order) (*Array, error) {
	return newArrayAlloc(dt, shape, order, alloc)
}

// newArrayWritten is newArray for an array whose caller writes every
// element before anything reads it: the buffer of a plain type (see
// plainBits) is not zeroed.
func newArrayWritten(dt dtype.DType, shape []int, order Order) (*Array, error) {
	if plainBits(dt) {
		return newArrayAlloc(dt, shape, order, allocUninit)
	}
	return newArray(dt, shape, order)
}

// newArrayAlloc is newArray with the buffer, when it is not allocated
// with the header, from allocate (alloc or allocUninit).
func newArrayAlloc(dt dtype.DType, shape []int, order Order, allocate func(int) []byte) (*Array, error) {
	if !dt.IsValid() {
		return nil, &ValueError{Op: "new array", Msg: "invalid dtype"}
	}
	// The commonest new arrays, small, of a numeric type and in C order
	// (or of at most one dimension), are set up with a few stores.
	if order != F || len(shape) <= 1 {
		if a := newSmallNumeric(dt, shape); a != nil {
			return a, nil
		}
	}
	n, ok := sizeOf(shape, dt.Size())
	if !ok {
		return nil, &ShapeError{Op: "new array", Msg: "invalid shape " + FormatShape(shape) + ": dimensions must be non-negative and their product must fit in int"}
	}
	var st [inlineDims]int
	strides := stridesFor(&st, shape, order, dt.Size())
	nb := n * dt.Size()
	if nb > 0 && nb <= smallBytes {
		a, buf := newSmall(nb, len(shape))
		if !holdsStrings(dt) {
			a.initNew(dt, shape, strides, n, order)
			return a, nil
		}
		a.init(dt, buf, 0, shape, strides, Writeable|OwnsData)
		a.ext = newExtension(dt)
		return a, nil
	}
	a := newHeader(dt, allocate(nb), 0, shape, strides, Writeable|OwnsData)
	a.ext = newExtension(dt)
	return a, nil
}

// newSmallNumeric returns a new C-ordered array of numeric type dt and
// the given shape (at most inlineDims dimensions) when its buffer is
// small (at most smallBytes, not empty), and nil otherwise: the header
// initNew fills, without its general loops.
func newSmallNumeric(dt dtype.DType, shape []int) *Array {
	if k := dt.Kind(); k < dtype.KindBool || k > dtype.KindComplex || len(shape) > inlineDims {
		return nil
	}
	sz := dt.Size()
	switch len(shape) {
	case 0:
		if a := newSmallVector(dt, sz, 1, 0); a != nil {
			return a
		}
	case 1:
		if a := newSmallVector(dt, sz, shape[0], 1); a != nil {
			return a
		}
	}
	n, long := 1, 0
	for _, d := range shape {
		if d <= 0 || d > smallBytes {
			return nil
		}
		n *= d
		if n*sz > smallBytes {
			return nil
		}
		if d != 1 {
			long++
		}
	}
	a, _ := newSmall(n*sz, len(shape))
	s := sz
	for i := len(shape) - 1; i >= 0; i-- {
		a.Shape()[i], a.Strides()[i] = shape[i], s
		s *= shape[i]
	}
	a.dtype, a.size = dt, n
	a.flags = Writeable | OwnsData | CContiguous
	if long <= 1 {
		a.flags |= FContiguous
	}
	return a
}

// newSmallVector is newSmallNumeric for the commonest shapes, one
// dimension (ndim 1) of n elements of sz bytes, at most 64 bytes in all,
// or a single element (ndim 0, n 1): the header, its dims and its
// buffer set up in one allocation with a few stores. It returns nil for
// other lengths, and when the allocator did not align the buffer.
func newSmallVector(dt dtype.DType, sz, n, ndim int) *Array {
	nb := n * sz
	if n <= 0 || n > 64 || nb > 64 {
		return nil
	}
	var a *Array
	var dims *[2]int
	var buf []byte
	align := uintptr(Alignment)
	if nb <= smallAlignment {
		sa := new(small1x32)
		a, dims, buf, align = &sa.Array, &sa.dimBuf, sa.buf[:nb:nb], smallAlignment
	} else {
		sa := new(small1x64)
		a, dims, buf = &sa.Array, &sa.dimBuf, sa.buf[:nb:nb]
	}
	if uintptr(unsafe.Pointer(unsafe.SliceData(buf)))&(align-1) != 0 {
		return nil
	}
	*dims = [2]int{n, sz}
	setSelfDims(a, &dims[0], ndim)
	setSelf(&a.data, buf)
	setBuiltinDType(a, dt)
	a.size = n
	a.flags = Writeable | OwnsData | CContiguous | FContiguous
	return a
}

// setBuiltinDType stores dt in the dtype of a, a header just allocated,
// without a write barrier when dt is built in (its Num is not NumUser;
// others are stored as usual). A built-in DType points into the dtype
// package's static tables (see dtype's natives and
// TestBuiltinDTypesAreStatic), which the collector never frees, and the
// fresh field held nothing: the barrier would have nothing to record.
func setBuiltinDType(a *Array, dt dtype.DType) {
	if dt.Num() == dtype.NumUser {
		a.dtype = dt
		return
	}
	*(*uintptr)(unsafe.Pointer(&a.dtype)) = *(*uintptr)(unsafe.Pointer(&dt))
}

// A DType is one pointer, which setBuiltinDType copies as such.
var _ [unsafe.Sizeof(dtype.DType{}) - unsafe.Sizeof(uintptr(0))]struct{}
var _ [unsafe.Sizeof(uintptr(0)) - unsafe.Sizeof(dtype.DType{})]struct{}

// viewBounds reports whether every element of the layout lies inside a
// buffer of n bytes. It is what makes every stride walk safe.
func viewBounds(n, offset int, shape, strides []int, itemsize int) bool {
	lo, hi := offset, offset
	for i, d := range shape {
		if d == 0 {
			return offset >= 0 && offset <= n
		}
		ext := (d - 1) * strides[i]
		if strides[i] < 0 {
			lo += ext
		} else {
			hi += ext
		}
	}
	return lo >= 0 && hi+itemsize <= n
}

// view returns a header sharing a's buffer with a new layout.
func (a *Array) view(offset int, shape, strides []int) *Array {
	v := newHeader(a.dtype, a.data, offset, shape, strides, a.flags&Writeable)
	v.ext = a.ext
	return v
}

// DType returns the element type.
func (a *Array) DType() dtype.DType { return a.dtype }

// Shape returns the length of each dimension. The slice belongs to the
// array and must not be modified.
func (a *Array) Shape() []int { return intSlice(unsafe.Pointer(a.dims), a.ndim) }

// Strides returns the byte step of each dimension. The slice belongs to
// the array and must not be modified.
func (a *Array) Strides() []int {
	return intSlice(unsafe.Add(unsafe.Pointer(a.dims), a.ndim*intSize), a.ndim)
}

// intSlice is unsafe.Slice((*int)(p), n) without its checks, which
// setDims makes needless (Shape and Strides are called everywhere, the
// small calls' fast paths included).
func intSlice(p unsafe.Pointer, n int) []int {
	return *(*[]int)(unsafe.Pointer(&sliceOf{p, n, n}))
}

// sliceOf is a slice header as the compiler lays it out, with its
// pointer as a pointer the collector sees (rawSlice, for setSelf, holds
// it as an integer).
type sliceOf struct {
	data     unsafe.Pointer
	len, cap int
}

// intSize is the size of an int in bytes.
const intSize = int(unsafe.Sizeof(int(0)))

// NDim returns the number of dimensions.
func (a *Array) NDim() int { return a.ndim }

// Size returns the number of elements.
func (a *Array) Size() int { return a.size }

// Len returns the length of the first dimension (0 for a 0-d array), as
// Python's len.
func (a *Array) Len() int {
	if a.NDim() == 0 {
		return 0
	}
	return a.Shape()[0]
}

// ItemSize returns the size of one element in bytes.
func (a *Array) ItemSize() int { return a.dtype.Size() }

// NBytes returns the number of bytes the elements take (Size × ItemSize).
func (a *Array) NBytes() int { return a.size * a.dtype.Size() }

// Offset returns the byte offset of the first element in the buffer.
func (a *Array) Offset() int { return a.offset }

// Flags returns the layout and permission flags.
func (a *Array) Flags() Flags { return a.flags }

// IsCContiguous reports whether the elements are laid out in row-major
// order without gaps.
func (a *Array) IsCContiguous() bool { return a.flags&CContiguous != 0 }

// IsFContiguous reports whether the elements are laid out in column-major
// order without gaps.
func (a *Array) IsFContiguous() bool { return a.flags&FContiguous != 0 }

// IsWriteable reports whether elements may be written.
func (a *Array) IsWriteable() bool { return a.flags&Writeable != 0 }

// OwnsData reports whether the array allocated its buffer itself (it is
// not a view of another array).
func (a *Array) OwnsData() bool { return a.flags&OwnsData != 0 }

// ReadOnly returns a view of a whose elements cannot be written.
func (a *Array) ReadOnly() *Array {
	v := newHeader(a.dtype, a.data, a.offset, a.Shape(), a.Strides(), 0)
	v.ext = a.ext
	return v
}

// Buffer returns the whole buffer the array's elements live in, shared
// with every view of it; the first element is at Offset. It is meant for
// kernels and I/O that work on raw memory.
func (a *Array) Buffer() []byte { return a.data }

// Bytes returns the elements' bytes when the array is C-contiguous (nil
// otherwise). The slice aliases the array.
func (a *Array) Bytes() []byte {
	if !a.IsCContiguous() {
		return nil
	}
	n := a.NBytes()
	return a.data[a.offset : a.offset+n : a.offset+n]
}

// FromBuffer makes an array over existing memory: data holds the elements
// with the first at offset, laid out by shape and byte strides (nil strides
// mean C order). The array shares data; it fails with a *ShapeError when
// the layout reaches outside data.
func FromBuffer(dt dtype.DType, data []byte, offset int, shape, strides []int) (*Array, error) {
	if !dt.IsValid() {
		return nil, &ValueError{Op: "from buffer", Msg: "invalid dtype"}
	}
	if _, ok := sizeOf(shape, dt.Size()); !ok {
		return nil, &ShapeError{Op: "from buffer", Msg: "invalid shape " + FormatShape(shape)}
	}
	if strides == nil {
		strides = make([]int, len(shape))
		cStrides(strides, shape, dt.Size())
	}
	if len(strides) != len(shape) {
		return nil, &ShapeError{Op: "from buffer", Msg: "strides and shape have different lengths"}
	}
	if !viewBounds(len(data), offset, shape, strides, dt.Size()) {
		return nil, &ShapeError{Op: "from buffer", Msg: "the layout reaches outside the buffer"}
	}
	return newHeader(dt, data, offset, shape, strides, Writeable), nil
}

// ptr returns a pointer to the byte at offset off of the buffer. The
// caller guarantees off is inside it (every view was checked on creation).
func (a *Array) ptr(off int) unsafe.Pointer {
	return unsafe.Add(unsafe.Pointer(unsafe.SliceData(a.data)), off)
}

// base returns a pointer to the first element (or nil for an empty buffer).
func (a *Array) base() unsafe.Pointer {
	if len(a.data) == 0 {
		return nil
	}
	return a.ptr(a.offset)
}
