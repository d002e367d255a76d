package cost

import "fmt"

// tally adds up a workload's calls for one model: the tokens, the amounts
// (when priced), the price tiers used and the calls too big for the model.
type tally struct {
	p      Price
	o      Options
	priced bool

	sum        Breakdown
	tok        Tokens
	tiersUsed  uint64 // bit i+1 set: tier i used (bit 0: base)
	tooLong    int64
	tooMuchOut int64
	// err is the first overflow; once set, amounts stop adding up.
	err error
}

// acc adds n tokens at rate r to dst.
func (t *tally) acc(dst *Money, n int64, r Rate) {
	if t.err != nil || !t.priced {
		return
	}
	var m Money
	if m, t.err = mulTokens(n, r); t.err == nil {
		*dst, t.err = add(*dst, m)
	}
}

// call adds one call of a PR (first: the PR's first call) with the given
// reasoning tokens unless the call sets its own.
func (t *tally) call(first bool, c Call, reasoning int64) error {
	p, o := t.p, t.o
	count := c.Count
	if count <= 0 {
		count = 1
	}
	if c.InputTokens < 0 || c.OutputTokens < 0 {
		return fmt.Errorf("token counts must not be negative")
	}
	r := reasoning
	if c.ReasoningTokens != nil {
		r = *c.ReasoningTokens
	}
	if p.ContextWindow > 0 && c.InputTokens > p.ContextWindow {
		t.tooLong = max(t.tooLong, c.InputTokens)
	}
	if p.MaxOutput > 0 && c.OutputTokens+r > p.MaxOutput {
		t.tooMuchOut = max(t.tooMuchOut, c.OutputTokens+r)
	}
	cached := (c.InputTokens*o.CacheHitBP + 5000) / 10000
	t.tok.Input += c.InputTokens * count
	t.tok.Output += c.OutputTokens * count
	t.tok.Reasoning += r * count
	if !t.priced {
		return nil
	}
	prompt := c.InputTokens
	if o.BaseTier {
		prompt = 0
	}
	idx, in, out, read, write, hasRead, hasWrite := p.tierFor(prompt)
	t.tiersUsed |= 1 << (idx + 1)
	hits := count
	if first && cached > 0 {
		// The PR's first call finds the cache cold and writes it.
		hits--
		if hasWrite {
			t.acc(&t.sum.CacheWrite, cached, write)
			t.acc(&t.sum.Input, c.InputTokens-cached, in)
			t.tok.CacheWrite += cached
		} else {
			t.acc(&t.sum.Input, c.InputTokens, in)
		}
	}
	if hasRead {
		t.acc(&t.sum.CachedInput, cached*hits, read)
		t.acc(&t.sum.Input, (c.InputTokens-cached)*hits, in)
		t.tok.Cached += cached * hits
	} else {
		t.acc(&t.sum.Input, c.InputTokens*hits, in)
	}
	t.acc(&t.sum.Output, c.OutputTokens*count, out)
	t.acc(&t.sum.Reasoning, r*count, out)
	return nil
}

// notes adds the tiers used and what the caller should know about the
// tally to res.
func (t *tally) notes(res *Result) {
	p := t.p
	if t.o.CacheHitBP > 0 && t.priced && p.CacheRead == nil {
		res.Notes = append(res.Notes, "no cache price: cached prompt tokens are billed in full")
	}
	if t.tooLong > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("a call of %d prompt tokens exceeds the %d-token context window; Kodus splits large diffs into more calls", t.tooLong, p.ContextWindow))
	}
	if t.tooMuchOut > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("a call's output and reasoning (%d tokens) exceed the model's %d-token output cap", t.tooMuchOut, p.MaxOutput))
	}
	for i := -1; i < len(p.Tiers) && i < 62; i++ {
		if t.tiersUsed&(1<<(i+1)) != 0 {
			res.Tiers = append(res.Tiers, p.TierLabel(i))
		}
	}
	if t.o.BaseTier && len(p.Tiers) > 0 {
		res.Notes = append(res.Notes, "priced at the base tier: a token total is not one request's prompt")
	}
}
