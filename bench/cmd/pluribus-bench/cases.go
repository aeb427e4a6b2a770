package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	pl "github.com/pluribus-go/pluribus"
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// sink receives every freshly allocated result so that it escapes to the
// heap, as a library's result would (WORKLOAD.md rule 2).
var sink *pl.Array

// Bench is one workload prepared for timing with pluribus.
type Bench struct {
	Run    func()         // one op of the workload
	Check  func() error   // compares a result with a plain Go reference
	RelErr func() float64 // rel_err of the result (sums), or nil
	Stmt   string         // the pluribus statement, for notes
	Close  func()         // releases resources (files), or nil
	errp   *error         // the first error a Run met
}

// unsupportedError says that pluribus lacks the operation an id needs.
type unsupportedError struct{ reason string }

func (e *unsupportedError) Error() string { return e.reason }

func unsupported(format string, args ...any) error {
	return &unsupportedError{reason: fmt.Sprintf(format, args...)}
}

// distribution of generated values (WORKLOAD.md rule 5).
type distribution int

const (
	uniform01   distribution = iota // uniform [0, 1)
	ints1000                        // integers in [-1000, 1000)
	positive                        // uniform [0.1, 100): sqrt, log
	symmetric10                     // uniform [-10, 10): exp, sin
	fullRange                       // every value of int8/int16
	normal                          // standard normal: mask_select
)

// data is an input array with its values as float64 (exact for every
// dtype used here: float32 values are the rounded float64 ones).
type data struct {
	arr  *pl.Array
	vals []float64
}

var dtypes = map[string]dtype.DType{
	"f64": dtype.Float64, "f32": dtype.Float32, "f16": dtype.Float16,
	"i64": dtype.Int64, "i32": dtype.Int32, "i16": dtype.Int16, "i8": dtype.Int8,
}

// gen makes an array of dt with n elements (or the given shape) drawn from
// dist.
func gen(rng *rand.Rand, dt string, dist distribution, shape ...int) (data, error) {
	n := 1
	for _, d := range shape {
		n *= d
	}
	v := make([]float64, n)
	for i := range v {
		switch dist {
		case uniform01:
			v[i] = rng.Float64()
		case ints1000:
			v[i] = float64(rng.IntN(2000) - 1000)
		case positive:
			v[i] = 0.1 + 99.9*rng.Float64()
		case symmetric10:
			v[i] = -10 + 20*rng.Float64()
		case fullRange:
			switch dt {
			case "i8":
				v[i] = float64(int8(rng.Uint32()))
			case "i16":
				v[i] = float64(int16(rng.Uint32()))
			default:
				return data{}, fmt.Errorf("full range of %s", dt)
			}
		case normal:
			v[i] = rng.NormFloat64()
		}
	}
	var arr *pl.Array
	var err error
	switch dt {
	case "f64":
		arr, err = pl.FromSlice(v, shape...)
	case "f32":
		s := make([]float32, n)
		for i, x := range v {
			s[i] = float32(x)
			v[i] = float64(s[i])
		}
		arr, err = pl.FromSlice(s, shape...)
	case "i64":
		arr, err = pl.FromSlice(convert[int64](v), shape...)
	case "i32":
		arr, err = pl.FromSlice(convert[int32](v), shape...)
	case "i16":
		arr, err = pl.FromSlice(convert[int16](v), shape...)
	case "i8":
		arr, err = pl.FromSlice(convert[int8](v), shape...)
	default:
		return data{}, fmt.Errorf("dtype %s", dt)
	}
	return data{arr, v}, err
}

func convert[T int8 | int16 | int32 | int64](v []float64) []T {
	s := make([]T, len(v))
	for i, x := range v {
		s[i] = T(x)
	}
	return s
}

// parseLen reads "1e7", "1000", "4" as a length.
func parseLen(s string) (int, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f != math.Trunc(f) {
		return 0, fmt.Errorf("bad length %q", s)
	}
	return int(f), nil
}

