package simd_test

import (
	"fmt"
	"math"

	"github.com/pluribus-go/pluribus/simd"
)

func ExampleSinFloat64() {
	a := []float64{0, math.Pi / 2, math.Pi, -math.Pi / 6, 1e22}
	dst := make([]float64, len(a))
	simd.SinFloat64(dst, a)
	fmt.Printf("%.6f\n", dst)
	// Output: [0.000000 1.000000 0.000000 -0.500000 -0.852201]
}

func ExampleSqrtFloat32() {
	a := []float32{4, 2, -1, 0}
	dst := make([]float32, len(a))
	simd.SqrtFloat32(dst, a)
	fmt.Println(dst)
	// Output: [2 1.4142135 NaN 0]
}

func ExampleLessFloat64() {
	a := []float64{1, 2, math.NaN(), 4}
	b := []float64{2, 2, 3, math.NaN()}
	lt := make([]bool, len(a))
	simd.LessFloat64(lt, a, b)
	ne := make([]bool, len(a))
	simd.NotEqualFloat64(ne, a, b)
	fmt.Println(lt, ne)
	// Output: [true false false false] [true false true true]
}

func ExampleGreaterFloat32Scalar() {
	a := []float32{0.25, 0.5, 0.75, float32(math.NaN())}
	dst := make([]bool, len(a))
	simd.GreaterFloat32Scalar(dst, a, 0.5)
	fmt.Println(dst)
	// Output: [false false true false]
}

func ExampleAtan2Float64() {
	// the angles of points in the four quadrants, on the axes and at ±0
	y := []float64{1, 1, -1, -1, 0, 1, 0, math.Copysign(0, -1)}
	x := []float64{1, -1, -1, 1, -2, 0, math.Copysign(0, -1), 1}
	dst := make([]float64, len(y))
	simd.Atan2Float64(dst, y, x)
	for i, v := range dst {
		dst[i] = v / math.Pi
	}
	fmt.Println(dst)
	// Output: [0.25 0.75 -0.75 -0.25 1 0.5 1 -0]
}

func ExampleAtanFloat32() {
	a := []float32{0, 0.5, -2, float32(math.Inf(1)), 1e-30}
	dst := make([]float32, len(a))
	simd.AtanFloat32(dst, a)
	fmt.Println(dst)
	// Output: [0 0.4636476 -1.1071488 1.5707964 1e-30]
}
