package dryrun

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/cost"
)

// promptTokens is a generous count of the one-line prompt and the
// provider's per-request framing, for the cost bound said before sending.
const promptTokens = 60

// PriceUsage fills the usage's cost from a price row (backend/cost): the
// prompt at the input price, answer and reasoning at the output price.
func PriceUsage(p cost.Price, u *Usage) {
	if u == nil {
		return
	}
	reasoning := int64(0)
	if u.ReasoningTokens != nil {
		reasoning = min(*u.ReasoningTokens, u.OutputTokens)
	}
	amount, note, ok := price(p, u.InputTokens, u.OutputTokens-reasoning, reasoning)
	if ok {
		u.Cost = amount
	}
	u.CostNote = note
}

// WorstCase is the most one send of req can cost: the prompt and every
// output token the request allows. ok is false when it cannot be bounded
// (no price, or no output cap on the wire and none known for the model).
func WorstCase(p cost.Price, req Request) (amount string, maxOutput int64, ok bool) {
	maxOutput = req.MaxOutputTokens
	if maxOutput == 0 {
		maxOutput = p.MaxOutput
	}
	if maxOutput == 0 {
		return "", 0, false
	}
	amount, _, ok = price(p, promptTokens, maxOutput, 0)
	return amount, maxOutput, ok
}

func price(p cost.Price, in, out, reasoning int64) (string, string, bool) {
	name := p.Name
	if name == "" {
		name = p.ID
	}
	switch {
	case p.Subscription != nil:
		return "", fmt.Sprintf("billed against the %s quota, not per token", p.Subscription.Name), false
	case !p.Priced():
		return "", fmt.Sprintf("no price for %s: set one with kodus-byok prices set", name), false
	}
	w := cost.Workload{PRs: []cost.PR{{Calls: []cost.Call{{InputTokens: in, OutputTokens: out, ReasoningTokens: &reasoning}}}}, PRsPerMonth: 1}
	res, err := cost.Estimate(p, w, cost.Options{Thinking: cost.ThinkingOff, Provider: p.Provider})
	if err != nil || res.Status != cost.StatusPriced {
		return "", "could not be priced", false
	}
	return res.PerPR.Total.String(), fmt.Sprintf("at %s's price as of %s", name, p.PricedAt), true
}
