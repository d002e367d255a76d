//go:build !unix && !(desktop || dev || production || bindings)

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// execApp runs the desktop app and returns its exit status.
func execApp(path string, argv []string) int {
	cmd := exec.Command(path, argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "kodus-byok: start the desktop app %s: %v\n", path, err)
		return 1
	}
	return 0
}
