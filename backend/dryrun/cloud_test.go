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

// The Converse and Azure Responses requests Kodus latest sends, byte for
// byte: Claude's thinking as additionalModelRequestFields, the budget added
// to maxTokens, temperature clamped and withheld while thinking, the
// geography prefix of a bare Claude id, SigV4 or bearer shown redacted.
func TestRequestGoldenCloud(t *testing.T) {
	l := kodusline.MustGet(kodusline.Current)
	iam := secrets.NewSecret(secrets.AWSCredentials{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}.JSON())
	bearer := secrets.NewSecret("ABSKZmFrZS1iZWRyb2NrLWFwaS1rZXktZm9yLXRlc3Rz")
	cases := map[string]struct {
		provider, model, base, region, level, custom string
		temp                                         *float64
		key                                          secrets.Secret
		want                                         []string
	}{
		"bedrock-sonnet-4-6-high-iam": {provider: "amazon_bedrock", model: "anthropic.claude-sonnet-4-6", region: "eu-central-1", level: "high", temp: f64(0.2), key: iam,
			want: []string{"https://bedrock-runtime.eu-central-1.amazonaws.com/model/eu.anthropic.claude-sonnet-4-6/converse", `"output_config":{"effort":"high"}`, `"thinking":{"type":"adaptive"}`}},
		"bedrock-sonnet-4-5-medium-bearer": {provider: "amazon_bedrock", model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", region: "us-west-2", level: "medium", temp: f64(0), key: bearer,
			want: []string{`"maxTokens":31384`, `"budget_tokens":15000`, "us.anthropic.claude-sonnet-4-5-20250929-v1%3A0"}},
		"bedrock-opus-4-7-low": {provider: "amazon_bedrock", model: "global.anthropic.claude-opus-4-7", region: "us-east-1", level: "low", temp: f64(0.5), key: iam},
		"bedrock-nova-custom": {provider: "amazon_bedrock", model: "amazon.nova-pro-v1:0", region: "us-east-1", level: "custom", temp: f64(1.5), key: bearer,
			custom: `{"reasoningConfig": {"type": "enabled", "maxReasoningEffort": "low"}, "additionalModelRequestFields": {"inferenceConfig": {"topK": 20}}}`,
			want:   []string{`"temperature":1`, `"maxReasoningEffort":"low"`, `"topK":20`}},
		"azure-gpt-5-low": {provider: "azure", model: "gpt-5.4", base: "https://acme.openai.azure.com/openai", level: "low", temp: f64(0.3), key: secrets.NewSecret("9f2c7e1b4a6d48e0b3c5a7f1e2d4c6b8"),
			want: []string{"https://acme.openai.azure.com/openai/deployments/gpt-5.4/responses?api-version=v1", `"reasoning":{"effort":"low"}`}},
	}
	r := &Runner{Tester: &keytest.Tester{Line: l, UserAgent: "kodus-byok/test (Kodus BYOK Studio settings dry run)"}}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			th, err := thinking.Build(thinking.Input{Line: l, Provider: c.provider, Model: c.model, Effort: c.level, Override: c.custom})
			if err != nil {
				t.Fatal(err)
			}
			temp, _ := thinking.WireTemperature(l, c.provider, c.model, c.level, c.temp)
			in := Input{Provider: c.provider, Model: c.model, BaseURL: c.base, AWSRegion: c.region, Temperature: temp, MaxOutputTokens: intp(16384), ProviderOptions: th.ProviderOptions}
			req, err := r.Build(in, c.key)
			if err != nil {
				t.Fatal(err)
			}
			wire := req.URL + " " + string(req.Body)
			for _, w := range c.want {
				if !strings.Contains(wire, w) {
					t.Errorf("request lacks %s:\n%s", w, wire)
				}
			}
			for _, h := range req.Headers {
				if strings.Contains(h, "EXAMPLEKEY") || strings.Contains(h, "ZmFrZS1i") || strings.Contains(h, "9f2c7e1b") {
					t.Errorf("a secret in the shown headers: %v", req.Headers)
				}
			}
			compareGolden(t, filepath.Join("testdata", "golden-current", name+".json"), shown(t, req))
		})
	}
}
