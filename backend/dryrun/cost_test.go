package dryrun

import (
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/cost"
)

func bundled(t *testing.T, id, plan string) cost.Price {
	t.Helper()
	for _, p := range cost.Bundled().Models {
		if p.ID == id && p.Plan == plan {
			return p
		}
	}
	t.Fatalf("no bundled price for %s %s", id, plan)
	return cost.Price{}
}

// The usage a provider reports is priced with backend/cost, to the
// picodollar: reasoning at the output price.
func TestPriceUsage(t *testing.T) {
	cases := []struct {
		name     string
		price    cost.Price
		usage    Usage
		want     string
		noteHint string
	}{
		// 24 × 3.00 + 41 × 15.00 per 1M = 0.000072 + 0.000615.
		{"sonnet 4.6", bundled(t, "claude-sonnet-4-6", ""), Usage{InputTokens: 24, OutputTokens: 41}, "0.000687", "Claude Sonnet 4.6's price as of 2026-07-24"},
		// 20 × 0.95 + (5 + 80) × 4.00 per 1M = 0.000019 + 0.00034.
		{"kimi k2.6 with reasoning", bundled(t, "kimi-k2.6", ""), Usage{InputTokens: 20, OutputTokens: 85, ReasoningTokens: i64(80)}, "0.000359", "Kimi K2.6"},
		{"a plan is quota", bundled(t, "glm-5.1", "coding-plan"), Usage{InputTokens: 20, OutputTokens: 3}, "", "GLM Coding Plan quota"},
		{"no price", cost.Price{ID: "llama3.1:8b"}, Usage{InputTokens: 20, OutputTokens: 3}, "", "no price for llama3.1:8b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := c.usage
			PriceUsage(c.price, &u)
			if u.Cost != c.want || !strings.Contains(u.CostNote, c.noteHint) {
				t.Errorf("cost %q (%s), want %q (%s)", u.Cost, u.CostNote, c.want, c.noteHint)
			}
		})
	}
}

// The bound said before sending: the prompt and every output token the
// request allows.
func TestWorstCase(t *testing.T) {
	p := bundled(t, "claude-sonnet-4-6", "")
	// 60 × 3.00 + 16384 × 15.00 per 1M = 0.00018 + 0.24576.
	if got, tokens, ok := WorstCase(p, Request{MaxOutputTokens: 16384}); !ok || got != "0.24594" || tokens != 16384 {
		t.Errorf("worst case = %s %d %v", got, tokens, ok)
	}
	// No cap on the wire: the model's own maximum bounds it.
	if _, tokens, ok := WorstCase(p, Request{}); !ok || tokens != 64000 {
		t.Errorf("no cap: %d %v", tokens, ok)
	}
	if _, _, ok := WorstCase(cost.Price{ID: "local"}, Request{}); ok {
		t.Error("an unpriced model with no cap has no bound")
	}
}
