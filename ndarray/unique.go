package ndarray

import (
	"slices"

	"github.com/pluribus-go/pluribus/dtype"
)

// UniqueOptions selects the extra results of Unique and UniqueAxis, as
// the return_index, return_inverse and return_counts arguments of
// NumPy's np.unique.
type UniqueOptions struct {
	ReturnIndex   bool // the position of each unique value's first occurrence
	ReturnInverse bool // for each input element, the position of its value among the unique ones
	ReturnCounts  bool // how many times each unique value occurs
}

// UniqueResult holds what Unique returns. Index, Inverse and Counts are
// int64 arrays, nil unless requested.
type UniqueResult struct {
	Values  *Array
	Index   *Array
	Inverse *Array
	Counts  *Array
}

// List returns the results in NumPy's order: values, then index, inverse
// and counts when present.
func (r *UniqueResult) List() []*Array {
	out := []*Array{r.Values}
	for _, a := range []*Array{r.Index, r.Inverse, r.Counts} {
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// Unique returns the sorted unique elements of a, flattened in C order,
// as NumPy 1.24's np.unique(a, axis=None): Values is 1-d with a's dtype;
// -0.0 and 0.0 are one value (the first occurrence is kept) and every NaN
// collapses into one, placed last (for complex numbers, every value
// holding a NaN). Index, Inverse (1-d, the length of a) and Counts are
// computed when opts asks for them.
func Unique(a *Array, opts UniqueOptions) (*UniqueResult, error) {
	keys, nanFrom, hasNaN, err := orderKeys(a)
	if err != nil {
		return nil, err
	}
	n := len(keys)
	perm := make([]int64, n)
	for i := range perm {
		perm[i] = int64(i)
	}
	if n > 0 {
		var tk []uint64
		var ti []int64
		if n >= argRadixMin {
			tk, ti = make([]uint64, n), make([]int64, n)
		}
		argsortKeys(keys, perm, tk, ti) // keys are now sorted
	}
	// starts[g] is the sorted position where group g begins.
	var starts []int
	// Every element holding a NaN joins the first of them (equal_nan).
	for i := range n {
		if i == 0 || keys[i] != keys[i-1] && !(hasNaN && keys[i-1] >= nanFrom) {
			starts = append(starts, i)
		}
	}
	first := make([]int, len(starts))
	for g, s := range starts {
		first[g] = int(perm[s])
	}
	flat := a.Ravel()
	vals, err := gatherFlat(flat, first)
	if err != nil {
		return nil, err
	}
	res := &UniqueResult{Values: vals}
	if opts.ReturnIndex {
		res.Index = int64Array(len(first), func(g int) int64 { return int64(first[g]) })
	}
	if opts.ReturnInverse {
		inv := make([]int64, n)
		g := -1
		for i := range n {
			if g+1 < len(starts) && starts[g+1] == i {
				g++
			}
			inv[perm[i]] = int64(g)
		}
		res.Inverse = int64Array(n, func(i int) int64 { return inv[i] })
	}
	if opts.ReturnCounts {
		res.Counts = int64Array(len(starts), func(g int) int64 {
			end := n
			if g+1 < len(starts) {
				end = starts[g+1]
			}
			return int64(end - starts[g])
		})
	}
	return res, nil
}

// int64Array makes a 1-d int64 array of n elements f(0), …, f(n-1).
func int64Array(n int, f func(int) int64) *Array {
	out, _ := newArray(dtype.Int64, []int{n}, C)
	s := typedSlice[int64](out)
	for i := range s {
		s[i] = f(i)
	}
	return out
}

// gatherFlat returns the 1-d array of the elements of the 1-d array a at
// the given positions.
func gatherFlat(a *Array, pos []int) (*Array, error) {
	out, err := newArray(a.dtype, []int{len(pos)}, C)
	if err != nil {
		return nil, err
	}
	is := a.dtype.Size()
	for i, p := range pos {
		copy(out.data[i*is:(i+1)*is], a.data[a.offset+p*a.Strides()[0]:])
	}
	return out, nil
}

// UniqueAxis returns the unique sub-arrays of a along axis, as NumPy
// 1.24's np.unique(a, axis=axis): the sub-arrays a[..., i, ...] are
// compared element by element in C order under the sort order, sorted
// lexicographically and deduplicated (a sub-array holding a NaN is equal
// to no other, as NumPy's record comparison makes it). Values has a's
// shape except along axis; Index, Inverse and Counts are 1-d.
func UniqueAxis(a *Array, axis int, opts UniqueOptions) (*UniqueResult, error) {
	ax, err := NormalizeAxis(axis, a.NDim())
	if err != nil {
		return nil, err
	}
	moved, _ := a.MoveAxis(ax, 0)
	rows := moved.Shape()[0]
	m := 1 // elements per sub-array
	for _, d := range moved.Shape()[1:] {
		m *= d
	}
	keys, nanFrom, hasNaN, err := orderKeys(moved)
	if err != nil {
		return nil, err
	}
	row := func(i int) []uint64 { return keys[i*m : (i+1)*m] }
	perm := make([]int, rows)
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(i, j int) int { return slices.Compare(row(i), row(j)) })
	equal := func(i, j int) bool {
		ri, rj := row(i), row(j)
		if !slices.Equal(ri, rj) {
			return false
		}
		return !hasNaN || !slices.ContainsFunc(ri, func(k uint64) bool { return k >= nanFrom })
	}
	var starts []int
	for k := range rows {
		if k == 0 || !equal(perm[k-1], perm[k]) {
			starts = append(starts, k)
		}
	}
	idx := make([]int64, len(starts))
	for g, s := range starts {
		idx[g] = int64(perm[s])
	}
	ia, _ := FromSlice(idx, len(idx))
	picked, err := moved.Slice(ArrayIndex(ia))
	if err != nil {
		return nil, err
	}
	vals, _ := picked.MoveAxis(0, ax)
	res := &UniqueResult{Values: vals.Copy()}
	if opts.ReturnIndex {
		res.Index = ia
	}
	if opts.ReturnInverse {
		inv := make([]int64, rows)
		g := -1
		for k := range rows {
			if g+1 < len(starts) && starts[g+1] == k {
				g++
			}
			inv[perm[k]] = int64(g)
		}
		res.Inverse = int64Array(rows, func(i int) int64 { return inv[i] })
	}
	if opts.ReturnCounts {
		res.Counts = int64Array(len(starts), func(g int) int64 {
			end := rows
			if g+1 < len(starts) {
				end = starts[g+1]
			}
			return int64(end - starts[g])
		})
	}
	return res, nil
}
