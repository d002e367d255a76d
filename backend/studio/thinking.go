package studio

import (
	"errors"
	"fmt"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/store"
	"github.com/kodusbyok/studio/backend/thinking"
)

// Thinking previews the providerOptions Kodus sends for a slot.
type Thinking struct{ *core }

// Thinking is the thinking preview service.
func (s *Studio) Thinking() *Thinking { return &Thinking{s.c} }

// ThinkingPreview is the live "Kodus will send" of a slot being edited:
// the final providerOptions and a note for each rule that fired, or the
// problems that stop a Custom JSON (line, column, path).
type ThinkingPreview struct {
	ProviderOptions map[string]any     `json:"providerOptions"`
	Notes           []string           `json:"notes"`
	Problems        []thinking.Problem `json:"problems"`
	// Error is a problem outside the Custom JSON (an unknown level).
	Error string `json:"error,omitempty"`
	// Example is a Custom JSON for this provider and model, for the editor.
	Example string `json:"example"`
	// Says names the Kodus line: "as Kodus latest sends it".
	Says string `json:"says"`
	// Levels are the Thinking choices the line offers for the model.
	Levels []string `json:"levels"`
	// Issues are settings the line's Kodus Test refuses for the model.
	Issues []thinking.Issue `json:"issues"`
}

// fallbackNote: Kodus selfhosted-2.1.x reads these settings from Main only
// (its code-review agent takes them from byokConfig.main), so the user is told before relying on them.
const fallbackNote = "Kodus reads Thinking, the Custom JSON and OpenRouter pins from the Main slot only: on a Fallback they may not be applied"

func (s *core) thinkingInput(sl profile.Slot) thinking.Input {
	return thinking.Input{
		Line:     s.line(),
		Provider: sl.Provider, Model: sl.Model, Effort: sl.ReasoningEffort, Override: sl.ReasoningConfigOverride,
		OpenRouterOrder: sl.OpenRouterProviderOrder, OpenRouterAllowFallbacks: sl.OpenRouterAllowFallbacks,
	}
}

// PreviewThinking computes what Kodus would send for a slot being edited,
// with the same rules as saving it.
func (s *Thinking) PreviewThinking(slotName string, in SlotInput) ThinkingPreview {
	// PrepareSlot applies the catalog's aliases and plans; its field errors
	// are CheckSlot's business.
	sl, _, _ := s.prepareSlot(in.Slot())
	p := ThinkingPreview{ProviderOptions: map[string]any{}, Notes: []string{}, Problems: []thinking.Problem{}, Example: thinking.Example(s.line(), sl.Provider, sl.Model),
		Says: s.line().Says(), Levels: thinking.Levels(s.line(), sl.Provider, sl.Model),
		Issues: nonNil(thinking.Tuning(s.line(), sl.Provider, sl.Model, sl.Temperature, sl.ReasoningEffort))}
	res, err := thinking.Build(s.thinkingInput(sl))
	var oe *thinking.OverrideError
	switch {
	case errors.As(err, &oe):
		p.Problems = oe.Problems
		return p
	case err != nil:
		p.Error = err.Error()
		return p
	}
	p.ProviderOptions, p.Notes = res.ProviderOptions, res.Notes
	if slotName == profile.SlotFallback && !s.line().BYOK.FallbackReasoning {
		p.Notes = append(p.Notes, fallbackNote)
	}
	return p
}

// ProviderOptions is what Kodus sends for a saved slot. A stored Custom JSON
// that no longer passes returns a *profile.FieldError (bad input, exit 2).
func (s *Thinking) ProviderOptions(name, slotName string) (thinking.Result, error) {
	if err := profile.ValidateSlotName(slotName); err != nil {
		return thinking.Result{}, err
	}
	p, err := s.store.Profile(name)
	if err != nil {
		return thinking.Result{}, err
	}
	sl, ok := p.Slot(slotName)
	if !ok {
		return thinking.Result{}, fmt.Errorf("profile %q has no %s slot: %w", name, slotName, store.ErrNotFound)
	}
	res, err := thinking.Build(s.thinkingInput(sl))
	var pe *thinking.PickerError
	switch {
	case errors.As(err, &pe):
		return thinking.Result{}, &profile.FieldError{Field: "reasoningEffort", Rule: pe.Error(), Value: sl.ReasoningEffort}
	case errors.Is(err, thinking.ErrLevel):
		return thinking.Result{}, &profile.FieldError{Field: "reasoningEffort", Rule: thinking.ErrLevel.Error(), Value: sl.ReasoningEffort}
	case err != nil:
		return thinking.Result{}, &profile.FieldError{Field: "reasoningConfigOverride", Rule: err.Error()}
	}
	if slotName == profile.SlotFallback && !s.line().BYOK.FallbackReasoning {
		res.Notes = append(res.Notes, fallbackNote)
	}
	return res, nil
}
