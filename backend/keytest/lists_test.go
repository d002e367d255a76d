package keytest

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/secrets"
)

const orKey = `{"data":{"label":"sk-or-v1-abc...def","limit":null,"limit_remaining":null,"usage":0.25,"usage_daily":0,"usage_weekly":0,"usage_monthly":0.25,"is_free_tier":false,"is_provisioning_key":false,"rate_limit":{"requests":-1,"interval":"10s"}}}`

const orModels = `{"data":[{"id":"moonshotai/kimi-k2.5","name":"MoonshotAI: Kimi K2.5","context_length":262144},{"id":"z-ai/glm-5","name":"Z.AI: GLM 5"}]}`

func orErr(code int, msg string) string {
	return `{"error":{"code":` + strconv.Itoa(code) + `,"message":"` + msg + `"}}`
}

func TestOpenRouter(t *testing.T) {
	runCases(t, fam("openrouter"), []pcase{
		{"ok", fakeprovider.ByPath(map[string]http.HandlerFunc{"/key": fakeprovider.Respond(200, orKey), "/models": fakeprovider.Respond(200, orModels)}), CodeOK, "lists model moonshotai/kimi-k2.5", yes},
		{"model missing", fakeprovider.ByPath(map[string]http.HandlerFunc{"/key": fakeprovider.Respond(200, orKey), "/models": fakeprovider.Respond(200, `{"data":[{"id":"z-ai/glm-5"}]}`)}), CodeModelNotFound, "lists no model", no},
		{"model list down: key still proven", fakeprovider.ByPath(map[string]http.HandlerFunc{"/key": fakeprovider.Respond(200, orKey), "/models": fakeprovider.Respond(502, orErr(502, "upstream"))}), CodeOK, "not checked", nil},
		{"invalid key", fakeprovider.Respond(401, orErr(401, "User not found.")), CodeAuth, "User not found.", nil},
		{"no credits", fakeprovider.Respond(402, orErr(402, "Insufficient credits. Add more using https://openrouter.ai/credits")), CodePayment, "insufficient credits", nil},
		{"key limit used up", fakeprovider.ByPath(map[string]http.HandlerFunc{"/key": fakeprovider.Respond(200, `{"data":{"label":"x","limit":5,"limit_remaining":0,"usage":5}}`)}), CodePayment, "credit limit (5.00) is used up", nil},
		{"wrong base URL", fakeprovider.Respond(404, `<html>Not Found</html>`), CodeNotFound, "Endpoint not found", nil},
		{"bad request", fakeprovider.Respond(400, orErr(400, "Invalid request")), CodeBadRequest, "Invalid request", nil},
		{"rate limit", fakeprovider.Respond(429, orErr(429, "Rate limit exceeded: free-models-per-min."), "Retry-After", "20"), CodeRateLimit, "free-models-per-min", nil},
		{"server error", fakeprovider.Respond(503, orErr(503, "No available model provider that meets your routing requirements")), CodeServerError, "HTTP 503", nil},
	}, nil)

	// The public list is asked without the key.
	f := fakeprovider.New(t, fakeprovider.ByPath(map[string]http.HandlerFunc{"/key": fakeprovider.Respond(200, orKey), "/models": fakeprovider.Respond(200, orModels)}))
	s := fam("openrouter").settings(f.URL)
	s.Model = "moonshotai/kimi-k2.5:nitro" // a routing shortcut of a listed model
	check(t, testerFor(f), s, fam("openrouter").key, CodeOK)
	rs := f.Requests()
	if len(rs) != 2 || rs[0].Path != "/api/v1/key" || rs[0].Header.Get("Authorization") == "" || rs[1].Path != "/api/v1/models" || rs[1].Header.Get("Authorization") != "" {
		t.Errorf("requests = %+v", rs)
	}
}

