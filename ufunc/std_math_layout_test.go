package ufunc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// The math ufuncs with vector kernels give the same bits for a value
// whatever the layout of the array holding it: contiguous, strided,
// reversed, transposed or broadcast.
func TestMathLayoutIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	n := 2000
	x := make([]float64, n)
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e-310, 710, -746, 1e22, math.Pi / 2}
	for i := range x {
		if i < len(specials) {
			x[i] = specials[i]
		} else {
			x[i] = (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(8)-3))
		}
	}
	base, _ := ndarray.FromSlice(x)
	for _, u := range []*Ufunc{Exp, Log, Tanh, Sin, Cos, Sqrt} {
		for _, dt := range []dtype.DType{dtype.Float64, dtype.Float32} {
			a, _ := base.AsType(dt, dtype.Unsafe)
			want, err := u.Call1(a)
			if err != nil {
				t.Fatal(err)
			}
			wb := want.Bytes()
			size := dt.Size()
			// every other element, from a twice-as-long interleaved array
			wide, _ := ndarray.Zeros(dt, n, 2)
			col, _ := wide.Index(":, 0")
			if err := col.CopyFrom(a, dtype.No); err != nil {
				t.Fatal(err)
			}
			gotStrided, _ := u.Call1(col)
			rev, _ := a.Index("::-1")
			gotRev, _ := u.Call1(rev)
			gr := gotRev.Copy().Bytes()
			gs := gotStrided.Copy().Bytes()
			for i := range n {
				w := wb[i*size : (i+1)*size]
				if string(gs[i*size:(i+1)*size]) != string(w) {
					t.Fatalf("%s %s: strided element %d (%v) differs from contiguous", u.Name(), dt, i, x[i])
				}
				j := n - 1 - i
				if string(gr[j*size:(j+1)*size]) != string(w) {
					t.Fatalf("%s %s: reversed element %d (%v) differs from contiguous", u.Name(), dt, i, x[i])
				}
			}
		}
	}
}
