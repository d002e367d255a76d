//go:build desktop || dev || production || bindings

package main

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/options"
	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/kodusbyok/studio/bindings"
)

// window is the Wails side of the desktop app: the window's lifecycle and
// the runtime the bindings use (events, clipboard, dialogs, browser). The
// bound structs themselves live in package bindings, free of Wails.
type window struct {
	ctx     context.Context
	session *bindings.Session
}

func newWindow() *window {
	w := &window{ctx: context.Background()}
	w.session = bindings.New(bindings.Options{Runtime: wailsRuntime{}})
	return w
}

func (w *window) startup(ctx context.Context) {
	w.ctx = ctx
	w.session.Startup(ctx)
}

func (w *window) shutdown(context.Context) {}

func (w *window) onSecondInstance(options.SecondInstanceData) {
	wruntime.WindowUnminimise(w.ctx)
	wruntime.Show(w.ctx)
}

// wailsRuntime is bindings.Runtime over the Wails runtime.
type wailsRuntime struct{}

func (wailsRuntime) Emit(ctx context.Context, event string, data ...any) {
	wruntime.EventsEmit(ctx, event, data...)
}

func (wailsRuntime) ClipboardSet(ctx context.Context, text string) error {
	return wruntime.ClipboardSetText(ctx, text)
}

func (wailsRuntime) ClipboardGet(ctx context.Context) (string, error) {
	return wruntime.ClipboardGetText(ctx)
}

func (wailsRuntime) PickFolder(ctx context.Context, title string) (string, error) {
	return wruntime.OpenDirectoryDialog(ctx, wruntime.OpenDialogOptions{Title: title})
}

func (wailsRuntime) OpenURL(ctx context.Context, url string) { wruntime.BrowserOpenURL(ctx, url) }