func TestNovita(t *testing.T) {
	nerr := func(code int, reason, msg string) string {
		return `{"code":` + strconv.Itoa(code) + `,"reason":"` + reason + `","message":"` + msg + `","metadata":{}}`
	}
	list := `{"object":"list","data":[{"id":"moonshotai/kimi-k2-instruct","object":"model","input_token_price_per_m":5700},{"id":"deepseek/deepseek-v3.1"}]}`
	runCases(t, fam("novita"), []pcase{
		{"ok", fakeprovider.Respond(200, list), CodeOK, "serves model", yes},
		{"model missing", fakeprovider.Respond(200, `{"data":[{"id":"deepseek/deepseek-v3.1"}]}`), CodeModelNotFound, "available: deepseek/deepseek-v3.1", no},
		{"invalid key", fakeprovider.Respond(401, nerr(401, "INVALID_API_KEY", "invalid api key")), CodeAuth, "INVALID_API_KEY", nil},
		{"no balance", fakeprovider.Respond(403, nerr(403, "NOT_ENOUGH_BALANCE", "not enough balance")), CodePayment, "NOT_ENOUGH_BALANCE", nil},
		{"wrong base URL", fakeprovider.Respond(404, `404 page not found`, "Content-Type", "text/plain"), CodeNotFound, "no model list", nil},
		{"bad request", fakeprovider.Respond(400, nerr(400, "INVALID_REQUEST", "bad request")), CodeBadRequest, "INVALID_REQUEST", nil},
		{"rate limit", fakeprovider.Respond(429, nerr(429, "RATE_LIMIT_EXCEEDED", "rate limit exceeded")), CodeRateLimit, "RATE_LIMIT_EXCEEDED", nil},
		{"server error", fakeprovider.Respond(500, nerr(500, "MODEL_NOT_AVAILABLE", "model not available")), CodeServerError, "MODEL_NOT_AVAILABLE", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Path != "/openai/v1/models" || r.Header.Get("Authorization") != "Bearer "+fam("novita").key {
			t.Errorf("request = %s %v", r.Path, r.Header)
		}
	})
}

// Local servers: Ollama, vLLM, LM Studio over plain http, with or without a key.
func TestOpenAICompatibleLocalServers(t *testing.T) {
	ollama := `{"object":"list","data":[{"id":"llama3.1:8b","object":"model","created":1,"owned_by":"library"},{"id":"qwen2.5-coder:latest","object":"model"}]}`
	runCases(t, fam("compatible"), []pcase{
		{"ok", fakeprovider.Respond(200, ollama), CodeOK, "serves model llama3.1:8b", yes},
		{"model missing", fakeprovider.Respond(200, `{"object":"list","data":[{"id":"qwen2.5-coder:latest"}]}`), CodeModelNotFound, "available: qwen2.5-coder:latest", no},
		{"nothing loaded", fakeprovider.Respond(200, `{"object":"list","data":[]}`), CodeModelNotFound, "pull or load one first", no},
		{"vllm wrong key", fakeprovider.Respond(401, `{"error":"Unauthorized"}`), CodeAuth, "Unauthorized", nil},
		{"web page, not an API", fakeprovider.Respond(200, `<!doctype html><html>Open WebUI</html>`), CodeUnknown, "text/html", nil},
		{"missing /v1", fakeprovider.Respond(404, `404 page not found`, "Content-Type", "text/plain"), CodeNotFound, "must include the version", nil},
		{"lm studio no model", fakeprovider.Respond(400, `{"error":{"message":"No models loaded. Please load a model in the developer page or use the 'lms load' command.","type":"invalid_request_error"}}`), CodeBadRequest, "No models loaded", nil},
		{"rate limit", fakeprovider.Respond(429, `{"error":{"message":"Too many requests"}}`), CodeRateLimit, "Too many requests", nil},
		{"payment", fakeprovider.Respond(402, `{"error":{"message":"Budget exceeded"}}`), CodePayment, "Budget exceeded", nil},
		{"server error", fakeprovider.Respond(500, `{"error":{"message":"model runner has unexpectedly stopped"}}`), CodeServerError, "unexpectedly stopped", nil},
	}, nil)

	// Keyless: no Authorization header at all; a ":latest" tag is implied.
	f := fakeprovider.New(t, fakeprovider.Respond(200, ollama))
	s := Settings{Provider: "openai_compatible", Model: "qwen2.5-coder", BaseURL: f.URL + "/v1"}
	res := check(t, testerFor(f), s, "", CodeOK)
	if h := f.Last(t).Header.Get("Authorization"); h != "" || !strings.Contains(res.Message, "without a key") {
		t.Errorf("keyless: auth header %q, message %q", h, res.Message)
	}
	// A missing model lists the server's ids, for the GUI to offer.
	f = fakeprovider.New(t, fakeprovider.Respond(200, ollama))
	res = check(t, testerFor(f), Settings{Provider: "openai_compatible", Model: "llama3", BaseURL: f.URL + "/v1"}, "", CodeModelNotFound)
	if strings.Join(res.AvailableModels, ",") != "llama3.1:8b,qwen2.5-coder:latest" || strings.Contains(res.Message, "available") {
		t.Errorf("available = %v, message %q", res.AvailableModels, res.Message)
	}
	// A server that wants a key, tested without one.
	f = fakeprovider.New(t, fakeprovider.Respond(401, `{"error":"Unauthorized"}`))
	if res := check(t, testerFor(f), Settings{Provider: "openai_compatible", Model: "m", BaseURL: f.URL + "/v1"}, "", CodeAuth); res.Headline != "Key required" {
		t.Errorf("headline = %q", res.Headline)
	}
}

// A model list larger than the limit proves the key but not the model.
func TestHugeModelList(t *testing.T) {
	f := fakeprovider.New(t, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(200)
		w.Write([]byte(`{"data":[`))
		item := []byte(`{"id":"` + strings.Repeat("m", 1000) + `"},`)
		for i := 0; i < (listBodyLimit/len(item))+100; i++ {
			if _, err := w.Write(item); err != nil {
				return
			}
		}
	})
	res := check(t, testerFor(f), fam("compatible").settings(f.URL), fam("compatible").key, CodeOK)
	if res.ModelFound != nil || !strings.Contains(res.Message, "not looked up") {
		t.Errorf("result = %+v", res)
	}
}

