package repocost

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// refFixture is a repository with every kind of reference tip resolves:
// loose, packed and symbolic branches, light and annotated tags,
// remote-tracking branches, and a merge to walk parents through.
type refFixture struct {
	dir              string
	c0, c1, c2, side plumbing.Hash // c0 is the root; side is the merged work
	merge            plumbing.Hash // main's tip: parents c2 and side
	tag              plumbing.Hash // annotated tag v2 on c1
}

func newRefFixture(t *testing.T) refFixture {
	t.Helper()
	b := newBuilder()
	var f refFixture
	f.c0 = b.commit("add greet", day(40), map[string]string{"main.go": mainV1})
	f.c1 = b.commit("say hello", day(30), map[string]string{"main.go": mainV2})
	f.c2 = b.commit("add util", day(20), map[string]string{"util/strings.go": utilV1})
	f.merge = b.merge("add notes", day(10), map[string]string{"notes.txt": "n\n"})
	sig := object.Signature{Name: "Dev", Email: "dev@example.test", When: day(30)}
	o := b.st.NewEncodedObject()
	if err := (&object.Tag{Name: "v2", Tagger: sig, Message: "v2\n", TargetType: plumbing.CommitObject, Target: f.c1}).Encode(o); err != nil {
		t.Fatal(err)
	}
	f.tag = b.put(o)
	f.dir = t.TempDir()
	repo := b.save(t, f.dir, "main")
	m, err := repo.CommitObject(f.merge)
	if err != nil {
		t.Fatal(err)
	}
	f.side = m.ParentHashes[1]
	git := filepath.Join(f.dir, ".git")
	write(t, filepath.Join(git, "refs/tags/v1"), f.c0.String()+"\n")
	write(t, filepath.Join(git, "refs/heads/alias"), "ref: refs/heads/main\n")
	write(t, filepath.Join(git, "refs/heads/feature"), f.c2.String()+"\n")
	write(t, filepath.Join(git, "refs/remotes/origin/release"), f.c2.String()+"\n")
	write(t, filepath.Join(git, "refs/remotes/origin/main"), f.c0.String()+"\n")
	write(t, filepath.Join(git, "refs/remotes/origin/HEAD"), "ref: refs/remotes/origin/release\n")
	write(t, filepath.Join(git, "refs/remotes/upstream/fix"), f.c1.String()+"\n")
	write(t, filepath.Join(git, "packed-refs"), "# pack-refs with: peeled fully-peeled sorted \n"+
		f.c1.String()+" refs/heads/packed\n"+
		f.tag.String()+" refs/tags/v2\n^"+f.c1.String()+"\n")
	return f
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func openFixture(t *testing.T, dir string) *repoHandle {
	t.Helper()
	op, err := findRepository(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := op.open()
	t.Cleanup(h.Close)
	return h
}

const fixtureBranches = "alias, feature, main, origin/main, origin/release, packed, upstream/fix"

// --branch takes a local branch, then a remote-tracking one, then any
// revision a user would type; what is not found lists the branches.
func TestTipBranch(t *testing.T) {
	f := newRefFixture(t)
	h := openFixture(t, f.dir)
	for _, tc := range []struct {
		branch string
		want   plumbing.Hash // zero: not found
	}{
		{"", f.merge},
		{"main", f.merge},               // refs/heads before refs/remotes/origin
		{"packed", f.c1},                // packed-refs
		{"alias", f.merge},              // a symbolic branch
		{"release", f.c2},               // refs/remotes/origin/NAME
		{"upstream/fix", f.c1},          // refs/remotes/NAME
		{"origin/release", f.c2},        // refs/remotes/NAME
		{"origin", f.c2},                // refs/remotes/NAME/HEAD
		{"v1", f.c0},                    // a light tag
		{"v2", f.c1},                    // an annotated, packed tag
		{"v2^{}", f.c1},                 // peeled
		{"v2~1", f.c0},                  //
		{"refs/tags/v1", f.c0},          //
		{"tags/v1", f.c0},               // refs/NAME
		{"heads/main", f.merge},         //
		{f.c0.String(), f.c0},           // a full hash
		{f.c0.String()[:7], f.c0},       // a short one
		{f.c0.String()[:9], f.c0},       // of odd length
		{"HEAD", f.c2},                  // refs/remotes/origin/HEAD comes first
		{"@", f.merge},                  //
		{"HEAD~1", f.c2},                // first parents
		{"HEAD~3", f.c0},                //
		{"@~1", f.c2},                   //
		{"main^", f.c2},                 //
		{"main^0", f.merge},             //
		{"main^2", f.side},              // the merged work
		{"HEAD^^", f.c1},                //
		{"main~2^", f.c0},               //
		{"main^{commit}", f.merge},      //
		{"main~0", f.merge},             //
		{"nope", plumbing.ZeroHash},     //
		{"main~4", plumbing.ZeroHash},   // before the root
		{"main^3", plumbing.ZeroHash},   // no third parent
		{"v1^2", plumbing.ZeroHash},     // not a merge
		{"main~x", plumbing.ZeroHash},   //
		{"~1", plumbing.ZeroHash},       //
		{"..", plumbing.ZeroHash},       //
		{"main..v1", plumbing.ZeroHash}, //
		{"@{-1}", plumbing.ZeroHash},    //
		{"ffffffff", plumbing.ZeroHash}, // no such object
		{f.tag.String()[:8] + "0", plumbing.ZeroHash},
	} {
		t.Run(tc.branch, func(t *testing.T) {
			got, name, err := h.tip(tc.branch)
			if tc.want.IsZero() {
				want := `branch not found: "` + tc.branch + `" (branches: ` + fixtureBranches + ")"
				if !errors.Is(err, ErrNoBranch) || err.Error() != want {
					t.Errorf("tip = %s, %v; want %s", got, err, want)
				}
				return
			}
			wantName := tc.branch
			if wantName == "" {
				wantName = "main"
			}
			if err != nil || got != tc.want || name != wantName {
				t.Errorf("tip = %s %q %v; want %s %q", got, name, err, tc.want, wantName)
			}
		})
	}
}

// Every revision supported resolves as go-git's ResolveRevision did; what
// is not supported, it also refused or read wrongly (main@{1} as main).
// go-git's parser lost the character after ^{}: those now resolve as git
// resolves them.
func TestRevisionMatchesGoGit(t *testing.T) {
	f := newRefFixture(t)
	h := openFixture(t, f.dir)
	repo, err := git.PlainOpen(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	short := f.c0.String()[:6]
	unsupported := map[string]bool{"main@{1}": true, "main@{u}": true, "HEAD:main.go": true, "HEAD^{/say}": true, "main^{tree}": true, "v1@{2026-01-01T00:00:00Z}": true}
	fixed := map[string]plumbing.Hash{"main^{}^{}": f.merge, "v2^{}~1": f.c0}
	for _, rev := range []string{
		"main", "packed", "alias", "origin", "upstream/fix", "origin/release", "v1", "v2", "v2^{}", "v2^{commit}", "v2~1",
		"refs/tags/v2", "tags/v1", "heads/main", "remotes/origin/main", "HEAD", "@", "@^", "@~2", "HEAD~1", "HEAD~3", "HEAD~4",
		"main^", "main^0", "main^1", "main^2", "main^3", "main^2~1", "main^2^2", "HEAD^^", "HEAD~~", "main~2^", "main~01",
		f.c0.String(), strings.ToUpper(f.c0.String()), short, strings.ToUpper(short), short[:5], f.tag.String()[:7], f.tag.String(),
		"a", "ffffffff", "nope", "main~x", "~1", "^", "..", "main..v1", "a//b", "/main", "main/", "main.", "x.lock", "a b",
		"main^{}^{}", "v2^{}~1", "main^{", "main~1^{commit}~1", "main@", "@@", "@{-1}", "main@{1}", "main@{u}", "HEAD:main.go",
		"HEAD^{/say}", "main^{tree}", "v1@{2026-01-01T00:00:00Z}",
	} {
		got, ok := h.revision(rev)
		want, err := repo.ResolveRevision(plumbing.Revision(rev))
		switch {
		case !fixed[rev].IsZero():
			if !ok || got != fixed[rev] {
				t.Errorf("%q resolves to %s %v; want %s", rev, got, ok, fixed[rev])
			}
		case unsupported[rev]:
			if ok {
				t.Errorf("%q resolves to %s; it is not supported", rev, got)
			}
		case (err == nil) != ok || (ok && got != *want):
			t.Errorf("%q resolves to %s %v; go-git: %v %v", rev, got, ok, want, err)
		}
	}
}

// HEAD names its branch, says when it is detached, and an unborn branch
// (a repository before its first commit) has no commits.
func TestTipHead(t *testing.T) {
	f := newRefFixture(t)
	head := filepath.Join(f.dir, ".git", "HEAD")
	for _, tc := range []struct {
		head, want string
		hash       plumbing.Hash
		err        error
	}{
		{"ref: refs/heads/feature\n", "feature", f.c2, nil},
		{"ref: refs/heads/packed\n", "packed", f.c1, nil},
		{"ref: refs/heads/alias\n", "main", f.merge, nil},
		{f.c1.String() + "\n", "HEAD (detached at " + f.c1.String()[:7] + ")", f.c1, nil},
		{"ref: refs/remotes/origin/release\n", "HEAD (detached at " + f.c2.String()[:7] + ")", f.c2, nil},
		{"ref: refs/heads/unborn\n", "", plumbing.ZeroHash, ErrNoCommits},
	} {
		t.Run(tc.want, func(t *testing.T) {
			write(t, head, tc.head)
			hash, name, err := openFixture(t, f.dir).tip("")
			if hash != tc.hash || name != tc.want || !errors.Is(err, tc.err) {
				t.Errorf("tip = %s %q %v; want %s %q %v", hash, name, err, tc.hash, tc.want, tc.err)
			}
		})
	}
}
