package studio

import (
	"fmt"
	"time"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/concurrency"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/thinking"
)

// SlotView is a slot as the GUI and `--json` show it: Kodus's field names,
// the masked key, and display names. It never carries the key.
type SlotView struct {
	profile.Settings
	ProviderName     string `json:"providerName"`
	ModelName        string `json:"modelName"`
	Recommended      bool   `json:"recommended"`
	PlanLabel        string `json:"planLabel,omitempty"`
	EffectiveBaseURL string `json:"effectiveBaseURL"`
	HasKey           bool   `json:"hasKey"`
	APIKeyMasked     string `json:"apiKeyMasked,omitempty"`
	// KeyMissing: a key was saved, but the keychain no longer has it.
	KeyMissing bool `json:"keyMissing,omitempty"`
	// Ignored names settings the slot holds that Kodus does not use there
	// (on a v1 Kodus's Fallback: thinking, OpenRouter routing, max input
	// tokens); MainOnly lists those fields, which a card does not show.
	Ignored  []string `json:"ignored,omitempty"`
	MainOnly []string `json:"mainOnly,omitempty"`
	// RoutingSent is the OpenRouter routing Kodus sends, when a Custom
	// JSON changes the pinned providers or the fallbacks switch.
	RoutingSent *RoutingSent `json:"routingSent,omitempty"`
}

// RoutingSent is OpenRouter's provider routing as sent.
type RoutingSent struct {
	Order          []string `json:"order"`
	AllowFallbacks *bool    `json:"allowFallbacks,omitempty"`
}

// ProfileView is a profile as shown to users, with advice on its setup.
type ProfileView struct {
	Name     string    `json:"name"`
	Main     SlotView  `json:"main"`
	Fallback *SlotView `json:"fallback,omitempty"`
	Advice   []string  `json:"advice"`
	// AdviceCodes name each advice in order ("no-fallback", "tight-solo",
	// …), so the GUI says each thing once, where it applies.
	AdviceCodes []string  `json:"adviceCodes,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// view turns a stored profile into its view.
func (s *core) view(p profile.Profile) ProfileView {
	advice, codes := s.advice(p)
	v := ProfileView{
		Name:        p.Name,
		Main:        s.slotView(p.Main),
		Advice:      advice,
		AdviceCodes: codes,
		CreatedAt:   p.CreatedAt,
		UpdatedAt:   p.UpdatedAt,
	}
	if order, allow := s.sentRouting(p.Main); !equalStrings(order, p.Main.OpenRouterProviderOrder) || !equalBool(allow, p.Main.OpenRouterAllowFallbacks) {
		v.Main.RoutingSent = &RoutingSent{Order: nonNil(order), AllowFallbacks: allow}
	}
	if p.Fallback != nil {
		fb := s.slotView(*p.Fallback)
		fb.Ignored = s.fallbackIgnored(*p.Fallback)
		if mo := s.mainOnly(profile.SlotFallback); len(mo) > 0 {
			fb.MainOnly = mo
		}
		v.Fallback = &fb
	}
	s.markMissing(p, &v)
	return v
}

// slotView turns a stored slot into its view.
func (s *core) slotView(sl profile.Slot) SlotView {
	v := SlotView{
		Settings:         sl.Settings,
		ProviderName:     sl.Provider,
		ModelName:        sl.Model,
		EffectiveBaseURL: sl.BaseURL,
		HasKey:           sl.HasKey(),
		APIKeyMasked:     sl.KeyMasked,
	}
	if p, ok := s.catalog().Provider(sl.Provider); ok {
		v.ProviderName = p.DisplayName
		if v.EffectiveBaseURL == "" {
			v.EffectiveBaseURL = p.DefaultBaseURL
		}
		if v.EffectiveBaseURL == "" && sl.Provider == catalog.AmazonBedrock {
			v.EffectiveBaseURL = "https://" + bedrock.RuntimeHost(bedrock.Region(sl.AWSRegion))
		}
	}
	if m, ok := s.catalog().ModelForSlot(sl.Provider, sl.Model); ok {
		v.ModelName = m.DisplayName
		v.Recommended = m.Recommended()
		v.ProviderName = m.ProviderLabel(s.catalog())
		if pv, ok := m.Variant(sl.Plan); ok {
			v.PlanLabel = pv.Label
		}
	}
	return v
}

// AdviceNoFallback is the code of the advice to add a Fallback.
const AdviceNoFallback = "no-fallback"

func (s *core) advice(p profile.Profile) (advice, codes []string) {
	advice = []string{}
	if p.Main.Provider == "" {
		return advice, nil
	}
	for _, mv := range s.lines().Moves(p) {
		advice = append(advice, moveAdvice(p.Name, mv))
	}
	warnings := concurrency.Warnings(concurrency.Advise(s.catalog(), p, nil))
	if p.Fallback == nil && !hasAdvice(warnings, "tight-solo") {
		advice = append(advice, "No fallback: add one on a different provider so reviews keep running when the main model is rate-limited or down.")
		codes = append(codes, AdviceNoFallback)
	}
	for _, w := range warnings {
		advice = append(advice, w.Message)
		codes = append(codes, w.Code)
	}
	return advice, codes
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalBool(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func hasAdvice(list []concurrency.Advice, code string) bool {
	for _, a := range list {
		if a.Code == code {
			return true
		}
	}
	return false
}

// draft is a slot pre-filled from a catalog card and plan, for the GUI's
// connect panel and for `profile set` on a new slot.
func (s *core) draft(modelID, plan string) (profile.Slot, error) {
	m, ok := s.catalog().Model(modelID)
	if !ok {
		return profile.Slot{}, &profile.FieldError{Field: "model", Rule: "is not in the catalog", Value: modelID}
	}
	sl := profile.Slot{
		Settings: profile.Settings{
			Provider:        m.Provider,
			Model:           m.ID,
			BaseURL:         m.Defaults.BaseURL,
			ReasoningEffort: m.Defaults.ReasoningEffort,
		},
	}
	if m.Defaults.Temperature != nil {
		sl.Temperature = profile.Ptr(*m.Defaults.Temperature)
	}
	if m.Defaults.MaxOutputTokens != nil {
		sl.MaxOutputTokens = profile.Ptr(*m.Defaults.MaxOutputTokens)
	}
	if plan == "" {
		plan = m.DefaultVariantID
	}
	if plan != "" {
		v, ok := m.Variant(plan)
		if !ok {
			return profile.Slot{}, &profile.FieldError{Field: "plan", Rule: fmt.Sprintf("must be one of %v for %s", m.VariantIDs(), m.ID), Value: plan}
		}
		sl.Plan = v.ID
		sl.BaseURL = v.BaseURL
		if v.MaxConcurrentRequests != nil {
			sl.MaxConcurrentRequests = profile.Ptr(*v.MaxConcurrentRequests)
		}
		if v.Model != "" {
			sl.Model = v.Model
		}
	}
	// Kodus's catalog gives every card a temperature, but Kodus latest never
	// sends one to a model that takes none (Claude 4.7+, GPT-5, Kimi K2.6
	// and K2.7 Code) and its Test refuses one: leave it empty.
	if s.line() != nil && sl.Temperature != nil {
		if pol, _ := thinking.TemperaturePolicy(s.line(), sl.Provider, sl.Model, sl.ReasoningEffort); pol == kodusline.TempUnsupported {
			sl.Temperature = nil
		}
	}
	return sl, nil
}
