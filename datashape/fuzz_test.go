package datashape

import (
	"encoding/json"
	"os"
	"testing"
)

// FuzzParse checks that no input panics or hangs the parser, and that
// whatever parses prints to text that parses back to the same type.
func FuzzParse(f *testing.F) {
	for _, file := range []string{"parse.json", "dynd_parse.json"} {
		data, err := os.ReadFile("../testdata/conformance/datashape/" + file)
		if err != nil {
			f.Fatal(err)
		}
		var cases []struct {
			Input string `json:"input"`
		}
		if err := json.Unmarshal(data, &cases); err != nil {
			f.Fatal(err)
		}
		for _, c := range cases {
			f.Add(c.Input)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		ds, err := Parse(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		text := ds.String()
		back, err := Parse(text)
		if err != nil {
			t.Fatalf("%q parses, but its printed form %q does not: %v", s, text, err)
		}
		if again := back.String(); again != text {
			t.Fatalf("%q prints as %q, which reads back as %q", s, text, again)
		}
	})
}
