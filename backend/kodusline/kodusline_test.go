package kodusline

import (
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// Every line's data parses, and every provider of its catalog has a
// transport (so a provider is data plus a key-test probe).
func TestEveryLineLoads(t *testing.T) {
	for _, id := range IDs {
		l, err := Get(id)
		if err != nil {
			t.Fatal(err)
		}
		c := l.Catalog()
		if c.Version == "" || len(c.Models) == 0 || l.Name == "" || l.BYOK.Shape == 0 {
			t.Errorf("%s: incomplete line %+v", id, l)
		}
		for _, p := range c.Providers {
			if _, ok := l.Transport(p.ID); !ok {
				t.Errorf("%s: provider %s has no transport", id, p.ID)
			}
		}
		for _, m := range c.Models {
			for _, v := range m.Variants {
				if l.ID == Current && (m.Provider == "moonshot" || m.Provider == "zai") && v.FixedModeBaseURL == "" {
					t.Errorf("%s plan %s: no OpenAI-compatible endpoint for Fixed Mode", m.ID, v.ID)
				}
			}
		}
	}
}

func TestCurrentCatalog(t *testing.T) {
	c := MustGet(Current).Catalog()
	tier := map[string]string{}
	provider := map[string]string{}
	for _, m := range c.Models {
		tier[m.ID], provider[m.ID] = m.Tier, m.Provider
	}
	for _, id := range []string{"glm-5.2", "kimi-k2.7-code", "gemini-3-flash-preview", "claude-sonnet-4-6", "claude-opus-4-7", "gpt-5.4", "gemini-3.1-pro-preview-customtools"} {
		if tier[id] != "recommended" {
			t.Errorf("%s tier = %q, want recommended", id, tier[id])
		}
	}
	if tier["kimi-k2.6"] != "other" || tier["glm-5.1"] != "" || len(c.Models) != 13 {
		t.Errorf("kimi-k2.6 %q, glm-5.1 %q, %d models", tier["kimi-k2.6"], tier["glm-5.1"], len(c.Models))
	}
	if provider["glm-5.2"] != "zai" || provider["kimi-k2.7-code"] != "moonshot" {
		t.Errorf("brands: %v", provider)
	}
	for _, id := range []string{"moonshot", "zai", "anthropic_compatible"} {
		if _, ok := c.Provider(id); !ok {
			t.Errorf("provider %s missing", id)
		}
	}
	flash, _ := c.Model("gemini-3-flash-preview")
	k26, _ := c.Model("kimi-k2.6")
	if flash.RecommendationLabel != "Most affordable" || k26.RecommendationLabel != "Superseded by Kimi K2.7 Code" {
		t.Errorf("labels %q %q", flash.RecommendationLabel, k26.RecommendationLabel)
	}
	tests := []struct {
		model, plan, base string
		conc              int
	}{
		{"kimi-k2.7-code", "developer", "https://api.moonshot.ai/anthropic", 0},
		{"kimi-k2.7-code", "code-plan", "https://api.kimi.com/coding", 30},
		{"glm-5.2", "developer", "https://api.z.ai/api/anthropic", 0},
		{"glm-5.2", "coding-plan", "https://api.z.ai/api/coding/paas/v4", 1},
	}
	for _, tt := range tests {
		m, _ := c.Model(tt.model)
		v, ok := m.Variant(tt.plan)
		got := 0
		if v.MaxConcurrentRequests != nil {
			got = *v.MaxConcurrentRequests
		}
		if !ok || v.BaseURL != tt.base || got != tt.conc {
			t.Errorf("%s/%s = %+v", tt.model, tt.plan, v)
		}
	}
}

func TestMid2026CatalogIsTodays(t *testing.T) {
	c := MustGet(Mid2026).Catalog()
	var rec []string
	for _, m := range c.Recommended() {
		rec = append(rec, m.ID)
	}
	if strings.Join(rec, ",") != "claude-sonnet-4-6,claude-opus-4-7,gemini-3.1-pro-preview-customtools,gpt-5.4,kimi-k2.6,glm-5.1" || len(c.Providers) != 8 || c.KodusLine != "" {
		t.Errorf("mid-2026 recommended = %v, %d providers", rec, len(c.Providers))
	}
}

func TestForImageTag(t *testing.T) {
	tests := []struct {
		tag, want string
		ok        bool
	}{
		{"", Current, true},
		{"latest", Current, true},
		{" latest ", Current, true},
		{"selfhosted-2.1.28", Mid2026, true},
		{"selfhosted-2.1.3", Mid2026, true},
		{"2.1.24", Mid2026, true},
		{"selfhosted-2.2.0", "", false},
		{"my-build", "", false},
	}
	for _, tt := range tests {
		if got, ok := ForImageTag(tt.tag); got != tt.want || ok != tt.ok {
			t.Errorf("ForImageTag(%q) = %q %v, want %q %v", tt.tag, got, ok, tt.want, tt.ok)
		}
	}
}

func TestGetAndNormalize(t *testing.T) {
	for in, want := range map[string]string{"current": Current, "LATEST": Current, "mid-2026": Mid2026, "selfhosted-2.1": Mid2026} {
		l, err := Get(in)
		if err != nil || l.ID != want {
			t.Errorf("Get(%q) = %v %v", in, l, err)
		}
		if id, err := Known(in); err != nil || id != want {
			t.Errorf("Known(%q) = %q %v", in, id, err)
		}
	}
	_, err := Get("2025")
	if err == nil || !strings.Contains(err.Error(), "current or mid-2026") {
		t.Errorf("unknown line: %v", err)
	}
	if _, kerr := Known("2025"); kerr == nil || kerr.Error() != err.Error() {
		t.Errorf("Known says %v, Get says %v", kerr, err)
	}
}

func TestFamilies(t *testing.T) {
	r := &MustGet(Current).Reasoning
	for model, want := range map[string]string{
		"glm-5.2": "glm", "GLM-5.1": "glm", "glm-5.3": "glm-5.3", "accounts/fireworks/models/glm5p3": "glm-5.3", "z-ai/glm-5.2": "glm",
		"kimi-k2.7-code": "kimi-code", "kimi-for-coding": "kimi-code", "k2.7-code": "kimi-code", "kimi-k3": "kimi-k3", "k3": "kimi-k3",
		"kimi-k2.6": "kimi-k2.6", "k2.6": "kimi-k2.6", "moonshotai/kimi-k2.5": "kimi", "deepseek-v4-pro": "deepseek",
		"MiniMax-M3.1": "minimax-m3.1", "minimax-m3": "minimax-m3", "MiniMax-M2": "minimax-m2", "llama3.1:8b": "unknown",
	} {
		if got := r.Family(model).ID; got != want {
			t.Errorf("Family(%q) = %s, want %s", model, got, want)
		}
	}
	for _, tt := range []struct {
		family       string
		major, minor int
		want         string
	}{{"sonnet", 4, 6, "adaptive-4-6"}, {"opus", 4, 7, "modern"}, {"opus", 5, 0, "modern"}, {"sonnet", 4, 5, "legacy"}, {"fable", 5, 0, "always"}} {
		if g, ok := r.ClaudeGeneration(tt.family, tt.major, tt.minor); !ok || g.ID != tt.want {
			t.Errorf("Claude %s %d.%d = %s", tt.family, tt.major, tt.minor, g.ID)
		}
	}
}

func TestCheckBYOKBaseURL(t *testing.T) {
	l := MustGet(Current)
	tests := []struct{ url, codes string }{
		{"https://api.z.ai/api/anthropic", ""},
		{"http://api.example.com/v1", URLNotHTTPS},
		{"https://10.0.0.5/v1", URLPrivate},
		{"https://172.20.1.1/v1", URLPrivate},
		{"https://172.32.1.1/v1", ""},
		{"https://[::1]:8000/v1", URLPrivate},
		{"https://[fd12::1]/v1", URLPrivate},
		{"https://[fe80::1]/v1", URLPrivate},
		{"https://0.0.0.0/v1", URLPrivate},
		{"https://ollama.local/v1", URLPrivate},
		{"https://vllm:8000/v1", URLPrivate},
		{"http://host.docker.internal:11434/v1", URLNotHTTPS + "," + URLPrivate},
		{"https://api.example.com/v1/responses", URLEndpointSuffix},
		{"https://api.example.com/completions/", URLEndpointSuffix},
		{"https://api.example.com/anthropic", ""},
		{"", ""},
	}
	for _, tt := range tests {
		var codes []string
		for _, p := range l.CheckBYOKBaseURL(tt.url) {
			codes = append(codes, p.Code)
		}
		if strings.Join(codes, ",") != tt.codes {
			t.Errorf("%q: %v, want %q", tt.url, codes, tt.codes)
		}
	}
	if p := MustGet(Mid2026).CheckBYOKBaseURL("http://192.168.1.2/v1"); p != nil {
		t.Errorf("mid-2026 has no BYOK base-URL rule: %v", p)
	}
}

func TestMoveFor(t *testing.T) {
	l := MustGet(Current)
	tests := []struct {
		provider, model, plan, base string
		want                        Move
		ok                          bool
	}{
		{"openai_compatible", "glm-5.1", "coding-plan", "https://api.z.ai/api/coding/paas/v4", Move{Provider: "zai", Model: "glm-5.2", Plan: "coding-plan"}, true},
		{"openai_compatible", "glm-5.1", "", "https://api.z.ai/api/paas/v4/", Move{Provider: "zai", Model: "glm-5.2", Plan: "developer"}, true},
		{"openai_compatible", "kimi-k2.6", "moonshot", "https://api.moonshot.ai/v1", Move{Provider: "moonshot", Model: "kimi-k2.7-code", Plan: "developer"}, true},
		{"openai_compatible", "kimi-for-coding", "", "https://api.kimi.com/coding/v1", Move{Provider: "moonshot", Model: "kimi-k2.7-code", Plan: "code-plan"}, true},
		{"moonshot", "kimi-k2.6", "code-plan", "https://api.kimi.com/coding", Move{Provider: "moonshot", Model: "kimi-k2.7-code", Plan: "code-plan"}, true},
		{"openai_compatible", "glm-5.1", "", "https://my-proxy.example.com/v1", Move{}, false},
		{"openai_compatible", "llama3", "", "http://localhost:11434/v1", Move{}, false},
		{"zai", "glm-5.2", "developer", "https://api.z.ai/api/anthropic", Move{}, false},
	}
	for _, tt := range tests {
		got, ok := l.MoveFor(tt.provider, tt.model, tt.plan, tt.base)
		got.Reason = ""
		if ok != tt.ok || got != tt.want {
			t.Errorf("MoveFor(%s %s %s %s) = %+v %v", tt.provider, tt.model, tt.plan, tt.base, got, ok)
		}
	}
	if _, ok := MustGet(Mid2026).MoveFor("openai_compatible", "glm-5.1", "paas", "https://api.z.ai/api/paas/v4/"); ok {
		t.Error("the mid-2026 line recommends glm-5.1 itself")
	}
}

// The lines' patterns compile on first use; here every one of them does.
func TestEveryPatternCompiles(t *testing.T) {
	for _, id := range IDs {
		if _, err := Get(id); err != nil {
			t.Fatal(err)
		}
	}
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
}