// parseShape reads an id's shape field: "1e7", "2d3000", "3x3".
func parseShape(s string) ([]int, error) {
	if rest, ok := strings.CutPrefix(s, "2d"); ok {
		n, err := parseLen(rest)
		return []int{n, n}, err
	}
	if a, b, ok := strings.Cut(s, "x"); ok {
		m, err1 := parseLen(a)
		n, err2 := parseLen(b)
		return []int{m, n}, errors.Join(err1, err2)
	}
	n, err := parseLen(s)
	return []int{n}, err
}

// values returns a result's elements as float64.
func values(a *pl.Array) ([]float64, error) {
	f, err := a.AsType(dtype.Float64, dtype.Unsafe)
	if err != nil {
		return nil, err
	}
	return ndarray.ToSlice[float64](f), nil
}

// compare checks got against want element by element within
// |got-want| <= rtol*|want| + atol (exact when both are 0).
func compare(got *pl.Array, want []float64, rtol, atol float64) error {
	g, err := values(got)
	if err != nil {
		return err
	}
	if len(g) != len(want) {
		return fmt.Errorf("result has %d elements, want %d", len(g), len(want))
	}
	for i := range want {
		d := math.Abs(g[i] - want[i])
		if !(d <= rtol*math.Abs(want[i])+atol) {
			return fmt.Errorf("element %d: got %v, want %v", i, g[i], want[i])
		}
	}
	return nil
}

// roundTo rounds float64 reference values to dt's precision.
func roundTo(dt string, v []float64) []float64 {
	if dt == "f32" {
		for i, x := range v {
			v[i] = float64(float32(x))
		}
	}
	return v
}

// neumaier is the Neumaier-compensated float64 sum (the exact reference of
// WORKLOAD.md rule 6).
func neumaier(v []float64) float64 {
	var s, c float64
	for _, x := range v {
		t := s + x
		if math.Abs(s) >= math.Abs(x) {
			c += (s - t) + x
		} else {
			c += (x - t) + s
		}
		s = t
	}
	return s + c
}

func must(a *pl.Array, err error) *pl.Array {
	if err != nil {
		panic(err)
	}
	return a
}

// elementwise maps the op field of an id to the pluribus function, the
// same with Out, and a Go reference on float64 values. out calls the
// function directly, as a program does: called through fn, a function
// value, the options slice would escape to the heap (one allocation a
// call that code calling pl.Add never pays, a third of a small call).
type binaryOp struct {
	fn  func(x1, x2 any, opts ...pl.Option) (*pl.Array, error)
	out func(x1, x2, out *pl.Array) error
	ref func(a, b float64) float64
}

var binaryOps = map[string]binaryOp{
	"add": {
		pl.Add,
		func(x1, x2, out *pl.Array) error { _, err := pl.Add(x1, x2, pl.Out(out)); return err },
		func(a, b float64) float64 { return a + b },
	},
	"mul": {
		pl.Multiply,
		func(x1, x2, out *pl.Array) error { _, err := pl.Multiply(x1, x2, pl.Out(out)); return err },
		func(a, b float64) float64 { return a * b },
	},
}

type unaryOp struct {
	fn   func(x any, opts ...pl.Option) (*pl.Array, error)
	ref  func(float64) float64
	dist distribution
	name string
}

var unaryOps = map[string]unaryOp{
	"sqrt": {pl.Sqrt, math.Sqrt, positive, "Sqrt"},
	"exp":  {pl.Exp, math.Exp, symmetric10, "Exp"},
	"log":  {pl.Log, math.Log, positive, "Log"},
	"sin":  {pl.Sin, math.Sin, symmetric10, "Sin"},
}

