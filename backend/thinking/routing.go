package thinking

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
)

// openRouterRouting is the pinning payload: only for OpenRouter, only with
// a field set; the order trimmed with empty names dropped.
func openRouterRouting(provider string, order []string, allow *bool) (map[string]any, []string) {
	var names []any
	var list []string
	for _, n := range order {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
			list = append(list, n)
		}
	}
	if len(names) == 0 && allow == nil {
		return nil, nil
	}
	if provider != catalog.OpenRouter {
		return nil, []string{"OpenRouter routing (Pin providers, Allow fallbacks) applies only to provider open_router: not sent"}
	}
	p := map[string]any{}
	var notes []string
	if len(names) > 0 {
		p["order"] = names
		if len(list) == 1 {
			notes = append(notes, fmt.Sprintf("pinned provider: OpenRouter tries %s first (openrouter.provider.order)", list[0]))
		} else {
			notes = append(notes, fmt.Sprintf("pinned providers: OpenRouter tries %s, in that order (openrouter.provider.order)", strings.Join(list, ", then ")))
		}
	}
	if allow != nil {
		p["allow_fallbacks"] = *allow
		if *allow {
			notes = append(notes, "allow_fallbacks true: OpenRouter may use other upstreams when the pinned ones are unavailable")
		} else {
			notes = append(notes, "allow_fallbacks false: requests fail when none of the pinned providers is available")
		}
	}
	return map[string]any{"openrouter": map[string]any{"provider": p}}, notes
}

type replacement struct {
	path string
	old  any
}

// deepMerge merges src into dst: objects merge key by key, anything else
// from src wins. It returns the leaves of dst that src replaced.
func deepMerge(dst, src map[string]any, prefix string) []replacement {
	var out []replacement
	for _, k := range sortedKeys(src) {
		path := joinDisplay(prefix, k)
		sv := src[k]
		dv, had := dst[k]
		dm, dIsMap := dv.(map[string]any)
		sm, sIsMap := sv.(map[string]any)
		switch {
		case had && dIsMap && sIsMap:
			out = append(out, deepMerge(dm, sm, path)...)
		case had && !reflect.DeepEqual(dv, sv):
			out = append(out, replacement{path, dv})
			dst[k] = sv
		default:
			dst[k] = sv
		}
	}
	return out
}

func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = cloneMap(sub)
		}
		out[k] = v
	}
	return out
}

// leaves lists the dotted paths of the non-object values in m.
func leaves(m map[string]any, prefix string) []string {
	var out []string
	for _, k := range sortedKeys(m) {
		if sub, ok := m[k].(map[string]any); ok && len(sub) > 0 {
			out = append(out, leaves(sub, joinDisplay(prefix, k))...)
			continue
		}
		out = append(out, joinDisplay(prefix, k))
	}
	return out
}

func hasPath(m map[string]any, dotted string) bool {
	return valueAt(m, dotted) != missing{}
}

type missing struct{}

func valueAt(m map[string]any, dotted string) any {
	var cur any = m
	for _, k := range strings.Split(dotted, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return missing{}
		}
		if cur, ok = obj[k]; !ok {
			return missing{}
		}
	}
	return cur
}
