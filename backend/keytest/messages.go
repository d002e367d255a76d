package keytest

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
)

// The Anthropic protocol at a root URL: Kodus's anthropic_compatible
// provider and the moonshot and zai brands (Kodus strips a trailing /v1 from
// the base URL and appends /v1/messages). Auth is x-api-key with
// anthropic-version. Kimi, GLM and Kimi Code have no key check without
// inference, so their test is a 1-token POST /v1/messages; any other
// endpoint is asked GET /v1/models first where it serves one.

// Vendors behind an Anthropic-protocol endpoint, for their error rules.
const (
	vendorZai      = "zai"
	vendorKimiCode = "kimi-code"
	vendorMoonshot = "moonshot"
)

// messagesRoot is the root of an Anthropic-protocol base URL.
func messagesRoot(base string) string {
	return strings.TrimSuffix(strings.TrimRight(base, "/"), "/v1")
}

// vendor is the company behind the endpoint, by provider and host (the
// host of the slot's catalog plan when it has one, so a plan's rules hold
// on a mirror of its endpoint too).
func (r *run) vendor() string {
	host := hostName(r.base)
	if m, ok := r.t.catalog().ModelForSlot(r.s.Provider, r.s.Model); ok {
		if v, ok := m.Variant(r.s.Plan); ok {
			host = hostName(v.BaseURL)
		}
	}
	switch {
	case host == "api.kimi.com" || strings.EqualFold(r.s.Model, "kimi-for-coding"):
		return vendorKimiCode
	case host == "api.z.ai" || host == "open.bigmodel.cn" || r.s.Provider == catalog.Zai:
		return vendorZai
	case strings.HasPrefix(host, "api.moonshot.") || r.s.Provider == catalog.Moonshot:
		return vendorMoonshot
	}
	return ""
}

func hostName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

func (r *run) messagesHeader() http.Header {
	h := http.Header{}
	h.Set("x-api-key", r.key.Reveal())
	h.Set("anthropic-version", anthropicVersion)
	return h
}

// messagesCall sends Kodus's minimal call: "ping", 1 output token.
func (r *run) messagesCall(ctx context.Context, base, model string) (*reply, apiError, error) {
	body := map[string]any{"model": model, "max_tokens": 1, "messages": []any{map[string]any{"role": "user", "content": "ping"}}}
	rep, err := r.send(ctx, http.MethodPost, join(messagesRoot(base), "v1", "messages"), r.messagesHeader(), body, errorBodyLimit)
	if err != nil {
		return nil, apiError{}, err
	}
	return rep, parseError(rep.body), nil
}

// messages tests an Anthropic-protocol endpoint.
func (r *run) messages(ctx context.Context) Result {
	root := messagesRoot(r.base)
	if r.vendor() == "" {
		u := join(root, "v1", "models")
		rep, err := r.send(ctx, http.MethodGet, u, r.messagesHeader(), nil, listBodyLimit)
		if err != nil {
			return r.netFailure(ctx, err, u, ProbeMetadata)
		}
		if rep.status == http.StatusOK {
			if ids, ok := listIDs(rep.body); ok {
				if found, _ := findModel(ids, r.s.Model); found {
					res := r.answer(rep, apiError{}, CodeOK, fmt.Sprintf("The endpoint accepted the key and lists model %s.", r.s.Model))
					res.ModelFound = ptr(true)
					return res
				}
			}
		} else if rep.status != http.StatusNotFound && rep.status != http.StatusMethodNotAllowed {
			return r.messagesVerdict(rep, parseError(rep.body))
		}
		// No model list, or one without the model (a proxy's list need not
		// be complete): ask the model itself.
	}
	u := join(root, "v1", "messages")
	rep, e, err := r.messagesCall(ctx, r.base, r.s.Model)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeInference)
	}
	res := r.messagesVerdict(rep, e)
	res.Probe = ProbeInference
	return r.otherPlan(ctx, res, e)
}

// messagesVerdict classifies an Anthropic-protocol answer: the vendor's own
// rules (Z.ai business codes, Kimi Code's, Moonshot's balance errors), then
// Anthropic's.
func (r *run) messagesVerdict(rep *reply, e apiError) Result {
	who := r.who()
	if rep.status >= 200 && rep.status < 300 {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("%s accepted the key and served model %s (1 token).", who, r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	brand := map[string]family{vendorZai: famZai, vendorKimiCode: famKimiCode, vendorMoonshot: famMoonshot}
	if res, ok := r.brandError(brand[r.vendor()], rep, e); ok {
		return res
	}
	if res, ok := r.anthropicError(rep, e); ok {
		return res
	}
	return r.fallback(rep, e, who)
}

func (r *run) who() string {
	switch r.vendor() {
	case vendorZai:
		return "Z.ai"
	case vendorKimiCode:
		return "Kimi Code"
	case vendorMoonshot:
		return "Moonshot"
	}
	return "The endpoint"
}

// otherPlan tells a key of the card's other plan from a bad one: when the
// endpoint refuses the key the way a plan mismatch looks (Z.ai 1113, a 401
// from Moonshot or Kimi Code), the same 1-token call goes once to the
// card's other plan; if that one takes the key, it is wrong_plan. Only the
// catalog's own endpoints are tried, so a key set up for a proxy never
// reaches the vendor.
func (r *run) otherPlan(ctx context.Context, res Result, e apiError) Result {
	mismatch := (r.vendor() == vendorZai && e.Code == "1113") ||
		((r.vendor() == vendorKimiCode || r.vendor() == vendorMoonshot) && res.HTTPStatus == http.StatusUnauthorized)
	if !mismatch {
		return res
	}
	m, ok := r.t.catalog().ModelForSlot(r.s.Provider, r.s.Model)
	if !ok {
		return res
	}
	mine, ok := m.PlanForBaseURL(r.base)
	if !ok {
		return res
	}
	for _, v := range m.Variants {
		if v.ID == mine.ID {
			continue
		}
		rep, e2, err := r.messagesCall(ctx, v.BaseURL, m.ModelFor(v))
		if err == nil && (rep.status == http.StatusOK || rep.status == http.StatusTooManyRequests || zaiRateCodes[e2.Code]) {
			return wrongPlan(res, v, r.who())
		}
	}
	return res
}
