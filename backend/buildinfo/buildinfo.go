// Package buildinfo says what this binary was built with: its version and
// whether the desktop GUI was compiled in (it needs the Wails build tags).
package buildinfo

// Version is set at link time (-ldflags "-X ...buildinfo.Version=v1.2.3").
var Version = "dev"

// Name is the binary's name.
const Name = "kodus-byok"

// GUIBuildCommand is how to build a binary with the GUI.
const GUIBuildCommand = "make build  (go build -tags desktop,production,webkit2_41 .)"
