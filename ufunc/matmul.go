package ufunc

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"github.com/x448/float16"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/simd"
)

// Matmul is NumPy's matmul, the matrix product as a generalized ufunc
// with signature (n?,k),(k,m?)->(n?,m?): stacks of matrices broadcast
// along their leading dimensions, and a 1-d operand is a row (first) or
// column (second) vector whose dimension is removed from the result.
// Integer products accumulate in the operand dtype and wrap; bool is the
// logical or of ands; float16 accumulates in float32.
var Matmul = MustNewG(GSpec{
	Name:      "matmul",
	Signature: "(n?,k),(k,m?)->(n?,m?)",
	Doc:       "Matrix product of two arrays.",
})

func init() {
	Matmul.MustRegister(matmulBool, dtype.Bool, dtype.Bool, dtype.Bool)
	reg := func(fn GLoop, t dtype.DType) { Matmul.MustRegister(fn, t, t, t) }
	reg(matmulStrided[int8], dtype.Int8)
	reg(matmulStrided[uint8], dtype.Uint8)
	reg(matmulStrided[int16], dtype.Int16)
	reg(matmulStrided[uint16], dtype.Uint16)
	reg(matmulStrided[int32], dtype.Int32)
	reg(matmulStrided[uint32], dtype.Uint32)
	reg(matmulStrided[int64], dtype.Int64)
	reg(matmulStrided[uint64], dtype.Uint64)
	reg(matmulHalf, dtype.Float16)
	reg(matmulFloat[float32], dtype.Float32)
	reg(matmulFloat[float64], dtype.Float64)
	reg(matmulStrided[complex64], dtype.Complex64)
	reg(matmulStrided[complex128], dtype.Complex128)
}

type matmulElem interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 |
		~float32 | ~float64 | ~complex64 | ~complex128
}

func mmAt[T any](p unsafe.Pointer, off int) *T { return (*T)(unsafe.Add(p, off)) }

// matmulStrided is the plain strided loop: for each (i, j),
// c[i,j] = sum_p a[i,p]*b[p,j], accumulated in T.
func matmulStrided[T matmulElem](args []unsafe.Pointer, core []int, cs [][]int) {
	n, k, m := core[0], core[1], core[2]
	a, b, c := args[0], args[1], args[2]
	sa0, sa1, sb0, sb1, sc0, sc1 := cs[0][0], cs[0][1], cs[1][0], cs[1][1], cs[2][0], cs[2][1]
	for i := range n {
		for j := range m {
			var s T
			for p := range k {
				s += *mmAt[T](a, i*sa0+p*sa1) * *mmAt[T](b, p*sb0+j*sb1)
			}
			*mmAt[T](c, i*sc0+j*sc1) = s
		}
	}
}

func matmulBool(args []unsafe.Pointer, core []int, cs [][]int) {
	n, k, m := core[0], core[1], core[2]
	a, b, c := args[0], args[1], args[2]
	sa0, sa1, sb0, sb1, sc0, sc1 := cs[0][0], cs[0][1], cs[1][0], cs[1][1], cs[2][0], cs[2][1]
	for i := range n {
		for j := range m {
			s := false
			for p := range k {
				if *mmAt[bool](a, i*sa0+p*sa1) && *mmAt[bool](b, p*sb0+j*sb1) {
					s = true
					break
				}
			}
			*mmAt[bool](c, i*sc0+j*sc1) = s
		}
	}
}

// matmulHalf accumulates float16 products in float32 and rounds once, as
// NumPy does.
func matmulHalf(args []unsafe.Pointer, core []int, cs [][]int) {
	n, k, m := core[0], core[1], core[2]
	a, b, c := args[0], args[1], args[2]
	sa0, sa1, sb0, sb1, sc0, sc1 := cs[0][0], cs[0][1], cs[1][0], cs[1][1], cs[2][0], cs[2][1]
	for i := range n {
		for j := range m {
			var s float32
			for p := range k {
				s += mmAt[float16.Float16](a, i*sa0+p*sa1).Float32() * mmAt[float16.Float16](b, p*sb0+j*sb1).Float32()
			}
			*mmAt[float16.Float16](c, i*sc0+j*sc1) = float16.Fromfloat32(s)
		}
	}
}

