package ndarray

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseIndex(t *testing.T) {
	tests := []struct {
		expr string
		want []Index
	}{
		{"", nil},
		{"   ", nil},
		{"()", nil},
		{" ( ) ", nil},
		{"1", []Index{Int(1)}},
		{"+1", []Index{Int(1)}},
		{"-0", []Index{Int(0)}},
		{"007", []Index{Int(7)}},
		{" 1 , -2 ", []Index{Int(1), Int(-2)}},
		{"1,", []Index{Int(1)}},
		{"(1,)", []Index{Int(1)}},
		{"(1)", []Index{Int(1)}},
		{"(1, 2)", []Index{Int(1), Int(2)}},
		{"\t1,\n2\r\n", []Index{Int(1), Int(2)}},
		{":", []Index{All}},
		{"::", []Index{All}},
		{"1:", []Index{From(1)}},
		{":5", []Index{To(5)}},
		{"::2", []Index{Step(2)}},
		{"1:5", []Index{Range(1, 5)}},
		{"1:5:2", []Index{RangeStep(1, 5, 2)}},
		{" 1 : 5 : 2 ", []Index{RangeStep(1, 5, 2)}},
		{"-1::-1", []Index{Slice{Start: ip(-1), Step: ip(-1)}}},
		{":5:", []Index{To(5)}},
		{"1::", []Index{From(1)}},
		{"None:3", []Index{To(3)}},
		{"3:None:-1", []Index{Slice{Start: ip(3), Step: ip(-1)}}},
		{"np.newaxis::2", []Index{Step(2)}},
		{"None:None:None", []Index{All}},
		{"...", []Index{Ellipsis}},
		{"None", []Index{NewAxis}},
		{"newaxis", []Index{NewAxis}},
		{"np.newaxis", []Index{NewAxis}},
		{"numpy.newaxis", []Index{NewAxis}},
		{"1:5:2, ..., None", []Index{RangeStep(1, 5, 2), Ellipsis, NewAxis}},
		{"...,None,0", []Index{Ellipsis, NewAxis, Int(0)}},
		{"9223372036854775807", []Index{Int(9223372036854775807)}},
		{"-9223372036854775808", []Index{Int(-9223372036854775808)}},
		{strings.Repeat("0,", 64), []Index{
			Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0),
			Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0),
			Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0),
			Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0), Int(0),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, err := ParseIndex(tt.expr)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) || (len(got) > 0 && !reflect.DeepEqual(got, tt.want)) {
				t.Errorf("ParseIndex(%q) = %v, want %v", tt.expr, got, tt.want)
			}
		})
	}
}

func TestParseIndexErrors(t *testing.T) {
	tests := []struct {
		expr string
		pos  int
		msg  string
	}{
		{"1:x", 2, `ndarray: cannot parse index "1:x": unexpected 'x' at column 3`},
		{"1:2:3:4", 5, `ndarray: cannot parse index "1:2:3:4": unexpected ':' at column 6`},
		{"9223372036854775808", 0, `ndarray: cannot parse index "9223372036854775808": integer 9223372036854775808 out of range at column 1`},
		{"1, -9223372036854775809", 3, `ndarray: cannot parse index "1, -9223372036854775809": integer -9223372036854775809 out of range at column 4`},
		{"1_000", 1, `ndarray: cannot parse index "1_000": unexpected '_' at column 2`},
		{"0x10", 1, `ndarray: cannot parse index "0x10": unexpected 'x' at column 2`},
		{"1.5", 1, `ndarray: cannot parse index "1.5": unexpected '.' at column 2`},
		{",", 0, `ndarray: cannot parse index ",": unexpected ',' at column 1`},
		{"1,,2", 2, `ndarray: cannot parse index "1,,2": unexpected ',' at column 3`},
		{"(,)", 1, `ndarray: cannot parse index "(,)": unexpected ',' at column 2`},
		{"(1", 2, `ndarray: cannot parse index "(1": unexpected end of input, expected ')' at column 3`},
		{"1)", 1, `ndarray: cannot parse index "1)": unexpected ')' at column 2`},
		{"((1))", 1, `ndarray: cannot parse index "((1))": unexpected '(' at column 2`},
		{"[1]", 0, `ndarray: cannot parse index "[1]": unexpected '[' at column 1`},
		{"..", 0, `ndarray: cannot parse index "..": unexpected '.' at column 1`},
		{"....", 3, `ndarray: cannot parse index "....": unexpected '.' at column 4`},
		{"Nonee", 0, `ndarray: cannot parse index "Nonee": unexpected "Nonee" (the only names allowed are None and np.newaxis) at column 1`},
		{"1:nan", 2, `ndarray: cannot parse index "1:nan": unexpected "nan" (the only names allowed are None and np.newaxis) at column 3`},
		{"-", 1, `ndarray: cannot parse index "-": unexpected end of input, expected a digit at column 2`},
		{"- 1", 1, `ndarray: cannot parse index "- 1": unexpected ' ' at column 2`},
		{"1 2", 2, `ndarray: cannot parse index "1 2": unexpected '2' at column 3`},
		{"None None", 5, `ndarray: cannot parse index "None None": unexpected 'N' at column 6`},
		{"\xff", 0, `ndarray: cannot parse index "\xff": unexpected byte 0xff at column 1`},
		{"é", 0, `ndarray: cannot parse index "é": unexpected 'é' at column 1`},
		{strings.Repeat("0,", 65), 128, `ndarray: cannot parse index "` + strings.Repeat("0,", 65) + `": more than 64 index items at column 129`},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			items, err := ParseIndex(tt.expr)
			var pe *IndexParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseIndex(%q) = %v, %v; want *IndexParseError", tt.expr, items, err)
			}
			if pe.Input != tt.expr || pe.Pos != tt.pos {
				t.Errorf("Input %q Pos %d, want %q %d", pe.Input, pe.Pos, tt.expr, tt.pos)
			}
			if err.Error() != tt.msg {
				t.Errorf("error\n%s\nwant\n%s", err, tt.msg)
			}
		})
	}
}

