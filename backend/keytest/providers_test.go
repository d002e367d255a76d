package keytest

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
)

// pcase is one documented answer of a provider and the verdict it gets.
type pcase struct {
	name    string
	handler http.HandlerFunc
	want    Code
	// contains must appear in the message, hint, headline or provider code.
	contains string
	found    *bool
}

func runCases(t *testing.T, fam setup, cases []pcase, checkReq func(t *testing.T, r fakeprovider.Request)) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fakeprovider.New(t, c.handler)
			res := check(t, testerFor(f), fam.settings(f.URL), fam.key, c.want)
			all := strings.Join([]string{res.Headline, res.Message, res.Hint, res.ProviderCode, res.ProviderMessage}, " | ")
			if c.contains != "" && !strings.Contains(all, c.contains) {
				t.Errorf("result lacks %q: %s", c.contains, all)
			}
			if c.found != nil && (res.ModelFound == nil || *res.ModelFound != *c.found) {
				t.Errorf("modelFound = %v, want %v", res.ModelFound, *c.found)
			}
			if res.Endpoint == "" || (res.Code != CodeOK && res.HTTPStatus == 0) {
				t.Errorf("endpoint/status missing: %+v", res)
			}
			if checkReq != nil {
				checkReq(t, f.Last(t))
			}
		})
	}
}

var yes, no = ptr(true), ptr(false)

func fam(name string) setup {
	for _, f := range families {
		if f.name == name {
			return f
		}
	}
	panic(name)
}

