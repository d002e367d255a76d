package thinking

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/golden"
	"github.com/kodusbyok/studio/backend/kodusline"
)

var cur = kodusline.MustGet(kodusline.Current)

// What Kodus latest's provider modules send for each level, per provider
// and model family (the trait tables of the current line).
func TestModulePresets(t *testing.T) {
	tests := []struct {
		provider, model, level string
		want                   string // providerOptions as JSON
		note                   string
	}{
		// Native Anthropic by generation.
		{"anthropic", "claude-sonnet-4-6", "off", `{"anthropic":{"thinking":{"type":"disabled"}}}`, "told not to"},
		{"anthropic", "claude-sonnet-4-6", "medium", `{"anthropic":{"effort":"medium","thinking":{"type":"adaptive"}}}`, "adaptive"},
		{"anthropic", "claude-opus-4-7", "off", `{"anthropic":{"thinking":{"type":"disabled"}}}`, ""},
		{"anthropic", "claude-sonnet-4-5-20250929", "high", `{"anthropic":{"thinking":{"budgetTokens":40000,"type":"enabled"}}}`, "older than Claude 4.6"},
		{"anthropic", "claude-sonnet-4-5-20250929", "off", `{}`, "does not think unless asked"},
		{"anthropic", "claude-fable-5", "off", `{}`, "cannot be turned off"},
		{"anthropic", "my-claude-proxy-id", "high", `{}`, "not a Claude id"},
		// Claude on Vertex AI uses the anthropic namespace.
		{"google_vertex", "claude-sonnet-4-6", "medium", `{"anthropic":{"effort":"medium","thinking":{"type":"adaptive"}}}`, ""},
		{"google_vertex", "gemini-2.5-pro", "high", `{"google":{"thinkingConfig":{"thinkingBudget":40000}}}`, "unclamped"},
		// Gemini: levels, round-up, clamped budgets, nothing for Off.
		{"google_gemini", "gemini-3.1-pro-preview", "low", `{"google":{"thinkingConfig":{"thinkingLevel":"low"}}}`, ""},
		{"google_gemini", "gemini-3-pro-preview", "medium", `{"google":{"thinkingConfig":{"thinkingLevel":"high"}}}`, "rounds"},
		{"google_gemini", "gemini-2.5-pro", "high", `{"google":{"thinkingConfig":{"thinkingBudget":32768}}}`, "clamps"},
		{"google_gemini", "gemini-2.5-flash", "high", `{"google":{"thinkingConfig":{"thinkingBudget":24576}}}`, "clamps"},
		{"google_gemini", "gemini-2.5-pro", "off", `{}`, "Google's own default"},
		// OpenAI.
		{"openai", "gpt-5.4", "medium", `{"openai":{"reasoningEffort":"medium"}}`, ""},
		{"openai", "gpt-5.4", "off", `{}`, ""},
		// OpenAI-compatible, per family.
		{"openai_compatible", "glm-5.2", "medium", `{"openaiCompatible":{"reasoningEffort":"high","thinking":{"type":"enabled"}}}`, "Medium → high"},
		{"openai_compatible", "glm-5.2", "high", `{"openaiCompatible":{"reasoningEffort":"max","thinking":{"type":"enabled"}}}`, ""},
		{"openai_compatible", "glm-5.1", "off", `{"openaiCompatible":{"thinking":{"type":"disabled"}}}`, ""},
		{"openai_compatible", "glm-5.3", "off", `{}`, "cannot be turned off"},
		{"openai_compatible", "deepseek-v4-pro", "low", `{"openaiCompatible":{"reasoningEffort":"low","thinking":{"type":"enabled"}}}`, ""},
		{"openai_compatible", "kimi-k2.6", "high", `{"openaiCompatible":{"thinking":{"type":"enabled"}}}`, "on or off only"},
		{"openai_compatible", "kimi-k2.6", "off", `{"openaiCompatible":{"thinking":{"type":"disabled"}}}`, ""},
		{"openai_compatible", "kimi-k2.7-code", "off", `{}`, "cannot be turned off"},
		{"openai_compatible", "MiniMax-M2", "high", `{"openaiCompatible":{"reasoningEffort":"high"}}`, "effort alone"},
		{"openai_compatible", "llama3", "high", `{}`, "rejects unknown fields"},
		{"openai_compatible", "llama3.1:8b", "off", `{}`, ""},
		{"openai_compatible", "gpt-5.4", "low", `{"openaiCompatible":{"reasoningEffort":"low"}}`, "OpenAI reasoning id"},
		// Novita: no preset at all.
		{"novita", "deepseek/deepseek-r1", "high", `{}`, "no reasoning preset"},
		{"novita", "moonshotai/kimi-k2.6", "off", `{}`, ""},
		// OpenRouter.
		{"open_router", "z-ai/glm-5.2", "off", `{"openrouter":{"reasoning":{"effort":"none"}}}`, ""},
		{"open_router", "meta-llama/llama-3.3-70b", "off", `{}`, ""},
		{"open_router", "meta-llama/llama-3.3-70b", "high", `{"openrouter":{"reasoning":{"effort":"high"}}}`, ""},
		{"open_router", "z-ai/glm-5.2", "low", `{"openrouter":{"provider":{"require_parameters":true},"reasoning":{"effort":"low"}}}`, "require_parameters"},
		// The Anthropic protocol brands.
		{"zai", "glm-5.2", "medium", `{"anthropic":{"thinking":{"budgetTokens":15000,"type":"enabled"}}}`, "Anthropic protocol"},
		{"zai", "glm-5.2", "off", `{"anthropic":{"thinking":{"type":"disabled"}}}`, ""},
		{"moonshot", "kimi-k2.7-code", "high", `{"anthropic":{"thinking":{"budgetTokens":40000,"type":"enabled"}}}`, ""},
		{"moonshot", "kimi-k2.7-code", "off", `{}`, "cannot be turned off"},
		{"anthropic_compatible", "MiniMax-M3.1", "off", `{"anthropic":{"thinking":{"type":"adaptive"}}}`, "adaptive"},
		{"anthropic_compatible", "MiniMax-M3", "high", `{}`, "does not think"},
		{"anthropic_compatible", "claude-opus-4-7", "low", `{"anthropic":{"effort":"low","thinking":{"type":"adaptive"}}}`, "Claude id behind"},
		{"anthropic_compatible", "some-proxy-model", "low", `{"anthropic":{"thinking":{"budgetTokens":5000,"type":"enabled"}}}`, ""},
		{"zai", "glm-5.3", "low", `{"anthropic":{"thinking":{"budgetTokens":5000,"type":"enabled"}}}`, "budget hint only"},
	}
	for _, tt := range tests {
		t.Run(tt.provider+"/"+tt.model+"/"+tt.level, func(t *testing.T) {
			r, err := Build(Input{Line: cur, Provider: tt.provider, Model: tt.model, Effort: tt.level})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(r.ProviderOptions)
			if string(got) != tt.want {
				t.Errorf("providerOptions = %s, want %s", got, tt.want)
			}
			if tt.note != "" && !hasNote(r.Notes, tt.note) {
				t.Errorf("notes lack %q: %v", tt.note, r.Notes)
			}
		})
	}
}

