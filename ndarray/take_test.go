package ndarray

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
)

func TestTakeCompressChoose(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"take axis 0", func() (*Array, error) { return Take(in.A, mpI64(0, 2, -1), 0, ModeRaise) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11}}, ""},
		{"take axis 1", func() (*Array, error) { return Take(in.A, mpI64(3, 0, 0, -4), 1, ModeRaise) }, mpWant{dtype.Int64, []int{3, 4}, []float64{3, 0, 0, 0, 7, 4, 4, 4, 11, 8, 8, 8}}, ""},
		{"take 2-d indices", func() (*Array, error) { return Take(in.A, mpR(mpI64(1, 0, 2, 1), 2, 2), 1, ModeRaise) }, mpWant{dtype.Int64, []int{3, 2, 2}, []float64{1, 0, 2, 1, 5, 4, 6, 5, 9, 8, 10, 9}}, ""},
		{"take 0-d index", func() (*Array, error) { return Take(in.A, in.Zi, 1, ModeRaise) }, mpWant{dtype.Int64, []int{3}, []float64{1, 5, 9}}, ""},
		{"take middle axis", func() (*Array, error) { return Take(in.T, mpI64(2, 0), 1, ModeRaise) }, mpWant{dtype.Int64, []int{2, 2, 4}, []float64{8, 9, 10, 11, 0, 1, 2, 3, 20, 21, 22, 23, 12, 13, 14, 15}}, ""},
		{"take of a view", func() (*Array, error) { return Take(mpV(in.A, "::-1, ::2"), mpI64(1, 0), 1, ModeRaise) }, mpWant{dtype.Int64, []int{3, 2}, []float64{10, 8, 6, 4, 2, 0}}, ""},
		{"take int8", func() (*Array, error) { return Take(mpAs(in.X, dtype.Int8), mpI64(5, 1), 0, ModeRaise) }, mpWant{dtype.Int8, []int{2}, []float64{5, 1}}, ""},
		{"take int16 rows", func() (*Array, error) { return Take(mpAs(in.A, dtype.Int16), mpI64(2), 0, ModeRaise) }, mpWant{dtype.Int16, []int{1, 4}, []float64{8, 9, 10, 11}}, ""},
		{"take int32 indices", func() (*Array, error) { return Take(in.X, mpAs(mpI64(5, 4), dtype.Int32), 0, ModeRaise) }, mpWant{dtype.Int64, []int{2}, []float64{5, 4}}, ""},
		{"take bool indices", func() (*Array, error) { return Take(in.X, mpAs(mpI64(1, 0, 1), dtype.Bool), 0, ModeRaise) }, mpWant{dtype.Int64, []int{3}, []float64{1, 0, 1}}, ""},
		{"take uint32 indices", func() (*Array, error) { return Take(in.X, mpAs(mpI64(3), dtype.Uint32), 0, ModeRaise) }, mpWant{dtype.Int64, []int{1}, []float64{3}}, ""},
		{"take wrap", func() (*Array, error) { return Take(in.A, mpI64(5, -7, 1), 1, ModeWrap) }, mpWant{dtype.Int64, []int{3, 3}, []float64{1, 1, 1, 5, 5, 5, 9, 9, 9}}, ""},
		{"take clip", func() (*Array, error) { return Take(in.A, mpI64(5, -7, 1), 1, ModeClip) }, mpWant{dtype.Int64, []int{3, 3}, []float64{3, 0, 1, 7, 4, 5, 11, 8, 9}}, ""},
		{"take empty indices", func() (*Array, error) { return Take(in.A, mpI64(), 0, ModeRaise) }, mpWant{dtype.Int64, []int{0, 4}, []float64{}}, ""},
		{"take empty indices of empty axis", func() (*Array, error) { return Take(in.E, mpI64(), 0, ModeRaise) }, mpWant{dtype.Int64, []int{0, 3}, []float64{}}, ""},
		{"take 0-d array", func() (*Array, error) { return Take(in.Z, mpI64(0, 0), 0, ModeRaise) }, mpWant{dtype.Int64, []int{2}, []float64{7, 7}}, ""},
		{"take flat", func() (*Array, error) { return TakeFlat(in.A, mpI64(0, 11, -1, 5), ModeRaise) }, mpWant{dtype.Int64, []int{4}, []float64{0, 11, 11, 5}}, ""},
		{"take flat of a view", func() (*Array, error) { return TakeFlat(in.A.T(), mpR(mpI64(1, 2, 3, 4), 2, 2), ModeRaise) }, mpWant{dtype.Int64, []int{2, 2}, []float64{4, 8, 1, 5}}, ""},
		{"take flat wrap", func() (*Array, error) { return TakeFlat(in.B, mpI64(6, -7), ModeWrap) }, mpWant{dtype.Int64, []int{2}, []float64{0, 5}}, ""},
		{"take out of bounds", func() (*Array, error) { return Take(in.A, mpI64(3), 0, ModeRaise) }, mpWant{}, "index"},                     // IndexError: index 3 is out of bounds for axis 0 with size 3
		{"take negative out of bounds", func() (*Array, error) { return Take(in.A, mpI64(-5), 1, ModeRaise) }, mpWant{}, "index"},           // IndexError: index -5 is out of bounds for axis 1 with size 4
		{"take flat out of bounds", func() (*Array, error) { return TakeFlat(in.A, mpI64(12), ModeRaise) }, mpWant{}, "index"},              // IndexError: index 12 is out of bounds for axis 0 with size 12
		{"take from empty axis", func() (*Array, error) { return Take(in.E, mpI64(0), 0, ModeClip) }, mpWant{}, "index"},                    // IndexError: cannot do a non-empty take from an empty axes.
		{"take float indices", func() (*Array, error) { return Take(in.A, mpF64(1), 0, ModeRaise) }, mpWant{}, "cast"},                      // TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe
		{"take uint64 indices", func() (*Array, error) { return Take(in.A, mpAs(mpI64(1), dtype.Uint64), 0, ModeRaise) }, mpWant{}, "cast"}, // TypeError: Cannot cast array data from dtype('uint64') to dtype('int64') according to the rule 'safe'
		{"take axis out of range", func() (*Array, error) { return Take(in.A, mpI64(1), 2, ModeRaise) }, mpWant{}, "axis"},                  // AxisError: axis 2 is out of bounds for array of dimension 2
		{"compress axis 0", func() (*Array, error) { return Compress(mpAs(mpI64(1, 0, 1), dtype.Bool), in.A, 0) }, mpWant{dtype.Int64, []int{2, 4}, []float64{0, 1, 2, 3, 8, 9, 10, 11}}, ""},
		{"compress axis 1 short cond", func() (*Array, error) { return Compress(mpAs(mpI64(0, 1), dtype.Bool), in.A, 1) }, mpWant{dtype.Int64, []int{3, 1}, []float64{1, 5, 9}}, ""},
		{"compress nonzero ints", func() (*Array, error) { return Compress(mpI64(2, 0, -1, 0), in.A, -1) }, mpWant{dtype.Int64, []int{3, 2}, []float64{0, 2, 4, 6, 8, 10}}, ""},
		{"compress flat", func() (*Array, error) {
			return CompressFlat(mpAs(mpI64(0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1), dtype.Bool), in.A)
		}, mpWant{dtype.Int64, []int{4}, []float64{1, 2, 5, 11}}, ""},
		{"compress float cond", func() (*Array, error) { return Compress(mpF64(0.0, math.NaN(), -0.0), in.X, 0) }, mpWant{dtype.Int64, []int{1}, []float64{1}}, ""},
		{"compress too long", func() (*Array, error) { return Compress(mpAs(mpI64(1, 0, 0, 1), dtype.Bool), in.A, 0) }, mpWant{}, "index"}, // IndexError: index 3 is out of bounds for axis 0 with size 3
		{"compress cond too long but false", func() (*Array, error) { return Compress(mpAs(mpI64(1, 0, 0, 0), dtype.Bool), in.A, 0) }, mpWant{dtype.Int64, []int{1, 4}, []float64{0, 1, 2, 3}}, ""},
		{"compress 2-d cond", func() (*Array, error) { return Compress(mpAs(in.B, dtype.Bool), in.A, 0) }, mpWant{}, "value"}, // ValueError: condition must be a 1-d array
		{"compress axis out of range", func() (*Array, error) { return Compress(mpI64(1), in.A, 2) }, mpWant{}, "axis"},       // AxisError: axis 2 is out of bounds for array of dimension 2
		{"argwhere", func() (*Array, error) { return ArgWhere(mpR(mpI64(0, 3, 0, -1, 5, 0), 2, 3)) }, mpWant{dtype.Int64, []int{3, 2}, []float64{0, 1, 1, 0, 1, 1}}, ""},
		{"argwhere floats", func() (*Array, error) { return ArgWhere(in.F) }, mpWant{dtype.Int64, []int{4, 1}, []float64{0, 2, 3, 5}}, ""},
		{"argwhere 3-d view", func() (*Array, error) { return ArgWhere(mpV(mpAs(in.T, dtype.Uint8), "::-1, 1:, ::3")) }, mpWant{dtype.Int64, []int{8, 3}, []float64{0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1}}, ""},
		{"argwhere 0-d true", func() (*Array, error) { return ArgWhere(in.Z) }, mpWant{dtype.Int64, []int{1, 0}, []float64{}}, ""},
		{"argwhere 0-d false", func() (*Array, error) { return ArgWhere(in.Zero) }, mpWant{dtype.Int64, []int{0, 0}, []float64{}}, ""},
		{"argwhere complex", func() (*Array, error) { return ArgWhere(mpAs(mpI64(0, 1, 0), dtype.Complex128)) }, mpWant{dtype.Int64, []int{1, 1}, []float64{1}}, ""},
		{"choose", func() (*Array, error) {
			return Choose(mpI64(0, 1, 2, 1), mpArrs(mpI64(10, 11, 12, 13), mpI64(20, 21, 22, 23), mpI64(30, 31, 32, 33)), ModeRaise)
		}, mpWant{dtype.Int64, []int{4}, []float64{10, 21, 32, 23}}, ""},
		{"choose broadcast", func() (*Array, error) {
			return Choose(mpR(mpI64(0, 1, 1, 0), 2, 2), mpArrs(mpR(mpI64(1, 2), 2, 1), mpI64(-5, -6)), ModeRaise)
		}, mpWant{dtype.Int64, []int{2, 2}, []float64{1, -6, -5, 2}}, ""},
		{"choose index broadcast", func() (*Array, error) { return Choose(mpI64(1), mpArrs(in.B, mpV(in.A, ":2, :3")), ModeRaise) }, mpWant{dtype.Int64, []int{2, 3}, []float64{0, 1, 2, 4, 5, 6}}, ""},
		{"choose promotes", func() (*Array, error) {
			return Choose(mpI64(0, 1, 0), mpArrs(mpAs(mpI64(1, 2, 3), dtype.Int8), mpF64(0.5, 1.5, 2.5)), ModeRaise)
		}, mpWant{dtype.Float64, []int{3}, []float64{1, 1.5, 3}}, ""},
		{"choose wrap", func() (*Array, error) {
			return Choose(mpI64(-1, 2, 5), mpArrs(mpI64(1, 2, 3), mpI64(4, 5, 6)), ModeWrap)
		}, mpWant{dtype.Int64, []int{3}, []float64{4, 2, 6}}, ""},
		{"choose clip", func() (*Array, error) {
			return Choose(mpI64(-1, 2, 5), mpArrs(mpI64(1, 2, 3), mpI64(4, 5, 6)), ModeClip)
		}, mpWant{dtype.Int64, []int{3}, []float64{1, 5, 6}}, ""},
		{"choose 0-d", func() (*Array, error) { return Choose(in.Zi, mpArrs(in.Z, in.Zero), ModeRaise) }, mpWant{dtype.Int64, []int{}, []float64{0}}, ""},
		{"choose int16", func() (*Array, error) {
			return Choose(mpI64(1, 0), mpArrs(mpAs(mpI64(1, 2), dtype.Int16), mpAs(mpI64(3, 4), dtype.Int16)), ModeRaise)
		}, mpWant{dtype.Int16, []int{2}, []float64{3, 2}}, ""},
		{"choose invalid", func() (*Array, error) { return Choose(mpI64(0, 2), mpArrs(mpI64(1, 2), mpI64(3, 4)), ModeRaise) }, mpWant{}, "value"},                // ValueError: invalid entry in choice array
		{"choose negative", func() (*Array, error) { return Choose(mpI64(-1, 0), mpArrs(mpI64(1, 2), mpI64(3, 4)), ModeRaise) }, mpWant{}, "value"},              // ValueError: invalid entry in choice array
		{"choose no choices", func() (*Array, error) { return Choose(mpI64(0), nil, ModeRaise) }, mpWant{}, "value"},                                             // ValueError: 0-length sequence.
		{"choose float index", func() (*Array, error) { return Choose(mpF64(0), mpArrs(mpI64(1)), ModeRaise) }, mpWant{}, "cast"},                                // TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe
		{"choose shapes mismatch", func() (*Array, error) { return Choose(mpI64(0, 1, 0), mpArrs(mpI64(1, 2), mpI64(3, 4)), ModeRaise) }, mpWant{}, "broadcast"}, // ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0
	})
}

