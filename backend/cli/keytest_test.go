package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const cliOpenAIKey = "sk-proj-FAKEcliKEY0123456789abc"

// fakeOpenAI answers GET /v1/models/{id} like OpenAI: 200 for the right key,
// 401 with the key echoed otherwise.
func fakeOpenAI(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if got != cliOpenAIKey {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":{"message":"Incorrect API key provided: ` + got + `.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`))
			return
		}
		w.Write([]byte(`{"id":"gpt-5.4","object":"model","created":1,"owned_by":"openai"}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func lines(s string) []map[string]any {
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) == nil {
			out = append(out, m)
		}
	}
	return out
}

func TestTestSavedProfile(t *testing.T) {
	h := newHarness(t)
	openai := fakeOpenAI(t)
	h.ok(cliOpenAIKey, "profile", "set", "team", "--provider", "openai", "--model", "gpt-5.4", "--base-url", openai.URL+"/v1", "--key-stdin")
	h.ok("sk-proj-FAKEWRONGcliKEY0123456789", "profile", "set", "team", "--slot", "fallback", "--provider", "openai", "--model", "gpt-5.4", "--base-url", openai.URL+"/v1/", "--key-stdin")

	r := h.run("", "test", "team", "--json")
	if r.code != ExitFailure {
		t.Fatalf("exit %d, want 1 (fallback fails)\n%s%s", r.code, r.stdout, r.stderr)
	}
	objs := lines(r.stdout)
	if len(objs) != 2 || objs[0]["slot"] != "main" || objs[1]["slot"] != "fallback" {
		t.Fatalf("json lines = %s", r.stdout)
	}
	for _, k := range []string{"slot", "ok", "code", "httpStatus", "latencyMs", "modelFound", "message", "hint"} {
		if _, ok := objs[0][k]; !ok {
			t.Errorf("--json lacks %q", k)
		}
	}
	if objs[0]["ok"] != true || objs[0]["code"] != "ok" || objs[0]["modelFound"] != true || objs[0]["httpStatus"] != 200.0 {
		t.Errorf("main = %v", objs[0])
	}
	if objs[1]["ok"] != false || objs[1]["code"] != "auth" || objs[1]["httpStatus"] != 401.0 || objs[1]["modelFound"] != nil {
		t.Errorf("fallback = %v", objs[1])
	}
	if strings.Contains(r.stdout+r.stderr, "WRONGcli") || !strings.Contains(r.stdout, "[redacted]") {
		t.Errorf("the echoed key was not redacted: %s", r.stdout)
	}

	main := h.ok("", "test", "team", "--slot", "main")
	if !strings.Contains(main.stdout, "main: OK   Connection OK — provider responded in") || strings.Contains(main.stdout, "fallback") {
		t.Errorf("text = %s", main.stdout)
	}
	fb := h.run("", "test", "team", "--slot", "fallback")
	for _, want := range []string{"fallback: FAIL Invalid API key · HTTP 401", "Provider said: Incorrect API key provided: [redacted].", "hint: Copy the OpenAI key again"} {
		if !strings.Contains(fb.stdout, want) {
			t.Errorf("text lacks %q:\n%s", want, fb.stdout)
		}
	}
}

func TestTestUnsavedSettings(t *testing.T) {
	h := newHarness(t)
	openai := fakeOpenAI(t)
	r := h.ok(cliOpenAIKey+"\n", "test", "--provider", "openai", "--model", "gpt-5.4", "--base-url", openai.URL+"/v1", "--key-stdin", "--json")
	if o := lines(r.stdout); len(o) != 1 || o[0]["code"] != "ok" || o[0]["slot"] != "main" {
		t.Fatalf("unsaved = %s", r.stdout)
	}
	if out := h.ok("", "profile", "list", "--json").stdout; strings.Contains(out, "gpt-5.4") {
		t.Error("test without a NAME saved something")
	}

	// Z.ai: the inference request is announced on stderr first, and a
	// Coding Plan key on the Developer API is told apart from a bad key.
	zai := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasPrefix(r.URL.Path, "/api/paas/v4/") {
			w.WriteHeader(429)
			w.Write([]byte(`{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}`))
			return
		}
		w.Write([]byte(`{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"H"}}]}`))
	}))
	defer zai.Close()
	r = h.run("FAKEzaiKEY0123456789.abcdef", "test", "--provider", "openai_compatible", "--model", "glm-5.1", "--plan", "paas", "--base-url", zai.URL+"/api/paas/v4/", "--key-stdin", "--json")
	o := lines(r.stdout)
	if r.code != ExitFailure || len(o) != 1 || o[0]["code"] != "wrong_plan" || o[0]["suggestedPlan"] != "coding-plan" {
		t.Fatalf("wrong plan: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "at most 1 output token") {
		t.Errorf("no inference note on stderr: %q", r.stderr)
	}

	// A keyless local server.
	local := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"object":"list","data":[{"id":"llama3.1:8b"}]}`))
	}))
	defer local.Close()
	r = h.ok("", "test", "--provider", "openai_compatible", "--model", "llama3.1:8b", "--base-url", local.URL+"/v1")
	if !strings.Contains(r.stdout, "main: OK") || !strings.Contains(r.stdout, "without a key") {
		t.Errorf("local = %s", r.stdout)
	}
}

func TestTestTimeoutAndUsage(t *testing.T) {
	h := newHarness(t)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // held until the client gives up: only its timeout ends it
	}))
	defer slow.Close()
	r := h.run("", "test", "--provider", "openai_compatible", "--model", "m", "--base-url", slow.URL+"/v1", "--timeout", "300ms", "--json")
	if o := lines(r.stdout); r.code != ExitFailure || len(o) != 1 || o[0]["code"] != "timeout" {
		t.Fatalf("timeout: exit %d %s", r.code, r.stdout)
	}

	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"nothing to test", "", []string{"test"}, ExitUsage, "needs a profile NAME"},
		{"name and provider", "", []string{"test", "team", "--provider", "openai"}, ExitUsage, "either a profile NAME"},
		{"two names", "", []string{"test", "a", "b"}, ExitUsage, "one profile NAME"},
		{"bad timeout", "", []string{"test", "x", "--timeout", "soon"}, ExitUsage, "--timeout must be a duration"},
		{"zero timeout", "", []string{"test", "x", "--timeout", "0s"}, ExitUsage, "more than 0"},
		{"bad slot", "", []string{"test", "--provider", "openai", "--model", "gpt-5.4", "--slot", "backup"}, ExitUsage, "slot: must be main or fallback"},
		{"missing key", "", []string{"test", "--provider", "openai", "--model", "gpt-5.4"}, ExitUsage, "apiKey: is required to test OpenAI"},
		{"bad base URL", "", []string{"test", "--provider", "openai_compatible", "--model", "m", "--base-url", "localhost:11434"}, ExitUsage, "baseURL"},
		{"missing profile", "", []string{"test", "nobody"}, ExitFailure, `profile "nobody": not found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.run(tt.stdin, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) || r.stdout != "" {
				t.Errorf("exit %d (want %d), stderr %q (want %q), stdout %q", r.code, tt.code, r.stderr, tt.stderr, r.stdout)
			}
		})
	}
}
