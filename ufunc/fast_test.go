package ufunc

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The small-call fast path gives what the general path gives, allocates
// only the result, and steps aside for every call it does not cover.
func TestFastPath(t *testing.T) {
	x, _ := ndarray.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	y, _ := ndarray.FromSlice([]float64{0.5, -2, 8, 1e300}, 2, 2)
	for range 3 { // the first call resolves; later ones take the fast path
		got, err := Add.Call2(x, y)
		if err != nil {
			t.Fatal(err)
		}
		if v := ndarray.ToSlice[float64](got); !slices.Equal(v, []float64{1.5, 0, 11, 1e300}) || !slices.Equal(got.Shape(), []int{2, 2}) {
			t.Fatalf("add: %v %v", v, got.Shape())
		}
		lt, err := Less.Call(x, y)
		if err != nil {
			t.Fatal(err)
		}
		if lt.DType() != dtype.Bool || !slices.Equal(ndarray.ToSlice[bool](lt), []bool{false, false, true, true}) {
			t.Fatalf("less: %v %v", lt.DType(), ndarray.ToSlice[bool](lt))
		}
		neg, err := Negative.Call1(x)
		if err != nil {
			t.Fatal(err)
		}
		if v := ndarray.ToSlice[float64](neg); !slices.Equal(v, []float64{-1, -2, -3, -4}) {
			t.Fatalf("negative: %v", v)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = Add.Call2(x, y) }); n != 1 {
		t.Errorf("small add: %v allocations, want 1 (the result)", n)
	}

	// Calls the fast path leaves to the general one.
	i32, _ := ndarray.FromSlice([]int32{1, 2, 3, 4}, 2, 2)
	if got, err := Add.Call2(x, i32); err != nil || got.DType() != dtype.Float64 ||
		!slices.Equal(ndarray.ToSlice[float64](got), []float64{2, 4, 6, 8}) {
		t.Errorf("mixed dtypes: %v %v", got, err)
	}
	row, _ := ndarray.FromSlice([]float64{10, 20})
	if got, err := Add.Call2(x, row); err != nil || !slices.Equal(ndarray.ToSlice[float64](got), []float64{11, 22, 13, 24}) {
		t.Errorf("broadcast: %v %v", got, err)
	}
	xt := x.Transpose()
	if got, err := Add.Call2(xt, y); err != nil || !slices.Equal(ndarray.ToSlice[float64](got), []float64{1.5, 1, 10, 1e300}) {
		t.Errorf("transposed: %v %v", got, err)
	}
	bad, _ := ndarray.FromSlice([]float64{1, 2, 3})
	var be *ndarray.BroadcastError
	if _, err := Add.Call2(x, bad); !errors.As(err, &be) {
		t.Errorf("mismatched shapes: got %v, want a BroadcastError", err)
	}
	// power checks its operands (a negative integer exponent is an error)
	// before running, so it never takes the fast path.
	ib, _ := ndarray.FromSlice([]int64{2, 2})
	ie, _ := ndarray.FromSlice([]int64{1, -1})
	for range 2 {
		if _, err := Power.Call2(ib, ie); err == nil {
			t.Fatal("power with a negative integer exponent: no error")
		}
	}
}

func BenchmarkSmallCall(b *testing.B) {
	x, _ := ndarray.FromSlice([]float64{1, 2, 3, 4})
	b.Run("scalar", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = Multiply.Call2(x, 2.5)
		}
	})
	m, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3)
	r, _ := ndarray.FromSlice([]float64{1, 2, 3})
	b.Run("bcast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = Add.Call2(m, r)
		}
	})
	xi, _ := ndarray.FromSlice([]int64{5, 6, 7, 8})
	b.Run("mixed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = Add.Call2(x, xi)
		}
	})
	// The allocation of the result alone: what a call cannot go below.
	b.Run("alloc", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = ndarray.Empty(dtype.Float64, 4)
		}
	})
}

