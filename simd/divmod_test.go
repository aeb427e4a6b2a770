package simd

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// divCase is one division kernel in its three forms, with its twin.
type divCase[T float] struct {
	name string
	vv   func(dst, a, b []T)
	vs   func(dst, a []T, s T) // a[i] op s
	sv   func(dst, a []T, s T) // s op a[i]
	twin func(a, b T) T
}

func divCases64() []divCase[float64] {
	return []divCase[float64]{
		{"fmod", FmodFloat64Unitary, FmodFloat64ScalarUnitary, RfmodFloat64ScalarUnitary, fmodTwin[float64]},
		{"mod", ModFloat64Unitary, ModFloat64ScalarUnitary, RmodFloat64ScalarUnitary, modTwin[float64]},
		{"floorDiv", FloorDivFloat64Unitary, FloorDivFloat64ScalarUnitary, RfloorDivFloat64ScalarUnitary, floorDivTwin[float64]},
	}
}

func divCases32() []divCase[float32] {
	return []divCase[float32]{
		{"fmod", FmodFloat32Unitary, FmodFloat32ScalarUnitary, RfmodFloat32ScalarUnitary, fmodTwin[float32]},
		{"mod", ModFloat32Unitary, ModFloat32ScalarUnitary, RmodFloat32ScalarUnitary, modTwin[float32]},
		{"floorDiv", FloorDivFloat32Unitary, FloorDivFloat32ScalarUnitary, RfloorDivFloat32ScalarUnitary, floorDivTwin[float32]},
	}
}

// divValue returns an operand for the division tests: mostly ordinary
// numbers of both signs over a wide range, and the values where the
// kernels are delicate: ±0, ±Inf, NaN, subnormals, huge and tiny.
func divValue[T float](rng *rand.Rand, plain bool) T {
	inf := math.Inf(1)
	tiny := float64(math.SmallestNonzeroFloat32)
	maxv := float64(math.MaxFloat32)
	var z T
	if _, ok := any(z).(float64); ok {
		tiny, maxv = math.SmallestNonzeroFloat64, math.MaxFloat64
	}
	var v float64
	r := rng.IntN(40)
	if plain { // ordinary numbers only: whole vectors for the kernels
		r = 7 + rng.IntN(33)
	}
	switch {
	case r == 0:
		v = 0
	case r == 1:
		v = inf
	case r == 2:
		v = math.NaN()
	case r == 3:
		v = tiny * float64(1+rng.IntN(1000))
	case r == 4:
		v = maxv * rng.Float64()
	case r == 5:
		v = float64(rng.IntN(20) - 10) // small integers: exact quotients
	case r == 6:
		v = float64(rng.IntN(1<<20)) * 0.25
	case r < 12:
		v = (rng.Float64()*2 - 1) * 8
	default:
		v = rng.Float64() * math.Pow(2, float64(rng.IntN(60)-30))
	}
	if rng.IntN(2) == 0 {
		v = -v
	}
	return T(v)
}

// divPairs returns dividends and divisors of length n placed off
// elements into larger slices: random operands (divValue), and pairs
// whose quotient is near an integer, a half-integer, or 2⁵² (2²³).
// With plain the random operands are finite, nonzero and not huge.
func divPairs[T float](rng *rand.Rand, n, off int, plain bool) (a, b []T) {
	a, b = make([]T, n+off)[off:], make([]T, n+off)[off:]
	var z T
	big := math.Ldexp(1, 52)
	if _, ok := any(z).(float32); ok {
		big = math.Ldexp(1, 23)
	}
	for i := range n {
		a[i], b[i] = divValue[T](rng, plain), divValue[T](rng, plain)
		y := T((rng.Float64() + 0.5) * math.Pow(2, float64(rng.IntN(20)-10)))
		if rng.IntN(2) == 0 {
			y = -y
		}
		var q float64
		switch rng.IntN(8) {
		case 0: // near an integer: the correction step and exact zeros
			q = float64(rng.IntN(2000) - 1000)
		case 1: // near half an integer
			q = float64(rng.IntN(2000)-1000) + 0.5
		case 2: // near the end of the fast domain (and past it)
			q = big * (0.5 + rng.Float64())
		case 3: // small quotients
			q = rng.Float64() - 0.5
		default:
			continue
		}
		x := T(q) * y
		for range rng.IntN(3) {
			x = T(math.Nextafter(float64(x), math.Inf(rng.IntN(2)*2-1)))
		}
		a[i], b[i] = x, y
	}
	return a, b
}

