// Package dryrun builds the request Kodus sends for a review call with a
// slot's settings — model, temperature, max output tokens and the final
// providerOptions of backend/thinking, translated to each provider's wire
// format the way the Vercel AI SDK does — and sends it once, so a setting
// the provider refuses shows up in seconds instead of in a failed review.
// Kodus's own Test (up to selfhosted-2.1.x) ignores these settings: its
// connect panel sends no temperature, thinking or max tokens.
//
// What is mirrored, and from which source (read 2026-11, see
// docs/decisions.md for what differs between Kodus versions):
//
//   - Which SDK client Kodus builds per provider: kodus-ai byok-to-vercel.ts
//     and libs/llm/providers/* (ai ^7.0.83, @ai-sdk/anthropic ^4.0.44,
//     @ai-sdk/openai ^4.0.50, @ai-sdk/google ^4.0.56, @ai-sdk/google-vertex
//     ^5.0.68, @ai-sdk/openai-compatible ^3.0.39). openai → the Responses
//     API; anthropic → /messages; google_gemini → generateContent;
//     google_vertex → Vertex generateContent with a service account (Claude
//     ids: the Anthropic protocol over rawPredict), or the Gemini API when
//     the key is not a service account; open_router, novita and
//     openai_compatible → @ai-sdk/openai-compatible chat completions named
//     "openrouter", "novita" and "openai-compatible".
//   - @ai-sdk/anthropic 4.x getArgs: thinking sent only for type enabled or
//     adaptive, max_tokens = max output tokens + budget, temperature (and
//     top_p/top_k) withheld while thinking and always for Claude Opus 4.7,
//     effort as output_config.effort, max_tokens capped at the SDK's
//     per-model maximum for known Claude ids (the model's maximum when no
//     max output tokens is set).
//   - @ai-sdk/openai 4.x Responses getArgs and model capabilities:
//     reasoning.effort/summary only for reasoning models (o-series, gpt-5
//     and later but gpt-5-chat), temperature withheld for them unless the
//     effort is none on gpt-5.1…5.x, textVerbosity as text.verbosity.
//   - @ai-sdk/google 4.x: generationConfig {maxOutputTokens, temperature,
//     thinkingConfig} with thinkingConfig passed through as written.
//   - @ai-sdk/openai-compatible 3.x chat getArgs: reasoningEffort,
//     textVerbosity and user read from the openaiCompatible key and the
//     client's name (and its camelCase); every other field spread into the
//     body only from the client's name or its camelCase, before
//     reasoning_effort, verbosity and messages (which therefore overwrite a
//     spread field of the same name).
//
// Sending reuses backend/keytest: the same client (no redirects, TLS
// verified, bodies bounded), timeout, no retries, key redaction and
// provider error rules, plus settings_rejected when the provider refuses a
// parameter Kodus sends.
package dryrun

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Codes a dry run adds to the key test's.
const (
	// CodeSettingsRejected: the provider refused a parameter Kodus sends.
	CodeSettingsRejected keytest.Code = "settings_rejected"
	// CodePreview: the request was built and shown, not sent.
	CodePreview keytest.Code = "preview"
)

// Prompt is the one-line prompt: it asks for the shortest answer, so a dry
// run bills a few output tokens whatever max output tokens allows.
const Prompt = "Settings check from Kodus BYOK Studio: reply with the single word OK."

// Parameters a settings_rejected result can name.
const (
	ParamTemperature = "temperature"
	ParamThinking    = "thinking"
	ParamEffort      = "effort"
	ParamMaxTokens   = "maxOutputTokens"
	ParamRouting     = "provider"
)

// Input is what decides a slot's review request.
type Input struct {
	Provider        string
	Model           string
	BaseURL         string
	Plan            string
	VertexLocation  string
	AWSRegion       string
	AWSAuth         string
	Temperature     *float64
	MaxOutputTokens *int
	// ProviderOptions is the final providerOptions (backend/thinking).
	ProviderOptions map[string]any
	// KeyStored: a key is stored but was not read (a preview), so the
	// shown headers still say where it will go.
	KeyStored bool
	// Prompt replaces the dry run's one-line prompt ("" keeps it): Kodus
	// latest's Test sends "ping".
	Prompt string
}

