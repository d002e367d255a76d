package keytest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/secrets"
)

// TestInferenceRequests checks the minimal request each provider gets: its
// path, its auth header and the output cap in its body.
func TestInferenceRequests(t *testing.T) {
	cases := []struct {
		family, path, authHeader, tokenField string
		tokens                               float64
		ok                                   string // a 200 body in the provider's shape
	}{
		{"openai", "/v1/chat/completions", "Authorization", "max_completion_tokens", 1, `{"choices":[{"finish_reason":"length","message":{"content":""}}]}`},
		{"anthropic", "/v1/messages", "X-Api-Key", "max_tokens", 1, `{"type":"message","content":[],"stop_reason":"max_tokens"}`},
		{"gemini", "/v1beta/models/gemini-3.1-pro-preview:generateContent", "X-Goog-Api-Key", "generationConfig.maxOutputTokens", 1, `{"candidates":[{"finishReason":"MAX_TOKENS"}]}`},
		{"vertex-express", "/v1/publishers/google/models/gemini-2.5-pro:generateContent", "X-Goog-Api-Key", "generationConfig.maxOutputTokens", 1, `{"candidates":[]}`},
		{"vertex-sa", "/v1/projects/fake-project/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent", "Authorization", "generationConfig.maxOutputTokens", 1, `{"candidates":[]}`},
		{"openrouter", "/api/v1/chat/completions", "Authorization", "max_tokens", 16, `{"choices":[]}`},
		{"novita", "/openai/v1/chat/completions", "Authorization", "max_tokens", 1, `{"choices":[]}`},
		{"moonshot", "/v1/chat/completions", "Authorization", "max_tokens", 1, `{"choices":[]}`},
		{"kimi-code", "/coding/v1/chat/completions", "Authorization", "max_tokens", 1, `{"choices":[]}`},
		{"zai", "/api/paas/v4/chat/completions", "Authorization", "max_tokens", 1, `{"choices":[]}`},
		{"compatible", "/v1/chat/completions", "Authorization", "max_tokens", 1, `{"choices":[]}`},
	}
	for _, c := range cases {
		t.Run(c.family, func(t *testing.T) {
			fm := fam(c.family)
			f := fakeprovider.New(t, fakeprovider.Respond(200, c.ok))
			tr := testerFor(f)
			// testerFor points a service account's token_uri at the fake.
			in, fail := tr.NewInferrer(context.Background(), fm.settings(f.URL), secrets.NewSecret(fm.key))
			if fail != nil {
				t.Fatalf("NewInferrer: %+v", *fail)
			}
			if spec := in.Spec(); spec.Method != http.MethodPost || !strings.HasSuffix(spec.URL, c.path) || float64(spec.MaxOutputTokens) != c.tokens {
				t.Errorf("spec = %+v", spec)
			}
			a := in.Send(context.Background())
			if a.Result.Code != CodeOK || !a.Result.OK || a.Result.Probe != ProbeInference {
				t.Fatalf("result = %+v", a.Result)
			}
			r := f.Last(t)
			if r.Method != http.MethodPost || r.Path != c.path {
				t.Errorf("request = %s %s, want POST %s", r.Method, r.Path, c.path)
			}
			if r.Header.Get(c.authHeader) == "" {
				t.Errorf("no %s header", c.authHeader)
			}
			if r.Header.Get("User-Agent") != "kodus-byok-test/1" {
				t.Errorf("user agent = %q", r.Header.Get("User-Agent"))
			}
			var body map[string]any
			if err := json.Unmarshal([]byte(r.Raw), &body); err != nil {
				t.Fatalf("body %q: %v", r.Body, err)
			}
			var got any = body
			for _, part := range strings.Split(c.tokenField, ".") {
				got = got.(map[string]any)[part]
			}
			if got != c.tokens {
				t.Errorf("%s = %v, want %v (body %s)", c.tokenField, got, c.tokens, r.Raw)
			}
			if c.family == "zai" && !strings.Contains(r.Raw, `"thinking":{"type":"disabled"}`) {
				t.Errorf("Z.ai body without thinking disabled: %s", r.Raw)
			}
			if strings.Contains(mustJSON(a.Result), fm.key) {
				t.Error("the key leaked into the result")
			}
		})
	}
}

