package catalog_test

import (
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
)

func TestRecommendedModelsCarryKodusDefaults(t *testing.T) {
	c := kodusline.MustGet(kodusline.Mid2026).Catalog()
	want := []struct {
		id, provider, brand string
		temp                float64
		maxOut              int
		effort, baseURL     string
	}{
		{"claude-sonnet-4-6", catalog.Anthropic, "Anthropic", 0, 16384, "medium", ""},
		{"claude-opus-4-7", catalog.Anthropic, "Anthropic", 0, 32768, "medium", ""},
		{"gemini-3.1-pro-preview-customtools", catalog.GoogleGemini, "Google Gemini", 0, 16384, "medium", ""},
		{"gpt-5.4", catalog.OpenAI, "OpenAI", 0, 16384, "medium", ""},
		{"kimi-k2.6", catalog.OpenAICompatible, "Moonshot AI", 1, 16384, "medium", "https://api.moonshot.ai/v1"},
		{"glm-5.1", catalog.OpenAICompatible, "Z.ai", 0, 16384, "medium", "https://api.z.ai/api/paas/v4/"},
	}
	rec := c.Recommended()
	if len(rec) != len(want) {
		t.Fatalf("recommended models = %d, want %d", len(rec), len(want))
	}
	for i, w := range want {
		m := rec[i]
		t.Run(w.id, func(t *testing.T) {
			if m.ID != w.id || m.Provider != w.provider || m.ProviderLabel(c) != w.brand {
				t.Fatalf("got %s/%s/%s, want %s/%s/%s", m.ID, m.Provider, m.ProviderLabel(c), w.id, w.provider, w.brand)
			}
			if m.Defaults.Temperature == nil || *m.Defaults.Temperature != w.temp {
				t.Errorf("temperature = %v, want %v", m.Defaults.Temperature, w.temp)
			}
			if m.Defaults.MaxOutputTokens == nil || *m.Defaults.MaxOutputTokens != w.maxOut {
				t.Errorf("maxOutputTokens = %v, want %d", m.Defaults.MaxOutputTokens, w.maxOut)
			}
			if m.Defaults.ReasoningEffort != w.effort || m.Defaults.BaseURL != w.baseURL {
				t.Errorf("effort/baseURL = %q/%q, want %q/%q", m.Defaults.ReasoningEffort, m.Defaults.BaseURL, w.effort, w.baseURL)
			}
			if !strings.HasPrefix(m.APIKeyURL, "https://") {
				t.Errorf("no key link: %q", m.APIKeyURL)
			}
		})
	}
}

func TestPlans(t *testing.T) {
	c := kodusline.MustGet(kodusline.Mid2026).Catalog()
	tests := []struct {
		model, plan, baseURL string
		conc                 *int
		planModel            string
		isDefault            bool
	}{
		{"glm-5.1", "paas", "https://api.z.ai/api/paas/v4/", nil, "", true},
		{"glm-5.1", "coding-plan", "https://api.z.ai/api/coding/paas/v4", intp(1), "", false},
		{"kimi-k2.6", "moonshot", "https://api.moonshot.ai/v1", nil, "", true},
		{"kimi-k2.6", "kimi-code", "https://api.kimi.com/coding/v1", intp(30), "kimi-for-coding", false},
	}
	for _, tt := range tests {
		t.Run(tt.model+"/"+tt.plan, func(t *testing.T) {
			m, ok := c.Model(tt.model)
			if !ok {
				t.Fatalf("model %s missing", tt.model)
			}
			v, ok := m.Variant(tt.plan)
			if !ok {
				t.Fatalf("plan %s missing", tt.plan)
			}
			if v.BaseURL != tt.baseURL || v.Model != tt.planModel {
				t.Errorf("got %s model %q, want %s model %q", v.BaseURL, v.Model, tt.baseURL, tt.planModel)
			}
			if (v.MaxConcurrentRequests == nil) != (tt.conc == nil) || (tt.conc != nil && *v.MaxConcurrentRequests != *tt.conc) {
				t.Errorf("maxConcurrentRequests = %v, want %v", v.MaxConcurrentRequests, tt.conc)
			}
			if v.MaxConcurrentReason == "" {
				t.Error("each plan explains its concurrency pre-fill")
			}
			if (m.DefaultVariantID == tt.plan) != tt.isDefault {
				t.Errorf("default plan = %q", m.DefaultVariantID)
			}
			if got, ok := m.PlanForBaseURL(strings.TrimSuffix(tt.baseURL, "/")); !ok || got.ID != tt.plan {
				t.Errorf("PlanForBaseURL = %v %v", got.ID, ok)
			}
		})
	}
}

