package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
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

// ---- key recognition and local server discovery (issue 8) ----

// CheckKey says whether a pasted key fits the slot being edited and, when
// it surely belongs to another card or plan, which one. The key goes in;
// only the verdict (with the key family's generic prefix) comes out. It
// never switches anything itself.
func (a *App) CheckKey(raw string, in studio.SlotInput) (v keyshape.Verdict, err error) {
	defer guard(&err)
	t := keyshape.Target{Provider: in.Provider, Model: in.Model, Plan: in.Plan, BaseURL: in.BaseURL}
	return keyshape.Check(raw, t, catalog.Default()), nil
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
	return discover.Run(a.ctx, discover.Options{Defaults: defaults, URLs: req.URLs})
}

// ---- cost (issue 6) ----

// CostDefaults returns the estimator's documented default assumptions.
func (a *App) CostDefaults() cost.Assumptions { return cost.DefaultAssumptions() }

// EstimateCost prices reviews per PR and per month; broken assumptions come
// back as field errors. The backend is the only place the arithmetic lives.
func (a *App) EstimateCost(req studio.CostRequest) (res studio.CostResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	return s.Cost(req)
}

// SetPrice stores a price typed by hand for one model (and plan).
func (a *App) SetPrice(in cost.ManualPrice) (res studio.PriceSaveResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	return s.SetPrice(in)
}

// UnsetPrice removes a manual price, back to the bundled or imported one.
func (a *App) UnsetPrice(model, plan string) (err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return err
	}
	return s.UnsetPrice(model, plan)
}

// ---- key test (issue 3) ----

// TestSlotSettings tests settings that are not saved yet with the pasted
// key (or the stored one that saving would keep). The key only goes to the
// provider; the result carries it redacted, never in clear.
func (a *App) TestSlotSettings(req studio.TestSlotRequest) (res studio.TestSlotResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	return s.TestSettings(a.ctx, req)
}

// TestProfileSlot tests one saved slot with its key from the keychain. The
// GUI calls it for Main and Fallback at once and shows each as it arrives.
func (a *App) TestProfileSlot(name, slot string) (res keytest.Result, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	results, err := s.TestSaved(a.ctx, name, []string{slot}, 0)
	if err != nil {
		return res, err
	}
	return results[0], nil
}

// DescribeKeyTest says what Test will send for these settings, so the
// GUI can say so before an inference request.
func (a *App) DescribeKeyTest(in studio.SlotInput, key string) (p keytest.Probe, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return p, err
	}
	return s.DescribeTest(in, key), nil
}

// ---- .env export (issue 5) ----

// ExportEnv describes a profile's Fixed Mode block: variables (key masked),
// Kodus's inference, warnings and what Fixed Mode cannot carry.
func (a *App) ExportEnv(profileName string, opts studio.EnvOptions) (v studio.EnvExportView, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return v, err
	}
	return s.ExportEnv(a.ctx, profileName, opts)
}

// CopyEnvBlock puts the block, key included, on the clipboard from Go, so
// the key never reaches the frontend; it is cleared after a minute if the
// clipboard still holds it (best effort).
func (a *App) CopyEnvBlock(profileName string, opts studio.EnvOptions) (err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return err
	}
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
}

// WriteEnv writes the block (or a complete .env) to a new file.
func (a *App) WriteEnv(req studio.EnvWriteRequest) (r studio.EnvWriteResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return r, err
	}
	return s.WriteEnv(a.ctx, req)
}

// PlanEnvMerge returns the masked diff of merging the block into a file.
func (a *App) PlanEnvMerge(req studio.EnvMergeRequest) (p studio.EnvMergePlan, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return p, err
	}
	return s.PlanEnvMerge(a.ctx, req)
}

// ApplyEnvMerge writes the merge the user confirmed (backup, atomic, mode kept).
func (a *App) ApplyEnvMerge(req studio.EnvMergeRequest) (r studio.EnvWriteResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return r, err
	}
	return s.ApplyEnvMerge(a.ctx, req)
}

// InspectEnv reads a .env as Kodus would, the key masked.
func (a *App) InspectEnv(path string) (v studio.EnvInspectView, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return v, err
	}
	return s.InspectEnv(path)
}

// ImportEnv turns a .env's Fixed Mode block into a new profile.
func (a *App) ImportEnv(path, profileName string) (r studio.ImportResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return r, err
	}
	res, err := s.ImportEnv(a.ctx, path, profileName, false)
	if err != nil {
		return r, err
	}
	return studio.ImportResult{Profile: res.Profile, Notices: nonNil(res.Notices)}, nil
}

// BYOKJSON is the profile as Kodus's BYOK config, without keys.
func (a *App) BYOKJSON(profileName string) (v studio.BYOKView, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return v, err
	}
	return s.BYOKJSON(a.ctx, profileName)
}

