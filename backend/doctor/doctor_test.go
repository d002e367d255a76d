package doctor

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kodusbyok/studio/backend/paths"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/studio"
)

func TestRunWithFileKeychain(t *testing.T) {
	env := map[string]string{"KODUS_BYOK_HOME": t.TempDir(), "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "p"}
	s, err := studio.Open(studio.Options{Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	r := Run(context.Background(), s.Environment())
	if !r.OK || r.KeychainBackend != "file" || r.DataDir != env["KODUS_BYOK_HOME"] {
		t.Fatalf("report = %+v", r)
	}
	// The probe item is gone afterwards.
	kc, err := secrets.New(secrets.ConfigFromEnv(func(k string) string { return env[k] }, paths.KeysDir(env["KODUS_BYOK_HOME"])))
	if err != nil {
		t.Fatal(err)
	}
	keys, err := kc.Keys(context.Background())
	if err != nil || len(keys) != 0 {
		t.Fatalf("keychain after doctor = %v %v", keys, err)
	}
}

func TestFindLibrary(t *testing.T) {
	dir := t.TempDir()
	if _, ok := FindLibrary(WebKitLibraries, []string{dir}); ok {
		t.Fatal("found a library in an empty dir")
	}
	if err := os.WriteFile(filepath.Join(dir, WebKitLibraries[1]), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok := FindLibrary(WebKitLibraries, []string{dir}); !ok || filepath.Base(p) != WebKitLibraries[1] {
		t.Fatalf("FindLibrary = %q %v", p, ok)
	}
}

func TestDataDirNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.Chmod(dir, 0o700); err != nil {
			t.Error(err)
		}
	})
	if c := dataDirCheck(dir); c.OK || c.Hint == "" {
		t.Fatalf("read-only dir = %+v", c)
	}
}
