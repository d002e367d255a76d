package repocost

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/merkletrie"
)

// renames pairs a deleted and an added file that are at least 60 %
// alike (git's default), over at most 100 of each per change.
var renames = &object.DiffTreeOptions{DetectRenames: true, RenameScore: 60, RenameLimit: 100}

// FileSize is one reviewed file of a change.
type FileSize struct {
	Path    string `json:"path"`
	Tokens  int64  `json:"tokens"`
	Added   int    `json:"added"`
	Deleted int    `json:"deleted"`
}

// measurer turns a change into the files a reviewer reads and their size.
type measurer struct {
	h        *repoHandle
	trees    *treeDiffer
	render   *renderer
	rules    *Rules
	verdicts map[string]bool // ignored or not, by path: paths recur
	count    *Counter
	context  int
	maxBytes int64
	buf      bytes.Buffer
}

// measured is one change's files, and the files skipped and why.
type measured struct {
	files   []FileSize
	skipped map[string]int
}

// What is not on disk (a partial or damaged clone) is skipped and counted
// as SkipUnreadable, and the scan goes on: a missing tree of the change or
// of its parent skips the change, a missing folder its files, a missing
// file itself. A path on the ignore list is never read, so it never counts.
func (m *measurer) measure(ctx context.Context, c commitInfo) (measured, error) {
	out := measured{skipped: map[string]int{}}
	m.trees.next()
	to, err := m.trees.tree(c.tree)
	if err != nil {
		return m.unreadable(out, c, err)
	}
	var from *object.Tree // nil: the root commit, compared with nothing
	if c.parents > 0 {
		parentTree := c.parentTree
		if parentTree.IsZero() { // the parent is older than the window
			parent, err := object.GetCommit(m.h.st, c.parent)
			if err != nil {
				return m.unreadable(out, c, err)
			}
			parentTree = parent.TreeHash
		}
		if from, err = m.trees.tree(parentTree); err != nil {
			return m.unreadable(out, c, err)
		}
	}
	changes, err := m.trees.diff(ctx, from, to)
	if err != nil {
		return out, m.ctxErr(ctx, fmt.Errorf("compare the trees of %s: %w", short(c.hash), err))
	}
	for _, dir := range m.trees.missing {
		if m.ignored(dir) || m.ignored(dir+"/") {
			out.skipped[SkipIgnored]++
		} else {
			out.skipped[SkipUnreadable]++
		}
	}
	// Ignored paths go before rename detection, which reads blobs.
	kept := changes[:0]
	for _, ch := range changes {
		if m.ignored(changePath(ch)) {
			if ch.To.Name != "" {
				out.skipped[SkipIgnored]++
			}
			continue
		}
		kept = append(kept, ch)
	}
	if renamed, err := object.DetectRenames(kept, renames); err == nil {
		kept = renamed
	} else if !errors.Is(err, plumbing.ErrObjectNotFound) {
		return out, fmt.Errorf("detect renames in %s: %w", short(c.hash), err)
	} // else a file it compares is not on disk: measure without renames

	for _, ch := range kept {
		if ctx.Err() != nil {
			return out, ErrCanceled
		}
		f, reason, err := m.file(ch)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			reason, err = SkipUnreadable, nil
		}
		if err != nil {
			return out, fmt.Errorf("read %s: %w", short(c.hash), err)
		}
		if reason != "" {
			out.skipped[reason]++
			continue
		}
		out.files = append(out.files, f)
	}
	return out, nil
}

// ignored remembers the rules' verdicts: matching a path against every
// pattern costs more than a lookup, and the same files change again and
// again. The map is emptied when full, so it stays small.
func (m *measurer) ignored(path string) bool {
	v, ok := m.verdicts[path]
	if !ok {
		if len(m.verdicts) >= 1<<14 {
			clear(m.verdicts)
		}
		v, _ = m.rules.Match(path)
		m.verdicts[path] = v
	}
	return v
}

func changePath(ch *object.Change) string {
	if ch.To.Name != "" {
		return ch.To.Name
	}
	return ch.From.Name
}

// file reads one changed file: the text a reviewer gets (its unified diff
// with context lines) and its tokens, or why it is skipped.
func (m *measurer) file(ch *object.Change) (FileSize, string, error) {
	action, err := ch.Action()
	if err != nil {
		return FileSize{}, "", err
	}
	if action == merkletrie.Delete {
		return FileSize{}, SkipDeleted, nil
	}
	if ch.To.TreeEntry.Mode == filemode.Submodule || ch.To.TreeEntry.Mode == filemode.Symlink {
		return FileSize{}, SkipNoChange, nil
	}
	if ch.From.Name != "" && ch.From.TreeEntry.Hash == ch.To.TreeEntry.Hash {
		return FileSize{}, SkipNoChange, nil
	}
	path := ch.To.Name
	newer, reason, err := m.blob(ch.To.TreeEntry.Hash)
	if err != nil || reason != "" {
		return FileSize{}, reason, err
	}
	if isGenerated(newer) {
		return FileSize{}, SkipGenerated, nil
	}
	older, fromName := "", "/dev/null"
	if ch.From.Name != "" && ch.From.TreeEntry.Mode != filemode.Submodule {
		fromName = "a/" + ch.From.Name
		if older, reason, err = m.blob(ch.From.TreeEntry.Hash); err != nil || reason != "" {
			return FileSize{}, reason, err
		}
	}
	text, added, deleted := m.render.unified(fromName, "b/"+path, older, newer, m.context)
	if added+deleted == 0 {
		return FileSize{}, SkipNoChange, nil
	}
	return FileSize{Path: path, Tokens: int64(m.count.Count(text)), Added: added, Deleted: deleted}, "", nil
}

// blob reads a file's content, or says why it is not reviewed.
func (m *measurer) blob(h plumbing.Hash) (string, string, error) {
	b, err := object.GetBlob(m.h.st, h)
	if err != nil {
		return "", "", err
	}
	if b.Size > m.maxBytes {
		return "", SkipLarge, nil
	}
	r, err := b.Reader()
	if err != nil {
		return "", "", err
	}
	defer r.Close()
	// One buffer per worker, sized once to the blob (plus the read that
	// sees the end): the content is then copied once, into the string.
	m.buf.Reset()
	m.buf.Grow(int(b.Size) + bytes.MinRead)
	if _, err := m.buf.ReadFrom(r); err != nil {
		return "", "", err
	}
	data := m.buf.Bytes()
	if m.buf.Cap() > 4<<20 { // a rare big file: let its buffer go
		m.buf = bytes.Buffer{}
	}
	if isBinary(data) {
		return "", SkipBinary, nil
	}
	return string(data), "", nil
}

// unreadable skips a whole change whose tree is not on disk; any other
// failure to read it stops the scan.
func (m *measurer) unreadable(out measured, c commitInfo, err error) (measured, error) {
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		out.skipped[SkipUnreadable]++
		return out, nil
	}
	return out, fmt.Errorf("read %s: %w", short(c.hash), err)
}

func (m *measurer) ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ErrCanceled
	}
	return err
}

func short(h plumbing.Hash) string { return h.String()[:7] }
