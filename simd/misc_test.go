package simd

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// MulAdd, Negate and Abs: every implementation against the Go twins, bit
// for bit, on every length to 300 with unaligned starts and guarded
// outputs. a*b+c must round the product first: 0.1*10 - 1 is 0 that way
// and 5.55e-17 with a fused multiply-add.
func testMisc[T float](t *testing.T, seed uint64, mulAdd func(dst, a, b, c []T), neg, abs func(dst, a []T), absTwin func(dst, a []T)) {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	forEachImpl(t, func(t *testing.T) {
		for _, n := range lengths {
			off := n % 3
			a, b := testData[T](rng, n, off)
			c, _ := testData[T](rng, n, (off+1)%3)
			want := make([]T, n)

			dst, check := newDst[T](t, n, off)
			mulAdd(dst, a, b, c)
			check()
			mulAddGo(want, a, b, c)
			for i := range n {
				if !same(dst[i], want[i], true) {
					t.Fatalf("mulAdd n=%d i=%d: %v*%v+%v = %v, want %v", n, i, a[i], b[i], c[i], dst[i], want[i])
				}
			}
			dst, check = newDst[T](t, n, off)
			neg(dst, a)
			check()
			for i := range n {
				if bits(dst[i]) != bits(-a[i]) {
					t.Fatalf("negate n=%d i=%d: -%v = %v", n, i, a[i], dst[i])
				}
			}
			dst, check = newDst[T](t, n, off)
			abs(dst, a)
			check()
			absTwin(want, a)
			for i := range n {
				if bits(dst[i]) != bits(want[i]) || dst[i] < 0 {
					t.Fatalf("abs n=%d i=%d: |%v| = %v", n, i, a[i], dst[i])
				}
			}
		}
		x := make([]T, 64)
		y := make([]T, 64)
		z := make([]T, 64)
		for i := range x {
			x[i], y[i], z[i] = T(0.1), 10, -1
		}
		mulAdd(x, x, y, z)
		if want := T(0.1)*T(10) - 1; x[63] != want || x[0] != want {
			t.Errorf("0.1*10-1 = %v, want %v (the product rounded first)", x[63], want)
		}
	})
}

func TestMiscFloat64(t *testing.T) {
	testMisc(t, 21, MulAddFloat64Unitary, NegateFloat64Unitary, AbsFloat64Unitary, absGo64)
	if m := math.Abs(math.Copysign(math.NaN(), -1)); math.Signbit(m) {
		t.Fatal("math.Abs keeps a NaN's sign") // the twin's contract
	}
}

func TestMiscFloat32(t *testing.T) {
	testMisc(t, 23, MulAddFloat32Unitary, NegateFloat32Unitary, AbsFloat32Unitary, absGo32)
}

// The widening conversions are exact: every implementation against Go's
// conversions on random and extreme values.
func TestConvertWidening(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	forEachImpl(t, func(t *testing.T) {
		for _, n := range lengths {
			off := n % 3
			ints := make([]int32, n+off)[off:]
			fl := make([]float32, n+off)[off:]
			for i := range ints {
				ints[i] = int32(rng.Uint32())
				fl[i] = math.Float32frombits(rng.Uint32())
				if rng.IntN(8) == 0 {
					ints[i] = []int32{math.MinInt32, math.MaxInt32, 0, -1, 1 << 24, 1<<24 + 1}[rng.IntN(6)]
				}
			}
			d64, check := newDst[float64](t, n, off)
			ConvertInt32ToFloat64(d64, ints)
			check()
			for i := range n {
				if d64[i] != float64(ints[i]) {
					t.Fatalf("int32 %d -> %v", ints[i], d64[i])
				}
			}
			d32, check32 := newDst[float32](t, n, off)
			ConvertInt32ToFloat32(d32, ints)
			check32()
			for i := range n {
				if bits(d32[i]) != bits(float32(ints[i])) {
					t.Fatalf("int32 %d -> float32 %v, want %v", ints[i], d32[i], float32(ints[i]))
				}
			}
			d64, check = newDst[float64](t, n, off)
			ConvertFloat32ToFloat64(d64, fl)
			check()
			for i := range n {
				if !same(d64[i], float64(fl[i]), false) && !(math.IsNaN(d64[i]) && math.IsNaN(float64(fl[i])) &&
					math.Signbit(d64[i]) == math.Signbit(float64(fl[i]))) {
					t.Fatalf("float32 %#x -> %#x, want %#x", math.Float32bits(fl[i]), math.Float64bits(d64[i]), math.Float64bits(float64(fl[i])))
				}
			}
		}
	})
	// 2^24+1 is the first int32 float32 cannot hold: it rounds to even.
	d := make([]float32, 64)
	s := make([]int32, 64)
	for i := range s {
		s[i] = 1<<24 + 1
	}
	ConvertInt32ToFloat32(d, s)
	if d[0] != 1<<24 || d[63] != 1<<24 {
		t.Errorf("2^24+1 -> %v, want 16777216", d[0])
	}
}

