//go:build !(desktop || dev || production || bindings)

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Installed from a package, the command-line binary opens the desktop app
// that sits beside it (PREFIX/lib/kodus-byok/kodus-byok) when run with no
// command; without one it says how to get it.
func TestNoCommandOpensTheInstalledDesktopApp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script as the stand-in app")
	}
	prefix := t.TempDir()
	bin := filepath.Join(prefix, "bin", "kodus-byok")
	copyFile(t, os.Args[0], bin, 0o755)

	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "KODUS_BYOK_TEST_RUN_MAIN=1")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "built without the desktop app") {
		t.Fatalf("without the app: %v\n%s", err, out)
	}

	marker := filepath.Join(prefix, "started")
	app := filepath.Join(prefix, "lib", "kodus-byok", "kodus-byok")
	if err := os.MkdirAll(filepath.Dir(app), 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\necho \"$0 $#\" >'" + marker + "'\n"
	if err := os.WriteFile(app, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(bin)
	cmd.Env = append(os.Environ(), "KODUS_BYOK_TEST_RUN_MAIN=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("with the app: %v\n%s", err, out)
	}
	got, err := os.ReadFile(marker)
	if err != nil {
		t.Fatalf("the desktop app did not start: %v", err)
	}
	if want := app + " 0\n"; string(got) != want {
		t.Errorf("the app ran as %q, want %q", got, want)
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
