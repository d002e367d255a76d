//go:build desktop || dev || production || bindings

package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/concurrency"
	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/discover"
	"github.com/kodusbyok/studio/backend/doctor"
	"github.com/kodusbyok/studio/backend/keyshape"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/repocost"
	"github.com/kodusbyok/studio/backend/studio"
	"github.com/kodusbyok/studio/backend/watch"
)

// App is the GUI adapter: each bound method delegates to backend/studio and
// returns typed DTOs. None of them returns a key; a pasted key only travels
// inward (SaveSlot, PreviewKey).
type App struct {
	ctx context.Context

	once    sync.Once
	mu      sync.RWMutex // guards studio: the Kodus line can change it
	studio  *studio.Studio
	openErr error
	runs    studio.Runs
}

// NewApp creates the adapter; the studio opens on first use.
func NewApp() *App { return &App{ctx: context.Background()} }

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	go a.watchProfiles(ctx)
}

// ProfilesChangedEvent tells the GUI that the profile database changed on
// disk (the command line saved a profile): it reloads the list.
const ProfilesChangedEvent = "profiles:changed"

// watchProfiles polls the profile database's stamp once a second for the
// life of the window.
func (a *App) watchProfiles(ctx context.Context) {
	s, err := a.svc()
	if err != nil {
		return
	}
	t := time.NewTicker(time.Second)
	defer t.Stop()
	watch.Poll(ctx, t.C, func() string { return watch.Stamp(s.Store.Path) }, func() {
		wruntime.EventsEmit(ctx, ProfilesChangedEvent)
	})
}

func (a *App) shutdown(context.Context) {}

func (a *App) onSecondInstance(options.SecondInstanceData) {
	wruntime.WindowUnminimise(a.ctx)
	wruntime.Show(a.ctx)
}