// Blocking of the float kernel: a kc×nc block of b is packed
// contiguously (256 KiB for float64), and four rows of the result are
// updated at a time with an inner loop over contiguous columns.
const (
	mmKC    = 128
	mmNC    = 256
	mmSmall = 16 * 16 * 16 // n*k*m below which the plain loop is used
)

var (
	packPool64 = sync.Pool{New: func() any { s := make([]float64, mmKC*mmNC+4*mmNC); return &s }}
	packPool32 = sync.Pool{New: func() any { s := make([]float32, mmKC*mmNC+4*mmNC); return &s }}
)

func getPack[F float32 | float64]() (buf []F, put func()) {
	var z F
	switch any(z).(type) {
	case float64:
		p := packPool64.Get().(*[]float64)
		return any(*p).([]F), func() { packPool64.Put(p) }
	default:
		p := packPool32.Get().(*[]float32)
		return any(*p).([]F), func() { packPool32.Put(p) }
	}
}

// matmulFloat is the cache-blocked float kernel. For each block of
// columns [jc, jc+nb) and of the inner dimension [pc, pc+kb) it packs
// b[pc:pc+kb, jc:jc+nb] and accumulates c[i, jc:jc+nb] += a[i,p] *
// bpack[p, :] for four rows i at a time (an i-k-j order on contiguous
// rows). Sums are reassociated against the naive loop only by blocking of
// the inner dimension: every c[i,j] is still sum_p a[i,p]*b[p,j] added in
// increasing p.
func matmulFloat[F float32 | float64](args []unsafe.Pointer, core []int, cs [][]int) {
	n, k, m := core[0], core[1], core[2]
	if n*k*m < mmSmall || n == 0 || m == 0 {
		matmulStrided[F](args, core, cs)
		return
	}
	a, b, c := args[0], args[1], args[2]
	sa0, sa1, sb0, sb1, sc0, sc1 := cs[0][0], cs[0][1], cs[1][0], cs[1][1], cs[2][0], cs[2][1]
	size := int(unsafe.Sizeof(F(0)))
	buf, put := getPack[F]()
	defer put()
	pack, tmp := buf[:mmKC*mmNC], buf[mmKC*mmNC:]
	// zero the result
	for i := range n {
		if sc1 == size {
			clear(unsafe.Slice(mmAt[F](c, i*sc0), m))
			continue
		}
		for j := range m {
			*mmAt[F](c, i*sc0+j*sc1) = 0
		}
	}
	for jc := 0; jc < m; jc += mmNC {
		nb := min(mmNC, m-jc)
		for pc := 0; pc < k; pc += mmKC {
			kb := min(mmKC, k-pc)
			for p := range kb {
				row := pack[p*nb : (p+1)*nb]
				off := (pc+p)*sb0 + jc*sb1
				if sb1 == size {
					copy(row, unsafe.Slice(mmAt[F](b, off), nb))
				} else {
					for j := range row {
						row[j] = *mmAt[F](b, off+j*sb1)
					}
				}
			}
			i := 0
			for ; i+4 <= n; i += 4 {
				var rows [4][]F
				for r := range 4 {
					rows[r] = cRow(c, (i+r)*sc0+jc*sc1, sc1, size, nb, tmp[r*nb:(r+1)*nb])
				}
				c0, c1, c2, c3 := rows[0][:nb], rows[1][:nb], rows[2][:nb], rows[3][:nb]
				for p := range kb {
					ao := (pc + p) * sa1
					a0 := *mmAt[F](a, i*sa0+ao)
					a1 := *mmAt[F](a, (i+1)*sa0+ao)
					a2 := *mmAt[F](a, (i+2)*sa0+ao)
					a3 := *mmAt[F](a, (i+3)*sa0+ao)
					br := pack[p*nb : (p+1)*nb]
					br = br[:len(c0)]
					c1, c2, c3 := c1[:len(br)], c2[:len(br)], c3[:len(br)]
					for j, bv := range br {
						c0[j] += a0 * bv
						c1[j] += a1 * bv
						c2[j] += a2 * bv
						c3[j] += a3 * bv
					}
				}
				if sc1 != size {
					for r := range 4 {
						storeRow(c, (i+r)*sc0+jc*sc1, sc1, rows[r])
					}
				}
			}
			for ; i < n; i++ {
				c0 := cRow(c, i*sc0+jc*sc1, sc1, size, nb, tmp[:nb])
				for p := range kb {
					a0 := *mmAt[F](a, i*sa0+(pc+p)*sa1)
					br := pack[p*nb : (p+1)*nb]
					br = br[:len(c0)]
					for j, bv := range br {
						c0[j] += a0 * bv
					}
				}
				if sc1 != size {
					storeRow(c, i*sc0+jc*sc1, sc1, c0)
				}
			}
		}
	}
}

