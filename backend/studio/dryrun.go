package studio

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/dryrun"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
	"github.com/kodusbyok/studio/backend/thinking"
)

// DryRuns builds (and sends) the request Kodus sends for a slot.
type DryRuns struct{ *core }

// DryRuns is the dry run service.
func (s *Studio) DryRuns() *DryRuns { return &DryRuns{s.c} }

// DryRunRequest asks for a settings dry run of a slot: the saved one
// (Config nil) or settings being edited. APIKey is a pasted key; "" uses
// the stored key (for edited settings, only when saving would keep it).
// Preview builds the request without sending it, and needs no key.
type DryRunRequest struct {
	Profile   string     `json:"profile"`
	Slot      string     `json:"slot"`
	Config    *SlotInput `json:"config,omitempty"`
	APIKey    string     `json:"apiKey"`
	Preview   bool       `json:"preview"`
	TimeoutMs int        `json:"timeoutMs,omitempty"`
}

// DryRunResult is a dry run, or the fields that stopped it (nothing was
// sent). WorstCase is the most one send can cost, said before sending.
type DryRunResult struct {
	Result          *dryrun.Result       `json:"result,omitempty"`
	FieldErrors     []profile.FieldError `json:"fieldErrors"`
	Notices         []string             `json:"notices"`
	UsedStoredKey   string               `json:"usedStoredKey,omitempty"`
	WorstCase       string               `json:"worstCase,omitempty"`
	WorstCaseTokens int64                `json:"worstCaseTokens,omitempty"`
	// PriceNote says why there is no worst case (plan quota, no price).
	PriceNote string `json:"priceNote,omitempty"`
}

// dryRunner sends with the key test's client and rules, identified as the
// app's dry run (never as a coding agent: docs/decisions.md).
func (s *core) dryRunner(timeout time.Duration) *dryrun.Runner {
	t := s.tester(timeout)
	t.UserAgent = fmt.Sprintf("%s/%s (Kodus BYOK Studio settings dry run)", buildinfo.Name, buildinfo.Version)
	return &dryrun.Runner{Tester: t}
}

// DryRun builds the request Kodus sends for the slot's review calls and,
// unless Preview, sends it once (billed; never retried).
func (s *DryRuns) DryRun(ctx context.Context, req DryRunRequest) (DryRunResult, error) {
	out := DryRunResult{FieldErrors: []profile.FieldError{}, Notices: []string{}}
	if err := req.Validate(); err != nil {
		out.FieldErrors = flatten(profile.AsFieldErrors(err))
		return out, nil
	}
	if req.Slot == "" {
		req.Slot = profile.SlotMain
	}
	if err := profile.ValidateSlotName(req.Slot); err != nil {
		return out, err
	}
	slot, key, stored, err := s.dryRunSlot(ctx, req, &out)
	if err != nil || len(out.FieldErrors) > 0 {
		return out, err
	}
	th, err := thinking.Build(s.thinkingInput(slot))
	var pe *thinking.PickerError
	switch {
	case errors.As(err, &pe):
		out.FieldErrors = append(out.FieldErrors, profile.FieldError{Field: "reasoningEffort", Rule: pe.Error(), Value: slot.ReasoningEffort})
		return out, nil
	case errors.Is(err, thinking.ErrLevel):
		out.FieldErrors = append(out.FieldErrors, profile.FieldError{Field: "reasoningEffort", Rule: thinking.ErrLevel.Error(), Value: slot.ReasoningEffort})
		return out, nil
	case err != nil:
		out.FieldErrors = append(out.FieldErrors, profile.FieldError{Field: "reasoningConfigOverride", Rule: err.Error()})
		return out, nil
	}
	// The temperature as the line's Kodus sends it: Kodus latest withholds
	// one a model takes none of and pins a fixed one.
	temp, tempNote := thinking.WireTemperature(s.line(), slot.Provider, slot.Model, slot.ReasoningEffort, slot.Temperature)
	in := dryrun.Input{Provider: slot.Provider, Model: slot.Model, BaseURL: slot.BaseURL, Plan: slot.Plan, VertexLocation: slot.VertexLocation,
		Temperature: temp, MaxOutputTokens: slot.MaxOutputTokens, ProviderOptions: th.ProviderOptions, KeyStored: stored}
	r := s.dryRunner(time.Duration(req.TimeoutMs) * time.Millisecond)
	built, err := r.Build(in, key)
	if err != nil {
		out.FieldErrors = append(out.FieldErrors, profile.FieldError{Field: "baseURL", Rule: err.Error(), Value: slot.BaseURL})
		return out, nil
	}
	book, bookErr := s.costs().PriceBook()
	price, priced := lookupPrice(book, bookErr, slot)
	if priced {
		if amount, tokens, ok := dryrun.WorstCase(price, built); ok {
			out.WorstCase, out.WorstCaseTokens = amount, tokens
		} else {
			var u dryrun.Usage
			dryrun.PriceUsage(price, &u)
			out.PriceNote = u.CostNote
		}
	}

	var res dryrun.Result
	if req.Preview {
		res = dryrun.Preview(built)
	} else {
		res = r.Send(ctx, built, in, key)
		if res.Usage != nil && priced {
			dryrun.PriceUsage(price, res.Usage)
		}
	}
	res.Slot = req.Slot
	// Thinking warnings predict a refusal; the fallback note says Kodus may
	// not apply these settings at all.
	var notes []string
	if tempNote != "" {
		notes = append(notes, tempNote)
	}
	for _, n := range th.Notes {
		if strings.HasPrefix(n, "warning:") {
			notes = append(notes, n)
		}
	}
	if req.Slot == profile.SlotFallback && !s.line().BYOK.FallbackReasoning {
		notes = append(notes, fallbackNote)
	}
	res.Notes = append(notes, res.Notes...)
	out.Result = &res
	return out, nil
}

