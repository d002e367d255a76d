// Package studio holds the application services shared by the desktop
// bindings and the command line (backend/cli): both are thin adapters over
// them, so they behave the same. One service per domain (profiles, keys,
// key tests, thinking, export, cost, repository scans, concurrency, dry
// runs, Kodus, the Kodus line); together they tie the catalog, the bbolt
// store and the keychain and hand out views that never carry a key.
package studio

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/paths"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
)

// core is one opened data dir with its keychain, on one Kodus release
// line: the line's rules and catalog decide every preview, validation,
// test and export. Every service is a view of one core; none exposes it.
type core struct {
	home string
	// lineID names the line; line() parses its data on first use.
	lineID string
	store  *store.Store
	keys   *secrets.Keychain
	now    func() time.Time

	lineSource string
	// The caches outlive a change of Kodus line (withLine shares them).
	prices *priceBookCache
	scans  *scanCache
}

// Options configure Open. Getenv is os.Getenv outside tests.
type Options struct {
	Getenv          func(string) string
	PassphraseFunc  func(prompt string) (string, error)
	KeychainTimeout time.Duration
	// Line overrides the Kodus line saved in the data dir for this run
	// (`--kodus-line`); "" uses the saved one, else the default.
	Line string
}

// Open resolves the data dir and keychain from the environment
// (KODUS_BYOK_HOME, KODUS_BYOK_KEYRING, KODUS_BYOK_KEYRING_PASSPHRASE).
func Open(opts Options) (*Studio, error) {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	home, err := paths.DataDir(opts.Getenv)
	if err != nil {
		return nil, err
	}
	if err := paths.Ensure(home); err != nil {
		return nil, err
	}
	cfg := secrets.ConfigFromEnv(opts.Getenv, paths.KeysDir(home))
	cfg.PassphraseFunc = opts.PassphraseFunc
	cfg.Timeout = opts.KeychainTimeout
	keys, err := secrets.New(cfg)
	if err != nil {
		return nil, err
	}
	lineID, info, err := resolveLine(home, opts.Line)
	if err != nil {
		return nil, err
	}
	return &Studio{c: &core{
		home:       home,
		lineID:     lineID,
		store:      store.New(paths.DBFile(home)),
		keys:       keys,
		now:        func() time.Time { return time.Now().UTC() },
		lineSource: info.Source,
		prices:     &priceBookCache{},
		scans:      &scanCache{},
	}}, nil
}

// line is the Kodus line in force (nil only for a core made without one).
func (s *core) line() *kodusline.Line {
	if s.lineID == "" {
		return nil
	}
	return kodusline.MustGet(s.lineID)
}

// catalog is the line's catalog.
func (s *core) catalog() *catalog.Catalog { return s.line().Catalog() }

// slotKey reads a slot's key from the keychain, for backend services that
// send it to its provider (key test, export). It never reaches the GUI.
func (s *core) slotKey(ctx context.Context, name, slot string) (secrets.Secret, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return secrets.Secret{}, err
	}
	sl, ok := p.Slot(slot)
	if !ok {
		return secrets.Secret{}, fmt.Errorf("profile %q has no %s slot: %w", name, slot, store.ErrNotFound)
	}
	if !sl.HasKey() {
		return secrets.Secret{}, nil
	}
	return s.storedKey(ctx, name, slot, sl)
}

// keyRequired reports whether a slot needs a key: every provider but
// OpenAI-compatible does, and so does a catalog model on an
// OpenAI-compatible cloud (Z.ai, Moonshot). Local servers need none.
func (s *core) keyRequired(slot profile.Slot) bool {
	if prov, ok := s.catalog().Provider(slot.Provider); ok && prov.RequiresKey {
		return true
	}
	_, isCatalog := s.catalog().ModelForSlot(slot.Provider, slot.Model)
	return isCatalog
}

// KeepsKey reports whether a slot edited from old to next keeps old's key:
// same provider and same endpoint host. Kodus keeps a key whenever the
// provider id matches, so a Z.ai key was offered to Kimi (both are
// openai_compatible); the host check stops that.
func KeepsKey(old, next profile.Slot) bool {
	if !old.HasKey() || old.Provider != next.Provider || (next.AWSAuth != "" && old.AWSAuth != next.AWSAuth) {
		return false
	}
	return hostOf(old.BaseURL) == hostOf(next.BaseURL)
}

func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return raw
	}
	return strings.ToLower(u.Host)
}

func randomSuffix() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func prefix(p string, list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = p + s
	}
	return out
}
