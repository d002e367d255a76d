package bindings

import (
	"github.com/kodusbyok/studio/backend/concurrency"
	"github.com/kodusbyok/studio/backend/studio"
)

// Concurrency explains and measures a slot's concurrency.
type Concurrency struct{ s *Session }

// ConcurrencyInfo describes the concurrency of a slot being edited: its
// pre-fill and why, the warnings for the profile, the review time per
// setting, and what Measure would send.
func (b *Concurrency) ConcurrencyInfo(req studio.ConcurrencyRequest) (studio.ConcurrencyView, error) {
	return call(b.s, func(st *studio.Studio) (studio.ConcurrencyView, error) { return st.Concurrency().Concurrency(req) })
}

// MeasureConcurrency runs the concurrency probe (billed requests; the GUI
// says how many before it calls this). Progress arrives as
// concurrency:progress events; CancelConcurrencyMeasure stops it.
func (b *Concurrency) MeasureConcurrency(req studio.MeasureRequest) (concurrency.Report, error) {
	return call(b.s, func(st *studio.Studio) (concurrency.Report, error) {
		ctx, done := b.s.runs.Start(b.s.ctx, "measure:"+req.ID)
		defer done()
		return st.Concurrency().Measure(ctx, req, func(p concurrency.Progress) {
			b.s.rt.Emit(b.s.ctx, studio.ConcurrencyProgressEvent, studio.ConcurrencyProgress{ID: req.ID, Progress: p})
		})
	})
}

// CancelConcurrencyMeasure stops a running measurement; its requests
// already in flight are abandoned.
func (b *Concurrency) CancelConcurrencyMeasure(id string) error {
	b.s.runs.Cancel("measure:" + id)
	return nil
}
