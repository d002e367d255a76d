package kodusline

import (
	"net/url"
	"slices"
	"strings"
)

// Move is what Kodus now recommends for a saved slot: the card it moves to
// and the plan it keeps.
type Move struct {
	Provider string `json:"provider"`
	Model    string `json:"model"`
	Plan     string `json:"plan,omitempty"`
	Reason   string `json:"reason"`
}

// MoveFor says what this line's Kodus recommends instead of a saved slot,
// or false when the slot is already what it recommends.
func (l *Line) MoveFor(provider, model, plan, baseURL string) (Move, bool) {
	host, path := splitURL(baseURL)
	for _, m := range l.Migrations {
		if !slices.Contains(m.From.Providers, provider) || !hasFold(m.From.Models, strings.TrimSpace(model)) {
			continue
		}
		if len(m.From.Hosts) > 0 && host != "" && !slices.Contains(m.From.Hosts, host) {
			continue
		}
		mv := Move{Provider: m.To.Provider, Model: m.To.Model, Reason: m.Reason}
		for _, p := range m.Plans {
			byPlan := plan != "" && slices.Contains(p.FromPlans, plan)
			byURL := plan == "" && host != "" && (len(p.Hosts) == 0 || slices.Contains(p.Hosts, host)) &&
				(p.PathContains == "" || strings.Contains(path, p.PathContains)) && (len(p.Hosts) > 0 || p.PathContains != "")
			if byPlan || byURL {
				mv.Plan = p.To
				break
			}
		}
		return mv, true
	}
	return Move{}, false
}

func splitURL(raw string) (host, path string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", ""
	}
	return strings.ToLower(u.Hostname()), u.Path
}

func hasFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}
