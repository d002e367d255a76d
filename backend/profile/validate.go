package profile

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/lazyre"
	"github.com/kodusbyok/studio/backend/thinking"
)

// FieldError is one rejected field: which field, which rule, and the value
// that broke it (never a key).
type FieldError struct {
	Field string `json:"field"`
	Rule  string `json:"rule"`
	Value string `json:"value,omitempty"`
}

func (e *FieldError) Error() string {
	if e.Value != "" {
		return fmt.Sprintf("%s: %s (got %q)", e.Field, e.Rule, e.Value)
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Rule)
}

// Errors is every field error of one validation, in field order.
type Errors []*FieldError

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// AsFieldErrors extracts field errors from err (a *FieldError or Errors),
// or nil when err is of another kind.
func AsFieldErrors(err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return Errors{fe}
	}
	return nil
}

// Limits beyond which a number is certainly a typo. Kodus sets no upper
// bound (its gap: huge values are accepted silently).
const (
	MaxTokensLimit      = 10_000_000
	MaxConcurrencyLimit = 10_000
)

var (
	vertexLocationRE = lazyre.New(`^[a-z0-9-]{2,32}$`)
	spaceRE          = lazyre.New(`\s`)
)

// Normalize trims free-text fields and maps spellings (effort "none" →
// "off"), so that validation sees what will be stored.
func Normalize(s Slot) Slot {
	s.Provider = strings.TrimSpace(s.Provider)
	s.Model = strings.TrimSpace(s.Model)
	s.Plan = strings.TrimSpace(s.Plan)
	s.BaseURL = strings.TrimSpace(s.BaseURL)
	s.VertexLocation = strings.TrimSpace(s.VertexLocation)
	s.AWSRegion = strings.ToLower(strings.TrimSpace(s.AWSRegion))
	s.AWSAuth = bedrock.NormalizeAuth(s.AWSAuth)
	s.ReasoningEffort = NormalizeEffort(s.ReasoningEffort)
	// Only trailing space goes: leading lines stay so that an error's line
	// and column match what the user typed.
	s.ReasoningConfigOverride = strings.TrimRightFunc(s.ReasoningConfigOverride, unicode.IsSpace)
	var order []string
	for _, name := range s.OpenRouterProviderOrder {
		if n := strings.TrimSpace(name); n != "" {
			order = append(order, n)
		}
	}
	s.OpenRouterProviderOrder = order
	return s
}

// Validate checks a normalized slot against a Kodus line's catalog and
// rules and returns every problem at once (Errors), or nil.
func Validate(s Slot, line *kodusline.Line) error {
	var es Errors
	es.checkModel(s, line.Catalog())
	if t := s.Temperature; t != nil && (math.IsNaN(*t) || *t < 0 || *t > 2) {
		es.add("temperature", "must be between 0 and 2", fmt.Sprint(*t))
	}
	es.checkCount("maxOutputTokens", s.MaxOutputTokens, MaxTokensLimit)
	es.checkCount("maxInputTokens", s.MaxInputTokens, MaxTokensLimit)
	es.checkCount("maxConcurrentRequests", s.MaxConcurrentRequests, MaxConcurrencyLimit)
	es.checkReasoning(s, line)
	es.checkProviderFields(s)
	es = append(es, validateCloud(s)...)
	if len(es) == 0 {
		return nil
	}
	return es
}

func (es *Errors) add(field, rule, value string) {
	*es = append(*es, &FieldError{Field: field, Rule: rule, Value: value})
}

// checkModel checks the provider, model, plan and base URL.
func (es *Errors) checkModel(s Slot, cat *catalog.Catalog) {
	prov, known := cat.Provider(s.Provider)
	switch {
	case s.Provider == "":
		es.add("provider", "is required; one of "+strings.Join(cat.ProviderIDs(), ", "), "")
	case !known:
		es.add("provider", "must be one of "+strings.Join(cat.ProviderIDs(), ", "), s.Provider)
	}

	switch {
	case s.Model == "":
		es.add("model", "is required", "")
	case spaceRE.MatchString(s.Model):
		es.add("model", "must not contain spaces", s.Model)
	case strings.EqualFold(s.Model, "auto"):
		es.add("model", "must be a real model id: \"auto\" is Kodus's switch for managed mode", s.Model)
	case len(s.Model) > 256:
		es.add("model", "must be at most 256 characters", s.Model[:32]+"…")
	}

	if s.Plan != "" {
		m, ok := cat.ModelForSlot(s.Provider, s.Model)
		switch {
		case !ok || len(m.Variants) == 0:
			es.add("plan", "applies only to catalog models with plans ("+plannedModels(cat)+")", s.Plan)
		default:
			if _, ok := m.Variant(s.Plan); !ok {
				es.add("plan", "must be one of "+strings.Join(m.VariantIDs(), ", ")+" for "+m.ID, s.Plan)
			}
		}
	}

	if s.BaseURL == "" {
		if known && prov.RequiresBaseURL && s.Provider != catalog.Azure {
			es.add("baseURL", "is required for "+prov.DisplayName+" (e.g. http://localhost:11434/v1 for Ollama)", "")
		}
	} else if rule := checkBaseURL(s.BaseURL); rule != "" {
		es.add("baseURL", rule, s.BaseURL)
	}
}

