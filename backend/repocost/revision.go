package repocost

import (
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// tip resolves the branch (or HEAD) to a commit.
func (h *repoHandle) tip(branch string) (plumbing.Hash, string, error) {
	if branch == "" {
		head, err := storer.ResolveReference(h.st, plumbing.HEAD)
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
		if r, err := storer.ResolveReference(h.st, ref); err == nil {
			return r.Hash(), branch, nil
		}
	}
	if hash, ok := h.revision(branch); ok {
		return hash, branch, nil
	}
	return plumbing.ZeroHash, "", fmt.Errorf("%w: %q (branches: %s)", ErrNoBranch, branch, h.branchList())
}

func (h *repoHandle) branchList() string {
	var names []string
	if it, err := h.st.IterReferences(); err == nil {
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

// revision resolves what go-git's ResolveRevision did for the revisions a
// user passes as a branch: a name (tag, ref, short or full hash, @ for
// HEAD) then any of ~N, ^N (N up to 2), ^{} and ^{commit}. The rest of
// git's syntax (@{...}, :path, ^{/text}) is not found.
func (h *repoHandle) revision(rev string) (plumbing.Hash, bool) {
	end := strings.IndexAny(rev, "~^")
	if end < 0 {
		end = len(rev)
	}
	name, steps := rev[:end], rev[end:]
	if name == "@" {
		name = "HEAD"
	}
	if !validRefName(name) {
		return plumbing.ZeroHash, false
	}
	c, ok := h.namedCommit(name)
	for ok && steps != "" {
		op := steps[0]
		steps = steps[1:]
		if op == '^' && strings.HasPrefix(steps, "{") {
			peel, rest, closed := strings.Cut(steps[1:], "}")
			if !closed || (peel != "" && peel != "commit") {
				return plumbing.ZeroHash, false // a commit is already peeled
			}
			steps = rest
			continue
		}
		digits := len(steps) - len(strings.TrimLeft(steps, "0123456789"))
		n, err := strconv.Atoi(steps[:digits])
		if digits == 0 {
			n, err = 1, nil
		}
		steps = steps[digits:]
		if err != nil || (steps != "" && steps[0] != '~' && steps[0] != '^') {
			return plumbing.ZeroHash, false
		}
		c, ok = h.ancestor(c, op, n)
	}
	if !ok {
		return plumbing.ZeroHash, false
	}
	return c.Hash, true
}

// ancestor is c~n (n first parents back) or c^n (its nth parent, n ≤ 2
// as go-git allowed; ^0 is c).
func (h *repoHandle) ancestor(c *object.Commit, op byte, n int) (*object.Commit, bool) {
	if op == '^' {
		if n > 2 || n > c.NumParents() {
			return nil, false
		}
		if n == 0 {
			return c, true
		}
		p, err := object.GetCommit(h.st, c.ParentHashes[n-1])
		return p, err == nil
	}
	for ; n > 0; n-- {
		if c.NumParents() == 0 {
			return nil, false
		}
		p, err := object.GetCommit(h.st, c.ParentHashes[0])
		if err != nil {
			return nil, false
		}
		c = p
	}
	return c, true
}

// namedCommit is the commit a hash prefix or a ref names, the hash first
// (as git does), an annotated tag peeled to its commit.
func (h *repoHandle) namedCommit(name string) (*object.Commit, bool) {
	candidates := h.hashesWithPrefix(name)
	for _, rule := range plumbing.RefRevParseRules {
		if r, err := storer.ResolveReference(h.st, plumbing.ReferenceName(fmt.Sprintf(rule, name))); err == nil {
			candidates = append(candidates, r.Hash())
			break
		}
	}
	for _, hash := range candidates {
		if c, err := object.GetCommit(h.st, hash); err == nil {
			return c, true
		}
		if t, err := object.GetTag(h.st, hash); err == nil {
			c, err := t.Commit()
			return c, err == nil
		}
	}
	return nil, false
}

// hashesWithPrefix lists the objects whose hash starts with prefix (hex,
// of any length).
func (h *repoHandle) hashesWithPrefix(prefix string) []plumbing.Hash {
	if prefix == "" {
		return nil
	}
	if len(prefix) == 2*len(plumbing.ZeroHash) {
		var hash plumbing.Hash
		if _, err := hex.Decode(hash[:], []byte(prefix)); err != nil {
			return nil
		}
		return []plumbing.Hash{hash}
	}
	even, err := hex.DecodeString(prefix[:len(prefix)&^1])
	if err != nil {
		return nil
	}
	all, err := h.st.HashesWithPrefix(even)
	if err != nil {
		return nil
	}
	if len(prefix)%2 == 0 {
		return all
	}
	var out []plumbing.Hash // the odd digit is checked here
	for _, hash := range all {
		if strings.HasPrefix(hash.String(), prefix) {
			out = append(out, hash)
		}
	}
	return out
}

// validRefName is go-git's check of a revision's name (git's
// check-ref-format, in part): what fails it is never looked up.
func validRefName(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\?*[@:") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "/") ||
		strings.HasSuffix(name, "/") || strings.HasSuffix(name, ".") || strings.Contains(name, "/.") || strings.Contains(name, "..") || strings.Contains(name, "//") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasSuffix(part, ".lock") {
			return false
		}
	}
	return !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
}
