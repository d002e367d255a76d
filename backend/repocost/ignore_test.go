package repocost

import (
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/profile"
)

func TestIgnoreRules(t *testing.T) {
	r, err := ParseIgnore(DefaultIgnore)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"package-lock.json":           "package-lock.json",
		"web/app/yarn.lock":           "*.lock", // the later pattern wins
		"go.sum":                      "go.sum",
		"vendor/github.com/x/y.go":    "vendor/",
		"src/vendor/lib.js":           "vendor/",
		"web/node_modules/a/index.js": "node_modules/",
		"web/dist/app.js":             "dist/",
		"assets/app.min.js":           "*.min.js",
		"api/v1/user.pb.go":           "*.pb.go",
		"docs/logo.svg":               "*.svg",
		"main.go":                     "",
		"vendor.go":                   "", // a file named like a folder pattern
		"distribution/x.go":           "",
		"src/lockfile.go":             "",
	} {
		ignored, by := r.Match(path)
		if ignored != (want != "") || by != want {
			t.Errorf("Match(%q) = %v by %q, want by %q", path, ignored, by, want)
		}
	}
	// A later ! brings a path back; an anchored pattern matches from the root only.
	r, err = ParseIgnore(append(append([]string{}, DefaultIgnore...), "!go.sum", "/docs/", "generated/**/*.ts", "# a comment", ""))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{"go.sum": false, "docs/a.md": true, "src/docs/a.md": false, "generated/x/y/z.ts": true, "generated/z.go": false} {
		if got, _ := r.Match(path); got != want {
			t.Errorf("Match(%q) = %v, want %v", path, got, want)
		}
	}
	if got := r.Lines(); got[len(got)-2] != "# a comment" || r.Patterns() != len(DefaultIgnore)-4+3 {
		t.Errorf("lines kept as given: %v; %d patterns", got[len(got)-3:], r.Patterns())
	}
	_, err = ParseIgnore([]string{"ok.txt", "a**b", "[z-", "/"})
	fes := profile.AsFieldErrors(err)
	if len(fes) != 3 || !strings.Contains(fes[0].Rule, "line 2") || !strings.Contains(fes[1].Rule, "bad glob") || !strings.Contains(fes[2].Rule, "empty pattern") {
		t.Errorf("bad patterns: %v", err)
	}
}

// The scan uses the list it is given: a custom list can review lock files
// and skip docs instead.
func TestScanWithCustomIgnore(t *testing.T) {
	b := newBuilder()
	b.commit("init", day(10), map[string]string{"main.go": mainV1})
	b.commit("deps and docs", day(5), map[string]string{"go.sum": "x v1 h1:abc\n", "docs/guide.md": "# Guide\n", "main.go": mainV2})
	dir := t.TempDir()
	b.save(t, dir, "main")
	week := 7 * 24 * time.Hour

	def := scan(t, dir, Options{Since: week})
	if files := def.Changes()[0].Files; len(files) != 2 || files[0].Path != "docs/guide.md" || files[1].Path != "main.go" || def.Skipped[SkipIgnored] != 1 {
		t.Errorf("default list: %+v, skipped %v", files, def.Skipped)
	}
	custom := scan(t, dir, Options{Since: week, Ignore: []string{"docs/"}})
	if files := custom.Changes()[0].Files; len(files) != 2 || files[0].Path != "go.sum" || files[1].Path != "main.go" {
		t.Errorf("custom list: %+v", files)
	}
	if custom.Ignore[0] != "docs/" {
		t.Errorf("the list used is reported: %v", custom.Ignore)
	}
	want := exact(t, "--- /dev/null\n+++ b/go.sum\n@@ -0,0 +1 @@\n+x v1 h1:abc\n")
	if got := custom.Changes()[0].Files[0].Tokens; got != int64(want) {
		t.Errorf("go.sum diff: %d tokens, want %d", got, want)
	}
}