// refSelect returns the positions of an axis of length n that s selects,
// found by testing each position against Python's definition of a slice
// rather than by counting.
func refSelect(s Slice, n int) (pos []int, ok bool) {
	step := 1
	if s.Step != nil {
		step = *s.Step
	}
	if step == 0 {
		return nil, false
	}
	lo, hi := 0, n // bounds are clipped to [lo, hi]
	if step < 0 {
		lo, hi = -1, n-1
	}
	norm := func(b *int, def int) int {
		if b == nil {
			return def
		}
		v := *b
		if v < 0 {
			v += n
		}
		return min(max(v, lo), hi)
	}
	if step > 0 {
		start, stop := norm(s.Start, 0), norm(s.Stop, n)
		for j := 0; j < n; j++ {
			if start <= j && j < stop && (j-start)%step == 0 {
				pos = append(pos, j)
			}
		}
	} else {
		start, stop := norm(s.Start, n-1), norm(s.Stop, -1)
		for j := n - 1; j >= 0; j-- {
			if stop < j && j <= start && (start-j)%step == 0 {
				pos = append(pos, j)
			}
		}
	}
	return pos, true
}

// refIndex computes base[items...] element by element: the result's shape
// and, in C order, the index into base of each of its elements. ok is
// false when NumPy raises an IndexError.
func refIndex(shape []int, items []Index) (outShape []int, src [][]int, ok bool) {
	nd := len(shape)
	consumed, ellipses := 0, 0
	for _, it := range items {
		switch it.(type) {
		case intIndex, Slice:
			consumed++
		case ellipsis:
			ellipses++
		}
	}
	if consumed > nd || ellipses > 1 {
		return nil, nil, false
	}
	// Expand into one entry per source axis and new axis.
	type axis struct {
		src  int   // source axis, or -1 for a new axis
		pos  []int // positions selected
		keep bool  // the axis appears in the result
	}
	var axes []axis
	ax := 0
	full := func() {
		p := make([]int, shape[ax])
		for i := range p {
			p[i] = i
		}
		axes = append(axes, axis{ax, p, true})
		ax++
	}
	for _, it := range items {
		switch it := it.(type) {
		case intIndex:
			i := int(it)
			if i < 0 {
				i += shape[ax]
			}
			if i < 0 || i >= shape[ax] {
				return nil, nil, false
			}
			axes = append(axes, axis{ax, []int{i}, false})
			ax++
		case Slice:
			p, ok := refSelect(it, shape[ax])
			if !ok {
				return nil, nil, false
			}
			axes = append(axes, axis{ax, p, true})
			ax++
		case newAxis:
			axes = append(axes, axis{-1, []int{0}, true})
		case ellipsis:
			for range nd - consumed {
				full()
			}
		}
	}
	for ax < nd {
		full()
	}
	outShape = []int{}
	for _, a := range axes {
		if a.keep {
			outShape = append(outShape, len(a.pos))
		}
	}
	// Walk the cartesian product of the positions in C order.
	var walk func(k int, idx []int)
	walk = func(k int, idx []int) {
		if k == len(axes) {
			src = append(src, append([]int(nil), idx...))
			return
		}
		for _, p := range axes[k].pos {
			if axes[k].src >= 0 {
				idx[axes[k].src] = p
			}
			walk(k+1, idx)
		}
	}
	walk(0, make([]int, nd))
	return outShape, src, true
}

