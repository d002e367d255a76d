package store

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kodusbyok/studio/backend/profile"
)

// fakeClock paces a store's lock wait without real time: each sleep moves
// the clock on, and onSleep may act in between (release a holder).
type fakeClock struct {
	t       time.Time
	slept   time.Duration
	sleeps  int
	onSleep func(n int)
}

func (c *fakeClock) install(s *Store) {
	c.t = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return c.t }
	s.Sleep = func(d time.Duration) {
		c.t = c.t.Add(d)
		c.slept += d
		c.sleeps++
		if c.onSleep != nil {
			c.onSleep(c.sleeps)
		}
	}
}

// savedStore is a store with a few profiles saved, and its file's bytes.
func savedStore(t *testing.T, profiles int) (*Store, []byte) {
	t.Helper()
	s := newStore(t)
	for i := range profiles {
		p := profile.Profile{Name: fmt.Sprintf("p%03d", i), Main: profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4", BaseURL: strings.Repeat("x", 300)}}}
		if err := s.PutProfile(p); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	return s, data
}

func writeVersion(t *testing.T, path, v string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		m, _ := tx.CreateBucketIfNotExists([]byte(BucketMeta))
		if err := m.Put(keySchemaVersion, []byte(v)); err != nil {
			return err
		}
		p, _ := tx.CreateBucketIfNotExists([]byte(BucketProfiles))
		return p.Put([]byte("kept"), []byte(`{"name":"kept","main":{"provider":"openai","model":"gpt-5.4","reasoningEffort":"none"},"futureField":{"a":1}}`))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Every file that is not a usable profile database is refused with one
// sentence naming it and the cause, by reads and writes alike, and is left
// byte for byte as it was: no crash, no "migration", no re-initialising.
func TestUnusableFilesAreRefusedUntouched(t *testing.T) {
	random := make([]byte, 64<<10)
	rand.Read(random)
	cases := []struct {
		name  string
		setup func(t *testing.T, path string)
		want  []string
		is    error
	}{
		{"random bytes", func(t *testing.T, path string) { writeFile(t, path, random) },
			[]string{"is not a profile database", "a copy is kept as"}, ErrDamaged},
		{"a few random bytes", func(t *testing.T, path string) { writeFile(t, path, random[:5000]) },
			[]string{"is not a profile database"}, ErrDamaged},
		{"cut short", func(t *testing.T, path string) {
			s, data := savedStore(t, 60)
			if len(data) < 6*4096 {
				t.Fatalf("the test database is only %d bytes", len(data))
			}
			if err := os.WriteFile(path, data[:4*4096], 0o600); err != nil {
				t.Fatal(err)
			}
			_ = s
		}, []string{"is not a profile database", "cut short"}, ErrDamaged},
		{"schema 3.0", func(t *testing.T, path string) { writeVersion(t, path, "3.0") }, []string{`"3.0"`, "left untouched"}, ErrUnknownSchema},
		{"schema v3", func(t *testing.T, path string) { writeVersion(t, path, "v3") }, []string{`"v3"`}, ErrUnknownSchema},
		{"schema overflow", func(t *testing.T, path string) { writeVersion(t, path, "99999999999999999999") }, []string{"99999999999999999999"}, ErrUnknownSchema},
		{"schema negative", func(t *testing.T, path string) { writeVersion(t, path, "-1") }, []string{`"-1"`}, ErrUnknownSchema},
		{"schema newer", func(t *testing.T, path string) { writeVersion(t, path, "3") }, []string{"newer version", "left untouched"}, ErrNewerSchema},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "profiles.db")
			c.setup(t, path)
			before, _ := os.ReadFile(path)
			s := New(path)
			_, readErr := s.Profiles()
			writeErr := s.PutProfile(profile.Profile{Name: "new"})
			for _, err := range []error{readErr, writeErr} {
				if !errors.Is(err, c.is) {
					t.Fatalf("error = %v, want %v", err, c.is)
				}
				msg := err.Error()
				for _, w := range append(c.want, path) {
					if !strings.Contains(msg, w) {
						t.Errorf("error %q does not say %q", msg, w)
					}
				}
				if strings.Contains(msg, "\n") {
					t.Errorf("error is more than one line: %q", msg)
				}
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatal("the file was changed")
			}
		})
	}
}

// The copy of a damaged file is made once, however often it is opened.
func TestDamagedFileIsCopiedOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profiles.db")
	junk := bytes.Repeat([]byte("not a database "), 1000)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	s := New(path)
	for range 3 {
		if _, err := s.Profiles(); !errors.Is(err, ErrDamaged) {
			t.Fatalf("Profiles = %v", err)
		}
	}
	copies, _ := filepath.Glob(path + ".damaged-*")
	if len(copies) != 1 {
		t.Fatalf("copies = %v", copies)
	}
	if got, _ := os.ReadFile(copies[0]); !bytes.Equal(got, junk) {
		t.Fatal("the copy differs from the file")
	}
}

