package ufunc

import (
	"errors"
	"testing"
)

func TestShifts(t *testing.T) {
	checkEqual(t, "left_shift", call[int8](t, LeftShift, arr[int8](t, 1, 1, 1, -1), arr[int8](t, 7, 8, -1, 3)), []int8{-128, 0, 0, -8})
	checkEqual(t, "right_shift", call[int8](t, RightShift, arr[int8](t, -128, -128, 64, 127), arr[int8](t, 7, 8, -1, 9)), []int8{-1, -1, 0, 0})
	checkEqual(t, "left_shift uint64", call[uint64](t, LeftShift, arr[uint64](t, 1, 1), arr[uint64](t, 63, 64)), []uint64{1 << 63, 0})
}

func TestBitwise(t *testing.T) {
	checkEqual(t, "and", call[uint8](t, BitwiseAnd, arr[uint8](t, 0xf0, 0xff), arr[uint8](t, 0x3c, 0x0f)), []uint8{0x30, 0x0f})
	checkEqual(t, "or", call[int16](t, BitwiseOr, arr[int16](t, 1, -2), arr[int16](t, 2, 1)), []int16{3, -1})
	checkEqual(t, "xor bool", call[bool](t, BitwiseXor, arr(t, true, true), arr(t, true, false)), []bool{false, true})
	checkEqual(t, "invert", call[int8](t, Invert, arr[int8](t, 0, -128)), []int8{-1, 127})
	checkEqual(t, "invert bool", call[bool](t, Invert, arr(t, true)), []bool{false})
	var le *LoopError
	if _, err := BitwiseAnd.Call(arr(t, 1.0), arr(t, 2.0)); !errors.As(err, &le) {
		t.Errorf("bitwise_and(float64): got %v, want a LoopError", err)
	}
	if _, err := BitwiseAnd.Call(arr[int64](t, 1), arr[uint64](t, 2)); !errors.As(err, &le) {
		t.Errorf("bitwise_and(int64, uint64): got %v, want a LoopError", err)
	}
}
