package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kodusbyok/studio/backend/profile"
)

// SchemaVersion is the version this build writes. Each step in migrations
// lifts a file from version i to i+1; steps never run backwards.
const SchemaVersion = 2

var keySchemaVersion = []byte("schemaVersion")

// migrations[i] migrates a file at version i to version i+1.
var migrations = []func(tx *bolt.Tx) error{
	// 0 → 1: an empty (new) file gets its buckets.
	func(tx *bolt.Tx) error {
		for _, b := range []string{BucketMeta, BucketProfiles} {
			if _, err := tx.CreateBucketIfNotExists([]byte(b)); err != nil {
				return fmt.Errorf("create bucket %s: %w", b, err)
			}
		}
		return nil
	},
	// 1 → 2: version 1 stored Kodus's "none" for Off and had no timestamps.
	func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(BucketProfiles))
		now := time.Now().UTC()
		return b.ForEach(func(k, v []byte) error {
			var p profile.Profile
			if err := json.Unmarshal(v, &p); err != nil {
				return fmt.Errorf("decode profile %q: %w", k, err)
			}
			p.Main.ReasoningEffort = profile.NormalizeEffort(p.Main.ReasoningEffort)
			if p.Fallback != nil {
				p.Fallback.ReasoningEffort = profile.NormalizeEffort(p.Fallback.ReasoningEffort)
			}
			if p.CreatedAt.IsZero() {
				p.CreatedAt = now
			}
			if p.UpdatedAt.IsZero() {
				p.UpdatedAt = p.CreatedAt
			}
			data, err := json.Marshal(p)
			if err != nil {
				return err
			}
			return b.Put(k, data)
		})
	},
}

// version reads the recorded schema version strictly: no record is 0 (a
// new file), anything but a plain decimal number of at most 9 digits is
// ErrUnknownSchema, and a number above SchemaVersion is ErrNewerSchema. A
// file refused here is never written to.
func (s *Store) version(tx *bolt.Tx) (int, error) {
	b := tx.Bucket([]byte(BucketMeta))
	if b == nil {
		return 0, nil
	}
	raw := b.Get(keySchemaVersion)
	if raw == nil {
		return 0, nil
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil || len(raw) > 9 || !plainDigits(raw) {
		return 0, fmt.Errorf("the profile database %s %w (%q; this build reads versions up to %d); it was left untouched: open it with the kodus-byok that wrote it, or update kodus-byok",
			s.Path, ErrUnknownSchema, clip(raw), SchemaVersion)
	}
	if v > SchemaVersion {
		return v, fmt.Errorf("the profile database %s %w (file schema %d, this build understands up to %d); it was left untouched: update kodus-byok",
			s.Path, ErrNewerSchema, v, SchemaVersion)
	}
	return v, nil
}

func plainDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// clip keeps a stray value short in a message.
func clip(b []byte) string {
	if len(b) > 24 {
		return string(b[:24]) + "…"
	}
	return string(b)
}

// migrate brings the file up to SchemaVersion inside one transaction, so a
// failed step leaves the file as it was.
func (s *Store) migrate(tx *bolt.Tx) error {
	v, err := s.version(tx)
	if err != nil || v == SchemaVersion {
		return err
	}
	for i := v; i < SchemaVersion; i++ {
		if err := migrations[i](tx); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", i, i+1, err)
		}
	}
	b, err := tx.CreateBucketIfNotExists([]byte(BucketMeta))
	if err != nil {
		return err
	}
	return b.Put(keySchemaVersion, []byte(strconv.Itoa(SchemaVersion)))
}
