// The profiles service: saving slots with their keys, listing, deleting.

package studio

import (
	"context"
	"errors"
	"fmt"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
)

// Profiles saves, lists, checks and deletes profiles and their slots.
type Profiles struct{ *core }

// Profiles is the profiles service.
func (s *Studio) Profiles() *Profiles { return &Profiles{s.c} }

// SaveRequest saves one slot of a profile. Key is the pasted key; nil or
// empty keeps the stored key when the provider is unchanged.
type SaveRequest struct {
	Profile string
	Slot    string
	Config  profile.Slot
	Key     *string
}

// SaveResult is the saved profile and what the user should be told.
type SaveResult struct {
	Profile ProfileView
	Notices []string
}

// ErrNoMain means a fallback was saved before the profile had a main slot.
var ErrNoMain = errors.New("a profile needs its Main slot before a Fallback")

// prepareSlot normalizes a slot, applies its plan and catalog aliases, and
// validates it. It returns the slot as it would be stored plus notices.
func (s *core) prepareSlot(cfg profile.Slot) (profile.Slot, []string, error) {
	cfg = profile.Normalize(cfg)
	var notices []string
	if m, ok := s.catalog().Model(cfg.Model); ok && m.Provider == cfg.Provider && m.ID != cfg.Model {
		notices = append(notices, fmt.Sprintf("model %q saved as %q, the provider's id", cfg.Model, m.ID))
		cfg.Model = m.ID
	}
	if cfg.Plan != "" {
		if m, ok := s.catalog().ModelForSlot(cfg.Provider, cfg.Model); ok {
			if v, ok := m.Variant(cfg.Plan); ok {
				if cfg.BaseURL == "" {
					cfg.BaseURL = v.BaseURL
				}
				if cfg.MaxConcurrentRequests == nil && v.MaxConcurrentRequests != nil {
					cfg.MaxConcurrentRequests = profile.Ptr(*v.MaxConcurrentRequests)
				}
				if v.Model != "" && cfg.Model != v.Model {
					notices = append(notices, fmt.Sprintf("the %s serves model %q; %q replaced", v.Label, v.Model, cfg.Model))
					cfg.Model = v.Model
				}
			}
		}
	}
	cfg, notices = prepareCloud(cfg, notices)
	if err := profile.Validate(cfg, s.line()); err != nil {
		return cfg, notices, err
	}
	return cfg, notices, nil
}

// Save stores one slot: its settings in bbolt and its key in the keychain.
// A new key goes under a fresh keychain item and the old one is removed
// only after the profile is saved, so a failure at any step loses nothing.
func (s *Profiles) Save(ctx context.Context, req SaveRequest) (SaveResult, error) {
	var res SaveResult
	existing, isNew, err := s.existingFor(req)
	if err != nil {
		return res, err
	}
	old, hadOld := existing.Slot(req.Slot)
	slot, notices, err := s.prepareSlot(req.Config)
	if err != nil && hadOld {
		err = keepSavedPlan(err, old, slot)
	}
	if err != nil {
		return res, err
	}
	notices = append(notices, warningNotices(s.tokenWarnings(slot))...)
	slot.KeyRef, slot.KeyMasked = "", ""
	newKey, keyNotes, err := pastedKey(req.Key)
	if err != nil {
		return res, err
	}
	if slot, err = cloudKey(slot, old, hadOld, newKey); err != nil {
		return res, err
	}
	slot, placeNotes, err := s.placeKey(ctx, req, slot, old, hadOld, newKey)
	if err != nil {
		return res, err
	}
	notices = append(append(notices, keyNotes...), placeNotes...)

	now := s.now()
	p := existing
	if isNew {
		p = profile.Profile{Name: req.Profile, CreatedAt: now}
	}
	p.SetSlot(req.Slot, slot)
	p.UpdatedAt = now
	if err := s.store.PutProfile(p); err != nil {
		if !newKey.Empty() {
			_ = s.keys.Delete(ctx, slot.KeyRef)
		}
		return res, err
	}
	// An empty database file was kept aside and a new one started.
	notices = append(notices, s.store.TakeNotices()...)
	if hadOld && old.HasKey() && old.KeyRef != slot.KeyRef {
		if err := s.keys.Delete(ctx, old.KeyRef); err != nil {
			notices = append(notices, fmt.Sprintf("the old key could not be removed from the keychain (%v); remove item %q by hand", err, old.KeyRef))
		}
	}
	res.Profile = s.view(p)
	res.Notices = notices
	return res, nil
}

// existingFor checks the names of a save and loads the profile it goes
// into (isNew when there is none yet); a Fallback needs the Main first.
func (s *Profiles) existingFor(req SaveRequest) (existing profile.Profile, isNew bool, err error) {
	if err := profile.ValidateName(req.Profile); err != nil {
		return existing, false, err
	}
	if err := profile.ValidateSlotName(req.Slot); err != nil {
		return existing, false, err
	}
	existing, err = s.store.Profile(req.Profile)
	isNew = errors.Is(err, store.ErrNotFound)
	if err != nil && !isNew {
		return existing, false, err
	}
	if req.Slot == profile.SlotFallback && (isNew || existing.Main.Provider == "") {
		return existing, isNew, fmt.Errorf("profile %q: %w; save its Main slot first", req.Profile, ErrNoMain)
	}
	return existing, isNew, nil
}

