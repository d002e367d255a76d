package studio

import (
	"testing"

	"github.com/kodusbyok/studio/backend/cost"
)

// Real PRs (say, from a repository's history) replace the typical PR, and
// a price typed in the GUI is seen by the next estimate.
func TestCostWithWorkloadAndManualPrice(t *testing.T) {
	s := newStudio(t)
	w := &cost.Workload{PRsPerMonth: 10, PRs: []cost.PR{
		{Name: "#1", Calls: []cost.Call{{InputTokens: 250_000, OutputTokens: 1000}}},
		{Name: "#2", Calls: []cost.Call{{InputTokens: 50_000, OutputTokens: 1000, Count: 2}}},
	}}
	a := cost.DefaultAssumptions()
	a.Thinking = cost.ThinkingOff
	res, err := s.Cost(CostRequest{Assumptions: a, Models: []cost.Ref{{Model: "gemini-3.1-pro-preview"}, {Model: "my-model"}}, Workload: w})
	if err != nil || len(res.FieldErrors) > 0 {
		t.Fatal(err, res.FieldErrors)
	}
	// #1 is one call above 200k: 0.25 × 4 + 0.001 × 18 = 1.018; #2 is two base calls:
	// 0.1 × 2 + 0.002 × 12 = 0.224. Average 0.621 a PR, 6.21 for 10.
	g := res.Report.Rows[0]
	if *g.PerPR != 621_000_000_000 || g.PerMonth.String() != "6.21" || g.Tier != "base, above 200k prompt tokens" {
		t.Errorf("gemini over real PRs = %s %s %q", g.PerPR, g.PerMonth, g.Tier)
	}
	if res.Report.Rows[1].Status != cost.StatusNoPrice {
		t.Fatalf("my-model = %+v", res.Report.Rows[1])
	}
	saved, err := s.SetPrice(cost.ManualPrice{Model: "my-model", Input: "1", Output: "2"})
	if err != nil || !saved.Saved {
		t.Fatal(err, saved)
	}
	res, _ = s.Cost(CostRequest{Assumptions: a, Models: []cost.Ref{{Model: "my-model"}}, Workload: w})
	// (250k + 100k) / 2 × 1.00 + 3k / 2 × 2.00 = 0.175 + 0.003.
	if r := res.Report.Rows[0]; r.Status != cost.StatusPriced || r.PerPR.String() != "0.178" {
		t.Errorf("after SetPrice = %+v", r)
	}
	bad, _ := s.SetPrice(cost.ManualPrice{Model: "x", Input: "cheap"})
	if bad.Saved || len(bad.FieldErrors) != 2 {
		t.Errorf("bad price = %+v", bad)
	}
}
