package simd

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// The shared suite: every implementation this CPU has runs through the
// same tests against the pure-Go oracle (gonum's testblas pattern).

// forEachImpl runs f as a subtest under every available implementation.
func forEachImpl(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	for _, name := range Implementations() {
		restore, ok := use(name)
		if !ok {
			t.Fatalf("implementation %q listed but not selectable", name)
		}
		t.Run(name, f)
		restore()
	}
}

// TestDispatch checks the start-up choice: the best implementation is
// active, and the pure-Go one is always available, last.
func TestDispatch(t *testing.T) {
	names := Implementations()
	t.Logf("implementations: %v, active: %s", names, Implementation())
	if len(names) == 0 || names[len(names)-1] != "go" {
		t.Fatalf("Implementations() = %v, want the list to end with \"go\"", names)
	}
	if Implementation() != names[0] {
		t.Errorf("active implementation %q, want the best one %q", Implementation(), names[0])
	}
	if _, ok := use("no-such-implementation"); ok {
		t.Error("use accepted an unknown implementation")
	}
}

// lengths are the run lengths tested: every length to 300 (all tails of
// every unroll factor) and a few long ones.
var lengths = func() []int {
	var ls []int
	for n := 0; n <= 300; n++ {
		ls = append(ls, n)
	}
	return append(ls, 511, 1000, 1031, 4099)
}()

const guard = 16 // guard elements on each side of dst

// guardBits is the guard value: a NaN no kernel produces.
const guardBits64, guardBits32 = 0x7ff4_dead_beef_cafe, 0x7fa1_dead

func guardVal[T float]() T {
	var z T
	if _, ok := any(z).(float32); ok {
		return T(math.Float32frombits(guardBits32))
	}
	return T(math.Float64frombits(guardBits64))
}

// bits returns the bit pattern of v, widened.
func bits[T float](v T) uint64 {
	switch x := any(v).(type) {
	case float32:
		return uint64(math.Float32bits(x))
	case float64:
		return math.Float64bits(x)
	}
	panic("unreachable")
}

// nanPayloads are quiet NaNs with distinct payloads, so that tests see
// which NaN a kernel propagates.
func nanPayload[T float](k int) T {
	var z T
	if _, ok := any(z).(float32); ok {
		return T(math.Float32frombits(0x7fc0_0000 | uint32(k+1)))
	}
	return T(math.Float64frombits(0x7ff8_0000_0000_0000 | uint64(k+1)))
}

// specials are the values mixed into test data.
func specials[T float]() []T {
	inf := T(math.Inf(1))
	return []T{0, T(math.Copysign(0, -1)), 1, -1, inf, -inf, nanPayload[T](0), nanPayload[T](7),
		T(math.SmallestNonzeroFloat32), -T(math.SmallestNonzeroFloat32), 3.5, -3.5}
}

// testData returns a pair of inputs of length n: random values with
// specials and equal pairs mixed in, placed off elements into larger
// slices so that starts are unaligned.
func testData[T float](rng *rand.Rand, n, off int) (a, b []T) {
	sp := specials[T]()
	gen := func() []T {
		buf := make([]T, n+off)
		x := buf[off:]
		for i := range x {
			switch r := rng.IntN(10); {
			case r == 0:
				x[i] = sp[rng.IntN(len(sp))]
			default:
				x[i] = T((rng.Float64()*2 - 1) * math.Pow(2, float64(rng.IntN(20)-10)))
			}
		}
		return x
	}
	a, b = gen(), gen()
	for i := range n { // equal values and ±0 ties
		switch rng.IntN(16) {
		case 0:
			b[i] = a[i]
		case 1:
			a[i], b[i] = 0, T(math.Copysign(0, -1))
		case 2:
			a[i], b[i] = T(math.Copysign(0, -1)), 0
		}
	}
	return a, b
}

