package ufunc

import (
	"errors"
	"math"
	"runtime"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

// Expected values in this file come from NumPy 1.24.

func TestSumProdDTypes(t *testing.T) {
	m := mustOK(t)
	a := m(ndarray.FromSlice([]int8{1, 2, 3, 4, 5, 6}, 2, 3))
	r := m(Sum(a))
	if r.DType() != dtype.Int64 || r.NDim() != 0 || ndarray.At[int64](r) != 21 {
		t.Fatalf("np.sum(int8) = %v %v, want int64 21", r.DType(), r)
	}
	r = m(Sum(a, Axis(0)))
	if !slices.Equal(ndarray.ToSlice[int64](r), []int64{5, 7, 9}) {
		t.Fatalf("np.sum(axis=0) = %v", r)
	}
	r = m(Prod(a, Axis(1)))
	if r.DType() != dtype.Int64 || !slices.Equal(ndarray.ToSlice[int64](r), []int64{6, 120}) {
		t.Fatalf("np.prod(axis=1) = %v %v", r.DType(), r)
	}
	if r = m(Sum(m(a.AsType(dtype.Uint16, dtype.Unsafe)))); r.DType() != dtype.Uint64 {
		t.Fatalf("np.sum(uint16) dtype %v, want uint64", r.DType())
	}
	b := m(ndarray.FromSlice([]bool{true, true, false}, 3))
	if r = m(Sum(b)); r.DType() != dtype.Int64 || ndarray.At[int64](r) != 2 {
		t.Fatalf("np.sum(bool) = %v %v", r.DType(), r)
	}
	// np.sum(np.arange(12.).reshape(3,4), axis=1, where=[True,False,True,True])
	w := m(ndarray.FromSlice([]bool{true, false, true, true}, 4))
	g := m(m(ndarray.ArangeN(dtype.Float64, 12)).Reshape(3, 4))
	checkF64(t, "sum where", m(Sum(g, Axis(1), Where(w))), []int{3}, []float64{5, 17, 29})
}

func TestSumAccuracy(t *testing.T) {
	m := mustOK(t)
	// NumPy's sum of 10**6 times 0.1 (pairwise sums of pieces of 8192
	// added in order) is 99999.9999999998, 0x1.869fffffffff2p+16; the
	// exact sum of the stored 0.1 rounds to 100000, and a loop in order
	// gives 100000.00000133288.
	n := 1000000
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = 0.1
	}
	a := m(ndarray.FromSlice(xs, n))
	got := ndarray.At[float64](m(Sum(a)))
	if numpy := 0x1.869fffffffff2p+16; got != numpy {
		t.Fatalf("sum of 1e6 × 0.1 = %x, NumPy's is %x", got, numpy)
	}
	// the result does not depend on the number of threads
	prev := runtime.GOMAXPROCS(1)
	one := ndarray.At[float64](m(Sum(a)))
	runtime.GOMAXPROCS(prev)
	if one != got {
		t.Fatalf("sum differs with GOMAXPROCS=1: %v vs %v", one, got)
	}
}