// A small array and a Go scalar take the fast path when the scalar's
// NEP 50 type is the array's dtype and the dtype holds its value; every
// result and every error equals the general path's (made to run by an
// all-true where=), with the scalar on either side, for values that fit,
// round, overflow or have another kind.
func TestFastScalar(t *testing.T) {
	must := mustOK(t)
	vals := []float64{1.5, -2, 0.25, 7, 100, -128, 3, 1e6}
	types := []dtype.DType{dtype.Float64, dtype.Float32, dtype.Int64, dtype.Int32, dtype.Int16, dtype.Int8,
		dtype.Uint64, dtype.Uint32, dtype.Uint16, dtype.Uint8, dtype.Float16, dtype.Complex128, dtype.Bool}
	scalars := []any{2.5, -1.0, 0.0, 1e300, math.Inf(-1), math.NaN(), 1e-320, 3, -7, 0, 127, 128, 255, 256, -129,
		65535, 65536, 1 << 31, -1 << 31, 1 << 53, 1<<53 + 1, -1 << 63, float32(2.5), int64(3), uint(4), true, "x"}
	ufuncs := []*Ufunc{Add, Subtract, Multiply, Divide, FloorDivide, Remainder, Maximum, Less, Equal, Arctan2, BitwiseAnd}
	for _, dt := range types {
		src := must(ndarray.FromSlice(vals))
		a := must(src.AsType(dt, dtype.Unsafe))
		all := must(ndarray.Full(dtype.Bool, true, len(vals)))
		for _, u := range ufuncs {
			for _, x := range scalars {
				for _, first := range []bool{false, true} {
					x1, x2 := any(a), x
					if first {
						x1, x2 = x, a
					}
					ref, refErr := u.Call2(x1, x2, Where(all))
					what := fmt.Sprintf("%s(%v, %v) on %v", u.Name(), x1, x2, dt)
					for range 3 { // later calls meet a warm resolution
						got, err := u.Call2(x1, x2)
						sameAsGeneral(t, what, got, err, ref, refErr)
					}
				}
			}
		}
	}
	x := must(ndarray.FromSlice([]float64{1, 2, 3, 4}))
	for range 2 {
		_, _ = Multiply.Call2(x, 2.5)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = Multiply.Call2(x, 2.5) }); n != 1 {
		t.Errorf("array times scalar: %v allocations, want 1 (the result)", n)
	}
}

// sameAsGeneral fails the test unless a call's result and error (got,
// err) are the general path's (ref, refErr): both errors with the same
// message, or results of one dtype, shape, strides and bytes.
func sameAsGeneral(t *testing.T, what string, got *ndarray.Array, err error, ref *ndarray.Array, refErr error) {
	t.Helper()
	switch {
	case (err != nil) != (refErr != nil):
		t.Fatalf("%s: error %v, general path's %v", what, err, refErr)
	case err != nil:
		if err.Error() != refErr.Error() {
			t.Fatalf("%s: error %q, general path's %q", what, err, refErr)
		}
	case got.DType() != ref.DType() || !slices.Equal(got.Shape(), ref.Shape()) ||
		!slices.Equal(got.Strides(), ref.Strides()) || !bytes.Equal(got.Buffer(), ref.Buffer()):
		t.Fatalf("%s: %v %v %v, general path's %v %v %v", what, got.DType(), got.Shape(), got, ref.DType(), ref.Shape(), ref)
	}
}

// Two small arrays of different numeric dtypes take the fast path, the
// inputs cast whole to the loop's types; results and errors equal the
// general path's (all-true where=) for every pair of eleven dtypes under
// eleven ufuncs, in three shapes.
func TestFastMixed(t *testing.T) {
	types := []dtype.DType{dtype.Bool, dtype.Int8, dtype.Uint8, dtype.Int16, dtype.Int32, dtype.Int64, dtype.Uint64,
		dtype.Float16, dtype.Float32, dtype.Float64, dtype.Complex128}
	ufuncs := []*Ufunc{Add, Subtract, Multiply, Divide, FloorDivide, Less, Maximum, Arctan2, BitwiseAnd, LeftShift, Power}
	special := []float64{3, -2, 0.5, 127, -1, 300, 1e10, 7.25, 0, -129}
	for _, sh := range [][]int{{4}, {2, 3}, {4096}} {
		all := mustOK(t)(ndarray.Full(dtype.Bool, true, sh...))
		for _, t1 := range types {
			for _, t2 := range types {
				x := filled(t, t1, sh, func(i, _ int) float64 { return special[i%len(special)] })
				y := filled(t, t2, sh, func(i, _ int) float64 { return special[(i*3+1)%len(special)] })
				for _, u := range ufuncs {
					what := fmt.Sprintf("%s(%v, %v)%v", u.Name(), t1, t2, sh)
					ref, refErr := u.Call2(x, y, Where(all))
					for range 3 { // later calls meet a warm resolution
						got, err := u.Call2(x, y)
						sameAsGeneral(t, what, got, err, ref, refErr)
					}
				}
			}
		}
	}
	x := mustOK(t)(ndarray.FromSlice([]float64{1, 2, 3, 4}))
	y := mustOK(t)(ndarray.FromSlice([]int64{1, 2, 3, 4}))
	for range 2 {
		_, _ = Add.Call2(x, y)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = Add.Call2(x, y) }); n != 1 {
		t.Errorf("float64 + int64: %v allocations, want 1 (the result)", n)
	}
}

