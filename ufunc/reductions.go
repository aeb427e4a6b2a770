package ufunc

import (
	"fmt"
	"math"
	"math/cmplx"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

// The reduction functions follow NumPy's functions of the same names:
// without Axis they reduce every axis (np.sum's axis=None), unlike
// Ufunc.Reduce whose default is axis 0.

// reduceStd reduces a with the standard ufunc u over every axis by
// default.
func reduceStd(u *Ufunc, a *ndarray.Array, opts []Option) (*ndarray.Array, error) {
	cfg := newConfig(opts)
	if a != nil && a.DType().IsOption() {
		return reduceOption(u, a, &cfg, nil)
	}
	return u.reduce(a, &cfg)
}

// Sum returns the sum of a's elements over the axes given by Axis (all of
// them by default), NumPy's np.sum. Bool and integers narrower than 64
// bits are summed in int64 (unsigned ones in uint64) unless DType says
// otherwise; floats use pairwise summation. A float64 sum along a run
// adds it as NumPy 1.24 does, so it has NumPy's bits: the pairwise sums
// of pieces of 8192 elements, one piece after the other. A float32 sum
// adds those pieces' sums pairwise too, which keeps its error that of one
// pairwise sum where NumPy's grows with the number of pieces. Options:
// Axis, KeepDims, DType, Out, Where, Initial.
func Sum(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(Add, a, opts)
}

// Prod returns the product of a's elements over the axes given by Axis
// (all of them by default), NumPy's np.prod, with Sum's dtype rules and
// options.
func Prod(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(Multiply, a, opts)
}

// Min returns the minimum of a's elements over the axes given by Axis
// (all of them by default), NumPy's np.amin: NaN propagates. Reducing
// zero elements is an *EmptyReductionError unless Initial is given.
// Options: Axis, KeepDims, Out, Where (with Initial), Initial.
func Min(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(Minimum, a, opts)
}

// Max returns the maximum of a's elements, NumPy's np.amax; see Min.
func Max(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(Maximum, a, opts)
}

// NanMin is Min ignoring NaNs (np.nanmin): a slice of NaNs only gives NaN.
func NanMin(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(Fmin, a, opts)
}

// NanMax is Max ignoring NaNs (np.nanmax): a slice of NaNs only gives NaN.
func NanMax(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(Fmax, a, opts)
}

// Any reports whether any element over the axes given by Axis (all of
// them by default) is nonzero (NaN counts as nonzero), NumPy's np.any.
// The result is bool. Options: Axis, KeepDims, Out, Where.
func Any(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(LogicalOr, a, append(opts[:len(opts):len(opts)], DType(dtype.Bool)))
}

// All reports whether every element over the axes given by Axis (all of
// them by default) is nonzero, NumPy's np.all; see Any.
func All(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return reduceStd(LogicalAnd, a, append(opts[:len(opts):len(opts)], DType(dtype.Bool)))
}

// accumulateStd runs the named ufunc's Accumulate as np.cumsum does:
// without Axis over the flattened array (C order).
func accumulateStd(u *Ufunc, a *ndarray.Array, opts []Option) (*ndarray.Array, error) {
	if a == nil {
		return nil, &ArgError{Ufunc: u.name, Msg: "accumulate of a nil array"}
	}
	cfg := newConfig(opts)
	if !cfg.axisSet || a.NDim() == 0 {
		if cfg.axisSet {
			// a 0-d array counts as 1-d here, as in NumPy
			if len(cfg.axisList()) != 1 {
				return nil, &ndarray.AxisError{Axis: len(cfg.axisList()), NDim: 1, Msg: "accumulate needs exactly one axis"}
			}
			if _, err := ndarray.NormalizeAxis(cfg.axisList()[0], 1); err != nil {
				return nil, err
			}
		}
		a = a.Ravel()
		opts = append(opts[:len(opts):len(opts)], Axis(0))
	}
	return u.Accumulate(a, opts...)
}

// CumSum returns the cumulative sum along Axis (over the flattened array
// without it), NumPy's np.cumsum, with Sum's dtype rules. Options: Axis,
// DType, Out.
func CumSum(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return accumulateStd(Add, a, opts)
}

// CumProd returns the cumulative product along Axis (over the flattened
// array without it), NumPy's np.cumprod; see CumSum.
func CumProd(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return accumulateStd(Multiply, a, opts)
}

// ArgMax returns the indices of the maximum values along Axis, NumPy's
// np.argmax: without Axis, the index into the flattened (C order) array.
// The first of equal maxima wins, and NaN is the maximum (the first NaN's
// index). The result is int64. An empty axis is an *EmptyReductionError.
// Options: Axis (one axis), KeepDims.
func ArgMax(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return argReduce(a, opts, true)
}

// ArgMin returns the indices of the minimum values along Axis, NumPy's
// np.argmin; see ArgMax.
func ArgMin(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	return argReduce(a, opts, false)
}

func argReduce(a *ndarray.Array, opts []Option, isMax bool) (*ndarray.Array, error) {
	name := "argmin"
	if isMax {
		name = "argmax"
	}
	if a == nil {
		return nil, &ArgError{Ufunc: name, Msg: "nil array"}
	}
	cfg := newConfig(opts)
	nd := a.NDim()
	if cfg.axisSet && len(cfg.axisList()) != 1 {
		return nil, &ndarray.AxisError{Axis: len(cfg.axisList()), NDim: nd, Msg: name + " needs a single axis"}
	}
	if nd == 0 {
		// a 0-d array counts as a 1-d array of one element
		if cfg.axisSet {
			if _, err := ndarray.NormalizeAxis(cfg.axisList()[0], 1); err != nil {
				return nil, err
			}
		}
		return ndarray.Scalar(int64(0)), nil
	}
	if !a.DType().IsNative() {
		var err error
		if a, err = a.AsType(a.DType().Native(), dtype.Unsafe); err != nil {
			return nil, err
		}
	}
	find := argFinder(a.DType(), isMax)
	if find == nil {
		return nil, &LoopError{Ufunc: name, Types: []dtype.DType{a.DType()}}
	}
	src, axis := a, 0
	if cfg.axisSet {
		var err error
		if axis, err = ndarray.NormalizeAxis(cfg.axisList()[0], nd); err != nil {
			return nil, err
		}
	} else {
		src = a.Ravel()
	}
	n := src.Shape()[axis]
	if n == 0 {
		return nil, &EmptyReductionError{Op: name}
	}
	// the result's shape: src's without the axis
	var shape []int
	for i, d := range src.Shape() {
		if i != axis {
			shape = append(shape, d)
		}
	}
	res, err := ndarray.Zeros(dtype.Int64, shape...)
	if err != nil {
		return nil, err
	}
	if res.Size() > 0 {
		out := ndarray.ToSlice[int64](res) // a copy; written back below
		step := src.Strides()[axis]
		base := basePtr(src)
		var idx [MaxDims]int
		var ostr [MaxDims]int
		k := 0
		for i := range src.NDim() {
			if i != axis {
				ostr[k] = src.Strides()[i]
				k++
			}
		}
		for j := range out {
			off := 0
			for d := range k {
				off += idx[d] * ostr[d]
			}
			out[j] = int64(find(unsafe.Add(base, off), step, n))
			for d := k - 1; d >= 0; d-- {
				idx[d]++
				if idx[d] < shape[d] {
					break
				}
				idx[d] = 0
			}
		}
		if res, err = fromSlice(out, shape); err != nil {
			return nil, err
		}
	}
	if cfg.keepDims {
		ks := make([]int, nd)
		for i := range ks {
			ks[i] = 1
			if cfg.axisSet && i != axis {
				ks[i] = a.Shape()[i]
			}
		}
		return res.Reshape(ks...)
	}
	return res, nil
}

// argFinder returns the function finding the index of the extreme value
// among n elements from p with byte stride step.
func argFinder(d dtype.DType, isMax bool) func(p unsafe.Pointer, step, n int) int {
	if d.IsTime() {
		return argTicks(isMax) // NaT is the extreme, like NaN
	}
	switch d.Num() {
	case dtype.NumBool:
		return argOrdered(func(b bool) uint8 {
			if b {
				return 1
			}
			return 0
		}, isMax)
	case dtype.NumInt8:
		return argInt[int8](isMax)
	case dtype.NumUint8:
		return argInt[uint8](isMax)
	case dtype.NumInt16:
		return argInt[int16](isMax)
	case dtype.NumUint16:
		return argInt[uint16](isMax)
	case dtype.NumInt32:
		return argInt[int32](isMax)
	case dtype.NumUint32:
		return argInt[uint32](isMax)
	case dtype.NumInt64:
		return argInt[int64](isMax)
	case dtype.NumUint64:
		return argInt[uint64](isMax)
	case dtype.NumFloat16:
		return argOrdered(func(v float16.Float16) float32 { return v.Float32() }, isMax)
	case dtype.NumFloat32:
		return argFloat[float32](isMax, argOrdered(func(v float32) float32 { return v }, isMax))
	case dtype.NumFloat64:
		return argFloat[float64](isMax, argOrdered(func(v float64) float64 { return v }, isMax))
	case dtype.NumComplex64:
		return argComplex(func(v complex64) complex128 { return complex128(v) }, isMax)
	case dtype.NumComplex128:
		return argComplex(func(v complex128) complex128 { return v }, isMax)
	}
	return nil
}

type ordered interface {
	~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64 | ~uint64 | ~float32 | ~float64
}

// argOrdered finds the first extreme value; for floats the first NaN is
// the extreme (x != x only holds for NaN).
func argOrdered[T any, K ordered](key func(T) K, isMax bool) func(p unsafe.Pointer, step, n int) int {
	return func(p unsafe.Pointer, step, n int) int {
		best := key(*(*T)(p))
		if best != best {
			return 0
		}
		bi := 0
		for i := 1; i < n; i++ {
			x := key(*(*T)(unsafe.Add(p, i*step)))
			if x != x {
				return i
			}
			if (isMax && x > best) || (!isMax && x < best) {
				best, bi = x, i
			}
		}
		return bi
	}
}

// argComplex orders complex numbers lexicographically (real part, then
// imaginary part), a NaN in either part being the extreme, as NumPy.
func argComplex[T any](conv func(T) complex128, isMax bool) func(p unsafe.Pointer, step, n int) int {
	isNaN := func(c complex128) bool { return math.IsNaN(real(c)) || math.IsNaN(imag(c)) }
	return func(p unsafe.Pointer, step, n int) int {
		best := conv(*(*T)(p))
		if isNaN(best) {
			return 0
		}
		bi := 0
		for i := 1; i < n; i++ {
			x := conv(*(*T)(unsafe.Add(p, i*step)))
			if isNaN(x) {
				return i
			}
			var better bool
			if isMax {
				better = real(x) > real(best) || (real(x) == real(best) && imag(x) > imag(best))
			} else {
				better = real(x) < real(best) || (real(x) == real(best) && imag(x) < imag(best))
			}
			if better {
				best, bi = x, i
			}
		}
		return bi
	}
}

// statTypes returns the dtype Mean, Var and Std compute in and the dtype
// of their result (before the real part is taken for Var and Std).
func statTypes(in, forced dtype.DType) (calc, result dtype.DType) {
	if forced.IsValid() {
		return forced, forced
	}
	switch in.Kind() {
	case dtype.KindBool, dtype.KindInt, dtype.KindUint:
		return dtype.Float64, dtype.Float64
	}
	if in.Num() == dtype.NumFloat16 {
		return dtype.Float32, dtype.Float16
	}
	return in.Native(), in.Native()
}

// statAxes checks the axes of Mean, Var and Std: unlike the other
// reductions they reject any axis of a 0-d array, as NumPy 1.24.
func statAxes(a *ndarray.Array, cfg *config) error {
	if a == nil {
		return &ArgError{Ufunc: "mean", Msg: "nil array"}
	}
	if a.NDim() == 0 && cfg.axisSet && len(cfg.axisList()) > 0 {
		return &ndarray.AxisError{Axis: cfg.axisList()[0], NDim: 0}
	}
	return nil
}

// counts returns the number of elements combined into each element of a
// reduction's result (a 0-d array when every result element has the
// same count), as a float64 array broadcastable to the result.
func counts(a *ndarray.Array, cfg *config) (*ndarray.Array, error) {
	if cfg.where == nil {
		flags, _, err := reducedAxes(a.NDim(), cfg)
		if err != nil {
			return nil, err
		}
		n := 1
		for i, d := range a.Shape() {
			if flags[i] {
				n *= d
			}
		}
		return ndarray.Scalar(float64(n)), nil
	}
	c := *cfg
	c.setOutputs(nil)
	c.initial, c.dtype = nil, dtype.Float64
	m, err := cfg.where.BroadcastTo(a.Shape()...)
	if err != nil {
		return nil, err
	}
	c.where = nil
	return reduceStdCfg(Add, m, &c)
}

func reduceStdCfg(u *Ufunc, a *ndarray.Array, cfg *config) (*ndarray.Array, error) {
	return u.reduce(a, cfg)
}

// Mean returns the arithmetic mean over the axes given by Axis (all of
// them by default), NumPy's np.mean: the sum divided by the number of
// elements. Integers and bool give float64; float16 is summed in float32
// and the mean rounded to float16. Options: Axis, KeepDims, DType (the
// accumulator and result dtype), Out, Where. The mean of zero elements
// is NaN.
func Mean(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	cfg := newConfig(opts)
	if a != nil && a.DType().IsOption() {
		return reduceOption(Add, a, &cfg, meanCfg)
	}
	if err := statAxes(a, &cfg); err != nil {
		return nil, err
	}
	calc, result := statTypes(a.DType(), cfg.dtype)
	out := cfg.outputs()
	c := cfg
	c.setOutputs(nil)
	c.dtype = calc
	sum, err := reduceStdCfg(Add, a, &c)
	if err != nil {
		return nil, err
	}
	n, err := counts(a, &cfg)
	if err != nil {
		return nil, err
	}
	if err := divideBy(sum, n); err != nil {
		return nil, err
	}
	return statResult(sum, result, out)
}

// statResult casts r to the result dtype and into Out when given.
func statResult(r *ndarray.Array, result dtype.DType, out []*ndarray.Array) (*ndarray.Array, error) {
	var err error
	if r.DType() != result {
		if r, err = r.AsType(result, dtype.Unsafe); err != nil {
			return nil, err
		}
	}
	if len(out) > 0 && out[0] != nil {
		if !equalShape(out[0].Shape(), r.Shape()) {
			return nil, &ndarray.ShapeError{Op: "mean", Msg: fmt.Sprintf("output has shape %s, expected %s",
				ndarray.FormatShape(out[0].Shape()), ndarray.FormatShape(r.Shape()))}
		}
		if err := out[0].CopyFrom(r, dtype.Unsafe); err != nil {
			return nil, err
		}
		return out[0], nil
	}
	return r, nil
}

// divideBy divides the elements of r (a new C-contiguous array) by n,
// broadcast to r's shape, as NumPy's true_divide with an integer count
// does: complex numbers are scaled by 1/n, integers divided in float64
// and truncated.
func divideBy(r, n *ndarray.Array) error {
	nb, err := n.BroadcastTo(r.Shape()...)
	if err != nil {
		return err
	}
	cnt := ndarray.ToSlice[float64](nb)
	if r.DType().Kind() == dtype.KindTimedelta {
		return divideTicks(r, cnt) // truncating, NaT kept
	}
	buf := r.Buffer()[r.Offset():]
	size := r.Size()
	switch r.DType().Num() {
	case dtype.NumFloat32:
		s := unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(buf))), size)
		for i := range s {
			s[i] /= float32(cnt[i])
		}
	case dtype.NumFloat64:
		s := unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(buf))), size)
		for i := range s {
			s[i] /= cnt[i]
		}
	case dtype.NumComplex64:
		s := unsafe.Slice((*complex64)(unsafe.Pointer(unsafe.SliceData(buf))), size)
		for i := range s {
			s[i] = scaleComplex64(s[i], float32(cnt[i]))
		}
	case dtype.NumComplex128:
		s := unsafe.Slice((*complex128)(unsafe.Pointer(unsafe.SliceData(buf))), size)
		for i := range s {
			s[i] = scaleComplex128(s[i], cnt[i])
		}
	default:
		f, err := r.AsType(dtype.Float64, dtype.Unsafe)
		if err != nil {
			return err
		}
		fs := ndarray.ToSlice[float64](f)
		for i := range fs {
			fs[i] /= cnt[i]
		}
		g, err := fromSlice(fs, r.Shape())
		if err != nil {
			return err
		}
		return r.CopyFrom(g, dtype.Unsafe)
	}
	return nil
}

