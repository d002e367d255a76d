package thinking

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// The presets of Kodus latest's cloud modules: Amazon Bedrock (Claude
// only, under amazonBedrock.reasoningConfig) and Azure OpenAI (an o-series
// or gpt-5 deployment name, under azure.reasoningEffort).
// https://github.com/kodustech/kodus-ai/blob/main/libs/llm/providers/bedrock/index.ts
// https://github.com/kodustech/kodus-ai/blob/main/libs/llm/providers/azure/index.ts

// bedrockClaude is the Claude generation of a Bedrock model id.
func bedrockClaude(l *kodusline.Line, model string) (claude, kodusline.ClaudeGeneration, bool) {
	id, ok := bedrock.Claude(model)
	if !ok || !bedrock.IsAnthropic(model) {
		return claude{}, kodusline.ClaudeGeneration{}, false
	}
	c := parseClaude(id)
	if !c.known {
		return c, kodusline.ClaudeGeneration{}, false
	}
	g, ok := l.Reasoning.ClaudeGeneration(c.family, c.major, c.minor)
	return c, g, ok
}

func bedrockPreset(l *kodusline.Line, model, level string) (map[string]any, []string) {
	if !bedrock.IsAnthropic(model) {
		return map[string]any{}, []string{fmt.Sprintf("%s sends reasoning only for Claude on Bedrock: nothing is sent for %s (use Custom with amazonBedrock.additionalModelRequestFields for another family)", l.Name, model)}
	}
	c, gen, ok := bedrockClaude(l, model)
	if !ok {
		return map[string]any{}, []string{fmt.Sprintf("%q is not a Claude id %s recognises: either thinking shape is refused by the generation that does not take it, so nothing is sent", model, l.Name)}
	}
	if level == LevelOff {
		if gen.ThinksByDefault {
			return map[string]any{}, []string{fmt.Sprintf("Off: Bedrock has no explicit off (the AI SDK drops reasoningConfig {type: \"disabled\"}): nothing is sent and %s keeps thinking, so %s's Test refuses Off for it", c, l.Name)}
		}
		return map[string]any{}, []string{fmt.Sprintf("Off: nothing is sent; %s does not think unless asked", c)}
	}
	if gen.Preset == "adaptive" {
		return obj("amazonBedrock", map[string]any{"reasoningConfig": map[string]any{"type": "adaptive", "maxReasoningEffort": level}}),
			[]string{fmt.Sprintf("%s on Bedrock (%s): reasoningConfig {type: \"adaptive\", maxReasoningEffort: %q}, which the AI SDK sends as thinking {type: \"adaptive\"} and output_config.effort", c, gen.Label, level)}
	}
	b := budgetOf(l, level)
	return obj("amazonBedrock", map[string]any{"reasoningConfig": map[string]any{"type": "enabled", "budgetTokens": b}}),
		[]string{fmt.Sprintf("%s on Bedrock is older than Claude 4.6: reasoningConfig {type: \"enabled\", budgetTokens: %s} (Low 5000, Medium 15000, High 40000)", c, b)}
}

// bedrockTraits: Claude on Bedrock thinks like Claude, but cannot be told
// to stop (the SDK drops "disabled"); other families get nothing.
func bedrockTraits(l *kodusline.Line, model string) Traits {
	_, gen, ok := bedrockClaude(l, model)
	if !ok {
		return Traits{CanDisable: true}
	}
	return Traits{Known: true, ThinksByDefault: gen.ThinksByDefault, CanDisable: !gen.ThinksByDefault}
}

// bedrockTemperature: Claude on Bedrock follows the native Claude rule
// (4.7 and later refuse a temperature); other families take one.
func bedrockTemperature(l *kodusline.Line, model string) string {
	if !bedrock.IsAnthropic(model) {
		return policyFree
	}
	if _, gen, ok := bedrockClaude(l, model); ok {
		return gen.Temperature
	}
	return policyUnsupported
}

func azurePreset(l *kodusline.Line, model, level string) (map[string]any, []string) {
	if !l.Reasoning.IsOpenAIReasoner(model) {
		return map[string]any{}, []string{fmt.Sprintf("the deployment name %q does not look like an o-series or gpt-5 deployment: %s sends no reasoning for it (Azure deployment names are free text, and Kodus decides by the name)", model, l.Name)}
	}
	if level == LevelOff {
		return map[string]any{}, []string{"Off: nothing is sent; an o-series model cannot stop reasoning, and a gpt-5 deployment applies its own default"}
	}
	return obj("azure", map[string]any{"reasoningEffort": level}), []string{fmt.Sprintf("Azure OpenAI: reasoningEffort %q under the azure namespace, which the AI SDK sends as reasoning.effort", level)}
}
