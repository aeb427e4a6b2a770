package simd

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The kernels of reduce_amd64.s (set "reduce"): the AVX-512 block
// kernels of Max/Min, the two-leaf pairwise kernel and AddRowsFloat64,
// each against its Go oracle under every implementation.

// shifted returns a copy of a starting off elements into a fresh buffer,
// so that kernels see every alignment.
func shifted[T float](a []T, off int) []T {
	buf := make([]T, len(a)+off)
	copy(buf[off:], a)
	return buf[off:]
}

// checkExtreme compares Max, Min, ArgMax and ArgMin of a with the
// sequential oracles.
func checkExtreme[T float](t *testing.T, what string, a []T, maxF, minF func([]T) T, argMax, argMin func([]T) int) {
	t.Helper()
	if got, want := maxF(a), foldMax(a); bits(got) != bits(want) {
		t.Fatalf("%s n=%d: max = %v (%#x), want %v (%#x)", what, len(a), got, bits(got), want, bits(want))
	}
	if got, want := minF(a), foldMin(a); bits(got) != bits(want) {
		t.Fatalf("%s n=%d: min = %v (%#x), want %v (%#x)", what, len(a), got, bits(got), want, bits(want))
	}
	if got, want := argMax(a), argFold(a, true); got != want {
		t.Fatalf("%s n=%d: argmax = %d, want %d", what, len(a), got, want)
	}
	if got, want := argMin(a), argFold(a, false); got != want {
		t.Fatalf("%s n=%d: argmin = %d, want %d", what, len(a), got, want)
	}
}

func testExtremeCases[T float](t *testing.T, maxF, minF func([]T) T, argMax, argMin func([]T) int) {
	rng := rand.New(rand.NewPCG(21, 22))
	negz := T(math.Copysign(0, -1))
	ls := []int{}
	for n := 1; n <= 300; n++ {
		ls = append(ls, n)
	}
	ls = append(ls, 511, 512, 513, 1024+64, 4096+7, 3*argBlock+129)
	for _, n := range ls {
		off := rng.IntN(8)
		base, _ := finiteData[T](rng, n, 0)
		checkExtreme(t, "random", shifted(base, off), maxF, minF, argMax, argMin)

		// A NaN at the first, the last and a random position, and at
		// every position of the short runs.
		pos := []int{0, n - 1, rng.IntN(n), n / 2}
		if n <= 140 {
			pos = pos[:0]
			for p := range n {
				pos = append(pos, p)
			}
		}
		for _, p := range pos {
			a := shifted(base, off)
			a[p] = nanPayload[T](3)
			checkExtreme(t, "nan", a, maxF, minF, argMax, argMin)
			if p+1 < n { // a second NaN after the first: the first wins
				a[n-1] = nanPayload[T](4)
				checkExtreme(t, "two nans", a, maxF, minF, argMax, argMin)
			}
		}

		// Ties: the extreme value at several places, first index wins.
		a := shifted(base, off)
		for range 1 + n/50 {
			a[rng.IntN(n)] = 100
			a[rng.IntN(n)] = -100
		}
		checkExtreme(t, "ties", a, maxF, minF, argMax, argMin)

		// Zeros of both signs at the extreme.
		for _, neg := range []bool{false, true} {
			a := shifted(base, off)
			for i := range a {
				v := T(math.Abs(float64(a[i])))
				if neg {
					v = -v
				}
				a[i] = v
				if rng.IntN(6) == 0 {
					a[i] = 0
					if rng.IntN(2) == 0 {
						a[i] = negz
					}
				}
			}
			checkExtreme(t, "zeros", a, maxF, minF, argMax, argMin)
		}
		// All zeros, one sign and mixed.
		z := make([]T, n)
		for i := range z {
			z[i] = negz
		}
		checkExtreme(t, "all -0", shifted(z, off), maxF, minF, argMax, argMin)
		z[rng.IntN(n)] = 0
		checkExtreme(t, "-0 and one +0", shifted(z, off), maxF, minF, argMax, argMin)

		// Infinities only.
		inf := make([]T, n)
		for i := range inf {
			inf[i] = T(math.Inf(1 - 2*rng.IntN(2)))
		}
		checkExtreme(t, "inf", shifted(inf, off), maxF, minF, argMax, argMin)
	}
}

func TestExtremeCases(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) {
			testExtremeCases(t, MaxFloat64, MinFloat64, ArgMaxFloat64, ArgMinFloat64)
		})
		t.Run("float32", func(t *testing.T) {
			testExtremeCases(t, MaxFloat32, MinFloat32, ArgMaxFloat32, ArgMinFloat32)
		})
	})
}

// testBlockKernel checks a block kernel of the table (max64, ...) on
// whole blocks against the Go block kernel: the same NaN flag and, when
// there is no NaN, the same value (either zero for a zero).
func testBlockKernel[T float](t *testing.T, name string, block, oracle func([]T) (T, bool)) {
	rng := rand.New(rand.NewPCG(23, 24))
	for n := blockLen; n <= 20*blockLen; n += blockLen {
		for _, p := range []int{-1, 0, n - 1, rng.IntN(n)} {
			a, _ := finiteData[T](rng, n, rng.IntN(8))
			if p >= 0 {
				a[p] = nanPayload[T](1)
			}
			m, nan := block(a)
			wm, wnan := oracle(a)
			if nan != wnan {
				t.Fatalf("%s n=%d nan at %d: nan = %v, want %v", name, n, p, nan, wnan)
			}
			if !nan && m != wm {
				t.Fatalf("%s n=%d: m = %v, want %v", name, n, m, wm)
			}
		}
	}
}

