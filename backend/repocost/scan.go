// Package repocost measures a local git repository's recent history as the
// reviews Kodus would have run on it: each merge (or each commit, in a
// history without merges) is one reviewed change, sized in tokens of what
// a reviewer model reads. The result feeds backend/cost's estimator.
package repocost

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kodusbyok/studio/backend/profile"
)

// Defaults.
const (
	DefaultContextLines = 3       // GitHub's patch
	DefaultMaxFileBytes = 1 << 20 // a 1 MiB file is data, not code to review
	MaxLast             = 100_000 // changes
	MaxSince            = 10 * 365 * 24 * time.Hour
)

// Options say which repository and window to read.
type Options struct {
	Dir    string
	Branch string // empty: the checked-out branch
	// The window: changes newer than Since, or the last Last changes.
	Since time.Duration
	Last  int
	// Ignore is the ignore list (nil: DefaultIgnore).
	Ignore []string
	// ContextLines around each hunk (WholeFile: the whole file).
	ContextLines int
	MaxFileBytes int64
	Workers      int
	Now          func() time.Time
	// Progress, when set, is called from time to time (not concurrently).
	Progress func(Progress)
}

// Progress reports a running scan.
type Progress struct {
	Phase    string `json:"phase"` // "history", then "measure"
	Commits  int    `json:"commits"`
	Measured int    `json:"measured"`
	Total    int    `json:"total"` // changes to measure, once known
}

// Validate lists the broken options.
func (o Options) Validate() error {
	var es profile.Errors
	switch {
	case o.Since > 0 && o.Last > 0:
		es = append(es, &profile.FieldError{Field: "window", Rule: "choose days or a number of changes, not both", Value: fmt.Sprintf("%v and %d", o.Since, o.Last)})
	case o.Since <= 0 && o.Last <= 0:
		es = append(es, &profile.FieldError{Field: "window", Rule: "give a number of days (90) or of changes (the last 200)", Value: ""})
	case o.Since > MaxSince:
		es = append(es, &profile.FieldError{Field: "since", Rule: "must be at most 3650 days", Value: o.Since.String()})
	case o.Last > MaxLast:
		es = append(es, &profile.FieldError{Field: "last", Rule: fmt.Sprintf("must be at most %d", MaxLast), Value: fmt.Sprint(o.Last)})
	}
	if o.ContextLines < WholeFile || o.ContextLines > 1000 {
		es = append(es, &profile.FieldError{Field: "contextLines", Rule: "must be from 0 to 1000 lines, or -1 for the whole file", Value: fmt.Sprint(o.ContextLines)})
	}
	if len(es) > 0 {
		return es
	}
	return nil
}

// Scan reads the window's history and measures every change in it. It
// stops at the window, reads the history once, measures changes on
// Workers goroutines, and keeps only a few numbers per change.
func Scan(ctx context.Context, o Options) (*Result, error) {
	start := time.Now()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = DefaultMaxFileBytes
	}
	if o.Ignore == nil {
		o.Ignore = DefaultIgnore
	}
	rules, err := ParseIgnore(o.Ignore)
	if err != nil {
		return nil, err
	}
	progress := o.Progress
	if progress == nil {
		progress = func(Progress) {}
	}
	op, err := findRepository(o.Dir)
	if err != nil {
		return nil, err
	}
	h := op.open()
	defer h.Close()
	tip, branch, err := h.tip(o.Branch)
	if err != nil {
		return nil, err
	}
	now := o.Now()
	var since time.Time
	if o.Since > 0 {
		since = now.Add(-o.Since)
	}
	w, err := h.walk(ctx, tip, since, o.Last, func(n int) { progress(Progress{Phase: "history", Commits: n}) })
	if err != nil {
		return nil, err
	}
	sel := choose(w.commits, o.Last)
	res := newResult(op.root, branch, tip, o, rules, sel, w)
	if len(sel.changes) == 0 {
		return nil, emptyWindow(o, w)
	}
	progress(Progress{Phase: "measure", Commits: len(w.commits), Total: len(sel.changes)})
	counter, err := NewCounter() // loads the vocabulary once, before the workers start
	if err != nil {
		return nil, err
	}
	all, sliced, err := measureAll(ctx, op, h, counter, rules, o, sel.changes, func(n int) {
		progress(Progress{Phase: "measure", Commits: len(w.commits), Measured: n, Total: len(sel.changes)})
	})
	if err != nil {
		return nil, err
	}
	res.Sliced = sliced
	res.finish(sel, all, windowStart(o, since, sel, w), now)
	if len(res.changes) == 0 {
		return nil, fmt.Errorf("%w: the %d %s(s) in the window touch only ignored, binary or generated files", ErrEmptyWindow, len(sel.changes), res.Unit)
	}
	res.ElapsedMs = time.Since(start).Milliseconds()
	return res, nil
}