func TestModelLookup(t *testing.T) {
	c := kodusline.MustGet(kodusline.Mid2026).Catalog()
	tests := []struct {
		provider, query, want string
		ok                    bool
	}{
		{catalog.OpenAICompatible, "kimi-k2.6-coding", "kimi-k2.6", true}, // the Kodus docs' name
		{catalog.OpenAICompatible, " KIMI-K2.6 ", "kimi-k2.6", true},
		{catalog.OpenAICompatible, "kimi-for-coding", "kimi-k2.6", true}, // Kimi Code plan's own id
		{catalog.Anthropic, "claude-sonnet-4-6", "claude-sonnet-4-6", true},
		{catalog.OpenAI, "claude-sonnet-4-6", "", false}, // wrong provider
		{catalog.OpenRouter, "moonshotai/kimi-k2.5", "moonshotai/kimi-k2.5", true},
		{catalog.OpenAI, "gpt-9", "", false},
	}
	for _, tt := range tests {
		m, ok := c.ModelForSlot(tt.provider, tt.query)
		if ok != tt.ok || m.ID != tt.want {
			t.Errorf("ModelForSlot(%s, %q) = %q %v, want %q %v", tt.provider, tt.query, m.ID, ok, tt.want, tt.ok)
		}
	}
}

func TestOthersAreNotRecommendedAndKnown(t *testing.T) {
	c := kodusline.MustGet(kodusline.Mid2026).Catalog()
	want := []string{"claude-sonnet-4-5-20250929", "gemini-2.5-pro", "claude-haiku-4-5-20251001", "moonshotai/kimi-k2.5", "z-ai/glm-5", "gemini-3.1-pro-preview", "gpt-5.2"}
	others := map[string]catalog.Model{}
	for _, m := range c.Others() {
		others[m.ID] = m
	}
	for _, id := range want {
		m, ok := others[id]
		if !ok {
			t.Errorf("%s missing from the other models", id)
			continue
		}
		if m.Recommended() {
			t.Errorf("%s marked recommended", id)
		}
	}
}

func TestProviders(t *testing.T) {
	c := kodusline.MustGet(kodusline.Mid2026).Catalog()
	want := map[string]struct {
		base                string
		needsBase, needsKey bool
	}{
		catalog.OpenAI:           {"https://api.openai.com/v1", false, true},
		catalog.Anthropic:        {"https://api.anthropic.com/v1", false, true},
		catalog.GoogleGemini:     {"https://generativelanguage.googleapis.com/v1beta", false, true},
		catalog.GoogleVertex:     {"https://aiplatform.googleapis.com/v1", false, true},
		catalog.OpenRouter:       {"https://openrouter.ai/api/v1", false, true},
		catalog.Novita:           {"https://api.novita.ai/openai/v1", false, true},
		catalog.OpenAICompatible: {"", true, false},
		catalog.AmazonBedrock:    {"", false, true},
	}
	if len(c.Providers) != len(want) {
		t.Fatalf("providers = %v", c.ProviderIDs())
	}
	for id, w := range want {
		p, ok := c.Provider(id)
		if !ok {
			t.Fatalf("provider %s missing", id)
		}
		if p.DefaultBaseURL != w.base || p.RequiresBaseURL != w.needsBase || p.RequiresKey != w.needsKey || p.DisplayName == "" {
			t.Errorf("%s = %+v", id, p)
		}
	}
}

func TestParseRejectsBrokenCatalogs(t *testing.T) {
	tests := map[string]string{
		"not json":         `{`,
		"no version":       `{"updated":"x","providers":[],"models":[]}`,
		"unknown provider": `{"version":"1","updated":"x","providers":[{"id":"openai"}],"models":[{"id":"m","provider":"nope"}]}`,
		"duplicate model":  `{"version":"1","updated":"x","providers":[{"id":"openai"}],"models":[{"id":"m","provider":"openai"},{"id":"m","provider":"openai"}]}`,
		"alias clash":      `{"version":"1","updated":"x","providers":[{"id":"openai"}],"models":[{"id":"m","provider":"openai"},{"id":"n","aliases":["m"],"provider":"openai"}]}`,
		"bad default plan": `{"version":"1","updated":"x","providers":[{"id":"openai"}],"models":[{"id":"m","provider":"openai","defaultVariantId":"x","variants":[{"id":"a"}]}]}`,
	}
	for name, data := range tests {
		if _, err := catalog.Parse([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func intp(v int) *int { return &v }
