package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/golden"

	"github.com/spf13/cobra"
)

type result struct {
	code           int
	stdout, stderr string
}

// harness runs the real command line in-process against a temp data dir
// and the real file keychain.
type harness struct {
	t   *testing.T
	env map[string]string
}

// newHarness is a data dir that follows the mid-2026 Kodus line, as a user
// who ran `kodus line set mid-2026`: the tests written before release lines
// (and their golden files) pin that line. newCurrentHarness follows the
// default line.
func newHarness(t *testing.T) *harness {
	h := newCurrentHarness(t)
	h.ok("", "kodus", "line", "set", "mid-2026")
	return h
}

func newCurrentHarness(t *testing.T) *harness {
	return &harness{t: t, env: map[string]string{
		"KODUS_BYOK_HOME":               t.TempDir(),
		"KODUS_BYOK_KEYRING":            "file",
		"KODUS_BYOK_KEYRING_PASSPHRASE": "cli-test",
	}}
}

func (h *harness) run(stdin string, args ...string) result {
	h.t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), Env{
		Args: args, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return h.env[k] },
	})
	return result{code, out.String(), errb.String()}
}

func (h *harness) ok(stdin string, args ...string) result {
	h.t.Helper()
	r := h.run(stdin, args...)
	if r.code != 0 {
		h.t.Fatalf("%v: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
	}
	return r
}

func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), []byte(got))
}