func BenchmarkMulAddFloat64(b *testing.B) {
	x := make([]float64, 1<<16)
	b.SetBytes(4 * 8 << 16)
	for b.Loop() {
		MulAddFloat64Unitary(x, x, x, x)
	}
}

// Truncating conversions to int32: every implementation against the Go
// twin, which pins NaN and out-of-range values to math.MinInt32 — what
// Go's own conversion gives on amd64.
func TestConvertToInt32(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	edges := []float64{0, -0.5, 0.99, -1.99, 1 << 31, 1<<31 - 1, -(1 << 31), -(1 << 31) - 1, -(1 << 31) - 0.5,
		2147483647.5, math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e-300}
	forEachImpl(t, func(t *testing.T) {
		for _, n := range lengths {
			off := n % 3
			a := make([]float64, n+off)[off:]
			b := make([]float32, n+off)[off:]
			for i := range a {
				if rng.IntN(4) == 0 {
					a[i] = edges[rng.IntN(len(edges))]
				} else {
					a[i] = (rng.Float64()*2 - 1) * math.Pow(2, float64(rng.IntN(40)))
				}
				b[i] = float32(a[i])
			}
			want := make([]int32, n)
			truncGo(want, a)
			got := make([]int32, n)
			ConvertFloat64ToInt32(got, a)
			for i := range n {
				if got[i] != want[i] {
					t.Fatalf("int32(%v) = %d, want %d", a[i], got[i], want[i])
				}
			}
			truncGo(want, b)
			ConvertFloat32ToInt32(got, b)
			for i := range n {
				if got[i] != want[i] {
					t.Fatalf("int32(float32 %v) = %d, want %d", b[i], got[i], want[i])
				}
			}
		}
	})
	// the twin's own values
	d := make([]int32, len(edges))
	truncGo(d, edges)
	if want := []int32{0, 0, 0, -1, math.MinInt32, math.MaxInt32, math.MinInt32, math.MinInt32, math.MinInt32,
		math.MaxInt32, math.MinInt32, math.MinInt32, math.MinInt32, math.MinInt32, 0}; !slices.Equal(d, want) {
		t.Errorf("twin: %v, want %v", d, want)
	}
}

// TestRound checks Floor, Ceil, Trunc and Rint of every implementation
// against the twins (Go's math functions) bit for bit (NaNs by being
// NaN): lengths 0-300, unaligned, guards around dst, the specials,
// halves (where Rint rounds to even), negatives rounding to -0, and
// values past 2⁵² that are already integers.
func TestRound(t *testing.T) {
	testRound(t, 31, [numRound]func(dst, a []float64){FloorFloat64Unitary, CeilFloat64Unitary, TruncFloat64Unitary, RintFloat64Unitary},
		goKernels.round64)
	testRound(t, 33, [numRound]func(dst, a []float32){FloorFloat32Unitary, CeilFloat32Unitary, TruncFloat32Unitary, RintFloat32Unitary},
		goKernels.round32)
	// hand-computed
	d := make([]float64, 6)
	RintFloat64Unitary(d, []float64{0.5, 1.5, 2.5, -0.5, -1.5, 4503599627370497})
	if want := []float64{0, 2, 2, 0, -2, 4503599627370497}; !slices.Equal(d, want) || !math.Signbit(d[3]) {
		t.Errorf("rint = %v, want %v (-0 at 3)", d, want)
	}
}

