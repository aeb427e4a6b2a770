package dtype

import (
	"encoding/binary"
	"fmt"
	"unsafe"

	"github.com/x448/float16"
)

// TruncationError reports a datetime whose text does not fit the string
// type it is cast to: NumPy refuses to cut ISO dates short.
type TruncationError struct {
	Text string // the full text of the value
	To   DType  // the string type
}

// Error returns the message.
func (e *TruncationError) Error() string {
	return fmt.Sprintf("dtype: the datetime %q does not fit in %s (%d characters)", e.Text, e.To, e.To.Width())
}

func gcd64(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// conversionFactor returns num and denom such that a tick of unit src is
// num/denom ticks of unit dst (NumPy's get_datetime_conversion_factor):
// years and months convert through their average lengths over the
// 400-year Gregorian cycle, 365.2425 and 30.436875 days. ok is false when
// the factor overflows.
func conversionFactor(src, dst TimeUnit) (num, denom int64, ok bool) {
	if src == dst {
		return 1, 1, true
	}
	coarse, fine := src, dst
	if src > dst {
		coarse, fine = dst, src
	}
	// one tick of the coarse unit is n/d ticks of the fine one
	const daysPer400Years = 97 + 400*365
	n, d := uint64(1), uint64(1)
	switch coarse {
	case UnitYear:
		switch fine {
		case UnitMonth:
			n = 12
		case UnitWeek:
			n, d = daysPer400Years, 400*7
		default:
			n, d = daysPer400Years*linearFactor(UnitDay, fine), 400
		}
	case UnitMonth:
		if fine == UnitWeek {
			n, d = daysPer400Years, 400*12*7
		} else {
			n, d = daysPer400Years*linearFactor(UnitDay, fine), 400*12
		}
	default:
		n = linearFactor(coarse, fine)
	}
	if n == 0 {
		return 0, 0, false
	}
	g := gcd64(n, d)
	n, d = n/g, d/g
	if src > dst {
		n, d = d, n
	}
	return int64(n), int64(d), true
}

// timeConverter returns the conversion of ticks from one unit to another
// for elements of kind (the source's): NaT stays NaT; datetimes to or from
// years and months go through the calendar; everything else scales by
// the conversion factor, rounding toward -Inf (integer overflow wraps, as
// in NumPy). Converting a unit to the generic unit is an error.
func timeConverter(kind Kind, from, to TimeUnit) (func(int64) int64, error) {
	if from == to || from == UnitGeneric {
		return nil, nil // the identity
	}
	if to == UnitGeneric {
		return nil, &ValueError{Msg: "cannot convert from specific units to generic units in datetimes or timedeltas"}
	}
	if kind == KindDatetime && (isNonlinear(from) || isNonlinear(to)) {
		return func(v int64) int64 {
			if v == NaT {
				return NaT
			}
			f, err := DatetimeFieldsOf(v, from)
			if err != nil {
				return NaT
			}
			r, _ := f.Datetime(to)
			return r
		}, nil
	}
	num, denom, ok := conversionFactor(from, to)
	if !ok {
		return nil, &ValueError{Msg: fmt.Sprintf("integer overflow while computing the conversion factor between datetime units %s and %s", from, to)}
	}
	if denom == 1 {
		return func(v int64) int64 {
			if v == NaT {
				return NaT
			}
			return v * num
		}, nil
	}
	return func(v int64) int64 {
		if v == NaT {
			return NaT
		}
		if v < 0 {
			return (v*num - (denom - 1)) / denom
		}
		return v * num / denom
	}, nil
}

// ConvertTime converts a tick of type from to type to, both datetime64
// or timedelta64, as the cast between them does. Converting to the
// generic unit from another is a *ValueError.
func ConvertTime(tick int64, from, to DType) (int64, error) {
	if !from.IsTime() || !to.IsTime() {
		return 0, &CastError{From: from, To: to, Casting: Unsafe}
	}
	conv, err := timeConverter(from.Kind(), from.Unit(), to.Unit())
	if err != nil {
		return 0, err
	}
	if conv == nil {
		return tick, nil
	}
	return conv(tick), nil
}

// FloatToTick converts a float to a tick as NumPy's casts and timedelta
// arithmetic do: truncation toward zero, NaN, infinities and values
// beyond int64 giving NaT (what x86-64's conversion yields).
func FloatToTick(f float64) int64 {
	if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
		return int64(f)
	}
	return NaT
}

// tickLoop makes a native int64 → int64 loop from a per-element
// conversion (nil is the identity).
func tickLoop(conv func(int64) int64) CastLoop {
	if conv == nil {
		return copyLoop(8)
	}
	return castLoop(conv)
}

// native wraps a loop between native types with the byte swaps non-native
// operands need (operands of at most 16 bytes).
func native(loop CastLoop, from, to DType) CastLoop {
	if from.IsNative() && to.IsNative() {
		return loop
	}
	return swappedCast(loop, from, to)
}

