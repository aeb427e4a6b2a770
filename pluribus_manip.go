package pluribus

import "github.com/pluribus-go/pluribus/ndarray"

// IndexMode says how Take, Put and Choose treat out-of-range indices.
type IndexMode = ndarray.IndexMode

// The index modes: raise an *IndexError, wrap around, or clip to the ends.
const (
	ModeRaise = ndarray.ModeRaise
	ModeWrap  = ndarray.ModeWrap
	ModeClip  = ndarray.ModeClip
)

// PadMode says how Pad fills the new elements.
type PadMode = ndarray.PadMode

// The pad modes: a constant value, or the edge values repeated.
const (
	PadConstant = ndarray.PadConstant
	PadEdge     = ndarray.PadEdge
)

// Concatenate joins arrays along an existing axis (np.concatenate).
func Concatenate(arrays []*Array, axis int) (*Array, error) {
	return ndarray.Concatenate(arrays, axis)
}

// Stack joins arrays of one shape along a new axis (np.stack).
func Stack(arrays []*Array, axis int) (*Array, error) { return ndarray.Stack(arrays, axis) }

// HStack stacks arrays horizontally (np.hstack).
func HStack(arrays []*Array) (*Array, error) { return ndarray.HStack(arrays) }

// VStack stacks arrays vertically (np.vstack).
func VStack(arrays []*Array) (*Array, error) { return ndarray.VStack(arrays) }

// DStack stacks arrays along the third axis (np.dstack).
func DStack(arrays []*Array) (*Array, error) { return ndarray.DStack(arrays) }

// Split divides a into equal sections along axis, as views (np.split).
func Split(a *Array, sections, axis int) ([]*Array, error) { return ndarray.Split(a, sections, axis) }

// SplitAt divides a at the given indices along axis, as views.
func SplitAt(a *Array, indices []int, axis int) ([]*Array, error) {
	return ndarray.SplitAt(a, indices, axis)
}

// ArraySplit divides a into sections that may differ in size by one
// (np.array_split).
func ArraySplit(a *Array, sections, axis int) ([]*Array, error) {
	return ndarray.ArraySplit(a, sections, axis)
}

// Tile repeats a as a whole (np.tile).
func Tile(a *Array, reps ...int) (*Array, error) { return ndarray.Tile(a, reps...) }

// Repeat repeats each element of a along axis (np.repeat).
func Repeat(a *Array, repeats []int, axis int) (*Array, error) {
	return ndarray.Repeat(a, repeats, axis)
}

// Flip reverses the order of elements along the axes, as a view (np.flip).
func Flip(a *Array, axes ...int) (*Array, error) { return ndarray.Flip(a, axes...) }

// Rot90 rotates a by 90 degrees k times in the plane of axes, as a view.
func Rot90(a *Array, k int, axes [2]int) (*Array, error) { return ndarray.Rot90(a, k, axes) }

// Roll shifts elements along axis, wrapping around (np.roll).
func Roll(a *Array, shift, axis int) (*Array, error) { return ndarray.Roll(a, shift, axis) }

// Pad returns a padded with widths[i] = (before, after) elements on axis i.
func Pad(a *Array, widths [][2]int, mode PadMode, value any) (*Array, error) {
	return ndarray.Pad(a, widths, mode, value)
}

// Diff returns the n-th discrete difference along axis (np.diff).
func Diff(a *Array, n, axis int) (*Array, error) { return ndarray.Diff(a, n, axis) }

// Tril returns a copy of a with the elements above the k-th diagonal zeroed.
func Tril(a *Array, k int) (*Array, error) { return ndarray.Tril(a, k) }

// Triu returns a copy of a with the elements below the k-th diagonal zeroed.
func Triu(a *Array, k int) (*Array, error) { return ndarray.Triu(a, k) }

// Diagonal returns a read-only view of a diagonal (np.diagonal).
func Diagonal(a *Array, offset, axis1, axis2 int) (*Array, error) {
	return ndarray.Diagonal(a, offset, axis1, axis2)
}

// Trace returns the sum along a diagonal (np.trace).
func Trace(a *Array, offset, axis1, axis2 int) (*Array, error) {
	return ndarray.Trace(a, offset, axis1, axis2)
}

// Meshgrid returns coordinate matrices from coordinate vectors, with
// indexing "xy" (Cartesian) or "ij" (matrix) (np.meshgrid).
func Meshgrid(indexing string, arrays ...*Array) ([]*Array, error) {
	return ndarray.Meshgrid(indexing, arrays...)
}

// Take takes elements of a at indices along axis (np.take).
func Take(a, indices *Array, axis int, mode IndexMode) (*Array, error) {
	return ndarray.Take(a, indices, axis, mode)
}

// Put writes values into the flattened a at indices (np.put).
func Put(a, indices, values *Array, mode IndexMode) error {
	return ndarray.Put(a, indices, values, mode)
}

// Compress selects the slices of a along axis where cond is true.
func Compress(cond, a *Array, axis int) (*Array, error) { return ndarray.Compress(cond, a, axis) }

// Nonzero returns the indices of the non-zero elements, one int64 array
// per dimension (np.nonzero).
func Nonzero(a *Array) ([]*Array, error) { return ndarray.Nonzero(a) }

// ArgWhere returns the indices of the non-zero elements as an (N, ndim)
// array (np.argwhere).
func ArgWhere(a *Array) (*Array, error) { return ndarray.ArgWhere(a) }

// Choose builds an array from index and a list of choices (np.choose).
func Choose(index *Array, choices []*Array, mode IndexMode) (*Array, error) {
	return ndarray.Choose(index, choices, mode)
}
