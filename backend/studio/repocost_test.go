package studio

import (
	"context"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/repocost"
	"github.com/kodusbyok/studio/backend/repocost/repotest"
)

func scanRepo(t *testing.T, s *testStudio, req RepoScanRequest) RepoScanResult {
	t.Helper()
	res, err := s.ScanRepo(context.Background(), req, nil)
	if err != nil || len(res.FieldErrors) > 0 {
		t.Fatal(err, res.FieldErrors)
	}
	return res
}

// The edited ignore list is kept in bbolt and used by the next scan.
func TestRepoIgnoreListIsSaved(t *testing.T) {
	s := newStudio(t)
	dir := repotest.Sample(t)
	l, err := s.RepoIgnore()
	if err != nil || !l.Default || len(l.Lines) != len(repocost.DefaultIgnore) {
		t.Fatalf("default list: %v %+v", err, l)
	}
	if fes, err := s.SaveRepoIgnore([]string{"ok/", "a**b"}); err != nil || len(fes) != 1 || fes[0].Field != "ignore" {
		t.Fatalf("bad pattern: %v %+v", err, fes)
	}
	if fes, err := s.SaveRepoIgnore([]string{"# review lock files, skip util", "util/"}); err != nil || len(fes) != 0 {
		t.Fatal(err, fes)
	}
	if l, _ = s.RepoIgnore(); l.Default || strings.Join(l.Lines, "|") != "# review lock files, skip util|util/" {
		t.Errorf("saved list: %+v", l)
	}
	res := scanRepo(t, s, RepoScanRequest{Dir: dir, SinceDays: 30, ContextLines: 3})
	// go.sum is reviewed now, util/ is not.
	if res.Scan.ChangeCount != 1 || len(res.Scan.Changes()[0].Files) != 2 || res.Scan.Unchanged != 1 {
		t.Errorf("scan with the saved list: %+v", res.Scan)
	}
	if _, err := s.SaveRepoIgnore(nil); err != nil {
		t.Fatal(err)
	}
	if l, _ = s.RepoIgnore(); !l.Default {
		t.Error("an empty list restores the defaults")
	}
}

// A profile prices the repository's changes with Main and Fallback split.
func TestRepoCostProfileSplit(t *testing.T) {
	s := newStudio(t)
	save(t, s, "team", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6"}}, anthropicKey)
	save(t, s, "team", profile.SlotFallback, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas", BaseURL: "https://api.z.ai/api/paas/v4"}}, "0123456789abcdef0123456789abcdef.AbCdEfGhIjKlMnOp")
	scan := scanRepo(t, s, RepoScanRequest{Dir: repotest.Sample(t), SinceDays: 30, ContextLines: 3})
	a := cost.DefaultAssumptions()
	a.Thinking, a.FallbackShare = cost.ThinkingOff, 0.1
	res, err := s.Cost(CostRequest{Assumptions: a, Profile: "team", Repo: &RepoCost{ScanID: scan.ID, Calls: repocost.DefaultCalls()}, Levels: true})
	if err != nil || len(res.FieldErrors) > 0 {
		t.Fatal(err, res.FieldErrors)
	}
	rows, p := res.Report.Rows, res.Report.Profile
	if len(rows) != 2 || p == nil || !p.Complete || res.Repo == nil || len(res.Repo.Biggest) != 2 {
		t.Fatalf("report = %+v, repo = %+v", res.Report, res.Repo)
	}
	// 90 % of the month on Main, 10 % on the Fallback, each exact; per change
	// is that month over the window's 2.029 changes a month.
	main, fb := *rows[0].PerMonth, *rows[1].PerMonth
	want := (main*9 + fb + 5) / 10
	if d := *p.PerMonth - want; d < -1 || d > 1 {
		t.Errorf("profile month %s, want 0.9 × %s + 0.1 × %s", p.PerMonth, main, fb)
	}
	perPR := (*rows[0].PerPR*9 + *rows[1].PerPR + 5) / 10
	if d := *p.PerPR - perPR; d < -1 || d > 1 {
		t.Errorf("profile per change %s, want %s", p.PerPR, perPR)
	}
	if res.Report.Assumptions.PRsPerMonth != 2 || res.Report.Workload != nil || res.Repo.TokenizerNote == "" {
		t.Errorf("assumptions %+v", res.Report.Assumptions)
	}
	// A scan that is gone asks to scan again.
	res, _ = s.Cost(CostRequest{Assumptions: a, Repo: &RepoCost{ScanID: "gone", Calls: repocost.DefaultCalls()}})
	if len(res.FieldErrors) != 1 || !strings.Contains(res.FieldErrors[0].Rule, "scan it again") {
		t.Errorf("unknown scan: %+v", res.FieldErrors)
	}
}

// Pricing a scan is what the Cost view does on every keystroke: the whole
// catalog at every thinking level over a window of real changes.
func BenchmarkRepoCostCatalog(b *testing.B) {
	steps := []repotest.Step{{Msg: "init", DaysAgo: 100, Files: map[string]string{"a.go": "package a\n"}}}
	for i := 0; i < 200; i++ {
		steps = append(steps, repotest.Step{Msg: "c", DaysAgo: 80 - i/3, Files: map[string]string{"a.go": "package a\n" + strings.Repeat("var x = 1\n", i+1), "b.go": strings.Repeat("// b\n", i+2)}})
	}
	dir := repotest.New(b, steps)
	env := map[string]string{"KODUS_BYOK_HOME": b.TempDir(), "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "x"}
	s, err := Open(Options{Getenv: func(k string) string { return env[k] }, Line: kodusline.Mid2026})
	if err != nil {
		b.Fatal(err)
	}
	scan, err := s.Repos().ScanRepo(context.Background(), RepoScanRequest{Dir: dir, SinceDays: 90, ContextLines: 3}, nil)
	if err != nil {
		b.Fatal(err)
	}
	req := CostRequest{Assumptions: cost.DefaultAssumptions(), All: true, Levels: true, Repo: &RepoCost{ScanID: scan.ID, Calls: repocost.DefaultCalls()}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Costs().Cost(req); err != nil {
			b.Fatal(err)
		}
	}
}
