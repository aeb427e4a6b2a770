// Command frontgen writes ufuncs_gen.go, the root package's functions for
// the standard ufuncs and reductions. Run it from the repository root
// (go generate does).
package main

import (
	"fmt"
	"os"

	"github.com/pluribus-go/pluribus/internal/frontgen"
)

func main() {
	src, err := frontgen.Generate("ufunc")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("ufuncs_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