// TestInferenceVerdicts: a rejection means what it means in the key test.
func TestInferenceVerdicts(t *testing.T) {
	cases := []struct {
		name, family string
		handler      http.HandlerFunc
		want         Code
		providerCode string
		retryAfter   time.Duration
	}{
		{"zai concurrency", "zai", fakeprovider.Respond(429, `{"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits"}}`), CodeRateLimit, "1302", 0},
		{"zai no package", "zai", fakeprovider.Respond(429, `{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}`), CodePayment, "1113", 0},
		{"moonshot rate limit", "moonshot", fakeprovider.Respond(429, `{"error":{"type":"rate_limit_reached_error","message":"Your account org-1 request reached max concurrency: 3, please try again after 1 seconds"}}`, "Retry-After", "1"), CodeRateLimit, "rate_limit_reached_error", time.Second},
		{"moonshot quota", "moonshot", fakeprovider.Respond(429, `{"error":{"type":"exceeded_current_quota_error","message":"Your account is suspended, please check your plan and billing details"}}`), CodePayment, "exceeded_current_quota_error", 0},
		{"openai rate limit", "openai", fakeprovider.Respond(429, `{"error":{"message":"Rate limit reached for gpt-5.4 on requests per min (RPM): Limit 500.","type":"requests","param":null,"code":"rate_limit_exceeded"}}`, "retry-after-ms", "250", "Retry-After", "1", "x-ratelimit-remaining-requests", "0"), CodeRateLimit, "rate_limit_exceeded", 250 * time.Millisecond},
		{"openai quota", "openai", fakeprovider.Respond(429, `{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`), CodePayment, "insufficient_quota", 0},
		{"anthropic rate limit", "anthropic", fakeprovider.Respond(429, `{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account's rate limit."}}`, "retry-after", "3"), CodeRateLimit, "rate_limit_error", 3 * time.Second},
		{"anthropic spend limit", "anthropic", fakeprovider.Respond(429, `{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account's monthly spend limit."}}`, "retry-after", "86400"), CodePayment, "rate_limit_error", 24 * time.Hour},
		{"gemini quota", "gemini", fakeprovider.Respond(429, `{"error":{"code":429,"message":"You exceeded your current quota. Please retry in 37s.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}`), CodeRateLimit, "GenerateRequestsPerMinutePerProjectPerModel", 37 * time.Second},
		{"kimi code agents only", "kimi-code", fakeprovider.Respond(403, `{"error":{"type":"access_terminated_error","message":"Kimi For Coding is currently only available for Coding Agents such as Kimi CLI, Claude Code, Roo Code, Kilo Code, etc."}}`), CodeAuth, "access_terminated_error", 0},
		{"ollama unknown model", "compatible", fakeprovider.Respond(404, `{"error":{"message":"model \"foo\" not found, try pulling it first","type":"api_error","param":null,"code":null}}`), CodeModelNotFound, "api_error", 0},
		{"server error", "compatible", fakeprovider.Respond(500, `{"error":{"message":"boom"}}`), CodeServerError, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fm := fam(c.family)
			f := fakeprovider.New(t, c.handler)
			in, fail := testerFor(f).NewInferrer(context.Background(), fm.settings(f.URL), secrets.NewSecret(fm.key))
			if fail != nil {
				t.Fatalf("NewInferrer: %+v", *fail)
			}
			a := in.Send(context.Background())
			if a.Result.Code != c.want || a.Result.ProviderCode != c.providerCode {
				t.Fatalf("code = %s (%s), want %s (%s): %+v", a.Result.Code, a.Result.ProviderCode, c.want, c.providerCode, a.Result)
			}
			if a.RetryAfter != c.retryAfter {
				t.Errorf("retry after = %s, want %s", a.RetryAfter, c.retryAfter)
			}
			if c.family == "openai" && c.want == CodeRateLimit && a.RateLimits["x-ratelimit-remaining-requests"] != "0" {
				t.Errorf("rate-limit headers = %v", a.RateLimits)
			}
		})
	}
}

func TestInferenceNeedsAKey(t *testing.T) {
	f := fakeprovider.New(t, fakeprovider.Respond(200, `{}`))
	_, fail := testerFor(f).NewInferrer(context.Background(), fam("openai").settings(f.URL), secrets.Secret{})
	if fail == nil || fail.Code != CodeAuth || len(f.Requests()) != 0 {
		t.Fatalf("fail = %+v, requests %d", fail, len(f.Requests()))
	}
	spec, err := testerFor(f).DescribeInference(Settings{Provider: "openai_compatible", Model: "m"}, secrets.Secret{})
	if err == nil {
		t.Fatalf("a compatible slot without a base URL was described: %+v", spec)
	}
}

func TestRetryAfterForms(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	h := func(kv ...string) http.Header {
		out := http.Header{}
		for i := 0; i+1 < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	cases := []struct {
		hdr  http.Header
		e    apiError
		want time.Duration
	}{
		{h("Retry-After", "2"), apiError{}, 2 * time.Second},
		{h("Retry-After", "0.5"), apiError{}, 500 * time.Millisecond},
		{h("Retry-After", now.Add(90*time.Second).Format(http.TimeFormat)), apiError{}, 90 * time.Second},
		{h("Retry-After", now.Add(-time.Minute).Format(http.TimeFormat)), apiError{}, 0},
		{h("Retry-After-Ms", "120", "Retry-After", "1"), apiError{}, 120 * time.Millisecond},
		{h("Retry-After", "soon"), apiError{RetryDelay: "4s"}, 4 * time.Second},
		{h(), apiError{}, 0},
	}
	for i, c := range cases {
		if got := retryAfter(c.hdr, c.e, now); got != c.want {
			t.Errorf("case %d: %s, want %s", i, got, c.want)
		}
	}
}
