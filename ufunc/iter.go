package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/internal/strided"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/simd"
)

// chunk is the number of elements converted at a time when an operand
// needs a cast: small enough for the buffers to stay in cache.
const chunk = 1024

// MaxDims is the largest number of dimensions a ufunc call iterates over
// (NumPy's limit too).
const MaxDims = 32

// operand is one array of an iteration, with its strides aligned to the
// iteration's dimensions.
type operand struct {
	base    unsafe.Pointer // first element (nil for an empty buffer)
	strides [MaxDims]int   // bytes, one per iteration dimension
	cast    dtype.CastLoop // array dtype -> loop dtype (inputs) or back (outputs); nil when none
	lsize   int            // bytes of one element in the loop's dtype
	out     bool
}

// plan is a prepared iteration: operands over a common shape, dimensions
// reordered (outermost first) and coalesced, and the loop to call on each
// innermost run. It lives in pooled call state, so preparing and running
// a call allocates nothing.
type plan struct {
	nd      int
	shape   [MaxDims]int
	nops    int
	ops     [maxOperands]operand
	hasMask bool
	mask    operand
	loop    Loop
	size    int // product of shape
	casts   bool
	evens   bool // an input steps by two 8-byte elements: gathered (see gathersEvens)
}

// basePtr returns a pointer to a's first element.
func basePtr(a *ndarray.Array) unsafe.Pointer {
	buf := a.Buffer()
	if len(buf) == 0 || a.Size() == 0 {
		return nil
	}
	return unsafe.Add(unsafe.Pointer(unsafe.SliceData(buf)), a.Offset())
}

// setOperand fills op from array a aligned to shape (stride 0 where a is
// broadcast).
func setOperand(op *operand, a *ndarray.Array, shape []int) {
	op.base = basePtr(a)
	n := len(shape)
	lead := n - a.NDim()
	for i := range n {
		op.strides[i] = 0
	}
	ash, ast := a.Shape(), a.Strides()
	for i, s := range ast {
		if ash[i] != 1 {
			op.strides[lead+i] = s
		}
	}
	op.cast, op.lsize, op.out = nil, 0, false
}

// bestOrder writes to perm the permutation of axes (outermost first) that
// puts the smallest strides innermost. Axis a moves inside axis b only
// when every operand stepping through both has the smaller stride along
// a (the rule of NumPy's iterator); otherwise C order is kept.
func bestOrder(perm []int, ops []*[MaxDims]int) {
	n := len(perm)
	for i := range perm {
		perm[i] = i
	}
	abs := func(x int) int {
		if x < 0 {
			return -x
		}
		return x
	}
	inner := func(a, b int) bool { // should a be inside b?
		decided := false
		for _, st := range ops {
			sa, sb := abs(st[a]), abs(st[b])
			if sa == 0 || sb == 0 {
				continue
			}
			if sa >= sb {
				return false
			}
			decided = true
		}
		return decided
	}
	for i := n - 2; i >= 0; i-- {
		for j := i; j < n-1 && inner(perm[j], perm[j+1]); j++ {
			perm[j], perm[j+1] = perm[j+1], perm[j]
		}
	}
}

// prepare reorders the axes of the plan for memory order and coalesces
// them. p.shape[:p.nd] and the operands' strides must be set.
func (p *plan) prepare() {
	var all [maxOperands + 1]*[MaxDims]int
	k := 0
	for i := range p.nops {
		all[k] = &p.ops[i].strides
		k++
	}
	if p.hasMask {
		all[k] = &p.mask.strides
		k++
	}
	nd := p.nd
	var perm [MaxDims]int
	bestOrder(perm[:nd], all[:k])
	var tmp [MaxDims]int
	for i, ax := range perm[:nd] {
		tmp[i] = p.shape[ax]
	}
	copy(p.shape[:nd], tmp[:nd])
	var sl [maxOperands + 1][]int
	for j := range k {
		st := all[j]
		for i, ax := range perm[:nd] {
			tmp[i] = st[ax]
		}
		copy(st[:nd], tmp[:nd])
		sl[j] = st[:nd]
	}
	p.nd = strided.Coalesce(p.shape[:nd], sl[:k]...)
	p.size = 1
	for _, d := range p.shape[:p.nd] {
		p.size *= d
	}
	p.casts = false
	for i := range p.nops {
		if p.ops[i].cast != nil {
			p.casts = true
		}
	}
	p.evens = false
	if p.nd > 0 && p.shape[p.nd-1] >= minEvens && simd.Implementation() != "go" && !p.readsEvens() {
		for i := range p.nops {
			p.evens = p.evens || p.ops[i].gathersEvens(p.ops[i].strides[p.nd-1])
		}
	}
}

