package studio

import (
	"context"
	"fmt"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// editedKey is the key a call on settings being edited uses (key test, dry
// run, concurrency probe): the pasted one, cleaned, or else the one stored
// for that profile slot when saving these settings would keep it (KeepsKey).
type editedKey struct {
	Key secrets.Secret
	// Notes say what cleaning the pasted key removed.
	Notes []string
	// StoredMasked is the stored key used (or that would be), masked.
	StoredMasked string
}

// keyForEdited resolves the key for edited settings. A pasted key that does
// not clean up is a *profile.FieldError on apiKey; read=false skips reading
// the stored key from the keychain (a preview that does not need it).
func (s *core) keyForEdited(ctx context.Context, pasted, profileName, slotName string, slot profile.Slot, read bool) (editedKey, error) {
	if pasted != "" {
		clean, notes, err := secrets.Clean(pasted)
		if err != nil {
			return editedKey{}, &profile.FieldError{Field: "apiKey", Rule: err.Error()}
		}
		return editedKey{Key: secrets.NewSecret(clean), Notes: prefix("key: ", notes)}, nil
	}
	old, ok := s.storedSlot(profileName, slotName)
	if !ok || !KeepsKey(old, slot) {
		return editedKey{}, nil
	}
	k := editedKey{StoredMasked: old.KeyMasked}
	if read {
		key, err := s.storedKey(ctx, profileName, slotName, old)
		if err != nil {
			return k, err
		}
		k.Key = key
	}
	return k, nil
}

// storedSlot is a saved profile slot, or false.
func (s *core) storedSlot(name, slot string) (profile.Slot, bool) {
	if name == "" {
		return profile.Slot{}, false
	}
	p, err := s.store.Profile(name)
	if err != nil {
		return profile.Slot{}, false
	}
	return p.Slot(slot)
}

// savedSlot is a saved profile and one of its slots.
func (s *core) savedSlot(name, slotName string) (profile.Profile, profile.Slot, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return p, profile.Slot{}, err
	}
	sl, ok := p.Slot(slotName)
	if !ok {
		return p, sl, fmt.Errorf("profile %q has no %s slot", name, slotName)
	}
	return p, sl, nil
}
