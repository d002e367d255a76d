package secrets

import (
	"context"
	"errors"
	"os"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/99designs/keyring"
)

// A fake key, written in two parts so that no line of the source looks
// like a real key.
const fakeFileKey = "sk-proj-" + "FAKE-test-key-0004"

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// A wrong passphrase is refused before anything is written with it: the
// check entry written at first use proves it wrong, and the folder is left
// as it was.
func TestWrongPassphraseIsRefusedBeforeWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := fileKeychain(t, dir, "right").Set(ctx, "profile.a.main.1", "l", NewSecret(fakeFileKey)); err != nil {
		t.Fatal(err)
	}
	before := dirNames(t, dir)
	err := fileKeychain(t, dir, "wrong").Set(ctx, "profile.b.main.1", "l", NewSecret("sk-proj-FAKE9876543210"))
	if !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Set with a wrong passphrase = %v", err)
	}
	if after := dirNames(t, dir); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Fatalf("the folder changed: %v → %v", before, after)
	}
	// The right passphrase still reads and writes.
	right := fileKeychain(t, dir, "right")
	if err := right.Set(ctx, "profile.b.main.1", "l", NewSecret("sk-proj-FAKE9876543210")); err != nil {
		t.Fatal(err)
	}
	if got, err := right.Get(ctx, "profile.a.main.1"); err != nil || got.Reveal() != fakeFileKey {
		t.Fatalf("Get = %v", err)
	}
	keys, _ := right.Keys(ctx)
	if strings.Join(keys, ",") != "profile.a.main.1,profile.b.main.1" {
		t.Fatalf("Keys = %v (the check entry must not be listed)", keys)
	}
}

// A folder written by the previous backend (99designs/keyring's own file
// backend, no check entry) keeps working, and a wrong passphrase is caught
// against the items already in it.
func TestFolderFromBeforeTheCheckEntry(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	legacy, err := keyring.Open(keyring.Config{AllowedBackends: []keyring.BackendType{keyring.FileBackend}, FileDir: dir,
		FilePasswordFunc: func(string) (string, error) { return "right", nil }})
	if err != nil {
		t.Fatal(err)
	}
	if err := legacy.Set(keyring.Item{Key: "profile.old.main.1", Data: []byte("sk-ant-FAKE0123456789")}); err != nil {
		t.Fatal(err)
	}
	err = fileKeychain(t, dir, "wrong").Set(ctx, "profile.new.main.1", "l", NewSecret("x-FAKE-123456789"))
	if !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Set with a wrong passphrase = %v", err)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Fatalf("folder = %v, want only the old item", names)
	}
	right := fileKeychain(t, dir, "right")
	if got, err := right.Get(ctx, "profile.old.main.1"); err != nil || got.Reveal() != "sk-ant-FAKE0123456789" {
		t.Fatalf("old item = %v", err)
	}
	if err := right.Set(ctx, "profile.new.main.1", "l", NewSecret("x-FAKE-123456789")); err != nil {
		t.Fatal(err)
	}
	// And what this backend writes, the previous one reads.
	item, err := legacy.Get("profile.new.main.1")
	if err != nil || string(item.Data) != "x-FAKE-123456789" {
		t.Fatalf("legacy read = %v", err)
	}
}

// Processes that unlock an empty folder at once agree on one check entry:
// none of them is told its (right) passphrase is wrong.
func TestFirstUseByManyAtOnce(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 20)
	for i := range errs {
		wg.Go(func() {
			k, _ := New(Config{Backend: "file", FileDir: dir, Passphrase: "same"})
			errs[i] = k.Set(context.Background(), "profile.p"+string(rune('a'+i))+".main.1", "l", NewSecret("sk-FAKE-0123456789"))
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
}

// A write that fails (a full disk) leaves no file behind, and a key it was
// replacing stays whole.
func TestFailedWriteLeavesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	k := fileKeychain(t, dir, "p")
	if err := k.Set(ctx, "profile.a.main.1", "l", NewSecret("sk-FAKE-original-123")); err != nil {
		t.Fatal(err)
	}
	before := dirNames(t, dir)
	orig := writeItem
	t.Cleanup(func() { writeItem = orig })
	writeItem = func(f *os.File, data []byte) error {
		_, _ = f.Write(data[:len(data)/3]) // a partial write, then the disk is full
		return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	for _, ref := range []string{"profile.b.main.1", "profile.a.main.1"} {
		err := k.Set(ctx, ref, "l", NewSecret("sk-FAKE-new-4567890"))
		if err == nil || !strings.Contains(err.Error(), "disk is full") {
			t.Fatalf("Set on a full disk = %v", err)
		}
	}
	writeItem = orig
	if after := dirNames(t, dir); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Fatalf("files left behind: %v → %v", before, after)
	}
	if got, err := k.Get(ctx, "profile.a.main.1"); err != nil || got.Reveal() != "sk-FAKE-original-123" {
		t.Fatalf("the replaced key = %v", err)
	}
}

// Missing tells a key deleted behind the app's back from one that is there,
// without the passphrase.
func TestMissingKeys(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := fileKeychain(t, dir, "p").Set(ctx, "here", "l", NewSecret("sk-FAKE-0123456789")); err != nil {
		t.Fatal(err)
	}
	k := fileKeychain(t, dir, "")
	got := k.Missing(ctx, []string{"here", "gone"})
	if !got["gone"] || got["here"] || len(got) != 1 {
		t.Fatalf("Missing = %v", got)
	}
	if k.NeedsPassphrase() != true {
		t.Fatal("the passphrase was asked for")
	}
}

// A read proves the passphrase by opening the item itself (one key
// derivation, not two): a wrong one is refused as wrong, the folder is
// left as it was, and the check entry is not needed to read.
func TestReadOpensTheItemAlone(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := fileKeychain(t, dir, "right").Set(ctx, "profile.a.main.1", "l", NewSecret(fakeFileKey)); err != nil {
		t.Fatal(err)
	}
	before := dirNames(t, dir)
	if _, err := fileKeychain(t, dir, "wrong").Get(ctx, "profile.a.main.1"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Get with a wrong passphrase = %v", err)
	}
	if after := dirNames(t, dir); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Fatalf("the folder changed: %v → %v", before, after)
	}
	if err := os.WriteFile(dir+"/"+checkEntry, []byte("not a token"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := fileKeychain(t, dir, "right").Get(ctx, "profile.a.main.1"); err != nil || got.Reveal() != fakeFileKey {
		t.Fatalf("Get = %v", err)
	}
}
