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

// capOpenAI answers chat completions like OpenAI, with a concurrency cap:
// 429 rate_limit_exceeded (and its headers) beyond cap in flight, 401 for
// another key. Accepted requests answer when their burst is complete.
func capOpenAI(t *testing.T, cap int) (*httptest.Server, func() int) {
	var mu sync.Mutex
	inFlight, total := 0, 0
	gate := newBurstGate()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		mu.Lock()
		total++
		ok := inFlight < cap
		if ok {
			inFlight++
		}
		mu.Unlock()
		authorized := r.Header.Get("Authorization") == "Bearer "+cliOpenAIKey
		wait := gate.arrive(!ok || !authorized)
		defer gate.leave(!ok || !authorized)
		if !authorized {
			if ok {
				mu.Lock()
				inFlight--
				mu.Unlock()
			}
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`))
			return
		}
		if !ok {
			w.Header().Set("retry-after-ms", "10")
			w.Header().Set("x-ratelimit-remaining-requests", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			w.Write([]byte(`{"error":{"message":"Rate limit reached for gpt-5.4 on requests per min (RPM): Limit 500.","type":"requests","param":null,"code":"rate_limit_exceeded"}}`))
			return
		}
		select {
		case <-wait:
		case <-r.Context().Done():
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.Write([]byte(`{"choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":""}}]}`))
	}))
	t.Cleanup(srv.Close)
	return srv, func() int {
		mu.Lock()
		defer mu.Unlock()
		return total
	}
}

func TestConcurrencyProbe(t *testing.T) {
	h := newHarness(t)
	srv, total := capOpenAI(t, 3)
	h.ok(cliOpenAIKey, "profile", "set", "team", "--provider", "openai", "--model", "gpt-5.4", "--base-url", srv.URL+"/v1", "--key-stdin")

	// No terminal and no --yes: nothing is sent.
	r := h.run("", "concurrency", "probe", "team")
	if r.code != ExitUsage || total() != 0 || !strings.Contains(r.stderr, "up to 95 billed requests") || !strings.Contains(r.stderr, "--yes") {
		t.Fatalf("without --yes: exit %d, %d requests\n%s", r.code, total(), r.stderr)
	}

	r = h.ok("", "concurrency", "probe", "team", "--yes", "--json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	for k, want := range map[string]any{"cap": 3.0, "recommended": 3.0, "stoppedBy": "rate_limit", "exact": true, "profile": "team", "slot": "main"} {
		if rep[k] != want {
			t.Errorf("%s = %v, want %v", k, rep[k], want)
		}
	}
	if rep["requests"] != float64(total()) || rep["rounds"] != 3.0 {
		t.Errorf("requests %v (server saw %d), rounds %v", rep["requests"], total(), rep["rounds"])
	}
	if !strings.Contains(r.stderr, "Burst 3:") || strings.Contains(r.stdout+r.stderr, cliOpenAIKey) {
		t.Errorf("stderr: %s", r.stderr)
	}

	text := h.ok("", "concurrency", "probe", "team", "--yes", "--max", "2")
	for _, want := range []string{"cap:          2 or more (the ceiling)", "recommended:  2", "stopped by ceiling", "enforces requests and tokens per minute"} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("text lacks %q:\n%s", want, text.stdout)
		}
	}
	for _, args := range [][]string{{"--max", "0"}, {"--max", "257"}, {"--slot", "third"}} {
		if r := h.run("", append([]string{"concurrency", "probe", "team", "--yes"}, args...)...); r.code != ExitUsage {
			t.Errorf("%v: exit %d", args, r.code)
		}
	}
	if r := h.run("", "concurrency", "probe", "team", "--yes", "--slot", "fallback"); r.code != ExitFailure || !strings.Contains(r.stderr, "no fallback slot") {
		t.Errorf("missing fallback: exit %d %s", r.code, r.stderr)
	}
}

func TestConcurrencyProbeStopsOnError(t *testing.T) {
	h := newHarness(t)
	srv, total := capOpenAI(t, 3)
	h.ok("sk-proj-FAKEWRONGcliKEY0123456789", "profile", "set", "team", "--provider", "openai", "--model", "gpt-5.4", "--base-url", srv.URL+"/v1", "--key-stdin")
	r := h.run("", "concurrency", "probe", "team", "--yes", "--json")
	var rep struct {
		StoppedBy string `json:"stoppedBy"`
		Requests  int    `json:"requests"`
		Error     struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != ExitFailure {
		t.Fatalf("exit %d: %v\n%s", r.code, err, r.stdout)
	}
	if rep.StoppedBy != "error" || rep.Error.Code != "auth" || rep.Requests != 1 || total() != 1 {
		t.Errorf("report %+v, server saw %d", rep, total())
	}
}

func TestConcurrencyAdvise(t *testing.T) {
	h := newHarness(t)
	h.ok("0123456789abcdef0123456789abcdef.FAKEfakeFAKEfake", "profile", "set", "glm", "--provider", "openai_compatible", "--model", "glm-5.1", "--plan", "coding-plan", "--max-concurrent", "0", "--key-stdin")

	r := h.ok("", "concurrency", "advise", "glm", "--json", "--files", "6", "--latency", "20s")
	golden(t, "concurrency-advise.json.golden", r.stdout)
	var out struct {
		Slots []struct {
			Slot       string               `json:"slot"`
			Setting    *int                 `json:"setting"`
			PreFill    struct{ Value *int } `json:"preFill"`
			Calculator struct {
				Calls int `json:"calls"`
				Rows  []struct {
					Concurrency int     `json:"concurrency"`
					WallSeconds float64 `json:"wallSeconds"`
					Rejected    int     `json:"rejected"`
				} `json:"rows"`
			} `json:"calculator"`
		} `json:"slots"`
		Advice []struct{ Severity, Code, Message string } `json:"advice"`
		Table  []struct{ Label string }                   `json:"table"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Slots) != 1 || *out.Slots[0].Setting != 0 || *out.Slots[0].PreFill.Value != 1 || len(out.Table) != 6 {
		t.Fatalf("advise = %s", r.stdout)
	}
	codes := []string{}
	for _, a := range out.Advice {
		codes = append(codes, a.Code)
	}
	if strings.Join(codes, ",") != "tight-unlimited,tight-solo" {
		t.Errorf("advice codes = %v", codes)
	}
	calc := out.Slots[0].Calculator
	if calc.Calls != 10 || len(calc.Rows) != 10 || calc.Rows[0].WallSeconds != 200 || calc.Rows[1].Rejected == 0 {
		t.Errorf("calculator = %+v", calc)
	}

	text := h.ok("", "concurrency", "advise", "glm").stdout
	for _, want := range []string{"Main — GLM Coding Plan (Z.ai)", "0 (no limit in Kodus)", "Lite/Pro: 1 (up to 1)", "review time of one PR", "← 429s start", "warning: Main is on the GLM Coding Plan with no concurrency limit"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	// profile show carries the same warnings.
	show := h.ok("", "profile", "show", "glm").stdout
	if !strings.Contains(show, "no concurrency limit (0 means no limit in Kodus") {
		t.Errorf("profile show:\n%s", show)
	}
	for _, bad := range [][]string{{"--latency", "soon"}, {"--slot", "x"}, {"--files", "-1"}, {"--cap", "-2"}} {
		if r := h.run("", append([]string{"concurrency", "advise", "glm"}, bad...)...); r.code != ExitUsage {
			t.Errorf("%v: exit %d %s", bad, r.code, r.stderr)
		}
	}
	if r := h.run("", "concurrency", "advise", "nope"); r.code != ExitFailure {
		t.Errorf("missing profile: exit %d", r.code)
	}
}

