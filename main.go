// Command kodus-byok is Kodus BYOK Studio: with no arguments it opens the
// desktop app, with a command it runs headless over the same backend.
package main

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/cli"
)

// The committed placeholder frontend/dist/.gitkeep keeps this compiling
// before the frontend is built.
//
//go:embed all:frontend/dist
var assets embed.FS

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

func runGUI() int {
	if !buildinfo.GUI {
		fmt.Fprintf(os.Stderr, "kodus-byok: this binary was built without the desktop app; use a command (kodus-byok --help), or build the app with %s\n", buildinfo.GUIBuildCommand)
		return cli.ExitFailure
	}
	// WebKitGTK's DMA-BUF renderer draws a blank window on some GPUs
	// (wailsapp/wails#2977); the shared-memory path is fast enough for a
	// form-based app. An explicit setting by the user wins.
	if _, set := os.LookupEnv("WEBKIT_DISABLE_DMABUF_RENDERER"); !set {
		os.Setenv("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
	}
	app := NewApp()
	err := wails.Run(&options.App{
		Title:            "Kodus BYOK Studio",
		Width:            1240,
		Height:           860,
		MinWidth:         960,
		MinHeight:        640,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		OnStartup:        app.startup,
		OnShutdown:       app.shutdown,
		SingleInstanceLock: &options.SingleInstanceLock{
			// One window per data dir: a second launch focuses the first,
			// while test runs with their own data dirs stay independent.
			UniqueId:               "kodus-byok-" + dataDirID(),
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Linux: &linux.Options{ProgramName: buildinfo.Name},
		Bind:  []interface{}{app},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "kodus-byok: %v\n", err)
		return cli.ExitFailure
	}
	return cli.ExitOK
}

func dataDirID() string {
	sum := sha256.Sum256([]byte(os.Getenv("KODUS_BYOK_HOME")))
	return hex.EncodeToString(sum[:6])
}
