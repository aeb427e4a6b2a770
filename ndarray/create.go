package ndarray

import (
	"fmt"
	"math"
	"reflect"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/strided"
	"github.com/x448/float16"
)

// Ones returns a new C-ordered array of the given type and shape filled
// with ones (true for bool).
func Ones(dt dtype.DType, shape ...int) (*Array, error) {
	dt = creationType(dt)
	a, err := newArrayWritten(dt, shape, C) // filled below
	if err != nil {
		return nil, err
	}
	if k := dt.Kind(); k == dtype.KindUnicode || k == dtype.KindBytes || k == dtype.KindString {
		// text arrays of ones hold "1", as NumPy's np.ones(3, dtype="U")
		if err := a.Fill(1); err != nil {
			return nil, err
		}
		return a, nil
	}
	one, err := onePattern(dt)
	if err != nil {
		return nil, err
	}
	a.fillPattern(one)
	return a, nil
}

// nativeOnes holds the element 1 of each built-in type in native order.
var nativeOnes = func() (ones [dtype.NumBuiltin][2]uint64) {
	src := unsafe.Pointer(&[1]uint8{1})
	for i, dt := range dtype.Builtins() {
		mustCast(dtype.Uint8, dt)(unsafe.Pointer(&ones[i]), 0, src, 0, 1)
	}
	return ones
}()

// onePattern returns the element 1 of type dt in dt's byte order.
func onePattern(dt dtype.DType) ([2]uint64, error) {
	n := dt.Num()
	if !dt.IsValid() || n == dtype.NumUser {
		return [2]uint64{}, &dtype.CastError{From: dtype.Uint8, To: dt, Casting: dtype.Unsafe}
	}
	p := nativeOnes[n]
	if !dt.IsNative() {
		dtype.SwapBytes(unsafe.Slice((*byte)(unsafe.Pointer(&p)), dt.Size()), dt)
	}
	return p, nil
}

// Full returns a new C-ordered array of the given type and shape with
// every element set to value, a Go scalar or string (see Fill for the
// types allowed and how the value is converted). As in Zeros, Unicode(0)
// and Bytes(0) give arrays of width 1 (NumPy's np.full(3, "abc",
// dtype="U") holds "a").
func Full(dt dtype.DType, value any, shape ...int) (*Array, error) {
	dt = creationType(dt)
	if !fillable(dt, value) {
		return nil, unsupportedValue("full", value)
	}
	a, err := newArrayWritten(dt, shape, C) // filled below
	if err != nil {
		return nil, err
	}
	if err := a.Fill(value); err != nil {
		return nil, err
	}
	return a, nil
}

// Fill sets every element of a to value, which must be a Go scalar: a
// bool, any integer type, float16.Float16, float32, float64, complex64 or
// complex128, or a string for a text array. The value is converted to
// a's type once, with the value semantics of dtype.GetCast from the
// value's own type (NumPy's unsafe casting: integers wrap, so Fill(300)
// on an int8 array stores 44; floats truncate toward zero when stored in
// integers; complex numbers keep their real part in real arrays; a number
// in a text array is its text, truncated to a fixed width). A string is
// stored in a text array (U, S, String, categorical) as SetString stores
// it; text the type cannot hold is a *dtype.ValueError. Fill works on any
// view; a read-only array is a *ValueError, and so is a value of another
// type (a string for an array that does not hold text).
func (a *Array) Fill(value any) error {
	if !a.IsWriteable() {
		return &ValueError{Op: "fill", Msg: "assignment destination is read-only"}
	}
	if s, ok := value.(string); ok && isText(a.dtype) {
		return a.fillText(s)
	}
	from, src, ok := scalarBits(value)
	if !ok {
		return unsupportedValue("fill", value)
	}
	if a.dtype.Size() > len(src)*8 || needsTextCopy(a.dtype, from) {
		// an element larger than the pattern, or one that needs an arena
		// or a category list: convert through a 0-d array
		s, err := newArray(from, nil, C)
		if err != nil {
			return err
		}
		copy(s.data, unsafe.Slice((*byte)(unsafe.Pointer(&src)), from.Size()))
		return a.fillFrom(s)
	}
	pat := src
	if from != a.dtype {
		loop, err := dtype.GetCast(from, a.dtype)
		if err != nil {
			return err
		}
		// The loop is a func value, so what it is handed escapes: these
		// two small words are Fill's only allocations.
		s, d := new([2]uint64), new([2]uint64)
		*s = src
		loop(unsafe.Pointer(d), 0, unsafe.Pointer(s), 0, 1)
		pat = *d
	}
	a.fillPattern(pat)
	return nil
}

