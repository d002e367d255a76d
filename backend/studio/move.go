package studio

import (
	"context"
	"fmt"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/thinking"
)

// Saved profiles keep working on every line: a slot on glm-5.1, kimi-k2.6
// or an openai_compatible Kimi/GLM endpoint loads, tests and exports as it
// is. Where the line's Kodus now recommends another card, the profile says
// so and offers to move the slot: same key, same plan, the user's own
// settings kept (only what the new model refuses is dropped, and said).

// SlotMove is what Kodus now recommends for one saved slot.
type SlotMove struct {
	Slot         string `json:"slot"`
	From         string `json:"from"`
	Provider     string `json:"provider"`
	ProviderName string `json:"providerName"`
	Model        string `json:"model"`
	ModelName    string `json:"modelName"`
	Plan         string `json:"plan,omitempty"`
	PlanLabel    string `json:"planLabel,omitempty"`
	Reason       string `json:"reason"`
	// Changes say what moving changes, field by field.
	Changes []string `json:"changes"`
}

// Moves lists the slots of a profile the line's Kodus recommends moving.
func (s *Lines) Moves(p profile.Profile) []SlotMove {
	out := []SlotMove{}
	if s.line() == nil {
		return out
	}
	for _, name := range []string{profile.SlotMain, profile.SlotFallback} {
		sl, ok := p.Slot(name)
		if !ok {
			continue
		}
		if mv, _, ok := s.moveFor(name, sl); ok {
			out = append(out, mv)
		}
	}
	return out
}

// moveFor is the recommended move of a slot and the slot it would become.
func (s *core) moveFor(name string, sl profile.Slot) (SlotMove, profile.Slot, bool) {
	m, ok := s.line().MoveFor(sl.Provider, sl.Model, sl.Plan, sl.BaseURL)
	if !ok {
		return SlotMove{}, profile.Slot{}, false
	}
	next, err := s.draft(m.Model, m.Plan)
	if err != nil {
		return SlotMove{}, profile.Slot{}, false
	}
	var changes []string
	change := func(what, from, to string) {
		if from != to {
			if from == "" {
				from = "(none)"
			}
			changes = append(changes, fmt.Sprintf("%s: %s → %s", what, from, to))
		}
	}
	change("provider", sl.Provider, next.Provider)
	change("model", sl.Model, next.Model)
	change("plan", sl.Plan, next.Plan)
	change("base URL", s.slotView(sl).EffectiveBaseURL, s.slotView(next).EffectiveBaseURL)

	// The user's own settings are kept, unless the new model refuses them.
	next.MaxOutputTokens, next.MaxInputTokens, next.MaxConcurrentRequests = sl.MaxOutputTokens, sl.MaxInputTokens, sl.MaxConcurrentRequests
	next.ReasoningEffort, next.ReasoningConfigOverride = sl.ReasoningEffort, sl.ReasoningConfigOverride
	next.Temperature = sl.Temperature
	if pol, _ := thinking.TemperaturePolicy(s.line(), next.Provider, next.Model, next.ReasoningEffort); pol != "free" && next.Temperature != nil {
		changes = append(changes, fmt.Sprintf("temperature %v cleared: %s does not take one from the slot", *next.Temperature, next.Model))
		next.Temperature = nil
	}
	if tr := thinking.ModelTraits(s.line(), next.Provider, next.Model); next.ReasoningEffort == profile.EffortOff && tr.ThinksByDefault && !tr.CanDisable {
		next.ReasoningEffort = ""
		changes = append(changes, fmt.Sprintf("Thinking Off → not set: %s always thinks, so Kodus refuses Off", next.Model))
	}
	if next.ReasoningEffort == profile.EffortCustom && thinking.CheckOverride(s.line(), next.Provider, next.Model, next.ReasoningConfigOverride) != nil {
		next.ReasoningEffort, next.ReasoningConfigOverride = "", ""
		changes = append(changes, "the Custom JSON is dropped: it does not pass for the new provider")
	}
	next.KeyRef, next.KeyMasked = sl.KeyRef, sl.KeyMasked
	if sl.HasKey() {
		changes = append(changes, "key: "+sl.KeyMasked+" kept")
	}
	v, old := s.slotView(next), s.slotView(sl)
	mv := SlotMove{Slot: name, From: fmt.Sprintf("%s on %s", old.ModelName, old.ProviderName),
		Provider: next.Provider, ProviderName: v.ProviderName, Model: next.Model, ModelName: v.ModelName,
		Plan: next.Plan, PlanLabel: v.PlanLabel, Reason: m.Reason, Changes: nonNil(changes)}
	return mv, next, true
}

// MoveResult is a profile after a slot moved, and what changed.
type MoveResult struct {
	Profile ProfileView `json:"profile"`
	Move    SlotMove    `json:"move"`
}

// MoveSlot applies the recommended move of one slot: the key stays where
// it is in the keychain, the slot points at the new card.
func (s *Lines) MoveSlot(ctx context.Context, name, slotName string) (MoveResult, error) {
	if err := profile.ValidateSlotName(slotName); err != nil {
		return MoveResult{}, err
	}
	p, sl, err := s.savedSlot(name, slotName)
	if err != nil {
		return MoveResult{}, err
	}
	mv, next, ok := s.moveFor(slotName, sl)
	if !ok {
		return MoveResult{}, fmt.Errorf("%s recommends nothing else for the %s slot of %q (%s on %s)", s.line().Name, slotName, name, sl.Model, sl.Provider)
	}
	keyRef, masked := next.KeyRef, next.KeyMasked
	prepared, _, err := s.prepareSlot(next)
	if err != nil {
		return MoveResult{}, err
	}
	prepared.KeyRef, prepared.KeyMasked = keyRef, masked
	p.SetSlot(slotName, prepared)
	p.UpdatedAt = s.now()
	if err := s.store.PutProfile(p); err != nil {
		return MoveResult{}, err
	}
	return MoveResult{Profile: s.view(p), Move: mv}, nil
}

func moveAdvice(profileName string, mv SlotMove) string {
	plan := ""
	if mv.PlanLabel != "" {
		plan = ", " + mv.PlanLabel
	}
	return fmt.Sprintf("%s slot: %s Move it to %s on %s%s (same key, same plan, your settings kept): kodus-byok profile move %s --slot %s",
		title(mv.Slot), mv.Reason, mv.ModelName, mv.ProviderName, plan, profileName, mv.Slot)
}

func title(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
