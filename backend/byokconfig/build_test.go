package byokconfig

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/golden"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

var (
	current = kodusline.MustGet(kodusline.Current)
	mid     = kodusline.MustGet(kodusline.Mid2026)
)

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }
func strp(v string) *string  { return &v }

func assertGolden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden.Assert(t, filepath.Join("testdata", name), got)
}

var (
	sonnetOff = profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6", Temperature: f64(0), MaxOutputTokens: intp(16384), ReasoningEffort: "off"}}
	glmPlan   = profile.Slot{
		Settings: profile.Settings{
			Provider:              "zai",
			Model:                 "glm-5.2",
			Plan:                  "coding-plan",
			BaseURL:               "https://api.z.ai/api/coding/paas/v4",
			Temperature:           f64(0),
			MaxOutputTokens:       intp(16384),
			ReasoningEffort:       "medium",
			MaxConcurrentRequests: intp(1),
		},
	}
	routed = profile.Slot{Settings: profile.Settings{Provider: "open_router", Model: "z-ai/glm-5", ReasoningEffort: "low", OpenRouterProviderOrder: []string{"z-ai"}, OpenRouterAllowFallbacks: profile.Ptr(false)}}
)

// The v2 shape of Kodus latest: one credential and one model per slot,
// Main and Fallback in routing, Off as "none", keys left out.
func TestV2Golden(t *testing.T) {
	e := Build(current, "team", Slot{Role: "main", Slot: sonnetOff}, &Slot{Role: "fallback", Slot: glmPlan}, false)
	if e.V2 == nil || e.V1 != nil || e.Shape != 2 {
		t.Fatalf("shape = %+v", e)
	}
	assertGolden(t, "v2-team.json", e)
	m := e.V2.Models[0]
	if m.ReasoningEffort != "none" || e.V2.Routing.DefaultModelID != "team-main" || e.V2.Routing.FallbackModelID != "team-fallback" {
		t.Errorf("v2 = %+v %+v", m, e.V2.Routing)
	}
	if e.V2.Credentials[1].Settings == nil || e.V2.Credentials[1].Settings.BaseURL != glmPlan.BaseURL || e.V2.Credentials[0].Settings != nil {
		t.Errorf("credential settings: %+v", e.V2.Credentials)
	}
	if len(e.Warnings) != 0 || !hasText(e.Notes, "keys are left out") {
		t.Errorf("warnings %v notes %v", e.Warnings, e.Notes)
	}
}

// The mid-2026 line keeps v1 exactly as the app exported it before lines.
func TestV1Golden(t *testing.T) {
	main := profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6", Temperature: f64(0), MaxOutputTokens: intp(16384), ReasoningEffort: "medium"}}
	e := Build(mid, "team", Slot{Role: "main", Slot: main}, &Slot{Role: "fallback", Slot: routed}, false)
	js, _ := json.Marshal(e)
	want := `{"main":{"provider":"anthropic","model":"claude-sonnet-4-6","reasoningEffort":"medium","temperature":0,"maxOutputTokens":16384},"fallback":{"provider":"open_router","model":"z-ai/glm-5"}}`
	if string(js) != want {
		t.Errorf("v1 =\n%s\nwant\n%s", js, want)
	}
	if len(e.Notes) != 3 {
		t.Errorf("notes = %v", e.Notes)
	}
	custom := profile.Slot{Settings: profile.Settings{Provider: "open_router", Model: "m", ReasoningEffort: "custom", ReasoningConfigOverride: `{"x":1}`, OpenRouterAllowFallbacks: profile.Ptr(false)}}
	e = Build(mid, "p", Slot{Role: "main", Slot: custom}, nil, false)
	if e.V1.Main.ReasoningEffort != "" || e.V1.Main.ReasoningConfigOverride != `{"x":1}` || e.V1.Main.OpenRouterAllowFallbacks == nil || e.V1.Fallback != nil {
		t.Errorf("custom = %+v", e.V1.Main)
	}
	if e = Build(mid, "p", Slot{Role: "main", Slot: sonnetOff}, nil, false); e.V1.Main.ReasoningEffort != "" {
		t.Errorf("mid-2026 Off = %q, want left out", e.V1.Main.ReasoningEffort)
	}
}

func TestKeysOnlyWithKeys(t *testing.T) {
	key := secrets.NewSecret("sk-ant-FAKE-main-000")
	for _, l := range []*kodusline.Line{current, mid} {
		with, _ := json.Marshal(Build(l, "p", Slot{Role: "main", Slot: sonnetOff, Key: key}, nil, true))
		without, _ := json.Marshal(Build(l, "p", Slot{Role: "main", Slot: sonnetOff, Key: key}, nil, false))
		if !strings.Contains(string(with), key.Reveal()) || strings.Contains(string(without), key.Reveal()) || strings.Contains(string(without), "apiKey") {
			t.Errorf("%s: with %s / without %s", l.ID, with, without)
		}
	}
}

