package simd

import (
	"bytes"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/pluribus-go/pluribus/internal/powgen"
)

// TestPowTablesGenerated checks that pow_tables_gen.go is what powgen
// writes.
func TestPowTablesGenerated(t *testing.T) {
	want, err := powgen.Generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("pow_tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("pow_tables_gen.go is stale: run go generate ./simd")
	}
	if !bytes.HasPrefix(got, []byte(powgen.Header+"\n")) {
		t.Errorf("pow_tables_gen.go does not start with the generated-code header")
	}
}

// TestPowLogTable checks what powFast relies on: r = z·(1/c) - 1 is
// exact for every z of each subinterval (its ends, the z around 1 and
// random ones, against math/big), below 2^-7.5, and log c's two parts
// are -log(1/c) to 2^-100.
func TestPowLogTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i, e := range powLogTab {
		lo, hi := powgen.LogInterval(i)
		zs := []float64{lo, hi, math.Nextafter(lo, 2), math.Nextafter(hi, 0)}
		if lo < 1 && 1 <= hi {
			zs = append(zs, 1, math.Nextafter(1, 0), math.Nextafter(1, 2))
		}
		for range 200 {
			zs = append(zs, math.Float64frombits(math.Float64bits(lo)+rng.Uint64N(math.Float64bits(hi)-math.Float64bits(lo)+1)))
		}
		for _, z := range zs {
			tmp := math.Float64bits(z) - powLogOff
			if j := (tmp >> (52 - powLogBits)) & (1<<powLogBits - 1); int(j) != i || int64(tmp)>>52 != 0 {
				t.Fatalf("z=%v: index %d, k %d; want %d, 0", z, j, int64(tmp)>>52, i)
			}
			r := math.FMA(z, e[0], -1)
			exact := new(big.Float).SetPrec(200).SetFloat64(z)
			exact.Mul(exact, new(big.Float).SetFloat64(e[0]))
			exact.Sub(exact, big.NewFloat(1))
			if exact.Cmp(big.NewFloat(r)) != 0 || !(math.Abs(r) < math.Sqrt2*0x1p-8) {
				t.Fatalf("entry %d, z=%v: r = %v, exactly %v", i, z, r, exact)
			}
		}
		want := powgen.RefLog(e[0])
		want.Neg(want)
		got := new(big.Float).SetPrec(200).SetFloat64(e[1])
		got.Add(got, big.NewFloat(e[2]))
		d, _ := new(big.Float).Sub(got, want).Float64()
		if math.Abs(d) > 0x1p-100 {
			t.Errorf("entry %d: log c off by %g", i, d)
		}
	}
}

// powFastULP is powFast's measured maximum error (TestPowFastAccuracy).
const powFastULP = 0.51

// TestPowFastAccuracy measures powFast against math/big on arguments
// across the whole range it handles: x log-uniform over the normal
// numbers with y giving y·log x anywhere in (-700, 708), x near 1 with
// large y, small y, and y·log x near the ends.
func TestPowFastAccuracy(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	worst, wx, wy := 0.0, 0.0, 0.0
	check := func(x, y float64) {
		got, ok := powFast(x, y)
		if !ok {
			t.Fatalf("powFast(%v, %v) declined: y·log x in range", x, y)
		}
		e := ulpErr64(got, powgen.RefPow(x, y))
		if e > worst {
			worst, wx, wy = e, x, y
		}
	}
	for i := range n {
		var x, y float64
		switch i % 4 {
		case 0: // anywhere
			x = math.Exp2(rng.Float64()*2040 - 1020)
			y = (rng.Float64()*1408 - 700) / math.Log(x)
		case 1: // x near 1, large y
			x = 1 + (rng.Float64()-0.5)*math.Exp2(-float64(rng.IntN(50)))
			y = (rng.Float64()*1408 - 700) / math.Log(x)
		case 2: // small y
			x = math.Exp2(rng.Float64()*200 - 100)
			y = (rng.Float64() - 0.5) * math.Exp2(-float64(rng.IntN(40)))
		case 3: // results near the ends of the range
			x = math.Exp2(rng.Float64()*40 - 20)
			y = 700 + 7*rng.Float64()
			if rng.IntN(2) == 0 {
				y = -699 - rng.Float64()
			}
			y /= math.Log(x)
		}
		if x == 1 || math.IsInf(y, 0) || y != y || !(-700 < y*math.Log(x) && y*math.Log(x) < 708) {
			continue
		}
		check(x, y)
	}
	t.Logf("max error %.4f ULP at x=%v y=%v", worst, wx, wy)
	if worst > powFastULP {
		t.Errorf("max error %.4f ULP at x=%v y=%v, above %v", worst, wx, wy, powFastULP)
	}
}

