package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The repository stands alone: code, CLI help, GUI text and docs state a
// fact or link its public source (Kodus's docs, a Kodus source file, a
// provider's documentation). They never cite the project's private notes —
// their file names or section numbers, the product brief, numbered UI gaps
// or tracker numbers — which no reader of this repository can open.
var privateReference = regexp.MustCompile(strings.Join([]string{
	`\b(kodus|kodus-ui|kodus-current|pricing|providers|conventions|wails-linux)\.md\b`,
	`\.\./shared\b`,
	`\bshared/(facts|seed|fixtures)\b`,
	`(?i)\bthe seed\b`,
	`(?i)\bseed's\b`,
	`(?i)\bgap [0-9]+`,
	`(?i)\bissue [0-9]+`,
}, "|"))

// Directories not written here: dependencies, generated code, build
// outputs, and test data (which may quote anything). skipNames apply at any
// depth, skipPaths from the module root.
var (
	skipNames = map[string]bool{".git": true, "node_modules": true, "testdata": true, "third_party": true}
	skipPaths = map[string]bool{
		"frontend/wailsjs": true, "frontend/dist": true,
		"build/bin": true, "build/dist": true, "build/pkg": true, "build/e2e": true,
	}
)

// referenceFiles are the kinds of file a person writes here.
var referenceFiles = map[string]bool{
	".go": true, ".ts": true, ".tsx": true, ".js": true, ".mjs": true, ".md": true, ".sh": true,
	".css": true, ".html": true, ".json": true, ".yml": true, ".yaml": true, ".xml": true, ".desktop": true,
}

func TestNoPrivateReferences(t *testing.T) {
	var hits []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skipNames[d.Name()] || skipPaths[filepath.ToSlash(path)] {
				return filepath.SkipDir
			}
			return nil
		}
		if !referenceFiles[filepath.Ext(path)] && d.Name() != "Makefile" {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
		for n := 1; sc.Scan(); n++ {
			if m := privateReference.FindString(sc.Text()); m != "" {
				hits = append(hits, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(path), n, m))
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) > 0 {
		t.Errorf("%d reference(s) to notes outside the repository; state the fact or link its public source:\n%s",
			len(hits), strings.Join(hits, "\n"))
	}
}