// GPT-5 offers Medium and High only: Low is refused, with the levels it
// offers; o-series offer all three.
func TestPickerRefusesGPT5Low(t *testing.T) {
	_, err := Build(Input{Line: cur, Provider: "openai", Model: "gpt-5.4", Effort: "low"})
	var pe *PickerError
	if !errors.As(err, &pe) || !errors.Is(err, ErrPicker) || !strings.Contains(err.Error(), "Medium and High") {
		t.Fatalf("gpt-5.4 Low = %v", err)
	}
	if _, err := Build(Input{Line: cur, Provider: "openai", Model: "o3", Effort: "low"}); err != nil {
		t.Errorf("o3 Low: %v", err)
	}
	if _, err := Build(Input{Line: mid, Provider: "openai", Model: "gpt-5.4", Effort: "low"}); err != nil {
		t.Errorf("mid-2026 has no picker rule: %v", err)
	}
	if got := Levels(cur, "openai", "gpt-5.4"); strings.Join(got, ",") != "off,medium,high,custom" {
		t.Errorf("levels = %v", got)
	}
	if got := Levels(cur, "moonshot", "kimi-k2.7-code"); strings.Join(got, ",") != "low,medium,high,custom" {
		t.Errorf("levels of an always-thinking model = %v", got)
	}
}

