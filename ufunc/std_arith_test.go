package ufunc

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/simd"
	"github.com/x448/float16"
)

func TestIntegerDivision(t *testing.T) {
	a := arr[int8](t, 7, -7, 7, -7, -128, 5, 0)
	b := arr[int8](t, 2, 2, -2, -2, -1, 0, 3)
	checkEqual(t, "floor_divide", call[int8](t, FloorDivide, a, b), []int8{3, -4, -4, 3, -128, 0, 0})
	checkEqual(t, "remainder", call[int8](t, Remainder, a, b), []int8{1, 1, -1, -1, 0, 0, 0})
	checkEqual(t, "fmod", call[int8](t, Fmod, a, b), []int8{1, -1, 1, -1, 0, 0, 0})
	outs, err := Divmod.CallN(a, b)
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "divmod[0]", ndarray.ToSlice[int8](outs[0]), []int8{3, -4, -4, 3, -128, 0, 0})
	checkEqual(t, "divmod[1]", ndarray.ToSlice[int8](outs[1]), []int8{1, 1, -1, -1, 0, 0, 0})
}

func TestFloatDivision(t *testing.T) {
	x := arr[float64](t, 5.5, -5.5, 1, -1, inf, negZero, 5, -4, 0)
	y := arr[float64](t, 2, 2, inf, inf, 2, 3, negZero, 2, -2)
	checkFloats(t, "floor_divide", call[float64](t, FloorDivide, x, y),
		[]float64{2, -3, 0, -1, nan, negZero, -inf, -2, negZero})
	checkFloats(t, "remainder", call[float64](t, Remainder, x, y),
		[]float64{1.5, 0.5, 1, inf, nan, 0, nan, 0, negZero})
}

func TestPower(t *testing.T) {
	checkEqual(t, "int8", call[int8](t, Power, arr[int8](t, 2, 3, -2, 0, 1, -1, 5), arr[int8](t, 7, 5, 3, 0, 100, 3, 4)),
		[]int8{-128, -13, -8, 1, 1, -1, 113})
	checkEqual(t, "int64", call[int64](t, Power, arr[int64](t, 3, 2), arr[int64](t, 40, 63)),
		[]int64{-6289078614652622815, -9223372036854775808})
	// NumPy's glibc pow is 1 ULP off the exact value in [4] and below;
	// ours is correctly rounded there
	checkFloatsULP(t, "float64", call[float64](t, Power, arr(t, 2, 10, 0.5, -8, 1e-310, 1.0000001), arr(t, 10, -3, 0.5, 1.0/3, 0.5, 1e6)),
		[]float64{0x1p+10, 0x1.0624dd2f1a9fcp-10, 0x1.6a09e667f3bcdp-1, nan, 0x1.1297872d9cbadp-515, 0x1.1aec7b1e2b426p+0}, 1)
	// float64 pow of a subnormal base (Go's math.Pow is far off here)
	checkFloatsULP(t, "subnormal", call[float64](t, Power, arr(t, 5e-324), arr(t, 5.960464477539063e-08)),
		[]float64{0.9999556288983831}, 1)

	_, err := Power.Call(arr[int8](t, 2, 3), arr[int8](t, 1, -1))
	var ve *ndarray.ValueError
	if !errors.As(err, &ve) {
		t.Errorf("int8 ** -1: got %v, want a ValueError", err)
	}
	// the loop is float64 (uint64 with int64): negative exponents are fine
	if _, err := Power.Call(arr[uint64](t, 2), arr[int64](t, -1)); err != nil {
		t.Errorf("uint64 ** int64(-1): %v", err)
	}
}

func TestFloat16ComputesInFloat32(t *testing.T) {
	h := func(v ...float64) *ndarray.Array {
		s := make([]float16.Float16, len(v))
		for i, x := range v {
			s[i] = dtype.FromFloat64(x)
		}
		return arr(t, s...)
	}
	bits := func(s []float16.Float16) []uint16 {
		out := make([]uint16, len(s))
		for i, v := range s {
			out[i] = uint16(v)
		}
		return out
	}
	checkEqual(t, "add", bits(call[float16.Float16](t, Add, h(0.1, 2049, 65504), h(0.2, 1, 32))), []uint16{13516, 26624, 31744})
	checkEqual(t, "divide", bits(call[float16.Float16](t, Divide, h(1, 2, 3), h(3, 3, 7))), []uint16{13653, 14677, 14043})
}

