package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/simd"
)

// ssLeaf is the length below which squaredDeviations squares a stretch
// into its buffer and sums it with the simd pairwise sum.
const ssLeaf = 2048

// squaredDeviations returns the sum of (x[i] - m)² with every difference
// and square rounded to T, summed in NumPy's pairwise order: the order
// np.sum((x - m) * (x - m)) uses on the whole array, without the
// temporary array. Stretches longer than ssLeaf split where NumPy's
// pairwise summation splits (half, rounded down to a multiple of 8), so
// each leaf is a node of NumPy's own summation tree.
func squaredDeviations[T float32 | float64](x []T, m T, buf *[ssLeaf]T, sum func([]T) T) T {
	if len(x) <= ssLeaf {
		t := buf[:len(x)]
		for i, v := range x {
			d := v - m
			t[i] = d * d
		}
		return sum(t)
	}
	h := len(x) / 2
	h -= h % 8
	return squaredDeviations(x[:h], m, buf, sum) + squaredDeviations(x[h:], m, buf, sum)
}

// varianceFlat is variance for the commonest call: every axis of a
// non-empty C-contiguous float64 or float32 array, without where= or a
// different dtype=. It reads the array twice (for the mean, then for the
// squared deviations) and makes no temporary the size of the input.
// ok=false leaves the call to the general path.
func varianceFlat(a *ndarray.Array, cfg *config) (v *ndarray.Array, ok bool, err error) {
	dt := a.DType()
	if cfg.where != nil || !a.IsCContiguous() || a.Size() == 0 ||
		(dt != dtype.Float64 && dt != dtype.Float32) || (cfg.dtype.IsValid() && cfg.dtype != dt) {
		return nil, false, nil
	}
	flags, _, err := reducedAxes(a.NDim(), cfg)
	if err != nil {
		return nil, true, err
	}
	for i := range a.NDim() {
		if !flags[i] {
			return nil, false, nil
		}
	}
	c := *cfg
	c.setOutputs(nil)
	c.dtype, c.keepDims, c.initial = dt, false, nil
	mean, err := reduceStdCfg(Add, a, &c)
	if err != nil {
		return nil, true, err
	}
	n := a.Size()
	count := ndarray.Scalar(float64(n))
	if err := divideBy(mean, count); err != nil {
		return nil, true, err
	}
	p := unsafe.Pointer(unsafe.SliceData(a.Buffer()[a.Offset():]))
	if dt == dtype.Float64 {
		m := ndarray.ToSlice[float64](mean)[0]
		var buf [ssLeaf]float64
		v = ndarray.Scalar(squaredDeviations(unsafe.Slice((*float64)(p), n), m, &buf, simd.SumFloat64))
	} else {
		m := ndarray.ToSlice[float32](mean)[0]
		var buf [ssLeaf]float32
		v = ndarray.Scalar(squaredDeviations(unsafe.Slice((*float32)(p), n), m, &buf, simd.SumFloat32))
	}
	if err := divideBy(v, ndarray.Scalar(float64(max(n-cfg.ddof, 0)))); err != nil {
		return nil, true, err
	}
	if cfg.keepDims {
		ones := make([]int, a.NDim())
		for i := range ones {
			ones[i] = 1
		}
		if v, err = v.Reshape(ones...); err != nil {
			return nil, true, err
		}
	}
	return v, true, nil
}
