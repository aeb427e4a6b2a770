package ufunc

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
		t.Errorf("pow_tables_gen.go is stale: run go generate ./ufunc")
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

// powULP is the error of got in ULPs of the float64 nearest want.
func powULP(got float64, want *big.Float) float64 {
	w, _ := want.Float64()
	ulp := math.Nextafter(math.Abs(w), math.Inf(1)) - math.Abs(w)
	d := new(big.Float).SetPrec(256).SetFloat64(got)
	d.Sub(d, want).Quo(d, new(big.Float).SetFloat64(ulp))
	e, _ := d.Abs(d).Float64()
	return e
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
		got := powFast(x, y)
		e := powULP(got, powgen.RefPow(x, y))
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
		if x == 1 || math.IsInf(y, 0) || y != y {
			continue
		}
		check(x, y)
	}
	t.Logf("max error %.4f ULP at x=%v y=%v", worst, wx, wy)
	if worst > powFastULP {
		t.Errorf("max error %.4f ULP at x=%v y=%v, above %v", worst, wx, wy, powFastULP)
	}
}
