package ufunc

import (
	"errors"
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Expected values are NumPy 1.24's (most from the conformance corpus's
// datetime cases).

const NaT = dtype.NaT

// timeArr makes a 1-d array of type dt holding the ticks.
func timeArr(t testing.TB, dt dtype.DType, ticks ...int64) *ndarray.Array {
	t.Helper()
	a, err := ndarray.FromSlice(ticks)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = a.AsType(dt, dtype.Unsafe); err != nil {
		t.Fatal(err)
	}
	return a
}

// ticksOf returns the ticks of a datetime64 or timedelta64 array, after
// checking its dtype.
func ticksOf(t testing.TB, a *ndarray.Array, want dtype.DType) []int64 {
	t.Helper()
	if a.DType() != want {
		t.Fatalf("result dtype %v, want %v", a.DType(), want)
	}
	i, err := a.AsType(dtype.Int64, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	return ndarray.ToSlice[int64](i)
}

var (
	m8s  = dtype.Timedelta64(dtype.UnitSecond)
	m8ms = dtype.Timedelta64(dtype.UnitMillisecond)
	m8D  = dtype.Timedelta64(dtype.UnitDay)
	m8M  = dtype.Timedelta64(dtype.UnitMonth)
	m8Y  = dtype.Timedelta64(dtype.UnitYear)
	M8s  = dtype.Datetime64(dtype.UnitSecond)
	M8D  = dtype.Datetime64(dtype.UnitDay)
	M8M  = dtype.Datetime64(dtype.UnitMonth)
	M8Y  = dtype.Datetime64(dtype.UnitYear)
)

func TestDatetimeArithmetic(t *testing.T) {
	for _, c := range []struct {
		name   string
		u      *Ufunc
		a, b   *ndarray.Array
		result dtype.DType
		want   []int64
	}{
		{"M8[D]+m8[D]", Add, timeArr(t, M8D, 0, 1, -1, NaT, 13, -7), timeArr(t, m8D, -7, 13, NaT, -1, 1, 0),
			M8D, []int64{-7, 14, NaT, NaT, 14, -7}},
		{"M8[Y]+m8[D]", Add, timeArr(t, M8Y, 0, 1, -1, NaT, 13, -7), timeArr(t, m8D, -7, 13, NaT, -1, 1, 0),
			M8D, []int64{-7, 378, NaT, NaT, 4749, -2557}},
		{"m8[s]+M8[Y]", Add, timeArr(t, m8s, 0, 1, -1, NaT, 13, -7), timeArr(t, M8Y, -7, 13, NaT, -1, 1, 0),
			M8s, []int64{-220924800, 410227201, NaT, NaT, 31536013, -7}},
		{"m8[Y]+m8[M]", Add, timeArr(t, m8Y, 0, 1, -1, NaT, 13, -7), timeArr(t, m8M, -7, 13, NaT, -1, 1, 0),
			m8M, []int64{-7, 25, NaT, NaT, 157, -84}},
		{"M8[D]+bool", Add, timeArr(t, M8D, 0, 1, -1, NaT, 13, -7), arr(t, true, false, true, true, false, true),
			M8D, []int64{1, 1, 0, NaT, 13, -6}},
		{"m8[s]+int8", Add, timeArr(t, m8s, 0, 1, -1, NaT, 13, -7), arr[int8](t, 100, -13, 5, -1, 1, 0),
			m8s, []int64{100, -12, 4, NaT, 14, -7}},
		{"M8[Y]-M8[M]", Subtract, timeArr(t, M8Y, 0, 0, 0, 0, 1, 1, 1, 1, NaT), timeArr(t, M8M, 0, 1, -1, NaT, 0, 1, -1, NaT, 0),
			m8M, []int64{0, -1, 1, NaT, 12, 11, 13, NaT, NaT}},
		{"M8[Y]-m8[s]", Subtract, timeArr(t, M8Y, 0, 1, -1, NaT, 13, -7), timeArr(t, m8s, -7, 13, NaT, -1, 1, 0),
			M8s, []int64{7, 31535987, NaT, NaT, 410227199, -220924800}},
		{"M8[s]-int64", Subtract, timeArr(t, M8s, 0, 1, -1, NaT, 13, -7), arr[int64](t, 100, -13, 5, -1, 1, 0),
			M8s, []int64{-100, 14, -6, NaT, 12, -7}},
		{"m8[s]*float64", Multiply, timeArr(t, m8s, 7, -7, 0, 1, NaT, 3, -3, 1000), arr(t, 1.5, 1.5, 1.3, -1.3, nan, 2.5, 0.5, -0.5),
			m8s, []int64{10, -10, 0, -1, NaT, 7, -1, -500}},
		{"m8[s]*float64 nan/inf", Multiply, timeArr(t, m8s, 7, 7, -7), arr(t, nan, inf, 1e300),
			m8s, []int64{NaT, NaT, NaT}},
		{"uint8*m8[s]", Multiply, arr[uint8](t, 2, 3, 0, 255, 2, 1, 5, 7), timeArr(t, m8s, 7, -7, 0, 1, NaT, 3, -3, 1000),
			m8s, []int64{14, -21, 0, 255, NaT, 3, -15, 7000}},
		{"m8[s]/int64", Divide, timeArr(t, m8s, 7, -7, 7, -7, NaT, 7, 1000), arr[int64](t, 2, 2, -2, -2, 2, 0, 7),
			m8s, []int64{3, -3, -3, 3, NaT, NaT, 142}},
		{"m8[s]//int64 truncates", FloorDivide, timeArr(t, m8s, 7, -7, 7, -7, NaT, 7, 1000), arr[int64](t, 2, 2, -2, -2, 2, 0, 7),
			m8s, []int64{3, -3, -3, 3, NaT, NaT, 142}},
		{"m8[s]/float32", Divide, timeArr(t, m8s, 7, -7, 7, -7, NaT, 7, 1000), arr[float32](t, 2, 2, -2.5, 2.5, 2, float32(nan), 0.5),
			m8s, []int64{3, -3, -2, -2, NaT, NaT, 2000}},
		{"m8[s]/0.0", Divide, timeArr(t, m8s, 7, -7), arr(t, 0.0, negZero),
			m8s, []int64{NaT, NaT}},
		{"m8[s]%m8[ms]", Remainder, timeArr(t, m8s, 7, -7, NaT, 1000), timeArr(t, m8ms, 2, 3, 1, -3),
			m8ms, []int64{0, 2, NaT, -2}},
		{"m8[M]%m8[Y]", Remainder, timeArr(t, m8M, 7, -7, NaT, 1000), timeArr(t, m8Y, 2, 3, 1, -3),
			m8M, []int64{7, 29, NaT, -8}},
		{"m8%0", Remainder, timeArr(t, m8s, 7, 0), timeArr(t, m8s, 0, 0),
			m8s, []int64{NaT, NaT}},
		{"maximum", Maximum, timeArr(t, M8s, -1, -1, 3, NaT), timeArr(t, M8s, 0, NaT, 2, 0),
			M8s, []int64{0, NaT, 3, NaT}},
		{"fmin", Fmin, timeArr(t, m8s, -1, -1, 3, NaT, NaT), timeArr(t, m8ms, 0, NaT, 2, 0, NaT),
			m8ms, []int64{-1000, -1000, 2, 0, NaT}},
	} {
		r, err := c.u.Call(c.a, c.b)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		checkEqual(t, c.name, ticksOf(t, r, c.result), c.want)
	}
}

func TestTimedeltaDivision(t *testing.T) {
	a, b := timeArr(t, m8s, 7, -7, NaT, 1000), timeArr(t, m8ms, 2, 3, 1, -3)
	checkFloats(t, "m8[s]/m8[ms]", call[float64](t, Divide, a, b), []float64{3500, -2333.3333333333335, nan, -333333.3333333333})
	checkEqual(t, "m8[s]//m8[ms]", call[int64](t, FloorDivide, a, b), []int64{3500, -2334, 0, -333334})
	z := timeArr(t, m8s, 0, 0, 0)
	checkFloats(t, "m8/0", call[float64](t, Divide, timeArr(t, m8s, 7, -7, 0), z), []float64{inf, -inf, nan})
	checkEqual(t, "m8//0", call[int64](t, FloorDivide, timeArr(t, m8s, 7, -7, 0), z), []int64{0, 0, 0})
	r, err := Divmod.CallN(timeArr(t, m8s, 7, -7, 7, -7, 0, NaT, 7, 6), timeArr(t, m8s, 2, 2, -2, -2, 0, 2, 0, NaT))
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "divmod quotient", ndarray.ToSlice[int64](r[0]), []int64{3, -4, -4, 3, 0, 0, 0, 0})
	checkEqual(t, "divmod remainder", ticksOf(t, r[1], m8s), []int64{1, 1, -1, -1, NaT, NaT, NaT, NaT})
}

func TestTimedeltaUnary(t *testing.T) {
	a := timeArr(t, m8s, 5, -5, 0, NaT, math.MaxInt64, -math.MaxInt64)
	for _, c := range []struct {
		u    *Ufunc
		want []int64
	}{
		{Negative, []int64{-5, 5, 0, NaT, -math.MaxInt64, math.MaxInt64}},
		{Positive, []int64{5, -5, 0, NaT, math.MaxInt64, -math.MaxInt64}},
		{Absolute, []int64{5, 5, 0, NaT, math.MaxInt64, math.MaxInt64}},
		{Sign, []int64{1, -1, 0, -1, 1, -1}}, // sign(NaT) is -1 in NumPy 1.24
	} {
		r, err := c.u.Call(a)
		if err != nil {
			t.Fatalf("%s: %v", c.u.Name(), err)
		}
		checkEqual(t, c.u.Name(), ticksOf(t, r, m8s), c.want)
	}
	d := timeArr(t, M8s, 0, 5, NaT)
	checkEqual(t, "isnat", call[bool](t, IsNat, d), []bool{false, false, true})
	checkEqual(t, "isnan", call[bool](t, IsNan, d), []bool{false, false, true})
	checkEqual(t, "isfinite", call[bool](t, IsFinite, d), []bool{true, true, false})
	checkEqual(t, "isinf", call[bool](t, IsInf, d), []bool{false, false, false})
}

func TestDatetimeComparisons(t *testing.T) {
	a := timeArr(t, M8D, -1, 0, 0, NaT, NaT)
	b := timeArr(t, M8s, -86400, 1, 0, 0, NaT)
	checkEqual(t, "equal", call[bool](t, Equal, a, b), []bool{true, false, true, false, false})
	checkEqual(t, "not_equal", call[bool](t, NotEqual, a, b), []bool{false, true, false, true, true})
	checkEqual(t, "less", call[bool](t, Less, a, b), []bool{false, true, false, false, false})
	checkEqual(t, "greater_equal", call[bool](t, GreaterEqual, a, b), []bool{true, false, true, false, false})
	checkEqual(t, "m8 == int64", call[bool](t, Equal, timeArr(t, m8s, 5, 6, NaT), arr[int64](t, 5, 5, 5)), []bool{true, false, false})
}

func TestDatetimeWeakScalars(t *testing.T) {
	r, err := Add.Call(timeArr(t, M8D, 0, NaT), 1)
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "M8[D] + 1", ticksOf(t, r, M8D), []int64{1, NaT})
	if r, err = Multiply.Call(timeArr(t, m8s, 7, -7), 1.5); err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "m8[s] * 1.5", ticksOf(t, r, m8s), []int64{10, -10})
}

