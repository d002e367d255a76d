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
	return key, s.keyReadError(profileName, slotName, sl, err)
}

// keyReadError words a failed read of a slot's key: which profile and
// slot, and how to save a key that is gone.
func (s *core) keyReadError(profileName, slotName string, sl profile.Slot, err error) error {
	switch {
	case errors.Is(err, secrets.ErrNotFound):
		return fmt.Errorf("profile %q, %s slot: %w (%s, item %q); save the key again: kodus-byok profile set %s --slot %s --key-stdin, or paste it in the app",
			profileName, slotName, ErrKeyMissing, s.keys.Describe(), sl.KeyRef, profileName, slotName)
	case err != nil:
		return fmt.Errorf("profile %q, %s slot: %w", profileName, slotName, err)
	}
	return nil
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
