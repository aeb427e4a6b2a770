package main

import (
	"slices"
	"time"
)

// minRepeat is the shortest repeat autorange accepts, as Python's timeit.
const minRepeat = 200 * time.Millisecond

// Timing is the outcome of timing one operation: per-call times of each
// repeat, summarised as WORKLOAD.md asks.
type Timing struct {
	Number  int       // calls per repeat
	PerCall []float64 // ns per call, one value per repeat
}

// timeOp times op like timeit: autorange picks the number of calls per
// repeat (1, 2, 5, 10, 20, 50, …) so that one repeat lasts at least
// minRepeat, then repeats times that many calls.
func timeOp(op func(), repeats int) Timing {
	number := autorange(op, minRepeat)
	t := Timing{Number: number, PerCall: make([]float64, repeats)}
	for r := range repeats {
		d := timeCalls(op, number)
		t.PerCall[r] = float64(d.Nanoseconds()) / float64(number)
	}
	return t
}

// autorange returns the first number in 1, 2, 5, 10, 20, 50, … whose
// calls take at least min (timeit.Timer.autorange).
func autorange(op func(), min time.Duration) int {
	for i := 1; ; i *= 10 {
		for _, j := range []int{1, 2, 5} {
			n := i * j
			if timeCalls(op, n) >= min {
				return n
			}
		}
	}
}

func timeCalls(op func(), n int) time.Duration {
	start := time.Now()
	for range n {
		op()
	}
	return time.Since(start)
}

// quantile returns the q-quantile of xs with linear interpolation between
// order statistics (numpy.percentile's default, Python's
// statistics.quantiles(method="inclusive")).
func quantile(xs []float64, q float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	pos := q * float64(len(s)-1)
	lo := int(pos)
	if lo >= len(s)-1 {
		return s[len(s)-1]
	}
	frac := pos - float64(lo)
	return s[lo] + frac*(s[lo+1]-s[lo])
}