// TestDivKernels runs every implementation of the division kernels
// against the twins bit for bit (NaNs may differ in payload): lengths
// 0...300 and a few long ones (past ntBytes: the non-temporal stores),
// unaligned starts, guards around dst, and dst aliasing either input.
func TestDivKernels(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		t.Run("float64", func(t *testing.T) { testDiv(t, divCases64()) })
		t.Run("float32", func(t *testing.T) { testDiv(t, divCases32()) })
	})
}

func testDiv[T float](t *testing.T, cases []divCase[T]) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(11, uint64(len(c.name))))
			ls := append(append([]int(nil), lengths...), ntLengths(int(unsafe.Sizeof(T(0))))...)
			for j, n := range ls {
				off := n % 5
				a, b := divPairs[T](rng, n, off, j%2 == 0)
				want := make([]T, n)
				for i := range n {
					want[i] = c.twin(a[i], b[i])
				}
				cmp := func(form string, got []T, want []T, x, y func(i int) T) {
					t.Helper()
					for i := range got {
						if !same(got[i], want[i], true) {
							t.Fatalf("%s n=%d off=%d: %s(%v, %v) [%d] = %v (%#x), twin %v (%#x)",
								form, n, off, c.name, x(i), y(i), i, got[i], bits(got[i]), want[i], bits(want[i]))
						}
					}
				}
				ai, bi := func(i int) T { return a[i] }, func(i int) T { return b[i] }
				dst, check := newDst[T](t, n, off)
				c.vv(dst, a, b)
				check()
				cmp("vv", dst, want, ai, bi)

				// dst aliasing a, then b
				ac := append([]T(nil), a...)
				c.vv(ac, ac, b)
				cmp("vv dst=a", ac, want, ai, bi)
				bc := append([]T(nil), b...)
				c.vv(bc, a, bc)
				cmp("vv dst=b", bc, want, ai, bi)

				// scalar operands: a divisor and a dividend from the data
				if n == 0 {
					continue
				}
				s := b[rng.IntN(n)]
				for i := range n {
					want[i] = c.twin(a[i], s)
				}
				dst, check = newDst[T](t, n, off)
				c.vs(dst, a, s)
				check()
				cmp("vs", dst, want, ai, func(int) T { return s })
				ac = append(ac[:0], a...)
				c.vs(ac, ac, s)
				cmp("vs dst=a", ac, want, ai, func(int) T { return s })

				s = a[rng.IntN(n)]
				for i := range n {
					want[i] = c.twin(s, b[i])
				}
				dst, check = newDst[T](t, n, off)
				c.sv(dst, b, s)
				check()
				cmp("sv", dst, want, func(int) T { return s }, bi)
			}
		})
	}
}

// TestFmod64 checks the twins' fast fmod against math.Mod, which is
// exact: so is fmod64, and they must agree bit for bit.
func TestFmod64(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	a, b := divPairs[float64](rng, 200000, 0, false)
	for i := range a {
		if got, want := fmod64(a[i], b[i]), math.Mod(a[i], b[i]); !same(got, want, true) {
			t.Fatalf("fmod64(%v, %v) = %v, math.Mod %v", a[i], b[i], got, want)
		}
	}
	a32, b32 := divPairs[float32](rng, 200000, 0, false)
	for i := range a32 {
		got, want := fmodTwin(a32[i], b32[i]), float32(math.Mod(float64(a32[i]), float64(b32[i])))
		if !same(got, want, true) {
			t.Fatalf("fmodTwin(%v, %v) = %v, math.Mod %v", a32[i], b32[i], got, want)
		}
	}
}

