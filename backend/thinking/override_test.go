package thinking

import (
	"testing"
)

func custom(provider, model, override string) Input {
	return Input{Line: mid, Provider: provider, Model: model, Effort: Custom, Override: override}
}

// Wrapping: a JSON with no namespace key goes under the provider's
// namespace; one with a namespace key passes through; an unknown provider
// passes it through unwrapped.
func TestWrapping(t *testing.T) {
	flat := `{"thinking": {"type": "enabled"}}`
	cases := []struct {
		name, provider, model, override, want, note string
	}{
		{"anthropic", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled", "budgetTokens": 8000}}`, `{"anthropic":{"thinking":{"type":"enabled","budgetTokens":8000}}}`, `wrapped under "anthropic", the namespace Anthropic reads`},
		{"google_gemini", "google_gemini", "gemini-2.5-pro", `{"thinkingConfig": {"thinkingBudget": 16000}}`, `{"google":{"thinkingConfig":{"thinkingBudget":16000}}}`, `wrapped under "google"`},
		{"google_vertex", "google_vertex", "gemini-3.1-pro-preview", `{"thinkingConfig": {"thinkingLevel": "low"}}`, `{"google":{"thinkingConfig":{"thinkingLevel":"low"}}}`, `wrapped under "google"`},
		{"openai", "openai", "gpt-5.4", `{"reasoningEffort": "xhigh"}`, `{"openai":{"reasoningEffort":"xhigh"}}`, `wrapped under "openai"`},
		{"open_router", "open_router", "z-ai/glm-5", `{"reasoning": {"max_tokens": 4000}}`, `{"openrouter":{"reasoning":{"max_tokens":4000}}}`, `wrapped under "openrouter"`},
		{"openai_compatible", "openai_compatible", "glm-5.1", flat, `{"openaiCompatible":{"thinking":{"type":"enabled"}}}`, `wrapped under "openaiCompatible"`},
		{"novita", "novita", "deepseek/deepseek-r1", flat, `{"openaiCompatible":{"thinking":{"type":"enabled"}}}`, `wrapped under "openaiCompatible"`},
		{"namespaced passes through", "openai_compatible", "glm-5.1", `{"openaiCompatible": {"thinking": {"type": "disabled"}}}`, `{"openaiCompatible":{"thinking":{"type":"disabled"}}}`, "passed through as written"},
		{"several namespaces", "anthropic", "claude-sonnet-4-6", `{"anthropic": {"effort": "low"}, "openai": {"reasoningEffort": "low"}}`, `{"anthropic":{"effort":"low"},"openai":{"reasoningEffort":"low"}}`, "the openai block is sent, but Anthropic reads only anthropic"},
		{"langsmith is a namespace", "anthropic", "claude-sonnet-4-6", `{"langsmith": {"tags": ["kodus"]}}`, `{"langsmith":{"tags":["kodus"]}}`, "passed through as written"},
		{"stray top-level key", "anthropic", "claude-sonnet-4-6", `{"anthropic": {"effort": "low"}, "effort": "high"}`, `{"anthropic":{"effort":"low"},"effort":"high"}`, `top-level "effort" is not a provider namespace, so no adapter reads it: move it into the anthropic block`},
		{"unknown provider", "amazon_bedrock", "claude", flat, `{"thinking":{"type":"enabled"}}`, `provider "amazon_bedrock" has no namespace in Kodus: the JSON is passed through unwrapped`},
		{"empty object", "anthropic", "claude-sonnet-4-6", `{}`, `{}`, "empty object: nothing is sent"},
		{"duplicate key", "openai", "gpt-5.4", `{"reasoningEffort": "low", "reasoningEffort": "high"}`, `{"openai":{"reasoningEffort":"high"}}`, "openai.reasoningEffort is given twice: only the last value is sent"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := build(t, custom(c.provider, c.model, c.override))
			if got := canon(t, r.ProviderOptions); got != canon(t, c.want) {
				t.Errorf("providerOptions = %s, want %s", got, c.want)
			}
			if !hasNote(r.Notes, c.note) {
				t.Errorf("notes %q lack %q", r.Notes, c.note)
			}
		})
	}
}

