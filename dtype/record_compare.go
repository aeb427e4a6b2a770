package dtype

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math"
	"unsafe"

	"github.com/x448/float16"
)

// Comparer compares two elements of one type, given by pointers to their
// first bytes (which need not be aligned): negative when a sorts before b,
// zero when they are equal in the order, positive when a sorts after b.
type Comparer = func(a, b unsafe.Pointer) int

// Equaler reports whether two elements of one type, given by pointers to
// their first bytes, are equal.
type Equaler = func(a, b unsafe.Pointer) bool

// GetComparer returns NumPy's order of the elements of d, the one np.sort
// uses (and its record comparison, VOID_compare): numbers ascending with
// NaN after everything (NaNs equal to each other) and -0.0 equal to 0.0,
// false before true, complex numbers by real then imaginary part with
// NaNs last, strings by code point (bytes by unsigned byte) after NUL
// padding, dates and durations by tick with NaT last, records field by
// field in their order (a sub-array element by element), plain voids
// byte by byte. Elements may be in either byte order. Types without an
// order (options, categoricals, user-defined types) are a *ValueError.
func GetComparer(d DType) (Comparer, error) {
	size := d.Size()
	swap := d.ByteOrder() != NotApplicable && !d.IsNative()
	switch d.Kind() {
	case KindBool:
		return func(a, b unsafe.Pointer) int {
			return recBoolCmp(*(*byte)(a) != 0, *(*byte)(b) != 0)
		}, nil
	case KindInt, KindDatetime, KindTimedelta:
		nat := d.Kind() != KindInt
		return func(a, b unsafe.Pointer) int {
			x, y := recLoadInt(a, size, swap), recLoadInt(b, size, swap)
			if nat && (x == math.MinInt64 || y == math.MinInt64) {
				// NaT sorts last
				return recBoolCmp(x == math.MinInt64, y == math.MinInt64)
			}
			return cmp.Compare(x, y)
		}, nil
	case KindUint:
		return func(a, b unsafe.Pointer) int {
			return cmp.Compare(recLoadUint(a, size, swap), recLoadUint(b, size, swap))
		}, nil
	case KindFloat:
		return func(a, b unsafe.Pointer) int {
			return recCmpFloat(recLoadFloat(a, size, swap), recLoadFloat(b, size, swap))
		}, nil
	case KindComplex:
		h := size / 2
		return func(a, b unsafe.Pointer) int {
			x := complex(recLoadFloat(a, h, swap), recLoadFloat(unsafe.Add(a, h), h, swap))
			y := complex(recLoadFloat(b, h, swap), recLoadFloat(unsafe.Add(b, h), h, swap))
			switch {
			case ComplexLess(x, y):
				return -1
			case ComplexLess(y, x):
				return 1
			}
			return 0
		}, nil
	case KindBytes:
		return func(a, b unsafe.Pointer) int {
			return bytes.Compare(recElemBytes(a, size), recElemBytes(b, size))
		}, nil
	case KindUnicode:
		n := size / 4
		return func(a, b unsafe.Pointer) int {
			for i := range n {
				x := uint32(recLoadUint(unsafe.Add(a, 4*i), 4, swap))
				y := uint32(recLoadUint(unsafe.Add(b, 4*i), 4, swap))
				if x != y {
					return cmp.Compare(x, y)
				}
			}
			return 0
		}, nil
	case KindRecord:
		if !d.HasFields() {
			return func(a, b unsafe.Pointer) int {
				return bytes.Compare(recElemBytes(a, size), recElemBytes(b, size))
			}, nil
		}
		return recordFunc(d, GetComparer, 0)
	}
	return nil, &ValueError{Msg: "elements of type " + d.String() + " have no order"}
}

// GetEqual returns the equality of NumPy's == for two elements of d:
// numbers by value (NaN unequal to everything, itself included; -0.0
// equal to 0.0), strings and bytes after NUL padding, dates and
// durations by tick with NaT unequal to everything, records when every
// field and every element of every sub-array field is equal, plain voids
// byte by byte. Types without an equality here are a *ValueError.
func GetEqual(d DType) (Equaler, error) {
	size := d.Size()
	swap := d.ByteOrder() != NotApplicable && !d.IsNative()
	switch d.Kind() {
	case KindBool:
		return func(a, b unsafe.Pointer) bool { return (*(*byte)(a) != 0) == (*(*byte)(b) != 0) }, nil
	case KindInt, KindUint, KindBytes, KindUnicode:
		return func(a, b unsafe.Pointer) bool { return bytes.Equal(recElemBytes(a, size), recElemBytes(b, size)) }, nil
	case KindDatetime, KindTimedelta:
		return func(a, b unsafe.Pointer) bool {
			x := recLoadInt(a, size, swap)
			return x != math.MinInt64 && x == recLoadInt(b, size, swap)
		}, nil
	case KindFloat:
		return func(a, b unsafe.Pointer) bool { return recLoadFloat(a, size, swap) == recLoadFloat(b, size, swap) }, nil
	case KindComplex:
		h := size / 2
		return func(a, b unsafe.Pointer) bool {
			return recLoadFloat(a, h, swap) == recLoadFloat(b, h, swap) &&
				recLoadFloat(unsafe.Add(a, h), h, swap) == recLoadFloat(unsafe.Add(b, h), h, swap)
		}, nil
	case KindRecord:
		if !d.HasFields() {
			return func(a, b unsafe.Pointer) bool { return bytes.Equal(recElemBytes(a, size), recElemBytes(b, size)) }, nil
		}
		return recordFunc(d, GetEqual, true)
	}
	return nil, &ValueError{Msg: "elements of type " + d.String() + " have no equality"}
}

