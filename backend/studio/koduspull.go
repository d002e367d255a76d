package studio

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/byokconfig"
	"github.com/kodusbyok/studio/backend/kodusapi"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/store"
)

// KodusPullSlot is one slot taken from Kodus's BYOK config. Kodus returns
// keys masked, so the key is the local one for the same provider and host,
// or has to be given.
type KodusPullSlot struct {
	Role string       `json:"role"`
	Slot profile.Slot `json:"slot"`
	// From names the Kodus model (id) it comes from.
	From string `json:"from"`
	// KodusKeyMasked is the key Kodus holds, as Kodus masks it.
	KodusKeyMasked string `json:"kodusKeyMasked,omitempty"`
	// KeepsLocalKey: the local profile's key for this provider and host is
	// kept; LocalKeyMasked shows it, LocalKeyDiffers when its mask is not
	// the one Kodus shows.
	KeepsLocalKey   bool   `json:"keepsLocalKey"`
	LocalKeyMasked  string `json:"localKeyMasked,omitempty"`
	LocalKeyDiffers bool   `json:"localKeyDiffers,omitempty"`
	// NeedsKey means a key must be given to save this slot.
	NeedsKey bool `json:"needsKey"`
}

// KodusPullPlan is the local profile Kodus's config becomes.
type KodusPullPlan struct {
	Profile  string         `json:"profile"`
	Exists   bool           `json:"exists"`
	Main     KodusPullSlot  `json:"main"`
	Fallback *KodusPullSlot `json:"fallback,omitempty"`
	Notes    []string       `json:"notes"`
}

// ErrNothingToPull means Kodus has no BYOK model of its own to pull.
var ErrNothingToPull = errors.New("Kodus has no BYOK config to pull")

// PlanKodusPull reads Kodus's BYOK config and maps its default and
// fallback models to profile slots.
func (s *Kodus) PlanKodusPull(ctx context.Context, name string) (KodusPullPlan, error) {
	p := KodusPullPlan{Profile: name, Notes: []string{}}
	if err := profile.ValidateName(name); err != nil {
		return p, err
	}
	var param kodusapi.Parameter
	var found bool
	if err := s.kodusCall(ctx, func(c *kodusapi.Client) error {
		var err error
		param, found, err = c.FindBYOK(ctx)
		return err
	}); err != nil {
		return p, err
	}
	if !found {
		return p, ErrNothingToPull
	}
	main, fallback, notes, err := s.slotsFromKodus(param.ConfigValue)
	if err != nil {
		return p, err
	}
	p.Notes = append(p.Notes, notes...)
	local, err := s.store.Profile(name)
	p.Exists = err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return p, err
	}
	p.Main = s.pullKey(ctx, local, *main)
	if fallback != nil {
		fb := s.pullKey(ctx, local, *fallback)
		p.Fallback = &fb
	}
	return p, nil
}

// slotsFromKodus maps a stored config's default and fallback models.
func (s *core) slotsFromKodus(raw json.RawMessage) (main, fallback *KodusPullSlot, notes []string, err error) {
	if !isV2Raw(raw) {
		var v1 byokconfig.V1
		if err := json.Unmarshal(raw, &v1); err != nil || v1.Main.Provider == "" {
			return nil, nil, nil, ErrNothingToPull
		}
		main = &KodusPullSlot{Role: profile.SlotMain, From: "main", Slot: s.slotFromV1(v1.Main), KodusKeyMasked: v1.Main.APIKey}
		if fb := v1.Fallback; fb != nil && fb.Provider != "" {
			fallback = &KodusPullSlot{Role: profile.SlotFallback, From: "fallback", Slot: s.slotFromV1(*fb), KodusKeyMasked: fb.APIKey}
		}
		return main, fallback, nil, nil
	}
	var d byokconfig.V2
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, nil, nil, fmt.Errorf("read Kodus's BYOK config: %w", err)
	}
	models, creds := map[string]byokconfig.Model{}, map[string]byokconfig.Credential{}
	for _, m := range d.Models {
		models[m.ID] = m
	}
	for _, c := range d.Credentials {
		creds[c.ID] = c
	}
	defID, fbID := defaultModelID(d), ""
	if d.Routing != nil {
		fbID = d.Routing.FallbackModelID
	}
	pick := func(id, role string) (*KodusPullSlot, error) {
		m, ok := models[id]
		if !ok {
			return nil, nil
		}
		c := creds[m.CredentialID]
		if c.Managed {
			return nil, fmt.Errorf("%w: its %s model %s is Kodus's own managed one", ErrNothingToPull, role, m.Model)
		}
		ps := &KodusPullSlot{Role: role, From: id, Slot: s.slotFromV2(m, c)}
		if c.APIKey != nil {
			ps.KodusKeyMasked = *c.APIKey
		}
		return ps, nil
	}
	if main, err = pick(defID, profile.SlotMain); err != nil || main == nil {
		if err == nil {
			err = ErrNothingToPull
		}
		return nil, nil, nil, err
	}
	if fbID != "" && fbID != defID {
		if fallback, err = pick(fbID, profile.SlotFallback); err != nil {
			notes = append(notes, "the fallback is not pulled: "+err.Error())
			fallback, err = nil, nil
		}
	}
	if n := len(d.Models) - 1 - boolInt(fallback != nil); n > 0 {
		notes = append(notes, fmt.Sprintf("%d other model(s) in Kodus (task overrides, spares) are not part of a profile and stay in Kodus", n))
	}
	return main, fallback, notes, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func effortFromKodus(effort, override string) (string, string) {
	switch {
	case override != "":
		return profile.EffortCustom, override
	case effort == "none":
		return profile.EffortOff, ""
	}
	return effort, ""
}

