package ndarray

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func ip(i int) *int { return &i }

// indexArange returns a C-ordered int64 array holding 0, 1, … in the given shape.
func indexArange(t testing.TB, shape ...int) *Array {
	t.Helper()
	n := 1
	for _, d := range shape {
		n *= d
	}
	data := make([]int64, n)
	for i := range data {
		data[i] = int64(i)
	}
	a, err := FromSlice(data, shape...)
	if err != nil {
		t.Fatal(err)
	}
	if shape == nil {
		a, err = a.Reshape()
		if err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// indexCase is a basic index applied to an int64 arange array, with the
// result NumPy 1.24 gives: shape, byte strides, byte offset of the first
// element (an empty slice counts as starting at 0 with step 1, as in NumPy)
// and elements in C order; or the message of the error it raises.
type indexCase struct {
	arr     string // "a0" (np.array(7)), "a1" (arange(10)), "a2" (3×4), "a3" (2×3×4)
	expr    string
	items   []Index
	shape   []int
	strides []int
	offset  int
	values  []int64
	err     string
}

func (c indexCase) name() string { return fmt.Sprintf("%s[%s]", c.arr, c.expr) }

func (c indexCase) array(t testing.TB) *Array {
	switch c.arr {
	case "a0":
		return Scalar(int64(7))
	case "a1":
		return indexArange(t, 10)
	case "a2":
		return indexArange(t, 3, 4)
	case "a3":
		return indexArange(t, 2, 3, 4)
	}
	t.Fatalf("unknown array %q", c.arr)
	return nil
}

// Expected values obtained from NumPy 1.24 (a[expr] on the same arrays).
// NumPy raises ValueError for a zero step; pluribus reports *IndexError.
var indexCases = []indexCase{
	{arr: "a1", expr: "3", items: []Index{Int(3)}, shape: []int{}, strides: []int{}, offset: 24, values: []int64{3}},
	{arr: "a1", expr: "-1", items: []Index{Int(-1)}, shape: []int{}, strides: []int{}, offset: 72, values: []int64{9}},
	{arr: "a1", expr: "-10", items: []Index{Int(-10)}, shape: []int{}, strides: []int{}, offset: 0, values: []int64{0}},
	{arr: "a1", expr: "2:7", items: []Index{Range(2, 7)}, shape: []int{5}, strides: []int{8}, offset: 16, values: []int64{2, 3, 4, 5, 6}},
	{arr: "a1", expr: "::-1", items: []Index{Step(-1)}, shape: []int{10}, strides: []int{-8}, offset: 72, values: []int64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
	{arr: "a1", expr: ":5", items: []Index{To(5)}, shape: []int{5}, strides: []int{8}, offset: 0, values: []int64{0, 1, 2, 3, 4}},
	{arr: "a1", expr: "5:", items: []Index{From(5)}, shape: []int{5}, strides: []int{8}, offset: 40, values: []int64{5, 6, 7, 8, 9}},
	{arr: "a1", expr: "1:8:3", items: []Index{RangeStep(1, 8, 3)}, shape: []int{3}, strides: []int{24}, offset: 8, values: []int64{1, 4, 7}},
	{arr: "a1", expr: "-3:", items: []Index{From(-3)}, shape: []int{3}, strides: []int{8}, offset: 56, values: []int64{7, 8, 9}},
	{arr: "a1", expr: ":-3", items: []Index{To(-3)}, shape: []int{7}, strides: []int{8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6}},
	{arr: "a1", expr: "8:2:-2", items: []Index{RangeStep(8, 2, -2)}, shape: []int{3}, strides: []int{-16}, offset: 64, values: []int64{8, 6, 4}},
	{arr: "a1", expr: "-2:-8:-3", items: []Index{RangeStep(-2, -8, -3)}, shape: []int{2}, strides: []int{-24}, offset: 64, values: []int64{8, 5}},
	{arr: "a1", expr: "20:", items: []Index{From(20)}, shape: []int{0}, strides: []int{8}, offset: 0, values: []int64{}},
	{arr: "a1", expr: ":20", items: []Index{To(20)}, shape: []int{10}, strides: []int{8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a1", expr: "-20:", items: []Index{From(-20)}, shape: []int{10}, strides: []int{8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a1", expr: "-20:20:4", items: []Index{RangeStep(-20, 20, 4)}, shape: []int{3}, strides: []int{32}, offset: 0, values: []int64{0, 4, 8}},
	{arr: "a1", expr: "20:-20:-1", items: []Index{RangeStep(20, -20, -1)}, shape: []int{10}, strides: []int{-8}, offset: 72, values: []int64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
	{arr: "a1", expr: "::20", items: []Index{Step(20)}, shape: []int{1}, strides: []int{160}, offset: 0, values: []int64{0}},
	{arr: "a1", expr: "::-20", items: []Index{Step(-20)}, shape: []int{1}, strides: []int{-160}, offset: 72, values: []int64{9}},
	{arr: "a1", expr: "5:5", items: []Index{Range(5, 5)}, shape: []int{0}, strides: []int{8}, offset: 0, values: []int64{}},
	{arr: "a1", expr: "7:3", items: []Index{Range(7, 3)}, shape: []int{0}, strides: []int{8}, offset: 0, values: []int64{}},
	{arr: "a1", expr: "3:7:-1", items: []Index{RangeStep(3, 7, -1)}, shape: []int{0}, strides: []int{8}, offset: 0, values: []int64{}},
	{arr: "a1", expr: ":, None", items: []Index{All, NewAxis}, shape: []int{10, 1}, strides: []int{8, 0}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a1", expr: "None, :", items: []Index{NewAxis, All}, shape: []int{1, 10}, strides: []int{0, 8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a1", expr: "None, None, ..., None", items: []Index{NewAxis, NewAxis, Ellipsis, NewAxis}, shape: []int{1, 1, 10, 1}, strides: []int{0, 0, 8, 0}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a1", expr: "...", items: []Index{Ellipsis}, shape: []int{10}, strides: []int{8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a1", expr: "", items: []Index{}, shape: []int{10}, strides: []int{8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a1", expr: "..., 3", items: []Index{Ellipsis, Int(3)}, shape: []int{}, strides: []int{}, offset: 24, values: []int64{3}},
	{arr: "a1", expr: "3, ...", items: []Index{Int(3), Ellipsis}, shape: []int{}, strides: []int{}, offset: 24, values: []int64{3}},
	{arr: "a1", expr: "1:9:2, None", items: []Index{RangeStep(1, 9, 2), NewAxis}, shape: []int{4, 1}, strides: []int{16, 0}, offset: 8, values: []int64{1, 3, 5, 7}},
	{arr: "a1", expr: "10", items: []Index{Int(10)}, err: "index 10 is out of bounds for axis 0 with size 10"},
	{arr: "a1", expr: "-11", items: []Index{Int(-11)}, err: "index -11 is out of bounds for axis 0 with size 10"},
	{arr: "a1", expr: "::0", items: []Index{Step(0)}, err: "slice step cannot be zero"},
	{arr: "a1", expr: "0, 0", items: []Index{Int(0), Int(0)}, err: "too many indices for array: array is 1-dimensional, but 2 were indexed"},
	{arr: "a1", expr: "..., ...", items: []Index{Ellipsis, Ellipsis}, err: "an index can only have a single ellipsis ('...')"},
	{arr: "a1", expr: "9:-11:-4", items: []Index{RangeStep(9, -11, -4)}, shape: []int{3}, strides: []int{-32}, offset: 72, values: []int64{9, 5, 1}},
	{arr: "a1", expr: "-1:-11:-1", items: []Index{RangeStep(-1, -11, -1)}, shape: []int{10}, strides: []int{-8}, offset: 72, values: []int64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
	{arr: "a1", expr: "-11::1", items: []Index{Slice{Start: ip(-11), Step: ip(1)}}, shape: []int{10}, strides: []int{8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{arr: "a2", expr: "1", items: []Index{Int(1)}, shape: []int{4}, strides: []int{8}, offset: 32, values: []int64{4, 5, 6, 7}},
	{arr: "a2", expr: "1, 2", items: []Index{Int(1), Int(2)}, shape: []int{}, strides: []int{}, offset: 48, values: []int64{6}},
	{arr: "a2", expr: "-1, -1", items: []Index{Int(-1), Int(-1)}, shape: []int{}, strides: []int{}, offset: 88, values: []int64{11}},
	{arr: "a2", expr: ":, 1", items: []Index{All, Int(1)}, shape: []int{3}, strides: []int{32}, offset: 8, values: []int64{1, 5, 9}},
	{arr: "a2", expr: "..., 1", items: []Index{Ellipsis, Int(1)}, shape: []int{3}, strides: []int{32}, offset: 8, values: []int64{1, 5, 9}},
	{arr: "a2", expr: "::-1, ::-1", items: []Index{Step(-1), Step(-1)}, shape: []int{3, 4}, strides: []int{-32, -8}, offset: 88, values: []int64{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
	{arr: "a2", expr: "1:, ::-2", items: []Index{From(1), Step(-2)}, shape: []int{2, 2}, strides: []int{32, -16}, offset: 56, values: []int64{7, 5, 11, 9}},
	{arr: "a2", expr: "None, 1, None, 1:3", items: []Index{NewAxis, Int(1), NewAxis, Range(1, 3)}, shape: []int{1, 1, 2}, strides: []int{0, 0, 8}, offset: 40, values: []int64{5, 6}},
	{arr: "a2", expr: ":, None, :", items: []Index{All, NewAxis, All}, shape: []int{3, 1, 4}, strides: []int{32, 0, 8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
	{arr: "a2", expr: "2:0:-1, 3:0:-2", items: []Index{RangeStep(2, 0, -1), RangeStep(3, 0, -2)}, shape: []int{2, 2}, strides: []int{-32, -16}, offset: 88, values: []int64{11, 9, 7, 5}},
	{arr: "a2", expr: "5:, :", items: []Index{From(5), All}, shape: []int{0, 4}, strides: []int{32, 8}, offset: 0, values: []int64{}},
	{arr: "a2", expr: ":, 4:", items: []Index{All, From(4)}, shape: []int{3, 0}, strides: []int{32, 8}, offset: 0, values: []int64{}},
	{arr: "a2", expr: "..., None", items: []Index{Ellipsis, NewAxis}, shape: []int{3, 4, 1}, strides: []int{32, 8, 0}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
	{arr: "a2", expr: "None, ...", items: []Index{NewAxis, Ellipsis}, shape: []int{1, 3, 4}, strides: []int{0, 32, 8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
	{arr: "a2", expr: "0:1, 0:1", items: []Index{Range(0, 1), Range(0, 1)}, shape: []int{1, 1}, strides: []int{32, 8}, offset: 0, values: []int64{0}},
	{arr: "a2", expr: "-5:5, -100:100:3", items: []Index{Range(-5, 5), RangeStep(-100, 100, 3)}, shape: []int{3, 2}, strides: []int{32, 24}, offset: 0, values: []int64{0, 3, 4, 7, 8, 11}},
	{arr: "a2", expr: "0, 4", items: []Index{Int(0), Int(4)}, err: "index 4 is out of bounds for axis 1 with size 4"},
	{arr: "a2", expr: "1, 2, 3", items: []Index{Int(1), Int(2), Int(3)}, err: "too many indices for array: array is 2-dimensional, but 3 were indexed"},
	{arr: "a2", expr: "..., ...", items: []Index{Ellipsis, Ellipsis}, err: "an index can only have a single ellipsis ('...')"},
	{arr: "a2", expr: "3", items: []Index{Int(3)}, err: "index 3 is out of bounds for axis 0 with size 3"},
	{arr: "a2", expr: "-4, 0", items: []Index{Int(-4), Int(0)}, err: "index -4 is out of bounds for axis 0 with size 3"},
	{arr: "a2", expr: "::-1, 1:1", items: []Index{Step(-1), Range(1, 1)}, shape: []int{3, 0}, strides: []int{-32, 8}, offset: 64, values: []int64{}},
	{arr: "a3", expr: "1, ..., 2", items: []Index{Int(1), Ellipsis, Int(2)}, shape: []int{3}, strides: []int{32}, offset: 112, values: []int64{14, 18, 22}},
	{arr: "a3", expr: "..., 1, 2", items: []Index{Ellipsis, Int(1), Int(2)}, shape: []int{2}, strides: []int{96}, offset: 48, values: []int64{6, 18}},
	{arr: "a3", expr: "0, ..., ::-1", items: []Index{Int(0), Ellipsis, Step(-1)}, shape: []int{3, 4}, strides: []int{32, -8}, offset: 24, values: []int64{3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8}},
	{arr: "a3", expr: "1, ...", items: []Index{Int(1), Ellipsis}, shape: []int{3, 4}, strides: []int{32, 8}, offset: 96, values: []int64{12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}},
	{arr: "a3", expr: ":, 1", items: []Index{All, Int(1)}, shape: []int{2, 4}, strides: []int{96, 8}, offset: 32, values: []int64{4, 5, 6, 7, 16, 17, 18, 19}},
	{arr: "a3", expr: "1, 2, 3", items: []Index{Int(1), Int(2), Int(3)}, shape: []int{}, strides: []int{}, offset: 184, values: []int64{23}},
	{arr: "a3", expr: "-1, ::2, 1::2", items: []Index{Int(-1), Step(2), Slice{Start: ip(1), Step: ip(2)}}, shape: []int{2, 2}, strides: []int{64, 16}, offset: 104, values: []int64{13, 15, 21, 23}},
	{arr: "a3", expr: "None, 1, None, ..., None, 0", items: []Index{NewAxis, Int(1), NewAxis, Ellipsis, NewAxis, Int(0)}, shape: []int{1, 1, 3, 1}, strides: []int{0, 0, 32, 0}, offset: 96, values: []int64{12, 16, 20}},
	{arr: "a3", expr: "::-1, None, ..., ::-3", items: []Index{Step(-1), NewAxis, Ellipsis, Step(-3)}, shape: []int{2, 1, 3, 2}, strides: []int{-96, 0, 32, -24}, offset: 120, values: []int64{15, 12, 19, 16, 23, 20, 3, 0, 7, 4, 11, 8}},
	{arr: "a3", expr: "..., ::-1, None, 2", items: []Index{Ellipsis, Step(-1), NewAxis, Int(2)}, shape: []int{2, 3, 1}, strides: []int{96, -32, 0}, offset: 80, values: []int64{10, 6, 2, 22, 18, 14}},
	{arr: "a3", expr: ":, :, :", items: []Index{All, All, All}, shape: []int{2, 3, 4}, strides: []int{96, 32, 8}, offset: 0, values: []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}},
	{arr: "a3", expr: ":, 1:1, :", items: []Index{All, Range(1, 1), All}, shape: []int{2, 0, 4}, strides: []int{96, 32, 8}, offset: 0, values: []int64{}},
	{arr: "a3", expr: "0, 5:, 1", items: []Index{Int(0), From(5), Int(1)}, shape: []int{0}, strides: []int{32}, offset: 8, values: []int64{}},
	{arr: "a3", expr: "1, ::-1, ...", items: []Index{Int(1), Step(-1), Ellipsis}, shape: []int{3, 4}, strides: []int{-32, 8}, offset: 160, values: []int64{20, 21, 22, 23, 16, 17, 18, 19, 12, 13, 14, 15}},
	{arr: "a3", expr: "None, 0, 0, 0, 0", items: []Index{NewAxis, Int(0), Int(0), Int(0), Int(0)}, err: "too many indices for array: array is 3-dimensional, but 4 were indexed"},
	{arr: "a3", expr: "0, None, 5", items: []Index{Int(0), NewAxis, Int(5)}, err: "index 5 is out of bounds for axis 1 with size 3"},
	{arr: "a3", expr: "..., 0, 0, 0, 0", items: []Index{Ellipsis, Int(0), Int(0), Int(0), Int(0)}, err: "too many indices for array: array is 3-dimensional, but 4 were indexed"},
	{arr: "a3", expr: "1, ..., 1, ::2, ::-1", items: []Index{Int(1), Ellipsis, Int(1), Step(2), Step(-1)}, err: "too many indices for array: array is 3-dimensional, but 4 were indexed"},
	{arr: "a0", expr: "", items: []Index{}, shape: []int{}, strides: []int{}, offset: 0, values: []int64{7}},
	{arr: "a0", expr: "...", items: []Index{Ellipsis}, shape: []int{}, strides: []int{}, offset: 0, values: []int64{7}},
	{arr: "a0", expr: "None", items: []Index{NewAxis}, shape: []int{1}, strides: []int{0}, offset: 0, values: []int64{7}},
	{arr: "a0", expr: "None, ..., None", items: []Index{NewAxis, Ellipsis, NewAxis}, shape: []int{1, 1}, strides: []int{0, 0}, offset: 0, values: []int64{7}},
	{arr: "a0", expr: "0", items: []Index{Int(0)}, err: "too many indices for array: array is 0-dimensional, but 1 were indexed"},
	{arr: "a0", expr: "..., 0", items: []Index{Ellipsis, Int(0)}, err: "too many indices for array: array is 0-dimensional, but 1 were indexed"},
}

func checkIndexResult(t *testing.T, c indexCase, a, v *Array, err error) {
	t.Helper()
	if c.err != "" {
		var ie *IndexError
		if !errors.As(err, &ie) {
			t.Fatalf("got (%v, %v), want *IndexError %q", v, err, c.err)
		}
		if want := "ndarray: " + c.err; err.Error() != want {
			t.Fatalf("error %q, want %q", err, want)
		}
		return
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if !slices.Equal(v.Shape(), c.shape) {
		t.Errorf("shape %v, want %v", v.Shape(), c.shape)
	}
	if !slices.Equal(v.Strides(), c.strides) {
		t.Errorf("strides %v, want %v", v.Strides(), c.strides)
	}
	if v.Offset() != c.offset {
		t.Errorf("offset %d, want %d", v.Offset(), c.offset)
	}
	if got := ToSlice[int64](v); !slices.Equal(got, c.values) {
		t.Errorf("values %v, want %v", got, c.values)
	}
	if v.OwnsData() || !v.IsWriteable() {
		t.Errorf("flags %v: want a writeable view", v.Flags())
	}
	if len(v.Buffer()) != len(a.Buffer()) || (len(a.Buffer()) > 0 && &v.Buffer()[0] != &a.Buffer()[0]) {
		t.Errorf("result does not share the array's buffer")
	}
	if v.DType() != a.DType() {
		t.Errorf("dtype %v, want %v", v.DType(), a.DType())
	}
}

func TestSlice(t *testing.T) {
	for _, c := range indexCases {
		t.Run(c.name(), func(t *testing.T) {
			a := c.array(t)
			v, err := a.Slice(c.items...)
			checkIndexResult(t, c, a, v, err)
		})
	}
}

func TestIndex(t *testing.T) {
	for _, c := range indexCases {
		t.Run(c.name(), func(t *testing.T) {
			a := c.array(t)
			v, err := a.Index(c.expr)
			checkIndexResult(t, c, a, v, err)
		})
	}
}

// TestIndexStringMatchesTyped checks that the string form of every case
// parses to exactly its typed items, that the items print back as the
// string, and that both give identical results.
func TestIndexStringMatchesTyped(t *testing.T) {
	for _, c := range indexCases {
		t.Run(c.name(), func(t *testing.T) {
			items, err := ParseIndex(c.expr)
			if err != nil {
				t.Fatalf("ParseIndex: %v", err)
			}
			if len(items) != len(c.items) || (len(items) > 0 && !reflect.DeepEqual(items, c.items)) {
				t.Fatalf("ParseIndex(%q) = %v, want %v", c.expr, items, c.items)
			}
			strs := make([]string, len(c.items))
			for i, it := range c.items {
				strs[i] = it.String()
			}
			if s := strings.Join(strs, ", "); s != c.expr {
				t.Errorf("items print as %q, want %q", s, c.expr)
			}
			a := c.array(t)
			v1, err1 := a.Slice(c.items...)
			v2, err2 := a.Index(c.expr)
			if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
				t.Fatalf("errors differ: %v vs %v", err1, err2)
			}
			if err1 != nil {
				return
			}
			if !slices.Equal(v1.Shape(), v2.Shape()) || !slices.Equal(v1.Strides(), v2.Strides()) ||
				v1.Offset() != v2.Offset() || v1.Flags() != v2.Flags() ||
				!slices.Equal(ToSlice[int64](v1), ToSlice[int64](v2)) {
				t.Errorf("typed and string forms differ: shape %v/%v strides %v/%v offset %d/%d",
					v1.Shape(), v2.Shape(), v1.Strides(), v2.Strides(), v1.Offset(), v2.Offset())
			}
		})
	}
}

func TestSliceWritesThrough(t *testing.T) {
	a := indexArange(t, 3, 4)
	v, err := a.Slice(Int(1), Step(-1)) // [7 6 5 4]
	if err != nil {
		t.Fatal(err)
	}
	Set(v, int64(100), 0)
	if got := At[int64](a, 1, 3); got != 100 {
		t.Errorf("a[1,3] = %d after writing v[0], want 100", got)
	}
	e, err := v.Slice(Int(-1)) // 0-d view of a[1,0]
	if err != nil {
		t.Fatal(err)
	}
	Set(e, int64(-5))
	if got := At[int64](a, 1, 0); got != -5 {
		t.Errorf("a[1,0] = %d after writing a 0-d view, want -5", got)
	}
	Set(a, int64(42), 2, 2)
	w, err := a.Index("None, 1:, ..., 2")
	if err != nil {
		t.Fatal(err)
	}
	if got := At[int64](w, 0, 1); got != 42 {
		t.Errorf("view sees %d, want 42 written to the original", got)
	}
}

func TestSliceReadOnly(t *testing.T) {
	a := indexArange(t, 3, 4).ReadOnly()
	v, err := a.Slice(Int(1))
	if err != nil {
		t.Fatal(err)
	}
	if v.IsWriteable() {
		t.Error("view of a read-only array is writeable")
	}
	var ve *ValueError
	if err := a.SetSlice(Scalar(int64(1)), Int(0)); !errors.As(err, &ve) {
		t.Errorf("SetSlice on a read-only array: got %v, want *ValueError", err)
	}
	if err := a.SetIndex("0", Scalar(int64(1))); !errors.As(err, &ve) {
		t.Errorf("SetIndex on a read-only array: got %v, want *ValueError", err)
	}
	if got := ToSlice[int64](a)[0:4]; !slices.Equal(got, []int64{0, 1, 2, 3}) {
		t.Errorf("read-only array changed: %v", got)
	}
}

func TestSliceBadItems(t *testing.T) {
	a := indexArange(t, 3)
	var ie *IndexError
	if _, err := a.Slice(nil); !errors.As(err, &ie) {
		t.Errorf("nil item: got %v, want *IndexError", err)
	}
	if _, err := a.Slice(Slice{Step: ip(0)}); !errors.As(err, &ie) || err.Error() != "ndarray: slice step cannot be zero" {
		t.Errorf("zero step: got %v", err)
	}
}

// TestSliceExtremeBounds checks bounds and steps at the limits of int,
// which Python clips the same way as any out-of-range bound.
func TestSliceExtremeBounds(t *testing.T) {
	const maxI, minI = int(^uint(0) >> 1), -int(^uint(0)>>1) - 1
	a := indexArange(t, 5)
	tests := []struct {
		name string
		item Index
		want []int64
	}{
		{"max start", From(maxI), []int64{}},
		{"min start", From(minI), []int64{0, 1, 2, 3, 4}},
		{"min stop", To(minI), []int64{}},
		{"max stop", To(maxI), []int64{0, 1, 2, 3, 4}},
		{"max step", Step(maxI), []int64{0}},
		{"min step", Step(minI), []int64{4}},
		{"min start max stop min step", RangeStep(minI, maxI, minI), []int64{}},
		{"max start min stop min step", RangeStep(maxI, minI, minI), []int64{4}},
		{"max start min stop -1", RangeStep(maxI, minI, -1), []int64{4, 3, 2, 1, 0}},
		{"max step from 3", Slice{Start: ip(3), Step: ip(maxI)}, []int64{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := a.Slice(tt.item)
			if err != nil {
				t.Fatal(err)
			}
			if got := ToSlice[int64](v); !slices.Equal(got, tt.want) {
				t.Errorf("a[%v] = %v, want %v", tt.item, got, tt.want)
			}
			if !viewBounds(len(v.Buffer()), v.Offset(), v.Shape(), v.Strides(), v.ItemSize()) {
				t.Errorf("view reaches outside the buffer: offset %d shape %v strides %v", v.Offset(), v.Shape(), v.Strides())
			}
		})
	}
}

// TestSliceEmptyArray checks that indexing an array with no elements
// keeps the offset inside its (empty) buffer.
func TestSliceEmptyArray(t *testing.T) {
	a, err := Zeros(dtype.Float64, 0, 3)
	if err != nil {
		t.Fatal(err)
	}
	v, err := a.Slice(All, Int(2))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v.Shape(), []int{0}) || v.Offset() != 0 || len(v.Bytes()) != 0 {
		t.Errorf("a[:, 2] of a (0, 3) array: shape %v offset %d", v.Shape(), v.Offset())
	}
	if _, err := a.Slice(Int(0)); err == nil || err.Error() != "ndarray: index 0 is out of bounds for axis 0 with size 0" {
		t.Errorf("a[0] of a (0, 3) array: got %v", err)
	}
}

func TestSliceAllocs(t *testing.T) {
	a3 := indexArange(t, 2, 3, 4)
	a2 := indexArange(t, 3, 4)
	tests := []struct {
		name  string
		a     *Array
		items []Index
	}{
		{"3-d to 3-d", a3, []Index{Step(-1), Range(1, 3), RangeStep(3, 0, -2)}},
		{"3-d to 0-d", a3, []Index{Int(1), Int(-1), Int(2)}},
		{"2-d to 4-d", a2, []Index{NewAxis, Ellipsis, NewAxis, Int(1), NewAxis}},
		{"2-d to 4-d with slices", a2, []Index{NewAxis, From(1), NewAxis, To(2)}},
		{"no items", a3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v *Array
			allocs := testing.AllocsPerRun(100, func() {
				v, _ = tt.a.Slice(tt.items...)
			})
			if v == nil {
				t.Fatal("Slice failed")
			}
			if allocs != 1 {
				t.Errorf("Slice allocated %v times, want 1 (the header)", allocs)
			}
		})
	}
}

// TestSetSlice checks assignment against NumPy 1.24's a[items] = value on
// a = np.zeros((3, 4)) (or the array named in the case).
func TestSetSlice(t *testing.T) {
	f64 := func(v []float64, shape ...int) *Array {
		a, err := FromSlice(v, shape...)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	zeros := func() *Array { a, _ := Zeros(dtype.Float64, 3, 4); return a }
	tests := []struct {
		name  string
		a     *Array
		expr  string
		items []Index
		value func(a *Array) *Array // given the destination, for overlapping values
		want  any                   // []float64, []int64 or []int32 of a afterwards
	}{
		{"row from int64 (cast)", zeros(), "1", []Index{Int(1)},
			func(*Array) *Array { return indexArange(t, 4) },
			[]float64{0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0}},
		{"broadcast row over reversed strided columns", zeros(), ":, ::-2", []Index{All, Step(-2)},
			func(*Array) *Array { return f64([]float64{1, 2}, 1, 2) },
			[]float64{0, 2, 0, 1, 0, 2, 0, 1, 0, 2, 0, 1}},
		{"0-d value into new axis view", zeros(), "..., None", []Index{Ellipsis, NewAxis},
			func(*Array) *Array { return Scalar(5.0) },
			[]float64{5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}},
		{"leading length-1 axes of value are dropped", zeros(), "0", []Index{Int(0)},
			func(*Array) *Array { return f64([]float64{0, 1, 2, 3}, 1, 1, 4) },
			[]float64{0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0}},
		{"column through new axes", zeros(), "None, 1:, None, 2", []Index{NewAxis, From(1), NewAxis, Int(2)},
			func(*Array) *Array { return f64([]float64{7, 8}, 2, 1) },
			[]float64{0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 8, 0}},
		{"overlapping shift", indexArange(t, 10), "1:", []Index{From(1)},
			func(a *Array) *Array { v, _ := a.Slice(To(-1)); return v },
			[]int64{0, 0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"overlapping reverse", indexArange(t, 10), "::-1", []Index{Step(-1)},
			func(a *Array) *Array { return a },
			[]int64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
	}
	for _, tt := range tests {
		for _, form := range []string{"typed", "string"} {
			t.Run(tt.name+"/"+form, func(t *testing.T) {
				a := tt.a.Copy()
				var err error
				if form == "typed" {
					err = a.SetSlice(tt.value(a), tt.items...)
				} else {
					err = a.SetIndex(tt.expr, tt.value(a))
				}
				if err != nil {
					t.Fatal(err)
				}
				var got any
				switch tt.want.(type) {
				case []float64:
					got = ToSlice[float64](a)
				case []int64:
					got = ToSlice[int64](a)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("a = %v, want %v", got, tt.want)
				}
			})
		}
	}
}

func TestSetSliceUnsafeCast(t *testing.T) {
	// np.zeros((3, 4), np.int32); a[0, 0] = np.array(3.7); a[2, -1] = np.array(-2.9)
	a, err := Zeros(dtype.Int32, 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetSlice(Scalar(3.7), Int(0), Int(0)); err != nil {
		t.Fatal(err)
	}
	if err := a.SetIndex("2, -1", Scalar(-2.9)); err != nil {
		t.Fatal(err)
	}
	want := []int32{3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -2}
	if got := ToSlice[int32](a); !slices.Equal(got, want) {
		t.Errorf("a = %v, want %v", got, want)
	}
}

func TestSetSliceErrors(t *testing.T) {
	a, err := Zeros(dtype.Float64, 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	var be *BroadcastError
	var ie *IndexError
	var pe *IndexParseError
	var ve *ValueError
	tests := []struct {
		name   string
		err    error
		target any
	}{
		// NumPy: could not broadcast input array from shape (3,) into shape (4,)
		{"value does not broadcast", a.SetSlice(indexArange(t, 3), Int(0)), &be},
		// NumPy: could not broadcast input array from shape (2,) into shape (1,2,1)
		{"value does not broadcast through new axes", a.SetIndex("None, 1:, None, 2", indexArange(t, 2)), &be},
		// NumPy: could not broadcast input array from shape (3,) into shape (0,4)
		{"empty selection", a.SetIndex("5:2", indexArange(t, 3)), &be},
		{"index out of bounds", a.SetSlice(Scalar(1.0), Int(3)), &ie},
		{"too many indices", a.SetIndex("0, 0, 0", Scalar(1.0)), &ie},
		{"parse error", a.SetIndex("0, x", Scalar(1.0)), &pe},
		{"nil value", a.SetSlice(nil, Int(0)), &ve},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil || !errors.As(tt.err, tt.target) {
				t.Errorf("got %v, want %T", tt.err, tt.target)
			}
		})
	}
	if got := ToSlice[float64](a); slices.ContainsFunc(got, func(v float64) bool { return v != 0 }) {
		t.Errorf("failed assignments changed a: %v", got)
	}
}

func ExampleArray_Index() {
	a, _ := FromSlice([]int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4)
	v, _ := a.Index("1:, ::-1")
	fmt.Println(v.Shape(), ToSlice[int64](v))
	// Output: [2 4] [7 6 5 4 11 10 9 8]
}

func ExampleArray_Slice() {
	a, _ := FromSlice([]int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4)
	v, _ := a.Slice(All, Int(1), NewAxis) // a[:, 1, None]
	fmt.Println(v.Shape(), ToSlice[int64](v))
	Set(v, int64(-1), 0, 0) // a view: the write reaches a
	fmt.Println(At[int64](a, 0, 1))
	// Output:
	// [3 1] [1 5 9]
	// -1
}

func ExampleArray_SetIndex() {
	a, _ := Zeros(dtype.Float64, 2, 3)
	_ = a.SetIndex(":, ::2", Scalar(7.0)) // a[:, ::2] = 7
	fmt.Println(ToSlice[float64](a))
	// Output: [7 0 7 7 0 7]
}
