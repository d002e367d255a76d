package envfile_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

func TestInspect(t *testing.T) {
	r, err := envfile.Inspect(fixture(t), nil)
	if err != nil || r.FixedMode || len(r.Problems) != 0 || r.KeyMasked != "" {
		t.Fatalf("fixture: %+v %v", r, err)
	}
	b := build(t, envfile.Source{Main: draft(t, "kimi-k2.6", "moonshot"), Key: secrets.NewSecret(fakeKeys[catalog.OpenAICompatible])}, envfile.Options{})
	merged, _ := envfile.Merge(fixture(t), b)
	r, err = envfile.Inspect(merged.Content, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.FixedMode || r.Inferred.Provider != "openai_compatible" || r.Inferred.Model != "kimi-k2.6" || r.Inferred.BaseURL != "https://api.moonshot.ai/v1" ||
		r.Inferred.TemperatureOverride != "1" || r.KeyMasked != "FA…pqr" || r.KeyVar != "API_OPEN_AI_API_KEY" || len(r.Warnings) != 0 {
		t.Errorf("report = %+v", r)
	}
	js, _ := json.Marshal(r)
	if strings.Contains(string(js), fakeKeys[catalog.OpenAICompatible]) {
		t.Error("the report carries the key")
	}

	bad := "API_LLM_PROVIDER_MODEL=kimi-k2.6\nAPI_OPEN_AI_API_KEY=sk-FAKE-0000-aaaaaa\nAPI_OPENAI_FORCE_BASE_URL=http://127.0.0.1:8000/v1\nAPI_VERTEX_AI_API_KEY=x\nAPI_LLM_PROVIDER_MODEL=kimi-k2.6\n"
	r, _ = envfile.Inspect(bad, nil)
	codes := map[string]bool{}
	for _, w := range r.Warnings {
		codes[w.Code] = true
	}
	for _, c := range []string{"vertex-legacy", "localhost", "temperature", "duplicate"} {
		if !codes[c] {
			t.Errorf("no %s warning in %+v", c, r.Warnings)
		}
	}
	if _, err := envfile.Inspect("A='open\n", nil); err == nil {
		t.Error("a broken file inspected without error")
	}
}

// Import is the reverse of export: the block of a profile becomes the
// same profile slot again.
func TestToSlotRoundTrip(t *testing.T) {
	cat := kodusline.MustGet(kodusline.Mid2026).Catalog()
	cases := []struct {
		slot profile.Slot
		key  string
	}{
		{draft(t, "claude-sonnet-4-6", ""), fakeKeys[catalog.Anthropic]},
		{draft(t, "gpt-5.4", ""), fakeKeys[catalog.OpenAI]},
		{draft(t, "glm-5.1", "coding-plan"), fakeKeys[catalog.OpenAICompatible]},
		{profile.Slot{Settings: profile.Settings{Provider: catalog.OpenRouter, Model: "z-ai/glm-5"}}, fakeKeys[catalog.OpenRouter]},
		{profile.Slot{Settings: profile.Settings{Provider: catalog.Novita, Model: "deepseek/deepseek-v3"}}, fakeKeys[catalog.Novita]},
		{profile.Slot{Settings: profile.Settings{Provider: catalog.GoogleGemini, Model: "gemini-2.5-pro"}}, fakeKeys[catalog.GoogleGemini]},
		{profile.Slot{Settings: profile.Settings{Provider: catalog.GoogleVertex, Model: "gemini-2.5-pro", VertexLocation: "global"}}, fakeServiceAccount},
		{profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "llama3.1:8b", BaseURL: "http://192.168.1.20:11434/v1"}}, ""},
	}
	for _, c := range cases {
		b := build(t, envfile.Source{Main: c.slot, Key: secrets.NewSecret(c.key)}, envfile.Options{})
		text, _ := b.Render(false)
		s, key, err := envfile.ToSlot(text, cat)
		if err != nil {
			t.Fatalf("%s: %v", c.slot.Model, err)
		}
		if s.Provider != c.slot.Provider || s.Model != c.slot.Model || s.BaseURL != c.slot.BaseURL || s.VertexLocation != c.slot.VertexLocation {
			t.Errorf("%s: imported %+v, want %+v", c.slot.Model, s, c.slot)
		}
		want := c.key
		if c.slot.Provider == catalog.GoogleVertex {
			want = b.Get(envfile.VarVertexKey)
		}
		if key.Reveal() != want {
			t.Errorf("%s: key %q, want %q", c.slot.Model, key.Masked(), secrets.Mask(want))
		}
	}
	if _, _, err := envfile.ToSlot(fixture(t), cat); err == nil || !strings.Contains(err.Error(), "Fixed Mode is off") {
		t.Errorf("import of an auto file: %v", err)
	}
}

// A .env says which Kodus it runs (IMAGE_TAG): it is compared with the
// line the app follows, naming both when they differ.
func TestInspectImageTag(t *testing.T) {
	cur, mid := kodusline.MustGet(kodusline.Current), kodusline.MustGet(kodusline.Mid2026)
	tests := []struct {
		name, env string
		line      *kodusline.Line
		wantLine  string
		warn      []string
	}{
		{"pinned 2.1 under current", "IMAGE_TAG=selfhosted-2.1.28\n", cur, "mid-2026", []string{"Kodus selfhosted-2.1.x", "IMAGE_TAG=selfhosted-2.1.28", "Kodus latest", "kodus line set mid-2026"}},
		{"pinned 2.1 under mid-2026", "IMAGE_TAG=selfhosted-2.1.28\n", mid, "mid-2026", nil},
		{"latest under current", "IMAGE_TAG=latest\n", cur, "current", nil},
		{"unset under current", "API_LLM_PROVIDER_MODEL=auto\n", cur, "current", nil},
		{"unset under mid-2026", "API_LLM_PROVIDER_MODEL=auto\n", mid, "current", []string{"IMAGE_TAG unset", "Kodus latest"}},
		{"unknown tag", "IMAGE_TAG=my-fork-3\n", cur, "", []string{"cannot place", "IMAGE_TAG=my-fork-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := envfile.Inspect(tt.env, tt.line)
			if err != nil {
				t.Fatal(err)
			}
			var msg string
			for _, w := range r.Warnings {
				if w.Code == "kodus-line" {
					msg += w.Message + " " + w.Fix
				}
			}
			if r.KodusLine != tt.wantLine || (tt.warn == nil) != (msg == "") {
				t.Fatalf("line %q, warning %q", r.KodusLine, msg)
			}
			for _, w := range tt.warn {
				if !strings.Contains(msg, w) {
					t.Errorf("warning lacks %q: %s", w, msg)
				}
			}
		})
	}
}