func TestComplexArithmetic(t *testing.T) {
	q := call[complex128](t, Divide, arr(t, 1+2i, 3-1i), arr(t, 3+4i, 1e-3+2i))
	checkFloats(t, "divide", []float64{real(q[0]), imag(q[0]), real(q[1]), imag(q[1])},
		[]float64{0x1.c28f5c28f5c29p-2, 0x1.47ae147ae147bp-4, -0x1.ff3b5bf9d9a11p-2, -0x1.80105c02f177ap+0})
	p := call[complex128](t, Multiply, arr(t, 1.1+2.2i), arr(t, 3.3-4.4i))
	checkFloats(t, "multiply", []float64{real(p[0]), imag(p[0])}, []float64{0x1.a9eb851eb8520p+3, 0x1.35c28f5c28f5ap+1})
	checkFloats(t, "absolute", call[float64](t, Absolute, arr(t, 3+4i, 1e300+1e300i)), []float64{5, 1.4142135623730952e+300})
	if got := call[float32](t, Absolute, arr[complex64](t, 1+1i)); math.Float32bits(got[0]) != 1068827891 {
		t.Errorf("absolute(complex64 1+1j) = %v", got[0])
	}
	s := call[complex128](t, Sign, arr(t, complex(0, -1), complex(negZero, 1), complex(nan, 0), complex(1, nan)))
	checkFloats(t, "sign", []float64{real(s[0]), real(s[1]), real(s[2]), real(s[3])}, []float64{-1, 1, nan, nan})
}

func TestUnaryArithmetic(t *testing.T) {
	checkEqual(t, "sign int8", call[int8](t, Sign, arr[int8](t, -3, 0, 5)), []int8{-1, 0, 1})
	checkFloats(t, "sign float64", call[float64](t, Sign, arr(t, negZero, nan, -2.5)), []float64{0, nan, -1})
	checkEqual(t, "reciprocal int32", call[int32](t, Reciprocal, arr[int32](t, 0, 1, -1, 2)), []int32{-2147483648, 1, -1, 0})
	checkEqual(t, "absolute int8", call[int8](t, Absolute, arr[int8](t, -128, -1, 3)), []int8{-128, 1, 3})
	checkEqual(t, "negative uint8", call[uint8](t, Negative, arr[uint8](t, 1, 0)), []uint8{255, 0})
	checkEqual(t, "gcd", call[int8](t, Gcd, arr[int8](t, 12, -128, 0, -6), arr[int8](t, 18, 0, 0, 4)), []int8{6, -128, 0, 2})
	checkEqual(t, "lcm", call[int8](t, Lcm, arr[int8](t, 4, -3, 0, 16), arr[int8](t, 6, 5, 3, 16)), []int8{12, 15, 0, 16})
}

func TestBoolArithmetic(t *testing.T) {
	a, b := arr(t, true, true, false), arr(t, true, false, false)
	checkEqual(t, "add", call[bool](t, Add, a, b), []bool{true, true, false})
	checkEqual(t, "multiply", call[bool](t, Multiply, a, b), []bool{true, false, false})
	for _, u := range []*Ufunc{Subtract, Gcd} {
		var le *LoopError
		if _, err := u.Call(a, b); !errors.As(err, &le) {
			t.Errorf("%s(bool, bool): got %v, want a LoopError", u.Name(), err)
		}
	}
	for _, u := range []*Ufunc{Negative, Positive, Sign} {
		var le *LoopError
		if _, err := u.Call(a); !errors.As(err, &le) {
			t.Errorf("%s(bool): got %v, want a LoopError", u.Name(), err)
		}
	}
}

func TestResolveTypes(t *testing.T) {
	d := func(ts ...dtype.DType) []dtype.DType { return ts }
	tests := []struct {
		u    *Ufunc
		in   []dtype.DType
		want dtype.DType
	}{
		{Divide, d(dtype.Int8, dtype.Int8), dtype.Float64},
		{Divide, d(dtype.Bool, dtype.Bool), dtype.Float64},
		{Divide, d(dtype.Int8, dtype.Float16), dtype.Float16},
		{Add, d(dtype.Int8, dtype.Uint8), dtype.Int16},
		{Ldexp, d(dtype.Float32, dtype.Int64), dtype.Float32},
		{Equal, d(dtype.Int64, dtype.Uint64), dtype.Bool},
		{Power, d(dtype.Uint64, dtype.Int8), dtype.Float64},
		{Maximum, d(dtype.Int16, dtype.Float16), dtype.Float32},
		{Floor, d(dtype.Int8), dtype.Float16},
		{Absolute, d(dtype.Complex64), dtype.Float32},
	}
	for _, tc := range tests {
		_, out, err := tc.u.ResolveTypes(tc.in...)
		if err != nil {
			t.Errorf("%s%v: %v", tc.u.Name(), tc.in, err)
			continue
		}
		if out[0] != tc.want {
			t.Errorf("%s%v -> %v, want %v", tc.u.Name(), tc.in, out[0], tc.want)
		}
	}
	_, _, err := Equal.ResolveTypes(dtype.Int64, dtype.Uint64)
	if err != nil {
		t.Fatal(err)
	}
	if in, _, _ := Equal.ResolveTypes(dtype.Int64, dtype.Uint64); in[0] != dtype.Float64 {
		t.Errorf("equal(int64, uint64) loop inputs %v, want float64", in)
	}
}

