package keytest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// openRouter: GET {base}/key proves the key (its /models needs none, so it
// proves nothing); the model is then looked up in the public list, sent
// without the key.
func (r *run) openRouter(ctx context.Context) Result {
	u := join(r.base, "key")
	rep, err := r.send(ctx, http.MethodGet, u, r.bearer(), nil, errorBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	e := parseError(rep.body)
	if rep.status != http.StatusOK {
		if res, ok := r.openRouterError(rep, e); ok {
			return res
		}
		return r.fallback(rep, e, "OpenRouter")
	}
	var key struct {
		Data struct {
			Label          string   `json:"label"`
			Limit          *float64 `json:"limit"`
			LimitRemaining *float64 `json:"limit_remaining"`
		} `json:"data"`
	}
	if json.Unmarshal(rep.body, &key) != nil {
		res := r.unexpected(rep)
		res.Hint = "OpenRouter's base URL is https://openrouter.ai/api/v1: check the base URL."
		return res
	}
	if key.Data.LimitRemaining != nil && *key.Data.LimitRemaining <= 0 {
		return r.answer(rep, e, CodePayment, fmt.Sprintf("OpenRouter accepted the key, but its credit limit (%.2f) is used up.", deref(key.Data.Limit)))
	}
	res := r.answer(rep, e, CodeOK, "OpenRouter accepted the key.")
	if res.Code != CodeOK { // not a /key answer after all
		return res
	}
	found, detail := r.openRouterModel(ctx)
	res.ModelFound = found
	switch {
	case found == nil:
		res.Message += " " + detail
	case *found:
		res.Message = fmt.Sprintf("OpenRouter accepted the key and lists model %s.", r.s.Model)
	default:
		res.Code = CodeModelNotFound
		res.Message = fmt.Sprintf("OpenRouter accepted the key, but lists no model %q.", r.s.Model)
		res.Hint = "Model not found at review time: copy the id from openrouter.ai/models (author/slug, e.g. moonshotai/kimi-k2.5)."
	}
	return res
}

// openRouterModel looks the id up in GET {base}/models. nil means the
// list could not be read; detail says why.
func (r *run) openRouterModel(ctx context.Context) (*bool, string) {
	u := join(r.base, "models")
	rep, err := r.send(ctx, http.MethodGet, u, nil, nil, listBodyLimit)
	if err != nil {
		return nil, "Its model list could not be read, so the model id was not checked."
	}
	if rep.status != http.StatusOK || rep.truncated {
		return nil, fmt.Sprintf("Its model list answered HTTP %d, so the model id was not checked.", rep.status)
	}
	ids, ok := listIDs(rep.body)
	if !ok {
		return nil, "Its model list was not readable, so the model id was not checked."
	}
	// Shortcut suffixes (:nitro, :floor, :online) route an existing model.
	model := r.s.Model
	if i := strings.LastIndex(model, ":"); i > 0 && !slices.Contains(ids, model) {
		switch model[i+1:] {
		case "nitro", "floor", "online":
			model = model[:i]
		}
	}
	return ptr(slices.Contains(ids, model)), ""
}

func deref(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}

// openRouterError applies OpenRouter's documented error rules to any reply.
func (r *run) openRouterError(rep *reply, e apiError) (Result, bool) {
	if rep.status == http.StatusPaymentRequired {
		return r.answer(rep, e, CodePayment, "OpenRouter says the account has insufficient credits."), true
	}
	return Result{}, false
}
