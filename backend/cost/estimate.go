package cost

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Thinking levels the estimator prices (Kodus's presets; Custom JSON is
// estimated as Medium by the callers that meet it).
const (
	ThinkingOff    = "off"
	ThinkingLow    = "low"
	ThinkingMedium = "medium"
	ThinkingHigh   = "high"
)

// Levels lists the thinking levels in UI order.
var Levels = []string{ThinkingOff, ThinkingLow, ThinkingMedium, ThinkingHigh}

// Result statuses.
const (
	StatusPriced    = "priced"
	StatusPlanQuota = "plan-quota"
	StatusNoPrice   = "no-price"
)

// Call is one model call of a review. InputTokens is the prompt of this
// one call (system prompt, diff, context, cached part included): it picks
// the price tier. A workload built from a git history lists real calls.
type Call struct {
	Label        string `json:"label,omitempty"`
	InputTokens  int64  `json:"inputTokens"`
	OutputTokens int64  `json:"outputTokens"`
	// Count is how many identical calls (0 means 1).
	Count int64 `json:"count,omitempty"`
	// ReasoningTokens, when set, is measured reasoning for this call and
	// overrides the thinking level's estimate.
	ReasoningTokens *int64 `json:"reasoningTokens,omitempty"`
}

// PR is the calls one pull request's review makes.
type PR struct {
	Name  string `json:"name,omitempty"`
	Calls []Call `json:"calls"`
}

// Workload is what is priced: a sample of PRs (one typical PR built from
// Assumptions, or real ones) and how many PRs a month. Per PR is the
// sample's average; per month is that average times PRsPerMonth.
type Workload struct {
	PRs         []PR  `json:"prs"`
	PRsPerMonth int64 `json:"prsPerMonth"`
	// Window, when set, says the PRs are every change of a period (a git
	// history) rather than a sample: per month is their total × Num / Den,
	// exactly, instead of the average × PRsPerMonth.
	Window *Ratio `json:"window,omitempty"`
}

// Ratio is Num / Den, both positive.
type Ratio struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

// monthScale is what turns the sample's total into a month.
func (w Workload) monthScale() (num, den int64) {
	if w.Window != nil {
		return w.Window.Num, w.Window.Den
	}
	return w.PRsPerMonth, int64(len(w.PRs))
}

// ReasoningTokens is the estimated reasoning per call at each level.
type ReasoningTokens struct {
	Low    int64 `json:"low"`
	Medium int64 `json:"medium"`
	High   int64 `json:"high"`
}

func (r ReasoningTokens) at(level string) int64 {
	switch level {
	case ThinkingLow:
		return r.Low
	case ThinkingMedium:
		return r.Medium
	case ThinkingHigh:
		return r.High
	}
	return 0
}

// Options are the per-estimate settings.
type Options struct {
	Thinking string
	// Provider is the transport the model is reached through (it decides
	// what Kodus sends for a level); empty means the price row's provider.
	Provider  string
	Reasoning ReasoningTokens
	// CacheHitBP is the share of each prompt read from the cache, in basis
	// points (0–10000). The first call of each PR writes the cache.
	CacheHitBP int64
	// BaseTier prices every call at the base tier: for token totals (as on
	// a bill) that are not one request.
	BaseTier bool
}

// Breakdown is an amount split by what it pays for.
type Breakdown struct {
	Input       Money `json:"input" ts_type:"string"`
	CacheWrite  Money `json:"cacheWrite" ts_type:"string"`
	CachedInput Money `json:"cachedInput" ts_type:"string"`
	Output      Money `json:"output" ts_type:"string"`
	Reasoning   Money `json:"reasoning" ts_type:"string"`
	Total       Money `json:"total" ts_type:"string"`
}

// Tokens counts what was billed. Input is every prompt token, cached and
// written ones included.
type Tokens struct {
	Input      int64 `json:"input"`
	Cached     int64 `json:"cached"`
	CacheWrite int64 `json:"cacheWrite"`
	Output     int64 `json:"output"`
	Reasoning  int64 `json:"reasoning"`
}

// Result is one model's estimate.
type Result struct {
	Status         string    `json:"status"`
	Thinking       string    `json:"thinking"`
	PerPR          Breakdown `json:"perPR"`
	PerMonth       Breakdown `json:"perMonth"`
	TokensPerPR    Tokens    `json:"tokensPerPR"`
	TokensPerMonth Tokens    `json:"tokensPerMonth"`
	Tiers          []string  `json:"tiers"`
	Notes          []string  `json:"notes"`
}

// MarshalJSON writes an amount as an exact decimal string in USD.
func (m Money) MarshalJSON() ([]byte, error) { return json.Marshal(m.String()) }

// UnmarshalJSON reads an amount from a decimal string.
func (m *Money) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseMoney(s)
	*m = v
	return err
}

