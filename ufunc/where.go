package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

// selectUfunc is where(cond, x, y) as a three-input ufunc: loops (bool, T,
// T) -> T for every built-in T, x and y promoted together.
var selectUfunc = func() *Ufunc {
	u, err := New(Spec{Name: "where", NIn: 3, NOut: 1, Resolver: resolveWhere})
	if err != nil {
		panic(err)
	}
	reg := func(fn Loop, t dtype.DType) { u.MustRegister(fn, dtype.Bool, t, t, t) }
	reg(selectLoop[bool], dtype.Bool)
	reg(selectLoop[int8], dtype.Int8)
	reg(selectLoop[uint8], dtype.Uint8)
	reg(selectLoop[int16], dtype.Int16)
	reg(selectLoop[uint16], dtype.Uint16)
	reg(selectLoop[int32], dtype.Int32)
	reg(selectLoop[uint32], dtype.Uint32)
	reg(selectLoop[int64], dtype.Int64)
	reg(selectLoop[uint64], dtype.Uint64)
	reg(selectLoop[float16.Float16], dtype.Float16)
	reg(selectLoop[float32], dtype.Float32)
	reg(selectLoop[float64], dtype.Float64)
	reg(selectLoop[complex64], dtype.Complex64)
	reg(selectLoop[complex128], dtype.Complex128)
	return u
}()

func resolveWhere(u *Ufunc, in []dtype.DType, forced dtype.DType) ([]dtype.DType, []dtype.DType, error) {
	t, err := dtype.Promote(in[1], in[2])
	if err != nil {
		return nil, nil, err
	}
	if forced.IsValid() {
		t = forced
	}
	return []dtype.DType{dtype.Bool, t, t}, nil, nil
}

func selectLoop[T any](args []unsafe.Pointer, steps []int, n int) {
	for i := range n {
		v := (*T)(unsafe.Add(args[2], i*steps[2]))
		if *(*bool)(unsafe.Add(args[0], i*steps[0])) {
			v = (*T)(unsafe.Add(args[1], i*steps[1]))
		}
		*(*T)(unsafe.Add(args[3], i*steps[3])) = *v
	}
}

// Select returns an array taking elements from x where cond is true and
// from y elsewhere: NumPy's three-argument np.where(cond, x, y) (the name
// Where is the where= option of every ufunc). cond, x and y
// broadcast together, x and y are promoted to a common dtype, and cond is
// read by truth value (non-zero is true). x and y may be Go scalars.
// Options: Out, Order.
func Select(cond *ndarray.Array, x, y any, opts ...Option) (*ndarray.Array, error) {
	if cond.DType() != dtype.Bool {
		c, err := cond.AsType(dtype.Bool, dtype.Unsafe)
		if err != nil {
			return nil, err
		}
		cond = c
	}
	x, y, err := castSelectStrings(x, y)
	if err != nil {
		return nil, err
	}
	args := make([]any, 0, 3+len(opts))
	args = append(args, cond, x, y)
	for _, o := range opts {
		args = append(args, o)
	}
	return selectUfunc.Call(args...)
}
