package repocost

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// linkWorktree lays out a linked worktree of repo at dir by hand, as
// `git worktree add` does: dir/.git names the worktree's own git folder,
// which holds its HEAD and points back at the shared one (commondir).
func linkWorktree(t *testing.T, repo, dir, name, head, gitdir string) {
	t.Helper()
	own := filepath.Join(repo, ".git", "worktrees", name)
	write(t, filepath.Join(own, "HEAD"), head)
	write(t, filepath.Join(own, "commondir"), "../..\n")
	write(t, filepath.Join(own, "gitdir"), filepath.Join(dir, ".git")+"\n")
	if gitdir == "" {
		gitdir = own
	}
	write(t, filepath.Join(dir, ".git"), "gitdir: "+gitdir+"\n")
}

// The repository is found from its folder, any folder below it, its .git
// folder, or a linked worktree; the root reported is the checkout's.
// What is not a repository says why; %s is the folder asked for.
func TestFindRepository(t *testing.T) {
	f := newRefFixture(t)
	base := t.TempDir()
	sub := filepath.Join(f.dir, "pkg", "deep")
	_ = os.MkdirAll(sub, 0o755)
	wt := filepath.Join(base, "wt")
	linkWorktree(t, f.dir, wt, "wt", "ref: refs/heads/feature\n", "")
	_ = os.MkdirAll(filepath.Join(wt, "web"), 0o755)
	rel := filepath.Join(base, "rel")
	relGit, _ := filepath.Rel(rel, filepath.Join(f.dir, ".git", "worktrees", "rel"))
	linkWorktree(t, f.dir, rel, "rel", f.c1.String()+"\n", relGit)

	headOnly := filepath.Join(base, "headonly")
	write(t, filepath.Join(headOnly, "HEAD"), "ref: refs/heads/main\n")
	noHead := filepath.Join(base, "nohead")
	_ = os.MkdirAll(filepath.Join(noHead, ".git", "objects"), 0o755)
	noPrefix := filepath.Join(base, "noprefix")
	write(t, filepath.Join(noPrefix, ".git"), "../elsewhere\n")
	gone := filepath.Join(base, "gone")
	write(t, filepath.Join(gone, ".git"), "gitdir: "+filepath.Join(base, "missing")+"\n")
	noCommon := filepath.Join(base, "nocommon")
	linkWorktree(t, f.dir, noCommon, "nocommon", "ref: refs/heads/main\n", "")
	write(t, filepath.Join(f.dir, ".git", "worktrees", "nocommon", "commondir"), "../../../missing\n")
	config := func(name, cfg string) string {
		dir := filepath.Join(base, name)
		write(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
		write(t, filepath.Join(dir, ".git", "config"), cfg)
		return dir
	}

	for _, tc := range []struct {
		name, dir  string
		root, head string // want the checkout root and HEAD's name
		err        string // or this error
	}{
		{"root", f.dir, f.dir, "main", ""},
		{"sub-folder", sub, f.dir, "main", ""},
		{"the .git folder", filepath.Join(f.dir, ".git"), f.dir, "main", ""},
		{"inside .git", filepath.Join(f.dir, ".git", "refs", "heads"), f.dir, "main", ""},
		{"linked worktree", wt, wt, "feature", ""},
		{"worktree sub-folder", filepath.Join(wt, "web"), wt, "feature", ""},
		{"relative gitdir", rel, rel, "HEAD (detached at " + f.c1.String()[:7] + ")", ""},
		{"a HEAD file alone", headOnly, "", "", "not a git repository: no .git in %s or any folder above it"},
		{"plain folder", base, "", "", "not a git repository: no .git in %s or any folder above it"},
		{"no HEAD", noHead, "", "", "not a git repository: no .git in %s or any folder above it"},
		{"gitdir gone", gone, "", "", "not a git repository: no .git in %s or any folder above it"},
		{"no gitdir prefix", noPrefix, "", "", "not a git repository: %s: .git file has no gitdir:  prefix"},
		{"commondir gone", noCommon, "", "", "not a git repository: %s: repository's commondir path does not exist"},
		{"sha256", config("sha256", "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectformat = sha256\n"), "", "", "not a git repository: %s: unknown extension: objectformat"},
		{"partial clone", config("partial", "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tpartialclone = origin\n"), "", "", "not a git repository: %s: unknown extension: partialclone"},
		{"format 0 extension", config("v0", "[core]\n\trepositoryformatversion = 0\n[extensions]\n\tnoop-v1 = true\n"), "", "", "not a git repository: %s: core.repositoryformatversion does not support extension: noop-v1"},
		{"format 2", config("v2", "[core]\n\trepositoryformatversion = 2\n"), "", "", "the repository has no commits yet"}, // go-git reads only 1 as a version
		{"noop extension", config("noop", "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tnoop = true\n\tnoop-v1 = true\n"), "", "", "the repository has no commits yet"},
		{"broken config", config("broken", "[core\n"), "", "", "not a git repository: %s: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			op, err := findRepository(tc.dir)
			var name string
			if err == nil {
				h := op.open()
				_, name, err = h.tip("")
				h.Close()
			}
			if tc.err != "" {
				want := strings.ReplaceAll(tc.err, "%s", tc.dir)
				if err == nil || !strings.HasPrefix(err.Error(), want) || (!strings.HasSuffix(want, ": ") && err.Error() != want) {
					t.Errorf("error %v, want %s", err, want)
				}
				if strings.HasPrefix(want, "not a git") && !errors.Is(err, ErrNotRepository) {
					t.Errorf("%v is not ErrNotRepository", err)
				}
				return
			}
			if err != nil || op.root != tc.root || name != tc.head {
				t.Errorf("found %v %q, %v; want %s %q", op, name, err, tc.root, tc.head)
			}
		})
	}
}