func TestNonzero(t *testing.T) {
	in := mpIn(t)
	mpRunList(t, []mpListCase{
		{"nonzero 1-d", func() ([]*Array, error) { return Nonzero(mpI64(0, 3, 0, -1)) }, []mpWant{{dtype.Int64, []int{2}, []float64{1, 3}}}, ""},
		{"nonzero 2-d", func() ([]*Array, error) { return Nonzero(mpR(mpI64(0, 3, 0, -1, 5, 0), 2, 3)) }, []mpWant{{dtype.Int64, []int{3}, []float64{0, 1, 1}}, {dtype.Int64, []int{3}, []float64{1, 0, 1}}}, ""},
		{"nonzero transposed", func() ([]*Array, error) { return Nonzero(mpR(mpI64(0, 3, 0, -1, 5, 0), 2, 3).T()) }, []mpWant{{dtype.Int64, []int{3}, []float64{0, 1, 1}}, {dtype.Int64, []int{3}, []float64{1, 0, 1}}}, ""},
		{"nonzero floats", func() ([]*Array, error) { return Nonzero(in.F) }, []mpWant{{dtype.Int64, []int{4}, []float64{0, 2, 3, 5}}}, ""},
		{"nonzero float16", func() ([]*Array, error) { return Nonzero(mpAs(in.F, dtype.Float16)) }, []mpWant{{dtype.Int64, []int{4}, []float64{0, 2, 3, 5}}}, ""},
		{"nonzero complex64", func() ([]*Array, error) { return Nonzero(mpAs(mpF64(0, 1, 0), dtype.Complex64)) }, []mpWant{{dtype.Int64, []int{1}, []float64{1}}}, ""},
		{"nonzero bool", func() ([]*Array, error) { return Nonzero(mpAs(mpI64(1, 0, 1), dtype.Bool)) }, []mpWant{{dtype.Int64, []int{2}, []float64{0, 2}}}, ""},
		{"nonzero all zero", func() ([]*Array, error) { return Nonzero(mpAs(in.E, dtype.Int32)) }, []mpWant{{dtype.Int64, []int{0}, []float64{}}, {dtype.Int64, []int{0}, []float64{}}}, ""},
		{"nonzero 0-d", func() ([]*Array, error) { return Nonzero(in.Z) }, []mpWant{{dtype.Int64, []int{1}, []float64{0}}}, ""},
		{"nonzero 0-d zero", func() ([]*Array, error) { return Nonzero(in.Zero) }, []mpWant{{dtype.Int64, []int{0}, []float64{}}}, ""},
	})
}

