package studio

import (
	"fmt"
	"strings"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/thinking"
)

// FallbackIgnores are the settings Kodus reads from the Main slot only:
// reasoning (a level or Custom JSON), OpenRouter routing and the max input
// tokens (kodus-ai base-code-review-agent.provider.ts and
// commentManager.service.ts read them from byokConfig.main:
// https://github.com/kodustech/kodus-ai/blob/main/libs/code-review/infrastructure/agents/base-code-review-agent.provider.ts).
// The GUI hides them on a Fallback; a Fallback that holds them (saved by
// the command line or an older version) says they are not used.
var FallbackIgnores = []string{"reasoningEffort", "reasoningConfigOverride", "openrouterProviderOrder", "openrouterAllowFallbacks", "maxInputTokens"}

// fallbackIgnored names what a Fallback slot holds that Kodus does not
// use: "Thinking Medium", "Max input tokens 100000".
func fallbackIgnored(sl profile.Slot) []string {
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
func sentRouting(sl profile.Slot) (order []string, allow *bool) {
	res, err := thinking.Build(thinkingInput(sl))
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
