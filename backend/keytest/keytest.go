// Package keytest proves a slot's key, endpoint and model with the
// cheapest call each provider offers, and says what went wrong in the
// words of Kodus's own Test button plus what it lacks: a model-id check,
// plan mismatch (GLM/Kimi), local servers over plain http, and a 429 that
// is a warning rather than a plain success.
//
// One metadata call where the provider has one (OpenAI, Anthropic and
// Gemini GET {base}/models/{model}; OpenRouter GET {base}/key plus a look-up
// in its public model list; Novita, Moonshot and any OpenAI-compatible
// server GET {base}/models). Z.ai and Kimi Code have no key check without
// inference: one chat request of at most 1 output token, announced before
// it is sent (Describe). Vertex: countTokens, free, with an OAuth token
// from a service account or an express-mode API key.
//
// Why plain net/http and not the official SDKs (openai-go,
// anthropic-sdk-go, genai): each probe is one GET or POST whose verdict
// depends on the raw status and the provider's documented error body
// (OpenAI error.type, Gemini details[].reason, Z.ai's string business
// codes, OpenRouter's /key which no SDK wraps). The SDKs turn those into
// per-SDK error types, retry by default, follow redirects through the
// client we would have to re-police, and read whole bodies; the probes
// need none of their request building. The libraries used are
// golang.org/x/oauth2/jwt, to turn a service account into a token, and
// the AWS SDK's SigV4 signer for Bedrock.
//
// Safety: a total deadline (15 s by default), no redirect is ever
// followed (a key must not reach another host), bodies are read up to a
// small limit, TLS is verified, nothing is retried, and any provider
// message that echoes the key is redacted. Send applies the same rules and
// provider error rules to a request built elsewhere (backend/dryrun).
package keytest

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Code classifies a result. ok and rate_limit mean the key works.
type Code string

// Codes, like Kodus's plus model_not_found, wrong_plan and timeout.
const (
	CodeOK            Code = "ok"
	CodeAuth          Code = "auth"
	CodeNotFound      Code = "not_found"
	CodeModelNotFound Code = "model_not_found"
	CodeWrongPlan     Code = "wrong_plan"
	CodeBadRequest    Code = "bad_request"
	CodePayment       Code = "payment"
	CodeRateLimit     Code = "rate_limit"
	CodeServerError   Code = "server_error"
	CodeTimeout       Code = "timeout"
	CodeNetwork       Code = "network"
	CodeUnknown       Code = "unknown"
	// CodeModelNotEnabled: the key works and the model exists, but the
	// account may not call it (Bedrock model access not granted).
	CodeModelNotEnabled Code = "model_not_enabled"
	// CodeWrongRegion: the model, profile or key belongs to another region.
	CodeWrongRegion Code = "wrong_region"
)

// Codes lists every code, for docs and exhaustive tests.
var Codes = []Code{CodeOK, CodeAuth, CodeNotFound, CodeModelNotFound, CodeModelNotEnabled, CodeWrongRegion, CodeWrongPlan, CodeBadRequest, CodePayment, CodeRateLimit, CodeServerError, CodeTimeout, CodeNetwork, CodeUnknown}

// Probe kinds.
const (
	ProbeMetadata    = "metadata"
	ProbeCountTokens = "count_tokens"
	ProbeInference   = "inference"
)

// DefaultTimeout bounds a whole test, the plan-mismatch retry included.
const DefaultTimeout = 15 * time.Second

// Body limits: an error body is a few hundred bytes; a model list
// (OpenRouter's) is a few MB.
const (
	errorBodyLimit = 64 << 10
	listBodyLimit  = 16 << 20
)

// Settings are the parts of a slot a test needs.
type Settings struct {
	Provider       string `json:"provider"`
	Model          string `json:"model"`
	BaseURL        string `json:"baseURL"`
	Plan           string `json:"plan"`
	VertexLocation string `json:"vertexLocation"`
	// AWSRegion and AWSAuth are Amazon Bedrock's region and auth kind
	// (apiKey or iam); the key tells the kind too when it is read.
	AWSRegion string `json:"awsRegion"`
	AWSAuth   string `json:"awsAuth"`
}

