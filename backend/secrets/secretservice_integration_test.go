package secrets

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/99designs/keyring"
)

// TestSecretServiceIntegration uses the real Secret Service (GNOME Keyring
// on a private session bus). It runs when KODUS_BYOK_TEST_SECRET_SERVICE=1,
// which `make test-keyring` and CI set inside .ci/with-secret-service.sh.
func TestSecretServiceIntegration(t *testing.T) {
	if os.Getenv("KODUS_BYOK_TEST_SECRET_SERVICE") != "1" {
		t.Skip("set KODUS_BYOK_TEST_SECRET_SERVICE=1 inside .ci/with-secret-service.sh (make test-keyring)")
	}
	if !available("secret-service") {
		t.Fatal("secret-service backend not available: is the session bus up?")
	}
	ctx := context.Background()
	k, err := New(Config{Backend: "secret-service"})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Check(ctx); err != nil {
		t.Fatalf("Check: %v", err)
	}
	key := NewSecret("sk-ant-api03-FAKEintegration-0123456789")
	if err := k.Set(ctx, "profile.it.main.x1", "Kodus BYOK Studio: it (main)", key); err != nil {
		t.Fatalf("Set: %v", err)
	}
	got, err := k.Get(ctx, "profile.it.main.x1")
	if err != nil || got.Reveal() != key.Reveal() {
		t.Fatalf("Get = %s, %v", got.Masked(), err)
	}
	// A read started before the key is named (the keychain opening in the
	// background) reads the same key.
	early, err := New(Config{Backend: "secret-service"})
	if err != nil {
		t.Fatal(err)
	}
	p := early.StartRead(ctx)
	p.Read("profile.it.main.x1")
	if got, err := p.Wait(); err != nil || got.Reveal() != key.Reveal() {
		t.Fatalf("StartRead = %s, %v", got.Masked(), err)
	}
	keys, err := k.Keys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ref := range keys {
		found = found || ref == "profile.it.main.x1"
	}
	if !found {
		t.Fatalf("Keys = %v", keys)
	}
	if err := k.Delete(ctx, "profile.it.main.x1"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get(ctx, "profile.it.main.x1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
}

// TestSecretServiceMissingCollection: a read searches the collection at the
// path its name gives; where no collection answers (a keyring never
// written to, or a name the service escapes in paths) it looks the
// collection up by listing, and a key in no collection is not found.
func TestSecretServiceMissingCollection(t *testing.T) {
	if os.Getenv("KODUS_BYOK_TEST_SECRET_SERVICE") != "1" {
		t.Skip("set KODUS_BYOK_TEST_SECRET_SERVICE=1 inside .ci/with-secret-service.sh (make test-keyring)")
	}
	for _, name := range []string{"kodusbyoknone", "kodus byok none"} {
		ring, err := keyring.Open(keyring.Config{AllowedBackends: []keyring.BackendType{keyring.SecretServiceBackend},
			ServiceName: ServiceName, LibSecretCollectionName: name})
		if err != nil {
			t.Fatalf("%q: open: %v", name, err)
		}
		if _, err := ring.Get("profile.none.main.x1"); !errors.Is(err, keyring.ErrKeyNotFound) {
			t.Errorf("%q: Get = %v, want ErrKeyNotFound", name, err)
		}
	}
}
