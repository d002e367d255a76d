package thinking

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// Known fields are checked against the schema generated from the Go types
// and narrowed per model. ok == "" means accepted; otherwise the message
// must contain it.
func TestSchemaRules(t *testing.T) {
	cases := []struct {
		name, provider, model, override, fail string
	}{
		// Anthropic
		{"budget at the minimum", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled", "budgetTokens": 1024}}`, ""},
		{"budget below 1024", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled", "budgetTokens": 500}}`, "anthropic.thinking.budgetTokens: must be at least 1024 (got 500)"},
		{"budget not an integer", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled", "budgetTokens": 2048.5}}`, "anthropic.thinking.budgetTokens: must be an integer, not a number"},
		{"budget as a string", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled", "budgetTokens": "8000"}}`, "must be an integer, not a string"},
		{"enabled needs a budget", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled"}}`, `anthropic.thinking: missing budgetTokens: thinking type "enabled" needs budgetTokens`},
		{"thinking needs a type", "anthropic", "claude-sonnet-4-6", `{"thinking": {"budgetTokens": 2000}}`, "anthropic.thinking: missing type"},
		{"unknown thinking type", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "on"}}`, `anthropic.thinking.type: "on" is not allowed: use "enabled", "adaptive" or "disabled"`},
		{"Opus 4.7 rejects the budget form", "anthropic", "claude-opus-4-7", `{"thinking": {"type": "enabled", "budgetTokens": 8000}}`, `"enabled" is not allowed: use "adaptive" or "disabled": Claude Opus 4.7 takes thinking type adaptive, disabled`},
		{"Sonnet 4.6 still takes the budget form", "anthropic", "claude-sonnet-4-6", `{"thinking": {"type": "enabled", "budgetTokens": 8000}}`, ""},
		{"unknown effort", "anthropic", "claude-sonnet-4-6", `{"effort": "extreme"}`, `anthropic.effort: "extreme" is not allowed`},
		{"xhigh on Opus 4.7", "anthropic", "claude-opus-4-7", `{"effort": "xhigh"}`, ""},
		{"xhigh not on Sonnet 4.6", "anthropic", "claude-sonnet-4-6", `{"effort": "xhigh"}`, "Claude Sonnet 4.6 accepts effort low, medium, high, max"},
		{"Mythos cannot disable", "anthropic", "claude-mythos-preview", `{"thinking": {"type": "disabled"}}`, `use "adaptive"`},
		{"sendReasoning is a boolean", "anthropic", "claude-sonnet-4-6", `{"sendReasoning": "yes"}`, "anthropic.sendReasoning: must be a boolean, not a string"},
		// Google
		{"budget and level together", "google_gemini", "gemini-3.1-pro-preview", `{"thinkingConfig": {"thinkingBudget": 1000, "thinkingLevel": "high"}}`, "google.thinkingConfig: send thinkingBudget or thinkingLevel, not both (Gemini answers 400)"},
		{"level on Gemini 3.1 Pro", "google_vertex", "gemini-3.1-pro-preview-customtools", `{"thinkingConfig": {"thinkingLevel": "medium"}}`, ""},
		{"minimal not on 3.1 Pro", "google_gemini", "gemini-3.1-pro-preview", `{"thinkingConfig": {"thinkingLevel": "minimal"}}`, "Gemini 3.1 Pro accepts thinkingLevel low, medium, high"},
		{"minimal on 3 Flash", "google_gemini", "gemini-3-flash-preview", `{"thinkingConfig": {"thinkingLevel": "minimal"}}`, ""},
		{"medium not on Gemini 3 Pro", "google_gemini", "gemini-3-pro-preview", `{"thinkingConfig": {"thinkingLevel": "medium"}}`, "Gemini 3 Pro accepts thinkingLevel low, high"},
		{"2.5 Pro cannot turn thinking off", "google_gemini", "gemini-2.5-pro", `{"thinkingConfig": {"thinkingBudget": 0}}`, "Gemini 2.5 Pro accepts thinkingBudget 128 to 32768, or -1 (dynamic)"},
		{"2.5 Pro dynamic", "google_gemini", "gemini-2.5-pro", `{"thinkingConfig": {"thinkingBudget": -1}}`, ""},
		{"2.5 Flash off", "google_vertex", "gemini-2.5-flash", `{"thinkingConfig": {"thinkingBudget": 0}}`, ""},
		{"2.5 Flash-Lite gap", "google_gemini", "gemini-2.5-flash-lite", `{"thinkingConfig": {"thinkingBudget": 100}}`, "0 (off) or 512 to 24576"},
		{"2.5 Flash-Lite 512", "google_gemini", "gemini-2.5-flash-lite", `{"thinkingConfig": {"thinkingBudget": 512}}`, ""},
		{"budget below -1", "google_gemini", "gemini-flash-latest", `{"thinkingConfig": {"thinkingBudget": -5}}`, "must be at least -1"},
		// OpenAI: the effort values the chosen model accepts.
		{"gpt-5 has no none", "openai", "gpt-5", `{"reasoningEffort": "none"}`, "gpt-5 accepts reasoningEffort minimal, low, medium, high"},
		{"gpt-5.1 has no minimal", "openai", "gpt-5.1", `{"reasoningEffort": "minimal"}`, "gpt-5.1 accepts reasoningEffort none, low, medium, high"},
		{"gpt-5.4 xhigh", "openai", "gpt-5.4", `{"reasoningEffort": "xhigh"}`, ""},
		{"gpt-5.4 no max", "openai", "gpt-5.4", `{"reasoningEffort": "max"}`, `"max" is not allowed`},
		{"gpt-5.6 max", "openai", "gpt-5.6", `{"reasoningEffort": "max"}`, ""},
		{"gpt-5-pro only high", "openai", "gpt-5-pro", `{"reasoningEffort": "medium"}`, `use "high"`},
		{"gpt-4.1 is not a reasoning model", "openai", "gpt-4.1", `{"reasoningEffort": "low"}`, "gpt-4.1 is not a reasoning model: OpenAI rejects reasoningEffort"},
		{"unknown model: generic values", "openai", "o4-mini", `{"reasoningEffort": "minimal"}`, ""},
		{"unknown model: unknown value", "openai", "o4-mini", `{"reasoningEffort": "ultra"}`, `"ultra" is not allowed: use "none", "minimal", "low", "medium", "high", "xhigh" or "max"`},
		{"summary values", "openai", "gpt-5.4", `{"reasoningSummary": "short"}`, `openai.reasoningSummary: "short" is not allowed`},
		// OpenRouter
		{"effort and max_tokens", "open_router", "x", `{"reasoning": {"effort": "high", "max_tokens": 4000}}`, "send reasoning.effort or reasoning.max_tokens, not both"},
		{"data_collection", "open_router", "x", `{"provider": {"data_collection": "maybe"}}`, `openrouter.provider.data_collection: "maybe" is not allowed: use "allow" or "deny"`},
		{"quantizations", "open_router", "x", `{"provider": {"quantizations": ["fp8", "int3"]}}`, `openrouter.provider.quantizations[1]: "int3" is not allowed`},
		{"order must be a list", "open_router", "x", `{"provider": {"order": "moonshot"}}`, "openrouter.provider.order: must be an array, not a string"},
		{"sort values", "open_router", "x", `{"provider": {"sort": "fastest"}}`, `openrouter.provider.sort: "fastest" is not accepted: sort is price or throughput or latency`},
		{"sort object form", "open_router", "x", `{"provider": {"sort": {"by": "price"}}}`, ""},
		{"max_price not negative", "open_router", "x", `{"provider": {"max_price": {"prompt": -1}}}`, "openrouter.provider.max_price.prompt: must be at least 0 (got -1)"},
		// OpenAI-compatible
		{"thinking is on or off", "openai_compatible", "glm-5.1", `{"thinking": {"type": "on"}}`, `openaiCompatible.thinking.type: "on" is not allowed: use "enabled" or "disabled"`},
		// Blocks for other namespaces are checked with the generic rules.
		{"other namespace checked", "anthropic", "claude-sonnet-4-6", `{"anthropic": {}, "google": {"thinkingConfig": {"thinkingLevel": "max"}}}`, `google.thinkingConfig.thinkingLevel: "max" is not allowed`},
		{"namespace must be an object", "openai", "gpt-5.4", `{"openai": "high"}`, "openai: must be an object, not a string"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckOverride(mid, c.provider, c.model, c.override)
			switch {
			case c.fail == "" && err != nil:
				t.Errorf("rejected: %v", err)
			case c.fail != "" && err == nil:
				t.Errorf("accepted, want %q", c.fail)
			case c.fail != "" && !strings.Contains(err.Error(), c.fail):
				t.Errorf("err = %v\nwant …%s…", err, c.fail)
			}
		})
	}
}

// Several problems are all reported, each at its own line and column.
func TestSchemaProblemsPlaced(t *testing.T) {
	src := "{\n  \"thinking\": {\n    \"type\": \"enabled\",\n    \"budgetTokens\": 10\n  },\n  \"effort\": \"extreme\"\n}"
	err := CheckOverride(mid, "anthropic", "claude-sonnet-4-5-20250929", src)
	var oe *OverrideError
	if !errors.As(err, &oe) || len(oe.Problems) != 2 {
		t.Fatalf("err = %v", err)
	}
	want := []Problem{
		{Line: 4, Column: 21, Path: "anthropic.thinking.budgetTokens"},
		{Line: 6, Column: 13, Path: "anthropic.effort"},
	}
	for i, w := range want {
		if p := oe.Problems[i]; p.Line != w.Line || p.Column != w.Column || p.Path != w.Path {
			t.Errorf("problem %d = %+v, want %+v", i, p, w)
		}
	}
}

// The published schema is a valid 2020-12 schema and carries the rules.
func TestPublishedSchema(t *testing.T) {
	if err := compileChecked(t, Schema()); err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	raw, err := json.Marshal(Schema())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	budget := lookup(m, "/properties/anthropic/properties/thinking/properties/budgetTokens").(map[string]any)
	if budget["minimum"] != float64(1024) || budget["type"] != "integer" {
		t.Errorf("budgetTokens schema = %v", budget)
	}
	if m["$schema"] != "https://json-schema.org/draft/2020-12/schema" || m["$id"] != SchemaID {
		t.Errorf("header = %v %v", m["$schema"], m["$id"])
	}
}
