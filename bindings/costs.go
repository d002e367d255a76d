package bindings

import (
	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/repocost"
	"github.com/kodusbyok/studio/backend/studio"
)

// Costs prices reviews, from assumptions or from a repository's history.
type Costs struct{ s *Session }

// CostDefaults returns the estimator's documented default assumptions.
func (b *Costs) CostDefaults() cost.Assumptions { return cost.DefaultAssumptions() }

// EstimateCost prices reviews per PR and per month; broken assumptions come
// back as field errors. The backend is the only place the arithmetic lives.
func (b *Costs) EstimateCost(req studio.CostRequest) (studio.CostResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.CostResult, error) { return st.Costs().Cost(req) })
}

// SetPrice stores a price typed by hand for one model (and plan).
func (b *Costs) SetPrice(in cost.ManualPrice) (studio.PriceSaveResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.PriceSaveResult, error) { return st.Costs().SetPrice(in) })
}

// UnsetPrice removes a manual price, back to the bundled or imported one.
func (b *Costs) UnsetPrice(model, plan string) error {
	return call0(b.s, func(st *studio.Studio) error { return st.Costs().UnsetPrice(model, plan) })
}

// Repos is "Use my repository": the scan whose changes the cost prices.
type Repos struct{ s *Session }

// RepoDefaults returns what "Use my repository" starts from: the window,
// the context lines, how a change maps to calls, and the ignore list in
// force (saved in bbolt, or the defaults).
func (b *Repos) RepoDefaults() (studio.RepoDefaults, error) {
	return call(b.s, func(st *studio.Studio) (studio.RepoDefaults, error) { return st.Repos().RepoDefaults() })
}

// PickRepoFolder opens the system folder picker; "" when cancelled.
func (b *Repos) PickRepoFolder() (dir string, err error) {
	defer guard(&err)
	return b.s.rt.PickFolder(b.s.ctx, "Choose a git repository")
}

const repoScanRun = "repo-scan"

// ScanRepo reads a repository's window and measures its changes, emitting
// "repocost:progress" events as it goes; CancelRepoScan stops it. The
// result is kept in memory and priced by EstimateCost (CostRequest.repo).
func (b *Repos) ScanRepo(req studio.RepoScanRequest) (studio.RepoScanResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.RepoScanResult, error) {
		// One scan at a time: a new one replaces (cancels) the old.
		ctx, done := b.s.runs.Start(b.s.ctx, repoScanRun)
		defer done()
		return st.Repos().ScanRepo(ctx, req, func(p repocost.Progress) { b.s.rt.Emit(b.s.ctx, studio.RepoProgressEvent, p) })
	})
}

// CancelRepoScan stops the running scan, if any.
func (b *Repos) CancelRepoScan() { b.s.runs.Cancel(repoScanRun) }

// SaveRepoIgnore checks and saves the edited ignore list; an empty list
// restores the defaults. Broken patterns come back as field errors.
func (b *Repos) SaveRepoIgnore(lines []string) ([]profile.FieldError, error) {
	return call(b.s, func(st *studio.Studio) ([]profile.FieldError, error) { return st.Repos().SaveRepoIgnore(lines) })
}
