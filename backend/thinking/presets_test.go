package thinking

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// canon re-encodes JSON so that key order does not matter.
func canon(t *testing.T, v any) string {
	t.Helper()
	var b []byte
	switch v := v.(type) {
	case string:
		b = []byte(v)
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatalf("not JSON: %s: %v", b, err)
	}
	out, _ := json.Marshal(x)
	return string(out)
}

func build(t *testing.T, in Input) Result {
	t.Helper()
	r, err := Build(in)
	if err != nil {
		t.Fatalf("Build(%+v): %v", in, err)
	}
	return r
}

func hasNote(notes []string, sub string) bool {
	for _, n := range notes {
		if strings.Contains(n, sub) {
			return true
		}
	}
	return false
}

// Every provider × level × model generation, with the exact providerOptions
// of Kodus selfhosted-2.1.x ({L} is the level; {B} its budget 5000/15000/40000).
func TestPresets(t *testing.T) {
	adaptive := `{"anthropic":{"thinking":{"type":"adaptive"},"effort":"{L}"}}`
	claudeBudget := `{"anthropic":{"thinking":{"type":"enabled","budgetTokens":{B}}}}`
	level := `{"google":{"thinkingConfig":{"thinkingLevel":"{L}"}}}`
	geminiBudget := `{"google":{"thinkingConfig":{"thinkingBudget":{B}}}}`
	binary := `{"openaiCompatible":{"thinking":{"type":"enabled"}}}`
	cases := []struct {
		provider, model, want, note string
	}{
		{"anthropic", "claude-sonnet-4-6", adaptive, "Claude 4.6 and later (Claude Sonnet 4.6)"},
		{"anthropic", "claude-opus-4-7", adaptive, "Claude 4.6 and later (Claude Opus 4.7)"},
		{"anthropic", "claude-opus-4-10", adaptive, "Claude Opus 4.10"},
		{"anthropic", "claude-sonnet-5", adaptive, "Claude Sonnet 5.0"},
		{"anthropic", "claude-mythos-preview", adaptive, "Claude Mythos"},
		{"anthropic", "claude-sonnet-4-5-20250929", claudeBudget, "Claude Sonnet 4.5 is older than Claude 4.6"},
		{"anthropic", "claude-haiku-4-5-20251001", claudeBudget, "Claude Haiku 4.5 is older"},
		{"anthropic", "claude-sonnet-4-20250514", claudeBudget, "Claude Sonnet 4.0 is older"},
		{"anthropic", "claude-3-7-sonnet-20250219", claudeBudget, "Claude Sonnet 3.7 is older"},
		{"anthropic", "my-gateway-model", claudeBudget, "not a Claude id this app can date"},
		{"google_gemini", "gemini-3.1-pro-preview-customtools", level, "Gemini 3.1 Pro: thinkingLevel"},
		{"google_vertex", "gemini-3-flash-preview", level, "Gemini 3 Flash: thinkingLevel"},
		{"google_gemini", "gemini-2.5-pro", geminiBudget, "Gemini 2.5 Pro: thinkingBudget"},
		{"google_vertex", "gemini-2.5-flash", geminiBudget, "Gemini 2.5 Flash: thinkingBudget"},
		{"google_gemini", "gemini-flash-latest", geminiBudget, "not a Gemini id this app can date"},
		{"openai", "gpt-5.4", `{"openai":{"reasoningEffort":"{L}"}}`, `reasoningEffort "{L}"`},
		{"openai", "o3", `{"openai":{"reasoningEffort":"{L}"}}`, `reasoningEffort "{L}"`},
		{"open_router", "moonshotai/kimi-k2.5", `{"openrouter":{"reasoning":{"effort":"{L}"}}}`, "translates for the upstream model"},
		{"openai_compatible", "glm-5.1", binary, "the level is ignored"},
		{"openai_compatible", "kimi-k2.6", binary, "the level is ignored"},
		{"novita", "deepseek/deepseek-r1", `{"openaiCompatible":{"thinking":{"type":"enabled"}}}`, "Novita: Kodus versions up to mid-2026 send no reasoning options"},
		{"amazon_bedrock", "anything", `{}`, `maps no reasoning for Amazon Bedrock`},
	}
	for _, c := range cases {
		for _, l := range []string{"low", "medium", "high"} {
			t.Run(fmt.Sprintf("%s/%s/%s", c.provider, c.model, l), func(t *testing.T) {
				r := build(t, Input{Line: mid, Provider: c.provider, Model: c.model, Effort: l})
				fill := strings.NewReplacer("{L}", l, "{B}", fmt.Sprint(budgets[l])).Replace
				want := fill(c.want)
				if got := canon(t, r.ProviderOptions); got != canon(t, want) {
					t.Errorf("providerOptions = %s, want %s", got, want)
				}
				if note := fill(c.note); !hasNote(r.Notes, note) {
					t.Errorf("notes %q lack %q", r.Notes, note)
				}
			})
		}
		t.Run(c.provider+"/"+c.model+"/off", func(t *testing.T) {
			for _, off := range []string{"off", "", "none", " OFF "} {
				r := build(t, Input{Line: mid, Provider: c.provider, Model: c.model, Effort: off})
				if len(r.ProviderOptions) != 0 || !hasNote(r.Notes, "no reasoning options: the model's default applies") {
					t.Errorf("%q = %v %q, want nothing sent", off, r.ProviderOptions, r.Notes)
				}
			}
		})
	}
}