// newBench prepares workload w for pluribus.
func newBench(w *Workload) (*Bench, error) {
	parts := strings.Split(w.ID, ".")
	if len(parts) < 3 {
		return nil, fmt.Errorf("malformed id %q", w.ID)
	}
	op, dt, variant := parts[0], parts[1], strings.Join(parts[3:], ".")
	shape, err := parseShape(parts[2])
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(uint64(len(w.ID)), 0x9e3779b97f4a7c15))
	b := &Bench{errp: new(error)}
	fail := func(err error) {
		if err != nil && *b.errp == nil {
			*b.errp = err
		}
	}
	ok := func(a *pl.Array, err error) *pl.Array {
		fail(err)
		return a
	}

	switch {
	case op == "add" || op == "mul":
		bop := binaryOps[op]
		dist := uniform01
		if dt[0] == 'i' {
			dist = ints1000
		}
		return binaryBench(b, rng, w, bop, op, dt, dist, shape, variant, fail)

	case op == "fma":
		x := mustGen(rng, dt, uniform01, shape...)
		y := mustGen(rng, dt, uniform01, shape...)
		z := mustGen(rng, dt, uniform01, shape...)
		b.Stmt = "MulAdd(a, b, c)  # one pass, the product rounded as in a*b + c"
		b.Run = func() {
			d, err := pl.MulAdd(x.arr, y.arr, z.arr)
			fail(err)
			sink = d
		}
		b.Check = func() error {
			want := make([]float64, len(x.vals))
			for i := range want {
				want[i] = x.vals[i]*y.vals[i] + z.vals[i]
			}
			return compare(sink, want, 0, 0)
		}
		return b, nil

	case unaryOps[op].fn != nil:
		u := unaryOps[op]
		x := mustGen(rng, dt, u.dist, shape...)
		c := must(pl.Zeros(dtypes[dt], shape...))
		b.Stmt = u.name + "(a, Out(c))"
		b.Run = func() { _, err := u.fn(x.arr, pl.Out(c)); fail(err) }
		b.Check = func() error {
			want := make([]float64, len(x.vals))
			for i, v := range x.vals {
				want[i] = u.ref(v)
			}
			roundTo(dt, want)
			switch {
			case op == "sqrt":
				return compare(c, want, 0, 0)
			case dt == "f32":
				return compare(c, want, 4e-7, 1e-7)
			default:
				return compare(c, want, 1e-14, 1e-15)
			}
		}
		return b, nil

	case op == "less":
		x := mustGen(rng, dt, uniform01, shape...)
		y := mustGen(rng, dt, uniform01, shape...)
		m := must(pl.Zeros(dtype.Bool, shape...))
		b.Stmt = "Less(a, b, Out(m))"
		b.Run = func() { _, err := pl.Less(x.arr, y.arr, pl.Out(m)); fail(err) }
		b.Check = func() error {
			want := make([]float64, len(x.vals))
			for i := range want {
				if x.vals[i] < y.vals[i] {
					want[i] = 1
				}
			}
			return compare(m, want, 0, 0)
		}
		return b, nil

	case op == "sum" || op == "max" || op == "argmax" || op == "mean" || op == "std":
		return reductionBench(b, rng, op, dt, shape, variant, fail)

	case op == "astype":
		src, dst, _ := strings.Cut(dt, "_")
		x := mustGen(rng, src, uniform01, shape...)
		to := dtypes[dst]
		b.Stmt = fmt.Sprintf("a.AsType(%v, Unsafe)", to)
		b.Run = func() { sink = ok(x.arr.AsType(to, dtype.Unsafe)) }
		b.Check = func() error {
			want := make([]float64, len(x.vals))
			switch dst {
			case "f32":
				for i, v := range x.vals {
					want[i] = float64(float32(v))
				}
				return compare(sink, want, 0, 0)
			default: // f16: 11 significant bits, subnormal below 6.1e-5
				copy(want, x.vals)
				return compare(sink, want, 1.0/2048, 3e-8)
			}
		}
		return b, nil

	case op == "copy":
		x := mustGen(rng, dt, uniform01, shape...)
		src := x.arr
		b.Stmt = "a.Copy()"
		if variant == "T" {
			src = x.arr.T()
			b.Stmt = "a.T().Copy()  # C-order result"
		}
		b.Run = func() { sink = src.Copy() }
		b.Check = func() error {
			if !sink.IsCContiguous() {
				return fmt.Errorf("copy is not C-contiguous")
			}
			want := x.vals
			if variant == "T" {
				want = transpose(x.vals, shape[0], shape[1])
			}
			return compare(sink, want, 0, 0)
		}
		return b, nil

	case op == "zeros":
		b.Stmt = "Zeros(Float64, 1000)"
		b.Run = func() { sink = ok(pl.Zeros(dtypes[dt], shape...)) }
		b.Check = func() error { return compare(sink, make([]float64, shape[0]), 0, 0) }
		return b, nil

	case op == "dot":
		return dotBench(b, rng, dt, shape, fail)
	case op == "matmul":
		return matmulBench(b, rng, dt, shape, fail)
	case op == "mask_select":
		return maskSelectBench(b, rng, dt, shape, fail)
	case op == "sort":
		return sortBench(b, rng, dt, shape, fail)
	case op == "npy_save" || op == "npy_load":
		return npyBench(b, rng, op, dt, shape, fail)
	}
	return nil, unsupported("no pluribus setup for %s", w.ID)
}

