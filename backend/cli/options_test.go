package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/paths"
	"github.com/kodusbyok/studio/backend/store"
)

func TestOptionsPreset(t *testing.T) {
	h := newHarness(t)
	h.ok(key, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r := h.ok("", "options", "team", "--json")
	assertGolden(t, "options-sonnet.json.golden", r.stdout)
	var v struct {
		ProviderOptions map[string]any `json:"providerOptions"`
		Notes           []string       `json:"notes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || len(v.Notes) == 0 {
		t.Fatalf("options --json = %s (%v)", r.stdout, err)
	}
	// --json prints only the object: nothing on stderr, no key anywhere.
	if r.stderr != "" || strings.Contains(r.stdout, "SECRET") {
		t.Errorf("stderr %q / stdout %q", r.stderr, r.stdout)
	}
	text := h.ok("", "options", "team").stdout
	for _, want := range []string{"Kodus will send for team (main), as Kodus selfhosted-2.1.x sends it:", `"effort": "medium"`, `"type": "adaptive"`, "- Claude 4.6 and later (Claude Sonnet 4.6)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	h.ok("", "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking", "off")
	if r := h.ok("", "options", "team", "--json"); !strings.Contains(r.stdout, `"providerOptions": {}`) || !strings.Contains(r.stdout, "the model's default applies") {
		t.Errorf("off = %s", r.stdout)
	}
}

// A Custom JSON from standard input on an OpenRouter fallback: wrapped,
// deep-merged with the pins, the override winning.
func TestOptionsCustomOpenRouter(t *testing.T) {
	h := newHarness(t)
	h.ok(key, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	override := filepath.Join(t.TempDir(), "routing.json")
	if err := os.WriteFile(override, []byte("{\n  \"reasoning\": {\"effort\": \"high\"},\n  \"provider\": {\"ignore\": [\"deepinfra\"], \"allow_fallbacks\": true}\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok("sk-or-v1-FAKE0123456789abcdef", "profile", "set", "team", "--slot", "fallback", "--provider", "open_router", "--model", "moonshotai/kimi-k2.5",
		"--openrouter-order", "moonshot, together,", "--openrouter-allow-fallbacks", "false", "--thinking-json", override, "--key-stdin")
	r := h.ok("", "options", "team", "--slot", "fallback", "--json")
	assertGolden(t, "options-openrouter-custom.json.golden", r.stdout)
	var v struct {
		ProviderOptions struct {
			OpenRouter struct {
				Provider map[string]any `json:"provider"`
			} `json:"openrouter"`
		} `json:"providerOptions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	p := v.ProviderOptions.OpenRouter.Provider
	if order, _ := json.Marshal(p["order"]); string(order) != `["moonshot","together"]` || p["allow_fallbacks"] != true || p["ignore"] == nil {
		t.Errorf("merged provider block = %v", p)
	}
	show := h.ok("", "profile", "show", "team").stdout
	if !strings.Contains(show, "reasoningConfigOverride") || !strings.Contains(show, `{"reasoning":{"effort":"high"},"provider":{"ignore":["deepinfra"],"allow_fallbacks":true}}`) {
		t.Errorf("show lacks the compact Custom JSON:\n%s", show)
	}
}

// Invalid override JSON is refused with its line and column (exit 2), and
// nothing is saved.
func TestInvalidOverrideRefused(t *testing.T) {
	h := newHarness(t)
	h.ok(key, "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	bad := "{\n  \"thinking\": {\"type\": \"adaptive\"},\n  \"effort\": \"high\",\n}\n"
	r := h.run(bad, "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking-json", "-")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "reasoningConfigOverride: line 3, column 19: trailing comma") {
		t.Errorf("trailing comma: exit %d, stderr %q", r.code, r.stderr)
	}
	missing := filepath.Join(t.TempDir(), "o.json")
	if err := os.WriteFile(missing, []byte("{\n  \"thinking\": {\"type\": \"enabled\", \"budgetTokens\": 500}\n  \"effort\": \"high\"\n}"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = h.run("", "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking-json", missing)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "line 2, column 55: missing comma") {
		t.Errorf("missing comma: exit %d, stderr %q", r.code, r.stderr)
	}
	r = h.run(`{"thinking": {"type": "enabled", "budgetTokens": 500}}`, "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking-json", "-")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "anthropic.thinking.budgetTokens: must be at least 1024 (got 500)") {
		t.Errorf("schema: exit %d, stderr %q", r.code, r.stderr)
	}
	r = h.run(`{"reasoningEffort": "low"}`, "profile", "set", "p", "--provider", "openai", "--model", "gpt-5.4", "--thinking", "low", "--thinking-json", "-", "--key-stdin")
	if r.code != ExitUsage {
		t.Errorf("level with JSON: exit %d", r.code)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(h.ok("", "profile", "show", "p", "--json").stdout), &v); err != nil {
		t.Fatal(err)
	}
	if m := v["main"].(map[string]any); m["reasoningEffort"] != "medium" || m["reasoningConfigOverride"] != nil {
		t.Errorf("a refused set changed the profile: %v", m)
	}
}

// A Custom JSON stored before these checks (or edited by hand) makes
// `options` exit 2 with its line and column, not print a guess.
func TestOptionsStoredInvalidOverride(t *testing.T) {
	h := newHarness(t)
	h.ok(key, "profile", "set", "p", "--provider", "openai", "--model", "gpt-5.4", "--key-stdin")
	st := store.New(paths.DBFile(h.env["KODUS_BYOK_HOME"]))
	p, err := st.Profile("p")
	if err != nil {
		t.Fatal(err)
	}
	p.Main.ReasoningEffort, p.Main.ReasoningConfigOverride = "custom", "{\n  \"reasoningEffort\": \"minimal\"\n}"
	if err := st.PutProfile(p); err != nil {
		t.Fatal(err)
	}
	r := h.run("", "options", "p", "--json")
	if r.code != ExitUsage || r.stdout != "" || !strings.Contains(r.stderr, `reasoningConfigOverride: line 2, column 22: openai.reasoningEffort: "minimal" is not allowed`) {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestOptionsUsage(t *testing.T) {
	h := newHarness(t)
	if r := h.run("", "options"); r.code != ExitUsage {
		t.Errorf("no name: %d", r.code)
	}
	if r := h.run("", "options", "nobody"); r.code != ExitFailure || !strings.Contains(r.stderr, "nobody") {
		t.Errorf("unknown profile: %d %q", r.code, r.stderr)
	}
	h.ok(key, "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	if r := h.run("", "options", "p", "--slot", "backup"); r.code != ExitUsage || !strings.Contains(r.stderr, "slot: must be main or fallback") {
		t.Errorf("bad slot: %d %q", r.code, r.stderr)
	}
	if r := h.run("", "options", "p", "--slot", "fallback"); r.code != ExitFailure || !strings.Contains(r.stderr, "no fallback slot") {
		t.Errorf("no fallback: %d %q", r.code, r.stderr)
	}
}

// Picking a level drops a stored Custom JSON, and says so.
func TestThinkingLevelReplacesCustom(t *testing.T) {
	h := newHarness(t)
	h.ok(key, "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	h.ok(`{"thinking": {"type": "adaptive"}}`, "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking-json", "-")
	r := h.ok("", "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking", "high", "--json")
	if !strings.Contains(r.stderr, "the Custom reasoning JSON was removed: thinking is now high") {
		t.Errorf("stderr = %q", r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	if m := v["main"].(map[string]any); m["reasoningEffort"] != "high" || m["reasoningConfigOverride"] != nil {
		t.Errorf("main = %v", m)
	}
}
