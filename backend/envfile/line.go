package envfile

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/thinking"
)

// What the Kodus release line changes in a .env: Fixed Mode's reasoning,
// the endpoint of a brand BYOK reaches over the Anthropic protocol, and
// which Kodus a file runs (IMAGE_TAG).

// VarImageTag is read by Kodus's docker-compose.yml to pick the images.
const VarImageTag = "IMAGE_TAG"

func (src Source) line() *kodusline.Line {
	if src.Line == nil {
		return kodusline.MustGet(kodusline.Default)
	}
	return src.Line
}

// anthropicProtocol: a provider Kodus reaches over the Anthropic protocol at
// a root URL (moonshot, zai, anthropic_compatible). Fixed Mode cannot: for
// non-Claude models it speaks only the OpenAI-compatible protocol.
func anthropicProtocol(provider string) bool {
	switch provider {
	case catalog.Moonshot, catalog.Zai, catalog.AnthropicCompatible:
		return true
	}
	return false
}

// fixedModeEndpoint is the OpenAI-compatible endpoint of the plan an
// Anthropic-protocol slot uses: its card's plan, else the catalog plan
// whose endpoint it names. ok is false for an endpoint the catalog does
// not know (a MiniMax or proxy URL).
func fixedModeEndpoint(s profile.Slot, cat *catalog.Catalog) (string, bool) {
	if m, ok := cat.ModelForSlot(s.Provider, s.Model); ok {
		v, found := m.Variant(s.Plan)
		if !found && s.BaseURL != "" {
			v, found = m.PlanForBaseURL(s.BaseURL)
		}
		if !found && s.BaseURL == "" {
			v, found = m.Variant(m.DefaultVariantID)
		}
		if found && v.FixedModeBaseURL != "" {
			return v.FixedModeBaseURL, true
		}
	}
	base := s.BaseURL
	if base == "" {
		if p, ok := cat.Provider(s.Provider); ok {
			base = p.DefaultBaseURL
		}
	}
	for _, m := range cat.Models {
		if v, ok := m.PlanForBaseURL(base); ok && v.FixedModeBaseURL != "" {
			return v.FixedModeBaseURL, true
		}
	}
	return base, false
}

// fixedModeEndpointWarning says why a Kimi or GLM .env keeps the
// OpenAI-compatible endpoint, or that none is known.
func fixedModeEndpointWarning(s profile.Slot, cat *catalog.Catalog, written string, known bool) Warning {
	byok := s.BaseURL
	if byok == "" {
		if p, ok := cat.Provider(s.Provider); ok {
			byok = p.DefaultBaseURL
		}
	}
	if !known {
		return Warning{Code: "routing",
			Message: fmt.Sprintf("Fixed Mode speaks only the OpenAI-compatible protocol to non-Claude models, and %s is an Anthropic-protocol endpoint: Kodus would send OpenAI-format requests to it.", byok),
			Fix:     "Use the endpoint's OpenAI-compatible URL as the base URL of an openai_compatible profile for the .env, or use the BYOK config, which reaches Anthropic-protocol endpoints."}
	}
	return Warning{Code: "fixed-mode-endpoint",
		Message: fmt.Sprintf("Fixed Mode speaks only the OpenAI-compatible protocol to non-Claude models, so this .env uses the same plan's OpenAI-compatible endpoint %s; the BYOK config keeps the Anthropic-protocol endpoint %s, as Kodus latest's %s provider uses.", written, byok, s.Provider)}
}

// fixedModeReasoning is what the line's Fixed Mode sends as reasoning for
// the model: the family default on Kodus latest (no variable changes or
// disables it); nil where the line sends none.
func fixedModeReasoning(src Source, route string) (level string, opts map[string]any) {
	l := src.line()
	if !l.FixedMode.FamilyDefaultReasoning {
		return "", nil
	}
	level = thinking.FamilyDefault(l, route, src.Main.Model)
	if level == thinking.LevelOff {
		return level, nil
	}
	r, err := thinking.Build(thinking.Input{Line: l, Provider: route, Model: src.Main.Model, Effort: level})
	if err != nil || len(r.ProviderOptions) == 0 {
		return level, nil
	}
	return level, r.ProviderOptions
}

