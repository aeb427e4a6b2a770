package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// A small STREAM (McCalpin) on float64 arrays: copy, scale, add, triad,
// plus read (a sum: 1 read stream) and fma3 (d = a*b + c: 3 reads + 1
// write). The best bandwidth of an id's limit kernel at the id's working
// set bounds how fast the id can possibly run.

// kernelSet is one implementation of the STREAM kernels on whole slices;
// block is the element count the vector kernels work in (the wrappers do
// the tails).
type kernelSet struct {
	name  string
	copy  func(dst, src []float64)
	scale func(dst, src []float64, s float64)
	add   func(c, a, b []float64)
	triad func(a, b, c []float64, s float64)
	fma3  func(d, a, b, c []float64)
	read  func(a []float64) float64
	block int
}

// vectorKernels is the assembly implementation when the CPU has one
// (set in stream_amd64.go), else nil.
var vectorKernels *kernelSet

// goKernels are plain Go loops, the fallback.
var goKernels = &kernelSet{
	name: "go",
	copy: func(dst, src []float64) { copy(dst, src) },
	scale: func(dst, src []float64, s float64) {
		src = src[:len(dst)]
		for i := range dst {
			dst[i] = s * src[i]
		}
	},
	add: func(c, a, b []float64) {
		a, b = a[:len(c)], b[:len(c)]
		for i := range c {
			c[i] = a[i] + b[i]
		}
	},
	triad: func(a, b, c []float64, s float64) {
		b, c = b[:len(a)], c[:len(a)]
		for i := range a {
			a[i] = b[i] + s*c[i]
		}
	},
	fma3: func(d, a, b, c []float64) {
		a, b, c = a[:len(d)], b[:len(d)], c[:len(d)]
		for i := range d {
			d[i] = a[i]*b[i] + c[i]
		}
	},
	read: func(a []float64) float64 {
		var s0, s1, s2, s3 float64
		i := 0
		for ; i+4 <= len(a); i += 4 {
			s0 += a[i]
			s1 += a[i+1]
			s2 += a[i+2]
			s3 += a[i+3]
		}
		for ; i < len(a); i++ {
			s0 += a[i]
		}
		return s0 + s1 + s2 + s3
	},
	block: 1,
}

// readSink keeps the read kernel's result alive.
var readSink float64

// streamArrays is the number of arrays (= streams) each kernel touches.
var streamArrays = map[string]int{"copy": 2, "scale": 2, "add": 3, "triad": 3, "read": 1, "fma3": 4}

// dramLen is the array length of the DRAM measurement (WORKLOAD.md: 8e7
// float64 per array).
const dramLen = 80_000_000

// kernelOp returns one call of kernel k of set ks on arrays of length n.
func kernelOp(ks *kernelSet, k string, arrs [][]float64) func() {
	n := len(arrs[0])
	m := n - n%ks.block // the vector part; the rest goes to Go
	tail := goKernels
	switch k {
	case "copy":
		a, b := arrs[0], arrs[1]
		return func() { ks.copy(a[:m], b[:m]); tail.copy(a[m:], b[m:]) }
	case "scale":
		a, b := arrs[0], arrs[1]
		return func() { ks.scale(a[:m], b[:m], 3); tail.scale(a[m:], b[m:], 3) }
	case "add":
		a, b, c := arrs[0], arrs[1], arrs[2]
		return func() { ks.add(c[:m], a[:m], b[:m]); tail.add(c[m:], a[m:], b[m:]) }
	case "triad":
		a, b, c := arrs[0], arrs[1], arrs[2]
		return func() { ks.triad(a[:m], b[:m], c[:m], 3); tail.triad(a[m:], b[m:], c[m:], 3) }
	case "fma3":
		a, b, c, d := arrs[0], arrs[1], arrs[2], arrs[3]
		return func() { ks.fma3(d[:m], a[:m], b[:m], c[:m]); tail.fma3(d[m:], a[m:], b[m:], c[m:]) }
	case "read":
		a := arrs[0]
		return func() { readSink += ks.read(a[:m]) + tail.read(a[m:]) }
	}
	panic("unknown STREAM kernel " + k)
}

// StreamResult is one STREAM measurement.
type StreamResult struct {
	Kernel      string  `json:"kernel"`
	WS          int64   `json:"ws_bytes"`
	ArrayLen    int     `json:"array_len"`
	BytesPerSec float64 `json:"bytes_per_s"`
	Impl        string  `json:"impl"`
}

type streamKey struct {
	kernel string
	ws     int64
}

var (
	streamMu    sync.Mutex
	streamCache = map[streamKey]StreamResult{}
)

