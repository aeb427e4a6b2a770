package ufunc

import (
	"math"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// fuzzTypes are the dtypes the fuzz target draws from.
var fuzzTypes = []dtype.DType{dtype.Int8, dtype.Uint8, dtype.Int32, dtype.Int64, dtype.Uint64, dtype.Float32, dtype.Float64,
	dtype.Float64.WithByteOrder(dtype.BigEndian)}

// byteReader hands out the fuzz input a byte at a time (zeros when done).
type byteReader struct {
	b []byte
	i int
}

func (r *byteReader) next(n int) int {
	if r.i >= len(r.b) || n <= 0 {
		return 0
	}
	v := int(r.b[r.i])
	r.i++
	return v % n
}

// fuzzArray builds an array of a random dtype over shape, then takes a
// random strided view of it: reversed or stepped axes and a transpose.
func fuzzArray(t *testing.T, r *byteReader, shape []int) *ndarray.Array {
	dt := fuzzTypes[r.next(len(fuzzTypes))]
	// the base is larger where the view steps by 2
	steps := make([]int, len(shape))
	base := make([]int, len(shape))
	for i, d := range shape {
		steps[i] = []int{1, -1, 2, -2}[r.next(4)]
		s := steps[i]
		if s < 0 {
			s = -s
		}
		base[i] = max(d*s, 1)
	}
	perm := make([]int, len(shape))
	for i := range perm {
		perm[i] = i
	}
	transpose := len(shape) >= 2 && r.next(2) == 1
	bshape := base
	if transpose {
		bshape = make([]int, len(base))
		for i := range base {
			bshape[i] = base[len(base)-1-i]
		}
	}
	n := 1
	for _, d := range bshape {
		n *= d
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = float64(r.next(256) - 128)
		if dt.Kind() == dtype.KindFloat && r.next(4) == 0 {
			vals[i] += 0.25
		}
	}
	f, err := ndarray.FromSlice(vals, bshape...)
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.AsType(dt, dtype.Unsafe)
	if err != nil {
		t.Fatal(err)
	}
	if transpose {
		a = a.Transpose()
	}
	items := make([]ndarray.Index, len(shape))
	for i, d := range shape {
		s := steps[i]
		if s > 0 {
			items[i] = ndarray.RangeStep(0, d*s, s)
		} else {
			items[i] = ndarray.RangeStep(-1, -(d*-s)-1, s)
		}
	}
	v, err := a.Slice(items...)
	if err != nil {
		t.Fatalf("slicing %v of %v: %v", items, a.Shape(), err)
	}
	return v
}

// value reads an element as float64, and as uint64 bits for exact integer
// comparison.
func valueOf(a *ndarray.Array, idx []int) (float64, uint64) {
	v, _ := a.Item(idx...)
	switch x := v.(type) {
	case int8:
		return float64(x), uint64(int64(x))
	case uint8:
		return float64(x), uint64(x)
	case int16:
		return float64(x), uint64(int64(x))
	case uint16:
		return float64(x), uint64(x)
	case uint32:
		return float64(x), uint64(x)
	case int32:
		return float64(x), uint64(int64(x))
	case int64:
		return float64(x), uint64(x)
	case uint64:
		return float64(x), x
	case float32:
		return float64(x), 0
	case float64:
		return x, 0
	}
	panic("unexpected element type")
}

// FuzzAddSum sends random shapes, strides and dtypes through Add and Sum
// and checks every element against a naive reference.
func FuzzAddSum(f *testing.F) {
	f.Add([]byte{2, 3, 4, 1, 0, 5, 7})
	f.Add([]byte{3, 2, 1, 3, 6, 6, 1, 2, 3, 9, 9, 9})
	f.Add([]byte{0, 1})
	f.Add([]byte{4, 2, 2, 2, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 200, 13, 14})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &byteReader{b: data}
		nd := r.next(5)
		shape := make([]int, nd)
		for i := range shape {
			shape[i] = r.next(5) // 0…4, zero-size allowed
		}
		// b's shape: a suffix of shape with some dimensions set to 1
		bnd := r.next(nd + 1)
		bshape := make([]int, bnd)
		for i := range bshape {
			bshape[i] = shape[nd-bnd+i]
			if r.next(3) == 0 {
				bshape[i] = 1
			}
		}
		a := fuzzArray(t, r, shape)
		b := fuzzArray(t, r, bshape)
		want, err := dtype.ResultType(a.DType(), b.DType())
		if err != nil {
			t.Fatal(err)
		}
		c, err := Add.Call(a, b)
		if err != nil {
			t.Fatalf("add %v%v + %v%v: %v", a.DType(), a.Shape(), b.DType(), b.Shape(), err)
		}
		if c.DType() != want {
			t.Fatalf("add %v + %v gives %v, want %v", a.DType(), b.DType(), c.DType(), want)
		}
		// naive reference, element by element
		must := mustOK(t)
		ac := must(a.AsType(want, dtype.Unsafe))
		bc := must(b.AsType(want, dtype.Unsafe))
		idx := make([]int, nd)
		bidx := make([]int, bnd)
		var exactSum uint64
		floatSum, absSum := 0.0, 0.0
		for k := 0; k < c.Size(); k++ {
			r := k
			for i := nd - 1; i >= 0; i-- {
				idx[i] = r % shape[i]
				r /= shape[i]
			}
			for i := range bidx {
				bidx[i] = idx[nd-bnd+i]
				if bshape[i] == 1 {
					bidx[i] = 0
				}
			}
			x, xb := valueOf(ac, idx)
			y, yb := valueOf(bc, bidx)
			got, gotb := valueOf(c, idx)
			switch want.Kind() {
			case dtype.KindFloat:
				ref := x + y
				if want.Size() == 4 {
					ref = float64(float32(x) + float32(y))
				}
				if got != ref {
					t.Fatalf("element %v: %v + %v = %v, want %v", idx, x, y, got, ref)
				}
				floatSum += got
				absSum += math.Abs(got)
			default:
				mask := uint64(1)<<(8*want.Size()) - 1
				if want.Size() == 8 {
					mask = ^uint64(0)
				}
				if ref := (xb + yb) & mask; gotb&mask != ref {
					t.Fatalf("element %v: %d + %d = %d, want %d (wrapped)", idx, xb, yb, gotb&mask, ref)
				}
				exactSum += gotb
			}
		}
		s, err := Sum(c)
		if err != nil {
			t.Fatal(err)
		}
		got, gotb := valueOf(s, nil)
		switch want.Kind() {
		case dtype.KindFloat:
			// any summation order is within n·eps·Σ|x| of the exact sum
			eps := 1.2e-7
			if want.Size() == 8 {
				eps = 2.3e-16
			}
			if math.Abs(got-floatSum) > float64(c.Size()+1)*eps*absSum {
				t.Fatalf("sum = %v, naive %v", got, floatSum)
			}
		default:
			if gotb != exactSum {
				t.Fatalf("sum = %d, want %d (modulo 2^64)", gotb, exactSum)
			}
		}
	})
}