// newDst returns dst of length n at offset off inside a guarded buffer,
// and a check that the guards are intact.
func newDst[T float](t *testing.T, n, off int) (dst []T, check func()) {
	buf := make([]T, guard+off+n+guard)
	for i := range buf {
		buf[i] = guardVal[T]()
	}
	dst = buf[guard+off : guard+off+n : guard+off+n]
	return dst, func() {
		t.Helper()
		for i, v := range buf {
			if (i < guard+off || i >= guard+off+n) && bits(v) != bits(guardVal[T]()) {
				t.Fatalf("n=%d off=%d: stray write at buffer index %d (dst is [%d,%d)): %v", n, off, i, guard+off, guard+off+n, v)
			}
		}
	}
}

// same reports whether got and want agree: identical bits, or both NaN
// when anyNaN (NaN payloads through arithmetic are unspecified).
func same[T float](got, want T, anyNaN bool) bool {
	if bits(got) == bits(want) {
		return true
	}
	return anyNaN && got != got && want != want
}

type binCase[T float] struct {
	name   string
	fn     func(dst, a, b []T)
	oracle func(dst, a, b []T)
	anyNaN bool
}

func binCases64() []binCase[float64] {
	g := goKernels.bin64
	return []binCase[float64]{
		{"Add", AddFloat64Unitary, g[opAdd], true},
		{"Sub", SubFloat64Unitary, g[opSub], true},
		{"Mul", MulFloat64Unitary, g[opMul], true},
		{"Div", DivFloat64Unitary, g[opDiv], true},
		{"Max", MaxFloat64Unitary, g[opMax], false},
		{"Min", MinFloat64Unitary, g[opMin], false},
	}
}

func binCases32() []binCase[float32] {
	g := goKernels.bin32
	return []binCase[float32]{
		{"Add", AddFloat32Unitary, g[opAdd], true},
		{"Sub", SubFloat32Unitary, g[opSub], true},
		{"Mul", MulFloat32Unitary, g[opMul], true},
		{"Div", DivFloat32Unitary, g[opDiv], true},
		{"Max", MaxFloat32Unitary, g[opMax], false},
		{"Min", MinFloat32Unitary, g[opMin], false},
	}
}

func testBinary[T float](t *testing.T, cases []binCase[T]) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, n := range lengths {
				for off := range 8 {
					a, b := testData[T](rng, n, off)
					want := make([]T, n)
					c.oracle(want, a, b)
					dst, check := newDst[T](t, n, (off+3)%8)
					c.fn(dst, a, b)
					check()
					for i := range n {
						if !same(dst[i], want[i], c.anyNaN) {
							t.Fatalf("n=%d off=%d: %s(%v, %v) at %d = %v (%#x), want %v (%#x)",
								n, off, c.name, a[i], b[i], i, dst[i], bits(dst[i]), want[i], bits(want[i]))
						}
					}
					// dst aliasing an input.
					cp := append([]T(nil), a...)
					c.fn(cp, cp, b)
					for i := range n {
						if !same(cp[i], want[i], c.anyNaN) {
							t.Fatalf("n=%d off=%d aliased: at %d got %v, want %v", n, off, i, cp[i], want[i])
						}
					}
				}
			}
		})
	}
}

func TestBinary(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testBinary(t, binCases64()) })
		t.Run("float32", func(t *testing.T) { testBinary(t, binCases32()) })
	})
}

