package repocost

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-billy/v5"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// repoHandle is one reader of the repository: go-git's storage is not safe
// for concurrent use, so each worker opens its own, with a small object
// cache so that memory stays bounded however long the history.
type repoHandle struct {
	repo *git.Repository
	st   *filesystem.Storage
}

const handleCache = 8 * cache.MiByte

func (h *repoHandle) Close() { _ = h.st.Close() }

// opener opens handles on one repository found once.
type opener struct {
	fs   billy.Filesystem
	root string
}

// findRepository locates the repository at dir or above it (a sub-folder
// of a checkout works, so do worktrees and bare repositories).
func findRepository(dir string) (*opener, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, fmt.Errorf("%w: no folder given", ErrNotRepository)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotRepository, dir, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: %s does not exist or cannot be read", ErrNotRepository, abs)
	case !fi.IsDir():
		return nil, fmt.Errorf("%w: %s is a file, not a folder", ErrNotRepository, abs)
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, fmt.Errorf("%w: no .git in %s or any folder above it", ErrNotRepository, abs)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotRepository, abs, err)
	}
	st, ok := repo.Storer.(*filesystem.Storage)
	if !ok {
		return nil, fmt.Errorf("%w: %s: unsupported storage", ErrNotRepository, abs)
	}
	root := abs
	if wt, err := repo.Worktree(); err == nil {
		root = wt.Filesystem.Root()
	}
	return &opener{fs: st.Filesystem(), root: root}, nil
}

func (o *opener) open() (*repoHandle, error) {
	st := filesystem.NewStorageWithOptions(o.fs, cache.NewObjectLRU(handleCache), filesystem.Options{KeepDescriptors: true})
	repo, err := git.Open(st, nil)
	if err != nil {
		return nil, fmt.Errorf("open the repository: %w", err)
	}
	return &repoHandle{repo: repo, st: st}, nil
}

// tip resolves the branch (or HEAD) to a commit.
func (h *repoHandle) tip(branch string) (plumbing.Hash, string, error) {
	if branch == "" {
		head, err := h.repo.Head()
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return plumbing.ZeroHash, "", ErrNoCommits
		}
		if err != nil {
			return plumbing.ZeroHash, "", fmt.Errorf("read HEAD: %w", err)
		}
		name := head.Name().Short()
		if !head.Name().IsBranch() {
			name = "HEAD (detached at " + head.Hash().String()[:7] + ")"
		}
		return head.Hash(), name, nil
	}
	for _, ref := range []plumbing.ReferenceName{plumbing.NewBranchReferenceName(branch), plumbing.NewRemoteReferenceName("origin", branch), plumbing.ReferenceName("refs/remotes/" + branch)} {
		if r, err := h.repo.Reference(ref, true); err == nil {
			return r.Hash(), branch, nil
		}
	}
	if hash, err := h.repo.ResolveRevision(plumbing.Revision(branch)); err == nil {
		return *hash, branch, nil
	}
	return plumbing.ZeroHash, "", fmt.Errorf("%w: %q (branches: %s)", ErrNoBranch, branch, h.branchList())
}

func (h *repoHandle) branchList() string {
	var names []string
	if it, err := h.repo.References(); err == nil {
		_ = it.ForEach(func(r *plumbing.Reference) error {
			if n := r.Name(); n.IsBranch() || (n.IsRemote() && !strings.HasSuffix(n.String(), "/HEAD")) {
				names = append(names, n.Short())
			}
			return nil
		})
	}
	if len(names) == 0 {
		return "none"
	}
	sort.Strings(names)
	if len(names) > 12 {
		names = append(names[:12], fmt.Sprintf("and %d more", len(names)-12))
	}
	return strings.Join(names, ", ")
}

// commitInfo is what the walk keeps per commit: about a hundred bytes.
// The trees save measuring from reading each commit again.
type commitInfo struct {
	hash       plumbing.Hash
	parent     plumbing.Hash // first parent; zero for a root commit
	tree       plumbing.Hash
	parentTree plumbing.Hash // zero when the walk did not read the parent
	parents    int
	when       time.Time
	subject    string
}

func (c commitInfo) merge() bool { return c.parents > 1 }

// walkResult is the window's first-parent history, newest first.
type walkResult struct {
	commits []commitInfo
	root    bool // the walk reached the first commit of the history
}

// walk follows first parents from tip, newest first, and stops at the
// window: a commit older than since, or once last changes are in hand
// (last merges, or last commits when none of them is a merge).
func (h *repoHandle) walk(ctx context.Context, tip plumbing.Hash, since time.Time, last int, progress func(int)) (walkResult, error) {
	var res walkResult
	shallow := map[plumbing.Hash]bool{}
	if hs, err := h.repo.Storer.Shallow(); err == nil {
		for _, s := range hs {
			shallow[s] = true
		}
	}
	merges := 0
	for hash := tip; ; {
		if len(res.commits)%256 == 0 {
			if ctx.Err() != nil {
				return res, ErrCanceled
			}
			progress(len(res.commits))
		}
		c, err := object.GetCommit(h.repo.Storer, hash)
		if err != nil {
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				return res, fmt.Errorf("%w: commit %s is not in the repository (a partial or damaged clone?)", ErrMissingObject, hash)
			}
			return res, fmt.Errorf("read commit %s: %w", hash, err)
		}
		if n := len(res.commits); n > 0 { // hash is the first parent of the last one
			res.commits[n-1].parentTree = c.TreeHash
		}
		if !since.IsZero() && c.Committer.When.Before(since) {
			return res, nil
		}
		info := commitInfo{hash: hash, tree: c.TreeHash, parents: len(c.ParentHashes), when: c.Committer.When, subject: subject(c.Message)}
		if info.parents > 0 {
			info.parent = c.ParentHashes[0]
		}
		res.commits = append(res.commits, info)
		if info.merge() {
			merges++
		}
		// A shallow clone's boundary commit has no parents on disk: its own
		// diff, and anything older, cannot be read.
		if shallow[hash] {
			return res, shallowError(info)
		}
		if last > 0 && (merges >= last || (merges == 0 && len(res.commits) >= last)) {
			return res, nil
		}
		if info.parents == 0 {
			res.root = true
			return res, nil
		}
		hash = info.parent
	}
}

func shallowError(c commitInfo) error {
	return fmt.Errorf("%w: the history on disk stops at %s (%s), inside the window; fetch the rest with `git fetch --unshallow` (or `--shallow-since`) or choose a smaller window",
		ErrShallow, c.hash.String()[:7], c.when.Format("2006-01-02"))
}

// subject is a commit message's first line, cut for display.
func subject(msg string) string {
	s, _, _ := strings.Cut(strings.TrimSpace(msg), "\n")
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 100 {
		s = string(r[:99]) + "…"
	}
	return s
}
