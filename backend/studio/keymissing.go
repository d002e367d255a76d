package studio

import (
	"context"
	"errors"
	"fmt"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// ErrKeyMissing means a slot records a key that the keychain no longer
// has: it was deleted there behind the app's back.
var ErrKeyMissing = errors.New("key missing from the keychain")

// KeyMissingText is how a profile shows such a slot's key.
const KeyMissingText = "key missing from the keychain"

// storedKey reads a saved slot's key. A key gone from the keychain is
// ErrKeyMissing naming the profile, the slot and how to put it back; any
// other failure names them too.
func (s *core) storedKey(ctx context.Context, profileName, slotName string, sl profile.Slot) (secrets.Secret, error) {
	key, err := s.keys.Get(ctx, sl.KeyRef)
	switch {
	case errors.Is(err, secrets.ErrNotFound):
		return key, fmt.Errorf("profile %q, %s slot: %w (%s, item %q); save the key again: kodus-byok profile set %s --slot %s --key-stdin, or paste it in the app",
			profileName, slotName, ErrKeyMissing, s.keys.Describe(), sl.KeyRef, profileName, slotName)
	case err != nil:
		return key, fmt.Errorf("profile %q, %s slot: %w", profileName, slotName, err)
	}
	return key, nil
}

// storedKeyAsync starts reading a slot's key and returns the wait for it:
// no key is an empty secret, as in slotKey. A panic on the way is an
// error, not a crash of the program.
func (s *core) storedKeyAsync(ctx context.Context, profileName, slotName string, sl profile.Slot) func() (secrets.Secret, error) {
	if !sl.HasKey() {
		return func() (secrets.Secret, error) { return secrets.Secret{}, nil }
	}
	type result struct {
		key secrets.Secret
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("profile %q, %s slot: read key: %v", profileName, slotName, r)}
			}
		}()
		key, err := s.storedKey(ctx, profileName, slotName, sl)
		done <- result{key, err}
	}()
	return func() (secrets.Secret, error) {
		r := <-done
		return r.key, r.err
	}
}

// keyGone reports whether a slot's stored key is surely gone from the
// keychain (see secrets.Keychain.Missing for the backends that can tell).
func (s *core) keyGone(ctx context.Context, sl profile.Slot) bool {
	return sl.HasKey() && s.keys.Missing(ctx, []string{sl.KeyRef})[sl.KeyRef]
}

// markMissing makes a view show a key deleted behind the app's back as
// missing instead of present.
func (s *core) markMissing(p profile.Profile, v *ProfileView) {
	var refs []string
	for _, sl := range []*profile.Slot{&p.Main, p.Fallback} {
		if sl != nil && sl.HasKey() {
			refs = append(refs, sl.KeyRef)
		}
	}
	gone := s.keys.Missing(context.Background(), refs)
	if len(gone) == 0 {
		return
	}
	mark := func(sl profile.Slot, sv *SlotView) {
		if gone[sl.KeyRef] {
			sv.HasKey, sv.APIKeyMasked, sv.KeyMissing = false, "", true
		}
	}
	mark(p.Main, &v.Main)
	if p.Fallback != nil && v.Fallback != nil {
		mark(*p.Fallback, v.Fallback)
	}
}
