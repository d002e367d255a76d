//go:build unix && !(desktop || dev || production || bindings)

package main

import (
	"fmt"
	"os"
	"syscall"
)

// execApp replaces this process with the desktop app.
func execApp(path string, argv []string) int {
	err := syscall.Exec(path, argv, os.Environ())
	fmt.Fprintf(os.Stderr, "kodus-byok: start the desktop app %s: %v\n", path, err)
	return 1
}
