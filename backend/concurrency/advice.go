package concurrency

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
)

// Severities: a warning is something that will go wrong (429s, starving
// reviews, a shared outage); a tip is the "When to tune it" advice of Kodus's BYOK docs
// (https://docs.kodus.io/how_to_use/en/byok).
const (
	Warning = "warning"
	Tip     = "tip"
)

// Advice is one rule that applies to a profile.
type Advice struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	// Slot is "main" or "fallback"; empty for the profile as a whole.
	Slot    string `json:"slot,omitempty"`
	Message string `json:"message"`
	// Suggested is the value to set, when the rule has one.
	Suggested *int `json:"suggested,omitempty"`
}

// Guidance is "When to tune it" of Kodus's BYOK docs, said as it is.
var Guidance = struct {
	Raise []string `json:"raise"`
	Lower []string `json:"lower"`
}{
	Raise: []string{
		"You have a high-tier recharge on Moonshot/OpenRouter and want higher throughput on big PRs.",
		"You bumped your GLM Coding Plan to Max and want to use the full 30-concurrent budget.",
		"Reviews feel serialized on multi-file PRs and you're not seeing 429s.",
	},
	Lower: []string{
		"You see 429 or Too much concurrency errors in review logs.",
		"Your provider warns about rate limits on the dashboard.",
		"You want to conserve Coding Plan window (5h/weekly) across more PRs.",
	},
}

// raiseTipBelow: a pay-per-token slot capped below this gets Kodus's docs'
// "raise it if reviews feel serialized" tip.
const raiseTipBelow = 5

// Advise applies the concurrency and fallback advice of Kodus's BYOK docs
// to a profile.
// measured holds caps measured by the probe, per slot name; nil if none.
// Warnings come first, Main before Fallback.
func Advise(cat *catalog.Catalog, p profile.Profile, measured map[string]int) []Advice {
	var warn, tips []Advice
	add := func(a Advice) {
		if a.Severity == Warning {
			warn = append(warn, a)
		} else {
			tips = append(tips, a)
		}
	}
	if p.Main.Provider == "" {
		return []Advice{}
	}
	mainPlan := Resolve(cat, p.Main)
	slotRules(cat, profile.SlotMain, p.Main, measured[profile.SlotMain], add)
	if p.Fallback == nil {
		if mainPlan.Tight {
			add(Advice{Severity: Warning, Code: "tight-solo", Message: fmt.Sprintf("Main is on the %s, a subscription with a tight concurrency limit, and there is no Fallback: bursty PRs will starve. Pair it with a pay-per-token Fallback on another provider.", mainPlan.Label)})
		}
	} else {
		slotRules(cat, profile.SlotFallback, *p.Fallback, measured[profile.SlotFallback], add)
		fbPlan := Resolve(cat, *p.Fallback)
		if mainPlan.Brand == fbPlan.Brand {
			add(Advice{Severity: Warning, Code: "same-provider", Message: fmt.Sprintf("Main and Fallback both use %s: an outage or rate limit there stops both. Use a different provider for Fallback.", mainPlan.Brand)})
		}
		if fbPlan.Tight {
			add(Advice{Severity: Tip, Code: "fallback-tight", Slot: profile.SlotFallback, Message: fmt.Sprintf("Fallback is on the %s: it absorbs few bursts, since Kodus retries a failed call once on the Fallback under the Fallback's own limit. A generous pay-per-token Fallback absorbs more.", fbPlan.Label)})
		}
	}
	return append(append([]Advice{}, warn...), tips...)
}

// Warnings keeps the warnings only (what a profile view shows).
func Warnings(list []Advice) []Advice {
	var out []Advice
	for _, a := range list {
		if a.Severity == Warning {
			out = append(out, a)
		}
	}
	return out
}

// slotRules are the rules about one slot's own setting.
func slotRules(cat *catalog.Catalog, slot string, sl profile.Slot, measured int, add func(Advice)) {
	name := slotName(slot)
	pl := Resolve(cat, sl)
	pf := PreFillFor(cat, sl)
	v := sl.MaxConcurrentRequests
	unlimited := v == nil || *v == 0
	zeroNote := ""
	if v != nil && *v == 0 {
		zeroNote = " (0 means no limit in Kodus, not zero requests)"
	}
	switch {
	case pl.Tight && unlimited:
		add(Advice{Severity: Warning, Code: "tight-unlimited", Slot: slot, Suggested: pf.Value,
			Message: fmt.Sprintf("%s is on the %s with no concurrency limit%s: Kodus sends a review's calls all at once and the plan answers 429 \"Too much concurrency\". Set it to %s.", name, pl.Label, zeroNote, valueOrDash(pf.Value))})
	case v != nil && *v == 0:
		add(Advice{Severity: Warning, Code: "zero-is-unlimited", Slot: slot,
			Message: fmt.Sprintf("%s: max concurrent requests is 0, which Kodus reads as no limit, not zero requests. Leave it empty for no limit, or set the cap you mean.", name)})
	}
	if unlimited {
		return
	}
	n := *v
	if lim := pl.Limit(); lim > 0 && n > lim {
		add(Advice{Severity: Warning, Code: "above-plan-limit", Slot: slot, Suggested: profile.Ptr(lim),
			Message: fmt.Sprintf("%s: %d concurrent requests is more than the %s allows (%d on its biggest tier): the calls beyond %d get 429. Lower it to %d or less.", name, n, pl.Label, lim, lim, lim)})
	}
	if measured > 0 && n > measured {
		add(Advice{Severity: Warning, Code: "above-measured-cap", Slot: slot, Suggested: profile.Ptr(measured),
			Message: fmt.Sprintf("%s: %d is above the %d concurrent requests measured on this endpoint: the extra calls get 429 and wait for retries. Lower it to %d.", name, n, measured, measured)})
	}
	switch {
	case pl.class == PlanZaiCoding && n == 1:
		add(Advice{Severity: Tip, Code: "glm-max-raise", Slot: slot, Message: fmt.Sprintf("%s: on the GLM Coding Plan's Max tier you can raise this up to 30 for big PRs; measure it first, the limit moves with load.", name)})
	case pl.class == PlanZaiCoding && n > 1:
		add(Advice{Severity: Tip, Code: "glm-tier", Slot: slot, Suggested: profile.Ptr(1), Message: fmt.Sprintf("%s: only the GLM Coding Plan's Max tier allows more than 1 concurrent request; on Lite/Pro set it to 1.", name)})
	case !pl.Tight && n < raiseTipBelow && (measured == 0 || n < measured):
		add(Advice{Severity: Tip, Code: "raise", Slot: slot, Message: fmt.Sprintf("%s: reviews send at most %d call%s at once. If multi-file reviews feel serialized and you see no 429s, raise it.", name, n, plural(n))})
	}
	if pl.Tight && n > 1 {
		add(Advice{Severity: Tip, Code: "conserve-window", Slot: slot, Message: fmt.Sprintf("%s: every call draws on the %s's 5-hour and weekly window; a lower setting spreads it over more PRs.", name, pl.Label)})
	}
	add(Advice{Severity: Tip, Code: "byok-only", Slot: slot, Message: fmt.Sprintf("%s: Kodus applies this cap only from a BYOK config; Fixed Mode (.env) has no concurrency setting.", name)})
}

func slotName(slot string) string {
	if slot == profile.SlotFallback {
		return "Fallback"
	}
	return "Main"
}

func valueOrDash(v *int) string {
	if v == nil {
		return "a cap"
	}
	return fmt.Sprint(*v)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
