package thinking

import (
	"encoding/json"
	"fmt"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// budgets are Kodus's EFFORT_TO_BUDGET token budgets for the budget forms
// (older Claude, Gemini 2.5), as kodus-ai's agent-loop.ts mapped them up to
// selfhosted-2.1.x.
var budgets = map[string]int{LevelLow: 5000, LevelMedium: 15000, LevelHigh: 40000}

// NamespaceFor is the providerOptions key a provider's adapter reads on
// the line (Kodus's PROVIDER_OPTIONS_NAMESPACE, later each module's
// providerOptionsNamespace); "" for a provider the line has none for. On
// the current line, Claude on Vertex AI reads the anthropic namespace.
func NamespaceFor(l *kodusline.Line, provider, model string) string {
	l = lineOf(l)
	t, _ := l.Transport(provider)
	if modules(l) && provider == catalog.GoogleVertex && isClaude(model) {
		return "anthropic"
	}
	return t.Namespace
}

// presetFor is a level's preset on the line.
func presetFor(l *kodusline.Line, provider, model, level string) (map[string]any, []string) {
	if modules(l) {
		return modulePreset(l, provider, model, level)
	}
	return preset(provider, model, level)
}

// preset is what Kodus sends for Low, Medium or High, with a note saying
// which rule produced it. The shapes are those of Kodus selfhosted-2.1.x
// (its BYOK docs: https://docs.kodus.io/how_to_use/en/byok).
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
	case catalog.AmazonBedrock:
		return map[string]any{}, []string{"Kodus up to mid-2026 maps no reasoning for Amazon Bedrock: Low, Medium and High send nothing; only a Custom JSON reaches the request, passed through as written (name the bedrock namespace the AI SDK reads in it)"}
	}
	return map[string]any{}, []string{fmt.Sprintf("Kodus has no thinking preset for provider %q: nothing is sent", provider)}
}

func obj(key string, v map[string]any) map[string]any { return map[string]any{key: v} }
