package dtype

import (
	"slices"
	"unsafe"
)

// Promotion and casting of records, as NumPy 1.24 does them:
//
//   - Two records with fields promote when they have the same field names
//     in the same order: each field's type is promoted (sub-array shapes
//     must agree) and the result is laid out anew, packed — aligned if
//     either record is — unless that gives back the first record
//     unchanged. Plain voids promote only with themselves; a record never
//     promotes with a number, a string or a date.
//   - A record casts to another record field by field, by position (not
//     by name): both need the same number of fields, and each field's
//     values are cast to the other's type (a scalar field broadcasts into
//     a sub-array field). The casting level is the least safe of the
//     fields' levels, at least "equiv" when the layouts differ and at
//     least "safe" when the names differ.
//   - Any other type casts (unsafe only) to a record by setting every
//     field, and every element of every sub-array field, to the value.
//   - A record with exactly one field casts (unsafe only) to another type
//     through that field.
//   - A plain void casts (unsafe) to a record of its size and back, and to
//     a plain void of another size (truncated or padded with zeros).

func init() {
	registerFlex(flexHook{
		parse:       parseVoid,
		promote:     promoteRecord,
		canCast:     canCastRecord,
		getCast:     getRecordCast,
		checkedCast: getCheckedRecordCast,
	})
}

func recIsRecord(d DType) bool { return d.Kind() == KindRecord }

func promoteRecord(a, b DType) (DType, bool, error) {
	if !recIsRecord(a) && !recIsRecord(b) {
		return DType{}, false, nil
	}
	fail := &PromotionError{Types: []DType{a, b}}
	if !recIsRecord(a) || !recIsRecord(b) {
		return DType{}, true, fail
	}
	if !a.HasFields() || !b.HasFields() {
		if !a.HasFields() && !b.HasFields() && a.Size() == b.Size() {
			return a, true, nil
		}
		return DType{}, true, fail
	}
	fa, fb := a.t.rec.fields, b.t.rec.fields
	if len(fa) != len(fb) {
		return DType{}, true, fail
	}
	specs := make([]FieldSpec, len(fa))
	identical := a == b
	for i := range fa {
		if fa[i].Name != fb[i].Name || !slices.Equal(fa[i].Shape, fb[i].Shape) {
			return DType{}, true, fail
		}
		t, err := Promote(fa[i].Type, fb[i].Type)
		if err != nil {
			return DType{}, true, fail
		}
		identical = identical && t == fa[i].Type
		specs[i] = FieldSpec{Name: fa[i].Name, Type: t, Shape: fa[i].Shape}
	}
	r, err := RecordOf(specs, a.t.rec.aligned || b.t.rec.aligned)
	if err != nil {
		return DType{}, true, err
	}
	if identical && r.Size() == a.Size() {
		same := true
		for i, f := range r.t.rec.fields {
			same = same && f.Offset == fa[i].Offset
		}
		if same {
			return a, true, nil
		}
	}
	return r, true, nil
}

// recCastLevel returns the least casting level that allows the cast from
// one type to the other, or false when no level does.
func recCastLevel(from, to DType) (Casting, bool) {
	for c := No; c <= Unsafe; c++ {
		if CanCast(from, to, c) {
			return c, true
		}
	}
	return 0, false
}

// recordCastLevel is recCastLevel for pairs involving a record (see the
// rules above).
func recordCastLevel(from, to DType) (Casting, bool) {
	if from == to {
		return No, true
	}
	switch {
	case recIsRecord(from) && recIsRecord(to):
		if !from.HasFields() || !to.HasFields() {
			if from.HasFields() != to.HasFields() && from.Size() != to.Size() {
				return 0, false
			}
			return Unsafe, true
		}
		ff, tf := from.t.rec.fields, to.t.rec.fields
		if len(ff) != len(tf) {
			return 0, false
		}
		level := No
		names, layout := true, from.Size() == to.Size()
		for i := range ff {
			if !slices.Equal(ff[i].Shape, tf[i].Shape) && recElems(ff[i].Shape) != 1 {
				return 0, false
			}
			c, ok := recCastLevel(ff[i].Type, tf[i].Type)
			if !ok {
				return 0, false
			}
			level = max(level, c)
			names = names && ff[i].Name == tf[i].Name
			layout = layout && ff[i].Offset == tf[i].Offset && slices.Equal(ff[i].Shape, tf[i].Shape)
		}
		if !layout {
			level = max(level, Equiv)
		}
		if !names {
			level = max(level, Safe)
		}
		return level, true
	case recIsRecord(to):
		if !to.HasFields() {
			return 0, false
		}
		for _, f := range to.t.rec.fields {
			if _, ok := recCastLevel(from, f.Type); !ok {
				return 0, false
			}
		}
		return Unsafe, true
	default:
		if from.NumFields() != 1 {
			return 0, false
		}
		f := from.t.rec.fields[0]
		if recElems(f.Shape) != 1 {
			return 0, false
		}
		if _, ok := recCastLevel(f.Type, to); !ok {
			return 0, false
		}
		return Unsafe, true
	}
}

