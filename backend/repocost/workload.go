package repocost

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/profile"
)

// Calls says how a change maps to review calls, following the estimator's
// assumptions (backend/cost/assumptions.go): one call per reviewed file whose prompt is a
// fixed part (Kodus's code-review system prompt, about 18 KB ≈ 4.5k
// tokens) plus that file's measured diff, and the assumptions' extra
// PR-level calls (summary, cross-file, safeguard). A file diff larger than
// ChunkTokens is split into more calls, as Kodus chunks large diffs at 60 %
// of the model's max input (64k by default).
type Calls struct {
	FilePromptTokens int64 `json:"filePromptTokens"`
	ChunkTokens      int64 `json:"chunkTokens"`
}

// DefaultCalls: a 4,500-token fixed prompt per file call, chunks of 38,400.
func DefaultCalls() Calls { return Calls{FilePromptTokens: 4500, ChunkTokens: 38_400} }

// Validate lists the broken fields.
func (c Calls) Validate() error {
	var es profile.Errors
	if c.FilePromptTokens < 0 || c.FilePromptTokens > 1_000_000 {
		es = append(es, &profile.FieldError{Field: "filePromptTokens", Rule: "must be a whole number from 0 to 1000000", Value: fmt.Sprint(c.FilePromptTokens)})
	}
	if c.ChunkTokens < 1000 || c.ChunkTokens > 10_000_000 {
		es = append(es, &profile.FieldError{Field: "chunkTokens", Rule: "must be a whole number from 1000 to 10000000", Value: fmt.Sprint(c.ChunkTokens)})
	}
	if len(es) > 0 {
		return es
	}
	return nil
}

// PR is the review calls of one change.
func (c Calls) PR(ch Change, a cost.Assumptions) cost.PR {
	pr := cost.PR{Name: ch.Hash[:min(7, len(ch.Hash))], Calls: make([]cost.Call, 0, len(ch.Files)+1)}
	for _, f := range ch.Files {
		chunks := max((f.Tokens+c.ChunkTokens-1)/c.ChunkTokens, 1)
		base, rest := f.Tokens/chunks, f.Tokens%chunks
		// rest chunks carry one token more than the others.
		if rest > 0 {
			pr.Calls = append(pr.Calls, cost.Call{InputTokens: c.FilePromptTokens + base + 1, OutputTokens: a.OutputTokensPerFile, Count: rest})
		}
		if chunks-rest > 0 {
			pr.Calls = append(pr.Calls, cost.Call{InputTokens: c.FilePromptTokens + base, OutputTokens: a.OutputTokensPerFile, Count: chunks - rest})
		}
	}
	if a.ExtraCallsPerPR > 0 {
		pr.Calls = append(pr.Calls, cost.Call{Label: "PR-level call", InputTokens: a.InputTokensPerExtraCall, OutputTokens: a.OutputTokensPerExtraCall, Count: a.ExtraCallsPerPR})
	}
	return pr
}

// Workload is every reviewed change of the window as the estimator's
// input: per month is the window's total scaled to 30.44 days, exactly.
func (r *Result) Workload(a cost.Assumptions, c Calls) cost.Workload {
	w := cost.Workload{PRs: make([]cost.PR, len(r.changes)), PRsPerMonth: max(int64(r.PerMonth+0.5), 1)}
	for i, ch := range r.changes {
		w.PRs[i] = c.PR(ch, a)
	}
	num, den := r.MonthScale()
	w.Window = &cost.Ratio{Num: num, Den: den}
	return w
}
