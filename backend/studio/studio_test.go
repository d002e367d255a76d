package studio

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
)

// A fake key, written in two parts so that no line of the source looks
// like a real key.
const fakeStoredKey = "sk-proj-" + "FAKE-test-key-0003"

// newStudio opens a studio on a temp data dir with the real file keychain.
func newStudio(t *testing.T) *testStudio {
	t.Helper()
	env := map[string]string{"KODUS_BYOK_HOME": t.TempDir(), "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "test-pass"}
	s, err := openAll(Options{Getenv: func(k string) string { return env[k] }, Line: kodusline.Mid2026})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func strp(s string) *string { return &s }

const anthropicKey = "sk-ant-api03-FAKEAAAAbbbbCCCCddddEEEE"

func save(t *testing.T, s *testStudio, name, slot string, cfg profile.Slot, key string) SaveResult {
	t.Helper()
	var k *string
	if key != "" {
		k = &key
	}
	res, err := s.Save(context.Background(), SaveRequest{Profile: name, Slot: slot, Config: cfg, Key: k})
	if err != nil {
		t.Fatalf("save %s/%s: %v", name, slot, err)
	}
	return res
}

func TestSaveStoresKeyOnlyInKeychain(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	draft, err := s.draft("claude-sonnet-4-6", "")
	if err != nil {
		t.Fatal(err)
	}
	res := save(t, s, "team", profile.SlotMain, draft, "  \""+anthropicKey+"\"\n")
	if res.Profile.Main.APIKeyMasked != "sk…EEE" || !res.Profile.Main.HasKey {
		t.Fatalf("masked = %q", res.Profile.Main.APIKeyMasked)
	}
	if !strings.Contains(strings.Join(res.Notices, ";"), "quotes") {
		t.Errorf("cleaning not reported: %v", res.Notices)
	}
	got, err := s.slotKey(ctx, "team", profile.SlotMain)
	if err != nil || got.Reveal() != anthropicKey {
		t.Fatalf("SlotKey = %s, %v", got.Masked(), err)
	}
	// Neither the bbolt file nor anything else in the data dir holds the key.
	if err := filepath.WalkDir(s.home, func(p string, d os.DirEntry, _ error) error {
		if d != nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			if strings.Contains(string(b), "AAAAbbbbCCCC") {
				t.Errorf("%s holds the key in plain text", p)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	v := res.Profile.Main
	if v.Temperature == nil || *v.Temperature != 0 || *v.MaxOutputTokens != 16384 || v.ReasoningEffort != "medium" || v.ModelName != "Claude Sonnet 4.6" {
		t.Errorf("view = %+v", v)
	}
}

func TestFallbackNeedsMain(t *testing.T) {
	s := newStudio(t)
	_, err := s.Save(context.Background(), SaveRequest{Profile: "p", Slot: profile.SlotFallback, Config: profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4"}}, Key: strp("sk-proj-" + "FAKE-test-key-0002")})
	if !errors.Is(err, ErrNoMain) {
		t.Fatalf("fallback first = %v", err)
	}
}

func TestKeyKeptReplacedAndRequired(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	first := save(t, s, "p", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-opus-4-7"}}, anthropicKey)
	oldRef := mustProfile(t, s, "p").Main.KeyRef

	// Same provider, no key: kept.
	kept := save(t, s, "p", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, "")
	if kept.Profile.Main.APIKeyMasked != first.Profile.Main.APIKeyMasked {
		t.Fatalf("key not kept: %v", kept.Profile.Main.APIKeyMasked)
	}

	// Another provider, no key: refused, naming the field.
	_, err := s.Save(ctx, SaveRequest{Profile: "p", Slot: profile.SlotMain, Config: profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4"}}})
	if fes := profile.AsFieldErrors(err); len(fes) != 1 || fes[0].Field != "apiKey" {
		t.Fatalf("provider change without key = %v", err)
	}

	// A new key replaces the old keychain item, which is removed.
	save(t, s, "p", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4"}}, fakeStoredKey)
	if _, err := s.keys.Get(ctx, oldRef); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("old key still in keychain: %v", err)
	}
	k, _ := s.slotKey(ctx, "p", profile.SlotMain)
	if k.Reveal() != fakeStoredKey {
		t.Fatal("new key not stored")
	}
}

// Kodus offers a Z.ai key to Kimi because both are openai_compatible; here
// a key is kept only on the same endpoint host.
func TestKeyNotCarriedToAnotherHost(t *testing.T) {
	s := newStudio(t)
	glm, _ := s.draft("glm-5.1", "paas")
	save(t, s, "p", profile.SlotMain, glm, "zai-0123456789abcdef.ghij")
	kimi, _ := s.draft("kimi-k2.6", "moonshot")
	_, err := s.Save(context.Background(), SaveRequest{Profile: "p", Slot: profile.SlotMain, Config: kimi})
	if fes := profile.AsFieldErrors(err); len(fes) != 1 || fes[0].Field != "apiKey" {
		t.Fatalf("Z.ai key carried to Moonshot: %v", err)
	}
	// Switching GLM plan stays on api.z.ai: the key is kept.
	coding, _ := s.draft("glm-5.1", "coding-plan")
	res := save(t, s, "p", profile.SlotMain, coding, "")
	if !res.Profile.Main.HasKey || *res.Profile.Main.MaxConcurrentRequests != 1 {
		t.Fatalf("plan switch = %+v", res.Profile.Main)
	}
}

func TestPlansAndAliases(t *testing.T) {
	s := newStudio(t)
	tests := []struct {
		name               string
		cfg                profile.Slot
		wantModel, wantURL string
		wantConc           *int
		notice             string
	}{
		{"glm coding plan", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan"}}, "glm-5.1", "https://api.z.ai/api/coding/paas/v4", profile.Ptr(1), ""},
		{"glm developer", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas"}}, "glm-5.1", "https://api.z.ai/api/paas/v4/", nil, ""},
		{"kimi code plan", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "kimi-code"}}, "kimi-for-coding", "https://api.kimi.com/coding/v1", profile.Ptr(30), "kimi-for-coding"},
		{"the Kodus docs' kimi id", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "kimi-k2.6-coding", BaseURL: "https://api.moonshot.ai/v1"}}, "kimi-k2.6", "https://api.moonshot.ai/v1", nil, "provider's id"},
		{"explicit concurrency wins over plan", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan", MaxConcurrentRequests: profile.Ptr(30)}}, "glm-5.1", "https://api.z.ai/api/coding/paas/v4", profile.Ptr(30), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, notices, err := s.prepareSlot(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if got.Model != tt.wantModel || got.BaseURL != tt.wantURL {
				t.Errorf("got %s @ %s", got.Model, got.BaseURL)
			}
			if (got.MaxConcurrentRequests == nil) != (tt.wantConc == nil) || (tt.wantConc != nil && *got.MaxConcurrentRequests != *tt.wantConc) {
				t.Errorf("concurrency = %v", got.MaxConcurrentRequests)
			}
			if tt.notice != "" && !strings.Contains(strings.Join(notices, ";"), tt.notice) {
				t.Errorf("notices = %v", notices)
			}
		})
	}
}

func TestKeylessLocalServer(t *testing.T) {
	s := newStudio(t)
	res := save(t, s, "local", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: "http://127.0.0.1:11434/v1"}}, "")
	if res.Profile.Main.HasKey || res.Profile.Main.EffectiveBaseURL != "http://127.0.0.1:11434/v1" {
		t.Fatalf("local = %+v", res.Profile.Main)
	}
}

func TestDeleteRemovesKeys(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	save(t, s, "p", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, anthropicKey)
	save(t, s, "p", profile.SlotFallback, profile.Slot{Settings: profile.Settings{Provider: "google_gemini", Model: "gemini-2.5-pro"}}, "AIzaSyFAKEA-0123456789abcdefghij")
	p := mustProfile(t, s, "p")

	view, notices, err := s.DeleteFallback(ctx, "p")
	if err != nil || view.Fallback != nil || len(notices) != 0 {
		t.Fatalf("DeleteFallback = %+v %v %v", view.Fallback, notices, err)
	}
	if _, err := s.keys.Get(ctx, p.Fallback.KeyRef); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("fallback key left behind: %v", err)
	}
	if _, _, err := s.DeleteFallback(ctx, "p"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second DeleteFallback = %v", err)
	}
	if _, err := s.Delete(ctx, "p"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.keys.Get(ctx, p.Main.KeyRef); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("main key left behind: %v", err)
	}
	if _, err := s.Delete(ctx, "p"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleting twice = %v", err)
	}
	keys, _ := s.keys.Keys(ctx)
	if len(keys) != 0 {
		t.Fatalf("keychain not empty: %v", keys)
	}
}

func TestAdvice(t *testing.T) {
	s := newStudio(t)
	save(t, s, "p", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, anthropicKey)
	if a := mustView(t, s, "p").Advice; len(a) != 1 || !strings.Contains(a[0], "No fallback") {
		t.Fatalf("advice without fallback = %v", a)
	}
	save(t, s, "p", profile.SlotFallback, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-opus-4-7"}}, anthropicKey)
	if a := mustView(t, s, "p").Advice; len(a) != 1 || !strings.Contains(a[0], "both use Anthropic") {
		t.Fatalf("advice same provider = %v", a)
	}
	save(t, s, "p", profile.SlotFallback, profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4"}}, "sk-proj-"+"FAKE0123456789abcdef")
	if a := mustView(t, s, "p").Advice; len(a) != 0 {
		t.Fatalf("advice for a good setup = %v", a)
	}
}

func TestCheckSlot(t *testing.T) {
	s := newStudio(t)
	save(t, s, "p", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, anthropicKey)
	c := s.CheckSlot("p", profile.SlotMain, SlotInput{Provider: "anthropic", Model: "claude-opus-4-7"})
	if len(c.FieldErrors) != 0 || c.KeptKeyMasked != "sk…EEE" || c.KeyRequired {
		t.Fatalf("same provider check = %+v", c)
	}
	c = s.CheckSlot("p", profile.SlotMain, SlotInput{Provider: "openai", Model: "gpt-5.4", Temperature: profile.Ptr(5.0)})
	if c.KeptKeyMasked != "" || !c.KeyRequired || len(c.FieldErrors) != 1 || c.FieldErrors[0].Field != "temperature" {
		t.Fatalf("other provider check = %+v", c)
	}
	c = s.CheckSlot("bad name", profile.SlotMain, SlotInput{Provider: "openai", Model: "gpt-5.4"})
	if len(c.FieldErrors) != 1 || c.FieldErrors[0].Field != "name" {
		t.Fatalf("bad profile name = %+v", c)
	}
	res, err := s.SaveSlot(context.Background(), SaveSlotRequest{Profile: "p", Slot: "main", Config: SlotInput{Provider: "openai", Model: ""}})
	if err != nil || res.Saved || len(res.FieldErrors) == 0 {
		t.Fatalf("SaveSlot with errors = %+v %v", res, err)
	}
}

func TestPreviewKey(t *testing.T) {
	p := PreviewKey("'sk-proj-" + "FAKE0123456789abcdef'\n")
	if p.Masked != "sk…def" || p.Error != "" || len(p.Notes) == 0 {
		t.Fatalf("preview = %+v", p)
	}
	if p := PreviewKey("sk proj"); p.Error == "" || p.Masked != "" {
		t.Fatalf("bad key preview = %+v", p)
	}
}

func TestKeepsKey(t *testing.T) {
	base := profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", BaseURL: "https://api.z.ai/api/paas/v4/"}, KeyRef: "r"}
	tests := []struct {
		name string
		next profile.Slot
		want bool
	}{
		{"same host other path", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", BaseURL: "https://api.z.ai/api/coding/paas/v4"}}, true},
		{"other host", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", BaseURL: "https://api.moonshot.ai/v1"}}, false},
		{"other provider", profile.Slot{Settings: profile.Settings{Provider: "openai", BaseURL: "https://api.z.ai/api/paas/v4/"}}, false},
		{"host case", profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", BaseURL: "https://API.Z.AI/api/paas/v4/"}}, true},
	}
	for _, tt := range tests {
		if got := KeepsKey(base, tt.next); got != tt.want {
			t.Errorf("%s: KeepsKey = %v", tt.name, got)
		}
	}
	if KeepsKey(profile.Slot{Settings: profile.Settings{Provider: "openai"}}, profile.Slot{Settings: profile.Settings{Provider: "openai"}}) {
		t.Error("a slot without a key keeps a key")
	}
}

func mustProfile(t *testing.T, s *testStudio, name string) profile.Profile {
	t.Helper()
	p, err := s.store.Profile(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustView(t *testing.T, s *testStudio, name string) ProfileView {
	t.Helper()
	v, err := s.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEnvReportsUnavailableKeychain(t *testing.T) {
	env := map[string]string{"KODUS_BYOK_HOME": t.TempDir(), "KODUS_BYOK_KEYRING": "secret-service"}
	s, err := openAll(Options{Getenv: func(k string) string { return env[k] }, Line: kodusline.Mid2026})
	if err != nil {
		t.Fatal(err)
	}
	info := s.Env()
	if s.keys.Available() == nil {
		t.Skip("a Secret Service is running here")
	}
	if !strings.Contains(info.KeychainProblem, "KODUS_BYOK_KEYRING") || info.KeychainBackend != "secret-service" {
		t.Fatalf("env = %+v", info)
	}
	if s2 := newStudio(t); s2.Env().KeychainProblem != "" {
		t.Fatalf("file backend reported a problem: %q", s2.Env().KeychainProblem)
	}
}
