package keytest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// OpenAI's quota codes arrive with HTTP 429 like a rate limit, but retrying
// never helps: they are billing.
var openAIQuotaCodes = map[string]bool{
	"insufficient_quota": true, "credit_balance_exhausted": true, "organization_spend_limit_exceeded": true,
	"project_spend_limit_exceeded": true, "organization_usage_limit_exceeded": true, "billing_hard_limit_reached": true,
}

// openAI: GET {base}/models/{model} checks the key and the model at once.
func (r *run) openAI(ctx context.Context) Result {
	u := join(r.base, "models", escapeModel(r.s.Model))
	rep, err := r.send(ctx, http.MethodGet, u, r.bearer(), nil, errorBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	e := parseError(rep.body)
	if rep.status == http.StatusOK {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("OpenAI accepted the key and serves model %s.", r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	if res, ok := r.openAIError(rep, e); ok {
		return res
	}
	return r.fallback(rep, e, "OpenAI")
}

// openAIError applies OpenAI's documented error rules to any reply: the
// key test's model look-up and the settings dry run share them.
func (r *run) openAIError(rep *reply, e apiError) (Result, bool) {
	switch {
	case rep.status == http.StatusNotFound && (e.Code == "model_not_found" || e.Type == "invalid_request_error"):
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("OpenAI accepted the key, but model %q does not exist or this key has no access to it.", r.s.Model))
		res.ModelFound = ptr(false)
		return res, true
	case rep.status == http.StatusTooManyRequests && (openAIQuotaCodes[e.Type] || openAIQuotaCodes[e.Code]):
		return r.answer(rep, e, CodePayment, "OpenAI says this key's quota or spend limit is used up: retrying will not help."), true
	case rep.status == http.StatusForbidden && e.contains("country", "region", "territory"):
		res := r.answer(rep, e, CodeAuth, "OpenAI refuses requests from this country or region.")
		res.Headline = "Region not supported"
		res.Hint = "OpenAI serves only supported countries; use another provider, or a proxy you are allowed to use."
		return res, true
	case rep.status == http.StatusUnauthorized && e.contains("ip", "not authorized"):
		res := r.answer(rep, e, CodeAuth, "OpenAI rejected the key from this IP address or organisation.")
		res.Hint = "Check the key's IP allowlist and organisation membership on platform.openai.com."
		return res, true
	}
	return Result{}, false
}

// modelList: GET {base}/models (OpenAI list shape) and a look-up of the
// model id in it. Novita, Moonshot and local servers (Ollama, vLLM, LM
// Studio) all answer it.
func (r *run) modelList(ctx context.Context, who string) Result {
	u := join(r.base, "models")
	rep, err := r.send(ctx, http.MethodGet, u, r.bearer(), nil, listBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	if rep.status != http.StatusOK {
		return r.listFailure(rep, who)
	}
	return r.lookUp(rep, who)
}

func (r *run) listFailure(rep *reply, who string) Result {
	e := parseError(rep.body)
	switch {
	case rep.status == http.StatusUnauthorized && r.key.Empty():
		res := r.answer(rep, e, CodeAuth, who+" requires a key, and none was given.")
		res.Headline = "Key required"
		res.Hint = "Paste the server's key (vLLM --api-key, LM Studio token); local servers started without one need none."
		return res
	case rep.status == http.StatusForbidden && (e.Type == "NOT_ENOUGH_BALANCE" || e.contains("balance")):
		return r.answer(rep, e, CodePayment, who+" says the account balance is too low.")
	case rep.status == http.StatusNotFound:
		res := r.answer(rep, e, CodeNotFound, fmt.Sprintf("%s has no model list at %s.", who, rep.url))
		res.Hint = "Endpoint not found: the base URL must include the version (e.g. http://localhost:11434/v1), so that {baseURL}/models answers."
		return res
	}
	return r.fallback(rep, e, who)
}

// lookUp finds the model in an OpenAI-shaped list.
func (r *run) lookUp(rep *reply, who string) Result {
	if rep.truncated {
		res := r.answer(rep, apiError{}, CodeOK, fmt.Sprintf("%s accepted the key; its model list is larger than %d MB, so model %s was not looked up.", who, listBodyLimit>>20, r.s.Model))
		return res
	}
	ids, ok := listIDs(rep.body)
	if !ok {
		return r.unexpected(rep)
	}
	if found, name := findModel(ids, r.s.Model); found {
		msg := fmt.Sprintf("%s accepted the key and serves model %s.", who, name)
		if r.key.Empty() {
			msg = fmt.Sprintf("%s answered without a key and serves model %s.", who, name)
		}
		res := r.answer(rep, apiError{}, CodeOK, msg)
		res.ModelFound = ptr(true)
		return res
	}
	res := r.answer(rep, apiError{}, CodeModelNotFound, fmt.Sprintf("%s answered, but model %q is not among the %d it serves.", who, r.s.Model, len(ids)))
	res.ModelFound = ptr(false)
	if len(ids) == 0 {
		res.Hint = "No model is available: pull or load one first (Ollama: ollama pull MODEL; LM Studio: load a model)."
		return res
	}
	res.Hint = "Use one of the model ids it serves" + sample(ids) + "."
	res.AvailableModels = ids[:min(len(ids), maxAvailable)]
	return res
}

// maxAvailable bounds the model ids a result lists for the user to pick.
const maxAvailable = 100

// listIDs reads {"data":[{"id":…}]}.
func listIDs(body []byte) ([]string, bool) {
	var l struct {
		Data *[]struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if json.Unmarshal(body, &l) != nil || l.Data == nil {
		return nil, false
	}
	ids := make([]string, 0, len(*l.Data))
	for _, m := range *l.Data {
		ids = append(ids, m.ID)
	}
	return ids, true
}

// findModel matches exactly, then case-insensitively, then Ollama's
// implicit ":latest" tag.
func findModel(ids []string, model string) (bool, string) {
	for _, id := range ids {
		if id == model {
			return true, id
		}
	}
	for _, id := range ids {
		if strings.EqualFold(id, model) || strings.EqualFold(id, model+":latest") {
			return true, id
		}
	}
	return false, ""
}

func sample(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	n := min(len(ids), 6)
	more := ""
	if len(ids) > n {
		more = ", …"
	}
	return " (available: " + strings.Join(ids[:n], ", ") + more + ")"
}