// Precedence: the override replaces the preset's namespace block entirely,
// and the notes say which preset fields are no longer sent.
func TestPrecedence(t *testing.T) {
	cases := []struct {
		name, provider, model, override, want, note string
	}{
		// The gotcha Kodus's BYOK docs warn of: override anthropic.thinking and effort is gone.
		{"effort dropped", "anthropic", "claude-sonnet-4-6", `{"thinking": {"type": "adaptive"}}`, `{"anthropic":{"thinking":{"type":"adaptive"}}}`, "override replaced the preset's anthropic block: effort is no longer sent"},
		{"everything dropped", "anthropic", "claude-opus-4-7", `{"sendReasoning": false}`, `{"anthropic":{"sendReasoning":false}}`, "effort and thinking.type are no longer sent"},
		{"budget replaced", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled", "budgetTokens": 25000}}`, `{"anthropic":{"thinking":{"type":"enabled","budgetTokens":25000}}}`, "override replaced the preset's anthropic block"},
		{"gemini level to budget", "google_gemini", "gemini-3-flash-preview", `{"thinkingConfig": {"includeThoughts": true}}`, `{"google":{"thinkingConfig":{"includeThoughts":true}}}`, "thinkingConfig.thinkingLevel is no longer sent"},
		{"other namespace only", "anthropic", "claude-sonnet-4-6", `{"openai": {"reasoningEffort": "high"}}`, `{"openai":{"reasoningEffort":"high"}}`, "there is no anthropic block, so no reasoning options reach Anthropic"},
		{"openrouter", "open_router", "moonshotai/kimi-k2.5", `{"reasoning": {"max_tokens": 2000}}`, `{"openrouter":{"reasoning":{"max_tokens":2000}}}`, "reasoning.effort is no longer sent"},
		{"openai-compatible off", "openai_compatible", "glm-5.1", `{"thinking": {"type": "disabled"}}`, `{"openaiCompatible":{"thinking":{"type":"disabled"}}}`, "override replaced the preset's openaiCompatible block"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := build(t, custom(c.provider, c.model, c.override))
			if got := canon(t, r.ProviderOptions); got != canon(t, c.want) {
				t.Errorf("providerOptions = %s, want %s", got, c.want)
			}
			if !hasNote(r.Notes, c.note) {
				t.Errorf("notes %q lack %q", r.Notes, c.note)
			}
		})
	}
	// Novita's preset is the OpenAI-compatible one, so an override replaces it.
	if r := build(t, custom("novita", "x", `{"thinking": {"type": "disabled"}}`)); !hasNote(r.Notes, "override replaced the preset's openaiCompatible block") {
		t.Errorf("novita notes %q", r.Notes)
	}
	// A level ignores any Custom JSON left in the form, and says so.
	r := build(t, Input{Line: mid, Provider: "openai", Model: "gpt-5.4", Effort: "high", Override: `{"reasoningEffort": "low"}`})
	if canon(t, r.ProviderOptions) != `{"openai":{"reasoningEffort":"high"}}` || !hasNote(r.Notes, "the Custom JSON is not used: Thinking is high") {
		t.Errorf("level with override = %v %q", r.ProviderOptions, r.Notes)
	}
}

// OpenRouter pinning: order and allow_fallbacks under openrouter.provider,
// emitted only when set; merged with the preset; deep-merged with an
// override, whose fields win.
func TestOpenRouterRouting(t *testing.T) {
	yes, no := true, false
	or := func(effort, override string, order []string, allow *bool) Input {
		return Input{Line: mid, Provider: "open_router", Model: "moonshotai/kimi-k2.5", Effort: effort, Override: override, OpenRouterOrder: order, OpenRouterAllowFallbacks: allow}
	}
	cases := []struct {
		name  string
		in    Input
		want  string
		notes []string
	}{
		{"preset and pins coexist", or("medium", "", []string{"moonshot", "together"}, &no),
			`{"openrouter":{"reasoning":{"effort":"medium"},"provider":{"order":["moonshot","together"],"allow_fallbacks":false}}}`,
			[]string{"OpenRouter tries moonshot, then together, in that order", "allow_fallbacks false: requests fail when none of the pinned providers is available"}},
		{"order trimmed, empties dropped", or("low", "", []string{" moonshot ", "", "  ", "groq"}, nil),
			`{"openrouter":{"reasoning":{"effort":"low"},"provider":{"order":["moonshot","groq"]}}}`, []string{"tries moonshot, then groq"}},
		{"allow_fallbacks alone", or("off", "", nil, &yes),
			`{"openrouter":{"provider":{"allow_fallbacks":true}}}`, []string{"allow_fallbacks true", "no reasoning options"}},
		{"nothing set, nothing sent", or("off", "", []string{"", " "}, nil), `{}`, nil},
		{"override without openrouter block keeps pins", or("custom", `{"anthropic": {"effort": "high"}}`, []string{"anthropic"}, &no),
			`{"anthropic":{"effort":"high"},"openrouter":{"provider":{"order":["anthropic"],"allow_fallbacks":false}}}`, []string{"the anthropic block is sent, but OpenRouter reads only openrouter"}},
		{"wrapped override merges with pins", or("custom", `{"reasoning": {"effort": "high"}}`, []string{"moonshot"}, nil),
			`{"openrouter":{"reasoning":{"effort":"high"},"provider":{"order":["moonshot"]}}}`, []string{"deep-merged into your openrouter block"}},
		// The "raw JSON override" of Kodus's BYOK docs for routing fields beyond order.
		{"routing fields deep-merge into provider", or("custom", `{"provider": {"ignore": ["deepinfra"], "data_collection": "deny", "require_parameters": true}}`, []string{"moonshot", "together"}, &no),
			`{"openrouter":{"provider":{"order":["moonshot","together"],"allow_fallbacks":false,"ignore":["deepinfra"],"data_collection":"deny","require_parameters":true}}}`, []string{"your fields win", "merges routing only one level deep, where your openrouter.provider block would drop the pinned allow_fallbacks and order: add them"}},
		{"override wins on conflict", or("custom", `{"provider": {"order": ["groq"], "allow_fallbacks": true}}`, []string{"moonshot"}, &no),
			`{"openrouter":{"provider":{"order":["groq"],"allow_fallbacks":true}}}`,
			[]string{`your openrouter.provider.order replaces the value from the OpenRouter routing section (["moonshot"])`, "your openrouter.provider.allow_fallbacks replaces the value from the OpenRouter routing section (false)"}},
		{"same value is no conflict", or("custom", `{"provider": {"allow_fallbacks": false}}`, nil, &no),
			`{"openrouter":{"provider":{"allow_fallbacks":false}}}`, nil},
		{"not OpenRouter: not sent", Input{Line: mid, Provider: "openai", Model: "gpt-5.4", Effort: "low", OpenRouterOrder: []string{"x"}},
			`{"openai":{"reasoningEffort":"low"}}`, []string{"applies only to provider open_router: not sent"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := build(t, c.in)
			if got := canon(t, r.ProviderOptions); got != canon(t, c.want) {
				t.Errorf("providerOptions = %s, want %s", got, c.want)
			}
			for _, n := range c.notes {
				if !hasNote(r.Notes, n) {
					t.Errorf("notes %q lack %q", r.Notes, n)
				}
			}
			if c.name == "same value is no conflict" && hasNote(r.Notes, "replaces") {
				t.Errorf("notes %q", r.Notes)
			}
		})
	}
}

