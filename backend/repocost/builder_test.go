package repocost

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/memory"
)

// builder writes commits straight into an object store (no worktree), so a
// test states each commit's files and parents exactly, and a benchmark can
// make ten thousand commits in seconds. save packs everything into a real
// repository on disk, as git itself would store it.
type builder struct {
	st    *memory.Storage
	files map[string]string // the tree of the next commit
	head  plumbing.Hash
	all   []plumbing.Hash
	blobs map[string]plumbing.Hash // content → blob, so unchanged files cost a map lookup
}

func newBuilder() *builder {
	return &builder{st: memory.NewStorage(), files: map[string]string{}, blobs: map[string]plumbing.Hash{}}
}

// t0 is the time tests count back from ("now" in every scan).
var t0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func day(n int) time.Time { return t0.AddDate(0, 0, -n) }

func (b *builder) put(o plumbing.EncodedObject) plumbing.Hash {
	h, err := b.st.SetEncodedObject(o)
	if err != nil {
		panic(err)
	}
	b.all = append(b.all, h)
	return h
}

func (b *builder) blob(content string) plumbing.Hash {
	if h, ok := b.blobs[content]; ok {
		return h
	}
	defer func() { b.blobs[content] = b.all[len(b.all)-1] }()
	o := b.st.NewEncodedObject()
	o.SetType(plumbing.BlobObject)
	w, _ := o.Writer()
	_, _ = w.Write([]byte(content))
	_ = w.Close()
	return b.put(o)
}

// tree writes the tree of files (path → content) and returns its hash.
func (b *builder) tree(files map[string]string) plumbing.Hash {
	type dir struct {
		files map[string]string
		dirs  map[string]map[string]string
	}
	d := dir{files: map[string]string{}, dirs: map[string]map[string]string{}}
	for p, c := range files {
		if top, rest, ok := strings.Cut(p, "/"); ok {
			if d.dirs[top] == nil {
				d.dirs[top] = map[string]string{}
			}
			d.dirs[top][rest] = c
		} else {
			d.files[p] = c
		}
	}
	var entries []object.TreeEntry
	for name, c := range d.files {
		entries = append(entries, object.TreeEntry{Name: name, Mode: filemode.Regular, Hash: b.blob(c)})
	}
	for name, sub := range d.dirs {
		entries = append(entries, object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: b.tree(sub)})
	}
	// git orders entries by name, a folder as if its name ended in "/".
	key := func(e object.TreeEntry) string {
		if e.Mode == filemode.Dir {
			return e.Name + "/"
		}
		return e.Name
	}
	sort.Slice(entries, func(i, j int) bool { return key(entries[i]) < key(entries[j]) })
	o := b.st.NewEncodedObject()
	if err := (&object.Tree{Entries: entries}).Encode(o); err != nil {
		panic(err)
	}
	return b.put(o)
}

// change applies files to the tree ("" deletes a file).
func apply(tree map[string]string, files map[string]string) map[string]string {
	out := make(map[string]string, len(tree)+len(files))
	for p, c := range tree {
		out[p] = c
	}
	for p, c := range files {
		if c == "" {
			delete(out, p)
		} else {
			out[p] = c
		}
	}
	return out
}

func (b *builder) commitObject(msg string, when time.Time, tree map[string]string, parents ...plumbing.Hash) plumbing.Hash {
	sig := object.Signature{Name: "Dev", Email: "dev@example.test", When: when}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: b.tree(tree), ParentHashes: parents}
	o := b.st.NewEncodedObject()
	if err := c.Encode(o); err != nil {
		panic(err)
	}
	return b.put(o)
}

// commit adds a commit on the branch with these file changes.
func (b *builder) commit(msg string, when time.Time, files map[string]string) plumbing.Hash {
	b.files = apply(b.files, files)
	var parents []plumbing.Hash
	if !b.head.IsZero() {
		parents = append(parents, b.head)
	}
	b.head = b.commitObject(msg, when, b.files, parents...)
	return b.head
}

// merge lands a pull request: a commit on a side branch with files, then a
// merge commit on the branch whose parents are the branch and that commit.
func (b *builder) merge(msg string, when time.Time, files map[string]string) plumbing.Hash {
	side := b.commitObject("work on "+msg, when.Add(-time.Hour), apply(b.files, files), b.head)
	b.files = apply(b.files, files)
	b.head = b.commitObject(msg, when, b.files, b.head, side)
	return b.head
}

// save writes the objects as one packfile into a new repository in dir, with
// branch pointing at the head and HEAD at branch.
func (b *builder) save(t testing.TB, dir, branch string) *git.Repository {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	var pack bytes.Buffer
	if _, err := packfile.NewEncoder(&pack, b.st, false).Encode(unique(b.all), 10); err != nil {
		t.Fatal(err)
	}
	pw, ok := repo.Storer.(storer.PackfileWriter)
	if !ok {
		t.Fatal("the storage cannot take a packfile")
	}
	w, err := pw.PackfileWriter()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(pack.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ref := plumbing.NewBranchReferenceName(branch)
	if err := repo.Storer.SetReference(plumbing.NewHashReference(ref, b.head)); err != nil {
		t.Fatal(err)
	}
	if err := repo.Storer.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, ref)); err != nil {
		t.Fatal(err)
	}
	return repo
}

func unique(hs []plumbing.Hash) []plumbing.Hash {
	seen := map[plumbing.Hash]bool{}
	var out []plumbing.Hash
	for _, h := range hs {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}
