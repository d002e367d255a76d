package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusapi/kodustest"
)

const existingOpenAIKey = "sk-FAKE-existing-openai-0123456789-abc"

// seedKodus is a Kodus whose admin already set up OpenAI in its web UI,
// with a task override the app does not model.
func seedKodus(k *kodustest.Server) {
	k.Seed(map[string]any{"version": 2,
		"credentials": []any{map[string]any{"id": "cred-openai", "provider": "openai", "apiKey": existingOpenAIKey}},
		"models": []any{
			map[string]any{"id": "model-gpt", "credentialId": "cred-openai", "model": "gpt-5.4", "reasoningEffort": "medium", "rpm": 60},
			map[string]any{"id": "model-spare", "credentialId": "cred-openai", "model": "gpt-5.2"},
		},
		"routing": map[string]any{"mode": "manual", "defaultModelId": "model-gpt", "taskOverrides": map[string]any{"codeReview": "model-spare", "kodyRulesReview": "model-spare"}}})
}

type applyOut struct {
	Applied   bool   `json:"applied"`
	UsesNow   string `json:"usesNow"`
	UsesAfter string `json:"usesAfter"`
	Changes   []struct{ Kind, What, Before, After string }
	Refusal   *struct {
		Status  int
		Message string
		Details []string
		Advice  string
	}
	Warnings []struct{ Slot, Code string }
	Test     *struct {
		OK               bool
		Code, VerifiedBy string
	}
	StatusAfter *struct {
		Source string
		BYOK   struct{ Model string } `json:"byok"`
	} `json:"statusAfter"`
}

