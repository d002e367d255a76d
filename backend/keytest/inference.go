package keytest

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/secrets"
)

// Inference requests are the smallest billed call each provider accepts,
// for measuring its concurrency cap (backend/concurrency): one chat,
// messages or generateContent call of at most 1 output token, with the key
// test's safety (no redirects, bounded bodies, the key redacted). Their
// verdicts read the same documented error shapes as Test, so rate_limit
// means here what it means there: OpenAI's 429 insufficient_quota stays
// payment, Z.ai's 1302 is a rate limit, 1113 is not.

// Attempt is one inference request and its verdict.
type Attempt struct {
	Result Result
	// RetryAfter is the provider's hint on when to try again: OpenAI's
	// retry-after-ms, Retry-After (seconds or an HTTP date) or Google's
	// RetryInfo; 0 when it gave none.
	RetryAfter time.Duration
	// RateLimits holds the rate-limit headers it sent, names lower-cased.
	RateLimits map[string]string
}

// InferenceSpec says what one inference request is, before any is sent.
type InferenceSpec struct {
	Method          string `json:"method"`
	URL             string `json:"url"`
	MaxOutputTokens int    `json:"maxOutputTokens"`
	Note            string `json:"note,omitempty"`
}

// Inferrer sends inference requests for one slot; safe for concurrent use.
type Inferrer struct {
	r    *run
	spec inferSpec
}

type inferSpec struct {
	InferenceSpec
	header http.Header
	body   any
	oauth  bool // Vertex service account: a token is fetched first
}

// probeConns keeps connections of a burst open for the next one, so a
// round does not pay a TLS handshake per request.
const probeConns = 256

// DescribeInference says what an inference request for these settings is,
// without sending anything.
func (t *Tester) DescribeInference(s Settings, key secrets.Secret) (InferenceSpec, error) {
	r := &run{t: t, s: trimSettings(s), key: key}
	spec, err := r.inferenceSpec()
	if err != nil {
		return InferenceSpec{}, err
	}
	return spec.InferenceSpec, nil
}

// NewInferrer prepares inference requests for a slot. Settings that cannot
// be sent (no key, a bad base URL, a Vertex service account refused by
// Google) come back as a Result, like a failed Test.
func (t *Tester) NewInferrer(ctx context.Context, s Settings, key secrets.Secret) (*Inferrer, *Result) {
	hc := t.client()
	if t.Client == nil {
		if tr, ok := hc.Transport.(*http.Transport); ok {
			tr.MaxIdleConnsPerHost = probeConns
		}
	}
	r := &run{t: t, s: trimSettings(s), key: key, hc: hc, redact: redactions(key)}
	fail := func(res Result) (*Inferrer, *Result) {
		res.Probe = ProbeInference
		res = finish(res)
		return nil, &res
	}
	spec, err := r.inferenceSpec()
	if err != nil {
		return fail(Result{Code: CodeBadRequest, Message: err.Error(),
			Hint: "Fix the base URL: it includes the version segment, e.g. https://api.openai.com/v1 or http://localhost:11434/v1."})
	}
	if key.Empty() && t.needsKey(r.s) {
		return fail(Result{Code: CodeAuth, Message: "There is no key to send: paste the key, or save it with the slot, first.",
			Hint: "Paste the provider's API key (it is stored only in your OS keychain)."})
	}
	if spec.oauth {
		tctx, cancel := context.WithTimeout(ctx, t.timeout())
		tok, res, ok := r.vertexToken(tctx)
		cancel()
		if !ok {
			return fail(res)
		}
		spec.header.Set("Authorization", "Bearer "+tok)
	}
	return &Inferrer{r: r, spec: spec}, nil
}

// Spec says what Send sends.
func (in *Inferrer) Spec() InferenceSpec { return in.spec.InferenceSpec }

// Send makes one inference request, bounded by the tester's timeout.
func (in *Inferrer) Send(ctx context.Context) Attempt {
	ctx, cancel := context.WithTimeout(ctx, in.r.t.timeout())
	defer cancel()
	rep, err := in.r.send(ctx, in.spec.Method, in.spec.URL, in.spec.header, in.spec.body, errorBodyLimit)
	if err != nil {
		res := in.r.netFailure(ctx, err, in.spec.URL, ProbeInference)
		res.Probe = ProbeInference
		return Attempt{Result: in.r.done(res)}
	}
	// The same verdict as the settings dry run's (send.go): the key test's
	// provider rules, only the success differs.
	res := in.r.inferenceVerdict(rep)
	res.Probe = ProbeInference
	e := parseError(rep.body)
	return Attempt{Result: in.r.done(res), RetryAfter: retryAfter(rep.header, e, time.Now()), RateLimits: rateHeaders(rep.header)}
}

