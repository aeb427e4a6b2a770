package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Workload is one entry of bench/workloads.json: an id of WORKLOAD.md with
// its NumPy reference expression, the bytes it moves and its limit kind.
type Workload struct {
	ID      string  `json:"id"`
	Group   string  `json:"group"`
	Expr    string  `json:"expr"`
	Elems   int64   `json:"elems"`
	Bytes   int64   `json:"bytes"`
	Traffic int64   `json:"traffic"`
	WS      int64   `json:"ws"`
	Limit   *string `json:"limit"`
	Flops   float64 `json:"flops"`
	Threads int     `json:"threads"`
	Alloc   bool    `json:"alloc"`
	Notes   string  `json:"notes"`
	Tier    string  `json:"tier"`
}

// LimitKind returns the workload's limit ("bw:add", "flops:f64", …) or ""
// when it has no physical limit.
func (w *Workload) LimitKind() string {
	if w.Limit == nil || *w.Limit == "-" {
		return ""
	}
	return *w.Limit
}

// threads returns the number of threads the id runs on: WORKLOAD.md rule 4,
// or the -threads override when it is positive.
func (w *Workload) threads(override int) int {
	if override > 0 {
		return override
	}
	if strings.HasSuffix(w.ID, ".t2") {
		return 2
	}
	return 1
}

type workloadFile struct {
	Version   int        `json:"version"`
	Workloads []Workload `json:"workloads"`
}

// loadWorkloads reads the workload list and keeps the ids matching re, in
// file order.
func loadWorkloads(path string, re *regexp.Regexp) ([]Workload, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f workloadFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("pluribus-bench: parsing %s: %w", path, err)
	}
	var out []Workload
	for _, w := range f.Workloads {
		if re.MatchString(w.ID) {
			out = append(out, w)
		}
	}
	return out, nil
}

// repoRoot finds the directory holding the module's go.mod and
// bench/workloads.json, starting from the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "bench", "workloads.json")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("pluribus-bench: no bench/workloads.json above the working directory; run from the repository")
		}
		dir = parent
	}
}