// fillPattern writes the element whose bytes (in a's type and byte order)
// begin pat into every element of a.
func (a *Array) fillPattern(pat [2]uint64) {
	if a.size == 0 {
		return
	}
	size := a.dtype.Size()
	if a.flags&(CContiguous|FContiguous) != 0 {
		// One block of memory: place the element once, then double the
		// filled prefix until the block is full.
		buf := a.data[a.offset : a.offset+a.NBytes()]
		n := copy(buf, unsafe.Slice((*byte)(unsafe.Pointer(&pat)), size))
		for n < len(buf) {
			n += copy(buf[n:], buf[:n])
		}
		return
	}
	var zbuf [inlineDims]int
	zeros := zbuf[:0]
	if a.NDim() <= inlineDims {
		zeros = zbuf[:a.NDim()]
	} else {
		zeros = make([]int, a.NDim())
	}
	// The source operand is unused: each run stores the element itself.
	strided.Loop2(a.Shape(), a.base(), a.Strides(), a.base(), zeros, storeRun(size, pat))
}

// storeRun returns an inner loop storing the element whose bytes begin
// pat into n strided destinations (its source operand is ignored).
func storeRun(size int, pat [2]uint64) strided.Inner2 {
	p := unsafe.Pointer(&pat)
	switch size {
	case 1:
		return storeEach(*(*uint8)(p))
	case 2:
		return storeEach(*(*uint16)(p))
	case 4:
		return storeEach(*(*uint32)(p))
	case 8:
		return storeEach(*(*uint64)(p))
	}
	return storeEach(pat)
}

func storeEach[T uint8 | uint16 | uint32 | uint64 | [2]uint64](v T) strided.Inner2 {
	return func(dst unsafe.Pointer, ds int, _ unsafe.Pointer, _ int, n int) {
		for i := range n {
			*(*T)(unsafe.Add(dst, i*ds)) = v
		}
	}
}

// scalarBits returns the element type of a Go scalar and its bytes, or
// false when value is not a supported scalar.
func scalarBits(value any) (dtype.DType, [2]uint64, bool) {
	switch v := value.(type) {
	case bool:
		return bitsOf(v)
	case int:
		return bitsOf(v)
	case int8:
		return bitsOf(v)
	case int16:
		return bitsOf(v)
	case int32:
		return bitsOf(v)
	case int64:
		return bitsOf(v)
	case uint:
		return bitsOf(v)
	case uint8:
		return bitsOf(v)
	case uint16:
		return bitsOf(v)
	case uint32:
		return bitsOf(v)
	case uint64:
		return bitsOf(v)
	case float16.Float16:
		return bitsOf(v)
	case float32:
		return bitsOf(v)
	case float64:
		return bitsOf(v)
	case complex64:
		return bitsOf(v)
	case complex128:
		return bitsOf(v)
	}
	return dtype.DType{}, [2]uint64{}, false
}

func bitsOf[T dtype.Element](v T) (dtype.DType, [2]uint64, bool) {
	var b [2]uint64
	*(*T)(unsafe.Pointer(&b)) = v
	return dtype.Of[T](), b, true
}

// fillable reports whether Fill takes value for an array of type dt: a
// Go scalar, or a string for a text type.
func fillable(dt dtype.DType, value any) bool {
	if _, ok := value.(string); ok {
		return isText(dt)
	}
	_, _, ok := scalarBits(value)
	return ok
}

func unsupportedValue(op string, value any) error {
	return &ValueError{Op: op, Msg: fmt.Sprintf("unsupported value of type %T: expected a bool, integer, float16.Float16, float, complex or string Go value", value)}
}

// likeOrder is the memory order of arrays made like a: F when a is
// F-contiguous but not C-contiguous, C otherwise (NumPy's order='K' for
// the layouts where it is unambiguous).
func likeOrder(a *Array) Order {
	if a.IsFContiguous() && !a.IsCContiguous() {
		return F
	}
	return C
}

