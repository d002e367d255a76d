package concurrency

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// style is how a provider says "too many at once", from
// the providers' error docs: Z.ai's business code 1302, Moonshot's
// rate_limit_reached_error, OpenAI's rate_limit_exceeded with its headers.
type style struct {
	name string
	slot func(base string) profile.Slot
	path string
	key  string
	// reject writes the provider's 429.
	reject func(w http.ResponseWriter, limit int)
}

func jsonReply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

var styles = []style{
	{
		name: "zai",
		slot: func(b string) profile.Slot {
			return profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "glm-5.1", Plan: "coding-plan", BaseURL: b + "/api/coding/paas/v4"}}
		},
		path: "/api/coding/paas/v4/chat/completions",
		key:  "0123456789abcdef0123456789abcdef.FAKEfakeFAKEfake",
		reject: func(w http.ResponseWriter, _ int) {
			jsonReply(w, 429, `{"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits"}}`)
		},
	},
	{
		name: "moonshot",
		slot: func(b string) profile.Slot {
			return profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "kimi-k2.6", Plan: "moonshot", BaseURL: b + "/v1"}}
		},
		path: "/v1/chat/completions",
		key:  "sk-" + "FAKE-moonshot-key-0001",
		reject: func(w http.ResponseWriter, limit int) {
			jsonReply(w, 429, fmt.Sprintf(`{"error":{"type":"rate_limit_reached_error","message":"Your account org-FAKE request reached max concurrency: %d, please try again after 1 seconds"}}`, limit))
		},
	},
	{
		name: "openai",
		slot: func(b string) profile.Slot {
			return profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAI, Model: "gpt-5.4", BaseURL: b + "/v1"}}
		},
		path: "/v1/chat/completions",
		key:  "sk-proj-" + "FAKE-test-key-0001",
		reject: func(w http.ResponseWriter, _ int) {
			h := w.Header()
			h.Set("x-ratelimit-limit-requests", "500")
			h.Set("x-ratelimit-remaining-requests", "0")
			h.Set("x-ratelimit-reset-requests", "120ms")
			h.Set("retry-after-ms", "20")
			h.Set("x-request-id", "req_FAKE")
			jsonReply(w, 429, `{"error":{"message":"Rate limit reached for gpt-5.4 in organization org-FAKE on requests per min (RPM): Limit 500, Used 500, Requested 1.","type":"requests","param":null,"code":"rate_limit_exceeded"}}`)
		},
	},
}

const okChat = `{"id":"chatcmpl-FAKE","object":"chat.completion","choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":8,"completion_tokens":1,"total_tokens":9}}`

// capServer rejects beyond cap requests in flight, as its style does. It
// holds each accepted request for hold, so that in-flight counts are real.
type capServer struct {
	*httptest.Server
	st          style
	cap         int
	hold        time.Duration
	rejectDelay time.Duration
	// fail, when set, answers request number n (1-based) instead.
	fail func(n int, w http.ResponseWriter) bool
	// slowFrom holds request n ≥ slowFrom (1-based) for slowHold instead.
	slowFrom int
	slowHold time.Duration
	// dropAfter lowers the cap to dropTo from request dropAfter+1 on: a
	// limit that moves with load.
	dropAfter, dropTo int

	// gated (gate): accepted requests are held until their burst is all
	// there, or one of it was refused, instead of for hold.
	gated bool

	mu                    sync.Mutex
	round, target, seen   int           // the burst being sent, its size, its requests so far
	release               chan struct{} // closed when the burst's accepted requests may answer
	refused               bool          // the burst had a rejection: the rest of it is refused too
	sent                  int           // the burst's requests the probe has launched
	stopped               bool          // the probe has an answer that is not a success: no more leave
	open, maxOpen         int
	inFlight, maxInFlight int
	total                 int
	rejectedAt, arrivedAt []time.Time
	cancelled             int
	idle                  *sync.Cond // signalled when a request is done
}