// cRow returns row segment of c starting at byte offset off: the memory
// itself when contiguous, else tmp loaded from it.
func cRow[F float32 | float64](c unsafe.Pointer, off, step, size, nb int, tmp []F) []F {
	if step == size {
		return unsafe.Slice(mmAt[F](c, off), nb)
	}
	for j := range tmp {
		tmp[j] = *mmAt[F](c, off+j*step)
	}
	return tmp
}

func storeRow[F float32 | float64](c unsafe.Pointer, off, step int, row []F) {
	for j, v := range row {
		*mmAt[F](c, off+j*step) = v
	}
}

func prodInts(s []int) int {
	p := 1
	for _, n := range s {
		p *= n
	}
	return p
}

func notAligned(a, b *ndarray.Array, da, db int) error {
	return &ndarray.ShapeError{Op: "dot", Msg: fmt.Sprintf("shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)",
		npShape(a.Shape()), npShape(b.Shape()), a.Shape()[da], da, b.Shape()[db], db)}
}

// Dot is NumPy's dot: the product of two 0-d arrays or scalars is
// element-wise; otherwise it sums over the last axis of a and the
// second-to-last axis of b (the only axis when b is 1-d), so the result
// has shape a.shape[:-1] + b.shape[:-2] + b.shape[-1:]. The result dtype
// and the accumulation follow Matmul.
func Dot(a, b *ndarray.Array, opts ...Option) (*ndarray.Array, error) {
	if a.NDim() == 0 || b.NDim() == 0 {
		return Multiply.Call2(a, b, opts...)
	}
	db := max(b.NDim()-2, 0)
	if a.Shape()[a.NDim()-1] != b.Shape()[db] {
		return nil, notAligned(a, b, a.NDim()-1, db)
	}
	if len(opts) == 0 && a.NDim() == 1 && b.NDim() == 1 && a.DType() == b.DType() && a.IsCContiguous() && b.IsCContiguous() {
		// the inner product of two contiguous float vectors: the simd dot
		switch a.DType() {
		case dtype.Float64:
			return ndarray.Scalar(simd.DotFloat64(unsafe.Slice((*float64)(basePtr(a)), a.Size()), unsafe.Slice((*float64)(basePtr(b)), b.Size()))), nil
		case dtype.Float32:
			return ndarray.Scalar(simd.DotFloat32(unsafe.Slice((*float32)(basePtr(a)), a.Size()), unsafe.Slice((*float32)(basePtr(b)), b.Size()))), nil
		}
	}
	if b.NDim() <= 2 {
		return Matmul.Call2(a, b, opts...)
	}
	k := b.Shape()[db]
	shape := append(append(append([]int(nil), a.Shape()[:a.NDim()-1]...), b.Shape()[:db]...), b.Shape()[b.NDim()-1])
	bm, err := b.MoveAxis(db, 0)
	if err != nil {
		return nil, err
	}
	b2, err := bm.Copy().Reshape(k, prodInts(b.Shape()[:db])*b.Shape()[b.NDim()-1])
	if err != nil {
		return nil, err
	}
	r, err := Matmul.Call2(a, b2)
	if err != nil {
		return nil, err
	}
	r, err = r.Reshape(shape...)
	if err != nil {
		return nil, err
	}
	return finishOut(r, opts)
}

