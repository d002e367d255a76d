// Package cost prices Kodus reviews offline: a bundled, dated price table
// (prices.json), refreshed from a LiteLLM price file or edited by hand,
// and an estimator that turns a review workload into exact amounts per PR
// and per month, per model and thinking level.
package cost

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed prices.json
var pricesJSON []byte

// Status says how far a row's price can be trusted.
const (
	StatusVerified   = ""           // the row's sources agree
	StatusUnverified = "unverified" // a single or unconfirmed source
	StatusDisputed   = "disputed"   // sources disagree; the note says which was chosen
)

// Origin says where the price in force comes from.
const (
	OriginBundled  = "bundled"
	OriginImported = "imported"
	OriginManual   = "manual"
)

// Tier is the price of a whole request whose prompt is above a threshold.
// A price the tier leaves at zero-value is the base price.
type Tier struct {
	AbovePromptTokens int64 `json:"abovePromptTokens"`
	Input             *Rate `json:"input,omitempty" ts_type:"string"`
	Output            *Rate `json:"output,omitempty" ts_type:"string"`
	CacheRead         *Rate `json:"cacheRead,omitempty" ts_type:"string"`
	CacheWrite        *Rate `json:"cacheWrite,omitempty" ts_type:"string"`
}

// Subscription marks a plan billed by quota, not per token.
type Subscription struct {
	Name  string `json:"name"`
	URL   string `json:"url,omitempty"`
	Quota string `json:"quota,omitempty"`
	// PlanOnly is false when the model is also sold per token (GLM 5.2 on
	// the Developer API): then the plan's row never prices the model alone.
	PlanOnly *bool `json:"planOnly,omitempty"`
}

// Price is one row: the price of a model (on a plan, if Plan is set).
// Missing optional rates mean "not offered": no cache read price means
// cached tokens are billed in full.
type Price struct {
	ID            string        `json:"id"`
	Aliases       []string      `json:"aliases,omitempty"`
	Name          string        `json:"name,omitempty"`
	Provider      string        `json:"provider,omitempty"`
	Plan          string        `json:"plan,omitempty"`
	Input         *Rate         `json:"input,omitempty" ts_type:"string"`
	Output        *Rate         `json:"output,omitempty" ts_type:"string"`
	CacheRead     *Rate         `json:"cacheRead,omitempty" ts_type:"string"`
	CacheWrite    *Rate         `json:"cacheWrite,omitempty" ts_type:"string"`
	CacheWrite1h  *Rate         `json:"cacheWrite1h,omitempty" ts_type:"string"`
	Tiers         []Tier        `json:"tiers,omitempty"`
	ContextWindow int64         `json:"contextWindow,omitempty"`
	MaxOutput     int64         `json:"maxOutput,omitempty"`
	Subscription  *Subscription `json:"subscription,omitempty"`
	// Reasoning is false for models that never think (billed no reasoning
	// tokens at any level); AlwaysThinks for models Off cannot stop.
	Reasoning    *bool    `json:"reasoning,omitempty"`
	AlwaysThinks bool     `json:"alwaysThinks,omitempty"`
	Status       string   `json:"status,omitempty"`
	Note         string   `json:"note,omitempty"`
	Source       string   `json:"source"`
	PricedAt     string   `json:"pricedAt"`
	LiteLLM      []string `json:"litellm,omitempty"`
	Origin       string   `json:"origin,omitempty"`
}

// Priced reports whether the row has per-token prices.
func (p Price) Priced() bool { return p.Subscription == nil && p.Input != nil && p.Output != nil }

// Thinks reports whether the model can bill reasoning tokens.
func (p Price) Thinks() bool { return p.Reasoning == nil || *p.Reasoning }

// Names lists the id and aliases.
func (p Price) Names() []string { return append([]string{p.ID}, p.Aliases...) }

// UnmarshalJSON reads a rate from a decimal string ("3.00").
func (r *Rate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a price must be a decimal string such as \"3.00\": %w", err)
	}
	v, err := ParseRate(s)
	if err != nil {
		return fmt.Errorf("price %q %w", s, err)
	}
	*r = v
	return nil
}

// MarshalJSON writes a rate as a decimal string.
func (r Rate) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// Table is the bundled price table.
type Table struct {
	PricedAt string   `json:"pricedAt"`
	Currency string   `json:"currency"`
	Unit     string   `json:"unit"`
	Source   string   `json:"source"`
	Rules    []string `json:"rules,omitempty"`
	Models   []Price  `json:"models"`
}

var (
	tableOnce sync.Once
	table     *Table
	tableErr  error
)

// Bundled returns the embedded table. The package tests parse it on every
// build, so a broken table never ships.
func Bundled() *Table {
	tableOnce.Do(func() { table, tableErr = ParseTable(pricesJSON) })
	if tableErr != nil {
		panic(tableErr)
	}
	return table
}

