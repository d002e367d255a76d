package keytest

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
)

func zerr(code, msg string) string {
	return `{"error":{"code":"` + code + `","message":"` + msg + `"}}`
}

const chatOK = `{"id":"chatcmpl-1","object":"chat.completion","model":"glm-5.1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"length"}],"usage":{"prompt_tokens":6,"completion_tokens":1,"total_tokens":7}}`

const noPackage = "Insufficient balance or no resource package. Please recharge."

func TestZai(t *testing.T) {
	runCases(t, fam("zai"), []pcase{
		{"ok", fakeprovider.Respond(200, chatOK), CodeOK, "served model glm-5.1", yes},
		{"invalid key", fakeprovider.Respond(401, zerr("1002", "Authorization Token非法，请确认Authorization Token正确传递。")), CodeAuth, "1002", nil},
		{"locked account", fakeprovider.Respond(401, zerr("1112", "Your account has been locked.")), CodeAuth, "1112", nil},
		{"model missing", fakeprovider.Respond(400, zerr("1211", "Unknown Model, please check the model code.")), CodeModelNotFound, "1211", no},
		{"plan lacks model", fakeprovider.Respond(429, zerr("1311", "Your current plan does not include this model.")), CodeModelNotFound, "plan does not include", no},
		{"too much concurrency", fakeprovider.Respond(429, zerr("1302", "High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits")), CodeRateLimit, "lower Max concurrent requests", nil},
		{"plan window used", fakeprovider.Respond(429, zerr("1308", "Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 10:00:00")), CodeRateLimit, "reset at", nil},
		{"plan expired", fakeprovider.Respond(429, zerr("1309", "Your GLM Coding Plan package has expired.")), CodePayment, "1309", nil},
		{"bad request", fakeprovider.Respond(400, zerr("1214", "Invalid messages parameter.")), CodeBadRequest, "1214", nil},
		{"wrong base URL", fakeprovider.Respond(404, `{"timestamp":"2026-11-27T10:00:00.000+00:00","status":404,"error":"Not Found","path":"/api/paas/v4/chat/completions"}`), CodeNotFound, "Endpoint not found", nil},
		{"server error", fakeprovider.Respond(500, zerr("500", "Internal Error")), CodeServerError, "HTTP 500", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		var body struct {
			Model     string `json:"model"`
			MaxTokens int    `json:"max_tokens"`
			Thinking  struct {
				Type string `json:"type"`
			} `json:"thinking"`
		}
		if err := json.Unmarshal([]byte(r.Raw), &body); err != nil {
			t.Fatal(err)
		}
		if r.Method != "POST" || r.Path != "/api/paas/v4/chat/completions" || body.Model != "glm-5.1" || body.MaxTokens != 1 || body.Thinking.Type != "disabled" {
			t.Errorf("request = %s %s %s", r.Method, r.Path, r.Raw)
		}
	})
}

// 1113 on one plan's endpoint: the other plan's endpoint on the same host
// decides between wrong_plan and payment.
func TestZaiPlanMismatch(t *testing.T) {
	key := fam("zai").key
	endpoint := func(paas, coding http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/api/coding/paas/v4/") {
				coding(w, r)
				return
			}
			paas(w, r)
		}
	}
	refuse := fakeprovider.Respond(429, zerr("1113", noPackage))
	t.Run("coding plan key on the Developer API", func(t *testing.T) {
		f := fakeprovider.New(t, endpoint(refuse, fakeprovider.Respond(200, chatOK)))
		res := check(t, testerFor(f), Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas", BaseURL: f.URL + "/api/paas/v4/"}, key, CodeWrongPlan)
		if res.SuggestedPlan != "coding-plan" || res.SuggestedPlanLabel != "Coding Plan" || res.SuggestedBaseURL != f.URL+"/api/coding/paas/v4" || res.HTTPStatus != 429 || res.ProviderCode != "1113" {
			t.Errorf("result = %+v", res)
		}
		if !strings.Contains(res.Message, "belongs to the Coding Plan") || len(f.Requests()) != 2 {
			t.Errorf("message %q after %d requests", res.Message, len(f.Requests()))
		}
	})
	t.Run("developer key on the Coding Plan, other endpoint throttled", func(t *testing.T) {
		f := fakeprovider.New(t, endpoint(fakeprovider.Respond(429, zerr("1302", "Rate limit reached for requests")), refuse))
		res := check(t, testerFor(f), Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan", BaseURL: f.URL + "/api/coding/paas/v4"}, key, CodeWrongPlan)
		if res.SuggestedPlan != "paas" || res.SuggestedBaseURL != f.URL+"/api/paas/v4" {
			t.Errorf("result = %+v", res)
		}
	})
	t.Run("neither endpoint takes it", func(t *testing.T) {
		f := fakeprovider.New(t, endpoint(refuse, refuse))
		res := check(t, testerFor(f), Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas", BaseURL: f.URL + "/api/paas/v4/"}, key, CodePayment)
		if !strings.Contains(res.Hint, "no balance") || !strings.Contains(res.Hint, "other plan") || res.SuggestedPlan != "" {
			t.Errorf("hint = %q", res.Hint)
		}
	})
	t.Run("other endpoint missing (China host)", func(t *testing.T) {
		f := fakeprovider.New(t, endpoint(refuse, fakeprovider.Respond(404, `<html>404</html>`)))
		check(t, testerFor(f), Settings{Provider: "openai_compatible", Model: "glm-5.1", BaseURL: f.URL + "/api/paas/v4"}, key, CodePayment)
	})
}

// testCatalog points the Kimi plans at fake servers, as if they were
// Moonshot's own endpoints.
func testCatalog(t *testing.T, moonshot, kimi string) *catalog.Catalog {
	t.Helper()
	raw, err := os.ReadFile("../kodusline/data/mid-2026/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(raw), "https://api.moonshot.ai/v1", moonshot+"/v1")
	s = strings.ReplaceAll(s, "https://api.kimi.com/coding/v1", kimi+"/coding/v1")
	c, err := catalog.Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestKimiCode(t *testing.T) {
	kerr := func(typ, msg string) string { return `{"error":{"type":"` + typ + `","message":"` + msg + `"}}` }
	runCases(t, fam("kimi-code"), []pcase{
		{"ok", fakeprovider.Respond(200, chatOK), CodeOK, "served model kimi-for-coding", yes},
		{"coding agents only", fakeprovider.Respond(403, kerr("access_terminated_error", "Kimi For Coding is currently only available for Coding Agents such as Kimi CLI, Claude Code, Roo Code, Kilo Code, etc.")), CodeAuth, "accepts only coding agents", nil},
		{"invalid key", fakeprovider.Respond(401, kerr("invalid_authentication_error", "The API Key appears to be invalid or may have expired.")), CodeAuth, "rejected the key", nil},
		{"no membership", fakeprovider.Respond(402, kerr("payment_required", "We're unable to verify your membership benefits.")), CodePayment, "membership", nil},
		{"cycle limit", fakeprovider.Respond(403, kerr("permission_denied_error", "You've reached the usage limit for this billing cycle.")), CodePayment, "billing cycle", nil},
		{"model missing", fakeprovider.Respond(404, kerr("resource_not_found_error", "Not found the model kimi-for-coding or Permission denied")), CodeModelNotFound, "serves kimi-for-coding", no},
		{"bad request", fakeprovider.Respond(400, kerr("invalid_request_error", "Invalid request")), CodeBadRequest, "invalid_request_error", nil},
		{"wrong base URL", fakeprovider.Respond(404, `<html>404 Not Found</html>`), CodeNotFound, "Endpoint not found", nil},
		{"5-hour limit", fakeprovider.Respond(429, kerr("rate_limit_reached_error", "You've reached the 5-hour usage limit.")), CodeRateLimit, "5-hour", nil},
		{"server error", fakeprovider.Respond(500, kerr("server_error", "Internal error")), CodeServerError, "HTTP 500", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Path != "/coding/v1/chat/completions" || !strings.Contains(r.Raw, `"max_tokens":1`) || r.Header.Get("User-Agent") != "kodus-byok-test/1" {
			t.Errorf("request = %s %s UA=%q", r.Path, r.Body, r.Header.Get("User-Agent"))
		}
	})
}

func TestKimiPlanMismatch(t *testing.T) {
	invalid := fakeprovider.Respond(401, `{"error":{"type":"invalid_authentication_error","message":"Invalid Authentication"}}`)
	list := fakeprovider.Respond(200, `{"object":"list","data":[{"id":"kimi-k2.6","object":"model"},{"id":"kimi-k2.7-code"}]}`)
	t.Run("code plan key on the Developer API", func(t *testing.T) {
		moon, kimi := fakeprovider.New(t, invalid), fakeprovider.New(t, fakeprovider.Respond(200, chatOK))
		tr := testerFor(moon)
		tr.Catalog = testCatalog(t, moon.URL, kimi.URL)
		res := check(t, tr, Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: moon.URL + "/v1"}, "sk-kimi-FAKEtestKEY0123456789abcdef", CodeWrongPlan)
		if res.SuggestedPlan != "kimi-code" || res.SuggestedBaseURL != kimi.URL+"/coding/v1" || !strings.Contains(res.Message, "Kimi Code Plan") {
			t.Errorf("result = %+v", res)
		}
		if r := kimi.Last(t); r.Path != "/coding/v1/chat/completions" || !strings.Contains(r.Raw, `"model":"kimi-for-coding"`) {
			t.Errorf("kimi request = %s %s", r.Path, r.Raw)
		}
	})
	t.Run("developer key on Kimi Code", func(t *testing.T) {
		moon, kimi := fakeprovider.New(t, list), fakeprovider.New(t, invalid)
		tr := testerFor(kimi)
		tr.Catalog = testCatalog(t, moon.URL, kimi.URL)
		res := check(t, tr, Settings{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code", BaseURL: kimi.URL + "/coding/v1"}, fam("moonshot").key, CodeWrongPlan)
		if res.SuggestedPlan != "moonshot" || res.SuggestedPlanLabel != "Developer API" {
			t.Errorf("result = %+v", res)
		}
	})
	t.Run("a bad key stays a bad key", func(t *testing.T) {
		moon, kimi := fakeprovider.New(t, invalid), fakeprovider.New(t, invalid)
		tr := testerFor(moon)
		tr.Catalog = testCatalog(t, moon.URL, kimi.URL)
		res := check(t, tr, Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: moon.URL + "/v1"}, "sk-kimi-FAKEtestKEY0123456789abcdef", CodeAuth)
		if !strings.Contains(res.Message, "sk-kimi- are Kimi Code Plan keys") {
			t.Errorf("message = %q", res.Message)
		}
	})
	t.Run("a proxy's key never goes to Moonshot", func(t *testing.T) {
		moon, kimi, proxy := fakeprovider.New(t, list), fakeprovider.New(t, fakeprovider.Respond(200, chatOK)), fakeprovider.New(t, invalid)
		tr := testerFor(proxy)
		tr.Catalog = testCatalog(t, moon.URL, kimi.URL)
		check(t, tr, Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: proxy.URL + "/v1"}, fam("moonshot").key, CodeAuth)
		if len(moon.Requests())+len(kimi.Requests()) != 0 {
			t.Fatal("a key configured for another endpoint was sent to the catalog's endpoints")
		}
	})
}

func TestMoonshot(t *testing.T) {
	merr := func(typ, msg string) string { return `{"error":{"type":"` + typ + `","message":"` + msg + `"}}` }
	runCases(t, fam("moonshot"), []pcase{
		{"ok", fakeprovider.Respond(200, `{"object":"list","data":[{"id":"kimi-k2.6","object":"model","owned_by":"moonshot"}]}`), CodeOK, "serves model kimi-k2.6", yes},
		{"model missing", fakeprovider.Respond(200, `{"object":"list","data":[{"id":"kimi-k2.5"}]}`), CodeModelNotFound, "available: kimi-k2.5", no},
		{"invalid key", fakeprovider.Respond(401, merr("invalid_authentication_error", "Invalid Authentication")), CodeAuth, "invalid_authentication_error", nil},
		{"suspended", fakeprovider.Respond(403, merr("exceeded_current_quota_error", "Your account org-1 is suspended, please check your plan and billing details")), CodePayment, "suspended", nil},
		{"balance", fakeprovider.Respond(429, merr("exceeded_current_quota_error", "Your account org-1 is not active, current state: suspended, please check your plan and billing details")), CodePayment, "exceeded_current_quota_error", nil},
		{"rate limit", fakeprovider.Respond(429, merr("rate_limit_reached_error", "Your account org-1 request reached organization max RPM: 3")), CodeRateLimit, "rate_limit_reached_error", nil},
		{"wrong base URL", fakeprovider.Respond(404, merr("resource_not_found_error", "The requested resource was not found")), CodeNotFound, "no model list", nil},
		{"bad request", fakeprovider.Respond(400, merr("invalid_request_error", "Invalid request")), CodeBadRequest, "invalid_request_error", nil},
		{"server error", fakeprovider.Respond(500, merr("server_error", "Internal error")), CodeServerError, "HTTP 500", nil},
	}, nil)
}