// EmptyLike returns a new array with a's shape and element type (in
// native byte order), laid out in F order when a is F-contiguous but not
// C-contiguous and in C order otherwise. Its elements are zero.
func EmptyLike(a *Array) *Array {
	out, err := newArray(a.dtype.Native(), a.Shape(), likeOrder(a))
	if err != nil {
		panic(err) // a's type and shape are valid already
	}
	return out
}

// ZerosLike returns a new array of zeros laid out as EmptyLike's.
func ZerosLike(a *Array) *Array { return EmptyLike(a) }

// OnesLike returns a new array of ones laid out as EmptyLike's.
func OnesLike(a *Array) *Array {
	out := EmptyLike(a)
	one, err := onePattern(out.dtype)
	if err != nil {
		panic(err) // a's type is a built-in one
	}
	out.fillPattern(one)
	return out
}

// FullLike returns a new array laid out as EmptyLike's with every element
// set to value (see Fill).
func FullLike(a *Array, value any) (*Array, error) {
	if !fillable(a.dtype, value) {
		return nil, unsupportedValue("full_like", value)
	}
	out := EmptyLike(a)
	if err := out.Fill(value); err != nil {
		return nil, err
	}
	return out, nil
}

// ArangeN returns the 1-d array 0, 1, …, n-1 of type dt (empty when n <=
// 0), as NumPy's arange(n, dtype=dt).
func ArangeN(dt dtype.DType, n int) (*Array, error) {
	return makeArange(dt, max(n, 0), 0, 1)
}

// Arange returns evenly spaced values in the half-open interval
// [start, stop) as a 1-d array of type dt, with NumPy's arange
// semantics: the length is ceil((stop-start)/step) (empty when that is not
// positive); the first two elements are start and start+step converted
// to dt, and element i is first + i*(second-first) computed in dt's own
// arithmetic. So np.arange(0, 1, 0.1) has 10 elements, and an integer
// arange with a fractional step steps by the difference of the first two
// truncated values, as NumPy's does. For integer types with integral
// start and step the first two values are computed exactly in 64-bit
// integers, so large values do not suffer float rounding.
//
// A zero step or a NaN or infinite length is a *ValueError; so is a bool
// result longer than 2 elements, which NumPy refuses too.
func Arange(dt dtype.DType, start, stop, step float64) (*Array, error) {
	if step == 0 {
		return nil, &ValueError{Op: "arange", Msg: "step must be non-zero"}
	}
	delta := stop - start
	q := delta / step
	var n int
	if q == 0 && delta != 0 {
		// The quotient underflowed (or step is infinite): one element if
		// the direction is right, none otherwise.
		if !math.Signbit(q) {
			n = 1
		}
	} else {
		c := math.Ceil(q)
		switch {
		case math.IsNaN(c):
			return nil, &ValueError{Op: "arange", Msg: fmt.Sprintf("cannot compute length from start %v, stop %v and step %v", start, stop, step)}
		case c >= 1<<63:
			return nil, &ValueError{Op: "arange", Msg: fmt.Sprintf("length %v from start %v, stop %v and step %v exceeds the maximum array size", c, start, stop, step)}
		case c > 0:
			n = int(c)
		}
	}
	return makeArange(dt, n, start, step)
}

// makeArange makes the n-element arange of type dt.
func makeArange(dt dtype.DType, n int, start, step float64) (*Array, error) {
	if !dt.IsValid() || dt.Num() == dtype.NumUser {
		return nil, &ValueError{Op: "arange", Msg: "arange needs a built-in numeric dtype, got " + dt.String()}
	}
	nt := dt.Native()
	if nt == dtype.Bool && n > 2 {
		return nil, &ValueError{Op: "arange", Msg: fmt.Sprintf("arange is only supported for booleans when the result has at most length 2, not %d", n)}
	}
	a, err := newArrayWritten(nt, []int{n}, C) // filled below
	if err != nil {
		return nil, err
	}
	if n > 0 {
		m := min(n, 2)
		size := nt.Size()
		if k := nt.Kind(); (k == dtype.KindInt || k == dtype.KindUint) && isIntegral(start, 1<<64) && isIntegral(step, 1<<63) {
			// Exact in 64-bit two's complement; the cast to dt wraps.
			first := wrapUint64(start)
			pair := &[2]uint64{first, first + wrapUint64(step)}
			mustCast(dtype.Uint64, nt)(a.base(), size, unsafe.Pointer(pair), 8, m)
		} else {
			pair := &[2]float64{start, start + step}
			mustCast(dtype.Float64, nt)(a.base(), size, unsafe.Pointer(pair), 8, m)
		}
		if n > 2 {
			fillArange(a, n)
		}
	}
	if !dt.IsNative() {
		dtype.SwapBytes(a.Bytes(), dt)
		a.dtype = dt
	}
	return a, nil
}

