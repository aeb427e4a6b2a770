package ufunc

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/ndarray"
)

// The run functions in front of the element-wise loops (runs.go) give
// what the element-wise loops give: each ufunc on contiguous operands
// (the run) against the same values taken every second element of
// arrays twice as long (the element-wise loop), for every type the run
// covers, over lengths around the loops' unrolling.
func TestRunsMatchElementwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(81, 82))
	ints := func(n int) []uint64 {
		v := make([]uint64, n)
		for i := range v {
			switch rng.IntN(4) {
			case 0:
				v[i] = uint64(rng.IntN(70)) // shift counts, in range and past the width
			case 1:
				v[i] = -uint64(rng.IntN(3)) // negative shift counts, -1, 0
			default:
				v[i] = rng.Uint64()
			}
		}
		return v
	}
	floats := func(n int) []float64 {
		v := make([]float64, n)
		specials := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, 2.5, -2.5, math.Inf(1), math.Inf(-1), math.NaN(), 1e300, 4503599627370497}
		for i := range v {
			if rng.IntN(3) == 0 {
				v[i] = specials[rng.IntN(len(specials))]
			} else {
				v[i] = rng.NormFloat64() * 100
			}
		}
		return v
	}
	bin := []*Ufunc{BitwiseAnd, BitwiseOr, BitwiseXor, LeftShift, RightShift}
	for _, n := range []int{1, 7, 16, 33, 100, 1500} {
		xs, ys := ints(2*n), ints(2*n)
		for _, mk := range []func([]uint64) (*ndarray.Array, error){
			func(v []uint64) (*ndarray.Array, error) { return fromConv[int8](v) },
			func(v []uint64) (*ndarray.Array, error) { return fromConv[uint8](v) },
			func(v []uint64) (*ndarray.Array, error) { return fromConv[int16](v) },
			func(v []uint64) (*ndarray.Array, error) { return fromConv[uint16](v) },
			func(v []uint64) (*ndarray.Array, error) { return fromConv[int32](v) },
			func(v []uint64) (*ndarray.Array, error) { return fromConv[uint32](v) },
			func(v []uint64) (*ndarray.Array, error) { return fromConv[int64](v) },
			func(v []uint64) (*ndarray.Array, error) { return ndarray.FromSlice(v) },
			func(v []uint64) (*ndarray.Array, error) {
				b := make([]bool, len(v))
				for i, x := range v {
					b[i] = x&1 == 1
				}
				return ndarray.FromSlice(b)
			},
		} {
			x, _ := mk(xs)
			y, _ := mk(ys)
			isBool := x.DType().Kind().String() == "bool"
			ops := append([]*Ufunc{Invert}, bin...)
			if isBool {
				ops = []*Ufunc{Invert, BitwiseAnd, BitwiseOr, BitwiseXor, LogicalAnd, LogicalOr, LogicalXor, LogicalNot}
			}
			for _, u := range ops {
				checkRunVsStrided(t, u, x, y, n)
				if u.NIn() == 2 && !isBool {
					// a scalar second operand: y's first element
					s, _ := y.Index("0")
					got, err1 := u.Call2(must(x.Index("::2")).Copy(), s)
					want, err2 := u.Call2(must(x.Index("::2")), s)
					if err1 != nil || err2 != nil || string(got.Bytes()) != string(want.Bytes()) {
						t.Fatalf("%s %v n=%d, scalar %v: contiguous %v, element-wise %v (%v %v)", u.Name(), x.DType(), n, s, got, want, err1, err2)
					}
				}
			}
		}
		fs := floats(2 * n)
		f64, _ := ndarray.FromSlice(fs)
		f32, _ := fromConvF[float32](fs)
		for _, u := range []*Ufunc{Floor, Ceil, Trunc, Rint, Reciprocal, Square} {
			checkRunVsStrided(t, u, f64, nil, n)
			checkRunVsStrided(t, u, f32, nil, n)
		}
		g64, _ := ndarray.FromSlice(floats(2 * n))
		g32, _ := fromConvF[float32](ndarray.ToSlice[float64](g64))
		checkRunVsStrided(t, Copysign, f64, g64, n)
		checkRunVsStrided(t, Power, f64, g64, n)
		for _, y := range []float64{2, -1, 0.5, 1, 3, 2.5, -0.5, 0} {
			s, _ := ndarray.FromSlice([]float64{y})
			s, _ = s.Index("0")
			got, err1 := Power.Call2(must(f64.Index("::2")).Copy(), s)
			want, err2 := Power.Call2(must(f64.Index("::2")), s)
			if err1 != nil || err2 != nil || string(got.Bytes()) != string(want.Bytes()) {
				t.Fatalf("power n=%d, exponent %v: contiguous %v, element-wise %v (%v %v)", n, y, got, want, err1, err2)
			}
		}
		checkRunVsStrided(t, Copysign, f32, g32, n)
		// clip, with bounds from the specials too (NaN bounds, lo > hi)
		lo, hi := floats(2*n), floats(2*n)
		for _, c := range []struct{ x, lo, hi *ndarray.Array }{
			{f64, must(ndarray.FromSlice(lo)), must(ndarray.FromSlice(hi))},
			{f32, must(fromConvF[float32](lo)), must(fromConvF[float32](hi))},
			{must(fromConv[int64](xs)), must(fromConv[int64](ys)), must(fromConv[int64](ints(2 * n)))},
			{must(fromConv[uint8](xs)), must(fromConv[uint8](ys)), must(fromConv[uint8](ints(2 * n)))},
		} {
			checkClip(t, c.x, c.lo, c.hi, n)
		}
	}
}

