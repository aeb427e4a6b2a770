package ufunc

import (
	"math"
	"runtime"
	"sync"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/simd"
)

// npyBuffer is the length of the pieces NumPy 1.24 cuts a float sum's
// reduced run into (its iterator's default buffer size): numpy.sum adds
// the pairwise sums of consecutive pieces of npyBuffer elements one
// after the other, out += pairwise(piece).
const npyBuffer = 8192

// pairwiseSum reports whether r is a float64 or float32 sum whose
// innermost dimension is a reduced run longer than npyBuffer, and if so
// adds each such run into its accumulator piece by piece, each piece of
// npyBuffer elements summed pairwise by the loop (simd.SumFloat64 or
// SumFloat32 when the run is contiguous). A float64 sum adds the pieces'
// sums in order, as NumPy does, so it has NumPy's bits; a float32 sum
// adds them pairwise, which bounds its error by that of one pairwise sum
// where NumPy's grows with the number of pieces. A long run's pieces are
// summed on several goroutines, which changes nothing in the result.
func (r *reduction) pairwiseSum() bool {
	p := &r.p
	last := p.nd - 1
	if !r.floatSum || p.casts || p.hasMask || last < 0 || p.shape[last] <= npyBuffer ||
		p.ops[0].strides[last] != 0 || p.ops[1].strides[last] == 0 {
		return false
	}
	n := p.shape[last]
	step := p.ops[1].strides[last]
	nb := (n + npyBuffer - 1) / npyBuffer
	workers := 1
	if n >= ParallelThreshold {
		workers = min(runtime.GOMAXPROCS(0), nb)
	}
	// one partial sum per piece (8 bytes each: float64, or float32 in
	// the low half), and for float32 the partials to sum pairwise
	partials := make([]uint64, nb)
	var sums []float32
	if r.accSize == 4 {
		sums = make([]float32, nb)
	}
	var idx [MaxDims]int
	for pos := 0; pos < p.size; pos += n {
		in := unsafe.Add(p.ops[1].base, outerOffset(&p.ops[1].strides, idx[:last]))
		acc := unsafe.Add(p.ops[0].base, outerOffset(&p.ops[0].strides, idx[:last]))
		r.pieceSums(partials, in, step, n, workers)
		if r.accSize == 8 {
			s := (*float64)(acc)
			for _, v := range partials {
				*s += math.Float64frombits(v)
			}
		} else {
			for i, v := range partials {
				sums[i] = math.Float32frombits(uint32(v))
			}
			*(*float32)(acc) += simd.SumFloat32(sums)
		}
		for k := last - 1; k >= 0; k-- {
			idx[k]++
			if idx[k] < p.shape[k] {
				break
			}
			idx[k] = 0
		}
	}
	return true
}

// pieceSums sets partials[k] to the pairwise sum of piece k (elements
// k*npyBuffer up to (k+1)*npyBuffer) of the run of n elements at in,
// step bytes apart, on workers goroutines. Each partial starts from -0,
// the identity of IEEE addition, and the loop adds its piece to it.
func (r *reduction) pieceSums(partials []uint64, in unsafe.Pointer, step, n, workers int) {
	neg := math.Float64bits(math.Copysign(0, -1))
	if r.accSize == 4 {
		neg = uint64(math.Float32bits(float32(math.Copysign(0, -1))))
	}
	for i := range partials {
		partials[i] = neg
	}
	nb := len(partials)
	sum := func(b0, b1 int) {
		var args [3]unsafe.Pointer
		steps := [3]int{0, step, 0}
		for b := b0; b < b1; b++ {
			part := unsafe.Pointer(&partials[b])
			args[0], args[1], args[2] = part, unsafe.Add(in, b*npyBuffer*step), part
			r.p.loop(args[:], steps[:], min(npyBuffer, n-b*npyBuffer))
		}
	}
	per := (nb + workers - 1) / workers
	var wg sync.WaitGroup
	for b0 := per; b0 < nb; b0 += per {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum(b0, min(b0+per, nb))
		}()
	}
	sum(0, min(per, nb))
	wg.Wait()
}

// isFloatSum reports whether a reduction of u accumulating in acc with a
// loop for loopIn is a plain float sum: out += pairwise(run).
func isFloatSum(u *Ufunc, acc, loopIn dtype.DType) bool {
	return u == Add && loopIn == acc && (acc == dtype.Float64 || acc == dtype.Float32)
}
