package ndarray

import (
	"strconv"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

// benchSink keeps benchmark results alive so the work is not optimised
// away.
var benchSink *Array

func BenchmarkZeros1000(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(1000 * 8)
	for b.Loop() {
		benchSink, _ = Zeros(dtype.Float64, 1000)
	}
}

func BenchmarkOnes1000(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(1000 * 8)
	for b.Loop() {
		benchSink, _ = Ones(dtype.Float64, 1000)
	}
}

func BenchmarkArange1000(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(1000 * 8)
	for b.Loop() {
		benchSink, _ = Arange(dtype.Float64, 0, 100, 0.1)
	}
}

func BenchmarkFill(b *testing.B) {
	for _, n := range []int{16, 1024, 1 << 20} {
		a, _ := Zeros(dtype.Float64, n)
		b.Run("contiguous/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n) * 8)
			for b.Loop() {
				_ = a.Fill(1.5)
			}
		})
	}
	m, _ := Zeros(dtype.Float64, 1024, 1024)
	v, _ := m.Permute(1, 0)
	s, _ := FromBuffer(dtype.Float64, m.Buffer(), 0, []int{1024, 512}, []int{8192, 16}) // m[:, ::2]
	for _, c := range []struct {
		name string
		a    *Array
	}{{"transposed/1048576", v}, {"every-other-column/524288", s}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(c.a.Size()) * 8)
			for b.Loop() {
				_ = c.a.Fill(1.5)
			}
		})
	}
}

// BenchmarkViewSlice times taking 2-d views of a 100×100 array.
func BenchmarkViewSlice(b *testing.B) {
	a, _ := Zeros(dtype.Float64, 100, 100)
	items := []Index{RangeStep(10, 90, 2), Step(-1)}
	b.Run("Slice", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink, _ = a.Slice(items...)
		}
	})
	b.Run("IndexString", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink, _ = a.Index("10:90:2, ::-1")
		}
	})
	b.Run("Reshape", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink, _ = a.Reshape(50, 200)
		}
	})
	b.Run("Transpose", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink = a.Transpose()
		}
	})
	b.Run("Permute", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink, _ = a.Permute(1, 0)
		}
	})
	b.Run("BroadcastTo", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink, _ = a.BroadcastTo(3, 100, 100)
		}
	})
}

func BenchmarkReshape(b *testing.B) {
	a, _ := Zeros(dtype.Float64, 2, 3, 4)
	b.ReportAllocs()
	for b.Loop() {
		benchSink, _ = a.Reshape(6, -1)
	}
}

func BenchmarkTranspose(b *testing.B) {
	a, _ := Zeros(dtype.Float64, 2, 3, 4)
	b.ReportAllocs()
	for b.Loop() {
		benchSink = a.Transpose()
	}
}

func BenchmarkFromNested(b *testing.B) {
	rows := make([][]float64, 100)
	for i := range rows {
		rows[i] = make([]float64, 100)
	}
	b.ReportAllocs()
	b.SetBytes(100 * 100 * 8)
	for b.Loop() {
		benchSink, _ = FromNested(rows)
	}
}