// readsEvens reports whether p's loop reads stride-2 inputs itself
// (takesEvens) into an output that is contiguous along the innermost
// dimension, where gathering them first would only cost a pass.
func (p *plan) readsEvens() bool {
	return p.nops == 3 && p.ops[2].strides[p.nd-1] == 8 && takesEvens(p.loop)
}

// minEvens is the shortest innermost run whose stride-2 inputs are
// gathered before the loop runs.
const minEvens = 64

// gathersEvens reports whether an operand whose innermost stride is st
// is an input of 8-byte elements taken every second one (a[::2], the
// real parts of complex128), which the walk gathers chunk by chunk with
// simd.Evens64 so that the loop reads a contiguous run: the vector
// gather and a unit-stride kernel move such an input at close to the
// memory's speed, where an element-at-a-time strided loop does not.
// (Without a vector implementation, prepare gathers nothing.)
func (op *operand) gathersEvens(st int) bool {
	return !op.out && op.cast == nil && op.lsize == 8 && st == 16
}

// scratch holds the per-goroutine state of running a plan.
type scratch struct {
	args   [maxOperands]unsafe.Pointer // starts of the current run
	steps  [maxOperands]int
	bargs  [maxOperands]unsafe.Pointer // what the loop is handed
	bsteps [maxOperands]int
	bufs   [maxOperands][]byte

	// A tiled walk gathers each tile of an input that steps through the
	// inner dimension with a large stride (a transposed operand) into
	// tbuf, so its loop reads it as a contiguous run: tposed marks those
	// operands, and row (the tile's first row) and tld (the row length
	// in tbuf) place a run in it.
	tposed [maxOperands]bool
	anyT   bool
	row    int
	tld    int
	tbuf   [maxOperands][]uint64
}

// buffers makes sure the cast buffers (and those of gathered stride-2
// inputs) for p exist.
func (s *scratch) buffers(p *plan) {
	for i := range p.nops {
		op := &p.ops[i]
		if (op.cast != nil || p.evens && op.gathersEvens(op.strides[p.nd-1])) && len(s.bufs[i]) < chunk*op.lsize {
			s.bufs[i] = make([]byte, chunk*op.lsize)
		}
	}
}

// run executes the iteration over the flat positions [lo, hi) of the
// (reordered, coalesced) shape.
func (p *plan) run(lo, hi int, s *scratch) {
	if lo >= hi {
		return
	}
	if p.casts || p.evens {
		s.buffers(p)
	}
	nd := p.nd
	if nd == 0 {
		p.inner(s, 0, 1, nil)
		return
	}
	var idx [MaxDims]int
	r := lo
	for k := nd - 1; k >= 0; k-- {
		idx[k] = r % p.shape[k]
		r /= p.shape[k]
	}
	last := nd - 1
	for pos := lo; pos < hi; {
		n := min(p.shape[last]-idx[last], hi-pos)
		p.inner(s, idx[last], n, idx[:last])
		pos += n
		idx[last] += n
		if idx[last] < p.shape[last] {
			continue
		}
		idx[last] = 0
		for k := last - 1; k >= 0; k-- {
			idx[k]++
			if idx[k] < p.shape[k] {
				break
			}
			idx[k] = 0
		}
	}
}

// tile is the shortest edge, in elements, of a blocked iteration's last
// two dimensions (see blocked), and the most rows a tile has.
const tile = 256

// tileElems is the fewest elements of a tile: 2 MiB of 8-byte elements,
// the size from which simd writes a result with non-temporal stores.
const tileElems = 1 << 18

