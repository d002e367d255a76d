// Command kodus-byok is Kodus BYOK Studio: with no arguments it opens the
// desktop app, with a command it runs headless over the same backend.
//
// A plain `go build .` gives the command line alone: the desktop app
// (gui.go, app.go, and through them package bindings) is compiled in only
// with the Wails build tags that `make build` and `wails build` pass, so
// the CLI links no Wails, GTK or WebKit code and starts at once.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/signal"
	"strings"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/cli"
)

func main() {
	args := os.Args[1:]
	if wantsGUI(args) {
		os.Exit(runGUI())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, cli.OSEnv(args))
	stop()
	os.Exit(code)
}

// devServerFlags are the flags a `dev`-tagged build takes to serve the UI
// to a browser (used by the end-to-end tests).
var devServerFlags = []string{"-devserver", "-assetdir", "-frontenddevserverurl", "-loglevel"}

func wantsGUI(args []string) bool {
	if len(args) == 0 {
		return true
	}
	if buildinfo.DevServer {
		for _, f := range devServerFlags {
			if args[0] == f || strings.HasPrefix(args[0], f+"=") || args[0] == "-"+f || strings.HasPrefix(args[0], "-"+f+"=") {
				return true
			}
		}
	}
	return false
}

// dataDirID keys the single-instance lock: one window per data dir, while
// test runs with their own data dirs stay independent.
func dataDirID() string {
	sum := sha256.Sum256([]byte(os.Getenv("KODUS_BYOK_HOME")))
	return hex.EncodeToString(sum[:6])
}
