package pluribus

import (
	"io"

	"github.com/pluribus-go/pluribus/datashape"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// Sorting and searching.

// Sort returns a sorted copy of a along axis (stable; NaNs last).
func Sort(a *Array, axis int) (*Array, error) { return ndarray.Sort(a, axis) }

// SortFlat returns the elements of a sorted, flattened (NumPy's axis=None).
func SortFlat(a *Array) (*Array, error) { return ndarray.SortFlat(a) }

// ArgSort returns the int64 indices that sort a along axis (stable).
func ArgSort(a *Array, axis int) (*Array, error) { return ndarray.ArgSort(a, axis) }

// ArgSortFlat returns the indices that sort the flattened a.
func ArgSortFlat(a *Array) (*Array, error) { return ndarray.ArgSortFlat(a) }

// UniqueOptions selects the extra results of Unique.
type UniqueOptions = ndarray.UniqueOptions

// UniqueResult holds Unique's values and the requested index arrays.
type UniqueResult = ndarray.UniqueResult

// Unique returns the sorted unique elements of a (NaNs collapsed into one,
// as NumPy 1.24), with first indices, the inverse and counts on request.
func Unique(a *Array, opts UniqueOptions) (*UniqueResult, error) { return ndarray.Unique(a, opts) }

// Side says which of equal elements SearchSorted returns the position of.
type Side = ndarray.Side

// SearchSorted returns the indices where v's elements would be inserted
// into the sorted 1-d a to keep it sorted.
func SearchSorted(a, v *Array, side Side) (*Array, error) { return ndarray.SearchSorted(a, v, side) }

// SearchSortedSorter is SearchSorted with the indices that sort a
// (np.searchsorted(a, v, side, sorter)); see ndarray.SearchSortedSorter.
func SearchSortedSorter(a, v *Array, side Side, sorter *Array) (*Array, error) {
	return ndarray.SearchSortedSorter(a, v, side, sorter)
}

// Partition returns a copy of a with the element at kth in its sorted
// position along axis, smaller ones before it and larger ones after.
func Partition(a *Array, kth []int, axis int) (*Array, error) { return ndarray.Partition(a, kth, axis) }

// ArgPartition returns the indices that partition a as Partition does.
func ArgPartition(a *Array, kth []int, axis int) (*Array, error) {
	return ndarray.ArgPartition(a, kth, axis)
}

// Lexsort returns the indices that sort by several keys, the last key
// primary.
func Lexsort(keys []*Array) (*Array, error) { return ndarray.Lexsort(keys) }

// Index items for Array.Slice beyond the basic ones of package ndarray.

// ArrayIndex is an advanced index item: an integer array (fancy indexing)
// or a boolean mask.
func ArrayIndex(idx *Array) ndarray.Index { return ndarray.ArrayIndex(idx) }

// Files.

// NPZEntry is a named array of an .npz archive.
type NPZEntry = ndarray.NPZEntry

// FormatError reports a .npy or .npz file that cannot be read.
type FormatError = ndarray.FormatError

// SaveNPY writes a to path in NumPy's .npy format, as np.save does.
func SaveNPY(path string, a *Array) error { return ndarray.SaveNPY(path, a) }

// LoadNPY reads a .npy file, mapping it into memory when it can; the
// result is read-only.
func LoadNPY(path string) (*Array, error) { return ndarray.LoadNPY(path) }

// LoadNPYCopy reads a .npy file into a new, writeable array.
func LoadNPYCopy(path string) (*Array, error) { return ndarray.LoadNPYCopy(path) }

// ReadNPY reads one array in .npy format from r.
func ReadNPY(r io.Reader) (*Array, error) { return ndarray.ReadNPY(r) }

// SaveNPZ writes arrays to an .npz archive, compressed or not, in order.
func SaveNPZ(path string, compressed bool, entries ...NPZEntry) error {
	return ndarray.SaveNPZ(path, compressed, entries...)
}

// LoadNPZ reads every array of an .npz archive, in archive order.
func LoadNPZ(path string) ([]NPZEntry, error) { return ndarray.LoadNPZ(path) }

// Types.

// ParseType parses a datashape type ("3 * var * {x: int32, y: ?float64}",
// "(M * N * T, N * P * T) -> M * P * T").
func ParseType(s string) (*datashape.DataShape, error) { return datashape.Parse(s) }

// Linear algebra products.

// Matmul is the matrix product with NumPy's broadcasting of stacked
// matrices (np.matmul, the @ operator).
func Matmul(a, b *Array, opts ...Option) (*Array, error) { return ufunc.Matmul.Call2(a, b, opts...) }

// Dot is np.dot: the sum product over the last axis of a and the
// second-to-last of b.
func Dot(a, b *Array, opts ...Option) (*Array, error) { return ufunc.Dot(a, b, opts...) }

// Inner is np.inner: the sum product over the last axes of a and b.
func Inner(a, b *Array) (*Array, error) { return ufunc.Inner(a, b) }

// Outer is np.outer: the product of every element of the flattened a with
// every element of the flattened b (for a ufunc's outer method see
// ufunc.Add.Outer).
func Outer(a, b *Array) (*Array, error) { return ufunc.Outer(a, b) }

// Vdot is np.vdot: the dot product of the flattened arrays, conjugating
// the first when complex.
func Vdot(a, b *Array) (*Array, error) { return ufunc.Vdot(a, b) }

// Einsum evaluates Einstein summation over the operands (np.einsum).
func Einsum(subscripts string, operands ...*Array) (*Array, error) {
	return ufunc.Einsum(subscripts, operands...)
}
