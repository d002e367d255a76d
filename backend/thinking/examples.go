package thinking

import (
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// Example is a Custom JSON for the provider and model, to show as the
// editor's placeholder: Kodus's per-provider placeholders, updated where
// they no longer hold (Claude 4.7+ rejects the budget form; OpenRouter's
// routing fields belong under provider), or the line's own placeholder for
// a provider it has one for. Every example passes CheckOverride.
func Example(l *kodusline.Line, provider, model string) string {
	l = lineOf(l)
	if ex, ok := l.Reasoning.Examples[provider]; ok && modules(l) {
		return ex
	}
	if modules(l) && provider == catalog.GoogleVertex && isClaude(model) {
		provider = catalog.Anthropic
	}
	switch provider {
	case catalog.Anthropic:
		if parseClaude(model).adaptive() {
			return "{\n  \"thinking\": { \"type\": \"adaptive\" },\n  \"effort\": \"high\"\n}"
		}
		return "{\n  \"thinking\": { \"type\": \"enabled\", \"budgetTokens\": 25000 }\n}"
	case catalog.GoogleGemini, catalog.GoogleVertex:
		if parseGemini(model).levels() {
			return "{\n  \"thinkingConfig\": { \"thinkingLevel\": \"high\" }\n}"
		}
		return "{\n  \"thinkingConfig\": { \"thinkingBudget\": 16000 }\n}"
	case catalog.OpenAI:
		if notReasoningRE.MatchString(strings.ToLower(model)) {
			return "{\n  \"serviceTier\": \"flex\"\n}"
		}
		return "{\n  \"reasoningEffort\": \"high\",\n  \"serviceTier\": \"flex\"\n}"
	case catalog.OpenRouter:
		return "{\n  \"reasoning\": { \"effort\": \"high\" },\n  \"provider\": { \"ignore\": [\"deepinfra\"], \"data_collection\": \"deny\" }\n}"
	}
	return "{\n  \"thinking\": { \"type\": \"enabled\" }\n}"
}
