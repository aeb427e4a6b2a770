package simd

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// foldMax and foldMin are the sequential loops of the doc comments: the
// oracle of MaxFloat64 and friends (NumPy's reduction order).
func foldMax[T float](a []T) T {
	m := a[0]
	for _, x := range a[1:] {
		m = maxNaN(m, x)
	}
	return m
}

func foldMin[T float](a []T) T {
	m := a[0]
	for _, x := range a[1:] {
		m = minNaN(m, x)
	}
	return m
}

// argFold is np.argmax/argmin's loop.
func argFold[T float](a []T, isMax bool) int {
	bi := 0
	for i, x := range a {
		if x != x {
			return i
		}
		if isMax && x > a[bi] || !isMax && x < a[bi] {
			bi = i
		}
	}
	return bi
}

// extremeData returns inputs of length n at offset off: random values,
// sometimes with ±0 ties at the extreme, Inf, or NaNs at random places.
func extremeData[T float](rng *rand.Rand, n, off, kind int) []T {
	a, _ := finiteData[T](rng, n, off)
	switch kind {
	case 1: // one NaN
		a[rng.IntN(n)] = nanPayload[T](rng.IntN(5))
	case 2: // two NaNs with distinct payloads
		a[rng.IntN(n)] = nanPayload[T](1)
		a[rng.IntN(n)] = nanPayload[T](2)
	case 3: // all non-positive, zeros of both signs at the maximum
		for i := range a {
			a[i] = -T(math.Abs(float64(a[i])))
			if rng.IntN(8) == 0 {
				a[i] = T(math.Copysign(0, float64(rng.IntN(2)*2-1)))
			}
		}
	case 4: // all non-negative, zeros of both signs at the minimum
		for i := range a {
			a[i] = T(math.Abs(float64(a[i])))
			if rng.IntN(8) == 0 {
				a[i] = T(math.Copysign(0, float64(rng.IntN(2)*2-1)))
			}
		}
	case 5: // infinities and repeated extremes
		for i := range a {
			switch rng.IntN(6) {
			case 0:
				a[i] = T(math.Inf(1))
			case 1:
				a[i] = T(math.Inf(-1))
			case 2:
				a[i] = 7
			}
		}
	}
	return a
}

func testExtreme[T float](t *testing.T, maxF, minF func([]T) T, argMax, argMin func([]T) int) {
	rng := rand.New(rand.NewPCG(9, 10))
	ls := append(lengths[1:], 2047, 2048, 2049, 4096+65, 10000)
	// long runs go to the stream kernels
	ls = append(ls, extremeStream-1, extremeStream+77)
	for _, n := range ls {
		for kind := range 6 {
			a := extremeData[T](rng, n, n%8, kind)
			for _, c := range []struct {
				name string
				got  T
				want T
			}{{"max", maxF(a), foldMax(a)}, {"min", minF(a), foldMin(a)}} {
				if bits(c.got) != bits(c.want) {
					t.Fatalf("n=%d kind=%d: %s = %v (%#x), want %v (%#x)", n, kind, c.name, c.got, bits(c.got), c.want, bits(c.want))
				}
			}
			if got, want := argMax(a), argFold(a, true); got != want {
				t.Fatalf("n=%d kind=%d: argmax = %d, want %d", n, kind, got, want)
			}
			if got, want := argMin(a), argFold(a, false); got != want {
				t.Fatalf("n=%d kind=%d: argmin = %d, want %d", n, kind, got, want)
			}
		}
	}
}

func TestExtreme(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) {
			testExtreme(t, MaxFloat64, MinFloat64, ArgMaxFloat64, ArgMinFloat64)
		})
		t.Run("float32", func(t *testing.T) {
			testExtreme(t, MaxFloat32, MinFloat32, ArgMaxFloat32, ArgMinFloat32)
		})
	})
}

