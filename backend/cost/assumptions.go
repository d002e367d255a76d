package cost

import (
	"fmt"
	"math"

	"github.com/kodusbyok/studio/backend/profile"
)

// Assumptions describe a typical month of reviews. The defaults are
// ESTIMATES from public data points: an example review's token counts
// (ai-cost-estimator.com, 2026-05), Kodus's prompt sizes (kodus-ai's
// code-review prompts, ≈ 18 KB system prompt), the per-file samples of
// https://github.com/kodustech/codereviewbench, meant to be replaced by real numbers.
type Assumptions struct {
	PRsPerMonth int64 `json:"prsPerMonth"`
	FilesPerPR  int64 `json:"filesPerPR"`
	// Per changed file, one review call: system prompt + diff + context.
	InputTokensPerFile  int64 `json:"inputTokensPerFile"`
	OutputTokensPerFile int64 `json:"outputTokensPerFile"`
	// Per PR: summary, cross-file analysis, safeguard, Kody rules.
	ExtraCallsPerPR          int64 `json:"extraCallsPerPR"`
	InputTokensPerExtraCall  int64 `json:"inputTokensPerExtraCall"`
	OutputTokensPerExtraCall int64 `json:"outputTokensPerExtraCall"`
	// Thinking is off, low, medium or high; Reasoning is what each level
	// adds per call, billed as output.
	Thinking  string          `json:"thinking"`
	Reasoning ReasoningTokens `json:"reasoning"`
	// CacheHit is the share (0–1) of each prompt read from the cache;
	// FallbackShare the share of calls the Fallback slot serves.
	CacheHit      float64 `json:"cacheHit"`
	FallbackShare float64 `json:"fallbackShare"`
	// BudgetUSD, when set, is a monthly cap: how many PRs fit in it.
	BudgetUSD string `json:"budgetUSD"`
}

// DefaultAssumptions is a team of about ten developers: 200 PRs a month of
// 6 changed files, 8k prompt and 800 answer tokens per file, 4 extra calls
// of 10k / 1k, Medium thinking (1.5k reasoning tokens per call). That is
// 88k input and 23.8k output tokens per PR, inside the 50–120k / 8–25k
// a typical PR (5–10 files, 300–500 changed lines) takes by those data
// points. No caching is assumed (whether Kodus's prompts
// hit a cache is unverified), so the estimate errs high; 5 % of calls go
// to the Fallback.
func DefaultAssumptions() Assumptions {
	return Assumptions{
		PRsPerMonth: 200, FilesPerPR: 6,
		InputTokensPerFile: 8000, OutputTokensPerFile: 800,
		ExtraCallsPerPR: 4, InputTokensPerExtraCall: 10000, OutputTokensPerExtraCall: 1000,
		Thinking:      ThinkingMedium,
		Reasoning:     ReasoningTokens{Low: 500, Medium: 1500, High: 4000},
		CacheHit:      0,
		FallbackShare: 0.05,
	}
}

// Limits keep every product well inside int64 picodollars.
const (
	maxPRs       = 1_000_000
	maxCalls     = 10_000
	maxCallToken = 10_000_000
)

// Validate lists every broken field.
func (a Assumptions) Validate() error {
	var es profile.Errors
	num := func(field string, v, lo, hi int64) {
		if v < lo || v > hi {
			es = append(es, &profile.FieldError{Field: field, Rule: fmt.Sprintf("must be a whole number from %d to %d", lo, hi), Value: fmt.Sprint(v)})
		}
	}
	num("prsPerMonth", a.PRsPerMonth, 1, maxPRs)
	num("filesPerPR", a.FilesPerPR, 0, maxCalls)
	num("inputTokensPerFile", a.InputTokensPerFile, 0, maxCallToken)
	num("outputTokensPerFile", a.OutputTokensPerFile, 0, maxCallToken)
	num("extraCallsPerPR", a.ExtraCallsPerPR, 0, maxCalls)
	num("inputTokensPerExtraCall", a.InputTokensPerExtraCall, 0, maxCallToken)
	num("outputTokensPerExtraCall", a.OutputTokensPerExtraCall, 0, maxCallToken)
	num("reasoning.low", a.Reasoning.Low, 0, maxCallToken)
	num("reasoning.medium", a.Reasoning.Medium, 0, maxCallToken)
	num("reasoning.high", a.Reasoning.High, 0, maxCallToken)
	if a.FilesPerPR == 0 && a.ExtraCallsPerPR == 0 {
		es = append(es, &profile.FieldError{Field: "filesPerPR", Rule: "a PR needs at least one call: set files per PR or extra calls", Value: "0"})
	}
	if _, _, err := NormalizeLevel(a.Thinking); err != nil || a.Thinking == "" {
		es = append(es, &profile.FieldError{Field: "thinking", Rule: "must be off, low, medium or high", Value: a.Thinking})
	}
	share := func(field string, v float64) {
		if math.IsNaN(v) || v < 0 || v > 1 {
			es = append(es, &profile.FieldError{Field: field, Rule: "must be a share from 0 to 1 (0.3 = 30 %)", Value: fmt.Sprint(v)})
		}
	}
	share("cacheHit", a.CacheHit)
	share("fallbackShare", a.FallbackShare)
	if a.BudgetUSD != "" {
		if _, err := ParseMoney(a.BudgetUSD); err != nil {
			es = append(es, &profile.FieldError{Field: "budgetUSD", Rule: err.Error(), Value: a.BudgetUSD})
		}
	}
	if len(es) > 0 {
		return es
	}
	return nil
}

// Workload is the typical PR these assumptions describe.
func (a Assumptions) Workload() Workload {
	var calls []Call
	if a.FilesPerPR > 0 {
		calls = append(calls, Call{Label: "file review", InputTokens: a.InputTokensPerFile, OutputTokens: a.OutputTokensPerFile, Count: a.FilesPerPR})
	}
	if a.ExtraCallsPerPR > 0 {
		calls = append(calls, Call{Label: "PR-level call", InputTokens: a.InputTokensPerExtraCall, OutputTokens: a.OutputTokensPerExtraCall, Count: a.ExtraCallsPerPR})
	}
	return Workload{PRs: []PR{{Name: "typical PR", Calls: calls}}, PRsPerMonth: a.PRsPerMonth}
}

// bp converts a 0–1 share to basis points.
func bp(share float64) int64 { return int64(math.Round(share * 10000)) }

// Options are the estimator settings these assumptions give, at a level.
func (a Assumptions) Options(level string) Options {
	return Options{Thinking: level, Reasoning: a.Reasoning, CacheHitBP: bp(a.CacheHit)}
}