// Kodus sends presets the model may refuse; the preview says so.
func TestPresetWarnings(t *testing.T) {
	cases := []struct {
		provider, model, level, warn string
	}{
		{"openai", "gpt-5-pro", "low", `gpt-5-pro accepts reasoningEffort high`},
		{"openai", "gpt-4.1", "medium", `gpt-4.1 is not a reasoning model`},
		{"google_gemini", "gemini-2.5-pro", "high", `google.thinkingConfig.thinkingBudget: 40000 is not accepted: Gemini 2.5 Pro accepts thinkingBudget 128 to 32768`},
		{"google_gemini", "gemini-2.5-flash", "high", `Gemini 2.5 Flash accepts thinkingBudget 0 (off) to 24576`},
		{"google_gemini", "gemini-3-pro-preview", "medium", `Gemini 3 Pro accepts thinkingLevel low, high`},
	}
	for _, c := range cases {
		r := build(t, Input{Line: mid, Provider: c.provider, Model: c.model, Effort: c.level})
		if !hasNote(r.Notes, "warning: ") || !hasNote(r.Notes, c.warn) {
			t.Errorf("%s %s %s: notes %q lack warning %q", c.provider, c.model, c.level, r.Notes, c.warn)
		}
	}
	// The six recommended models at their default level warn about nothing.
	for _, m := range [][2]string{{"anthropic", "claude-sonnet-4-6"}, {"anthropic", "claude-opus-4-7"}, {"google_gemini", "gemini-3.1-pro-preview-customtools"}, {"openai", "gpt-5.4"}, {"openai_compatible", "kimi-k2.6"}, {"openai_compatible", "glm-5.1"}} {
		if r := build(t, Input{Line: mid, Provider: m[0], Model: m[1], Effort: "medium"}); hasNote(r.Notes, "warning") {
			t.Errorf("%s: unexpected warning %q", m[1], r.Notes)
		}
	}
}

func TestUnknownLevel(t *testing.T) {
	if _, err := Build(Input{Line: mid, Provider: "openai", Model: "gpt-5.4", Effort: "max"}); err == nil || !strings.Contains(err.Error(), "off, low, medium, high or custom") {
		t.Errorf("err = %v", err)
	}
}

func TestModelGenerations(t *testing.T) {
	claudes := map[string]string{
		"claude-sonnet-4-6": "Claude Sonnet 4.6", "claude-opus-4-7": "Claude Opus 4.7", "claude-sonnet-4-20250514": "Claude Sonnet 4.0",
		"claude-3-opus-20240229": "Claude Opus 3.0", "claude-3-5-haiku-20241022": "Claude Haiku 3.5", "anthropic/claude-opus-4.6": "Claude Opus 4.6",
	}
	for id, want := range claudes {
		if got := parseClaude(id); !got.known || got.String() != want {
			t.Errorf("parseClaude(%q) = %v, want %s", id, got, want)
		}
	}
	if c := parseClaude("claude-sonnet-4-6"); !c.adaptive() || c.rejectsBudget() || c.xhigh() {
		t.Errorf("sonnet 4.6 traits wrong: %+v", c)
	}
	if c := parseClaude("claude-opus-4-7"); !c.rejectsBudget() || !c.xhigh() {
		t.Errorf("opus 4.7 traits wrong: %+v", c)
	}
	geminis := map[string]string{"gemini-3.1-pro-preview-customtools": "Gemini 3.1 Pro", "gemini-2.5-flash-lite": "Gemini 2.5 Flash-Lite", "gemini-3-flash-preview": "Gemini 3 Flash", "gemini-2.0-flash": "Gemini 2.0 Flash"}
	for id, want := range geminis {
		if got := parseGemini(id); got.String() != want {
			t.Errorf("parseGemini(%q) = %s, want %s", id, got, want)
		}
	}
	gpts := map[string]string{
		"gpt-5": "minimal low medium high", "gpt-5-mini": "minimal low medium high", "gpt-5-pro": "high",
		"gpt-5.1": "none low medium high", "gpt-5.1-codex-max": "none low medium high xhigh",
		"gpt-5.2": "none low medium high xhigh", "gpt-5.4": "none low medium high xhigh", "gpt-5.4-mini": "none low medium high xhigh",
		"gpt-5.6": "none low medium high xhigh max", "o3": "", "gpt-6": "",
	}
	for id, want := range gpts {
		if got := strings.Join(parseGPT(id).efforts(), " "); got != want {
			t.Errorf("efforts(%q) = %q, want %q", id, got, want)
		}
	}
}
