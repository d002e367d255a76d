package studio

import (
	"context"

	"github.com/kodusbyok/studio/backend/keyshape"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/kodusinstall"
)

// Keys recognises pasted keys (which card or plan they belong to).
type Keys struct{ *core }

// Keys is the key recognition service.
func (s *Studio) Keys() *Keys { return &Keys{s.c} }

// SlotInput returns a saved slot in editable form.
func (s *Profiles) SlotInput(name, slot string) (SlotInput, error) {
	_, sl, err := s.savedSlot(name, slot)
	return InputFromSlot(sl), err
}

// DraftInput pre-fills a slot being edited from a catalog card and plan.
func (s *Profiles) DraftInput(modelID, plan string) (SlotInput, error) {
	sl, err := s.draft(modelID, plan)
	return InputFromSlot(sl), err
}

// Preview cleans a pasted key and returns its masked form and notes.
func (s *Keys) Preview(raw string) KeyPreview { return PreviewKey(raw) }

// Check says whether a pasted key fits the slot being edited and, when it
// surely belongs to another card or plan, which one. Only the verdict
// (with the key family's generic prefix) comes out.
func (s *Keys) Check(raw string, in SlotInput) keyshape.Verdict {
	t := keyshape.Target{Provider: in.Provider, Model: in.Model, Plan: in.Plan, BaseURL: in.BaseURL}
	return keyshape.Check(raw, t, s.catalog())
}

// TestSlot tests one saved slot with its key from the keychain.
func (s *KeyTests) TestSlot(ctx context.Context, name, slot string) (keytest.Result, error) {
	results, err := s.TestSaved(ctx, name, []string{slot}, 0)
	if err != nil {
		return keytest.Result{}, err
	}
	return results[0], nil
}

// MovesFor says which slots of a saved profile the Kodus line recommends
// moving, and what moving changes.
func (s *Lines) MovesFor(name string) ([]SlotMove, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return nil, err
	}
	return s.Moves(p), nil
}

// InspectDir reads a directory the user picked as a Kodus install.
func (s *Kodus) InspectDir(dir string) (kodusinstall.Install, error) {
	p, err := ExpandPath(dir)
	if err != nil {
		return kodusinstall.Install{}, err
	}
	in, err := kodusinstall.Inspect(p)
	if err == nil {
		in.FoundBy = []string{"chosen"}
	}
	return in, err
}

// DatabaseFile is the profile database's path, for watching it change.
func (s *Environment) DatabaseFile() string { return s.store.Path }