// powData returns n exponent bases and exponents for the kernels: mostly
// the general case (positive normal x, non-integral y), with specials,
// negative bases, integral exponents and 0.5, subnormal bases and
// results out of the fast range mixed in.
func powData(rng *rand.Rand, n int) (x, y []float64) {
	x, y = make([]float64, n), make([]float64, n)
	sp := append(specials[float64](), 0.5, 2, -2, 1e300, -1e300, 0x1p-1070, 0x1p-1022, math.MaxFloat64)
	for i := range n {
		x[i] = math.Exp2(rng.Float64()*40 - 20)
		y[i] = (rng.Float64()*2 - 1) * math.Exp2(float64(rng.IntN(12)-4))
		switch rng.IntN(24) {
		case 0:
			x[i] = sp[rng.IntN(len(sp))]
		case 1:
			y[i] = sp[rng.IntN(len(sp))]
		case 2:
			x[i] = -x[i]
		case 3:
			y[i] = math.Round(y[i])
		case 4:
			y[i] = 0.5
		case 5:
			y[i] = 800 / math.Log(x[i]) // overflows
		case 6:
			y[i] = -702 / math.Log(x[i]) // a result below 2^-1010
		}
	}
	return x, y
}

// TestPowKernels runs PowFloat64 and PowFloat64Scalar under every
// implementation against the twin, bit for bit: lengths 0 to 300 at
// unaligned starts, guarded outputs, the general case mixed with every
// kind of element the kernels leave to the twin, and dst aliasing x.
func TestPowKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	x0, y0 := powData(rng, 400)
	forEachImpl(t, func(t *testing.T) {
		for n := range 301 {
			off := n % 5
			x, y := x0[off:off+n], y0[3*off:3*off+n]
			dst, check := newDst[float64](t, n, off)
			PowFloat64(dst, x, y)
			check()
			for i := range dst {
				if want := pow64(x[i], y[i]); !same(dst[i], want, false) {
					t.Fatalf("n=%d: pow(%v, %v) = %v, want %v", n, x[i], y[i], dst[i], want)
				}
			}
			for _, s := range []float64{2.5, -1.75, 1.0 / 3, 3, 0.5, 1e-3, 7e5, math.Inf(1), math.NaN()} {
				dst, check := newDst[float64](t, n, off)
				PowFloat64Scalar(dst, x, s)
				check()
				for i := range dst {
					if want := pow64(x[i], s); !same(dst[i], want, false) {
						t.Fatalf("n=%d: pow(%v, %v) = %v, want %v", n, x[i], s, dst[i], want)
					}
				}
			}
		}
		// in place
		x := append([]float64(nil), x0...)
		PowFloat64(x, x, y0[:len(x)])
		for i := range x {
			if want := pow64(x0[i], y0[i]); !same(x[i], want, false) {
				t.Fatalf("in place: pow(%v, %v) = %v, want %v", x0[i], y0[i], x[i], want)
			}
		}
		copy(x, x0)
		PowFloat64Scalar(x, x, 2.25)
		for i := range x {
			if want := pow64(x0[i], 2.25); !same(x[i], want, false) {
				t.Fatalf("in place: pow(%v, 2.25) = %v, want %v", x0[i], x[i], want)
			}
		}
	})
}

// TestPowKernelsGeneral checks that the general case is the kernels' own
// (a vector kernel that declined every vector would pass TestPowKernels):
// on bases and exponents of the general case the assembly
// implementations do all whole vectors themselves.
func TestPowKernelsGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	n := 1024
	x, y := make([]float64, n), make([]float64, n)
	for i := range n {
		x[i] = math.Exp2(rng.Float64()*60 - 30)
		y[i] = (rng.Float64()*2 - 1) * 10
	}
	for _, impl := range powBlockImpls() {
		t.Run(impl.name, func(t *testing.T) {
			dst := make([]float64, n)
			if got := impl.k(dst, x, y); got != n {
				t.Fatalf("the kernel did %d of %d elements", got, n)
			}
			if got := impl.s(dst, x, 2.75); got != n {
				t.Fatalf("the scalar kernel did %d of %d elements", got, n)
			}
		})
	}
}

// BenchmarkPowFloat64 raises 1e6 bases in [0.5, 1000) to exponents in
// [1.25, 2.25) and, as PowFloat64Scalar, to 2.5.
func BenchmarkPowFloat64(b *testing.B) {
	n := 1 << 20
	x, y, dst := make([]float64, n), make([]float64, n), make([]float64, n)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range x {
		x[i] = 0.5 + 1000*rng.Float64()
		y[i] = 1.25 + rng.Float64()
	}
	b.Run("vector", func(b *testing.B) {
		for b.Loop() {
			PowFloat64(dst, x, y)
		}
	})
	b.Run("scalar", func(b *testing.B) {
		for b.Loop() {
			PowFloat64Scalar(dst, x, 2.5)
		}
	})
}
