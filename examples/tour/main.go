// Command tour is a first look at pluribus: it creates arrays, takes views,
// casts and prints, showing NumPy's output beside each step.
//
//	go run ./examples/tour
package main

import (
	"errors"
	"fmt"

	pl "github.com/pluribus-go/pluribus"
	"github.com/pluribus-go/pluribus/ndarray"
)

func main() {
	// Creation: from a Go slice with a shape, and NumPy's constructors.
	a := pl.Must(pl.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3))
	fmt.Printf("a =\n%v\n", a) // print(a)
	fmt.Printf("%#v\n", a)     // repr with dtype and shape

	r := pl.Must(pl.Arange(pl.Int32, 12))
	fmt.Println("arange(12, dtype=int32) =", r)
	fmt.Println("linspace(0, 1, 5) =", pl.Must(pl.Linspace(0, 1, 5)))
	fmt.Printf("eye(3) =\n%v\n", pl.Must(pl.Identity(pl.Float64, 3)))
	n := pl.Must(pl.FromNested([][]int64{{1, 2}, {3, 4}}))
	fmt.Printf("from nested slices:\n%v\n", n)

	// Views share memory with the array they come from.
	v := pl.Must(a.Index("1:, ::-1")) // a[1:, ::-1]
	fmt.Println("a[1:, ::-1] =", v)
	col := pl.Must(a.Slice(ndarray.All, ndarray.Int(1))) // a[:, 1]
	fmt.Println("a[:, 1] =", col)
	m := pl.Must(r.Reshape(3, -1)) // reshape(3, -1): a view
	fmt.Printf("reshape(3, -1) =\n%v\n", m)
	fmt.Printf("transpose =\n%v\n", m.T())
	e := pl.Must(a.ExpandDims(0))
	fmt.Println("expand_dims(a, 0).shape =", ndarray.FormatShape(e.Shape()))
	b := pl.Must(pl.BroadcastTo(pl.Must(pl.FromSlice([]int8{1, 2, 3})), 2, 3))
	fmt.Printf("broadcast_to([1 2 3], (2, 3)) =\n%v\n", b)

	// Writing through a view changes the original.
	ndarray.Set(v, 60.0, 0, 0)
	fmt.Printf("after v[0, 0] = 60, a =\n%v\n", a)

	// Casting follows NumPy's values and its casting rules.
	f := pl.Must(pl.FromSlice([]float64{1.7, -2.5, 300}))
	fmt.Println("astype(int8) =", pl.Must(f.AsType(pl.Int8, pl.Unsafe)))
	fmt.Println("astype(float16) =", pl.Must(f.AsType(pl.Float16, pl.Unsafe)))
	if _, err := f.AsType(pl.Int8, pl.SameKind); err != nil {
		var ce *pl.CastError
		fmt.Println("same_kind float64 -> int8:", errors.As(err, &ce), err)
	}
	rt := pl.Must(pl.ResultType(pl.Int8, pl.Uint8))
	fmt.Println("result_type(int8, uint8) =", rt)

	// Elements come out as plain Go values.
	x, _ := a.Item(1, 2)
	fmt.Printf("a[1, 2] = %v (%T)\n", x, x)
	for i, val := range ndarray.Values[float64](col) {
		fmt.Println("a[:, 1] element", i, "=", val)
	}

	// Ufuncs broadcast; Go scalars are weak operands; reductions follow
	// NumPy's axes and accumulator dtypes.
	row := pl.Must(pl.Arange(pl.Float32, 3))
	sum := pl.Must(pl.Add(a, row)) // (2, 3) + (3,): float64 result
	fmt.Printf("a + arange(3) =\n%v\n", sum)
	half := pl.Must(pl.Multiply(row, 0.5)) // stays float32
	fmt.Println("arange(3, float32) * 0.5 =", half, half.DType())
	pl.Must(pl.Sqrt(a, pl.Out(a), pl.Where(pl.Must(pl.Greater(a, 4))))) // in place where a > 4
	fmt.Printf("sqrt where a > 4 =\n%v\n", a)
	fmt.Println("sum(a, axis=0) =", pl.Must(pl.Sum(a, pl.Axis(0))))
	fmt.Println("mean, std =", pl.Must(pl.Mean(a)), pl.Must(pl.Std(a)))
	fmt.Println("argmax =", pl.Must(pl.ArgMax(a)))
	i8 := pl.Must(pl.FromSlice([]int8{100, 100, 100}))
	fmt.Println("sum of int8 [100 100 100] =", pl.Must(pl.Sum(i8)), "(int64 accumulator)")
	fmt.Println("where(r > 8, r, -1) =", pl.Must(pl.Select(pl.Must(pl.Greater(r, 8)), r, -1)))

	// Errors are typed.
	if _, err := a.Reshape(4, 2); err != nil {
		var se *pl.ShapeError
		fmt.Println("reshape(4, 2):", errors.As(err, &se), err)
	}
	if _, err := a.Index("0, 5"); err != nil {
		var ie *pl.IndexError
		fmt.Println("a[0, 5]:", errors.As(err, &ie), err)
	}
}