func TestExtremeBlockKernels(t *testing.T) {
	for _, k := range impls {
		t.Run(k.name, func(t *testing.T) {
			for j, kind := range []string{"block", "stream"} {
				testBlockKernel(t, "max64 "+kind, k.max64[j], maxBlockGo[float64])
				testBlockKernel(t, "min64 "+kind, k.min64[j], minBlockGo[float64])
				testBlockKernel(t, "max32 "+kind, k.max32[j], maxBlockGo[float32])
				testBlockKernel(t, "min32 "+kind, k.min32[j], minBlockGo[float32])
			}
		})
	}
}

// pairData returns n values of one of several kinds: random, zeros of
// both signs, all -0, or random with Inf and NaN mixed in.
func pairData(rng *rand.Rand, n, kind int) []float64 {
	a, _ := finiteData[float64](rng, n, 0)
	negz := math.Copysign(0, -1)
	for i := range a {
		switch kind {
		case 1:
			if rng.IntN(2) == 0 {
				a[i] = negz
			} else {
				a[i] = 0
			}
		case 2:
			a[i] = negz
		case 3:
			switch rng.IntN(40) {
			case 0:
				a[i] = math.Inf(1)
			case 1:
				a[i] = math.Inf(-1)
			case 2:
				a[i] = nanPayload[float64](rng.IntN(3))
			}
		}
	}
	return a
}

func TestSumPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	for _, k := range reduceImpls {
		t.Run(k.name, func(t *testing.T) {
			for h := 8; h <= pwBlock; h += 8 {
				for n := 2 * h; n <= h+pwBlock; n++ {
					for kind := range 4 {
						a := shifted(pairData(rng, n, kind), rng.IntN(8))
						got, want := k.sumPair64(a, h), sumPairGo(a, h)
						if bits(got) != bits(want) && !(got != got && want != want) {
							t.Fatalf("h=%d n=%d kind=%d: sumPair = %v (%#x), want %v (%#x)", h, n, kind, got, bits(got), want, bits(want))
						}
					}
				}
			}
		})
	}
}

// TestSumFloat64Zeros checks the sign of zero sums through the pairwise
// tree: NumPy's leaves start from their first elements, so a run of -0
// sums to -0 when it has at least eight elements in every leaf.
func TestSumFloat64Zeros(t *testing.T) {
	negz := math.Copysign(0, -1)
	forEachImpl(t, func(t *testing.T) {
		for _, n := range []int{8, 128, 129, 200, 256, 300, 1000, 4099} {
			a := make([]float64, n)
			for i := range a {
				a[i] = negz
			}
			got, want := SumFloat64(a), pairwise(sumBlockGo[float64], a)
			if bits(got) != bits(want) {
				t.Errorf("n=%d all -0: sum = %v (%#x), want %#x", n, got, bits(got), bits(want))
			}
		}
	})
}

// addRowsOracle is the loop of AddRowsFloat64's doc comment.
func addRowsOracle(dst, a []float64, stride, rows int) {
	for i := range rows {
		for j := range dst {
			dst[j] += a[i*stride+j]
		}
	}
}

func TestAddRowsFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	forEachImpl(t, func(t *testing.T) {
		for n := 0; n <= 300; n++ {
			for _, rows := range []int{0, 1, 2, 7, 8, 9, 16, 17, 23} {
				if n > 40 && rows > 9 && n%7 != 0 {
					continue
				}
				stride := n + rng.IntN(4)
				kind := rng.IntN(4)
				a := shifted(pairData(rng, max(0, (rows-1)*stride+n), kind), rng.IntN(8))
				d0 := shifted(pairData(rng, n, kind), rng.IntN(8))
				got := append([]float64(nil), d0...)
				want := append([]float64(nil), d0...)
				AddRowsFloat64(got, a, stride, rows)
				addRowsOracle(want, a, stride, rows)
				for j := range want {
					if bits(got[j]) != bits(want[j]) && !(got[j] != got[j] && want[j] != want[j]) {
						t.Fatalf("n=%d rows=%d stride=%d kind=%d: dst[%d] = %v (%#x), want %v (%#x)",
							n, rows, stride, kind, j, got[j], bits(got[j]), want[j], bits(want[j]))
					}
				}
			}
		}
		// Long columns: more than one band of rows.
		n, rows := 37, 600
		a, _ := finiteData[float64](rng, rows*n, 3)
		got, want := make([]float64, n), make([]float64, n)
		AddRowsFloat64(got, a, n, rows)
		addRowsOracle(want, a, n, rows)
		for j := range want {
			if got[j] != want[j] {
				t.Fatalf("rows=%d: dst[%d] = %v, want %v", rows, j, got[j], want[j])
			}
		}
	})
}

func TestAddRowsFloat64Panics(t *testing.T) {
	for _, c := range []struct {
		name               string
		n, la, stride, rws int
	}{
		{"negative rows", 4, 100, 4, -1},
		{"negative stride", 4, 100, -4, 2},
		{"rows do not fit", 4, 100, 10, 11},
		{"row longer than a", 8, 4, 8, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("AddRowsFloat64 did not panic")
				}
			}()
			AddRowsFloat64(make([]float64, c.n), make([]float64, c.la), c.stride, c.rws)
		})
	}
}

func BenchmarkAddRowsFloat64(b *testing.B) {
	for _, name := range Implementations() {
		restore, _ := use(name)
		b.Run(name, func(b *testing.B) {
			const n, rows = 3000, 3000
			a, _ := finiteData[float64](rand.New(rand.NewPCG(1, 2)), n*rows, 0)
			dst := make([]float64, n)
			b.SetBytes(8 * n * rows)
			for b.Loop() {
				AddRowsFloat64(dst, a, n, rows)
			}
		})
		restore()
	}
}
