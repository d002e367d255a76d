package keytest

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
)

// Plan ids of the catalog's GLM and Kimi cards.
const (
	planZaiPaas   = "paas"
	planZaiCoding = "coding-plan"
	planMoonshot  = "moonshot"
	planKimiCode  = "kimi-code"
)

const (
	zaiPaasPath   = "/api/paas/v4"
	zaiCodingPath = "/api/coding/paas/v4"
)

// zaiOther swaps a Z.ai endpoint path for the other plan's, on the same
// host (so the China host open.bigmodel.cn works too); "" when the path is
// not a Z.ai one.
func zaiOther(path string) string {
	switch {
	case strings.Contains(path, zaiCodingPath):
		return strings.Replace(path, zaiCodingPath, zaiPaasPath, 1)
	case strings.Contains(path, zaiPaasPath):
		return strings.Replace(path, zaiPaasPath, zaiCodingPath, 1)
	}
	return ""
}

// zaiRateCodes are business codes of a key that works but is throttled
// (1308: the plan's usage window is used up and resets later).
var zaiRateCodes = map[string]bool{"1302": true, "1303": true, "1304": true, "1305": true, "1308": true, "1312": true}

// zaiChat sends Z.ai's documented 1-token probe; Z.ai has no key check
// without inference that reports its plan's business codes.
func (r *run) zaiChat(ctx context.Context, base string) (*reply, apiError, error) {
	body := map[string]any{
		"model":      r.s.Model,
		"messages":   []any{map[string]any{"role": "user", "content": "hi"}},
		"max_tokens": 1,
		"thinking":   map[string]any{"type": "disabled"},
	}
	rep, err := r.send(ctx, http.MethodPost, join(base, "chat", "completions"), r.bearer(), body, errorBodyLimit)
	if err != nil {
		return nil, apiError{}, err
	}
	return rep, parseError(rep.body), nil
}

// zai tests a Z.ai key; business code 1113 on one plan's endpoint sends
// one more probe to the other plan's endpoint on the same host.
func (r *run) zai(ctx context.Context) Result {
	rep, e, err := r.zaiChat(ctx, r.base)
	if err != nil {
		return r.netFailure(ctx, err, join(r.base, "chat", "completions"), ProbeInference)
	}
	res := r.zaiVerdict(rep, e)
	res.Probe = ProbeInference
	return r.zaiMismatch(ctx, res, e)
}

// zaiMismatch: business code 1113 on one plan's endpoint sends one more
// probe to the other plan's endpoint on the same host.
func (r *run) zaiMismatch(ctx context.Context, res Result, e apiError) Result {
	if e.Code != "1113" {
		return res
	}
	u, _ := splitURL(r.base)
	other := ""
	if p := zaiOther(u.path); p != "" {
		other = u.origin + p
	}
	res.Code = CodePayment
	res.Message = "Z.ai answered 1113: this key has no balance or no resource package for this endpoint."
	if other == "" {
		res.Hint = "Top up the Z.ai account, or check that the key's plan matches the endpoint (Developer API vs Coding Plan)."
		return res
	}
	rep2, e2, err := r.zaiChat(ctx, other)
	if err == nil && (rep2.status == http.StatusOK || zaiRateCodes[e2.Code]) {
		plan, label := r.zaiPlanOf(other)
		res.Code = CodeWrongPlan
		res.SuggestedPlan, res.SuggestedPlanLabel, res.SuggestedBaseURL = plan, label, other
		res.Message = fmt.Sprintf("This key belongs to the %s: this endpoint refused it (1113) and %s accepted it.", label, other)
		res.Hint = fmt.Sprintf("Pick the %s plan (endpoint %s): subscription keys don't work on the Developer API endpoint and vice versa.", label, other)
		return res
	}
	_, label := r.zaiPlanOf(other)
	res.Hint = fmt.Sprintf("Either the account has no balance for this endpoint, or the key belongs to the other plan — but the %s endpoint (%s) did not accept it either. Top up or subscribe, and check which plan the key was created for.", label, other)
	return res
}

func (r *run) zaiVerdict(rep *reply, e apiError) Result {
	if rep.status == http.StatusOK {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("Z.ai accepted the key and served model %s (1 token).", r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	if res, ok := r.zaiError(rep, e); ok {
		return res
	}
	return r.fallback(rep, e, "Z.ai")
}

// zaiError reads Z.ai's string business codes (docs.z.ai api-code), for
// the key test's 1-token chat and the settings dry run alike.
func (r *run) zaiError(rep *reply, e apiError) (Result, bool) {
	code := e.Code
	switch {
	case code >= "1000" && code <= "1004" && len(code) == 4:
		return r.answer(rep, e, CodeAuth, "Z.ai rejected the key."), true
	case code == "1110" || code == "1111" || code == "1112" || code == "1120" || code == "1121":
		return r.answer(rep, e, CodeAuth, "Z.ai refuses this account (inactive, missing or locked)."), true
	case code == "1211" || code == "1311":
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("Z.ai accepted the key, but model %q is not available to it.", r.s.Model))
		res.ModelFound = ptr(false)
		if code == "1311" {
			res.Message = fmt.Sprintf("Z.ai accepted the key, but its plan does not include model %q.", r.s.Model)
		}
		return res, true
	case zaiRateCodes[code]:
		return r.answer(rep, e, CodeRateLimit, "Z.ai accepted the key but is throttling it right now."), true
	case code == "1309" || code == "1310" || code == "1313":
		return r.answer(rep, e, CodePayment, "Z.ai accepted the key, but the plan is expired or its limit is used up."), true
	case code == "1113":
		res := r.answer(rep, e, CodePayment, "Z.ai answered 1113: this key has no balance or no resource package for this endpoint.")
		res.Hint = "Top up the Z.ai account, or check that the key's plan matches the endpoint (Developer API vs Coding Plan): the key test tells the two apart."
		return res, true
	case strings.HasPrefix(code, "12") || code == "1301":
		return r.answer(rep, e, CodeBadRequest, "Z.ai rejected the request."), true
	}
	return Result{}, false
}

func (r *run) zaiPlanOf(base string) (string, string) {
	plan := planZaiPaas
	if strings.Contains(base, zaiCodingPath) {
		plan = planZaiCoding
	}
	for _, m := range r.t.catalog().Models {
		if v, ok := m.Variant(plan); ok && m.Provider == catalog.OpenAICompatible {
			return plan, v.Label
		}
	}
	if plan == planZaiCoding {
		return plan, "Coding Plan"
	}
	return plan, "Developer API"
}

type splitU struct{ origin, path string }

func splitURL(raw string) (splitU, bool) {
	i := strings.Index(raw, "://")
	if i < 0 {
		return splitU{}, false
	}
	rest := raw[i+3:]
	j := strings.Index(rest, "/")
	if j < 0 {
		return splitU{origin: raw}, true
	}
	return splitU{origin: raw[:i+3+j], path: rest[j:]}, true
}
