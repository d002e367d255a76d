package cost

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
)

// Ref names a model to price: its id, plan and the provider it is reached
// through; Slot and Thinking are set for a profile's slots.
type Ref struct {
	Model    string `json:"model"`
	Plan     string `json:"plan,omitempty"`
	Provider string `json:"provider,omitempty"`
	Slot     string `json:"slot,omitempty"`
	Thinking string `json:"thinking,omitempty"`
}

// Request is one comparison.
type Request struct {
	Models      []Ref
	Assumptions Assumptions
	// Workload, when set, is priced instead of the assumptions' typical PR
	// (exact token counts, or real PRs from a repository's history).
	Workload *Workload
	// BaseTier prices token totals at the base tier (see Options).
	BaseTier bool
	// Levels adds the monthly cost at every thinking level to each row.
	Levels bool
}

// LevelCost is a row's monthly cost at one thinking level.
type LevelCost struct {
	Thinking string `json:"thinking"`
	PerMonth *Money `json:"perMonth" ts_type:"string"`
}

// Row is one model's line in a comparison; amounts are nil unless the
// model is priced per token. Token counts are per PR.
type Row struct {
	Model             string        `json:"model"`
	Plan              string        `json:"plan,omitempty"`
	Name              string        `json:"name"`
	Provider          string        `json:"provider,omitempty"`
	Slot              string        `json:"slot,omitempty"`
	Status            string        `json:"status"`
	PerPR             *Money        `json:"perPR" ts_type:"string"`
	PerMonth          *Money        `json:"perMonth" ts_type:"string"`
	InputTokens       int64         `json:"inputTokens"`
	CachedInputTokens int64         `json:"cachedInputTokens"`
	CacheWriteTokens  int64         `json:"cacheWriteTokens"`
	OutputTokens      int64         `json:"outputTokens"`
	ReasoningTokens   int64         `json:"reasoningTokens"`
	Tier              string        `json:"tier"`
	Source            string        `json:"source"`
	PricedAt          string        `json:"pricedAt"`
	Origin            string        `json:"origin,omitempty"`
	PriceStatus       string        `json:"priceStatus,omitempty"`
	Thinking          string        `json:"thinking"`
	Price             *Price        `json:"price,omitempty"`
	Breakdown         *RowBreakdown `json:"breakdown,omitempty"`
	BudgetPRs         *int64        `json:"budgetPRsPerMonth,omitempty"`
	Levels            []LevelCost   `json:"levels,omitempty"`
	Subscription      *Subscription `json:"subscription,omitempty"`
	Notes             []string      `json:"notes"`
	result            Result
}

// RowBreakdown splits a row's amounts by what they pay for.
type RowBreakdown struct {
	PerPR    Breakdown `json:"perPR"`
	PerMonth Breakdown `json:"perMonth"`
}

// ProfileTotal is a profile's Main + Fallback blend.
type ProfileTotal struct {
	Name          string      `json:"name"`
	FallbackShare float64     `json:"fallbackShare"`
	PerPR         *Money      `json:"perPR" ts_type:"string"`
	PerMonth      *Money      `json:"perMonth" ts_type:"string"`
	Complete      bool        `json:"complete"`
	BudgetPRs     *int64      `json:"budgetPRsPerMonth,omitempty"`
	Levels        []LevelCost `json:"levels,omitempty"`
	Notes         []string    `json:"notes"`
}

// Report is a whole comparison.
type Report struct {
	PricedAt      string      `json:"pricedAt"`
	TablePricedAt string      `json:"tablePricedAt"`
	ImportedFrom  string      `json:"importedFrom,omitempty"`
	Assumptions   Assumptions `json:"assumptions"`
	// Workload is set when it was given instead of the assumptions'
	// typical PR (exact tokens, real PRs).
	Workload      *Workload     `json:"workload,omitempty"`
	Rows          []Row         `json:"rows"`
	Profile       *ProfileTotal `json:"profile,omitempty"`
	MissingPrices []string      `json:"missingPrices"`
}

// Compare prices every model of the request, cheapest month first (plans
// billed by quota and models without a price last).
func (b *Book) Compare(req Request) (Report, error) {
	rep := Report{TablePricedAt: b.Table.PricedAt, Assumptions: req.Assumptions, Rows: []Row{}, MissingPrices: []string{}}
	if b.Imported != nil {
		rep.ImportedFrom = b.Imported.File
	}
	if err := req.Assumptions.Validate(); err != nil {
		return rep, err
	}
	w := req.Assumptions.Workload()
	if req.Workload != nil {
		w = *req.Workload
		rep.Workload = req.Workload
	}
	var budget *Money
	if req.Assumptions.BudgetUSD != "" {
		m, _ := ParseMoney(req.Assumptions.BudgetUSD)
		budget = &m
	}
	for _, ref := range req.Models {
		row, err := b.row(ref, w, req, budget)
		if err != nil {
			return rep, fmt.Errorf("%s: %w", ref.Model, err)
		}
		if row.Status == StatusNoPrice {
			rep.MissingPrices = append(rep.MissingPrices, ref.Model)
		}
		rep.Rows = append(rep.Rows, row)
	}
	rep.PricedAt = oldest(rep.Rows, b.Table.PricedAt)
	return rep, nil
}

