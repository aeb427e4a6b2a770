//go:build amd64 && !purego

package simd

import "github.com/pluribus-go/pluribus/internal/cpu"

// powBlockImpls are the pow block kernels this CPU can run.
func powBlockImpls() (r []struct {
	name string
	k    func(dst, x, y []float64) int
	s    func(dst, x []float64, y float64) int
}) {
	type impl = struct {
		name string
		k    func(dst, x, y []float64) int
		s    func(dst, x []float64, y float64) int
	}
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		r = append(r, impl{"avx2",
			func(d, x, y []float64) int { return powFloat64AVX2(d, x, y, &powRows[0]) },
			func(d, x []float64, y float64) int { return powScalarFloat64AVX2(d, x, y, &powRows[0]) }})
	}
	if cpu.X86.HasAVX512F && cpu.X86.HasAVX512DQ {
		r = append(r, impl{"avx512",
			func(d, x, y []float64) int { return powFloat64AVX512(d, x, y, &powRows[0]) },
			func(d, x []float64, y float64) int { return powScalarFloat64AVX512(d, x, y, &powRows[0]) }})
	}
	return r
}

// hypotBlockImpls are the hypot block kernels this CPU can run.
func hypotBlockImpls() (r []struct {
	name string
	k    func(dst, x, y []float64) int
}) {
	for _, p := range powBlockImpls() {
		k := hypotFloat64AVX2
		if p.name == "avx512" {
			k = hypotFloat64AVX512
		}
		r = append(r, struct {
			name string
			k    func(dst, x, y []float64) int
		}{p.name, func(d, x, y []float64) int { return k(d, x, y, &powRows[0]) }})
	}
	return r
}
