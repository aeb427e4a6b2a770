// Command castgen writes casts_gen.go, dtype's table of conversion loops
// between the built-in numeric types. Run it in the dtype directory (go
// generate does).
package main

import (
	"fmt"
	"os"

	"github.com/pluribus-go/pluribus/internal/castgen"
)

func main() {
	src, err := castgen.Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("casts_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
