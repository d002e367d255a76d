package secrets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fileKeychain(t *testing.T, dir, pass string) *Keychain {
	t.Helper()
	k, err := New(Config{Backend: "file", FileDir: dir, Passphrase: pass})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestFileBackendRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	k := fileKeychain(t, dir, "correct horse")
	key := NewSecret("sk-ant-api03-FAKE0123456789abcdef")
	if err := k.Set(ctx, "profile.team.main.1", "label", key); err != nil {
		t.Fatal(err)
	}
	got, err := k.Get(ctx, "profile.team.main.1")
	if err != nil || got.Reveal() != key.Reveal() {
		t.Fatalf("Get = %v, %v", got.Masked(), err)
	}
	// The key is encrypted on disk: no file holds it in plain text.
	if err := filepath.WalkDir(dir, func(p string, d os.DirEntry, _ error) error {
		if !d.IsDir() {
			b, _ := os.ReadFile(p)
			if strings.Contains(string(b), "0123456789abcdef") {
				t.Errorf("%s holds the key in plain text", p)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	keys, err := k.Keys(ctx)
	if err != nil || len(keys) != 1 || keys[0] != "profile.team.main.1" {
		t.Fatalf("Keys = %v, %v", keys, err)
	}
	if err := k.Check(ctx); err != nil {
		t.Fatalf("Check = %v", err)
	}
	if err := k.Delete(ctx, "profile.team.main.1"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get(ctx, "profile.team.main.1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete Get = %v, want ErrNotFound", err)
	}
	if err := k.Delete(ctx, "never-there"); err != nil {
		t.Fatalf("deleting a missing key = %v", err)
	}
}

func TestFileBackendWrongPassphrase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := fileKeychain(t, dir, "right").Set(ctx, "a", "l", NewSecret("sk-proj-FAKE0123456789")); err != nil {
		t.Fatal(err)
	}
	wrong := fileKeychain(t, dir, "wrong")
	if _, err := wrong.Get(ctx, "a"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Get with wrong passphrase = %v", err)
	}
	// Check notices the wrong passphrase on an existing item.
	if err := wrong.Check(ctx); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Check with wrong passphrase = %v", err)
	}
}

func TestFileBackendNeedsPassphrase(t *testing.T) {
	k := fileKeychain(t, t.TempDir(), "")
	if !k.NeedsPassphrase() {
		t.Fatal("NeedsPassphrase = false")
	}
	err := k.Set(context.Background(), "a", "l", NewSecret("x"))
	if !errors.Is(err, ErrPassphraseNeeded) || !strings.Contains(err.Error(), EnvPassphrase) {
		t.Fatalf("Set without passphrase = %v", err)
	}
	k.SetPassphrase("now")
	if err := k.Set(context.Background(), "a", "l", NewSecret("x")); err != nil {
		t.Fatalf("after SetPassphrase: %v", err)
	}
}

func TestTimeoutOnBlockedPrompt(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	k, err := New(Config{Backend: "file", FileDir: t.TempDir(), Timeout: 50 * time.Millisecond,
		PassphraseFunc: func(string) (string, error) { <-release; return "", errors.New("prompt closed") }})
	if err != nil {
		t.Fatal(err)
	}
	// The prompt blocks until the test ends: only the timeout returns.
	err = k.Set(context.Background(), "a", "l", NewSecret("x"))
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Set = %v, want ErrTimeout", err)
	}
}

func TestBackendChoice(t *testing.T) {
	if _, err := New(Config{Backend: "sqlite"}); err == nil || !strings.Contains(err.Error(), "KODUS_BYOK_KEYRING") {
		t.Fatalf("unknown backend = %v", err)
	}
	k, err := New(Config{})
	if err != nil || k.Backend() != NativeBackend() {
		t.Fatalf("default backend = %v, %v", k, err)
	}
	cfg := ConfigFromEnv(func(k string) string {
		return map[string]string{EnvBackend: " file ", EnvPassphrase: "p"}[k]
	}, "/x")
	if cfg.Backend != "file" || cfg.Passphrase != "p" || cfg.FileDir != "/x" {
		t.Fatalf("ConfigFromEnv = %+v", cfg)
	}
}

// With no session bus (DBUS_SESSION_BUS_ADDRESS=disabled: in `make test`)
// the Secret Service is unavailable: the error names the backend and how to
// choose another, and nothing falls back to a weaker store silently.
func TestUnavailableBackendIsExplicit(t *testing.T) {
	if available("secret-service") {
		t.Skip("a Secret Service is running here; covered by the integration test")
	}
	k, err := New(Config{Backend: "secret-service", FileDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	// A read started early meets the failure and says why, as Set does.
	p := k.StartRead(context.Background())
	p.Read("a")
	if _, err := p.Wait(); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("StartRead = %v, want ErrUnavailable", err)
	}
	err = k.Set(context.Background(), "a", "l", NewSecret("x"))
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Set = %v, want ErrUnavailable", err)
	}
	for _, want := range []string{"secret-service", EnvBackend, "file"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}
