// Package buildinfo says what this binary was built with: its version,
// commit and build date, and whether the desktop GUI was compiled in (it
// needs the Wails build tags).
package buildinfo

import (
	"fmt"
	"runtime/debug"
	"sync"
	"time"
)

// Set at link time by the Makefile:
//
//	-ldflags "-X .../buildinfo.Version=0.1.0 -X .../buildinfo.commit=ab12cd3 -X .../buildinfo.date=2026-12-04"
//
// A plain `go build` in a git checkout still knows its commit and the
// commit's date from the VCS stamp Go embeds (see vcs).
var (
	Version = "dev"
	commit  = ""
	date    = ""
)

// Name is the binary's name.
const Name = "kodus-byok"

// GUIBuildCommand is how to build a binary with the GUI.
const GUIBuildCommand = "make build  (go build -tags desktop,production,webkit2_41 .)"

// Commit is the source commit (short hash, "-dirty" for uncommitted
// changes), or "unknown".
func Commit() string {
	if commit != "" {
		return commit
	}
	return vcs().commit
}

// BuildDate is the day the binary was built (YYYY-MM-DD): the release's
// SOURCE_DATE_EPOCH, else the commit's date, or "unknown".
func BuildDate() string {
	if date != "" {
		return date
	}
	return vcs().date
}

// String is the one line `kodus-byok --version` prints.
func String() string {
	kind := "desktop app and command line"
	if !GUI {
		kind = "command line only"
	}
	return fmt.Sprintf("%s %s (commit %s, built %s; %s)", Name, Version, Commit(), BuildDate(), kind)
}

type stamp struct{ commit, date string }

var vcs = sync.OnceValue(func() stamp {
	s := stamp{commit: "unknown", date: "unknown"}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return s
	}
	dirty := false
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			s.commit = kv.Value
			if len(s.commit) > 7 {
				s.commit = s.commit[:7]
			}
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, kv.Value); err == nil {
				s.date = t.UTC().Format(time.DateOnly)
			}
		case "vcs.modified":
			dirty = kv.Value == "true"
		}
	}
	if dirty && s.commit != "unknown" {
		s.commit += "-dirty"
	}
	return s
})