// dryRunSlot is the slot to dry-run and its key: the saved slot with its
// key from the keychain, or edited settings with the pasted (or kept) key.
// stored says a key exists that a preview did not need to read.
func (s *core) dryRunSlot(ctx context.Context, req DryRunRequest, out *DryRunResult) (slot profile.Slot, key secrets.Secret, stored bool, err error) {
	// A preview needs the key only for a Vertex slot: a service account
	// (its project) or an API key changes the URL.
	wantKey := func(sl profile.Slot) bool { return !req.Preview || sl.Provider == catalog.GoogleVertex }
	if req.Config == nil {
		p, err := s.store.Profile(req.Profile)
		if err != nil {
			return slot, key, false, err
		}
		sl, ok := p.Slot(req.Slot)
		if !ok {
			return slot, key, false, fmt.Errorf("profile %q has no %s slot: %w", p.Name, req.Slot, store.ErrNotFound)
		}
		slot, stored = sl, sl.HasKey()
		if sl.HasKey() && wantKey(sl) {
			if key, err = s.storedKey(ctx, p.Name, req.Slot, sl); err != nil && !req.Preview {
				return slot, key, stored, err
			}
		}
	} else {
		sl, notices, err := s.prepareSlot(req.Config.Slot())
		out.Notices = nonNil(notices)
		if fes := profile.AsFieldErrors(err); fes != nil {
			out.FieldErrors = flatten(fes)
			return slot, key, false, nil
		}
		if err != nil {
			return slot, key, false, err
		}
		slot = sl
		k, err := s.keyForEdited(ctx, req.APIKey, req.Profile, req.Slot, slot, wantKey(slot))
		if fes := profile.AsFieldErrors(err); fes != nil {
			out.FieldErrors = append(out.FieldErrors, flatten(fes)...)
			return slot, key, false, nil
		}
		if err != nil && !req.Preview {
			return slot, key, true, err
		}
		key, stored = k.Key, k.StoredMasked != ""
		out.Notices = append(out.Notices, k.Notes...)
		out.UsedStoredKey = k.StoredMasked
	}
	if !req.Preview && key.Empty() && s.keyRequired(slot) {
		out.FieldErrors = append(out.FieldErrors, profile.FieldError{Field: "apiKey",
			Rule: fmt.Sprintf("is required to send a dry run to %s (Preview needs none)", s.slotView(slot).ProviderName)})
	}
	return slot, key, stored, nil
}

func lookupPrice(book *cost.Book, err error, slot profile.Slot) (cost.Price, bool) {
	if err != nil || book == nil {
		return cost.Price{}, false
	}
	return book.LookupFor(slot.Provider, slot.Model, slot.Plan)
}
