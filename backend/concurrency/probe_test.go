package concurrency

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// caps are the concurrency limits the suite checks: small caps, the GLM
// Coding Plan's 1 and Kimi Code's 30, plus 16 for the table in
// docs/concurrency.md.
var caps = []int{1, 2, 3, 5, 8, 16, 30}

// bound is the promise: at most 3N requests (the doubling bursts up to N,
// fewer than 2N, then N accepted and one rejected), not counting the
// requests that left after the rejected one before its answer was back
// (Late: how many depends on the network and the machine's load, so the
// test holds them only to the announced maximum).
func bound(n int) int { return 3 * n }

// TestProbeFindsTheExactCap probes a Z.ai, a Moonshot and an OpenAI-style
// server for each cap, the three providers at the same time (goroutines:
// the probes mostly wait, and go test runs only GOMAXPROCS tests at once).
func TestProbeFindsTheExactCap(t *testing.T) {
	t.Parallel()
	reports := make([][]Report, len(styles))
	servers := make([][]*capServer, len(styles))
	var wg sync.WaitGroup
	for i, st := range styles {
		for _, n := range caps {
			srv := newCapServer(t, st, n, 100*time.Millisecond)
			servers[i] = append(servers[i], srv)
		}
		wg.Go(func() {
			for _, srv := range servers[i] {
				s, pl := srv.sender(t)
				reports[i] = append(reports[i], Probe(context.Background(), s, srv.gate(fastOptions(pl))))
			}
		})
	}
	wg.Wait()
	for i, st := range styles {
		for j, n := range caps {
			checkExact(t, st.name, n, servers[i][j], reports[i][j])
		}
	}
	checkSpendTable(t, reports[0])
}

func checkExact(t *testing.T, style string, n int, srv *capServer, rep Report) {
	t.Helper()
	total, maxOpen, maxInFlight, _ := srv.stats()
	if rep.Cap != n || !rep.Exact || rep.StoppedBy != StopRateLimit {
		t.Errorf("%s N=%d: cap %d exact %v stopped by %s (%s)\nhistory %+v", style, n, rep.Cap, rep.Exact, rep.StoppedBy, rep.Why, rep.History)
		return
	}
	if rep.Requests-rep.Late > bound(n) || rep.Requests > rep.MaxRequests {
		t.Errorf("%s N=%d: %d requests (%d late), bound %d + late (max %d)", style, n, rep.Requests, rep.Late, bound(n), rep.MaxRequests)
	}
	if total != rep.Requests {
		t.Errorf("%s N=%d: the server got %d requests, the report says %d", style, n, total, rep.Requests)
	}
	if maxOpen > DefaultCeiling || maxInFlight != n {
		t.Errorf("%s N=%d: server saw %d open (ceiling %d), %d accepted at once", style, n, maxOpen, DefaultCeiling, maxInFlight)
	}
	if rep.Rejection == nil || rep.Rejection.HTTPStatus != http.StatusTooManyRequests {
		t.Errorf("%s N=%d: rejection = %+v", style, n, rep.Rejection)
	}
	if want := wantRecommended(style, n); rep.Recommended != want {
		t.Errorf("%s N=%d: recommended %d, want %d (%s)", style, n, rep.Recommended, want, rep.Why)
	}
	if !strings.Contains(rep.Why, "Recommended:") {
		t.Errorf("%s N=%d: why = %q", style, n, rep.Why)
	}
}

// wantRecommended: the GLM Coding Plan's limit moves with load, so less
// than measured; Moonshot and OpenAI get what was measured.
func wantRecommended(styleName string, n int) int {
	if styleName != "zai" || n == 1 {
		return n
	}
	return n - max(1, n/5)
}

func TestProbeSaysWhyPerProvider(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ style, want string }{
		{"zai", "1302: High concurrency usage"},
		{"moonshot", "rate_limit_reached_error"},
		{"openai", "x-ratelimit-remaining-requests: 0"},
	} {
		srv := newCapServer(t, styleNamed(c.style), 2, 80*time.Millisecond)
		s, pl := srv.sender(t)
		rep := Probe(context.Background(), s, srv.gate(fastOptions(pl)))
		if !strings.Contains(rep.Why, c.want) {
			t.Errorf("%s: why %q lacks %q", c.style, rep.Why, c.want)
		}
	}
}

func TestProbeNeverExceedsTheCeiling(t *testing.T) {
	t.Parallel()
	for _, ceiling := range []int{1, 5, 8} {
		srv := newCapServer(t, styles[0], 30, 80*time.Millisecond)
		s, pl := srv.sender(t)
		opt := fastOptions(pl)
		opt.Ceiling = ceiling
		rep := Probe(context.Background(), s, srv.gate(opt))
		_, maxOpen, _, _ := srv.stats()
		if rep.Cap != ceiling || rep.StoppedBy != StopCeiling || rep.Exact {
			t.Errorf("ceiling %d: %+v", ceiling, rep)
		}
		if maxOpen > ceiling {
			t.Errorf("ceiling %d: the server had %d requests open at once", ceiling, maxOpen)
		}
		if rep.Requests > MaxRequests(ceiling) {
			t.Errorf("ceiling %d: %d requests, announced at most %d", ceiling, rep.Requests, MaxRequests(ceiling))
		}
		// Z.ai's plan documents at most 30: the recommendation never says more.
		if rep.Recommended > ceiling || rep.Recommended < 1 {
			t.Errorf("ceiling %d: recommended %d", ceiling, rep.Recommended)
		}
	}
}