func mustGen(rng *rand.Rand, dt string, dist distribution, shape ...int) data {
	d, err := gen(rng, dt, dist, shape...)
	if err != nil {
		panic(err)
	}
	return d
}

func transpose(v []float64, m, n int) []float64 {
	t := make([]float64, len(v))
	for i := range m {
		for j := range n {
			t[j*m+i] = v[i*n+j]
		}
	}
	return t
}

// binaryBench covers the add/mul ids of groups A, B and J.
func binaryBench(b *Bench, rng *rand.Rand, w *Workload, bop binaryOp, op, dt string, dist distribution,
	shape []int, variant string, fail func(error)) (*Bench, error) {
	name := map[string]string{"add": "Add", "mul": "Multiply"}[op]
	x := mustGen(rng, dt, dist, shape...)
	y := mustGen(rng, dt, dist, shape...)
	av, bv := x.arr, y.arr
	want := func(xa, ya []float64) []float64 {
		out := make([]float64, len(xa))
		for i := range out {
			out[i] = bop.ref(xa[i], ya[i])
		}
		return roundTo(dt, out)
	}
	var wantVals func() []float64
	alloc := false
	switch variant {
	case "", "out":
		wantVals = func() []float64 { return want(x.vals, y.vals) }
		alloc = variant == "" && w.Alloc // add.f64.4, add.f64.3x3
	case "alloc":
		alloc = true
		wantVals = func() []float64 { return want(x.vals, y.vals) }
	case "stride2":
		n := shape[0]
		x = mustGen(rng, dt, dist, 2*n)
		y = mustGen(rng, dt, dist, 2*n)
		av = must(x.arr.Index("::2"))
		bv = must(y.arr.Index("::2"))
		wantVals = func() []float64 {
			xs, ys := make([]float64, n), make([]float64, n)
			for i := range n {
				xs[i], ys[i] = x.vals[2*i], y.vals[2*i]
			}
			return want(xs, ys)
		}
	case "T":
		av = x.arr.T()
		wantVals = func() []float64 { return want(transpose(x.vals, shape[0], shape[1]), y.vals) }
	case "TT.alloc":
		alloc = true
		av, bv = x.arr.T(), y.arr.T()
		wantVals = func() []float64 {
			return want(transpose(x.vals, shape[0], shape[1]), transpose(y.vals, shape[0], shape[1]))
		}
	case "bcast_row":
		y = mustGen(rng, dt, dist, shape[1])
		bv = y.arr
		wantVals = func() []float64 {
			ys := make([]float64, len(x.vals))
			for i := range ys {
				ys[i] = y.vals[i%shape[1]]
			}
			return want(x.vals, ys)
		}
	case "bcast_col":
		y = mustGen(rng, dt, dist, shape[0], 1)
		bv = y.arr
		wantVals = func() []float64 {
			ys := make([]float64, len(x.vals))
			for i := range ys {
				ys[i] = y.vals[i/shape[1]]
			}
			return want(x.vals, ys)
		}
	default:
		return nil, unsupported("variant %q", variant)
	}
	var result func() *pl.Array
	if alloc {
		b.Stmt = fmt.Sprintf("c = %s(a, b)", name)
		if variant == "TT.alloc" {
			b.Stmt = fmt.Sprintf("c = %s(a.T(), b.T())", name)
		}
		b.Run = func() {
			c, err := bop.fn(av, bv)
			fail(err)
			sink = c
		}
		result = func() *pl.Array { return sink }
	} else {
		c := must(pl.Zeros(dtypes[dt], shape...))
		b.Stmt = fmt.Sprintf("%s(a, b, Out(c))", name)
		switch variant {
		case "stride2":
			b.Stmt = fmt.Sprintf("%s(A.Index(\"::2\"), B.Index(\"::2\"), Out(c))", name)
		case "T":
			b.Stmt = fmt.Sprintf("%s(a.T(), b, Out(c))", name)
		}
		b.Run = func() {
			fail(bop.out(av, bv, c))
		}
		result = func() *pl.Array { return c }
	}
	b.Check = func() error {
		r := result()
		if variant == "TT.alloc" {
			// The values in C order of the logical (transposed) result.
			r = r.Copy()
		}
		return compare(r, wantVals(), 0, 0)
	}
	return b, nil
}