// Result is the verdict on one slot. The first eight fields are the
// stable `--json` interface; the rest add detail.
type Result struct {
	Slot       string `json:"slot"`
	OK         bool   `json:"ok"`
	Code       Code   `json:"code"`
	HTTPStatus int    `json:"httpStatus"`
	LatencyMs  int64  `json:"latencyMs"`
	// ModelFound is nil when the test could not tell (the key failed first).
	ModelFound *bool  `json:"modelFound"`
	Message    string `json:"message"`
	Hint       string `json:"hint"`

	Headline string `json:"headline"`
	// ProviderMessage is the provider's own words, the key redacted.
	ProviderMessage string `json:"providerMessage,omitempty"`
	// ProviderCode is the provider's error type or business code.
	ProviderCode string `json:"providerCode,omitempty"`
	Endpoint     string `json:"endpoint,omitempty"`
	Probe        string `json:"probe"`
	// SuggestedPlan and SuggestedBaseURL name the plan a wrong_plan key
	// belongs to.
	SuggestedPlan      string `json:"suggestedPlan,omitempty"`
	SuggestedPlanLabel string `json:"suggestedPlanLabel,omitempty"`
	SuggestedBaseURL   string `json:"suggestedBaseURL,omitempty"`
	// AvailableModels are the ids a server that lacks the model serves
	// (at most 100), for the user to pick one.
	AvailableModels []string `json:"availableModels,omitempty"`

	// malformed: a 2xx answer that is not its endpoint's (shape.go).
	malformed bool
}

// Probe says what a test will send, so the app can say it before sending
// an inference request.
type Probe struct {
	Kind     string   `json:"kind"`
	Requests []string `json:"requests"`
	// Note is set when the test sends inference (at most 1 output token).
	Note string `json:"note,omitempty"`
}

// Tester runs key tests. The zero value is usable.
type Tester struct {
	// Client sends the requests; nil means NewClient().
	Client *http.Client
	// Line is the Kodus release line whose rules apply (nil: the default).
	Line *kodusline.Line
	// Catalog gives default endpoints and the other plan's endpoint; nil
	// means the line's catalog.
	Catalog *catalog.Catalog
	// Timeout bounds a whole test; 0 means DefaultTimeout.
	Timeout time.Duration
	// UserAgent identifies the app honestly (see docs/decisions.md).
	UserAgent string
	// GoogleTokenURL overrides a service account's token_uri (tests).
	GoogleTokenURL string
	// Now is the clock for SigV4 signatures and key expiry (nil: the
	// system clock).
	Now func() time.Time
}

func (t *Tester) now() time.Time {
	if t.Now == nil {
		return time.Now()
	}
	return t.Now()
}

// NewClient is the HTTP client a test uses: redirects are never followed
// and TLS certificates are verified. Proxies come from the environment.
func NewClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	tr.MaxIdleConnsPerHost = 2
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

