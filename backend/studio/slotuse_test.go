package studio

import (
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
)

// A Fallback says which of its settings Kodus does not use; a Main's
// pins show as sent when its Custom JSON sets its own.
func TestViewsSayWhatIsSent(t *testing.T) {
	s := newStudio(t)
	orKey := "sk-or-v1-" + "FAKE0123456789abcdef0123456789abcdef0123456789abcdef01234567"
	main := profile.Slot{
		Settings: profile.Settings{
			Provider:                "open_router",
			Model:                   "moonshotai/kimi-k2.5",
			ReasoningEffort:         "custom",
			ReasoningConfigOverride: `{"openrouter": {"provider": {"order": ["deepinfra"]}}}`,
			OpenRouterProviderOrder: []string{"moonshot"},
		},
	}
	save(t, s, "p", profile.SlotMain, main, orKey)
	v := mustView(t, s, "p")
	if v.Main.RoutingSent == nil || strings.Join(v.Main.RoutingSent.Order, ",") != "deepinfra" {
		t.Errorf("routing sent = %+v", v.Main.RoutingSent)
	}
	if len(v.AdviceCodes) != len(v.Advice) || v.AdviceCodes[0] != AdviceNoFallback {
		t.Errorf("advice %v codes %v", v.Advice, v.AdviceCodes)
	}

	fb := profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6", ReasoningEffort: "high", MaxInputTokens: profile.Ptr(100000), MaxOutputTokens: profile.Ptr(8000)}}
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

// Kodus latest gives each model its own reasoning: its Fallback ignores
// nothing, and the editor hides nothing there.
func TestCurrentLineFallbackUsesEverything(t *testing.T) {
	env := map[string]string{"KODUS_BYOK_HOME": t.TempDir(), "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "test-pass"}
	s, err := openAll(Options{Getenv: func(k string) string { return env[k] }, Line: kodusline.Current})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.mainOnly(profile.SlotFallback); len(got) != 0 {
		t.Errorf("main-only on a current-line Fallback = %v", got)
	}
	save(t, s, "p", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, anthropicKey)
	save(t, s, "p", profile.SlotFallback, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-opus-4-7", ReasoningEffort: "high", MaxInputTokens: profile.Ptr(100000)}}, anthropicKey)
	if v := mustView(t, s, "p"); v.Fallback.Ignored != nil {
		t.Errorf("ignored = %v", v.Fallback.Ignored)
	}
	mid := newStudio(t)
	if got := mid.mainOnly(profile.SlotFallback); len(got) != len(FallbackIgnores) || len(mid.mainOnly(profile.SlotMain)) != 0 {
		t.Errorf("mid-2026 main-only = %v", got)
	}
}
