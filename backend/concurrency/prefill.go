// Package concurrency tunes Kodus's maxConcurrentRequests: the pre-fill
// per plan (the table of Kodus's BYOK docs, https://docs.kodus.io/how_to_use/en/byok,
// read from the catalog so there is one source of truth), the docs' advice
// as rules applied to a profile, a probe that
// measures an endpoint's real concurrent-request cap with few billed
// requests, and a calculator of what a setting means for review time.
package concurrency

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
)

// Plan classes: the GLM and Kimi plans, known by their endpoint (a plan's
// id is the catalog's, which differs between Kodus lines: "paas" and
// "moonshot" on mid-2026, "developer" on the current line).
const (
	PlanZaiPaas   = "zai-developer"
	PlanZaiCoding = "zai-coding"
	PlanMoonshot  = "moonshot-developer"
	PlanKimiCode  = "kimi-code"
)

// ClassOf is the plan class an endpoint belongs to, "" for none.
func ClassOf(baseURL string) string {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil {
		return ""
	}
	switch host := strings.ToLower(u.Hostname()); {
	case host == "api.z.ai" || host == "open.bigmodel.cn":
		if strings.Contains(u.Path+"/", "/coding/") {
			return PlanZaiCoding
		}
		return PlanZaiPaas
	case host == "api.kimi.com":
		return PlanKimiCode
	case host == "api.moonshot.ai" || host == "api.moonshot.cn":
		return PlanMoonshot
	}
	return ""
}

// Plan is what limits a slot's concurrency: a catalog plan (GLM, Kimi), a
// provider that enforces its own RPM/TPM, or a server of the user's own.
type Plan struct {
	// Kind is "plan", "provider" or "server".
	Kind string `json:"kind"`
	// ID is the plan id (coding-plan, kimi-code, paas, moonshot), the
	// provider id, or "" for a server.
	ID    string `json:"id"`
	Label string `json:"label"`
	// Brand is the company behind the endpoint ("Z.ai" for both GLM plans),
	// or the host of a server: Main and Fallback on one brand share its
	// outages.
	Brand string `json:"brand"`
	// Tight marks subscriptions with a tight concurrency cap (GLM Coding
	// Plan, Kimi Code Plan): poor solo configurations, say Kodus's docs.
	Tight bool `json:"tight"`
	// Fuzzy marks limits that move with load or are documented by one
	// source only: the probe then recommends less than it measured.
	Fuzzy bool `json:"fuzzy"`
	// variant is the catalog plan, when there is one; class its class.
	variant *catalog.Variant
	class   string
	reason  string
}

// Class is the plan's class (PlanZaiCoding…), "" for a provider or server.
func (p Plan) Class() string { return p.class }

// PreFill is the value Kodus pre-fills for a plan and why.
type PreFill struct {
	// Value is nil when the pre-fill is empty: no limit from Kodus.
	Value  *int   `json:"value,omitempty"`
	Label  string `json:"label"`
	Reason string `json:"reason"`
	// Limit is the most any tier of the plan allows, when documented.
	Limit int                       `json:"limit,omitempty"`
	Tiers []catalog.ConcurrencyTier `json:"tiers,omitempty"`
}

// Row is one line of the "Defaults Kodus pre-fills" table of Kodus's BYOK docs.
type Row struct {
	Label string `json:"label"`
	// Value is nil for "(empty)".
	Value *int `json:"value,omitempty"`
	// Limit is set when the value may be raised by hand up to it.
	Limit  int    `json:"limit,omitempty"`
	Reason string `json:"reason"`
}

// Display renders the value column as Kodus's docs do.
func (r Row) Display() string {
	switch {
	case r.Value == nil:
		return "(empty)"
	case r.Limit > *r.Value:
		return fmt.Sprintf("%d (raise by hand, up to %d)", *r.Value, r.Limit)
	}
	return fmt.Sprint(*r.Value)
}

// Table is the pre-fill table of Kodus's docs, each value and reason read from the
// catalog: GLM Coding Plan Lite/Pro 1, Max 1 (raise by hand up to 30),
// Kimi Code Plan 30, GLM and Kimi Developer API empty, Anthropic / OpenAI /
// Google / OpenRouter empty.
func Table(cat *catalog.Catalog) []Row {
	var rows []Row
	if v, ok := findVariant(cat, PlanZaiCoding); ok {
		for _, t := range v.ConcurrencyTiers {
			rows = append(rows, Row{Label: "GLM Coding Plan (" + t.Label + ")", Value: profile.Ptr(t.MaxConcurrentRequests), Limit: limitIfAbove(t), Reason: t.Reason})
		}
	}
	for _, class := range []string{PlanKimiCode, PlanZaiPaas, PlanMoonshot} {
		if v, ok := findVariant(cat, class); ok {
			rows = append(rows, Row{Label: planLabel(class, v), Value: v.MaxConcurrentRequests, Reason: v.MaxConcurrentReason})
		}
	}
	if p, ok := cat.Provider(catalog.Anthropic); ok {
		rows = append(rows, Row{Label: "Anthropic / OpenAI / Google / OpenRouter", Reason: p.MaxConcurrentReason})
	}
	return rows
}