// filled returns an array of dtype dt and the given shape whose element
// i (in C order, of n) is f(i, n) converted to dt (unsafe casting).
func filled(t *testing.T, dt dtype.DType, shape []int, f func(i, n int) float64) *ndarray.Array {
	t.Helper()
	n := 1
	for _, d := range shape {
		n *= d
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = f(i, n)
	}
	must := mustOK(t)
	return must(must(ndarray.FromSlice(vals, shape...)).AsType(dt, dtype.Unsafe))
}

// Two small arrays of different shapes take the fast path when they
// broadcast; results and errors equal the general path's (made to run
// by an all-true where=) for every pair of shapes below, either way
// round, several ufuncs and dtypes, including pairs that do not
// broadcast, 0-d operands and results over fastBroadcastRows rows.
func TestFastBroadcast(t *testing.T) {
	must := mustOK(t)
	shapes := [][]int{{}, {1}, {3}, {4}, {1, 3}, {3, 1}, {2, 3}, {3, 3}, {4, 3}, {2, 1, 3}, {2, 4, 1}, {1, 4, 3},
		{2, 2, 4, 3}, {2, 1, 1, 1}, {1, 1, 1, 1, 3}, {70, 1}, {70, 3}, {4096}, {2, 4096}}
	ufuncs := []*Ufunc{Add, Subtract, Divide, Less, Maximum}
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Int32, dtype.Uint8} {
		arrays := make([]*ndarray.Array, len(shapes))
		for i, sh := range shapes {
			arrays[i] = filled(t, dt, sh, func(j, _ int) float64 { return float64((j*7+i*3)%11) + 1 })
		}
		for _, u := range ufuncs {
			for i, x := range arrays {
				for j, y := range arrays {
					what := fmt.Sprintf("%s(%v, %v) on %v", u.Name(), shapes[i], shapes[j], dt)
					bshape, err := ndarray.BroadcastShapes(x.Shape(), y.Shape())
					var ref *ndarray.Array
					var refErr error
					if err == nil {
						all := must(ndarray.Full(dtype.Bool, true, bshape...))
						ref, refErr = u.Call2(x, y, Where(all))
					} else {
						ref, refErr = u.Call2(x, y, Casting(dtype.SameKind))
					}
					for range 3 { // later calls meet a warm resolution
						got, err := u.Call2(x, y)
						sameAsGeneral(t, what, got, err, ref, refErr)
					}
				}
			}
		}
	}
	x := must(ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3))
	row := must(ndarray.FromSlice([]float64{1, 2, 3}))
	for range 2 {
		_, _ = Add.Call2(x, row)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = Add.Call2(x, row) }); n != 1 {
		t.Errorf("(3, 3) + (3,): %v allocations, want 1 (the result)", n)
	}
}

