// Package archtest holds the architecture test: it keeps the backend plain
// Go (no Wails, no cgo) and its packages layered, so a domain package never
// reaches up into the services or the adapters built on it.
//
// The layers, lowest first (a package may import its own layer and any
// lower one, never a higher one); docs/architecture.md draws them:
//
//  0. utilities: lazyre, capped, paths, buildinfo, watch
//  1. Kodus knowledge and keys: catalog, kodusline, secrets, bedrock
//  2. domain: profile, thinking, keytest, keyshape, cost, kodusapi,
//     discover, store (bbolt stores profiles)
//  3. features: envfile, byokconfig, concurrency, dryrun, repocost,
//     kodusinstall (reads an install's .env through envfile)
//  4. service: studio (one service per domain)
//  5. adapters: cli, doctor; outside backend/, the desktop bindings
//     (package bindings, also free of Wails) and main (the window, the
//     only code that imports Wails, behind build tags)
//
// Test support (internal/golden, internal/fakeprovider, and sub-packages
// such as kodusapi/kodustest) sits with the features; only tests import it.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/kodusbyok/studio/"

// layers is the layering above as data: package (relative to backend/) to
// its layer.
var layers = map[string]int{
	"lazyre": 0, "capped": 0, "paths": 0, "buildinfo": 0, "watch": 0,
	"catalog": 1, "kodusline": 1, "secrets": 1, "bedrock": 1,
	"profile": 2, "thinking": 2, "keytest": 2, "keyshape": 2, "cost": 2, "kodusapi": 2, "discover": 2, "store": 2,
	"envfile": 3, "byokconfig": 3, "concurrency": 3, "dryrun": 3, "repocost": 3, "kodusinstall": 3,
	"studio": 4,
	"cli":    5, "doctor": 5,
}

// testSupportLayer is where test-support packages sit: they may use the
// domain, and nothing but tests may import them.
const testSupportLayer = 3

// forbidden are imports no backend package may have: the desktop toolkit
// and cgo keep to the top-level desktop build.
var forbidden = []string{"C", "github.com/wailsapp/", "github.com/webview/"}

// testOnly are imports only tests may have: the program embeds what they
// generate (JSON Schemas) or does without them (x/text's locale tables),
// because every package linked into the command line costs start-up time.
var testOnly = []string{"github.com/invopop/jsonschema", "github.com/pb33f/ordered-map/v2", "golang.org/x/text/"}

type pkgImports struct {
	code, tests map[string]bool // imported by non-test and by test files
}

// scan parses the import clauses of every Go file under backend/.
func scan(t *testing.T) map[string]*pkgImports { return scanDir(t, "..") }

// scanDir parses the import clauses of every Go file under dir, by
// package directory relative to dir.
func scanDir(t *testing.T, dir string) map[string]*pkgImports {
	t.Helper()
	root, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := map[string]*pkgImports{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || (strings.HasPrefix(name, ".") && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		p := pkgs[rel]
		if p == nil {
			p = &pkgImports{code: map[string]bool{}, tests: map[string]bool{}}
			pkgs[rel] = p
		}
		into := p.code
		if strings.HasSuffix(path, "_test.go") {
			into = p.tests
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			into[path] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	delete(pkgs, "archtest")
	return pkgs
}

// isTestSupport: the shared test helpers under internal/ (golden files,
// a fake provider), or a sub-package named like kodustest (or below one,
// such as kodustest/standin, the stand-in server the end-to-end tests run).
func isTestSupport(pkg string) bool {
	if strings.HasPrefix(pkg, "internal/") {
		return true
	}
	parts := strings.Split(pkg, "/")
	for _, p := range parts[1:] {
		if strings.HasSuffix(p, "test") {
			return true
		}
	}
	return false
}

// layerOf is a package's layer; a sub-package (studio/x) takes its
// parent's unless it is test support.
func layerOf(pkg string) (int, bool) {
	if isTestSupport(pkg) {
		return testSupportLayer, true
	}
	for p := pkg; p != "."; p = filepath.ToSlash(filepath.Dir(p)) {
		if l, ok := layers[p]; ok {
			return l, true
		}
	}
	return 0, false
}

func TestNoDesktopOrCgoImports(t *testing.T) {
	checkNoDesktopOrCgo(t, "backend/", scan(t))
	// The desktop bindings too: only the window's runtime, in the
	// build-tagged main package, touches Wails.
	checkNoDesktopOrCgo(t, "bindings/", scanDir(t, "../../bindings"))
}

func checkNoDesktopOrCgo(t *testing.T, prefix string, pkgs map[string]*pkgImports) {
	for pkg, imps := range pkgs {
		for _, set := range []map[string]bool{imps.code, imps.tests} {
			for _, imp := range slices.Sorted(maps.Keys(set)) {
				for _, bad := range forbidden {
					if imp == bad || (strings.HasSuffix(bad, "/") && strings.HasPrefix(imp, bad)) {
						t.Errorf("%s%s imports %q: it stays plain Go, without Wails or cgo", prefix, pkg, imp)
					}
				}
			}
		}
	}
}

func TestTestOnlyImports(t *testing.T) {
	for pkg, imps := range scan(t) {
		for _, imp := range slices.Sorted(maps.Keys(imps.code)) {
			for _, only := range testOnly {
				if imp == only || (strings.HasSuffix(only, "/") && strings.HasPrefix(imp, only)) {
					t.Errorf("backend/%s imports %q outside its tests: the command line would link it", pkg, imp)
				}
			}
		}
	}
}

func TestLayers(t *testing.T) {
	for pkg, imps := range scan(t) {
		from, ok := layerOf(pkg)
		if !ok {
			t.Errorf("backend/%s has no layer: add it to the layers in this test (and to docs/architecture.md)", pkg)
			continue
		}
		for _, imp := range slices.Sorted(maps.Keys(imps.code)) {
			dep, inModule := strings.CutPrefix(imp, module+"backend/")
			if !inModule {
				if strings.HasPrefix(imp, module) {
					t.Errorf("backend/%s imports %s: the backend never imports the adapters above it", pkg, imp)
				}
				continue
			}
			if isTestSupport(dep) && !isTestSupport(pkg) {
				t.Errorf("backend/%s imports the test-support package %s outside its tests", pkg, dep)
			}
			to, ok := layerOf(dep)
			if ok && to > from {
				t.Errorf("backend/%s (layer %d) imports backend/%s (layer %d): a lower layer never imports a higher one", pkg, from, dep, to)
			}
		}
	}
}

// TestLayersCoverTheTree keeps the table honest: every listed package
// still exists.
func TestLayersCoverTheTree(t *testing.T) {
	for pkg := range layers {
		if _, err := os.Stat(filepath.Join("..", pkg)); err != nil {
			t.Errorf("layer table lists backend/%s, which is gone: %v", pkg, err)
		}
	}
}
