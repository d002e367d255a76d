package repocost

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/utils/diff"
)

// The line diff is go-git's diff.Do, diff for diff, on random texts (one
// differ reused throughout, as a worker reuses it), texts with many
// distinct lines (runes past the surrogates), and the empty text.
func TestLineDiffEqualsGoGit(t *testing.T) {
	l := newLineDiffer()
	check := func(a, b string) {
		t.Helper()
		// Nil or empty, no diff is no diff.
		if got, want := l.diff(a, b), diff.Do(a, b); (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
			t.Fatalf("diff(%q, %q):\n got %q\nwant %q", a, b, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		check(randomText(rng), randomText(rng))
	}
	check("", "")
	check("", "a")
	check("a\nb", "")
	var a, b strings.Builder
	for i := 0; i < 70_000; i++ { // ids beyond 0xD800 and 0xF7FD
		line := strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/182) + "\n"
		a.WriteString(line)
		if i%1000 != 0 {
			b.WriteString(line)
		} else {
			b.WriteString("changed\n")
		}
	}
	check(a.String(), b.String())
	for _, i := range []int{0, 1, 0x7f, 0x80, 0x7ff, 0x800, 0xD7FF, 0xD800, 0xF7FC, 0xF7FD, maxLineIDs} {
		r := lineRune(i)
		if i > 0 && !(r > lineRune(i-1)) || string(r) == string(rune(0xFFFD)) {
			t.Errorf("lineRune(%d) = %U", i, r)
		}
	}
}

func FuzzLineDiff(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd")
	l := newLineDiffer()
	f.Fuzz(func(t *testing.T, a, b string) {
		got, want := l.diff(a, b), diff.Do(a, b)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("diff(%q, %q):\n got %q\nwant %q", a, b, got, want)
		}
	})
}
