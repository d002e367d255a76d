package keytest

import (
	"fmt"
	"strings"
)

// done finishes a result with hints about this slot rather than generic
// ones: the provider's own key page, the plans of this model only, the
// concurrency cap of this plan only, and no "check the base URL" when
// the endpoint is the provider's or plan's own and the user never typed
// one.
func (r *run) done(res Result) Result {
	if res.Hint == "" {
		res.Hint = r.caseHint(res.Code)
	}
	return finish(res)
}

func (r *run) caseHint(c Code) string {
	d := r.t.describe(r.s)
	keyURL, plans := d.keyURL, d.plans
	typed := r.t.typedBaseURL(r.s)
	switch c {
	case CodeAuth:
		h := fmt.Sprintf("Copy the %s key again, without spaces, quotes or line breaks, and check that billing is active", d.keyName)
		if len(plans) > 1 {
			h += fmt.Sprintf("; keys of one plan (%s) do not work on the other: pick the Plan the key was made for", strings.Join(plans, ", "))
		}
		if keyURL != "" {
			h += ". Keys: " + strings.TrimPrefix(keyURL, "https://")
		}
		return h + "."
	case CodeRateLimit:
		h := "Wait a moment and test again; if reviews are throttled too, lower Max concurrent requests"
		if limit := r.t.planLimit(r.s); limit != "" {
			h += " (" + limit + ")"
		}
		return h + "."
	case CodeNotFound:
		if !typed {
			return fmt.Sprintf("This is %s's own endpoint, not one you typed: the path may not be open to this key, or the Plan may not match the key.", d.endpointOwner)
		}
	case CodeTimeout:
		if !typed {
			return fmt.Sprintf("%s did not answer in time: check this machine's connection (and any proxy or firewall), then test again.", d.endpointOwner)
		}
		return "Check the base URL and that the server is up; a busy server may answer on a second try."
	case CodeNetwork:
		if !typed {
			return fmt.Sprintf("The endpoint is %s's own, not one you typed: check that this machine is online and that its DNS, proxy or firewall lets it reach the provider.", d.endpointOwner)
		}
		return "Check the base URL's host and port, your network and any proxy settings."
	}
	return ""
}

// slotWords name a slot's provider as the user knows it: the brand, the
// key (a plan with its own key site names it), whose endpoint it is (the
// plan's, when there is one), the key page and the model's plans.
type slotWords struct {
	who, keyName, endpointOwner, keyURL string
	plans                               []string
}

func (t *Tester) describe(s Settings) slotWords {
	cat := t.catalog()
	p, _ := cat.Provider(s.Provider)
	d := slotWords{who: p.DisplayName, keyURL: p.KeyURL}
	if d.who == "" {
		d.who = "The provider"
	}
	d.keyName, d.endpointOwner = d.who, d.who
	m, ok := cat.ModelForSlot(s.Provider, s.Model)
	if !ok {
		return d
	}
	d.who = m.ProviderLabel(cat)
	d.keyName, d.endpointOwner = d.who, d.who
	if m.APIKeyURL != "" {
		d.keyURL = m.APIKeyURL
	}
	for _, v := range m.Variants {
		d.plans = append(d.plans, v.Label)
		if v.ID != s.Plan {
			continue
		}
		d.endpointOwner = "the " + v.Label
		if v.APIKeyURL != "" {
			if hostOf(v.APIKeyURL) != hostOf(m.APIKeyURL) {
				d.keyName = v.Label
			}
			d.keyURL = v.APIKeyURL
		}
	}
	return d
}

// typedBaseURL reports whether the slot's endpoint is one the user chose:
// not empty, and neither the provider's default nor the plan's own.
func (t *Tester) typedBaseURL(s Settings) bool {
	base := strings.TrimRight(strings.TrimSpace(s.BaseURL), "/")
	if base == "" {
		return false
	}
	cat := t.catalog()
	same := func(u string) bool { return u != "" && strings.EqualFold(strings.TrimRight(u, "/"), base) }
	if p, ok := cat.Provider(s.Provider); ok && same(p.DefaultBaseURL) {
		return false
	}
	if m, ok := cat.ModelForSlot(s.Provider, s.Model); ok {
		if same(m.Defaults.BaseURL) {
			return false
		}
		for _, v := range m.Variants {
			if same(v.BaseURL) {
				return false
			}
		}
	}
	return true
}

// planLimit is the documented concurrency cap of the slot's plan, if any:
// "Coding Plan: Lite/Pro 1, Max up to 30".
func (t *Tester) planLimit(s Settings) string {
	m, ok := t.catalog().ModelForSlot(s.Provider, s.Model)
	if !ok {
		return ""
	}
	v, ok := m.Variant(s.Plan)
	if !ok {
		return ""
	}
	if len(v.ConcurrencyTiers) > 0 {
		parts := make([]string, 0, len(v.ConcurrencyTiers))
		for _, tier := range v.ConcurrencyTiers {
			parts = append(parts, fmt.Sprintf("%s up to %d", tier.Label, tier.Limit))
		}
		return v.Label + ": " + strings.Join(parts, ", ")
	}
	if v.MaxConcurrentLimit != nil {
		return fmt.Sprintf("%s: up to %d at once", v.Label, *v.MaxConcurrentLimit)
	}
	return ""
}