func TestPut(t *testing.T) {
	in := mpIn(t)
	mpRun(t, []mpCase{
		{"put", func() (*Array, error) { return mpPut(in.A.Copy(), mpI64(0, -1), mpI64(100, 200), ModeRaise) }, mpWant{dtype.Int64, []int{3, 4}, []float64{100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200}}, ""},
		{"put cycles values", func() (*Array, error) { return mpPut(in.A.Copy(), mpI64(0, 1, 2, 3, 4), mpI64(7, 8), ModeRaise) }, mpWant{dtype.Int64, []int{3, 4}, []float64{7, 8, 7, 8, 7, 5, 6, 7, 8, 9, 10, 11}}, ""},
		{"put repeated index keeps last", func() (*Array, error) { return mpPut(in.X.Copy(), mpI64(2, 2), mpI64(7, 8), ModeRaise) }, mpWant{dtype.Int64, []int{6}, []float64{0, 1, 8, 3, 4, 5}}, ""},
		{"put wrap", func() (*Array, error) { return mpPut(in.A.Copy(), mpI64(13, -1), mpI64(1, 2), ModeWrap) }, mpWant{dtype.Int64, []int{3, 4}, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2}}, ""},
		{"put clip", func() (*Array, error) { return mpPut(in.A.Copy(), mpI64(20, -5), mpI64(1, 2), ModeClip) }, mpWant{dtype.Int64, []int{3, 4}, []float64{2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1}}, ""},
		{"put converts values", func() (*Array, error) { return mpPut(in.X.Copy(), mpI64(1, 2), mpF64(2.7, -1.5), ModeRaise) }, mpWant{dtype.Int64, []int{6}, []float64{0, 2, -1, 3, 4, 5}}, ""},
		{"put int8 wraps values", func() (*Array, error) { return mpPut(mpAs(in.X, dtype.Int8), mpI64(0), mpI64(300), ModeRaise) }, mpWant{dtype.Int8, []int{6}, []float64{44, 1, 2, 3, 4, 5}}, ""},
		{"put 2-d values", func() (*Array, error) {
			return mpPut(in.X.Copy(), mpI64(0, 1, 2, 3), mpR(mpI64(9, 8, 7, 6), 2, 2).T(), ModeRaise)
		}, mpWant{dtype.Int64, []int{6}, []float64{9, 7, 8, 6, 4, 5}}, ""},
		{"put into a transposed view", func() (*Array, error) { return mpPut(in.A.Copy().T(), mpI64(1, 5), mpI64(50, 60), ModeRaise) }, mpWant{dtype.Int64, []int{4, 3}, []float64{0, 50, 8, 1, 5, 60, 2, 6, 10, 3, 7, 11}}, ""},
		{"put empty values", func() (*Array, error) { return mpPut(in.X.Copy(), mpI64(10), mpI64(), ModeRaise) }, mpWant{dtype.Int64, []int{6}, []float64{0, 1, 2, 3, 4, 5}}, ""},
		{"put out of bounds", func() (*Array, error) { return mpPut(in.X.Copy(), mpI64(6), mpI64(1), ModeRaise) }, mpWant{}, "index"}, // IndexError: index 6 is out of bounds for axis 0 with size 6
		{"put float indices", func() (*Array, error) { return mpPut(in.X.Copy(), mpF64(1), mpI64(1), ModeRaise) }, mpWant{}, "cast"},  // TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe
		{"put into empty", func() (*Array, error) { return mpPut(in.E.Copy(), mpI64(0), mpI64(1), ModeRaise) }, mpWant{}, "index"},    // IndexError: index 0 is out of bounds for axis 0 with size 0
	})
}

