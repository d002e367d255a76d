package envfile_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Prepare works out the block without the key (a caller reads the key
// meanwhile); Build with the key gives what the one-call Build gives.
func TestPrepareThenBuildWithTheKey(t *testing.T) {
	l := kodusline.MustGet(kodusline.Current)
	now := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	key := secrets.NewSecret("sk-ant-api03-" + "FAKE-test-key-0001")
	cases := []profile.Slot{
		{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6", ReasoningEffort: "high"}},
		{Settings: profile.Settings{Provider: "openai_compatible", Model: "qwen3-coder", BaseURL: "http://localhost:11434/v1"}},
		{Settings: profile.Settings{Provider: "moonshot", Model: "kimi-k2.7-code", Plan: "code-plan"}},
	}
	for _, slot := range cases {
		src := envfile.Source{Profile: "team", Main: slot, Catalog: l.Catalog(), Line: l}
		opts := envfile.Options{LANAddresses: func() []string { return []string{"192.168.1.20"} }}
		withKey := src
		withKey.Key = key
		want, wantErr := envfile.Build(withKey, opts, now)
		if wantErr != nil || len(want.Warnings) == 0 {
			t.Fatalf("%s: Build = %v (each case should build, with warnings to compare)", slot.Model, wantErr)
		}
		got, err := envfile.Prepare(src, opts, now).Build(key)
		if (err == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Prepare+Build = %+v, %v; Build = %+v, %v", slot.Model, got, err, want, wantErr)
		}
	}
	// Prepare ignores Source.Key: the key given to Build is what is written.
	src := envfile.Source{Profile: "team", Main: cases[0], Key: secrets.NewSecret("sk-ant-api03-" + "FAKE-old-key-0002"), Catalog: l.Catalog(), Line: l}
	b, err := envfile.Prepare(src, envfile.Options{}, now).Build(key)
	if err != nil || b.Get(envfile.VarOpenAIKey) != key.Reveal() {
		t.Fatalf("key written = %v", err)
	}
	// A slot that cannot be exported says so before the missing key.
	bad := envfile.Source{Profile: "team", Main: profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "auto"}}, Catalog: l.Catalog(), Line: l}
	if _, err := envfile.Prepare(bad, envfile.Options{}, now).Build(secrets.Secret{}); err == nil || !strings.Contains(err.Error(), `"auto" turns it off`) {
		t.Fatalf("auto model: %v", err)
	}
	if _, err := envfile.Prepare(envfile.Source{Profile: "team", Main: cases[0], Catalog: l.Catalog(), Line: l}, envfile.Options{}, now).Build(secrets.Secret{}); err == nil || !strings.Contains(err.Error(), "no key") {
		t.Fatalf("no key: %v", err)
	}
}
