package ufunc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// muladd equals add(multiply(a, b), c) bit for bit, for every dtype and
// for contiguous, strided, broadcast and mixed-type operands.
func TestMulAddMatchesTwoCalls(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	n := 517
	x := make([]float64, n)
	for i := range x {
		x[i] = (r.Float64()*2 - 1) * 100
		if i%37 == 0 {
			x[i] = []float64{math.NaN(), math.Inf(1), math.Copysign(0, -1), 0.1}[i%4]
		}
	}
	base, _ := ndarray.FromSlice(x)
	for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32, dtype.Float16, dtype.Int8, dtype.Int64, dtype.Uint16,
		dtype.Bool, dtype.Complex64, dtype.Complex128} {
		a, _ := base.AsType(dt, dtype.Unsafe)
		b, _ := base.Index("::-1")
		b, _ = b.AsType(dt, dtype.Unsafe)
		c, _ := a.Index("::1")
		for _, ops := range [][3]*ndarray.Array{{a, b, c}, {a, b, mustIdx(a, "5:6")}, {mustIdx(a, "::2"), mustIdx(b, "::2"), mustIdx(c, "::-2")}} {
			got, err := MulAdd.Call(ops[0], ops[1], ops[2])
			if err != nil {
				t.Fatal(err)
			}
			p, _ := Multiply.Call(ops[0], ops[1])
			want, _ := Add.Call(p, ops[2])
			if got.DType() != want.DType() {
				t.Fatalf("%s: dtype %s, want %s", dt, got.DType(), want.DType())
			}
			gb, wb := got.Copy().Bytes(), want.Copy().Bytes()
			if string(gb) != string(wb) {
				t.Fatalf("%s: muladd differs from multiply then add", dt)
			}
		}
	}
	// 0.1*10 - 1: 0 with the product rounded first (NumPy), 5.55e-17 fused
	a, _ := ndarray.FromSlice([]float64{0.1})
	got, _ := MulAdd.Call(a, 10.0, -1.0)
	if v := ndarray.ToSlice[float64](got)[0]; v != 0 {
		t.Errorf("muladd(0.1, 10, -1) = %g, want 0", v)
	}
	// mixed types promote as multiply and add do: int8 * float32 + int64 -> float64
	i8, _ := ndarray.FromSlice([]int8{3})
	f32, _ := ndarray.FromSlice([]float32{0.5})
	i64, _ := ndarray.FromSlice([]int64{1})
	if m, err := MulAdd.Call(i8, f32, i64); err != nil || m.DType() != dtype.Float64 || ndarray.ToSlice[float64](m)[0] != 2.5 {
		t.Errorf("mixed: %v %v", m, err)
	}
}

func mustIdx(a *ndarray.Array, s string) *ndarray.Array {
	v, err := a.Index(s)
	if err != nil {
		panic(err)
	}
	return v
}
