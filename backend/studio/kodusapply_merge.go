package studio

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/kodusbyok/studio/backend/byokconfig"
)

// mergeV2 merges the profile's v2 config into Kodus's (byokconfig.Merge),
// sends one credential for a key the Main and Fallback share, and keeps
// every field of Kodus's config the typed shape does not know (a routing
// task override, a setting of a newer Kodus), so an apply never drops
// what the user set in Kodus.
func mergeV2(raw json.RawMessage, add byokconfig.V2) (json.RawMessage, error) {
	var existing byokconfig.V2
	var old map[string]any
	if isV2Raw(raw) {
		if err := json.Unmarshal(raw, &existing); err != nil {
			return nil, fmt.Errorf("read Kodus's BYOK config: %w", err)
		}
		_ = json.Unmarshal(raw, &old)
	}
	merged := byokconfig.Merge(existing, shareCredentials(add))
	out, err := json.Marshal(merged)
	if err != nil || old == nil {
		return out, err
	}
	var next map[string]any
	if err := json.Unmarshal(out, &next); err != nil {
		return nil, err
	}
	keepUnknown(old, next)
	return json.Marshal(next)
}

func isV2Raw(raw json.RawMessage) bool {
	var v struct {
		Version int `json:"version"`
	}
	return len(raw) > 0 && json.Unmarshal(raw, &v) == nil && v.Version == byokconfig.Version2
}

// shareCredentials points the Fallback at Main's credential when both are
// the same provider, settings and key, so the key is sent once.
func shareCredentials(add byokconfig.V2) byokconfig.V2 {
	if len(add.Credentials) != 2 {
		return add
	}
	a, b := add.Credentials[0], add.Credentials[1]
	if a.Provider != b.Provider || !reflect.DeepEqual(a.Settings, b.Settings) || !reflect.DeepEqual(a.APIKey, b.APIKey) {
		return add
	}
	out := add
	out.Credentials = []byokconfig.Credential{a}
	out.Models = append([]byokconfig.Model(nil), add.Models...)
	for i := range out.Models {
		if out.Models[i].CredentialID == b.ID {
			out.Models[i].CredentialID = a.ID
		}
	}
	return out
}

// keepUnknown copies into next what old has and next lacks: top-level
// keys, fields of credentials and models with the same id (never a key),
// and routing entries other than the default and fallback, which the
// profile sets.
func keepUnknown(old, next map[string]any) {
	for k, v := range old {
		if _, ok := next[k]; !ok {
			next[k] = v
		}
	}
	for _, list := range []string{"credentials", "models"} {
		byID := map[string]map[string]any{}
		for _, e := range asMaps(old[list]) {
			if id, _ := e["id"].(string); id != "" {
				byID[id] = e
			}
		}
		for _, e := range asMaps(next[list]) {
			id, _ := e["id"].(string)
			if o := byID[id]; o != nil {
				fill(e, o, map[string]bool{"apiKey": true})
			}
		}
	}
	oldR, _ := old["routing"].(map[string]any)
	nextR, _ := next["routing"].(map[string]any)
	if oldR != nil && nextR != nil {
		fill(nextR, oldR, map[string]bool{"defaultModelId": true, "fallbackModelId": true})
	}
}

// fill copies o's keys missing from e (one level into objects), except skip.
func fill(e, o map[string]any, skip map[string]bool) {
	for k, v := range o {
		if skip[k] {
			continue
		}
		cur, ok := e[k]
		if !ok {
			e[k] = v
			continue
		}
		if cm, ok := cur.(map[string]any); ok {
			if om, ok := v.(map[string]any); ok {
				for kk, vv := range om {
					if _, has := cm[kk]; !has {
						cm[kk] = vv
					}
				}
			}
		}
	}
}

