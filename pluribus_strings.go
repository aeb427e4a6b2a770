package pluribus

import (
	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/pluribus-go/pluribus/ufunc"
)

// Fixed-width strings: NumPy's "U<n>" (dtype.Unicode(n)) and "S<n>"
// (dtype.Bytes(n)) arrays, and the np.char functions. The elements of
// every text array (U, S, variable-length strings, categoricals) are read
// and written with the Array methods StringAt, Strings and SetString.

// Unicode returns the fixed-width Unicode string type of n code points
// (NumPy "<Un"); Unicode(0) is the unsized "U" of astype, which takes the
// width the values need.
func Unicode(n int) dtype.DType { return dtype.Unicode(n) }

// Bytes returns the fixed-width byte string type of n bytes (NumPy "Sn");
// Bytes(0) is the unsized "S".
func Bytes(n int) dtype.DType { return dtype.Bytes(n) }

// FromStringsAs returns a new array of type dt holding values, as NumPy's
// np.array(values, dtype=dt): fixed-width strings (truncated to the width;
// width 0 takes the longest value), variable-length strings, or numbers
// parsed from the text (ndarray.FromStringsAs).
func FromStringsAs(dt dtype.DType, values []string, shape ...int) (*Array, error) {
	return ndarray.FromStringsAs(dt, values, shape...)
}

// CharAdd concatenates two string arrays element by element (np.char.add).
func CharAdd(x1, x2 any) (*Array, error) { return ufunc.CharAdd(x1, x2) }

// CharMultiply repeats each string of a i times (np.char.multiply).
func CharMultiply(a *Array, i int) (*Array, error) { return ufunc.CharMultiply(a, i) }

// CharUpper upper-cases each string of a, keeping its width
// (np.char.upper).
func CharUpper(a *Array) (*Array, error) { return ufunc.CharUpper(a) }

// CharLower lower-cases each string of a, keeping its width
// (np.char.lower).
func CharLower(a *Array) (*Array, error) { return ufunc.CharLower(a) }

// CharFind returns the lowest index of sub in each string of a within
// [start:end], or -1 (np.char.find; math.MaxInt as end is the end).
func CharFind(a *Array, sub any, start, end int) (*Array, error) {
	return ufunc.CharFind(a, sub, start, end)
}

// CharStrip removes leading and trailing whitespace, or the characters of
// chars when it is not nil, from each string of a (np.char.strip).
func CharStrip(a *Array, chars any) (*Array, error) { return ufunc.CharStrip(a, chars) }

// CharLStrip is CharStrip at the start only (np.char.lstrip).
func CharLStrip(a *Array, chars any) (*Array, error) { return ufunc.CharLStrip(a, chars) }

// CharRStrip is CharStrip at the end only (np.char.rstrip).
func CharRStrip(a *Array, chars any) (*Array, error) { return ufunc.CharRStrip(a, chars) }

// CharEqual compares strings ignoring trailing whitespace (np.char.equal).
func CharEqual(x1, x2 any) (*Array, error) { return ufunc.CharEqual(x1, x2) }

// CharNotEqual is != ignoring trailing whitespace (np.char.not_equal).
func CharNotEqual(x1, x2 any) (*Array, error) { return ufunc.CharNotEqual(x1, x2) }

// CharLess is < ignoring trailing whitespace (np.char.less).
func CharLess(x1, x2 any) (*Array, error) { return ufunc.CharLess(x1, x2) }

// CharLessEqual is <= ignoring trailing whitespace (np.char.less_equal).
func CharLessEqual(x1, x2 any) (*Array, error) { return ufunc.CharLessEqual(x1, x2) }

// CharGreater is > ignoring trailing whitespace (np.char.greater).
func CharGreater(x1, x2 any) (*Array, error) { return ufunc.CharGreater(x1, x2) }

// CharGreaterEqual is >= ignoring trailing whitespace
// (np.char.greater_equal).
func CharGreaterEqual(x1, x2 any) (*Array, error) { return ufunc.CharGreaterEqual(x1, x2) }