// TestMinMaxNaN pins NumPy's semantics with hand-computed cases:
// np.maximum(a, b) keeps a NaN from either side, a's first; of ±0 it takes b.
func TestMinMaxNaN(t *testing.T) {
	nan1, nan2 := nanPayload[float64](1), nanPayload[float64](2)
	negz := math.Copysign(0, -1)
	inf := math.Inf(1)
	a := []float64{nan1, 1, nan1, 0, negz, 2, -inf, 5}
	b := []float64{1, nan2, nan2, negz, 0, 3, inf, 5}
	wantMax := []float64{nan1, nan2, nan1, negz, 0, 3, inf, 5}
	wantMin := []float64{nan1, nan2, nan1, negz, 0, 2, -inf, 5}
	forEachImpl(t, func(t *testing.T) {
		for _, n := range []int{8, 3, 8 + 16, 8 + 32} { // tails and vector bodies
			ra, rb := make([]float64, n), make([]float64, n)
			for i := range n {
				ra[i], rb[i] = a[i%8], b[i%8]
			}
			for _, c := range []struct {
				name string
				fn   func(dst, a, b []float64)
				want []float64
			}{{"max", MaxFloat64Unitary, wantMax}, {"min", MinFloat64Unitary, wantMin}} {
				dst := make([]float64, n)
				c.fn(dst, ra, rb)
				for i := range n {
					if bits(dst[i]) != bits(c.want[i%8]) {
						t.Errorf("n=%d %s(%v, %v) = %v (%#x), want %v (%#x)", n, c.name, ra[i], rb[i], dst[i], bits(dst[i]), c.want[i%8], bits(c.want[i%8]))
					}
				}
				d32, a32, b32 := make([]float32, n), make([]float32, n), make([]float32, n)
				for i := range n {
					a32[i], b32[i] = float32(ra[i]), float32(rb[i])
				}
				if c.name == "max" {
					MaxFloat32Unitary(d32, a32, b32)
				} else {
					MinFloat32Unitary(d32, a32, b32)
				}
				for i := range n {
					w := float32(c.want[i%8])
					if bits(d32[i]) != bits(w) {
						t.Errorf("float32 n=%d %s(%v, %v) = %v, want %v", n, c.name, a32[i], b32[i], d32[i], w)
					}
				}
			}
		}
	})
}

type scalarCase[T float] struct {
	name   string
	fn     func(dst, a []T, s T)
	oracle func(dst, a []T, s T)
}

func scalarCases64() []scalarCase[float64] {
	g := goKernels.scalar64
	return []scalarCase[float64]{
		{"Add", AddFloat64ScalarUnitary, g[opAddS]},
		{"Sub", SubFloat64ScalarUnitary, g[opSubS]},
		{"Mul", MulFloat64ScalarUnitary, g[opMulS]},
		{"Div", DivFloat64ScalarUnitary, g[opDivS]},
		{"Rsub", RsubFloat64ScalarUnitary, g[opRsubS]},
		{"Rdiv", RdivFloat64ScalarUnitary, g[opRdivS]},
	}
}

func scalarCases32() []scalarCase[float32] {
	g := goKernels.scalar32
	return []scalarCase[float32]{
		{"Add", AddFloat32ScalarUnitary, g[opAddS]},
		{"Sub", SubFloat32ScalarUnitary, g[opSubS]},
		{"Mul", MulFloat32ScalarUnitary, g[opMulS]},
		{"Div", DivFloat32ScalarUnitary, g[opDivS]},
		{"Rsub", RsubFloat32ScalarUnitary, g[opRsubS]},
		{"Rdiv", RdivFloat32ScalarUnitary, g[opRdivS]},
	}
}

func testScalar[T float](t *testing.T, cases []scalarCase[T]) {
	rng := rand.New(rand.NewPCG(3, 4))
	scalars := append(specials[T](), 0.1, -7.25, 1e-30)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, n := range lengths {
				off := n % 8
				a, _ := testData[T](rng, n, off)
				for _, s := range scalars {
					want := make([]T, n)
					c.oracle(want, a, s)
					dst, check := newDst[T](t, n, (n/8)%8)
					c.fn(dst, a, s)
					check()
					for i := range n {
						if !same(dst[i], want[i], true) {
							t.Fatalf("n=%d s=%v: %s at %d (a=%v) = %v, want %v", n, s, c.name, i, a[i], dst[i], want[i])
						}
					}
				}
			}
		})
	}
}

func TestScalar(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testScalar(t, scalarCases64()) })
		t.Run("float32", func(t *testing.T) { testScalar(t, scalarCases32()) })
	})
}

func TestLengthMismatchPanics(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"binary", func() { AddFloat64Unitary(make([]float64, 3), make([]float64, 3), make([]float64, 2)) }},
		{"scalar", func() { MulFloat32ScalarUnitary(make([]float32, 3), make([]float32, 4), 2) }},
		{"dot", func() { DotFloat64(make([]float64, 3), make([]float64, 4)) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic on length mismatch", c.name)
				}
			}()
			c.f()
		})
	}
}

