package keyshape

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// Synthetic keys with each provider's real shape; "FAKE"/"fake" makes it
// obvious they were never issued.
const (
	anthropicKey  = "sk-ant-api03-FAKEfake0FAKEfake1FAKEfake2FAKEfake3FAKEfake4FAKEfake5-FAKEfakeAA"
	geminiKey     = "AIzaSyFAKE-fake_FAKEfakeFAKEfake00000" // AIza + 35
	openRouterKey = "sk-or-v1-0000fake0000fake0000fake0000fake0000fake0000fake0000fake"
	kimiCodeKey   = "sk-kimi-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake"
	novitaKey     = "sk_FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake00"
	zaiKey        = "0123456789abcdef0123456789abcdef.FAKEfakeFAKEfake"
	openAIKey     = "sk-proj-FAKEfakeFAKEfakeFAKEfakeT3BlbkFJfakeFAKEfakeFAKEfakeFAKE"
	plainSKKey    = "sk-FAKE0123456789abcdef0123456789abcdef" // DeepSeek-like, or a proxy's
	projNoMarker  = "sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake"
	saJSON        = `{"type":"service_account","project_id":"fake-project","private_key_id":"0123456789abcdef0123","private_key":"-----BEGIN PRIVATE KEY-----\nFAKE\n-----END PRIVATE KEY-----\n","client_email":"kodus@fake-project.iam.gserviceaccount.com"}`
)

func TestRecognize(t *testing.T) {
	tests := []struct {
		name       string
		raw        string
		brand      Brand
		conf       Confidence
		candidates int
		reason     string
	}{
		{"anthropic", anthropicKey, Anthropic, High, 0, "sk-ant-"},
		{"anthropic quoted with newline", `"` + anthropicKey + "\"\n", Anthropic, High, 0, ""},
		{"anthropic from a .env line", "ANTHROPIC_API_KEY=" + anthropicKey, Anthropic, High, 0, ""},
		{"gemini", geminiKey, Google, High, 0, "AIza"},
		{"gemini single-quoted", "'" + geminiKey + "'", Google, High, 0, ""},
		{"openrouter", openRouterKey, OpenRouter, High, 0, "sk-or-v1-"},
		{"openrouter with Bearer", "Bearer " + openRouterKey, OpenRouter, High, 0, ""},
		{"openrouter other version", "sk-or-v2-0000fake0000fake", OpenRouter, Medium, 0, ""},
		{"kimi code plan", kimiCodeKey, KimiCode, High, 0, "sk-kimi-"},
		{"kimi code plan with CRLF", kimiCodeKey + "\r\n", KimiCode, High, 0, ""},
		{"novita", novitaKey, Novita, Medium, 0, "sk_"},
		{"z.ai", zaiKey, ZAI, Medium, 0, "observed"},
		{"z.ai with spaces", "  " + zaiKey + "  ", ZAI, Medium, 0, ""},
		{"vertex service account", saJSON, Vertex, High, 0, "project_id"},
		{"vertex service account base64", base64.StdEncoding.EncodeToString([]byte(saJSON)), Vertex, High, 0, ""},
		{"vertex service account pasted with newlines", "\n" + saJSON + "\n\n", Vertex, High, 0, ""},
		{"openai with marker", openAIKey, OpenAI, Medium, 0, "T3BlbkFJ"},
		{"plain sk- is ambiguous", plainSKKey, "", Low, 4, "several providers"},
		{"sk-proj- without marker is ambiguous", projNoMarker, "", Low, 4, "sk-proj-"},
		{"unknown", "hello-this-is-no-key-0000", "", None, 0, "no known key shape"},
		{"bare prefix", "AIza", "", None, 0, ""},
		{"z.ai with upper-case id is not z.ai", strings.ToUpper(zaiKey[:32]) + zaiKey[32:], "", None, 0, ""},
		{"json without project_id", `{"type":"authorized_user"}`, "", None, 0, ""},
		{"empty", "  \n", "", None, 0, "empty"},
		{"broken paste", "sk-ant-api03 FAKE", "", None, 0, "space or line break"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Recognize(tt.raw)
			if g.Brand != tt.brand || g.Confidence != tt.conf || len(g.Candidates) != tt.candidates {
				t.Fatalf("Recognize = %+v, want brand %q confidence %q with %d candidates", g, tt.brand, tt.conf, tt.candidates)
			}
			if !strings.Contains(g.Reason, tt.reason) {
				t.Errorf("reason %q lacks %q", g.Reason, tt.reason)
			}
			if g.Brand != "" && g.Name != tt.brand.Name() {
				t.Errorf("name %q, want %q", g.Name, tt.brand.Name())
			}
			if tt.conf == Low && g.Candidates[0] != "OpenAI" {
				t.Errorf("candidates %v: OpenAI first", g.Candidates)
			}
			noKeyIn(t, g, tt.raw)
		})
	}
}

// noKeyIn fails when anything beyond a family prefix of the key shows up
// in what leaves the package.
func noKeyIn(t *testing.T, v any, raw string) {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"FAKEfake0", "fake0000fake", "FAKEfakeFAKEfakeFAKE", "0123456789abcdef0123456789", "BEGIN PRIVATE KEY"} {
		if strings.Contains(raw, secret) && strings.Contains(string(out), secret) {
			t.Fatalf("verdict leaks key material %q: %s", secret, out)
		}
	}
}

func BenchmarkRecognize(b *testing.B) {
	keys := []string{anthropicKey, geminiKey, zaiKey, plainSKKey, saJSON, "\"" + kimiCodeKey + "\"\n"}
	for i := 0; i < b.N; i++ {
		Recognize(keys[i%len(keys)])
	}
}

// Bedrock API keys and AWS access keys are recognised and offered
// Amazon Bedrock; IAM keys pasted into a Bedrock slot fit it.
func TestRecognizeAWS(t *testing.T) {
	for key, want := range map[string]Brand{
		"ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLWF0LTEyMzQ1Njc4OTAxMjpzZWNyZXQ=":                     Bedrock,
		"bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbg==": Bedrock,
		"AKIAIOSFODNN7EXAMPLE": AWSIAM,
		"ASIAIOSFODNN7EXAMPLE": AWSIAM,
		`{"AccessKeyId":"AKIAIOSFODNN7EXAMPLE","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}`: AWSIAM,
	} {
		g := Recognize(key)
		if g.Brand != want || !g.Confidence.Sure() || strings.Contains(g.Shape, "EXAMPLE") {
			t.Errorf("%s: %+v", key[:8], g)
		}
	}
	cat := kodusline.MustGet(kodusline.Current).Catalog()
	v := Check("AKIAIOSFODNN7EXAMPLE", Target{Provider: "openai", Model: "gpt-5.4"}, cat)
	if v.Fit != FitMismatch || v.Suggestion == nil || v.Suggestion.Provider != "amazon_bedrock" {
		t.Errorf("an access key in an OpenAI slot: %+v", v)
	}
	if v := Check("AKIAIOSFODNN7EXAMPLE", Target{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6"}, cat); v.Fit != FitOK {
		t.Errorf("an access key in a Bedrock slot: %+v", v)
	}
	if v := Check("sk-ant-api03-abcdefghijklmnop", Target{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6"}, cat); v.Fit != FitMismatch || v.Suggestion.Provider != "anthropic" {
		t.Errorf("an Anthropic key in a Bedrock slot: %+v", v)
	}
}
