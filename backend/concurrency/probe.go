package concurrency

import (
	"context"
	"fmt"
	"time"

	"github.com/kodusbyok/studio/backend/keytest"
)

// Sender sends one minimal billed request; keytest.Inferrer is one. It
// must be safe for concurrent use.
type Sender interface {
	Send(ctx context.Context) keytest.Attempt
}

// Ceilings: the probe never has more requests in flight than the ceiling.
const (
	DefaultCeiling = 32
	MaxCeiling     = 256
)

// Why a probe stopped (Report.StoppedBy).
const (
	StopRateLimit    = "rate_limit"   // a concurrency/rate-limit rejection pinned the cap
	StopCeiling      = "ceiling"      // no rejection up to the ceiling
	StopBudget       = "budget"       // the request budget ran out first
	StopError        = "error"        // an answer that is not a rate limit
	StopCancelled    = "cancelled"    // the user cancelled
	StopQuota        = "quota"        // a used-up usage window, not concurrency
	StopOverloaded   = "overloaded"   // the provider as a whole is busy
	StopRetryAfter   = "retry_after"  // asked to wait longer than MaxWait
	StopInconsistent = "inconsistent" // requests never overlapped
)

// Options tune a probe. The zero value is the default probe.
type Options struct {
	// Ceiling is the most requests ever in flight; 0 means DefaultCeiling.
	Ceiling int
	// Plan is what the endpoint is, for the recommendation.
	Plan Plan
	// Pause is the wait after a round without rejection (default 250 ms),
	// RejectPause after one with a rejection but no Retry-After (1 s).
	Pause, RejectPause time.Duration
	// MaxWait is the longest Retry-After honoured (default 60 s): a longer
	// one ends the probe instead of hanging it.
	MaxWait time.Duration
	// MaxSpacing bounds the gap between two launches of a round (250 ms).
	MaxSpacing time.Duration
	// Progress, when set, is called as requests go out and come back, from
	// several goroutines but never at the same time.
	Progress func(Progress)

	// minSpacing slows a burst's launches down (tests: an endpoint whose
	// answers overtake the ramp).
	minSpacing time.Duration
	// sleep waits d between bursts and reports false when ctx ended first;
	// nil is the real clock (tests inject a fake one).
	sleep func(ctx context.Context, d time.Duration) bool
}

// sleepCtx waits d on the real clock, or until ctx ends (false).
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func (o Options) withDefaults() Options {
	if o.Ceiling <= 0 {
		o.Ceiling = DefaultCeiling
	}
	o.Ceiling = min(o.Ceiling, MaxCeiling)
	if o.Pause <= 0 {
		o.Pause = 250 * time.Millisecond
	}
	if o.RejectPause <= 0 {
		o.RejectPause = time.Second
	}
	if o.MaxWait <= 0 {
		o.MaxWait = time.Minute
	}
	if o.MaxSpacing <= 0 {
		o.MaxSpacing = 250 * time.Millisecond
	}
	if o.sleep == nil {
		o.sleep = sleepCtx
	}
	return o
}

// MaxRequests is the most requests a probe with this ceiling sends: the
// doubling rounds up to the ceiling plus one search round. Said before it
// starts; the probe never goes past it.
func MaxRequests(ceiling int) int {
	if ceiling <= 0 {
		ceiling = DefaultCeiling
	}
	ceiling = min(ceiling, MaxCeiling)
	total := 0
	for k := 1; ; k *= 2 {
		if k >= ceiling {
			total += ceiling
			break
		}
		total += k
	}
	if ceiling > 1 {
		total += ceiling
	}
	return total
}

// Progress is a snapshot of a running probe.
type Progress struct {
	Round       int   `json:"round"`
	Target      int   `json:"target"`
	Sent        int   `json:"sent"`
	Accepted    int   `json:"accepted"`
	Rejected    int   `json:"rejected"`
	InFlight    int   `json:"inFlight"`
	Requests    int   `json:"requests"`
	MaxRequests int   `json:"maxRequests"`
	Good        int   `json:"good"`
	Bad         int   `json:"bad"`
	WaitMs      int64 `json:"waitMs,omitempty"`
	// Phase is "sending" (a request left or came back), "burst" (a burst
	// is over), "waiting" (between bursts) or "done".
	Phase   string `json:"phase"`
	Message string `json:"message"`
}

// Round is one burst as the report lists it.
type Round struct {
	Target   int `json:"target"`
	Sent     int `json:"sent"`
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"`
	// MaxInFlight is the most accepted requests that were in flight at once.
	MaxInFlight int   `json:"maxInFlight"`
	SpacingUs   int64 `json:"spacingUs"`
	WaitedMs    int64 `json:"waitedMs"`
}

