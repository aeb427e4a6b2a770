package simd

import (
	"testing"
	"unsafe"
)

// The constant tables the assembly reads one 64-byte row at a time must
// start on a cache line, or every row load is split across two.
func TestTablesAligned(t *testing.T) {
	for _, tab := range []struct {
		name string
		p    unsafe.Pointer
	}{
		{"expRows64", unsafe.Pointer(expRows64)},
		{"expRows32", unsafe.Pointer(expRows32)},
		{"logRows64", unsafe.Pointer(logRows64)},
		{"logRows32", unsafe.Pointer(logRows32)},
		{"trigRows64", unsafe.Pointer(trigRows64)},
		{"trigRows32", unsafe.Pointer(trigRows32)},
		{"atanRows64", unsafe.Pointer(atanRows64)},
		{"atanRows32", unsafe.Pointer(atanRows32)},
	} {
		if a := uintptr(tab.p) & 63; a != 0 {
			t.Errorf("%s starts %d bytes past a 64-byte boundary", tab.name, a)
		}
	}
}

func TestAligned64(t *testing.T) {
	for i := range 50 {
		// Sizes that land in different size classes and offsets.
		v := make([]*[3]float64, i+1)
		for j := range v {
			v[j] = aligned64([3]float64{1, 2, float64(j)})
			if uintptr(unsafe.Pointer(v[j]))&63 != 0 {
				t.Fatalf("aligned64: %p not 64-byte aligned", v[j])
			}
			if *v[j] != [3]float64{1, 2, float64(j)} {
				t.Fatalf("aligned64 copied %v", *v[j])
			}
		}
	}
}
