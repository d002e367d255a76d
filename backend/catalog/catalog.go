// Package catalog is the schema of Kodus's curated model catalog (cards,
// tiers, defaults, plan variants) and of the providers of the manual path,
// with the look-ups every feature shares. The data itself belongs to a
// Kodus release line: backend/kodusline embeds one catalog per line.
package catalog

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Provider ids exactly as Kodus stores them (BYOKProvider enum).
const (
	OpenAI           = "openai"
	Anthropic        = "anthropic"
	GoogleGemini     = "google_gemini"
	GoogleVertex     = "google_vertex"
	OpenRouter       = "open_router"
	Novita           = "novita"
	OpenAICompatible = "openai_compatible"
	// Providers of the current Kodus line: the Anthropic protocol at a
	// root URL (Kimi and GLM brands, and any other such endpoint).
	AnthropicCompatible = "anthropic_compatible"
	Moonshot            = "moonshot"
	Zai                 = "zai"
	// The cloud providers: Amazon Bedrock (a Bedrock API key or IAM keys,
	// and a region) and Azure OpenAI (a key, the resource endpoint and a
	// deployment name as the model).
	AmazonBedrock = "amazon_bedrock"
	Azure         = "azure"
)

// Tiers as in Kodus's curated-models.json.
const (
	TierRecommended = "recommended"
	TierBestValue   = "bestValue"
	TierBudget      = "budget"
	TierOther       = "other"
)

// Provider describes one provider of the manual path.
type Provider struct {
	ID              string   `json:"id"`
	DisplayName     string   `json:"displayName"`
	DefaultBaseURL  string   `json:"defaultBaseURL"`
	RequiresBaseURL bool     `json:"requiresBaseURL"`
	RequiresKey     bool     `json:"requiresKey"`
	KeyURL          string   `json:"keyURL"`
	KeyHint         string   `json:"keyHint"`
	Beta            bool     `json:"beta,omitempty"`
	BaseURLExamples []string `json:"baseURLExamples,omitempty"`
	// MaxConcurrentReason says why the concurrency pre-fill is empty for
	// this provider (it enforces its own limits).
	MaxConcurrentReason string `json:"maxConcurrentReason,omitempty"`
}

// Defaults are the pre-tuned settings a catalog model fills in.
type Defaults struct {
	Temperature     *float64 `json:"temperature,omitempty"`
	MaxOutputTokens *int     `json:"maxOutputTokens,omitempty"`
	ReasoningEffort string   `json:"reasoningEffort,omitempty"`
	BaseURL         string   `json:"baseURL,omitempty"`
}

// Variant is one plan of a model (GLM and Kimi): its own endpoint and
// concurrency pre-fill, and for Kimi Code its own model id.
type Variant struct {
	ID                    string   `json:"id"`
	Label                 string   `json:"label"`
	Description           string   `json:"description"`
	BaseURL               string   `json:"baseURL"`
	APIKeyURL             string   `json:"apiKeyUrl,omitempty"`
	MaxConcurrentRequests *int     `json:"maxConcurrentRequests,omitempty"`
	MaxConcurrentReason   string   `json:"maxConcurrentReason,omitempty"`
	Model                 string   `json:"model,omitempty"`
	Notes                 []string `json:"notes,omitempty"`

	// MaxConcurrentLimit is the most concurrent requests any tier of the
	// plan allows, when the provider documents it.
	MaxConcurrentLimit *int `json:"maxConcurrentLimit,omitempty"`
	// ConcurrencyTiers split a plan whose tiers share one key and endpoint
	// (GLM Coding Plan Lite/Pro vs Max) but not the same limit.
	ConcurrencyTiers []ConcurrencyTier `json:"concurrencyTiers,omitempty"`
	// Provider is Kodus's transport override for this plan (its catalog
	// schema's variant.provider); "" keeps the model's provider.
	Provider string `json:"provider,omitempty"`
	// FixedModeBaseURL is the OpenAI-compatible endpoint of the same plan,
	// for a .env: Fixed Mode speaks only the OpenAI-compatible protocol to
	// non-Claude models, so it cannot reach an Anthropic-protocol endpoint.
	FixedModeBaseURL string `json:"fixedModeBaseURL,omitempty"`
}

// ConcurrencyTier is one subscription tier of a plan: its pre-fill, the
// most it allows and why.
type ConcurrencyTier struct {
	Label                 string `json:"label"`
	MaxConcurrentRequests int    `json:"maxConcurrentRequests"`
	Limit                 int    `json:"limit"`
	Reason                string `json:"reason"`
}

// Model is one catalog card.
type Model struct {
	ID                  string    `json:"id"`
	Aliases             []string  `json:"aliases,omitempty"`
	DisplayName         string    `json:"displayName"`
	Provider            string    `json:"provider"`
	ProviderKey         string    `json:"providerKey,omitempty"`
	ProviderDisplayName string    `json:"providerDisplayName,omitempty"`
	Tier                string    `json:"tier"`
	RecommendationLabel string    `json:"recommendationLabel,omitempty"`
	Description         string    `json:"description"`
	ContextWindow       int       `json:"contextWindow"`
	BenchmarkScore      int       `json:"benchmarkScore,omitempty"`
	CostTier            string    `json:"costTier,omitempty"`
	APIKeyURL           string    `json:"apiKeyUrl"`
	DocsURL             string    `json:"docsUrl,omitempty"`
	Defaults            Defaults  `json:"defaults"`
	DefaultVariantID    string    `json:"defaultVariantId,omitempty"`
	Variants            []Variant `json:"variants,omitempty"`
	Notes               []string  `json:"notes,omitempty"`
}

// Recommended reports whether the model is one of Kodus's curated picks.
func (m Model) Recommended() bool { return m.Tier == TierRecommended }

