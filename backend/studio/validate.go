package studio

import (
	"fmt"
	"time"

	"github.com/kodusbyok/studio/backend/concurrency"
	"github.com/kodusbyok/studio/backend/profile"
)

// The rules on requests, checked by the services and by the command line
// before it opens anything, so the GUI and the CLI refuse the same input.
// A zero number means the default.

// MaxTimeout keeps a typo (a 15h timeout) from hanging a test or a script.
const MaxTimeout = 10 * time.Minute

func checkSlotName(slot string) *profile.FieldError {
	if slot == "" || slot == profile.SlotMain || slot == profile.SlotFallback {
		return nil
	}
	return &profile.FieldError{Field: "slot", Rule: "must be main or fallback", Value: slot}
}

func checkRange(field string, v, hi int) *profile.FieldError {
	if v >= 0 && v <= hi {
		return nil
	}
	return &profile.FieldError{Field: field, Rule: fmt.Sprintf("must be from 1 to %d", hi), Value: fmt.Sprint(v)}
}

func checkTimeout(ms int) *profile.FieldError {
	if ms >= 0 && time.Duration(ms)*time.Millisecond <= MaxTimeout {
		return nil
	}
	return &profile.FieldError{Field: "timeoutMs", Rule: fmt.Sprintf("must be more than 0 and at most %s", MaxTimeout), Value: fmt.Sprint(ms)}
}

// fieldErrs is the non-nil field errors as one error, or nil.
func fieldErrs(list ...*profile.FieldError) error {
	var es profile.Errors
	for _, fe := range list {
		if fe != nil {
			es = append(es, fe)
		}
	}
	if es == nil {
		return nil
	}
	return es
}

// Validate checks the slot and the measurement's ceiling.
func (r MeasureRequest) Validate() error {
	return fieldErrs(checkSlotName(r.Slot), checkRange("max", r.Max, concurrency.MaxCeiling))
}

// Validate checks the slot, the measured cap and the ceiling.
func (r ConcurrencyRequest) Validate() error {
	return fieldErrs(checkSlotName(r.Slot), checkRange("measuredCap", r.MeasuredCap, profile.MaxConcurrencyLimit),
		checkRange("max", r.Max, concurrency.MaxCeiling))
}

// Validate checks the slot and the timeout.
func (r TestSlotRequest) Validate() error {
	return fieldErrs(checkSlotName(r.Slot), checkTimeout(r.TimeoutMs))
}

// Validate checks the slot and the timeout.
func (r DryRunRequest) Validate() error {
	return fieldErrs(checkSlotName(r.Slot), checkTimeout(r.TimeoutMs))
}

// Validate checks what the request prices: the models listed or all of
// them, or a profile's slots; exact tokens, alone.
func (r CostRequest) Validate() error {
	var es profile.Errors
	if r.All && len(r.Models) > 0 {
		es = append(es, &profile.FieldError{Field: "all", Rule: "prices every model: list no models with it"})
	}
	if r.Profile != "" && (r.All || len(r.Models) > 0) {
		es = append(es, &profile.FieldError{Field: "profile", Rule: "prices the profile's Main and Fallback: list no models with it"})
	}
	if r.Exact != nil {
		es = append(es, exactErrors(*r.Exact)...)
		if r.Repo != nil {
			es = append(es, &profile.FieldError{Field: "repo", Rule: "exact tokens and a repository do not go together", Value: r.Repo.ScanID})
		}
	}
	if es == nil {
		return nil
	}
	return es
}
