package envfile_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Kodus's inference rules (resolveEnvProvider in libs/llm/managed-slot.ts),
// one case per rule and gotcha.
func TestInfer(t *testing.T) {
	sa := base64.StdEncoding.EncodeToString([]byte(fakeServiceAccount))
	cases := []struct {
		name     string
		vars     map[string]string
		provider string
		baseURL  string
		rule     string
	}{
		{"unset", map[string]string{}, "", "", "Fixed Mode is off"},
		{"auto", map[string]string{"API_LLM_PROVIDER_MODEL": "AUTO", "API_OPEN_AI_API_KEY": "k"}, "", "", "Fixed Mode is off"},
		{"claude native", map[string]string{"API_LLM_PROVIDER_MODEL": "claude-sonnet-4-6", "API_OPEN_AI_API_KEY": "k"}, "anthropic", "https://api.anthropic.com/v1", "Anthropic's own SDK"},
		{"claude with anthropic base", map[string]string{"API_LLM_PROVIDER_MODEL": "claude_x", "API_OPEN_AI_API_KEY": "k", "API_OPENAI_FORCE_BASE_URL": "https://api.anthropic.com/v1"}, "anthropic", "https://api.anthropic.com/v1", "Anthropic"},
		{"claude behind a proxy", map[string]string{"API_LLM_PROVIDER_MODEL": "claude-sonnet-4-6", "API_OPEN_AI_API_KEY": "k", "API_OPENAI_FORCE_BASE_URL": "https://litellm.example.com/v1"}, "openai_compatible", "https://litellm.example.com/v1", "skips Gemini/Claude name detection"},
		{"claude on vertex", map[string]string{"API_LLM_PROVIDER_MODEL": "claude-opus-4-7", "API_VERTEX_AI_API_KEY": sa}, "google_vertex", "https://aiplatform.googleapis.com/v1", "Claude on Vertex"},
		{"claude via ADC", map[string]string{"API_LLM_PROVIDER_MODEL": "claude-opus-4-7", "GOOGLE_CLOUD_PROJECT": "p"}, "google_vertex", "https://aiplatform.googleapis.com/v1", "Application Default Credentials"},
		{"gemini AI studio", map[string]string{"API_LLM_PROVIDER_MODEL": "Gemini-2.5-pro", "API_GOOGLE_AI_API_KEY": "AIza", "API_VERTEX_AI_API_KEY": sa}, "google_gemini", "https://generativelanguage.googleapis.com/v1beta", "AI Studio"},
		{"gemini alias key", map[string]string{"API_LLM_PROVIDER_MODEL": "gemini-2.5-pro", "GOOGLE_GENERATIVE_AI_API_KEY": "AIza"}, "google_gemini", "https://generativelanguage.googleapis.com/v1beta", "AI Studio"},
		{"gemini vertex SA", map[string]string{"API_LLM_PROVIDER_MODEL": "gemini-2.5-pro", "API_VERTEX_AI_API_KEY": sa}, "google_vertex", "https://aiplatform.googleapis.com/v1", "service-account"},
		{"gemini vertex plain key", map[string]string{"API_LLM_PROVIDER_MODEL": "gemini-2.5-pro", "API_VERTEX_AI_API_KEY": "AIzaSyPlain"}, "google_gemini", "https://generativelanguage.googleapis.com/v1beta", "treats it as an AI Studio key"},
		{"gemini behind a proxy", map[string]string{"API_LLM_PROVIDER_MODEL": "gemini-2.5-pro", "API_GOOGLE_AI_API_KEY": "AIza", "API_OPEN_AI_API_KEY": "k", "API_OPENAI_FORCE_BASE_URL": "http://proxy:4000"}, "openai_compatible", "http://proxy:4000", "skips"},
		{"gemini with only an OpenAI key", map[string]string{"API_LLM_PROVIDER_MODEL": "gemini-2.5-pro", "API_OPEN_AI_API_KEY": "k"}, "openai_compatible", "https://api.openai.com/v1", "is empty"},
		{"gemma is not gemini", map[string]string{"API_LLM_PROVIDER_MODEL": "gemma-3-27b-it", "API_GOOGLE_AI_API_KEY": "AIza"}, "", "", "every call fails"},
		{"openai default", map[string]string{"API_LLM_PROVIDER_MODEL": "gpt-5.4", "API_OPEN_AI_API_KEY": "k"}, "openai_compatible", "https://api.openai.com/v1", "is empty"},
		{"glm", map[string]string{"API_LLM_PROVIDER_MODEL": "glm-5.1", "API_OPEN_AI_API_KEY": "k", "API_OPENAI_FORCE_BASE_URL": "https://api.z.ai/api/paas/v4/"}, "openai_compatible", "https://api.z.ai/api/paas/v4/", "OpenAI-compatible client"},
		{"no key", map[string]string{"API_LLM_PROVIDER_MODEL": "llama3"}, "", "", "every call fails"},
		{"claude without any key", map[string]string{"API_LLM_PROVIDER_MODEL": "claude-sonnet-4-6", "API_GOOGLE_AI_API_KEY": "AIza"}, "", "", "every call fails"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inf := envfile.Infer(func(k string) string { return c.vars[k] })
			if inf.Provider != c.provider || inf.BaseURL != c.baseURL || !strings.Contains(inf.Rule, c.rule) {
				t.Errorf("got %+v; want provider %q base %q rule ~%q", inf, c.provider, c.baseURL, c.rule)
			}
			if inf.Configured != (c.rule != "Fixed Mode is off") {
				t.Errorf("configured = %v", inf.Configured)
			}
		})
	}
}

