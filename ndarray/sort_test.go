package ndarray

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/x448/float16"
)

var nan = math.NaN()

// sameBits reports whether two float64 slices are equal bit for bit, any
// NaN matching any NaN.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.IsNaN(a[i]) && math.IsNaN(b[i]) {
			continue
		}
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestSortFloat64(t *testing.T) {
	negz := math.Copysign(0, -1)
	// Expected values from NumPy 1.24: np.sort(x, kind="stable").
	cases := []struct {
		name   string
		in     []float64
		sorted []float64
		arg    []int64
	}{
		{"nan-and-signed-zeros",
			[]float64{3, nan, negz, 1, 0, math.Inf(-1), negz, nan, 2},
			[]float64{math.Inf(-1), negz, 0, negz, 1, 2, 3, nan, nan},
			[]int64{5, 2, 4, 6, 3, 8, 0, 1, 7}},
		{"empty", []float64{}, []float64{}, []int64{}},
		{"one", []float64{nan}, []float64{nan}, []int64{0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := must(FromSlice(c.in, len(c.in)))
			s := must(Sort(a, -1))
			if got := ToSlice[float64](s); !sameBits(got, c.sorted) {
				t.Errorf("Sort = %v, want %v", got, c.sorted)
			}
			i := must(ArgSort(a, 0))
			if got := ToSlice[int64](i); !slices.Equal(got, c.arg) {
				t.Errorf("ArgSort = %v, want %v", got, c.arg)
			}
		})
	}
}

// stableOracle sorts x stably with the comparison NumPy's order defines.
func stableOracle(x []float64) []int64 {
	idx := make([]int64, len(x))
	for i := range idx {
		idx[i] = int64(i)
	}
	less := func(a, b float64) bool { return a < b || (!math.IsNaN(a) && math.IsNaN(b)) }
	slices.SortStableFunc(idx, func(i, j int64) int {
		switch {
		case less(x[i], x[j]):
			return -1
		case less(x[j], x[i]):
			return 1
		}
		return 0
	})
	return idx
}

// TestSortRadixAgainstOracle checks the radix paths (long rows) against a
// stable comparison sort, on data full of ties, zeros of both signs and
// NaNs with various payloads.
func TestSortRadixAgainstOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	pool := []float64{nan, -nan, math.Float64frombits(0x7FF0000000000123), math.Copysign(0, -1), 0, 1, -1, 2.5, math.Inf(1), math.Inf(-1), 1e-310, -1e300}
	for _, n := range []int{1, 47, 48, 255, 256, 1000, 5000} {
		x := make([]float64, n)
		for i := range x {
			if r.IntN(3) == 0 {
				x[i] = r.NormFloat64()
			} else {
				x[i] = pool[r.IntN(len(pool))]
			}
		}
		want := stableOracle(x)
		wantVals := make([]float64, n)
		for i, j := range want {
			wantVals[i] = x[j]
		}
		a := must(FromSlice(x, n))
		got := ToSlice[int64](must(ArgSort(a, 0)))
		if !slices.Equal(got, want) {
			t.Errorf("n=%d: ArgSort differs from the stable oracle", n)
		}
		vals := ToSlice[float64](must(SortFlat(a)))
		for i := range vals {
			if math.Float64bits(vals[i]) != math.Float64bits(wantVals[i]) {
				t.Errorf("n=%d: Sort[%d] = %x, want %x", n, i, math.Float64bits(vals[i]), math.Float64bits(wantVals[i]))
				break
			}
		}
		// float32 through the same oracle (values are exact in float32
		// for the pool, not for the normals: convert first).
		x32 := make([]float32, n)
		x64 := make([]float64, n)
		for i, v := range x {
			x32[i] = float32(v)
			x64[i] = float64(x32[i])
		}
		want32 := stableOracle(x64)
		got32 := ToSlice[int64](must(ArgSort(must(FromSlice(x32, n)), 0)))
		if !slices.Equal(got32, want32) {
			t.Errorf("n=%d: float32 ArgSort differs from the stable oracle", n)
		}
	}
}