func TestProbeCancel(t *testing.T) {
	t.Parallel()
	t.Run("during a burst", func(t *testing.T) {
		// Bursts 1 and 2 (3 requests) answer fast; burst 3 would hang 10 s.
		srv := newCapServer(t, styleNamed("moonshot"), 30, 100*time.Millisecond)
		srv.slowFrom, srv.slowHold = 4, time.Minute
		s, pl := srv.sender(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var once sync.Once
		opt := fastOptions(pl)
		opt.Progress = func(p Progress) {
			if p.Phase == "sending" && p.Round == 3 && p.Sent == 2 {
				once.Do(cancel)
			}
		}
		// The held requests wait for an hour: the probe returns only
		// because the cancel ended them.
		rep := Probe(ctx, s, srv.gate(opt))
		if rep.StoppedBy != StopCancelled {
			t.Fatalf("stopped by %s: %+v", rep.StoppedBy, rep)
		}
		if rep.Requests != 5 || rep.Cap != 2 || rep.Recommended != 0 || !strings.Contains(rep.Why, "Cancelled after 5 requests") {
			t.Errorf("report after cancel: %+v", rep)
		}
		// The held requests were abandoned, not left running.
		srv.waitIdle()
	})
	t.Run("while waiting for Retry-After", func(t *testing.T) {
		st := styleNamed("moonshot")
		st.reject = func(w http.ResponseWriter, _ int) {
			w.Header().Set("Retry-After", "30")
			jsonReply(w, 429, `{"error":{"type":"rate_limit_reached_error","message":"Your account org-FAKE request reached max concurrency: 2, please try again after 30 seconds"}}`)
		}
		srv := slowRejecter(t, st)
		s, pl := srv.sender(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		opt := fastOptions(pl)
		opt.minSpacing = slowSpacing
		var clock fakeClock
		// The 30 s wait never runs out on the fake clock: only the cancel
		// ends it (TestSleepEndsWithTheContext covers the real clock).
		clock.long = 30 * time.Second
		opt.sleep = clock.sleep
		opt.Progress = func(p Progress) {
			if p.Phase == "waiting" && p.WaitMs >= 30_000 {
				cancel()
			}
		}
		rep := Probe(ctx, s, opt)
		if rep.StoppedBy != StopCancelled || !slices.Contains(clock.asked(), 30*time.Second) {
			t.Fatalf("stopped by %s after waits %v (%s)", rep.StoppedBy, clock.asked(), rep.Why)
		}
	})
}

// fakeClock stands in for the wait between bursts: it records each wait
// and returns at once, except a wait of long or more, which lasts until
// the context ends. onWait, when set, runs at each wait.
type fakeClock struct {
	mu     sync.Mutex
	waits  []time.Duration
	long   time.Duration
	onWait func(d time.Duration)
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) bool {
	c.mu.Lock()
	c.waits = append(c.waits, d)
	c.mu.Unlock()
	if c.onWait != nil {
		c.onWait(d)
	}
	if c.long > 0 && d >= c.long {
		<-ctx.Done()
	}
	return ctx.Err() == nil
}

func (c *fakeClock) asked() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.waits)
}

// The real clock's wait ends when the context does, not when the time is up.
func TestSleepEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if sleepCtx(ctx, time.Hour) {
		t.Fatal("a cancelled wait reported that it ran out")
	}
	if !sleepCtx(context.Background(), 0) {
		t.Fatal("a zero wait did not run out")
	}
}

// slowRejecter is an endpoint whose 429 takes longer than an accepted
// answer, so a burst's answers overtake its launches and one burst cannot
// pin the cap (2): the probe must search, and wait between bursts. Here
// timing is the subject, so its times are long enough (a 400 ms answer,
// an 800 ms refusal, launches 280 ms apart: slowSpacing) that a loaded
// machine's scheduling delays, tens of milliseconds, cannot reorder them.
func slowRejecter(t *testing.T, st style) *capServer {
	srv := newCapServer(t, st, 2, 400*time.Millisecond)
	srv.rejectDelay = 800 * time.Millisecond
	return srv
}

const slowSpacing = 280 * time.Millisecond

