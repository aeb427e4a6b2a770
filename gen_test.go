package pluribus_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/pluribus-go/pluribus/internal/frontgen"
)

// TestFrontDoorGenerated checks that ufuncs_gen.go is what the generator
// writes from the ufunc package today: run go generate after adding a
// ufunc or a reduction.
func TestFrontDoorGenerated(t *testing.T) {
	want, err := frontgen.Generate("ufunc")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("ufuncs_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("ufuncs_gen.go is stale: run go generate")
	}
	if !bytes.HasPrefix(got, []byte(frontgen.Header+"\n")) {
		t.Errorf("ufuncs_gen.go does not start with the generated-code header")
	}
}
