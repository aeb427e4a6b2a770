// Package ndarray is the container of pluribus: Array, an N-dimensional
// array of elements of one dtype.DType laid out by byte strides over a
// shared buffer, with its creation functions, views, copies, element
// access and printing.
//
// # Overview
//
// An Array is a dtype, a shape, byte strides, an offset and a buffer:
// element (i, j, k) lives at byte offset + i*strides[0] + j*strides[1] +
// k*strides[2]. Buffers are 64-byte aligned (32-byte when they hold at
// most 32 bytes) and hold no Go pointers. A 0-d array (shape ()) holds
// one element and is an array like any other; there are no array
// scalars: Item, At and the iterators return plain Go values.
//
//	a, _ := ndarray.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
//	v, _ := a.Index("1:, ::-1")           // [[6 5 4]], a view
//	ndarray.Set(v, 60.0, 0, 0)            // writes a[1, 2]
//	x := ndarray.At[float64](a, 1, 2)     // 60
//
// # Views and aliasing
//
// Basic indexing (Slice, Index), Reshape when the strides allow it,
// Transpose, Permute, SwapAxes, MoveAxis, Squeeze, ExpandDims,
// BroadcastTo and Real/Imag return views: new headers over the same
// buffer. Writing through a view changes every array sharing the buffer.
// Copy, Flatten, AsType and the creation functions return new buffers.
// Views of arrays with up to four dimensions allocate only their header.
// Broadcast views repeat elements with stride 0 and are read-only.
// CopyFrom and SetSlice handle source and destination overlapping in
// memory as if the source had been copied first.
//
// # Dtypes
//
// Arrays may hold any element type of package dtype, in either byte
// order; At, Set and the iterators swap bytes as needed. Typed access is
// generic: At[T] panics, like a slice index, when T is not the array's
// element type or the index is out of range.
//
// # Records
//
// Arrays of record types (NumPy's structured arrays, see
// dtype.RecordOf) give views of their fields with Field and FieldsView,
// read and write whole records as Go values with RecordAt and SetRecord,
// and sort by fields with SortBy and ArgSortBy (NumPy's order=).
//
// # Text
//
// Fixed-width Unicode and bytes ("U<n>", "S<n>"), variable-length strings
// (dtype.String, their text in an arena the array's views share) and
// categoricals are read and written the same way: StringAt, Strings and
// SetString, and Fill with a Go string. Unsized Unicode(0) and Bytes(0)
// make arrays of width 1 (Zeros, Empty, Ones, Full), as in NumPy.
//
// # Printing
//
// fmt.Print(a) writes what NumPy's print(a) writes; %#v and String add the
// dtype and shape, as a repr.
//
// # Files and interchange
//
// WriteNPY, SaveNPY, ReadNPY and LoadNPY read and write NumPy's .npy
// format byte for byte as np.save does (every numeric dtype, both byte
// orders, C and Fortran order, and fixed-width strings, dates and
// records); WriteNPZ/SaveNPZ and ReadNPZ/LoadNPZ
// handle .npz archives, plain or compressed. LoadNPY maps large files
// read-only instead of reading them; LoadNPYCopy always reads. Arrays
// also implement json.Marshaler (nested lists with dtype and shape) and
// encoding.BinaryMarshaler (.npy bytes). Package gonumconv converts to and
// from gonum matrices, sharing memory where the layout allows.
//
// # Manipulation, sorting and selection
//
// Concatenate, Stack, Split, Tile, Repeat, Flip, Roll, Rot90, Pad, Diff,
// Tril/Triu, Diagonal, Trace and Meshgrid; Take, Put, Compress, Nonzero,
// ArgWhere and Choose; Sort, ArgSort (stable), Unique, SearchSorted,
// Partition and Lexsort; and advanced indexing in Slice and SetSlice
// (integer arrays and boolean masks, with NumPy's rules) — all with
// NumPy's semantics, checked against the NumPy corpus.
//
// # Errors
//
// Data-dependent failures return typed errors, matchable with errors.As:
// *ShapeError, *BroadcastError, *AxisError, *IndexError, *IndexParseError,
// *ValueError, *FormatError (files), and dtype's *CastError. Their messages say what was
// expected and what came.
//
// # Concurrency
//
// Array headers are immutable after creation; concurrent reads are safe.
// Writes to elements are not synchronised: as with Go slices, concurrent
// writers to overlapping elements need their own synchronisation.
package ndarray
