package studio

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/dryrun"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/thinking"
)

// Kodus latest's Test: the slot's temperature and effort are checked
// against the model's rules first (a refusal is bad_request and nothing is
// sent), then one real minimal call goes out with the slot's settings —
// its temperature as Kodus sends it, its reasoning, and an output cap just
// above its reasoning budget. The mid-2026 line keeps the app's metadata
// probes (Kodus's Test then did not look at the settings).

// testSlot tests one slot as the studio's Kodus line tests it.
func (s *core) testSlot(ctx context.Context, sl profile.Slot, key secrets.Secret, timeout time.Duration) keytest.Result {
	t := s.tester(timeout)
	if !s.line().Test.RealCall {
		return t.Test(ctx, settingsOf(sl), key)
	}
	if res, refused := s.refusedSettings(sl); refused {
		return res
	}
	req, err := s.slotCall(sl, key, timeout)
	if err != nil {
		return keytest.Refused(err.Error(), "Fix the slot's settings; nothing was sent.")
	}
	target, call := req.Call()
	return t.TestCall(ctx, target, key, call)
}

// refusedSettings is Kodus latest's validateModelTuning, before any call.
func (s *core) refusedSettings(sl profile.Slot) (keytest.Result, bool) {
	issues := thinking.Tuning(s.line(), sl.Provider, sl.Model, sl.Temperature, sl.ReasoningEffort)
	if len(issues) == 0 {
		return keytest.Result{}, false
	}
	var msgs []string
	hint := "Change the setting, then test again: Kodus runs reviews without it, but its Test refuses a slot that sets it."
	for _, is := range issues {
		msgs = append(msgs, is.Message)
		if is.Field == "temperature" {
			hint = "Clear the temperature (kodus-byok profile set NAME --provider P --model M --temperature=, or empty the field): " + hint
		}
	}
	return keytest.Refused(fmt.Sprintf("%s's Test refuses these settings before sending anything: %s", s.line().Name, strings.Join(msgs, " ")), hint), true
}

// slotCall builds the minimal call of a slot, as the line's Test sends it.
func (s *core) slotCall(sl profile.Slot, key secrets.Secret, timeout time.Duration) (dryrun.Request, error) {
	th, err := thinking.Build(s.thinkingInput(sl))
	var pe *thinking.PickerError
	switch {
	case errors.As(err, &pe):
		return dryrun.Request{}, errors.New(pe.Error())
	case err != nil:
		return dryrun.Request{}, fmt.Errorf("the Custom JSON does not pass: %w", err)
	}
	temp, _ := thinking.WireTemperature(s.line(), sl.Provider, sl.Model, sl.ReasoningEffort, sl.Temperature)
	limit := s.line().Test.MaxOutputTokens
	if b, ok := reasoningBudget(th.ProviderOptions); ok {
		limit = b + s.line().Test.BudgetHeadroom
	}
	in := dryrun.Input{Provider: sl.Provider, Model: sl.Model, BaseURL: sl.BaseURL, Plan: sl.Plan, VertexLocation: sl.VertexLocation,
		AWSRegion: sl.AWSRegion, AWSAuth: sl.AWSAuth,
		Temperature: temp, MaxOutputTokens: &limit, ProviderOptions: th.ProviderOptions, Prompt: s.line().Test.Prompt}
	return (&dryrun.Runner{Tester: s.tester(timeout)}).Build(in, key)
}

// reasoningBudget is the largest thinking budget anywhere in the options
// (budgetTokens or budget_tokens), as Kodus's probe reads it.
func reasoningBudget(opts map[string]any) (int, bool) {
	best, found := 0, false
	var visit func(v any)
	visit = func(v any) {
		switch m := v.(type) {
		case map[string]any:
			for k, x := range m {
				if k == "budgetTokens" || k == "budget_tokens" {
					if n, ok := asInt(x); ok && (!found || n > best) {
						best, found = n, true
					}
				}
				visit(x)
			}
		case []any:
			for _, x := range m {
				visit(x)
			}
		}
	}
	visit(opts)
	return best, found
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	case float64:
		return int(n), true
	case int:
		return n, true
	}
	return 0, false
}

// describeSlotCall says what Kodus latest's Test sends for a slot.
func (s *core) describeSlotCall(sl profile.Slot, key secrets.Secret) keytest.Probe {
	if res, refused := s.refusedSettings(sl); refused {
		return keytest.Probe{Kind: keytest.ProbeSlotCall, Requests: []string{}, Note: res.Message + " Nothing will be sent."}
	}
	req, err := s.slotCall(sl, key, 0)
	if err != nil {
		return keytest.Probe{Kind: keytest.ProbeSlotCall, Requests: []string{}, Note: err.Error()}
	}
	target, _ := req.Call()
	pre := s.tester(0).PrecheckRequests(target, key)
	note := fmt.Sprintf("%s's Test sends one real call with these settings (temperature, thinking, at most %d output tokens): it is billed, usually a fraction of a cent.", s.line().Name, req.MaxOutputTokens)
	if len(pre) > 0 {
		note = "First the read-only checks (nothing billed; a failure stops the test there). Then " + note
	}
	return keytest.Probe{Kind: keytest.ProbeSlotCall, Requests: append(pre, req.Method+" "+req.URL), Note: note}
}