func TestDescribe(t *testing.T) {
	tr := tester()
	for _, tt := range []struct {
		s    Settings
		kind string
		req  string
		note bool
	}{
		{Settings{Provider: "openai", Model: "gpt-5.4"}, ProbeMetadata, "GET https://api.openai.com/v1/models/gpt-5.4", false},
		{Settings{Provider: "anthropic", Model: "claude-opus-4-7"}, ProbeMetadata, "GET https://api.anthropic.com/v1/models/claude-opus-4-7", false},
		{Settings{Provider: "google_gemini", Model: "gemini-3-flash-preview"}, ProbeMetadata, "GET https://generativelanguage.googleapis.com/v1beta/models/gemini-3-flash-preview", false},
		{Settings{Provider: "open_router", Model: "z-ai/glm-5"}, ProbeMetadata, "GET https://openrouter.ai/api/v1/key", false},
		{Settings{Provider: "novita", Model: "x"}, ProbeMetadata, "GET https://api.novita.ai/openai/v1/models", false},
		{Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan"}, ProbeInference, "POST https://api.z.ai/api/coding/paas/v4/chat/completions", true},
		{Settings{Provider: "openai_compatible", Model: "glm-5.1", BaseURL: "https://open.bigmodel.cn/api/paas/v4/"}, ProbeInference, "POST https://open.bigmodel.cn/api/paas/v4/chat/completions", true},
		{Settings{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code"}, ProbeInference, "POST https://api.kimi.com/coding/v1/chat/completions", true},
		{Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot"}, ProbeMetadata, "GET https://api.moonshot.ai/v1/models", true},
		{Settings{Provider: "openai_compatible", Model: "llama3", BaseURL: "http://localhost:11434/v1"}, ProbeMetadata, "GET http://localhost:11434/v1/models", false},
		{Settings{Provider: "google_vertex", Model: "gemini-2.5-pro"}, ProbeCountTokens, "POST https://aiplatform.googleapis.com/v1/publishers/google/models/gemini-2.5-pro:countTokens", false},
	} {
		key := secrets.NewSecret("AQ.fake-express-key-0123456789")
		p := tr.Describe(tt.s, key)
		if p.Kind != tt.kind || p.Requests[0] != tt.req || (p.Note != "") != tt.note {
			t.Errorf("Describe(%+v) = %+v", tt.s, p)
		}
		if tt.kind == ProbeInference && !strings.Contains(p.Note, "at most 1 output token") {
			t.Errorf("inference note = %q", p.Note)
		}
	}
}