// TestExtremeNumPy pins values printed by NumPy 1.24.
func TestExtremeNumPy(t *testing.T) {
	negz := math.Copysign(0, -1)
	nan := math.NaN()
	alt := func(n int, x, y float64) []float64 { // x, y, x, y, ...
		a := make([]float64, n)
		for i := range a {
			a[i] = x
			if i%2 == 1 {
				a[i] = y
			}
		}
		return a
	}
	big := make([]float64, 1000)
	for i := range big {
		big[i] = float64((i * 37) % 1000)
	}
	big[700] = 999 // a tie with index 27 ((27*37)%1000 == 999)
	withNaN := append([]float64(nil), big...)
	withNaN[500], withNaN[900] = nan, nan
	forEachImpl(t, func(t *testing.T) {
		for _, c := range []struct {
			name           string
			a              []float64
			max, min       float64
			argmax, argmin int
		}{
			// np.max(np.array([0., -0.]*50)) is -0.0; [-0., 0.]*50 gives 0.0
			{"zeros +-", alt(100, 0, negz), negz, negz, 0, 0},
			{"zeros -+", alt(100, negz, 0), 0, 0, 0, 0},
			{"ramp", big, 999, 0, 27, 0},
			{"nan", withNaN, nan, nan, 500, 500},
			{"single", []float64{-3}, -3, -3, 0, 0},
		} {
			gotMax, gotMin := MaxFloat64(c.a), MinFloat64(c.a)
			if !(gotMax == c.max && math.Signbit(gotMax) == math.Signbit(c.max) || gotMax != gotMax && c.max != c.max) {
				t.Errorf("%s: max = %v, want %v", c.name, gotMax, c.max)
			}
			if !(gotMin == c.min && math.Signbit(gotMin) == math.Signbit(c.min) || gotMin != gotMin && c.min != c.min) {
				t.Errorf("%s: min = %v, want %v", c.name, gotMin, c.min)
			}
			if got := ArgMaxFloat64(c.a); got != c.argmax {
				t.Errorf("%s: argmax = %d, want %d", c.name, got, c.argmax)
			}
			if got := ArgMinFloat64(c.a); got != c.argmin {
				t.Errorf("%s: argmin = %d, want %d", c.name, got, c.argmin)
			}
		}
	})
}

func TestExtremeEmptyPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MaxFloat64 of an empty slice did not panic")
		}
	}()
	MaxFloat64(nil)
}

func testIntSum[T integer](t *testing.T, sum func([]T) int64, lo, hi int64) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, n := range append(lengths, sumI16Max-1, sumI16Max+blockLen+3, 3*sumI16Max+17) {
		buf := make([]T, n+3)
		a := buf[n%4 : n%4+n]
		var want int64
		for i := range a {
			v := lo + rng.Int64N(hi-lo+1)
			switch rng.IntN(8) { // extremes, to provoke any lane overflow
			case 0:
				v = lo
			case 1:
				v = hi
			}
			a[i] = T(v)
			want += v
		}
		if got := sum(a); got != want {
			t.Fatalf("n=%d: sum = %d, want %d", n, got, want)
		}
	}
	// all at the extremes
	for _, v := range []int64{lo, hi} {
		a := make([]T, 3*sumI16Max+5)
		for i := range a {
			a[i] = T(v)
		}
		if got, want := sum(a), v*int64(len(a)); got != want {
			t.Errorf("all %d: sum = %d, want %d", v, got, want)
		}
	}
}

func TestIntSum(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("int8", func(t *testing.T) { testIntSum(t, SumInt8ToInt64, math.MinInt8, math.MaxInt8) })
		t.Run("int16", func(t *testing.T) { testIntSum(t, SumInt16ToInt64, math.MinInt16, math.MaxInt16) })
		t.Run("int32", func(t *testing.T) { testIntSum(t, SumInt32ToInt64, math.MinInt32, math.MaxInt32) })
		t.Run("int64", func(t *testing.T) { testIntSum(t, SumInt64, math.MinInt64/4, math.MaxInt64/4) })
	})
	// int64 wraps as Go's addition: MaxInt64 + 1 = MinInt64.
	a := make([]int64, 100)
	a[0], a[99] = math.MaxInt64, 1
	if got := SumInt64(a); got != math.MinInt64 {
		t.Errorf("SumInt64 wrap = %d, want %d", got, int64(math.MinInt64))
	}
}

// intEdges are the operands at which int32/int64 arithmetic wraps: the
// extremes, ±1, 0 and powers of two whose products overflow.
func intEdges[T int32 | int64]() []T {
	bits := 8 * intSize[T]()
	lo := T(-1) << (bits - 1)
	hi := ^lo
	h := T(1) << (bits / 2)
	return []T{lo, hi, lo + 1, hi - 1, -1, 0, 1, 2, -2, h, -h, h + 1, lo / 2, hi / 2}
}

