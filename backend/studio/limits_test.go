package studio

import (
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/profile"
)

func TestTokenWarnings(t *testing.T) {
	s := newStudio(t)
	gpt, err := s.draft("gpt-5.4", "")
	if err != nil {
		t.Fatal(err)
	}
	with := func(sl profile.Slot, out, in int) profile.Slot {
		sl.MaxOutputTokens, sl.MaxInputTokens = nil, nil
		if out > 0 {
			sl.MaxOutputTokens = profile.Ptr(out)
		}
		if in > 0 {
			sl.MaxInputTokens = profile.Ptr(in)
		}
		return sl
	}
	local := profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: "http://localhost:11434/v1"}}
	cases := []struct {
		name string
		slot profile.Slot
		want []string // field: a fragment of its rule
	}{
		{"defaults are fine", gpt, nil},
		{"both far above a 1.05M window", with(gpt, 2_000_000, 5_000_000), []string{
			"maxOutputTokens:128,000 output tokens GPT-5.4 can write",
			"maxInputTokens:GPT-5.4's 1,050,000-token context window: the cap never applies",
		}},
		{"each fits, together they overflow", with(gpt, 100_000, 1_000_000), []string{"maxInputTokens:plus max output 100,000"}},
		{"at the limits", with(gpt, 128_000, 900_000), nil},
		{"a model the app does not know is not checked", with(local, 2_000_000, 5_000_000), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := s.tokenWarnings(c.slot)
			if len(ws) != len(c.want) {
				t.Fatalf("warnings = %+v, want %v", ws, c.want)
			}
			for i, w := range c.want {
				field, frag, _ := strings.Cut(w, ":")
				if ws[i].Field != field || !strings.Contains(ws[i].Rule, frag) {
					t.Errorf("warning %d = %+v, want %s", i, ws[i], w)
				}
			}
		})
	}
}

func TestTokenWarningsReachCheckAndSave(t *testing.T) {
	s := newStudio(t)
	in := SlotInput{Provider: "anthropic", Model: "claude-opus-4-7", MaxOutputTokens: profile.Ptr(2_000_000)}
	check := s.CheckSlot("team", profile.SlotMain, in)
	if len(check.FieldErrors) != 0 || len(check.FieldWarnings) != 1 || check.FieldWarnings[0].Field != "maxOutputTokens" {
		t.Fatalf("check = %+v", check)
	}
	res := save(t, s, "team", profile.SlotMain, in.Slot(), anthropicKey)
	if !strings.Contains(strings.Join(res.Notices, "\n"), "max output tokens 2000000 is more than the 128,000 output tokens Claude Opus 4.7 can write") {
		t.Errorf("notices = %v", res.Notices)
	}
}
