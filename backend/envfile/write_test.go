package envfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/envfile"
)

func mode(t *testing.T, p string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".env")
	if b, err := envfile.WriteNew(p, "A=1\n", false, now); err != nil || b != "" {
		t.Fatal(b, err)
	}
	if mode(t, p) != 0o600 {
		t.Errorf("new file mode %v, want 0600", mode(t, p))
	}
	if _, err := envfile.WriteNew(p, "A=2\n", false, now); !errors.Is(err, envfile.ErrExists) || strings.Contains(err.Error(), "--force") {
		t.Errorf("overwrite without force: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "A=1\n" {
		t.Error("refused write changed the file")
	}
	backup, err := envfile.WriteNew(p, "A=2\n", true, now)
	if err != nil {
		t.Fatal(err)
	}
	if old, _ := os.ReadFile(backup); string(old) != "A=1\n" || mode(t, backup) != 0o600 {
		t.Errorf("backup %s = %q mode %v", backup, old, mode(t, backup))
	}
	if got, _ := os.ReadFile(p); string(got) != "A=2\n" {
		t.Errorf("forced write = %q", got)
	}
	if _, err := envfile.WriteNew(filepath.Join(dir, "missing", ".env"), "A=1\n", false, now); err == nil {
		t.Error("write into a missing directory succeeded")
	}
	assertNoTemp(t, dir)
}

func TestWriteMergedKeepsModeLinkAndChecksChanges(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "kodus.env")
	link := filepath.Join(dir, ".env")
	if err := os.WriteFile(target, []byte("A=1\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(target, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("kodus.env", link); err != nil {
		t.Fatal(err)
	}
	backup, err := envfile.WriteMerged(link, "A=1\n", "A=2\n", now, false)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "A=2\n" || mode(t, target) != 0o640 {
		t.Errorf("merged = %q mode %v, want mode kept 0640", got, mode(t, target))
	}
	if old, _ := os.ReadFile(backup); string(old) != "A=1\n" || filepath.Dir(backup) != dir || !strings.HasPrefix(filepath.Base(backup), "kodus.env.bak-20261127-") {
		t.Errorf("backup %s = %q", backup, old)
	}
	// A second backup in the same second does not overwrite the first.
	b2, err := envfile.WriteMerged(link, "A=2\n", "A=3\n", now, false)
	if err != nil || b2 == backup {
		t.Errorf("second backup %s (%v)", b2, err)
	}
	if _, err := envfile.WriteMerged(link, "A=1\n", "A=4\n", now, false); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("stale merge: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "A=3\n" {
		t.Errorf("stale merge wrote %q", got)
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file left: %s", e.Name())
		}
	}
}