// intSize is the size of T in bytes.
func intSize[T int32 | int64]() int {
	var z T
	return int(unsafe.Sizeof(z))
}

// testIntBinary checks fn against the Go loop oracle for every length to
// 300 and a few long ones, with inputs and dst at unaligned starts
// (different offsets for each), guard elements on both sides of dst,
// random full-range values mixed with the wrapping edge cases, and dst
// aliasing an input.
func testIntBinary[T int32 | int64](t *testing.T, name string, fn, oracle func(dst, a, b []T)) {
	rng := rand.New(rand.NewPCG(13, 14))
	edges := intEdges[T]()
	const guardVal = 0x5a
	t.Run(name, func(t *testing.T) {
		for _, n := range lengths {
			mk := func(off int) []T {
				x := make([]T, n+off)[off:]
				for i := range x {
					if rng.IntN(4) == 0 {
						x[i] = edges[rng.IntN(len(edges))]
					} else {
						x[i] = T(rng.Uint64())
					}
				}
				return x
			}
			a, b := mk(n%8), mk((n/8+3)%8)
			want := make([]T, n)
			oracle(want, a, b)
			doff := (n / 3) % 8
			buf := make([]T, n+2*guard)
			for i := range buf {
				buf[i] = guardVal
			}
			dst := buf[guard-doff : guard-doff+n : guard-doff+n]
			fn(dst, a, b)
			for i, v := range buf {
				if (i < guard-doff || i >= guard-doff+n) && v != guardVal {
					t.Fatalf("n=%d: stray write at %d", n, i-(guard-doff))
				}
			}
			for i := range n {
				if dst[i] != want[i] {
					t.Fatalf("n=%d: %s(%d, %d) at %d = %d, want %d", n, name, a[i], b[i], i, dst[i], want[i])
				}
			}
			fn(a, a, b) // aliasing
			for i := range n {
				if a[i] != want[i] {
					t.Fatalf("n=%d aliased: at %d got %d, want %d", n, i, a[i], want[i])
				}
			}
		}
	})
}

// testIntWrap checks hand-computed wrapping results at every position of
// a run long enough for the unrolled loops, the single-vector loop and
// the tail.
func testIntWrap[T int32 | int64](t *testing.T, add, sub, mul func(dst, a, b []T)) {
	lo := T(-1) << (8*intSize[T]() - 1)
	hi := ^lo
	h := T(1) << (4 * intSize[T]())
	for _, c := range []struct {
		name string
		fn   func(dst, a, b []T)
		x, y T
		want T
	}{
		{"max+1", add, hi, 1, lo},
		{"min+min", add, lo, lo, 0},
		{"min-1", sub, lo, 1, hi},
		{"0-min", sub, 0, lo, lo},
		{"min*-1", mul, lo, -1, lo},
		{"h*h", mul, h, h, 0},
		{"(h+1)*(h-1)", mul, h + 1, h - 1, -1},
		{"max*max", mul, hi, hi, 1},
	} {
		const n = 77
		for p := range n {
			a, b, d := make([]T, n), make([]T, n), make([]T, n)
			for i := range n {
				a[i], b[i] = T(i), 1
			}
			a[p], b[p] = c.x, c.y
			c.fn(d, a, b)
			if d[p] != c.want {
				t.Fatalf("%s at %d of %d: got %d, want %d", c.name, p, n, d[p], c.want)
			}
		}
	}
}

// intBinaryCases runs testIntBinary for the ten kernels and testIntWrap
// for the six that wrap.
func intBinaryCases(t *testing.T) {
	testIntBinary(t, "AddInt32", AddInt32Unitary, addIntGo[int32])
	testIntBinary(t, "SubInt32", SubInt32Unitary, subIntGo[int32])
	testIntBinary(t, "MulInt32", MulInt32Unitary, mulIntGo[int32])
	testIntBinary(t, "AddInt64", AddInt64Unitary, addIntGo[int64])
	testIntBinary(t, "SubInt64", SubInt64Unitary, subIntGo[int64])
	testIntBinary(t, "MulInt64", MulInt64Unitary, mulIntGo[int64])
	testIntBinary(t, "MaxInt32", MaxInt32Unitary, maxIntGo[int32])
	testIntBinary(t, "MinInt32", MinInt32Unitary, minIntGo[int32])
	testIntBinary(t, "MaxInt64", MaxInt64Unitary, maxIntGo[int64])
	testIntBinary(t, "MinInt64", MinInt64Unitary, minIntGo[int64])
	t.Run("wrap32", func(t *testing.T) { testIntWrap(t, AddInt32Unitary, SubInt32Unitary, MulInt32Unitary) })
	t.Run("wrap64", func(t *testing.T) { testIntWrap(t, AddInt64Unitary, SubInt64Unitary, MulInt64Unitary) })
}