// tileShape returns the rows and columns of the tiles a blocked
// iteration walks. A tile is as wide as the inner dimension, up to 4096
// elements, and has the fewest rows, a multiple of 8 (8 to tile), that
// make it tileElems or more. The operands that are contiguous along the
// inner dimension (the output, usually) are then read and written in
// long runs while a transposed operand gives short runs of a tile's
// height, many rows apart; and where every operand's rows follow each
// other (rowsJoin), a tile's rows are one run, long enough for the
// kernels' non-temporal stores. (Square tiles of 256 made every
// operand's runs 2 KB long: the (3000, 3000) a.T + b took 16-18 ms with
// 40 x 3000 tiles run row by row, 11-16 ms with 88 x 3000 tiles as one
// run each, 22 ms with the square ones.)
func (p *plan) tileShape() (rows, cols int) {
	cols = min(p.shape[p.nd-1], 4096)
	rows = min(max((tileElems+cols-1)/cols+7&^7, 8), tile)
	return rows, cols
}

// blocked reports whether the last two dimensions should be walked in
// tiles: some operand steps through the inner dimension with a larger
// stride than through the one outside it (a transposed operand), so no
// single order is contiguous for all operands.
func (p *plan) blocked() bool {
	if p.nd < 2 || p.shape[p.nd-1] < 2*tile || p.shape[p.nd-2] < 2*tile {
		return false
	}
	abs := func(x int) int {
		if x < 0 {
			return -x
		}
		return x
	}
	for i := range p.nops {
		st := &p.ops[i].strides
		if in, out := abs(st[p.nd-1]), abs(st[p.nd-2]); out != 0 && in > out {
			return true
		}
	}
	return false
}

