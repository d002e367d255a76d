package repocost

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dlclark/regexp2"
)

// o200kPattern is o200k_base's pre-tokenizer, as tiktoken-go compiles it
// (encoding.go, o200k_base); the token tests below would catch a change.
var o200kPattern = regexp2.MustCompile(strings.Join([]string{
	`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
	`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
	`\p{N}{1,3}`,
	` ?[^\s\p{L}\p{N}]+[\r\n/]*`,
	`\s*[\r\n]+`,
	`\s+(?!\S)`,
	`\s+`,
}, "|"), regexp2.None)

func asciiPieces(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := asciiPiece(s, i)
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func patternPieces(t testing.TB, s string) []string {
	var out []string
	m, err := o200kPattern.FindStringMatch(s)
	for ; m != nil && err == nil; m, err = o200kPattern.FindNextMatch(m) {
		out = append(out, m.String())
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkASCII compares the fast path with tiktoken on s: the same pieces as
// the pattern, the same tokens piece by piece as for the whole text, and
// the same count.
func checkASCII(t testing.TB, s string) {
	t.Helper()
	if !isASCII(s) {
		t.Fatalf("not ASCII: %q", s)
	}
	enc, err := encoder()
	if err != nil {
		t.Fatal(err)
	}
	got, want := asciiPieces(s), patternPieces(t, s)
	if !slices.Equal(got, want) {
		t.Fatalf("pieces of %q:\n got %q\nwant %q", s, got, want)
	}
	var tokens []int
	for _, p := range got {
		tokens = append(tokens, enc.EncodeOrdinary(p)...)
	}
	whole := enc.EncodeOrdinary(s)
	if !slices.Equal(tokens, whole) {
		t.Fatalf("tokens of %q: piece by piece %v, whole %v", s, tokens, whole)
	}
	c := &Counter{enc: enc, memo: map[string]int{}}
	if n := c.encode(s); n != len(whole) {
		t.Fatalf("encode(%q) = %d, tiktoken %d", s, n, len(whole))
	}
}

// Every alternative of the pattern, and where one gives way to the next.
func TestASCIIPiecesTricky(t *testing.T) {
	for _, s := range []string{
		"", "a", "A", "1", " ", "\n", "'", "don't", "DON'T", "I'll", "they're", "we've", "I'm", "he'd", "x's", "A'S", "'s", "a'", "a'x", "a'L", "a'll", "a're", "a'r",
		"HTTPServer", "XMLHttpRequest's", "ABCdef", "aBC", "ABC", "A1", "iOS", "x1y2z3", "1234567", " 12", "a 1", "1a",
		" word", "\tword", "\vword", "\x00word", "\x1fword", ".method", "(x", " (x", "  x", "   {", "\t{", " .foo", "!=", " !== ", "// c\n", "*/\n/", " /x",
		"{\n\n\t}", "x;\r\n", "\r\n\r\n  y", "  \n  x", "\n x", "a\n \n b", "tail  ", "tail \n", " \t\n \x0b\x0c", "\f\fx", "x  \t  y", "\n\n\n", "\r", "\r\r\nx",
		"\x7f\x7fa", "~~~/~", "a//b//\n\n//c", "'''", "''s", "\"it's\"", "x'S'T", "e.g. 1,000,000.00", "0x7fff_ffff", "#!/bin/sh\n",
	} {
		checkASCII(t, s)
	}
}

// Random text over an alphabet that stresses the pattern, and this
// repository's ASCII sources (code, Markdown, CSS).
func TestASCIIPiecesRandomAndSources(t *testing.T) {
	alphabet := []string{"a", "z", "A", "Z", "e", "S", "T", "l", "L", "r", "v", "m", "d", "0", "9", "'", " ", " ", "  ", "\t", "\n", "\r", "\v", "\f",
		"/", ".", "(", ")", "{", "}", ";", "\"", "-", "_", "=", "\x00", "\x1b", "\x7f", "return", "Error", "HTTP", "'s", "'LL", "123456", " //", "\r\n"}
	rng := rand.New(rand.NewPCG(200, 0))
	for i := 0; i < 20_000; i++ {
		var sb strings.Builder
		for k := rng.IntN(24); k >= 0; k-- {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		checkASCII(t, sb.String())
	}
	files := 0
	_ = filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || (d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "dist")) {
			return filepath.SkipDir
		}
		switch filepath.Ext(p) {
		case ".go", ".ts", ".tsx", ".md", ".css", ".sh":
			if b, err := os.ReadFile(p); err == nil && isASCII(string(b)) && len(b) < 64<<10 && files < 150 {
				checkASCII(t, string(b))
				files++
			}
		}
		return nil
	})
	if files < 50 {
		t.Errorf("only %d ASCII source files compared", files)
	}
}

// Counting with the fast path gives tiktoken's count on any text: ASCII
// goes through asciiPiece, the rest to tiktoken (fallback).
func FuzzASCIIPieces(f *testing.F) {
	for _, s := range []string{"don't\n", "  \n\tx", "HTTPServer's", "a1234", " //\r\n/", "\x00\x7f", "é e"} {
		f.Add(s)
	}
	enc, err := encoder()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := &Counter{enc: enc, memo: map[string]int{}}
		if got, want := c.encode(s), len(enc.EncodeOrdinary(s)); got != want {
			t.Fatalf("encode(%q) = %d, tiktoken %d", s, got, want)
		}
		b := []byte(s)
		for i := range b {
			b[i] &= 0x7f
		}
		checkASCII(t, string(b))
	})
}
