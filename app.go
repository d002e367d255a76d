package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/options"
	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/doctor"
	"github.com/kodusbyok/studio/backend/studio"
)

// App is the GUI adapter: each bound method delegates to backend/studio and
// returns typed DTOs. None of them returns a key; a pasted key only travels
// inward (SaveSlot, PreviewKey).
type App struct {
	ctx context.Context

	once    sync.Once
	studio  *studio.Studio
	openErr error
}

// NewApp creates the adapter; the studio opens on first use.
func NewApp() *App { return &App{ctx: context.Background()} }

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

func (a *App) shutdown(context.Context) {}

func (a *App) onSecondInstance(options.SecondInstanceData) {
	wruntime.WindowUnminimise(a.ctx)
	wruntime.Show(a.ctx)
}

func (a *App) svc() (*studio.Studio, error) {
	a.once.Do(func() { a.studio, a.openErr = studio.Open(studio.Options{}) })
	return a.studio, a.openErr
}

// guard turns a panic in a bound method into an error for the frontend,
// so no panic reaches the user as a dead window.
func guard(err *error) {
	if r := recover(); r != nil {
		slog.Error("bound method panicked", "panic", r)
		*err = fmt.Errorf("internal error: %v", r)
	}
}

// Environment describes the data dir and keychain (or why they failed).
func (a *App) Environment() (info studio.EnvInfo, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return studio.EnvInfo{Error: err.Error()}, nil
	}
	return s.Env(), nil
}

// UnlockKeychain gives the file keychain its passphrase.
func (a *App) UnlockKeychain(passphrase string) (err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return err
	}
	return s.Unlock(a.ctx, passphrase)
}

// Doctor runs the same checks as `kodus-byok doctor`.
func (a *App) Doctor() (r doctor.Report, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return r, err
	}
	return doctor.Run(a.ctx, s), nil
}

// OpenURL opens a web page (a provider's key page, docs) in the user's
// browser; only https links, so the webview is never navigated away.
func (a *App) OpenURL(link string) (err error) {
	defer guard(&err)
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("not an https link: %q", link)
	}
	wruntime.BrowserOpenURL(a.ctx, u.String())
	return nil
}

// Catalog returns the embedded catalog.
func (a *App) Catalog() *catalog.Catalog { return catalog.Default() }

// Draft pre-fills a slot from a catalog card and plan.
func (a *App) Draft(modelID, plan string) (in studio.SlotInput, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return in, err
	}
	sl, err := s.Draft(modelID, plan)
	return studio.InputFromSlot(sl), err
}

// CheckSlot validates a slot being edited for a profile slot and says
// whether its stored key is kept.
func (a *App) CheckSlot(profileName, slot string, in studio.SlotInput) (c studio.SlotCheck, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return c, err
	}
	return s.CheckSlot(profileName, slot, in), nil
}

// PreviewKey cleans a pasted key and returns its masked form and notes.
func (a *App) PreviewKey(raw string) studio.KeyPreview { return studio.PreviewKey(raw) }

// Profiles lists the saved profiles.
func (a *App) Profiles() (ps []studio.ProfileView, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return nil, err
	}
	return s.Profiles()
}

// Profile returns one profile.
func (a *App) Profile(name string) (p studio.ProfileView, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return p, err
	}
	return s.Profile(name)
}

// SlotInput returns a saved slot in editable form.
func (a *App) SlotInput(name, slot string) (in studio.SlotInput, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return in, err
	}
	p, err := s.Store.Profile(name)
	if err != nil {
		return in, err
	}
	sl, ok := p.Slot(slot)
	if !ok {
		return in, fmt.Errorf("profile %q has no %s slot", name, slot)
	}
	return studio.InputFromSlot(sl), nil
}

// SaveSlot saves one slot and its key.
func (a *App) SaveSlot(req studio.SaveSlotRequest) (res studio.SaveSlotResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	return s.SaveSlot(a.ctx, req)
}

// DeleteProfile removes a profile and its keys; it returns warnings.
func (a *App) DeleteProfile(name string) (notices []string, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return nil, err
	}
	notices, err = s.Delete(a.ctx, name)
	return nonNil(notices), err
}

// DeleteFallback removes only the Fallback slot.
func (a *App) DeleteFallback(name string) (res studio.FallbackRemoval, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	p, notices, err := s.DeleteFallback(a.ctx, name)
	return studio.FallbackRemoval{Profile: p, Notices: nonNil(notices)}, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ---- thinking presets, Custom JSON, OpenRouter pinning (issue 4) ----

// PreviewThinking is the live "Kodus will send" of a slot being edited:
// the providerOptions and a note per rule, or the Custom JSON's problems
// with line and column.
func (a *App) PreviewThinking(slot string, in studio.SlotInput) (p studio.ThinkingPreview, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return p, err
	}
	return s.PreviewThinking(slot, in), nil
}
