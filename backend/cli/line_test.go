package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const (
	zaiKey  = "FAKE0123456789abcdef0123456789ab.FAKEfakeFAKE"
	glmJSON = `{"id":"msg_1","type":"message","role":"assistant","model":"glm-5.2","content":[{"type":"text","text":"p"}],"stop_reason":"max_tokens","usage":{"input_tokens":7,"output_tokens":1}}`
)

func TestKodusLineCommand(t *testing.T) {
	h := newCurrentHarness(t)
	r := h.ok("", "kodus", "line", "show", "--json")
	var info struct {
		ID, Source string
		Lines      []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &info); err != nil || info.ID != "current" || info.Source != "default" || len(info.Lines) != 2 {
		t.Fatalf("show = %s (%v)", r.stdout, err)
	}
	if r := h.ok("", "kodus", "line", "set", "mid-2026"); !strings.Contains(r.stdout, "now follows Kodus selfhosted-2.1.x") {
		t.Errorf("set = %s", r.stdout)
	}
	if r := h.ok("", "kodus", "line", "--json"); !strings.Contains(r.stdout, `"id": "mid-2026"`) || !strings.Contains(r.stdout, `"source": "saved"`) {
		t.Errorf("saved line = %s", r.stdout)
	}
	// The flag overrides the saved line for one command.
	if r := h.ok("", "kodus", "line", "show", "--json", "--kodus-line", "current"); !strings.Contains(r.stdout, `"source": "flag"`) {
		t.Errorf("flag = %s", r.stdout)
	}
	for _, bad := range [][]string{{"kodus", "line", "set", "2025"}, {"kodus", "line", "set"}, {"kodus", "line", "drop"}, {"catalog", "--kodus-line", "2025"}, {"kodus"}} {
		if r := h.run("", bad...); r.code != ExitUsage || r.stderr == "" {
			t.Errorf("%v: exit %d %q", bad, r.code, r.stderr)
		}
	}
	// A broken saved choice is an error, never silently the default.
	if err := os.WriteFile(filepath.Join(h.env["KODUS_BYOK_HOME"], "kodus-line.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := h.run("", "catalog", "--json"); r.code != ExitFailure || !strings.Contains(r.stderr, "kodus line set") {
		t.Errorf("broken file: exit %d %q", r.code, r.stderr)
	}
}

// The default line is what IMAGE_TAG=latest runs.
func TestCatalogCurrent(t *testing.T) {
	h := newCurrentHarness(t)
	r := h.ok("", "catalog", "--json")
	assertGolden(t, "catalog-current.json.golden", r.stdout)
	assertGolden(t, "cost-current.json.golden", h.ok("", "cost", "--json").stdout)
	assertGolden(t, "schema-profile-current.json.golden", h.ok("", "schema", "profile").stdout)
	var c struct {
		Providers []struct{ ID string }
		Models    []struct{ ID, Tier string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil {
		t.Fatal(err)
	}
	tier := map[string]string{}
	for _, m := range c.Models {
		tier[m.ID] = m.Tier
	}
	if tier["glm-5.2"] != "recommended" || tier["kimi-k2.7-code"] != "recommended" || tier["gemini-3-flash-preview"] != "recommended" || tier["kimi-k2.6"] != "other" || tier["glm-5.1"] != "" {
		t.Errorf("tiers = %v", tier)
	}
	have := ""
	for _, p := range c.Providers {
		have += p.ID + " "
	}
	for _, p := range []string{"moonshot", "zai", "anthropic_compatible"} {
		if !strings.Contains(have, p+" ") {
			t.Errorf("providers lack %s: %s", p, have)
		}
	}
}

// Every golden file of today is what --kodus-line mid-2026 prints, with no
// line saved: the regression guard of the mid-2026 line.
func TestMid2026FlagKeepsTodaysGoldens(t *testing.T) {
	h := newCurrentHarness(t)
	assertGolden(t, "catalog.json.golden", h.ok("", "catalog", "--json", "--kodus-line", "mid-2026").stdout)
	assertGolden(t, "schema-profile.json.golden", h.ok("", "schema", "profile", "--kodus-line", "mid-2026").stdout)
	assertGolden(t, "cost.json.golden", h.ok("", "cost", "--json", "--kodus-line", "mid-2026").stdout)
	h.ok(key, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin", "--kodus-line", "mid-2026")
	assertGolden(t, "options-sonnet.json.golden", h.ok("", "options", "team", "--json", "--kodus-line", "mid-2026").stdout)
	h.ok("zai-0123456789abcdef.ghij", "profile", "set", "team", "--slot", "fallback", "--provider", "openai_compatible", "--model", "glm-5.1", "--plan", "coding-plan", "--key-stdin", "--kodus-line", "mid-2026")
	assertGolden(t, "profile-show.json.golden", scrubTimes(h.ok("", "profile", "show", "team", "--json", "--kodus-line", "mid-2026").stdout))
	// And the same profile under the current line is v2, with the advice
	// to move the GLM 5.1 slot.
	byok := h.ok("", "byok", "team", "--json").stdout
	if !strings.Contains(byok, `"version": 2`) || !strings.Contains(byok, `"fallbackModelId": "team-fallback"`) {
		t.Errorf("byok under current = %s", byok)
	}
	if v1 := h.ok("", "byok", "team", "--json", "--kodus-line", "mid-2026").stdout; !strings.HasPrefix(v1, "{\n  \"main\": {") {
		t.Errorf("byok under mid-2026 = %s", v1)
	}
}

// options on the current line: what Kodus latest's provider modules send.
func TestOptionsCurrent(t *testing.T) {
	h := newCurrentHarness(t)
	set := func(stdin string, args ...string) { h.ok(stdin, append([]string{"profile", "set"}, args...)...) }
	set(key, "son", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking", "off", "--key-stdin")
	set(zaiKey, "glm", "--provider", "openai_compatible", "--model", "glm-5.2", "--base-url", "https://api.z.ai/api/paas/v4/", "--thinking", "medium", "--key-stdin")
	set("", "llama", "--provider", "openai_compatible", "--model", "llama3", "--base-url", "http://localhost:11434/v1", "--thinking", "high")
	set("sk_FAKEnovita0123456789", "nov", "--provider", "novita", "--model", "deepseek/deepseek-r1", "--thinking", "low", "--key-stdin")
	sa := `{"type":"service_account","project_id":"fake-proj-123","private_key_id":"0000fake","private_key":"-----BEGIN PRIVATE KEY-----\nFAKE\n-----END PRIVATE KEY-----\n","client_email":"a@fake-proj-123.iam.gserviceaccount.com"}`
	set(sa, "vtx", "--provider", "google_vertex", "--model", "claude-sonnet-4-6", "--thinking", "medium", "--key-stdin")
	tests := map[string]string{
		"son":   `{"anthropic":{"thinking":{"type":"disabled"}}}`,
		"glm":   `{"openaiCompatible":{"reasoningEffort":"high","thinking":{"type":"enabled"}}}`,
		"llama": `{}`,
		"nov":   `{}`,
		"vtx":   `{"anthropic":{"effort":"medium","thinking":{"type":"adaptive"}}}`,
	}
	for name, want := range tests {
		var v struct {
			ProviderOptions json.RawMessage `json:"providerOptions"`
		}
		if err := json.Unmarshal([]byte(h.ok("", "options", name, "--json").stdout), &v); err != nil {
			t.Fatal(err)
		}
		var compact map[string]any
		if err := json.Unmarshal(v.ProviderOptions, &compact); err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(compact)
		if string(got) != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
	if r := h.ok("", "options", "son"); !strings.Contains(r.stdout, "as Kodus latest sends it") {
		t.Errorf("the preview names the line: %s", r.stdout)
	}
	// GPT-5.4 with Low: Kodus latest's picker offers Medium and High.
	r := h.run("sk-proj-FAKEopenai0123456789", "profile", "set", "gpt", "--provider", "openai", "--model", "gpt-5.4", "--thinking", "low", "--key-stdin")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "offers only Medium and High") {
		t.Errorf("gpt-5.4 low: exit %d %s", r.code, r.stderr)
	}
	h.ok("sk-proj-FAKEopenai0123456789", "profile", "set", "gpt", "--provider", "openai", "--model", "gpt-5.4", "--thinking", "low", "--key-stdin", "--kodus-line", "mid-2026")
	if r := h.run("", "options", "gpt"); r.code != ExitUsage || !strings.Contains(r.stderr, "cannot save Low") {
		t.Errorf("saved gpt-5.4 low under current: exit %d %s", r.code, r.stderr)
	}
}

// byok on the current line: v2, Off as "none", base URLs Kodus refuses
// said with why, while the .env export of the same profile says nothing of
// https or private addresses.
func TestBYOKCurrent(t *testing.T) {
	h := newCurrentHarness(t)
	h.ok(key, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--thinking", "off", "--key-stdin")
	h.ok("", "profile", "set", "team", "--slot", "fallback", "--provider", "openai_compatible", "--model", "qwen3-coder", "--base-url", "http://192.168.1.20:8000/v1")
	r := h.ok("", "byok", "team", "--json")
	assertGolden(t, "byok-v2.json.golden", r.stdout)
	if !strings.Contains(r.stdout, `"reasoningEffort": "none"`) || strings.Contains(r.stdout, "apiKey") {
		t.Errorf("byok = %s", r.stdout)
	}
	for _, want := range []string{"must use https://", "192.168.1.20 is a private (RFC 1918) address", "refuses loopback, private, link-local and 100.64 addresses", "as Kodus latest saves it"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("byok warnings lack %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stdout, "warning") {
		t.Error("warnings leak into the JSON")
	}
	h.ok("FAKE-vllm-token-0123456789", "profile", "set", "local", "--provider", "openai_compatible", "--model", "qwen3-coder", "--base-url", "http://192.168.1.20:8000/v1", "--key-stdin")
	env := h.ok("", "env", "local")
	if strings.Contains(env.stderr, "https") || strings.Contains(env.stderr, "private") {
		t.Errorf("the .env export warns about what only BYOK refuses: %s", env.stderr)
	}
	with := h.ok("", "byok", "team", "--json", "--with-keys")
	if !strings.Contains(with.stdout, `"apiKey": "`+strings.TrimSpace(key)+`"`) {
		t.Errorf("--with-keys: %s", with.stdout)
	}
}

func TestEnvInspectNamesBothLines(t *testing.T) {
	h := newCurrentHarness(t)
	p := filepath.Join(t.TempDir(), ".env")
	if err := os.WriteFile(p, []byte("IMAGE_TAG=selfhosted-2.1.28\nAPI_LLM_PROVIDER_MODEL=glm-5.1\nAPI_OPEN_AI_API_KEY="+zaiKey+"\nAPI_OPENAI_FORCE_BASE_URL=https://api.z.ai/api/paas/v4/\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := h.ok("", "env", "inspect", p)
	for _, want := range []string{"IMAGE_TAG=selfhosted-2.1.28", "Kodus selfhosted-2.1.x", "the app follows Kodus latest", "kodus line set mid-2026"} {
		if !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("inspect lacks %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	if r := h.ok("", "env", "inspect", p, "--kodus-line", "mid-2026"); strings.Contains(r.stderr, "warning") {
		t.Errorf("the same line: %s", r.stderr)
	}
}

type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
	body []string
}

func (rc *recorder) count() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.reqs)
}

// test of a GLM 5.2 profile on zai: Kodus latest's Test, over the
// Anthropic protocol, against a server on 127.0.0.1.
func TestTestZaiLikeKodusLatest(t *testing.T) {
	h := newCurrentHarness(t)
	rc := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.reqs, rc.body = append(rc.reqs, r), append(rc.body, string(b))
		rc.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(glmJSON))
	}))
	defer srv.Close()
	h.ok(zaiKey, "profile", "set", "glm", "--provider", "zai", "--model", "glm-5.2", "--base-url", srv.URL+"/api/anthropic", "--key-stdin")
	r := h.ok("", "test", "glm", "--json")
	if o := lines(r.stdout); len(o) != 1 || o[0]["code"] != "ok" || o[0]["probe"] != "slot_call" {
		t.Fatalf("test = %s %s", r.stdout, r.stderr)
	}
	if rc.count() != 1 {
		t.Fatalf("requests = %d", rc.count())
	}
	req := rc.reqs[0]
	if req.Method != "POST" || req.URL.Path != "/api/anthropic/v1/messages" || req.Header.Get("x-api-key") != zaiKey || req.Header.Get("anthropic-version") == "" || req.Header.Get("Authorization") != "" {
		t.Errorf("request = %s %s %v", req.Method, req.URL.Path, req.Header)
	}
	// The slot's settings are in the call: its thinking, a cap just above
	// the budget, Kodus's "ping".
	for _, want := range []string{`"model":"glm-5.2"`, `"budget_tokens":15000`, `"ping"`} {
		if !strings.Contains(rc.body[0], want) {
			t.Errorf("body lacks %s: %s", want, rc.body[0])
		}
	}
	if !strings.Contains(r.stderr, "real call with these settings") {
		t.Errorf("the call is announced first: %s", r.stderr)
	}

	// A temperature Kodus refuses for the model: bad_request, nothing sent.
	h.ok("", "profile", "set", "glm", "--provider", "zai", "--model", "glm-5.3", "--base-url", srv.URL+"/api/anthropic", "--temperature", "0")
	r = h.run("", "test", "glm", "--json")
	o := lines(r.stdout)
	if r.code != ExitFailure || len(o) != 1 || o[0]["code"] != "bad_request" || !strings.Contains(o[0]["message"].(string), "temperature is fixed at 1") {
		t.Errorf("refused: exit %d %s", r.code, r.stdout)
	}
	if rc.count() != 1 {
		t.Errorf("a refused setting sent %d more requests", rc.count()-1)
	}
}

func TestProfileMove(t *testing.T) {
	h := newCurrentHarness(t)
	h.ok(zaiKey, "profile", "set", "team", "--provider", "openai_compatible", "--model", "glm-5.1", "--plan", "paas", "--key-stdin", "--kodus-line", "mid-2026")
	if r := h.ok("", "profile", "show", "team"); !strings.Contains(r.stdout, "kodus-byok profile move team --slot main") {
		t.Errorf("show lacks the move: %s", r.stdout)
	}
	if r := h.ok("", "profile", "move", "team", "--dry-run"); !strings.Contains(r.stdout, "would move main") {
		t.Errorf("dry run = %s", r.stdout)
	}
	r := h.ok("", "profile", "move", "team", "--json")
	var out struct {
		Moved bool
		Moves []struct{ Slot, Provider, Model, Plan string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || !out.Moved || len(out.Moves) != 1 || out.Moves[0].Provider != "zai" || out.Moves[0].Plan != "developer" {
		t.Fatalf("move = %s (%v)", r.stdout, err)
	}
	if r := h.ok("", "profile", "move", "team"); !strings.Contains(r.stdout, "nothing to move") {
		t.Errorf("second move = %s", r.stdout)
	}
	if r := h.run("", "profile", "move", "team", "--slot", "fallback"); r.code != ExitFailure {
		t.Errorf("no fallback: exit %d", r.code)
	}
	if r := h.run("", "profile", "move", "team", "--slot", "third"); r.code != ExitUsage {
		t.Errorf("bad slot: exit %d", r.code)
	}
}
