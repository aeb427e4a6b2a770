package gonumconv_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/gonumconv"
	"github.com/pluribus-go/pluribus/ndarray"
	"gonum.org/v1/gonum/mat"
)

func grid(t *testing.T, r, c int) *ndarray.Array {
	t.Helper()
	v := make([]float64, r*c)
	for i := range v {
		v[i] = float64(i)
	}
	a, err := ndarray.FromSlice(v, r, c)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestToDense(t *testing.T) {
	view := func(expr string) func() *ndarray.Array {
		return func() *ndarray.Array {
			v, err := grid(t, 3, 4).Index(expr)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	tests := []struct {
		name   string
		in     func() *ndarray.Array
		shared bool
	}{
		{"C-contiguous", func() *ndarray.Array { return grid(t, 3, 4) }, true},
		{"column range", view(":, 1:3"), true},
		{"transposed", func() *ndarray.Array { return grid(t, 3, 4).T() }, false},
		{"reversed rows", view("::-1"), false},
		{"big-endian", func() *ndarray.Array {
			be, err := grid(t, 3, 4).AsType(dtype.Float64.WithByteOrder(dtype.BigEndian), dtype.Equiv)
			if err != nil {
				t.Fatal(err)
			}
			return be
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in()
			m, shared, err := gonumconv.ToDense(in)
			if err != nil {
				t.Fatal(err)
			}
			if shared != tt.shared {
				t.Errorf("shared = %v, want %v", shared, tt.shared)
			}
			r, c := m.Dims()
			if r != in.Shape()[0] || c != in.Shape()[1] {
				t.Fatalf("dims %d×%d, want %v", r, c, in.Shape())
			}
			for i := range r {
				for j := range c {
					if got, want := m.At(i, j), ndarray.At[float64](in, i, j); got != want {
						t.Fatalf("m[%d,%d] = %v, want %v", i, j, got, want)
					}
				}
			}
			// a shared matrix writes through to the array
			m.Set(0, 0, -7)
			if (ndarray.At[float64](in, 0, 0) == -7) != tt.shared {
				t.Errorf("write through: shared=%v but array element is %v", tt.shared, ndarray.At[float64](in, 0, 0))
			}
		})
	}
	i8, _ := ndarray.FromSlice([]int8{1, 2}, 1, 2)
	_, _, err := gonumconv.ToDense(i8)
	var ce *dtype.CastError
	if !errors.Is(err, gonumconv.ErrNotFloat64) || !errors.As(err, &ce) {
		t.Errorf("int8 array: error %v", err)
	}
	var se *ndarray.ShapeError
	if _, _, err := gonumconv.ToDense(grid(t, 1, 4).Ravel()); !errors.As(err, &se) {
		t.Errorf("1-d array: error %v", err)
	}
}

func TestFromDense(t *testing.T) {
	m := mat.NewDense(3, 4, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	a, err := gonumconv.FromDense(m)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Shape(), []int{3, 4}) || ndarray.At[float64](a, 2, 1) != 9 {
		t.Fatalf("FromDense = %v", a)
	}
	ndarray.Set(a, 99.0, 1, 2)
	if m.At(1, 2) != 99 {
		t.Errorf("FromDense does not share memory")
	}
	// a sub-matrix view keeps its stride
	sub := m.Slice(1, 3, 1, 3).(*mat.Dense)
	s, err := gonumconv.FromDense(sub)
	if err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[float64](s); !slices.Equal(got, []float64{5, 99, 9, 10}) {
		t.Errorf("sub-matrix = %v", got)
	}
}

func TestFloat64s(t *testing.T) {
	a := grid(t, 2, 3)
	s, shared, err := gonumconv.ToFloat64s(a)
	if err != nil || !shared || !slices.Equal(s, []float64{0, 1, 2, 3, 4, 5}) {
		t.Fatalf("ToFloat64s = %v %v %v", s, shared, err)
	}
	s[5] = 50
	if ndarray.At[float64](a, 1, 2) != 50 {
		t.Errorf("ToFloat64s does not share")
	}
	s, shared, _ = gonumconv.ToFloat64s(a.T())
	if shared || !slices.Equal(s, []float64{0, 3, 1, 4, 2, 50}) {
		t.Errorf("transposed ToFloat64s = %v (shared %v)", s, shared)
	}
	v := []float64{1.5, 2.5}
	b, err := gonumconv.FromFloat64s(v)
	if err != nil {
		t.Fatal(err)
	}
	ndarray.Set(b, 9.0, 0)
	if v[0] != 9 {
		t.Errorf("FromFloat64s does not share")
	}
	e, _ := gonumconv.FromFloat64s(nil)
	if e.Size() != 0 {
		t.Errorf("empty slice gives size %d", e.Size())
	}
}

func ExampleToDense() {
	a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	m, shared, _ := gonumconv.ToDense(a)
	var inv mat.Dense
	_ = inv.Inverse(m)
	b, _ := gonumconv.FromDense(&inv)
	fmt.Println(shared)
	fmt.Printf("%.1f\n", ndarray.ToSlice[float64](b))
	// Output:
	// true
	// [-2.0 1.0 1.5 -0.5]
}