func newCapServer(t *testing.T, st style, limit int, hold time.Duration) *capServer {
	t.Helper()
	s := &capServer{st: st, cap: limit, hold: hold}
	s.idle = sync.NewCond(&s.mu)
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

func (s *capServer) handle(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	s.mu.Lock()
	s.total++
	n := s.total
	s.seen++
	release := s.release
	s.openIfDone()
	s.open++
	s.maxOpen = max(s.maxOpen, s.open)
	s.arrivedAt = append(s.arrivedAt, time.Now())
	limit := s.cap
	if s.dropAfter > 0 && n > s.dropAfter {
		limit = s.dropTo
	}
	accept := s.inFlight < limit && !(s.gated && s.refused)
	if !accept && s.gated {
		s.refused = true
	}
	if accept {
		s.inFlight++
		s.maxInFlight = max(s.maxInFlight, s.inFlight)
	}
	s.mu.Unlock()
	done := func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.open--
		if accept {
			s.inFlight--
		}
		s.idle.Broadcast()
	}
	if r.URL.Path != s.st.path {
		done()
		jsonReply(w, 404, `{"error":{"message":"not found"}}`)
		return
	}
	if s.fail != nil && s.fail(n, w) {
		done()
		return
	}
	if !accept {
		time.Sleep(s.rejectDelay)
		s.mu.Lock()
		s.rejectedAt = append(s.rejectedAt, time.Now())
		s.mu.Unlock()
		done()
		s.st.reject(w, s.cap)
		return
	}
	hold, wait := s.hold, (<-chan struct{})(nil)
	if s.gated {
		hold, wait = time.Hour, release
	}
	if s.slowFrom > 0 && n >= s.slowFrom {
		hold, wait = s.slowHold, nil
	}
	select {
	case <-time.After(hold):
	case <-wait:
	case <-r.Context().Done():
		s.mu.Lock()
		s.cancelled++
		s.mu.Unlock()
	}
	// The slot is free before the answer leaves, as on a real server: the
	// next burst can never see this request still counted.
	done()
	jsonReply(w, 200, okChat)
}

// gate makes the server hold each accepted request until every request
// of its burst has arrived, or the probe has an answer that was not a
// success (and so launches no more), rather than for a fixed time; once
// it refused one request of a burst it refuses the rest of it. How many
// were in flight together then depends on the probe alone, not on how
// fast this machine is (a loaded one launched a burst slower than the
// hold, and the cap came out wrong). It follows the bursts through the
// probe's progress, which is sent before each request leaves and after
// each answer is counted.
func (s *capServer) gate(opt Options) Options {
	s.gated = true
	prev := opt.Progress
	opt.Progress = func(p Progress) {
		if p.Phase == "sending" {
			s.mu.Lock()
			if p.Round != s.round {
				s.round, s.target, s.seen, s.refused, s.stopped, s.release = p.Round, p.Target, 0, false, false, make(chan struct{})
			}
			s.sent = p.Sent
			s.stopped = s.stopped || p.Sent-p.InFlight > p.Accepted // a refusal or an error is back
			s.openIfDone()
			s.mu.Unlock()
		}
		if prev != nil {
			prev(p)
		}
	}
	return opt
}

// openIfDone lets the held requests of the burst answer once all of it
// is here: the whole burst, or all that left before the probe stopped
// launching. s.mu is held.
func (s *capServer) openIfDone() {
	if !s.gated || s.release == nil || (s.seen < s.target && !(s.stopped && s.seen >= s.sent)) {
		return
	}
	select {
	case <-s.release:
	default:
		close(s.release)
	}
}

// waitIdle returns once no request is open (the test's deadline bounds it).
func (s *capServer) waitIdle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.open > 0 {
		s.idle.Wait()
	}
}

func (s *capServer) stats() (total, maxOpen, maxInFlight, open int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total, s.maxOpen, s.maxInFlight, s.open
}

// sender points a real key-test inferrer at the server; the client dials
// only 127.0.0.1, so no test can reach a real provider.
func (s *capServer) sender(t *testing.T) (Sender, Plan) {
	t.Helper()
	c := keytest.NewClient()
	tr := c.Transport.(*http.Transport)
	tr.MaxIdleConnsPerHost = 64
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" {
			return nil, fmt.Errorf("test tried to reach %s", addr)
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	tester := &keytest.Tester{Client: c, Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog(), Timeout: 20 * time.Second, UserAgent: "kodus-byok-test/1"}
	sl := s.st.slot(s.URL)
	in, fail := tester.NewInferrer(context.Background(), keytest.Settings{Provider: sl.Provider, Model: sl.Model, BaseURL: sl.BaseURL, Plan: sl.Plan}, secrets.NewSecret(s.st.key))
	if fail != nil {
		t.Fatalf("inferrer: %+v", *fail)
	}
	return in, Resolve(kodusline.MustGet(kodusline.Mid2026).Catalog(), sl)
}

// fastOptions keep the suite quick: short pauses between bursts.
func fastOptions(pl Plan) Options {
	return Options{Plan: pl, Pause: 5 * time.Millisecond, RejectPause: 5 * time.Millisecond}
}
