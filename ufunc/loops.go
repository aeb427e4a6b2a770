package ufunc

import (
	"runtime"
	"sync"
	"unsafe"
)

// Binary returns a loop computing out[i] = f(a[i], b[i]), with fast paths
// for contiguous operands and for a repeated (stride-0) input.
func Binary[A, B, R any](f func(A, B) R) Loop {
	var a A
	var b B
	var r R
	as, bs, rs := int(unsafe.Sizeof(a)), int(unsafe.Sizeof(b)), int(unsafe.Sizeof(r))
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n <= 0 {
			return
		}
		s0, s1, s2 := steps[0], steps[1], steps[2]
		if s2 == rs {
			out := unsafe.Slice((*R)(args[2]), n)
			switch {
			case s0 == as && s1 == bs:
				x := unsafe.Slice((*A)(args[0]), n)
				y := unsafe.Slice((*B)(args[1]), n)
				for i := range out {
					out[i] = f(x[i], y[i])
				}
				return
			case s0 == as && s1 == 0:
				x := unsafe.Slice((*A)(args[0]), n)
				y := *(*B)(args[1])
				for i := range out {
					out[i] = f(x[i], y)
				}
				return
			case s0 == 0 && s1 == bs:
				x := *(*A)(args[0])
				y := unsafe.Slice((*B)(args[1]), n)
				for i := range out {
					out[i] = f(x, y[i])
				}
				return
			}
		}
		for i := range n {
			*(*R)(unsafe.Add(args[2], i*s2)) = f(*(*A)(unsafe.Add(args[0], i*s0)), *(*B)(unsafe.Add(args[1], i*s1)))
		}
	}
}

// Unary returns a loop computing out[i] = f(a[i]).
func Unary[A, R any](f func(A) R) Loop {
	var a A
	var r R
	as, rs := int(unsafe.Sizeof(a)), int(unsafe.Sizeof(r))
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n <= 0 {
			return
		}
		s0, s1 := steps[0], steps[1]
		if s0 == as && s1 == rs {
			x := unsafe.Slice((*A)(args[0]), n)
			out := unsafe.Slice((*R)(args[1]), n)
			for i := range out {
				out[i] = f(x[i])
			}
			return
		}
		for i := range n {
			*(*R)(unsafe.Add(args[1], i*s1)) = f(*(*A)(unsafe.Add(args[0], i*s0)))
		}
	}
}

// unaryKernel is Unary(f) with unit-stride runs handed to kernel, a simd
// kernel computing the same values bit for bit.
func unaryKernel[T any](f func(T) T, kernel func(dst, a []T)) Loop {
	slow := Unary(f)
	var z T
	size := int(unsafe.Sizeof(z))
	return func(args []unsafe.Pointer, steps []int, n int) {
		if n > 0 && steps[0] == size && steps[1] == size {
			kernel(unsafe.Slice((*T)(args[1]), n), unsafe.Slice((*T)(args[0]), n))
			return
		}
		slow(args, steps, n)
	}
}

// UnaryTwo returns a loop for a function with one input and two outputs
// (modf, frexp): out1[i], out2[i] = f(a[i]).
func UnaryTwo[A, R1, R2 any](f func(A) (R1, R2)) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		for i := range n {
			r1, r2 := f(*(*A)(unsafe.Add(args[0], i*steps[0])))
			*(*R1)(unsafe.Add(args[1], i*steps[1])) = r1
			*(*R2)(unsafe.Add(args[2], i*steps[2])) = r2
		}
	}
}

// BinaryTwo returns a loop for a function with two inputs and two
// outputs (divmod): out1[i], out2[i] = f(a[i], b[i]).
func BinaryTwo[A, B, R1, R2 any](f func(A, B) (R1, R2)) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		for i := range n {
			r1, r2 := f(*(*A)(unsafe.Add(args[0], i*steps[0])), *(*B)(unsafe.Add(args[1], i*steps[1])))
			*(*R1)(unsafe.Add(args[2], i*steps[2])) = r1
			*(*R2)(unsafe.Add(args[3], i*steps[3])) = r2
		}
	}
}

// Ternary returns a loop computing out[i] = f(a[i], b[i], c[i]) (clip).
func Ternary[A, B, C, R any](f func(A, B, C) R) Loop {
	return func(args []unsafe.Pointer, steps []int, n int) {
		for i := range n {
			*(*R)(unsafe.Add(args[3], i*steps[3])) = f(*(*A)(unsafe.Add(args[0], i*steps[0])),
				*(*B)(unsafe.Add(args[1], i*steps[1])), *(*C)(unsafe.Add(args[2], i*steps[2])))
		}
	}
}

// ParallelThreshold is the number of elements from which an element-wise
// call is split across GOMAXPROCS goroutines. Below it, starting and
// joining goroutines costs more than it saves.
var ParallelThreshold = 1 << 16

// runPlan runs a prepared plan, splitting the iteration into contiguous
// ranges of flat positions over up to GOMAXPROCS goroutines when it is
// large. Each element is computed by exactly one goroutine with the same
// loop, so the results do not depend on the number of goroutines. Plans
// that write one output element more than once (reductions: an output
// with stride 0 along a dimension) run on one goroutine.
func runPlan(p *plan, s *scratch) {
	if p.blocked() && !p.accumulates() {
		runTiled(p, s)
		return
	}
	if p.size < ParallelThreshold {
		p.run(0, p.size, s)
		return
	}
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || p.accumulates() {
		p.run(0, p.size, s)
		return
	}
	workers = min(workers, p.size/(ParallelThreshold/2))
	per := (p.size + workers - 1) / workers
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		lo, hi := w*per, min((w+1)*per, p.size)
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.run(lo, hi, new(scratch))
		}()
	}
	p.run(0, per, s)
	wg.Wait()
}

// runTiled runs a blocked plan, splitting the rows of tiles across
// goroutines when it is large.
func runTiled(p *plan, s *scratch) {
	rows := p.shape[p.nd-2]
	tr, _ := p.tileShape()
	workers := 1
	if p.size >= ParallelThreshold {
		workers = min(runtime.GOMAXPROCS(0), (rows+tr-1)/tr)
	}
	if workers < 2 {
		p.runTiles(0, rows, s)
		return
	}
	// whole tile rows per goroutine
	per := ((rows+tr-1)/tr + workers - 1) / workers * tr
	var wg sync.WaitGroup
	for lo := per; lo < rows; lo += per {
		hi := min(lo+per, rows)
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.runTiles(lo, hi, new(scratch))
		}()
	}
	p.runTiles(0, min(per, rows), s)
	wg.Wait()
}

// accumulates reports whether some output element is visited more than
// once.
func (p *plan) accumulates() bool {
	for i := range p.nops {
		if !p.ops[i].out {
			continue
		}
		for k := range p.nd {
			if p.ops[i].strides[k] == 0 && p.shape[k] > 1 {
				return true
			}
		}
	}
	return false
}
