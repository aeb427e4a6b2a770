package ufunc

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/x448/float16"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/simd"
)

func arangeF(n int, shape ...int) *ndarray.Array {
	v := make([]float64, n)
	for i := range v {
		v[i] = float64(i)
	}
	return mustArr(ndarray.FromSlice(v, shape...))
}

func arangeI(n int, shape ...int) *ndarray.Array {
	v := make([]int64, n)
	for i := range v {
		v[i] = int64(i)
	}
	return mustArr(ndarray.FromSlice(v, shape...))
}

// Expected values from NumPy 1.24.
func TestMatmulValues(t *testing.T) {
	tests := []struct {
		name      string
		a, b      *ndarray.Array
		wantShape []int
		want      []float64
	}{
		{"2x3 @ 3x4", arangeF(6, 2, 3), arangeF(12, 3, 4), []int{2, 4}, []float64{20, 23, 26, 29, 56, 68, 80, 92}},
		{"stack @ vector", arangeI(24, 2, 3, 4), arangeI(4, 4), []int{2, 3}, []float64{14, 38, 62, 86, 110, 134}},
		{"vector @ stack", arangeI(4, 4), arangeI(8, 2, 4, 1), []int{2, 1}, []float64{14, 38}},
		{"vector @ vector", arangeF(3, 3), arangeF(3, 3), []int{}, []float64{5}},
		{"empty k", arangeF(0, 2, 0), arangeF(0, 0, 3), []int{2, 3}, []float64{0, 0, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		r, err := Matmul.Call(tt.a, tt.b)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got, _ := r.AsType(dtype.Float64, dtype.Unsafe)
		if !slices.Equal(r.Shape(), tt.wantShape) || !slices.Equal(ndarray.ToSlice[float64](got), tt.want) {
			t.Errorf("%s: got %v %v, want %v %v", tt.name, r.Shape(), ndarray.ToSlice[float64](got), tt.wantShape, tt.want)
		}
	}
}

func TestMatmulDTypes(t *testing.T) {
	// int8 wraps: [100 100]·[100 100] = 20000 -> 32
	x := mustArr(ndarray.FromSlice([]int8{100, 100}, 2))
	r, err := Matmul.Call(x, x)
	if err != nil || r.DType() != dtype.Int8 || ndarray.At[int8](r) != 32 {
		t.Errorf("int8 wrap: %v %v", r, err)
	}
	// bool: logical or of ands
	a := mustArr(ndarray.FromSlice([]bool{true, false, false, false}, 2, 2))
	b := mustArr(ndarray.FromSlice([]bool{true, true, false, true}, 2, 2))
	r, err = Matmul.Call(a, b)
	if err != nil || !slices.Equal(ndarray.ToSlice[bool](r), []bool{true, true, false, false}) {
		t.Errorf("bool: %v %v", r, err)
	}
	// float16 accumulates in float32, rounds once
	bits := []uint16{0, 12434, 13458, 14043, 14482, 14775}
	h := make([]float16.Float16, len(bits))
	for i, v := range bits {
		h[i] = float16.Float16(v)
	}
	hv := []float16.Float16{float16.Fromfloat32(0), float16.Fromfloat32(1), float16.Fromfloat32(2)}
	r, err = Matmul.Call(mustArr(ndarray.FromSlice(h, 2, 3)), mustArr(ndarray.FromSlice(hv, 3)))
	if err != nil || r.DType() != dtype.Float16 {
		t.Fatalf("float16: %v %v", r, err)
	}
	if got := ndarray.ToSlice[float16.Float16](r); uint16(got[0]) != 14774 || uint16(got[1]) != 16384 {
		t.Errorf("float16: got bits %v, want [14774 16384]", got)
	}
	// promotion: int64 with uint64 computes in float64, int8 with uint8 in int16
	types := []struct{ a, b, want dtype.DType }{
		{dtype.Int64, dtype.Uint64, dtype.Float64},
		{dtype.Int8, dtype.Uint8, dtype.Int16},
		{dtype.Bool, dtype.Int16, dtype.Int16},
		{dtype.Uint8, dtype.Float16, dtype.Float16},
		{dtype.Float32, dtype.Complex64, dtype.Complex64},
	}
	for _, tt := range types {
		_, out, err := Matmul.ResolveTypes(tt.a, tt.b)
		if err != nil || out[0] != tt.want {
			t.Errorf("ResolveTypes(%v, %v) = %v, %v; want %v", tt.a, tt.b, out, err, tt.want)
		}
	}
	// complex
	c := mustArr(ndarray.FromSlice([]complex128{1 + 2i, 3 - 1i}, 2))
	d := mustArr(ndarray.FromSlice([]complex128{2 - 1i, 1 + 1i}, 2))
	r, err = Matmul.Call(c, d)
	if err != nil || ndarray.At[complex128](r) != (1+2i)*(2-1i)+(3-1i)*(1+1i) {
		t.Errorf("complex: %v %v", r, err)
	}
}

func TestMatmulErrors(t *testing.T) {
	var se *ndarray.ShapeError
	var be *ndarray.BroadcastError
	_, err := Matmul.Call(arangeF(6, 2, 3), arangeF(20, 4, 5))
	if !errors.As(err, &se) || err.Error() != "ndarray: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)" {
		t.Errorf("core mismatch: %v", err)
	}
	_, err = Matmul.Call(mustArr(ndarray.Zeros(dtype.Float64)), arangeF(3, 3))
	if !errors.As(err, &se) || err.Error() != "ndarray: matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)" {
		t.Errorf("0-d: %v", err)
	}
	if _, err = Matmul.Call(arangeF(24, 2, 3, 4), arangeF(60, 3, 4, 5)); !errors.As(err, &be) {
		t.Errorf("loop dims: %v, want *ndarray.BroadcastError", err)
	}
	out := mustArr(ndarray.Zeros(dtype.Float64, 3, 3))
	if _, err = Matmul.Call(arangeF(6, 2, 3), arangeF(12, 3, 4), Out(out)); !errors.As(err, &se) {
		t.Errorf("bad out: %v", err)
	}
}

func TestMatmulOut(t *testing.T) {
	a := arangeF(4, 2, 2)
	// in place: a = a @ a
	if _, err := Matmul.Call(a, a, Out(a)); err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[float64](a); !slices.Equal(got, []float64{2, 3, 6, 11}) {
		t.Errorf("in place: %v, want [2 3 6 11]", got)
	}
}

// fmaMatmul is the oracle for the blocked kernel: every c[i,j] the chain
// of fused multiply-adds over p in increasing order from 0.
func fmaMatmul[F float32 | float64](a, b []F, n, k, m int, fma func(a, b, c F) F) []F {
	c := make([]F, n*m)
	for i := range n {
		for j := range m {
			var s F
			for p := range k {
				s = fma(a[i*k+p], b[p*m+j], s)
			}
			c[i*m+j] = s
		}
	}
	return c
}

// TestMatmulBlockedKernel checks the float kernel bit for bit against
// the sequential chain of FMAs, for sizes around the tiles of every
// simd implementation and the blocks of the inner dimension and of b's
// columns, with operands and results of every layout: contiguous,
// transposed, every second element, reversed, and results whose rows lie
// further apart than their length.
func TestMatmulBlockedKernel(t *testing.T) {
	sizes := [][3]int{{1, 17, 300}, {5, 300, 270}, {37, 129, 257}, {64, 64, 64}, {3, 1, 1000},
		{8, 8, 24}, {16, 256, 48}, {9, 257, 25}, {7, 513, 49}, {24, 255, 520}, {13, 40, 241}, {48, 3, 96},
		{10, 300, 4150},                             // several blocks of columns
		{3, 5, 7}, {7, 7, 7}, {1, 30, 1}, {4, 6, 1}} // the last through the plain loop
	t.Run("float64", func(t *testing.T) { testMatmulBlocked(t, sizes, dtype.Float64, math.FMA) })
	t.Run("float32", func(t *testing.T) { testMatmulBlocked(t, sizes, dtype.Float32, simd.FMAFloat32) })
}

func testMatmulBlocked[F float32 | float64](t *testing.T, sizes [][3]int, dt dtype.DType, fma func(a, b, c F) F) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, sz := range sizes {
		n, k, m := sz[0], sz[1], sz[2]
		for _, ints := range []bool{false, true} {
			val := func() F {
				if ints {
					return F(rng.IntN(9) - 4)
				}
				return F(rng.NormFloat64())
			}
			av, bv := make([]F, n*k), make([]F, k*m)
			for i := range av {
				av[i] = val()
			}
			for i := range bv {
				bv[i] = val()
			}
			want := fmaMatmul(av, bv, n, k, m, fma)
			if ints {
				// integers: the exact sums
				for i := range n {
					for j := range m {
						var s int64
						for p := range k {
							s += int64(av[i*k+p]) * int64(bv[p*m+j])
						}
						if F(s) != want[i*m+j] {
							t.Fatalf("%v: oracle c[%d,%d] = %v, want %d", sz, i, j, want[i*m+j], s)
						}
					}
				}
			}
			a := mustArr(ndarray.FromSlice(av, n, k))
			b := mustArr(ndarray.FromSlice(bv, k, m))
			// transposed copies: unit row stride, strided columns
			at := mustArr(ndarray.Zeros(dt, k, n)).Transpose()
			_ = at.CopyFrom(a, dtype.Unsafe)
			bt := mustArr(ndarray.Zeros(dt, m, k)).Transpose()
			_ = bt.CopyFrom(b, dtype.Unsafe)
			// every second column of a wider array
			a2 := mustArr(mustArr(ndarray.Zeros(dt, n, 2*k)).Index(":, ::2"))
			_ = a2.CopyFrom(a, dtype.Unsafe)
			b2 := mustArr(mustArr(ndarray.Zeros(dt, k, 2*m)).Index(":, 1::2"))
			_ = b2.CopyFrom(b, dtype.Unsafe)
			// reversed rows and columns
			ar := mustArr(mustArr(ndarray.Zeros(dt, n, k)).Index("::-1, ::-1"))
			_ = ar.CopyFrom(a, dtype.Unsafe)
			br := mustArr(mustArr(ndarray.Zeros(dt, k, m)).Index("::-1, ::-1"))
			_ = br.CopyFrom(b, dtype.Unsafe)
			ct := mustArr(ndarray.Zeros(dt, m, n)).Transpose()
			wide := mustArr(ndarray.Zeros(dt, n, m+50))
			cw := mustArr(wide.Index(":, 3:" + fmt.Sprint(m+3)))
			cr := mustArr(mustArr(ndarray.Zeros(dt, n, m)).Index("::-1"))
			for _, c := range []struct {
				name string
				a, b *ndarray.Array
				out  *ndarray.Array
			}{
				{"C", a, b, nil},
				{"transposed", at, bt, nil},
				{"step 2", a2, b2, nil},
				{"reversed", ar, br, nil},
				{"transposed out", a, b, ct},
				{"wide out", a, b, cw},
				{"reversed out", a, b, cr},
			} {
				var opts []Option
				if c.out != nil {
					opts = append(opts, Out(c.out))
				}
				r, err := Matmul.Call2(c.a, c.b, opts...)
				if err != nil {
					t.Fatal(err)
				}
				got := ndarray.ToSlice[F](r)
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("%v ints %v %s: c[%d,%d] = %v, want %v", sz, ints, c.name, i/m, i%m, got[i], want[i])
					}
				}
			}
			// the columns of wide outside the result are not written
			for i, v := range ndarray.ToSlice[F](wide) {
				if j := i % (m + 50); (j < 3 || j >= m+3) && v != 0 {
					t.Fatalf("%v: wide out element %d,%d written", sz, i/(m+50), j)
				}
			}
		}
	}
}