// numberToTick returns the loop converting a built-in number to int64
// ticks: integers and bool as int64, floats (and the real part of
// complex numbers) with FloatToTick.
func numberToTick(n Num) CastLoop {
	switch n {
	case NumFloat16:
		return castLoop(func(v float16.Float16) int64 { return FloatToTick(float64(v.Float32())) })
	case NumFloat32:
		return castLoop(func(v float32) int64 { return FloatToTick(float64(v)) })
	case NumFloat64:
		return castLoop(FloatToTick)
	case NumComplex64:
		return castLoop(func(v complex64) int64 { return FloatToTick(float64(real(v))) })
	case NumComplex128:
		return castLoop(func(v complex128) int64 { return FloatToTick(real(v)) })
	}
	return nativeCasts[n][NumInt64]
}

// getCastTime returns the cast loops for pairs with a date or a duration.
// Casts to and from text can meet values they cannot convert (text that
// does not parse, a datetime too long for its string): like the package's
// other such casts they exist only as checked loops (checkedCastTime),
// and here they are a *CastError.
func getCastTime(from, to DType) (CastLoop, bool, error) {
	ft, tt := from.IsTime(), to.IsTime()
	switch {
	case ft && tt:
		conv, err := timeConverter(from.Kind(), from.Unit(), to.Unit())
		if err != nil {
			return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
		}
		return native(tickLoop(conv), from, to), true, nil
	case ft && isBuiltinNumber(to):
		return native(nativeCasts[NumInt64][to.Num()], from, to), true, nil
	case tt && isBuiltinNumber(from):
		return native(numberToTick(from.Num()), from, to), true, nil
	case ft && isText(to), tt && isText(from):
		return nil, true, &CastError{From: from, To: to, Casting: Unsafe}
	}
	return nil, false, nil
}

// checkedCastTime returns the checked loops for pairs with a date or a
// duration: text that does not parse is a *ValueError and a datetime
// too long for its string a *TruncationError; the other casts cannot
// fail.
func checkedCastTime(from, to DType) (CheckedCastLoop, bool, error) {
	ft, tt := from.IsTime(), to.IsTime()
	if ft && isText(to) || tt && isText(from) {
		return textCast(from, to), true, nil
	}
	if ft && tt {
		if _, err := timeConverter(from.Kind(), from.Unit(), to.Unit()); err != nil {
			return nil, true, err
		}
	}
	loop, handled, err := getCastTime(from, to)
	if !handled || err != nil {
		return nil, handled, err
	}
	return infallible(loop), true, nil
}

// textCast returns the loop between a string type and a date or
// duration type. It stops at the first value it cannot convert and
// returns its error: text that does not parse (a *ValueError) or a
// datetime too long for its string (a *TruncationError). A timedelta's
// text is cut to the string's width, as NumPy assigns its str().
func textCast(from, to DType) CheckedCastLoop {
	if from.IsTime() {
		kind, unit := from.Kind(), from.Unit()
		return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
			var buf [64]byte
			for i := range n {
				tick := loadTick(unsafe.Add(src, i*ss), from)
				var s []byte
				if kind == KindDatetime {
					f, err := DatetimeFieldsOf(tick, unit)
					if err != nil {
						s = append(buf[:0], "NaT"...)
					} else {
						s = f.AppendISO(buf[:0], unit)
					}
					if len(s) > to.Width() {
						return &TruncationError{Text: string(s), To: to}
					}
				} else {
					s = append(buf[:0], FormatTimedelta(tick, unit)...)
				}
				encodeASCII(to, stringElem(unsafe.Add(dst, i*ds), to.Size()), s)
			}
			return nil
		}
	}
	kind, unit := to.Kind(), to.Unit()
	return func(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n int) error {
		var buf []byte
		for i := range n {
			buf = appendStringValue(buf[:0], from, stringElem(unsafe.Add(src, i*ss), from.Size()))
			var tick int64
			var err error
			if kind == KindDatetime {
				tick, err = ParseDatetime(string(buf), unit)
			} else {
				tick, err = ParseTimedelta(string(buf))
			}
			if err != nil {
				return err
			}
			storeTick(unsafe.Add(dst, i*ds), to, tick)
		}
		return nil
	}
}

func timeByteOrder(d DType) binary.ByteOrder {
	if d.ByteOrder() == BigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// loadTick reads the tick at p of the date or duration type d.
func loadTick(p unsafe.Pointer, d DType) int64 {
	return int64(timeByteOrder(d).Uint64(unsafe.Slice((*byte)(p), 8)))
}

// storeTick writes a tick at p in the byte order of d.
func storeTick(p unsafe.Pointer, d DType, v int64) {
	timeByteOrder(d).PutUint64(unsafe.Slice((*byte)(p), 8), uint64(v))
}
