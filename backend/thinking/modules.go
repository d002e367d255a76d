package thinking

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/lazyre"
)

// The presets of a line whose provider modules map the levels (Kodus
// latest): each provider module's reasoning(), decided per model family
// by the line's trait tables. Off is a level of its own here: an explicit
// disable where the model thinks by default and can stop.

var claudeIDRE = lazyre.New(`(?i)^claude[-_]`)

// isClaude: a Claude model id (Vertex AI routes these to Anthropic).
func isClaude(model string) bool { return claudeIDRE.MatchString(kodusline.BareID(model)) }

// modulePreset is what the provider module sends for a level (off, low,
// medium, high), with a note saying which rule produced it.
func modulePreset(l *kodusline.Line, provider, model, level string) (map[string]any, []string) {
	t, _ := l.Transport(provider)
	switch {
	case provider == catalog.Anthropic || (provider == catalog.GoogleVertex && isClaude(model)):
		return claudePreset(l, model, level)
	case provider == catalog.GoogleGemini || provider == catalog.GoogleVertex:
		return geminiPreset(l, provider, model, level)
	case provider == catalog.OpenAI:
		if level == LevelOff {
			return map[string]any{}, []string{"Off: nothing is sent; the model's own default reasoning effort applies"}
		}
		return obj("openai", map[string]any{"reasoningEffort": level}), []string{fmt.Sprintf("OpenAI: reasoningEffort %q", level)}
	case provider == catalog.OpenRouter:
		return openRouterPreset(l, model, level)
	case provider == catalog.Novita:
		return map[string]any{}, []string{l.Name + "'s Novita module has no reasoning preset: nothing is sent for Off, Low, Medium or High; only a Custom JSON (sent under novita) reaches Novita"}
	case provider == catalog.OpenAICompatible:
		return compatiblePreset(l, model, level)
	case provider == catalog.AmazonBedrock:
		return bedrockPreset(l, model, level)
	case provider == catalog.Azure:
		return azurePreset(l, model, level)
	case t.Protocol == "anthropic-root":
		return anthropicRootPreset(l, provider, model, level)
	}
	return map[string]any{}, []string{fmt.Sprintf("%s has no thinking preset for provider %q: nothing is sent", l.Name, provider)}
}

func budgetOf(l *kodusline.Line, level string) json.Number {
	return json.Number(fmt.Sprint(l.Reasoning.Budgets[level]))
}

func claudePreset(l *kodusline.Line, model, level string) (map[string]any, []string) {
	c := parseClaude(model)
	var gen kodusline.ClaudeGeneration
	ok := false
	if c.known {
		gen, ok = l.Reasoning.ClaudeGeneration(c.family, c.major, c.minor)
	}
	if !ok {
		return map[string]any{}, []string{fmt.Sprintf("%q is not a Claude id %s recognises: it sends no reasoning options for it (and withholds the temperature)", model, l.Name)}
	}
	if level == LevelOff {
		switch {
		case gen.Off == "disable":
			return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "disabled"}}),
				[]string{fmt.Sprintf("Off: %s thinks unless told not to, so %s sends thinking {type: \"disabled\"}", c, l.Name)}
		case gen.ThinksByDefault && !gen.CanDisable:
			return map[string]any{}, []string{fmt.Sprintf("Off: %s always thinks and cannot be turned off: nothing is sent, and %s's Test refuses Off for it", c, l.Name)}
		}
		return map[string]any{}, []string{fmt.Sprintf("Off: nothing is sent; %s does not think unless asked", c)}
	}
	if gen.Preset == "adaptive" {
		return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "adaptive"}, "effort": level}),
			[]string{fmt.Sprintf("%s (%s): adaptive thinking steered by effort %q", c, gen.Label, level)}
	}
	b := budgetOf(l, level)
	return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "enabled", "budgetTokens": b}}),
		[]string{fmt.Sprintf("%s is older than Claude 4.6: extended thinking with a %s-token budget (Low 5000, Medium 15000, High 40000)", c, b)}
}

var levelRank = map[string]int{LevelLow: 0, LevelMedium: 1, LevelHigh: 2}

