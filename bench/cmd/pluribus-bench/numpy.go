package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// numpyEnv is this process's environment without the OpenBLAS settings
// that would pin NumPy's BLAS kernels to another core type or cache size:
// the NumPy child sees the machine as a user's NumPy would.
func numpyEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "OPENBLAS_CORETYPE=") || strings.HasPrefix(kv, "OPENBLAS_L2_SIZE=") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// checkNumPy reports whether python can import numpy.
func checkNumPy(python string) error {
	cmd := exec.Command(python, "-c", "import numpy")
	cmd.Env = numpyEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			lines := strings.Split(msg, "\n")
			return fmt.Errorf("%w: %s", err, lines[len(lines)-1])
		}
		return err
	}
	return nil
}

// npLine is one JSON line numpy_bench.py printed, verbatim and decoded.
type npLine struct {
	raw []byte
	m   map[string]any
}

// runNumPy runs bench/numpy_bench.py for the one id and returns its JSON
// lines (meta and result).
func runNumPy(python, script, workloads, id string, repeats int) ([]npLine, error) {
	cmd := exec.Command(python, script,
		"--ids", "^"+regexp.QuoteMeta(id)+"$",
		"--repeats", strconv.Itoa(repeats),
		"--workloads", workloads)
	cmd.Env = numpyEnv()
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	var lines []npLine
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var m map[string]any
		if jerr := json.Unmarshal(sc.Bytes(), &m); jerr != nil {
			return lines, fmt.Errorf("numpy_bench.py printed a line that is not JSON: %q", sc.Text())
		}
		lines = append(lines, npLine{bytes.Clone(sc.Bytes()), m})
	}
	return lines, err
}

func npNs(m map[string]any) (float64, bool) {
	f, ok := m["ns_per_op"].(float64)
	return f, ok && f > 0
}

func npSummary(m map[string]any) string {
	if ns, ok := npNs(m); ok {
		s := fmtNs(ns)
		if re, ok := m["rel_err"].(float64); ok {
			s += fmt.Sprintf("  rel_err %.2g", re)
		}
		return s
	}
	if e, ok := m["error"].(string); ok {
		return "error: " + e
	}
	return "no result"
}

// row is one line of the comparison table.
type row struct {
	w         *Workload
	threads   int
	pl        Result
	np        map[string]any
	npErr     string
	limitNs   float64
	limitDesc string
}

// fmtNs prints a duration given in ns with 3 significant digits.
func fmtNs(ns float64) string {
	switch {
	case ns < 1e3:
		return fmt.Sprintf("%.3g ns", ns)
	case ns < 1e6:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	case ns < 1e9:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	}
	return fmt.Sprintf("%.3g s", ns/1e9)
}

// markdownTable renders the rows: id | pluribus | NumPy | ratio | limit |
// pluribus/limit.
func markdownTable(rows []row, impl string, numpy bool) string {
	var b strings.Builder
	npName := "NumPy"
	for _, r := range rows {
		if s, ok := r.np["impl"].(string); ok {
			npName = s
			break
		}
	}
	fmt.Fprintf(&b, "| id | pluribus (%s) | %s | ratio pluribus/NumPy | limit | pluribus/limit |\n", impl, npName)
	b.WriteString("|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		plCell, npCell, ratio, limit, plLimit := "", "", "", "-", ""
		var plNs float64
		switch {
		case r.pl.Unsupported != "":
			plCell = "unsupported"
		case r.pl.Error != "":
			plCell = "error"
		default:
			plNs = *r.pl.NsPerOp
			plCell = fmtNs(plNs)
			if r.pl.RelErr != nil {
				plCell += fmt.Sprintf(" (err %.1g)", *r.pl.RelErr)
			}
			if r.pl.CheckError != "" {
				plCell += " **wrong result**"
			}
		}
		npNsVal, npOK := npNs(r.np)
		switch {
		case !numpy:
			npCell = "not run"
		case npOK:
			npCell = fmtNs(npNsVal)
			if re, ok := r.np["rel_err"].(float64); ok {
				npCell += fmt.Sprintf(" (err %.1g)", re)
			}
		default:
			npCell = "error"
		}
		if plNs > 0 && npOK {
			ratio = fmt.Sprintf("%.2f", plNs/npNsVal)
			if plNs > npNsVal*1.05 {
				ratio = "**" + ratio + "**"
			}
		}
		if r.limitNs > 0 {
			limit = fmtNs(r.limitNs)
			if plNs > 0 {
				plLimit = fmt.Sprintf("%.2f", plNs/r.limitNs)
			}
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", r.w.ID, plCell, npCell, ratio, limit, plLimit)
	}
	var descs []string
	for _, s := range sortedStream() {
		where := fmt.Sprintf("%d B ws", s.WS)
		if s.WS <= 0 {
			where = "DRAM"
		}
		descs = append(descs, fmt.Sprintf("%s @ %s: %.1f GB/s", s.Kernel, where, s.BytesPerSec/1e9))
	}
	if len(descs) > 0 {
		b.WriteString("\nSTREAM best bandwidths (1 thread): " + strings.Join(descs, "; ") + ".\n")
	}
	if p := peakFlopsPerSec(); p > 0 && hasFlopsLimit(rows) {
		fmt.Fprintf(&b, "Peak FMA rate (1 thread, %s): %.1f GFLOP/s f64, %.1f f32.\n", fmaPeak.name, p/1e9, 2*p/1e9)
	}
	return b.String()
}

func hasFlopsLimit(rows []row) bool {
	for _, r := range rows {
		if strings.HasPrefix(r.w.LimitKind(), "flops:") {
			return true
		}
	}
	return false
}

// sortedStream returns the STREAM measurements made so far, by kernel and
// working set.
func sortedStream() []StreamResult {
	streamMu.Lock()
	defer streamMu.Unlock()
	var out []StreamResult
	for _, r := range streamCache {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b StreamResult) int {
		if c := strings.Compare(a.Kernel, b.Kernel); c != 0 {
			return c
		}
		aw, bw := a.WS, b.WS
		if aw <= 0 {
			aw = 1 << 62
		}
		if bw <= 0 {
			bw = 1 << 62
		}
		return int(min(max(aw-bw, -1), 1))
	})
	return out
}