// Calls with out= on contiguous operands run their loop directly; the
// results are the general path's, including in-place and overlapping
// outputs, and every case the direct path does not cover still works.
func TestDirectOut(t *testing.T) {
	x, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5})
	y, _ := ndarray.FromSlice([]float64{10, 20, 30, 40, 50})
	c, _ := ndarray.Zeros(dtype.Float64, 5)
	for range 2 {
		got, err := Add.Call2(x, y, Out(c))
		if err != nil || got != c || !slices.Equal(ndarray.ToSlice[float64](c), []float64{11, 22, 33, 44, 55}) {
			t.Fatalf("out: %v %v", ndarray.ToSlice[float64](c), err)
		}
	}
	o := Out(c)
	if n := testing.AllocsPerRun(100, func() { _, _ = Multiply.Call(x, y, o) }); n != 0 {
		t.Errorf("multiply with out: %v allocations, want 0", n)
	}
	// Out(c) written in the call, as it usually is, allocates nothing
	// either
	if n := testing.AllocsPerRun(100, func() { _, _ = Multiply.Call2(x, y, Out(c)) }); n != 0 {
		t.Errorf("multiply with Out(c) in the call: %v allocations, want 0", n)
	}
	// and none through Call's operand list (an Option of one array is a
	// pointer, boxed without allocating)
	if n := testing.AllocsPerRun(100, func() { _, _ = Multiply.Call(x, y, Out(c)) }); n != 0 {
		t.Errorf("multiply.Call with Out(c): %v allocations, want 0", n)
	}
	// Out of several outputs keeps its own copy of the list
	must := mustOK(t)
	outs := []*ndarray.Array{must(ndarray.Zeros(dtype.Float64, 5)), must(ndarray.Zeros(dtype.Float64, 5))}
	two := Out(outs...)
	q, r := outs[0], outs[1]
	outs[0], outs[1] = nil, nil
	if got, err := Divmod.CallN(y, x, two); err != nil || got[0] != q || got[1] != r ||
		!slices.Equal(ndarray.ToSlice[float64](q), []float64{10, 10, 10, 10, 10}) {
		t.Errorf("divmod with Out of two: %v %v", got, err)
	}
	// in place: out is an input
	z := x.Copy()
	if _, err := Add.Call2(z, z, Out(z)); err != nil || !slices.Equal(ndarray.ToSlice[float64](z), []float64{2, 4, 6, 8, 10}) {
		t.Errorf("in place: %v %v", ndarray.ToSlice[float64](z), err)
	}
	// overlapping but shifted: as if the input had been copied first
	w := x.Copy()
	lo, _ := w.Index(":4")
	hi, _ := w.Index("1:")
	if _, err := Add.Call2(lo, lo, Out(hi)); err != nil || !slices.Equal(ndarray.ToSlice[float64](w), []float64{1, 2, 4, 6, 8}) {
		t.Errorf("overlap: %v %v", ndarray.ToSlice[float64](w), err)
	}
	// an output of another dtype is cast into
	ic, _ := ndarray.Zeros(dtype.Int32, 5)
	if _, err := Add.Call2(x, y, Out(ic), Casting(dtype.Unsafe)); err != nil || !slices.Equal(ndarray.ToSlice[int32](ic), []int32{11, 22, 33, 44, 55}) {
		t.Errorf("cast out: %v %v", ndarray.ToSlice[int32](ic), err)
	}
	var ce *dtype.CastError
	if _, err := Add.Call2(x, y, Out(ic)); !errors.As(err, &ce) {
		t.Errorf("same_kind float64 -> int32 out: %v, want a CastError", err)
	}
	// a read-only output is refused
	ro, _ := ndarray.Scalar(0.0).BroadcastTo(5)
	if _, err := Add.Call2(x, y, Out(ro)); err == nil {
		t.Error("a read-only (broadcast) output was written")
	}
	// Calls the out= fast path declines give the general path's results:
	// each is made three times, so that later ones find their
	// resolution as the most recent.
	neg, _ := ndarray.Zeros(dtype.Float64, 5)
	row, _ := ndarray.Zeros(dtype.Float64, 1, 5)
	mask, _ := ndarray.FromSlice([]bool{true, false, true, false, true})
	for range 3 {
		if _, err := Negative.Call(x, Out(neg)); err != nil || !slices.Equal(ndarray.ToSlice[float64](neg), []float64{-1, -2, -3, -4, -5}) {
			t.Fatalf("negative with out: %v %v", ndarray.ToSlice[float64](neg), err)
		}
		// an output of another shape that the inputs broadcast to
		if _, err := Add.Call2(x, y, Out(row)); err != nil || !slices.Equal(ndarray.ToSlice[float64](row), []float64{11, 22, 33, 44, 55}) {
			t.Fatalf("out of shape (1, 5): %v %v", ndarray.ToSlice[float64](row), err)
		}
		// out and where: only the masked elements are written
		c2, _ := ndarray.Zeros(dtype.Float64, 5)
		if _, err := Add.Call2(x, y, Out(c2), Where(mask)); err != nil || !slices.Equal(ndarray.ToSlice[float64](c2), []float64{11, 0, 33, 0, 55}) {
			t.Fatalf("out with where: %v %v", ndarray.ToSlice[float64](c2), err)
		}
		// an output of the wrong shape is an error
		short, _ := ndarray.Zeros(dtype.Float64, 4)
		if _, err := Add.Call(x, y, Out(short)); err == nil {
			t.Fatal("out of shape (4,) for inputs of shape (5,): no error")
		}
		// a non-option after the operands is an error
		if _, err := Negative.Call(x, x); err == nil {
			t.Fatal("negative of two operands: no error")
		}
	}
	// F order for a new 2-d output takes the general path
	m, _ := ndarray.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	f, err := Add.Call2(m, m, Order(ndarray.F))
	if err != nil || !f.IsFContiguous() || !slices.Equal(ndarray.ToSlice[float64](f), []float64{2, 4, 6, 8}) {
		t.Errorf("order F: %v %v", f, err)
	}
}

