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

func readVersion(tx *bolt.Tx) int {
	b := tx.Bucket([]byte(BucketMeta))
	if b == nil {
		return 0
	}
	v, err := strconv.Atoi(string(b.Get(keySchemaVersion)))
	if err != nil {
		return 0
	}
	return v
}

// migrate brings the file up to SchemaVersion inside one transaction, so a
// failed step leaves the file as it was.
func migrate(tx *bolt.Tx) error {
	v := readVersion(tx)
	if v > SchemaVersion {
		return fmt.Errorf("%w (file schema %d, this build understands up to %d); update kodus-byok", ErrNewerSchema, v, SchemaVersion)
	}
	if v == SchemaVersion {
		return nil
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
