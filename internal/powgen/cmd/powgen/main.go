// Command powgen writes pow_tables_gen.go, simd's tables for float64
// pow. Run it in the simd directory (go generate does).
package main

import (
	"fmt"
	"os"

	"github.com/pluribus-go/pluribus/internal/powgen"
)

func main() {
	src, err := powgen.Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("pow_tables_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
