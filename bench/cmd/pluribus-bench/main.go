// Command pluribus-bench runs the workload ids of bench/workloads.json
// (semantics: WORKLOAD.md) with pluribus and writes one JSON line per id;
// with -vs-numpy it also runs bench/numpy_bench.py id by id, measures the
// machine's bandwidth limits with a small STREAM, and prints a markdown
// table pluribus | NumPy | ratio | limit.
//
//	go run ./bench/cmd/pluribus-bench -ids '^add\.' -out add.jsonl
//	go run ./bench/cmd/pluribus-bench -vs-numpy
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

func main() {
	ids := flag.String("ids", ".", "run the workload `ids` matching this regular expression")
	threads := flag.Int("threads", 0, "run every id on `N` threads (GOMAXPROCS); default 1, or 2 for .t2 ids")
	outPath := flag.String("out", "", "write JSON lines to `FILE` (default: stdout, or nowhere with -vs-numpy)")
	vsNumPy := flag.Bool("vs-numpy", false, "also run NumPy (bench/numpy_bench.py), alternating per id, and print a markdown table")
	repeats := flag.Int("repeats", 7, "`N` timed repeats per id; ns_per_op is their median")
	workloads := flag.String("workloads", "", "workload list (default: bench/workloads.json of the repository)")
	python := flag.String("python", "/usr/bin/python3", "the Python with NumPy, for -vs-numpy")
	mdPath := flag.String("md", "", "with -vs-numpy, also write the markdown table to `FILE`")
	noLimit := flag.Bool("no-limit", false, "with -vs-numpy, skip the STREAM limit measurement")
	flag.Parse()

	if err := run(*ids, *threads, *outPath, *vsNumPy, *repeats, *workloads, *python, *mdPath, !*noLimit); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ids string, threads int, outPath string, vsNumPy bool, repeats int,
	workloadsPath, python, mdPath string, withLimit bool) error {
	if repeats < 1 {
		return fmt.Errorf("pluribus-bench: -repeats must be at least 1, got %d", repeats)
	}
	re, err := regexp.Compile(ids)
	if err != nil {
		return fmt.Errorf("pluribus-bench: -ids: %w", err)
	}
	root, err := repoRoot()
	if err != nil && workloadsPath == "" {
		return err
	}
	if workloadsPath == "" {
		workloadsPath = filepath.Join(root, "bench", "workloads.json")
	}
	ws, err := loadWorkloads(workloadsPath, re)
	if err != nil {
		return err
	}
	if len(ws) == 0 {
		return fmt.Errorf("pluribus-bench: no workload id matches %q", ids)
	}

	var out io.Writer = os.Stdout
	if outPath != "" {
		f, err := os.Create(outPath)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	} else if vsNumPy {
		out = io.Discard
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)

	impl := implName(root)
	if err := enc.Encode(map[string]any{"meta": goMeta(impl, threads, repeats)}); err != nil {
		return err
	}

	numpy := vsNumPy
	script := filepath.Join(root, "bench", "numpy_bench.py")
	if vsNumPy {
		if err := checkNumPy(python); err != nil {
			fmt.Fprintf(os.Stderr, "pluribus-bench: NumPy is not usable with %s (%v); install it with `apt-get install python3-numpy`. Reporting pluribus alone.\n", python, err)
			numpy = false
		}
	}

	rows := make([]row, 0, len(ws))
	seenMeta := map[string]bool{}
	for i := range ws {
		w := &ws[i]
		thr := w.threads(threads)
		r := runPluribus(w, impl, thr, repeats)
		if err := enc.Encode(r); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%-28s pluribus %s\n", w.ID, r.summary())
		rw := row{w: w, threads: thr, pl: r}
		if numpy {
			lines, err := runNumPy(python, script, workloadsPath, w.ID, repeats)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%-28s numpy    error: %v\n", w.ID, err)
				rw.npErr = err.Error()
			}
			for _, l := range lines {
				if m, ok := l.m["meta"]; ok {
					key := fmt.Sprint(m)
					if seenMeta[key] {
						continue
					}
					seenMeta[key] = true
				} else {
					rw.np = l.m
					fmt.Fprintf(os.Stderr, "%-28s numpy    %s\n", w.ID, npSummary(l.m))
				}
				if _, err := fmt.Fprintf(out, "%s\n", l.raw); err != nil {
					return err
				}
			}
		}
		rows = append(rows, rw)
	}
	if !vsNumPy {
		return nil
	}
	if withLimit {
		fmt.Fprintln(os.Stderr, "measuring STREAM bandwidth limits…")
		for i := range rows {
			rw := &rows[i]
			ns, desc, err := limitNs(rw.w, rw.threads)
			if err != nil {
				return err
			}
			rw.limitNs, rw.limitDesc = ns, desc
		}
		for _, s := range sortedStream() {
			if err := enc.Encode(map[string]any{"stream": s}); err != nil {
				return err
			}
		}
		if p := peakFlopsPerSec(); p > 0 {
			if err := enc.Encode(map[string]any{"fma_peak": map[string]any{
				"impl": fmaPeak.name, "f64_flops_per_s_per_thread": p}}); err != nil {
				return err
			}
		}
	}
	table := markdownTable(rows, impl, numpy)
	fmt.Print(table)
	if mdPath != "" {
		return os.WriteFile(mdPath, []byte(table), 0o644)
	}
	return nil
}

