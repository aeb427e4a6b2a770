package ufunc

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/pluribus-go/pluribus/ndarray"
)

// sumRef sums a (any layout) over the axes flagged in red, adding the
// elements into start (0 or Initial) one at a time in C order of a's
// indices: the order of np.add.reduce's element-wise walk for the
// layouts of TestSumRowsBitExact.
func sumRef(a *ndarray.Array, red []bool, start float64) []float64 {
	shape := a.Shape()
	vals := ndarray.ToSlice[float64](a.Copy())
	var oshape []int
	for i, d := range shape {
		if !red[i] {
			oshape = append(oshape, d)
		}
	}
	size := 1
	for _, d := range oshape {
		size *= d
	}
	out := make([]float64, size)
	for i := range out {
		out[i] = start
	}
	idx := make([]int, len(shape))
	for _, v := range vals {
		o := 0
		for i, d := range shape {
			if !red[i] {
				o = o*d + idx[i]
			}
		}
		out[o] += v
		for k := len(shape) - 1; k >= 0; k-- {
			idx[k]++
			if idx[k] < shape[k] {
				break
			}
			idx[k] = 0
		}
	}
	return out
}

// TestSumRowsBitExact checks float64 sums along axes other than the
// last (which go through simd.AddRowsFloat64) bit for bit against the
// element-wise order, on contiguous arrays, column slices (a row stride
// longer than the row), reversed rows, 3-d arrays, Initial and Out, and
// with one and two goroutines.
func TestSumRowsBitExact(t *testing.T) {
	m := mustOK(t)
	rng := rand.New(rand.NewPCG(31, 32))
	data := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = (rng.Float64() - 0.3) * math.Pow(2, float64(rng.IntN(40)-20))
			switch rng.IntN(50) {
			case 0:
				v[i] = math.Copysign(0, -1)
			case 1:
				v[i] = math.Inf(1 - 2*rng.IntN(2))
			}
		}
		return v
	}
	negz := math.Copysign(0, -1)
	type tc struct {
		name    string
		a       *ndarray.Array
		axes    []int
		initial any
	}
	var cases []tc
	for _, sh := range [][]int{{1, 9}, {2, 8}, {9, 2}, {17, 300}, {300, 17}, {256, 1000}, {5, 7, 33}, {3, 40, 70}} {
		n := 1
		for _, d := range sh {
			n *= d
		}
		a := m(ndarray.FromSlice(data(n), sh...))
		for ax := range len(sh) - 1 {
			cases = append(cases, tc{"axis", a, []int{ax}, nil})
		}
		if len(sh) == 3 {
			cases = append(cases, tc{"axes 0,1", a, []int{0, 1}, nil})
		}
	}
	big := m(ndarray.FromSlice(data(300*700), 300, 700))
	cases = append(cases,
		tc{"column slice", m(big.Index(":, 3:650")), []int{0}, nil},
		tc{"every other row", m(big.Index("::2, 5:")), []int{0}, nil},
		tc{"reversed rows", m(big.Index("::-1, :")), []int{0}, nil},
		tc{"initial -0", big, []int{0}, negz},
		tc{"initial 1e10", big, []int{0}, 1e10},
	)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	for _, c := range cases {
		red := make([]bool, c.a.NDim())
		for _, ax := range c.axes {
			red[ax] = true
		}
		start := 0.0
		opts := []Option{Axis(c.axes...)}
		if c.initial != nil {
			start = c.initial.(float64)
			opts = append(opts, Initial(c.initial))
		}
		want := sumRef(c.a, red, start)
		for _, procs := range []int{1, 2} {
			runtime.GOMAXPROCS(procs)
			got := ndarray.ToSlice[float64](m(Sum(c.a, opts...)))
			for i := range want {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Fatalf("%s %v axes %v GOMAXPROCS %d: [%d] = %v, want %v", c.name, c.a.Shape(), c.axes, procs, i, got[i], want[i])
				}
			}
		}
	}
	// Out of the accumulator's dtype is written in place.
	runtime.GOMAXPROCS(1)
	out := m(ndarray.Zeros(big.DType(), 700))
	m(Sum(big, Axis(0), Out(out)))
	want := sumRef(big, []bool{true, false}, 0)
	for i, g := range ndarray.ToSlice[float64](out) {
		if math.Float64bits(g) != math.Float64bits(want[i]) {
			t.Fatalf("out: [%d] = %v, want %v", i, g, want[i])
		}
	}
}

// foldExtreme is NumPy's sequential max (min) fold: the first NaN, else
// the extreme value, the last of equal values (±0 ties).
func foldExtreme(a []float64, isMax bool) float64 {
	m := a[0]
	for _, x := range a[1:] {
		better := x > m
		if !isMax {
			better = x < m
		}
		if m == m && (better || x != x || x == m) {
			m = x
		}
	}
	return m
}

// TestMaxLongRuns checks Max and Min of runs longer than a reduction
// block (each block goes to the kernel in one call) against the
// sequential fold: NaNs in different blocks, zeros of both signs.
func TestMaxLongRuns(t *testing.T) {
	m := mustOK(t)
	rng := rand.New(rand.NewPCG(33, 34))
	n := 3*reduceBlock + 123
	negz := math.Copysign(0, -1)
	for kind := range 6 {
		v := make([]float64, n)
		for i := range v {
			v[i] = rng.Float64() - 0.5
		}
		switch kind {
		case 1:
			v[n-1] = math.NaN()
		case 2:
			v[reduceBlock+17] = math.NaN()
			v[2*reduceBlock+5] = math.Float64frombits(0x7ff8_0000_0000_0077)
		case 3:
			v[0] = math.NaN()
		case 4: // zeros of both signs at both extremes
			for i := range v {
				v[i] = 0
				if rng.IntN(3) == 0 {
					v[i] = negz
				}
			}
		case 5:
			v[n/2] = 7
			v[n-3] = 7
			v[10] = -7
			v[n-2] = -7
		}
		for _, off := range []int{0, 1, 3} {
			a := m(ndarray.FromSlice(v, n))
			if off > 0 {
				a = m(a.Index("1:"))
				if off == 3 {
					a = m(a.Index("2:"))
				}
			}
			vals := ndarray.ToSlice[float64](a)
			for _, isMax := range []bool{true, false} {
				f := Max
				if !isMax {
					f = Min
				}
				got := ndarray.At[float64](m(f(a)))
				want := foldExtreme(vals, isMax)
				if math.Float64bits(got) != math.Float64bits(want) {
					t.Errorf("kind %d off %d max=%v: got %v (%#x), want %v (%#x)", kind, off, isMax, got, math.Float64bits(got), want, math.Float64bits(want))
				}
			}
		}
	}
}
