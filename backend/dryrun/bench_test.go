package dryrun

import (
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/secrets"
)

// The GUI rebuilds the preview on every edit of the slot: building must
// stay far below a frame.
func BenchmarkBuild(b *testing.B) {
	r := goldenRunner()
	sa := secrets.NewSecret(fakeprovider.ServiceAccountJSON())
	cases := map[string]struct {
		in  Input
		key secrets.Secret
	}{
		"anthropic-budget": {Input{Provider: "anthropic", Model: "claude-sonnet-4-5-20250929", Temperature: f64(0), MaxOutputTokens: intp(16384),
			ProviderOptions: opts(`{"anthropic":{"thinking":{"type":"enabled","budgetTokens":15000}}}`)}, secrets.Secret{}},
		"openai-responses": {Input{Provider: "openai", Model: "gpt-5.4", Temperature: f64(0), MaxOutputTokens: intp(16384),
			ProviderOptions: opts(`{"openai":{"reasoningEffort":"medium"}}`)}, secrets.Secret{}},
		"vertex-service-account": {Input{Provider: "google_vertex", Model: "gemini-2.5-pro", MaxOutputTokens: intp(16384),
			ProviderOptions: opts(`{"google":{"thinkingConfig":{"thinkingBudget":15000}}}`)}, sa},
		"openrouter-pinned": {Input{Provider: "open_router", Model: "moonshotai/kimi-k2.5", Temperature: f64(0), MaxOutputTokens: intp(16384),
			ProviderOptions: opts(`{"openrouter":{"reasoning":{"effort":"medium"},"provider":{"order":["moonshot"],"allow_fallbacks":false}}}`)}, secrets.Secret{}},
	}
	for name, c := range cases {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Build(c.in, c.key); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