func (b *Book) row(ref Ref, w Workload, req Request, budget *Money) (Row, error) {
	a := req.Assumptions
	level, levelNote := a.Thinking, ""
	if ref.Slot != "" || ref.Thinking != "" {
		var err error
		if level, levelNote, err = NormalizeLevel(ref.Thinking); err != nil {
			return Row{}, err
		}
	}
	p, found := b.LookupFor(ref.Provider, ref.Model, ref.Plan)
	row := Row{Model: ref.Model, Plan: ref.Plan, Name: ref.Model, Provider: ref.Provider, Slot: ref.Slot, Tier: "", Notes: []string{}}
	if !found {
		row.Status, row.Thinking = StatusNoPrice, level
		row.Notes = append(row.Notes, fmt.Sprintf("no price for %s: set one (USD per 1M input and output tokens) to estimate it", ref.Model))
		return row, nil
	}
	if row.Provider == "" {
		row.Provider = p.Provider
	}
	if p.Name != "" {
		row.Name = p.Name
	}
	if row.Plan == "" {
		row.Plan = p.Plan
	}
	row.Source, row.PricedAt, row.Origin, row.PriceStatus, row.Subscription = p.Source, p.PricedAt, p.Origin, p.Status, p.Subscription
	pc := p
	row.Price = &pc
	opts := a.Options(level)
	opts.Provider, opts.BaseTier = row.Provider, req.BaseTier
	if req.Workload != nil && req.BaseTier {
		opts.CacheHitBP = 0
	}
	res, err := Estimate(p, w, opts)
	if err != nil {
		return row, err
	}
	if levelNote != "" {
		row.Notes = append(row.Notes, levelNote)
	}
	row.setResult(res, p.Note, budget)
	if req.Levels {
		if row.Levels, err = levelCosts(p, w, opts); err != nil {
			return row, err
		}
	}
	return row, nil
}

// levelCosts is the month's cost at each thinking level.
func levelCosts(p Price, w Workload, opts Options) ([]LevelCost, error) {
	var out []LevelCost
	for _, l := range Levels {
		o := opts
		o.Thinking = l
		r, err := Estimate(p, w, o)
		if err != nil {
			return out, err
		}
		lc := LevelCost{Thinking: l}
		if r.Status == StatusPriced {
			m := r.PerMonth.Total
			lc.PerMonth = &m
		}
		out = append(out, lc)
	}
	return out, nil
}

// setResult copies an estimate into the row: status, tokens, amounts and
// notes (the price's own note last).
func (row *Row) setResult(res Result, priceNote string, budget *Money) {
	row.result = res
	row.Status, row.Thinking = res.Status, res.Thinking
	row.InputTokens, row.CachedInputTokens, row.CacheWriteTokens = res.TokensPerPR.Input, res.TokensPerPR.Cached, res.TokensPerPR.CacheWrite
	row.OutputTokens, row.ReasoningTokens = res.TokensPerPR.Output, res.TokensPerPR.Reasoning
	row.Tier = strings.Join(res.Tiers, ", ")
	row.Notes = append(row.Notes, res.Notes...)
	if priceNote != "" {
		row.Notes = append(row.Notes, priceNote)
	}
	if res.Status == StatusPriced {
		perPR, perMonth := res.PerPR.Total, res.PerMonth.Total
		row.PerPR, row.PerMonth = &perPR, &perMonth
		row.Breakdown = &RowBreakdown{PerPR: res.PerPR, PerMonth: res.PerMonth}
		if budget != nil {
			row.BudgetPRs = FitPRs(*budget, perPR)
		}
	}
}

// Sort orders rows cheapest month first; plans billed by quota, then
// models without a price, go last.
func Sort(rows []Row) {
	rank := map[string]int{StatusPriced: 0, StatusPlanQuota: 1, StatusNoPrice: 2}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] < rank[b.Status]
		}
		if a.PerMonth != nil && b.PerMonth != nil && *a.PerMonth != *b.PerMonth {
			return *a.PerMonth < *b.PerMonth
		}
		return a.Model+"@"+a.Plan < b.Model+"@"+b.Plan
	})
}

// oldest is the earliest price date among the rows: "prices as of" is
// only as fresh as the stalest price shown.
func oldest(rows []Row, fallback string) string {
	out := ""
	for _, r := range rows {
		if r.PricedAt != "" && (out == "" || r.PricedAt < out) {
			out = r.PricedAt
		}
	}
	if out == "" {
		return fallback
	}
	return out
}

