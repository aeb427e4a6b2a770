package simd

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/internal/cpu"
)

// chosenNTBytes is the threshold the package chose at start-up, before
// TestMain lowered it.
var chosenNTBytes = ntBytes

// testNTBytes is the threshold the tests run with: the non-temporal
// kernels and the splits around them are exercised on slices of tens of
// kilobytes instead of a quarter of the machine's cache, which keeps the
// runs under qemu short. The kernels do not depend on it; only the
// choice between them does (TestNTThreshold).
const testNTBytes = 64 << 10

func TestMain(m *testing.M) {
	ntBytes = testNTBytes
	os.Exit(m.Run())
}

// TestNTThreshold checks the threshold for non-temporal stores: a
// quarter of the last-level cache, never below 2 MiB, a whole number of
// ntBlock, and the one the package chose for this CPU.
func TestNTThreshold(t *testing.T) {
	for _, c := range []struct{ llc, want int }{
		{0, 2 << 20},
		{1 << 20, 2 << 20},
		{8 << 20, 2 << 20},
		{32 << 20, 8 << 20},
		{36 << 20, 9 << 20},
		{96<<20 + 100, 24 << 20},
		{12<<20 + 4*ntBlock + 3*4, 3<<20 + ntBlock},
	} {
		if got := ntThreshold(c.llc); got != c.want {
			t.Errorf("ntThreshold(%d) = %d, want %d", c.llc, got, c.want)
		}
	}
	if want := ntThreshold(cpu.LastLevelCache); chosenNTBytes != want {
		t.Errorf("ntBytes = %d at start-up, want %d (last-level cache %d bytes)", chosenNTBytes, want, cpu.LastLevelCache)
	}
}

// ntLengths are lengths long enough for the non-temporal kernels (dst of
// ntBytes or more): exactly ntBytes, and with tails of every kind. With
// -short (the runs under qemu, where only the choice of kernels per CPU
// is in question) one of them.
func ntLengths(size int) []int {
	n := ntBytes / size
	if testing.Short() {
		return []int{n + ntBlock/size - 1}
	}
	return []int{n, n + 1, n + ntBlock/size - 1, n + 37}
}

// ntOffsets place dst at and after a 64-byte boundary (newDst's guard
// keeps the buffer's own alignment); two of them with -short.
var ntOffsets = func() []int {
	if testing.Short() {
		return []int{0, 7}
	}
	return []int{0, 1, 7, 15}
}

// The long element-wise runs go through the non-temporal kernels
// (ntSpan); every implementation against the Go twins, bit for bit, with
// guarded outputs and dst aliasing an input.
func TestNonTemporalBinary(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testNTBinary(t, binCases64()) })
		t.Run("float32", func(t *testing.T) { testNTBinary(t, binCases32()) })
	})
}

// ntData returns inputs for every length of ntLengths at every offset
// of ntOffsets (slices of them).
func ntData[T float](seed uint64) (a, b []T) {
	return testData[T](rand.New(rand.NewPCG(seed, seed+1)), slices.Max(ntLengths(sizeOf(T(0))))+16, 0)
}

func testNTBinary[T float](t *testing.T, cases []binCase[T]) {
	a0, b0 := ntData[T](21)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, n := range ntLengths(sizeOf(T(0))) {
				for _, off := range ntOffsets() {
					a := append([]T(nil), a0[off:off+n]...)
					b := b0[off%3 : off%3+n]
					want := make([]T, n)
					c.oracle(want, a, b)
					dst, check := newDst[T](t, n, off)
					c.fn(dst, a, b)
					check()
					for i := range n {
						if !same(dst[i], want[i], c.anyNaN) {
							t.Fatalf("n=%d off=%d: %s(%v, %v) at %d = %v, want %v", n, off, c.name, a[i], b[i], i, dst[i], want[i])
						}
					}
					c.fn(a, a, b)
					for i := range n {
						if !same(a[i], want[i], c.anyNaN) {
							t.Fatalf("n=%d off=%d aliased: at %d got %v, want %v", n, off, i, a[i], want[i])
						}
					}
				}
			}
		})
	}
}

func TestNonTemporalScalar(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testNTScalar(t, scalarCases64()) })
		t.Run("float32", func(t *testing.T) { testNTScalar(t, scalarCases32()) })
	})
}