// thinkingNotCarried is the Thinking row of what Fixed Mode does not carry,
// as the line's Fixed Mode behaves.
func thinkingNotCarried(src Source, route string) (NotCarried, bool) {
	s := src.Main
	l := src.line()
	setting, value := "Thinking level", s.ReasoningEffort
	if s.ReasoningEffort == profile.EffortCustom {
		setting, value = "Thinking (custom JSON)", compact(s.ReasoningConfigOverride)
	}
	if !l.FixedMode.FamilyDefaultReasoning {
		switch s.ReasoningEffort {
		case "", profile.EffortOff:
			return NotCarried{}, false
		case profile.EffortCustom:
			return NotCarried{setting, value, "Fixed Mode sends no reasoning options: your custom JSON is not used and the provider's default applies."}, true
		}
		return NotCarried{setting, value, "Fixed Mode sends no reasoning setting: the provider's default applies (some models think more, some not at all)."}, true
	}
	level, opts := fixedModeReasoning(src, route)
	if s.ReasoningEffort == level || (s.ReasoningEffort == "" && opts == nil) {
		return NotCarried{}, false
	}
	if value == "" {
		value = "not set"
	}
	if opts == nil {
		if level == thinking.LevelOff && s.ReasoningEffort == profile.EffortOff {
			return NotCarried{}, false
		}
		return NotCarried{setting, value, fmt.Sprintf("%s's Fixed Mode has no variable for reasoning and gives %s no family default: no reasoning options are sent.", l.Name, s.Model)}, true
	}
	return NotCarried{setting, value, fmt.Sprintf("%s's Fixed Mode gives %s its family default instead, %s, and there is no variable to change or turn it off: it sends %s.",
		l.Name, s.Model, strings.ToUpper(level[:1])+level[1:], compactJSON(opts))}, true
}

// fixedModeReasoningWarning tells what Fixed Mode sends even when the
// profile asks for the same: a model that thinks by default keeps
// thinking, and there is no variable to turn it off.
func fixedModeReasoningWarning(src Source, route string) (Warning, bool) {
	level, opts := fixedModeReasoning(src, route)
	if opts == nil {
		return Warning{}, false
	}
	l := src.line()
	return Warning{Code: "fixed-mode-reasoning",
		Message: fmt.Sprintf("%s gives a .env-configured %s the same family-default reasoning as BYOK, %s: it sends %s. No .env variable changes it or turns it off.",
			l.Name, src.Main.Model, strings.ToUpper(level[:1])+level[1:], compactJSON(opts)),
		Fix: "To choose the thinking level (or turn it off where the model allows), use the BYOK config."}, true
}

// lineHandlesTemperature: the line's Kodus pins or withholds the model's
// temperature on the OpenAI-compatible route Fixed Mode uses (Kodus latest
// never sends one to Kimi K2.6 or K2.7 Code, and pins K3 to 1).
func lineHandlesTemperature(l *kodusline.Line, model string) bool {
	pol, _ := thinking.TemperaturePolicy(l, RouteOpenAICompatible, model, "")
	return pol != kodusline.TempFree
}

func compactJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// ImageTagLine says which Kodus line a .env's IMAGE_TAG runs: "latest" or
// unset is the current line, selfhosted-2.1.* the mid-2026 one.
func ImageTagLine(tag string) (string, bool) { return kodusline.ForImageTag(tag) }

// LineWarning compares the Kodus a .env runs with the line the app follows:
// nil when they agree.
func LineWarning(tag string, set bool, l *kodusline.Line) *Warning {
	shown := VarImageTag + "=" + tag
	if !set {
		shown = VarImageTag + " unset (the installer's default, latest)"
	}
	id, ok := kodusline.ForImageTag(tag)
	switch {
	case !ok:
		return &Warning{Code: "kodus-line",
			Message: fmt.Sprintf("This .env pins %s, which this app cannot place in a Kodus release line; the app follows %s (line %s).", shown, l.Name, l.ID),
			Fix:     "Check which Kodus that image is, and choose the line closest to it: kodus-byok kodus line set current|mid-2026."}
	case id != l.ID:
		other := kodusline.MustGet(id)
		return &Warning{Code: "kodus-line",
			Message: fmt.Sprintf("This .env runs %s (%s, line %s), but the app follows %s (line %s): its previews, tests and exports describe a Kodus this file does not run.", other.Name, shown, other.ID, l.Name, l.ID),
			Fix:     fmt.Sprintf("kodus-byok kodus line set %s (or --kodus-line %s for one command), or change %s.", other.ID, other.ID, VarImageTag)}
	}
	return nil
}
