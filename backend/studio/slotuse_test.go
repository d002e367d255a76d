package studio

import (
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/profile"
)

// A Fallback says which of its settings Kodus does not use; a Main's
// pins show as sent when its Custom JSON sets its own.
func TestViewsSayWhatIsSent(t *testing.T) {
	s := newStudio(t)
	orKey := "sk-or-v1-FAKE0123456789abcdef0123456789abcdef0123456789abcdef01234567"
	main := profile.Slot{Provider: "open_router", Model: "moonshotai/kimi-k2.5", ReasoningEffort: "custom",
		ReasoningConfigOverride: `{"openrouter": {"provider": {"order": ["deepinfra"]}}}`, OpenRouterProviderOrder: []string{"moonshot"}}
	save(t, s, "p", profile.SlotMain, main, orKey)
	v := mustView(t, s, "p")
	if v.Main.RoutingSent == nil || strings.Join(v.Main.RoutingSent.Order, ",") != "deepinfra" {
		t.Errorf("routing sent = %+v", v.Main.RoutingSent)
	}
	if len(v.AdviceCodes) != len(v.Advice) || v.AdviceCodes[0] != AdviceNoFallback {
		t.Errorf("advice %v codes %v", v.Advice, v.AdviceCodes)
	}

	fb := profile.Slot{Provider: "anthropic", Model: "claude-sonnet-4-6", ReasoningEffort: "high", MaxInputTokens: profile.Ptr(100000), MaxOutputTokens: profile.Ptr(8000)}
	save(t, s, "p", profile.SlotFallback, fb, anthropicKey)
	v = mustView(t, s, "p")
	if got := strings.Join(v.Fallback.Ignored, "; "); got != "Thinking High; Max input tokens 100000" {
		t.Errorf("fallback ignored = %q", got)
	}
	if v.Main.Ignored != nil || v.Fallback.RoutingSent != nil {
		t.Errorf("main ignored %v, fallback routing %+v", v.Main.Ignored, v.Fallback.RoutingSent)
	}

	// Pins sent as stored: nothing extra to say.
	plain := main
	plain.ReasoningEffort, plain.ReasoningConfigOverride = "medium", ""
	save(t, s, "q", profile.SlotMain, plain, orKey)
	if v := mustView(t, s, "q"); v.Main.RoutingSent != nil {
		t.Errorf("routing sent = %+v", v.Main.RoutingSent)
	}
}
