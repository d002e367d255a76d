package studio

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/repocost"
	"github.com/kodusbyok/studio/backend/store"
)

// Repos scans a repository's history to price reviews of its own changes.
type Repos struct{ *core }

// Repos is the repository scan service.
func (s *Studio) Repos() *Repos { return &Repos{s.c} }

// RepoScanRequest is "Use my repository" / `cost --repo`: a folder and a
// window (days or a number of changes).
type RepoScanRequest struct {
	Dir       string `json:"dir"`
	Branch    string `json:"branch"`
	SinceDays int    `json:"sinceDays"`
	Last      int    `json:"last"`
	// Ignore is the ignore list, one pattern a line; nil uses the saved one
	// (or the defaults).
	Ignore       []string `json:"ignore"`
	ContextLines int      `json:"contextLines"`
}

// RepoScanResult is a finished scan: its ID prices it (CostRequest.Repo).
type RepoScanResult struct {
	ID          string               `json:"id"`
	Scan        *repocost.Result     `json:"scan,omitempty"`
	FieldErrors []profile.FieldError `json:"fieldErrors"`
}

// RepoCost prices a scan in a CostRequest.
type RepoCost struct {
	ScanID string         `json:"scanId"`
	Calls  repocost.Calls `json:"calls"`
}

// RepoReport is what a repository adds to a comparison.
type RepoReport struct {
	Scan          *repocost.Result `json:"scan"`
	Calls         repocost.Calls   `json:"calls"`
	TokenizerNote string           `json:"tokenizerNote"`
	Biggest       []BigChange      `json:"biggest"`
}

// BigChange is one of the changes that drive the cost: its size, its share
// of the window's tokens and what reviewing it costs per model.
type BigChange struct {
	Hash    string       `json:"hash"`
	Subject string       `json:"subject"`
	When    string       `json:"when"`
	Files   int          `json:"files"`
	Tokens  int64        `json:"tokens"`
	Share   float64      `json:"share"`
	Costs   []ChangeCost `json:"costs"`
}

// ChangeCost is a change's review cost with one row's model.
type ChangeCost struct {
	Model string      `json:"model"`
	Plan  string      `json:"plan,omitempty"`
	Slot  string      `json:"slot,omitempty"`
	Cost  *cost.Money `json:"cost" ts_type:"string"`
}

// IgnoreList is the ignore list in force and whether it is the default.
type IgnoreList struct {
	Lines   []string `json:"lines"`
	Default bool     `json:"default"`
}

const (
	bucketRepoCost = "repocost"
	keyIgnore      = "ignore"
	biggestShown   = 10
	scansKept      = 4
)

// scanCache keeps the last few results in memory, so the Cost view
// reprices a scan on every keystroke without reading the repository again.
type scanCache struct {
	sync.Mutex
	order []string
	byID  map[string]*repocost.Result
}

func (scans *scanCache) keep(r *repocost.Result) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b)
	scans.Lock()
	defer scans.Unlock()
	if scans.byID == nil {
		scans.byID = map[string]*repocost.Result{}
	}
	scans.byID[id] = r
	scans.order = append(scans.order, id)
	if len(scans.order) > scansKept {
		delete(scans.byID, scans.order[0])
		scans.order = scans.order[1:]
	}
	return id
}

func (scans *scanCache) get(id string) (*repocost.Result, bool) {
	scans.Lock()
	defer scans.Unlock()
	r, ok := scans.byID[id]
	return r, ok
}

// RepoIgnore returns the saved ignore list, or the defaults.
func (s *Repos) RepoIgnore() (IgnoreList, error) {
	var lines []string
	found, err := s.store.GetJSON(bucketRepoCost, keyIgnore, &lines)
	if err != nil {
		return IgnoreList{}, err
	}
	if !found {
		return IgnoreList{Lines: append([]string(nil), repocost.DefaultIgnore...), Default: true}, nil
	}
	return IgnoreList{Lines: lines}, nil
}

// SaveRepoIgnore checks and saves an edited ignore list (bbolt); nil or
// empty restores the defaults.
func (s *Repos) SaveRepoIgnore(lines []string) ([]profile.FieldError, error) {
	if len(lines) == 0 {
		if err := s.store.Delete(bucketRepoCost, keyIgnore); err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		return []profile.FieldError{}, nil
	}
	if _, err := repocost.ParseIgnore(lines); err != nil {
		if fes := profile.AsFieldErrors(err); fes != nil {
			return flatten(fes), nil
		}
		return nil, err
	}
	return []profile.FieldError{}, s.store.PutJSON(bucketRepoCost, keyIgnore, lines)
}