// Rejection is the provider's rate-limit answer that ended the probe.
type Rejection struct {
	HTTPStatus      int               `json:"httpStatus"`
	ProviderCode    string            `json:"providerCode,omitempty"`
	ProviderMessage string            `json:"providerMessage,omitempty"`
	RetryAfterMs    int64             `json:"retryAfterMs,omitempty"`
	RateLimits      map[string]string `json:"rateLimits,omitempty"`
}

// Report is a finished probe. The first five fields are the stable
// `concurrency probe --json` interface.
type Report struct {
	Cap         int    `json:"cap"`
	Recommended int    `json:"recommended"`
	Requests    int    `json:"requests"`
	Rounds      int    `json:"rounds"`
	StoppedBy   string `json:"stoppedBy"`

	// Exact: cap requests at once were accepted and cap+1 rejected.
	Exact       bool `json:"exact"`
	Ceiling     int  `json:"ceiling"`
	MaxRequests int  `json:"maxRequests"`
	// MaxAccepted is the most requests accepted at once; above Cap only
	// when the endpoint's limit moved during the probe.
	MaxAccepted int `json:"maxAccepted"`
	Accepted    int `json:"accepted"`
	Rejected    int `json:"rejected"`
	// Late counts requests of a rejected burst beyond its accepted ones
	// and the one rejection that was needed: they left before the answer
	// was back, the network's share of Requests.
	Late      int             `json:"late"`
	Why       string          `json:"why"`
	Rejection *Rejection      `json:"rejection,omitempty"`
	Error     *keytest.Result `json:"error,omitempty"`
	History   []Round         `json:"history"`
	ElapsedMs int64           `json:"elapsedMs"`
}

// Probe finds the endpoint's concurrent-request cap with growing bursts:
// 1, 2, 4… requests up to the ceiling. In each burst the level already
// proven leaves at once and the rest one at a time within half the
// fastest answer's latency, so all are in flight together; launching
// stops at the first rejection. A burst
// where cap requests were in flight and the next was rejected pins the
// cap exactly; otherwise the bounds are narrowed by bisection. Every burst
// waits for all of its answers; a rejection's Retry-After is honoured
// before the next. It stops at the first answer that is not a rate limit.
func Probe(ctx context.Context, s Sender, opt Options) Report {
	opt = opt.withDefaults()
	start := time.Now()
	p := &prober{s: s, opt: opt, maxReq: MaxRequests(opt.Ceiling), bad: opt.Ceiling + 1}
	rep := p.run(ctx)
	rep.ElapsedMs = time.Since(start).Milliseconds()
	recommend(&rep, opt.Plan)
	p.emit(Progress{Phase: "done", Requests: rep.Requests, MaxRequests: rep.MaxRequests, Good: rep.Cap, Message: rep.Why})
	return rep
}

type prober struct {
	s      Sender
	opt    Options
	maxReq int
	// good is the most requests seen accepted at once; bad the fewest seen
	// rejected (ceiling+1 until a rejection).
	good, bad int
	requests  int
	round     int
	lat       time.Duration // fastest accepted answer so far
}

