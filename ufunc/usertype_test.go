package ufunc_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// Cents is a fixed-point decimal defined outside the core: an amount in
// hundredths, stored as an int64. It is registered as a dtype with casts
// to and from float64 and loops for add, multiply and less.
var (
	centsOnce sync.Once
	centsType dtype.DType
)

func cents() dtype.DType {
	centsOnce.Do(func() {
		d, err := dtype.Register(dtype.TypeSpec{Name: "cents", Size: 8})
		if err != nil {
			panic(err)
		}
		toFloat := func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
			for i := range n {
				*(*float64)(unsafe.Add(dst, i*ds)) = float64(*(*int64)(unsafe.Add(src, i*ss))) / 100
			}
		}
		fromFloat := func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
			for i := range n {
				*(*int64)(unsafe.Add(dst, i*ds)) = int64(math.Round(*(*float64)(unsafe.Add(src, i*ss)) * 100))
			}
		}
		must(dtype.RegisterCast(d, dtype.Float64, dtype.Safe, toFloat))
		must(dtype.RegisterCast(dtype.Float64, d, dtype.SameKind, fromFloat))
		must(ufunc.Add.Register(ufunc.Binary(func(a, b int64) int64 { return a + b }), d, d, d))
		// cents × cents rounds the product to the nearest cent
		must(ufunc.Multiply.Register(ufunc.Binary(func(a, b int64) int64 {
			return int64(math.Round(float64(a) * float64(b) / 100))
		}), d, d, d))
		must(ufunc.Less.Register(ufunc.Binary(func(a, b int64) bool { return a < b }), d, d, dtype.Bool))
		centsType = d
	})
	return centsType
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func centsArray(t testing.TB, v ...float64) *ndarray.Array {
	t.Helper()
	f, err := ndarray.FromSlice(v)
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.AsType(cents(), dtype.SameKind)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func asFloats(t testing.TB, a *ndarray.Array) []float64 {
	t.Helper()
	f, err := a.AsType(dtype.Float64, dtype.Safe)
	if err != nil {
		t.Fatal(err)
	}
	return ndarray.ToSlice[float64](f)
}

func TestUserDType(t *testing.T) {
	a := centsArray(t, 1.25, 2.50, -0.75)
	b := centsArray(t, 0.75, 0.01, 0.75)
	sum, err := ufunc.Add.Call(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if sum.DType() != cents() || !slices.Equal(asFloats(t, sum), []float64{2, 2.51, 0}) {
		t.Errorf("add = %v %v", sum.DType(), asFloats(t, sum))
	}
	prod, err := ufunc.Multiply.Call(a, centsArray(t, 2, 0.5, 0.33))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(asFloats(t, prod), []float64{2.5, 1.25, -0.25}) {
		t.Errorf("multiply = %v", asFloats(t, prod))
	}
	lt, err := ufunc.Less.Call(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ndarray.ToSlice[bool](lt), []bool{false, false, true}) {
		t.Errorf("less = %v", lt)
	}
	// a Go scalar takes the array's user type (NEP 50)
	plus, err := ufunc.Add.Call(a, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if plus.DType() != cents() || !slices.Equal(asFloats(t, plus), []float64{1.75, 3, -0.25}) {
		t.Errorf("a + 0.5 = %v %v", plus.DType(), asFloats(t, plus))
	}
	// a reduction through the standard machinery
	s, err := ufunc.Sum(centsArray(t, 0.10, 0.20, 0.30, 0.40))
	if err != nil {
		t.Fatal(err)
	}
	if s.DType() != cents() || !slices.Equal(asFloats(t, s), []float64{1}) {
		t.Errorf("sum = %v %v (exactly 1.00 in cents)", s.DType(), asFloats(t, s))
	}
	// cents and int8 both reach the float64 loop by safe casts
	i8, _ := ndarray.FromSlice([]int8{1, 2, 3})
	if r, err := ufunc.Add.Call(a, i8); err != nil || r.DType() != dtype.Float64 || !slices.Equal(ndarray.ToSlice[float64](r), []float64{2.25, 4.5, 2.25}) {
		t.Errorf("cents + int8 = %v, %v; want float64 [2.25 4.5 2.25]", r, err)
	}
	// no integer loop is reachable from cents
	var le *ufunc.LoopError
	if _, err := ufunc.BitwiseAnd.Call(a, a); !errors.As(err, &le) {
		t.Errorf("bitwise_and of cents: error = %v, want *ufunc.LoopError", err)
	}
	// float64 arrays reach the float64 loop: cents casts to float64 safely
	f, _ := ndarray.FromSlice([]float64{1, 1, 1})
	mixed, err := ufunc.Add.Call(a, f)
	if err != nil || mixed.DType() != dtype.Float64 || !slices.Equal(ndarray.ToSlice[float64](mixed), []float64{2.25, 3.5, 0.25}) {
		t.Errorf("cents + float64 = %v, %v", mixed, err)
	}
}

// Masked is a container defined outside the core: values with a validity
// mask. It takes over ufunc calls made through Apply.
type Masked struct {
	Data  *ndarray.Array
	Valid []bool
}

var registerMasked = sync.OnceValue(func() error {
	return ufunc.RegisterContainer[*Masked](func(u *ufunc.Ufunc, m ufunc.Method, args []any) (any, error) {
		if m != ufunc.MethodCall {
			return nil, fmt.Errorf("masked: %s not supported", m)
		}
		var valid []bool
		plain := make([]any, len(args))
		for i, a := range args {
			mk, ok := a.(*Masked)
			if !ok {
				plain[i] = a
				continue
			}
			plain[i] = mk.Data
			if valid == nil {
				valid = slices.Clone(mk.Valid)
			} else {
				for j := range valid {
					valid[j] = valid[j] && mk.Valid[j]
				}
			}
		}
		out, err := u.Call(plain...)
		if err != nil {
			return nil, err
		}
		return &Masked{Data: out, Valid: valid}, nil
	})
})

func TestUserContainer(t *testing.T) {
	if err := registerMasked(); err != nil {
		t.Fatal(err)
	}
	d1, _ := ndarray.FromSlice([]float64{1, 2, 3})
	d2, _ := ndarray.FromSlice([]float64{10, 20, 30})
	x := &Masked{Data: d1, Valid: []bool{true, false, true}}
	y := &Masked{Data: d2, Valid: []bool{true, true, false}}
	r, err := ufunc.Add.Apply(ufunc.MethodCall, x, y)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := r.(*Masked)
	if !ok {
		t.Fatalf("Apply returned %T, want *Masked", r)
	}
	if !slices.Equal(ndarray.ToSlice[float64](m.Data), []float64{11, 22, 33}) || !slices.Equal(m.Valid, []bool{true, false, false}) {
		t.Errorf("masked add = %v %v", m.Data, m.Valid)
	}
	// a scalar beside the container, through the same handler
	r, err = ufunc.Multiply.Apply(ufunc.MethodCall, 2.0, x)
	if err != nil || !slices.Equal(ndarray.ToSlice[float64](r.(*Masked).Data), []float64{2, 4, 6}) {
		t.Errorf("2 * masked = %v, %v", r, err)
	}
	// plain arrays still take the array path
	r, err = ufunc.Add.Apply(ufunc.MethodCall, d1, d2)
	if _, isArray := r.(*ndarray.Array); err != nil || !isArray {
		t.Errorf("Apply on arrays returned %T, %v", r, err)
	}
	r, err = ufunc.Add.Apply(ufunc.MethodReduce, d1)
	if err != nil || ndarray.At[float64](r.(*ndarray.Array)) != 6 {
		t.Errorf("Apply reduce = %v, %v", r, err)
	}
	var re *ufunc.RegistrationError
	if err := ufunc.RegisterContainer[*Masked](func(*ufunc.Ufunc, ufunc.Method, []any) (any, error) { return nil, nil }); !errors.As(err, &re) {
		t.Errorf("registering a container twice: %v", err)
	}
	if err := ufunc.RegisterContainer[*ndarray.Array](func(*ufunc.Ufunc, ufunc.Method, []any) (any, error) { return nil, nil }); !errors.As(err, &re) {
		t.Errorf("registering *ndarray.Array as a container: %v", err)
	}
}