// A worktree made by git itself is read as git lays it out.
func TestFindGitWorktree(t *testing.T) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("the git command is needed to add a worktree")
	}
	f := newRefFixture(t)
	wt := filepath.Join(t.TempDir(), "wt")
	if out, err := exec.Command(gitBin, "-C", f.dir, "worktree", "add", "--quiet", wt, "feature").CombinedOutput(); err != nil {
		t.Fatalf("git worktree add: %v\n%s", err, out)
	}
	op, err := findRepository(filepath.Join(wt, "util"))
	if err != nil || op.root != wt {
		t.Fatalf("found %v, %v; want %s", op, err, wt)
	}
	h := openFixture(t, wt)
	hash, name, err := h.tip("")
	if err != nil || hash != f.c2 || name != "feature" {
		t.Errorf("tip = %s %q %v", hash, name, err)
	}
	if hash, _, err := h.tip("v2~1"); err != nil || hash != f.c0 {
		t.Errorf("v2~1 = %s %v", hash, err)
	}
}

func TestFindBareRepository(t *testing.T) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("the git command is needed to make a bare clone")
	}
	f := newRefFixture(t)
	bare := filepath.Join(t.TempDir(), "shop.git")
	if out, err := exec.Command(gitBin, "clone", "--quiet", "--bare", f.dir, bare).CombinedOutput(); err != nil {
		t.Fatalf("git clone --bare: %v\n%s", err, out)
	}
	for _, dir := range []string{bare, filepath.Join(bare, "refs", "heads")} {
		op, err := findRepository(dir)
		if err != nil || op.root != bare {
			t.Fatalf("findRepository(%s) = %v, %v; want %s", dir, op, err, bare)
		}
	}
	h := openFixture(t, bare)
	if hash, _, err := h.tip("v2~1"); err != nil || hash != f.c0 {
		t.Errorf("v2~1 = %s %v", hash, err)
	}
	if _, name, err := h.tip(""); err != nil || name == "" {
		t.Errorf("HEAD of the bare clone: %q %v", name, err)
	}
}
