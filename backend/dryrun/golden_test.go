package dryrun

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/internal/golden"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/thinking"
)

// slotCase is a slot as saved: the catalog's defaults for a card, or a
// manual setup, with a Thinking choice.
type slotCase struct {
	provider, model, plan, baseURL string
	temperature                    *float64
	maxOutput                      *int
	override                       string
	order                          []string
	allow                          *bool
	key                            string
}

// input turns a slot into a dry-run input through backend/thinking, as the
// studio does: the golden files pin the whole path from a saved level to
// the wire.
func (c slotCase) input(t *testing.T, level string) Input {
	t.Helper()
	in := Input{Provider: c.provider, Model: c.model, Plan: c.plan, BaseURL: c.baseURL, Temperature: c.temperature, MaxOutputTokens: c.maxOutput}
	if m, ok := kodusline.MustGet(kodusline.Mid2026).Catalog().ModelForSlot(c.provider, c.model); ok {
		if in.Temperature == nil {
			in.Temperature = m.Defaults.Temperature
		}
		if in.MaxOutputTokens == nil {
			in.MaxOutputTokens = m.Defaults.MaxOutputTokens
		}
	}
	res, err := thinking.Build(thinking.Input{Line: kodusline.MustGet(kodusline.Mid2026), Provider: c.provider, Model: c.model, Effort: level, Override: c.override,
		OpenRouterOrder: c.order, OpenRouterAllowFallbacks: c.allow})
	if err != nil {
		t.Fatalf("thinking.Build: %v", err)
	}
	in.ProviderOptions = res.ProviderOptions
	return in
}

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// goldenRunner builds with a fixed User-Agent, so files do not change with
// the version.
func goldenRunner() *Runner {
	return &Runner{Tester: &keytest.Tester{Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog(), UserAgent: "kodus-byok/test (Kodus BYOK Studio settings dry run)"}}
}

var levels = []string{"off", "low", "medium", "high"}

// Every provider × thinking level: the request Kodus would send, byte for
// byte, with the notes on what the AI SDK did on the way.
func TestRequestGolden(t *testing.T) {
	no := false
	sa := fakeprovider.ServiceAccountJSON()
	byLevel := map[string]slotCase{
		"anthropic-sonnet-4-6":       {provider: "anthropic", model: "claude-sonnet-4-6"},
		"anthropic-opus-4-7":         {provider: "anthropic", model: "claude-opus-4-7"},
		"anthropic-sonnet-4-5":       {provider: "anthropic", model: "claude-sonnet-4-5-20250929"},
		"openai-gpt-5-4":             {provider: "openai", model: "gpt-5.4"},
		"gemini-3-1-pro-customtools": {provider: "google_gemini", model: "gemini-3.1-pro-preview-customtools"},
		"gemini-2-5-pro":             {provider: "google_gemini", model: "gemini-2.5-pro"},
		"vertex-gemini-2-5-pro":      {provider: "google_vertex", model: "gemini-2.5-pro", key: sa},
		"openrouter-kimi-k2-5":       {provider: "open_router", model: "moonshotai/kimi-k2.5"},
		"novita-deepseek-r1":         {provider: "novita", model: "deepseek/deepseek-r1", temperature: f64(0.6), maxOutput: intp(8192)},
		"moonshot-kimi-k2-6":         {provider: "openai_compatible", model: "kimi-k2.6", plan: "moonshot"},
		"zai-glm-5-1":                {provider: "openai_compatible", model: "glm-5.1", plan: "coding-plan"},
		"ollama-llama3-1":            {provider: "openai_compatible", model: "llama3.1:8b", baseURL: "http://localhost:11434/v1", temperature: f64(0.2)},
	}
	cases := map[string]struct {
		c     slotCase
		level string
	}{}
	for name, c := range byLevel {
		for _, l := range levels {
			cases[name+"-"+l] = struct {
				c     slotCase
				level string
			}{c, l}
		}
	}
	custom := func(name string, c slotCase) {
		cases[name] = struct {
			c     slotCase
			level string
		}{c, "custom"}
	}
	cases["openrouter-pinned-medium"] = struct {
		c     slotCase
		level string
	}{slotCase{provider: "open_router", model: "moonshotai/kimi-k2.5", order: []string{"moonshot", "together"}, allow: &no}, "medium"}
	custom("openrouter-custom-pinned", slotCase{provider: "open_router", model: "moonshotai/kimi-k2.5", order: []string{"moonshot"}, allow: &no,
		override: `{"reasoning": {"effort": "high"}, "provider": {"ignore": ["deepinfra"]}}`})
	custom("anthropic-custom-budget", slotCase{provider: "anthropic", model: "claude-sonnet-4-5-20250929", override: `{"thinking": {"type": "enabled", "budgetTokens": 60000}}`})
	custom("openai-custom-summary", slotCase{provider: "openai", model: "gpt-5.4", override: `{"reasoningEffort": "none", "reasoningSummary": "auto", "textVerbosity": "low"}`})
	custom("gemini-custom-include-thoughts", slotCase{provider: "google_gemini", model: "gemini-2.5-pro", override: `{"thinkingConfig": {"thinkingBudget": 2048, "includeThoughts": true}}`})
	custom("moonshot-custom-disable", slotCase{provider: "openai_compatible", model: "kimi-k2.6", plan: "moonshot", override: `{"thinking": {"type": "disabled"}, "reasoning_effort": "high"}`})
	custom("novita-custom-own-block", slotCase{provider: "novita", model: "deepseek/deepseek-r1", override: `{"openaiCompatible": {"reasoningEffort": "high", "thinking": {"type": "enabled"}}, "novita": {"separate_reasoning": true}}`})
	custom("vertex-claude-custom", slotCase{provider: "google_vertex", model: "claude-sonnet-4-6", key: sa, override: `{"anthropic": {"thinking": {"type": "adaptive"}, "effort": "low"}}`})
	cases["vertex-api-key-medium"] = struct {
		c     slotCase
		level string
	}{slotCase{provider: "google_vertex", model: "gemini-3.1-pro-preview", key: "AQ.FAKEvertexExpressKEY0123456789"}, "medium"}
	cases["anthropic-no-max-output-off"] = struct {
		c     slotCase
		level string
	}{slotCase{provider: "anthropic", model: "claude-haiku-4-5-20251001", maxOutput: intp(0)}, "off"}

	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			in := tc.c.input(t, tc.level)
			if tc.c.maxOutput != nil && *tc.c.maxOutput == 0 {
				in.MaxOutputTokens = nil
			}
			req, err := goldenRunner().Build(in, secrets.NewSecret(tc.c.key))
			if err != nil {
				t.Fatal(err)
			}
			if tc.c.key != "" && strings.Contains(string(req.Body)+strings.Join(headerValues(req), " "), tc.c.key) {
				t.Fatal("the key is in the shown request")
			}
			compareGolden(t, filepath.Join("testdata", "golden", name+".json"), shown(t, req))
		})
	}
}

func headerValues(r Request) []string {
	var out []string
	for _, v := range r.Headers {
		out = append(out, v)
	}
	return out
}

// shown is a request as a person reads it: the body indented.
func shown(t *testing.T, r Request) []byte {
	t.Helper()
	var body bytes.Buffer
	if err := json.Indent(&body, r.Body, "  ", "  "); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, r.Body)
	}
	r.Body = body.Bytes()
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Assert(t, path, got)
}
