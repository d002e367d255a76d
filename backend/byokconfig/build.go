package byokconfig

import (
	"encoding/json"
	"fmt"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/thinking"
)

// Slot is one profile slot to export, with its key (read only when the
// user asked for keys).
type Slot struct {
	Role string // profile.SlotMain or profile.SlotFallback
	Slot profile.Slot
	Key  secrets.Secret
}

// Warning is something in the export the user's Kodus will refuse or do
// differently from what the profile says.
type Warning struct {
	Slot    string `json:"slot"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

// Export is a profile as one line's BYOK config: V1 or V2 is set, by the
// line's shape. It marshals as the config itself.
type Export struct {
	Line     string    `json:"-"`
	Shape    int       `json:"-"`
	V1       *V1       `json:"-"`
	V2       *V2       `json:"-"`
	Notes    []string  `json:"-"`
	Warnings []Warning `json:"-"`
}

// MarshalJSON writes the config alone, exactly what Kodus reads.
func (e Export) MarshalJSON() ([]byte, error) {
	if e.V2 != nil {
		return json.Marshal(e.V2)
	}
	return json.Marshal(e.V1)
}

// Build turns a profile's slots into the line's BYOK config. Keys are
// written only with withKeys. IDs derive from the profile name, so an
// export is stable and a later apply replaces its own entries.
func Build(line *kodusline.Line, profileName string, main Slot, fallback *Slot, withKeys bool) Export {
	e := Export{Line: line.ID, Shape: line.BYOK.Shape}
	slots := []Slot{main}
	if fallback != nil {
		slots = append(slots, *fallback)
	}
	for _, s := range slots {
		e.Warnings = append(e.Warnings, warnings(line, s)...)
		e.Warnings = append(e.Warnings, cloudWarnings(line, s)...)
	}
	if line.BYOK.Shape == Version2 {
		e.V2, e.Notes = buildV2(line, profileName, slots, withKeys)
	} else {
		e.V1, e.Notes = buildV1(slots, withKeys)
	}
	for _, s := range slots {
		e.Notes = append(e.Notes, cloudNotes(s, withKeys)...)
	}
	return e
}

// buildV1 is the {main, fallback} shape: Kodus's UI stored nothing for
// Off, only the override text for Custom, and the fallback slot has no
// reasoning or routing fields.
func buildV1(slots []Slot, withKeys bool) (*V1, []string) {
	var notes []string
	cfg := &V1{Main: v1Slot(slots[0], withKeys, true)}
	if len(slots) > 1 {
		fb := slots[1].Slot
		s := v1Slot(slots[1], withKeys, false)
		cfg.Fallback = &s
		if fb.ReasoningEffort != "" && fb.ReasoningEffort != profile.EffortOff {
			notes = append(notes, "the Fallback's thinking setting is left out: Kodus's BYOK fallback slot has no reasoning fields")
		}
		if len(fb.OpenRouterProviderOrder) > 0 || fb.OpenRouterAllowFallbacks != nil {
			notes = append(notes, "the Fallback's OpenRouter routing is left out: Kodus reads routing only from the main slot")
		}
	}
	if !withKeys {
		notes = append(notes, "keys are left out; Kodus keeps a stored key when a save has none")
	}
	return cfg, notes
}

func v1Slot(in Slot, withKeys, main bool) V1Slot {
	s := in.Slot
	out := V1Slot{
		Provider: s.Provider, Model: s.Model, BaseURL: s.BaseURL, Temperature: s.Temperature,
		MaxInputTokens: s.MaxInputTokens, MaxOutputTokens: s.MaxOutputTokens,
		MaxConcurrentRequests: s.MaxConcurrentRequests, VertexLocation: s.VertexLocation,
	}
	switch {
	case s.Provider == catalog.AmazonBedrock:
		f := bedrockFields(in, withKeys)
		out.BaseURL, out.AWSRegion = "", f.region
		out.AWSSecrets = f.AWSSecrets
	case withKeys:
		out.APIKey = in.Key.Reveal()
	}
	if main {
		switch s.ReasoningEffort {
		case profile.EffortLow, profile.EffortMedium, profile.EffortHigh:
			out.ReasoningEffort = s.ReasoningEffort
		case profile.EffortCustom:
			out.ReasoningConfigOverride = s.ReasoningConfigOverride
		}
		if s.Provider == catalog.OpenRouter {
			out.OpenRouterProviderOrder, out.OpenRouterAllowFallbacks = s.OpenRouterProviderOrder, s.OpenRouterAllowFallbacks
		}
	}
	return out
}

// buildV2 is {version: 2, credentials, models, routing}: one credential
// and one model per slot, Main as routing.defaultModelId and Fallback as
// routing.fallbackModelId, Off as reasoningEffort "none".
func buildV2(line *kodusline.Line, profileName string, slots []Slot, withKeys bool) (*V2, []string) {
	cfg := &V2{Version: Version2, Credentials: []Credential{}, Models: []Model{}, Routing: &Routing{}}
	var notes []string
	for _, in := range slots {
		s := in.Slot
		id := ModelID(profileName, in.Role)
		cred := Credential{ID: CredentialID(profileName, in.Role), Provider: s.Provider, Settings: settings(in, withKeys)}
		if withKeys && s.Provider != catalog.AmazonBedrock {
			k := in.Key.Reveal()
			cred.APIKey = &k
		}
		m := Model{
			ID: id, CredentialID: cred.ID, Model: s.Model, Temperature: s.Temperature,
			MaxInputTokens: s.MaxInputTokens, MaxOutputTokens: s.MaxOutputTokens, MaxConcurrentRequests: s.MaxConcurrentRequests,
		}
		switch s.ReasoningEffort {
		case profile.EffortLow, profile.EffortMedium, profile.EffortHigh:
			m.ReasoningEffort = s.ReasoningEffort
		case profile.EffortOff:
			m.ReasoningEffort = line.BYOK.OffEffort
		case profile.EffortCustom:
			m.ReasoningConfigOverride = s.ReasoningConfigOverride
		case "":
			notes = append(notes, fmt.Sprintf("%s: Thinking is not set, so reasoningEffort is left out and %s applies the model's default (%s)",
				in.Role, line.Name, thinking.FamilyDefault(line, s.Provider, s.Model)))
		}
		cfg.Credentials = append(cfg.Credentials, cred)
		cfg.Models = append(cfg.Models, m)
		if in.Role == profile.SlotFallback {
			cfg.Routing.FallbackModelID = id
		} else {
			cfg.Routing.DefaultModelID = id
		}
	}
	if !withKeys {
		notes = append(notes, "keys are left out: in a v2 config an empty apiKey keeps the key Kodus already stores for that credential id, and a new credential without one has no key until you paste it in Kodus")
	}
	return cfg, notes
}

// settings are the credential's provider-scoped settings of a slot.
func settings(in Slot, withKeys bool) *Settings {
	s := in.Slot
	out := Settings{BaseURL: s.BaseURL}
	if s.Provider == catalog.AmazonBedrock {
		f := bedrockFields(in, withKeys)
		return &Settings{AWSRegion: f.region, AWSSecrets: f.AWSSecrets}
	}
	if s.Provider == catalog.GoogleVertex {
		out.VertexLocation = s.VertexLocation
	}
	if s.Provider == catalog.OpenRouter {
		out.OpenRouterProviderOrder, out.OpenRouterAllowFallbacks = s.OpenRouterProviderOrder, s.OpenRouterAllowFallbacks
	}
	if out.BaseURL == "" && out.VertexLocation == "" && len(out.OpenRouterProviderOrder) == 0 && out.OpenRouterAllowFallbacks == nil {
		return nil
	}
	return &out
}

// ModelID and CredentialID are the ids an export gives a profile slot.
func ModelID(profileName, role string) string { return profileName + "-" + role }

// CredentialID is the id of a profile slot's credential.
func CredentialID(profileName, role string) string { return profileName + "-" + role + "-credential" }

// warnings say what the line's Kodus refuses in a slot: a provider it
// does not know, a base URL its rules refuse, a setting its Test refuses.
func warnings(line *kodusline.Line, in Slot) []Warning {
	s := in.Slot
	var out []Warning
	if !line.KnowsProvider(s.Provider) {
		out = append(out, Warning{Slot: in.Role, Code: "unknown-provider",
			Message: fmt.Sprintf("%s has no provider %q: it refuses this slot", line.Name, s.Provider),
			Fix:     "Follow the Kodus line you run (`kodus-byok kodus line set`), or move the slot to a provider this line knows."})
	}
	for _, p := range line.CheckBYOKBaseURL(bedrockless(s)) {
		out = append(out, Warning{Slot: in.Role, Code: p.Code, Message: p.Message, Fix: p.Fix})
	}
	for _, is := range thinking.Tuning(line, s.Provider, s.Model, s.Temperature, s.ReasoningEffort) {
		out = append(out, Warning{Slot: in.Role, Code: "tuning-" + is.Field,
			Message: fmt.Sprintf("%s's Test refuses this slot: %s", line.Name, is.Message)})
	}
	return out
}

// bedrockless is the base URL Kodus would check: none for Amazon Bedrock,
// whose override stays in this app (cloudWarnings says so).
func bedrockless(s profile.Slot) string {
	if s.Provider == catalog.AmazonBedrock {
		return ""
	}
	return s.BaseURL
}