func TestCatalogJSONGolden(t *testing.T) {
	h := newHarness(t)
	r := h.ok("", "catalog", "--json")
	assertGolden(t, "catalog.json.golden", r.stdout)
	var c struct {
		Version string `json:"version"`
		Models  []struct {
			ID       string `json:"id"`
			Provider string `json:"provider"`
			Tier     string `json:"tier"`
		} `json:"models"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil || c.Version == "" || len(c.Models) < 6 {
		t.Fatalf("catalog JSON: %v %+v", err, c)
	}
	text := h.ok("", "catalog").stdout
	for _, want := range []string{"Recommended", "claude-sonnet-4-6", "plan coding-plan", "https://api.z.ai/api/coding/paas/v4", "1 concurrent", "Providers (manual path)", "openai_compatible"} {
		if !strings.Contains(text, want) {
			t.Errorf("catalog text lacks %q", want)
		}
	}
}

const key = "sk-ant-api03-FAKESECRETSECRETSECRET-xyz"

func TestProfileLifecycle(t *testing.T) {
	h := newHarness(t)
	r := h.ok(key+"\n", "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	if !strings.Contains(r.stdout, "sk…xyz") || !strings.Contains(r.stderr, "line break") {
		t.Fatalf("set output: %q / %q", r.stdout, r.stderr)
	}
	h.ok("zai-0123456789abcdef.ghij", "profile", "set", "team", "--slot", "fallback", "--provider", "openai_compatible", "--model", "glm-5.1", "--plan", "coding-plan", "--key-stdin")

	show := h.ok("", "profile", "show", "team", "--json")
	assertGolden(t, "profile-show.json.golden", scrubTimes(show.stdout))
	var v map[string]any
	if err := json.Unmarshal([]byte(show.stdout), &v); err != nil {
		t.Fatal(err)
	}
	fb := v["fallback"].(map[string]any)
	if fb["baseURL"] != "https://api.z.ai/api/coding/paas/v4" || fb["maxConcurrentRequests"] != 1.0 || fb["provider"] != "openai_compatible" {
		t.Errorf("fallback = %v", fb)
	}

	// Update one field: the rest (and the key) stay.
	h.ok("", "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--temperature", "0.3", "--max-concurrent", "4")
	show = h.ok("", "profile", "show", "team", "--json")
	if err := json.Unmarshal([]byte(show.stdout), &v); err != nil {
		t.Fatal(err)
	}
	main := v["main"].(map[string]any)
	if main["temperature"] != 0.3 || main["maxConcurrentRequests"] != 4.0 || main["maxOutputTokens"] != 16384.0 || main["apiKeyMasked"] != "sk…xyz" {
		t.Errorf("partial update = %v", main)
	}
	// Clearing with an empty value.
	h.ok("", "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--max-concurrent=")
	if err := json.Unmarshal([]byte(h.ok("", "profile", "show", "team", "--json").stdout), &v); err != nil {
		t.Fatal(err)
	}
	if _, set := v["main"].(map[string]any)["maxConcurrentRequests"]; set {
		t.Error("--max-concurrent= did not clear")
	}

	list := h.ok("", "profile", "list", "--json")
	var l struct {
		Profiles []map[string]any `json:"profiles"`
	}
	if err := json.Unmarshal([]byte(list.stdout), &l); err != nil || len(l.Profiles) != 1 {
		t.Fatalf("list = %s", list.stdout)
	}
	text := h.ok("", "profile", "list").stdout
	if !strings.Contains(text, "team") || !strings.Contains(text, "glm-5.1") {
		t.Errorf("list text = %s", text)
	}
	human := h.ok("", "profile", "show", "team").stdout
	if !strings.Contains(human, "Coding Plan") || !strings.Contains(human, "keys in file") {
		t.Errorf("show text = %s", human)
	}

	del := h.ok("", "profile", "delete", "team", "--slot", "fallback", "--json")
	if !strings.Contains(del.stdout, `"slot": "fallback"`) {
		t.Errorf("delete fallback = %s", del.stdout)
	}
	h.ok("", "profile", "delete", "team")
	if r := h.run("", "profile", "show", "team"); r.code != ExitFailure || !strings.Contains(r.stderr, "not found") {
		t.Errorf("show deleted = %d %q", r.code, r.stderr)
	}
}

// The key never appears in any output, and never in the data dir in plain text.
func TestKeyNeverPrinted(t *testing.T) {
	h := newHarness(t)
	var all strings.Builder
	for _, args := range [][]string{
		{"profile", "set", "p", "--provider", "anthropic", "--model", "claude-opus-4-7", "--key-stdin"},
		{"profile", "show", "p"}, {"profile", "show", "p", "--json"}, {"profile", "list", "--json"}, {"profile", "list"}, {"doctor", "--json"},
	} {
		r := h.run(key, args...)
		all.WriteString(r.stdout + r.stderr)
	}
	if strings.Contains(all.String(), "SECRETSECRET") {
		t.Fatal("the key was printed")
	}
	if err := filepath.WalkDir(h.env["KODUS_BYOK_HOME"], func(p string, d os.DirEntry, _ error) error {
		if d != nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte("SECRETSECRET")) {
				t.Errorf("%s holds the key", p)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestExitCodesAndMessages(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr []string
	}{
		{"no command", "", []string{}, ExitUsage, []string{"no command"}},
		{"unknown command", "", []string{"frobnicate"}, ExitUsage, []string{"unknown command"}},
		{"unknown flag", "", []string{"catalog", "--yaml"}, ExitUsage, []string{"unknown flag"}},
		{"set without name", "", []string{"profile", "set", "--provider", "openai"}, ExitUsage, []string{"profile NAME"}},
		{"set without provider", "", []string{"profile", "set", "x", "--model", "m"}, ExitUsage, []string{"--provider is required"}},
		{"set bad values", key, []string{"profile", "set", "x", "--provider", "openai", "--model", "gpt-5.4", "--temperature", "hot", "--max-output-tokens", "-5", "--key-stdin"}, ExitUsage, []string{"temperature: must be a number", "maxOutputTokens: must be a whole number"}},
		{"set out of range", key, []string{"profile", "set", "x", "--provider", "openai", "--model", "gpt-5.4", "--temperature", "3", "--key-stdin"}, ExitUsage, []string{"temperature: must be between 0 and 2"}},
		{"set unknown provider", key, []string{"profile", "set", "x", "--provider", "bedrock", "--model", "m", "--key-stdin"}, ExitUsage, []string{"provider: must be one of"}},
		{"set bad name", key, []string{"profile", "set", "a b", "--provider", "openai", "--model", "gpt-5.4", "--key-stdin"}, ExitUsage, []string{"name:"}},
		{"set missing key", "", []string{"profile", "set", "x", "--provider", "openai", "--model", "gpt-5.4"}, ExitUsage, []string{"apiKey: is required for OpenAI"}},
		{"set empty stdin", "  \n", []string{"profile", "set", "x", "--provider", "openai", "--model", "gpt-5.4", "--key-stdin"}, ExitUsage, []string{"standard input was empty"}},
		{"set compatible without URL", "", []string{"profile", "set", "x", "--provider", "openai_compatible", "--model", "llama3"}, ExitUsage, []string{"baseURL: is required"}},
		{"fallback first", key, []string{"profile", "set", "x", "--slot", "fallback", "--provider", "openai", "--model", "gpt-5.4", "--key-stdin"}, ExitFailure, []string{"Main slot before a Fallback"}},
		{"bad slot", key, []string{"profile", "set", "x", "--slot", "backup", "--provider", "openai", "--model", "gpt-5.4", "--key-stdin"}, ExitUsage, []string{"slot: must be main or fallback"}},
		{"show missing", "", []string{"profile", "show", "nobody"}, ExitFailure, []string{`profile "nobody": not found`, "see the saved profiles with: kodus-byok profile list"}},
		{"delete missing", "", []string{"profile", "delete", "nobody"}, ExitFailure, []string{"not found"}},
		{"bad openrouter bool", key, []string{"profile", "set", "x", "--provider", "open_router", "--model", "z-ai/glm-5", "--openrouter-allow-fallbacks", "maybe", "--key-stdin"}, ExitUsage, []string{"openrouterAllowFallbacks: must be true or false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.run(tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", r.code, tt.code, r.stderr)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr %q lacks %q", r.stderr, want)
				}
			}
			if r.stdout != "" && r.code != 0 {
				t.Errorf("failure printed to stdout: %q", r.stdout)
			}
		})
	}
}

func TestKeylessLocalAndOpenRouter(t *testing.T) {
	h := newHarness(t)
	h.ok("", "profile", "set", "local", "--provider", "openai_compatible", "--model", "llama3.1:8b", "--base-url", "http://localhost:11434/v1")
	h.ok("sk-or-v1-"+"FAKE0123456789abcdef", "profile", "set", "local", "--slot", "fallback", "--provider", "open_router", "--model", "moonshotai/kimi-k2.5",
		"--openrouter-order", "moonshot, together,", "--openrouter-allow-fallbacks", "false", "--key-stdin")
	var v map[string]any
	if err := json.Unmarshal([]byte(h.ok("", "profile", "show", "local", "--json").stdout), &v); err != nil {
		t.Fatal(err)
	}
	if v["main"].(map[string]any)["hasKey"] != false {
		t.Error("local server got a key")
	}
	fb := v["fallback"].(map[string]any)
	order, _ := json.Marshal(fb["openrouterProviderOrder"])
	if string(order) != `["moonshot","together"]` || fb["openrouterAllowFallbacks"] != false {
		t.Errorf("openrouter = %s %v", order, fb["openrouterAllowFallbacks"])
	}
}

func TestThinkingFlags(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "t.json")
	if err := os.WriteFile(path, []byte(`{"thinking":{"type":"enabled","budgetTokens":20000}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok(key, "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-5-20250929", "--thinking-json", path, "--key-stdin")
	var v map[string]any
	if err := json.Unmarshal([]byte(h.ok("", "profile", "show", "p", "--json").stdout), &v); err != nil {
		t.Fatal(err)
	}
	m := v["main"].(map[string]any)
	if m["reasoningEffort"] != "custom" || !strings.Contains(m["reasoningConfigOverride"].(string), "budgetTokens") {
		t.Errorf("thinking = %v", m)
	}
	h.ok("", "profile", "set", "p", "--provider", "anthropic", "--model", "claude-sonnet-4-5-20250929", "--thinking", "none")
	if err := json.Unmarshal([]byte(h.ok("", "profile", "show", "p", "--json").stdout), &v); err != nil {
		t.Fatal(err)
	}
	if v["main"].(map[string]any)["reasoningEffort"] != "off" {
		t.Errorf("thinking none = %v", v["main"])
	}
}

func TestDoctor(t *testing.T) {
	h := newHarness(t)
	r := h.ok("", "doctor", "--json")
	var rep struct {
		OK              bool   `json:"ok"`
		KeychainBackend string `json:"keychainBackend"`
		Checks          []struct {
			Name string `json:"name"`
			OK   bool   `json:"ok"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || !rep.OK || rep.KeychainBackend != "file" {
		t.Fatalf("doctor = %s", r.stdout)
	}
	names := map[string]bool{}
	for _, c := range rep.Checks {
		names[c.Name] = true
	}
	for _, n := range []string{"data dir", "profile database", "keychain", "webkit"} {
		if !names[n] {
			t.Errorf("doctor lacks %s", n)
		}
	}
	// A keychain that cannot work makes doctor fail with exit 1.
	h.env["KODUS_BYOK_KEYRING_PASSPHRASE"] = ""
	if r := h.run("", "doctor"); r.code != ExitFailure || !strings.Contains(r.stdout, "FAIL") || !strings.Contains(r.stdout, "passphrase") {
		t.Errorf("doctor without passphrase = %d %s", r.code, r.stdout)
	}
	if r := h.run("", "version"); r.code != 0 || !strings.Contains(r.stdout, "kodus-byok") {
		t.Errorf("version = %v", r)
	}
}

func scrubTimes(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, `"createdAt"`) || strings.Contains(line, `"updatedAt"`) {
			line = line[:strings.Index(line, ":")+1] + ` "<time>",`
			if strings.Contains(line, "updatedAt") {
				line = strings.TrimSuffix(line, ",")
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// A panicking command ends with exit 1 and a short message, not a stack trace.
func TestPanicBecomesFailure(t *testing.T) {
	saved := commands
	t.Cleanup(func() { commands = saved })
	commands = append(commands, struct {
		name  string
		build func(*app) *cobra.Command
	}{"boom", func(*app) *cobra.Command {
		return &cobra.Command{Use: "boom", RunE: func(*cobra.Command, []string) error { panic("kaboom") }}
	}})
	r := newHarness(t).run("", "boom")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "internal error: kaboom") || strings.Contains(r.stderr, "goroutine") {
		t.Fatalf("panic = %d %q", r.code, r.stderr)
	}
}