// isIntegral reports whether x is an integer in [-2^63, hi).
func isIntegral(x, hi float64) bool {
	return x >= -(1<<63) && x < hi && x == math.Trunc(x)
}

// wrapUint64 converts an integral x in [-2^63, 2^64) to its 64-bit two's
// complement pattern.
func wrapUint64(x float64) uint64 {
	if x < 1<<63 {
		return uint64(int64(x))
	}
	return uint64(x)
}

// fillArange fills elements 2… of a native 1-d array from its first two,
// as NumPy's per-type fill functions: element i = first + i*(second-first)
// in the element type's arithmetic (float16 computes in float32).
func fillArange(a *Array, n int) {
	p := a.base()
	switch a.dtype.Num() {
	case dtype.NumInt8:
		fillInts(unsafe.Slice((*int8)(p), n))
	case dtype.NumUint8:
		fillInts(unsafe.Slice((*uint8)(p), n))
	case dtype.NumInt16:
		fillInts(unsafe.Slice((*int16)(p), n))
	case dtype.NumUint16:
		fillInts(unsafe.Slice((*uint16)(p), n))
	case dtype.NumInt32:
		fillInts(unsafe.Slice((*int32)(p), n))
	case dtype.NumUint32:
		fillInts(unsafe.Slice((*uint32)(p), n))
	case dtype.NumInt64:
		fillInts(unsafe.Slice((*int64)(p), n))
	case dtype.NumUint64:
		fillInts(unsafe.Slice((*uint64)(p), n))
	case dtype.NumFloat16:
		s := unsafe.Slice((*float16.Float16)(p), n)
		first := s[0].Float32()
		delta := s[1].Float32() - first
		for i := 2; i < n; i++ {
			s[i] = dtype.FromFloat64(float64(first + float32(float32(i)*delta)))
		}
	case dtype.NumFloat32:
		fillFloats(unsafe.Slice((*float32)(p), n))
	case dtype.NumFloat64:
		fillFloats(unsafe.Slice((*float64)(p), n))
	case dtype.NumComplex64:
		s := unsafe.Slice((*complex64)(p), n)
		re, im := real(s[0]), imag(s[0])
		dre, dim := real(s[1])-re, imag(s[1])-im
		for i := 2; i < n; i++ {
			s[i] = complex(re+float32(float32(i)*dre), im+float32(float32(i)*dim))
		}
	case dtype.NumComplex128:
		s := unsafe.Slice((*complex128)(p), n)
		re, im := real(s[0]), imag(s[0])
		dre, dim := real(s[1])-re, imag(s[1])-im
		for i := 2; i < n; i++ {
			s[i] = complex(re+float64(float64(i)*dre), im+float64(float64(i)*dim))
		}
	}
}

func fillInts[T dtype.Integer](s []T) {
	first, delta := s[0], s[1]-s[0]
	for i := 2; i < len(s); i++ {
		s[i] = first + T(i)*delta
	}
}

func fillFloats[T dtype.Float](s []T) {
	first, delta := s[0], s[1]-s[0]
	for i := 2; i < len(s); i++ {
		// The conversion rounds the product, so it is never fused into
		// a multiply-add: the result matches NumPy's bit for bit.
		s[i] = first + T(T(i)*delta)
	}
}

