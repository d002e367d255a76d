// Package repotest makes small git repositories for tests, with go-git and
// a worktree, so tests state each commit's files and date.
package repotest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Step writes Files ("" deletes one) and commits them DaysAgo days ago.
type Step struct {
	Msg     string
	DaysAgo int
	Files   map[string]string
}

// New makes a repository in a temp dir on branch master and returns it.
func New(t testing.TB, steps []Step) string {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		for name, content := range s.Files {
			if content == "" {
				if _, err := wt.Remove(name); err != nil {
					t.Fatal(err)
				}
				continue
			}
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := wt.Add(name); err != nil {
				t.Fatal(err)
			}
		}
		sig := &object.Signature{Name: "Dev", Email: "dev@example.test", When: time.Now().AddDate(0, 0, -s.DaysAgo)}
		if _, err := wt.Commit(s.Msg, &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Sample is three commits: "add greet" 40 days ago, "say hello" 20 days
// ago (main.go changed, go.sum added) and "add util" 5 days ago. Within
// 30 days their reviewed diffs are 41 and 49 o200k_base tokens.
func Sample(t testing.TB) string {
	return New(t, []Step{
		{"add greet", 40, map[string]string{"main.go": "package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n"}},
		{"say hello", 20, map[string]string{"main.go": "package main\n\nfunc main() {\n\tprintln(\"hello\")\n}\n", "go.sum": "x v1 h1:abc\n"}},
		{"add util", 5, map[string]string{"util/strings.go": "package util\n\n// Upper shouts.\nfunc Upper(s string) string { return strings.ToUpper(s) }\n"}},
	})
}
