package thinking

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

var fuzzProviders = []string{"anthropic", "google_gemini", "google_vertex", "openai", "open_router", "openai_compatible", "novita", "amazon_bedrock"}
var fuzzModels = []string{"claude-sonnet-4-6", "claude-opus-4-7", "claude-sonnet-4-5-20250929", "gemini-3.1-pro-preview", "gemini-2.5-flash-lite", "gpt-5.4", "gpt-5-pro", "gpt-4.1", "moonshotai/kimi-k2.5", "glm-5.1", ""}

// FuzzOverride feeds arbitrary text to the Custom JSON path. It must never
// panic; an error stays an *OverrideError with a real place; what parses
// is exactly what encoding/json calls valid; a result is a JSON object.
// Seeds live in testdata/fuzz/FuzzOverride; run longer with
// go test ./backend/thinking -run '^$' -fuzz FuzzOverride -fuzztime 5m
func FuzzOverride(f *testing.F) {
	for _, s := range []string{
		`{"thinking": {"type": "enabled", "budgetTokens": 20000}}`,
		`{"anthropic": {"thinking": {"type": "adaptive"}, "effort": "high"}}`,
		`{"thinkingConfig": {"thinkingBudget": 16000, "thinkingLevel": "low"}}`,
		`{"reasoning": {"effort": "high"}, "provider": {"order": ["a"], "ignore": ["b"]}}`,
		`{"a": 1,}`, "{\n\"a\": 1\n\"b\": 2}", `[1, 2,]`, `{"a": "\u00e9\ud83d\ude00"}`, `{'a': True}`, "\uFEFF{}", `{"a":{"a":{"a":{}}}}`,
		`{"openai": {"reasoningEffort": 3}}`, `{"x": -0.5e-3, "y": [null, false]}`, `"string"`, `12`, ``,
	} {
		f.Add(s, uint8(0), uint8(0))
	}
	yes := true
	f.Fuzz(func(t *testing.T, text string, pi, mi uint8) {
		provider := fuzzProviders[int(pi)%len(fuzzProviders)]
		model := fuzzModels[int(mi)%len(fuzzModels)]
		in := Input{Line: mid, Provider: provider, Model: model, Effort: Custom, Override: text, OpenRouterOrder: []string{"moonshot"}, OpenRouterAllowFallbacks: &yes}
		r, err := Build(in)

		src := bytes.TrimPrefix([]byte(text), []byte("\uFEFF"))
		_, perr := parseJSON([]byte(text))
		tooDeep := perr != nil && strings.Contains(perr.Error(), "nested more than")
		if valid := json.Valid(src); (perr == nil) != valid && !tooDeep {
			t.Fatalf("parse disagrees with encoding/json (valid=%v): %v\n%q", valid, perr, text)
		}

		if err != nil {
			var oe *OverrideError
			if !errors.As(err, &oe) || len(oe.Problems) == 0 {
				t.Fatalf("error is not an OverrideError with problems: %#v", err)
			}
			lines := strings.Count(text, "\n") + 1
			for _, p := range oe.Problems {
				if p.Line < 1 || p.Line > lines || p.Column < 1 || p.Message == "" {
					t.Fatalf("problem out of place: %+v (%d lines)", p, lines)
				}
			}
			if r.ProviderOptions != nil {
				t.Fatalf("an error came with a result: %v", r)
			}
			if CheckOverride(mid, provider, model, text) == nil {
				t.Fatalf("CheckOverride accepts what Build refuses: %q", text)
			}
			return
		}
		out, merr := json.Marshal(r.ProviderOptions)
		if merr != nil {
			t.Fatalf("result does not encode: %v", merr)
		}
		var back map[string]any
		if json.Unmarshal(out, &back) != nil {
			t.Fatalf("result is not a JSON object: %s", out)
		}
		if provider == "open_router" && len(back) > 0 {
			if _, ok := back["openrouter"]; !ok {
				t.Fatalf("OpenRouter pins lost: %s", out)
			}
		}
	})
}

func BenchmarkBuildPreset(b *testing.B) {
	in := Input{Line: mid, Provider: "anthropic", Model: "claude-sonnet-4-6", Effort: "medium"}
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

// The GUI calls Build on every keystroke (debounced): this is its cost.
func BenchmarkBuildCustom(b *testing.B) {
	in := Input{Line: mid, Provider: "open_router", Model: "moonshotai/kimi-k2.5", Effort: Custom, OpenRouterOrder: []string{"moonshot", "together"},
		Override: "{\n  \"reasoning\": { \"effort\": \"high\" },\n  \"provider\": { \"ignore\": [\"deepinfra\"], \"data_collection\": \"deny\" }\n}"}
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildInvalid(b *testing.B) {
	in := Input{Line: mid, Provider: "anthropic", Model: "claude-sonnet-4-6", Effort: Custom, Override: "{\n  \"thinking\": {\"type\": \"adaptive\"},\n  \"effort\": \"high\",\n}"}
	for b.Loop() {
		if _, err := Build(in); err == nil {
			b.Fatal("accepted")
		}
	}
}
