package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func layout(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile("../envfile/testdata/kodus-env-layout.env")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, ".env")
	if err := os.WriteFile(p, data, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	return p
}

func glmHarness(t *testing.T) *harness {
	h := newHarness(t)
	h.ok("zai-FAKE-0123456789abcdef.ghij", "profile", "set", "glm", "--provider", "openai_compatible", "--model", "glm-5.1", "--plan", "coding-plan", "--key-stdin")
	h.ok(key, "profile", "set", "glm", "--slot", "fallback", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	return h
}

func TestEnvPrintAndJSON(t *testing.T) {
	h := glmHarness(t)
	r := h.ok("", "env", "glm")
	// Standard output is the block itself (not a terminal here: the key in full).
	for _, want := range []string{"# Kodus Fixed Mode (LLM), exported by Kodus BYOK Studio from profile \"glm\"", "do not commit", "API_OPEN_AI_API_KEY=zai-FAKE-0123456789abcdef.ghij\n",
		"API_OPENAI_FORCE_BASE_URL=https://api.z.ai/api/coding/paas/v4\n", "API_LLM_PROVIDER_MODEL=glm-5.1\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("block lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, want := range []string{"Kodus will use: OpenAI-compatible at https://api.z.ai/api/coding/paas/v4", "Fallback model (claude-sonnet-4-6", "429 \"Too much concurrency\"", "kodus-byok byok glm"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	j := h.ok("", "env", "glm", "--json")
	var v struct {
		Variables  map[string]string `json:"variables"`
		Warnings   []map[string]any  `json:"warnings"`
		NotCarried []struct {
			Setting, Value, Consequence string
		} `json:"notCarried"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &v); err != nil {
		t.Fatal(err)
	}
	if v.Variables["API_OPEN_AI_API_KEY"] != "za…hij" || v.Variables["API_LLM_PROVIDER_MODEL"] != "glm-5.1" || len(v.NotCarried) != 4 || v.Warnings == nil {
		t.Errorf("json = %s", j.stdout)
	}
	if strings.Contains(j.stdout+j.stderr, "0123456789abcdef") {
		t.Error("--json printed the key")
	}
}

func TestEnvOutAndFull(t *testing.T) {
	h := glmHarness(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "llm.env")
	r := h.ok("", "env", "glm", "--out", p)
	if r.stdout != "wrote the Fixed Mode block to "+p+" (mode 0600)\n" || strings.Contains(r.stdout+r.stderr, "0123456789abcdef") {
		t.Errorf("out = %q / %q", r.stdout, r.stderr)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if r := h.run("", "env", "glm", "--out", p); r.code != ExitFailure || !strings.Contains(r.stderr, "already exists (use --force") {
		t.Errorf("overwrite = %d %q", r.code, r.stderr)
	}
	r = h.ok("", "env", "glm", "--out", p, "--force", "--full")
	if !strings.Contains(r.stdout, "backed up as "+p+".bak-") || !strings.Contains(r.stdout, "fill in API_GITHUB_CODE_MANAGEMENT_WEBHOOK") {
		t.Errorf("full = %s", r.stdout)
	}
	// The file pins no IMAGE_TAG, so it runs Kodus latest: the only warning
	// is that this harness follows the mid-2026 line.
	if r := h.ok("", "env", "inspect", p); !strings.Contains(r.stdout, "glm-5.1") || !strings.Contains(r.stdout, "za…hij") ||
		strings.Count(r.stderr, "warning:") != 1 || !strings.Contains(r.stderr, "runs Kodus latest (IMAGE_TAG unset") {
		t.Errorf("inspect of the full file = %q / %q", r.stdout, r.stderr)
	}
	for _, bad := range [][]string{{"env", "glm", "--full"}, {"env", "glm", "--out", p, "--merge", p}, {"env", "glm", "--force"}, {"env"}, {"byok", "glm", "--with-keys"}, {"env", "import", p}} {
		if r := h.run("", bad...); r.code != ExitUsage {
			t.Errorf("%v: exit %d %s", bad, r.code, r.stderr)
		}
	}
	if r := h.run("", "env", "nobody"); r.code != ExitFailure || !strings.Contains(r.stderr, "not found") {
		t.Errorf("missing profile: %d %s", r.code, r.stderr)
	}
}

func TestEnvMerge(t *testing.T) {
	h := glmHarness(t)
	p := layout(t, t.TempDir())
	before, _ := os.ReadFile(p)
	// No terminal and no --force: the diff, and nothing written.
	r := h.run("", "env", "glm", "--merge", p)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "re-run with --force") || !strings.Contains(r.stdout, "+API_LLM_PROVIDER_MODEL=glm-5.1") || !strings.Contains(r.stdout, "+API_OPEN_AI_API_KEY=za…hij") {
		t.Fatalf("merge without force = %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if now, _ := os.ReadFile(p); string(now) != string(before) {
		t.Fatal("the file changed without --force")
	}
	// A terminal that says no.
	askConfirm = func(*app, string) (bool, bool, error) { return false, true, nil }
	defer func() { askConfirm = defaultAsk }()
	if r := h.run("", "env", "glm", "--merge", p); r.code != ExitFailure || !strings.Contains(r.stderr, "not written") {
		t.Errorf("declined = %d %s", r.code, r.stderr)
	}
	// A terminal that says yes.
	askConfirm = func(*app, string) (bool, bool, error) { return true, true, nil }
	r = h.ok("", "env", "glm", "--merge", p)
	if !strings.Contains(r.stdout, "merged into "+p+"; backup "+p+".bak-") || !strings.Contains(r.stderr, "docker compose up -d") {
		t.Errorf("merge = %s / %s", r.stdout, r.stderr)
	}
	after, _ := os.ReadFile(p)
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode changed to %v", fi.Mode().Perm())
	}
	if n := strings.Count(string(after), "\n") - strings.Count(string(before), "\n"); n != 0 {
		t.Errorf("merge added %d lines; all five LLM variables are in the layout", n)
	}
	if r := h.ok("", "env", "glm", "--merge", p); !strings.Contains(r.stdout, "already holds this block") {
		t.Errorf("second merge = %s", r.stdout)
	}
	// Switching profiles over a file in Fixed Mode says what it replaces.
	h.ok(key, "profile", "set", "opus", "--provider", "anthropic", "--model", "claude-opus-4-7", "--key-stdin")
	r = h.run("", "env", "opus", "--merge", p, "--force", "--json")
	var j map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil || j["written"] != p || !strings.Contains(j["diff"].(string), "-API_LLM_PROVIDER_MODEL=glm-5.1\n+API_LLM_PROVIDER_MODEL=claude-opus-4-7") {
		t.Errorf("json merge = %s (%v)", r.stdout, err)
	}
	rep := h.ok("", "env", "inspect", p, "--json")
	var ins struct {
		FixedMode bool `json:"fixedMode"`
		Inferred  struct{ Provider, Model string }
		KeyMasked string `json:"keyMasked"`
	}
	if err := json.Unmarshal([]byte(rep.stdout), &ins); err != nil {
		t.Fatal(err)
	}
	if !ins.FixedMode || ins.Inferred.Provider != "anthropic" || ins.Inferred.Model != "claude-opus-4-7" || ins.KeyMasked != "sk…xyz" {
		t.Errorf("inspect after switch = %s", rep.stdout)
	}
}

var defaultAsk = askConfirm

func TestEnvImport(t *testing.T) {
	h := glmHarness(t)
	p := filepath.Join(t.TempDir(), "kodus.env")
	h.ok("", "env", "glm", "--out", p)
	r := h.ok("", "env", "import", p, "--profile", "fromenv")
	if !strings.Contains(r.stdout, "imported "+p+" into profile fromenv: GLM 5.1 on Z.ai, key za…hij") || !strings.Contains(r.stderr, "catalog defaults") {
		t.Errorf("import = %q / %q", r.stdout, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(h.ok("", "profile", "show", "fromenv", "--json").stdout), &v); err != nil {
		t.Fatal(err)
	}
	m := v["main"].(map[string]any)
	if m["plan"] != "coding-plan" || m["maxConcurrentRequests"] != 1.0 || m["baseURL"] != "https://api.z.ai/api/coding/paas/v4" {
		t.Errorf("imported slot = %v", m)
	}
	// The imported key is the real one: exporting it again gives the same block.
	a, b := h.ok("", "env", "glm").stdout, h.ok("", "env", "fromenv").stdout
	if strings.ReplaceAll(a, `"glm"`, `"fromenv"`) != b {
		t.Errorf("re-export differs:\n%s\n%s", a, b)
	}
	if r := h.run("", "env", "import", p, "--profile", "fromenv"); r.code != ExitFailure || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("import over a profile = %d %s", r.code, r.stderr)
	}
	auto := layout(t, t.TempDir())
	if r := h.run("", "env", "import", auto, "--profile", "x"); r.code != ExitFailure || !strings.Contains(r.stderr, "Fixed Mode is off") {
		t.Errorf("import of auto = %d %s", r.code, r.stderr)
	}
	if r := h.run("", "env", "inspect", filepath.Join(t.TempDir(), "missing.env")); r.code != ExitFailure || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("inspect missing = %d %s", r.code, r.stderr)
	}
}

func TestBYOKCommand(t *testing.T) {
	h := glmHarness(t)
	r := h.ok("", "byok", "glm", "--json")
	var cfg struct {
		Main     map[string]any `json:"main"`
		Fallback map[string]any `json:"fallback"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Main["provider"] != "openai_compatible" || cfg.Main["maxConcurrentRequests"] != 1.0 || cfg.Main["apiKey"] != nil || cfg.Fallback["model"] != "claude-sonnet-4-6" {
		t.Errorf("byok = %s", r.stdout)
	}
	if !strings.Contains(r.stderr, "keys are left out") {
		t.Errorf("stderr = %s", r.stderr)
	}
	r = h.ok("", "byok", "glm", "--json", "--with-keys")
	if err := json.Unmarshal([]byte(r.stdout), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Main["apiKey"] != "zai-FAKE-0123456789abcdef.ghij" || cfg.Fallback["apiKey"] != key || !strings.Contains(r.stderr, "plain text") {
		t.Errorf("with keys = %s / %s", r.stdout, r.stderr)
	}
	askConfirm = func(*app, string) (bool, bool, error) { return false, true, nil }
	defer func() { askConfirm = defaultAsk }()
	if r := h.run("", "byok", "glm", "--json", "--with-keys"); r.code != ExitFailure || r.stdout != "" {
		t.Errorf("declined keys = %d %q", r.code, r.stdout)
	}
	text := h.ok("", "byok", "glm").stdout
	if !strings.Contains(text, "key za…hij") || strings.Contains(text, "0123456789abcdef") {
		t.Errorf("text = %s", text)
	}
}