// streamBandwidth measures the best bandwidth of kernel at working set ws
// bytes (ws <= 0: the DRAM arrays), caching the result. It runs on one
// thread.
func streamBandwidth(kernel string, ws int64) (StreamResult, error) {
	nArr, ok := streamArrays[kernel]
	if !ok {
		return StreamResult{}, fmt.Errorf("unknown STREAM kernel %q", kernel)
	}
	key := streamKey{kernel, ws}
	streamMu.Lock()
	defer streamMu.Unlock()
	if r, ok := streamCache[key]; ok {
		return r, nil
	}
	n := dramLen
	if ws > 0 {
		n = max(int(ws/int64(nArr*8)), 16)
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	arrs := make([][]float64, nArr)
	for i := range arrs {
		arrs[i] = make([]float64, n)
		for j := range arrs[i] {
			arrs[i][j] = 1 + float64(j&7)
		}
	}
	bytes := float64(nArr) * float64(n) * 8
	best := StreamResult{Kernel: kernel, WS: ws, ArrayLen: n}
	for _, ks := range []*kernelSet{vectorKernels, goKernels} {
		if ks == nil {
			continue
		}
		op := kernelOp(ks, kernel, arrs)
		op() // first touch
		number := autorange(op, 20*time.Millisecond)
		bestNs := 0.0
		reps := 7
		if ws <= 0 {
			reps = 5
		}
		for range reps {
			d := float64(timeCalls(op, number).Nanoseconds()) / float64(number)
			if bestNs == 0 || d < bestNs {
				bestNs = d
			}
		}
		if bw := bytes / bestNs * 1e9; bw > best.BytesPerSec {
			best.BytesPerSec, best.Impl = bw, ks.name
		}
	}
	arrs = nil
	runtime.GC()
	debug.FreeOSMemory()
	streamCache[key] = best
	return best, nil
}

// fmaPeakLoop runs n iterations of a loop of independent FMAs, each
// iteration doing flopsPerIter float64 flops.
type fmaPeakLoop struct {
	name         string
	run          func(n int)
	flopsPerIter float64
}

var fmaPeak fmaPeakLoop

var (
	peakOnce  sync.Once
	peakFlops float64
)

// peakFlopsPerSec measures the single-core peak float64 FMA rate (flops
// per second), 0 when there is no vector FMA loop for this CPU.
func peakFlopsPerSec() float64 {
	peakOnce.Do(func() {
		if fmaPeak.run == nil {
			return
		}
		prev := runtime.GOMAXPROCS(1)
		defer runtime.GOMAXPROCS(prev)
		const iters = 2_000_000
		op := func() { fmaPeak.run(iters) }
		op()
		best := 0.0
		for range 7 {
			d := float64(timeCalls(op, 5).Nanoseconds()) / 5
			if best == 0 || d < best {
				best = d
			}
		}
		peakFlops = iters * fmaPeak.flopsPerIter / best * 1e9
	})
	return peakFlops
}

// limitNs returns the physical lower bound of w's time in ns and a short
// description, or 0 when the id has none. threads is the id's thread
// count.
func limitNs(w *Workload, threads int) (float64, string, error) {
	kind := w.LimitKind()
	switch {
	case strings.HasPrefix(kind, "bw:"):
		k := strings.TrimPrefix(kind, "bw:")
		ws := w.WS
		if w.Tier == "dram" {
			ws = 0
		}
		r, err := streamBandwidth(k, ws)
		if err != nil {
			return 0, "", err
		}
		return float64(w.Traffic) / r.BytesPerSec * 1e9, fmt.Sprintf("%s %.1f GB/s", k, r.BytesPerSec/1e9), nil
	case strings.HasPrefix(kind, "flops:"):
		p := peakFlopsPerSec()
		if p == 0 {
			return 0, "", nil
		}
		if strings.HasSuffix(kind, "f32") {
			p *= 2 // twice the lanes per FMA
		}
		p *= float64(threads)
		return w.Flops / p * 1e9, fmt.Sprintf("%.0f GFLOP/s", p/1e9), nil
	}
	return 0, "", nil
}

var (
	cpuInfoOnce sync.Once
	cpuModelStr string
	cpuFlags    map[string]bool
)

func readCPUInfo() {
	cpuInfoOnce.Do(func() {
		cpuFlags = map[string]bool{}
		raw, err := os.ReadFile("/proc/cpuinfo")
		if err != nil {
			return
		}
		for line := range strings.SplitSeq(string(raw), "\n") {
			key, val, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			switch key {
			case "model name":
				if cpuModelStr == "" {
					cpuModelStr = val
				}
			case "flags":
				if len(cpuFlags) == 0 {
					for f := range strings.FieldsSeq(val) {
						cpuFlags[f] = true
					}
				}
			}
		}
	})
}

// cpuHas reports whether /proc/cpuinfo lists the feature flag.
func cpuHas(flag string) bool {
	readCPUInfo()
	return cpuFlags[flag]
}

// cpuModel returns the CPU model name from /proc/cpuinfo.
func cpuModel() string {
	readCPUInfo()
	return cpuModelStr
}