func TestOpenAI(t *testing.T) {
	err := func(msg, typ, code string) string {
		return `{"error":{"message":"` + msg + `","type":"` + typ + `","param":null,"code":` + code + `}}`
	}
	runCases(t, fam("openai"), []pcase{
		{"ok", fakeprovider.Respond(200, `{"id":"gpt-5.4","object":"model","created":1686935002,"owned_by":"openai"}`), CodeOK, "serves model gpt-5.4", yes},
		{"invalid key", fakeprovider.Respond(401, err("Incorrect API key provided: sk-proj-****cdef. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", `"invalid_api_key"`)), CodeAuth, "invalid_api_key", nil},
		{"region", fakeprovider.Respond(403, err("Country, region, or territory not supported", "request_forbidden", `"unsupported_country_region_territory"`)), CodeAuth, "Region not supported", nil},
		{"model missing", fakeprovider.Respond(404, err("The model `gpt-5.4` does not exist or you do not have access to it.", "invalid_request_error", `"model_not_found"`)), CodeModelNotFound, "does not exist or this key has no access", no},
		{"wrong base URL", fakeprovider.Respond(404, `<html><body>Not Found</body></html>`), CodeNotFound, "base URL", nil},
		{"quota is payment", fakeprovider.Respond(429, err("You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", `"insufficient_quota"`)), CodePayment, "retrying will not help", nil},
		{"spend limit", fakeprovider.Respond(429, err("Organization spend limit exceeded.", "invalid_request_error", `"organization_spend_limit_exceeded"`)), CodePayment, "organization_spend_limit_exceeded", nil},
		{"rate limit", fakeprovider.Respond(429, err("Rate limit reached for requests", "requests", `"rate_limit_exceeded"`), "x-ratelimit-reset-requests", "1s"), CodeRateLimit, "Rate limited", nil},
		{"bad request", fakeprovider.Respond(400, err("Invalid URL (GET /v1/models/x)", "invalid_request_error", "null")), CodeBadRequest, "Invalid URL", nil},
		{"server error", fakeprovider.Respond(503, err("The engine is currently overloaded, please try again later", "server_error", "null")), CodeServerError, "HTTP 503", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Method != "GET" || r.Path != "/v1/models/gpt-5.4" || r.Header.Get("Authorization") != "Bearer "+fakeOpenAIKey {
			t.Errorf("request = %s %s auth=%q", r.Method, r.Path, r.Header.Get("Authorization"))
		}
		if r.Header.Get("User-Agent") != "kodus-byok-test/1" {
			t.Errorf("user agent = %q", r.Header.Get("User-Agent"))
		}
	})
}

func TestAnthropic(t *testing.T) {
	err := func(typ, msg string) string {
		return `{"type":"error","error":{"type":"` + typ + `","message":"` + msg + `"},"request_id":"req_011CFAKE"}`
	}
	runCases(t, fam("anthropic"), []pcase{
		{"ok", fakeprovider.Respond(200, `{"type":"model","id":"claude-sonnet-4-6","display_name":"Claude Sonnet 4.6","created_at":"2026-02-17T00:00:00Z"}`), CodeOK, "serves model", yes},
		{"invalid key", fakeprovider.Respond(401, err("authentication_error", "invalid x-api-key")), CodeAuth, "authentication_error", nil},
		{"permission", fakeprovider.Respond(403, err("permission_error", "Your API key does not have permission to use the specified resource.")), CodeAuth, "Permission denied", nil},
		{"model missing", fakeprovider.Respond(404, err("not_found_error", "model: claude-foo")), CodeModelNotFound, "has no model", no},
		{"wrong base URL", fakeprovider.Respond(404, `404 page not found`, "Content-Type", "text/plain"), CodeNotFound, "Endpoint not found", nil},
		{"low credit is a 400", fakeprovider.Respond(400, err("invalid_request_error", "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.")), CodePayment, "credit balance", nil},
		{"billing error", fakeprovider.Respond(402, err("billing_error", "Billing issue.")), CodePayment, "billing_error", nil},
		{"monthly spend limit", fakeprovider.Respond(429, err("rate_limit_error", "This request would exceed your account's monthly spend limit."), "retry-after", "1209600"), CodePayment, "spend limit", nil},
		{"rate limit", fakeprovider.Respond(429, err("rate_limit_error", "This request would exceed your account's rate limit. Please try again later."), "retry-after", "12"), CodeRateLimit, "rate_limit_error", nil},
		{"bad request", fakeprovider.Respond(400, err("invalid_request_error", "anthropic-version: invalid")), CodeBadRequest, "invalid_request_error", nil},
		{"overloaded", fakeprovider.Respond(529, err("overloaded_error", "Overloaded")), CodeServerError, "529", nil},
		{"api error", fakeprovider.Respond(500, err("api_error", "Internal server error")), CodeServerError, "HTTP 500", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Path != "/v1/models/claude-sonnet-4-6" || r.Header.Get("x-api-key") != fam("anthropic").key || r.Header.Get("anthropic-version") != "2023-06-01" || r.Header.Get("Authorization") != "" {
			t.Errorf("request = %s %v", r.Path, r.Header)
		}
	})
}

func googleErr(code int, status, msg, details string) string {
	return `{"error":{"code":` + strconv.Itoa(code) + `,"message":"` + msg + `","status":"` + status + `","details":[` + details + `]}}`
}

const keyInvalidDetail = `{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}`

func TestGemini(t *testing.T) {
	quota := `{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}`
	runCases(t, fam("gemini"), []pcase{
		{"ok", fakeprovider.Respond(200, `{"name":"models/gemini-3.1-pro-preview","version":"3.1","inputTokenLimit":1048576,"outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","countTokens"]}`), CodeOK, "serves model", yes},
		{"invalid key is a 400", fakeprovider.Respond(400, googleErr(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", keyInvalidDetail)), CodeAuth, "API_KEY_INVALID", nil},
		{"key not found", fakeprovider.Respond(400, googleErr(400, "INVALID_ARGUMENT", "API Key not found. Please pass a valid API key.", "")), CodeAuth, "not valid", nil},
		{"billing", fakeprovider.Respond(400, googleErr(400, "FAILED_PRECONDITION", "User location is not supported for the API use without a billing account linked.", "")), CodePayment, "billing", nil},
		{"restricted key", fakeprovider.Respond(403, googleErr(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers.", "")), CodeAuth, "Permission denied", nil},
		{"model missing", fakeprovider.Respond(404, googleErr(404, "NOT_FOUND", "models/gemini-3.1-pro-preview is not found for API version v1beta, or is not supported for generateContent.", "")), CodeModelNotFound, "has no model", no},
		{"wrong base URL", fakeprovider.Respond(404, `<html>Error 404 (Not Found)</html>`), CodeNotFound, "Endpoint not found", nil},
		{"rate limit", fakeprovider.Respond(429, googleErr(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details. Please retry in 37s.", quota)), CodeRateLimit, "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", nil},
		{"prepaid credits", fakeprovider.Respond(429, googleErr(429, "RESOURCE_EXHAUSTED", "Your prepayment credits are depleted. Please go to AI Studio to manage your project and billing.", "")), CodePayment, "prepaid", nil},
		{"bad request", fakeprovider.Respond(400, googleErr(400, "INVALID_ARGUMENT", "Invalid JSON payload received.", "")), CodeBadRequest, "INVALID_ARGUMENT", nil},
		{"overloaded", fakeprovider.Respond(503, googleErr(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", "")), CodeServerError, "UNAVAILABLE", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Path != "/v1beta/models/gemini-3.1-pro-preview" || r.Header.Get("x-goog-api-key") != fam("gemini").key || r.Query != "" {
			t.Errorf("request = %s ?%s %v", r.Path, r.Query, r.Header)
		}
	})
}