// reductionBench covers group F (sums, max, argmax, mean, std).
func reductionBench(b *Bench, rng *rand.Rand, op, dt string, shape []int, variant string,
	fail func(error)) (*Bench, error) {
	dist := uniform01
	if dt == "i8" || dt == "i16" {
		dist = fullRange
	}
	x := mustGen(rng, dt, dist, shape...)
	var opts []pl.Option
	axis := -1
	switch variant {
	case "axis0":
		axis = 0
	case "axis1":
		axis = 1
	case "":
	default:
		return nil, unsupported("variant %q", variant)
	}
	if axis >= 0 {
		opts = append(opts, pl.Axis(axis))
	}
	stmt := ""
	var fn func(*pl.Array, ...pl.Option) (*pl.Array, error)
	switch op {
	case "sum":
		fn, stmt = pl.Sum, "Sum(a"
		if dist == fullRange {
			opts = append(opts, pl.DType(dtype.Int64))
			stmt += ", DType(Int64)"
		}
		if axis >= 0 {
			stmt += fmt.Sprintf(", Axis(%d)", axis)
		}
	case "max":
		fn, stmt = pl.Max, "Max(a"
	case "argmax":
		fn, stmt = pl.ArgMax, "ArgMax(a"
	case "mean":
		fn, stmt = pl.Mean, "Mean(a"
	case "std":
		fn, stmt = pl.Std, "Std(a"
	}
	b.Stmt = stmt + ")"
	b.Run = func() {
		r, err := fn(x.arr, opts...)
		fail(err)
		sink = r
	}
	n := len(x.vals)
	exact := neumaier(x.vals)
	b.Check = func() error {
		switch {
		case axis == 0 || axis == 1:
			m, k := shape[0], shape[1]
			want := make([]float64, map[int]int{0: k, 1: m}[axis])
			col := make([]float64, 0, max(m, k))
			for o := range want {
				col = col[:0]
				if axis == 0 {
					for i := range m {
						col = append(col, x.vals[i*k+o])
					}
				} else {
					col = append(col, x.vals[o*k:(o+1)*k]...)
				}
				want[o] = neumaier(col)
			}
			return compare(sink, want, 1e-13, 0)
		case op == "sum" && dist == fullRange:
			if sink.DType() != dtype.Int64 {
				return fmt.Errorf("result dtype %v, want int64", sink.DType())
			}
			return compare(sink, []float64{exact}, 0, 0)
		case op == "sum" || op == "mean":
			want, tol := exact, 1e-12
			if op == "mean" {
				want /= float64(n)
			}
			if dt == "f32" {
				tol = 1e-5
			}
			return compare(sink, []float64{want}, tol, 0)
		case op == "max" || op == "argmax":
			best := 0
			for i, v := range x.vals {
				if v > x.vals[best] {
					best = i
				}
			}
			if op == "argmax" {
				return compare(sink, []float64{float64(best)}, 0, 0)
			}
			return compare(sink, []float64{x.vals[best]}, 0, 0)
		case op == "std":
			mean := exact / float64(n)
			d := make([]float64, n)
			for i, v := range x.vals {
				d[i] = (v - mean) * (v - mean)
			}
			return compare(sink, []float64{math.Sqrt(neumaier(d) / float64(n))}, 1e-10, 0)
		}
		return nil
	}
	if op == "sum" && (dt == "f64" && axis < 0 || dt == "f32") {
		b.RelErr = func() float64 {
			g, err := values(sink)
			if err != nil || len(g) != 1 {
				return math.NaN()
			}
			return math.Abs(g[0]-exact) / math.Abs(exact)
		}
	}
	return b, nil
}
