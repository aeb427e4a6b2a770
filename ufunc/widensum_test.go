package ufunc

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// TestWideningSums checks int8/int16/int32 sums into int64 (the widening
// loop) against a plain Go sum, on contiguous, strided and axis
// reductions, with one and two goroutines.
func TestWideningSums(t *testing.T) {
	must := mustOK(t)
	r := rand.New(rand.NewPCG(5, 6))
	n := 3*reduceBlock + 77
	v8 := make([]int8, n)
	v16 := make([]int16, n)
	v32 := make([]int32, n)
	var s8, s16, s32, s8odd int64
	for i := range n {
		v8[i], v16[i], v32[i] = int8(r.Uint32()), int16(r.Uint32()), int32(r.Uint32())
		s8, s16, s32 = s8+int64(v8[i]), s16+int64(v16[i]), s32+int64(v32[i])
		if i%2 == 1 {
			s8odd += int64(v8[i])
		}
	}
	a8, a16, a32 := must(ndarray.FromSlice(v8)), must(ndarray.FromSlice(v16)), must(ndarray.FromSlice(v32))
	odd := must(a8.Index("1::2"))
	for _, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		for _, c := range []struct {
			name string
			a    *ndarray.Array
			want int64
		}{{"int8", a8, s8}, {"int16", a16, s16}, {"int32", a32, s32}, {"int8 strided", odd, s8odd}} {
			got := must(Sum(c.a))
			if got.DType() != dtype.Int64 || ndarray.At[int64](got) != c.want {
				t.Errorf("%d goroutines: sum of %s = %v %v, want %d", procs, c.name, got.DType(), got, c.want)
			}
		}
		runtime.GOMAXPROCS(prev)
	}
	m := must(must(ndarray.FromSlice(v8[:600])).Reshape(20, 30))
	rows := ndarray.ToSlice[int64](must(Sum(m, Axis(1))))
	cols := ndarray.ToSlice[int64](must(Sum(m, Axis(0))))
	for i := range 20 {
		var s int64
		for j := range 30 {
			s += int64(v8[i*30+j])
		}
		if rows[i] != s {
			t.Fatalf("row %d sum = %d, want %d", i, rows[i], s)
		}
	}
	for j := range 30 {
		var s int64
		for i := range 20 {
			s += int64(v8[i*30+j])
		}
		if cols[j] != s {
			t.Fatalf("column %d sum = %d, want %d", j, cols[j], s)
		}
	}
}
