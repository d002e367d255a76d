package studio

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
)

func TestLineChoice(t *testing.T) {
	home := t.TempDir()
	l, info, err := ResolveLine(home, "")
	if err != nil || l.ID != kodusline.Current || info.Source != LineFromDefault || info.Saved != "" {
		t.Fatalf("default = %v %+v %v", l, info, err)
	}
	if err := SaveLine(home, "mid-2026", time.Now()); err != nil {
		t.Fatal(err)
	}
	if l, info, _ = ResolveLine(home, ""); l.ID != kodusline.Mid2026 || info.Source != LineFromFile {
		t.Errorf("saved = %s %s", l.ID, info.Source)
	}
	if l, info, _ = ResolveLine(home, "latest"); l.ID != kodusline.Current || info.Source != LineFromFlag {
		t.Errorf("flag = %s %s", l.ID, info.Source)
	}
	if _, _, err := ResolveLine(home, "2030"); err == nil {
		t.Error("an unknown flag is an error")
	}
	if err := SaveLine(home, "nope", time.Now()); err == nil {
		t.Error("an unknown line is not saved")
	}
	if err := os.WriteFile(filepath.Join(home, lineFile), []byte(`{"line":"2030"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ResolveLine(home, ""); err == nil || !strings.Contains(err.Error(), "unknown Kodus line") {
		t.Errorf("a broken saved line: %v", err)
	}
	if _, err := Open(Options{Getenv: func(k string) string {
		return map[string]string{"KODUS_BYOK_HOME": home, "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "p"}[k]
	}}); err == nil || !strings.Contains(err.Error(), "unknown Kodus line") {
		t.Errorf("Open with a broken saved line: %v", err)
	}
	if _, _, err := ResolveLine(home, "current"); err != nil {
		t.Errorf("the flag still works over a broken file: %v", err)
	}
}

func TestSetLineSwapsTheStudio(t *testing.T) {
	s := newStudio(t)
	next, info, err := s.SetLine("current")
	if err != nil || info.ID != "current" || info.Source != LineFromFile {
		t.Fatalf("SetLine = %+v %v", info, err)
	}
	if _, ok := next.Lines().Catalog().Model("glm-5.2"); !ok || s.line().ID != kodusline.Mid2026 {
		t.Errorf("the new studio follows current, the old one stays on mid-2026")
	}
	if saved, _ := SavedLine(s.home); saved != "current" {
		t.Errorf("saved = %q", saved)
	}
}

// Kodus's catalog gives every card a temperature; Kodus latest never sends
// one to a model that takes none, so a new slot leaves it empty.
func TestDraftOnCurrent(t *testing.T) {
	s := allServices(newStudio(t).withLine(kodusline.MustGet(kodusline.Current), LineFromFlag))
	for model, want := range map[string]bool{"kimi-k2.7-code": false, "claude-opus-4-7": false, "gpt-5.4": false, "claude-sonnet-4-6": true, "glm-5.2": true} {
		d, err := s.draft(model, "")
		if err != nil || (d.Temperature != nil) != want {
			t.Errorf("%s: temperature %v (%v)", model, d.Temperature, err)
		}
	}
	d, _ := s.draft("kimi-k2.7-code", "code-plan")
	if d.Provider != "moonshot" || d.Model != "kimi-for-coding" || d.BaseURL != "https://api.kimi.com/coding" || *d.MaxConcurrentRequests != 30 {
		t.Errorf("code plan = %+v", d)
	}
}

// A profile saved on the mid-2026 line keeps loading, testing and
// exporting under current, says what Kodus latest recommends, and moves
// with the same key, the same plan and the user's settings.
func TestSavedProfileMoves(t *testing.T) {
	mid := newStudio(t)
	ctx := context.Background()
	if _, err := mid.Save(ctx, SaveRequest{Profile: "team", Slot: "main", Config: profile.Slot{
		Settings: profile.Settings{
			Provider:        "openai_compatible",
			Model:           "glm-5.1",
			Plan:            "coding-plan",
			Temperature:     profile.Ptr(0.2),
			MaxOutputTokens: profile.Ptr(9000),
			ReasoningEffort: "high",
		},
	}, Key: strp("FAKE0123456789abcdef.FAKEfakeFAKE")}); err != nil {
		t.Fatal(err)
	}
	if _, err := mid.Save(ctx, SaveRequest{Profile: "team", Slot: "fallback", Config: profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot"}},
		Key: strp("sk-FAKEmoonshot0123456789abcdef")}); err != nil {
		t.Fatal(err)
	}
	if len(mid.Moves(mustProfile(t, mid, "team"))) != 0 {
		t.Error("the mid-2026 line recommends these very cards")
	}
	cur := allServices(mid.withLine(kodusline.MustGet(kodusline.Current), LineFromFlag))
	v, err := cur.Get("team")
	if err != nil || v.Main.Model != "glm-5.1" || !strings.Contains(strings.Join(v.Advice, "\n"), "profile move team --slot main") {
		t.Fatalf("view = %+v %v", v, err)
	}
	if _, err := cur.BYOKExport(ctx, "team", false); err != nil {
		t.Errorf("export: %v", err)
	}
	if _, err := cur.ExportEnv(ctx, "team", EnvOptions{}); err != nil {
		t.Errorf(".env: %v", err)
	}
	// An edit that keeps the saved plan is not refused for it.
	if _, err := cur.Save(ctx, SaveRequest{Profile: "team", Slot: "main", Config: profile.Slot{
		Settings: profile.Settings{
			Provider:        "openai_compatible",
			Model:           "glm-5.1",
			Plan:            "coding-plan",
			BaseURL:         "https://api.z.ai/api/coding/paas/v4",
			Temperature:     profile.Ptr(0.3),
			ReasoningEffort: "high",
		},
	}}); err != nil {
		t.Errorf("edit under current: %v", err)
	}
	oldRef := mustProfile(t, cur, "team").Main.KeyRef
	res, err := cur.MoveSlot(ctx, "team", "main")
	if err != nil {
		t.Fatal(err)
	}
	m := mustProfile(t, cur, "team").Main
	if m.Provider != "zai" || m.Model != "glm-5.2" || m.Plan != "coding-plan" || m.KeyRef != oldRef || m.ReasoningEffort != "high" || m.Temperature == nil || *m.Temperature != 0.3 {
		t.Errorf("moved main = %+v (%v)", m, res.Move.Changes)
	}
	if k, err := cur.slotKey(ctx, "team", "main"); err != nil || k.Reveal() != "FAKE0123456789abcdef.FAKEfakeFAKE" {
		t.Errorf("the key moved with the slot: %v", err)
	}
	res, err = cur.MoveSlot(ctx, "team", "fallback")
	fb := mustProfile(t, cur, "team").Fallback
	if err != nil || fb.Provider != "moonshot" || fb.Model != "kimi-k2.7-code" || fb.Plan != "developer" || fb.Temperature != nil {
		t.Errorf("moved fallback = %+v %v", fb, err)
	}
	if _, err := cur.MoveSlot(ctx, "team", "main"); err == nil {
		t.Error("a slot with nothing to move is an error")
	}
}

// Kodus latest's Test refuses a setting before any call.
func TestTestRefusesBeforeSending(t *testing.T) {
	s := allServices(newStudio(t).withLine(kodusline.MustGet(kodusline.Current), LineFromFlag))
	res, err := s.TestSettings(context.Background(), TestSlotRequest{Slot: "main", APIKey: "sk-FAKEmoonshot0123456789abcdef",
		Config: SlotInput{Provider: "moonshot", Model: "kimi-k2.7-code", Temperature: profile.Ptr(1.0), ReasoningEffort: "medium"}})
	if err != nil || res.Result == nil || res.Result.Code != "bad_request" || res.Result.HTTPStatus != 0 || !strings.Contains(res.Result.Message, "does not accept a temperature") {
		t.Fatalf("test = %+v %v", res.Result, err)
	}
	p := s.DescribeTest(SlotInput{Provider: "moonshot", Model: "kimi-k2.7-code", ReasoningEffort: "high"}, "")
	if p.Kind != "slot_call" || len(p.Requests) != 1 || p.Requests[0] != "POST https://api.moonshot.ai/anthropic/v1/messages" {
		t.Errorf("describe = %+v", p)
	}
}
