package ufunc

import (
	"fmt"
	"math"
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
// logical or of ands; float16 accumulates in float32. A float32 or
// float64 element is the sequential sum over k in increasing order, each
// step a fused multiply-add (one rounding), so the result has the same
// bits for every size, layout and CPU (NumPy's BLAS may reassociate).
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

// Blocking of the float kernel, the Goto (BLIS) scheme around the simd
// micro-kernels: a kc x nc block of b is packed in panels of nr columns,
// and for each mr rows of a an mr x kc panel (16 KiB of float64 on
// AVX-512, in the first-level cache) is packed and multiplied by every
// panel of the block into an mr x nr tile of c. The block of b, up to
// mmBBytes, is read from the last-level cache once per panel of a: one
// block of 2 MiB for 1024 columns of float64, rather than five of
// 512 KiB that fit the second-level cache, packs a once instead of five
// times and made matmul.f64.1024.t1 about 5 % faster, float32 3 %
// (medians of 5, two alternating runs each). The blocks of columns are
// of equal width (a multiple of nr), so that none is a thin sliver.
const (
	mmKC     = 256
	mmBBytes = 4 << 20
	mmSmall  = 8 * 8 * 8 // n*k*m below which the plain loop is used
)

var packPool64, packPool32 sync.Pool

// getPack returns a buffer of at least n elements from the pool.
func getPack[F float32 | float64](n int) (buf []F, put func()) {
	var z F
	pool := &packPool32
	if _, ok := any(z).(float64); ok {
		pool = &packPool64
	}
	p, _ := pool.Get().(*[]F)
	if p == nil || len(*p) < n {
		s := make([]F, n)
		p = &s
	}
	return *p, func() { pool.Put(p) }
}

// gemmKernel returns the simd micro-kernel for F and its tile.
func gemmKernel[F float32 | float64]() (mr, nr int, tile func(kc int, a, b, c []F, ldc int)) {
	var z F
	if _, ok := any(z).(float64); ok {
		mr, nr = simd.GemmTileSizeFloat64()
		return mr, nr, any(simd.GemmTileFloat64).(func(int, []F, []F, []F, int))
	}
	mr, nr = simd.GemmTileSizeFloat32()
	return mr, nr, any(simd.GemmTileFloat32).(func(int, []F, []F, []F, int))
}

// matmulFloat is the cache-blocked float kernel (see mmKC). It zeroes c,
// then for each block of columns [jc, jc+nb) and of the inner dimension
// [pc, pc+kb), in increasing pc, adds a[:, pc:pc+kb] @ b[pc:pc+kb,
// jc:jc+nb] to c tile by tile with the simd micro-kernel, which loads a
// tile of c, runs the fused multiply-adds of the block in increasing p
// and stores it back. So every c[i,j] is the sequential chain c =
// fma(a[i,p], b[p,j], c) for p = 0, 1, ..., k-1 from c = 0, as in the
// plain loop (matmulSmall): blocking does not reassociate the sums, and
// the result does not depend on the sizes, the strides or the CPU.
// Tiles at the edges (n or m not a multiple of the tile; the packed
// panels are zero-padded) and all tiles of a c with non-unit column
// stride go through a small contiguous tile; the rest are updated in
// place.
func matmulFloat[F float32 | float64](args []unsafe.Pointer, core []int, cs [][]int) {
	n, k, m := core[0], core[1], core[2]
	if n*k*m < mmSmall || n == 0 || m == 0 {
		matmulSmall[F](args, core, cs)
		return
	}
	a, b, c := args[0], args[1], args[2]
	sa0, sa1, sb0, sb1, sc0, sc1 := cs[0][0], cs[0][1], cs[1][0], cs[1][1], cs[2][0], cs[2][1]
	size := int(unsafe.Sizeof(F(0)))
	mr, nr, tile := gemmKernel[F]()
	kc := min(k, mmKC)
	blocks := (m + mmBBytes/(kc*size) - 1) / (mmBBytes / (kc * size))
	nc := ((m+blocks-1)/blocks + nr - 1) / nr * nr
	nbp, nap := kc*nc, kc*mr
	buf, put := getPack[F](nbp + nap + mr*nr)
	defer put()
	bp, ap, tmp := buf[:nbp], buf[nbp:nbp+nap], buf[nbp+nap:nbp+nap+mr*nr]
	for i := range n {
		if sc1 == size {
			clear(unsafe.Slice(mmAt[F](c, i*sc0), m))
			continue
		}
		for j := range m {
			*mmAt[F](c, i*sc0+j*sc1) = 0
		}
	}
	// whole tiles are updated in place when c's rows are contiguous and
	// at least a tile wide apart
	inPlace := sc1 == size && sc0 >= nr*size && sc0%size == 0
	ldc := sc0 / size
	for jc := 0; jc < m; jc += nc {
		nb := min(nc, m-jc)
		for pc := 0; pc < k; pc += mmKC {
			kb := min(mmKC, k-pc)
			packB(bp, b, pc*sb0+jc*sb1, sb0, sb1, size, kb, nb, nr)
			for ic := 0; ic < n; ic += mr {
				mb := min(mr, n-ic)
				packA(ap, a, ic*sa0+pc*sa1, sa0, sa1, size, mb, kb, mr)
				for jr := 0; jr < nb; jr += nr {
					w := min(nr, nb-jr)
					panel := bp[jr*kb : jr*kb+nr*kb]
					off := ic*sc0 + (jc+jr)*sc1
					if inPlace && mb == mr && w == nr {
						tile(kb, ap, panel, unsafe.Slice(mmAt[F](c, off), (mr-1)*ldc+nr), ldc)
						continue
					}
					clear(tmp)
					if pc > 0 { // else c is still zero
						for i := range mb {
							cRow(tmp[i*nr:i*nr+w], c, off+i*sc0, sc1, size, false)
						}
					}
					tile(kb, ap, panel, tmp, nr)
					for i := range mb {
						cRow(tmp[i*nr:i*nr+w], c, off+i*sc0, sc1, size, true)
					}
				}
			}
		}
	}
}

// cRow copies the row of len(t) elements of c at byte offset off, the
// elements step bytes apart, to t, or with store from t to c.
func cRow[F float32 | float64](t []F, c unsafe.Pointer, off, step, size int, store bool) {
	if step == size {
		r := unsafe.Slice(mmAt[F](c, off), len(t))
		if store {
			copy(r, t)
		} else {
			copy(t, r)
		}
		return
	}
	for j := range t {
		if store {
			*mmAt[F](c, off+j*step) = t[j]
		} else {
			t[j] = *mmAt[F](c, off+j*step)
		}
	}
}

// packB packs the kb x nb block of b at byte offset off (strides s0, s1)
// into bp as panels of nr columns, panel q at bp[q*nr*kb:] holding row p
// of its columns at [p*nr:], the columns past nb zero.
func packB[F float32 | float64](bp []F, b unsafe.Pointer, off, s0, s1, size, kb, nb, nr int) {
	for jr := 0; jr < nb; jr += nr {
		w := min(nr, nb-jr)
		panel := bp[jr*kb : jr*kb+nr*kb]
		for p := range kb {
			row := panel[p*nr : p*nr+nr]
			o := off + p*s0 + jr*s1
			if s1 == size {
				copy(row, unsafe.Slice(mmAt[F](b, o), w))
			} else {
				for j := range w {
					row[j] = *mmAt[F](b, o+j*s1)
				}
			}
			clear(row[w:])
		}
	}
}

// packA packs the mb x kb block of a at byte offset off (strides s0, s1)
// into ap as one panel of mr rows, column p at ap[p*mr:], the rows past
// mb zero. Rows of float64 lying at non-negative multiples of their size
// go through simd.Transpose64, which moves square blocks through
// registers; otherwise a column of the panel is gathered at a time from
// the mb rows.
func packA[F float32 | float64](ap []F, a unsafe.Pointer, off, s0, s1, size, mb, kb, mr int) {
	ap = ap[:kb*mr]
	if mb < mr {
		clear(ap)
	}
	if size == 8 && s1 == 8 && s0 >= 0 && s0%8 == 0 {
		ss := s0 / 8
		src := unsafe.Slice((*uint64)(unsafe.Add(a, off)), (mb-1)*ss+kb)
		simd.Transpose64(unsafe.Slice((*uint64)(unsafe.Pointer(&ap[0])), len(ap)), mr, src, ss, mb, kb)
		return
	}
	var rows [16]unsafe.Pointer
	if mb > len(rows) {
		for i := range mb {
			o := off + i*s0
			for p := range kb {
				ap[p*mr+i] = *mmAt[F](a, o+p*s1)
			}
		}
		return
	}
	for i := range mb {
		rows[i] = unsafe.Add(a, off+i*s0)
	}
	for p := range kb {
		col, o := ap[p*mr:p*mr+mb], p*s1
		for i := range col {
			col[i] = *mmAt[F](rows[i], o)
		}
	}
}

// matmulSmall is the plain loop of the float kernel for small products:
// c[i,j] = fma(a[i,p], b[p,j], c[i,j]) for p in increasing order from 0,
// the steps of matmulFloat's micro-kernel (one rounding each).
func matmulSmall[F float32 | float64](args []unsafe.Pointer, core []int, cs [][]int) {
	n, k, m := core[0], core[1], core[2]
	a, b, c := args[0], args[1], args[2]
	sa0, sa1, sb0, sb1, sc0, sc1 := cs[0][0], cs[0][1], cs[1][0], cs[1][1], cs[2][0], cs[2][1]
	for i := range n {
		for j := range m {
			var s F
			for p := range k {
				s = fmaStep(*mmAt[F](a, i*sa0+p*sa1), *mmAt[F](b, p*sb0+j*sb1), s)
			}
			*mmAt[F](c, i*sc0+j*sc1) = s
		}
	}
}

// fmaStep is x·y + z rounded once to F, a step of the micro-kernel
// (math.FMA is called directly so that it compiles to the instruction).
func fmaStep[F float32 | float64](x, y, z F) F {
	if _, ok := any(x).(float64); ok {
		return F(math.FMA(float64(x), float64(y), float64(z)))
	}
	return F(simd.FMAFloat32(float32(x), float32(y), float32(z)))
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
