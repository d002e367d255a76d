package thinking

import (
	"encoding/json"
	"fmt"

	"github.com/kodusbyok/studio/backend/catalog"
)

// budgets are Kodus's EFFORT_TO_BUDGET token budgets for the budget forms
// (older Claude, Gemini 2.5): kodus.md §3.1.
var budgets = map[string]int{LevelLow: 5000, LevelMedium: 15000, LevelHigh: 40000}

// Namespace is the providerOptions key each Kodus provider's adapter reads
// (Kodus's PROVIDER_OPTIONS_NAMESPACE); "" for a provider Kodus has none for.
func Namespace(provider string) string {
	switch provider {
	case catalog.Anthropic:
		return "anthropic"
	case catalog.GoogleGemini, catalog.GoogleVertex:
		return "google"
	case catalog.OpenAI:
		return "openai"
	case catalog.OpenRouter:
		return "openrouter"
	case catalog.OpenAICompatible, catalog.Novita:
		return "openaiCompatible"
	}
	return ""
}

// namespaces are the top-level keys that make Kodus pass a Custom JSON
// through untouched instead of wrapping it (langsmith included, as in
// Kodus's KNOWN_NAMESPACE_KEYS).
var namespaces = map[string]bool{"anthropic": true, "google": true, "openai": true, "openrouter": true, "openaiCompatible": true, "langsmith": true}

// preset is what Kodus sends for Low, Medium or High, with a note saying
// which rule produced it. The shapes are kodus.md §3.1.
func preset(provider, model, level string) (map[string]any, []string) {
	budget := json.Number(fmt.Sprint(budgets[level]))
	switch provider {
	case catalog.Anthropic:
		c := parseClaude(model)
		if c.adaptive() {
			return obj("anthropic", map[string]any{"thinking": map[string]any{"type": "adaptive"}, "effort": level}),
				[]string{fmt.Sprintf("Claude 4.6 and later (%s): adaptive thinking steered by effort %q", c, level)}
		}
		out := obj("anthropic", map[string]any{"thinking": map[string]any{"type": "enabled", "budgetTokens": budget}})
		if !c.known {
			return out, []string{fmt.Sprintf("%q is not a Claude id this app can date: Kodus sends the older budget form (%s tokens); Claude 4.7 and later reject it, so pick Custom with {\"thinking\": {\"type\": \"adaptive\"}, \"effort\": %q} for a newer model", model, budget, level)}
		}
		return out, []string{fmt.Sprintf("%s is older than Claude 4.6: extended thinking with a %s-token budget (Low 5000, Medium 15000, High 40000)", c, budget)}
	case catalog.GoogleGemini, catalog.GoogleVertex:
		g := parseGemini(model)
		if g.levels() {
			return obj("google", map[string]any{"thinkingConfig": map[string]any{"thinkingLevel": level}}),
				[]string{fmt.Sprintf("%s: thinkingLevel %q", g, level)}
		}
		out := obj("google", map[string]any{"thinkingConfig": map[string]any{"thinkingBudget": budget}})
		if !g.known {
			return out, []string{fmt.Sprintf("%q is not a Gemini id this app can date: Kodus sends the Gemini 2.5 budget form (%s tokens)", model, budget)}
		}
		return out, []string{fmt.Sprintf("%s: thinkingBudget %s tokens (Low 5000, Medium 15000, High 40000)", g, budget)}
	case catalog.OpenAI:
		return obj("openai", map[string]any{"reasoningEffort": level}), []string{fmt.Sprintf("OpenAI: reasoningEffort %q", level)}
	case catalog.OpenRouter:
		return obj("openrouter", map[string]any{"reasoning": map[string]any{"effort": level}}),
			[]string{fmt.Sprintf("OpenRouter: reasoning.effort %q, which OpenRouter translates for the upstream model", level)}
	case catalog.OpenAICompatible, catalog.Novita:
		notes := []string{"OpenAI-compatible: thinking is on or off only; Low, Medium and High all send thinking.type \"enabled\" (the level is ignored)"}
		if provider == catalog.Novita {
			// The issue maps Novita with the OpenAI-compatible providers (its
			// namespace is openaiCompatible); Kodus's agent-loop.ts up to
			// mid-2026 had no Novita case and sent nothing, so say so.
			notes = append(notes, "Novita: Kodus versions up to mid-2026 send no reasoning options for a Novita preset; if your Kodus is one of them, use Custom to be sure they are sent")
		}
		return obj("openaiCompatible", map[string]any{"thinking": map[string]any{"type": "enabled"}}), notes
	}
	return map[string]any{}, []string{fmt.Sprintf("Kodus has no thinking preset for provider %q: nothing is sent", provider)}
}

func obj(key string, v map[string]any) map[string]any { return map[string]any{key: v} }
