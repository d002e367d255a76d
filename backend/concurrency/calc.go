package concurrency

import (
	"container/heap"
	"fmt"
	"math"
	"time"

	"github.com/kodusbyok/studio/backend/profile"
)

// Workload is one PR's review as the calculator sees it. The defaults are
// estimates for a big PR (where concurrency matters), to be replaced by
// your own numbers.
type Workload struct {
	FilesPerPR   int `json:"filesPerPR"`
	CallsPerFile int `json:"callsPerFile"`
	// ExtraCalls are the PR-level calls (summary, cross-file, safeguard).
	ExtraCalls int `json:"extraCalls"`
	// LatencyMs is one review call's typical duration.
	LatencyMs int `json:"latencyMs"`
	// ProviderCap is the provider's concurrency cap (measured or
	// documented); 0 when there is none to model.
	ProviderCap int `json:"providerCap"`
	// Retries and BackoffMs are the client's handling of a 429: the AI SDK
	// Kodus uses retries twice, after 2 s and 4 s, inside the call (the
	// limiter slot stays taken meanwhile).
	Retries   int `json:"retries"`
	BackoffMs int `json:"backoffMs"`
	// HasFallback: a call that runs out of retries goes to the Fallback
	// (one more latency) instead of being lost.
	HasFallback bool `json:"hasFallback"`
}

// DefaultWorkload is a big PR: 20 changed files, one review call each,
// 4 PR-level calls, 30 s per call (a reasoning model writing ~1k tokens).
func DefaultWorkload() Workload {
	return Workload{FilesPerPR: 20, CallsPerFile: 1, ExtraCalls: 4, LatencyMs: 30_000, Retries: 2, BackoffMs: 2000}
}

// Limits that keep the simulation instant and catch typos.
const (
	maxCalcCalls = 5000
	maxCalcRows  = 64
)

// Validate lists every broken field.
func (w Workload) Validate() error {
	var es profile.Errors
	num := func(field string, v, lo, hi int) {
		if v < lo || v > hi {
			es = append(es, &profile.FieldError{Field: field, Rule: fmt.Sprintf("must be a whole number from %d to %d", lo, hi), Value: fmt.Sprint(v)})
		}
	}
	num("filesPerPR", w.FilesPerPR, 0, 1000)
	num("callsPerFile", w.CallsPerFile, 1, 20)
	num("extraCalls", w.ExtraCalls, 0, 100)
	num("latencyMs", w.LatencyMs, 1, 600_000)
	num("providerCap", w.ProviderCap, 0, profile.MaxConcurrencyLimit)
	num("retries", w.Retries, 0, 10)
	num("backoffMs", w.BackoffMs, 0, 120_000)
	if w.FilesPerPR*w.CallsPerFile+w.ExtraCalls == 0 {
		es = append(es, &profile.FieldError{Field: "filesPerPR", Rule: "a PR needs at least one call", Value: "0"})
	}
	if len(es) > 0 {
		return es
	}
	return nil
}

// CalcRow is the review at one concurrency setting.
type CalcRow struct {
	Concurrency int     `json:"concurrency"`
	WallSeconds float64 `json:"wallSeconds"`
	// Rejected counts 429s per PR; Failed the calls that ran out of
	// retries (sent to the Fallback, or not reviewed without one).
	Rejected int `json:"rejected"`
	Failed   int `json:"failed"`
	// RetrySeconds is what the 429s cost: the time calls spent waiting to
	// retry, holding their slots, summed over the PR.
	RetrySeconds float64 `json:"retrySeconds"`
	// Complete is false when failed calls are lost (no Fallback): the
	// review then misses files, however short its wall time.
	Complete bool `json:"complete"`
}

// Calc is the review wall time for settings 1…N.
type Calc struct {
	Workload Workload  `json:"workload"`
	Calls    int       `json:"calls"`
	Rows     []CalcRow `json:"rows"`
	// Fastest is the smallest setting that reaches the shortest review
	// without a failed call.
	Fastest int `json:"fastest"`
	// FirstRetryAt is the first setting whose calls get 429s; 0 if none.
	FirstRetryAt int      `json:"firstRetryAt,omitempty"`
	Notes        []string `json:"notes"`
}

