package ufunc

import (
	"runtime"
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// This file builds iteration plans with explicit operand strides, for the
// ufunc methods (Reduce, Accumulate, At): their operands are not simply
// broadcast against each other, so they set each operand's base pointer
// and strides themselves before prepare reorders and coalesces the axes.

// reduceBlock is the fixed block length of a reduction's decomposition.
// A reduced run longer than this is cut into blocks of reduceBlock
// elements at fixed positions; each block is reduced on its own into a
// partial result, and the partials are then combined by the loop in
// their order (pairwise for a float add). The decomposition depends only
// on the shape and layout of the operands, never on the number of
// goroutines, so the blocks can be reduced concurrently without changing
// a single bit of the result.
const reduceBlock = 1 << 16

// setOp fills operand i of p from a base pointer and strides over the
// plan's p.nd dimensions.
func (p *plan) setOp(i int, base unsafe.Pointer, strides []int, out bool) {
	op := &p.ops[i]
	op.base = base
	for k := range MaxDims {
		op.strides[k] = 0
	}
	copy(op.strides[:], strides)
	op.cast, op.lsize, op.out = nil, 0, out
}

// setCast makes operand i convert between its array dtype and the loop's
// dtype (array to loop for inputs, loop to array for outputs).
func (p *plan) setCast(i int, arr, loop dtype.DType) error {
	op := &p.ops[i]
	if arr == loop {
		op.cast, op.lsize = nil, 0
		return nil
	}
	var err error
	if op.out {
		op.cast, err = dtype.GetCast(loop, arr)
	} else {
		op.cast, err = dtype.GetCast(arr, loop)
	}
	if err != nil {
		return err
	}
	op.lsize = loop.Size()
	return nil
}

// arrayStrides returns a's strides with 0 for length-1 axes, so that such
// axes never prevent coalescing.
func arrayStrides(dst []int, a *ndarray.Array) []int {
	dst = dst[:0]
	for i, s := range a.Strides() {
		if a.Shape()[i] == 1 {
			s = 0
		}
		dst = append(dst, s)
	}
	return dst
}

// castLoop wraps a cast as a two-operand loop (input, output), for plans
// that only copy.
func castLoop(c dtype.CastLoop) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		c(args[1], steps[1], args[0], steps[0], n)
	}
}

// reduction is a prepared reduction plan: operands (accumulator, input,
// accumulator), the accumulator having stride 0 along the reduced axes.
type reduction struct {
	p        plan
	s        scratch
	blocked  bool           // the ufunc is reorderable: long reduced runs are cut into blocks
	rowSum   bool           // a float64 add without casts: axis sums may go through addRows
	whole    bool           // the loop's result does not depend on how a run is cut (float max/min)
	floatSum bool           // a float64 or float32 add: long contiguous runs are summed whole (pairwiseSum)
	accSize  int            // bytes of one accumulator element
	first    dtype.CastLoop // input array dtype -> accumulator dtype (block starts)
}

// run executes the reduction plan. When the innermost dimension is a
// reduced one (the loop sees out = op(out, b[0..n))) and longer than
// reduceBlock, each innermost run is reduced block by block (see
// reduceBlock); otherwise the plan runs as an element-wise one, except
// for a float64 sum along a dimension other than the innermost, which
// addRows adds row by row.
func (r *reduction) run() {
	p := &r.p
	if p.size == 0 || r.rowSum && r.addRows() || r.floatSum && r.pairwiseSum() {
		return
	}
	last := p.nd - 1
	if !r.blocked || p.hasMask || last < 0 || r.first == nil ||
		p.ops[0].strides[last] != 0 || p.ops[1].strides[last] == 0 || p.shape[last] <= reduceBlock {
		if k := p.keptDim(); k >= 0 && p.size >= ParallelThreshold {
			if workers := runtime.GOMAXPROCS(0); workers > 1 {
				p.runSplit(k, workers)
				return
			}
		}
		p.run(0, p.size, &r.s)
		return
	}
	if p.casts {
		r.s.buffers(p)
	}
	n := p.shape[last]
	nb := (n + reduceBlock - 1) / reduceBlock
	words := make([]uint64, (nb*r.accSize+7)/8)
	partials := unsafe.Pointer(unsafe.SliceData(words))
	var idx [MaxDims]int
	for pos := 0; pos < p.size; pos += n {
		r.blockedRun(idx[:last], n, nb, partials)
		for k := last - 1; k >= 0; k-- {
			idx[k]++
			if idx[k] < p.shape[k] {
				break
			}
			idx[k] = 0
		}
	}
}