// TestDivKernelsTakeOrdinary checks that the assembly kernels do the
// work: on ordinary operands (finite, nonzero, quotients well inside the
// fast domain) they compute every whole vector and leave nothing but
// the tail to the twin.
func TestDivKernelsTakeOrdinary(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const n = 1001
	a64, b64 := make([]float64, n), make([]float64, n)
	a32, b32 := make([]float32, n), make([]float32, n)
	for i := range n {
		a64[i] = (rng.Float64()*2 - 1) * 1e6
		b64[i] = (rng.Float64() + 0.01) * float64(1-2*(i%2))
		a32[i], b32[i] = float32(a64[i]/1000), float32(b64[i]) // quotients below 2²³
	}
	d64, d32 := make([]float64, n), make([]float32, n)
	for _, k := range divImpls {
		if k == divGoKernels {
			continue
		}
		for op := range numDiv {
			w64, w32 := n&^(k.lanes64-1), n&^(k.lanes32-1)
			if got := k.vv64[op](d64, a64, b64, false); got != w64 {
				t.Errorf("%s: vv64[%d] did %d elements, want %d", k.name, op, got, w64)
			}
			if got := k.vs64[op](d64, a64, b64[3], false); got != w64 {
				t.Errorf("%s: vs64[%d] did %d elements, want %d", k.name, op, got, w64)
			}
			if got := k.sv64[op](d64, b64, a64[3], false); got != w64 {
				t.Errorf("%s: sv64[%d] did %d elements, want %d", k.name, op, got, w64)
			}
			if got := k.vv32[op](d32, a32, b32, false); got != w32 {
				t.Errorf("%s: vv32[%d] did %d elements, want %d", k.name, op, got, w32)
			}
			if got := k.vs32[op](d32, a32, b32[3], false); got != w32 {
				t.Errorf("%s: vs32[%d] did %d elements, want %d", k.name, op, got, w32)
			}
			if got := k.sv32[op](d32, b32, a32[3], false); got != w32 {
				t.Errorf("%s: sv32[%d] did %d elements, want %d", k.name, op, got, w32)
			}
		}
	}
}

// TestDivNoAllocs checks that the division kernels, whose twins are
// closures over the run, allocate nothing.
func TestDivNoAllocs(t *testing.T) {
	a, b, dst := make([]float64, 1000), make([]float64, 1000), make([]float64, 1000)
	a32, dst32 := make([]float32, 1000), make([]float32, 1000)
	for i := range a {
		a[i], b[i], a32[i] = float64(i)+0.5, 1.25, float32(i)-0.5
	}
	forEachImpl(t, func(t *testing.T) {
		if n := testing.AllocsPerRun(10, func() {
			ModFloat64Unitary(dst, a, b)
			FloorDivFloat64ScalarUnitary(dst, a, 2.5)
			RfmodFloat32ScalarUnitary(dst32, a32, 3)
		}); n != 0 {
			t.Errorf("%v allocations per run, want 0", n)
		}
	})
}

func BenchmarkModFloat64Unitary(b *testing.B) {
	benchImpls(b, 24, func(b *testing.B, n int) {
		x, y, dst := make([]float64, n), make([]float64, n), make([]float64, n)
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range n {
			x[i], y[i] = (rng.Float64()*2-1)*100, (rng.Float64()+0.5)*float64(1-2*(i%2))
		}
		for b.Loop() {
			ModFloat64Unitary(dst, x, y)
		}
	})
}

func BenchmarkFloorDivFloat32ScalarUnitary(b *testing.B) {
	benchImpls(b, 8, func(b *testing.B, n int) {
		x, dst := make([]float32, n), make([]float32, n)
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range n {
			x[i] = float32((rng.Float64()*2 - 1) * 100)
		}
		for b.Loop() {
			FloorDivFloat32ScalarUnitary(dst, x, 2.5)
		}
	})
}