// Linspace returns num evenly spaced values from start to stop (stop
// included when endpoint is true) as a 1-d array of type dt, with NumPy's
// algorithm: step = (stop-start)/div where div is num-1 with the endpoint
// and num without, element i = i*step + start computed in float64, and the
// last element set to stop exactly when endpoint is true. When step
// underflows to zero, element i is i/div*(stop-start) + start. num == 1
// gives [start]. For integer types the values are floored before the
// conversion, as NumPy does; dtype.Float64 is NumPy's default. A negative
// num is a *ValueError.
func Linspace(dt dtype.DType, start, stop float64, num int, endpoint bool) (*Array, error) {
	if num < 0 {
		return nil, &ValueError{Op: "linspace", Msg: fmt.Sprintf("number of samples, %d, must be non-negative", num)}
	}
	if !dt.IsValid() {
		return nil, &ValueError{Op: "linspace", Msg: "invalid dtype"}
	}
	y, err := newArrayWritten(dtype.Float64, []int{num}, C) // filled below
	if err != nil {
		return nil, err
	}
	if num > 0 {
		s := unsafe.Slice((*float64)(y.base()), num)
		div := num
		if endpoint {
			div = num - 1
		}
		delta := stop - start
		switch step := delta / float64(div); {
		case div <= 0:
			// num == 1 with the endpoint: the step is undefined.
			s[0] = float64(0*delta) + start
		case step == 0:
			for i := range s {
				s[i] = float64(float64(i)/float64(div)*delta) + start
			}
		default:
			for i := range s {
				s[i] = float64(float64(i)*step) + start
			}
		}
		if endpoint && num > 1 {
			s[num-1] = stop
		}
		if k := dt.Kind(); k == dtype.KindInt || k == dtype.KindUint {
			for i, v := range s {
				s[i] = math.Floor(v)
			}
		}
	}
	if dt == dtype.Float64 {
		return y, nil
	}
	return y.AsType(dt, dtype.Unsafe)
}

// Eye returns an n×m array of type dt with ones on the k-th diagonal and
// zeros elsewhere, as NumPy's eye(n, m, k): k = 0 is the main diagonal,
// k > 0 above it, k < 0 below it.
func Eye(dt dtype.DType, n, m, k int) (*Array, error) {
	a, err := newArray(dt, []int{n, m}, C)
	if err != nil {
		return nil, err
	}
	one, err := onePattern(dt)
	if err != nil {
		return nil, err
	}
	size := dt.Size()
	pat := unsafe.Slice((*byte)(unsafe.Pointer(&one)), size)
	for r := max(0, -k); r < n && r+k < m; r++ {
		off := (r*m + r + k) * size
		copy(a.data[off:off+size], pat)
	}
	return a, nil
}

// Identity returns the n×n identity matrix of type dt.
func Identity(dt dtype.DType, n int) (*Array, error) { return Eye(dt, n, n, 0) }

// FromNested returns a new C-ordered array holding the elements of value:
// a Go scalar, or nested Go slices or arrays of any depth
// ([][]float64{{1, 2}, {3, 4}}, [][][]int32, [2][3]int, []bool). The
// element type is dtype.Of of the innermost Go type (a defined type is
// taken by its underlying type; float16.Float16 is float16).
//
// The shape is found as NumPy finds it: each level's length is that of its
// first element, and discovery stops below an empty slice
// ([][]float64{} has shape (0,), [][]float64{{}} shape (1, 0)); Go array
// levels always contribute their length. Sequences of unequal lengths at
// the same level are a *ShapeError, as NumPy's "inhomogeneous shape"
// error; an unsupported element type (string, struct, interface, …) is a
// *ValueError.
func FromNested(value any) (*Array, error) {
	if value == nil {
		return nil, &ValueError{Op: "from nested", Msg: "cannot make an array from nil"}
	}
	v := reflect.ValueOf(value)
	t := v.Type()
	depth, leaf := 0, t
	for leaf.Kind() == reflect.Slice || leaf.Kind() == reflect.Array {
		leaf = leaf.Elem()
		depth++
	}
	dt, ok := leafDType(leaf)
	if !ok {
		return nil, &ValueError{Op: "from nested", Msg: fmt.Sprintf("unsupported element type %s in %s: expected bool, an integer, float16.Float16, float or complex type", leaf, t)}
	}
	if t.Kind() != reflect.Slice {
		// Arrays and scalars held in an interface are not addressable;
		// a copy is, and so are all its parts.
		c := reflect.New(t).Elem()
		c.Set(v)
		v = c
	}

	// Discover the shape from the first element of each level.
	shape := make([]int, 0, depth)
	cur, have := v, true
	for lt := t; len(shape) < depth; lt = lt.Elem() {
		var n int
		if lt.Kind() == reflect.Array {
			n = lt.Len()
		} else if have {
			n = cur.Len()
		} else {
			break // below an empty slice: nothing to discover
		}
		shape = append(shape, n)
		if have && n > 0 {
			cur = cur.Index(0)
		} else {
			have = false
		}
	}

	a, err := newArray(dt, shape, C)
	if err != nil {
		return nil, err
	}
	b := nestedBuilder{shape: shape, bad: len(shape), out: a.data, size: dt.Size(), copying: a.size > 0}
	if depth == 0 {
		copy(a.data, unsafe.Slice((*byte)(v.Addr().UnsafePointer()), b.size))
		return a, nil
	}
	b.walk(v, 0)
	if b.bad < len(shape) {
		return nil, &ShapeError{Op: "from nested", Msg: fmt.Sprintf("setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions. The detected shape was %s + inhomogeneous part.", b.bad, FormatShape(shape[:b.bad]))}
	}
	return a, nil
}