// exactSum returns Σ x (or Σ x·y) and Σ|x| (or Σ|x·y|) exactly rounded
// from a math/big sum.
func exactSum[T float](x, y []T) (sum, abs float64) {
	s, sa := new(big.Float).SetPrec(4096), new(big.Float).SetPrec(4096)
	t := new(big.Float).SetPrec(4096)
	for i := range x {
		t.SetFloat64(float64(x[i]))
		if y != nil {
			t.Mul(t, new(big.Float).SetFloat64(float64(y[i])))
		}
		s.Add(s, t)
		sa.Add(sa, t.Abs(t))
	}
	sum, _ = s.Float64()
	abs, _ = sa.Float64()
	return sum, abs
}

func unitRoundoff[T float]() float64 {
	var z T
	if _, ok := any(z).(float32); ok {
		return 0x1p-24
	}
	return 0x1p-53
}

// levels is ⌈log2(n/block)⌉⁺.
func levels(n, block int) int {
	l := 0
	for b := block; b < n; b *= 2 {
		l++
	}
	return l
}

// finiteData is testData without specials.
func finiteData[T float](rng *rand.Rand, n, off int) (a, b []T) {
	mk := func() []T {
		buf := make([]T, n+off)
		x := buf[off:]
		for i := range x {
			x[i] = T((rng.Float64()*2 - 0.8) * math.Pow(2, float64(rng.IntN(12)-6)))
		}
		return x
	}
	return mk(), mk()
}

func testSum[T float](t *testing.T, sum func([]T) T, oracle func([]T) T) {
	rng := rand.New(rand.NewPCG(5, 6))
	u := unitRoundoff[T]()
	for _, n := range append(lengths, 1<<16+13) {
		off := (n * 5) % 8
		a, _ := finiteData[T](rng, n, off)
		got, want := sum(a), oracle(a)
		if bits(got) != bits(want) {
			t.Fatalf("n=%d: sum = %v, pure-Go pairwise = %v: not bit-identical", n, got, want)
		}
		exact, abs := exactSum(a, nil)
		bound := float64(25+levels(n, pwBlock)+1) * u * abs * 1.01
		if err := math.Abs(float64(got) - exact); err > bound {
			t.Errorf("n=%d: |sum - exact| = %g > bound %g", n, err, bound)
		}
	}
	// Specials: Inf and NaN propagate as in the oracle.
	for _, n := range []int{5, 64, 300} {
		a, _ := testData[T](rng, n, 1)
		got, want := sum(a), oracle(a)
		if !same(got, want, true) {
			t.Errorf("n=%d with specials: sum = %v, want %v", n, got, want)
		}
	}
}

func TestSum(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) {
			testSum(t, SumFloat64, func(a []float64) float64 { return pairwise(sumBlockGo[float64], a) })
		})
		t.Run("float32", func(t *testing.T) {
			testSum(t, SumFloat32, func(a []float32) float32 { return pairwise(sumBlockGo[float32], a) })
		})
	})
}

// TestSumNumPy checks against values printed by NumPy 1.24 (np.sum of a
// contiguous array), where pairwise summation differs from a plain loop.
func TestSumNumPy(t *testing.T) {
	tenths := make([]float32, 1000) // np.sum(np.full(1000, 0.1, np.float32))
	for i := range tenths {
		tenths[i] = 0.1
	}
	// np.sum(np.arange(1, 8193) / 7); NumPy's reduction hands the loop
	// at most 8192 elements (its buffer size) at a time, so longer runs
	// are a different sum.
	sevenths := make([]float64, 8192)
	for i := range sevenths {
		sevenths[i] = float64(i+1) / 7
	}
	scaled := make([]float32, 1000) // np.sum(np.arange(1, 1001, dtype=np.float32) * np.float32(0.37))
	for i := range scaled {
		scaled[i] = float32(i+1) * float32(0.37)
	}
	forEachImpl(t, func(t *testing.T) {
		if got, want := SumFloat32(tenths), float32(100.000015); got != want {
			t.Errorf("tenths: got %v, want %v (a plain loop gives 99.99905)", got, want)
		}
		if got, want := SumFloat64(sevenths), 4794075.428571429; got != want {
			t.Errorf("sevenths: got %v, want %v (a plain loop gives 4794075.428571428)", got, want)
		}
		if got, want := SumFloat32(scaled), float32(185185.0); got != want {
			t.Errorf("scaled: got %v, want %v", got, want)
		}
	})
}

