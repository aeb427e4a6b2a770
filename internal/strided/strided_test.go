package strided

import (
	"slices"
	"testing"
	"unsafe"
)

func TestCoalesce(t *testing.T) {
	tests := []struct {
		name         string
		shape        []int
		a, b         []int
		wantShape    []int
		wantA, wantB []int
	}{
		{"contiguous 3-d collapses", []int{2, 3, 4}, []int{96, 32, 8}, []int{48, 16, 4}, []int{24}, []int{8}, []int{4}},
		{"transposed operand keeps two dims", []int{3, 4}, []int{32, 8}, []int{8, 24}, []int{3, 4}, []int{32, 8}, []int{8, 24}},
		{"unit dims dropped", []int{1, 5, 1}, []int{40, 8, 8}, []int{40, 8, 99}, []int{5}, []int{8}, []int{8}},
		{"broadcast zero strides collapse", []int{3, 4}, []int{0, 0}, []int{32, 8}, []int{12}, []int{0}, []int{8}},
		{"gap blocks merging", []int{2, 3}, []int{64, 8}, []int{24, 8}, []int{2, 3}, []int{64, 8}, []int{24, 8}},
		{"all unit", []int{1, 1}, []int{8, 8}, []int{8, 8}, []int{}, []int{}, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, a, b := slices.Clone(tt.shape), slices.Clone(tt.a), slices.Clone(tt.b)
			n := Coalesce(sh, a, b)
			if !slices.Equal(sh[:n], tt.wantShape) || !slices.Equal(a[:n], tt.wantA) || !slices.Equal(b[:n], tt.wantB) {
				t.Errorf("got %v %v %v, want %v %v %v", sh[:n], a[:n], b[:n], tt.wantShape, tt.wantA, tt.wantB)
			}
		})
	}
}

// TestLoop2 copies through every layout and checks each element landed
// where the index arithmetic says, against a direct reference.
func TestLoop2(t *testing.T) {
	const n = 1200 // enough for every layout below
	src := make([]int64, n)
	for i := range src {
		src[i] = int64(i + 1)
	}
	copyInner := func(d unsafe.Pointer, ds int, s unsafe.Pointer, ss int, n int) {
		for i := range n {
			*(*int64)(unsafe.Add(d, i*ds)) = *(*int64)(unsafe.Add(s, i*ss))
		}
	}
	tests := []struct {
		name    string
		shape   []int
		sst     []int // source strides in elements
		srcBase int   // element offset of the first source element
	}{
		{"contiguous", []int{2, 3, 4}, []int{12, 4, 1}, 0},
		{"transposed", []int{4, 3, 2}, []int{1, 4, 12}, 0},
		{"reversed", []int{3, 4}, []int{-4, -1}, 11},
		{"broadcast", []int{5, 4}, []int{0, 1}, 0},
		{"0-d", []int{}, []int{}, 7},
		{"empty", []int{3, 0}, []int{1, 1}, 0},
		{"transposed, walked in bands", []int{37, 20}, []int{1, 37}, 0},
		{"transposed in 3-d, walked in bands", []int{2, 33, 17}, []int{561, 1, 33}, 0},
		{"transposed and reversed", []int{20, 37}, []int{-1, 20}, 19},
		{"more than 8 dims", []int{2, 1, 3, 1, 2, 1, 2, 1, 5, 2}, []int{120, 0, 40, 0, 20, 0, 10, 0, 2, 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			size := 1
			for _, d := range tt.shape {
				size *= d
			}
			dst := make([]int64, size+1)
			dst[size] = -99 // guard
			dstStrides := make([]int, len(tt.shape))
			s := 8
			for i := len(tt.shape) - 1; i >= 0; i-- {
				dstStrides[i] = s
				s *= tt.shape[i]
			}
			srcStrides := make([]int, len(tt.sst))
			for i, v := range tt.sst {
				srcStrides[i] = v * 8
			}
			shape := slices.Clone(tt.shape)
			Loop2(shape, unsafe.Pointer(&dst[0]), dstStrides, unsafe.Pointer(&src[tt.srcBase]), srcStrides, copyInner)
			if !slices.Equal(shape, tt.shape) {
				t.Errorf("Loop2 modified its shape argument")
			}
			if dst[size] != -99 {
				t.Errorf("guard overwritten")
			}
			idx := make([]int, len(tt.shape))
			for k := range size {
				// reference: source element of C-order position k
				r, off := k, tt.srcBase
				for i := len(tt.shape) - 1; i >= 0; i-- {
					idx[i] = r % tt.shape[i]
					r /= tt.shape[i]
					off += idx[i] * tt.sst[i]
				}
				if dst[k] != src[off] {
					t.Fatalf("element %d = %d, want %d", k, dst[k], src[off])
				}
			}
		})
	}
}
