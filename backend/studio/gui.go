package studio

import (
	"context"
	"errors"
	"fmt"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/thinking"
)

// Environment describes the data dir, the keychain and the profile
// database, and unlocks a file keychain.
type Environment struct{ *core }

// Environment is the data dir and keychain service.
func (s *Studio) Environment() *Environment { return &Environment{s.c} }

// The request and result types below are the contract with the GUI; Wails
// generates their TypeScript twins in frontend/wailsjs/go/models.ts.

// SlotInput is a slot as the GUI edits it: every setting, no key fields.
type SlotInput profile.Settings

// Slot converts the input into a stored slot (without key fields).
func (in SlotInput) Slot() profile.Slot { return profile.Slot{Settings: profile.Settings(in)} }

// InputFromSlot is the editable form of a stored slot.
func InputFromSlot(s profile.Slot) SlotInput { return SlotInput(s.Settings) }

// SaveSlotRequest is the GUI's save: APIKey is the pasted key, "" keeps the
// stored one.
type SaveSlotRequest struct {
	Profile string    `json:"profile"`
	Slot    string    `json:"slot"`
	Config  SlotInput `json:"config"`
	APIKey  string    `json:"apiKey"`
}

// SaveSlotResult reports a save. With FieldErrors nothing was saved and
// each error names its field, so the form can mark it.
type SaveSlotResult struct {
	Saved       bool                 `json:"saved"`
	Profile     *ProfileView         `json:"profile,omitempty"`
	Notices     []string             `json:"notices"`
	FieldErrors []profile.FieldError `json:"fieldErrors"`
}

// SaveSlot saves from the GUI, turning rule violations into FieldErrors.
func (s *Profiles) SaveSlot(ctx context.Context, req SaveSlotRequest) (SaveSlotResult, error) {
	var key *string
	if req.APIKey != "" {
		key = &req.APIKey
	}
	res, err := s.Save(ctx, SaveRequest{Profile: req.Profile, Slot: req.Slot, Config: req.Config.Slot(), Key: key})
	if fes := profile.AsFieldErrors(err); fes != nil {
		return SaveSlotResult{Notices: res.Notices, FieldErrors: flatten(fes)}, nil
	}
	if err != nil {
		return SaveSlotResult{}, err
	}
	return SaveSlotResult{Saved: true, Profile: &res.Profile, Notices: nonNil(res.Notices), FieldErrors: []profile.FieldError{}}, nil
}

// SlotCheck is the live verdict on a slot being edited: the rule
// violations, and what will happen to the key.
type SlotCheck struct {
	FieldErrors []profile.FieldError `json:"fieldErrors"`
	// FieldWarnings are settings that save but will not work as meant
	// (token limits above the model's).
	FieldWarnings []profile.FieldError `json:"fieldWarnings"`
	Notices       []string             `json:"notices"`
	// KeptKeyMasked is the stored key that saving without a new key keeps.
	KeptKeyMasked string `json:"keptKeyMasked,omitempty"`
	// KeyRequired means saving needs a pasted key.
	KeyRequired bool `json:"keyRequired"`
	// MainOnly are fields the followed Kodus does not read on this slot
	// (a v1 Fallback's thinking, routing, max input): not offered, not saved.
	MainOnly []string `json:"mainOnly"`
}

// CheckSlot validates a slot as the user types, with the same rules as
// Save, and says whether the stored key of that profile slot is kept.
func (s *Profiles) CheckSlot(profileName, slotName string, in SlotInput) SlotCheck {
	slot, notices, err := s.prepareSlot(in.Slot())
	if old, ok := s.storedSlot(profileName, slotName); ok && err != nil {
		err = keepSavedPlan(err, old, slot)
	}
	check := SlotCheck{FieldErrors: flatten(profile.AsFieldErrors(err)), FieldWarnings: s.tokenWarnings(slot), Notices: nonNil(notices)}
	for _, is := range thinking.Tuning(s.line(), slot.Provider, slot.Model, slot.Temperature, slot.ReasoningEffort) {
		check.Notices = append(check.Notices, fmt.Sprintf("%s's Test refuses this (%s): %s", s.line().Name, is.Field, is.Message))
	}
	if profileName != "" {
		if nerr := profile.ValidateName(profileName); nerr != nil {
			check.FieldErrors = append(check.FieldErrors, flatten(profile.AsFieldErrors(nerr))...)
		}
	}
	if p, err := s.store.Profile(profileName); err == nil {
		if old, ok := p.Slot(slotName); ok && KeepsKey(old, slot) && !s.keyGone(context.Background(), old) {
			check.KeptKeyMasked = old.KeyMasked
		}
	}
	check.KeyRequired = check.KeptKeyMasked == "" && s.keyRequired(slot)
	check.MainOnly = s.mainOnly(slotName)
	return check
}

// KeyPreview says what saving a pasted key will store, masked, and what
// cleaning removed; the key itself does not come back.
type KeyPreview struct {
	Masked string   `json:"masked"`
	Notes  []string `json:"notes"`
	Error  string   `json:"error,omitempty"`
}

// PreviewKey cleans a pasted key and describes the result.
func PreviewKey(raw string) KeyPreview {
	clean, notes, err := secrets.Clean(raw)
	if err != nil {
		return KeyPreview{Notes: nonNil(notes), Error: err.Error()}
	}
	return KeyPreview{Masked: secrets.Mask(clean), Notes: nonNil(notes)}
}

// FallbackRemoval is the profile after its Fallback slot was removed.
type FallbackRemoval struct {
	Profile ProfileView `json:"profile"`
	Notices []string    `json:"notices"`
}

// EnvInfo tells the GUI where it stands: data dir, keychain, build.
type EnvInfo struct {
	Version             string `json:"version"`
	DataDir             string `json:"dataDir"`
	KeychainBackend     string `json:"keychainBackend"`
	KeychainDescription string `json:"keychainDescription"`
	NeedsPassphrase     bool   `json:"needsPassphrase"`
	// KeychainProblem says why the keychain cannot be used, and how to
	// choose another backend; empty when it is available.
	KeychainProblem string `json:"keychainProblem,omitempty"`
	Error           string `json:"error,omitempty"`
}

// Env describes the studio.
func (s *Environment) Env() EnvInfo {
	return EnvInfo{
		Version:             buildinfo.Version,
		DataDir:             s.home,
		KeychainBackend:     s.keys.Backend(),
		KeychainDescription: s.keys.Describe(),
		NeedsPassphrase:     s.keys.NeedsPassphrase(),
		KeychainProblem:     errText(s.keys.Available()),
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// Unlock gives the file keychain its passphrase and proves it on a real
// item, so a typo is caught now and not at the first save.
func (s *Environment) Unlock(ctx context.Context, passphrase string) error {
	if passphrase == "" {
		return errors.New("the passphrase is empty")
	}
	s.keys.SetPassphrase(passphrase)
	if err := s.keys.Check(ctx); err != nil {
		s.keys.SetPassphrase("")
		return err
	}
	return nil
}

func flatten(es profile.Errors) []profile.FieldError {
	out := make([]profile.FieldError, 0, len(es))
	for _, e := range es {
		out = append(out, *e)
	}
	return out
}

// nonNil turns a nil slice into an empty one, so JSON (and the frontend)
// sees [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// RemoveFallback is DeleteFallback in the GUI's shape.
func (s *Profiles) RemoveFallback(ctx context.Context, name string) (FallbackRemoval, error) {
	p, notices, err := s.DeleteFallback(ctx, name)
	return FallbackRemoval{Profile: p, Notices: nonNil(notices)}, err
}
