package studio

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/profile"
)

// The GUI's view of an export and of a merge plan carry no key.
func TestExportViewsHoldNoKey(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	save(t, s, "team", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, anthropicKey)
	v, err := s.ExportEnv(ctx, "team", EnvOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !v.RoutingOK || v.Inferred.Provider != "anthropic" || !strings.Contains(v.Preview, "API_OPEN_AI_API_KEY=sk…EEE") {
		t.Errorf("view = %+v", v)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, ".env")
	if err := os.WriteFile(p, []byte("API_LLM_PROVIDER_MODEL=auto\nAPI_OPEN_AI_API_KEY=\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanEnvMerge(ctx, EnvMergeRequest{Profile: "team", Path: p})
	if err != nil {
		t.Fatal(err)
	}
	bv, err := s.BYOKJSON(ctx, "team")
	if err != nil {
		t.Fatal(err)
	}
	all, _ := json.Marshal([]any{v, plan, bv})
	if strings.Contains(string(all), "AAAAbbbb") {
		t.Fatal("a view carries the key")
	}
	// The file changes between preview and write: nothing is written.
	if err := os.WriteFile(p, []byte("API_LLM_PROVIDER_MODEL=auto\nAPI_OPEN_AI_API_KEY=\nOTHER=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyEnvMerge(ctx, EnvMergeRequest{Profile: "team", Path: p, Digest: plan.Digest}); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("stale apply: %v", err)
	}
	plan, _ = s.PlanEnvMerge(ctx, EnvMergeRequest{Profile: "team", Path: p})
	res, err := s.ApplyEnvMerge(ctx, EnvMergeRequest{Profile: "team", Path: p, Digest: plan.Digest})
	if err != nil || res.Backup == "" {
		t.Fatalf("apply: %+v %v", res, err)
	}
	if got, _ := os.ReadFile(p); !strings.Contains(string(got), "API_OPEN_AI_API_KEY="+anthropicKey+"\n") || !strings.HasSuffix(string(got), "OTHER=1\n") {
		t.Errorf("merged file:\n%s", got)
	}
	// BYOK file with keys, mode 0600.
	bp := filepath.Join(dir, "byok.json")
	if _, err := s.WriteBYOK(ctx, "team", bp, true, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(bp); !strings.Contains(string(got), `"apiKey": "`+anthropicKey+`"`) {
		t.Errorf("byok file:\n%s", got)
	}
	if fi, _ := os.Stat(bp); fi.Mode().Perm() != 0o600 {
		t.Errorf("byok mode %v", fi.Mode().Perm())
	}
	if _, err := s.InspectEnv(filepath.Join(dir, "nope.env")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("inspect missing: %v", err)
	}
	if _, err := ExpandPath("  "); err == nil {
		t.Error("empty path accepted")
	}
}

// Writing over an existing file asks instead of failing; replacing it
// then backs the old one up.
func TestWriteOverAnExistingFileAsks(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	save(t, s, "team", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, anthropicKey)
	p := filepath.Join(t.TempDir(), "byok.json")
	if _, err := s.WriteBYOK(ctx, "team", p, false, false); err != nil {
		t.Fatal(err)
	}
	res, err := s.WriteBYOK(ctx, "team", p, false, false)
	res, err = AskToReplace(p, res, err)
	if err != nil || !res.Exists || res.Path != p || res.Backup != "" {
		t.Fatalf("second write = %+v, %v", res, err)
	}
	res, err = s.WriteBYOK(ctx, "team", p, false, true)
	res, err = AskToReplace(p, res, err)
	if err != nil || res.Exists || res.Backup == "" {
		t.Fatalf("replace = %+v, %v", res, err)
	}
	if _, err := AskToReplace(p, EnvWriteResult{}, os.ErrPermission); err != os.ErrPermission {
		t.Errorf("other errors pass through: %v", err)
	}
}