func TestSortIntegers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{10, 300, 3000} {
		x := make([]int64, n)
		for i := range x {
			x[i] = int64(r.Uint64()) >> r.IntN(64)
		}
		want := slices.Clone(x)
		slices.Sort(want)
		got := ToSlice[int64](must(Sort(must(FromSlice(x, n)), 0)))
		if !slices.Equal(got, want) {
			t.Errorf("int64 n=%d: Sort wrong", n)
		}
		u := make([]uint32, n)
		for i := range u {
			u[i] = uint32(x[i])
		}
		wu := slices.Clone(u)
		slices.Sort(wu)
		if got := ToSlice[uint32](must(Sort(must(FromSlice(u, n)), 0))); !slices.Equal(got, wu) {
			t.Errorf("uint32 n=%d: Sort wrong", n)
		}
		i16 := make([]int16, n)
		for i := range i16 {
			i16[i] = int16(x[i])
		}
		idx := ToSlice[int64](must(ArgSort(must(FromSlice(i16, n)), 0)))
		for k := 1; k < n; k++ {
			p, q := idx[k-1], idx[k]
			if i16[p] > i16[q] || i16[p] == i16[q] && p > q {
				t.Errorf("int16 n=%d: ArgSort not stable-sorted at %d", n, k)
				break
			}
		}
	}
	// From NumPy 1.24.
	i8 := must(FromSlice([]int8{5, -128, 127, 0, -1, 5}, 6))
	if got := ToSlice[int8](must(Sort(i8, 0))); !slices.Equal(got, []int8{-128, -1, 0, 5, 5, 127}) {
		t.Errorf("int8 Sort = %v", got)
	}
	if got := ToSlice[int64](must(ArgSort(i8, 0))); !slices.Equal(got, []int64{1, 4, 3, 0, 5, 2}) {
		t.Errorf("int8 ArgSort = %v", got)
	}
	u64 := must(FromSlice([]uint64{math.MaxUint64, 0, 1 << 63, 5}, 4))
	if got := ToSlice[int64](must(ArgSort(u64, 0))); !slices.Equal(got, []int64{1, 3, 2, 0}) {
		t.Errorf("uint64 ArgSort = %v", got)
	}
	b := must(FromSlice([]bool{true, false, true, false}, 4))
	if got := ToSlice[bool](must(Sort(b, 0))); !slices.Equal(got, []bool{false, false, true, true}) {
		t.Errorf("bool Sort = %v", got)
	}
}

func TestSortFloat16(t *testing.T) {
	h := []float16.Float16{float16.Fromfloat32(1.5), float16.Fromfloat32(-2), float16.NaN(), float16.Fromfloat32(0.25), float16.Inf(-1)}
	got := ToSlice[float16.Float16](must(Sort(must(FromSlice(h, 5)), 0)))
	want := []float32{float32(math.Inf(-1)), -2, 0.25, 1.5} // then NaN (NumPy 1.24)
	for i, w := range want {
		if got[i].Float32() != w {
			t.Errorf("float16 Sort[%d] = %v, want %v", i, got[i].Float32(), w)
		}
	}
	if !got[4].IsNaN() {
		t.Errorf("float16 Sort[4] = %v, want NaN", got[4])
	}
}

func TestSortComplex(t *testing.T) {
	c := []complex128{complex(nan, 1), complex(1, nan), complex(nan, nan), complex(1, 2), complex(nan, 0), complex(0, nan), 1 + 1i}
	a := must(FromSlice(c, len(c)))
	// np.argsort(c, kind="stable") in NumPy 1.24.
	want := []int64{6, 3, 5, 1, 4, 0, 2}
	if got := ToSlice[int64](must(ArgSort(a, 0))); !slices.Equal(got, want) {
		t.Errorf("complex128 ArgSort = %v, want %v", got, want)
	}
	c64 := make([]complex64, len(c))
	for i, v := range c {
		c64[i] = complex64(v)
	}
	if got := ToSlice[int64](must(ArgSort(must(FromSlice(c64, len(c))), 0))); !slices.Equal(got, want) {
		t.Errorf("complex64 ArgSort = %v, want %v", got, want)
	}
	s := ToSlice[complex128](must(Sort(a, 0)))
	if s[0] != 1+1i || s[1] != 1+2i || real(s[2]) != 0 {
		t.Errorf("complex Sort = %v", s)
	}
}

