package datashape

import (
	"errors"
	"math"
	"testing"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, typ string
		want         string // Bindings.String(), or "" for no match
	}{
		{"N * M * float64", "3 * 4 * float64", "M=4 N=3"},
		{"N * A... * M * T", "2 * 3 * 4 * int8", "A...=[3] M=4 N=2 T=int8"},
		{"N * A... * M * T", "4 * int8", ""},
		{"A... * T", "int32", "A...=[] T=int32"},
		{"... * int32", "3 * var * int32", "...=[3, var]"},
		{"A * A * int32", "var * var * int32", "A=var"},
		{"A * A * int32", "var * 3 * int32", ""},
		{"T", "?int32", "T=?int32"},
		{"?T", "?int32", ""},
		{"T", "{x: int32}", "T={x: int32}"},
		{"var * int32", "3 * int32", ""},
		{"int64", "int32", ""},
	}
	for _, tc := range tests {
		b, err := Match(MustParse(tc.pattern), MustParse(tc.typ))
		if tc.want == "" {
			var me *MatchError
			if !errors.As(err, &me) {
				t.Errorf("Match(%s, %s) = %v, %v; want a *MatchError", tc.pattern, tc.typ, b, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Match(%s, %s): %v", tc.pattern, tc.typ, err)
			continue
		}
		if got := b.String(); got != tc.want {
			t.Errorf("Match(%s, %s) = %s, want %s", tc.pattern, tc.typ, got, tc.want)
		}
	}
	if _, err := Match(MustParse("N * N"), MustParse("5 * float64")); err == nil {
		t.Error("N used as a dimension and a measure: no error")
	}
}

func TestMatchSignature(t *testing.T) {
	tests := []struct {
		sig  string
		args []string
		want string
		cost float64
	}{
		// Loop dimensions broadcast ([7, 1] and [2] give [7, 2]); core
		// dimensions bind exactly.
		{"(D... * M * N * T, D... * N * P * T) -> D... * M * P * T",
			[]string{"7 * 1 * 3 * 4 * float32", "2 * 4 * 5 * float32"},
			"(7 * 1 * 3 * 4 * float32, 2 * 4 * 5 * float32) -> 7 * 2 * 3 * 5 * float32", 0.625},
		// A measure variable promotes across arguments (NumPy rules).
		{"(T, T) -> T", []string{"int8", "uint8"}, "(int16, int16) -> int16", 0.125},
		// int32 → float64 costs 1.2.
		{"(float64, float64) -> int16", []string{"int32", "float64"}, "(float64, float64) -> int16", 1.2},
		{"(N * T) -> T", []string{"var * float64"}, "(var * float64) -> float64", 0.25},
	}
	for _, tc := range tests {
		sig, _ := AsFunction(MustParse(tc.sig))
		args := make([]*DataShape, len(tc.args))
		for i, a := range tc.args {
			args[i] = MustParse(a)
		}
		res, err := MatchSignature(sig, args, nil)
		if err != nil {
			t.Errorf("MatchSignature(%s, %v): %v", tc.sig, tc.args, err)
			continue
		}
		if got := res.Signature.String(); got != tc.want || math.Abs(res.Cost-tc.cost) > 1e-12 {
			t.Errorf("MatchSignature(%s, %v) = %s cost %v, want %s cost %v", tc.sig, tc.args, got, res.Cost, tc.want, tc.cost)
		}
	}
	errCases := []struct {
		sig    string
		args   []string
		target any
	}{
		{"(N * T, N * T) -> N * T", []string{"3 * int32", "4 * int32"}, new(*UnificationError)},
		{"(A... * T, A... * T) -> A... * T", []string{"2 * int32", "3 * int32"}, new(*UnificationError)},
		{"(int32) -> int32", []string{"float32"}, new(*CoercionError)},
		{"(int32) -> int32", []string{"bool"}, new(*CoercionError)},
		{"(A... * X, A... * Y) -> A... * Z", []string{"int32", "int32"}, new(*SignatureError)},
		{"(int32) -> int32", []string{"int32", "int32"}, new(*SignatureError)},
	}
	for _, tc := range errCases {
		sig, _ := AsFunction(MustParse(tc.sig))
		args := make([]*DataShape, len(tc.args))
		for i, a := range tc.args {
			args[i] = MustParse(a)
		}
		_, err := MatchSignature(sig, args, nil)
		if !errors.As(err, tc.target) {
			t.Errorf("MatchSignature(%s, %v): error %v, want %T", tc.sig, tc.args, err, tc.target)
		}
	}
}

func TestResolveOverload(t *testing.T) {
	sigs := []*Function{}
	for _, s := range []string{"(int32, int32) -> int32", "(int64, int64) -> int64", "(float32, float32) -> float32", "(float64, float64) -> float64"} {
		f, _ := AsFunction(MustParse(s))
		sigs = append(sigs, f)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"int8", "int16"}, 0},
		{[]string{"uint64", "int64"}, 1},
		{[]string{"float32", "float32"}, 2},
		{[]string{"int32", "float32"}, 3}, // int32 → float32 is lossy
	}
	for _, tc := range tests {
		i, _, err := ResolveOverload(sigs, []*DataShape{MustParse(tc.args[0]), MustParse(tc.args[1])}, nil)
		if err != nil || i != tc.want {
			t.Errorf("ResolveOverload(%v) = %d, %v; want %d", tc.args, i, err, tc.want)
		}
	}
	amb := []*Function{}
	for _, s := range []string{"(int32, float64) -> int32", "(float64, int32) -> int32"} {
		f, _ := AsFunction(MustParse(s))
		amb = append(amb, f)
	}
	var se *SignatureError
	if _, _, err := ResolveOverload(amb, []*DataShape{MustParse("int32"), MustParse("int32")}, nil); !errors.As(err, &se) {
		t.Errorf("ambiguous overload: %v", err)
	}
}

func TestCoercionCostAndPromote(t *testing.T) {
	costs := []struct {
		src, dst string
		want     float64
	}{
		{"int8", "complex128", 4.4},
		{"int32", "complex64", 2.7},
		{"10 * 10 * float32", "10 * Y * Z * float64", 1.2},
		{"10 * 10 * float32", "1 * 10 * 10 * float32", 0.1},
		{"float32", "int32", math.Inf(1)},
	}
	for _, tc := range costs {
		got, err := CoercionCost(MustParse(tc.src), MustParse(tc.dst))
		if math.Abs(got-tc.want) > 1e-12 && !(math.IsInf(got, 1) && math.IsInf(tc.want, 1)) {
			t.Errorf("CoercionCost(%s, %s) = %v, want %v", tc.src, tc.dst, got, tc.want)
		}
		if math.IsInf(tc.want, 1) != (err != nil) {
			t.Errorf("CoercionCost(%s, %s): error %v", tc.src, tc.dst, err)
		}
	}
	promotes := []struct {
		a, b string
		opt  bool
		want string
	}{
		{"int64", "float32", true, "float64"},
		{"?int8", "uint8", true, "?int16"},
		{"?string", "string", false, "string"},
		{"uint64", "int64", true, "float64"},
	}
	for _, tc := range promotes {
		got, err := Promote(MustParse(tc.a), MustParse(tc.b), tc.opt)
		if err != nil || got.String() != tc.want {
			t.Errorf("Promote(%s, %s, %v) = %v, %v; want %s", tc.a, tc.b, tc.opt, got, err, tc.want)
		}
	}
	if _, err := Promote(MustParse("string"), MustParse("int32"), true); err == nil {
		t.Error("Promote(string, int32): no error")
	}
}