func TestDatetimeLoopErrors(t *testing.T) {
	var le *LoopError
	var pe *dtype.PromotionError
	var ce *dtype.CastError
	for _, c := range []struct {
		name   string
		u      *Ufunc
		ops    []any
		target any
	}{
		{"M8+M8", Add, []any{timeArr(t, M8D, 1), timeArr(t, M8D, 1)}, &le},
		{"m8[Y]+m8[D]", Add, []any{timeArr(t, m8Y, 1), timeArr(t, m8D, 1)}, &pe},
		{"m8+float", Add, []any{timeArr(t, m8s, 1), arr(t, 1.5)}, &le},
		{"M8[D]-m8[M]", Subtract, []any{timeArr(t, M8D, 1), timeArr(t, m8M, 1)}, &ce},
		{"m8-M8", Subtract, []any{timeArr(t, m8s, 1), timeArr(t, M8s, 1)}, &le},
		{"int-M8", Subtract, []any{arr[int64](t, 1), timeArr(t, M8s, 1)}, &le},
		{"m8*m8", Multiply, []any{timeArr(t, m8s, 1), timeArr(t, m8s, 1)}, &le},
		{"m8*complex", Multiply, []any{timeArr(t, m8s, 1), arr(t, complex64(1))}, &le},
		{"M8*int", Multiply, []any{timeArr(t, M8s, 1), arr[int64](t, 1)}, &le},
		{"int/m8", Divide, []any{arr[int64](t, 2), timeArr(t, m8s, 3)}, &le},
		{"m8/bool", Divide, []any{timeArr(t, m8s, 7), arr(t, true)}, &le},
		{"M8/int", Divide, []any{timeArr(t, M8s, 7), arr[int64](t, 2)}, &le},
		{"m8[D]/m8[Y]", Divide, []any{timeArr(t, m8D, 7), timeArr(t, m8Y, 2)}, &pe},
		{"m8%int", Remainder, []any{timeArr(t, m8s, 7), arr[int64](t, 2)}, &le},
		{"absolute(M8)", Absolute, []any{timeArr(t, M8s, 5)}, &le},
		{"negative(M8)", Negative, []any{timeArr(t, M8s, 5)}, &le},
		{"isnat(float64)", IsNat, []any{arr(t, 1.5)}, &le},
		{"m8<float64", Less, []any{timeArr(t, m8s, 5), arr(t, 5.0)}, &pe},
		{"m8==uint64", Equal, []any{timeArr(t, m8s, 5), arr[uint64](t, 5)}, &pe},
		{"M8==int64", Equal, []any{timeArr(t, M8s, 5), arr[int64](t, 5)}, &pe},
		{"m8<M8", Less, []any{timeArr(t, m8s, 5), timeArr(t, M8s, 5)}, &ce},
		{"maximum(M8, int)", Maximum, []any{timeArr(t, M8s, 5), arr[int64](t, 5)}, &pe},
	} {
		_, err := c.u.Call(c.ops...)
		if err == nil || !errors.As(err, c.target) {
			t.Errorf("%s: got %v, want a %T", c.name, err, c.target)
		}
	}
}