// burstGate holds the accepted requests of a probe's burst until all of
// the burst is here (the probe doubles its bursts, 1, 2, 4…, up to its
// first refusal) or one of it was refused, instead of for a fixed time:
// how many were in flight at once then depends on the probe alone, not on
// how fast this machine runs it.
type burstGate struct {
	mu                  sync.Mutex
	size, arrived, open int
	refused             bool
	release             chan struct{}
}

func newBurstGate() *burstGate { return &burstGate{size: 1, release: make(chan struct{})} }

// arrive counts a request of the burst and returns what to wait on before
// answering; a refused one opens the gate for the burst at once.
func (g *burstGate) arrive(refused bool) <-chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.arrived++
	g.open++
	if refused || g.arrived == g.size {
		select {
		case <-g.release:
		default:
			close(g.release)
		}
	}
	return g.release
}

// leave: a request is answered; the last of an opened burst readies the
// gate for the next, twice the size, or after a refusal (here it pins the
// cap, which ends the probe) for the next probe's first burst.
func (g *burstGate) leave(refused bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.open--
	g.refused = g.refused || refused
	select {
	case <-g.release:
		if g.open == 0 {
			g.size, g.arrived, g.release = 2*g.size, 0, make(chan struct{})
			if g.refused {
				g.size, g.refused = 1, false
			}
		}
	default:
	}
}
