package simd

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// gemmType is what the micro-kernel tests need of one element type: the
// kernel and tile of the active implementation and the Go twin.
type gemmType[T float] struct {
	size func() (mr, nr int)
	tile func(kc int, a, b, c []T, ldc int)
	twin func(mr, nr, kc int, a, b, c []T, ldc int)
	bits func(T) uint64
}

var (
	gemm64 = gemmType[float64]{GemmTileSizeFloat64, GemmTileFloat64, gemmTileGo, math.Float64bits}
	gemm32 = gemmType[float32]{GemmTileSizeFloat32, GemmTileFloat32, gemmTileGo32,
		func(v float32) uint64 { return uint64(math.Float32bits(v)) }}
)

// TestGemmTile checks every implementation's micro-kernels against the Go
// twin bit for bit, on random data (of mixed magnitudes, so that the
// fused steps round) and on integers (where the product is exact), for
// inner lengths around the unrolled steps and the callers' blocks, with
// row strides larger than the tile and guard values before, after and
// between the rows of the tile.
func TestGemmTile(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testGemmTile(t, gemm64) })
		t.Run("float32", func(t *testing.T) { testGemmTile(t, gemm32) })
	})
}

func testGemmTile[T float](t *testing.T, g gemmType[T]) {
	mr, nr := g.size()
	if mr < 1 || nr < 1 {
		t.Fatalf("tile %d x %d", mr, nr)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	const guard = -12345.5
	for _, ints := range []bool{false, true} {
		val := func() T {
			if ints {
				return T(rng.IntN(17) - 8)
			}
			return T(rng.NormFloat64() * math.Exp2(float64(rng.IntN(9)-4)))
		}
		for _, kc := range []int{0, 1, 2, 3, 7, 16, 63, 256, 301} {
			for _, pad := range []int{0, 5} {
				ldc := nr + pad
				a := make([]T, kc*mr)
				b := make([]T, kc*nr)
				for i := range a {
					a[i] = val()
				}
				for i := range b {
					b[i] = val()
				}
				const off = 3
				c := make([]T, off+(mr-1)*ldc+nr+off)
				for i := range c {
					c[i] = guard
				}
				for i := range mr {
					for j := range nr {
						c[off+i*ldc+j] = val()
					}
				}
				want := append([]T(nil), c...)
				g.twin(mr, nr, kc, a, b, want[off:], ldc)
				g.tile(kc, a, b, c[off:len(c)-off], ldc)
				for i, w := range want {
					if g.bits(c[i]) != g.bits(w) {
						t.Fatalf("ints %v, kc %d, ldc %d: c[%d] = %v, want %v (tile %d x %d at %d)", ints, kc, ldc, i, c[i], w, mr, nr, off)
					}
				}
			}
		}
	}
}

// TestGemmTileExact checks the twin itself on integers: the sum of the
// products plus the initial value, exactly.
func TestGemmTileExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	const mr, nr, kc, ldc = 3, 5, 40, 7
	a, b := make([]float64, kc*mr), make([]float64, kc*nr)
	for i := range a {
		a[i] = float64(rng.IntN(2001) - 1000)
	}
	for i := range b {
		b[i] = float64(rng.IntN(2001) - 1000)
	}
	c := make([]float64, (mr-1)*ldc+nr)
	for i := range c {
		c[i] = float64(i)
	}
	init := append([]float64(nil), c...)
	gemmTileGo(mr, nr, kc, a, b, c, ldc)
	for i := range mr {
		for j := range nr {
			want := init[i*ldc+j]
			for p := range kc {
				want += a[p*mr+i] * b[p*nr+j]
			}
			if c[i*ldc+j] != want {
				t.Errorf("c[%d][%d] = %v, want %v", i, j, c[i*ldc+j], want)
			}
		}
	}
}

// TestGemmTileSpecials runs infinities and NaNs through every
// implementation: the NaNs land where the twin's do, the rest agrees bit
// for bit.
func TestGemmTileSpecials(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testGemmTileSpecials(t, gemm64) })
		t.Run("float32", func(t *testing.T) { testGemmTileSpecials(t, gemm32) })
	})
}

func testGemmTileSpecials[T float](t *testing.T, g gemmType[T]) {
	mr, nr := g.size()
	rng := rand.New(rand.NewPCG(15, 16))
	specials := []T{T(math.Inf(1)), T(math.Inf(-1)), T(math.NaN()), 0, T(math.Copysign(0, -1))}
	const kc = 9
	for range 20 {
		a, b, c := make([]T, kc*mr), make([]T, kc*nr), make([]T, mr*nr)
		for _, s := range [][]T{a, b, c} {
			for i := range s {
				s[i] = T(rng.NormFloat64())
				if rng.IntN(40) == 0 {
					s[i] = specials[rng.IntN(len(specials))]
				}
			}
		}
		want := append([]T(nil), c...)
		g.twin(mr, nr, kc, a, b, want, nr)
		g.tile(kc, a, b, c, nr)
		for i, w := range want {
			if w != w {
				if c[i] == c[i] {
					t.Fatalf("c[%d] = %v, want NaN", i, c[i])
				}
				continue
			}
			if g.bits(c[i]) != g.bits(w) {
				t.Fatalf("c[%d] = %v, want %v", i, c[i], w)
			}
		}
	}
}

