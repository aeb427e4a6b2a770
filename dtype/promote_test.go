package dtype

import "testing"

// Expected values read off NumPy 1.24 (np.promote_types, np.can_cast). The
// full tables are checked against the NumPy corpus by internal/conformance.
func TestPromote(t *testing.T) {
	tests := []struct{ a, b, want DType }{
		{Bool, Bool, Bool},
		{Int8, Uint8, Int16},
		{Int64, Uint64, Float64},
		{Uint32, Int32, Int64},
		{Float16, Int16, Float32},
		{Float16, Uint8, Float16},
		{Int32, Float32, Float64},
		{Complex64, Float64, Complex128},
		{Complex64, Int16, Complex64},
		{Bool, Float16, Float16},
		{Float64.WithByteOrder(BigEndian), Float64.WithByteOrder(LittleEndian), Float64},
		{Int16.WithByteOrder(BigEndian), Uint8, Int16},
	}
	for _, tt := range tests {
		got, err := Promote(tt.a, tt.b)
		if err != nil || got != tt.want {
			t.Errorf("Promote(%v, %v) = %v, %v; want %v", tt.a, tt.b, got, err, tt.want)
		}
		if back, _ := Promote(tt.b, tt.a); back != got {
			t.Errorf("Promote is not symmetric for %v, %v", tt.a, tt.b)
		}
	}
	if _, err := Promote(DType{}, Int8); err == nil {
		t.Errorf("Promote accepted an invalid type")
	}
	if r, err := ResultType(Int8, Uint8, Float16); err != nil || r != Float32 {
		t.Errorf("ResultType(int8, uint8, float16) = %v, %v; want float32", r, err)
	}
	if _, err := ResultType(); err == nil {
		t.Errorf("ResultType() without types succeeded")
	}
}

func TestCanCast(t *testing.T) {
	be := Float64.WithByteOrder(BigEndian)
	tests := []struct {
		from, to DType
		casting  Casting
		want     bool
	}{
		{Uint8, Int8, SameKind, true},
		{Int64, Uint64, SameKind, false},
		{Bool, Uint8, SameKind, true},
		{Uint8, Bool, SameKind, false},
		{Float64, Float16, SameKind, true},
		{Complex64, Float64, SameKind, false},
		{Int64, Float64, Safe, true},
		{Int64, Float32, Safe, false},
		{Int32.WithByteOrder(BigEndian), Float64, Safe, true},
		{be, Float64, No, false},
		{be, Float64, Equiv, true},
		{Float64, Int8, Unsafe, true},
		{Float64, Int8, SameKind, false},
		{Int8, Int8, No, true},
	}
	for _, tt := range tests {
		if got := CanCast(tt.from, tt.to, tt.casting); got != tt.want {
			t.Errorf("CanCast(%v, %v, %v) = %v, want %v", tt.from, tt.to, tt.casting, got, tt.want)
		}
	}
}