func limitIfAbove(t catalog.ConcurrencyTier) int {
	if t.Limit > t.MaxConcurrentRequests {
		return t.Limit
	}
	return 0
}

// Resolve says which plan or provider limits a slot: the slot's own plan,
// else the plan its endpoint belongs to (a manual Z.ai or Moonshot URL),
// else its provider, else the server at its host.
func Resolve(cat *catalog.Catalog, sl profile.Slot) Plan {
	if v, class, ok := planOf(cat, sl); ok {
		pl := Plan{Kind: "plan", ID: v.ID, Label: planLabel(class, v), variant: &v, class: class, reason: v.MaxConcurrentReason}
		pl.Brand = "Z.ai"
		if class == PlanMoonshot || class == PlanKimiCode {
			pl.Brand = "Moonshot AI"
		}
		// Z.ai's coding-plan cap moves with load (reports of 1 to a few per
		// key); Kimi Code's 30 comes from one source.
		pl.Tight = class == PlanZaiCoding || class == PlanKimiCode
		pl.Fuzzy = pl.Tight
		return pl
	}
	if sl.Provider != catalog.OpenAICompatible {
		p, _ := cat.Provider(sl.Provider)
		name := p.DisplayName
		if name == "" {
			name = sl.Provider
		}
		brand := name
		if sl.Provider == catalog.GoogleGemini || sl.Provider == catalog.GoogleVertex {
			brand = "Google"
		}
		return Plan{Kind: "provider", ID: sl.Provider, Label: name, Brand: brand, reason: p.MaxConcurrentReason}
	}
	host := hostOf(sl.BaseURL)
	if host == "" {
		host = "the server"
	}
	return Plan{Kind: "server", Label: "OpenAI-compatible server", Brand: host,
		reason: "Your server sets its own limit (a local server queues what it cannot run at once; a proxy passes on its upstream's limits): leave it empty, or measure it."}
}

// PreFillFor is the pre-fill of a slot's plan and why.
func PreFillFor(cat *catalog.Catalog, sl profile.Slot) PreFill {
	pl := Resolve(cat, sl)
	pf := PreFill{Label: pl.Label, Reason: pl.reason}
	if v := pl.variant; v != nil {
		pf.Value = v.MaxConcurrentRequests
		pf.Tiers = v.ConcurrencyTiers
		if v.MaxConcurrentLimit != nil {
			pf.Limit = *v.MaxConcurrentLimit
		}
	}
	return pf
}

// Limit is the most concurrent requests the plan documents, 0 if unknown.
func (p Plan) Limit() int {
	if p.variant != nil && p.variant.MaxConcurrentLimit != nil {
		return *p.variant.MaxConcurrentLimit
	}
	return 0
}

// planOf is the slot's plan and its class: the saved plan of its card,
// else the plan its endpoint (or its provider's default endpoint) belongs
// to, so a GLM endpoint typed in the manual path is known too.
func planOf(cat *catalog.Catalog, sl profile.Slot) (catalog.Variant, string, bool) {
	if m, ok := cat.ModelForSlot(sl.Provider, sl.Model); ok && sl.Plan != "" {
		if v, ok := m.Variant(sl.Plan); ok {
			if class := ClassOf(v.BaseURL); class != "" {
				return v, class, true
			}
		}
	}
	base := sl.BaseURL
	if base == "" {
		if p, ok := cat.Provider(sl.Provider); ok {
			base = p.DefaultBaseURL
		}
	}
	class := ClassOf(base)
	v, ok := findVariant(cat, class)
	return v, class, ok
}

// findVariant is the catalog's first plan of a class.
func findVariant(cat *catalog.Catalog, class string) (catalog.Variant, bool) {
	if class == "" {
		return catalog.Variant{}, false
	}
	for _, m := range cat.Models {
		for _, v := range m.Variants {
			if ClassOf(v.BaseURL) == class {
				return v, true
			}
		}
	}
	return catalog.Variant{}, false
}

// planLabel names a plan as Kodus's docs do: "GLM Coding Plan", "Kimi
// Developer API".
func planLabel(class string, v catalog.Variant) string {
	prefix := "GLM "
	if class == PlanMoonshot || class == PlanKimiCode {
		prefix = "Kimi "
	}
	if strings.HasPrefix(v.Label, strings.TrimSpace(prefix)) {
		return v.Label
	}
	return prefix + v.Label
}

func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}
