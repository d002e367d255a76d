package studio

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/repocost"
	"github.com/kodusbyok/studio/backend/store"
)

// Costs prices reviews and keeps the prices in force.
type Costs struct{ *core }

// Costs is the cost service.
func (s *Studio) Costs() *Costs { return &Costs{s.c} }

// CostRequest is what the Cost view and `kodus-byok cost` ask: the models
// (explicit, the recommended ones, all, or a profile's slots) and the
// assumptions.
type CostRequest struct {
	Assumptions cost.Assumptions `json:"assumptions"`
	Models      []cost.Ref       `json:"models"`
	All         bool             `json:"all"`
	Profile     string           `json:"profile"`
	// SlotThinking prices each profile slot at its own saved level.
	SlotThinking bool `json:"slotThinking"`
	// Exact prices exactly these tokens as one PR, nothing else assumed.
	Exact *ExactTokens `json:"exact,omitempty"`
	// Workload, when set, replaces the assumptions' typical PR with real
	// PRs (each call with its own token counts), e.g. from a git history.
	Workload *cost.Workload `json:"workload,omitempty"`
	// Levels adds each row's monthly cost at every thinking level.
	Levels bool `json:"levels"`
	// Repo prices a scanned repository's window (ScanRepo) instead of the
	// assumptions' typical PR.
	Repo *RepoCost `json:"repo,omitempty"`
}

// ExactTokens are token totals to price as they are (as on a bill).
type ExactTokens struct {
	InputTokens  int64 `json:"inputTokens"`
	OutputTokens int64 `json:"outputTokens"`
}

// CostResult is a comparison, or the fields that stopped it.
type CostResult struct {
	Report      *cost.Report         `json:"report,omitempty"`
	FieldErrors []profile.FieldError `json:"fieldErrors"`
	// Repo is set when a repository was priced.
	Repo *RepoReport `json:"repo,omitempty"`
}

// priceBookCache keeps the price book of the data file, reloaded when the
// file changes (the CLI may import while the GUI is open), so the Cost view
// recomputes on every keystroke without re-reading bbolt.
type priceBookCache struct {
	sync.Mutex
	path  string
	mtime time.Time
	book  *cost.Book
}

// PriceBook returns the prices in force: bundled, imported, manual.
func (s *Costs) PriceBook() (*cost.Book, error) {
	priceBooks := s.prices
	priceBooks.Lock()
	defer priceBooks.Unlock()
	var mtime time.Time
	if fi, err := os.Stat(s.store.Path); err == nil {
		mtime = fi.ModTime()
	}
	if priceBooks.book != nil && priceBooks.path == s.store.Path && priceBooks.mtime.Equal(mtime) && !mtime.IsZero() {
		return priceBooks.book, nil
	}
	b, err := cost.LoadBook(s.store)
	if err != nil {
		return nil, err
	}
	priceBooks.path, priceBooks.mtime, priceBooks.book = s.store.Path, mtime, b
	return b, nil
}

// compare prices a profile's slots, or the models asked for (all the
// line's, or its recommended ones, when none are listed).
func (s *Costs) compare(book *cost.Book, req CostRequest, creq cost.Request) (rep cost.Report, fes []profile.FieldError, err error) {
	if req.Profile != "" {
		p, err := s.store.Profile(req.Profile)
		if err != nil {
			return rep, nil, err
		}
		rep, err = book.CompareProfile(p, creq, !req.SlotThinking)
		if es := profile.AsFieldErrors(err); es != nil {
			return rep, flatten(es), nil
		}
		return rep, nil, err
	}
	if len(creq.Models) == 0 {
		creq.Models = book.CatalogRefs(s.catalog(), req.All)
	}
	rep, err = book.Compare(creq)
	if es := profile.AsFieldErrors(err); es != nil {
		return rep, flatten(es), nil
	}
	if err == nil {
		cost.Sort(rep.Rows)
	}
	return rep, nil, err
}

