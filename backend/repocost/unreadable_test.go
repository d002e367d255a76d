package repocost

import (
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// saveWithout saves the history as save does, leaving objects out: a
// partial or damaged clone.
func (b *builder) saveWithout(t *testing.T, dir, branch string, omit ...plumbing.Hash) {
	t.Helper()
	drop := map[plumbing.Hash]bool{}
	for _, h := range omit {
		drop[h] = true
	}
	kept := b.all[:0:0]
	for _, h := range b.all {
		if !drop[h] {
			kept = append(kept, h)
		}
	}
	b.all = kept
	b.save(t, dir, branch)
}

// What is not on disk is skipped and counted as unreadable, and the scan
// goes on: a missing file, a missing folder (counted as ignored when the
// ignore list covers it, since it would never have been read), and a
// change whose whole tree is missing.
func TestMissingObjectsAreSkipped(t *testing.T) {
	b := newBuilder()
	b.commit("start", day(40), map[string]string{"main.go": mainV1, "third_party/lib/a.go": "package lib\n"})
	b.commit("bump lib", day(20), map[string]string{"main.go": mainV2, "third_party/lib/a.go": "package lib // v2\n"})
	libV2 := b.tree(map[string]string{"a.go": "package lib // v2\n"})
	b.commit("add util", day(10), map[string]string{"util/strings.go": utilV1, "docs/notes.md": "notes\n"})
	notes := b.blob("notes\n")
	b.commit("last", day(5), map[string]string{"main.go": mainV1})
	lastTree := b.tree(b.files)
	dir := t.TempDir()
	b.saveWithout(t, dir, "main", libV2, notes, lastTree)

	res := scan(t, dir, Options{Since: 60 * 24 * time.Hour, Ignore: []string{"third_party/"}})
	if res.Commits != 4 {
		t.Fatalf("commits = %d", res.Commits)
	}
	if res.Skipped[SkipUnreadable] != 2 || res.Skipped[SkipIgnored] != 2 {
		t.Fatalf("skipped = %v, want 2 unreadable (docs/notes.md, the last change) and 2 ignored (third_party/lib/a.go at the start, the missing third_party/lib later)", res.Skipped)
	}
	measuredFiles := map[string]bool{}
	for _, c := range res.Changes() {
		for _, f := range c.Files {
			measuredFiles[c.Subject+":"+f.Path] = true
		}
	}
	for _, want := range []string{"bump lib:main.go", "add util:util/strings.go", "start:main.go"} {
		if !measuredFiles[want] {
			t.Errorf("%s was not measured (measured: %v)", want, measuredFiles)
		}
	}

	// Without the ignore rule the missing folder is unreadable too.
	res = scan(t, dir, Options{Since: 60 * 24 * time.Hour, Ignore: []string{}})
	if res.Skipped[SkipUnreadable] != 3 {
		t.Fatalf("skipped without the ignore rule = %v", res.Skipped)
	}
}