func (a *App) svc() (*studio.Studio, error) {
	a.once.Do(func() { a.studio, a.openErr = studio.Open(studio.Options{}) })
	a.mu.RLock()
	defer a.mu.RUnlock()
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

// run calls fn with the opened studio, turning a failure to open it into
// fn's error and a panic into an error for the frontend (guard), so no
// panic reaches the user as a dead window.
func run[T any](a *App, fn func(*studio.Studio) (T, error)) (res T, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	return fn(s)
}

// run0 is run for methods that return only an error.
func run0(a *App, fn func(*studio.Studio) error) error {
	_, err := run(a, func(s *studio.Studio) (struct{}, error) { return struct{}{}, fn(s) })
	return err
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
func (a *App) UnlockKeychain(passphrase string) error {
	return run0(a, func(s *studio.Studio) error { return s.Unlock(a.ctx, passphrase) })
}

// Doctor runs the same checks as `kodus-byok doctor`.
func (a *App) Doctor() (doctor.Report, error) {
	return run(a, func(s *studio.Studio) (doctor.Report, error) { return doctor.Run(a.ctx, s), nil })
}

// OpenURL opens a web page (a provider's key page, docs) in the user's
// browser; only https links, so the webview is never navigated away.
func (a *App) OpenURL(link string) (err error) {
	defer guard(&err)
	u, err := httpsLink(link)
	if err != nil {
		return err
	}
	wruntime.BrowserOpenURL(a.ctx, u)
	return nil
}

// Catalog returns the catalog of the Kodus line the app follows.
func (a *App) Catalog() (*catalog.Catalog, error) {
	return run(a, func(s *studio.Studio) (*catalog.Catalog, error) { return s.Catalog, nil })
}

// KodusLine describes the Kodus release line the app follows.
func (a *App) KodusLine() (studio.LineInfo, error) {
	return run(a, func(s *studio.Studio) (studio.LineInfo, error) { return s.LineInfo(), nil })
}

// SetKodusLine saves the Kodus release line in the data dir; every view
// follows it from the next call on.
func (a *App) SetKodusLine(id string) (studio.LineInfo, error) {
	return run(a, func(s *studio.Studio) (studio.LineInfo, error) {
		next, info, err := s.SetLine(id)
		if err != nil {
			return info, err
		}
		a.mu.Lock()
		a.studio = next
		a.mu.Unlock()
		return info, nil
	})
}

// SlotMoves says which slots of a profile the Kodus line now recommends
// moving (a GLM 5.1 slot to GLM 5.2 on zai…), and what moving changes.
func (a *App) SlotMoves(name string) ([]studio.SlotMove, error) {
	return run(a, func(s *studio.Studio) ([]studio.SlotMove, error) {
		p, err := s.Store.Profile(name)
		if err != nil {
			return nil, err
		}
		return s.Moves(p), nil
	})
}

// MoveSlot moves one slot to what the Kodus line recommends: same key,
// same plan, the user's settings kept.
func (a *App) MoveSlot(name, slot string) (studio.MoveResult, error) {
	return run(a, func(s *studio.Studio) (studio.MoveResult, error) { return s.MoveSlot(a.ctx, name, slot) })
}

// Draft pre-fills a slot from a catalog card and plan.
func (a *App) Draft(modelID, plan string) (studio.SlotInput, error) {
	return run(a, func(s *studio.Studio) (in studio.SlotInput, err error) {
		sl, err := s.Draft(modelID, plan)
		return studio.InputFromSlot(sl), err
	})
}

// CheckSlot validates a slot being edited for a profile slot and says
// whether its stored key is kept.
func (a *App) CheckSlot(profileName, slot string, in studio.SlotInput) (studio.SlotCheck, error) {
	return run(a, func(s *studio.Studio) (studio.SlotCheck, error) { return s.CheckSlot(profileName, slot, in), nil })
}

// PreviewKey cleans a pasted key and returns its masked form and notes.
func (a *App) PreviewKey(raw string) studio.KeyPreview { return studio.PreviewKey(raw) }

// Profiles lists the saved profiles.
func (a *App) Profiles() ([]studio.ProfileView, error) {
	return run(a, func(s *studio.Studio) ([]studio.ProfileView, error) { return s.Profiles() })
}

// Profile returns one profile.
func (a *App) Profile(name string) (studio.ProfileView, error) {
	return run(a, func(s *studio.Studio) (studio.ProfileView, error) { return s.Profile(name) })
}

// SlotInput returns a saved slot in editable form.
func (a *App) SlotInput(name, slot string) (studio.SlotInput, error) {
	return run(a, func(s *studio.Studio) (in studio.SlotInput, err error) {
		p, err := s.Store.Profile(name)
		if err != nil {
			return in, err
		}
		sl, ok := p.Slot(slot)
		if !ok {
			return in, fmt.Errorf("profile %q has no %s slot", name, slot)
		}
		return studio.InputFromSlot(sl), nil
	})
}

// SaveSlot saves one slot and its key.
func (a *App) SaveSlot(req studio.SaveSlotRequest) (studio.SaveSlotResult, error) {
	return run(a, func(s *studio.Studio) (studio.SaveSlotResult, error) { return s.SaveSlot(a.ctx, req) })
}

// DeleteProfile removes a profile and its keys; it returns warnings.
func (a *App) DeleteProfile(name string) ([]string, error) {
	return run(a, func(s *studio.Studio) ([]string, error) { return s.Delete(a.ctx, name) })
}

// DeleteFallback removes only the Fallback slot.
func (a *App) DeleteFallback(name string) (studio.FallbackRemoval, error) {
	return run(a, func(s *studio.Studio) (studio.FallbackRemoval, error) { return s.RemoveFallback(a.ctx, name) })
}

// ---- key recognition and local server discovery ----

// CheckKey says whether a pasted key fits the slot being edited and, when
// it surely belongs to another card or plan, which one. The key goes in;
// only the verdict (with the key family's generic prefix) comes out. It
// never switches anything itself.
func (a *App) CheckKey(raw string, in studio.SlotInput) (v keyshape.Verdict, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return v, err
	}
	t := keyshape.Target{Provider: in.Provider, Model: in.Model, Plan: in.Plan, BaseURL: in.BaseURL}
	return keyshape.Check(raw, t, s.Catalog), nil
}

// DiscoverServers probes the local LLM servers (the defaults, or
// KODUS_BYOK_DISCOVER_URLS, plus the URLs given) in parallel; it returns
// within about a second when nothing answers.
func (a *App) DiscoverServers(req discover.Request) (res discover.Result, err error) {
	defer guard(&err)
	var defaults []string
	if !req.OnlyURLs {
		if defaults, err = discover.DefaultsFromEnv(os.Getenv); err != nil {
			return res, err
		}
	}
	// A key goes only to the server the user named it for.
	key := ""
	if req.OnlyURLs {
		key = req.Key
	}
	return discover.Run(a.ctx, discover.Options{Defaults: defaults, URLs: req.URLs, Key: key})
}

// ---- cost ----

// CostDefaults returns the estimator's documented default assumptions.
func (a *App) CostDefaults() cost.Assumptions { return cost.DefaultAssumptions() }

// EstimateCost prices reviews per PR and per month; broken assumptions come
// back as field errors. The backend is the only place the arithmetic lives.
func (a *App) EstimateCost(req studio.CostRequest) (studio.CostResult, error) {
	return run(a, func(s *studio.Studio) (studio.CostResult, error) { return s.Cost(req) })
}

// SetPrice stores a price typed by hand for one model (and plan).
func (a *App) SetPrice(in cost.ManualPrice) (studio.PriceSaveResult, error) {
	return run(a, func(s *studio.Studio) (studio.PriceSaveResult, error) { return s.SetPrice(in) })
}

// UnsetPrice removes a manual price, back to the bundled or imported one.
func (a *App) UnsetPrice(model, plan string) error {
	return run0(a, func(s *studio.Studio) error { return s.UnsetPrice(model, plan) })
}

// ---- key test ----

// TestSlotSettings tests settings that are not saved yet with the pasted
// key (or the stored one that saving would keep). The key only goes to the
// provider; the result carries it redacted, never in clear.
func (a *App) TestSlotSettings(req studio.TestSlotRequest) (studio.TestSlotResult, error) {
	return run(a, func(s *studio.Studio) (studio.TestSlotResult, error) { return s.TestSettings(a.ctx, req) })
}

// TestProfileSlot tests one saved slot with its key from the keychain. The
// GUI calls it for Main and Fallback at once and shows each as it arrives.
func (a *App) TestProfileSlot(name, slot string) (keytest.Result, error) {
	return run(a, func(s *studio.Studio) (res keytest.Result, err error) {
		results, err := s.TestSaved(a.ctx, name, []string{slot}, 0)
		if err != nil {
			return res, err
		}
		return results[0], nil
	})
}

// DescribeKeyTest says what Test will send for these settings, so the
// GUI can say so before an inference request.
func (a *App) DescribeKeyTest(in studio.SlotInput, key string) (keytest.Probe, error) {
	return run(a, func(s *studio.Studio) (keytest.Probe, error) { return s.DescribeTest(in, key), nil })
}

// ---- .env export ----

// ExportEnv describes a profile's Fixed Mode block: variables (key masked),
// Kodus's inference, warnings and what Fixed Mode cannot carry.
func (a *App) ExportEnv(profileName string, opts studio.EnvOptions) (studio.EnvExportView, error) {
	return run(a, func(s *studio.Studio) (studio.EnvExportView, error) { return s.ExportEnv(a.ctx, profileName, opts) })
}

// CopyEnvBlock puts the block, key included, on the clipboard from Go, so
// the key never reaches the frontend; it is cleared after a minute if the
// clipboard still holds it (best effort).
func (a *App) CopyEnvBlock(profileName string, opts studio.EnvOptions) error {
	return run0(a, func(s *studio.Studio) (err error) {
		b, _, err := s.EnvBlock(a.ctx, profileName, opts)
		if err != nil {
			return err
		}
		text, err := b.Render(false)
		if err != nil {
			return err
		}
		if err := wruntime.ClipboardSetText(a.ctx, text); err != nil {
			return fmt.Errorf("copy to the clipboard: %w", err)
		}
		go func() {
			time.Sleep(time.Minute)
			if cur, err := wruntime.ClipboardGetText(a.ctx); err == nil && cur == text {
				_ = wruntime.ClipboardSetText(a.ctx, "")
			}
		}()
		return nil
	})
}

// WriteEnv writes the block (or a complete .env) to a new file.
func (a *App) WriteEnv(req studio.EnvWriteRequest) (studio.EnvWriteResult, error) {
	return run(a, func(s *studio.Studio) (studio.EnvWriteResult, error) {
		res, err := s.WriteEnv(a.ctx, req)
		return studio.AskToReplace(req.Path, res, err)
	})
}

// PlanEnvMerge returns the masked diff of merging the block into a file.
func (a *App) PlanEnvMerge(req studio.EnvMergeRequest) (studio.EnvMergePlan, error) {
	return run(a, func(s *studio.Studio) (studio.EnvMergePlan, error) { return s.PlanEnvMerge(a.ctx, req) })
}

// ApplyEnvMerge writes the merge the user confirmed (backup, atomic, mode kept).
func (a *App) ApplyEnvMerge(req studio.EnvMergeRequest) (studio.EnvWriteResult, error) {
	return run(a, func(s *studio.Studio) (studio.EnvWriteResult, error) { return s.ApplyEnvMerge(a.ctx, req) })
}

// InspectEnv reads a .env as Kodus would, the key masked.
func (a *App) InspectEnv(path string) (studio.EnvInspectView, error) {
	return run(a, func(s *studio.Studio) (studio.EnvInspectView, error) { return s.InspectEnv(path) })
}

// ImportEnv turns a .env's Fixed Mode block into a new profile.
func (a *App) ImportEnv(path, profileName string) (studio.ImportResult, error) {
	return run(a, func(s *studio.Studio) (studio.ImportResult, error) { return s.ImportEnvFile(a.ctx, path, profileName) })
}

// BYOKJSON is the profile as Kodus's BYOK config, without keys.
func (a *App) BYOKJSON(profileName string) (studio.BYOKView, error) {
	return run(a, func(s *studio.Studio) (studio.BYOKView, error) { return s.BYOKJSON(a.ctx, profileName) })
}

// WriteBYOKFile writes the BYOK config to a new file (0600); keys only when
// the user confirmed including them.
func (a *App) WriteBYOKFile(profileName, path string, withKeys, force bool) (studio.EnvWriteResult, error) {
	return run(a, func(s *studio.Studio) (studio.EnvWriteResult, error) {
		res, err := s.WriteBYOK(a.ctx, profileName, path, withKeys, force)
		return studio.AskToReplace(path, res, err)
	})
}

// ---- thinking presets, Custom JSON, OpenRouter pinning ----

// PreviewThinking is the live "Kodus will send" of a slot being edited:
// the providerOptions and a note per rule, or the Custom JSON's problems
// with line and column.
func (a *App) PreviewThinking(slot string, in studio.SlotInput) (studio.ThinkingPreview, error) {
	return run(a, func(s *studio.Studio) (studio.ThinkingPreview, error) { return s.PreviewThinking(slot, in), nil })
}

// ---- cost from your own history ----

// RepoDefaults returns what "Use my repository" starts from: the window,
// the context lines, how a change maps to calls, and the ignore list in
// force (saved in bbolt, or the defaults).
func (a *App) RepoDefaults() (studio.RepoDefaults, error) {
	return run(a, func(s *studio.Studio) (studio.RepoDefaults, error) { return s.RepoDefaults() })
}

// PickRepoFolder opens the system folder picker; "" when cancelled.
func (a *App) PickRepoFolder() (dir string, err error) {
	defer guard(&err)
	return wruntime.OpenDirectoryDialog(a.ctx, wruntime.OpenDialogOptions{Title: "Choose a git repository", CanCreateDirectories: false})
}

// ScanRepo reads a repository's window and measures its changes, emitting
// "repocost:progress" events as it goes; CancelRepoScan stops it. The
// result is kept in memory and priced by EstimateCost (CostRequest.repo).
func (a *App) ScanRepo(req studio.RepoScanRequest) (studio.RepoScanResult, error) {
	return run(a, func(s *studio.Studio) (studio.RepoScanResult, error) {
		// One scan at a time: a new one replaces (cancels) the old.
		ctx, done := a.runs.Start(a.ctx, "repo-scan")
		defer done()
		return s.ScanRepo(ctx, req, func(p repocost.Progress) { wruntime.EventsEmit(a.ctx, studio.RepoProgressEvent, p) })
	})
}

// CancelRepoScan stops the running scan, if any.
func (a *App) CancelRepoScan() { a.runs.Cancel("repo-scan") }

// SaveRepoIgnore checks and saves the edited ignore list; an empty list
// restores the defaults. Broken patterns come back as field errors.
func (a *App) SaveRepoIgnore(lines []string) ([]profile.FieldError, error) {
	return run(a, func(s *studio.Studio) ([]profile.FieldError, error) { return s.SaveRepoIgnore(lines) })
}

// ---- settings dry run ----

// DryRunSlot builds the request Kodus sends for a slot's review calls —
// the saved slot (req.Config nil) or settings being edited — and, unless
// req.Preview, sends it once. The key goes only to the provider; the
// request shown carries it redacted.
func (a *App) DryRunSlot(req studio.DryRunRequest) (studio.DryRunResult, error) {
	return run(a, func(s *studio.Studio) (studio.DryRunResult, error) { return s.DryRun(a.ctx, req) })
}

// ---- concurrency tuning ----

// ConcurrencyInfo describes the concurrency of a slot being edited: its
// pre-fill and why, the warnings for the profile, the review time per
// setting, and what Measure would send.
func (a *App) ConcurrencyInfo(req studio.ConcurrencyRequest) (studio.ConcurrencyView, error) {
	return run(a, func(s *studio.Studio) (studio.ConcurrencyView, error) { return s.Concurrency(req) })
}

// MeasureConcurrency runs the concurrency probe (billed requests; the GUI
// says how many before it calls this). Progress arrives as
// concurrency:progress events; CancelConcurrencyMeasure stops it.
func (a *App) MeasureConcurrency(req studio.MeasureRequest) (concurrency.Report, error) {
	return run(a, func(s *studio.Studio) (concurrency.Report, error) {
		ctx, done := a.runs.Start(a.ctx, "measure:"+req.ID)
		defer done()
		return s.Measure(ctx, req, func(p concurrency.Progress) {
			wruntime.EventsEmit(a.ctx, studio.ConcurrencyProgressEvent, studio.ConcurrencyProgress{ID: req.ID, Progress: p})
		})
	})
}

// CancelConcurrencyMeasure stops a running measurement; its requests
// already in flight are abandoned.
func (a *App) CancelConcurrencyMeasure(id string) error {
	a.runs.Cancel("measure:" + id)
	return nil
}