// The check runs Kodus's inference on the block about to be written and
// says when Kodus would route differently from the profile, and how to fix it.
func TestRoutingCheck(t *testing.T) {
	cases := []struct {
		name string
		slot profile.Slot
		key  string
		warn string // "" = no routing warning
	}{
		{"claude through an OpenAI-compatible proxy is fine", profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "claude-sonnet-4-6", BaseURL: "https://litellm.example.com/v1"}}, "k-fake-0000", ""},
		{"openrouter claude is fine", profile.Slot{Settings: profile.Settings{Provider: catalog.OpenRouter, Model: "anthropic/claude-sonnet-4.6"}}, "sk-or-fake-0000", ""},
		{"anthropic without a claude- id", profile.Slot{Settings: profile.Settings{Provider: catalog.Anthropic, Model: "sonnet-latest"}}, "sk-ant-fake-0000", "only by an id starting with claude-"},
		{"gemini key without a gemini- id", profile.Slot{Settings: profile.Settings{Provider: catalog.GoogleGemini, Model: "gemma-3-27b-it"}}, "AIzaFAKE00000000", "only by an id starting with gemini-"},
		{"vertex with an API key", profile.Slot{Settings: profile.Settings{Provider: catalog.GoogleVertex, Model: "gemini-2.5-pro"}}, "AIzaSyFAKE000000000", "save the service-account JSON"},
		{"compatible endpoint on api.anthropic.com", profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "claude-sonnet-4-6", BaseURL: "https://api.anthropic.com/v1"}}, "sk-ant-fake-0000", "use provider anthropic"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := build(t, envfile.Source{Main: c.slot, Key: secrets.NewSecret(c.key)}, envfile.Options{})
			var got *envfile.Warning
			for i, w := range b.Warnings {
				if w.Code == "routing" {
					got = &b.Warnings[i]
				}
			}
			switch {
			case c.warn == "" && got != nil:
				t.Errorf("unexpected routing warning: %+v", got)
			case c.warn != "" && (got == nil || !strings.Contains(got.Fix, c.warn)):
				t.Errorf("routing warning = %+v, want a fix with %q", got, c.warn)
			}
		})
	}
}

func TestBuildRefuses(t *testing.T) {
	for _, c := range []struct {
		slot profile.Slot
		key  string
		want string
	}{
		{profile.Slot{Settings: profile.Settings{Provider: catalog.Anthropic, Model: "claude-sonnet-4-6"}}, "", "has no key"},
		{profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "auto", BaseURL: "http://x"}}, "", "real model id"},
		{profile.Slot{}, "", "no Main model"},
		{profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "m", BaseURL: "http://x"}}, "it's \"bad\"", "single quote together"},
	} {
		_, err := envfile.Build(envfile.Source{Profile: "p", Main: c.slot, Key: secrets.NewSecret(c.key), Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog()}, envfile.Options{}, now)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.slot, err, c.want)
		}
	}
}

func TestLocalhostRewrite(t *testing.T) {
	for _, c := range []struct{ base, host, want string }{
		{"http://localhost:11434/v1", "host.docker.internal", "http://host.docker.internal:11434/v1"},
		{"http://127.0.0.1:8000/v1", "192.168.1.20", "http://192.168.1.20:8000/v1"},
		{"http://[::1]:1234/v1", "fd00::5", "http://[fd00::5]:1234/v1"},
		{"http://vllm.internal:8000/v1", "host.docker.internal", "http://vllm.internal:8000/v1"},
	} {
		b := build(t, envfile.Source{Main: profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "m", BaseURL: c.base}}}, envfile.Options{ReplaceLocalhost: c.host})
		if got := b.Get(envfile.VarBaseURL); got != c.want {
			t.Errorf("%s → %s, want %s", c.base, got, c.want)
		}
		for _, w := range b.Warnings {
			if w.Code == "localhost" || w.Code == "routing" {
				t.Errorf("%s: %s warning after the rewrite: %s", c.base, w.Code, w.Message)
			}
		}
	}
}