func geminiPreset(l *kodusline.Line, provider, model, level string) (map[string]any, []string) {
	if level == LevelOff {
		return map[string]any{}, []string{fmt.Sprintf("Off: %s sends nothing for Gemini, so Google's own default thinking stays on", l.Name)}
	}
	g := parseGemini(model)
	switch {
	case g.levels():
		lv, notes := level, []string{}
		if avail := l.Reasoning.GeminiLevels(model); avail != nil && !slices.Contains(avail, level) {
			if provider == catalog.GoogleGemini {
				lv = roundUp(avail, level)
				notes = append(notes, fmt.Sprintf("%s takes only thinkingLevel %s: %s rounds %q up to %q", g, strings.Join(avail, " and "), l.Name, level, lv))
			} else {
				notes = append(notes, fmt.Sprintf("%s takes only thinkingLevel %s, and %s's Vertex module sends %q as it is", g, strings.Join(avail, " and "), l.Name, level))
			}
		}
		return obj("google", map[string]any{"thinkingConfig": map[string]any{"thinkingLevel": lv}}),
			append([]string{fmt.Sprintf("%s: thinkingLevel %q", g, lv)}, notes...)
	case l.Reasoning.GeminiBudgetModel(model):
		b := l.Reasoning.Budgets[level]
		note := fmt.Sprintf("%s: thinkingBudget %d tokens (Low 5000, Medium 15000, High 40000)", g, b)
		if r, ok := l.Reasoning.GeminiBudgetRange(model); ok && provider == catalog.GoogleGemini && (b < r.Min || b > r.Max) {
			b = max(r.Min, min(b, r.Max))
			note = fmt.Sprintf("%s: thinkingBudget %d tokens: %s clamps the level's budget to the model's range, %d to %d", g, b, l.Name, r.Min, r.Max)
		} else if provider == catalog.GoogleVertex {
			note += fmt.Sprintf("; %s's Vertex module sends the budget unclamped", l.Name)
		}
		return obj("google", map[string]any{"thinkingConfig": map[string]any{"thinkingBudget": json.Number(fmt.Sprint(b))}}), []string{note}
	}
	return map[string]any{}, []string{fmt.Sprintf("%q is not a Gemini id with thinking %s maps: nothing is sent", model, l.Name)}
}

func roundUp(avail []string, level string) string {
	best := ""
	for _, a := range avail {
		if levelRank[a] >= levelRank[level] && (best == "" || levelRank[a] < levelRank[best]) {
			best = a
		}
	}
	if best == "" {
		best = avail[len(avail)-1]
	}
	return best
}

func openRouterPreset(l *kodusline.Line, model, level string) (map[string]any, []string) {
	f := l.Reasoning.Family(model)
	if level == LevelOff {
		if f.Known && f.ThinksByDefault && f.CanDisable {
			return obj("openrouter", map[string]any{"reasoning": map[string]any{"effort": "none"}}),
				[]string{fmt.Sprintf("Off: %s thinks by default and can stop, so %s sends reasoning.effort \"none\"", f.Label, l.Name)}
		}
		return map[string]any{}, []string{"Off: nothing is sent; the upstream model's default applies"}
	}
	return obj("openrouter", map[string]any{"reasoning": map[string]any{"effort": level}}),
		[]string{fmt.Sprintf("OpenRouter: reasoning.effort %q, which OpenRouter translates for the upstream model", level)}
}