// ModelFor is the model id plan v of m calls: the plan's own, else m's.
func (m Model) ModelFor(v Variant) string {
	if v.Model != "" {
		return v.Model
	}
	return m.ID
}

// Variant returns the plan with the given id.
func (m Model) Variant(id string) (Variant, bool) {
	for _, v := range m.Variants {
		if v.ID == id {
			return v, true
		}
	}
	return Variant{}, false
}

// VariantIDs lists the plan ids of the model.
func (m Model) VariantIDs() []string {
	ids := make([]string, 0, len(m.Variants))
	for _, v := range m.Variants {
		ids = append(ids, v.ID)
	}
	return ids
}

// ProviderLabel is the brand shown on the card: "Z.ai" rather than
// "OpenAI-compatible" when the catalog names one.
func (m Model) ProviderLabel(c *Catalog) string {
	if m.ProviderDisplayName != "" {
		return m.ProviderDisplayName
	}
	if p, ok := c.Provider(m.Provider); ok {
		return p.DisplayName
	}
	return m.Provider
}

// Catalog is one Kodus line's whole catalog.
type Catalog struct {
	// KodusLine names the Kodus release line the catalog belongs to.
	KodusLine string     `json:"kodusLine,omitempty"`
	Version   string     `json:"version"`
	Updated   string     `json:"updated"`
	Source    string     `json:"source"`
	Providers []Provider `json:"providers"`
	Models    []Model    `json:"models"`
}

// Parse reads and checks catalog JSON.
func Parse(data []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("parse catalog: %w", err)
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Checked is a catalog built in Go (generated from its JSON), checked as
// Parse checks one.
func Checked(c *Catalog) (*Catalog, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Catalog) check() error {
	if c.Version == "" || c.Updated == "" {
		return fmt.Errorf("catalog: version and updated are required")
	}
	providers := map[string]bool{}
	for _, p := range c.Providers {
		if p.ID == "" || providers[p.ID] {
			return fmt.Errorf("catalog: empty or duplicate provider id %q", p.ID)
		}
		providers[p.ID] = true
	}
	ids := map[string]bool{}
	for _, m := range c.Models {
		names := append([]string{m.ID}, m.Aliases...)
		for _, id := range names {
			if id == "" || ids[id] {
				return fmt.Errorf("catalog: empty or duplicate model id %q", id)
			}
			ids[id] = true
		}
		if !providers[m.Provider] {
			return fmt.Errorf("catalog: model %s has unknown provider %q", m.ID, m.Provider)
		}
		if len(m.Variants) > 0 {
			if _, ok := m.Variant(m.DefaultVariantID); !ok {
				return fmt.Errorf("catalog: model %s has no default variant %q", m.ID, m.DefaultVariantID)
			}
		}
		for _, v := range m.Variants {
			if v.Provider != "" && !providers[v.Provider] {
				return fmt.Errorf("catalog: plan %s of %s has unknown provider %q", v.ID, m.ID, v.Provider)
			}
		}
	}
	return nil
}

// Provider returns the provider with the given id.
func (c *Catalog) Provider(id string) (Provider, bool) {
	for _, p := range c.Providers {
		if p.ID == id {
			return p, true
		}
	}
	return Provider{}, false
}

// ProviderIDs lists the provider ids in catalog order.
func (c *Catalog) ProviderIDs() []string {
	ids := make([]string, 0, len(c.Providers))
	for _, p := range c.Providers {
		ids = append(ids, p.ID)
	}
	return ids
}

// Model finds a model by id or alias (case-insensitive, trimmed).
func (c *Catalog) Model(id string) (Model, bool) {
	id = strings.ToLower(strings.TrimSpace(id))
	for _, m := range c.Models {
		if strings.ToLower(m.ID) == id {
			return m, true
		}
		for _, a := range m.Aliases {
			if strings.ToLower(a) == id {
				return m, true
			}
		}
	}
	return Model{}, false
}

// ModelForSlot finds the catalog card a saved slot came from: by model id,
// or by a plan's own model id (Kimi Code's kimi-for-coding), for the given
// provider.
func (c *Catalog) ModelForSlot(provider, model string) (Model, bool) {
	if m, ok := c.Model(model); ok && m.Provider == provider {
		return m, true
	}
	for _, m := range c.Models {
		if m.Provider != provider {
			continue
		}
		for _, v := range m.Variants {
			if v.Model != "" && strings.EqualFold(v.Model, strings.TrimSpace(model)) {
				return m, true
			}
		}
	}
	return Model{}, false
}

// Recommended returns the recommended models in catalog order.
func (c *Catalog) Recommended() []Model { return c.filter(true) }

// Others returns the non-recommended models, best tiers first.
func (c *Catalog) Others() []Model {
	others := c.filter(false)
	rank := map[string]int{TierBestValue: 0, TierBudget: 1, TierOther: 2}
	sort.SliceStable(others, func(i, j int) bool { return rank[others[i].Tier] < rank[others[j].Tier] })
	return others
}

func (c *Catalog) filter(recommended bool) []Model {
	var out []Model
	for _, m := range c.Models {
		if m.Recommended() == recommended {
			out = append(out, m)
		}
	}
	return out
}

// PlanForBaseURL returns the plan of a model whose endpoint matches the
// given base URL (ignoring a trailing slash), so an edited slot re-selects
// its plan.
func (m Model) PlanForBaseURL(baseURL string) (Variant, bool) {
	norm := func(s string) string { return strings.TrimRight(strings.TrimSpace(s), "/") }
	for _, v := range m.Variants {
		if norm(v.BaseURL) == norm(baseURL) {
			return v, true
		}
	}
	return Variant{}, false
}
