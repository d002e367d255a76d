package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

const cliMoonshotKey = "sk-FAKEcliMOONSHOTkey0123456789ab"

// fakeMoonshot answers chat completions like Moonshot (temperature must be
// 1) and records every request it gets.
type fakeMoonshot struct {
	*httptest.Server
	mu     sync.Mutex
	bodies []map[string]any
}

func newFakeMoonshot(t *testing.T) *fakeMoonshot {
	f := &fakeMoonshot{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		b, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(b, &body)
		f.mu.Lock()
		f.bodies = append(f.bodies, body)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "Bearer "+cliMoonshotKey {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":{"message":"Invalid Authentication","type":"invalid_authentication_error"}}`))
			return
		}
		if body["temperature"] != 1.0 {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"error":{"message":"invalid temperature: only 1 is allowed for this model","type":"invalid_request_error"}}`))
			return
		}
		w.Write([]byte(`{"id":"chatcmpl-FAKE","object":"chat.completion","model":"kimi-k2.6","choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":85,"total_tokens":105,"completion_tokens_details":{"reasoning_tokens":80}}}`))
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeMoonshot) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.bodies)
}

func kimiProfile(t *testing.T, h *harness, f *fakeMoonshot, temperature string) {
	t.Helper()
	h.ok(cliMoonshotKey, "profile", "set", "kimi", "--provider", "openai_compatible", "--model", "kimi-k2.6", "--plan", "moonshot",
		"--base-url", f.URL+"/v1", "--temperature", temperature, "--key-stdin")
}

// --preview builds and shows the request and sends nothing: the fake
// provider records zero requests.
func TestDryRunPreviewSendsNothing(t *testing.T) {
	h := newHarness(t)
	f := newFakeMoonshot(t)
	kimiProfile(t, h, f, "0")

	r := h.ok("", "dryrun", "kimi", "--preview", "--json")
	var res map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("--json: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"ok", "code", "httpStatus", "latencyMs", "request", "message", "hint", "usage"} {
		if _, ok := res[k]; !ok {
			t.Errorf("--json lacks %q", k)
		}
	}
	req := res["request"].(map[string]any)
	body := req["body"].(map[string]any)
	if res["code"] != "preview" || res["ok"] != true || res["usage"] != nil || req["url"] != f.URL+"/v1/chat/completions" ||
		body["temperature"] != 0.0 || body["model"] != "kimi-k2.6" || body["thinking"] == nil {
		t.Errorf("preview = %s", r.stdout)
	}
	if req["headers"].(map[string]any)["Authorization"] != "Bearer [redacted]" || strings.Contains(r.stdout, cliMoonshotKey) {
		t.Errorf("headers = %v", req["headers"])
	}
	text := h.ok("", "dryrun", "kimi", "--preview")
	if !strings.Contains(text.stdout, "PREVIEW — not sent") || !strings.Contains(text.stdout, `"temperature": 0`) {
		t.Errorf("text preview = %s", text.stdout)
	}
	if n := f.count(); n != 0 {
		t.Fatalf("--preview sent %d request(s)", n)
	}
}

func TestDryRunSends(t *testing.T) {
	h := newHarness(t)
	f := newFakeMoonshot(t)
	kimiProfile(t, h, f, "0")

	// No terminal and no --yes: usage error, nothing sent.
	r := h.run("", "dryrun", "kimi")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "--yes") || f.count() != 0 {
		t.Fatalf("without --yes: exit %d, %d requests\n%s", r.code, f.count(), r.stderr)
	}

	r = h.run("", "dryrun", "kimi", "--yes", "--json")
	if r.code != ExitFailure || f.count() != 1 {
		t.Fatalf("exit %d, %d requests\n%s%s", r.code, f.count(), r.stdout, r.stderr)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res["code"] != "settings_rejected" || res["parameter"] != "temperature" || res["httpStatus"] != 400.0 ||
		!strings.Contains(res["hint"].(string), "Set Temperature to 1") || res["providerMessage"] != "invalid temperature: only 1 is allowed for this model" {
		t.Errorf("rejected = %s", r.stdout)
	}
	if !strings.Contains(r.stderr, "sending one billed request") || !strings.Contains(r.stderr, "at most $") {
		t.Errorf("stderr = %s", r.stderr)
	}

	text := h.run("", "dryrun", "kimi", "--yes")
	for _, want := range []string{"main: FAIL Setting rejected: temperature · HTTP 400", "Provider said: invalid temperature", "fix: Set Temperature to 1", "Request sent:", "POST " + f.URL + "/v1/chat/completions"} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("text lacks %q:\n%s", want, text.stdout)
		}
	}

	kimiProfile(t, h, f, "1")
	ok := h.ok("", "dryrun", "kimi", "--yes")
	if !strings.Contains(ok.stdout, "main: OK   Settings accepted") || !strings.Contains(ok.stdout, "usage: 20 input + 85 output tokens (80 reasoning) · $0.000359") || !strings.Contains(ok.stdout, "reply: OK") {
		t.Errorf("ok text = %s", ok.stdout)
	}
	if f.count() != 3 {
		t.Errorf("%d requests after three sends", f.count())
	}
}

func TestDryRunConfirm(t *testing.T) {
	h := newHarness(t)
	f := newFakeMoonshot(t)
	kimiProfile(t, h, f, "1")
	var asked string
	askConfirm = func(_ *app, prompt string) (bool, bool, error) { asked = prompt; return false, true, nil }
	defer func() { askConfirm = defaultAsk }()
	r := h.run("", "dryrun", "kimi")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "not sent") || f.count() != 0 {
		t.Fatalf("declined: exit %d, %d requests", r.code, f.count())
	}
	for _, want := range []string{"sends this request once", "POST " + f.URL + "/v1/chat/completions", `"temperature": 1`, "It is billed: usually a fraction of a cent; at most $0.065593", "[y/N]"} {
		if !strings.Contains(asked, want) {
			t.Errorf("the question lacks %q:\n%s", want, asked)
		}
	}
	askConfirm = func(*app, string) (bool, bool, error) { return true, true, nil }
	if r := h.run("", "dryrun", "kimi"); r.code != ExitOK || f.count() != 1 {
		t.Errorf("confirmed: exit %d, %d requests\n%s", r.code, f.count(), r.stderr)
	}
}

func TestDryRunUsage(t *testing.T) {
	h := newHarness(t)
	f := newFakeMoonshot(t)
	kimiProfile(t, h, f, "1")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"dryrun"}, ExitUsage, "profile NAME"},
		{[]string{"dryrun", "kimi", "--slot", "both"}, ExitUsage, "slot: must be main or fallback"},
		{[]string{"dryrun", "kimi", "--timeout", "0"}, ExitUsage, "--timeout"},
		{[]string{"dryrun", "kimi", "--preview", "--yes"}, ExitUsage, "--preview sends nothing"},
		{[]string{"dryrun", "nobody", "--preview"}, ExitFailure, "nobody"},
		{[]string{"dryrun", "kimi", "--slot", "fallback", "--preview"}, ExitFailure, "no fallback slot"},
	} {
		r := h.run("", c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d with %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	if f.count() != 0 {
		t.Errorf("bad usage sent %d request(s)", f.count())
	}
	help := h.ok("", "dryrun", "--help")
	if !strings.Contains(help.stdout, "--yes") || !strings.Contains(help.stdout, "scripts") || !strings.Contains(help.stdout, "--preview") {
		t.Errorf("help = %s", help.stdout)
	}
}
