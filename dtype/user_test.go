package dtype_test

import (
	"errors"
	"testing"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

// cents is a test type: an amount of money in hundredths, stored as int64.
func TestUserType(t *testing.T) {
	cents, err := dtype.Register(dtype.TypeSpec{Name: "test_cents", Size: 8})
	if err != nil {
		t.Fatal(err)
	}
	if cents.Kind() != dtype.KindUser || cents.Size() != 8 || cents.Alignment() != 8 || cents.Name() != "test_cents" || cents.Num() != dtype.NumUser {
		t.Errorf("properties: %v %d %d %q", cents.Kind(), cents.Size(), cents.Alignment(), cents.Name())
	}
	if got, ok := dtype.Lookup("test_cents"); !ok || got != cents {
		t.Errorf("Lookup failed")
	}
	var re *dtype.RegistrationError
	if _, err := dtype.Register(dtype.TypeSpec{Name: "test_cents", Size: 8}); !errors.As(err, &re) {
		t.Errorf("second registration: %v", err)
	}
	if _, err := dtype.Register(dtype.TypeSpec{Name: "float64", Size: 8}); !errors.As(err, &re) {
		t.Errorf("registering a built-in name: %v", err)
	}
	if _, err := dtype.Register(dtype.TypeSpec{Name: "odd", Size: 6, Alignment: 3}); !errors.As(err, &re) {
		t.Errorf("bad alignment accepted: %v", err)
	}
	toF := func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
		for i := range n {
			*(*float64)(unsafe.Add(dst, i*ds)) = float64(*(*int64)(unsafe.Add(src, i*ss))) / 100
		}
	}
	if err := dtype.RegisterCast(cents, dtype.Float64, dtype.Safe, toF); err != nil {
		t.Fatal(err)
	}
	if err := dtype.RegisterCast(dtype.Float64, dtype.Float32, dtype.Safe, toF); !errors.As(err, &re) {
		t.Errorf("registering a built-in cast: %v", err)
	}
	if !dtype.CanCast(cents, dtype.Float64, dtype.Safe) || dtype.CanCast(dtype.Float64, cents, dtype.Unsafe) {
		t.Errorf("CanCast does not follow the registered casts")
	}
	if !dtype.CanCast(cents, cents, dtype.No) {
		t.Errorf("a type must cast to itself")
	}
	loop, err := dtype.GetCast(cents, dtype.Float64)
	if err != nil {
		t.Fatal(err)
	}
	src := []int64{1250, -5}
	dst := make([]float64, 2)
	loop(unsafe.Pointer(&dst[0]), 8, unsafe.Pointer(&src[0]), 8, 2)
	if dst[0] != 12.5 || dst[1] != -0.05 {
		t.Errorf("cast = %v", dst)
	}
	var ce *dtype.CastError
	if _, err := dtype.GetCast(dtype.Float64, cents); !errors.As(err, &ce) {
		t.Errorf("an unregistered cast: %v", err)
	}
	if _, err := dtype.Promote(cents, dtype.Int8); err == nil {
		t.Errorf("promotion without registration succeeded")
	}
	if err := dtype.RegisterPromotion(cents, dtype.Int8, cents); err != nil {
		t.Fatal(err)
	}
	if r, err := dtype.ResultType(dtype.Int8, cents); err != nil || r != cents {
		t.Errorf("ResultType(int8, cents) = %v, %v", r, err)
	}
	if r, err := dtype.Promote(cents, cents); err != nil || r != cents {
		t.Errorf("Promote(cents, cents) = %v, %v", r, err)
	}
}
