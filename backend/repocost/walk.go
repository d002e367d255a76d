package repocost

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// repoHandle is one reader of the repository: go-git's storage is not safe
// for concurrent use, so each worker opens its own, with a small object
// cache so that memory stays bounded however long the history.
type repoHandle struct {
	st *filesystem.Storage
}

const handleCache = 8 * cache.MiByte

func (h *repoHandle) Close() { _ = h.st.Close() }

// open gives a new handle on the repository findRepository checked.
func (o *opener) open() *repoHandle {
	return &repoHandle{st: filesystem.NewStorageWithOptions(o.fs, cache.NewObjectLRU(handleCache), filesystem.Options{KeepDescriptors: true})}
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
	if hs, err := h.st.Shallow(); err == nil {
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
		c, err := object.GetCommit(h.st, hash)
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