func (s *core) slotFromV2(m byokconfig.Model, c byokconfig.Credential) profile.Slot {
	sl := profile.Slot{Settings: profile.Settings{Provider: c.Provider, Model: m.Model, Temperature: m.Temperature,
		MaxOutputTokens: m.MaxOutputTokens, MaxInputTokens: m.MaxInputTokens, MaxConcurrentRequests: m.MaxConcurrentRequests}}
	sl.ReasoningEffort, sl.ReasoningConfigOverride = effortFromKodus(m.ReasoningEffort, m.ReasoningConfigOverride)
	if st := c.Settings; st != nil {
		sl.BaseURL, sl.VertexLocation = st.BaseURL, st.VertexLocation
		sl.OpenRouterProviderOrder, sl.OpenRouterAllowFallbacks = st.OpenRouterProviderOrder, st.OpenRouterAllowFallbacks
		sl.AWSRegion = st.AWSRegion
		if st.AWSAccessKeyID != nil && *st.AWSAccessKeyID != "" {
			sl.AWSAuth = bedrock.AuthIAM
		}
	}
	sl.Plan = s.planFor(sl)
	return sl
}

func (s *core) slotFromV1(v byokconfig.V1Slot) profile.Slot {
	sl := profile.Slot{Settings: profile.Settings{Provider: v.Provider, Model: v.Model, BaseURL: v.BaseURL, Temperature: v.Temperature,
		MaxOutputTokens: v.MaxOutputTokens, MaxInputTokens: v.MaxInputTokens, MaxConcurrentRequests: v.MaxConcurrentRequests,
		VertexLocation: v.VertexLocation, OpenRouterProviderOrder: v.OpenRouterProviderOrder, OpenRouterAllowFallbacks: v.OpenRouterAllowFallbacks}}
	sl.ReasoningEffort, sl.ReasoningConfigOverride = effortFromKodus(v.ReasoningEffort, v.ReasoningConfigOverride)
	sl.Plan = s.planFor(sl)
	return sl
}

// planFor is the catalog plan whose endpoint the slot uses, or "".
func (s *core) planFor(sl profile.Slot) string {
	m, ok := s.catalog().ModelForSlot(sl.Provider, sl.Model)
	if !ok || sl.BaseURL == "" {
		return ""
	}
	for _, v := range m.Variants {
		if strings.TrimRight(v.BaseURL, "/") == strings.TrimRight(sl.BaseURL, "/") {
			return v.ID
		}
	}
	return ""
}

// pullKey decides where a pulled slot's key comes from.
func (s *core) pullKey(ctx context.Context, local profile.Profile, ps KodusPullSlot) KodusPullSlot {
	old, ok := local.Slot(ps.Role)
	if ok && KeepsKey(old, ps.Slot) {
		ps.KeepsLocalKey, ps.LocalKeyMasked = true, old.KeyMasked
		if key, err := s.keys.Get(ctx, old.KeyRef); err == nil && ps.KodusKeyMasked != "" && KodusMask(key.Reveal()) != ps.KodusKeyMasked {
			ps.LocalKeyDiffers = true
		}
		return ps
	}
	ps.NeedsKey = s.keyRequired(ps.Slot)
	return ps
}

// KodusMask is how Kodus masks a key it returns (find-by-key's maskApiKey):
// the first 2 and last 3 characters around "...", "••••" up to 6.
func KodusMask(key string) string {
	if len(key) <= 6 {
		return "••••"
	}
	return key[:2] + "..." + key[len(key)-3:]
}

// ApplyKodusPull saves the plan as the local profile; keys has the key for
// a slot that needs one, by role. A fallback without its key is left out.
func (s *Kodus) ApplyKodusPull(ctx context.Context, plan KodusPullPlan, keys map[string]string) (ProfileView, []string, error) {
	var notices []string
	save := func(ps KodusPullSlot) error {
		var key *string
		if k := keys[ps.Role]; k != "" {
			key = &k
		}
		res, err := s.profiles().Save(ctx, SaveRequest{Profile: plan.Profile, Slot: ps.Role, Config: ps.Slot, Key: key})
		notices = append(notices, prefix(ps.Role+": ", res.Notices)...)
		return err
	}
	if plan.Main.NeedsKey && keys[profile.SlotMain] == "" {
		return ProfileView{}, nil, &profile.FieldError{Field: "apiKey", Rule: fmt.Sprintf("Kodus returns keys masked (%s): give the Main key (%s) to pull it", plan.Main.KodusKeyMasked, s.providerName(plan.Main.Slot.Provider))}
	}
	if err := save(plan.Main); err != nil {
		return ProfileView{}, notices, err
	}
	if fb := plan.Fallback; fb != nil {
		if fb.NeedsKey && keys[profile.SlotFallback] == "" {
			notices = append(notices, fmt.Sprintf("the fallback (%s, %s) is not pulled: it needs its key; add it with kodus-byok profile set %s --slot fallback --provider %s --model %s --key-stdin", fb.Slot.Model, s.providerName(fb.Slot.Provider), plan.Profile, fb.Slot.Provider, fb.Slot.Model))
		} else if err := save(*fb); err != nil {
			return ProfileView{}, notices, err
		}
	} else if p, err := s.store.Profile(plan.Profile); err == nil && p.Fallback != nil {
		if _, n, err := s.profiles().DeleteFallback(ctx, plan.Profile); err == nil {
			notices = append(notices, "the local fallback is removed: Kodus has none")
			notices = append(notices, n...)
		}
	}
	v, err := s.profiles().Get(plan.Profile)
	return v, nonNil(notices), err
}