func TestMinMaxArg(t *testing.T) {
	m := mustOK(t)
	f := m(ndarray.FromSlice([]float64{3, -1, math.NaN(), 2, 7, 0.5}, 2, 3))
	checkF64(t, "min axis 1", m(Min(f, Axis(1))), []int{2}, []float64{math.NaN(), 0.5})
	checkF64(t, "max axis 0", m(Max(f, Axis(0))), []int{3}, []float64{3, 7, math.NaN()})
	checkF64(t, "nanmin", m(NanMin(f)), []int{}, []float64{-1})
	checkF64(t, "nanmax axis 1", m(NanMax(f, Axis(1))), []int{2}, []float64{3, 7})
	checkF64(t, "nansum", m(NanSum(f)), []int{}, []float64{11.5})
	checkF64(t, "nanmean axis 1", m(NanMean(f, Axis(1))), []int{2}, []float64{1, 3.1666666666666665})
	checkInt := func(name string, got *ndarray.Array, shape []int, want []int64) {
		t.Helper()
		if got.DType() != dtype.Int64 || !slices.Equal(got.Shape(), shape) || !slices.Equal(ndarray.ToSlice[int64](got), want) {
			t.Fatalf("%s = %v %v %v, want %v %v", name, got.DType(), got.Shape(), got, shape, want)
		}
	}
	checkInt("argmin", m(ArgMin(f)), []int{}, []int64{2})
	checkInt("argmax axis 1", m(ArgMax(f, Axis(1))), []int{2}, []int64{2, 1})
	checkInt("argmin axis 0", m(ArgMin(f, Axis(0))), []int{3}, []int64{1, 0, 0})
	checkInt("argmax keepdims", m(ArgMax(f, Axis(-1), KeepDims())), []int{2, 1}, []int64{2, 1})
	// ties: the first wins; complex numbers order lexicographically
	checkInt("argmax ties", m(ArgMax(m(ndarray.FromSlice([]int32{1, 5, 5, 2}, 4)))), []int{}, []int64{1})
	c := m(ndarray.FromSlice([]complex128{1 + 2i, 1 + 3i, 0 + 9i}, 3))
	checkInt("argmax complex", m(ArgMax(c)), []int{}, []int64{1})
	checkInt("argmin complex", m(ArgMin(c)), []int{}, []int64{2})

	var empty *EmptyReductionError
	if _, err := Max(m(ndarray.Zeros(dtype.Float64, 0))); !errors.As(err, &empty) {
		t.Fatalf("max of empty: got %v, want *EmptyReductionError", err)
	}
	if _, err := ArgMin(m(ndarray.Zeros(dtype.Float64, 2, 0)), Axis(1)); !errors.As(err, &empty) {
		t.Fatalf("argmin of empty: got %v, want *EmptyReductionError", err)
	}
	checkF64(t, "min initial", m(Min(m(ndarray.Zeros(dtype.Float64, 0)), Initial(5.0))), []int{}, []float64{5})
}

func TestMeanVarStd(t *testing.T) {
	m := mustOK(t)
	g := m(ndarray.FromSlice([]float64{1, 2, 3, 4, 2, 4, 6, 9}, 2, 4))
	checkF64(t, "mean axis 1", m(Mean(g, Axis(1))), []int{2}, []float64{2.5, 5.25})
	checkF64(t, "var", m(Var(g)), []int{}, []float64{5.859375})
	checkF64(t, "std ddof 1", m(Std(g, Axis(1), DDof(1))), []int{2}, []float64{1.2909944487358056, 2.9860788111948193})
	checkF64(t, "var keepdims", m(Var(g, Axis(0), KeepDims())), []int{1, 4}, []float64{0.25, 1, 2.25, 6.25})
	checkF64(t, "var ddof 2 of 2", m(Var(m(ndarray.FromSlice([]float64{1, 2}, 2)), DDof(2))), []int{}, []float64{math.Inf(1)})
	checkF64(t, "mean of empty", m(Mean(m(ndarray.Zeros(dtype.Float64, 0)))), []int{}, []float64{math.NaN()})
	w := m(ndarray.FromSlice([]bool{true, false, true, true}, 4))
	a12 := m(m(ndarray.ArangeN(dtype.Float64, 12)).Reshape(3, 4))
	checkF64(t, "mean where", m(Mean(a12, Axis(1), Where(w))), []int{3}, []float64{1.6666666666666667, 5.666666666666667, 9.666666666666666})

	i := m(ndarray.FromSlice([]int32{1, 2, 4}, 3))
	checkF64(t, "mean int32", m(Mean(i)), []int{}, []float64{2.3333333333333335})
	checkF64(t, "var int32", m(Var(i)), []int{}, []float64{1.5555555555555554})

	h := m(ndarray.FromSlice([]float16.Float16{float16.Fromfloat32(1), float16.Fromfloat32(2), float16.Fromfloat32(3.5)}, 3))
	for _, c := range []struct {
		name string
		f    func(*ndarray.Array, ...Option) (*ndarray.Array, error)
		bits uint16
	}{{"mean", Mean, 16469}, {"var", Var, 15417}, {"std", Std, 15388}} {
		r := m(c.f(h))
		if r.DType() != dtype.Float16 || ndarray.At[float16.Float16](r).Bits() != c.bits {
			t.Fatalf("%s(float16) = %v %v, want float16 bits %d", c.name, r.DType(), r, c.bits)
		}
	}

	z := m(ndarray.FromSlice([]complex128{1 + 2i, 3 - 1i, -2 + 0.5i}, 3))
	r := m(Mean(z))
	if r.DType() != dtype.Complex128 || ndarray.At[complex128](r) != complex(0.6666666666666666, 0.5) {
		t.Fatalf("mean complex = %v", r)
	}
	checkF64(t, "var complex", m(Var(z)), []int{}, []float64{5.722222222222222})
	checkF64(t, "std complex", m(Std(z)), []int{}, []float64{2.3921166824012206})

	var axErr *ndarray.AxisError
	if _, err := Mean(ndarray.Scalar(1.0), Axis(0)); !errors.As(err, &axErr) {
		t.Fatalf("mean of 0-d with axis 0: got %v, want *ndarray.AxisError", err)
	}
}

