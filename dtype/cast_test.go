package dtype

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"
	"unsafe"

	"github.com/x448/float16"

	"github.com/pluribus-go/pluribus/internal/castgen"
)

// TestFromFloat64Exhaustive checks float64 -> float16 rounding against the
// definition: for every pair of adjacent float16 values, their exact
// midpoint (representable in float64) rounds to the one with an even
// significand, and values just off the midpoint round to the nearer one.
func TestFromFloat64Exhaustive(t *testing.T) {
	for bits := uint16(0); bits < 0x7bff; bits++ {
		lo, hi := float16.Frombits(bits), float16.Frombits(bits+1)
		l, h := float64(lo.Float32()), float64(hi.Float32())
		for _, sign := range []float64{1, -1} {
			sb := uint16(0)
			if sign < 0 {
				sb = 0x8000
			}
			if got := FromFloat64(sign * l); got.Bits() != bits|sb {
				t.Fatalf("FromFloat64(%v) = %#04x, want %#04x", sign*l, got.Bits(), bits|sb)
			}
			mid := sign * (l + h) / 2
			want := bits
			if bits&1 == 1 {
				want = bits + 1
			}
			if got := FromFloat64(mid); got.Bits() != want|sb {
				t.Fatalf("FromFloat64(midpoint %v) = %#04x, want %#04x", mid, got.Bits(), want|sb)
			}
			below := math.Nextafter(mid, sign*l)
			if got := FromFloat64(below); got.Bits() != bits|sb {
				t.Fatalf("FromFloat64(%v) = %#04x, want %#04x", below, got.Bits(), bits|sb)
			}
			above := math.Nextafter(mid, sign*h)
			if got := FromFloat64(above); got.Bits() != (bits+1)|sb {
				t.Fatalf("FromFloat64(%v) = %#04x, want %#04x", above, got.Bits(), (bits+1)|sb)
			}
		}
	}
	// specials and the edges NumPy reports
	tests := []struct {
		in   float64
		want uint16
	}{
		{math.Inf(1), 0x7c00}, {math.Inf(-1), 0xfc00}, {65519.99, 0x7bff}, {65520, 0x7c00},
		{1e300, 0x7c00}, {2049, 0x6800}, {2051, 0x6802}, {1e-8, 0}, {2.9802322387695312e-08, 0},
		{2.98023223876953125e-08 * 1.0000001, 1}, {math.Copysign(0, -1), 0x8000},
	}
	for _, tt := range tests {
		if got := FromFloat64(tt.in); got.Bits() != tt.want {
			t.Errorf("FromFloat64(%v) = %#04x, want %#04x", tt.in, got.Bits(), tt.want)
		}
	}
	if !FromFloat64(math.NaN()).IsNaN() || !FromFloat64(-math.NaN()).IsNaN() {
		t.Errorf("NaN did not stay NaN")
	}
}

// TestFromFloat64MatchesFloat32Path: for float32 inputs, rounding once from
// float64 must agree with x448/float16's float32 conversion.
func TestFromFloat64MatchesFloat32Path(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 1 << 20 {
		f := math.Float32frombits(r.Uint32())
		if f != f {
			continue
		}
		if got, want := FromFloat64(float64(f)), float16.Fromfloat32(f); got != want {
			t.Fatalf("FromFloat64(%v) = %#04x, float16.Fromfloat32 = %#04x", f, got.Bits(), want.Bits())
		}
	}
}

func castSlice[S, D any](t *testing.T, from, to DType, src []S) []D {
	t.Helper()
	loop, err := GetCast(from, to)
	if err != nil {
		t.Fatal(err)
	}
	dst := make([]D, len(src))
	if len(src) > 0 {
		loop(unsafe.Pointer(&dst[0]), int(unsafe.Sizeof(dst[0])), unsafe.Pointer(&src[0]), int(unsafe.Sizeof(src[0])), len(src))
	}
	return dst
}

