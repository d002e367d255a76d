package repocost

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/memory"
)

// node is a file of a generated tree: its mode and content.
type node struct {
	mode    filemode.FileMode
	content string
}

// writeTree stores files (path → node) as git trees, folders ordered as git
// orders them, and returns the root.
func writeTree(t testing.TB, st *memory.Storage, files map[string]node) *object.Tree {
	t.Helper()
	var write func(files map[string]node) plumbing.Hash
	write = func(files map[string]node) plumbing.Hash {
		dirs := map[string]map[string]node{}
		var es []object.TreeEntry
		for p, n := range files {
			if top, rest, ok := strings.Cut(p, "/"); ok {
				if dirs[top] == nil {
					dirs[top] = map[string]node{}
				}
				dirs[top][rest] = n
				continue
			}
			o := st.NewEncodedObject()
			o.SetType(plumbing.BlobObject)
			w, _ := o.Writer()
			_, _ = w.Write([]byte(n.content))
			_ = w.Close()
			h, _ := st.SetEncodedObject(o)
			es = append(es, object.TreeEntry{Name: p, Mode: n.mode, Hash: h})
		}
		for name, sub := range dirs {
			es = append(es, object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: write(sub)})
		}
		key := func(e object.TreeEntry) string {
			if e.Mode == filemode.Dir {
				return e.Name + "/"
			}
			return e.Name
		}
		sort.Slice(es, func(i, j int) bool { return key(es[i]) < key(es[j]) })
		o := st.NewEncodedObject()
		if err := (&object.Tree{Entries: es}).Encode(o); err != nil {
			t.Fatal(err)
		}
		h, _ := st.SetEncodedObject(o)
		return h
	}
	tree, err := object.GetTree(st, write(files))
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// randomFiles makes a tree whose names sort differently in git's order and
// in plain order ("a", "a.go", "a-b", "a/"), with every kind of entry, and
// a few contents so that equal blobs recur.
func randomFiles(rng *rand.Rand, base map[string]node) map[string]node {
	names := []string{"a", "a.go", "a-b", "a0", "b", "B", "z"}
	modes := []filemode.FileMode{filemode.Regular, filemode.Regular, filemode.Regular, filemode.Executable, filemode.Symlink}
	out := map[string]node{}
	for p, n := range base {
		switch rng.IntN(10) {
		case 0: // deleted
		case 1:
			out[p] = node{n.mode, n.content + "+"}
		case 2:
			out[p] = node{modes[rng.IntN(len(modes))], n.content}
		case 3:
			out[p+"/"+names[rng.IntN(len(names))]] = n // a file becomes a folder
		default:
			out[p] = n
		}
	}
	for k := rng.IntN(4); k >= 0; k-- {
		var parts []string
		for d := rng.IntN(4); d >= 0; d-- {
			parts = append(parts, names[rng.IntN(len(names))])
		}
		out[strings.Join(parts, "/")] = node{modes[rng.IntN(len(modes))], fmt.Sprint(rng.IntN(4))}
	}
	// A path cannot be both a file and a folder: the longer one wins.
	for p := range out {
		for q := range out {
			if strings.HasPrefix(q, p+"/") {
				delete(out, p)
				break
			}
		}
	}
	return out
}

// The differ gives exactly go-git's DiffTree: the same changes, in the
// same order, with the same entries and folders, on random pairs of trees
// (files turning into folders, mode changes, symlinks, nested folders).
func TestTreeDiffEqualsGoGit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	st := memory.NewStorage()
	files := randomFiles(rng, nil)
	prev := writeTree(t, st, files)
	d := newTreeDiffer(st)
	kinds := map[string]int{}
	for i := 0; i < 2000; i++ {
		next := randomFiles(rng, files)
		cur := writeTree(t, st, next)
		from := prev
		if i%50 == 0 {
			from = nil // a root commit
		}
		d.next()
		got, err := d.diff(context.Background(), from, cur)
		if err != nil {
			t.Fatal(err)
		}
		want, err := object.DiffTreeWithOptions(context.Background(), from, cur, nil)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := describe(got), describe(want); g != w {
			t.Fatalf("pair %d:\n got %s\nwant %s", i, g, w)
		}
		for _, c := range want {
			a, _ := c.Action()
			kinds[a.String()]++
			if c.From.Name != "" && c.To.Name != "" && c.From.TreeEntry.Hash == c.To.TreeEntry.Hash {
				kinds["mode only"]++
			}
		}
		files, prev = next, cur
	}
	for _, k := range []string{"Insert", "Delete", "Modify", "mode only"} {
		if kinds[k] < 100 {
			t.Errorf("only %d changes of kind %s: %v", kinds[k], k, kinds)
		}
	}
}

func describe(cs object.Changes) string {
	var sb strings.Builder
	side := func(e object.ChangeEntry) string {
		if e.Name == "" {
			return "-"
		}
		return fmt.Sprintf("%s[%s %o %s in %s]", e.Name, e.TreeEntry.Name, e.TreeEntry.Mode, e.TreeEntry.Hash.String()[:7], e.Tree.Hash.String()[:7])
	}
	for _, c := range cs {
		fmt.Fprintf(&sb, "%s→%s; ", side(c.From), side(c.To))
	}
	return sb.String()
}
