package keytest

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Azure OpenAI: the key goes in the api-key header, the base URL is the
// resource endpoint (https://RESOURCE.openai.azure.com/openai) and the
// model is the deployment name. The read-only check is Models - List
// (GET {endpoint}/openai/models), which proves the key and the endpoint;
// a deployment cannot be looked up with the key (that is the management
// API), so it is proved by the call Kodus makes, through its deployment
// URL: {baseURL}/deployments/{deployment}/responses?api-version=v1.
//
// https://learn.microsoft.com/en-us/rest/api/azureopenai/models/list

// AzureModelsVersion is the GA api-version of Models - List.
const AzureModelsVersion = "2024-10-21"

// AzureAPIVersion is what Kodus's Azure module sends: it declares an
// apiVersion setting but never passes it, so the AI SDK's default applies.
const AzureAPIVersion = "v1"

// AzureResponsesURL is the URL of Kodus's call for a deployment.
func AzureResponsesURL(base, deployment string) string {
	return strings.TrimRight(base, "/") + "/deployments/" + url.PathEscape(deployment) + "/responses?api-version=" + AzureAPIVersion
}

func (r *run) azureHeader() http.Header {
	h := http.Header{}
	h.Set("api-key", r.key.Reveal())
	return h
}

// azureModels is the read-only check: the key and the endpoint. ok is
// false when the answer settles the test (a refused key, no Azure there).
func (r *run) azureModels(ctx context.Context) (Result, bool) {
	u := strings.TrimRight(r.base, "/") + "/models?api-version=" + AzureModelsVersion
	rep, err := r.send(ctx, http.MethodGet, u, r.azureHeader(), nil, listBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata), false
	}
	switch rep.status {
	case http.StatusOK:
		return r.answer(rep, apiError{}, CodeOK, "Azure OpenAI accepted the key at this resource endpoint."), true
	case http.StatusNotFound:
		// A gateway in front of Azure may not route Models - List: the
		// deployment call decides.
		return Result{}, true
	}
	return r.azureVerdict(rep), false
}

// azure is the metadata test: the models list, then one call to the
// deployment of at most 16 output tokens (the Responses API's minimum).
func (r *run) azure(ctx context.Context) Result {
	if res, ok := r.azureModels(ctx); !ok {
		return res
	}
	u := AzureResponsesURL(r.base, r.s.Model)
	body := map[string]any{"model": r.s.Model, "input": "ping", "max_output_tokens": 16}
	rep, err := r.send(ctx, http.MethodPost, u, r.azureHeader(), body, errorBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeInference)
	}
	res := r.azureVerdict(rep)
	res.Probe = ProbeInference
	return res
}

// azureVerdict classifies an Azure OpenAI answer: Azure's error codes
// (DeploymentNotFound, a key for another resource), then the status.
func (r *run) azureVerdict(rep *reply) Result {
	e := parseError(rep.body)
	if rep.status >= 200 && rep.status < 300 {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("Azure OpenAI accepted the key and served deployment %s.", r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	switch {
	case rep.status == http.StatusUnauthorized:
		res := r.answer(rep, e, CodeAuth, "Azure OpenAI rejected the key: it is not a key of this resource, or the endpoint is another resource's.")
		res.Hint = "Copy KEY 1 or KEY 2 from the Keys and Endpoint page of the same resource whose endpoint is the base URL."
		return res
	case rep.status == http.StatusForbidden:
		res := r.answer(rep, e, CodeAuth, "Azure OpenAI refused the request: the resource's network rules (firewall, private endpoint) or its policy do not let this machine in.")
		res.Headline = "Access denied"
		res.Hint = "Allow the address Kodus calls from in the resource's Networking settings, or use a key-based access the resource allows."
		return res
	case e.Code == "DeploymentNotFound" || (rep.status == http.StatusNotFound && e.contains("deployment")):
		no := false
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("The resource has no deployment named %q.", r.s.Model))
		res.ModelFound = &no
		res.Hint = "The model field is the deployment name shown under Deployments in Azure AI Foundry, not the model's name; a new deployment takes up to 5 minutes to answer."
		return res
	case rep.status == http.StatusNotFound:
		res := r.answer(rep, e, CodeNotFound, fmt.Sprintf("Nothing answers at %s.", rep.url))
		res.Hint = "The base URL is the resource endpoint ending in /openai, e.g. https://RESOURCE.openai.azure.com/openai."
		return res
	case rep.status == http.StatusTooManyRequests:
		return r.answer(rep, e, CodeRateLimit, "Azure OpenAI accepted the key, but the deployment's tokens-per-minute quota is used up right now.")
	case rep.status == http.StatusBadRequest && (e.Code == "OperationNotSupported" || e.contains("does not work with the specified model")):
		return r.answer(rep, e, CodeBadRequest, fmt.Sprintf("The deployment %s serves a model that does not take the call Kodus makes (the Responses API).", r.s.Model))
	}
	return r.fallback(rep, e, "Azure OpenAI")
}