// Level returns the level whose reasoning the model really bills, and why
// it differs from the one asked for. Kodus sends one thinking switch for
// Low, Medium and High to OpenAI-compatible endpoints and Novita (the
// thinking rules of backend/thinking), so those levels cost the same.
func Level(p Price, provider, level string) (string, string) {
	if provider == "" {
		provider = p.Provider
	}
	switch {
	case !p.Thinks():
		return ThinkingOff, "a non-thinking model: no reasoning tokens at any level"
	case p.AlwaysThinks && level == ThinkingOff:
		return ThinkingMedium, "an always-thinking model: Off does not stop its reasoning (estimated as Medium)"
	case (provider == "openai_compatible" || provider == "novita") && (level == ThinkingLow || level == ThinkingHigh):
		return ThinkingMedium, "Kodus sends the same thinking switch for Low, Medium and High to OpenAI-compatible endpoints and Novita, so all three are estimated alike (as Medium)"
	}
	return level, ""
}

// Estimate prices a workload with one model. A subscription row yields
// StatusPlanQuota with token counts but no amounts.
func Estimate(p Price, w Workload, o Options) (Result, error) {
	res := Result{Status: StatusPriced, Tiers: []string{}, Notes: []string{}}
	if len(w.PRs) == 0 {
		return res, fmt.Errorf("the workload has no PR to price")
	}
	if w.Window != nil && (w.Window.Num <= 0 || w.Window.Den <= 0) {
		return res, fmt.Errorf("the workload's window must be a positive fraction")
	}
	level, why := Level(p, o.Provider, o.Thinking)
	res.Thinking = level
	if why != "" {
		res.Notes = append(res.Notes, why)
	}
	switch {
	case p.Subscription != nil:
		res.Status = StatusPlanQuota
	case !p.Priced():
		res.Status = StatusNoPrice
	}
	t := tally{p: p, o: o, priced: res.Status == StatusPriced}
	reasoning := o.Reasoning.at(level)
	for _, pr := range w.PRs {
		for i, c := range pr.Calls {
			if err := t.call(i == 0, c, reasoning); err != nil {
				return res, err
			}
		}
	}
	if t.err != nil {
		return res, t.err
	}
	t.notes(&res)
	n := int64(len(w.PRs))
	num, den := w.monthScale()
	res.TokensPerPR, res.TokensPerMonth = t.tok.scale(1, n), t.tok.scale(num, den)
	if !t.priced {
		return res, nil
	}
	var err error
	if res.PerPR, err = t.sum.scale(1, n); err != nil {
		return res, err
	}
	res.PerMonth, err = t.sum.scale(num, den)
	return res, err
}

func (t Tokens) scale(num, den int64) Tokens {
	f := func(v int64) int64 { return (v*num + den/2) / den }
	return Tokens{f(t.Input), f(t.Cached), f(t.CacheWrite), f(t.Output), f(t.Reasoning)}
}

// scale multiplies every part by num/den; Total is the sum of the parts.
func (b Breakdown) scale(num, den int64) (Breakdown, error) {
	var out Breakdown
	var err error
	for _, f := range []struct{ src, dst *Money }{{&b.Input, &out.Input}, {&b.CacheWrite, &out.CacheWrite}, {&b.CachedInput, &out.CachedInput}, {&b.Output, &out.Output}, {&b.Reasoning, &out.Reasoning}} {
		if *f.dst, err = scale(*f.src, num, den); err != nil {
			return out, err
		}
		if out.Total, err = add(out.Total, *f.dst); err != nil {
			return out, err
		}
	}
	return out, nil
}

// blend returns a×(10000−bp)/10000 + b×bp/10000: the Fallback's share of
// traffic, in basis points.
func blend(a, b Breakdown, bp int64) (Breakdown, error) {
	x, err := a.scale(10000-bp, 10000)
	if err != nil {
		return x, err
	}
	y, err := b.scale(bp, 10000)
	if err != nil {
		return y, err
	}
	return x.plus(y)
}

func (b Breakdown) plus(o Breakdown) (Breakdown, error) {
	var out Breakdown
	var err error
	pairs := []struct{ a, b, dst *Money }{{&b.Input, &o.Input, &out.Input}, {&b.CacheWrite, &o.CacheWrite, &out.CacheWrite}, {&b.CachedInput, &o.CachedInput, &out.CachedInput}, {&b.Output, &o.Output, &out.Output}, {&b.Reasoning, &o.Reasoning, &out.Reasoning}, {&b.Total, &o.Total, &out.Total}}
	for _, p := range pairs {
		if *p.dst, err = add(*p.a, *p.b); err != nil {
			return out, err
		}
	}
	return out, nil
}

// FitPRs is how many PRs a month fit in budget at perPR each (nil when a
// PR costs nothing: any number fits).
func FitPRs(budget, perPR Money) *int64 {
	if perPR <= 0 {
		return nil
	}
	n := int64(budget / perPR)
	return &n
}

// NormalizeLevel maps Kodus's spellings to a level ("none" → off; custom
// → medium, with a note).
func NormalizeLevel(s string) (string, string, error) {
	switch l := strings.ToLower(strings.TrimSpace(s)); l {
	case ThinkingMedium:
		return ThinkingMedium, "", nil
	case "":
		return ThinkingMedium, "no thinking level set, so the model's default applies (estimated as Medium)", nil
	case ThinkingOff, "none":
		return ThinkingOff, "", nil
	case ThinkingLow, ThinkingHigh:
		return l, "", nil
	case "custom":
		return ThinkingMedium, "custom thinking JSON is estimated as Medium", nil
	default:
		return "", "", fmt.Errorf("must be off, low, medium or high (got %q)", s)
	}
}
