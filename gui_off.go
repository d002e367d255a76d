//go:build !(desktop || dev || production || bindings)

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/cli"
)

// runGUI in a command-line-only build: the packages install the desktop
// app beside it (lib/kodus-byok/kodus-byok under the same prefix), so the
// one command a user knows opens the window too.
func runGUI() int {
	exe, err := os.Executable()
	if err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			if app := desktopApp(exe); app != "" {
				return execApp(app, os.Args)
			}
		}
	}
	return noGUI()
}

// desktopApp is the desktop build installed next to the command-line
// binary at exe, or "".
func desktopApp(exe string) string {
	name := filepath.Base(exe)
	app := filepath.Join(filepath.Dir(exe), "..", "lib", "kodus-byok", name)
	if st, err := os.Stat(app); err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o111 != 0 {
		return filepath.Clean(app)
	}
	return ""
}

// noGUI is what a command-line-only build says when asked for the window.
func noGUI() int {
	fmt.Fprintf(os.Stderr, "kodus-byok: this binary was built without the desktop app; use a command (kodus-byok --help), or build the app with %s\n", buildinfo.GUIBuildCommand)
	return cli.ExitFailure
}