// A zero-length file (a crash or a full disk) is not silently made a new
// database: a read says so and leaves it; a write keeps it aside, starts a
// new one and tells where the old one went.
func TestEmptyFileIsKeptAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profiles.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := New(path)
	new(fakeClock).install(s)
	_, err := s.Profiles()
	if !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "restore it from a backup") {
		t.Fatalf("read of an empty file = %v", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Fatalf("a read changed the empty file: %v %v", fi, err)
	}
	if err := s.PutProfile(profile.Profile{Name: "fresh"}); err != nil {
		t.Fatalf("write after an empty file = %v", err)
	}
	aside, _ := filepath.Glob(path + ".empty-*")
	if len(aside) != 1 {
		t.Fatalf("kept aside: %v", aside)
	}
	notices := s.TakeNotices()
	if len(notices) != 1 || !strings.Contains(notices[0], aside[0]) {
		t.Fatalf("notices = %v, want one naming %s", notices, aside[0])
	}
	if ps, err := s.Profiles(); err != nil || len(ps) != 1 {
		t.Fatalf("new database = %v %v", ps, err)
	}
	if len(s.TakeNotices()) != 0 {
		t.Fatal("notices are not handed out once")
	}
}

// Reads open the file read-only: a reader holding its shared lock does
// not block them, and reading a missing file does not create it.
func TestReadsOpenReadOnly(t *testing.T) {
	s, _ := savedStore(t, 2)
	reader, err := bolt.Open(s.Path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	clock := new(fakeClock)
	clock.install(s)
	s.Timeout = time.Second
	if ps, err := s.Profiles(); err != nil || len(ps) != 2 {
		t.Fatalf("Profiles beside another reader = %v %v", ps, err)
	}
	if clock.sleeps != 0 {
		t.Fatalf("a read waited for another reader (%d pauses)", clock.sleeps)
	}

	missing := New(filepath.Join(t.TempDir(), "profiles.db"))
	if ps, err := missing.Profiles(); err != nil || len(ps) != 0 {
		t.Fatalf("Profiles of a missing file = %v %v", ps, err)
	}
	if _, err := os.Stat(missing.Path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a read created the file: %v", err)
	}
}

// A file held by another process is retried with pauses, for Timeout in
// all, then ErrLocked names it; no real time passes in this test.
func TestLockWaitIsBoundedAndPaced(t *testing.T) {
	s, _ := savedStore(t, 1)
	holder, err := bolt.Open(s.Path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	clock := new(fakeClock)
	clock.install(s)
	s.Timeout = 5 * time.Second
	err = s.PutProfile(profile.Profile{Name: "y"})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), s.Path) || !strings.Contains(err.Error(), "in use by another kodus-byok process") {
		t.Fatalf("PutProfile on a held file = %v", err)
	}
	if clock.slept < s.Timeout || clock.slept > s.Timeout+2*maxDelay {
		t.Fatalf("waited %s in all, want about %s", clock.slept, s.Timeout)
	}
	if clock.sleeps < 10 {
		t.Fatalf("only %d retries in %s: the pauses do not start short", clock.sleeps, s.Timeout)
	}
	_, err = s.Profiles()
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Profiles on a held file = %v", err)
	}
}

// Short contention is waited out: the write lands once the holder lets go.
func TestShortContentionIsRetried(t *testing.T) {
	s, _ := savedStore(t, 1)
	holder, err := bolt.Open(s.Path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	clock := new(fakeClock)
	clock.install(s)
	clock.onSleep = func(n int) {
		if n == 3 {
			holder.Close()
		}
	}
	if err := s.PutProfile(profile.Profile{Name: "y"}); err != nil {
		t.Fatalf("PutProfile after a short hold = %v", err)
	}
	if clock.sleeps < 3 {
		t.Fatalf("sleeps = %d", clock.sleeps)
	}
	if ps, err := s.Profiles(); err != nil || len(ps) != 2 {
		t.Fatalf("Profiles = %v %v", ps, err)
	}
}

// A read-only file can still be read (only the owner's write bit is
// taken away; root ignores it, so the process test covers that case).
func TestReadOnlyFileIsReadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file; covered by TestProfileListOnBrokenDatabases as another user")
	}
	s, before := savedStore(t, 2)
	if err := os.Chmod(s.Path, 0o400); err != nil {
		t.Fatal(err)
	}
	if ps, err := s.Profiles(); err != nil || len(ps) != 2 {
		t.Fatalf("Profiles of a read-only file = %v %v", ps, err)
	}
	err := s.PutProfile(profile.Profile{Name: "z"})
	if !errors.Is(err, ErrPermission) || !strings.Contains(err.Error(), s.Path) {
		t.Fatalf("PutProfile on a read-only file = %v", err)
	}
	if after, _ := os.ReadFile(s.Path); !bytes.Equal(before, after) {
		t.Fatal("the file was changed")
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
