package ufunc

import (
	"fmt"
	"math"
	"reflect"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

// A weak scalar is a Go value used as an operand. Following NumPy 2's
// NEP 50, it takes the dtype of the array operands when its kind allows
// (a float32 array plus a Go float64 is float32), and only its kind —
// not its Go type — counts otherwise.
type weak struct {
	kind dtype.Kind // KindBool, KindInt, KindFloat or KindComplex; KindString for text
	text bool       // a Go string, s (see weakText)
	s    string
	b    bool
	i    int64
	u    uint64 // for unsigned Go values above MaxInt64
	big  bool   // u is set
	f    float64
	c    complex128
}

// asWeak reports whether v is a Go scalar and returns it.
func asWeak(v any) (weak, bool) {
	switch x := v.(type) {
	case bool:
		return weak{kind: dtype.KindBool, b: x}, true
	case int:
		return weak{kind: dtype.KindInt, i: int64(x)}, true
	case int8:
		return weak{kind: dtype.KindInt, i: int64(x)}, true
	case int16:
		return weak{kind: dtype.KindInt, i: int64(x)}, true
	case int32:
		return weak{kind: dtype.KindInt, i: int64(x)}, true
	case int64:
		return weak{kind: dtype.KindInt, i: x}, true
	case uint:
		return weakUint(uint64(x)), true
	case uint8:
		return weakUint(uint64(x)), true
	case uint16:
		return weakUint(uint64(x)), true
	case uint32:
		return weakUint(uint64(x)), true
	case uint64:
		return weakUint(x), true
	case float32:
		return weak{kind: dtype.KindFloat, f: float64(x)}, true
	case float64:
		return weak{kind: dtype.KindFloat, f: x}, true
	case float16.Float16:
		return weak{kind: dtype.KindFloat, f: float64(x.Float32())}, true
	case complex64:
		return weak{kind: dtype.KindComplex, c: complex128(x)}, true
	case complex128:
		return weak{kind: dtype.KindComplex, c: x}, true
	}
	return weak{}, false
}

func weakUint(u uint64) weak {
	if u > math.MaxInt64 {
		return weak{kind: dtype.KindInt, u: u, big: true}
	}
	return weak{kind: dtype.KindInt, i: int64(u)}
}

func kindRank(k dtype.Kind) int {
	switch k {
	case dtype.KindBool:
		return 0
	case dtype.KindInt, dtype.KindUint:
		return 1
	case dtype.KindFloat:
		return 2
	case dtype.KindComplex:
		return 3
	}
	return 4 // user types rank above every scalar kind
}

// weakType returns the dtype a weak scalar takes beside arrays whose
// promoted type is strong (invalid when every operand is a scalar).
func weakType(w weak, strong dtype.DType) dtype.DType {
	if strong.IsOption() {
		// a scalar beside ?T arrays takes its place beside T
		strong = strong.Elem()
	}
	if strong.IsTime() {
		// beside dates and durations a scalar keeps its own type, so
		// that datetime + 1 adds one unit and timedelta * 1.5 scales
		strong = dtype.DType{}
	}
	if k := strong.Kind(); k == dtype.KindUnicode || k == dtype.KindBytes {
		// beside fixed-width strings a number keeps its own type: it is
		// not text (equal(U, 1) has no loop; where(c, U, 5) gives U21)
		strong = dtype.DType{}
	}
	if !strong.IsValid() {
		switch w.kind {
		case dtype.KindBool:
			return dtype.Bool
		case dtype.KindInt:
			if w.big {
				return dtype.Uint64
			}
			return dtype.Int64
		case dtype.KindFloat:
			return dtype.Float64
		}
		return dtype.Complex128
	}
	if kindRank(w.kind) <= kindRank(strong.Kind()) {
		return strong
	}
	switch w.kind {
	case dtype.KindInt:
		return dtype.Int64
	case dtype.KindFloat:
		return dtype.Float64
	}
	// complex beside a float array keeps the array's precision
	if strong == dtype.Float64 {
		return dtype.Complex128
	}
	if strong.Kind() == dtype.KindFloat {
		return dtype.Complex64
	}
	return dtype.Complex128
}

// OverflowError reports a Go integer operand that does not fit the dtype
// it takes beside the array operands (int8 array + 300), as NumPy 2 does.
type OverflowError struct {
	Value any
	DType dtype.DType
}

// Error returns the message.
func (e *OverflowError) Error() string {
	return fmt.Sprintf("ufunc: Go integer %v out of bounds for %s", e.Value, e.DType)
}

// array returns the scalar as a 0-d array of type dt.
func (w weak) array(dt dtype.DType) (*ndarray.Array, error) {
	if w.text {
		return w.textArray(dt)
	}
	var src *ndarray.Array
	switch w.kind {
	case dtype.KindBool:
		src = ndarray.Scalar(w.b)
	case dtype.KindInt:
		if dt.Kind() == dtype.KindInt || dt.Kind() == dtype.KindUint {
			if !intFits(w, dt) {
				v := any(w.i)
				if w.big {
					v = w.u
				}
				return nil, &OverflowError{Value: v, DType: dt}
			}
		}
		if w.big {
			src = ndarray.Scalar(w.u)
		} else {
			src = ndarray.Scalar(w.i)
		}
	case dtype.KindFloat:
		src = ndarray.Scalar(w.f)
	default:
		src = ndarray.Scalar(w.c)
	}
	if src.DType() == dt {
		return src, nil
	}
	return src.AsType(dt, dtype.Unsafe)
}

func intFits(w weak, dt dtype.DType) bool {
	bits := dt.Size() * 8
	if dt.Kind() == dtype.KindUint {
		if w.big {
			return bits == 64
		}
		return w.i >= 0 && (bits == 64 || w.i < 1<<bits)
	}
	if w.big {
		return false
	}
	if bits == 64 {
		return true
	}
	return w.i >= -(1<<(bits-1)) && w.i < 1<<(bits-1)
}

// isScalarValue reports whether v's type is a Go scalar kind, for error
// messages about unsupported operands.
func describe(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}
