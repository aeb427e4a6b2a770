package ufunc

import (
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// EinsumError reports subscripts that Einsum cannot parse or that do not
// fit the operands.
type EinsumError struct {
	Subscripts string
	Msg        string
}

// Error returns the message.
func (e *EinsumError) Error() string {
	return fmt.Sprintf("ufunc: einsum %q: %s", e.Subscripts, e.Msg)
}

// ellipsis labels are ellBase+i for the i-th broadcast dimension.
const ellBase = 256

type einsumTerm struct {
	labels []int // ellipsis marked by -1
	hasEll bool
}

func parseEinsumTerm(s, term string, output bool) (einsumTerm, error) {
	var t einsumTerm
	seen := map[int]bool{}
	for i := 0; i < len(term); i++ {
		c := term[i]
		switch {
		case c == ' ':
		case c == '.':
			if t.hasEll || !strings.HasPrefix(term[i:], "...") {
				return t, &EinsumError{Subscripts: s, Msg: "invalid ellipsis (use one '...' per operand)"}
			}
			t.hasEll = true
			t.labels = append(t.labels, -1)
			i += 2
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			if output && seen[int(c)] {
				return t, &EinsumError{Subscripts: s, Msg: fmt.Sprintf("output subscript '%c' appears more than once", c)}
			}
			seen[int(c)] = true
			t.labels = append(t.labels, int(c))
		default:
			return t, &EinsumError{Subscripts: s, Msg: fmt.Sprintf("invalid subscript %q (letters and '...' only)", c)}
		}
	}
	return t, nil
}

// Einsum evaluates the Einstein summation convention on the operands, as
// NumPy's einsum: "ij,jk->ik" is a matrix product, "ii->i" a diagonal,
// "ii" a trace, "ij->ji" a transpose, "i,j->ij" an outer product. Without
// "->" the output holds the labels that appear once, in alphabetical
// (ASCII) order. "..." stands for broadcast dimensions. The result dtype
// is the operands' result type; integers accumulate in it and wrap.
//
// Errors: *EinsumError for subscripts that cannot be parsed or do not fit
// the operands' dimensions, *ndarray.ShapeError for a repeated label
// whose dimensions differ within an operand, *ndarray.BroadcastError for
// a label whose sizes differ between operands.
func Einsum(subscripts string, operands ...*ndarray.Array) (*ndarray.Array, error) {
	s := subscripts
	if len(s) > 1<<12 {
		return nil, &EinsumError{Subscripts: s[:32] + "…", Msg: "subscripts too long"}
	}
	for i, a := range operands {
		if a == nil {
			return nil, &EinsumError{Subscripts: s, Msg: fmt.Sprintf("operand %d is nil", i)}
		}
	}
	lhs, rhs, explicit := strings.Cut(s, "->")
	if strings.Contains(rhs, "->") || strings.ContainsAny(rhs, ",") {
		return nil, &EinsumError{Subscripts: s, Msg: "only one '->' and no ',' in the output"}
	}
	parts := strings.Split(lhs, ",")
	if len(parts) != len(operands) {
		return nil, &EinsumError{Subscripts: s, Msg: fmt.Sprintf("%d operand terms for %d operands", len(parts), len(operands))}
	}
	if len(operands) == 0 {
		return nil, &EinsumError{Subscripts: s, Msg: "no operands"}
	}
	// per operand, the label of each dimension
	opLabels := make([][]int, len(operands))
	nell := 0
	anyEll := false
	count := map[int]int{}
	for k, p := range parts {
		t, err := parseEinsumTerm(s, p, false)
		if err != nil {
			return nil, err
		}
		a := operands[k]
		nl := len(t.labels)
		if t.hasEll {
			nl--
		}
		if nl > a.NDim() || (!t.hasEll && nl != a.NDim()) {
			return nil, &EinsumError{Subscripts: s, Msg: fmt.Sprintf("operand %d has %d dimensions, the subscripts give %d", k, a.NDim(), nl)}
		}
		var labels []int
		e := a.NDim() - nl
		for _, l := range t.labels {
			if l == -1 {
				anyEll = true
				nell = max(nell, e)
				for j := range e {
					labels = append(labels, -1-(e-j)) // -1-(distance from the right)
				}
				continue
			}
			labels = append(labels, l)
			count[l]++
		}
		opLabels[k] = labels
	}
	// map ellipsis placeholders to right-aligned broadcast labels
	for k := range opLabels {
		for j, l := range opLabels[k] {
			if l < 0 {
				opLabels[k][j] = ellBase + nell + (l + 1) // -1-d -> ellBase+nell-d
			}
		}
	}
	var out []int
	if explicit {
		t, err := parseEinsumTerm(s, rhs, true)
		if err != nil {
			return nil, err
		}
		for _, l := range t.labels {
			if l == -1 {
				for j := range nell {
					out = append(out, ellBase+j)
				}
				continue
			}
			if count[l] == 0 {
				return nil, &EinsumError{Subscripts: s, Msg: fmt.Sprintf("output subscript '%c' does not appear in the inputs", rune(l))}
			}
			out = append(out, l)
		}
		if anyEll && !t.hasEll && nell > 0 {
			return nil, &EinsumError{Subscripts: s, Msg: "output has no '...' for the broadcast dimensions"}
		}
	} else {
		for j := range nell {
			out = append(out, ellBase+j)
		}
		var once []int
		for l, n := range count {
			if n == 1 {
				once = append(once, l)
			}
		}
		slices.Sort(once)
		out = append(out, once...)
	}
	// sizes of every label
	size := map[int]int{}
	for k, a := range operands {
		local := map[int]int{}
		for j, l := range opLabels[k] {
			n := a.Shape()[j]
			if m, ok := local[l]; ok && m != n {
				return nil, &ndarray.ShapeError{Op: "einsum", Msg: fmt.Sprintf("dimensions in single operand for collapsing index '%c' don't match (%d != %d)", rune(l), m, n)}
			}
			local[l] = n
			m, ok := size[l]
			switch {
			case !ok || m == 1:
				size[l] = n
			case n == 1 || n == m:
			default:
				shapes := make([][]int, len(operands))
				for i, o := range operands {
					shapes[i] = append([]int(nil), o.Shape()...)
				}
				return nil, &ndarray.BroadcastError{Shapes: shapes}
			}
		}
	}
	// every label: output ones first, then the summed ones
	all := append([]int(nil), out...)
	var summed []int
	for l := range size {
		if !slices.Contains(out, l) {
			summed = append(summed, l)
		}
	}
	slices.Sort(summed)
	all = append(all, summed...)
	sizes := make([]int, len(all))
	for i, l := range all {
		sizes[i] = size[l]
	}
	// dtypes
	types := make([]dtype.DType, len(operands))
	for i, a := range operands {
		types[i] = a.DType()
	}
	rt, err := dtype.ResultType(types...)
	if err != nil {
		return nil, err
	}
	ct := rt.Native()
	if ct == dtype.Float16 {
		ct = dtype.Float32
	}
	conv := make([]*ndarray.Array, len(operands))
	for i, a := range operands {
		if a.DType() != ct {
			c, err := a.AsType(ct, dtype.Unsafe)
			if err != nil {
				return nil, err
			}
			a = c
		}
		conv[i] = a
	}
	outShape := sizes[:len(out)]
	res, err := ndarray.Zeros(ct, outShape...)
	if err != nil {
		return nil, err
	}
	// strides per operand (inputs, then the output) per label
	strides := make([][]int, len(operands)+1)
	ptrs := make([]unsafe.Pointer, len(operands)+1)
	for k, a := range conv {
		st := make([]int, len(all))
		for j, l := range opLabels[k] {
			if a.Shape()[j] == 1 {
				continue
			}
			st[slices.Index(all, l)] += a.Strides()[j]
		}
		strides[k], ptrs[k] = st, basePtr(a)
	}
	ost := make([]int, len(all))
	copy(ost, res.Strides())
	strides[len(operands)], ptrs[len(operands)] = ost, basePtr(res)
	total := 1
	for _, n := range sizes {
		total *= n
	}
	if total > 0 {
		switch ct.Num() {
		case dtype.Bool.Num():
			einsumBool(ptrs, strides, sizes, total)
		case dtype.Int8.Num():
			einsumLoop[int8](ptrs, strides, sizes, total)
		case dtype.Uint8.Num():
			einsumLoop[uint8](ptrs, strides, sizes, total)
		case dtype.Int16.Num():
			einsumLoop[int16](ptrs, strides, sizes, total)
		case dtype.Uint16.Num():
			einsumLoop[uint16](ptrs, strides, sizes, total)
		case dtype.Int32.Num():
			einsumLoop[int32](ptrs, strides, sizes, total)
		case dtype.Uint32.Num():
			einsumLoop[uint32](ptrs, strides, sizes, total)
		case dtype.Int64.Num():
			einsumLoop[int64](ptrs, strides, sizes, total)
		case dtype.Uint64.Num():
			einsumLoop[uint64](ptrs, strides, sizes, total)
		case dtype.Float32.Num():
			einsumLoop[float32](ptrs, strides, sizes, total)
		case dtype.Float64.Num():
			einsumLoop[float64](ptrs, strides, sizes, total)
		case dtype.Complex64.Num():
			einsumLoop[complex64](ptrs, strides, sizes, total)
		case dtype.Complex128.Num():
			einsumLoop[complex128](ptrs, strides, sizes, total)
		default:
			return nil, &LoopError{Ufunc: "einsum", Types: types}
		}
	}
	if res.DType() != rt {
		return res.AsType(rt, dtype.Unsafe)
	}
	return res, nil
}

// einsumLoop walks every label combination (an odometer over sizes) and
// adds the product of the operands' elements to the output element
// (the last pointer).
func einsumLoop[T matmulElem](ptrs []unsafe.Pointer, strides [][]int, sizes []int, total int) {
	nin := len(ptrs) - 1
	offs := make([]int, len(ptrs))
	idx := make([]int, len(sizes))
	for range total {
		p := *mmAt[T](ptrs[0], offs[0])
		for k := 1; k < nin; k++ {
			p *= *mmAt[T](ptrs[k], offs[k])
		}
		*mmAt[T](ptrs[nin], offs[nin]) += p
		einsumStep(idx, offs, strides, sizes)
	}
}

func einsumBool(ptrs []unsafe.Pointer, strides [][]int, sizes []int, total int) {
	nin := len(ptrs) - 1
	offs := make([]int, len(ptrs))
	idx := make([]int, len(sizes))
	for range total {
		p := true
		for k := range nin {
			p = p && *mmAt[bool](ptrs[k], offs[k])
		}
		if p {
			*mmAt[bool](ptrs[nin], offs[nin]) = true
		}
		einsumStep(idx, offs, strides, sizes)
	}
}

func einsumStep(idx, offs []int, strides [][]int, sizes []int) {
	for d := len(sizes) - 1; d >= 0; d-- {
		idx[d]++
		for k := range offs {
			offs[k] += strides[k][d]
		}
		if idx[d] < sizes[d] {
			return
		}
		for k := range offs {
			offs[k] -= strides[k][d] * sizes[d]
		}
		idx[d] = 0
	}
}
