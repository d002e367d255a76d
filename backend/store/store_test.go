package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kodusbyok/studio/backend/profile"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	return New(filepath.Join(t.TempDir(), "profiles.db"))
}

func TestProfilesRoundTrip(t *testing.T) {
	s := newStore(t)
	if ps, err := s.Profiles(); err != nil || len(ps) != 0 {
		t.Fatalf("empty store: %v %v", ps, err)
	}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, name := range []string{"zeta", "alpha"} {
		p := profile.Profile{Name: name, Main: profile.Slot{Settings: profile.Settings{Provider: "anthropic", Model: "claude-sonnet-4-6", Temperature: profile.Ptr(0.0)}, KeyRef: "profile." + name + ".main.1", KeyMasked: "sk…xyz"}, CreatedAt: now, UpdatedAt: now}
		if err := s.PutProfile(p); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := s.Profiles()
	if err != nil || len(ps) != 2 || ps[0].Name != "alpha" || ps[1].Name != "zeta" {
		t.Fatalf("Profiles = %+v, %v", ps, err)
	}
	got, err := s.Profile("alpha")
	if err != nil || got.Main.Temperature == nil || *got.Main.Temperature != 0 || !got.CreatedAt.Equal(now) {
		t.Fatalf("Profile = %+v, %v", got, err)
	}
	if err := s.DeleteProfile("alpha"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Profile("alpha"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted profile: %v", err)
	}
	if err := s.DeleteProfile("alpha"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	st, err := os.Stat(s.Path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("db file mode = %v, %v", st.Mode().Perm(), err)
	}
}

func TestGenericBuckets(t *testing.T) {
	s := newStore(t)
	type price struct{ In, Out int }
	if err := s.PutJSON("prices", "gpt-5.4", price{2500000, 15000000}); err != nil {
		t.Fatal(err)
	}
	var p price
	found, err := s.GetJSON("prices", "gpt-5.4", &p)
	if err != nil || !found || p.Out != 15000000 {
		t.Fatalf("GetJSON = %v %v %+v", found, err, p)
	}
	if found, err := s.GetJSON("nobucket", "x", &p); found || err != nil {
		t.Fatalf("missing bucket: %v %v", found, err)
	}
	keys, err := s.Keys("prices")
	if err != nil || len(keys) != 1 {
		t.Fatalf("Keys = %v %v", keys, err)
	}
}

// A second process holding the file gets ErrLocked after the timeout,
// never a hang.
func TestLockedFileFailsClearly(t *testing.T) {
	s := newStore(t)
	if err := s.PutProfile(profile.Profile{Name: "x"}); err != nil {
		t.Fatal(err)
	}
	holder, err := bolt.Open(s.Path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	s.Timeout = 150 * time.Millisecond
	// The holder keeps the file until after the call: only the timeout
	// returns it.
	err = s.PutProfile(profile.Profile{Name: "y"})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), s.Path) {
		t.Fatalf("PutProfile on a locked file = %v", err)
	}
	holder.Close()
	if err := s.PutProfile(profile.Profile{Name: "y"}); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

// A version-1 file (Kodus's "none" for Off, no timestamps) migrates forward.
func TestMigrationFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	legacy := `{"name":"old","main":{"provider":"openai","model":"gpt-5.4","reasoningEffort":"none"},"fallback":{"provider":"anthropic","model":"claude-opus-4-7","reasoningEffort":"NONE"}}`
	err = db.Update(func(tx *bolt.Tx) error {
		m, _ := tx.CreateBucket([]byte(BucketMeta))
		if err := m.Put(keySchemaVersion, []byte("1")); err != nil {
			return err
		}
		p, _ := tx.CreateBucket([]byte(BucketProfiles))
		return p.Put([]byte("old"), []byte(legacy))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := New(path)
	p, err := s.Profile("old")
	if err != nil {
		t.Fatal(err)
	}
	if p.Main.ReasoningEffort != "off" || p.Fallback.ReasoningEffort != "off" || p.CreatedAt.IsZero() || p.UpdatedAt.IsZero() {
		t.Fatalf("migrated = %+v", p)
	}
	if v, err := s.SchemaVersion(); err != nil || v != SchemaVersion {
		t.Fatalf("schema = %d %v", v, err)
	}
}

func TestNewerSchemaIsRefusedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		m, _ := tx.CreateBucket([]byte(BucketMeta))
		return m.Put(keySchemaVersion, []byte("99"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err = New(path).Profiles()
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "99") {
		t.Fatalf("newer schema: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("a newer file was modified")
	}
}

func TestCorruptRecordIsReported(t *testing.T) {
	s := newStore(t)
	if err := s.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(BucketProfiles)).Put([]byte("bad"), []byte("{"))
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Profiles(); err == nil || !strings.Contains(err.Error(), `"bad"`) {
		t.Fatalf("corrupt record: %v", err)
	}
	var p profile.Profile
	if _, err := s.GetJSON(BucketProfiles, "bad", &p); err == nil {
		t.Fatal("GetJSON decoded garbage")
	}
}
