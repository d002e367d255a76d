package keytest

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/kodusbyok/studio/backend/secrets"
)

// gemini: GET {base}/models/{model} with x-goog-api-key. A bad key is HTTP
// 400 API_KEY_INVALID, not 401.
func (r *run) gemini(ctx context.Context) Result {
	model := strings.TrimPrefix(r.s.Model, "models/")
	u := join(r.base, "models", escapeModel(model))
	h := http.Header{}
	h.Set("x-goog-api-key", r.key.Reveal())
	rep, err := r.send(ctx, http.MethodGet, u, h, nil, errorBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	e := parseError(rep.body)
	if rep.status == http.StatusOK {
		res := r.answer(rep, e, CodeOK, fmt.Sprintf("Google accepted the key and serves model %s.", model))
		res.ModelFound = ptr(true)
		return res
	}
	if res, ok := r.googleError(rep, e, "Google"); ok {
		return res
	}
	return r.fallback(rep, e, "Google")
}

// googleError applies the Google RPC error rules shared by Gemini and Vertex.
func (r *run) googleError(rep *reply, e apiError, who string) (Result, bool) {
	switch {
	case rep.status == http.StatusBadRequest && (e.hasReason("API_KEY_INVALID") || e.contains("API key not valid", "API Key not found")):
		return r.answer(rep, e, CodeAuth, who+" says the API key is not valid."), true
	case rep.status == http.StatusBadRequest && e.Status == "FAILED_PRECONDITION" && e.contains("Publisher Model"):
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("The project may not use model %s.", r.s.Model))
		res.ModelFound = ptr(false)
		res.Hint = "Model not found at review time: enable the model in Model Garden for this project, or pick one it offers."
		return res, true
	case rep.status == http.StatusBadRequest && e.Status == "FAILED_PRECONDITION":
		res := r.answer(rep, e, CodePayment, who+" says billing must be enabled, or the free tier is not available in your country.")
		res.Hint = "Enable billing on the Google Cloud project behind the key, then test again."
		return res, true
	case rep.status == http.StatusForbidden:
		res := r.answer(rep, e, CodeAuth, who+" refused the request: the key is restricted, the API is not enabled on its project, or it lacks permission.")
		res.Headline = "Permission denied"
		res.Hint = "Enable the API on the key's project and check the key's restrictions (or the service account's Vertex AI User role)."
		return res, true
	case rep.status == http.StatusNotFound && e.Status == "NOT_FOUND":
		res := r.answer(rep, e, CodeModelNotFound, fmt.Sprintf("%s accepted the credentials, but has no model %q here.", who, r.s.Model))
		res.ModelFound = ptr(false)
		if r.t.family(r.s) == famVertex {
			res.Hint = "Model not found at review time: check the model id and the region (Vertex location); enable the model in Model Garden if needed."
		}
		return res, true
	case rep.status == http.StatusTooManyRequests && e.contains("prepayment credits", "credits are depleted"):
		return r.answer(rep, e, CodePayment, who+" says the prepaid credits are used up."), true
	case rep.status == http.StatusTooManyRequests:
		res := r.answer(rep, e, CodeRateLimit, who+" accepted the key but the quota is exhausted right now.")
		if len(e.Quota) > 0 {
			res.ProviderCode = e.Quota[0]
		}
		return res, true
	}
	return Result{}, false
}

const cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform"

// vertex: a service account gets an OAuth token and calls countTokens on
// the project's model; an express-mode API key calls the publisher model's
// countTokens. countTokens is free and generates nothing. Claude on Vertex
// has no countTokens there, so it gets one 1-token rawPredict.
func (r *run) vertex(ctx context.Context) Result {
	loc := r.s.VertexLocation
	if loc == "" {
		loc = "global"
	}
	sa, isSA := secrets.ParseServiceAccount(r.key.Reveal())
	h := http.Header{}
	var u string
	var body any = map[string]any{"contents": []any{map[string]any{"role": "user", "parts": []any{map[string]any{"text": "ping"}}}}}
	probe := ProbeCountTokens
	if !isSA {
		h.Set("x-goog-api-key", r.key.Reveal())
		u = join(r.base, "publishers", "google", "models", escapeModel(r.s.Model)+":countTokens")
	} else {
		tok, res, ok := r.vertexToken(ctx)
		if !ok {
			return res
		}
		h.Set("Authorization", "Bearer "+tok)
		pub, method := "google", "countTokens"
		if strings.HasPrefix(r.s.Model, "claude") {
			pub, method, probe = "anthropic", "rawPredict", ProbeInference
			body = map[string]any{"anthropic_version": "vertex-2023-10-16", "max_tokens": 1, "messages": []any{map[string]any{"role": "user", "content": "hi"}}}
		}
		u = join(vertexBase(r.base, loc, r.t.defaultBase(r.s.Provider)), "projects", sa.ProjectID, "locations", loc, "publishers", pub, "models", escapeModel(r.s.Model)+":"+method)
	}
	rep, err := r.send(ctx, http.MethodPost, u, h, body, errorBodyLimit)
	if err != nil {
		return r.netFailure(ctx, err, u, probe)
	}
	e := parseError(rep.body)
	var res Result
	switch rep.status {
	case http.StatusOK:
		res = r.answer(rep, e, CodeOK, fmt.Sprintf("Vertex AI accepted the credentials and serves model %s in %s.", r.s.Model, loc))
		res.ModelFound = ptr(true)
	case http.StatusUnauthorized:
		res = r.answer(rep, e, CodeAuth, "Vertex AI rejected the credentials.")
	default:
		var ok bool
		if res, ok = r.googleError(rep, e, "Vertex AI"); !ok {
			res = r.fallback(rep, e, "Vertex AI")
		}
	}
	res.Probe = probe
	return res
}

