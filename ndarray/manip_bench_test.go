package ndarray

import (
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func benchFloats(shape ...int) *Array {
	a := mpMust(Zeros(dtype.Float64, shape...))
	r := rand.New(rand.NewPCG(1, 2))
	s := bytesAs[float64](a.data[:a.NBytes()])
	for i := range s {
		if r.IntN(2) == 0 {
			s[i] = r.Float64()
		}
	}
	return a
}

func BenchmarkConcatenate(b *testing.B) {
	x := benchFloats(1000, 1000)
	y := benchFloats(1000, 1000)
	for _, axis := range []int{0, 1} {
		b.Run([]string{"axis0_1000x1000", "axis1_1000x1000"}[axis], func(b *testing.B) {
			b.SetBytes(int64(2 * x.NBytes()))
			b.ReportAllocs()
			for b.Loop() {
				mpMust(Concatenate([]*Array{x, y}, axis))
			}
		})
	}
	small := benchFloats(3)
	b.Run("small_3+3", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			mpMust(Concatenate([]*Array{small, small}, 0))
		}
	})
	b.Run("transposed_1000x1000", func(b *testing.B) {
		xt := x.T()
		b.SetBytes(int64(2 * x.NBytes()))
		b.ReportAllocs()
		for b.Loop() {
			mpMust(Concatenate([]*Array{xt, xt}, 0))
		}
	})
}

func BenchmarkStack(b *testing.B) {
	x := benchFloats(1000, 1000)
	b.SetBytes(int64(3 * x.NBytes()))
	b.ReportAllocs()
	for b.Loop() {
		mpMust(Stack([]*Array{x, x, x}, 2))
	}
}

func BenchmarkTile(b *testing.B) {
	x := benchFloats(1000)
	b.SetBytes(int64(1000 * x.NBytes()))
	b.ReportAllocs()
	for b.Loop() {
		mpMust(Tile(x, 1000, 1))
	}
}

func BenchmarkRepeat(b *testing.B) {
	x := benchFloats(1 << 20)
	b.SetBytes(int64(2 * x.NBytes()))
	b.ReportAllocs()
	for b.Loop() {
		mpMust(Repeat(x, []int{2}, 0))
	}
}

func BenchmarkTake(b *testing.B) {
	x := benchFloats(1 << 20)
	r := rand.New(rand.NewPCG(3, 4))
	idx := make([]int64, 1<<20)
	for i := range idx {
		idx[i] = int64(r.IntN(1 << 20))
	}
	ia := mpMust(FromSlice(idx))
	b.Run("flat_1M", func(b *testing.B) {
		b.SetBytes(int64(x.NBytes()))
		b.ReportAllocs()
		for b.Loop() {
			mpMust(Take(x, ia, 0, ModeRaise))
		}
	})
	m := benchFloats(1000, 1000)
	rows := mpMust(FromSlice(idx[:500]))
	rows = mpMust(FromSlice(ToSlice[int64](rows)))
	for i := range 500 {
		Set(rows, int64(i*2), i)
	}
	b.Run("rows_500_of_1000x1000", func(b *testing.B) {
		b.SetBytes(int64(m.NBytes() / 2))
		b.ReportAllocs()
		for b.Loop() {
			mpMust(Take(m, rows, 0, ModeRaise))
		}
	})
}

func BenchmarkNonzero(b *testing.B) {
	x := benchFloats(1 << 20)
	b.SetBytes(int64(x.NBytes()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Nonzero(x); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRoll(b *testing.B) {
	x := benchFloats(1000, 1000)
	b.SetBytes(int64(x.NBytes()))
	b.ReportAllocs()
	for b.Loop() {
		mpMust(Roll(x, 7, 1))
	}
}

func BenchmarkPad(b *testing.B) {
	x := benchFloats(1000, 1000)
	for _, mode := range []PadMode{PadConstant, PadEdge} {
		b.Run(mode.String(), func(b *testing.B) {
			b.SetBytes(int64(x.NBytes()))
			b.ReportAllocs()
			for b.Loop() {
				mpMust(Pad(x, [][2]int{{1, 1}}, mode, nil))
			}
		})
	}
}

func BenchmarkDiff(b *testing.B) {
	x := benchFloats(1 << 20)
	b.SetBytes(int64(x.NBytes()))
	b.ReportAllocs()
	for b.Loop() {
		mpMust(Diff(x, 1, 0))
	}
}
