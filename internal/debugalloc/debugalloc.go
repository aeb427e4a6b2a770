// Package debugalloc holds a switch for tests. With Poison set, every
// buffer ndarray allocates without zeroing (ndarray.Uninitialized and so
// the ufuncs' results, AsType, copies, .npy data) is filled with
// PoisonByte instead, so a test sees any element an operation failed to
// write rather than whatever the memory happened to hold, often zero.
// (Arrays of at most 128 bytes, allocated with their header, are zeroed
// either way.) The environment variable PLURIBUS_POISON=1 sets it from
// the start, for running whole test suites so.
package debugalloc

import (
	"os"
	"sync/atomic"
)

// Poison turns the filling on.
var Poison atomic.Bool

// PoisonByte is the filler: as float64 0xA5A5A5A5A5A5A5A5 is about
// -2.5e-127, as an integer it is none of the small values tests use, and
// as a bool it is neither false (0) nor true (1).
const PoisonByte = 0xA5

func init() {
	if os.Getenv("PLURIBUS_POISON") == "1" {
		Poison.Store(true)
	}
}
