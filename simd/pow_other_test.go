//go:build !amd64 || purego

package simd

// powBlockImpls are the pow block kernels this CPU can run: none.
func powBlockImpls() []struct {
	name string
	k    func(dst, x, y []float64) int
	s    func(dst, x []float64, y float64) int
} {
	return nil
}

// hypotBlockImpls are the hypot block kernels this CPU can run: none.
func hypotBlockImpls() []struct {
	name string
	k    func(dst, x, y []float64) int
} {
	return nil
}