func asMaps(v any) []map[string]any {
	arr, _ := v.([]any)
	out := make([]map[string]any, 0, len(arr))
	for _, x := range arr {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// mergeV1 is the {main, fallback} apply: a slot whose key Kodus already
// holds (same provider and host, same mask) is sent with apiKey "", which
// keeps it; the profile replaces both slots.
func mergeV1(raw json.RawMessage, add byokconfig.V1) (json.RawMessage, error) {
	var old byokconfig.V1
	if len(raw) > 0 && !isV2Raw(raw) {
		_ = json.Unmarshal(raw, &old)
	}
	keep := func(s, o *byokconfig.V1Slot) {
		if s == nil || o == nil || s.APIKey == "" {
			return
		}
		if o.Provider == s.Provider && hostOf(o.BaseURL) == hostOf(s.BaseURL) && o.APIKey == KodusMask(s.APIKey) {
			s.APIKey = ""
		}
	}
	keep(&add.Main, &old.Main)
	keep(add.Fallback, old.Fallback)
	return json.Marshal(add)
}

// maskBody is what Kodus will show of the config sent: a new key masked
// as Kodus masks it and marked new, a kept one as Kodus shows it now.
func maskBody(body, before json.RawMessage) (json.RawMessage, error) {
	var b, o map[string]any
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, err
	}
	_ = json.Unmarshal(before, &o)
	mask := func(e, prev map[string]any) {
		k, _ := e["apiKey"].(string)
		switch {
		case k != "":
			e["apiKey"] = KodusMask(k) + " (new)"
		case prev != nil:
			e["apiKey"] = prev["apiKey"]
		}
	}
	if _, ok := b["version"]; ok {
		prev := map[string]map[string]any{}
		for _, c := range asMaps(o["credentials"]) {
			if id, _ := c["id"].(string); id != "" {
				prev[id] = c
			}
		}
		for _, c := range asMaps(b["credentials"]) {
			id, _ := c["id"].(string)
			mask(c, prev[id])
		}
	} else {
		for _, slot := range []string{"main", "fallback"} {
			if e, ok := b[slot].(map[string]any); ok {
				p, _ := o[slot].(map[string]any)
				mask(e, p)
			}
		}
	}
	return json.Marshal(b)
}

// DescribeModel is a Kodus model in one line, as the status and the
// difference of an apply show it.
func DescribeModel(m KodusModelView) string {
	parts := []string{m.Model + " (" + m.ProviderName + ")"}
	if m.BaseURL != "" {
		parts = append(parts, m.BaseURL)
	}
	switch {
	case m.Managed:
		parts = append(parts, "Kodus-managed")
	case m.KeyMasked != "":
		parts = append(parts, "key "+m.KeyMasked)
	default:
		parts = append(parts, "no key")
	}
	switch {
	case m.CustomReasoning:
		parts = append(parts, "thinking custom")
	case m.ReasoningEffort != "":
		parts = append(parts, "thinking "+m.ReasoningEffort)
	}
	if m.Temperature != nil {
		parts = append(parts, fmt.Sprintf("temperature %g", *m.Temperature))
	}
	if m.MaxOutputTokens != nil {
		parts = append(parts, fmt.Sprintf("max output %d", *m.MaxOutputTokens))
	}
	if m.MaxConcurrentRequests != nil {
		parts = append(parts, fmt.Sprintf("max %d concurrent", *m.MaxConcurrentRequests))
	}
	return strings.Join(parts, " · ")
}

// changes lists the difference between Kodus's config now and after.
func changes(before, after *KodusConfigView) []KodusChange {
	out := []KodusChange{}
	prev := map[string]KodusModelView{}
	if before != nil {
		for _, m := range before.Models {
			prev[m.ID] = m
		}
	}
	role := func(v *KodusConfigView, r string) string {
		if v != nil {
			for _, m := range v.Models {
				for _, x := range m.Roles {
					if x == r {
						return m.Model + " (" + m.ProviderName + ")"
					}
				}
			}
		}
		return "none"
	}
	for _, r := range []string{"default", "fallback"} {
		if b, a := role(before, r), role(after, r); b != a {
			out = append(out, KodusChange{Kind: "route", What: r + " model", Before: b, After: a})
		}
	}
	seen := map[string]bool{}
	if after != nil {
		for _, m := range after.Models {
			seen[m.ID] = true
			o, ok := prev[m.ID]
			switch {
			case !ok:
				out = append(out, KodusChange{Kind: "add", What: "model " + m.ID, After: DescribeModel(m)})
			case DescribeModel(o) != DescribeModel(m):
				out = append(out, KodusChange{Kind: "update", What: "model " + m.ID, Before: DescribeModel(o), After: DescribeModel(m)})
			default:
				out = append(out, KodusChange{Kind: "keep", What: "model " + m.ID, Before: DescribeModel(o), After: "kept as it is"})
			}
		}
	}
	if before != nil {
		for _, m := range before.Models {
			if !seen[m.ID] {
				out = append(out, KodusChange{Kind: "remove", What: "model " + m.ID, Before: DescribeModel(m)})
			}
		}
	}
	return out
}

// usesLine names a config's default and fallback models.
func usesLine(v *KodusConfigView) string {
	if v == nil || len(v.Models) == 0 {
		return "no BYOK config"
	}
	var parts []string
	for _, r := range []string{"default", "fallback"} {
		for _, m := range v.Models {
			for _, x := range m.Roles {
				if x == r {
					parts = append(parts, r+": "+m.Model+" ("+m.ProviderName+")")
				}
			}
		}
	}
	if len(parts) == 0 {
		return "no default model"
	}
	return strings.Join(parts, "; ")
}
