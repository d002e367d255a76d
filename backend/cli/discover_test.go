package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/discover"
	fake "github.com/kodusbyok/studio/backend/discover/discovertest"
)

// The default endpoints come from KODUS_BYOK_DISCOVER_URLS here, so the
// test never depends on what runs on this machine's real ports.
func TestDiscoverJSON(t *testing.T) {
	h := newHarness(t)
	ollama, lms, closed := fake.Ollama(t), fake.LMStudio(t), fake.ClosedPort(t)
	h.env[discover.EnvURLs] = ollama + "/v1, " + closed
	r := h.ok("", "discover", "--url", strings.TrimPrefix(lms, "http://"), "--json")

	// The documented shape: {"servers": [{"kind", "baseURL", "models": [...], "latencyMs"}]}.
	var out struct {
		Servers []struct {
			Kind      string            `json:"kind"`
			BaseURL   string            `json:"baseURL"`
			Models    []json.RawMessage `json:"models"`
			LatencyMs *int64            `json:"latencyMs"`
		} `json:"servers"`
		Unreachable []discover.Miss `json:"unreachable"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if len(out.Servers) != 2 || out.Servers[0].Kind != "ollama" || out.Servers[1].Kind != "lmstudio" {
		t.Fatalf("servers = %s", r.stdout)
	}
	if out.Servers[0].BaseURL != ollama+"/v1" || len(out.Servers[0].Models) != 2 || out.Servers[0].LatencyMs == nil || *out.Servers[0].LatencyMs < 1 {
		t.Errorf("ollama = %+v", out.Servers[0])
	}
	var m discover.Model
	if err := json.Unmarshal(out.Servers[0].Models[0], &m); err != nil {
		t.Fatal(err)
	}
	if m.ID != "llama3.1:8b" || m.ParameterSize != "8.0B" {
		t.Errorf("model = %+v", m)
	}
	if len(out.Unreachable) != 1 || out.Unreachable[0].BaseURL != closed+"/v1" {
		t.Errorf("unreachable = %+v", out.Unreachable)
	}
}

func TestDiscoverText(t *testing.T) {
	h := newHarness(t)
	h.env[discover.EnvURLs] = "none"
	ollama := fake.Ollama(t)
	r := h.ok("", "discover", "--url", ollama, "--url", fake.ClosedPort(t))
	for _, want := range []string{
		"Found 1 LLM server(s) (2 endpoints probed in",
		"Ollama 0.12.6 · " + ollama + "/v1",
		"llama3.1:8b", "8.0B · Q4_K_M · 4.9 GB",
		"note: Ollama's default context window",
		"nothing listening (connection refused)",
		"Use one: kodus-byok profile set NAME --provider openai_compatible --model llama3.1:8b --base-url " + ollama + "/v1",
		"localhost is not this machine", "http://host.docker.internal:",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}

	r = h.ok("", "discover", "--url", fake.ClosedPort(t))
	if !strings.Contains(r.stdout, "No LLM server answered (1 endpoints probed") {
		t.Errorf("nothing found = %q", r.stdout)
	}
}

func TestDiscoverUsage(t *testing.T) {
	h := newHarness(t)
	for _, tt := range []struct {
		env    string
		args   []string
		stderr string
	}{
		{"", []string{"discover", "http://localhost:11434"}, "give each URL with --url"},
		{"", []string{"discover", "--url", "ftp://host"}, "--url: not an http(s) URL"},
		{"", []string{"discover", "--timeout", "0s"}, "--timeout must be positive"},
		{"ftp://nope", []string{"discover"}, discover.EnvURLs},
	} {
		h.env[discover.EnvURLs] = tt.env
		r := h.run("", tt.args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%v: exit %d stderr %q, want 2 and %q", tt.args, r.code, r.stderr, tt.stderr)
		}
	}
}
