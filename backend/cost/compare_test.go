package cost

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
)

func TestCompareSortsAndAsksForMissingPrices(t *testing.T) {
	b := loadBook(t, nil)
	a := DefaultAssumptions()
	a.BudgetUSD = "100"
	rep, err := b.Compare(Request{Assumptions: a, Levels: true, Models: []Ref{
		{Model: "claude-sonnet-4-6"}, {Model: "llama3.1:8b", Provider: "openai_compatible"}, {Model: "glm-5.1", Plan: "coding-plan"}, {Model: "glm-5.1"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	Sort(rep.Rows)
	var order []string
	for _, r := range rep.Rows {
		order = append(order, r.Model+"@"+r.Plan+"="+r.Status)
	}
	if got := strings.Join(order, " "); got != "glm-5.1@=priced claude-sonnet-4-6@=priced glm-5.1@coding-plan=plan-quota llama3.1:8b@=no-price" {
		t.Errorf("order = %s", got)
	}
	sonnet := rep.Rows[1]
	// $100 / $0.621 = 161 PRs.
	if *sonnet.BudgetPRs != 161 || sonnet.PerMonth.String() != "124.20" || sonnet.Tier != "base" || sonnet.Source == "" {
		t.Errorf("sonnet row = %+v", sonnet)
	}
	// Off/Low/Medium/High a month: reasoning 10 calls × 500/1,500/4,000 × 15.00 × 200 PRs on top of 79.20.
	var levels []string
	for _, l := range sonnet.Levels {
		levels = append(levels, l.Thinking+"="+l.PerMonth.String())
	}
	if got := strings.Join(levels, " "); got != "off=79.20 low=94.20 medium=124.20 high=199.20" {
		t.Errorf("sonnet levels = %s", got)
	}
	if rep.Rows[3].PerMonth != nil || !strings.Contains(rep.Rows[3].Notes[0], "no price for llama3.1:8b") {
		t.Errorf("unpriced row = %+v", rep.Rows[3])
	}
	if strings.Join(rep.MissingPrices, ",") != "llama3.1:8b" || rep.PricedAt != "2026-07-24" {
		t.Errorf("missing %v, pricedAt %s", rep.MissingPrices, rep.PricedAt)
	}
	// JSON: decimal strings, null for no amount.
	data, _ := json.Marshal(rep.Rows[3])
	if !strings.Contains(string(data), `"perPR":null`) {
		t.Errorf("unpriced JSON = %s", data)
	}
	data, _ = json.Marshal(sonnet)
	if !strings.Contains(string(data), `"perMonth":"124.20"`) {
		t.Errorf("sonnet JSON = %s", data)
	}
}

func TestCompareProfileBlendsMainAndFallback(t *testing.T) {
	b := loadBook(t, nil)
	p := profile.Profile{Name: "team",
		Main:     profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6", ReasoningEffort: "medium"}},
		Fallback: &profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", BaseURL: "https://api.z.ai/api/paas/v4/", ReasoningEffort: "high"}},
	}
	rep, err := b.CompareProfile(p, Request{Assumptions: DefaultAssumptions(), Levels: true}, false)
	if err != nil {
		t.Fatal(err)
	}
	// 124.20 × 0.95 + 45.584 × 0.05 = 117.99 + 2.2792 (GLM's High is estimated as Medium).
	if rep.Profile.PerMonth.String() != "120.2692" || rep.Profile.PerPR.String() != "0.601346" || !rep.Profile.Complete {
		t.Errorf("profile = %+v", rep.Profile)
	}
	if rep.Rows[0].Slot != "main" || rep.Rows[1].Slot != "fallback" || rep.Rows[1].Thinking != "medium" {
		t.Errorf("rows = %+v", rep.Rows)
	}
	// Off: 79.20 × 0.95 + (88k × 1.40 + 8.8k × 4.40 = 0.16192 × 200 = 32.384) × 0.05 = 75.24 + 1.6192.
	if len(rep.Profile.Levels) != 4 || rep.Profile.Levels[0].PerMonth.String() != "76.8592" || rep.Profile.Levels[2].PerMonth.String() != "120.2692" {
		t.Errorf("profile levels = %+v", rep.Profile.Levels)
	}

	// A Coding Plan fallback: the total covers Main's per-token calls.
	p.Fallback = &profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan"}}
	rep, _ = b.CompareProfile(p, Request{Assumptions: DefaultAssumptions()}, true)
	if rep.Profile.PerMonth.String() != "117.99" || !strings.Contains(strings.Join(rep.Profile.Notes, " "), "plan quota") {
		t.Errorf("plan fallback = %+v", rep.Profile)
	}
	// An unpriced model leaves no total and asks for a price.
	p.Fallback = &profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: "http://localhost:11434/v1"}}
	rep, _ = b.CompareProfile(p, Request{Assumptions: DefaultAssumptions()}, true)
	if rep.Profile.PerMonth != nil || rep.Profile.Complete || len(rep.MissingPrices) != 1 {
		t.Errorf("unpriced fallback = %+v", rep.Profile)
	}
}

func TestCatalogRefs(t *testing.T) {
	b := loadBook(t, nil)
	refs := b.CatalogRefs(kodusline.MustGet(kodusline.Mid2026).Catalog(), false)
	var ids []string
	for _, r := range refs {
		ids = append(ids, r.Model+"@"+r.Plan)
	}
	if got := strings.Join(ids, " "); got != "claude-sonnet-4-6@ claude-opus-4-7@ gemini-3.1-pro-preview-customtools@ gpt-5.4@ kimi-k2.6@ kimi-for-coding@kimi-code glm-5.1@ glm-5.1@coding-plan" {
		t.Errorf("recommended refs = %s", got)
	}
	all := b.CatalogRefs(kodusline.MustGet(kodusline.Mid2026).Catalog(), true)
	// Every catalog model has a price (or a plan row): none asks for one.
	rep, err := b.Compare(Request{Assumptions: DefaultAssumptions(), Models: all})
	if err != nil {
		t.Fatal(err)
	}
	// Every bundled row but those of providers the mid-2026 Kodus lacks.
	other := 0
	for _, p := range Bundled().Models {
		if p.Provider == "zai" || p.Provider == "moonshot" || p.Provider == "azure" {
			other++
		}
	}
	if len(rep.MissingPrices) != 0 || len(all) != len(Bundled().Models)-other || other != 7 {
		t.Errorf("all: %d refs for %d rows (%d of other providers), missing %v", len(all), len(Bundled().Models), other, rep.MissingPrices)
	}
	// On the current line the recommended cards price their plans too.
	cur := b.CatalogRefs(kodusline.MustGet(kodusline.Current).Catalog(), false)
	ids = nil
	for _, r := range cur {
		ids = append(ids, r.Model+"@"+r.Plan+":"+r.Provider)
	}
	if got := strings.Join(ids, " "); !strings.Contains(got, "kimi-for-coding@code-plan:moonshot") || !strings.Contains(got, "glm-5.2@coding-plan:zai") || !strings.Contains(got, "glm-5.2@:zai") {
		t.Errorf("current refs = %s", got)
	}
	rep, _ = b.Compare(Request{Assumptions: DefaultAssumptions(), Models: cur})
	if len(rep.MissingPrices) != 0 {
		t.Errorf("every current card is priced: %v", rep.MissingPrices)
	}
}