// vertexBase: a regional location uses its regional host, unless the user
// set a base URL of their own.
func vertexBase(base, loc, def string) string {
	if loc != "global" && strings.TrimRight(base, "/") == strings.TrimRight(def, "/") && strings.Contains(def, "://aiplatform.googleapis.com") {
		return strings.Replace(def, "://aiplatform.", "://"+loc+"-aiplatform.", 1)
	}
	return base
}

// vertexToken turns the service account into an OAuth access token through
// the same client (no redirects, bounded bodies). The token is redacted
// from messages like the key.
func (r *run) vertexToken(ctx context.Context) (string, Result, bool) {
	raw := strings.TrimSpace(r.key.Reveal())
	if !strings.HasPrefix(raw, "{") {
		if dec, err := base64.StdEncoding.DecodeString(raw); err == nil {
			raw = string(dec)
		}
	}
	cfg, err := serviceAccountConfig([]byte(raw), cloudPlatformScope)
	if err != nil {
		return "", unusableSA(err), false
	}
	if r.t.GoogleTokenURL != "" {
		cfg.TokenURL = r.t.GoogleTokenURL
	}
	if err := checkPrivateKey(cfg.PrivateKey); err != nil {
		return "", unusableSA(err), false
	}
	// Record the transport's own error: oauth2 flattens it into text.
	rec := &recorder{base: r.hc.Transport}
	hc := *r.hc
	hc.Transport = rec
	start := time.Now()
	tok, err := cfg.TokenSource(context.WithValue(ctx, oauth2.HTTPClient, &hc)).Token()
	if err == nil {
		r.redact = append(r.redact, tok.AccessToken)
		return tok.AccessToken, Result{}, true
	}
	var re *oauth2.RetrieveError
	switch {
	case errors.As(err, &re) && re.Response != nil:
	case rec.err != nil:
		return "", r.netFailure(ctx, rec.err, cfg.TokenURL, ProbeCountTokens), false
	default:
		return "", unusableSA(err), false
	}
	rep := &reply{status: re.Response.StatusCode, header: re.Response.Header, body: re.Body, latency: time.Since(start), url: cfg.TokenURL}
	e := apiError{Message: strings.TrimSpace(re.ErrorCode + ": " + re.ErrorDescription), Code: re.ErrorCode}
	if re.ErrorCode == "" {
		e = parseError(re.Body)
	}
	var res Result
	if rep.status >= 400 && rep.status < 500 && rep.status != http.StatusTooManyRequests {
		res = r.answer(rep, e, CodeAuth, "Google refused the service account when asked for an access token.")
		res.Hint = "The key may be deleted, disabled or rotated: create a new JSON key for the service account and paste it."
	} else {
		res = r.fallback(rep, e, "Google's token service")
	}
	res.Probe = ProbeCountTokens
	return "", res, false
}

func unusableSA(err error) Result {
	return Result{Code: CodeAuth, Probe: ProbeCountTokens, Headline: "Service account not usable",
		Message: "The service-account JSON cannot be used: " + err.Error() + ".",
		Hint:    "Download a new JSON key for the service account (IAM → Service accounts → Keys) and paste it whole."}
}

// checkPrivateKey parses the service account's key before anything is
// sent, so a damaged paste is told apart from a network failure.
func checkPrivateKey(pemKey []byte) error {
	block, _ := pem.Decode(pemKey)
	if block == nil {
		return errors.New("its private_key is not a PEM block")
	}
	if _, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		return nil
	}
	if _, err := x509.ParsePKCS1PrivateKey(block.Bytes); err != nil {
		return fmt.Errorf("its private_key cannot be parsed: %w", err)
	}
	return nil
}

type recorder struct {
	base http.RoundTripper
	err  error
}

func (t *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil {
		t.err = err
	}
	return resp, err
}