func (t *Tester) client() *http.Client {
	if t.Client == nil {
		return NewClient()
	}
	// A caller's client must not follow redirects either.
	c := *t.Client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

func (t *Tester) timeout() time.Duration {
	if t.Timeout <= 0 {
		return DefaultTimeout
	}
	return t.Timeout
}

func (t *Tester) catalog() *catalog.Catalog {
	if t.Catalog == nil {
		return t.line().Catalog()
	}
	return t.Catalog
}

func (t *Tester) line() *kodusline.Line {
	if t.Line == nil {
		return kodusline.MustGet(kodusline.Default)
	}
	return t.Line
}

// Test proves one slot's key, endpoint and model. It never returns an
// error: every failure is a Result with a code.
func (t *Tester) Test(ctx context.Context, s Settings, key secrets.Secret) Result {
	s = trimSettings(s)
	ctx, cancel := context.WithTimeout(ctx, t.timeout())
	defer cancel()
	r := &run{t: t, s: s, key: key, hc: t.client()}
	r.redact = redactions(key)
	res := r.dispatch(ctx)
	return r.done(res)
}

func (r *run) dispatch(ctx context.Context) Result {
	base, err := r.t.baseURL(r.s)
	if err != nil {
		return Result{Code: CodeBadRequest, Message: err.Error(), Probe: ProbeMetadata, Hint: baseURLHint(r.t.family(r.s))}
	}
	r.base = base
	if r.key.Empty() && r.t.needsKey(r.s) {
		return Result{Code: CodeAuth, Message: "There is no key to test: paste the key first.", Probe: ProbeMetadata,
			Hint: "Paste the provider's API key (it is stored only in your OS keychain)."}
	}
	switch r.t.family(r.s) {
	case famOpenAI:
		return r.openAI(ctx)
	case famAnthropic:
		return r.anthropic(ctx)
	case famGemini:
		return r.gemini(ctx)
	case famVertex:
		return r.vertex(ctx)
	case famOpenRouter:
		return r.openRouter(ctx)
	case famZai:
		return r.zai(ctx)
	case famKimiCode:
		return r.kimiCode(ctx, r.base, true)
	case famMoonshot:
		return r.moonshot(ctx)
	case famMessages:
		return r.messages(ctx)
	case famNovita:
		return r.modelList(ctx, "Novita AI")
	case famBedrock:
		return r.bedrock(ctx)
	case famAzure:
		return r.azure(ctx)
	default:
		return r.modelList(ctx, "The server")
	}
}

type family int

const (
	famCompatible family = iota
	famOpenAI
	famAnthropic
	famGemini
	famVertex
	famOpenRouter
	famNovita
	famZai
	famKimiCode
	famMoonshot
	// famMessages: the Anthropic protocol at a root URL (anthropic_compatible,
	// moonshot, zai).
	famMessages
	famBedrock
	famAzure
)

func (t *Tester) family(s Settings) family {
	switch s.Provider {
	case catalog.OpenAI:
		return famOpenAI
	case catalog.Anthropic:
		return famAnthropic
	case catalog.GoogleGemini:
		return famGemini
	case catalog.GoogleVertex:
		return famVertex
	case catalog.OpenRouter:
		return famOpenRouter
	case catalog.Novita:
		return famNovita
	case catalog.AnthropicCompatible, catalog.Moonshot, catalog.Zai:
		return famMessages
	case catalog.AmazonBedrock:
		return famBedrock
	case catalog.Azure:
		return famAzure
	}
	base, _ := t.baseURL(s)
	u, _ := url.Parse(base)
	host, path := "", ""
	if u != nil {
		host, path = strings.ToLower(u.Hostname()), u.Path
	}
	switch {
	case s.Plan == planZaiPaas || s.Plan == planZaiCoding || zaiOther(path) != "":
		return famZai
	case s.Plan == planKimiCode || host == "api.kimi.com" || strings.EqualFold(s.Model, "kimi-for-coding"):
		return famKimiCode
	case s.Plan == planMoonshot || host == "api.moonshot.ai" || host == "api.moonshot.cn":
		return famMoonshot
	}
	return famCompatible
}

// needsKey: every provider but a plain OpenAI-compatible server.
func (t *Tester) needsKey(s Settings) bool {
	if p, ok := t.catalog().Provider(s.Provider); ok && p.RequiresKey {
		return true
	}
	return t.family(s) != famCompatible
}

// baseURL is the slot's base URL or the provider's (or plan's) default,
// without a trailing slash; paths are appended to it.
func (t *Tester) baseURL(s Settings) (string, error) {
	switch s.Provider {
	case catalog.AmazonBedrock:
		return bedrockBase(s)
	case catalog.Azure:
		if s.BaseURL == "" {
			return "", errNoAzureEndpoint
		}
	}
	raw := s.BaseURL
	if raw == "" && s.Plan != "" {
		if m, ok := t.catalog().ModelForSlot(s.Provider, s.Model); ok {
			if v, ok := m.Variant(s.Plan); ok {
				raw = v.BaseURL
			}
		}
	}
	if raw == "" {
		if p, ok := t.catalog().Provider(s.Provider); ok {
			raw = p.DefaultBaseURL
		}
	}
	if raw == "" {
		return "", errNoBaseURL
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errBadBaseURL(raw)
	}
	if u.User != nil {
		return "", errCredentialsInURL
	}
	return strings.TrimRight(raw, "/"), nil
}

func trimSettings(s Settings) Settings {
	s.Provider = strings.TrimSpace(s.Provider)
	s.Model = strings.TrimSpace(s.Model)
	s.BaseURL = strings.TrimSpace(s.BaseURL)
	s.Plan = strings.TrimSpace(s.Plan)
	s.VertexLocation = strings.TrimSpace(s.VertexLocation)
	s.AWSRegion = strings.ToLower(strings.TrimSpace(s.AWSRegion))
	s.AWSAuth = strings.TrimSpace(s.AWSAuth)
	return s
}

func (t *Tester) defaultBase(provider string) string {
	p, _ := t.catalog().Provider(provider)
	return p.DefaultBaseURL
}
