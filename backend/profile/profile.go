// Package profile defines a saved setup: a named profile with a Main slot
// and an optional Fallback slot, mirroring Kodus's BYOK config
// ({main, fallback?}). JSON field names follow Kodus's data model so that
// exports and `--json` output read the same as Kodus's own.
package profile

import (
	"fmt"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// Slot names.
const (
	SlotMain     = "main"
	SlotFallback = "fallback"
)

// Reasoning effort values. Kodus stores "none" for Off; we accept it as an
// alias and store "off".
const (
	EffortOff    = "off"
	EffortLow    = "low"
	EffortMedium = "medium"
	EffortHigh   = "high"
	EffortCustom = "custom"
)

// Efforts lists the valid reasoning effort values in UI order.
var Efforts = []string{EffortOff, EffortLow, EffortMedium, EffortHigh, EffortCustom}

// Settings are a slot's model settings: everything but the key. The
// stored slot, the GUI's editable form and the shown view all embed them,
// so each field is written once; encoding/json and Wails' TypeScript
// generator flatten the embedding, so the wire shapes are unchanged.
type Settings struct {
	Provider                 string   `json:"provider"`
	Model                    string   `json:"model"`
	Plan                     string   `json:"plan,omitempty"`
	BaseURL                  string   `json:"baseURL,omitempty"`
	Temperature              *float64 `json:"temperature,omitempty"`
	MaxOutputTokens          *int     `json:"maxOutputTokens,omitempty"`
	MaxInputTokens           *int     `json:"maxInputTokens,omitempty"`
	ReasoningEffort          string   `json:"reasoningEffort,omitempty"`
	ReasoningConfigOverride  string   `json:"reasoningConfigOverride,omitempty"`
	MaxConcurrentRequests    *int     `json:"maxConcurrentRequests,omitempty"`
	OpenRouterProviderOrder  []string `json:"openrouterProviderOrder,omitempty"`
	OpenRouterAllowFallbacks *bool    `json:"openrouterAllowFallbacks,omitempty"`
	VertexLocation           string   `json:"vertexLocation,omitempty"`
	// AWSRegion and AWSAuth are Amazon Bedrock's region and auth kind
	// (apiKey: a Bedrock API key; iam: IAM access keys). The secrets
	// themselves are the slot's key, in the keychain.
	AWSRegion string `json:"awsRegion,omitempty"`
	AWSAuth   string `json:"awsAuth,omitempty"`
}

// Slot is one model configuration. The key itself is never here: KeyRef
// names the keychain item and KeyMasked is the display form.
type Slot struct {
	Settings
	KeyRef    string `json:"keyRef,omitempty"`
	KeyMasked string `json:"keyMasked,omitempty"`
}

// HasKey reports whether a key is stored in the keychain for this slot.
func (s Slot) HasKey() bool { return s.KeyRef != "" }

// Profile is a named setup with a Main slot and an optional Fallback.
type Profile struct {
	Name      string    `json:"name"`
	Main      Slot      `json:"main"`
	Fallback  *Slot     `json:"fallback,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Slot returns the named slot, or false if it is not set.
func (p Profile) Slot(name string) (Slot, bool) {
	switch name {
	case SlotMain:
		return p.Main, p.Main.Provider != ""
	case SlotFallback:
		if p.Fallback != nil {
			return *p.Fallback, true
		}
	}
	return Slot{}, false
}

// SetSlot replaces the named slot.
func (p *Profile) SetSlot(name string, s Slot) {
	if name == SlotFallback {
		p.Fallback = &s
		return
	}
	p.Main = s
}

var nameRE = lazyre.New(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ValidateName checks a profile name: it becomes part of keychain item
// names, so it is kept to a portable character set.
func ValidateName(name string) error {
	if !nameRE.MatchString(name) {
		return &FieldError{Field: "name", Rule: "1-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit", Value: name}
	}
	return nil
}

// ValidateSlotName checks a slot name.
func ValidateSlotName(slot string) error {
	if slot != SlotMain && slot != SlotFallback {
		return &FieldError{Field: "slot", Rule: "must be main or fallback", Value: slot}
	}
	return nil
}

// NormalizeEffort maps accepted spellings to the stored value ("none" →
// "off", case-insensitive); an unknown value is returned unchanged so that
// validation can name it.
func NormalizeEffort(e string) string {
	e = strings.ToLower(strings.TrimSpace(e))
	if e == "none" {
		return EffortOff
	}
	return e
}

// KeyRef is the keychain item name for a profile slot.
func KeyRef(profileName, slot string) string {
	return fmt.Sprintf("profile.%s.%s", profileName, slot)
}

// Ptr returns a pointer to v, for optional fields.
func Ptr[T any](v T) *T { return &v }
