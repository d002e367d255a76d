package cli

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"
)

// ttyPrompt asks on the controlling terminal with echo off, so that it
// works even when standard input carries a piped key.
func ttyPrompt(prompt string) (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", errors.New("no terminal to ask on: " + err.Error())
	}
	defer tty.Close()
	fmt.Fprint(tty, prompt+": ")
	b, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(tty)
	if err != nil {
		return "", fmt.Errorf("read from terminal: %w", err)
	}
	return string(b), nil
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
