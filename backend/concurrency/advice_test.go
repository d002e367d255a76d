package concurrency

import (
	"slices"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
)

func glmCoding(n *int) profile.Slot {
	return profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan", BaseURL: "https://api.z.ai/api/coding/paas/v4", MaxConcurrentRequests: n}}
}

func kimiCode(n *int) profile.Slot {
	return profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code", BaseURL: "https://api.kimi.com/coding/v1", MaxConcurrentRequests: n}}
}

func native(provider, model string, n *int) profile.Slot {
	return profile.Slot{Settings: profile.Settings{Provider: provider, Model: model, MaxConcurrentRequests: n}}
}

func TestAdvise(t *testing.T) {
	p := profile.Ptr[int]
	sonnet := native("anthropic", "claude-sonnet-4-6", nil)
	gemini := native("google_gemini", "gemini-3.1-pro-preview-customtools", nil)
	cases := []struct {
		name     string
		main     profile.Slot
		fallback *profile.Slot
		measured map[string]int
		warnings []string
		tips     []string
	}{
		{"a good setup", sonnet, &gemini, nil, nil, nil},
		{"GLM Coding Plan alone", glmCoding(p(1)), nil, nil, []string{"tight-solo"}, []string{"glm-max-raise", "byok-only"}},
		{"GLM Coding Plan without a limit", glmCoding(nil), &sonnet, nil, []string{"tight-unlimited"}, nil},
		{"GLM Coding Plan at 0", glmCoding(p(0)), &sonnet, nil, []string{"tight-unlimited"}, nil},
		{"GLM Coding Plan above Max", glmCoding(p(40)), &sonnet, nil, []string{"above-plan-limit"}, []string{"glm-tier", "conserve-window", "byok-only"}},
		{"Kimi Code above its cap", kimiCode(p(50)), &sonnet, nil, []string{"above-plan-limit"}, []string{"conserve-window", "byok-only"}},
		{"Kimi Code alone", kimiCode(p(30)), nil, nil, []string{"tight-solo"}, []string{"conserve-window", "byok-only"}},
		{"0 on a pay-per-token provider", native("openai", "gpt-5.4", p(0)), &sonnet, nil, []string{"zero-is-unlimited"}, nil},
		{"same provider", sonnet, &profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-opus-4-7"}}, nil, []string{"same-provider"}, nil},
		{"both Z.ai plans", glmCoding(p(1)), &profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas", BaseURL: "https://api.z.ai/api/paas/v4/"}}, nil, []string{"same-provider"}, []string{"glm-max-raise", "byok-only"}},
		{"tight fallback", sonnet, ptrSlot(glmCoding(p(1))), nil, nil, []string{"glm-max-raise", "byok-only", "fallback-tight"}},
		{"low cap on pay-per-token", native("openai", "gpt-5.4", p(2)), &sonnet, nil, nil, []string{"raise", "byok-only"}},
		{"above the measured cap", native("openai", "gpt-5.4", p(20)), &sonnet, map[string]int{"main": 8}, []string{"above-measured-cap"}, []string{"byok-only"}},
		{"at the measured cap", native("openai", "gpt-5.4", p(2)), &sonnet, map[string]int{"main": 2}, nil, []string{"byok-only"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list := Advise(kodusline.MustGet(kodusline.Mid2026).Catalog(), profile.Profile{Name: "x", Main: c.main, Fallback: c.fallback}, c.measured)
			var warnings, tips []string
			for _, a := range list {
				if a.Message == "" || (a.Severity != Warning && a.Severity != Tip) {
					t.Errorf("bad advice %+v", a)
				}
				if a.Severity == Warning {
					warnings = append(warnings, a.Code)
				} else {
					tips = append(tips, a.Code)
				}
			}
			if !slices.Equal(warnings, c.warnings) || !slices.Equal(tips, c.tips) {
				t.Errorf("warnings %v tips %v, want %v %v\n%+v", warnings, tips, c.warnings, c.tips, list)
			}
			if got := Warnings(list); len(got) != len(c.warnings) {
				t.Errorf("Warnings() = %v", got)
			}
		})
	}
}

func ptrSlot(s profile.Slot) *profile.Slot { return &s }

func TestAdviceWording(t *testing.T) {
	p := profile.Ptr[int]
	list := Advise(kodusline.MustGet(kodusline.Mid2026).Catalog(), profile.Profile{Main: glmCoding(p(0))}, nil)
	msg := list[0].Message
	for _, want := range []string{"GLM Coding Plan", "0 means no limit in Kodus", "Too much concurrency", "Set it to 1"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
	if list[0].Suggested == nil || *list[0].Suggested != 1 {
		t.Errorf("suggested = %v", list[0].Suggested)
	}
	same := Advise(kodusline.MustGet(kodusline.Mid2026).Catalog(), profile.Profile{Main: native("anthropic", "claude-sonnet-4-6", nil), Fallback: ptrSlot(native("anthropic", "claude-haiku-4-5-20251001", nil))}, nil)
	if same[0].Message != "Main and Fallback both use Anthropic: an outage or rate limit there stops both. Use a different provider for Fallback." {
		t.Errorf("same-provider message = %q", same[0].Message)
	}
}