func TestIntBinary(t *testing.T) {
	forEachImpl(t, intBinaryCases)
	// hand-computed wrapping
	d := make([]int32, 1)
	MulInt32Unitary(d, []int32{1 << 30}, []int32{4})
	if d[0] != 0 {
		t.Errorf("2^30 * 4 in int32 = %d, want 0", d[0])
	}
	// hand-computed extremes, signed: the ends of the range and -1
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	x := []int64{lo, -1, hi, 0, 5, -7, lo, hi, 3}
	y := []int64{hi, 0, lo, -1, 5, -8, -1, 1, 3}
	mx, mn := make([]int64, len(x)), make([]int64, len(x))
	MaxInt64Unitary(mx, x, y)
	MinInt64Unitary(mn, x, y)
	if w := []int64{hi, 0, hi, 0, 5, -7, -1, hi, 3}; !slices.Equal(mx, w) {
		t.Errorf("MaxInt64Unitary = %v, want %v", mx, w)
	}
	if w := []int64{lo, -1, lo, -1, 5, -8, lo, 1, 3}; !slices.Equal(mn, w) {
		t.Errorf("MinInt64Unitary = %v, want %v", mn, w)
	}
}

func TestConvertFloat64ToFloat32(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	forEachImpl(t, func(t *testing.T) {
		for _, n := range lengths {
			a := make([]float64, n+1)[1:]
			for i := range a {
				switch rng.IntN(6) {
				case 0:
					a[i] = math.Float64frombits(rng.Uint64()) // any bits: NaNs, huge, tiny
				case 1:
					a[i] = specials[float64]()[rng.IntN(12)]
				default:
					a[i] = rng.NormFloat64()
				}
			}
			dst, check := newDst[float32](t, n, n%3)
			ConvertFloat64ToFloat32(dst, a)
			check()
			for i := range n {
				w := float32(a[i])
				if !same(dst[i], w, false) {
					t.Fatalf("n=%d: float32(%v) = %v (%#x), want %v (%#x)", n, a[i], dst[i], bits(dst[i]), w, bits(w))
				}
			}
		}
	})
	// 1 + 2^-24 is a tie: to even, 1; 1 + 3·2^-24 rounds up.
	d := make([]float32, 2)
	ConvertFloat64ToFloat32(d, []float64{1 + 0x1p-24, 1 + 0x3p-24})
	if d[0] != 1 || d[1] != 1+0x1p-22 {
		t.Errorf("ties: got %v, want [1 1.0000002]", d)
	}
}

// TestConvertFloat16 checks every implementation against the pure-Go
// twin on all float16 patterns and on float32 patterns (all 2³² of them
// without -short, a stride of them with -short).
func TestConvertFloat16(t *testing.T) {
	all16 := make([]uint16, 1<<16)
	for i := range all16 {
		all16[i] = uint16(i)
	}
	want32 := make([]float32, len(all16))
	convertFloat16ToFloat32Go(want32, all16)
	stride := uint64(1)
	if testing.Short() {
		stride = 257
	}
	forEachImpl(t, func(t *testing.T) {
		got := make([]float32, len(all16))
		ConvertFloat16ToFloat32(got, all16)
		for i := range got {
			if bits(got[i]) != bits(want32[i]) {
				t.Fatalf("float16 %#04x -> %#08x, want %#08x", i, bits(got[i]), bits(want32[i]))
			}
		}
		stride := stride
		if Implementation() == "go" && stride == 1 {
			stride = 257 // the oracle against itself: a sample is enough
		}
		const chunk = 1 << 16
		src := make([]float32, chunk)
		dst, want := make([]uint16, chunk), make([]uint16, chunk)
		for base := uint64(0); base < 1<<32; base += chunk * stride {
			for i := range src {
				src[i] = math.Float32frombits(uint32(base + uint64(i)*stride))
			}
			ConvertFloat32ToFloat16(dst, src)
			convertFloat32ToFloat16Go(want, src)
			for i := range dst {
				if dst[i] != want[i] {
					t.Fatalf("float32 %#08x -> %#04x, want %#04x", math.Float32bits(src[i]), dst[i], want[i])
				}
			}
		}
	})
}

