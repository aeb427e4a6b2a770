package ufunc

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Helpers for the standard ufunc tests: expected values are NumPy 1.24's
// (recorded with /usr/bin/python3, hardcoded here).

var (
	negZero = math.Copysign(0, -1)
	nan     = math.NaN()
	inf     = math.Inf(1)
)

func arr[T dtype.Element](t testing.TB, v ...T) *ndarray.Array {
	t.Helper()
	a, err := ndarray.FromSlice(v)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// call runs u on the operands and returns the first output as []R,
// failing the test on error or on a result dtype other than R's.
func call[R dtype.Element](t testing.TB, u *Ufunc, ops ...any) []R {
	t.Helper()
	r, err := u.Call(ops...)
	if err != nil {
		t.Fatalf("%s: %v", u.Name(), err)
	}
	if want := dtype.Of[R](); r.DType() != want {
		t.Fatalf("%s: result dtype %v, want %v", u.Name(), r.DType(), want)
	}
	return ndarray.ToSlice[R](r)
}

// sameFloat compares bit for bit, any NaN matching any NaN.
func sameFloat(a, b float64) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

func checkFloats(t testing.TB, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d", name, len(got), len(want))
	}
	for i := range got {
		if !sameFloat(got[i], want[i]) {
			t.Errorf("%s[%d] = %v (%x), want %v (%x)", name, i, got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
}

func checkEqual[T comparable](t testing.TB, name string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d", name, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s[%d] = %v, want %v", name, i, got[i], want[i])
		}
	}
}

// checkFloatsULP allows tol ULPs (for power, where NumPy's C library and
// ours may round the last bit differently: the corpus allows 32).
func checkFloatsULP(t testing.TB, name string, got, want []float64, tol int64) {
	t.Helper()
	ord := func(x float64) int64 {
		b := math.Float64bits(x)
		m := int64(b &^ (1 << 63))
		if b>>63 != 0 {
			return -m
		}
		return m
	}
	for i := range got {
		if got[i] != got[i] || want[i] != want[i] {
			if !sameFloat(got[i], want[i]) {
				t.Errorf("%s[%d] = %v, want %v", name, i, got[i], want[i])
			}
			continue
		}
		if d := ord(got[i]) - ord(want[i]); d > tol || d < -tol {
			t.Errorf("%s[%d] = %v, want %v (%d ULPs apart)", name, i, got[i], want[i], d)
		}
	}
}
