package secrets

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The same on a real full file system (a tiny tmpfs; needs root).
func TestFullDiskLeavesNoEmptyKeyFile(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); TestFailedWriteLeavesNothing covers it", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Error(err)
		}
	})
	ctx := context.Background()
	keys := filepath.Join(dir, "keys")
	k := fileKeychain(t, keys, "p")
	if err := k.Set(ctx, "profile.a.main.1", "l", NewSecret("sk-FAKE-original-123")); err != nil {
		t.Fatal(err)
	}
	filler, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte{'x'}, 512)
	for {
		if _, err := filler.Write(chunk); err != nil {
			break
		}
	}
	filler.Close()
	before := dirNames(t, keys)
	err = k.Set(ctx, "profile.b.main.1", "l", NewSecret("sk-FAKE-new-4567890"))
	if err == nil || !strings.Contains(err.Error(), "disk is full") {
		t.Fatalf("Set on a full disk = %v", err)
	}
	if after := dirNames(t, keys); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Fatalf("files left behind: %v → %v", before, after)
	}
	if got, err := k.Get(ctx, "profile.a.main.1"); err != nil || got.Reveal() != "sk-FAKE-original-123" {
		t.Fatalf("the first key = %v", err)
	}
}