// TestToHalf pins the twin with hand-computed binary16 patterns.
func TestToHalf(t *testing.T) {
	for _, c := range []struct {
		f    float32
		want uint16
	}{
		{0, 0}, {float32(math.Copysign(0, -1)), 0x8000}, {1, 0x3c00}, {-2, 0xc000},
		{65504, 0x7bff}, {65520, 0x7c00}, {65519.996, 0x7bff}, // largest, tie to Inf, below it
		{0x1p-24, 0x0001}, {0x1p-25, 0}, {0x1.000002p-25, 0x0001}, {0x3p-25, 0x0002}, // subnormals, ties to even
		{1 + 0x1p-11, 0x3c00}, {1 + 0x3p-11, 0x3c02}, // ties to even
		{float32(math.Inf(-1)), 0xfc00},
		{math.Float32frombits(0x7fc00000), 0x7e00}, {math.Float32frombits(0x7f800001), 0x7e00}, {math.Float32frombits(0xffffe000), 0xffff},
	} {
		if got := toHalf(c.f); got != c.want {
			t.Errorf("toHalf(%v = %#08x) = %#04x, want %#04x", c.f, math.Float32bits(c.f), got, c.want)
		}
	}
}

var sinkInt int
var sinkI64 int64

func BenchmarkMaxFloat64(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(i % 1000)
		}
		for b.Loop() {
			sink64 = MaxFloat64(x)
		}
	})
}

func BenchmarkArgMaxFloat64(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		rng := rand.New(rand.NewPCG(1, 1))
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.Float64()
		}
		for b.Loop() {
			sinkInt = ArgMaxFloat64(x)
		}
	})
}

func BenchmarkSumInt8ToInt64(b *testing.B) {
	benchImpls(b, 1, func(b *testing.B, n int) {
		x := make([]int8, n)
		for b.Loop() {
			sinkI64 = SumInt8ToInt64(x)
		}
	})
}

func BenchmarkSumInt16ToInt64(b *testing.B) {
	benchImpls(b, 2, func(b *testing.B, n int) {
		x := make([]int16, n)
		for b.Loop() {
			sinkI64 = SumInt16ToInt64(x)
		}
	})
}

func BenchmarkSumInt32ToInt64(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x := make([]int32, n)
		for b.Loop() {
			sinkI64 = SumInt32ToInt64(x)
		}
	})
}

func BenchmarkSumInt64(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x := make([]int64, n)
		for b.Loop() {
			sinkI64 = SumInt64(x)
		}
	})
}

func BenchmarkAddInt32Unitary(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x, y, d := make([]int32, n), make([]int32, n), make([]int32, n)
		for b.Loop() {
			AddInt32Unitary(d, x, y)
		}
	})
}

func BenchmarkMulInt32Unitary(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x, y, d := make([]int32, n), make([]int32, n), make([]int32, n)
		for b.Loop() {
			MulInt32Unitary(d, x, y)
		}
	})
}

func BenchmarkAddInt64Unitary(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, y, d := make([]int64, n), make([]int64, n), make([]int64, n)
		for b.Loop() {
			AddInt64Unitary(d, x, y)
		}
	})
}

func BenchmarkMaxInt32Unitary(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x, y, d := make([]int32, n), make([]int32, n), make([]int32, n)
		for b.Loop() {
			MaxInt32Unitary(d, x, y)
		}
	})
}

func BenchmarkMaxInt64Unitary(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, y, d := make([]int64, n), make([]int64, n), make([]int64, n)
		for b.Loop() {
			MaxInt64Unitary(d, x, y)
		}
	})
}

func BenchmarkMulInt64Unitary(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, y, d := make([]int64, n), make([]int64, n), make([]int64, n)
		for b.Loop() {
			MulInt64Unitary(d, x, y)
		}
	})
}

func BenchmarkConvertFloat64ToFloat32(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, d := make([]float64, n), make([]float32, n)
		for b.Loop() {
			ConvertFloat64ToFloat32(d, x)
		}
	})
}

func BenchmarkConvertFloat32ToFloat16(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x, d := make([]float32, n), make([]uint16, n)
		for i := range x {
			x[i] = float32(i) * 0.37
		}
		for b.Loop() {
			ConvertFloat32ToFloat16(d, x)
		}
	})
}

