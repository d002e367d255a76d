package keytest

import (
	"context"
	"fmt"
	"net/http"
)

// anthropicVersion is the API version header Anthropic requires.
const anthropicVersion = "2023-06-01"

// anthropic: GET {base}/models/{model} with x-api-key; it accepts aliases.
func (r *run) anthropic(ctx context.Context) Result {
	u := join(r.base, "models", escapeModel(r.s.Model))
	h := http.Header{}
	h.Set("x-api-key", r.key.Reveal())
	h.Set("anthropic-version", anthropicVersion)
	rep, err := r.send(ctx, http.MethodGet, u, h, nil, errorBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	e := parseError(rep.body)
	if rep.status == http.StatusOK {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("Anthropic accepted the key and serves model %s.", r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	if res, ok := r.anthropicError(rep, e); ok {
		return res
	}
	return r.fallback(rep, e, "Anthropic")
}

// anthropicError applies Anthropic's documented error rules to any reply.
func (r *run) anthropicError(rep *reply, e apiError) (Result, bool) {
	switch {
	case rep.status == http.StatusNotFound && e.Type == "not_found_error":
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("Anthropic accepted the key, but has no model %q.", r.s.Model))
		res.ModelFound = ptr(false)
		return res, true
	// Low credit comes as 400 invalid_request_error, not the documented 402.
	case rep.status == http.StatusBadRequest && e.contains("credit balance"):
		return r.answer(rep, e, CodePayment, "Anthropic says the credit balance is too low."), true
	case rep.status == http.StatusTooManyRequests && e.contains("spend limit"):
		res := r.answer(rep, e, CodePayment, "Anthropic says the account reached its monthly spend limit: requests fail until it is raised or the month ends.")
		res.Hint = "Raise the spend limit in the Anthropic console (Limits), then test again."
		return res, true
	case rep.status == http.StatusForbidden && e.Type == "permission_error":
		res := r.answer(rep, e, CodeAuth, "Anthropic accepted the key but it has no permission for this model or resource.")
		res.Headline = "Permission denied"
		res.Hint = "Check the key's workspace and model access in the Anthropic console."
		return res, true
	case rep.status == 529:
		return r.answer(rep, e, CodeServerError, "Anthropic is overloaded (HTTP 529)."), true
	}
	return Result{}, false
}