// windowStart: the window runs to now from since, or from the oldest
// change with --last, or from the first commit when the history begins
// inside the window (a young repository is not diluted over 90 days).
func windowStart(o Options, since time.Time, sel selection, w walkResult) time.Time {
	if o.Last > 0 {
		return sel.changes[len(sel.changes)-1].when
	}
	if w.root {
		if first := w.commits[len(w.commits)-1].when; first.After(since) {
			return first
		}
	}
	return since
}

// selection is the changes of the window and the commits left out.
type selection struct {
	unit    string // "merge" or "commit"
	changes []commitInfo
	direct  int // commits on the branch that are not merges, in merge mode
}

// choose applies the rule: in a history with merges each merge is a
// reviewed change (diffed against its first parent, i.e. what the pull
// request brought in) and commits made directly on the branch are not
// reviewed; in a history without merges (squash or rebase merging) each
// commit is one.
func choose(commits []commitInfo, last int) selection {
	var s selection
	for _, c := range commits {
		if c.merge() {
			s.changes = append(s.changes, c)
		}
	}
	if len(s.changes) > 0 {
		s.unit = "merge"
		s.direct = len(commits) - len(s.changes)
	} else {
		s.unit, s.changes = "commit", commits
	}
	if last > 0 && len(s.changes) > last {
		s.changes = s.changes[:last]
	}
	return s
}

func emptyWindow(o Options, w walkResult) error {
	what := fmt.Sprintf("in the last %d days", int(o.Since.Hours()/24))
	if o.Last > 0 {
		what = "at all"
	}
	if len(w.commits) == 0 && o.Since > 0 {
		return fmt.Errorf("%w: no merge or commit on the branch %s; widen the window, or count the last changes instead", ErrEmptyWindow, what)
	}
	return fmt.Errorf("%w: no merge or commit on the branch %s", ErrEmptyWindow, what)
}

// reportProgress calls progress with done from one goroutine, a few times
// a second, until the returned stop (which reports a last time and waits).
func reportProgress(done *atomic.Int64, progress func(int)) (stop func()) {
	quit := make(chan struct{})
	reported := make(chan struct{})
	go func() {
		defer close(reported)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				progress(int(done.Load()))
			case <-quit:
				progress(int(done.Load()))
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-reported
	}
}

// feed sends the start of each block of n changes to the workers, until
// ctx is done, then closes next.
func feed(ctx context.Context, next chan<- int, n, block int) {
	defer close(next)
	for i := 0; i < n; i += block {
		select {
		case next <- i:
		case <-ctx.Done():
			return
		}
	}
}

// measureAll measures the changes on parallel workers, each with its own
// repository handle and token counter, and returns them in order. Workers
// take runs of consecutive changes: a commit's tree is the next one's
// parent tree, so it is still in the worker's cache.
func measureAll(ctx context.Context, op *opener, first *repoHandle, counter *Counter, rules *Rules, o Options, changes []commitInfo, progress func(int)) ([]measured, int, error) {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(changes))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	const block = 32
	out := make([]measured, len(changes))
	next := make(chan int)
	var done atomic.Int64
	var once sync.Once
	var firstErr error
	fail := func(err error) {
		once.Do(func() { firstErr = err; cancel() })
	}
	var wg sync.WaitGroup
	var counters []*Counter
	for w := 0; w < workers; w++ {
		h, c := first, counter
		if w > 0 {
			h = op.open()
			defer h.Close()
			c = &Counter{enc: counter.enc, memo: map[string]int{}}
		}
		counters = append(counters, c)
		m := &measurer{h: h, trees: newTreeDiffer(h.st), render: newRenderer(), rules: rules, verdicts: map[string]bool{}, count: c, context: o.ContextLines, maxBytes: o.MaxFileBytes}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for first := range next {
				for i := first; i < min(first+block, len(changes)) && ctx.Err() == nil; i++ {
					r, err := m.measure(ctx, changes[i])
					if err != nil {
						fail(err)
						break
					}
					out[i] = r
					done.Add(1)
				}
			}
		}()
	}
	stopProgress := reportProgress(&done, progress)
	feed(ctx, next, len(changes), block)
	wg.Wait()
	stopProgress()
	if firstErr != nil {
		return nil, 0, firstErr
	}
	if ctx.Err() != nil {
		return nil, 0, ErrCanceled
	}
	sliced := 0
	for _, c := range counters {
		sliced += c.Sliced
	}
	return out, sliced, nil
}
