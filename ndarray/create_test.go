package ndarray

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

// Expected values in this file come from NumPy 1.24.

// floatsOf returns a's elements converted to float64 (complex values keep
// their real part), for comparing arrays of any numeric type.
func floatsOf(t *testing.T, a *Array) []float64 {
	t.Helper()
	f, err := a.AsType(dtype.Float64, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	return ToSlice[float64](f)
}

// sharesBuffer reports whether a and b use the same buffer.
func sharesBuffer(a, b *Array) bool {
	return len(a.data) > 0 && len(b.data) > 0 && &a.data[0] == &b.data[0]
}

// sameFloats compares exactly, with NaN equal to NaN.
func sameFloats(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool {
		return x == y || math.IsNaN(x) && math.IsNaN(y)
	})
}

func TestArange(t *testing.T) {
	tests := []struct {
		name              string
		dt                dtype.DType
		start, stop, step float64
		want              []float64
	}{
		{"float step 0.1 has length 10", dtype.Float64, 0, 1, 0.1,
			[]float64{0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9}},
		{"float step 0.3", dtype.Float64, 1, 2, 0.3, []float64{1.0, 1.3, 1.6, 1.9000000000000001}},
		{"float step from the first two values", dtype.Float64, 1, 2, 0.1,
			[]float64{1.0, 1.1, 1.2000000000000002, 1.3000000000000003, 1.4000000000000004, 1.5000000000000004, 1.6000000000000005, 1.7000000000000006, 1.8000000000000007, 1.9000000000000008}},
		{"negative float step", dtype.Float64, 0, -1, -0.25, []float64{0, -0.25, -0.5, -0.75}},
		{"negative integer step", dtype.Int64, 10, 0, -3, []float64{10, 7, 4, 1}},
		{"integer default", dtype.Int64, 0, 10, 3, []float64{0, 3, 6, 9}},
		{"negative length is empty", dtype.Float64, 5, 1, 1, []float64{}},
		{"wrong direction is empty", dtype.Int32, 0, 5, -1, []float64{}},
		{"int8", dtype.Int8, -3, 3, 2, []float64{-3, -1, 1}},
		{"int32 with a fractional start and step", dtype.Int32, 0.5, 5, 1.5, []float64{0, 2, 4}},
		{"int16 steps by the truncated difference", dtype.Int16, -1.5, 2, 1.25, []float64{-1, 0, 1}},
		{"uint8 wraps", dtype.Uint8, 250, 260, 3, []float64{250, 253, 0, 3}},
		{"uint16 from a negative start wraps", dtype.Uint16, -5, 5, 3, []float64{65531, 65534, 1, 4}},
		{"uint64 beyond int64", dtype.Uint64, 0, 1e19, 4e18, []float64{0, 4e18, 8e18}},
		{"float32", dtype.Float32, 0, 1, 0.1,
			[]float64{0.0, 0.10000000149011612, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645, 0.5, 0.6000000238418579, 0.699999988079071, 0.800000011920929, 0.9000000357627869}},
		{"float32 negative step", dtype.Float32, 3, 0, -0.7,
			[]float64{3.0, 2.299999952316284, 1.5999999046325684, 0.8999998569488525, 0.19999980926513672}},
		{"float16", dtype.Float16, 0, 1, 0.1,
			[]float64{0.0, 0.0999755859375, 0.199951171875, 0.2998046875, 0.39990234375, 0.5, 0.599609375, 0.69970703125, 0.7998046875, 0.89990234375}},
		{"float16 exact", dtype.Float16, 0, 5, 1.5, []float64{0, 1.5, 3, 4.5}},
		{"complex64", dtype.Complex64, 0.5, 3, 0.7, []float64{0.5, 1.2000000476837158, 1.9000000953674316, 2.6000001430511475}},
		{"complex128", dtype.Complex128, 0, 3, 1, []float64{0, 1, 2}},
		{"bool of length 2", dtype.Bool, 0, 2, 1, []float64{0, 1}},
		{"bool of length 2 from 1", dtype.Bool, 1, 3, 1, []float64{1, 1}},
		{"bool of length 1", dtype.Bool, 0, 1, 1, []float64{0}},
		{"underflowing length is 1", dtype.Float64, 0, 1e-320, 1e308, []float64{0}},
		{"infinite step", dtype.Float64, 0, 10, math.Inf(1), []float64{0}},
		{"infinite step the wrong way", dtype.Float64, 0, -10, math.Inf(1), []float64{}},
		{"big-endian float64", dtype.Float64.WithByteOrder(dtype.BigEndian), 0, 3, 1, []float64{0, 1, 2}},
		{"big-endian int32", dtype.Int32.WithByteOrder(dtype.BigEndian), 7, 0, -2, []float64{7, 5, 3, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Arange(tt.dt, tt.start, tt.stop, tt.step)
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != tt.dt {
				t.Errorf("dtype %v, want %v", a.DType(), tt.dt)
			}
			if !slices.Equal(a.Shape(), []int{len(tt.want)}) {
				t.Errorf("shape %v, want (%d,)", a.Shape(), len(tt.want))
			}
			if got := floatsOf(t, a); !sameFloats(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestArangeBigIntegers(t *testing.T) {
	tests := []struct {
		name              string
		start, stop, step float64
		want              []int64
	}{
		// np.arange(2**53, 2**53+6, 1): 2**53+1 is no float64.
		{"above 2^53", 1 << 53, 1<<53 + 6, 1,
			[]int64{9007199254740992, 9007199254740993, 9007199254740994, 9007199254740995, 9007199254740996, 9007199254740997}},
		// np.arange(-2**62, -2**62-4096, -1024)
		{"large negative", -(1 << 62), -(1 << 62) - 4096, -1024,
			[]int64{-4611686018427387904, -4611686018427388928, -4611686018427389952, -4611686018427390976}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Arange(dtype.Int64, tt.start, tt.stop, tt.step)
			if err != nil {
				t.Fatal(err)
			}
			if got := ToSlice[int64](a); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestArangeN(t *testing.T) {
	tests := []struct {
		name string
		dt   dtype.DType
		n    int
		want []float64
	}{
		{"int32", dtype.Int32, 5, []float64{0, 1, 2, 3, 4}},
		{"float64", dtype.Float64, 3, []float64{0, 1, 2}},
		{"float16", dtype.Float16, 4, []float64{0, 1, 2, 3}},
		{"zero", dtype.Float64, 0, []float64{}},
		{"negative is empty", dtype.Int64, -3, []float64{}},
		{"uint8 wraps", dtype.Uint8, 258, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ArangeN(tt.dt, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			got := floatsOf(t, a)
			if tt.want == nil {
				// np.arange(258, dtype=np.uint8) ends 254, 255, 0, 1.
				if len(got) != 258 || !slices.Equal(got[254:], []float64{254, 255, 0, 1}) {
					t.Errorf("got length %d ending %v", len(got), got[max(0, len(got)-4):])
				}
				return
			}
			if !slices.Equal(got, tt.want) || a.DType() != tt.dt {
				t.Errorf("got %v of %v, want %v of %v", got, a.DType(), tt.want, tt.dt)
			}
		})
	}
}

func TestArangeErrors(t *testing.T) {
	tests := []struct {
		name              string
		dt                dtype.DType
		start, stop, step float64
		msg               string
	}{
		{"zero step", dtype.Float64, 0, 1, 0, "step must be non-zero"},
		{"NaN stop", dtype.Float64, 0, math.NaN(), 1, "cannot compute length"},
		{"infinite stop", dtype.Float64, 0, math.Inf(1), 1, "exceeds the maximum array size"},
		{"bool longer than 2", dtype.Bool, 0, 3, 1, "at most length 2"},
		{"invalid dtype", dtype.DType{}, 0, 3, 1, "built-in numeric dtype"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Arange(tt.dt, tt.start, tt.stop, tt.step)
			var ve *ValueError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *ValueError", err)
			}
			if !strings.HasPrefix(err.Error(), "ndarray: arange: ") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q, want one containing %q", err, tt.msg)
			}
		})
	}
}

func TestLinspace(t *testing.T) {
	tests := []struct {
		name        string
		dt          dtype.DType
		start, stop float64
		num         int
		endpoint    bool
		want        []float64
	}{
		{"endpoint", dtype.Float64, 0, 1, 5, true, []float64{0, 0.25, 0.5, 0.75, 1}},
		{"no endpoint", dtype.Float64, 0, 1, 5, false, []float64{0.0, 0.2, 0.4, 0.6000000000000001, 0.8}},
		{"sevenths", dtype.Float64, 0, 1, 7, true,
			[]float64{0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666666, 0.8333333333333333, 1.0}},
		{"ninths", dtype.Float64, 0, 1, 10, true,
			[]float64{0.0, 0.1111111111111111, 0.2222222222222222, 0.3333333333333333, 0.4444444444444444, 0.5555555555555556, 0.6666666666666666, 0.7777777777777777, 0.8888888888888888, 1.0}},
		{"tenths from 0.1", dtype.Float64, 0.1, 0.7, 7, true, []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}},
		{"negative range without endpoint", dtype.Float64, -1, 1, 10, false,
			[]float64{-1.0, -0.8, -0.6, -0.3999999999999999, -0.19999999999999996, 0.0, 0.20000000000000018, 0.40000000000000013, 0.6000000000000001, 0.8}},
		{"num 0", dtype.Float64, 2, 3, 0, true, []float64{}},
		{"num 1 with endpoint", dtype.Float64, 2, 3, 1, true, []float64{2}},
		{"num 1 without endpoint", dtype.Float64, 2, 3, 1, false, []float64{2}},
		{"num 1 with an infinite delta", dtype.Float64, 0, math.Inf(1), 1, true, []float64{math.NaN()}},
		{"denormal step", dtype.Float64, 5e-324, 1e-323, 3, true, []float64{5e-324, 5e-324, 1e-323}},
		{"int32 floors", dtype.Int32, 1, -1, 4, true, []float64{1, 0, -1, -1}},
		{"int8 floors", dtype.Int8, -2.5, 2.5, 6, true, []float64{-3, -2, -1, 0, 1, 2}},
		{"uint8 floors", dtype.Uint8, 10, 2, 5, false, []float64{10, 8, 6, 5, 3}},
		{"int64 num 1", dtype.Int64, 0, 1, 1, true, []float64{0}},
		{"float32", dtype.Float32, 0, 10, 4, true, []float64{0.0, 3.3333332538604736, 6.666666507720947, 10.0}},
		{"float16", dtype.Float16, 0, 1, 4, true, []float64{0.0, 0.333251953125, 0.66650390625, 1.0}},
		{"bool does not floor", dtype.Bool, 0, 1, 3, true, []float64{0, 1, 1}},
		{"complex128", dtype.Complex128, 1, 2, 3, true, []float64{1, 1.5, 2}},
		{"big-endian", dtype.Float64.WithByteOrder(dtype.BigEndian), 0, 1, 3, true, []float64{0, 0.5, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Linspace(tt.dt, tt.start, tt.stop, tt.num, tt.endpoint)
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != tt.dt {
				t.Errorf("dtype %v, want %v", a.DType(), tt.dt)
			}
			if got := floatsOf(t, a); !sameFloats(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLinspaceNegativeNum(t *testing.T) {
	_, err := Linspace(dtype.Float64, 0, 1, -1, true)
	var ve *ValueError
	if !errors.As(err, &ve) || err.Error() != "ndarray: linspace: number of samples, -1, must be non-negative" {
		t.Errorf("got %v, want a *ValueError about the negative count", err)
	}
}

func TestEye(t *testing.T) {
	tests := []struct {
		name    string
		dt      dtype.DType
		n, m, k int
		want    [][]float64
	}{
		{"square", dtype.Float64, 3, 3, 0, [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
		{"wide k=1", dtype.Float64, 3, 4, 1, [][]float64{{0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}},
		{"tall k=-1", dtype.Float64, 4, 3, -1, [][]float64{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
		{"square k=-1", dtype.Int32, 3, 3, -1, [][]float64{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}},
		{"square k=1", dtype.Uint8, 3, 3, 1, [][]float64{{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}},
		{"k beyond the columns", dtype.Float64, 3, 3, 5, [][]float64{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
		{"k beyond the rows", dtype.Float64, 3, 2, -5, [][]float64{{0, 0}, {0, 0}, {0, 0}}},
		{"complex64", dtype.Complex64, 2, 3, -1, [][]float64{{0, 0, 0}, {1, 0, 0}}},
		{"bool", dtype.Bool, 2, 2, 0, [][]float64{{1, 0}, {0, 1}}},
		{"float16", dtype.Float16, 2, 2, 0, [][]float64{{1, 0}, {0, 1}}},
		{"big-endian", dtype.Float32.WithByteOrder(dtype.BigEndian), 2, 2, 0, [][]float64{{1, 0}, {0, 1}}},
		{"0x0", dtype.Float64, 0, 0, 0, [][]float64{}},
		{"3x0", dtype.Float64, 3, 0, 0, [][]float64{{}, {}, {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Eye(tt.dt, tt.n, tt.m, tt.k)
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != tt.dt || !slices.Equal(a.Shape(), []int{tt.n, tt.m}) {
				t.Fatalf("got %v %v, want %v (%d, %d)", a.DType(), a.Shape(), tt.dt, tt.n, tt.m)
			}
			if got, want := floatsOf(t, a), slices.Concat(tt.want...); !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
	if _, err := Eye(dtype.Float64, -1, 3, 0); err == nil {
		t.Error("Eye with a negative row count succeeded")
	}
}

func TestIdentity(t *testing.T) {
	a, err := Identity(dtype.Int64, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ToSlice[int64](a), []int64{1, 0, 0, 0, 1, 0, 0, 0, 1}; !slices.Equal(got, want) || !slices.Equal(a.Shape(), []int{3, 3}) {
		t.Errorf("got %v of shape %v, want %v of shape (3, 3)", got, a.Shape(), want)
	}
}

func TestOnes(t *testing.T) {
	for _, dt := range dtype.Builtins() {
		t.Run(dt.Name(), func(t *testing.T) {
			a, err := Ones(dt, 2, 3)
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != dt || !slices.Equal(a.Shape(), []int{2, 3}) || !a.IsCContiguous() {
				t.Fatalf("got %v %v, want %v (2, 3) in C order", a.DType(), a.Shape(), dt)
			}
			if got := floatsOf(t, a); !slices.Equal(got, []float64{1, 1, 1, 1, 1, 1}) {
				t.Errorf("got %v, want ones", got)
			}
		})
	}
	if _, err := Ones(dtype.Float64, 2, -1); err == nil {
		t.Error("Ones with a negative dimension succeeded")
	}
}

func TestFull(t *testing.T) {
	tests := []struct {
		name  string
		dt    dtype.DType
		value any
		want  float64
	}{
		// np.full(3, 300, dtype=np.int8) gives 44 in NumPy 1.24 (with a
		// DeprecationWarning; NumPy 2 raises OverflowError). We follow
		// cast semantics: integers wrap.
		{"int to int8 wraps", dtype.Int8, 300, 44},
		{"negative int to uint8 wraps", dtype.Uint8, -1, 255},
		{"int to uint16 wraps", dtype.Uint16, 65537, 1},
		{"bool to float64", dtype.Float64, true, 1},
		{"float to int32 truncates", dtype.Int32, 3.9, 3},
		{"negative float to int32 truncates", dtype.Int32, -3.9, -3},
		{"large float to float16 is inf", dtype.Float16, 1e10, math.Inf(1)},
		{"complex to float32 keeps the real part", dtype.Float32, complex(2.5, 1), 2.5},
		{"float16 to int32", dtype.Int32, float16.Fromfloat32(1.5), 1},
		{"zero to bool", dtype.Bool, 0.0, 0},
		{"two to bool", dtype.Bool, 2, 1},
		{"imaginary to bool", dtype.Bool, complex64(1i), 1},
		{"uint64 to float64", dtype.Float64, uint64(1 << 63), 1 << 63},
		{"int8 to int64", dtype.Int64, int8(-7), -7},
		{"uint to float32", dtype.Float32, uint(16777217), 16777216},
		{"float32 to float64", dtype.Float64, float32(0.1), 0.10000000149011612},
		{"int16 int32 uint32 chain", dtype.Int16, uint32(70000), 4464},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Full(tt.dt, tt.value, 3)
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != tt.dt || !slices.Equal(a.Shape(), []int{3}) {
				t.Fatalf("got %v %v, want %v (3,)", a.DType(), a.Shape(), tt.dt)
			}
			if got := floatsOf(t, a); !slices.Equal(got, []float64{tt.want, tt.want, tt.want}) {
				t.Errorf("got %v, want three %v", got, tt.want)
			}
		})
	}
}

func TestFullExactBits(t *testing.T) {
	// np.full(2, 0.1, dtype=np.float16).view(np.uint16) is [11878, 11878].
	h, err := Full(dtype.Float16, 0.1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := ToSlice[float16.Float16](h); got[0].Bits() != 11878 || got[1].Bits() != 11878 {
		t.Errorf("float16 0.1: bits %v, want 11878", got)
	}
	// np.full(2, -7, dtype='>i8').tobytes() is ff…f9 twice.
	b, err := Full(dtype.Int64.WithByteOrder(dtype.BigEndian), -7, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf9, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf9}
	if !slices.Equal(b.Bytes(), want) {
		t.Errorf("big-endian -7: bytes %x, want %x", b.Bytes(), want)
	}
	c, err := Full(dtype.Complex128, complex(2.5, 3), 2, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := ToSlice[complex128](c); !slices.Equal(got, []complex128{2.5 + 3i, 2.5 + 3i, 2.5 + 3i, 2.5 + 3i}) {
		t.Errorf("complex: got %v", got)
	}
	z, err := Full(dtype.Float64, 4.5)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := z.Item(); z.NDim() != 0 || v != 4.5 {
		t.Errorf("0-d: got %v of dimension %d", v, z.NDim())
	}
}

func TestFullUnsupportedValue(t *testing.T) {
	type celsius float64
	for _, v := range []any{"3", nil, celsius(3), []float64{1}, uintptr(1)} {
		_, err := Full(dtype.Float64, v, 2)
		var ve *ValueError
		if !errors.As(err, &ve) || !strings.Contains(err.Error(), "unsupported value") {
			t.Errorf("Full(%#v): got %v, want a *ValueError", v, err)
		}
	}
}

// TestFillContiguous fills arrays of every type and of lengths around the
// doubling copy's boundaries, inside a buffer with guard elements on both
// sides.
func TestFillContiguous(t *testing.T) {
	for _, dt := range dtype.Builtins() {
		for _, n := range []int{1, 2, 3, 7, 8, 9, 1000, 1023} {
			base, err := Zeros(dt, n+2)
			if err != nil {
				t.Fatal(err)
			}
			v, err := FromBuffer(dt, base.Buffer(), dt.Size(), []int{n}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := v.Fill(1); err != nil {
				t.Fatal(err)
			}
			got := floatsOf(t, base)
			want := make([]float64, n+2)
			for i := 1; i <= n; i++ {
				want[i] = 1
			}
			if !slices.Equal(got, want) {
				t.Errorf("%v, n=%d: got %v", dt, n, got)
			}
		}
	}
}

func TestFillViews(t *testing.T) {
	t.Run("transposed", func(t *testing.T) {
		a, _ := Zeros(dtype.Float64, 2, 3)
		if err := a.T().Fill(2.5); err != nil {
			t.Fatal(err)
		}
		if got := ToSlice[float64](a); !slices.Equal(got, []float64{2.5, 2.5, 2.5, 2.5, 2.5, 2.5}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("permuted 3-d is not contiguous", func(t *testing.T) {
		a, _ := Zeros(dtype.Int32, 2, 3, 4)
		v, err := a.Permute(1, 0, 2)
		if err != nil {
			t.Fatal(err)
		}
		if v.IsCContiguous() || v.IsFContiguous() {
			t.Fatal("the permuted view is contiguous; the test needs a strided one")
		}
		if err := v.Fill(int32(-9)); err != nil {
			t.Fatal(err)
		}
		for i, x := range ToSlice[int32](a) {
			if x != -9 {
				t.Fatalf("element %d is %d, want -9", i, x)
			}
		}
	})
	t.Run("every other column leaves the rest", func(t *testing.T) {
		base, _ := Zeros(dtype.Float64, 4, 4)
		// base[::2, 1::2]
		v, err := FromBuffer(dtype.Float64, base.Buffer(), 8, []int{2, 2}, []int{64, 16})
		if err != nil {
			t.Fatal(err)
		}
		if err := v.Fill(7); err != nil {
			t.Fatal(err)
		}
		want := []float64{0, 7, 0, 7, 0, 0, 0, 0, 0, 7, 0, 7, 0, 0, 0, 0}
		if got := ToSlice[float64](base); !slices.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("negative strides", func(t *testing.T) {
		base, _ := Zeros(dtype.Int16, 5)
		// base[3::-2] covers elements 3 and 1
		v, err := FromBuffer(dtype.Int16, base.Buffer(), 6, []int{2}, []int{-4})
		if err != nil {
			t.Fatal(err)
		}
		if err := v.Fill(5); err != nil {
			t.Fatal(err)
		}
		if got := ToSlice[int16](base); !slices.Equal(got, []int16{0, 5, 0, 5, 0}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("strided big-endian complex", func(t *testing.T) {
		dt := dtype.Complex128.WithByteOrder(dtype.BigEndian)
		a, _ := Zeros(dt, 3, 2)
		v, _ := a.Permute(1, 0)
		w, _ := FromBuffer(dt, a.Buffer(), 0, []int{3}, []int{32})
		if err := w.Fill(complex(1, -2)); err != nil {
			t.Fatal(err)
		}
		if got := ToSlice[complex128](v); !slices.Equal(got, []complex128{1 - 2i, 1 - 2i, 1 - 2i, 0, 0, 0}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("0-d", func(t *testing.T) {
		a := Scalar(int64(3))
		if err := a.Fill(uint8(200)); err != nil {
			t.Fatal(err)
		}
		if v, _ := a.Item(); v != int64(200) {
			t.Errorf("got %v, want 200", v)
		}
	})
	t.Run("empty", func(t *testing.T) {
		a, _ := Zeros(dtype.Float64, 3, 0)
		if err := a.Fill(1.0); err != nil {
			t.Errorf("filling an empty array: %v", err)
		}
	})
}

func TestFillErrors(t *testing.T) {
	a, _ := Zeros(dtype.Float64, 3)
	b, err := a.BroadcastTo(2, 3)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		a     *Array
		value any
		msg   string
	}{
		{"broadcast view is read-only", b, 1.0, "ndarray: fill: assignment destination is read-only"},
		{"read-only view", a.ReadOnly(), 1.0, "ndarray: fill: assignment destination is read-only"},
		{"string value", a, "1", "ndarray: fill: unsupported value of type string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Fill(tt.value)
			var ve *ValueError
			if !errors.As(err, &ve) || !strings.HasPrefix(err.Error(), tt.msg) {
				t.Errorf("got %v, want a *ValueError %q", err, tt.msg)
			}
		})
	}
	if got := ToSlice[float64](a); !slices.Equal(got, []float64{0, 0, 0}) {
		t.Errorf("a failed fill changed the array: %v", got)
	}
}

func TestLike(t *testing.T) {
	c, _ := Zeros(dtype.Float32, 2, 3)
	f, _ := ZerosOrder(dtype.Float32, F, 2, 3)
	p3, _ := Zeros(dtype.Int16, 2, 3, 4)
	perm, _ := p3.Permute(1, 0, 2)
	vec, _ := ZerosOrder(dtype.Float64, F, 5)
	swapped, _ := Zeros(dtype.Float64.WithByteOrder(dtype.BigEndian), 2, 2)
	tests := []struct {
		name  string
		a     *Array
		dt    dtype.DType
		order Order
	}{
		{"C stays C", c, dtype.Float32, C},
		{"F stays F", f, dtype.Float32, F},
		{"transpose of C is F", c.T(), dtype.Float32, F},
		{"strided becomes C", perm, dtype.Int16, C},
		{"1-d is C", vec, dtype.Float64, C},
		{"byte order becomes native", swapped, dtype.Float64, C},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, mk := range []struct {
				name string
				f    func(*Array) (*Array, error)
				want float64
			}{
				{"EmptyLike", func(a *Array) (*Array, error) { return EmptyLike(a), nil }, 0},
				{"ZerosLike", func(a *Array) (*Array, error) { return ZerosLike(a), nil }, 0},
				{"OnesLike", func(a *Array) (*Array, error) { return OnesLike(a), nil }, 1},
				{"FullLike", func(a *Array) (*Array, error) { return FullLike(a, -2) }, -2},
			} {
				out, err := mk.f(tt.a)
				if err != nil {
					t.Fatalf("%s: %v", mk.name, err)
				}
				if out.DType() != tt.dt || !slices.Equal(out.Shape(), tt.a.Shape()) {
					t.Errorf("%s: got %v %v, want %v %v", mk.name, out.DType(), out.Shape(), tt.dt, tt.a.Shape())
				}
				isF := out.IsFContiguous() && !out.IsCContiguous()
				if isF != (tt.order == F) || !(out.IsCContiguous() || out.IsFContiguous()) {
					t.Errorf("%s: flags %b, want order %v", mk.name, out.Flags(), tt.order)
				}
				if !out.OwnsData() || !out.IsWriteable() || sharesBuffer(out, tt.a) {
					t.Errorf("%s: result is not a new writeable array", mk.name)
				}
				for i, v := range floatsOf(t, out) {
					if v != mk.want {
						t.Errorf("%s: element %d is %v, want %v", mk.name, i, v, mk.want)
						break
					}
				}
			}
		})
	}
	if _, err := FullLike(c, struct{}{}); err == nil {
		t.Error("FullLike with a struct value succeeded")
	}
}

func TestFromNested(t *testing.T) {
	type score float32
	tests := []struct {
		name  string
		value any
		dt    dtype.DType
		shape []int
		want  []float64
	}{
		{"depth 0", 3.5, dtype.Float64, []int{}, []float64{3.5}},
		{"depth 0 bool", true, dtype.Bool, []int{}, []float64{1}},
		{"depth 1", []float64{1, 2, 3}, dtype.Float64, []int{3}, []float64{1, 2, 3}},
		{"depth 2", [][]float64{{1, 2}, {3, 4}, {5, 6}}, dtype.Float64, []int{3, 2}, []float64{1, 2, 3, 4, 5, 6}},
		{"depth 3", [][][]int32{{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}}, dtype.Int32, []int{2, 2, 3},
			[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
		{"depth 4", [][][][]uint8{{{{1}, {2}}}, {{{3}, {4}}}}, dtype.Uint8, []int{2, 1, 2, 1}, []float64{1, 2, 3, 4}},
		{"bool", []bool{true, false, true}, dtype.Bool, []int{3}, []float64{1, 0, 1}},
		{"int is int64", []int{-1, 2}, dtype.Int64, []int{2}, []float64{-1, 2}},
		{"uint", []uint{7}, dtype.Uint64, []int{1}, []float64{7}},
		{"float16", []float16.Float16{float16.Fromfloat32(0.5), float16.Fromfloat32(-2)}, dtype.Float16, []int{2}, []float64{0.5, -2}},
		{"complex64", [][]complex64{{1 + 2i}, {3}}, dtype.Complex64, []int{2, 1}, []float64{1, 3}},
		{"defined type", []score{1.5, 2.5}, dtype.Float32, []int{2}, []float64{1.5, 2.5}},
		{"Go array", [2][3]int{{1, 2, 3}, {4, 5, 6}}, dtype.Int64, []int{2, 3}, []float64{1, 2, 3, 4, 5, 6}},
		{"slice of arrays", [][3]int16{{1, 2, 3}, {4, 5, 6}}, dtype.Int16, []int{2, 3}, []float64{1, 2, 3, 4, 5, 6}},
		{"array of slices", [2][]float32{{1, 2}, {3, 4}}, dtype.Float32, []int{2, 2}, []float64{1, 2, 3, 4}},
		{"array of slices of arrays", [2][][2]uint16{{{1, 2}}, {{3, 4}}}, dtype.Uint16, []int{2, 1, 2}, []float64{1, 2, 3, 4}},
		{"empty slice", []float64{}, dtype.Float64, []int{0}, []float64{}},
		{"nil slice", []float64(nil), dtype.Float64, []int{0}, []float64{}},
		// np.array([]) has shape (0,): discovery stops at an empty sequence.
		{"empty slice of slices", [][]float64{}, dtype.Float64, []int{0}, []float64{}},
		// np.array([[]]) and np.array([[], []])
		{"one empty row", [][]float64{{}}, dtype.Float64, []int{1, 0}, []float64{}},
		{"two empty rows", [][]float64{{}, nil}, dtype.Float64, []int{2, 0}, []float64{}},
		{"empty slice of arrays keeps the array length", [][3]int{}, dtype.Int64, []int{0, 3}, []float64{}},
		{"zero-length Go array", [2][0][3]int{}, dtype.Int64, []int{2, 0, 3}, []float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromNested(tt.value)
			if err != nil {
				t.Fatal(err)
			}
			if a.DType() != tt.dt || !slices.Equal(a.Shape(), tt.shape) {
				t.Fatalf("got %v %v, want %v %v", a.DType(), a.Shape(), tt.dt, tt.shape)
			}
			if !a.IsCContiguous() || !a.OwnsData() {
				t.Errorf("the result is not a new C-ordered array")
			}
			if got := floatsOf(t, a); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFromNestedCopies(t *testing.T) {
	src := [][]float64{{1, 2}, {3, 4}}
	a, err := FromNested(src)
	if err != nil {
		t.Fatal(err)
	}
	src[0][0] = 99
	if v := At[float64](a, 0, 0); v != 1 {
		t.Errorf("the array shares memory with the slice: a[0, 0] = %v", v)
	}
}

func TestFromNestedErrors(t *testing.T) {
	tests := []struct {
		name  string
		value any
		shape bool // a *ShapeError rather than a *ValueError
		msg   string
	}{
		// np.array([[1, 2], [3]])
		{"ragged rows", [][]int{{1, 2}, {3}}, true,
			"ndarray: from nested: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part."},
		// np.array([[1, 2], []])
		{"ragged empty row", [][]int{{1, 2}, {}}, true, "inhomogeneous shape after 1 dimensions. The detected shape was (2,) + "},
		// np.array([[], [1]])
		{"ragged after an empty row", [][]int{{}, {1}}, true, "inhomogeneous shape after 1 dimensions. The detected shape was (2,) + "},
		// np.array([[[1, 2], [3, 4]], [[1, 2], [3]]])
		{"ragged at depth 2", [][][]int{{{1, 2}, {3, 4}}, {{1, 2}, {3}}}, true,
			"inhomogeneous shape after 2 dimensions. The detected shape was (2, 2) + inhomogeneous part."},
		// np.array([[[1, 2], [3]], [[1]]]): the shallowest mismatch is reported
		{"deep then shallow", [][][]int{{{1, 2}, {3}}, {{1}}}, true,
			"inhomogeneous shape after 1 dimensions. The detected shape was (2,) + "},
		{"ragged under an array", [2][]float32{{1}, {2, 3}}, true, "after 1 dimensions"},
		{"string leaves", []string{"a"}, false, "ndarray: from nested: unsupported element type string"},
		{"interface leaves", []any{1.0}, false, "unsupported element type interface {}"},
		{"struct", struct{}{}, false, "unsupported element type struct {}"},
		{"map", map[int]int{}, false, "unsupported element type"},
		{"nil", nil, false, "ndarray: from nested: cannot make an array from nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromNested(tt.value)
			var se *ShapeError
			var ve *ValueError
			if tt.shape && !errors.As(err, &se) || !tt.shape && !errors.As(err, &ve) {
				t.Fatalf("got %T %v", err, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q, want one containing %q", err, tt.msg)
			}
		})
	}
}

func TestFromNestedAs(t *testing.T) {
	a, err := FromNestedAs(dtype.Float32, [][]int{{1, 2}, {3, 4}})
	if err != nil {
		t.Fatal(err)
	}
	if a.DType() != dtype.Float32 || !slices.Equal(ToSlice[float32](a), []float32{1, 2, 3, 4}) {
		t.Errorf("got %v %v", a.DType(), floatsOf(t, a))
	}
	// np.array([300, -1], dtype=np.int8) wraps (with a warning in 1.24).
	b, err := FromNestedAs(dtype.Int8, []int{300, -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := ToSlice[int8](b); !slices.Equal(got, []int8{44, -1}) {
		t.Errorf("got %v, want [44 -1]", got)
	}
	c, err := FromNestedAs(dtype.Float64.WithByteOrder(dtype.BigEndian), []float64{1.5})
	if err != nil {
		t.Fatal(err)
	}
	if c.DType() != dtype.Float64.WithByteOrder(dtype.BigEndian) || ToSlice[float64](c)[0] != 1.5 {
		t.Errorf("big-endian: got %v %v", c.DType(), ToSlice[float64](c))
	}
	if _, err := FromNestedAs(dtype.Float64, [][]int{{1}, {}}); err == nil {
		t.Error("a ragged input converted without error")
	}
}

// TestViewHeaderAllocs checks that views of arrays of up to 4 dimensions
// allocate nothing but their header.
func TestViewHeaderAllocs(t *testing.T) {
	a, err := Zeros(dtype.Float64, 2, 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Zeros(dtype.Float64, 100, 100)
	if err != nil {
		t.Fatal(err)
	}
	mt := m.T()
	tests := []struct {
		name string
		f    func() (*Array, error)
	}{
		{"Reshape 3-d to 2-d", func() (*Array, error) { return a.Reshape(6, 4) }},
		{"Reshape 2-d to 4-d with -1", func() (*Array, error) { return m.Reshape(10, -1, 5, 20) }},
		{"Reshape of a transpose (view case)", func() (*Array, error) { return mt.Reshape(100, 5, 20) }},
		{"Transpose", func() (*Array, error) { return a.Transpose(), nil }},
		{"SwapAxes", func() (*Array, error) { return a.SwapAxes(0, 2) }},
		{"BroadcastTo", func() (*Array, error) { return a.BroadcastTo(5, 2, 3, 4) }},
		{"ExpandDims", func() (*Array, error) { return a.ExpandDims(1) }},
		{"ExpandDims of 2-d by two", func() (*Array, error) { return m.ExpandDims(0, -1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v *Array
			var err error
			allocs := testing.AllocsPerRun(100, func() { v, err = tt.f() })
			if err != nil {
				t.Fatal(err)
			}
			if !sharesBuffer(v, a) && !sharesBuffer(v, m) {
				t.Fatal("the result is not a view")
			}
			if allocs != 1 {
				t.Errorf("%v allocations, want 1 (the header)", allocs)
			}
		})
	}
}

func TestFillAllocs(t *testing.T) {
	c, _ := Zeros(dtype.Float64, 100)
	s, _ := FromBuffer(dtype.Float64, c.Buffer(), 0, []int{50}, []int{16})
	tests := []struct {
		name string
		f    func()
		want float64
	}{
		{"same type, contiguous", func() { _ = c.Fill(1.5) }, 0},
		{"same type, strided", func() { _ = s.Fill(1.5) }, 1},
		{"converted, contiguous", func() { _ = c.Fill(int8(3)) }, 2},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, tt.f); got != tt.want {
			t.Errorf("%s: %v allocations, want %v", tt.name, got, tt.want)
		}
	}
}

// Small arrays come in one allocation, header and buffer together, and
// their buffers are still 64-byte aligned and exactly as long as asked.
func TestSmallArrayAllocation(t *testing.T) {
	for nb := 1; nb <= 200; nb++ {
		var a *Array
		allocs := testing.AllocsPerRun(20, func() { a, _ = Zeros(dtype.Uint8, nb) })
		want := 1.0
		if nb > smallBytes {
			want = 2
		}
		if allocs != want {
			t.Errorf("%d bytes: %v allocations, want %v", nb, allocs, want)
		}
		checkBuffer(t, fmt.Sprintf("Zeros(%d)", nb), a.Buffer(), nb)
	}
}

// newArray's shortcut for small numeric arrays gives the header the
// general construction gives: shape, strides, size, flags and a buffer of
// the right length, for every kind, up to inlineDims dimensions, both
// orders, and sizes on both sides of smallBytes.
func TestSmallNumericHeader(t *testing.T) {
	types := []dtype.DType{dtype.Bool, dtype.Int8, dtype.Uint16, dtype.Float16, dtype.Int32, dtype.Float64,
		dtype.Complex128, dtype.Float64.WithByteOrder(dtype.BigEndian)}
	shapes := [][]int{{}, {1}, {4}, {16}, {17}, {128}, {2, 3}, {1, 5}, {5, 1}, {4, 4}, {2, 2, 2}, {1, 1, 1, 1},
		{2, 1, 2, 1}, {3, 4, 5}, {0}, {2, 0}, {1, 2, 3, 4}, {2, 2, 2, 2, 2}}
	for _, dt := range types {
		for _, shape := range shapes {
			for _, order := range []Order{C, F} {
				a, err := newArray(dt, shape, order)
				if err != nil {
					t.Fatal(err)
				}
				strides := make([]int, len(shape))
				if order == F {
					fStrides(strides, shape, dt.Size())
				} else {
					cStrides(strides, shape, dt.Size())
				}
				n, _ := sizeOf(shape, dt.Size())
				ref := newHeader(dt, make([]byte, n*dt.Size()), 0, shape, strides, Writeable|OwnsData)
				what := fmt.Sprintf("%v %v order %v", dt, shape, order)
				if a.dtype != ref.dtype || !slices.Equal(a.Shape(), ref.Shape()) || !slices.Equal(a.Strides(), ref.Strides()) ||
					a.size != ref.size || a.flags != ref.flags || a.offset != 0 || len(a.data) != len(ref.data) {
					t.Errorf("%s: dtype %v shape %v strides %v size %d flags %v offset %d len %d; want %v %v %v %d %v 0 %d",
						what, a.dtype, a.Shape(), a.Strides(), a.size, a.flags, a.offset, len(a.data),
						ref.dtype, ref.Shape(), ref.Strides(), ref.size, ref.flags, len(ref.data))
				}
				if len(a.data) > 0 {
					checkBuffer(t, what, a.data, len(a.data))
				}
			}
		}
	}
}

// Copies and FromSlice of large contiguous arrays clone the bytes into
// memory the allocator does not zero first: the results hold the values,
// in the asked order, with their own aligned buffer, on both sides of
// maxSmallAlloc.
func TestLargeCopy(t *testing.T) {
	for _, n := range []int{maxSmallAlloc/8 - 1, maxSmallAlloc / 8, maxSmallAlloc/8 + 1, 1 << 17} {
		vals := make([]float64, 2*n)
		for i := range vals {
			vals[i] = float64(i) + 0.5
		}
		a, err := FromSlice(vals, 2, n)
		if err != nil {
			t.Fatal(err)
		}
		vals[0] = -1 // FromSlice copied
		if v := a.data; len(v) != 16*n || uintptr(unsafe.Pointer(unsafe.SliceData(v)))%Alignment != 0 || At[float64](a, 0, 0) != 0.5 {
			t.Fatalf("FromSlice(%d): len %d, first %v", 2*n, len(v), At[float64](a, 0, 0))
		}
		f := a.CopyOrder(F)
		for _, c := range []struct {
			name  string
			src   *Array
			order Order
		}{{"C of C", a, C}, {"F of C", a, F}, {"F of F", f, F}, {"C of F", f, C}, {"C of a view", a.T(), C}} {
			b := c.src.CopyOrder(c.order)
			if c.order == C && !b.IsCContiguous() || c.order == F && !b.IsFContiguous() {
				t.Fatalf("%s (%d): not in that order: strides %v", c.name, n, b.Strides())
			}
			if p := uintptr(unsafe.Pointer(unsafe.SliceData(b.data))); p%Alignment != 0 || len(b.data) != 16*n {
				t.Fatalf("%s (%d): buffer at %#x of %d bytes", c.name, n, p, len(b.data))
			}
			if !slices.Equal(b.Shape(), c.src.Shape()) {
				t.Fatalf("%s (%d): shape %v", c.name, n, b.Shape())
			}
			for _, ij := range [][2]int{{0, 0}, {0, 1}, {1, 0}, {1, n - 1}, {0, n / 2}} {
				i, j := ij[0], ij[1]
				if c.src.NDim() == 2 && c.src.Shape()[0] != 2 {
					i, j = j, i
				}
				if got, want := At[float64](b, i, j), At[float64](c.src, i, j); got != want {
					t.Fatalf("%s (%d): [%d %d] = %v, want %v", c.name, n, i, j, got, want)
				}
			}
			*(*float64)(b.base()) = -7 // the copy has its own buffer
			if At[float64](c.src, 0, 0) != 0.5 {
				t.Fatalf("%s (%d): writing the copy changed the source", c.name, n)
			}
		}
	}
}

// checkBuffer checks that buf, a new buffer asked for n bytes, is
// exactly n bytes long, 64-byte aligned and zeroed.
// bufferAlignment is the alignment Alignment's doc promises a buffer of
// n bytes.
func bufferAlignment(n int) uintptr {
	if n <= 32 {
		return 32
	}
	return Alignment
}

func checkBuffer(t *testing.T, what string, buf []byte, n int) {
	t.Helper()
	if len(buf) != n || cap(buf) != n {
		t.Fatalf("%s: buffer len %d cap %d", what, len(buf), cap(buf))
	}
	if p, al := uintptr(unsafe.Pointer(unsafe.SliceData(buf))), bufferAlignment(n); p%al != 0 {
		t.Fatalf("%s: buffer at %#x is not %d-byte aligned", what, p, al)
	}
	for i, v := range buf {
		if v != 0 {
			t.Fatalf("%s: byte %d is %d, want 0", what, i, v)
		}
	}
}

// TestAllocSizes checks buffers of every size the size-class choice
// treats differently: exactly n bytes long, 64-byte aligned, zeroed, and
// not sharing memory with the previous buffer.
func TestAllocSizes(t *testing.T) {
	var sizes []int
	for n := 1; n <= 300; n++ {
		sizes = append(sizes, n)
	}
	for _, c := range []int{4096, 8192, 12288, 16384, 20480, 24576, maxSmallAlloc} {
		for d := -130; d <= 130; d++ {
			sizes = append(sizes, c+d)
		}
	}
	sizes = append(sizes, 3456, 6912, 10880, 14336, 19072, 21760, 1<<20+1)
	allocEach(t, "alloc", alloc, sizes, func(what string, buf []byte, n int) { checkBuffer(t, what, buf, n) })
	for r := 64; r <= maxSmallAlloc; r += 64 {
		c := allocClass(r)
		if c < r || c%Alignment != 0 || c*100 > r*139 {
			t.Errorf("allocClass(%d) = %d: want a multiple of %d in [%d, %d]", r, c, Alignment, r, r*139/100)
		}
	}
}

// TestNewArrayFlags checks the layout flags new arrays get on the small
// path (one allocation, flags set without layout analysis) against the
// analysis, for every shape of up to five dimensions of lengths 0-3, in
// both orders and for element sizes 1 to 16.
func TestNewArrayFlags(t *testing.T) {
	types := []dtype.DType{dtype.Bool, dtype.Int16, dtype.Float32, dtype.Float64, dtype.Complex128}
	var shapes [][]int
	var grow func(s []int)
	grow = func(s []int) {
		shapes = append(shapes, append([]int(nil), s...))
		if len(s) == 5 {
			return
		}
		for d := range 4 {
			grow(append(s, d))
		}
	}
	grow(nil)
	for _, dt := range types {
		for _, shape := range shapes {
			for _, order := range []Order{C, F} {
				a, err := ZerosOrder(dt, order, shape...)
				if err != nil {
					t.Fatal(err)
				}
				want := layoutFlags(a.Shape(), a.Strides(), dt.Size()) | Writeable | OwnsData
				if a.Flags() != want {
					t.Errorf("%v %v order %v: flags %b, want %b", dt, shape, order, a.Flags(), want)
				}
				if a.Size() != a.inlineSize() {
					t.Errorf("%v %v: size %d", dt, shape, a.Size())
				}
			}
		}
	}
}

func (a *Array) inlineSize() int {
	n := 1
	for _, d := range a.Shape() {
		n *= d
	}
	return n
}

// TestHeaderSizes pins the allocation sizes the small-array layouts are
// built for: a one-dimensional header with its shape and strides in 128
// bytes, and small arrays of 192 bytes (one dimension, up to 64 bytes of
// data), 256 and 320 bytes, every one a multiple of 64 so the buffer's
// alignment comes from the allocator's.
func TestHeaderSizes(t *testing.T) {
	for _, c := range []struct {
		name    string
		size    uintptr
		want    uintptr
		bufAt   uintptr
		wantBuf uintptr
	}{
		{"header1", unsafe.Sizeof(header1{}), 96, 0, 0},
		{"header4", unsafe.Sizeof(header4{}), 144, 0, 0},
		{"small1x32", unsafe.Sizeof(small1x32{}), 128, unsafe.Offsetof(small1x32{}.buf), 96},
		{"small1x64", unsafe.Sizeof(small1x64{}), 192, unsafe.Offsetof(small1x64{}.buf), 128},
		{"small1x128", unsafe.Sizeof(small1x128{}), 256, unsafe.Offsetof(small1x128{}.buf), 128},
		{"small2x64", unsafe.Sizeof(small2x64{}), 192, unsafe.Offsetof(small2x64{}.buf), 128},
		{"small2x128", unsafe.Sizeof(small2x128{}), 256, unsafe.Offsetof(small2x128{}.buf), 128},
		{"small4x64", unsafe.Sizeof(small4x64{}), 256, unsafe.Offsetof(small4x64{}.buf), 192},
		{"small4x128", unsafe.Sizeof(small4x128{}), 320, unsafe.Offsetof(small4x128{}.buf), 192},
	} {
		if c.size != c.want || c.bufAt != c.wantBuf {
			t.Errorf("%s: %d bytes with the buffer at %d, want %d and %d", c.name, c.size, c.bufAt, c.want, c.wantBuf)
		}
	}
	for ndim := range 7 {
		for _, nb := range []int{1, 8, 32, 33, 64, 65, 128} {
			a, buf := newSmall(nb, ndim)
			if len(a.Shape()) != ndim || len(a.Strides()) != ndim || cap(a.Shape()) != ndim || cap(a.Strides()) != ndim {
				t.Errorf("newSmall(%d, %d): shape len %d cap %d, strides len %d cap %d", nb, ndim, len(a.Shape()), cap(a.Shape()), len(a.Strides()), cap(a.Strides()))
			}
			if ndim > 0 && &a.Shape()[ndim-1] == &a.Strides()[0] {
				t.Errorf("newSmall(%d, %d): shape and strides overlap", nb, ndim)
			}
			if len(buf) != nb || uintptr(unsafe.Pointer(&buf[0]))%bufferAlignment(nb) != 0 {
				t.Errorf("newSmall(%d, %d): buffer of %d bytes at %p", nb, ndim, len(buf), &buf[0])
			}
			if len(a.data) != nb || cap(a.data) != nb || &a.data[0] != &buf[0] {
				t.Errorf("newSmall(%d, %d): data of %d bytes (cap %d) at %p, buffer at %p", nb, ndim, len(a.data), cap(a.data), &a.data[0], &buf[0])
			}
		}
	}
}

// TestUnmarshalReusesHeader decodes into one Array twice: variable-length
// strings from JSON, then int32 from .npy bytes. The second decode must
// leave nothing of the first: its own shape storage (not the caller's
// slices), and no string storage.
func TestUnmarshalReusesHeader(t *testing.T) {
	s, _ := FromStrings([]string{"a", "bc", "def"})
	js, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var a Array
	if err := a.UnmarshalJSON(js); err != nil {
		t.Fatal(err)
	}
	if a.ext == nil || a.String() != s.String() {
		t.Fatalf("JSON round trip = %v (ext %v), want %v", &a, a.ext, s)
	}
	shape := a.Shape()
	n, _ := FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3)
	b, err := n.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if a.ext != nil {
		t.Error("string storage left behind by the binary decode")
	}
	if !slices.Equal(a.Shape(), []int{2, 3}) || !slices.Equal(ToSlice[int32](&a), []int32{1, 2, 3, 4, 5, 6}) {
		t.Errorf("binary decode = %v", &a)
	}
	if !slices.Equal(shape, []int{3}) {
		t.Errorf("the first decode's shape slice changed to %v", shape)
	}
}

// TestSmallArraysSurviveCollection makes small arrays (whose headers
// point into their own allocation without write barriers, see setSelf)
// on two goroutines while collections run, fills each with its own
// pattern, churns the heap so that anything freed early would be reused,
// and checks every array's shape, strides and elements afterwards.
func TestSmallArraysSurviveCollection(t *testing.T) {
	const perWorker = 4000
	shapes := [][]int{{}, {1}, {4}, {16}, {2, 3}, {4, 4}, {2, 2, 2}, {1, 2, 3, 2}, {2, 1, 2, 1, 2}}
	done := make(chan []*Array)
	for w := range 2 {
		go func() {
			var keep []*Array
			for i := range perWorker {
				shape := shapes[(i+w)%len(shapes)]
				a, err := Empty(dtype.Int64, shape...)
				if err != nil {
					panic(err)
				}
				p := unsafe.Pointer(unsafe.SliceData(a.Buffer()))
				for j := range a.Size() {
					*(*int64)(unsafe.Add(p, 8*j)) = int64(w<<40 | i<<8 | j)
				}
				keep = append(keep, a)
				if i%500 == 0 {
					runtime.GC()
				}
			}
			done <- keep
		}()
	}
	kept := append(<-done, <-done...)
	for range 3 {
		runtime.GC()
		junk := make([][]byte, 0, 20000)
		for i := range 20000 {
			junk = append(junk, bytes.Repeat([]byte{0xA5}, 16+i%300))
		}
		runtime.KeepAlive(junk)
	}
	seen := map[int64]bool{}
	for _, a := range kept {
		shape := a.Shape()
		var st [inlineDims]int
		want := stridesFor(&st, shape, C, 8)
		if !slices.Equal(a.Strides(), want) || a.Size() != len(ToSlice[int64](a)) {
			t.Fatalf("shape %v: strides %v, want %v", shape, a.Strides(), want)
		}
		for j, v := range ToSlice[int64](a) {
			if int(v&0xff) != j || seen[v] {
				t.Fatalf("shape %v: element %d is %#x", shape, j, v)
			}
			seen[v] = true
		}
	}
}

// allocEach allocates a buffer of each size with allocate, checks it,
// fills it, and fails if that overwrote the previous buffer.
func allocEach(t *testing.T, name string, allocate func(int) []byte, sizes []int, check func(what string, buf []byte, n int)) {
	t.Helper()
	var prev []byte
	for _, n := range sizes {
		what := fmt.Sprintf("%s(%d)", name, n)
		buf := allocate(n)
		check(what, buf, n)
		for i := range buf {
			buf[i] = 0xff
		}
		for i, v := range prev {
			if v != 0xff {
				t.Fatalf("%s overwrote byte %d of the previous buffer", what, i)
			}
		}
		prev = buf
	}
}

// TestAllocUninit checks allocUninit's buffers as TestAllocSizes checks
// alloc's (but for the zeroing), and that large ones really skip it:
// memory the test dirtied and dropped comes back still dirty.
func TestAllocUninit(t *testing.T) {
	var sizes []int
	for _, c := range []int{uninitMin, 8192, 12288, 16384, 20480, 24576, maxSmallAlloc} {
		for d := -130; d <= 130; d += 7 {
			sizes = append(sizes, c+d)
		}
	}
	sizes = append(sizes, 1, 100, 1<<20+1, hugeBytes+3)
	allocEach(t, "allocUninit", allocUninit, sizes, func(what string, buf []byte, n int) {
		if len(buf) != n || cap(buf) != n {
			t.Fatalf("%s: len %d cap %d", what, len(buf), cap(buf))
		}
		if p, al := uintptr(unsafe.Pointer(unsafe.SliceData(buf))), bufferAlignment(n); p%al != 0 {
			t.Fatalf("%s: buffer at %#x is not %d-byte aligned", what, p, al)
		}
	})
	for _, n := range []int{uninitMin, 40000, 1 << 20} {
		dirty := false
		for range 50 {
			buf := allocUninit(n)
			dirty = dirty || slices.ContainsFunc(buf, func(b byte) bool { return b != 0 })
			for i := range buf {
				buf[i] = 0x5a
			}
			buf = nil
			runtime.GC()
		}
		if !dirty {
			t.Errorf("allocUninit(%d): 50 buffers after dirtied ones were all zero; the runtime zeroes them", n)
		}
	}
}

// TestUninitialized checks the arrays Uninitialized makes: the flags
// and layout of ZerosOrder's, every element writable, zeros for types
// that need initialised storage, and ZerosOrder's errors.
func TestUninitialized(t *testing.T) {
	for _, dt := range []dtype.DType{dtype.Bool, dtype.Int8, dtype.Float16, dtype.Float64, dtype.Complex128, dtype.Datetime64(dtype.UnitSecond)} {
		for _, shape := range [][]int{nil, {3}, {5000}, {70, 80}, {3, 40, 50}} {
			for _, order := range []Order{C, F} {
				a, err := Uninitialized(dt, order, shape...)
				if err != nil {
					t.Fatalf("%v %v %v: %v", dt, shape, order, err)
				}
				z, _ := ZerosOrder(dt, order, shape...)
				if a.DType() != dt || !slices.Equal(a.Shape(), z.Shape()) || !slices.Equal(a.Strides(), z.Strides()) ||
					a.Flags() != z.Flags() || len(a.Bytes()) != len(z.Bytes()) {
					t.Errorf("%v %v %v: dtype %v shape %v strides %v flags %v, want those of ZerosOrder: %v %v %v",
						dt, shape, order, a.DType(), a.Shape(), a.Strides(), a.Flags(), z.Shape(), z.Strides(), z.Flags())
				}
				if order == C {
					if err := a.CopyFrom(z, dtype.Unsafe); err != nil || !bytes.Equal(a.Bytes(), z.Bytes()) {
						t.Errorf("%v %v: writing zeros over it: %v", dt, shape, err)
					}
				}
			}
		}
	}
	for _, dt := range []dtype.DType{dtype.String, dtype.Option(dtype.Float64), dtype.Unicode(3)} {
		a, err := Uninitialized(dt, C, 2000)
		if err != nil {
			t.Fatal(err)
		}
		z, _ := Zeros(dt, 2000)
		if !bytes.Equal(a.Buffer(), z.Buffer()) {
			t.Errorf("%v: not zeroed", dt)
		}
	}
	var se *ShapeError
	if _, err := Uninitialized(dtype.Float64, C, 3, -1); !errors.As(err, &se) {
		t.Errorf("negative dimension: %v, want a *ShapeError", err)
	}
	if _, err := Uninitialized(dtype.DType{}, C, 3); err == nil {
		t.Error("invalid dtype: no error")
	}
}