func testNTScalar[T float](t *testing.T, cases []scalarCase[T]) {
	a0, _ := ntData[T](23)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, n := range ntLengths(sizeOf(T(0))) {
				for _, off := range ntOffsets() {
					a := a0[off%3 : off%3+n]
					s := T(-7.25)
					want := make([]T, n)
					c.oracle(want, a, s)
					dst, check := newDst[T](t, n, off)
					c.fn(dst, a, s)
					check()
					for i := range n {
						if !same(dst[i], want[i], true) {
							t.Fatalf("n=%d off=%d: %s at %d (a=%v) = %v, want %v", n, off, c.name, i, a[i], dst[i], want[i])
						}
					}
				}
			}
		})
	}
}

func TestNonTemporalMulAdd(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testNTMulAdd(t, MulAddFloat64Unitary) })
		t.Run("float32", func(t *testing.T) { testNTMulAdd(t, MulAddFloat32Unitary) })
	})
}

func testNTMulAdd[T float](t *testing.T, mulAdd func(dst, a, b, c []T)) {
	a0, b0 := ntData[T](25)
	c0, _ := ntData[T](26)
	for _, n := range ntLengths(sizeOf(T(0))) {
		for _, off := range ntOffsets() {
			a, b, c := a0[off:off+n], b0[off%3:off%3+n], c0[1:1+n]
			want := make([]T, n)
			mulAddGo(want, a, b, c)
			dst, check := newDst[T](t, n, off)
			mulAdd(dst, a, b, c)
			check()
			for i := range n {
				if !same(dst[i], want[i], true) {
					t.Fatalf("n=%d off=%d: %v*%v+%v at %d = %v, want %v", n, off, a[i], b[i], c[i], i, dst[i], want[i])
				}
			}
		}
	}
}

func TestNonTemporalInt(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		testNTInt(t, "AddInt32", AddInt32Unitary, addIntGo[int32])
		testNTInt(t, "SubInt32", SubInt32Unitary, subIntGo[int32])
		testNTInt(t, "MulInt32", MulInt32Unitary, mulIntGo[int32])
		testNTInt(t, "AddInt64", AddInt64Unitary, addIntGo[int64])
		testNTInt(t, "SubInt64", SubInt64Unitary, subIntGo[int64])
		testNTInt(t, "MulInt64", MulInt64Unitary, mulIntGo[int64])
		testNTInt(t, "MaxInt32", MaxInt32Unitary, maxIntGo[int32])
		testNTInt(t, "MinInt64", MinInt64Unitary, minIntGo[int64])
	})
}

func testNTInt[T int32 | int64](t *testing.T, name string, fn, oracle func(dst, a, b []T)) {
	rng := rand.New(rand.NewPCG(27, 28))
	const guardVal = 0x5a
	size := int(unsafe.Sizeof(T(0)))
	t.Run(name, func(t *testing.T) {
		for _, n := range ntLengths(size) {
			for _, off := range ntOffsets() {
				a, b := make([]T, n), make([]T, n)
				for i := range a {
					a[i], b[i] = T(rng.Uint64()), T(rng.Uint64())
				}
				want := make([]T, n)
				oracle(want, a, b)
				buf := make([]T, n+2*guard)
				for i := range buf {
					buf[i] = guardVal
				}
				dst := buf[guard+off : guard+off+n : guard+off+n]
				fn(dst, a, b)
				for i, v := range buf {
					if (i < guard+off || i >= guard+off+n) && v != guardVal {
						t.Fatalf("n=%d off=%d: stray write at %d", n, off, i-(guard+off))
					}
				}
				for i := range n {
					if dst[i] != want[i] {
						t.Fatalf("n=%d off=%d: %s at %d = %d, want %d", n, off, name, i, dst[i], want[i])
					}
				}
			}
		}
	})
}

// TestNTSpan checks the split itself: the kernel's part starts on a
// 64-byte boundary, is a multiple of ntBlock bytes, and leaves less than
// a block after it; short or misaligned slices get none.
func TestNTSpan(t *testing.T) {
	buf := make([]float64, ntBytes/8+200)
	for off := range 16 {
		d := buf[off:]
		h, m := ntSpan(d)
		if m == 0 {
			t.Fatalf("off=%d: no span in %d elements", off, len(d))
		}
		p := uintptr(unsafe.Pointer(unsafe.SliceData(d))) + uintptr(8*h)
		if p%64 != 0 || (8*m)%ntBlock != 0 || h >= 8 || len(d)-h-m >= ntBlock/8 {
			t.Fatalf("off=%d: h=%d m=%d (start %#x, len %d)", off, h, m, p, len(d))
		}
	}
	if _, m := ntSpan(buf[:ntBytes/8-1]); m != 0 {
		t.Errorf("span of %d bytes, below ntBytes", 8*(ntBytes/8-1))
	}
}