func (r *run) inferenceSpec() (inferSpec, error) {
	base, err := r.t.baseURL(r.s)
	if err != nil {
		return inferSpec{}, err
	}
	r.base = base
	msgs := []any{map[string]any{"role": "user", "content": "hi"}}
	chat := func(field string, n int) inferSpec {
		return inferSpec{
			InferenceSpec: InferenceSpec{Method: http.MethodPost, URL: join(base, "chat", "completions"), MaxOutputTokens: n},
			header:        r.bearer(),
			body:          map[string]any{"model": r.s.Model, "messages": msgs, field: n},
		}
	}
	gemini := map[string]any{
		"contents":         []any{map[string]any{"role": "user", "parts": []any{map[string]any{"text": "hi"}}}},
		"generationConfig": map[string]any{"maxOutputTokens": 1},
	}
	switch r.t.family(r.s) {
	case famOpenAI:
		// Reasoning models refuse max_tokens, and the Responses API refuses
		// fewer than 16 output tokens; chat takes max_completion_tokens 1.
		return chat("max_completion_tokens", 1), nil
	case famAnthropic:
		h := http.Header{}
		h.Set("x-api-key", r.key.Reveal())
		h.Set("anthropic-version", anthropicVersion)
		return inferSpec{
			InferenceSpec: InferenceSpec{Method: http.MethodPost, URL: join(base, "messages"), MaxOutputTokens: 1},
			header:        h,
			body:          map[string]any{"model": r.s.Model, "max_tokens": 1, "messages": msgs},
		}, nil
	case famGemini:
		h := http.Header{}
		h.Set("x-goog-api-key", r.key.Reveal())
		model := escapeModel(strings.TrimPrefix(r.s.Model, "models/"))
		return inferSpec{
			InferenceSpec: InferenceSpec{Method: http.MethodPost, URL: join(base, "models", model+":generateContent"), MaxOutputTokens: 1},
			header:        h, body: gemini,
		}, nil
	case famVertex:
		return r.vertexInference(base, gemini, msgs), nil
	case famOpenRouter:
		spec := chat("max_tokens", 16)
		spec.Note = "OpenRouter routes some models through OpenAI's Responses API, which refuses fewer than 16 output tokens."
		return spec, nil
	case famZai:
		spec := chat("max_tokens", 1)
		spec.body.(map[string]any)["thinking"] = map[string]any{"type": "disabled"}
		return spec, nil
	case famMessages:
		return inferSpec{
			InferenceSpec: InferenceSpec{Method: http.MethodPost, URL: join(messagesRoot(base), "v1", "messages"), MaxOutputTokens: 1},
			header:        r.messagesHeader(),
			body:          map[string]any{"model": r.s.Model, "max_tokens": 1, "messages": msgs},
		}, nil
	}
	return chat("max_tokens", 1), nil
}

func (r *run) vertexInference(base string, gemini map[string]any, msgs []any) inferSpec {
	loc := r.s.VertexLocation
	if loc == "" {
		loc = "global"
	}
	m := escapeModel(r.s.Model)
	sa, isSA := secrets.ParseServiceAccount(r.key.Reveal())
	spec := inferSpec{InferenceSpec: InferenceSpec{Method: http.MethodPost, MaxOutputTokens: 1}, header: http.Header{}, body: gemini}
	if !isSA {
		spec.header.Set("x-goog-api-key", r.key.Reveal())
		spec.URL = join(base, "publishers", "google", "models", m+":generateContent")
		return spec
	}
	pub, method := "google", "generateContent"
	if strings.HasPrefix(r.s.Model, "claude") {
		pub, method = "anthropic", "rawPredict"
		spec.body = map[string]any{"anthropic_version": "vertex-2023-10-16", "max_tokens": 1, "messages": msgs}
	}
	project := sa.ProjectID
	if project == "" {
		project = "{project}"
	}
	spec.URL = join(vertexBase(base, loc, r.t.defaultBase(r.s.Provider)), "projects", project, "locations", loc, "publishers", pub, "models", m+":"+method)
	spec.oauth = true
	return spec
}

// retryAfter reads the provider's wait hint: OpenAI's retry-after-ms
// first (finer, as OpenAI's own SDKs read it), then Retry-After in seconds
// or as an HTTP date, then Google's RetryInfo in the body.
func retryAfter(h http.Header, e apiError, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
			return time.Duration(s * float64(time.Second))
		}
		if at, err := http.ParseTime(v); err == nil {
			return max(at.Sub(now), 0)
		}
	}
	if d, err := time.ParseDuration(e.RetryDelay); err == nil && d > 0 {
		return d
	}
	return 0
}

// rateHeaders keeps OpenAI's x-ratelimit-*, Anthropic's
// anthropic-ratelimit-*, OpenRouter's X-RateLimit-* and the retry hints.
func rateHeaders(h http.Header) map[string]string {
	var out map[string]string
	for k, vs := range h {
		lk := strings.ToLower(k)
		if len(vs) == 0 || !(strings.HasPrefix(lk, "x-ratelimit-") || strings.HasPrefix(lk, "anthropic-ratelimit-") || lk == "retry-after" || lk == "retry-after-ms") {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[lk] = vs[0]
	}
	return out
}