func TestAnyAllCum(t *testing.T) {
	m := mustOK(t)
	checkBool := func(name string, got *ndarray.Array, want []bool) {
		t.Helper()
		if got.DType() != dtype.Bool || !slices.Equal(ndarray.ToSlice[bool](got), want) {
			t.Fatalf("%s = %v %v, want %v", name, got.DType(), got, want)
		}
	}
	checkBool("any axis 1", m(Any(m(ndarray.FromSlice([]int64{0, 0, 0, 3}, 2, 2)), Axis(1))), []bool{false, true})
	checkBool("all axis 1", m(All(m(ndarray.FromSlice([]float64{1, math.NaN(), 0, 1}, 2, 2)), Axis(1))), []bool{true, false})
	checkBool("any empty", m(Any(m(ndarray.Zeros(dtype.Float64, 0)))), []bool{false})
	checkBool("all empty", m(All(m(ndarray.Zeros(dtype.Float64, 0)))), []bool{true})

	r := m(CumSum(m(ndarray.FromSlice([]int16{1, 2, 3, 4}, 2, 2))))
	if r.DType() != dtype.Int64 || !slices.Equal(r.Shape(), []int{4}) || !slices.Equal(ndarray.ToSlice[int64](r), []int64{1, 3, 6, 10}) {
		t.Fatalf("cumsum int16 = %v %v", r.DType(), r)
	}
	checkF64(t, "cumprod axis 0", m(CumProd(m(ndarray.FromSlice([]float64{1, 2, 3, 4}, 2, 2)), Axis(0))),
		[]int{2, 2}, []float64{1, 2, 3, 8})
	checkF64(t, "cumsum 0-d", m(CumSum(ndarray.Scalar(4.5), Axis(0))), []int{1}, []float64{4.5})
}

func benchArray(b *testing.B, n int) *ndarray.Array {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i%17) * 0.25
	}
	a, err := ndarray.FromSlice(xs, n)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

func BenchmarkSum(b *testing.B) {
	for _, n := range []int{16, 1 << 10, 1 << 20} {
		a := benchArray(b, n)
		b.Run(itoa(n), func(b *testing.B) {
			b.SetBytes(int64(8 * n))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Sum(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSumAxis0(b *testing.B) {
	a, err := benchArray(b, 1<<20).Reshape(1<<10, 1<<10)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(8 << 20)
	for b.Loop() {
		if _, err := Sum(a, Axis(0)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCumSum(b *testing.B) {
	a := benchArray(b, 1<<20)
	b.SetBytes(8 << 20)
	for b.Loop() {
		if _, err := CumSum(a); err != nil {
			b.Fatal(err)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
