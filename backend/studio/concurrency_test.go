package studio

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/kodusbyok/studio/backend/concurrency"
	"github.com/kodusbyok/studio/backend/profile"
)

const zaiKey = "0123456789abcdef0123456789abcdef.FAKEfakeFAKEfake"

// zaiCapServer answers like Z.ai's coding endpoint with a concurrency cap:
// HTTP 429 business code 1302 beyond cap requests in flight. Accepted
// requests answer when their burst is complete.
func zaiCapServer(t *testing.T, limit int) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	inFlight := 0
	gate := newBurstGate()
	var auth []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		auth = append(auth, r.Header.Get("Authorization"))
		ok := inFlight < limit && r.URL.Path == "/api/coding/paas/v4/chat/completions"
		if ok {
			inFlight++
		}
		mu.Unlock()
		wait := gate.arrive(!ok)
		defer gate.leave(!ok)
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(429)
			io.WriteString(w, `{"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits"}}`)
			return
		}
		select {
		case <-wait:
		case <-r.Context().Done():
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		io.WriteString(w, `{"choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":""}}]}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), auth...)
	}
}

func glmSlot(base string) profile.Slot {
	return profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan", BaseURL: base + "/api/coding/paas/v4"}}
}

func TestConcurrencyView(t *testing.T) {
	s := newStudio(t)
	save(t, s, "glm", profile.SlotMain, glmSlot("https://api.z.ai"), zaiKey)
	v, err := s.Concurrency.Concurrency(ConcurrencyRequest{Profile: "glm", Slot: "main"})
	if err != nil {
		t.Fatal(err)
	}
	if v.Plan.Label != "GLM Coding Plan" || v.Setting == nil || *v.Setting != 1 || v.PreFill.Limit != 30 {
		t.Errorf("plan %+v, setting %v, pre-fill %+v", v.Plan, v.Setting, v.PreFill)
	}
	if len(v.Advice) == 0 || v.Advice[0].Code != "tight-solo" {
		t.Errorf("advice = %+v", v.Advice)
	}
	if c := v.Calculator; c == nil || c.Workload.ProviderCap != 1 || c.FirstRetryAt != 2 || c.Fastest != 1 {
		t.Errorf("calculator = %+v", c)
	}
	if m := v.Measure; !m.Available || m.URL != "https://api.z.ai/api/coding/paas/v4/chat/completions" || m.MaxRequests != 95 || !strings.Contains(m.Note, "up to 95 billed requests") {
		t.Errorf("measure plan = %+v", m)
	}
	// The profile view carries the warning instead of the generic one.
	if a := mustView(t, s, "glm").Advice; len(a) != 1 || !strings.Contains(a[0], "tight concurrency limit") {
		t.Errorf("profile advice = %v", a)
	}

	// Settings being edited: 0 on the plan, a measured cap and a workload.
	zero := 0
	cfg := InputFromSlot(glmSlot("https://api.z.ai"))
	cfg.MaxConcurrentRequests = &zero
	w := concurrency.DefaultWorkload()
	w.FilesPerPR = 4
	v, err = s.Concurrency.Concurrency(ConcurrencyRequest{Profile: "glm", Slot: "main", Config: &cfg, MeasuredCap: 3, Workload: &w, Max: 8})
	if err != nil {
		t.Fatal(err)
	}
	if v.Advice[0].Code != "tight-unlimited" || v.Calculator.Workload.ProviderCap != 3 || v.Calculator.Calls != 8 || v.Measure.MaxRequests != concurrency.MaxRequests(8) {
		t.Errorf("edited view: advice %+v calc %+v measure %+v", v.Advice, v.Calculator, v.Measure)
	}
	w.LatencyMs = 0
	v, _ = s.Concurrency.Concurrency(ConcurrencyRequest{Profile: "glm", Slot: "main", Workload: &w})
	if v.Calculator != nil || len(v.FieldErrors) != 1 || v.FieldErrors[0].Field != "latencyMs" {
		t.Errorf("bad workload: %+v", v.FieldErrors)
	}
	if _, err := s.Concurrency.Concurrency(ConcurrencyRequest{Profile: "nope"}); err == nil {
		t.Error("a missing profile gave no error")
	}
}

func TestMeasureSavedSlot(t *testing.T) {
	srv, auth := zaiCapServer(t, 3)
	s := newStudio(t)
	save(t, s, "glm", profile.SlotMain, glmSlot(srv.URL), zaiKey)
	var progress []concurrency.Progress
	rep, err := s.Measure(context.Background(), MeasureRequest{Profile: "glm", Slot: "main", Max: 8}, func(p concurrency.Progress) { progress = append(progress, p) })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Cap != 3 || !rep.Exact || rep.Recommended != 2 || rep.Ceiling != 8 {
		t.Fatalf("report = %+v", rep)
	}
	// The stored key went to the endpoint, in the header only.
	for _, a := range auth() {
		if a != "Bearer "+zaiKey {
			t.Fatalf("authorization = %q", a)
		}
	}
	if len(progress) < rep.Requests || progress[len(progress)-1].Phase != "done" {
		t.Errorf("%d progress events for %d requests", len(progress), rep.Requests)
	}
}

func TestMeasureEditedSettings(t *testing.T) {
	srv, auth := zaiCapServer(t, 1)
	s := newStudio(t)
	cfg := InputFromSlot(glmSlot(srv.URL))
	// Unsaved settings with a pasted key (quotes and a newline are cleaned).
	rep, err := s.Measure(context.Background(), MeasureRequest{Profile: "new", Config: &cfg, APIKey: "\"" + zaiKey + "\"\n"}, nil)
	if err != nil || rep.Cap != 1 || rep.Requests != 3 {
		t.Fatalf("report %+v, %v", rep, err)
	}
	if a := auth(); a[0] != "Bearer "+zaiKey {
		t.Errorf("authorization = %q", a[0])
	}
	// No key at all: nothing is sent.
	before := len(auth())
	_, err = s.Measure(context.Background(), MeasureRequest{Profile: "new", Config: &cfg}, nil)
	if !errors.Is(err, ErrCannotMeasure) || len(auth()) != before {
		t.Errorf("without a key: %v (%d requests)", err, len(auth())-before)
	}
	// A stored key goes only to the endpoint host it was saved for.
	save(t, s, "glm", profile.SlotMain, glmSlot("https://api.z.ai"), zaiKey)
	_, err = s.Measure(context.Background(), MeasureRequest{Profile: "glm", Config: &cfg}, nil)
	if !errors.Is(err, ErrCannotMeasure) || len(auth()) != before {
		t.Errorf("a key for api.z.ai was sent to %s: %v", srv.URL, err)
	}
	if _, err := s.Measure(context.Background(), MeasureRequest{Profile: "glm", Max: 1000}, nil); profile.AsFieldErrors(err) == nil {
		t.Errorf("max 1000 accepted: %v", err)
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
