package strided

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/simd"
)

// Copy copies the elements of a strided layout to another of the same
// shape, size bytes each, with no conversion: the copy an array's Copy,
// a reshape that needs one, or an astype to the same type make. Runs that
// are contiguous on both sides are moved with memmove. When the two
// layouts disagree about which of their last two dimensions is the inner
// one (a transpose: one side steps through the inner dimension with the
// larger stride), the elements are moved in tiles, each read and written
// in small square blocks, so that both sides use every cache line and page
// they touch while it is in cache rather than once per element.
func Copy(shape []int, dst unsafe.Pointer, dstStrides []int, src unsafe.Pointer, srcStrides []int, size int) {
	var l layout2
	sh, ds, ss, ok := l.coalesce(shape, dstStrides, srcStrides)
	if !ok {
		return
	}
	nd := len(sh)
	if nd >= 2 && transposed(sh[nd-2:nd], ds[nd-2:nd], ss[nd-2:nd], size) {
		r, c := nd-2, nd-1
		forEach(sh[:nd-2], ds[:nd-2], ss[:nd-2], func(dOff, sOff int) {
			copyTiles(unsafe.Add(dst, dOff), ds[r], ds[c], unsafe.Add(src, sOff), ss[r], ss[c], sh[r], sh[c], size)
		})
		return
	}
	Loop2(sh, dst, ds, src, ss, func(d unsafe.Pointer, dst int, s unsafe.Pointer, sst int, n int) {
		copyRun(d, dst, s, sst, n, size)
	})
}

// minTile is the smallest extent, in elements, of both of the last two
// dimensions for which a transposed copy is walked in tiles.
const minTile = 16

