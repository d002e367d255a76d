package studio

import (
	"context"
	"sync"

	"github.com/kodusbyok/studio/backend/concurrency"
)

// Events the GUI adapter emits while a long call runs.
const (
	RepoProgressEvent        = "repocost:progress"
	ConcurrencyProgressEvent = "concurrency:progress"
)

// ConcurrencyProgress is the payload of a concurrency:progress event; ID is
// the run's own, so the GUI ignores a stale run's events.
type ConcurrencyProgress struct {
	ID       string               `json:"id"`
	Progress concurrency.Progress `json:"progress"`
}

// Runs keeps the cancel function of each long-running call (a repository
// scan, a concurrency measurement) by name, for its Cancel button.
type Runs struct {
	mu   sync.Mutex
	runs map[string]*run
}

type run struct{ cancel context.CancelFunc }

// Start registers a cancellable run under name, cancelling one already
// running under that name (one scan at a time); done unregisters it and
// releases its context.
func (r *Runs) Start(parent context.Context, name string) (ctx context.Context, done func()) {
	ctx, cancel := context.WithCancel(parent)
	me := &run{cancel: cancel}
	r.mu.Lock()
	if r.runs == nil {
		r.runs = map[string]*run{}
	}
	if old := r.runs[name]; old != nil {
		old.cancel()
	}
	r.runs[name] = me
	r.mu.Unlock()
	return ctx, func() {
		r.mu.Lock()
		if r.runs[name] == me { // a newer run under the same name stays registered
			delete(r.runs, name)
		}
		r.mu.Unlock()
		cancel()
	}
}

// Cancel stops the run registered under name, if any.
func (r *Runs) Cancel(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if cur := r.runs[name]; cur != nil {
		cur.cancel()
	}
}
