package strided

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestCopy checks Copy against a per-element reference for layouts that
// take each of its paths: contiguous, strided, transposed (tiled), with
// outer dimensions, negative strides and every element size, on shapes
// around the tile and micro-block edges.
func TestCopy(t *testing.T) {
	shapes := [][]int{
		{0}, {1}, {7}, {3, 0, 4},
		{16, 16}, {17, 33}, {523, 9}, {9, 523}, {20, 1030}, {1030, 21},
		{3, 18, 19}, {2, 1, 40, 17},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{1, 2, 3, 4, 8, 12, 16} {
		for _, shape := range shapes {
			for _, layout := range []string{"C", "transposed", "reversed", "every other"} {
				name := fmt.Sprintf("size %d %v %s", size, shape, layout)
				t.Run(name, func(t *testing.T) { checkCopy(t, rng, shape, size, layout) })
			}
		}
	}
}

func checkCopy(t *testing.T, rng *rand.Rand, shape []int, size int, layout string) {
	nd := len(shape)
	n := 1
	for _, d := range shape {
		n *= d
	}
	// the source: a buffer twice as large (for "every other"), laid out
	// in C order over a permuted or reversed shape
	src := make([]byte, 2*n*size+size)
	for i := range src {
		src[i] = byte(rng.Uint32())
	}
	perm := make([]int, nd)
	for i := range perm {
		perm[i] = i
	}
	if layout == "transposed" && nd >= 2 {
		perm[nd-1], perm[nd-2] = perm[nd-2], perm[nd-1]
	}
	step := size
	if layout == "every other" {
		step = 2 * size
	}
	// C strides of the permuted shape, mapped back to shape's axes
	sst := make([]int, nd)
	s := step
	for k := nd - 1; k >= 0; k-- {
		sst[perm[k]] = s
		s *= shape[perm[k]]
	}
	base := 0
	if layout == "reversed" && n > 0 {
		for k := range nd {
			if shape[k] > 0 {
				base += (shape[k] - 1) * sst[k]
			}
			sst[k] = -sst[k]
		}
	}
	// the destination: C order with a guard after it
	dst := make([]byte, n*size+8)
	for i := range dst {
		dst[i] = 0xAA
	}
	dstStrides := make([]int, nd)
	s = size
	for k := nd - 1; k >= 0; k-- {
		dstStrides[k] = s
		s *= shape[k]
	}
	var sp unsafe.Pointer
	if len(src) > 0 {
		sp = unsafe.Pointer(&src[base])
	}
	Copy(shape, unsafe.Pointer(&dst[0]), dstStrides, sp, sst, size)
	// reference: walk the C index and compute both offsets
	idx := make([]int, nd)
	for flat := range n {
		r := flat
		for k := nd - 1; k >= 0; k-- {
			idx[k] = r % shape[k]
			r /= shape[k]
		}
		so, do := base, 0
		for k := range nd {
			so += idx[k] * sst[k]
			do += idx[k] * dstStrides[k]
		}
		for b := range size {
			if dst[do+b] != src[so+b] {
				t.Fatalf("element %v byte %d: got %#x, want %#x", idx, b, dst[do+b], src[so+b])
			}
		}
	}
	for i := n * size; i < len(dst); i++ {
		if dst[i] != 0xAA {
			t.Fatalf("guard byte %d overwritten", i-n*size)
		}
	}
}

// BenchmarkCopyTransposed copies a (3000, 3000) float64 transpose into a
// C-ordered buffer, and the contiguous copy for reference.
func BenchmarkCopyTransposed(b *testing.B) {
	const n = 3000
	src := make([]float64, n*n)
	dst := make([]float64, n*n)
	for i := range src {
		src[i] = float64(i)
	}
	shape := []int{n, n}
	b.Run("transposed", func(b *testing.B) {
		for b.Loop() {
			Copy(shape, unsafe.Pointer(&dst[0]), []int{8 * n, 8}, unsafe.Pointer(&src[0]), []int{8, 8 * n}, 8)
		}
	})
	b.Run("contiguous", func(b *testing.B) {
		for b.Loop() {
			Copy(shape, unsafe.Pointer(&dst[0]), []int{8 * n, 8}, unsafe.Pointer(&src[0]), []int{8 * n, 8}, 8)
		}
	})
}