// pastedKey cleans a pasted key (nil or empty: none pasted).
func pastedKey(raw *string) (secrets.Secret, []string, error) {
	if raw == nil || *raw == "" {
		return secrets.Secret{}, nil, nil
	}
	clean, notes, err := secrets.Clean(*raw)
	if err != nil {
		return secrets.Secret{}, nil, &profile.FieldError{Field: "apiKey", Rule: err.Error()}
	}
	return secrets.NewSecret(clean), prefix("key: ", notes), nil
}

// placeKey gives the slot its key: a new one goes to the keychain under a
// fresh item; else the stored one is kept when the slot keeps its
// provider and host; else a slot that needs a key is refused.
func (s *Profiles) placeKey(ctx context.Context, req SaveRequest, slot, old profile.Slot, hadOld bool, newKey secrets.Secret) (profile.Slot, []string, error) {
	switch {
	case !newKey.Empty():
		prov, _ := s.catalog().Provider(slot.Provider)
		slot.KeyRef = profile.KeyRef(req.Profile, req.Slot) + "." + randomSuffix()
		slot.KeyMasked = newKey.Masked()
		label := fmt.Sprintf("Kodus BYOK Studio: %s (%s, %s)", req.Profile, req.Slot, prov.DisplayName)
		if err := s.keys.Set(ctx, slot.KeyRef, label, newKey); err != nil {
			return slot, nil, err
		}
	case hadOld && KeepsKey(old, slot) && s.keyGone(ctx, old) && s.keyRequired(slot):
		return slot, nil, &profile.FieldError{Field: "apiKey", Rule: "is required: the stored key is missing from the keychain; paste it again, or pipe it to --key-stdin"}
	case hadOld && KeepsKey(old, slot):
		slot.KeyRef, slot.KeyMasked = old.KeyRef, old.KeyMasked
		return slot, []string{"kept the stored key " + old.KeyMasked}, nil
	case s.keyRequired(slot):
		return slot, nil, &profile.FieldError{Field: "apiKey", Rule: fmt.Sprintf("is required for %s: paste it", s.slotView(slot).ProviderName)}
	}
	return slot, nil, nil
}

// keepSavedPlan lets an edit keep the plan a slot was saved with under
// another Kodus line (glm-5.1's coding-plan, which Kodus latest's catalog
// no longer lists): the plan rule catches typos in new plans, not old ones.
func keepSavedPlan(err error, old, next profile.Slot) error {
	fes := profile.AsFieldErrors(err)
	if fes == nil || old.Plan == "" || old.Plan != next.Plan || old.Provider != next.Provider || old.Model != next.Model {
		return err
	}
	var rest profile.Errors
	for _, fe := range fes {
		if fe.Field != "plan" {
			rest = append(rest, fe)
		}
	}
	if len(rest) == 0 {
		return nil
	}
	return rest
}

// List lists every profile as views.
func (s *Profiles) List() ([]ProfileView, error) {
	ps, err := s.store.Profiles()
	if err != nil {
		return nil, err
	}
	views := make([]ProfileView, 0, len(ps))
	for _, p := range ps {
		views = append(views, s.view(p))
	}
	return views, nil
}

// Get returns one profile as a view.
func (s *Profiles) Get(name string) (ProfileView, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return ProfileView{}, err
	}
	return s.view(p), nil
}

// Delete removes a profile and its keys. The record goes first: a keychain
// failure afterwards leaves an orphan item, which is reported by name.
func (s *Profiles) Delete(ctx context.Context, name string) ([]string, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return nil, err
	}
	if err := s.store.DeleteProfile(name); err != nil {
		return nil, err
	}
	var notices []string
	for _, slot := range []*profile.Slot{&p.Main, p.Fallback} {
		if slot == nil || !slot.HasKey() {
			continue
		}
		if err := s.keys.Delete(ctx, slot.KeyRef); err != nil {
			notices = append(notices, fmt.Sprintf("the key could not be removed from the keychain (%v); remove item %q by hand", err, slot.KeyRef))
		}
	}
	return nonNil(notices), nil
}

// DeleteFallback removes the Fallback slot and its key.
func (s *Profiles) DeleteFallback(ctx context.Context, name string) (ProfileView, []string, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return ProfileView{}, nil, err
	}
	if p.Fallback == nil {
		return s.view(p), nil, fmt.Errorf("profile %q has no fallback: %w", name, store.ErrNotFound)
	}
	old := *p.Fallback
	p.Fallback = nil
	p.UpdatedAt = s.now()
	if err := s.store.PutProfile(p); err != nil {
		return ProfileView{}, nil, err
	}
	var notices []string
	if old.HasKey() {
		if err := s.keys.Delete(ctx, old.KeyRef); err != nil {
			notices = append(notices, fmt.Sprintf("the key could not be removed from the keychain (%v); remove item %q by hand", err, old.KeyRef))
		}
	}
	return s.view(p), notices, nil
}