// TestLoopOrder checks the loop tables against NumPy 1.24's ufunc.types
// with the types we lack (g G O M m, and q Q, the same as l L here) left
// out.
func TestLoopOrder(t *testing.T) {
	tests := []struct {
		u    *Ufunc
		want string
	}{
		{Add, "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L ee->e ff->f dd->d FF->F DD->D"},
		{Divide, "ee->e ff->f dd->d FF->F DD->D"},
		{Power, "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L ee->e ff->f dd->d FF->F DD->D"},
		{Absolute, "?->? b->b B->B h->h H->H i->i I->I l->l L->L e->e f->f d->d F->f D->d"},
		{Ldexp, "ei->e fi->f el->e fl->f di->d dl->d"},
		{Frexp, "e->ei f->fi d->di"},
		{Floor, "e->e f->f d->d"},
		{Less, "??->? bb->? BB->? hh->? HH->? ii->? II->? ll->? LL->? ee->? ff->? dd->? FF->? DD->?"},
		{BitwiseAnd, "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L"},
	}
	for _, tc := range tests {
		got := tc.u.TypeSignatures()
		if want := splitFields(tc.want); !slices.Equal(got, want) {
			t.Errorf("%s loops %v, want %v", tc.u.Name(), got, want)
		}
	}
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func TestIdentitiesAndAliases(t *testing.T) {
	for name, u := range map[string]*Ufunc{"divide": Divide, "mod": Remainder, "abs": Absolute, "conj": Conjugate, "true_divide": Divide} {
		if got, ok := Lookup(name); !ok || got != u {
			t.Errorf("Lookup(%q) = %v, %v", name, got, ok)
		}
	}
	if Add.identity != IdentityOf(0) || Multiply.identity != IdentityOf(1) || BitwiseAnd.identity != IdentityAllOnes ||
		Maximum.identity != NoIdentity || LogicalAnd.identity != IdentityOf(1) {
		t.Error("identities differ from NumPy's")
	}
	for _, u := range []*Ufunc{Add, Multiply, Maximum, Minimum, Fmax, Fmin, LogicalAnd, LogicalOr, LogicalXor, BitwiseAnd, BitwiseOr, BitwiseXor} {
		if u.flags&reorderable == 0 {
			t.Errorf("%s is not reorderable", u.Name())
		}
	}
}

// reduceLoop runs loop in the reduction layout: acc = acc op b[i].
func reduceLoop[T any](loop Loop, acc T, b []T) T {
	args := []unsafe.Pointer{unsafe.Pointer(&acc), unsafe.Pointer(unsafe.SliceData(b)), unsafe.Pointer(&acc)}
	loop(args, []int{0, int(unsafe.Sizeof(acc)), 0}, len(b))
	return acc
}

func TestReductionLayout(t *testing.T) {
	loopOf := func(u *Ufunc, d dtype.DType) Loop {
		for _, l := range u.Loops() {
			if l.Types[0] == d {
				return l.Fn
			}
		}
		t.Fatalf("%s has no %v loop", u.Name(), d)
		return nil
	}
	// 1e6 float32 values of 0.1: pairwise summation stays within a few
	// ULPs of 100000, a naive float32 running sum drifts far off
	const n = 1000000
	b := make([]float32, n)
	for i := range b {
		b[i] = 0.1
	}
	var naive float32
	for _, v := range b {
		naive += v
	}
	sum := reduceLoop(loopOf(Add, dtype.Float32), 0, b)
	if math.Abs(float64(sum)-100000) > 0.1 {
		t.Errorf("pairwise float32 sum = %v, want about 100000", sum)
	}
	if math.Abs(float64(naive)-100000) < 100 {
		t.Fatalf("naive sum %v: test data does not show the difference", naive)
	}
	// NumPy: np.add.reduce(np.full(1000000, 0.1, np.float32)) == 100000.0
	// exactly... within pairwise rounding; the float64 case is exact here:
	if got := reduceLoop(loopOf(Add, dtype.Float64), 1.5, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}); got != 56.5 {
		t.Errorf("float64 sum = %v", got)
	}
	if got := reduceLoop(loopOf(Add, dtype.Int8), int8(100), []int8{100, 100}); got != 44 {
		t.Errorf("int8 sum = %v, want 44 (wrapped)", got)
	}
	if got := reduceLoop(loopOf(Multiply, dtype.Float64), 2, []float64{3, 4}); got != 24 {
		t.Errorf("product = %v", got)
	}
	if got := reduceLoop(loopOf(Maximum, dtype.Float64), 0, []float64{1, nan, 3}); !math.IsNaN(got) {
		t.Errorf("maximum reduce = %v, want NaN", got)
	}
	if got := reduceLoop(loopOf(Minimum, dtype.Int32), int32(5), []int32{7, -2, 3}); got != -2 {
		t.Errorf("minimum reduce = %v", got)
	}
	h := reduceLoop(loopOf(Add, dtype.Float16), dtype.FromFloat64(1), []float16.Float16{dtype.FromFloat64(2), dtype.FromFloat64(0.5)})
	if h.Float32() != 3.5 {
		t.Errorf("float16 sum = %v", h)
	}
	c := reduceLoop(loopOf(Add, dtype.Complex128), 1+1i, []complex128{1, 2i, 3, 4i, 5, 6i, 7, 8i, 9, 10i})
	if c != 26+31i {
		t.Errorf("complex sum = %v", c)
	}
}