// nestedBuilder checks nested sequences against a shape and copies their
// elements into out.
type nestedBuilder struct {
	shape   []int
	bad     int // the smallest level at which lengths differ; len(shape) if none
	out     []byte
	pos     int // next byte of out to write
	size    int // element size
	copying bool
}

// walk checks the sequence v at the given level and copies its elements.
func (b *nestedBuilder) walk(v reflect.Value, level int) {
	n := v.Len()
	if n != b.shape[level] {
		b.bad = min(b.bad, level)
		return
	}
	if n == 0 {
		return
	}
	if level+1 == len(b.shape) || isArraysOnly(v.Type()) {
		// A run of elements contiguous in memory: one copy.
		if !b.copying || b.bad < len(b.shape) {
			return
		}
		var p unsafe.Pointer
		nb := int(v.Type().Size())
		if v.Kind() == reflect.Slice {
			p, nb = v.UnsafePointer(), n*int(v.Type().Elem().Size())
		} else {
			p = v.Addr().UnsafePointer()
		}
		b.pos += copy(b.out[b.pos:], unsafe.Slice((*byte)(p), nb))
		return
	}
	for i := range n {
		if b.bad <= level+1 {
			return // a deeper mismatch cannot lower the reported level
		}
		b.walk(v.Index(i), level+1)
	}
}

// isArraysOnly reports whether t is a Go array type whose elements are
// arrays or scalars all the way down, so its elements are contiguous.
func isArraysOnly(t reflect.Type) bool {
	for t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t.Kind() != reflect.Slice
}

var float16ReflectType = reflect.TypeFor[float16.Float16]()

// leafDType returns the element type of the Go type t, taking defined
// types by their underlying kind (float16.Float16 aside).
func leafDType(t reflect.Type) (dtype.DType, bool) {
	if t == float16ReflectType {
		return dtype.Float16, true
	}
	switch t.Kind() {
	case reflect.Bool:
		return dtype.Bool, true
	case reflect.Int:
		return dtype.Of[int](), true
	case reflect.Int8:
		return dtype.Int8, true
	case reflect.Int16:
		return dtype.Int16, true
	case reflect.Int32:
		return dtype.Int32, true
	case reflect.Int64:
		return dtype.Int64, true
	case reflect.Uint:
		return dtype.Of[uint](), true
	case reflect.Uint8:
		return dtype.Uint8, true
	case reflect.Uint16:
		return dtype.Uint16, true
	case reflect.Uint32:
		return dtype.Uint32, true
	case reflect.Uint64:
		return dtype.Uint64, true
	case reflect.Float32:
		return dtype.Float32, true
	case reflect.Float64:
		return dtype.Float64, true
	case reflect.Complex64:
		return dtype.Complex64, true
	case reflect.Complex128:
		return dtype.Complex128, true
	}
	return dtype.DType{}, false
}

// FromNestedAs is FromNested converting the result to dt with unsafe
// casting, as NumPy's np.array(value, dtype=dt).
func FromNestedAs(dt dtype.DType, value any) (*Array, error) {
	a, err := FromNested(value)
	if err != nil {
		return nil, err
	}
	if a.dtype == dt {
		return a, nil
	}
	return a.AsType(dt, dtype.Unsafe)
}
