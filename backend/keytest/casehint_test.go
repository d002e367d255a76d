package keytest

import (
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// Hints speak of the user's own case: the provider's key page, this
// model's plans, this plan's cap, and no base URL the user never typed.
func TestCaseHints(t *testing.T) {
	mid := &Tester{Line: kodusline.MustGet(kodusline.Mid2026)}
	cur := &Tester{Line: kodusline.MustGet(kodusline.Current)}
	openai := Settings{Provider: "openai", Model: "gpt-5.4"}
	glmCoding := Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan", BaseURL: "https://api.z.ai/api/coding/paas/v4"}
	kimiCode := Settings{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code", BaseURL: "https://api.kimi.com/coding/v1"}
	local := Settings{Provider: "openai_compatible", Model: "llama3.1", BaseURL: "http://localhost:11434/v1"}
	zaiCoding := Settings{Provider: "zai", Model: "glm-5.2", Plan: "coding-plan"}
	cases := []struct {
		name    string
		tr      *Tester
		s       Settings
		code    Code
		want    []string
		notWant []string
	}{
		{"OpenAI 401 speaks of OpenAI keys", mid, openai, CodeAuth, []string{"OpenAI key", "platform.openai.com/api-keys"}, []string{"GLM", "Kimi", "Plan"}},
		{"GLM 401 names its own plans", mid, glmCoding, CodeAuth, []string{"Z.ai key", "Developer API, Coding Plan", "z.ai/subscribe"}, []string{"Kimi"}},
		{"Kimi Code 401 names its plans and its own key", mid, kimiCode, CodeAuth, []string{"Kimi Code Plan key", "Developer API, Kimi Code Plan", "kimi.com/code"}, []string{"GLM", "Moonshot AI key"}},
		{"a generic 429 quotes no plan cap", mid, openai, CodeRateLimit, []string{"lower Max concurrent requests."}, []string{"GLM", "Kimi", "30"}},
		{"the Coding Plan's 429 quotes its tiers", mid, glmCoding, CodeRateLimit, []string{"Coding Plan: Lite/Pro up to 1, Max up to 30"}, []string{"Kimi"}},
		{"Kimi Code's 429 quotes its cap", mid, kimiCode, CodeRateLimit, []string{"Kimi Code Plan: up to 30 at once"}, []string{"GLM"}},
		{"DNS on a plan's fixed endpoint: no URL to check", mid, glmCoding, CodeNetwork, []string{"the Coding Plan's own, not one you typed", "online"}, []string{"base URL"}},
		{"DNS on a default endpoint", mid, openai, CodeNetwork, []string{"OpenAI's own"}, []string{"base URL"}},
		{"DNS on a typed URL: check it", mid, local, CodeNetwork, []string{"base URL"}, nil},
		{"timeout on a typed URL", mid, local, CodeTimeout, []string{"base URL"}, []string{"--timeout"}},
		{"Kodus latest: GLM 5.2 on zai, the Coding Plan's cap and key page", cur, zaiCoding, CodeRateLimit, []string{"Coding Plan: Lite/Pro up to 1, Max up to 30"}, []string{"Kimi"}},
		{"Kodus latest: DNS on the plan's own endpoint", cur, zaiCoding, CodeNetwork, []string{"the Coding Plan's own, not one you typed"}, []string{"base URL"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &run{t: c.tr, s: c.s}
			h := r.caseHint(c.code)
			for _, w := range c.want {
				if !strings.Contains(h, w) {
					t.Errorf("hint %q lacks %q", h, w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(h, w) {
					t.Errorf("hint %q has %q", h, w)
				}
			}
		})
	}
}