// scaleComplex128 is NumPy's complex division by n + 0i (Smith's
// method with a zero imaginary part).
func scaleComplex128(c complex128, n float64) complex128 {
	const rat = 0.0
	scl := 1.0 / n
	return complex((real(c)+imag(c)*rat)*scl, (imag(c)-real(c)*rat)*scl)
}

func scaleComplex64(c complex64, n float32) complex64 {
	var rat float32
	scl := 1 / n
	return complex((real(c)+imag(c)*rat)*scl, (imag(c)-real(c)*rat)*scl)
}

// Var returns the variance over the axes given by Axis (all of them by
// default), NumPy's np.var: the mean of |x - mean(x)|², divided by
// N - DDof instead of N when DDof is given (N - ddof ≤ 0 gives inf or
// NaN). Integers give float64, float16 gives float16 (computed in
// float32), complex numbers give their real type. Options: Axis,
// KeepDims, DDof, DType, Out, Where; for an option array, SkipMissing.
func Var(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	cfg := newConfig(opts)
	if a != nil && a.DType().IsOption() {
		return reduceOption(Add, a, &cfg, varCfg)
	}
	if err := statAxes(a, &cfg); err != nil {
		return nil, err
	}
	v, result, err := variance(a, &cfg)
	if err != nil {
		return nil, err
	}
	return statResult(v, result, cfg.outputs())
}