// transposed reports whether a two-dimensional copy has one side
// contiguous along the inner dimension and the other along the outer one,
// and is large enough to be worth tiling.
func transposed(shape, ds, ss []int, size int) bool {
	if shape[0] < minTile || shape[1] < minTile {
		return false
	}
	// the side that steps by one element along a dimension should not do
	// so along the same dimension as the other
	dInner := abs(ds[1]) == size
	sInner := abs(ss[1]) == size
	dOuter := abs(ds[0]) == size
	sOuter := abs(ss[0]) == size
	return (dInner && sOuter && !sInner) || (sInner && dOuter && !dInner)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// forEach calls f with the byte offsets of every index of an outer
// layout (shape may be empty: one call with zero offsets).
func forEach(shape, ds, ss []int, f func(dOff, sOff int)) {
	var buf [8]int
	idx := buf[:0]
	if len(shape) <= len(buf) {
		idx = buf[:len(shape)]
	} else {
		idx = make([]int, len(shape))
	}
	dOff, sOff := 0, 0
	for {
		f(dOff, sOff)
		k := len(shape) - 1
		for ; k >= 0; k-- {
			idx[k]++
			dOff += ds[k]
			sOff += ss[k]
			if idx[k] < shape[k] {
				break
			}
			dOff -= ds[k] * shape[k]
			sOff -= ss[k] * shape[k]
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// copyRun copies n elements of size bytes between two strided runs.
func copyRun(d unsafe.Pointer, dst int, s unsafe.Pointer, sst int, n, size int) {
	if dst == size && sst == size {
		copy(unsafe.Slice((*byte)(d), n*size), unsafe.Slice((*byte)(s), n*size))
		return
	}
	switch size {
	case 1:
		runOf[uint8](d, dst, s, sst, n)
	case 2:
		runOf[uint16](d, dst, s, sst, n)
	case 4:
		runOf[uint32](d, dst, s, sst, n)
	case 8:
		runOf[uint64](d, dst, s, sst, n)
	case 16:
		runOf[[2]uint64](d, dst, s, sst, n)
	default:
		for i := range n {
			copy(unsafe.Slice((*byte)(unsafe.Add(d, i*dst)), size), unsafe.Slice((*byte)(unsafe.Add(s, i*sst)), size))
		}
	}
}

func runOf[T any](d unsafe.Pointer, dst int, s unsafe.Pointer, sst int, n int) {
	for i := range n {
		*(*T)(unsafe.Add(d, i*dst)) = *(*T)(unsafe.Add(s, i*sst))
	}
}

// copyTiles copies a rows x cols block, element (i, j) from src +
// i*sr + j*sc to dst + i*dr + j*dc.
func copyTiles(dst unsafe.Pointer, dr, dc int, src unsafe.Pointer, sr, sc int, rows, cols, size int) {
	// Make j the dimension along which the source is contiguous, so the
	// tiles below read whole source lines: bands of tileBand source
	// "rows" (i), each crossed in runs of tileRun elements along j.
	if abs(sc) != size {
		dr, dc = dc, dr
		sr, sc = sc, sr
		rows, cols = cols, rows
	}
	if size == 8 && dr == 8 && sc == 8 && sr > 0 && dc > 0 && sr%8 == 0 && dc%8 == 0 && simd.Implementation() != "go" {
		// the vector transpose: whole source rows and destination rows
		// move a vector at a time
		ss, ds := sr/8, dc/8
		simd.Transpose64(
			unsafe.Slice((*uint64)(dst), (cols-1)*ds+rows), ds,
			unsafe.Slice((*uint64)(src), (rows-1)*ss+cols), ss, rows, cols)
		return
	}
	switch size {
	case 1:
		tilesOf[uint8](dst, dr, dc, src, sr, sc, rows, cols)
	case 2:
		tilesOf[uint16](dst, dr, dc, src, sr, sc, rows, cols)
	case 4:
		tilesOf[uint32](dst, dr, dc, src, sr, sc, rows, cols)
	case 8:
		tilesOf[uint64](dst, dr, dc, src, sr, sc, rows, cols)
	case 16:
		tilesOf[[2]uint64](dst, dr, dc, src, sr, sc, rows, cols)
	default:
		for i0 := 0; i0 < rows; i0 += tileBand {
			i1 := min(i0+tileBand, rows)
			for j := range cols {
				for i := i0; i < i1; i++ {
					copy(unsafe.Slice((*byte)(unsafe.Add(dst, i*dr+j*dc)), size), unsafe.Slice((*byte)(unsafe.Add(src, i*sr+j*sc)), size))
				}
			}
		}
	}
}

// The tile shape: bands of tileBand source rows, crossed tileRun elements
// at a time. A band's source lines are read in full and its destination
// lines (one per element along j) stay in L1 until the band has written
// them whole. Measured on (3000, 3000) float64 transposes, 8 x 512 beat
// square tiles of 32 to 128 by 25-40%.
const (
	tileBand = 8
	tileRun  = 512
)

// tilesOf is copyTiles for one element type, source contiguous along j.
// Within a tile it moves 4 x 4 blocks: four loads from each of four
// source rows, four stores to each of four destination rows.
func tilesOf[T any](dst unsafe.Pointer, dr, dc int, src unsafe.Pointer, sr, sc int, rows, cols int) {
	at := func(p unsafe.Pointer, off int) *T { return (*T)(unsafe.Add(p, off)) }
	for i0 := 0; i0 < rows; i0 += tileBand {
		i1 := min(i0+tileBand, rows)
		for j0 := 0; j0 < cols; j0 += tileRun {
			j1 := min(j0+tileRun, cols)
			i := i0
			for ; i+4 <= i1; i += 4 {
				j := j0
				for ; j+4 <= j1; j += 4 {
					s0 := i*sr + j*sc
					s1, s2, s3 := s0+sr, s0+2*sr, s0+3*sr
					a00, a01, a02, a03 := *at(src, s0), *at(src, s0+sc), *at(src, s0+2*sc), *at(src, s0+3*sc)
					a10, a11, a12, a13 := *at(src, s1), *at(src, s1+sc), *at(src, s1+2*sc), *at(src, s1+3*sc)
					a20, a21, a22, a23 := *at(src, s2), *at(src, s2+sc), *at(src, s2+2*sc), *at(src, s2+3*sc)
					a30, a31, a32, a33 := *at(src, s3), *at(src, s3+sc), *at(src, s3+2*sc), *at(src, s3+3*sc)
					d0 := i*dr + j*dc
					d1, d2, d3 := d0+dc, d0+2*dc, d0+3*dc
					*at(dst, d0), *at(dst, d0+dr), *at(dst, d0+2*dr), *at(dst, d0+3*dr) = a00, a10, a20, a30
					*at(dst, d1), *at(dst, d1+dr), *at(dst, d1+2*dr), *at(dst, d1+3*dr) = a01, a11, a21, a31
					*at(dst, d2), *at(dst, d2+dr), *at(dst, d2+2*dr), *at(dst, d2+3*dr) = a02, a12, a22, a32
					*at(dst, d3), *at(dst, d3+dr), *at(dst, d3+2*dr), *at(dst, d3+3*dr) = a03, a13, a23, a33
				}
				for ; j < j1; j++ {
					for k := i; k < i+4; k++ {
						*at(dst, k*dr+j*dc) = *at(src, k*sr+j*sc)
					}
				}
			}
			for ; i < i1; i++ {
				for j := j0; j < j1; j++ {
					*at(dst, i*dr+j*dc) = *at(src, i*sr+j*sc)
				}
			}
		}
	}
}
