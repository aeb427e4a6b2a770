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
