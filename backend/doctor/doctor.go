// Package doctor checks the machine the app runs on: the data dir, the
// keychain backend (by really using it), and the WebKit library the GUI
// needs on Linux.
package doctor

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/studio"
)

// Check is one line of the report.
type Check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
	Hint   string `json:"hint,omitempty"`
}

// Report is the whole diagnosis.
type Report struct {
	Version         string  `json:"version"`
	Commit          string  `json:"commit"`
	BuildDate       string  `json:"buildDate"`
	GUI             bool    `json:"gui"`
	DataDir         string  `json:"dataDir"`
	KeychainBackend string  `json:"keychainBackend"`
	Checks          []Check `json:"checks"`
	OK              bool    `json:"ok"`
}

// Run diagnoses the studio's environment.
func Run(ctx context.Context, s *studio.Environment) Report {
	r := Report{Version: buildinfo.Version, Commit: buildinfo.Commit(), BuildDate: buildinfo.BuildDate(), GUI: buildinfo.GUI, DataDir: s.DataDir(), KeychainBackend: s.KeychainBackend(), OK: true}
	add := func(c Check) {
		r.Checks = append(r.Checks, c)
		if !c.OK {
			r.OK = false
		}
	}

	add(dataDirCheck(s.DataDir()))

	if path, v, err := s.Database(); err != nil {
		add(Check{Name: "profile database", Detail: err.Error(), Hint: "another kodus-byok may hold it; close it and retry"})
	} else {
		add(Check{Name: "profile database", OK: true, Detail: fmt.Sprintf("%s (schema %d)", path, v)})
	}

	kc := Check{Name: "keychain", Detail: fmt.Sprintf("%s: %s", s.KeychainBackend(), s.KeychainDescription())}
	if err := s.CheckKeychain(ctx); err != nil {
		kc.Detail += ": " + err.Error()
		kc.Hint = "choose a backend with KODUS_BYOK_KEYRING (secret-service, kwallet, keychain, wincred, pass, keyctl, file)"
	} else {
		kc.OK = true
		kc.Detail += ": works (stored, read back and removed a test item)"
	}
	add(kc)

	add(webkitCheck())
	if !buildinfo.GUI {
		r.Checks = append(r.Checks, Check{Name: "gui", OK: true, Detail: "this binary is command-line only", Hint: "build the desktop app with " + buildinfo.GUIBuildCommand})
	}
	return r
}

func dataDirCheck(dir string) Check {
	c := Check{Name: "data dir", Detail: dir}
	st, err := os.Stat(dir)
	if err != nil {
		c.Detail += ": " + err.Error()
		return c
	}
	probe, err := os.CreateTemp(dir, ".doctor-*")
	if err != nil {
		c.Detail += ": not writable: " + err.Error()
		c.Hint = "set KODUS_BYOK_HOME to a writable directory"
		return c
	}
	probe.Close()
	os.Remove(probe.Name())
	c.OK = true
	c.Detail += fmt.Sprintf(" (writable, mode %o)", st.Mode().Perm())
	return c
}

// WebKitLibraries are the shared libraries the GUI links on Linux, newest first.
var WebKitLibraries = []string{"libwebkit2gtk-4.1.so.0", "libwebkit2gtk-4.0.so.37"}

var libDirs = []string{"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/usr/local/lib"}

func webkitCheck() Check {
	c := Check{Name: "webkit"}
	if runtime.GOOS != "linux" {
		c.OK = true
		c.Detail = "not needed on " + runtime.GOOS
		return c
	}
	if lib, ok := FindLibrary(WebKitLibraries, libDirs); ok {
		c.OK = true
		c.Detail = "found " + lib
		return c
	}
	c.Detail = "WebKitGTK not found (" + WebKitLibraries[0] + ")"
	c.Hint = "sudo apt-get install libwebkit2gtk-4.1-0 (Debian 12 / Ubuntu 22.04+); the command line works without it"
	if !buildinfo.GUI {
		c.OK = true // a CLI-only binary does not need it
		c.Detail += "; not needed by this command-line build"
	}
	return c
}

// FindLibrary looks for the first of libs in dirs.
func FindLibrary(libs, dirs []string) (string, bool) {
	for _, lib := range libs {
		for _, d := range dirs {
			p := filepath.Join(d, lib)
			if _, err := os.Stat(p); err == nil {
				return p, true
			}
		}
	}
	return "", false
}