func (p *prober) run(ctx context.Context) Report {
	rep := Report{Ceiling: p.opt.Ceiling, MaxRequests: p.maxReq, History: []Round{}}
	target, searching, noOverlap := 1, false, 0
	var wait time.Duration
	for {
		waited, ok := p.pause(ctx, wait)
		if !ok {
			rep.StoppedBy = StopCancelled
			break
		}
		target = min(target, p.bad-1, p.maxReq-p.requests)
		if target <= p.good {
			rep.StoppedBy = StopBudget
			break
		}
		// The levels already seen accepted leave at once; the unknown rest
		// is spread over half the fastest latency, so all of the burst is
		// in flight together and a rejection stops it early.
		known, spacing := min(p.good, target-1), time.Duration(0)
		if noOverlap == 0 && p.lat > 0 {
			spacing = min(p.lat/time.Duration(2*(target-known)), p.opt.MaxSpacing)
		}
		spacing = max(spacing, p.opt.minSpacing)
		p.round++
		rr := p.burst(ctx, target, known, spacing)
		rep.Rounds++
		rep.Accepted += rr.accepted
		rep.Rejected += rr.rejected
		if rr.firstCap != nil {
			rep.Late += max(0, rr.sent-rr.maxOK-1)
		}
		rep.History = append(rep.History, Round{Target: target, Sent: rr.sent, Accepted: rr.accepted, Rejected: rr.rejected,
			MaxInFlight: rr.maxOK, SpacingUs: spacing.Microseconds(), WaitedMs: waited.Milliseconds()})
		p.good = max(p.good, rr.maxOK)
		p.emit(Progress{Phase: "burst", Target: target, Sent: rr.sent, Accepted: rr.accepted, Rejected: rr.rejected,
			Requests: p.requests, MaxRequests: p.maxReq, Good: p.good, Bad: p.badOrZero(),
			Message: fmt.Sprintf("Burst %d: %d sent (up to %d at once), %d accepted, %d rejected; %d worked at once.", p.round, rr.sent, target, rr.accepted, rr.rejected, rr.maxOK)})
		if rr.minOK > 0 && (p.lat == 0 || rr.minOK < p.lat) {
			p.lat = rr.minOK
		}
		if rr.firstCap != nil {
			p.bad = min(p.bad, rr.bound)
			rep.Rejection = rejectionOf(*rr.firstCap)
			searching = true
		}
		if stop := p.stopFor(ctx, rr, &rep); stop != "" {
			rep.StoppedBy = stop
			break
		}
		if p.good >= p.bad-1 {
			// good > bad-1 happens only when a rejection came with fewer
			// requests in flight than another burst had accepted: a limit
			// that moves, reported conservatively below.
			rep.StoppedBy = StopCeiling
			if p.bad <= p.opt.Ceiling {
				rep.StoppedBy, rep.Exact = StopRateLimit, p.good == p.bad-1
			}
			break
		}
		if rr.firstCap == nil && rr.maxOK < target {
			// The answers came back before the burst was all out: try the
			// same size again, launched at once.
			if noOverlap++; noOverlap >= 3 {
				rep.StoppedBy = StopInconsistent
				break
			}
		} else {
			noOverlap = 0
			if searching {
				target = p.good + (p.bad-p.good+1)/2
			} else {
				target = min(2*target, p.opt.Ceiling)
			}
		}
		wait = p.opt.Pause
		if rr.firstCap != nil {
			wait = p.opt.RejectPause
			if rr.retryAfter > 0 {
				wait = rr.retryAfter
			}
			if wait > p.opt.MaxWait {
				rep.Rejection.RetryAfterMs = wait.Milliseconds()
				rep.StoppedBy = StopRetryAfter
				break
			}
		}
	}
	rep.MaxAccepted, rep.Requests = p.good, p.requests
	rep.Cap = min(p.good, p.bad-1)
	return rep
}

// stopFor ends the probe on a cancel or an answer that is not a rate limit.
func (p *prober) stopFor(ctx context.Context, rr burstResult, rep *Report) string {
	if ctx.Err() != nil {
		return StopCancelled
	}
	if rr.fatal == nil {
		return ""
	}
	switch rr.fatalKind {
	case kindQuota:
		rep.Rejection = rejectionOf(*rr.fatal)
		return StopQuota
	case kindOverloaded:
		rep.Rejection = rejectionOf(*rr.fatal)
		return StopOverloaded
	case kindCancelled:
		return StopCancelled
	}
	res := rr.fatal.Result
	rep.Error = &res
	return StopError
}

// pause waits between rounds and says so; false when cancelled.
func (p *prober) pause(ctx context.Context, d time.Duration) (time.Duration, bool) {
	if d <= 0 {
		return 0, ctx.Err() == nil
	}
	p.emit(Progress{Phase: "waiting", WaitMs: d.Milliseconds(), Requests: p.requests, MaxRequests: p.maxReq, Good: p.good, Bad: p.badOrZero(),
		Message: fmt.Sprintf("Waiting %s before the next burst.", fmtDuration(d))})
	if !p.opt.sleep(ctx, d) {
		return 0, false
	}
	return d, true
}

func (p *prober) badOrZero() int {
	if p.bad > p.opt.Ceiling {
		return 0
	}
	return p.bad
}

func (p *prober) emit(pr Progress) {
	if p.opt.Progress != nil {
		pr.Round = p.round
		p.opt.Progress(pr)
	}
}

func rejectionOf(a keytest.Attempt) *Rejection {
	return &Rejection{HTTPStatus: a.Result.HTTPStatus, ProviderCode: a.Result.ProviderCode, ProviderMessage: a.Result.ProviderMessage,
		RetryAfterMs: a.RetryAfter.Milliseconds(), RateLimits: a.RateLimits}
}

func fmtDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
