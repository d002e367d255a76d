package concurrency

import (
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
)

// TestTableIsTheSeeds: "Defaults Kodus pre-fills" of Kodus's BYOK docs, row by row,
// read from the catalog.
func TestTableIsTheSeeds(t *testing.T) {
	want := []struct{ label, value, reason string }{
		{"GLM Coding Plan (Lite/Pro)", "1", "Subscription allows only one in-flight request. Going higher triggers 429s."},
		{"GLM Coding Plan (Max)", "1 (raise by hand, up to 30)", "Max allows up to 30, but we default to the safe value. Raise in Advanced settings."},
		{"Kimi Code Plan", "30", "Moonshot's documented cap on the coding endpoint is 30 concurrent requests."},
		{"GLM Developer API", "(empty)", "Limits scale per key; no sensible global default."},
		{"Kimi Developer API", "(empty)", "Scales with your recharge tier (Tier 1 ≈ 50, Tier 5 ≈ 1000); no sensible global default."},
		{"Anthropic / OpenAI / Google / OpenRouter", "(empty)", "Providers enforce their own TPM/RPM; Kodus doesn't cap."},
	}
	got := Table(kodusline.MustGet(kodusline.Mid2026).Catalog())
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Label != w.label || got[i].Display() != w.value || got[i].Reason != w.reason {
			t.Errorf("row %d = %q %q %q, want %q %q %q", i, got[i].Label, got[i].Display(), got[i].Reason, w.label, w.value, w.reason)
		}
	}
	// One reason for the whole row: every provider in it says the same.
	cat := kodusline.MustGet(kodusline.Mid2026).Catalog()
	for _, id := range []string{catalog.OpenAI, catalog.GoogleGemini, catalog.GoogleVertex, catalog.OpenRouter} {
		if p, _ := cat.Provider(id); p.MaxConcurrentReason != got[5].Reason {
			t.Errorf("%s reason = %q", id, p.MaxConcurrentReason)
		}
	}
}

func TestPreFillFor(t *testing.T) {
	cat := kodusline.MustGet(kodusline.Mid2026).Catalog()
	cases := []struct {
		name  string
		slot  profile.Slot
		label string
		value int // 0 = empty
		limit int
		tight bool
		brand string
	}{
		{"glm coding plan", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan"}}, "GLM Coding Plan", 1, 30, true, "Z.ai"},
		{"glm coding by URL", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-4.6", BaseURL: "https://open.bigmodel.cn/api/coding/paas/v4"}}, "GLM Coding Plan", 1, 30, true, "Z.ai"},
		{"glm developer", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas"}}, "GLM Developer API", 0, 0, false, "Z.ai"},
		{"kimi code", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code"}}, "Kimi Code Plan", 30, 30, true, "Moonshot AI"},
		{"kimi k2.7 on moonshot", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "kimi-k2.7-code", BaseURL: "https://api.moonshot.ai/v1"}}, "Kimi Developer API", 0, 0, false, "Moonshot AI"},
		{"anthropic", profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, "Anthropic", 0, 0, false, "Anthropic"},
		{"vertex", profile.Slot{Settings: profile.Settings{Provider: "google_vertex", Model: "gemini-2.5-pro"}}, "Google Vertex AI", 0, 0, false, "Google"},
		{"ollama", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: "http://localhost:11434/v1"}}, "OpenAI-compatible server", 0, 0, false, "localhost:11434"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pf := PreFillFor(cat, c.slot)
			pl := Resolve(cat, c.slot)
			got := 0
			if pf.Value != nil {
				got = *pf.Value
			}
			if pf.Label != c.label || got != c.value || pf.Limit != c.limit || pf.Reason == "" {
				t.Errorf("pre-fill = %+v", pf)
			}
			if pl.Tight != c.tight || pl.Brand != c.brand || pl.Fuzzy != c.tight {
				t.Errorf("plan = %+v", pl)
			}
		})
	}
	if tiers := PreFillFor(cat, cases[0].slot).Tiers; len(tiers) != 2 || tiers[1].Limit != 30 {
		t.Errorf("GLM tiers = %+v", tiers)
	}
}
