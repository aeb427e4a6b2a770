package ndarray

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func TestTriangles(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"tril", func() (*Array, error) { return Tril(in.A, 0) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 0, 0, 0, 4, 5, 0, 0, 8, 9, 10, 0}}, ""},
		{"tril k=1", func() (*Array, error) { return Tril(in.A, 1) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 0, 0, 4, 5, 6, 0, 8, 9, 10, 11}}, ""},
		{"tril k=-1", func() (*Array, error) { return Tril(in.A, -1) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 0, 0, 0, 4, 0, 0, 0, 8, 9, 0, 0}}, ""},
		{"tril k=-5", func() (*Array, error) { return Tril(in.A, -5) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}}, ""},
		{"tril k=10", func() (*Array, error) { return Tril(in.A, 10) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, ""},
		{"tril 1-d", func() (*Array, error) { return Tril(mpV(in.X, ":3"), 0) }, mpWant{dtype.Int64, []int{3, 3}, []float64{0, 0, 0, 0, 1, 0, 0, 1, 2}}, ""},
		{"tril 3-d", func() (*Array, error) { return Tril(in.T, 1) }, mpWant{dtype.Int64, []int{2, 3, 4}, []float64{0, 1, 0, 0, 4, 5, 6, 0, 8, 9, 10, 11, 12, 13, 0, 0, 16, 17, 18, 0, 20, 21, 22, 23}}, ""},
		{"tril float view", func() (*Array, error) { return Tril(mpR(mpV(in.F, "::-1"), 2, 3), 0) }, mpWant{dtype.Float64, []int{2, 3}, []float64{-3, 0, 0, 2.25, mpNegZ, 0}}, ""},
		{"tril 0-d", func() (*Array, error) { return Tril(in.Z, 0) }, mpWant{}, "value"}, // TypeError: tri() missing 1 required positional argument: 'N'
		{"triu", func() (*Array, error) { return Triu(in.A, 0) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 0, 5, 6, 7, 0, 0, 10, 11}}, ""},
		{"triu k=2", func() (*Array, error) { return Triu(in.A, 2) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 0, 2, 3, 0, 0, 0, 7, 0, 0, 0, 0}}, ""},
		{"triu k=-1", func() (*Array, error) { return Triu(in.A, -1) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 0, 9, 10, 11}}, ""},
		{"triu transposed", func() (*Array, error) { return Triu(in.A.T(), 0) }, mpWant{dtype.Int64, []int{4, 3}, []float64{0, 4, 8, 0, 5, 9, 0, 0, 10, 0, 0, 0}}, ""},
		{"triu 3-d", func() (*Array, error) { return Triu(in.T, -1) }, mpWant{dtype.Int64, []int{2, 3, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 0, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 0, 21, 22, 23}}, ""},
		{"triu empty", func() (*Array, error) { return Triu(in.E, 0) }, mpWant{dtype.Int64, []int{0, 3}, []float64{}}, ""},
	})
}

