package envfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
)

// notCarried lists the profile's settings Fixed Mode has no variable for,
// each with what happens without it: the fallback, concurrency, reasoning,
// token limits and routing exist only in a BYOK slot
// (https://github.com/kodustech/kodus-ai/blob/main/libs/llm/managed-slot.ts).
func notCarried(src Source, route string) []NotCarried {
	s := src.Main
	var out []NotCarried
	add := func(setting, value, consequence string) {
		out = append(out, NotCarried{Setting: setting, Value: value, Consequence: consequence})
	}
	if fb := src.Fallback; fb != nil {
		add("Fallback model", fb.Model+" ("+providerName(*fb, src.Catalog)+")",
			"Fixed Mode has no fallback: when the main model fails (429, 5xx, timeout) the review fails instead of retrying on the fallback.")
	}
	if c := s.MaxConcurrentRequests; c != nil {
		cons := "Fixed Mode applies no concurrency cap: Kodus sends as many parallel requests as it has work."
		if s.Plan == "coding-plan" || (*c == 1 && strings.Contains(s.BaseURL, "/coding/")) {
			cons = "Fixed Mode applies no concurrency cap: the GLM Coding Plan (Lite/Pro) allows 1 request at a time, so parallel review calls get HTTP 429 \"Too much concurrency\"."
		} else if s.Plan == "kimi-code" || s.Plan == "code-plan" {
			cons = "Fixed Mode applies no concurrency cap: the Kimi Code Plan allows 30 concurrent requests, and calls beyond that get HTTP 429."
		}
		add("Max concurrent requests", strconv.Itoa(*c), cons)
	}
	if row, ok := thinkingNotCarried(src, route); ok {
		out = append(out, row)
	}
	if v := s.MaxOutputTokens; v != nil {
		add("Max output tokens", strconv.Itoa(*v), "Kodus's own per-call limits apply: a long review can be cut off, or cost more than you planned.")
	}
	if v := s.MaxInputTokens; v != nil {
		add("Max input tokens", strconv.Itoa(*v), "Kodus does not trim prompts to your limit.")
	}
	if s.Provider == catalog.OpenRouter && (len(s.OpenRouterProviderOrder) > 0 || s.OpenRouterAllowFallbacks != nil) {
		val := strings.Join(s.OpenRouterProviderOrder, ", ")
		if f := s.OpenRouterAllowFallbacks; f != nil {
			val = strings.TrimPrefix(val+fmt.Sprintf("; fallbacks %s", onOff(*f)), "; ")
		}
		add("OpenRouter routing", val,
			"OpenRouter may serve the model from any upstream: quality, speed and price can differ from the provider you pinned.")
	}
	if s.Provider == catalog.Anthropic && s.BaseURL != "" && !strings.Contains(s.BaseURL, "api.anthropic.com") {
		add("Base URL", s.BaseURL, "Fixed Mode sends claude- models to api.anthropic.com; a base URL there would route them through the OpenAI-compatible client instead, so it is left out.")
	}
	if s.Provider == catalog.GoogleGemini && s.BaseURL != "" {
		add("Base URL", s.BaseURL, "Fixed Mode calls Google AI Studio directly; a base URL would route the model through the OpenAI-compatible client, so it is left out.")
	}
	return out
}

func providerName(s profile.Slot, cat *catalog.Catalog) string {
	if m, ok := cat.ModelForSlot(s.Provider, s.Model); ok {
		return m.ProviderLabel(cat)
	}
	if p, ok := cat.Provider(s.Provider); ok {
		return p.DisplayName
	}
	return s.Provider
}

func onOff(b bool) string {
	if b {
		return "allowed"
	}
	return "off"
}

func compact(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}
