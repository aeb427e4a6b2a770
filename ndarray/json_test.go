package ndarray_test

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/pluribus-go/pluribus/dtype"
	"github.com/pluribus-go/pluribus/ndarray"
	"github.com/x448/float16"
)

func TestJSONEncoding(t *testing.T) {
	f, _ := ndarray.FromSlice([]float64{1.5, math.NaN(), math.Inf(-1), math.Copysign(0, -1), 0.1, 1e300}, 2, 3)
	c, _ := ndarray.FromSlice([]complex64{complex(1, -2), complex(float32(math.Inf(1)), 0.5)})
	i, _ := ndarray.FromSlice([]uint64{math.MaxUint64, 0}, 2)
	tests := []struct {
		name string
		a    *ndarray.Array
		want string
	}{
		{"float64 2-d", f, `{"dtype":"float64","shape":[2,3],"data":[[1.5,"nan","-inf"],[-0,0.1,1e+300]]}`},
		{"complex64", c, `{"dtype":"complex64","shape":[2],"data":[[1,-2],["inf",0.5]]}`},
		{"uint64", i, `{"dtype":"uint64","shape":[2],"data":[18446744073709551615,0]}`},
		{"0-d bool", ndarray.Scalar(true), `{"dtype":"bool","shape":[],"data":true}`},
		{"float32 shortest", ndarray.Scalar(float32(0.1)), `{"dtype":"float32","shape":[],"data":0.1}`},
		{"transposed view", f.T(), `{"dtype":"float64","shape":[3,2],"data":[[1.5,-0],["nan",0.1],["-inf",1e+300]]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("Marshal = %s\nwant      %s", got, tt.want)
			}
			var back ndarray.Array
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			if back.DType() != tt.a.DType() || !slices.Equal(back.Shape(), tt.a.Shape()) {
				t.Fatalf("round trip gives %v %v", back.DType(), back.Shape())
			}
			wantBytes := tt.a.CopyOrder(ndarray.C).Bytes()
			gotBytes := back.Bytes()
			if tt.a.DType().Kind() != dtype.KindFloat && tt.a.DType().Kind() != dtype.KindComplex && string(wantBytes) != string(gotBytes) {
				t.Errorf("round trip changed the elements")
			}
		})
	}
}

func TestJSONRoundTripFloats(t *testing.T) {
	h := []float16.Float16{float16.Fromfloat32(0.1), float16.Fromfloat32(65504), float16.Inf(-1)}
	a, _ := ndarray.FromSlice(h)
	be, _ := ndarray.FromSlice([]float64{math.Pi, -0.0, 5e-324})
	be, _ = be.AsType(dtype.Float64.WithByteOrder(dtype.BigEndian), dtype.Equiv)
	for _, x := range []*ndarray.Array{a, be} {
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		var back ndarray.Array
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.DType() != x.DType() || string(back.Bytes()) != string(x.CopyOrder(ndarray.C).Bytes()) {
			t.Errorf("%s did not round-trip bit for bit: %s", x.DType(), b)
		}
	}
}

func TestJSONInStructAndErrors(t *testing.T) {
	type doc struct {
		Name   string         `json:"name"`
		Values *ndarray.Array `json:"values"`
	}
	in := `{"name":"x","values":{"dtype":"int16","shape":[2,2],"data":[[1,-2],[3,32767]]}}`
	var d doc
	if err := json.Unmarshal([]byte(in), &d); err != nil {
		t.Fatal(err)
	}
	if got := ndarray.ToSlice[int16](d.Values); !slices.Equal(got, []int16{1, -2, 3, 32767}) {
		t.Errorf("decoded %v", got)
	}
	bad := map[string]string{
		"ragged":        `{"dtype":"int16","shape":[2,2],"data":[[1,2],[3]]}`,
		"out of range":  `{"dtype":"int8","shape":[1],"data":[300]}`,
		"not a number":  `{"dtype":"float32","shape":[1],"data":[true]}`,
		"bad dtype":     `{"dtype":"float65","shape":[1],"data":[1]}`,
		"missing shape": `{"dtype":"int8","data":[1]}`,
		"unknown field": `{"dtype":"int8","shape":[1],"data":[1],"x":1}`,
		"negative dim":  `{"dtype":"int8","shape":[-1],"data":[]}`,
	}
	for name, s := range bad {
		var a ndarray.Array
		err := json.Unmarshal([]byte(s), &a)
		var ve *ndarray.ValueError
		var se *ndarray.ShapeError
		var pe *dtype.ParseError
		if err == nil || !(errors.As(err, &ve) || errors.As(err, &se) || errors.As(err, &pe)) {
			t.Errorf("%s: error %v (%T), want a typed error", name, err, err)
		}
	}
}

func TestBinaryMarshal(t *testing.T) {
	a, _ := ndarray.FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3)
	b, err := a.T().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back ndarray.Array
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Shape(), []int{3, 2}) || !slices.Equal(ndarray.ToSlice[int32](&back), []int32{1, 4, 2, 5, 3, 6}) {
		t.Errorf("binary round trip = %v", &back)
	}
	if err := back.UnmarshalBinary(b[:20]); err == nil {
		t.Errorf("truncated bytes accepted")
	}
}
