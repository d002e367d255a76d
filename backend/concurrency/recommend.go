package concurrency

import (
	"fmt"
	"strings"
	"time"
)

// recommend fills Recommended and Why: the cap, or less where the
// provider's limit is known to move (GLM Coding Plan, Kimi Code), never
// above the plan's documented limit. 0 means there is nothing to apply.
func recommend(rep *Report, pl Plan) {
	who := pl.Label
	if who == "" {
		who = "The endpoint"
	}
	said := rejectionText(rep.Rejection)
	switch rep.StoppedBy {
	case StopRateLimit:
		if rep.Cap == 0 {
			rep.Why = fmt.Sprintf("%s rejected a single request%s: this key is rate limited right now, or another client (Kodus itself?) is using its whole budget. There is no cap to measure now: try again later.", who, said)
			return
		}
		rep.Recommended = rep.Cap
		var b strings.Builder
		if rep.Exact {
			fmt.Fprintf(&b, "%s accepted %d request%s at once and rejected one more%s.", who, rep.Cap, plural(rep.Cap), said)
		} else {
			fmt.Fprintf(&b, "%s accepted %d requests at once in one burst but rejected one with only %d in flight in another%s: its limit moved while it was measured, so the lower figure counts.", who, rep.MaxAccepted, rep.Cap, said)
		}
		if rpm := requestsPerMinute(rep.Rejection); rpm != "" {
			fmt.Fprintf(&b, " The rejection came with %s: that is the per-minute request budget rather than a concurrency cap, so long review calls may allow more at once.", rpm)
		}
		rep.Recommended = fuzzyAndLimited(rep.Cap, pl, &b)
		rep.Why = b.String()
	case StopCeiling:
		var b strings.Builder
		fmt.Fprintf(&b, "%s accepted %d requests at once, the ceiling of this probe, without a rejection.", who, rep.Cap)
		if pl.Kind == "provider" {
			fmt.Fprintf(&b, " %s enforces requests and tokens per minute rather than a concurrency cap: leaving the field empty (no limit) is also fine; a value keeps bursts bounded.", pl.Label)
		} else {
			b.WriteString(" Try a higher ceiling to look further.")
		}
		rep.Recommended = fuzzyAndLimited(rep.Cap, pl, &b)
		rep.Why = b.String()
	case StopBudget, StopInconsistent:
		why := "The request budget ran out before the cap was pinned down"
		if rep.StoppedBy == StopInconsistent {
			why = "Answers came back before more requests could be stacked on them, so this endpoint never held many at once"
		}
		rep.Why = fmt.Sprintf("%s; %d at once worked.", why, rep.Cap)
		if rep.Cap > 0 {
			var b strings.Builder
			b.WriteString(rep.Why)
			rep.Recommended = fuzzyAndLimited(rep.Cap, pl, &b)
			rep.Why = b.String()
		}
	case StopError:
		e := rep.Error
		rep.Why = fmt.Sprintf("Stopped by an answer that is not a rate limit: %s. %s", strings.TrimSuffix(e.Headline, "."), sentence(e.Message))
		if e.ProviderMessage != "" {
			rep.Why += " Provider said: " + sentence(e.ProviderMessage)
		}
		rep.Why = strings.TrimSpace(rep.Why) + afterGood(rep.Cap)
	case StopQuota:
		rep.Why = fmt.Sprintf("%s refused because a usage window is used up%s, not because of concurrency: nothing more can be measured until it resets.%s", who, said, afterGood(rep.Cap))
	case StopOverloaded:
		rep.Why = fmt.Sprintf("%s is overloaded right now%s: its rejections say nothing about this key's cap. Try again later.%s", who, said, afterGood(rep.Cap))
	case StopRetryAfter:
		rep.Why = fmt.Sprintf("%s asked to wait %s before trying again%s, longer than the probe waits.%s", who, fmtDuration(time.Duration(rep.Rejection.RetryAfterMs)*time.Millisecond), said, afterGood(rep.Cap))
	case StopCancelled:
		rep.Why = fmt.Sprintf("Cancelled after %d request%s.%s", rep.Requests, plural(rep.Requests), afterGood(rep.Cap))
	}
}

// fuzzyAndLimited lowers a measured cap for a plan whose limit moves, and
// caps it at the plan's documented limit, saying why.
func fuzzyAndLimited(c int, pl Plan, b *strings.Builder) int {
	rec := c
	if pl.Fuzzy && c > 1 {
		rec = c - max(1, c/5)
		fmt.Fprintf(b, " The %s's limit moves with load (and is documented by one source at best), so %d leaves headroom for busy hours.", pl.Label, rec)
	}
	if lim := pl.Limit(); lim > 0 && rec > lim {
		rec = lim
		fmt.Fprintf(b, " The %s documents at most %d, so %d.", pl.Label, lim, lim)
	}
	fmt.Fprintf(b, " Recommended: %d.", rec)
	return rec
}

func afterGood(good int) string {
	if good == 0 {
		return ""
	}
	return fmt.Sprintf(" Up to %d at once had worked before it.", good)
}

// rejectionText quotes the rejection: " (HTTP 429, 1302: High concurrency…)".
func rejectionText(r *Rejection) string {
	if r == nil {
		return ""
	}
	parts := []string{fmt.Sprintf("HTTP %d", r.HTTPStatus)}
	if r.ProviderCode != "" {
		parts = append(parts, r.ProviderCode)
	}
	s := " (" + strings.Join(parts, ", ")
	if r.ProviderMessage != "" {
		s += ": " + r.ProviderMessage
	}
	return s + ")"
}

// requestsPerMinute spots OpenAI's and OpenRouter's "no requests left this
// minute" headers on the rejection.
func requestsPerMinute(r *Rejection) string {
	if r == nil {
		return ""
	}
	for _, h := range []string{"x-ratelimit-remaining-requests", "x-ratelimit-remaining"} {
		if v, ok := r.RateLimits[h]; ok && strings.TrimSpace(v) == "0" {
			return h + ": 0"
		}
	}
	return ""
}

// sentence ends s with a full stop unless it has its own punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?…") {
		return s
	}
	return s + "."
}