// Not set: the family default (Medium where the model thinks by default).
func TestUnsetUsesTheFamilyDefault(t *testing.T) {
	tests := []struct{ provider, model, want string }{
		{"anthropic", "claude-opus-4-7", "medium"},
		{"anthropic", "claude-opus-4-1", "off"},
		{"openai_compatible", "glm-5.2", "medium"},
		{"openai_compatible", "llama3", "off"},
		{"google_gemini", "gemini-3-flash-preview", "off"},
		{"open_router", "z-ai/glm-5.2", "off"},
		{"openai", "gpt-5.4", "medium"},
	}
	for _, tt := range tests {
		if got := FamilyDefault(cur, tt.provider, tt.model); got != tt.want {
			t.Errorf("%s/%s default = %s, want %s", tt.provider, tt.model, got, tt.want)
		}
	}
	r, err := Build(Input{Line: cur, Provider: "zai", Model: "glm-5.2"})
	if err != nil || !hasNote(r.Notes, "Not set") || r.ProviderOptions["anthropic"] == nil {
		t.Errorf("unset GLM = %v %v", r, err)
	}
	if FamilyDefault(mid, "openai_compatible", "glm-5.1") != "off" {
		t.Error("mid-2026 has no family default")
	}
}

// A Custom JSON on Novita is wrapped under novita on the current line.
func TestModuleCustom(t *testing.T) {
	r, err := Build(Input{Line: cur, Provider: "novita", Model: "x", Effort: Custom, Override: `{"thinking": {"type": "enabled"}}`})
	if err != nil || r.ProviderOptions["novita"] == nil {
		t.Fatalf("novita custom = %v %v", r.ProviderOptions, err)
	}
	no := false
	r, err = Build(Input{Line: cur, Provider: "open_router", Model: "z-ai/glm-5.2", Effort: Custom, OpenRouterOrder: []string{"z-ai"}, OpenRouterAllowFallbacks: &no,
		Override: `{"reasoning": {"effort": "high"}, "provider": {"ignore": ["x"]}}`})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(r.ProviderOptions)
	if string(got) != `{"openrouter":{"provider":{"ignore":["x"]},"reasoning":{"effort":"high"}}}` || !hasNote(r.Notes, "replaces the pinned providers outright") {
		t.Errorf("one-level merge = %s %v", got, r.Notes)
	}
	for _, p := range [][2]string{{"zai", "glm-5.2"}, {"novita", "x"}, {"google_vertex", "claude-sonnet-4-6"}, {"anthropic_compatible", "m"}} {
		if err := CheckOverride(cur, p[0], p[1], Example(cur, p[0], p[1])); err != nil {
			t.Errorf("example for %v does not pass: %v", p, err)
		}
	}
}