// recordFunc builds GetComparer's or GetEqual's function for the record
// type d from the functions get returns for its fields' types: it applies
// them field by field in order, element by element within a sub-array
// field, and returns the first result other than same (the result of
// equal elements), or same.
func recordFunc[R comparable](d DType, get func(DType) (func(a, b unsafe.Pointer) R, error), same R) (func(a, b unsafe.Pointer) R, error) {
	type part struct {
		off, step, count int
		fn               func(a, b unsafe.Pointer) R
	}
	parts := make([]part, 0, d.NumFields())
	for _, f := range d.t.rec.fields {
		fn, err := get(f.Type)
		if err != nil {
			return nil, err
		}
		parts = append(parts, part{off: f.Offset, step: f.Type.Size(), count: recElems(f.Shape), fn: fn})
	}
	return func(a, b unsafe.Pointer) R {
		for _, p := range parts {
			for k := range p.count {
				o := p.off + k*p.step
				if r := p.fn(unsafe.Add(a, o), unsafe.Add(b, o)); r != same {
					return r
				}
			}
		}
		return same
	}, nil
}

// recElemBytes views the n bytes of an element.
func recElemBytes(p unsafe.Pointer, n int) []byte {
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(p), n)
}

// recLoadUint reads an unsigned integer of size bytes (1, 2, 4, 8), swapping
// its bytes when swap is set.
func recLoadUint(p unsafe.Pointer, size int, swap bool) uint64 {
	b := recElemBytes(p, size)
	var v uint64
	switch size {
	case 1:
		return uint64(b[0])
	case 2:
		v = uint64(binary.NativeEndian.Uint16(b))
		if swap {
			v = uint64(uint16(v)>>8 | uint16(v)<<8)
		}
	case 4:
		x := binary.NativeEndian.Uint32(b)
		if swap {
			x = x>>24 | x>>8&0xff00 | x<<8&0xff0000 | x<<24
		}
		v = uint64(x)
	case 8:
		v = binary.NativeEndian.Uint64(b)
		if swap {
			var s [8]byte
			binary.BigEndian.PutUint64(s[:], v)
			v = binary.LittleEndian.Uint64(s[:])
		}
	}
	return v
}

// recLoadInt reads a signed integer of size bytes, sign-extended.
func recLoadInt(p unsafe.Pointer, size int, swap bool) int64 {
	v := recLoadUint(p, size, swap)
	shift := 64 - 8*uint(size)
	return int64(v<<shift) >> shift
}

// recLoadFloat reads a float of size bytes (2, 4, 8) exactly as a float64.
func recLoadFloat(p unsafe.Pointer, size int, swap bool) float64 {
	v := recLoadUint(p, size, swap)
	switch size {
	case 2:
		return float64(float16.Frombits(uint16(v)).Float32())
	case 4:
		return float64(math.Float32frombits(uint32(v)))
	}
	return math.Float64frombits(v)
}

// recBoolCmp orders false before true.
func recBoolCmp(x, y bool) int {
	switch {
	case x == y:
		return 0
	case y:
		return -1
	}
	return 1
}

// recCmpFloat orders floats with NaN after everything, NaNs equal.
func recCmpFloat(x, y float64) int {
	if xn, yn := x != x, y != y; xn || yn {
		return recBoolCmp(xn, yn)
	}
	return cmp.Compare(x, y)
}

// ComplexLess reports whether a sorts before b in NumPy's order of
// complex numbers: by real part, then by imaginary part, those holding a
// NaN last in the order [R+Rj, R+nanj, nan+Rj, nan+nanj].
func ComplexLess(a, b complex128) bool {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	switch {
	case ar < br:
		return ai == ai || bi != bi
	case ar > br:
		return bi != bi && ai == ai
	case ar == br || (ar != ar && br != br):
		return ai < bi || (bi != bi && ai == ai)
	}
	return br != br
}
