package thinking

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// Kodus latest's cloud modules: Claude on Bedrock by generation under
// amazonBedrock.reasoningConfig, nothing for other families; Azure's
// reasoningEffort for reasoner-named deployments only; their traits.
func TestCloudPresets(t *testing.T) {
	l := kodusline.MustGet(kodusline.Current)
	tests := []struct {
		provider, model, level, want string
		levels                       string
	}{
		{"amazon_bedrock", "us.anthropic.claude-sonnet-4-6", "high", `{"amazonBedrock":{"reasoningConfig":{"maxReasoningEffort":"high","type":"adaptive"}}}`, "low medium high custom"},
		{"amazon_bedrock", "global.anthropic.claude-opus-4-7", "", `{"amazonBedrock":{"reasoningConfig":{"maxReasoningEffort":"medium","type":"adaptive"}}}`, "low medium high custom"},
		{"amazon_bedrock", "anthropic.claude-haiku-4-5-20251001-v1:0", "low", `{"amazonBedrock":{"reasoningConfig":{"budgetTokens":5000,"type":"enabled"}}}`, "off low medium high custom"},
		{"amazon_bedrock", "anthropic.claude-haiku-4-5-20251001-v1:0", "off", `{}`, "off low medium high custom"},
		{"amazon_bedrock", "amazon.nova-pro-v1:0", "high", `{}`, "off low medium high custom"},
		{"azure", "o4-mini", "medium", `{"azure":{"reasoningEffort":"medium"}}`, "low medium high custom"},
		{"azure", "gpt-4o-prod", "high", `{}`, "off low medium high custom"},
	}
	for _, tt := range tests {
		r, err := Build(Input{Line: l, Provider: tt.provider, Model: tt.model, Effort: tt.level})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r.ProviderOptions)
		if string(b) != tt.want || strings.Join(Levels(l, tt.provider, tt.model), " ") != tt.levels {
			t.Errorf("%s %s %s: %s %v", tt.provider, tt.model, tt.level, b, Levels(l, tt.provider, tt.model))
		}
	}
	if pol, _ := TemperaturePolicy(l, "amazon_bedrock", "us.anthropic.claude-opus-4-7", ""); pol != "unsupported" {
		t.Errorf("Opus 4.7 on Bedrock temperature %s", pol)
	}
	if pol, _ := TemperaturePolicy(l, "azure", "gpt-5-review", ""); pol != "unsupported" {
		t.Errorf("gpt-5 deployment temperature %s", pol)
	}
	if pol, _ := TemperaturePolicy(l, "amazon_bedrock", "amazon.nova-pro-v1:0", ""); pol != "free" {
		t.Errorf("Nova temperature %s", pol)
	}
	// A pasted bedrock block passes through: the SDK reads the legacy key too.
	r, err := Build(Input{Line: l, Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", Effort: "custom", Override: `{"bedrock": {"reasoningConfig": {"type": "adaptive"}}}`})
	if err != nil || r.ProviderOptions["bedrock"] == nil || strings.Contains(strings.Join(r.Notes, " "), "reads only") {
		t.Errorf("bedrock alias: %+v %v", r, err)
	}
}