func TestDotInnerOuterVdot(t *testing.T) {
	r, err := Dot(arangeF(24, 2, 3, 4), arangeF(40, 2, 4, 5))
	if err != nil || !slices.Equal(r.Shape(), []int{2, 3, 2, 5}) {
		t.Fatalf("dot N-d: %v %v", r, err)
	}
	row, _ := r.Index("1, 2, 1")
	if got := ndarray.ToSlice[float64](row.Copy()); !slices.Equal(got, []float64{2390, 2476, 2562, 2648, 2734}) {
		t.Errorf("dot N-d [1,2,1]: %v", got)
	}
	r, err = Dot(mustArr(ndarray.Zeros(dtype.Float64)), arangeF(3, 3))
	if err != nil || !slices.Equal(r.Shape(), []int{3}) {
		t.Errorf("dot 0-d: %v %v", r, err)
	}
	var se *ndarray.ShapeError
	if _, err = Dot(arangeF(6, 2, 3), arangeF(20, 4, 5)); !errors.As(err, &se) || err.Error() != "ndarray: dot: shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)" {
		t.Errorf("dot mismatch: %v", err)
	}
	r, err = Inner(arangeI(6, 2, 3), arangeI(12, 4, 3))
	if err != nil || !slices.Equal(r.Shape(), []int{2, 4}) || !slices.Equal(ndarray.ToSlice[int64](r), []int64{5, 14, 23, 32, 14, 50, 86, 122}) {
		t.Errorf("inner: %v %v", r, err)
	}
	if _, err = Inner(arangeF(6, 2, 3), arangeF(2, 2)); !errors.As(err, &se) {
		t.Errorf("inner mismatch: %v", err)
	}
	r, err = Outer(arangeI(4, 2, 2), arangeI(3, 3))
	if err != nil || !slices.Equal(r.Shape(), []int{4, 3}) || ndarray.At[int64](r, 3, 2) != 6 {
		t.Errorf("outer: %v %v", r, err)
	}
	c := mustArr(ndarray.FromSlice([]complex128{1 + 2i, 3 - 1i}, 2))
	d := mustArr(ndarray.FromSlice([]complex128{2 - 1i, 1 + 1i}, 2))
	r, err = Vdot(c, d)
	if err != nil || ndarray.At[complex128](r) != 2-1i {
		t.Errorf("vdot: %v %v, want (2-1i)", r, err)
	}
	if _, err = Vdot(arangeF(3, 3), arangeF(2, 2)); !errors.As(err, &se) {
		t.Errorf("vdot mismatch: %v", err)
	}
}

func BenchmarkMatmulFloat(b *testing.B) {
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
		for _, n := range []int{4, 8, 12, 16, 64, 256, 1024} {
			b.Run(fmt.Sprintf("%s/%d", dt, n), func(b *testing.B) {
				x := mustArr(arangeF(n*n, n, n).AsType(dt, dtype.Unsafe))
				y := mustArr(arangeF(n*n, n, n).AsType(dt, dtype.Unsafe))
				out := mustArr(ndarray.Zeros(dt, n, n))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Matmul.Call2(x, y, Out(out)); err != nil {
						b.Fatal(err)
					}
				}
				flops := 2 * float64(n) * float64(n) * float64(n)
				b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

func mustArr(a *ndarray.Array, err error) *ndarray.Array {
	if err != nil {
		panic(err)
	}
	return a
}