// ParseTable reads and checks a price table.
func ParseTable(data []byte) (*Table, error) {
	var t Table
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("parse price table: %w", err)
	}
	if t.PricedAt == "" {
		return nil, fmt.Errorf("price table: pricedAt is required")
	}
	seen := map[string]bool{}
	for i := range t.Models {
		p := &t.Models[i]
		p.Origin = OriginBundled
		if err := p.check(); err != nil {
			return nil, fmt.Errorf("price table: %w", err)
		}
		for _, n := range p.Names() {
			k := key(n, p.Plan)
			if seen[k] {
				return nil, fmt.Errorf("price table: duplicate model %q (plan %q)", n, p.Plan)
			}
			seen[k] = true
		}
	}
	return &t, nil
}

func (p *Price) check() error {
	if p.ID == "" || p.Source == "" || p.PricedAt == "" {
		return fmt.Errorf("model %q: id, source and pricedAt are required", p.ID)
	}
	if p.Subscription == nil && (p.Input == nil || p.Output == nil) {
		return fmt.Errorf("model %q: input and output prices are required (or a subscription)", p.ID)
	}
	sort.SliceStable(p.Tiers, func(i, j int) bool { return p.Tiers[i].AbovePromptTokens < p.Tiers[j].AbovePromptTokens })
	for i, t := range p.Tiers {
		if t.AbovePromptTokens <= 0 || (i > 0 && t.AbovePromptTokens == p.Tiers[i-1].AbovePromptTokens) {
			return fmt.Errorf("model %q: tier thresholds must be positive and distinct", p.ID)
		}
	}
	return nil
}

// key is how a row is looked up: lower-case id plus plan.
func key(id, plan string) string {
	return strings.ToLower(strings.TrimSpace(id)) + "@" + strings.ToLower(strings.TrimSpace(plan))
}

// find returns the row for a model id (or alias) and plan: the plan's own
// row first, then the model's per-token row (a plan the table does not
// price, such as GLM's Developer API "paas"), then a model that exists only
// on its plan (kimi-for-coding).
func find(rows []Price, id, plan string) (Price, bool) {
	id, plan = strings.TrimSpace(id), strings.TrimSpace(plan)
	if p, ok := findExact(rows, id, plan); ok {
		return p, true
	}
	for i := range rows {
		if rows[i].Plan == "" && rows[i].named(id) {
			return rows[i], true
		}
	}
	if plan == "" {
		for i := range rows {
			if sub := rows[i].Subscription; sub != nil && rows[i].named(id) && (sub.PlanOnly == nil || *sub.PlanOnly) {
				return rows[i], true
			}
		}
	}
	return Price{}, false
}

// findExact matches a model id or alias and exactly the plan.
func findExact(rows []Price, id, plan string) (Price, bool) {
	id, plan = strings.TrimSpace(id), strings.TrimSpace(plan)
	for i := range rows {
		if strings.EqualFold(rows[i].Plan, plan) && rows[i].named(id) {
			return rows[i], true
		}
	}
	return Price{}, false
}

// named reports whether id is the row's id or an alias (any case).
func (p *Price) named(id string) bool {
	if strings.EqualFold(p.ID, id) {
		return true
	}
	for _, a := range p.Aliases {
		if strings.EqualFold(a, id) {
			return true
		}
	}
	return false
}

// tierFor returns the tier index that prices a request with the given
// prompt size (-1 = base) and its rates.
func (p Price) tierFor(prompt int64) (idx int, in, out, read, write Rate, hasRead, hasWrite bool) {
	idx = -1
	in, out = *p.Input, *p.Output
	if p.CacheRead != nil {
		read, hasRead = *p.CacheRead, true
	}
	if p.CacheWrite != nil {
		write, hasWrite = *p.CacheWrite, true
	}
	for i, t := range p.Tiers {
		if prompt <= t.AbovePromptTokens {
			break
		}
		idx = i
		if t.Input != nil {
			in = *t.Input
		}
		if t.Output != nil {
			out = *t.Output
		}
		if t.CacheRead != nil {
			read, hasRead = *t.CacheRead, true
		}
		if t.CacheWrite != nil {
			write, hasWrite = *t.CacheWrite, true
		}
	}
	return
}

// TierLabel names a tier for people: "base" or "above 200k prompt tokens".
func (p Price) TierLabel(idx int) string {
	if idx < 0 || idx >= len(p.Tiers) {
		return "base"
	}
	return "above " + kTokens(p.Tiers[idx].AbovePromptTokens) + " prompt tokens"
}

func kTokens(n int64) string {
	if n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprintf("%d", n)
}

// Limits are a model's token limits as the bundled table records them
// (0 = unknown).
type Limits struct {
	Name          string
	ContextWindow int64
	MaxOutput     int64
}

// ModelLimits returns the bundled table's limits for a model id (or
// alias) on a plan; false when the table does not know the model.
func (t *Table) ModelLimits(model, plan string) (Limits, bool) {
	p, ok := find(t.Models, model, plan)
	if !ok {
		return Limits{}, false
	}
	return Limits{Name: p.Name, ContextWindow: p.ContextWindow, MaxOutput: p.MaxOutput}, true
}