// The Custom JSON uses of Kodus's BYOK docs and the placeholders of its
// advanced-settings form.
func TestSeedExamples(t *testing.T) {
	cases := []struct {
		name, provider, model, override, want, note string
	}{
		{"specific Claude budget", "anthropic", "claude-sonnet-4-5-20250929", `{"thinking": {"type": "enabled", "budgetTokens": 25000}}`, `{"anthropic":{"thinking":{"type":"enabled","budgetTokens":25000}}}`, ""},
		{"Kodus's newer Anthropic placeholder", "anthropic", "claude-opus-4-7", `{"thinking": {"type": "adaptive"}, "effort": "high"}`, `{"anthropic":{"thinking":{"type":"adaptive"},"effort":"high"}}`, ""},
		{"disable thinking on GLM", "openai_compatible", "glm-5.1", `{"thinking": {"type": "disabled"}}`, `{"openaiCompatible":{"thinking":{"type":"disabled"}}}`, ""},
		{"fields beyond reasoning", "openai", "gpt-5.4", `{"reasoningEffort": "high", "serviceTier": "flex", "user": "kodus"}`, `{"openai":{"reasoningEffort":"high","serviceTier":"flex","user":"kodus"}}`, ""},
		{"a field the app does not know", "google_gemini", "gemini-2.5-pro", `{"thinkingConfig": {"thinkingBudget": 16000}, "safetySettings": []}`, `{"google":{"thinkingConfig":{"thinkingBudget":16000},"safetySettings":[]}}`, "google.safetySettings is not a field this app knows: passed through unchecked"},
		{"Kodus's OpenRouter placeholder", "open_router", "moonshotai/kimi-k2.5", `{"reasoning": {"effort": "high"}, "ignore": ["deepinfra"]}`, `{"openrouter":{"reasoning":{"effort":"high"},"ignore":["deepinfra"]}}`, "did you mean openrouter.provider.ignore?"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := build(t, custom(c.provider, c.model, c.override))
			if got := canon(t, r.ProviderOptions); got != canon(t, c.want) {
				t.Errorf("providerOptions = %s, want %s", got, c.want)
			}
			if c.note != "" && !hasNote(r.Notes, c.note) {
				t.Errorf("notes %q lack %q", r.Notes, c.note)
			}
		})
	}
}

// Every placeholder the GUI shows is itself a valid Custom JSON.
func TestExamplesAreValid(t *testing.T) {
	models := [][2]string{
		{"anthropic", "claude-sonnet-4-6"}, {"anthropic", "claude-opus-4-7"}, {"anthropic", "claude-haiku-4-5-20251001"},
		{"google_gemini", "gemini-3.1-pro-preview-customtools"}, {"google_vertex", "gemini-2.5-flash"}, {"google_gemini", "gemini-2.5-flash-lite"},
		{"openai", "gpt-5.4"}, {"openai", "gpt-5-pro"}, {"openai", "gpt-4.1"}, {"open_router", "z-ai/glm-5"},
		{"openai_compatible", "kimi-k2.6"}, {"novita", "x"}, {"amazon_bedrock", "x"},
	}
	for _, m := range models {
		ex := Example(mid, m[0], m[1])
		if err := CheckOverride(mid, m[0], m[1], ex); err != nil {
			t.Errorf("%s %s: example %s: %v", m[0], m[1], ex, err)
		}
		if r := build(t, custom(m[0], m[1], ex)); hasNote(r.Notes, "not a field this app knows") || hasNote(r.Notes, "not an OpenRouter option") {
			t.Errorf("%s: example has unknown fields: %q", m[1], r.Notes)
		}
	}
}