func (es *Errors) checkCount(field string, v *int, limit int) {
	switch {
	case v == nil:
	case *v < 0:
		es.add(field, "must be a whole number ≥ 0", fmt.Sprint(*v))
	case *v > limit:
		es.add(field, fmt.Sprintf("must be at most %d", limit), fmt.Sprint(*v))
	}
}

// checkReasoning checks the thinking level and the custom override.
func (es *Errors) checkReasoning(s Slot, line *kodusline.Line) {
	if s.ReasoningEffort != "" && !slices.Contains(Efforts, s.ReasoningEffort) {
		es.add("reasoningEffort", "must be one of "+strings.Join(Efforts, ", "), s.ReasoningEffort)
	}
	switch {
	case s.ReasoningEffort == EffortCustom && strings.TrimSpace(s.ReasoningConfigOverride) == "":
		es.add("reasoningConfigOverride", "is required when reasoningEffort is custom (a JSON object)", "")
	case s.ReasoningEffort == EffortCustom:
		// The same check as the GUI's live preview: line, column and the
		// provider's documented values. Kodus would silently drop it.
		if err := thinking.CheckOverride(line, s.Provider, s.Model, s.ReasoningConfigOverride); err != nil {
			es.add("reasoningConfigOverride", err.Error(), "")
		}
	case s.ReasoningConfigOverride != "":
		es.add("reasoningConfigOverride", "is used only when reasoningEffort is custom: choose custom, or remove the JSON", "")
	}
	if slices.Contains([]string{EffortLow, EffortMedium, EffortHigh}, s.ReasoningEffort) {
		if _, err := thinking.Build(thinking.Input{Line: line, Provider: s.Provider, Model: s.Model, Effort: s.ReasoningEffort}); err != nil {
			var pe *thinking.PickerError
			if errors.As(err, &pe) {
				es.add("reasoningEffort", pe.Error(), s.ReasoningEffort)
			}
		}
	}
}

// checkProviderFields refuses the fields of another provider.
func (es *Errors) checkProviderFields(s Slot) {
	if s.Provider != catalog.OpenRouter {
		if len(s.OpenRouterProviderOrder) > 0 {
			es.add("openrouterProviderOrder", "applies only to provider open_router", strings.Join(s.OpenRouterProviderOrder, ","))
		}
		if s.OpenRouterAllowFallbacks != nil {
			es.add("openrouterAllowFallbacks", "applies only to provider open_router", fmt.Sprint(*s.OpenRouterAllowFallbacks))
		}
	}
	if s.VertexLocation != "" {
		switch {
		case s.Provider != catalog.GoogleVertex:
			es.add("vertexLocation", "applies only to provider google_vertex", s.VertexLocation)
		case !vertexLocationRE.MatchString(s.VertexLocation):
			es.add("vertexLocation", "must be a region such as us-central1 or global (lower-case letters, digits, '-')", s.VertexLocation)
		}
	}
}

// plannedModels names the catalog cards with plans, for the plan rule.
func plannedModels(cat *catalog.Catalog) string {
	var names []string
	for _, m := range cat.Models {
		if len(m.Variants) > 0 && m.Recommended() {
			names = append(names, m.DisplayName)
		}
	}
	return strings.Join(names, ", ")
}

// checkBaseURL returns the broken rule, or "" when the URL is fine. Plain
// http and private addresses are allowed on purpose: local servers
// (Ollama, vLLM, LM Studio) are a main use of this app.
func checkBaseURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "must be a valid URL"
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "must start with http:// or https://"
	}
	if u.Host == "" || u.Hostname() == "" {
		return "must include a host name"
	}
	if u.User != nil {
		return "must not contain credentials: put the key in the key field"
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "must not contain a query string or fragment"
	}
	return ""
}