func TestStridedAndScalarPaths(t *testing.T) {
	// every layout of the typed add loop gives the same answers
	x := []float64{1, 2, 3, 4}
	y := []float64{10, 20, 30, 40}
	out := make([]float64, 4)
	p := func(s []float64) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(s)) }
	addLoop[float64]([]unsafe.Pointer{p(x), p(y), p(out)}, []int{8, 8, 8}, 4)
	checkFloats(t, "contig", out, []float64{11, 22, 33, 44})
	addLoop[float64]([]unsafe.Pointer{p(x), p(y), p(out)}, []int{8, 0, 8}, 4)
	checkFloats(t, "scalar b", out, []float64{11, 12, 13, 14})
	addLoop[float64]([]unsafe.Pointer{p(x), p(y), p(out)}, []int{0, 8, 8}, 4)
	checkFloats(t, "scalar a", out, []float64{11, 21, 31, 41})
	out = make([]float64, 4)
	addLoop[float64]([]unsafe.Pointer{p(x), p(y), p(out)}, []int{16, 16, 16}, 2)
	checkFloats(t, "strided", out, []float64{11, 0, 33, 0})
	lt := make([]bool, 4)
	gtLoop[float64]([]unsafe.Pointer{p(x), p([]float64{2, 2, 2, 2}), unsafe.Pointer(&lt[0])}, []int{8, 0, 1}, 4)
	checkEqual(t, "greater", lt, []bool{false, false, true, true})
}

// simd.Fmod gives math.Mod's bits: random pairs over many magnitudes (the
// quotient from below 1 to past 2^52, where math.Mod takes over), pairs
// whose quotient a/b rounds across an integer, exact multiples (the zero
// keeps a's sign), zeros, infinities and NaN.
func TestFmod(t *testing.T) {
	rng := rand.New(rand.NewPCG(97, 98))
	check := func(a, b float64) {
		t.Helper()
		g, w := simd.Fmod(a, b), math.Mod(a, b)
		if math.Float64bits(g) != math.Float64bits(w) && !(g != g && w != w) {
			t.Fatalf("fmod(%v, %v) = %v, math.Mod gives %v", a, b, g, w)
		}
	}
	for range 2000000 {
		a := math.Ldexp(rng.Float64(), rng.IntN(140)-70)
		b := math.Ldexp(rng.Float64(), rng.IntN(140)-70)
		if rng.IntN(2) == 0 {
			a = -a
		}
		if rng.IntN(2) == 0 {
			b = -b
		}
		check(a, b)
		// a just below and above a multiple of b
		k := float64(rng.IntN(1 << 20))
		m := k * b
		check(math.Nextafter(m, 0), b)
		check(math.Nextafter(m, math.Inf(1)), b)
		check(m, b)
	}
	sp := []float64{0, math.Copysign(0, -1), 1, -1, 3, -3, 0.1, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, 5e-324, 1 << 52, 1<<53 + 2}
	for _, a := range sp {
		for _, b := range sp {
			check(a, b)
		}
	}
}
