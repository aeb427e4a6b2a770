package ufunc

import (
	"math"
	"runtime"
	"strconv"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// hashed returns n values ((i*2654435761 mod 2³²)/2³² - 0.25) *
// (1 + 1000*(i mod 7)), exact in float64 in any language and of mixed
// magnitudes, so that the order of a sum shows in its last bits and
// NumPy's results on them can be written down.
func hashed(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = (float64(uint64(i)*2654435761%(1<<32))/(1<<32) - 0.25) * (1 + float64(i%7)*1000)
	}
	return x
}

// TestLongFloatSumsMatchNumPy checks float64 sums of runs longer than
// NumPy's buffer against the bits NumPy 1.24 gives for the same data
// (written as float.hex()), with one goroutine and with two: numpy.sum
// and numpy.mean of hashed(1_000_003), of every second element and of
// the first 60000, and the row sums of its first 3*333334 elements as a
// (3, 333334) array.
func TestLongFloatSumsMatchNumPy(t *testing.T) {
	must := mustOK(t)
	a := must(ndarray.FromSlice(hashed(1_000_003)))
	rows := must(must(a.Slice(ndarray.Range(0, 3*333_334))).Reshape(3, 333_334))
	evens := must(a.Slice(ndarray.Step(2)))
	short := must(a.Slice(ndarray.Range(0, 60000)))
	f64 := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		for _, c := range []struct {
			name string
			f    func() (*ndarray.Array, error)
			want string
		}{
			{"sum", func() (*ndarray.Array, error) { return Sum(a) }, "0x1.65bfb4d15253bp+29"},
			{"mean", func() (*ndarray.Array, error) { return Mean(a) }, "0x1.7720303716996p+9"},
			{"a[::2].sum()", func() (*ndarray.Array, error) { return Sum(evens) }, "0x1.65be740d59579p+28"},
			{"a[:60000].sum()", func() (*ndarray.Array, error) { return Sum(short) }, "0x1.5758ce8061392p+25"},
		} {
			if got := ndarray.At[float64](must(c.f())); got != f64(c.want) {
				t.Errorf("GOMAXPROCS %d: %s = %x, NumPy %s", procs, c.name, got, c.want)
			}
		}
		s := ndarray.ToSlice[float64](must(Sum(rows, Axis(1))))
		for i, w := range []string{"0x1.dcfb75b0e935ep+27", "0x1.dcfd6853ee58ep+27", "0x1.dd05ff70b9dc9p+27"} {
			if s[i] != f64(w) {
				t.Errorf("GOMAXPROCS %d: row %d sum %x, NumPy %s", procs, i, s[i], w)
			}
		}
	}
}

// TestLongFloat32Sums checks float32 sums of long runs: the pieces NumPy
// sums pairwise, themselves summed pairwise rather than in order, which
// gives the bits below (computed from that definition with NumPy's
// float32 arithmetic) and, on these data, relative errors of 3.5e-8 for
// the whole run and 1.0e-8, 1.0e-8, 1.8e-8 for the rows, against
// NumPy's 5.0e-8 and 1.4e-7, 7.4e-8, 1.8e-8.
func TestLongFloat32Sums(t *testing.T) {
	must := mustOK(t)
	x := hashed(1_000_003)
	a32 := must(must(ndarray.FromSlice(x)).AsType(dtype.Float32, dtype.Unsafe))
	rows32 := must(must(a32.Slice(ndarray.Range(0, 3*333_334))).Reshape(3, 333_334))
	exact := func(lo, hi int) float64 {
		var s, c float64 // Neumaier
		for _, v := range x[lo:hi] {
			v = float64(float32(v))
			t := s + v
			if math.Abs(s) >= math.Abs(v) {
				c += (s - t) + v
			} else {
				c += (v - t) + s
			}
			s = t
		}
		return s + c
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		got := ndarray.At[float32](must(Sum(a32)))
		if math.Float32bits(got) != 0x4e32dfda {
			t.Errorf("GOMAXPROCS %d: float32 sum bits %#x, want 0x4e32dfda", procs, math.Float32bits(got))
		}
		if e, numpy := math.Abs(float64(got)-exact(0, len(x)))/exact(0, len(x)), 5.04e-8; e > numpy {
			t.Errorf("GOMAXPROCS %d: float32 sum relative error %.3g, NumPy's %.3g", procs, e, numpy)
		}
		s32 := ndarray.ToSlice[float32](must(Sum(rows32, Axis(1))))
		for i, w := range []uint32{0x4d6e7dbb, 0x4d6e7eb4, 0x4d6e8300} {
			if math.Float32bits(s32[i]) != w {
				t.Errorf("GOMAXPROCS %d: float32 row %d sum bits %#x, want %#x", procs, i, math.Float32bits(s32[i]), w)
			}
		}
	}
}
