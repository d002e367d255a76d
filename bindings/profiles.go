package bindings

import (
	"github.com/kodusbyok/studio/backend/discover"
	"github.com/kodusbyok/studio/backend/studio"
)

// Profiles is the profile list and the slot editor.
type Profiles struct{ s *Session }

// Draft pre-fills a slot from a catalog card and plan.
func (b *Profiles) Draft(modelID, plan string) (studio.SlotInput, error) {
	return call(b.s, func(st *studio.Studio) (studio.SlotInput, error) { return st.Profiles().DraftInput(modelID, plan) })
}

// CheckSlot validates a slot being edited for a profile slot and says
// whether its stored key is kept.
func (b *Profiles) CheckSlot(profileName, slot string, in studio.SlotInput) (studio.SlotCheck, error) {
	return value(b.s, func(st *studio.Studio) studio.SlotCheck { return st.Profiles().CheckSlot(profileName, slot, in) })
}

// Profiles lists the saved profiles.
func (b *Profiles) Profiles() ([]studio.ProfileView, error) {
	return call(b.s, func(st *studio.Studio) ([]studio.ProfileView, error) { return st.Profiles().List() })
}

// Profile returns one profile.
func (b *Profiles) Profile(name string) (studio.ProfileView, error) {
	return call(b.s, func(st *studio.Studio) (studio.ProfileView, error) { return st.Profiles().Get(name) })
}

// SlotInput returns a saved slot in editable form.
func (b *Profiles) SlotInput(name, slot string) (studio.SlotInput, error) {
	return call(b.s, func(st *studio.Studio) (studio.SlotInput, error) { return st.Profiles().SlotInput(name, slot) })
}

// SaveSlot saves one slot and its key.
func (b *Profiles) SaveSlot(req studio.SaveSlotRequest) (studio.SaveSlotResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.SaveSlotResult, error) { return st.Profiles().SaveSlot(b.s.ctx, req) })
}

// DeleteProfile removes a profile and its keys; it returns warnings.
func (b *Profiles) DeleteProfile(name string) ([]string, error) {
	return call(b.s, func(st *studio.Studio) ([]string, error) { return st.Profiles().Delete(b.s.ctx, name) })
}

// DeleteFallback removes only the Fallback slot.
func (b *Profiles) DeleteFallback(name string) (studio.FallbackRemoval, error) {
	return call(b.s, func(st *studio.Studio) (studio.FallbackRemoval, error) {
		return st.Profiles().RemoveFallback(b.s.ctx, name)
	})
}

// PreviewThinking is the live "Kodus will send" of a slot being edited:
// the providerOptions and a note per rule, or the Custom JSON's problems
// with line and column.
func (b *Profiles) PreviewThinking(slot string, in studio.SlotInput) (studio.ThinkingPreview, error) {
	return value(b.s, func(st *studio.Studio) studio.ThinkingPreview { return st.Thinking().PreviewThinking(slot, in) })
}

// DiscoverServers probes the local LLM servers (the defaults, or
// KODUS_BYOK_DISCOVER_URLS, plus the URLs given) in parallel; it returns
// within about a second when nothing answers.
func (b *Profiles) DiscoverServers(req discover.Request) (res discover.Result, err error) {
	defer guard(&err)
	return discover.Find(b.s.ctx, req, b.s.getenv)
}
