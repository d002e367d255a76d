package studio

import (
	"fmt"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/thinking"
)

// FallbackIgnores are the settings a Kodus with the v1 BYOK shape reads
// from the Main slot only: reasoning (a level or Custom JSON), OpenRouter
// routing and the max input tokens (its base-code-review-agent.provider.ts
// and commentManager.service.ts read them from byokConfig.main:
// https://github.com/kodustech/kodus-ai/blob/main/libs/code-review/infrastructure/agents/base-code-review-agent.provider.ts).
// A line whose fallback carries its own reasoning (the v2 shape: each
// model has every field) ignores none of them.
var FallbackIgnores = []string{"reasoningEffort", "reasoningConfigOverride", "openrouterProviderOrder", "openrouterAllowFallbacks", "maxInputTokens"}

// mainOnly lists the fields the followed Kodus line does not read on this
// slot: FallbackIgnores on a v1 line's Fallback, else none. The GUI hides
// them there and saves without them.
func (s *core) mainOnly(slotName string) []string {
	if slotName != profile.SlotFallback || s.line().BYOK.FallbackReasoning {
		return []string{}
	}
	return FallbackIgnores
}

// fallbackIgnored names what a Fallback slot holds that the followed Kodus
// line does not use: "Thinking Medium", "Max input tokens 100000".
func (s *core) fallbackIgnored(sl profile.Slot) []string {
	if len(s.mainOnly(profile.SlotFallback)) == 0 {
		return nil
	}
	var out []string
	switch {
	case sl.ReasoningEffort == profile.EffortCustom || sl.ReasoningConfigOverride != "":
		out = append(out, "Thinking Custom (its JSON)")
	case sl.ReasoningEffort != "" && sl.ReasoningEffort != profile.EffortOff:
		out = append(out, "Thinking "+strings.ToUpper(sl.ReasoningEffort[:1])+sl.ReasoningEffort[1:])
	}
	if len(sl.OpenRouterProviderOrder) > 0 || sl.OpenRouterAllowFallbacks != nil {
		out = append(out, "OpenRouter routing")
	}
	if sl.MaxInputTokens != nil {
		out = append(out, fmt.Sprintf("Max input tokens %d", *sl.MaxInputTokens))
	}
	return out
}

// sentRouting is the OpenRouter routing Kodus sends for a Main slot, after
// a Custom JSON that sets its own: nil when nothing is sent.
func (s *core) sentRouting(sl profile.Slot) (order []string, allow *bool) {
	if sl.Provider != catalog.OpenRouter {
		return nil, nil // routing is OpenRouter's; spare building the options
	}
	res, err := thinking.Build(s.thinkingInput(sl))
	if err != nil {
		return nil, nil
	}
	or, _ := res.ProviderOptions["openrouter"].(map[string]any)
	p, _ := or["provider"].(map[string]any)
	if list, ok := p["order"].([]any); ok {
		for _, v := range list {
			if s, ok := v.(string); ok {
				order = append(order, s)
			}
		}
	}
	if b, ok := p["allow_fallbacks"].(bool); ok {
		allow = &b
	}
	return order, allow
}
