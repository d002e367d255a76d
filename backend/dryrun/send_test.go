package dryrun

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/secrets"
)

// dcase is one documented answer of a provider to Kodus's request and the
// verdict the dry run must give.
type dcase struct {
	name    string
	in      func(base string) Input
	key     string
	handler http.HandlerFunc
	want    keytest.Code
	param   string
	// fix must appear in the hint.
	fix string
	// sent checks what reached the provider.
	sent func(t *testing.T, s fakeprovider.Request)
	// usage, when set, is the usage the provider reported.
	usage *Usage
	// note must appear among the result's notes.
	note string
}

func opts(js string) map[string]any {
	var m map[string]any
	d := json.NewDecoder(strings.NewReader(js))
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		panic(err)
	}
	return m
}

func i64(v int64) *int64 { return &v }

func TestProviderAnswers(t *testing.T) {
	anthropicErr := func(msg string) string {
		return `{"type":"error","error":{"type":"invalid_request_error","message":` + mustJSON(msg) + `},"request_id":"req_011CFAKEdryrun"}`
	}
	openAIErr := func(msg, param, code string) string {
		return `{"error":{"message":` + mustJSON(msg) + `,"type":"invalid_request_error","param":"` + param + `","code":"` + code + `"}}`
	}
	cases := []dcase{
		{
			name: "anthropic adaptive accepted, usage reported",
			in: func(b string) Input {
				return Input{Provider: "anthropic", Model: "claude-sonnet-4-6", BaseURL: b + "/v1", Temperature: f64(0), MaxOutputTokens: intp(16384),
					ProviderOptions: opts(`{"anthropic":{"thinking":{"type":"adaptive"},"effort":"medium"}}`)}
			},
			key:     fakeAnthropicKey,
			handler: fakeprovider.Respond(200, `{"id":"msg_01FAKE","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[{"type":"thinking","thinking":"The user wants OK.","signature":"EqFAKE"},{"type":"text","text":"OK"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":24,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":41}}`),
			want:    keytest.CodeOK,
			sent: func(t *testing.T, s fakeprovider.Request) {
				if s.Path != "/v1/messages" || s.Header.Get("X-Api-Key") != fakeAnthropicKey || s.Header.Get("Anthropic-Version") != "2023-06-01" {
					t.Errorf("request = %s %v", s.Path, s.Header)
				}
				if at(s.Body, "thinking.type") != "adaptive" || at(s.Body, "output_config.effort") != "medium" || s.Body["temperature"] != nil || s.Body["max_tokens"] != 16384.0 {
					t.Errorf("body = %s", s.Raw)
				}
			},
			usage: &Usage{InputTokens: 24, OutputTokens: 41},
		},
		{
			name: "anthropic refuses thinking enabled on Opus 4.7",
			in: func(b string) Input {
				return Input{Provider: "anthropic", Model: "claude-opus-4-7", BaseURL: b + "/v1", MaxOutputTokens: intp(32768),
					ProviderOptions: opts(`{"anthropic":{"thinking":{"type":"enabled","budgetTokens":15000}}}`)}
			},
			key:     fakeAnthropicKey,
			handler: fakeprovider.Respond(400, anthropicErr(`"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.`)),
			want:    CodeSettingsRejected, param: ParamThinking, fix: `Use adaptive thinking`,
			sent: func(t *testing.T, s fakeprovider.Request) {
				if at(s.Body, "thinking.budget_tokens") != 15000.0 || s.Body["max_tokens"] != 47768.0 {
					t.Errorf("the budget form was not sent as the SDK sends it: %s", s.Raw)
				}
			},
		},
		{
			name: "anthropic max_tokens above the model's limit (an id the SDK does not know)",
			in: func(b string) Input {
				return Input{Provider: "anthropic", Model: "claude-proxy-large", BaseURL: b + "/v1", MaxOutputTokens: intp(200000)}
			},
			key:     fakeAnthropicKey,
			handler: fakeprovider.Respond(400, anthropicErr("max_tokens: 200000 > 64000, which is the maximum allowed number of output tokens for claude-proxy-large")),
			want:    CodeSettingsRejected, param: ParamMaxTokens, fix: "to 64000 or less",
		},
		{
			name: "anthropic low credit stays payment",
			in: func(b string) Input {
				return Input{Provider: "anthropic", Model: "claude-sonnet-4-6", BaseURL: b + "/v1", MaxOutputTokens: intp(16384)}
			},
			key:     fakeAnthropicKey,
			handler: fakeprovider.Respond(400, anthropicErr("Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.")),
			want:    keytest.CodePayment,
		},
		{
			name: "moonshot refuses temperature 0 for Kimi",
			in: func(b string) Input {
				return Input{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: b + "/v1", Temperature: f64(0), MaxOutputTokens: intp(16384),
					ProviderOptions: opts(`{"openaiCompatible":{"thinking":{"type":"enabled"}}}`)}
			},
			key:     fakeMoonshotKey,
			handler: fakeprovider.Respond(400, `{"error":{"message":"invalid temperature: only 1 is allowed for this model","type":"invalid_request_error"}}`),
			want:    CodeSettingsRejected, param: ParamTemperature, fix: "Set Temperature to 1",
			sent: func(t *testing.T, s fakeprovider.Request) {
				if s.Path != "/v1/chat/completions" || s.Body["temperature"] != 0.0 || at(s.Body, "thinking.type") != "enabled" || s.Header.Get("Authorization") != "Bearer "+fakeMoonshotKey {
					t.Errorf("request = %s %s", s.Path, s.Raw)
				}
			},
		},
		{
			name: "moonshot accepts temperature 1, reasoning counted",
			in: func(b string) Input {
				return Input{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: b + "/v1", Temperature: f64(1), MaxOutputTokens: intp(16384)}
			},
			key:     fakeMoonshotKey,
			handler: fakeprovider.Respond(200, `{"id":"chatcmpl-FAKE","object":"chat.completion","created":1764000000,"model":"kimi-k2.6","choices":[{"index":0,"message":{"role":"assistant","content":"OK","reasoning_content":"Reply OK."},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":85,"total_tokens":105,"completion_tokens_details":{"reasoning_tokens":80}}}`),
			want:    keytest.CodeOK,
			usage:   &Usage{InputTokens: 20, OutputTokens: 85, ReasoningTokens: i64(80)},
		},
		{
			name: "gemini refuses thinkingBudget with thinkingLevel",
			in: func(b string) Input {
				return Input{Provider: "google_gemini", Model: "gemini-3.1-pro-preview", BaseURL: b + "/v1beta", MaxOutputTokens: intp(16384),
					ProviderOptions: opts(`{"google":{"thinkingConfig":{"thinkingBudget":15000,"thinkingLevel":"high"}}}`)}
			},
			key:     fakeGeminiKey,
			handler: fakeprovider.Respond(400, `{"error":{"code":400,"message":"Unable to submit request because thinking_budget and thinking_level are not supported together. Send only one of them.","status":"INVALID_ARGUMENT"}}`),
			want:    CodeSettingsRejected, param: ParamThinking, fix: "not both",
			sent: func(t *testing.T, s fakeprovider.Request) {
				if s.Path != "/v1beta/models/gemini-3.1-pro-preview:generateContent" || s.Header.Get("X-Goog-Api-Key") != fakeGeminiKey ||
					at(s.Body, "generationConfig.thinkingConfig.thinkingLevel") != "high" || at(s.Body, "generationConfig.maxOutputTokens") != 16384.0 {
					t.Errorf("request = %s %s", s.Path, s.Raw)
				}
			},
		},
		{
			name: "gemini bad key stays auth",
			in: func(b string) Input {
				return Input{Provider: "google_gemini", Model: "gemini-3.1-pro-preview", BaseURL: b + "/v1beta"}
			},
			key:     fakeGeminiKey,
			handler: fakeprovider.Respond(400, `{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}`),
			want:    keytest.CodeAuth,
		},
		{
			name: "gemini thoughts count as output",
			in: func(b string) Input {
				return Input{Provider: "google_gemini", Model: "gemini-3.1-pro-preview", BaseURL: b + "/v1beta", ProviderOptions: opts(`{"google":{"thinkingConfig":{"thinkingLevel":"low"}}}`)}
			},
			key:     fakeGeminiKey,
			handler: fakeprovider.Respond(200, `{"candidates":[{"content":{"parts":[{"text":"OK"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":15,"candidatesTokenCount":1,"totalTokenCount":318,"thoughtsTokenCount":302},"modelVersion":"gemini-3.1-pro-preview"}`),
			want:    keytest.CodeOK,
			usage:   &Usage{InputTokens: 15, OutputTokens: 303, ReasoningTokens: i64(302)},
		},
		{
			name: "openai refuses an effort the model does not support",
			in: func(b string) Input {
				return Input{Provider: "openai", Model: "gpt-5", BaseURL: b + "/v1", MaxOutputTokens: intp(16384), ProviderOptions: opts(`{"openai":{"reasoningEffort":"xhigh"}}`)}
			},
			key:     fakeOpenAIKey,
			handler: fakeprovider.Respond(400, openAIErr("Unsupported value: 'reasoning.effort' does not support 'xhigh' with this model. Supported values are: 'minimal', 'low', 'medium', and 'high'.", "reasoning.effort", "unsupported_value")),
			want:    CodeSettingsRejected, param: ParamEffort, fix: "the provider lists 'minimal', 'low', 'medium', and 'high'",
			sent: func(t *testing.T, s fakeprovider.Request) {
				if s.Path != "/v1/responses" || at(s.Body, "reasoning.effort") != "xhigh" || s.Body["max_output_tokens"] != 16384.0 {
					t.Errorf("request = %s %s", s.Path, s.Raw)
				}
			},
		},
		{
			name: "openai refuses max_output_tokens above the limit",
			in: func(b string) Input {
				return Input{Provider: "openai", Model: "gpt-5.4", BaseURL: b + "/v1", MaxOutputTokens: intp(200000)}
			},
			key:     fakeOpenAIKey,
			handler: fakeprovider.Respond(400, openAIErr("Invalid 'max_output_tokens': integer above maximum value. Expected a value <= 128000, but got 200000 instead.", "max_output_tokens", "integer_above_max_value")),
			want:    CodeSettingsRejected, param: ParamMaxTokens, fix: "to 128000 or less",
		},
		{
			name: "openai refuses max_output_tokens below its minimum",
			in: func(b string) Input {
				return Input{Provider: "openai", Model: "gpt-5.4", BaseURL: b + "/v1", MaxOutputTokens: intp(8)}
			},
			key:     fakeOpenAIKey,
			handler: fakeprovider.Respond(400, openAIErr("Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 8 instead.", "max_output_tokens", "integer_below_min_value")),
			want:    CodeSettingsRejected, param: ParamMaxTokens, fix: "Raise Max output tokens to at least 16",
		},
		{
			name: "openai reasoning tokens and a cut-off answer",
			in: func(b string) Input {
				return Input{Provider: "openai", Model: "gpt-5.4", BaseURL: b + "/v1", MaxOutputTokens: intp(64), ProviderOptions: opts(`{"openai":{"reasoningEffort":"high"}}`)}
			},
			key:     fakeOpenAIKey,
			handler: fakeprovider.Respond(200, `{"id":"resp_FAKE","object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"model":"gpt-5.4","output":[{"type":"reasoning","id":"rs_1","summary":[]}],"usage":{"input_tokens":22,"input_tokens_details":{"cached_tokens":0},"output_tokens":64,"output_tokens_details":{"reasoning_tokens":64},"total_tokens":86}}`),
			want:    keytest.CodeOK,
			usage:   &Usage{InputTokens: 22, OutputTokens: 64, ReasoningTokens: i64(64)},
			note:    "stopped at the output cap (64) after 64 output tokens (64 of them reasoning)",
		},
		{
			name: "vllm refuses max_tokens beyond its context",
			in: func(b string) Input {
				return Input{Provider: "openai_compatible", Model: "Qwen/Qwen3-8B", BaseURL: b + "/v1", MaxOutputTokens: intp(16384)}
			},
			handler: fakeprovider.Respond(400, `{"object":"error","message":"This model's maximum context length is 8192 tokens. However, you requested 16420 tokens (36 in the messages, 16384 in the completion). Please reduce the length of the messages or completion.","type":"BadRequestError","param":null,"code":400}`),
			want:    CodeSettingsRejected, param: ParamMaxTokens, fix: "context length (8192 tokens)",
			sent: func(t *testing.T, s fakeprovider.Request) {
				if s.Header.Get("Authorization") != "" {
					t.Errorf("a keyless local server got an Authorization header: %v", s.Header)
				}
			},
		},
		{
			name: "ollama model not pulled",
			in: func(b string) Input {
				return Input{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: b + "/v1"}
			},
			handler: fakeprovider.Respond(404, `{"error":{"message":"model \"llama3.1:8b\" not found, try pulling it first","type":"api_error","param":null,"code":null}}`),
			want:    keytest.CodeModelNotFound,
		},
		{
			name: "openrouter sends reasoning and pins, and answers with usage",
			in: func(b string) Input {
				return Input{Provider: "open_router", Model: "moonshotai/kimi-k2.5", BaseURL: b + "/api/v1", Temperature: f64(0), MaxOutputTokens: intp(16384),
					ProviderOptions: opts(`{"openrouter":{"reasoning":{"effort":"medium"},"provider":{"order":["moonshot"],"allow_fallbacks":false}}}`)}
			},
			key:     fakeRouterKey,
			handler: fakeprovider.Respond(200, `{"id":"gen-FAKE","object":"chat.completion","created":1764000000,"model":"moonshotai/kimi-k2.5","provider":"Moonshot AI","choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],"usage":{"prompt_tokens":21,"completion_tokens":30,"total_tokens":51,"completion_tokens_details":{"reasoning_tokens":28}}}`),
			want:    keytest.CodeOK,
			sent: func(t *testing.T, s fakeprovider.Request) {
				if at(s.Body, "reasoning.effort") != "medium" || mustJSON(at(s.Body, "provider.order")) != `["moonshot"]` || at(s.Body, "provider.allow_fallbacks") != false {
					t.Errorf("pins or reasoning missing from the body: %s", s.Raw)
				}
			},
			usage: &Usage{InputTokens: 21, OutputTokens: 30, ReasoningTokens: i64(28)},
		},
		{
			name: "openrouter finds no allowed provider for the pins",
			in: func(b string) Input {
				return Input{Provider: "open_router", Model: "moonshotai/kimi-k2.5", BaseURL: b + "/api/v1",
					ProviderOptions: opts(`{"openrouter":{"provider":{"order":["nobody"],"allow_fallbacks":false}}}`)}
			},
			key:     fakeRouterKey,
			handler: fakeprovider.Respond(404, `{"error":{"message":"No allowed providers are available for the selected model.","code":404}}`),
			want:    CodeSettingsRejected, param: ParamRouting, fix: "Pin providers and Allow fallbacks",
		},
		{
			name: "a Vertex API key goes to the Gemini API, as in Kodus",
			in: func(b string) Input {
				return Input{Provider: "google_vertex", Model: "gemini-3.1-pro-preview", BaseURL: b + "/v1beta", ProviderOptions: opts(`{"google":{"thinkingConfig":{"thinkingLevel":"medium"}}}`)}
			},
			key:     "AQ.FAKEvertexEXPRESSkey0123456789",
			handler: fakeprovider.Respond(200, `{"candidates":[{"content":{"parts":[{"text":"OK"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":15,"candidatesTokenCount":1,"totalTokenCount":16}}`),
			want:    keytest.CodeOK,
			sent: func(t *testing.T, s fakeprovider.Request) {
				if s.Path != "/v1beta/models/gemini-3.1-pro-preview:generateContent" || s.Header.Get("X-Goog-Api-Key") != "AQ.FAKEvertexEXPRESSkey0123456789" || s.Header.Get("Authorization") != "" {
					t.Errorf("request = %s %v", s.Path, s.Header)
				}
			},
			usage: &Usage{InputTokens: 15, OutputTokens: 1},
		},
		{
			name: "z.ai 1113 is payment, not a setting",
			in: func(b string) Input {
				return Input{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas", BaseURL: b + "/api/paas/v4/", Temperature: f64(0)}
			},
			key:     fakeZaiKey,
			handler: fakeprovider.Respond(429, `{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}`),
			want:    keytest.CodePayment,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fakeprovider.New(t, c.handler)
			in := c.in(f.URL)
			res, err := runner(f).Run(context.Background(), in, secrets.NewSecret(c.key))
			if err != nil {
				t.Fatal(err)
			}
			if res.Code != c.want || res.Parameter != c.param {
				t.Fatalf("code %s, parameter %q; want %s, %q\n%+v", res.Code, res.Parameter, c.want, c.param, res)
			}
			if res.OK != (c.want == keytest.CodeOK) || !res.Sent || res.HTTPStatus == 0 || res.Headline == "" || res.Message == "" || res.Hint == "" {
				t.Errorf("incomplete result: %+v", res)
			}
			if c.fix != "" && !strings.Contains(res.Hint, c.fix) {
				t.Errorf("hint %q lacks %q", res.Hint, c.fix)
			}
			if n := len(f.Requests()); n != 1 {
				t.Errorf("the provider got %d requests; a dry run sends exactly one", n)
			}
			got := f.Last(t)
			if got.Raw != string(res.Request.Body) {
				t.Errorf("the body sent differs from the body shown:\nsent  %s\nshown %s", got.Raw, res.Request.Body)
			}
			if c.sent != nil {
				c.sent(t, got)
			}
			if c.usage != nil {
				if res.Usage == nil || mustJSON(res.Usage) != mustJSON(c.usage) {
					t.Errorf("usage = %s, want %s", mustJSON(res.Usage), mustJSON(c.usage))
				}
			}
			if c.note != "" && !strings.Contains(strings.Join(res.Notes, " | "), c.note) {
				t.Errorf("notes %q lack %q", res.Notes, c.note)
			}
			if c.want != keytest.CodeOK && c.want != keytest.CodeModelNotFound && res.ProviderMessage == "" {
				t.Errorf("the provider's message is missing: %+v", res)
			}
			if c.key != "" && strings.Contains(mustJSON(res), c.key) {
				t.Errorf("the key leaked into the result: %s", mustJSON(res))
			}
		})
	}
}
