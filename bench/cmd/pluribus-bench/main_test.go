package main

import (
	"math"
	"slices"
	"testing"
)

func TestQuantile(t *testing.T) {
	// Values from numpy.percentile(xs, [0, 25, 50, 75, 100]).
	xs := []float64{7, 1, 3, 10, 4, 2, 9}
	cases := []struct{ q, want float64 }{{0, 1}, {0.25, 2.5}, {0.5, 4}, {0.75, 8}, {1, 10}}
	for _, c := range cases {
		if got := quantile(xs, c.q); got != c.want {
			t.Errorf("quantile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if !slices.Equal(xs, []float64{7, 1, 3, 10, 4, 2, 9}) {
		t.Errorf("quantile modified its input: %v", xs)
	}
}

func TestParseShape(t *testing.T) {
	cases := []struct {
		in   string
		want []int
	}{{"1e7", []int{10000000}}, {"2d3000", []int{3000, 3000}}, {"3x3", []int{3, 3}}, {"1000", []int{1000}}, {"4", []int{4}}}
	for _, c := range cases {
		got, err := parseShape(c.in)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("parseShape(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "x", "1.5", "2dx", "0"} {
		if _, err := parseShape(bad); err == nil {
			t.Errorf("parseShape(%q) succeeded", bad)
		}
	}
}

func TestNeumaier(t *testing.T) {
	// 1 + 1e100 + 1 - 1e100 is exactly 2; a naive sum gives 0.
	if got := neumaier([]float64{1, 1e100, 1, -1e100}); got != 2 {
		t.Errorf("neumaier = %v, want 2", got)
	}
	// 0.1 ten times: math.fsum gives exactly 1.0.
	v := make([]float64, 10)
	for i := range v {
		v[i] = 0.1
	}
	if got := neumaier(v); got != 1 {
		t.Errorf("neumaier(0.1 x 10) = %v, want 1", got)
	}
}

// TestStreamKernels checks the vector STREAM kernels against the Go loops
// on every length up to 100 (tails included) and that they leave the
// element after the end alone.
func TestStreamKernels(t *testing.T) {
	if vectorKernels == nil {
		t.Skip("no vector STREAM kernels on this CPU")
	}
	for n := 0; n <= 100; n++ {
		for _, k := range []string{"copy", "scale", "add", "triad", "fma3", "read"} {
			want := streamRun(goKernels, k, n)
			got := streamRun(vectorKernels, k, n)
			if k == "read" {
				if math.Abs(got[0]-want[0]) > 1e-9*math.Abs(want[0]) {
					t.Errorf("%s n=%d: got %v, want %v", k, n, got[0], want[0])
				}
				continue
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s n=%d: got %v, want %v", k, n, got, want)
			}
		}
	}
}

// streamRun runs kernel k of ks on arrays of length n (plus a guard
// element each) and returns the destination with its guard, or the sum.
func streamRun(ks *kernelSet, k string, n int) []float64 {
	arrs := make([][]float64, streamArrays[k])
	for i := range arrs {
		arrs[i] = make([]float64, n+1)
		for j := range arrs[i] {
			arrs[i][j] = float64(i*1000+j) + 0.25
		}
		arrs[i] = arrs[i][:n]
	}
	readSink = 0
	kernelOp(ks, k, arrs)()
	switch k {
	case "read":
		return []float64{readSink}
	case "copy", "scale", "triad":
		return arrs[0][:n+1]
	case "add":
		return arrs[2][:n+1]
	default: // fma3
		return arrs[3][:n+1]
	}
}