// TestNonTemporalUnary runs every conversion, negate and abs on long
// slices, where the middle goes through the non-temporal kernels, against
// the Go twins bit for bit, from several offsets, with the bytes around
// dst guarded.
func TestNonTemporalUnary(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 30))
	n := slices.Max(ntLengths(2)) // enough for 2-byte results; more for wider
	f64 := make([]float64, n+16)
	f32 := make([]float32, n+16)
	i32 := make([]int32, n+16)
	h16 := make([]uint16, n+16)
	for i := range f64 {
		switch rng.IntN(8) {
		case 0:
			f64[i] = math.Float64frombits(rng.Uint64())
		case 1:
			f64[i] = specials[float64]()[rng.IntN(12)]
		default:
			f64[i] = rng.NormFloat64() * 1e5
		}
		f32[i] = math.Float32frombits(rng.Uint32())
		if rng.IntN(2) == 0 {
			f32[i] = float32(rng.NormFloat64() * 100)
		}
		i32[i] = int32(rng.Uint32())
		h16[i] = uint16(rng.Uint32())
	}
	forEachImpl(t, func(t *testing.T) {
		checkNTUnary(t, "Float64ToFloat32", ConvertFloat64ToFloat32, convertFloat64ToFloat32Go, f64)
		checkNTUnary(t, "Float32ToFloat16", ConvertFloat32ToFloat16, convertFloat32ToFloat16Go, f32)
		checkNTUnary(t, "Float16ToFloat32", ConvertFloat16ToFloat32, convertFloat16ToFloat32Go, h16)
		checkNTUnary(t, "Int32ToFloat64", ConvertInt32ToFloat64, convertGo[int32, float64], i32)
		checkNTUnary(t, "Float32ToFloat64", ConvertFloat32ToFloat64, convertGo[float32, float64], f32)
		checkNTUnary(t, "Int32ToFloat32", ConvertInt32ToFloat32, convertGo[int32, float32], i32)
		checkNTUnary(t, "Float64ToInt32", ConvertFloat64ToInt32, truncGo[float64], f64)
		checkNTUnary(t, "Float32ToInt32", ConvertFloat32ToInt32, truncGo[float32], f32)
		checkNTUnary(t, "Negate64", NegateFloat64Unitary, negGo[float64], f64)
		checkNTUnary(t, "Negate32", NegateFloat32Unitary, negGo[float32], f32)
		checkNTUnary(t, "Abs64", AbsFloat64Unitary, absGo64, f64)
		checkNTUnary(t, "Abs32", AbsFloat32Unitary, absGo32, f32)
		checkNTUnary(t, "Floor64", FloorFloat64Unitary, floorGo[float64], f64)
		checkNTUnary(t, "Rint32", RintFloat32Unitary, rintGo[float32], f32)
	})
}

func checkNTUnary[D, S any](t *testing.T, name string, fn, twin func([]D, []S), src []S) {
	size := int(unsafe.Sizeof(*new(D)))
	t.Run(name, func(t *testing.T) {
		for _, n := range ntLengths(size) {
			for _, off := range ntOffsets() {
				a := src[off%3 : off%3+n]
				want := make([]D, n)
				twin(want, a)
				buf := make([]D, n+2*guard)
				raw := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(buf))), len(buf)*size)
				for i := range raw {
					raw[i] = 0xa5
				}
				dst := buf[guard+off : guard+off+n : guard+off+n]
				fn(dst, a)
				for i, c := range raw {
					if (i < (guard+off)*size || i >= (guard+off+n)*size) && c != 0xa5 {
						t.Fatalf("n=%d off=%d: stray write at byte %d", n, off, i-(guard+off)*size)
					}
				}
				got := raw[(guard+off)*size : (guard+off+n)*size]
				exp := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(want))), n*size)
				if i := firstDiff(got, exp); i >= 0 {
					t.Fatalf("n=%d off=%d: element %d = %v, twin gives %v", n, off, i/size, dst[i/size], want[i/size])
				}
			}
		}
	})
}

func firstDiff(a, b []byte) int {
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return -1
}
