package repocost

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// treeDiffer lists the files that differ between two trees: the same
// changes, in the same order, as go-git's object.DiffTree, for a fraction
// of the work. go-git's merkletrie walk decodes every subtree of both sides
// to count its children (even subtrees whose hashes are equal), and its
// tree walker decodes each child folder again while listing a folder. Here
// a folder is decoded only when its hash differs on the two sides, and
// decoded trees are kept for a while: a commit's tree is the next (older)
// change's first-parent tree, and a folder's old version in one change is
// its new version in the older change that made it.
type treeDiffer struct {
	s         storer.EncodedObjectStorer
	cur, prev map[plumbing.Hash]*object.Tree
	entries   int // in cur
	// missing lists the folders of the last diff whose tree object is
	// not on disk: they are left out, and the caller counts them.
	missing []string
}

// maxDepth stops a damaged repository whose folders nest without end.
const maxDepth = 1024

// genEntries bounds the cache: two generations of trees of this many
// entries in all (a few MiB), the older dropped as a new one fills up.
const genEntries = 1 << 14

func newTreeDiffer(s storer.EncodedObjectStorer) *treeDiffer {
	return &treeDiffer{s: s, cur: map[plumbing.Hash]*object.Tree{}}
}

// next starts a new change.
func (d *treeDiffer) next() {
	if d.entries >= genEntries {
		d.prev, d.cur, d.entries = d.cur, make(map[plumbing.Hash]*object.Tree, len(d.cur)), 0
	}
}

// tree returns the decoded tree h.
func (d *treeDiffer) tree(h plumbing.Hash) (*object.Tree, error) {
	if t, ok := d.cur[h]; ok {
		return t, nil
	}
	t, ok := d.prev[h]
	if !ok {
		var err error
		if t, err = object.GetTree(d.s, h); err != nil {
			return nil, err
		}
	}
	d.cur[h] = t
	d.entries += len(t.Entries)
	return t, nil
}

// diff compares from (nil: nothing, for a root commit) with to.
func (d *treeDiffer) diff(ctx context.Context, from, to *object.Tree) (object.Changes, error) {
	var out object.Changes
	d.missing = d.missing[:0]
	err := d.dirs(ctx, "", from, to, 0, &out)
	return out, err
}

// dirs merges two folders' entries by name. The merkletrie orders entries
// by plain name at each level (git orders a folder as if its name ended in
// "/"), and so does this walk, so the changes come in go-git's order.
func (d *treeDiffer) dirs(ctx context.Context, prefix string, a, b *object.Tree, depth int, out *object.Changes) error {
	if ctx.Err() != nil {
		return ErrCanceled
	}
	if depth > maxDepth {
		return object.ErrMaxTreeDepth
	}
	ea, eb := byName(a), byName(b)
	for i, j := 0, 0; i < len(ea) || j < len(eb); {
		switch {
		case j == len(eb) || (i < len(ea) && ea[i].Name < eb[j].Name):
			if err := d.all(ctx, prefix, a, ea[i], depth, false, out); err != nil {
				return err
			}
			i++
		case i == len(ea) || eb[j].Name < ea[i].Name:
			if err := d.all(ctx, prefix, b, eb[j], depth, true, out); err != nil {
				return err
			}
			j++
		default: // the same name on both sides
			if err := d.same(ctx, prefix, a, b, ea[i], eb[j], depth, out); err != nil {
				return err
			}
			i, j = i+1, j+1
		}
	}
	return nil
}

// same compares entry x of folder a with entry y of the same name in b.
func (d *treeDiffer) same(ctx context.Context, prefix string, a, b *object.Tree, x, y object.TreeEntry, depth int, out *object.Changes) error {
	xDir, yDir := x.Mode == filemode.Dir, y.Mode == filemode.Dir
	switch {
	case x.Hash == y.Hash && x.Mode == y.Mode: // unchanged (a mode change is a change)
	case !xDir && !yDir:
		*out = append(*out, &object.Change{From: entry(prefix, a, x), To: entry(prefix, b, y)})
	case xDir && yDir:
		ta, err := d.tree(x.Hash)
		if err != nil {
			return d.treeErr(prefix+x.Name, err)
		}
		tb, err := d.tree(y.Hash)
		if err != nil {
			return d.treeErr(prefix+y.Name, err)
		}
		return d.dirs(ctx, prefix+x.Name+"/", ta, tb, depth+1, out)
	default: // a file became a folder or the other way round
		if err := d.all(ctx, prefix, a, x, depth, false, out); err != nil {
			return err
		}
		return d.all(ctx, prefix, b, y, depth, true, out)
	}
	return nil
}

// all adds e (of folder t) as inserted or deleted: a file itself, a folder
// every file below it, in name order.
func (d *treeDiffer) all(ctx context.Context, prefix string, t *object.Tree, e object.TreeEntry, depth int, insert bool, out *object.Changes) error {
	if e.Mode != filemode.Dir {
		ce := entry(prefix, t, e)
		if insert {
			*out = append(*out, &object.Change{To: ce})
		} else {
			*out = append(*out, &object.Change{From: ce})
		}
		return nil
	}
	if depth > maxDepth {
		return object.ErrMaxTreeDepth
	}
	sub, err := d.tree(e.Hash)
	if err != nil {
		return d.treeErr(prefix+e.Name, err)
	}
	for _, c := range byName(sub) {
		if err := d.all(ctx, prefix+e.Name+"/", sub, c, depth+1, insert, out); err != nil {
			return err
		}
	}
	return nil
}

// treeErr: a folder whose tree is not on disk is noted in missing and
// left out (nil); any other failure stops the diff.
func (d *treeDiffer) treeErr(path string, err error) error {
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		d.missing = append(d.missing, path)
		return nil
	}
	return fmt.Errorf("read the folder %s: %w", path, err)
}

// entry is what go-git reports for a changed file: its path, the folder
// that holds it, and its tree entry.
func entry(prefix string, t *object.Tree, e object.TreeEntry) object.ChangeEntry {
	return object.ChangeEntry{Name: prefix + e.Name, Tree: t, TreeEntry: e}
}

// byName is t's entries in plain name order; git's order differs only
// around a folder whose name is a prefix of a sibling's ("a" and "a.go").
func byName(t *object.Tree) []object.TreeEntry {
	if t == nil {
		return nil
	}
	es := t.Entries
	sorted := true
	for i := 1; i < len(es) && sorted; i++ {
		sorted = es[i-1].Name < es[i].Name
	}
	if sorted {
		return es
	}
	es = append([]object.TreeEntry(nil), es...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Name < es[j].Name })
	return es
}
