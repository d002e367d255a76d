package repocost

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/kodusbyok/studio/backend/profile"
)

func scanErr(t *testing.T, o Options) error {
	t.Helper()
	if o.Now == nil {
		o.Now = func() time.Time { return t0 }
	}
	res, err := Scan(context.Background(), o)
	if err == nil {
		t.Fatalf("scan of %s succeeded: %+v", o.Dir, res)
	}
	return err
}

// Every kind of bad input has its own clear message, and is marked as
// input (exit status 2), not as a failure.
func TestBadInput(t *testing.T) {
	b := newBuilder()
	b.commit("old work", day(30), map[string]string{"main.go": mainV1})
	repo := t.TempDir()
	b.save(t, repo, "main")
	empty := t.TempDir()
	if _, err := git.PlainInit(empty, false); err != nil {
		t.Fatal(err)
	}
	onlyLocks := t.TempDir()
	lb := newBuilder()
	lb.commit("bump deps", day(1), map[string]string{"go.sum": "x v1\n", "web/yarn.lock": "y\n"})
	lb.save(t, onlyLocks, "main")
	file := filepath.Join(t.TempDir(), "notes.txt")
	_ = os.WriteFile(file, []byte("x"), 0o600)
	week := 7 * 24 * time.Hour

	for _, tc := range []struct {
		name string
		o    Options
		is   error
		says []string
	}{
		{"plain folder", Options{Dir: t.TempDir(), Since: week}, ErrNotRepository, []string{"not a git repository", "no .git in"}},
		{"missing folder", Options{Dir: filepath.Join(repo, "nope"), Since: week}, ErrNotRepository, []string{"does not exist"}},
		{"a file", Options{Dir: file, Since: week}, ErrNotRepository, []string{"is a file, not a folder"}},
		{"no folder", Options{Since: week}, ErrNotRepository, []string{"no folder given"}},
		{"no commits", Options{Dir: empty, Since: week}, ErrNoCommits, []string{"no commits yet"}},
		{"missing branch", Options{Dir: repo, Branch: "develop", Since: week}, ErrNoBranch, []string{`"develop"`, "branches: main"}},
		{"empty window", Options{Dir: repo, Since: week}, ErrEmptyWindow, []string{"in the last 7 days", "widen the window", "the last changes"}},
		{"only ignored files", Options{Dir: onlyLocks, Since: week}, ErrEmptyWindow, []string{"touch only ignored"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := scanErr(t, tc.o)
			if !errors.Is(err, tc.is) || !IsInputError(err) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			for _, s := range tc.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%q does not say %q", err, s)
				}
			}
		})
	}
	// A window is days or a count, one of them, within limits.
	for _, o := range []Options{{Dir: repo}, {Dir: repo, Since: week, Last: 3}, {Dir: repo, Last: MaxLast + 1}, {Dir: repo, Last: 1, ContextLines: -2}} {
		if fes := profile.AsFieldErrors(scanErr(t, o)); len(fes) == 0 {
			t.Errorf("%+v: want field errors", o)
		}
	}
	// A sub-folder of a checkout finds its repository.
	sub := filepath.Join(repo, "pkg")
	_ = os.MkdirAll(sub, 0o755)
	if res := scan(t, sub, Options{Last: 1}); res.Path != repo || res.ChangeCount != 1 {
		t.Errorf("from a sub-folder: %s, %d changes", res.Path, res.ChangeCount)
	}
	// A remote-tracking branch is found by its short name.
	r, _ := git.PlainOpen(repo)
	head, _ := r.Head()
	_ = os.MkdirAll(filepath.Join(repo, ".git", "refs", "remotes", "origin"), 0o755)
	_ = os.WriteFile(filepath.Join(repo, ".git", "refs", "remotes", "origin", "release"), []byte(head.Hash().String()+"\n"), 0o644)
	if res := scan(t, repo, Options{Last: 1, Branch: "release"}); res.Branch != "release" {
		t.Errorf("branch = %q", res.Branch)
	}
}

// A real shallow clone (git clone --depth) ends inside most windows: the
// scan says so instead of pricing a cut history; a window inside what was
// fetched works.
func TestShallowClone(t *testing.T) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("the git command is needed to make a shallow clone")
	}
	b := newBuilder()
	for i := 0; i < 6; i++ {
		b.commit("change", day(60-10*i), map[string]string{"f.go": strings.Repeat("x\n", i+1)})
	}
	src := t.TempDir()
	b.save(t, src, "main")
	dst := filepath.Join(t.TempDir(), "clone")
	out, err := exec.Command(gitBin, "clone", "--quiet", "--depth", "3", "file://"+src, dst).CombinedOutput()
	if err != nil {
		t.Fatalf("git clone --depth: %v\n%s", err, out)
	}
	err = scanErr(t, Options{Dir: dst, Since: 90 * 24 * time.Hour})
	if !errors.Is(err, ErrShallow) || !strings.Contains(err.Error(), "git fetch --unshallow") || !strings.Contains(err.Error(), "2026-10-21") {
		t.Errorf("shallow: %v", err)
	}
	if err := scanErr(t, Options{Dir: dst, Last: 3}); !errors.Is(err, ErrShallow) {
		t.Errorf("last 3 of a depth-3 clone needs the 4th: %v", err)
	}
	// The two newest changes and their parents are all on disk.
	if res := scan(t, dst, Options{Since: 25 * 24 * time.Hour}); res.ChangeCount != 2 {
		t.Errorf("inside the clone: %d changes", res.ChangeCount)
	}
	if res := scan(t, dst, Options{Last: 2}); res.ChangeCount != 2 {
		t.Errorf("last 2: %d changes", res.ChangeCount)
	}
}