// Request is the HTTP request a dry run sends, shown as sent: the body is
// the exact bytes, the credentials are redacted.
type Request struct {
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body" ts_type:"Record<string, unknown>"`
	// API is the wire protocol: anthropic-messages, openai-responses,
	// gemini-generate-content, vertex-generate-content,
	// vertex-anthropic-raw-predict or chat-completions.
	API string `json:"api"`
	// SDK is the AI SDK client whose request building this mirrors.
	SDK string `json:"sdk"`
	// MaxOutputTokens is the output cap on the wire (0: none sent).
	MaxOutputTokens int64 `json:"maxOutputTokens,omitempty"`
	// Notes say what the SDK did to the settings on the way to the wire.
	Notes []string `json:"notes"`

	target keytest.Settings
	header http.Header
}

// Usage is what the provider reports the request used.
type Usage struct {
	InputTokens int64 `json:"inputTokens"`
	// OutputTokens counts every output token billed, reasoning included.
	OutputTokens      int64  `json:"outputTokens"`
	ReasoningTokens   *int64 `json:"reasoningTokens,omitempty"`
	CachedInputTokens int64  `json:"cachedInputTokens,omitempty"`
	// Cost is the USD amount at the price in force (a decimal string).
	Cost     string `json:"cost,omitempty"`
	CostNote string `json:"costNote,omitempty"`
}

// Result is a dry run's verdict. The first eight fields are the stable
// `--json` interface.
type Result struct {
	OK         bool         `json:"ok"`
	Code       keytest.Code `json:"code"`
	HTTPStatus int          `json:"httpStatus"`
	LatencyMs  int64        `json:"latencyMs"`
	Request    Request      `json:"request"`
	Message    string       `json:"message"`
	Hint       string       `json:"hint"`
	Usage      *Usage       `json:"usage"`

	Slot     string `json:"slot,omitempty"`
	Sent     bool   `json:"sent"`
	Headline string `json:"headline"`
	// Parameter names the setting a settings_rejected result is about.
	Parameter       string `json:"parameter,omitempty"`
	ProviderMessage string `json:"providerMessage,omitempty"`
	ProviderCode    string `json:"providerCode,omitempty"`
	// Reply is the start of the model's answer.
	Reply string `json:"reply,omitempty"`
	// FinishReason is the provider's stop reason (end_turn, stop, length…).
	FinishReason string `json:"finishReason,omitempty"`
	// Notes are warnings about this request (thinking preset warnings, a
	// reply cut off by the output cap).
	Notes []string `json:"notes"`
}

// Runner builds and sends dry runs. Tester supplies the key test's
// client, timeout, User-Agent and catalog.
type Runner struct {
	Tester *keytest.Tester
}

func (r *Runner) tester() *keytest.Tester {
	if r.Tester == nil {
		return &keytest.Tester{}
	}
	return r.Tester
}