// runTiles runs rows [r0, r1) of dimension nd-2, for every index of the
// outer dimensions, tile by tile over the last two dimensions.
func (p *plan) runTiles(r0, r1 int, s *scratch) {
	if p.casts || p.evens {
		s.buffers(p)
	}
	nd := p.nd
	rows, cols := p.nd-2, p.nd-1
	p.markTransposed(s)
	defer s.clearTransposed()
	tr, tc := p.tileShape()
	var idx [MaxDims]int
	for {
		for i0 := r0; i0 < r1; i0 += tr {
			i1 := min(i0+tr, r1)
			for j0 := 0; j0 < p.shape[cols]; j0 += tc {
				n := min(tc, p.shape[cols]-j0)
				if s.anyT {
					p.gatherTile(s, idx[:rows], i0, i1, j0, n)
				}
				if n == p.shape[cols] && p.rowsJoin(s) {
					// whole rows that follow each other in every
					// operand: one run for the tile
					idx[rows] = i0
					p.inner(s, 0, n*(i1-i0), idx[:nd-1])
					continue
				}
				for i := i0; i < i1; i++ {
					idx[rows] = i
					p.inner(s, j0, n, idx[:nd-1])
				}
			}
		}
		// next index of the outer dimensions
		k := rows - 1
		for ; k >= 0; k-- {
			idx[k]++
			if idx[k] < p.shape[k] {
				break
			}
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// rowsJoin reports whether every operand of a tiled walk lays its rows
// of the inner dimension end to end (a gathered one in its tile buffer),
// so that whole rows of a tile are one run: no mask, and each operand's
// row stride is its element stride times the row length.
func (p *plan) rowsJoin(s *scratch) bool {
	if p.hasMask {
		return false
	}
	rows, cols := p.nd-2, p.nd-1
	n := p.shape[cols]
	for i := range p.nops {
		if s.tposed[i] {
			if s.tld != n {
				return false
			}
			continue
		}
		if st := &p.ops[i].strides; st[rows] != n*st[cols] {
			return false
		}
	}
	return true
}

// markTransposed marks the inputs of a tiled walk whose tiles are
// gathered (see scratch.tposed): 8-byte elements, no cast, contiguous
// along the row dimension and a positive whole-element stride along
// the inner one, when simd has a vector transpose.
func (p *plan) markTransposed(s *scratch) {
	if simd.Implementation() == "go" {
		return
	}
	rows, cols := p.nd-2, p.nd-1
	for i := range p.nops {
		op := &p.ops[i]
		if op.out || op.cast != nil || op.lsize != 8 || op.strides[rows] != 8 ||
			op.strides[cols] <= 8 || op.strides[cols]%8 != 0 {
			continue
		}
		s.tposed[i], s.anyT = true, true
		tr, tc := p.tileShape()
		if len(s.tbuf[i]) < tr*tc {
			s.tbuf[i] = make([]uint64, tr*tc)
		}
		s.tld = tc
	}
}

// clearTransposed ends a tiled walk's gathering.
func (s *scratch) clearTransposed() {
	s.tposed, s.anyT = [maxOperands]bool{}, false
}

// gatherTile transposes rows [i0, i1) x columns [j0, j0+n) of every
// marked operand at the outer index outer into its tile buffer, row
// (i - i0) of the tile holding the n elements of row i.
func (p *plan) gatherTile(s *scratch, outer []int, i0, i1, j0, n int) {
	cols := p.nd - 1
	s.row = i0
	for i := range p.nops {
		if !s.tposed[i] {
			continue
		}
		op := &p.ops[i]
		sc := op.strides[cols] / 8
		start := unsafe.Add(op.base, outerOffset(&op.strides, outer)+i0*8+j0*op.strides[cols])
		// the source block: n rows (j) of i1-i0 contiguous elements (i)
		src := unsafe.Slice((*uint64)(start), (n-1)*sc+(i1-i0))
		simd.Transpose64(s.tbuf[i], s.tld, src, sc, n, i1-i0)
	}
}

func outerOffset(st *[MaxDims]int, outer []int) int {
	off := 0
	for k, i := range outer {
		off += i * st[k]
	}
	return off
}

// inner processes n elements of the innermost dimension starting at index
// start; outer holds the indices of the other dimensions.
func (p *plan) inner(s *scratch, start, n int, outer []int) {
	last := p.nd - 1
	for i := range p.nops {
		op := &p.ops[i]
		if s.tposed[i] {
			// a run of a gathered tile (see gatherTile)
			s.steps[i] = 8
			s.args[i] = unsafe.Pointer(&s.tbuf[i][(outer[last-1]-s.row)*s.tld])
			continue
		}
		st := 0
		if last >= 0 {
			st = op.strides[last]
		}
		s.steps[i] = st
		s.args[i] = unsafe.Add(op.base, outerOffset(&op.strides, outer)+start*st)
	}
	if !p.hasMask {
		if !p.casts && (!p.evens || n < minEvens) {
			p.loop(s.args[:p.nops], s.steps[:p.nops], n)
			return
		}
		p.buffered(s, 0, n)
		return
	}
	mst := 0
	if last >= 0 {
		mst = p.mask.strides[last]
	}
	mbase := unsafe.Add(p.mask.base, outerOffset(&p.mask.strides, outer)+start*mst)
	// call the loop on each run of true mask elements
	for j := 0; j < n; {
		for j < n && !*(*bool)(unsafe.Add(mbase, j*mst)) {
			j++
		}
		k := j
		for k < n && *(*bool)(unsafe.Add(mbase, k*mst)) {
			k++
		}
		if k > j {
			p.buffered(s, j, k-j)
		}
		j = k
	}
}

// buffered runs the loop on elements [j, j+n) of the current run (whose
// starts are in s.args and s.steps), converting operands that need a cast
// through the scratch buffers chunk by chunk, and gathering stride-2
// inputs (see gathersEvens) into them.
func (p *plan) buffered(s *scratch, j, n int) {
	args, steps := &s.bargs, &s.bsteps
	nop := p.nops
	for done := 0; done < n; done += chunk {
		m := min(chunk, n-done)
		for i := range nop {
			op := &p.ops[i]
			src := unsafe.Add(s.args[i], (j+done)*s.steps[i])
			if op.cast == nil {
				if p.evens && op.gathersEvens(s.steps[i]) && len(s.bufs[i]) >= 8*m {
					buf := unsafe.Pointer(unsafe.SliceData(s.bufs[i]))
					simd.Evens64(unsafe.Slice((*uint64)(buf), m), unsafe.Slice((*uint64)(src), 2*m-1))
					args[i], steps[i] = buf, 8
					continue
				}
				args[i], steps[i] = src, s.steps[i]
				continue
			}
			buf := unsafe.Pointer(unsafe.SliceData(s.bufs[i]))
			args[i], steps[i] = buf, op.lsize
			if !op.out {
				op.cast(buf, op.lsize, src, s.steps[i], m)
			}
		}
		p.loop(args[:nop], steps[:nop], m)
		for i := range nop {
			op := &p.ops[i]
			if op.out && op.cast != nil {
				dst := unsafe.Add(s.args[i], (j+done)*s.steps[i])
				op.cast(dst, s.steps[i], args[i], op.lsize, m)
			}
		}
	}
}