// Result is one JSON line of WORKLOAD.md's result format.
type Result struct {
	ID          string   `json:"id"`
	Impl        string   `json:"impl"`
	NsPerOp     *float64 `json:"ns_per_op,omitempty"`
	BytesPerOp  int64    `json:"bytes_per_op"`
	FlopsPerOp  float64  `json:"flops_per_op"`
	Notes       string   `json:"notes"`
	MinNsPerOp  *float64 `json:"min_ns_per_op,omitempty"`
	Q1NsPerOp   *float64 `json:"q1_ns_per_op,omitempty"`
	Q3NsPerOp   *float64 `json:"q3_ns_per_op,omitempty"`
	Number      int      `json:"number,omitempty"`
	Repeats     int      `json:"repeats,omitempty"`
	Threads     int      `json:"threads"`
	RelErr      *float64 `json:"rel_err,omitempty"`
	CheckError  string   `json:"check_error,omitempty"`
	Unsupported string   `json:"unsupported,omitempty"`
	Error       string   `json:"error,omitempty"`
}

func (r *Result) summary() string {
	switch {
	case r.Unsupported != "":
		return "unsupported: " + r.Unsupported
	case r.Error != "":
		return "error: " + r.Error
	}
	s := fmtNs(*r.NsPerOp)
	if r.RelErr != nil {
		s += fmt.Sprintf("  rel_err %.2g", *r.RelErr)
	}
	if r.CheckError != "" {
		s += "  CHECK FAILED: " + r.CheckError
	}
	return s
}

func ptr(f float64) *float64 { return &f }

// runPluribus prepares, checks and times one workload on thr threads.
func runPluribus(w *Workload, impl string, thr, repeats int) (res Result) {
	res = Result{ID: w.ID, Impl: impl, BytesPerOp: w.Bytes, FlopsPerOp: w.Flops, Threads: thr}
	prev := runtime.GOMAXPROCS(thr)
	defer func() {
		runtime.GOMAXPROCS(prev)
		sink = nil
		runtime.GC()
		debug.FreeOSMemory()
	}()
	defer func() {
		if p := recover(); p != nil {
			res.NsPerOp = nil
			res.Error = fmt.Sprint("panic: ", p)
		}
	}()
	b, err := newBench(w)
	var unsup *unsupportedError
	switch {
	case errors.As(err, &unsup):
		res.Unsupported = unsup.reason
		return res
	case err != nil:
		res.Error = err.Error()
		return res
	}
	if b.Close != nil {
		defer b.Close()
	}
	res.Notes = "stmt: " + b.Stmt
	b.Run()
	if *b.errp != nil {
		res.Error = (*b.errp).Error()
		return res
	}
	if err := b.Check(); err != nil {
		res.CheckError = err.Error()
	}
	if b.RelErr != nil {
		res.RelErr = ptr(b.RelErr())
	}
	runtime.GC()
	t := timeOp(b.Run, repeats)
	if *b.errp != nil {
		res.Error = (*b.errp).Error()
		return res
	}
	res.NsPerOp = ptr(quantile(t.PerCall, 0.5))
	res.MinNsPerOp = ptr(quantile(t.PerCall, 0))
	res.Q1NsPerOp = ptr(quantile(t.PerCall, 0.25))
	res.Q3NsPerOp = ptr(quantile(t.PerCall, 0.75))
	res.Number, res.Repeats = t.Number, repeats
	return res
}

// implName is "pluribus-<short hash>", with "-dirty" when the work tree
// has changes.
func implName(root string) string {
	hash, err := gitOutput(root, "rev-parse", "--short", "HEAD")
	if err != nil || hash == "" {
		return "pluribus-unknown"
	}
	name := "pluribus-" + hash
	if st, err := gitOutput(root, "status", "--porcelain"); err != nil || st != "" {
		name += "-dirty"
	}
	return name
}

func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

// goMeta describes the Go side of the run.
func goMeta(impl string, threads, repeats int) map[string]any {
	m := map[string]any{
		"impl":               impl,
		"go_version":         runtime.Version(),
		"goos":               runtime.GOOS,
		"goarch":             runtime.GOARCH,
		"num_cpu":            runtime.NumCPU(),
		"gomaxprocs_default": runtime.GOMAXPROCS(0),
		"gomaxprocs":         "1 per id, 2 for .t2 ids",
		"cpu_model":          cpuModel(),
		"repeats":            repeats,
		"min_repeat_s":       minRepeat.Seconds(),
		"time":               time.Now().UTC().Format(time.RFC3339),
	}
	if threads > 0 {
		m["gomaxprocs"] = threads
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		m["build_settings"] = settings
	}
	if vectorKernels != nil {
		m["stream_kernels"] = vectorKernels.name + " and go"
	} else {
		m["stream_kernels"] = "go"
	}
	return m
}
