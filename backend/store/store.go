// Package store keeps profiles (and other small app data) in a bbolt file.
//
// The file is opened for each operation and closed right after, so the GUI
// and the command line can be used side by side; bbolt's file lock then
// only serialises the moments of access. Opening waits at most Timeout for
// that lock and then fails with ErrLocked instead of hanging.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/kodusbyok/studio/backend/profile"
)

// Bucket names.
const (
	BucketMeta     = "meta"
	BucketProfiles = "profiles"
)

// DefaultTimeout is how long an operation waits for another process that
// holds the database.
const DefaultTimeout = 2 * time.Second

var (
	// ErrLocked means another process kept the database busy past Timeout.
	ErrLocked = errors.New("the profile database is in use by another kodus-byok process")
	// ErrNotFound means the named record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNewerSchema means the file was written by a newer version.
	ErrNewerSchema = errors.New("the profile database was written by a newer version of kodus-byok")
)

// Store is a handle on the database file; it holds no open file between
// operations.
type Store struct {
	Path    string
	Timeout time.Duration

	migrateOnce sync.Once
	migrateErr  error
}

// New returns a store for the file at path; nothing is opened yet.
func New(path string) *Store { return &Store{Path: path, Timeout: DefaultTimeout} }

func (s *Store) open(readOnly bool) (*bolt.DB, error) {
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	if readOnly {
		if _, err := os.Stat(s.Path); errors.Is(err, os.ErrNotExist) {
			readOnly = false // bbolt cannot create a file read-only
		}
	}
	db, err := bolt.Open(s.Path, 0o600, &bolt.Options{Timeout: s.Timeout, ReadOnly: readOnly})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("%w (%s); close the other instance or retry", ErrLocked, s.Path)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", s.Path, err)
	}
	return db, nil
}

func (s *Store) ensureMigrated() error {
	s.migrateOnce.Do(func() {
		db, err := s.open(false)
		if err != nil {
			s.migrateErr = err
			s.migrateOnce = sync.Once{} // a locked file may be free next time
			return
		}
		defer db.Close()
		// A read command must not write (and fsync) the file: look first,
		// and open a write transaction only when there is something to do.
		current := false
		_ = db.View(func(tx *bolt.Tx) error { current = readVersion(tx) == SchemaVersion; return nil })
		if !current {
			s.migrateErr = db.Update(migrate)
		}
	})
	return s.migrateErr
}

// View runs fn in a read-only transaction.
func (s *Store) View(fn func(tx *bolt.Tx) error) error {
	if err := s.ensureMigrated(); err != nil {
		return err
	}
	db, err := s.open(true)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(fn)
}

// Update runs fn in a read-write transaction.
func (s *Store) Update(fn func(tx *bolt.Tx) error) error {
	if err := s.ensureMigrated(); err != nil {
		return err
	}
	db, err := s.open(false)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(fn)
}

// SchemaVersion reports the version recorded in the file.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.View(func(tx *bolt.Tx) error {
		v = readVersion(tx)
		return nil
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
		return p, fmt.Errorf("profile %q: %w", name, ErrNotFound)
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
