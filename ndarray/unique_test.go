package ndarray

import (
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func TestUnique(t *testing.T) {
	f := must(FromSlice([]float64{2, nan, 1, 2, math.Copysign(0, -1), 0, nan, 1}, 8))
	r := must(Unique(f, UniqueOptions{ReturnIndex: true, ReturnInverse: true, ReturnCounts: true}))
	// np.unique(f, return_index=True, return_inverse=True, return_counts=True), NumPy 1.24.
	vals := ToSlice[float64](r.Values)
	if !sameBits(vals, []float64{math.Copysign(0, -1), 1, 2, nan}) {
		t.Errorf("values %v", vals)
	}
	checks := []struct {
		name string
		a    *Array
		want []int64
	}{
		{"index", r.Index, []int64{4, 2, 0, 1}},
		{"inverse", r.Inverse, []int64{2, 3, 1, 2, 0, 0, 3, 1}},
		{"counts", r.Counts, []int64{2, 2, 2, 2}},
	}
	for _, c := range checks {
		if got := ToSlice[int64](c.a); !slices.Equal(got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
	}
	if len(r.List()) != 4 {
		t.Errorf("List has %d arrays", len(r.List()))
	}

	// Values only; nothing else is computed.
	r = must(Unique(must(FromSlice([]int8{3, -1, 3, 3}, 2, 2)), UniqueOptions{}))
	if got := ToSlice[int8](r.Values); !slices.Equal(got, []int8{-1, 3}) || r.Index != nil || r.Inverse != nil || r.Counts != nil {
		t.Errorf("int8 unique = %v", r)
	}

	// Complex: every value holding a NaN is one (np.unique in NumPy 1.24).
	c := must(FromSlice([]complex128{complex(nan, 1), complex(1, nan), complex(nan, nan), 1 + 2i, complex(nan, 0), complex(0, nan)}, 6))
	r = must(Unique(c, UniqueOptions{ReturnIndex: true, ReturnCounts: true}))
	cv := ToSlice[complex128](r.Values)
	if len(cv) != 2 || cv[0] != 1+2i || real(cv[1]) != 0 || !math.IsNaN(imag(cv[1])) {
		t.Errorf("complex values %v", cv)
	}
	if got := ToSlice[int64](r.Index); !slices.Equal(got, []int64{3, 5}) {
		t.Errorf("complex index %v", got)
	}
	if got := ToSlice[int64](r.Counts); !slices.Equal(got, []int64{1, 5}) {
		t.Errorf("complex counts %v", got)
	}

	// Empty.
	r = must(Unique(must(Zeros(dtype.Float64, 0)), UniqueOptions{ReturnInverse: true}))
	if r.Values.Size() != 0 || r.Inverse.Size() != 0 || r.Inverse.DType() != dtype.Int64 {
		t.Errorf("empty unique = %v", r)
	}

	// Long input: the radix path.
	n := 1000
	x := make([]int32, n)
	for i := range x {
		x[i] = int32((i * 37) % 11)
	}
	r = must(Unique(must(FromSlice(x, n)), UniqueOptions{ReturnIndex: true, ReturnCounts: true}))
	if got := ToSlice[int32](r.Values); !slices.Equal(got, []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
		t.Errorf("long unique = %v", got)
	}
	for g, i := range ToSlice[int64](r.Index) {
		if int(x[i]) != g || slices.Index(x, int32(g)) != int(i) {
			t.Errorf("long unique: index of %d is %d", g, i)
		}
	}
}

func TestUniqueAxis(t *testing.T) {
	m := must(FromSlice([]int16{1, 2, 1, 3, 4, 3, 1, 2, 1}, 3, 3))
	// np.unique(m, axis=1, return_index=True, return_inverse=True, return_counts=True)
	r := must(UniqueAxis(m, 1, UniqueOptions{ReturnIndex: true, ReturnInverse: true, ReturnCounts: true}))
	if !slices.Equal(r.Values.Shape(), []int{3, 2}) || !slices.Equal(ToSlice[int16](r.Values), []int16{1, 2, 3, 4, 1, 2}) {
		t.Errorf("values %v", r.Values)
	}
	for _, c := range []struct {
		a    *Array
		want []int64
	}{{r.Index, []int64{0, 1}}, {r.Inverse, []int64{0, 1, 0}}, {r.Counts, []int64{2, 1}}} {
		if got := ToSlice[int64](c.a); !slices.Equal(got, c.want) {
			t.Errorf("got %v, want %v", got, c.want)
		}
	}
	r = must(UniqueAxis(m, 0, UniqueOptions{ReturnInverse: true}))
	if !slices.Equal(ToSlice[int16](r.Values), []int16{1, 2, 1, 3, 4, 3}) || !slices.Equal(ToSlice[int64](r.Inverse), []int64{0, 1, 0}) {
		t.Errorf("axis 0: %v %v", r.Values, r.Inverse)
	}
	// Rows holding a NaN are never merged (NumPy compares them as records).
	f := must(FromSlice([]float64{nan, 1, nan, 1}, 2, 2))
	if r := must(UniqueAxis(f, 0, UniqueOptions{})); r.Values.Shape()[0] != 2 {
		t.Errorf("NaN rows merged: %v", r.Values)
	}
	if _, err := UniqueAxis(m, 2, UniqueOptions{}); err == nil {
		t.Errorf("axis 2 accepted")
	}
}