// Like NumPy, Take checks indices only when the result has elements.
func TestTakeEmptyResult(t *testing.T) {
	in := mpIn(t)
	// np.take(np.zeros((0, 3)), [5], axis=1) -> shape (0, 1)
	got, err := Take(in.E, mpI64(5), 1, ModeRaise)
	if err != nil {
		t.Fatal(err)
	}
	mpCheck(t, "empty outer", got, mpWant{dtype.Int64, []int{0, 1}, []float64{}})
	// np.take(np.zeros((0, 3)), [5], axis=0) -> cannot do a non-empty take from an empty axes
	_, err = Take(in.E, mpI64(5), 0, ModeWrap)
	mpCheckErr(t, "empty axis", err, "index")
}

// A failing Put leaves the array unchanged, and read-only arrays are
// refused.
func TestPutErrors(t *testing.T) {
	in := mpIn(t)
	a := in.X.Copy()
	err := Put(a, mpI64(0, 9), mpI64(5), ModeRaise)
	mpCheckErr(t, "out of bounds", err, "index")
	mpCheck(t, "unchanged", a, mpWant{dtype.Int64, []int{6}, []float64{0, 1, 2, 3, 4, 5}})
	ro, _ := in.X.BroadcastTo(2, 6)
	mpCheckErr(t, "read-only", Put(ro, mpI64(0), mpI64(1), ModeRaise), "value")
	mpCheckErr(t, "empty wrap", Put(in.E.Copy(), mpI64(0), mpI64(1), ModeWrap), "index")
	// values overlapping the destination are read before writing
	b := in.X.Copy()
	if err := Put(b, mpI64(1, 2, 3), mpV(b, ":3"), ModeRaise); err != nil {
		t.Fatal(err)
	}
	// np.put(b, [1, 2, 3], b[:3]) -> [0, 0, 1, 2, 4, 5]
	mpCheck(t, "overlap", b, mpWant{dtype.Int64, []int{6}, []float64{0, 0, 1, 2, 4, 5}})
}

