package ufunc

import (
	"unsafe"

	"github.com/pluribus-go/pluribus/dtype"
)

// Records compare for equality as NumPy's operators a == b and a != b
// compare structured arrays: the two record types must have a common type
// (the same field names in the same order; dtype.Promote), each record is
// converted to it and the records are equal when every field — every
// element of a sub-array field, every field of a nested record — is equal
// (NaN and NaT fields make records unequal, even to themselves). Plain
// voids of one size compare byte by byte. Ordering comparisons (Less, …)
// have no record loop.

func init() {
	Equal.addFlex(recordComparison(Equal, true))
	NotEqual.addFlex(recordComparison(NotEqual, false))
}

// recordChunk is the number of records converted to the common type at a
// time.
const recordChunk = 256

func recordComparison(u *Ufunc, eq bool) FlexResolver {
	return func(in []dtype.DType, forced dtype.DType) (*LoopDef, bool, error) {
		a, b := in[0], in[1]
		if a.Kind() != dtype.KindRecord && b.Kind() != dtype.KindRecord {
			return nil, false, nil
		}
		fail := &LoopError{Ufunc: u.name, Types: []dtype.DType{a, b}}
		if a.Kind() != b.Kind() || a.HasFields() != b.HasFields() || forced.IsValid() && forced != dtype.Bool {
			return nil, false, fail
		}
		p := a
		if a.HasFields() {
			var err error
			if p, err = dtype.Promote(a, b); err != nil {
				return nil, false, fail
			}
		} else if a.Size() != b.Size() {
			return nil, false, fail
		}
		equal, err := dtype.GetEqual(p)
		if err != nil {
			return nil, false, fail
		}
		castA, err := castTo(a, p)
		if err != nil {
			return nil, false, fail
		}
		castB, err := castTo(b, p)
		if err != nil {
			return nil, false, fail
		}
		psize := p.Size()
		loop := func(args []unsafe.Pointer, steps []int, n int) {
			if n <= 0 {
				return
			}
			var bufA, bufB []byte
			if castA != nil || castB != nil {
				m := min(n, recordChunk) * max(psize, 1)
				bufA, bufB = make([]byte, m), make([]byte, m)
			}
			for start := 0; start < n; start += recordChunk {
				k := min(recordChunk, n-start)
				pa, sa := unsafe.Add(args[0], start*steps[0]), steps[0]
				pb, sb := unsafe.Add(args[1], start*steps[1]), steps[1]
				if castA != nil {
					castA(unsafe.Pointer(unsafe.SliceData(bufA)), psize, pa, sa, k)
					pa, sa = unsafe.Pointer(unsafe.SliceData(bufA)), psize
				}
				if castB != nil {
					castB(unsafe.Pointer(unsafe.SliceData(bufB)), psize, pb, sb, k)
					pb, sb = unsafe.Pointer(unsafe.SliceData(bufB)), psize
				}
				out := unsafe.Add(args[2], start*steps[2])
				for i := range k {
					r := equal(unsafe.Add(pa, i*sa), unsafe.Add(pb, i*sb))
					*(*bool)(unsafe.Add(out, i*steps[2])) = r == eq
				}
			}
		}
		return &LoopDef{Types: []dtype.DType{a, b, dtype.Bool}, Fn: loop}, true, nil
	}
}

// castTo returns the conversion of records of type from to type to, or
// nil when they are the same type.
func castTo(from, to dtype.DType) (dtype.CastLoop, error) {
	if from == to {
		return nil, nil
	}
	return dtype.GetCast(from, to)
}