// ScanRepo measures a repository's window; progress is reported as it
// goes and ctx stops it. Bad options come back as field errors; a bad
// repository or window as an error (repocost.IsInputError).
func (s *Repos) ScanRepo(ctx context.Context, req RepoScanRequest, progress func(repocost.Progress)) (RepoScanResult, error) {
	res := RepoScanResult{FieldErrors: []profile.FieldError{}}
	ignore := req.Ignore
	if ignore == nil {
		l, err := s.RepoIgnore()
		if err != nil {
			return res, err
		}
		ignore = l.Lines
	}
	o := repocost.Options{Dir: req.Dir, Branch: strings.TrimSpace(req.Branch), Last: req.Last, Ignore: ignore,
		ContextLines: req.ContextLines, Now: s.now, Progress: progress}
	if req.SinceDays > 0 {
		o.Since = time.Duration(req.SinceDays) * 24 * time.Hour
	}
	r, err := repocost.Scan(ctx, o)
	if fes := profile.AsFieldErrors(err); fes != nil {
		res.FieldErrors = flatten(fes)
		return res, nil
	}
	if err != nil {
		return res, err
	}
	res.ID, res.Scan = s.scans.keep(r), r
	return res, nil
}

// repoWorkload turns a kept scan into the comparison's workload.
func (scans *scanCache) workload(rc *RepoCost, a cost.Assumptions) (*repocost.Result, *cost.Workload, []profile.FieldError, error) {
	r, ok := scans.get(rc.ScanID)
	if !ok {
		return nil, nil, []profile.FieldError{{Field: "repo", Rule: "the repository scan is no longer in memory: scan it again", Value: rc.ScanID}}, nil
	}
	if err := rc.Calls.Validate(); err != nil {
		if fes := profile.AsFieldErrors(err); fes != nil {
			return nil, nil, flatten(fes), nil
		}
		return nil, nil, nil, err
	}
	w := r.Workload(a, rc.Calls)
	return r, &w, nil, nil
}

// repoReport adds the repository's side to a finished comparison: the
// biggest changes and what each costs per row, and the tokenizer's caveat.
func repoReport(r *repocost.Result, rc *RepoCost, rep *cost.Report) (*RepoReport, error) {
	out := &RepoReport{Scan: r, Calls: rc.Calls, TokenizerNote: repocost.TokenizerNote, Biggest: []BigChange{}}
	a := rep.Assumptions
	for _, ch := range r.Biggest(biggestShown) {
		big := BigChange{Hash: ch.Hash, Subject: ch.Subject, When: ch.When.Format("2006-01-02"), Files: len(ch.Files), Tokens: ch.Tokens, Costs: []ChangeCost{}}
		if r.TotalTokens > 0 {
			big.Share = float64(ch.Tokens) / float64(r.TotalTokens)
		}
		w := cost.Workload{PRs: []cost.PR{rc.Calls.PR(ch, a)}, PRsPerMonth: 1}
		for _, row := range rep.Rows {
			cc := ChangeCost{Model: row.Model, Plan: row.Plan, Slot: row.Slot}
			if row.Status == cost.StatusPriced && row.Price != nil {
				o := a.Options(row.Thinking)
				o.Provider = row.Provider
				res, err := cost.Estimate(*row.Price, w, o)
				if err != nil {
					return nil, err
				}
				cc.Cost = &res.PerPR.Total
			}
			big.Costs = append(big.Costs, cc)
		}
		out.Biggest = append(out.Biggest, big)
	}
	for i := range rep.Rows {
		if strings.HasPrefix(rep.Rows[i].Model, "claude") {
			rep.Rows[i].Notes = append(rep.Rows[i].Notes, "token counts are OpenAI's o200k_base; Claude's tokenizer counts code about 20–30 % higher, so expect this model's input cost about that much higher")
		}
	}
	return out, nil
}

// RepoDefaults is what "Use my repository" starts from.
type RepoDefaults struct {
	SinceDays    int            `json:"sinceDays"`
	Last         int            `json:"last"`
	ContextLines int            `json:"contextLines"`
	Calls        repocost.Calls `json:"calls"`
	Ignore       IgnoreList     `json:"ignore"`
	Tokenizer    string         `json:"tokenizer"`
	// TokenizerNote says how other providers' counts differ.
	TokenizerNote string `json:"tokenizerNote"`
}

// RepoDefaults is what a scan starts from: 90 days (or the last 200
// changes), 3 lines of context, the default call mapping and the ignore
// list in force.
func (s *Repos) RepoDefaults() (RepoDefaults, error) {
	l, err := s.RepoIgnore()
	return RepoDefaults{SinceDays: 90, Last: 200, ContextLines: repocost.DefaultContextLines, Calls: repocost.DefaultCalls(), Ignore: l,
		Tokenizer: repocost.Encoding, TokenizerNote: repocost.TokenizerNote}, err
}