// Expected values from NumPy 1.24 astype.
func TestCastValues(t *testing.T) {
	if got := castSlice[float64, int8](t, Float64, Int8, []float64{1.9, -1.9, 127.5, -0.0}); got[0] != 1 || got[1] != -1 || got[2] != 127 || got[3] != 0 {
		t.Errorf("float64->int8 = %v", got)
	}
	if got := castSlice[int64, int8](t, Int64, Int8, []int64{300, -129, 128}); got[0] != 44 || got[1] != 127 || got[2] != -128 {
		t.Errorf("int64->int8 wrap = %v", got)
	}
	if got := castSlice[uint64, float32](t, Uint64, Float32, []uint64{math.MaxUint64, 1<<24 + 1}); got[0] != 1.8446744e19 || got[1] != 1<<24 {
		t.Errorf("uint64->float32 = %v", got)
	}
	if got := castSlice[float64, bool](t, Float64, Bool, []float64{0, math.Copysign(0, -1), math.NaN(), 0.1}); got[0] || got[1] || !got[2] || !got[3] {
		t.Errorf("float64->bool = %v", got)
	}
	if got := castSlice[complex128, float32](t, Complex128, Float32, []complex128{complex(1.5, 9)}); got[0] != 1.5 {
		t.Errorf("complex128->float32 = %v", got)
	}
	if got := castSlice[complex64, bool](t, Complex64, Bool, []complex64{complex(0, 1), 0}); !got[0] || got[1] {
		t.Errorf("complex64->bool = %v", got)
	}
	if got := castSlice[bool, float64](t, Bool, Float64, []bool{true, false}); got[0] != 1 || got[1] != 0 {
		t.Errorf("bool->float64 = %v", got)
	}
	if got := castSlice[int32, float16.Float16](t, Int32, Float16, []int32{2049, 70000, -2051}); got[0].Bits() != 0x6800 || got[1].Bits() != 0x7c00 || got[2].Bits() != 0xe802 {
		t.Errorf("int32->float16 = %v", got)
	}
	if got := castSlice[float16.Float16, int16](t, Float16, Int16, []float16.Float16{float16.Fromfloat32(-2.5), float16.Fromfloat32(65504)}); got[0] != -2 || got[1] != -32 {
		// 65504 does not fit int16: truncation then wrap is the x86 result
		// NumPy reports as platform-defined; only -2 is pinned here.
		if got[0] != -2 {
			t.Errorf("float16->int16 = %v", got)
		}
	}
}

func TestCastByteSwapped(t *testing.T) {
	// [1.0, 2.5, -3.7] stored big-endian, cast to little-endian int16
	src := []byte{0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0x40, 0x04, 0, 0, 0, 0, 0, 0, 0xc0, 0x0d, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a}
	loop, err := GetCast(Float64.WithByteOrder(BigEndian), Int16.WithByteOrder(BigEndian))
	if err != nil {
		t.Fatal(err)
	}
	dst := make([]byte, 6)
	loop(unsafe.Pointer(&dst[0]), 2, unsafe.Pointer(&src[0]), 8, 3)
	want := []byte{0, 1, 0, 2, 0xff, 0xfd}
	if string(dst) != string(want) {
		t.Errorf(">f8 -> >i2 = % x, want % x", dst, want)
	}
	// complex parts are swapped separately
	c := []byte{0x3f, 0x80, 0, 0, 0x40, 0, 0, 0} // >c8 (1+2j)
	loop, _ = GetCast(Complex64.WithByteOrder(BigEndian), Complex64)
	var z complex64
	loop(unsafe.Pointer(&z), 8, unsafe.Pointer(&c[0]), 8, 1)
	if z != complex(1, 2) {
		t.Errorf(">c8 -> c8 = %v, want (1+2i)", z)
	}
}

func TestCastStrided(t *testing.T) {
	// negative and zero source strides, long enough to cross chunks
	n := 300
	src := make([]int32, n)
	for i := range src {
		src[i] = int32(i)
	}
	for _, from := range []DType{Int32, Int32.WithByteOrder(BigEndian)} {
		s := src
		if !from.IsNative() {
			s = make([]int32, n)
			for i, v := range src {
				s[i] = int32(uint32(v)>>24 | uint32(v)>>8&0xff00 | uint32(v)<<8&0xff0000 | uint32(v)<<24)
			}
		}
		loop, _ := GetCast(from, Float64)
		dst := make([]float64, n)
		loop(unsafe.Pointer(&dst[0]), 8, unsafe.Pointer(&s[n-1]), -4, n)
		for i := range dst {
			if dst[i] != float64(n-1-i) {
				t.Fatalf("%v reversed: dst[%d] = %v", from, i, dst[i])
			}
		}
		loop(unsafe.Pointer(&dst[0]), 8, unsafe.Pointer(&s[7]), 0, n)
		for i := range dst {
			if dst[i] != 7 {
				t.Fatalf("%v broadcast: dst[%d] = %v", from, i, dst[i])
			}
		}
	}
}

func TestGetCastAllPairs(t *testing.T) {
	for _, a := range Builtins() {
		for _, b := range Builtins() {
			for _, from := range []DType{a, a.WithByteOrder(BigEndian)} {
				for _, to := range []DType{b, b.WithByteOrder(BigEndian)} {
					if loop, err := GetCast(from, to); err != nil || loop == nil {
						t.Errorf("GetCast(%v, %v) = %v", from, to, err)
					}
				}
			}
		}
	}
	if _, err := GetCast(DType{}, Int8); err == nil {
		t.Errorf("GetCast accepted an invalid type")
	}
}

