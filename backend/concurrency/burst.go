package concurrency

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/kodusbyok/studio/backend/keytest"
)

// burstResult is what one burst proved.
type burstResult struct {
	sent, accepted, rejected int
	// maxOK is the most accepted requests in flight at one instant.
	maxOK int
	// bound is the fewest in-flight requests a rejection proves too many:
	// 1 + the accepted requests in flight while the rejected one was.
	bound      int
	minOK      time.Duration
	retryAfter time.Duration
	firstCap   *keytest.Attempt
	fatal      *keytest.Attempt
	fatalKind  kind
}

// shot is one request of a burst, timed on this side of the wire.
type shot struct {
	start, end time.Time
	k          kind
	a          keytest.Attempt
}

// burst launches up to target requests and stops launching at the first
// answer that is not a success; it waits for every answer. The first known
// requests (a level already seen accepted) leave at once, the rest spacing
// apart. Requests already on their way are not cancelled: they are billed
// either way, and their answers are evidence.
func (p *prober) burst(ctx context.Context, target, known int, spacing time.Duration) burstResult {
	var (
		mu                                 sync.Mutex
		shots                              []shot
		sent, inFlight, accepted, rejected int
		once                               sync.Once
		wg                                 sync.WaitGroup
	)
	stop := make(chan struct{})
	emit := func() {
		p.emit(Progress{Phase: "sending", Target: target, Sent: sent, Accepted: accepted, Rejected: rejected, InFlight: inFlight,
			Requests: p.requests, MaxRequests: p.maxReq, Good: p.good, Bad: p.badOrZero(),
			Message: fmt.Sprintf("Burst %d (up to %d at once): %d sent, %d accepted, %d rejected.", p.round, target, sent, accepted, rejected)})
	}
	// Launches follow a fixed schedule, so a late timer does not push the
	// rest of the burst back (the burst must be out within the latency).
	begin := time.Now()
	for i := 0; i < target; i++ {
		if wait := time.Until(begin.Add(time.Duration(max(0, i-known+1)) * spacing)); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-stop:
			case <-ctx.Done():
			}
			t.Stop()
		}
		select {
		case <-stop:
		case <-ctx.Done():
		default:
			mu.Lock()
			sent++
			inFlight++
			p.requests++
			emit()
			mu.Unlock()
			wg.Go(func() {
				start := time.Now()
				a := p.s.Send(ctx)
				s := shot{start: start, end: time.Now(), k: classify(ctx, a), a: a}
				mu.Lock()
				defer mu.Unlock()
				inFlight--
				shots = append(shots, s)
				switch s.k {
				case kindOK:
					accepted++
				case kindCap, kindQuota, kindOverloaded:
					rejected++
				}
				if s.k != kindOK {
					once.Do(func() { close(stop) })
				}
				emit()
			})
			continue
		}
		break
	}
	wg.Wait()
	return analyze(shots, sent)
}

func analyze(shots []shot, sent int) burstResult {
	sort.Slice(shots, func(i, j int) bool { return shots[i].start.Before(shots[j].start) })
	r := burstResult{sent: sent, bound: math.MaxInt}
	var oks, caps []shot
	for _, s := range shots {
		switch s.k {
		case kindOK:
			r.accepted++
			oks = append(oks, s)
			if lat := s.end.Sub(s.start); r.minOK == 0 || lat < r.minOK {
				r.minOK = lat
			}
		case kindCap:
			r.rejected++
			caps = append(caps, s)
			r.retryAfter = max(r.retryAfter, s.a.RetryAfter)
		default:
			if s.k != kindError && s.k != kindCancelled {
				r.rejected++
			}
			if r.fatal == nil {
				a := s.a
				r.fatal, r.fatalKind = &a, s.k
			}
		}
	}
	r.maxOK = maxOverlap(oks)
	for i, c := range caps {
		if i == 0 {
			a := c.a
			r.firstCap = &a
		}
		u := 0
		for _, ok := range oks {
			if ok.start.Before(c.end) && ok.end.After(c.start) {
				u++
			}
		}
		r.bound = min(r.bound, u+1)
	}
	return r
}

// maxOverlap is the most intervals that cover one instant; an interval
// that ends when another starts does not overlap it.
func maxOverlap(oks []shot) int {
	type edge struct {
		at    time.Time
		delta int
	}
	edges := make([]edge, 0, 2*len(oks))
	for _, s := range oks {
		edges = append(edges, edge{s.start, 1}, edge{s.end, -1})
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].at.Equal(edges[j].at) {
			return edges[i].delta < edges[j].delta
		}
		return edges[i].at.Before(edges[j].at)
	})
	cur, best := 0, 0
	for _, e := range edges {
		cur += e.delta
		best = max(best, cur)
	}
	return best
}