func BenchmarkConvertFloat16ToFloat32(b *testing.B) {
	benchImpls(b, 2, func(b *testing.B, n int) {
		x, d := make([]uint16, n), make([]float32, n)
		for i := range x {
			x[i] = uint16(i)
		}
		for b.Loop() {
			ConvertFloat16ToFloat32(d, x)
		}
	})
}

// TestIntExtreme checks MaxInt*, MinInt*, ArgMaxInt* and ArgMinInt* of
// every implementation against Go loops: lengths 1-300 and runs longer
// than argBlock, unaligned starts, full-range values mixed with the ends
// of the range, and values from a small set, so that the extreme occurs
// many times (in several argBlock runs) and the first index must win.
func TestIntExtreme(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		testIntExtreme(t, MaxInt64, MinInt64, ArgMaxInt64, ArgMinInt64)
		testIntExtreme(t, MaxInt32, MinInt32, ArgMaxInt32, ArgMinInt32)
	})
}

func testIntExtreme[T int32 | int64](t *testing.T, mx, mn func([]T) T, amx, amn func([]T) int) {
	rng := rand.New(rand.NewPCG(51, 52))
	edges := intEdges[T]()
	ns := append(slices.Clone(lengths[1:]), 3*argBlock+77, argBlock)
	for _, few := range []bool{false, true} {
		for _, n := range ns {
			a := make([]T, n+n%5)[n%5:]
			for i := range a {
				switch {
				case few:
					a[i] = T(rng.IntN(7)) - 3
				case rng.IntN(4) == 0:
					a[i] = edges[rng.IntN(len(edges))]
				default:
					a[i] = T(rng.Uint64())
				}
			}
			imax, imin := 0, 0
			for i, x := range a {
				if x > a[imax] {
					imax = i
				}
				if x < a[imin] {
					imin = i
				}
			}
			if g := mx(a); g != a[imax] {
				t.Fatalf("%T n=%d few=%v: max = %d, want %d", a, n, few, g, a[imax])
			}
			if g := mn(a); g != a[imin] {
				t.Fatalf("%T n=%d few=%v: min = %d, want %d", a, n, few, g, a[imin])
			}
			if g := amx(a); g != imax {
				t.Fatalf("%T n=%d few=%v: argmax = %d, want %d", a, n, few, g, imax)
			}
			if g := amn(a); g != imin {
				t.Fatalf("%T n=%d few=%v: argmin = %d, want %d", a, n, few, g, imin)
			}
		}
	}
	for _, f := range []func(){func() { mx(nil) }, func() { amn([]T{}) }} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%T: no panic on an empty slice", *new(T))
				}
			}()
			f()
		}()
	}
}

func BenchmarkMaxInt64(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x := make([]int64, n)
		for b.Loop() {
			sinkI64 = MaxInt64(x)
		}
	})
}

func BenchmarkArgMaxInt32(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x := make([]int32, n)
		for i := range x {
			x[i] = int32(i % 1001)
		}
		for b.Loop() {
			sinkI64 = int64(ArgMaxInt32(x))
		}
	})
}

// TestIntUnary checks NegateInt*Unitary and AbsInt*Unitary of every
// implementation against the Go twins: lengths 0-300 and a long one,
// unaligned starts, guard elements around dst, the ends of the range
// (-MinInt wraps to MinInt), and dst aliasing a.
func TestIntUnary(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		testIntUnary(t, "NegateInt32", NegateInt32Unitary, negIntGo[int32])
		testIntUnary(t, "AbsInt32", AbsInt32Unitary, absIntGo[int32])
		testIntUnary(t, "NegateInt64", NegateInt64Unitary, negIntGo[int64])
		testIntUnary(t, "AbsInt64", AbsInt64Unitary, absIntGo[int64])
	})
	// hand-computed: the twins themselves
	lo := int64(math.MinInt64)
	a := []int64{lo, -1, 0, 1, math.MaxInt64, -5}
	ng, ab := make([]int64, len(a)), make([]int64, len(a))
	NegateInt64Unitary(ng, a)
	AbsInt64Unitary(ab, a)
	if w := []int64{lo, 1, 0, -1, -math.MaxInt64, 5}; !slices.Equal(ng, w) {
		t.Errorf("NegateInt64Unitary = %v, want %v", ng, w)
	}
	if w := []int64{lo, 1, 0, 1, math.MaxInt64, 5}; !slices.Equal(ab, w) {
		t.Errorf("AbsInt64Unitary = %v, want %v", ab, w)
	}
}

