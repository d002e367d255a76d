package studio

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/store"
)

func TestPreviewThinking(t *testing.T) {
	s := newStudio(t)
	draft, err := s.draft("kimi-k2.6", "")
	if err != nil {
		t.Fatal(err)
	}
	in := InputFromSlot(draft)
	p := s.PreviewThinking(profile.SlotMain, in)
	got, _ := json.Marshal(p.ProviderOptions)
	if string(got) != `{"openaiCompatible":{"thinking":{"type":"enabled"}}}` || len(p.Problems) != 0 || !strings.Contains(strings.Join(p.Notes, ";"), "the level is ignored") {
		t.Errorf("kimi medium preview = %s %q %v", got, p.Notes, p.Problems)
	}
	if p.Example == "" || !strings.Contains(p.Example, `"type": "enabled"`) {
		t.Errorf("example = %q", p.Example)
	}

	// The catalog alias is applied before the generation is read.
	p = s.PreviewThinking(profile.SlotFallback, SlotInput{Provider: "anthropic", Model: "claude-opus-4-7", ReasoningEffort: "high"})
	got, _ = json.Marshal(p.ProviderOptions)
	if string(got) != `{"anthropic":{"effort":"high","thinking":{"type":"adaptive"}}}` || !strings.Contains(strings.Join(p.Notes, ";"), "from the Main slot only") {
		t.Errorf("opus fallback preview = %s %q", got, p.Notes)
	}

	// Invalid JSON: problems with their place, and nothing to send.
	in.ReasoningEffort, in.ReasoningConfigOverride = "custom", "\n{\n  \"thinking\": {\"type\": \"disabled\"},\n}"
	p = s.PreviewThinking(profile.SlotMain, in)
	if len(p.Problems) != 1 || p.Problems[0].Line != 3 || p.Problems[0].Column != 35 || len(p.ProviderOptions) != 0 {
		t.Errorf("invalid preview = %+v", p)
	}
	// Fixed, it previews; the leading blank line is kept so lines match.
	in.ReasoningConfigOverride = "\n{\n  \"thinking\": {\"type\": \"disabled\"}\n}\n\n"
	p = s.PreviewThinking(profile.SlotMain, in)
	got, _ = json.Marshal(p.ProviderOptions)
	if string(got) != `{"openaiCompatible":{"thinking":{"type":"disabled"}}}` || len(p.Problems) != 0 {
		t.Errorf("fixed preview = %s %v", got, p.Problems)
	}

	p = s.PreviewThinking(profile.SlotMain, SlotInput{Provider: "openai", Model: "gpt-5.4", ReasoningEffort: "turbo"})
	if p.Error == "" || len(p.ProviderOptions) != 0 {
		t.Errorf("unknown level preview = %+v", p)
	}
}

// The GUI's live check and the save refuse a bad Custom JSON with the same
// line/column message as the preview.
func TestCheckSlotRefusesBadOverride(t *testing.T) {
	s := newStudio(t)
	in := SlotInput{Provider: "anthropic", Model: "claude-sonnet-4-6", ReasoningEffort: "custom", ReasoningConfigOverride: "{\"effort\": \"high\",}"}
	c := s.CheckSlot("team", profile.SlotMain, in)
	if len(c.FieldErrors) != 1 || c.FieldErrors[0].Field != "reasoningConfigOverride" || !strings.HasPrefix(c.FieldErrors[0].Rule, "line 1, column 18: trailing comma") {
		t.Errorf("check = %+v", c.FieldErrors)
	}
	key := anthropicKey
	res, err := s.SaveSlot(t.Context(), SaveSlotRequest{Profile: "team", Slot: profile.SlotMain, Config: in, APIKey: key})
	if err != nil || res.Saved || len(res.FieldErrors) != 1 {
		t.Fatalf("save = %+v, %v", res, err)
	}
	if _, err := s.store.Profile("team"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused save stored the profile: %v", err)
	}
	// A level with leftover JSON is refused too: Kodus would let the JSON win.
	in.ReasoningEffort, in.ReasoningConfigOverride = "high", `{"effort": "low"}`
	if c := s.CheckSlot("team", profile.SlotMain, in); len(c.FieldErrors) != 1 || !strings.Contains(c.FieldErrors[0].Rule, "only when reasoningEffort is custom") {
		t.Errorf("level + JSON = %+v", c.FieldErrors)
	}
}

func TestProviderOptionsOfSavedSlot(t *testing.T) {
	s := newStudio(t)
	no := false
	draft, _ := s.draft("claude-sonnet-4-6", "")
	save(t, s, "team", profile.SlotMain, draft, anthropicKey)
	save(t, s, "team", profile.SlotFallback, profile.Slot{
		Settings: profile.Settings{
			Provider:                 "open_router",
			Model:                    "moonshotai/kimi-k2.5",
			ReasoningEffort:          "low",
			OpenRouterProviderOrder:  []string{"moonshot"},
			OpenRouterAllowFallbacks: &no,
		},
	}, "sk-or-v1-"+"FAKE0123456789abcdef")

	res, err := s.ProviderOptions("team", profile.SlotFallback)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(res.ProviderOptions)
	if string(got) != `{"openrouter":{"provider":{"allow_fallbacks":false,"order":["moonshot"]},"reasoning":{"effort":"low"}}}` {
		t.Errorf("fallback options = %s", got)
	}
	if _, err := s.ProviderOptions("nobody", profile.SlotMain); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown profile: %v", err)
	}
	if _, err := s.ProviderOptions("team", "third"); profile.AsFieldErrors(err) == nil {
		t.Errorf("bad slot: %v", err)
	}
}
