package ufunc

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/mathx"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/simd"
)

// The math ufuncs with vector kernels give the same bits for a value
// whatever the layout of the array holding it: contiguous, strided,
// reversed, transposed or broadcast.
func TestMathLayoutIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	n := 2000
	x := make([]float64, n)
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e-310, 710, -746, 1e22, math.Pi / 2}
	for i := range x {
		if i < len(specials) {
			x[i] = specials[i]
		} else {
			x[i] = (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(8)-3))
		}
	}
	base, _ := ndarray.FromSlice(x)
	for _, u := range []*Ufunc{Exp, Exp2, Expm1, Log, Log2, Log10, Log1p, Tanh, Cosh, Sinh, Sin, Cos, Sqrt, Arctan} {
		for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
			a, _ := base.AsType(dt, dtype.Unsafe)
			want, err := u.Call1(a)
			if err != nil {
				t.Fatal(err)
			}
			wb := want.Bytes()
			size := dt.Size()
			// every other element, from a twice-as-long interleaved array
			wide, _ := ndarray.Zeros(dt, n, 2)
			col, _ := wide.Index(":, 0")
			if err := col.CopyFrom(a, dtype.No); err != nil {
				t.Fatal(err)
			}
			gotStrided, _ := u.Call1(col)
			rev, _ := a.Index("::-1")
			gotRev, _ := u.Call1(rev)
			gr := gotRev.Copy().Bytes()
			gs := gotStrided.Copy().Bytes()
			for i := range n {
				w := wb[i*size : (i+1)*size]
				if string(gs[i*size:(i+1)*size]) != string(w) {
					t.Fatalf("%s %s: strided element %d (%v) differs from contiguous", u.Name(), dt, i, x[i])
				}
				j := n - 1 - i
				if string(gr[j*size:(j+1)*size]) != string(w) {
					t.Fatalf("%s %s: reversed element %d (%v) differs from contiguous", u.Name(), dt, i, x[i])
				}
			}
		}
	}
}

