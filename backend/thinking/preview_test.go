package thinking

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/golden"
)

// The preview the GUI and `kodus-byok options` show, as golden files: what
// is sent and every note, or the problems of an invalid override.
func TestPreviewGolden(t *testing.T) {
	no := false
	cases := map[string]Input{
		"sonnet-4-6-medium":        {Provider: "anthropic", Model: "claude-sonnet-4-6", Effort: "medium"},
		"opus-4-7-high":            {Provider: "anthropic", Model: "claude-opus-4-7", Effort: "high"},
		"sonnet-4-5-low":           {Provider: "anthropic", Model: "claude-sonnet-4-5-20250929", Effort: "low"},
		"gemini-3-1-pro-medium":    {Provider: "google_gemini", Model: "gemini-3.1-pro-preview-customtools", Effort: "medium"},
		"gemini-2-5-pro-high":      {Provider: "google_gemini", Model: "gemini-2.5-pro", Effort: "high"},
		"gpt-5-4-medium":           {Provider: "openai", Model: "gpt-5.4", Effort: "medium"},
		"kimi-k2-6-high":           {Provider: "openai_compatible", Model: "kimi-k2.6", Effort: "high"},
		"glm-5-1-off":              {Provider: "openai_compatible", Model: "glm-5.1", Effort: "off"},
		"novita-medium":            {Provider: "novita", Model: "deepseek/deepseek-r1", Effort: "medium"},
		"openrouter-pinned-medium": {Provider: "open_router", Model: "moonshotai/kimi-k2.5", Effort: "medium", OpenRouterOrder: []string{"moonshot", "together"}, OpenRouterAllowFallbacks: &no},
		"openrouter-custom-merge": {Provider: "open_router", Model: "moonshotai/kimi-k2.5", Effort: "custom", OpenRouterOrder: []string{"moonshot"}, OpenRouterAllowFallbacks: &no,
			Override: "{\n  \"reasoning\": { \"effort\": \"high\" },\n  \"provider\": { \"ignore\": [\"deepinfra\"], \"allow_fallbacks\": true }\n}"},
		"custom-drops-effort":    {Provider: "anthropic", Model: "claude-sonnet-4-6", Effort: "custom", Override: `{"thinking": {"type": "adaptive"}}`},
		"custom-trailing-comma":  {Provider: "anthropic", Model: "claude-sonnet-4-6", Effort: "custom", Override: "{\n  \"thinking\": { \"type\": \"adaptive\" },\n  \"effort\": \"high\",\n}"},
		"custom-missing-comma":   {Provider: "openai", Model: "gpt-5.4", Effort: "custom", Override: "{\n  \"reasoningEffort\": \"high\"\n  \"serviceTier\": \"flex\"\n}"},
		"custom-schema-problems": {Provider: "google_gemini", Model: "gemini-2.5-pro", Effort: "custom", Override: "{\n  \"thinkingConfig\": {\n    \"thinkingBudget\": 40000,\n    \"thinkingLevel\": \"high\"\n  }\n}"},
		"custom-not-object":      {Provider: "openai_compatible", Model: "glm-5.1", Effort: "custom", Override: `["thinking"]`},
	}
	for name, in := range cases {
		in.Line = mid
		t.Run(name, func(t *testing.T) {
			var got any
			r, err := Build(in)
			var oe *OverrideError
			switch {
			case errors.As(err, &oe):
				got = map[string]any{"problems": oe.Problems}
			case err != nil:
				t.Fatal(err)
			default:
				got = r
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			path := filepath.Join("testdata", "preview", name+".json.golden")
			golden.Assert(t, path, b)
		})
	}
}