func TestDiff(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"diff", func() (*Array, error) { return Diff(mpI64(1, 4, 9, 16, 25), 1, 0) }, mpWant{dtype.Int64, []int{4}, []float64{3, 5, 7, 9}}, ""},
		{"diff n=2", func() (*Array, error) { return Diff(mpI64(1, 4, 9, 16, 25), 2, -1) }, mpWant{dtype.Int64, []int{3}, []float64{2, 2, 2}}, ""},
		{"diff n past length", func() (*Array, error) { return Diff(mpI64(1, 4, 9), 5, 0) }, mpWant{dtype.Int64, []int{0}, []float64{}}, ""},
		{"diff n=0", func() (*Array, error) { return Diff(in.A, 0, 0) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, ""},
		{"diff axis 0", func() (*Array, error) { return Diff(mpAs(in.T, dtype.Int32), 1, 0) }, mpWant{dtype.Int32, []int{1, 3, 4}, []float64{12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12}}, ""},
		{"diff axis 1 of 3-d", func() (*Array, error) { return Diff(in.T, 1, 1) }, mpWant{dtype.Int64, []int{2, 2, 4}, []float64{4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}}, ""},
		{"diff of a view", func() (*Array, error) { return Diff(mpV(in.A, "::-1, ::-1"), 1, 1) }, mpWant{dtype.Int64, []int{3, 3}, []float64{-1, -1, -1, -1, -1, -1, -1, -1, -1}}, ""},
		{"diff int8 wraps", func() (*Array, error) { return Diff(mpAs(mpI64(-128, 127, -128, 0), dtype.Int8), 1, 0) }, mpWant{dtype.Int8, []int{3}, []float64{-1, 1, -128}}, ""},
		{"diff uint8 wraps", func() (*Array, error) { return Diff(mpAs(mpI64(0, 255, 3, 1), dtype.Uint8), 2, 0) }, mpWant{dtype.Uint8, []int{2}, []float64{5, 250}}, ""},
		{"diff bool", func() (*Array, error) { return Diff(mpAs(mpI64(0, 1, 1, 0, 0), dtype.Bool), 1, 0) }, mpWant{dtype.Bool, []int{4}, []float64{1, 0, 1, 0}}, ""},
		{"diff float", func() (*Array, error) { return Diff(in.F, 1, 0) }, mpWant{dtype.Float64, []int{5}, []float64{-1.5, 2.25, mpNaN, mpNaN, -3}}, ""},
		{"diff float32", func() (*Array, error) { return Diff(mpAs(mpF64(0.1, 0.7, 1e8, 3), dtype.Float32), 1, 0) }, mpWant{dtype.Float32, []int{3}, []float64{0.5999999642372131, 100000000, -100000000}}, ""},
		{"diff float16", func() (*Array, error) {
			return Diff(mpAs(mpF64(0.1, 0.7, 1000, 3, 65504, -65504), dtype.Float16), 1, 0)
		}, mpWant{dtype.Float16, []int{5}, []float64{0.60009765625, 999.5, -997, 65504, -mpInf}}, ""},
		{"diff uint16 n=3", func() (*Array, error) { return Diff(mpAs(mpI64(5, 1, 7, 2, 9), dtype.Uint16), 3, 0) }, mpWant{dtype.Uint16, []int{2}, []float64{65515, 23}}, ""},
		{"diff negative n", func() (*Array, error) { return Diff(in.A, -1, 0) }, mpWant{}, "value"},      // ValueError: order must be non-negative but got -1
		{"diff 0-d", func() (*Array, error) { return Diff(in.Z, 1, 0) }, mpWant{}, "value"},              // ValueError: diff requires input that is at least one dimensional
		{"diff axis out of range", func() (*Array, error) { return Diff(in.A, 1, 2) }, mpWant{}, "axis"}, // AxisError: axis 2 is out of bounds for array of dimension 2
	})
}

func TestTrace(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"trace", func() (*Array, error) { return Trace(in.A, 0, 0, 1) }, mpWant{dtype.Int64, []int{}, []float64{15}}, ""},
		{"trace offset 1", func() (*Array, error) { return Trace(in.A, 1, 0, 1) }, mpWant{dtype.Int64, []int{}, []float64{18}}, ""},
		{"trace offset -2", func() (*Array, error) { return Trace(in.A, -2, 0, 1) }, mpWant{dtype.Int64, []int{}, []float64{8}}, ""},
		{"trace offset past edge", func() (*Array, error) { return Trace(in.A, 7, 0, 1) }, mpWant{dtype.Int64, []int{}, []float64{0}}, ""},
		{"trace 3-d", func() (*Array, error) { return Trace(in.T, 0, 1, 2) }, mpWant{dtype.Int64, []int{2}, []float64{15, 51}}, ""},
		{"trace 3-d axes 0 2", func() (*Array, error) { return Trace(in.T, 1, 0, 2) }, mpWant{dtype.Int64, []int{3}, []float64{15, 23, 31}}, ""},
		{"trace int8 sums in int64", func() (*Array, error) { return Trace(mpAs(mpFull(100, 4, 4), dtype.Int8), 0, 0, 1) }, mpWant{dtype.Int64, []int{}, []float64{400}}, ""},
		{"trace uint8 sums in uint64", func() (*Array, error) { return Trace(mpAs(mpFull(200, 3, 3), dtype.Uint8), 0, 0, 1) }, mpWant{dtype.Uint64, []int{}, []float64{600}}, ""},
		{"trace int32", func() (*Array, error) { return Trace(mpAs(mpFull(-2000000000, 3, 3), dtype.Int32), 0, 0, 1) }, mpWant{dtype.Int64, []int{}, []float64{-6000000000}}, ""},
		{"trace bool", func() (*Array, error) { return Trace(mpAs(in.A, dtype.Bool), 0, 0, 1) }, mpWant{dtype.Int64, []int{}, []float64{2}}, ""},
		{"trace float32", func() (*Array, error) {
			return Trace(mpAs(mpDiag(mpF64(0.1, 0.2, 0.3, 1e8, -1e8, 0.7, 3.3, 1.1, 9.9, 0.01)), dtype.Float32), 0, 0, 1)
		}, mpWant{dtype.Float32, []int{}, []float64{17.90999984741211}}, ""},
		{"trace float16", func() (*Array, error) {
			return Trace(mpAs(mpDiag(mpF64(0.1, 0.2, 0.3, 1000, -999, 0.7, 3.3, 1.1, 9.9)), dtype.Float16), 0, 0, 1)
		}, mpWant{dtype.Float16, []int{}, []float64{16.59375}}, ""},
		{"trace negative zero", func() (*Array, error) { return Trace(mpDiag(mpF64(-0.0, -0.0)), 0, 0, 1) }, mpWant{dtype.Float64, []int{}, []float64{0}}, ""},
		{"trace 1-d", func() (*Array, error) { return Trace(in.X, 0, 0, 1) }, mpWant{}, "value"},      // ValueError: diag requires an array of at least two dimensions
		{"trace same axes", func() (*Array, error) { return Trace(in.A, 0, 0, 0) }, mpWant{}, "axis"}, // ValueError: axis1 and axis2 cannot be the same
	})
}