// blockedRun reduces one innermost run of n elements (outer holds the
// indices of the other dimensions) through nb block partials.
func (r *reduction) blockedRun(outer []int, n, nb int, partials unsafe.Pointer) {
	p, s := &r.p, &r.s
	last := p.nd - 1
	in := &p.ops[1]
	inStep := in.strides[last]
	inBase := unsafe.Add(in.base, outerOffset(&in.strides, outer))
	acc := unsafe.Add(p.ops[0].base, outerOffset(&p.ops[0].strides, outer))
	// Each block is independent of the others: it starts from its own
	// first element and touches only its partial's slot, so blocks may
	// run on several goroutines without changing the result.
	blocks := func(b0, b1 int, s *scratch) {
		for b := b0; b < b1; b++ {
			start := b * reduceBlock
			m := min(reduceBlock, n-start)
			part := unsafe.Add(partials, b*r.accSize)
			first := unsafe.Add(inBase, start*inStep)
			r.first(part, 0, first, 0, 1)
			if m == 1 {
				continue
			}
			s.args[0], s.steps[0] = part, 0
			s.args[1], s.steps[1] = first, inStep
			s.args[2], s.steps[2] = part, 0
			if r.whole && !p.casts {
				// one call for the block rather than one per chunk
				s.args[1] = unsafe.Add(first, inStep)
				p.loop(s.args[:3], s.steps[:3], m-1)
				continue
			}
			p.buffered(s, 1, m-1)
		}
	}
	workers := 1
	if n >= ParallelThreshold && nb > 1 {
		workers = min(runtime.GOMAXPROCS(0), nb)
	}
	if workers < 2 {
		blocks(0, nb, s)
	} else {
		per := (nb + workers - 1) / workers
		var wg sync.WaitGroup
		for b0 := per; b0 < nb; b0 += per {
			b1 := min(b0+per, nb)
			wg.Add(1)
			go func() {
				defer wg.Done()
				ws := new(scratch)
				if p.casts {
					ws.buffers(p)
				}
				blocks(b0, b1, ws)
			}()
		}
		blocks(0, min(per, nb), s)
		wg.Wait()
	}
	// Combine the partials in order, then into the accumulator.
	var args [3]unsafe.Pointer
	var steps [3]int
	args[0], args[1], args[2] = partials, unsafe.Add(partials, r.accSize), partials
	steps[1] = r.accSize
	p.loop(args[:], steps[:], nb-1)
	args[0], args[1], args[2] = acc, partials, acc
	steps[1] = 0
	p.loop(args[:], steps[:], 1)
}

// keptDim returns the longest dimension along which no output element is
// revisited (every output steps through it), or -1. Splitting a plan
// there gives goroutines disjoint outputs.
func (p *plan) keptDim() int {
	best := -1
	for k := range p.nd {
		if p.shape[k] < 2 {
			continue
		}
		kept := true
		for i := range p.nops {
			if p.ops[i].out && p.ops[i].strides[k] == 0 {
				kept = false
			}
		}
		if kept && (best < 0 || p.shape[k] > p.shape[best]) {
			best = k
		}
	}
	return best
}

// runSplit runs p on up to workers goroutines, each on a slice of
// dimension k. Every output element is computed by one goroutine exactly
// as a single goroutine would, so the result does not depend on workers.
func (p *plan) runSplit(k, workers int) {
	n := p.shape[k]
	workers = min(workers, n)
	per := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += per {
		q := *p
		hi := min(lo+per, n)
		q.shape[k] = hi - lo
		for i := range q.nops {
			q.ops[i].base = unsafe.Add(q.ops[i].base, lo*q.ops[i].strides[k])
		}
		if q.hasMask {
			q.mask.base = unsafe.Add(q.mask.base, lo*q.mask.strides[k])
		}
		q.size = p.size / n * (hi - lo)
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.run(0, q.size, new(scratch))
		}()
	}
	wg.Wait()
}
