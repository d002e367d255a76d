package repocost

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exact is the reference: tiktoken-go on the whole text at once.
func exact(t testing.TB, text string) int {
	t.Helper()
	enc, err := encoder()
	if err != nil {
		t.Fatal(err)
	}
	return len(enc.EncodeOrdinary(text))
}

func newCounter(t testing.TB) *Counter {
	t.Helper()
	c, err := NewCounter()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEncodingIsO200k(t *testing.T) {
	c := newCounter(t)
	// Pinned from OpenAI's o200k_base: "hello world" is ["hello", " world"].
	for text, want := range map[string]int{"hello world": 2, "": 0, "package main\n": 3} {
		if got := c.Count(text); got != want {
			t.Errorf("Count(%q) = %d, want %d", text, got, want)
		}
	}
}

// The cuts and the memo must never change a count: compare with the whole
// text tokenized at once on tricky cases and on this repository's sources
// and diffs of them.
func TestCountEqualsTiktoken(t *testing.T) {
	cases := []string{
		"a\n\nb", "x;\n\n  foo", "a\n \n b", "}\n//comment\n", "x;\n// c\n\tfoo();\n", "line\r\nnext\r\n",
		"  \n\t\n\nend", "\n\n\n", "tail \n", "a\n ", "emoji 🦊\nnext\n", "naïve café\n\tstraße\n",
		"don't\nWON'T\n'll\n", "123456789\n1\n", "\v\nx\f\ny", "a\u00a0\nb\u2003c\n", "x\n/", "-\tfoo\n+\tbar\n",
		strings.Repeat("word ", 1000) + "\n" + strings.Repeat("mixedCase42 Other ", 300),
	}
	_ = filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || (d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "dist")) {
			return filepath.SkipDir
		}
		switch filepath.Ext(p) {
		case ".go", ".ts", ".tsx", ".md", ".css":
			if b, err := os.ReadFile(p); err == nil && len(cases) < 400 {
				cases = append(cases, string(b))
			}
		}
		return nil
	})
	if len(cases) < 100 {
		t.Fatalf("only %d texts to compare", len(cases))
	}
	c := newCounter(t)
	for i, text := range cases {
		// Diffs of the file against itself with a few lines changed.
		changed := strings.ReplaceAll(text, "return", "return /* x */")
		d, _, _ := unified("a/f", "b/f", text, changed, 3)
		for _, s := range []string{text, d} {
			if got, want := c.Count(s), exact(t, s); got != want {
				t.Fatalf("case %d: Count = %d, tiktoken = %d (%q…)", i, got, want, s[:min(len(s), 80)])
			}
		}
	}
	if c.Sliced != 0 {
		t.Errorf("%d segments were sliced; only runs over %d bytes without a word break should be", c.Sliced, maxSegment)
	}
	// Counting again hits the memo and gives the same numbers.
	for _, s := range cases[:20] {
		if got, want := c.Count(s), exact(t, s); got != want {
			t.Fatalf("memoised count = %d, want %d", got, want)
		}
	}
}

// A run with no exact cut (minified code, a data blob) is sliced so the
// quadratic merge stays fast; the count stays within a token per slice.
func TestLongRunsAreSliced(t *testing.T) {
	c := newCounter(t)
	run := strings.Repeat("=", 5*maxSegment)
	got, want := c.Count(run), exact(t, run)
	if c.Sliced != 4 {
		t.Errorf("sliced %d times, want 4", c.Sliced)
	}
	if d := got - want; d < -5 || d > 5 {
		t.Errorf("sliced count %d, exact %d", got, want)
	}
}

func FuzzCount(f *testing.F) {
	for _, s := range []string{"a\n\nb", "x;\n//y\n", " \t\n  q", "é\n e", "''\n's\n", "12\n345\n 6"} {
		f.Add(s)
	}
	c := newCounter(f)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := c.Count(s), exact(t, s); got != want && c.Sliced == 0 {
			t.Fatalf("Count(%q) = %d, tiktoken = %d", s, got, want)
		}
	})
}