func canCastRecord(from, to DType, casting Casting) (ok, handled bool) {
	if !recIsRecord(from) && !recIsRecord(to) {
		return false, false
	}
	c, ok := recordCastLevel(from, to)
	return ok && c <= casting, true
}

// recElems returns the number of elements of a sub-array shape.
func recElems(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// recCastStep converts one field: count elements, at dOff+k·dStep in each
// destination record from sOff+k·sStep in each source record (sStep 0
// repeats one source element).
type recCastStep struct {
	dOff, sOff   int
	dStep, sStep int
	count        int
	loop         CheckedCastLoop
}

func recRunSteps(steps []recCastStep, dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
	if n <= 0 {
		return nil
	}
	for _, st := range steps {
		for k := range st.count {
			if err := st.loop(unsafe.Add(dst, st.dOff+k*st.dStep), ds, unsafe.Add(src, st.sOff+k*st.sStep), ss, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// recVoidCopy copies plain void records of one size into another, truncated
// or padded with zero bytes.
func recVoidCopy(dsize, ssize int) CheckedCastLoop {
	m := min(dsize, ssize)
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
		for i := range n {
			d := unsafe.Slice((*byte)(unsafe.Add(dst, i*ds)), dsize)
			s := unsafe.Slice((*byte)(unsafe.Add(src, i*ss)), ssize)
			copy(d, s[:m])
			clear(d[m:])
		}
		return nil
	}
}

// recordCast builds the conversion between types of which at least one is
// a record, getting field conversions from get.
func recordCast(from, to DType, get func(from, to DType) (CheckedCastLoop, error)) (CheckedCastLoop, error) {
	fail := &CastError{From: from, To: to, Casting: Unsafe}
	if _, ok := recordCastLevel(from, to); !ok {
		return nil, fail
	}
	if from == to {
		loop := copyLoop(from.Size())
		return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
			if n > 0 && from.Size() > 0 {
				loop(dst, ds, src, ss, n)
			}
			return nil
		}, nil
	}
	var steps []recCastStep
	switch {
	case recIsRecord(from) && recIsRecord(to) && (!from.HasFields() || !to.HasFields()):
		return recVoidCopy(to.Size(), from.Size()), nil
	case recIsRecord(from) && recIsRecord(to):
		ff, tf := from.t.rec.fields, to.t.rec.fields
		for i := range ff {
			loop, err := get(ff[i].Type, tf[i].Type)
			if err != nil {
				return nil, err
			}
			st := recCastStep{dOff: tf[i].Offset, sOff: ff[i].Offset, dStep: tf[i].Type.Size(), sStep: ff[i].Type.Size(), count: recElems(tf[i].Shape), loop: loop}
			if !slices.Equal(ff[i].Shape, tf[i].Shape) {
				st.sStep = 0 // a one-element source broadcasts
			}
			steps = append(steps, st)
		}
	case recIsRecord(to):
		for _, f := range to.t.rec.fields {
			loop, err := get(from, f.Type)
			if err != nil {
				return nil, err
			}
			steps = append(steps, recCastStep{dOff: f.Offset, dStep: f.Type.Size(), count: recElems(f.Shape), loop: loop})
		}
	default:
		f := from.t.rec.fields[0]
		loop, err := get(f.Type, to)
		if err != nil {
			return nil, err
		}
		steps = append(steps, recCastStep{sOff: f.Offset, count: 1, loop: loop})
	}
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
		return recRunSteps(steps, dst, ds, src, ss, n)
	}, nil
}

func recUncheckedCast(from, to DType) (CheckedCastLoop, error) {
	loop, err := GetCast(from, to)
	if err != nil {
		return nil, err
	}
	return infallible(loop), nil
}

func getRecordCast(from, to DType) (CastLoop, bool, error) {
	if !recIsRecord(from) && !recIsRecord(to) {
		return nil, false, nil
	}
	loop, err := recordCast(from, to, recUncheckedCast)
	if err != nil {
		return nil, true, err
	}
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) {
		_ = loop(dst, ds, src, ss, n) // the field loops cannot fail
	}, true, nil
}

func getCheckedRecordCast(from, to DType) (CheckedCastLoop, bool, error) {
	if !recIsRecord(from) && !recIsRecord(to) {
		return nil, false, nil
	}
	loop, err := recordCast(from, to, GetCheckedCast)
	return loop, true, err
}
