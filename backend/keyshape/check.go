package keyshape

import (
	"net/url"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Target is the slot a key is being pasted into: the chosen provider,
// catalog model (card), plan and endpoint.
type Target struct {
	Provider string `json:"provider"`
	Model    string `json:"model"`
	Plan     string `json:"plan"`
	BaseURL  string `json:"baseURL"`
}

// Fit values of a Verdict.
const (
	// FitOK: the key fits the slot, or there is nothing sure to say.
	FitOK = "ok"
	// FitMismatch: the key surely belongs elsewhere; Suggestion says where.
	FitMismatch = "mismatch"
	// FitUnexpected: the slot's keys always have a shape this key lacks,
	// but what the key is remains unsure (no switch is offered).
	FitUnexpected = "unexpected"
)

// Suggestion is where a key belongs in the catalog: a card and plan, or a
// provider of the manual path when no card serves it (Model empty).
type Suggestion struct {
	Brand        Brand  `json:"brand"`
	Provider     string `json:"provider"`
	ProviderName string `json:"providerName"`
	Model        string `json:"model,omitempty"`
	ModelName    string `json:"modelName,omitempty"`
	Plan         string `json:"plan,omitempty"`
	PlanLabel    string `json:"planLabel,omitempty"`
}

// Label names the destination: "Claude Sonnet 4.6", "Kimi K2.6 · Kimi Code
// Plan", or the provider of the manual path.
func (s Suggestion) Label() string {
	switch {
	case s.Model == "":
		return s.ProviderName
	case s.PlanLabel != "":
		return s.ModelName + " · " + s.PlanLabel
	default:
		return s.ModelName
	}
}

// Verdict says whether a key fits the slot it is pasted into.
type Verdict struct {
	Guess      Guess       `json:"guess"`
	Fit        string      `json:"fit"`
	Message    string      `json:"message,omitempty"`
	Suggestion *Suggestion `json:"suggestion,omitempty"`
}

// Check recognises raw and compares it with the slot. It never switches
// anything: it only says where the key seems to belong.
func Check(raw string, t Target, cat *catalog.Catalog) Verdict {
	key, _, err := secrets.Clean(raw)
	if err != nil {
		// Nothing to judge yet; the key field reports the cleaning error.
		return Verdict{Guess: Guess{Confidence: None, Reason: err.Error()}, Fit: FitOK}
	}
	g := recognizeClean(key)
	v := Verdict{Guess: g, Fit: FitOK}
	want, ok := expected(t, cat)
	if !ok {
		return v // a local server or proxy takes any key
	}
	if g.Confidence.Sure() {
		if fits(want, g.Brand) {
			return v
		}
		if s, ok := Suggest(g.Brand, t, cat); ok {
			v.Fit, v.Suggestion = FitMismatch, &s
			v.Message = "This looks like " + g.Brand.Phrase() + " — switch?"
			return v
		}
		return v
	}
	if fitsLoosely(want, g) {
		return v
	}
	if exp := brands[want].expect; exp != "" {
		v.Fit = FitUnexpected
		v.Message = "This doesn't look like " + brands[want].phrase + ": " + exp + "."
		if len(g.Candidates) > 0 {
			v.Message += " It could be a key from " + orList(g.Candidates) + "."
		}
	}
	return v
}

// fits says whether a surely recognised brand is accepted where want keys go.
func fits(want, got Brand) bool {
	// Vertex's express mode takes a Google API key; Bedrock takes IAM keys too.
	return want == got || (want == Vertex && got == Google) || (want == Bedrock && got == AWSIAM)
}

// fitsLoosely judges an unsure key: plain sk- keys suit the providers that
// issue them, and a brand without a certain shape accepts anything.
func fitsLoosely(want Brand, g Guess) bool {
	if brands[want].expect == "" {
		return true
	}
	if g.Confidence == Low {
		for _, b := range ambiguous {
			if b == want {
				return true
			}
		}
	}
	return false
}

// expected is the brand whose keys the slot takes; false when the slot's
// endpoint is not a known cloud (a local server or a proxy takes any key).
func expected(t Target, cat *catalog.Catalog) (Brand, bool) {
	host := hostOf(effectiveBaseURL(t, cat))
	switch t.Provider {
	case catalog.GoogleVertex:
		return Vertex, true
	case catalog.AmazonBedrock:
		return Bedrock, true
	case catalog.Anthropic, catalog.GoogleGemini, catalog.OpenRouter, catalog.Novita, catalog.OpenAI:
		for b, info := range brands {
			if info.provider == t.Provider && (host == "" || host == info.host) {
				return b, true
			}
		}
		return "", false // a proxy in front of the provider
	case catalog.OpenAICompatible, catalog.AnthropicCompatible, catalog.Moonshot, catalog.Zai:
		return brandForHost(host)
	}
	return "", false
}

func brandForHost(host string) (Brand, bool) {
	switch host {
	case "api.moonshot.cn":
		return Moonshot, true
	case "open.bigmodel.cn":
		return ZAI, true
	}
	for b, info := range brands {
		if info.host != "" && info.host == host {
			return b, true
		}
	}
	return "", false
}

// effectiveBaseURL is the endpoint the slot will call: its own base URL,
// else its plan's, else the card's default, else the provider's.
func effectiveBaseURL(t Target, cat *catalog.Catalog) string {
	if strings.TrimSpace(t.BaseURL) != "" {
		return t.BaseURL
	}
	if m, ok := cat.ModelForSlot(t.Provider, t.Model); ok {
		if v, ok := m.Variant(t.Plan); ok && v.BaseURL != "" {
			return v.BaseURL
		}
		if m.Defaults.BaseURL != "" {
			return m.Defaults.BaseURL
		}
	}
	if p, ok := cat.Provider(t.Provider); ok {
		return p.DefaultBaseURL
	}
	return ""
}

func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// Suggest maps a brand to the catalog: the first recommended card served
// by its provider (and, for OpenAI-compatible clouds, its API host) with
// the matching plan; else the provider alone, for the manual path. The
// slot's own card is preferred when it serves the brand on another plan.
func Suggest(b Brand, t Target, cat *catalog.Catalog) (Suggestion, bool) {
	info, ok := brands[b]
	if !ok {
		return Suggestion{}, false
	}
	s := Suggestion{Brand: b, Provider: info.provider, ProviderName: info.name}
	cards := cat.Recommended()
	if cur, ok := cat.ModelForSlot(t.Provider, t.Model); ok {
		cards = append([]catalog.Model{cur}, cards...)
	}
	for _, m := range cards {
		// A cloud reached over openai_compatible on one Kodus line is its
		// own provider on another (Kodus latest's moonshot and zai): the
		// card serving the brand's host decides.
		hosted := info.provider == catalog.OpenAICompatible && info.host != "" && m.Provider != catalog.OpenAICompatible
		if m.Provider != info.provider && !hosted {
			continue
		}
		plan, ok := planFor(m, info.host)
		if !ok || (hosted && len(m.Variants) == 0 && hostOf(m.Defaults.BaseURL) != info.host) {
			continue
		}
		s.Provider = m.Provider
		s.Model, s.ModelName = m.ID, m.DisplayName
		if plan != nil {
			s.Plan, s.PlanLabel = plan.ID, plan.Label
		}
		return s, true
	}
	if info.provider == catalog.OpenAICompatible {
		return Suggestion{}, false // no card, and the manual path would need the endpoint
	}
	if p, ok := cat.Provider(info.provider); ok {
		s.ProviderName = p.DisplayName
	}
	return s, true
}

// planFor says whether card m serves host and on which plan (nil when the
// card has no plans). The default plan wins when several match.
func planFor(m catalog.Model, host string) (*catalog.Variant, bool) {
	if len(m.Variants) == 0 {
		return nil, m.Provider != catalog.OpenAICompatible || hostOf(m.Defaults.BaseURL) == host
	}
	var found *catalog.Variant
	for i := range m.Variants {
		v := &m.Variants[i]
		if hostOf(v.BaseURL) != host {
			continue
		}
		if v.ID == m.DefaultVariantID {
			return v, true
		}
		if found == nil {
			found = v
		}
	}
	return found, found != nil
}

func orList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
