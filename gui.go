//go:build desktop || dev || production || bindings

package main

import (
	"embed"
	"fmt"
	"os"

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

// icon is the window icon: build/appicon.png at 256×256 (GDK drops an
// icon as large as 1024×1024: it does not fit in one X request). The
// desktop entry and the packages install the same picture.
//
//go:embed build/linux/windowicon.png
var icon []byte

func runGUI() int {
	// WebKitGTK's DMA-BUF renderer draws a blank window on some GPUs
	// (wailsapp/wails#2977); the shared-memory path is fast enough for a
	// form-based app. An explicit setting by the user wins.
	if _, set := os.LookupEnv("WEBKIT_DISABLE_DMABUF_RENDERER"); !set {
		os.Setenv("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
	}
	app := newWindow()
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
			UniqueId:               "kodus-byok-" + dataDirID(),
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Linux: &linux.Options{ProgramName: buildinfo.Name, Icon: icon},
		Bind:  app.session.Structs(),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "kodus-byok: %v\n", err)
		return cli.ExitFailure
	}
	return cli.ExitOK
}
