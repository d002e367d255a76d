// Package store keeps profiles (and other small app data) in a bbolt file.
//
// The file is opened for each operation and closed right after, so the GUI
// and the command line can be used side by side; bbolt's file lock then
// only serialises the moments of access. A busy file is retried with a
// growing pause for at most Timeout, then fails with ErrLocked instead of
// hanging. Reads open the file read-only (a read-only file can be listed)
// and never create it. A file that is not a profile database, is empty, or
// has a schema this build does not understand is refused and left as it
// is: an error never costs the user their profiles.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kodusbyok/studio/backend/profile"
)

// Bucket names.
const (
	BucketMeta     = "meta"
	BucketProfiles = "profiles"
)

// DefaultTimeout is how long an operation waits in all for other
// processes that hold the database: long enough for a hundred scripted
// writers in a row, short enough that a stuck one is reported.
const DefaultTimeout = 10 * time.Second

var (
	// ErrLocked means another process kept the database busy past Timeout.
	ErrLocked = errors.New("is in use by another kodus-byok process")
	// ErrNotFound means the named record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNewerSchema means the file was written by a newer version.
	ErrNewerSchema = errors.New("was written by a newer version of kodus-byok")
	// ErrUnknownSchema means the recorded schema version is not a number
	// this build can read ("3.0", "v3", an overflowing number).
	ErrUnknownSchema = errors.New("has a schema version this build does not understand")
)

// Store is a handle on the database file; it holds no open file between
// operations.
type Store struct {
	Path string
	// Timeout bounds the wait for other processes (DefaultTimeout).
	Timeout time.Duration
	// Sleep and Now pace that wait; nil means the real clock (tests
	// inject a fake one, so no test waits for real).
	Sleep func(time.Duration)
	Now   func() time.Time

	mu      sync.Mutex
	notices []string
}

// New returns a store for the file at path; nothing is opened yet.
func New(path string) *Store { return &Store{Path: path, Timeout: DefaultTimeout} }

// TakeNotices returns what the store did on its own that the user should
// be told (an empty file kept aside), once.
func (s *Store) TakeNotices() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.notices
	s.notices = nil
	return n
}

func (s *Store) notice(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notices = append(s.notices, msg)
}

// View runs fn in a read-only transaction on a file opened read-only. A
// file that does not exist yet holds nothing: fn is not called. A file of
// an older schema is migrated first (that one write needs write access).
func (s *Store) View(fn func(tx *bolt.Tx) error) error {
	stale := false
	err := s.guarded(func() error {
		db, err := s.open(false)
		if errors.Is(err, errMissing) {
			return nil
		}
		if err != nil {
			return err
		}
		defer db.Close()
		return db.View(func(tx *bolt.Tx) error {
			v, err := s.version(tx)
			if err != nil {
				return err
			}
			if v < SchemaVersion {
				stale = true
				return nil
			}
			return fn(tx)
		})
	})
	if err != nil || !stale {
		return err
	}
	if err := s.Update(func(*bolt.Tx) error { return nil }); err != nil {
		return err
	}
	return s.View(fn)
}

// Update runs fn in a read-write transaction, after migrating the file to
// SchemaVersion in the same transaction: a failure leaves it as it was.
func (s *Store) Update(fn func(tx *bolt.Tx) error) error {
	return s.guarded(func() error {
		db, err := s.open(true)
		if err != nil {
			return err
		}
		defer db.Close()
		err = db.Update(func(tx *bolt.Tx) error {
			if err := s.migrate(tx); err != nil {
				return err
			}
			return fn(tx)
		})
		if errors.Is(err, fs.ErrPermission) || isDiskError(err) {
			return s.describe(err)
		}
		return err
	})
}

// SchemaVersion reports the version recorded in the file.
// A missing file is created, as the first use of the app would.
func (s *Store) SchemaVersion() (int, error) {
	if _, err := os.Stat(s.Path); errors.Is(err, fs.ErrNotExist) {
		if err := s.Update(func(*bolt.Tx) error { return nil }); err != nil {
			return 0, err
		}
	}
	var v int
	err := s.View(func(tx *bolt.Tx) error {
		var err error
		v, err = s.version(tx)
		return err
	})
	return v, err
}

// GetJSON decodes bucket/key into v; it reports false when absent.
func (s *Store) GetJSON(bucket, key string, v any) (bool, error) {
	found := false
	err := s.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		data := b.Get([]byte(key))
		if data == nil {
			return nil
		}
		found = true
		if err := json.Unmarshal(data, v); err != nil {
			return fmt.Errorf("decode %s/%s: %w", bucket, key, err)
		}
		return nil
	})
	return found, err
}

// PutJSON encodes v into bucket/key, creating the bucket if needed.
func (s *Store) PutJSON(bucket, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s/%s: %w", bucket, key, err)
	}
	return s.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", bucket, err)
		}
		return b.Put([]byte(key), data)
	})
}

// Delete removes bucket/key; it reports ErrNotFound when absent.
func (s *Store) Delete(bucket, key string) error {
	return s.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil || b.Get([]byte(key)) == nil {
			return fmt.Errorf("%s %q: %w", bucket, key, ErrNotFound)
		}
		return b.Delete([]byte(key))
	})
}

// Keys lists the keys of a bucket in byte order.
func (s *Store) Keys(bucket string) ([]string, error) {
	var keys []string
	err := s.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	return keys, err
}

// Profile loads one profile by name.
func (s *Store) Profile(name string) (profile.Profile, error) {
	var p profile.Profile
	found, err := s.GetJSON(BucketProfiles, name, &p)
	if err != nil {
		return p, err
	}
	if !found {
		return p, &ProfileNotFoundError{Name: name}
	}
	return p, nil
}

// Profiles loads every profile, sorted by name.
func (s *Store) Profiles() ([]profile.Profile, error) {
	var out []profile.Profile
	err := s.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(BucketProfiles))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var p profile.Profile
			if err := json.Unmarshal(v, &p); err != nil {
				return fmt.Errorf("decode profile %q: %w", k, err)
			}
			out = append(out, p)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// PutProfile saves a profile under its name.
func (s *Store) PutProfile(p profile.Profile) error {
	return s.PutJSON(BucketProfiles, p.Name, p)
}

// DeleteProfile removes a profile record (its keys are the caller's job).
func (s *Store) DeleteProfile(name string) error {
	return s.Delete(BucketProfiles, name)
}

// ProfileNotFoundError is a profile name with no record; it is ErrNotFound.
type ProfileNotFoundError struct{ Name string }

func (e *ProfileNotFoundError) Error() string {
	return fmt.Sprintf("profile %q: %v", e.Name, ErrNotFound)
}

// Unwrap makes errors.Is(err, ErrNotFound) hold.
func (e *ProfileNotFoundError) Unwrap() error { return ErrNotFound }
