package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

const (
	fakeKimiCodeKey  = "sk-kimi-FAKEfakeFAKEfakeFAKEfakeFAKEfake"
	fakeAnthropicKey = "sk-ant-api03-FAKEfakeFAKEfakeFAKEfake-xyz"
	fakeZaiKey       = "0123456789abcdef0123456789abcdef.FAKEfakeFAKEfake"
	fakePlainKey     = "sk-FAKE0123456789abcdef0123456789abcdef"
)

func TestKeyInfoJSON(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name, stdin string
		want        keyInfo
	}{
		{"kimi code plan, pasted with a newline", fakeKimiCodeKey + "\n", keyInfo{Recognized: true, Brand: "kimi-code", Name: "Kimi Code Plan", Provider: "openai_compatible", ProviderName: "Kimi Code Plan",
			Model: "kimi-k2.6", ModelName: "Kimi K2.6", Plan: "kimi-code", PlanLabel: "Kimi Code Plan", Confidence: "high", Shape: "sk-kimi-…"}},
		{"anthropic in quotes", `"` + fakeAnthropicKey + `"`, keyInfo{Recognized: true, Brand: "anthropic", Name: "Anthropic", Provider: "anthropic", ProviderName: "Anthropic",
			Model: "claude-sonnet-4-6", ModelName: "Claude Sonnet 4.6", Confidence: "high", Shape: "sk-ant-…"}},
		{"z.ai", fakeZaiKey, keyInfo{Recognized: true, Brand: "zai", Name: "Z.ai", Provider: "openai_compatible", ProviderName: "Z.ai",
			Model: "glm-5.1", ModelName: "GLM 5.1", Plan: "paas", PlanLabel: "Developer API", Confidence: "medium", Shape: "<32 hex>.<16 characters>"}},
		{"openrouter has no card", "sk-or-v1-0000fake0000fake0000fake", keyInfo{Recognized: true, Brand: "openrouter", Name: "OpenRouter", Provider: "open_router", ProviderName: "OpenRouter",
			Confidence: "high", Shape: "sk-or-v1-…"}},
		{"ambiguous", fakePlainKey, keyInfo{Confidence: "low", Shape: "sk-…", Candidates: []string{"OpenAI", "Moonshot AI", "DeepSeek", "an OpenAI-compatible proxy"}}},
		{"unknown", "not-a-key-at-all-0000", keyInfo{Confidence: "none"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.ok(tt.stdin, "key-info", "--key-stdin", "--json")
			var got keyInfo
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatalf("%v: %s", err, r.stdout)
			}
			if got.Reason == "" {
				t.Error("no reason given")
			}
			got.Reason = ""
			gotJSON, _ := json.Marshal(got)
			wantJSON, _ := json.Marshal(tt.want)
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("key-info =\n %s\nwant\n %s", gotJSON, wantJSON)
			}
			if strings.Contains(r.stdout+r.stderr, "FAKEfakeFAKE") || strings.Contains(r.stdout+r.stderr, "0123456789abcdef0123") {
				t.Fatal("the key was printed")
			}
		})
	}
}

func TestKeyInfoText(t *testing.T) {
	h := newHarness(t)
	r := h.ok(fakeKimiCodeKey+"\n", "key-info", "--key-stdin")
	for _, want := range []string{"looks like a Kimi Code Plan key (confidence: high)", "use with:  --provider openai_compatible --model kimi-k2.6 --plan kimi-code"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout %q lacks %q", r.stdout, want)
		}
	}
	if !strings.Contains(r.stderr, "note: removed a trailing line break") {
		t.Errorf("stderr %q: the cleaning is not reported", r.stderr)
	}
	r = h.ok(fakePlainKey, "key-info", "--key-stdin")
	if !strings.Contains(r.stdout, "ambiguous key (confidence: low)") || !strings.Contains(r.stdout, "could be:  OpenAI, Moonshot AI, DeepSeek") {
		t.Errorf("ambiguous text = %q", r.stdout)
	}
}

func TestKeyInfoUsage(t *testing.T) {
	h := newHarness(t)
	for _, tt := range []struct {
		stdin  string
		args   []string
		stderr string
	}{
		{fakeAnthropicKey, []string{"key-info"}, "pass --key-stdin"},
		{"", []string{"key-info", "--key-stdin"}, "standard input was empty"},
		{"sk-ant FAKE fake", []string{"key-info", "--key-stdin"}, "space or line break inside"},
		{fakeAnthropicKey, []string{"key-info", "--key-stdin", "extra"}, "unknown command"},
	} {
		r := h.run(tt.stdin, tt.args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tt.stderr) || r.stdout != "" {
			t.Errorf("%v: exit %d stdout %q stderr %q, want exit 2 and %q", tt.args, r.code, r.stdout, r.stderr, tt.stderr)
		}
	}
}

// `profile set` runs the same check and warns, but saves as asked.
func TestProfileSetWarnsAboutTheKeyShape(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name, key string
		args      []string
		warning   string
	}{
		{"kimi code key on the developer plan", fakeKimiCodeKey, []string{"--provider", "openai_compatible", "--model", "kimi-k2.6", "--plan", "moonshot"},
			"warning: this looks like a Kimi Code Plan key (sk-kimi-…), not one for Kimi K2.6 · Developer API; saving anyway. For Kimi K2.6 · Kimi Code Plan use: --provider openai_compatible --model kimi-k2.6 --plan kimi-code"},
		{"anthropic key for GPT-5.4", fakeAnthropicKey, []string{"--provider", "openai", "--model", "gpt-5.4"},
			"warning: this looks like an Anthropic key (sk-ant-…), not one for GPT-5.4; saving anyway. For Claude Sonnet 4.6 use: --provider anthropic --model claude-sonnet-4-6"},
		{"z.ai key on the Kimi card", fakeZaiKey, []string{"--provider", "openai_compatible", "--model", "kimi-k2.6"},
			"For GLM 5.1 · Developer API use: --provider openai_compatible --model glm-5.1 --plan paas"},
		{"plain sk- key for Claude", fakePlainKey, []string{"--provider", "anthropic", "--model", "claude-sonnet-4-6"},
			"warning: This doesn't look like an Anthropic key: Anthropic keys start with sk-ant-. It could be a key from OpenAI, Moonshot AI, DeepSeek or an OpenAI-compatible proxy. Saving anyway."},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := []string{"a", "b", "c", "d"}[i]
			r := h.ok(tt.key, append([]string{"profile", "set", name, "--key-stdin"}, tt.args...)...)
			if !strings.Contains(r.stderr, tt.warning) {
				t.Errorf("stderr %q lacks\n %q", r.stderr, tt.warning)
			}
			if !strings.Contains(r.stdout, "saved "+name) {
				t.Errorf("not saved: %q", r.stdout)
			}
			if strings.Contains(r.stderr, "FAKEfakeFAKE") || strings.Contains(r.stderr, "0123456789abcdef0123") {
				t.Fatal("the key was printed")
			}
		})
	}
	// A key that fits says nothing.
	r := h.ok(fakeKimiCodeKey, "profile", "set", "e", "--provider", "openai_compatible", "--model", "kimi-k2.6", "--plan", "kimi-code", "--key-stdin")
	if strings.Contains(r.stderr, "warning") {
		t.Errorf("matching key warned: %q", r.stderr)
	}
}