func compatiblePreset(l *kodusline.Line, model, level string) (map[string]any, []string) {
	f := l.Reasoning.Family(model)
	off := map[string]any{"thinking": map[string]any{"type": "disabled"}}
	on := map[string]any{"thinking": map[string]any{"type": "enabled"}}
	if level == LevelOff {
		switch {
		case f.ThinksByDefault && f.CanDisable:
			return obj("openaiCompatible", off), []string{fmt.Sprintf("Off: %s thinks by default and can stop, so %s sends thinking.type \"disabled\"", f.Label, l.Name)}
		case f.ThinksByDefault:
			return map[string]any{}, []string{fmt.Sprintf("Off: %s always thinks and cannot be turned off: nothing is sent, and %s's Test refuses Off for it", f.Label, l.Name)}
		}
		return map[string]any{}, []string{"Off: nothing is sent; the model's default applies"}
	}
	switch {
	case !f.Known && l.Reasoning.IsOpenAIReasoner(model):
		return obj("openaiCompatible", map[string]any{"reasoningEffort": level}),
			[]string{fmt.Sprintf("%q is an OpenAI reasoning id behind an OpenAI-compatible server: reasoningEffort %q", model, level)}
	case !f.Known:
		return map[string]any{}, []string{fmt.Sprintf("%q is not a model family %s recognises: it sends nothing to an OpenAI-compatible server (a strict server such as vLLM rejects unknown fields)", model, l.Name)}
	case !f.ThinksByDefault && f.Effort == kodusline.EffortNone:
		return map[string]any{}, []string{fmt.Sprintf("%s does not think: nothing is sent", f.Label)}
	}
	switch f.Effort {
	case kodusline.EffortScale:
		scaled := l.Reasoning.CompatibleScale[level]
		on["reasoningEffort"] = scaled
		return obj("openaiCompatible", on), []string{fmt.Sprintf("%s takes an effort with thinking on, on Kodus's scale (Low → low, Medium → high, High → max): thinking.type \"enabled\" and reasoningEffort %q", f.Label, scaled)}
	case kodusline.EffortOnly, kodusline.EffortAdaptiveOnly:
		return obj("openaiCompatible", map[string]any{"reasoningEffort": level}), []string{fmt.Sprintf("%s takes an effort alone: reasoningEffort %q", f.Label, level)}
	}
	return obj("openaiCompatible", on), []string{fmt.Sprintf("%s takes thinking on or off only (Moonshot rejects thinking together with reasoning_effort): thinking.type \"enabled\"; the level is not sent", f.Label)}
}

// anthropicRootPreset: anthropic_compatible and the moonshot and zai
// brands, all over the Anthropic protocol.
func anthropicRootPreset(l *kodusline.Line, provider, model, level string) (map[string]any, []string) {
	f := l.Reasoning.Family(model)
	var gen kodusline.ClaudeGeneration
	claudeOK := false
	if c := parseClaude(model); c.known && isClaude(model) {
		gen, claudeOK = l.Reasoning.ClaudeGeneration(c.family, c.major, c.minor)
	}
	who := providerName(l, provider)
	if level == LevelOff {
		switch {
		case f.Effort == kodusline.EffortAdaptiveOnly:
			return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "adaptive"}}),
				[]string{fmt.Sprintf("Off: %s requires the adaptive thinking shape, so %s sends thinking {type: \"adaptive\"} (it cannot be turned off)", f.Label, l.Name)}
		case f.CanDisable:
			return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "disabled"}}),
				[]string{fmt.Sprintf("Off: %s sends thinking {type: \"disabled\"} to %s for %s", l.Name, who, f.Label)}
		}
		return map[string]any{}, []string{fmt.Sprintf("Off: %s always thinks and cannot be turned off: nothing is sent, and %s's Test refuses Off for it", f.Label, l.Name)}
	}
	switch {
	case f.Effort == kodusline.EffortOnly:
		return map[string]any{}, []string{fmt.Sprintf("%s takes an effort alone, which the anthropic namespace cannot carry: nothing is sent", f.Label)}
	case f.Effort == kodusline.EffortAdaptiveOnly:
		return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "adaptive"}}), []string{fmt.Sprintf("%s: thinking {type: \"adaptive\"} only; the level is not sent", f.Label)}
	case claudeOK && gen.Preset == "adaptive":
		return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "adaptive"}, "effort": level}),
			[]string{fmt.Sprintf("a Claude id behind %s (%s): adaptive thinking steered by effort %q", who, gen.Label, level)}
	case f.Known && !f.ThinksByDefault:
		return map[string]any{}, []string{fmt.Sprintf("%s does not think: nothing is sent", f.Label)}
	}
	b := budgetOf(l, level)
	notes := []string{fmt.Sprintf("%s over the Anthropic protocol: thinking {type: \"enabled\"} with a %s-token budget (Low 5000, Medium 15000, High 40000)", f.Label, b)}
	if f.ID == "glm-5.3" || f.ID == "kimi-k3" {
		notes = append(notes, fmt.Sprintf("%s wants a top-level reasoning_effort, which the anthropic namespace cannot carry: it gets the budget hint only", f.Label))
	}
	return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "enabled", "budgetTokens": b}}), notes
}
