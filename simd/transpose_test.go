package simd

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestTranspose64 checks every implementation against the definition on
// blocks around the band and block edges of both assembly widths, with
// padded strides and guard elements around the destination block.
func TestTranspose64(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(5, 6))
		dims := []int{1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 33, 64}
		for _, rows := range dims {
			for _, cols := range dims {
				for _, pad := range []int{0, 3} {
					ss, ds := cols+pad, rows+2*pad
					src := make([]uint64, (rows-1)*ss+cols)
					for i := range src {
						src[i] = rng.Uint64()
					}
					const guard = 0xDEADBEEFCAFEF00D
					dst := make([]uint64, (cols-1)*ds+rows+1)
					for i := range dst {
						dst[i] = guard
					}
					Transpose64(dst[:len(dst)-1], ds, src, ss, rows, cols)
					for j := range cols {
						for i := range rows {
							if got, want := dst[j*ds+i], src[i*ss+j]; got != want {
								t.Fatalf("%d x %d, strides %d %d: dst[%d][%d] = %#x, want %#x", rows, cols, ds, ss, j, i, got, want)
							}
						}
						for i := rows; i < ds && j*ds+i < len(dst); i++ {
							if dst[j*ds+i] != guard {
								t.Fatalf("%d x %d, strides %d %d: padding dst[%d][%d] written", rows, cols, ds, ss, j, i)
							}
						}
					}
				}
			}
		}
	})
}

func TestTranspose64Panics(t *testing.T) {
	cases := []struct {
		name       string
		ndst, ds   int
		nsrc, ss   int
		rows, cols int
	}{
		{"negative rows", 16, 4, 16, 4, -1, 4},
		{"negative stride", 16, 4, 16, -4, 4, 4},
		{"destination rows overlap", 16, 3, 16, 4, 4, 4},
		{"source too short", 16, 4, 15, 4, 4, 4},
		{"destination too short", 15, 4, 16, 4, 4, 4},
		{"huge stride", 16, 4, 16, 1 << 62, 4, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic")
				}
			}()
			Transpose64(make([]uint64, c.ndst), c.ds, make([]uint64, c.nsrc), c.ss, c.rows, c.cols)
		})
	}
}

func BenchmarkTranspose64(b *testing.B) {
	const n = 3000
	src := make([]uint64, n*n)
	dst := make([]uint64, n*n)
	for _, name := range Implementations() {
		b.Run(fmt.Sprint(name), func(b *testing.B) {
			restore, ok := use(name)
			if !ok {
				b.Skip()
			}
			defer restore()
			for b.Loop() {
				// bands of 8 rows, as the tiled copy walks it
				for i0 := 0; i0 < n; i0 += 8 {
					Transpose64(dst[i0:], n, src[i0*n:], n, min(8, n-i0), n)
				}
			}
		})
	}
}

// TestEvens64 checks every implementation against the definition for
// lengths around both block widths, sources of 2n-1 and 2n elements,
// unaligned starts, and guard elements after the destination.
func TestEvens64(t *testing.T) {
	forEachImpl(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 8))
		const guard = 0xDEADBEEFCAFEF00D
		for n := range 300 {
			for _, extra := range []int{-1, 0, 5} {
				for _, off := range []int{0, 1, 3} {
					ns := 2*n + extra
					if ns < 0 {
						continue
					}
					src := make([]uint64, off+ns)
					for i := range src {
						src[i] = rng.Uint64()
					}
					dst := make([]uint64, off+n+2)
					for i := range dst {
						dst[i] = guard
					}
					Evens64(dst[off:off+n], src[off:])
					for i := range n {
						if dst[off+i] != src[off+2*i] {
							t.Fatalf("n=%d src len %d off %d: dst[%d] = %#x, want %#x", n, ns, off, i, dst[off+i], src[off+2*i])
						}
					}
					for i, g := range append(dst[:off:off], dst[off+n:]...) {
						if g != guard {
							t.Fatalf("n=%d src len %d off %d: guard %d written", n, ns, off, i)
						}
					}
				}
			}
		}
	})
}

func TestEvens64Panics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Evens64 of 4 elements from 6 did not panic")
		}
	}()
	Evens64(make([]uint64, 4), make([]uint64, 6))
}

func BenchmarkEvens64(b *testing.B) {
	for _, n := range []int{1024, 1 << 20} {
		src := make([]uint64, 2*n)
		dst := make([]uint64, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(24 * n))
			for b.Loop() {
				Evens64(dst, src)
			}
		})
	}
}
