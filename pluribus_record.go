package pluribus

import (
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
)

// Records (NumPy's structured arrays).

// FieldSpec is one field of a record layout: a name, a type and a
// sub-array shape (see dtype.FieldSpec).
type FieldSpec = dtype.FieldSpec

// RecordSpec is NumPy's dictionary form of a record type (names, formats,
// offsets, itemsize; see dtype.RecordSpec).
type RecordSpec = dtype.RecordSpec

// RecordError reports a record layout that cannot be built.
type RecordError = dtype.RecordError

// RecordOf returns the record type with the given fields one after the
// other, packed or aligned as np.dtype(list, align=aligned).
func RecordOf(fields []FieldSpec, aligned bool) (dtype.DType, error) {
	return dtype.RecordOf(fields, aligned)
}

// RecordFromSpec returns the record type of NumPy's dictionary form
// (np.dtype(dict, align=aligned)).
func RecordFromSpec(s RecordSpec, aligned bool) (dtype.DType, error) {
	return dtype.RecordFromSpec(s, aligned)
}

// SortBy returns a copy of a sorted along axis, records compared by the
// fields in order first, then the remaining fields (np.sort(a, axis,
// order=order)).
func SortBy(a *Array, axis int, order []string) (*Array, error) {
	return ndarray.SortBy(a, axis, order)
}

// ArgSortBy returns the indices that sort a along axis as SortBy does.
func ArgSortBy(a *Array, axis int, order []string) (*Array, error) {
	return ndarray.ArgSortBy(a, axis, order)
}