func TestSortAxes(t *testing.T) {
	// a = np.arange(12).reshape(3,4)[::-1]*7%5
	a := must(FromSlice([]int64{1, 3, 0, 2, 3, 0, 2, 4, 0, 2, 4, 1}, 3, 4))
	cases := []struct {
		axis      int
		sort, arg []int64
	}{
		{0, []int64{0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4}, []int64{2, 1, 0, 2, 0, 2, 1, 0, 1, 0, 2, 1}},
		{-1, []int64{0, 1, 2, 3, 0, 2, 3, 4, 0, 1, 2, 4}, []int64{2, 0, 3, 1, 1, 2, 0, 3, 0, 3, 1, 2}},
	}
	for _, c := range cases {
		s := must(Sort(a, c.axis))
		if got := ToSlice[int64](s); !slices.Equal(got, c.sort) || !s.IsCContiguous() {
			t.Errorf("axis %d: Sort = %v, want %v", c.axis, got, c.sort)
		}
		if got := ToSlice[int64](must(ArgSort(a, c.axis))); !slices.Equal(got, c.arg) {
			t.Errorf("axis %d: ArgSort = %v, want %v", c.axis, got, c.arg)
		}
	}
	if got := ToSlice[int64](must(SortFlat(a))); !slices.Equal(got, []int64{0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4}) {
		t.Errorf("SortFlat = %v", got)
	}
	var ae *AxisError
	if _, err := Sort(a, 2); !errors.As(err, &ae) {
		t.Errorf("Sort axis 2: err = %v, want *AxisError", err)
	}
	if _, err := Sort(Scalar(int32(3)), -1); !errors.As(err, &ae) {
		t.Errorf("Sort of 0-d: err = %v, want *AxisError", err)
	}
	// NumPy's quirk: argsort of a 0-d array flattens it.
	if got := must(ArgSort(Scalar(int32(3)), -1)); !slices.Equal(got.Shape(), []int{1}) {
		t.Errorf("ArgSort of 0-d: shape %v, want (1,)", got.Shape())
	}
	// Byte-swapped input keeps its dtype.
	sw := must(must(FromSlice([]float64{3, 1, 2}, 3)).AsType(dtype.Float64.WithByteOrder(dtype.BigEndian), dtype.Unsafe))
	s := must(Sort(sw, 0))
	if s.DType() != sw.DType() || At[float64](s, 0) != 1 || At[float64](s, 2) != 3 {
		t.Errorf("byte-swapped Sort = %v (%v)", s, s.DType())
	}
	// In place, on a strided view.
	b := must(FromSlice([]float64{5, 0, 4, 0, 3, 0}, 6))
	v := must(b.Slice(Step(2)))
	if err := v.SortInPlace(0); err != nil {
		t.Fatal(err)
	}
	if got := ToSlice[float64](b); !slices.Equal(got, []float64{3, 0, 4, 0, 5, 0}) {
		t.Errorf("SortInPlace = %v", got)
	}
}

func TestSearchSorted(t *testing.T) {
	a := must(FromSlice([]float64{1, 2, 2, 3, nan}, 5))
	v := must(FromSlice([]float64{2, 0, 5, nan, 2.5}, 5))
	// From NumPy 1.24.
	if got := ToSlice[int64](must(SearchSorted(a, v, Left))); !slices.Equal(got, []int64{1, 0, 4, 4, 3}) {
		t.Errorf("left = %v", got)
	}
	if got := ToSlice[int64](must(SearchSorted(a, v, Right))); !slices.Equal(got, []int64{3, 0, 4, 5, 3}) {
		t.Errorf("right = %v", got)
	}
	// Mixed types are compared in the promoted type.
	ai := must(FromSlice([]int32{-5, 0, 7}, 3))
	vf := must(FromSlice([]float64{-5.5, 0.5, 7}, 3))
	if got := ToSlice[int64](must(SearchSorted(ai, vf, Left))); !slices.Equal(got, []int64{0, 2, 2}) {
		t.Errorf("int32/float64 = %v", got)
	}
	var se *ShapeError
	if _, err := SearchSorted(must(Zeros(dtype.Float64, 2, 2)), v, Left); !errors.As(err, &se) {
		t.Errorf("2-d a: err = %v", err)
	}
}