func TestKodusApplyKeepsWhatKodusHasAndRunsItsTest(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	seedKodus(k)
	h, _ := kodusHarness(t)
	login(t, h, k.URL)
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking", "off", "--key-stdin")
	h.ok(claudeKey, "profile", "set", "team", "--slot", "fallback", "--provider", "anthropic", "--model", "claude-opus-4-7", "--key-stdin")
	k.ExpireAccessTokens() // the session is refreshed on the way

	r := h.ok("", "kodus", "apply", "team", "--yes", "--json")
	var out applyOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	saves := k.Saves()
	if len(saves) != 1 {
		t.Fatalf("%d saves", len(saves))
	}
	sent := string(saves[0])
	if n := strings.Count(sent, claudeKey); n != 1 {
		t.Fatalf("the key appears %d times in %s", n, sent)
	}
	var cfg struct {
		Version     int
		Credentials []struct {
			ID       string
			Provider string
			APIKey   *string `json:"apiKey"`
		}
		Models []struct {
			ID, CredentialID, Model, ReasoningEffort string
			RPM                                      *int `json:"rpm"`
		}
		Routing map[string]any
	}
	if err := json.Unmarshal(saves[0], &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != 2 || cfg.Routing["defaultModelId"] != "team-main" || cfg.Routing["fallbackModelId"] != "team-fallback" || cfg.Routing["mode"] != "manual" {
		t.Fatalf("routing: %v", cfg.Routing)
	}
	if to := cfg.Routing["taskOverrides"].(map[string]any); to["codeReview"] != "model-spare" || to["kodyRulesReview"] != "model-spare" {
		t.Fatalf("task overrides lost: %v", to)
	}
	creds := map[string]*string{}
	for _, c := range cfg.Credentials {
		creds[c.ID] = c.APIKey
	}
	if k := creds["cred-openai"]; k == nil || *k != "" {
		t.Fatalf("the existing credential is not re-sent with apiKey \"\": %s", sent)
	}
	if strings.Contains(sent, "...") || strings.Contains(sent, "•") {
		t.Fatalf("a mask was sent: %s", sent)
	}
	models := map[string]string{}
	for _, m := range cfg.Models {
		models[m.ID] = m.Model + "/" + m.ReasoningEffort
		if m.ID == "model-gpt" && (m.RPM == nil || *m.RPM != 60) {
			t.Fatal("the existing model lost its rpm")
		}
	}
	if models["model-gpt"] != "gpt-5.4/medium" || models["model-spare"] != "gpt-5.2/" || models["team-main"] != "claude-sonnet-4-6/none" || models["team-fallback"] == "" {
		t.Fatalf("models: %v", models)
	}
	// Kodus kept its own key and stored the new one.
	for _, c := range k.Stored()["credentials"].([]any) {
		c := c.(map[string]any)
		if c["id"] == "cred-openai" && c["apiKey"] != existingOpenAIKey {
			t.Fatalf("Kodus lost the existing key: %v", c["apiKey"])
		}
	}
	if !out.Applied || out.Test == nil || !out.Test.OK || out.Test.VerifiedBy != "probe" || out.StatusAfter == nil || out.StatusAfter.Source != "byok" || out.StatusAfter.BYOK.Model != "claude-sonnet-4-6" {
		t.Fatalf("result: %s", r.stdout)
	}
	if out.UsesNow != "default: gpt-5.4 (OpenAI)" || !strings.Contains(out.UsesAfter, "default: claude-sonnet-4-6 (Anthropic); fallback: claude-opus-4-7 (Anthropic)") {
		t.Fatalf("now %q after %q", out.UsesNow, out.UsesAfter)
	}
	var test map[string]any
	if err := json.Unmarshal(k.Tests()[0], &test); err != nil {
		t.Fatal(err)
	}
	if test["provider"] != "anthropic" || test["model"] != "claude-sonnet-4-6" || test["apiKey"] != claudeKey || test["reasoningEffort"] != "none" {
		t.Fatalf("Kodus's Test got %v", test)
	}
	if strings.Contains(r.stdout+r.stderr, claudeKey) || strings.Contains(r.stdout, existingOpenAIKey) {
		t.Fatal("a key was printed")
	}
	noTokenLeak(t, h, r)

	// Applying again replaces the profile's own entries, nothing piles up.
	h.ok("", "kodus", "apply", "team", "--yes")
	var again struct{ Models []any }
	if err := json.Unmarshal(k.Saves()[1], &again); err != nil {
		t.Fatal(err)
	}
	if len(again.Models) != 4 {
		t.Fatalf("%d models after a second apply", len(again.Models))
	}
}

func TestKodusApplyShowsTheDifferenceAndAsks(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	seedKodus(k)
	h, _ := kodusHarness(t)
	login(t, h, k.URL)
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r := h.run("", "kodus", "apply", "team")
	if r.code != 1 || !strings.Contains(r.stderr, "re-run with --yes") || len(k.Saves()) != 0 {
		t.Fatalf("%d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"now:   default: gpt-5.4 (OpenAI)", "after: default: claude-sonnet-4-6 (Anthropic)",
		"~ default model: gpt-5.4 (OpenAI) → claude-sonnet-4-6 (Anthropic)", "+ model team-main: claude-sonnet-4-6 (Anthropic) · key sk...xyz (new)",
		"= model model-gpt: gpt-5.4 (OpenAI) · key sk...abc · thinking medium (kept)"} {
		if !strings.Contains(r.stdout, want) {
			t.Fatalf("missing %q in:\n%s", want, r.stdout)
		}
	}
}

func TestKodusApplyRefusedInKodusWords(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	seedKodus(k)
	h, _ := kodusHarness(t)
	login(t, h, k.URL)
	h.ok("sk-FAKElocal-0123456789", "profile", "set", "lan", "--provider", "openai_compatible", "--model", "qwen2.5-coder:32b", "--base-url", "https://192.168.1.20:8000/v1", "--key-stdin")
	r := h.run("", "kodus", "apply", "lan", "--yes", "--json")
	var out applyOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if r.code != 1 || out.Applied || out.Refusal == nil || out.Refusal.Status != 400 ||
		out.Refusal.Message != "baseURL resolves to a private or reserved address (192.168.1.20). Point it at a public provider endpoint." ||
		!strings.Contains(out.Refusal.Advice, "Fixed Mode") {
		t.Fatalf("%d %s %s", r.code, r.stdout, r.stderr)
	}
	if len(out.Warnings) == 0 || out.Warnings[0].Code != "base-url-private" {
		t.Fatalf("no warning before sending: %s", r.stdout)
	}

	// A member without the organisation-settings permission gets Kodus's 403.
	h2, _ := kodusHarness(t)
	h2.ok(kodustest.Password+"\n", "kodus", "login", "--url", k.URL, "--email", kodustest.ReaderEmail, "--password-stdin")
	h2.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r = h2.run("", "kodus", "apply", "team", "--yes")
	if r.code != 1 || !strings.Contains(r.stdout, "Kodus refused the config (HTTP 403): Forbidden resource") || !strings.Contains(r.stdout, "What to do: Your Kodus user lacks the permission") {
		t.Fatalf("%d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if got := k.Stored()["routing"].(map[string]any)["defaultModelId"]; got != "model-gpt" {
		t.Fatalf("Kodus's config changed: %v", got)
	}
}

func TestKodusApplyMid2026SendsV1(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{V1: true})
	h, _ := kodusHarness(t)
	login(t, h, k.URL)
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r := h.ok("", "kodus", "apply", "team", "--kodus-line", "mid-2026", "--yes", "--json")
	var sent map[string]any
	if err := json.Unmarshal(k.Saves()[0], &sent); err != nil {
		t.Fatal(err)
	}
	main, _ := sent["main"].(map[string]any)
	if sent["version"] != nil || main == nil || main["apiKey"] != claudeKey || main["model"] != "claude-sonnet-4-6" {
		t.Fatalf("sent %s", k.Saves()[0])
	}
	if !strings.Contains(r.stdout, `"source": "byok"`) {
		t.Fatal(r.stdout)
	}
	// Applied again, the key Kodus holds is kept: apiKey "" (the same mask).
	h.ok("", "kodus", "apply", "team", "--kodus-line", "mid-2026", "--yes")
	if err := json.Unmarshal(k.Saves()[1], &sent); err != nil {
		t.Fatal(err)
	}
	if sent["main"].(map[string]any)["apiKey"] != nil && sent["main"].(map[string]any)["apiKey"] != "" {
		t.Fatalf("the key was sent again: %s", k.Saves()[1])
	}
}

func TestKodusApplyWarnsWhenTheLineIsOlderThanKodus(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	seedKodus(k)
	h, _ := kodusHarness(t)
	login(t, h, k.URL)
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r := h.run("", "kodus", "apply", "team", "--kodus-line", "mid-2026")
	if r.code != 1 || !strings.Contains(r.stderr, "Kodus holds a v2 BYOK config, so it is newer than") || !strings.Contains(r.stderr, "kodus line set current") {
		t.Fatalf("%d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestKodusApplyBedrockTestsWithItsOwnAuth(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	h, _ := kodusHarness(t)
	login(t, h, k.URL)
	const token = "ABSKFAKEbedrockE2E0123456789abcdefghijklmnopqrstuvwxyz0123456789"
	h.ok(token, "profile", "set", "aws", "--provider", "amazon_bedrock", "--model", "anthropic.claude-sonnet-4-6", "--aws-region", "eu-west-1", "--key-stdin")
	r := h.ok("", "kodus", "apply", "aws", "--yes", "--json")
	var test map[string]any
	if err := json.Unmarshal(k.Tests()[0], &test); err != nil {
		t.Fatal(err)
	}
	if test["provider"] != "amazon_bedrock" || test["awsBearerToken"] != token || test["awsRegion"] != "eu-west-1" || test["apiKey"] != nil {
		t.Fatalf("Kodus's Test got %v", test)
	}
	if strings.Count(string(k.Saves()[0]), token) != 1 || strings.Contains(r.stdout, token) {
		t.Fatalf("sent %s", k.Saves()[0])
	}
	if !strings.Contains(r.stdout, `"source": "byok"`) {
		t.Fatal(r.stdout)
	}
}
