package simd_test

import (
	"fmt"
	"math"

	"github.com/pluribus-go/pluribus/simd"
)

func ExampleAddFloat64Unitary() {
	a := []float64{1, 2, 3, 4, 5}
	b := []float64{10, 20, 30, 40, 50}
	dst := make([]float64, len(a))
	simd.AddFloat64Unitary(dst, a, b)
	fmt.Println(dst)
	// Output: [11 22 33 44 55]
}

func ExampleRsubFloat32ScalarUnitary() {
	a := []float32{1, 2, 3}
	dst := make([]float32, len(a))
	simd.RsubFloat32ScalarUnitary(dst, a, 10) // 10 - a[i]
	fmt.Println(dst)
	// Output: [9 8 7]
}

func ExampleMaxFloat64Unitary() {
	a := []float64{1, math.NaN(), 3, 0}
	b := []float64{2, 5, math.NaN(), math.Copysign(0, -1)}
	dst := make([]float64, len(a))
	simd.MaxFloat64Unitary(dst, a, b) // NaN propagates, as np.maximum
	fmt.Println(dst)
	// Output: [2 NaN NaN -0]
}

func ExampleSumFloat32() {
	a := make([]float32, 1000)
	for i := range a {
		a[i] = 0.1
	}
	// The same bits as np.sum(np.full(1000, 0.1, np.float32)); a plain
	// loop gives 99.99905.
	fmt.Println(simd.SumFloat32(a))
	// Output: 100.000015
}

func ExampleDotFloat64() {
	fmt.Println(simd.DotFloat64([]float64{1, 2, 3}, []float64{4, 5, 6}))
	// Output: 32
}

func ExampleMaxFloat64() {
	fmt.Println(simd.MaxFloat64([]float64{3, 7, -1, 7}))
	fmt.Println(simd.MaxFloat64([]float64{3, math.NaN(), 9})) // NaN propagates, as np.max
	// Output:
	// 7
	// NaN
}

func ExampleArgMaxFloat64() {
	fmt.Println(simd.ArgMaxFloat64([]float64{3, 7, -1, 7}))                  // the first maximum
	fmt.Println(simd.ArgMaxFloat64([]float64{3, math.NaN(), 9, math.NaN()})) // the first NaN
	// Output:
	// 1
	// 1
}

func ExampleSumInt8ToInt64() {
	a := make([]int8, 1000)
	for i := range a {
		a[i] = 127
	}
	fmt.Println(simd.SumInt8ToInt64(a)) // no int8 wrap-around
	// Output: 127000
}

func ExampleConvertFloat32ToFloat16() {
	dst := make([]uint16, 4)
	simd.ConvertFloat32ToFloat16(dst, []float32{1, -2, 65504, 1e6})
	fmt.Printf("%#04x\n", dst)
	// Output: [0x3c00 0xc000 0x7bff 0x7c00]
}

// A 2 x 3 product through the micro-kernel: the panels are zero-padded to
// the implementation's tile, and the result is the tile's top-left
// corner.
func ExampleGemmTileFloat64() {
	x := [2][2]float64{{1, 2}, {3, 4}}
	y := [2][3]float64{{1, 0, 1}, {0, 1, 1}}
	mr, nr := simd.GemmTileSizeFloat64()
	const kc = 2
	a := make([]float64, kc*mr) // column p of x at a[p*mr:]
	b := make([]float64, kc*nr) // row p of y at b[p*nr:]
	for p := range kc {
		for i := range x {
			a[p*mr+i] = x[i][p]
		}
		copy(b[p*nr:], y[p][:])
	}
	c := make([]float64, mr*nr)
	c[0] = 100 // the kernel adds to c
	simd.GemmTileFloat64(kc, a, b, c, nr)
	fmt.Println(c[:3], c[nr:nr+3])
	// Output: [101 2 3] [3 4 7]
}

func ExamplePowFloat64Scalar() {
	x := []float64{4, 9, 0.25, -8, 2, 1e10}
	dst := make([]float64, len(x))
	simd.PowFloat64Scalar(dst, x, 1.5) // x[i] ** 1.5
	fmt.Println(dst)
	simd.PowFloat64Scalar(dst, x, 3)
	fmt.Println(dst)
	// Output:
	// [8 27 0.125 NaN 2.8284271247461903 1e+15]
	// [64 729 0.015625 -512 8 1e+30]
}

func ExampleHypotFloat64() {
	x := []float64{3, 5, 1e300, math.Inf(-1)}
	y := []float64{4, -12, 1e300, math.NaN()}
	dst := make([]float64, len(x))
	simd.HypotFloat64(dst, x, y)
	fmt.Println(dst)
	// Output: [5 13 1.4142135623730952e+300 +Inf]
}
