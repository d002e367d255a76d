package repocost

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	fdiff "github.com/go-git/go-git/v5/plumbing/format/diff"
	"github.com/go-git/go-git/v5/utils/diff"
	dmp "github.com/sergi/go-diff/diffmatchpatch"
)

// goGitHunks is the reference: go-git's own UnifiedEncoder on the diffs.
func goGitHunks(diffs []dmp.Diff, context int) string {
	var chunks []fdiff.Chunk
	for _, d := range diffs {
		op := fdiff.Equal
		switch d.Type {
		case dmp.DiffInsert:
			op = fdiff.Add
		case dmp.DiffDelete:
			op = fdiff.Delete
		}
		chunks = append(chunks, chunk{d.Text, op})
	}
	var sb strings.Builder
	// With no File on either side the encoder writes only the hunks.
	_ = fdiff.NewUnifiedEncoder(&sb, context).Encode(onePatch{filePatch{chunks}})
	return sb.String()
}

func ourHunks(diffs []dmp.Diff, context int) string {
	var g hunks
	g.reset(diffs, context)
	g.generate()
	return string(g.out)
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

var contexts = []int{0, 1, 2, 3, 5, 1 << 30}

func checkHunks(t *testing.T, diffs []dmp.Diff) {
	t.Helper()
	for _, c := range contexts {
		if got, want := ourHunks(diffs, c), goGitHunks(diffs, c); got != want {
			t.Fatalf("context %d, diffs %q:\n got %q\nwant %q", c, diffs, got, want)
		}
	}
}

// randomText is lines drawn from a few, so that two texts share runs of
// lines; sometimes without a final line feed, sometimes empty.
func randomText(rng *rand.Rand) string {
	var sb strings.Builder
	for k := rng.IntN(30); k > 0; k-- {
		sb.WriteString([]string{"a", "b", "c", "}", "", "\treturn x", "x := 1"}[rng.IntN(7)])
		sb.WriteByte('\n')
	}
	s := sb.String()
	if rng.IntN(4) == 0 && s != "" {
		s = s[:len(s)-1]
	}
	return s
}

// The hunks are go-git's, byte for byte: on diffs of random texts (every
// context size), and on raw chunk sequences that diff.Do would not make
// (empty chunks, runs of the same kind), where go-git's quirks show.
func TestHunksEqualGoGit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		checkHunks(t, diff.Do(randomText(rng), randomText(rng)))
	}
	for i := 0; i < 3000; i++ {
		var diffs []dmp.Diff
		for k := rng.IntN(8); k >= 0; k-- {
			text := strings.Repeat("l\n", rng.IntN(9)) + []string{"", "", "tail"}[rng.IntN(3)]
			diffs = append(diffs, dmp.Diff{Type: []dmp.Operation{dmp.DiffEqual, dmp.DiffInsert, dmp.DiffDelete}[rng.IntN(3)], Text: text})
		}
		checkHunks(t, diffs)
	}
	// go-git splits lines with this expression, dropping a last empty match.
	re := regexp.MustCompile(`[^\n]*(\n|$)`)
	for _, s := range []string{"", "a", "a\n", "\n", "a\nb", "a\n\nb\n", "\n\n", "\r\n"} {
		want := re.FindAllString(s, -1)
		if want[len(want)-1] == "" {
			want = want[:len(want)-1]
		}
		if got := splitLines(s, nil); !slices.Equal(got, want) {
			t.Errorf("splitLines(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzUnified(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nB\nc\n", uint8(3))
	f.Add("x", "x\ny", uint8(0))
	f.Fuzz(func(t *testing.T, older, newer string, c uint8) {
		context := int(c % 8)
		if c == 255 {
			context = WholeFile
		}
		got, added, deleted := unified("a/f", "b/f", older, newer, context)
		if context == WholeFile {
			context = 1 << 30
		}
		want := "--- a/f\n+++ b/f\n" + goGitHunks(diff.Do(older, newer), context)
		if got != want {
			t.Fatalf("unified:\n got %q\nwant %q", got, want)
		}
		if (added+deleted == 0) != (older == newer) {
			t.Fatalf("%d added, %d deleted for %q → %q", added, deleted, older, newer)
		}
	})
}
