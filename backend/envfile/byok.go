package envfile

import (
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// BYOKSlot is one slot of Kodus's BYOK config, with the field names of its
// v1 shape `{main, fallback?}` (kodus.md §2.2). APIKey is set only when the
// user asked for keys and confirmed.
type BYOKSlot struct {
	Provider                 string   `json:"provider"`
	APIKey                   string   `json:"apiKey,omitempty"`
	Model                    string   `json:"model"`
	BaseURL                  string   `json:"baseURL,omitempty"`
	ReasoningEffort          string   `json:"reasoningEffort,omitempty"`
	ReasoningConfigOverride  string   `json:"reasoningConfigOverride,omitempty"`
	Temperature              *float64 `json:"temperature,omitempty"`
	MaxInputTokens           *int     `json:"maxInputTokens,omitempty"`
	MaxOutputTokens          *int     `json:"maxOutputTokens,omitempty"`
	MaxConcurrentRequests    *int     `json:"maxConcurrentRequests,omitempty"`
	VertexLocation           string   `json:"vertexLocation,omitempty"`
	OpenRouterProviderOrder  []string `json:"openrouterProviderOrder,omitempty"`
	OpenRouterAllowFallbacks *bool    `json:"openrouterAllowFallbacks,omitempty"`
}

// BYOKConfig is the profile as Kodus's BYOK config.
type BYOKConfig struct {
	Main     BYOKSlot  `json:"main"`
	Fallback *BYOKSlot `json:"fallback,omitempty"`
}

// BYOK converts a profile into Kodus's BYOK config. Keys are included only
// when withKeys is set. Notes say what Kodus's shape drops.
func BYOK(main profile.Slot, fallback *profile.Slot, mainKey, fallbackKey secrets.Secret, withKeys bool) (BYOKConfig, []string) {
	var notes []string
	cfg := BYOKConfig{Main: byokSlot(main, mainKey, withKeys, true)}
	if fallback != nil {
		fb := byokSlot(*fallback, fallbackKey, withKeys, false)
		cfg.Fallback = &fb
		if fallback.ReasoningEffort != "" && fallback.ReasoningEffort != profile.EffortOff {
			notes = append(notes, "the Fallback's thinking setting is left out: Kodus's BYOK fallback slot has no reasoning fields")
		}
		if len(fallback.OpenRouterProviderOrder) > 0 || fallback.OpenRouterAllowFallbacks != nil {
			notes = append(notes, "the Fallback's OpenRouter routing is left out: Kodus reads routing only from the main slot")
		}
	}
	if !withKeys {
		notes = append(notes, "keys are left out; Kodus keeps a stored key when a save has none")
	}
	return cfg, notes
}

func byokSlot(s profile.Slot, key secrets.Secret, withKeys, main bool) BYOKSlot {
	out := BYOKSlot{
		Provider: s.Provider, Model: s.Model, BaseURL: s.BaseURL, Temperature: s.Temperature,
		MaxInputTokens: s.MaxInputTokens, MaxOutputTokens: s.MaxOutputTokens,
		MaxConcurrentRequests: s.MaxConcurrentRequests, VertexLocation: s.VertexLocation,
	}
	if withKeys {
		out.APIKey = key.Reveal()
	}
	if main {
		// Kodus's UI stores nothing for Off and, for Custom, only the
		// override text (connect-panel.tsx buildConfig).
		switch s.ReasoningEffort {
		case profile.EffortLow, profile.EffortMedium, profile.EffortHigh:
			out.ReasoningEffort = s.ReasoningEffort
		case profile.EffortCustom:
			out.ReasoningConfigOverride = s.ReasoningConfigOverride
		}
		if s.Provider == catalog.OpenRouter {
			out.OpenRouterProviderOrder, out.OpenRouterAllowFallbacks = s.OpenRouterProviderOrder, s.OpenRouterAllowFallbacks
		}
	}
	return out
}