// Calculate runs the review at each setting from 1 to N: up to every call
// at once, past the cap and the current setting by a little, at most 64.
func Calculate(w Workload, current int) (Calc, error) {
	if err := w.Validate(); err != nil {
		return Calc{}, err
	}
	calls := w.FilesPerPR*w.CallsPerFile + w.ExtraCalls
	if calls > maxCalcCalls {
		return Calc{}, &profile.FieldError{Field: "filesPerPR", Rule: fmt.Sprintf("makes %d calls per PR; the calculator takes at most %d", calls, maxCalcCalls), Value: fmt.Sprint(w.FilesPerPR)}
	}
	n := max(calls, current)
	if w.ProviderCap > 0 {
		n = max(n, w.ProviderCap+2)
	}
	n = min(n, maxCalcRows)
	c := Calc{Workload: w, Calls: calls, Rows: make([]CalcRow, 0, n)}
	best := int64(math.MaxInt64)
	for k := 1; k <= n; k++ {
		r := simulate(w, calls, k)
		wall, rej, failed := r.wall, r.rejected, r.failed
		row := CalcRow{Concurrency: k, WallSeconds: seconds(wall), Rejected: rej, Failed: failed, Complete: failed == 0 || w.HasFallback, RetrySeconds: seconds(r.waited)}
		if rej > 0 && c.FirstRetryAt == 0 {
			c.FirstRetryAt = k
		}
		if failed == 0 && wall < best {
			best, c.Fastest = wall, k
		}
		c.Rows = append(c.Rows, row)
	}
	c.Notes = calcNotes(w, c)
	return c, nil
}

func calcNotes(w Workload, c Calc) []string {
	notes := []string{fmt.Sprintf("%d calls per PR (%d files × %d + %d PR-level), %s each, independent of one another: a setting of k runs them in waves of k.", c.Calls, w.FilesPerPR, w.CallsPerFile, w.ExtraCalls, fmtDuration(ms(w.LatencyMs)))}
	if w.ProviderCap == 0 {
		notes = append(notes, "No provider cap is modelled: past the fastest setting more concurrency buys nothing, and a real provider's per-minute limits may reject bursts.")
		return notes
	}
	notes = append(notes, fmt.Sprintf("Above %d at once the provider answers 429: a rejected call keeps its slot while it waits %s, %s… for up to %d retries (the AI SDK's default), then %s.",
		w.ProviderCap, fmtDuration(ms(w.BackoffMs)), fmtDuration(ms(2*w.BackoffMs)), w.Retries, map[bool]string{true: "goes to the Fallback", false: "fails: its file is not reviewed (no Fallback)"}[w.HasFallback]))
	return notes
}

type simResult struct {
	wall, waited     int64
	rejected, failed int
}

// simulate runs one PR's calls through a limiter of k slots against a
// provider that accepts at most ProviderCap at once. Deterministic.
func simulate(w Workload, calls, k int) simResult {
	lat, capacity := int64(w.LatencyMs), w.ProviderCap
	var q events
	var r simResult
	attempts := make([]int, calls)
	holders, running, next := 0, 0, 0
	var now, end int64
	try := func(call int) {
		if capacity == 0 || running < capacity {
			running++
			heap.Push(&q, event{at: now + lat, kind: evFinish})
			return
		}
		r.rejected++
		attempts[call]++
		if attempts[call] <= w.Retries {
			back := int64(w.BackoffMs) << (attempts[call] - 1)
			r.waited += back
			heap.Push(&q, event{at: now + back, kind: evRetry, call: call})
			return
		}
		r.failed++
		holders--
		if w.HasFallback {
			end = max(end, now+lat)
		}
	}
	admit := func() {
		for holders < k && next < calls {
			holders++
			next++
			try(next - 1)
		}
	}
	admit()
	for q.Len() > 0 {
		e := heap.Pop(&q).(event)
		now = e.at
		end = max(end, now)
		if e.kind == evFinish {
			running--
			holders--
		} else {
			try(e.call)
		}
		admit()
	}
	r.wall = end
	return r
}

const (
	evFinish = iota // a finish frees its slot before a retry at the same instant
	evRetry
)

type event struct {
	at   int64
	kind int
	call int
}

type events []event

func (q events) Len() int { return len(q) }
func (q events) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].kind < q[j].kind
}
func (q events) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *events) Push(x any)   { *q = append(*q, x.(event)) }
func (q *events) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

func seconds(ms int64) float64 { return math.Round(float64(ms)/100) / 10 }

func ms(v int) time.Duration { return time.Duration(v) * time.Millisecond }