var fuzzSeeds = []string{
	"", "()", "( )", "1", "-1", "+3", "1,", "(1,)", "(1, 2)", ":", "::", "::-1", "1:", ":5", "1:5:2",
	"-1::-1", "None:3", "3:None:-1", "...", "None", "np.newaxis", "numpy.newaxis", "newaxis",
	"1:5:2, ..., None", "..., None, 0", "None, ..., None", "0, ..., ::-1", "1, ..., 2", "..., ...",
	"9223372036854775807", "-9223372036854775808", "9223372036854775808", "::9223372036854775807",
	"::-9223372036854775808", "-9223372036854775808:9223372036854775807:-9223372036854775808",
	"1:x", "1:2:3:4", "1_000", "0x10", "1.5", ",", "1,,2", "(,)", "(1", "1)", "((1))", "[1]",
	"..", "....", "Nonee", "-", "- 1", "1 2", "\xff", "é", "\x00", "5, 5, 5, 5", "0, 0, 0",
	":, :, :, None", "::0", "-4::-2, 3:0:-2, ::3", "None, None, None, None, None, 1",
	strings.Repeat("0,", 64), strings.Repeat("None,", 65), strings.Repeat("(", 100),
}

// FuzzParseIndex checks that ParseIndex never panics, that what it
// accepts prints back to the same items, and that applying them to small
// arrays (one with negative strides and an offset) either fails with an
// *IndexError or returns a view that stays inside the buffer and holds
// exactly the elements a position-by-position evaluation selects.
func FuzzParseIndex(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, c := range indexCases {
		f.Add(c.expr)
	}
	base := indexArange(f, 2, 3, 4)
	rev, err := base.Slice(Step(-1), All, RangeStep(-1, 0, -2)) // shape (2, 3, 2), offset > 0
	if err != nil {
		f.Fatal(err)
	}
	arrays := []*Array{base, rev, Scalar(int64(7)), indexArange(f, 5)}
	f.Fuzz(func(t *testing.T, expr string) {
		items, err := ParseIndex(expr)
		if err != nil {
			var pe *IndexParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseIndex(%q): error %v is not an *IndexParseError", expr, err)
			}
			if pe.Pos < 0 || pe.Pos > len(expr) || pe.Input != expr {
				t.Fatalf("ParseIndex(%q): bad error position %d", expr, pe.Pos)
			}
			return
		}
		if len(items) > maxIndexItems {
			t.Fatalf("ParseIndex(%q): %d items", expr, len(items))
		}
		strs := make([]string, len(items))
		for i, it := range items {
			strs[i] = it.String()
		}
		again, err := ParseIndex(strings.Join(strs, ", "))
		if err != nil || len(again) != len(items) || (len(items) > 0 && !reflect.DeepEqual(again, items)) {
			t.Fatalf("ParseIndex(%q) = %v, but its printed form parses to %v, %v", expr, items, again, err)
		}
		for _, a := range arrays {
			v, err := a.Slice(items...)
			wantShape, src, ok := refIndex(a.Shape(), items)
			if err != nil {
				var ie *IndexError
				if !errors.As(err, &ie) {
					t.Fatalf("a%v[%s]: error %v is not an *IndexError", a.Shape(), expr, err)
				}
				if ok {
					t.Fatalf("a%v[%s]: error %v, but the reference selects shape %v", a.Shape(), expr, err, wantShape)
				}
				continue
			}
			if !ok {
				t.Fatalf("a%v[%s]: got shape %v, but the reference raises an error", a.Shape(), expr, v.Shape())
			}
			n := len(v.Buffer())
			v.forEachOffset(func(_, off int) bool {
				if off < 0 || off+v.ItemSize() > n {
					t.Fatalf("a%v[%s]: element at byte %d outside a buffer of %d", a.Shape(), expr, off, n)
				}
				return true
			})
			if !viewBounds(n, v.Offset(), v.Shape(), v.Strides(), v.ItemSize()) {
				t.Fatalf("a%v[%s]: view reaches outside the buffer", a.Shape(), expr)
			}
			if !reflect.DeepEqual(v.Shape(), wantShape) {
				t.Fatalf("a%v[%s]: shape %v, want %v", a.Shape(), expr, v.Shape(), wantShape)
			}
			got := ToSlice[int64](v)
			for i, idx := range src {
				if want := At[int64](a, idx...); got[i] != want {
					t.Fatalf("a%v[%s]: element %d is %d, want a%v = %d", a.Shape(), expr, i, got[i], idx, want)
				}
			}
		}
	})
}
