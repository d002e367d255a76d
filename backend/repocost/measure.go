package repocost

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	fdiff "github.com/go-git/go-git/v5/plumbing/format/diff"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/diff"
	"github.com/go-git/go-git/v5/utils/merkletrie"
	dmp "github.com/sergi/go-diff/diffmatchpatch"
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
	rules    *Rules
	count    *Counter
	context  int
	maxBytes int64
}

// measured is one change's files, and the files skipped and why.
type measured struct {
	files   []FileSize
	skipped map[string]int
}

func (m *measurer) measure(ctx context.Context, c commitInfo) (measured, error) {
	out := measured{skipped: map[string]int{}}
	commit, err := object.GetCommit(m.h.repo.Storer, c.hash)
	if err != nil {
		return out, m.objectErr(c, err)
	}
	to, err := commit.Tree()
	if err != nil {
		return out, m.objectErr(c, err)
	}
	var from *object.Tree // nil: the root commit, compared with nothing
	if c.parents > 0 {
		parent, err := object.GetCommit(m.h.repo.Storer, c.parent)
		if err != nil {
			return out, m.objectErr(c, err)
		}
		if from, err = parent.Tree(); err != nil {
			return out, m.objectErr(c, err)
		}
	}
	changes, err := object.DiffTreeWithOptions(ctx, from, to, nil)
	if err != nil {
		return out, m.ctxErr(ctx, fmt.Errorf("compare the trees of %s: %w", short(c.hash), err))
	}
	// Ignored paths go before rename detection, which reads blobs.
	kept := changes[:0]
	for _, ch := range changes {
		if ignored, _ := m.rules.Match(changePath(ch)); ignored {
			if ch.To.Name != "" {
				out.skipped[SkipIgnored]++
			}
			continue
		}
		kept = append(kept, ch)
	}
	if kept, err = object.DetectRenames(kept, renames); err != nil {
		return out, fmt.Errorf("detect renames in %s: %w", short(c.hash), err)
	}
	for _, ch := range kept {
		if ctx.Err() != nil {
			return out, ErrCanceled
		}
		f, reason, err := m.file(ch)
		if err != nil {
			return out, m.objectErr(c, err)
		}
		if reason != "" {
			out.skipped[reason]++
			continue
		}
		out.files = append(out.files, f)
	}
	return out, nil
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
	if isGenerated([]byte(newer)) {
		return FileSize{}, SkipGenerated, nil
	}
	older, fromName := "", "/dev/null"
	if ch.From.Name != "" && ch.From.TreeEntry.Mode != filemode.Submodule {
		fromName = "a/" + ch.From.Name
		if older, reason, err = m.blob(ch.From.TreeEntry.Hash); err != nil || reason != "" {
			return FileSize{}, reason, err
		}
	}
	text, added, deleted := unified(fromName, "b/"+path, older, newer, m.context)
	if added+deleted == 0 {
		return FileSize{}, SkipNoChange, nil
	}
	return FileSize{Path: path, Tokens: int64(m.count.Count(text)), Added: added, Deleted: deleted}, "", nil
}

// blob reads a file's content, or says why it is not reviewed.
func (m *measurer) blob(h plumbing.Hash) (string, string, error) {
	b, err := object.GetBlob(m.h.repo.Storer, h)
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
	data, err := io.ReadAll(r)
	if err != nil {
		return "", "", err
	}
	if isBinary(data) {
		return "", SkipBinary, nil
	}
	return string(data), "", nil
}

func (m *measurer) objectErr(c commitInfo, err error) error {
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return fmt.Errorf("%w: %s (%s) refers to objects that are not on disk (a partial clone? run `git fetch --refetch`)", ErrMissingObject, short(c.hash), c.subject)
	}
	return fmt.Errorf("read %s: %w", short(c.hash), err)
}

func (m *measurer) ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ErrCanceled
	}
	return err
}

func short(h plumbing.Hash) string { return h.String()[:7] }

// WholeFile as the context means the whole file around the changes.
const WholeFile = -1

// unified renders what a reviewer reads for one file, as GitHub's pull
// request "patch" shows it (the source Kodus reviews from): the file names,
// then the hunks with their context lines. It also counts changed lines.
func unified(fromName, toName, older, newer string, context int) (string, int, int) {
	if context == WholeFile {
		context = 1 << 30
	}
	var chunks []fdiff.Chunk
	added, deleted := 0, 0
	for _, d := range diff.Do(older, newer) {
		op := fdiff.Equal
		switch d.Type {
		case dmp.DiffInsert:
			op, added = fdiff.Add, added+lines(d.Text)
		case dmp.DiffDelete:
			op, deleted = fdiff.Delete, deleted+lines(d.Text)
		}
		chunks = append(chunks, chunk{d.Text, op})
	}
	var sb strings.Builder
	sb.WriteString("--- " + fromName + "\n+++ " + toName + "\n")
	// With no File on either side the encoder writes only the hunks.
	_ = fdiff.NewUnifiedEncoder(&sb, context).Encode(onePatch{filePatch{chunks}})
	return sb.String(), added, deleted
}

func lines(s string) int {
	n := strings.Count(s, "\n")
	if !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

type chunk struct {
	content string
	op      fdiff.Operation
}

func (c chunk) Content() string       { return c.content }
func (c chunk) Type() fdiff.Operation { return c.op }

type filePatch struct{ chunks []fdiff.Chunk }

func (filePatch) IsBinary() bool                  { return false }
func (filePatch) Files() (fdiff.File, fdiff.File) { return nil, nil }
func (p filePatch) Chunks() []fdiff.Chunk         { return p.chunks }

type onePatch struct{ fp filePatch }

func (p onePatch) FilePatches() []fdiff.FilePatch { return []fdiff.FilePatch{p.fp} }
func (onePatch) Message() string                  { return "" }
