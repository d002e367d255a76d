package keyshape

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

func TestCheck(t *testing.T) {
	cat := kodusline.MustGet(kodusline.Mid2026).Catalog()
	var (
		gpt        = Target{Provider: "openai", Model: "gpt-5.4"}
		claude     = Target{Provider: "anthropic", Model: "claude-sonnet-4-6"}
		gemini     = Target{Provider: "google_gemini", Model: "gemini-3.1-pro-preview-customtools"}
		kimiDev    = Target{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: "https://api.moonshot.ai/v1"}
		kimiCode   = Target{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code"}
		glmCoding  = Target{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan", BaseURL: "https://api.z.ai/api/coding/paas/v4"}
		vertex     = Target{Provider: "google_vertex", Model: "gemini-2.5-pro"}
		ollama     = Target{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: "http://localhost:11434/v1"}
		gateway    = Target{Provider: "anthropic", Model: "claude-sonnet-4-6", BaseURL: "https://llm-gateway.example.com/v1"}
		moonshotCN = Target{Provider: "openai_compatible", Model: "kimi-k2.6", BaseURL: "https://api.moonshot.cn/v1"}
		manualOR   = Target{Provider: "open_router", Model: "anthropic/claude-sonnet-4.6"}
	)
	tests := []struct {
		name      string
		key       string
		target    Target
		fit       string
		suggest   string // "provider model plan" of the suggestion
		message   string
		noMessage bool
	}{
		{"anthropic key on the GPT-5.4 card", anthropicKey, gpt, FitMismatch, "anthropic claude-sonnet-4-6 ", "This looks like an Anthropic key — switch?", false},
		{"anthropic key on its own card", "\"" + anthropicKey + "\"\n", claude, FitOK, "", "", true},
		{"kimi code key on the developer plan", kimiCodeKey, kimiDev, FitMismatch, "openai_compatible kimi-k2.6 kimi-code", "a Kimi Code Plan key", false},
		{"kimi code key on its plan", kimiCodeKey, kimiCode, FitOK, "", "", true},
		{"kimi code key on moonshot.cn (manual)", kimiCodeKey, moonshotCN, FitMismatch, "openai_compatible kimi-k2.6 kimi-code", "", false},
		{"z.ai key on the Kimi card", zaiKey, kimiDev, FitMismatch, "openai_compatible glm-5.1 paas", "a Z.ai key", false},
		{"z.ai key on the GLM coding plan", zaiKey, glmCoding, FitOK, "", "", true},
		{"kimi key on the GLM card", kimiCodeKey, glmCoding, FitMismatch, "openai_compatible kimi-k2.6 kimi-code", "", false},
		{"gemini key on Vertex express", geminiKey, vertex, FitOK, "", "", true},
		{"service account on the Gemini card", base64.StdEncoding.EncodeToString([]byte(saJSON)), gemini, FitMismatch, "google_vertex  ", "a Google Vertex AI service account", false},
		{"openrouter key on the Claude card", openRouterKey, claude, FitMismatch, "open_router  ", "an OpenRouter key", false},
		{"novita key on GPT", novitaKey, gpt, FitMismatch, "novita  ", "a Novita AI key", false},
		{"openai key on the Kimi card", openAIKey, kimiDev, FitMismatch, "openai gpt-5.4 ", "an OpenAI key", false},
		{"anthropic key on an OpenRouter slot", anthropicKey, manualOR, FitMismatch, "anthropic claude-sonnet-4-6 ", "", false},
		{"plain sk- on GPT", plainSKKey, gpt, FitOK, "", "", true},
		{"plain sk- on Moonshot", plainSKKey, kimiDev, FitOK, "", "", true},
		{"plain sk- on Claude is unexpected, no switch", plainSKKey, claude, FitUnexpected, "", "This doesn't look like an Anthropic key: Anthropic keys start with sk-ant-. It could be a key from OpenAI, Moonshot AI, DeepSeek or an OpenAI-compatible proxy.", false},
		{"plain sk- on Kimi Code", plainSKKey, kimiCode, FitUnexpected, "", "Kimi Code Plan keys start with sk-kimi-", false},
		{"unknown key on Gemini", "hello-this-is-no-key-0000", gemini, FitUnexpected, "", "Google Gemini keys start with AIza.", false},
		{"unknown key on Z.ai says nothing", "hello-this-is-no-key-0000", glmCoding, FitOK, "", "", true},
		{"any key on a local server", anthropicKey, ollama, FitOK, "", "", true},
		{"any key behind a gateway", openRouterKey, gateway, FitOK, "", "", true},
		{"nothing chosen yet", anthropicKey, Target{}, FitOK, "", "", true},
		{"a broken paste is left to the key field", "sk-ant bad", gpt, FitOK, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Check(tt.key, tt.target, cat)
			if v.Fit != tt.fit {
				t.Fatalf("fit %q, want %q (%+v)", v.Fit, tt.fit, v)
			}
			got := ""
			if v.Suggestion != nil {
				got = strings.Join([]string{v.Suggestion.Provider, v.Suggestion.Model, v.Suggestion.Plan}, " ")
			}
			if got != tt.suggest {
				t.Errorf("suggestion %q, want %q", got, tt.suggest)
			}
			if !strings.Contains(v.Message, tt.message) || (tt.noMessage && v.Message != "") {
				t.Errorf("message %q, want %q", v.Message, tt.message)
			}
			noKeyIn(t, v, tt.key)
		})
	}
}

// Every brand maps onto what the catalog really has, so a catalog update
// cannot leave a suggestion pointing at a card that is gone.
func TestSuggestMapsOntoTheCatalog(t *testing.T) {
	cat := kodusline.MustGet(kodusline.Mid2026).Catalog()
	want := map[Brand]string{
		Anthropic: "Claude Sonnet 4.6", Google: "Gemini 3.1 Pro (custom tools)", OpenAI: "GPT-5.4",
		KimiCode: "Kimi K2.6 · Kimi Code Plan", Moonshot: "Kimi K2.6 · Developer API", ZAI: "GLM 5.1 · Developer API",
		OpenRouter: "OpenRouter", Novita: "Novita AI", Vertex: "Google Vertex AI",
	}
	for b, label := range want {
		s, ok := Suggest(b, Target{}, cat)
		if !ok || s.Label() != label {
			t.Errorf("%s: %q %v, want %q", b, s.Label(), ok, label)
			continue
		}
		if s.Model != "" {
			m, ok := cat.Model(s.Model)
			if !ok || m.Provider != s.Provider {
				t.Errorf("%s: card %q is not a %s card", b, s.Model, s.Provider)
			}
			if _, ok := m.Variant(s.Plan); s.Plan != "" && !ok {
				t.Errorf("%s: plan %q not on %s", b, s.Plan, m.ID)
			}
		} else if _, ok := cat.Provider(s.Provider); !ok {
			t.Errorf("%s: provider %q not in the catalog", b, s.Provider)
		}
	}
	if _, ok := Suggest(DeepSeek, Target{}, cat); ok {
		t.Error("DeepSeek has no card and no endpoint to suggest")
	}
}

func BenchmarkCheck(b *testing.B) {
	cat := kodusline.MustGet(kodusline.Mid2026).Catalog()
	t := Target{Provider: "openai", Model: "gpt-5.4"}
	for i := 0; i < b.N; i++ {
		Check(anthropicKey, t, cat)
	}
}

// On Kodus latest, Kimi and GLM keys belong to the moonshot and zai
// providers and their plans.
func TestCheckCurrent(t *testing.T) {
	cat := kodusline.MustGet(kodusline.Current).Catalog()
	kimi := Target{Provider: "moonshot", Model: "kimi-k2.7-code", Plan: "developer"}
	glm := Target{Provider: "zai", Model: "glm-5.2", Plan: "developer"}
	code := Target{Provider: "moonshot", Model: "kimi-for-coding", Plan: "code-plan"}
	tests := []struct {
		name, key string
		target    Target
		fit       string
		suggest   string
	}{
		{"kimi code key on the Kimi developer plan", kimiCodeKey, kimi, FitMismatch, "moonshot kimi-k2.7-code code-plan"},
		{"kimi code key on its plan", kimiCodeKey, code, FitOK, ""},
		{"z.ai key on the Kimi card", zaiKey, kimi, FitMismatch, "zai glm-5.2 developer"},
		{"z.ai key on GLM", zaiKey, glm, FitOK, ""},
		{"anthropic key on GLM", anthropicKey, glm, FitMismatch, "anthropic claude-sonnet-4-6 "},
		{"plain sk- on Kimi Code", plainSKKey, code, FitUnexpected, ""},
		{"any key on an anthropic_compatible proxy", openAIKey, Target{Provider: "anthropic_compatible", Model: "m", BaseURL: "https://proxy.example.com/anthropic"}, FitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Check(tt.key, tt.target, cat)
			got := ""
			if v.Suggestion != nil {
				got = strings.Join([]string{v.Suggestion.Provider, v.Suggestion.Model, v.Suggestion.Plan}, " ")
			}
			if v.Fit != tt.fit || got != tt.suggest {
				t.Errorf("fit %q suggestion %q, want %q %q (%+v)", v.Fit, got, tt.fit, tt.suggest, v)
			}
		})
	}
	for b, label := range map[Brand]string{KimiCode: "Kimi K2.7 Code · Kimi Code Plan", Moonshot: "Kimi K2.7 Code · Developer API", ZAI: "GLM 5.2 · Developer API"} {
		if s, ok := Suggest(b, Target{}, cat); !ok || s.Label() != label {
			t.Errorf("%s: %q %v, want %q", b, s.Label(), ok, label)
		}
	}
}