// CompareProfile prices a profile's Main and Fallback (each at its own
// thinking level unless the request's level is forced) and blends them by
// the Fallback's share of calls.
func (b *Book) CompareProfile(p profile.Profile, req Request, forceThinking bool) (Report, error) {
	req.Models = nil
	for _, name := range []string{profile.SlotMain, profile.SlotFallback} {
		sl, ok := p.Slot(name)
		if !ok {
			continue
		}
		t := sl.ReasoningEffort
		if forceThinking {
			t = req.Assumptions.Thinking
		}
		req.Models = append(req.Models, Ref{Model: sl.Model, Plan: sl.Plan, Provider: sl.Provider, Slot: name, Thinking: t})
	}
	if len(req.Models) == 0 {
		return Report{}, fmt.Errorf("profile %q has no Main slot", p.Name)
	}
	rep, err := b.Compare(req)
	if err != nil {
		return rep, err
	}
	tot, err := blendRows(p.Name, rep.Rows, req)
	rep.Profile = tot
	return rep, err
}

func blendRows(name string, rows []Row, req Request) (*ProfileTotal, error) {
	share := req.Assumptions.FallbackShare
	if len(rows) == 1 {
		share = 0
	}
	tot := &ProfileTotal{Name: name, FallbackShare: share, Complete: true, Notes: []string{}}
	var parts [2]Breakdown
	var levels [2][]LevelCost
	for i, r := range rows {
		switch r.Status {
		case StatusPlanQuota:
			tot.Notes = append(tot.Notes, fmt.Sprintf("%s (%s) is billed by plan quota: the total covers per-token calls only", r.Name, r.Slot))
		case StatusNoPrice:
			tot.Complete = false
			tot.Notes = append(tot.Notes, fmt.Sprintf("no price for %s (%s): set one to get a total", r.Model, r.Slot))
		default:
			parts[i] = r.result.PerMonth
		}
		levels[i] = r.Levels
	}
	if len(rows) == 1 {
		tot.Notes = append(tot.Notes, "no Fallback: every call goes to Main")
	}
	if !tot.Complete {
		return tot, nil
	}
	month, err := blend(parts[0], parts[1], bp(share))
	if err != nil {
		return tot, err
	}
	// Per PR is the month over the PRs it holds.
	num, den := int64(1), req.Assumptions.PRsPerMonth
	if w := req.Workload; w != nil {
		num, den = 1, max(w.PRsPerMonth, 1)
		if w.Window != nil {
			// month = total × Num / Den, so a PR is month × Den / (Num × PRs).
			num, den = w.Window.Den, w.Window.Num*int64(len(w.PRs))
		}
	}
	perPR, err := scale(month.Total, num, den)
	if err != nil {
		return tot, err
	}
	tot.PerMonth, tot.PerPR = &month.Total, &perPR
	if req.Assumptions.BudgetUSD != "" {
		b, _ := ParseMoney(req.Assumptions.BudgetUSD)
		tot.BudgetPRs = FitPRs(b, perPR)
	}
	if req.Levels {
		for li, l := range Levels {
			lc := LevelCost{Thinking: l}
			var m [2]Breakdown // the level's monthly total, blended as one part
			for i := range rows {
				if li < len(levels[i]) && levels[i][li].PerMonth != nil {
					m[i].Input = *levels[i][li].PerMonth
				}
			}
			x, err := blend(m[0], m[1], bp(share))
			if err != nil {
				return tot, err
			}
			lc.PerMonth = &x.Total
			tot.Levels = append(tot.Levels, lc)
		}
	}
	return tot, nil
}

// CatalogRefs lists the catalog's models to compare: the recommended ones
// and their plans, or (all) every model the catalog or the price book
// knows on a provider of the catalog.
func (b *Book) CatalogRefs(c *catalog.Catalog, all bool) []Ref {
	var refs []Ref
	seen := map[string]bool{}
	addRef := func(r Ref) {
		p, ok := b.Lookup(r.Model, r.Plan)
		k := key(r.Model, r.Plan)
		if ok {
			k = key(p.ID, p.Plan)
		}
		if !seen[k] {
			seen[k] = true
			refs = append(refs, r)
		}
	}
	models := c.Recommended()
	if all {
		models = c.Models
	}
	for _, m := range models {
		addRef(Ref{Model: m.ID, Provider: m.Provider})
		for _, v := range m.Variants {
			if v.ID == m.DefaultVariantID {
				continue
			}
			addRef(Ref{Model: m.ModelFor(v), Plan: v.ID, Provider: m.Provider})
		}
	}
	if all {
		for _, p := range b.Rows() {
			// A row of a provider this catalog's Kodus does not have (a
			// moonshot plan on the mid-2026 line) prices nothing it can run.
			if _, known := c.Provider(p.Provider); !known && p.Provider != "" {
				continue
			}
			addRef(Ref{Model: p.ID, Plan: p.Plan, Provider: p.Provider})
		}
	}
	return refs
}