// finishOut copies r into the Out array of opts, if any.
func finishOut(r *ndarray.Array, opts []Option) (*ndarray.Array, error) {
	cfg := defaultConfig()
	cfg.apply(opts)
	if len(cfg.outputs()) == 0 || cfg.outputs()[0] == nil {
		return r, nil
	}
	o := cfg.outputs()[0]
	if !equalShape(o.Shape(), r.Shape()) {
		return nil, &ndarray.ShapeError{Op: "dot", Msg: fmt.Sprintf("output operand has shape %s, expected %s",
			ndarray.FormatShape(o.Shape()), ndarray.FormatShape(r.Shape()))}
	}
	if err := o.CopyFrom(r, cfg.casting); err != nil {
		return nil, err
	}
	return o, nil
}

// Inner is NumPy's inner: the sum of products over the last axes of a and
// b, with shape a.shape[:-1] + b.shape[:-1] (element-wise for 0-d
// operands). Complex values are not conjugated.
func Inner(a, b *ndarray.Array) (*ndarray.Array, error) {
	if a.NDim() == 0 || b.NDim() == 0 {
		return Multiply.Call2(a, b)
	}
	k := a.Shape()[a.NDim()-1]
	if k != b.Shape()[b.NDim()-1] {
		return nil, notAligned(a, b, a.NDim()-1, b.NDim()-1)
	}
	if b.NDim() == 1 {
		return Matmul.Call2(a, b)
	}
	lead := b.Shape()[:b.NDim()-1]
	q := prodInts(lead)
	b2, err := b.Copy().Reshape(q, k)
	if err != nil {
		return nil, err
	}
	r, err := Matmul.Call2(a, b2.Transpose())
	if err != nil {
		return nil, err
	}
	shape := append(append([]int(nil), a.Shape()[:a.NDim()-1]...), lead...)
	return r.Reshape(shape...)
}

// Outer is NumPy's outer: out[i, j] = a.flat[i] * b.flat[j] (the operands
// are flattened first), of shape (a.size, b.size).
func Outer(a, b *ndarray.Array) (*ndarray.Array, error) {
	a2, err := a.Ravel().Reshape(a.Size(), 1)
	if err != nil {
		return nil, err
	}
	b2, err := b.Ravel().Reshape(1, b.Size())
	if err != nil {
		return nil, err
	}
	return Multiply.Call2(a2, b2)
}

// Vdot is NumPy's vdot: the dot product of the flattened operands, with
// the first conjugated when complex. The operands must have the same
// number of elements; the result is 0-d.
func Vdot(a, b *ndarray.Array) (*ndarray.Array, error) {
	if a.Size() != b.Size() {
		return nil, &ndarray.ShapeError{Op: "vdot", Msg: fmt.Sprintf("vectors have different lengths (%d and %d)", a.Size(), b.Size())}
	}
	a1, b1 := a.Ravel(), b.Ravel()
	if a1.DType().Kind() == dtype.KindComplex {
		c, err := Conjugate.Call1(a1)
		if err != nil {
			return nil, err
		}
		a1 = c
	}
	return Matmul.Call2(a1, b1)
}

// npShape formats a shape as NumPy prints it in error messages: "(2,3)",
// "(3,)".
func npShape(s []int) string {
	if len(s) == 1 {
		return fmt.Sprintf("(%d,)", s[0])
	}
	return strings.ReplaceAll(ndarray.FormatShape(s), " ", "")
}
