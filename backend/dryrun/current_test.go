package dryrun

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/thinking"
)

// The request Kodus latest sends for its Anthropic-protocol providers and
// its new presets, byte for byte (the temperature as Kodus sends it).
func TestRequestGoldenCurrent(t *testing.T) {
	l := kodusline.MustGet(kodusline.Current)
	cases := map[string]struct {
		provider, model, base, level string
		temp                         *float64
	}{
		"zai-glm-5-2-medium":        {"zai", "glm-5.2", "", "medium", f64(0)},
		"zai-glm-5-2-off":           {"zai", "glm-5.2", "https://api.z.ai/api/anthropic/v1", "off", f64(0)},
		"moonshot-kimi-k2-7-high":   {"moonshot", "kimi-k2.7-code", "", "high", f64(1)},
		"kimi-code-plan-low":        {"moonshot", "kimi-for-coding", "https://api.kimi.com/coding", "low", nil},
		"minimax-compatible-off":    {"anthropic_compatible", "MiniMax-M3.1", "https://api.minimax.io/anthropic", "off", f64(1)},
		"sonnet-4-6-off":            {"anthropic", "claude-sonnet-4-6", "", "off", f64(0)},
		"glm-5-2-compatible-medium": {"openai_compatible", "glm-5.2", "https://api.z.ai/api/paas/v4/", "medium", f64(0)},
		"novita-high":               {"novita", "deepseek/deepseek-r1", "", "high", f64(0.6)},
	}
	r := &Runner{Tester: &keytest.Tester{Line: l, UserAgent: "kodus-byok/test (Kodus BYOK Studio settings dry run)"}}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			th, err := thinking.Build(thinking.Input{Line: l, Provider: c.provider, Model: c.model, Effort: c.level})
			if err != nil {
				t.Fatal(err)
			}
			temp, _ := thinking.WireTemperature(l, c.provider, c.model, c.level, c.temp)
			in := Input{Provider: c.provider, Model: c.model, BaseURL: c.base, Temperature: temp, MaxOutputTokens: intp(16384), ProviderOptions: th.ProviderOptions}
			req, err := r.Build(in, secrets.NewSecret("FAKE-key-0123456789abcdef"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(c.provider, "zai") || c.provider == "moonshot" || c.provider == "anthropic_compatible" {
				if !strings.HasSuffix(req.URL, "/v1/messages") || strings.Contains(req.URL, "/v1/v1") || req.Headers["X-Api-Key"] != "[redacted]" {
					t.Errorf("request = %s %v", req.URL, req.Headers)
				}
			}
			compareGolden(t, filepath.Join("testdata", "golden-current", name+".json"), shown(t, req))
		})
	}
}
