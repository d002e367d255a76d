package keytest

import (
	"context"
	"fmt"
	"net/http"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Call is a request built elsewhere (the settings dry run) that the key
// test sends with its own client and rules. Header holds everything but
// the credentials: Send adds the key the way the provider takes it.
type Call struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// Exchange is a sent Call: the verdict, and the provider's answer read up
// to its limit with the key redacted.
type Exchange struct {
	Result Result
	Body   []byte
	// Sent is false when nothing reached the provider (no key, a service
	// account Google refused, a broken base URL).
	Sent bool
}

// replyLimit bounds an inference answer: a one-word reply with its usage
// is a few KB even with a thinking summary.
const replyLimit = 1 << 20

// Send sends c once for settings s, with the key test's safety: the
// tester's timeout, no redirect followed, bodies bounded, TLS verified,
// nothing retried, and the key only in a header, redacted from all that is
// returned. The reply is classified with the same provider rules as Test.
func (t *Tester) Send(ctx context.Context, s Settings, key secrets.Secret, c Call) Exchange {
	s = trimSettings(s)
	ctx, cancel := context.WithTimeout(ctx, t.timeout())
	defer cancel()
	r := &run{t: t, s: s, key: key, hc: t.client()}
	r.redact = redactions(key)
	if key.Empty() && t.needsKey(s) {
		return Exchange{Result: finish(Result{Code: CodeAuth, Probe: ProbeInference, Message: "There is no key to send: paste the key first.",
			Hint: "Paste the provider's API key (it is stored only in your OS keychain)."})}
	}
	hdr := c.Header.Clone()
	if hdr == nil {
		hdr = http.Header{}
	}
	auth, res, ok := r.auth(ctx)
	if !ok {
		return Exchange{Result: finish(res)}
	}
	for k, v := range auth {
		hdr[k] = v
	}
	rep, err := r.send(ctx, c.Method, c.URL, hdr, c.Body, replyLimit)
	if err != nil {
		return Exchange{Result: r.done(r.netFailure(ctx, err, c.URL, ProbeInference))}
	}
	res = r.inferenceVerdict(rep)
	res.Probe = ProbeInference
	return Exchange{Result: r.done(res), Body: []byte(Redact(string(rep.body), r.redact)), Sent: true}
}

// auth is the credential header of the slot's family; a service account is
// first turned into an OAuth token (through the same client).
func (r *run) auth(ctx context.Context) (http.Header, Result, bool) {
	h := http.Header{}
	switch r.t.family(r.s) {
	case famAnthropic, famMessages:
		h.Set("x-api-key", r.key.Reveal())
		h.Set("anthropic-version", anthropicVersion)
	case famGemini:
		h.Set("x-goog-api-key", r.key.Reveal())
	case famBedrock:
		return r.bedrockAuth(), Result{}, true
	case famAzure:
		return r.azureHeader(), Result{}, true
	case famVertex:
		if _, isSA := secrets.ParseServiceAccount(r.key.Reveal()); !isSA {
			h.Set("x-goog-api-key", r.key.Reveal())
			break
		}
		tok, res, ok := r.vertexToken(ctx)
		if !ok {
			res.Probe = ProbeInference
			return nil, res, false
		}
		h.Set("Authorization", "Bearer "+tok)
	default:
		return r.bearer(), Result{}, true
	}
	return h, Result{}, true
}

// AuthPreview is the credential header Send would add, with the secret
// replaced, for showing a request before (or after) it is sent.
func (t *Tester) AuthPreview(s Settings, key secrets.Secret) http.Header {
	s = trimSettings(s)
	h := http.Header{}
	const hidden = "[redacted]"
	switch t.family(s) {
	case famAnthropic, famMessages:
		h.Set("x-api-key", hidden)
		h.Set("anthropic-version", anthropicVersion)
	case famGemini:
		h.Set("x-goog-api-key", hidden)
	case famAzure:
		h.Set("api-key", hidden)
	case famBedrock:
		return bedrockAuthPreview(s, key)
	case famVertex:
		if _, isSA := secrets.ParseServiceAccount(key.Reveal()); isSA || key.Empty() {
			h.Set("Authorization", "Bearer [OAuth access token from the service account]")
		} else {
			h.Set("x-goog-api-key", hidden)
		}
	default:
		if !key.Empty() || t.needsKey(s) {
			h.Set("Authorization", "Bearer "+hidden)
		}
	}
	return h
}

// inferenceVerdict classifies the answer to an inference request with the
// provider rules the metadata probes use; only the success differs.
func (r *run) inferenceVerdict(rep *reply) Result {
	fam := r.t.family(r.s)
	who := familyName(fam)
	e := parseError(rep.body)
	switch fam {
	case famMessages:
		if r.base == "" {
			r.base, _ = r.t.baseURL(r.s)
		}
		return r.messagesVerdict(rep, e)
	case famBedrock:
		return r.bedrockVerdict(rep)
	case famAzure:
		return r.azureVerdict(rep)
	}
	if rep.status >= 200 && rep.status < 300 {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("%s accepted the request for model %s.", who, r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	var res Result
	var ok bool
	switch fam {
	case famOpenAI:
		res, ok = r.openAIError(rep, e)
	case famAnthropic:
		res, ok = r.anthropicError(rep, e)
	case famGemini, famVertex:
		if fam == famVertex && rep.status == http.StatusUnauthorized {
			return r.answer(rep, e, CodeAuth, "Vertex AI rejected the credentials.")
		}
		res, ok = r.googleError(rep, e, who)
	case famOpenRouter:
		res, ok = r.openRouterError(rep, e)
	case famZai, famKimiCode, famMoonshot:
		res, ok = r.brandError(fam, rep, e)
	}
	if ok {
		return res
	}
	switch {
	case rep.status == http.StatusUnauthorized && r.key.Empty():
		res := r.answer(rep, e, CodeAuth, who+" requires a key, and none was given.")
		res.Headline = "Key required"
		return res
	case rep.status == http.StatusForbidden && (e.Type == "NOT_ENOUGH_BALANCE" || e.contains("balance")):
		return r.answer(rep, e, CodePayment, who+" says the account balance is too low.")
	// Ollama and vLLM answer an unknown model with 404 and a message naming it.
	case rep.status == http.StatusNotFound && e.contains("model"):
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("%s has no model %q.", who, r.s.Model))
		res.ModelFound = ptr(false)
		return res
	case rep.status == http.StatusNotFound:
		res := r.answer(rep, e, CodeNotFound, fmt.Sprintf("%s has no endpoint at %s.", who, rep.url))
		res.Hint = "Endpoint not found: check the base URL (it includes the version, e.g. …/v1)."
		return res
	}
	return r.fallback(rep, e, who)
}

// brandError applies the rules of the GLM and Kimi brands, whichever
// protocol reached them.
func (r *run) brandError(fam family, rep *reply, e apiError) (Result, bool) {
	switch fam {
	case famZai:
		return r.zaiError(rep, e)
	case famKimiCode:
		return r.kimiError(rep, e)
	case famMoonshot:
		return r.moonshotError(rep, e)
	}
	return Result{}, false
}

func familyName(f family) string {
	switch f {
	case famOpenAI:
		return "OpenAI"
	case famAnthropic:
		return "Anthropic"
	case famGemini:
		return "Google"
	case famVertex:
		return "Vertex AI"
	case famOpenRouter:
		return "OpenRouter"
	case famNovita:
		return "Novita AI"
	case famZai:
		return "Z.ai"
	case famKimiCode:
		return "Kimi Code"
	case famMoonshot:
		return "Moonshot"
	case famMessages:
		return "The endpoint"
	case famBedrock:
		return "Amazon Bedrock"
	case famAzure:
		return "Azure OpenAI"
	}
	return "The server"
}

// Family names the provider family the settings reach: openai, anthropic,
// gemini, vertex, openrouter, novita, zai, kimi-code, moonshot, messages
// (the Anthropic protocol at a root URL), bedrock, azure or compatible (any
// other OpenAI-compatible server).
func (t *Tester) Family(s Settings) string {
	return [...]string{famCompatible: "compatible", famOpenAI: "openai", famAnthropic: "anthropic", famGemini: "gemini",
		famVertex: "vertex", famOpenRouter: "openrouter", famNovita: "novita", famZai: "zai", famKimiCode: "kimi-code",
		famMoonshot: "moonshot", famMessages: "messages", famBedrock: "bedrock", famAzure: "azure"}[t.family(trimSettings(s))]
}

// BaseURL is the endpoint the settings reach: the slot's own, its plan's
// or the provider's default, without a trailing slash.
func (t *Tester) BaseURL(s Settings) (string, error) { return t.baseURL(trimSettings(s)) }

// VertexBase is the Vertex AI base for a location: the regional host for
// a regional location, unless base is a URL of the user's own.
func (t *Tester) VertexBase(base, location string) string {
	if location == "" {
		location = "global"
	}
	return vertexBase(base, location, t.defaultBase(catalog.GoogleVertex))
}

// NeedsKey reports whether the settings reach a provider that requires a key.
func (t *Tester) NeedsKey(s Settings) bool { return t.needsKey(trimSettings(s)) }

// Who is the family's name in messages: "OpenAI", "Moonshot", "The server".
func (t *Tester) Who(s Settings) string {
	s = trimSettings(s)
	if t.family(s) == famMessages {
		base, _ := t.baseURL(s)
		return (&run{t: t, s: s, base: base}).who()
	}
	return familyName(t.family(s))
}