func TestTimedeltaReductions(t *testing.T) {
	a, err := timeArr(t, m8ms, 5, NaT, -3, 2, 7, 1).Reshape(2, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		f    func(*ndarray.Array, ...Option) (*ndarray.Array, error)
		opts []Option
		want []int64
	}{
		{"min", Min, []Option{Axis(0)}, []int64{2, NaT, -3}},
		{"max axis 1", Max, []Option{Axis(1)}, []int64{NaT, 7}},
		{"sum axis 0", Sum, []Option{Axis(0)}, []int64{7, NaT, -2}},
		{"sum", Sum, nil, []int64{NaT}},
		{"mean axis 0", Mean, []Option{Axis(0)}, []int64{3, NaT, -1}}, // sum // count, truncated
		{"mean axis 1", Mean, []Option{Axis(1)}, []int64{NaT, 3}},
		{"cumsum axis 0", CumSum, []Option{Axis(0)}, []int64{5, NaT, -3, 7, NaT, -2}},
		{"cumsum", CumSum, nil, []int64{5, NaT, NaT, NaT, NaT, NaT}},
	} {
		r, err := c.f(a, c.opts...)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		checkEqual(t, c.name, ticksOf(t, r, m8ms), c.want)
	}
	for _, c := range []struct {
		name string
		f    func(*ndarray.Array, ...Option) (*ndarray.Array, error)
		opts []Option
		want []int64
	}{
		{"argmin", ArgMin, nil, []int64{1}}, // the first NaT
		{"argmin axis 1", ArgMin, []Option{Axis(1)}, []int64{1, 2}},
		{"argmax axis 0", ArgMax, []Option{Axis(0)}, []int64{0, 0, 1}},
	} {
		r, err := c.f(a, c.opts...)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		checkEqual(t, c.name, ndarray.ToSlice[int64](r), c.want)
	}
	plain := timeArr(t, M8s, 5, 1, -3, 2, 7, 0)
	if r, err := ArgMax(plain); err != nil || ndarray.ToSlice[int64](r)[0] != 4 {
		t.Errorf("argmax: %v, %v", r, err)
	}
	if r, err := Mean(timeArr(t, m8s, -7, 2)); err != nil || ticksOf(t, r, m8s)[0] != -2 {
		t.Errorf("mean of [-7, 2] s: %v, %v (NumPy: -2, truncated)", r, err)
	}
	var le *LoopError
	if _, err := Sum(timeArr(t, M8s)); !errors.As(err, &le) {
		t.Errorf("sum of datetime64: %v, want a *LoopError", err)
	}
	var ee *EmptyReductionError
	for _, f := range []func(*ndarray.Array, ...Option) (*ndarray.Array, error){Min, Max, ArgMin, ArgMax} {
		if _, err := f(timeArr(t, M8s)); !errors.As(err, &ee) {
			t.Errorf("empty datetime64 reduction: %v, want an *EmptyReductionError", err)
		}
	}
	if r, err := Sum(timeArr(t, m8s)); err != nil || ticksOf(t, r, m8s)[0] != 0 {
		t.Errorf("sum of no timedeltas: %v, %v", r, err)
	}
}
