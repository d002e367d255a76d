package studio

import (
	"context"
	"errors"
	"fmt"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/concurrency"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
)

// Concurrency pre-fills, explains and measures a slot's concurrency.
type Concurrency struct{ *core }

// Concurrency is the concurrency service.
func (s *Studio) Concurrency() *Concurrency { return &Concurrency{s.c} }

// ConcurrencyRequest asks about one slot's concurrency: the saved slot, or
// the settings being edited (Config) in the context of the saved profile.
type ConcurrencyRequest struct {
	Profile string     `json:"profile"`
	Slot    string     `json:"slot"`
	Config  *SlotInput `json:"config,omitempty"`
	// Workload replaces the calculator's default big PR.
	Workload *concurrency.Workload `json:"workload,omitempty"`
	// MeasuredCap is a cap the probe found, for the advice and the calculator.
	MeasuredCap int `json:"measuredCap,omitempty"`
	// Max is the probe's ceiling, for the announced maximum (0: 32).
	Max int `json:"max,omitempty"`
}

// MeasurePlan says what Measure will send, before anything is sent.
type MeasurePlan struct {
	Available       bool   `json:"available"`
	Reason          string `json:"reason,omitempty"`
	Method          string `json:"method,omitempty"`
	URL             string `json:"url,omitempty"`
	MaxOutputTokens int    `json:"maxOutputTokens,omitempty"`
	Ceiling         int    `json:"ceiling"`
	MaxRequests     int    `json:"maxRequests"`
	Note            string `json:"note"`
}

// ConcurrencyView is everything the GUI's concurrency panel and `concurrency
// advise` show for a slot.
type ConcurrencyView struct {
	Profile string              `json:"profile"`
	Slot    string              `json:"slot"`
	Plan    concurrency.Plan    `json:"plan"`
	PreFill concurrency.PreFill `json:"preFill"`
	// Setting is the slot's maxConcurrentRequests; nil is empty (no limit).
	Setting     *int                 `json:"setting"`
	Advice      []concurrency.Advice `json:"advice"`
	Calculator  *concurrency.Calc    `json:"calculator,omitempty"`
	Measure     MeasurePlan          `json:"measure"`
	FieldErrors []profile.FieldError `json:"fieldErrors"`
}

// ConcurrencyTable is the pre-fill table of Kodus's BYOK docs with the advice on when to
// tune, for `concurrency advise` and the docs.
func (s *Concurrency) ConcurrencyTable() []concurrency.Row { return concurrency.Table(s.catalog()) }

// Concurrency describes one slot's concurrency: its pre-fill and why, the
// rules that apply to the profile, the review time per setting and what a
// measurement would send.
func (s *Concurrency) Concurrency(req ConcurrencyRequest) (ConcurrencyView, error) {
	slotName := orMain(req.Slot)
	v := ConcurrencyView{Profile: req.Profile, Slot: slotName, Advice: []concurrency.Advice{}, FieldErrors: []profile.FieldError{}}
	if err := req.Validate(); err != nil {
		return v, err
	}
	p, sl, err := s.concurrencySlot(req.Profile, slotName, req.Config)
	if err != nil {
		return v, err
	}
	v.Plan = concurrency.Resolve(s.catalog(), sl)
	v.PreFill = concurrency.PreFillFor(s.catalog(), sl)
	v.Setting = sl.MaxConcurrentRequests
	measured := map[string]int{}
	if req.MeasuredCap > 0 {
		measured[slotName] = req.MeasuredCap
	}
	for _, a := range concurrency.Advise(s.catalog(), p, measured) {
		if req.Config == nil || a.Slot == "" || a.Slot == slotName {
			v.Advice = append(v.Advice, a)
		}
	}
	w := concurrency.DefaultWorkload()
	if req.Workload != nil {
		w = *req.Workload
	}
	if w.ProviderCap == 0 {
		w.ProviderCap = providerCap(req.MeasuredCap, v.Plan, v.PreFill)
	}
	w.HasFallback = slotName == profile.SlotMain && p.Fallback != nil
	current := 0
	if v.Setting != nil {
		current = *v.Setting
	}
	calc, err := concurrency.Calculate(w, current)
	if fes := profile.AsFieldErrors(err); fes != nil {
		v.FieldErrors = flatten(fes)
	} else if err != nil {
		return v, err
	} else {
		v.Calculator = &calc
	}
	v.Measure = s.measurePlan(sl, req.Max)
	return v, nil
}

// providerCap is the cap the calculator models: a measured one, else the
// pre-fill of a plan whose cap is its pre-fill (GLM Coding Plan Lite/Pro
// 1, Kimi Code 30); providers that enforce RPM/TPM get none.
func providerCap(measured int, pl concurrency.Plan, pf concurrency.PreFill) int {
	if measured > 0 {
		return measured
	}
	if pl.Tight && pf.Value != nil {
		return *pf.Value
	}
	return 0
}

