package conformance

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

func f64(x float64) uint64 { return math.Float64bits(x) }
func f32(x float32) uint64 { return uint64(math.Float32bits(x)) }

var negZero = math.Copysign(0, -1)

func TestULPDistance(t *testing.T) {
	tests := []struct {
		name  string
		a, b  uint64
		width int
		want  uint64
	}{
		{"f64 equal", f64(1.5), f64(1.5), 64, 0},
		{"f64 +0 -0", f64(0), f64(negZero), 64, 0},
		{"f64 one step above 1", f64(1), f64(math.Nextafter(1, 2)), 64, 1},
		{"f64 one step below 1", f64(1), f64(math.Nextafter(1, 0)), 64, 1},
		{"f64 max to inf", f64(math.MaxFloat64), f64(math.Inf(1)), 64, 1},
		{"f64 smallest subnormals across zero", f64(-5e-324), f64(5e-324), 64, 2},
		{"f64 -0 to smallest subnormal", f64(negZero), f64(5e-324), 64, 1},
		{"f64 -inf to +inf does not overflow", f64(math.Inf(-1)), f64(math.Inf(1)), 64, 2 * 0x7ff0000000000000},
		{"f32 one step", f32(1), f32(math.Nextafter32(1, 2)), 32, 1},
		{"f32 across zero", f32(-1e-45), f32(1e-45), 32, 2},
		{"f32 +0 -0", f32(0), f32(float32(negZero)), 32, 0},
		{"f16 one step", 0x3c00, 0x3c01, 16, 1},
		{"f16 across zero", 0x8001, 0x0001, 16, 2},
		{"f16 max to inf", 0x7bff, 0x7c00, 16, 1},
		{"f16 +0 -0", 0x0000, 0x8000, 16, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ulpDistance(tc.a, tc.b, tc.width); got != tc.want {
				t.Errorf("ulpDistance = %d, want %d", got, tc.want)
			}
			if got := ulpDistance(tc.b, tc.a, tc.width); got != tc.want {
				t.Errorf("ulpDistance reversed = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestIsNaNBits(t *testing.T) {
	tests := []struct {
		name  string
		bits  uint64
		width int
		want  bool
	}{
		{"f64 quiet nan", f64(math.NaN()), 64, true},
		{"f64 negative nan with payload", 0xfff0000000000001, 64, true},
		{"f64 inf", f64(math.Inf(1)), 64, false},
		{"f64 max", f64(math.MaxFloat64), 64, false},
		{"f32 nan", 0x7fc00000, 32, true},
		{"f32 signalling nan", 0x7f800001, 32, true},
		{"f32 -inf", 0xff800000, 32, false},
		{"f16 nan", 0x7e00, 16, true},
		{"f16 nan smallest payload", 0x7c01, 16, true},
		{"f16 inf", 0x7c00, 16, false},
		{"f16 -inf", 0xfc00, 16, false},
	}
	for _, tc := range tests {
		if got := isNaNBits(tc.bits, tc.width); got != tc.want {
			t.Errorf("%s: isNaNBits(%#x, %d) = %v, want %v", tc.name, tc.bits, tc.width, got, tc.want)
		}
	}
}

func TestSpacing(t *testing.T) {
	tests := []struct {
		x     float64
		width int
		want  float64
	}{
		{1, 64, 0x1p-52},
		{1, 32, 0x1p-23},
		{1, 16, 0x1p-10},
		{0, 64, 5e-324},
		{0, 32, 0x1p-149},
		{0, 16, 0x1p-24},
		{8, 64, 0x1p-49},
		{1.5, 64, 0x1p-52},
		{1e10, 64, 0x1p-19},
		{32768, 16, 32},
		{65504, 16, math.Inf(1)}, // the next float16 is inf, as np.spacing says
	}
	for _, tc := range tests {
		got := spacing(tc.x, tc.width)
		if got != tc.want {
			t.Errorf("spacing(%g, %d) = %g, want %g", tc.x, tc.width, got, tc.want)
		}
	}
}

func TestFloatClose(t *testing.T) {
	exact := tolerance{}
	one := tolerance{ulps: 1}
	four := tolerance{ulps: 4}
	up1 := math.Nextafter(1, 2)
	up2 := math.Nextafter(up1, 2)
	tests := []struct {
		name     string
		exp, got uint64
		width    int
		tol      tolerance
		want     bool
	}{
		{"exact equal", f64(2.5), f64(2.5), 64, exact, true},
		{"exact any nan matches any nan", f64(math.NaN()), 0xfff0000000000001, 64, exact, true},
		{"exact nan vs number", f64(math.NaN()), f64(1), 64, exact, false},
		{"exact number vs nan", f64(1), f64(math.NaN()), 64, exact, false},
		{"exact 0 vs -0 differ", f64(0), f64(negZero), 64, exact, false},
		{"exact one ulp differs", f64(1), f64(up1), 64, exact, false},
		{"exact inf equal", f64(math.Inf(1)), f64(math.Inf(1)), 64, exact, true},
		{"tol 0 vs -0 equal", f64(0), f64(negZero), 64, one, true},
		{"tol one ulp", f64(1), f64(up1), 64, one, true},
		{"tol two ulps over 1", f64(1), f64(up2), 64, one, false},
		{"tol nan vs inf", f64(math.NaN()), f64(math.Inf(1)), 64, four, false},
		{"tol nan vs nan", f64(math.NaN()), f64(math.NaN()), 64, four, true},
		{"tol max vs inf", f64(math.MaxFloat64), f64(math.Inf(1)), 64, one, true},
		{"tol inf vs -inf", f64(math.Inf(1)), f64(math.Inf(-1)), 64, four, false},
		{"f32 exact nan payloads", 0x7fc00000, 0xffc00001, 32, exact, true},
		{"f32 tol 3 ulps over 2", f32(1), f32(1) + 3, 32, tolerance{ulps: 2}, false},
		{"f32 tol 3 ulps", f32(1), f32(1) + 3, 32, tolerance{ulps: 3}, true},
		{"f16 exact -0 vs 0", 0x8000, 0x0000, 16, exact, false},
		{"f16 tol 1", 0x3c00, 0x3bff, 16, one, true},
		{"f16 nan payloads", 0x7e00, 0xfc01, 16, exact, true},
		{"scale lets a tiny element err", f64(1e-20), f64(3e-20), 64, tolerance{ulps: 16, scale: 8}, true},
		{"no scale, tiny element fails", f64(1e-20), f64(3e-20), 64, tolerance{ulps: 16}, false},
		{"scale bound is ulps*spacing(S)", f64(0), f64(17 * 0x1p-49), 64, tolerance{ulps: 16, scale: 8}, false},
		{"scale bound inclusive", f64(0), f64(16 * 0x1p-49), 64, tolerance{ulps: 16, scale: 8}, true},
		{"scale ignored in exact mode", f64(0), f64(negZero), 64, tolerance{scale: 8}, false},
	}
	for _, tc := range tests {
		if got := floatClose(tc.exp, tc.got, tc.width, tc.tol); got != tc.want {
			t.Errorf("%s: floatClose = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestComplexClose(t *testing.T) {
	nan := math.NaN()
	inf := math.Inf(1)
	tests := []struct {
		name     string
		exp, got complex128
		tol      tolerance
		want     bool
	}{
		{"exact equal", complex(1, -2), complex(1, -2), tolerance{}, true},
		{"exact nan parts", complex(nan, 1), complex(nan, 1), tolerance{}, true},
		{"exact -0 imag differs", complex(1, 0), complex(1, negZero), tolerance{}, false},
		{"tol -0 imag equal", complex(1, 0), complex(1, negZero), tolerance{ulps: 1}, true},
		// ulp(1e10) = 2^-19, so a part may be off by 4·2^-19 ≈ 7.6e-6.
		{"small part errs on the scale of the large one", complex(1e10, 1e-10), complex(1e10, 5e-6), tolerance{ulps: 4}, true},
		{"small part beyond the large one's scale", complex(1e10, 1e-10), complex(1e10, 8e-6), tolerance{ulps: 4}, false},
		{"alternative rule needs a tolerance", complex(1e10, 1e-10), complex(1e10, 2e-10), tolerance{}, false},
		{"alternative rule needs finite parts", complex(inf, 1e-10), complex(inf, 2e-10), tolerance{ulps: 4}, false},
		{"nan only matches nan", complex(nan, 0), complex(1, 0), tolerance{ulps: 4}, false},
		{"each part by the ulp rule", complex(1, 2), complex(math.Nextafter(1, 2), math.Nextafter(2, 0)), tolerance{ulps: 1}, true},
	}
	for _, tc := range tests {
		got := complexClose(f64(real(tc.exp)), f64(imag(tc.exp)), f64(real(tc.got)), f64(imag(tc.got)), 64, tc.tol)
		if got != tc.want {
			t.Errorf("%s: complexClose(%v, %v, %+v) = %v, want %v", tc.name, tc.exp, tc.got, tc.tol, got, tc.want)
		}
	}
	// complex64 parts use float32 spacing: ulp(1e4 as float32) = 2^-10.
	if !complexClose(f32(1e4), f32(0), f32(1e4), f32(2*0x1p-10), 32, tolerance{ulps: 2}) {
		t.Errorf("complex64: a part 2·ulp(1e4) away should pass with 2 ulps")
	}
	if complexClose(f32(1e4), f32(0), f32(1e4), f32(3*0x1p-10), 32, tolerance{ulps: 2}) {
		t.Errorf("complex64: a part 3·ulp(1e4) away should fail with 2 ulps")
	}
}

func TestDecodeRawArray(t *testing.T) {
	tests := []struct {
		name  string
		json  string
		dt    dtype.DType
		shape []int
		want  []uint64 // element bit patterns (complex: re, im pairs)
	}{
		{"bool", `{"dtype":"bool","shape":[2],"data":[true,false]}`, dtype.Bool, []int{2}, []uint64{1, 0}},
		{"int64 extremes", `{"dtype":"int64","shape":[2],"data":[9223372036854775807,-9223372036854775808]}`,
			dtype.Int64, []int{2}, []uint64{math.MaxInt64, 1 << 63}},
		{"uint64 max", `{"dtype":"uint64","shape":[],"data":[18446744073709551615]}`, dtype.Uint64, []int{}, []uint64{math.MaxUint64}},
		{"int8 negative", `{"dtype":"int8","shape":[1],"data":[-128]}`, dtype.Int8, []int{1}, []uint64{0x80}},
		{"float32 0.1", `{"dtype":"float32","shape":[1],"data":[0.10000000149011612]}`, dtype.Float32, []int{1}, []uint64{0x3dcccccd}},
		{"float64 specials", `{"dtype":"float64","shape":[2,2],"data":["nan","inf","-inf","-0.0"]}`,
			dtype.Float64, []int{2, 2}, []uint64{f64(math.NaN()), f64(math.Inf(1)), f64(math.Inf(-1)), 1 << 63}},
		{"float16", `{"dtype":"float16","shape":[3],"data":[65504.0,5.960464477539063e-08,"-0.0"]}`, dtype.Float16, []int{3}, []uint64{0x7bff, 0x0001, 0x8000}},
		{"complex64", `{"dtype":"complex64","shape":[1],"data":[[1.5,"-inf"]]}`, dtype.Complex64, []int{1}, []uint64{f32(1.5), 0xff800000}},
		{"empty", `{"dtype":"int16","shape":[0,3],"data":[]}`, dtype.Int16, []int{0, 3}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := decodeRawArray(json.RawMessage(tc.json))
			if err != nil {
				t.Fatal(err)
			}
			if r.dt != tc.dt {
				t.Errorf("dtype %s, want %s", r.dt, tc.dt)
			}
			if len(r.shape) != len(tc.shape) {
				t.Errorf("shape %v, want %v", r.shape, tc.shape)
			}
			w := tc.dt.Size()
			if tc.dt.Kind() == dtype.KindComplex {
				w /= 2
			}
			if len(r.data) != len(tc.want)*w {
				t.Fatalf("%d bytes, want %d", len(r.data), len(tc.want)*w)
			}
			for i, want := range tc.want {
				got := getUint(r.data[i*w : (i+1)*w])
				if tc.dt.Kind() == dtype.KindFloat || tc.dt.Kind() == dtype.KindComplex {
					if isNaNBits(want, w*8) && isNaNBits(got, w*8) {
						continue
					}
				}
				if got != want {
					t.Errorf("element %d: bits %#x, want %#x", i, got, want)
				}
			}
		})
	}
}

func TestDecodeRawArrayErrors(t *testing.T) {
	tests := []struct {
		name        string
		json        string
		unsupported bool
	}{
		{"float32 not exact", `{"dtype":"float32","shape":[1],"data":[0.1]}`, false},
		{"int8 out of range", `{"dtype":"int8","shape":[1],"data":[128]}`, false},
		{"too few elements", `{"dtype":"int8","shape":[2],"data":[1]}`, false},
		{"float in int array", `{"dtype":"int32","shape":[1],"data":[1.5]}`, false},
		{"complex not a pair", `{"dtype":"complex128","shape":[1],"data":[1.0]}`, false},
		{"dtype unsupported", `{"dtype":"object","shape":[1],"data":[1]}`, true},
		{"datetime tick not an integer", `{"dtype":"datetime64[D]","shape":[1],"data":[1.5]}`, false},
		{"U2 value too long", `{"dtype":"U2","shape":[1],"data":["abc"]}`, false},
		{"S2 character above U+00FF", `{"dtype":"S2","shape":[1],"data":["\u0100"]}`, false},
	}
	for _, tc := range tests {
		_, err := decodeRawArray(json.RawMessage(tc.json))
		var u *unsupportedError
		var c *corpusError
		switch {
		case err == nil:
			t.Errorf("%s: no error", tc.name)
		case tc.unsupported && !errors.As(err, &u):
			t.Errorf("%s: got %v, want an unsupported error", tc.name, err)
		case !tc.unsupported && !errors.As(err, &c):
			t.Errorf("%s: got %v, want a corpus error", tc.name, err)
		}
	}
}

func TestCOrderBytes(t *testing.T) {
	a, err := ndarray.FromSlice([]int16{0, 1, 2, 3, 4, 5}, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	tr := a.Transpose() // 3x2: [[0 3] [1 4] [2 5]]
	b, err := cOrderBytes(tr)
	if err != nil {
		t.Fatal(err)
	}
	want := []uint64{0, 3, 1, 4, 2, 5}
	for i, w := range want {
		if got := getUint(b[2*i : 2*i+2]); got != w {
			t.Errorf("transposed element %d = %d, want %d", i, got, w)
		}
	}
	bc, err := ndarray.FromSlice([]float64{7}, 1)
	if err != nil {
		t.Fatal(err)
	}
	v, err := bc.BroadcastTo(2, 3)
	if err != nil {
		t.Fatal(err)
	}
	b, err = cOrderBytes(v)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if got := math.Float64frombits(getUint(b[8*i : 8*i+8])); got != 7 {
			t.Errorf("broadcast element %d = %g, want 7", i, got)
		}
	}
}

func TestCompareArrayDiff(t *testing.T) {
	exp, err := decodeRawArray(json.RawMessage(`{"dtype":"float64","shape":[2,2],"data":[1.0,2.0,"nan","-0.0"]}`))
	if err != nil {
		t.Fatal(err)
	}
	mk := func(v ...float64) *ndarray.Array {
		a, err := ndarray.FromSlice(v, 2, 2)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	tests := []struct {
		name string
		got  *ndarray.Array
		tol  tolerance
		want string // substring of the diff; "" = equal
	}{
		{"equal", mk(1, 2, math.NaN(), negZero), tolerance{}, ""},
		{"+0 for -0 exact", mk(1, 2, math.NaN(), 0), tolerance{}, "first at flat index 3 [1 1]: expected -0"},
		{"+0 for -0 toleranced", mk(1, 2, math.NaN(), 0), tolerance{ulps: 1}, ""},
		{"two differ", mk(1.5, 2, 0, negZero), tolerance{}, "2 of 4 elements differ; first at flat index 0"},
		{"wrong shape", func() *ndarray.Array {
			a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4}, 4)
			return a
		}(), tolerance{}, "shape: expected (2, 2), got (4,)"},
		{"wrong dtype", func() *ndarray.Array {
			a, _ := ndarray.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
			return a
		}(), tolerance{}, "dtype: expected float64, got float32"},
	}
	for _, tc := range tests {
		d := compareArray(exp, tc.got, tc.tol)
		if tc.want == "" && d != "" || tc.want != "" && !strings.Contains(d, tc.want) {
			t.Errorf("%s: diff %q, want %q", tc.name, d, tc.want)
		}
	}
}

func init() {
	register("test", "panic", func(c *Case) (*Result, error) { panic("boom") })
	register("test", "shape_error", func(c *Case) (*Result, error) {
		return nil, &ndarray.ShapeError{Op: "test", Msg: "bad"}
	})
	register("test", "unsupported", func(c *Case) (*Result, error) {
		return nil, unsupported("needs a thing")
	})
}

func TestRunCaseOutcomes(t *testing.T) {
	expected := json.RawMessage(`{"dtype":"int8","shape":[],"data":[1]}`)
	tests := []struct {
		name string
		c    Case
		want outcome
		why  string
	}{
		{"panic is a failure", Case{Category: "test", Op: "panic", Expected: expected}, failed, "panic: boom"},
		{"right error category", Case{Category: "test", Op: "shape_error", Error: "shape"}, passed, ""},
		{"wrong error category", Case{Category: "test", Op: "shape_error", Error: "axis"}, failed, "*ndarray.ShapeError"},
		{"unmapped error category", Case{Category: "test", Op: "shape_error", Error: "linalg"}, failed, "no Go error type"},
		{"unexpected error", Case{Category: "test", Op: "shape_error", Expected: expected}, failed, "unexpected error"},
		{"unsupported", Case{Category: "test", Op: "unsupported", Expected: expected}, unimplemented, "needs a thing"},
		{"unknown op", Case{Category: "test", Op: "nope", Expected: expected}, unimplemented, "op not implemented"},
		{"platform skipped", Case{Category: "test", Op: "panic", Expected: expected, Platform: true}, platform, "platform_defined"},
		{"two expectations", Case{Category: "test", Op: "shape_error", Expected: expected, Error: "shape"}, failed, "exactly one"},
	}
	for _, tc := range tests {
		out, why := runCase(&tc.c)
		if out != tc.want || !strings.Contains(why, tc.why) {
			t.Errorf("%s: runCase = %d %q, want %d containing %q", tc.name, out, why, tc.want, tc.why)
		}
	}
}

func TestSharesBuffer(t *testing.T) {
	a, err := ndarray.FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	v, err := a.Slice(ndarray.Int(1), ndarray.Slice{})
	if err != nil {
		t.Fatal(err)
	}
	if !sharesBuffer(v, a) {
		t.Errorf("a[1, :] should share a's buffer")
	}
	if !sharesBuffer(a.Transpose(), a) {
		t.Errorf("a.T should share a's buffer")
	}
	if sharesBuffer(a.Copy(), a) {
		t.Errorf("a.Copy() should not share a's buffer")
	}
}