// Trace sums floats pairwise in NumPy's order, so long diagonals give
// NumPy's bits, not those of a sequential sum.
func TestTracePairwise(t *testing.T) {
	const traceWant64, traceWant32 = 9090900000004480.0, float32(9090901724889088.0)
	// x = [1e16] + [1.0] * 20 and a 300-element mix of magnitudes:
	// NumPy 1.24 np.trace(np.diag(x)) gives 1.0000000000000016e+16 (a
	// sequential sum gives 1e16).
	x := make([]float64, 21)
	x[0] = 1e16
	for i := 1; i < len(x); i++ {
		x[i] = 1
	}
	got, err := Trace(mpDiag(mpF64(x...)), 0, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v := At[float64](got); v != 1.0000000000000016e+16 {
		t.Errorf("trace = %v, want 1.0000000000000016e+16", v)
	}
	// x = [(-1)**i * 10**(i % 17) + 0.1 * i for i in range(300)]:
	// np.trace(np.diag(x)) == 9090900000004480.0 (sum(x) == 9090900000004482.0)
	// and np.trace(np.diag(x).astype(np.float32)) == 9090901724889088.0 in
	// NumPy 1.24.
	y := make([]float64, 300)
	for i := range y {
		s := 1.0
		if i%2 == 1 {
			s = -1
		}
		y[i] = s*math.Pow10(i%17) + 0.1*float64(i)
	}
	d := mpDiag(mpF64(y...))
	got, _ = Trace(d, 0, 0, 1)
	if v := At[float64](got); v != traceWant64 {
		t.Errorf("float64 trace = %v, want %v", v, traceWant64)
	}
	got, _ = Trace(mpAs(d, dtype.Float32), 0, 0, 1)
	if v := At[float32](got); v != traceWant32 {
		t.Errorf("float32 trace = %v, want %v", v, traceWant32)
	}
}

// Complex traces keep their type and sum both parts pairwise.
func TestTraceComplex(t *testing.T) {
	// np.trace(np.array([[1+2j, 5], [7, -0.5+0.25j]])) == (0.5+2.25j)
	a := mpMust(FromSlice([]complex128{1 + 2i, 5, 7, -0.5 + 0.25i}, 2, 2))
	got, err := Trace(a, 0, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got.DType() != dtype.Complex128 || At[complex128](got) != 0.5+2.25i {
		t.Errorf("trace = %v %v, want complex128 (0.5+2.25j)", got.DType(), got)
	}
	// complex64 stays complex64
	got, _ = Trace(mpAs(a, dtype.Complex64), 0, 0, 1)
	if got.DType() != dtype.Complex64 || At[complex64](got) != 0.5+2.25i {
		t.Errorf("complex64 trace = %v %v", got.DType(), got)
	}
}
