package profile

import (
	"math"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

func TestValidate(t *testing.T) {
	cat := kodusline.MustGet(kodusline.Mid2026)
	ok := Slot{Settings: Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}
	tests := []struct {
		name  string
		mod   func(s *Slot)
		field string // "" = valid
		rule  string // substring of the rule
	}{
		{"valid", func(*Slot) {}, "", ""},
		{"unknown provider", func(s *Slot) { s.Provider = "bedrock" }, "provider", "must be one of"},
		{"missing provider", func(s *Slot) { s.Provider = "" }, "provider", "is required"},
		{"missing model", func(s *Slot) { s.Model = "" }, "model", "is required"},
		{"model with space", func(s *Slot) { s.Model = "gpt 5" }, "model", "spaces"},
		{"model auto", func(s *Slot) { s.Model = "auto" }, "model", "managed mode"},
		{"temperature high", func(s *Slot) { s.Temperature = Ptr(2.5) }, "temperature", "between 0 and 2"},
		{"temperature negative", func(s *Slot) { s.Temperature = Ptr(-0.1) }, "temperature", "between 0 and 2"},
		{"temperature NaN", func(s *Slot) { s.Temperature = Ptr(math.NaN()) }, "temperature", "between 0 and 2"},
		{"temperature bounds ok", func(s *Slot) { s.Temperature = Ptr(2.0) }, "", ""},
		{"max output negative", func(s *Slot) { s.MaxOutputTokens = Ptr(-1) }, "maxOutputTokens", "≥ 0"},
		{"max input huge", func(s *Slot) { s.MaxInputTokens = Ptr(MaxTokensLimit + 1) }, "maxInputTokens", "at most"},
		{"concurrency negative", func(s *Slot) { s.MaxConcurrentRequests = Ptr(-3) }, "maxConcurrentRequests", "≥ 0"},
		{"concurrency zero ok", func(s *Slot) { s.MaxConcurrentRequests = Ptr(0) }, "", ""},
		{"base URL not a URL", func(s *Slot) { s.BaseURL = "api.openai.com" }, "baseURL", "http:// or https://"},
		{"base URL ftp", func(s *Slot) { s.BaseURL = "ftp://x/v1" }, "baseURL", "http:// or https://"},
		{"base URL credentials", func(s *Slot) { s.BaseURL = "https://u:p@host/v1" }, "baseURL", "credentials"},
		{"base URL query", func(s *Slot) { s.BaseURL = "https://host/v1?key=1" }, "baseURL", "query"},
		{"base URL http local ok", func(s *Slot) { s.BaseURL = "http://127.0.0.1:11434/v1" }, "", ""},
		{"openai_compatible needs base URL", func(s *Slot) { s.Provider, s.Model = "openai_compatible", "llama3" }, "baseURL", "is required"},
		{"effort unknown", func(s *Slot) { s.ReasoningEffort = "max" }, "reasoningEffort", "must be one of"},
		{"custom needs json", func(s *Slot) { s.ReasoningEffort = EffortCustom }, "reasoningConfigOverride", "is required"},
		{"custom blank json", func(s *Slot) { s.ReasoningEffort, s.ReasoningConfigOverride = EffortCustom, " \n " }, "reasoningConfigOverride", "is required"},
		{"custom json ok", func(s *Slot) { s.ReasoningEffort, s.ReasoningConfigOverride = EffortCustom, `{"effort": "low"}` }, "", ""},
		{"custom json trailing comma", func(s *Slot) { s.ReasoningEffort, s.ReasoningConfigOverride = EffortCustom, "{\"effort\": \"low\",}" }, "reasoningConfigOverride", "line 1, column 17: trailing comma"},
		{"custom json not an object", func(s *Slot) { s.ReasoningEffort, s.ReasoningConfigOverride = EffortCustom, `["low"]` }, "reasoningConfigOverride", "must be an object"},
		{"custom json breaks a rule", func(s *Slot) { s.ReasoningEffort, s.ReasoningConfigOverride = EffortCustom, `{"effort": "xhigh"}` }, "reasoningConfigOverride", "Claude Sonnet 4.6 accepts effort"},
		{"json with a level", func(s *Slot) { s.ReasoningEffort, s.ReasoningConfigOverride = EffortHigh, `{"effort": "low"}` }, "reasoningConfigOverride", "only when reasoningEffort is custom"},
		{"openrouter order elsewhere", func(s *Slot) { s.OpenRouterProviderOrder = []string{"x"} }, "openrouterProviderOrder", "open_router"},
		{"openrouter fallbacks elsewhere", func(s *Slot) { s.OpenRouterAllowFallbacks = Ptr(false) }, "openrouterAllowFallbacks", "open_router"},
		{"vertex location elsewhere", func(s *Slot) { s.VertexLocation = "us-central1" }, "vertexLocation", "google_vertex"},
		{"vertex location bad", func(s *Slot) { s.Provider, s.Model, s.VertexLocation = "google_vertex", "gemini-2.5-pro", "US Central" }, "vertexLocation", "region"},
		{"vertex location ok", func(s *Slot) {
			s.Provider, s.Model, s.VertexLocation = "google_vertex", "gemini-2.5-pro", "us-central1"
		}, "", ""},
		{"plan on model without plans", func(s *Slot) { s.Plan = "paas" }, "plan", "only to catalog models with plans"},
		{"unknown plan", func(s *Slot) {
			s.Provider, s.Model, s.BaseURL, s.Plan = "openai_compatible", "glm-5.1", "https://api.z.ai/api/paas/v4/", "max"
		}, "plan", "paas, coding-plan"},
		{"known plan", func(s *Slot) {
			s.Provider, s.Model, s.BaseURL, s.Plan = "openai_compatible", "glm-5.1", "https://api.z.ai/api/paas/v4/", "coding-plan"
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			tt.mod(&s)
			err := Validate(Normalize(s), cat)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			fes := AsFieldErrors(err)
			if len(fes) == 0 {
				t.Fatalf("want an error on %s, got %v", tt.field, err)
			}
			for _, fe := range fes {
				if fe.Field == tt.field && strings.Contains(fe.Rule, tt.rule) {
					return
				}
			}
			t.Fatalf("want %s: …%s…, got %v", tt.field, tt.rule, err)
		})
	}
}

func TestValidateReportsEveryFieldAtOnce(t *testing.T) {
	err := Validate(Normalize(Slot{Settings: Settings{Provider: "nope", Temperature: Ptr(9.0), MaxOutputTokens: Ptr(-1)}}), kodusline.MustGet(kodusline.Mid2026))
	got := map[string]bool{}
	for _, fe := range AsFieldErrors(err) {
		got[fe.Field] = true
	}
	for _, f := range []string{"provider", "model", "temperature", "maxOutputTokens"} {
		if !got[f] {
			t.Errorf("missing error for %s in %v", f, err)
		}
	}
}

func TestNormalize(t *testing.T) {
	s := Normalize(Slot{Settings: Settings{Provider: " anthropic ", Model: " claude-sonnet-4-6\n", ReasoningEffort: "None", OpenRouterProviderOrder: []string{" a ", "", " b"}}})
	if s.Provider != "anthropic" || s.Model != "claude-sonnet-4-6" || s.ReasoningEffort != EffortOff {
		t.Errorf("normalize = %+v", s)
	}
	if strings.Join(s.OpenRouterProviderOrder, ",") != "a,b" {
		t.Errorf("order = %q", s.OpenRouterProviderOrder)
	}
}

func TestValidateName(t *testing.T) {
	for name, valid := range map[string]bool{
		"team": true, "prod-2026": true, "a.b_c": true, "9lives": true,
		"": false, "-x": false, "has space": false, "slash/x": false, strings.Repeat("a", 65): false, "ünicode": false,
	} {
		if err := ValidateName(name); (err == nil) != valid {
			t.Errorf("ValidateName(%q) = %v, want valid=%v", name, err, valid)
		}
	}
}

func TestSlotAccess(t *testing.T) {
	p := Profile{Name: "x", Main: Slot{Settings: Settings{Provider: "openai", Model: "gpt-5.4"}}}
	if _, ok := p.Slot(SlotFallback); ok {
		t.Error("empty fallback reported set")
	}
	p.SetSlot(SlotFallback, Slot{Settings: Settings{Provider: "anthropic", Model: "claude-opus-4-7"}, KeyRef: "r"})
	if fb, ok := p.Slot(SlotFallback); !ok || !fb.HasKey() {
		t.Error("fallback not set")
	}
	if err := ValidateSlotName("primary"); err == nil {
		t.Error("accepted slot primary")
	}
}

// The fields of Amazon Bedrock and Azure OpenAI, each with its own rule.
func TestValidateCloud(t *testing.T) {
	l := kodusline.MustGet(kodusline.Current)
	tests := []struct {
		slot  Slot
		field string
	}{
		{Slot{Settings: Settings{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", AWSRegion: "us-east-1", AWSAuth: "iam"}}, ""},
		{Slot{Settings: Settings{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", AWSRegion: "us_east_1"}}, "awsRegion"},
		{Slot{Settings: Settings{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", AWSAuth: "password"}}, "awsAuth"},
		{Slot{Settings: Settings{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", AWSRegion: "eu-west-1"}}, "model"},
		{Slot{Settings: Settings{Provider: "openai", Model: "gpt-5.4", AWSRegion: "us-east-1"}}, "awsRegion"},
		{Slot{Settings: Settings{Provider: "azure", Model: "gpt-5-4-review", BaseURL: "https://acme.openai.azure.com/openai"}}, ""},
		{Slot{Settings: Settings{Provider: "azure", Model: "gpt-5-4-review"}}, "baseURL"},
		{Slot{Settings: Settings{Provider: "azure", Model: "gpt-5-4-review", BaseURL: "https://acme.openai.azure.com/openai/v1"}}, "baseURL"},
		{Slot{Settings: Settings{Provider: "azure", Model: "gpt-5-4-review", BaseURL: "https://acme.openai.azure.com/openai/deployments/x"}}, "baseURL"},
		{Slot{Settings: Settings{Provider: "azure", Model: "openai/gpt-5.4", BaseURL: "https://acme.openai.azure.com/openai"}}, "model"},
	}
	for _, tt := range tests {
		err := Validate(Normalize(tt.slot), l)
		fes := AsFieldErrors(err)
		if tt.field == "" && err != nil || tt.field != "" && (len(fes) != 1 || fes[0].Field != tt.field) {
			t.Errorf("%+v: %v", tt.slot, err)
		}
	}
	if u, ok := AzureEndpoint("https://acme.openai.azure.com/"); !ok || u != "https://acme.openai.azure.com/openai" {
		t.Errorf("AzureEndpoint = %s %v", u, ok)
	}
	if _, ok := AzureEndpoint("https://gateway.example.com/"); ok {
		t.Error("a gateway's URL was completed")
	}
}