func testRound[T float](t *testing.T, seed uint64, fns, twins [numRound]func(dst, a []T)) {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	names := [numRound]string{"floor", "ceil", "trunc", "rint"}
	forEachImpl(t, func(t *testing.T) {
		for _, n := range lengths {
			off := n % 3
			a, _ := testData[T](rng, n, off)
			for i := range a {
				switch rng.IntN(8) {
				case 0:
					a[i] = T(rng.IntN(21)-10) + 0.5
				case 1:
					a[i] = T(-rng.Float64() * 0.9)
				case 2:
					a[i] = T(math.Ldexp(float64(rng.IntN(1<<20)), 40))
				}
			}
			for op := range numRound {
				want := make([]T, n)
				twins[op](want, a)
				dst, check := newDst[T](t, n, off)
				fns[op](dst, a)
				check()
				for i := range n {
					if !same(dst[i], want[i], true) {
						t.Fatalf("%s n=%d i=%d: of %v got %v, want %v", names[op], n, i, a[i], dst[i], want[i])
					}
				}
			}
		}
	})
}

// TestBool checks AndBool, OrBool, XorBool and NotBool of every
// implementation against the twins: lengths 0-300 and 1000, unaligned
// starts, guards around dst, input bytes other than 0 and 1 (true when
// nonzero; the results are 0 or 1), and dst aliasing a.
func TestBool(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	fns := []struct {
		name     string
		fn, twin func(dst, a, b []bool)
	}{
		{"and", AndBool, andBoolGo}, {"or", OrBool, orBoolGo}, {"xor", XorBool, xorBoolGo},
		{"not", func(dst, a, _ []bool) { NotBool(dst, a) }, func(dst, a, _ []bool) { notBoolGo(dst, a) }},
	}
	mk := func(n, off int) []bool {
		b := make([]bool, n+off)[off:]
		raw := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(b))), n)
		for i := range raw {
			switch rng.IntN(4) {
			case 0:
				raw[i] = byte(rng.IntN(256))
			default:
				raw[i] = byte(rng.IntN(2))
			}
		}
		return b
	}
	forEachImpl(t, func(t *testing.T) {
		for _, n := range append(slices.Clone(lengths), 1000) {
			a, b := mk(n, n%5), mk(n, n%3)
			for _, f := range fns {
				want := make([]bool, n)
				f.twin(want, a, b)
				buf := make([]byte, n+2*guard)
				for i := range buf {
					buf[i] = 0x5a
				}
				dst := unsafe.Slice((*bool)(unsafe.Pointer(&buf[guard])), n)
				f.fn(dst, a, b)
				for i, v := range buf {
					if (i < guard || i >= guard+n) && v != 0x5a {
						t.Fatalf("%s n=%d: stray write at %d", f.name, n, i-guard)
					}
				}
				for i := range n {
					if g := buf[guard+i]; g != *(*byte)(unsafe.Pointer(&want[i])) || g > 1 {
						t.Fatalf("%s n=%d at %d: of %d, %d got %d, want %v", f.name, n, i,
							*(*byte)(unsafe.Pointer(&a[i])), *(*byte)(unsafe.Pointer(&b[i])), g, want[i])
					}
				}
				c := slices.Clone(a)
				f.fn(c, c, b)
				if !slices.Equal(c, want) {
					t.Fatalf("%s n=%d aliased: got %v, want %v", f.name, n, c, want)
				}
			}
		}
	})
	// the twins themselves, on 0/1 and 2
	d := make([]bool, 4)
	two := *(*bool)(unsafe.Pointer(&[]byte{2}[0]))
	AndBool(d, []bool{true, true, false, two}, []bool{true, false, false, two})
	if !slices.Equal(d, []bool{true, false, false, true}) || *(*byte)(unsafe.Pointer(&d[3])) != 1 {
		t.Errorf("AndBool = %v", d)
	}
}