// Std returns the standard deviation, the square root of Var (NumPy's
// np.std), with Var's options and dtypes.
func Std(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	cfg := newConfig(opts)
	if a != nil && a.DType().IsOption() {
		return reduceOption(Add, a, &cfg, stdCfg)
	}
	if err := statAxes(a, &cfg); err != nil {
		return nil, err
	}
	v, result, err := variance(a, &cfg)
	if err != nil {
		return nil, err
	}
	buf := v.Buffer()[v.Offset():]
	switch v.DType().Num() {
	case dtype.NumFloat32:
		s := unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(buf))), v.Size())
		for i := range s {
			s[i] = float32(math.Sqrt(float64(s[i])))
		}
	case dtype.NumFloat64:
		s := unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(buf))), v.Size())
		for i := range s {
			s[i] = math.Sqrt(s[i])
		}
	default:
		return nil, &LoopError{Ufunc: "sqrt", Types: []dtype.DType{v.DType()}}
	}
	return statResult(v, result, cfg.outputs())
}

// variance computes Var in the computation dtype (real), returning it
// with the dtype of the final result.
func variance(a *ndarray.Array, cfg *config) (*ndarray.Array, dtype.DType, error) {
	calc, result := statTypes(a.DType(), cfg.dtype)
	switch calc.Kind() {
	case dtype.KindFloat, dtype.KindComplex:
	default:
		calc = dtype.Float64
	}
	if calc.Num() == dtype.NumFloat16 {
		calc = dtype.Float32
	}
	real := calc
	switch calc.Num() {
	case dtype.NumComplex64:
		real = dtype.Float32
	case dtype.NumComplex128:
		real = dtype.Float64
	}
	if result.Kind() == dtype.KindComplex {
		result = real
	}
	if v, ok, err := varianceFlat(a, cfg); ok {
		return v, result, err
	}
	x, err := a.AsType(calc, dtype.Unsafe) // a C-ordered copy
	if err != nil {
		return nil, result, err
	}
	// the mean, kept with length-1 axes to broadcast against x
	c := *cfg
	c.setOutputs(nil)
	c.dtype, c.keepDims = calc, true
	mean, err := reduceStdCfg(Add, x, &c)
	if err != nil {
		return nil, result, err
	}
	cfgKeep := *cfg
	cfgKeep.keepDims = true
	n, err := counts(a, &cfgKeep)
	if err != nil {
		return nil, result, err
	}
	if err := divideBy(mean, n); err != nil {
		return nil, result, err
	}
	mb, err := mean.BroadcastTo(x.Shape()...)
	if err != nil {
		return nil, result, err
	}
	dev, err := ndarray.Zeros(real, x.Shape()...)
	if err != nil {
		return nil, result, err
	}
	if x.Size() > 0 {
		sqDeviations(dev, x, mb)
	}
	c = *cfg
	c.setOutputs(nil)
	c.dtype = real
	v, err := reduceStdCfg(Add, dev, &c)
	if err != nil {
		return nil, result, err
	}
	// divide by max(N - ddof, 0)
	n, err = counts(a, cfg)
	if err != nil {
		return nil, result, err
	}
	nf := ndarray.ToSlice[float64](n)
	for i := range nf {
		nf[i] = max(nf[i]-float64(cfg.ddof), 0)
	}
	if n, err = fromSlice(nf, n.Shape()); err != nil {
		return nil, result, err
	}
	if err := divideBy(v, n); err != nil {
		return nil, result, err
	}
	return v, result, nil
}