// Take keeps the exact bits of every element type.
func TestTakeBits(t *testing.T) {
	f := mpF64(math.NaN(), math.Copysign(0, -1), math.Inf(-1))
	for _, dt := range []dtype.DType{dtype.Float16, dtype.Float32, dtype.Float64, dtype.Complex64, dtype.Complex128} {
		a := mpAs(f, dt)
		got, err := Take(a, mpI64(2, 1, 0), 0, ModeRaise)
		if err != nil {
			t.Fatal(err)
		}
		b := got.Bytes()
		src := a.Bytes()
		n := dt.Size()
		for j, i := range []int{2, 1, 0} {
			if string(b[j*n:(j+1)*n]) != string(src[i*n:(i+1)*n]) {
				t.Errorf("%v: element %d has other bytes than the source", dt, j)
			}
		}
	}
}

// The chunked copies of Take and Repeat (typed moves for chunks of 1, 2,
// 4, 8 and 16 bytes, copy() otherwise) and the branch-free Nonzero agree
// with element-by-element reference loops.
func TestTakeRepeatNonzeroOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, k := range []int{1, 2, 3, 4, 5, 8, 16, 17} {
		n := 3 * 5 * k
		v := make([]int8, n)
		for i := range v {
			v[i] = int8(r.IntN(256) - 128)
		}
		a := mpMust(FromSlice(v, 3, 5, k))
		idx := []int64{4, 0, 0, 3, -1, 2}
		got, err := Take(a, mpMust(FromSlice(idx)), 1, ModeRaise)
		if err != nil {
			t.Fatal(err)
		}
		counts := []int{2, 0, 1, 3, 1}
		rep, err := Repeat(a, counts, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			for j, p := range idx {
				if p < 0 {
					p += 5
				}
				for m := range k {
					if At[int8](got, i, j, m) != At[int8](a, i, int(p), m) {
						t.Fatalf("take chunk %d: out[%d, %d, %d] differs", k, i, j, m)
					}
				}
			}
			j := 0
			for p, c := range counts {
				for range c {
					for m := range k {
						if At[int8](rep, i, j, m) != At[int8](a, i, p, m) {
							t.Fatalf("repeat chunk %d: out[%d, %d, %d] differs", k, i, j, m)
						}
					}
					j++
				}
			}
		}
	}
	for _, n := range []int{1, 2, 7, 64, 1000} {
		for _, density := range []int{0, 1, 50, 99, 100} {
			mask := make([]bool, n)
			var want []int64
			for i := range mask {
				mask[i] = r.IntN(100) < density
				if mask[i] {
					want = append(want, int64(i))
				}
			}
			nz, err := Nonzero(mpMust(FromSlice(mask)))
			if err != nil {
				t.Fatal(err)
			}
			if got := ToSlice[int64](nz[0]); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("nonzero n=%d density=%d: %v, want %v", n, density, got, want)
			}
		}
	}
}