// WriteBYOKFile writes the BYOK config to a new file (0600); keys only when
// the user confirmed including them.
func (a *App) WriteBYOKFile(profileName, path string, withKeys, force bool) (r studio.EnvWriteResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return r, err
	}
	return s.WriteBYOK(a.ctx, profileName, path, withKeys, force)
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

// ---- cost from your own history (issue 9) ----

// repoScan holds the running scan's cancel, for the Cancel button.
var repoScan struct {
	sync.Mutex
	cancel context.CancelFunc
}

// RepoDefaults returns what "Use my repository" starts from: the window,
// the context lines, how a change maps to calls, and the ignore list in
// force (saved in bbolt, or the defaults).
func (a *App) RepoDefaults() (d studio.RepoDefaults, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return d, err
	}
	return s.RepoDefaults()
}

// PickRepoFolder opens the system folder picker; "" when cancelled.
func (a *App) PickRepoFolder() (dir string, err error) {
	defer guard(&err)
	return wruntime.OpenDirectoryDialog(a.ctx, wruntime.OpenDialogOptions{Title: "Choose a git repository", CanCreateDirectories: false})
}

// ScanRepo reads a repository's window and measures its changes, emitting
// "repocost:progress" events as it goes; CancelRepoScan stops it. The
// result is kept in memory and priced by EstimateCost (CostRequest.repo).
func (a *App) ScanRepo(req studio.RepoScanRequest) (res studio.RepoScanResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	ctx, cancel := context.WithCancel(a.ctx)
	repoScan.Lock()
	if repoScan.cancel != nil {
		repoScan.cancel() // one scan at a time: a new one replaces the old
	}
	repoScan.cancel = cancel
	repoScan.Unlock()
	defer func() {
		repoScan.Lock()
		cancel()
		repoScan.cancel = nil
		repoScan.Unlock()
	}()
	return s.ScanRepo(ctx, req, func(p repocost.Progress) { wruntime.EventsEmit(a.ctx, "repocost:progress", p) })
}

// CancelRepoScan stops the running scan, if any.
func (a *App) CancelRepoScan() {
	repoScan.Lock()
	defer repoScan.Unlock()
	if repoScan.cancel != nil {
		repoScan.cancel()
	}
}

// SaveRepoIgnore checks and saves the edited ignore list; an empty list
// restores the defaults. Broken patterns come back as field errors.
func (a *App) SaveRepoIgnore(lines []string) (fes []profile.FieldError, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return nil, err
	}
	return s.SaveRepoIgnore(lines)
}

// ---- settings dry run (issue 10) ----

// DryRunSlot builds the request Kodus sends for a slot's review calls —
// the saved slot (req.Config nil) or settings being edited — and, unless
// req.Preview, sends it once. The key goes only to the provider; the
// request shown carries it redacted.
func (a *App) DryRunSlot(req studio.DryRunRequest) (res studio.DryRunResult, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return res, err
	}
	return s.DryRun(a.ctx, req)
}

// ---- concurrency tuning (issue 7) ----

// concurrencyProgressEvent carries a running measurement's progress to the
// GUI; ID is the run's own, so a stale run's events are ignored.
const concurrencyProgressEvent = "concurrency:progress"

// ConcurrencyProgress is the payload of a concurrency:progress event.
type ConcurrencyProgress struct {
	ID       string               `json:"id"`
	Progress concurrency.Progress `json:"progress"`
}

// measureRuns holds the cancel of each running measurement, by run ID.
var measureRuns sync.Map

// ConcurrencyInfo describes the concurrency of a slot being edited: its
// pre-fill and why, the warnings for the profile, the review time per
// setting, and what Measure would send.
func (a *App) ConcurrencyInfo(req studio.ConcurrencyRequest) (v studio.ConcurrencyView, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return v, err
	}
	return s.Concurrency(req)
}

// MeasureConcurrency runs the concurrency probe (billed requests; the GUI
// says how many before it calls this). Progress arrives as
// concurrency:progress events; CancelConcurrencyMeasure stops it.
func (a *App) MeasureConcurrency(req studio.MeasureRequest) (rep concurrency.Report, err error) {
	defer guard(&err)
	s, err := a.svc()
	if err != nil {
		return rep, err
	}
	ctx, cancel := context.WithCancel(a.ctx)
	defer cancel()
	if req.ID != "" {
		measureRuns.Store(req.ID, cancel)
		defer measureRuns.Delete(req.ID)
	}
	return s.Measure(ctx, req, func(p concurrency.Progress) {
		wruntime.EventsEmit(a.ctx, concurrencyProgressEvent, ConcurrencyProgress{ID: req.ID, Progress: p})
	})
}

// CancelConcurrencyMeasure stops a running measurement; its requests
// already in flight are abandoned.
func (a *App) CancelConcurrencyMeasure(id string) (err error) {
	defer guard(&err)
	if c, ok := measureRuns.Load(id); ok {
		c.(context.CancelFunc)()
	}
	return nil
}