// sqDeviations sets dev[i] = |x[i] - m[i]|² for x C-contiguous and m
// broadcast to x's shape.
func sqDeviations(dev, x, m *ndarray.Array) {
	xs := x.Buffer()[x.Offset():]
	ds := dev.Buffer()[dev.Offset():]
	mbase := basePtr(m)
	shape, mstr := m.Shape(), m.Strides()
	nd := len(shape)
	var idx [MaxDims]int
	off := 0
	next := func() {
		for d := nd - 1; d >= 0; d-- {
			idx[d]++
			off += mstr[d]
			if idx[d] < shape[d] {
				return
			}
			off -= idx[d] * mstr[d]
			idx[d] = 0
		}
	}
	n := x.Size()
	switch x.DType().Num() {
	case dtype.NumFloat32:
		xv := unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(xs))), n)
		dv := unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(ds))), n)
		for i := range xv {
			d := xv[i] - *(*float32)(unsafe.Add(mbase, off))
			dv[i] = d * d
			next()
		}
	case dtype.NumFloat64:
		xv := unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(xs))), n)
		dv := unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(ds))), n)
		for i := range xv {
			d := xv[i] - *(*float64)(unsafe.Add(mbase, off))
			dv[i] = d * d
			next()
		}
	case dtype.NumComplex64:
		xv := unsafe.Slice((*complex64)(unsafe.Pointer(unsafe.SliceData(xs))), n)
		dv := unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(ds))), n)
		for i := range xv {
			d := xv[i] - *(*complex64)(unsafe.Add(mbase, off))
			re, im := real(d), imag(d)
			dv[i] = re*re + im*im
			next()
		}
	case dtype.NumComplex128:
		xv := unsafe.Slice((*complex128)(unsafe.Pointer(unsafe.SliceData(xs))), n)
		dv := unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(ds))), n)
		for i := range xv {
			d := xv[i] - *(*complex128)(unsafe.Add(mbase, off))
			re, im := real(d), imag(d)
			dv[i] = re*re + im*im
			next()
		}
	}
}