// TestFMAFloat32 checks the float32 twin's fused multiply-add against
// exact arithmetic, in particular where rounding the float64 FMA to
// float32 would round twice: a·b + c a hair off a float32 tie, which the
// float64 rounding puts on the tie, and ties-to-even then takes the
// wrong way.
func TestFMAFloat32(t *testing.T) {
	const (
		a = 0x1.00004p-24 // 2^-24 (1 + 2^-18)
		b = 0x1.ffff8p-1  // 1 - 2^-18: a·b = 2^-24 - 2^-60
	)
	cases := []struct{ a, b, c float32 }{
		{a, b, 1 + 0x1p-23},                     // 1 + 3·2^-24 - 2^-60: down to 1 + 2^-23
		{-a, b, -1 - 0x1p-23},                   // the same, negative
		{-a, b, 1 + 0x1p-23},                    // 1 + 2^-24 + 2^-60: up to 1 + 2^-23
		{3, 5, -15},                             // exact zero
		{0x1p-100, 0x1p-40, 0x1p-149},           // subnormal result
		{float32(math.Inf(1)), 2, 1},            // infinity
		{0x1.fffffep127, 0x1.fffffep127, -1e30}, // overflow
	}
	for _, tc := range cases {
		x := new(big.Float).SetPrec(200).SetFloat64(float64(tc.a))
		x.Mul(x, new(big.Float).SetFloat64(float64(tc.b)))
		if !x.IsInf() {
			x.Add(x, new(big.Float).SetFloat64(float64(tc.c)))
		}
		want, _ := x.Float32()
		if got := fmaFloat32(tc.a, tc.b, tc.c); math.Float32bits(got) != math.Float32bits(want) {
			t.Errorf("fmaFloat32(%g, %g, %g) = %g, want %g", tc.a, tc.b, tc.c, got, want)
		}
	}
}

// TestGemmTileFloat32Ties runs the cases of TestFMAFloat32 that round
// twice through fmaFloat32's shortcut through every implementation's
// float32 kernel: one rounding, as the exact value says.
func TestGemmTileFloat32Ties(t *testing.T) {
	const a, b = 0x1.00004p-24, 0x1.ffff8p-1
	cases := []struct{ a, c, want float32 }{
		{a, 1 + 0x1p-23, 1 + 0x1p-23},
		{-a, -1 - 0x1p-23, -1 - 0x1p-23},
		{-a, 1 + 0x1p-23, 1 + 0x1p-23},
	}
	forEachImpl(t, func(t *testing.T) {
		mr, nr := GemmTileSizeFloat32()
		for _, tc := range cases {
			av, bv, c := make([]float32, mr), make([]float32, nr), make([]float32, mr*nr)
			for i := range av {
				av[i] = tc.a
			}
			for j := range bv {
				bv[j] = b
			}
			for i := range c {
				c[i] = tc.c
			}
			GemmTileFloat32(1, av, bv, c, nr)
			for i, v := range c {
				if v != tc.want {
					t.Fatalf("fma(%g, %g, %g): c[%d] = %g, want %g", tc.a, float32(b), tc.c, i, v, tc.want)
				}
			}
		}
	})
}

func TestGemmTilePanics(t *testing.T) {
	mr, nr := GemmTileSizeFloat64()
	cases := []struct {
		name           string
		kc, na, nb, nc int
		ldc            int
	}{
		{"negative kc", -1, 0, 0, mr * nr, nr},
		{"ldc below nr", 1, mr, nr, mr * nr, nr - 1},
		{"a too short", 2, 2*mr - 1, 2 * nr, mr * nr, nr},
		{"b too short", 2, 2 * mr, 2*nr - 1, mr * nr, nr},
		{"c too short", 2, 2 * mr, 2 * nr, (mr-1)*(nr+1) + nr - 1, nr + 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic")
				}
			}()
			GemmTileFloat64(c.kc, make([]float64, c.na), make([]float64, c.nb), make([]float64, c.nc), c.ldc)
		})
	}
}

func BenchmarkGemmTile(b *testing.B) {
	for _, name := range Implementations() {
		b.Run(name, func(b *testing.B) {
			restore, _ := use(name)
			defer restore()
			const kc = 256
			for _, tc := range []struct {
				typ string
				run func() func()
			}{
				{"float64", func() func() {
					mr, nr := GemmTileSizeFloat64()
					a, p, c := gemmBenchData[float64](kc*mr), gemmBenchData[float64](kc*nr), gemmBenchData[float64](mr*nr)
					b.SetBytes(int64(2 * kc * mr * nr)) // flops
					return func() { GemmTileFloat64(kc, a, p, c, nr) }
				}},
				{"float32", func() func() {
					mr, nr := GemmTileSizeFloat32()
					a, p, c := gemmBenchData[float32](kc*mr), gemmBenchData[float32](kc*nr), gemmBenchData[float32](mr*nr)
					b.SetBytes(int64(2 * kc * mr * nr))
					return func() { GemmTileFloat32(kc, a, p, c, nr) }
				}},
			} {
				b.Run(fmt.Sprint(tc.typ), func(b *testing.B) {
					f := tc.run()
					for b.Loop() {
						f()
					}
				})
			}
		})
	}
}

// gemmBenchData returns n values in [0, 1): zeros would take the float32
// twin's slow path.
func gemmBenchData[T float](n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = T(i%7) / 7
	}
	return s
}
