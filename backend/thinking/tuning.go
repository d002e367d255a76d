package thinking

import (
	"fmt"
	"strconv"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// Issue is a setting the line's Kodus Test refuses for the model, before
// anything is sent (validateModelTuning): the field and Kodus's words.
type Issue struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Traits are what the line knows about a model's thinking.
type Traits struct {
	// Known: the line recognises the model (family or generation).
	Known           bool
	ThinksByDefault bool
	CanDisable      bool
}

// ModelTraits are a model's thinking traits on a provider, per the line.
func ModelTraits(l *kodusline.Line, provider, model string) Traits {
	l = lineOf(l)
	if !modules(l) {
		return Traits{CanDisable: true}
	}
	switch {
	case provider == catalog.Anthropic || (provider == catalog.GoogleVertex && isClaude(model)):
		c := parseClaude(model)
		if g, ok := l.Reasoning.ClaudeGeneration(c.family, c.major, c.minor); ok && c.known {
			return Traits{Known: true, ThinksByDefault: g.ThinksByDefault, CanDisable: g.CanDisable}
		}
		return Traits{CanDisable: true}
	case provider == catalog.GoogleGemini || provider == catalog.GoogleVertex:
		g := parseGemini(model)
		if !g.levels() && !l.Reasoning.GeminiBudgetModel(model) {
			return Traits{CanDisable: true}
		}
		thinks, off := l.Reasoning.GeminiTraits(model)
		return Traits{Known: true, ThinksByDefault: thinks, CanDisable: off}
	case provider == catalog.OpenAI:
		r := l.Reasoning.IsOpenAIReasoner(model)
		return Traits{Known: r, ThinksByDefault: r, CanDisable: true}
	case provider == catalog.AmazonBedrock:
		return bedrockTraits(l, model)
	case provider == catalog.Azure:
		// Kodus's Azure module: an o-series or gpt-5 deployment name thinks
		// and cannot be told to stop (Off sends nothing).
		r := l.Reasoning.IsOpenAIReasoner(model)
		return Traits{Known: r, ThinksByDefault: r, CanDisable: !r}
	}
	f := l.Reasoning.Family(model)
	return Traits{Known: f.Known, ThinksByDefault: f.ThinksByDefault, CanDisable: f.CanDisable}
}

// FamilyDefault is the level Kodus uses for a slot saved without one: a
// model that thinks by default gets the line's default (Medium), except on
// Gemini and OpenRouter, where leaving it out keeps the provider's own
// default; anything else gets no reasoning (the review's caller default is
// none). The mid-2026 line has no family default: "" is Off there.
func FamilyDefault(l *kodusline.Line, provider, model string) string {
	l = lineOf(l)
	if !modules(l) || l.FixedMode.DefaultEffort == "" {
		return LevelOff
	}
	gemini := (provider == catalog.GoogleGemini || provider == catalog.GoogleVertex) && !isClaude(model)
	if gemini || provider == catalog.OpenRouter || provider == catalog.Novita {
		return LevelOff
	}
	if ModelTraits(l, provider, model).ThinksByDefault {
		return l.FixedMode.DefaultEffort
	}
	return LevelOff
}

// Temperature policies, as in kodusline.
const (
	policyFree        = kodusline.TempFree
	policyUnsupported = kodusline.TempUnsupported
	policyFixed       = kodusline.TempFixed
)

// TemperaturePolicy is what the line's Kodus does with a model's
// temperature: free, unsupported (never sent) or fixed (the value sent
// whatever is stored). effort is the slot's stored effort.
func TemperaturePolicy(l *kodusline.Line, provider, model, effort string) (string, float64) {
	l = lineOf(l)
	if !modules(l) {
		return policyFree, 0
	}
	if provider == catalog.Anthropic || (provider == catalog.GoogleVertex && isClaude(model)) {
		c := parseClaude(model)
		if g, ok := l.Reasoning.ClaudeGeneration(c.family, c.major, c.minor); ok && c.known {
			return g.Temperature, 0
		}
		return policyUnsupported, 0
	}
	if provider == catalog.AmazonBedrock {
		return bedrockTemperature(l, model), 0
	}
	if l.Reasoning.IsOpenAIReasoner(model) && (provider == catalog.OpenAI || provider == catalog.Azure || l.Reasoning.TemperatureApplies(provider)) {
		return policyUnsupported, 0
	}
	if !l.Reasoning.TemperatureApplies(provider) {
		return policyFree, 0
	}
	f := l.Reasoning.Family(model)
	switch f.Temperature {
	case kodusline.TempFixed:
		return policyFixed, f.FixedTemperature
	case kodusline.TempUnsupported:
		return policyUnsupported, 0
	case kodusline.TempOmitWhileThinking:
		level, unset := moduleLevel(effort)
		if (unset && f.ThinksByDefault) || (!unset && level != LevelOff) {
			return policyUnsupported, 0
		}
	}
	return policyFree, 0
}

// Tuning lists what the line's Kodus Test refuses in a slot's temperature
// and effort, before sending anything; nil on a line without the check.
func Tuning(l *kodusline.Line, provider, model string, temperature *float64, effort string) []Issue {
	l = lineOf(l)
	if !l.Test.ValidateTuning {
		return nil
	}
	label := model
	if label == "" {
		label = "This model"
	}
	var out []Issue
	if temperature != nil {
		switch pol, fixed := TemperaturePolicy(l, provider, model, effort); {
		case pol == policyUnsupported:
			out = append(out, Issue{Field: "temperature", Message: fmt.Sprintf("%s does not accept a temperature — the value you set won't be sent. Clear the temperature field.", label)})
		case pol == policyFixed && *temperature != fixed:
			out = append(out, Issue{Field: "temperature", Message: fmt.Sprintf("%s always reasons, so its temperature is fixed at %s; the %s you set won't be used. Set it to %s or leave it unset.",
				label, num(fixed), num(*temperature), num(fixed))})
		}
	}
	if level, unset := moduleLevel(effort); !unset && level == LevelOff {
		if tr := ModelTraits(l, provider, model); tr.ThinksByDefault && !tr.CanDisable {
			out = append(out, Issue{Field: "reasoning", Message: fmt.Sprintf("%s always reasons and can't be turned off. Remove the \"off\" reasoning setting.", label)})
		}
	}
	return out
}

// WireTemperature is the temperature the line's Kodus sends for a stored
// one, with a note when it differs: an unsupported temperature is left
// out, a fixed one is sent whatever is stored.
func WireTemperature(l *kodusline.Line, provider, model, effort string, t *float64) (*float64, string) {
	pol, fixed := TemperaturePolicy(lineOf(l), provider, model, effort)
	name := lineOf(l).Name
	switch {
	case pol == policyUnsupported && t != nil:
		return nil, fmt.Sprintf("temperature %s is not sent: %s never sends a temperature to %s", num(*t), name, model)
	case pol == policyFixed && (t == nil || *t != fixed):
		v := fixed
		return &v, fmt.Sprintf("temperature %s is sent: %s pins %s to it whatever the slot says", num(fixed), name, model)
	case pol == policyUnsupported:
		return nil, ""
	}
	return t, ""
}

// Levels are the Thinking choices the line offers for a model, in order:
// off, low, medium, high, custom, without the ones its picker leaves out
// (Off on a model that cannot stop thinking; Low on GPT-5).
func Levels(l *kodusline.Line, provider, model string) []string {
	l = lineOf(l)
	all := []string{LevelOff, LevelLow, LevelMedium, LevelHigh, Custom}
	if !modules(l) {
		return all
	}
	tr := ModelTraits(l, provider, model)
	var out []string
	for _, lv := range all {
		if lv == LevelOff && tr.ThinksByDefault && !tr.CanDisable {
			continue
		}
		if lv != LevelOff && lv != Custom && checkPicker(l, provider, model, lv) != nil {
			continue
		}
		out = append(out, lv)
	}
	return out
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
