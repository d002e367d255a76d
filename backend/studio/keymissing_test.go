package studio

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/profile"
)

// A key deleted from the keychain behind the app's back shows as missing
// wherever the profile is shown, and every use of it (the .env export, the
// key test, the dry run) fails with an error naming the profile and slot.
func TestKeyDeletedBehindTheAppsBack(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	draft, err := s.draft("claude-sonnet-4-6", "")
	if err != nil {
		t.Fatal(err)
	}
	save(t, s, "team", profile.SlotMain, draft, anthropicKey)
	p, _ := s.store.Profile("team")
	if err := s.keys.Delete(ctx, p.Main.KeyRef); err != nil {
		t.Fatal(err)
	}

	for _, v := range func() []ProfileView {
		one, err := s.Get("team")
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.List()
		if err != nil {
			t.Fatal(err)
		}
		return append(all, one)
	}() {
		if !v.Main.KeyMissing || v.Main.HasKey || v.Main.APIKeyMasked != "" {
			t.Fatalf("view of a missing key = %+v", v.Main)
		}
	}

	uses := map[string]func() error{
		"env": func() error { _, _, err := s.exports().EnvBlock(ctx, "team", EnvOptions{}); return err },
		"test": func() error {
			_, err := s.TestSaved(ctx, "team", []string{profile.SlotMain}, time.Second)
			return err
		},
		"dry run": func() error {
			_, err := s.DryRun(ctx, DryRunRequest{Profile: "team", Slot: profile.SlotMain})
			return err
		},
	}
	for name, use := range uses {
		err := use()
		if !errors.Is(err, ErrKeyMissing) || !strings.Contains(err.Error(), `profile "team", main slot`) ||
			!strings.Contains(err.Error(), "--key-stdin") {
			t.Errorf("%s with a missing key = %v", name, err)
		}
	}

	// Saving the slot again without a key does not keep the missing one.
	_, err = s.Save(ctx, SaveRequest{Profile: "team", Slot: profile.SlotMain, Config: p.Main})
	if fes := profile.AsFieldErrors(err); len(fes) != 1 || fes[0].Field != "apiKey" || !strings.Contains(fes[0].Rule, "missing from the keychain") {
		t.Fatalf("save without the missing key = %v", err)
	}
	if c := s.CheckSlot("team", profile.SlotMain, InputFromSlot(p.Main)); c.KeptKeyMasked != "" || !c.KeyRequired {
		t.Fatalf("CheckSlot = %+v", c)
	}
	k := anthropicKey
	if _, err := s.Save(ctx, SaveRequest{Profile: "team", Slot: profile.SlotMain, Config: p.Main, Key: &k}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Get("team"); v.Main.KeyMissing || !v.Main.HasKey {
		t.Fatalf("after saving the key again: %+v", v.Main)
	}
}