func testIntUnary[T int32 | int64](t *testing.T, name string, fn, twin func(dst, a []T)) {
	rng := rand.New(rand.NewPCG(61, 62))
	edges := intEdges[T]()
	const guardVal = 0x5a
	for _, n := range append(slices.Clone(lengths), 1000+7) {
		a := make([]T, n+n%7)[n%7:]
		for i := range a {
			if rng.IntN(4) == 0 {
				a[i] = edges[rng.IntN(len(edges))]
			} else {
				a[i] = T(rng.Uint64())
			}
		}
		want := make([]T, n)
		twin(want, a)
		doff := (n / 3) % 8
		buf := make([]T, n+2*guard)
		for i := range buf {
			buf[i] = guardVal
		}
		dst := buf[guard-doff : guard-doff+n : guard-doff+n]
		fn(dst, a)
		for i, v := range buf {
			if (i < guard-doff || i >= guard-doff+n) && v != guardVal {
				t.Fatalf("%s n=%d: stray write at %d", name, n, i-(guard-doff))
			}
		}
		if !slices.Equal(dst, want) {
			t.Fatalf("%s n=%d: got %v, want %v", name, n, dst, want)
		}
		fn(a, a)
		if !slices.Equal(a, want) {
			t.Fatalf("%s n=%d aliased: got %v, want %v", name, n, a, want)
		}
	}
}

// TestIntScalar checks the int32/int64 operations with a scalar of every
// implementation against the Go twins: lengths 0-300 and 1007,
// unaligned starts, guards around dst, scalars and elements at the ends
// of the range (wrapping sums, differences and products), and dst
// aliasing a.
func TestIntScalar(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		testIntScalar(t, []func(dst, a []int64, s int64){AddInt64ScalarUnitary, SubInt64ScalarUnitary, MulInt64ScalarUnitary,
			MaxInt64ScalarUnitary, MinInt64ScalarUnitary, RsubInt64ScalarUnitary}, goKernels.sclI64)
		testIntScalar(t, []func(dst, a []int32, s int32){AddInt32ScalarUnitary, SubInt32ScalarUnitary, MulInt32ScalarUnitary,
			MaxInt32ScalarUnitary, MinInt32ScalarUnitary, RsubInt32ScalarUnitary}, goKernels.sclI32)
	})
	// the twins themselves
	d := make([]int64, 3)
	RsubInt64ScalarUnitary(d, []int64{1, -2, math.MinInt64}, 10)
	if !slices.Equal(d, []int64{9, 12, math.MinInt64 + 10}) {
		t.Errorf("10 - a = %v", d)
	}
}

func testIntScalar[T int32 | int64](t *testing.T, fns []func(dst, a []T, s T), twins [numIntScalar]func(dst, a []T, s T)) {
	rng := rand.New(rand.NewPCG(63, 64))
	edges := intEdges[T]()
	val := func() T {
		if rng.IntN(4) == 0 {
			return edges[rng.IntN(len(edges))]
		}
		return T(rng.Uint64())
	}
	const guardVal = 0x5a
	for _, n := range append(slices.Clone(lengths), 1007) {
		a := make([]T, n+n%7)[n%7:]
		for i := range a {
			a[i] = val()
		}
		for op, fn := range fns {
			s := val()
			want := make([]T, n)
			twins[op](want, a, s)
			doff := (n / 3) % 8
			buf := make([]T, n+2*guard)
			for i := range buf {
				buf[i] = guardVal
			}
			dst := buf[guard-doff : guard-doff+n : guard-doff+n]
			fn(dst, a, s)
			for i, v := range buf {
				if (i < guard-doff || i >= guard-doff+n) && v != guardVal {
					t.Fatalf("%T op %d n=%d: stray write at %d", s, op, n, i-(guard-doff))
				}
			}
			if !slices.Equal(dst, want) {
				t.Fatalf("%T op %d n=%d s=%d: got %v, want %v", s, op, n, s, dst, want)
			}
			c := slices.Clone(a)
			fn(c, c, s)
			if !slices.Equal(c, want) {
				t.Fatalf("%T op %d n=%d aliased", s, op, n)
			}
		}
	}
}