func TestV2Reasoning(t *testing.T) {
	tests := []struct {
		effort, override, wantEffort, wantOverride, note string
	}{
		{"off", "", "none", "", ""},
		{"low", "", "low", "", ""},
		{"high", "", "high", "", ""},
		{"custom", `{"effort":"low"}`, "", `{"effort":"low"}`, ""},
		{"", "", "", "", "Thinking is not set"},
	}
	for _, tt := range tests {
		s := sonnetOff
		s.ReasoningEffort, s.ReasoningConfigOverride = tt.effort, tt.override
		e := Build(current, "p", Slot{Role: "main", Slot: s}, nil, false)
		m := e.V2.Models[0]
		if m.ReasoningEffort != tt.wantEffort || m.ReasoningConfigOverride != tt.wantOverride || (tt.note != "" && !hasText(e.Notes, tt.note)) {
			t.Errorf("%q: got %q %q %v", tt.effort, m.ReasoningEffort, m.ReasoningConfigOverride, e.Notes)
		}
	}
}

// What Kodus latest refuses is said, with why; the mid-2026 export says
// nothing of base URLs (that Kodus had no such rule for BYOK).
func TestWarnings(t *testing.T) {
	local := profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "llama3", BaseURL: "http://192.168.1.20:11434/v1", ReasoningEffort: "high"}}
	tests := []struct {
		name  string
		line  *kodusline.Line
		slot  profile.Slot
		codes []string
		text  string
	}{
		{"http private", current, local, []string{"base-url-https", "base-url-private"}, "private (RFC 1918) address"},
		{"loopback name", current, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "m", BaseURL: "https://localhost:8000/v1"}}, []string{"base-url-private"}, "loopback"},
		{"100.64", current, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "m", BaseURL: "https://100.64.1.2/v1"}}, []string{"base-url-private"}, "100.64"},
		{"link-local", current, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "m", BaseURL: "https://169.254.169.254/v1"}}, []string{"base-url-private"}, "link-local"},
		{"endpoint suffix", current, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "m", BaseURL: "https://api.example.com/v1/chat/completions"}}, []string{"base-url-endpoint"}, `Use "https://api.example.com/v1"`},
		{"messages suffix", current, profile.Slot{Settings: profile.Settings{Provider: "anthropic_compatible", Model: "m", BaseURL: "https://api.example.com/v1/messages/"}}, []string{"base-url-endpoint"}, "/v1/messages"},
		{"public https fine", current, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "m", BaseURL: "https://api.example.com/v1"}}, nil, ""},
		{"tuning", current, profile.Slot{Settings: profile.Settings{Provider: "moonshot", Model: "kimi-k2.7-code", Temperature: f64(1), ReasoningEffort: "off"}}, []string{"tuning-temperature", "tuning-reasoning"}, "does not accept a temperature"},
		{"mid-2026 keeps quiet", mid, local, nil, ""},
		{"zai unknown to mid-2026", mid, glmPlan, []string{"unknown-provider"}, `no provider "zai"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Build(tt.line, "p", Slot{Role: "main", Slot: tt.slot}, nil, false)
			var codes []string
			all := ""
			for _, w := range e.Warnings {
				codes = append(codes, w.Code)
				all += w.Message + " " + w.Fix + "\n"
			}
			if strings.Join(codes, ",") != strings.Join(tt.codes, ",") || !strings.Contains(all, tt.text) {
				t.Errorf("warnings = %v\n%s", codes, all)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	existing := V2{Version: 2,
		Credentials: []Credential{
			{ID: "env", Provider: "openai_compatible", APIKey: strp("envsecret"), Managed: true},
			{ID: "other-cred", Provider: "openai", APIKey: strp("sk…xyz")},
			{ID: "team-main-credential", Provider: "openai", APIKey: strp("sk…abc")},
		},
		Models: []Model{
			{ID: "other", CredentialID: "other-cred", Model: "gpt-5.4"},
			{ID: "team-main", CredentialID: "team-main-credential", Model: "gpt-5.2", RPM: intp(60)},
		},
		Routing: &Routing{Mode: "manual", TaskOverrides: &TaskOverrides{PRSummary: "other"}, DefaultModelID: "other", FallbackModelID: "other"},
	}
	add := Build(current, "team", Slot{Role: "main", Slot: sonnetOff}, nil, false).V2
	got := Merge(existing, *add)
	assertGolden(t, "merge.json", got)
	if *got.Credentials[1].APIKey != "" || *got.Credentials[0].APIKey != "envsecret" || got.Credentials[2].APIKey != nil {
		t.Errorf("a carried-over credential must be re-sent with apiKey \"\" and a managed one untouched: %+v", got.Credentials)
	}
	last := got.Models[len(got.Models)-1]
	if len(got.Models) != 2 || last.Model != "claude-sonnet-4-6" || last.RPM == nil || *last.RPM != 60 {
		t.Errorf("models = %+v", got.Models)
	}
	if got.Routing.DefaultModelID != "team-main" || got.Routing.FallbackModelID != "" || got.Routing.TaskOverrides.PRSummary != "other" || got.Routing.Mode != "manual" {
		t.Errorf("routing = %+v", got.Routing)
	}
}

func hasText(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