// Runs shorter than minSimdRun are computed by the Go loops, longer ones
// by simd kernels: each element must come out with the same bits either
// way, for special values too. Every prefix of a 48-element call is
// compared with the same elements of the full call.
func TestShortRunsMatchSimd(t *testing.T) {
	special := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 3, 1e308, -1e308, 5e-324, math.Inf(1), math.Inf(-1), math.NaN()}
	const n = 48
	x64, y64 := make([]float64, n), make([]float64, n)
	for i := range n {
		x64[i] = special[i%len(special)]
		y64[i] = special[(i*5+3)%len(special)]
	}
	x32, y32 := make([]float32, n), make([]float32, n)
	xi, yi := make([]int64, n), make([]int64, n)
	for i := range n {
		x32[i], y32[i] = float32(x64[i]), float32(y64[i])
		xi[i], yi[i] = int64(i*i*7919)-9000, int64(i*104729)^0x7ffffffffff
	}
	xi32, yi32 := make([]int32, n), make([]int32, n)
	for i := range n {
		xi32[i], yi32[i] = int32(xi[i]), int32(yi[i])
	}
	pairs := []opPair{
		newOpPair(t, "float64", x64, y64), newOpPair(t, "float32", x32, y32),
		newOpPair(t, "int64", xi, yi), newOpPair(t, "int32", xi32, yi32),
	}
	for _, u := range []*Ufunc{Add, Subtract, Multiply, Divide} {
		for _, p := range pairs {
			if u == Divide && p.name[0] == 'i' {
				continue // true division of ints is a float loop
			}
			full, err := u.Call2(p.x, p.y)
			if err != nil {
				t.Fatal(err)
			}
			want := full.Bytes()
			size := full.ItemSize()
			for m := 1; m < n; m++ {
				xs, _ := p.x.Index(":" + strconv.Itoa(m))
				ys, _ := p.y.Index(":" + strconv.Itoa(m))
				got, err := u.Call2(xs, ys)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want[:m*size]) {
					t.Errorf("%s %s: the first %d elements differ from the same elements of a %d-element call", u.Name(), p.name, m, n)
				}
			}
		}
	}
}

// opPair is two operands of one dtype for a binary ufunc.
type opPair struct {
	name string
	x, y *ndarray.Array
}

func newOpPair[T dtype.Element](t *testing.T, name string, x, y []T) opPair {
	t.Helper()
	xa, err1 := ndarray.FromSlice(x)
	ya, err2 := ndarray.FromSlice(y)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return opPair{name, xa, ya}
}

