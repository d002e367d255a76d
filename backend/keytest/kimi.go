package keytest

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
)

// kimiChat sends a 1-token chat to the Kimi Code endpoint. The User-Agent
// is this app's own: we do not pose as a coding agent (docs/decisions.md).
func (r *run) kimiChat(ctx context.Context, base, model string) (*reply, apiError, error) {
	body := map[string]any{
		"model":      model,
		"messages":   []any{map[string]any{"role": "user", "content": "hi"}},
		"max_tokens": 1,
	}
	rep, err := r.send(ctx, http.MethodPost, join(base, "chat", "completions"), r.bearer(), body, errorBodyLimit)
	if err != nil {
		return nil, apiError{}, err
	}
	return rep, parseError(rep.body), nil
}

// kimiCode tests a Kimi Code Plan key. It has no key check without
// inference, so it sends one request of at most 1 output token.
func (r *run) kimiCode(ctx context.Context, base string, mayRetry bool) Result {
	rep, e, err := r.kimiChat(ctx, base, r.s.Model)
	if err != nil {
		return r.netFailure(ctx, err, join(base, "chat", "completions"), ProbeInference)
	}
	res := r.kimiVerdict(rep, e)
	res.Probe = ProbeInference
	if mayRetry {
		return r.kimiCodeMismatch(ctx, res, base)
	}
	return res
}

// kimiCodeMismatch: a Kimi Code Plan endpoint refusing the key (401) asks
// the Developer API whether the key is one of its own.
func (r *run) kimiCodeMismatch(ctx context.Context, res Result, base string) Result {
	if res.Code == CodeAuth && res.HTTPStatus == http.StatusUnauthorized {
		if mv, kv, ok := r.kimiPlans(); ok && sameURL(base, kv.BaseURL) {
			if r.acceptedByMoonshot(ctx, mv.BaseURL) {
				return wrongPlan(res, mv, "Kimi Code")
			}
		}
	}
	return res
}

func (r *run) kimiVerdict(rep *reply, e apiError) Result {
	if rep.status == http.StatusOK {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("Kimi Code accepted the key and served model %s (1 token).", r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	if res, ok := r.kimiError(rep, e); ok {
		return res
	}
	return r.fallback(rep, e, "Kimi Code")
}

// kimiError applies Kimi Code's documented error rules to any reply.
func (r *run) kimiError(rep *reply, e apiError) (Result, bool) {
	switch {
	case rep.status == http.StatusForbidden && (e.Type == "access_terminated_error" || e.contains("Coding Agents")):
		res := r.answer(rep, e, CodeAuth, "Kimi Code answered 403 access_terminated_error: it serves only recognised coding agents (Kimi CLI, Claude Code, …), and this app does not pose as one. The key itself may be valid.")
		res.Headline = "Kimi Code accepts only coding agents"
		res.Hint = "Kodus's requests are refused the same way unless they identify as a coding agent: for Kodus, use the Developer API plan (api.moonshot.ai), whose keys work for any client."
		return res, true
	case rep.status == http.StatusForbidden && e.contains("limit", "quota", "usage"):
		return r.answer(rep, e, CodePayment, "Kimi Code accepted the key, but this billing cycle's usage limit is reached."), true
	case rep.status == http.StatusPaymentRequired:
		return r.answer(rep, e, CodePayment, "Kimi Code could not verify an active membership for this key."), true
	case rep.status == http.StatusNotFound && e.Message != "":
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("Kimi Code has no model %q for this key; the plan serves kimi-for-coding.", r.s.Model))
		res.ModelFound = ptr(false)
		return res, true
	case rep.status == http.StatusUnauthorized:
		return r.answer(rep, e, CodeAuth, "Kimi Code rejected the key."), true
	}
	return Result{}, false
}

// moonshot tests a Moonshot Developer API key with GET {base}/models.
func (r *run) moonshot(ctx context.Context) Result {
	u := join(r.base, "models")
	rep, err := r.send(ctx, http.MethodGet, u, r.bearer(), nil, listBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	if rep.status == http.StatusOK {
		return r.lookUp(rep, "Moonshot")
	}
	e := parseError(rep.body)
	if res, ok := r.moonshotError(rep, e); ok {
		return res
	}
	return r.moonshotMismatch(ctx, r.listFailure(rep, "Moonshot"))
}

// moonshotMismatch: the Developer API refusing the key (401) asks the Kimi
// Code Plan endpoint whether the key is one of its own.
func (r *run) moonshotMismatch(ctx context.Context, res Result) Result {
	if res.HTTPStatus != http.StatusUnauthorized {
		return res
	}
	if strings.HasPrefix(r.key.Reveal(), "sk-kimi-") {
		res.Message += " Keys starting with sk-kimi- are Kimi Code Plan keys."
	}
	if mv, kv, ok := r.kimiPlans(); ok && sameURL(r.base, mv.BaseURL) {
		if rep2, e2, err := r.kimiChat(ctx, kv.BaseURL, kv.Model); err == nil && (rep2.status == http.StatusOK || rep2.status == http.StatusTooManyRequests) {
			_ = e2
			return wrongPlan(res, kv, "the Developer API")
		}
	}
	return res
}

func (r *run) acceptedByMoonshot(ctx context.Context, base string) bool {
	rep, err := r.send(ctx, http.MethodGet, join(base, "models"), r.bearer(), nil, listBodyLimit)
	return err == nil && (rep.status == http.StatusOK || rep.status == http.StatusTooManyRequests)
}

// kimiPlans are the catalog's Developer API and Kimi Code Plan variants. The
// other plan is tried only when the slot uses the catalog's own endpoint,
// so a key configured for a proxy never goes to Moonshot.
func (r *run) kimiPlans() (catalog.Variant, catalog.Variant, bool) {
	for _, m := range r.t.catalog().Models {
		mv, ok1 := m.Variant(planMoonshot)
		kv, ok2 := m.Variant(planKimiCode)
		if ok1 && ok2 {
			if kv.Model == "" {
				kv.Model = "kimi-for-coding"
			}
			return mv, kv, true
		}
	}
	return catalog.Variant{}, catalog.Variant{}, false
}

func wrongPlan(res Result, v catalog.Variant, refusedBy string) Result {
	res.Code = CodeWrongPlan
	res.Headline = ""
	res.SuggestedPlan, res.SuggestedPlanLabel, res.SuggestedBaseURL = v.ID, v.Label, strings.TrimRight(v.BaseURL, "/")
	res.Message = fmt.Sprintf("This key belongs to the %s: %s refused it and %s accepted it.", v.Label, refusedBy, v.BaseURL)
	res.Hint = fmt.Sprintf("Pick the %s plan (endpoint %s): subscription keys don't work on the Developer API endpoint and vice versa.", v.Label, v.BaseURL)
	return res
}

func sameURL(a, b string) bool {
	return strings.EqualFold(strings.TrimRight(a, "/"), strings.TrimRight(b, "/"))
}

// moonshotError: Moonshot's balance errors (403 or 429
// exceeded_current_quota_error) are billing, not a rate limit.
func (r *run) moonshotError(rep *reply, e apiError) (Result, bool) {
	if (rep.status == http.StatusForbidden || rep.status == http.StatusTooManyRequests) &&
		(e.Type == "exceeded_current_quota_error" || e.contains("suspended", "quota")) {
		return r.answer(rep, e, CodePayment, "Moonshot says the account balance is exhausted or the account is suspended."), true
	}
	return Result{}, false
}
