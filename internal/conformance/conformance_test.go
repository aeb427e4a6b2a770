package conformance

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"
)

var (
	runFlag = flag.String("conformance.run", "",
		"run only the conformance cases whose id matches this regular expression")
	platformFlag = flag.Bool("conformance.platform", false,
		"also run the platform_defined cases and log how the library's answer compares (they still count as platform)")
	maxFailFlag = flag.Int("conformance.maxfail", 20,
		"report at most this many failed cases per category as test errors (all of them are logged with -v)")
)

// corpusDir is the corpus TestConformance reads: $PLURIBUS_CONFORMANCE_DIR,
// or the repository's testdata/conformance.
func corpusDir() string {
	if d := os.Getenv("PLURIBUS_CONFORMANCE_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "testdata", "conformance")
}

// mustBeComplete lists categories that must have no unimplemented case:
// every case in them can run with what the library has.
var mustBeComplete = []string{"promotion", "can_cast", "astype", "strings", "datetime", "structured", "npy"}

type tally struct{ passed, failed, platform, unimplemented int }

func TestConformance(t *testing.T) {
	start := time.Now()
	dir := corpusDir()
	corpus, err := LoadCorpus(dir)
	if err != nil {
		t.Fatalf("loading the corpus under %s: %v", dir, err)
	}
	for _, p := range corpus.Problems {
		t.Errorf("corpus: %s", p)
	}
	if testing.Verbose() {
		for _, n := range corpus.Notes {
			t.Logf("corpus: %s", n)
		}
		t.Logf("loaded %d cases from %s in %v", len(corpus.Cases), dir, time.Since(start).Round(time.Millisecond))
	}
	if len(corpus.Cases) == 0 {
		t.Fatalf("no conformance cases under %s", dir)
	}
	var re *regexp.Regexp
	if *runFlag != "" {
		if re, err = regexp.Compile(*runFlag); err != nil {
			t.Fatalf("-conformance.run: %v", err)
		}
	}
	byCategory := make(map[string][]*Case)
	selected := 0
	for _, c := range corpus.Cases {
		if re == nil || re.MatchString(c.ID) {
			byCategory[c.Category] = append(byCategory[c.Category], c)
			selected++
		}
	}
	categories := slices.Sorted(func(yield func(string) bool) {
		for k := range byCategory {
			if !yield(k) {
				return
			}
		}
	})
	tallies := make(map[string]*tally)
	for _, cat := range categories {
		tl := &tally{}
		tallies[cat] = tl
		t.Run(cat, func(t *testing.T) {
			hidden := 0
			for _, c := range byCategory[cat] {
				out, why := runCase(c)
				switch out {
				case passed:
					tl.passed++
				case failed:
					tl.failed++
					if tl.failed <= *maxFailFlag {
						t.Errorf("FAIL %s: %s", c.ID, why)
					} else {
						hidden++
						if testing.Verbose() {
							t.Logf("FAIL %s: %s", c.ID, why)
						}
					}
				case platform:
					tl.platform++
					if *platformFlag {
						forced := *c
						forced.Platform = false
						switch out, why := runCase(&forced); out {
						case passed:
							t.Logf("platform %s: agrees with NumPy", c.ID)
						case unimplemented:
							t.Logf("platform %s: not run: %s", c.ID, why)
						default:
							t.Logf("platform %s: differs from NumPy: %s", c.ID, why)
						}
					} else if testing.Verbose() {
						t.Logf("skip %s: platform_defined", c.ID)
					}
				case unimplemented:
					tl.unimplemented++
					if testing.Verbose() {
						t.Logf("skip %s: unimplemented: %s", c.ID, why)
					}
				}
			}
			if hidden > 0 {
				t.Errorf("%d more failed cases not reported as errors (see -v or -conformance.maxfail)", hidden)
			}
			if slices.Contains(mustBeComplete, cat) && tl.unimplemented > 0 && re == nil {
				t.Errorf("category %s must have no unimplemented cases, has %d", cat, tl.unimplemented)
			}
		})
	}
	for _, cat := range categories {
		tl := tallies[cat]
		fmt.Printf("conformance: %s passed=%d failed=%d platform=%d unimplemented=%d\n",
			cat, tl.passed, tl.failed, tl.platform, tl.unimplemented)
	}
	if testing.Verbose() {
		t.Logf("ran %d cases in %v", selected, time.Since(start).Round(time.Millisecond))
	}
}