func TestPartition(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, 101)
	for i := range x {
		x[i] = float64(r.IntN(20))
	}
	x[17] = nan
	a := must(FromSlice(x, len(x)))
	sorted := ToSlice[float64](must(Sort(a, 0)))
	for _, kth := range []int{0, 50, 99, -1} {
		k := kth
		if k < 0 {
			k += len(x)
		}
		p := ToSlice[float64](must(Partition(a, []int{kth}, 0)))
		ip := ToSlice[int64](must(ArgPartition(a, []int{kth}, 0)))
		less := func(a, b float64) bool { return a < b || !math.IsNaN(a) && math.IsNaN(b) }
		if !sameBits(p[k:k+1], sorted[k:k+1]) || !sameBits([]float64{x[ip[k]]}, sorted[k:k+1]) {
			t.Errorf("kth %d: element %v, want %v", kth, p[k], sorted[k])
		}
		for i := range p {
			if i < k && less(p[k], p[i]) || i > k && less(p[i], p[k]) {
				t.Errorf("kth %d: p[%d] = %v on the wrong side of %v", kth, i, p[i], p[k])
			}
			xi := x[ip[i]]
			if i < k && less(p[k], xi) || i > k && less(xi, p[k]) {
				t.Errorf("kth %d: ArgPartition puts %v on the wrong side", kth, xi)
			}
		}
	}
	// Several positions at once: each holds its sorted element and the
	// stretches between them are bounded by their ends.
	ks := []int{5, 40, -3}
	p := ToSlice[float64](must(Partition(a, ks, 0)))
	ip := ToSlice[int64](must(ArgPartition(a, ks, 0)))
	less := func(a, b float64) bool { return a < b || !math.IsNaN(a) && math.IsNaN(b) }
	bounds := []int{5, 40, len(x) - 3}
	for _, k := range bounds {
		if !sameBits(p[k:k+1], sorted[k:k+1]) || !sameBits([]float64{x[ip[k]]}, sorted[k:k+1]) {
			t.Errorf("kth list: element %d is %v, want %v", k, p[k], sorted[k])
		}
		for i := range p {
			if i < k && less(p[k], p[i]) || i > k && less(p[i], p[k]) || i < k && less(p[k], x[ip[i]]) || i > k && less(x[ip[i]], p[k]) {
				t.Errorf("kth list: position %d is on the wrong side of %d", i, k)
			}
		}
	}
	var ve *ValueError
	for _, bad := range [][]int{{101}, {3, -102}, {}} {
		if _, err := Partition(a, bad, 0); !errors.As(err, &ve) {
			t.Errorf("kth %v: err = %v, want a *ValueError", bad, err)
		}
		if _, err := ArgPartition(a, bad, 0); !errors.As(err, &ve) {
			t.Errorf("argpartition kth %v: err = %v, want a *ValueError", bad, err)
		}
	}
}

// searchsorted with a sorter finds positions in the sorted order, as
// NumPy's np.searchsorted([3, 1, 2], [2, 0, 5], sorter=[1, 2, 0]) gives
// [1, 0, 3] (side left) and [2, 0, 3] (side right).
func TestSearchSortedSorter(t *testing.T) {
	a := must(FromSlice([]float64{3, 1, 2}, 3))
	v := must(FromSlice([]float64{2, 0, 5}, 3))
	srt := must(FromSlice([]int64{1, 2, 0}, 3))
	if got := ToSlice[int64](must(SearchSortedSorter(a, v, Left, srt))); !slices.Equal(got, []int64{1, 0, 3}) {
		t.Errorf("left: %v", got)
	}
	if got := ToSlice[int64](must(SearchSortedSorter(a, v, Right, srt))); !slices.Equal(got, []int64{2, 0, 3}) {
		t.Errorf("right: %v", got)
	}
	var ie *IndexError
	if _, err := SearchSortedSorter(a, v, Left, must(FromSlice([]int64{1, 2, 3}, 3))); !errors.As(err, &ie) {
		t.Errorf("sorter index out of range: %v", err)
	}
	var se *ShapeError
	if _, err := SearchSortedSorter(a, v, Left, must(FromSlice([]int64{1, 2}, 2))); !errors.As(err, &se) {
		t.Errorf("short sorter: %v", err)
	}
	var ve *ValueError
	if _, err := SearchSortedSorter(a, v, Left, must(FromSlice([]float64{1, 2, 0}, 3))); !errors.As(err, &ve) {
		t.Errorf("float sorter: %v", err)
	}
}

func TestLexsort(t *testing.T) {
	k0 := must(FromSlice([]int64{3, 1, 2, 3, 1}, 5))
	k1 := must(FromSlice([]int64{1, 1, 0, 0, 1}, 5))
	// np.lexsort((k0, k1)): k1 primary.
	if got := ToSlice[int64](must(Lexsort([]*Array{k0, k1}))); !slices.Equal(got, []int64{2, 3, 1, 4, 0}) {
		t.Errorf("Lexsort = %v", got)
	}
	// Long keys go through the radix path.
	n := 500
	a, b := make([]float64, n), make([]int8, n)
	for i := range a {
		a[i], b[i] = float64((i*7)%13), int8((i*5)%3)
	}
	got := ToSlice[int64](must(Lexsort([]*Array{must(FromSlice(a, n)), must(FromSlice(b, n))})))
	for k := 1; k < n; k++ {
		p, q := got[k-1], got[k]
		if b[p] > b[q] || b[p] == b[q] && (a[p] > a[q] || a[p] == a[q] && p > q) {
			t.Fatalf("Lexsort order broken at %d", k)
		}
	}
	var se *ShapeError
	if _, err := Lexsort([]*Array{k0, must(FromSlice([]int64{1}, 1))}); !errors.As(err, &se) {
		t.Errorf("shape mismatch: err = %v", err)
	}
}

func TestSortUserTypeFails(t *testing.T) {
	var ve *ValueError
	if _, err := classOf("sort", dtype.DType{}); !errors.As(err, &ve) {
		t.Errorf("invalid dtype: err = %v", err)
	}
}