// The float32 loops of expm1, log2 and log10 round the float64 kernel's
// result once, over runs longer than their conversion buffer.
func TestVia64Float32(t *testing.T) {
	r := rand.New(rand.NewPCG(33, 34))
	n := 2*1024 + 77
	x := make([]float32, n)
	specials := []float32{0, float32(math.Copysign(0, -1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 1e-45, 1e-40, -3, 1, 10, 1e30, 2, 0.5}
	for i := range x {
		if i < len(specials) {
			x[i] = specials[i]
		} else {
			x[i] = float32(math.Exp((r.Float64()*2 - 1) * 80))
			if i%3 == 0 {
				x[i] = -x[i] / 1e30 // negative and mostly small: expm1's interesting range
			}
		}
	}
	for _, c := range []struct {
		u *Ufunc
		f func(dst, a []float64)
	}{{Log2, simd.Log2Float64}, {Log10, simd.Log10Float64}, {Log1p, simd.Log1pFloat64}, {Exp2, simd.Exp2Float64}, {Cosh, simd.CoshFloat64}, {Sinh, simd.SinhFloat64}, {Expm1, simd.Expm1Float64}} {
		a, _ := ndarray.FromSlice(x)
		got, err := c.u.Call1(a)
		if err != nil {
			t.Fatal(err)
		}
		if got.DType() != dtype.Float32 {
			t.Fatalf("%s(float32) is %s", c.u.Name(), got.DType())
		}
		g := ndarray.ToSlice[float32](got)
		for i, v := range x {
			w := []float64{float64(v)}
			c.f(w, w)
			want := float32(w[0])
			if math.Float32bits(g[i]) != math.Float32bits(want) && !(g[i] != g[i] && want != want) {
				t.Fatalf("%s(float32 %v) = %v, want %v", c.u.Name(), v, g[i], want)
			}
		}
	}
}

// The two-input math ufuncs with vector kernels give each pair the bits
// of their element function: float64 contiguous, strided and reversed,
// float32 (widened in chunks, over runs longer than the chunk) rounded
// once from it; with specials, huge, tiny and zero values mixed in.
func TestMathBinaryLayoutIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(35, 36))
	n := 2*1024 + 77
	x, y := make([]float64, n), make([]float64, n)
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e-310, 1e300, -1e-300, 1e151, 1}
	for i := range x {
		x[i] = (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(40)-20))
		y[i] = (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(40)-20))
		if i < len(specials)*len(specials) {
			x[i], y[i] = specials[i/len(specials)], specials[i%len(specials)]
		}
	}
	for _, c := range []struct {
		u *Ufunc
		f func(x, y float64) float64
	}{{Hypot, mathx.Hypot}, {Power, simd.Pow}, {FloatPower, simd.Pow}} {
		for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
			if c.u == FloatPower && dt == dtype.Float32 {
				continue // float_power computes in float64
			}
			a, _ := ndarray.FromSlice(x)
			b, _ := ndarray.FromSlice(y)
			a, _ = a.AsType(dt, dtype.Unsafe)
			b, _ = b.AsType(dt, dtype.Unsafe)
			want := make([]float64, n)
			xa, ya := ndarray.ToSlice[float64](must1(a.AsType(dtype.Float64, dtype.Safe))), ndarray.ToSlice[float64](must1(b.AsType(dtype.Float64, dtype.Safe)))
			for i := range n {
				want[i] = c.f(xa[i], ya[i])
				if dt == dtype.Float32 {
					want[i] = float64(float32(want[i]))
				}
			}
			ra, _ := a.Index("::-1")
			rb, _ := b.Index("::-1")
			for _, v := range []struct {
				name string
				a, b *ndarray.Array
				rev  bool
			}{{"contiguous", a, b, false}, {"reversed", ra, rb, true}} {
				got, err := c.u.Call2(v.a, v.b)
				if err != nil {
					t.Fatal(err)
				}
				g := ndarray.ToSlice[float64](must1(got.AsType(dtype.Float64, dtype.Safe)))
				for i := range n {
					w := want[i]
					if v.rev {
						w = want[n-1-i]
					}
					if math.Float64bits(g[i]) != math.Float64bits(w) && !(g[i] != g[i] && w != w) {
						t.Fatalf("%s %s %s: element %d = %v, want %v", c.u.Name(), dt, v.name, i, g[i], w)
					}
				}
			}
		}
	}
}

func must1(a *ndarray.Array, err error) *ndarray.Array {
	if err != nil {
		panic(err)
	}
	return a
}

// Power with a scalar exponent gives each element the bits of simd.Pow,
// float32 rounded once from it, over runs longer than the conversion
// chunk.
func TestPowerScalarRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(37, 38))
	n := 2*1024 + 77
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Exp2((r.Float64()*2 - 1) * 60)
		if i%17 == 0 {
			x[i] = -x[i]
		}
	}
	x[0], x[1], x[2] = 0, math.Inf(1), math.NaN()
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
		a := must1(must1(ndarray.FromSlice(x)).AsType(dt, dtype.Unsafe))
		xa := ndarray.ToSlice[float64](must1(a.AsType(dtype.Float64, dtype.Safe)))
		for _, e := range []float64{2.5, -1.25, 3, 0.5} {
			got, err := Power.Call2(a, e)
			if err != nil {
				t.Fatal(err)
			}
			g := ndarray.ToSlice[float64](must1(got.AsType(dtype.Float64, dtype.Safe)))
			for i, v := range xa {
				w := simd.Pow(v, e)
				if dt == dtype.Float32 {
					w = float64(float32(w))
				}
				if math.Float64bits(g[i]) != math.Float64bits(w) && !(g[i] != g[i] && w != w) {
					t.Fatalf("power(%s %v, %v) = %v, want %v", dt, v, e, g[i], w)
				}
			}
		}
	}
}