// TestVectorConversionsMatchScalar compares the contiguous (vector) path
// of the conversions package simd vectorises with the strided (scalar) path
// on random and edge values, bit for bit (NaN: any NaN).
func TestVectorConversionsMatchScalar(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	edges := []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN(), 65504, 65520, 65519.99,
		6.103515625e-05, 5.960464477539063e-08, 2.98023223876953125e-08, math.MaxFloat32, 1e300, 1e-300, 0.1}
	n := 1003
	f64 := make([]float64, n)
	for i := range f64 {
		if i < len(edges) {
			f64[i] = edges[i]
		} else {
			f64[i] = math.Float64frombits(r.Uint64())
		}
	}
	f32 := make([]float32, n)
	for i := range f32 {
		f32[i] = float32(f64[i])
		if i >= len(edges) && i%2 == 0 {
			f32[i] = math.Float32frombits(r.Uint32())
		}
	}
	h := make([]uint16, n)
	for i := range h {
		h[i] = uint16(r.Uint32())
	}
	check := func(name string, from, to DType, src unsafe.Pointer, ssize int, dsize int, eq func(i int, a, b []byte) bool) {
		loop, err := GetCast(from, to)
		if err != nil {
			t.Fatal(err)
		}
		fast := make([]byte, n*dsize)
		loop(unsafe.Pointer(&fast[0]), dsize, src, ssize, n)
		// the same elements through the strided path: a destination with
		// a gap after each element
		slow := make([]byte, 2*n*dsize)
		loop(unsafe.Pointer(&slow[0]), 2*dsize, src, ssize, n)
		for i := range n {
			a, b := fast[i*dsize:(i+1)*dsize], slow[2*i*dsize:(2*i+1)*dsize]
			if !eq(i, a, b) {
				t.Fatalf("%s element %d: vector % x, scalar % x", name, i, a, b)
			}
		}
	}
	bitsEq := func(isNaN func([]byte) bool) func(int, []byte, []byte) bool {
		return func(_ int, a, b []byte) bool {
			return string(a) == string(b) || isNaN(a) && isNaN(b)
		}
	}
	nan32 := func(b []byte) bool { f := *(*float32)(unsafe.Pointer(&b[0])); return f != f }
	nan16 := func(b []byte) bool { return float16.Frombits(*(*uint16)(unsafe.Pointer(&b[0]))).IsNaN() }
	check("float64->float32", Float64, Float32, unsafe.Pointer(&f64[0]), 8, 4, bitsEq(nan32))
	check("float32->float16", Float32, Float16, unsafe.Pointer(&f32[0]), 4, 2, bitsEq(nan16))
	check("float16->float32", Float16, Float32, unsafe.Pointer(&h[0]), 2, 4, bitsEq(nan32))
	nan64 := func(b []byte) bool { f := *(*float64)(unsafe.Pointer(&b[0])); return f != f }
	exact := func(_ int, a, b []byte) bool { return string(a) == string(b) }
	check("float32->float64", Float32, Float64, unsafe.Pointer(&f32[0]), 4, 8, bitsEq(nan64))
	check("float64->int32", Float64, Int32, unsafe.Pointer(&f64[0]), 8, 4, exact)
	check("float32->int32", Float32, Int32, unsafe.Pointer(&f32[0]), 4, 4, exact)
	i32 := make([]int32, n)
	for i := range i32 {
		i32[i] = int32(r.Uint32())
	}
	check("int32->float64", Int32, Float64, unsafe.Pointer(&i32[0]), 4, 8, exact)
	check("int32->float32", Int32, Float32, unsafe.Pointer(&i32[0]), 4, 4, exact)
}

var castSink CastLoop

// TestCastLoopsAllocateNothing checks that the built-in cast loops are
// static functions, not closures made per call or held on the heap
// (every object there is marked by every garbage collection of every
// program importing pluribus).
func TestCastLoopsAllocateNothing(t *testing.T) {
	n := testing.AllocsPerRun(10, func() {
		for _, size := range []int{1, 2, 4, 8, 16} {
			castSink = copyLoop(size)
		}
		for _, a := range Builtins() {
			for _, b := range Builtins() {
				castSink, _ = GetCast(a, b)
			}
		}
	})
	if n != 0 {
		t.Errorf("getting the built-in cast loops allocated %v objects, want 0", n)
	}
}

// TestCastsGenerated checks that casts_gen.go is what castgen writes.
func TestCastsGenerated(t *testing.T) {
	want, err := castgen.Generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("casts_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("casts_gen.go is stale: run go generate ./dtype")
	}
	if !bytes.HasPrefix(got, []byte(castgen.Header+"\n")) {
		t.Errorf("casts_gen.go does not start with the generated-code header")
	}
}

// BenchmarkCast runs built-in conversions on 1e5 elements, contiguous
// and with a strided destination.
func BenchmarkCast(b *testing.B) {
	const n = 100_000
	src := make([]byte, 8*n)
	dst := make([]byte, 16*n)
	for _, c := range []struct {
		name     string
		from, to DType
	}{{"int64-float64", Int64, Float64}, {"int8-float32", Int8, Float32}, {"float64-float16", Float64, Float16},
		{"complex128-int32", Complex128, Int32}, {"bool-float64", Bool, Float64}} {
		loop, err := GetCast(c.from, c.to)
		if err != nil {
			b.Fatal(err)
		}
		for _, stride := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/stride%d", c.name, stride), func(b *testing.B) {
				for b.Loop() {
					loop(unsafe.Pointer(&dst[0]), stride*c.to.Size(), unsafe.Pointer(&src[0]), c.from.Size(), n/2)
				}
			})
		}
	}
}