// checkClip compares clip on contiguous operands, with array bounds and
// with the first bounds as scalars, against clip on strided ones.
func checkClip(t *testing.T, x, lo, hi *ndarray.Array, n int) {
	t.Helper()
	every2 := func(a *ndarray.Array) *ndarray.Array { v, _ := a.Index("::2"); return v }
	first := func(a *ndarray.Array) *ndarray.Array { v, _ := a.Index("0"); return v }
	for _, scalar := range []bool{false, true} {
		bl, bh := every2(lo), every2(hi)
		if scalar {
			bl, bh = first(lo), first(hi)
		}
		got, err := Clip.Call3(every2(x).Copy(), bl.Copy(), bh.Copy())
		if err != nil {
			t.Fatal(err)
		}
		// the element-wise loop: x strided (the bounds broadcast as given)
		want, err := Clip.Call3(every2(x), bl, bh)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Bytes()) != string(want.Bytes()) {
			t.Fatalf("clip %v n=%d scalar=%v: contiguous %v, element-wise %v", x.DType(), n, scalar, got, want)
		}
	}
}

func must(a *ndarray.Array, err error) *ndarray.Array {
	if err != nil {
		panic(err)
	}
	return a
}

// checkRunVsStrided compares u on the first n elements of x (and y) with
// u on their every second element, element by element (bits for
// floats).
func checkRunVsStrided(t *testing.T, u *Ufunc, x, y *ndarray.Array, n int) {
	t.Helper()
	name := fmt.Sprintf("%s %v n=%d", u.Name(), x.DType(), n)
	contig := func(a *ndarray.Array) *ndarray.Array {
		// x[::2] copied: contiguous, the same values as the strided view
		v, _ := a.Index("::2")
		return v.Copy()
	}
	strided := func(a *ndarray.Array) *ndarray.Array {
		v, _ := a.Index("::2")
		return v
	}
	call := func(pick func(*ndarray.Array) *ndarray.Array) *ndarray.Array {
		var r *ndarray.Array
		var err error
		if u.NIn() == 1 {
			r, err = u.Call1(pick(x))
		} else {
			r, err = u.Call2(pick(x), pick(y))
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return r
	}
	a, b := call(contig), call(strided)
	ab, bb := a.Bytes(), b.Bytes()
	if len(ab) != len(bb) || string(ab) != string(bb) {
		t.Fatalf("%s: contiguous %v, element-wise %v", name, a, b)
	}
}

func fromConv[T int8 | uint8 | int16 | uint16 | int32 | uint32 | int64](v []uint64) (*ndarray.Array, error) {
	s := make([]T, len(v))
	for i, x := range v {
		s[i] = T(x)
	}
	return ndarray.FromSlice(s)
}

func fromConvF[T float32](v []float64) (*ndarray.Array, error) {
	s := make([]T, len(v))
	for i, x := range v {
		s[i] = T(x)
	}
	return ndarray.FromSlice(s)
}

// CumSum and CumProd of a line (accumulateLine) against sequential Go
// loops, for the types that accumulate in their own type (smaller
// integers accumulate in int64 and uint64, as NumPy's), contiguous and
// strided input, wrapping integers and float rounding in order.
func TestAccumulateLine(t *testing.T) {
	rng := rand.New(rand.NewPCG(91, 92))
	vals := make([]uint64, 301)
	for i := range vals {
		vals[i] = rng.Uint64()
	}
	fl := make([]float64, len(vals))
	for i := range fl {
		fl[i] = rng.NormFloat64()
	}
	testAccumulate(t, must(fromConv[int64](vals)), func(v []int64) ([]int64, []int64) { return seqAcc(v) })
	testAccumulate(t, must(ndarray.FromSlice(vals)), func(v []uint64) ([]uint64, []uint64) { return seqAcc(v) })
	testAccumulate(t, must(fromConvF[float32](fl)), func(v []float32) ([]float32, []float32) { return seqAcc(v) })
	testAccumulate(t, must(ndarray.FromSlice(fl)), func(v []float64) ([]float64, []float64) { return seqAcc(v) })
}

func seqAcc[T realNum](v []T) (sum, prod []T) {
	sum, prod = make([]T, len(v)), make([]T, len(v))
	var s, p T = 0, 1
	for i, x := range v {
		s += x
		p *= x
		sum[i], prod[i] = s, p
	}
	return sum, prod
}

func testAccumulate[T int64 | uint64 | float32 | float64](t *testing.T, a *ndarray.Array, want func([]T) ([]T, []T)) {
	t.Helper()
	for _, idx := range []string{":", "::3"} {
		v := must(a.Index(idx))
		ws, wp := want(ndarray.ToSlice[T](v))
		gs, err1 := CumSum(v)
		gp, err2 := CumProd(v)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		s, p := ndarray.ToSlice[T](gs), ndarray.ToSlice[T](gp)
		for i := range ws {
			if s[i] != ws[i] || (p[i] != wp[i] && p[i] == p[i]) {
				t.Fatalf("%v [%s] at %d: cumsum %v cumprod %v, want %v %v", a.DType(), idx, i, s[i], p[i], ws[i], wp[i])
			}
		}
	}
}