// Build makes the request for in without sending anything. key is used
// only for its shape: a Vertex service account (its project id) or API
// key; it may be empty.
func (r *Runner) Build(in Input, key secrets.Secret) (Request, error) {
	in.Provider, in.Model = strings.TrimSpace(in.Provider), strings.TrimSpace(in.Model)
	t := r.tester()
	target := keytest.Settings{Provider: in.Provider, Model: in.Model, BaseURL: in.BaseURL, Plan: in.Plan, VertexLocation: in.VertexLocation,
		AWSRegion: in.AWSRegion, AWSAuth: in.AWSAuth}
	base, err := t.BaseURL(target)
	if err != nil {
		return Request{}, err
	}
	b := &builder{in: in, notes: []string{}}
	req := Request{Method: http.MethodPost}
	var body *object
	switch in.Provider {
	case catalog.Anthropic:
		req.URL, req.API, req.SDK = base+"/messages", "anthropic-messages", "@ai-sdk/anthropic"
		body = b.anthropic(true)
	case catalog.AnthropicCompatible, catalog.Moonshot, catalog.Zai:
		// Kodus strips a trailing /v1 from the root and appends /v1/messages.
		root := strings.TrimSuffix(strings.TrimRight(base, "/"), "/v1")
		req.URL, req.API, req.SDK = root+"/v1/messages", "anthropic-messages", "@ai-sdk/anthropic (the Anthropic protocol at a root URL)"
		body = b.anthropic(true)
	case catalog.OpenAI:
		req.URL, req.API, req.SDK = base+"/responses", "openai-responses", "@ai-sdk/openai (Responses API)"
		body = b.responses("openai")
	case catalog.Azure:
		req.URL, req.API, req.SDK = keytest.AzureResponsesURL(base, in.Model), "openai-responses", "@ai-sdk/azure (Responses API, deployment URLs)"
		body = b.responses("azure")
		b.note("the model is the deployment name: the AI SDK decides by that name whether the model reasons (o-series, gpt-5…), so a deployment named otherwise gets no reasoning and keeps its temperature")
		b.note("api-version=%s: Kodus's Azure module declares an apiVersion setting but never passes it, so the AI SDK's default is sent", keytest.AzureAPIVersion)
	case catalog.AmazonBedrock:
		var url string
		url, body = b.converse(base)
		req.URL, req.API, req.SDK = url, "bedrock-converse", "@ai-sdk/amazon-bedrock (Converse API)"
	case catalog.GoogleGemini:
		req.URL, req.API, req.SDK = geminiURL(base, in.Model), "gemini-generate-content", "@ai-sdk/google"
		body = b.gemini()
	case catalog.GoogleVertex:
		req, body, target = b.vertex(t, base, key, target)
	case catalog.OpenRouter:
		req.URL, req.API, req.SDK = base+"/chat/completions", "chat-completions", `@ai-sdk/openai-compatible (name "openrouter")`
		body = b.chat("openrouter")
		b.note("Kodus builds up to mid-2026 named this client \"open-router\", which matches no providerOptions key: they sent neither reasoning nor the provider pins (fixed in Kodus's libs/llm); this request shows what a fixed Kodus sends")
	case catalog.Novita:
		req.URL, req.API, req.SDK = base+"/chat/completions", "chat-completions", `@ai-sdk/openai-compatible (name "novita")`
		body = b.chat("novita")
	default:
		req.URL, req.API, req.SDK = base+"/chat/completions", "chat-completions", `@ai-sdk/openai-compatible (name "openai-compatible")`
		body = b.chat("openai-compatible")
	}
	raw, err := body.MarshalJSON()
	if err != nil {
		return Request{}, fmt.Errorf("encode the request body: %w", err)
	}
	req.Body, req.Notes, req.target = raw, b.notes, target
	if v, ok := body.get(b.maxKey); ok {
		req.MaxOutputTokens, _ = number(v)
	}
	if req.MaxOutputTokens == 0 && b.maxNested != nil {
		req.MaxOutputTokens = *b.maxNested
	}
	req.header = http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}}
	if t.UserAgent != "" {
		req.header.Set("User-Agent", t.UserAgent)
	}
	shown := req.header.Clone()
	shownKey := key
	if key.Empty() && in.KeyStored {
		shownKey = secrets.NewSecret("stored key, not read for a preview")
	}
	for k, v := range t.AuthPreview(target, shownKey) {
		shown[k] = v
	}
	req.Headers = flat(shown)
	return req, nil
}

// builder collects the notes of one translation.
type builder struct {
	in    Input
	notes []string
	// maxKey is the body field carrying the output cap; maxNested the cap
	// when it sits inside generationConfig.
	maxKey    string
	maxNested *int64
}

func (b *builder) note(format string, a ...any) { b.notes = append(b.notes, fmt.Sprintf(format, a...)) }

// opts is the providerOptions block under a namespace.
func (b *builder) opts(ns string) map[string]any { return asMap(b.in.ProviderOptions[ns]) }

// unread notes the namespaces the client reads none of.
func (b *builder) unread(read ...string) {
	for _, ns := range sortedKeys(b.in.ProviderOptions) {
		if ns == "langsmith" || contains(read, ns) {
			continue
		}
		b.note("providerOptions.%s is not read by this client, so it is not sent", ns)
	}
}

func (b *builder) userText() map[string]any {
	return map[string]any{"type": "text", "text": b.prompt()}
}

// prompt is the user message: the dry run's, or the one the caller set.
func (b *builder) prompt() string {
	if b.in.Prompt != "" {
		return b.in.Prompt
	}
	return Prompt
}

func flat(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, v := range h {
		out[k] = strings.Join(v, ", ")
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
