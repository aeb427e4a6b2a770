//go:build amd64 && !purego

package main

//go:noescape
func copyAVX2(dst, src []float64)

//go:noescape
func scaleAVX2(dst, src []float64, s float64)

//go:noescape
func addAVX2(c, a, b []float64)

//go:noescape
func triadAVX2(a, b, c []float64, s float64)

//go:noescape
func fma3AVX2(d, a, b, c []float64)

//go:noescape
func readAVX2(a []float64) float64

func fmaPeakZPD(n int)
func fmaPeakYPD(n int)

func init() {
	if !cpuHas("avx2") || !cpuHas("fma") {
		return
	}
	vectorKernels = &kernelSet{
		name:  "avx2",
		copy:  copyAVX2,
		scale: scaleAVX2,
		add:   addAVX2,
		triad: triadAVX2,
		fma3:  fma3AVX2,
		read:  readAVX2,
		block: 16,
	}
	// One iteration of the peak loop is 12 FMAs on 8 (zmm) or 4 (ymm)
	// float64 lanes, 2 flops each. float32 runs twice the lanes at the
	// same instruction rate.
	if cpuHas("avx512f") {
		fmaPeak = fmaPeakLoop{"avx512 zmm", fmaPeakZPD, 12 * 8 * 2}
	} else {
		fmaPeak = fmaPeakLoop{"avx2 ymm", fmaPeakYPD, 12 * 4 * 2}
	}
}