func testDot[T float](t *testing.T, dot func(a, b []T) T) {
	rng := rand.New(rand.NewPCG(7, 8))
	u := unitRoundoff[T]()
	for _, n := range append(lengths, 1<<16+5) {
		a, b := finiteData[T](rng, n, n%8)
		got := dot(a, b)
		exact, abs := exactSum(a, b)
		bound := float64(64+levels(n, dotBlock)+1) * u * abs * 1.01
		if err := math.Abs(float64(got) - exact); err > bound {
			t.Fatalf("n=%d: |dot - exact| = %g > bound %g", n, err, bound)
		}
	}
	if got := dot([]T{1, 2, 3}, []T{4, 5, 6}); got != 32 {
		t.Errorf("dot([1 2 3], [4 5 6]) = %v, want 32", got)
	}
	inf := T(math.Inf(1))
	if got := dot([]T{1, inf, 3}, []T{4, 5, 6}); !math.IsInf(float64(got), 1) {
		t.Errorf("dot with +Inf = %v, want +Inf", got)
	}
}

func TestDot(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testDot(t, DotFloat64) })
		t.Run("float32", func(t *testing.T) { testDot(t, DotFloat32) })
	})
}

func TestNoAllocs(t *testing.T) {
	a, b, dst := make([]float64, 1000), make([]float64, 1000), make([]float64, 1000)
	forEachImpl(t, func(t *testing.T) {
		if n := testing.AllocsPerRun(10, func() {
			AddFloat64Unitary(dst, a, b)
			MulFloat64ScalarUnitary(dst, a, 2)
			_ = SumFloat64(a)
			_ = DotFloat64(a, b)
		}); n != 0 {
			t.Errorf("%v allocations per run, want 0", n)
		}
	})
}

// ---- benchmarks ----

var benchSizes = []int{16, 256, 4096, 1 << 16, 1 << 20}

var sink64 float64
var sink32 float32

func benchImpls(b *testing.B, size int, f func(b *testing.B, n int)) {
	for _, name := range Implementations() {
		restore, _ := use(name)
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(n * size))
				b.ReportAllocs()
				f(b, n)
			})
		}
		restore()
	}
}

func BenchmarkAddFloat64Unitary(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, y, d := make([]float64, n), make([]float64, n), make([]float64, n)
		for b.Loop() {
			AddFloat64Unitary(d, x, y)
		}
	})
}

func BenchmarkMaxFloat64Unitary(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, y, d := make([]float64, n), make([]float64, n), make([]float64, n)
		for b.Loop() {
			MaxFloat64Unitary(d, x, y)
		}
	})
}

func BenchmarkMulFloat64ScalarUnitary(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, d := make([]float64, n), make([]float64, n)
		for b.Loop() {
			MulFloat64ScalarUnitary(d, x, 1.5)
		}
	})
}

func BenchmarkAddFloat32Unitary(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x, y, d := make([]float32, n), make([]float32, n), make([]float32, n)
		for b.Loop() {
			AddFloat32Unitary(d, x, y)
		}
	})
}

func BenchmarkDivFloat32Unitary(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x, y, d := make([]float32, n), make([]float32, n), make([]float32, n)
		for i := range y {
			y[i] = 3
		}
		for b.Loop() {
			DivFloat32Unitary(d, x, y)
		}
	})
}

func BenchmarkSumFloat64(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x := make([]float64, n)
		for b.Loop() {
			sink64 = SumFloat64(x)
		}
	})
}

func BenchmarkSumFloat32(b *testing.B) {
	benchImpls(b, 4, func(b *testing.B, n int) {
		x := make([]float32, n)
		for b.Loop() {
			sink32 = SumFloat32(x)
		}
	})
}

func BenchmarkDotFloat64(b *testing.B) {
	benchImpls(b, 16, func(b *testing.B, n int) {
		x, y := make([]float64, n), make([]float64, n)
		for b.Loop() {
			sink64 = DotFloat64(x, y)
		}
	})
}

func BenchmarkDotFloat32(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, y := make([]float32, n), make([]float32, n)
		for b.Loop() {
			sink32 = DotFloat32(x, y)
		}
	})
}