// validateModelTuning: what Kodus latest's Test refuses before sending.
func TestTuning(t *testing.T) {
	one, zero, low := 1.0, 0.0, 0.2
	tests := []struct {
		provider, model string
		temp            *float64
		effort          string
		fields          string
	}{
		{"moonshot", "kimi-k2.7-code", &one, "medium", "temperature"},
		{"anthropic_compatible", "kimi-k2.7-code", nil, "off", "reasoning"},
		{"novita", "kimi-k2.7-code", &low, "off", "temperature,reasoning"},
		{"openai_compatible", "kimi-k2.6", &low, "", "temperature"},
		{"anthropic_compatible", "kimi-k2.6", nil, "off", ""},
		{"zai", "glm-5.3", &zero, "", "temperature"},
		{"zai", "glm-5.3", &one, "", ""},
		{"zai", "glm-5.2", &zero, "medium", ""},
		{"anthropic", "claude-opus-5", &low, "", "temperature"},
		{"anthropic", "claude-sonnet-4-6", &zero, "medium", ""},
		{"openai_compatible", "deepseek-v4-pro", &low, "high", "temperature"},
		{"openai_compatible", "deepseek-v4-pro", &low, "off", ""},
		{"openai_compatible", "deepseek-v4-pro", &low, "", "temperature"},
		{"openai_compatible", "llama-3-70b", &low, "high", ""},
		{"openai", "gpt-5.4", &zero, "medium", "temperature"},
		{"anthropic_compatible", "kimi-k2.5", &low, "", ""},
	}
	for _, tt := range tests {
		var fields []string
		for _, is := range Tuning(cur, tt.provider, tt.model, tt.temp, tt.effort) {
			fields = append(fields, is.Field)
		}
		if strings.Join(fields, ",") != tt.fields {
			t.Errorf("%s/%s temp %v effort %q: issues %v, want %q", tt.provider, tt.model, tt.temp, tt.effort, fields, tt.fields)
		}
		if Tuning(mid, tt.provider, tt.model, tt.temp, tt.effort) != nil {
			t.Errorf("mid-2026 Test validates nothing")
		}
	}
	if got, note := WireTemperature(cur, "moonshot", "kimi-k2.7-code", "medium", &one); got != nil || !strings.Contains(note, "not sent") {
		t.Errorf("wire temperature of an unsupported model = %v %q", got, note)
	}
	if got, _ := WireTemperature(cur, "zai", "glm-5.3", "", &zero); got == nil || *got != 1 {
		t.Errorf("a fixed temperature is sent whatever the slot says: %v", got)
	}
	if got, note := WireTemperature(mid, "moonshot", "kimi-k2.7-code", "medium", &one); got != &one || note != "" {
		t.Errorf("mid-2026 sends the temperature as stored")
	}
}

// The preview on the current line, as golden files.
func TestPreviewGoldenCurrent(t *testing.T) {
	cases := map[string]Input{
		"sonnet-4-6-off":         {Provider: "anthropic", Model: "claude-sonnet-4-6", Effort: "off"},
		"glm-5-2-compat-medium":  {Provider: "openai_compatible", Model: "glm-5.2", Effort: "medium"},
		"glm-5-2-zai-medium":     {Provider: "zai", Model: "glm-5.2", Effort: "medium"},
		"kimi-k2-7-code-unset":   {Provider: "moonshot", Model: "kimi-k2.7-code"},
		"llama3-high":            {Provider: "openai_compatible", Model: "llama3", Effort: "high"},
		"novita-high":            {Provider: "novita", Model: "deepseek/deepseek-r1", Effort: "high"},
		"vertex-sonnet-4-6":      {Provider: "google_vertex", Model: "claude-sonnet-4-6", Effort: "medium"},
		"openrouter-glm-5-2-low": {Provider: "open_router", Model: "z-ai/glm-5.2", Effort: "low", OpenRouterOrder: []string{"z-ai"}},
	}
	for name, in := range cases {
		in.Line = cur
		t.Run(name, func(t *testing.T) {
			r, err := Build(in)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.MarshalIndent(r, "", "  ")
			b = append(b, '\n')
			path := filepath.Join("testdata", "preview-current", name+".json.golden")
			golden.Assert(t, path, b)
		})
	}
}