// Cost runs a comparison. Broken assumptions come back as field errors,
// not as an error.
func (s *Costs) Cost(req CostRequest) (CostResult, error) {
	res := CostResult{FieldErrors: []profile.FieldError{}}
	book, err := s.PriceBook()
	if err != nil {
		return res, err
	}
	if err := req.Validate(); err != nil {
		res.FieldErrors = flatten(profile.AsFieldErrors(err))
		return res, nil
	}
	creq := cost.Request{Assumptions: req.Assumptions, Models: req.Models, Levels: req.Levels, Workload: req.Workload}
	if req.Exact != nil {
		zero := int64(0)
		creq.Workload = &cost.Workload{PRsPerMonth: req.Assumptions.PRsPerMonth, PRs: []cost.PR{{Name: "exact tokens", Calls: []cost.Call{
			{Label: "exact tokens", InputTokens: req.Exact.InputTokens, OutputTokens: req.Exact.OutputTokens, ReasoningTokens: &zero},
		}}}}
		creq.BaseTier = true
		creq.Assumptions.Thinking, creq.Assumptions.CacheHit = cost.ThinkingOff, 0
	}
	var scan *repocost.Result
	if req.Repo != nil {
		r, w, fes, err := s.scans.workload(req.Repo, req.Assumptions)
		if err != nil || fes != nil {
			res.FieldErrors = fes
			return res, err
		}
		scan, creq.Workload = r, w
	}
	rep, fes, err := s.compare(book, req, creq)
	if err != nil || fes != nil {
		res.FieldErrors = fes
		return res, err
	}
	if req.Exact != nil {
		// Only these settings applied: say so rather than echo the rest.
		rep.Assumptions = cost.Assumptions{PRsPerMonth: creq.Workload.PRsPerMonth, Thinking: cost.ThinkingOff, FallbackShare: req.Assumptions.FallbackShare, BudgetUSD: req.Assumptions.BudgetUSD}
	}
	if scan != nil {
		// Thousands of changes: the repository report summarises them.
		rep.Assumptions.PRsPerMonth, rep.Assumptions.FilesPerPR = creq.Workload.PRsPerMonth, int64(scan.MedianFiles)
		rep.Workload = nil
		if res.Repo, err = repoReport(scan, req.Repo, &rep); err != nil {
			return res, err
		}
	}
	res.Report = &rep
	return res, nil
}

func exactErrors(e ExactTokens) profile.Errors {
	var es profile.Errors
	for _, f := range []struct {
		name string
		v    int64
	}{{"inputTokens", e.InputTokens}, {"outputTokens", e.OutputTokens}} {
		if f.v < 0 || f.v > 1_000_000_000 {
			es = append(es, &profile.FieldError{Field: f.name, Rule: "must be a whole number from 0 to 1000000000", Value: fmt.Sprint(f.v)})
		}
	}
	return es
}

// PriceSaveResult reports a manual price edit.
type PriceSaveResult struct {
	Saved       bool                 `json:"saved"`
	Price       *cost.Price          `json:"price,omitempty"`
	FieldErrors []profile.FieldError `json:"fieldErrors"`
}

// SetPrice stores a price typed by hand (bbolt, bucket "prices").
func (s *Costs) SetPrice(in cost.ManualPrice) (PriceSaveResult, error) {
	p, err := cost.SetManual(s.store, in, s.now())
	if fes := profile.AsFieldErrors(err); fes != nil {
		return PriceSaveResult{FieldErrors: flatten(fes)}, nil
	}
	if err != nil {
		return PriceSaveResult{}, err
	}
	return PriceSaveResult{Saved: true, Price: &p, FieldErrors: []profile.FieldError{}}, nil
}

// UnsetPrice removes a manual price.
func (s *Costs) UnsetPrice(model, plan string) error {
	err := cost.UnsetManual(s.store, model, plan)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w for %s", cost.ErrNoManualPrice, model)
	}
	return err
}

// ImportPrices reads a LiteLLM price file and makes it the refresh in force.
func (s *Costs) ImportPrices(data []byte, file, pricedAt string) (*cost.ImportReport, error) {
	imp, rep, err := cost.ParseLiteLLM(data, file, pricedAt)
	if err != nil {
		return rep, err
	}
	return rep, cost.Import(s.store, imp, rep, s.now())
}