func TestProbeRespectsRetryAfter(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		header, value string
		wait          time.Duration
	}{
		{"retry-after-ms", "300", 300 * time.Millisecond},
		{"Retry-After", "1", time.Second},
	} {
		t.Run(c.header, func(t *testing.T) {
			t.Parallel()
			st := styleNamed("openai")
			st.reject = func(w http.ResponseWriter, _ int) {
				w.Header().Set(c.header, c.value)
				jsonReply(w, 429, `{"error":{"message":"Rate limit reached for gpt-5.4 in organization org-FAKE on requests per min (RPM): Limit 500, Used 500, Requested 1.","type":"requests","param":null,"code":"rate_limit_exceeded"}}`)
			}
			srv := slowRejecter(t, st)
			s, pl := srv.sender(t)
			opt := fastOptions(pl)
			opt.minSpacing = slowSpacing
			var clock fakeClock
			var openAtWait []int
			clock.onWait = func(time.Duration) {
				_, _, _, open := srv.stats()
				openAtWait = append(openAtWait, open)
			}
			opt.sleep = clock.sleep
			rep := Probe(context.Background(), s, opt)
			if rep.Cap != 2 || rep.StoppedBy != StopRateLimit || rep.Rounds < 4 {
				t.Fatalf("report: %+v", rep)
			}
			// Each burst after one with a rejection waited the Retry-After
			// (on the fake clock), and only once every request of the
			// rejected burst had its answer.
			var honoured int
			for i := 1; i < len(rep.History); i++ {
				if rep.History[i-1].Rejected == 0 {
					continue
				}
				honoured++
				if got := time.Duration(rep.History[i].WaitedMs) * time.Millisecond; got != c.wait {
					t.Errorf("burst %d waited %s after a rejection, want %s: %+v", i+1, got, c.wait, rep.History)
				}
			}
			if honoured == 0 || !slices.Contains(clock.asked(), c.wait) {
				t.Errorf("no wait of %s after a rejection: waits %v, history %+v", c.wait, clock.asked(), rep.History)
			}
			for _, open := range openAtWait {
				if open != 0 {
					t.Errorf("waited with %d requests still open", open)
				}
			}
		})
	}
}

// A limit that drops during the probe (busy hour): 4 at once worked, then
// a request was refused with 2 in flight. The lower figure counts, and the
// report says it is not exact.
func TestProbeLimitThatMoves(t *testing.T) {
	t.Parallel()
	srv := newCapServer(t, styleNamed("zai"), 4, 100*time.Millisecond)
	srv.dropAfter, srv.dropTo = 7, 2
	s, pl := srv.sender(t)
	rep := Probe(context.Background(), s, srv.gate(fastOptions(pl)))
	if rep.StoppedBy != StopRateLimit || rep.Exact || rep.Cap != 2 || rep.MaxAccepted != 4 || rep.Recommended != 1 {
		t.Fatalf("report: %+v", rep)
	}
	if !strings.Contains(rep.Why, "accepted 4 requests at once in one burst but rejected one with only 2 in flight") {
		t.Errorf("why = %q", rep.Why)
	}
}

func TestProbeStopsOnOtherAnswers(t *testing.T) {
	t.Parallel()
	zai := styleNamed("zai")
	cases := []struct {
		name   string
		st     style
		answer func(w http.ResponseWriter)
		stop   string
		code   string
	}{
		{"invalid key", zai, func(w http.ResponseWriter) {
			jsonReply(w, 401, `{"error":{"code":"1002","message":"Authorization Token非法，请确认Authorization Token正确传递。"}}`)
		}, StopError, "auth"},
		{"server error", zai, func(w http.ResponseWriter) { jsonReply(w, 500, `{"error":{"code":"500","message":"Internal error"}}`) }, StopError, "server_error"},
		{"plan window used up", zai, func(w http.ResponseWriter) {
			jsonReply(w, 429, `{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 18:00:00"}}`)
		}, StopQuota, ""},
		{"overloaded", zai, func(w http.ResponseWriter) {
			jsonReply(w, 429, `{"error":{"code":"1305","message":"The service may be temporarily overloaded, please try again later"}}`)
		}, StopOverloaded, ""},
		{"no balance", styleNamed("openai"), func(w http.ResponseWriter) {
			jsonReply(w, 429, `{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`)
		}, StopError, "payment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := newCapServer(t, c.st, 30, 100*time.Millisecond)
			srv.fail = func(n int, w http.ResponseWriter) bool {
				if n >= 4 { // from the first request of burst 3 on
					c.answer(w)
					return true
				}
				return false
			}
			s, pl := srv.sender(t)
			rep := Probe(context.Background(), s, srv.gate(fastOptions(pl)))
			total, _, _, _ := srv.stats()
			if rep.StoppedBy != c.stop || rep.Rounds != 3 || rep.Recommended != 0 {
				t.Fatalf("report: %+v", rep)
			}
			// Burst 3 stops launching at the failure: nothing after it.
			if total > 3+4 || rep.Requests != total {
				t.Errorf("%d requests reached the server, report says %d", total, rep.Requests)
			}
			if c.code != "" && (rep.Error == nil || string(rep.Error.Code) != c.code) {
				t.Errorf("error = %+v, want code %s", rep.Error, c.code)
			}
			if c.code == "" && rep.Rejection == nil {
				t.Error("no rejection in the report")
			}
			if !strings.Contains(rep.Why, ". Up to 2 at once had worked before it.") {
				t.Errorf("why = %q", rep.Why)
			}
		})
	}
}

func styleNamed(name string) style {
	for _, s := range styles {
		if s.name == name {
			return s
		}
	}
	panic(name)
}