// notNaN returns a boolean array of a's shape, true where a's element is
// not NaN (nil when a's dtype has no NaN).
func notNaN(a *ndarray.Array) (*ndarray.Array, error) {
	switch a.DType().Kind() {
	case dtype.KindFloat:
		f, err := a.AsType(dtype.Float64, dtype.Unsafe)
		if err != nil {
			return nil, err
		}
		fs := ndarray.ToSlice[float64](f)
		m := make([]bool, len(fs))
		for i, v := range fs {
			m[i] = !math.IsNaN(v)
		}
		return fromSlice(m, a.Shape())
	case dtype.KindComplex:
		f, err := a.AsType(dtype.Complex128, dtype.Unsafe)
		if err != nil {
			return nil, err
		}
		fs := ndarray.ToSlice[complex128](f)
		m := make([]bool, len(fs))
		for i, v := range fs {
			m[i] = !cmplx.IsNaN(v)
		}
		return fromSlice(m, a.Shape())
	}
	return nil, nil
}

// withMask adds the not-NaN mask of a to the options, combined with a
// Where already given.
func withMask(a *ndarray.Array, opts []Option) ([]Option, error) {
	if a == nil {
		return opts, nil
	}
	m, err := notNaN(a)
	if err != nil || m == nil {
		return opts, err
	}
	cfg := newConfig(opts)
	if cfg.where != nil {
		if m, err = LogicalAnd.Call(m, cfg.where); err != nil {
			return nil, err
		}
	}
	return append(opts[:len(opts):len(opts)], Where(m)), nil
}

// NanSum is Sum treating NaNs as zero (np.nansum).
func NanSum(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	opts, err := withMask(a, opts)
	if err != nil {
		return nil, err
	}
	return Sum(a, opts...)
}

// NanMean is Mean ignoring NaNs (np.nanmean): a slice of NaNs only gives
// NaN.
func NanMean(a *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	opts, err := withMask(a, opts)
	if err != nil {
		return nil, err
	}
	return Mean(a, opts...)
}

// fromSlice is ndarray.FromSlice that also makes 0-d arrays (an empty
// shape).
func fromSlice[T dtype.Element](data []T, shape []int) (*ndarray.Array, error) {
	if len(shape) == 0 && len(data) == 1 {
		return ndarray.Scalar(data[0]), nil
	}
	return ndarray.FromSlice(data, shape...)
}