// Loop type lists are shared between ufuncs (add and subtract have the
// same (float64, float64, float64)); what Loops and ResolveTypes hand
// out are copies, so changing them changes no ufunc.
func TestSharedTypeListsStayPrivate(t *testing.T) {
	f := dtype.Float64
	in, out, err := Add.ResolveTypes(f, f)
	if err != nil {
		t.Fatal(err)
	}
	in[0], out[0] = dtype.Int8, dtype.Int8
	for _, l := range Add.Loops() {
		for i := range l.Types {
			l.Types[i] = dtype.Int8
		}
	}
	for _, u := range []*Ufunc{Add, Subtract, Multiply} {
		in, out, err := u.ResolveTypes(f, f)
		if err != nil || !slices.Equal(in, []dtype.DType{f, f}) || !slices.Equal(out, []dtype.DType{f}) {
			t.Errorf("%s: %v -> %v, %v", u.Name(), in, out, err)
		}
	}
	if got := Add.TypeSignatures(); !slices.Contains(got, "dd->d") {
		t.Errorf("add signatures lost dd->d: %v", got)
	}
}

// Reductions of every axis of a small C-contiguous array whose dtype is
// the accumulator's run their loop directly (fastReduce); the results
// equal, bit for bit, those of the general path (made to run by
// KeepDims) for sums, products, maxima, minima and other reductions over
// dtypes, shapes and values with NaNs of several payloads, signed zeros
// and infinities, and for dtypes that fastReduce leaves alone.
func TestFastReduce(t *testing.T) {
	must := mustOK(t)
	nan1, nan2 := math.Float64frombits(0x7ff8000000000001), math.Float64frombits(0xfff8000000000002)
	special := []float64{1.5, -2, 0.25, nan1, 7, math.Copysign(0, -1), 1e300, nan2, -3, math.Inf(1), 0.1, 3}
	types := []dtype.DType{dtype.Float64, dtype.Float32, dtype.Int64, dtype.Uint64, dtype.Int32, dtype.Int8,
		dtype.Bool, dtype.Complex128, dtype.Float16}
	shapes := [][]int{{}, {1}, {2}, {4}, {7}, {16}, {100}, {4096}, {4097}, {2, 3}, {3, 3}, {2, 2, 2}, {1, 5}}
	type red struct {
		name string
		f    func(*ndarray.Array, ...Option) (*ndarray.Array, error)
	}
	reds := []red{{"sum", Sum}, {"prod", Prod}, {"max", Max}, {"min", Min}, {"any", Any}, {"all", All},
		{"subtract.reduce", Subtract.Reduce}, {"fmax.reduce", Fmax.Reduce}, {"bitwise_and.reduce", BitwiseAnd.Reduce},
		{"logical_xor.reduce", LogicalXor.Reduce}}
	for _, dt := range types {
		for _, sh := range shapes {
			a := filled(t, dt, sh, func(i, n int) float64 {
				v := special[(i*5+n)%len(special)]
				if n > 12 && v != v && i%3 != 0 {
					v = float64(i%9) - 4 // NaNs only now and then in long arrays
				}
				return v
			})
			// element-wise calls of a's dtype leave add's and multiply's
			// most recent resolution at (dt, dt), which must not make a
			// sum of narrow integers accumulate in their own type
			for range 2 {
				_, _ = Add.Call2(a, a)
				_, _ = Multiply.Call2(a, a)
			}
			for _, r := range reds {
				what := fmt.Sprintf("%s of %v%v", r.name, dt, sh)
				ref, refErr := r.f(a, KeepDims())
				for range 2 {
					got, err := r.f(a)
					if (err != nil) != (refErr != nil) {
						t.Fatalf("%s: error %v, general path's %v", what, err, refErr)
					}
					if err != nil {
						continue
					}
					if got.DType() != ref.DType() || got.Size() != ref.Size() || !bytes.Equal(got.Buffer(), ref.Buffer()) {
						t.Fatalf("%s: %v %v, general path's %v %v", what, got.DType(), got, ref.DType(), ref)
					}
				}
			}
		}
	}
	x := must(ndarray.FromSlice([]float64{1, 2, 3, 4}))
	if n := testing.AllocsPerRun(100, func() { _, _ = Sum(x) }); n != 1 {
		t.Errorf("sum of 4 elements: %v allocations, want 1 (the result)", n)
	}
}