// concurrencySlot is the profile with the slot as asked: saved, or as
// edited (prepared like a save, so plan defaults apply).
func (s *core) concurrencySlot(name, slot string, cfg *SlotInput) (profile.Profile, profile.Slot, error) {
	var p profile.Profile
	if name != "" {
		stored, err := s.store.Profile(name)
		switch {
		case err == nil:
			p = stored
		case cfg == nil || !errors.Is(err, store.ErrNotFound):
			// Settings being edited may be for a new profile; nothing else
			// is ignored.
			return p, profile.Slot{}, err
		}
	}
	if cfg == nil {
		sl, ok := p.Slot(slot)
		if !ok {
			return p, sl, fmt.Errorf("profile %q has no %s slot", name, slot)
		}
		return p, sl, nil
	}
	sl, _, _ := s.prepareSlot(cfg.Slot())
	if slot == profile.SlotFallback {
		p.Fallback = &sl
	} else {
		p.Main = sl
	}
	return p, sl, nil
}

// prober sends the probe's requests under an honest User-Agent, like the
// key test (docs/decisions.md).
func (s *core) prober() *keytest.Tester {
	return &keytest.Tester{Catalog: s.catalog(), UserAgent: fmt.Sprintf("%s/%s (Kodus BYOK Studio concurrency probe)", buildinfo.Name, buildinfo.Version)}
}

func (s *core) measurePlan(sl profile.Slot, ceiling int) MeasurePlan {
	if ceiling <= 0 {
		ceiling = concurrency.DefaultCeiling
	}
	ceiling = min(ceiling, concurrency.MaxCeiling)
	mp := MeasurePlan{Ceiling: ceiling, MaxRequests: concurrency.MaxRequests(ceiling)}
	spec, err := s.prober().DescribeInference(settingsOf(sl), secrets.Secret{})
	if err != nil {
		mp.Reason = err.Error()
		return mp
	}
	mp.Available, mp.Method, mp.URL, mp.MaxOutputTokens = true, spec.Method, spec.URL, spec.MaxOutputTokens
	unit := "token"
	if spec.MaxOutputTokens > 1 {
		unit = "tokens"
	}
	mp.Note = fmt.Sprintf("Measuring sends up to %d billed requests of at most %d output %s each (%s %s), never more than %d at once, and stops at the first rejection.",
		mp.MaxRequests, spec.MaxOutputTokens, unit, spec.Method, spec.URL, ceiling)
	if spec.Note != "" {
		mp.Note += " " + spec.Note
	}
	return mp
}

// MeasureRequest measures a slot's concurrency cap. Config and APIKey test
// settings being edited, like TestSlotRequest; without Config the saved
// slot is measured with its stored key.
type MeasureRequest struct {
	Profile string     `json:"profile"`
	Slot    string     `json:"slot"`
	Config  *SlotInput `json:"config,omitempty"`
	APIKey  string     `json:"apiKey"`
	// Max is the ceiling: never more requests in flight (0: 32).
	Max int `json:"max"`
	// ID names the run for the GUI's progress events and cancel.
	ID string `json:"id"`
}

// ErrCannotMeasure means the probe could not start: no key, a bad base
// URL, or credentials Google refused.
var ErrCannotMeasure = errors.New("cannot measure")

// Measure runs the concurrency probe against a slot's endpoint with its
// key. progress may be nil.
func (s *Concurrency) Measure(ctx context.Context, req MeasureRequest, progress func(concurrency.Progress)) (concurrency.Report, error) {
	if err := req.Validate(); err != nil {
		return concurrency.Report{}, err
	}
	slotName := orMain(req.Slot)
	_, sl, err := s.concurrencySlot(req.Profile, slotName, req.Config)
	if err != nil {
		return concurrency.Report{}, err
	}
	k, err := s.keyForEdited(ctx, req.APIKey, req.Profile, slotName, sl, true)
	if err != nil {
		return concurrency.Report{}, err
	}
	key := k.Key
	in, fail := s.prober().NewInferrer(ctx, settingsOf(sl), key)
	if fail != nil {
		return concurrency.Report{}, fmt.Errorf("%w: %s", ErrCannotMeasure, fail.Message)
	}
	opt := concurrency.Options{Ceiling: req.Max, Plan: concurrency.Resolve(s.catalog(), sl), Progress: progress}
	return concurrency.Probe(ctx, in, opt), nil
}

func orMain(slot string) string {
	if slot == "" {
		return profile.SlotMain
	}
	return slot
}
