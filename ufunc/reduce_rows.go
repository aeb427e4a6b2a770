package ufunc

import (
	"runtime"
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// addRows runs a float64 sum whose innermost dimension is kept and
// contiguous and whose next one is reduced (a sum along axis 0 of a
// C-ordered matrix, or along any axis but the last) through
// simd.AddRowsFloat64, which adds several rows to the accumulator at a
// time instead of the whole accumulator row once per input row. Each
// accumulator element receives the same additions in the same order as
// the element-wise plan gives it (outer indices, then rows, in C order),
// so the result is the same bit for bit, whatever the number of
// goroutines. It reports false, doing nothing, when the plan has another
// shape.
func (r *reduction) addRows() bool {
	p := &r.p
	if p.hasMask || p.casts || p.nd < 2 {
		return false
	}
	last, rowDim := p.nd-1, p.nd-2
	acc, in := &p.ops[0], &p.ops[1]
	rowStride := in.strides[rowDim]
	if acc.strides[last] != 8 || in.strides[last] != 8 || acc.strides[rowDim] != 0 ||
		rowStride <= 0 || rowStride%8 != 0 ||
		p.ops[2].base != acc.base || p.ops[2].strides != acc.strides {
		return false
	}
	n, rows := p.shape[last], p.shape[rowDim]
	workers := 1
	if p.size >= ParallelThreshold {
		workers = runtime.GOMAXPROCS(0)
	}
	// Goroutines take bands of columns (whole vectors of them); a plan
	// too narrow to share that way goes to the element-wise walk, which
	// splits an outer dimension instead.
	const minCols = 128
	if workers > 1 && n < 2*minCols {
		return false
	}
	workers = min(workers, n/minCols)
	outer := p.shape[:rowDim]
	count := 1
	for _, d := range outer {
		count *= d
	}
	cols := func(j0, j1 int) {
		var idx [MaxDims]int
		for range count {
			dst := unsafe.Add(acc.base, outerOffset(&acc.strides, idx[:rowDim])+8*j0)
			src := unsafe.Add(in.base, outerOffset(&in.strides, idx[:rowDim])+8*j0)
			m := j1 - j0
			simd.AddRowsFloat64(unsafe.Slice((*float64)(dst), m),
				unsafe.Slice((*float64)(src), (rows-1)*rowStride/8+m), rowStride/8, rows)
			for k := rowDim - 1; k >= 0; k-- {
				idx[k]++
				if idx[k] < outer[k] {
					break
				}
				idx[k] = 0
			}
		}
	}
	if workers < 2 {
		cols(0, n)
		return true
	}
	per := (n/workers + 7) &^ 7
	var wg sync.WaitGroup
	for j0 := per; j0 < n; j0 += per {
		j1 := min(j0+per, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			cols(j0, j1)
		}()
	}
	cols(0, min(per, n))
	wg.Wait()
	return true
}