// Arctan2 gives the same bits for a pair of values whatever the layout
// of the operands and the output: contiguous, strided, reversed,
// broadcast (a repeated operand or a Go scalar), into a strided output,
// and in a reduction (which combines in order).
func TestArctan2LayoutIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(35, 36))
	n := 1500
	y, x := make([]float64, n), make([]float64, n)
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e-310, 1, -1, 1e300}
	for i := range y {
		y[i] = (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(8)-3))
		x[i] = (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(8)-3))
		if i < len(specials)*len(specials) {
			y[i], x[i] = specials[i%len(specials)], specials[i/len(specials)]
		}
	}
	yb, _ := ndarray.FromSlice(y)
	xb, _ := ndarray.FromSlice(x)
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
		ya, _ := yb.AsType(dt, dtype.Unsafe)
		xa, _ := xb.AsType(dt, dtype.Unsafe)
		want, err := Arctan2.Call(ya, xa)
		if err != nil {
			t.Fatal(err)
		}
		wb := want.Bytes()
		size := dt.Size()
		same := func(name string, got *ndarray.Array, idx func(i int) int) {
			t.Helper()
			gb := got.Copy().Bytes()
			for i := range n {
				j := idx(i)
				if string(gb[j*size:(j+1)*size]) != string(wb[i*size:(i+1)*size]) {
					t.Fatalf("arctan2 %s %s: element %d (%v, %v) differs from contiguous", dt, name, i, y[i], x[i])
				}
			}
		}
		strided := func(a *ndarray.Array) *ndarray.Array {
			wide, _ := ndarray.Zeros(dt, n, 3)
			col, _ := wide.Index(":, 1")
			if err := col.CopyFrom(a, dtype.No); err != nil {
				t.Fatal(err)
			}
			return col
		}
		id := func(i int) int { return i }
		g, _ := Arctan2.Call(strided(ya), xa)
		same("strided y", g, id)
		g, _ = Arctan2.Call(ya, strided(xa))
		same("strided x", g, id)
		yr, _ := ya.Index("::-1")
		xr, _ := xa.Index("::-1")
		g, _ = Arctan2.Call(yr, xr)
		same("reversed", g, func(i int) int { return n - 1 - i })
		outWide, _ := ndarray.Zeros(dt, n, 2)
		outCol, _ := outWide.Index(":, 1")
		if _, err := Arctan2.Call(ya, xa, Out(outCol)); err != nil {
			t.Fatal(err)
		}
		same("strided out", outCol, id)

		// a repeated operand, as an array and as a Go scalar
		for _, k := range []int{0, 3, 17, 100} {
			ys, _ := ya.Index(fmt.Sprintf("%d:%d", k, k+1))
			yrep, _ := ys.BroadcastTo(n)
			yfull := ndarray.ToSlice[float64](must(yrep.AsType(dtype.Float64, dtype.Unsafe)))
			yc, _ := ndarray.FromSlice(yfull)
			yc, _ = yc.AsType(dt, dtype.Unsafe)
			w, _ := Arctan2.Call(yc, xa)
			ww := w.Bytes()
			for name, got := range map[string]*ndarray.Array{
				"broadcast y": must(Arctan2.Call(yrep, xa)),
				"scalar x":    must(Arctan2.Call(xa, scalarOf(dt, ndarray.ToSlice[float64](must(ys.AsType(dtype.Float64, dtype.Unsafe)))[0]))),
			} {
				gb := got.Bytes()
				ref := ww
				if name == "scalar x" {
					w2, _ := Arctan2.Call(xa, yc)
					ref = w2.Bytes()
				}
				if string(gb) != string(ref) {
					t.Fatalf("arctan2 %s %s (element %d repeated): results differ from the contiguous operands", dt, name, k)
				}
			}
		}
	}

	// reduce: ((y0 atan2 y1) atan2 y2) ..., in order
	a, _ := ndarray.FromSlice([]float64{3, -2, 0.5, 7, -1e-3, 2})
	got, err := Arctan2.Reduce(a)
	if err != nil {
		t.Fatal(err)
	}
	acc := 3.0
	for _, v := range []float64{-2, 0.5, 7, -1e-3, 2} {
		w := []float64{0}
		simd.Atan2Float64(w, []float64{acc}, []float64{v})
		acc = w[0]
	}
	if g := ndarray.ToSlice[float64](got); len(g) != 1 || g[0] != acc {
		t.Errorf("arctan2.reduce = %v, want %v", g, acc)
	}
}

// scalarOf returns v as a Go scalar of dt's type.
func scalarOf(dt dtype.DType, v float64) any {
	if dt == dtype.Float32 {
		return float32(v)
	}
	return v
}
